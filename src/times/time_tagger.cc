// The times stage.
//
// The idea. Time expressions in news are short, built from a closed vocabulary (month and weekday names,
// units, a few dozen function words) plus numbers, and they are rare: a few per thousand tokens. So the stage
// scans the tokens once, looks each word up in a small hashed lexicon (time_lexicon.h), and only where a
// token can start an expression runs a hand-written recursive-descent parser (time_parser.h) over the next
// few tokens of the same sentence. The parser returns the longest expression starting there together with
// what it denotes; the scan then continues after it, so mentions never overlap. Grammar, by the token that
// starts it:
//
// clang-format off
//   in | since | between … and | from … to  + core   "in 2014", "since November", "between March and May"
//   early | late | mid | earlier | later    + core   "late last year", "earlier this month", "mid-2014"
//   the end | beginning | start of          + core   "the end of the year", "the end of 2018"
//   this | last | next  + unit, weekday, month, season, part of day    "this week", "last July", "last night"
//   the past | last | next | coming [N] + unit(s)    "the past three days", "the coming weeks"
//   recent + units; N + unit + ago | later | earlier "in recent weeks", "two weeks ago", "two days later"
//   month [day[-day]] [,] [year]; day[-day] month [year]; weekday [part of day]; yesterday … tonight;
//   years and year ranges, decades ("the 1990s"), ISO and numeric dates, seasons, holidays
// clang-format on
//
// Resolution (resolve.h) follows shared/spec/ANNOTATION.md, "Times". Names that fix neither their year nor
// their week (a bare weekday, "November 24", "in October", "Christmas", "the weekend", "summer") take the
// occurrence on or before the dateline, unless their clause points forward (clause.h: "will", "scheduled",
// "due to", lower-case "may", "for consideration" …), which takes the first on or after it; a deadline in a
// clause with no tense cue at all ("funded until February") takes the nearer of the two. "Later that day",
// "two days later", "the following year" and, in a past clause, "the next year" count from the date the text
// named last.
//
// What is not a time: durations that name no point ("for a week", "two weeks of truce", "after four years"),
// ages ("17-year-old" is one token, "one year old"), counts ("1500 fighters", "2,000": a four-digit number is
// a year only after a temporal word or where no noun follows it), "May"/"March" without a time context
// (Theresa May, the verb), a month abbreviation without a day or year ("Jan Egeland"), weekdays and holidays
// inside names ("Sunday Times", "Bloody Sunday", "Christmas Island"), "Today" as a name ("Radio 4's Today"),
// "the last days (of …)", times of day alone, centuries. Inside a direct quotation "today", "tomorrow" and
// "yesterday" count from the day the words were spoken, which the text seldom gives ("saying “tomorrow we
// will be in paradise”"), so they are not times there.
//
// Limits. The tense test is a bag of cue words, not a parse ("would" is left out: it reports the past as
// often as it plans); "the date named last" is the previous mention, which a flashback can make wrong; lunar
// holidays (Ramadan, Eid, Hanukkah) are not known; "the 90s" without a century and numeric dates in the other
// order than the option says are misread.
#include "times/time_tagger.h"

#include "times/time_parser.h"

namespace annalist {

TimeTagger::TimeTagger(const TimeTaggerOptions& options) : options_(options) {}

void TimeTagger::Process(Document& doc) const {
  doc.times.clear();
  if (doc.is_error()) return;
  thread_local std::vector<times::WordEntry> words;  // the parser's scratch, kept by each thread
  times::Parser(doc, lexicon_, options_, words).Run();
}

}  // namespace annalist
