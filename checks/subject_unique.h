#pragma once
#include "checks/registry.h"

namespace cpaudit {
// subject-unique (corpus): CP 3.1.5. Option `scope`: `subscriber` (default: one
// subject DN never belongs to two different subscribers, taken from the
// certificate_issued events; certificates sharing a DN with no subscriber on
// record are a warning) or `certificate` (no two certificates share a DN).
// Option `report`: `conflicts` (default: what the scope forbids) or
// `same_subscriber` (one subscriber's certificates sharing a DN, a notice of
// what the literal reading forbids; not applied under scope certificate).
// Placeholders: {subject}, {others}, {detail}.
PrimitiveInfo SubjectUniquePrimitive();
}  // namespace cpaudit
