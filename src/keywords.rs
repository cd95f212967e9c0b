//! Keywords: the stems that carry a text, scored by where they occur.
//!
//! A stem's score is its TF-IDF mass over the content sentences (the weights of the
//! unit-length sentence vectors of [`crate::similarity::Vectors`]), each sentence
//! counted by `KEYWORD_BASE + score / best score`: a stem that runs through the
//! important sentences beats one that fills a long aside. Stems are the normalized
//! forms people recognise (`클라우드`, not `클라우드를`); boilerplate (bylines,
//! copyright lines) never contributes, nor do dates, counts and amounts (`12일`,
//! `3억원`), one-syllable words or stopwords.

use crate::rank::Ranker;

/// Every content sentence counts at least this much, the best sentence `1 +` this.
const KEYWORD_BASE: f64 = 0.5;

/// On texts with at least this many content sentences, a keyword must occur in two
/// of them: a stem used once is a detail, not a topic.
const MIN_SENTENCES_FOR_REPEAT: usize = 4;

/// The `n` best keywords of the text ranked by `ranker`, best first, each with a
/// score scaled so the best keyword has 1. Ties go to the stem seen first, so the
/// result is deterministic. Fewer than `n` come back when the text has fewer stems
/// that qualify.
///
/// ```
/// let sentences = [
///     "정부가 클라우드 산업을 핵심 인프라로 육성한다.",
///     "클라우드 기업들은 세제 지원을 요청했다.",
///     "업계는 클라우드 육성 정책을 환영했다.",
/// ];
/// let ranker = ksum::rank::Ranker::new(&sentences);
/// let top = ksum::keywords::keywords(&ranker, 3);
/// assert_eq!(top[0].0, "클라우드");
/// assert_eq!(top[0].1, 1.0);
/// ```
pub fn keywords(ranker: &Ranker, n: usize) -> Vec<(String, f64)> {
    let vectors = &ranker.vectors;
    let scores = ranker.scores();
    let best = scores.iter().copied().fold(0.0, f64::max);
    let mut mass = vec![0.0f64; vectors.term_count()];
    let mut sentences_with = vec![0usize; vectors.term_count()];
    let mut content = 0usize;
    for (i, v) in vectors.vecs.iter().enumerate() {
        if ranker.excluded[i] || v.is_empty() {
            continue;
        }
        content += 1;
        let weight = KEYWORD_BASE + if best > 0.0 { scores[i] / best } else { 0.0 };
        for &(term, w) in &v.0 {
            mass[term as usize] += weight * w as f64;
            sentences_with[term as usize] += 1;
        }
    }
    let min_sentences = if content >= MIN_SENTENCES_FOR_REPEAT {
        2
    } else {
        1
    };
    let mut ranked: Vec<usize> = (0..vectors.term_count())
        .filter(|&t| mass[t] > 0.0 && sentences_with[t] >= min_sentences)
        .collect();
    crate::rank::sort_by_score(&mut ranked, &mass);
    // Names are made only for the terms looked at, best first.
    let mut top = Vec::with_capacity(n);
    for t in ranked {
        if top.len() == n {
            break;
        }
        let term = vectors.term(t);
        if is_keyword_like(&term) {
            top.push((term, mass[t]));
        }
    }
    let best = top.first().map_or(1.0, |&(_, m)| m);
    top.into_iter().map(|(term, m)| (term, m / best)).collect()
}

/// True for stems that can be keywords: at least two characters, and not a number
/// with a counter or unit (`2024년`, `12일`, `3억원`, `30인`). `5g` or `ai` pass.
fn is_keyword_like(stem: &str) -> bool {
    let mut chars = stem.chars();
    let (Some(first), Some(_)) = (chars.next(), chars.next()) else {
        return false;
    };
    let counted_number = first.is_ascii_digit() && !stem.is_ascii();
    !counted_number && !stem.chars().all(|c| c.is_ascii_digit())
}

#[cfg(test)]
mod tests {
    use super::*;

    const ARTICLE: [&str; 7] = [
        "[가상일보 김하늘 기자]",
        "정부가 클라우드 산업을 핵심 인프라로 육성하기로 했다.",
        "클라우드 기업에는 세제 혜택과 해외 진출 지원이 주어진다.",
        "업계는 클라우드 육성 정책을 환영했다.",
        "정부는 2025년까지 클라우드 전문 인력 3만명을 양성할 계획이다.",
        "지난 12일 열린 간담회에는 기업 대표 20명이 참석했다.",
        "ⓒ 가상일보 무단 전재 및 재배포 금지",
    ];

    #[test]
    fn keywords_are_stems_best_first() {
        let top = keywords(&Ranker::new(&ARTICLE), 3);
        let words: Vec<&str> = top.iter().map(|(w, _)| w.as_str()).collect();
        assert_eq!(words[0], "클라우드", "topic word not first: {top:?}");
        assert!(
            words.contains(&"육성"),
            "육성하기로/육성 not merged: {top:?}"
        );
        assert_eq!(top[0].1, 1.0);
        assert!(
            top.windows(2).all(|w| w[0].1 >= w[1].1),
            "not sorted: {top:?}"
        );
    }

    #[test]
    fn keywords_skip_boilerplate_numbers_and_particles() {
        let top = keywords(&Ranker::new(&ARTICLE), 50);
        for (word, score) in &top {
            assert!(
                !["가상일보", "김하늘", "무단", "2025년", "12일", "3만명"].contains(&word.as_str()),
                "{word:?} should not be a keyword: {top:?}"
            );
            assert!(
                !word.ends_with(['를', '을', '는', '은']),
                "particle left on {word:?}"
            );
            assert!(score.is_finite() && *score > 0.0 && *score <= 1.0);
        }
    }

    #[test]
    fn keyword_edge_cases() {
        assert!(keywords(&Ranker::new(&[]), 5).is_empty());
        assert!(keywords(&Ranker::new(&ARTICLE), 0).is_empty());
        let short = keywords(&Ranker::new(&["정부가 클라우드 산업을 육성한다."]), 5);
        assert!(
            short.iter().any(|(w, _)| w == "클라우드"),
            "one-sentence text should still give keywords: {short:?}"
        );
        let a = keywords(&Ranker::new(&ARTICLE), 5);
        let b = keywords(&Ranker::new(&ARTICLE), 5);
        assert_eq!(a, b, "keywords are not deterministic");
    }

    #[test]
    fn keyword_like_stems() {
        let cases = [
            ("클라우드", true),
            ("ai", true),
            ("5g", true),
            ("2025년", false),
            ("12일", false),
            ("2024", false),
            ("쌀", false),
        ];
        for (stem, want) in cases {
            assert_eq!(is_keyword_like(stem), want, "is_keyword_like({stem:?})");
        }
    }
}
