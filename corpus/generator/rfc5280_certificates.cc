// The rfc5280 base pack's certificate fixtures: each breaks one requirement
// of RFC 5280 section 4 or X.690 DER in an otherwise compliant certificate.

#include "corpus/generator/rfc5280.h"

namespace fixtures {

void MakeRfc5280CertificateFixtures(const Rfc5280CertCase& cert_case) {
  auto one = [&](const std::string& rule, const std::string& name, const CertSpec& spec,
                 const std::string& message, const char* severity = "ERROR") {
    cert_case(rule, name, spec,
              {std::string(severity) + " " + rule + " certs/" + name + ".pem: " + message});
  };
  {
    CertSpec s;
    s.outer_md = EVP_sha256();
    one("rfc5280-4.1.1.2-signature-algorithm-match", "outer-sha256", s,
        "signatureAlgorithm differs from tbsCertificate.signature (OID or parameters)");
  }
  {
    // Both algorithm identifiers carry an empty OCTET STRING for NULL: they
    // still match, and only the parameters are wrong.
    CertSpec s;
    s.patch_tbs = [](Bytes& tbs) { Patch(tbs, kSha1RsaNull, kSha1RsaOctets); };
    s.patch_der = [](Bytes& der) { Patch(der, kSha1RsaNull, kSha1RsaOctets); };
    one("rfc5280-4.1.1.2-signature-parameters", "octet-string-parameters", s,
        "signature_algorithm.parameters is other for an RSA PKCS #1 v1.5 signature; RFC 4055 "
        "requires NULL");
  }
  {
    CertSpec s;
    s.patch_tbs = [](Bytes& tbs) {
      Patch(tbs, {0xa0, 0x03, 0x02, 0x01, 0x02}, {0xa0, 0x03, 0x02, 0x01, 0x03});
    };
    cert_case("rfc5280-4.1.2.1-version", "version-4", s,
              {"ERROR rfc5280-4.1.2.1-extensions-need-v3 certs/version-4.pem: version 4 "
               "certificate has extensions; they need version 3",
               "ERROR rfc5280-4.1.2.1-version certs/version-4.pem: version is 4; RFC 5280 "
               "defines 1, 2 and 3"});
    s.patch_tbs = [](Bytes& tbs) {
      Patch(tbs, {0xa0, 0x03, 0x02, 0x01, 0x02}, {0xa0, 0x03, 0x02, 0x01, 0x01});
    };
    one("rfc5280-4.1.2.1-extensions-need-v3", "v2-with-extensions", s,
        "version 2 certificate has extensions; they need version 3");
  }
  {
    CertSpec s;
    s.issuer = "";
    one("rfc5280-4.1.2.4-issuer-not-empty", "empty-issuer", s, "the issuer name is empty");
  }
  {
    // A GeneralizedTime for 2049: OpenSSL writes 2050 as GeneralizedTime,
    // the patch turns its year back.
    CertSpec s;
    s.not_after = Utc(2050, 1, 5);
    s.patch_tbs = [](Bytes& tbs) {
      Patch(tbs, {0x18, 0x0f, '2', '0', '5', '0'}, {0x18, 0x0f, '2', '0', '4', '9'});
    };
    one("rfc5280-4.1.2.5-time-encoding", "generalized-2049", s,
        "notAfter is a GeneralizedTime for a year before 2050; it must be a UTCTime");
    s.patch_tbs = nullptr;
    cert_case("rfc5280-4.1.2.5-time-encoding", "generalized-2050", s, {});
  }
  {
    CertSpec s;
    s.not_after = s.not_before - 86400;
    one("rfc5280-4.1.2.5-validity-order", "not-after-first", s,
        "notAfter is -86400 seconds after notBefore: before it");
  }
  {
    CertSpec s;
    s.subject = "";
    one("rfc5280-4.1.2.6-empty-subject-needs-critical-san", "empty-subject-no-san", s,
        "the subject is empty and subjectAltName is missing or not critical");
    s.extra = {{NID_subject_alt_name, "critical,email:tsa@example.com"}};
    cert_case("rfc5280-4.1.2.6-empty-subject-needs-critical-san", "empty-subject-critical-san", s,
              {});
    s.extra.push_back({NID_basic_constraints, kCaBasicConstraints});
    s.key_usage = kCaKeyUsage;
    s.eku.clear();
    one("rfc5280-4.1.2.6-ca-subject-not-empty", "ca-empty-subject", s,
        "a CA certificate with an empty subject");
  }
  {
    // issuerUniqueID [1] IMPLICIT BIT STRING, inserted before the extensions.
    const Bytes uid = {0x81, 0x02, 0x00, 0xaa};
    CertSpec s;
    s.patch_tbs = [uid](Bytes& tbs) { InsertInSequence(tbs, 0xa3, uid); };
    one("rfc5280-4.1.2.8-no-unique-identifiers", "issuer-uid", s,
        "the certificate has a issuerUniqueID");
    s.version = 1;
    s.extensions = false;
    cert_case("rfc5280-4.1.2.8-unique-identifiers-version", "v1-issuer-uid", s,
              {"ERROR rfc5280-4.1.2.8-no-unique-identifiers certs/v1-issuer-uid.pem: the "
               "certificate has a issuerUniqueID",
               "ERROR rfc5280-4.1.2.8-unique-identifiers-version certs/v1-issuer-uid.pem: a "
               "version 1 certificate has unique identifiers",
               // A v1 certificate has no extensions at all.
               "ERROR rfc5280-4.2.1.1-aki-present certs/v1-issuer-uid.pem: the certificate is not "
               "self-issued and has no authorityKeyIdentifier",
               "WARNING rfc5280-4.2.1.2-ski-end-entity certs/v1-issuer-uid.pem: an end-entity "
               "certificate without subjectKeyIdentifier"});
  }
  {
    CertSpec s;
    s.patch_tbs = [](Bytes& tbs) {
      Patch(tbs, {0x0d, 0x01, 0x01, 0x01, 0x05, 0x00}, {0x0d, 0x01, 0x01, 0x01, 0x04, 0x00});
    };
    one("rfc5280-4.1.2.7-rsa-key-parameters", "rsa-key-octet-string", s,
        "the rsaEncryption key's parameters are other; RFC 3279 requires NULL");
  }
  {
    // A 65-character description renamed commonName (OpenSSL refuses to
    // write a commonName over 64), and a serialNumber retagged UTF8String.
    CertSpec s;
    s.subject = "C=JP, O=Example Time Corp, description=" + std::string(65, 'T');
    s.patch_tbs = [](Bytes& tbs) {
      Patch(tbs, {0x06, 0x03, 0x55, 0x04, 0x0d}, {0x06, 0x03, 0x55, 0x04, 0x03});
    };
    one("rfc5280-4.1.2.4-name-bounds", "common-name-65", s,
        "subject: CN has 65 characters; the upper bound is 64");
    s.subject = "C=JP, O=Example Time Corp, serialNumber=T1, CN=Example TSA 1";
    s.patch_tbs = [](Bytes& tbs) {
      Patch(tbs, {0x06, 0x03, 0x55, 0x04, 0x05, 0x13}, {0x06, 0x03, 0x55, 0x04, 0x05, 0x0c});
    };
    one("rfc5280-4.1.2.4-name-bounds", "serial-number-utf8", s,
        "subject: serialNumber is a UTF8String; RFC 5280 requires PrintableString");
  }
  {
    // An organizationName holding the C1 control U+0080 (UTF-8 C2 80).
    CertSpec s;
    s.subject = "C=JP, O=Example\xC2\x80Time Corp, CN=Example TSA 1";
    one("rfc5280-4.1.2.4-no-control-characters", "organization-c1-control", s,
        "subject: O has a control character");
  }
  {
    CertSpec s;
    s.extra = {{NID_issuer_alt_name, "DER:30:00"}};
    one("rfc5280-4.2-extension-not-empty-sequence", "empty-issuer-alt-name", s,
        "extension issuer_alt_name is an empty SEQUENCE");
  }
  {
    CertSpec s;
    s.patch_tbs = [](Bytes& tbs) { Patch(tbs, kAkiOid, kUnknownOid); };
    one("rfc5280-4.2.1.1-aki-present", "no-aki", s,
        "the certificate is not self-issued and has no authorityKeyIdentifier");
  }
  {
    // keyIdentifier [0] retagged authorityCertSerialNumber [2]: no keyIdentifier.
    CertSpec s;
    s.aki = Bytes(20, 0x11);
    s.patch_tbs = [](Bytes& tbs) {
      Patch(tbs, {0x30, 0x16, 0x80, 0x14}, {0x30, 0x16, 0x82, 0x14});
    };
    one("rfc5280-4.2.1.1-aki-key-identifier", "aki-serial-only", s,
        "authorityKeyIdentifier has no keyIdentifier");
  }
  {
    CertSpec s;
    s.aki_critical = true;
    one("rfc5280-4.2.1.1-aki-not-critical", "critical-aki", s,
        "authorityKeyIdentifier is marked critical");
    s.aki_critical = false;
    s.ski_critical = true;
    one("rfc5280-4.2.1.2-ski-not-critical", "critical-ski", s,
        "subjectKeyIdentifier is marked critical");
  }
  {
    CertSpec s;
    s.patch_tbs = [](Bytes& tbs) { Patch(tbs, kSkiOid, kUnknownOid); };
    one("rfc5280-4.2.1.2-ski-end-entity", "no-ski", s,
        "an end-entity certificate without subjectKeyIdentifier", "WARNING");
    s.extra = {{NID_basic_constraints, kCaBasicConstraints}};
    s.key_usage = kCaKeyUsage;
    s.eku.clear();
    one("rfc5280-4.2.1.2-ski-ca", "ca-no-ski", s, "a CA certificate without subjectKeyIdentifier");
  }
  {
    CertSpec s;
    s.key_usage.clear();
    s.extra = {{NID_key_usage, "critical,DER:03:01:00"}};
    one("rfc5280-4.2.1.3-key-usage-bits", "no-bits", s, "keyUsage sets no bit");
  }
  {
    CertSpec s;
    s.key_usage = "critical,digitalSignature,keyCertSign";
    cert_case("rfc5280-4.2.1.3-key-cert-sign-needs-ca", "end-entity-key-cert-sign", s,
              {"ERROR rfc5280-4.2.1.3-key-cert-sign-needs-ca certs/end-entity-key-cert-sign.pem: "
               "keyUsage asserts keyCertSign without basicConstraints cA TRUE",
               "ERROR rfc5280-4.2.1.3-rsa-key-usage certs/end-entity-key-cert-sign.pem: an "
               "end-entity certificate with an RSA key asserts keyCertSign (RFC 3279 2.3.1)"});
    s.key_usage = "digitalSignature";
    one("rfc5280-4.2.1.3-key-usage-critical", "not-critical", s, "keyUsage is not marked critical",
        "WARNING");
  }
  {
    CertSpec s;
    s.key_usage = "critical,digitalSignature,keyAgreement";
    one("rfc5280-4.2.1.3-rsa-key-usage", "rsa-key-agreement", s,
        "an end-entity certificate with an RSA key asserts keyAgreement (RFC 3279 2.3.1)");
    s.key = "ec-p256";
    s.key_usage = "critical,digitalSignature,keyEncipherment";
    one("rfc5280-4.2.1.3-ecdsa-key-usage", "ec-key-encipherment", s,
        "an EC key with keyUsage keyEncipherment (RFC 8813: MUST NOT)");
  }
  {
    CertSpec s;
    s.key_usage.clear();
    s.eku.clear();
    s.extra = {{NID_basic_constraints, kCaBasicConstraints}};
    one("rfc5280-4.2.1.3-ca-key-usage", "ca-without-key-usage", s,
        "a CA certificate without keyUsage");
    s.key_usage = kCaKeyUsage + ",keyEncipherment";
    one("rfc5280-4.2.1.3-rsa-ca-no-encipherment", "ca-key-encipherment", s,
        "an RSA key that signs certificates or CRLs also asserts keyEncipherment (RFC 3279 "
        "2.3.1: SHOULD NOT)",
        "WARNING");
    s.key_usage = kCaKeyUsage;
    s.extra = {{NID_basic_constraints, "CA:TRUE"}};
    one("rfc5280-4.2.1.9-basic-constraints-critical", "ca-not-critical", s,
        "a CA certificate whose basicConstraints is not critical");
    s.extra = {{NID_basic_constraints, "critical,CA:TRUE,pathlen:0"}};
    cert_case("rfc5280-4.2.1.9-path-len-only-ca", "ca-path-len-0", s, {});
  }
  {
    CertSpec s;
    s.extra = {{NID_basic_constraints, "critical,CA:FALSE,pathlen:0"}};
    one("rfc5280-4.2.1.9-path-len-only-ca", "end-entity-path-len", s,
        "pathLenConstraint without cA TRUE and keyCertSign");
    // pathLenConstraint -1 (OpenSSL writes no negative one): INTEGER 0 patched.
    s.extra = {{NID_basic_constraints, "critical,CA:TRUE,pathlen:0"}};
    s.key_usage = kCaKeyUsage;
    s.eku.clear();
    s.patch_tbs = [](Bytes& tbs) {
      Patch(tbs, {0x01, 0x01, 0xff, 0x02, 0x01, 0x00}, {0x01, 0x01, 0xff, 0x02, 0x01, 0xff});
    };
    one("rfc5280-4.2.1.9-path-len-not-negative", "negative", s, "pathLenConstraint is negative");
  }
  {
    CertSpec s;
    s.policies = {kPolicyOid, kPolicyOid};
    one("rfc5280-4.2.1.4-policy-once", "policy-twice", s,
        std::string("policy ") + kPolicyOid + " appears more than once in certificatePolicies");
  }
  {
    // A distribution point of reasons only; one whose name is an ftp: URI;
    // a caIssuers access description with an ftp: URI.
    CertSpec s;
    s.crl_uri.clear();
    s.extra = {{NID_crl_distribution_points, "DER:30:06:30:04:81:02:05:60"}};
    one("rfc5280-4.2.1.13-distribution-point-complete", "reasons-only", s,
        "a cRLDistributionPoints distribution point has neither distributionPoint nor cRLIssuer");
    s.extra.clear();
    s.crl_uri = "ftp://repository.secomtrust.net/SC-Root1/SCRoot1CRL.crl";
    one("rfc5280-4.2.1.13-distribution-point-uri", "ftp-only", s,
        "a cRLDistributionPoints distribution point name has no http: or ldap: URI", "WARNING");
    s.crl_uri = kCrlUri;
    s.extra = {{NID_info_access, "caIssuers;URI:ftp://repository.secomtrust.net/ca.cer"}};
    one("rfc5280-4.2.2.1-ca-issuers-uri", "ca-issuers-ftp", s,
        "no id-ad-caIssuers accessLocation of authorityInfoAccess is an http: or ldap: URI",
        "WARNING");
  }
  {
    // certificatePolicies written as DER, in place of the default one.
    CertSpec s;
    s.policies.clear();
    // anyPolicy qualified by 1.3.6.1.5.5.7.2.3, neither CPS nor userNotice.
    s.extra = {{NID_certificate_policies,
                "DER:30:1F:30:1D:06:04:55:1D:20:00:30:15:30:13:06:08:2B:06:01:05:05:07:02:03:16:07:"
                "45:78:61:6D:70:6C:65"}};
    one("rfc5280-4.2.1.4-any-policy-qualifiers", "any-policy-other-qualifier", s,
        "anyPolicy has the qualifier 1.3.6.1.5.5.7.2.3; only id-qt-cps and id-qt-unotice are "
        "allowed");
    // The CP's policy with a userNotice whose explicitText is an IA5String.
    s.extra = {
        {NID_certificate_policies,
         "DER:30:33:30:31:06:0A:2A:83:08:8C:9B:1B:64:87:05:02:30:23:30:21:06:08:2B:06:01:05:"
         "05:07:02:02:30:15:16:13:45:78:61:6D:70:6C:65:20:74:69:6D:65:20:73:74:61:6D:70:73"}};
    cert_case("rfc5280-4.2.1.4-explicit-text", "ia5-explicit-text", s,
              {"ERROR rfc5280-4.2.1.4-explicit-text certs/ia5-explicit-text.pem: a userNotice "
               "explicitText is an IA5String (RFC 6818: MUST NOT)",
               "WARNING rfc5280-4.2.1.4-user-notice-recommended certs/ia5-explicit-text.pem: a "
               "userNotice explicitText is encoded IA5String; RFC 6818 recommends UTF8String"});
    // The same with a noticeRef {organization, noticeNumbers {1}} and a UTF8String text.
    s.extra = {{NID_certificate_policies,
                "DER:30:4D:30:4B:06:0A:2A:83:08:8C:9B:1B:64:87:05:02:30:3D:30:3B:06:08:2B:06:01:05:"
                "05:07:02:02:30:2F:30:18:0C:11:45:78:61:6D:70:6C:65:20:54:69:6D:65:20:43:6F:72:70:"
                "30:03:02:01:01:0C:13:45:78:61:6D:70:6C:65:20:74:69:6D:65:20:73:74:61:6D:70:73"}};
    one("rfc5280-4.2.1.4-user-notice-recommended", "notice-ref", s,
        "a userNotice of policy 1.2.392.200091.100.901.2 has a noticeRef (RFC 5280: SHOULD NOT)",
        "WARNING");
    // A UTF8String explicitText "... cafe" + U+0301 (decomposed, not NFC).
    s.extra = {{NID_certificate_policies,
                "DER:30:3A:30:38:06:0A:2A:83:08:8C:9B:1B:64:87:05:02:30:2A:30:28:06:08:2B:06:01:05:"
                "05:07:02:02:30:1C:0C:1A:45:78:61:6D:70:6C:65:20:74:69:6D:65:20:73:74:61:6D:70:73:"
                "20:63:61:66:65:CC:81"}};
    one("rfc5280-4.2.1.4-user-notice-recommended", "explicit-text-not-nfc", s,
        "a userNotice explicitText (UTF8String) is not in Unicode Normalization Form C (RFC 6818: "
        "SHOULD)",
        "WARNING");
  }
  const std::vector<std::tuple<std::string, std::string, int, std::string, std::string, bool>>
      kCriticality = {
          {"rfc5280-4.2.1.5-policy-mappings-critical", "not-critical", NID_policy_mappings,
           std::string(kPolicyOid) + ":1.2.3.5", "policyMappings is not marked critical", true},
          {"rfc5280-4.2.1.7-ian-not-critical", "critical", NID_issuer_alt_name,
           "critical,email:ca@example.com", "issuerAltName is marked critical", true},
          {"rfc5280-4.2.1.8-sda-not-critical", "critical", NID_subject_directory_attributes,
           "critical,DER:30:0C:30:0A:06:03:55:04:0D:31:03:0C:01:41",
           "subjectDirectoryAttributes is marked critical", false},
          {"rfc5280-4.2.1.11-policy-constraints-critical", "not-critical", NID_policy_constraints,
           "requireExplicitPolicy:0", "policyConstraints is not marked critical", false},
          {"rfc5280-4.2.1.14-inhibit-any-policy-critical", "not-critical", NID_inhibit_any_policy,
           "0", "inhibitAnyPolicy is not marked critical", false},
          {"rfc5280-4.2.1.15-freshest-crl-not-critical", "critical", NID_freshest_crl,
           "critical,URI:http://repository.secomtrust.net/delta.crl",
           "freshestCRL is marked critical", false},
          {"rfc5280-4.2.2.1-aia-not-critical", "critical", NID_info_access,
           "critical,caIssuers;URI:http://repository.secomtrust.net/ca.cer",
           "authorityInfoAccess is marked critical", false},
      };
  for (const auto& [rule, name, nid, value, message, warning] : kCriticality) {
    CertSpec s;
    s.extra = {{nid, value}};
    one(rule, name, s, message, warning ? "WARNING" : "ERROR");
  }
  {
    // CA certificates whose critical nameConstraints has a subtree with a
    // maximum, and one on an x400Address, written as DER.
    CertSpec s;
    s.key_usage = kCaKeyUsage;
    s.eku.clear();
    s.extra = {{NID_basic_constraints, kCaBasicConstraints},
               {NID_name_constraints,
                "critical,DER:30:14:A0:12:30:10:82:0B:65:78:61:6D:70:6C:65:2E:63:6F:6D:81:01:01"}};
    one("rfc5280-4.2.1.10-subtree-distances", "maximum", s,
        "a dNSName subtree of nameConstraints has a maximum (1); it MUST be absent");
    s.extra[1].second = "critical,DER:30:08:A0:06:30:04:A3:02:30:00";
    one("rfc5280-4.2.1.10-subtree-forms", "x400-address", s,
        "nameConstraints constrains x400Address, a name form whose constraint semantics RFC 5280 "
        "does not define",
        "WARNING");
  }
  {
    // subjectAltNames: an empty URI (DER), a relative URI, a mailbox in angle brackets.
    CertSpec s;
    s.extra = {{NID_subject_alt_name, "DER:30:02:86:00"}};
    one("rfc5280-4.2.1.6-names-not-empty", "empty-uri", s,
        "subjectAltName has an empty uniformResourceIdentifier");
    s.extra = {{NID_subject_alt_name, "URI:www.example.com/tsa"}};
    one("rfc5280-4.2.1.6-uri-form", "relative-uri", s,
        "a subjectAltName URI is relative (no scheme): www.example.com/tsa");
    s.extra = {{NID_subject_alt_name, "URI:https://"}};
    one("rfc5280-4.2.1.6-uri-form", "empty-authority", s,
        "a subjectAltName URI has no scheme-specific part: https://");
    s.extra = {{NID_subject_alt_name, "email:<tsa@example.com>"}};
    one("rfc5280-4.2.1.6-email-form", "angle-brackets", s,
        "a subjectAltName rfc822Name is not a mailbox: <tsa@example.com>");
  }
  {
    // policyMappings from anyPolicy, which certificatePolicies cannot assert.
    CertSpec s;
    s.extra = {{NID_policy_mappings, "critical,2.5.29.32.0:1.2.3.5"}};
    cert_case("rfc5280-4.2.1.5-policy-map-any-policy", "from-any-policy", s,
              {"ERROR rfc5280-4.2.1.5-policy-map-any-policy certs/from-any-policy.pem: "
               "policyMappings maps to or from anyPolicy",
               "WARNING rfc5280-4.2.1.5-policy-map-asserted certs/from-any-policy.pem: "
               "policyMappings maps 2.5.29.32.0, which certificatePolicies does not assert"});
  }
  {
    CertSpec s;
    s.extra = {{NID_name_constraints, "permitted;email:example.com"}};
    cert_case("rfc5280-4.2.1.10-name-constraints", "end-entity-not-critical", s,
              {"ERROR rfc5280-4.2.1.10-name-constraints certs/end-entity-not-critical.pem: "
               "nameConstraints in a certificate that is not a CA's",
               "ERROR rfc5280-4.2.1.10-name-constraints certs/end-entity-not-critical.pem: "
               "nameConstraints is not marked critical"});
  }
  {
    CertSpec s;
    s.eku = "critical,timeStamping,anyExtendedKeyUsage";
    one("rfc5280-4.2.1.12-any-eku-not-critical", "critical-any-eku", s,
        "extendedKeyUsage holds anyExtendedKeyUsage and is marked critical", "WARNING");
  }
  {
    CertSpec s;
    s.crl_uri.clear();
    s.extra = {{NID_crl_distribution_points, std::string("critical,URI:") + kCrlUri}};
    one("rfc5280-4.2.1.13-crldp-not-critical", "critical", s,
        "cRLDistributionPoints is marked critical", "WARNING");
  }
}

}  // namespace fixtures
