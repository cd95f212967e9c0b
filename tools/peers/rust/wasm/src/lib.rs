//! `summarize(text, k)`: the `summary` crate's k best sentences (language-agnostic).
use wasm_bindgen::prelude::*;

#[wasm_bindgen]
pub fn summarize(text: &str, k: u32) -> Vec<String> {
    let k = std::num::NonZeroU32::new(k.max(1)).unwrap();
    summary::Summarizer::new_language_agnostic()
        .summarize_sentences(text, k)
        .into_iter()
        .map(|s| s.to_string())
        .collect()
}
