//! Choosing the summary: sentences in order of importance, boilerplate last and
//! near-duplicates of better sentences deferred; the summary is the first `k`.

use crate::rank::{order, Ranker};

/// Two sentences with a cosine above this are near-duplicates: the lower-scored one
/// is deferred until every distinct candidate has been taken.
pub const DUPLICATE_COSINE: f32 = 0.6;

/// Redundancy is checked against at most this many chosen sentences, which keeps
/// ordering a long text linear; summaries are far shorter than this.
pub const MAX_CHECKED: usize = 64;

/// Every sentence index, most important first: by score, with boilerplate and
/// near-duplicates of already-placed sentences moved after the distinct content
/// sentences (themselves in score order).
pub fn importance_order(ranker: &Ranker) -> Vec<usize> {
    let by_score = order(ranker.scores());
    let mut chosen: Vec<usize> = Vec::with_capacity(by_score.len());
    let mut deferred: Vec<usize> = Vec::new();
    for i in by_score {
        let duplicate = chosen
            .iter()
            .take(MAX_CHECKED)
            .any(|&j| ranker.vectors.similarity(i, j) > DUPLICATE_COSINE);
        if ranker.excluded[i] || (chosen.len() < MAX_CHECKED && duplicate) {
            deferred.push(i);
        } else {
            chosen.push(i);
        }
    }
    // Deferred near-duplicates come before boilerplate.
    deferred.sort_by_key(|&i| ranker.excluded[i]);
    chosen.extend(deferred);
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
