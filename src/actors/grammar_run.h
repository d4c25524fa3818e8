// The actors stage's per-document grammar run, shared by the files that implement it (actor_recognizer.cc
// explains the grammar): grammar_run.cc (matching, names, agents, settings), pronouns.cc (he, it, they,
// "the two"). Internal to the actors stage; its interface is actor_recognizer.h.
#pragma once

#include <algorithm>
#include <cstdint>
#include <initializer_list>
#include <optional>
#include <span>
#include <string_view>
#include <utility>
#include <vector>

#include "actors/actor_recognizer.h"
#include "actors/actor_words.h"
#include "actors/anchor.h"
#include "actors/setting.h"

namespace annalist::actors_detail {

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
using actors::kDeterminerClass;
using actors::kDirectionClass;
using actors::kLocativeClass;
using actors::kStopWordClass;

struct Item {
  uint32_t begin = 0, end = 0;  // tokens
  DictionaryHit hit;
};

// Where a found mention stands among those of its agent's coreference key (ActorDictionary::coreference_keys).
struct CoreferenceLink {
  int32_t key = -1;       // -1: no head agent, or no country
  int32_t previous = -1;  // the found entry before it with the same key, or -1
};

struct Found {
  ActorMention mention;
  int32_t entry = -1;  // index of the actor entry it names, or -1
  int32_t agent = -1;  // index of its head agent noun, or -1
  uint32_t sentence = 0;
  // The mention's tokens [first_token, end_token), kept with its span (Run::SetSpan) so that Inherit and the
  // pronouns need no binary search over the document's tokens to find them.
  uint32_t first_token = 0, end_token = 0;
  bool inherit = false;  // a population group or an unnamed agent: may take the country of its setting
  CoreferenceLink link;  // set by Run::Emit
};

// The buffers of a Run, kept by each thread across documents so that recognising a document allocates
// nothing once they have grown (they keep the capacity of the largest document the thread recognised).
struct RunScratch {
  WordSequence seq;
  std::vector<PhraseMatch> matches;
  std::vector<Item> items;
  std::vector<uint32_t> state_items;
  std::vector<int32_t> item_at;
  std::vector<bool> seen;
  std::vector<Found> found;
  // Per coreference key (ActorDictionary::coreference_keys): the last found entry with it, or -1. All -1 once
  // a Run is constructed: it first puts back the entries the thread's last document set, listed in keys_set
  // (with repeats): about a tenth of the mentions have a key, so this is shorter than a pass over them all.
  std::vector<int32_t> last_with_key;
  std::vector<int32_t> keys_set;
  std::vector<int8_t> place_context;
  std::vector<CountryCount> setting_counts;
  std::vector<std::pair<uint32_t, CountryCode>> setting_places;
};

class Run {
 public:
  Run(const ActorDictionary& dictionary, const ActorRecognizerOptions& options, Document& doc, RunScratch& scratch)
      : dict_(dictionary),
        options_(options),
        doc_(doc),
        tokens_(doc.tokens.data()),
        text_(doc.text.data()),
        seq_(scratch.seq),
        matches_(scratch.matches),
        items_(scratch.items),
        state_items_(scratch.state_items),
        item_at_(scratch.item_at),
        seen_(scratch.seen),
        found_(scratch.found),
        last_with_key_(scratch.last_with_key),
        keys_set_(scratch.keys_set),
        place_context_(scratch.place_context),
        setting_counts_(scratch.setting_counts),
        setting_places_(scratch.setting_places),
        summaries_(dictionary.summaries().data()),
        agent_summaries_(dictionary.agent_summaries().data()),
        day_(doc.date ? std::optional<int64_t>(ToDayNumber(*doc.date)) : std::nullopt) {
    // item_at_ is -1 but at the tokens of the last document's items: put back there, not over every token.
    int32_t* const item_at = item_at_.data();
    for (const Item& item : items_) {
      for (uint32_t t = item.begin; t < item.end; ++t) item_at[t] = -1;
    }
    items_.clear();
    state_items_.clear();
    for (const int32_t key : keys_set_) last_with_key_[key] = -1;
    keys_set_.clear();
    found_.clear();
    if (last_with_key_.size() < dictionary.coreference_key_count()) {
      last_with_key_.assign(dictionary.coreference_key_count(), -1);
    }
  }

