// The scale generator's bundle, audited end to end: exactly the findings it
// planted (and the notices its revocations imply), whatever the size. CI runs
// a small bundle; bench/README.md runs the same test on the full-size one:
//   CPAUDIT_SCALE=100000,1000000,1000000 build/cpaudit_tests --gtest_filter='Scale.*'

#include <gtest/gtest.h>

#include <algorithm>
#include <cstdlib>
#include <fstream>
#include <nlohmann/json.hpp>
#include <sstream>

#include "tests/test_util.h"

namespace cpaudit {
namespace {

namespace fs = std::filesystem;

TEST(Scale, TheAuditReportsExactlyThePlantedFindings) {
  const char* sizes = std::getenv("CPAUDIT_SCALE");
  std::string args = sizes != nullptr ? sizes : "3000,20000,30000";
  std::replace(args.begin(), args.end(), ',', ' ');
  fs::path dir = fs::temp_directory_path() / ("cpaudit-scale-" + std::to_string(::getpid()));
  std::string output;
  ASSERT_EQ(testing::RunCommand(
                std::string(CPAUDIT_SCALE_GENERATOR) + " " + dir.string() + " " + args + " 2>&1",
                &output),
            0)
      << output;
  fs::path report = dir.string() + "-report.json";
  EXPECT_EQ(testing::RunCommand(
                std::string(CPAUDIT_BINARY) + " audit " + dir.string() +
                    " --at 2026-06-01T00:00:00Z --quiet --report json=" + report.string() + " 2>&1",
                &output),
            1)
      << output;
  std::ifstream in(report);
  nlohmann::json j = nlohmann::json::parse(in);
  std::vector<std::string> found;
  for (const auto& f : j["findings"]) {
    std::string severity = f["severity"];
    std::transform(severity.begin(), severity.end(), severity.begin(), ::toupper);
    found.push_back(severity + " " + f["rule"].get<std::string>() + " " +
                    f["artifact"].get<std::string>());
  }
  std::sort(found.begin(), found.end());
  std::vector<std::string> expected;
  std::istringstream lines(testing::ReadFile(dir / "expected.txt"));
  for (std::string line; std::getline(lines, line);) expected.push_back(line);
  EXPECT_GT(expected.size(), 10u);
  EXPECT_EQ(found, expected);
  fs::remove_all(dir);
  fs::remove(report);
}

}  // namespace
}  // namespace cpaudit
