#pragma once
#include "checks/registry.h"

namespace cpaudit {
// no-suspension (corpus): CP 4.9.9, over both places a suspension shows. A
// CRL entry whose reasonCode is one of `reasons` (default certificateHold and
// removeFromCRL) or that carries a holdInstructionCode extension, and a
// certificate_revoked event whose `reason` is one of them. Outcomes for every
// CRL and every certificate_revoked event. Placeholders: {detail}.
PrimitiveInfo NoSuspensionPrimitive();
}  // namespace cpaudit
