#pragma once
// The HTML audit report: one self-contained file (inline CSS and script, a
// Content-Security-Policy that forbids any request) that an auditor reads
// before a WebTrust or ETSI audit. Sections: summary, coverage of every CP
// section (manual ones as a checklist with the clause text), findings by CP
// section, findings by artifact, waivers, rules. Long lists are grouped,
// counted and folded; printing opens every fold.

#include <string>

#include "reports/report_view.h"

namespace cpaudit {

std::string HtmlReport(const ReportView& view);

}  // namespace cpaudit
