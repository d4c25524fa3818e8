// The grammar run: dictionary matching, then names, agents and their settings, sentence by sentence.
#include "actors/grammar_run.h"

namespace annalist::actors_detail {

void Run::Match() {
  dict_.matcher().Tokenize(doc_, &seq_);
  const uint32_t two = dict_.matcher().WordId("two");
  // "the two" is marked by its "two" (ActorDictionary::Finish), not by "the", the commonest word, nearly every one
  // of which was listed only to be dropped here: a "two" after "the" is listed as that "the" (OnOther reads "the
  // two" from there), the others are dropped. In locals: the stores into `marked` would otherwise make the
  // compiler reload the vectors at each token.
  uint32_t* const marked = seq_.marked.data();
  const size_t marked_count = seq_.marked.size();
  size_t kept = 0;
  for (size_t i = 0; i < marked_count; ++i) {
    const uint32_t t = marked[i];
    if (dict_.matcher().IdOf(seq_, t) != two) {
      marked[kept++] = t;
    } else if (t > 0 && EqualsIgnoreCase(text(t), "two") && EqualsIgnoreCase(text(t - 1), "the")) {
      marked[kept++] = t - 1;
    }
  }
  seq_.marked.resize(kept);
  // -1 everywhere: the Run put back the last document's items.
  if (item_at_.size() < doc_.tokens.size()) item_at_.resize(doc_.tokens.size(), -1);
  seen_.assign(dict_.actors().size(), false);
  std::vector<PhraseMatch>& matches = matches_;
  const actors::PhraseMatcher& matcher = dict_.matcher();
  // Held in a local: MatchAt and push_back do not change it, but the compiler would reload it after each.
  int32_t* const item_at = item_at_.data();
  // Only at the tokens where a phrase may start (WordSequence::starts), skipping those inside the last match.
  uint32_t t = 0;
  for (const uint32_t start : seq_.starts) {
    if (start < t) continue;
    t = start;
    matches.clear();
    matcher.MatchAt(seq_, start, &matches);
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
    if (!best) continue;
    Item item;
    item.begin = t;
    item.end = best->end;
    item.hit = dict_.Decode(best->value);
    if (!item.hit.is_agent && item.hit.form == AliasForm::kName) seen_[item.hit.index] = true;
    // The actor's summary is read when the sentence is (AnchorOf): asked for now, it is there by then instead
    // of a cache miss at each actor not named lately.
    if (!item.hit.is_agent) __builtin_prefetch(&dict_.summaries()[item.hit.index]);
    // Only a name or an adjectival form can make a place (Inherit).
    const bool state = !item.hit.is_agent &&
                       (item.hit.form == AliasForm::kName || item.hit.form == AliasForm::kAdjective) &&
                       (item.hit.kind == ActorKind::kCountry || item.hit.kind == ActorKind::kPlace);
    const auto index = static_cast<int32_t>(items_.size());
    if (state) state_items_.push_back(static_cast<uint32_t>(index));
    item_at[t] = index;
    for (uint32_t inside = t + 1; inside < item.end; ++inside) item_at[inside] = -2 - index;
    items_.push_back(item);
    t = item.end;
  }
  place_context_.assign(items_.size(), -1);
}

void Run::ReadSentences() {
  // Only the tokens where something can happen: dictionary phrases (items_) and the words OnOther acts on
  // (WordSequence::marked: pronouns, "the" before "two"), merged in token order. Both lists are sorted; a
  // handler may jump ahead, but not past the end of its sentence: each sentence is read from its first token.
  // The sentences are walked beside that merge, so a sentence with nothing to read costs one comparison, and
  // a token between sentences is read in none.
  // The three lists do not change while they are read: held in locals, they need not be reloaded after each
  // handler (which the compiler must otherwise assume may change them).
  const annalist::Sentence* const sentences = doc_.sentences.data();
  const size_t sentence_count = doc_.sentences.size();
  const uint32_t* const marked = seq_.marked.data();
  const size_t marked_count = seq_.marked.size();
  const Item* const items = items_.data();
  const size_t item_count = items_.size();
  items_data_ = items;
  item_at_data_ = item_at_.data();
  constexpr uint32_t kEnd = 0xFFFFFFFFu;
  size_t i = 0, m = 0, s = 0;
  begin_ = end_ = 0;  // no sentence yet
  for (uint32_t t = 0;;) {
    while (i < item_count && items[i].begin < t) ++i;
    while (m < marked_count && marked[m] < t) ++m;
    const uint32_t next_item = i < item_count ? items[i].begin : kEnd;
    const uint32_t next_marked = m < marked_count ? marked[m] : kEnd;
    t = std::min(next_item, next_marked);
    if (t >= end_) {  // past the sentence being read: on to the one that holds t, if any
      while (s < sentence_count && sentences[s].token_end <= t) ++s;
      if (s == sentence_count) break;
      sentence_ = static_cast<uint32_t>(s);
      begin_ = sentences[s].token_begin;
      end_ = sentences[s].token_end;
      if (t < begin_) {  // between sentences
        t = begin_;
        continue;
      }
    }
    // Each handler returns a token past the one it was given: its item or marked token is passed here, not
    // compared with t again by the loops above.
    if (t == next_item) {
      const Item& item = items[i++];
      t = item.hit.is_agent ? OnAgent(item) : OnActor(item, item.begin);
    } else {
      ++m;
      t = OnOther(t);  // a pronoun, or a "the" Match kept because "two" follows it
    }
    t = std::min(t, end_);
  }
}

uint32_t Run::AgentChainAt(uint32_t t, const Anchor& anchor, Sector* sector, int32_t* head, bool* act,
                           const AgentSummary** last) const {
  while (const Item* item = AgentAt(t)) {
    const AgentSummary& a = agent(*item);
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

void Run::Inherit() {
  // An article with no mention to place needs no setting (1% of the articles of the 50 MB sample).
  const bool any = std::any_of(found_.begin(), found_.end(),
                               [](const Found& f) { return f.inherit && f.mention.country.empty(); });
  if (!any) return;
  std::vector<CountryCount>& counts = setting_counts_;
  // (token, country) of the states named as places.
  std::vector<std::pair<uint32_t, CountryCode>>& places = setting_places_;
  counts.clear();
  places.clear();
  // Each state is read in the sentence that holds its first token (none for one that starts between
  // sentences): the sentences are walked beside the states, which Match listed. The sentences in locals, as in
  // ReadSentences: the stores below would otherwise have them reloaded at each step of the walk.
  const annalist::Sentence* const sentences = doc_.sentences.data();
  const size_t sentence_count = doc_.sentences.size();
  size_t s = 0;
  for (const uint32_t index : state_items_) {
    const Item& item = items_data_[index];
    while (s < sentence_count && sentences[s].token_end <= item.begin) ++s;
    if (s == sentence_count) break;
    if (item.begin < sentences[s].token_begin) continue;
    begin_ = sentences[s].token_begin;
    end_ = sentences[s].token_end;
    // The article's setting: states named as places ("in Syria") and regions ("Idlib"), not the states that
    // act or speak ("Washington said", "US troops").
    // "the Syrian town of Baghuz", "on the Turkish border": an adjectival form before a place noun.
    const bool place_noun = item.hit.form == AliasForm::kAdjective && IsLowerWord(item.end) &&
                            In<kPlaceNouns>(text(item.end));
    // Worked out once: it both makes a name a place and puts it in `places`.
    const bool in_place_context = !place_noun && item.hit.form == AliasForm::kName && PlaceContextOf(item);
    const bool place = place_noun || (item.hit.form == AliasForm::kName &&
                                      (item.hit.kind == ActorKind::kPlace || in_place_context));
    if (!place) continue;
    const CountryCode c = dict_.ResolveOnDay(item.hit.index, day_).country;  // AnchorOf's country
    if (c.empty()) continue;
    auto it = std::find_if(counts.begin(), counts.end(), [&](const CountryCount& x) { return x.country == c; });
    if (it == counts.end()) counts.push_back({c, 1});
    else ++it->n;
    if (place_noun || in_place_context) places.emplace_back(item.begin, c);
  }
  const CountryCode dominant = actors::DominantCountry(counts);
  // The places are in token order, and so are the mentions: those of a mention's sentence, [first, end), are
  // found by walking on from the last mention's, and NearestCountry reads only them, not every place.
  size_t first = 0, end = 0;
  for (Found& f : found_) {
    if (!f.inherit || !f.mention.country.empty()) continue;
    const annalist::Sentence& sentence = sentences[f.sentence];
    while (first < places.size() && places[first].first < sentence.token_begin) ++first;
    end = std::max(end, first);
    while (end < places.size() && places[end].first < sentence.token_end) ++end;
    const CountryCode near = actors::NearestCountry(std::span(places).subspan(first, end - first), f.first_token,
                                                    sentence.token_begin, sentence.token_end);
    f.mention.country = near.empty() ? dominant : near;
  }
}

uint32_t Run::NameWithAgentAt(uint32_t t, const Anchor& anchor, Sector* sector) const {
  uint32_t end = t;
  bool found_agent = false;
  for (uint32_t p = t; p < end_ && p < t + 12;) {
    const bool connector = IsLowerWord(p) && IsConnector(p);
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

uint32_t Run::OnActor(const Item& item, uint32_t from) {
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
  const AgentSummary* last = nullptr;
  const uint32_t chain_end = AgentChain(chain_start, anchor, &sector, &head, &act, &last);
  if (act) {
    Emit(Make(from, item.end, anchor, sector, -1));
    return next;
  }
  if (head >= 0) {
    // "The Israeli war cabinet", "an Israeli security source": the determiner belongs to the mention.
    if (from == item.begin && from > begin_ && In<kDeterminers>(text(from - 1))) --from;
    if (last->kind == AgentKind::kTitle) {
      if (const Item* person = ActorAt(chain_end); person && person->hit.kind == ActorKind::kPerson) {
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
        const AgentSummary* shared_last = nullptr;
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
    if (!subject_like || PlaceContextOf(item)) return item.end;
  } else if ((form == AliasForm::kName || form == AliasForm::kPeople) && anchor.type == AnchorType::kState &&
             PlaceContextOf(item)) {
    return item.end;
  }
  Emit(Make(from, item.end, anchor, anchor.sector, -1));
  return item.end;
}

uint32_t Run::PhraseStart(uint32_t t, bool* definite, bool plural) const {
  *definite = false;
  for (uint32_t p = t, n = 0; p > begin_ && n < 4; --p, ++n) {
    const uint32_t q = p - 1;
    // Punctuation, numbers and "'s" end the phrase, and so does another phrase ("The militants beheaded
    // prisoners" is two phrases, not one), but for an adjectival form ("the Palestinian Islamist group"): both
    // told before the word is looked up, which neither needs.
    if (!IsWord(q)) break;
    if (const Item* other = CoveringItem(q);
        other && (other->hit.is_agent || other->hit.form != AliasForm::kAdjective)) {
      break;
    }
    const uint32_t word = actors::WordClassOf(text(q));  // one lookup for every question below
    if (plural && (actors::IsGrammarWord(word, "that") || actors::IsGrammarWord(word, "this"))) break;
    if (word & kDeterminerClass) {
      *definite = !actors::IsGrammarWord(word, "a") && !actors::IsGrammarWord(word, "an");
      return q;
    }
    if (word & kStopWordClass) break;
  }
  return t;
}

uint32_t Run::OnAgent(const Item& item) {
  const AgentSummary& a = agent(item);
  // The start of the noun phrase (PhraseStart) is worked out only for the agents that may make a mention.
  bool definite = false;
  if (a.kind == AgentKind::kDescriptor) {
    if (item.hit.plural) return item.end;
    const uint32_t np_begin = PhraseStart(item.begin, &definite, item.hit.plural);
    if (const Item* name = ActorAt(item.end); name && name->hit.kind == ActorKind::kOrganisation) {
      return OnActor(*name, np_begin);  // "The Islamist group Hamas"
    }
    if (definite) {
      if (const Found* antecedent = Antecedent(np_begin, item.begin, a.sector)) {
        Found f = *antecedent;
        SetSpan(f, np_begin, item.end);
        Emit(f);
      }
    }
    return item.end;
  }
  Anchor none;
  Sector sector = Sector::kNone;
  int32_t head = -1;
  bool act = false;
  const AgentSummary* last = nullptr;
  const uint32_t chain_end = AgentChain(item.begin, none, &sector, &head, &act, &last);
  if (act || head < 0) return item.end;
  const uint32_t np_begin = PhraseStart(item.begin, &definite, item.hit.plural);
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
        const AgentSummary* target_last = nullptr;
        Sector ts = Sector::kNone;
        const uint32_t end = AgentChain(target->end, anchor, &ts, &target_head, &target_act, &target_last);
        if (target_head >= 0 && member && agent_summaries_[target_head].kind == AgentKind::kMember) {
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
        descriptor && agent(*descriptor).kind == AgentKind::kDescriptor && !descriptor->hit.plural &&
        p > chain_end + 1) {
      if (const Found* antecedent = Antecedent(chain_end + 1, descriptor->begin, agent(*descriptor).sector)) {
        Found f = *antecedent;
        SetSpan(f, np_begin, descriptor->end);
        f.agent = head;
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
    if (const Item* person = ActorAt(chain_end); person && person->hit.kind == ActorKind::kPerson) {
      return OnActor(*person, item.begin);
    }
    const uint32_t name_end = UnknownName(chain_end);
    if (name_end > chain_end) {
      Emit(Make(item.begin, name_end, none, sector, head));
      return name_end;
    }
    // "the defence secretary, Jim Mattis": the apposition names the holder.
    if (definite && Is(chain_end, ",")) {
      if (const Item* person = ActorAt(chain_end + 1); person && person->hit.kind == ActorKind::kPerson) {
        return OnActor(*person, np_begin);
      }
    }
    // "the president", "the foreign minister" with no name: the last holder named, else an office with its
    // sector (below); an indefinite title ("a minister") names nobody.
    if (!definite) return chain_end;
  }
  // A bare singular noun with no determiner is more often a verb or a modifier ("will patrol", "military
  // operation") than an actor.
  const AgentSummary& head_agent = agent_summaries_[head];
  const Item* head_item = &item;
  // The chain's end tested first: most chains are one agent, and then no item need be looked up.
  while (head_item->end < chain_end && AgentAt(head_item->end)) head_item = AgentAt(head_item->end);
  if (!head_item->hit.plural && np_begin == item.begin && !!head_agent.has_plural) return chain_end;
  // Coreference by noun: "hostages" after "Israeli hostages", "the same sources" after "Hamas sources": the last
  // mention with a country whose head agent has the same key, among the last 80.
  if (const int32_t other = last_with_key_[dict_.coreference_keys()[head]];
      other >= 0 && found_.size() - static_cast<size_t>(other) <= 80) {
    Found copy = found_[other];
    SetSpan(copy, np_begin, chain_end);
    copy.agent = head;
    Emit(copy);
    return chain_end;
  }
  if (head_agent.kind == AgentKind::kMember || head_agent.kind == AgentKind::kTitle) {
    Emit(Make(np_begin, chain_end, none, sector, head));
  }
  return chain_end;
}

}  // namespace annalist::actors_detail
