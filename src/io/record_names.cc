#include "io/record_names.h"

#include <array>

namespace annalist {
namespace {

constexpr std::array<std::string_view, 17> kSectorNames = {
    "", "GOV", "MIL", "COP", "SPY", "JUD", "LEG", "REB", "OPP", "CVL", "MED", "NGO", "IGO", "BUS", "REL", "REF", "HLH"};
constexpr std::array<std::string_view, 4> kPlaceKindNames = {"country", "admin", "city", "area"};
constexpr std::array<std::string_view, 11> kQuantityCategoryNames = {
    "killed", "injured", "missing", "abducted", "held", "released", "arrested", "displaced", "launched",
    "participants", "other"};
constexpr std::array<std::string_view, 6> kQualifierNames = {"exact",    "about",   "more_than",
                                                             "at_least", "up_to",   "less_than"};
constexpr std::array<std::string_view, 16> kEventTypeNames = {
    "AGREE", "CONSULT", "SUPPORT",  "CONCEDE", "COOPERATE", "AID",      "RETREAT",  "REQUEST",
    "ACCUSE", "REJECT", "THREATEN", "PROTEST", "SANCTION",  "MOBILIZE", "COERCE",   "ASSAULT"};
constexpr std::array<std::string_view, 5> kEventStatusNames = {"occurred", "planned", "refused", "conditional",
                                                               "denied"};

static_assert(static_cast<size_t>(Sector::kHLH) + 1 == kSectorNames.size());
static_assert(static_cast<size_t>(PlaceKind::kArea) + 1 == kPlaceKindNames.size());
static_assert(static_cast<size_t>(QuantityCategory::kOther) + 1 == kQuantityCategoryNames.size());
static_assert(static_cast<size_t>(Qualifier::kLessThan) + 1 == kQualifierNames.size());
static_assert(static_cast<size_t>(EventType::kAssault) + 1 == kEventTypeNames.size());
static_assert(static_cast<size_t>(EventStatus::kDenied) + 1 == kEventStatusNames.size());

template <typename Enum, size_t N>
std::optional<Enum> Find(const std::array<std::string_view, N>& names, std::string_view name) {
  if (name.empty()) return std::nullopt;
  for (size_t i = 0; i < N; ++i) {
    if (names[i] == name) return static_cast<Enum>(i);
  }
  return std::nullopt;
}

}  // namespace

std::string_view SectorName(Sector sector) { return kSectorNames[static_cast<size_t>(sector)]; }
std::string_view PlaceKindName(PlaceKind kind) { return kPlaceKindNames[static_cast<size_t>(kind)]; }
std::string_view QuantityCategoryName(QuantityCategory category) {
  return kQuantityCategoryNames[static_cast<size_t>(category)];
}
std::string_view QualifierName(Qualifier qualifier) { return kQualifierNames[static_cast<size_t>(qualifier)]; }
std::string_view EventTypeName(EventType type) { return kEventTypeNames[static_cast<size_t>(type)]; }
std::string_view EventStatusName(EventStatus status) { return kEventStatusNames[static_cast<size_t>(status)]; }

std::optional<Sector> ParseSector(std::string_view name) { return Find<Sector>(kSectorNames, name); }
std::optional<PlaceKind> ParsePlaceKind(std::string_view name) { return Find<PlaceKind>(kPlaceKindNames, name); }
std::optional<QuantityCategory> ParseQuantityCategory(std::string_view name) {
  return Find<QuantityCategory>(kQuantityCategoryNames, name);
}
std::optional<Qualifier> ParseQualifier(std::string_view name) { return Find<Qualifier>(kQualifierNames, name); }
std::optional<EventType> ParseEventType(std::string_view name) { return Find<EventType>(kEventTypeNames, name); }
std::optional<EventStatus> ParseEventStatus(std::string_view name) {
  return Find<EventStatus>(kEventStatusNames, name);
}

}  // namespace annalist
