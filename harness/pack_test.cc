#include "harness/pack.h"

#include <gtest/gtest.h>

#include "tests/test_util.h"

namespace cpaudit {
namespace {

const char* kManifest = R"(id: test-pack
version: 0.1.0
title: A test pack
parameters:
  oid: "1.2.3"
coverage:
  - section: "7.1"
    title: Profile
    status: automated
    rules: [r-version]
  - section: "7.2"
    title: Manual thing
    status: manual
    text: {ja: "テスト", en: "test"}
)";

const char* kRules = R"(rules:
  - id: r-version
    title: Version 3
    cp: "7.1"
    text: {ja: "バージョン", en: "version"}
    severity: error
    applies_to: certificate
    check:
      field: version
      equals: 3
    message: "version is {value}"
)";

std::unique_ptr<Pack> Load(const std::string& manifest, const std::string& rules) {
  return LoadPack({{"pack.yaml", manifest}, {"rules.yaml", rules}}, "test");
}

// Loading must fail with exactly this "file:line: reason" prefix and reason.
void ExpectError(const std::string& manifest, const std::string& rules, const std::string& where,
                 const std::string& reason) {
  try {
    Load(manifest, rules);
    ADD_FAILURE() << "loaded; expected " << where << ": " << reason;
  } catch (const PackError& e) {
    std::string what = e.what();
    EXPECT_EQ(what.rfind(where + ": ", 0), 0u) << what;
    EXPECT_NE(what.find(reason), std::string::npos) << what;
  }
}

std::string Replace(std::string s, const std::string& from, const std::string& to) {
  size_t at = s.find(from);
  EXPECT_NE(at, std::string::npos) << from;
  return s.replace(at, from.size(), to);
}

TEST(Pack, LoadsAValidPack) {
  auto pack = Load(kManifest, kRules);
  ASSERT_EQ(pack->rules.size(), 1u);
  EXPECT_EQ(pack->rules[0].id, "r-version");
  EXPECT_EQ(pack->rules[0].line, 2);
  EXPECT_EQ(pack->coverage.size(), 2u);
}

TEST(Pack, TextsInAnyLanguagesTheSameForEveryText) {
  auto pack = Load(kManifest, kRules);
  EXPECT_EQ(pack->languages, (std::vector<std::string>{"ja", "en"}));
  EXPECT_EQ(pack->rules[0].text.In("en"), "version");
  EXPECT_EQ(pack->rules[0].text.First({"de", "en"}), "version");

  // English only: no Japanese anywhere is needed.
  std::string english = Replace(kManifest, "{ja: \"テスト\", en: \"test\"}", "{en: test}");
  auto en =
      Load(english, Replace(kRules, "{ja: \"バージョン\", en: \"version\"}", "{en: version}"));
  EXPECT_EQ(en->languages, std::vector<std::string>{"en"});
  // pack.yaml may name them; then each text has exactly those.
  auto declared = Load(
      Replace(Replace(english, "coverage:", "languages: [en, pt-BR]\ncoverage:"), "{en: test}",
              "{en: test, pt-BR: teste}"),
      Replace(kRules, "{ja: \"バージョン\", en: \"version\"}", "{en: version, pt-BR: \"versão\"}"));
  EXPECT_EQ(declared->rules[0].text.In("pt-BR"), "versão");

  ExpectError(english, kRules, "rules.yaml:5", "text has a language the pack does not");
  ExpectError(kManifest, Replace(kRules, "ja: \"バージョン\", ", ""), "rules.yaml:5",
              "text has no ja (the pack's languages: ja, en)");
  ExpectError(kManifest, Replace(kRules, "ja: \"バージョン\"", "jap_anese: \"x\""), "rules.yaml:5",
              "\"jap_anese\" is not a BCP 47 language tag");
  ExpectError(Replace(kManifest, "coverage:", "languages: [english]\ncoverage:"), kRules,
              "pack.yaml:6", "is not a BCP 47 language tag");
}

