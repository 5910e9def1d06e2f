#include "harness/evidence_index.h"

#include <algorithm>

namespace cpaudit {
namespace {

const std::vector<const Event*>& Empty() {
  static const std::vector<const Event*> kEmpty;
  return kEmpty;
}

}  // namespace

EvidenceIndex::EvidenceIndex(const Evidence& evidence, const BusinessCalendar& calendar)
    : evidence_(evidence), calendar_(calendar) {
  for (const Event& e : evidence.events()) by_type_[e.type].push_back(&e);
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
    if (!path.empty()) crl_published_.emplace(path, e->time);
  }
}

const std::vector<const Event*>& EvidenceIndex::Events(const std::string& type) const {
  auto it = by_type_.find(type);
  return it == by_type_.end() ? Empty() : it->second;
}

const std::vector<const Event*>& EvidenceIndex::Join(const std::string& type,
                                                     const std::string& field,
                                                     const std::string& value) const {
  std::lock_guard lock(mu_);
  auto& slot = joins_[type + '\0' + field];
  if (!slot) {
    slot = std::make_unique<std::unordered_map<std::string, EventList>>();
    for (const Event* e : Events(type)) {
      std::string v = e->Str(field);
      if (!v.empty()) (*slot)[v].push_back(e);
    }
  }
  auto it = slot->find(value);
  return it == slot->end() ? Empty() : it->second;
}

const Event* EvidenceIndex::IssuanceOf(const std::string& serial) const {
  const auto& list = Join("certificate_issued", "serial", serial);
  return list.empty() ? nullptr : list.front();
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
  std::lock_guard lock(mu_);
  auto& slot = listed_[&crl];
  if (!slot) {
    slot = std::make_unique<std::unordered_set<std::string>>();
    for (const CrlEntry& e : crl.entries()) slot->insert(e.serial_hex);
  }
  return slot->count(serial) > 0;
}

UnixTime EvidenceIndex::PublishedAt(const Crl& crl) const {
  auto it = crl_published_.find(crl.source().path);
  return it == crl_published_.end() ? crl.this_update() : it->second;
}

}  // namespace cpaudit
