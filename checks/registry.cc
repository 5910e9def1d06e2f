#include "checks/registry.h"

#include "checks/crl_continuity.h"
#include "checks/crl_entries.h"
#include "checks/crl_entry_reasons.h"
#include "checks/crl_interval.h"
#include "checks/crl_next_update.h"
#include "checks/csr_proof_of_possession.h"
#include "checks/deadline.h"
#include "checks/issuer_is_ca.h"
#include "checks/key_identifier.h"
#include "checks/key_reuse.h"
#include "checks/no_suspension.h"
#include "checks/published.h"
#include "checks/relying_party.h"
#include "checks/signature_valid.h"
#include "checks/subject_unique.h"
#include "checks/unique.h"
#include "checks/validity_period.h"

namespace cpaudit {

// The one place primitives are registered: explicit, no static initialisers.
const std::vector<PrimitiveInfo>& Primitives() {
  static const std::vector<PrimitiveInfo> kPrimitives = {
      CrlContinuityPrimitive(), CrlEntriesPrimitive(),     CrlEntryReasonsPrimitive(),
      CrlIntervalPrimitive(),   CrlNextUpdatePrimitive(),  CsrProofOfPossessionPrimitive(),
      DeadlinePrimitive(),      IssuerIsCaPrimitive(),     KeyIdentifierPrimitive(),
      KeyReusePrimitive(),      NoSuspensionPrimitive(),   PublishedPrimitive(),
      RelyingPartyPrimitive(),  SignatureValidPrimitive(), SubjectUniquePrimitive(),
      UniquePrimitive(),        ValidityPeriodPrimitive(),
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
