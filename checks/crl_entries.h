#pragma once
#include "checks/registry.h"

namespace cpaudit {
// crl-entries: every revoked-certificate entry has a serial and a revocationDate
// no later than the CRL's thisUpdate, and its extensions decode. Placeholders:
// {serial}, {problem}.
PrimitiveInfo CrlEntriesPrimitive();
}  // namespace cpaudit
