// Google Benchmark suite (built with -DCPAUDIT_BENCH=ON; not part of the test
// run). The floor is the one piece of work that cannot be skipped: verifying
// the CA's RSA signature on each certificate. Certificates are the demo CA's
// synthetic TSA certificates (bench/synthetic.h): compliant, each with its own
// serial, subject and key, so corpus rules see a realistic corpus.

#include <benchmark/benchmark.h>
#include <malloc.h>
#include <openssl/evp.h>
#include <openssl/pem.h>
#include <openssl/x509.h>

#include <atomic>
#include <filesystem>
#include <fstream>
#include <iterator>
#include <map>
#include <new>
#include <string>

#include "bench/synthetic.h"
#include "harness/evaluator.h"
#include "harness/evidence_index.h"
#include "harness/model/evidence.h"
#include "harness/model/parallel.h"
#include "harness/oracle.h"
#include "harness/pack.h"

namespace cpaudit {
namespace {

namespace fs = std::filesystem;

std::string Read(const fs::path& p) {
  std::ifstream in(p, std::ios::binary);
  return std::string((std::istreambuf_iterator<char>(in)), std::istreambuf_iterator<char>());
}

const CaCertificate& Ca() {
  static const Evidence* ev = [] {
    auto e = Evidence::Load(fs::path(CPAUDIT_SOURCE_DIR) / "corpus/demo");
    return e.release();
  }();
  return ev->cas().front();
}

constexpr size_t kMaxCertificates = 10000;

// Synthetic TSA certificates of the demo CA (RSA-2048 signatures), made once.
const std::vector<Bytes>& Certificates() {
  static const std::vector<Bytes> certs = [] {
    const auto& ca = synthetic::DemoCa(CPAUDIT_SOURCE_DIR);
    std::vector<Bytes> out(kMaxCertificates);
    ParallelFor(out.size(), ThreadCount(0, out.size()), [&](size_t i, unsigned) {
      X509* x =
          synthetic::MakeTsaCertificate(ca, static_cast<long>(i), "Bench TSA " + std::to_string(i));
      unsigned char* der = nullptr;
      int len = i2d_X509(x, &der);
      out[i] = Bytes(der, der + len);
      OPENSSL_free(der);
      X509_free(x);
    });
    return out;
  }();
  return certs;
}

// The CA's CRL listing `entries` older serials (none of the certificates).
std::shared_ptr<const Crl> CrlOf(long entries) {
  static std::map<long, std::string> made;  // signing one takes a millisecond
  std::string& der = made[entries];
  if (der.empty()) der = synthetic::MakeCrlDer(synthetic::DemoCa(CPAUDIT_SOURCE_DIR), {}, entries);
  std::string error;
  return Crl::Parse(Bytes(der.begin(), der.end()), Source{"crls/crl.der"}, &error);
}

// Evidence of the CA, n certificates and a CRL: what `audit` holds after loading.
std::unique_ptr<Evidence> CorpusOf(size_t n) {
  auto evidence = std::make_unique<Evidence>();
  evidence->AddCa(Ca());
  const auto& certs = Certificates();
  for (size_t i = 0; i < n; ++i) {
    std::string error;
    evidence->AddCertificate(
        Certificate::Parse(certs[i % certs.size()], Source{"certs/" + std::to_string(i)}, &error));
  }
  evidence->AddCrl(CrlOf(10));
  return evidence;
}

UnixTime At() { return *ParseRfc3339("2026-06-01T00:00:00Z"); }

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

// The DER validator's share of the parse: every TLV of the certificate.
void BM_Parse_DerValidation(benchmark::State& state) {
  const auto& certs = Certificates();
  size_t i = 0;
  for (auto _ : state) {
    benchmark::DoNotOptimize(ValidateDer(certs[i++ % certs.size()], DerSchema::kCertificate));
  }
  state.SetItemsProcessed(state.iterations());
}
BENCHMARK(BM_Parse_DerValidation);

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
  auto evidence = CorpusOf(static_cast<size_t>(state.range(0)));
  BusinessCalendar calendar(pack->calendar);
  EvaluateOptions options;
  options.at = At();
  options.threads = static_cast<unsigned>(state.range(1));
  options.calendar = &calendar;
  for (auto _ : state) {
    benchmark::DoNotOptimize(Evaluate(*pack, *evidence, "bench", options));
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

// Per certificate, what `audit` pays after reading the files: parsing and the
// whole pack, signature included, on one thread. Compare with the floor.
void BM_Pack_AuditPerCertificate(benchmark::State& state) {
  auto pack = LoadPack(EmbeddedDefaultPack(), "built-in");
  BusinessCalendar calendar(pack->calendar);
  EvaluateOptions options;
  options.at = At();
  options.threads = 1;
  options.calendar = &calendar;
  auto n = static_cast<size_t>(state.range(0));
  CorpusOf(1);  // makes the synthetic certificates and the CRL outside the timing
  for (auto _ : state) {
    auto evidence = CorpusOf(n);
    benchmark::DoNotOptimize(Evaluate(*pack, *evidence, "bench", options));
  }
  state.SetItemsProcessed(state.iterations() * state.range(0));
}
BENCHMARK(BM_Pack_AuditPerCertificate)->Arg(10000)->Unit(benchmark::kMillisecond);

// Each rule of the pack that judges single certificates, on its own: the cost
// of its primitive (or assertion) per certificate.
void BM_Rule(benchmark::State& state, const Rule* rule) {
  static const auto evidence = CorpusOf(1000);
  static const BusinessCalendar calendar;
  static const EvidenceIndex index(*evidence, calendar);
  static const CrlView view = CrlView::Of(*evidence->crls().front(), *evidence);
  std::vector<Artifact> artifacts;
  for (const auto& c : evidence->certificates()) {
    artifacts.push_back({ArtifactKind::kCertificate, c.get(), nullptr, nullptr, nullptr});
  }
  size_t i = 0;
  for (auto _ : state) {
    const Artifact& a = artifacts[i++ % artifacts.size()];
    SignatureMemo signature;
    EvalContext ctx{*evidence, a, &evidence->cas().front(), "tsa", &view, At(), &index, &signature};
    Outcome out;
    rule->check->Evaluate(ctx, &out);
    benchmark::DoNotOptimize(out);
  }
  state.SetItemsProcessed(state.iterations());
  state.SetLabel(rule->check_name);
}

// Counts the bytes the heap holds, so that a benchmark can report the peak a
// piece of work adds (the corpus index of a corpus rule).
// Only while g_counting: elsewhere the counting would slow what is timed.
std::atomic<bool> g_counting{false};
std::atomic<size_t> g_live_bytes{0};
std::atomic<size_t> g_peak_bytes{0};

// Each corpus rule over N certificates, with the peak memory its index adds
// per certificate (its outcomes, one per certificate, are allocated before).
void BM_CorpusRule(benchmark::State& state, const Rule* rule) {
  auto n = static_cast<size_t>(state.range(0));
  auto evidence = CorpusOf(n);
  BusinessCalendar calendar;
  EvidenceIndex index(*evidence, calendar);
  std::vector<Artifact> artifacts;
  for (const auto& c : evidence->certificates()) {
    artifacts.push_back({ArtifactKind::kCertificate, c.get(), nullptr, nullptr, nullptr});
  }
  for (const auto& c : evidence->crls()) {
    artifacts.push_back({ArtifactKind::kCrl, nullptr, c.get(), nullptr, nullptr});
  }
  CorpusContext ctx{*evidence, artifacts, At(), &index};
  size_t index_bytes = 0;
  for (auto _ : state) {
    std::vector<std::pair<size_t, Outcome>> out;
    out.reserve(artifacts.size());
    size_t before = g_live_bytes.load();
    g_peak_bytes = before;
    g_counting = true;
    rule->check->EvaluateCorpus(ctx, &out);
    g_counting = false;
    index_bytes = g_peak_bytes.load() - before;
    benchmark::DoNotOptimize(out);
  }
  state.SetItemsProcessed(state.iterations() * state.range(0));
  state.counters["index_bytes_per_cert"] =
      static_cast<double>(index_bytes) / static_cast<double>(n);
  state.SetLabel(rule->check_name);
}

void RegisterRuleBenchmarks() {
  static const auto pack = LoadPack(EmbeddedDefaultPack(), "built-in");
  for (const Rule& rule : pack->rules) {
    if (rule.applies_to == ArtifactKind::kCertificate) {
      benchmark::RegisterBenchmark(("BM_Rule/" + rule.id).c_str(), BM_Rule, &rule);
    } else if (rule.applies_to == ArtifactKind::kCorpus) {
      benchmark::RegisterBenchmark(("BM_CorpusRule/" + rule.id).c_str(), BM_CorpusRule, &rule)
          ->Arg(10000)
          ->Unit(benchmark::kMillisecond);
    }
  }
}

// A CRL of N entries: parsed (every entry validated on the way) and walked.
void BM_Crl_Parse(benchmark::State& state) {
  std::string der =
      synthetic::MakeCrlDer(synthetic::DemoCa(CPAUDIT_SOURCE_DIR), {}, state.range(0));
  Bytes bytes(der.begin(), der.end());
  for (auto _ : state) {
    std::string error;
    benchmark::DoNotOptimize(Crl::Parse(bytes, Source{"crl"}, &error));
  }
  state.SetItemsProcessed(state.iterations() * state.range(0));
}
BENCHMARK(BM_Crl_Parse)->RangeMultiplier(10)->Range(1000, 1000000)->Unit(benchmark::kMillisecond);

void BM_Crl_EntryWalk(benchmark::State& state) {
  auto crl = CrlOf(state.range(0));
  for (auto _ : state) {
    size_t with_reason = 0;
    crl->ForEachEntry([&](const CrlEntry& e) { with_reason += e.reason_code ? 1 : 0; });
    benchmark::DoNotOptimize(with_reason);
  }
  state.SetItemsProcessed(state.iterations() * state.range(0));
}
BENCHMARK(BM_Crl_EntryWalk)
    ->RangeMultiplier(10)
    ->Range(1000, 1000000)
    ->Unit(benchmark::kMillisecond);

// The lookups life-cycle and corpus rules share, built over N certificates
// and their issuance events, with one join (certificate_issued by serial).
void BM_EvidenceIndex_Build(benchmark::State& state) {
  auto evidence = CorpusOf(static_cast<size_t>(state.range(0)));
  for (const auto& c : evidence->certificates()) {
    std::string error;
    auto e = ParseEventLine(
        R"({"time": "2026-04-28T10:00:00+09:00", "type": "certificate_issued", "serial": ")" +
            c->serial_hex() + R"("})",
        Source{"events/e.jsonl", 0, 1}, &error);
    evidence->AddEvent(std::move(*e));
  }
  BusinessCalendar calendar;
  for (auto _ : state) {
    EvidenceIndex index(*evidence, calendar);
    benchmark::DoNotOptimize(index.IssuanceOf(*evidence->certificates().front()));
  }
  state.SetItemsProcessed(state.iterations() * state.range(0));
}
BENCHMARK(BM_EvidenceIndex_Build)->Arg(1000)->Arg(10000)->Unit(benchmark::kMillisecond);

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

// The counting allocator behind index_bytes_per_cert.
void* operator new(size_t size) {
  void* p = std::malloc(size);
  if (p == nullptr) throw std::bad_alloc();
  if (!cpaudit::g_counting.load(std::memory_order_relaxed)) return p;
  size_t live = cpaudit::g_live_bytes += malloc_usable_size(p);
  size_t peak = cpaudit::g_peak_bytes.load(std::memory_order_relaxed);
  while (live > peak && !cpaudit::g_peak_bytes.compare_exchange_weak(peak, live)) {
  }
  return p;
}
void operator delete(void* p) noexcept {
  if (p == nullptr) return;
  if (cpaudit::g_counting.load(std::memory_order_relaxed)) {
    cpaudit::g_live_bytes -= malloc_usable_size(p);
  }
  std::free(p);
}
void operator delete(void* p, size_t) noexcept { operator delete(p); }

int main(int argc, char** argv) {
  benchmark::Initialize(&argc, argv);
  if (benchmark::ReportUnrecognizedArguments(argc, argv)) return 1;
  cpaudit::RegisterRuleBenchmarks();
  benchmark::RunSpecifiedBenchmarks();
  benchmark::Shutdown();
  return 0;
}
