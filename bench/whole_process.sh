#!/usr/bin/env bash
# Whole-process cost per certificate of `cpaudit audit --threads 1` against a
# floor program that only verifies each certificate's signature with the CA's
# key (bench/floor_verify.cc), both over the same 2,000 certificates made by
# `openssl ca` with the CP's configuration (corpus/real-ca/openssl/openssl.cnf),
# each with its own RSA-2048 key. Process start-up is removed by timing each
# program on a 1-certificate folder too: per certificate = (T(N) - T(1)) / (N - 1).
#
#   bench/whole_process.sh [BUILD_DIR] [N]      (default build, 2000)
#   REUSE=DIR bench/whole_process.sh [BUILD_DIR]  (the certificates of a KEEP=1 run)
set -euo pipefail
build="${1:-build}"
n="${2:-2000}"
here="$(cd "$(dirname "$0")/.." && pwd)"
# KEEP=1 keeps the certificates (the folder is printed) for profiling;
# REUSE=that-folder times them again without making new ones.
if [ -n "${REUSE:-}" ]; then
  work="$REUSE"
  n=$(find "$work/all/certs" -name '*.pem' | wc -l)
else
  work="$(mktemp -d)"
  if [ -z "${KEEP:-}" ]; then trap 'rm -rf "$work"' EXIT; else echo "keeping $work" >&2; fi
fi
if [ -z "${REUSE:-}" ]; then
  ca_dir="$work/ca-files"
  mkdir -p "$ca_dir/newcerts" "$ca_dir/private" "$work/keys"
  cp "$here/corpus/real-ca/openssl/openssl.cnf" "$ca_dir/openssl.cnf"
  export CA_DIR="$ca_dir"
  touch "$ca_dir/index.txt"
  echo 1000 > "$ca_dir/serial"
  echo 01 > "$ca_dir/crlnumber"
  openssl genpkey -algorithm RSA -pkeyopt rsa_keygen_bits:2048 -out "$ca_dir/private/ca.key" 2>/dev/null
  openssl req -config "$ca_dir/openssl.cnf" -new -x509 -sha1 -days 3650 -key "$ca_dir/private/ca.key" \
    -extensions v3_ca -out "$ca_dir/ca.pem" 2>/dev/null
  echo "making $n keys and certificates with openssl" >&2
  seq 1 "$n" | xargs -P 2 -I{} sh -c \
    'openssl genpkey -algorithm RSA -pkeyopt rsa_keygen_bits:2048 -out "$0/keys/{}.key" 2>/dev/null &&
     openssl req -new -key "$0/keys/{}.key" -subj "/C=JP/O=Example Time Corp/OU=TSA {}/CN=Example TSA {}" \
       -out "$0/keys/{}.csr" 2>/dev/null' "$work"
  for i in $(seq 1 "$n"); do
    openssl ca -config "$ca_dir/openssl.cnf" -batch -notext -extensions tsa_ext \
      -in "$work/keys/$i.csr" -out "$work/keys/$i.pem" 2>/dev/null
  done
  for set in all one; do
    mkdir -p "$work/$set/ca" "$work/$set/certs" "$work/$set/events"
    cp "$ca_dir/ca.pem" "$work/$set/ca/ca.pem"
  done
  cp "$work"/keys/*.pem "$work/all/certs/"
  cp "$work/keys/1.pem" "$work/one/certs/"
  cp "$ca_dir/index.txt" "$ca_dir/index.txt.attr" "$work/all/events/"
  grep -P '\t1000\t' "$ca_dir/index.txt" > "$work/one/events/index.txt" || true
  cp "$ca_dir/index.txt.attr" "$work/one/events/"
fi

# Best of 5 runs, seconds.
best() {
  local best=""
  for _ in 1 2 3 4 5; do
    local start end
    start=$(date +%s.%N)
    "$@" > /dev/null 2>&1 || true
    end=$(date +%s.%N)
    best=$(echo "$end - $start" | bc | awk -v b="$best" '{ if (b == "" || $1 < b) print $1; else print b }')
  done
  echo "$best"
}
floor_all=$(best "$build/cpaudit-floor" "$work/all/ca/ca.pem" "$work/all/certs")
floor_one=$(best "$build/cpaudit-floor" "$work/one/ca/ca.pem" "$work/one/certs")
audit_all=$(best "$build/cpaudit" audit "$work/all" --threads 1 --quiet)
audit_one=$(best "$build/cpaudit" audit "$work/one" --threads 1 --quiet)
verified=$("$build/cpaudit-floor" "$work/all/ca/ca.pem" "$work/all/certs")
awk -v n="$n" -v v="$verified" -v fa="$floor_all" -v fo="$floor_one" -v aa="$audit_all" -v ao="$audit_one" 'BEGIN {
  floor = (fa - fo) / (n - 1) * 1e6; audit = (aa - ao) / (n - 1) * 1e6;
  printf "certificates %d (floor verified %d)\n", n, v;
  printf "floor  %.3f s for %d, %.3f s for 1: %.1f us per certificate\n", fa, n, fo, floor;
  printf "audit  %.3f s for %d, %.3f s for 1: %.1f us per certificate\n", aa, n, ao, audit;
  printf "ratio  %.2fx\n", audit / floor;
}'
