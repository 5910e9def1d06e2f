#pragma once
// `cpaudit test-pack`: runs a pack over its fixtures and compares the findings
// with each case's expected.txt, exactly; and requires every rule to have at
// least one artifact it fails and one it passes.

#include <filesystem>
#include <string>

namespace cpaudit {

struct FixtureReport {
  bool ok = false;
  size_t cases = 0;
  size_t failed_cases = 0;
  size_t updated_cases = 0;  // with update: the expected.txt files rewritten
  std::string output;        // EXPECTED/ACTUAL for each mismatch, and the rule coverage
};

// `pack_dir` holds pack.yaml (whose `fixtures` names the fixture folder);
// `fixtures` overrides that folder when not empty. With `update`, a case whose
// findings differ from its expected.txt gets them written there (its comment
// lines kept), and the output shows the difference.
FixtureReport RunFixtures(const std::filesystem::path& pack_dir,
                          const std::filesystem::path& fixtures = {}, bool update = false);

}  // namespace cpaudit
