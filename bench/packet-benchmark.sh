#!/usr/bin/env bash
# Measures `patchdesk report packet` on a generated site with findings: wall time and peak
# resident memory of the whole process (JVM start, opening the database, writing the packet).
#
#   bench/packet-benchmark.sh [DEVICES]     (default: 30000 devices)
#
# bench/report-site.sh builds the site: the generated devices, the demo's vulnerability feeds and
# the findings they give, and ACCEPT_MATCHES (none, products or all) to accept proposed matches.
# The JVM gets PATCHDESK_JAVA_OPTIONS (default -Xmx1g). Prints `/usr/bin/time -v` figures.
# Set KEEP_PDF=FILE to keep a copy of the packet for a look at its pages.
# Needs target/patchdesk.jar (mvn -B package -DskipTests) and GNU time (/usr/bin/time).
set -euo pipefail
cd "$(dirname "$0")/.."

options=${PATCHDESK_JAVA_OPTIONS--Xmx1g}
devices=${1:-30000}
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT

# shellcheck source=bench/report-site.sh
source bench/report-site.sh
report_site "$devices"
measure_report "$work/packet.pdf" packet
[[ -z ${KEEP_PDF:-} ]] || cp "$work/packet.pdf" "$KEEP_PDF"
