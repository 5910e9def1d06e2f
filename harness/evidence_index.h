#pragma once
// Lookups over loaded evidence that life-cycle and corpus checks share: events
// by type and by a joined field, certificates by serial, CRLs in time order and
// whether a CRL lists a serial. Built once per evaluation; join indexes are
// made on first use (thread-safe) so only the joins a pack uses cost memory.

#include <memory>
#include <optional>
#include <shared_mutex>
#include <string>
#include <unordered_map>
#include <vector>

#include "harness/calendar.h"
#include "harness/model/evidence.h"
#include "harness/model/string_map.h"

namespace cpaudit {

class EvidenceIndex {
 public:
  EvidenceIndex(const Evidence& evidence, const BusinessCalendar& calendar);
  EvidenceIndex(const EvidenceIndex&) = delete;
  EvidenceIndex& operator=(const EvidenceIndex&) = delete;

  const Evidence& evidence() const { return evidence_; }
  const BusinessCalendar& calendar() const { return calendar_; }

  // Events of a type in time order (stable for equal times).
  const std::vector<const Event*>& Events(std::string_view type) const;
  // Events of a type whose string field `field` equals `value`, in time order.
  std::vector<const Event*> Join(const std::string& type, const std::string& field,
                                 const std::string& value) const;
  // A certificate_issued event is bound to the certificate its `certificate`
  // path names (and its serial), else to the certificates with its serial that
  // no event names by path. IssuanceOf: the first event bound to a
  // certificate, or null; CertificateOf: the certificate an event is bound to
  // (the first when several share its serial), or null.
  const Event* IssuanceOf(const Certificate& cert) const;
  const Certificate* CertificateOf(const Event& issued) const;
  // Whether the certificate's issuance event is its own: bound by path, or the
  // only certificate with the serial. Only then does the event's `profile`
  // say what the certificate is; two certificates sharing a serial must not
  // both take one event's profile.
  bool OwnsIssuance(const Certificate& cert) const;
  const Certificate* CertificateBySerial(const std::string& serial) const;
  const Csr* CsrByPath(const std::string& path) const;
  // All CRLs by thisUpdate.
  const std::vector<const Crl*>& CrlsByTime() const { return crls_by_time_; }
  bool Lists(const Crl& crl, const std::string& serial) const;
  // When a CRL was published: its crl_published event. A log that records
  // crl_published for other CRLs but not this one says it was never
  // published (nullopt); a log that records none leaves thisUpdate to stand in.
  std::optional<UnixTime> PublishedAt(const Crl& crl) const;
  bool RecordsPublication() const { return !crl_published_.empty(); }

 private:
  using EventList = std::vector<const Event*>;
  const Evidence& evidence_;
  const BusinessCalendar& calendar_;
  StringMap<EventList> by_type_;
  std::unordered_map<std::string, const Certificate*> certs_by_serial_;
  struct Binding {
    const Event* event = nullptr;
    bool own = false;
  };
  std::unordered_map<const Certificate*, Binding> issuance_;
  std::unordered_map<const Event*, const Certificate*> issued_certificate_;
  void BindIssuances();
  std::unordered_map<std::string, const Csr*> csrs_by_path_;
  std::vector<const Crl*> crls_by_time_;
  std::unordered_map<std::string, UnixTime> crl_published_;  // by CRL path

  // Built on first use under the exclusive lock, then only read.
  template <typename Map, typename Key, typename Build>
  const typename Map::mapped_type::element_type& Lazy(Map& map, const Key& key, Build build) const;

  // A CRL's serials as (hash, offset of the entry): 16 bytes an entry, the
  // DER re-read to confirm a match.
  using SerialIndex = std::vector<std::pair<size_t, size_t>>;
  // A join: (hash of the field's value, event), by hash and then time; 16
  // bytes an event, the field compared to confirm a match.
  using JoinIndex = std::vector<std::pair<size_t, const Event*>>;

  mutable std::shared_mutex mu_;
  mutable std::unordered_map<std::string, std::unique_ptr<JoinIndex>> joins_;  // by type, field
  mutable std::unordered_map<const Crl*, std::unique_ptr<SerialIndex>> listed_;
};

}  // namespace cpaudit