TEST(Pack, ProfilesAreDeclaredAndRulesNameThem) {
  std::string profiles =
      "profiles:\n  leaf:\n    when: {field: basic_constraints.ca, present: true, equals: "
      "false}\n  other: {}\ncoverage:";
  std::string rules = Replace(kRules, "    applies_to: certificate\n",
                              "    applies_to: certificate\n    profiles: [leaf]\n");
  auto pack = Load(Replace(kManifest, "coverage:", profiles), rules);
  ASSERT_EQ(pack->profiles.size(), 2u);
  EXPECT_EQ(pack->profiles[0].name, "leaf");
  EXPECT_TRUE(pack->profiles[0].when);
  EXPECT_FALSE(pack->profiles[1].when);  // takes every other certificate
  EXPECT_EQ(pack->rules[0].profiles, std::vector<std::string>{"leaf"});

  ExpectError(kManifest, rules, "rules.yaml:8",
              "\"leaf\" is not a profile of the pack (pack.yaml "
              "declares none)");
  ExpectError(Replace(kManifest, "coverage:",
                      "profiles:\n  all: {}\n  leaf: {when: {field: "
                      "version, equals: 3}}\ncoverage:"),
              kRules, "pack.yaml:8", "profile all has no `when`");
  ExpectError(Replace(kManifest, "coverage:",
                      "profiles:\n  leaf: {when: {field: nope, "
                      "equals: 3}}\ncoverage:"),
              kRules, "pack.yaml:7", "unknown field path \"nope\"");
}

TEST(Pack, RulesMayCarryRemediationAndReferences) {
  auto pack = Load(kManifest, Replace(kRules, "    severity: error\n",
                                      "    severity: error\n"
                                      "    remediation: Set the version field to v3.\n"
                                      "    references: [\"RFC 5280 4.1.2.1\", "
                                      "\"https://example.org/cp#7.1\"]\n"));
  EXPECT_EQ(pack->rules[0].remediation, "Set the version field to v3.");
  EXPECT_EQ(pack->rules[0].references,
            (std::vector<std::string>{"RFC 5280 4.1.2.1", "https://example.org/cp#7.1"}));
  EXPECT_EQ(pack->FindRule("r-version"), &pack->rules[0]);
  EXPECT_EQ(pack->FindRule("nope"), nullptr);
}

// An included pack's rules join under their own ids, in the section that cites them.
TEST(Pack, IncludesABasePackWhoseRulesItCites) {
  std::string manifest = Replace(kManifest, "coverage:", "include: [rfc5280]\ncoverage:");
  std::string every_base_rule;
  auto base = LoadPackDir(testing::SourceDir() / "rules/rfc5280");
  for (const Rule& r : base->rules) {
    every_base_rule += ", " + r.id;
  }
  std::string cited =
      Replace(manifest, "rules: [r-version]", "rules: [r-version" + every_base_rule + "]");
  auto pack = Load(cited, kRules);
  const Rule* der = pack->FindRule("der-x690-certificate");
  ASSERT_NE(der, nullptr);
  EXPECT_EQ(der->cp, "7.1");
  EXPECT_EQ(der->origin, "rfc5280 X.690");
  ASSERT_EQ(pack->includes.size(), 1u);
  EXPECT_EQ(pack->includes[0].id, "rfc5280");
  // Uncited, an included rule has no place in the including pack's reports.
  try {
    Load(manifest, kRules);
    ADD_FAILURE() << "loaded with uncited included rules";
  } catch (const PackError& e) {
    EXPECT_NE(std::string(e.what()).find("is cited by no coverage section of test-pack"),
              std::string::npos)
        << e.what();
  }
  ExpectError(Replace(kManifest, "coverage:", "include: [no-such-pack]\ncoverage:"), kRules,
              "pack.yaml:6", "include: no pack \"no-such-pack\" built in");
  ExpectError(Replace(kManifest, "coverage:", "include: [test-pack]\ncoverage:"), kRules,
              "pack.yaml:6", "include: a pack cannot include itself");
}

TEST(Pack, TheBuiltInPackLoadsAndHasEveryChapter7Rule) {
  auto pack = LoadPack(EmbeddedDefaultPack(), "built-in");
  EXPECT_EQ(pack->id, "secom-rootca1-tsa");
  for (const char* id : {"cp-7.1.1-version-v3", "cp-7.1-serial-unique", "cp-7.2.2-crl-aki-sha1",
                         "cp-9.6.3-relying-party", "cp-4.9.9-no-suspension"}) {
    EXPECT_NE(pack->FindRule(id), nullptr) << id;
  }
  // The built-in copy is the rules/ folder.
  auto from_dir = LoadPackDir(testing::PackDir());
  EXPECT_EQ(from_dir->rules.size(), pack->rules.size());
}

TEST(Pack, InvalidYaml) {
  ExpectError(kManifest, "rules: [\n  - {", "rules.yaml:2", "invalid YAML");
}

TEST(Pack, UnknownKey) {
  ExpectError(kManifest,
              Replace(kRules, "    severity: error", "    severity: error\n    sevrity: x"),
              "rules.yaml:7", "unknown key \"sevrity\"");
}

