#include "harness/model/csr.h"

#include <gtest/gtest.h>
#include <openssl/pem.h>
#include <openssl/x509.h>

#include "tests/test_util.h"

namespace cpaudit {
namespace {

// A CSR made here with OpenSSL from a fixture key.
Bytes MakeCsr(const std::string& cn) {
  EVP_PKEY* key = testing::LoadFixtureKey("sub-1");
  X509_REQ* req = X509_REQ_new();
  X509_REQ_set_version(req, 0);
  X509_NAME* name = X509_REQ_get_subject_name(req);
  X509_NAME_add_entry_by_txt(name, "O", MBSTRING_UTF8,
                             reinterpret_cast<const unsigned char*>("Example Time Corp"), -1, -1,
                             0);
  X509_NAME_add_entry_by_txt(name, "CN", MBSTRING_UTF8,
                             reinterpret_cast<const unsigned char*>(cn.c_str()), -1, -1, 0);
  X509_REQ_set_pubkey(req, key);
  X509_REQ_sign(req, key, EVP_sha256());
  unsigned char* der = nullptr;
  int len = i2d_X509_REQ(req, &der);
  Bytes out(der, der + len);
  OPENSSL_free(der);
  X509_REQ_free(req);
  EVP_PKEY_free(key);
  return out;
}

TEST(Csr, ParsesSubjectAndKey) {
  std::string error;
  auto csr = Csr::Parse(MakeCsr("TSA 1"), Source{"csrs/a.der"}, &error);
  ASSERT_TRUE(csr) << error;
  EXPECT_EQ(csr->version(), 1);
  EXPECT_EQ(csr->subject().text, "O=Example Time Corp, CN=TSA 1");
  EXPECT_EQ(csr->public_key().rsa_modulus_bits, 2048);
  EXPECT_EQ(csr->envelope().algorithm.oid, "1.2.840.113549.1.1.11");
}

TEST(Csr, EveryTruncationIsAnError) {
  Bytes der = MakeCsr("TSA 1");
  for (size_t n = 0; n < der.size(); ++n) {
    std::string error;
    EXPECT_FALSE(
        Csr::Parse(Bytes(der.begin(), der.begin() + static_cast<long>(n)), Source{"t"}, &error));
    EXPECT_FALSE(error.empty());
  }
}

}  // namespace
}  // namespace cpaudit