  void Go() {
    Match();
    ReadSentences();
    Inherit();
    const size_t kept = std::min<size_t>(found_.size(), options_.max_actors_per_document);
    // One allocation at most and one copy loop, sized beforehand: not a push_back per mention, each testing the
    // capacity. (A std::views::transform of found_ into assign did the same, but clang 14 cannot compile that
    // view over libstdc++ 12's ranges, and the fuzzers are built with clang.)
    doc_.actors.resize(kept);
    for (size_t i = 0; i < kept; ++i) doc_.actors[i] = found_[i].mention;
  }

 private:
  const Token& tok(uint32_t t) const { return tokens_[t]; }
  // doc_.token_text(t), without its bounds check: the text stage's tokens lie inside the text.
  std::string_view text(uint32_t t) const { return {text_ + tokens_[t].begin, tokens_[t].end - tokens_[t].begin}; }
  bool Is(uint32_t t, std::string_view word) const { return t < end_ && EqualsIgnoreCase(text(t), word); }
  bool IsWord(uint32_t t) const { return t < end_ && tok(t).kind == TokenKind::kWord && !tok(t).has(kTokenPossessive); }
  bool IsLowerWord(uint32_t t) const { return IsWord(t) && !tok(t).has(kTokenCapitalized); }
  const Item* ItemAt(uint32_t t) const {
    if (t >= end_ || item_at_data_[t] < 0) return nullptr;
    return &items_data_[item_at_data_[t]];
  }
  // The item whose tokens hold token t (item_at_), or -1.
  int32_t ItemHolding(uint32_t t) const {
    const int32_t at = item_at_data_[t];
    return at >= 0 ? at : at == -1 ? -1 : -2 - at;
  }
  // The dictionary phrase that covers token t and starts in this sentence at most 5 tokens before it, if any
  // (phrases are a few words long). Items do not overlap, so only the one holding t can.
  const Item* CoveringItem(uint32_t t) const {
    const int32_t index = ItemHolding(t);
    if (index < 0) return nullptr;
    const Item& item = items_data_[index];
    return item.begin >= begin_ && item.begin + 5 >= t && item.begin < end_ ? &item : nullptr;
  }
  const Item* ActorAt(uint32_t t) const {
    const Item* item = ItemAt(t);
    return item && !item->hit.is_agent ? item : nullptr;
  }
  const Item* AgentAt(uint32_t t) const {
    const Item* item = ItemAt(t);
    return item && item->hit.is_agent ? item : nullptr;
  }
  // The hot fields of the actor an item names (ActorDictionary::summaries: one small record, not the entry).
  const ActorSummary& entry(const Item& item) const { return summaries_[item.hit.index]; }
  const AgentSummary& agent(const Item& item) const { return agent_summaries_[item.hit.index]; }

  // --- Matching: the longest dictionary phrase at each token, left to right. ---
  void Match();

  bool BetterKnown(const DictionaryHit& a, const DictionaryHit& b) const {
    if (a.is_agent || b.is_agent || a.index == b.index) return false;
    return summaries_[a.index].alias_count > summaries_[b.index].alias_count;
  }

  bool AfterTitle(uint32_t t) const {
    if (items_.empty() || items_.back().end != t || !items_.back().hit.is_agent) return false;
    return agent_summaries_[items_.back().hit.index].kind == AgentKind::kTitle;
  }

  // --- Sentence by sentence: the items and marked tokens of each, in token order. ---
  void ReadSentences();

  // The anchor type of an actor of kind `kind`: read from a table, not chosen by a switch, which compiled to an
  // indirect jump (one of the grammar's most mispredicted branches in callgrind's simulation).
  static AnchorType AnchorTypeOf(ActorKind kind) {
    static constexpr AnchorType kTypes[] = {
        AnchorType::kState,  // kCountry
        AnchorType::kOrganisation, AnchorType::kPerson, AnchorType::kGroup,
        AnchorType::kState,  // kPlace
    };
    static_assert(static_cast<int>(ActorKind::kCountry) == 0 && static_cast<int>(ActorKind::kOrganisation) == 1 &&
                  static_cast<int>(ActorKind::kPerson) == 2 && static_cast<int>(ActorKind::kGroup) == 3 &&
                  static_cast<int>(ActorKind::kPlace) == 4);
    return kTypes[static_cast<uint8_t>(kind)];
  }

