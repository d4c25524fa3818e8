// The actor a mention is built on (a state, an organisation, a person, a group) and how an agent noun's
// sector combines with it: "Israeli soldiers" are MIL, "Hamas fighters" REB, "the Syrian government" GOV.
#pragma once

#include <cstdint>
#include <string_view>

#include "actors/actor_dictionary.h"
#include "annalist/document.h"

namespace annalist::actors {

enum class AnchorType : uint8_t { kState, kOrganisation, kPerson, kGroup, kNone };

// An actor a mention is built on: its values and how it combines with agents.
struct Anchor {
  AnchorType type = AnchorType::kNone;
  int32_t entry = -1;
  CountryCode country;
  Sector sector = Sector::kNone;
  std::string_view name;
};

// Sectors of organisations that "the group" or "the movement" can stand for.
inline bool IsGroupSector(Sector s) {
  return s == Sector::kREB || s == Sector::kOPP || s == Sector::kNGO || s == Sector::kCVL || s == Sector::kREL;
}

// The sector of `agent` applied to an anchor, given the sector `current` of the agents before it.
Sector AgentSector(const Anchor& anchor, Sector current, const AgentSummary& agent);

}  // namespace annalist::actors
