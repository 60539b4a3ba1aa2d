#!/usr/bin/env bash
# Adds migration NAME to both providers (every model change ships a SQLite and a PostgreSQL migration).
set -euo pipefail
name=${1:?usage: scripts/add-migration.sh NAME}
cd "$(dirname "$0")/.."
dotnet tool restore >/dev/null
for provider in Sqlite Postgres; do
  dotnet ef migrations add "$name" \
    --project "src/OpenBadgesIssuer.Migrations.$provider" \
    --startup-project "src/OpenBadgesIssuer.Migrations.$provider" \
    --output-dir Migrations
done
# The generated files are marked generated_code in .editorconfig (nullable analysis off there); the project keeps no
# `#nullable disable` directive anywhere, so drop the one dotnet ef writes.
sed -i '/^#nullable disable$/d' src/OpenBadgesIssuer.Migrations.*/Migrations/*.cs
