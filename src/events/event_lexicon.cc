// Reading the compiled event lexicon. The blob is line-oriented text made by compile_lexicon.cc, which has
// already validated every row, so a malformed line here means a corrupt build and is reported as Corruption.
#include "events/event_lexicon.h"

#include <algorithm>
#include <string>

#include "core/embedded_blob.h"
#include "io/record_names.h"

ANNALIST_EMBEDDED_BLOB(annalist_events_lexicon);

namespace annalist::events {
namespace {

// Splits `line` at tabs into `out` (at most out.size() fields); returns the field count.
size_t SplitTabs(std::string_view line, std::string_view* out, size_t max) {
  size_t n = 0;
  while (n < max) {
    size_t tab = line.find('\t');
    out[n++] = line.substr(0, tab);
    if (tab == std::string_view::npos) break;
    line.remove_prefix(tab + 1);
  }
  return n;
}

std::string_view Dash(std::string_view field) { return field == "-" ? std::string_view() : field; }

Governor ParseGovernor(std::string_view name) {
  if (name == "REFUSE") return Governor::kRefuse;
  if (name == "PROMISE") return Governor::kPromise;
  if (name == "THREAT") return Governor::kThreat;
  if (name == "CALL") return Governor::kCall;
  if (name == "AGREE") return Governor::kAgree;
  if (name == "DENY") return Governor::kDeny;
  if (name == "ANNOUNCE") return Governor::kAnnounce;
  if (name == "ALLEGE") return Governor::kAllege;
  return Governor::kNone;
}

uint32_t ParseClass(std::string_view name) {
  static constexpr std::pair<std::string_view, uint32_t> kNames[] = {
      {"DET", kDet},         {"POSS", kPoss},       {"PRON", kPron},
      {"BE", kBe},           {"HAVE", kHave},       {"DO", kDo},
      {"MODAL", kModal},     {"FUTURE", kFuture},   {"NEG", kNeg},
      {"PREP", kPrep},       {"COND", kCond},       {"REL", kRel},
      {"CONJ", kConj},       {"LIGHT", kLight},     {"PLAN", kPlan},
      {"HEDGE", kHedge},     {"QUESTION", kQuestion}, {"ADV", kAdv}, {"IRREALIS", kIrrealis}, {"&claim", kThemeClaim}, {"&weapon", kThemeWeapon},
      {"&sanction", kThemeSanction}, {"&diplomat", kThemeDiplomat}, {"&aid", kThemeAid},
      {"&proposal", kThemeProposal}, {"&property", kThemeProperty}, {"&civilian", kThemeCivilian},
      {"&person", kThemePerson},     {"&target", kThemeTarget}, {"&troops", kThemeTroops}, {"&curfew", kThemeCurfew}, {"&relations", kThemeRelations},
  };
  for (const auto& [n, bit] : kNames) {
    if (n == name) return bit;
  }
  return 0;
}

uint32_t ParseClasses(std::string_view list) {
  uint32_t mask = 0;
  while (!list.empty()) {
    size_t comma = list.find(',');
    mask |= ParseClass(list.substr(0, comma));
    if (comma == std::string_view::npos) break;
    list.remove_prefix(comma + 1);
  }
  return mask;
}

// Splits `words` at spaces into `out`; returns the count.
size_t SplitWords(std::string_view words, std::string_view* out, size_t max) {
  size_t n = 0;
  while (!words.empty() && n < max) {
    size_t space = words.find(' ');
    out[n++] = words.substr(0, space);
    if (space == std::string_view::npos) break;
    words.remove_prefix(space + 1);
  }
  return n;
}

}  // namespace

Result<EventLexicon> EventLexicon::FromBlob(std::string_view blob) {
  EventLexicon lexicon;
  size_t line_number = 0;
  while (!blob.empty()) {
    size_t nl = blob.find('\n');
    std::string_view line = blob.substr(0, nl);
    blob.remove_prefix(nl == std::string_view::npos ? blob.size() : nl + 1);
    ++line_number;
    if (line.empty()) continue;
    std::string_view f[12];
    const size_t n = SplitTabs(line, f, 12);
    auto corrupt = [&]() {
      return Status::Corruption("event lexicon blob line " + std::to_string(line_number) + ": '" +
                                std::string(line) + "'");
    };
    if (f[0] == "E" && n == 8) {
      Entry e;
      e.verb = f[1] == "V";
      std::optional<EventType> type = ParseEventType(f[2]);
      if (!type) return corrupt();
      e.type = *type;
      e.mode = Dash(f[3]);
      e.context = Dash(f[4]);
      e.cameo = Dash(f[5]);
      e.trigger = f[7];
      std::string_view flags = Dash(f[6]);
      std::string_view flag_words[8];
      const size_t nflags = SplitWords(flags, flag_words, 8);
      for (size_t i = 0; i < nflags; ++i) {
        std::string_view flag = flag_words[i];
        if (flag == "refusal") e.flags |= kRefusal;
        else if (flag == "reciprocal") e.flags |= kReciprocal;
        else if (flag == "bare") e.flags |= kBare;
        else if (flag == "needs-recipient") e.flags |= kNeedsRecipient;
        else if (flag == "passive-only") e.flags |= kPassiveOnly;
        else if (flag.starts_with("needs=")) e.needs_prep = flag.substr(6);
        else if (flag.starts_with("not-before=")) e.not_before = flag.substr(11);
        else if (flag.starts_with("needs-theme=")) e.needs_theme = ParseClass("&" + std::string(flag.substr(12)));
        else if (flag.starts_with("governor=")) e.governor = ParseGovernor(flag.substr(9));
        else return corrupt();
      }
      lexicon.entries_.push_back(e);
    } else if (f[0] == "F" && n >= 4) {
      FormRef ref;
      ref.entry = static_cast<uint32_t>(std::stoul(std::string(f[1])));
      if (ref.entry >= lexicon.entries_.size()) return corrupt();
      switch (f[2].empty() ? '?' : f[2][0]) {
        case 'B': ref.form = Form::kBase; break;
        case 'S': ref.form = Form::k3sg; break;
        case 'D': ref.form = Form::kPast; break;
        case 'N': ref.form = Form::kParticiple; break;
        case 'G': ref.form = Form::kGerund; break;
        case 'O': ref.form = Form::kNounSingular; break;
        case 'P': ref.form = Form::kNounPlural; break;
        default: return corrupt();
      }
      if (n - 4 > ref.rest.size()) return corrupt();
      ref.extra_words = static_cast<uint8_t>(n - 4);
      for (size_t i = 4; i < n; ++i) ref.rest[i - 4] = f[i];
      lexicon.forms_[f[3]].push_back(ref);
    } else if (f[0] == "C" && n == 3) {
      std::string_view words[4];
      const size_t count = SplitWords(f[1], words, 4);
      const uint32_t classes = ParseClasses(f[2]);
      if (count == 0 || classes == 0) return corrupt();
      if (count == 1) {
        lexicon.cues_[words[0]] |= classes;
      } else {
        MultiCue cue;
        cue.classes = classes;
        cue.extra_words = static_cast<uint8_t>(count - 1);
        for (size_t i = 1; i < count; ++i) cue.rest[i - 1] = words[i];
        lexicon.multi_cues_[words[0]].push_back(cue);
      }
    } else if (f[0] == "X" && n == 7) {
      Combination c;
      c.governor = ParseGovernor(f[1]);
      if (f[2] == "*") {
        c.any_embedded = true;
      } else {
        std::optional<EventType> t = ParseEventType(f[2]);
        if (!t) return corrupt();
        c.embedded = *t;
      }
      if (f[3] != "-") {
        std::optional<EventType> t = ParseEventType(f[3]);
        if (!t) return corrupt();
        c.keep_type = false;
        c.type = *t;
      }
      c.mode = Dash(f[4]);
      c.cameo = Dash(f[5]);
      std::optional<EventStatus> status = ParseEventStatus(f[6]);
      if (!status) return corrupt();
      c.status = *status;
      lexicon.combinations_.push_back(c);
    } else {
      return corrupt();
    }
  }
  // Longest forms first, so the matcher takes "hand over" before "hand"; among equally long ones a reading
  // with a theme constraint first, so "withdrew its ambassador" reaches the SANCTION row before the
  // unconstrained RETREAT one (the matcher tries the next reading when a theme is missing); else file order.
  for (auto& [word, refs] : lexicon.forms_) {
    const auto constrained = [&lexicon](const FormRef& r) { return lexicon.entries_[r.entry].needs_theme != 0; };
    std::stable_sort(refs.begin(), refs.end(), [&](const FormRef& a, const FormRef& b) {
      if (a.extra_words != b.extra_words) return a.extra_words > b.extra_words;
      return constrained(a) && !constrained(b);
    });
  }
  lexicon.BuildWordIndex();
  return lexicon;
}

const EventLexicon::WordSlot EventLexicon::kNoWord{};

void EventLexicon::BuildWordIndex() {
  words_.assign(1, std::string_view());
  infos_.assign(1, WordInfo());
  flat_forms_.clear();
  rest_words_.clear();
  flat_multi_.clear();
  const auto id_of = [this](std::string_view word) -> uint32_t {
    const uint32_t id = FindWord(word);
    if (id != 0) return id;
    words_.push_back(word);
    infos_.emplace_back();
    const uint32_t fresh = static_cast<uint32_t>(words_.size() - 1);
    // FindWord's probe sequence, up to the first group with an empty slot.
    const uint64_t x = Hash(Head(word), Tail(word), word.size());
    for (uint32_t g = static_cast<uint32_t>(x >> group_shift_) & group_mask_;; g = (g + 1) & group_mask_) {
      const uint64_t empty = ~Group(tags_.data(), g) & kHigh;
      if (empty != 0) {
        const size_t s = 8 * size_t{g} + static_cast<size_t>(std::countr_zero(empty) >> 3);
        tags_[s] = Tag(x, group_shift_);
        slots_[s] = Slot{Head(word), Tail(word), static_cast<uint32_t>(word.size()), fresh};
        break;
      }
    }
    return fresh;
  };
  // At most half full.
  size_t groups = 1;
  uint32_t bits = 0;
  while (8 * groups < 2 * (forms_.size() + cues_.size() + multi_cues_.size() + 1)) {
    groups *= 2;
    ++bits;
  }
  tags_.assign(8 * groups, 0);
  slots_.assign(8 * groups, Slot());
  group_mask_ = static_cast<uint32_t>(groups - 1);
  group_shift_ = bits == 0 ? 57 : 64 - bits;
  for (const auto& [word, refs] : forms_) {
    WordInfo& info = infos_[id_of(word)];
    info.forms_begin = static_cast<uint32_t>(flat_forms_.size());
    info.forms_count = static_cast<uint32_t>(refs.size());
    for (const FormRef& ref : refs) {
      FlatForm form;
      form.entry = ref.entry;
      form.rest = static_cast<uint32_t>(rest_words_.size());
      form.form = ref.form;
      form.extra_words = ref.extra_words;
      form.verb = entries_[ref.entry].verb;
      rest_words_.insert(rest_words_.end(), ref.rest.begin(), ref.rest.begin() + ref.extra_words);
      flat_forms_.push_back(form);
    }
  }
  for (const auto& [word, classes] : cues_) infos_[id_of(word)].cue = classes;
  for (const auto& [word, cues] : multi_cues_) {
    WordInfo& info = infos_[id_of(word)];
    info.multi_begin = static_cast<uint32_t>(flat_multi_.size());
    info.multi_count = static_cast<uint32_t>(cues.size());
    flat_multi_.insert(flat_multi_.end(), cues.begin(), cues.end());
  }
  for (Slot& slot : slots_) {
    if (slot.id == 0) continue;
    const WordInfo& info = infos_[slot.id];
    slot.cue = info.cue;
    slot.forms = info.forms_count != 0;
    slot.multi = info.multi_count != 0;
  }
}

const EventLexicon& EventLexicon::Builtin() {
  static const EventLexicon* lexicon = [] {
    Result<EventLexicon> result = FromBlob(EmbeddedBlob(annalist_events_lexicon));
    // The blob was validated by the build; a failure here is a broken build, not bad input.
    if (!result.ok()) return new EventLexicon();
    return new EventLexicon(std::move(result).value());
  }();
  return *lexicon;
}

const Combination* EventLexicon::Combine(Governor governor, EventType embedded) const {
  const Combination* fallback = nullptr;
  for (const Combination& c : combinations_) {
    if (c.governor != governor) continue;
    if (c.any_embedded) {
      if (!fallback) fallback = &c;
    } else if (c.embedded == embedded) {
      return &c;
    }
  }
  return fallback;
}

}  // namespace annalist::events
