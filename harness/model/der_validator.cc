#include "harness/model/der_validator.h"

#include <fmt/format.h>
#include <openssl/objects.h>

#include <algorithm>
#include <cstring>
#include <string_view>

#include "harness/model/asn1_parts.h"

namespace cpaudit {
namespace {

enum Class : uint8_t { kUniversal = 0, kApplication = 1, kContext = 2, kPrivate = 3 };

enum Universal : uint32_t {
  kBoolean = 1,
  kInteger = 2,
  kBitString = 3,
  kOctetString = 4,
  kNull = 5,
  kOid = 6,
  kEnumerated = 10,
  kUtf8String = 12,
  kSequence = 16,
  kSet = 17,
  kNumericString = 18,
  kPrintableString = 19,
  kTeletexString = 20,
  kIa5String = 22,
  kUtcTime = 23,
  kGeneralizedTime = 24,
  kVisibleString = 26,
  kUniversalString = 28,
  kBmpString = 30,
};

struct Item {
  uint8_t cls = 0;
  bool constructed = false;
  uint32_t number = 0;
  ByteView content;
  ByteView whole;

  bool Is(uint32_t universal) const { return cls == kUniversal && number == universal; }
  bool IsContext(uint32_t n) const { return cls == kContext && number == n; }
};

// Where a value is, built on the stack as the walk descends and rendered only
// for a violation: "tbsCertificate.extensions[3] (keyUsage).extnValue".
std::string ExtensionName(ByteView oid_tlv);

struct Path {
  const Path* parent = nullptr;
  const char* name = nullptr;  // a named field, or null for an index
  size_t index = 0;
  ByteView extension_oid;  // an extension's OID TLV: named "(keyUsage)" when rendered

  Path Field(const char* field) const { return {this, field, 0, {}}; }
  Path At(size_t i) const { return {this, nullptr, i, {}}; }

