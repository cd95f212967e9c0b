//! # ksum: extractive summaries of Korean text
//!
//! ksum splits Korean text into sentences, scores every sentence by how central it is
//! to the text (a similarity graph over normalized Korean stems) and by where it
//! stands, and picks the top sentences. Results are byte [`Span`]s into the input
//! with scores and ranks, never copies of the text.
//!
//! ```
//! let text = "정부가 클라우드 산업을 육성한다. 클라우드는 AI 시대의 핵심 인프라다. \
//!             업계는 세제 혜택을 요청했다. 날씨는 맑았다.";
//! let summary = ksum::summarize(text, &ksum::Options::with_count(2)).unwrap();
//! assert_eq!(summary.sentences.len(), 4);
//! assert_eq!(summary.summary.len(), 2);
//! for &i in &summary.summary {
//!     let s = &summary.sentences[i];
//!     println!("{} (rank {})", &text[s.span.range()], s.rank);
//! }
//! ```
//!
//! The pipeline, one module a stage: [`split`] → [`normalize`] → [`similarity`] →
//! [`rank`] → [`select`]; [`report`] turns a result into the JSON shape shared by the
//! CLI and the WebAssembly module (UTF-16 offsets). See `DESIGN.md` for the why.

#![deny(missing_docs)]
#![deny(unsafe_code)]

#[cfg(any(test, all(target_arch = "wasm32", not(target_feature = "atomics"))))]
mod alloc;
pub mod boilerplate;
pub mod display;
mod error;
pub mod keywords;
mod markup;
pub mod normalize;
pub mod rank;
pub mod report;
pub mod select;
pub mod similarity;
mod span;
pub mod split;
pub mod transcript;
mod unicode;

#[cfg(target_arch = "wasm32")]
mod wasm;

/// The wasm module's allocator: smaller and quicker than std's dlmalloc ([`alloc`]).
#[cfg(all(target_arch = "wasm32", not(target_feature = "atomics")))]
#[global_allocator]
static ALLOC: alloc::Global<alloc::Wasm> = alloc::Global::new(alloc::Wasm);

pub use error::Error;
pub use span::{Span, Utf16Cursor};

/// How long the summary should be.
#[derive(Clone, Copy, Debug, PartialEq)]
pub enum Length {
    /// This many sentences (at least 1; all of them when the text has fewer).
    Count(usize),
    /// This fraction, in `(0, 1]`, of the text's prose sentences ([`Summary::content`]:
    /// the headlines, bylines, captions and menus of a page pasted whole do not count),
    /// rounded up, at least one.
    Ratio(f64),
}

/// Options for [`summarize`].
#[derive(Clone, Debug, PartialEq)]
pub struct Options {
    /// Summary length; default three sentences.
    pub length: Length,
    /// Inputs longer than this many bytes are refused with [`Error::TooLarge`];
    /// default 64 MiB.
    pub max_input_bytes: usize,
    /// How many keywords to return; default 10.
    pub keywords: usize,
}

impl Default for Options {
    fn default() -> Self {
        Options {
            length: Length::Count(3),
            max_input_bytes: 64 << 20,
            keywords: 10,
        }
    }
}

impl Options {
    /// Default options with a summary of `k` sentences.
    pub fn with_count(k: usize) -> Self {
        Options {
            length: Length::Count(k),
            ..Options::default()
        }
    }

    /// Default options with a summary of `ratio` of the sentences.
    pub fn with_ratio(ratio: f64) -> Self {
        Options {
            length: Length::Ratio(ratio),
            ..Options::default()
        }
    }

    /// Checks the options, and resolves the summary length for `n` sentences of which
    /// `content` count for a ratio ([`Summary::content`]).
    pub fn summary_len(&self, n: usize, content: usize) -> Result<usize, Error> {
        match self.length {
            Length::Count(0) => Err(Error::InvalidCount(0)),
            Length::Count(k) => Ok(k.min(n)),
            Length::Ratio(r) if !(r > 0.0 && r <= 1.0) => Err(Error::InvalidRatio(r)),
            Length::Ratio(r) => {
                let content = content.min(n);
                Ok(((content as f64 * r).ceil() as usize)
                    .clamp(1, content.max(1))
                    .min(n))
            }
        }
    }
}

/// One sentence of the input with its score.
#[derive(Clone, Debug, PartialEq)]
pub struct Sentence {
    /// Where the sentence is in the input.
    pub span: Span,
    /// Importance; higher is more important. Comparable within one text only.
    pub score: f64,
    /// 1 for the most important sentence, then 2, 3, …: the summary of `k`
    /// sentences is exactly the sentences ranked `1..=k`.
    pub rank: usize,
}

/// A keyword of the text: a normalized stem (`클라우드`, not `클라우드를`).
#[derive(Clone, Debug, PartialEq, serde::Serialize)]
pub struct Keyword {
    /// The stem (ASCII words lowercased).
    pub term: String,
    /// Importance, 1 for the best keyword.
    pub score: f64,
}

