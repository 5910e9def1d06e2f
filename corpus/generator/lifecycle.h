#pragma once
// Life-cycle fixtures (CP chapters 3 and 4): applications flowing through
// approval, issuance, dispatch and acceptance, revocations, CRLs and the
// repository snapshot, as the event log and the artifacts show them.

#include <algorithm>
#include <map>

#include "corpus/generator/kit.h"

namespace fixtures {

// One application through to acceptance, all compliant: received 09:00,
// approved 10:00, notified 10:05, issued 11:00 (the certificate's notBefore),
// dispatched the next day, receipt the day after.
struct Flow {
  std::string name = "tsa";  // the file names: certs/NAME.pem, csrs/NAME.pem
  std::string application = "A-1";
  long serial = 0x1001;
  std::string key = "sub-1";
  std::string subject = "C=JP, O=Example Time Corp, OU=TSA 1, CN=Example TSA 1";
  std::string subscriber = "Example Time Corp";
  std::string profile = "tsa";
  int y = 2026, m = 3, d = 2;  // Monday 2 March 2026

  time_t At(int hour, int minute = 0, int days_later = 0) const {
    return Jst(y, m, d, hour, minute) + days_later * 86400;
  }
  CertSpec Cert() const {
    CertSpec s;
    s.subject = subject;
    s.key = key;
    s.serial = serial;
    s.not_before = At(11);
    s.not_after = At(11, 0, 365);
    if (profile == "ta") s.eku.clear();
    return s;
  }
  std::vector<Json> Events() const {
    return {
        Ev(At(9), "application_received",
           {{"application", application},
            {"subscriber", subscriber},
            {"profile", profile},
            {"documents", {"application_form", "organization_proof", "csr"}},
            {"csr", "csrs/" + name + ".pem"}}),
        Ev(At(10), "application_approved", {{"application", application}, {"by", "RA officer 1"}}),
        Ev(At(10, 5), "applicant_notified",
           {{"application", application}, {"decision", "approved"}}),
        Ev(At(11), "certificate_issued",
           {{"application", application},
            {"serial", SerialText(serial)},
            {"subscriber", subscriber},
            {"profile", profile},
            {"certificate", "certs/" + name + ".pem"}}),
        Ev(At(10, 0, 1), "certificate_dispatched",
           {{"serial", SerialText(serial)}, {"method", "post"}}),
        Ev(At(10, 0, 2), "acceptance_received", {{"serial", SerialText(serial)}}),
    };
  }
};

// A life-cycle fixture: flows of issuance (certificates, CSRs, repository
// copies, events) and a CRL issued at 12:00 on the day of the flows. The
// repository snapshot holds the certificates and the newest CRL, as DER under
// the CRLDP's name. Cases change the pieces, then Write() them with the
// findings they must produce.
struct LifecycleCase {
  fs::path dir;
  std::vector<Flow> flows;
  std::vector<Json> events;
  std::vector<CrlSpec> crls;
  std::vector<std::string> unpublished;  // flow names left out of repository/
  std::optional<size_t> repository_crl;  // index into crls; default: the newest
  std::string config;                    // more of cpaudit.yaml
  std::map<std::string, Bytes> csr_override;

  LifecycleCase(const fs::path& root, const std::string& rule, const std::string& name,
                std::vector<Flow> f)
      : dir(root / rule / name), flows(std::move(f)) {
    for (const Flow& flow : flows) {
      auto e = flow.Events();
      events.insert(events.end(), e.begin(), e.end());
    }
    CrlSpec crl;
    crl.this_update = flows.front().At(12);
    crl.next_update = crl.this_update + 90 * 86400;
    crl.revoked = {{0x0999, Jst(2026, 2, 27, 10), 1}};
    crls.push_back(crl);
  }

  // The event of a type for an application or serial.
  Json& Find(const std::string& type, const std::string& key) {
    for (Json& e : events) {
      if (e["type"] == type &&
          (e.value("application", "") == key || e.value("serial", "") == key)) {
        return e;
      }
    }
    Die("no " + type + " " + key);
  }
  void Remove(const std::string& type, const std::string& key) {
    Json& e = Find(type, key);
    events.erase(events.begin() + (&e - events.data()));
  }

  void Write(const std::vector<std::string>& expected) {
    Bundle b(dir);
    b.Ca();
    for (const Flow& f : flows) {
      b.Cert(f.name, f.Cert());
      if (std::find(unpublished.begin(), unpublished.end(), f.name) == unpublished.end()) {
        b.Publish(f.name, f.Cert());
      }
      auto it = csr_override.find(f.name);
      b.Csr(f.name, it != csr_override.end() ? it->second : MakeCsr(f.key, f.subject));
    }
    for (size_t i = 0; i < crls.size(); ++i) b.Crl("crl-" + std::to_string(i + 1), crls[i]);
    size_t newest = 0;
    for (size_t i = 0; i < crls.size(); ++i) {
      if (crls[i].this_update <= Utc(2026, 6, 1) /* kFixtureAt */ &&
          crls[i].this_update > crls[newest].this_update)
        newest = i;
    }
    Bytes crl_der = MakeCrl(crls[repository_crl.value_or(newest)]);
    b.File("repository/SCRoot1CRL.crl", std::string(crl_der.begin(), crl_der.end()));
    std::stable_sort(events.begin(), events.end(), [](const Json& a, const Json& c) {
      return a["time"].get<std::string>() < c["time"].get<std::string>();
    });
    b.Events(events).Config(config).Expect(expected);
  }
};

inline Flow SecondFlow() {
  Flow f;
  f.name = "ta";
  f.application = "A-2";
  f.serial = 0x1002;
  f.key = "sub-2";
  f.subject = "C=JP, O=Example Time Corp, OU=TA 1, CN=Example Time Authority 1";
  f.profile = "ta";
  return f;
}

// A revocation handled by the book: requested by post five business days
// ahead, verified, accepted, revoked at the wanted date, listed on a CRL an
// hour later.
inline std::vector<Json> Revocation(const std::string& request, long serial, time_t requested,
                                    time_t revoked, const std::string& reason = "superseded") {
  std::string s = SerialText(serial);
  return {Ev(requested, "revocation_requested",
             {{"request", request},
              {"serial", s},
              {"reason", reason},
              {"channel", "post"},
              {"urgent", false},
              {"desired_date", JstText(revoked).substr(0, 10)}}),
          Ev(requested + 3600, "revocation_request_verified",
             {{"request", request}, {"by", "RA officer 2"}}),
          Ev(revoked - 3600, "revocation_request_accepted", {{"request", request}}),
          Ev(revoked, "certificate_revoked",
             {{"serial", s}, {"request", request}, {"reason", reason}})};
}

}  // namespace fixtures
