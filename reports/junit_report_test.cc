#include "reports/junit_report.h"

#include <gtest/gtest.h>

#include <regex>
#include <set>

#include "harness/audit.h"
#include "tests/test_util.h"

namespace cpaudit {
namespace {

// GitLab groups test cases by suite and Jenkins by the classname's package:
// one suite per CP chapter, classnames pack.chN.SECTION.
TEST(JunitReport, GroupsTestCasesByCpChapter) {
  AuditRun run = RunAudit(testing::DemoRequest());
  std::string junit = JunitReport(ReportView(run.result));
  std::regex suite_re("<testsuite [^>]*name=\"CP ([0-9]+)[ \"]");
  std::set<std::string> chapters;
  for (std::sregex_iterator it(junit.begin(), junit.end(), suite_re), end; it != end; ++it) {
    EXPECT_TRUE(chapters.insert((*it)[1]).second) << "chapter " << (*it)[1] << " twice";
  }
  EXPECT_EQ(chapters, (std::set<std::string>{"3", "4", "7", "9"}));  // the rules' own sections
  std::regex case_re("<testcase name=\"([^\"]+)\" classname=\"([^\"]+)\"");
  size_t cases = 0;
  for (std::sregex_iterator it(junit.begin(), junit.end(), case_re), end; it != end; ++it) {
    ++cases;
    std::string classname = (*it)[2];
    EXPECT_TRUE(std::regex_match(classname, std::regex("secom-rootca1-tsa\\.ch[0-9]+\\.[0-9_]+")))
        << (*it)[1] << ": " << classname;
  }
  EXPECT_EQ(cases, run.result.rules.size());
}

}  // namespace
}  // namespace cpaudit
