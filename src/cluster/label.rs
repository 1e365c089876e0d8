//! Topic labels: the words most characteristic of a topic, shown in the
//! form people wrote them.

use super::weight::Corpus;

/// Up to `max` labels for the texts `members`. A term scores
/// p(t|topic)·ln(p(t|topic)/p(t)) — frequent in the topic and more frequent
/// than in the whole input (a KL-divergence contribution); it must occur in
/// at least two members unless the topic is tiny.
pub(super) fn label_words(c: &Corpus, members: &[usize], max: usize) -> Vec<String> {
    let mut in_topic: Vec<(u32, u32)> = members
        .iter()
        .flat_map(|&d| c.row(d).0.iter().map(|&t| (t, 1u32)))
        .collect();
    in_topic.sort_unstable();
    let mut counts: Vec<(u32, u32)> = Vec::new();
    for (t, one) in in_topic {
        match counts.last_mut() {
            Some(last) if last.0 == t => last.1 += one,
            _ => counts.push((t, one)),
        }
    }
    let size = members.len().max(1) as f64;
    let n = c.n_docs.max(1) as f64;
    let min_count = if members.len() >= 6 { 2 } else { 1 };
    let mut scored: Vec<(f64, u32)> = counts
        .iter()
        .filter(|&&(_, a)| a >= min_count)
        .map(|&(t, a)| {
            let p_in = f64::from(a) / size;
            let p_all = f64::from(c.df[t as usize]) / n;
            (p_in * (p_in / p_all).ln(), t)
        })
        .filter(|&(s, _)| s > 0.0)
        .collect();
    scored.sort_by(|a, b| b.0.total_cmp(&a.0).then(a.1.cmp(&b.1)));
    let mut out: Vec<String> = Vec::new();
    for (_, t) in scored {
        let w = &c.surface[t as usize];
        if !w.is_empty() && !out.contains(w) {
            out.push(w.clone());
        }
        if out.len() == max {
            break;
        }
    }
    out
}
