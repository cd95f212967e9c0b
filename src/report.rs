//! The JSON shape of results shared by the CLI (`ksum --json`, `ksum split --jsonl`)
//! and the WebAssembly module: sentences with UTF-16 offsets, so that
//! `text.slice(start, end)` in JavaScript is the sentence.

use crate::{Keyword, Span, Summary, Utf16Cursor};
use serde::Serialize;

/// A summarized text: `{"sentences": [...], "summary": [...], "keywords": [...],
/// "content": n, "timings": [...]}`.
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct Report<'a> {
    /// Every sentence, in document order.
    pub sentences: Vec<ReportSentence<'a>>,
    /// Indices of the chosen sentences, in document order.
    pub summary: Vec<usize>,
    /// The top keywords, best first: `{"term", "score"}`.
    pub keywords: &'a [Keyword],
    /// How many sentences are prose, which a ratio is a fraction of
    /// ([`crate::Summary::content`]).
    pub content: usize,
    /// A transcript's timing marks, `{"start", "end"}` with UTF-16 offsets
    /// ([`crate::Summary::timings`]): a sentence says its text without them.
    pub timings: Vec<Range16>,
}

/// `{"start", "end"}`: UTF-16 offsets of a part of the text.
#[derive(Clone, Copy, Debug, PartialEq, Serialize)]
pub struct Range16 {
    /// UTF-16 offset of the first code unit.
    pub start: usize,
    /// UTF-16 offset one past the last code unit.
    pub end: usize,
}

/// One sentence of a [`Report`].
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct ReportSentence<'a> {
    /// UTF-16 offset of the first code unit.
    pub start: usize,
    /// UTF-16 offset one past the last code unit.
    pub end: usize,
    /// The sentence itself.
    pub text: &'a str,
    /// Importance (higher is more important).
    pub score: f64,
    /// 1 for the most important sentence.
    pub rank: usize,
}

/// One sentence of a split: `{"start", "end", "text"}` with UTF-16 offsets.
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct SplitSentence<'a> {
    /// UTF-16 offset of the first code unit.
    pub start: usize,
    /// UTF-16 offset one past the last code unit.
    pub end: usize,
    /// The sentence itself.
    pub text: &'a str,
}

impl<'a> Report<'a> {
    /// The report of `summary`, which must come from `text`.
    pub fn new(text: &'a str, summary: &'a Summary) -> Self {
        let mut cursor = Utf16Cursor::new(text);
        Report {
            sentences: summary
                .sentences
                .iter()
                .map(|s| ReportSentence {
                    start: cursor.to_utf16(s.span.start),
                    end: cursor.to_utf16(s.span.end),
                    text: text.get(s.span.range()).unwrap_or_default(),
                    score: s.score,
                    rank: s.rank,
                })
                .collect(),
            summary: summary.summary.clone(),
            keywords: &summary.keywords,
            content: summary.content,
            timings: {
                let mut cursor = Utf16Cursor::new(text);
                summary
                    .timings
                    .iter()
                    .map(|t| Range16 {
                        start: cursor.to_utf16(t.start),
                        end: cursor.to_utf16(t.end),
                    })
                    .collect()
            },
        }
    }
}

/// The split report of `spans`, which must come from `text` in document order.
pub fn split_report<'a>(text: &'a str, spans: &[Span]) -> Vec<SplitSentence<'a>> {
    let mut cursor = Utf16Cursor::new(text);
    spans
        .iter()
        .map(|s| SplitSentence {
            start: cursor.to_utf16(s.start),
            end: cursor.to_utf16(s.end),
            text: text.get(s.range()).unwrap_or_default(),
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn offsets_are_utf16_code_units() {
        let text = "😀 첫 문장이다. 둘째 문장이다.";
        let spans = crate::split(text);
        let report = split_report(text, &spans);
        let units: Vec<u16> = text.encode_utf16().collect();
        for s in &report {
            let slice = String::from_utf16(&units[s.start..s.end]).unwrap();
            assert_eq!(slice, s.text, "UTF-16 span does not slice to the sentence");
        }
        assert_eq!(report[0].start, 0);
    }
}
