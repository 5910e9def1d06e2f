// Life-cycle fixtures of CP 4.9: revocation requests, deadlines in business
// days, CRL issuance and publication, suspension.

#include "corpus/generator/lifecycle.h"

namespace fixtures {

void MakeRevocationFixtures(const fs::path& root) {
  const std::string kAt = "2026-06-01 09:00 JST";  // kFixtureAt in Japan time
  {
    LifecycleCase c(root, "cp-4.9.3-request-channel", "email-not-urgent", {Flow{}, SecondFlow()});
    auto r = Revocation("R-1", 0x1002, Jst(2026, 3, 2, 13), Jst(2026, 3, 9, 13));
    r[0]["channel"] = "email";
    c.events.insert(c.events.end(), r.begin(), r.end());
    CrlSpec after = c.crls[0];
    after.this_update = Jst(2026, 3, 9, 14);
    after.revoked.push_back({0x1002, Jst(2026, 3, 9, 13), 4});
    c.crls.push_back(after);
    c.Write(
        {"WARNING cp-4.9.3-request-channel events/ca.jsonl:9: request R-1 (2026-03-02 13:00 "
         "JST) came by email without being marked urgent",
         "NOTICE cp-9.6.3-relying-party certs/ta.pem: a relying party would not rely on it: "
         "revoked 2026-03-09T04:00:00Z (superseded) per crls/crl-2.pem"});
  }
  {
    // Requested Monday 27 April for Thursday 30 April: Golden Week leaves 2 business days.
    LifecycleCase c(root, "cp-4.9.4-advance-notice", "golden-week", {Flow{}});
    auto r = Revocation("R-1", 0x1001, Jst(2026, 4, 27, 10), Jst(2026, 4, 30, 10));
    c.events.insert(c.events.end(), r.begin(), r.end());
    CrlSpec after = c.crls[0];
    after.this_update = Jst(2026, 4, 30, 11);
    after.revoked.push_back({0x1001, Jst(2026, 4, 30, 10), 4});
    c.crls.push_back(after);
    c.Write(
        {"WARNING cp-4.9.4-advance-notice events/ca.jsonl:7: request R-1 requested "
         "2026-04-27 10:00 JST (serial 1001); desired_date 2026-04-30 is less than 5 business "
         "days' notice: it was due by 2026-04-22 24:00 JST",
         "NOTICE cp-9.6.3-relying-party certs/tsa.pem: a relying party would not rely on it: "
         "revoked 2026-04-30T01:00:00Z (superseded) per crls/crl-2.pem"});
  }
  {
    // Requested Saturday 7 March for Friday 13 March: the 5th business day
    // before that Friday is Friday 6 March, the day before the request.
    auto notice = [&](const std::string& name, time_t requested,
                      const std::vector<std::string>& expected) {
      LifecycleCase c(root, "cp-4.9.4-advance-notice", name, {Flow{}});
      auto r = Revocation("R-1", 0x1001, requested, Jst(2026, 3, 13, 10));
      c.events.insert(c.events.end(), r.begin(), r.end());
      CrlSpec after = c.crls[0];
      after.this_update = Jst(2026, 3, 13, 11);
      after.revoked.push_back({0x1001, Jst(2026, 3, 13, 10), 4});
      c.crls.push_back(after);
      std::vector<std::string> lines = expected;
      lines.push_back(
          "NOTICE cp-9.6.3-relying-party certs/tsa.pem: a relying party would not rely on it: "
          "revoked 2026-03-13T01:00:00Z (superseded) per crls/crl-2.pem");
      c.Write(lines);
    };
    notice("saturday-for-next-friday", Jst(2026, 3, 7, 10),
           {"WARNING cp-4.9.4-advance-notice events/ca.jsonl:7: request R-1 requested 2026-03-07 "
            "10:00 JST (serial 1001); desired_date 2026-03-13 is less than 5 business days' "
            "notice: it was due by 2026-03-06 24:00 JST"});
    notice("friday-evening-for-next-friday", Jst(2026, 3, 6, 23, 30), {});
  }
  {
    // Found Thursday 30 April; requested Thursday 7 May, after Golden Week.
    LifecycleCase c(root, "cp-4.9.4-compromise-prompt", "after-golden-week", {Flow{}});
    c.events.push_back(Ev(Jst(2026, 4, 30, 16), "key_compromise_discovered", {{"serial", "1001"}}));
    auto r = Revocation("R-1", 0x1001, Jst(2026, 5, 7, 10), Jst(2026, 5, 7, 15), "keyCompromise");
    r[0].erase("desired_date");
    c.events.insert(c.events.end(), r.begin(), r.end());
    CrlSpec after = c.crls[0];
    after.this_update = Jst(2026, 5, 7, 16);
    after.revoked.push_back({0x1001, Jst(2026, 5, 7, 15), 1});
    c.crls.push_back(after);
    c.Write(
        {"WARNING cp-4.9.4-compromise-prompt events/ca.jsonl:7: serial 1001 found compromised "
         "2026-04-30 16:00 JST; deadline 2026-05-01 24:00 JST (1 business day); requested "
         "2026-05-07 10:00 JST, 1 business day late",
         "NOTICE cp-9.6.3-relying-party certs/tsa.pem: a relying party would not rely on it: "
         "revoked 2026-05-07T06:00:00Z (keyCompromise) per crls/crl-2.pem"});
  }
  {
    // Accepted Thursday 30 April 10:00; revoked Thursday 7 May 11:00.
    LifecycleCase c(root, "cp-4.9.5-revocation-deadline", "golden-week", {Flow{}});
    auto r = Revocation("R-17", 0x1001, Jst(2026, 4, 20, 10), Jst(2026, 5, 7, 11));
    r[2]["time"] = JstText(Jst(2026, 4, 30, 10));
    c.events.insert(c.events.end(), r.begin(), r.end());
    CrlSpec after = c.crls[0];
    after.this_update = Jst(2026, 5, 7, 12);
    after.revoked.push_back({0x1001, Jst(2026, 5, 7, 11), 4});
    c.crls.push_back(after);
    c.Write(
        {"ERROR cp-4.9.5-revocation-deadline events/ca.jsonl:9: request R-17 accepted "
         "2026-04-30 10:00 JST; deadline 2026-05-01 24:00 JST (1 business day); revoked "
         "2026-05-07 11:00 JST, 1 business day late",
         "NOTICE cp-9.6.3-relying-party certs/tsa.pem: a relying party would not rely on it: "
         "revoked 2026-05-07T02:00:00Z (superseded) per crls/crl-2.pem"});
    // Accepted Monday 28 December 17:00; revoked Monday 4 January: on time.
    LifecycleCase year_end(root, "cp-4.9.5-revocation-deadline", "year-end-on-time", {Flow{}});
    auto y = Revocation("R-18", 0x1001, Jst(2026, 12, 14, 10), Jst(2027, 1, 4, 10));
    y[2]["time"] = JstText(Jst(2026, 12, 28, 17));
    year_end.events.insert(year_end.events.end(), y.begin(), y.end());
    year_end.Write({});
  }
  {
    // Issued Monday 2 March 11:00; the next CRL only on Thursday 5 March.
    LifecycleCase c(root, "cp-4.9.8-crl-after-issuance", "crl-three-days-later", {Flow{}});
    c.crls[0].this_update = Jst(2026, 3, 5, 12);
    c.Write(
        {"ERROR cp-4.9.8-crl-after-issuance events/ca.jsonl:4: serial 1001 issued 2026-03-02 "
         "11:00 JST; deadline 2026-03-03 24:00 JST (1 business day); in CRL crls/crl-1.pem "
         "2026-03-05 12:00 JST (its thisUpdate: the log records no crl_published event), 2 "
         "business days late"});
  }
  {
    // The log records crl_published for the CRL of 9 March, not for the one of
    // 2 March: that one was never published and meets no deadline.
    auto published = [&](const std::string& name, bool first_published,
                         const std::vector<std::string>& expected) {
      LifecycleCase c(root, "cp-4.9.8-crl-after-issuance", name, {Flow{}});
      CrlSpec later = c.crls[0];
      later.this_update = Jst(2026, 3, 9, 12);
      later.number = 8;
      c.crls.push_back(later);
      if (first_published) {
        c.events.push_back(
            Ev(Jst(2026, 3, 2, 12, 10), "crl_published", {{"crl", "crls/crl-1.pem"}}));
      }
      c.events.push_back(Ev(Jst(2026, 3, 9, 12, 10), "crl_published", {{"crl", "crls/crl-2.pem"}}));
      c.Write(expected);
    };
    published("crl-never-published", false,
              {"ERROR cp-4.9.8-crl-after-issuance events/ca.jsonl:4: serial 1001 issued "
               "2026-03-02 11:00 JST; deadline 2026-03-03 24:00 JST (1 business day); in CRL "
               "crls/crl-2.pem 2026-03-09 12:10 JST, 4 business days late"});
    published("crl-published", true, {});
  }
  {
    // The repository snapshot holds the CRL of 2 March, not the newer one of 9 March.
    LifecycleCase c(root, "cp-4.9.8-crl-in-repository", "newest-not-published", {Flow{}});
    CrlSpec later = c.crls[0];
    later.this_update = Jst(2026, 3, 9, 12);
    later.number = 8;
    c.crls.push_back(later);
    c.repository_crl = 0;
    c.Write(
        {"WARNING cp-4.9.8-crl-in-repository crls/crl-2.pem: the newest CRL at the "
         "evaluation time is not in the repository snapshot, byte for byte"});
    LifecycleCase ok(root, "cp-4.9.8-crl-in-repository", "newest-published", {Flow{}});
    ok.crls.push_back(later);
    ok.Write({});
  }
  {
    // A suspension recorded in the log: the certificate_revoked event's reason.
    LifecycleCase c(root, "cp-4.9.9-no-suspension", "hold-in-the-log", {Flow{}});
    auto r = Revocation("R-1", 0x1001, Jst(2026, 3, 2, 13), Jst(2026, 3, 9, 13), "certificateHold");
    c.events.insert(c.events.end(), r.begin(), r.end());
    CrlSpec after = c.crls[0];
    after.this_update = Jst(2026, 3, 9, 14);
    after.revoked.push_back({0x1001, Jst(2026, 3, 9, 13), 6});
    c.crls.push_back(after);
    c.Write(
        {"ERROR cp-4.9.9-no-suspension crls/crl-2.pem: entry 1001 has reasonCode "
         "certificateHold: the CA does not suspend certificates",
         "ERROR cp-4.9.9-no-suspension events/ca.jsonl:10: serial 1001 revoked with reason "
         "certificateHold: the CA does not suspend certificates",
         "NOTICE cp-9.6.3-relying-party certs/tsa.pem: a relying party would not rely on it: "
         "revoked 2026-03-09T04:00:00Z (certificateHold) per crls/crl-2.pem"});
  }
  {
    LifecycleCase c(root, "cp-4.9.8-crl-after-revocation", "not-listed", {Flow{}});
    auto r = Revocation("R-1", 0x1001, Jst(2026, 3, 2, 13), Jst(2026, 3, 9, 13));
    c.events.insert(c.events.end(), r.begin(), r.end());
    CrlSpec after = c.crls[0];
    after.this_update = Jst(2026, 3, 9, 14);
    c.crls.push_back(after);
    c.Write(
        {"ERROR cp-4.9.8-crl-after-revocation events/ca.jsonl:10: serial 1001 revoked "
         "2026-03-09 13:00 JST; the first CRL after it, crls/crl-2.pem (thisUpdate 2026-03-09 "
         "14:00 JST), does not list it"});
  }
  {
    CrlSpec first;
    first.this_update = Jst(2026, 3, 2, 12);
    first.revoked = {{0x0999, Jst(2026, 2, 27, 10), 1}, {0x0998, Jst(2026, 2, 27, 10), 4}};
    CrlSpec second = first;
    second.this_update = Jst(2026, 4, 1, 12);
    second.revoked = {{0x0998, Jst(2026, 2, 27, 10), 4}};
    second.number = 8;
    Bundle b(root / "cp-4.9-revoked-stays-listed" / "dropped-serial");
    b.Ca().Crl("crl-1", first).Crl("crl-2", second).Config();
    b.Expect(
        {"ERROR cp-4.9-revoked-stays-listed crls/crl-2.pem: serial 0999 was listed on "
         "crls/crl-1.pem but is missing here, before the certificate expired"});
  }
  {
    CrlSpec first;
    first.this_update = Jst(2025, 3, 2, 12);
    first.next_update = Jst(2026, 3, 1, 12);
    first.revoked = {{0x0999, Jst(2025, 2, 27, 10), 1}};
    CrlSpec second = first;
    second.this_update = Jst(2026, 3, 3, 12);
    second.next_update = Jst(2026, 9, 1, 12);
    second.number = 8;
    Bundle b(root / "cp-4.9.7-crl-interval" / "gap-over-a-year");
    b.Ca().Crl("crl-1", first).Crl("crl-2", second).Config();
    b.Expect(
        {"ERROR cp-4.9.7-crl-interval crls/crl-2.pem: thisUpdate 2026-03-03T03:00:00Z is "
         "more than 1 year after the previous CRL crls/crl-1.pem (thisUpdate "
         "2025-03-02T03:00:00Z)"});
  }
}

}  // namespace fixtures
