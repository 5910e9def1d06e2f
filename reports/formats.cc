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
     [](const RunResult& r, const RenderOptions& o) { return TextReport(r, {o.color}); }},
    {"json", "everything, for other tools (the report contract)",
     [](const RunResult& r, const RenderOptions&) { return DumpJson(JsonReport(r), 2) + "\n"; }},
    {"junit", "JUnit XML: a test case per rule, its findings as failures, for CI test views",
     [](const RunResult& r, const RenderOptions&) { return JunitReport(r); }},
    {"sarif", "SARIF 2.1.0, for code-scanning views",
     [](const RunResult& r, const RenderOptions&) { return DumpJson(SarifReport(r), 2) + "\n"; }},
    {"html", "a self-contained page for auditors",
     [](const RunResult& r, const RenderOptions&) { return HtmlReport(r); }},
    {"markdown", "a summary for a pull-request comment or a CI job summary",
     [](const RunResult& r, const RenderOptions&) { return MarkdownReport(r); }},
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
