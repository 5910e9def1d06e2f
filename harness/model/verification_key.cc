#include "harness/model/verification_key.h"

#include <openssl/err.h>
#include <openssl/objects.h>

#include <mutex>
#include <unordered_map>

#include "harness/model/openssl_ptr.h"

namespace cpaudit {

struct VerificationKey::Impl {
  ossl::Pkey key;
};

VerificationKey::VerificationKey(std::unique_ptr<Impl> impl) : impl_(std::move(impl)) {}
VerificationKey::~VerificationKey() = default;

std::unique_ptr<VerificationKey> VerificationKey::FromPublicKeyInfo(const PublicKeyInfo& info,
                                                                    std::string* error) {
  const unsigned char* p = info.der.data();
  ossl::Pkey key(d2i_PUBKEY(nullptr, &p, static_cast<long>(info.der.size())));
  if (!key) {
    ERR_clear_error();
    *error = "the public key does not decode";
    return nullptr;
  }
  auto impl = std::make_unique<Impl>();
  impl->key = std::move(key);
  return std::unique_ptr<VerificationKey>(new VerificationKey(std::move(impl)));
}

namespace {

// Digests fetched once per algorithm: EVP_get_digestbynid goes through the
// provider machinery on every call otherwise.
const EVP_MD* DigestForSignatureOid(const std::string& oid, int* pkey_nid) {
  ossl::Ptr<ASN1_OBJECT, ASN1_OBJECT_free> obj(OBJ_txt2obj(oid.c_str(), 1));
  int md_nid = NID_undef;
  if (!obj || !OBJ_find_sigid_algs(OBJ_obj2nid(obj.get()), &md_nid, pkey_nid) ||
      md_nid == NID_undef) {
    return nullptr;
  }
  static std::mutex mu;
  static std::unordered_map<int, ossl::Md> cache;
  std::lock_guard lock(mu);
  auto it = cache.find(md_nid);
  if (it == cache.end()) {
    it = cache.emplace(md_nid, ossl::Md(EVP_MD_fetch(nullptr, OBJ_nid2sn(md_nid), nullptr))).first;
  }
  return it->second.get();
}

}  // namespace

VerifyResult VerificationKey::Verify(const SignedEnvelope& envelope, std::string* reason) const {
  int pkey_nid = NID_undef;
  const EVP_MD* md = DigestForSignatureOid(envelope.algorithm.oid, &pkey_nid);
  if (md == nullptr) {
    ERR_clear_error();
    *reason = "signature algorithm " + OidLongName(envelope.algorithm.oid) + " is not supported";
    return VerifyResult::kUnsupported;
  }
  if (EVP_PKEY_get_base_id(impl_->key.get()) != pkey_nid) {
    *reason =
        "signature algorithm " + OidLongName(envelope.algorithm.oid) + " does not fit the CA key";
    return VerifyResult::kInvalid;
  }
  ossl::MdCtx ctx(EVP_MD_CTX_new());
  if (!ctx || EVP_DigestVerifyInit(ctx.get(), nullptr, md, nullptr, impl_->key.get()) != 1) {
    ERR_clear_error();
    *reason = "cannot set up verification with " + OidLongName(envelope.algorithm.oid);
    return VerifyResult::kUnsupported;
  }
  int ok = EVP_DigestVerify(ctx.get(), envelope.signature.data(), envelope.signature.size(),
                            envelope.tbs.data(), envelope.tbs.size());
  ERR_clear_error();
  if (ok != 1) {
    *reason = "the signature does not verify with the CA's public key";
    return VerifyResult::kInvalid;
  }
  return VerifyResult::kValid;
}

}  // namespace cpaudit
