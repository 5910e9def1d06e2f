#include "harness/evidence_index.h"

#include <algorithm>
#include <filesystem>
#include <mutex>

namespace cpaudit {
namespace {

const std::vector<const Event*>& Empty() {
  static const std::vector<const Event*> kEmpty;
  return kEmpty;
}

// A path an event gives ("./crls/a.pem", "crls//a.pem") as the evidence names
// its files ("crls/a.pem").
std::string EvidencePath(const std::string& path) {
  std::string normal = std::filesystem::path(path).lexically_normal().string();
  return normal.rfind("./", 0) == 0 ? normal.substr(2) : normal;
}

}  // namespace

EvidenceIndex::EvidenceIndex(const Evidence& evidence, const BusinessCalendar& calendar)
    : evidence_(evidence), calendar_(calendar) {
  for (const Event& e : evidence.events()) by_type_[std::string(e.type)].push_back(&e);
  for (auto& [type, list] : by_type_) {
    std::stable_sort(list.begin(), list.end(),
                     [](const Event* a, const Event* b) { return a->time < b->time; });
  }
  for (const auto& c : evidence.certificates()) certs_by_serial_.emplace(c->serial_hex(), c.get());
  for (const auto& c : evidence.csrs()) csrs_by_path_.emplace(c->source().path, c.get());
  for (const auto& c : evidence.crls()) crls_by_time_.push_back(c.get());
  std::stable_sort(crls_by_time_.begin(), crls_by_time_.end(),
                   [](const Crl* a, const Crl* b) { return a->this_update() < b->this_update(); });
  for (const Event* e : Events("crl_published")) {
    std::string path = e->Str("crl");
    if (!path.empty()) crl_published_.emplace(EvidencePath(path), e->time);
  }
  BindIssuances();
}

void EvidenceIndex::BindIssuances() {
  if (Events("certificate_issued").empty()) return;
  std::unordered_map<std::string, std::vector<const Certificate*>> by_serial;
  for (const auto& c : evidence_.certificates()) by_serial[c->serial_hex()].push_back(c.get());
  auto bind = [&](const Event* e, const std::vector<const Certificate*>& certs) {
    if (certs.empty()) return;
    issued_certificate_.emplace(e, certs.front());
    for (const Certificate* c : certs) {
      Binding& b = issuance_[c];
      if (b.event == nullptr) b = {e, certs.size() == 1};
    }
  };
  // Events that name their certificate's file first, so that a later event
  // naming only the serial cannot take a certificate another event named.
  std::vector<const Event*> by_serial_only;
  for (const Event* e : Events("certificate_issued")) {
    auto it = by_serial.find(e->Str("serial"));
    if (it == by_serial.end()) continue;
    std::string path = e->Str("certificate");
    if (!path.empty()) path = EvidencePath(path);
    std::vector<const Certificate*> named;
    for (const Certificate* c : it->second) {
      if (!path.empty() && c->source().path == path) named.push_back(c);
    }
    if (named.empty()) {
      by_serial_only.push_back(e);
    } else {
      bind(e, named);
    }
  }
  for (const Event* e : by_serial_only) {
    std::vector<const Certificate*> unnamed;
    for (const Certificate* c : by_serial.at(e->Str("serial"))) {
      auto b = issuance_.find(c);
      bool named_by_path = b != issuance_.end() &&
                           EvidencePath(b->second.event->Str("certificate")) == c->source().path;
      if (!named_by_path) unnamed.push_back(c);
    }
    bind(e, unnamed);
  }
}

const std::vector<const Event*>& EvidenceIndex::Events(std::string_view type) const {
  auto it = by_type_.find(type);
  return it == by_type_.end() ? Empty() : it->second;
}

template <typename Map, typename Key, typename Build>
const typename Map::mapped_type::element_type& EvidenceIndex::Lazy(Map& map, const Key& key,
                                                                   Build build) const {
  {
    std::shared_lock read(mu_);
    auto it = map.find(key);
    if (it != map.end()) return *it->second;
  }
  std::unique_lock write(mu_);
  auto& slot = map[key];
  if (!slot) slot = build();
  return *slot;
}

std::vector<const Event*> EvidenceIndex::Join(const std::string& type, const std::string& field,
                                              const std::string& value) const {
  std::hash<std::string_view> hash;
  const JoinIndex& join = Lazy(joins_, type + '\0' + field, [&] {
    auto built = std::make_unique<JoinIndex>();
    for (const Event* e : Events(type)) {
      std::string v = e->Str(field);
      if (!v.empty()) built->emplace_back(hash(v), e);
    }
    // Stable: events of one value stay in time order.
    std::stable_sort(built->begin(), built->end(),
                     [](const auto& a, const auto& b) { return a.first < b.first; });
    return built;
  });
  std::vector<const Event*> out;
  size_t h = hash(value);
  auto it = std::lower_bound(join.begin(), join.end(), h,
                             [](const auto& entry, size_t key) { return entry.first < key; });
  for (; it != join.end() && it->first == h; ++it) {
    if (it->second->Str(field) == value) out.push_back(it->second);
  }
  return out;
}

const Event* EvidenceIndex::IssuanceOf(const Certificate& cert) const {
  auto it = issuance_.find(&cert);
  return it == issuance_.end() ? nullptr : it->second.event;
}

const Certificate* EvidenceIndex::CertificateOf(const Event& issued) const {
  auto it = issued_certificate_.find(&issued);
  return it == issued_certificate_.end() ? nullptr : it->second;
}

bool EvidenceIndex::OwnsIssuance(const Certificate& cert) const {
  auto it = issuance_.find(&cert);
  return it != issuance_.end() && it->second.own;
}

const Certificate* EvidenceIndex::CertificateBySerial(const std::string& serial) const {
  auto it = certs_by_serial_.find(serial);
  return it == certs_by_serial_.end() ? nullptr : it->second;
}

const Csr* EvidenceIndex::CsrByPath(const std::string& path) const {
  auto it = csrs_by_path_.find(path);
  return it == csrs_by_path_.end() ? nullptr : it->second;
}

bool EvidenceIndex::Lists(const Crl& crl, const std::string& serial) const {
  std::hash<std::string> hash;
  const SerialIndex& index = Lazy(listed_, &crl, [&] {
    auto built = std::make_unique<SerialIndex>();
    built->reserve(crl.entry_stats().count);
    CrlEntryCursor cursor(crl);
    CrlEntry e;
    for (size_t offset = 0; cursor.Next(&e); offset = cursor.offset()) {
      built->emplace_back(hash(e.SerialHex()), offset);
    }
    std::sort(built->begin(), built->end());
    return built;
  });
  size_t h = hash(serial);
  for (auto it = std::lower_bound(index.begin(), index.end(), std::make_pair(h, size_t{0}));
       it != index.end() && it->first == h; ++it) {
    CrlEntryCursor cursor(crl, it->second);
    CrlEntry e;
    if (cursor.Next(&e) && e.SerialHex() == serial) return true;
  }
  return false;
}

std::optional<UnixTime> EvidenceIndex::PublishedAt(const Crl& crl) const {
  if (!RecordsPublication()) return crl.this_update();
  auto it = crl_published_.find(crl.source().path);
  if (it == crl_published_.end()) return std::nullopt;
  return it->second;
}

}  // namespace cpaudit
