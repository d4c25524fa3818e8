#include "figures/claims_view.h"

#include <gtest/gtest.h>

#include <string>

#include "figures/quantity_recognizer.h"
#include "text/segmenter.h"
#include "times/time_tagger.h"

namespace annalist {
namespace {

Document Code(const std::string& id, const std::string& text, const char* dateline) {
  Document doc;
  doc.id = id;
  doc.text = text;
  doc.date = ParseIsoDate(dateline);
  Segmenter().Process(doc);
  TimeTagger().Process(doc);
  QuantityRecognizer().Process(doc);
  return doc;
}

TEST(ClaimsView, GroupsFiguresByCategoryAndGroupWithSourceDateAndArticle) {
  const Document a = Code("a1", "More than 20,000 people have been killed, according to Gazan authorities.", "2023-12-21");
  const Document b = Code("b2", "Israel said on Monday that 15,000 people had been killed.", "2023-12-20");
  std::string csv;
  ASSERT_TRUE(WriteClaimsView({&a, &b}, /*csv=*/true, csv).ok());
  EXPECT_EQ(csv,
            "category,group,figure,date,source,country,article,context\r\n"
            "killed,people,\"15,000\",2023-12-18,Israel,,b2,\"Israel said on Monday that 15,000 people had been "
            "killed.\"\r\n"
            "killed,people,\"more than 20,000\",2023-12-21,Gazan authorities,,a1,\"More than 20,000 people have "
            "been killed, acco\"\r\n");
  std::string table;
  ASSERT_TRUE(WriteClaimsView({&a, &b}, /*csv=*/false, table).ok());
  EXPECT_EQ(table.substr(0, table.find('\n')),
            "category  group   figure            date        source             country  article  context");
  EXPECT_NE(table.find("more than 20,000  2023-12-21  Gazan authorities"), std::string::npos) << table;
}

TEST(ClaimsView, RejectsADanglingSource) {
  Document doc = Code("x", "Police arrested 300 demonstrators.", "2023-12-21");
  ASSERT_EQ(doc.quantities.size(), 1u);
  doc.quantities[0].claimed_by = 7;
  std::string out;
  EXPECT_FALSE(WriteClaimsView({&doc}, true, out).ok());
}

}  // namespace
}  // namespace annalist
