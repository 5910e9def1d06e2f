// A real CA, `openssl ca` configured per CP chapter 7 (corpus/real-ca/openssl):
// its output passes every rule, and each misconfiguration fires exactly its rule.

#include <gtest/gtest.h>

#include <nlohmann/json.hpp>
#include <set>

#include "tests/test_util.h"

namespace cpaudit {
namespace {

namespace fs = std::filesystem;

struct Variant {
  const char* name;
  std::set<std::string> rules;  // rule ids that must fire, beyond the revoked-certificate notice
};

class OpenSslCa : public ::testing::TestWithParam<Variant> {};

TEST_P(OpenSslCa, FiresExactlyItsRules) {
  const Variant& v = GetParam();
  fs::path out = fs::temp_directory_path() /
                 ("cpaudit-openssl-ca-" + std::to_string(::getpid()) + "-" + v.name);
  std::string output;
  ASSERT_EQ(
      testing::RunCommand((testing::SourceDir() / "corpus/real-ca/openssl/build.sh").string() +
                              " " + out.string() + " " + v.name + " 2>&1",
                          &output),
      0)
      << output;
  int code = testing::RunCommand(
      std::string(CPAUDIT_BINARY) + " audit " + out.string() + " --report json=- --quiet", &output);
  auto report = nlohmann::json::parse(output);
  std::set<std::string> fired;
  for (const auto& f : report["findings"]) {
    std::string rule = f["rule"];
    if (rule == "cp-9.6.3-relying-party") {
      // The one certificate build.sh revokes for key compromise.
      EXPECT_EQ(f["artifact"], "certs/ta-2.pem") << f.dump();
      EXPECT_NE(f["message"].get<std::string>().find("keyCompromise"), std::string::npos);
      continue;
    }
    fired.insert(rule);
  }
  EXPECT_EQ(fired, v.rules) << output;
  bool has_error = false;
  for (const auto& f : report["findings"]) has_error |= f["severity"] == "error";
  EXPECT_EQ(code, has_error ? 1 : 0);
  EXPECT_EQ(report["evidence"]["certificates"], v.name == std::string("same-key-renewed") ? 5 : 4);
  EXPECT_EQ(report["evidence"]["crls"], 1);
  // The database openssl ca wrote, read by the index.txt adapter: four
  // issuances and the revocation.
  EXPECT_EQ(report["evidence"]["events"], v.name == std::string("same-key-renewed") ? 6 : 5);
  fs::remove_all(out);
}

INSTANTIATE_TEST_SUITE_P(
    Variants, OpenSslCa,
    ::testing::Values(Variant{"correct", {}},
                      Variant{"sha256",
                              {"cp-7.1.3-signature-algorithm", "cp-7.2-crl-signature-algorithm"}},
                      Variant{"no-policies", {"cp-7.1.2-certificate-policies"}},
                      Variant{"wrong-crl-url", {"cp-7.1.2-crl-distribution-point"}},
                      Variant{"key-cert-sign", {"cp-7.1.2-key-usage"}},
                      Variant{"copyall", {"cp-7.1.2-no-other-extensions"}},
                      Variant{"crl-400-days", {"cp-4.9.7-crl-validity-max-1y"}},
                      Variant{"underscore-subject", {"cp-7.1.4-subject-charset"}},
        // The renewal reuses the key (4.6); the two certificates share a DN and
        // index.txt records no subscriber, so 3.1.5 asks for a look (warning).
        Variant{"same-key-renewed",
                {"cp-4.6-no-renewal-without-rekey", "cp-3.1.5-subject-unique"}}),
    [](const ::testing::TestParamInfo<Variant>& info) {
      std::string name = info.param.name;
      for (char& c : name) {
        if (c == '-') c = '_';
      }
      return name;
    });

}  // namespace
}  // namespace cpaudit
