#!/usr/bin/env bash
# Measures `patchdesk report workbook` on a generated site with findings: wall time and peak
# resident memory of the whole process (JVM start, opening the database, writing the workbook).
#
#   bench/workbook-benchmark.sh [DEVICES]     (default: 100000 devices)
#
# bench/report-site.sh builds the site: the generated devices, the demo's vulnerability feeds and
# the findings they give, and ACCEPT_MATCHES (none, products or all) to accept proposed matches.
# The JVM gets PATCHDESK_JAVA_OPTIONS (default -Xmx1g). Prints `/usr/bin/time -v` figures.
# Set KEEP_XLSX=FILE to keep a copy of the workbook.
# Needs target/patchdesk.jar (mvn -B package -DskipTests) and GNU time (/usr/bin/time).
set -euo pipefail
cd "$(dirname "$0")/.."

options=${PATCHDESK_JAVA_OPTIONS--Xmx1g}
devices=${1:-100000}
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT

# shellcheck source=bench/report-site.sh
source bench/report-site.sh
report_site "$devices"
measure_report "$work/audit.xlsx" workbook
[[ -z ${KEEP_XLSX:-} ]] || cp "$work/audit.xlsx" "$KEEP_XLSX"
