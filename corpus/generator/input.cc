// Fixtures of unreadable evidence (cpaudit-input): a truncated DER file and
// other bytes no recipe can hold.

#include "corpus/generator/kit.h"

namespace fixtures {

void MakeInputFixtures(const fs::path& root) {
  // Unreadable evidence: each file is an input finding; the rest is still evaluated.
  {
    Bundle b(root / "cpaudit-input" / "unreadable-files");
    Bytes good = MakeCert(CertSpec{});
    Bytes truncated(good.begin(), good.begin() + static_cast<long>(good.size() / 2));
    b.Ca().Crl("crl", CrlSpec{}).Cert("tsa", CertSpec{}).Config();
    b.File("certs/empty.pem", "");
    b.File("certs/garbage.der", "not a certificate\n");
    b.File("certs/truncated.der", std::string(truncated.begin(), truncated.end()));
    b.File("crls/broken.pem", "-----BEGIN X509 CRL-----\n!!!!\n-----END X509 CRL-----\n");
    b.File("events/ca.jsonl",
           "{\"time\": \"2026-05-01T08:00:00+09:00\", \"type\": \"certificate_issued\", "
           "\"serial\": \"1001\", \"profile\": \"tsa\"}\n"
           "{\"time\": \"2026-01-05 10:00\", \"type\": \"certificate_issued\"}\n"
           "{\"type\": \"crl_issued\"}\n"
           "not json\n"
           "{\"time\": \"2026-01-06T10:00:00Z\", \"type\": \"certificate_revoked\", "
           "\"serial\": \"12G4\"}\n"
           "{\"time\": \"2026-01-06T10:00:00Z\", \"type\": \"certificate_exploded\"}\n");
    b.File("events/notes.txt", "not a log\n");
    b.Expect(
        {"ERROR cpaudit-input certs/empty.pem: empty file",
         "ERROR cpaudit-input certs/garbage.der: not a readable certificate: outer SEQUENCE: "
         "malformed DER: bad tag or length",
         "ERROR cpaudit-input certs/truncated.der: not a readable certificate: outer "
         "SEQUENCE: malformed DER: bad tag or length",
         "ERROR cpaudit-input crls/broken.pem: malformed PEM after 0 block(s): bad base64 "
         "decode",
         "ERROR cpaudit-input events/ca.jsonl:2: \"time\" \"2026-01-05 10:00\" is not RFC 3339 "
         "with an offset",
         "ERROR cpaudit-input events/ca.jsonl:3: missing \"time\"",
         "ERROR cpaudit-input events/ca.jsonl:4: not valid JSON",
         "ERROR cpaudit-input events/ca.jsonl:5: \"serial\" \"12G4\" is not a hex serial number",
         "ERROR cpaudit-input events/ca.jsonl:6: unknown event type \"certificate_exploded\"; "
         "Known types: application_received application_approved application_rejected "
         "applicant_notified certificate_issued certificate_dispatched acceptance_received "
         "complaint_received key_compromise_discovered revocation_requested "
         "revocation_request_verified revocation_request_accepted certificate_revoked "
         "crl_issued crl_published",
         "ERROR cpaudit-input events/notes.txt: not an event log: event logs are *.jsonl, "
         "or an openssl ca index.txt"});
  }
}

}  // namespace fixtures
