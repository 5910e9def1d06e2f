#include "checks/key_identifier.h"

#include <gtest/gtest.h>

#include "tests/test_util.h"

namespace cpaudit {
namespace {

using testing::FixtureCase;
using testing::RunPrimitive;

TEST(KeyIdentifier, ComputesTheSha1OfTheKeyBitString) {
  auto good = Evidence::Load(testing::CompliantCase());
  for (const char* which : {"{extension: authority}", "{extension: subject}"}) {
    for (const Outcome& o : RunPrimitive("key-identifier-sha1", which, "certificate", *good)) {
      EXPECT_EQ(o.status, Status::kPass) << which;
    }
  }
  EXPECT_EQ(
      RunPrimitive("key-identifier-sha1", "{extension: authority}", "crl", *good).at(0).status,
      Status::kPass);
}

TEST(KeyIdentifier, FailsAWrongAuthorityKeyId) {
  auto ev = Evidence::Load(FixtureCase("cp-7.1.2-aki-sha1", "wrong-key"));
  auto o = RunPrimitive("key-identifier-sha1", "{extension: authority}", "certificate", *ev).at(0);
  EXPECT_EQ(o.status, Status::kFail);
  EXPECT_EQ(o.violations.at(0).vars.at("expected"),
            HexEncode(ev->cas()[0].certificate->public_key().key_sha1));
}

TEST(KeyIdentifier, FailsAKeyIdOfTheWrongLength) {
  auto ev = Evidence::Load(FixtureCase("cp-7.1.2-ski-sha1", "sha256-ski"));
  auto o = RunPrimitive("key-identifier-sha1", "{extension: subject}", "certificate", *ev).at(0);
  EXPECT_EQ(o.status, Status::kFail);
  EXPECT_NE(o.violations.at(0).vars.at("problem").find("256 bits"), std::string::npos);
}

TEST(KeyIdentifier, FailsAnAbsentExtension) {
  auto ev = Evidence::Load(FixtureCase("cp-7.2.1-crl-version-v2", "version-1"));
  auto o = RunPrimitive("key-identifier-sha1", "{extension: authority}", "crl", *ev).at(0);
  EXPECT_EQ(o.status, Status::kFail);
  EXPECT_EQ(o.violations.at(0).vars.at("problem"), "authorityKeyIdentifier is absent");
}

TEST(KeyIdentifier, ValidatesItsOptions) {
  EXPECT_THROW(RunPrimitive("key-identifier-sha1", "{}", "certificate", Evidence()), PackError);
  EXPECT_THROW(RunPrimitive("key-identifier-sha1", "{extension: subject}", "crl", Evidence()),
               PackError);
}

}  // namespace
}  // namespace cpaudit
