//! `ksum::summarize` on any UTF-8 string, with a summary length from the first byte:
//! never a panic, spans in order on char boundaries, ranks a permutation, the summary
//! the top-k in document order, scores finite, and the same result twice.

#![no_main]

use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    let Some((&first, rest)) = data.split_first() else {
        return;
    };
    let text = String::from_utf8_lossy(rest);
    let text: &str = &text;
    let options = if first & 0x80 == 0 {
        ksum::Options::with_count(usize::from(first % 16) + 1)
    } else {
        ksum::Options::with_ratio(f64::from(first & 0x7f).max(1.0) / 127.0)
    };
    let summary = ksum::summarize(text, &options).expect("valid options never fail");
    let n = summary.sentences.len();
    let mut last = 0;
    for s in &summary.sentences {
        let span = s.span;
        assert!(span.start >= last && span.start < span.end && span.end <= text.len());
        assert!(text.is_char_boundary(span.start) && text.is_char_boundary(span.end));
        assert!(text[last..span.start].chars().all(char::is_whitespace));
        assert!(s.score.is_finite(), "score {}", s.score);
        last = span.end;
    }
    assert!(text[last..].chars().all(char::is_whitespace));
    let mut ranks: Vec<usize> = summary.sentences.iter().map(|s| s.rank).collect();
    ranks.sort_unstable();
    assert!(ranks.iter().copied().eq(1..=n), "ranks not a permutation");
    assert!(summary.content <= n && (summary.content > 0 || n == 0));
    let k = options.summary_len(n, summary.content).unwrap();
    assert_eq!(summary.summary.len(), k);
    assert!(summary.summary.windows(2).all(|w| w[0] < w[1]));
    assert!(summary
        .summary
        .iter()
        .all(|&i| summary.sentences[i].rank <= k));
    for kw in &summary.keywords {
        assert!(kw.score.is_finite() && !kw.term.is_empty());
    }
    let report = ksum::report::Report::new(text, &summary);
    let units: Vec<u16> = text.encode_utf16().collect();
    for r in &report.sentences {
        assert_eq!(String::from_utf16(&units[r.start..r.end]).unwrap(), r.text);
    }
    assert_eq!(
        ksum::summarize(text, &options).unwrap(),
        summary,
        "not deterministic"
    );
});
