#!/usr/bin/env bash
# Side by side on this machine, one thread each, the same ~3 KB OB 3.0 credential (credential-template.json):
# eddsa-rdfc-2022 sign and verify with this project's library and with @digitalbazaar/vc, then the ratio.
#   tests/interop/bench.sh [N_OURS] [N_THEIRS]     (defaults 20000 and 300; ours warms up 2,000 rounds first so tiered JIT has settled)
set -euo pipefail
here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
cd "$here"
export OBI_CONFORMANCE_SUITES="${OBI_CONFORMANCE_SUITES:-$here/../../../shared/test-suites}"
if [[ ! -d node_modules || package-lock.json -nt node_modules ]]; then
  npm ci --no-audit --no-fund --loglevel=error
fi
tool_dir="$here/../OpenBadgesIssuer.InteropTool"
dotnet build "$tool_dir" -c Release -nologo -v quiet -o "$tool_dir/bin/bench" >/dev/null
echo "load: $(uptime)"
ours=$(dotnet "$tool_dir/bin/bench/OpenBadgesIssuer.InteropTool.dll" bench credential-template.json "${1:-20000}")
theirs=$(node bench-digitalbazaar.mjs "${2:-300}")
echo "$ours"
echo "$theirs"
rate() { sed -n "s/.* $1 \([0-9.]*\) cred\/s.*/\1/p"; }
for op in sign verify; do
  o=$(echo "$ours" | rate "$op"); t=$(echo "$theirs" | rate "$op")
  awk -v o="$o" -v t="$t" -v op="$op" 'BEGIN { printf "%s: %.0fx (%.1f vs %.1f cred/s)\n", op, o / t, o, t }'
done
