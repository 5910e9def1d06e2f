#include "harness/model/name.h"

#include <openssl/objects.h>

#include <algorithm>

#include "harness/model/asn1_parts.h"
#include "harness/model/openssl_ptr.h"
#include "harness/model/unicode.h"

namespace cpaudit {
namespace {

// Appends the value case-folded, with runs of white space as one space and
// none at either end.
// ASCII only, as RFC 5280 7.1 asks of a conforming implementation at least
// (and without the locale lookups of std::tolower).
void AppendFolded(const std::string& value, std::string* out) {
  bool space = false, started = false;
  for (char c : value) {
    if (c == ' ' || (c >= '\t' && c <= '\r')) {
      space = started;
      continue;
    }
    if (space) out->push_back(' ');
    space = false;
    started = true;
    out->push_back(c >= 'A' && c <= 'Z' ? static_cast<char>(c - 'A' + 'a') : c);
  }
}

// The string types X.520 DirectoryString and OpenSSL's X509_NAME_ENTRY take
// (UTF8, Numeric, Printable, T61, IA5, Universal, BMP); d2i_X509_NAME rejects
// the others, and these are what ASN1_STRING_to_UTF8 converts.
bool IsNameStringTag(int tag) {
  using namespace der;
  return tag == kUtf8String || tag == kNumericString || tag == kPrintableString ||
         tag == kTeletexString || tag == kIa5String || tag == kUniversalString || tag == kBmpString;
}

struct AttributeBound {
  const char* oid;
  size_t upper_bound;  // characters; 0 when only the type is fixed
  int required_tag;    // 0: a DirectoryString (UTF8, Printable, Teletex, Universal, BMP)
  bool exact = false;  // the length is upper_bound exactly
};

// RFC 5280 Appendix A.1 (ub-* values) and the X.520 attribute syntaxes it uses.
constexpr AttributeBound kBounds[] = {
    {"2.5.4.3", 64, 0},     // commonName
    {"2.5.4.4", 32768, 0},  // surname (X520name)
    {"2.5.4.5", 64, der::kPrintableString},
    {"2.5.4.6", 2, der::kPrintableString, true},         // countryName: PrintableString (SIZE (2))
    {"2.5.4.7", 128, 0},                                 // localityName
    {"2.5.4.8", 128, 0},                                 // stateOrProvinceName
    {"2.5.4.9", 128, 0},                                 // streetAddress
    {"2.5.4.10", 64, 0},                                 // organizationName
    {"2.5.4.11", 64, 0},                                 // organizationalUnitName
    {"2.5.4.12", 64, 0},                                 // title
    {"2.5.4.17", 40, 0},                                 // postalCode
    {"2.5.4.41", 32768, 0},                              // name
    {"2.5.4.42", 32768, 0},                              // givenName
    {"2.5.4.43", 32768, 0},                              // initials
    {"2.5.4.44", 32768, 0},                              // generationQualifier
    {"2.5.4.46", 0, der::kPrintableString},              // dnQualifier
    {"2.5.4.65", 128, 0},                                // pseudonym
    {"1.2.840.113549.1.9.1", 255, der::kIa5String},      // emailAddress
    {"0.9.2342.19200300.100.1.25", 0, der::kIa5String},  // domainComponent
};

bool IsDirectoryStringTag(int tag) {
  using namespace der;
  return tag == kUtf8String || tag == kPrintableString || tag == kTeletexString ||
         tag == kUniversalString || tag == kBmpString;
}

}  // namespace

std::string_view StringTypeName(int tag) {
  switch (tag) {
    case der::kUtf8String:
      return "UTF8String";
    case der::kNumericString:
      return "NumericString";
    case der::kPrintableString:
      return "PrintableString";
    case der::kTeletexString:
      return "TeletexString";
    case der::kIa5String:
      return "IA5String";
    case der::kVisibleString:
      return "VisibleString";
    case der::kUniversalString:
      return "UniversalString";
    case der::kBmpString:
      return "BMPString";
    default:
      return "another type";
  }
}

std::string AppendixAViolation(const NameAttribute& a) {
  for (const AttributeBound& b : kBounds) {
    if (a.oid != b.oid) continue;
    bool type_ok = b.required_tag != 0 ? a.tag == b.required_tag : IsDirectoryStringTag(a.tag);
    if (!type_ok) {
      return a.short_name + " is a " + std::string(StringTypeName(a.tag)) + "; RFC 5280 requires " +
             (b.required_tag != 0 ? std::string(StringTypeName(b.required_tag))
                                  : std::string("a DirectoryString"));
    }
    if (b.upper_bound != 0 && a.length > b.upper_bound) {
      return a.short_name + " has " + std::to_string(a.length) +
             " characters; the upper bound is " + std::to_string(b.upper_bound);
    }
    if (b.exact && a.length != b.upper_bound) {
      return a.short_name + " has " + std::to_string(a.length) + " characters; it must have " +
             std::to_string(b.upper_bound);
    }
    return {};
  }
  return {};
}

// Name ::= SEQUENCE OF RelativeDistinguishedName (SET OF AttributeTypeAndValue),
// walked with the TLV reader: d2i_X509_NAME builds a canonical encoding of
// every name it reads, which made it the most costly part of a certificate.
// Values are converted as OpenSSL's ASN1_STRING_to_UTF8 does (StringToUtf8), which
// rejects what d2i_X509_NAME rejects.
std::optional<Name> ParseName(ByteView der, std::string* error) {
  std::string why;
  der::Reader top(der);
  auto seq = top.Expect(der::kSequence, "Name", &why);
  if (!seq || seq->constructed == false || !top.empty()) {
    *error = "malformed Name";
    return std::nullopt;
  }
  Name out;
  out.der = der;
  out.attributes.reserve(der::CountTlvs(seq->content));  // usually one attribute an RDN
  der::Reader rdns(seq->content);
  for (int rdn = 0; !rdns.empty(); ++rdn) {
    auto set = rdns.Expect(der::kSet, "RelativeDistinguishedName", &why);
    if (!set || !set->constructed) {
      *error = "malformed Name: " + (why.empty() ? std::string("primitive SET") : why);
      return std::nullopt;
    }
    der::Reader atvs(set->content);
    while (!atvs.empty()) {
      auto atv = atvs.Expect(der::kSequence, "AttributeTypeAndValue", &why);
      std::optional<der::Tlv> oid, value;
      if (atv) {
        der::Reader r(atv->content);
        oid = r.Expect(der::kOid, "type", &why);
        if (oid) value = r.Next(&why);
        if (value && !r.empty()) why = "unexpected data after the value";
        if (!atv->constructed) why = "primitive SEQUENCE";
      }
      NameAttribute attr;
      if (!value || !why.empty() || !OidTextAndShortName(oid->whole, &attr.oid, &attr.short_name)) {
        *error = "malformed Name: " + (why.empty() ? std::string("bad attribute type") : why);
        return std::nullopt;
      }
      attr.rdn = rdn;
      if (!value->Is(value->tag) || value->constructed || !IsNameStringTag(value->tag) ||
          !StringToUtf8(value->tag, value->content, &attr.value)) {
        *error = "Name attribute " + attr.short_name + " has an undecodable string";
        return std::nullopt;
      }
      attr.tag = value->tag;
      attr.length = Utf8Length(attr.value);
      out.attributes.push_back(std::move(attr));
    }
  }
  size_t text_size = 0;
  for (const NameAttribute& attr : out.attributes) {
    text_size += attr.short_name.size() + attr.value.size() + 3;
  }
  out.text.reserve(text_size);
  out.comparison_key.reserve(text_size + out.attributes.size() * 8);
  for (size_t i = 0; i < out.attributes.size(); ++i) {
    const NameAttribute& attr = out.attributes[i];
    if (i > 0) out.text += ", ";
    out.text.append(attr.short_name).append("=").append(attr.value);
    if (i > 0) out.comparison_key += ",";
    out.comparison_key.append(attr.oid).append("=");
    AppendFolded(attr.value, &out.comparison_key);
  }
  return out;
}

}  // namespace cpaudit
