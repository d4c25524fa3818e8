#include "actors/actor_words.h"

#include <gtest/gtest.h>

#include <string>
#include <vector>

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

// PackFolded packs at run time with whole loads and folds eight bytes at once; at compile time (the lists'
// tables) byte by byte. Both must give the same key for every length and every kind of byte.
TEST(ActorWords, PackFoldedAtRunTimeAgreesWithTheByteLoop) {
  const auto by_bytes = [](std::string_view word) {
    PackedWord packed;
    packed.length = word.size();
    for (size_t i = 0; i < word.size(); ++i) {
      uint64_t c = static_cast<uint8_t>(word[i]);
      if (c >= 'A' && c <= 'Z') c |= 0x20;
      (i < 8 ? packed.lo : packed.hi) |= c << (8 * (i % 8));
    }
    return packed;
  };
  const std::string bytes = "aZ@[`{Az-9\x80\xC3\xADQ\xFF\x01 mN";  // letters, their neighbours, non-ASCII
  for (size_t length = 0; length <= 16; ++length) {
    for (size_t from = 0; from + length <= bytes.size(); ++from) {
      const std::string word = bytes.substr(from, length);
      const PackedWord fast = PackFolded(word), slow = by_bytes(word);
      EXPECT_EQ(fast.lo, slow.lo) << length << " " << from;
      EXPECT_EQ(fast.hi, slow.hi) << length << " " << from;
      EXPECT_EQ(fast.length, slow.length);
    }
  }
  static_assert(PackFolded("In").lo == (uint64_t{'i'} | uint64_t{'n'} << 8), "compile-time packing folds too");
}

// In() turns words away by their first letter: only A-Z and a-z fold onto a list word's first letter.
TEST(ActorWords, FirstLetterMaskTurnsAwayOtherFirstBytes) {
  static constexpr uint32_t kMask = FirstLetterMask(kTestList);
  EXPECT_EQ(kMask, (1u << ('i' - 'a')) | (1u << ('n' - 'a')) | (1u << ('a' - 'a')) | (1u << ('t' - 'a')));
  static constexpr std::string_view kOdd[] = {"in", "'s"};
  EXPECT_EQ(FirstLetterMask(kOdd), 0xFFFFFFFFu);  // a word not starting with a-z: no test by first letter
  EXPECT_FALSE(In<kTestList>("bn"));
  EXPECT_FALSE(In<kTestList>("@"));   // '@' | 0x20 is '`', no letter
  EXPECT_FALSE(In<kTestList>("it"));  // the length passes, the letter too, the word does not
  EXPECT_TRUE(In<kTestList>("\x49n"));  // "In"
}


// WordClassOf answers every list's In() at once, and names the words of kGrammarWords.
TEST(ActorWords, WordClassOfAgreesWithInForEveryList) {
  std::vector<std::string> words;
  const auto variants = [&words](std::string_view w) {
    std::string upper(w), longer(w), shorter(w.substr(0, w.size() - 1));
    for (char& c : upper) c = static_cast<char>(c >= 'a' && c <= 'z' ? c - 32 : c);
    longer += 's';
    for (const std::string& word : {std::string(w), upper, longer, shorter}) words.push_back(word);
  };
  for (std::string_view w : kLocatives) variants(w);
  for (std::string_view w : kDeterminers) variants(w);
  for (std::string_view w : kCapitalizedWords) variants(w);
  for (std::string_view w : kDirections) variants(w);
  for (std::string_view w : kStopWords) variants(w);
  for (std::string_view w : kFunctionWords) variants(w);
  for (std::string_view w : kImpersonal) variants(w);
  for (std::string_view w : kPlaceNouns) variants(w);
  for (std::string_view w : kImpersonalAfter) variants(w);
  for (std::string_view w : kGrammarWords) variants(w);
  words.insert(words.end(), {"", "x", "Israeli", "abcdefghijklmnopq", "\xC3\xADn"});
  for (const std::string& word : words) {
    const uint32_t classes = WordClassOf(word);
    EXPECT_EQ((classes & kLocativeClass) != 0, In<kLocatives>(word)) << word;
    EXPECT_EQ((classes & kDirectionClass) != 0, In<kDirections>(word)) << word;
    EXPECT_EQ((classes & kDeterminerClass) != 0, In<kDeterminers>(word)) << word;
    EXPECT_EQ((classes & kStopWordClass) != 0, In<kStopWords>(word)) << word;
    EXPECT_EQ((classes & kFunctionWordClass) != 0, In<kFunctionWords>(word)) << word;
    EXPECT_EQ((classes & kImpersonalClass) != 0, In<kImpersonal>(word)) << word;
    EXPECT_EQ((classes & kPlaceNounClass) != 0, In<kPlaceNouns>(word)) << word;
    EXPECT_EQ((classes & kCapitalizedWordClass) != 0, In<kCapitalizedWords>(word)) << word;
    EXPECT_EQ((classes & kImpersonalAfterClass) != 0, In<kImpersonalAfter>(word)) << word;
  }
}

TEST(ActorWords, WordClassOfNamesTheGrammarWordsInAnyCase) {
  EXPECT_TRUE(IsGrammarWord(WordClassOf("of"), "of"));
  EXPECT_TRUE(IsGrammarWord(WordClassOf("OF"), "of"));
  EXPECT_TRUE(IsGrammarWord(WordClassOf("That"), "that"));
  EXPECT_TRUE(IsGrammarWord(WordClassOf(","), ","));
  EXPECT_FALSE(IsGrammarWord(WordClassOf("that"), "this"));
  EXPECT_FALSE(IsGrammarWord(WordClassOf("offer"), "of"));
  EXPECT_FALSE(IsGrammarWord(WordClassOf("north"), "of"));  // in a list, but no grammar word
  EXPECT_TRUE((WordClassOf("The") & kDeterminerClass) != 0 && IsGrammarWord(WordClassOf("The"), "the"));
}

TEST(ActorWords, GrammarWordSetHoldsItsWordsOnly) {
  static constexpr GrammarWordSet kSet = {"has", "had", "will"};
  EXPECT_TRUE(kSet.Has(WordClassOf("has")));
  EXPECT_TRUE(kSet.Has(WordClassOf("Will")));
  EXPECT_FALSE(kSet.Has(WordClassOf("became")));  // a grammar word outside the set
  EXPECT_FALSE(kSet.Has(WordClassOf("north")));   // a list word, no grammar word
  EXPECT_FALSE(kSet.Has(WordClassOf("Israeli")));  // in nothing
}

}  // namespace
}  // namespace annalist::actors
