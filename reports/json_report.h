#pragma once
// The JSON report: the contract other tools read (DESIGN.md; README "Reports").

#include <nlohmann/json.hpp>

#include "reports/report_view.h"

namespace cpaudit {

// The report, with `document_id`: DocumentId of the rest. Writers take it
// from ReportView::Json(), which builds it once.
nlohmann::json JsonReport(const ReportView& view);
// The SHA-256 (hex) of the report without its `document_id`, serialised
// canonically: keys sorted, no whitespace, strings as JSON escapes them. A
// reader checks a report by recomputing it; the HTML report shows the same id.
std::string DocumentId(const nlohmann::json& report);

}  // namespace cpaudit
