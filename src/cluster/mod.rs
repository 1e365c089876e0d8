//! Topic clustering of short texts (workshop cards, proposal titles).
//!
//! Pipeline: tokenise (NFC, lowercase, letters only, stop words, Snowball
//! stem, fold) → TF-IDF (min df 2, sublinear tf, smoothed idf) → word vectors
//! learned from the input (PPMI + randomized SVD) → text vectors → spherical
//! k-means with k-means++ and restarts → labels from characteristic words.
//! Pure: no IO, deterministic for equal input and options.

mod base_form;
mod choose_k;
mod eigen;
mod enrich;
mod kmeans;
mod label;
mod label_words;
mod lemma;
mod lexicon;
mod linalg;
mod lloyd;
pub mod metrics;
mod plain_letters;
mod plural;
mod project;
mod rng;
mod seed;
pub mod shipped;
pub mod shipped_build;
pub mod shipped_corpus;
mod shipped_mix;
mod similar;
mod stopwords;
mod text_space;
mod tokenize;
mod types;
mod vectors;
mod weight;
mod word_class;

#[cfg(test)]
mod tests;

pub use self::choose_k::k_range;
pub use self::similar::similar;
pub use self::tokenize::fold;
pub use self::types::{Assignment, ClusterOptions, Clustering, SeedTopic, Stage, Topic};
/// Options and results name the language of the texts (it selects stop words and the
/// stemmer), so callers can take it from here too.
pub use crate::model::Lang;

use self::kmeans::{Fit, Params};
use self::rng::Rng;

/// Terms must occur in this many texts to count.
const MIN_DF: u32 = 2;
/// Word vectors are learned for at most this many (commonest) terms; rarer
/// terms still shape labels but not text vectors.
const MAX_VOCAB: usize = 20_000;
/// Word-vector dimensions (30–50 measured best; 50 slightly ahead), fewer
/// above `LARGE` texts to stay within the time budget at 100k.
fn dim_for(n: usize) -> usize {
    if n > LARGE { 40 } else { 50 }
}
const LARGE: usize = 20_000;
/// Power iterations of the word vectors' SVD: fewer above `LARGE` texts (see
/// `vectors::POWER_ITERS`).
fn power_iters_for(n: usize) -> usize {
    if n > LARGE {
        vectors::POWER_ITERS_LARGE
    } else {
        vectors::POWER_ITERS
    }
}
/// Text vectors wider than this are projected onto this many principal
/// directions before k-means (the joined own + shipped vectors are 114 wide).
const PROJECTED_DIM: usize = 50;

/// Above this many texts the shipped vectors count for more: words seen in one text
/// only count when the shipped vectors know them, and the shipped block weighs more
/// (`shipped_mix::weight_for`). The words alone (seeds 1–5, k given, with that weight):
/// budget titles NMI / ARI 0.365 / 0.313 → 0.372 / 0.314, headlines 0.274 / 0.191 →
/// 0.277 / 0.209 with their largest topic 23.4 % → 20.2 % and 29 texts without a
/// vector → 6. Workshop-scale inputs keep both as they were (see `cluster_using`).
const SHIPPED_MORE_ABOVE: usize = 1_000;
/// Two-word phrases are features up to this many texts (workshop scale and well
/// beyond); above it they would cost time for little gain.
const PHRASES_MAX: usize = 20_000;
/// k-means restarts (greedy k-means++ seeding); the best total similarity wins.
const RESTARTS: usize = 30;
/// Fewer restarts above this many texts: there the best of 12 matched the best
/// of 30 within noise (budget titles, NMI/ARI over seeds) at 40 % of the time.
const RESTARTS_FEW_ABOVE: usize = 1_000;
const RESTARTS_FEW: usize = 12;
/// There, restarts also stop once under one text in this many changes topic
/// (see `kmeans::Params::settle_share`; workshop-scale inputs always converge fully).
const SETTLE_SHARE: usize = 200;
/// Above this many texts the restarts run on a sample of `KM_SAMPLE` texts
/// and the winner is refined on all texts.
const KM_FULL_MAX: usize = 5_000;
const KM_SAMPLE: usize = 3_000;
/// The refinement on all texts stops once fewer than one text in this many changes topic:
/// on 100k titles 200 (0.5 %) gave the same NMI / ARI as 1,000 over seeds 1–3 (0.295 /
/// 0.243 and 0.293 / 0.243) and took a tenth less of the run.
const REFINE_SETTLE: usize = 200;
/// Seed of the word vectors' randomized SVD and of the automatic choice of k: the
/// text vectors and the number of topics depend on the cards only, so another
/// `random_seed` changes only the k-means restarts (the SVD is converged to within
/// noise, and its noise alone moved automatic k by several topics).
const CHOOSE_K_SEED: u64 = 0x6b5e;
/// Representative cards per topic, and the text-vector cosine from which two
/// cards count as near-duplicates of each other.
const REPRESENTATIVES: usize = 3;
const NEAR_DUPLICATE: f32 = 0.97;
/// Keywords per topic.
const LABEL_WORDS: usize = 4;
/// A text whose cosine to its nearest centroid is below this is unsorted.
/// Unit text vectors of unrelated content land near 0 in this space, and a
/// text sharing a single word with a topic typically stays above it.
pub const MIN_SIMILARITY: f32 = 0.2;

