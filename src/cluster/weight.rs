//! Vocabulary, document frequencies and sublinear TF-IDF rows.

use super::tokenize::{Analyzer, FastMap, for_each_word};

const NO_TERM: u32 = u32::MAX;

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
}

impl Corpus {
    pub(super) fn n_terms(&self) -> usize {
        self.df.len()
    }

    pub(super) fn row(&self, d: usize) -> (&[u32], &[f32]) {
        let r = self.ptr[d]..self.ptr[d + 1];
        (&self.term[r.clone()], &self.weight[r])
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
                let w = (1.0 + self.weight[i].ln()) * idf[self.term[i] as usize];
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

/// Tokenises all texts, keeping terms that occur in at least `min_df` texts.
/// Each distinct word is stemmed once (a cache), which is what keeps 100k
/// texts fast.
pub(super) fn build(texts: &[&str], an: &Analyzer, min_df: u32) -> Corpus {
    let mut word_ids: FastMap<String, u32> = FastMap::default();
    let mut word_term: Vec<u32> = Vec::new();
    let mut word_count: Vec<u32> = Vec::new();
    let mut words: Vec<String> = Vec::new();
    let mut key_ids: FastMap<String, u32> = FastMap::default();
    let mut raw_keys: Vec<String> = Vec::new();
    let mut tokens: Vec<u32> = Vec::new();
    let mut ptr = vec![0usize];
    let mut buf = String::new();
    for text in texts {
        for_each_word(text, &mut buf, |w| {
            let id = if let Some(&id) = word_ids.get(w) {
                id
            } else {
                let t = match an.term(w) {
                    None => NO_TERM,
                    Some(key) => {
                        let next = raw_keys.len() as u32;
                        *key_ids.entry(key).or_insert_with_key(|k| {
                            raw_keys.push(k.clone());
                            next
                        })
                    }
                };
                let id = words.len() as u32;
                word_ids.insert(w.to_string(), id);
                words.push(w.to_string());
                word_term.push(t);
                word_count.push(0);
                id
            };
            word_count[id as usize] += 1;
            if word_term[id as usize] != NO_TERM {
                tokens.push(word_term[id as usize]);
            }
        });
        ptr.push(tokens.len());
    }
    // Per text: sort term ids and count runs; document frequencies.
    let mut raw_df = vec![0u32; raw_keys.len()];
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
    let mut kept: Vec<u32> = (0..raw_keys.len() as u32)
        .filter(|&t| raw_df[t as usize] >= min_df)
        .collect();
    kept.sort_by(|&a, &b| {
        raw_df[b as usize]
            .cmp(&raw_df[a as usize])
            .then_with(|| raw_keys[a as usize].cmp(&raw_keys[b as usize]))
    });
    let mut remap = vec![NO_TERM; raw_keys.len()];
    for (new, &old) in kept.iter().enumerate() {
        remap[old as usize] = new as u32;
    }
    let mut out = Corpus {
        n_docs: texts.len(),
        ptr: vec![0],
        term: Vec::new(),
        weight: Vec::new(),
        df: kept.iter().map(|&t| raw_df[t as usize]).collect(),
        keys: kept.iter().map(|&t| raw_keys[t as usize].clone()).collect(),
        surface: vec![String::new(); kept.len()],
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
mod tests {
    use super::*;
    use crate::model::Lang;

    #[test]
    fn min_df_and_surface_forms() {
        let an = Analyzer::new(Lang::Pl);
        let texts = [
            "Głosowanie elektroniczne",
            "głosowania w szkole",
            "Głosowanie, park",
        ];
        let mut c = build(&texts, &an, 2);
        assert_eq!(c.n_terms(), 1);
        assert_eq!(c.df, vec![3]);
        assert_eq!(c.surface[0], "głosowanie");
        c.tfidf();
        let (t, w) = c.row(1);
        assert_eq!(t, &[0]);
        assert!((w[0] - 1.0).abs() < 1e-6);
    }
}
