// Test helper: runs the stages before events (text, times, places, actors, figures) and the event coder on a
// text, with the built-in resources, and describes each event as one readable line.
#pragma once

#include <memory>
#include <string>
#include <vector>

#include "actors/actor_dictionary.h"
#include "actors/actor_recognizer.h"
#include "actors/builtin_dictionary.h"
#include "annalist/document.h"
#include "events/event_coder.h"
#include "figures/quantity_recognizer.h"
#include "io/record_names.h"
#include "places/gazetteer.h"
#include "places/place_recognizer.h"
#include "text/segmenter.h"
#include "times/time_tagger.h"

namespace annalist::events_test {

class Harness {
 public:
  static const Harness& Get() {
    static const Harness* harness = new Harness();
    return *harness;
  }

  Document Code(const std::string& text, const char* dateline = "2023-12-21") const {
    Document doc;
    doc.text = text;
    doc.date = ParseIsoDate(dateline);
    Segmenter().Process(doc);
    TimeTagger().Process(doc);
    places_->Process(doc);
    actors_->Process(doc);
    figures_.Process(doc);
    coder_.Process(doc);
    return doc;
  }

  // "TYPE trigger actor=… recipient=… status" per event; actor and recipient as written, "-" when null.
  std::vector<std::string> Describe(const std::string& text) const {
    const Document doc = Code(text);
    std::vector<std::string> out;
    for (const Event& e : doc.events) out.push_back(Line(doc, e));
    return out;
  }

  static std::string Line(const Document& doc, const Event& e) {
    auto party = [&](uint32_t a) { return a == kNone ? std::string("-") : std::string(doc.slice(doc.actors[a].span)); };
    std::string out(EventTypeName(e.type));
    out += " " + std::string(doc.slice(e.trigger));
    out += " actor=" + party(e.actor);
    out += " recipient=" + party(e.recipient);
    out += " " + std::string(EventStatusName(e.status));
    return out;
  }

 private:
  Harness() {
    Result<Gazetteer> g = Gazetteer::LoadEmbedded();
    gazetteer_ = std::make_unique<Gazetteer>(std::move(g).value());
    places_ = std::make_unique<PlaceRecognizer>(*gazetteer_);
    dictionary_ = std::make_unique<ActorDictionary>();
    (void)AddBuiltinActors(dictionary_.get());
    dictionary_->Finish();
    actors_ = std::make_unique<ActorRecognizer>(*dictionary_);
  }

  std::unique_ptr<Gazetteer> gazetteer_;
  std::unique_ptr<PlaceRecognizer> places_;
  std::unique_ptr<ActorDictionary> dictionary_;
  std::unique_ptr<ActorRecognizer> actors_;
  QuantityRecognizer figures_;
  EventCoder coder_;
};

}  // namespace annalist::events_test