/// The folded stem of one word as clustering sees it, or `None` for stop words and
/// fragments too short to stem; lets search match other inflections of a word.
pub fn stem_key(word: &str, lang: Lang) -> Option<String> {
    tokenize::Analyzer::new(lang).term(&word.to_lowercase())
}

/// Clusters `texts` into topics. See [`cluster_with_progress`].
pub fn cluster(texts: &[&str], opts: &ClusterOptions) -> Clustering {
    cluster_with_progress(texts, opts, &mut |_, _| {})
}

/// Clusters `texts`, calling `progress(stage, fraction)` as stages start
/// (fraction 0) and the whole run ends (`Stage::Done`, 1).
///
/// Number of topics: `opts.k` if given (at least the number of seeds, at
/// most the number of placeable texts); otherwise chosen in [`k_range`] by
/// the gap statistic against word-shuffled texts: the smallest k after
/// which more topics explain no more than they would for topic-free texts with
/// the same words, within noise, or explain clearly less per topic than the
/// topics before (details in `choose_k`); raised to
/// seeds + 1 when seeds are given.
pub fn cluster_with_progress(
    texts: &[&str],
    opts: &ClusterOptions,
    progress: &mut dyn FnMut(Stage, f32),
) -> Clustering {
    let lang = opts.lang.unwrap_or_else(|| tokenize::detect_lang(texts));
    let shipped = opts
        .shipped_vectors
        .then(|| shipped::for_lang(lang))
        .flatten();
    cluster_using(texts, opts, lang, shipped, progress)
}

