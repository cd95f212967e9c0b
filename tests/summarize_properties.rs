//! Invariants of `summarize` and its JSON report on arbitrary and Korean-heavy text.

use ksum::report::Report;
use ksum::{summarize, Options};
use proptest::prelude::*;

/// Korean-heavy text: syllables, spaces, newlines, punctuation, quotes, digits, emoji.
fn korean_text() -> impl Strategy<Value = String> {
    let piece = prop_oneof![
        6 => "[가-힣]{1,6}",
        3 => Just(" ".to_string()),
        1 => Just("\n".to_string()),
        2 => prop::sample::select(vec![".", "!", "?", "…", "\"", "“", "”", "다.", "요. ", "(사진=", "ⓒ", "2024.04.12", "😀", "\u{200b}"])
            .prop_map(str::to_string),
        1 => "[a-zA-Z0-9@.]{1,5}",
    ];
    prop::collection::vec(piece, 0..80).prop_map(|p| p.concat())
}

fn check(text: &str, k: usize) -> Result<(), TestCaseError> {
    let s = summarize(text, &Options::with_count(k)).expect("valid options never fail");
    let n = s.sentences.len();
    // Spans tile the text but for whitespace, in order, on char boundaries.
    let mut last = 0;
    for sentence in &s.sentences {
        let span = sentence.span;
        prop_assert!(
            span.start >= last && span.start < span.end,
            "span {span:?} after {last}"
        );
        prop_assert!(text.is_char_boundary(span.start) && text.is_char_boundary(span.end));
        prop_assert!(
            text[last..span.start].trim().is_empty(),
            "lost text {:?}",
            &text[last..span.start]
        );
        prop_assert!(sentence.score.is_finite() && sentence.score >= 0.0);
        last = span.end;
    }
    prop_assert!(text[last..].trim().is_empty());
    // Ranks are a permutation; the summary is ranks 1..=k in document order.
    let mut ranks: Vec<usize> = s.sentences.iter().map(|x| x.rank).collect();
    ranks.sort_unstable();
    prop_assert_eq!(ranks, (1..=n).collect::<Vec<_>>());
    prop_assert_eq!(s.summary.len(), k.min(n));
    prop_assert!(s.summary.windows(2).all(|w| w[0] < w[1]));
    prop_assert!(s.summary.iter().all(|&i| s.sentences[i].rank <= k));
    // UTF-16 offsets slice exactly.
    let units: Vec<u16> = text.encode_utf16().collect();
    for r in Report::new(text, &s).sentences {
        prop_assert_eq!(String::from_utf16(&units[r.start..r.end]).unwrap(), r.text);
    }
    // Deterministic.
    prop_assert_eq!(summarize(text, &Options::with_count(k)).unwrap(), s);
    Ok(())
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(300))]

    #[test]
    fn invariants_hold_on_arbitrary_text(text in any::<String>(), k in 1usize..6) {
        check(&text, k)?;
    }

    #[test]
    fn invariants_hold_on_korean_text(text in korean_text(), k in 1usize..8) {
        check(&text, k)?;
    }
}

#[test]
fn k_beyond_the_sentence_count_returns_all() {
    let text = "첫 문장이다. 둘째 문장이다. 셋째 문장이다.";
    let s = summarize(text, &Options::with_count(50)).unwrap();
    assert_eq!(s.summary, (0..s.sentences.len()).collect::<Vec<_>>());
}
