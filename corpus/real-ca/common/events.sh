# Sourced by the build scripts of CAs that keep no database cpaudit reads: they
# record what they do as cpaudit events (DESIGN.md's schema), as a CA's
# operations log would.
event() {  # TYPE JSON-FIELDS (without braces)
  printf '{"time": "%s", "type": "%s", %s}\n' "$(date -u +%Y-%m-%dT%H:%M:%SZ)" "$1" "$2" \
    >> "$out/events/ca.jsonl"
}
serial_of() {  # CERT.pem -> hex serial
  openssl x509 -in "$1" -noout -serial | cut -d= -f2
}
