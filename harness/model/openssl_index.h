#pragma once
// An adapter that reads the database `openssl ca` keeps (index.txt, one line per
// certificate: status, expiry, revocation[,reason], serial, file, subject) as
// certificate_issued and certificate_revoked events, so that a CA which keeps
// only that database can still be audited.

#include <functional>
#include <string>
#include <string_view>
#include <vector>

#include "harness/model/certificate.h"
#include "harness/model/event_log.h"

namespace cpaudit {

struct IndexProblem {
  int line;
  std::string message;
};

// `find` returns the certificate of a serial (lower-case hex) or null; the
// issuance time is that certificate's notBefore, as `openssl ca` sets it.
void ReadOpenSslIndex(std::string_view text, const std::string& path,
                      const std::function<const Certificate*(const std::string&)>& find,
                      std::vector<Event>* events, std::vector<IndexProblem>* problems);

}  // namespace cpaudit
