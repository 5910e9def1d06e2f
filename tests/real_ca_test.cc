// Real CA software configured per CP chapter 7 (corpus/real-ca/): `openssl
// ca`, GnuTLS certtool and CloudFlare cfssl. The correct configuration of each
// fires nothing but what the tool cannot express (documented in each folder's
// README) and the relying-party notice for the certificate it revokes; each
// misconfiguration adds exactly its rule.

#include <gtest/gtest.h>

#include <nlohmann/json.hpp>
#include <set>

#include "tests/test_util.h"

namespace cpaudit {
namespace {

namespace fs = std::filesystem;

struct Case {
  const char* tool;
  const char* variant;
  std::set<std::string> added;  // rule ids beyond the tool's correct configuration
  const char* mentions = "";    // a finding must say this (when the rule is already expected)
};

// What each tool's correct configuration cannot avoid.
std::set<std::string> Limits(const std::string& tool) {
  if (tool == "gnutls") {
    // Key identifiers are SHA-1 of the whole SubjectPublicKeyInfo, not method 1;
    // basicConstraints is always added; CRL entries carry no reason codes; the
    // TSA's extendedKeyUsage is never marked critical (a notice: RFC 3161 2.3).
    return {"cp-7.1.2-aki-sha1",          "cp-7.1.2-ski-sha1",
            "cp-7.2.2-crl-aki-sha1",      "cp-7.1.2-no-other-extensions",
            "cp-4.9.8-reasons-published", "cp-7.1.2-eku-tsa-critical"};
  }
  if (tool == "cfssl") {
    // Signs with sha256WithRSAEncryption only; adds basicConstraints; no reason
    // codes; the TSA's extendedKeyUsage is never marked critical; gencrl writes
    // no cRLNumber (RFC 5280 5.2.3 requires one).
    return {"cp-7.1.3-signature-algorithm", "cp-7.2-crl-signature-algorithm",
            "cp-7.1.2-no-other-extensions", "cp-4.9.8-reasons-published",
            "cp-7.1.2-eku-tsa-critical",    "rfc5280-5.2.3-crl-number"};
  }
  return {};
}

class RealCa : public ::testing::TestWithParam<Case> {};

TEST_P(RealCa, FiresExactlyItsRules) {
  const Case& c = GetParam();
  if (std::string(c.tool) != "openssl" &&
      !fs::exists(std::string("/usr/bin/") +
                  (std::string(c.tool) == "gnutls" ? "certtool" : "cfssl"))) {
    if (std::getenv("CPAUDIT_REQUIRE_TOOLS")) FAIL() << c.tool << " is not installed";
    GTEST_SKIP() << c.tool << " is not installed (scripts/setup-tools.sh)";
  }
  fs::path out =
      fs::temp_directory_path() / (std::string("cpaudit-real-ca-") + std::to_string(::getpid()) +
                                   "-" + c.tool + "-" + c.variant);
  std::string output;
  ASSERT_EQ(
      testing::RunCommand((testing::SourceDir() / "corpus/real-ca" / c.tool / "build.sh").string() +
                              " " + out.string() + " " + c.variant + " 2>&1",
                          &output),
      0)
      << output;
  int code = testing::RunCommand(
      std::string(CPAUDIT_BINARY) + " audit " + out.string() + " --report json=- --quiet", &output);
  auto report = nlohmann::json::parse(output);
  std::set<std::string> fired;
  bool mentioned = std::string(c.mentions).empty();
  for (const auto& f : report["findings"]) {
    std::string rule = f["rule"];
    mentioned |= f["message"].get<std::string>().find(c.mentions) != std::string::npos;
    if (rule == "cp-9.6.3-relying-party") {
      // The one certificate build.sh revokes.
      EXPECT_EQ(f["artifact"], "certs/ta-2.pem") << f.dump();
      EXPECT_NE(f["message"].get<std::string>().find("revoked"), std::string::npos);
      continue;
    }
    fired.insert(rule);
  }
  std::set<std::string> expected = Limits(c.tool);
  expected.insert(c.added.begin(), c.added.end());
  EXPECT_EQ(fired, expected) << output;
  EXPECT_TRUE(mentioned) << "no finding mentions " << c.mentions;
  bool has_error = false;
  for (const auto& f : report["findings"]) has_error |= f["severity"] == "error";
  EXPECT_EQ(code, has_error ? 1 : 0);
  bool renewed = std::string(c.variant) == "same-key-renewed";
  EXPECT_EQ(report["evidence"]["certificates"], renewed ? 5 : 4);
  EXPECT_EQ(report["evidence"]["crls"], 1);
  // openssl: the database it wrote, read by the index.txt adapter (issuances and
  // the revocation); the others: the event log their build script keeps.
  size_t issued = renewed ? 5 : 4;
  EXPECT_EQ(report["evidence"]["events"], issued + (std::string(c.tool) == "openssl" ? 1 : 2));
  fs::remove_all(out);
}

INSTANTIATE_TEST_SUITE_P(
    Tools, RealCa,
    ::testing::Values(
        Case{"openssl", "correct", {}},
        Case{"openssl",
             "sha256",
             {"cp-7.1.3-signature-algorithm", "cp-7.2-crl-signature-algorithm"}},
        Case{"openssl", "no-policies", {"cp-7.1.2-certificate-policies"}},
        Case{"openssl", "wrong-crl-url", {"cp-7.1.2-crl-distribution-point"}},
        Case{"openssl",
             "key-cert-sign",
             {"cp-7.1.2-key-usage", "rfc5280-4.2.1.3-key-cert-sign-needs-ca",
              "rfc5280-4.2.1.3-rsa-key-usage"}},
        Case{"openssl", "copyall", {"cp-7.1.2-no-other-extensions"}, "subject_alt_name"},
        Case{"openssl", "crl-400-days", {"cp-4.9.7-crl-validity-max-1y"}},
        Case{"openssl", "underscore-subject", {"cp-7.1.4-subject-charset"}},
        // index.txt records no subscriber, so a DN on two certificates also asks
        // for a look under 3.1.5 (warning).
        Case{"openssl",
             "same-key-renewed",
             {"cp-4.6-no-renewal-without-rekey", "cp-3.1.5-subject-unique"}},
        Case{"gnutls", "correct", {}},
        Case{
            "gnutls", "sha256", {"cp-7.1.3-signature-algorithm", "cp-7.2-crl-signature-algorithm"}},
        Case{"gnutls", "no-policies", {"cp-7.1.2-certificate-policies"}},
        Case{"gnutls", "wrong-crl-url", {"cp-7.1.2-crl-distribution-point"}},
        Case{"gnutls", "copyall", {}, "subject_alt_name"},
        Case{"gnutls", "crl-400-days", {"cp-4.9.7-crl-validity-max-1y"}},
        Case{"gnutls", "underscore-subject", {"cp-7.1.4-subject-charset"}},
        // The bundle's events name one subscriber for both: a notice under 3.1.5.
        Case{"gnutls",
             "same-key-renewed",
             {"cp-4.6-no-renewal-without-rekey", "cp-3.1.5-subject-reused"}},
        Case{"cfssl", "correct", {}},
        Case{"cfssl", "no-policies", {"cp-7.1.2-certificate-policies"}},
        Case{"cfssl", "wrong-crl-url", {"cp-7.1.2-crl-distribution-point"}},
        Case{"cfssl",
             "key-cert-sign",
             {"cp-7.1.2-key-usage", "rfc5280-4.2.1.3-key-cert-sign-needs-ca",
              "rfc5280-4.2.1.3-rsa-key-usage"}},
        Case{"cfssl", "copyall", {}, "subject_alt_name"},
        Case{"cfssl", "underscore-subject", {"cp-7.1.4-subject-charset"}},
        Case{"cfssl",
             "same-key-renewed",
             {"cp-4.6-no-renewal-without-rekey", "cp-3.1.5-subject-reused"}}),
    [](const ::testing::TestParamInfo<Case>& info) {
      std::string name = std::string(info.param.tool) + "_" + info.param.variant;
      for (char& c : name) {
        if (c == '-') c = '_';
      }
      return name;
    });

// The second shipped pack (rules/tsa-rfc3161-cabf) on each tool's correct
// configuration: a CA set up for the SECOM CP, not for the CS BR, so its TSA
// certificates break the BR where the two differ (RSA 2048, SHA-1, no AIA,
// SECOM's policy and CRL URL), and gnutls and cfssl cannot mark the
// extendedKeyUsage critical (RFC 3161 2.3).
TEST(RealCaTsaPack, JudgesEachToolsTsaCertificates) {
  const std::set<std::string> common = {
      "csbr-6.1.5.2-key-size", "csbr-7.1.2.3-authority-info-access",
      "csbr-7.1.2.3-certificate-policies", "csbr-7.1.2.3-crl-distribution-points"};
  const std::vector<std::pair<std::string, std::set<std::string>>> tools = {
      {"openssl", {"csbr-7.1-serial-number", "csbr-7.1.3.2-signature-algorithm"}},
      {"gnutls",
       {"csbr-7.1-serial-number", "csbr-7.1.3.2-signature-algorithm", "csbr-7.1.2.3-eku",
        "rfc3161-2.3-eku-time-stamping-only"}},
      {"cfssl",
       {"csbr-7.1.2.3-eku", "rfc3161-2.3-eku-time-stamping-only", "rfc5280-5.2.3-crl-number"}}};
  for (const auto& [tool, added] : tools) {
    if (tool != "openssl" &&
        !fs::exists(std::string("/usr/bin/") + (tool == "gnutls" ? "certtool" : "cfssl"))) {
      if (std::getenv("CPAUDIT_REQUIRE_TOOLS")) ADD_FAILURE() << tool << " is not installed";
      continue;
    }
    testing::TempDir out;
    std::string output;
    ASSERT_EQ(
        testing::RunCommand((testing::SourceDir() / "corpus/real-ca" / tool / "build.sh").string() +
                                " " + (out.path() / "ca").string() + " correct 2>&1",
                            &output),
        0)
        << output;
    int code = testing::RunCommand(
        std::string(CPAUDIT_BINARY) + " audit " + (out.path() / "ca").string() + " --pack " +
            (testing::SourceDir() / "rules/tsa-rfc3161-cabf").string() + " --report json=- --quiet",
        &output);
    EXPECT_EQ(code, 1) << output;
    auto report = nlohmann::json::parse(output);
    std::set<std::string> fired;
    for (const auto& f : report["findings"]) fired.insert(f["rule"].get<std::string>());
    std::set<std::string> expected = common;
    expected.insert(added.begin(), added.end());
    EXPECT_EQ(fired, expected) << tool << ": " << output;
  }
}

// The same pack on the bundled demo: its TSA certificates are SHA-1 signed,
// short-serialled and two years long; the TA certificates are not judged.
TEST(RealCaTsaPack, JudgesTheDemo) {
  std::string output;
  int code = testing::RunCommand(std::string(CPAUDIT_BINARY) + " audit " +
                                     (testing::SourceDir() / "corpus/demo").string() + " --pack " +
                                     (testing::SourceDir() / "rules/tsa-rfc3161-cabf").string() +
                                     " --report json=- --quiet",
                                 &output);
  EXPECT_EQ(code, 1);
  auto report = nlohmann::json::parse(output);
  std::set<std::string> fired;
  for (const auto& f : report["findings"]) {
    fired.insert(f["rule"].get<std::string>());
    EXPECT_EQ(f["artifact"].get<std::string>().rfind("certs/tsa-", 0), 0u) << f.dump();
  }
  EXPECT_TRUE(fired.count("csbr-7.1.3.2-signature-algorithm")) << output;
  EXPECT_TRUE(fired.count("csbr-6.3.2-key-rotation")) << output;
  EXPECT_FALSE(fired.count("cpaudit-input")) << output;
}

}  // namespace
}  // namespace cpaudit
