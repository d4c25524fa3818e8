// Evidence and decisions: the second half of a DocumentMatcher's work (document_matcher.h). The article's
// anchored countries, surnames, speakers and lower-case words are collected once; then each raw match is
// weighed in its context and becomes a place mention or not (place_recognizer.cc gives the rules).
#include <algorithm>
#include <cmath>
#include <string_view>

#include "places/document_matcher.h"

namespace annalist::places {

inline bool DocumentMatcher::HasKind(const RawMatch& m, EntryKind kind) const {
  for (uint32_t p : m.hit.postings) {
    if (static_cast<EntryKind>(gaz_.entry(p & places::kPostingEntryMask).kind) == kind) return true;
  }
  return false;
}

inline void DocumentMatcher::AddAnchor(const EntryRecord& e) {
  if (e.country[0] == 0) return;
  const uint32_t c = PackedCountry(e);
  if (std::find(anchors_.begin(), anchors_.end(), c) == anchors_.end()) anchors_.push_back(c);
}

inline bool DocumentMatcher::Anchored(const EntryRecord& e) const {
  return e.country[0] != 0 && std::find(anchors_.begin(), anchors_.end(), PackedCountry(e)) != anchors_.end();
}

inline uint32_t DocumentMatcher::NameBefore(uint32_t i) const {
  uint32_t k = i;
  while (k > 0 && pieces_[k].has(kPieceJoinPrev)) {
    --k;
    // (The connectors are at most kMaxConnectorSize bytes long: a cheap test before the table.)
    if (pieces_[k].has(kPieceCap) || pieces_[k].key_size > kMaxConnectorSize ||
        !In(kListNameConnector, pieces_[k])) {
      return k;
    }
  }
  return kNone;
}

void DocumentMatcher::CollectEvidence() {
  for (const RawMatch& m : matches_) {
    const bool single = m.first == m.last;
    for (uint32_t p : m.hit.postings) {
      const EntryRecord& e = gaz_.entry(p & places::kPostingEntryMask);
      const auto kind = static_cast<EntryKind>(e.kind);
      const bool ambiguous = (m.hit.flags & places::kSlotAmbiguous) && single;
      if (kind == EntryKind::kDemonym || kind == EntryKind::kCountry ||
          ((e.flags & places::kEntrySupplement) && kind != EntryKind::kBlock && !ambiguous)) {
        AddAnchor(e);
        break;  // the first such posting speaks for the key
      }
    }
  }
  // The keys the article writes in lower case are asked about only for capitalised pieces (a lower-case
  // piece is trivially one of them), and only for those that open a sentence without being function words
  // (LikelyName) and those that are one-word matches (Decide): the set holds their keys, marked when a
  // lower-case piece has the same key hash. Most lower-case pieces share no key's length, first and last
  // byte with those: a 4096-bit filter of shapes answers them before their key is hashed.
  capitalised_keys_.Reset(capitalised_.size());
  std::array<uint64_t, 64> shapes{};
  for (const uint32_t i : capitalised_) {
    const Piece& p = pieces_[i];
    const bool one_word_match =
        p.match != kNone && matches_[p.match].first == i && matches_[p.match].last == i;
    if (!one_word_match && !(p.has(kPieceSentenceStart) && !In(kListFunctionWord, p))) continue;
    capitalised_keys_.Insert(p.hash);
    if (p.key_size > 0) {
      const uint32_t s = Shape(Key(p));
      shapes[s >> 6] |= uint64_t{1} << (s & 63);
    }
  }
  for (const uint64_t shape_piece : lower_case_) {
    const auto s = static_cast<uint32_t>(shape_piece >> 32);
    if (shapes[s >> 6] & (uint64_t{1} << (s & 63))) {
      capitalised_keys_.Mark(PieceHash(static_cast<uint32_t>(shape_piece)));
    }
  }
  for (const uint32_t i : capitalised_) {
    const Piece& p = pieces_[i];
    if (p.key_size == 0 || !p.has(kPieceCap) || p.has(kPieceSentenceStart) || p.has(kPieceInTime)) continue;
    const uint32_t before = NameBefore(i);
    if (before == kNone || !pieces_[before].has(kPieceCap)) continue;
    const bool title = In(kListTitle, pieces_[before]);
    const bool given = pieces_[before].match == kNone && !pieces_[before].has(kPieceAllCaps) &&
                       !pieces_[before].has(kPieceInTime) && LikelyName(before);
    if (title || given) surnames_.push_back(PieceHash(i));
  }
  std::sort(surnames_.begin(), surnames_.end());
  // Speakers: a one-word name right before a verb of speech ("Ricardo said") or right after one and ending
  // the clause ("said Saratova, who …").
  for (const RawMatch& m : matches_) {
    if (m.first != m.last) continue;
    const uint32_t i = m.first;
    // (Not the tail of a longer name: "Friends of Kurdistan Manchester said".)
    const bool before_verb = Joined(i + 1) && In(kListSpeechVerb, pieces_[i + 1]) &&
                             !(Joined(i) && (pieces_[i - 1].has(kPieceCap) || Key(pieces_[i - 1]) == "of"));
    const bool after_verb = i > 0 && Joined(i) && !pieces_[i - 1].has(kPieceCap) &&
                            In(kListSpeechVerb, pieces_[i - 1]) &&
                            (!Joined(i + 1) || Key(pieces_[i + 1]) == "who");
    if (before_verb || after_verb) speakers_.push_back(PieceHash(i));
  }
  std::sort(speakers_.begin(), speakers_.end());
}

inline bool DocumentMatcher::WrittenInLowerCase(uint32_t i) const {
  const Piece& p = pieces_[i];
  if (!p.has(kPieceCap) && !p.has(kPieceAllCaps)) return p.key_size > 0;  // piece i itself
  return capitalised_keys_.Marked(p.hash);
}

inline bool DocumentMatcher::CapitalisedOutsider(uint32_t i) const {
  const Piece& p = pieces_[i];
  return (p.has(kPieceCap) || p.has(kPieceAllCaps)) && p.match == kNone && !p.has(kPieceInTime) &&
         p.key_size > 0;
}

inline bool DocumentMatcher::LikelyName(uint32_t i) const {
  const Piece& p = pieces_[i];
  if (!p.has(kPieceSentenceStart)) return true;
  return !In(kListFunctionWord, p) && !WrittenInLowerCase(i);
}

inline bool DocumentMatcher::FollowedByCommaPlace(uint32_t i) const {
  const uint32_t t = pieces_[i].token + 1;
  if (t + 1 >= doc_.tokens.size() || doc_.text[doc_.tokens[t].begin] != ',') return false;
  if (i + 1 >= pieces_.size() || pieces_[i + 1].token != t + 1) return false;
  return pieces_[i + 1].match != kNone;
}

void DocumentMatcher::Decide() {
  for (const RawMatch& m : matches_) {
    if (doc_.places.size() >= options_.max_places_per_document) break;
    accepted_.push_back(Decide(m));
  }
  // One sense per article: a town refused only for want of a locative is taken where the article names
  // it elsewhere as a place ("in Geneva" … "The Geneva agreement").
  std::sort(accepted_keys_.begin(), accepted_keys_.end());
  bool added = false;
  for (const auto& [hash, mention] : pending_) {
    if (doc_.places.size() >= options_.max_places_per_document) break;
    if (Contains(accepted_keys_, hash)) {
      doc_.places.push_back(mention);
      added = true;
    }
  }
  if (added) {
    std::sort(doc_.places.begin(), doc_.places.end(),
              [](const PlaceMention& a, const PlaceMention& b) { return a.span.begin < b.span.begin; });
  }
}

inline bool DocumentMatcher::Decide(const RawMatch& m) {
  if (HasKind(m, EntryKind::kBlock)) return false;
  const Piece& first = pieces_[m.first];
  const bool single = m.first == m.last;
  const std::string_view key = Key(first);
  const uint64_t key_hash = single ? PieceHash(m.first) : 0;
  const bool ambiguous = single && (m.hit.flags & places::kSlotAmbiguous);

  // Context around the name.
  const bool joined_before = first.has(kPieceJoinPrev) && m.first > 0;
  const bool title_before =
      joined_before && In(kListTitle, pieces_[m.first - 1]) && pieces_[m.first - 1].has(kPieceCap);
  const bool org_before = joined_before && m.first >= 2 && Key(pieces_[m.first - 1]) == "of" &&
                          pieces_[m.first - 1].has(kPieceJoinPrev) && In(kListOfHead, pieces_[m.first - 2]);
  const Piece& prev = pieces_[m.first > 0 ? m.first - 1 : 0];
  const bool cap_before = joined_before && (prev.has(kPieceCap) || prev.has(kPieceAllCaps)) &&
                          !prev.has(kPieceInTime) && LikelyName(m.first - 1) &&
                          (prev.match == kNone || !accepted_[prev.match]);
  uint32_t after = m.last + 1;
  const bool joined_after = Joined(after);
  const bool cap_after = joined_after && CapitalisedOutsider(after);
  // "Iran-Iraq war": skip the other places of a compound before looking for the head.
  uint32_t head = after;
  bool block_after = false;  // the compound's other half opens a blocked phrase ("Iraq war")
  while (Joined(head) && pieces_[head].match != kNone && head - after < 3 &&
         doc_.text[pieces_[head - 1].end] == '-') {
    block_after |= HasKind(matches_[pieces_[head].match], EntryKind::kBlock);
    ++head;
  }
  const bool org_after =
      block_after ||
      (Joined(head) && ((pieces_[head].has(kPieceCap) && In(kListOrganisationHead, pieces_[head])) ||
                        In(kListLowerCaseHead, pieces_[head])));
  if (title_before || org_before || org_after) return false;
  // "Operation Olive Branch": a code name. "North-East Syria": a regional phrase on the place that follows.
  if (joined_before && prev.has(kPieceCap) && Key(prev) == "operation") return false;
  if (CompassBeforePlace(m)) return false;
  // "Hayat Tahrir al-Sham": a name opened by a lower-case article after a capitalised word is its tail.
  if (!first.has(kPieceCap) && joined_before && prev.has(kPieceCap)) return false;
  const bool any_cap_before =
      joined_before && (prev.has(kPieceCap) || prev.has(kPieceAllCaps)) && LikelyName(m.first - 1);
  const bool any_cap_after =
      joined_after && (pieces_[after].has(kPieceCap) || pieces_[after].has(kPieceAllCaps));
  const bool sentence_start = first.has(kPieceSentenceStart);
  const bool lower_elsewhere = single && WrittenInLowerCase(m.first);
  const bool surname = single && Contains(surnames_, key_hash);
  const bool short_name = single && key.size() <= 3;
  if (short_name && !first.has(kPieceAllCaps) && !first.has(kPieceAbbrev)) return false;

  // A following feature word joins the span; a division word prefers divisions.
  bool admin_hint = false;
  uint32_t span_last = m.last;
  if (joined_after && !pieces_[after].has(kPieceInTime) && In(kListSuffixWord, pieces_[after])) {
    const std::string_view next = Key(pieces_[after]);
    for (size_t s = 0; s < std::size(kSuffixWords); ++s) {
      if (next == kSuffixWords[s] && pieces_[after].match == kNone &&
          (s >= kAdminSuffixCount || HasKind(m, EntryKind::kAdmin))) {
        span_last = after;
        admin_hint = s < kAdminSuffixCount;
      }
    }
  }

  // A weak town gets its anchored country's bonus only when no well-known place shares its name (Geneva,
  // Illinois must not beat Geneva because the article also names the US).
  // And whether the key is some town's own name: an alternate name (an exonym, but also a former name:
  // "Salisbury" for Harare, "Franklin" for Columbus) of a big town is then no evidence by itself.
  bool any_strong = false;
  bool any_primary = false;
  for (uint32_t p : m.hit.postings) {
    const EntryRecord& e = gaz_.entry(p & places::kPostingEntryMask);
    const bool city = static_cast<EntryKind>(e.kind) == EntryKind::kCity;
    any_strong |= city && (e.population >= options_.strong_population || (e.flags & places::kEntryCapital));
    any_primary |= city && !(p & places::kPostingAltName);
  }
  // The best entry.
  const EntryRecord* best = nullptr;
  double best_score = -1e9;
  bool best_alt = false;
  bool demonym = false;
  for (uint32_t p : m.hit.postings) {
    const EntryRecord& e = gaz_.entry(p & places::kPostingEntryMask);
    const auto kind = static_cast<EntryKind>(e.kind);
    if (kind == EntryKind::kDemonym) demonym = true;
    if (kind == EntryKind::kBlock || kind == EntryKind::kDemonym) continue;
    if (short_name && kind != EntryKind::kCountry) continue;
    double score = 0;
    const bool supplement = (e.flags & places::kEntrySupplement) != 0;
    switch (kind) {
      case EntryKind::kCountry:
        score = 1000;
        break;
      case EntryKind::kArea:
        score = 900;
        break;
      case EntryKind::kAdmin:
        score = supplement ? 850 : 250;
        break;
      default:
        score = supplement ? 850
                           : PopulationScore(p & places::kPostingEntryMask, e) +
                                 ((e.flags & places::kEntryCapital) ? 150 : 0) +
                                 ((e.flags & places::kEntryAdminSeat) ? 100 : 0);
    }
    if (p & places::kPostingAltName) score -= 60;
    const bool weak_city = kind == EntryKind::kCity && !supplement && !(e.flags & places::kEntryCapital) &&
                           e.population < options_.strong_population;
    if (Anchored(e) && !(weak_city && any_strong)) score += 150;
    if (admin_hint && kind == EntryKind::kAdmin) score += 800;
    if (score > best_score) {
      best_score = score;
      best = &e;
      best_alt = (p & places::kPostingAltName) != 0;
    }
  }
  if (best == nullptr || (demonym && static_cast<EntryKind>(best->kind) != EntryKind::kCountry)) return false;

  const auto kind = static_cast<EntryKind>(best->kind);
  const bool supplement = (best->flags & places::kEntrySupplement) != 0;
  const bool capital = (best->flags & places::kEntryCapital) != 0;
  const bool anchored = Anchored(*best);
  const bool country_like = kind == EntryKind::kCountry || kind == EntryKind::kArea || capital;
  bool accept;
  if (ambiguous) {
    accept = !cap_before && !cap_after && !surname &&
             !(lower_elsewhere && (sentence_start || !country_like)) && (country_like || anchored);
  } else if (kind == EntryKind::kCountry || kind == EntryKind::kArea || supplement || capital ||
             (kind == EntryKind::kAdmin && (anchored || !single)) ||
             (kind == EntryKind::kCity && best->population >= options_.strong_population)) {
    accept = !(single && sentence_start && lower_elsewhere && kind != EntryKind::kCountry);
    // A town that is also the article's surname ("Peter Beaumont") is the person, unless it is big, a
    // capital, or followed by ", Country" (a letter's signature: "Zev Moses Vancouver, Canada").
    if (surname && kind == EntryKind::kCity && !capital && !supplement && best->population < 500000 &&
        !FollowedByCommaPlace(m.last)) {
      accept = false;
    }
  } else if (single) {
    accept = anchored && best->population >= options_.anchored_population && !any_cap_before &&
             !any_cap_after && !surname && !lower_elsewhere;
  } else {
    accept = anchored || best->population >= options_.multiword_population;
  }
  // "The Bank", "The Village": an article-led name must be a big or a curated one ("The Hague").
  if (key == "the" && !supplement && !country_like && best->population < options_.strong_population)
    return false;
  if (!accept) return false;
  // Person and organisation patterns, for every name but a country's: an apposition noun ("her daughter,
  // Sana", "the news agency Sana", "Sana, the state news agency") and "Centre for Global Policy".
  if (kind != EntryKind::kCountry) {
    if (AppositionBefore(m.first) || AppositionAfter(m.last)) return false;
    if (joined_after && Key(pieces_[after]) == "for" && !pieces_[after].has(kPieceCap) && Joined(after + 1) &&
        CapitalisedOutsider(after + 1)) {
      return false;
    }
  }
  // A one-word town (not a capital, not curated) is a person when the article makes it a speaker ("Ricardo
  // said") or when it stands beside another capitalised word that is no place ("Elizabeth Hoff", "Shiraz
  // Maher", "Kheda Saratova"), however big the town.
  if (single && kind == EntryKind::kCity && !supplement && !(capital && !best_alt)) {
    if (Contains(speakers_, key_hash)) return false;
    // (Not before ", Country": a letter's signature, "Zev Moses Vancouver, Canada".)
    if (span_last == m.last && (cap_before || cap_after) && !FollowedByCommaPlace(m.last)) return false;
  }
  // A town that is neither big nor in a named country, or a small one in a named country, must stand where
  // a place stands ("in Hajin", "…, Tartus and Hama"), or be a name the article already gave as a place.
  const bool free =
      kind != EntryKind::kCity || supplement || (capital && !best_alt) ||
      ((best->population >= 1000000 || (anchored && best->population >= options_.strong_population)) &&
       !(best_alt && any_primary));
  if (!free && single && (any_cap_before || any_cap_after || PossessiveAfter(m.last))) return false;
  if (!free && (PrecededByThe(m.first) || (single && !LocativeBefore(m.first)))) {
    if (single) pending_.push_back({key_hash, MakeMention(*best, first, span_last)});
    return false;
  }

  doc_.places.push_back(MakeMention(*best, first, span_last));
  if (single) accepted_keys_.push_back(key_hash);
  return true;
}

inline double DocumentMatcher::PopulationScore(uint32_t index, const EntryRecord& e) {
  PopulationScoreSlot& slot = population_scores_[index & (kPopulationScoreSlots - 1)];
  if (slot.entry != index + 1) slot = {index + 1, 60 * std::log10(double(e.population) + 10)};
  return slot.score;
}

inline PlaceMention DocumentMatcher::MakeMention(const EntryRecord& entry, const Piece& first,
                                                 uint32_t span_last) const {
  const EntryRecord* best = &entry;
  const auto kind = static_cast<EntryKind>(best->kind);
  PlaceMention mention;
  mention.span = {first.begin, pieces_[span_last].end};
  mention.name = gaz_.name(*best);
  mention.country = Gazetteer::Country(*best);
  switch (kind) {
    case EntryKind::kCountry:
      mention.kind = PlaceKind::kCountry;
      break;
    case EntryKind::kAdmin:
      mention.kind = PlaceKind::kAdmin;
      break;
    case EntryKind::kArea:
      mention.kind = PlaceKind::kArea;
      break;
    default:
      mention.kind = PlaceKind::kCity;
  }
  mention.lat = std::round(double(best->lat) * 100) / 100;
  mention.lon = std::round(double(best->lon) * 100) / 100;
  return mention;
}

inline bool DocumentMatcher::AppositionBefore(uint32_t i) const {
  if (i == 0) return false;
  const Piece& prev = pieces_[i - 1];
  if (prev.has(kPieceCap) || prev.has(kPieceAllCaps) || !In(kListAppositionNoun, prev)) return false;
  if (Joined(i)) return true;
  const uint32_t t = pieces_[i].token;
  return prev.token + 2 == t && doc_.slice(doc_.tokens[t - 1].span()) == ",";
}

inline bool DocumentMatcher::AppositionAfter(uint32_t i) const {
  const uint32_t t = pieces_[i].token + 1;
  if (t >= doc_.tokens.size() || doc_.slice(doc_.tokens[t].span()) != ",") return false;
  uint32_t k = i + 1;
  if (k >= pieces_.size() || pieces_[k].token != t + 1) return false;
  const std::string_view article = Key(pieces_[k]);
  if (article != "the" && article != "a" && article != "an") return false;
  for (++k; k < pieces_.size() && k - i < 8 && Joined(k); ++k) {
    if (!pieces_[k].has(kPieceCap) && In(kListOutletNoun, pieces_[k])) return !Joined(k + 1);
  }
  return false;
}

inline bool DocumentMatcher::CompassBeforePlace(const RawMatch& m) const {
  for (uint32_t k = m.first; k <= m.last; ++k) {
    if (!In(kListCompass, pieces_[k])) return false;
  }
  return Joined(m.last + 1) && pieces_[m.last + 1].match != kNone;
}

inline bool DocumentMatcher::PossessiveAfter(uint32_t i) const {
  const uint32_t t = pieces_[i].token + 1;
  return t < doc_.tokens.size() && doc_.tokens[t].has(kTokenPossessive);
}

inline bool DocumentMatcher::LocativeBefore(uint32_t i) const {
  if (i > 0 && Joined(i) && In(kListLocative, pieces_[i - 1])) return true;
  if (i > 1 && Joined(i) && Joined(i - 1)) {
    const std::string_view prep = Key(pieces_[i - 1]);
    // (A capitalised motion word is a title's: "Road to Peace".)
    if ((prep == "of" && In(kListOfPlaceNoun, pieces_[i - 2])) ||
        (prep == "to" && !pieces_[i - 2].has(kPieceCap) && In(kListToMotion, pieces_[i - 2]))) {
      return true;
    }
  }
  const uint32_t t = pieces_[i].token;
  if (t == 0 || doc_.places.empty()) return false;
  const Token& before = doc_.tokens[t - 1];
  const std::string_view word = doc_.slice(before.span());
  if (word != "," && word != "and" && word != "or") return false;
  // The previous accepted place ends right before the connector (allowing a ", " before "and").
  const uint32_t gap_start = doc_.places.back().span.end;
  return gap_start <= before.begin && before.begin - gap_start <= 2;
}

}  // namespace annalist::places
