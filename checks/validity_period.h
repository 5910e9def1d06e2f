#pragma once
#include "checks/registry.h"

namespace cpaudit {
// validity-period: notBefore precedes notAfter; with `within_ca: true`, the
// period lies inside the issuing CA certificate's validity instead.
// Placeholders: {problem}, {not_before}, {not_after}.
PrimitiveInfo ValidityPeriodPrimitive();
}  // namespace cpaudit
