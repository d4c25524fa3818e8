#include "actors/setting.h"

#include <gtest/gtest.h>

#include <utility>
#include <vector>

namespace annalist::actors {
namespace {

const CountryCode kSyria = CountryCode::FromString("SYR");
const CountryCode kIraq = CountryCode::FromString("IRQ");

TEST(Setting, DominantCountryNeedsTwoMentionsAndTwiceAnyOther) {
  EXPECT_TRUE(DominantCountry({}).empty());
  EXPECT_TRUE(DominantCountry({{kSyria, 1}}).empty());
  EXPECT_EQ(DominantCountry({{kSyria, 2}}), kSyria);
  EXPECT_EQ(DominantCountry({{kIraq, 2}, {kSyria, 4}}), kSyria);
  EXPECT_TRUE(DominantCountry({{kIraq, 2}, {kSyria, 3}}).empty());
}

TEST(Setting, NearestCountryLooksOnlyInsideTheSentence) {
  const std::vector<std::pair<uint32_t, CountryCode>> places = {{2, kIraq}, {10, kSyria}, {30, kIraq}};
  EXPECT_EQ(NearestCountry(places, 8, 0, 20), kSyria);
  EXPECT_EQ(NearestCountry(places, 4, 0, 20), kIraq);
  EXPECT_EQ(NearestCountry(places, 6, 0, 20), kIraq);  // equally near: the first wins
  EXPECT_EQ(NearestCountry(places, 25, 20, 40), kIraq);
  EXPECT_TRUE(NearestCountry(places, 15, 11, 20).empty());
}

}  // namespace
}  // namespace annalist::actors
