#pragma once
#include "checks/registry.h"

namespace cpaudit {
// relying-party: what CP 9.6.3 asks a relying party to check before relying on
// a certificate, at the evaluation time: the CA's signature verifies, the time
// is inside the validity period, and the serial is not on the newest CRL of the
// issuer. Placeholders: {problem}.
PrimitiveInfo RelyingPartyPrimitive();
}  // namespace cpaudit
