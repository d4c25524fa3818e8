#include "figures/figure_lexicon.h"

#include <gtest/gtest.h>

#include <string>
#include <string_view>

namespace annalist::figures {
namespace {

TEST(FigureLexicon, LookupIgnoresAsciiCase) {
  const FigureLexicon lexicon;
  EXPECT_TRUE(lexicon.Lookup("killed").has(kCue));
  EXPECT_EQ(lexicon.Id("Killed"), lexicon.Id("killed"));
  EXPECT_EQ(lexicon.Id("KILLED"), lexicon.Id("killed"));
  EXPECT_EQ(lexicon.Id("thousands"), lexicon.Id("Thousands"));
  EXPECT_EQ(lexicon.Id("notaword"), kUnknownWord);
  EXPECT_EQ(lexicon.Id(""), kUnknownWord);
  EXPECT_EQ(lexicon.Id(std::string(40, 'a')), kUnknownWord);
  EXPECT_EQ(lexicon.Id("Freedonians"), kDemonymWord);  // a capitalised plural the lexicon does not list
  EXPECT_EQ(lexicon.Id("freedonians"), kUnknownWord);
}

// IdIn loads whole eight-byte words when the bytes after the word may be read: whatever those bytes are, and
// wherever the word ends within its last word, it must find what Id finds.
TEST(FigureLexicon, IdInAgreesWithIdWhateverFollowsTheWord) {
  const FigureLexicon lexicon;
  const std::string_view words[] = {"a",         "an",        "in",       "killed",   "hostages", "thousand",
                                    "Hundreds",  "estimated", "US$",      "KURDS",    "x",        "%",
                                    "Freedonians", "demonstrators", "displacement", "notinthelexicon"};
  for (const std::string_view word : words) {
    for (const std::string_view tail : {"", " ", "s and more text", "KILLED THOUSANDS OF PEOPLE IN ALL"}) {
      const std::string text = std::string(word) + std::string(tail);
      EXPECT_EQ(lexicon.IdIn(text.data(), word.size(), text.size()), lexicon.Id(word)) << word << "|" << tail;
    }
  }
}

}  // namespace
}  // namespace annalist::figures
