#include "harness/evaluator.h"

#include <gtest/gtest.h>

#include "harness/audit.h"
#include "tests/test_util.h"

namespace cpaudit {
namespace {

namespace fs = std::filesystem;

EvaluateOptions AtTime(const char* at) {
  EvaluateOptions options;
  options.at = *ParseRfc3339(at);
  return options;
}

std::vector<std::string> Lines(const RunResult& r) {
  std::vector<std::string> out;
  for (const Finding& f : r.findings) out.push_back(CanonicalLine(f) + " " + f.fingerprint);
  return out;
}

TEST(Evaluator, SameResultsInTheSameOrderWhateverTheThreadCount) {
  auto pack = LoadPack(EmbeddedDefaultPack(), "built-in");
  auto evidence = Evidence::Load(testing::SourceDir() / "corpus/demo");
  EvaluateOptions one;
  one.at = *ParseRfc3339("2026-06-01T00:00:00Z");
  one.threads = 1;
  EvaluateOptions many = one;
  many.threads = 7;
  RunResult a = Evaluate(*pack, *evidence, "demo", one);
  RunResult b = Evaluate(*pack, *evidence, "demo", many);
  EXPECT_EQ(Lines(a), Lines(b));
  EXPECT_FALSE(a.findings.empty());
}

TEST(Evaluator, MissingInputsAreNotEvaluatedNeverPass) {
  auto pack = LoadPack(EmbeddedDefaultPack(), "built-in");
  Evidence empty;
  RunResult r = Evaluate(*pack, empty, "empty", {});
  for (const RuleTally& t : r.rules) {
    EXPECT_EQ(t.status, Status::kNotEvaluated) << t.rule->id;
    ASSERT_FALSE(t.reasons.empty()) << t.rule->id;
  }
  EXPECT_FALSE(r.GateFailed());
}

TEST(Evaluator, CertificatesWithoutTheirCaAreNotEvaluatedForCaRules) {
  auto pack = LoadPack(EmbeddedDefaultPack(), "built-in");
  auto full = Evidence::Load(testing::CompliantCase());
  Evidence no_ca;
  for (const auto& c : full->certificates()) no_ca.AddCertificate(c);
  RunResult r = Evaluate(*pack, no_ca, "no-ca", {});
  for (const RuleTally& t : r.rules) {
    if (t.rule->id == "cp-4.3.1-signature-valid" || t.rule->id == "cp-7.1.2-aki-sha1") {
      EXPECT_EQ(t.status, Status::kNotEvaluated) << t.rule->id;
      EXPECT_EQ(t.reasons.at(0), "no CA certificate in the evidence matches the issuer");
    }
    if (t.rule->id == "cp-7.1.1-version-v3") {
      EXPECT_EQ(t.status, Status::kPass);
    }
  }
}

TEST(Evaluator, ProfilesDecideWhichRulesApply) {
  auto pack = LoadPack(EmbeddedDefaultPack(), "built-in");
  auto evidence = Evidence::Load(testing::CompliantCase());
  RunResult r = Evaluate(*pack, *evidence, "compliant", AtTime("2026-06-01T00:00:00Z"));
  for (const RuleTally& t : r.rules) {
    if (t.rule->id == "cp-7.1.2-eku-tsa" || t.rule->id == "cp-7.1.2-eku-ta-absent") {
      EXPECT_EQ(t.count(Status::kPass), 1u) << t.rule->id;
      EXPECT_EQ(t.count(Status::kNotApplicable), 1u) << t.rule->id;
    }
  }
  EXPECT_TRUE(r.findings.empty());
}

// An issuance event declares the profile of its own certificate only: by
// its `certificate` path, else by a serial no other certificate shares.
TEST(Evaluator, AnIssuanceEventsProfileBindsToOneCertificate) {
  auto pack = LoadPack(EmbeddedDefaultPack(), "built-in");
  for (const char* name : {"shared-serial-event-by-path", "shared-serial-event-by-serial"}) {
    auto evidence = Evidence::Load(testing::FixtureCase("cp-7.1-serial-unique", name));
    RunResult r = Evaluate(*pack, *evidence, name, AtTime("2026-06-01T00:00:00Z"));
    for (const ArtifactInfo& a : r.artifacts) {
      if (a.name == "certs/tsa.pem") {
        EXPECT_NE(a.description.find(", tsa)"), std::string::npos) << name;
      }
      if (a.name == "certs/ta.pem") {
        EXPECT_NE(a.description.find(", ta)"), std::string::npos) << name;
      }
    }
    for (const Finding& f : r.findings) EXPECT_EQ(f.rule, "cp-7.1-serial-unique") << name;
  }
  // A TA declared by its event is a TA whatever its EKU says.
  auto declared = Evidence::Load(
      testing::FixtureCase("cp-7.1.2-eku-ta-absent", "declared-ta-with-time-stamping"));
  RunResult r = Evaluate(*pack, *declared, "declared", AtTime("2026-06-01T00:00:00Z"));
  ASSERT_EQ(r.findings.size(), 1u);
  EXPECT_EQ(r.findings[0].rule, "cp-7.1.2-eku-ta-absent");
}

// Profiles are the pack's: an issuance naming another is said, not skipped,
// and its certificate has no profile (rules for a profile do not apply).
TEST(Evaluator, AnIssuanceNamingAnUndeclaredProfileIsAnInputFinding) {
  auto pack = LoadPack(EmbeddedDefaultPack(), "built-in");
  testing::TempDir dir;
  for (const auto& e : fs::recursive_directory_iterator(testing::CompliantCase())) {
    fs::path to = dir.path() / fs::relative(e.path(), testing::CompliantCase());
    if (e.is_directory()) fs::create_directories(to);
    if (e.is_regular_file()) fs::copy_file(e.path(), to);
  }
  auto tsa = Evidence::Load(testing::CompliantCase())->certificates()[1];
  dir.Write("events/ca.jsonl",
            R"({"time": "2026-01-05T09:00:00+09:00", "type": "certificate_issued", "serial": ")" +
                tsa->serial_hex() + R"(", "profile": "ocsp", "certificate": "certs/tsa.pem"})" +
                "\n");
  auto evidence = Evidence::Load(dir.path());
  RunResult r = Evaluate(*pack, *evidence, "x", AtTime("2026-06-01T00:00:00Z"));
  bool said = false;
  for (const Finding& f : r.findings) {
    said |= f.rule == kInputRuleId && f.artifact == "certs/tsa.pem" &&
            f.message.find("names profile \"ocsp\", which the pack does not declare (tsa, ta)") !=
                std::string::npos;
  }
  EXPECT_TRUE(said);
  for (const RuleTally& t : r.rules) {
    if (t.rule->id == "cp-7.1.2-eku-tsa") {
      EXPECT_EQ(t.count(Status::kNotApplicable), 2u);  // ta.pem is a TA, tsa.pem has none
    }
  }
}

