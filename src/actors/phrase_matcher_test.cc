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
    matcher.MatchAt(seq, t, &matches);
    if (matches.empty()) continue;
    const PhraseMatch& m = matches.back();
    const uint32_t last = m.end - 1;
    found.push_back(std::to_string(m.value) + ":" +
                    std::string(doc.slice({doc.tokens[t].begin, doc.tokens[last].end})));
    t = last;
  }
  return found;
}

// The tokens where Tokenize lists a start (WordSequence::starts), or the tokens `after` them.
std::vector<std::string> StartTokens(const PhraseMatcher& matcher, std::string_view text, uint32_t after = 0) {
  const Document doc = actors_test::MakeDocument(text);
  WordSequence seq;
  matcher.Tokenize(doc, &seq);
  std::vector<std::string> tokens;
  for (uint32_t t : seq.starts) tokens.emplace_back(doc.token_text(t + after));
  return tokens;
}

TEST(PhraseMatcher, HyphenAndSpaceVariantsOfArabicNamesMatchAlike) {
  PhraseMatcher matcher;
  matcher.Add("Mohammed Al Thani", 1);
  EXPECT_EQ(Find(matcher, "Mohammed al-Thani met Mohammed Al-Thani and Mohammed al Thani."),
            (std::vector<std::string>{"1:Mohammed al-Thani", "1:Mohammed Al-Thani", "1:Mohammed al Thani"}));
}

