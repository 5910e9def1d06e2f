#include "harness/model/name.h"

#include <openssl/objects.h>

#include <cctype>

#include "harness/model/asn1_parts.h"
#include "harness/model/openssl_ptr.h"

namespace cpaudit {
namespace {

std::string Fold(const std::string& value) {
  std::string out;
  bool space = false;
  for (unsigned char c : value) {
    if (std::isspace(c)) {
      space = !out.empty();
      continue;
    }
    if (space) out.push_back(' ');
    space = false;
    out.push_back(static_cast<char>(std::tolower(c)));
  }
  return out;
}

// The string types X.520 DirectoryString and OpenSSL's X509_NAME_ENTRY take
// (UTF8, Numeric, Printable, T61, IA5, Universal, BMP); d2i_X509_NAME rejects
// the others, and these are what ASN1_STRING_to_UTF8 converts.
bool IsNameStringTag(int tag) {
  return tag == 12 || tag == 18 || tag == 19 || tag == 20 || tag == 22 || tag == 28 || tag == 30;
}

}  // namespace

// Name ::= SEQUENCE OF RelativeDistinguishedName (SET OF AttributeTypeAndValue),
// walked with the TLV reader: d2i_X509_NAME builds a canonical encoding of
// every name it reads, which made it the most costly part of a certificate.
// Values are converted with OpenSSL's ASN1_STRING_to_UTF8, which rejects what
// d2i_X509_NAME rejects.
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
      attr.oid = oid ? OidText(oid->whole) : std::string();
      if (!value || !why.empty() || attr.oid.empty()) {
        *error = "malformed Name: " + (why.empty() ? std::string("bad attribute type") : why);
        return std::nullopt;
      }
      attr.short_name = OidShortName(oid->whole);
      attr.rdn = rdn;
      ASN1_STRING text{};
      text.type = value->tag;
      text.length = static_cast<int>(value->content.size());
      text.data = const_cast<unsigned char*>(value->content.data());
      unsigned char* utf8 = nullptr;
      int len = value->Is(value->tag) && !value->constructed && IsNameStringTag(value->tag)
                    ? ASN1_STRING_to_UTF8(&utf8, &text)
                    : -1;
      if (len < 0) {
        *error = "Name attribute " + attr.short_name + " has an undecodable string";
        return std::nullopt;
      }
      attr.value.assign(reinterpret_cast<char*>(utf8), static_cast<size_t>(len));
      OPENSSL_free(utf8);
      out.attributes.push_back(std::move(attr));
    }
  }
  for (size_t i = 0; i < out.attributes.size(); ++i) {
    const NameAttribute& attr = out.attributes[i];
    if (i > 0) out.text += ", ";
    out.text += attr.short_name + "=" + attr.value;
    out.comparison_key +=
        attr.oid + "=" + Fold(attr.value) + (i + 1 < out.attributes.size() ? "," : "");
  }
  return out;
}

}  // namespace cpaudit