  // The actor an item names, as an anchor. Inline: each caller uses a few of its fields, and a call cost more.
  Anchor AnchorOf(const Item& item) const {
    const ActorSummary& e = entry(item);
    // ActorDictionary::ResolveOnDay(index, day), with the summary read once.
    const ResolvedActor resolved = e.has_roles ? ActorDictionary::ResolveOnDay(dict_.actors()[item.hit.index], day_)
                                               : ResolvedActor{e.country, e.sector};
    Anchor anchor;
    anchor.entry = static_cast<int32_t>(item.hit.index);
    anchor.country = resolved.country;
    anchor.sector = resolved.sector;
    anchor.name = e.name_view();
    anchor.type = AnchorTypeOf(e.kind);
    if (item.hit.form == AliasForm::kAdjective && anchor.type == AnchorType::kState) anchor.sector = Sector::kNone;
    if (item.hit.form == AliasForm::kPeople) anchor.sector = Sector::kCVL;
    if (e.kind == ActorKind::kPlace) anchor.sector = Sector::kNone;
    return anchor;
  }

  // PlaceContext(item.begin), worked out once per item: OnActor and Inherit both ask it of the same names, in
  // the item's own sentence (begin_ is that sentence's first token in both).
  bool PlaceContextOf(const Item& item) {
    int8_t& known = place_context_[&item - items_data_];
    if (known < 0) known = PlaceContext(item.begin) ? 1 : 0;
    return known == 1;
  }

  bool PlaceContext(uint32_t t) const {
    // One lookup per word answers both questions (actors::WordClassOf).
    uint32_t p = t;
    uint32_t before = 0;  // the classes of token p - 1, when p > begin_
    while (p > begin_ && ((before = actors::WordClassOf(text(p - 1))) & (kDeterminerClass | kDirectionClass))) --p;
    if (p > begin_ && (before & kLocativeClass)) return true;
    // "in Baghuz, eastern Syria": a place in apposition to a place.
    if (p == t || p < begin_ + 3 || text(p - 1) != ",") return false;
    const uint32_t q = p - 2;
    return IsWord(q) && tok(q).has(kTokenCapitalized) && In<kLocatives>(text(q - 1));
  }

  // Consecutive agents from token t; returns the token after them and folds their sector into *sector.
  uint32_t AgentChain(uint32_t t, const Anchor& anchor, Sector* sector, int32_t* head, bool* act,
                      const AgentSummary** last) const {
    *act = false;
    if (!AgentAt(t)) return t;  // most names have no agent after them: no call
    return AgentChainAt(t, anchor, sector, head, act, last);
  }
  // AgentChain when token t starts an agent.
  uint32_t AgentChainAt(uint32_t t, const Anchor& anchor, Sector* sector, int32_t* head, bool* act,
                        const AgentSummary** last) const;

