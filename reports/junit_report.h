#pragma once
// JUnit XML for CI dashboards (GitLab, Jenkins): one testsuite per CP section,
// one testcase per rule; a rule with failing findings is a failure carrying
// each finding's canonical line; a rule not evaluated is skipped. Input and
// waiver findings form the "cpaudit" suite. Valid against the Apache Ant schema.

#include <string>

#include "reports/report_view.h"

namespace cpaudit {

std::string JunitReport(const ReportView& view);

}  // namespace cpaudit
