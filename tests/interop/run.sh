#!/usr/bin/env bash
# Interop between OpenBadgesIssuer (C#) and jose / Digital Bazaar (Node 20), offline.
#   1. our tool emits credentials it signed          (dotnet OpenBadgesIssuer.InteropTool emit)
#   2. Node verifies them                             (node verify-ours.mjs)
#   3. Node signs its own                             (node sign-theirs.mjs)
#   4. our tool verifies those                        (dotnet OpenBadgesIssuer.InteropTool verify)
# Prints one line per artifact and "interop: N passed, M failed" at the end; exits non-zero on any failure.
# Contexts are read from $OBI_CONFORMANCE_SUITES/contexts (default ../../../shared/test-suites from here).
set -uo pipefail
here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
cd "$here"

if [[ -z "${OBI_CONFORMANCE_SUITES:-}" ]]; then
  export OBI_CONFORMANCE_SUITES="$here/../../../shared/test-suites"
fi
if [[ ! -f "$OBI_CONFORMANCE_SUITES/contexts/contexts.json" ]]; then
  echo "interop: contexts not found under $OBI_CONFORMANCE_SUITES (set OBI_CONFORMANCE_SUITES)" >&2
  exit 2
fi

if [[ ! -d node_modules || package-lock.json -nt node_modules ]]; then
  npm ci --no-audit --no-fund --loglevel=error || { echo "interop: npm ci failed" >&2; exit 2; }
fi

tool_dir="$here/../OpenBadgesIssuer.InteropTool"
dotnet build "$tool_dir" -c Release -nologo -v quiet -o "$tool_dir/bin/interop" >/dev/null \
  || { echo "interop: building OpenBadgesIssuer.InteropTool failed" >&2; exit 2; }
tool=(dotnet "$tool_dir/bin/interop/OpenBadgesIssuer.InteropTool.dll")

work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT
log="$work/log.txt"
steps_failed=0

step() {
  echo "== $*"
  "$@" 2>&1 | tee -a "$log"
  local rc=${PIPESTATUS[0]}
  if [[ $rc -ne 0 ]]; then
    echo "step failed (exit $rc): $*" | tee -a "$log"
    steps_failed=$((steps_failed + 1))
  fi
}

step "${tool[@]}" emit "$work/ours" "$here/credential-template.json"
step node verify-ours.mjs "$work/ours"
step node sign-theirs.mjs "$work/theirs"
step "${tool[@]}" verify "$work/theirs"

passed=$(grep -c '^PASS ' "$log" || true)
failed=$(grep -c '^FAIL ' "$log" || true)
skipped=$(grep -c '^SKIP ' "$log" || true)
echo "interop: $passed passed, $failed failed ($skipped skipped)"
if [[ $failed -ne 0 || $steps_failed -ne 0 || $passed -eq 0 ]]; then
  exit 1
fi
