#!/usr/bin/env bash
# compare.sh PROJECT_DIR [N]
#
# Times `portal build` against `hugo` on the same generated site of N pages
# (default 1000): one warm-up each, then BENCH_RUNS (default 5) alternating runs.
# Prints medians of wall time and peak RSS, the portal/hugo ratios, the number of
# index.html files each wrote, two rough floors (cmark on all bodies, cp -r of the
# Hugo output), and last a line:
#   ratio_wall=X.XX ratio_rss=Y.YY pages_portal=A pages_hugo=B
#
# Environment: BENCH_SEED (default 1), BENCH_RUNS (default 5), BENCH_TIMEOUT seconds
# per run (default 900), BENCH_TMPDIR where the work folder goes (default: /dev/shm
# when it is a writable tmpfs with room, else the system temp folder), BENCH_KEEP=1
# keeps the whole work folder.
# BENCH_HUGO=0 leaves Hugo out; so does a machine where Hugo is absent and apt-get cannot
# install it: then portal's own figures are reported, and the last line is
#   portal_wall=X.XX portal_rss_mib=Y.Y pages_portal=A (no hugo: no ratios)
# On failure: exit 1 and one line on stderr that starts with "compare.sh: FAIL:"
# (only the logs of the work folder are kept then).

set -u -o pipefail

HERE="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
SEED="${BENCH_SEED:-1}"
RUNS="${BENCH_RUNS:-5}"
RUN_TIMEOUT="${BENCH_TIMEOUT:-900}"
KEEP="${BENCH_KEEP:-0}"
WORK=""
DONE=0
FAIL_KEEP=0

