# Builds the site that bench/workbook-benchmark.sh and bench/packet-benchmark.sh report on, and
# times the report. Sourced by both scripts, which set $work and $options first; not run alone.
#
# report_site DEVICES fills the data folder $work/data through the command line, as a site would:
#   1. a generated CMMS export of DEVICES devices (`demo generate`, seed 2026), imported;
#   2. the demo's vulnerability feeds of assets/sample-data/feeds/index.txt, imported in the order
#      the demo database uses: KEV catalog, CSAF advisories, CVE records, EPSS scores;
#   3. with ACCEPT_MATCHES=products, every proposed close match of an advisory's product to an
#      inventory model accepted; with ACCEPT_MATCHES=all, the operating-system matches too
#      (Windows and Linux CVEs for every device running them); default none;
#   4. three patch decisions (deploy, defer, reject) on the first three devices `devices list` prints.
# Then it prints the site's contents: devices, findings by status, matches, audit entries.
#
# Each accepted match refreshes every finding of the site in its own process, so accepting the
# 41 proposals takes long: 10.5 min for 3,000 devices (108,806 findings after) on a loaded
# two-core machine.
# The command line has no way to create patch log entries, patch windows, vendor validation
# requests, compensating controls or risk acceptances, so the site has none.

# measure_report FILE REPORT-COMMAND... runs `patchdesk report REPORT-COMMAND... FILE` under GNU
# time and prints the machine, the load average before and after, and the time and memory figures.

jar=target/patchdesk.jar
feeds=assets/sample-data/feeds
[[ -f $jar ]] || { echo "Build the jar first: mvn -B package -DskipTests" >&2; exit 1; }
[[ -x /usr/bin/time ]] || { echo "GNU time is missing: apt-get install time" >&2; exit 1; }

patchdesk() {
    # shellcheck disable=SC2086
    java $options -jar "$jar" --data-dir "$work/data" "$@"
}

# Imports the feed files that index.txt lists for one kind (kev, csaf, cve or epss).
import_feeds() {
    local kind=$1
    local files
    mapfile -t files < <(awk -v kind="$kind" -v dir="$feeds/" '$1 == kind {print dir $2}' "$feeds/index.txt")
    [[ ${#files[@]} -gt 0 ]] || { echo "No $kind file in $feeds/index.txt" >&2; return 1; }
    patchdesk import "$kind" "${files[@]}" | tail -1
}

accept_matches() {
    local pattern
    case ${ACCEPT_MATCHES:-none} in
        none) return 0 ;;
        products) pattern='^P' ;;
        all) pattern='^[PO]' ;;
        *) echo "Invalid ACCEPT_MATCHES '$ACCEPT_MATCHES': use none, products or all" >&2; return 2 ;;
    esac
    local ids start=$SECONDS
    mapfile -t ids < <(patchdesk matches list | awk -v pattern="$pattern" '$2 == "proposed" && $1 ~ pattern {print $1}')
    for id in "${ids[@]}"; do
        patchdesk matches accept "$id" >/dev/null
    done
    echo "accepted ${#ids[@]} matches (ACCEPT_MATCHES=$ACCEPT_MATCHES) in $((SECONDS - start)) s"
}

record_decisions() {
    local tags
    mapfile -t tags < <(patchdesk devices list --format csv | awk -F, 'NR > 1 && NR <= 4 {print $1}')
    local choices=(deploy defer reject)
    for i in 0 1 2; do
        patchdesk patches decide --device "${tags[$i]}" --update "Vendor security update 2026-11" \
            --decision "${choices[$i]}" --approver "Benchmark Approver" --role "HTM manager" \
            --rationale "Benchmark site: a ${choices[$i]} decision for the audit trail" >/dev/null
    done
}

count_csv_rows() {
    tail -n +2 | wc -l
}

report_site() {
    local devices=$1
    local start=$SECONDS
    local file="$work/cmms-$devices.xlsx"
    java -jar "$jar" demo generate --devices "$devices" "$file" >/dev/null
    patchdesk import inventory "$file" | head -1
    for kind in kev csaf cve epss; do
        import_feeds "$kind"
    done
    accept_matches
    record_decisions
    echo "site set up in $((SECONDS - start)) s"

    echo "site: $devices devices;" \
        "$(patchdesk findings list --format csv | count_csv_rows) open findings," \
        "$(patchdesk findings list --format csv --all-statuses | count_csv_rows) findings of every status;" \
        "$(patchdesk matches list --all | awk '$2 == "proposed" {p++} $2 == "accepted" {a++} END {print a + 0 " matches accepted, " p + 0 " proposed"}')"
    echo "site: $(patchdesk audit verify | head -1)"
}

measure_report() {
    local file=$1
    shift
    echo "machine: $(nproc) cores, $(free -g | awk '/Mem:/ {print $2}') GiB, $(java -version 2>&1 | head -1)"
    echo "load average before the run: $(cut -d' ' -f1-3 /proc/loadavg)"
    echo "JVM options: ${options:-none}"
    # shellcheck disable=SC2086
    /usr/bin/time -v -o "$work/time" java $options -jar "$jar" --data-dir "$work/data" report "$@" "$file"
    echo "load average after the run: $(cut -d' ' -f1-3 /proc/loadavg)"
    echo "$(basename "$file"): $(du -h "$file" | cut -f1)"
    grep -E "Elapsed \(wall clock\)|Maximum resident set size|User time|System time|Percent of CPU" "$work/time"
}
