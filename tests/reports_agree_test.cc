// Every format written from one run agrees: the same counts, the same findings.

#include <gtest/gtest.h>

#include <set>

#include "harness/audit.h"
#include "reports/escape.h"
#include "reports/html_report.h"
#include "reports/json_report.h"
#include "reports/junit_report.h"
#include "reports/markdown_report.h"
#include "reports/sarif_report.h"
#include "reports/text_report.h"
#include "tests/test_util.h"

namespace cpaudit {
namespace {

size_t Count(const std::string& haystack, const std::string& needle) {
  size_t n = 0;
  for (size_t at = haystack.find(needle); at != std::string::npos;
       at = haystack.find(needle, at + 1)) {
    ++n;
  }
  return n;
}

TEST(ReportsAgree, AllFormatsShowTheSameFindings) {
  AuditRun run = RunAudit(testing::DemoRequest(/*with_waivers=*/true));
  const RunResult& r = run.result;

  const ReportView view(r);
  nlohmann::json json = view.Json();
  nlohmann::json sarif = SarifReport(view);
  std::string junit = JunitReport(view);
  std::string text = TextReport(view);
  std::string markdown = MarkdownReport(view);
  std::string html = HtmlReport(view);

  size_t failing = 0, waived = 0;
  for (const Finding& f : r.findings) {
    failing += f.status == Status::kFail ? 1 : 0;
    waived += f.status == Status::kWaived ? 1 : 0;
  }
  ASSERT_GT(failing, 0u);
  ASSERT_GT(waived, 0u);

  // JSON: every finding, with the same counts.
  EXPECT_EQ(json["findings"].size(), r.findings.size());
  EXPECT_EQ(json["summary"]["findings"]["error"].get<size_t>() +
                json["summary"]["findings"]["warning"].get<size_t>() +
                json["summary"]["findings"]["notice"].get<size_t>(),
            failing);
  // SARIF: one result per failing or waived finding; waived ones suppressed.
  const auto& results = sarif["runs"][0]["results"];
  EXPECT_EQ(results.size(), failing + waived);
  size_t suppressed = 0;
  for (const auto& res : results) suppressed += res.contains("suppressions") ? 1 : 0;
  EXPECT_EQ(suppressed, waived);
  // JUnit: one failure per rule with a finding that fails the gate; the
  // demo's notices are below --fail-on, so fewer than the failing rules.
  std::set<std::string> gate_rules;
  for (const Finding& f : r.findings) {
    if (f.FailsGate(r.fail_on)) gate_rules.insert(f.rule);
  }
  EXPECT_EQ(Count(junit, "<failure "), gate_rules.size());
  EXPECT_LT(gate_rules.size(), json["summary"]["rules"]["fail"].get<size_t>());

  for (const Finding& f : r.findings) {
    if (f.status != Status::kFail && f.status != Status::kWaived) continue;
    bool found_in_sarif = false;
    for (const auto& res : results) {
      found_in_sarif |= res["partialFingerprints"]["cpauditFingerprint/v1"] == f.fingerprint &&
                        res["message"]["text"] == f.message;
    }
    EXPECT_TRUE(found_in_sarif) << f.message;
    EXPECT_NE(html.find(XmlEscape(f.message)), std::string::npos) << f.message;
    EXPECT_NE(html.find(f.fingerprint), std::string::npos) << f.message;
    EXPECT_NE(junit.find(XmlEscape(CanonicalLine(f))), std::string::npos) << f.message;
    if (f.status == Status::kFail) {
      EXPECT_NE(text.find(CanonicalLine(f)), std::string::npos) << f.message;
      EXPECT_NE(markdown.find(MarkdownEscape(f.message)), std::string::npos) << f.message;
    }
  }
  // The same gate in every format.
  bool gate_failed = r.GateFailed();
  EXPECT_EQ(json["summary"]["result"], gate_failed ? "fail" : "pass");
  EXPECT_EQ(sarif["runs"][0]["invocations"][0]["properties"]["gate"],
            gate_failed ? "fail" : "pass");
  EXPECT_NE(text.find(gate_failed ? "result    FAIL" : "result    PASS"), std::string::npos);
  EXPECT_NE(markdown.find(gate_failed ? "FAIL" : "PASS"), std::string::npos);
  EXPECT_NE(html.find(gate_failed ? "Gate: FAIL" : "Gate: PASS"), std::string::npos);
}

// 3.1.5 has two readings; every format says which one (and every other
// setting) the findings rest on, overrides from cpaudit.yaml included.
TEST(ReportsAgree, EveryFormatStatesTheSettings) {
  testing::TempDir dir;
  std::filesystem::copy(testing::SourceDir() / "corpus/demo", dir.path(),
                        std::filesystem::copy_options::recursive);
  dir.Write("cpaudit.yaml",
            "at: 2026-06-01T09:00:00+09:00\nparameters:\n  subject_unique_scope: certificate\n");
  AuditRequest request;
  request.evidence = dir.path();
  AuditRun run = RunAudit(request);
  const RunResult& r = run.result;
  EXPECT_EQ(ReportView(r).Json()["pack"]["parameters"]["subject_unique_scope"], "certificate");
  EXPECT_EQ(
      SarifReport(ReportView(
          r))["runs"][0]["invocations"][0]["properties"]["parameters"]["subject_unique_scope"],
      "certificate");
  EXPECT_NE(JunitReport(ReportView(r))
                .find("<property name=\"parameter.subject_unique_scope\" value=\"certificate\"/>"),
            std::string::npos);
  EXPECT_NE(TextReport(ReportView(r)).find("subject_unique_scope=certificate"), std::string::npos);
  EXPECT_NE(MarkdownReport(ReportView(r)).find("subject\\_unique\\_scope\\=certificate"),
            std::string::npos);
  std::string html = HtmlReport(ReportView(r));
  EXPECT_NE(html.find("<code>subject_unique_scope</code> = certificate"), std::string::npos);
  // The rule's title carries the scope too, wherever titles are shown.
  EXPECT_NE(html.find("A subject DN is unique (3.1.5 scope: certificate)"), std::string::npos);
}

TEST(ReportsAgree, HtmlIsSelfContained) {
  std::string html = HtmlReport(ReportView(RunAudit(testing::DemoRequest()).result));
  EXPECT_NE(html.find("Content-Security-Policy"), std::string::npos);
  EXPECT_EQ(html.find("http://"), html.find("http://repository.secomtrust.net"));
  EXPECT_EQ(html.find("<link"), std::string::npos);
  EXPECT_EQ(html.find("src="), std::string::npos);
}

}  // namespace
}  // namespace cpaudit
