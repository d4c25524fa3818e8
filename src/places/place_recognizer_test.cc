#include "places/place_recognizer.h"

#include <gtest/gtest.h>

#include <string>
#include <vector>

#include "text/segmenter.h"
#include "times/time_tagger.h"

namespace annalist {
namespace {

class PlaceRecognizerTest : public ::testing::Test {
 protected:
  static void SetUpTestSuite() {
    Result<Gazetteer> g = Gazetteer::LoadEmbedded();
    ASSERT_TRUE(g.ok()) << g.status().ToString();
    gazetteer_ = new Gazetteer(std::move(g).value());
  }
  static void TearDownTestSuite() { delete gazetteer_; }

  // "text/CCC" for each place, joined by ", "; "-" for no country.
  static std::string Places(const std::string& text, Document* out = nullptr) {
    Document doc;
    doc.text = text;
    doc.date = CivilDate{2023, 12, 21};
    Segmenter().Process(doc);
    TimeTagger().Process(doc);
    PlaceRecognizer(*gazetteer_).Process(doc);
    std::string result;
    for (const PlaceMention& p : doc.places) {
      if (!result.empty()) result += ", ";
      result += std::string(doc.slice(p.span)) + "/" + (p.country.empty() ? "-" : std::string(p.country.view()));
    }
    if (out) *out = std::move(doc);
    return result;
  }

