#pragma once
// The gate: what a CI job fails on. Waivers (an accepted finding, with its
// justification, approver and expiry) and a baseline (an earlier JSON report:
// only new findings fail) change the result set in place, before any report is
// written, so every format shows the same outcome.

#include <filesystem>
#include <optional>
#include <set>
#include <string>
#include <vector>

#include "harness/calendar.h"
#include "harness/evaluator.h"

namespace cpaudit {

// The rule id of findings about waivers (expired, or matching nothing).
inline constexpr std::string_view kWaiverRuleId = "cpaudit-waiver";

struct Waiver {
  std::string rule;
  // At least one of these; all that are given must match.
  // Glob over the finding's artifact ("certs/tsa-*.pem"); for cpaudit-input
  // findings the exact artifact path, never a glob.
  std::string path;
  std::string serial;   // normalised hex
  std::string subject;  // the subject DN as reports print it
  std::string justification;
  std::string approver;
  Day expires;        // the last day it holds
  std::string where;  // file:line
};

// waivers.yaml: `waivers: [{rule, match: {path, serial, subject}, justification,
// approver, expires: YYYY-MM-DD}]`. Throws PackError with file:line.
std::vector<Waiver> LoadWaivers(const std::filesystem::path& file);

struct Baseline {
  std::string file;
  std::vector<BaselineEntry> findings;  // the failing findings it recorded
};

// An earlier JSON report of cpaudit with the same pack id. Throws PackError
// naming the file when it is not one, or saying what differs.
Baseline LoadBaseline(const std::filesystem::path& file, const std::string& pack_id);

// Marks waived findings, adds findings for expired or unused waivers, and marks
// each failing finding new or unchanged against the baseline (recording in the
// result the baseline findings that are gone).
void ApplyGate(RunResult* result, const std::vector<Waiver>& waivers, const Baseline* baseline,
               const BusinessCalendar& calendar);

}  // namespace cpaudit
