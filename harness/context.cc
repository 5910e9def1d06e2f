#include "harness/context.h"

#include <unordered_set>

namespace cpaudit {

const Source& Artifact::source() const {
  if (certificate != nullptr) return certificate->source();
  if (crl != nullptr) return crl->source();
  if (event != nullptr) return event->source;
  return csr->source();
}

const Name* Artifact::issuer() const {
  if (certificate != nullptr) return &certificate->issuer();
  if (crl != nullptr) return &crl->issuer();
  return nullptr;
}

const Extensions* Artifact::extensions() const {
  if (certificate != nullptr) return &certificate->extensions();
  if (crl != nullptr) return &crl->extensions();
  return nullptr;
}

std::string Artifact::Identity() const {
  if (certificate != nullptr) {
    return "cert|" + certificate->issuer().comparison_key + "|" + certificate->serial_hex();
  }
  if (crl != nullptr) {
    const auto& number = crl->extensions().crl_number;
    return "crl|" + crl->issuer().comparison_key + "|" +
           (number ? *number : FormatRfc3339(crl->this_update()));
  }
  if (event != nullptr) {
    std::string record = event->Record();
    return "event|" + HexEncode(Sha1(ByteView(reinterpret_cast<const uint8_t*>(record.data()),
                                              record.size())));
  }
  return "csr|" + HexEncode(csr->public_key().key_sha1);
}

std::string Artifact::Location() const {
  if (certificate != nullptr) {
    return "issuer=" + certificate->issuer().text + "; serial=" + certificate->serial_hex();
  }
  if (crl != nullptr) {
    const auto& number = crl->extensions().crl_number;
    return "issuer=" + crl->issuer().text + "; " +
           (number ? "crlNumber=" + *number : "thisUpdate=" + FormatRfc3339(crl->this_update()));
  }
  if (event != nullptr) {
    std::string id = event->id();
    return std::string(event->type) + (id.empty() ? "" : " " + id) + " at " +
           FormatRfc3339(event->time);
  }
  return "subject=" + csr->subject().text;
}

CrlView CrlView::Of(const Crl& crl, const Evidence& evidence) {
  CrlView view;
  view.crl = &crl;
  std::unordered_set<std::string_view> serials;
  for (const auto& c : evidence.certificates()) serials.insert(c->serial_hex());
  if (serials.empty()) return view;
  crl.ForEachEntry([&](const CrlEntry& e) {
    std::string serial = e.SerialHex();
    if (serials.count(serial) > 0) view.listed.emplace(std::move(serial), e);
  });
  return view;
}

}  // namespace cpaudit
