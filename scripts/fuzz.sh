#!/usr/bin/env bash
# Builds the libFuzzer targets (clang, ASan + UBSan) and runs each for a
# bounded time on its seed corpus (corpus/fuzz/<target>/, plus the shared
# external corpora where they fit). A crash fails and prints the reproducer.
# Then the worked example of fuzzing a CA must find a non-compliant
# certificate within its budget.
#
#   scripts/fuzz.sh [SECONDS_PER_TARGET]   (default 45)
#   scripts/fuzz.sh --build-only           the build, no fuzzing
#
# With CPAUDIT_TESTS=ON the same build has the tests too: scripts/test.sh runs
# them there as its ASan + UBSan tests, so that the library, instrumented
# once, serves the tests and the fuzzers.
set -euo pipefail
cd "$(dirname "$0")/.."
seconds="${1:-45}"
CXX=clang++ CC=clang cmake -S . -B build-fuzz -G Ninja -DCMAKE_BUILD_TYPE=RelWithDebInfo \
  -DCPAUDIT_FUZZ=ON -DCPAUDIT_TESTS="${CPAUDIT_TESTS:-OFF}" >/dev/null
cmake --build build-fuzz
[ "$seconds" = --build-only ] && exit 0
work="build-fuzz/runs"
rm -rf "$work" && mkdir -p "$work"
external="../shared/external"

declare -A extra=(
  [certificate]="$external/boringssl-pki/nist-pkits/certs"
  [crl]="$external/boringssl-pki/nist-pkits/crls"
  [pem]="$external/zlint-testdata $external/boringssl-pki/crl_unittest"
  [der_differential]="corpus/fuzz/certificate corpus/fuzz/crl corpus/fuzz/csr $external/boringssl-pki/nist-pkits/certs $external/boringssl-pki/nist-pkits/crls"
)
for target in certificate crl csr der_differential event_line pem pack; do
  mkdir -p "$work/$target"
  seeds=()
  [ -d "corpus/fuzz/$target" ] && seeds+=(corpus/fuzz/$target)
  for dir in ${extra[$target]:-}; do [ -d "$dir" ] && seeds+=("$dir"); done
  echo "== fuzzing $target for ${seconds}s"
  if ! (cd "$work" && ../${target}_fuzzer "$target" "${seeds[@]/#/../../}" -max_total_time="$seconds" \
        -rss_limit_mb=2048 -timeout=10 -print_final_stats=1 > "$target.log" 2>&1); then
    tail -60 "$work/$target.log"
    echo "FUZZ FAILURE in $target: reproduce with build-fuzz/${target}_fuzzer $(ls "$work"/crash-* "$work"/timeout-* "$work"/oom-* 2>/dev/null | head -1)"
    exit 1
  fi
  grep -E "^#[0-9]+ +DONE|stat::number_of_executed_units|stat::average_exec_per_sec" "$work/$target.log"
done

echo "== fuzzing the example CA (fuzz/ca_issuance_fuzzer.cc) until it issues a non-compliant certificate"
mkdir -p "$work/ca_issuance"
start=$(date +%s)
# From compliant applications (corpus/fuzz/ca_issuance) the first finding takes
# about a second; from nothing it took minutes and once more than 240 s.
if (cd "$work" && ../ca_issuance_fuzzer ca_issuance ../../corpus/fuzz/ca_issuance -max_total_time=240 \
      -rss_limit_mb=2048 -timeout=10 > ca_issuance.log 2>&1); then
  echo "the CA fuzzer found nothing in 240 s"
  exit 1
fi
grep -A6 "breaks the CP" "$work/ca_issuance.log" | head -8
echo "found after $(( $(date +%s) - start )) s; input: $(ls "$work"/crash-* | head -1)"
echo "fuzzing passed"
