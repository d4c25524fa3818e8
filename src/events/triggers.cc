// Steps 1–2 of the sentence pass: the sentence driver, trigger readings (verb or noun), passives.
#include "events/sentence_coder.h"

#include <cstdio>
#include <cstring>

namespace annalist::events_detail {

void SentenceCoder::Run() {
  s_.candidates.clear();
  if (e_ <= b_ || e_ - b_ > opt_.max_sentence_tokens) return;
  if (doc_.token_text(e_ - 1) == "?") return;  // questions report no act
  FindTriggers();
  for (Candidate& c : s_.candidates) Arguments(c);
  Governors();
  AdoptParties();
  for (Candidate& c : s_.candidates) {
    const Governor gov = lex_.entry(c.entry).governor;
    if (!c.combined && !c.dropped && (gov == Governor::kAnnounce || gov == Governor::kAllege)) Drop(c);
    if (c.dropped || c.governed) continue;
    Status(c);
    if (!c.dropped) Emit(c);
  }
  if (opt_.trace) Trace();
}

bool SentenceCoder::VerbReading(uint32_t t, Form form) const {
  uint32_t prev = t > b_ ? t - 1 : kNone;
  while (prev != kNone && prev > b_ && IsAdverb(prev)) --prev;
  const uint32_t pc = prev != kNone ? s_.cue[prev] : 0;
  if (prev != kNone && (pc & (events::kDet | events::kPoss) || IsPossessiveMark(prev))) return false;
  // A participle between a number or determiner and a noun is an adjective ("25,000 promised refugees").
  if ((form == Form::kPast || form == Form::kParticiple) && prev != kNone &&
      doc_.tokens[prev].kind == TokenKind::kNumber && IsContentWord(t + 1)) {
    return false;
  }
  if (form == Form::kPast || form == Form::kParticiple) return true;
  if (form == Form::kGerund) {
    // A gerund is a verb after be, a comma, a coordinator, a subject or a clause preposition ("by trying
    // to persuade"); after an adjective or "of" it is a noun ("the mass killing", "this class of killing").
    if (prev == kNone) return false;  // "Fighting between rebel factions …": a sentence-initial noun
    if (pc & (events::kBe | events::kConj)) return true;
    std::string_view pw = doc_.token_text(prev);
    if (pw == "," || pw == "by" || pw == "after" || pw == "before" || pw == "while" || pw == "without" ||
        pw == "when" || pw == "since") {
      return true;
    }
    const uint32_t a = s_.actor_at[prev];
    if (a != kNone) return !IsDemonym(a);
    // After a verb ("consider sharing intelligence") a gerund with an object is a verb; after an adjective
    // with a PP it is a noun ("the mass killing of").
    return IsContentWord(prev) && t + 1 < e_ && !IsPunct(t + 1) && !(s_.cue[t + 1] & events::kPrep);
  }
  if (prev == kNone) return false;
  if (Is(prev, "to") ||
      pc & (events::kModal | events::kFuture | events::kDo | events::kNeg | events::kPron | events::kRel)) {
    return true;
  }
  const uint32_t a = s_.actor_at[prev];
  if (a != kNone) return !IsDemonym(a);
  if (form == Form::k3sg) {  // "Netanyahu promises", "the group demands"
    return doc_.tokens[prev].has(kTokenCapitalized) && !IsPunct(prev) && prev != b_;
  }
  // A plural noun subject ("Kurdish forces edge towards"): a lower-case word in -s before a base form.
  std::string_view pw = doc_.token_text(prev);
  return form == Form::kBase && pw.size() > 3 && pw.back() == 's' && pc == 0 && !IsPunct(prev);
}

void SentenceCoder::FindTriggers() {
  // The word tokens with forms, left to right; a trigger found skips the tokens it spans.
  uint32_t next = b_;
  for (size_t k = s_.trigger_begin; k < s_.trigger_end; ++k) {
    const uint32_t t = s_.trigger[k];
    if (t < next) continue;
    const EventLexicon::WordInfo& info = lex_.word_info(s_.wid[t]);
    const EventLexicon::FlatForm* refs = lex_.forms() + info.forms_begin;
    // Longest match first; among equally long ones, the first reading that fits.
    for (size_t i = 0; i < info.forms_count; ++i) {
      const EventLexicon::FlatForm& ref = refs[i];
      if (!RestMatches(ref, t)) continue;
      // A trigger inside a name is part of the name ("Syrian Negotiating Committee"), unless it runs past
      // the name's end ("a Turkish military operation" with the mention "Turkish military").
      if (s_.actor_at[t] != kNone && t + 1 + ref.extra_words <= MentionLast(t)) continue;
      // … also a name the actors stage does not know: a capitalised noun inside a run of capitalised words
      // ("the Syrian Negotiations Commission", "the Sochi Summit Declaration").
      if (!ref.verb && t > b_ && doc_.tokens[t].has(kTokenCapitalized)) {
        const uint32_t end = t + 1 + ref.extra_words;
        if (end < e_ && doc_.tokens[end].kind == TokenKind::kWord && doc_.tokens[end].has(kTokenCapitalized)) continue;
      }
      const bool fits = ref.verb ? VerbReading(t, ref.form) : NounReading(t);
      if (!fits) continue;
      const Entry& entry = lex_.entry(ref.entry);
      Candidate c;
      c.entry = ref.entry;
      c.first = t;
      c.last = t + 1 + ref.extra_words;
      c.verb = entry.verb;
      c.gerund = entry.verb && ref.form == Form::kGerund;
      c.form = ref.form;
      c.type = entry.type;
      c.mode = entry.mode;
      c.cameo = entry.cameo;
      c.context = entry.context;
      if (c.verb && (ref.form == Form::kPast || ref.form == Form::kParticiple)) c.passive = Passive(t);
      if (entry.has(events::kPassiveOnly) && !c.passive) continue;
      if (entry.needs_theme && !(c.passive ? HasTheme(c.first > b_ + 16 ? c.first - 16 : b_, c.first, entry.needs_theme)
                                            : HasTheme(c.last, c.last + 6, entry.needs_theme))) {
        continue;
      }
      if (s_.candidates.size() < 32) s_.candidates.push_back(c);
      next = c.last;
      break;
    }
  }
}

bool SentenceCoder::Passive(uint32_t t) const {
  char buf[kMaxWord];
  for (uint32_t k = 1; k <= 3 && t >= b_ + k; ++k) {
    const uint32_t u = t - k;
    const uint32_t c = s_.cue[u];
    std::string_view w = Word(u, buf);
    if (c & events::kBe || w == "got" || w == "get" || w == "gets" || w == "getting") return true;
    if (c & events::kNeg || (w.size() > 3 && w.ends_with("ly"))) continue;
    break;
  }
  if (Is(t + 1, "by")) return true;
  // A reduced relative: a transitive participle right after a noun with no object of its own ("four
  // Kurdish fighters killed on the battlefront", "a musical group detained at the border").
  if (t > b_ && t + 1 < e_ && (s_.actor_at[t - 1] != kNone || IsContentWord(t - 1) || Is(t - 1, ",")) &&
      (s_.cue[t + 1] & events::kPrep || Is(t + 1, ",") || IsBreak(t + 1) ||
       (IsContentWord(t + 1) && doc_.token_text(t + 1).ends_with("ing")))) {  // "men killed fighting Isis"
    const EventLexicon::WordInfo& info = lex_.word_info(s_.wid[t]);
    for (uint32_t i = 0; i < info.forms_count; ++i) {
      const Entry& entry = lex_.entry(lex_.forms()[info.forms_begin + i].entry);
      if (entry.has(events::kReciprocal)) continue;  // "Erdoğan and Putin clashed in public": intransitive
      const EventType type = entry.type;
      if (type == EventType::kAssault || type == EventType::kCoerce || type == EventType::kSanction) return true;
    }
  }
  return false;
}

void SentenceCoder::Trace() const {
  const auto party = [this](uint32_t a) {
    return a == kNone ? std::string("-") : std::string(doc_.slice(doc_.actors[a].span));
  };
  for (const Candidate& c : s_.candidates) {
    const std::string_view trigger(doc_.text.data() + doc_.tokens[c.first].begin,
                                   doc_.tokens[c.last - 1].end - doc_.tokens[c.first].begin);
    std::fprintf(stderr, "[events] %.*s %s%s%s type=%d %s -> %s%s", static_cast<int>(trigger.size()),
                 trigger.data(), c.verb ? "V" : "N", c.passive ? " passive" : "", c.gerund ? " gerund" : "",
                 static_cast<int>(c.type), party(c.actor).c_str(), party(c.recipient).c_str(),
                 c.governed ? " governed" : "");
    if (c.dropped) {
      const char* file = c.dropped_file;
      if (const char* slash = std::strrchr(file, '/')) file = slash + 1;
      std::fprintf(stderr, " dropped@%s:%d", file, c.dropped_line);
    }
    std::fputc('\n', stderr);
  }
}

}  // namespace annalist::events_detail
