#include "actors/phrase_matcher.h"

#include <gtest/gtest.h>

#include "actors/test_util.h"

namespace annalist::actors {
namespace {

// The phrases found in `text`, as "value:text" strings, longest at each token.
std::vector<std::string> Find(const PhraseMatcher& matcher, std::string_view text) {
  const Document doc = actors_test::MakeDocument(text);
  WordSequence seq;
  matcher.Tokenize(doc, &seq);
  std::vector<std::string> found;
  std::vector<PhraseMatch> matches;
  for (uint32_t t = 0; t < doc.tokens.size(); ++t) {
    matches.clear();
    matcher.MatchAt(seq, seq.first_word[t], &matches);
    if (matches.empty()) continue;
    const PhraseMatch& m = matches.back();
    const uint32_t last = seq.words[m.end - 1].token;
    found.push_back(std::to_string(m.value) + ":" +
                    std::string(doc.slice({doc.tokens[t].begin, doc.tokens[last].end})));
    t = last;
  }
  return found;
}

TEST(PhraseMatcher, HyphenAndSpaceVariantsOfArabicNamesMatchAlike) {
  PhraseMatcher matcher;
  matcher.Add("Mohammed Al Thani", 1);
  EXPECT_EQ(Find(matcher, "Mohammed al-Thani met Mohammed Al-Thani and Mohammed al Thani."),
            (std::vector<std::string>{"1:Mohammed al-Thani", "1:Mohammed Al-Thani", "1:Mohammed al Thani"}));
}

TEST(PhraseMatcher, AcronymsMatchOnlyInCapitals) {
  PhraseMatcher matcher;
  matcher.Add("US", 1);
  EXPECT_EQ(Find(matcher, "The US told us."), (std::vector<std::string>{"1:US"}));
}

TEST(PhraseMatcher, CapitalizedFirstWordMustBeCapitalized) {
  PhraseMatcher matcher;
  matcher.Add("Hunt", 1);
  matcher.Add("UN Security Council", 2);
  EXPECT_EQ(Find(matcher, "The hunt, said Hunt, and the UN security council."),
            (std::vector<std::string>{"1:Hunt", "2:UN security council"}));
}

TEST(PhraseMatcher, LongestPhraseWinsAndPossessiveIsAWord) {
  PhraseMatcher matcher;
  matcher.Add("Islamic State", 1);
  matcher.Add("Islamic", 2);
  matcher.Add("UN Children's Fund", 3);
  EXPECT_EQ(Find(matcher, "Islamic State and the UN children’s fund."),
            (std::vector<std::string>{"1:Islamic State", "3:UN children’s fund"}));
}

TEST(PhraseMatcher, ALeadingParticleDoesNotLiftTheCapital) {
  PhraseMatcher matcher;
  matcher.Add("The Times", 1);
  matcher.Add("al-Qaida", 2);
  EXPECT_EQ(Find(matcher, "At the times of al-qaida, The Times and Al-Qaida."),
            (std::vector<std::string>{"1:The Times", "2:Al-Qaida"}));
}

TEST(PhraseMatcher, DiacriticsAreFolded) {
  PhraseMatcher matcher;
  matcher.Add("Recep Tayyip Erdogan", 1);
  EXPECT_EQ(Find(matcher, "Recep Tayyip Erdoğan spoke."), (std::vector<std::string>{"1:Recep Tayyip Erdoğan"}));
}

TEST(PhraseMatcher, NeverMatchesInsideAToken) {
  PhraseMatcher matcher;
  matcher.Add("Russian", 1);
  EXPECT_TRUE(Find(matcher, "Anti-Russian sentiment.").empty());
}

}  // namespace
}  // namespace annalist::actors
