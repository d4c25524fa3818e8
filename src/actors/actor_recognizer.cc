// The actors stage.
//
// The idea. One PhraseMatcher holds every name, adjectival form, metonym and agent noun of the dictionary. The
// article is matched once, left to right, keeping the longest phrase at each token (a surname alone counts only
// after the person's full name, or after a title). Then a small grammar of noun phrases, applied per sentence,
// turns those hits into mentions:
//
//   anchor [anchor…] ['s] [≤2 words] agent…   "Israeli tanks", "Syrian Kurdish forces", "Assad's forces",
//                                             "Hamas sources", "an Israeli security source"
//   anchor act                                "Israeli bombardment" → the anchor alone, MIL
//   anchor Capitalized-name-with-agent        "Israel Forum of Families of Hostages…" → ISR CVL
//   [title] person                            "Prime Minister Benjamin Netanyahu", "CIA chief William Burns"
//   agent of|for|from [the] anchor|descriptor "Government of Israel", "the head of Mossad",
//                                             "a spokesperson for the group"
//   agent in … country                        "communities in southern and central Israel"
//   the [adjectives] descriptor [name]        "The Islamist group Hamas"; without a name it stands for the last
//                                             organisation named ("the Palestinian Islamist group" → Hamas)
//   [the] agent                               "the mediators" (sector only); a noun of a coreference group
//                                             takes the country of its last mention ("hostages" after "Israeli
//                                             hostages", "the same sources" after "Hamas sources")
//   he / she / him / his                      the last person named within a few sentences
//   it [verb] / its [agent]                   the last actor named, when it was an organisation or a state
//                                             acting as such, within the pronoun window, with no unknown
//                                             Capitalized name between ("Isis … It has resurfaced", "its
//                                             fighters"); not the impersonal "it is", "it would be"
//   they [verb]                               the last plural party that was a subject itself, in this sentence
//                                             or the one before ("Iraqi security forces allegedly hurl … they")
//   the two                                   a mention with no country or sector, for the pair just named
//
// Setting. A population group ("Kurdish forces", "the Kurds"; not religions) or an unnamed armed, police,
// opposition or single governing agent ("rebel factions", "the state") with no country takes the country named
// as a place nearest to it in its sentence ("In Iraq, the state…"), else the country that dominates the
// article's places ("in Syria", "Idlib", "the Syrian town of"), when one does (≥ 2 and twice the next).
// Equal-length phrases for several actors ("American") go to the one with more names (the United States).
//
// Sectors combine: an organisation keeps its own ("Hamas officials" is REB); a state gives the agent's ("Israeli
// tanks" MIL) or GOV for a role noun ("Israeli spokesperson"); a person gives the agent's ("Assad's forces" MIL)
// or its own; a population group makes armed agents REB ("Kurdish fighters").
//
// Limits. No parsing: "they" takes only a plural subject of this or the last sentence, "it"/"its" take the
// last actor named (wrong when a thing or a relative clause's object intervenes), "he" is not checked for subject position, and a
// country named after a locative preposition ("in Syria") is taken as a place, not an actor. Coordinations
// ("US, French and British airstrikes") give their members separately, without the shared agent.
#include "actors/actor_recognizer.h"

#include <algorithm>
#include <cstdint>
#include <initializer_list>
#include <string_view>
#include <utility>
#include <vector>

#include "actors/actor_words.h"
#include "actors/anchor.h"
#include "actors/setting.h"

namespace annalist {
namespace {

using actors::AgentSector;
using actors::Anchor;
using actors::AnchorType;
using actors::CountryCount;
using actors::EqualsIgnoreCase;
using actors::In;
using actors::IsGroupSector;
using actors::PhraseMatch;
using actors::WordSequence;
using actors::kLocatives;
using actors::kDirections;
using actors::kDeterminers;
using actors::kStopWords;
using actors::kFunctionWords;
using actors::kImpersonal;
using actors::kPlaceNouns;
using actors::kCapitalizedWords;
using actors::kImpersonalAfter;

struct Item {
  uint32_t begin = 0, end = 0;  // tokens
  DictionaryHit hit;
};

struct Found {
  ActorMention mention;
  int32_t entry = -1;  // index of the actor entry it names, or -1
  int32_t agent = -1;  // index of its head agent noun, or -1
  uint32_t sentence = 0;
  bool inherit = false;  // a population group or an unnamed agent: may take the country of its setting
};

// The buffers of a Run, kept by each thread across documents so that recognising a document allocates
// nothing once they have grown (they keep the capacity of the largest document the thread recognised).
struct RunScratch {
  WordSequence seq;
  std::vector<PhraseMatch> matches;
  std::vector<Item> items;
  std::vector<int32_t> item_at;
  std::vector<bool> seen;
  std::vector<Found> found;
};

class Run {
 public:
  Run(const ActorDictionary& dictionary, const ActorRecognizerOptions& options, Document& doc, RunScratch& scratch)
      : dict_(dictionary),
        options_(options),
        doc_(doc),
        seq_(scratch.seq),
        matches_(scratch.matches),
        items_(scratch.items),
        item_at_(scratch.item_at),
        seen_(scratch.seen),
        found_(scratch.found) {
    items_.clear();
    found_.clear();
  }

