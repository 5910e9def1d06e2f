#pragma once
// The differential oracle for the DER validator: what OpenSSL makes of the
// same bytes. OpenSSL keeps the encoding it read of a signed part and writes
// it back verbatim, so the signed part is re-encoded from the parsed fields
// (i2d_re_X509_tbs and its CRL and CSR twins), then the whole.
//
// The property (fuzz/der_differential_fuzzer.cc, tests/der_differential_test.cc):
// when ValidateDer reports nothing, OpenSSL reads the bytes and re-encodes them
// byte for byte; when OpenSSL reads them and re-encodes them differently,
// ValidateDer reports a violation.

#include "harness/model/byte_view.h"
#include "harness/model/der_validator.h"

namespace cpaudit {

enum class RoundTrip {
  kUnreadable,  // d2i failed, or did not consume every byte
  kIdentical,   // the re-encoded signed part and the whole are the input's bytes
  kDiffers,     // OpenSSL read it and wrote something else
};

RoundTrip OpenSslRoundTrip(ByteView der, DerSchema schema);

}  // namespace cpaudit
