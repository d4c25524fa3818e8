// Steps 4–5 of the sentence pass: governors with their complements, meeting parties, status.
#include "events/sentence_coder.h"

namespace annalist::events_detail {

void SentenceCoder::Governors() {
  for (size_t i = 0; i < s_.candidates.size(); ++i) {
    Candidate& g = s_.candidates[i];
    // A noun in another noun's for/on/over/about PP is its theme ("talks for a prisoner exchange agreement",
    // "negotiations in Egypt for a new exchange of hostages"), also when a governor absorbed that noun.
    if (!g.verb && !g.dropped) {
      uint32_t p = g.last;
      while (p < e_ && p < g.last + 4 && !IsPunct(p) &&
             !(Is(p, "for") || Is(p, "on") || Is(p, "over") || Is(p, "about"))) {
        ++p;
      }
      if (p < e_ && p < g.last + 4 && !IsPunct(p)) {
        for (size_t j = i + 1; j < s_.candidates.size(); ++j) {
          Candidate& c = s_.candidates[j];
          if (c.first <= p) continue;
          if (c.first >= p + 6) break;
          if (!c.verb) c.governed = true;
        }
      }
    }
    // A noun trigger right before another is its modifier ("a prisoner exchange agreement", "ceasefire
    // talks"): the head noun carries the event.
    if (!g.verb && i + 1 < s_.candidates.size() && !s_.candidates[i + 1].verb &&
        s_.candidates[i + 1].first == g.last) {
      g.governed = true;
    }
    // A verb absorbed by a governor still absorbs its own object ("refused to sign a draft agreement": the
    // agreement is what was not signed, no AGREE of its own), but combines no further.
    if (g.dropped) continue;
    const Entry& entry = lex_.entry(g.entry);
    if (!g.governed && entry.has(events::kRefusal)) {
      g.status = EventStatus::kRefused;
      g.status_fixed = true;
    }
    // A noun that is the required theme of a verb is part of that event ("will not provide aid to Syria");
    // so is a noun that is a verb's direct object ("negotiate any prisoner agreement", "launched missile
    // strikes"), unless it is another party's speech act ("declined three offers … by the mediators").
    if (g.verb) {
      for (size_t j = i + 1; j < s_.candidates.size(); ++j) {
        Candidate& c = s_.candidates[j];
        if (c.first >= g.last + 6) break;
        if (c.verb) continue;
        bool object = c.first <= g.last + 3;
        for (uint32_t u = g.last; u < c.first && object; ++u) {
          object = !IsPunct(u) && !(s_.cue[u] & (events::kPrep | events::kRel | events::kConj));
        }
        const bool own_act = IsVerbal(c.type) && c.actor != kNone && c.actor != g.actor;
        if ((entry.needs_theme || object) && !own_act) c.governed = true;
      }
    }
    if (g.governed || entry.governor == Governor::kNone) continue;
    // The complement: the next candidate within the window, before a hard break.
    for (size_t j = i + 1; j < s_.candidates.size(); ++j) {
      Candidate& c = s_.candidates[j];
      if (c.first > g.last + opt_.object_window + 4) break;
      bool broken = false;
      for (uint32_t u = g.last; u < c.first; ++u) broken |= IsBreak(u) || ClauseBoundary(u);
      if (broken) break;
      if (entry.governor == Governor::kDeny) {
        c.status = EventStatus::kDenied;
        c.status_fixed = true;
        break;
      }
      // A noun with an agent of its own is another party's act ("offers … by the mediators").
      if (!c.verb && !c.dropped && IsVerbal(c.type) && c.actor != kNone && c.actor != g.actor) {
        if (g.recipient == kNone || g.recipient == c.actor) g.recipient = c.actor;
        if (c.recipient == kNone) c.recipient = g.actor;
        break;
      }
      const Combination* comb = lex_.Combine(entry.governor, c.type);
      if (!comb && (entry.governor == Governor::kAnnounce || entry.governor == Governor::kAllege)) {
        if (!c.verb) c.governed = false;  // "announced new strikes": the strikes, not an announcement
        break;
      }
      if (entry.governor == Governor::kAllege) {
        // The accused is the act's agent; a source that reports its own side's act accuses nobody ("the
        // state agency claimed Syrian air defences downed the missiles").
        if (c.actor != kNone && g.actor != kNone && doc_.actors[c.actor].country == doc_.actors[g.actor].country) {
          break;
        }
        g.combined = true;
        g.type = comb->type;
        g.mode = comb->mode;
        g.cameo = comb->cameo;
        g.recipient = c.actor;
        break;
      }
      g.combined = comb != nullptr;
      if (comb) {
        if (!comb->keep_type) g.type = comb->type;
        if (!comb->mode.empty()) g.mode = comb->mode;
        if (!comb->cameo.empty()) g.cameo = comb->cameo;
        if (entry.governor == Governor::kRefuse) {
          g.status = EventStatus::kRefused;
          g.status_fixed = true;
        }
        // An announcement has no addressee of its own: "announced a rapid troop withdrawal" names the troops
        // as the withdrawal's, not as the announcement's recipient.
        if (entry.governor == Governor::kAnnounce) g.recipient = c.recipient != g.actor ? c.recipient : kNone;
      }
      // A call is addressed to whoever is to act ("demand that Germany repatriate", "calls for the president to
      // leave office"); other governors pass on the complement's recipient.
      if (g.recipient == kNone && entry.governor == Governor::kCall && c.actor != kNone && c.actor != g.actor) {
        g.recipient = c.actor;
      }
      if (g.recipient == kNone && c.recipient != g.actor) g.recipient = c.recipient;
      c.governed = true;
      // A coordinated noun shares the complement ("demands a cessation of hostilities and the withdrawal
      // of Israeli troops").
      for (size_t k = j + 1; k < s_.candidates.size(); ++k) {
        Candidate& d = s_.candidates[k];
        if (d.verb || d.first > s_.candidates[k - 1].last + 6) break;
        bool coordinated = false, clean = true;
        for (uint32_t u = s_.candidates[k - 1].last; u < d.first && clean; ++u) {
          if (Is(u, "and") || Is(u, "or")) coordinated = true;
          else clean = !IsBreak(u) && !IsQuote(u) && !(s_.cue[u] & (events::kRel | events::kCond | events::kPron));
        }
        if (!coordinated || !clean) break;
        d.governed = true;
        if (g.recipient == kNone && entry.governor == Governor::kCall && d.actor != kNone && d.actor != g.actor) {
          g.recipient = d.actor;  // "demands a ceasefire and the withdrawal of Israeli troops": Israel
        }
      }
      break;
    }
  }
}

// Whether noun trigger `c` only gives an example of an act coded just before it in its sentence ("murdered
// tens of thousands, including the mass killing of fellow Sunnis"): the same event, told again.
bool SentenceCoder::Elaborates(const Candidate& c) const {
  const auto introducer = [this](uint32_t u) {
    return Is(u, "including") || Is(u, "notably") || Is(u, "especially");
  };
  uint32_t p = c.first;
  while (p > b_ && c.first - p < 4 && !introducer(p - 1) &&
         (IsContentWord(p - 1) || s_.cue[p - 1] & events::kDet)) {
    --p;
  }
  if (p == b_ || !introducer(p - 1)) return false;
  for (const Candidate& d : s_.candidates) {
    if (&d == &c) break;
    if (!d.dropped && !d.governed && d.type == c.type) return true;
  }
  return false;
}

bool SentenceCoder::HypotheticalSubject(const Candidate& c) const {
  const auto introducer = [this](uint32_t u) {
    return Is(u, "that") || Is(u, "said") || Is(u, "says") || Is(u, "warned") || Is(u, "warn");
  };
  uint32_t p = c.first;
  while (p > b_ && !introducer(p - 1) &&
         (IsContentWord(p - 1) || s_.cue[p - 1] & events::kDet || s_.actor_at[p - 1] != kNone)) {
    --p;
  }
  if (p > b_ && !introducer(p - 1)) return false;
  for (uint32_t u = c.last; u < std::min(e_, c.last + 24); ++u) {
    if (IsBreak(u) || s_.cue[u] & events::kCond || Is(u, ",")) return false;
    if (!(s_.cue[u] & (events::kModal | events::kFuture | events::kBe | events::kHave | events::kDo))) continue;
    if (!(Is(u, "would") || Is(u, "could") || Is(u, "might") || Is(u, "may"))) return false;
    const uint32_t v = u + 1;
    return !(Is(v, "begin") || Is(v, "start") || Is(v, "take") || Is(v, "go") || Is(v, "resume") ||
             Is(v, "continue") || Is(v, "happen") || Is(v, "come") || Is(v, "be"));
  }
  return false;
}

void SentenceCoder::Status(Candidate& c) {
  char buf[kMaxWord];
  const uint32_t from = c.first > b_ + opt_.cue_window ? c.first - opt_.cue_window : b_;
  bool neg = false, future = false, modal = false, plan = false, hedge = false;
  bool have = false, only = false;
  for (uint32_t u = from; u < c.first; ++u) {
    if (IsBreak(u) || IsQuote(u)) neg = future = modal = plan = hedge = have = only = false;  // a quote's cues stay in it
    const uint32_t cue = s_.cue[u];
    std::string_view w = Word(u, buf);
    if (cue & events::kNeg || w.ends_with("n't")) neg = true;
    if (cue & events::kFuture || w.ends_with("'ll")) future = true;
    if (cue & events::kModal) {
      if (w == "would") future = true;
      else modal = true;
    }
    // A planning word counts before "to"/"of" or right before the trigger ("preparing to reopen", "the
    // prospect of a military operation", "the upcoming talks"), not as a noun elsewhere ("the plan was").
    if (cue & events::kPlan && (Is(u + 1, "to") || Is(u + 1, "of") || u + 1 == c.first)) plan = true;
    if (cue & events::kHedge) hedge = true;
    if (neg && cue & events::kHave) have = true;
    if (w == "only") only = true;
  }
  // "a legitimate right to demonstrate", "its failure to offer", "the aim is to reinforce": no act.
  if (c.verb && c.first >= b_ + 2 && Is(c.first - 1, "to") && s_.cue[c.first - 2] & events::kIrrealis) {
    Drop(c);
    return;
  }
  // … also across the noun's own PP: "the failure in Iraq, Syria and elsewhere, to offer".
  if (c.verb && c.first >= b_ + 3 && Is(c.first - 1, "to")) {
    for (uint32_t u = c.first - 2; u > b_ && c.first - u <= 10; --u) {
      if (IsBreak(u) || s_.cue[u] & (events::kBe | events::kModal | events::kFuture | events::kHave)) break;
      const std::string_view noun = W(u - 1);
      if (s_.cue[u - 1] & events::kIrrealis && !(s_.cue[u - 1] & events::kBe) && !noun.ends_with("ed") &&
          s_.cue[u] & events::kPrep && !Is(u, "to")) {
        Drop(c);
        return;
      }
    }
  }
  // "There are concerns that the Kurds … will release Isis fighters": a fear or concern with a that-clause
  // makes the whole clause hypothetical, however far the trigger stands from it.
  for (uint32_t u = b_; u + 1 < c.first; ++u) {
    if (IsBreak(u)) hedge = false;
    if (Is(u + 1, "that") && (s_.cue[u] & events::kHedge || Is(u, "concerns") || Is(u, "concern") ||
                              Is(u, "worries") || Is(u, "worry"))) {
      hedge = true;
    }
  }
  if (!c.verb && Elaborates(c)) {
    Drop(c);
    return;
  }
  if (!c.verb && HypotheticalSubject(c)) {
    Drop(c);
    return;
  }
  if (!c.verb && c.first > b_ && Is(c.first - 1, "no")) neg = true;
  if (!c.verb && c.first > b_ + 1 && Is(c.first - 2, "no")) neg = true;
  // A condition marker before the trigger puts it inside the condition ("unless elections are agreed"),
  // unless a comma closes the condition first ("If talks fail, Israel will attack": the main clause is
  // conditional); one after it, or "only … after", makes the main clause conditional.
  bool condition = false;
  for (uint32_t u = b_; u < e_; ++u) {
    if (!(s_.cue[u] & events::kCond)) continue;
    if (u < c.first) {
      bool closed = false;
      for (uint32_t v = u + 1; v < c.first; ++v) closed |= Is(v, ",");
      if (!closed) {
        Drop(c);
        return;
      }
    }
    condition = true;
  }
  if (only) {
    for (uint32_t u = c.last; u < e_; ++u) {
      if (Is(u, "after") || Is(u, "once") || Is(u, "when")) condition = true;
    }
  }
  if (c.status_fixed) return;
  if (hedge) {
    Drop(c);
    return;
  }
  if (neg) {
    if (!(future || modal) || have) {  // "did not attack", "could not have brokered"
      Drop(c);  // a negated past or present act did not happen
      return;
    }
    if (IsCooperative(c.type)) {
      const Combination* comb = lex_.Combine(Governor::kRefuse, c.type);
      c.type = EventType::kReject;
      if (comb && !comb->mode.empty()) c.mode = comb->mode;
      c.cameo = comb && !comb->cameo.empty() ? comb->cameo : std::string_view("120");
      c.status = EventStatus::kRefused;
    } else {
      c.type = EventType::kAgree;
      c.mode = {};
      c.cameo = "0356";
      c.context = "military";
    }
    return;
  }
  if (modal && !future && !condition) {
    Drop(c);  // could, may, might, should: not an act
    return;
  }
  if (future || plan || modal) c.status = condition ? EventStatus::kConditional : EventStatus::kPlanned;
  // A party's conditional offer of future talks is an AGREE (ANNOTATION.md; PLOVER manual, AGREE: "references
  // to future meetings … should be coded as AGREE"); a scheduled meeting keeps CONSULT with status planned.
  if (c.type == EventType::kConsult && c.status == EventStatus::kConditional) {
    c.type = EventType::kAgree;
    c.mode = {};
    c.cameo = "036";
  }
}

}  // namespace annalist::events_detail
