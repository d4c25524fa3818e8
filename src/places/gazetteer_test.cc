#include "places/gazetteer.h"

#include <gtest/gtest.h>

#include <chrono>
#include <cstring>
#include <string>
#include <vector>

#include "places/normalize.h"

namespace annalist {
namespace {

TEST(GazetteerTest, EmbeddedBlobLoadsFast) {
  const auto start = std::chrono::steady_clock::now();
  Result<Gazetteer> g = Gazetteer::LoadEmbedded();
  const auto ms = std::chrono::duration<double, std::milli>(std::chrono::steady_clock::now() - start).count();
  ASSERT_TRUE(g.ok()) << g.status().ToString();
  EXPECT_GT(g->entry_count(), 150000u);
  EXPECT_LT(ms, 1000.0);  // the budget is 100 ms in Release; sanitizer builds are slower
}

TEST(GazetteerTest, FindsSpellingVariantsOfOnePlace) {
  Result<Gazetteer> g = Gazetteer::LoadEmbedded();
  ASSERT_TRUE(g.ok());
  for (const char* spelling : {"shujayya", "shejaiya", "shujaiyya"}) {
    const Gazetteer::Hit hit = g->Find(places::HashKey(spelling));
    ASSERT_FALSE(hit.postings.empty()) << spelling;
    const auto& e = g->entry(hit.postings[0] & places::kPostingEntryMask);
    EXPECT_EQ(g->name(e), "Shuja'iyya") << spelling;
    EXPECT_EQ(Gazetteer::Country(e).view(), "PSE");
  }
  EXPECT_TRUE(g->Find(places::HashKey("deir ez")).flags & places::kSlotPrefix);
  EXPECT_TRUE(g->Find(places::HashKey("no such place anywhere")).postings.empty());
}

TEST(GazetteerTest, CorruptBlobsAreRefusedWithAReason) {
  Result<Gazetteer> g = Gazetteer::LoadEmbedded();
  ASSERT_TRUE(g.ok());
  std::vector<uint64_t> storage(64, 0);
  std::string_view empty(reinterpret_cast<const char*>(storage.data()), 8);
  EXPECT_EQ(Gazetteer::FromBytes(empty).status().code(), Status::Code::kCorruption);
  std::string_view zeros(reinterpret_cast<const char*>(storage.data()), storage.size() * 8);
  Result<Gazetteer> bad = Gazetteer::FromBytes(zeros);
  ASSERT_FALSE(bad.ok());
  EXPECT_NE(bad.status().message().find("magic"), std::string::npos);
  // A good header whose sections point past the end.
  std::memcpy(storage.data(), places::kBlobMagic, 8);
  auto* header = reinterpret_cast<places::BlobHeader*>(storage.data());
  header->version = places::kBlobVersion;
  header->entry_count = 1000;
  header->entries_offset = 48;
  EXPECT_EQ(Gazetteer::FromBytes(zeros).status().code(), Status::Code::kCorruption);
  header->version = 99;
  EXPECT_NE(Gazetteer::FromBytes(zeros).status().message().find("version"), std::string::npos);
}

}  // namespace
}  // namespace annalist