  void Go() {
    Match();
    for (uint32_t s = 0; s < doc_.sentences.size(); ++s) Sentence(s);
    Inherit();
    doc_.actors.clear();
    for (const Found& f : found_) {
      if (doc_.actors.size() >= options_.max_actors_per_document) break;
      doc_.actors.push_back(f.mention);
    }
  }

 private:
  const Token& tok(uint32_t t) const { return doc_.tokens[t]; }
  std::string_view text(uint32_t t) const { return doc_.token_text(t); }
  bool Is(uint32_t t, std::string_view word) const { return t < end_ && EqualsIgnoreCase(text(t), word); }
  bool IsWord(uint32_t t) const { return t < end_ && tok(t).kind == TokenKind::kWord && !tok(t).has(kTokenPossessive); }
  bool IsLowerWord(uint32_t t) const { return IsWord(t) && !tok(t).has(kTokenCapitalized); }
  const Item* ItemAt(uint32_t t) const {
    if (t >= end_ || item_at_[t] < 0) return nullptr;
    return &items_[item_at_[t]];
  }
  // The dictionary phrase that covers token t, if any (phrases are a few words long).
  const Item* CoveringItem(uint32_t t) const {
    for (uint32_t r = t + 1; r > begin_ && r + 6 > t + 1; --r) {
      if (const Item* item = ItemAt(r - 1); item && item->end > t) return item;
    }
    return nullptr;
  }
  const Item* ActorAt(uint32_t t) const {
    const Item* item = ItemAt(t);
    return item && !item->hit.is_agent ? item : nullptr;
  }
  const Item* AgentAt(uint32_t t) const {
    const Item* item = ItemAt(t);
    return item && item->hit.is_agent ? item : nullptr;
  }
  const ActorEntry& entry(const Item& item) const { return dict_.actors()[item.hit.index]; }
  const AgentEntry& agent(const Item& item) const { return dict_.agents()[item.hit.index]; }

  // --- Matching: the longest dictionary phrase at each token, left to right. ---
  void Match() {
    dict_.matcher().Tokenize(doc_, &seq_);
    item_at_.assign(doc_.tokens.size(), -1);
    seen_.assign(dict_.actors().size(), false);
    std::vector<PhraseMatch>& matches = matches_;
    for (uint32_t t = 0; t < doc_.tokens.size();) {
      if (!dict_.matcher().CanStart(seq_.words[seq_.first_word[t]])) {
        ++t;
        continue;
      }
      matches.clear();
      dict_.matcher().MatchAt(seq_, seq_.first_word[t], &matches);
      const PhraseMatch* best = nullptr;
      for (const PhraseMatch& m : matches) {
        if (best && m.end < best->end) continue;
        const DictionaryHit hit = dict_.Decode(m.value);
        if (!hit.is_agent && hit.form == AliasForm::kSurname && !seen_[hit.index] && !AfterTitle(t)) continue;
        // One phrase for several actors ("American": the United States, American Samoa…): the better-known
        // actor, the one with more names.
        if (best && m.end == best->end && !BetterKnown(hit, dict_.Decode(best->value))) continue;
        best = &m;
      }
      if (!best) {
        ++t;
        continue;
      }
      Item item;
      item.begin = t;
      item.end = seq_.words[best->end - 1].token + 1;
      item.hit = dict_.Decode(best->value);
      if (!item.hit.is_agent && item.hit.form == AliasForm::kName) seen_[item.hit.index] = true;
      item_at_[t] = static_cast<int32_t>(items_.size());
      items_.push_back(item);
      t = item.end;
    }
  }

  bool BetterKnown(const DictionaryHit& a, const DictionaryHit& b) const {
    if (a.is_agent || b.is_agent || a.index == b.index) return false;
    return dict_.actors()[a.index].aliases.size() > dict_.actors()[b.index].aliases.size();
  }

  bool AfterTitle(uint32_t t) const {
    if (items_.empty() || items_.back().end != t || !items_.back().hit.is_agent) return false;
    return dict_.agents()[items_.back().hit.index].kind == AgentKind::kTitle;
  }

  // --- Per sentence. ---
  void Sentence(uint32_t s) {
    sentence_ = s;
    const annalist::Sentence& sentence = doc_.sentences[s];
    begin_ = sentence.token_begin;
    end_ = sentence.token_end;
    for (uint32_t t = begin_; t < end_;) {
      if (const Item* item = ItemAt(t)) {
        t = item->hit.is_agent ? OnAgent(*item) : OnActor(*item, item->begin);
      } else {
        // Only a word of two to four letters starting h, s, t or i can be a pronoun or "the two" (OnOther).
        const std::string_view word = text(t);
        const char initial = static_cast<char>(word.empty() ? 0 : word[0] | 0x20);
        const bool may = word.size() >= 2 && word.size() <= 4 &&
                         (initial == 'h' || initial == 's' || initial == 't' || initial == 'i');
        t = may ? OnOther(t) : t + 1;
      }
    }
  }

