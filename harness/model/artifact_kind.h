#pragma once
// What rules judge: each kind of artifact the evidence holds, and the corpus
// as a whole. One table says, per kind, the name rules use (`applies_to`),
// how reports count them, the PEM labels that announce one and the evidence
// folders it is read from; the loader, the pack loader, the field model, the
// evaluator and the reports read it.

#include <optional>
#include <string_view>
#include <vector>

namespace cpaudit {

// Artifacts of one evaluation have the kinds before kCorpus.
enum class ArtifactKind { kCertificate, kCrl, kCsr, kEvent, kCorpus };
inline constexpr size_t kArtifactKinds = static_cast<size_t>(ArtifactKind::kCorpus);

struct ArtifactKindInfo {
  ArtifactKind kind;
  std::string_view name;                     // as rules name it in applies_to: "certificate"
  std::string_view plural;                   // as reports count them: "certificates"
  std::vector<std::string_view> pem_labels;  // "CERTIFICATE", "X509 CERTIFICATE"
  // The evidence folders it is read from; a DER file there is one of these.
  std::vector<std::string_view> folders;
};

// Every kind, in the enum's order.
const std::vector<ArtifactKindInfo>& ArtifactKinds();
const ArtifactKindInfo& InfoOf(ArtifactKind kind);
std::string_view ToString(ArtifactKind kind);
// The kind rules call `name`, or nullopt.
std::optional<ArtifactKind> ParseArtifactKind(std::string_view name);
// The kind a PEM block's label announces, or nullopt.
std::optional<ArtifactKind> KindOfPemLabel(std::string_view label);
// The kind a DER file in an evidence folder is: the folder's, else a certificate.
ArtifactKind KindOfFolder(std::string_view folder);

}  // namespace cpaudit
