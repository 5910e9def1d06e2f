#include "harness/model/evidence.h"

#include <gtest/gtest.h>

#include <fstream>

#include "tests/test_util.h"

namespace cpaudit {
namespace {

namespace fs = std::filesystem;

using testing::TempDir;

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

// A log of several megabytes is parsed in chunks on several threads: the lines
// keep their numbers and the events their order, whatever the threads.
TEST(Evidence, LoadsABigLogInChunksWithExactLineNumbers) {
  TempDir dir;
  std::string log;
  std::vector<std::string> expected_problems;
  int events = 0;
  for (int line = 1; line <= 60000; ++line) {
    if (line % 7919 == 0) {
      log += "{not json\n";
      expected_problems.push_back("events/a.jsonl:" + std::to_string(line));
    } else if (line % 5003 == 0) {
      log += "\n";  // blank lines count but are not events
    } else {
      log += R"({"time": "2026-04-30T10:00:00+09:00", "type": "crl_published", "crl": "crls/)" +
             std::to_string(line) + R"(.pem", "url": "http://repository.example/a-long-url"})" +
             "\n";
      ++events;
    }
  }
  dir.Write("events/a.jsonl", log);
  dir.Write("events/b.txt", "not a log");
  ASSERT_GT(log.size(), size_t{5} << 20);  // several chunks
  auto one = Evidence::Load(dir.path(), 1);
  auto three = Evidence::Load(dir.path(), 3);
  ASSERT_EQ(one->events().size(), static_cast<size_t>(events));
  ASSERT_EQ(three->events().size(), one->events().size());
  for (size_t i = 0; i < one->events().size(); ++i) {
    ASSERT_EQ(one->events()[i].source.Display(), three->events()[i].source.Display());
    ASSERT_EQ(one->events()[i].Str("crl"),
              "crls/" + std::to_string(one->events()[i].source.line) + ".pem");
  }
  std::vector<std::string> problems;
  for (const auto& p : three->input_problems()) problems.push_back(p.artifact);
  expected_problems.push_back("events/b.txt");
  EXPECT_EQ(problems, expected_problems);
}

// Evidence folders may be symbolic links (a CI job linking the CA's output
// directories): artifacts are still named by their place in the evidence.
TEST(Evidence, NamesArtifactsInsideSymlinkedFoldersByTheirEvidencePath) {
  TempDir outside;
  outside.Write("crls/crl.pem", testing::ReadFile(testing::CompliantCase() / "crls" / "crl.pem"));
  TempDir dir;
  fs::create_directory_symlink(outside.path() / "crls", dir.path() / "crls");
  auto evidence = Evidence::Load(dir.path());
  ASSERT_EQ(evidence->crls().size(), 1u);
  EXPECT_EQ(evidence->crls()[0]->source().path, "crls/crl.pem");
}

}  // namespace
}  // namespace cpaudit
