#include "actors/builtin_dictionary.h"

#include "core/embedded_blob.h"

ANNALIST_EMBEDDED_BLOB(annalist_actors_dictionary);

namespace annalist {

std::string_view BuiltinActorData() { return EmbeddedBlob(annalist_actors_dictionary); }

Status AddDictionarySections(std::string_view data, ActorDictionary* dictionary) {
  constexpr std::string_view kMarker = "##file ";
  size_t at = data.find(kMarker);
  while (at != std::string_view::npos) {
    const size_t name_end = data.find('\n', at);
    if (name_end == std::string_view::npos) break;
    std::string_view name = data.substr(at + kMarker.size(), name_end - at - kMarker.size());
    if (const size_t space = name.find(' '); space != std::string_view::npos) name = name.substr(0, space);
    const size_t next = data.find("\n" + std::string(kMarker), name_end);
    const size_t body_end = next == std::string_view::npos ? data.size() : next + 1;
    Status status = dictionary->AddText(data.substr(name_end + 1, body_end - name_end - 1), name);
    if (!status.ok()) return status;
    at = next == std::string_view::npos ? next : next + 1;
  }
  return Status::Ok();
}

Status AddBuiltinActors(ActorDictionary* dictionary) {
  return AddDictionarySections(BuiltinActorData(), dictionary);
}

}  // namespace annalist
