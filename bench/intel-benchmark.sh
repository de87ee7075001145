#!/usr/bin/env bash
# Measures the vulnerability features on large inputs, with IntelBenchmark (test sources):
#  1. importing a 350,000-row FIRST EPSS file (plain and gzip) into an empty site, in the benchmark
#     process and as whole `patchdesk import epss` processes;
#  2. on a site of DEVICES generated devices with about FINDINGS findings: KEV and EPSS imports and
#     rescoring every finding;
#  3. the worklist's first page and filtered variants, in a new process that has just opened the
#     database.
#
#   bench/intel-benchmark.sh [DEVICES] [FINDINGS] [RUNS]     (defaults: 30000 devices, 600000 findings, 3 runs)
#   bench/intel-benchmark.sh ... STEPS                        (STEPS: any of 1, 2, 3, such as 23; default 123)
#
# The site's findings come from the real CSAF import and finding refresh: the benchmark writes CSAF
# advisories about the inventory's products and imports them. Every JVM gets PATCHDESK_JAVA_OPTIONS
# (default -Xmx1g, as the README starts PatchDesk).
# Needs the compiled classes and target/patchdesk.jar (mvn -B -o package -DskipTests) and GNU time (/usr/bin/time).
set -euo pipefail
cd "$(dirname "$0")/.."

options=${PATCHDESK_JAVA_OPTIONS--Xmx1g}
devices=${1:-30000}
findings=${2:-600000}
runs=${3:-3}
steps=${4:-123}
# BENCH_WORK names a folder that keeps the generated files and the site for a later look. Without
# it they go to a temporary folder, removed at the end.
if [[ -n ${BENCH_WORK:-} ]]; then
    work=$BENCH_WORK
    mkdir -p "$work"
else
    work=$(mktemp -d)
    trap 'rm -rf "$work"' EXIT
fi

jar=target/patchdesk.jar
[[ -f $jar && -d target/test-classes ]] || { echo "target/patchdesk.jar or the test classes are missing; build them: mvn -B -o package -DskipTests" >&2; exit 1; }
[[ -x /usr/bin/time ]] || { echo "GNU time is missing; install it: apt-get install time" >&2; exit 1; }

classpath="target/test-classes:target/classes:$(mvn -q -o dependency:build-classpath -Dmdep.outputFile=/dev/stdout)"
# shellcheck disable=SC2086
benchmark() { java $options -cp "$classpath" org.patchdesk.bench.IntelBenchmark "$@"; }

echo "machine: $(nproc) cores, $(free -g | awk '/Mem:/ {print $2}') GiB, $(java -version 2>&1 | head -1), JVM options: ${options:-none}"

if [[ $steps == *1* ]]; then
echo "== 1. EPSS file of 350,000 rows on an empty site"
benchmark epss "$work" "$runs"
for file in "$work"/epss-350000.csv "$work"/epss-350000.csv.gz; do
    for run in $(seq 1 "$runs"); do
        # shellcheck disable=SC2086
        /usr/bin/time -f "%e %M" -o "$work/time" java $options -jar "$jar" --data-dir "$work/cli-$run" import epss "$file" >/dev/null
        read -r seconds kilobytes <"$work/time"
        printf '  patchdesk import epss %s run %d: %.1f s, %d MB peak\n' "$(basename "$file")" "$run" "$seconds" $((kilobytes / 1024))
        rm -rf "$work/cli-$run"
    done
done

fi

if [[ $steps == *2* ]]; then
echo "== 2. Site of $devices devices and about $findings findings"
java $options -jar "$jar" demo generate --devices "$devices" "$work/cmms.xlsx" >/dev/null
java $options -jar "$jar" --data-dir "$work/site" import inventory "$work/cmms.xlsx"
/usr/bin/time -f "site set-up process: %e s, %M KB peak" java $options -cp "$classpath" org.patchdesk.bench.IntelBenchmark \
    site "$work/site" "$work" "$findings"
/usr/bin/time -f "feeds process: %e s, %M KB peak" java $options -cp "$classpath" org.patchdesk.bench.IntelBenchmark \
    feeds "$work/site" "$work" "$runs"
# shellcheck disable=SC2086
/usr/bin/time -f "%e %M" -o "$work/time" java $options -jar "$jar" --data-dir "$work/site" import epss "$work/epss-cli.csv" >/dev/null
read -r seconds kilobytes <"$work/time"
printf '  patchdesk import epss of the next day on the site: %.1f s, %d MB peak\n' "$seconds" $((kilobytes / 1024))

fi

if [[ $steps == *3* ]]; then
echo "== 3. Worklist, in a new process"
for run in $(seq 1 "$runs"); do
    benchmark worklist "$work/site" 5
done
fi
