//! WebAssembly bindings (wasm-bindgen): `summarize(text, options)` and `split(text)`.
//!
//! Results are plain JS objects in the shape of [`crate::report`], with UTF-16
//! offsets so that `text.slice(start, end)` is the sentence. Bad options throw a JS
//! `Error` that names the option; nothing here can panic on user input.

use crate::report::{split_report, Report};
use crate::{Length, Options};
use wasm_bindgen::prelude::*;

#[wasm_bindgen(typescript_custom_section)]
const TS_TYPES: &'static str = r#"
/** Summary length: `{k}` sentences (default 3) or `{ratio}` of the prose sentences (`content`), 0 < ratio <= 1. */
export interface SummarizeOptions { k?: number; ratio?: number; }
/** A sentence; `start`/`end` are UTF-16 offsets: `text.slice(start, end) === sentence.text`. */
export interface SplitSentence { start: number; end: number; text: string; }
/** A scored sentence; rank 1 is the most important. */
export interface RankedSentence extends SplitSentence { score: number; rank: number; }
/** A keyword: a normalized stem, score 1 for the best. */
export interface Keyword { term: string; score: number; }
/** UTF-16 offsets of a part of the text. */
export interface Range { start: number; end: number; }
/** Every sentence in document order, the indices of the chosen ones in document order, the top keywords, how many sentences are prose (a ratio's base: not headlines, bylines, captions or page furniture), and a transcript's timing marks (timing lines, cue numbers, timestamps opening captions), which are in sentences' spans but not what they say. */
export interface Summary { sentences: RankedSentence[]; summary: number[]; keywords: Keyword[]; content: number; timings: Range[]; }
"#;

/// Summarizes `text`; `options` is `undefined`, `{k}` or `{ratio}`.
#[wasm_bindgen(unchecked_return_type = "Summary")]
pub fn summarize(
    #[wasm_bindgen(unchecked_param_type = "string")] text: JsValue,
    #[wasm_bindgen(unchecked_param_type = "SummarizeOptions | undefined")] options: JsValue,
) -> Result<JsValue, JsError> {
    // Options first: a bad option is reported before a long text is copied in.
    let options = parse_options(&options)?;
    let js_text = text;
    let text = text_of(&js_text)?;
    let summary = crate::summarize(&text, &options).map_err(|e| JsError::new(&e.to_string()))?;
    let report = Report::new(&text, &summary);
    let source = Source::new(&js_text, &text);
    let sentences = js_sys::Array::new_with_length(report.sentences.len() as u32);
    for (i, s) in report.sentences.iter().enumerate() {
        let o = sentence(&source, s.start, s.end);
        o.set_score(s.score);
        o.set_rank(s.rank as f64);
        sentences.set(i as u32, o.into());
    }
    let summary_js =
        js_sys::Array::new_with_length(report.summary.len() as u32).unchecked_into::<Numbers>();
    for (i, &k) in report.summary.iter().enumerate() {
        summary_js.set_at(i as u32, k as f64);
    }
    // The terms cross as one string, sliced in JS: a `TextDecoder` call a term cost more
    // than the terms' bytes.
    let mut terms = String::new();
    for k in report.keywords {
        terms.push_str(&k.term);
    }
    let terms_js = js_sys::JsString::from(terms.as_str());
    let keywords = js_sys::Array::new_with_length(report.keywords.len() as u32);
    let mut units = crate::Utf16Cursor::new(&terms);
    let (mut at, mut byte) = (0, 0);
    for (i, k) in report.keywords.iter().enumerate() {
        byte += k.term.len();
        let end = units.to_utf16(byte) as u32;
        let o = record();
        o.set_term(&terms_js.slice(at, end));
        o.set_score(k.score);
        keywords.set(i as u32, o.into());
        at = end;
    }
    let out = record();
    out.set_sentences(&sentences);
    out.set_summary(&summary_js);
    out.set_keywords(&keywords);
    out.set_content(report.content as f64);
    let timings = js_sys::Array::new_with_length(report.timings.len() as u32);
    for (i, t) in report.timings.iter().enumerate() {
        let o = record();
        o.set_start(t.start as f64);
        o.set_end(t.end as f64);
        timings.set(i as u32, o.into());
    }
    out.set_timings(&timings);
    Ok(out.into())
}

