#!/usr/bin/env bash
# Load test on one machine: a throwaway PostgreSQL 15 cluster, the API in Release against it, and wrk, all on loopback.
#   (a) issue awards over HTTP at 32 concurrent clients (60 s warm-up: on 2 saturated cores the runtime's tiered JIT and
#       PGO are still recompiling hot methods after 30 s; then 30 s measured): awards/s, p50/p95/p99, errors,
#       and the share of signing in the request time (from the Server-Timing header of the issuance response);
#   (b) one client issuing for 10 s: the uncontended latency and signing share;
#   (c) fetch one public credential (the `ob3` link) at 64 connections: requests/s and p99.
# Prints the load average next to each phase (other work on the box skews every figure) and the targets.
#   benchmarks/load/run.sh
# Env: OBI_SKIP_BUILD=1 (reuse the Release build), OBI_LOAD_CLIENTS (32), OBI_LOAD_DURATION (30), OBI_LOAD_WARMUP (60),
#      OBI_LOAD_FETCH_CLIENTS (64), OBI_LOAD_FETCH_DURATION (15), OBI_LOAD_THREADS (wrk threads, 2),
#      OBI_LOAD_POOL_SIZE (the API's Npgsql "Maximum Pool Size", 8: about 4 per core of the database server; 32 or 100
#      connections make 32 PostgreSQL backends compete with the API for the 2 cores and widen the latency tail),
#      OBI_LOAD_PG_SETTINGS (extra postgres -c settings; default "-c wal_init_zero=off", see below; "" for none),
#      e.g. "-c synchronous_commit=off". Durability settings stay at PostgreSQL's defaults (fsync, synchronous_commit and
#      full_page_writes on). wal_init_zero=off: a fresh cluster creates (and by default zero-fills and fsyncs) a new 16 MB WAL
#      segment every few seconds at this write rate, stalling every commit meanwhile; a long-running server instead
#      recycles old segments and does not pay that, so the default measures the steady state rather than the first minutes
#      of a new cluster. It does not weaken durability (commits still wait for fdatasync of the WAL).
# Needs initdb/pg_ctl (PostgreSQL 15), curl, jq or python3, and wrk (installed with apt-get when missing and root).
set -euo pipefail
here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
repo="$(cd "$here/../.." && pwd)"
cd "$repo"
export DOTNET_CLI_TELEMETRY_OPTOUT=1 DOTNET_NOLOGO=1 DOTNET_SKIP_FIRST_TIME_EXPERIENCE=1

clients=${OBI_LOAD_CLIENTS:-32}
duration=${OBI_LOAD_DURATION:-30}
warmup=${OBI_LOAD_WARMUP:-60}
fetch_clients=${OBI_LOAD_FETCH_CLIENTS:-64}
fetch_duration=${OBI_LOAD_FETCH_DURATION:-15}
threads=${OBI_LOAD_THREADS:-2}
pg_settings=${OBI_LOAD_PG_SETTINGS-"-c wal_init_zero=off"}

if ! command -v wrk >/dev/null 2>&1; then
  if [[ $(id -u) -eq 0 ]] && command -v apt-get >/dev/null 2>&1; then
    echo "load: installing wrk (Debian package)"
    apt-get install -y -qq wrk >/dev/null 2>&1 || { apt-get update -qq >/dev/null 2>&1 && apt-get install -y -qq wrk >/dev/null; }
  fi
  command -v wrk >/dev/null 2>&1 || { echo "load: wrk is required (apt-get install wrk)" >&2; exit 2; }
fi

pg_bin=""
for dir in /usr/lib/postgresql/15/bin "$(dirname "$(readlink -f "$(command -v initdb 2>/dev/null || echo /nonexistent)")")"; do
  if [[ -x "$dir/initdb" && -x "$dir/pg_ctl" ]]; then pg_bin=$dir; break; fi
done
[[ -n "$pg_bin" ]] || { echo "load: PostgreSQL initdb/pg_ctl not found" >&2; exit 2; }

free_port() {
  local candidate
  for _ in $(seq 1 100); do
    candidate=$((20000 + RANDOM % 20000))
    if ! (echo >"/dev/tcp/127.0.0.1/$candidate") 2>/dev/null; then echo "$candidate"; return 0; fi
  done
  return 1
}

