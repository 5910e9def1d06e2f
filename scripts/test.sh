#!/usr/bin/env bash
# The whole test suite: the Release build's tests (g++) and the pack's
# fixtures, the same tests built with clang, AddressSanitizer and
# UndefinedBehaviorSanitizer, a formatting check, and every fuzzer (from that
# same build) for a bounded time.
#
#   scripts/test.sh           what CI runs (.ci/run)
#   scripts/test.sh --quick   the Release build's unit and end-to-end tests and
#                             the packs' fixtures only: a few minutes, for
#                             developers between commits (tests needing tools
#                             that scripts/setup-tools.sh installs skip)
set -euo pipefail
cd "$(dirname "$0")/.."
quick=false
case "${1:-}" in
  --quick) quick=true ;;
  "") ;;
  *) echo "usage: scripts/test.sh [--quick]" >&2; exit 2 ;;
esac

# Each stage says when it starts (seconds since the run began): CI's budget
# is 20 minutes, and this is where to look when a run grows.
stage() { echo "== $1 [at ${SECONDS} s]"; }

scripts/setup.sh
if ! $quick; then
  scripts/setup-tools.sh
  # The report validators and the browser test must run here, not be skipped.
  export CPAUDIT_REQUIRE_TOOLS=1
fi

stage "tests (Release)"
ctest --test-dir build --output-on-failure -j"$(nproc)"
echo "HTML report screenshot: build/test-output/browser/report.png"
for pack in rules/*/pack.yaml; do  # every shipped pack passes its own fixtures
  build/cpaudit fixtures build --check "$(dirname "$pack")"  # recipes match their evidence
  build/cpaudit test-pack "$(dirname "$pack")"
done
if $quick; then
  echo "quick tests passed (the full suite: scripts/test.sh)"
  exit 0
fi
stage "benchmarks (smoke: they run and their results are sane, not timed)"
build/cpaudit_bench --benchmark_min_time=0.001
stage "Debian package"
scripts/package.sh build

stage "tests (ASan + UBSan, clang: the fuzzers' build)"
# One sanitized build (clang 14, ASan, UBSan, coverage) serves the tests and
# the fuzzers below; the Release build above is g++ 12's.
export CPAUDIT_TESTS=ON
scripts/fuzz.sh --build-only
ASAN_OPTIONS=detect_leaks=1:abort_on_error=1 UBSAN_OPTIONS=print_stacktrace=1:halt_on_error=1 \
  ctest --test-dir build-fuzz --output-on-failure -j"$(nproc)"

stage "formatting (clang-format)"
files=$(git ls-files '*.cc' '*.h')
if ! clang-format --dry-run --Werror $files; then
  echo "run: clang-format -i \$(git ls-files '*.cc' '*.h')"
  exit 1
fi
stage "fuzzing (libFuzzer, ASan + UBSan)"
scripts/fuzz.sh 20
echo "all tests passed in ${SECONDS} s"
