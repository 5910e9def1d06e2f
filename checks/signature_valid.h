#pragma once
#include "checks/registry.h"

namespace cpaudit {
// signature-valid: the artifact's signature verifies with its issuing CA's key.
// Placeholders: {problem}.
PrimitiveInfo SignatureValidPrimitive();
}  // namespace cpaudit
