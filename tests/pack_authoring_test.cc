// A pack author's whole path, outside the repository and without C++: a small
// English pack with a profile, numeric, date, curve and cross-artifact
// conditions and remediation; fixtures from recipes; `fixtures build`, then
// `test-pack --update` writes the expectations, `test-pack` passes, and the
// reports show the pack's text and remediation.

#include <gtest/gtest.h>

#include <nlohmann/json.hpp>

#include "tests/test_util.h"

namespace cpaudit {
namespace {

namespace fs = std::filesystem;
using testing::Cpaudit;
using testing::ShellQuote;

constexpr const char* kPack = R"(id: example-ta
version: 0.1.0
title: Example CA time authority profile
policy:
  title: Example CA Certificate Policy for Time Authorities
  oids: ["1.3.6.1.4.1.99999.7"]
fixtures: fixtures
profiles:
  ta:
    when:
      field: subject.attributes[*].type
      contains: CN
  other: {}
coverage:
  - section: "6.1"
    title: Keys
    status: automated
    rules: [ex-6.1-key]
  - section: "6.3"
    title: Validity
    status: automated
    rules: [ex-6.3-validity]
  - section: "7.1"
    title: Profile
    status: automated
    rules: [ex-7.1-aki]
)";

constexpr const char* kRules = R"(rules:
  - id: ex-6.1-key
    title: RSA keys of 3072 bits or more, EC keys on P-384
    cp: "6.1"
    text: {en: "TA keys are RSA of at least 3072 bits or ECDSA on P-384."}
    severity: error
    remediation: "Generate the TA key with rsa_keygen_bits:3072 or on P-384."
    applies_to: certificate
    profiles: [ta]
    check:
      all:
        - field: public_key.rsa_bits
          ">=": 3072
        - field: public_key.ec_curve
          in: [P-384]
    message: "the key is too weak: {field} {value}"
  - id: ex-6.3-validity
    title: At most 400 days, and not beyond the CA
    cp: "6.3"
    text: {en: "A TA certificate is valid for at most 400 days and ends before its CA's."}
    severity: warning
    remediation: "Issue for 400 days or fewer, ending before the CA certificate."
    applies_to: certificate
    profiles: [ta]
    check:
      all:
        - field: validity.duration_days
          "<=": 400
        - field: validity.not_after
          "<=": {field: issuer_certificate.validity.not_after}
    message: "{field} is {value}, {expected}"
  - id: ex-7.1-aki
    title: The AKI names the issuing CA's key
    cp: "7.1"
    text: {en: "authorityKeyIdentifier carries the CA's subjectKeyIdentifier."}
    severity: error
    remediation: "Use authorityKeyIdentifier = keyid."
    applies_to: certificate
    profiles: [ta]
    check:
      field: authority_key_identifier.key_id
      equals: {field: issuer_certificate.subject_key_identifier}
    message: "AKI {value} is not {expected}"
)";

std::string Base() {
  return "keys: " + (testing::SourceDir() / "corpus/keys").string() + R"(
at: "2026-06-01T00:00:00Z"
ca:
  key: ca
  serial: "01"
  subject: "C=BR, O=Example CA, CN=Example Root"
  validity: {not_before: "2020-01-01T00:00:00Z", not_after: "2030-01-01T00:00:00Z"}
  extensions: {subjectKeyIdentifier: hash, basicConstraints: "critical,CA:TRUE", keyUsage: "critical,keyCertSign,cRLSign"}
profiles:
  ta:
    key: rsa-3072
    serial: "7a1b2c3d4e5f60718293a4b5c6d7e8f9"
    subject: "C=BR, O=Example Time, CN=Example TA"
    validity: {not_before: "2026-01-01T00:00:00Z", not_after: "2027-01-01T00:00:00Z"}
    extensions: {authorityKeyIdentifier: keyid, subjectKeyIdentifier: hash, keyUsage: "critical,digitalSignature"}
)";
}

