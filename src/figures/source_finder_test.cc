#include "figures/source_finder.h"

#include <gtest/gtest.h>

#include <string>

#include "text/segmenter.h"

namespace annalist::figures {
namespace {

// The words of the source that claims the first occurrence of `word` in `text`, or "null".
std::string ClaimantWords(const std::string& text, const std::string& word) {
  Document doc;
  doc.text = text;
  Segmenter().Process(doc);
  const FigureLexicon lexicon;
  SourceMap sources(doc, lexicon);
  const uint32_t offset = static_cast<uint32_t>(text.find(word));
  uint32_t token = 0;
  while (token < doc.tokens.size() && doc.tokens[token].end <= offset) ++token;
  const uint32_t actor = sources.ClaimantOf(token);
  return actor == kNone ? "null" : std::string(doc.slice(doc.actors[actor].span));
}

TEST(SourceFinder, FindsTheSourceFrames) {
  struct Row {
    const char* text;
    const char* word;
    const char* expected;
  };
  const Row rows[] = {
      {"According to Israel, 129 hostages remain in Gaza.", "129", "Israel"},
      {"Gaza has lost 20,000 people, according to Gazan authorities, the ministry said.", "20,000",
       "Gazan authorities"},
      {"At least 15 children have died in Syria, the UN has said, warning of more deaths.", "15", "the UN"},
      {"Eight babies had died, a statement from the UN children’s fund said on Tuesday.", "Eight",
       "the UN children’s fund"},
      {"Kurdish military leaders say as many as 2,000 people fled Baghuz on Tuesday.", "2,000",
       "Kurdish military leaders"},
      {"Turkey, the UN and aid groups have said an assault would displace 800,000 refugees.", "800,000",
       "Turkey"},
      {"Twenty soldiers were killed, said the army spokesman.", "Twenty", "the army spokesman"},
      // Not claims: a passive estimate, a wish, a sentence with no source.
      {"Twenty of whom are estimated to be dead.", "Twenty", "null"},
      {"Hunt said he wanted the fate of two British fighters to be settled.", "two", "null"},
      {"About thirty rockets were launched from the Gaza Strip.", "thirty", "null"},
  };
  for (const Row& row : rows) EXPECT_EQ(ClaimantWords(row.text, row.word), row.expected) << row.text;
}

TEST(SourceFinder, AQuotationIsClaimedByItsSpeakerAndPronounsResolve) {
  const std::string text =
      "The US special envoy for Syria, James Jeffrey, speaking on Monday at the Atlantic Council in "
      "Washington, said the stance was a problem. He said: “The regime has not won. Over 100,000 fighters "
      "are still active.” Others disagree about 300 fighters.";
  EXPECT_EQ(ClaimantWords(text, "100,000"), "James Jeffrey");
  EXPECT_EQ(ClaimantWords(text, "300"), "null");
}

TEST(SourceFinder, UsesTheActorsStageMentionsWhenThere) {
  Document doc;
  doc.text = "Turkey, the UN and aid groups have said 800,000 refugees could flee.";
  Segmenter().Process(doc);
  ActorMention turkey;
  turkey.span = {0, 6};
  turkey.country = CountryCode::FromString("TUR");
  ActorMention un;
  un.span = {12, 14};
  doc.actors = {turkey, un};
  const FigureLexicon lexicon;
  SourceMap sources(doc, lexicon);
  uint32_t token = 0;
  while (doc.token_text(token) != "800,000") ++token;
  EXPECT_EQ(sources.ClaimantOf(token), 0u);
  EXPECT_EQ(doc.actors.size(), 2u);  // nothing appended
}

// The events stage adopts the sources the figures stage kept (Document::claim_sources) instead of finding them
// again; the adopted map must answer as a fresh one built on the same document.
TEST(SourceFinder, AdoptedSourcesAnswerAsARebuiltMap) {
  Document doc;
  doc.text =
      "The US special envoy for Syria, James Jeffrey, speaking on Monday at the Atlantic Council in "
      "Washington, said the stance was a problem. He said: “The regime has not won. Over 100,000 fighters "
      "are still active.” Turkey, the UN and aid groups have said an assault would displace 800,000 refugees. "
      "Eight babies had died, a statement from the UN children’s fund said. Hunt said he wanted two fighters.";
  Segmenter().Process(doc);
  const FigureLexicon lexicon;
  {
    const SourceMap found(doc, lexicon);
    found.SaveTo(doc.claim_sources);
  }
  ASSERT_TRUE(doc.claim_sources.filled);
  ASSERT_FALSE(doc.claim_sources.sources.empty());
  ASSERT_FALSE(doc.claim_sources.quotes.empty());
  const size_t actors = doc.actors.size();
  const SourceMap rebuilt(doc, lexicon);  // what the events stage used to do
  EXPECT_EQ(doc.actors.size(), actors);   // the claimant mentions are found, not added again
  const SourceMap adopted(doc, lexicon, doc.claim_sources);
  ASSERT_EQ(adopted.sources().size(), rebuilt.sources().size());
  for (size_t i = 0; i < rebuilt.sources().size(); ++i) {
    EXPECT_EQ(adopted.sources()[i].verb, rebuilt.sources()[i].verb);
    EXPECT_EQ(adopted.sources()[i].words, rebuilt.sources()[i].words);
    EXPECT_EQ(adopted.sources()[i].actor, rebuilt.sources()[i].actor);
  }
  for (uint32_t t = 0; t < doc.tokens.size(); ++t) EXPECT_EQ(adopted.ClaimantOf(t), rebuilt.ClaimantOf(t)) << t;
  doc.Clear();
  EXPECT_FALSE(doc.claim_sources.filled);
  EXPECT_TRUE(doc.claim_sources.sources.empty());
}

}  // namespace
}  // namespace annalist::figures
