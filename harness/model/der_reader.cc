#include "harness/model/der_reader.h"

#include <fmt/format.h>
#include <openssl/asn1.h>

namespace cpaudit {

std::string HexEncode(ByteView v) {
  static constexpr char kDigits[] = "0123456789abcdef";
  std::string out;
  out.reserve(v.size() * 2);
  for (uint8_t b : v) {
    out.push_back(kDigits[b >> 4]);
    out.push_back(kDigits[b & 15]);
  }
  return out;
}

namespace der {

bool Tlv::Is(int universal_tag) const { return cls == V_ASN1_UNIVERSAL && tag == universal_tag; }
bool Tlv::IsContext(int number) const { return cls == V_ASN1_CONTEXT_SPECIFIC && tag == number; }

// Hot: a CRL of a million entries takes ~10 TLVs an entry, so no allocation
// happens here unless the input is malformed.
const char* Reader::Peek(Tlv* tlv) const {
  if (rest_.empty()) return "unexpected end of data";
  const unsigned char* p = rest_.data();
  long length = 0;
  int tag = 0;
  int cls = 0;
  int ret = ASN1_get_object(&p, &length, &tag, &cls, static_cast<long>(rest_.size()));
  if (ret & 0x80) return "malformed DER: bad tag or length";
  if (ret == 0x21) return "indefinite length is not DER";
  size_t header = static_cast<size_t>(p - rest_.data());
  if (length < 0 || static_cast<size_t>(length) > rest_.size() - header) {
    return "length runs past the end of the data";
  }
  tlv->tag = tag;
  tlv->cls = cls;
  tlv->constructed = (ret & V_ASN1_CONSTRUCTED) != 0;
  tlv->content = rest_.subspan(header, static_cast<size_t>(length));
  tlv->whole = rest_.subspan(0, header + static_cast<size_t>(length));
  return nullptr;
}

std::optional<Tlv> Reader::Next(std::string* error) {
  Tlv tlv;
  if (const char* problem = Peek(&tlv)) {
    *error = problem;
    return std::nullopt;
  }
  rest_ = rest_.subspan(tlv.whole.size());
  return tlv;
}

std::optional<Tlv> Reader::NextIf(int universal_tag) {
  Tlv tlv;
  if (Peek(&tlv) != nullptr || !tlv.Is(universal_tag)) return std::nullopt;
  rest_ = rest_.subspan(tlv.whole.size());
  return tlv;
}

std::optional<Tlv> Reader::NextIfContext(int number) {
  Tlv tlv;
  if (Peek(&tlv) != nullptr || !tlv.IsContext(number)) return std::nullopt;
  rest_ = rest_.subspan(tlv.whole.size());
  return tlv;
}

std::optional<Tlv> Reader::Expect(int universal_tag, const char* what, std::string* error) {
  Tlv tlv;
  if (const char* problem = Peek(&tlv)) {
    *error = fmt::format("{}: {}", what, problem);
    return std::nullopt;
  }
  if (!tlv.Is(universal_tag)) {
    *error = fmt::format("{}: expected tag {}, found {}{}", what, universal_tag,
                         tlv.cls == V_ASN1_UNIVERSAL ? "" : "context/other ", tlv.tag);
    return std::nullopt;
  }
  rest_ = rest_.subspan(tlv.whole.size());
  return tlv;
}

size_t CountTlvs(ByteView data) {
  Reader r(data);
  std::string error;
  size_t n = 0;
  while (!r.empty() && r.Next(&error)) ++n;
  return n;
}

std::optional<ByteView> BitStringBytes(const Tlv& tlv) {
  if (!tlv.Is(kBitString) || tlv.content.empty() || tlv.content[0] > 7) return std::nullopt;
  return tlv.content.subspan(1);
}

}  // namespace der
}  // namespace cpaudit
