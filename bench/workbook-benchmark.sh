#!/usr/bin/env bash
# Measures `patchdesk report workbook` on a site of generated devices: wall time and peak resident
# memory of the whole process (JVM start, opening the database, writing the workbook).
#
#   bench/workbook-benchmark.sh [DEVICES]     (default: 100000 devices)
#
# The site is a new data folder into which a generated CMMS export is imported, so it contains the
# devices and one audit entry per device. It has no vulnerability data, so it has no findings.
# The JVM gets PATCHDESK_JAVA_OPTIONS (default -Xmx1g). Prints `/usr/bin/time -v` figures.
# Needs target/patchdesk.jar (mvn -B package -DskipTests) and GNU time (/usr/bin/time).
set -euo pipefail
cd "$(dirname "$0")/.."

options=${PATCHDESK_JAVA_OPTIONS--Xmx1g}
devices=${1:-100000}
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT

jar=target/patchdesk.jar
[[ -f $jar ]] || { echo "Build the jar first: mvn -B package -DskipTests" >&2; exit 1; }
[[ -x /usr/bin/time ]] || { echo "GNU time is missing: apt-get install time" >&2; exit 1; }

file="$work/cmms-$devices.xlsx"
java -jar "$jar" demo generate --devices "$devices" "$file" >/dev/null
# shellcheck disable=SC2086
java $options -jar "$jar" --data-dir "$work/data" import inventory "$file" | head -1
echo "machine: $(nproc) cores, $(free -g | awk '/Mem:/ {print $2}') GiB, $(java -version 2>&1 | head -1)"
echo "load average before the run: $(cut -d' ' -f1-3 /proc/loadavg)"
echo "JVM options: ${options:-none}"

# shellcheck disable=SC2086
/usr/bin/time -v -o "$work/time" java $options -jar "$jar" --data-dir "$work/data" report workbook "$work/audit.xlsx"
echo "load average after the run: $(cut -d' ' -f1-3 /proc/loadavg)"
echo "workbook: $(du -h "$work/audit.xlsx" | cut -f1)"
grep -E "Elapsed \(wall clock\)|Maximum resident set size|User time|System time|Percent of CPU" "$work/time"
