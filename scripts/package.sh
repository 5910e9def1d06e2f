#!/usr/bin/env bash
# Builds the Debian package from a configured build folder (default build/),
# checks it with lintian (no errors), unpacks it into a scratch root and runs
# the packaged cpaudit there: --version, and the demo audit on the packaged
# demo evidence with the packaged second pack too. Then installs it with apt
# on a clean Debian 12 (debootstrap; needs root and deb.debian.org), runs the
# demo there and removes it.
#
#   scripts/package.sh [BUILD_DIR]    ->  BUILD_DIR/cpaudit_VERSION_amd64.deb
#
# Needs scripts/setup.sh (the build) and scripts/setup-tools.sh (lintian,
# dpkg-dev, file, debootstrap).
set -euo pipefail
cd "$(dirname "$0")/.."
build=${1:-build}

for tool in cpack lintian dpkg-shlibdeps file debootstrap chroot; do
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

# A clean Debian 12: a minimal bookworm system (debootstrap), where apt installs
# the package with its dependencies from Debian, the packaged demo audit runs,
# and apt removes it again. The base system is made once per build folder and
# copied for each run, so every install starts clean.
base="$build/debian12-minbase"
if [ ! -x "$base/usr/bin/apt-get" ]; then
  rm -rf "$base"
  if ! debootstrap --variant=minbase bookworm "$base" http://deb.debian.org/debian \
      >"$build/debootstrap.log" 2>&1; then
    echo "package: debootstrap of Debian 12 failed (see $build/debootstrap.log)" >&2
    exit 1
  fi
fi
clean="$build/debian12-clean"
rm -rf "$clean"
cp -a "$base" "$clean"
trap 'rm -rf "$root" "$clean"' EXIT
cp /etc/resolv.conf "$clean/etc/resolv.conf"
cp "$deb" "$clean/tmp/"
in_clean() { chroot "$clean" /usr/bin/env -i PATH=/usr/sbin:/usr/bin:/sbin:/bin HOME=/root "$@"; }
log="$build/clean-install.log"
apt_in_clean() {  # apt's output goes to the log, shown when it fails
  if ! in_clean env DEBIAN_FRONTEND=noninteractive apt-get "$@" >>"$log" 2>&1; then
    cat "$log" >&2
    echo "package: apt-get $* failed on a clean Debian 12" >&2
    exit 1
  fi
}
: >"$log"
apt_in_clean update -q
apt_in_clean install -y -q "/tmp/$(basename "$deb")"
in_clean cpaudit --version
set +e
in_clean cpaudit audit /usr/share/doc/cpaudit/examples/demo --quiet --report html=/tmp/demo.html
code=$?
set -e
if [ "$code" -ne 1 ] || [ ! -s "$clean/tmp/demo.html" ]; then
  echo "package: on a clean Debian 12 the demo audit exited $code (1 expected)" >&2
  exit 1
fi
apt_in_clean remove -y -q cpaudit
if [ -e "$clean/usr/bin/cpaudit" ] || [ -e "$clean/usr/share/cpaudit" ]; then
  echo "package: apt remove left files behind" >&2
  exit 1
fi
echo "package: $deb (lintian clean; runs from a scratch root; apt installs it on a clean Debian 12, the demo runs there, apt removes it)"
