#include "times/time_lexicon.h"

#include <gtest/gtest.h>

#include <string>
#include <string_view>

namespace annalist::times {
namespace {

// LookupIn loads the word whole when 16 bytes may be read from it: whatever follows the word, it must find what
// Lookup finds, with the same trailing-period rule.
TEST(TimeLexicon, LookupInAgreesWithLookupWhateverFollowsTheWord) {
  const TimeLexicon lexicon;
  const std::string_view words[] = {"January", "jan.",    "Sept.",     "MONDAY",    "yesterday",
                                    "weeks",   "ago",     "Christmas", "Ramadan",   "fortnight",
                                    "a",       "fifteen", "mid",       "thursday.", "notatimeword"};
  for (const std::string_view word : words) {
    for (const std::string_view tail : {"", ",", " and the rest of the article", "DECEMBER NOVEMBER OCTOBER"}) {
      const std::string text = std::string(word) + std::string(tail);
      const WordEntry in = lexicon.LookupIn(std::string_view(text.data(), word.size()), text.size());
      const WordEntry plain = lexicon.Lookup(word);
      EXPECT_EQ(in.kind, plain.kind) << word << "|" << tail;
      EXPECT_EQ(in.value, plain.value) << word << "|" << tail;
      EXPECT_EQ(in.flags, plain.flags) << word << "|" << tail;
      EXPECT_EQ(in.abbreviated_period, plain.abbreviated_period) << word << "|" << tail;
    }
  }
  EXPECT_EQ(lexicon.Lookup("January").kind, WordKind::kMonth);
  EXPECT_EQ(lexicon.Lookup("JANUARY").value, lexicon.Lookup("january").value);
}

}  // namespace
}  // namespace annalist::times
