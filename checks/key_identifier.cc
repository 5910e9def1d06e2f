#include "checks/key_identifier.h"

#include <fmt/format.h>

namespace cpaudit {
namespace {

class KeyIdentifierSha1 : public Check {
 public:
  explicit KeyIdentifierSha1(bool authority) : authority_(authority) {}

  void Evaluate(const EvalContext& ctx, Outcome* out) const override {
    const Extensions& exts = *ctx.artifact.extensions();
    const char* ext_name = authority_ ? "authorityKeyIdentifier" : "subjectKeyIdentifier";
    const Extension* ext = exts.Find(authority_ ? "2.5.29.35" : "2.5.29.14");
    if (ext == nullptr) return Fail(out, {{"problem", std::string(ext_name) + " is absent"}});
    if (!ext->error.empty()) return Fail(out, {{"problem", ext->error}});
    const Sha1Digest* expected = nullptr;
    if (authority_) {
      if (ctx.issuer_ca == nullptr) {
        out->status = Status::kNotEvaluated;
        out->reason = "no CA certificate in the evidence matches the issuer";
        return;
      }
      expected = &ctx.issuer_ca->certificate->public_key().key_sha1;
    } else {
      expected = &ctx.artifact.certificate->public_key().key_sha1;
    }
    const std::optional<ByteView>& actual =
        authority_ ? exts.authority_key_identifier->key_id : exts.subject_key_identifier;
    if (!actual) {
      return Fail(out, {{"problem", "authorityKeyIdentifier has no keyIdentifier"}});
    }
    if (SameBytes(*actual, *expected)) return;  // the common case: no text to build
    std::string expected_hex = HexEncode(*expected);
    std::string actual_hex = HexEncode(*actual);
    std::string problem =
        actual->size() != expected->size()
            ? fmt::format("{} is {} bits, not the 160-bit SHA-1 of the {} key", ext_name,
                          actual->size() * 8, authority_ ? "CA's" : "subject")
            : fmt::format("{} {} is not the SHA-1 of the {} key ({})", ext_name, actual_hex,
                          authority_ ? "CA's" : "subject", expected_hex);
    Fail(out, {{"problem", problem}, {"expected", expected_hex}, {"actual", actual_hex}});
  }

  std::string Describe() const override {
    return authority_ ? "authorityKeyIdentifier.keyIdentifier equals SHA-1 of the issuing CA's "
                        "subjectPublicKey BIT STRING value"
                      : "subjectKeyIdentifier equals SHA-1 of the certificate's own "
                        "subjectPublicKey BIT STRING value";
  }

 private:
  const bool authority_;
};

}  // namespace

PrimitiveInfo KeyIdentifierPrimitive() {
  return {"key-identifier-sha1",
          "a key identifier is the SHA-1 of the key it names (RFC 5280 4.2.1.2 method 1)",
          {"certificate", "crl"},
          {"problem", "expected", "actual"},
          [](Params& options, const std::string& applies_to) -> std::unique_ptr<Check> {
            std::string which = options.RequiredString("extension");
            if (which != "authority" && which != "subject") {
              options.Fail("extension", "expected \"authority\" or \"subject\"");
            }
            if (which == "subject" && applies_to != "certificate") {
              options.Fail("extension", "a subject key identifier exists only on certificates");
            }
            options.RejectUnknown();
            return std::make_unique<KeyIdentifierSha1>(which == "authority");
          }};
}

}  // namespace cpaudit