  Anchor AnchorOf(const Item& item) const {
    const ActorEntry& e = entry(item);
    const ResolvedActor resolved = ActorDictionary::Resolve(e, doc_.date);
    Anchor anchor;
    anchor.entry = static_cast<int32_t>(item.hit.index);
    anchor.country = resolved.country;
    anchor.sector = resolved.sector;
    anchor.name = e.name;
    switch (e.kind) {
      case ActorKind::kCountry:
      case ActorKind::kPlace: anchor.type = AnchorType::kState; break;
      case ActorKind::kOrganisation: anchor.type = AnchorType::kOrganisation; break;
      case ActorKind::kPerson: anchor.type = AnchorType::kPerson; break;
      case ActorKind::kGroup: anchor.type = AnchorType::kGroup; break;
    }
    if (item.hit.form == AliasForm::kAdjective && anchor.type == AnchorType::kState) anchor.sector = Sector::kNone;
    if (item.hit.form == AliasForm::kPeople) anchor.sector = Sector::kCVL;
    if (e.kind == ActorKind::kPlace) anchor.sector = Sector::kNone;
    return anchor;
  }

  bool PlaceContext(uint32_t t) const {
    uint32_t p = t;
    while (p > begin_ && (In<kDeterminers>(text(p - 1)) || In<kDirections>(text(p - 1)))) --p;
    if (p > begin_ && In<kLocatives>(text(p - 1))) return true;
    // "in Baghuz, eastern Syria": a place in apposition to a place.
    if (p == t || p < begin_ + 3 || text(p - 1) != ",") return false;
    const uint32_t q = p - 2;
    return IsWord(q) && tok(q).has(kTokenCapitalized) && In<kLocatives>(text(q - 1));
  }

  // Consecutive agents from token t; returns the token after them and folds their sector into *sector.
  uint32_t AgentChain(uint32_t t, const Anchor& anchor, Sector* sector, int32_t* head, bool* act,
                      const AgentEntry** last) const {
    *act = false;
    while (const Item* item = AgentAt(t)) {
      const AgentEntry& a = agent(*item);
      if (a.kind == AgentKind::kAct) {
        if (*head < 0) {
          *sector = AgentSector(anchor, *sector, a);
          *act = true;
        }
        break;
      }
      *sector = AgentSector(anchor, *sector, a);
      *head = static_cast<int32_t>(item->hit.index);
      *last = &a;
      t = item->end;
      if (a.kind == AgentKind::kTitle) break;  // what follows a title is a name
      if (item->hit.plural) break;             // a plural ends the phrase ("Russian forces patrol")
    }
    return t;
  }

  Found Make(uint32_t begin_token, uint32_t end_token, const Anchor& anchor, Sector sector, int32_t head) const {
    Found f;
    f.mention.span = {tok(begin_token).begin, tok(end_token - 1).end};
    f.mention.name = anchor.name;
    f.mention.country = anchor.country;
    f.mention.sector = sector;
    f.entry = anchor.entry;
    f.agent = head;
    f.sentence = sentence_;
    if (anchor.country.empty() && f.mention.name.empty()) {
      // "Kurdish forces", "the Kurds", "rebel factions", "the state": armed, official and opposition agents
      // and population groups; not civilians in general ("children"), nor plural governments ("Arab states").
      const Sector s = sector;
      bool armed = s == Sector::kREB || s == Sector::kMIL || s == Sector::kCOP || s == Sector::kOPP || s == Sector::kSPY;
      if (s == Sector::kGOV && head >= 0) armed = end_token > begin_token && !IsPluralAt(end_token - 1);
      f.inherit = anchor.type == AnchorType::kNone && head >= 0 && armed;
    }
    // Religions are not placed by their setting ("Muslims", "Christians"); other groups are ("Kurdish forces").
    // Nor "Arab states": several governments.
    const bool governments = sector == Sector::kGOV && head >= 0 && end_token > begin_token && IsPluralAt(end_token - 1);
    if (anchor.type == AnchorType::kGroup && anchor.country.empty() && anchor.sector != Sector::kREL && !governments) {
      f.inherit = true;
    }
    return f;
  }

  bool IsPluralAt(uint32_t t) const {
    if (const Item* item = ItemAt(t)) return item->hit.plural;
    for (uint32_t p = t; p > begin_; --p) {
      if (const Item* item = ItemAt(p - 1)) return item->end > t && item->hit.plural;
    }
    return false;
  }

