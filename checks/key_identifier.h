#pragma once
#include "checks/registry.h"

namespace cpaudit {
// key-identifier-sha1: the authority or subject key identifier equals the SHA-1
// of the subjectPublicKey BIT STRING value (RFC 5280 4.2.1.2 method 1) of the
// issuing CA's key (authority) or the artifact's own key (subject). Computed,
// never trusted. Option: `extension: authority|subject`. Placeholders:
// {problem}, {expected}, {actual}.
PrimitiveInfo KeyIdentifierPrimitive();
}  // namespace cpaudit
