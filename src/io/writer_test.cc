#include "io/writer.h"

#include <gtest/gtest.h>

#include <charconv>
#include <cstdint>
#include <cstdio>

#include <string>
#include <vector>

#include "io/record_names.h"

namespace annalist {
namespace {

std::string FormatAs(std::string_view format, const Document& doc) {
  auto formatter = MakeFormatter(format);
  EXPECT_TRUE(formatter.ok()) << formatter.status().ToString();
  std::string out = (*formatter)->Header();
  (*formatter)->Format(doc, out);
  return out;
}

Document ArticleWith(std::string text) {
  Document doc;
  doc.id = "a1";
  doc.date = CivilDate{2023, 12, 21};
  doc.text = std::move(text);
  return doc;
}

TEST(JsonString, EscapesQuotesBackslashesAndControlCharacters) {
  std::string out;
  AppendJsonString("a\"b\\c\nd\te\x01" "f–", out);
  EXPECT_EQ(out, "\"a\\\"b\\\\c\\nd\\te\\u0001f–\"");
}

// Every byte that needs escaping, at every offset of strings of every length up to past the sixteen bytes the
// escaper reads at a time (and of the words it reads below that) and of longer ones, gives what a byte-by-byte
// escaper gives.
TEST(JsonString, EscapesAtEveryOffsetOfStringsOfEveryLength) {
  const auto escaped_byte_by_byte = [](std::string_view text) {
    std::string out = "\"";
    for (const char c : text) {
      const auto u = static_cast<unsigned char>(c);
      if (c == '"' || c == '\\') {
        out += '\\';
        out += c;
      } else if (c == '\n') {
        out += "\\n";
      } else if (u < 0x20) {
        char hex[8];
        std::snprintf(hex, sizeof hex, "\\u%04x", u);
        out += u == '\r' ? "\\r" : u == '\t' ? "\\t" : u == '\b' ? "\\b" : u == '\f' ? "\\f" : hex;
      } else {
        out += c;
      }
    }
    return out + "\"";
  };
  for (const char special : {'"', '\\', '\n', '\x01', '\x1f', '\t'}) {
    std::vector<size_t> lengths = {33, 64};
    for (size_t length = 1; length <= 24; ++length) lengths.push_back(length);
    for (const size_t length : lengths) {
      for (size_t at = 0; at < length; ++at) {
        std::string text(length, 'a');
        text[at] = special;
        text[length - 1 - at / 2] = '\xC3';  // bytes above 0x7F are never escaped
        std::string out;
        AppendJsonString(text, out);
        EXPECT_EQ(out, escaped_byte_by_byte(text)) << "special " << int(special) << " at " << at << " of " << length;
      }
    }
  }
}

// The escaper tests short strings a word at a time; no byte that needs no escape, however near one that does
// (' ' and '!' beside 0x1f, '#' beside '"', 0xa2 and 0xdc with the bits of '"' and '\\'), is taken for one.
TEST(JsonString, BytesThatNeedNoEscapeAreCopiedAsTheyAre) {
  for (int byte = 0x20; byte <= 0xff; ++byte) {
    if (byte == '"' || byte == '\\') continue;
    for (size_t length = 1; length <= 20; ++length) {
      const std::string text(length, static_cast<char>(byte));
      std::string out;
      AppendJsonString(text, out);
      ASSERT_EQ(out, "\"" + text + "\"") << "byte " << byte << " length " << length;
    }
  }
}

// Hundredths (the places stage's coordinates) take a short path; every value must still print as std::to_chars
// prints it, or as an integer when integral.
TEST(JsonNumber, PrintsWhatToCharsPrints) {
  const auto reference = [](double value) {
    char buffer[32];
    if (value == static_cast<double>(static_cast<int64_t>(value))) {
      return std::string(buffer, std::to_chars(buffer, buffer + sizeof buffer, static_cast<int64_t>(value)).ptr);
    }
    return std::string(buffer, std::to_chars(buffer, buffer + sizeof buffer, value).ptr);
  };
  std::vector<double> values;
  for (int64_t k = -40000; k <= 40000; k += 7) values.push_back(static_cast<double>(k) / 100);  // coordinates
  for (double v : {0.01, -0.01, 0.1, -0.05, 123456789.12, -987654321.5, 999999999.99, 1e9 + 0.5, 1e12 + 0.25,
                   31.415926, 1.0 / 3, 2.5e-7, 8500.5, 1e20, -1e-300}) {
    values.push_back(v);
  }
  for (const double value : values) {
    std::string out;
    AppendJsonNumber(value, out);
    EXPECT_EQ(out, reference(value)) << value;
  }
}

TEST(JsonLines, EmptyLayersGiveTheRecordShape) {
  EXPECT_EQ(FormatAs("jsonl", ArticleWith("Nothing happened.")),
            "{\"id\":\"a1\",\"date\":\"2023-12-21\",\"events\":[],\"quantities\":[],\"places\":[],\"times\":[]}\n");
}

TEST(JsonLines, ErrorDocumentGivesIdAndErrorOnly) {
  Document doc;
  doc.id = "doc-7";
  doc.error = "line 7: not valid JSON";
  EXPECT_EQ(FormatAs("jsonl", doc), "{\"id\":\"doc-7\",\"error\":\"line 7: not valid JSON\"}\n");
}

TEST(JsonLines, SpansAreCodePointsAndTextIsTheSlice) {
  Document doc = ArticleWith("“Hostages” – this Wednesday.");
  const size_t begin = doc.text.find("this");
  doc.times.push_back({Span{static_cast<uint32_t>(begin), static_cast<uint32_t>(begin + 14)},
                       DayInterval::Day({2023, 12, 20})});
  const std::string out = FormatAs("jsonl", doc);
  // “, ” and – are one code point each but three bytes: "this" starts at byte 19, code point 13.
  EXPECT_EQ(begin, 19u);
  EXPECT_NE(out.find("{\"text\":\"this Wednesday\",\"value\":\"2023-12-20\",\"span\":[13,27]}"), std::string::npos)
      << out;
}

TEST(JsonLines, QuantityWithActorPlaceAndPartOf) {
  Document doc = ArticleWith("Hamas said 20,000 died in Gaza, 8,000 of them children.");
  doc.actors.push_back({Span{0, 5}, "Hamas", CountryCode::FromString("PSE"), Sector::kREB});
  doc.places.push_back({Span{26, 30}, "Gaza Strip", CountryCode::FromString("PSE"), PlaceKind::kArea, 31.42, 34.33});
  Quantity dead;
  dead.span = {11, 17};
  dead.category = QuantityCategory::kKilled;
  dead.value = 20000;
  dead.claimed_by = 0;
  dead.place = 0;
  Quantity children;
  children.span = {32, 37};
  children.category = QuantityCategory::kKilled;
  children.value = 8000;
  children.who = {46, 54};
  children.part_of = 0;
  children.qualifier = Qualifier::kAbout;
  children.high = 8500.5;
  doc.quantities = {dead, children};
  const std::string out = FormatAs("jsonl", doc);
  EXPECT_NE(out.find("{\"category\":\"killed\",\"value\":20000,\"high\":null,\"qualifier\":\"exact\",\"who\":null,"
                     "\"part_of\":null,\"claimed_by\":{\"text\":\"Hamas\",\"name\":\"Hamas\",\"country\":\"PSE\","
                     "\"sector\":\"REB\",\"span\":[0,5]},\"date\":null,\"place\":{\"text\":\"Gaza\",\"name\":"
                     "\"Gaza Strip\",\"country\":\"PSE\",\"kind\":\"area\",\"lat\":31.42,\"lon\":34.33,"
                     "\"span\":[26,30]},\"span\":[11,17]}"),
            std::string::npos)
      << out;
  EXPECT_NE(out.find("\"value\":8000,\"high\":8500.5,\"qualifier\":\"about\",\"who\":\"children\",\"part_of\":0"),
            std::string::npos)
      << out;
}

// An actor named by several events (written once per document and copied after) reads the same in each, and
// the next document's actors are its own.
TEST(JsonLines, AnActorNamedTwiceIsWrittenTheSameEachTime) {
  const auto with_events = [](std::string text, std::string name) {
    Document doc = ArticleWith(std::move(text));
    doc.actors.push_back({Span{0, 5}, std::move(name), CountryCode::FromString("PSE"), Sector::kREB});
    Event first;
    first.type = EventType::kReject;
    first.actor = 0;
    first.trigger = {6, 14};
    Event second = first;
    second.claimed_by = 0;
    doc.events = {first, second};
    return doc;
  };
  const std::string actor =
      "{\"text\":\"Hamas\",\"name\":\"Hamas\",\"country\":\"PSE\",\"sector\":\"REB\",\"span\":[0,5]}";
  const std::string out = FormatAs("jsonl", with_events("Hamas rejected it.", "Hamas"));
  EXPECT_NE(out.find("\"actor\":" + actor), std::string::npos) << out;
  EXPECT_NE(out.find("\"actor\":" + actor, out.find("\"actor\":" + actor) + 1), std::string::npos) << out;
  EXPECT_NE(out.find("\"claimed_by\":" + actor), std::string::npos) << out;
  const std::string next = FormatAs("jsonl", with_events("Fatah rejected it.", "Fatah"));
  EXPECT_EQ(next.find("Hamas"), std::string::npos) << next;
  EXPECT_NE(next.find("\"claimed_by\":{\"text\":\"Fatah\""), std::string::npos) << next;
}

// A place named by an event is written there first (events come before places in the record) and copied
// into the places list.
TEST(JsonLines, APlaceNamedByAnEventReadsTheSameInThePlacesList) {
  Document doc = ArticleWith("Hamas rejected it in Gaza.");
  doc.places.push_back({Span{21, 25}, "Gaza Strip", CountryCode::FromString("PSE"), PlaceKind::kArea, 31.42, 34.3});
  Event event;
  event.type = EventType::kReject;
  event.place = 0;
  event.trigger = {6, 14};
  doc.events = {event};
  const std::string place = "{\"text\":\"Gaza\",\"name\":\"Gaza Strip\",\"country\":\"PSE\",\"kind\":\"area\","
                            "\"lat\":31.42,\"lon\":34.3,\"span\":[21,25]}";
  const std::string out = FormatAs("jsonl", doc);
  EXPECT_NE(out.find("\"place\":" + place), std::string::npos) << out;
  EXPECT_NE(out.find("\"places\":[" + place + "]"), std::string::npos) << out;
}

// A record far larger than the writer's first buffer (it grows while copying already written actors), then a
// small one after it.
TEST(JsonLines, ARecordOfManyEventsIsWhole) {
  Document doc = ArticleWith("Hamas rejected it.");
  doc.actors.push_back({Span{0, 5}, "Hamas", CountryCode::FromString("PSE"), Sector::kREB});
  Event event;
  event.type = EventType::kReject;
  event.actor = 0;
  event.trigger = {6, 14};
  doc.events.assign(20000, event);
  const std::string out = FormatAs("jsonl", doc);
  const std::string actor =
      "\"actor\":{\"text\":\"Hamas\",\"name\":\"Hamas\",\"country\":\"PSE\",\"sector\":\"REB\",\"span\":[0,5]}";
  size_t count = 0;
  for (size_t at = out.find(actor); at != std::string::npos; at = out.find(actor, at + 1)) ++count;
  EXPECT_EQ(count, 20000u);
  EXPECT_EQ(out.substr(out.size() - 12), "\"times\":[]}\n");
  EXPECT_EQ(FormatAs("jsonl", ArticleWith("Nothing happened.")),
            "{\"id\":\"a1\",\"date\":\"2023-12-21\",\"events\":[],\"quantities\":[],\"places\":[],\"times\":[]}\n");
}

TEST(JsonLines, NumbersPrintAsIntegersWhenIntegral) {
  Document doc = ArticleWith("100,000 fled.");
  Quantity fled;
  fled.span = {0, 7};
  fled.category = QuantityCategory::kDisplaced;
  fled.value = 100000;
  fled.high = 1.5e6;
  doc.quantities = {fled};
  doc.places.push_back({Span{8, 12}, "X", CountryCode(), PlaceKind::kArea, -0.5, 1e-7});
  const std::string out = FormatAs("jsonl", doc);
  EXPECT_NE(out.find("\"value\":100000,\"high\":1500000,"), std::string::npos) << out;
  EXPECT_NE(out.find("\"lat\":-0.5,\"lon\":1e-07,"), std::string::npos) << out;
}

TEST(JsonLines, EventWithNullsAndContexts) {
  Document doc = ArticleWith("Hamas refused talks.");
  doc.actors.push_back({Span{0, 5}, "Hamas", CountryCode::FromString("PSE"), Sector::kREB});
  Event event;
  event.trigger = {6, 13};
  event.type = EventType::kReject;
  event.mode = "meet";
  event.contexts = {"diplomatic"};
  event.cameo = "125";
  event.actor = 0;
  event.status = EventStatus::kRefused;
  event.date = DayInterval::Day({2023, 12, 21});
  doc.events.push_back(event);
  const std::string out = FormatAs("jsonl", doc);
  EXPECT_NE(out.find("{\"type\":\"REJECT\",\"mode\":\"meet\",\"context\":[\"diplomatic\"],\"cameo\":\"125\","
                     "\"actor\":{\"text\":\"Hamas\",\"name\":\"Hamas\",\"country\":\"PSE\",\"sector\":\"REB\","
                     "\"span\":[0,5]},\"recipient\":null,\"date\":\"2023-12-21\",\"place\":null,"
                     "\"claimed_by\":null,\"status\":\"refused\",\"trigger\":\"refused\",\"span\":[6,13]}"),
            std::string::npos)
      << out;
}

TEST(JsonLines, CarriedFieldsAndWarningsAppear) {
  Document doc = ArticleWith("x");
  doc.date.reset();
  doc.title = "A \"title\"";
  doc.url = "https://example.org/a";
  doc.warnings = {"date \"2023-13-45\" is not a valid YYYY-MM-DD date"};
  const std::string out = FormatAs("jsonl", doc);
  EXPECT_EQ(out,
            "{\"id\":\"a1\",\"date\":null,\"title\":\"A \\\"title\\\"\",\"url\":\"https://example.org/a\","
            "\"events\":[],\"quantities\":[],\"places\":[],\"times\":[],\"warnings\":[\"date \\\"2023-13-45\\\" is "
            "not a valid YYYY-MM-DD date\"]}\n");
}

TEST(EventsCsv, OneRowPerEventWithQuotedFields) {
  Document doc = ArticleWith("Hamas, the group, refused.");
  doc.actors.push_back({Span{0, 16}, "Hamas", CountryCode::FromString("PSE"), Sector::kREB});
  Event event;
  event.trigger = {18, 25};
  event.type = EventType::kReject;
  event.actor = 0;
  event.status = EventStatus::kRefused;
  doc.events = {event, event};
  const std::string out = FormatAs("events-csv", doc);
  const std::string row = "a1,2023-12-21,REJECT,,,\"Hamas, the group\",PSE,REB,,,,,,,,,,refused,refused,18,25,\n";
  EXPECT_EQ(out.substr(out.find('\n') + 1), row + row);
}

TEST(EventsCsv, ErrorDocumentGivesOneRowWithTheError) {
  Document doc;
  doc.id = "doc-2";
  doc.error = "no \"text\" field";
  const std::string out = FormatAs("events-csv", doc);
  EXPECT_EQ(out.substr(out.find('\n') + 1), "doc-2,,,,,,,,,,,,,,,,,,,,,\"no \"\"text\"\" field\"\n");
}

std::vector<std::string> SplitTabs(const std::string& line) {
  std::vector<std::string> fields(1);
  for (char c : line) {
    if (c == '\t') fields.emplace_back();
    else fields.back() += c;
  }
  return fields;
}

TEST(Gdelt, SixtyOneColumnsWithCameoCodesQuadClassAndPlace) {
  Document doc = ArticleWith("Israeli jets struck Gaza.");
  doc.url = "https://example.org/a1";
  doc.actors.push_back({Span{0, 12}, {}, CountryCode::FromString("ISR"), Sector::kMIL});
  doc.places.push_back({Span{20, 24}, "Gaza", CountryCode::FromString("PSE"), PlaceKind::kCity, 31.5, 34.47});
  Event event;
  event.trigger = {13, 19};
  event.type = EventType::kAssault;
  event.cameo = "195";
  event.actor = 0;
  event.place = 0;
  event.date = DayInterval::Day(CivilDate{2023, 12, 20});
  doc.events = {event};
  const std::string out = FormatAs("gdelt", doc);
  ASSERT_FALSE(out.empty());
  ASSERT_EQ(out.back(), '\n');
  const std::vector<std::string> f = SplitTabs(out.substr(0, out.size() - 1));
  ASSERT_EQ(f.size(), 61u);
  EXPECT_EQ(f[1], "20231220");    // SQLDATE: the event's own date
  EXPECT_EQ(f[2], "202312");
  EXPECT_EQ(f[5], "ISRMIL");      // Actor1Code
  EXPECT_EQ(f[6], "Israeli jets");
  EXPECT_EQ(f[7], "ISR");
  EXPECT_EQ(f[12], "MIL");        // Actor1Type1Code
  EXPECT_EQ(f[15], "");           // no Actor2
  EXPECT_EQ(f[25], "0");          // IsRootEvent: this document has no sentence layer, so no lead sentence
  EXPECT_EQ(f[26], "195");
  EXPECT_EQ(f[27], "195");
  EXPECT_EQ(f[28], "19");
  EXPECT_EQ(f[29], "4");          // material conflict
  EXPECT_EQ(f[30], "-10.0");
  EXPECT_EQ(f[51], "4");          // ActionGeo_Type: a city outside the US
  EXPECT_EQ(f[52], "Gaza");
  EXPECT_EQ(f[53], "PSE");
  EXPECT_EQ(f[56], "31.5000");
  EXPECT_EQ(f[57], "34.4700");
  EXPECT_EQ(f[59], "20231221000000");
  EXPECT_EQ(f[60], "https://example.org/a1");
  // Stable ids: the same document formats to the same bytes.
  EXPECT_EQ(FormatAs("gdelt", doc), out);
}

TEST(Gdelt, ErrorDocumentGivesNoRowAndTabsInTextAreSpaces) {
  Document error;
  error.id = "doc-2";
  error.error = "no text";
  EXPECT_EQ(FormatAs("gdelt", error), "");
  Document doc = ArticleWith("The\tarmy attacked.");
  doc.actors.push_back({Span{0, 8}, {}, CountryCode(), Sector::kMIL});
  Event event;
  event.trigger = {9, 17};
  event.actor = 0;
  doc.events = {event};
  const std::vector<std::string> f = SplitTabs(FormatAs("gdelt", doc));
  ASSERT_EQ(f.size(), 61u);
  EXPECT_EQ(f[6], "The army");
}

TEST(Formatter, UnknownNameIsAnError) { EXPECT_FALSE(MakeFormatter("xml").ok()); }

TEST(RecordNames, EveryNameParsesBack) {
  for (int i = 0; i <= static_cast<int>(EventType::kAssault); ++i) {
    EXPECT_EQ(ParseEventType(EventTypeName(static_cast<EventType>(i))), static_cast<EventType>(i));
  }
  for (int i = 1; i <= static_cast<int>(Sector::kHLH); ++i) {
    EXPECT_EQ(ParseSector(SectorName(static_cast<Sector>(i))), static_cast<Sector>(i));
  }
  EXPECT_FALSE(ParseSector(""));
  EXPECT_EQ(ParseQualifier("more_than"), Qualifier::kMoreThan);
  EXPECT_EQ(ParseQuantityCategory("participants"), QuantityCategory::kParticipants);
}

}  // namespace
}  // namespace annalist
