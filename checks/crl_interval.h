#pragma once
#include "checks/registry.h"

namespace cpaudit {
// crl-interval (corpus): CP 4.9.7. Consecutive CRLs of an issuer are at most
// `max_years` calendar years apart (thisUpdate to thisUpdate), and at the
// evaluation time the newest is not older than that. Placeholders: {detail}.
PrimitiveInfo CrlIntervalPrimitive();
}  // namespace cpaudit