  std::string Render() const {
    std::string out = parent != nullptr ? parent->Render() : "";
    if (name != nullptr) {
      out += (out.empty() ? "" : ".") + std::string(name);
    } else {
      out += fmt::format("[{}]", index);
    }
    if (!extension_oid.empty()) out += " (" + ExtensionName(extension_oid) + ")";
    return out;
  }
};

// The content octets of the OIDs whose values X.509 constrains beyond DER.
constexpr uint8_t kKeyUsageOid[] = {0x55, 0x1d, 0x0f};          // 2.5.29.15
constexpr uint8_t kBasicConstraintsOid[] = {0x55, 0x1d, 0x13};  // 2.5.29.19
constexpr uint8_t kExtensionRequestOid[] = {0x2a, 0x86, 0x48, 0x86, 0xf7,
                                            0x0d, 0x01, 0x09, 0x0e};  // 1.2.840.113549.1.9.14

bool IsDigits(std::string_view s) {
  return std::all_of(s.begin(), s.end(), [](char c) { return c >= '0' && c <= '9'; });
}

int Num(std::string_view s) {
  int n = 0;
  for (char c : s) n = n * 10 + (c - '0');
  return n;
}

bool ValidClock(std::string_view mmddhhmmss) {
  int month = Num(mmddhhmmss.substr(0, 2)), day = Num(mmddhhmmss.substr(2, 2));
  int hour = Num(mmddhhmmss.substr(4, 2)), minute = Num(mmddhhmmss.substr(6, 2));
  int second = Num(mmddhhmmss.substr(8, 2));
  return month >= 1 && month <= 12 && day >= 1 && day <= 31 && hour <= 23 && minute <= 59 &&
         second <= 59;
}

bool ValidUtf8(ByteView s) {
  for (size_t i = 0; i < s.size();) {
    uint8_t c = s[i];
    size_t n = c < 0x80             ? 1
               : (c & 0xe0) == 0xc0 ? 2
               : (c & 0xf0) == 0xe0 ? 3
               : (c & 0xf8) == 0xf0 ? 4
                                    : 0;
    if (n == 0 || i + n > s.size()) return false;
    uint32_t cp = n == 1 ? c : c & (0x7f >> n);
    for (size_t k = 1; k < n; ++k) {
      if ((s[i + k] & 0xc0) != 0x80) return false;
      cp = (cp << 6) | (s[i + k] & 0x3f);
    }
    static constexpr uint32_t kMin[] = {0, 0, 0x80, 0x800, 0x10000};
    if (cp < kMin[n] || cp > 0x10ffff || (cp >= 0xd800 && cp <= 0xdfff)) return false;
    i += n;
  }
  return true;
}

bool Printable(uint8_t c) {
  return (c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') ||
         std::strchr(" '()+,-./:=?", c) != nullptr;
}

// X.690 11.6: SET OF components in ascending order of their encodings, the
// shorter padded at its end with zero octets.
bool NotAfter(ByteView a, ByteView b) {
  size_t n = std::min(a.size(), b.size());
  int c = std::memcmp(a.data(), b.data(), n);
  if (c != 0) return c < 0;
  for (size_t i = n; i < a.size(); ++i) {
    if (a[i] != 0) return false;
  }
  return true;
}

std::string ExtensionName(ByteView oid_tlv) {
  std::string dotted = OidText(oid_tlv);
  int nid = OBJ_txt2nid(dotted.c_str());
  return nid != NID_undef ? OBJ_nid2ln(nid) : dotted;
}

class Walker {
 public:
  explicit Walker(std::vector<DerViolation>* out) : out_(out) {}

  void Add(const Path& where, std::string what) {
    ++count_;
    if (out_->size() < kMaxDerViolations) out_->push_back({where.Render(), std::move(what)});
  }
  size_t count() const { return count_; }

  // X.690 11.6: each SET OF element no lower than the one before it.
  void SetOrder(ByteView* previous, const Item& element, const Path& set) {
    if (!previous->empty() && !NotAfter(*previous, element.whole)) {
      Add(set, "SET OF elements are not in DER order");
    }
    *previous = element.whole;
  }

  // Reads the TLV at the front of *data and checks its header. False when the
  // structure cannot be read on from here (recorded as a violation).
  bool Read(ByteView* data, const Path& where, Item* item) {
    const uint8_t* p = data->data();
    size_t n = data->size();
    if (n < 2) return Fatal(where, "truncated TLV");
    size_t at = 0;
    uint8_t first = p[at++];
    item->cls = first >> 6;
    item->constructed = (first & 0x20) != 0;
    item->number = first & 0x1f;
    if (item->number == 0x1f) {
      uint32_t number = 0;
      bool leading_zero = p[at] == 0x80;
      uint8_t b = 0;
      do {
        if (at >= n) return Fatal(where, "truncated tag");
        b = p[at++];
        if (number > (1u << 24)) return Fatal(where, "tag number too large");
        number = (number << 7) | (b & 0x7f);
      } while (b & 0x80);
      if (leading_zero || number < 31) Add(where, "tag number is not minimally encoded");
      item->number = number;
    }
    if (at >= n) return Fatal(where, "truncated length");
    uint8_t len0 = p[at++];
    size_t length = len0;
    if (len0 == 0x80) return Fatal(where, "indefinite length is not DER");
    if (len0 & 0x80) {
      size_t octets = len0 & 0x7f;
      if (octets > sizeof(size_t) || at + octets > n) return Fatal(where, "bad length");
      length = 0;
      for (size_t i = 0; i < octets; ++i) length = (length << 8) | p[at++];
      if (length < 0x80 || p[at - octets] == 0) Add(where, "length is not minimally encoded");
    }
    if (length > n - at) return Fatal(where, "length runs past the end of the data");
    item->content = data->subspan(at, length);
    item->whole = data->subspan(0, at + length);
    *data = data->subspan(at + length);
    return true;
  }

  // Checks one value by the generic rules, and what it holds.
  void Value(const Item& item, const Path& where, int depth) {
    if (item.cls == kUniversal) Universal(item, where);
    if (!item.constructed) return;
    if (depth >= kMaxDerDepth) {
      Add(where, fmt::format("nested more than {} levels deep: not checked further", kMaxDerDepth));
      return;
    }
    ByteView rest = item.content;
    ByteView previous;
    for (size_t i = 0; !rest.empty(); ++i) {
      Path child = where.At(i);
      Item c;
      if (!Read(&rest, child, &c)) return;
      if (item.Is(kSet)) SetOrder(&previous, c, where);
      Value(c, child, depth + 1);
    }
  }

  // An extension list: SEQUENCE OF Extension { extnID, critical DEFAULT FALSE,
  // extnValue OCTET STRING holding one DER value of the extension's type }.
  void Extensions(const Item& list, const Path& where, int depth) {
    if (!list.Is(kSequence) || !list.constructed) return Value(list, where, depth);
    ByteView rest = list.content;
    for (size_t i = 0; !rest.empty(); ++i) {
      Path ext = where.At(i);
      Item e;
      if (!Read(&rest, ext, &e)) return;
      if (!e.Is(kSequence) || !e.constructed) {
        Value(e, ext, depth + 1);
        continue;
      }
      ByteView fields = e.content;
      Item oid;
      if (!Read(&fields, ext, &oid)) continue;
      ByteView oid_content = oid.Is(kOid) ? oid.content : ByteView();
      if (oid.Is(kOid)) ext.extension_oid = oid.whole;
      Value(oid, ext.Field("extnID"), depth + 2);
      Item next;
      if (fields.empty()) {
        Add(ext, "no extnValue");
        continue;
      }
      if (!Read(&fields, ext, &next)) continue;
      if (next.Is(kBoolean)) {
        Value(next, ext.Field("critical"), depth + 2);
        if (next.content.size() == 1 && next.content[0] == 0) {
          Add(ext.Field("critical"), "critical FALSE is the DEFAULT and is not encoded in DER");
        }
        if (fields.empty()) {
          Add(ext, "no extnValue");
          continue;
        }
        if (!Read(&fields, ext, &next)) continue;
      }
      Path value = ext.Field("extnValue");
      Value(next, value, depth + 2);
      if (!fields.empty()) Add(ext, "bytes after extnValue");
      if (!next.Is(kOctetString)) continue;
      ByteView inner = next.content;
      Item v;
      if (!Read(&inner, value, &v)) continue;
      if (!inner.empty()) Add(value, "the OCTET STRING holds bytes after its DER value");
      Value(v, value, depth + 3);
      KnownExtension(oid_content, v, value);
    }
  }

  // The generic rules of one universal value: its form (SEQUENCE and SET
  // constructed, the others primitive) and its content.
  void Universal(const Item& item, const Path& where) {
    ByteView c = item.content;
    if (item.number == 0) {
      // Tag 0 ends BER's indefinite lengths; it is never a value.
      Add(where, "universal tag 0 (end-of-contents) is not a value");
      return;
    }
    bool must_be_primitive = item.number != kSequence && item.number != kSet;
    if (item.constructed && must_be_primitive) {
      Add(where,
          fmt::format("universal tag {} is constructed; DER encodes it primitive", item.number));
      return;
    }
    if (!item.constructed && !must_be_primitive) {
      Add(where, fmt::format("universal tag {} is primitive; it must be constructed", item.number));
      return;
    }
    auto text = [&] { return std::string_view(reinterpret_cast<const char*>(c.data()), c.size()); };
    switch (item.number) {
      case kBoolean:
        if (c.size() != 1) {
          Add(where, "BOOLEAN is not one octet");
        } else if (c[0] != 0x00 && c[0] != 0xff) {
          Add(where, fmt::format("BOOLEAN TRUE is encoded 0x{:02x}, not 0xff", c[0]));
        }
        break;
      case kInteger:
      case kEnumerated:
        if (c.empty()) {
          Add(where, "INTEGER has no content octets");
        } else if (c.size() > 1 &&
                   ((c[0] == 0x00 && c[1] < 0x80) || (c[0] == 0xff && c[1] >= 0x80))) {
          Add(where, "INTEGER is not minimally encoded");
        }
        break;
      case kBitString:
        if (c.empty()) {
          Add(where, "BIT STRING has no unused-bits octet");
        } else if (c[0] > 7) {
          Add(where, fmt::format("BIT STRING has {} unused bits (0 to 7 allowed)", c[0]));
        } else if (c.size() == 1 && c[0] != 0) {
          Add(where, "an empty BIT STRING has unused bits");
        } else if (c.size() > 1 && (c.back() & ((1u << c[0]) - 1)) != 0) {
          Add(where, "BIT STRING padding bits are not zero");
        }
        break;
      case kNull:
        if (!c.empty()) Add(where, "NULL has content octets");
        break;
      case kOid:
        if (c.empty() || (c.back() & 0x80) != 0) {
          Add(where, "OBJECT IDENTIFIER is malformed");
        } else {
          for (size_t i = 0; i < c.size(); ++i) {
            bool starts = i == 0 || (c[i - 1] & 0x80) == 0;
            if (starts && c[i] == 0x80) {
              Add(where, "OBJECT IDENTIFIER subidentifier is not minimally encoded");
              break;
            }
          }
        }
        break;
      case kUtcTime: {
        std::string_view t = text();
        if (t.size() != 13 || t.back() != 'Z' || !IsDigits(t.substr(0, 12)) ||
            !ValidClock(t.substr(2, 10))) {
          Add(where, fmt::format("UTCTime \"{}\" is not YYMMDDHHMMSSZ", Printed(c)));
        }
        break;
      }
      case kGeneralizedTime: {
        std::string_view t = text();
        bool ok = t.size() >= 15 && t.back() == 'Z' && IsDigits(t.substr(0, 14)) &&
                  ValidClock(t.substr(4, 10));
        if (ok && t.size() > 15) {
          std::string_view fraction = t.substr(14, t.size() - 15);
          ok = fraction.size() >= 2 && fraction[0] == '.' && IsDigits(fraction.substr(1)) &&
               fraction.back() != '0';
        }
        if (!ok) {
          Add(where, fmt::format("GeneralizedTime \"{}\" is not YYYYMMDDHHMMSS[.f]Z", Printed(c)));
        }
        break;
      }
      case kPrintableString:
        if (!std::all_of(c.begin(), c.end(), Printable)) {
          Add(where, "PrintableString has a character outside its set");
        }
        break;
      case kIa5String:
        if (!std::all_of(c.begin(), c.end(), [](uint8_t b) { return b < 0x80; })) {
          Add(where, "IA5String has a byte above 0x7f");
        }
        break;
      case kVisibleString:
        if (!std::all_of(c.begin(), c.end(), [](uint8_t b) { return b >= 0x20 && b < 0x7f; })) {
          Add(where, "VisibleString has a character outside 0x20-0x7e");
        }
        break;
      case kNumericString:
        if (!std::all_of(c.begin(), c.end(),
                         [](uint8_t b) { return b == ' ' || (b >= '0' && b <= '9'); })) {
          Add(where, "NumericString has a character other than digits and space");
        }
        break;
      case kUtf8String:
        if (!ValidUtf8(c)) Add(where, "UTF8String is not valid UTF-8");
        break;
      case kBmpString:
        if (c.size() % 2 != 0) Add(where, "BMPString has an odd number of octets");
        break;
      case kUniversalString:
        if (c.size() % 4 != 0) Add(where, "UniversalString length is not a multiple of 4");
        break;
      default:
        break;
    }
  }

 private:
  bool Fatal(const Path& where, const char* what) {
    Add(where, what);
    return false;
  }

  // What X.509 says of the values of some extensions beyond generic DER.
  void KnownExtension(ByteView oid, const Item& v, const Path& where) {
    if (SameBytes(oid, kKeyUsageOid) && v.Is(kBitString) && v.content.size() > 1) {
      // A named bit list drops its trailing zero bits (X.690 11.2.2).
      uint8_t last = v.content.back(), unused = v.content[0];
      if (unused <= 7 && ((last >> unused) & 1) == 0) {
        Add(where, "BIT STRING has a trailing zero bit (a named bit list ends with a one bit)");
      }
    }
    if (SameBytes(oid, kBasicConstraintsOid) && v.Is(kSequence)) {
      ByteView fields = v.content;
      Item ca;
      if (!fields.empty() && Read(&fields, where, &ca) && ca.Is(kBoolean) &&
          ca.content.size() == 1 && ca.content[0] == 0) {
        Add(where.Field("cA"), "cA FALSE is the DEFAULT and is not encoded in DER");
      }
    }
  }

  static std::string Printed(ByteView c) {
    std::string s;
    for (uint8_t b : c.first(std::min<size_t>(c.size(), 32))) {
      s += b >= 0x20 && b < 0x7f && b != '"' && b != '\\' ? std::string(1, static_cast<char>(b))
                                                          : fmt::format("\\x{:02x}", b);
    }
    return s;
  }

  std::vector<DerViolation>* out_;
  size_t count_ = 0;
};

// An EXPLICIT tag wraps a value and an IMPLICIT SET OF is a SET: DER encodes
// both constructed; an IMPLICIT BIT STRING is primitive.
void CheckForm(Walker& w, const Item& item, bool constructed, const Path& where) {
  if (item.constructed == constructed) return;
  w.Add(where, fmt::format("[{}] is {}; it must be {}", item.number,
                           item.constructed ? "constructed" : "primitive",
                           constructed ? "constructed" : "primitive"));
}

// The class, form and (low) number of the TLV at the front of `data`: enough
// to name a field before its header is read, so that a problem in the
// header is reported at the field ("tbsCertificate.serialNumber").
Item TagOf(ByteView data) {
  Item tag;
  if (data.empty()) return tag;
  tag.cls = data[0] >> 6;
  tag.constructed = (data[0] & 0x20) != 0;
  tag.number = data[0] & 0x1f;
  return tag;
}

void WalkCertificateTbs(Walker& w, const Item& tbs, const Path& where) {
  static const char* const kNames[] = {"serialNumber", "signature", "issuer",
                                       "validity",     "subject",   "subjectPublicKeyInfo"};
  ByteView rest = tbs.content;
  size_t plain = 0;
  while (!rest.empty()) {
    Item tag = TagOf(rest);
    const char* name = tag.IsContext(0)            ? "version"
                       : tag.IsContext(1)          ? "issuerUniqueID"
                       : tag.IsContext(2)          ? "subjectUniqueID"
                       : tag.IsContext(3)          ? "extensions"
                       : plain < std::size(kNames) ? kNames[plain++]
                                                   : "unexpected";
    Path field = where.Field(name);
    Item peek;
    if (!w.Read(&rest, field, &peek)) return;
    if (peek.IsContext(0) || peek.IsContext(3)) CheckForm(w, peek, true, field);
    if (peek.IsContext(1) || peek.IsContext(2)) CheckForm(w, peek, false, field);
    if (peek.IsContext(3) && peek.constructed) {
      ByteView inner = peek.content;
      Item list;
      if (w.Read(&inner, field, &list)) w.Extensions(list, field, 3);
      if (!inner.empty()) w.Add(field, "bytes after the extensions");
      continue;
    }
    w.Value(peek, field, 2);
    if (peek.IsContext(0) && peek.constructed) {
      ByteView inner = peek.content;
      Item v;
      if (w.Read(&inner, field, &v) && v.Is(kInteger) && v.content.size() == 1 &&
          v.content[0] == 0) {
        w.Add(field, "version v1 is the DEFAULT and is not encoded in DER");
      }
    }
    if ((peek.IsContext(1) || peek.IsContext(2)) && !peek.constructed) {
      // [n] IMPLICIT UniqueIdentifier (BIT STRING): its unused-bits rules apply.
      Item as_bits = peek;
      as_bits.cls = kUniversal;
      as_bits.number = kBitString;
      w.Value(as_bits, field, 2);
    }
  }
}

void WalkCrlTbs(Walker& w, const Item& tbs, const Path& where) {
  ByteView rest = tbs.content;
  size_t sequences = 0, times = 0;
  while (!rest.empty()) {
    Item tag = TagOf(rest);
    bool time = tag.Is(kUtcTime) || tag.Is(kGeneralizedTime);
    const char* name = tag.Is(kInteger)     ? "version"
                       : time               ? (times++ == 0 ? "thisUpdate" : "nextUpdate")
                       : tag.IsContext(0)   ? "crlExtensions"
                       : !tag.Is(kSequence) ? "unexpected"
                       : times > 0          ? "revokedCertificates"
                       : sequences++ == 0   ? "signature"
                                            : "issuer";
    Path field = where.Field(name);
    Item f;
    if (!w.Read(&rest, field, &f)) return;
    if (f.IsContext(0)) CheckForm(w, f, true, field);
    if (f.IsContext(0) && f.constructed) {
      ByteView inner = f.content;
      Item list;
      if (w.Read(&inner, field, &list)) w.Extensions(list, field, 3);
      continue;
    }
    if (std::strcmp(name, "revokedCertificates") != 0) {
      w.Value(f, field, 2);
      continue;
    }
    w.Universal(f, field);
    ByteView entries = f.content;
    for (size_t i = 0; !entries.empty(); ++i) {
      Path entry = field.At(i);
      Item e;
      if (!w.Read(&entries, entry, &e)) break;
      if (!e.Is(kSequence) || !e.constructed) {
        w.Value(e, entry, 3);
        continue;
      }
      ByteView parts = e.content;
      for (size_t k = 0; !parts.empty(); ++k) {
        Item p;
        Path part = entry.Field(k == 0   ? "userCertificate"
                                : k == 1 ? "revocationDate"
                                         : "crlEntryExtensions");
        if (!w.Read(&parts, part, &p)) break;
        if (k == 2) {
          w.Extensions(p, part, 4);
        } else {
          w.Value(p, part, 4);
        }
      }
    }
  }
}

void WalkCsrInfo(Walker& w, const Item& info, const Path& where) {
  static const char* const kNames[] = {"version", "subject", "subjectPKInfo"};
  ByteView rest = info.content;
  size_t plain = 0;
  while (!rest.empty()) {
    Item f;
    if (!w.Read(&rest, where, &f)) return;
    bool attributes = f.IsContext(0);
    Path field = where.Field(attributes  ? "attributes"
                             : plain < 3 ? kNames[plain++]
                                         : "unexpected");
    if (attributes) CheckForm(w, f, true, field);
    if (!attributes || !f.constructed) {
      w.Value(f, field, 2);
      continue;
    }
    // [0] IMPLICIT SET OF Attribute: a SET's order; extensionRequest holds extensions.
    ByteView attrs = f.content;
    ByteView previous;
    for (size_t i = 0; !attrs.empty(); ++i) {
      Path attr = field.At(i);
      Item a;
      if (!w.Read(&attrs, attr, &a)) break;
      w.SetOrder(&previous, a, field);
      ByteView parts = a.content;
      Item type, values;
      if (!a.Is(kSequence) || !w.Read(&parts, attr, &type) || !w.Read(&parts, attr, &values)) {
        w.Value(a, attr, 3);
        continue;
      }
      w.Universal(a, attr);
      w.Value(type, attr.Field("type"), 4);
      bool extension_request = type.Is(kOid) && SameBytes(type.content, kExtensionRequestOid);
      if (!extension_request || !values.Is(kSet)) {
        w.Value(values, attr.Field("values"), 4);
        continue;
      }
      Path exts = attr.Field("values");
      w.Universal(values, exts);
      ByteView inner = values.content;
      Item list;
      if (w.Read(&inner, exts, &list)) w.Extensions(list, exts, 5);
    }
  }
}

}  // namespace

std::vector<DerViolation> ValidateDer(ByteView der, DerSchema schema) {
  std::vector<DerViolation> out;
  Walker w(&out);
  const char* outer_name = schema == DerSchema::kCertificate ? "Certificate"
                           : schema == DerSchema::kCrl       ? "CertificateList"
                                                             : "CertificationRequest";
  Path root{nullptr, outer_name, 0, {}};  // NOLINT: aggregate
  ByteView rest = der;
  Item outer;
  if (!w.Read(&rest, root, &outer)) return out;
  if (!rest.empty()) w.Add(root, fmt::format("{} bytes after the outer structure", rest.size()));
  if (!outer.Is(kSequence)) {
    w.Value(outer, root, 0);
    return out;
  }
  // The walks below read SEQUENCEs and SETs by position; each checks its own
  // header first, as the generic walk does (a primitive SEQUENCE is not DER).
  w.Universal(outer, root);
  static const char* const kCert[] = {"tbsCertificate", "signatureAlgorithm", "signatureValue"};
  static const char* const kCrl[] = {"tbsCertList", "signatureAlgorithm", "signatureValue"};
  static const char* const kCsr[] = {"certificationRequestInfo", "signatureAlgorithm", "signature"};
  const char* const* names = schema == DerSchema::kCertificate ? kCert
                             : schema == DerSchema::kCrl       ? kCrl
                                                               : kCsr;
  ByteView parts = outer.content;
  for (size_t i = 0; !parts.empty(); ++i) {
    Path part{nullptr, i < 3 ? names[i] : "unexpected", 0, {}};
    Item p;
    if (!w.Read(&parts, part, &p)) break;
    if (i != 0 || !p.Is(kSequence)) {
      w.Value(p, part, 1);
      continue;
    }
    w.Universal(p, part);
    if (schema == DerSchema::kCertificate) WalkCertificateTbs(w, p, part);
    if (schema == DerSchema::kCrl) WalkCrlTbs(w, p, part);
    if (schema == DerSchema::kCsr) WalkCsrInfo(w, p, part);
  }
  if (w.count() > out.size()) {
    out.push_back(
        {outer_name, fmt::format("{} more DER violations are not listed", w.count() - out.size())});
  }
  return out;
}

}  // namespace cpaudit
