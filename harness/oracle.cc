#include "harness/oracle.h"

#include <stdexcept>

#include "harness/audit.h"
#include "harness/evaluator.h"
#include "harness/pack.h"

namespace cpaudit {

struct Oracle::Impl {
  std::unique_ptr<Pack> pack;
  std::unique_ptr<BusinessCalendar> calendar;
  std::vector<CaCertificate> cas;  // decoded once, shared with every check
};

Oracle::Oracle(std::unique_ptr<Impl> impl) : impl_(std::move(impl)) {}
Oracle::~Oracle() = default;

bool Oracle::Result::Fails(Severity at_or_above) const {
  for (const Finding& f : findings) {
    if (f.status == Status::kFail && f.severity >= at_or_above) return true;
  }
  return false;
}

std::unique_ptr<Oracle> Oracle::Create(const OracleOptions& options) {
  auto impl = std::make_unique<Impl>();
  impl->pack = options.pack_dir ? LoadPackDir(*options.pack_dir)
                                : LoadPack(EmbeddedDefaultPack(), "built-in pack");
  impl->calendar = std::make_unique<BusinessCalendar>(impl->pack->calendar);
  std::string error;
  auto items = SplitEncoded(
      ByteView(reinterpret_cast<const uint8_t*>(options.ca_pem.data()), options.ca_pem.size()),
      &error);
  if (!items) throw std::invalid_argument("CA certificate: " + error);
  Evidence decoded;
  for (auto& item : *items) {
    auto cert = Certificate::Parse(std::move(item.der), Source{"ca"}, &error);
    if (!cert) throw std::invalid_argument("CA certificate: " + error);
    decoded.AddCa(std::move(cert));
  }
  if (decoded.cas().empty()) throw std::invalid_argument("no CA certificate");
  impl->cas = decoded.cas();
  return std::unique_ptr<Oracle>(new Oracle(std::move(impl)));
}

namespace {

enum class Kind { kCertificate, kCrl, kCsr };

Oracle::Result CheckOne(const Pack& pack, const BusinessCalendar& calendar,
                        const std::vector<CaCertificate>& cas, Kind kind, ByteView der,
                        std::optional<UnixTime> at) {
  Evidence evidence;
  for (const CaCertificate& ca : cas) evidence.AddCa(ca);
  std::string error;
  Bytes bytes = ToBytes(der);
  Source source{kind == Kind::kCertificate ? "certificate" : kind == Kind::kCrl ? "crl" : "csr"};
  bool parsed = false;
  std::string serial, subject;
  if (kind == Kind::kCertificate) {
    if (auto c = Certificate::Parse(std::move(bytes), source, &error)) {
      serial = c->serial_hex();
      subject = c->subject().text;
      evidence.AddCertificate(std::move(c));
      parsed = true;
    }
  } else if (kind == Kind::kCrl) {
    if (auto c = Crl::Parse(std::move(bytes), source, &error)) {
      evidence.AddCrl(std::move(c));
      parsed = true;
    }
  } else if (auto c = Csr::Parse(std::move(bytes), source, &error)) {
    subject = c->subject().text;
    evidence.AddCsr(std::move(c));
    parsed = true;
  }
  if (!parsed) evidence.AddProblem({source.path, error});
  EvaluateOptions options;
  options.at = at ? *at : Now();
  options.threads = 1;
  options.calendar = &calendar;
  RunResult run = Evaluate(pack, evidence, "oracle", options);
  Oracle::Result result;
  result.parsed = parsed;
  result.serial = serial;
  result.subject = subject;
  for (Finding& f : run.findings) {
    if (f.status == Status::kFail) result.findings.push_back(std::move(f));
  }
  return result;
}

}  // namespace

Oracle::Result Oracle::CheckCertificate(ByteView der, std::optional<UnixTime> at) const {
  return CheckOne(*impl_->pack, *impl_->calendar, impl_->cas, Kind::kCertificate, der, at);
}
Oracle::Result Oracle::CheckCrl(ByteView der, std::optional<UnixTime> at) const {
  return CheckOne(*impl_->pack, *impl_->calendar, impl_->cas, Kind::kCrl, der, at);
}
Oracle::Result Oracle::CheckCsr(ByteView der, std::optional<UnixTime> at) const {
  return CheckOne(*impl_->pack, *impl_->calendar, impl_->cas, Kind::kCsr, der, at);
}

}  // namespace cpaudit