work="$(mktemp -d /tmp/obi-load-XXXXXX)"
chmod 755 "$work"
pg_dir="$work/pg"
api_pid=""
as_postgres=()
[[ $(id -u) -eq 0 ]] && as_postgres=(runuser -u postgres --)
cleanup() {
  if [[ -n "$api_pid" ]] && kill -0 "$api_pid" 2>/dev/null; then
    kill -TERM "$api_pid" 2>/dev/null || true
    wait "$api_pid" 2>/dev/null || true
  fi
  if [[ -f "$pg_dir/data/postmaster.pid" ]]; then
    "${as_postgres[@]}" "$pg_bin/pg_ctl" -D "$pg_dir/data" -m fast -w stop >/dev/null 2>&1 || true
  fi
  rm -rf "$work"
}
trap cleanup EXIT

loadavg() { cut -d' ' -f1-3 /proc/loadavg; }
# CPU time (ms, user + system) of a process and its live children (PostgreSQL backends are the postmaster's children).
tick_ms=$((1000 / $(getconf CLK_TCK)))
cpu_ms() {
  local root=$1 total=0 pid
  for pid in "$root" $(pgrep -P "$root" 2>/dev/null || true); do
    if [[ -r /proc/$pid/stat ]]; then
      # fields 14 and 15 (utime, stime) after the ")" that ends the command name
      total=$((total + $(sed 's/.*) //' "/proc/$pid/stat" | awk '{print $12 + $13}')))
    fi
  done
  echo $((total * tick_ms))
}
pg_pid() { head -1 "$pg_dir/data/postmaster.pid"; }
# Checkpoints so far (timed + requested): a checkpoint's writes and fsyncs show up as commit latency spikes.
checkpoints() {
  "${as_postgres[@]}" "$pg_bin/psql" -h 127.0.0.1 -p "$pg_port" -U postgres -d postgres -qAt \
    -c 'SELECT checkpoints_timed + checkpoints_req FROM pg_stat_bgwriter' 2>/dev/null || echo 0
}
# cpu_report LABEL COUNT API_BEFORE PG_BEFORE — CPU ms per unit of work since the two snapshots.
cpu_report() {
  local label=$1 count=$2 api_ms=$(( $(cpu_ms "$api_pid") - $3 )) pg_ms=$(( $(cpu_ms "$(pg_pid)") - $4 ))
  if [[ $count -gt 0 ]]; then
    awk -v l="$label" -v n="$count" -v a="$api_ms" -v p="$pg_ms" -v c="$(nproc)" 'BEGIN {
      printf "    %s: CPU per request: API %.2f ms + PostgreSQL %.2f ms = %.2f ms -> at most %.0f/s on %d dedicated cores (load generator excluded)\n",
        l, a / n, p / n, (a + p) / n, c * 1000 / ((a + p) / n), c }'
  fi
}
echo "load: $(nproc) cores, load average $(loadavg) at start ($(date -u +%FT%TZ))"

# ---- build ----------------------------------------------------------------------------------------------------------
bin="$repo/src/OpenBadgesIssuer.Api/bin/Release/net10.0"
if [[ "${OBI_SKIP_BUILD:-}" != 1 || ! -f "$bin/OpenBadgesIssuer.Api.dll" ]]; then
  echo "load: building the API (Release)"
  dotnet build src/OpenBadgesIssuer.Api -c Release -nologo -v quiet >"$work/build.log" 2>&1 \
    || { cat "$work/build.log"; echo "load: build failed" >&2; exit 2; }
fi

