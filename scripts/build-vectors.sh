#!/bin/sh
# Rebuilds assets/vectors/pl.bin from a Pabulib mirror and the general Polish texts
# (see assets/vectors/SOURCES.md).
# Usage: scripts/build-vectors.sh PABULIB_GIT_DIR [OUTPUT] [EXCLUDE_REGEX] [GENERAL_DIR]
#   PABULIB_GIT_DIR  a clone (or bare git dir) of github.com/pabulib/pabulib_files
#   EXCLUDE_REGEX    extra files to leave out (e.g. 'Poland_Lodz_202[345]' for a
#                    measurement-only file); Kraków is always left out. '^$' for none.
#   GENERAL_DIR      .txt files (one sentence per line) written by
#                    scripts/fetch-general-corpus.sh; without it only Pabulib and the
#                    budget rules are read, as before the general corpus was added.
set -eu
usage='usage: scripts/build-vectors.sh PABULIB_GIT_DIR [OUTPUT] [EXCLUDE_REGEX] [GENERAL_DIR]'
repo=${1:?$usage}
out=${2:-assets/vectors/pl.bin}
exclude=${3:-'^$'}
general=${4:-}
dir=$(mktemp -d)
trap 'rm -rf "$dir"' EXIT
git -C "$repo" ls-tree -r --name-only HEAD -- pb_files |
    grep '^pb_files/Poland_' | grep -v '^pb_files/Poland_Krakow' | grep -Ev "$exclude" |
    while read -r f; do
        # Files kept in Git LFS or missing from a partial mirror are skipped.
        git -C "$repo" show "HEAD:$f" > "$dir/$(basename "$f")" 2>/dev/null ||
            rm -f "$dir/$(basename "$f")"
    done
cp assets/vectors/budget-rules-pl.txt "$dir/"
if [ -n "$general" ]; then
    n=0
    for f in "$general"/*.txt; do
        [ -f "$f" ] || continue
        cp "$f" "$dir/general-$(basename "$f")"
        n=$((n + 1))
    done
    [ "$n" -gt 0 ] || { echo "build-vectors: no .txt files in $general" >&2; exit 1; }
fi
echo "pabulib commit $(git -C "$repo" rev-parse HEAD)" >&2
cargo run --release --bin narada -- vectors build --corpus "$dir" -o "$out"
