#pragma once
// An evidence bundle read from disk: every artifact parsed once, and every file
// that could not be read recorded as an input problem instead of being skipped.
//
// evidence/ ca/ certs/ crls/ csrs/ repository/ (published certificates and CRLs)
// events/*.jsonl

#include <filesystem>
#include <map>
#include <memory>
#include <optional>
#include <set>
#include <stdexcept>
#include <string>
#include <unordered_map>
#include <vector>

#include "harness/model/certificate.h"
#include "harness/model/crl.h"
#include "harness/model/csr.h"
#include "harness/model/event_log.h"
#include "harness/model/verification_key.h"

namespace cpaudit {

// The evidence directory itself is unusable (missing, not a directory).
class EvidenceError : public std::runtime_error {
 public:
  using std::runtime_error::runtime_error;
};

struct InputProblem {
  InputProblem(std::string artifact, std::string message, std::string file = {})
      : artifact(std::move(artifact)), message(std::move(message)), file(std::move(file)) {}
  std::string artifact;  // "certs/a.pem#2"
  std::string message;
  std::string file;  // the file it is in ("certs/a.pem"); empty: the artifact
};

// Input problems listed per file; past this, one more says how many were not.
inline constexpr size_t kMaxProblemsPerFile = 100;
// An event-log line longer than this is a problem of its own, not parsed.
inline constexpr size_t kMaxEventLineBytes = size_t{1} << 20;

// A file the loader read: what an auditor checks the evidence against.
struct ManifestEntry {
  std::string file;  // relative to the evidence folder: "certs/a.pem"
  uint64_t size = 0;
  std::string sha256;  // lowercase hex
};

struct CaCertificate {
  std::shared_ptr<const Certificate> certificate;
  // Shared, so evidence built per call (the oracle) reuses a key decoded once.
  std::shared_ptr<const VerificationKey> key;  // null when the key did not decode
  std::string key_error;
};

struct LoadBatch;  // what one loading job read (evidence.cc)

class Evidence {
 public:
  // Reads files on `threads` threads (0: one per core); the result is the same
  // whatever the number.
  static std::unique_ptr<Evidence> Load(const std::filesystem::path& dir, unsigned threads = 0);
  // Builds evidence from artifacts already in memory (the oracle, tests).
  Evidence() = default;
  Evidence(const Evidence&) = delete;
  Evidence& operator=(const Evidence&) = delete;

  const std::filesystem::path& root() const { return root_; }
  const std::vector<CaCertificate>& cas() const { return cas_; }
  const std::vector<std::shared_ptr<const Certificate>>& certificates() const {
    return certificates_;
  }
  const std::vector<std::shared_ptr<const Crl>>& crls() const { return crls_; }
  const std::vector<std::shared_ptr<const Csr>>& csrs() const { return csrs_; }
  const std::vector<Event>& events() const { return events_; }
  const std::vector<InputProblem>& input_problems() const { return input_problems_; }
  // Every file read, by path; files not read (not regular, unknown kind) are
  // input problems instead.
  const std::vector<ManifestEntry>& manifest() const { return manifest_; }
  // Whether repository/ (a snapshot of what the CA published) holds this
  // certificate or CRL, byte for byte.
  bool IsPublished(const Certificate& cert) const { return IsPublishedDer(cert.der()); }
  bool IsPublished(const Crl& crl) const { return IsPublishedDer(crl.der()); }
  // Which of the evidence folders existed ("ca", "certs", ...).
  bool HasPart(const std::string& part) const;

  // The CA that issued an artifact: the one whose subject is `issuer`, else the
  // one whose key `authority_key_id` names, else the only CA; null otherwise.
  const CaCertificate* FindIssuer(const Name& issuer, const Extensions& extensions) const;

  void AddCa(std::shared_ptr<const Certificate> cert);
  void AddCa(const CaCertificate& ca) { cas_.push_back(ca); }
  void AddCertificate(std::shared_ptr<const Certificate> cert);
  void AddCrl(std::shared_ptr<const Crl> crl);
  void AddCsr(std::shared_ptr<const Csr> csr);
  void AddEvent(Event event);
  void AddProblem(InputProblem problem);

 private:
  // The files of one evidence folder, sorted; records the folder as present.
  std::vector<std::filesystem::path> ListPart(const std::string& part);
  void ListTree(const std::filesystem::path& dir, std::vector<std::filesystem::path>* files);
  void Merge(LoadBatch&& batch);
  bool IsPublishedDer(ByteView der) const {
    return published_.count(
               std::string_view(reinterpret_cast<const char*>(der.data()), der.size())) > 0;
  }

  std::filesystem::path root_;
  std::vector<std::string> parts_;
  std::vector<CaCertificate> cas_;
  std::vector<std::shared_ptr<const Certificate>> certificates_;
  std::vector<std::shared_ptr<const Crl>> crls_;
  std::vector<std::shared_ptr<const Csr>> csrs_;
  std::vector<Event> events_;
  std::vector<InputProblem> input_problems_;
  std::vector<ManifestEntry> manifest_;
  std::unordered_map<std::string, size_t> problems_per_file_;
  std::map<std::string, size_t> problems_omitted_;  // by file, in order
  // The DER of each repository/ item: usually none or a handful, so that
  // judging a certificate costs no hash of it.
  std::set<std::string, std::less<>> published_;
};

// One PEM block or one DER blob found in a file.
struct EncodedItem {
  std::string label;  // PEM label, or empty for DER
  Bytes der;
};
// Splits file contents into items: every PEM block when the file has any
// "-----BEGIN", else the whole file as one DER item. nullopt with *error when
// the PEM is malformed or holds no block.
std::optional<std::vector<EncodedItem>> SplitEncoded(ByteView contents, std::string* error);
// The same, taking the contents so that a DER file becomes its item uncopied.
std::optional<std::vector<EncodedItem>> SplitEncoded(Bytes&& contents, std::string* error);

}  // namespace cpaudit
