#!/bin/bash
# Creates one role and one database per service in the compose stack's PostgreSQL
# server. Mounted into /docker-entrypoint-initdb.d by docker-compose.yml, so the
# postgres image runs it ONCE, on the first start of an empty data volume: changing a
# password in .env later does not change the role's password (ALTER ROLE ... PASSWORD
# by hand, then restart the service), and `docker compose down -v` starts over.
#
# Each role owns its database (so Flyway may create the service's tables in its public
# schema) and only the owner, and the superuser, may connect to it.
set -e

create_database() {  # <role> <database> <password>
  if [ -z "$3" ]; then
    echo "init-databases.sh: no password for role $1 (see .env.example)" >&2
    exit 1
  fi
  # psql variables: :"x" quotes an identifier, :'x' a literal, so any password works
  psql -v ON_ERROR_STOP=1 --no-psqlrc --username "$POSTGRES_USER" --dbname postgres \
       -v role="$1" -v db="$2" -v password="$3" <<'SQL'
CREATE ROLE :"role" LOGIN PASSWORD :'password';
CREATE DATABASE :"db" OWNER :"role" ENCODING 'UTF8' TEMPLATE template0;
REVOKE ALL ON DATABASE :"db" FROM PUBLIC;
SQL
  echo "init-databases.sh: database $2 owned by $1"
}

create_database training_service      training      "$TRAINING_DB_PASSWORD"
create_database employment_service    employment    "$EMPLOYMENT_DB_PASSWORD"
create_database project_labor_service project_labor "$PROJECT_LABOR_DB_PASSWORD"
create_database reporting_service     reporting     "$REPORTING_DB_PASSWORD"
