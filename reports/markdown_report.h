#pragma once
// A Markdown summary for a pull-request comment or a CI job summary: the gate,
// the counts, the findings grouped by CP section (long lists folded), what was
// not evaluated.

#include <string>

#include "harness/evaluator.h"

namespace cpaudit {

std::string MarkdownReport(const RunResult& result);

}  // namespace cpaudit
