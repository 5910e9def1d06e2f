#pragma once
#include "checks/registry.h"

namespace cpaudit {
// crl-entry-reasons: every CRL entry carries a reasonCode extension, unless the
// option `published_separately` is true (the CA publishes reasons elsewhere),
// in which case the rule does not apply. Placeholders: {serial}.
PrimitiveInfo CrlEntryReasonsPrimitive();
}  // namespace cpaudit
