#!/bin/sh
# Rebuilds assets/lemmas/pl.tsv.gz, the Polish form -> base-form table behind topic
# labels (see assets/lemmas/SOURCES.md).
# Usage: scripts/build-lemmas.sh [SHARED_DATA_DIR] [OUTPUT]
#   SHARED_DATA_DIR  the development sets (default ../shared/data); their words,
#                    with the sample data's, the test fixtures' and the rule
#                    sentences', choose which lemmas the table holds.
# Needs python3 with venv; installs the morfeusz2 wheel (Morfeusz 2 with the SGJP
# dictionary) into a temporary environment.
set -eu
data=${1:-../shared/data}
out=${2:-assets/lemmas/pl.tsv.gz}
version=1.99.15
dir=$(mktemp -d)
trap 'rm -rf "$dir"' EXIT
python3 -m venv "$dir/venv"
"$dir/venv/bin/pip" install --quiet "morfeusz2==$version"
{
    for f in "$data/dev-clustering.jsonl" "$data/dev-8tags.jsonl" tests/data/*.jsonl; do
        jq -r .text "$f"
    done
    cat sample-data/cards.csv assets/vectors/budget-rules-pl.txt
} | LC_ALL=C.UTF-8 sed 's/.*/\L&/' | LC_ALL=C.UTF-8 grep -o '[[:alpha:]]\{2,\}' |
    LC_ALL=C sort | uniq -c > "$dir/words"
echo "$(wc -l < "$dir/words") distinct words" >&2
"$dir/venv/bin/python" scripts/build_lemmas.py < "$dir/words" > "$dir/pl.tsv"
echo "dictionary: $("$dir/venv/bin/python" -c 'import morfeusz2; print(morfeusz2.Morfeusz().dict_id())')" >&2
gzip -9 -n < "$dir/pl.tsv" > "$out"
echo "$out: $(wc -c < "$dir/pl.tsv") bytes of text, $(wc -c < "$out") compressed" >&2
