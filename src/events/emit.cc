// Steps 6–8 of the sentence pass: attribution, date, place, compound members, restatements.
#include "events/sentence_coder.h"

#include "places/place_recognizer.h"
#include "times/governing_time.h"

namespace annalist::events_detail {

// Whether the trigger's verb group is in the present or the present perfect: "demands", "refuse" after its
// subject, "has admitted", "are fighting"; not "demanded", "had admitted", "will refuse", "to refuse".
bool SentenceCoder::PresentVerbGroup(const Candidate& c) const {
  for (uint32_t u = c.first; u > b_;) {
    --u;
    if (IsAdverb(u) || s_.cue[u] & events::kNeg) continue;
    if (Is(u, "has") || Is(u, "have") || Is(u, "is") || Is(u, "are") || Is(u, "am")) return true;
    if (s_.cue[u] & (events::kBe | events::kHave | events::kDo | events::kModal | events::kFuture) || Is(u, "to")) {
      return Is(u, "does") || Is(u, "do");
    }
    break;
  }
  return c.form == Form::k3sg || (c.form == Form::kBase && c.first > b_ && !Is(c.first - 1, "to"));
}

void SentenceCoder::Emit(const Candidate& c) {
  Event ev;
  ev.trigger = {doc_.tokens[c.first].begin, doc_.tokens[c.last - 1].end};
  ev.type = c.type;
  ev.mode = c.mode;
  ev.cameo = c.cameo;
  if (!c.context.empty()) ev.contexts.push_back(c.context);
  ev.actor = c.actor;
  ev.recipient = c.recipient;
  ev.status = c.status;
  uint32_t claimant = sources_.ClaimantOf(c.first);
  // A party that says it will use force or coercion threatens to ("Egypt said it would ban the party",
  // "the group warned it would attack"): the speech act is the news (ANNOTATION.md).
  if (c.speaker_acts && ev.status == EventStatus::kPlanned &&
      (ev.type == EventType::kAssault || ev.type == EventType::kCoerce || ev.type == EventType::kSanction)) {
    ev.cameo = ev.type == EventType::kAssault ? "138" : ev.type == EventType::kCoerce ? "137" : "131";
    ev.mode = ev.type == EventType::kAssault ? "violence" : "";
    ev.type = EventType::kThreaten;
    ev.status = EventStatus::kOccurred;  // the threat was made
    ev.contexts.clear();
  }
  // "Stewart said converts … fight for Isis", "the Times reported the two men were captured": the source is
  // no party to what it reports, unless the event is its own speech act.
  if (claimant != kNone && !IsVerbal(ev.type) && !c.speaker_acts) {
    if (SameActor(claimant, ev.actor)) ev.actor = kNone;
    if (SameActor(claimant, ev.recipient)) ev.recipient = kNone;
    if (ev.actor == kNone && ev.recipient == kNone && !lex_.entry(c.entry).has(events::kBare) && !c.passive) {
      return;
    }
  }
  if (claimant != kNone && ev.actor == kNone && IsVerbal(ev.type) && InsideQuote(c.first)) {
    ev.actor = claimant;
    claimant = kNone;
  }
  if (SameActor(claimant, ev.actor) || SameActor(claimant, ev.recipient)) claimant = kNone;
  ev.claimed_by = claimant;
  const Span clause = ClauseSpanOfToken(doc_, c.first);
  ev.date = GoverningTime(doc_, clause, ev.trigger.begin);
  // An act reported in the present or present perfect ("Hamas demands", "the foreign secretary has
  // admitted") is current: the publication date (ANNOTATION.md, date).
  if (!ev.date && doc_.date && c.verb && PresentVerbGroup(c)) ev.date = DayInterval::Day(*doc_.date);
  ev.place = PlaceOfClause(doc_, clause);
  if (ev.type == EventType::kConsult && ev.mode.empty() && ev.place != kNone) {
    const CountryCode where = doc_.places[ev.place].country;
    const CountryCode a = ev.actor != kNone ? doc_.actors[ev.actor].country : CountryCode();
    const CountryCode r = ev.recipient != kNone ? doc_.actors[ev.recipient].country : CountryCode();
    if (!where.empty() && !a.empty() && where != a && where != r) {
      ev.mode = "third-party";
      if (ev.cameo == "040") ev.cameo = "044";
    }
  }
  // A compound actor ("US, British and French forces", "Amnesty and the NRC called for") gives one event
  // per member (ANNOTATION.md), unless the recipient is itself a member ("Israel and Hamas met").
  std::array<uint32_t, kMaxMembers> members;
  const size_t n = Members(ev.actor, members);
  if (n > 1 && std::find(members.begin(), members.begin() + n, ev.recipient) == members.begin() + n) {
    for (size_t k = 0; k < n; ++k) {
      Event one = ev;
      one.actor = members[k];
      Store(std::move(one), c);
    }
    return;
  }
  Store(std::move(ev), c);
}

size_t SentenceCoder::Members(uint32_t a, std::array<uint32_t, kMaxMembers>& out) const {
  if (a == kNone) return 0;
  out[0] = a;
  const uint32_t f = FirstTokenOfActor(a);
  if (f == kNone) return 1;
  size_t n = 1;
  uint32_t l = MentionLast(f);
  while (n < kMaxMembers && l + 1 < e_) {
    uint32_t next = l + 1;
    const bool comma = Is(l, ",");
    if (comma && Is(next, "and")) ++next;  // the serial comma
    else if (!comma && !Is(l, "and")) break;
    if (next >= e_ || s_.actor_at[next] == kNone || s_.actor_at[next] == out[n - 1]) break;
    out[n++] = s_.actor_at[next];
    l = MentionLast(next);
    if (!comma || Is(next - 1, "and")) return n;  // the list ended with its "and"
  }
  return 1;
}

void SentenceCoder::Store(Event ev, const Candidate& c) {
  // One event per real-world event: a later mention with the same type, CAMEO and actor, and the same
  // recipient or none on either side, is a restatement of the first.
  EventKey key;
  key.kind = std::string(1, EventTypeKey(ev.type)) + "|" + std::string(ev.cameo);
  // Material conflict is told in many distinct incidents by one actor: only the same wording restates one
  // ("the war" twice), not another ("the war", then "a bombardment").
  if (ev.type == EventType::kAssault || ev.type == EventType::kCoerce) key.kind += "|" + std::to_string(c.entry);
  AppendParty(key.actor, ev.actor);
  AppendParty(key.recipient, ev.recipient);
  for (const EventKey& k : s_.keys) {
    if (k.kind != key.kind || k.actor != key.actor) continue;
    // Without an actor on either side only an equal, named recipient makes it the same event.
    const bool same = key.actor.empty()
                          ? !key.recipient.empty() && k.recipient == key.recipient
                          : k.recipient == key.recipient || k.recipient.empty() || key.recipient.empty();
    if (same) return;
  }
  if (doc_.events.size() >= opt_.max_events_per_document) return;
  s_.keys.push_back(std::move(key));
  doc_.events.push_back(std::move(ev));
}

void SentenceCoder::AppendParty(std::string& key, uint32_t a) const {
  if (a == kNone) return;
  const ActorMention& m = doc_.actors[a];
  if (!m.name.empty()) {
    key += m.name;
    return;
  }
  // No canonical name: the head word ("the hostages" and "hostages" are one party).
  char buf[kMaxWord];
  std::string_view text = doc_.slice(m.span);
  const size_t space = text.rfind(' ');
  if (space != std::string_view::npos) text.remove_prefix(space + 1);
  key += Lower(text.substr(0, std::min<size_t>(text.size(), kMaxWord - 2)), buf);
}

}  // namespace annalist::events_detail
