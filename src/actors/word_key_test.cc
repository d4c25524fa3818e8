#include "actors/word_key.h"

#include <gtest/gtest.h>

namespace annalist::actors {
namespace {

std::string Key(std::string_view word) {
  std::string key;
  WordKey(word, &key);
  return key;
}

TEST(WordKey, FoldsCaseAndLatinDiacritics) {
  EXPECT_EQ(Key("Hamas"), "hamas");
  EXPECT_EQ(Key("Erdoğan"), "erdogan");
  EXPECT_EQ(Key("Çavuşoğlu"), "cavusoglu");
  EXPECT_EQ(Key("Médecins"), "medecins");
  EXPECT_EQ(Key("İmamoğlu"), "imamoglu");
  EXPECT_EQ(Key("U.S."), "u.s.");
}

TEST(WordKey, MakesTypographicApostrophesPlain) { EXPECT_EQ(Key("B’Tselem"), "b'tselem"); }

TEST(WordKey, ShapesAndRules) {
  EXPECT_EQ(ShapeOf("hamas"), WordShape::kLower);
  EXPECT_EQ(ShapeOf("Hamas"), WordShape::kCapitalized);
  EXPECT_EQ(ShapeOf("UN"), WordShape::kAllCaps);
  EXPECT_EQ(ShapeOf("U.S."), WordShape::kAllCaps);
  EXPECT_EQ(ShapeOf("Özil"), WordShape::kCapitalized);
  EXPECT_EQ(RuleOf("UN"), CaseRule::kAllCaps);
  EXPECT_EQ(RuleOf("Hamas"), CaseRule::kCapitalized);
  EXPECT_EQ(RuleOf("Al"), CaseRule::kAnyCase);  // a particle
  EXPECT_EQ(RuleOf("troops"), CaseRule::kAnyCase);
}

TEST(Satisfies, EveryRuleAgainstEveryShape) {
  using enum WordShape;
  EXPECT_TRUE(Satisfies(CaseRule::kAnyCase, kLower));
  EXPECT_TRUE(Satisfies(CaseRule::kAnyCase, kCapitalized));
  EXPECT_TRUE(Satisfies(CaseRule::kAnyCase, kAllCaps));
  EXPECT_FALSE(Satisfies(CaseRule::kCapitalized, kLower));
  EXPECT_TRUE(Satisfies(CaseRule::kCapitalized, kCapitalized));
  EXPECT_TRUE(Satisfies(CaseRule::kCapitalized, kAllCaps));
  EXPECT_FALSE(Satisfies(CaseRule::kAllCaps, kLower));
  EXPECT_FALSE(Satisfies(CaseRule::kAllCaps, kCapitalized));
  EXPECT_TRUE(Satisfies(CaseRule::kAllCaps, kAllCaps));
}

TEST(SplitPhrase, SplitsAtSpacesUnderscoresHyphensAndPossessives) {
  EXPECT_EQ(SplitPhrase("Mohammed bin Abdulrahman Al-Thani"),
            (std::vector<std::string_view>{"Mohammed", "bin", "Abdulrahman", "Al", "Thani"}));
  EXPECT_EQ(SplitPhrase("HAMAS_POLITICAL_BUREAU_"), (std::vector<std::string_view>{"HAMAS", "POLITICAL", "BUREAU"}));
  EXPECT_EQ(SplitPhrase("UN Children's Fund"), (std::vector<std::string_view>{"UN", "Children", "'s", "Fund"}));
  EXPECT_EQ(SplitPhrase("Lions' Den"), (std::vector<std::string_view>{"Lions'", "Den"}));
}

}  // namespace
}  // namespace annalist::actors
