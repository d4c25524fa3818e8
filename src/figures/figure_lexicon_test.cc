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
                                    "Freedonians", "demonstrators", "displacement", "notinthelexicon",
                                    // Demonym shapes of eight bytes or fewer (IdShort's branch-free test) and more.
                                    "Fredans", "Zorens", "ZORENS", "Lazis", "Zonese", "Zorons", "Zoris", "zorans",
                                    "Zoro", "Zor", "Zorani", "Zoransss", "Gabonese", "Zoranians", "ZORANIANS",
                                    // Nine to sixteen bytes (IdMedium), known and not.
                                    "hospitalised", "massacring", "Protesters", "unaccounted", "sixteenletterswd"};
  for (const std::string_view word : words) {
    for (const std::string_view tail : {"", " ", "s and more text", "KILLED THOUSANDS OF PEOPLE IN ALL"}) {
      const std::string text = std::string(word) + std::string(tail);
      EXPECT_EQ(lexicon.IdIn(text.data(), word.size(), text.size()), lexicon.Id(word)) << word << "|" << tail;
    }
  }
}

// TokenIds::Assign takes the in-line probes for short tokens: every token, wherever it lies in the text (the
// last ones have fewer readable bytes after them), gets the id Id gives its text.
TEST(FigureLexicon, TokenIdsAgreeWithId) {
  const FigureLexicon lexicon;
  Document doc;
  doc.text = "Some 200 Palestinians were KILLED and thousands of Freedonians displaced, said the Zorens an a x";
  for (uint32_t begin = 0; begin < doc.text.size();) {
    uint32_t end = begin;
    while (end < doc.text.size() && doc.text[end] != ' ') ++end;
    Token token;
    token.begin = begin;
    token.end = end;
    doc.tokens.push_back(token);
    begin = end + 1;
  }
  TokenIds ids;
  ids.Assign(doc, lexicon);
  for (uint32_t t = 0; t < doc.tokens.size(); ++t) {
    EXPECT_EQ(ids[t], lexicon.Id(doc.token_text(t))) << doc.token_text(t);
  }
}

}  // namespace
}  // namespace annalist::figures
