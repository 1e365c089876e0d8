#!/bin/sh
# Extracts the general Polish texts of the shipped word vectors (see
# assets/vectors/SOURCES.md, "General Polish text") from local git copies of their
# public repositories into OUT_DIR, as .txt files with one sentence per line.
# Usage: scripts/fetch-general-corpus.sh MIRRORS_DIR OUT_DIR
#   MIRRORS_DIR  holds a clone (or bare git dir) of each repository below, found as
#                MIRRORS_DIR/<owner>+<name>/repo, MIRRORS_DIR/<owner>+<name> or
#                MIRRORS_DIR/<name>
#   OUT_DIR      created if missing; pass it as GENERAL_DIR to scripts/build-vectors.sh
# Every file is read at a fixed commit, so the same mirrors always give the same text.
# The texts are never committed to this repository: only the vectors built from them.
set -eu
mirrors=${1:?usage: scripts/fetch-general-corpus.sh MIRRORS_DIR OUT_DIR}
out=${2:?usage: scripts/fetch-general-corpus.sh MIRRORS_DIR OUT_DIR}
mkdir -p "$out"

# repo_dir and show.
. "$(dirname "$0")/mirror-git.sh"

# One sentence per line from CoNLL-style token lines (word in column 1, sentences
# separated by blank lines, -DOCSTART lines skipped).
iob_sentences() {
    awk -F'\t' '/^-DOCSTART/ { next }
        NF == 0 { if (s != "") print s; s = ""; next }
        { s = (s == "" ? $1 : s " " $1) }
        END { if (s != "") print s }'
}

# NTREX-128: news sentences translated into Polish (CC BY-SA 4.0).
show MicrosoftTranslator/NTREX 8561f6a622db9edad1217683e5c83daefd8bb2bf \
    NTREX-128/newstest2019-ref.pol.txt >"$out/ntrex-128-pol.txt"

# UD Polish PUD: news and Wikipedia sentences (CC BY-SA 4.0); the `# text =` lines.
show UniversalDependencies/UD_Polish-PUD a726e5866e7f134763d734e6d915b8faf10f552f \
    pl_pud-ud-test.conllu | sed -n 's/^# text = //p' >"$out/ud-polish-pud.txt"

# Polish Wikipedia sentences (CC BY-SA) collected for bias detection: the sentences
# of reviewed articles, the reviewed (neutral) version of flagged ones, and sentences
# marked as weasel wording. Tab-separated: revision id, sentence(s).
bias=95a910ec47fda4b3d615ab1143d4f8fc2a6d6cf7
show sweronika/bias_detection $bias dataPL/unbiased | cut -f2 >"$out/wikipedia-unbiased.txt"
show sweronika/bias_detection $bias dataPL/biased | cut -f3 >"$out/wikipedia-reviewed.txt"
show sweronika/bias_detection $bias dataPL/deceiving_sentences >"$out/wikipedia-weasel.txt"

# CEN (economic news from Polish Wikinews) and the KPWr-NER test part (mixed genres),
# both CLARIN-PL, CC BY 3.0, as IOB files in a NER comparison repository.
ner=170bfa9d14c4b74b93486c95a09e64e8fa8e8c60
for part in cen/train cen/val cen/test kpwr-ner/test; do
    show tymzar/named-entity-recognition $ner "nlp-ner-comparison/data/$part.iob" |
        iob_sentences >"$out/$(echo "$part" | tr / -).txt"
done

# Tatoeba (CC BY 2.0 FR): the Polish side of the English–Polish sentence pairs.
show 1p22geo/tensorflow-chat 21f96d491ed91a7fa00f6112d4df695e37a0783d pol.txt |
    cut -f2 | LC_ALL=C sort -u >"$out/tatoeba-pol.txt"

# Sejm transcripts of the 10th term, Nov 2023 – Oct 2024 (official documents, not
# subject to copyright: art. 4 pkt 2 of the Polish copyright act), as parsed into XML
# by hipisejm; only the speeches' words are read, not the repository's code or markup.
python3 "$(dirname "$0")/corpus_text.py" sejm "$(repo_dir walasiek/hipisejm)" \
    839221e1eb0aefe8daa25eb119c7e9e146af0366 >"$out/sejm-10.txt"

# OpenStax textbooks in Polish (CC BY 4.0): physics (3 volumes), psychology,
# microeconomics, macroeconomics; prose only, no maths.
for book in fizyka-bundle:bdf3158ca1f9ed7516626e7b0f39047d37b43719 \
    psychologia:2010b2f265ec99f8f24766d54d621f7736d827d8 \
    mikroekonomia:b527719f8f710e73efcaf8344e23c4efb2e9657b \
    makroekonomia:36f59aa574f0177f9cc78b59b6beb632a5b9d067; do
    python3 "$(dirname "$0")/corpus_text.py" cnxml "$(repo_dir "openstax/osbooks-${book%%:*}")" \
        "${book#*:}" >"$out/openstax-${book%%:*}.txt"
done

wc -l "$out"/*.txt >&2
