#include "reports/formats.h"

#include <array>

#include "reports/escape.h"
#include "reports/html_report.h"
#include "reports/json_report.h"
#include "reports/junit_report.h"
#include "reports/markdown_report.h"
#include "reports/sarif_report.h"
#include "reports/text_report.h"

namespace cpaudit {

namespace {

const std::array<ReportFormat, 6> kFormats = {{
    {"text", "the summary and every finding, one line each",
     [](const ReportView& v, const RenderOptions& o) { return TextReport(v, {o.color}); }},
    {"json", "everything, for other tools (the report contract)",
     [](const ReportView& v, const RenderOptions&) { return DumpJson(v.Json(), 2) + "\n"; }},
    {"junit", "JUnit XML: a test case per rule, its findings as failures, for CI test views",
     [](const ReportView& v, const RenderOptions&) { return JunitReport(v); }},
    {"sarif", "SARIF 2.1.0, for code-scanning views",
     [](const ReportView& v, const RenderOptions&) { return DumpJson(SarifReport(v), 2) + "\n"; }},
    {"html", "a self-contained page for auditors",
     [](const ReportView& v, const RenderOptions&) { return HtmlReport(v); }},
    {"markdown", "a summary for a pull-request comment or a CI job summary",
     [](const ReportView& v, const RenderOptions&) { return MarkdownReport(v); }},
}};

}  // namespace

std::span<const ReportFormat> ReportFormats() { return kFormats; }

const ReportFormat* FindReportFormat(std::string_view name) {
  for (const ReportFormat& f : kFormats)
    if (f.name == name) return &f;
  return nullptr;
}

std::string ReportFormatNames() {
  std::string names;
  for (const ReportFormat& f : kFormats) {
    if (!names.empty()) names += ", ";
    names += f.name;
  }
  return names;
}

}  // namespace cpaudit