/// Splits `text` into sentences.
#[wasm_bindgen(unchecked_return_type = "SplitSentence[]")]
pub fn split(
    #[wasm_bindgen(unchecked_param_type = "string")] text: JsValue,
) -> Result<JsValue, JsError> {
    let js_text = text;
    let text = text_of(&js_text)?;
    let source = Source::new(&js_text, &text);
    let spans = split_report(&text, &crate::split(&text));
    let out = js_sys::Array::new_with_length(spans.len() as u32);
    for (i, s) in spans.iter().enumerate() {
        out.set(i as u32, sentence(&source, s.start, s.end).into());
    }
    Ok(out.into())
}

/// The input as a JS string to slice the sentence texts from: the caller's own string
/// when the Rust copy is exact (no U+FFFD, which is what a lone surrogate becomes),
/// else a JS copy of the Rust text, so `text` is always the Rust text's slice.
/// Slicing a JS string is cheap; decoding each sentence from UTF-8 is not.
struct Source(js_sys::JsString);

impl Source {
    fn new(js_text: &JsValue, text: &str) -> Self {
        if has_replacement_char(text.as_bytes()) {
            Source(js_sys::JsString::from(text))
        } else {
            Source(js_text.clone().unchecked_into())
        }
    }
}

/// True when `bytes` has U+FFFD (EF BF BD). EF is rare in Korean text, so it is looked
/// for first, eight bytes a round (a byte loop over the whole text was 1.6% of a
/// summary's time).
fn has_replacement_char(bytes: &[u8]) -> bool {
    const ONES: u64 = 0x0101_0101_0101_0101;
    let at = |i: usize| bytes.get(i..i + 3) == Some(&[0xEF, 0xBF, 0xBD][..]);
    let mut chunks = bytes.chunks_exact(8);
    let mut start = 0;
    for chunk in &mut chunks {
        let mut word = [0u8; 8];
        word.copy_from_slice(chunk);
        // A zero byte where the chunk has EF: the high bit of the difference below is set
        // in some byte exactly when one is zero.
        let x = u64::from_le_bytes(word) ^ (0xEF * ONES);
        if x.wrapping_sub(ONES) & !x & (0x80 * ONES) != 0 && (start..start + 8).any(at) {
            return true;
        }
        start += 8;
    }
    (start..bytes.len()).any(at)
}

/// `{start, end, text}` for UTF-16 offsets `start..end` of the source.
fn sentence(source: &Source, start: usize, end: usize) -> Record {
    let o = record();
    o.set_start(start as f64);
    o.set_end(end as f64);
    o.set_text(&source.0.slice(start as u32, end as u32));
    o
}

/// A new empty plain object.
fn record() -> Record {
    js_sys::Object::new().unchecked_into()
}

#[wasm_bindgen]
extern "C" {
    // The result objects are filled through setters of named properties (`o.start =
    // v`), one plain JS store a call that V8 caches by the objects' shape, and numbers
    // pass as numbers. (`Reflect.set` with a key string is a generic keyed store,
    // several times slower.) None of these can throw on a plain object.
    /// A plain object under construction: a sentence, a keyword or the result.
    #[wasm_bindgen(extends = js_sys::Object)]
    type Record;
    #[wasm_bindgen(method, setter = start)]
    fn set_start(this: &Record, value: f64);
    #[wasm_bindgen(method, setter = end)]
    fn set_end(this: &Record, value: f64);
    #[wasm_bindgen(method, setter = text)]
    fn set_text(this: &Record, value: &JsValue);
    #[wasm_bindgen(method, setter = score)]
    fn set_score(this: &Record, value: f64);
    #[wasm_bindgen(method, setter = rank)]
    fn set_rank(this: &Record, value: f64);
    #[wasm_bindgen(method, setter = term)]
    fn set_term(this: &Record, value: &JsValue);
    #[wasm_bindgen(method, setter = sentences)]
    fn set_sentences(this: &Record, value: &JsValue);
    #[wasm_bindgen(method, setter = summary)]
    fn set_summary(this: &Record, value: &JsValue);
    #[wasm_bindgen(method, setter = keywords)]
    fn set_keywords(this: &Record, value: &JsValue);
    #[wasm_bindgen(method, setter = content)]
    fn set_content(this: &Record, value: f64);
    #[wasm_bindgen(method, setter = timings)]
    fn set_timings(this: &Record, value: &JsValue);
    /// An array of numbers under construction.
    #[wasm_bindgen(extends = js_sys::Array)]
    type Numbers;
    #[wasm_bindgen(method, indexing_setter)]
    fn set_at(this: &Numbers, index: u32, value: f64);
}

