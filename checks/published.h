#pragma once
#include "checks/registry.h"

namespace cpaudit {
// published: CP 4.4.2. The certificate is in the repository snapshot
// (evidence/repository/, compared by DER). Without a snapshot the rule is not
// evaluated. Placeholders: none beyond the common ones.
PrimitiveInfo PublishedPrimitive();
}  // namespace cpaudit
