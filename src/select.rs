//! Choosing the summary: prose sentences in order of importance, with redundancy
//! control (maximal marginal relevance); near-duplicates of better sentences, then
//! headline-like fragments, then boilerplate come after; the summary is the first `k`.

use crate::rank::{sort_by_score, Ranker};

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
    // Each group in document order, then by score. Boilerplate scores 0, so document
    // order is already its order by score (ties: earlier first).
    // The fragments and then the boilerplate share one list, with room for all.
    let n = scores.len();
    let mut content: Vec<usize> = Vec::with_capacity(n);
    let mut later: Vec<usize> = Vec::with_capacity(n);
    for i in 0..n {
        match (ranker.excluded[i], ranker.fragment[i]) {
            (true, _) => {}
            (false, true) => later.push(i),
            (false, false) => content.push(i),
        }
    }
    let fragments = later.len();
    for i in 0..n {
        if ranker.excluded[i] {
            later.push(i);
        }
    }
    sort_by_score(&mut content, scores);
    sort_by_score(&mut later[..fragments], scores);
    let best = content.first().map_or(0.0, |&i| scores[i]);
    let scale = if best > 0.0 { 1.0 / best } else { 0.0 };
    let similarity = |i: usize, j: usize| ranker.vectors.similarity(i, j);

    // The pool holds places in `content[..split]`, each with its scaled score (worked
    // out once, not in every round), its highest cosine with a sentence already placed
    // and where its row of `cosines` (below) starts.
    let split = content.len().min(MAX_CHECKED);
    let row_start = |p: usize| p * p.saturating_sub(1) / 2;
    let mut pool: Vec<(usize, f64, f32, usize)> = (0..split)
        .map(|p| (p, scores[content[p]] * scale, 0.0, row_start(p)))
        .collect();
    let mut chosen: Vec<usize> = Vec::with_capacity(n);
    let mut deferred: Vec<usize> = Vec::new();
    let cosines = cosine_triangle(ranker, &content[..split]);
    // (Cosines are never NaN, nor is a highest one, which starts at 0: so `>` is `max`.)
    let raise = |redundancy: &mut f32, cosine: f32| {
        if cosine > *redundancy {
            *redundancy = cosine;
        }
    };
    while !pool.is_empty() {
        // The pool is in score order, so on equal gain the earlier entry wins.
        let mut pick = 0;
        let mut pick_gain = f64::NEG_INFINITY;
        for (k, &(_, score, redundancy, _)) in pool.iter().enumerate() {
            let gain = score - REDUNDANCY_WEIGHT * redundancy as f64;
            if gain > pick_gain {
                (pick, pick_gain) = (k, gain);
            }
        }
        let (p, _, redundancy, row) = pool.remove(pick);
        let i = content[p];
        if redundancy > DUPLICATE_COSINE {
            deferred.push(i);
            continue;
        }
        chosen.push(i);
        // The pool is in order of places: those before `p` read its row, the others
        // their own rows at `p`.
        let (before, after) = pool.split_at_mut(pick);
        let row = cosines.get(row..).unwrap_or_default();
        for (q, _, r, _) in before {
            raise(r, row.get(*q).copied().unwrap_or(0.0));
        }
        for (_, _, r, row) in after {
            raise(r, cosines.get(*row + p).copied().unwrap_or(0.0));
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
    sort_by_score(&mut deferred, scores);
    chosen.extend(deferred);
    chosen.extend(later);
    chosen
}

/// The cosine of every two of the sentences `places` (the pool of [`importance_order`]):
/// that of places `q > r` is at `q * (q - 1) / 2 + r`. Worked out before the first round
/// from an inverted index: for each term, the places whose sentence has it, with its
/// weight, chained from `head[term]` through the third field (the last added first).
/// Each place in turn visits the earlier places that share a term with it, then joins
/// the chains; the products are summed in term order, as the terms of a vector are
/// sorted, so each cosine has the same bits as `Vectors::similarity` (the skipped
/// products are zeros). So each pair is visited once for each term the two share. (From
/// each sentence as it was placed, the rounds walked every chain of its terms whole:
/// its own entries and those of the places out of the pool too, two visits in three on
/// the seed article.)
///
/// Not inlined: in a function of its own V8 keeps more of the loops' values in
/// registers, where inside [`importance_order`] it kept them on the stack (this was
/// 21 of the selection's 38 thousand V8 instructions on the seed article, which takes
/// 36 now).
#[inline(never)]
fn cosine_triangle(ranker: &Ranker, places: &[usize]) -> Vec<f32> {
    let row_start = |p: usize| p * p.saturating_sub(1) / 2;
    let mut cosines = vec![0f32; row_start(places.len())];
    if places.len() < 2 {
        return cosines;
    }
    let vectors = &ranker.vectors;
    let df = &vectors.df[..];
    const END: u32 = u32::MAX;
    let mut head = vec![END; vectors.term_count()];
    // Room for all of them up front: growing step by step reallocates. (A push only
    // where there is room, which it always is: the push then has no call to grow the
    // list in the loop, around which V8 kept the loop's values on the stack.)
    let room = places.iter().map(|&i| vectors.vec(i).0.len()).sum();
    let mut postings: Vec<(u32, f32, u32)> = Vec::with_capacity(room);
    for (q, &i) in places.iter().enumerate() {
        let row = cosines.get_mut(row_start(q)..).unwrap_or_default();
        for &(t, w) in vectors.vec(i).0 {
            // A term of this sentence alone is shared with none.
            if df[t as usize] < 2 {
                continue;
            }
            let mut at = head[t as usize];
            while let Some(&(r, w2, next)) = postings.get(at as usize) {
                if let Some(cosine) = row.get_mut(r as usize) {
                    *cosine += w * w2;
                }
                at = next;
            }
            if postings.len() < postings.capacity() {
                let next = std::mem::replace(&mut head[t as usize], postings.len() as u32);
                postings.push((q as u32, w, next));
            }
        }
    }
    cosines
}

/// The summary: the first `k` of [`importance_order`] (each sentence index once), in
/// document order.
pub fn select(order: &[usize], k: usize) -> Vec<usize> {
    // Marked, then read in order: no sort.
    let first = &order[..k.min(order.len())];
    let mut chosen = vec![false; first.iter().max().map_or(0, |&i| i + 1)];
    for &i in first {
        chosen[i] = true;
    }
    (0..chosen.len()).filter(|&i| chosen[i]).collect()
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
