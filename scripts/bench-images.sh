#!/usr/bin/env bash
# bench-images.sh [PROJECT_DIR]: the image figure of `make bench`.
#
# Makes 100 phone-size photos (4032 × 3024, 12 megapixels, JPEG quality 88, with the grain of a
# real photo so they weigh what a phone's do) in a temporary folder, puts them on ten pages of a
# small site, and times `portal build` (release) on it: the first build (every photo processed
# by libvips), a rebuild after one page is edited (every photo from the image cache) and a
# rebuild with nothing changed. Prints wall time and peak memory (RSS) of each.
#
# Environment: BENCH_PHOTOS (default 100), PORTAL_BIN (default: swift build -c release),
# BENCH_KEEP=1 keeps the temporary folder.
set -eu -o pipefail

PROJECT="$(cd "${1:-.}" && pwd)"
PHOTOS="${BENCH_PHOTOS:-100}"
command -v vips >/dev/null || { echo "bench-images.sh: the vips command is missing (apt-get install libvips-tools)" >&2; exit 1; }
[ -x /usr/bin/time ] || { echo "bench-images.sh: /usr/bin/time is missing (apt-get install time)" >&2; exit 1; }

WORK="$(mktemp -d "${TMPDIR:-/tmp}/portal-bench-images.XXXXXX")"
cleanup() { [ "${BENCH_KEEP:-0}" = 1 ] && echo "kept $WORK" || rm -rf "$WORK"; }
trap cleanup EXIT

if [ -z "${PORTAL_BIN:-}" ]; then
    swift build -c release --package-path "$PROJECT" >"$WORK/swift-build.log" 2>&1 \
        || { echo "bench-images.sh: swift build -c release failed (log: $WORK/swift-build.log)" >&2; BENCH_KEEP=1; exit 1; }
    PORTAL_BIN="$(swift build -c release --package-path "$PROJECT" --show-bin-path)/portal"
fi

SITE="$WORK/site"
mkdir -p "$SITE/Content/photos"
cp -r "$PROJECT/Tests/Fixtures/sites/basic/Content/." "$SITE/Content/"
cp -r "$PROJECT/Tests/Fixtures/sites/basic/Themes" "$SITE/Themes"

echo "making $PHOTOS photos of 4032 x 3024 ..."
# The grain, made once; each photo is its own smooth colour field plus the grain.
vips gaussnoise "$WORK/grain.v" 4032 3024 --sigma 6 --mean 0
vips bandjoin "$WORK/grain.v $WORK/grain.v $WORK/grain.v" "$WORK/grain3.v"
for i in $(seq 1 "$PHOTOS"); do
    n=$(printf '%03d' "$i")
    for b in 1 2 3; do
        vips gaussnoise "$WORK/s$b.v" 126 95 --sigma 45 --mean 128 --seed $((i * 3 + b))
    done
    vips bandjoin "$WORK/s1.v $WORK/s2.v $WORK/s3.v" "$WORK/small.v"
    vips resize "$WORK/small.v" "$WORK/field.v" 32 --kernel linear
    vips add "$WORK/field.v" "$WORK/grain3.v" "$WORK/sum.v"
    vips cast "$WORK/sum.v" "$SITE/Content/photos/foto-$n.jpg[Q=88]" uchar
done
rm -f "$WORK"/*.v
SIZE_MB=$(du -sm "$SITE/Content/photos" | cut -f1)

# Ten pages of ten photos each.
for p in $(seq 0 $(( (PHOTOS - 1) / 10 ))); do
    {
        printf -- '---\ntitle: Фотографии %d\n---\nФотографии с занятий.\n\n' "$p"
        for i in $(seq $((p * 10 + 1)) $((p * 10 + 10))); do
            [ "$i" -le "$PHOTOS" ] && printf '![Занятие %d](photos/foto-%03d.jpg)\n\n' "$i" "$i"
        done
    } >"$SITE/Content/foto-$p.md"
done

run() {  # run NAME: one timed build, "wall_seconds peak_kb" appended to $WORK/NAME.time
    /usr/bin/time -f '%e %M' -o "$WORK/$1.time" "$PORTAL_BIN" build --root "$SITE" --output "$WORK/out" --quiet \
        >"$WORK/$1.log" 2>&1 || { echo "bench-images.sh: portal build failed (log: $WORK/$1.log)" >&2; cat "$WORK/$1.log" >&2; exit 1; }
    awk -v name="$2" '{ printf "  %-42s %8.2f s %8.0f MB\n", name, $1, $2 / 1024 }' "$WORK/$1.time"
}

echo "images: $PHOTOS photos, 4032 x 3024, $SIZE_MB MB in all; portal $("$PORTAL_BIN" --version 2>/dev/null || echo)"
printf '  %-42s %10s %11s\n' "" "wall" "peak RSS"
run first "first build (every photo processed)"
echo "Ещё абзац." >>"$SITE/Content/foto-0.md"
run edited "rebuild, a page edited (photos cached)"
run same "rebuild, nothing changed"
OUT_MB=$(du -sm "$WORK/out" | cut -f1)
FILES=$(find "$WORK/out" -name 'foto-*' | wc -l)
echo "  output: $FILES photo files, $OUT_MB MB (the originals: $SIZE_MB MB)"
