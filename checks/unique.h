#pragma once
#include "checks/registry.h"

namespace cpaudit {
// unique (corpus): no two certificates share a key. Option `key`:
// `serial` (per issuer), `subject` (the DN, RFC 5280 comparison) or
// `public_key` (SHA-1 of the subjectPublicKey). Placeholders: {value}, {others}.
PrimitiveInfo UniquePrimitive();
}  // namespace cpaudit
