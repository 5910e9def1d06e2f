#pragma once
// `cpaudit check --stdin`: certificates in (PEM blocks or concatenated DER, in
// any mix), one JSON line per certificate out, flushed as each is checked, so
// a fuzzing harness in any language can use cpaudit as its oracle.

#include <iosfwd>

#include "harness/oracle.h"

namespace cpaudit {

// Returns the number of certificates that failed at or above `fail_on`.
size_t StreamCheck(const Oracle& oracle, std::istream& in, std::ostream& out, Severity fail_on,
                   std::optional<UnixTime> at);

}  // namespace cpaudit
