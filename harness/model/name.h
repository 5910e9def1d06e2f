#pragma once
// X.500 Name, decoded once with d2i_X509_NAME into plain values.

#include <optional>
#include <string>
#include <vector>

#include "harness/model/byte_view.h"

namespace cpaudit {

struct NameAttribute {
  std::string oid;         // "2.5.4.10"
  std::string short_name;  // "O", or the OID when OpenSSL has no short name
  std::string value;       // UTF-8
  int rdn = 0;             // index of the RDN (SET) holding it
  int tag = 0;             // the string type's universal tag (12 UTF8String, 19 PrintableString)
  size_t length = 0;       // in characters
};

// How an attribute breaks RFC 5280 Appendix A (its upper bound, or the string
// type it must have): "CN has 65 characters; the upper bound is 64". Empty
// when it conforms or has no bound there.
std::string AppendixAViolation(const NameAttribute& attribute);
// "PrintableString" for 19, and so on.
std::string_view StringTypeName(int tag);

struct Name {
  ByteView der;                           // a view into the DER of the artifact that owns the name
  std::vector<NameAttribute> attributes;  // in encoding order
  std::string text;                       // "C=JP, O=SECOM Trust.net, OU=..."
  // RFC 5280 7.1 comparison key: types plus case-folded, space-collapsed values.
  std::string comparison_key;

  bool empty() const { return attributes.empty(); }
  bool Matches(const Name& other) const {
    return SameBytes(der, other.der) || comparison_key == other.comparison_key;
  }
};

// Decodes a DER Name (the whole TLV). nullopt with *error when malformed.
std::optional<Name> ParseName(ByteView der, std::string* error);

}  // namespace cpaudit
