#include "harness/fixture_runner.h"

#include <fmt/format.h>

#include <algorithm>
#include <fstream>
#include <iterator>
#include <map>
#include <set>

#include "harness/atomic_file.h"
#include "harness/audit.h"
#include "reports/escape.h"

namespace cpaudit {
namespace fs = std::filesystem;

namespace {

// The finding lines of an expected.txt, sorted; its comment lines in *comments.
std::vector<std::string> ReadExpected(const fs::path& file, std::string* comments) {
  std::vector<std::string> lines;
  std::ifstream in(file);
  std::string line;
  while (std::getline(in, line)) {
    if (!line.empty() && line[0] != '#') lines.push_back(line);
    if (!line.empty() && line[0] == '#') *comments += line + "\n";
  }
  std::sort(lines.begin(), lines.end());
  return lines;
}

// "- line" for each expected line that is gone, "+ line" for each new one.
std::string Difference(const std::vector<std::string>& expected,
                       const std::vector<std::string>& actual) {
  std::vector<std::string> gone, added;
  std::set_difference(expected.begin(), expected.end(), actual.begin(), actual.end(),
                      std::back_inserter(gone));
  std::set_difference(actual.begin(), actual.end(), expected.begin(), expected.end(),
                      std::back_inserter(added));
  std::string out;
  for (const auto& l : gone) out += "  - " + l + "\n";
  for (const auto& l : added) out += "  + " + l + "\n";
  return out;
}

}  // namespace

FixtureReport RunFixtures(const fs::path& pack_dir, const fs::path& fixtures_override,
                          bool update) {
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
    std::string comments;
    std::vector<std::string> expected = ReadExpected(dir / "expected.txt", &comments);
    if (actual == expected) continue;
    if (update) {
      std::string text = comments;
      for (const auto& l : actual) text += l + "\n";
      WriteFileAtomically(dir / "expected.txt", text);
      ++report.updated_cases;
      report.output += fmt::format("UPDATED {}\n{}", name, Difference(expected, actual));
      continue;
    }
    ++report.failed_cases;
    report.output += fmt::format("MISMATCH {}\n  EXPECTED:\n", name);
    for (const auto& l : expected) report.output += "    " + l + "\n";
    report.output += "  ACTUAL:\n";
    for (const auto& l : actual) report.output += "    " + l + "\n";
    report.output +=
        "  To rebase: cpaudit test-pack PACK --update writes ACTUAL to its expected.txt;\n"
        "  a case with a recipe.yaml is changed there, then cpaudit fixtures build PACK;\n"
        "  one made by corpus/generator (SECOM's) there, then cpaudit-fixtures --force corpus\n";
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
      "{} fixture cases, {} mismatched{}; {} rules, {} without a failing "
      "and {} without a passing fixture\n",
      report.cases, report.failed_cases,
      update ? fmt::format(", {} updated", report.updated_cases) : "", pack->rules.size(),
      no_fail.size(), no_pass.size());
  return report;
}

}  // namespace cpaudit
