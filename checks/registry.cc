#include "checks/registry.h"

#include "checks/crl_entries.h"
#include "checks/crl_entry_reasons.h"
#include "checks/crl_next_update.h"
#include "checks/issuer_is_ca.h"
#include "checks/key_identifier.h"
#include "checks/relying_party.h"
#include "checks/signature_valid.h"
#include "checks/unique.h"
#include "checks/validity_period.h"

namespace cpaudit {

// The one place primitives are registered: explicit, no static initialisers.
const std::vector<PrimitiveInfo>& Primitives() {
  static const std::vector<PrimitiveInfo> kPrimitives = {
      CrlEntriesPrimitive(),     CrlEntryReasonsPrimitive(), CrlNextUpdatePrimitive(),
      IssuerIsCaPrimitive(),     KeyIdentifierPrimitive(),   RelyingPartyPrimitive(),
      SignatureValidPrimitive(), UniquePrimitive(),          ValidityPeriodPrimitive(),
  };
  return kPrimitives;
}

const PrimitiveInfo* FindPrimitive(const std::string& name) {
  for (const PrimitiveInfo& p : Primitives()) {
    if (p.name == name) return &p;
  }
  return nullptr;
}

}  // namespace cpaudit
