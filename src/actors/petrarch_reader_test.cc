#include "actors/petrarch_reader.h"

#include <gtest/gtest.h>

#include <cstdlib>
#include <filesystem>

#include "actors/actor_recognizer.h"
#include "actors/test_util.h"

namespace annalist {
namespace {

std::string SharedDir() {
  const char* env = std::getenv("ANNALIST_SHARED_DIR");
  return env ? env : ANNALIST_SHARED_DIR;
}

// Written for this test in the format of design/petrarch-dictionaries.md, not copied from Phoenix.
constexpr std::string_view kActors =
    "# a comment\n"
    "FREEDONIA_  [FRE]\n"
    "+FREEDONIAN_\n"
    "RUFUS_T_FIREFLY  # the leader\n"
    "+PRESIDENT_FIREFLY_\n"
    "\t[FREELI 19300101-19330101]\n"
    "\t[FREGOV >330101]\n"
    "<!-- a comment\n"
    "over two lines -->\n"
    "SYLVANIAN_LIBERATION_FRONT_ [IGOREB] [IGONGO 2004017-20061201]\n";

constexpr std::string_view kAgents =
    "!PERSON! = MAN, MEN, WOMAN, WOMEN\n"
    "SPOKES!PERSON! [~GOV]\n"
    "MILITARY_ATTACHE {MILITARY_ATTACHES} [~MIL]\n"
    "POLICE {} [~COP]\n"
    "ARMY [~MIL]\n"
    "HUMAN_RIGHTS_BODY  [NGO~]\n"
    "NO_CODE_HERE\n";

TEST(PetrarchReader, ReadsActorRecordsWithSynonymsAndDatedCodes) {
  ActorDictionary dictionary;
  auto counts = ImportPetrarchActors(kActors, "test.actors.txt", &dictionary);
  ASSERT_TRUE(counts.ok()) << counts.status().ToString();
  EXPECT_EQ(counts->actors, 3u);
  EXPECT_EQ(counts->aliases, 5u);
  EXPECT_EQ(counts->roles, 3u);
  ASSERT_EQ(dictionary.actors().size(), 3u);
  const ActorEntry& freedonia = dictionary.actors()[0];
  EXPECT_EQ(freedonia.name, "Freedonia");
  EXPECT_EQ(freedonia.kind, ActorKind::kCountry);
  EXPECT_EQ(freedonia.country.view(), "FRE");
  const ActorEntry& firefly = dictionary.actors()[1];
  EXPECT_EQ(firefly.name, "Rufus T Firefly");
  EXPECT_EQ(ActorDictionary::Resolve(firefly, CivilDate{1931, 5, 1}).sector, Sector::kGOV);  // ELI → GOV
  // The end of a PETRARCH range is exclusive.
  EXPECT_EQ(firefly.roles[0].last_day, ToDayNumber(CivilDate{1932, 12, 31}));
  const ActorEntry& front = dictionary.actors()[2];
  EXPECT_TRUE(front.country.empty());
  EXPECT_EQ(front.sector, Sector::kIGO);
  EXPECT_EQ(front.roles[0].first_day, ToDayNumber(CivilDate{2020, 4, 1}));  // 7 digits read as YYMMDD
}

TEST(PetrarchReader, ReadsAgentsWithPluralsAndSubstitutions) {
  ActorDictionary dictionary;
  auto counts = ImportPetrarchAgents(kAgents, "test.agents.txt", &dictionary);
  ASSERT_TRUE(counts.ok()) << counts.status().ToString();
  EXPECT_EQ(counts->agents, 8u);  // 4 spokes-forms + attache + police + army + body
  EXPECT_EQ(counts->skipped, 1u);
  const auto& agents = dictionary.agents();
  EXPECT_EQ(agents[0].noun, "spokesman");
  EXPECT_EQ(agents[0].plural, "");
  EXPECT_EQ(agents[4].plural, "military attaches");
  EXPECT_EQ(agents[5].noun, "police");
  EXPECT_EQ(agents[5].plural, "");
  EXPECT_EQ(agents[6].plural, "armies");
  EXPECT_EQ(agents[7].sector, Sector::kNGO);
}

TEST(PetrarchReader, ImportedEntriesAreMatched) {
  ActorDictionary dictionary;
  ASSERT_TRUE(ImportPetrarchActors(kActors, "a", &dictionary).ok());
  ASSERT_TRUE(ImportPetrarchAgents(kAgents, "b", &dictionary).ok());
  dictionary.Finish();
  const ActorRecognizer recognizer(dictionary);
  Document doc = actors_test::MakeDocument("Freedonian army units and President Firefly met.", "1935-01-01");
  recognizer.Process(doc);
  ASSERT_EQ(doc.actors.size(), 2u);
  EXPECT_EQ(doc.slice(doc.actors[0].span), "Freedonian army");
  EXPECT_EQ(doc.actors[0].sector, Sector::kMIL);
  EXPECT_EQ(doc.actors[1].name, "Rufus T Firefly");
}

TEST(PetrarchReader, ReportsABadDate) {
  ActorDictionary dictionary;
  auto counts = ImportPetrarchActors("X_\n\t[USAGOV 20011340-20020101]\n", "bad.txt", &dictionary);
  ASSERT_FALSE(counts.ok());
  EXPECT_NE(counts.status().message().find("bad.txt:2"), std::string::npos) << counts.status().message();
}

// The Phoenix dictionaries, read at test time from shared/ (never copied into the repository).
TEST(PetrarchReader, LoadsEveryPhoenixDictionary) {
  const std::string dir = SharedDir() + "/data/petrarch2/";
  if (!std::filesystem::exists(dir + "Phoenix.agents.txt")) GTEST_SKIP() << "no " << dir;
  struct Expected {
    const char* file;
    size_t actors, aliases, roles, agents;
  };
  // Counts as read on 2026-11-25 from shared/data/petrarch2.
  const Expected expected[] = {
      {"Phoenix.Countries.actors.txt", 18390, 25917, 28067, 0},
      {"Phoenix.International.actors.txt", 7841, 7907, 474, 0},
      {"Phoenix.MilNonState.actors.txt", 1021, 1793, 1, 0},
      {"Phoenix.agents.txt", 0, 0, 0, 3302},
  };
  ActorDictionary dictionary;
  for (const Expected& e : expected) {
    auto counts = ImportPetrarchFile(dir + e.file, &dictionary);
    ASSERT_TRUE(counts.ok()) << counts.status().ToString();
    std::printf("%s: %zu actors, %zu phrases, %zu dated codes, %zu agents, %zu skipped\n", e.file, counts->actors,
                counts->aliases, counts->roles, counts->agents, counts->skipped);
    EXPECT_EQ(counts->actors, e.actors) << e.file;
    EXPECT_EQ(counts->aliases, e.aliases) << e.file;
    EXPECT_EQ(counts->roles, e.roles) << e.file;
    EXPECT_EQ(counts->agents, e.agents) << e.file;
  }
  dictionary.Finish();
  std::printf("merged: %zu actors, %zu agents, %zu phrases\n", dictionary.actors().size(), dictionary.agents().size(),
              dictionary.matcher().phrase_count());
}

}  // namespace
}  // namespace annalist
