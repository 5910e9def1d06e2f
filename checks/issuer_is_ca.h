#pragma once
#include "checks/registry.h"

namespace cpaudit {
// issuer-is-ca: the issuer name equals the subject of a CA certificate in ca/
// (RFC 5280 7.1 comparison). Placeholders: {issuer}, {expected}.
PrimitiveInfo IssuerIsCaPrimitive();
}  // namespace cpaudit
