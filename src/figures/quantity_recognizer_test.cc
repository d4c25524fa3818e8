#include "figures/quantity_recognizer.h"

#include <gtest/gtest.h>

#include <string>
#include <vector>

#include "io/record_names.h"
#include "text/segmenter.h"
#include "times/time_tagger.h"

namespace annalist {
namespace {

// Each figure as one line: "category value[-high] qualifier [who=…] [part_of=N] [by=…]".
std::string Describe(const Document& doc, const Quantity& q) {
  auto number = [](double v) {
    std::string s = std::to_string(v);
    s.erase(s.find_last_not_of('0') + 1);
    if (s.back() == '.') s.pop_back();
    return s;
  };
  std::string out(QuantityCategoryName(q.category));
  out += " " + number(q.value);
  if (q.high) out += "-" + number(*q.high);
  out += " ";
  out += QualifierName(q.qualifier);
  if (!q.who.empty()) out += " who=" + std::string(doc.slice(q.who));
  if (q.part_of != kNone) out += " part_of=" + std::to_string(q.part_of);
  if (q.claimed_by != kNone) out += " by=" + std::string(doc.slice(doc.actors[q.claimed_by].span));
  return out;
}

Document Code(const std::string& text, const char* dateline = "2023-12-21") {
  Document doc;
  doc.text = text;
  doc.date = ParseIsoDate(dateline);
  Segmenter().Process(doc);
  TimeTagger().Process(doc);
  QuantityRecognizer().Process(doc);
  return doc;
}

std::vector<std::string> Figures(const std::string& text) {
  const Document doc = Code(text);
  std::vector<std::string> out;
  for (const Quantity& q : doc.quantities) out.push_back(Describe(doc, q));
  return out;
}

struct Row {
  const char* text;
  std::vector<std::string> expected;
};

void Check(const std::vector<Row>& rows) {
  for (const Row& row : rows) EXPECT_EQ(Figures(row.text), row.expected) << row.text;
}

TEST(QuantityRecognizer, EachCategory) {
  Check({
      {"The attack left more than 1,200 dead.", {"killed 1200 more_than"}},
      {"At least 15 children have died in Syria.", {"killed 15 at_least who=children"}},
      {"Militants massacred 40 villagers.", {"killed 40 exact who=villagers"}},
      {"Rescuers found 7,500 bodies.", {"killed 7500 exact who=bodies"}},
      {"The strike wounded 30 people.", {"injured 30 exact who=people"}},
      {"Officials said 52,600 injured were treated.", {"injured 52600 exact by=Officials"}},
      {"Nine journalists are missing.", {"missing 9 exact who=journalists"}},
      {"Gunmen kidnapped 240 people.", {"abducted 240 exact who=people"}},
      {"Twelve tourists were taken hostage in the desert.", {"abducted 12 exact who=tourists"}},
      {"Some 129 hostages remain inside Gaza.", {"held 129 about who=hostages"}},
      {"The group holds 40 captives.", {"held 40 exact who=captives"}},
      {"Israel released 39 Palestinian prisoners.", {"released 39 exact who=Palestinian prisoners"}},
      {"Hamas handed over 105 captives.", {"released 105 exact who=captives"}},
      {"Police arrested 300 demonstrators.", {"arrested 300 exact who=demonstrators"}},
      {"Upwards of 30,000 people have fled the town.", {"displaced 30000 more_than who=people"}},
      {"About thirty rockets were launched from Gaza.", {"launched 30 about who=rockets"}},
      {"Thousands of protesters marched in Tel Aviv.", {"participants 1000 at_least who=protesters"}},
      {"The estimated 10,000 jihadist fighters in the region wait.",
       {"other 10000 about who=jihadist fighters"}},
  });
}

TEST(QuantityRecognizer, EachQualifierAndRange) {
  Check({
      {"More than 200 people were killed.", {"killed 200 more_than who=people"}},
      {"At least 12 people died.", {"killed 12 at_least who=people"}},
      {"Around 20 people died.", {"killed 20 about who=people"}},
      {"Up to 800,000 refugees could be displaced.", {"displaced 800000 up_to who=refugees"}},
      {"Fewer than 30 soldiers were wounded.", {"injured 30 less_than who=soldiers"}},
      {"Between 30 and 40 people were killed.", {"killed 30-40 exact who=people"}},
      {"Tens of thousands of Syrians fled.", {"displaced 10000 at_least who=Syrians"}},
      {"Rescuers found 7,500 bodies that are estimated to be under the rubble.",
       {"killed 7500 about who=bodies"}},
  });
}

TEST(QuantityRecognizer, PartOfIncludingNested) {
  Check({
      {"More than 20,000 dead (8,000 of them children) and 52,600 injured, according to Gazan authorities.",
       {"killed 20000 more_than by=Gazan authorities", "killed 8000 exact who=children part_of=0 by=Gazan authorities",
        "injured 52600 exact by=Gazan authorities"}},
      {"According to Israel, 129 hostages remain inside the Gaza Strip, around twenty of whom are estimated to "
       "be dead.",
       {"held 129 exact who=hostages by=Israel", "killed 20 about who=hostages part_of=0 by=Israel"}},
      {"Hamas handed over 105 captives (24 of them foreigners).",
       {"released 105 exact who=captives", "released 24 exact who=foreigners part_of=0"}},
      // Nested: "among them" is part of the figure just before it, itself part of the total.
      {"The strikes killed 300 people, including 120 children, among them 40 infants.",
       {"killed 300 exact who=people", "killed 120 exact who=children part_of=0",
        "killed 40 exact who=infants part_of=1"}},
      // A breakdown that adds up to the total stated before.
      {"At least 15 children have died. Eight babies had died in the camp. A further seven children had died "
       "from the cold.",
       {"killed 15 at_least who=children", "killed 8 exact who=babies part_of=0",
        "killed 7 exact who=children part_of=0"}},
  });
}

TEST(QuantityRecognizer, LeavesOutWhatIsNotAFigure) {
  Check({
      {"A 17-year-old was arrested.", {}},                                    // age
      {"The boy, aged 15, was arrested with his father.", {}},                 // age
      {"In 2014 the group seized Mosul.", {}},                                 // year
      {"The truce lasted two weeks.", {}},                                     // duration
      {"Israel offered a maximum of two weeks of truce.", {}},                 // duration
      {"It will cost $300m to rebuild 20 hospitals.", {"other 20 exact who=hospitals"}},  // money
      {"Rebuilding will cost 400 million dollars.", {}},                       // money
      {"Over 40% of the territory is held by rebels.", {}},                    // percentage
      {"Hamas declined up to three offers.", {}},                              // offers
      {"The two met in Warsaw.", {}},                                          // no counted group
      {"More than 3 million civilians reside in Idlib.", {}},                  // population
      {"Many of the 3 million in Idlib have been displaced.", {}},             // partitive population
      {"She could not feed her three children.", {}},                          // a family
      {"It is the first of three hearings.", {}},                              // ordinal, meetings
      {"It is one of many lulls in the fighting.", {}},                        // "one of"
  });
}

TEST(QuantityRecognizer, RepeatsAreReportedOnceAndDefiniteRepeatsMerge) {
  Check({
      {"Hamas holds 120 hostages. Hamas holds 120 hostages, its leader said.",
       {"held 120 exact who=hostages", "held 120 exact who=hostages by=leader"}},
      {"Gunmen killed 20 people. The 20 people were buried on Friday. In all, 20 people were killed.",
       {"killed 20 exact who=people"}},
      {"He wanted the fate of two British Isis fighters settled. The two men, who lost their citizenship, are "
       "being held by Kurdish forces.",
       {"held 2 exact who=British Isis fighters"}},
  });
}

TEST(QuantityRecognizer, DatesAndPlaces) {
  Document doc = Code("Kurdish leaders say 2,000 people fled Baghuz on Tuesday.", "2019-03-12");
  ASSERT_EQ(doc.quantities.size(), 1u);
  ASSERT_TRUE(doc.quantities[0].date.has_value());
  EXPECT_EQ(FormatTimeValue(*doc.quantities[0].date), "2019-03-12");
  // With a place mention in the clause, the figure takes it.
  doc = Document();
  doc.text = "Kurdish leaders say 2,000 people fled Baghuz on Tuesday.";
  doc.date = ParseIsoDate("2019-03-13");
  Segmenter().Process(doc);
  TimeTagger().Process(doc);
  PlaceMention baghuz;
  baghuz.span = {38, 44};
  doc.places.push_back(baghuz);
  QuantityRecognizer().Process(doc);
  ASSERT_EQ(doc.quantities.size(), 1u);
  EXPECT_EQ(doc.quantities[0].place, 0u);
  EXPECT_EQ(FormatTimeValue(*doc.quantities[0].date), "2019-03-12");
}

TEST(QuantityRecognizer, LeavesAnErrorDocumentAlone) {
  Document doc;
  doc.text = "20 people were killed.";
  doc.error = "bad line";
  QuantityRecognizer().Process(doc);
  EXPECT_TRUE(doc.quantities.empty());
}

}  // namespace
}  // namespace annalist
