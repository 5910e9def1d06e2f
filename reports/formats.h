#pragma once
// The report formats, in one table: `--report FORMAT=PATH` is parsed,
// validated and described from it, and every report is rendered through it.

#include <span>
#include <string>
#include <string_view>

#include "reports/report_view.h"

namespace cpaudit {

struct RenderOptions {
  bool color = false;  // ANSI colour (the text report on a terminal)
};

struct ReportFormat {
  std::string_view name;         // "json"
  std::string_view description;  // for --help
  std::string (*render)(const ReportView& view, const RenderOptions& options);
};

std::span<const ReportFormat> ReportFormats();
// The format of that name, or nullptr.
const ReportFormat* FindReportFormat(std::string_view name);
// "text, json, junit, sarif, html, markdown".
std::string ReportFormatNames();

}  // namespace cpaudit
