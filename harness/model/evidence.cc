#include "harness/model/evidence.h"

#include <fcntl.h>
#include <fmt/format.h>
#include <openssl/err.h>
#include <openssl/pem.h>
#include <sys/stat.h>
#include <unistd.h>

#include <algorithm>
#include <cerrno>
#include <cstring>
#include <deque>
#include <string_view>
#include <unordered_map>

#include "harness/model/artifact_kind.h"
#include "harness/model/digest.h"
#include "harness/model/openssl_index.h"
#include "harness/model/openssl_ptr.h"
#include "harness/model/parallel.h"

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

std::string AsString(ByteView der) {
  return {reinterpret_cast<const char*>(der.data()), der.size()};
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

// What one loading job read. Jobs run on several threads; their batches are
// merged in job order, so the evidence does not depend on the threads.
struct LoadBatch {
  std::vector<std::shared_ptr<const Certificate>> cas;
  std::vector<std::shared_ptr<const Certificate>> certificates;
  std::vector<std::shared_ptr<const Crl>> crls;
  std::vector<std::shared_ptr<const Csr>> csrs;
  std::vector<std::string> published;  // the DER of repository/ items
  std::vector<Event> events;
  // At most kMaxProblemsPerFile, then only counted: a log of five million
  // bad lines costs a counter, not five million findings.
  std::vector<InputProblem> problems;
  size_t problems_omitted = 0;
  std::string file;                   // the one file the batch read
  std::optional<ManifestEntry> read;  // that file, once read

  void Problem(std::string artifact, std::string message) {
    if (problems.size() < kMaxProblemsPerFile) {
      problems.push_back({std::move(artifact), std::move(message), file});
    } else {
      ++problems_omitted;
    }
  }
};

namespace {

void AddItem(LoadBatch* batch, const std::string& part, const std::string& label, Bytes der,
             Source source) {
  std::optional<ArtifactKind> kind = label.empty() ? KindOfFolder(part) : KindOfPemLabel(label);
  std::string error;
  std::string where = source.Display();
  // The repository publishes CRLs too, often as DER under the CRLDP's name
  // (SCRoot1CRL.crl): a DER item there that is no certificate may be a CRL.
  std::optional<Bytes> maybe_crl;
  if (part == "repository" && label.empty()) maybe_crl = der;
  if (!kind) return batch->Problem(where, "unexpected PEM block \"" + label + "\"");
  switch (*kind) {
    case ArtifactKind::kCertificate:
      if (auto cert = Certificate::Parse(std::move(der), source, &error)) {
        if (part == "ca") {
          batch->cas.push_back(std::move(cert));
        } else if (part == "repository") {
          batch->published.push_back(AsString(cert->der()));
        } else {
          batch->certificates.push_back(std::move(cert));
        }
        return;
      }
      if (maybe_crl) {
        std::string crl_error;
        if (auto crl = Crl::Parse(std::move(*maybe_crl), std::move(source), &crl_error)) {
          return batch->published.push_back(AsString(crl->der()));
        }
        return batch->Problem(where, "neither a readable certificate (" + error +
                                         ") nor a readable CRL (" + crl_error + ")");
      }
      return batch->Problem(where, "not a readable certificate: " + error);
    case ArtifactKind::kCrl:
      if (auto crl = Crl::Parse(std::move(der), std::move(source), &error)) {
        // A repository copy proves publication; the series is crls/.
        if (part == "repository") return batch->published.push_back(AsString(crl->der()));
        return batch->crls.push_back(std::move(crl));
      }
      return batch->Problem(where, "not a readable CRL: " + error);
    case ArtifactKind::kCsr:
      if (auto csr = Csr::Parse(std::move(der), std::move(source), &error)) {
        return batch->csrs.push_back(std::move(csr));
      }
      return batch->Problem(where, "not a readable CSR: " + error);
    case ArtifactKind::kEvent:
    case ArtifactKind::kCorpus:
      break;  // no PEM label or DER folder announces these
  }
  batch->Problem(where, "unexpected PEM block \"" + label + "\"");
}

std::string_view AsText(const Bytes& bytes) {
  return {reinterpret_cast<const char*>(bytes.data()), bytes.size()};
}

// Reads a regular file whole. Opened without blocking and checked after
// opening, so that a FIFO or a device swapped in after listing is refused,
// never read (no hang on a FIFO, no endless /dev/zero).
std::optional<Bytes> ReadWhole(const fs::path& file, std::string* error) {
  int fd = open(file.c_str(), O_RDONLY | O_CLOEXEC | O_NONBLOCK | O_NOCTTY);
  if (fd < 0) {
    *error = std::string("cannot read the file: ") + std::strerror(errno);
    return std::nullopt;
  }
  struct stat st {};
  if (fstat(fd, &st) != 0 || !S_ISREG(st.st_mode)) {
    close(fd);
    *error = "not a regular file: not read";
    return std::nullopt;
  }
  Bytes contents(static_cast<size_t>(st.st_size));
  uint8_t beyond[4096];  // what the file gained since fstat, without doubling the buffer
  size_t done = 0;
  while (true) {
    bool inside = done < contents.size();
    uint8_t* into = inside ? contents.data() + done : beyond;
    size_t room = inside ? contents.size() - done : sizeof beyond;
    ssize_t n = read(fd, into, room);
    if (n < 0 && errno == EINTR) continue;
    if (n < 0) {
      *error = std::string("cannot read the file: ") + std::strerror(errno);
      close(fd);
      return std::nullopt;
    }
    if (n == 0) break;
    if (!inside) contents.insert(contents.end(), beyond, beyond + n);
    done += static_cast<size_t>(n);
  }
  close(fd);
  contents.resize(done);
  return contents;
}

void LoadFile(LoadBatch* batch, const std::string& part, const fs::path& file,
              const std::string& rel) {
  std::string error;
  auto contents = ReadWhole(file, &error);
  if (!contents) return batch->Problem(rel, error);
  batch->read = ManifestEntry{rel, contents->size(), Sha256Hex(AsText(*contents))};
  auto items = SplitEncoded(std::move(*contents), &error);
  if (!items) return batch->Problem(rel, error);
  int index = items->size() > 1 ? 1 : 0;
  for (EncodedItem& item : *items) {
    AddItem(batch, part, item.label, std::move(item.der), Source{rel, index, 0});
    if (index > 0) ++index;
  }
}

// A run of whole lines of an event log, numbered from first_line; or a whole
// openssl ca index.txt; or why the file cannot be read.
struct LogChunk {
  std::string rel;
  std::string_view text;
  int first_line = 1;
  bool openssl_index = false;
  std::string problem;
};

using CertificatesBySerial = std::unordered_map<std::string, const Certificate*>;

void LoadOpenSslIndex(LoadBatch* batch, const LogChunk& chunk, const CertificatesBySerial& certs) {
  std::vector<IndexProblem> problems;
  ReadOpenSslIndex(
      chunk.text, chunk.rel,
      [&](const std::string& serial) -> const Certificate* {
        auto it = certs.find(serial);
        return it == certs.end() ? nullptr : it->second;
      },
      &batch->events, &problems);
  for (const IndexProblem& p : problems) {
    batch->Problem(Source{chunk.rel, 0, p.line}.Display(), p.message);
  }
}

void LoadEventLines(LoadBatch* batch, const LogChunk& chunk) {
  int number = chunk.first_line;
  for (size_t pos = 0; pos < chunk.text.size(); ++number) {
    size_t end = std::min(chunk.text.find('\n', pos), chunk.text.size());
    std::string_view line = chunk.text.substr(pos, end - pos);
    pos = end + 1;
    if (!line.empty() && line.back() == '\r') line.remove_suffix(1);
    if (line.find_first_not_of(" \t") == std::string_view::npos) continue;
    Source source{chunk.rel, 0, number};
    if (line.size() > kMaxEventLineBytes) {
      // Not parsed: one line must not cost the memory of a whole log.
      batch->Problem(source.Display(),
                     fmt::format("the line is {} bytes, longer than the {} MiB limit: not read",
                                 line.size(), kMaxEventLineBytes >> 20));
      continue;
    }
    std::string error;
    if (auto event = ParseEventLine(line, source, &error)) {
      batch->events.push_back(std::move(*event));
    } else {
      batch->Problem(source.Display(), error);
    }
  }
}

// Splits a log into chunks of about `size` bytes at line ends.
std::vector<LogChunk> ChunkLog(const std::string& rel, std::string_view text, size_t size) {
  std::vector<LogChunk> chunks;
  int line = 1;
  for (size_t pos = 0; pos < text.size();) {
    size_t end = text.size();
    if (pos + size < text.size()) {
      size_t line_end = text.find('\n', pos + size);
      if (line_end != std::string_view::npos) end = line_end + 1;
    }
    std::string_view piece = text.substr(pos, end - pos);
    chunks.push_back({rel, piece, line, false, {}});
    line += static_cast<int>(std::count(piece.begin(), piece.end(), '\n'));
    pos = end;
  }
  return chunks;
}

}  // namespace

std::unique_ptr<Evidence> Evidence::Load(const fs::path& dir, unsigned threads) {
  std::error_code ec;
  if (!fs::is_directory(dir, ec)) {
    throw EvidenceError(fmt::format("{}: {}", dir.string(),
                                    fs::exists(dir, ec) ? "not a directory" : "no such directory"));
  }
  auto evidence = std::make_unique<Evidence>();
  evidence->root_ = dir;
  // Artifacts first: the openssl index among the events refers to certificates.
  std::vector<std::pair<std::string, fs::path>> files;
  for (const char* part : {"ca", "certs", "crls", "csrs", "repository"}) {
    for (fs::path& file : evidence->ListPart(part)) files.emplace_back(part, std::move(file));
  }
  std::vector<LoadBatch> batches(files.size());
  ParallelFor(files.size(), ThreadCount(threads, files.size()), [&](size_t i, unsigned) {
    const auto& [part, file] = files[i];
    batches[i].file = file.lexically_relative(dir).generic_string();
    LoadFile(&batches[i], part, file, batches[i].file);
  });
  for (LoadBatch& batch : batches) evidence->Merge(std::move(batch));

  // Event logs in chunks of whole lines, so that one big log uses every core.
  std::deque<Bytes> logs;  // kept (at stable addresses) while their chunks are parsed
  std::vector<LogChunk> chunks;
  for (const fs::path& file : evidence->ListPart("events")) {
    std::string rel = file.lexically_relative(dir).generic_string();
    if (file.filename() == "index.txt.attr") continue;  // the index's settings only
    bool openssl_index = file.filename() == "index.txt";
    if (!openssl_index && file.extension() != ".jsonl") {
      chunks.push_back({rel,
                        {},
                        0,
                        false,
                        "not an event log: event logs are *.jsonl, or an openssl ca index.txt"});
      continue;
    }
    std::string error;
    auto contents = ReadWhole(file, &error);
    if (!contents) {
      chunks.push_back({rel, {}, 0, false, error});
      continue;
    }
    evidence->manifest_.push_back({rel, contents->size(), Sha256Hex(AsText(*contents))});
    const Bytes& log = logs.emplace_back(std::move(*contents));
    std::string_view text(reinterpret_cast<const char*>(log.data()), log.size());
    if (openssl_index) {
      chunks.push_back({rel, text, 1, true, {}});
    } else {
      for (LogChunk& c : ChunkLog(rel, text, size_t{1} << 20)) chunks.push_back(std::move(c));
    }
  }
  CertificatesBySerial certs;
  for (const auto& c : evidence->certificates_) certs.emplace(c->serial_hex(), c.get());
  batches.assign(chunks.size(), LoadBatch{});
  ParallelFor(chunks.size(), ThreadCount(threads, chunks.size()), [&](size_t i, unsigned) {
    batches[i].file = chunks[i].rel;
    if (!chunks[i].problem.empty()) {
      batches[i].Problem(chunks[i].rel, chunks[i].problem);
    } else if (chunks[i].openssl_index) {
      LoadOpenSslIndex(&batches[i], chunks[i], certs);
    } else {
      LoadEventLines(&batches[i], chunks[i]);
    }
  });
  logs.clear();
  size_t events = evidence->events_.size();
  for (const LoadBatch& batch : batches) events += batch.events.size();
  evidence->events_.reserve(events);
  for (LoadBatch& batch : batches) evidence->Merge(std::move(batch));
  for (const auto& [file, omitted] : evidence->problems_omitted_) {
    evidence->input_problems_.push_back(
        {file, fmt::format("{} more input problems in this file are not listed (the first {} are)",
                           omitted, kMaxProblemsPerFile)});
  }
  std::sort(evidence->manifest_.begin(), evidence->manifest_.end(),
            [](const ManifestEntry& a, const ManifestEntry& b) { return a.file < b.file; });
  return evidence;
}

bool Evidence::HasPart(const std::string& part) const {
  return std::find(parts_.begin(), parts_.end(), part) != parts_.end();
}

namespace {

std::string FileKind(const fs::file_status& st) {
  switch (st.type()) {
    case fs::file_type::directory:
      return "a folder";
    case fs::file_type::fifo:
      return "a FIFO";
    case fs::file_type::socket:
      return "a socket";
    case fs::file_type::block:
      return "a block device";
    case fs::file_type::character:
      return "a character device";
    default:
      return "not a regular file";
  }
}

// What a folder named like this was probably meant to be: a file.
bool NamedLikeAFile(const fs::path& p) {
  static const std::set<std::string> kExtensions = {".pem", ".der", ".crt",   ".cer", ".crl",
                                                    ".csr", ".req", ".jsonl", ".txt"};
  return kExtensions.count(p.extension().string()) > 0;
}

}  // namespace

// Lists a folder's regular files (and symlinks to regular files), recursively.
// Everything else in it is a problem naming it, and listing goes on: an
// unreadable subfolder, a dangling symlink, a symlink loop, a symlink to a
// folder, a FIFO, a socket, a device, a folder named like a file.
void Evidence::ListTree(const fs::path& dir, std::vector<fs::path>* files) {
  auto rel = [&](const fs::path& p) { return p.lexically_relative(root_).generic_string(); };
  std::error_code ec;
  std::vector<fs::directory_entry> entries;
  fs::directory_iterator it(dir, ec);
  for (; !ec && it != fs::end(it); it.increment(ec)) entries.push_back(*it);
  if (ec) AddProblem({rel(dir), "cannot list the folder: " + ec.message()});
  std::sort(entries.begin(), entries.end());
  for (const fs::directory_entry& entry : entries) {
    const fs::path& p = entry.path();
    // The entry's type as the listing gave it (no system call per file where
    // the file system reports types); its full status only for the rare kinds.
    ec.clear();
    bool symlink = entry.is_symlink(ec);
    if (ec) {
      AddProblem({rel(p), "cannot read its status: " + ec.message()});
    } else if (symlink) {
      fs::file_status target = fs::status(p, ec);
      if (ec) {
        AddProblem({rel(p), ec == std::errc::too_many_symbolic_link_levels
                                ? "a symlink loop: not read"
                                : "a dangling symlink (" + ec.message() + "): not read"});
      } else if (!fs::is_regular_file(target)) {
        AddProblem({rel(p), "a symlink to " + FileKind(target) +
                                ": symlinks in the evidence are followed only to regular files"});
      } else {
        files->push_back(p);
      }
    } else if (entry.is_directory(ec)) {
      if (NamedLikeAFile(p)) {
        AddProblem({rel(p), "a folder named like an artifact file; its contents are read"});
      }
      ListTree(p, files);
    } else if (!ec && entry.is_regular_file(ec)) {
      files->push_back(p);
    } else {
      fs::file_status st = entry.symlink_status(ec);
      AddProblem({rel(p), ec ? "cannot read its status: " + ec.message()
                             : FileKind(st) + ", not a regular file: not read"});
    }
  }
}

std::vector<fs::path> Evidence::ListPart(const std::string& part) {
  fs::path dir = root_ / part;
  std::error_code ec;
  std::vector<fs::path> files;
  fs::file_status st = fs::symlink_status(dir, ec);
  if (!fs::exists(st)) return files;
  // The part itself may be a symlink to a folder (evidence assembled from elsewhere).
  if (!fs::is_directory(fs::status(dir, ec))) {
    AddProblem({part, ec ? "cannot follow the symlink: " + ec.message() : "expected a directory"});
    return files;
  }
  parts_.push_back(part);
  ListTree(dir, &files);
  std::sort(files.begin(), files.end());
  return files;
}

void Evidence::Merge(LoadBatch&& batch) {
  for (auto& ca : batch.cas) AddCa(std::move(ca));
  for (auto& c : batch.certificates) AddCertificate(std::move(c));
  for (auto& c : batch.crls) AddCrl(std::move(c));
  for (auto& c : batch.csrs) AddCsr(std::move(c));
  for (auto& p : batch.published) published_.insert(std::move(p));
  for (auto& e : batch.events) AddEvent(std::move(e));
  for (auto& p : batch.problems) AddProblem(std::move(p));
  if (batch.read) manifest_.push_back(std::move(*batch.read));
  if (batch.problems_omitted > 0) problems_omitted_[batch.file] += batch.problems_omitted;
  batch = LoadBatch{};  // free it now: a million events are merged batch by batch
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
void Evidence::AddProblem(InputProblem problem) {
  const std::string& file = problem.file.empty() ? problem.artifact : problem.file;
  if (++problems_per_file_[file] > kMaxProblemsPerFile) {
    ++problems_omitted_[file];
    return;
  }
  input_problems_.push_back(std::move(problem));
}

const CaCertificate* Evidence::FindIssuer(const Name& issuer, const Extensions& extensions) const {
  for (const CaCertificate& ca : cas_) {
    if (ca.certificate->subject().Matches(issuer)) return &ca;
  }
  if (extensions.authority_key_identifier && extensions.authority_key_identifier->key_id) {
    ByteView id = *extensions.authority_key_identifier->key_id;
    for (const CaCertificate& ca : cas_) {
      const Sha1Digest& h = ca.certificate->public_key().key_sha1;
      if (std::equal(id.begin(), id.end(), h.begin(), h.end())) return &ca;
    }
  }
  return cas_.size() == 1 ? &cas_.front() : nullptr;
}

}  // namespace cpaudit
