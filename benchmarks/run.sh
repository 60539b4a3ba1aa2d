#!/usr/bin/env bash
# Runs the Standards benchmarks (BenchmarkDotNet, short in-process job, single thread, MemoryDiagnoser) and prints
# the summary table plus one "credentials/s" line per benchmark derived from its mean.
#   benchmarks/run.sh                           # everything (~4-6 minutes on the 2-core box)
#   benchmarks/run.sh --filter '*Rdfc*'         # BenchmarkDotNet arguments pass through (--filter, --full, ...)
# The full BenchmarkDotNet log and reports go to benchmarks/BenchmarkDotNet.Artifacts/.
set -euo pipefail
root="$(cd "$(dirname "$0")/.." && pwd)"
project="$root/benchmarks/OpenBadgesIssuer.Benchmarks"
artifacts="$root/benchmarks/BenchmarkDotNet.Artifacts"

args=("$@")
has_filter=false
for a in "${args[@]}"; do
  case "$a" in --filter|-f|--list|--info|--help|-h) has_filter=true ;; esac
done
if [ "$has_filter" = false ]; then
  args+=(--filter '*')
fi

echo "== load before run: $(uptime)"
dotnet build -c Release "$project" --nologo -v q -clp:ErrorsOnly >/dev/null
mkdir -p "$artifacts"
log="$artifacts/run-$(date -u +%Y%m%dT%H%M%SZ).log"
start=$(date +%s)
# The benchmarks are sequential (one thread). BENCH_CPU=N additionally pins the process to CPU N (taskset); not done
# by default because on a shared box the pinned core may be the busy one.
pin=()
if [ -n "${BENCH_CPU:-}" ] && command -v taskset >/dev/null 2>&1; then
  pin=(taskset -c "$BENCH_CPU")
fi
if ! "${pin[@]}" dotnet "$project/bin/Release/net10.0/OpenBadgesIssuer.Benchmarks.dll" \
      --artifacts "$artifacts" "${args[@]}" >"$log" 2>&1; then
  tail -n 40 "$log"
  echo "benchmark run failed; full log: $log" >&2
  exit 1
fi
echo "== load after run: $(uptime); took $(( $(date +%s) - start )) s; full log: $log"
echo
# The summary table (environment header and table) as BenchmarkDotNet prints it at the end of the run.
awk '/^\/\/ \* Summary \*/{p=1} p&&/^\/\/ \* Legends \*/{exit} p' "$log"
grep -E '^// credential ' "$log" | head -n 1 || true
grep -E '^credentials/s ' "$log"
