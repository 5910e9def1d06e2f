// The cpaudit binary end to end: exit codes, reports, errors.

#include <gtest/gtest.h>

#include <fstream>
#include <nlohmann/json.hpp>

#include "tests/test_util.h"

namespace cpaudit {
namespace {

namespace fs = std::filesystem;

using testing::Cpaudit;

TEST(Cli, AuditsTheDemoAndFailsTheGate) {
  fs::path out = fs::temp_directory_path() / ("cpaudit-cli-" + std::to_string(::getpid()));
  fs::remove_all(out);
  std::string output;
  int code = testing::RunCommand(
      Cpaudit("audit " + (testing::SourceDir() / "corpus/demo").string() + " --report json=" +
              (out / "report.json").string() + " --report text=" + (out / "report.txt").string()),
      &output);
  EXPECT_EQ(code, 1) << output;
  EXPECT_NE(output.find("result    FAIL"), std::string::npos) << output;
  EXPECT_NE(output.find("wrote json report"), std::string::npos) << output;
  std::ifstream in(out / "report.json");
  nlohmann::json j = nlohmann::json::parse(in);
  EXPECT_EQ(j["summary"]["result"], "fail");
  EXPECT_EQ(j["evaluated_at"], "2026-06-01T00:00:00Z");
  EXPECT_EQ(testing::ReadFile(out / "report.txt").find("cpaudit "), 0u);
  fs::remove_all(out);
}

TEST(Cli, FailOnAndAt) {
  std::string output;
  std::string compliant = testing::CompliantCase().string();
  EXPECT_EQ(testing::RunCommand(Cpaudit("audit " + compliant + " --quiet"), &output), 0) << output;
  EXPECT_EQ(output, "");
  // Before the first CRL a relying party cannot check revocation: a notice.
  EXPECT_EQ(testing::RunCommand(
                Cpaudit("audit " + compliant + " --at 2026-02-01T00:00:00+09:00 --fail-on notice"),
                &output),
            1)
      << output;
  EXPECT_NE(output.find("evaluated 2026-01-31T15:00:00Z"), std::string::npos) << output;
  EXPECT_EQ(testing::RunCommand(Cpaudit("audit " + compliant + " --at yesterday"), &output), 2);
  EXPECT_NE(output.find("--at"), std::string::npos);
}

TEST(Cli, JsonToStdout) {
  std::string output;
  EXPECT_EQ(testing::RunCommand(
                Cpaudit("audit " + testing::CompliantCase().string() + " --report json=- --quiet"),
                &output),
            0);
  EXPECT_EQ(nlohmann::json::parse(output)["summary"]["result"], "pass");
}

TEST(Cli, UnreadableEvidenceAndBadPacksExitTwo) {
  std::string output;
  EXPECT_EQ(testing::RunCommand(Cpaudit("audit /nonexistent/evidence"), &output), 2);
  EXPECT_NE(output.find("/nonexistent/evidence: no such directory"), std::string::npos) << output;
  EXPECT_EQ(testing::RunCommand(
                Cpaudit("audit " + testing::CompliantCase().string() + " --pack /nonexistent/pack"),
                &output),
            2);
  EXPECT_NE(output.find("no such pack directory"), std::string::npos) << output;
  fs::path pack = fs::temp_directory_path() / ("cpaudit-badpack-" + std::to_string(::getpid()));
  fs::remove_all(pack);
  fs::copy(testing::PackDir(), pack);
  std::ofstream(pack / "ch9-relying-party.yaml", std::ios::app) << "  - id: [\n";
  EXPECT_EQ(testing::RunCommand(Cpaudit("rules --pack " + pack.string()), &output), 2);
  EXPECT_NE(output.find("ch9-relying-party.yaml:"), std::string::npos) << output;
  fs::remove_all(pack);
  EXPECT_EQ(testing::RunCommand(Cpaudit("audit"), &output), 2);
  EXPECT_EQ(testing::RunCommand(Cpaudit("audit x --report pdf=x"), &output), 2);
  EXPECT_EQ(testing::RunCommand(Cpaudit("audit x --fail-on fatal"), &output), 2);
}

TEST(Cli, InputFindingsFailTheGateButEverythingElseIsEvaluated) {
  std::string output;
  int code = testing::RunCommand(
      Cpaudit("audit " + testing::FixtureCase("cpaudit-input", "unreadable-files").string() +
              " --report json=-  --quiet"),
      &output);
  EXPECT_EQ(code, 1);
  auto j = nlohmann::json::parse(output);
  EXPECT_EQ(j["evidence"]["certificates"], 1);
  EXPECT_EQ(j["summary"]["findings"]["error"], 10);
}

TEST(Cli, RulesExplainVersionHelp) {
  std::string output;
  EXPECT_EQ(testing::RunCommand(Cpaudit("rules"), &output), 0);
  EXPECT_NE(output.find("cp-7.1.4-subject-charset"), std::string::npos);
  EXPECT_EQ(testing::RunCommand(Cpaudit("explain cp-7.1.2-crl-distribution-point"), &output), 0);
  EXPECT_NE(output.find("CP text (ja)"), std::string::npos) << output;
  EXPECT_NE(output.find("SCRoot1CRL.crl"), std::string::npos) << output;
  EXPECT_EQ(testing::RunCommand(Cpaudit("explain cp-4.9.7-crl-validity-max-1y"), &output), 0);
  EXPECT_NE(output.find("max_years = 1"), std::string::npos) << output;
  EXPECT_EQ(testing::RunCommand(Cpaudit("explain cp-nope"), &output), 2);
  EXPECT_EQ(testing::RunCommand(Cpaudit("--version"), &output), 0);
  EXPECT_EQ(output.rfind("cpaudit ", 0), 0u);
  EXPECT_EQ(testing::RunCommand(Cpaudit("audit --help"), &output), 0);
  EXPECT_NE(output.find("--fail-on"), std::string::npos);
}

TEST(Cli, Calendar) {
  std::string output;
  EXPECT_EQ(testing::RunCommand(Cpaudit("calendar 2026"), &output), 0);
  EXPECT_NE(output.find("2026-05-06 Wed holiday  振替休日 / Substitute Holiday"), std::string::npos)
      << output;
  EXPECT_NE(output.find("2026-12-29 Tue closure"), std::string::npos) << output;
  EXPECT_EQ(testing::RunCommand(Cpaudit("calendar 2026 --format json"), &output), 0);
  auto days = nlohmann::json::parse(output);
  EXPECT_EQ(days[0]["date"], "2026-01-01");
  EXPECT_EQ(days[0]["kind"], "holiday");
  EXPECT_EQ(days[0]["name_ja"], "元日");
  EXPECT_EQ(testing::RunCommand(Cpaudit("calendar --business-days 2026-04-30 2026-05-08"), &output),
            0);
  EXPECT_EQ(output, "3\n");
  EXPECT_EQ(testing::RunCommand(Cpaudit("calendar --business-days 2026-04-30 May"), &output), 2);
  EXPECT_EQ(testing::RunCommand(Cpaudit("calendar 1900"), &output), 2);
}

TEST(Cli, TestPack) {
  std::string output;
  EXPECT_EQ(testing::RunCommand(Cpaudit("test-pack " + testing::PackDir().string()), &output), 0)
      << output;
  EXPECT_NE(output.find("0 mismatched"), std::string::npos) << output;
}

}  // namespace
}  // namespace cpaudit
