// Google Benchmark suite (built with -DCPAUDIT_BENCH=ON; not part of the test
// run). The floor is the one piece of work that cannot be skipped: verifying
// the CA's RSA signature on each certificate.

#include <benchmark/benchmark.h>
#include <openssl/evp.h>
#include <openssl/pem.h>
#include <openssl/x509.h>

#include <filesystem>
#include <fstream>
#include <iterator>
#include <string>

#include "harness/evaluator.h"
#include "harness/evidence_index.h"
#include "harness/model/evidence.h"
#include "harness/oracle.h"
#include "harness/pack.h"

namespace cpaudit {
namespace {

namespace fs = std::filesystem;

std::string Read(const fs::path& p) {
  std::ifstream in(p, std::ios::binary);
  return std::string((std::istreambuf_iterator<char>(in)), std::istreambuf_iterator<char>());
}

// The demo's certificates (RSA-2048 subjects, signed by the RSA-2048 demo CA).
const std::vector<Bytes>& Certificates() {
  static const std::vector<Bytes> certs = [] {
    std::vector<Bytes> out;
    for (const auto& e :
         fs::directory_iterator(fs::path(CPAUDIT_SOURCE_DIR) / "corpus/demo/certs")) {
      std::string text = Read(e.path());
      std::string error;
      auto items = SplitEncoded(
          ByteView(reinterpret_cast<const uint8_t*>(text.data()), text.size()), &error);
      for (auto& item : *items) out.push_back(std::move(item.der));
    }
    return out;
  }();
  return certs;
}

const CaCertificate& Ca() {
  static const Evidence* ev = [] {
    auto e = Evidence::Load(fs::path(CPAUDIT_SOURCE_DIR) / "corpus/demo");
    return e.release();
  }();
  return ev->cas().front();
}

void BM_Parse_Certificate(benchmark::State& state) {
  const auto& certs = Certificates();
  size_t i = 0;
  for (auto _ : state) {
    std::string error;
    auto cert = Certificate::Parse(certs[i++ % certs.size()], Source{"b"}, &error);
    benchmark::DoNotOptimize(cert);
  }
  state.SetItemsProcessed(state.iterations());
}
BENCHMARK(BM_Parse_Certificate);

// The floor: the CA's RSA-2048 signature verified with the key decoded once.
void BM_Floor_VerifySignature(benchmark::State& state) {
  const auto& certs = Certificates();
  std::vector<std::shared_ptr<const Certificate>> parsed;
  for (const Bytes& der : certs) {
    std::string error;
    parsed.push_back(Certificate::Parse(der, Source{"b"}, &error));
  }
  const VerificationKey& key = *Ca().key;
  size_t i = 0;
  for (auto _ : state) {
    std::string reason;
    benchmark::DoNotOptimize(key.Verify(parsed[i++ % parsed.size()]->envelope(), &reason));
  }
  state.SetItemsProcessed(state.iterations());
}
BENCHMARK(BM_Floor_VerifySignature);

// For comparison: what a d2i_X509-based model pays (the subject key decoded
// through the provider decoders), plus X509_verify.
void BM_Comparison_D2iX509AndVerify(benchmark::State& state) {
  const auto& certs = Certificates();
  std::string pem = Read(fs::path(CPAUDIT_SOURCE_DIR) / "corpus/demo/ca/ca.pem");
  BIO* bio = BIO_new_mem_buf(pem.data(), static_cast<int>(pem.size()));
  X509* ca = PEM_read_bio_X509(bio, nullptr, nullptr, nullptr);
  BIO_free(bio);
  EVP_PKEY* ca_key = X509_get0_pubkey(ca);
  size_t i = 0;
  for (auto _ : state) {
    const Bytes& der = certs[i++ % certs.size()];
    const unsigned char* p = der.data();
    X509* x = d2i_X509(nullptr, &p, static_cast<long>(der.size()));
    benchmark::DoNotOptimize(X509_get0_pubkey(x));
    benchmark::DoNotOptimize(X509_verify(x, ca_key));
    X509_free(x);
  }
  X509_free(ca);
  state.SetItemsProcessed(state.iterations());
}
BENCHMARK(BM_Comparison_D2iX509AndVerify);

// The whole pack on one certificate through the oracle (parse, every
// certificate rule, signature verified twice: by 4.3.1 and by 9.6.3).
void BM_Pack_OracleCertificate(benchmark::State& state) {
  OracleOptions options;
  options.ca_pem = Read(fs::path(CPAUDIT_SOURCE_DIR) / "corpus/demo/ca/ca.pem");
  auto oracle = Oracle::Create(options);
  const auto& certs = Certificates();
  UnixTime at = *ParseRfc3339("2026-06-01T00:00:00Z");
  size_t i = 0;
  for (auto _ : state) {
    benchmark::DoNotOptimize(oracle->CheckCertificate(certs[i++ % certs.size()], at));
  }
  state.SetItemsProcessed(state.iterations());
}
BENCHMARK(BM_Pack_OracleCertificate);

// The whole pack over N certificates in one evaluation (what `audit` does
// after loading), on one thread and on all cores.
void BM_Pack_Evaluate(benchmark::State& state) {
  auto pack = LoadPack(EmbeddedDefaultPack(), "built-in");
  Evidence evidence;
  evidence.AddCa(Ca());
  const auto& certs = Certificates();
  for (int64_t i = 0; i < state.range(0); ++i) {
    std::string error;
    evidence.AddCertificate(Certificate::Parse(certs[static_cast<size_t>(i) % certs.size()],
                                               Source{"certs/" + std::to_string(i)}, &error));
  }
  BusinessCalendar calendar(pack->calendar);
  EvaluateOptions options;
  options.at = *ParseRfc3339("2026-06-01T00:00:00Z");
  options.threads = static_cast<unsigned>(state.range(1));
  options.calendar = &calendar;
  for (auto _ : state) {
    benchmark::DoNotOptimize(Evaluate(*pack, evidence, "bench", options));
  }
  state.SetItemsProcessed(state.iterations() * state.range(0));
}
BENCHMARK(BM_Pack_Evaluate)
    ->Args({1000, 1})
    ->Args({1000, 2})
    ->Args({10000, 1})
    ->Args({10000, 2})
    ->Unit(benchmark::kMillisecond)
    ->UseRealTime();

void BM_EventLine_Parse(benchmark::State& state) {
  const std::string line =
      R"({"time": "2026-04-30T10:00:00+09:00", "type": "revocation_requested", "request": "R-17", "serial": "10:02", "reason": "keyCompromise", "channel": "email", "urgent": true})";
  for (auto _ : state) {
    std::string error;
    benchmark::DoNotOptimize(ParseEventLine(line, Source{"e", 0, 1}, &error));
  }
  state.SetItemsProcessed(state.iterations());
}
BENCHMARK(BM_EventLine_Parse);

void BM_Calendar_Deadline(benchmark::State& state) {
  BusinessCalendar calendar;
  UnixTime t = *ParseRfc3339("2026-04-30T10:00:00+09:00");
  for (auto _ : state) {
    benchmark::DoNotOptimize(calendar.BusinessDeadline(t, static_cast<int>(state.range(0))));
  }
}
BENCHMARK(BM_Calendar_Deadline)->Arg(1)->Arg(5)->Arg(20);

}  // namespace
}  // namespace cpaudit

BENCHMARK_MAIN();
