#include "harness/model/evidence.h"

#include <gtest/gtest.h>

#include <fstream>

#include "tests/test_util.h"

namespace cpaudit {
namespace {

namespace fs = std::filesystem;

class TempDir {
 public:
  TempDir() {
    path_ = fs::temp_directory_path() /
            ("cpaudit-evidence-" + std::to_string(::getpid()) + "-" + std::to_string(counter_++));
    fs::remove_all(path_);
    fs::create_directories(path_);
  }
  ~TempDir() { fs::remove_all(path_); }
  const fs::path& path() const { return path_; }
  void Write(const std::string& rel, const std::string& content) const {
    fs::create_directories((path_ / rel).parent_path());
    std::ofstream(path_ / rel, std::ios::binary) << content;
  }

 private:
  static inline int counter_ = 0;
  fs::path path_;
};

TEST(Evidence, MissingDirectoryIsAnEvidenceError) {
  EXPECT_THROW(Evidence::Load("/nonexistent/cpaudit/evidence"), EvidenceError);
}

TEST(Evidence, LoadsTheCompliantFixture) {
  auto ev = Evidence::Load(testing::CompliantCase());
  EXPECT_EQ(ev->cas().size(), 1u);
  EXPECT_TRUE(ev->cas()[0].key);
  EXPECT_EQ(ev->certificates().size(), 2u);
  EXPECT_EQ(ev->crls().size(), 1u);
  EXPECT_TRUE(ev->input_problems().empty());
  EXPECT_EQ(ev->certificates()[0]->source().Display(), "certs/ta.pem");
}

TEST(Evidence, NumbersTheItemsOfABundle) {
  TempDir dir;
  std::string ta = testing::ReadFile(testing::CompliantCase() / "certs/ta.pem");
  std::string tsa = testing::ReadFile(testing::CompliantCase() / "certs/tsa.pem");
  dir.Write("certs/bundle.pem", "some text first\n" + ta + tsa + ta);
  auto ev = Evidence::Load(dir.path());
  ASSERT_EQ(ev->certificates().size(), 3u);
  EXPECT_EQ(ev->certificates()[2]->source().Display(), "certs/bundle.pem#3");
  EXPECT_TRUE(ev->input_problems().empty());
}

TEST(Evidence, ReadsDerFilesByFolder) {
  TempDir dir;
  auto der = testing::PemBlocks(testing::CompliantCase() / "crls/crl.pem", "X509 CRL").at(0);
  dir.Write("crls/crl.der", std::string(der.begin(), der.end()));
  auto ev = Evidence::Load(dir.path());
  EXPECT_EQ(ev->crls().size(), 1u);
  EXPECT_TRUE(ev->input_problems().empty());
}

TEST(Evidence, EveryUnreadableFileIsAProblemAndTheRestIsKept) {
  TempDir dir;
  dir.Write("certs/ok.pem", testing::ReadFile(testing::CompliantCase() / "certs/ta.pem"));
  dir.Write("certs/empty.pem", "");
  dir.Write("certs/key.pem", "-----BEGIN PRIVATE KEY-----\nAAAA\n-----END PRIVATE KEY-----\n");
  dir.Write("certs/text.pem", "-----BEGIN nothing here");
  dir.Write("events/a.jsonl",
            "{\"time\": \"2026-01-01T00:00:00Z\", \"type\": \"crl_issued\"}\n\nnot json\n");
  auto ev = Evidence::Load(dir.path());
  EXPECT_EQ(ev->certificates().size(), 1u);
  EXPECT_EQ(ev->events().size(), 1u);
  std::vector<std::string> where;
  for (const auto& p : ev->input_problems()) where.push_back(p.artifact + ": " + p.message);
  ASSERT_EQ(where.size(), 4u) << ::testing::PrintToString(where);
  EXPECT_EQ(where[0], "certs/empty.pem: empty file");
  EXPECT_EQ(where[1], "certs/key.pem: unexpected PEM block \"PRIVATE KEY\"");
  EXPECT_NE(where[2].find("certs/text.pem: malformed PEM"), std::string::npos) << where[2];
  EXPECT_EQ(where[3], "events/a.jsonl:3: not valid JSON");
}

TEST(Evidence, FindsTheIssuingCaByNameThenKeyId) {
  auto ev = Evidence::Load(testing::CompliantCase());
  const Certificate& tsa = *ev->certificates()[1];
  EXPECT_EQ(ev->FindIssuer(tsa.issuer(), tsa.extensions()), &ev->cas()[0]);
}

}  // namespace
}  // namespace cpaudit
