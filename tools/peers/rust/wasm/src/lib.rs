//! The `summary` crate's k best sentences, as a Korean user would call it
//! (`summarize_korean`: `Summarizer::new(Language::Korean)`, its Korean stop words) and
//! language-agnostic (`summarize`), each built once, outside the timed calls; and
//! `summarize_korean_each`, the Korean one built for each text, as the crate's example does.
use std::num::NonZeroU32;
use summary::{Language, Summarizer};
use wasm_bindgen::prelude::*;

thread_local! {
    static AGNOSTIC: Summarizer = Summarizer::new_language_agnostic();
    static KOREAN: Summarizer = Summarizer::new(Language::Korean);
}

fn best(s: &Summarizer, text: &str, k: u32) -> Vec<String> {
    let k = NonZeroU32::new(k.max(1)).unwrap();
    s.summarize_sentences(text, k).into_iter().map(|s| s.to_string()).collect()
}

#[wasm_bindgen]
pub fn summarize(text: &str, k: u32) -> Vec<String> {
    AGNOSTIC.with(|s| best(s, text, k))
}

#[wasm_bindgen]
pub fn summarize_korean(text: &str, k: u32) -> Vec<String> {
    KOREAN.with(|s| best(s, text, k))
}

/// `summarize_korean` as the crate's own example calls it: the summarizer built for each
/// text (its stop words made into a set each time).
#[wasm_bindgen]
pub fn summarize_korean_each(text: &str, k: u32) -> Vec<String> {
    best(&Summarizer::new(Language::Korean), text, k)
}
