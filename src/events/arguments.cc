// Step 3 of the sentence pass: actor and recipient of verb and noun triggers.
#include "events/sentence_coder.h"

#include <initializer_list>

namespace annalist::events_detail {

uint32_t SentenceCoder::ActorBefore(uint32_t t, bool allow_modifier, bool gerund, bool* pronoun) const {
  // A participial clause (", saying …", "and urging …") has the main clause's subject, however far back.
  const uint32_t window = gerund ? 2 * opt_.subject_window : opt_.subject_window;
  const uint32_t stop = t > b_ + window ? t - window : b_;
  // A common noun right before the verb group is its subject ("two British men killed", "rockets were
  // launched"): a non-party, so no mention further back stands in for it.
  {
    const uint32_t v = VerbGroupStart(t, /*times=*/true);
    // A capitalised word the actors stage did not know ("that Jones was killed") is a name: a subject too.
    const bool unknown_name = v > b_ && v - 1 > b_ && doc_.tokens[v - 1].kind == TokenKind::kWord &&
                              doc_.tokens[v - 1].has(kTokenCapitalized) && s_.cue[v - 1] == 0;
    if (v > b_ && s_.actor_at[v - 1] == kNone && (IsContentWord(v - 1) || unknown_name) && !Is(v - 1, "to")) {
      // "Suspected Israeli missiles were fired": the demonym on the noun, for the passive's agent; and on
      // a force or weapon that acts ("Russian jets pounded the town", "Turkish troops entered").
      if ((allow_modifier || s_.cue[v - 1] & (events::kThemeTroops | events::kThemeWeapon)) && v >= b_ + 2 &&
          s_.actor_at[v - 2] != kNone && IsDemonym(s_.actor_at[v - 2])) {
        return s_.actor_at[v - 2];
      }
      // Unless the noun sits in a PP of the subject ("workers at the camp have denied").
      uint32_t w = v - 1;
      while (w > b_ && (IsContentWord(w - 1) || s_.cue[w - 1] & events::kDet)) --w;
      const bool in_pp = w > b_ && s_.cue[w - 1] & events::kPrep && !Is(w - 1, "of");
      if (!in_pp) return kNone;
    }
  }
  for (uint32_t u = t; u > stop;) {
    --u;
    if (IsBreak(u) && doc_.token_text(u) == ";") return kNone;
    if (IsQuote(u)) {
      // Going back past a closing quote skips the quotation; an opening quote means the trigger is quoted.
      if (doc_.token_text(u) != "\xE2\x80\x9D") return kNone;
      while (u > stop && doc_.token_text(u - 1) != "\xE2\x80\x9C") --u;
      if (u > stop) --u;
      continue;
    }
    const uint32_t a = s_.actor_at[u];
    // A relative pronoun as subject ("Turkey, which has threatened", "the Kurds, who fought"): its antecedent,
    // the word before it; a non-party antecedent ("a buffer …, which") means no actor.
    const auto verb_group_after = [&](uint32_t from) {  // auxiliaries, adverbs and times ("who last year")
      for (uint32_t v = from; v < t; ++v) {
        if (!InTime(v) && !VerbGroupBetween(v, v + 1)) return false;
      }
      return true;
    };
    if (a == kNone && (Is(u, "which") || Is(u, "who") || Is(u, "that")) && verb_group_after(u + 1)) {
      uint32_t p = u;
      if (p > b_ && Is(p - 1, ",")) --p;
      if (p > b_ && s_.actor_at[p - 1] != kNone && !s_.territory[s_.actor_at[p - 1]]) return s_.actor_at[p - 1];
      return kNone;
    }
    // A subordinator ends the search: the subject of a verb after "although …" lies after it.
    if (a == kNone && (Is(u, "although") || Is(u, "though") || Is(u, "because") || Is(u, "whereas"))) return kNone;
    // A subject pronoun the actors stage did not resolve ("the first fighter I met", "when he sent forces"),
    // also before a catenative verb ("it attempted to extradite"): the subject is unknown, not the mention
    // before it.
    const bool catenative = u + 3 <= t && Is(t - 1, "to") && IsContentWord(t - 2) && VerbGroupBetween(u + 1, t - 2);
    if (a == kNone && s_.cue[u] & events::kPron && !(s_.cue[u] & events::kPoss) &&
        (VerbGroupBetween(u + 1, t) || catenative)) {
      if (pronoun) *pronoun = true;
      return kNone;
    }
    if (a == kNone) continue;
    const uint32_t f = MentionFirst(u);
    const uint32_t l = MentionLast(f);
    u = f;
    // Right after a lower-case content word the mention is an object or a modified noun ("to enter Idlib
    // province to support", "in rural Damascus"), not the subject.
    if (!gerund && f > b_ && IsContentWord(f - 1) && !IsAdverb(f - 1) && !VerbGroupBetween(l, t) &&
        !ClauseBoundary(f - 1)) {
      continue;
    }
    // … and after another gerund it is that gerund's object ("repulsing Iran and crushing al-Qaida").
    if (gerund && f > b_ && IsContentWord(f - 1) && W(f - 1).ends_with("ing")) continue;
    // Territory is no agent: "US troops in Kurdish-held Syria – deployed", "in northern Iraq".
    if (f > b_ && IsRegionWord(f - 1)) continue;
    // The object of a to-infinitive is no subject, even right before a verb ("tribesmen armed to fight Isis
    // now refuse").
    if (f > b_ + 1 && IsContentWord(f - 1) && Is(f - 2, "to")) continue;
    if (IsPossessiveMark(l) || IsPossessor(a)) continue;  // "Trump's decision", "his decision"
    if (s_.territory[a]) continue;  // "in the Anbar and Nineveh provinces": a place acts only through a sector
    // A demonym before a common noun ("Kurdish villages") modifies a non-party.
    if (!allow_modifier && IsDemonym(a) && IsContentWord(l)) continue;
    // "Russia, Turkey and Iran": the first member; Emit gives one event per member.
    uint32_t g = f, member = a;
    if (g >= b_ + 2 && (Is(g - 1, "and") || Is(g - 1, "or")) && s_.actor_at[g - 2] != kNone) {
      do {
        const uint32_t h = MentionFirst(g - 2);
        // "releases 17 hostages and Israel releases": the earlier mention is an object, not a member.
        if (h > b_ && (IsContentWord(h - 1) || doc_.tokens[h - 1].kind == TokenKind::kNumber)) break;
        g = h;
        member = s_.actor_at[g];
      } while (g >= b_ + 2 && (Is(g - 1, ",") || Is(g - 1, "and")) && s_.actor_at[g - 2] != kNone);
    }
    uint32_t before = g > b_ ? g - 1 : kNone;
    if (before != kNone && before > b_ && s_.cue[before] & events::kDet) --before;  // "by the UN"
    // A conjunct the actors stage did not know ("by Russia and the UN" with Russia a place): the PP's
    // preposition is before that conjunct.
    if (before != kNone && Is(before, "and") && before > b_ + 1) {
      uint32_t p = before;
      while (p > b_ + 1 && p + 4 > before && !IsPunct(p - 1) && doc_.tokens[p - 1].has(kTokenCapitalized)) --p;
      if (p < before && s_.cue[p - 1] & events::kPrep) before = p - 1;
    }
    // A participial clause after a comma (", conducting car bombings") has the main clause's subject, never
    // a mention inside a PP, "of" included ("the provinces of Iraq").
    const bool participial = gerund && t > b_ && Is(t - 1, ",");
    if (before != kNone && (s_.cue[before] & events::kPrep) && (participial || !Is(before, "of")) &&
        !ClauseBoundary(before)) {  // "Just as Isis was said to have thrown": a subordinate clause's subject
      u = g;
      continue;
    }
    return member;
  }
  return kNone;
}

uint32_t SentenceCoder::ActorAfter(uint32_t t, std::string_view* prep_out, bool allow_by) const {
  char buf[kMaxWord];
  const uint32_t stop = std::min(e_, t + opt_.object_window);
  bool skipped_pp = false;
  std::string_view prep;  // the last preposition since the trigger: "in northern Iraq" is in a PP
  for (uint32_t u = t; u < stop; ++u) {
    if (IsBreak(u) || IsQuote(u) || Is(u, ",") || Is(u, "but") || Is(u, "according")) return kNone;
    if (s_.cue[u] & (events::kRel | events::kCond) || ClauseBoundary(u)) return kNone;
    const uint32_t a = s_.actor_at[u];
    if (a == kNone) {
      if (s_.cue[u] & events::kPrep) {
        if (!Is(u, "of")) skipped_pp = IsPlacePrep(Word(u, buf));
        prep = Canonical(Word(u, buf));
        if (prep.empty()) prep = "-";  // a place or time preposition
      }
      continue;
    }
    const uint32_t l = MentionLast(u);
    // A name modifying a compound noun is no party: "pull out of the Iran nuclear deal".
    const bool modifier = IsContentWord(l) && IsContentWord(l + 1);
    if (IsPossessor(a) || s_.in_region[a] || (u > b_ && IsRegionWord(u - 1)) || modifier) {
      u = l - 1;
      continue;
    }
    if (u > b_ && (s_.cue[u - 1] & events::kPrep)) {
      prep = Canonical(Word(u - 1, buf));
      if (prep.empty()) prep = "-";
    }
    if (prep == "-" || (prep == "of" && skipped_pp) || prep == "from" || prep == "in" || prep == "during" || prep == "since" || prep == "after" ||
        prep == "before" || prep == "until" || prep == "over" || prep == "near" || prep == "across" ||
        prep == "within" || prep == "amid" || prep == "through" || prep == "under" || prep == "about" ||
        (prep == "by" && !allow_by)) {
      u = l - 1;
      continue;
    }
    if (prep_out) *prep_out = prep;
    return a;
  }
  return kNone;
}

uint32_t SentenceCoder::ByAgent(uint32_t t, uint32_t window) const {
  const uint32_t stop = std::min(e_, t + window);
  for (uint32_t u = t; u + 1 < stop; ++u) {
    if (IsBreak(u) || IsQuote(u) || Is(u, ",")) return kNone;
    if (Is(u, "by")) {
      for (uint32_t v = u + 1; v < std::min(e_, u + 6); ++v) {
        // "accused by its enemies": the possessive is not the agent (no mention for the noun it owns).
        if (s_.actor_at[v] != kNone) return IsPossessor(s_.actor_at[v]) ? kNone : s_.actor_at[v];
        if (IsBreak(v)) break;
      }
    }
  }
  return kNone;
}

// Whether the noun at `t` can head a party phrase: a person or a group (a theme class of people, or a plural
// with no theme class: "prisoners", "captives"), never a weapon, a place or a property.
bool SentenceCoder::PartyHead(uint32_t t) const {
  if (!IsContentWord(t)) return false;
  const uint32_t people = events::kThemePerson | events::kThemeCivilian | events::kThemeDiplomat | events::kThemeTroops;
  if (s_.cue[t] & people) return true;
  if (s_.cue[t] & events::kThemeMask) return false;
  const std::string_view w = W(t);
  return w.size() > 3 && w.back() == 's' && !w.ends_with("ss") && !w.ends_with("ous") && !w.ends_with("ics");
}

// A mention for the words [b, e) (no name, country or sector), appended to the document's actors.
uint32_t SentenceCoder::AddMention(uint32_t b, uint32_t e) {
  ActorMention m;
  m.span = {doc_.tokens[b].begin, doc_.tokens[e - 1].end};
  doc_.actors.push_back(m);
  s_.is_name.push_back(0);
  s_.in_region.push_back(0);
  s_.territory.push_back(0);
  return static_cast<uint32_t>(doc_.actors.size() - 1);
}

// The object phrase right after a verb ("beheaded prisoners", "massacred more than 200 people"), when its
// head is a party head; kNone otherwise.
uint32_t SentenceCoder::PatientAfter(uint32_t t) {
  uint32_t u = t, head = kNone;
  while (u < e_ && u < t + 9) {
    // An adjective of origin, known ("Kurdish") or not ("north African fighters"), before the head.
    const bool demonym = (s_.actor_at[u] != kNone && IsDemonym(s_.actor_at[u])) ||
                         (s_.actor_at[u] == kNone && doc_.tokens[u].kind == TokenKind::kWord &&
                          doc_.tokens[u].has(kTokenCapitalized) && IsContentWord(u + 1));
    const bool modifier = s_.cue[u] & (events::kDet | events::kPoss) || doc_.tokens[u].kind == TokenKind::kNumber ||
                          Is(u, "more") || Is(u, "than") || Is(u, "least") || Is(u, "at") || demonym;
    // A known party where the head stands is the phrase's party ("a group of north African fighters").
    if (s_.actor_at[u] != kNone && !demonym) return head == kNone ? s_.actor_at[u] : kNone;
    if (demonym) {
      head = kNone;  // an adjective: the head follows
      u = s_.actor_at[u] != kNone ? MentionLast(u) : u + 1;
    } else if (modifier && head == kNone) {
      ++u;
    } else if (!modifier && IsContentWord(u)) {
      head = u++;
    } else if (head != kNone && Is(u, "of") && u + 1 < e_ && !PartyHead(head) && s_.actor_at[u + 1] == kNone) {
      head = kNone;  // "a group of north African fighters": the head is after "of"
      ++u;
    } else {
      break;
    }
  }
  if (head == kNone || !PartyHead(head)) return kNone;
  return AddMention(t, head + 1);
}

// The unnamed agent of a by-phrase within `window` tokens ("a coup attempt by a group of north African
// fighters"), as a mention; kNone when there is none or the by-phrase names a known party.
uint32_t SentenceCoder::AgentPhraseAfterBy(uint32_t t, uint32_t window) {
  for (uint32_t u = t; u + 1 < std::min(e_, t + window); ++u) {
    if (IsBreak(u) || IsQuote(u) || Is(u, ",")) return kNone;
    if (Is(u, "by")) return PatientAfter(u + 1);
  }
  return kNone;
}

// A name no dictionary knows right before the verb group ("Bainimarama announced", "the Tuvalu Teachers
// Union rejected"): a mention with no country or sector, so the act keeps its agent.
uint32_t SentenceCoder::UnknownNameSubject(uint32_t t) {
  const uint32_t v = VerbGroupStart(t, /*times=*/true);
  const auto name_word = [this](uint32_t u) {
    return doc_.tokens[u].kind == TokenKind::kWord && doc_.tokens[u].has(kTokenCapitalized) &&
           s_.actor_at[u] == kNone && !(s_.cue[u] & ~events::kThemeMask) && !InPlace(u);
  };
  if (v == b_ || !name_word(v - 1)) return kNone;
  uint32_t b = v - 1;
  while (b > b_ && v - b < 5 && name_word(b - 1)) --b;
  if (b == b_ && v - b == 1) return kNone;  // a lone capitalised first word may be any word
  return AddMention(b, v);
}

// The subject phrase of a passive ("The two men … are being held by"), ending right before the verb group.
uint32_t SentenceCoder::PatientBefore(uint32_t t) {
  uint32_t v = VerbGroupStart(t, /*times=*/false);
  // "… have reported being turned away", "… were said to have been detained": past the reporting verb.
  if (v > b_ + 1 && (Is(v - 1, "reported") || Is(v - 1, "said") || Is(v - 1, "claimed") || Is(v - 1, "feared") ||
                     (Is(v - 1, "to") && (Is(v - 2, "said") || Is(v - 2, "reported") || Is(v - 2, "believed"))))) {
    v = VerbGroupStart(v - (Is(v - 1, "to") ? 2 : 1), /*times=*/false);
    if (v > b_ && s_.actor_at[v - 1] != kNone) return s_.actor_at[v - 1];
  }
  // "The two men, who have been stripped of …": the relative pronoun's antecedent.
  if (v > b_ + 1 && (Is(v - 1, "who") || Is(v - 1, "which") || Is(v - 1, "that"))) {
    --v;
    if (v > b_ + 1 && Is(v - 1, ",")) --v;
    if (s_.actor_at[v - 1] != kNone) return s_.actor_at[v - 1];
  }
  if (v == b_ || !PartyHead(v - 1) || s_.actor_at[v - 1] != kNone) return kNone;
  // The phrase reaches back to its determiner, possessive or number ("the two men"); without one, the head
  // alone ("claimed the group": no telling the verb from an adjective).
  uint32_t b = v - 1;
  for (uint32_t u = v - 1; u > b_ && u + 5 > v;) {
    --u;
    if (s_.cue[u] & (events::kDet | events::kPoss) || doc_.tokens[u].kind == TokenKind::kNumber) {
      b = u;
      // … with the number's qualifier: "more than 1,200 people", "at least 40 suspects".
      while (b > b_ + 1 && ((Is(b - 1, "than") && (Is(b - 2, "more") || Is(b - 2, "fewer"))) ||
                            (Is(b - 1, "least") && Is(b - 2, "at")))) {
        b -= 2;
      }
      break;
    }
    if (!IsContentWord(u) || s_.actor_at[u] != kNone) break;
  }
  return AddMention(b, v);
}

void SentenceCoder::Arguments(Candidate& c) {
  const Entry& entry = lex_.entry(c.entry);
  if ((!entry.needs_prep.empty() && !HasPrepAfter(c.last, entry.needs_prep)) ||
      (!entry.not_before.empty() && Is(c.last, entry.not_before))) {
    Drop(c);
    return;
  }
  if (c.verb) {
    VerbArguments(c, entry);
  } else {
    NounArguments(c, entry);
  }
}

void SentenceCoder::VerbArguments(Candidate& c, const Entry& entry) {
  std::string_view prep;
  if (c.passive) {
    c.actor = ByAgent(c.last, opt_.object_window + 4);
    c.recipient = ActorBefore(c.first, /*allow_modifier=*/true);
    // "Suspected Israeli missiles were fired": the demonym on the subject's head is the agent.
    if (c.recipient != kNone && IsDemonym(c.recipient) && IsContentWord(MentionLast(FirstTokenOfActor(c.recipient)))) {
      if (c.actor == kNone) c.actor = c.recipient;
      c.recipient = kNone;
    }
    // Withdrawn weapons or mobilised troops are the theme, not a recipient.
    if ((c.type == EventType::kRetreat && c.mode != "release") || c.type == EventType::kMobilize) {
      c.recipient = kNone;
    }
    if (c.recipient == kNone) {
      c.recipient = ActorAfter(c.last, &prep, false);
      if (c.recipient != kNone && prep != "towards" && prep != "toward" && prep != "at" && prep != "against" &&
          prep != "on" && prep != "into") {
        c.recipient = kNone;
      }
    }
  } else {
    bool pronoun = false;
    c.actor = ActorBefore(c.first, false, c.gerund, &pronoun);
    // "The EU has said it will not provide …": an unresolved pronoun subject in reported speech is the
    // speaker (the actors stage resolves most pronouns; this is the fallback for the rest).
    if (c.actor == kNone && pronoun) {
      char buf[kMaxWord];
      uint32_t p = c.first;
      while (p > b_ && !(s_.cue[p - 1] & events::kPron)) --p;
      const std::string_view w = p > b_ ? Word(p - 1, buf) : std::string_view();
      if (w == "he" || w == "she" || w == "it" || w == "they") {
        c.actor = sources_.ClaimantOf(c.first);
        c.speaker_acts = c.actor != kNone;
      }
    }
    if (c.actor == kNone && !pronoun) c.actor = UnknownNameSubject(c.first);
    c.recipient = ActorAfter(c.last, &prep, false);
    if (c.recipient == c.actor) c.recipient = kNone;
    // A for/to PP after the verb's own object belongs to that object ("set up a committee for Syria",
    // "cancelled all travel to the US"), except where it names who receives, or suffers, the act ("sent
    // troops to Syria", "provided aid to Gaza").
    if (c.recipient != kNone && (prep == "for" || prep == "to") && c.type != EventType::kAid &&
        c.type != EventType::kSupport && c.type != EventType::kMobilize && c.type != EventType::kRequest &&
        c.type != EventType::kAssault && c.type != EventType::kCoerce && c.type != EventType::kThreaten) {
      const uint32_t m = FirstTokenOfActor(c.recipient);
      for (uint32_t u = c.last; m != kNone && u < m; ++u) {
        if (IsContentWord(u) && s_.actor_at[u] == kNone) {
          c.recipient = kNone;
          break;
        }
      }
    }
    if (c.type == EventType::kMobilize && prep.empty()) c.recipient = kNone;  // "sent forces": the theme
    if ((prep == "with" || prep == "alongside") && c.type == EventType::kAssault &&
        !entry.has(events::kReciprocal)) {
      c.recipient = kNone;  // "fought with the US against Isis": an ally
    }
  }
  // "Israel and Hamas met", "agreed by Putin and his Turkish counterpart, Erdoğan": the second member.
  if (entry.has(events::kReciprocal) && c.actor != kNone && c.recipient == kNone) {
    c.recipient = NextMember(c.actor);
  }
  // Leaders or governments who clash do so in words ("Erdoğan and Putin clashed in public over"): an ACCUSE.
  if (c.type == EventType::kAssault && entry.has(events::kReciprocal) && IsPolitical(c.actor) &&
      IsPolitical(c.recipient)) {
    c.type = EventType::kAccuse;
    c.mode = "disapprove";
    c.cameo = "111";
    c.context = {};
  }
  // A trip whose purpose is a meeting codes the meeting, not the trip ("traveled to Oslo to meet with").
  if (c.type == EventType::kConsult && c.mode == "visit") {
    if (c.recipient == kNone || prep != "to") {
      if (entry.needs_prep == "to" || entry.needs_prep == "in") Drop(c);
    }
    for (uint32_t u = c.last; u + 1 < std::min(e_, c.last + 14); ++u) {
      char buf[kMaxWord];
      if (Is(u, "to") && (Word(u + 1, buf) == "meet" || Word(u + 1, buf) == "hold")) Drop(c);
    }
  }
  if (entry.has(events::kNeedsRecipient) && c.recipient == kNone) Drop(c);
  if (!c.passive && c.actor == kNone && IsVerbal(c.type)) Drop(c);  // a speech act needs its speaker
  // Forces mobilise, civilians travel: "the choir's decision to avoid crossing the border".
  if (c.type == EventType::kMobilize && c.actor != kNone) {
    const Sector s = doc_.actors[c.actor].sector;
    if (s == Sector::kCVL || s == Sector::kNGO || s == Sector::kBUS || s == Sector::kMED || s == Sector::kREF ||
        s == Sector::kREL || s == Sector::kHLH) {
      Drop(c);
    }
  }
  // A meeting is held by parties with a political role: "their citizens … has met with a cool response".
  if (c.type == EventType::kConsult && c.recipient == kNone &&
      (c.actor == kNone || doc_.actors[c.actor].sector == Sector::kNone || doc_.actors[c.actor].sector == Sector::kCVL)) {
    Drop(c);
  }
  // A visit is diplomatic: a traveller with no political role ("children who travelled to join Isis") is none.
  if (c.mode == "visit" && c.actor != kNone) {
    const Sector sector = doc_.actors[c.actor].sector;
    if (sector == Sector::kNone || sector == Sector::kCVL || sector == Sector::kREF || sector == Sector::kMED ||
        sector == Sector::kBUS) {
      Drop(c);
    }
  }
  // "refugees admitted to the US": a speech act or concession needs its speaker.
  if (c.passive && c.actor == kNone &&
      (c.type == EventType::kConcede || c.type == EventType::kSupport || c.type == EventType::kAgree)) {
    Drop(c);
  }
  // The patient of violence or coercion that no dictionary names ("beheaded prisoners", "the two men … are
  // being held by"), or of any passive ("were turned away"): the noun phrase itself, with no country or
  // sector, as the annotation has it.
  const bool material = c.type == EventType::kAssault || c.type == EventType::kCoerce ||
                        (c.type == EventType::kRetreat && c.mode == "release");
  if (c.recipient == kNone && !c.dropped && (material || c.passive)) {
    c.recipient = c.passive ? PatientBefore(c.first) : PatientAfter(c.last);
  }
  if (c.actor == kNone && !c.dropped && material && c.passive) c.actor = AgentPhraseAfterBy(c.last, 8);
  if (c.actor == kNone && c.recipient == kNone) {
    // An agentless passive is an event when its theme says what happened ("rockets were launched",
    // "heavy weapons will be withdrawn"); otherwise a verb needs a party.
    const bool themed = c.passive && (entry.needs_theme != 0 || c.type == EventType::kRetreat ||
                                      c.type == EventType::kAssault || c.type == EventType::kMobilize);
    if (!themed && !entry.has(events::kBare)) Drop(c);
  }
  // "held accountable", "held responsible" are not detentions.
  if (Is(c.last, "accountable") || Is(c.last, "responsible")) Drop(c);
}

void SentenceCoder::NounArguments(Candidate& c, const Entry& entry) {
  // "Putin said the militants represented a threat", "Kurdish fighters posed the biggest threat": calling a
  // party a threat is the speaker's accusation of it (ACCUSE), not a threat by anyone.
  if (c.type == EventType::kThreaten) {
    uint32_t p = c.first;
    while (p > b_ && c.first - p < 4 && (IsContentWord(p - 1) || s_.cue[p - 1] & events::kDet || IsQuote(p - 1))) {
      const std::string_view w = W(p - 1);
      if (w.starts_with("pose") || w.starts_with("posing") || w.starts_with("represent") ||
          w.starts_with("constitut")) {
        c.type = EventType::kAccuse;
        c.mode = "disapprove";
        c.cameo = "112";
        c.context = {};
        c.recipient = ActorBefore(p - 1);
        c.actor = sources_.ClaimantOf(c.first);
        // "Erdoğan said Syrian Kurdish fighters east of the Euphrates posed …": the first party after the
        // speaker that no preposition introduces.
        for (uint32_t u = b_; c.recipient == kNone && u + 1 < p; ++u) {
          const uint32_t a = s_.actor_at[u];
          if (a == kNone || SameActor(a, c.actor) || (u > b_ && s_.cue[u - 1] & events::kPrep)) continue;
          if (u == MentionFirst(u) && !IsPossessor(a) && !s_.territory[a]) c.recipient = a;
        }
        if (c.actor == kNone || c.recipient == kNone) Drop(c);
        return;
      }
      --p;
    }
  }
  // A noun in a to-infinitive purpose clause ("to reopen indirect talks", "in an attempt to revive truce
  // talks") reports no act.
  for (uint32_t k = 2; k <= 4 && c.first >= b_ + k; ++k) {
    const uint32_t u = c.first - k;
    const bool number = doc_.tokens[u + 1].kind == TokenKind::kNumber ||
                        numbers_.Lookup(doc_.token_text(u + 1)).known();
    if (Is(u, "to") && !(s_.cue[u + 1] & (events::kDet | events::kPoss)) && s_.actor_at[u + 1] == kNone &&
        !(s_.cue[u + 1] & events::kLight) && !number && !Is(u - 1, "up")) {
      bool content = true;
      for (uint32_t v = u + 2; v < c.first; ++v) {
        if (IsPunct(v) || s_.actor_at[v] != kNone) content = false;
      }
      if (content) {
        Drop(c);
        return;
      }
    }
    if (IsPunct(u)) break;
  }
  // A noun modifying another noun is no event ("aid groups", "attack helicopters").
  if (IsContentWord(c.last)) {
    std::string_view next = doc_.token_text(c.last);
    if (next.size() > 3 && next.ends_with("s") && !next.ends_with("ss") && !entry.has(events::kBare)) {
      Drop(c);
      return;
    }
  }
  // Premodifier or possessor: "an Israeli bombardment", "Rouhani's tour", "US drawdown".
  for (uint32_t k = 1; k <= 3 && c.first >= b_ + k; ++k) {
    const uint32_t u = c.first - k;
    if (s_.actor_at[u] != kNone && s_.territory[s_.actor_at[u]]) break;  // "Idlib attack": the target
    // A common noun of civilians as a modifier is the theme, not the actor: "a refugee deal".
    if (s_.actor_at[u] != kNone && doc_.actors[s_.actor_at[u]].name.empty() && IsContentWord(u) &&
        (doc_.actors[s_.actor_at[u]].sector == Sector::kCVL || doc_.actors[s_.actor_at[u]].sector == Sector::kREF)) {
      break;
    }
    // A name two words back modifies the noun only through a possessive or as an adjective ("Rouhani's
    // first tour", "Israeli heavy shelling"); else the word between is its verb ("Riyadh experienced attacks").
    if (s_.actor_at[u] != kNone && k > 1 && !IsDemonym(s_.actor_at[u]) && !IsPossessiveMark(MentionLast(u)) &&
        !IsPossessor(s_.actor_at[u])) {
      break;
    }
    if (s_.actor_at[u] != kNone) {
      // "joint US, French and British airstrikes": the first member stands for the compound.
      uint32_t g = MentionFirst(u);
      c.actor = s_.actor_at[u];
      while (g >= b_ + 2 && (Is(g - 1, ",") || Is(g - 1, "and")) && s_.actor_at[g - 2] != kNone) {
        g = MentionFirst(g - 2);
        c.actor = s_.actor_at[g];
      }
      break;
    }
    if (IsPossessiveMark(u)) continue;
    if (!IsContentWord(u)) break;  // adjectives only
  }
  // The noun's own prepositional phrases, left to right: by → actor, between A and B, of → patient or
  // agent (directly after the noun only), against/on/at/to/with/for → recipient; place and time PPs are
  // skipped ("negotiations in Egypt for a new exchange of Israeli hostages").
  const bool of_is_patient = c.type == EventType::kAssault || c.type == EventType::kCoerce ||
                             c.type == EventType::kSanction || c.mode == "release";
  char buf[kMaxWord];
  uint32_t u = c.last;
  for (int k = 0; k < 3 && u < e_; ++k) {
    if (!(s_.cue[u] & events::kPrep)) break;
    const std::string_view prep = Word(u, buf);
    // "a truce to evacuate women and children": an infinitive, not a PP with a party.
    if (prep == "to" && std::any_of(s_.candidates.begin(), s_.candidates.end(),
                                    [u](const Candidate& d) { return d.verb && d.first == u + 1; })) {
      break;
    }
    uint32_t m = kNone, v = u + 1;
    for (; v < std::min(e_, u + 6); ++v) {
      if (IsBreak(v) || IsQuote(v) || Is(v, ",") || s_.cue[v] & (events::kPrep | events::kRel)) break;
      if (s_.actor_at[v] != kNone) {
        m = s_.actor_at[v];
        // "the resignation of the defence secretary, Jim Mattis": the named apposition is the party.
        const uint32_t l = MentionLast(v);
        if (doc_.actors[m].name.empty() && l + 1 < e_ && Is(l, ",") && s_.actor_at[l + 1] != kNone &&
            !doc_.actors[s_.actor_at[l + 1]].name.empty()) {
          m = s_.actor_at[l + 1];
          v = l + 1;
        }
        break;
      }
    }
    if (m == kNone) {
      // "pressure from the trio of countries": an unnamed source of a speech act.
      if (prep == "from" && IsVerbal(c.type) && c.actor == kNone) {
        c.actor = PatientAfter(u + 1);
        if (c.actor != kNone) break;
      }
      if (v < e_ && s_.cue[v] & events::kPrep) {
        u = v;
        continue;
      }
      break;
    }
    if (prep == "by") {
      if (c.actor == kNone) c.actor = m;
    } else if (prep == "between") {
      if (c.actor == kNone) c.actor = m;
      if (c.recipient == kNone) c.recipient = NextMember(m);
    } else if (prep == "of") {
      if (k == 0) {
        if (c.mode == "visit") c.recipient = m;
        else if (of_is_patient) c.recipient = m;
        else if (c.actor == kNone && c.type != EventType::kConsult) c.actor = m;  // not "talks of X"
      }
    } else if (prep == "from" && IsVerbal(c.type) && c.actor == kNone) {
      c.actor = m;  // "pressure from the trio of countries", "threats from Iran": the source acts
    } else if (prep == "for" && (c.type == EventType::kAssault || c.type == EventType::kConsult)) {
      // "the battle for Raqqa", "fled the war for Jordan": a goal, not a party.
    } else if (!IsPlacePrep(prep)) {
      if (c.recipient == kNone && m != c.actor) c.recipient = m;
    }
    u = MentionLast(v);
  }
  if (c.actor == kNone) {
    // "an attack by X", "offers put on the table by X"; not the by-phrase of a later clause.
    const uint32_t by = ByAgent(c.last, 8);
    if (by != c.recipient) c.actor = by;
    if (c.actor == kNone && (c.type == EventType::kAssault || c.type == EventType::kCoerce)) {
      c.actor = AgentPhraseAfterBy(c.last, 8);
    }
    // The noun as subject of a passive with its agent: "the agreement … was formally reached by the three
    // countries".
    if (c.actor == kNone) {
      for (uint32_t u = c.last; u + 2 < std::min(e_, c.last + 10); ++u) {
        if (IsBreak(u) || Is(u, ",") || IsQuote(u)) break;
        if (s_.cue[u] & events::kBe && !Is(u, "'s")) {  // not the possessive "committee's"
          uint32_t v = u + 1;
          while (v < e_ && IsAdverb(v)) ++v;
          const bool participle = v < e_ && doc_.tokens[v].kind == TokenKind::kWord &&
                                  !doc_.tokens[v].has(kTokenCapitalized) && W(v).ends_with("ed");
          if (v + 1 < e_ && participle && Is(v + 1, "by")) {
            c.actor = s_.actor_at[v + 2] != kNone ? s_.actor_at[v + 2] : PatientAfter(v + 2);
          }
          break;
        }
      }
    }
  }
  // The noun as subject of a targeting predicate: "its attacks have been aimed at Iranian bases".
  if (c.recipient == kNone && (c.type == EventType::kAssault || c.type == EventType::kCoerce)) {
    for (uint32_t u = c.last; u + 1 < std::min(e_, c.last + 6); ++u) {
      if (IsBreak(u) || Is(u, ",") || s_.actor_at[u] != kNone) break;
      const bool aimed = (Is(u, "aimed") || Is(u, "directed")) && Is(u + 1, "at");
      if (aimed || Is(u, "targeted") || Is(u, "targeting") || Is(u, "hit")) {
        const uint32_t m = aimed ? u + 2 : u + 1;
        for (uint32_t v = m; v < std::min(e_, m + 3); ++v) {
          if (s_.actor_at[v] != kNone) {
            if (s_.actor_at[v] != c.actor) c.recipient = s_.actor_at[v];
            break;
          }
          if (!(s_.cue[v] & events::kDet) && !IsContentWord(v)) break;
        }
        break;
      }
    }
  }
  // Light verb ("conducting car bombings", "held talks", "launched an attack"): the verb's subject.
  if (c.actor == kNone) {
    for (uint32_t k = 1; k <= 4 && c.first >= b_ + k; ++k) {
      const uint32_t u = c.first - k;
      if (IsPunct(u)) break;
      if (s_.cue[u] & events::kLight) {
        c.actor = ActorBefore(u, false, /*gerund=*/W(u).ends_with("ing"));
        break;
      }
    }
  }
  // Any other verb whose object the noun is ("are expanding cooperation", "conducted joint exercises"): its
  // subject, when the subject mention, the verb group and the noun's modifiers are all that stand there. The
  // leftmost content word is taken for the verb.
  if (c.actor == kNone && c.recipient == kNone) {
    uint32_t p = c.first;
    while (p > b_ && c.first - p < 4 && (IsContentWord(p - 1) || s_.cue[p - 1] & events::kDet)) --p;
    while (p < c.first && !IsContentWord(p)) ++p;
    // "replied with brutal repression", "reacted with violence": the verb stands before "with".
    if (p > b_ + 1 && Is(p - 1, "with") && IsContentWord(p - 2)) p -= 2;
    uint32_t w = p;
    while (w > b_ && VerbGroupBetween(w - 1, p) && s_.actor_at[w - 1] == kNone && !IsPunct(w - 1)) --w;
    if (p < c.first && w > b_ && s_.actor_at[w - 1] != kNone) {
      // "Riyadh experienced missile attacks": the subject suffered the act; "Britain condemned the
      // attacks": it comments on someone else's.
      const std::string_view verb = W(p);
      const auto is_any = [verb](std::initializer_list<std::string_view> words) {
        return std::find(words.begin(), words.end(), verb) != words.end();
      };
      const bool material = c.type == EventType::kAssault || c.type == EventType::kCoerce ||
                            c.type == EventType::kSanction || c.type == EventType::kThreaten;
      if (material && is_any({"experienced", "experiences", "suffered", "suffers", "faced", "faces", "endured",
                              "sustained", "survived", "escaped", "withstood"})) {
        c.recipient = ActorBefore(p);
      } else if (!is_any({"condemned", "condemns", "denounced", "denounces", "criticised", "criticized",
                          "welcomed", "welcomes", "reported", "reports", "documented", "investigated",
                          "mourned", "described", "feared", "fears", "praised", "recalled", "blamed"})) {
        c.actor = ActorBefore(p);
      }
    }
  }
  if (c.recipient == c.actor) c.recipient = kNone;
  if (!entry.has(events::kBare) && c.actor == kNone && c.recipient == kNone) {
    // "agreed by Putin and Erdoğan at a bilateral summit": a meeting takes its parties from the sentence.
    if (c.type == EventType::kConsult && entry.has(events::kReciprocal)) c.orphan = true;
    else Drop(c);
  }
  if (c.actor == kNone && IsVerbal(c.type)) Drop(c);  // "the biggest threat for Syria": whose?
}

}  // namespace annalist::events_detail
