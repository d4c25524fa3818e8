#include "text/tokenizer.h"

#include <gtest/gtest.h>

#include <string>
#include <string_view>
#include <vector>

namespace annalist {
namespace {

// The tokens of `text`, joined by "|".
std::string Tokens(std::string_view text) {
  std::vector<Token> tokens;
  Tokenize(text, tokens);
  std::string joined;
  for (const Token& token : tokens) {
    if (!joined.empty()) joined += '|';
    joined.append(text.substr(token.begin, token.end - token.begin));
  }
  return joined;
}

struct BoundaryCase {
  std::string_view text;
  std::string_view tokens;  // joined by "|"
};

// Where tokens begin and end. One row per rule; the comment says which.
constexpr BoundaryCase kBoundaryCases[] = {
    // Numbers keep their separators; a period joins only before a digit.
    {"20,000 Palestinians", "20,000|Palestinians"},
    {"52,600 injured", "52,600|injured"},
    {"1.2 million people", "1.2|million|people"},
    {"more than 1,200,000.", "more|than|1,200,000|."},
    {"in 2023.", "in|2023|."},
    {"in 2023. Then", "in|2023|.|Then"},
    {"5,10 and 1,2345", "5|,|10|and|1|,|2345"},
    {"on 2023-12-21 at 10:30", "on|2023-12-21|at|10:30"},
    {"24-26 December", "24-26|December"},        // a range stays one number; later stages split it
    {"24–26 December", "24|–|26|December"},      // an en dash is punctuation
    {"a 17-year-old boy", "a|17-year-old|boy"},  // digits running into letters make a word
    {"the 1990s, 3rd and 5bn", "the|1990s|,|3rd|and|5bn"},
    // Words keep inner hyphens and apostrophes.
    {"Mohamed al-Thani", "Mohamed|al-Thani"},
    {"thirty-five rockets", "thirty-five|rockets"},
    {"the Shuja’iyya district", "the|Shuja’iyya|district"},
    {"don't and O'Brien", "don't|and|O'Brien"},
    {"COVID-19 and F-16s", "COVID-19|and|F-16s"},
    {"pro- and anti-war", "pro|-|and|anti-war"},
    {"the US -, Hamas", "the|US|-|,|Hamas"},
    // Possessives split off; contractions do not.
    {"Islamic Jihad's fighters", "Islamic|Jihad|'s|fighters"},
    {"Israel’s war", "Israel|’s|war"},
    {"Hamas's.", "Hamas|'s|."},
    {"the militants’ weapons", "the|militants|’|weapons"},
    {"the militants' weapons", "the|militants|'|weapons"},
    {"2023's toll", "2023|'s|toll"},
    {"the U.K.'s envoy", "the|U.K.|'s|envoy"},
    {"it's over, let’s go, that's all", "it's|over|,|let’s|go|,|that's|all"},
    // Abbreviations keep their period; other periods stand alone.
    {"U.S. officials", "U.S.|officials"},
    {"the U.N. said", "the|U.N.|said"},
    {"Gen. Smith and Mr. Haniyeh", "Gen.|Smith|and|Mr.|Haniyeh"},
    {"Lt. Col. Ahmed in St. Petersburg", "Lt.|Col.|Ahmed|in|St.|Petersburg"},
    {"George W. Bush", "George|W.|Bush"},
    {"at 5 a.m. local time", "at|5|a.m.|local|time"},
    {"the U.S.-led coalition", "the|U.S.-led|coalition"},
    {"Apple Inc. and Acme Corp.", "Apple|Inc.|and|Acme|Corp."},
    {"tanks, jets etc. were", "tanks|,|jets|etc.|were"},
    {"on Jan. 5 and Sept. 9", "on|Jan.|5|and|Sept.|9"},
    {"No. 10 said no.", "No.|10|said|no|."},
    {"No. The answer", "No|.|The|answer"},
    {"told EFE. Later", "told|EFE|.|Later"},
    {"gen. and general.", "gen|.|and|general|."},
    {"theguardian.com", "theguardian|.|com"},
    // Punctuation and symbols.
    {"Qatar – Egypt — US", "Qatar|–|Egypt|—|US"},
    {"“talks,” he said", "“|talks|,|”|he|said"},
    {"\"yes\" and 'no'", "\"|yes|\"|and|'|no|'"},
    {"‘single’ quotes", "‘|single|’|quotes"},
    {"(24 of them) [sic]", "(|24|of|them|)|[|sic|]"},
    {"wait… what... now", "wait|…|what|...|now"},
    {"«Non» he said", "«|Non|»|he|said"},
    {"100% of $5, €3, £4 & 1/2", "100|%|of|$|5|,|€|3|,|£|4|&|1|/|2"},
    // Non-ASCII letters are letters; listed spaces are spaces.
    {"Müller in Łódź", "Müller|in|Łódź"},
    {"قال المتحدث.", "قال|المتحدث|."},
    {"Москва, Київ", "Москва|,|Київ"},
    {"Gaza\u00a0Strip\u2009now", "Gaza|Strip|now"},
    {"co\u00adoperation", "co\u00adoperation"},  // a soft hyphen is part of the word
    {"", ""},
    {" \n\t ", ""},
};

TEST(TokenizerTest, Boundaries) {
  for (const BoundaryCase& c : kBoundaryCases) {
    EXPECT_EQ(Tokens(c.text), c.tokens) << "text: " << c.text;
  }
}

struct PropertyCase {
  std::string_view text;
  std::string_view token;  // the first token with this text
  TokenKind kind;
  uint8_t flags_set;    // TokenFlag bits that must be set
  uint8_t flags_clear;  // and bits that must be clear
};

constexpr uint8_t kCap = kTokenCapitalized;
constexpr uint8_t kCaps = kTokenAllCaps;
constexpr uint8_t kAbbr = kTokenAbbreviation;
constexpr uint8_t kPoss = kTokenPossessive;
constexpr uint8_t kSpace = kTokenSpaceBefore;
constexpr uint8_t kLine = kTokenNewlineBefore;
constexpr uint8_t kPara = kTokenParagraphBefore;
constexpr uint8_t kLow = kTokenLowerAscii;

// Kind and flags of one token.
constexpr PropertyCase kPropertyCases[] = {
    {"20,000 people", "20,000", TokenKind::kNumber, 0, kCap | kCaps},
    {"1.2", "1.2", TokenKind::kNumber, 0, 0},
    {"2023-12-21", "2023-12-21", TokenKind::kNumber, 0, 0},
    {"a 17-year-old", "17-year-old", TokenKind::kWord, kSpace, kCap},
    {"Hamas", "Hamas", TokenKind::kWord, kCap, kCaps | kAbbr},
    {"hamas", "hamas", TokenKind::kWord, 0, kCap | kCaps},
    {"EFE", "EFE", TokenKind::kWord, kCap | kCaps, 0},
    {"the UN", "UN", TokenKind::kWord, kCap | kCaps, 0},
    {"I", "I", TokenKind::kWord, kCap, kCaps},
    {"U.S. officials", "U.S.", TokenKind::kWord, kCap | kCaps | kAbbr, 0},
    {"Gen. Smith", "Gen.", TokenKind::kWord, kCap | kAbbr, kCaps},
    {"George W. Bush", "W.", TokenKind::kWord, kCap | kAbbr, 0},
    {"etc. were", "etc.", TokenKind::kWord, kAbbr, kCap},
    {"Jihad's", "'s", TokenKind::kWord, kPoss, kSpace},
    {"militants’ arms", "’", TokenKind::kWord, kPoss, kSpace},
    {"it's", "it's", TokenKind::kWord, 0, kPoss},
    {"Étienne", "Étienne", TokenKind::kWord, kCap, kCaps},
    {"ÖZGÜR", "ÖZGÜR", TokenKind::kWord, kCap | kCaps, 0},
    {"Москва", "Москва", TokenKind::kWord, kCap, kCaps},
    {"قال", "قال", TokenKind::kWord, 0, kCap | kCaps},
    {"“talks”", "“", TokenKind::kPunct, 0, 0},
    {"wait…", "…", TokenKind::kPunct, 0, kSpace},
    {"Qatar – Egypt", "–", TokenKind::kPunct, kSpace, 0},
    {"(Read", "(", TokenKind::kPunct, 0, 0},
    {"5%", "%", TokenKind::kSymbol, 0, kSpace},
    {"$5", "$", TokenKind::kSymbol, 0, 0},
    {"€5", "€", TokenKind::kSymbol, 0, 0},
    {"£5", "£", TokenKind::kSymbol, 0, 0},
    {"A & B", "&", TokenKind::kSymbol, kSpace, 0},
    {"and/or", "/", TokenKind::kSymbol, 0, kSpace},
    // Words of ASCII a-z and digits from a letter on, and words that look like them but are not.
    {"they said", "said", TokenKind::kWord, kLow, kCap},
    {"a", "a", TokenKind::kWord, kLow, 0},
    {"the g20 met", "g20", TokenKind::kWord, kLow, 0},
    {"militants' arms", "militants", TokenKind::kWord, kLow, 0},
    {"the group's", "group", TokenKind::kWord, kLow, 0},
    {"an extraordinarily long sentence", "extraordinarily", TokenKind::kWord, kLow, 0},
    {"Said", "Said", TokenKind::kWord, kCap, kLow},
    {"iPhone", "iPhone", TokenKind::kWord, 0, kLow | kCap},
    {"don't", "don't", TokenKind::kWord, 0, kLow},
    {"north-east", "north-east", TokenKind::kWord, 0, kLow},
    {"al‑Qaida", "al‑Qaida", TokenKind::kWord, 0, kLow},
    {"café", "café", TokenKind::kWord, 0, kLow},
    {"étude", "étude", TokenKind::kWord, 0, kLow},
    {"1990s", "1990s", TokenKind::kWord, 0, kLow},
    {"etc. were", "etc.", TokenKind::kWord, kAbbr, kLow},
    {"a.m. on", "a.m.", TokenKind::kWord, 0, kLow},
    {"of 20", "20", TokenKind::kNumber, 0, kLow},
    {"a , b", ",", TokenKind::kPunct, 0, kLow},
    // Whitespace before a token.
    {"a b", "b", TokenKind::kWord, kSpace, kLine | kPara},
    {"a,", ",", TokenKind::kPunct, 0, kSpace},
    {"a\u00a0b", "b", TokenKind::kWord, kSpace, kLine},
    {"a\nb", "b", TokenKind::kWord, kSpace | kLine, kPara},
    {"a\r\nb", "b", TokenKind::kWord, kSpace | kLine, kPara},
    {"a\n\nb", "b", TokenKind::kWord, kSpace | kLine | kPara, 0},
    {"a\r\n \r\nb", "b", TokenKind::kWord, kLine | kPara, 0},
};

TEST(TokenizerTest, KindsAndFlags) {
  for (const PropertyCase& c : kPropertyCases) {
    std::vector<Token> tokens;
    Tokenize(c.text, tokens);
    const Token* found = nullptr;
    for (const Token& token : tokens) {
      if (c.text.substr(token.begin, token.end - token.begin) == c.token) {
        found = &token;
        break;
      }
    }
    if (found == nullptr) {
      ADD_FAILURE() << "no token \"" << c.token << "\" in: " << c.text;
      continue;
    }
    EXPECT_EQ(found->kind, c.kind) << c.token << " in: " << c.text;
    EXPECT_EQ(found->flags & c.flags_set, c.flags_set) << c.token << " in: " << c.text;
    EXPECT_EQ(found->flags & c.flags_clear, 0) << c.token << " in: " << c.text;
  }
}

TEST(TokenizerTest, ReplacesPreviousTokens) {
  std::vector<Token> tokens;
  Tokenize("one two three", tokens);
  Tokenize("four", tokens);
  ASSERT_EQ(tokens.size(), 1u);
  EXPECT_EQ(tokens[0].begin, 0u);
  EXPECT_EQ(tokens[0].end, 4u);
}

TEST(TokenizerTest, TextEndingInsideAPattern) {
  // Lookahead must stop at the end of the text.
  for (std::string_view text : {"U.", "U.S", "1,00", "1.", "10:3", "2023-", "Jihad'", "Jihad's", "a-", "No.",
                                "Gen.", "...", "a’", "\xE2\x80\x99"}) {
    std::vector<Token> tokens;
    Tokenize(text, tokens);
    ASSERT_FALSE(tokens.empty()) << text;
    EXPECT_EQ(tokens.back().end, text.size()) << text;
  }
}

}  // namespace
}  // namespace annalist
