#include "actors/actor_words.h"

#include <gtest/gtest.h>

#include <string>

namespace annalist::actors {
namespace {

inline constexpr std::string_view kTestList[] = {"in", "north-east", "a", "throughout", "abcdefghijklmnop"};

TEST(ActorWords, InIgnoresTheCaseOfTheArticleWordOnly) {
  EXPECT_TRUE(In<kTestList>("in"));
  EXPECT_TRUE(In<kTestList>("IN"));
  EXPECT_TRUE(In<kTestList>("North-East"));
  EXPECT_TRUE(In<kTestList>("A"));
  EXPECT_TRUE(In<kTestList>("Throughout"));
  EXPECT_TRUE(In<kTestList>("ABCDEFGHIJKLMNOP"));  // 16 bytes, the longest a list word may have
  EXPECT_FALSE(In<kTestList>("inn"));
  EXPECT_FALSE(In<kTestList>("i"));
  EXPECT_FALSE(In<kTestList>(""));
  EXPECT_FALSE(In<kTestList>("north east"));
  EXPECT_FALSE(In<kTestList>("throughou"));
  EXPECT_FALSE(In<kTestList>("abcdefghijklmnopq"));
  EXPECT_FALSE(In<kTestList>("ín"));  // only A-Z is folded
}

TEST(ActorWords, InAgreesWithComparingEachWord) {
  // Every word of a real list, and variants of it, against the list scanned word by word.
  const auto scan = [](std::string_view word) {
    for (std::string_view w : kStopWords) {
      if (EqualsIgnoreCase(word, w)) return true;
    }
    return false;
  };
  for (std::string_view w : kStopWords) {
    std::string upper(w), longer(w), shorter(w.substr(0, w.size() - 1));
    for (char& c : upper) c = static_cast<char>(c >= 'a' && c <= 'z' ? c - 32 : c);
    longer += 's';
    for (const std::string& word : {std::string(w), upper, longer, shorter}) {
      EXPECT_EQ(In<kStopWords>(word), scan(word)) << word;
    }
  }
}

}  // namespace
}  // namespace annalist::actors