  // Population groups and unnamed agents with no country take the country named as a place in their sentence
  // ("In Iraq, the state…", "Kurdish forces in Syria's north-east"), else the article's dominant country when
  // one stands out.
  void Inherit() {
    std::vector<CountryCount> counts;
    std::vector<std::pair<uint32_t, CountryCode>> places;  // (token, country) of states named as places
    size_t i = 0;
    for (uint32_t s = 0; s < doc_.sentences.size(); ++s) {
      begin_ = doc_.sentences[s].token_begin;
      end_ = doc_.sentences[s].token_end;
      for (; i < items_.size() && items_[i].begin < end_; ++i) {
        const Item& item = items_[i];
        if (item.hit.is_agent || item.begin < begin_) continue;
        const ActorEntry& e = entry(item);
        if (e.kind != ActorKind::kCountry && e.kind != ActorKind::kPlace) continue;
        if (item.hit.form == AliasForm::kSurname) continue;
        const CountryCode c = AnchorOf(item).country;
        if (c.empty()) continue;
        // The article's setting: states named as places ("in Syria") and regions ("Idlib"), not the states that
        // act or speak ("Washington said", "US troops").
        // "the Syrian town of Baghuz", "on the Turkish border": an adjectival form before a place noun.
        const bool place_noun = item.hit.form == AliasForm::kAdjective && IsLowerWord(item.end) &&
                                In<kPlaceNouns>(text(item.end));
        const bool place =
            place_noun || (item.hit.form == AliasForm::kName && (e.kind == ActorKind::kPlace || PlaceContext(item.begin)));
        if (!place) continue;
        auto it = std::find_if(counts.begin(), counts.end(), [&](const CountryCount& x) { return x.country == c; });
        if (it == counts.end()) counts.push_back({c, 1});
        else ++it->n;
        if (place_noun || PlaceContext(item.begin)) places.emplace_back(item.begin, c);
      }
    }
    const CountryCode dominant = actors::DominantCountry(counts);
    for (Found& f : found_) {
      if (!f.inherit || !f.mention.country.empty()) continue;
      const annalist::Sentence& sentence = doc_.sentences[f.sentence];
      const CountryCode near =
          actors::NearestCountry(places, TokenOf(f.mention.span.begin), sentence.token_begin, sentence.token_end);
      f.mention.country = near.empty() ? dominant : near;
    }
  }

  bool InsideItem(uint32_t t) const {
    for (uint32_t p = t, n = 0; p > 0 && n < actors::PhraseMatcher::kMaxPhraseWords; --p, ++n) {
      if (item_at_[p - 1] >= 0) return items_[item_at_[p - 1]].end > t;
    }
    return false;
  }

  bool SentenceStart(uint32_t t) const {
    auto it = std::lower_bound(doc_.sentences.begin(), doc_.sentences.end(), t,
                               [](const annalist::Sentence& s, uint32_t x) { return s.token_begin < x; });
    return it != doc_.sentences.end() && it->token_begin == t;
  }

  uint32_t TokenOf(uint32_t byte) const {
    auto it = std::lower_bound(doc_.tokens.begin(), doc_.tokens.end(), byte,
                               [](const Token& tok, uint32_t b) { return tok.begin < b; });
    return static_cast<uint32_t>(it - doc_.tokens.begin());
  }

  void Emit(Found f) {
    while (!found_.empty() && found_.back().mention.span.end > f.mention.span.begin) found_.pop_back();
    if (last_person_ >= static_cast<int32_t>(found_.size())) last_person_ = -1;
    if (f.entry >= 0 && dict_.actors()[f.entry].kind == ActorKind::kPerson) last_person_ = static_cast<int32_t>(found_.size());
    found_.push_back(f);
  }

  // Capitalized words after a title with no dictionary entry: an unknown person ("Foreign Minister Ayman Safadi").
  uint32_t UnknownName(uint32_t t) const {
    uint32_t n = 0;
    while (n < 4 && IsWord(t + n) && tok(t + n).has(kTokenCapitalized) && !ItemAt(t + n)) ++n;
    return t + n;
  }

  // A Capitalized name after a state that holds an agent noun: "Israel Forum of Families of Hostages…".
  uint32_t NameWithAgent(uint32_t t, const Anchor& anchor, Sector* sector) const {
    uint32_t end = t;
    bool found_agent = false;
    for (uint32_t p = t; p < end_ && p < t + 12;) {
      const bool connector = IsLowerWord(p) && (Is(p, "of") || Is(p, "and") || Is(p, "for") || Is(p, "the"));
      if (connector) {
        ++p;
        continue;
      }
      if (!IsWord(p) || !tok(p).has(kTokenCapitalized) || ActorAt(p)) break;
      if (const Item* item = AgentAt(p)) {
        if (!found_agent) *sector = AgentSector(anchor, Sector::kNone, agent(*item));
        found_agent = true;
        p = end = item->end;
      } else {
        end = ++p;
      }
    }
    return found_agent ? end : t;
  }

