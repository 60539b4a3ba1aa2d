#!/usr/bin/env bash
# Load test: awards over HTTP (all formats signed and stored) and public credential fetches, with wrk.
#   OBI_URL      running service (start it with RateLimiting__Enabled=false; PostgreSQL for the issue's figures)
#   OBI_API_KEY  a key with all scopes
#   CLIENTS      concurrent connections (default 32), DURATION seconds per phase (default 20)
# Prints awards/s, latency p50/p99, the signing share of request time, and public fetches/s.
set -euo pipefail
cd "$(dirname "$0")"
url=${OBI_URL:-http://localhost:5080}
: "${OBI_API_KEY:?set OBI_API_KEY}"
export OBI_API_KEY
clients=${CLIENTS:-32}
duration=${DURATION:-20}
command -v wrk >/dev/null || { echo "load: wrk is required (apt-get install wrk)" >&2; exit 1; }
auth=(-H "Authorization: Bearer $OBI_API_KEY" -H 'Content-Type: application/json')
first() { grep -o "\"$1\":\"[^\"]*\"" | head -1 | sed "s/^\"$1\":\"\\(.*\\)\"\$/\\1/"; }

issuer=$(curl -fsS "${auth[@]}" -X POST "$url/v1/issuers" \
  -d '{"name":"Load District","url":"https://district.example.org","email":"pd@district.example.org"}' | first id)
png=iVBORw0KGgoAAAANSUhEUgAAABAAAAAQCAIAAACQkWg2AAAAFklEQVR42mPQjjxMEmIY1TCqYfhqAABAXEcQ213ZFQAAAABJRU5ErkJggg==
badge=$(curl -fsS "${auth[@]}" -X POST "$url/v1/issuers/$issuer/badge-classes" -d "{\"name\":\"Load badge\",\"description\":\"d\",
  \"criteria\":{\"narrative\":\"c\"},\"image\":{\"data\":\"$png\"},\"validityMonths\":60,
  \"rubric\":[{\"key\":\"plan\",\"name\":\"Planning\",\"levels\":[{\"name\":\"A\"},{\"name\":\"B\"},{\"name\":\"C\"}]}]}" | first id)
echo "load: issuer $issuer, badge class $badge, $clients clients, ${duration}s per phase"

echo "== issuing awards =="
wrk -t2 -c"$clients" -d"${duration}s" --latency -s award.lua "$url/v1/badge-classes/$badge/assertions" | grep -E '^(awards|latency|signing):'

ob3=$(curl -fsS "${auth[@]}" "$url/v1/badge-classes/$badge/assertions?limit=1" | first ob3)
echo "== public fetch of $ob3 =="
wrk -t2 -c"$clients" -d"${duration}s" --latency "$ob3" | grep -E 'Requests/sec|99%|Latency'
