#include "harness/model/openssl_round_trip.h"

#include <openssl/x509.h>

#include "harness/model/der_reader.h"
#include "harness/model/openssl_ptr.h"

namespace cpaudit {
namespace {

// The first element of the outer SEQUENCE: the signed part's bytes as read.
ByteView SignedPart(ByteView der) {
  std::string error;
  der::Reader outer(der);
  auto seq = outer.Next(&error);
  if (!seq) return {};
  auto tbs = der::Reader(seq->content).Next(&error);
  return tbs ? tbs->whole : ByteView();
}

bool SameAs(ByteView expected, unsigned char* encoded, int length) {
  bool same = length >= 0 && SameBytes(expected, ByteView(encoded, static_cast<size_t>(length)));
  OPENSSL_free(encoded);
  return same;
}

template <typename T, void (*Free)(T*)>
RoundTrip Compare(ByteView der, T* (*d2i)(T**, const unsigned char**, long),
                  int (*i2d_tbs)(T*, unsigned char**), int (*i2d)(const T*, unsigned char**)) {
  const unsigned char* p = der.data();
  ossl::Ptr<T, Free> parsed(d2i(nullptr, &p, static_cast<long>(der.size())));
  if (!parsed || p != der.data() + der.size()) return RoundTrip::kUnreadable;
  unsigned char* tbs = nullptr;
  int tbs_length = i2d_tbs(parsed.get(), &tbs);
  if (!SameAs(SignedPart(der), tbs, tbs_length)) return RoundTrip::kDiffers;
  unsigned char* whole = nullptr;
  int whole_length = i2d(parsed.get(), &whole);
  return SameAs(der, whole, whole_length) ? RoundTrip::kIdentical : RoundTrip::kDiffers;
}

}  // namespace

RoundTrip OpenSslRoundTrip(ByteView der, DerSchema schema) {
  switch (schema) {
    case DerSchema::kCertificate:
      return Compare<X509, X509_free>(der, d2i_X509, i2d_re_X509_tbs, i2d_X509);
    case DerSchema::kCrl:
      return Compare<X509_CRL, X509_CRL_free>(der, d2i_X509_CRL, i2d_re_X509_CRL_tbs, i2d_X509_CRL);
    case DerSchema::kCsr:
      return Compare<X509_REQ, X509_REQ_free>(der, d2i_X509_REQ, i2d_re_X509_REQ_tbs, i2d_X509_REQ);
  }
  return RoundTrip::kUnreadable;
}

}  // namespace cpaudit