TEST(Evaluator, EffectiveDatesMakeRulesNotEffective) {
  const char* manifest = R"(id: t
version: "1"
title: t
coverage:
  - {section: "1", title: t, status: automated, rules: [future, past]}
)";
  const char* rules = R"(rules:
  - id: future
    title: t
    cp: "1"
    text: {ja: t, en: t}
    severity: error
    applies_to: certificate
    effective: 2027-01-01
    check: {field: version, equals: 1}
    message: m
  - id: past
    title: t
    cp: "1"
    text: {ja: t, en: t}
    severity: error
    applies_to: certificate
    ineffective: 2020-01-01
    check: {field: version, equals: 1}
    message: m
)";
  auto pack = LoadPack({{"pack.yaml", manifest}, {"r.yaml", rules}}, "t");
  auto evidence = Evidence::Load(testing::CompliantCase());
  RunResult r = Evaluate(*pack, *evidence, "x", {});
  for (const RuleTally& t : r.rules) {
    EXPECT_EQ(t.status, Status::kNotEffective) << t.rule->id;
  }
  EXPECT_FALSE(r.GateFailed());
}

TEST(Evaluator, FailOnDecidesTheGate) {
  AuditRequest request;
  request.evidence = testing::FixtureCase("cp-7.1.6-single-policy", "two-policies");
  request.fail_on = Severity::kError;
  EXPECT_FALSE(RunAudit(request).result.GateFailed());
  request.fail_on = Severity::kWarning;
  EXPECT_TRUE(RunAudit(request).result.GateFailed());
}

TEST(Evaluator, FingerprintsDoNotDependOnWhereTheEvidenceLives) {
  auto pack = LoadPack(EmbeddedDefaultPack(), "built-in");
  auto evidence = Evidence::Load(testing::SourceDir() / "corpus/demo");
  RunResult a = Evaluate(*pack, *evidence, "corpus/demo", {});
  auto again = Evidence::Load(testing::SourceDir() / "corpus/../corpus/demo");
  RunResult b = Evaluate(*pack, *again, "/elsewhere/demo", {});
  ASSERT_EQ(a.findings.size(), b.findings.size());
  for (size_t i = 0; i < a.findings.size(); ++i) {
    EXPECT_EQ(a.findings[i].fingerprint, b.findings[i].fingerprint);
  }
}

// Every certificate and CRL of the external corpora that the model reads goes
// through every rule: nothing throws or crashes, every artifact gets a status.
TEST(Evaluator, EvaluatesTheExternalCorporaWithoutFault) {
  fs::path shared = testing::SharedDir() / "external";
  if (!fs::is_directory(shared)) GTEST_SKIP() << "no " << shared;
  Evidence evidence;
  auto demo = Evidence::Load(testing::SourceDir() / "corpus/demo");
  evidence.AddCa(demo->cas()[0].certificate);
  int n = 0;
  for (const auto& e : fs::recursive_directory_iterator(shared)) {
    if (!e.is_regular_file()) continue;
    std::string raw = testing::ReadFile(e.path());
    std::string error;
    auto items =
        SplitEncoded(ByteView(reinterpret_cast<const uint8_t*>(raw.data()), raw.size()), &error);
    if (!items) continue;
    for (auto& item : *items) {
      Source source{fs::relative(e.path(), shared).string(), ++n, 0};
      bool crl = item.label == "X509 CRL" || e.path().extension() == ".crl";
      if (crl) {
        if (auto c = Crl::Parse(item.der, source, &error)) evidence.AddCrl(std::move(c));
      } else if (auto c = Certificate::Parse(item.der, source, &error)) {
        evidence.AddCertificate(std::move(c));
      }
    }
  }
  auto pack = LoadPack(EmbeddedDefaultPack(), "built-in");
  RunResult r = Evaluate(*pack, evidence, "external", AtTime("2026-06-01T00:00:00Z"));
  for (const RuleTally& t : r.rules) {
    size_t total = 0;
    for (size_t c : t.counts) total += c;
    if (t.rule->applies_to == ArtifactKind::kCrl) {
      EXPECT_EQ(total, evidence.crls().size()) << t.rule->id;
    }
    if (t.rule->applies_to == ArtifactKind::kCertificate) {
      EXPECT_EQ(total, evidence.certificates().size()) << t.rule->id;
    }
  }
  EXPECT_GT(evidence.certificates().size(), 1000u);
  EXPECT_GT(evidence.crls().size(), 100u);
}

}  // namespace
}  // namespace cpaudit
