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

/// KorQuAD `context` strings, decoded from the JSON file.
fn korquad_paragraphs(path: &str) -> Option<Vec<String>> {
    let json: serde_json::Value =
        serde_json::from_str(&std::fs::read_to_string(path).ok()?).ok()?;
    let mut out = Vec::new();
    for article in json["data"].as_array()? {
        for p in article["paragraphs"].as_array()? {
            out.push(p["context"].as_str()?.to_string());
        }
    }
    Some(out)
}

fn text_of_size(paragraphs: &[String], bytes: usize) -> String {
    let mut text = String::with_capacity(bytes + 4096);
    'outer: loop {
        for p in paragraphs {
            if text.len() >= bytes {
                break 'outer;
            }
            text.push_str(p);
            text.push('\n');
        }
    }
    text
}

fn main() {
    let dir = std::env::args()
        .nth(1)
        .unwrap_or_else(|| "../shared/data".into());
    let mut inputs: Vec<(String, String)> = Vec::new();
    match std::fs::read_to_string(format!("{dir}/seed-article.txt")) {
        Ok(t) => inputs.push(("seed article".into(), t)),
        Err(_) => println!("{dir}/seed-article.txt absent: skipped"),
    }
    match korquad_paragraphs(&format!("{dir}/bench/KorQuAD_v1.0_dev.json")) {
        Some(p) => {
            for (name, size) in [("100 KB", 100 << 10), ("1 MB", 1 << 20), ("4 MB", 4 << 20)] {
                inputs.push((format!("KorQuAD {name}"), text_of_size(&p, size)));
            }
        }
        None => println!("{dir}/bench/KorQuAD_v1.0_dev.json absent: skipped"),
    }
    println!(
        "{:<16} {:>9} {:>10} {:>9} {:>13} {:>9}",
        "input", "bytes", "sentences", "split ms", "summarize ms", "MB/s"
    );
    for (name, text) in &inputs {
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
