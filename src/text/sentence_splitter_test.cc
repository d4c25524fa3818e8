#include "text/sentence_splitter.h"

#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include <string>
#include <string_view>
#include <vector>

#include "text/tokenizer.h"

namespace annalist {
namespace {

std::vector<std::string> Sentences(std::string_view text) {
  std::vector<Token> tokens;
  std::vector<Sentence> sentences;
  Tokenize(text, tokens);
  SplitSentences(text, tokens, sentences);
  std::vector<std::string> result;
  for (const Sentence& sentence : sentences) {
    result.emplace_back(text.substr(sentence.span.begin, sentence.span.size()));
  }
  return result;
}

struct SplitCase {
  std::string_view text;
  std::vector<std::string> sentences;
};

// How a text splits into sentences. One row per rule.
const SplitCase kSplitCases[] = {
    // Terminal marks before a sentence opener.
    {"Troops entered the town. Residents fled.", {"Troops entered the town.", "Residents fled."}},
    {"What now? Nobody knows!", {"What now?", "Nobody knows!"}},
    {"Really?! Yes.", {"Really?!", "Yes."}},
    {"The toll rose to 20,000. 52,600 people were hurt.",
     {"The toll rose to 20,000.", "52,600 people were hurt."}},
    {"Prices rose 1.2 percent. Wages fell.", {"Prices rose 1.2 percent.", "Wages fell."}},
    {"It cost 5 dollars. $5 is a lot.", {"It cost 5 dollars.", "$5 is a lot."}},
    {"It ended. (Officials denied it.) Talks resumed.",
     {"It ended.", "(Officials denied it.)", "Talks resumed."}},
    {"قال المتحدث. وأضاف", {"قال المتحدث.", "وأضاف"}},
    {"see page 5. and more", {"see page 5. and more"}},  // a lower-case word opens no sentence
    {"He waited… Then sirens sounded.", {"He waited…", "Then sirens sounded."}},
    {"He waited … and then left.", {"He waited … and then left."}},
    // Titles never end a sentence; initials and initialisms end one only before an opener.
    {"Gen. Smith arrived in Gaza. He spoke.", {"Gen. Smith arrived in Gaza.", "He spoke."}},
    {"Mr. Haniyeh met Lt. Col. Ahmed on Monday.", {"Mr. Haniyeh met Lt. Col. Ahmed on Monday."}},
    {"Dr. Ali treated him.", {"Dr. Ali treated him."}},
    {"The U.N. Security Council met.", {"The U.N. Security Council met."}},
    {"U.S. officials said the talks stalled.", {"U.S. officials said the talks stalled."}},
    {"The talks were in the U.S. The next day they collapsed.",
     {"The talks were in the U.S.", "The next day they collapsed."}},
    {"Aid reached the U.N. However, it was late.", {"Aid reached the U.N.", "However, it was late."}},
    {"George W. Bush met J. K. Rowling.", {"George W. Bush met J. K. Rowling."}},
    {"Apple Inc. said profits rose.", {"Apple Inc. said profits rose."}},
    {"He joined Apple Inc. The deal closed.", {"He joined Apple Inc.", "The deal closed."}},
    {"The talks are set for Jan. 5 in Cairo.", {"The talks are set for Jan. 5 in Cairo."}},
    {"according to News Corp. “If I must,” he said.", {"according to News Corp.", "“If I must,” he said."}},
    {"the U.S. “war on terror” failed.", {"the U.S. “war on terror” failed."}},
    {"He lives on Main St. He walks.", {"He lives on Main St.", "He walks."}},
    {"They visited St. Petersburg.", {"They visited St. Petersburg."}},
    {"No. 10 said no. The minister agreed.", {"No. 10 said no.", "The minister agreed."}},
    // Quotes.
    {"“There will only be talks after a truce,” a spokesperson told Efe.",
     {"“There will only be talks after a truce,” a spokesperson told Efe."}},
    {"“We will not negotiate.” said the group.", {"“We will not negotiate.” said the group."}},
    {"He said: \"The war goes on.\" Then he left.", {"He said: \"The war goes on.\"", "Then he left."}},
    {"It ended. \"We won,\" he said.", {"It ended.", "\"We won,\" he said."}},
    {"“Enough!” The crowd dispersed.", {"“Enough!”", "The crowd dispersed."}},
    {"He called it ‘a crime.’ Others agreed.", {"He called it ‘a crime.’", "Others agreed."}},
    {"They left. “Never again,” she said.", {"They left.", "“Never again,” she said."}},
    {"Rockets fell (three were intercepted). Sirens sounded.",
     {"Rockets fell (three were intercepted).", "Sirens sounded."}},
    // Line breaks always end a sentence; a bracketed line is one sentence.
    {"Hamas refused the offer\nEFE", {"Hamas refused the offer", "EFE"}},
    {"Israel strikes Gaza\n\nThe army said it struck 200 targets.",
     {"Israel strikes Gaza", "The army said it struck 200 targets."}},
    {"Hamas refused.\n(Read also: Talks stall. Israel says no)\nThe war goes on.",
     {"Hamas refused.", "(Read also: Talks stall. Israel says no)", "The war goes on."}},
    {"(You can read: Netanyahu promises to continue war in Gaza until the end despite truce negotiations)",
     {"(You can read: Netanyahu promises to continue war in Gaza until the end despite truce negotiations)"}},
    {"(Aid arrived. It was late.)\n", {"(Aid arrived. It was late.)"}},
    {"(Aid arrived. It was late) and then", {"(Aid arrived.", "It was late) and then"}},  // not a whole line
    {"Smoke billows over Khan Younis. See also Hamas releases prisoners",
     {"Smoke billows over Khan Younis.", "See also Hamas releases prisoners"}},
    // Degenerate input.
    {"", {}},
    {"  \n\n ", {}},
    {"...", {"..."}},
    {". . .", {". . ."}},
    {"\nEFE\n", {"EFE"}},
};

TEST(SentenceSplitterTest, Splits) {
  for (const SplitCase& c : kSplitCases) {
    EXPECT_THAT(Sentences(c.text), testing::ElementsAreArray(c.sentences)) << "text: " << c.text;
  }
}

TEST(SentenceSplitterTest, SentencesCoverTokens) {
  const std::string_view text = "Gen. Smith arrived. He spoke.\n\nEFE";
  std::vector<Token> tokens;
  std::vector<Sentence> sentences;
  Tokenize(text, tokens);
  SplitSentences(text, tokens, sentences);
  ASSERT_EQ(sentences.size(), 3u);
  EXPECT_EQ(sentences[0].token_begin, 0u);
  for (size_t i = 1; i < sentences.size(); ++i) {
    EXPECT_EQ(sentences[i].token_begin, sentences[i - 1].token_end);
  }
  EXPECT_EQ(sentences.back().token_end, tokens.size());
  EXPECT_EQ(sentences[2].span, (Span{31, 34}));
}

}  // namespace
}  // namespace annalist
