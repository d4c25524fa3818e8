#include "actors/anchor.h"

namespace annalist::actors {

Sector AgentSector(const Anchor& anchor, Sector current, const AgentSummary& agent) {
  if (anchor.type == AnchorType::kOrganisation && anchor.sector != Sector::kNone) return anchor.sector;
  switch (agent.kind) {
    case AgentKind::kRole:
    case AgentKind::kTitle:
      if (agent.sector != Sector::kNone && (anchor.type == AnchorType::kState || anchor.type == AnchorType::kGroup ||
                                            anchor.type == AnchorType::kNone)) {
        return agent.sector;
      }
      if (current != Sector::kNone) return current;
      if (anchor.type == AnchorType::kState) return Sector::kGOV;
      return anchor.sector;
    case AgentKind::kMember:
    case AgentKind::kAct:
    case AgentKind::kDescriptor: {
      Sector s = agent.sector == Sector::kNone ? current : agent.sector;
      if (anchor.type == AnchorType::kGroup && s == Sector::kMIL) s = Sector::kREB;
      if (anchor.type == AnchorType::kPerson && s == Sector::kNone) s = anchor.sector;
      return s;
    }
  }
  return current;
}

}  // namespace annalist::actors
