#!/bin/sh
# Rebuilds assets/lemmas/pl.tsv.gz, the Polish form -> base-form table behind topic
# labels (see assets/lemmas/SOURCES.md).
# Usage: scripts/build-lemmas.sh PABULIB_GIT_DIR [GENERAL_DIR] [OUTPUT]
#   PABULIB_GIT_DIR  a clone (or bare git dir) of github.com/pabulib/pabulib_files; the
#                    project titles of its Polish files are read, except Kraków's and
#                    Łódź's of 2023-2025 (the clustering development set's texts)
#   GENERAL_DIR      optional: .txt files of general Polish text, one sentence per line
#                    (Wikipedia, news, Tatoeba; see SOURCES.md); '' for none
# Which lemmas the table holds is chosen from the words of these texts (seen at least
# MIN_COUNT times, default 2) and of the project's own texts (sample data, test
# fixtures, budget rules; all of their words). The development sets are never read.
# Needs python3 with venv; installs the morfeusz2 wheel (Morfeusz 2 with the SGJP
# dictionary) into a temporary environment.
set -eu
usage='usage: scripts/build-lemmas.sh PABULIB_GIT_DIR [GENERAL_DIR] [OUTPUT]'
repo=${1:?$usage}
general=${2:-}
out=${3:-assets/lemmas/pl.tsv.gz}
min=${MIN_COUNT:-2}
version=1.99.15
dir=$(mktemp -d)
trap 'rm -rf "$dir"' EXIT

# Lowercase words of two letters or more on standard input, as `uniq -c` lines.
count_words() {
    LC_ALL=C.UTF-8 sed 's/.*/\L&/' | LC_ALL=C.UTF-8 grep -o '[[:alpha:]]\{2,\}' |
        LC_ALL=C sort | uniq -c
}

echo "pabulib commit $(git -C "$repo" rev-parse HEAD)" >&2
git -C "$repo" ls-tree -r --name-only HEAD -- pb_files |
    grep '^pb_files/Poland_' | grep -Ev '^pb_files/Poland_(Krakow|Lodz_202[345])' |
    while read -r f; do
        # Files kept in Git LFS or missing from a partial mirror are skipped.
        git -C "$repo" show "HEAD:$f" 2>/dev/null || true
    done | python3 scripts/build_lemmas.py titles > "$dir/general.txt"
echo "$(wc -l < "$dir/general.txt") Pabulib project titles" >&2
if [ -n "$general" ]; then
    n=0
    for f in "$general"/*.txt; do
        [ -f "$f" ] || continue
        cat "$f" >> "$dir/general.txt"
        n=$((n + 1))
    done
    [ "$n" -gt 0 ] || { echo "build-lemmas: no .txt files in $general" >&2; exit 1; }
    echo "$n general text files" >&2
fi
count_words < "$dir/general.txt" > "$dir/general.words"
{
    for f in tests/data/*.jsonl; do
        jq -r .text "$f"
    done
    cat sample-data/cards.csv assets/vectors/budget-rules-pl.txt
} | count_words > "$dir/own.words"
# A general word counts when seen MIN_COUNT times; the project's own words always.
awk -v min="$min" 'NR == FNR { own[$2] = 1; next } $1 >= min || ($2 in own)' \
    "$dir/own.words" "$dir/general.words" > "$dir/kept"
LC_ALL=C sort -k2,2 -m "$dir/kept" "$dir/own.words" |
    awk '{ n[$2] += $1 } END { for (w in n) print n[w], w }' | LC_ALL=C sort -k2,2 > "$dir/words"
echo "$(wc -l < "$dir/words") distinct words" >&2
python3 -m venv "$dir/venv"
"$dir/venv/bin/pip" install --quiet "morfeusz2==$version"
"$dir/venv/bin/python" scripts/build_lemmas.py < "$dir/words" > "$dir/pl.tsv"
echo "dictionary: $("$dir/venv/bin/python" -c 'import morfeusz2; print(morfeusz2.Morfeusz().dict_id())')" >&2
gzip -9 -n < "$dir/pl.tsv" > "$out"
echo "$out: $(wc -c < "$dir/pl.tsv") bytes of text, $(wc -c < "$out") compressed" >&2
