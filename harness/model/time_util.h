#pragma once
// Instants are seconds since the Unix epoch, UTC. Certificates and CRLs carry
// UTCTime/GeneralizedTime; events and --at carry RFC 3339.

#include <cstdint>
#include <ctime>
#include <optional>
#include <string>
#include <string_view>

namespace cpaudit {

using UnixTime = int64_t;

// RFC 3339 with an explicit offset ("Z" or "+09:00"); nullopt if malformed.
std::optional<UnixTime> ParseRfc3339(std::string_view text);
// Seconds since the epoch of broken-down UTC fields (already in range).
UnixTime FromUtc(const std::tm& tm);
// "2026-04-30T01:00:00Z".
std::string FormatRfc3339(UnixTime t);
// Adds calendar years in UTC, keeping month/day/time (29 Feb -> 28 Feb).
UnixTime AddYears(UnixTime t, int years);

}  // namespace cpaudit
