// zlint parity (tests/zlint_parity.yaml): the rfc5280 pack run over zlint's own
// test files must reach zlint's verdict on every case, except the listed
// disagreements, and agree on at least 95% of the cases.

#include <fmt/format.h>
#include <gtest/gtest.h>
#include <yaml-cpp/yaml.h>

#include <map>
#include <nlohmann/json.hpp>
#include <set>

#include "tests/test_util.h"

namespace cpaudit {
namespace {

namespace fs = std::filesystem;

struct ParityCase {
  std::string lint;
  std::string rule;
  std::string file;
  std::string zlint;     // error, warn, pass, na, ne
  std::string expected;  // what cpaudit must say: fail or pass
  bool disagreement = false;
  // Where the rule reports several problems (der-x690-certificate), the one
  // that is the lint's: text its finding's message contains.
  std::string finding;
  // A case whose file cpaudit fails through another rule, because the
  // defect zlint looks for sits inside a value that is malformed as a whole
  // (zlint's Go parser reads what OpenSSL refuses): that rule and its text.
  std::string via_rule;
  std::string via_finding;
};

std::vector<ParityCase> LoadCases() {
  YAML::Node doc = YAML::LoadFile((testing::SourceDir() / "tests/zlint_parity.yaml").string());
  std::vector<ParityCase> out;
  for (const auto& lint : doc["lints"]) {
    for (const auto& c : lint["cases"]) {
      ParityCase p;
      p.lint = lint["lint"].as<std::string>();
      p.rule = lint["rule"].as<std::string>();
      if (lint["finding"]) p.finding = lint["finding"].as<std::string>();
      p.file = c["file"].as<std::string>();
      p.zlint = c["zlint"].as<std::string>();
      std::string zlint_says = p.zlint == "error" || p.zlint == "warn" ? "fail" : "pass";
      p.expected = c["cpaudit"] ? c["cpaudit"].as<std::string>() : zlint_says;
      if (c["via"]) {
        p.via_rule = c["via"]["rule"].as<std::string>();
        p.via_finding = c["via"]["finding"].as<std::string>();
        EXPECT_TRUE(c["reason"] && !c["reason"].as<std::string>().empty())
            << p.lint << " " << p.file << ": a verdict through another rule needs its reason";
      }
      p.disagreement = p.expected != zlint_says;
      if (p.disagreement) {
        EXPECT_TRUE(c["reason"] && !c["reason"].as<std::string>().empty())
            << p.lint << " " << p.file << ": a disagreement needs its reason";
      }
      out.push_back(std::move(p));
    }
  }
  return out;
}

TEST(ZlintParity, TheBasePackReachesZlintsVerdictsOnZlintsTestFiles) {
  const fs::path testdata = testing::SharedDir() / "external/zlint-testdata";
  std::vector<ParityCase> cases = LoadCases();
  ASSERT_GT(cases.size(), 100u);

  // One evidence folder with every file once: CRL rules' files under crls/.
  testing::TempDir evidence;
  std::set<std::string> copied;
  for (const ParityCase& c : cases) {
    ASSERT_TRUE(fs::exists(testdata / c.file)) << c.file;
    if (!copied.insert(c.file).second) continue;
    bool crl = c.rule.rfind("rfc5280-5", 0) == 0 || c.rule == "der-x690-crl";
    evidence.Write((crl ? "crls/" : "certs/") + c.file, testing::ReadFile(testdata / c.file));
  }
  std::string output;
  testing::RunCommand(
      testing::Cpaudit("audit " + testing::ShellQuote(evidence.path().string()) + " --pack " +
                       testing::ShellQuote((testing::SourceDir() / "rules/rfc5280").string()) +
                       " --at 2026-01-01T00:00:00Z --quiet --report json=-"),
      &output);
  auto report = nlohmann::json::parse(output);
  // (rule, file name) -> the messages of its findings
  std::map<std::pair<std::string, std::string>, std::vector<std::string>> fired;
  for (const auto& f : report["findings"]) {
    std::string artifact = f["artifact"];
    artifact = artifact.substr(0, artifact.find('#'));
    fired[{f["rule"], fs::path(artifact).filename().string()}].push_back(f["message"]);
  }
  auto fails = [&](const std::string& rule, const std::string& file, const std::string& text) {
    auto it = fired.find({rule, file});
    if (it == fired.end()) return false;
    return std::any_of(it->second.begin(), it->second.end(),
                       [&](const std::string& m) { return m.find(text) != std::string::npos; });
  };

  size_t agreed = 0;
  size_t via_another_rule = 0;
  size_t disagreements = 0;
  for (const ParityCase& c : cases) {
    bool through_rule = fails(c.rule, c.file, c.finding);
    bool through_other = !c.via_rule.empty() && fails(c.via_rule, c.file, c.via_finding);
    EXPECT_FALSE(through_rule && through_other)
        << c.lint << " on " << c.file << ": fails through " << c.rule << " itself; drop the via";
    via_another_rule += through_other ? 1 : 0;
    std::string got = through_rule || through_other ? "fail" : "pass";
    EXPECT_EQ(got, c.expected) << c.lint << " on " << c.file << " (zlint: " << c.zlint
                               << ") through " << c.rule;
    if (got == c.expected && !c.disagreement) ++agreed;
    disagreements += c.disagreement ? 1 : 0;
  }
  double agreement = static_cast<double>(agreed) / static_cast<double>(cases.size());
  std::cout << fmt::format(
      "zlint parity: {} cases, {} agree ({:.1f}%; {} of them through another rule), {} listed "
      "disagreements\n",
      cases.size(), agreed, 100 * agreement, via_another_rule, disagreements);
  EXPECT_GE(agreement, 0.95);
}

}  // namespace
}  // namespace cpaudit
