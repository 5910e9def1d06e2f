#!/usr/bin/env bash
# Certificates broken the way CA software breaks them, made outside cpaudit's
# generator (break.py: a DER tree edited in Python, re-signed by the CA with
# openssl): each fails the gate with an error naming it, its other findings
# are still reported, and the untouched control has none.
#
#   tests/broken_der/broken_der_test.sh CPAUDIT
set -euo pipefail
cpaudit="$1"
here="$(cd "$(dirname "$0")/../.." && pwd)"
work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT
compliant="$here/corpus/rfc5280/compliant"
mkdir -p "$work/ev/ca" "$work/ev/certs"
cp "$compliant/ca/ca.pem" "$work/ev/ca/"

# defect -> the rule whose error must name it
declare -A expect=(
  [non-minimal-length]=der-x690-certificate
  [boolean-true-0x01]=der-x690-certificate
  [critical-false-encoded]=der-x690-certificate
  [serial-non-minimal]=der-x690-certificate
  [serial-negative]=rfc5280-4.1.2.2-serial-positive
  [serial-zero]=rfc5280-4.1.2.2-serial-positive
  [serial-21-octets]=rfc5280-4.1.2.2-serial-length
  [utctime-without-seconds]=der-x690-certificate
  [utctime-with-offset]=der-x690-certificate
  [generalized-time-before-2050]=rfc5280-4.1.2.5-time-encoding
  [set-of-unsorted]=der-x690-certificate
  [bit-string-unused-bits]=der-x690-certificate
  [extension-trailing-bytes]=der-x690-certificate
  [second-key-usage]=cp-7.1.2-key-usage
)
# defect -> what its message says (where and what)
declare -A says=(
  [non-minimal-length]="tbsCertificate.serialNumber: length is not minimally encoded"
  [boolean-true-0x01]="(X509v3 Key Usage).critical: BOOLEAN TRUE is encoded 0x01, not 0xff"
  [critical-false-encoded]="critical FALSE is the DEFAULT and is not encoded in DER"
  [serial-non-minimal]="tbsCertificate.serialNumber: INTEGER is not minimally encoded"
  [utctime-without-seconds]="tbsCertificate.validity[0]: UTCTime \"2601050000Z\" is not YYMMDDHHMMSSZ"
  [utctime-with-offset]="is not YYMMDDHHMMSSZ"
  [set-of-unsorted]="tbsCertificate.subject[1]: SET OF elements are not in DER order"
  [bit-string-unused-bits]="(X509v3 Key Usage).extnValue: BIT STRING has a trailing zero bit"
  [extension-trailing-bytes]="(X509v3 Subject Key Identifier).extnValue: the OCTET STRING holds bytes after its DER value"
)
for defect in none "${!expect[@]}"; do
  python3 "$here/tests/broken_der/break.py" "$compliant/certs/tsa.pem" "$here/corpus/keys/ca.pem" \
    "$defect" > "$work/ev/certs/$defect.pem"
done
status=0
"$cpaudit" audit "$work/ev" --at 2026-06-01T00:00:00Z --report "text=$work/report.txt" --quiet || status=$?
[ "$status" -eq 1 ] || { echo "expected the gate to fail (exit 1), got $status"; exit 1; }
failed=0
for defect in "${!expect[@]}"; do
  if ! grep -q "^ERROR ${expect[$defect]} certs/$defect.pem: " "$work/report.txt"; then
    echo "MISSING: ERROR ${expect[$defect]} for certs/$defect.pem"; failed=1
  fi
  if [ -n "${says[$defect]:-}" ] &&
     ! grep -F "ERROR ${expect[$defect]} certs/$defect.pem: " "$work/report.txt" | grep -qF "${says[$defect]}"; then
    echo "MISSING: certs/$defect.pem: ${says[$defect]}"; failed=1
  fi
  # the other rules still ran on it: every certificate certifies one key
  if ! grep -q "^ERROR cp-4.6-no-renewal-without-rekey certs/$defect.pem: " "$work/report.txt"; then
    echo "MISSING: the other findings of certs/$defect.pem"; failed=1
  fi
done
# the control: no finding of the profile or encoding rules (the corpus rules
# see the shared key, serial and subject of the copies)
if grep -E "^[A-Z]+ (der-|rfc5280-|cp-7\.1\.[0-9])[^ ]* certs/none.pem: " "$work/report.txt"; then
  echo "the untouched control has findings"; failed=1
fi
[ "$failed" -eq 0 ] && echo "broken DER: ${#expect[@]} defects each fail the gate by name; the control passes"
exit "$failed"
