#!/usr/bin/env bash
# Builds a CA with `openssl ca` configured per the CP (openssl.cnf), issues two
# TA and two TSA certificates, revokes one for key compromise, publishes a CRL
# and writes an evidence bundle.
#
#   build.sh OUT [VARIANT]
#
# VARIANT applies one misconfiguration (see the case list below); without it
# the configuration is the correct one.
set -euo pipefail
here="$(cd "$(dirname "$0")" && pwd)"
source "$here/../common/bundle.sh"
mkdir -p "$work/newcerts" "$work/private"
cp "$here/openssl.cnf" "$work/openssl.cnf"
cnf="$work/openssl.cnf"
subject_ou="TSA 1"
csr_ext=""
case "$variant" in
  correct) ;;
  sha256) sed -i 's/^default_md .*/default_md       = sha256/' "$cnf" ;;
  no-policies) sed -i '/^certificatePolicies/d' "$cnf" ;;
  wrong-crl-url) sed -i 's/SCRoot1CRL.crl/SCRoot2CRL.crl/' "$cnf" ;;
  key-cert-sign) sed -i 's/^keyUsage               = critical, digitalSignature$/keyUsage               = critical, digitalSignature, keyCertSign/' "$cnf" ;;
  copyall)
    sed -i 's/^copy_extensions  = none/copy_extensions  = copyall/' "$cnf"
    csr_ext="subjectAltName=DNS:tsa.example.jp" ;;
  crl-400-days) sed -i 's/^default_crl_days = 30/default_crl_days = 400/' "$cnf" ;;
  underscore-subject) subject_ou="TSA_1" ;;
  same-key-renewed) ;;
  *) echo "unknown variant $variant" >&2; exit 2 ;;
esac
export CA_DIR="$work"
touch "$work/index.txt"
echo 1000 > "$work/serial"
echo 01 > "$work/crlnumber"

ossl() {
  openssl "$@" 2>>"$work/openssl.log" || { echo "openssl $1 failed; see $work/openssl.log" >&2; tail -5 "$work/openssl.log" >&2; return 1; }
}
ossl genpkey -algorithm RSA -pkeyopt rsa_keygen_bits:2048 -out "$work/private/ca.key"
ossl req -config "$cnf" -new -x509 -sha1 -days 3650 -key "$work/private/ca.key" \
  -extensions v3_ca -out "$work/ca.pem"
cp "$work/ca.pem" "$out/ca/ca.pem"

issue() {  # name ext subject
  local name="$1" ext="$2" subject="$3"
  ossl genpkey -algorithm RSA -pkeyopt rsa_keygen_bits:2048 -out "$work/private/$name.key"
  local add=()
  [ -n "$csr_ext" ] && add=(-addext "$csr_ext")
  ossl req -new -key "$work/private/$name.key" -subj "$subject" "${add[@]}" -out "$out/csrs/$name.csr"
  ossl ca -config "$cnf" -batch -notext -extensions "$ext" -in "$out/csrs/$name.csr" \
    -out "$out/certs/$name.pem"
}
issue ta-1 ta_ext "/C=JP/O=Example Time Corp/OU=TA 1/CN=Example Time Authority 1"
issue ta-2 ta_ext "/C=JP/O=Example Time Corp/OU=TA 2/CN=Example Time Authority 2"
issue tsa-1 tsa_ext "/C=JP/O=Example Time Corp/OU=$subject_ou/CN=Example TSA 1"
issue tsa-2 tsa_ext "/C=JP/O=Example Stamp Inc/OU=TSA 2/CN=Example Stamp TSA"
if [ "$variant" = same-key-renewed ]; then
  # Renewal that reuses the subscriber's key pair: the CSR of tsa-1 signed again.
  ossl ca -config "$cnf" -batch -notext -extensions tsa_ext -in "$out/csrs/tsa-1.csr" \
    -out "$out/certs/tsa-1-renewed.pem"
fi
ossl ca -config "$cnf" -batch -revoke "$out/certs/ta-2.pem" -crl_reason keyCompromise
ossl ca -config "$cnf" -batch -gencrl -out "$out/crls/crl.pem"
# Keep the CA's database beside the evidence (the index.txt adapter reads it).
cp "$work/index.txt" "$work/index.txt.attr" "$out/events/"
