#include "harness/model/certificate.h"

#include <gtest/gtest.h>
#include <openssl/x509.h>
#include <openssl/x509v3.h>

#include "harness/model/openssl_ptr.h"
#include "tests/test_util.h"

namespace cpaudit {
namespace {

using testing::FixtureCase;
using testing::PemBlocks;

std::shared_ptr<const Certificate> Load(const std::filesystem::path& file) {
  auto blocks = PemBlocks(file, "CERTIFICATE");
  EXPECT_EQ(blocks.size(), 1u) << file;
  std::string error;
  auto cert = Certificate::Parse(blocks.at(0), Source{file.filename().string()}, &error);
  EXPECT_TRUE(cert) << error;
  return cert;
}

TEST(Certificate, ParsesACompliantTsaCertificate) {
  auto cert = Load(testing::CompliantCase() / "certs" / "tsa.pem");
  ASSERT_TRUE(cert);
  EXPECT_EQ(cert->version(), 3);
  EXPECT_EQ(cert->serial_hex(), "1001");
  EXPECT_EQ(cert->issuer().text, "C=JP, O=SECOM Trust.net, OU=Security Communication RootCA1");
  EXPECT_EQ(cert->subject().text, "C=JP, O=Example Time Corp, OU=TSA 1, CN=Example TSA 1");
  EXPECT_EQ(cert->tbs_signature_algorithm().oid, "1.2.840.113549.1.1.5");
  EXPECT_EQ(cert->envelope().algorithm.oid, "1.2.840.113549.1.1.5");
  EXPECT_EQ(cert->public_key().algorithm.oid, "1.2.840.113549.1.1.1");
  EXPECT_EQ(OidLongName(cert->envelope().algorithm.oid), "sha1WithRSAEncryption");
  EXPECT_EQ(OidLongName("1.2.3.4.5"), "1.2.3.4.5");  // OpenSSL has no name for it
  EXPECT_EQ(cert->public_key().rsa_modulus_bits, 2048);
  EXPECT_EQ(FormatRfc3339(cert->not_before()), "2026-01-05T00:00:00Z");
  const Extensions& e = cert->extensions();
  ASSERT_EQ(e.list.size(), 6u);
  EXPECT_EQ(e.list[0].name, "authority_key_identifier");
  ASSERT_TRUE(e.key_usage);
  EXPECT_EQ(*e.key_usage, std::vector<std::string_view>{"digitalSignature"});
  EXPECT_TRUE(e.Find("2.5.29.15")->critical);
  ASSERT_TRUE(e.extended_key_usage);
  EXPECT_EQ(*e.extended_key_usage, std::vector<std::string>{"1.3.6.1.5.5.7.3.8"});
  ASSERT_TRUE(e.certificate_policies);
  EXPECT_EQ(e.certificate_policies->at(0).oid, "1.2.392.200091.100.901.2");
  EXPECT_EQ(e.certificate_policies->at(0).cps_uris.at(0),
            "https://repository.secomtrust.net/SC-Root1/");
  ASSERT_TRUE(e.crl_distribution_points);
  EXPECT_EQ(e.crl_distribution_points->at(0).uris.at(0),
            "http://repository.secomtrust.net/SC-Root1/SCRoot1CRL.crl");
  ASSERT_TRUE(e.subject_key_identifier);
  // The SKI the generator wrote is SHA-1 of the key BIT STRING, as the model computes.
  EXPECT_EQ(HexEncode(*e.subject_key_identifier), HexEncode(cert->public_key().key_sha1));
}

TEST(Certificate, KeepsDerAndSource) {
  auto blocks = PemBlocks(testing::CompliantCase() / "certs" / "ta.pem", "CERTIFICATE");
  std::string error;
  auto cert = Certificate::Parse(blocks.at(0), Source{"certs/b.pem", 3, 0}, &error);
  ASSERT_TRUE(cert);
  EXPECT_EQ(cert->der(), blocks.at(0));
  EXPECT_EQ(cert->source().Display(), "certs/b.pem#3");
}

TEST(Certificate, EveryTruncationIsAnErrorNeverACrash) {
  auto der = PemBlocks(testing::CompliantCase() / "certs" / "tsa.pem", "CERTIFICATE").at(0);
  for (size_t n = 0; n < der.size(); ++n) {
    std::string error;
    Bytes prefix(der.begin(), der.begin() + static_cast<long>(n));
    EXPECT_FALSE(Certificate::Parse(prefix, Source{"t"}, &error)) << n;
    EXPECT_FALSE(error.empty()) << n;
  }
}

TEST(Certificate, EverySingleByteCorruptionIsHandled) {
  auto der = PemBlocks(testing::CompliantCase() / "certs" / "tsa.pem", "CERTIFICATE").at(0);
  for (size_t i = 0; i < der.size(); ++i) {
    Bytes copy = der;
    copy[i] ^= 0xff;
    std::string error;
    auto cert = Certificate::Parse(copy, Source{"t"}, &error);
    EXPECT_TRUE(cert || !error.empty()) << i;
  }
}

TEST(Certificate, NamesThePartThatIsMalformed) {
  auto der = PemBlocks(testing::CompliantCase() / "certs" / "tsa.pem", "CERTIFICATE").at(0);
  der.push_back(0);
  std::string error;
  EXPECT_FALSE(Certificate::Parse(der, Source{"t"}, &error));
  EXPECT_NE(error.find("outer SEQUENCE"), std::string::npos) << error;
}

// The model's name (walked with the TLV reader) against d2i_X509_NAME's:
// the same attributes, RDNs and UTF-8 values.
void ExpectSameName(const X509_NAME* x, const Name& name, const std::string& what) {
  ASSERT_EQ(X509_NAME_entry_count(x), static_cast<int>(name.attributes.size())) << what;
  for (int i = 0; i < X509_NAME_entry_count(x); ++i) {
    const X509_NAME_ENTRY* e = X509_NAME_get_entry(x, i);
    const NameAttribute& a = name.attributes[static_cast<size_t>(i)];
    EXPECT_EQ(ObjectText(X509_NAME_ENTRY_get_object(e)), a.oid) << what;
    EXPECT_EQ(X509_NAME_ENTRY_set(e), a.rdn) << what;
    unsigned char* utf8 = nullptr;
    int len = ASN1_STRING_to_UTF8(&utf8, X509_NAME_ENTRY_get_data(e));
    EXPECT_EQ(std::string(reinterpret_cast<char*>(utf8), static_cast<size_t>(std::max(len, 0))),
              a.value)
        << what;
    OPENSSL_free(utf8);
  }
}

// The key identifiers and key usage, which the model reads with the TLV
// reader, against OpenSSL's decoding of the same extensions.
void ExpectSameKeyExtensions(X509* x, const Extensions& exts, const std::string& what) {
  if (X509_get_extension_flags(x) & EXFLAG_INVALID) return;  // OpenSSL could not decode them
  const ASN1_OCTET_STRING* ski = X509_get0_subject_key_id(x);
  ASSERT_EQ(ski != nullptr, exts.subject_key_identifier.has_value()) << what;
  if (ski != nullptr) {
    EXPECT_EQ(Bytes(ski->data, ski->data + ski->length), ToBytes(*exts.subject_key_identifier))
        << what;
  }
  const ASN1_OCTET_STRING* akid = X509_get0_authority_key_id(x);
  bool ours = exts.authority_key_identifier && exts.authority_key_identifier->key_id;
  ASSERT_EQ(akid != nullptr, ours) << what;
  if (akid != nullptr) {
    EXPECT_EQ(Bytes(akid->data, akid->data + akid->length),
              ToBytes(*exts.authority_key_identifier->key_id))
        << what;
  }
  if (exts.key_usage) {
    uint32_t bits = X509_get_key_usage(x);
    std::vector<std::string_view> expected;
    // OpenSSL's KU_ flags: digitalSignature 0x80 ... decipherOnly 0x8000.
    const uint32_t flags[] = {0x80, 0x40, 0x20, 0x10, 0x08, 0x04, 0x02, 0x01, 0x8000};
    for (size_t i = 0; i < KeyUsageBitNames().size(); ++i) {
      if (bits & flags[i]) expected.push_back(KeyUsageBitNames()[i]);
    }
    EXPECT_EQ(expected, *exts.key_usage) << what;
  }
}

std::string Text(const ASN1_STRING* s) {
  return std::string(reinterpret_cast<const char*>(ASN1_STRING_get0_data(s)),
                     static_cast<size_t>(ASN1_STRING_length(s)));
}

// Runs an OpenSSL d2i function over the whole value, as X509V3 would.
template <typename Owner, typename D2i>
Owner Decode(D2i d2i, ByteView value) {
  const unsigned char* p = value.data();
  Owner out(d2i(nullptr, &p, static_cast<long>(value.size())));
  if (out && p != value.data() + value.size()) out.reset();
  return out;
}

// extendedKeyUsage, certificatePolicies, cRLDistributionPoints and
// authorityInfoAccess, which the model reads with the TLV reader, against
// OpenSSL's d2i of the same value: the same verdict (readable or malformed)
// and the same purposes, policies, qualifiers, user notices, distribution
// points and access descriptions.
void ExpectSameDecodedExtensions(const Extensions& exts, const std::string& what) {
  for (const Extension& e : exts.list) {
    bool only = std::count_if(exts.list.begin(), exts.list.end(),
                              [&](const Extension& x) { return x.oid == e.oid; }) == 1;
    if (!only) continue;
    if (e.oid == "2.5.29.37") {
      auto eku = Decode<ossl::ExtendedKeyUsage>(d2i_EXTENDED_KEY_USAGE, e.value);
      ASSERT_EQ(eku != nullptr, e.error.empty()) << what << ": extendedKeyUsage " << e.error;
      if (!eku) continue;
      std::vector<std::string> expected;
      for (int i = 0; i < sk_ASN1_OBJECT_num(eku.get()); ++i) {
        std::string purpose = ObjectText(sk_ASN1_OBJECT_value(eku.get(), i));
        if (std::find(expected.begin(), expected.end(), purpose) == expected.end()) {
          expected.push_back(purpose);
        }
      }
      EXPECT_EQ(expected, *exts.extended_key_usage) << what;
    } else if (e.oid == "2.5.29.32") {
      auto cp = Decode<ossl::CertificatePolicies>(d2i_CERTIFICATEPOLICIES, e.value);
      ASSERT_EQ(cp != nullptr, e.error.empty()) << what << ": certificatePolicies " << e.error;
      if (!cp) continue;
      ASSERT_EQ(static_cast<size_t>(sk_POLICYINFO_num(cp.get())), exts.certificate_policies->size())
          << what;
      for (int i = 0; i < sk_POLICYINFO_num(cp.get()); ++i) {
        const POLICYINFO* info = sk_POLICYINFO_value(cp.get(), i);
        const PolicyInformation& ours = exts.certificate_policies->at(static_cast<size_t>(i));
        EXPECT_EQ(ObjectText(info->policyid), ours.oid) << what;
        std::vector<std::string> ids, uris;
        size_t notices = 0;
        for (int j = 0; j < sk_POLICYQUALINFO_num(info->qualifiers); ++j) {
          const POLICYQUALINFO* q = sk_POLICYQUALINFO_value(info->qualifiers, j);
          ids.push_back(ObjectText(q->pqualid));
          if (OBJ_obj2nid(q->pqualid) == NID_id_qt_cps) uris.push_back(Text(q->d.cpsuri));
          if (OBJ_obj2nid(q->pqualid) != NID_id_qt_unotice) continue;
          ASSERT_LT(notices, ours.user_notices.size()) << what;
          const UserNotice& notice = ours.user_notices[notices++];
          EXPECT_EQ(q->d.usernotice->noticeref != nullptr, notice.has_notice_ref) << what;
          const ASN1_STRING* text = q->d.usernotice->exptext;
          EXPECT_EQ(text ? ASN1_STRING_type(text) : 0, notice.explicit_text_tag) << what;
          if (text == nullptr) continue;
          unsigned char* utf8 = nullptr;
          int len = ASN1_STRING_to_UTF8(&utf8, text);
          std::string expected =
              len >= 0 ? std::string(reinterpret_cast<char*>(utf8), static_cast<size_t>(len))
                       : Text(text);
          OPENSSL_free(utf8);
          EXPECT_EQ(expected, notice.explicit_text) << what;
        }
        EXPECT_EQ(notices, ours.user_notices.size()) << what;
        EXPECT_EQ(ids, ours.qualifier_ids) << what;
        EXPECT_EQ(uris, ours.cps_uris) << what;
      }
    } else if (e.oid == "2.5.29.31") {
      auto dps = Decode<ossl::CrlDistPoints>(d2i_CRL_DIST_POINTS, e.value);
      ASSERT_EQ(dps != nullptr, e.error.empty()) << what << ": cRLDistributionPoints " << e.error;
      if (!dps) continue;
      ASSERT_EQ(static_cast<size_t>(sk_DIST_POINT_num(dps.get())),
                exts.crl_distribution_points->size())
          << what;
      for (int i = 0; i < sk_DIST_POINT_num(dps.get()); ++i) {
        const DIST_POINT* dp = sk_DIST_POINT_value(dps.get(), i);
        const DistributionPoint& ours = exts.crl_distribution_points->at(static_cast<size_t>(i));
        EXPECT_EQ(dp->distpoint != nullptr, ours.has_name) << what;
        EXPECT_EQ(dp->CRLissuer != nullptr, ours.has_crl_issuer) << what;
        std::vector<std::string> uris;
        if (dp->distpoint != nullptr && dp->distpoint->type == 0) {
          const GENERAL_NAMES* names = dp->distpoint->name.fullname;
          for (int j = 0; j < sk_GENERAL_NAME_num(names); ++j) {
            const GENERAL_NAME* gn = sk_GENERAL_NAME_value(names, j);
            if (gn->type == GEN_URI) uris.push_back(Text(gn->d.uniformResourceIdentifier));
          }
        }
        EXPECT_EQ(uris, ours.uris) << what;
      }
    } else if (e.oid == "1.3.6.1.5.5.7.1.1") {
      auto aia = Decode<ossl::Ptr<AUTHORITY_INFO_ACCESS, AUTHORITY_INFO_ACCESS_free>>(
          d2i_AUTHORITY_INFO_ACCESS, e.value);
      ASSERT_EQ(aia != nullptr, e.error.empty()) << what << ": authorityInfoAccess " << e.error;
      if (!aia) continue;
      ASSERT_EQ(static_cast<size_t>(sk_ACCESS_DESCRIPTION_num(aia.get())),
                exts.authority_info_access->size())
          << what;
      for (int i = 0; i < sk_ACCESS_DESCRIPTION_num(aia.get()); ++i) {
        const ACCESS_DESCRIPTION* d = sk_ACCESS_DESCRIPTION_value(aia.get(), i);
        const AccessDescription& ours = exts.authority_info_access->at(static_cast<size_t>(i));
        EXPECT_EQ(ObjectText(d->method), ours.method) << what;
        EXPECT_EQ(
            d->location->type == GEN_URI ? Text(d->location->d.uniformResourceIdentifier) : "",
            ours.uri)
            << what;
      }
    }
  }
}

// Everything OpenSSL's d2i_X509 reads in the shared external corpora, the model
// reads too, with the same serial, names, validity and extension OIDs.
TEST(Certificate, ReadsWhatOpenSslReadsInTheExternalCorpora) {
  std::vector<std::filesystem::path> files;
  for (const char* dir : {"external/zlint-testdata", "external/boringssl-pki/nist-pkits/certs",
                          "external/boringssl-pki/crl_unittest"}) {
    std::filesystem::path d = testing::SharedDir() / dir;
    if (!std::filesystem::is_directory(d)) GTEST_SKIP() << "no " << d;
    for (const auto& e : std::filesystem::directory_iterator(d)) files.push_back(e.path());
  }
  size_t compared = 0;
  for (const auto& file : files) {
    std::vector<Bytes> ders = PemBlocks(file, "CERTIFICATE");
    if (file.extension() == ".crt") {
      std::string raw = testing::ReadFile(file);
      ders = {Bytes(raw.begin(), raw.end())};
    }
    for (const Bytes& der : ders) {
      const unsigned char* p = der.data();
      X509* x = d2i_X509(nullptr, &p, static_cast<long>(der.size()));
      std::string error;
      auto cert = Certificate::Parse(der, Source{file.filename().string()}, &error);
      if (x == nullptr) continue;  // not ours to read; parsing it must merely not crash
      ASSERT_TRUE(cert) << file << ": " << error;
      ++compared;
      // OpenSSL keeps sign and magnitude; the model prints "-" and the magnitude.
      const ASN1_INTEGER* serial = X509_get0_serialNumber(x);
      ByteView magnitude(serial->data, static_cast<size_t>(serial->length));
      while (magnitude.size() > 1 && magnitude[0] == 0) magnitude = magnitude.subspan(1);
      std::string expected = magnitude.empty() ? "00" : HexEncode(magnitude);
      if (serial->type == V_ASN1_NEG_INTEGER) expected = "-" + expected;
      EXPECT_EQ(cert->serial_hex(), expected) << file;
      EXPECT_EQ(cert->version(), X509_get_version(x) + 1) << file;
      ExpectSameName(X509_get_subject_name(x), cert->subject(), file.string());
      ExpectSameName(X509_get_issuer_name(x), cert->issuer(), file.string());
      ExpectSameKeyExtensions(x, cert->extensions(), file.string());
      ExpectSameDecodedExtensions(cert->extensions(), file.string());
      EXPECT_EQ(X509_get_ext_count(x), static_cast<int>(cert->extensions().list.size())) << file;
      int day = 0, sec = 0;
      ASN1_TIME* nb = ASN1_TIME_set(nullptr, static_cast<time_t>(cert->not_before()));
      ASSERT_TRUE(ASN1_TIME_diff(&day, &sec, nb, X509_get0_notBefore(x)));
      EXPECT_EQ(day, 0) << file;
      EXPECT_EQ(sec, 0) << file;
      ASN1_TIME_free(nb);
      X509_free(x);
    }
  }
  EXPECT_GT(compared, 500u);
}

}  // namespace
}  // namespace cpaudit
