#include "harness/model/crl.h"

#include <fmt/format.h>

#include <algorithm>
#include <unordered_map>
#include <unordered_set>

#include "harness/model/certificate.h"

namespace cpaudit {
namespace {

constexpr uint8_t kReasonCodeOid[] = {0x55, 0x1d, 0x15};       // 2.5.29.21
constexpr uint8_t kHoldInstructionOid[] = {0x55, 0x1d, 0x17};  // 2.5.29.23

// The next extension's OID TLV and value.
std::optional<der::Tlv> NextExtensionOid(der::Reader& extensions, ByteView* value,
                                         std::string* error) {
  bool critical = false;
  return ReadExtension(extensions, &critical, value, error);
}

// Reads one entry's crlEntryExtensions: the reasonCode, and the first problem
// with a known extension's value (as ParseExtensions reports them).
bool ReadEntryExtensions(ByteView content, CrlEntry* entry, std::string* error) {
  der::Reader exts(content);
  for (bool first = true; !exts.empty(); first = false) {
    ByteView value;
    auto oid = NextExtensionOid(exts, &value, error);
    if (!oid) return false;
    bool duplicate = false;
    der::Reader earlier(first ? ByteView() : content);
    for (ByteView ignored; !earlier.empty();) {
      std::string none;
      auto prior = NextExtensionOid(earlier, &ignored, &none);
      if (prior->whole.data() == oid->whole.data()) break;
      duplicate |= SameBytes(prior->content, oid->content);
    }
    if (duplicate) {
      if (entry->extension_error == nullptr) entry->extension_error = "duplicate extension";
      continue;
    }
    entry->hold_instruction |= SameBytes(oid->content, kHoldInstructionOid);
    if (!SameBytes(oid->content, kReasonCodeOid)) continue;
    // CRLReason ::= ENUMERATED, 0..10 in one octet (OpenSSL rejects padding).
    der::Reader rv(value);
    std::string ignored;
    auto code = rv.Next(&ignored);
    if (code && code->Is(der::kEnumerated) && rv.empty() && code->content.size() == 1 &&
        code->content[0] <= 10) {
      entry->reason_code = code->content[0];
    } else if (entry->extension_error == nullptr) {
      entry->extension_error = "malformed reasonCode";
    }
  }
  return true;
}

// revokedCertificates' element: SEQUENCE { userCertificate INTEGER,
// revocationDate Time, crlEntryExtensions Extensions OPTIONAL }
bool ParseEntry(const der::Tlv& tlv, CrlEntry* entry, std::string* error) {
  if (!tlv.Is(der::kSequence)) {
    *error = "expected SEQUENCE";
    return false;
  }
  der::Reader r(tlv.content);
  auto serial = r.Expect(der::kInteger, "userCertificate", error);
  if (!serial || serial->content.empty()) {
    if (error->empty()) *error = "userCertificate: empty";
    return false;
  }
  *entry = CrlEntry{};
  entry->serial = serial->content;
  auto date = r.Next(error);
  auto when = date ? ParseTime(*date, error) : std::nullopt;
  if (!when) {
    *error = "revocationDate: " + *error;
    return false;
  }
  entry->revocation_date = *when;
  if (auto ext = r.NextIf(der::kSequence)) {
    if (!ReadEntryExtensions(ext->content, entry, error)) {
      *error = "crlEntryExtensions: " + *error;
      return false;
    }
    entry->extensions = ext->whole;
  }
  if (!r.empty()) {
    *error = "unexpected data after crlEntryExtensions";
    return false;
  }
  return true;
}

// Serials listed more than once, in memory that does not grow with the
// entries beyond a bit filter of at most a quarter of the list's DER (one bit
// per octet, rounded up to a power of two): the walk marks
// each serial's bits, a serial whose bits were all marked is a candidate, and
// one more pass over the serials alone (only when there are candidates)
// counts the candidates exactly.
class DuplicateSerials {
 public:
  explicit DuplicateSerials(size_t list_octets) {
    size_t bits = 1024;
    while (bits < list_octets) bits *= 2;
    filter_.assign(bits / 64, 0);
  }
  void Add(ByteView serial) {
    std::string_view key(reinterpret_cast<const char*>(serial.data()), serial.size());
    uint64_t h1 = std::hash<std::string_view>{}(key);
    uint64_t h2 = (h1 >> 29 | h1 << 35) * 0x9e3779b97f4a7c15ULL | 1;
    bool all_set = true;
    for (int i = 0; i < 3; ++i) {
      uint64_t bit = (h1 + static_cast<uint64_t>(i) * h2) & (filter_.size() * 64 - 1);
      uint64_t& word = filter_[bit / 64];
      all_set &= (word >> (bit % 64) & 1) != 0;
      word |= uint64_t{1} << (bit % 64);
    }
    if (all_set) candidates_.insert(key);
  }
  // Counts the candidates over every serial of the list and fills `stats`.
  void Finish(ByteView list, CrlEntryStats* stats) const {
    if (candidates_.empty()) return;
    std::unordered_map<std::string_view, size_t> seen;
    der::Reader entries(list);
    std::string error;
    while (auto entry = entries.Next(&error)) {
      auto serial = der::Reader(entry->content).Next(&error);
      std::string_view key(reinterpret_cast<const char*>(serial->content.data()),
                           serial->content.size());
      if (candidates_.count(key) == 0 || ++seen[key] != 2) continue;
      ++stats->duplicate_count;
      if (stats->duplicate_serials.size() < kMaxListedDuplicates) {
        stats->duplicate_serials.push_back(cpaudit::SerialHex(serial->content));
      }
    }
  }