  // An actor hit at `item`; the mention starts at token `from` (earlier when a title or descriptor leads).
  uint32_t OnActor(const Item& item, uint32_t from) {
    Anchor anchor = AnchorOf(item);
    const AliasForm form = item.hit.form;
    uint32_t next = item.end;
    // More adjectival forms: "Syrian Kurdish forces".
    const bool modifier = form == AliasForm::kAdjective || anchor.type == AnchorType::kGroup;
    if (modifier) {
      while (const Item* more = ActorAt(next)) {
        const Anchor other = AnchorOf(*more);
        if (more->hit.form != AliasForm::kAdjective && other.type != AnchorType::kGroup) break;
        if (anchor.country.empty()) anchor.country = other.country;
        if (other.type == AnchorType::kGroup) anchor.type = AnchorType::kGroup;
        next = more->end;
      }
    }
    const bool possessive = next < end_ && tok(next).has(kTokenPossessive);
    if (possessive) ++next;
    uint32_t chain_start = next;
    if (modifier && !possessive && !AgentAt(next)) {
      uint32_t gap = 0;
      uint32_t p = next;
      while (gap < options_.max_adjective_gap && IsLowerWord(p) && !ItemAt(p) && !In<kStopWords>(text(p))) {
        ++p;
        ++gap;
      }
      if (AgentAt(p)) chain_start = p;
    }
    Sector sector = Sector::kNone;
    int32_t head = -1;
    bool act = false;
    const AgentEntry* last = nullptr;
    const uint32_t chain_end = AgentChain(chain_start, anchor, &sector, &head, &act, &last);
    if (act) {
      Emit(Make(from, item.end, anchor, sector, -1));
      return next;
    }
    if (head >= 0) {
      // "The Israeli war cabinet", "an Israeli security source": the determiner belongs to the mention.
      if (from == item.begin && from > begin_ && In<kDeterminers>(text(from - 1))) --from;
      if (last->kind == AgentKind::kTitle) {
        if (const Item* person = ActorAt(chain_end); person && entry(*person).kind == ActorKind::kPerson) {
          return OnActor(*person, from);
        }
        const uint32_t name_end = UnknownName(chain_end);
        if (name_end > chain_end) {
          Anchor unnamed = anchor;
          unnamed.name = {};
          unnamed.entry = -1;
          Emit(Make(from, name_end, unnamed, sector, head));
          return name_end;
        }
      }
      if (anchor.type != AnchorType::kOrganisation && anchor.type != AnchorType::kPerson) {
        anchor.name = {};
        anchor.entry = -1;
      }
      Emit(Make(from, chain_end, anchor, sector, head));
      return chain_end;
    }
    // A coordination sharing one agent: "Turkish and Russian forces", "US, French and British airstrikes".
    if (anchor.type == AnchorType::kState && !possessive) {
      for (uint32_t p = item.end; p < end_ && (Is(p, "and") || Is(p, "or") || text(p) == ",");) {
        const Item* other = ActorAt(p + 1);
        if (!other || AnchorOf(*other).type != AnchorType::kState) break;
        p = other->end;
        if (AgentAt(p)) {
          Sector shared = Sector::kNone;
          int32_t shared_head = -1;
          bool shared_act = false;
          const AgentEntry* shared_last = nullptr;
          AgentChain(p, anchor, &shared, &shared_head, &shared_act, &shared_last);
          if (shared != Sector::kNone) {
            Emit(Make(from, item.end, anchor, shared, -1));
            return item.end;
          }
          break;
        }
      }
    }
    if (anchor.type == AnchorType::kState && !possessive) {
      Sector named = Sector::kNone;
      const uint32_t name_end = NameWithAgent(next, anchor, &named);
      if (name_end > next) {
        anchor.name = {};
        anchor.entry = -1;
        Emit(Make(from, name_end, anchor, named, -1));
        return name_end;
      }
    }
    // The actor alone.
    if (form == AliasForm::kMetonym) {
      const bool subject_like = possessive || (IsLowerWord(item.end) && !In<kFunctionWords>(text(item.end)));
      if (!subject_like || PlaceContext(item.begin)) return item.end;
    } else if ((form == AliasForm::kName || form == AliasForm::kPeople) && anchor.type == AnchorType::kState &&
               PlaceContext(item.begin)) {
      return item.end;
    }
    Emit(Make(from, item.end, anchor, anchor.sector, -1));
    return item.end;
  }

  // The start of the noun phrase that ends just before token t: back over adjectives to a determiner.
  // `plural`: the head is plural, so "that"/"this" before it is a conjunction ("announced that troops").
  uint32_t PhraseStart(uint32_t t, bool* definite, bool plural) const {
    *definite = false;
    for (uint32_t p = t, n = 0; p > begin_ && n < 4; --p, ++n) {
      const uint32_t q = p - 1;
      if (plural && (Is(q, "that") || Is(q, "this"))) break;
      // Another phrase ends here: "The militants beheaded prisoners" is two phrases, not one.
      // An adjectival form belongs to the phrase ("the Palestinian Islamist group").
      if (const Item* other = CoveringItem(q); other && (other->hit.is_agent || other->hit.form != AliasForm::kAdjective)) {
        break;
      }
      if (In<kDeterminers>(text(q))) {
        *definite = !Is(q, "a") && !Is(q, "an");
        return q;
      }
      if (!IsWord(q) || In<kStopWords>(text(q))) break;
    }
    return t;
  }

  // The organisation a descriptor stands for: the last one named, of the adjective's country when there is one.
  const Found* Antecedent(uint32_t np_begin, uint32_t np_end, Sector wanted) const {
    CountryCode country;
    for (uint32_t p = np_begin; p < np_end; ++p) {
      if (const Item* item = ActorAt(p); item && item->hit.form == AliasForm::kAdjective) country = AnchorOf(*item).country;
    }
    for (size_t i = found_.size(), n = 0; i > 0 && n < 60; --i, ++n) {
      const Found& f = found_[i - 1];
      if (f.entry < 0 || dict_.actors()[f.entry].kind != ActorKind::kOrganisation) continue;
      if (!country.empty() && f.mention.country != country) continue;
      if (wanted != Sector::kNone ? f.mention.sector != wanted : !IsGroupSector(f.mention.sector)) continue;
      return &f;
    }
    return nullptr;
  }

