#include "harness/fixture_runner.h"

#include <fmt/format.h>

#include <algorithm>
#include <fstream>
#include <map>
#include <set>

#include "harness/audit.h"
#include "reports/escape.h"

namespace cpaudit {
namespace fs = std::filesystem;

namespace {

std::vector<std::string> ReadExpected(const fs::path& file) {
  std::vector<std::string> lines;
  std::ifstream in(file);
  std::string line;
  while (std::getline(in, line)) {
    if (!line.empty() && line[0] != '#') lines.push_back(line);
  }
  std::sort(lines.begin(), lines.end());
  return lines;
}

}  // namespace

FixtureReport RunFixtures(const fs::path& pack_dir, const fs::path& fixtures_override) {
  FixtureReport report;
  auto pack = LoadPackDir(pack_dir);
  fs::path fixtures = !fixtures_override.empty() ? fixtures_override
                      : !pack->fixtures.empty()  ? pack_dir / pack->fixtures
                                                 : fs::path();
  if (fixtures.empty() || !fs::is_directory(fixtures)) {
    report.output = "no fixture folder: set `fixtures` in pack.yaml or pass --fixtures\n";
    return report;
  }
  std::vector<fs::path> cases;
  for (const auto& entry : fs::recursive_directory_iterator(fixtures)) {
    if (entry.path().filename() == "expected.txt") cases.push_back(entry.path().parent_path());
  }
  std::sort(cases.begin(), cases.end());

  std::map<std::string, std::set<std::string>> passing;  // rule -> cases
  std::map<std::string, std::set<std::string>> failing;
  for (const fs::path& dir : cases) {
    ++report.cases;
    std::string name = fs::relative(dir, fixtures).generic_string();
    std::vector<std::string> actual;
    try {
      EvidenceConfig config = LoadEvidenceConfig(dir);
      if (!config.at) throw PackError(config.file + ": a fixture must set `at`");
      AuditRequest request;
      request.evidence = dir;
      request.pack_dir = pack_dir;
      AuditRun run = RunAudit(request);
      // As the text report prints them: expected.txt is one line per finding.
      for (const Finding& f : run.result.findings)
        actual.push_back(TerminalEscape(CanonicalLine(f)));
      for (const RuleTally& t : run.result.rules) {
        if (t.count(Status::kPass) > 0) passing[t.rule->id].insert(name);
        if (t.count(Status::kFail) > 0) failing[t.rule->id].insert(name);
      }
    } catch (const std::exception& e) {
      actual.push_back(TerminalEscape(std::string("EXCEPTION ") + e.what()));
    }
    std::sort(actual.begin(), actual.end());
    std::vector<std::string> expected = ReadExpected(dir / "expected.txt");
    if (actual == expected) continue;
    ++report.failed_cases;
    report.output += fmt::format("MISMATCH {}\n  EXPECTED:\n", name);
    for (const auto& l : expected) report.output += "    " + l + "\n";
    report.output += "  ACTUAL:\n";
    for (const auto& l : actual) report.output += "    " + l + "\n";
    report.output +=
        "  To rebase: correct the case in corpus/generator/generate.cc, then run\n"
        "  build/cpaudit-fixtures --force corpus\n";
  }
  std::vector<std::string> no_fail;
  std::vector<std::string> no_pass;
  for (const Rule& r : pack->rules) {
    if (!r.origin.empty()) continue;  // an included pack's rules: its own fixtures test them
    if (!failing.count(r.id)) no_fail.push_back(r.id);
    if (!passing.count(r.id)) no_pass.push_back(r.id);
  }
  for (const auto& id : no_fail) report.output += "NO FAILING FIXTURE " + id + "\n";
  for (const auto& id : no_pass) report.output += "NO PASSING FIXTURE " + id + "\n";
  report.ok = report.failed_cases == 0 && no_fail.empty() && no_pass.empty() && report.cases > 0;
  report.output += fmt::format(
      "{} fixture cases, {} mismatched; {} rules, {} without a failing "
      "and {} without a passing fixture\n",
      report.cases, report.failed_cases, pack->rules.size(), no_fail.size(), no_pass.size());
  return report;
}

}  // namespace cpaudit
