#include "core/utf8.h"

#include <gtest/gtest.h>

#include <string>

namespace annalist {
namespace {

TEST(Utf8, ValidTextIsLeftUntouched) {
  std::string text = "Gaza – “quoted” Shuja’iyya 20,000";
  const std::string before = text;
  EXPECT_EQ(SanitizeUtf8(text), 0u);
  EXPECT_EQ(text, before);
}

TEST(Utf8, EachIllFormedSequenceBecomesOneReplacementCharacter) {
  std::string text = "a\xFF" "b\xE2\x80" "c\xC3";  // stray byte, truncated 3-byte sequence, truncated at end
  EXPECT_EQ(SanitizeUtf8(text), 3u);
  EXPECT_EQ(text, "a\uFFFD" "b\uFFFD" "c\uFFFD");
  EXPECT_TRUE(IsValidUtf8(text));
}

TEST(Utf8, OverlongsAndSurrogatesAreReplaced) {
  std::string overlong = "\xC0\xAF";
  SanitizeUtf8(overlong);
  EXPECT_TRUE(IsValidUtf8(overlong));
  EXPECT_EQ(overlong.find('/'), std::string::npos);
  std::string surrogate = "\xED\xA0\x80";
  SanitizeUtf8(surrogate);
  EXPECT_TRUE(IsValidUtf8(surrogate));
}

TEST(Utf8, NulBytesBecomeSpaces) {
  std::string text("a\0b", 3);
  EXPECT_EQ(SanitizeUtf8(text), 1u);
  EXPECT_EQ(text, "a b");
}

TEST(Utf8, DecodeAndAppendRoundTrip) {
  for (char32_t cp : {U'a', U'\u00e9', U'\u2013', U'\U0001F600'}) {
    std::string encoded;
    AppendUtf8(cp, encoded);
    int length = 0;
    EXPECT_EQ(DecodeUtf8(encoded, 0, &length), cp);
    EXPECT_EQ(static_cast<size_t>(length), encoded.size());
  }
}

TEST(Utf8Index, CountsCodePointsNotBytes) {
  std::string text;
  for (int i = 0; i < 50; ++i) text += "é–a";  // 2 + 3 + 1 bytes, 3 code points
  const Utf8Index index(text);
  for (uint32_t i = 0; i <= 50; ++i) EXPECT_EQ(index.CodePointOffset(i * 6), i * 3);
  EXPECT_EQ(index.CodePointOffset(static_cast<uint32_t>(text.size())), 150u);
}

// Counting on from a known offset gives what the index gives, near (a span's end) and far (past a block).
TEST(Utf8Index, CountingOnFromAKnownOffsetAgreesWithTheIndex) {
  std::string text;
  for (int i = 0; i < 40; ++i) text += i % 3 == 0 ? "“Gaza” – " : i % 3 == 1 ? "Shuja’iyya, " : "plain words ";
  const Utf8Index index(text);
  for (uint32_t from = 0; from <= text.size(); from += 3) {
    for (uint32_t to = from; to <= text.size(); to += to - from < 80 ? 1 : 37) {
      ASSERT_EQ(index.CodePointOffsetFrom(from, index.CodePointOffset(from), to), index.CodePointOffset(to))
          << from << " " << to;
    }
  }
}

TEST(Utf8Index, EmptyTextAndBlockBoundaries) {
  EXPECT_EQ(Utf8Index("").CodePointOffset(0), 0u);
  const std::string ascii(128, 'x');
  const Utf8Index index(ascii);
  EXPECT_EQ(index.CodePointOffset(64), 64u);
  EXPECT_EQ(index.CodePointOffset(128), 128u);
}

}  // namespace
}  // namespace annalist

namespace annalist {
namespace {

TEST(Utf8Index, AgreesWithANaiveCountOnRandomText) {
  const char32_t alphabet[] = {U'a', U' ', U'\u00e9', U'\u2013', U'\u201c', U'\U0001F600', U'\u0627'};
  uint32_t seed = 7;
  for (int round = 0; round < 20; ++round) {
    std::string text;
    std::vector<uint32_t> code_point_at;  // code points before each byte offset
    for (int i = 0; i < 300 + round * 37; ++i) {
      seed = seed * 1103515245u + 12345u;
      const size_t before = text.size();
      AppendUtf8(alphabet[(seed >> 16) % 7], text);
      for (size_t b = before; b < text.size(); ++b) code_point_at.push_back(static_cast<uint32_t>(i));
    }
    code_point_at.push_back(code_point_at.empty() ? 0 : code_point_at.back() + 1);
    const Utf8Index index(text);
    for (size_t b = 0; b <= text.size(); ++b) {
      // A character's first byte maps to its own index; the writer only asks at character boundaries.
      if (b == text.size() || (static_cast<unsigned char>(text[b]) & 0xC0) != 0x80) {
        ASSERT_EQ(index.CodePointOffset(static_cast<uint32_t>(b)), code_point_at[b]) << "round " << round;
      }
    }
  }
}

// Every byte offset, inside a character too (counted as started), of texts of every length up to a few
// blocks, so that each way a count can end (whole 16-byte pieces, a masked last piece, the text's last
// bytes one by one) is met; counting on from each offset up to a block later agrees as well.
TEST(Utf8Index, AgreesWithANaiveCountAtEveryOffsetOfEveryLength) {
  const std::string_view pieces[] = {"a", "\u00e9", "\u2019", "\U0001F600", " the ", "\u201c"};
  uint32_t seed = 11;
  std::string text;
  while (text.size() < 200) {
    seed = seed * 1103515245u + 12345u;
    text += pieces[(seed >> 16) % 6];
  }
  for (size_t length = 0; length <= text.size(); ++length) {
    const std::string prefix = text.substr(0, length);  // its own allocation: the index may not read past it
    std::vector<uint32_t> naive(length + 1, 0);
    for (size_t b = 0; b < length; ++b) {
      naive[b + 1] = naive[b] + ((static_cast<unsigned char>(prefix[b]) & 0xC0) != 0x80);
    }
    const Utf8Index index(prefix);
    for (uint32_t b = 0; b <= length; ++b) {
      ASSERT_EQ(index.CodePointOffset(b), naive[b]) << "length " << length << " offset " << b;
      for (uint32_t e = b; e <= length && e <= b + 70; ++e) {
        ASSERT_EQ(index.CodePointOffsetFrom(b, naive[b], e), naive[e])
            << "length " << length << " " << b << "-" << e;
      }
    }
  }
}

}  // namespace
}  // namespace annalist
