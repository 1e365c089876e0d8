//! Vocabulary, document frequencies and sublinear TF-IDF rows, with the extra
//! features short cards need: `#tags`, domain-lexicon concepts and recurring
//! two-word phrases, and lower weights for generic words and place names.

use super::lexicon::Lexicon;
use super::tokenize::{Analyzer, FastMap, FastSet, Token, for_each_token};

const NO_TERM: u32 = u32::MAX;

/// Weight multipliers of the feature kinds (measured on workshop cards, budget
/// titles and headlines). A tag is the facilitator's own grouping: strong. A
/// concept stands for several synonyms at once. A phrase repeats its words, so it
/// only adds a little. Generic words and place names stay visible in labels but
/// must not hold a topic together.
const TAG_BOOST: f32 = 2.5;
const CONCEPT_BOOST: f32 = 1.0;
const PHRASE_BOOST: f32 = 0.5;
const GENERIC_WEIGHT: f32 = 0.35;
const PLACE_WEIGHT: f32 = 0.4;
/// A word written with a capital inside sentences at least this often is a name.
const PLACE_SHARE: f32 = 0.5;

/// What a term stands for.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(super) enum Kind {
    Word,
    /// `#tag`, key `#` + stem.
    Tag,
    /// Domain-lexicon concept, key `@` + index.
    Concept,
    /// Two adjacent content words, key `stem stem`.
    Phrase,
}

/// Which extra features [`build_with`] adds.
pub(super) struct Features<'a> {
    pub lexicon: Option<&'a Lexicon>,
    /// Tags and the generic/place weights.
    pub rich: bool,
    /// Two-word phrases (they cost time on large inputs, where they matter less).
    pub phrases: bool,
    /// Generic words (folded stems).
    pub generic: Option<&'a FastSet<String>>,
    /// Words seen in fewer than `min_df` texts that are kept all the same.
    pub keep_rare: Option<&'a dyn Fn(&str) -> bool>,
}

impl Features<'_> {
    /// Words only, all weighted alike.
    pub(super) const PLAIN: Features<'static> = Features {
        lexicon: None,
        rich: false,
        phrases: false,
        generic: None,
        keep_rare: None,
    };
}

/// Texts as sparse term rows (CSR). Term ids are ordered by document
/// frequency (descending), then key, so the first ids are the commonest.
pub(super) struct Corpus {
    pub n_docs: usize,
    pub ptr: Vec<usize>,
    pub term: Vec<u32>,
    /// Raw counts after [`build`], TF-IDF weights after [`Corpus::tfidf`].
    pub weight: Vec<f32>,
    pub df: Vec<u32>,
    /// Stem key of each term (folded stem).
    pub keys: Vec<String>,
    /// Most frequent written (lowercase) form of each term, for labels.
    pub surface: Vec<String>,
    pub kind: Vec<Kind>,
    /// Weight multiplier of each term (1 for plain words).
    pub boost: Vec<f32>,
}

impl Corpus {
    pub(super) fn n_terms(&self) -> usize {
        self.df.len()
    }

    pub(super) fn row(&self, d: usize) -> (&[u32], &[f32]) {
        let r = self.ptr[d]..self.ptr[d + 1];
        (&self.term[r.clone()], &self.weight[r])
    }

    /// Splits off the extra features (tags, concepts, phrases) into a corpus of
    /// their own, so that word vectors are learned from words alone (extra
    /// features in the co-occurrence counts blurred the vectors of the words
    /// they were made of). Both keep the order of their terms.
    pub(super) fn split_extras(self) -> (Corpus, Corpus) {
        let mut new_id = vec![0u32; self.n_terms()];
        let mut counts = [0u32; 2];
        for (t, k) in self.kind.iter().enumerate() {
            let g = usize::from(*k != Kind::Word);
            new_id[t] = counts[g];
            counts[g] += 1;
        }
        let mut parts: [Corpus; 2] = std::array::from_fn(|_| Corpus {
            n_docs: self.n_docs,
            ptr: vec![0],
            term: Vec::new(),
            weight: Vec::new(),
            df: Vec::new(),
            keys: Vec::new(),
            surface: Vec::new(),
            kind: Vec::new(),
            boost: Vec::new(),
        });
        for t in 0..self.n_terms() {
            let p = &mut parts[usize::from(self.kind[t] != Kind::Word)];
            p.df.push(self.df[t]);
            p.keys.push(self.keys[t].clone());
            p.surface.push(self.surface[t].clone());
            p.kind.push(self.kind[t]);
            p.boost.push(self.boost[t]);
        }
        for d in 0..self.n_docs {
            let (terms, weights) = self.row(d);
            for (&t, &w) in terms.iter().zip(weights) {
                let p = &mut parts[usize::from(self.kind[t as usize] != Kind::Word)];
                p.term.push(new_id[t as usize]);
                p.weight.push(w);
            }
            for p in &mut parts {
                p.ptr.push(p.term.len());
            }
        }
        let [words, extras] = parts;
        (words, extras)
    }

