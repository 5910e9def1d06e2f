#include "reports/json_report.h"

#include <gtest/gtest.h>

#include <map>

#include "harness/audit.h"
#include "harness/model/digest.h"
#include "harness/pack.h"
#include "reports/html_report.h"
#include "reports/junit_report.h"
#include "reports/markdown_report.h"
#include "reports/sarif_report.h"
#include "reports/text_report.h"
#include "tests/test_util.h"

namespace cpaudit {
namespace {

// A rule's remediation stands beside its findings in every format.
TEST(JsonReport, EveryReportShowsWhatToDo) {
  AuditRun run = RunAudit(testing::DemoRequest());
  const Finding* failing = nullptr;
  for (const Finding& f : run.result.findings) {
    if (f.FailsGate(run.result.fail_on) && run.pack->FindRule(f.rule) != nullptr) failing = &f;
  }
  ASSERT_NE(failing, nullptr);
  Rule& rule = run.pack->rules[run.pack->rule_index.at(failing->rule)];
  rule.remediation = "Reissue the certificate <with> the CP's profile & re-run.";
  rule.references = {"https://example.org/cp?a=1&b=2"};
  nlohmann::json j = ReportView(run.result).Json();
  bool in_findings = false;
  for (const auto& f : j["findings"]) {
    in_findings |= f["rule"] == rule.id && f["remediation"] == rule.remediation;
  }
  EXPECT_TRUE(in_findings);
  for (const auto& r : j["rules"]) {
    if (r["id"] == rule.id) {
      EXPECT_EQ(r["references"][0], rule.references[0]);
    }
  }
  EXPECT_NE(TextReport(ReportView(run.result)).find("what to do: " + rule.remediation),
            std::string::npos);
  EXPECT_NE(MarkdownReport(ReportView(run.result)).find("**What to do** ("), std::string::npos);
  EXPECT_NE(
      JunitReport(ReportView(run.result)).find("What to do: Reissue the certificate &lt;with&gt;"),
      std::string::npos);
  EXPECT_NE(SarifReport(ReportView(run.result)).dump().find("**What to do:** Reissue"),
            std::string::npos);
  std::string html = HtmlReport(ReportView(run.result));
  EXPECT_NE(html.find("<strong>What to do:</strong> Reissue the certificate &lt;with&gt; the "
                      "CP&#39;s profile &amp; re-run."),
            std::string::npos);
  EXPECT_NE(html.find("<a href=\"https://example.org/cp?a=1&amp;b=2\">"), std::string::npos);
}

TEST(JsonReport, CarriesTheContractFields) {
  AuditRun run = RunAudit(testing::DemoRequest());
  nlohmann::json j = ReportView(run.result).Json();
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

// The report names every file it rests on and identifies itself: a reader can
// check the evidence against the manifest and the report against its id.
TEST(JsonReport, CarriesTheEvidenceManifestThePackDigestAndADocumentId) {
  testing::TempDir dir;
  std::filesystem::copy(testing::CompliantCase(), dir.path() / "evidence",
                        std::filesystem::copy_options::recursive);
  dir.Write("evidence/certs/garbage.der", "not DER");
  AuditRequest request;
  request.evidence = dir.path() / "evidence";
  AuditRun run = RunAudit(request);
  nlohmann::json j = ReportView(run.result).Json();

  std::map<std::string, nlohmann::json> files;
  for (const auto& m : j["evidence"]["manifest"]) files[m["file"]] = m;
  // Every file read, the unreadable one too (it was read; it is an input finding).
  for (const char* file : {"ca/ca.pem", "certs/ta.pem", "certs/tsa.pem", "crls/crl.pem",
                           "certs/garbage.der", "cpaudit.yaml"}) {
    ASSERT_TRUE(files.count(file)) << file << " missing from " << j["evidence"]["manifest"].dump();
    std::string bytes = testing::ReadFile(dir.path() / "evidence" / file);
    EXPECT_EQ(files[file]["size"], bytes.size());
    EXPECT_EQ(files[file]["sha256"], Sha256Hex(bytes)) << file;
  }
  EXPECT_EQ(files.size(), 6u);

  // The id is the SHA-256 of the rest, serialised canonically; any change moves it.
  std::string id = j["document_id"];
  EXPECT_EQ(id.size(), 64u);
  EXPECT_EQ(DocumentId(j), id);
  nlohmann::json changed = j;
  changed["findings"][0]["message"] = "edited";
  EXPECT_NE(DocumentId(changed), id);
  EXPECT_NE(HtmlReport(ReportView(run.result)).find("<code id=\"document-id\">" + id + "</code>"),
            std::string::npos);
  // The running header of the printed pages quotes the policy's title inside
  // <style>: a title cannot end the string or the element.
  run.pack->policy_title = "CP \"</style><script>alert(1)</script>\\";
  std::string html = HtmlReport(ReportView(run.result));
  size_t style_end = html.find("</style>");
  EXPECT_EQ(html.find("</style>", style_end + 1), std::string::npos);
  EXPECT_EQ(html.find("<script>alert"), std::string::npos);

  // The pack digest: the same pack gives the same digest; a changed rule another.
  EXPECT_EQ(j["pack"]["digest"], run.pack->digest);
  EXPECT_EQ(LoadPackDir(testing::PackDir())->digest, run.pack->digest);
  testing::TempDir packs;
  std::filesystem::copy(testing::PackDir(), packs.path() / "secom-rootca1-tsa");
  std::string rules = testing::ReadFile(testing::PackDir() / "ch9-relying-party.yaml");
  packs.Write("secom-rootca1-tsa/ch9-relying-party.yaml", rules + "\n# a comment\n");
  EXPECT_NE(LoadPackDir(packs.path() / "secom-rootca1-tsa")->digest, run.pack->digest);
}

}  // namespace
}  // namespace cpaudit
