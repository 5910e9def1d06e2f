#pragma once
// The JSON report: the contract other tools read (DESIGN.md, reports/report.schema.json).

#include <nlohmann/json.hpp>

#include "harness/evaluator.h"

namespace cpaudit {

nlohmann::json JsonReport(const RunResult& result);

}  // namespace cpaudit
