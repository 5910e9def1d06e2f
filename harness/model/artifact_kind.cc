#include "harness/model/artifact_kind.h"

#include <algorithm>

namespace cpaudit {

const std::vector<ArtifactKindInfo>& ArtifactKinds() {
  static const std::vector<ArtifactKindInfo> kKinds = {
      {ArtifactKind::kCertificate,
       "certificate",
       "certificates",
       {"CERTIFICATE", "X509 CERTIFICATE"},
       {"certs", "ca", "repository"}},
      {ArtifactKind::kCrl, "crl", "CRLs", {"X509 CRL"}, {"crls"}},
      {ArtifactKind::kCsr,
       "csr",
       "CSRs",
       {"CERTIFICATE REQUEST", "NEW CERTIFICATE REQUEST"},
       {"csrs"}},
      {ArtifactKind::kEvent, "events", "matching events", {}, {"events"}},
      {ArtifactKind::kCorpus, "corpus", "artifacts", {}, {}},
  };
  return kKinds;
}

const ArtifactKindInfo& InfoOf(ArtifactKind kind) {
  return ArtifactKinds()[static_cast<size_t>(kind)];
}

std::string_view ToString(ArtifactKind kind) { return InfoOf(kind).name; }

std::optional<ArtifactKind> ParseArtifactKind(std::string_view name) {
  for (const ArtifactKindInfo& k : ArtifactKinds()) {
    if (k.name == name) return k.kind;
  }
  return std::nullopt;
}

std::optional<ArtifactKind> KindOfPemLabel(std::string_view label) {
  for (const ArtifactKindInfo& k : ArtifactKinds()) {
    if (std::find(k.pem_labels.begin(), k.pem_labels.end(), label) != k.pem_labels.end()) {
      return k.kind;
    }
  }
  return std::nullopt;
}

ArtifactKind KindOfFolder(std::string_view folder) {
  for (const ArtifactKindInfo& k : ArtifactKinds()) {
    if (std::find(k.folders.begin(), k.folders.end(), folder) != k.folders.end()) return k.kind;
  }
  return ArtifactKind::kCertificate;
}

}  // namespace cpaudit