// A token's later pieces lie after every token's first word (WordSequence::words): a phrase goes from a token's
// first piece to its later ones, and on to the next token's, whichever other tokens were cut before it.
TEST(PhraseMatcher, PhrasesRunThroughThePiecesOfHyphenatedTokens) {
  PhraseMatcher matcher;
  matcher.Add("al-Nusra Front", 1);
  matcher.Add("Jabhat al-Nusra", 2);
  matcher.Add("Abu Mohammad al-Jolani", 3);
  EXPECT_EQ(Find(matcher, "In the north-east, well-armed al-Nusra Front fighters met Jabhat al-Nusra and "
                          "Abu Mohammad al-Jolani's men-at-arms."),
            (std::vector<std::string>{"1:al-Nusra Front", "2:Jabhat al-Nusra", "3:Abu Mohammad al-Jolani"}));
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

// Finish lays out the children of a node with several side by side: the matches are the same before and
// after, and an Add after Finish is found too.
TEST(PhraseMatcher, FinishKeepsTheMatches) {
  PhraseMatcher matcher;
  for (std::string_view name : {"Islamic State", "Islamic Jihad", "Islamic Army", "Islamic Front", "Islamic"}) {
    matcher.Add(name, static_cast<uint32_t>(name.size()));
  }
  const std::string_view text = "Islamic Jihad, Islamic Front, the Islamic Movement and Islamic State.";
  const std::vector<std::string> expected = {"13:Islamic Jihad", "13:Islamic Front", "7:Islamic", "13:Islamic State"};
  EXPECT_EQ(Find(matcher, text), expected);
  matcher.Finish();
  EXPECT_EQ(Find(matcher, text), expected);
  matcher.Add("Islamic Movement", 99);
  EXPECT_EQ(Find(matcher, text),
            (std::vector<std::string>{"13:Islamic Jihad", "13:Islamic Front", "99:Islamic Movement",
                                      "13:Islamic State"}));
  matcher.Finish();
  EXPECT_EQ(Find(matcher, text),
            (std::vector<std::string>{"13:Islamic Jihad", "13:Islamic Front", "99:Islamic Movement",
                                      "13:Islamic State"}));
}

// A word with typographic apostrophes is keyed with ' (WordKey) and keeps its case rule.
TEST(PhraseMatcher, TypographicApostrophesMatchTheTypewriterOne) {
  PhraseMatcher matcher;
  matcher.Add("Ma'arat al-Numan", 1);
  EXPECT_EQ(Find(matcher, "In Ma’arat al-Numan, MA’ARAT AL-NUMAN and ma’arat al-Numan."),
            (std::vector<std::string>{"1:Ma’arat al-Numan", "1:MA’ARAT AL-NUMAN"}));
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

TEST(PhraseMatcher, WordsOfAnyLengthAndScriptAreFound) {
  PhraseMatcher matcher;
  matcher.Add("Internationalisation Commission", 1);  // a word over 16 bytes
  matcher.Add("Erdogan", 2);
  matcher.Add("Abcdefghij", 3);  // over 8 bytes: its key's second half counts
  EXPECT_EQ(Find(matcher, "The internationalisation commission, Erdoğan, ERDOGAN and Abcdefghik."),
            (std::vector<std::string>{"2:Erdoğan", "2:ERDOGAN"}));
  EXPECT_EQ(Find(matcher, "The Internationalisation commission and Abcdefghij."),
            (std::vector<std::string>{"1:Internationalisation commission", "3:Abcdefghij"}));
}

// The starts Tokenize lists: every word a phrase is found at, and a word that only starts longer phrases only
// where the next word may continue it.
TEST(PhraseMatcher, StartsListWhereAPhraseMayBegin) {
  PhraseMatcher matcher;
  matcher.Add("The Times", 1);
  matcher.Add("Hamas", 2);
  // "The war": no phrase "the war"; "hamas": "Hamas" must be capitalized.
  EXPECT_EQ(StartTokens(matcher, "The war and the Times: hamas, Hamas."), (std::vector<std::string>{"the", "Hamas"}));
}

TEST(PhraseMatcher, MarkedWordsAreListedByToken) {
  PhraseMatcher matcher;
  matcher.Add("Islamic State", 1);
  matcher.Mark("it");
  matcher.Mark("state");
  const Document doc = actors_test::MakeDocument("It said Islamic State and it’s it-self IT.");
  WordSequence seq;
  matcher.Tokenize(doc, &seq);
  std::vector<std::string> marked;
  for (uint32_t t : seq.marked) marked.emplace_back(doc.token_text(t));
  // Only a token's first word counts: "State" is the second word of a phrase but the first of its token.
  EXPECT_EQ(marked, (std::vector<std::string>{"It", "State", "it-self", "IT"}));
  EXPECT_NE(matcher.WordId("it"), PhraseMatcher::kUnknownWord);
  EXPECT_EQ(matcher.WordId("self"), PhraseMatcher::kUnknownWord);
  // Marking adds no phrase.
  EXPECT_EQ(Find(matcher, "It said Islamic State."), (std::vector<std::string>{"1:Islamic State"}));
}

// Tokenize leaves unkeyed a lower-case word that starts no phrase in lower case; IdOf and MatchAt look it up
// when they need it, so it still continues a phrase ("security" in "the UN security council").
TEST(PhraseMatcher, LowerCaseWordsThatStartNothingAreLookedUpLate) {
  PhraseMatcher matcher;
  matcher.Add("UN Security Council", 1);
  matcher.Add("troops", 2);
  const Document doc = actors_test::MakeDocument("the UN security council and troops");
  WordSequence seq;
  matcher.Tokenize(doc, &seq);
  EXPECT_EQ(seq.words[2].id, PhraseMatcher::kNotLookedUp);  // "security"
  EXPECT_EQ(matcher.IdOf(seq, 2), matcher.WordId("security"));
  EXPECT_EQ(matcher.IdOf(seq, 4), PhraseMatcher::kUnknownWord);  // "and": in no phrase
  EXPECT_EQ(seq.words[5].id, matcher.WordId("troops"));          // starts a phrase: keyed at once
  EXPECT_EQ(Find(matcher, "the UN security council and troops"),
            (std::vector<std::string>{"1:UN security council", "2:troops"}));
}

// A start whose next word was left unkeyed is kept only when some phrase's second word may be lower case there.
TEST(PhraseMatcher, StartsBeforeUnkeyedWordsNeedALowerCaseSecondWord) {
  PhraseMatcher matcher;
  matcher.Add("The Times", 1);
  matcher.Add("the mediators", 2);
  // "war" and "times" are unkeyed ("Times" must be capitalized); "mediators" may be lower case.
  EXPECT_EQ(StartTokens(matcher, "the war, the times, the mediators", 1), (std::vector<std::string>{"mediators"}));
  EXPECT_EQ(Find(matcher, "the war, the times, the mediators"), (std::vector<std::string>{"2:the mediators"}));
}

// A start of longer phrases only is decided by the word after it, whatever that word is: punctuation, a word
// in no phrase, a word that no phrase has second, a piece of a hyphenated token, or none at the text's end. "a"
// starts only a phrase whose second word is capitalized, "al" one whose second word is in the same token.
TEST(PhraseMatcher, StartsWaitingForTheNextWordAreDecidedByIt) {
  PhraseMatcher matcher;
  matcher.Add("The Times", 1);
  matcher.Add("the mediators", 2);
  matcher.Add("Hamas", 3);
  matcher.Add("A Just Russia", 4);
  matcher.Add("al-Qaida", 5);
  const std::string_view text =
      "the. the Hamas, the al-Times, the mediators and the Times of the al-Qaida, a war, a Just Russia, a. a";
  EXPECT_EQ(StartTokens(matcher, text), (std::vector<std::string>{"Hamas", "the", "the", "al-Qaida", "a"}));
  EXPECT_EQ(StartTokens(matcher, text, 1), (std::vector<std::string>{",", "mediators", "Times", ",", "Just"}));
}

// "the" and "a" start only longer phrases, and they are left unkeyed: the next word, when it may be the second
// of such a phrase, looks back and lists their start. A first word whose phrase goes on with a particle ("chief
// of staff") is looked up itself instead, so that "of" need not be.
TEST(PhraseMatcher, LowerCaseStartsOfLongerPhrasesAreListedByTheNextWord) {
  PhraseMatcher matcher;
  matcher.Add("The Times", 1);
  matcher.Add("the former Yugoslav Republic", 2);
  matcher.Add("chief of staff", 3);
  const std::string_view text = "the Times and the former Yugoslav Republic, the war, the chief of staff";
  EXPECT_EQ(StartTokens(matcher, text), (std::vector<std::string>{"the", "the", "chief"}));
  EXPECT_EQ(Find(matcher, text),
            (std::vector<std::string>{"1:the Times", "2:the former Yugoslav Republic", "3:chief of staff"}));
  const Document doc = actors_test::MakeDocument(text);
  WordSequence seq;
  matcher.Tokenize(doc, &seq);
  EXPECT_EQ(seq.words[8].id, PhraseMatcher::kNotLookedUp);   // "the" before "war"
  EXPECT_EQ(seq.words[13].id, PhraseMatcher::kNotLookedUp);  // "of"
  EXPECT_EQ(matcher.IdOf(seq, 8), matcher.WordId("the"));
}

// Tokenize finds a word of up to three bytes by its first bytes, in a table that must follow the word table's
// growth: a word added before thousands of others is found as well as one added after them.
TEST(PhraseMatcher, ShortWordsAreFoundHoweverManyWordsFollow) {
  PhraseMatcher matcher;
  matcher.Add("the mediators", 1);
  matcher.Add("a b", 2);
  for (int i = 0; i < 5000; ++i) matcher.Add("word" + std::to_string(i), 100 + i);
  matcher.Add("un envoy", 3);
  matcher.Finish();
  EXPECT_EQ(Find(matcher, "The mediators and a b met the UN envoy and word7, not an envoy."),
            (std::vector<std::string>{"1:The mediators", "2:a b", "3:UN envoy", "107:word7"}));
}

}  // namespace
}  // namespace annalist::actors
