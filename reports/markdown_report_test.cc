#include "reports/markdown_report.h"

#include <gtest/gtest.h>

#include "harness/atomic_file.h"
#include "harness/audit.h"
#include "reports/escape.h"
#include "reports/json_report.h"
#include "tests/test_util.h"

namespace cpaudit {
namespace {

AuditRun Demo(const std::optional<std::filesystem::path>& baseline = std::nullopt) {
  AuditRequest request = testing::DemoRequest();
  request.baseline = baseline;
  return RunAudit(request);
}

// A pull-request comment leads with the gate and what to act on; the rest is folded.
TEST(MarkdownReport, LeadsWithTheGateThenTheFindingsThenFoldsTheRest) {
  AuditRun run = Demo();
  std::string md = MarkdownReport(ReportView(run.result));
  size_t gate = md.find("## cpaudit: ❌ FAIL");
  size_t first = md.find("### Findings (9)");
  size_t folded = md.find("<details><summary>All 9 findings by CP section</summary>");
  ASSERT_NE(gate, std::string::npos) << md;
  ASSERT_NE(first, std::string::npos) << md;
  ASSERT_NE(folded, std::string::npos) << md;
  EXPECT_LT(gate, first);
  EXPECT_LT(first, folded);
  // Most severe first: the first row is an error, the notices come last.
  size_t row = md.find("\n| ", md.find("|---", first));
  EXPECT_EQ(md.substr(row, 9), "\n| error ");
  EXPECT_LT(md.rfind("| warning |", folded), md.find("| notice |", first));
}

TEST(MarkdownReport, AgainstItsOwnBaselineNothingIsNewAndAllIsFolded) {
  testing::TempDir dir;
  AuditRun before = Demo();
  WriteFileAtomically(dir.path() / "baseline.json", DumpJson(ReportView(before.result).Json(), 2));
  AuditRun run = Demo(dir.path() / "baseline.json");
  std::string md = MarkdownReport(ReportView(run.result));
  EXPECT_EQ(md.find("### New findings"), std::string::npos) << md;
  size_t none = md.find("No new findings against the baseline.");
  size_t folded = md.find("<details><summary>All 9 findings by CP section</summary>");
  ASSERT_NE(none, std::string::npos) << md;
  EXPECT_LT(none, folded);
}

}  // namespace
}  // namespace cpaudit