 private:
  std::vector<uint64_t> filter_;
  std::unordered_set<std::string_view> candidates_;
};

}  // namespace

std::string CrlEntry::SerialHex() const { return cpaudit::SerialHex(serial); }

std::vector<std::string> CrlEntry::ExtensionOids() const {
  std::vector<std::string> oids;
  std::string error;
  der::Reader exts(der::Reader(extensions).Next(&error).value_or(der::Tlv{}).content);
  while (!exts.empty()) {
    ByteView value;
    auto oid = NextExtensionOid(exts, &value, &error);
    if (!oid) break;  // cannot happen: Parse validated the entry
    oids.push_back(OidText(oid->whole));
  }
  return oids;
}

CrlEntryCursor::CrlEntryCursor(const Crl& crl, size_t offset)
    : revoked_(crl.revoked_), offset_(std::min(offset, crl.revoked_.size())) {}

bool CrlEntryCursor::Next(CrlEntry* entry) {
  if (offset_ >= revoked_.size()) return false;
  der::Reader r(revoked_.subspan(offset_));
  std::string error;
  auto tlv = r.Next(&error);
  if (!tlv || !ParseEntry(*tlv, entry, &error)) return false;  // validated by Parse
  offset_ += tlv->whole.size();
  return true;
}

std::shared_ptr<const Crl> Crl::Parse(Bytes der, Source source, std::string* error) {
  std::shared_ptr<Crl> crl(new Crl());
  crl->der_ = std::move(der);
  crl->source_ = std::move(source);
  auto envelope = ParseSignedEnvelope(crl->der_, error);
  if (!envelope) return nullptr;
  crl->envelope_ = std::move(*envelope);

  der::Reader tbs(der::Reader(crl->envelope_.tbs).Next(error)->content);
  auto fail = [&](const char* what, const std::string& why) {
    *error = fmt::format("tbsCertList {}: {}", what, why);
    return nullptr;
  };
  std::string why;
  if (auto v = tbs.NextIf(der::kInteger)) {
    // Any small non-negative version is read (OpenSSL reads them); rules judge it.
    if (v->content.size() != 1 || v->content[0] > 0x7f) {
      return fail("version", "not a small non-negative INTEGER");
    }
    crl->version_ = v->content[0] + 1;
  }
  auto sig_alg = tbs.Expect(der::kSequence, "signature", &why);
  auto alg = sig_alg ? ParseAlgorithm(*sig_alg, &why) : std::nullopt;
  if (!alg) return fail("signature", why);
  crl->tbs_signature_algorithm_ = std::move(*alg);

  auto issuer = tbs.Expect(der::kSequence, "issuer", &why);
  auto issuer_name = issuer ? ParseName(issuer->whole, &why) : std::nullopt;
  if (!issuer_name) return fail("issuer", why);
  crl->issuer_ = std::move(*issuer_name);

  auto this_update = tbs.Next(&why);
  auto this_time = this_update ? ParseEncodedTime(*this_update, &why) : std::nullopt;
  if (!this_time) return fail("thisUpdate", why);
  crl->this_update_ = *this_time;

  auto next = tbs.NextIf(der::kUtcTime);
  if (!next) next = tbs.NextIf(der::kGeneralizedTime);
  if (next) {
    auto next_time = ParseEncodedTime(*next, &why);
    if (!next_time) return fail("nextUpdate", why);
    crl->next_update_ = *next_time;
  }

  if (auto revoked = tbs.NextIf(der::kSequence)) {
    crl->revoked_ = revoked->content;
    crl->empty_revoked_list_ = revoked->content.empty();
    CrlEntryStats& stats = crl->entry_stats_;
    DuplicateSerials duplicates(revoked->content.size());
    der::Reader entries(revoked->content);
    CrlEntry entry;
    while (!entries.empty()) {
      auto tlv = entries.Next(&why);
      if (!tlv || !ParseEntry(*tlv, &entry, &why)) {
        return fail(fmt::format("revokedCertificates entry {}", stats.count + 1).c_str(), why);
      }
      ++stats.count;
      stats.without_reason += entry.reason_code ? 0 : 1;
      stats.with_extension_error += entry.extension_error != nullptr ? 1 : 0;
      stats.key_compromise += entry.reason_code == 1 ? 1 : 0;
      stats.with_hold_instruction += entry.hold_instruction ? 1 : 0;
      if (entry.reason_code) ++stats.by_reason[static_cast<size_t>(*entry.reason_code)];
      stats.with_extensions += entry.extensions.empty() ? 0 : 1;
      stats.latest_revocation = std::max(stats.latest_revocation, entry.revocation_date);
      duplicates.Add(entry.serial);
    }
    duplicates.Finish(revoked->content, &stats);
  }
  if (auto ext = tbs.NextIfContext(0)) {
    auto exts = ParseExtensions(ext->content, &why);
    if (!exts) return fail("crlExtensions", why);
    crl->has_extensions_field_ = true;
    crl->extensions_ = std::move(*exts);
  }
  if (!tbs.empty()) return fail("end", "unexpected data after the last field");
  crl->der_violations_ = ValidateDer(crl->der_, DerSchema::kCrl);
  AddExtensionTypeViolations(crl->extensions_, "tbsCertList.crlExtensions", &crl->der_violations_);
  return crl;
}

}  // namespace cpaudit