    /// Sublinear tf (1 + ln c), smoothed idf (ln((1+n)/(1+df)) + 1), L2 rows.
    pub(super) fn tfidf(&mut self) {
        let n = self.n_docs as f32;
        let idf: Vec<f32> = self
            .df
            .iter()
            .map(|&df| ((1.0 + n) / (1.0 + df as f32)).ln() + 1.0)
            .collect();
        for d in 0..self.n_docs {
            let r = self.ptr[d]..self.ptr[d + 1];
            let mut norm = 0.0f32;
            for i in r.clone() {
                let t = self.term[i] as usize;
                let w = (1.0 + self.weight[i].ln()) * idf[t] * self.boost[t];
                self.weight[i] = w;
                norm += w * w;
            }
            let norm = norm.sqrt();
            if norm > 0.0 {
                self.weight[r].iter_mut().for_each(|w| *w /= norm);
            }
        }
    }
}

/// Every distinct key (word stem, concept, tag, phrase) seen so far, by first sight.
#[derive(Default)]
struct RawTerms {
    ids: FastMap<String, u32>,
    keys: Vec<String>,
    kinds: Vec<Kind>,
    /// Per key: occurrences, and those written with a capital mid-sentence.
    seen: Vec<(u32, u32)>,
    /// Reused for built keys, so the per-token features allocate nothing.
    scratch: String,
}

impl RawTerms {
    fn intern(&mut self, key: &str, kind: Kind) -> u32 {
        if let Some(&id) = self.ids.get(key) {
            return id;
        }
        let id = self.keys.len() as u32;
        self.ids.insert(key.to_string(), id);
        self.keys.push(key.to_string());
        self.kinds.push(kind);
        self.seen.push((0, 0));
        id
    }

    /// Interns the key `build` writes; it may read the keys interned so far.
    fn intern_built(&mut self, kind: Kind, build: impl FnOnce(&mut String, &[String])) -> u32 {
        let mut key = std::mem::take(&mut self.scratch);
        key.clear();
        build(&mut key, &self.keys);
        let id = self.intern(&key, kind);
        self.scratch = key;
        id
    }

    fn intern_concept(&mut self, concept: u16) -> u32 {
        self.intern_built(Kind::Concept, |key, _| {
            key.push('@');
            key.push_str(&concept.to_string());
        })
    }
}

/// Tokenises all texts into words only, keeping terms that occur in at least
/// `min_df` texts.
pub(super) fn build(texts: &[&str], an: &Analyzer, min_df: u32) -> Corpus {
    build_with(texts, an, min_df, &Features::PLAIN)
}

