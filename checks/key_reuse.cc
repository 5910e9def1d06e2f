#include "checks/key_reuse.h"

#include <unordered_map>

#include "harness/evidence_index.h"

namespace cpaudit {
namespace {

struct Compromise {
  UnixTime when = 0;
  std::string serial;
  std::string evidence;  // where the revocation is recorded
};

class KeyReuse : public Check {
 public:
  void EvaluateCorpus(const CorpusContext& ctx,
                      std::vector<std::pair<size_t, Outcome>>* out) const override {
    const EvidenceIndex& index = *ctx.index;
    // Key hash -> the earliest compromise of a certificate with that key.
    std::unordered_map<std::string, Compromise> compromised;
    auto record = [&](const std::string& serial, UnixTime when, const std::string& where) {
      const Certificate* cert = index.CertificateBySerial(serial);
      if (cert == nullptr || when > ctx.at) return;
      std::string key = HexEncode(cert->public_key().key_sha1);
      auto it = compromised.find(key);
      if (it == compromised.end() || when < it->second.when) {
        compromised[key] = {when, serial, where};
      }
    };
    for (const Crl* crl : index.CrlsByTime()) {
      if (crl->entry_stats().key_compromise == 0) continue;
      crl->ForEachEntry([&](const CrlEntry& e) {
        if (e.reason_code == 1) record(e.SerialHex(), e.revocation_date, crl->source().Display());
      });
    }
    for (const Event* e : index.Events("certificate_revoked")) {
      if (e->Str("reason") == "keyCompromise")
        record(e->Str("serial"), e->time, e->source.Display());
    }
    for (size_t i = 0; i < ctx.artifacts.size(); ++i) {
      const Certificate* cert = ctx.artifacts[i].certificate;
      if (cert == nullptr) continue;
      Outcome outcome;
      // No compromise recorded (the common case): no key to look up.
      auto it = compromised.empty() ? compromised.end()
                                    : compromised.find(HexEncode(cert->public_key().key_sha1));
      if (it != compromised.end() && cert->not_before() > it->second.when) {
        const BusinessCalendar& cal = index.calendar();
        Fail(
            &outcome,
            {{"detail", "its key was revoked for keyCompromise with serial " + it->second.serial +
                            " on " + cal.FormatLocal(it->second.when) + " (" + it->second.evidence +
                            "), yet it is valid from " + cal.FormatLocal(cert->not_before())}});
      }
      out->emplace_back(i, std::move(outcome));
    }
  }
  std::string Describe() const override {
    return "no certificate issued after a keyCompromise revocation carries the compromised key";
  }
};

}  // namespace

PrimitiveInfo KeyReusePrimitive() {
  return {"no-key-reuse-after-compromise",
          "a compromised key is never certified again",
          {"corpus"},
          {"detail"},
          [](Params& options, const std::string&) -> std::unique_ptr<Check> {
            options.RejectUnknown();
            return std::make_unique<KeyReuse>();
          }};
}

}  // namespace cpaudit
