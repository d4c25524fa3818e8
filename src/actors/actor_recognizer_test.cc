// Table-driven cases for the actors stage, on the built-in dictionary. Each row: a sentence (our own text), the
// article date, and the mentions expected as "text|COUNTRY|SECTOR" ("-" for none), in text order.
#include "actors/actor_recognizer.h"

#include <gtest/gtest.h>

#include "actors/builtin_dictionary.h"
#include "actors/test_util.h"
#include "io/record_names.h"

namespace annalist {
namespace {

const ActorDictionary& Builtin() {
  static const ActorDictionary* dictionary = [] {
    auto* d = new ActorDictionary;
    EXPECT_TRUE(AddBuiltinActors(d).ok());
    d->Finish();
    return d;
  }();
  return *dictionary;
}

std::vector<std::string> Recognize(std::string_view text, std::string_view date = "2023-12-21") {
  const ActorRecognizer recognizer(Builtin());
  Document doc = actors_test::MakeDocument(text, date);
  recognizer.Process(doc);
  std::vector<std::string> out;
  for (const ActorMention& m : doc.actors) {
    const std::string_view sector = SectorName(m.sector);
    out.push_back(std::string(doc.slice(m.span)) + "|" + (m.country.empty() ? "-" : std::string(m.country.view())) +
                  "|" + (sector.empty() ? "-" : std::string(sector)));
  }
  return out;
}

struct Case {
  const char* text;
  std::vector<std::string> expected;
  const char* date = "2023-12-21";
};

class RecognizerTable : public ::testing::TestWithParam<Case> {};

TEST_P(RecognizerTable, FindsTheActors) {
  const Case& c = GetParam();
  EXPECT_EQ(Recognize(c.text, c.date), c.expected) << c.text;
}

const Case kCases[] = {
    {"Israeli tanks entered the town.", {"Israeli tanks|ISR|MIL"}},
    {"The Israeli war cabinet met on Monday.", {"The Israeli war cabinet|ISR|GOV"}},
    {"Gazan authorities gave the figure.", {"Gazan authorities|PSE|GOV"}},
    {"Hamas sources confirmed the offer.", {"Hamas sources|PSE|REB"}},
    {"An Israeli security source spoke.", {"An Israeli security source|ISR|MIL"}},
    {"Smoke rose during an Israeli bombardment.", {"Israeli|ISR|MIL"}},
    {"The attack on Israeli soil.", {"Israeli|ISR|-"}},
    {"The Islamist group Hamas refused.", {"The Islamist group Hamas|PSE|REB"}},
    {"Washington said it would act.", {"Washington|USA|GOV"}},
    {"Talks were held in Washington.", {}},
    {"The talks in Egypt ended and Egypt said so.", {"Egypt|EGY|GOV"}},
    {"The UN and the EU spoke to us.", {"UN|-|IGO", "EU|-|IGO"}},
    {"Hezbollah fighters and Iranian militias.", {"Hezbollah fighters|LBN|REB", "Iranian militias|IRN|REB"}},
    {"Syrian Kurdish forces advanced.", {"Syrian Kurdish forces|SYR|REB"}},
    {"Assad’s forces shelled the town.", {"Assad’s forces|SYR|MIL"}},
    {"The Government of Israel replied.", {"The Government of Israel|ISR|GOV"}},
    {"The head of Mossad, David Barnea, flew.", {"The head of Mossad|ISR|SPY", "David Barnea|ISR|SPY"}},
    {"She met the Prime Minister of Qatar, Mohamed al Thani.",
     {"the Prime Minister of Qatar|QAT|GOV", "Mohamed al Thani|QAT|GOV"}},
    {"CIA chief William Burns arrived.", {"CIA chief William Burns|USA|SPY"}},
    {"Prime Minister Benjamin Netanyahu spoke.", {"Prime Minister Benjamin Netanyahu|ISR|GOV"}},
    {"Benjamin Netanyahu spoke.", {"Benjamin Netanyahu|ISR|OPP"}, "2022-01-10"},
    {"Rockets hit communities in southern and central Israel.", {"communities in southern and central Israel|ISR|CVL"}},
    {"Palestinian prisoners were freed.", {"Palestinian prisoners|PSE|CVL"}},
    {"The mediators made an offer.", {"The mediators|-|GOV"}},
    {"Isis militants and Islamic State fighters fled.", {"Isis militants|-|REB", "Islamic State fighters|-|REB"}},
    {"The Syrian president and the US supreme court.",
     {"The Syrian president|SYR|GOV", "US supreme court|USA|JUD"}},
    {"Al-Thani met al Thani.", {}},
    {"The Israel Forum of Families of Hostages and Missing Persons said so.",
     {"Israel Forum of Families of Hostages and Missing Persons|ISR|CVL"}},
    {"Turkish and Russian forces patrol; US, French and British airstrikes followed.",
     {"Turkish|TUR|MIL", "Russian forces|RUS|MIL", "US|USA|MIL", "French|FRA|MIL", "British|GBR|MIL"}},
    {"Families of Israeli hostages and hostages for Palestinian prisoners.",
     {"Families|-|CVL", "Israeli hostages|ISR|CVL", "hostages|ISR|CVL", "Palestinian prisoners|PSE|CVL"}},
    {"Recep Tayyip Erdoğan and Çavuşoğlu met.", {"Recep Tayyip Erdoğan|TUR|GOV", "Çavuşoğlu|TUR|GOV"}, "2019-01-01"},
    // Groups and unnamed agents take the country named as a place in their sentence.
    {"In Anbar province, Sunni tribesmen now refuse to surrender.", {"Sunni tribesmen|IRQ|CVL"}},
    {"In Iraq, the state has continued to brutalise Sunnis.", {"the state|IRQ|GOV", "Sunnis|IRQ|CVL"}},
    {"Fighters retook the town on Saturday in Baghuz, eastern Syria.", {"Fighters|SYR|REB"}},
    {"Fighting between rebel factions in Idlib province continued.", {"rebel factions in Idlib province|SYR|REB"}},
    {"Children were hurt in Idlib.", {"Children|-|CVL"}},
    // "it" and "its" for the organisation or state just named; not the impersonal "it".
    {"Isis has changed. It announced a new tactic, and its fighters emerged.",
     {"Isis|-|REB", "It|-|REB", "its fighters|-|REB"}},
    {"The UN said it is unclear.", {"UN|-|IGO"}},
    {"Isis has already changed skins. It announced the switch last July, when its fighters emerged.",
     {"Isis|-|REB", "It|-|REB", "its fighters|-|REB"}},
    {"Russia said Acme Holdings began its inquiry.", {"Russia|RUS|GOV"}},
    {"American officials said so.", {"American officials|USA|GOV"}},
    {"Let them go.", {}},
    {"Rockets were fired towards Israel.", {"Israel|ISR|GOV"}},
    {"The U.N. humanitarian office said aid was blocked.", {"The U.N. humanitarian office|-|IGO"}},
    {"Kurdish forces edged towards the Syrian town of Baghuz.", {"Kurdish forces|SYR|REB", "Syrian|SYR|-"}},
    {"Muslims prayed in Damascus.", {"Muslims|-|REL"}},
    {"In Syria, many Arab states stayed away.", {"Arab states|-|GOV"}},
};

INSTANTIATE_TEST_SUITE_P(Cases, RecognizerTable, ::testing::ValuesIn(kCases));

// Entries of data/actors beyond the seed's: organisations, agents, and people whose sector follows their dated
// roles. A row fails when an entry is lost, or gets the wrong country, sector or term.
const Case kDictionaryCases[] = {
    {"The Bundesrat and the Sejm voted.", {"Bundesrat|DEU|LEG", "Sejm|POL|LEG"}},
    {"The DGSI, AIVD and ASIO shared files.", {"DGSI|FRA|SPY", "AIVD|NLD|SPY", "ASIO|AUS|SPY"}},
    {"FDLR and Codeco fighters attacked.", {"FDLR|COD|REB", "Codeco fighters|COD|REB"}},
    {"The Giants Brigades pushed north.", {"Giants Brigades|YEM|MIL"}},
    {"Sinjar Resistance Units withdrew.", {"Sinjar Resistance Units|IRQ|REB"}},
    {"UKMTO said a ship was hit.", {"UKMTO|GBR|MIL"}},
    {"The Israeli spy chief flew to Doha.", {"The Israeli spy chief|ISR|SPY"}},
    {"Afghan asylum seekers waited.", {"Afghan asylum seekers|AFG|REF"}},
    {"The Iranian security cabinet met.", {"The Iranian security cabinet|IRN|GOV"}},
    {"Leon Panetta arrived.", {"Leon Panetta|USA|SPY"}, "2010-03-01"},
    {"Leon Panetta arrived.", {"Leon Panetta|USA|GOV"}, "2012-03-01"},
    {"Moshe Ya'alon spoke.", {"Moshe Ya'alon|ISR|MIL"}, "2004-01-10"},
    {"Moshe Ya'alon spoke.", {"Moshe Ya'alon|ISR|GOV"}, "2014-01-10"},
    {"Moshe Ya'alon spoke.", {"Moshe Ya'alon|ISR|OPP"}, "2020-01-10"},
    {"Kofi Annan met Jacques Chirac.", {"Kofi Annan|-|IGO", "Jacques Chirac|FRA|GOV"}, "2003-02-01"},
    {"Olusegun Obasanjo came. Obasanjo left.", {"Olusegun Obasanjo|NGA|GOV", "Obasanjo|NGA|GOV"}, "2005-06-01"},
    {"Hakimullah Mehsud spoke.", {"Hakimullah Mehsud|PAK|REB"}, "2012-01-01"},
    {"Islamic State in Iraq and Syria claimed it.", {"Islamic State in Iraq and Syria|-|REB"}},
    {"Poles and Filipinos protested.", {"Poles|POL|CVL", "Filipinos|PHL|CVL"}},
};

INSTANTIATE_TEST_SUITE_P(Dictionary, RecognizerTable, ::testing::ValuesIn(kDictionaryCases));

TEST(ActorRecognizer, DescriptorsAndPronounsCorefer) {
  EXPECT_EQ(Recognize("Hamas refused. A spokesperson for the group told Efe. The Palestinian Islamist group "
                      "declined."),
            (std::vector<std::string>{"Hamas|PSE|REB", "A spokesperson for the group|PSE|REB", "Efe|ESP|MED",
                                      "The Palestinian Islamist group|PSE|REB"}));
  EXPECT_EQ(Recognize("Recep Tayyip Erdoğan spoke. He said it was over.", "2019-01-01"),
            (std::vector<std::string>{"Recep Tayyip Erdoğan|TUR|GOV", "He|TUR|GOV"}));
}

TEST(ActorRecognizer, SurnamesCountAfterTheFullNameOrATitle) {
  EXPECT_EQ(Recognize("Barnea left.").size(), 0u);
  EXPECT_EQ(Recognize("David Barnea came. Barnea left."),
            (std::vector<std::string>{"David Barnea|ISR|SPY", "Barnea|ISR|SPY"}));
  EXPECT_EQ(Recognize("President Rouhani toured Iraq.", "2019-03-15"),
            (std::vector<std::string>{"President Rouhani|IRN|GOV", "Iraq|IRQ|GOV"}));
}

TEST(ActorRecognizer, AgentNounsCoreferByGroup) {
  EXPECT_EQ(Recognize("The exchange of Israeli hostages began. Hamas released 105 captives."),
            (std::vector<std::string>{"Israeli hostages|ISR|CVL", "Hamas|PSE|REB", "captives|ISR|CVL"}));
  EXPECT_EQ(Recognize("Hamas sources said so. According to the same sources, it was over."),
            (std::vector<std::string>{"Hamas sources|PSE|REB", "the same sources|PSE|REB"}));
}

TEST(ActorRecognizer, NounCoreferenceEndsWithTheDocument) {
  // Each thread keeps its buffers from one document to the next: "captives" must not take the country of the
  // hostages of the document before.
  EXPECT_EQ(Recognize("The exchange of Israeli hostages began."),
            (std::vector<std::string>{"Israeli hostages|ISR|CVL"}));
  EXPECT_EQ(Recognize("Hamas released 105 captives."), (std::vector<std::string>{"Hamas|PSE|REB", "captives|-|CVL"}));
}

TEST(ActorRecognizer, TheTwoIsAMentionWithoutCountryOrSector) {
  EXPECT_EQ(Recognize("Then the two met in Warsaw."), (std::vector<std::string>{"the two|-|-"}));
}

TEST(ActorRecognizer, LeavesAnErrorDocumentAlone) {
  const ActorRecognizer recognizer(Builtin());
  Document doc;
  doc.error = "bad";
  recognizer.Process(doc);
  EXPECT_TRUE(doc.actors.empty());
}

TEST(ActorRecognizer, NamesPointIntoTheDictionary) {
  const ActorRecognizer recognizer(Builtin());
  Document doc = actors_test::MakeDocument("Hamas and Israel.");
  recognizer.Process(doc);
  ASSERT_EQ(doc.actors.size(), 2u);
  for (const ActorMention& mention : doc.actors) {
    bool stored = false;
    for (const ActorEntry& entry : Builtin().actors()) stored |= mention.name.data() == entry.name.data();
    EXPECT_TRUE(stored) << mention.name;
  }
  EXPECT_EQ(doc.actors[0].name, "Hamas");
  EXPECT_EQ(doc.actors[1].name, "Israel");
}

}  // namespace
}  // namespace annalist
