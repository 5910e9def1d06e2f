#include "harness/model/evidence.h"

#include <fmt/format.h>
#include <openssl/err.h>
#include <openssl/pem.h>

#include <algorithm>
#include <fstream>
#include <map>
#include <string_view>

#include "harness/model/openssl_index.h"
#include "harness/model/openssl_ptr.h"

namespace cpaudit {
namespace fs = std::filesystem;

namespace {

constexpr std::string_view kPemBegin = "-----BEGIN ";

std::string OpenSslReason() {
  unsigned long code = ERR_peek_last_error();
  const char* reason = code != 0 ? ERR_reason_error_string(code) : nullptr;
  ERR_clear_error();
  return reason != nullptr ? reason : "unknown error";
}

}  // namespace

std::optional<std::vector<EncodedItem>> SplitEncoded(ByteView contents, std::string* error) {
  std::string_view text(reinterpret_cast<const char*>(contents.data()), contents.size());
  if (contents.empty()) {
    *error = "empty file";
    return std::nullopt;
  }
  std::vector<EncodedItem> items;
  if (text.find(kPemBegin) == std::string_view::npos) {
    items.push_back({"", ToBytes(contents)});
    return items;
  }
  ossl::Bio bio(BIO_new_mem_buf(contents.data(), static_cast<int>(contents.size())));
  ERR_clear_error();
  while (true) {
    char* name = nullptr;
    char* header = nullptr;
    unsigned char* data = nullptr;
    long len = 0;
    if (PEM_read_bio(bio.get(), &name, &header, &data, &len) != 1) {
      unsigned long code = ERR_peek_last_error();
      if (ERR_GET_LIB(code) == ERR_LIB_PEM && ERR_GET_REASON(code) == PEM_R_NO_START_LINE &&
          !items.empty()) {
        ERR_clear_error();
        break;
      }
      *error = fmt::format("malformed PEM after {} block(s): {}", items.size(), OpenSslReason());
      return std::nullopt;
    }
    items.push_back({name, Bytes(data, data + len)});
    OPENSSL_free(name);
    OPENSSL_free(header);
    OPENSSL_free(data);
  }
  return items;
}

std::optional<std::vector<EncodedItem>> SplitEncoded(Bytes&& contents, std::string* error) {
  std::string_view text(reinterpret_cast<const char*>(contents.data()), contents.size());
  if (contents.empty() || text.find(kPemBegin) != std::string_view::npos) {
    return SplitEncoded(ByteView(contents), error);
  }
  std::vector<EncodedItem> items;
  items.push_back({"", std::move(contents)});  // a big DER CRL is not copied
  return items;
}

std::unique_ptr<Evidence> Evidence::Load(const fs::path& dir) {
  std::error_code ec;
  if (!fs::is_directory(dir, ec)) {
    throw EvidenceError(fmt::format("{}: {}", dir.string(),
                                    fs::exists(dir, ec) ? "not a directory" : "no such directory"));
  }
  auto evidence = std::make_unique<Evidence>();
  evidence->root_ = dir;
  for (const char* part : {"ca", "certs", "crls", "csrs", "repository", "events"}) {
    evidence->LoadPart(part);
  }
  return evidence;
}

bool Evidence::HasPart(const std::string& part) const {
  return std::find(parts_.begin(), parts_.end(), part) != parts_.end();
}

void Evidence::LoadPart(const std::string& part) {
  fs::path dir = root_ / part;
  std::error_code ec;
  if (!fs::exists(dir, ec)) return;
  if (!fs::is_directory(dir, ec)) {
    AddProblem({part, "expected a directory"});
    return;
  }
  parts_.push_back(part);
  std::vector<fs::path> files;
  for (auto it = fs::recursive_directory_iterator(dir, ec); !ec && it != fs::end(it);
       it.increment(ec)) {
    if (it->is_regular_file(ec)) files.push_back(it->path());
  }
  if (ec) AddProblem({part, "cannot list: " + ec.message()});
  std::sort(files.begin(), files.end());
  for (const fs::path& file : files) {
    if (part == "events") {
      LoadEventLog(file);
    } else {
      LoadFile(part, file);
    }
  }
}

void Evidence::LoadFile(const std::string& part, const fs::path& file) {
  std::string rel = fs::relative(file, root_).generic_string();
  std::ifstream in(file, std::ios::binary | std::ios::ate);
  if (!in) {
    AddProblem({rel, "cannot open the file"});
    return;
  }
  Bytes contents(static_cast<size_t>(std::max<std::streamoff>(in.tellg(), 0)));
  in.seekg(0);
  if (!in.read(reinterpret_cast<char*>(contents.data()),
               static_cast<std::streamsize>(contents.size()))) {
    AddProblem({rel, "cannot read the file"});
    return;
  }
  std::string error;
  auto items = SplitEncoded(std::move(contents), &error);
  if (!items) {
    AddProblem({rel, error});
    return;
  }
  int index = items->size() > 1 ? 1 : 0;
  for (EncodedItem& item : *items) {
    AddItem(part, item.label, std::move(item.der), Source{rel, index, 0});
    if (index > 0) ++index;
  }
}

void Evidence::LoadEventLog(const fs::path& file) {
  std::string rel = fs::relative(file, root_).generic_string();
  if (file.filename() == "index.txt") return LoadOpenSslIndex(file, rel);
  // index.txt's companion; it holds only the CA's unique_subject setting.
  if (file.filename() == "index.txt.attr") return;
  if (file.extension() != ".jsonl") {
    AddProblem({rel, "not an event log: event logs are *.jsonl, or an openssl ca index.txt"});
    return;
  }
  std::ifstream in(file, std::ios::binary);
  if (!in) {
    AddProblem({rel, "cannot open the file"});
    return;
  }
  std::string line;
  int number = 0;
  while (std::getline(in, line)) {
    ++number;
    if (!line.empty() && line.back() == '\r') line.pop_back();
    if (line.find_first_not_of(" \t") == std::string::npos) continue;
    Source source{rel, 0, number};
    std::string error;
    if (auto event = ParseEventLine(line, source, &error)) {
      AddEvent(std::move(*event));
    } else {
      AddProblem({source.Display(), error});
    }
  }
}

void Evidence::LoadOpenSslIndex(const fs::path& file, const std::string& rel) {
  std::ifstream in(file, std::ios::binary);
  std::string text((std::istreambuf_iterator<char>(in)), std::istreambuf_iterator<char>());
  std::map<std::string, const Certificate*> by_serial;
  for (const auto& c : certificates_) by_serial.emplace(c->serial_hex(), c.get());
  std::vector<IndexProblem> problems;
  ReadOpenSslIndex(
      text, rel,
      [&](const std::string& serial) -> const Certificate* {
        auto it = by_serial.find(serial);
        return it == by_serial.end() ? nullptr : it->second;
      },
      &events_, &problems);
  for (const IndexProblem& p : problems) {
    AddProblem({Source{rel, 0, p.line}.Display(), p.message});
  }
}

void Evidence::AddItem(const std::string& part, const std::string& label, Bytes der,
                       Source source) {
  enum class Kind { kCertificate, kCrl, kCsr, kUnknown } kind = Kind::kUnknown;
  if (label.empty()) {
    kind = part == "crls" ? Kind::kCrl : part == "csrs" ? Kind::kCsr : Kind::kCertificate;
  } else if (label == "CERTIFICATE" || label == "X509 CERTIFICATE") {
    kind = Kind::kCertificate;
  } else if (label == "X509 CRL") {
    kind = Kind::kCrl;
  } else if (label == "CERTIFICATE REQUEST" || label == "NEW CERTIFICATE REQUEST") {
    kind = Kind::kCsr;
  }
  std::string error;
  std::string where = source.Display();
  switch (kind) {
    case Kind::kCertificate:
      if (auto cert = Certificate::Parse(std::move(der), std::move(source), &error)) {
        if (part == "ca") {
          AddCa(std::move(cert));
        } else if (part == "repository") {
          published_.insert(HexEncode(cert->fingerprint_sha1()));
        } else {
          AddCertificate(std::move(cert));
        }
        return;
      }
      return AddProblem({where, "not a readable certificate: " + error});
    case Kind::kCrl:
      if (auto crl = Crl::Parse(std::move(der), std::move(source), &error)) {
        return AddCrl(std::move(crl));
      }
      return AddProblem({where, "not a readable CRL: " + error});
    case Kind::kCsr:
      if (auto csr = Csr::Parse(std::move(der), std::move(source), &error)) {
        return AddCsr(std::move(csr));
      }
      return AddProblem({where, "not a readable CSR: " + error});
    case Kind::kUnknown:
      return AddProblem({where, "unexpected PEM block \"" + label + "\""});
  }
}

void Evidence::AddCa(std::shared_ptr<const Certificate> cert) {
  CaCertificate ca;
  ca.key = VerificationKey::FromPublicKeyInfo(cert->public_key(), &ca.key_error);
  ca.certificate = std::move(cert);
  cas_.push_back(std::move(ca));
}
void Evidence::AddCertificate(std::shared_ptr<const Certificate> cert) {
  certificates_.push_back(std::move(cert));
}
void Evidence::AddCrl(std::shared_ptr<const Crl> crl) { crls_.push_back(std::move(crl)); }
void Evidence::AddCsr(std::shared_ptr<const Csr> csr) { csrs_.push_back(std::move(csr)); }
void Evidence::AddEvent(Event event) { events_.push_back(std::move(event)); }
void Evidence::AddProblem(InputProblem problem) { input_problems_.push_back(std::move(problem)); }

const CaCertificate* Evidence::FindIssuer(const Name& issuer, const Extensions& extensions) const {
  for (const CaCertificate& ca : cas_) {
    if (ca.certificate->subject().Matches(issuer)) return &ca;
  }
  if (extensions.authority_key_identifier && extensions.authority_key_identifier->key_id) {
    const Bytes& id = *extensions.authority_key_identifier->key_id;
    for (const CaCertificate& ca : cas_) {
      const Sha1Digest& h = ca.certificate->public_key().key_sha1;
      if (std::equal(id.begin(), id.end(), h.begin(), h.end())) return &ca;
    }
  }
  return cas_.size() == 1 ? &cas_.front() : nullptr;
}

}  // namespace cpaudit
