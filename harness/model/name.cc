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

}  // namespace

std::optional<Name> ParseName(ByteView der, std::string* error) {
  const unsigned char* p = der.data();
  ossl::Name name(d2i_X509_NAME(nullptr, &p, static_cast<long>(der.size())));
  if (!name || p != der.data() + der.size()) {
    *error = "malformed Name";
    return std::nullopt;
  }
  Name out;
  out.der = der;
  int count = X509_NAME_entry_count(name.get());
  for (int i = 0; i < count; ++i) {
    const X509_NAME_ENTRY* entry = X509_NAME_get_entry(name.get(), i);
    const ASN1_OBJECT* obj = X509_NAME_ENTRY_get_object(entry);
    NameAttribute attr;
    attr.oid = ObjectText(obj);
    int nid = OBJ_obj2nid(obj);
    attr.short_name = nid != NID_undef ? OBJ_nid2sn(nid) : attr.oid;
    attr.rdn = X509_NAME_ENTRY_set(entry);
    unsigned char* utf8 = nullptr;
    int len = ASN1_STRING_to_UTF8(&utf8, X509_NAME_ENTRY_get_data(entry));
    if (len < 0) {
      *error = "Name attribute " + attr.short_name + " has an undecodable string";
      return std::nullopt;
    }
    attr.value.assign(reinterpret_cast<char*>(utf8), static_cast<size_t>(len));
    OPENSSL_free(utf8);
    if (!out.text.empty()) out.text += ", ";
    out.text += attr.short_name + "=" + attr.value;
    out.comparison_key += attr.oid + "=" + Fold(attr.value) + (i + 1 < count ? "," : "");
    out.attributes.push_back(std::move(attr));
  }
  return out;
}

}  // namespace cpaudit
