#!/usr/bin/env bash
# Measures the import of a generated CMMS export: wall time and peak resident memory of the whole
# `patchdesk import inventory` process, each run on a new, empty data folder.
#
#   bench/import-benchmark.sh [DEVICES] [RUNS]     (defaults: 100000 devices, 5 runs)
#
# The JVM gets the options PatchDesk is started with (PATCHDESK_JAVA_OPTIONS, default -Xmx1g); one
# more run without options shows what a bare `java -jar` takes.
# Needs target/patchdesk.jar (mvn -B package -DskipTests) and GNU time (/usr/bin/time).
set -euo pipefail
cd "$(dirname "$0")/.."

options=${PATCHDESK_JAVA_OPTIONS--Xmx1g}
devices=${1:-100000}
runs=${2:-5}
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT

jar=target/patchdesk.jar
[[ -f $jar ]] || { echo "Build the jar first: mvn -B package -DskipTests" >&2; exit 1; }
[[ -x /usr/bin/time ]] || { echo "GNU time is missing: apt-get install time" >&2; exit 1; }

file="$work/cmms-$devices.xlsx"
java -jar "$jar" demo generate --devices "$devices" "$file" >/dev/null
echo "file: $(basename "$file"), $(du -h "$file" | cut -f1), $devices devices"
echo "machine: $(nproc) cores, $(free -g | awk '/Mem:/ {print $2}') GiB, $(java -version 2>&1 | head -1)"
echo "JVM options: ${options:-none}"

for run in $(seq 1 "$runs"); do
    data="$work/data-$run"
    # shellcheck disable=SC2086
    /usr/bin/time -f "%e %M" -o "$work/time-$run" java $options -jar "$jar" --data-dir "$data" import inventory "$file" >"$work/out-$run"
    read -r seconds kilobytes <"$work/time-$run"
    printf 'run %d: %6.1f s  %5d MB peak  %s\n' "$run" "$seconds" $((kilobytes / 1024)) "$(head -1 "$work/out-$run")"
done | tee "$work/runs"

awk '{print $3}' "$work/runs" | sort -n | awk '{a[NR]=$1} END {printf "median wall time: %.1f s\n", a[int((NR+1)/2)]}'
awk '{print $5}' "$work/runs" | sort -n | awk '{a[NR]=$1} END {printf "median peak memory: %d MB\n", a[int((NR+1)/2)]}'

/usr/bin/time -f "%e %M" -o "$work/time-bare" java -jar "$jar" --data-dir "$work/data-bare" import inventory "$file" >/dev/null
read -r seconds kilobytes <"$work/time-bare"
printf 'without JVM options: %.1f s, %d MB peak\n' "$seconds" $((kilobytes / 1024))
