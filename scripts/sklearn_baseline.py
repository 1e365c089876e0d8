#!/usr/bin/env python3
"""Baseline for `narada-bench cluster`: scikit-learn TF-IDF + MiniBatchKMeans on a
labelled JSON Lines file, on one thread. Prints one JSON object: seconds (vectorise and
cluster, after reading the file), peak RSS of this process in MiB, NMI and ARI against
the gold labels.

    python3 scripts/sklearn_baseline.py FILE --k 7 [--analyzer word12|word|char_wb] [--seed 1]
        [--repeat 3]

With --repeat N the pipeline runs N times and the fastest counts (as the shared data's
README times its baselines); the scores are those of the last run (the same each time).

word12 is the reference pipeline of the shared data's README for its timing inputs:
word 1–2-grams, MiniBatchKMeans(n_init=3, batch_size=1024). word (single words seen in
two texts, batch 2048) is a lighter, faster variant; char_wb uses character 3–5-grams.
"""

import argparse
import json
import os
import resource
import sys
import time

# One thread, as the engine is measured (set before numpy loads).
for var in ("OMP_NUM_THREADS", "OPENBLAS_NUM_THREADS", "MKL_NUM_THREADS"):
    os.environ[var] = "1"

from sklearn.cluster import MiniBatchKMeans  # noqa: E402
from sklearn.feature_extraction.text import TfidfVectorizer  # noqa: E402
from sklearn.metrics import adjusted_rand_score, normalized_mutual_info_score  # noqa: E402


def run(texts, args):
    """Vectorise and cluster once; returns (seconds, predicted labels)."""
    started = time.perf_counter()
    batch = 2048
    if args.analyzer == "word12":
        vectorizer = TfidfVectorizer(analyzer="word", ngram_range=(1, 2))
        batch = 1024
    elif args.analyzer == "word":
        vectorizer = TfidfVectorizer(min_df=2, sublinear_tf=True)
    else:
        vectorizer = TfidfVectorizer(
            analyzer="char_wb", ngram_range=(3, 5), min_df=2, sublinear_tf=True
        )
    x = vectorizer.fit_transform(texts)
    model = MiniBatchKMeans(
        n_clusters=args.k, random_state=args.seed, n_init=3, batch_size=batch
    )
    pred = model.fit_predict(x)
    seconds = time.perf_counter() - started
    return seconds, pred


def main() -> int:
    ap = argparse.ArgumentParser()
    ap.add_argument("file")
    ap.add_argument("--k", type=int, required=True)
    ap.add_argument("--analyzer", choices=["word12", "word", "char_wb"], default="word12")
    ap.add_argument("--seed", type=int, default=1)
    ap.add_argument("--repeat", type=int, default=1)
    args = ap.parse_args()

    texts, gold = [], []
    with open(args.file, encoding="utf-8") as f:
        for line in f:
            if line.strip():
                item = json.loads(line)
                texts.append(item["text"])
                gold.append(item.get("label", ""))

    best = None
    for _ in range(max(1, args.repeat)):
        seconds, pred = run(texts, args)
        best = seconds if best is None else min(best, seconds)
    seconds = best

    peak_kib = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
    json.dump(
        {
            "pipeline": f"tfidf-{args.analyzer}+minibatchkmeans",
            "texts": len(texts),
            "seconds": seconds,
            "peak_rss_mib": peak_kib / 1024.0,
            "nmi": normalized_mutual_info_score(gold, pred),
            "ari": adjusted_rand_score(gold, pred),
        },
        sys.stdout,
    )
    print()
    return 0


if __name__ == "__main__":
    sys.exit(main())
