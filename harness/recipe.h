#pragma once
// Fixtures from recipes: a pack author describes each fixture case in YAML
// (recipe.yaml in the case's folder: a CA, certificates, CRLs, CSRs, an event
// log, verbatim files), and `cpaudit fixtures build PACK` writes the evidence
// folder beside it, the same bytes every time. docs/RECIPES.md is the format.

#include <filesystem>
#include <map>
#include <string>

namespace cpaudit {

// The files one recipe makes: path relative to the case folder -> content.
using BuiltFiles = std::map<std::string, std::string>;

// Reads `recipe` (with its bases) and makes its files; PackError
// "file:line: reason" for a recipe that cannot be built.
BuiltFiles BuildRecipe(const std::filesystem::path& recipe);

struct RecipeBuildReport {
  size_t recipes = 0;
  size_t changed = 0;  // cases whose files were (or, with check, would be) rewritten
  size_t failed = 0;   // recipes that could not be built
  std::string output;  // one line per changed or failed case
};

// Builds every recipe.yaml under the pack's fixture folder (`fixtures` in
// pack.yaml, or `fixtures` when not empty). A case folder then holds
// recipe.yaml, expected.txt (created empty when missing: `test-pack --update`
// fills it) and exactly the built files: others are removed. With `check`,
// nothing is written and the report lists what differs.
RecipeBuildReport BuildPackRecipes(const std::filesystem::path& pack_dir,
                                   const std::filesystem::path& fixtures = {}, bool check = false);

}  // namespace cpaudit
