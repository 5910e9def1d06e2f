#pragma once
// The HTML audit report: one self-contained file (inline CSS and script, a
// Content-Security-Policy that forbids any request) that an auditor reads
// before a WebTrust or ETSI audit. Sections: the gate and summary, findings
// by CP chapter and section (with the rules not evaluated), the life-cycle
// timeline, coverage of every CP section (manual ones as a checklist to sign),
// findings by artifact, waivers, rules, the evidence manifest. Long lists are
// grouped, counted and folded; printing opens every fold.

#include <string>

#include "reports/report_view.h"

namespace cpaudit {

std::string HtmlReport(const ReportView& view);

}  // namespace cpaudit
