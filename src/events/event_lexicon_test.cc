#include "events/event_lexicon.h"

#include <gtest/gtest.h>

#include <set>
#include <string>

#include "events/test_harness.h"
#include "io/record_names.h"

namespace annalist::events {
namespace {

TEST(EventLexicon, BuiltinCoversEveryPloverType) {
  const EventLexicon& lexicon = EventLexicon::Builtin();
  ASSERT_GT(lexicon.entry_count(), 250u);
  std::set<EventType> types;
  for (size_t i = 0; i < lexicon.entry_count(); ++i) types.insert(lexicon.entry(static_cast<uint32_t>(i)).type);
  EXPECT_EQ(types.size(), 16u);
}

TEST(EventLexicon, GeneratesInflectedForms) {
  const EventLexicon& lexicon = EventLexicon::Builtin();
  for (const char* form : {"traveled", "travelled", "met", "meets", "meeting", "refused", "refusing", "declined",
                           "handed", "struck", "offers", "ceasefires", "withdrawn", "withdrew", "negotiations"}) {
    EXPECT_NE(lexicon.FormsOf(form), nullptr) << form;
  }
  const std::vector<FormRef>* hand = lexicon.FormsOf("handed");
  ASSERT_NE(hand, nullptr);
  EXPECT_EQ(lexicon.entry(hand->front().entry).trigger, "hand over power");  // longest first
}

TEST(EventLexicon, CuesAndThemes) {
  const EventLexicon& lexicon = EventLexicon::Builtin();
  EXPECT_TRUE(lexicon.CueOf("will") & kFuture);
  EXPECT_TRUE(lexicon.CueOf("the") & kDet);
  EXPECT_TRUE(lexicon.CueOf("rockets") & kThemeWeapon);
  EXPECT_TRUE(lexicon.CueOf("people") & kThemeCivilian);
  EXPECT_TRUE(lexicon.CueOf("people") & kThemePerson);
  EXPECT_EQ(lexicon.CueOf("rocketry"), 0u);
}

// The word index agrees with the maps it is built from: every word with forms, cues or multiword cues is
// found with what the coder reads of it, and no other word is.
TEST(EventLexicon, WordIndexFindsEveryKeyAndNothingElse) {
  const EventLexicon& lexicon = EventLexicon::Builtin();
  for (const char* word : {"the", "will", "handed", "negotiations", "hand", "'s", "only", "carry", "ceasefires"}) {
    const uint32_t id = lexicon.FindWord(word);
    ASSERT_NE(id, 0u) << word;
    const EventLexicon::WordInfo& info = lexicon.word_info(id);
    EXPECT_EQ(info.cue, lexicon.CueOf(word)) << word;
    const std::vector<FormRef>* forms = lexicon.FormsOf(word);
    EXPECT_EQ(info.forms_count, forms ? forms->size() : 0u) << word;
    const std::vector<EventLexicon::MultiCue>* multi = lexicon.MultiCuesOf(word);
    EXPECT_EQ(info.multi_count, multi ? multi->size() : 0u) << word;
    const EventLexicon::WordSlot& slot = lexicon.Index().Find(word, EventLexicon::Head(word));
    EXPECT_EQ(slot.id, id);
    EXPECT_EQ(slot.cue, info.cue);
    EXPECT_EQ(slot.forms, info.forms_count != 0);
    EXPECT_EQ(slot.multi, info.multi_count != 0);
  }
  for (const char* word : {"", "rocketry", "The", "negotiat", "negotiationsx", "zzzzzzzzzzzzzzzzzzzzzzzz"}) {
    EXPECT_EQ(lexicon.FindWord(word), 0u) << word;
    EXPECT_EQ(&lexicon.Index().Find(word, EventLexicon::Head(word)), &EventLexicon::kNoWord) << word;
  }
}

// Words longer than sixteen bytes are told apart by their middle bytes too (head and tail are equal here), and
// a lexicon of many words (several per group of slots) still finds each of them.
TEST(EventLexicon, WordIndexComparesLongWordsWhole) {
  std::string blob = "E\tV\tASSAULT\t-\t-\t190\t-\tattack\n";
  blob += "F\t0\tB\tabcdefghMIDDLE1xstuvwxyz\n";
  blob += "F\t0\tB\tabcdefghMIDDLE2xstuvwxyz\n";
  for (int i = 0; i < 300; ++i) blob += "C\tword" + std::to_string(i) + "\tDET\n";
  Result<EventLexicon> built = EventLexicon::FromBlob(blob);
  ASSERT_TRUE(built.ok()) << built.status().message();
  const EventLexicon& lexicon = built.value();
  const uint32_t one = lexicon.FindWord("abcdefghMIDDLE1xstuvwxyz");
  const uint32_t two = lexicon.FindWord("abcdefghMIDDLE2xstuvwxyz");
  EXPECT_NE(one, 0u);
  EXPECT_NE(two, 0u);
  EXPECT_NE(one, two);
  EXPECT_EQ(lexicon.FindWord("abcdefghMIDDLE3xstuvwxyz"), 0u);
  EXPECT_EQ(lexicon.FindWord("abcdefghMIDDLE1xstuvwxy"), 0u);
  for (int i = 0; i < 300; ++i) {
    const std::string word = "word" + std::to_string(i);
    const uint32_t id = lexicon.FindWord(word);
    ASSERT_NE(id, 0u) << word;
    EXPECT_EQ(lexicon.word_info(id).cue, kDet) << word;
  }
  EXPECT_EQ(lexicon.FindWord("word300"), 0u);
}

TEST(EventLexicon, CombinationPrefersTheSpecificRow) {
  const EventLexicon& lexicon = EventLexicon::Builtin();
  const Combination* c = lexicon.Combine(Governor::kRefuse, EventType::kConsult);
  ASSERT_NE(c, nullptr);
  EXPECT_EQ(c->cameo, "125");
  EXPECT_EQ(c->mode, "meet");
  const Combination* any = lexicon.Combine(Governor::kRefuse, EventType::kAssault);
  ASSERT_NE(any, nullptr);
  EXPECT_TRUE(any->any_embedded);
  EXPECT_EQ(lexicon.Combine(Governor::kNone, EventType::kAssault), nullptr);
}

TEST(EventLexicon, CorruptBlobIsReportedWithItsLine) {
  Result<EventLexicon> bad = EventLexicon::FromBlob("E\tV\tASSAULT\t-\t-\t190\t-\tattack\nQ\tnonsense\n");
  ASSERT_FALSE(bad.ok());
  EXPECT_NE(bad.status().message().find("line 2"), std::string::npos) << bad.status().message();
  Result<EventLexicon> bad_type = EventLexicon::FromBlob("E\tV\tATTACK\t-\t-\t190\t-\tattack\n");
  EXPECT_FALSE(bad_type.ok());
}

// Every lexicon row carries an example; coding the example must yield an event of the row's type. The rows
// whose example depends on a party the built-in actor dictionary does not know may miss; the share that fires
// is held to a floor so that a regression in the coder or the lexicon shows.
TEST(EventLexicon, EveryExampleCodesItsType) {
  const events_test::Harness& harness = events_test::Harness::Get();
  // The examples are in the compiled blob only as triggers; read them from the source file.
  const std::string path = std::string(ANNALIST_SOURCE_DIR) + "/data/events/events.tsv";
  FILE* f = std::fopen(path.c_str(), "r");
  ASSERT_NE(f, nullptr) << path;
  char line[2048];
  int rows = 0, fired = 0;
  std::string misses;
  while (std::fgets(line, sizeof line, f)) {
    std::string s(line);
    if (s.empty() || s[0] == '#' || s[0] == '\n') continue;
    if (s.back() == '\n') s.pop_back();
    std::vector<std::string> cols;
    size_t start = 0;
    for (size_t tab; (tab = s.find('\t', start)) != std::string::npos; start = tab + 1) cols.push_back(s.substr(start, tab - start));
    cols.push_back(s.substr(start));
    ASSERT_EQ(cols.size(), 8u) << s;
    ++rows;
    std::string example = cols[7];
    example[0] = static_cast<char>(std::toupper(static_cast<unsigned char>(example[0])));
    const Document doc = harness.Code(example + ".");
    bool ok = false;
    for (const Event& e : doc.events) ok |= EventTypeName(e.type) == cols[2];
    if (ok) ++fired;
    else misses += "  " + cols[0] + " (" + cols[2] + "): " + example + "\n";
  }
  std::fclose(f);
  ASSERT_GT(rows, 0);
  const double share = static_cast<double>(fired) / rows;
  std::printf("lexicon examples coded with their type: %d of %d (%.2f)\n", fired, rows, share);
  EXPECT_GE(share, 0.70) << misses;

}

}  // namespace
}  // namespace annalist::events
