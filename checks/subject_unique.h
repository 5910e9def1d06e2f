#pragma once
#include "checks/registry.h"

namespace cpaudit {
// subject-unique (corpus): CP 3.1.5. Option `scope`: `subscriber` (default: one
// subject DN never belongs to two different subscribers, taken from the
// certificate_issued events; certificates sharing a DN with no subscriber on
// record are a warning) or `certificate` (no two certificates share a DN).
// Placeholders: {subject}, {others}, {detail}.
PrimitiveInfo SubjectUniquePrimitive();
}  // namespace cpaudit
