#include "harness/model/csr.h"

#include <fmt/format.h>

namespace cpaudit {

std::shared_ptr<const Csr> Csr::Parse(Bytes der, Source source, std::string* error) {
  std::shared_ptr<Csr> csr(new Csr());
  csr->der_ = std::move(der);
  csr->source_ = std::move(source);
  auto envelope = ParseSignedEnvelope(csr->der_, error);
  if (!envelope) return nullptr;
  csr->envelope_ = std::move(*envelope);

  der::Reader info(der::Reader(csr->envelope_.tbs).Next(error)->content);
  auto fail = [&](const char* what, const std::string& why) {
    *error = fmt::format("certificationRequestInfo {}: {}", what, why);
    return nullptr;
  };
  std::string why;
  auto version = info.Expect(der::kInteger, "version", &why);
  if (!version || version->content.size() != 1) return fail("version", why.empty() ? "bad" : why);
  csr->version_ = version->content[0] + 1;
  auto subject = info.Expect(der::kSequence, "subject", &why);
  auto name = subject ? ParseName(subject->whole, &why) : std::nullopt;
  if (!name) return fail("subject", why);
  csr->subject_ = std::move(*name);
  auto spki = info.Expect(der::kSequence, "subjectPKInfo", &why);
  auto key = spki ? ParsePublicKeyInfo(*spki, &why) : std::nullopt;
  if (!key) return fail("subjectPKInfo", why);
  csr->public_key_ = std::move(*key);
  info.NextIfContext(0);  // the attributes, read past
  if (!info.empty()) return fail("end", "unexpected data after attributes");
  csr->der_violations_ = ValidateDer(csr->der_, DerSchema::kCsr);
  return csr;
}

}  // namespace cpaudit
