#include "actors/actor_dictionary.h"

#include <gtest/gtest.h>

namespace annalist {
namespace {

constexpr std::string_view kActors =
    "# annalist-actors 1\n"
    "# comment\n"
    "Benjamin Netanyahu\tISR\tOPP\tperson\tNetanyahu; Bibi\tGOV 2009-03-31..2021-06-13; GOV 2022-12-29..\n"
    "Staffan de Mistura\t-\tIGO\tperson\t-\tIGO/- 2014-07..2019-01\n"
    "Hamas\tPSE\tREB\torg\tIslamic Resistance Movement\n";

CivilDate Day(int y, int m, int d) { return CivilDate{y, m, d}; }

TEST(ActorDictionary, ReadsEntriesWithAliasesAndRoles) {
  ActorDictionary dictionary;
  ASSERT_TRUE(dictionary.AddText(kActors, "test.tsv").ok());
  ASSERT_EQ(dictionary.actors().size(), 3u);
  const ActorEntry& bibi = dictionary.actors()[0];
  EXPECT_EQ(bibi.name, "Benjamin Netanyahu");
  EXPECT_EQ(bibi.kind, ActorKind::kPerson);
  EXPECT_EQ(bibi.aliases.size(), 2u);
  EXPECT_EQ(bibi.roles.size(), 2u);
  EXPECT_EQ(bibi.origin, "test.tsv:3");
}

TEST(ActorDictionary, RolesResolveAgainstTheArticleDate) {
  ActorDictionary dictionary;
  ASSERT_TRUE(dictionary.AddText(kActors, "test.tsv").ok());
  const ActorEntry& bibi = dictionary.actors()[0];
  EXPECT_EQ(ActorDictionary::Resolve(bibi, Day(2023, 12, 21)).sector, Sector::kGOV);
  EXPECT_EQ(ActorDictionary::Resolve(bibi, Day(2022, 1, 1)).sector, Sector::kOPP);  // between terms
  EXPECT_EQ(ActorDictionary::Resolve(bibi, Day(2021, 6, 13)).sector, Sector::kGOV);  // last day included
  EXPECT_EQ(ActorDictionary::Resolve(bibi, std::nullopt).sector, Sector::kGOV);     // the open role
  EXPECT_EQ(ActorDictionary::Resolve(bibi, Day(2023, 12, 21)).country.view(), "ISR");
}

// The packed per-actor summary the grammar run reads agrees with the entries, and ResolveOnDay by index with
// Resolve on the entry.
TEST(ActorDictionary, SummariesAgreeWithEntries) {
  ActorDictionary dictionary;
  ASSERT_TRUE(dictionary.AddText(kActors, "test.tsv").ok());
  dictionary.Finish();
  ASSERT_EQ(dictionary.summaries().size(), dictionary.actors().size());
  for (uint32_t i = 0; i < dictionary.actors().size(); ++i) {
    const ActorEntry& entry = dictionary.actors()[i];
    const ActorSummary& summary = dictionary.summaries()[i];
    EXPECT_EQ(summary.name_view(), entry.name);
    EXPECT_EQ(summary.alias_count, entry.aliases.size());
    EXPECT_EQ(summary.country, entry.country);
    EXPECT_EQ(summary.sector, entry.sector);
    EXPECT_EQ(summary.kind, entry.kind);
    EXPECT_EQ(summary.has_roles, !entry.roles.empty());
    for (const std::optional<CivilDate>& date : {std::optional<CivilDate>(Day(2022, 1, 1)),
                                                 std::optional<CivilDate>(Day(2023, 12, 21)),
                                                 std::optional<CivilDate>()}) {
      const ResolvedActor by_index =
          dictionary.ResolveOnDay(i, date ? std::optional<int64_t>(ToDayNumber(*date)) : std::nullopt);
      const ResolvedActor by_entry = ActorDictionary::Resolve(entry, date);
      EXPECT_EQ(by_index.country, by_entry.country) << entry.name;
      EXPECT_EQ(by_index.sector, by_entry.sector) << entry.name;
    }
  }
}

TEST(ActorDictionary, RoleCanClearTheCountry) {
  auto role = ParseActorRole("IGO/- 2014..2019-01");
  ASSERT_TRUE(role.ok());
  EXPECT_TRUE(role->sets_country);
  EXPECT_TRUE(role->country.empty());
  EXPECT_EQ(role->first_day, ToDayNumber(Day(2014, 1, 1)));
  EXPECT_EQ(role->last_day, ToDayNumber(Day(2019, 1, 31)));
  EXPECT_FALSE(ParseActorRole("XXX 2014..").ok());
  EXPECT_FALSE(ParseActorRole("GOV 2014").ok());
  EXPECT_FALSE(ParseActorRole("GOV 2019..2014").ok());
}

TEST(ActorDictionary, ReportsFileAndLineOfABadEntry) {
  ActorDictionary dictionary;
  const Status status = dictionary.AddText("# annalist-actors 1\nHamas\tPS\tREB\torg\t-\n", "bad.tsv");
  ASSERT_FALSE(status.ok());
  EXPECT_EQ(status.code(), Status::Code::kCorruption);
  EXPECT_NE(status.message().find("bad.tsv:2"), std::string::npos) << status.message();
  EXPECT_NE(status.message().find("'PS'"), std::string::npos) << status.message();
}

TEST(ActorDictionary, RejectsAFileWithoutItsHeader) {
  ActorDictionary dictionary;
  const Status status = dictionary.AddText("Hamas\tPSE\tREB\torg\t-\n", "x.tsv");
  EXPECT_FALSE(status.ok());
  EXPECT_NE(status.message().find("x.tsv:1"), std::string::npos);
}

TEST(ActorDictionary, MergesEntriesWithTheSameName) {
  ActorDictionary dictionary;
  ASSERT_TRUE(dictionary.AddText(kActors, "a.tsv").ok());
  ASSERT_TRUE(dictionary.AddText("# annalist-actors 1\nHAMAS\tPSE\tREB\torg\tHarakat al-Muqawama\n", "b.tsv").ok());
  EXPECT_EQ(dictionary.actors().size(), 3u);
  EXPECT_EQ(dictionary.actors()[2].aliases.size(), 2u);
}

TEST(ActorDictionary, ReadsAgents) {
  ActorDictionary dictionary;
  ASSERT_TRUE(dictionary
                  .AddText("# annalist-agents 1\ntank\t+\tMIL\tmember\tmilitary\nchild\tchildren\tCVL\tmember\n"
                           "spokesperson\tspokespeople\t-\trole\n",
                           "agents.tsv")
                  .ok());
  ASSERT_EQ(dictionary.agents().size(), 3u);
  EXPECT_EQ(dictionary.agents()[0].plural, "tanks");
  EXPECT_EQ(dictionary.agents()[1].plural, "children");
  EXPECT_EQ(dictionary.agents()[2].kind, AgentKind::kRole);
  EXPECT_FALSE(dictionary.AddText("# annalist-agents 1\ntroop\t+\t-\tmember\n", "bad.tsv").ok());
}

TEST(ActorDictionary, SurnameKeepsItsParticles) {
  EXPECT_EQ(SurnameOf("Staffan de Mistura"), "de Mistura");
  EXPECT_EQ(SurnameOf("Bashar al-Assad"), "al-Assad");
  EXPECT_EQ(SurnameOf("David Barnea"), "Barnea");
  EXPECT_EQ(SurnameOf("Hamas"), "");
  EXPECT_EQ(SurnameOf("Abdullah II"), "");
  EXPECT_EQ(SurnameOf("Moon Jae-in"), "");
  EXPECT_EQ(SurnameOf("Rania of Jordan"), "");
}

}  // namespace
}  // namespace annalist