die() {
    echo "compare.sh: FAIL: $*" >&2
    case "$*" in
        *"$WORK"/*) [ -n "$WORK" ] && FAIL_KEEP=1 ;;
    esac
    exit 1
}

# The work folder goes when the script ends, unless BENCH_KEEP=1; when a FAIL line
# points at a log inside it, the logs stay and the bulky site and outputs go.
cleanup() {
    [ -n "$WORK" ] && [ -d "$WORK" ] || return 0
    [ "$KEEP" = 1 ] && return 0
    if [ "$DONE" = 0 ] && [ "$FAIL_KEEP" = 1 ]; then
        rm -rf "$WORK/site" "$WORK/out-hugo" "$WORK/out-portal" "$WORK/cp-out" "$WORK/cmark.html"
        return 0
    fi
    rm -rf "$WORK"
}
trap cleanup EXIT

usage() {
    echo "usage: compare.sh PROJECT_DIR [N]   (N pages, default 1000)" >&2
    exit 2
}

if [ $# -lt 1 ] || [ $# -gt 2 ]; then usage; fi
case "${2:-1000}" in ''|*[!0-9]*) usage ;; esac
N="${2:-1000}"
[ "$N" -ge 1 ] || usage
case "$SEED$RUNS$RUN_TIMEOUT" in *[!0-9]*) die "BENCH_SEED, BENCH_RUNS and BENCH_TIMEOUT must be whole numbers" ;; esac
[ "$RUNS" -ge 1 ] || die "BENCH_RUNS must be at least 1"

[ -d "$1" ] || die "project folder '$1' does not exist"
PROJECT_DIR="$(cd "$1" && pwd)"
[ -f "$PROJECT_DIR/Package.swift" ] || die "no Package.swift in $PROJECT_DIR"
[ -d "$PROJECT_DIR/Themes" ] || die "no Themes/ folder in $PROJECT_DIR to copy into the benchmark site"

# ---------------------------------------------------------------- tools

SUDO=""
if [ "$(id -u)" -ne 0 ]; then
    command -v sudo >/dev/null 2>&1 && SUDO="sudo"
fi
APT_LOG="$(mktemp -t portal-bench-apt.XXXXXX)"
APT_UPDATED=0

apt_install() {
    echo "installing $1 with apt-get ..."
    if $SUDO env DEBIAN_FRONTEND=noninteractive apt-get install -y "$1" >>"$APT_LOG" 2>&1; then
        return 0
    fi
    if [ "$APT_UPDATED" = 0 ]; then
        APT_UPDATED=1
        $SUDO apt-get update >>"$APT_LOG" 2>&1 || true
        $SUDO env DEBIAN_FRONTEND=noninteractive apt-get install -y "$1" >>"$APT_LOG" 2>&1 && return 0
    fi
    die "apt-get install -y $1 failed (log: $APT_LOG)"
}

command -v python3 >/dev/null 2>&1 || die "python3 is required (it runs gen_site.py)"
command -v swift >/dev/null 2>&1 || die "swift is not on PATH"
# Hugo and cmark are for comparison only: without them portal's own figures are reported.
try_install() {
    command -v "$1" >/dev/null 2>&1 && return 0
    [ "${BENCH_HUGO:-1}" = 0 ] && [ "$1" = hugo ] && return 1
    echo "installing $1 with apt-get ..."
    $SUDO env DEBIAN_FRONTEND=noninteractive apt-get install -y "$1" >>"$APT_LOG" 2>&1 \
        || { $SUDO apt-get update >>"$APT_LOG" 2>&1 && $SUDO env DEBIAN_FRONTEND=noninteractive apt-get install -y "$1" >>"$APT_LOG" 2>&1; } \
        || true
    command -v "$1" >/dev/null 2>&1
}
HAVE_HUGO=1
HAVE_CMARK=1
if [ "${BENCH_HUGO:-1}" = 0 ]; then HAVE_HUGO=0; else try_install hugo || HAVE_HUGO=0; fi
try_install cmark || HAVE_CMARK=0
[ -x /usr/bin/time ] || apt_install time
[ -x /usr/bin/time ] || die "/usr/bin/time still missing after apt-get install"
[ "$HAVE_HUGO" = 1 ] || echo "note: no hugo (BENCH_HUGO=0, or apt-get could not install it): portal's own figures only"
[ "$HAVE_CMARK" = 1 ] || echo "note: no cmark CLI: no cmark floor"
rm -f "$APT_LOG"

# ---------------------------------------------------------------- project

# On a VM's disk, writing thousands of small files costs more system time (and varies
# more from run to run) than rendering them, so the site and both outputs go to tmpfs
# when there is one with room (about 100 KiB a page covers site, outputs and the copy).
if [ -z "${BENCH_TMPDIR:-}" ] && [ -d /dev/shm ] && [ -w /dev/shm ] \
    && [ "$(df -Pk /dev/shm 2>/dev/null | awk 'NR == 2 { print $4 }')" -gt $((N * 100 + 262144)) ] 2>/dev/null; then
    BENCH_TMPDIR=/dev/shm
fi
if [ -n "${BENCH_TMPDIR:-}" ]; then
    WORK="$(mktemp -d -p "$BENCH_TMPDIR" portal-bench.XXXXXX)" || die "cannot create a work folder in $BENCH_TMPDIR"
else
    WORK="$(mktemp -d -t portal-bench.XXXXXX)" || die "cannot create a work folder"
fi
SITE="$WORK/site"
PSITE="$SITE/portal"
HSITE="$SITE/hugo"
OUT_HUGO="$WORK/out-hugo"
OUT_PORTAL="$WORK/out-portal"

CPUS="$(nproc 2>/dev/null || echo '?')"
LOAD_START="$(cut -d' ' -f1 /proc/loadavg 2>/dev/null || echo '?')"
echo "compare.sh: N=$N seed=$SEED runs=$RUNS (after 1 warm-up), $CPUS CPUs, load average $LOAD_START"
echo "hugo: $([ "$HAVE_HUGO" = 1 ] && hugo version 2>/dev/null | cut -d' ' -f1-2 || echo absent); work folder: $WORK ($(df -PT "$WORK" | awk 'NR == 2 { print $2 }'))"

echo "building portal: swift build -c release --package-path $PROJECT_DIR ..."
BUILD_START=$SECONDS
if ! swift build -c release --package-path "$PROJECT_DIR" >"$WORK/swift-build.log" 2>&1; then
    die "swift build -c release failed in $PROJECT_DIR:" \
        "$(grep -m1 'error:' "$WORK/swift-build.log" | cut -c1-200) (log: $WORK/swift-build.log)"
fi
BIN_DIR="$(swift build -c release --package-path "$PROJECT_DIR" --show-bin-path 2>>"$WORK/swift-build.log")" \
    || die "swift build -c release --show-bin-path failed (log: $WORK/swift-build.log)"
PORTAL="$BIN_DIR/portal"
[ -x "$PORTAL" ] || die "no executable 'portal' in $BIN_DIR after swift build -c release"
echo "built in $((SECONDS - BUILD_START)) s: $PORTAL"

# ---------------------------------------------------------------- site

python3 "$HERE/gen_site.py" "$SITE" --pages "$N" --seed "$SEED" 2>"$WORK/gen.log" \
    || die "gen_site.py failed (log: $WORK/gen.log)"
cp -r "$PROJECT_DIR/Themes" "$PSITE/Themes" || die "could not copy $PROJECT_DIR/Themes"

manifest() {
    python3 -c 'import json,sys; m=json.load(open(sys.argv[1])); print(eval(sys.argv[2], {}, m))' \
        "$SITE/manifest.json" "$1"
}
BODY_MB="$(python3 -c 'import os,sys; print("%.1f" % (os.path.getsize(sys.argv[1]) / 1048576))' "$SITE/bodies.md")"
echo "site: $(manifest regular_pages) pages ($(manifest drafts) drafts) in $(manifest sections) sections," \
     "$(manifest mentors) mentors, $(manifest cases) cases, $(manifest tags_in_use) tags;" \
     "rendered bodies $BODY_MB MiB"

# ---------------------------------------------------------------- timing

CLK_TCK="$(getconf CLK_TCK 2>/dev/null || echo 100)"

# CPU ticks the whole machine has spent busy (neither idle nor waiting on I/O) so far.
busy_ticks() {
    awk '/^cpu / { print $2 + $3 + $4 + $7 + $8 + $9; exit }' /proc/stat 2>/dev/null
}

# timed NAME OUTDIR CMD...: removes OUTDIR, runs CMD under /usr/bin/time and appends
# "wall_s max_rss_kib user_s sys_s other_cpu_s" to $WORK/NAME.times, where other_cpu_s is
# the CPU time the rest of the machine used meanwhile (other work skews wall times).
# CMD's output goes to $WORK/NAME.log.
timed() {
    local name="$1" out="$2" before after rc
    shift 2
    rm -rf "$out"
    before="$(busy_ticks)"
    /usr/bin/time -f '%e %M %U %S' -o "$WORK/$name.time" \
        timeout --foreground "$RUN_TIMEOUT" "$@" >"$WORK/$name.log" 2>&1
    rc=$?
    after="$(busy_ticks)"
    tail -n 1 "$WORK/$name.time" | awk -v b="$before" -v a="$after" -v hz="$CLK_TCK" '{
        other = (b == "" || a == "") ? 0 : (a - b) / hz - $3 - $4
        printf "%s %s %s %s %.2f\n", $1, $2, $3, $4, (other < 0 ? 0 : other) }' >>"$WORK/$name.times"
    return $rc
}

first_line() {
    grep -m1 -v '^[[:space:]]*$' "$1" 2>/dev/null | cut -c1-200
}

run_hugo() {  # run_hugo [--quiet]: the warm-up runs without it, since --quiet hides warnings
    timed hugo "$OUT_HUGO" hugo "$@" --source "$HSITE" --destination "$OUT_HUGO"
    local rc=$?
    [ $rc = 124 ] && die "hugo timed out after $RUN_TIMEOUT s (log: $WORK/hugo.log)"
    [ $rc = 0 ] || die "hugo exited $rc on the generated site: $(first_line "$WORK/hugo.log") (log: $WORK/hugo.log)"
}

run_portal() {
    timed portal "$OUT_PORTAL" "$PORTAL" build --root "$PSITE" --output "$OUT_PORTAL"
    local rc=$?
    [ $rc = 124 ] && die "portal build timed out after $RUN_TIMEOUT s (log: $WORK/portal.log)"
    [ $rc = 0 ] || die "portal build exited $rc on the generated site: $(first_line "$WORK/portal.log") (log: $WORK/portal.log)"
}

count_pages() {
    find "$1" -name index.html -type f 2>/dev/null | wc -l | tr -d ' '
}

# median over the lines of file $1 of measure $2: wall, rss, cpu (user + sys) or
# other (cores busy with other work during the run: other_cpu_s / wall_s)
median() {
    awk -v m="$2" '{ print (m == "wall") ? $1 : (m == "rss") ? $2 : (m == "cpu") ? $3 + $4 \
                         : ($1 > 0 ? $5 / $1 : 0) }' "$1" | sort -g | awk '
        { v[NR] = $1 }
        END { if (NR == 0) print "nan"; else if (NR % 2) print v[(NR + 1) / 2]; else print (v[NR / 2] + v[NR / 2 + 1]) / 2 }'
}

ratio() {
    awk -v a="$1" -v b="$2" 'BEGIN { if (b + 0 == 0) print "inf"; else printf "%.2f\n", a / b }'
}

echo "warm-up ..."
[ "$HAVE_HUGO" = 1 ] && run_hugo
run_portal
if [ "$HAVE_HUGO" = 1 ] && grep -q 'WARN' "$WORK/hugo.log"; then
    cp "$WORK/hugo.log" "$WORK/hugo-warm-up.log"
    echo "note: hugo printed $(grep -c 'WARN' "$WORK/hugo.log") warnings, e.g. $(grep -m1 'WARN' "$WORK/hugo.log" | cut -c1-160) (log: $WORK/hugo-warm-up.log)"
    KEEP=1
fi
[ "$(count_pages "$OUT_PORTAL")" -gt 0 ] || die "portal build exited 0 but wrote no index.html under $OUT_PORTAL"
rm -f "$WORK/hugo.times" "$WORK/portal.times"

echo "timing $RUNS alternating runs ..."
for _ in $(seq "$RUNS"); do
    [ "$HAVE_HUGO" = 1 ] && run_hugo --quiet
    run_portal
done
PAGES_HUGO="$([ "$HAVE_HUGO" = 1 ] && count_pages "$OUT_HUGO" || echo 0)"
PAGES_PORTAL="$(count_pages "$OUT_PORTAL")"

# Floors: cmark alone on every rendered body, and a plain copy of Hugo's output (of portal's
# without Hugo).
COPIED="$OUT_HUGO"; [ "$HAVE_HUGO" = 1 ] || COPIED="$OUT_PORTAL"
for _ in $(seq "$RUNS"); do
    if [ "$HAVE_CMARK" = 1 ]; then
        /usr/bin/time -f '%e %M %U %S' -o "$WORK/cmark.time" cmark "$SITE/bodies.md" >"$WORK/cmark.html" 2>&1 \
            || die "cmark failed on $SITE/bodies.md"
        tail -n 1 "$WORK/cmark.time" >>"$WORK/cmark.times"
    fi
    timed cp "$WORK/cp-out" cp -r "$COPIED" "$WORK/cp-out" || die "cp -r of the output failed"
done
touch "$WORK/cmark.times" "$WORK/hugo.times"

H_WALL="$(median "$WORK/hugo.times" wall)"
H_RSS="$(median "$WORK/hugo.times" rss)"
H_CPU="$(median "$WORK/hugo.times" cpu)"
P_WALL="$(median "$WORK/portal.times" wall)"
P_RSS="$(median "$WORK/portal.times" rss)"
P_CPU="$(median "$WORK/portal.times" cpu)"
C_WALL="$(median "$WORK/cmark.times" wall)"
CP_WALL="$(median "$WORK/cp.times" wall)"
R_WALL="$(ratio "$P_WALL" "$H_WALL")"
R_RSS="$(ratio "$P_RSS" "$H_RSS")"
mib() { awk -v k="$1" 'BEGIN { printf "%.1f", k / 1024 }'; }
fmt2() { awk -v x="$1" 'BEGIN { printf "%.2f", x }'; }
LOAD_END="$(cut -d' ' -f1 /proc/loadavg 2>/dev/null || echo '?')"
H_OTHER="$(median "$WORK/hugo.times" other)"
P_OTHER="$(median "$WORK/portal.times" other)"
BUSY_RUNS="$(cat "$WORK/hugo.times" "$WORK/portal.times" | awk '$1 > 0 && $5 >= 0.05 && $5 / $1 > 0.25' | wc -l | tr -d ' ')"

if [ "$HAVE_HUGO" = 0 ]; then
    echo
    printf '%-12s %12s %16s %11s %18s\n' "" "median wall" "median peak RSS" "index.html" "median CPU (u+s)"
    printf '%-12s %10s s %12s MiB %11s %16s s\n' "portal" "$(fmt2 "$P_WALL")" "$(mib "$P_RSS")" "$PAGES_PORTAL" "$(fmt2 "$P_CPU")"
    [ "$HAVE_CMARK" = 1 ] && echo "floors: cmark on all bodies ($BODY_MB MiB) $(fmt2 "$C_WALL") s; cp -r of the portal output $(fmt2 "$CP_WALL") s"
    echo "expected index.html: portal $(manifest 'expected_index_html["portal"]')"
    echo "load average: $LOAD_START at start, $LOAD_END at end ($CPUS CPUs); other work during the runs (median cores busy): $(fmt2 "$P_OTHER")"
    echo "runs (wall s, peak RSS KiB, user s, sys s, other CPU s): portal $(paste -sd';' "$WORK/portal.times")"
    if [ "$KEEP" = 1 ]; then echo "work folder kept: $WORK"; fi
    DONE=1
    echo "portal_wall=$(fmt2 "$P_WALL") portal_rss_mib=$(mib "$P_RSS") pages_portal=$PAGES_PORTAL (no hugo: no ratios)"
    exit 0
fi
echo
printf '%-12s %12s %16s %11s %18s\n' "" "median wall" "median peak RSS" "index.html" "median CPU (u+s)"
printf '%-12s %10s s %12s MiB %11s %16s s\n' "hugo" "$(fmt2 "$H_WALL")" "$(mib "$H_RSS")" "$PAGES_HUGO" "$(fmt2 "$H_CPU")"
printf '%-12s %10s s %12s MiB %11s %16s s\n' "portal" "$(fmt2 "$P_WALL")" "$(mib "$P_RSS")" "$PAGES_PORTAL" "$(fmt2 "$P_CPU")"
printf '%-12s %12s %16s %11s %18s\n' "portal/hugo" "$R_WALL" "$R_RSS" "" "$(ratio "$P_CPU" "$H_CPU")"
echo "floors: cmark on all bodies ($BODY_MB MiB) $(fmt2 "$C_WALL") s; cp -r of the hugo output $(fmt2 "$CP_WALL") s"
EXPECTED_PORTAL="$(manifest 'expected_index_html["portal"]')"
echo "expected index.html: portal $EXPECTED_PORTAL" \
     "($(manifest 'expected_index_html["portal_with_tag_pages"]') with tag pages)," \
     "hugo $(manifest 'expected_index_html["hugo"]')"
echo "load average: $LOAD_START at start, $LOAD_END at end ($CPUS CPUs);" \
     "other work during the runs (median cores busy): hugo $(fmt2 "$H_OTHER"), portal $(fmt2 "$P_OTHER")"
if [ "$PAGES_PORTAL" -lt "$EXPECTED_PORTAL" ]; then
    echo "warning: portal wrote $PAGES_PORTAL index.html files, fewer than the $EXPECTED_PORTAL expected:" \
         "the timing does not cover the whole site"
fi
if [ "$BUSY_RUNS" -gt 0 ]; then
    echo "warning: $BUSY_RUNS of $((2 * RUNS)) timed runs shared the machine with other work" \
         "(over 0.25 cores busy elsewhere): wall times are skewed; rerun on an idle machine"
fi
echo "runs (wall s, peak RSS KiB, user s, sys s, other CPU s):" \
     "hugo $(paste -sd';' "$WORK/hugo.times"); portal $(paste -sd';' "$WORK/portal.times")"
if [ "$KEEP" = 1 ]; then echo "work folder kept: $WORK"; fi
DONE=1
echo "ratio_wall=$R_WALL ratio_rss=$R_RSS pages_portal=$PAGES_PORTAL pages_hugo=$PAGES_HUGO"
