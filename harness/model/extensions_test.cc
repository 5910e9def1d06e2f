#include "harness/model/extensions.h"

#include <fmt/format.h>
#include <gtest/gtest.h>
#include <openssl/x509v3.h>

#include "harness/model/openssl_ptr.h"

namespace cpaudit {
namespace {

Bytes FromHex(std::string_view hex) {
  Bytes out;
  for (size_t i = 0; i + 1 < hex.size(); i += 2) {
    out.push_back(static_cast<uint8_t>(std::stoi(std::string(hex.substr(i, 2)), nullptr, 16)));
  }
  return out;
}

// A TLV in hex, with a short-form length (every value here is under 128 octets).
std::string Tlv(const char* tag, const std::string& content_hex) {
  return fmt::format("{}{:02x}{}", tag, content_hex.size() / 2, content_hex);
}

// Extensions ::= SEQUENCE { Extension { extnID, extnValue } } around one value.
Extensions ParseOne(const char* oid_tlv_hex, const std::string& value_hex) {
  std::string error;
  auto parsed =
      ParseExtensions(FromHex(Tlv("30", Tlv("30", oid_tlv_hex + Tlv("04", value_hex)))), &error);
  EXPECT_TRUE(parsed) << error;
  return parsed ? *parsed : Extensions{};
}

bool OpenSslReads(const char* oid, const Bytes& value) {
  const unsigned char* p = value.data();
  long n = static_cast<long>(value.size());
  bool read = false;
  if (std::string_view(oid) == "2.5.29.37") {
    ossl::ExtendedKeyUsage v(d2i_EXTENDED_KEY_USAGE(nullptr, &p, n));
    read = v != nullptr;
  } else if (std::string_view(oid) == "2.5.29.32") {
    ossl::CertificatePolicies v(d2i_CERTIFICATEPOLICIES(nullptr, &p, n));
    read = v != nullptr;
  } else {
    ossl::CrlDistPoints v(d2i_CRL_DIST_POINTS(nullptr, &p, n));
    read = v != nullptr;
  }
  return read && p == value.data() + value.size();
}

struct Case {
  const char* name;
  const char* oid;
  const char* hex;  // the extnValue
  bool openssl_reads;
};

// Values the TLV reader takes itself, and values it leaves to OpenSSL (BER,
// the rarer GeneralName forms, malformed ones): the verdict is OpenSSL's.
const Case kCases[] = {
    {"eku timeStamping", "2.5.29.37", "300a06082b06010505070308", true},
    {"eku empty", "2.5.29.37", "3000", true},
    {"eku with an INTEGER", "2.5.29.37", "3003020101", false},
    {"eku with a padded OID", "2.5.29.37", "300406028001", false},
    {"eku with an indefinite length (BER)", "2.5.29.37", "308006082b060105050703080000", true},
    {"CPS in an IA5String", "2.5.29.32",
     "301b301906032b03333012301006082b06010505070201160461626364", true},
    {"CPS in a UTF8String", "2.5.29.32",
     "301b301906032b03333012301006082b060105050702010c0461626364", false},
    {"userNotice with noticeRef and explicitText", "2.5.29.32",
     "3028302606032b0333301f301d06082b060105050702023011300a16036f726730030201010c03616263", true},
    {"userNotice with a BOOLEAN notice number", "2.5.29.32",
     "3028302606032b0333301f301d06082b060105050702023011300a16036f726730030101ff0c03616263", false},
    {"userNotice with a padded notice number", "2.5.29.32",
     "3024302206032b0333301b301906082b06010505070202300d300b16036f7267300402020001", false},
    {"userNotice with an odd-length BMPString", "2.5.29.32",
     "301a301806032b03333011300f06082b0601050507020230031e0141", false},
    {"qualifier of another id, any value", "2.5.29.32",
     "3016301406032b0333300d300b06032a0304040401020304", true},
    {"policy without qualifiers", "2.5.29.32", "3007300506032b0333", true},
    {"crldp one URI", "2.5.29.31", "3010300ea00ca00a8608687474703a2f2f61", true},
    {"crldp URI and reasons", "2.5.29.31", "30143012a00ca00a8608687474703a2f2f6181020560", true},
    {"crldp reasons with 8 unused bits", "2.5.29.31",
     "30143012a00ca00a8608687474703a2f2f6181020800", false},
    {"crldp relative name", "2.5.29.31", "30123010a00ea10c300a06035504030c03616263", true},
    {"crldp relative name holding an INTEGER", "2.5.29.31", "30093007a005a103020101", false},
    {"crldp directoryName", "2.5.29.31", "30183016a014a012a410300e310c300a06035504030c03616263",
     true},
    {"crldp cRLIssuer", "2.5.29.31", "301c301aa00ca00a8608687474703a2f2f61a20a8608687474703a2f2f62",
     true},
    {"crldp empty distribution point", "2.5.29.31", "30023000", true},
    {"crldp constructed URI (BER)", "2.5.29.31", "300c300aa008a006a60416026162", true},
    {"crldp trailing bytes", "2.5.29.31", "3010300ea00ca00a8608687474703a2f2f610500", false},
};

TEST(Extensions, AcceptsWhatOpenSslAccepts) {
  for (const Case& c : kCases) {
    Bytes value = FromHex(c.hex);
    std::string_view oid = c.oid;
    const char* oid_tlv = oid == "2.5.29.37"   ? "0603551d25"
                          : oid == "2.5.29.32" ? "0603551d20"
                                               : "0603551d1f";
    Extensions exts = ParseOne(oid_tlv, c.hex);
    ASSERT_EQ(exts.list.size(), 1u) << c.name;
    EXPECT_EQ(OpenSslReads(c.oid, value), c.openssl_reads) << c.name;
    EXPECT_EQ(exts.list[0].error.empty(), c.openssl_reads) << c.name << ": " << exts.list[0].error;
  }
}

TEST(Extensions, ReadsPurposesPoliciesAndUris) {
  Extensions eku = ParseOne("0603551d25", "300a06082b06010505070308");
  EXPECT_EQ(*eku.extended_key_usage, std::vector<std::string>{"1.3.6.1.5.5.7.3.8"});

  Extensions cp =
      ParseOne("0603551d20", "301b301906032b03333012301006082b06010505070201160461626364");
  ASSERT_EQ(cp.certificate_policies->size(), 1u);
  EXPECT_EQ(cp.certificate_policies->at(0).oid, "1.3.3.51");
  EXPECT_EQ(cp.certificate_policies->at(0).qualifier_ids,
            std::vector<std::string>{"1.3.6.1.5.5.7.2.1"});
  EXPECT_EQ(cp.certificate_policies->at(0).cps_uris, std::vector<std::string>{"abcd"});

  // The BER constructed URI is read through OpenSSL, with its value.
  Extensions ber = ParseOne("0603551d1f", "300c300aa008a006a60416026162");
  EXPECT_TRUE(ber.list[0].error.empty()) << ber.list[0].error;
  EXPECT_EQ(ber.crl_distribution_points->at(0).uris, std::vector<std::string>{"ab"});

  Extensions dp =
      ParseOne("0603551d1f", "301c301aa00ca00a8608687474703a2f2f61a20a8608687474703a2f2f62");
  ASSERT_EQ(dp.crl_distribution_points->size(), 1u);
  EXPECT_EQ(dp.crl_distribution_points->at(0).uris, std::vector<std::string>{"http://a"});
  EXPECT_TRUE(dp.crl_distribution_points->at(0).has_crl_issuer);
}

}  // namespace
}  // namespace cpaudit
