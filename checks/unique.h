#pragma once
#include "checks/registry.h"

namespace cpaudit {
// unique (corpus): no two certificates share a key. Option `key`:
// `serial` (per issuer), `subject` (the DN, RFC 5280 comparison) or
// `public_key` (SHA-1 of the subjectPublicKey). Option `except_replaced`
// (public_key only): a re-issue whose certificate_issued event `replaces` the
// other certificate's serial may keep its key (CP 4.8.1: revocation plus
// initial issuance, not a renewal). Placeholders: {value}, {others}.
PrimitiveInfo UniquePrimitive();
}  // namespace cpaudit
