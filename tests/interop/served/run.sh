#!/usr/bin/env bash
# Served-artifact interop: against a RUNNING OpenBadgesIssuer, runs the district walkthrough (samples/), then verifies
# what the server serves for that award with independent Node tools (verify-served.mjs): @digitalbazaar/vc (DI, did:web
# resolved from the server), jose + the 1EdTech VC-JWT rules (key from the kid URL), ajv against the official OB 3.0
# schema and @digitalcredentials/verifier-core. Offline apart from SERVER_URL.
#   tests/interop/served/run.sh SERVER_URL API_KEY
# Env: OBI_CONFORMANCE_SUITES (contexts; default ../shared/test-suites next to the repo), OBI_SPEC_DIR (default
# ../shared/spec next to the repo). Prints PASS/FAIL lines and "interop-served: N passed, M failed"; non-zero on failure.
set -uo pipefail
here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
repo="$(cd "$here/../../.." && pwd)"
server=${1:?usage: run.sh SERVER_URL API_KEY}
key=${2:?usage: run.sh SERVER_URL API_KEY}

export OBI_CONFORMANCE_SUITES="${OBI_CONFORMANCE_SUITES:-$repo/../shared/test-suites}"
export OBI_SPEC_DIR="${OBI_SPEC_DIR:-$repo/../shared/spec}"
if [[ ! -f "$OBI_CONFORMANCE_SUITES/contexts/contexts.json" ]]; then
  echo "interop-served: contexts not found under $OBI_CONFORMANCE_SUITES (set OBI_CONFORMANCE_SUITES)" >&2
  exit 2
fi

cd "$here/.."
if [[ ! -d node_modules || package-lock.json -nt node_modules ]]; then
  npm ci --no-audit --no-fund --loglevel=error || { echo "interop-served: npm ci failed" >&2; exit 2; }
  touch node_modules
fi

work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT
log="$work/log.txt"
failed_steps=0

echo "== samples/district-walkthrough.sh against $server"
if OBI_URL="$server" OBI_API_KEY="$key" OBI_WALKTHROUGH_OUT="$work/out" bash "$repo/samples/district-walkthrough.sh" >"$work/walkthrough.txt" 2>&1; then
  echo "PASS served district walkthrough: every link answered 200 with the expected media type" | tee -a "$log"
else
  cat "$work/walkthrough.txt"
  echo "FAIL served district walkthrough: see the output above" | tee -a "$log"
fi

if [[ -f "$work/out/assertion.json" ]]; then
  echo "== node served/verify-served.mjs"
  # verifier-core's own ajv prints "strict mode" warnings about the official schema's @context tuple: noise, dropped.
  node "$here/verify-served.mjs" "$server" "$work/out/assertion.json" 2>&1 | grep -v '^strict mode: ' | tee -a "$log"
  [[ ${PIPESTATUS[0]} -eq 0 ]] || failed_steps=$((failed_steps + 1))
else
  failed_steps=$((failed_steps + 1))
fi

passed=$(grep -c '^PASS ' "$log" || true)
failed=$(grep -c '^FAIL ' "$log" || true)
echo "interop-served: $passed passed, $failed failed"
if [[ $failed -ne 0 || $failed_steps -ne 0 || $passed -eq 0 ]]; then
  exit 1
fi
