#include "cli/flags.h"

#include <gtest/gtest.h>

namespace annalist {
namespace {

struct Parsed {
  std::string out;
  bool quiet = false;
};

std::vector<Flag> TestFlags(Parsed& parsed) {
  return {
      {"out", "FILE", "where to write", [&](std::string_view v) { parsed.out = std::string(v); return Status::Ok(); }},
      {"quiet", "", "no progress", [&](std::string_view) { parsed.quiet = true; return Status::Ok(); }},
      {"bad", "X", "always refuses", [](std::string_view) { return Status::InvalidInput("no good"); }},
  };
}

TEST(Flags, ValuesSwitchesAndPositionalsInAnyOrder) {
  Parsed parsed;
  auto positional = ParseFlags({"a.jsonl", "--out", "x", "-", "--quiet", "b"}, TestFlags(parsed));
  ASSERT_TRUE(positional.ok());
  EXPECT_EQ(*positional, (std::vector<std::string>{"a.jsonl", "-", "b"}));
  EXPECT_EQ(parsed.out, "x");
  EXPECT_TRUE(parsed.quiet);
}

TEST(Flags, InlineValueAndDoubleDash) {
  Parsed parsed;
  auto positional = ParseFlags({"--out=y", "--", "--quiet"}, TestFlags(parsed));
  ASSERT_TRUE(positional.ok());
  EXPECT_EQ(parsed.out, "y");
  EXPECT_FALSE(parsed.quiet);
  EXPECT_EQ(*positional, (std::vector<std::string>{"--quiet"}));
}

TEST(Flags, ErrorsNameTheFlag) {
  Parsed parsed;
  EXPECT_EQ(ParseFlags({"--nope"}, TestFlags(parsed)).status().message(), "unknown option '--nope'");
  EXPECT_EQ(ParseFlags({"--out"}, TestFlags(parsed)).status().message(), "option '--out' needs a value (FILE)");
  EXPECT_EQ(ParseFlags({"--quiet=1"}, TestFlags(parsed)).status().message(), "option '--quiet' takes no value");
  EXPECT_EQ(ParseFlags({"--bad", "1"}, TestFlags(parsed)).status().message(), "--bad: no good");
}

TEST(Flags, HelpListsEveryFlagWithItsArgument) {
  Parsed parsed;
  const std::string help = FlagsHelp(TestFlags(parsed));
  EXPECT_NE(help.find("--out FILE"), std::string::npos);
  EXPECT_NE(help.find("where to write"), std::string::npos);
  EXPECT_NE(help.find("--quiet"), std::string::npos);
}

}  // namespace
}  // namespace annalist
