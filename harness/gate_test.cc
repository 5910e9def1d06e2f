#include "harness/gate.h"

#include <gtest/gtest.h>

#include <fstream>
#include <map>

#include "harness/audit.h"
#include "reports/json_report.h"
#include "tests/test_util.h"

namespace cpaudit {
namespace {

namespace fs = std::filesystem;

class GateTest : public ::testing::Test {
 protected:
  void SetUp() override {
    dir_ = fs::temp_directory_path() /
           ("cpaudit-gate-" + std::to_string(::getpid()) + "-" +
            ::testing::UnitTest::GetInstance()->current_test_info()->name());
    fs::remove_all(dir_);
    fs::create_directories(dir_);
    fs::copy(testing::SourceDir() / "corpus/demo", dir_ / "evidence", fs::copy_options::recursive);
  }
  void TearDown() override { fs::remove_all(dir_); }

  fs::path Write(const std::string& name, const std::string& text) {
    std::ofstream(dir_ / name) << text;
    return dir_ / name;
  }
  AuditRun Run(std::optional<fs::path> waivers = {}, std::optional<fs::path> baseline = {},
               Severity fail_on = Severity::kError) {
    AuditRequest request;
    request.evidence = dir_ / "evidence";
    request.waivers = waivers;
    request.baseline = baseline;
    request.fail_on = fail_on;
    return RunAudit(request);
  }
  void ExpectWaiverError(const std::string& yaml, const std::string& where,
                         const std::string& why) {
    fs::path file = Write("waivers.yaml", yaml);
    try {
      LoadWaivers(file);
      ADD_FAILURE() << "loaded";
    } catch (const PackError& e) {
      std::string what = e.what();
      EXPECT_EQ(what.rfind(file.string() + ":" + where + ": ", 0), 0u) << what;
      EXPECT_NE(what.find(why), std::string::npos) << what;
    }
  }
  fs::path dir_;
};

const char* kWaiver = R"(waivers:
  - rule: cp-7.1.3-signature-algorithm
    match: {path: "certs/tsa-3.pem"}
    justification: Issued by the upgraded CA before the rollback; replaced in June.
    approver: Compliance officer A. Sato
    expires: 2026-07-31
)";

TEST_F(GateTest, AWaiverWaivesItsFindings) {
  AuditRun run = Run(Write("waivers.yaml", kWaiver));
  size_t waived = 0;
  for (const Finding& f : run.result.findings) {
    if (f.rule == "cp-7.1.3-signature-algorithm") {
      EXPECT_EQ(f.status, Status::kWaived);
      ASSERT_TRUE(f.waiver);
      EXPECT_EQ(f.waiver->approver, "Compliance officer A. Sato");
      EXPECT_EQ(f.waiver->expires, "2026-07-31");
      ++waived;
    }
  }
  EXPECT_EQ(waived, 2u);
  for (const RuleTally& t : run.result.rules) {
    if (t.rule->id == "cp-7.1.3-signature-algorithm") {
      EXPECT_EQ(t.status, Status::kWaived);
      EXPECT_EQ(t.count(Status::kWaived), 1u);
      EXPECT_EQ(t.count(Status::kFail), 0u);
    }
  }
  EXPECT_EQ(ReportView(run.result).Json()["findings"][0].contains("rule"), true);
}

TEST_F(GateTest, AnExpiredWaiverFailsTheGateAndSaysSo) {
  std::string yaml = kWaiver;
  yaml.replace(yaml.find("2026-07-31"), 10, "2026-05-31");
  AuditRun run = Run(Write("waivers.yaml", yaml), {}, Severity::kError);
  bool expired = false;
  for (const Finding& f : run.result.findings) {
    if (f.rule == "cp-7.1.3-signature-algorithm") {
      EXPECT_EQ(f.status, Status::kFail);
    }
    if (f.rule == kWaiverRuleId) {
      expired = true;
      EXPECT_EQ(f.severity, Severity::kError);
      EXPECT_NE(f.message.find("expired on 2026-05-31"), std::string::npos) << f.message;
      EXPECT_NE(f.artifact.find("waivers.yaml:2"), std::string::npos) << f.artifact;
    }
  }
  EXPECT_TRUE(expired);
  EXPECT_TRUE(run.result.GateFailed());
}

TEST_F(GateTest, AWaiverMatchingNothingIsANotice) {
  std::string yaml = kWaiver;
  yaml.replace(yaml.find("certs/tsa-3.pem"), 15, "certs/none.pem");
  AuditRun run = Run(Write("waivers.yaml", yaml));
  bool unused = false;
  for (const Finding& f : run.result.findings) {
    if (f.rule == kWaiverRuleId) {
      unused = true;
      EXPECT_EQ(f.severity, Severity::kNotice);
    }
  }
  EXPECT_TRUE(unused);
}

TEST_F(GateTest, MatchBySerialOrSubject) {
  AuditRun run = Run(Write("waivers.yaml", R"(waivers:
  - rule: cp-7.1.4-subject-charset
    match: {serial: "10:04"}
    justification: Renamed at the next renewal.
    approver: B. Ito
    expires: 2026-12-31
  - rule: cp-7.1.3-signature-algorithm
    match: {subject: "C=JP, O=Example Stamp Inc, OU=TSA 3, CN=Example Stamp TSA"}
    justification: Replaced.
    approver: B. Ito
    expires: 2026-12-31
)"));
  for (const Finding& f : run.result.findings) {
    if (f.rule == "cp-7.1.4-subject-charset" || f.rule == "cp-7.1.3-signature-algorithm") {
      EXPECT_EQ(f.status, Status::kWaived) << f.rule;
    }
  }
}

TEST_F(GateTest, MalformedWaiversNameFileAndLine) {
  ExpectWaiverError("waivers:\n  - rule: x\n", "2", "needs `justification`");
  ExpectWaiverError(
      std::string(kWaiver).replace(std::string(kWaiver).find("2026-07-31"), 10, "July"), "6",
      "expires: expected YYYY-MM-DD");
  ExpectWaiverError(std::string(kWaiver) + "    owner: me\n", "7", "unknown key \"owner\"");
  ExpectWaiverError(
      "waivers:\n  - rule: r\n    match: {}\n    justification: j\n    approver: a\n    "
      "expires: 2026-01-01\n",
      "3", "match: expected");
  ExpectWaiverError("waivers: [\n", "2", "invalid YAML");
}

TEST_F(GateTest, BaselineUnchangedPassesAndANewViolationFailsAlone) {
  AuditRun first = Run({}, {}, Severity::kWarning);
  EXPECT_TRUE(first.result.GateFailed());
  fs::path baseline = Write("baseline.json", ReportView(first.result).Json().dump());
  AuditRun same = Run({}, baseline, Severity::kWarning);
  EXPECT_FALSE(same.result.GateFailed());
  for (const Finding& f : same.result.findings) {
    if (f.status == Status::kFail) {
      EXPECT_EQ(f.baseline, "unchanged") << CanonicalLine(f);
    }
  }
  // One more violation: a revocation requested by e-mail without urgency.
  std::ofstream(dir_ / "evidence/events/ca.jsonl", std::ios::app)
      << R"({"time": "2026-05-29T10:00:00+09:00", "type": "revocation_requested", "request": "R-2026-002", "serial": "1001", "reason": "keyCompromise", "channel": "email", "urgent": false})"
      << "\n";
  AuditRun after = Run({}, baseline, Severity::kWarning);
  EXPECT_TRUE(after.result.GateFailed());
  std::vector<std::string> fresh;
  for (const Finding& f : after.result.findings) {
    if (f.status == Status::kFail && f.baseline == "new") fresh.push_back(CanonicalLine(f));
  }
  ASSERT_EQ(fresh.size(), 1u) << ::testing::PrintToString(fresh);
  EXPECT_EQ(fresh[0].rfind("WARNING cp-4.9.3-request-channel events/ca.jsonl:41", 0), 0u)
      << fresh[0];
  EXPECT_TRUE(after.result.fixed.empty());
}

TEST_F(GateTest, FixedFindingsAreReported) {
  AuditRun first = Run();
  fs::path baseline = Write("baseline.json", ReportView(first.result).Json().dump());
  fs::remove(dir_ / "evidence/certs/tsa-2.pem");
  AuditRun after = Run({}, baseline);
  ASSERT_FALSE(after.result.fixed.empty());
  bool charset_fixed = false;
  for (const auto& e : after.result.fixed) charset_fixed |= e.rule == "cp-7.1.4-subject-charset";
  EXPECT_TRUE(charset_fixed);
}

TEST_F(GateTest, ABaselineThatIsNotAReportIsAnError) {
  EXPECT_THROW(Run({}, Write("baseline.json", "{\"nope\": 1}")), PackError);
  EXPECT_THROW(Run({}, dir_ / "missing.json"), PackError);
}

TEST_F(GateTest, FingerprintsSurviveMovingTheEvidence) {
  AuditRun first = Run();
  fs::rename(dir_ / "evidence", dir_ / "moved");
  AuditRequest request;
  request.evidence = dir_ / "moved";
  AuditRun moved = RunAudit(request);
  ASSERT_EQ(first.result.findings.size(), moved.result.findings.size());
  for (size_t i = 0; i < first.result.findings.size(); ++i) {
    EXPECT_EQ(first.result.findings[i].fingerprint, moved.result.findings[i].fingerprint);
  }
  fs::rename(dir_ / "moved", dir_ / "evidence");
}

// Unreadable evidence is waived file by file: a glob (or a serial alone)
// waives nothing and is itself an error, so the gate fails.
TEST_F(GateTest, InputFindingsAreWaivedOnlyByTheirExactPath) {
  std::ofstream(dir_ / "evidence/certs/broken-1.pem") << "garbage";
  std::ofstream(dir_ / "evidence/certs/broken-2.pem") << "garbage";
  auto waiver = [](const std::string& match) {
    return "waivers:\n  - rule: cpaudit-input\n    match: " + match +
           "\n    justification: j\n    approver: a\n    expires: 2099-01-01\n";
  };
  AuditRun globbed =
      Run(Write("glob.yaml", waiver("{path: \"certs/broken-*.pem\"}")), {}, Severity::kError);
  size_t input_failing = 0, waiver_errors = 0;
  for (const Finding& f : globbed.result.findings) {
    input_failing += f.rule == kInputRuleId && f.status == Status::kFail ? 1 : 0;
    waiver_errors +=
        f.rule == kWaiverRuleId && f.severity == Severity::kError &&
                f.message.find("must name the exact artifact path") != std::string::npos
            ? 1
            : 0;
  }
  EXPECT_EQ(input_failing, 2u);
  EXPECT_EQ(waiver_errors, 1u);
  EXPECT_TRUE(globbed.result.GateFailed());

  AuditRun exact = Run(Write("exact.yaml", waiver("{path: certs/broken-1.pem}")));
  size_t waived = 0;
  for (const Finding& f : exact.result.findings) {
    waived += f.rule == kInputRuleId && f.status == Status::kWaived ? 1 : 0;
  }
  EXPECT_EQ(waived, 1u);
  EXPECT_EQ(CountGate(exact.result).waived_input, 1u);
}

TEST_F(GateTest, ABaselineOfAnotherPackOrToolIsAnError) {
  auto error = [&](const std::string& json) {
    try {
      Run({}, Write("baseline.json", json));
    } catch (const PackError& e) {
      return std::string(e.what());
    }
    return std::string();
  };
  EXPECT_NE(error(R"({"tool": {"name": "cpaudit"}, "pack": {"id": "other-pack"}, "findings": []})")
                .find("made with pack \"other-pack\"; this run uses pack \"secom-rootca1-tsa\""),
            std::string::npos);
  EXPECT_NE(
      error(R"({"tool": {"name": "zlint"}, "pack": {"id": "secom-rootca1-tsa"}, "findings": []})")
          .find("made by \"zlint\", not cpaudit"),
      std::string::npos);
}

TEST_F(GateTest, EmptyEvidenceFailsTheGateUnlessAllowed) {
  fs::path empty = dir_ / "empty";
  fs::create_directories(empty / "ca");
  fs::copy(testing::SourceDir() / "corpus/demo/ca/ca.pem", empty / "ca/ca.pem");
  AuditRequest request;
  request.evidence = empty;
  AuditRun run = RunAudit(request);
  ASSERT_EQ(run.result.findings.size(), 1u);
  EXPECT_EQ(
      CanonicalLine(run.result.findings[0]).rfind("ERROR cpaudit-input .: nothing to audit", 0),
      0u);
  EXPECT_TRUE(run.result.GateFailed());
  request.allow_empty = true;
  EXPECT_FALSE(RunAudit(request).result.GateFailed());
}

// A section passes only when every rule passed on every artifact it applies to.
TEST_F(GateTest, SectionsWhoseRulesWereNotAllEvaluatedArePartial) {
  AuditRequest request;
  request.evidence = testing::CompliantCase();
  AuditRun run = RunAudit(request);
  std::map<std::string, std::string> results;
  for (const CoverageEntry& c : run.pack->coverage) {
    if (c.status == "automated") results[c.section] = SectionResult(run.result, c);
  }
  EXPECT_EQ(results["7.1.4"], "pass");
  // 4.9.5's deadline rule has no events to be evaluated on.
  EXPECT_EQ(results["4.9.5"], "not_evaluated");
  nlohmann::json json = ReportView(run.result).Json();
  size_t partial = 0;
  for (const auto& c : json["coverage"]) {
    if (!c.contains("result")) continue;
    EXPECT_EQ(c["result"], results[c["section"]]);
    partial += c["result"] == "partial" ? 1 : 0;
  }
  EXPECT_GT(partial, 0u);  // 4.3.1 and 4.9.8: one rule passed, another had no events
}

}  // namespace
}  // namespace cpaudit
