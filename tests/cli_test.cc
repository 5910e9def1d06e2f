// The cpaudit binary end to end: exit codes, reports, errors.

#include <gtest/gtest.h>

#include <fstream>
#include <nlohmann/json.hpp>
#include <regex>
#include <sstream>

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

namespace cpaudit {
namespace {

using testing::ShellQuote;
using testing::TempDir;

TEST(CliReports, PathsAreCheckedBeforeAnythingIsRead) {
  TempDir dir;
  std::string demo = (testing::SourceDir() / "corpus/demo").string();
  std::string output;
  // Inside the evidence folder (even through ".."), twice, a directory: usage errors.
  EXPECT_EQ(
      testing::RunCommand(
          Cpaudit("audit " + demo + " --report json=" + demo + "/../demo/certs/r.json"), &output),
      2);
  EXPECT_NE(output.find("is inside the evidence folder"), std::string::npos) << output;
  EXPECT_FALSE(fs::exists(testing::SourceDir() / "corpus/demo/certs/r.json"));
  std::string r = (dir.path() / "r.json").string();
  EXPECT_EQ(testing::RunCommand(Cpaudit("audit " + demo + " --report json=" + r +
                                        " --report html=" + dir.path().string() + "/./r.json"),
                                &output),
            2);
  EXPECT_NE(output.find("is given twice"), std::string::npos) << output;
  EXPECT_EQ(testing::RunCommand(Cpaudit("audit " + demo + " --report json=" + dir.path().string()),
                                &output),
            2);
  EXPECT_NE(output.find("is a directory"), std::string::npos) << output;
  // A missing folder is created.
  std::string nested = (dir.path() / "a/b/r.json").string();
  EXPECT_EQ(
      testing::RunCommand(Cpaudit("audit " + demo + " --quiet --report json=" + nested), &output),
      1)
      << output;
  EXPECT_TRUE(fs::is_regular_file(nested));
}

// Past a file-size limit a report cannot be written: the run says so and exits
// non-zero, the previous report stays whole, no temporary file is left, and
// the reports that fit are still written.
TEST(CliReports, AReportThatCannotBeWrittenLeavesThePreviousOne) {
  TempDir dir;
  std::string demo = (testing::SourceDir() / "corpus/demo").string();
  dir.Write("report.html", "previous report\n");
  std::string output;
  int code = testing::RunCommand(
      "ulimit -f 64 && " + Cpaudit("audit " + demo + " --quiet --report html=" +
                                   (dir.path() / "report.html").string() +
                                   " --report text=" + (dir.path() / "report.txt").string()),
      &output);
  EXPECT_EQ(code, 2) << output;
  EXPECT_NE(output.find("report.html: cannot write the report: File too large"), std::string::npos)
      << output;
  EXPECT_EQ(testing::ReadFile(dir.path() / "report.html"), "previous report\n");
  EXPECT_EQ(testing::ReadFile(dir.path() / "report.txt").rfind("cpaudit ", 0), 0u);
  size_t files = 0;
  for (const auto& e : fs::directory_iterator(dir.path())) files += e.is_regular_file() ? 1 : 0;
  EXPECT_EQ(files, 2u);  // no .report.html.XXXXXX left behind
}

// A full disk: a 64 KiB tmpfs (root only, as in CI) holds the previous report
// but not the new one.
TEST(CliReports, AFullDiskLeavesThePreviousReport) {
  TempDir dir;
  fs::path disk = dir.path() / "disk";
  fs::create_directories(disk);
  std::string output;
  if (::geteuid() != 0 ||
      testing::RunCommand("mount -t tmpfs -o size=64k tmpfs " + disk.string() + " 2>&1", &output) !=
          0) {
    GTEST_SKIP() << "needs root to mount a small tmpfs: " << output;
  }
  std::ofstream(disk / "report.html") << "previous report\n";
  int code =
      testing::RunCommand(Cpaudit("audit " + (testing::SourceDir() / "corpus/demo").string() +
                                  " --quiet --report html=" + (disk / "report.html").string()),
                          &output);
  std::string kept = testing::ReadFile(disk / "report.html");
  size_t files = 0;
  for (const auto& e : fs::directory_iterator(disk)) files += e.is_regular_file() ? 1 : 0;
  std::string ignored;
  testing::RunCommand("umount " + disk.string(), &ignored);
  EXPECT_EQ(code, 2) << output;
  EXPECT_NE(output.find("cannot write the report: No space left on device"), std::string::npos)
      << output;
  EXPECT_EQ(kept, "previous report\n");
  EXPECT_EQ(files, 1u);
}

// Killed at any moment, a run leaves the previous report or a complete one.
TEST(CliReports, AnInterruptedRunNeverLeavesATruncatedReport) {
  TempDir dir;
  std::string output;
  ASSERT_EQ(testing::RunCommand(std::string(CPAUDIT_SCALE_GENERATOR) + " " +
                                    (dir.path() / "ev").string() + " 3000 20000 30000 2>&1",
                                &output),
            0)
      << output;
  fs::path report = dir.path() / "out/report.json";
  dir.Write("out/report.json", "{\"previous\": true}\n");
  // A signal that comes before main() (a loaded machine, a sanitizer's
  // start-up) kills the process before any handler exists: only the runs
  // that got that far can say so, but none may leave a truncated report.
  size_t told = 0;
  for (const char* delay : {"0.05", "0.1", "0.2", "0.4", "0.8"}) {
    int code = testing::RunCommand(
        "timeout -s TERM " + std::string(delay) + " " +
            Cpaudit("audit " + (dir.path() / "ev").string() + " --quiet --report json=" +
                    report.string() + " --report html=" + (dir.path() / "out/r.html").string()),
        &output);
    if (code == 124) told += output.find("cpaudit: interrupted by SIGTERM") != std::string::npos;
    nlohmann::json j = nlohmann::json::parse(testing::ReadFile(report), nullptr, false);
    EXPECT_FALSE(j.is_discarded()) << "truncated after " << delay << " s";
    for (const auto& e : fs::directory_iterator(dir.path() / "out")) {
      EXPECT_NE(e.path().filename().string().front(), '.') << e.path();
    }
  }
  EXPECT_GT(told, 0u) << "no run was interrupted with a message";
}

TEST(CliUsage, EmptyOrBadValuesAreUsageErrors) {
  std::string output;
  std::string compliant = testing::CompliantCase().string();
  EXPECT_EQ(testing::RunCommand(Cpaudit("audit " + compliant + " --at ''"), &output), 2);
  EXPECT_NE(output.find("--at: expected an RFC 3339 time"), std::string::npos) << output;
  EXPECT_EQ(testing::RunCommand(Cpaudit("calendar --business-days 1900-01-01 2026-01-01"), &output),
            2);
  EXPECT_NE(output.find("outside the years the calendar knows (1948-2099)"), std::string::npos)
      << output;
  EXPECT_EQ(testing::RunCommand(Cpaudit("calendar --business-days 2026-04-28 2026-05-07"), &output),
            0);
  TempDir empty;
  EXPECT_EQ(testing::RunCommand(Cpaudit("audit " + empty.path().string()), &output), 1);
  EXPECT_NE(output.find("nothing to audit"), std::string::npos) << output;
  EXPECT_EQ(
      testing::RunCommand(Cpaudit("audit " + empty.path().string() + " --allow-empty"), &output), 0)
      << output;
}

TEST(CliUsage, TheSmallToolsBehaveLikeTools) {
  std::string output;
  for (const std::string tool : {CPAUDIT_SCALE_GENERATOR, CPAUDIT_FIXTURE_GENERATOR}) {
    EXPECT_EQ(testing::RunCommand(tool + " --help 2>&1", &output), 0);
    EXPECT_NE(output.find("Usage:"), std::string::npos) << output;
    EXPECT_EQ(testing::RunCommand(tool + " x --bogus 2>&1", &output), 2);
    EXPECT_NE(output.find("--bogus"), std::string::npos) << output;
  }
  // Someone's folder is never deleted unasked.
  TempDir dir;
  dir.Write("mine.txt", "keep");
  EXPECT_NE(testing::RunCommand(std::string(CPAUDIT_SCALE_GENERATOR) + " " + dir.path().string() +
                                    " 3000 10 10 2>&1",
                                &output),
            0);
  EXPECT_NE(output.find("not an empty folder (--force replaces it)"), std::string::npos) << output;
  dir.Write("corpus/demo/mine.txt", "keep");
  fs::copy(testing::SourceDir() / "corpus/keys", dir.path() / "corpus/keys");
  EXPECT_NE(testing::RunCommand(std::string(CPAUDIT_FIXTURE_GENERATOR) + " " +
                                    (dir.path() / "corpus").string() + " 2>&1",
                                &output),
            0);
  EXPECT_TRUE(fs::exists(dir.path() / "mine.txt"));
  EXPECT_TRUE(fs::exists(dir.path() / "corpus/demo/mine.txt"));
}

// `openssl x509 -text` prints the text before the block; check --stdin reads
// it as audit reads such a file.
TEST(CliUsage, CheckStdinReadsPemAfterText) {
  std::string demo = (testing::SourceDir() / "corpus/demo").string();
  std::string output;
  testing::RunCommand(
      "(openssl x509 -text -in " + demo + "/certs/tsa-1.pem; openssl x509 -text -in " + demo +
          "/certs/ta-1.pem) | " +
          Cpaudit("check --stdin --ca " + demo + "/ca/ca.pem --at 2026-06-01T00:00:00Z"),
      &output);
  std::istringstream lines(output);
  std::vector<std::string> serials;
  for (std::string line; std::getline(lines, line);) {
    auto j = nlohmann::json::parse(line);
    EXPECT_TRUE(j["parsed"].get<bool>()) << line;
    serials.push_back(j["serial"]);
  }
  EXPECT_EQ(serials, (std::vector<std::string>{"1003", "1001"})) << output;
}

// The text summary counts against the baseline; HTML shows waived artifacts as waived.
TEST(CliReports, SummariesSayWhatWasWaivedAndWhatChanged) {
  TempDir dir;
  std::string demo = (testing::SourceDir() / "corpus/demo").string();
  std::string output;
  std::string baseline = (dir.path() / "baseline.json").string();
  testing::RunCommand(Cpaudit("baseline " + demo + " -o " + baseline), &output);
  testing::RunCommand(Cpaudit("audit " + demo + " --baseline " + baseline + " --waivers " +
                              (testing::SourceDir() / "tests/data/demo-waivers.yaml").string() +
                              " --report html=" + (dir.path() / "r.html").string()),
                      &output);
  EXPECT_NE(output.find("baseline  " + baseline + ": 0 new, "), std::string::npos) << output;
  EXPECT_NE(output.find(" fixed\n"), std::string::npos) << output;
  EXPECT_NE(output.find("waived    "), std::string::npos) << output;
  std::string html = testing::ReadFile(dir.path() / "r.html");
  // An artifact whose findings are all waived counts them as waived, not as pass.
  EXPECT_TRUE(std::regex_search(
      html, std::regex("<td>  ?<span class=\"badge b-waived\">[0-9]+ waived</span></td>")))
      << html;
}

}  // namespace
}  // namespace cpaudit
