#include "harness/model/evidence.h"

#include <fmt/format.h>
#include <gtest/gtest.h>
#include <sys/socket.h>
#include <sys/stat.h>
#include <sys/un.h>
#include <unistd.h>

#include <cstring>
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

// The repository publishes CRLs too (DER under the CRLDP's name, or PEM):
// proof of publication, never an unreadable certificate, never a second CRL.
TEST(Evidence, RepositoryCrlsAreReadAsPublishedCrls) {
  TempDir dir;
  auto der = testing::PemBlocks(testing::CompliantCase() / "crls/crl.pem", "X509 CRL").at(0);
  dir.Write("crls/crl.pem", testing::ReadFile(testing::CompliantCase() / "crls/crl.pem"));
  dir.Write("repository/SCRoot1CRL.crl", std::string(der.begin(), der.end()));
  dir.Write("repository/copy.pem", testing::ReadFile(testing::CompliantCase() / "crls/crl.pem"));
  dir.Write("repository/ta.der", testing::ReadFile(testing::CompliantCase() / "certs/ta.pem"));
  dir.Write("repository/garbage.crl", "neither\n");
  auto ev = Evidence::Load(dir.path());
  ASSERT_EQ(ev->crls().size(), 1u);
  EXPECT_TRUE(ev->IsPublished(*ev->crls()[0]));
  ASSERT_EQ(ev->input_problems().size(), 1u);
  EXPECT_EQ(ev->input_problems()[0].artifact, "repository/garbage.crl");
  EXPECT_NE(ev->input_problems()[0].message.find("neither a readable certificate"),
            std::string::npos);
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

std::vector<std::string> Problems(const Evidence& evidence) {
  std::vector<std::string> out;
  for (const auto& p : evidence.input_problems()) out.push_back(p.artifact + ": " + p.message);
  return out;
}

// Nothing in the evidence is skipped without a word, nothing special is
// opened, and the other files are still read.
TEST(Evidence, EverythingThatIsNotARegularFileIsNamedAndNeverOpened) {
  TempDir dir;
  std::string pem = testing::ReadFile(testing::CompliantCase() / "certs" / "tsa.pem");
  dir.Write("certs/a.pem", pem);
  dir.Write("certs/sub/b.pem", pem);
  fs::create_symlink("missing.pem", dir.path() / "certs/dangling.pem");
  fs::create_symlink("loop2.pem", dir.path() / "certs/loop1.pem");
  fs::create_symlink("loop1.pem", dir.path() / "certs/loop2.pem");
  fs::create_symlink("a.pem", dir.path() / "certs/link-to-file.pem");
  fs::create_directory_symlink("sub", dir.path() / "certs/link-to-folder");
  fs::create_symlink("/dev/zero", dir.path() / "certs/zero.pem");
  ASSERT_EQ(mkfifo((dir.path() / "certs/fifo.pem").c_str(), 0600), 0);
  int sock = socket(AF_UNIX, SOCK_STREAM, 0);
  sockaddr_un addr{};
  addr.sun_family = AF_UNIX;
  std::string sock_path = (dir.path() / "certs/socket.pem").string();
  ASSERT_LT(sock_path.size(), sizeof addr.sun_path);
  std::strcpy(addr.sun_path, sock_path.c_str());
  ASSERT_EQ(bind(sock, reinterpret_cast<sockaddr*>(&addr), sizeof addr), 0);
  fs::create_directories(dir.path() / "certs/folder.pem");
  dir.Write("certs/folder.pem/c.pem", pem);

  auto ev = Evidence::Load(dir.path());  // returns: the FIFO is not opened for reading
  close(sock);
  EXPECT_EQ(ev->certificates().size(), 4u);  // a, folder.pem/c, link-to-file, sub/b
  std::vector<std::string> problems = Problems(*ev);
  std::vector<std::string> expected = {
      "certs/dangling.pem: a dangling symlink",
      "certs/fifo.pem: a FIFO, not a regular file: not read",
      "certs/folder.pem: a folder named like an artifact file; its contents are read",
      "certs/link-to-folder: a symlink to a folder: symlinks in the evidence are followed only "
      "to regular files",
      "certs/loop1.pem: a symlink loop: not read",
      "certs/loop2.pem: a symlink loop: not read",
      "certs/socket.pem: a socket, not a regular file: not read",
      "certs/zero.pem: a symlink to a character device: symlinks in the evidence are followed "
      "only to regular files"};
  ASSERT_EQ(problems.size(), expected.size()) << ::testing::PrintToString(problems);
  for (size_t i = 0; i < expected.size(); ++i) {
    EXPECT_EQ(problems[i].rfind(expected[i], 0), 0u) << problems[i];
  }
}

// As root (CI), permissions do not stop reading: run the listing without the
// capabilities that override them, in a child process.
TEST(Evidence, AnUnreadableSubfolderIsAProblemAndItsSiblingsAreRead) {
  TempDir dir;
  std::string pem = testing::ReadFile(testing::CompliantCase() / "certs" / "tsa.pem");
  dir.Write("certs/locked/a.pem", pem);
  dir.Write("certs/z.pem", pem);
  fs::permissions(dir.path() / "certs/locked", fs::perms::none);
  std::string output;
  std::string prefix =
      ::geteuid() == 0 ? "setpriv --bounding-set=-dac_override,-dac_read_search " : "";
  testing::RunCommand(
      prefix + testing::Cpaudit("audit " + dir.path().string() + " --quiet --report text=-"),
      &output);
  fs::permissions(dir.path() / "certs/locked", fs::perms::owner_all);
  EXPECT_NE(
      output.find("ERROR cpaudit-input certs/locked: cannot list the folder: Permission denied"),
      std::string::npos)
      << output;
  EXPECT_NE(output.find("1 certificates"), std::string::npos) << output;
}

// Five thousand bad lines cost a hundred findings and a count, not five thousand.
TEST(Evidence, InputProblemsAreCappedPerFileWithACount) {
  TempDir dir;
  std::string log;
  for (int i = 0; i < 5000; ++i) log += "{}\n";
  dir.Write("events/a.jsonl", log);
  dir.Write("events/b.jsonl", "{}\n");
  auto ev = Evidence::Load(dir.path(), 2);
  std::vector<std::string> problems = Problems(*ev);
  ASSERT_EQ(problems.size(), kMaxProblemsPerFile + 2);
  EXPECT_EQ(problems[0], "events/a.jsonl:1: missing \"time\"");
  EXPECT_EQ(problems[kMaxProblemsPerFile], "events/b.jsonl:1: missing \"time\"");
  EXPECT_EQ(problems.back(),
            "events/a.jsonl: 4900 more input problems in this file are not listed (the first 100 "
            "are)");
}

TEST(Evidence, AnOverlongOrDeeplyNestedLogLineIsAProblemOfItsOwn) {
  TempDir dir;
  std::string good =
      R"({"time": "2026-04-30T10:00:00+09:00", "type": "crl_published", "crl": "c"})";
  std::string huge = R"({"time": "2026-04-30T10:00:00+09:00", "type": "crl_published", "crl": ")" +
                     std::string(kMaxEventLineBytes, 'x') + "\"}";
  std::string deep = std::string(100, '[') + std::string(100, ']');
  dir.Write("events/a.jsonl", good + "\n" + huge + "\n" + deep + "\n" + good + "\n");
  auto ev = Evidence::Load(dir.path());
  EXPECT_EQ(ev->events().size(), 2u);
  std::vector<std::string> problems = Problems(*ev);
  ASSERT_EQ(problems.size(), 2u);
  EXPECT_EQ(problems[0], fmt::format("events/a.jsonl:2: the line is {} bytes, longer than the 1 "
                                     "MiB limit: not read",
                                     huge.size()));
  EXPECT_EQ(problems[1], "events/a.jsonl:3: JSON nested more than 16 levels deep");
}

TEST(Evidence, ABadValueIsQuotedShort) {
  TempDir dir;
  dir.Write("events/a.jsonl",
            R"({"time": ")" + std::string(100000, '9') + "\", \"type\": \"x\"}\n");
  auto ev = Evidence::Load(dir.path());
  ASSERT_EQ(ev->input_problems().size(), 1u);
  EXPECT_LT(ev->input_problems()[0].message.size(), 120u) << ev->input_problems()[0].message;
}

}  // namespace
}  // namespace cpaudit
