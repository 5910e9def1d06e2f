// cpaudit-scale: writes a large evidence bundle for the end-to-end figures of
// bench/README.md and the scale test (not committed: big and quick to remake).
//
//   cpaudit-scale OUT [CERTIFICATES=100000] [CRL_ENTRIES=1000000] [EVENTS=1000000]
//
// One CA (the demo CA's name and key) runs a year the CP allows: every
// certificate has its own key and the whole issuance flow in the event log
// (application, approval, notice, issuance, dispatch, acceptance); 1% are
// revoked for key compromise through the whole revocation flow and listed on
// the CRL, which also lists older serials up to CRL_ENTRIES; rejected
// applications fill the log up to EVENTS lines. Four violations are planted,
// and OUT/expected.txt lists every finding the pack must report, as
// "SEVERITY RULE ARTIFACT" lines (the revoked certificates' relying-party
// notices included):
//   - a subject with "_" (7.1.4), a receipt that never came (4.4.1, notice),
//   - a revoked certificate the CRL leaves out (4.9.8), a CRL entry without
//     a reasonCode (4.9.8, warning).
// The certificates come from bench/synthetic.h.

#include <openssl/pem.h>
#include <openssl/x509v3.h>

#include <CLI/CLI.hpp>
#include <algorithm>
#include <atomic>
#include <cstdio>
#include <filesystem>
#include <fstream>
#include <iostream>
#include <string>
#include <thread>
#include <vector>

#include "bench/synthetic.h"

namespace {

namespace fs = std::filesystem;
namespace synthetic = cpaudit::synthetic;
using synthetic::kFirstSerial;

constexpr long kBundle = 1000;             // certificates per PEM file
constexpr long kUnderscoreIndex = 424;     // planted: 7.1.4
constexpr long kNoReceiptIndex = 1234;     // planted: 4.4.1
constexpr long kUnlistedRevokedIndex = 0;  // planted: 4.9.8 (revoked, not on the CRL)
constexpr long kNoReasonEntry = 3;         // planted: 4.9.8 reasons (an older entry)

[[noreturn]] void Die(const std::string& why) {
  std::cerr << "cpaudit-scale: " << why << "\n";
  std::exit(1);
}

std::string CommonName(long i) {
  return i == kUnderscoreIndex ? "Scale_TSA " + std::to_string(i)
                               : "Scale TSA " + std::to_string(i);
}

std::string Artifact(long i) {
  return "certs/bundle-" + std::to_string(i / kBundle) + ".pem#" + std::to_string(i % kBundle + 1);
}

bool Revoked(long i) { return i % 100 == 0; }

void WriteCertificates(const fs::path& out, long n, const synthetic::Ca& ca) {
  long bundles = (n + kBundle - 1) / kBundle;
  std::atomic<long> next{0};
  auto worker = [&] {
    for (long b = next++; b < bundles; b = next++) {
      std::string text;
      for (long i = b * kBundle; i < std::min(n, (b + 1) * kBundle); ++i) {
        X509* x = synthetic::MakeTsaCertificate(ca, i, CommonName(i));
        text += synthetic::Pem(x);
        X509_free(x);
      }
      std::ofstream(out / "certs" / ("bundle-" + std::to_string(b) + ".pem")) << text;
    }
  };
  std::vector<std::thread> pool;
  for (unsigned t = 0; t < std::max(1u, std::thread::hardware_concurrency()); ++t) {
    pool.emplace_back(worker);
  }
  for (auto& t : pool) t.join();
}

long WriteCrl(const fs::path& out, long n_certs, long n_entries, const synthetic::Ca& ca) {
  std::vector<long> revoked;
  for (long i = 0; i < n_certs; ++i) {
    if (Revoked(i) && i != kUnlistedRevokedIndex) revoked.push_back(i);
  }
  long older = std::max(0L, n_entries - static_cast<long>(revoked.size()));
  std::string der = synthetic::MakeCrlDer(ca, revoked, older, kNoReasonEntry);
  std::ofstream(out / "crls/crl.der", std::ios::binary) << der;
  return static_cast<long>(revoked.size()) + older;
}

// Writes the log line by line, counting lines for the expected findings.
class Log {
 public:
  explicit Log(const fs::path& path) : out_(path) {}
  int Write(const std::string& time, const std::string& type, const std::string& fields) {
    out_ << R"({"time": ")" << time << R"(+09:00", "type": ")" << type << '"' << fields << "}\n";
    return ++lines_;
  }
  int lines() const { return lines_; }

 private:
  std::ofstream out_;
  int lines_ = 0;
};

std::string Q(const char* key, const std::string& value) {
  return std::string(", \"") + key + "\": \"" + value + "\"";
}

}  // namespace

