#include "actors/actor_lookup.h"

#include <gtest/gtest.h>

#include "actors/test_util.h"

namespace annalist {
namespace {

Document WithActors() {
  Document doc = actors_test::MakeDocument("Hamas fired at Israel. Egypt spoke.");
  doc.actors.push_back({{0, 5}, "Hamas", CountryCode::FromString("PSE"), Sector::kREB});
  doc.actors.push_back({{15, 21}, "Israel", CountryCode::FromString("ISR"), Sector::kGOV});
  doc.actors.push_back({{23, 28}, "Egypt", CountryCode::FromString("EGY"), Sector::kGOV});
  return doc;
}

TEST(ActorLookup, FindsTheMentionOverlappingASpan) {
  const Document doc = WithActors();
  EXPECT_EQ(ActorOverlapping(doc, {1, 3}), 0u);
  EXPECT_EQ(ActorOverlapping(doc, {10, 16}), 1u);
  EXPECT_EQ(ActorOverlapping(doc, {6, 11}), kNone);
}

TEST(ActorLookup, FindsTheNearestMentionInTheSentence) {
  const Document doc = WithActors();
  const Span fired{6, 11};
  EXPECT_EQ(NearestActor(doc, fired, -1), 0u);
  EXPECT_EQ(NearestActor(doc, fired, +1), 1u);
  EXPECT_EQ(NearestActor(doc, {29, 34}, +1), kNone);  // "spoke": nothing after it
  EXPECT_EQ(NearestActor(doc, {29, 34}, 0), 2u);
}

}  // namespace
}  // namespace annalist
