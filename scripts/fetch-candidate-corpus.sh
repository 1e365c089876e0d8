#!/bin/sh
# Extracts general Polish texts that were measured as additions to the shipped word
# vectors but are NOT part of them (see assets/vectors/SOURCES.md, "Measured and not
# shipped"), so that the measurement can be repeated. Same layout as
# scripts/fetch-general-corpus.sh: .txt files, one sentence per line.
# Usage: scripts/fetch-candidate-corpus.sh MIRRORS_DIR OUT_DIR
#   To measure, copy these files next to the output of fetch-general-corpus.sh, build
#   a vectors file with scripts/build-vectors.sh into /tmp, and run narada-bench with
#   NARADA_VECTORS_FILE pointing to it. Never commit the texts.
# Needs jq (for the JSON lines of the second source).
set -eu
mirrors=${1:?usage: scripts/fetch-candidate-corpus.sh MIRRORS_DIR OUT_DIR}
out=${2:?usage: scripts/fetch-candidate-corpus.sh MIRRORS_DIR OUT_DIR}
mkdir -p "$out"

# repo_dir and show.
. "$(dirname "$0")/mirror-git.sh"

# One sentence per line: a break after . ? ! followed by a space (and, with $1 = upper,
# only before a capital letter); lines of fewer than three words are dropped.
sentences() {
    if [ "${1:-}" = upper ]; then
        sed 's/\([.?!]\) \([[:upper:]ĄĆĘŁŃÓŚŹŻ]\)/\1\n\2/g'
    else
        sed 's/\([.?!]\) /\1\n/g'
    fi | awk 'NF >= 3'
}

# WikiPunct (PolEval 2021 punctuation restoration): Polish Wikinews articles (CC BY 2.5)
# and Polish Wikipedia talk-page posts (CC BY-SA), lower-cased. Only the texts given
# with their punctuation (train and test-A expected.tsv), split into sentences.
punct=c6b7ffbbfcdb018d29c6918fa263edb105237685
for part in train test-A; do
    show poleval/2021-punctuation-restoration $punct "$part/expected.tsv"
done | sentences >"$out/wikipunct.txt"

# Polish Wikipedia paragraphs (CC BY-SA) quoted as the `contexts` of the evaluation
# questions of a retrieval project (MIT); only the Wikipedia text, never the generated
# questions or answers. Each paragraph once, split into sentences.
rag=510c20b139e7c94c43ebcfa85d2a2b29be4d7b8b
for f in questions_1000 questions_200 questions_20; do
    show Floressek/ImprovedRag $rag "data/eval/$f.jsonl"
done | jq -r '.contexts[]' | awk 'NF && !seen[$0]++' | sentences upper \
    >"$out/wikipedia-rag-contexts.txt"

# FLORES-200 devtest, Polish (CC BY-SA 4.0, see the repository's README and
# LICENSE-CC-BY-SA): 1,012 sentences of Wikinews, Wikijunior and Wikivoyage translated
# from English, as kept in the OPUS-MT test-set collection.
show Helsinki-NLP/OPUS-MT-testsets ac0f19c0be3cb4e0d9450fcb2d7a9847c4bdd180 \
    datasets/facebook/flores/flores200_dataset/devtest/pol_Latn.devtest >"$out/flores-devtest-pol.txt"

wc -l "$out"/*.txt >&2
