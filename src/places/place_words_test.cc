#include "places/place_words.h"

#include <gtest/gtest.h>

#include <string_view>

#include "places/normalize.h"

namespace annalist::places {
namespace {

uint32_t Lists(std::string_view key) { return ListsOf(HashKey(key), key); }

// The matcher asks MaybeListed before it hashes a lower-case word: it must never say no to a listed word.
TEST(PlaceWordsTest, ShapeFilterPassesEveryListedWordItIsAskedAbout) {
  const std::string_view listed[] = {"mr",      "president", "party",    "war",   "said",   "daughter", "agency",
                                     "north",   "southwest", "in",       "via",   "town",   "travelled", "bank",
                                     "camp",    "province",  "al",       "bint",  "ash",    "the",      "until",
                                     "refugee", "tabloid",   "statute",  "river", "county", "st"};
  for (const std::string_view word : listed) {
    EXPECT_NE(Lists(word), 0u) << word;
    EXPECT_TRUE(MaybeListed(word)) << word;
  }
}

TEST(PlaceWordsTest, ListsAnswerByKey) {
  EXPECT_TRUE(Lists("said") & kListSpeechVerb);
  EXPECT_TRUE(Lists("province") & kListSuffixWord);
  EXPECT_TRUE(Lists("province") & kListFeatureWord);
  EXPECT_FALSE(Lists("province") & kListTitle);
  EXPECT_EQ(Lists("aleppo"), 0u);
  EXPECT_EQ(Lists("saidx"), 0u);
  // A word the shape filter rejects is in no list.
  for (const std::string_view word : {"aleppo", "zzzzzz", "q", "international", "x1"}) {
    if (!MaybeListed(word)) {
      EXPECT_EQ(Lists(word), 0u) << word;
    }
  }
}

}  // namespace
}  // namespace annalist::places
