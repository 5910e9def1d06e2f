# Sourced by every build.sh here, with the script's arguments (OUT [VARIANT]):
# sets $out, $variant and $work (the CA's own files, kept under OUT/.ca) and
# makes the evidence folders. CAs that keep no database cpaudit reads record
# what they do with `event`, as a CA's operations log would.
out="$1"
variant="${2:-correct}"
rm -rf "$out"
work="$out/.ca"
mkdir -p "$work" "$out/ca" "$out/certs" "$out/crls" "$out/csrs" "$out/events"

event() {  # TYPE JSON-FIELDS (without braces)
  printf '{"time": "%s", "type": "%s", %s}\n' "$(date -u +%Y-%m-%dT%H:%M:%SZ)" "$1" "$2" \
    >> "$out/events/ca.jsonl"
}
# The certificates every example issues, through the script's own `issue NAME
# PROFILE O OU CN [KEY-OR-CSR-TO-REUSE]`: two TA, two TSA, and for the
# same-key-renewed variant a renewal of tsa-1 with its key. $subject_ou lets a
# variant change tsa-1's OU.
issue_all() {
  issue ta-1 ta "Example Time Corp" "TA 1" "Example Time Authority 1"
  issue ta-2 ta "Example Time Corp" "TA 2" "Example Time Authority 2"
  issue tsa-1 tsa "Example Time Corp" "$subject_ou" "Example TSA 1"
  issue tsa-2 tsa "Example Stamp Inc" "TSA 2" "Example Stamp TSA"
  if [ "$variant" = same-key-renewed ]; then
    issue tsa-1-renewed tsa "Example Time Corp" "$subject_ou" "Example TSA 1" tsa-1
  fi
}
serial_of() {  # CERT.pem -> hex serial
  openssl x509 -in "$1" -noout -serial | cut -d= -f2
}
