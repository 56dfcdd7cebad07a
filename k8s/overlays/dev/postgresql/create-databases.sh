#!/bin/sh
# Runs once, when the data directory is first initialised: one role and one database per service,
# with the credentials of the Secrets tenantgate-db-<service>.
set -eu

create_database() { # database role password
  psql -v ON_ERROR_STOP=1 --username "$POSTGRES_USER" --dbname postgres \
    -v db="$1" -v role="$2" -v password="$3" <<'SQL'
CREATE ROLE :"role" LOGIN PASSWORD :'password';
CREATE DATABASE :"db" OWNER :"role";
SQL
}

create_database screening "$SCREENING_DB_USERNAME" "$SCREENING_DB_PASSWORD"
create_database identity "$IDENTITY_DB_USERNAME" "$IDENTITY_DB_PASSWORD"
create_database reporting "$REPORTING_DB_USERNAME" "$REPORTING_DB_PASSWORD"
