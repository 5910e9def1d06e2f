#pragma once
#include "checks/registry.h"

namespace cpaudit {
// crl-continuity (corpus): RFC 5280 5.1.2.6 with CP 4.9.6. Once a serial is on
// a CRL of an issuer it stays on every later CRL of that issuer until the
// certificate expires (when the certificate is in the evidence; otherwise for
// good). Reported on the first CRL that drops it. Placeholders: {serial},
// {detail}.
PrimitiveInfo CrlContinuityPrimitive();
}  // namespace cpaudit
