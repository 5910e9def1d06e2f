#pragma once
#include "checks/registry.h"

namespace cpaudit {
// csr-proof-of-possession: the CSR's signature verifies with the public key it
// carries (proof of possession), and the certificate issued for its
// application (application_received.csr -> certificate_issued.application)
// certifies that same key. Placeholders: {problem}.
PrimitiveInfo CsrProofOfPossessionPrimitive();
}  // namespace cpaudit