int main(int argc, char** argv) {
  CLI::App app{
      "cpaudit-scale: writes a compliant year of the demo CA at scale, with four planted "
      "violations and expected.txt, for the scale test and the benchmarks."};
  std::string out_arg;
  long n_certs = 100000, n_entries = 1000000, n_events = 1000000;
  bool force = false;
  app.add_option("OUT", out_arg, "the evidence folder to write (new or empty)")->required();
  app.add_option("CERTIFICATES", n_certs, "certificates to issue")
      ->check(CLI::Range(kNoReceiptIndex + 1, 100000000L));
  app.add_option("CRL_ENTRIES", n_entries, "entries of the CRL")->check(CLI::NonNegativeNumber);
  app.add_option("EVENTS", n_events, "events to log")->check(CLI::NonNegativeNumber);
  app.add_flag("--force", force, "replace OUT even when it is not empty");
  try {
    app.parse(argc, argv);
  } catch (const CLI::ParseError& e) {
    return app.exit(e) == 0 ? 0 : 2;  // --help, or a usage error
  }
  fs::path out = out_arg;
  std::error_code ec;
  if (fs::exists(out, ec) && !(fs::is_directory(out, ec) && fs::is_empty(out, ec))) {
    // It is someone's folder, not ours: never deleted unasked.
    if (!force) Die(out.string() + ": exists and is not an empty folder (--force replaces it)");
    fs::remove_all(out);
  }
  fs::path src = CPAUDIT_SOURCE_DIR;
  for (const char* d : {"ca", "certs", "crls", "events"}) fs::create_directories(out / d);
  fs::copy_file(src / "corpus/demo/ca/ca.pem", out / "ca/ca.pem");
  const synthetic::Ca& ca = synthetic::DemoCa(src);
  WriteCertificates(out, n_certs, ca);
  std::cerr << "wrote " << n_certs << " certificates\n";
  long entries = WriteCrl(out, n_certs, n_entries, ca);
  std::cerr << "wrote a CRL of " << entries << " entries\n";

  std::vector<std::string> expected = {
      "ERROR cp-7.1.4-subject-charset " + Artifact(kUnderscoreIndex),
      "NOTICE cp-4.4.1-acceptance-recorded " + Artifact(kNoReceiptIndex),
      "WARNING cp-4.9.8-reasons-published crls/crl.der",
  };
  Log log(out / "events/ca.jsonl");
  char serial[32];
  for (long i = 0; i < n_certs; ++i) {
    std::snprintf(serial, sizeof serial, "%lX", kFirstSerial + i);
    std::string app = Q("application", "A-" + std::to_string(i));
    log.Write("2026-04-27T10:00:00", "application_received",
              app + R"(, "subscriber": "Example Time Corp", "profile": "tsa", )" +
                  R"("documents": ["application_form", "organization_proof", "csr"])");
    log.Write("2026-04-27T11:00:00", "application_approved", app + Q("by", "RA"));
    log.Write("2026-04-27T11:30:00", "applicant_notified", app + Q("decision", "approved"));
    log.Write("2026-04-28T10:00:00", "certificate_issued",
              app + Q("serial", serial) + Q("subscriber", "Example Time Corp") +
                  Q("profile", "tsa") + Q("certificate", Artifact(i)));
    log.Write("2026-04-28T12:00:00", "certificate_dispatched",
              Q("serial", serial) + Q("method", "post"));
    if (i != kNoReceiptIndex)
      log.Write("2026-04-30T10:00:00", "acceptance_received", Q("serial", serial));
    if (!Revoked(i)) continue;
    std::string request = Q("request", "R-" + std::to_string(i));
    log.Write("2026-04-28T12:30:00", "key_compromise_discovered", Q("serial", serial));
    log.Write("2026-04-28T13:00:00", "revocation_requested",
              request + Q("serial", serial) + Q("reason", "keyCompromise") + Q("channel", "email") +
                  R"(, "urgent": true)");
    log.Write("2026-04-28T13:30:00", "revocation_request_verified", request + Q("by", "RA"));
    log.Write("2026-04-28T14:00:00", "revocation_request_accepted", request);
    int revoked = log.Write("2026-04-28T15:00:00", "certificate_revoked",
                            request + Q("serial", serial) + Q("reason", "keyCompromise"));
    if (i == kUnlistedRevokedIndex) {
      expected.push_back("ERROR cp-4.9.8-crl-after-revocation events/ca.jsonl:" +
                         std::to_string(revoked));
    } else {
      expected.push_back("NOTICE cp-9.6.3-relying-party " + Artifact(i));
    }
  }
  log.Write("2026-04-30T10:00:00", "crl_issued", Q("crl", "crls/crl.der"));
  log.Write("2026-04-30T10:10:00", "crl_published",
            Q("crl", "crls/crl.der") +
                Q("url", "http://repository.secomtrust.net/SC-Root1/SCRoot1CRL.crl"));
  for (long k = 0; log.lines() + 3 <= n_events; ++k) {
    std::string app = Q("application", "X-" + std::to_string(k));
    log.Write("2026-03-02T10:00:00", "application_received",
              app + R"(, "subscriber": "Rejected Applicant", "profile": "tsa", )" +
                  R"("documents": ["application_form", "organization_proof", "csr"])");
    log.Write("2026-03-03T10:00:00", "application_rejected", app + Q("by", "RA"));
    log.Write("2026-03-03T11:00:00", "applicant_notified", app + Q("decision", "rejected"));
  }
  std::cerr << "wrote " << log.lines() << " events\n";
  std::sort(expected.begin(), expected.end());
  std::ofstream expected_file(out / "expected.txt");
  for (const std::string& e : expected) expected_file << e << "\n";
  return 0;
}
