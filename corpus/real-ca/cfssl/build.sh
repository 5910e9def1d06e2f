#!/usr/bin/env bash
# Builds a CA with CloudFlare cfssl (signing profiles in config.json), issues
# two TA and two TSA certificates, revokes one, publishes a CRL, and writes an
# evidence bundle with its event log.
#
#   build.sh OUT [VARIANT]
set -euo pipefail
here="$(cd "$(dirname "$0")" && pwd)"
source "$here/../common/bundle.sh"
cp "$here/config.json" "$work/config.json"
subject_ou="TSA 1"
case "$variant" in
  correct) ;;
  no-policies) python3 - "$work/config.json" <<'PY'
import json, sys
c = json.load(open(sys.argv[1]))
for p in c["signing"]["profiles"].values():
    p.pop("policies")
json.dump(c, open(sys.argv[1], "w"))
PY
    ;;
  wrong-crl-url) sed -i 's/SCRoot1CRL.crl/SCRoot2CRL.crl/' "$work/config.json" ;;
  key-cert-sign) sed -i 's/"usages": \["digital signature"/"usages": ["digital signature", "cert sign"/' "$work/config.json" ;;
  underscore-subject) subject_ou="TSA_1" ;;
  copyall) ;;
  same-key-renewed) ;;
  *) echo "unknown variant $variant" >&2; exit 2 ;;
esac

run() {
  "$@" 2>>"$work/cfssl.log" || { echo "$1 failed; see $work/cfssl.log" >&2; tail -5 "$work/cfssl.log" >&2; return 1; }
}
(cd "$work" && run cfssl gencert -initca "$here/ca-csr.json" | run cfssljson -bare ca)
cp "$work/ca.pem" "$out/ca/ca.pem"

issue() {  # name profile O OU CN [reuse-csr-of]
  local name="$1" profile="$2"
  if [ -n "${6:-}" ]; then
    cp "$out/csrs/$6.csr" "$out/csrs/$name.csr"
  else
    # With `copyall` the applicant also asks for a DNS name, which cfssl copies.
    local hosts=""
    [ "$variant" = copyall ] && hosts='"hosts": ["tsa.example.jp"], '
    printf '{"CN": "%s", %s"names": [{"C": "JP", "O": "%s", "OU": "%s"}], "key": {"algo": "rsa", "size": 2048}}\n' \
      "$5" "$hosts" "$3" "$4" > "$work/$name-csr.json"
    (cd "$work" && run cfssl genkey "$work/$name-csr.json" | run cfssljson -bare "$name")
    cp "$work/$name.csr" "$out/csrs/$name.csr"
  fi
  (cd "$work" && run cfssl sign -ca ca.pem -ca-key ca-key.pem -config config.json -profile "$profile" \
    "$out/csrs/$name.csr" | run cfssljson -bare "$name-cert")
  cp "$work/$name-cert.pem" "$out/certs/$name.pem"
  event certificate_issued "\"serial\": \"$(serial_of "$out/certs/$name.pem")\", \"profile\": \"$profile\", \"subscriber\": \"$3\", \"certificate\": \"certs/$name.pem\""
}
issue_all
revoked=$(serial_of "$out/certs/ta-2.pem")
event certificate_revoked "\"serial\": \"$revoked\", \"reason\": \"keyCompromise\""
# cfssl gencrl takes decimal serials and writes base64 DER.
python3 -c "print(int('$revoked', 16))" > "$work/revoked.txt"
run cfssl gencrl "$work/revoked.txt" "$work/ca.pem" "$work/ca-key.pem" | base64 -d > "$out/crls/crl.der"
event crl_published "\"crl\": \"crls/crl.der\", \"url\": \"http://repository.secomtrust.net/SC-Root1/SCRoot1CRL.crl\""
