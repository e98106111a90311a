#!/bin/sh
# Example migration step: applies every SQL file in order, each in one transaction.
# Pulumi runs it with DATABASE_URL set to the branch's direct (unpooled) connection string.
set -eu
for file in "$(dirname "$0")"/migrations/*.sql; do
    psql "$DATABASE_URL" --no-psqlrc -v ON_ERROR_STOP=1 --single-transaction -f "$file"
done
