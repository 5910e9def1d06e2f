#include "harness/fixture_runner.h"

#include <gtest/gtest.h>

#include <fstream>
#include <sstream>

#include "tests/test_util.h"

namespace cpaudit {
namespace {

namespace fs = std::filesystem;

// The fixture suite: every case's findings equal its expected.txt, and every
// rule of the pack has a failing and a passing fixture.
TEST(FixtureRunner, ThePackPassesItsOwnFixtures) {
  FixtureReport report = RunFixtures(testing::PackDir());
  EXPECT_TRUE(report.ok) << report.output;
  EXPECT_GT(report.cases, 40u);
}

// The demo bundle's findings are exactly its expected.txt.
TEST(FixtureRunner, TheDemoReportsExactlyItsExpectedFindings) {
  FixtureReport report = RunFixtures(testing::PackDir(), testing::SourceDir() / "corpus/demo");
  EXPECT_EQ(report.cases, 1u);
  EXPECT_EQ(report.failed_cases, 0u) << report.output;
}

TEST(FixtureRunner, AMismatchIsReportedWithExpectedAndActual) {
  fs::path tmp = fs::temp_directory_path() / ("cpaudit-fixtures-" + std::to_string(::getpid()));
  fs::remove_all(tmp);
  fs::create_directories(tmp);
  fs::copy(testing::FixtureCase("cp-7.1.4-subject-charset", "underscore"), tmp / "case",
           fs::copy_options::recursive);
  std::ofstream(tmp / "case" / "expected.txt")
      << "ERROR cp-7.1.4-subject-charset certs/x.pem: no\n";
  FixtureReport report = RunFixtures(testing::PackDir(), tmp);
  EXPECT_FALSE(report.ok);
  EXPECT_EQ(report.failed_cases, 1u);
  EXPECT_NE(report.output.find("EXPECTED:\n    ERROR cp-7.1.4-subject-charset certs/x.pem: no"),
            std::string::npos)
      << report.output;
  EXPECT_NE(report.output.find("ACTUAL:\n    ERROR cp-7.1.4-subject-charset certs/underscore.pem"),
            std::string::npos)
      << report.output;
  // With one case, most rules lack a failing fixture, and the runner says so.
  EXPECT_NE(report.output.find("NO FAILING FIXTURE cp-7.1.1-version-v3"), std::string::npos);
  fs::remove_all(tmp);
}

TEST(FixtureRunner, UpdateRewritesExpectedAndShowsTheDifference) {
  testing::TempDir tmp;
  fs::copy(testing::FixtureCase("cp-7.1.4-subject-charset", "underscore"), tmp.path() / "case",
           fs::copy_options::recursive);
  std::string right = testing::ReadFile(tmp.path() / "case" / "expected.txt");
  std::ofstream(tmp.path() / "case" / "expected.txt")
      << "# kept: a note on the case\nERROR cp-7.1.4-subject-charset certs/x.pem: no\n";
  FixtureReport report = RunFixtures(testing::PackDir(), tmp.path(), true);
  EXPECT_EQ(report.updated_cases, 1u);
  EXPECT_EQ(report.failed_cases, 0u);
  EXPECT_NE(report.output.find("UPDATED case\n  - ERROR cp-7.1.4-subject-charset certs/x.pem: no\n"
                               "  + ERROR cp-7.1.4-subject-charset certs/underscore.pem"),
            std::string::npos)
      << report.output;
  std::string written = testing::ReadFile(tmp.path() / "case" / "expected.txt");
  EXPECT_EQ(written.rfind("# kept: a note on the case\n", 0), 0u) << written;
  // The findings are the generator's: the same lines as the committed case.
  auto lines = [](const std::string& text) {
    std::vector<std::string> out;
    std::istringstream in(text);
    for (std::string l; std::getline(in, l);) {
      if (!l.empty() && l[0] != '#') out.push_back(l);
    }
    return out;
  };
  EXPECT_EQ(lines(written), lines(right));
  EXPECT_EQ(RunFixtures(testing::PackDir(), tmp.path()).failed_cases, 0u);  // now it agrees
}

}  // namespace
}  // namespace cpaudit
