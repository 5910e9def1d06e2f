#include "reports/report_view.h"

#include <gtest/gtest.h>

#include "harness/audit.h"
#include "reports/html_report.h"
#include "reports/json_report.h"
#include "tests/test_util.h"

namespace cpaudit {
namespace {

AuditRun Demo() { return RunAudit(testing::DemoRequest(/*with_waivers=*/true)); }

TEST(ReportView, GroupsEveryFindingOnce) {
  AuditRun run = Demo();
  const ReportView view(run.result);
  EXPECT_EQ(view.failing.size() + view.waived.size(), run.result.findings.size());
  ASSERT_FALSE(view.waived.empty());
  size_t in_sections = 0, in_rules = 0, in_artifacts = 0;
  std::string previous;
  for (const SectionFindings& s : view.sections) {
    EXPECT_TRUE(previous.empty() || SectionLess(previous, s.section)) << s.section;
    previous = s.section;
    in_sections += s.findings.size();
    for (const RuleFindings& rf : s.rules) {
      in_rules += rf.findings.size();
      for (const Finding* f : rf.findings) EXPECT_EQ(f->rule, rf.id);
    }
  }
  for (const ArtifactFindings& a : view.artifacts) in_artifacts += a.findings.size();
  EXPECT_EQ(in_sections, run.result.findings.size());
  EXPECT_EQ(in_rules, run.result.findings.size());
  EXPECT_EQ(in_artifacts, run.result.findings.size());
  // What to act on: every failing finding (no baseline), most severe first.
  ASSERT_EQ(view.to_act_on.size(), view.failing.size());
  for (size_t i = 1; i < view.to_act_on.size(); ++i) {
    EXPECT_GE(view.to_act_on[i - 1]->severity, view.to_act_on[i]->severity);
  }
  EXPECT_EQ(view.coverage.size(), run.pack->coverage.size());
}

TEST(ReportView, BuildsTheJsonDocumentOnce) {
  AuditRun run = Demo();
  const ReportView view(run.result);
  const nlohmann::json* first = &view.Json();
  EXPECT_EQ(first, &view.Json());
  EXPECT_EQ(view.DocumentId(), DocumentId(view.Json()));
  EXPECT_NE(HtmlReport(view).find(view.DocumentId()), std::string::npos);
}

TEST(ReportView, TimelineOfTheDemoCa) {
  AuditRun run = Demo();
  const ReportView view(run.result);
  ASSERT_EQ(view.timelines.size(), 1u);  // the demo has one CA
  const CaTimeline& t = view.timelines[0];
  EXPECT_NE(t.ca.find("Security Communication RootCA1"), std::string::npos);
  // The period runs from the first issuance to the evaluation time.
  EXPECT_EQ(t.end, run.result.at);
  EXPECT_LT(t.start, t.end);
  size_t certificates = 0, crls = 0;
  const TimelineLane* revocation = nullptr;
  for (const TimelineLane& lane : t.lanes) {
    if (lane.artifact) (lane.artifact->kind == "crl" ? crls : certificates) += 1;
    if (lane.label == "cp-4.9.5-revocation-deadline") revocation = &lane;
  }
  EXPECT_EQ(certificates, run.result.certificates);
  EXPECT_EQ(crls, run.result.crls);
  // The demo's late revocation: accepted 2 April, due 3 April, revoked 7 April.
  ASSERT_NE(revocation, nullptr);
  ASSERT_EQ(revocation->windows.size(), 1u);
  const DeadlineSpan& span = revocation->windows[0]->span;
  EXPECT_TRUE(span.late);
  EXPECT_EQ(span.deadline, *ParseRfc3339("2026-04-04T00:00:00+09:00"));
  EXPECT_EQ(span.done, *ParseRfc3339("2026-04-07T10:00:00+09:00"));
  // Drawn late, and linked to the heading of the rule's findings.
  std::string html = HtmlReport(view);
  EXPECT_NE(html.find("<a href=\"#findings-cp-4.9.5-revocation-deadline\">"), std::string::npos);
  EXPECT_NE(html.find("<h3 id=\"findings-cp-4.9.5-revocation-deadline\">"), std::string::npos);
  EXPECT_NE(html.find("<rect class=\"overdue\""), std::string::npos);
  // In the pack's local time, as the finding says it.
  EXPECT_NE(html.find("from 2026-04-02 10:00 JST, deadline 2026-04-03 24:00 JST, done 2026-04-07 "
                      "10:00 JST, late"),
            std::string::npos);
  EXPECT_NE(html.find("2026-01-06 to 2026-06-01 (JST)"), std::string::npos);
}

}  // namespace
}  // namespace cpaudit