/// The text argument as a Rust string (lone surrogates become U+FFFD, one UTF-16
/// unit each, so offsets still slice the JS string); anything but a string is an
/// error that says what was given.
fn text_of(text: &JsValue) -> Result<String, JsError> {
    text.as_string()
        .ok_or_else(|| JsError::new(&format!("text must be a string, got {}", describe(text))))
}

/// JavaScript's `Number.MAX_SAFE_INTEGER`: the largest k taken as a whole number.
const MAX_SAFE_INTEGER: f64 = 9_007_199_254_740_991.0;

/// The property names options are read by, made JS strings once: a string made from
/// the module's memory is a `TextDecoder` call.
struct Names {
    k: JsValue,
    ratio: JsValue,
    enumerable: JsValue,
}

thread_local! {
    static NAMES: Names = Names {
        k: JsValue::from_str("k"),
        ratio: JsValue::from_str("ratio"),
        enumerable: JsValue::from_str("enumerable"),
    };
}

fn parse_options(options: &JsValue) -> Result<Options, JsError> {
    NAMES.with(|names| read_options(options, names))
}

fn read_options(options: &JsValue, names: &Names) -> Result<Options, JsError> {
    let mut out = Options::default();
    if options.is_undefined() || options.is_null() {
        return Ok(out);
    }
    if !options.is_object() {
        return Err(JsError::new(
            "options must be an object such as {k: 3} or {ratio: 0.2}",
        ));
    }
    // Reflect.ownKeys catches what a Proxy's trap throws (Object.keys would let the
    // exception unwind through the module).
    let keys = js_sys::Reflect::own_keys(options)
        .map_err(|_| JsError::new("cannot list the keys of options"))?;
    for key in keys.iter() {
        let enumerable = js_sys::Reflect::get_own_property_descriptor(
            options.unchecked_ref::<js_sys::Object>(),
            &key,
        )
        .ok()
        .filter(|d| d.is_object())
        .and_then(|d| js_sys::Reflect::get(&d, &names.enumerable).ok())
        .is_some_and(|e| e.is_truthy());
        if !enumerable {
            continue;
        }
        if key != names.k && key != names.ratio {
            let name = key.as_string().unwrap_or_else(|| "a symbol".to_string());
            return Err(JsError::new(&format!(
                "unknown option \"{name}\": expected k or ratio"
            )));
        }
    }
    let k = js_sys::Reflect::get(options, &names.k)
        .map_err(|_| JsError::new("cannot read options.k"))?;
    let ratio = js_sys::Reflect::get(options, &names.ratio)
        .map_err(|_| JsError::new("cannot read options.ratio"))?;
    match (k.is_undefined(), ratio.is_undefined()) {
        (false, false) => Err(JsError::new("give options.k or options.ratio, not both")),
        (false, true) => match k.as_f64() {
            Some(v) if v >= 1.0 && v.fract() == 0.0 && v <= MAX_SAFE_INTEGER => {
                // `as` saturates: a k beyond the sentence count picks them all.
                out.length = Length::Count(v as usize);
                Ok(out)
            }
            _ => Err(JsError::new(&format!(
                "options.k must be a whole number >= 1, got {}",
                describe(&k)
            ))),
        },
        (true, false) => match ratio.as_f64() {
            Some(v) if v > 0.0 && v <= 1.0 => {
                out.length = Length::Ratio(v);
                Ok(out)
            }
            _ => Err(JsError::new(&format!(
                "options.ratio must be a number in (0, 1], got {}",
                describe(&ratio)
            ))),
        },
        (true, true) => Ok(out),
    }
}

/// A short description of a JS value for error messages. Numbers are printed by JS
/// and strings quoted by hand: Rust's float and `{:?}` formatting would add ~20 KB to
/// the module.
fn describe(value: &JsValue) -> String {
    if value.as_f64().is_some() {
        String::from(
            js_sys::Number::unchecked_from_js_ref(value)
                .to_string_with_radix(10)
                .unwrap_or_default(),
        )
    } else if let Some(s) = value.as_string() {
        let short: String = s.chars().take(40).collect();
        if short.len() < s.len() {
            format!(
                "\"{short}\"… (a string of {} chars)",
                crate::unicode::char_count(&s)
            )
        } else {
            format!("\"{s}\"")
        }
    } else if value.is_null() {
        "null".into()
    } else {
        format!(
            "a value of type {}",
            value.js_typeof().as_string().unwrap_or_default()
        )
    }
}
