#include "harness/model/crl.h"

#include <fmt/format.h>

#include "harness/model/certificate.h"

namespace cpaudit {
namespace {

std::optional<CrlEntry> ParseEntry(const der::Tlv& tlv, std::string* error) {
  if (!tlv.Is(der::kSequence)) {
    *error = "expected SEQUENCE";
    return std::nullopt;
  }
  der::Reader r(tlv.content);
  auto serial = r.Expect(der::kInteger, "userCertificate", error);
  if (!serial || serial->content.empty()) {
    if (error->empty()) *error = "userCertificate: empty";
    return std::nullopt;
  }
  CrlEntry entry;
  entry.serial_hex = SerialHex(serial->content);
  auto date = r.Next(error);
  auto when = date ? ParseTime(*date, error) : std::nullopt;
  if (!when) {
    *error = "revocationDate: " + *error;
    return std::nullopt;
  }
  entry.revocation_date = *when;
  if (auto ext = r.NextIf(der::kSequence, error)) {
    auto exts = ParseExtensions(ext->whole, error);
    if (!exts) {
      *error = "crlEntryExtensions: " + *error;
      return std::nullopt;
    }
    for (const Extension& e : exts->list) {
      entry.extension_oids.push_back(e.oid);
      if (!e.error.empty() && entry.extension_error.empty()) entry.extension_error = e.error;
    }
    entry.reason_code = exts->reason_code;
  } else if (!error->empty()) {
    return std::nullopt;
  }
  if (!r.empty()) {
    *error = "unexpected data after crlEntryExtensions";
    return std::nullopt;
  }
  return entry;
}

}  // namespace

std::shared_ptr<const Crl> Crl::Parse(Bytes der, Source source, std::string* error) {
  std::shared_ptr<Crl> crl(new Crl());
  crl->der_ = std::move(der);
  crl->source_ = std::move(source);
  auto envelope = ParseSignedEnvelope(crl->der_, error);
  if (!envelope) return nullptr;
  crl->envelope_ = std::move(*envelope);

  der::Reader tbs(der::Reader(crl->envelope_.tbs).Next(error)->content);
  auto fail = [&](const char* what, const std::string& why) {
    *error = fmt::format("tbsCertList {}: {}", what, why);
    return nullptr;
  };
  std::string why;
  if (auto v = tbs.NextIf(der::kInteger, &why)) {
    // Any small non-negative version is read (OpenSSL reads them); rules judge it.
    if (v->content.size() != 1 || v->content[0] > 0x7f) {
      return fail("version", "not a small non-negative INTEGER");
    }
    crl->version_ = v->content[0] + 1;
  } else if (!why.empty()) {
    return fail("version", why);
  }
  auto sig_alg = tbs.Expect(der::kSequence, "signature", &why);
  auto alg = sig_alg ? ParseAlgorithm(*sig_alg, &why) : std::nullopt;
  if (!alg) return fail("signature", why);
  crl->tbs_signature_algorithm_ = std::move(*alg);

  auto issuer = tbs.Expect(der::kSequence, "issuer", &why);
  auto issuer_name = issuer ? ParseName(issuer->whole, &why) : std::nullopt;
  if (!issuer_name) return fail("issuer", why);
  crl->issuer_ = std::move(*issuer_name);

  auto this_update = tbs.Next(&why);
  auto this_time = this_update ? ParseTime(*this_update, &why) : std::nullopt;
  if (!this_time) return fail("thisUpdate", why);
  crl->this_update_ = *this_time;

  auto next = tbs.NextIf(der::kUtcTime, &why);
  if (!next) next = tbs.NextIf(der::kGeneralizedTime, &why);
  if (next) {
    auto next_time = ParseTime(*next, &why);
    if (!next_time) return fail("nextUpdate", why);
    crl->next_update_ = *next_time;
  }
  if (!why.empty()) return fail("nextUpdate", why);

  if (auto revoked = tbs.NextIf(der::kSequence, &why)) {
    der::Reader entries(revoked->content);
    while (!entries.empty()) {
      auto tlv = entries.Next(&why);
      auto entry = tlv ? ParseEntry(*tlv, &why) : std::nullopt;
      if (!entry) {
        return fail(fmt::format("revokedCertificates entry {}", crl->entries_.size() + 1).c_str(),
                    why);
      }
      crl->entries_.push_back(std::move(*entry));
    }
  } else if (!why.empty()) {
    return fail("revokedCertificates", why);
  }
  if (auto ext = tbs.NextIfContext(0, &why)) {
    auto exts = ParseExtensions(ext->content, &why);
    if (!exts) return fail("crlExtensions", why);
    crl->has_extensions_field_ = true;
    crl->extensions_ = std::move(*exts);
  } else if (!why.empty()) {
    return fail("crlExtensions", why);
  }
  if (!tbs.empty()) return fail("end", "unexpected data after the last field");
  return crl;
}

}  // namespace cpaudit
