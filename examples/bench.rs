//! Quick timing of `split` and `summarize` on real Korean text of several sizes.
//!
//! `cargo run --release --example bench -- [SHARED_DATA_DIR]` (default `../shared/data`):
//! the seed article, and KorQuAD paragraphs joined to 100 KB, 1 MB and 4 MB. Prints the
//! median of several runs. Inputs that are absent are skipped with a note.

use std::time::Instant;

fn median_ms(runs: usize, mut f: impl FnMut()) -> f64 {
    let mut times: Vec<f64> = (0..runs)
        .map(|_| {
            let t = Instant::now();
            f();
            t.elapsed().as_secs_f64() * 1e3
        })
        .collect();
    times.sort_by(f64::total_cmp);
    times[times.len() / 2]
}

#[path = "../benches/common/mod.rs"]
mod common;

fn main() {
    let dir = std::env::args()
        .nth(1)
        .unwrap_or_else(|| "../shared/data".into());
    let inputs = common::inputs(&dir);
    println!(
        "{:<16} {:>9} {:>10} {:>9} {:>13} {:>9}",
        "input", "bytes", "sentences", "split ms", "summarize ms", "MB/s"
    );
    for common::Input { label: name, text } in &inputs {
        let runs = if text.len() > 1 << 20 { 5 } else { 21 };
        let n = ksum::split(text).len();
        let split = median_ms(runs, || {
            std::hint::black_box(ksum::split(std::hint::black_box(text)));
        });
        let opts = ksum::Options::with_count(3);
        let all = median_ms(runs, || {
            std::hint::black_box(ksum::summarize(std::hint::black_box(text), &opts).ok());
        });
        println!(
            "{name:<16} {:>9} {n:>10} {split:>9.3} {all:>13.3} {:>9.1}",
            text.len(),
            text.len() as f64 / 1e6 / (all / 1e3)
        );
    }
}
