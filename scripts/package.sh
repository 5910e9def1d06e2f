#!/usr/bin/env bash
# Builds the Debian package from a configured build folder (default build/),
# checks it with lintian (no errors), unpacks it into a scratch root and runs
# the packaged cpaudit there: --version, and the demo audit on the packaged
# demo evidence with the packaged second pack too.
#
#   scripts/package.sh [BUILD_DIR]    ->  BUILD_DIR/cpaudit_VERSION_amd64.deb
#
# Needs scripts/setup.sh (the build) and scripts/setup-tools.sh (lintian,
# dpkg-dev, file).
set -euo pipefail
cd "$(dirname "$0")/.."
build=${1:-build}

echo "== Debian package"
for tool in cpack lintian dpkg-shlibdeps file; do
  command -v "$tool" >/dev/null || { echo "package: no $tool (scripts/setup-tools.sh installs it)" >&2; exit 2; }
done
rm -f "$build"/cpaudit_*.deb
(cd "$build" && cpack -G DEB >/dev/null)
deb=$(ls "$build"/cpaudit_*_amd64.deb)
lintian --fail-on error "$deb"
root=$(mktemp -d)
trap 'rm -rf "$root"' EXIT
dpkg -x "$deb" "$root"
"$root/usr/bin/cpaudit" --version
demo="$root/usr/share/doc/cpaudit/examples/demo"
# The demo holds deliberate violations: the gate fails (1); anything else is wrong.
set +e
"$root/usr/bin/cpaudit" audit "$demo" --quiet --report json="$root/out/demo.json"
code=$?
"$root/usr/bin/cpaudit" audit "$demo" --quiet --pack "$root/usr/share/cpaudit/rules/tsa-rfc3161-cabf"
tsa_code=$?
set -e
if [ "$code" -ne 1 ] || [ "$tsa_code" -ne 1 ] || [ ! -s "$root/out/demo.json" ]; then
  echo "package: the packaged demo audit exited $code and $tsa_code (1 expected)" >&2
  exit 1
fi
echo "package: $deb (lintian clean; runs from a scratch root)"
