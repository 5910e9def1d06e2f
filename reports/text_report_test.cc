#include "reports/text_report.h"

#include <gtest/gtest.h>

#include "harness/audit.h"
#include "tests/test_util.h"

namespace cpaudit {
namespace {

TEST(TextReport, SummaryThenCanonicalLinesBySection) {
  AuditRun run = RunAudit(testing::DemoRequest());
  std::string text = TextReport(ReportView(run.result));
  EXPECT_NE(text.find("result    FAIL (fail on error and above)"), std::string::npos) << text;
  size_t s7 = text.find("§7.1.3 ");
  size_t s9 = text.find("§9.6.3 ");
  ASSERT_NE(s7, std::string::npos) << text;
  ASSERT_NE(s9, std::string::npos) << text;
  EXPECT_LT(s7, s9);
  EXPECT_NE(text.find("ERROR cp-7.1.4-subject-charset certs/tsa-2.pem: subject OU \"TSA_2\""),
            std::string::npos)
      << text;
  EXPECT_EQ(text.find("\033["), std::string::npos);
}

TEST(TextReport, SectionsSortNumerically) {
  EXPECT_TRUE(SectionLess("4.9", "4.10"));
  EXPECT_TRUE(SectionLess("7.1", "7.1.2"));
  EXPECT_FALSE(SectionLess("7.2", "7.1.9"));
}

}  // namespace
}  // namespace cpaudit
