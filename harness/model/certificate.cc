#include "harness/model/certificate.h"

#include <fmt/format.h>

namespace cpaudit {

std::string SerialHex(ByteView v) {
  if (!v.empty() && (v[0] & 0x80) != 0) {
    // Negative (two's complement): the magnitude, signed, so that it never
    // reads as the positive serial of the same digits.
    Bytes magnitude(v.begin(), v.end());
    for (uint8_t& b : magnitude) b = static_cast<uint8_t>(~b);
    for (size_t i = magnitude.size(); i-- > 0;) {
      if (++magnitude[i] != 0) break;  // the +1 of two's complement, with its carry
    }
    ByteView m(magnitude);
    while (m.size() > 1 && m[0] == 0) m = m.subspan(1);
    return "-" + HexEncode(m);
  }
  while (v.size() > 1 && v[0] == 0) v = v.subspan(1);
  return HexEncode(v);
}

std::shared_ptr<const Certificate> Certificate::Parse(Bytes der, Source source,
                                                      std::string* error) {
  auto cert = std::make_shared<Certificate>(Private{});
  cert->der_ = std::move(der);
  cert->source_ = std::move(source);
  auto envelope = ParseSignedEnvelope(cert->der_, error);
  if (!envelope) return nullptr;
  cert->envelope_ = std::move(*envelope);

  der::Reader tbs(der::Reader(cert->envelope_.tbs).Next(error)->content);
  auto fail = [&](const char* what, const std::string& why) {
    *error = fmt::format("tbsCertificate {}: {}", what, why);
    return nullptr;
  };
  std::string why;
  if (auto v = tbs.NextIfContext(0)) {
    der::Reader vr(v->content);
    auto n = vr.Expect(der::kInteger, "version", &why);
    // Any small non-negative version is read (OpenSSL reads them); rules judge it.
    if (!n || n->content.size() != 1 || n->content[0] > 0x7f || !vr.empty()) {
      return fail("version", why.empty() ? "not a small non-negative INTEGER" : why);
    }
    cert->version_ = n->content[0] + 1;
  }
  auto serial = tbs.Expect(der::kInteger, "serialNumber", &why);
  if (!serial || serial->content.empty()) return fail("serialNumber", why.empty() ? "empty" : why);
  cert->serial_ = serial->content;
  cert->serial_hex_ = SerialHex(serial->content);

  auto sig_alg = tbs.Expect(der::kSequence, "signature", &why);
  if (!sig_alg) return fail("signature", why);
  auto alg = ParseAlgorithm(*sig_alg, &why);
  if (!alg) return fail("signature", why);
  cert->tbs_signature_algorithm_ = std::move(*alg);

  auto issuer = tbs.Expect(der::kSequence, "issuer", &why);
  std::optional<Name> issuer_name = issuer ? ParseName(issuer->whole, &why) : std::nullopt;
  if (!issuer_name) return fail("issuer", why);
  cert->issuer_ = std::move(*issuer_name);

  auto validity = tbs.Expect(der::kSequence, "validity", &why);
  if (!validity) return fail("validity", why);
  der::Reader vr(validity->content);
  auto nb = vr.Next(&why);
  auto nb_time = nb ? ParseEncodedTime(*nb, &why) : std::nullopt;
  if (!nb_time) return fail("notBefore", why);
  auto na = vr.Next(&why);
  auto na_time = na ? ParseEncodedTime(*na, &why) : std::nullopt;
  if (!na_time) return fail("notAfter", why);
  if (!vr.empty()) return fail("validity", "unexpected data after notAfter");
  cert->not_before_ = *nb_time;
  cert->not_after_ = *na_time;

  auto subject = tbs.Expect(der::kSequence, "subject", &why);
  std::optional<Name> subject_name = subject ? ParseName(subject->whole, &why) : std::nullopt;
  if (!subject_name) return fail("subject", why);
  cert->subject_ = std::move(*subject_name);

  auto spki = tbs.Expect(der::kSequence, "subjectPublicKeyInfo", &why);
  auto key = spki ? ParsePublicKeyInfo(*spki, &why) : std::nullopt;
  if (!key) return fail("subjectPublicKeyInfo", why);
  cert->public_key_ = std::move(*key);

  cert->has_issuer_unique_id_ = tbs.NextIfContext(1).has_value();
  cert->has_subject_unique_id_ = tbs.NextIfContext(2).has_value();
  if (auto ext = tbs.NextIfContext(3)) {
    auto exts = ParseExtensions(ext->content, &why);
    if (!exts) return fail("extensions", why);
    cert->has_extensions_field_ = true;
    cert->extensions_ = std::move(*exts);
  }
  if (!tbs.empty()) return fail("end", "unexpected data after the last field");
  cert->der_violations_ = ValidateDer(cert->der_, DerSchema::kCertificate);
  AddExtensionTypeViolations(cert->extensions_, "tbsCertificate.extensions",
                             &cert->der_violations_);
  return cert;
}

}  // namespace cpaudit
