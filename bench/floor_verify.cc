// The whole-process floor for bench/whole_process.sh: read every certificate
// file of a folder, split its PEM, and verify each certificate's signature
// with the CA's key, decoded once; nothing else. `cpaudit audit --threads 1`
// over the same folder is measured against it.
//
//   cpaudit-floor CA.pem CERTS-FOLDER   -> prints the number verified
#include <cstdio>
#include <filesystem>
#include <fstream>
#include <iterator>

#include "harness/model/asn1_parts.h"
#include "harness/model/certificate.h"
#include "harness/model/evidence.h"
#include "harness/model/verification_key.h"

namespace {

cpaudit::Bytes ReadAll(const std::filesystem::path& path) {
  std::ifstream in(path, std::ios::binary);
  return cpaudit::Bytes(std::istreambuf_iterator<char>(in), {});
}

}  // namespace

int main(int argc, char** argv) {
  using namespace cpaudit;
  if (argc != 3) {
    std::fprintf(stderr, "usage: cpaudit-floor CA.pem CERTS-FOLDER\n");
    return 2;
  }
  std::string error;
  auto ca_items = SplitEncoded(ReadAll(argv[1]), &error);
  auto ca = ca_items ? Certificate::Parse(ca_items->at(0).der, Source{argv[1]}, &error) : nullptr;
  auto key = ca ? VerificationKey::FromPublicKeyInfo(ca->public_key(), &error) : nullptr;
  if (!key) {
    std::fprintf(stderr, "%s: %s\n", argv[1], error.c_str());
    return 2;
  }
  size_t verified = 0;
  for (const auto& entry : std::filesystem::directory_iterator(argv[2])) {
    auto items = SplitEncoded(ReadAll(entry.path()), &error);
    if (!items) continue;
    for (const EncodedItem& item : *items) {
      auto envelope = ParseSignedEnvelope(item.der, &error);
      std::string reason;
      if (envelope && key->Verify(*envelope, &reason) == VerifyResult::kValid) ++verified;
    }
  }
  std::printf("%zu\n", verified);
  return 0;
}
