#pragma once
// The text report: a summary, then one canonical line per finding grouped by CP
// section, input problems first.

#include <string>

#include "reports/report_view.h"

namespace cpaudit {

struct TextOptions {
  bool color = false;
};

std::string TextReport(const ReportView& view, const TextOptions& options = {});

}  // namespace cpaudit
