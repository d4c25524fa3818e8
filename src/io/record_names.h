// The spelling of every closed set of RECORDS.md: the one place where enums become strings (and back, for the
// dictionary loaders). Tables are indexed by the enum's value, so the order here must follow document.h.
#pragma once

#include <optional>
#include <string_view>

#include "annalist/document.h"

namespace annalist {

std::string_view SectorName(Sector sector);  // "" for Sector::kNone
std::string_view PlaceKindName(PlaceKind kind);
std::string_view QuantityCategoryName(QuantityCategory category);
std::string_view QualifierName(Qualifier qualifier);
std::string_view EventTypeName(EventType type);
std::string_view EventStatusName(EventStatus status);

// The inverses; nullopt for a name the spec does not define.
std::optional<Sector> ParseSector(std::string_view name);
std::optional<PlaceKind> ParsePlaceKind(std::string_view name);
std::optional<QuantityCategory> ParseQuantityCategory(std::string_view name);
std::optional<Qualifier> ParseQualifier(std::string_view name);
std::optional<EventType> ParseEventType(std::string_view name);
std::optional<EventStatus> ParseEventStatus(std::string_view name);

}  // namespace annalist
