// The closed word lists of the text layer: abbreviations that keep their period, and the function words that
// typically open an English sentence. Both lists are short on purpose; see abbreviations.cc for why each
// entry is safe.
//
// Internal to src/text; pure functions over static tables, thread-safe.
#pragma once

#include <string_view>

namespace annalist::text_internal {

enum class AbbreviationKind {
  kNone,        // not an abbreviation: a period after it is a separate token
  kTitle,       // "Mr.", "Gen.", "Dr.", "vs.": precedes a name or a number, so never ends a sentence
  kOther,       // "Inc.", "Jr.", "etc.", "Jan.", "St.": ends a sentence only before a sentence-opening word
  kNumberSign,  // "No.": an abbreviation only when a number follows ("No. 10"), then a title
};

// Classifies `word`, written without its period ("Gen", not "Gen."). Case-sensitive: "Gen" and "etc" are
// abbreviations, "gen" and "ETC" are not.
AbbreviationKind ClassifyAbbreviation(std::string_view word);

// True for the few capitalised function words that typically open a sentence ("The", "He", "However") and
// are almost never part of a name; the splitter ends a sentence at an initialism such as "U.S." only before
// one of them.
bool IsSentenceOpener(std::string_view word);

}  // namespace annalist::text_internal
