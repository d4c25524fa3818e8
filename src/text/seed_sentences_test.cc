// Golden test: the sentences of the seed article (EFE, 2023-12-21), as a reader decided them by hand.
//
// The expected list was written by reading the article, not by running the splitter. Judgement calls:
//   * the "(Read also: …)", "(You can read: …)" and "(Continue reading: …)" link lines are one sentence each,
//     brackets included;
//   * the photo caption "Smoke billows … bombardment." and the link headline "See also …" after it on the
//     same line are two sentences (the caption ends in a period and the headline opens with a capital);
//   * the headline-less byline "EFE" on the last line is a sentence of its own;
//   * the quote “There will only be talks … aggression,” with its attribution is one sentence.
#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include <fstream>
#include <sstream>
#include <string>
#include <vector>

#include "annalist/document.h"
#include "text/segmenter.h"

namespace annalist {
namespace {

const char* const kExpectedSentences[] = {
    "The Islamist group Hamas refused this Thursday to continue with negotiations in Egypt for a new "
    "exchange of Israeli hostages for Palestinian prisoners, if it is not accompanied by a permanent "
    "ceasefire in the Gaza Strip.",

    "“There will only be talks for a prisoner exchange agreement after a total cessation of aggression,” "
    "a spokesperson for the group told Efe.",

    "During the negotiations that resumed this Wednesday in Cairo, The Islamist group declined up to "
    "three offers put on the table by the mediators – Qatar, Egypt and the US -, Hamas sources confirmed "
    "to Efe.",

    "According to the same sources, Israel offered a maximum of two weeks of truce for the exchange of "
    "hostages for Palestinian prisoners; but Hamas demands a cessation of hostilities and the withdrawal "
    "of Israeli troops from the enclave.",

    "An Israeli security source also confirmed to Efe that the Gaza factions – led by Hamas and Islamic "
    "Jihad – informed the mediators that “will not negotiate any prisoner agreement in light of the "
    "continuation of the Israeli war and by disagreements in the Israeli war cabinet, divided over the "
    "terms of the negotiation.",

    "(Read also: War between Israel and Hamas in Gaza has already left 20,000 Palestinians dead, "
    "according to Hamas)",

    "Israeli tanks cross the border fence into the Shujayya neighborhood in the Gaza Strip.",

    "The Israeli war cabinet is scheduled to meet Thursday night to discuss conditions for an agreement.",

    "“Government of Israel, you have our support to reach an agreement, now,” said a statement from the "
    "Israel Forum of Families of Hostages and Missing Persons.",

    "In parallel with the announcement of the end of the talks, About thirty rockets were launched from "
    "the Gaza Strip towards communities in southern and central Israel, including the urban core of Tel "
    "Aviv.",

    "(You can read: Netanyahu promises to continue war in Gaza until the end despite truce negotiations)",

    "The launches, after more than a day of pause, have been interpreted as a message from Hamas about "
    "the implications of not reaching an agreement.",

    "The head of the Hamas political bureau, Ismail Haniyeh, traveled to Egypt from Qatar this "
    "Wednesday, where he resides, to reopen indirect talks with Israel that allow a new truce between "
    "the parties.",

    "Smoke billows over Khan Younis in the southern Gaza Strip during an Israeli bombardment.",

    "See also Hamas releases a second group of 17 hostages and Israel releases 39 Palestinian prisoners",

    "Israel and Hamas reached a truce agreement on November 24 that lasted for a week, in which the "
    "Palestinian Islamist group handed over 105 captives (24 of them foreigners) in exchange for the "
    "release of 240 Palestinian prisoners.",

    "According to Israel, 129 hostages remain inside the Gaza Strip, around twenty of whom are estimated "
    "to be dead.",

    "Israel has not commented on the supposed end of the dialogue, but Prime Minister Benjamin Netanyahu "
    "assured that the “war will continue until the end, until Hamas is eliminated, until victory”, while "
    "negotiations were taking place in Cairo.",

    "(Continue reading: 'It is very difficult to bring hostages with thousands of tons of diplomacy': "
    "Israeli spokesperson)",

    "In the last week, the head of Mossad, David Barnea, traveled to Oslo to meet with the Prime "
    "Minister of Qatar, Mohamed al Thani; and then the two met in Warsaw with CIA chief William Burns in "
    "an attempt to revive truce talks.",

    "The Gaza Strip is mired in its greatest humanitarian crisis, with more than 20,000 dead (8,000 of "
    "them children) and 52,600 injured, according to Gazan authorities, in addition to 7,500 bodies that "
    "are estimated to be under the rubble.",

    "Israel declared war on Hamas on October 7, following a brutal attack by the armed wing of the "
    "Islamist group on Israeli soil, which left more than 1,200 dead and 240 kidnapped.",

    "EFE",
};

// The article text of a dated-text file: everything after " date YYYY-MM-DD" and the whitespace after it.
std::string ArticleText(const std::string& file) {
  const size_t date = file.find("date ");
  if (date == std::string::npos) return file;
  size_t pos = date + 5;
  while (pos < file.size() && file[pos] != ' ' && file[pos] != '\n') ++pos;  // the date itself
  while (pos < file.size() && (file[pos] == ' ' || file[pos] == '\n' || file[pos] == '\r')) ++pos;
  return file.substr(pos);
}

TEST(SeedSentencesTest, MatchesHandWrittenSentences) {
  const std::string path = ANNALIST_SHARED_DIR "/data/seed/000_7b6c0f922be5321a.txt";
  std::ifstream in(path, std::ios::binary);
  if (!in) GTEST_SKIP() << "shared seed article not found: " << path;
  std::stringstream buffer;
  buffer << in.rdbuf();

  Document doc;
  doc.text = ArticleText(buffer.str());
  ASSERT_TRUE(doc.text.starts_with("The Islamist group Hamas refused")) << doc.text.substr(0, 80);
  Segmenter().Process(doc);

  std::vector<std::string> actual;
  for (const Sentence& sentence : doc.sentences) actual.emplace_back(doc.slice(sentence.span));
  EXPECT_THAT(actual, testing::ElementsAreArray(kExpectedSentences));
}

}  // namespace
}  // namespace annalist
