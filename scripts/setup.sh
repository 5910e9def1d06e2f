#!/usr/bin/env bash
# Sets up a fresh Debian 12 machine for cpaudit and builds it (Release):
# installs the Debian packages that are missing, configures and builds build/.
set -euo pipefail
cd "$(dirname "$0")/.."

packages=(cmake ninja-build g++ clang libclang-rt-14-dev clang-format pkg-config
          libssl-dev libyaml-cpp-dev libgtest-dev libbenchmark-dev libre2-dev
          nlohmann-json3-dev libcli11-dev libfmt-dev libicu-dev openssl)
missing=()
for p in "${packages[@]}"; do
  dpkg -s "$p" >/dev/null 2>&1 || missing+=("$p")
done
if ((${#missing[@]})); then
  echo "setup: installing ${missing[*]}"
  sudo=""
  [ "$(id -u)" -eq 0 ] || sudo="sudo"
  $sudo apt-get update -qq
  DEBIAN_FRONTEND=noninteractive $sudo apt-get install -y -qq --no-install-recommends "${missing[@]}"
fi

cmake -S . -B build -G Ninja -DCMAKE_BUILD_TYPE=Release -DCPAUDIT_BENCH=ON
cmake --build build
echo "setup: built build/cpaudit"
