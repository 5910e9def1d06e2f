#pragma once
#include "checks/registry.h"

namespace cpaudit {
// validity-period: notBefore precedes notAfter and the period lies inside the
// issuing CA certificate's validity. Placeholders: {problem}, {not_before},
// {not_after}.
PrimitiveInfo ValidityPeriodPrimitive();
}  // namespace cpaudit