  static Gazetteer* gazetteer_;
};
Gazetteer* PlaceRecognizerTest::gazetteer_ = nullptr;

struct Case {
  const char* text;
  const char* places;
};

void Check(const std::vector<Case>& cases, std::string (*places)(const std::string&, Document*)) {
  for (const Case& c : cases) EXPECT_EQ(places(c.text, nullptr), c.places) << c.text;
}

TEST_F(PlaceRecognizerTest, SpellingVariants) {
  Check({
      {"Tanks entered Shujayya on Monday.", "Shujayya/PSE"},
      {"Tanks entered Shejaiya on Monday.", "Shejaiya/PSE"},
      {"Tanks entered Shuja’iyya on Monday.", "Shuja’iyya/PSE"},
      {"Smoke rose over Khan Yunis and Khan Younis.", "Khan Yunis/PSE, Khan Younis/PSE"},
      {"Fighting in Deir ez-Zor and Deir al-Zour.", "Deir ez-Zor/SYR, Deir al-Zour/SYR"},
      {"Women and children held in al-Hawl camp in Syria.", "al-Hawl camp/SYR, Syria/SYR"},
      {"Aid reached Zamzam camp in Darfur.", "Zamzam camp/SDN, Darfur/SDN"},
      {"Residents of Nir Oz and Kfar Aza were taken.", "Nir Oz/ISR, Kfar Aza/ISR"},
      {"The US and the U.S. and the UK.", "US/USA, U.S./USA, UK/GBR"},
  }, Places);
}

TEST_F(PlaceRecognizerTest, AmbiguousNames) {
  Check({
      {"Mark said he had no hope of a deal.", ""},
      {"Hope is fading, said Victoria Beckham.", ""},
      {"The talks in Deal ended.", ""},
      {"Of the hostages, ten were freed.", ""},
      {"Michael Jordan watched as Jordan closed its border with Syria.", "Jordan/JOR, Syria/SYR"},
      {"Jeremy Hunt spoke. Hunt said Britain would help.", "Britain/GBR"},
      {"Clashes in Tripoli, Lebanon, left two dead.", "Tripoli/LBN, Lebanon/LBN"},
      {"Militias fought in Tripoli, the Libyan capital.", "Tripoli/LBY"},
      {"Refugees fled Rafah in southern Gaza.", "Rafah/PSE, Gaza/PSE"},
      {"The strike hit Hama, in Syria.", "Hama/SYR, Syria/SYR"},
      {"In March, Mr Paris met officials.", ""},
  }, Places);
}

TEST_F(PlaceRecognizerTest, DemonymsAreNotPlaces) {
  Check({
      {"Israeli tanks and Syrian troops clashed.", ""},
      {"Israel struck Syria.", "Israel/ISR, Syria/SYR"},
      {"Palestinians in Gaza said Israelis had left.", "Gaza/PSE"},
  }, Places);
}

TEST_F(PlaceRecognizerTest, OrganisationsAndBuildingsAreNotPlaces) {
  Check({
      {"The White House and the Kremlin disagreed.", ""},
      {"Fighters of the Islamic State fled.", ""},
      {"The Kurdistan Workers' Party attacked.", ""},
      {"Veterans of the Gulf war marched.", ""},
      {"During the Iran-Iraq war, he left.", ""},
      {"Diplomats of the Astana group met.", ""},
      {"The Washington Post reported it from Washington.", "Washington/USA"},
      {"The Gaza Health Ministry said 20 died.", "Gaza/PSE"},
      {"The Bank of England raised rates.", ""},
  }, Places);
}

TEST_F(PlaceRecognizerTest, RegionsProvincesAndHyphenatedNames) {
  Check({
      {"Rockets hit southern Israel.", "Israel/ISR"},
      {"Troops left Syria’s north-east.", "Syria/SYR"},
      {"Tribes in Anbar province rose up.", "Anbar province/IRQ"},
      {"The Aleppo-Latakia highway reopened.", "Aleppo/SYR, Latakia/SYR"},
      {"United States-backed fighters advanced.", "United States/USA"},
      {"He is from the Islamic Republic of Iran.", "Islamic Republic of Iran/IRN"},
  }, Places);
}

TEST_F(PlaceRecognizerTest, CountriesAndCoordinates) {
  Document doc;
  ASSERT_EQ(Places("Talks resumed in Cairo, Egypt.", &doc), "Cairo/EGY, Egypt/EGY");
  EXPECT_EQ(doc.places[0].kind, PlaceKind::kCity);
  EXPECT_NEAR(doc.places[0].lat, 30.04, 0.1);
  EXPECT_NEAR(doc.places[0].lon, 31.24, 0.1);
  EXPECT_EQ(doc.places[0].name, "Cairo");
  EXPECT_EQ(doc.places[1].kind, PlaceKind::kCountry);
}

TEST_F(PlaceRecognizerTest, PlaceOfClause) {
  Document doc;
  const std::string text = "Talks were held in Cairo. Israel struck Gaza, officials said.";
  ASSERT_EQ(Places(text, &doc), "Cairo/EGY, Israel/ISR, Gaza/PSE");
  const auto at = [&](const char* word) { return static_cast<uint32_t>(text.find(word)); };
  EXPECT_EQ(PlaceOfClause(doc, {at("struck"), at(", officials")}), 2u);  // the clause names Gaza
  EXPECT_EQ(PlaceOfClause(doc, {at("officials"), at("said") + 4}), 1u);  // else the sentence's first place
  EXPECT_EQ(PlaceOfClause(doc, {at("Talks"), at("held")}), 0u);
  Document empty;
  EXPECT_EQ(PlaceOfClause(empty, {0, 4}), kNone);
}

TEST_F(PlaceRecognizerTest, PersonsOutletsAndCodeNamesAreNotTowns) {
  Check({
      // A town beside a capitalised non-place word is a person's name, however big the town.
      {"Shiraz Maher, a researcher, said Syria was divided.", "Syria/SYR"},
      {"Elizabeth Hoff of the WHO spoke in Syria.", "Syria/SYR"},
      {"Letters addressed to Kheda Saratova arrived from Russia.", "Russia/RUS"},
      // Not before ", Country": a letter's signature.
      {"Zev Moses Vancouver, Canada", "Vancouver/CAN, Canada/CAN"},
      // A speaker is a person throughout the article.
      {"Gunmen in Syria captured Ricardo. Ricardo said he was beaten.", "Syria/SYR"},
      {"“We lost,” said Ricardo, who left Syria.", "Syria/SYR"},
      // Apposition nouns: outlets and kin.
      {"Pictures were released by Sana, the Syrian state news agency.", ""},
      {"The news agency Sana said five died in Syria.", "Syria/SYR"},
      {"She fled Syria with her daughter, Sana, in 2015.", "Syria/SYR"},
      // Code names, compass phrases, "X for Y" institutions, lower-case institution heads.
      {"Turkey launched Operation Olive Branch in Syria.", "Turkey/TUR, Syria/SYR"},
      {"The area of North-East Syria was calm.", "Syria/SYR"},
      {"He is a fellow at Centre for Global Policy in Syria.", "Syria/SYR"},
      {"She is a professor at Durham university in Britain.", "Britain/GBR"},
      {"The Suez Crisis shook Britain.", "Britain/GBR"},
      // A capitalised motion word is a title's, not a locative: "Road to Peace".
      {"Her charity, Road to Peace, works in Iraq.", "Iraq/IRQ"},
      // A former name of a big town that is also a town's own name needs a locative.
      {"The Franklin Roosevelt memorial opened.", ""},
      {"The Harper government fell.", ""},
      {"Talks resumed in Geneva. The Geneva talks failed.", "Geneva/CHE, Geneva/CHE"},
  }, Places);
}

TEST_F(PlaceRecognizerTest, PlaceOfClausePrefersALocative) {
  Document doc;
  const std::string text = "The US envoy met officials in Doha on Monday.";
  ASSERT_EQ(Places(text, &doc), "US/USA, Doha/QAT");
  EXPECT_EQ(PlaceOfClause(doc, {0, static_cast<uint32_t>(text.size())}), 1u);
  const std::string plain = "Israel struck Gaza.";
  ASSERT_EQ(Places(plain, &doc), "Israel/ISR, Gaza/PSE");
  EXPECT_EQ(PlaceOfClause(doc, {0, static_cast<uint32_t>(plain.size())}), 0u);  // no locative: the first
}

TEST_F(PlaceRecognizerTest, ErrorDocumentsAreLeftAlone) {
  Document doc;
  doc.error = "bad line";
  doc.text = "Gaza";
  PlaceRecognizer(*gazetteer_).Process(doc);
  EXPECT_TRUE(doc.places.empty());
}

}  // namespace
}  // namespace annalist
