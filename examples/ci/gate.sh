#!/usr/bin/env bash
# A CA release gate, as the GitLab and GitHub snippets beside this file run it:
# issue test certificates and a CRL with the CA build under test, audit them
# against the CP with cpaudit, fail on a regression, and leave JUnit, SARIF,
# HTML and Markdown reports in $OUT.
#
#   CPAUDIT=path/to/cpaudit ISSUE="path/to/issue-script" OUT=out gate.sh
#
# ISSUE is the CA's own script that issues with the new build and writes an
# evidence folder (ca/ certs/ crls/ events/); the default is the openssl ca
# example of this repository. A baseline (ci/cpaudit-baseline.json) and waivers
# (ci/cpaudit-waivers.yaml), when present beside the pipeline, are applied.
set -euo pipefail
cpaudit="${CPAUDIT:-cpaudit}"
issue="${ISSUE:-corpus/real-ca/openssl/build.sh}"
out="${OUT:-out}"
ci="${CI_CONFIG:-ci}"
mkdir -p "$out"
$issue "$out/evidence"

args=(audit "$out/evidence" --fail-on "${FAIL_ON:-error}"
      --report junit="$out/cpaudit-junit.xml" --report sarif="$out/cpaudit.sarif"
      --report html="$out/cpaudit-report.html" --report markdown="$out/cpaudit-summary.md"
      --report json="$out/cpaudit.json")
[ -f "$ci/cpaudit-baseline.json" ] && args+=(--baseline "$ci/cpaudit-baseline.json")
[ -f "$ci/cpaudit-waivers.yaml" ] && args+=(--waivers "$ci/cpaudit-waivers.yaml")
# Exit 1 when the gate fails; the reports are written either way.
"$cpaudit" "${args[@]}"
