#include "reports/json_report.h"

#include <gtest/gtest.h>

#include "harness/audit.h"
#include "tests/test_util.h"

namespace cpaudit {
namespace {

TEST(JsonReport, CarriesTheContractFields) {
  AuditRequest request;
  request.evidence = testing::SourceDir() / "corpus/demo";
  AuditRun run = RunAudit(request);
  nlohmann::json j = JsonReport(run.result);
  EXPECT_EQ(j["tool"]["name"], "cpaudit");
  EXPECT_EQ(j["pack"]["id"], "secom-rootca1-tsa");
  EXPECT_EQ(j["evaluated_at"], "2026-06-01T00:00:00Z");  // the demo's cpaudit.yaml
  EXPECT_EQ(j["summary"]["result"], "fail");
  EXPECT_EQ(j["summary"]["findings"]["error"], run.result.FailedAt(Severity::kError));
  ASSERT_EQ(j["rules"].size(), run.pack->rules.size());
  for (const auto& rule : j["rules"]) {
    for (const char* key : {"id", "cp", "severity", "status", "pass", "fail", "not_applicable",
                            "not_effective", "not_evaluated", "waived"}) {
      EXPECT_TRUE(rule.contains(key)) << key;
    }
  }
  ASSERT_EQ(j["findings"].size(), run.result.findings.size());
  for (const auto& f : j["findings"]) {
    for (const char* key : {"rule", "cp", "severity", "status", "artifact", "location", "message",
                            "fingerprint", "baseline"}) {
      EXPECT_TRUE(f.contains(key)) << key;
    }
  }
  EXPECT_EQ(j["coverage"].size(), run.pack->coverage.size());
  bool found_manual = false;
  for (const auto& c : j["coverage"]) {
    if (c["status"] == "manual") {
      found_manual = true;
      EXPECT_FALSE(c["text"]["ja"].get<std::string>().empty());
    }
  }
  EXPECT_TRUE(found_manual);
}

}  // namespace
}  // namespace cpaudit
