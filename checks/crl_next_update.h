#pragma once
#include "checks/registry.h"

namespace cpaudit {
// crl-next-update: nextUpdate follows thisUpdate and, with `max_years`, is at
// most that many calendar years after it. Options: `required` (default true:
// a CRL without nextUpdate fails; false: not applicable), `max_years` (0 = no
// limit), `ordered` (default true: nextUpdate must follow thisUpdate).
// Placeholders: {problem}, {this_update}, {next_update}.
PrimitiveInfo CrlNextUpdatePrimitive();
}  // namespace cpaudit
