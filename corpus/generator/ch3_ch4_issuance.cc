// Life-cycle fixtures of CP 3.1.5-4.8: names, applications, issuance,
// acceptance, publication, renewal, re-key and modification.

#include "corpus/generator/lifecycle.h"

namespace fixtures {

void MakeIssuanceFixtures(const fs::path& root) {
  const std::string kAt = "2026-06-01 09:00 JST";  // kFixtureAt in Japan time
  // Everything by the book: two issuances, one revocation with its CRL.
  {
    LifecycleCase c(root, "compliant-lifecycle", "issue-and-revoke", {Flow{}, SecondFlow()});
    time_t requested = Jst(2026, 4, 1, 10);  // Wednesday
    time_t revoked = Jst(2026, 4, 8, 10);    // the fifth business day after
    auto r = Revocation("R-1", 0x1002, requested, revoked);
    c.events.insert(c.events.end(), r.begin(), r.end());
    CrlSpec after = c.crls[0];
    after.this_update = revoked + 3600;
    after.number = 8;
    after.revoked.push_back({0x1002, revoked, 4});
    c.crls.push_back(after);
    c.Write(
        {"NOTICE cp-9.6.3-relying-party certs/ta.pem: a relying party would not rely on it: "
         "revoked 2026-04-08T01:00:00Z (superseded) per crls/crl-2.pem"});
  }
  {
    Flow a;
    Flow b = SecondFlow();
    b.subject = a.subject;
    b.subscriber = "Other Time Inc";
    LifecycleCase c(root, "cp-3.1.5-subject-unique", "two-subscribers", {a, b});
    c.Write(
        {"ERROR cp-3.1.5-subject-unique certs/tsa.pem: subject \"C=JP, O=Example Time Corp, "
         "OU=TSA 1, CN=Example TSA 1\" of subscriber Example Time Corp also names subscriber "
         "Other Time Inc in certs/ta.pem (scope subscriber)",
         "ERROR cp-3.1.5-subject-unique certs/ta.pem: subject \"C=JP, O=Example Time Corp, "
         "OU=TSA 1, CN=Example TSA 1\" of subscriber Other Time Inc also names subscriber "
         "Example Time Corp in certs/tsa.pem (scope subscriber)"});
    // The literal reading: no two certificates share a DN, whoever holds them.
    b.subscriber = a.subscriber;
    LifecycleCase literal(root, "cp-3.1.5-subject-unique", "scope-certificate", {a, b});
    literal.config = "parameters:\n  subject_unique_scope: certificate\n";
    literal.Write(
        {"ERROR cp-3.1.5-subject-unique certs/tsa.pem: subject \"C=JP, O=Example Time Corp, "
         "OU=TSA 1, CN=Example TSA 1\" is also in certs/ta.pem (scope certificate)",
         "ERROR cp-3.1.5-subject-unique certs/ta.pem: subject \"C=JP, O=Example Time Corp, "
         "OU=TSA 1, CN=Example TSA 1\" is also in certs/tsa.pem (scope certificate)"});
    // Scope subscriber allows one subscriber's renewal under its DN: a notice only.
    LifecycleCase same(root, "cp-3.1.5-subject-reused", "renewal-same-subscriber", {a, b});
    same.Write(
        {"NOTICE cp-3.1.5-subject-reused certs/tsa.pem: subject \"C=JP, O=Example Time Corp, "
         "OU=TSA 1, CN=Example TSA 1\" of subscriber Example Time Corp is also the subject of "
         "certs/ta.pem, the same subscriber's: scope subscriber allows it, the literal reading "
         "of 3.1.5 (unique in all certificates) does not",
         "NOTICE cp-3.1.5-subject-reused certs/ta.pem: subject \"C=JP, O=Example Time Corp, "
         "OU=TSA 1, CN=Example TSA 1\" of subscriber Example Time Corp is also the subject of "
         "certs/tsa.pem, the same subscriber's: scope subscriber allows it, the literal reading "
         "of 3.1.5 (unique in all certificates) does not"});
    LifecycleCase distinct(root, "cp-3.1.5-subject-reused", "distinct-subjects",
                           {Flow{}, SecondFlow()});
    distinct.Write({});
  }
  {
    LifecycleCase c(root, "cp-3.2.1-csr-proof-of-possession", "bad-signature", {Flow{}});
    c.csr_override["tsa"] = MakeCsr("sub-1", Flow{}.subject, true);
    c.Write(
        {"ERROR cp-3.2.1-csr-proof-of-possession csrs/tsa.pem: its signature does not "
         "verify with its own key: the signature does not verify with the CA's public key"});
    LifecycleCase other(root, "cp-3.2.1-csr-proof-of-possession", "other-key-certified", {Flow{}});
    other.csr_override["tsa"] = MakeCsr("sub-6", Flow{}.subject);
    other.Write(
        {"ERROR cp-3.2.1-csr-proof-of-possession csrs/tsa.pem: certificate certs/tsa.pem "
         "(serial 1001, application A-1) certifies a different key"});
  }
  {
    LifecycleCase c(root, "cp-3.2.2-application-documents", "no-organization-proof", {Flow{}});
    c.Find("application_received", "A-1")["documents"] = {"application_form", "csr"};
    c.Write(
        {"WARNING cp-3.2.2-application-documents events/ca.jsonl:1: application A-1 received "
         "2026-03-02 09:00 JST lacks the document organization_proof"});
  }
  {
    LifecycleCase c(root, "cp-3.4-revocation-request-verified", "accepted-unverified", {Flow{}});
    auto r = Revocation("R-1", 0x1001, Jst(2026, 3, 2, 13), Jst(2026, 3, 9, 13));
    r.erase(r.begin() + 1);
    c.events.insert(c.events.end(), r.begin(), r.end());
    CrlSpec after = c.crls[0];
    after.this_update = Jst(2026, 3, 9, 14);
    after.revoked.push_back({0x1001, Jst(2026, 3, 9, 13), 4});
    c.crls.push_back(after);
    c.Write(
        {"WARNING cp-3.4-revocation-request-verified events/ca.jsonl:5: request R-1 requested "
         "2026-03-02 13:00 JST; revocation_request_accepted or certificate_revoked by "
         "2026-03-09 12:00 JST without revocation_request_verified before it",
         "NOTICE cp-9.6.3-relying-party certs/tsa.pem: a relying party would not rely on it: "
         "revoked 2026-03-09T04:00:00Z (superseded) per crls/crl-2.pem"});
  }
  {
    LifecycleCase c(root, "cp-4.2.2-application-decided", "never-decided", {Flow{}});
    c.events.push_back(Ev(Jst(2026, 5, 1, 9), "application_received",
                          {{"application", "A-9"},
                           {"subscriber", "Late Corp"},
                           {"documents", {"application_form", "organization_proof", "csr"}}}));
    c.Write(
        {"WARNING cp-4.2.2-application-decided events/ca.jsonl:7: application A-9 received "
         "2026-05-01 09:00 JST; deadline 2026-05-20 24:00 JST (10 business days); no "
         "application_approved or application_rejected by " +
             kAt,
         "WARNING cp-4.2.2-application-decided events/ca.jsonl:7: application A-9 received "
         "2026-05-01 09:00 JST; deadline 2026-05-20 24:00 JST (10 business days); no "
         "applicant_notified by " +
             kAt});
  }
  {
    LifecycleCase c(root, "cp-4.2.3-prompt-issuance", "eight-business-days", {Flow{}});
    c.Find("application_received", "A-1")["time"] = JstText(Jst(2026, 2, 18, 9));
    c.Find("application_approved", "A-1")["time"] = JstText(Jst(2026, 2, 18, 10));
    c.Find("applicant_notified", "A-1")["time"] = JstText(Jst(2026, 2, 18, 10, 5));
    c.Write(
        {"NOTICE cp-4.2.3-prompt-issuance events/ca.jsonl:2: application A-1 approved "
         "2026-02-18 10:00 JST; deadline 2026-02-26 24:00 JST (5 business days); issued "
         "2026-03-02 11:00 JST, 2 business days late"});
  }
  {
    LifecycleCase c(root, "cp-4.3.1-issued-after-approval", "approved-after-issuance", {Flow{}});
    c.Find("application_approved", "A-1")["time"] = JstText(Jst(2026, 3, 2, 11, 30));
    c.Find("applicant_notified", "A-1")["time"] = JstText(Jst(2026, 3, 2, 11, 35));
    c.Write(
        {"ERROR cp-4.3.1-issued-after-approval certs/tsa.pem: serial 1001 issued 2026-03-02 "
         "11:00 JST (application A-1); no application_approved before it by " +
             kAt,
         "NOTICE cp-4.2.3-prompt-issuance events/ca.jsonl:3: application A-1 approved "
         "2026-03-02 11:30 JST; deadline 2026-03-09 24:00 JST (5 business days); no "
         "certificate_issued by " +
             kAt});
    LifecycleCase unrecorded(root, "cp-4.3.1-issued-after-approval", "no-issuance-event",
                             {Flow{}, SecondFlow()});
    for (const char* type :
         {"certificate_issued", "certificate_dispatched", "acceptance_received"}) {
      unrecorded.Remove(type, type == std::string("certificate_issued") ? "A-2" : "1002");
    }
    unrecorded.Write(
        {"ERROR cp-4.3.1-issued-after-approval certs/ta.pem: serial 1002 has no "
         "certificate_issued event",
         "NOTICE cp-4.4.1-acceptance-recorded certs/ta.pem: serial 1002 has no "
         "certificate_issued event: its acceptance is not complete (the CP sets no deadline for "
         "the receipt)",
         "NOTICE cp-4.2.3-prompt-issuance events/ca.jsonl:4: application A-2 approved "
         "2026-03-02 10:00 JST; deadline 2026-03-09 24:00 JST (5 business days); no "
         "certificate_issued by " +
             kAt});
  }
  {
    LifecycleCase c(root, "cp-4.4.1-acceptance-recorded", "no-receipt", {Flow{}, SecondFlow()});
    c.Remove("acceptance_received", "1002");
    c.Write(
        {"NOTICE cp-4.4.1-acceptance-recorded certs/ta.pem: serial 1002 issued 2026-03-02 "
         "11:00 JST; no acceptance_received by " +
         kAt + ": its acceptance is not complete (the CP sets no deadline for the receipt)"});
    // A receipt two months later completes acceptance: the CP sets no deadline for it.
    LifecycleCase late(root, "cp-4.4.1-acceptance-recorded", "receipt-months-later", {Flow{}});
    late.Find("acceptance_received", "1001")["time"] = JstText(Jst(2026, 5, 11, 10));
    late.Write({});
  }
  {
    LifecycleCase c(root, "cp-4.4.1-complaint-window", "late-complaint", {Flow{}});
    c.events.push_back(Ev(Jst(2026, 3, 23, 10), "complaint_received", {{"serial", "1001"}}));
    c.Write(
        {"NOTICE cp-4.4.1-complaint-window events/ca.jsonl:5: serial 1001 dispatched "
         "2026-03-03 10:00 JST; deadline 2026-03-17 24:00 JST (14 calendar days); complained "
         "about 2026-03-23 10:00 JST, 6 days late"});
    LifecycleCase ok(root, "cp-4.4.1-complaint-window", "complaint-in-time", {Flow{}});
    ok.events.push_back(Ev(Jst(2026, 3, 10, 10), "complaint_received", {{"serial", "1001"}}));
    ok.Write({});
    // Counted in days from the dispatch date (which does not count): the 14th
    // day after it ends at 24:00, later than 336 hours after the dispatch.
    LifecycleCase last(root, "cp-4.4.1-complaint-window", "complaint-on-the-14th-day", {Flow{}});
    last.events.push_back(Ev(Jst(2026, 3, 17, 20), "complaint_received", {{"serial", "1001"}}));
    last.Write({});
  }
  {
    LifecycleCase c(root, "cp-4.4.2-published", "not-in-repository", {Flow{}, SecondFlow()});
    c.unpublished = {"ta"};
    c.Write(
        {"WARNING cp-4.4.2-published certs/ta.pem: serial 1002 is not in the repository "
         "snapshot"});
  }
  {
    Flow renewed = SecondFlow();
    renewed.key = "sub-1";
    LifecycleCase c(root, "cp-4.6-no-renewal-without-rekey", "same-key", {Flow{}, renewed});
    c.csr_override["ta"] = MakeCsr("sub-1", renewed.subject);
    std::string key_hash = Hex(KeyId("sub-1"));
    c.Write({"ERROR cp-4.6-no-renewal-without-rekey certs/tsa.pem: its public key (SHA-1 " +
                 key_hash + ") is also certified by certs/ta.pem",
             "ERROR cp-4.6-no-renewal-without-rekey certs/ta.pem: its public key (SHA-1 " +
                 key_hash + ") is also certified by certs/tsa.pem"});
    // A re-issue for a change of content (4.8.1: revocation and initial
    // issuance) replaces the old serial and may keep the key: not a renewal.
    LifecycleCase reissue(root, "cp-4.6-no-renewal-without-rekey", "reissue-keeps-key",
                          {Flow{}, renewed});
    reissue.csr_override["ta"] = MakeCsr("sub-1", renewed.subject);
    reissue.Find("certificate_issued", "A-2")["replaces"] = "1001";
    auto r = Revocation("R-1", 0x1001, Jst(2026, 2, 20, 10), Jst(2026, 3, 2, 11, 30));
    reissue.events.insert(reissue.events.end(), r.begin(), r.end());
    reissue.crls[0].revoked.push_back({0x1001, Jst(2026, 3, 2, 11, 30), 4});
    reissue.Write(
        {"NOTICE cp-9.6.3-relying-party certs/tsa.pem: a relying party would not rely on it: "
         "revoked 2026-03-02T02:30:00Z (superseded) per crls/crl-1.pem"});
  }
  {
    // Revoked for key compromise on 2 March, the same key certified on 9 March.
    Flow first;
    first.serial = 0x0999;
    Flow again = SecondFlow();
    again.key = "sub-1";
    again.d = 9;
    LifecycleCase c(root, "cp-4.7.1-no-key-reuse-after-compromise", "compromised-key-reused",
                    {first, again});
    c.csr_override["ta"] = MakeCsr("sub-1", again.subject);
    auto r = Revocation("R-1", 0x0999, Jst(2026, 3, 2, 13), Jst(2026, 3, 2, 15), "keyCompromise");
    r[0].erase("desired_date");
    c.events.push_back(
        Ev(Jst(2026, 3, 2, 12, 30), "key_compromise_discovered", {{"serial", "0999"}}));
    c.events.insert(c.events.end(), r.begin(), r.end());
    c.crls[0].this_update = Jst(2026, 3, 2, 16);
    c.crls[0].revoked = {{0x0999, Jst(2026, 3, 2, 15), 1}};
    CrlSpec later = c.crls[0];
    later.this_update = Jst(2026, 3, 9, 12);
    c.crls.push_back(later);
    std::string key_hash = Hex(KeyId("sub-1"));
    c.Write(
        {"ERROR cp-4.7.1-no-key-reuse-after-compromise certs/ta.pem: its key was revoked for "
         "keyCompromise with serial 0999 on 2026-03-02 15:00 JST (crls/crl-1.pem), yet it is "
         "valid from 2026-03-09 11:00 JST",
         "ERROR cp-4.6-no-renewal-without-rekey certs/tsa.pem: its public key (SHA-1 " + key_hash +
             ") is also certified by certs/ta.pem",
         "ERROR cp-4.6-no-renewal-without-rekey certs/ta.pem: its public key (SHA-1 " + key_hash +
             ") is also certified by certs/tsa.pem",
         "NOTICE cp-9.6.3-relying-party certs/tsa.pem: a relying party would not rely on it: "
         "revoked 2026-03-02T06:00:00Z (keyCompromise) per crls/crl-2.pem"});
  }
  {
    Flow replacement = SecondFlow();
    LifecycleCase c(root, "cp-4.8.1-modification-revokes-old", "old-not-revoked",
                    {Flow{}, replacement});
    c.Find("certificate_issued", "A-2")["replaces"] = "1001";
    c.Write(
        {"WARNING cp-4.8.1-modification-revokes-old events/ca.jsonl:8: serial 1002 issued "
         "2026-03-02 11:00 JST (replaces 1001); deadline 2026-03-03 24:00 JST (1 business "
         "day); no certificate_revoked by " +
         kAt});
    LifecycleCase ok(root, "cp-4.8.1-modification-revokes-old", "old-revoked",
                     {Flow{}, replacement});
    ok.Find("certificate_issued", "A-2")["replaces"] = "1001";
    auto r = Revocation("R-1", 0x1001, Jst(2026, 2, 20, 10), Jst(2026, 3, 2, 11, 30));
    ok.events.insert(ok.events.end(), r.begin(), r.end());
    ok.crls[0].revoked.push_back({0x1001, Jst(2026, 3, 2, 11, 30), 4});
    ok.Write(
        {"NOTICE cp-9.6.3-relying-party certs/tsa.pem: a relying party would not rely on it: "
         "revoked 2026-03-02T02:30:00Z (superseded) per crls/crl-1.pem"});
  }
}

}  // namespace fixtures
