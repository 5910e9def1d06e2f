#!/usr/bin/env bash
# Installs what the tests need beyond the build: lintian, dpkg-dev, file and
# debootstrap (scripts/package.sh builds and checks the Debian package and
# installs it on a clean Debian 12), poppler-utils
# (pdftotext reads the printed HTML report back), Debian's Chromium and
# xmllint, GitHub's Markdown renderer cmark-gfm, GnuTLS certtool and cfssl (real CA software for end-to-end tests),
# Python 3 (tests/broken_der breaks certificates with it),
# and (from the npm registry, pinned in tests/tools/package-lock.json)
# the official SARIF validator and playwright-core to drive Chromium.
set -euo pipefail
cd "$(dirname "$0")/.."

missing=()
for p in chromium fonts-ipafont-gothic libxml2-utils cmark-gfm gnutls-bin golang-cfssl \
         lintian dpkg-dev file poppler-utils debootstrap; do
  dpkg -s "$p" >/dev/null 2>&1 || missing+=("$p")
done
# Node.js and Python may come from elsewhere than Debian (they do on the CI
# machines); only install Debian's when there is none.
command -v node >/dev/null && command -v npm >/dev/null || missing+=(nodejs npm)
command -v python3 >/dev/null || missing+=(python3)
if ((${#missing[@]})); then
  echo "setup-tools: installing ${missing[*]}"
  sudo=""
  [ "$(id -u)" -eq 0 ] || sudo="sudo"
  $sudo apt-get update -qq
  DEBIAN_FRONTEND=noninteractive $sudo apt-get install -y -qq --no-install-recommends "${missing[@]}"
fi
if [ ! -x tests/tools/node_modules/.bin/sarif-multitool ] || [ ! -d tests/tools/node_modules/playwright-core ]; then
  (cd tests/tools && npm ci --no-audit --no-fund)
fi
# npm 11 holds back the package's install script, which only marks the binary executable.
chmod u+x tests/tools/node_modules/@microsoft/sarif-multitool-linux/Sarif.Multitool
echo "setup-tools: chromium, xmllint, cmark-gfm, sarif-multitool and playwright-core ready"
