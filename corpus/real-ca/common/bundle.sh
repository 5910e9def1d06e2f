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
serial_of() {  # CERT.pem -> hex serial
  openssl x509 -in "$1" -noout -serial | cut -d= -f2
}
