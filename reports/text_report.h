#pragma once
// The text report: a summary, then one canonical line per finding grouped by CP
// section, input problems first.

#include <string>

#include "harness/evaluator.h"

namespace cpaudit {

struct TextOptions {
  bool color = false;
};

std::string TextReport(const RunResult& result, const TextOptions& options = {});
// Sorts CP sections numerically: "4.9" < "4.10" < "7.1" < "7.1.2".
bool SectionLess(const std::string& a, const std::string& b);
// "7" for "7.1.3" ("X" for "X.690"): the chapter a CP section belongs to.
std::string ChapterOf(const std::string& section);

}  // namespace cpaudit
