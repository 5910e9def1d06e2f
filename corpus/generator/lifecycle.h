#pragma once
// An application flowing through approval, issuance, dispatch and
// acceptance, as the demo CA's event log and artifacts show it.

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

}  // namespace fixtures