  uint32_t OnAgent(const Item& item) {
    const AgentEntry& a = agent(item);
    bool definite = false;
    const uint32_t np_begin = PhraseStart(item.begin, &definite, item.hit.plural);
    if (a.kind == AgentKind::kDescriptor) {
      if (item.hit.plural) return item.end;
      if (const Item* name = ActorAt(item.end); name && entry(*name).kind == ActorKind::kOrganisation) {
        return OnActor(*name, np_begin);  // "The Islamist group Hamas"
      }
      if (definite) {
        if (const Found* antecedent = Antecedent(np_begin, item.begin, a.sector)) {
          Found f = *antecedent;
          f.mention.span = {tok(np_begin).begin, tok(item.end - 1).end};
          f.sentence = sentence_;
          Emit(f);
        }
      }
      return item.end;
    }
    Anchor none;
    Sector sector = Sector::kNone;
    int32_t head = -1;
    bool act = false;
    const AgentEntry* last = nullptr;
    const uint32_t chain_end = AgentChain(item.begin, none, &sector, &head, &act, &last);
    if (act || head < 0) return item.end;
    // "Government of Israel", "the head of Mossad", "a spokesperson for the group".
    const bool member = a.kind == AgentKind::kMember;
    if (Is(chain_end, "of") || (!member && (Is(chain_end, "for") || Is(chain_end, "from")))) {
      uint32_t p = chain_end + 1;
      while (p < end_ && In<kDeterminers>(text(p))) ++p;
      if (const Item* target = ActorAt(p)) {
        Anchor anchor = AnchorOf(*target);
        if (target->hit.form != AliasForm::kMetonym) {
          Sector s = Sector::kNone;
          for (const Item* ag = &item; ag && ag->begin < chain_end; ag = AgentAt(ag->end)) {
            s = AgentSector(anchor, s, agent(*ag));
          }
          // The target's own agents: "the head of the Hamas political bureau".
          int32_t target_head = -1;
          bool target_act = false;
          const AgentEntry* target_last = nullptr;
          Sector ts = Sector::kNone;
          const uint32_t end = AgentChain(target->end, anchor, &ts, &target_head, &target_act, &target_last);
          if (target_head >= 0 && member && dict_.agents()[target_head].kind == AgentKind::kMember) {
            Emit(Make(np_begin, chain_end, none, sector, head));  // "families of Israeli hostages": two groups
            return chain_end;
          }
          if (target_head >= 0 && anchor.type == AnchorType::kState) s = ts;
          if (anchor.type != AnchorType::kOrganisation && anchor.type != AnchorType::kPerson &&
              anchor.type != AnchorType::kState) {
            anchor.name = {};
          }
          if (anchor.type == AnchorType::kState) {
            anchor.name = {};
            anchor.entry = -1;
          }
          Emit(Make(np_begin, target_head >= 0 ? end : target->end, anchor, s, head));
          return target_head >= 0 ? end : target->end;
        }
      }
      // "… of the Islamist group": a descriptor standing for an organisation.
      uint32_t q = p;
      while (q < end_ && q < p + 3 && !AgentAt(q) && IsWord(q) && !In<kStopWords>(text(q))) ++q;
      if (const Item* descriptor = AgentAt(q);
          descriptor && agent(*descriptor).kind == AgentKind::kDescriptor && !descriptor->hit.plural && p > chain_end + 1) {
        if (const Found* antecedent = Antecedent(chain_end + 1, descriptor->begin, agent(*descriptor).sector)) {
          Found f = *antecedent;
          f.mention.span = {tok(np_begin).begin, tok(descriptor->end - 1).end};
          f.agent = head;
          f.sentence = sentence_;
          Emit(f);
          return descriptor->end;
        }
      }
    }
    // "communities in southern and central Israel".
    if (a.kind == AgentKind::kMember && Is(chain_end, "in")) {
      for (uint32_t p = chain_end + 1; p < end_ && p < chain_end + 5; ++p) {
        if (const Item* place = ActorAt(p)) {
          const Anchor anchor = AnchorOf(*place);
          if (anchor.type == AnchorType::kState && place->hit.form == AliasForm::kName) {
            Found f = Make(np_begin, place->end, anchor, sector, head);
            f.mention.name = {};
            f.entry = -1;
            Emit(f);
            return place->end;
          }
          break;
        }
        if (!IsWord(p) || (In<kStopWords>(text(p)) && !Is(p, "and"))) break;
      }
    }
    if (last->kind == AgentKind::kTitle) {
      if (const Item* person = ActorAt(chain_end); person && entry(*person).kind == ActorKind::kPerson) {
        return OnActor(*person, item.begin);
      }
      const uint32_t name_end = UnknownName(chain_end);
      if (name_end > chain_end) {
        Emit(Make(item.begin, name_end, none, sector, head));
        return name_end;
      }
      // "the defence secretary, Jim Mattis": the apposition names the holder.
      if (definite && Is(chain_end, ",")) {
        if (const Item* person = ActorAt(chain_end + 1); person && entry(*person).kind == ActorKind::kPerson) {
          return OnActor(*person, np_begin);
        }
      }
      // "the president", "the foreign minister" with no name: the last holder named, else an office with its
      // sector (below); an indefinite title ("a minister") names nobody.
      if (!definite) return chain_end;
    }
    // A bare singular noun with no determiner is more often a verb or a modifier ("will patrol", "military
    // operation") than an actor.
    const AgentEntry& head_agent = dict_.agents()[head];
    const Item* head_item = &item;
    while (AgentAt(head_item->end) && head_item->end < chain_end) head_item = AgentAt(head_item->end);
    if (!head_item->hit.plural && np_begin == item.begin && !head_agent.plural.empty()) return chain_end;
    // Coreference by noun: "hostages" after "Israeli hostages", "the same sources" after "Hamas sources".
    for (size_t i = found_.size(), n = 0; i > 0 && n < 80; --i, ++n) {
      const Found& f = found_[i - 1];
      if (f.agent < 0 || f.mention.country.empty()) continue;
      const AgentEntry& other = dict_.agents()[f.agent];
      const bool same = f.agent == head || (head_agent.group_id != 0 && other.group_id == head_agent.group_id);
      if (!same) continue;
      Found copy = f;
      copy.mention.span = {tok(np_begin).begin, tok(chain_end - 1).end};
      copy.sentence = sentence_;
      copy.agent = head;
      Emit(copy);
      return chain_end;
    }
    if (head_agent.kind == AgentKind::kMember || head_agent.kind == AgentKind::kTitle) {
      Emit(Make(np_begin, chain_end, none, sector, head));
    }
    return chain_end;
  }