# ---- PostgreSQL 15 ---------------------------------------------------------------------------------------------------
mkdir -p "$pg_dir"
[[ ${#as_postgres[@]} -gt 0 ]] && chown -R postgres:postgres "$pg_dir"
pg_port=$(free_port)
"${as_postgres[@]}" "$pg_bin/initdb" -D "$pg_dir/data" -U postgres -A trust -E UTF8 --locale=C >"$work/initdb.log" 2>&1 \
  || { cat "$work/initdb.log"; exit 2; }
# shellcheck disable=SC2086 # the extra settings are a list of -c options
"${as_postgres[@]}" "$pg_bin/pg_ctl" -D "$pg_dir/data" -l "$pg_dir/server.log" -w -t 60 \
  -o "-p $pg_port -k $pg_dir -c listen_addresses=127.0.0.1 -c max_connections=200 ${pg_settings}" start >/dev/null \
  || { cat "$pg_dir/server.log"; exit 2; }
"${as_postgres[@]}" "$pg_bin/psql" -h 127.0.0.1 -p "$pg_port" -U postgres -qAt -c "CREATE DATABASE obi_load" >/dev/null
echo "load: PostgreSQL $("${as_postgres[@]}" "$pg_bin/postgres" --version | awk '{print $3}') on 127.0.0.1:$pg_port (settings: ${pg_settings:-none}; fsync, synchronous_commit, full_page_writes on)"

# ---- the API -----------------------------------------------------------------------------------------------------------
api_port=$(free_port)
api="http://127.0.0.1:$api_port"
(cd "$bin" && exec env \
  Database__Provider=Postgres \
  Database__ConnectionString="Host=127.0.0.1;Port=$pg_port;Username=postgres;Database=obi_load;Maximum Pool Size=${OBI_LOAD_POOL_SIZE:-8}" \
  Signing__KeyEncryptionKey="$(head -c 32 /dev/urandom | base64)" \
  RateLimiting__Enabled=false \
  Logging__LogLevel__Default=Warning \
  DOTNET_PerfMapEnabled="$([[ -n "${OBI_LOAD_PERF:-}" ]] && echo 1 || echo 0)" \
  DOTNET_EnableWriteXorExecute="$([[ -n "${OBI_LOAD_PERF:-}" ]] && echo 0 || echo 1)" \
  Logging__LogLevel__OpenBadgesIssuer.Api.Hosting.DatabaseStartup=Information \
  ASPNETCORE_URLS="$api" \
  dotnet OpenBadgesIssuer.Api.dll) >"$work/api.log" 2>&1 &
api_pid=$!
for _ in $(seq 1 120); do
  curl -fsS "$api/health/ready" >/dev/null 2>&1 && break
  kill -0 "$api_pid" 2>/dev/null || { cat "$work/api.log"; echo "load: the API exited" >&2; exit 2; }
  sleep 1
done
key=$(grep -o 'obi_live_[0-9a-z]\{16\}_[0-9a-z]\{52\}' "$work/api.log" | head -1 || true)
[[ -n "$key" ]] || { grep -v obi_live_ "$work/api.log"; echo "load: no bootstrap key in the API output" >&2; exit 2; }
echo "load: API (Release, Postgres provider, rate limiting off) at $api"

# ---- an issuer, a badge class (with rubric and image) and one award: the district walkthrough -------------------------
OBI_URL="$api" OBI_API_KEY="$key" OBI_WALKTHROUGH_OUT="$work/setup" bash "$repo/samples/district-walkthrough.sh" >"$work/setup.log" 2>&1 \
  || { cat "$work/setup.log"; echo "load: setup through samples/district-walkthrough.sh failed" >&2; exit 1; }
if command -v jq >/dev/null 2>&1; then
  badge_class=$(jq -r .id "$work/setup/badge-class.json")
  ob3=$(jq -r .links.ob3 "$work/setup/assertion.json")
else
  badge_class=$(python3 -c 'import json,sys; print(json.load(open(sys.argv[1]))["id"])' "$work/setup/badge-class.json")
  ob3=$(python3 -c 'import json,sys; print(json.load(open(sys.argv[1]))["links"]["ob3"])' "$work/setup/assertion.json")
fi
issue_url="$api/v1/badge-classes/$badge_class/assertions"
echo "load: badge class $badge_class (2 rubric criteria x 3 levels, 2 alignments, PNG image); public credential $ob3"
echo

# ---- (a) issuance at N clients ------------------------------------------------------------------------------------------
export OBI_API_KEY="$key"
echo "(a) issuance, $clients clients: warm-up ${warmup} s, load average $(loadavg)"
OBI_LOAD_LABEL=warm-up wrk -t "$threads" -c "$clients" -d "${warmup}s" -s "$here/issue.lua" "$issue_url" | grep '^warm-up: [0-9]' || true
echo "    measuring ${duration} s, load average before $(loadavg)"
api_cpu=$(cpu_ms "$api_pid"); pg_cpu=$(cpu_ms "$(pg_pid)"); checkpoints_before=$(checkpoints)
trace_pid=""
if [[ -n "${OBI_LOAD_TRACE:-}" ]]; then
  # Optional CPU sampling of the API during the measured phase: OBI_LOAD_TRACE=path/to/dotnet-trace.
  "$OBI_LOAD_TRACE" collect -p "$api_pid" --profile dotnet-sampled-thread-time --duration "00:00:$(printf '%02d' "$duration")" \
    -o "$work/issue.nettrace" >"$work/trace.log" 2>&1 &
  trace_pid=$!
  sleep 1
fi
perf_pid=""
if [[ -n "${OBI_LOAD_PERF:-}" ]] && command -v perf >/dev/null 2>&1; then
  # Optional CPU profile of the API during the measured phase (OBI_LOAD_PERF=1; JIT frames via DOTNET_PerfMapEnabled).
  perf record -F 999 -g -p "$api_pid" -o "$work/perf.data" -- sleep "$duration" >"$work/perf.log" 2>&1 &
  perf_pid=$!
fi
OBI_LOAD_LABEL=issue wrk -t "$threads" -c "$clients" -d "${duration}s" --timeout 10s -s "$here/issue.lua" "$issue_url" \
  | grep '^issue: ' | sed 's/^/    /' | tee "$work/issue.txt"
if [[ -n "$trace_pid" ]]; then
  wait "$trace_pid" || true
  "$OBI_LOAD_TRACE" report "$work/issue.nettrace" topN -n 40 --inclusive 2>&1 | sed 's/^/    trace (inclusive) /' || true
  "$OBI_LOAD_TRACE" report "$work/issue.nettrace" topN -n 40 2>&1 | sed 's/^/    trace (exclusive) /' || true
fi
if [[ -n "$perf_pid" ]]; then
  wait "$perf_pid" || true
  [[ -n "${OBI_LOAD_PERF_KEEP:-}" ]] && cp "$work/perf.data" "$OBI_LOAD_PERF_KEEP"
  echo "    perf: top functions by self CPU time in the API process"
  perf report -i "$work/perf.data" --stdio --no-children -g none --sort dso,symbol 2>/dev/null | grep -v '^#' | grep '%' | head -60 | cut -c1-180 | sed 's/^/    perf /' || true
  echo "    perf: by shared object"
  perf report -i "$work/perf.data" --stdio --no-children -g none --sort dso 2>/dev/null | grep -v '^#' | grep '%' | head -15 | sed 's/^/    perf /' || true
fi
cpu_report issue "$(sed -n 's/^ *issue: \([0-9]*\) awards.*/\1/p' "$work/issue.txt")" "$api_cpu" "$pg_cpu"
echo "    PostgreSQL checkpoints during the measured phase: $(( $(checkpoints) - checkpoints_before ))"
echo "    load average after $(loadavg)"

# ---- (b) issuance, one client -------------------------------------------------------------------------------------------
echo "(b) issuance, 1 client, 10 s, load average $(loadavg)"
api_cpu=$(cpu_ms "$api_pid"); pg_cpu=$(cpu_ms "$(pg_pid)")
OBI_LOAD_LABEL=issue-1 wrk -t 1 -c 1 -d 10s --timeout 10s -s "$here/issue.lua" "$issue_url" | grep '^issue-1: ' | sed 's/^/    /' \
  | tee "$work/issue1.txt"
cpu_report issue-1 "$(sed -n 's/^ *issue-1: \([0-9]*\) awards.*/\1/p' "$work/issue1.txt")" "$api_cpu" "$pg_cpu"

# ---- (c) public fetches -------------------------------------------------------------------------------------------------
echo "(c) public credential fetch (GET ob3), $fetch_clients connections: warm-up 3 s, load average $(loadavg)"
OBI_LOAD_LABEL=warm-up wrk -t "$threads" -c "$fetch_clients" -d 3s -s "$here/fetch.lua" "$ob3" >/dev/null
api_cpu=$(cpu_ms "$api_pid"); pg_cpu=$(cpu_ms "$(pg_pid)")
OBI_LOAD_LABEL=fetch wrk -t "$threads" -c "$fetch_clients" -d "${fetch_duration}s" -s "$here/fetch.lua" "$ob3" | grep '^fetch: ' | sed 's/^/    /' \
  | tee "$work/fetch.txt"
cpu_report fetch "$(sed -n 's/^ *fetch: \([0-9]*\) requests.*/\1/p' "$work/fetch.txt")" "$api_cpu" "$pg_cpu"
echo "    load average after $(loadavg)"

stored=$("${as_postgres[@]}" "$pg_bin/psql" -h 127.0.0.1 -p "$pg_port" -U postgres -d obi_load -qAt \
  -c 'SELECT count(*) FROM assertions' 2>/dev/null || echo "?")
echo
echo "load: $stored assertions stored in PostgreSQL"
echo "targets: >= 300 awards/s with p99 <= 150 ms at 32 clients; >= 5000 public fetches/s (2 cores shared by PostgreSQL, the API and wrk)"