/// The result of [`summarize`].
#[derive(Clone, Debug, PartialEq)]
pub struct Summary {
    /// Every sentence of the input, in document order.
    pub sentences: Vec<Sentence>,
    /// Indices into `sentences` of the chosen sentences, in document order.
    pub summary: Vec<usize>,
    /// The top keywords, best first (see [`keywords::keywords`]).
    pub keywords: Vec<Keyword>,
    /// How many sentences a [`Length::Ratio`] is a fraction of: the prose sentences
    /// ([`rank::Ranker::content_count`]), not the headlines, bylines, captions, menus
    /// and comment sections of a page pasted whole.
    pub content: usize,
    /// A transcript's timing marks, in order: its timing lines, cue numbers and the
    /// timestamps that open captions' lines ([`transcript`]). They are in the spans of
    /// the sentences they time but are not what those say ([`transcript::said`]).
    /// Empty for other text.
    pub timings: Vec<Span>,
}

/// Splits `text` into sentences and returns their spans; see [`split::split`].
pub fn split(text: &str) -> Vec<Span> {
    split::split(text)
}

/// Summarizes `text`: splits it, scores every sentence and chooses the summary.
///
/// Empty or whitespace-only text gives an empty summary, not an error.
pub fn summarize(text: &str, options: &Options) -> Result<Summary, Error> {
    if text.len() > options.max_input_bytes {
        return Err(Error::TooLarge {
            len: text.len(),
            max: options.max_input_bytes,
        });
    }
    if let Some(nfc) = unicode::compose_hangul(text) {
        // Decomposed Hangul (macOS NFD): summarize the composed text, spans mapped back.
        return summarize(&nfc.text, options).map(|s| nfc.restore(s));
    }
    let (spans, read, timings) = split::split_for_ranking(text);
    // Bad options are refused before the text is ranked.
    options.summary_len(spans.len(), spans.len())?;
    // A transcript's sentences are ranked without their timing lines.
    let read = read.as_deref().unwrap_or(text);
    let sentences: Vec<&str> = spans
        .iter()
        .map(|s| unicode::trim_start(read.get(s.range()).unwrap_or_default()))
        .collect();
    let ranker = rank::Ranker::new(&sentences);
    let content = ranker.content_count();
    let k = options.summary_len(spans.len(), content)?;
    let order = select::importance_order(&ranker);
    let scores = ranker.scores();
    let summary = select::select(&order, k);
    let keywords = keywords::keywords(&ranker, &sentences, options.keywords)
        .into_iter()
        .map(|(term, score)| Keyword { term, score })
        .collect();
    // The ranks ([`select::ranks`]) set in place.
    let mut ranked: Vec<Sentence> = spans
        .iter()
        .zip(scores)
        .map(|(&span, &score)| Sentence {
            span,
            score,
            rank: 0,
        })
        .collect();
    for (r, &i) in order.iter().enumerate() {
        ranked[i].rank = r + 1;
    }
    Ok(Summary {
        sentences: ranked,
        summary,
        keywords,
        content,
        timings,
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn summary_len_resolves_count_and_ratio() {
        assert_eq!(Options::with_count(3).summary_len(10, 10), Ok(3));
        assert_eq!(Options::with_count(30).summary_len(10, 10), Ok(10));
        assert_eq!(
            Options::with_count(0).summary_len(10, 10),
            Err(Error::InvalidCount(0))
        );
        assert_eq!(Options::with_ratio(0.25).summary_len(10, 10), Ok(3));
        assert_eq!(Options::with_ratio(1.0).summary_len(10, 10), Ok(10));
        assert_eq!(Options::with_ratio(0.01).summary_len(10, 10), Ok(1));
        assert_eq!(Options::with_ratio(0.5).summary_len(0, 0), Ok(0));
        assert!(Options::with_ratio(0.0).summary_len(10, 10).is_err());
        assert!(Options::with_ratio(1.5).summary_len(10, 10).is_err());
        assert!(Options::with_ratio(f64::NAN).summary_len(10, 10).is_err());
        // A ratio counts the content sentences only; a count does not.
        assert_eq!(Options::with_ratio(0.5).summary_len(40, 6), Ok(3));
        assert_eq!(Options::with_ratio(1.0).summary_len(40, 6), Ok(6));
        assert_eq!(Options::with_count(10).summary_len(40, 6), Ok(10));
    }

    #[test]
    fn empty_and_blank_text_give_empty_summary() {
        for text in ["", "   \n\t  "] {
            let s = summarize(text, &Options::default()).unwrap();
            assert!(s.sentences.is_empty() && s.summary.is_empty());
        }
    }

    #[test]
    fn too_large_input_is_refused() {
        let opts = Options {
            max_input_bytes: 4,
            ..Options::default()
        };
        assert_eq!(
            summarize("가나다라", &opts),
            Err(Error::TooLarge { len: 12, max: 4 })
        );
    }
}
