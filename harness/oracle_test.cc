#include "harness/oracle.h"

#include <gtest/gtest.h>

#include <nlohmann/json.hpp>
#include <set>
#include <sstream>
#include <thread>

#include "harness/audit.h"
#include "harness/stream_check.h"
#include "tests/test_util.h"

namespace cpaudit {
namespace {

namespace fs = std::filesystem;

std::unique_ptr<Oracle> DemoOracle() {
  OracleOptions options;
  options.ca_pem = testing::ReadFile(testing::SourceDir() / "corpus/demo/ca/ca.pem");
  return Oracle::Create(options);
}

// Rules the oracle runs as `audit` does: per certificate, needing no event
// log, repository or CRL.
bool SingleArtifactRule(const Rule& r) {
  return r.applies_to == ArtifactKind::kCertificate && r.check_name != "deadline" &&
         r.check_name != "published" && r.check_name != "relying-party";
}

TEST(Oracle, FindingsEqualTheAuditsOnTheSameCertificate) {
  auto oracle = DemoOracle();
  UnixTime at = *ParseRfc3339("2026-06-01T00:00:00Z");
  AuditRequest request;
  request.evidence = testing::SourceDir() / "corpus/demo";
  AuditRun run = RunAudit(request);
  std::set<std::string> single;
  for (const Rule& r : run.pack->rules) {
    if (SingleArtifactRule(r)) single.insert(r.id);
  }
  size_t compared = 0;
  for (const auto& cert : run.evidence->certificates()) {
    std::multiset<std::string> from_audit, from_oracle;
    for (const Finding& f : run.result.findings) {
      if (f.artifact == cert->source().Display() && single.count(f.rule)) {
        from_audit.insert(f.rule + ": " + f.message + " " + f.fingerprint);
      }
    }
    for (const Finding& f : oracle->CheckCertificate(cert->der(), at).findings) {
      if (single.count(f.rule)) from_oracle.insert(f.rule + ": " + f.message + " " + f.fingerprint);
    }
    EXPECT_EQ(from_audit, from_oracle) << cert->source().Display();
    compared += from_audit.size();
  }
  EXPECT_GE(compared, 3u);
}

TEST(Oracle, UnreadableInputIsOneInputFinding) {
  auto oracle = DemoOracle();
  const uint8_t garbage[] = {0x30, 0x03, 0x02, 0x01};
  auto r = oracle->CheckCertificate(ByteView(garbage, sizeof garbage));
  EXPECT_FALSE(r.parsed);
  ASSERT_EQ(r.findings.size(), 1u);
  EXPECT_EQ(r.findings[0].rule, kInputRuleId);
  EXPECT_TRUE(r.Fails(Severity::kError));
}

TEST(Oracle, ChecksCrlsAndCsrs) {
  auto oracle = DemoOracle();
  auto crl =
      testing::PemBlocks(testing::SourceDir() / "corpus/demo/crls/crl-2026-04-07.pem", "X509 CRL");
  auto r = oracle->CheckCrl(crl.at(0), *ParseRfc3339("2026-06-01T00:00:00Z"));
  EXPECT_TRUE(r.parsed);
  ASSERT_EQ(r.findings.size(), 1u);
  EXPECT_EQ(r.findings[0].rule, "cp-4.9.8-reasons-published");
  auto csr = testing::PemBlocks(testing::SourceDir() / "corpus/demo/csrs/tsa-1.pem",
                                "CERTIFICATE REQUEST");
  EXPECT_TRUE(oracle->CheckCsr(csr.at(0)).findings.empty());
}

TEST(Oracle, IsThreadSafe) {
  auto oracle = DemoOracle();
  std::vector<Bytes> certs;
  for (const auto& e : fs::directory_iterator(testing::SourceDir() / "corpus/demo/certs")) {
    certs.push_back(testing::PemBlocks(e.path(), "CERTIFICATE").at(0));
  }
  UnixTime at = *ParseRfc3339("2026-06-01T00:00:00Z");
  std::vector<size_t> expected;
  for (const Bytes& c : certs) expected.push_back(oracle->CheckCertificate(c, at).findings.size());
  std::vector<std::thread> threads;
  std::atomic<int> mismatches{0};
  for (int t = 0; t < 4; ++t) {
    threads.emplace_back([&] {
      for (int round = 0; round < 25; ++round) {
        for (size_t i = 0; i < certs.size(); ++i) {
          if (oracle->CheckCertificate(certs[i], at).findings.size() != expected[i]) ++mismatches;
        }
      }
    });
  }
  for (auto& t : threads) t.join();
  EXPECT_EQ(mismatches.load(), 0);
}

TEST(Oracle, StreamsPemAndDerOneJsonLineEach) {
  auto oracle = DemoOracle();
  std::string input = testing::ReadFile(testing::SourceDir() / "corpus/demo/certs/ta-1.pem");
  Bytes der =
      testing::PemBlocks(testing::SourceDir() / "corpus/demo/certs/tsa-2.pem", "CERTIFICATE").at(0);
  input += std::string(der.begin(), der.end());
  input += "\n\x30\x82\x01";  // a truncated DER item at the end
  std::istringstream in(input);
  std::ostringstream out;
  size_t failed =
      StreamCheck(*oracle, in, out, Severity::kError, *ParseRfc3339("2026-06-01T00:00:00Z"));
  std::vector<nlohmann::json> lines;
  std::istringstream read(out.str());
  for (std::string l; std::getline(read, l);) lines.push_back(nlohmann::json::parse(l));
  ASSERT_EQ(lines.size(), 3u);
  EXPECT_EQ(lines[0]["result"], "pass");
  EXPECT_EQ(lines[0]["serial"], "1001");
  EXPECT_EQ(lines[1]["result"], "fail");
  EXPECT_EQ(lines[1]["findings"][0]["rule"], "cp-7.1.4-subject-charset");
  EXPECT_EQ(lines[2]["parsed"], false);
  EXPECT_EQ(failed, 2u);
}

TEST(Oracle, RejectsAMissingCa) {
  OracleOptions options;
  options.ca_pem = "not a certificate";
  EXPECT_THROW(Oracle::Create(options), std::invalid_argument);
}

}  // namespace
}  // namespace cpaudit
