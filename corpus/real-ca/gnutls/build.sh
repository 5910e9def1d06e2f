#!/usr/bin/env bash
# Builds a CA with GnuTLS certtool (templates in this folder), issues two TA
# and two TSA certificates, revokes one, publishes a CRL, and writes an
# evidence bundle with its event log.
#
#   build.sh OUT [VARIANT]
set -euo pipefail
here="$(cd "$(dirname "$0")" && pwd)"
source "$here/../common/bundle.sh"
hash=SHA1
crl_days=30
subject_ou="TSA 1"
cp "$here"/*.tmpl "$work/"
case "$variant" in
  correct) ;;
  sha256) hash=SHA256 ;;
  no-policies) sed -i '/^policy1/d' "$work"/ta.tmpl "$work"/tsa.tmpl ;;
  wrong-crl-url) sed -i 's/SCRoot1CRL.crl/SCRoot2CRL.crl/' "$work"/ta.tmpl "$work"/tsa.tmpl ;;
  copyall) echo "honor_crq_extensions" >> "$work/ta.tmpl"; echo "honor_crq_extensions" >> "$work/tsa.tmpl" ;;
  crl-400-days) crl_days=400 ;;
  underscore-subject) subject_ou="TSA_1" ;;
  same-key-renewed) ;;
  *) echo "unknown variant $variant" >&2; exit 2 ;;
esac
sed -i "s/^crl_next_update = .*/crl_next_update = $crl_days/" "$work/crl.tmpl"

tool() {
  certtool "$@" >>"$work/certtool.log" 2>&1 || {
    echo "certtool $1 failed; see $work/certtool.log" >&2; tail -5 "$work/certtool.log" >&2; return 1; }
}
key() { tool --generate-privkey --key-type rsa --bits 2048 --outfile "$work/$1.key"; }

key ca
tool --generate-self-signed --load-privkey "$work/ca.key" --template "$work/ca.tmpl" --hash "$hash" \
  --outfile "$out/ca/ca.pem"

serial=4096
issue() {  # name template O OU CN [key]
  local name="$1" tmpl="$2" k="${6:-$1}"
  [ -f "$work/$k.key" ] || key "$k"
  serial=$((serial + 1))
  { cat "$work/$tmpl.tmpl"; echo "serial = $serial"; echo "organization = \"$3\"";
    echo "unit = \"$4\""; echo "cn = \"$5\""; } > "$work/$name.tmpl"
  # The applicant's request; with `copyall` it also asks for a subjectAltName.
  { cat "$work/$name.tmpl"; [ "$variant" = copyall ] && echo 'dns_name = "tsa.example.jp"'; } \
    > "$work/$name.req.tmpl" || true
  tool --generate-request --load-privkey "$work/$k.key" --template "$work/$name.req.tmpl" \
    --outfile "$out/csrs/$name.csr"
  tool --generate-certificate --load-request "$out/csrs/$name.csr" --load-ca-certificate "$out/ca/ca.pem" \
    --load-ca-privkey "$work/ca.key" --template "$work/$name.tmpl" --hash "$hash" \
    --outfile "$out/certs/$name.pem"
  event certificate_issued "\"serial\": \"$(serial_of "$out/certs/$name.pem")\", \"profile\": \"$tmpl\", \"subscriber\": \"$3\", \"certificate\": \"certs/$name.pem\""
}
issue_all
# certtool lists every certificate given to --generate-crl as revoked.
event certificate_revoked "\"serial\": \"$(serial_of "$out/certs/ta-2.pem")\", \"reason\": \"keyCompromise\""
tool --generate-crl --load-ca-privkey "$work/ca.key" --load-ca-certificate "$out/ca/ca.pem" \
  --load-certificate "$out/certs/ta-2.pem" --template "$work/crl.tmpl" --hash "$hash" \
  --outfile "$out/crls/crl.pem"
event crl_published "\"crl\": \"crls/crl.pem\", \"url\": \"http://repository.secomtrust.net/SC-Root1/SCRoot1CRL.crl\""
