#!/usr/bin/env bash
# A district's whole flow on a running OpenBadgesIssuer: issuer profile (keys and did:web are created with it) →
# micro-credential with a rubric, alignments and credit hours → award to a teacher with evidence and rubric results →
# the verification links, each fetched to show it answers with the right media type.
#   OBI_URL      base URL of the service (default http://localhost:5080)
#   OBI_API_KEY  an API key with issuers:write, issuers:read, badges:write and assertions:issue (the bootstrap key has all)
# Exits non-zero on any unexpected HTTP status. Needs only bash and curl.
set -euo pipefail

url=${OBI_URL:-http://localhost:5080}
key=${OBI_API_KEY:?set OBI_API_KEY to an API key (the first start prints one)}
body=$(mktemp)
headers=$(mktemp)
trap 'rm -f "$body" "$headers"' EXIT

# call EXPECTED_STATUS curl-arguments...
call() {
  local expected=$1 status
  shift
  status=$(curl -sS -o "$body" -D "$headers" -w '%{http_code}' -H "Authorization: Bearer $key" "$@")
  if [ "$status" != "$expected" ]; then
    echo "sample: expected HTTP $expected, got $status for $*" >&2
    cat "$body" >&2
    echo >&2
    exit 1
  fi
}

# The first "NAME":"value" in the JSON body.
json_string() { grep -o "\"$1\":\"[^\"]*\"" "$body" | head -1 | sed "s/^\"$1\":\"\\(.*\\)\"\$/\\1/"; }

echo "1. Create the district's issuer profile (Ed25519, P-256 and RSA keys are generated with it)"
call 201 -X POST "$url/v1/issuers" -H 'Content-Type: application/json' --data-binary @- <<'JSON'
{ "name": "Springfield School District", "url": "https://district.example.org", "email": "pd@district.example.org",
  "description": "Professional learning for Springfield educators." }
JSON
issuer=$(json_string id)
call 200 "$url/v1/issuers/$issuer/keys"
echo "   issuer $issuer is $(json_string did)"

echo "2. Define the micro-credential (a 16×16 PNG image, a two-criterion rubric, an alignment, 3.5 credit hours)"
call 201 -X POST "$url/v1/issuers/$issuer/badge-classes" -H 'Content-Type: application/json' --data-binary @- <<'JSON'
{
  "name": "Formative Assessment in Practice",
  "description": "Uses formative assessment to adjust instruction during a lesson.",
  "criteria": { "narrative": "Plan, teach and reflect on a lesson that uses formative assessment." },
  "image": { "mediaType": "image/png",
             "data": "iVBORw0KGgoAAAANSUhEUgAAABAAAAAQCAIAAACQkWg2AAAAFklEQVR42mPQjjxMEmIY1TCqYfhqAABAXEcQ213ZFQAAAABJRU5ErkJggg==" },
  "competency": "The educator gathers evidence of student learning during instruction and adapts.",
  "keyMethod": "Exit tickets with a response plan",
  "evidenceRequired": ["Lesson plan", "Three samples of student work", "A 300-word reflection"],
  "rubric": [
    { "key": "plan", "name": "Lesson planning", "requiredLevel": "proficient",
      "levels": [ { "key": "developing", "name": "Developing" }, { "key": "proficient", "name": "Proficient" },
                  { "key": "exemplary", "name": "Exemplary" } ] },
    { "key": "reflect", "name": "Reflection",
      "levels": [ { "key": "describes", "name": "Describes" }, { "key": "adapts", "name": "Analyses and adapts" } ] }
  ],
  "creditsAvailable": 3.5,
  "alignments": [ { "targetName": "InTASC Standard 6: Assessment", "targetUrl": "https://ccsso.org/intasc#6",
                    "targetFramework": "InTASC", "targetCode": "6" } ],
  "tags": ["assessment"],
  "validityMonths": 60
}
JSON
badge=$(json_string id)
echo "   badge class $badge"

echo "3. Award it to a teacher with evidence and rubric results"
call 201 -X POST "$url/v1/badge-classes/$badge/assertions" -H 'Content-Type: application/json' --data-binary @- <<'JSON'
{
  "recipient": { "identity": "jordan.teacher@example.org", "name": "Jordan Teacher" },
  "evidence": [ { "url": "https://portfolio.example.org/jordan/fa-lesson", "name": "Lesson plan" },
                { "narrative": "Exit tickets showed two misconceptions; I regrouped the class.", "name": "Reflection" } ],
  "results": [ { "criterion": "plan", "level": "exemplary" }, { "criterion": "reflect", "level": "adapts" } ],
  "creditsEarned": 3.5,
  "narrative": "Completed all three evidence items."
}
JSON
assertion=$(json_string id)
echo "   assertion $assertion; verification links:"
for link in ob2 ob2Signed ob3 ob3Jwt bakedPng bakedSvg html; do
  target=$(json_string "$link")
  printf '   %-10s %s\n' "$link" "$target"
  eval "link_$link=\$target"
done

echo "4. Fetch every link (public, no API key)"
check() {
  local target=$1 expected_type=$2 accept=${3:-*/*} type
  type=$(curl -sS -o /dev/null -w '%{http_code} %{content_type}' -H "Accept: $accept" "$target")
  case "$type" in
    "200 $expected_type"*) echo "   ok  $type  $target" ;;
    *) echo "sample: $target answered '$type', expected 200 $expected_type" >&2; exit 1 ;;
  esac
}
check "$link_ob2" application/ld+json application/ld+json
check "$link_ob2" text/html text/html
check "$link_ob2Signed" text/plain
check "$link_ob3" application/vc+ld+json
check "$link_ob3Jwt" text/plain
check "$link_bakedPng" image/png
check "$link_bakedPng?version=2" image/png
check "$link_bakedSvg" image/svg+xml
check "$link_bakedSvg?version=2" image/svg+xml
check "$link_html" text/html
check "$url/issuers/$issuer/did.json" application/did+json
check "$url/ob2/issuers/$issuer" application/ld+json
echo "Done: give the teacher the links above (or the baked image); any OB 2.0 / OB 3.0 verifier can check them."