  // Inline: most callers give it constants (no head, the anchor's own sector), which settle its branches.
  Found Make(uint32_t begin_token, uint32_t end_token, const Anchor& anchor, Sector sector, int32_t head) const {
    Found f;
    SetSpan(f, begin_token, end_token);
    f.mention.name = anchor.name;
    f.mention.country = anchor.country;
    f.mention.sector = sector;
    f.entry = anchor.entry;
    f.agent = head;
    if (anchor.country.empty() && f.mention.name.empty()) {
      // "Kurdish forces", "the Kurds", "rebel factions", "the state": armed, official and opposition agents
      // and population groups; not civilians in general ("children"), nor plural governments ("Arab states").
      const Sector s = sector;
      bool armed =
          s == Sector::kREB || s == Sector::kMIL || s == Sector::kCOP || s == Sector::kOPP || s == Sector::kSPY;
      if (s == Sector::kGOV && head >= 0) armed = end_token > begin_token && !IsPluralAt(end_token - 1);
      f.inherit = anchor.type == AnchorType::kNone && head >= 0 && armed;
    }
    // Religions are not placed by their setting ("Muslims", "Christians"); other groups are ("Kurdish forces").
    // Nor "Arab states": several governments.
    const bool governments =
        sector == Sector::kGOV && head >= 0 && end_token > begin_token && IsPluralAt(end_token - 1);
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
  void Inherit();

  // Whether token t is inside an item that starts before it, at most kMaxPhraseWords tokens before.
  bool InsideItem(uint32_t t) const {
    const int32_t index = ItemHolding(t);
    return index >= 0 && items_data_[index].begin < t &&
           items_data_[index].begin + actors::PhraseMatcher::kMaxPhraseWords >= t;
  }

  bool SentenceStart(uint32_t t) const {
    auto it = std::lower_bound(doc_.sentences.begin(), doc_.sentences.end(), t,
                               [](const annalist::Sentence& s, uint32_t x) { return s.token_begin < x; });
    return it != doc_.sentences.end() && it->token_begin == t;
  }

  // Gives `f` the span of tokens [begin_token, end_token).
  void SetSpan(Found& f, uint32_t begin_token, uint32_t end_token) const {
    f.mention.span = {tok(begin_token).begin, tok(end_token - 1).end};
    f.first_token = begin_token;
    f.end_token = end_token;
  }

  // Adds `f`, found in the sentence being read, dropping the mentions it overlaps. Inlined at each call: the
  // Found its callers build is then filed from where it was built, not passed through memory to a call.
  __attribute__((always_inline)) void Emit(Found f) {
    f.sentence = sentence_;
    while (!found_.empty() && found_.back().mention.span.end > f.mention.span.begin) {
      const CoreferenceLink& link = found_.back().link;
      if (link.key >= 0) last_with_key_[link.key] = link.previous;
      found_.pop_back();
    }
    if (last_person_ >= static_cast<int32_t>(found_.size())) last_person_ = -1;
    if (f.entry >= 0 && summaries_[f.entry].kind == ActorKind::kPerson)
      last_person_ = static_cast<int32_t>(found_.size());
    f.link = {};
    if (!f.mention.country.empty() && f.agent >= 0) {
      f.link.key = static_cast<int32_t>(dict_.coreference_keys()[f.agent]);
      f.link.previous = last_with_key_[f.link.key];
      last_with_key_[f.link.key] = static_cast<int32_t>(found_.size());
      keys_set_.push_back(f.link.key);
    }
    found_.push_back(f);
  }

  // Capitalized words after a title with no dictionary entry: an unknown person ("Foreign Minister Ayman Safadi").
  uint32_t UnknownName(uint32_t t) const {
    uint32_t n = 0;
    while (n < 4 && IsWord(t + n) && tok(t + n).has(kTokenCapitalized) && !ItemAt(t + n)) ++n;
    return t + n;
  }

  // A Capitalized name after a state that holds an agent noun: "Israel Forum of Families of Hostages…".
  // Returns t when there is none. Most states are followed by punctuation or a lower-case word other than a
  // connector: that is told here, without a call.
  uint32_t NameWithAgent(uint32_t t, const Anchor& anchor, Sector* sector) const {
    if (!IsWord(t)) return t;
    if (!tok(t).has(kTokenCapitalized) && !IsConnector(t)) return t;
    return NameWithAgentAt(t, anchor, sector);
  }
  uint32_t NameWithAgentAt(uint32_t t, const Anchor& anchor, Sector* sector) const;
  // Words NameWithAgent passes over between the Capitalized words of a name.
  bool IsConnector(uint32_t p) const { return Is(p, "of") || Is(p, "and") || Is(p, "for") || Is(p, "the"); }

  // An actor hit at `item`; the mention starts at token `from` (earlier when a title or descriptor leads).
  uint32_t OnActor(const Item& item, uint32_t from);

  // The start of the noun phrase that ends just before token t: back over adjectives to a determiner.
  // `plural`: the head is plural, so "that"/"this" before it is a conjunction ("announced that troops").
  uint32_t PhraseStart(uint32_t t, bool* definite, bool plural) const;

  // The organisation a descriptor stands for: the last one named, of the adjective's country when there is one.
  const Found* Antecedent(uint32_t np_begin, uint32_t np_end, Sector wanted) const {
    CountryCode country;
    for (uint32_t p = np_begin; p < np_end; ++p) {
      if (const Item* item = ActorAt(p); item && item->hit.form == AliasForm::kAdjective)
        country = AnchorOf(*item).country;
    }
    for (size_t i = found_.size(), n = 0; i > 0 && n < 60; --i, ++n) {
      const Found& f = found_[i - 1];
      if (f.entry < 0 || summaries_[f.entry].kind != ActorKind::kOrganisation) continue;
      if (!country.empty() && f.mention.country != country) continue;
      if (wanted != Sector::kNone ? f.mention.sector != wanted : !IsGroupSector(f.mention.sector)) continue;
      return &f;
    }
    return nullptr;
  }

  uint32_t OnAgent(const Item& item);

  // Tokens no dictionary phrase starts at: pronouns and "the two".
  uint32_t OnOther(uint32_t t);

  // "they" before a verb stands for the last plural party that was itself a subject, in this sentence or the
  // one before: a plural mention with a country or sector, not inside a PP, followed by its verb ("Iraqi
  // security forces allegedly hurl prisoners from cliffs. … they are reported to film themselves"). Objects
  // ("prisoners from cliffs") and PP members ("like Isis") are passed over; with no such subject, no actor.
  uint32_t OnThey(uint32_t t);

  // "it" before a verb and "its [agent]" stand for the last actor named, when that was an organisation or a
  // state named as such ("Isis … It has resurfaced", "Israel … its jets") within the pronoun window and
  // nothing else was named since. Not "it is", "it would": mostly impersonal.
  uint32_t OnIt(uint32_t t);

  const ActorDictionary& dict_;
  const ActorRecognizerOptions& options_;
  Document& doc_;
  // doc_'s tokens and text, which the run reads at every word it tests and never changes.
  const Token* tokens_;
  const char* text_;
  // The per-document state, in the calling thread's RunScratch (emptied or refilled by Match).
  WordSequence& seq_;
  std::vector<PhraseMatch>& matches_;
  std::vector<Item>& items_;
  // The items that name a country or a place by a name or an adjectival form, in order: those Inherit reads.
  std::vector<uint32_t>& state_items_;
  // Per token: the index of the item that starts at it; -2 - the index of the item holding it after its first
  // token; -1 outside items. It may be longer than the document (a thread's longest), -1 past its end.
  std::vector<int32_t>& item_at_;
  // item_at_'s and items_'s data, which the handlers read at nearly every token they test, in plain pointers:
  // through the references, each read would first load the vector's data pointer again (a handler's stores
  // may change it, as far as the compiler knows). Set by ReadSentences, once Match has filled both.
  const int32_t* item_at_data_ = nullptr;
  const Item* items_data_ = nullptr;
  std::vector<bool>& seen_;
  std::vector<Found>& found_;
  // The coreference-by-noun of OnAgent, kept as Emit adds and drops mentions (Found::link) so that it reads the
  // last mention of an agent's key at once instead of scanning back over up to 80 mentions for it.
  std::vector<int32_t>& last_with_key_;
  std::vector<int32_t>& keys_set_;  // the keys set in last_with_key_ (RunScratch::keys_set)
  std::vector<int8_t>& place_context_;  // per item: PlaceContextOf, -1 until asked
  // Inherit's tallies: how often each country is named as a place, and where.
  std::vector<CountryCount>& setting_counts_;
  std::vector<std::pair<uint32_t, CountryCode>>& setting_places_;
  // The dictionary's ActorSummary and AgentSummary tables, fixed for its life: in plain pointers, like item_at_.
  const ActorSummary* const summaries_;
  const AgentSummary* const agent_summaries_;
  // doc_.date as a day number, for ActorDictionary::ResolveOnDay: converted once, not at each actor with roles.
  const std::optional<int64_t> day_;
  int32_t last_person_ = -1;
  // The sentence being read (ReadSentences; Inherit reuses begin_ and end_) and its tokens [begin_, end_).
  uint32_t sentence_ = 0, begin_ = 0, end_ = 0;
};

}  // namespace annalist::actors_detail
