#pragma once
// A Markdown summary for a pull-request comment or a CI job summary: the gate,
// the counts, the findings grouped by CP section (long lists folded), what was
// not evaluated.

#include <string>

#include "reports/report_view.h"

namespace cpaudit {

std::string MarkdownReport(const ReportView& view);

}  // namespace cpaudit