  // Tokens no dictionary phrase starts at: pronouns and "the two".
  uint32_t OnOther(uint32_t t) {
    const std::string_view word = text(t);
    if (word.size() < 2 || word.size() > 4) return t + 1;  // every word below has two to four letters
    const char initial = static_cast<char>(word[0] | 0x20);
    if (initial != 'h' && initial != 's' && initial != 't' && initial != 'i') return t + 1;  // no pronoun, no "the two"
    if (options_.pronoun_window_sentences > 0 && (Is(t, "it") || Is(t, "its"))) return OnIt(t);
    if (options_.pronoun_window_sentences > 0 && Is(t, "they")) return OnThey(t);
    if (options_.pronoun_window_sentences > 0 && (Is(t, "he") || Is(t, "she") || Is(t, "him") || Is(t, "his"))) {
      if (last_person_ >= 0 && static_cast<size_t>(last_person_) < found_.size()) {
        const Found& person = found_[last_person_];
        if (sentence_ - person.sentence <= options_.pronoun_window_sentences) {
          Found f = person;
          f.mention.span = tok(t).span();
          f.sentence = sentence_;
          const int32_t keep = last_person_;
          Emit(f);
          last_person_ = keep;
        }
      }
      return t + 1;
    }
    if (Is(t, "the") && Is(t + 1, "two")) {
      const bool noun_follows = IsLowerWord(t + 2) && (text(t + 2).back() == 's' || Is(t + 2, "men") ||
                                                       Is(t + 2, "women") || Is(t + 2, "people"));
      if (!noun_follows && !ItemAt(t + 2)) {
        Found f;
        f.mention.span = {tok(t).begin, tok(t + 1).end};
        f.sentence = sentence_;
        Emit(f);
        return t + 2;
      }
    }
    return t + 1;
  }

  // "they" before a verb stands for the last plural party that was itself a subject, in this sentence or the
  // one before: a plural mention with a country or sector, not inside a PP, followed by its verb ("Iraqi
  // security forces allegedly hurl prisoners from cliffs. … they are reported to film themselves"). Objects
  // ("prisoners from cliffs") and PP members ("like Isis") are passed over; with no such subject, no actor.
  uint32_t OnThey(uint32_t t) {
    if (t + 1 >= end_ || !IsLowerWord(t + 1) || In<kFunctionWords>(text(t + 1))) return t + 1;
    const auto token_at = [this](uint32_t offset) {
      auto it = std::lower_bound(doc_.tokens.begin(), doc_.tokens.end(), offset,
                                 [](const Token& tok, uint32_t begin) { return tok.begin < begin; });
      return static_cast<uint32_t>(it - doc_.tokens.begin());
    };
    for (size_t i = found_.size(), n = 0; i > 0 && n < 16; --i, ++n) {
      const Found& f = found_[i - 1];
      if (sentence_ - f.sentence > 1) break;
      if (f.mention.country.empty() && f.mention.sector == Sector::kNone) continue;
      const uint32_t first = token_at(f.mention.span.begin);
      const uint32_t last = token_at(f.mention.span.end) - 1;  // the mention's last token
      if (first >= doc_.tokens.size() || last >= doc_.tokens.size() || first > last) continue;
      // A plural common noun heads it ("forces", "militias"); a name in -s ("Isis") is no plural.
      const std::string_view head = text(last);
      const bool plural = IsLowerWord(last) && head.size() > 3 && head.back() == 's' && !head.ends_with("ss");
      if (!plural) continue;
      if (first > 0 && In<kFunctionWords>(text(first - 1)) && !Is(first - 1, "and")) continue;
      if (last + 1 >= doc_.tokens.size() || !IsLowerWord(last + 1) || In<kFunctionWords>(text(last + 1))) continue;
      Found copy = f;
      copy.mention.span = tok(t).span();
      copy.sentence = sentence_;
      Emit(copy);
      return t + 1;
    }
    return t + 1;
  }

