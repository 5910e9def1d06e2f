#include "harness/recipe.h"

#include <gtest/gtest.h>

#include <nlohmann/json.hpp>

#include "harness/model/certificate.h"
#include "harness/params.h"
#include "tests/test_util.h"

namespace cpaudit {
namespace {

namespace fs = std::filesystem;

// A base with a CA and a TSA profile, as a pack's fixture folder holds it.
std::string Base() {
  return "keys: " + (testing::SourceDir() / "corpus/keys").string() + R"(
at: "2026-06-01T00:00:00Z"
ca:
  key: ca
  serial: "01"
  subject: "C=US, O=Example Trust, CN=Example Root"
  validity: {not_before: "2020-01-01T00:00:00Z", not_after: "2040-01-01T00:00:00Z"}
  extensions:
    subjectKeyIdentifier: hash
    basicConstraints: critical,CA:TRUE
    keyUsage: critical,keyCertSign,cRLSign
profiles:
  tsa:
    key: sub-1
    serial: "1001"
    subject: [{C: US}, {O: Example Time}, {type: CN, value: Example TSA, string_type: printable}]
    validity: {not_before: "2026-01-05T00:00:00Z", not_after: "2027-01-05T00:00:00Z"}
    extensions:
      authorityKeyIdentifier: keyid
      subjectKeyIdentifier: hash
      keyUsage: critical,digitalSignature
      extendedKeyUsage: critical,timeStamping
)";
}

std::shared_ptr<const Certificate> ParsePem(const std::string& pem) {
  testing::TempDir dir;
  dir.Write("c.pem", pem);
  auto blocks = testing::PemBlocks(dir.path() / "c.pem", "CERTIFICATE");
  EXPECT_EQ(blocks.size(), 1u);
  std::string error;
  auto cert = Certificate::Parse(blocks.at(0), Source{"c.pem"}, &error);
  EXPECT_TRUE(cert) << error;
  return cert;
}

std::string ErrorOf(const fs::path& recipe) {
  try {
    BuildRecipe(recipe);
  } catch (const PackError& e) {
    return e.what();
  }
  return "(built)";
}

TEST(Recipe, MergesItsBaseAndProfileAndBuildsEachArtifact) {
  testing::TempDir dir;
  dir.Write("base.yaml", Base());
  dir.Write("case/recipe.yaml", R"(
base: ../base.yaml
config: {parameters: {crl_max_validity_years: 2}}
certificates:
  tsa: {profile: tsa, publish: true}
  no-eku:
    profile: tsa
    serial: "1002"
    signature: {hash: sha384}
    extensions: {extendedKeyUsage: null, 1.2.3.4: {der: "0500", critical: true}}
crls:
  crl:
    this_update: "2026-05-01T00:00:00Z"
    next_update: "2026-08-01T00:00:00Z"
    revoked: [{serial: "0999", date: "2026-04-20T00:00:00Z", reason: keyCompromise}]
    extensions: {authorityKeyIdentifier: keyid, crlNumber: "7"}
    publish: repository/root.crl
csrs:
  tsa: {key: sub-1, subject: "C=US, CN=Example TSA"}
events:
  - {time: "2026-05-01T08:00:00+09:00", type: certificate_issued, serial: "10:01", count: 3,
     late: false, note: "3"}
files:
  certs/garbage.der: "not a certificate"
)");
  BuiltFiles files = BuildRecipe(dir.path() / "case/recipe.yaml");
  std::vector<std::string> names;
  for (const auto& [name, content] : files) names.push_back(name);
  EXPECT_EQ(names, (std::vector<std::string>{"ca/ca.pem", "certs/garbage.der", "certs/no-eku.pem",
                                             "certs/tsa.pem", "cpaudit.yaml", "crls/crl.pem",
                                             "csrs/tsa.pem", "events/ca.jsonl",
                                             "repository/root.crl", "repository/tsa.pem"}));
  // The published CRL is the same CRL, as DER.
  dir.Write("crl.pem", files["crls/crl.pem"]);
  EXPECT_EQ(testing::PemBlocks(dir.path() / "crl.pem", "X509 CRL").at(0),
            Bytes(files["repository/root.crl"].begin(), files["repository/root.crl"].end()));
  EXPECT_EQ(files["repository/tsa.pem"], files["certs/tsa.pem"]);
  EXPECT_EQ(files["certs/garbage.der"], "not a certificate");
  EXPECT_NE(files["cpaudit.yaml"].find("\nat: 2026-06-01T00:00:00Z\n"), std::string::npos)
      << files["cpaudit.yaml"];
  EXPECT_NE(files["cpaudit.yaml"].find("crl_max_validity_years: 2"), std::string::npos);

  auto tsa = ParsePem(files["certs/tsa.pem"]);
  auto no_eku = ParsePem(files["certs/no-eku.pem"]);
  ASSERT_TRUE(tsa && no_eku);
  EXPECT_EQ(tsa->issuer().text, "C=US, O=Example Trust, CN=Example Root");
  EXPECT_EQ(tsa->subject().attributes.at(2).tag, 19);  // PrintableString, as asked
  EXPECT_EQ(tsa->extensions().list.size(), 4u);
  // The profile's extensions with extendedKeyUsage removed and one added at the end.
  ASSERT_EQ(no_eku->extensions().list.size(), 4u);
  EXPECT_EQ(no_eku->extensions().list.back().oid, "1.2.3.4");
  EXPECT_EQ(no_eku->envelope().algorithm.oid, "1.2.840.113549.1.1.12");
  // The AKI "keyid" names the CA's key.
  auto ca = ParsePem(files["ca/ca.pem"]);
  ASSERT_TRUE(ca && ca->extensions().subject_key_identifier);
  ASSERT_TRUE(tsa->extensions().authority_key_identifier);

  // Plain YAML scalars become JSON numbers and booleans; quoted ones stay strings.
  auto event = nlohmann::json::parse(files["events/ca.jsonl"]);
  EXPECT_EQ(event["count"], 3);
  EXPECT_EQ(event["late"], false);
  EXPECT_EQ(event["note"], "3");
  EXPECT_EQ(event["serial"], "10:01");

  EXPECT_EQ(BuildRecipe(dir.path() / "case/recipe.yaml"), files) << "the same bytes every time";
}

TEST(Recipe, ErrorsNameTheFileAndLineThatSaidIt) {
  testing::TempDir dir;
  dir.Write("base.yaml", Base() + "    colour: blue\n");
  dir.Write("a/recipe.yaml", "base: ../base.yaml\ncertificates:\n  tsa: {profile: tsa}\n");
  std::string base = (dir.path() / "a/../base.yaml").string();
  EXPECT_EQ(ErrorOf(dir.path() / "a/recipe.yaml"),
            base +
                ":23: unknown key \"colour\" in certificates.tsa (allowed: key, serial, "
                "subject, issuer, signer, version, validity, extensions, openssl_config, "
                "signature, patch_tbs, patch_der, corrupt_signature, publish)");

  dir.Write("base.yaml", Base());
  dir.Write("b/recipe.yaml",
            "base: ../base.yaml\ncertificates:\n  tsa:\n    profile: tsa\n    validity: "
            "{not_before: yesterday, not_after: \"2027-01-05T00:00:00Z\"}\n");
  EXPECT_EQ(ErrorOf(dir.path() / "b/recipe.yaml"),
            (dir.path() / "b/recipe.yaml").string() +
                ":5: not_before \"yesterday\" is not RFC 3339 with an offset");

  dir.Write("c/recipe.yaml",
            "base: ../base.yaml\ncertificates:\n  tsa:\n    profile: tsa\n    extensions: "
            "{keyUsage: \"critical,sometimes\"}\n");
  std::string error = ErrorOf(dir.path() / "c/recipe.yaml");
  EXPECT_EQ(error.rfind((dir.path() / "c/recipe.yaml").string() + ":4: extension keyUsage", 0), 0u)
      << error;

  dir.Write("d/recipe.yaml", "base: ../base.yaml\ncertificates:\n  tsa: {profile: ta}\n");
  EXPECT_EQ(ErrorOf(dir.path() / "d/recipe.yaml"),
            (dir.path() / "d/recipe.yaml").string() + ":3: no profile \"ta\" under `profiles:`");

  dir.Write("e/recipe.yaml", "at: \"2026-06-01T00:00:00Z\"\n");
  EXPECT_NE(ErrorOf(dir.path() / "e/recipe.yaml").find("must say `keys:`"), std::string::npos);

  dir.Write("f/recipe.yaml", "base: recipe.yaml\n");
  EXPECT_NE(ErrorOf(dir.path() / "f/recipe.yaml").find("a cycle?"), std::string::npos);
}

TEST(Recipe, FilesStayInsideTheCaseFolder) {
  testing::TempDir dir;
  dir.Write("base.yaml", Base());
  for (const char* path : {"../escape.pem", "/etc/passwd", "certs/../../x", "recipe.yaml",
                           "cpaudit.yaml", "certs/./a"}) {
    dir.Write("case/recipe.yaml",
              std::string("base: ../base.yaml\nfiles:\n  \"") + path + "\": text\n");
    EXPECT_NE(ErrorOf(dir.path() / "case/recipe.yaml").find("is not a new path inside"),
              std::string::npos)
        << path;
  }
  dir.Write("case/recipe.yaml", "base: ../base.yaml\ncertificates:\n  ../tsa: {profile: tsa}\n");
  EXPECT_NE(ErrorOf(dir.path() / "case/recipe.yaml").find("is not a file name"), std::string::npos);
}

TEST(Recipe, BuildingAPackWritesEachCaseAndCheckFindsDrift) {
  testing::TempDir dir;
  dir.Write("fixtures/base.yaml", Base());
  dir.Write("fixtures/rule-a/good/recipe.yaml",
            "base: ../../base.yaml\ncertificates:\n  tsa: {profile: tsa}\n");
  dir.Write("fixtures/rule-a/broken/recipe.yaml", "base: ../../base.yaml\nca: {serial: zz}\n");
  dir.Write("fixtures/rule-a/good/certs/left-over.pem", "stale");
  fs::path pack = testing::PackDir();
  fs::path fixtures = dir.path() / "fixtures";

  RecipeBuildReport built = BuildPackRecipes(pack, fixtures);
  EXPECT_EQ(built.recipes, 2u);
  EXPECT_EQ(built.failed, 1u);
  EXPECT_NE(built.output.find("FAILED rule-a/broken: "), std::string::npos) << built.output;
  EXPECT_TRUE(fs::exists(fixtures / "rule-a/good/certs/tsa.pem"));
  EXPECT_FALSE(fs::exists(fixtures / "rule-a/good/certs/left-over.pem"));
  EXPECT_EQ(testing::ReadFile(fixtures / "rule-a/good/expected.txt"), "");

  fs::remove_all(fixtures / "rule-a/broken");
  // A case nested in another is not the outer case's stale file.
  dir.Write("fixtures/rule-a/good/inner/recipe.yaml",
            "base: ../../../base.yaml\ncertificates:\n  tsa: {profile: tsa}\n");
  built = BuildPackRecipes(pack, fixtures);
  EXPECT_EQ(built.failed, 0u) << built.output;
  EXPECT_TRUE(fs::exists(fixtures / "rule-a/good/inner/recipe.yaml"));
  EXPECT_TRUE(fs::exists(fixtures / "rule-a/good/inner/certs/tsa.pem"));
  RecipeBuildReport check = BuildPackRecipes(pack, fixtures, true);
  EXPECT_EQ(check.changed, 0u) << check.output;
  dir.Write("fixtures/rule-a/good/certs/tsa.pem", "edited by hand");
  check = BuildPackRecipes(pack, fixtures, true);
  EXPECT_EQ(check.changed, 1u);
  EXPECT_NE(check.output.find("DIFFERS rule-a/good: certs/tsa.pem"), std::string::npos)
      << check.output;
  EXPECT_EQ(testing::ReadFile(fixtures / "rule-a/good/certs/tsa.pem"), "edited by hand")
      << "check writes nothing";
}

}  // namespace
}  // namespace cpaudit
