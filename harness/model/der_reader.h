#pragma once
// A reader of DER TLVs on top of OpenSSL's ASN1_get_object. The model splits
// certificates, CRLs and CSRs with it and hands each part to OpenSSL's own d2i
// function, which avoids d2i_X509's costly decoding of the subject public key.

#include <optional>
#include <string>

#include "harness/model/byte_view.h"

namespace cpaudit::der {

// Universal tags we test for; context tags are compared with Tlv::IsContext.
inline constexpr int kBoolean = 1;
inline constexpr int kInteger = 2;
inline constexpr int kBitString = 3;
inline constexpr int kOctetString = 4;
inline constexpr int kNull = 5;
inline constexpr int kOid = 6;
inline constexpr int kEnumerated = 10;
inline constexpr int kUtf8String = 12;
inline constexpr int kSequence = 16;
inline constexpr int kSet = 17;
inline constexpr int kUtcTime = 23;
inline constexpr int kGeneralizedTime = 24;
inline constexpr int kNumericString = 18;
inline constexpr int kPrintableString = 19;
inline constexpr int kTeletexString = 20;
inline constexpr int kIa5String = 22;
inline constexpr int kVisibleString = 26;
inline constexpr int kUniversalString = 28;
inline constexpr int kBmpString = 30;

struct Tlv {
  int tag = 0;
  int cls = 0;  // V_ASN1_UNIVERSAL, V_ASN1_CONTEXT_SPECIFIC, ...
  bool constructed = false;
  ByteView content;  // the value octets
  ByteView whole;    // header and value

  bool Is(int universal_tag) const;
  bool IsContext(int number) const;
};

// Reads consecutive TLVs from a buffer. Definite lengths only (DER).
class Reader {
 public:
  explicit Reader(ByteView data) : rest_(data) {}

  bool empty() const { return rest_.empty(); }
  // Reads the next TLV. On malformed input returns nullopt and sets *error.
  std::optional<Tlv> Next(std::string* error);
  // Reads the next TLV only if it has the given universal tag. A malformed
  // TLV is not this optional field: whoever reads on reports it.
  std::optional<Tlv> NextIf(int universal_tag);
  // Reads the next TLV only if it is context-specific [number].
  std::optional<Tlv> NextIfContext(int number);
  // Reads a TLV that must carry this universal tag; `what` names it in errors.
  std::optional<Tlv> Expect(int universal_tag, const char* what, std::string* error);

 private:
  // Reads the next TLV without consuming it; the problem, or null.
  const char* Peek(Tlv* tlv) const;
  ByteView rest_;
};

// How many TLVs follow one another in `data` (up to the first malformed one):
// lets a parser reserve its list once instead of growing it.
size_t CountTlvs(ByteView data);

// The value of a BIT STRING without its unused-bits octet; nullopt if malformed.
std::optional<ByteView> BitStringBytes(const Tlv& tlv);

}  // namespace cpaudit::der