/// Tokenises all texts, keeping terms that occur in at least `min_df` texts, with
/// the extra features of `feat`. Each distinct word is stemmed once (a cache),
/// which is what keeps 100k texts fast.
pub(super) fn build_with(texts: &[&str], an: &Analyzer, min_df: u32, feat: &Features) -> Corpus {
    let mut word_ids: FastMap<String, u32> = FastMap::default();
    let mut word_term: Vec<u32> = Vec::new();
    let mut word_concept: Vec<Option<u16>> = Vec::new();
    let mut word_count: Vec<u32> = Vec::new();
    let mut words: Vec<String> = Vec::new();
    let mut raw = RawTerms::default();
    let mut tokens: Vec<u32> = Vec::new();
    let mut ptr = vec![0usize];
    let mut buf = String::new();
    let lexicon = feat.lexicon.filter(|l| !l.is_empty());
    for text in texts {
        // The previous content word of this text (for phrases), if adjacent.
        let mut prev: Option<u32> = None;
        for_each_token(text, &mut buf, |w, tok: Token| {
            let id = if let Some(&id) = word_ids.get(w) {
                id
            } else {
                let (t, concept) = match an.term(w) {
                    None => (NO_TERM, None),
                    Some(key) => {
                        let concept = lexicon.and_then(|l| l.word(&key));
                        (raw.intern(&key, Kind::Word), concept)
                    }
                };
                let id = words.len() as u32;
                word_ids.insert(w.to_string(), id);
                words.push(w.to_string());
                word_term.push(t);
                word_concept.push(concept);
                word_count.push(0);
                id
            };
            word_count[id as usize] += 1;
            let t = word_term[id as usize];
            if tok.broken {
                prev = None;
            }
            if t == NO_TERM {
                return;
            }
            tokens.push(t);
            if !feat.rich && lexicon.is_none() {
                return;
            }
            let seen = &mut raw.seen[t as usize];
            seen.0 += 1;
            seen.1 += u32::from(tok.mid_cap);
            if let Some(c) = word_concept[id as usize] {
                tokens.push(raw.intern_concept(c));
            }
            if feat.rich && tok.tag {
                tokens.push(raw.intern_built(Kind::Tag, |key, keys| {
                    key.push('#');
                    key.push_str(&keys[t as usize]);
                }));
            }
            if let Some(p) = prev {
                if let Some(c) =
                    lexicon.and_then(|l| l.pair(&raw.keys[p as usize], &raw.keys[t as usize]))
                {
                    tokens.push(raw.intern_concept(c));
                }
                if feat.phrases && p != t {
                    tokens.push(raw.intern_built(Kind::Phrase, |key, keys| {
                        key.push_str(&keys[p as usize]);
                        key.push(' ');
                        key.push_str(&keys[t as usize]);
                    }));
                }
            }
            prev = Some(t);
        });
        ptr.push(tokens.len());
    }
    // Per text: sort term ids and count runs; document frequencies.
    let mut raw_df = vec![0u32; raw.keys.len()];
    let mut runs: Vec<(u32, u32)> = Vec::with_capacity(tokens.len());
    let mut run_ptr = vec![0usize];
    for d in 0..texts.len() {
        let toks = &mut tokens[ptr[d]..ptr[d + 1]];
        toks.sort_unstable();
        for &t in toks.iter() {
            let fresh = runs.len() == run_ptr[d];
            match runs.last_mut() {
                Some(last) if !fresh && last.0 == t => last.1 += 1,
                _ => {
                    runs.push((t, 1));
                    raw_df[t as usize] += 1;
                }
            }
        }
        run_ptr.push(runs.len());
    }
    // Keep frequent terms; renumber by (df desc, key) for determinism.
    let mut kept: Vec<u32> = (0..raw.keys.len() as u32)
        .filter(|&t| {
            raw_df[t as usize] >= min_df
                || (raw.kinds[t as usize] == Kind::Word
                    && feat.keep_rare.is_some_and(|k| k(&raw.keys[t as usize])))
        })
        .collect();
    kept.sort_by(|&a, &b| {
        raw_df[b as usize]
            .cmp(&raw_df[a as usize])
            .then_with(|| raw.keys[a as usize].cmp(&raw.keys[b as usize]))
    });
    let mut remap = vec![NO_TERM; raw.keys.len()];
    for (new, &old) in kept.iter().enumerate() {
        remap[old as usize] = new as u32;
    }
    let mut out = Corpus {
        n_docs: texts.len(),
        ptr: vec![0],
        term: Vec::new(),
        weight: Vec::new(),
        df: kept.iter().map(|&t| raw_df[t as usize]).collect(),
        keys: kept.iter().map(|&t| raw.keys[t as usize].clone()).collect(),
        surface: vec![String::new(); kept.len()],
        kind: kept.iter().map(|&t| raw.kinds[t as usize]).collect(),
        boost: kept
            .iter()
            .map(|&t| {
                let key = &raw.keys[t as usize];
                match raw.kinds[t as usize] {
                    Kind::Tag => TAG_BOOST,
                    Kind::Concept => CONCEPT_BOOST,
                    Kind::Phrase => PHRASE_BOOST,
                    Kind::Word if !feat.rich => 1.0,
                    Kind::Word => {
                        let (seen, caps) = raw.seen[t as usize];
                        if feat.generic.is_some_and(|g| g.contains(key)) {
                            GENERIC_WEIGHT
                        } else if seen > 0 && caps as f32 >= PLACE_SHARE * seen as f32 {
                            PLACE_WEIGHT
                        } else {
                            1.0
                        }
                    }
                }
            })
            .collect(),
    };
    for d in 0..texts.len() {
        let mut row: Vec<(u32, u32)> = runs[run_ptr[d]..run_ptr[d + 1]]
            .iter()
            .filter(|r| remap[r.0 as usize] != NO_TERM)
            .map(|r| (remap[r.0 as usize], r.1))
            .collect();
        row.sort_unstable();
        for (t, c) in row {
            out.term.push(t);
            out.weight.push(c as f32);
        }
        out.ptr.push(out.term.len());
    }
    // Label form: the most frequent written word of each term (ties: the
    // alphabetically first), independent of hash order.
    let mut best: Vec<(u32, usize)> = vec![(0, usize::MAX); kept.len()];
    for (w, &t) in word_term.iter().enumerate() {
        if t == NO_TERM || remap[t as usize] == NO_TERM {
            continue;
        }
        let slot = &mut best[remap[t as usize] as usize];
        let c = word_count[w];
        if c > slot.0 || (c == slot.0 && (slot.1 == usize::MAX || words[w] < words[slot.1])) {
            *slot = (c, w);
        }
    }
    for (t, &(_, w)) in best.iter().enumerate() {
        if w != usize::MAX {
            out.surface[t].clone_from(&words[w]);
        }
    }
    out
}

#[cfg(test)]
#[path = "weight_tests.rs"]
mod tests;
