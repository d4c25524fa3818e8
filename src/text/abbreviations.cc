// Which abbreviations keep their period, and which words open sentences.
//
// A period after a word is either the end of a sentence or part of an abbreviation; guessing wrong in one
// direction splits "Gen. Smith" in two, in the other glues two sentences together. We keep the period only
// for a short, case-sensitive list whose members are not ordinary English words, so "Gen." can't be the last
// word of a sentence the way "gen." or "general." can. The list comes in three kinds:
//
//   * titles, which precede a name ("Mr.", "Lt.", "Prof.") and so never end a sentence. "St." is not one:
//     "Main St." ends sentences, while "St. Petersburg" does not open them, so it behaves like "Inc.";
//   * other abbreviations ("Inc.", "Jr.", "etc.", months), which often end a sentence; the splitter ends one
//     there only before a sentence-opening function word, like an initialism ("U.S.");
//   * "No.", which is the number sign only when a number follows ("No. 10"), and otherwise the word "No".
//
// Left out on purpose: "May" (a month and a verb), weekdays ("Sun.", "Sat." are words too), "Fig."/"Ave."
// (rare in news), and anything lower-case but "etc." and "vs.". The price of "Jan." and "Co." is that a
// sentence ending in the name "Jan" or the word "Co" joins the next one unless an opener follows.
//
// The opener list holds capitalised determiners, pronouns and connectives: words that are capitalised
// almost only because a sentence starts with them and that never belong to a name. It is what makes
// "in the U.S. The next day" two sentences while "U.S. officials said" and "U.S. Army" stay one.
#include "text/abbreviations.h"

#include <algorithm>
#include <array>
#include <string_view>

namespace annalist::text_internal {
namespace {

struct Abbreviation {
  std::string_view word;
  AbbreviationKind kind;
};

constexpr AbbreviationKind kT = AbbreviationKind::kTitle;
constexpr AbbreviationKind kO = AbbreviationKind::kOther;

// clang-format off
constexpr std::array<Abbreviation, 41> kAbbreviations{{
    {"Mr", kT},   {"Mrs", kT},  {"Ms", kT},   {"Dr", kT},   {"Gen", kT},   {"Lt", kT},
    {"Col", kT},  {"Maj", kT},  {"Capt", kT}, {"Sgt", kT},  {"Adm", kT},   {"Rep", kT},
    {"Sen", kT},  {"Gov", kT},  {"Pres", kT}, {"Prof", kT}, {"Rev", kT},   {"vs", kT},
    {"St", kO},   {"Jr", kO},   {"Sr", kO},   {"Inc", kO},  {"Ltd", kO},   {"Co", kO},
    {"Corp", kO}, {"etc", kO},  {"Jan", kO},  {"Feb", kO},  {"Mar", kO},   {"Apr", kO},
    {"Jun", kO},  {"Jul", kO},  {"Aug", kO},  {"Sep", kO},  {"Sept", kO},  {"Oct", kO},
    {"Nov", kO},  {"Dec", kO},  {"Mt", kO},   {"Ft", kO},   {"No", AbbreviationKind::kNumberSign},
}};

constexpr std::array<std::string_view, 40> kSentenceOpeners{
    "A",     "After", "An",      "And",   "As",    "At",    "But",       "For",   "He",    "Her",
    "His",   "However", "I",     "If",    "In",    "It",    "Its",       "Meanwhile", "My", "On",
    "Our",   "She",   "So",      "That",  "The",   "Their", "There",     "These", "They",  "This",
    "Those", "We",    "What",    "When",  "While", "Yet",   "You",       "Your",  "Some",  "Many",
};
// clang-format on

}  // namespace

AbbreviationKind ClassifyAbbreviation(std::string_view word) {
  if (word.size() < 2 || word.size() > 4) return AbbreviationKind::kNone;
  for (const Abbreviation& entry : kAbbreviations) {
    if (entry.word == word) return entry.kind;
  }
  return AbbreviationKind::kNone;
}

bool IsSentenceOpener(std::string_view word) {
  if (word.empty() || word.size() > 9 || word[0] < 'A' || word[0] > 'Z') return false;
  return std::find(kSentenceOpeners.begin(), kSentenceOpeners.end(), word) != kSentenceOpeners.end();
}

}  // namespace annalist::text_internal