  // "it" before a verb and "its [agent]" stand for the last actor named, when that was an organisation or a
  // state named as such ("Isis … It has resurfaced", "Israel … its jets") within the pronoun window and
  // nothing else was named since. Not "it is", "it would": mostly impersonal.
  uint32_t OnIt(uint32_t t) {
    const bool possessive = Is(t, "its");
    if (!possessive) {
      if (t + 1 >= end_ || !IsLowerWord(t + 1) || In<kImpersonal>(text(t + 1)) || In<kFunctionWords>(text(t + 1))) {
        return t + 1;
      }
      if ((Is(t + 1, "has") || Is(t + 1, "had") || Is(t + 1, "will") || Is(t + 1, "became")) &&
          (t + 2 >= end_ || In<kImpersonalAfter>(text(t + 2)))) {
        return t + 1;
      }
      if (t > begin_ && In<kFunctionWords>(text(t - 1)) && !Is(t - 1, "that") && !Is(t - 1, "and") &&
          !Is(t - 1, "since") && !Is(t - 1, "after") && !Is(t - 1, "before") && !Is(t - 1, "when") &&
          !Is(t - 1, "while") && !Is(t - 1, "as") && !Is(t - 1, "but") && !Is(t - 1, "if")) {
        return t + 1;  // an object: "to it", "about it"
      }
      // In a relative clause on the last actor, "it" is someone else: "the PKK, with whom it has fought".
      if (t > begin_ && (Is(t - 1, "whom") || Is(t - 1, "which"))) return t + 1;
    }
    if (found_.empty()) return t + 1;
    const Found& last = found_.back();
    if (last.entry < 0 || sentence_ - last.sentence > options_.pronoun_window_sentences) return t + 1;
    const ActorEntry& e = dict_.actors()[last.entry];
    const bool org = e.kind == ActorKind::kOrganisation;
    const bool state = e.kind == ActorKind::kCountry && last.agent < 0 && last.mention.sector == Sector::kGOV;
    if (!org && !state) return t + 1;
    // A bare "its" ("its support", "its kind") is less sure than "it" before a verb: the antecedent must be close.
    const bool bare = possessive && !AgentAt(t + 1);
    if (bare && sentence_ - last.sentence > 1) return t + 1;
    // A name the dictionary does not know between them may be the antecedent ("South Carolina … its support").
    const uint32_t from = TokenOf(last.mention.span.end);
    for (uint32_t p = from; p < t; ++p) {
      if (tok(p).kind != TokenKind::kWord || !tok(p).has(kTokenCapitalized) || item_at_[p] >= 0) continue;
      if (InsideItem(p) || SentenceStart(p) || In<kCapitalizedWords>(text(p))) continue;
      if (p > 0 && tok(p - 1).kind != TokenKind::kWord && text(p - 1) != ",") continue;  // after a quote, a dash
      return t + 1;
    }
    Found f = last;
    f.sentence = sentence_;
    f.mention.span = tok(t).span();
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
      const AgentEntry* chain_last = nullptr;
      const uint32_t chain_end = AgentChain(t + 1, anchor, &sector, &head, &act, &chain_last);
      if (head >= 0 && !act) {
        f.mention.span = {tok(t).begin, tok(chain_end - 1).end};
        f.mention.sector = sector;
        f.agent = head;
        next = chain_end;
      }
    }
    Emit(f);
    return next;
  }

  const ActorDictionary& dict_;
  const ActorRecognizerOptions& options_;
  Document& doc_;
  // The per-document state, in the calling thread's RunScratch (emptied or refilled by Match).
  WordSequence& seq_;
  std::vector<PhraseMatch>& matches_;
  std::vector<Item>& items_;
  std::vector<int32_t>& item_at_;
  std::vector<bool>& seen_;
  std::vector<Found>& found_;
  int32_t last_person_ = -1;
  uint32_t sentence_ = 0, begin_ = 0, end_ = 0;
};

}  // namespace

ActorRecognizer::ActorRecognizer(const ActorDictionary& dictionary, const ActorRecognizerOptions& options)
    : dictionary_(dictionary), options_(options) {}

void ActorRecognizer::Process(Document& doc) const {
  if (doc.is_error()) return;
  thread_local RunScratch scratch;
  Run run(dictionary_, options_, doc, scratch);
  run.Go();
}

}  // namespace annalist
