// The grammar run's pronouns: he/she/him/his, it/its, they, and "the two".
#include "actors/grammar_run.h"

namespace annalist::actors_detail {

uint32_t Run::OnOther(uint32_t t) {
  const std::string_view word = text(t);
  if (word.size() < 2 || word.size() > 4) return t + 1;  // every word below has two to four letters
  const char initial = static_cast<char>(word[0] | 0x20);
  if (initial != 'h' && initial != 's' && initial != 't' && initial != 'i') return t + 1;  // no pronoun, no "the two"
  // The word folded and packed once (as In() does), then compared as an integer with each candidate.
  const uint64_t key = actors::PackFolded(word).lo;
  const auto is = [key, &word](std::string_view candidate) {
    return key == actors::PackFolded(candidate).lo && word.size() == candidate.size();
  };
  const bool pronouns = options_.pronoun_window_sentences > 0;
  if (pronouns && (is("it") || is("its"))) return OnIt(t);
  if (pronouns && is("they")) return OnThey(t);
  if (pronouns && (is("he") || is("she") || is("him") || is("his"))) {
    if (last_person_ >= 0 && static_cast<size_t>(last_person_) < found_.size()) {
      const Found& person = found_[last_person_];
      if (sentence_ - person.sentence <= options_.pronoun_window_sentences) {
        Found f = person;
        SetSpan(f, t, t + 1);
        const int32_t keep = last_person_;
        Emit(f);
        last_person_ = keep;
      }
    }
    return t + 1;
  }
  if (is("the") && Is(t + 1, "two")) {
    const bool noun_follows = IsLowerWord(t + 2) && (text(t + 2).back() == 's' || Is(t + 2, "men") ||
                                                     Is(t + 2, "women") || Is(t + 2, "people"));
    if (!noun_follows && !ItemAt(t + 2)) {
      Found f;
      SetSpan(f, t, t + 2);
      Emit(f);
      return t + 2;
    }
  }
  return t + 1;
}

uint32_t Run::OnThey(uint32_t t) {
  if (t + 1 >= end_ || !IsLowerWord(t + 1) || In<kFunctionWords>(text(t + 1))) return t + 1;
  for (size_t i = found_.size(), n = 0; i > 0 && n < 16; --i, ++n) {
    const Found& f = found_[i - 1];
    if (sentence_ - f.sentence > 1) break;
    if (f.mention.country.empty() && f.mention.sector == Sector::kNone) continue;
    const uint32_t first = f.first_token;
    const uint32_t last = f.end_token - 1;  // the mention's last token
    if (first >= doc_.tokens.size() || last >= doc_.tokens.size() || first > last) continue;
    // A plural common noun heads it ("forces", "militias"); a name in -s ("Isis") is no plural.
    const std::string_view head = text(last);
    const bool plural = IsLowerWord(last) && head.size() > 3 && head.back() == 's' && !head.ends_with("ss");
    if (!plural) continue;
    if (first > 0 && In<kFunctionWords>(text(first - 1)) && !Is(first - 1, "and")) continue;
    if (last + 1 >= doc_.tokens.size() || !IsLowerWord(last + 1) || In<kFunctionWords>(text(last + 1))) continue;
    Found copy = f;
    SetSpan(copy, t, t + 1);
    Emit(copy);
    return t + 1;
  }
  return t + 1;
}

uint32_t Run::OnIt(uint32_t t) {
  const bool possessive = Is(t, "its");
  if (!possessive) {
    if (t + 1 >= end_ || !IsLowerWord(t + 1)) return t + 1;
    // One lookup for each neighbour answers every question below (actors::WordClassOf).
    const uint32_t next = actors::WordClassOf(text(t + 1));
    if (next & (actors::kImpersonalClass | actors::kFunctionWordClass)) return t + 1;
    static constexpr actors::GrammarWordSet kAuxiliaries = {"has", "had", "will", "became"};
    if (kAuxiliaries.Has(next) && (t + 2 >= end_ || In<kImpersonalAfter>(text(t + 2)))) return t + 1;
    if (t > begin_) {
      const uint32_t before = actors::WordClassOf(text(t - 1));
      // Function words that may open the clause "it" is the subject of.
      static constexpr actors::GrammarWordSet kClauseOpeners = {"that",  "and", "since", "after", "before",
                                                                "when",  "while", "as",  "but",   "if"};
      if ((before & actors::kFunctionWordClass) && !kClauseOpeners.Has(before)) {
        return t + 1;  // an object: "to it", "about it"
      }
      // In a relative clause on the last actor, "it" is someone else: "the PKK, with whom it has fought".
      if (actors::IsGrammarWord(before, "whom") || actors::IsGrammarWord(before, "which")) return t + 1;
    }
  }
  if (found_.empty()) return t + 1;
  const Found& last = found_.back();
  if (last.entry < 0 || sentence_ - last.sentence > options_.pronoun_window_sentences) return t + 1;
  const ActorSummary& e = summaries_[last.entry];
  const bool org = e.kind == ActorKind::kOrganisation;
  const bool state = e.kind == ActorKind::kCountry && last.agent < 0 && last.mention.sector == Sector::kGOV;
  if (!org && !state) return t + 1;
  // A bare "its" ("its support", "its kind") is less sure than "it" before a verb: the antecedent must be close.
  const bool bare = possessive && !AgentAt(t + 1);
  if (bare && sentence_ - last.sentence > 1) return t + 1;
  // A name the dictionary does not know between them may be the antecedent ("South Carolina … its support").
  const uint32_t from = last.end_token;
  for (uint32_t p = from; p < t; ++p) {
    if (tok(p).kind != TokenKind::kWord || !tok(p).has(kTokenCapitalized) || item_at_data_[p] >= 0) continue;
    if (InsideItem(p) || SentenceStart(p) || In<kCapitalizedWords>(text(p))) continue;
    if (p > 0 && tok(p - 1).kind != TokenKind::kWord && text(p - 1) != ",") continue;  // after a quote, a dash
    return t + 1;
  }
  Found f = last;
  SetSpan(f, t, t + 1);
  uint32_t next = t + 1;
  if (possessive) {
    Anchor anchor;
    anchor.type = org ? AnchorType::kOrganisation : AnchorType::kState;
    anchor.entry = last.entry;
    anchor.country = last.mention.country;
    anchor.sector = last.mention.sector;
    Sector sector = Sector::kNone;
    int32_t head = -1;
    bool act = false;
    const AgentSummary* chain_last = nullptr;
    const uint32_t chain_end = AgentChain(t + 1, anchor, &sector, &head, &act, &chain_last);
    if (head >= 0 && !act) {
      SetSpan(f, t, chain_end);
      f.mention.sector = sector;
      f.agent = head;
      next = chain_end;
    }
  }
  Emit(f);
  return next;
}

}  // namespace annalist::actors_detail
