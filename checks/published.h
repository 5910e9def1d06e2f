#pragma once
#include "checks/registry.h"

namespace cpaudit {
// published: what the repository snapshot (evidence/repository/) must hold,
// byte for byte. A certificate (CP 4.4.2): it is there. A CRL (CP 4.9.8):
// the issuer's newest CRL at the evaluation time is there; older ones are
// not applicable (the repository replaces them). Without a snapshot the rule
// is not evaluated. Placeholders: none beyond the common ones.
PrimitiveInfo PublishedPrimitive();
}  // namespace cpaudit