/// [`cluster_with_progress`] with the language and shipped vectors chosen.
fn cluster_using(
    texts: &[&str],
    opts: &ClusterOptions,
    lang: Lang,
    shipped: Option<&shipped::ShippedVectors>,
    progress: &mut dyn FnMut(Stage, f32),
) -> Clustering {
    let n = texts.len();
    progress(Stage::Tokenize, 0.0);
    let an = tokenize::Analyzer::new(lang);
    let lexicon = lexicon::Lexicon::new(lang, &an);
    let generic = stopwords::generic(lang, &an);
    // Words seen once stay out at workshop scale even when the shipped vectors know
    // them. Letting them in once pulled workshop cards into catch-all topics (workshop
    // set NMI 0.81 → 0.70); measured again with today's pipeline, up to 300 cards and
    // with their own block of the vectors left empty, they raise the workshop sets with
    // k given (NMI +0.02–0.04) but automatic k on the demo falls from 16 topics to 7 (14
    // at a third of their weight). On thousands of texts they carry what a text is
    // about when its telling word is rare (a sport, a dish, a film's hero), so there
    // they count, by their shipped vector alone (see `SHIPPED_MORE_ABOVE`).
    let keep_rare =
        |key: &str| n > SHIPPED_MORE_ABOVE && shipped.is_some_and(|sv| sv.find(key).is_some());
    let features = weight::Features {
        lexicon: Some(&lexicon),
        rich: true,
        phrases: n <= PHRASES_MAX,
        generic: Some(&generic),
        keep_rare: Some(&keep_rare),
    };
    let (mut corpus, mut extras) = weight::build_with(texts, &an, MIN_DF, &features).split_extras();
    corpus.tfidf();
    extras.tfidf();
    progress(Stage::Vectors, 0.0);
    // The input's own vectors are learned from words on two texts or more only (ids
    // are ordered by document frequency); words kept although seen once have none.
    let common = corpus.df.iter().take_while(|&&d| d >= MIN_DF).count();
    let wv = vectors::word_vectors(
        &corpus,
        MAX_VOCAB.min(common),
        dim_for(n),
        power_iters_for(n),
        CHOOSE_K_SEED,
    );
    let wv = match shipped {
        Some(sv) => shipped_mix::combine(&wv, &corpus, sv, shipped_mix::weight_for(n)),
        None => wv,
    };
    let dim = wv.dim;
    let pull = enrich::strength(n);
    let space = text_space::TextSpace::new(&corpus, &extras, &wv, pull);
    let placeable = space.placeable();
    let anchors = seed::anchors(&opts.seeds, &an, &corpus, &wv, &|d, out| {
        space.full_row(d, out);
    });
    // With the shipped vectors joined, k-means and the choice of k run on the
    // texts' principal directions (see `project`), estimated on a sample of them.
    let full_dim = dim;
    let basis_all = (dim > PROJECTED_DIM).then(|| {
        let rows: Vec<usize> = project::basis_rows(placeable.len(), CHOOSE_K_SEED)
            .into_iter()
            .map(|r| placeable[r])
            .collect();
        let sample = space.projected(&rows, None);
        project::principal_directions(&sample, dim, PROJECTED_DIM + 1, CHOOSE_K_SEED)
    });
    // The choice of k and the unsorted rule use the top directions; k-means leaves out
    // the first, uncentred one: what every text shares (common-component removal, as
    // in SIF sentence embeddings). Every card placed, seeds 1–5, k given: headlines
    // NMI / ARI 0.277 / 0.209 → 0.275 / 0.240 with the largest topic 20.2 % → 16.4 %,
    // the five-theme cards 0.806 / 0.708 → 0.858 / 0.814 (promotion and accessibility
    // apart), the blind cards 0.564 / 0.374 → 0.580 / 0.393; budget titles, whose
    // largest theme holds 28 % of them, 0.372 / 0.314 → 0.358 / 0.263. The choice of k
    // keeps that direction: without it the titles got 3–15 topics over the draws.
    //
    // The placeable texts' rows, compacted: for the choice of k (`xp`), and for k-means
    // (`xt`, the same rows when there is no basis).
    let (basis, topic_basis, xp, xt) = match &basis_all {
        Some(d) => {
            let (xp, xt) = space.projected_pair(&placeable, d);
            let (head, tail) = (&d[..PROJECTED_DIM * full_dim], &d[full_dim..]);
            (Some(head), Some(tail), xp, Some(xt))
        }
        None => (None, None, space.projected(&placeable, None), None),
    };
    let xt = xt.as_deref().unwrap_or(&xp);
    let (anchors, dim) = match topic_basis {
        Some(d) => {
            let anchors: Vec<Vec<f32>> = anchors
                .iter()
                .map(|a| project::project(a, full_dim, d))
                .collect();
            (anchors, d.len() / full_dim)
        }
        None => (anchors, dim),
    };
    let n_seeds = anchors.len();

    let (k, k_auto) = if let Some(k) = opts.k {
        (k.max(n_seeds), false)
    } else {
        progress(Stage::ChooseK, 0.0);
        // Null texts for the gap statistic: sampled rows' words shuffled.
        let null_of = |rows: &[usize], seed: u64| {
            let docs: Vec<usize> = rows.iter().map(|&p| placeable[p]).collect();
            let mut null = vectors::shuffled_text_vectors(&corpus, &wv, &docs, seed);
            // The null's features go to other texts, and their directions come
            // from those texts, as the real ones come from the real texts.
            let other = enrich::shuffled(&docs, seed);
            let null_dirs = enrich::directions(&extras, &null, full_dim, &|r| other[r]);
            enrich::pull(&extras, &null_dirs, &mut null, full_dim, pull, &|r| {
                other[r]
            });
            match basis {
                Some(d) => project::project(&null, full_dim, d),
                None => null,
            }
        };
        // The sample and the null references do not follow the caller's seed: the
        // number of topics is a property of the cards, so re-running with another
        // seed should not change it.
        let choice_seed = CHOOSE_K_SEED ^ opts.choice_draw;
        let (k, _) = choose_k::choose_k(&xp, dim, choice_seed, opts.threads, &null_of);
        let k = if n_seeds > 0 { k.max(n_seeds + 1) } else { k };
        (k, true)
    };
    let k = if placeable.is_empty() {
        0
    } else {
        k.clamp(1, placeable.len())
    };
    progress(Stage::Cluster, 0.0);
    let fit = run_kmeans(xt, dim, k, &anchors[..n_seeds.min(k)], opts);
    // Each text's cosine to its topic's centre where the shared direction counts, as
    // the unsorted rule was measured.
    let common_sims = topic_basis.map(|_| linalg::cosines_to_means(&xp, dim, &fit.labels, k));
    let sims = common_sims.as_deref().unwrap_or(&fit.sims);

    progress(Stage::Label, 0.0);
    let mut assignments = vec![
        Assignment {
            topic: None,
            score: 0.0
        };
        n
    ];
    let mut groups: Vec<Vec<usize>> = vec![Vec::new(); k];
    for (p, &i) in placeable.iter().enumerate() {
        let (j, s) = (fit.labels[p], sims[p]);
        assignments[i].score = s;
        if s >= MIN_SIMILARITY {
            groups[j].push(i);
        }
    }
    let mut order: Vec<usize> = (0..k).filter(|&j| !groups[j].is_empty()).collect();
    order.sort_by_key(|&j| (std::cmp::Reverse(groups[j].len()), groups[j][0]));
    let ids: tokenize::FastMap<&str, u32> = corpus
        .keys
        .iter()
        .enumerate()
        .map(|(i, k)| (k.as_str(), i as u32))
        .collect();
    let mut topics = Vec::with_capacity(order.len());
    for (t, &j) in order.iter().enumerate() {
        let members = std::mem::take(&mut groups[j]);
        for &i in &members {
            assignments[i].topic = Some(t);
        }
        // Most central first (ties: input order).
        let mut ranked = members.clone();
        ranked.sort_by(|&a, &b| {
            assignments[b]
                .score
                .total_cmp(&assignments[a].score)
                .then(a.cmp(&b))
        });
        let representatives = representatives(&ranked, &xp, dim, texts, &|i| {
            placeable.partition_point(|&p| p < i)
        });
        let scores = label::term_scores(&corpus, &members);
        let keywords = label::keywords(&corpus, &scores, LABEL_WORDS);
        // Topics come largest first, so a larger topic keeps a label both could have;
        // the caller's kept topics have theirs already.
        let taken = |l: &str| {
            let l = l.to_lowercase();
            topics.iter().any(|t: &Topic| t.label.to_lowercase() == l)
                || opts.taken_labels.iter().any(|t| t.to_lowercase() == l)
        };
        let label = label::phrase(texts, &ranked, &an, &ids, &scores, lang == Lang::Pl, &taken)
            .unwrap_or_else(|| label::capitalised(&keywords.join(", ")));
        // Cards with the very same words can leave nothing else: a number tells them apart.
        let label = crate::model::text::numbered_if_taken(&label, order.len() + 1, taken);
        topics.push(Topic {
            label,
            label_words: keywords.clone(),
            keywords,
            seed_name: (j < n_seeds).then(|| opts.seeds[j].name.clone()),
            example: representatives.first().copied().unwrap_or(members[0]),
            representatives,
            members,
        });
    }
    let unsorted = (0..n).filter(|&i| assignments[i].topic.is_none()).collect();
    progress(Stage::Done, 1.0);
    Clustering {
        topics,
        assignments,
        unsorted,
        k_chosen: k,
        k_auto,
        lang,
    }
}

