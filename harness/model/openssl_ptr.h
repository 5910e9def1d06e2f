#pragma once
// RAII owners for the OpenSSL objects the model layer touches. Only code under
// harness/model/ includes this header.

#include <openssl/asn1.h>
#include <openssl/bio.h>
#include <openssl/evp.h>
#include <openssl/x509.h>
#include <openssl/x509v3.h>

#include <memory>

namespace cpaudit::ossl {

template <typename T, void (*Free)(T*)>
struct Deleter {
  void operator()(T* p) const { Free(p); }
};
template <typename T, void (*Free)(T*)>
using Ptr = std::unique_ptr<T, Deleter<T, Free>>;

using Bio = Ptr<BIO, BIO_free_all>;
using Integer = Ptr<ASN1_INTEGER, ASN1_INTEGER_free>;
using Enumerated = Ptr<ASN1_ENUMERATED, ASN1_ENUMERATED_free>;
using ExtendedKeyUsage = Ptr<EXTENDED_KEY_USAGE, EXTENDED_KEY_USAGE_free>;
using CertificatePolicies = Ptr<CERTIFICATEPOLICIES, CERTIFICATEPOLICIES_free>;
using CrlDistPoints = Ptr<CRL_DIST_POINTS, CRL_DIST_POINTS_free>;
using Pkey = Ptr<EVP_PKEY, EVP_PKEY_free>;
using MdCtx = Ptr<EVP_MD_CTX, EVP_MD_CTX_free>;
using Md = Ptr<EVP_MD, EVP_MD_free>;

}  // namespace cpaudit::ossl
