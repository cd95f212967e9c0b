//! Choosing the summary: prose sentences in order of importance, with redundancy
//! control (maximal marginal relevance); near-duplicates of better sentences, then
//! headline-like fragments, then boilerplate come after; the summary is the first `k`.

use crate::rank::{order, Ranker};

/// Two sentences with a cosine above this are near-duplicates: the lower-scored one
/// is deferred until every distinct candidate has been taken.
pub const DUPLICATE_COSINE: f32 = 0.6;

/// Redundancy is checked against at most this many chosen sentences, and the
/// MMR reordering looks at this many top-scored candidates, which keeps ordering a
/// long text linear; summaries are far shorter than this.
pub const MAX_CHECKED: usize = 64;

/// MMR trade-off: a candidate's score (scaled so the best sentence has 1) minus this
/// times its highest cosine with a sentence already placed. At 0.6 a sentence that
/// repeats half of a chosen one must score 0.3 more to come first; ordinary
/// paraphrase-free text is barely reordered.
pub const REDUNDANCY_WEIGHT: f64 = 0.6;

/// Every sentence index, most important first.
///
/// The [`MAX_CHECKED`] best content sentences are ordered greedily by maximal
/// marginal relevance (score minus [`REDUNDANCY_WEIGHT`] × highest cosine with a
/// sentence already placed); the other content sentences follow by score.
/// Near-duplicates (cosine above [`DUPLICATE_COSINE`] with a placed sentence) come
/// after every distinct prose sentence, then lines that do not end like a sentence
/// (headlines, subtitles, list items; [`Ranker::fragment`]), and boilerplate comes
/// last. Ties go to the earlier sentence, so the order is deterministic.
pub fn importance_order(ranker: &Ranker) -> Vec<usize> {
    let scores = ranker.scores();
    let by_score = order(scores);
    let (content, boilerplate): (Vec<usize>, Vec<usize>) =
        by_score.into_iter().partition(|&i| !ranker.excluded[i]);
    let (content, fragments): (Vec<usize>, Vec<usize>) =
        content.into_iter().partition(|&i| !ranker.fragment[i]);
    let best = content.first().map_or(0.0, |&i| scores[i]);
    let scale = if best > 0.0 { 1.0 / best } else { 0.0 };
    let similarity = |i: usize, j: usize| ranker.vectors.similarity(i, j);

    let split = content.len().min(MAX_CHECKED);
    let mut pool: Vec<(usize, f32)> = content[..split].iter().map(|&i| (i, 0.0)).collect();
    let mut chosen: Vec<usize> = Vec::with_capacity(content.len() + boilerplate.len());
    let mut deferred: Vec<usize> = Vec::new();
    // Used only while two or more sentences are in the pool.
    let terms = if pool.len() > 1 {
        ranker.vectors.term_count()
    } else {
        0
    };
    let mut dense = vec![0f32; terms];
    while !pool.is_empty() {
        // The pool is in score order, so on equal gain the earlier entry wins.
        let mut pick = 0;
        let mut pick_gain = f64::NEG_INFINITY;
        for (p, &(i, redundancy)) in pool.iter().enumerate() {
            let gain = scores[i] * scale - REDUNDANCY_WEIGHT * redundancy as f64;
            if gain > pick_gain {
                (pick, pick_gain) = (p, gain);
            }
        }
        let (i, redundancy) = pool.remove(pick);
        if redundancy > DUPLICATE_COSINE {
            deferred.push(i);
            continue;
        }
        chosen.push(i);
        if pool.is_empty() {
            break;
        }
        // Cosines with i through i's weights spread over a dense array: one look-up
        // per term of the other sentence, no merge (the same products, summed in the
        // same term order, so the same bits as `Vectors::similarity`).
        let vi = &ranker.vectors.vecs[i].0;
        for &(t, w) in vi {
            dense[t as usize] = w;
        }
        for (j, r) in pool.iter_mut() {
            let dot: f32 = ranker.vectors.vecs[*j]
                .0
                .iter()
                .map(|&(t, w)| dense[t as usize] * w)
                .fold(0.0, |sum, x| sum + x);
            *r = r.max(dot);
        }
        for &(t, _) in vi {
            dense[t as usize] = 0.0;
        }
    }
    for &i in &content[split..] {
        // Once MAX_CHECKED sentences are placed nothing more is deferred, so the
        // (costly, on long texts) duplicate check is skipped.
        let duplicate = chosen.len() < MAX_CHECKED
            && chosen.iter().any(|&j| similarity(i, j) > DUPLICATE_COSINE);
        if duplicate {
            deferred.push(i);
        } else {
            chosen.push(i);
        }
    }
    // Deferred near-duplicates by score (ties: earlier first), then fragments, then
    // boilerplate.
    crate::rank::sort_by_score(&mut deferred, scores);
    chosen.extend(deferred);
    chosen.extend(fragments);
    chosen.extend(boilerplate);
    chosen
}

/// The summary: the first `k` of [`importance_order`], in document order.
pub fn select(order: &[usize], k: usize) -> Vec<usize> {
    let mut chosen: Vec<usize> = order.iter().take(k).copied().collect();
    chosen.sort_unstable();
    chosen
}

/// Ranks from an importance order: `ranks[i]` is 1 for `order[0]`, and so on.
pub fn ranks(order: &[usize]) -> Vec<usize> {
    let mut ranks = vec![0; order.len()];
    for (r, &i) in order.iter().enumerate() {
        ranks[i] = r + 1;
    }
    ranks
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn near_duplicates_are_not_both_chosen() {
        let sentences = [
            "정부가 클라우드 산업을 핵심 인프라로 육성한다.",
            "정부가 클라우드 산업을 핵심 인프라로 육성한다고 밝혔다.",
            "업계는 세제 혜택과 해외 진출 지원을 요청했다.",
            "클라우드 업계는 정부 지원을 환영했다.",
        ];
        let order = importance_order(&Ranker::new(&sentences));
        let s = select(&order, 2);
        assert_eq!(s.len(), 2);
        assert!(
            !(s.contains(&0) && s.contains(&1)),
            "chose both duplicates: {s:?}"
        );
    }

    #[test]
    fn boilerplate_comes_last_and_k_beyond_n_gives_all() {
        let sentences = [
            "가나다라마바 사아자차.",
            "[가상일보 김하늘 기자]",
            "타파하 가나다라.",
        ];
        let order = importance_order(&Ranker::new(&sentences));
        assert_eq!(order[2], 1, "boilerplate ranked before content: {order:?}");
        assert_eq!(select(&order, 10), [0, 1, 2]);
        assert_eq!(select(&order, 2), [0, 2]);
    }

    #[test]
    fn ranks_invert_the_order() {
        assert_eq!(ranks(&[2, 0, 1]), [2, 3, 1]);
    }
}