TEST(PackAuthoring, AnEnglishPackFromRecipesAloneLoadsTestsAndReports) {
  testing::TempDir dir;
  fs::path pack = dir.path() / "example-ta";
  dir.Write("example-ta/pack.yaml", kPack);
  dir.Write("example-ta/rules.yaml", kRules);
  dir.Write("example-ta/fixtures/base.yaml", Base());
  dir.Write("example-ta/fixtures/compliant/recipe.yaml",
            "base: ../base.yaml\ncertificates:\n  ta: {profile: ta}\n");
  dir.Write("example-ta/fixtures/ex-6.1-key/p-256/recipe.yaml",
            "base: ../../base.yaml\ncertificates:\n  ta: {profile: ta, key: ec-p256}\n");
  dir.Write("example-ta/fixtures/ex-6.3-validity/outlives-ca/recipe.yaml",
            "base: ../../base.yaml\ncertificates:\n  ta:\n    profile: ta\n    validity: "
            "{not_before: \"2029-06-01T00:00:00Z\", not_after: \"2030-06-01T00:00:00Z\"}\n");
  dir.Write("example-ta/fixtures/ex-7.1-aki/other-key/recipe.yaml",
            "base: ../../base.yaml\ncertificates:\n  ta:\n    profile: ta\n    extensions:\n"
            "      authorityKeyIdentifier: {der: "
            "\"301680140102030405060708090a0b0c0d0e0f1011121314\"}\n");
  std::string output;
  ASSERT_EQ(testing::RunCommand(Cpaudit("fixtures build " + ShellQuote(pack.string())), &output), 0)
      << output;
  EXPECT_NE(output.find("4 recipes, 4 rebuilt, 0 failed"), std::string::npos) << output;
  // Nothing expected yet: test-pack fails, --update writes what the pack reports.
  EXPECT_EQ(testing::RunCommand(Cpaudit("test-pack " + ShellQuote(pack.string())), &output), 1);
  ASSERT_EQ(
      testing::RunCommand(Cpaudit("test-pack --update " + ShellQuote(pack.string())), &output), 0)
      << output;
  EXPECT_EQ(testing::ReadFile(pack / "fixtures/ex-6.1-key/p-256/expected.txt"),
            "ERROR ex-6.1-key certs/ta.pem: the key is too weak: public_key.ec_curve P-256\n");
  EXPECT_EQ(testing::ReadFile(pack / "fixtures/ex-6.3-validity/outlives-ca/expected.txt"),
            "WARNING ex-6.3-validity certs/ta.pem: validity.not_after is 2030-06-01T00:00:00Z, "
            "at most 2030-01-01T00:00:00Z (issuer_certificate.validity.not_after)\n");
  EXPECT_NE(
      testing::ReadFile(pack / "fixtures/ex-7.1-aki/other-key/expected.txt")
          .find("ERROR ex-7.1-aki certs/ta.pem: AKI 0102030405060708090a0b0c0d0e0f1011121314"),
      std::string::npos);
  EXPECT_EQ(testing::ReadFile(pack / "fixtures/compliant/expected.txt"), "");
  ASSERT_EQ(testing::RunCommand(Cpaudit("test-pack " + ShellQuote(pack.string())), &output), 0)
      << output;
  EXPECT_NE(output.find("0 without a failing and 0 without a passing fixture"), std::string::npos);

  // The reports carry the pack's English text and remediation.
  testing::RunCommand(Cpaudit("audit " + ShellQuote((pack / "fixtures/ex-6.1-key/p-256").string()) +
                              " --pack " + ShellQuote(pack.string()) + " --report json=- --quiet"),
                      &output);
  auto report = nlohmann::json::parse(output);
  ASSERT_EQ(report["findings"].size(), 1u) << output;
  EXPECT_EQ(report["findings"][0]["remediation"],
            "Generate the TA key with rsa_keygen_bits:3072 or on P-384.");
  bool shown = false;
  for (const auto& rule : report["rules"]) {
    if (rule["id"] != "ex-6.1-key") continue;
    shown = true;
    EXPECT_EQ(rule["text"]["en"], "TA keys are RSA of at least 3072 bits or ECDSA on P-384.");
    EXPECT_FALSE(rule["text"].contains("ja")) << rule.dump();
  }
  EXPECT_TRUE(shown) << output;
  std::string text_report;
  testing::RunCommand(Cpaudit("audit " + ShellQuote((pack / "fixtures/ex-6.1-key/p-256").string()) +
                              " --pack " + ShellQuote(pack.string()) + " --report text=- --quiet"),
                      &text_report);
  EXPECT_NE(text_report.find("what to do: Generate the TA key"), std::string::npos) << text_report;
}

}  // namespace
}  // namespace cpaudit