TEST(Pack, MissingRequiredKey) {
  ExpectError(kManifest, Replace(kRules, "    message: \"version is {value}\"\n", ""),
              "rules.yaml:2", "lacks required key \"message\"");
}

TEST(Pack, WrongType) {
  ExpectError(kManifest, Replace(kRules, "equals: 3", "equals: three"), "rules.yaml:10",
              "expected a integer for field version");
  ExpectError(kManifest, Replace(kRules, "severity: error", "severity: fatal"), "rules.yaml:6",
              "severity must be error, warning or notice");
}

TEST(Pack, UnknownFieldPath) {
  ExpectError(kManifest, Replace(kRules, "field: version", "field: versoin"), "rules.yaml:9",
              "unknown field path \"versoin\" for certificate");
}

TEST(Pack, UnknownOperator) {
  ExpectError(kManifest, Replace(kRules, "equals: 3", "is: 3"), "rules.yaml:10",
              "unknown operator \"is\"");
}

TEST(Pack, InvalidRegex) {
  ExpectError(kManifest,
              Replace(kRules, "field: version\n      equals: 3",
                      "field: subject.dn\n      matches: '([a-z'"),
              "rules.yaml:10", "invalid regular expression");
}

TEST(Pack, UnknownPrimitive) {
  ExpectError(kManifest,
              Replace(kRules, "check:\n      field: version\n      equals: 3",
                      "check:\n      signature-vaild: {}"),
              "rules.yaml:9", "unknown check primitive \"signature-vaild\"");
}

TEST(Pack, UnknownPrimitiveOption) {
  ExpectError(kManifest,
              Replace(kRules, "check:\n      field: version\n      equals: 3",
                      "check:\n      key-identifier-sha1:\n        extension: subject\n        "
                      "hash: sha256"),
              "rules.yaml:11", "unknown option \"hash\"");
}

TEST(Pack, BadPrimitiveOptionValue) {
  ExpectError(kManifest,
              Replace(kRules, "check:\n      field: version\n      equals: 3",
                      "check:\n      key-identifier-sha1:\n        extension: issuer"),
              "rules.yaml:10", "expected \"authority\" or \"subject\"");
}

TEST(Pack, PrimitiveThatDoesNotApply) {
  ExpectError(kManifest,
              Replace(kRules, "check:\n      field: version\n      equals: 3",
                      "check:\n      crl-entries: {}"),
              "rules.yaml:7", "does not apply to certificate");
}

TEST(Pack, DuplicateId) {
  std::string rules = kRules;
  rules += std::string(kRules).substr(std::string("rules:\n").size());
  ExpectError(kManifest, rules, "rules.yaml:12", "duplicate rule id r-version");
}

TEST(Pack, UnknownPlaceholder) {
  ExpectError(kManifest, Replace(kRules, "{value}", "{valeu}"), "rules.yaml:11",
              "placeholders here");
}

TEST(Pack, UnknownParameterReference) {
  ExpectError(kManifest, Replace(kRules, "equals: 3", "equals: $nope"), "rules.yaml:10",
              "unknown parameter \"$nope\"");
}

TEST(Pack, CoverageNamesAnUnknownRule) {
  ExpectError(Replace(kManifest, "rules: [r-version]", "rules: [r-version, r-missing]"), kRules,
              "pack.yaml:7", "names unknown rule r-missing");
}

TEST(Pack, RuleMissingFromCoverage) {
  ExpectError(Replace(kManifest, "\"7.1\"", "\"7.1.1\""), kRules, "rules.yaml:2",
              "cites section 7.1, which the coverage lacks");
}

TEST(Pack, ManualSectionNeedsItsText) {
  ExpectError(Replace(kManifest, "    text: {ja: \"テスト\", en: \"test\"}\n", ""), kRules,
              "pack.yaml:11", "needs its clause text");
}

TEST(Pack, ParameterOverridesMustExist) {
  YAML::Node overrides = YAML::Load("{nope: 1}");
  try {
    LoadPack({{"pack.yaml", kManifest}, {"rules.yaml", kRules}}, "test",
             {"evidence/cpaudit.yaml", overrides, YAML::Node()});
    ADD_FAILURE();
  } catch (const PackError& e) {
    EXPECT_NE(std::string(e.what()).find("evidence/cpaudit.yaml:1: parameter \"nope\""),
              std::string::npos)
        << e.what();
  }
}

TEST(Pack, RenderMessageFillsPlaceholders) {
  EXPECT_EQ(RenderMessage("{a} and {b}", {{"a", "x"}, {"b", "y"}}), "x and y");
}

}  // namespace
}  // namespace cpaudit