/// Up to `REPRESENTATIVES` of the `ranked` members (most central first), skipping
/// any that nearly repeats one already taken (same words, or text vectors at
/// cosine ≥ `NEAR_DUPLICATE`).
/// `row(i)` is the row of input `i` in `x` (members are always placeable).
fn representatives(
    ranked: &[usize],
    x: &[f32],
    dim: usize,
    texts: &[&str],
    row: &dyn Fn(usize) -> usize,
) -> Vec<usize> {
    let vec_of = |i: usize| &x[row(i) * dim..(row(i) + 1) * dim];
    let mut out: Vec<usize> = Vec::new();
    for &i in ranked {
        let xi = vec_of(i);
        let near = out.iter().any(|&r| {
            fold(texts[r])
                .split_whitespace()
                .eq(fold(texts[i]).split_whitespace())
                || linalg::dot(xi, vec_of(r)) >= NEAR_DUPLICATE
        });
        if !near {
            out.push(i);
        }
        if out.len() == REPRESENTATIVES {
            break;
        }
    }
    out
}

/// Restarts on all points, or on a sample followed by refinement when the
/// input is large (restart cost grows with n, the best start does not).
fn run_kmeans(
    xp: &[f32],
    dim: usize,
    k: usize,
    anchors: &[Vec<f32>],
    opts: &ClusterOptions,
) -> Fit {
    let np = xp.len() / dim;
    let params = Params {
        k,
        restarts: if np > RESTARTS_FEW_ABOVE {
            RESTARTS_FEW
        } else {
            RESTARTS
        },
        max_iter: 50,
        settle_share: if np > RESTARTS_FEW_ABOVE {
            SETTLE_SHARE
        } else {
            0
        },
        seed: opts.random_seed,
        threads: opts.threads,
    };
    if k == 0 {
        return kmeans::lloyd(xp, dim, Vec::new(), &[], 0);
    }
    if np <= KM_FULL_MAX {
        return kmeans::fit(xp, dim, anchors, &params);
    }
    let all: Vec<usize> = (0..np).collect();
    let sample = Rng::derive(opts.random_seed, 0x5a3e).sample(&all, KM_SAMPLE);
    let xs: Vec<f32> = sample
        .iter()
        .flat_map(|&i| xp[i * dim..(i + 1) * dim].iter().copied())
        .collect();
    let best = kmeans::fit(&xs, dim, anchors, &params);
    lloyd::refine(xp, dim, best.centroids, anchors, 30, np / REFINE_SETTLE)
}
