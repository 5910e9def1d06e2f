// The committed corpus is what the generator makes, byte for byte, and
// rules/FIELDS.md documents every field path.

#include <gtest/gtest.h>

#include "checks/registry.h"
#include "harness/fields.h"
#include "harness/model/event_log.h"
#include "harness/pack.h"
#include "harness/recipe.h"
#include "tests/test_util.h"

namespace cpaudit {
namespace {

namespace fs = std::filesystem;

TEST(Corpus, RegeneratingGivesTheSameBytes) {
  // A copy of the repository's layout: corpus/keys and, for the fuzz seeds,
  // the pack's rule files beside it.
  fs::path tmp = fs::temp_directory_path() / ("cpaudit-regen-" + std::to_string(::getpid()));
  fs::remove_all(tmp);
  fs::create_directories(tmp / "corpus");
  fs::create_directories(tmp / "rules");
  fs::copy(testing::SourceDir() / "corpus/keys", tmp / "corpus" / "keys");
  fs::copy(testing::PackDir(), tmp / "rules" / "secom-rootca1-tsa");
  fs::copy(testing::SourceDir() / "rules/rfc5280", tmp / "rules" / "rfc5280");
  // The SECOM fixtures as committed: --force replaces the generated cases and
  // keeps the recipe cases, which the fuzz seeds include.
  fs::copy(testing::SourceDir() / "corpus/secom-rootca1-tsa", tmp / "corpus" / "secom-rootca1-tsa",
           fs::copy_options::recursive);
  std::string output;
  ASSERT_EQ(testing::RunCommand(
                std::string(CPAUDIT_FIXTURE_GENERATOR) + " --force " + (tmp / "corpus").string(),
                &output),
            0)
      << output;
  size_t files = 0;
  for (const char* part : {"secom-rootca1-tsa", "rfc5280", "demo", "fuzz"}) {
    for (const auto& e : fs::recursive_directory_iterator(tmp / "corpus" / part)) {
      if (!e.is_regular_file()) continue;
      fs::path rel = fs::relative(e.path(), tmp / "corpus");
      ++files;
      EXPECT_EQ(testing::ReadFile(e.path()),
                testing::ReadFile(testing::SourceDir() / "corpus" / rel))
          << rel << " differs: run build/cpaudit-fixtures --force corpus and commit";
    }
    for (const auto& e : fs::recursive_directory_iterator(testing::SourceDir() / "corpus" / part)) {
      if (!e.is_regular_file()) continue;
      fs::path rel = fs::relative(e.path(), testing::SourceDir() / "corpus");
      EXPECT_TRUE(fs::exists(tmp / "corpus" / rel)) << rel << " is not made by the generator";
    }
  }
  EXPECT_GT(files, 100u);
  fs::remove_all(tmp);
}

// Every shipped pack's recipe cases hold exactly what their recipes build.
TEST(Corpus, RecipesBuildWhatIsCommitted) {
  for (const auto& e : fs::directory_iterator(testing::SourceDir() / "rules")) {
    if (!fs::exists(e.path() / "pack.yaml")) continue;
    RecipeBuildReport report = BuildPackRecipes(e.path(), {}, /*check=*/true);
    EXPECT_EQ(report.failed, 0u) << report.output;
    EXPECT_EQ(report.changed, 0u) << report.output << "run cpaudit fixtures build "
                                  << e.path().string() << " and commit";
  }
}

TEST(Corpus, FieldsDocumentListsEveryPath) {
  std::string doc = testing::ReadFile(testing::SourceDir() / "rules/FIELDS.md");
  for (const FieldDef& f : AllFields()) {
    // issuer_certificate.PATH is documented once, as such.
    std::string documented = f.needs_issuer ? "issuer_certificate.PATH" : f.path;
    EXPECT_NE(doc.find("`" + documented + "`"), std::string::npos)
        << f.path << " (" << ToString(f.kind) << ") is not documented in rules/FIELDS.md";
  }
  for (const PrimitiveInfo& p : Primitives()) {
    EXPECT_NE(doc.find("| `" + p.name + "` |"), std::string::npos)
        << "primitive " << p.name << " is not documented in rules/FIELDS.md";
  }
}

// Every finding of the SECOM pack tells the engineer what to do.
TEST(Corpus, EverySecomRuleSaysWhatToDo) {
  auto pack = LoadPackDir(testing::PackDir());
  for (const Rule& r : pack->rules) {
    if (r.origin.empty()) {
      EXPECT_FALSE(r.remediation.empty()) << r.id << " has no remediation";
    }
  }
}

// docs/EVENTS.md has a section per event type naming each of its fields, and
// the rules it says read them exist.
TEST(Corpus, EventsDocumentListsEveryTypeAndField) {
  std::string doc = testing::ReadFile(testing::SourceDir() / "docs/EVENTS.md");
  for (const EventTypeInfo& t : EventTypes()) {
    size_t at = doc.find("### `" + std::string(t.name) + "`");
    ASSERT_NE(at, std::string::npos) << t.name << " has no section in docs/EVENTS.md";
    std::string section = doc.substr(at, doc.find("\n##", at + 1) - at);
    for (std::string_view field : t.fields) {
      EXPECT_NE(section.find("`" + std::string(field) + "`"), std::string::npos)
          << t.name << ": field " << field << " is not in its section";
    }
  }
  auto pack = LoadPackDir(testing::PackDir());
  for (size_t at = doc.find("`cp-"); at != std::string::npos; at = doc.find("`cp-", at + 1)) {
    std::string id = doc.substr(at + 1, doc.find('`', at + 1) - at - 1);
    EXPECT_TRUE(std::any_of(pack->rules.begin(), pack->rules.end(),
                            [&](const Rule& r) { return r.id == id; }))
        << "docs/EVENTS.md names " << id << ", which the SECOM pack does not have";
  }
}

}  // namespace
}  // namespace cpaudit
