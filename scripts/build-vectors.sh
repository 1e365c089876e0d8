#!/bin/sh
# Rebuilds assets/vectors/pl.bin from a Pabulib mirror (see assets/vectors/SOURCES.md).
# Usage: scripts/build-vectors.sh PABULIB_GIT_DIR [OUTPUT] [EXCLUDE_REGEX]
#   PABULIB_GIT_DIR  a clone (or bare git dir) of github.com/pabulib/pabulib_files
#   EXCLUDE_REGEX    extra files to leave out (e.g. 'Poland_Lodz_202[345]' for a
#                    measurement-only file); Kraków is always left out.
set -eu
repo=${1:?usage: scripts/build-vectors.sh PABULIB_GIT_DIR [OUTPUT] [EXCLUDE_REGEX]}
out=${2:-assets/vectors/pl.bin}
exclude=${3:-'^$'}
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
echo "pabulib commit $(git -C "$repo" rev-parse HEAD)" >&2
cargo run --release --bin narada -- vectors build --corpus "$dir" -o "$out"
