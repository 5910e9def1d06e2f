#pragma once
#include "checks/registry.h"

namespace cpaudit {
// no-key-reuse-after-compromise (corpus): CP 4.7.1. A key whose certificate
// was revoked for keyCompromise (a CRL entry's reasonCode, or a
// certificate_revoked event's reason) never appears in a certificate issued
// (notBefore) after that revocation. Placeholders: {detail}.
PrimitiveInfo KeyReusePrimitive();
}  // namespace cpaudit
