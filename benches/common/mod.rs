//! Bench inputs shared by `benches/stages.rs` and `examples/bench.rs`: the seed article
//! and KorQuAD dev paragraphs joined to 100 KB, 1 MB and 4 MB, from the shared data
//! folder. Absent files are skipped with a note on stderr.

/// One bench input: a short label and its text.
pub struct Input {
    /// `6KB`, `100KB`, `1MB` or `4MB`.
    pub label: &'static str,
    /// The text.
    pub text: String,
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

/// Paragraphs joined with newlines, repeated as needed, until `bytes` is reached.
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

/// The inputs found under `dir` (the shared `data` folder).
pub fn inputs(dir: &str) -> Vec<Input> {
    let mut out = Vec::new();
    match std::fs::read_to_string(format!("{dir}/seed-article.txt")) {
        Ok(text) => out.push(Input { label: "6KB", text }),
        Err(_) => eprintln!("ksum bench: {dir}/seed-article.txt absent: skipped"),
    }
    match korquad_paragraphs(&format!("{dir}/bench/KorQuAD_v1.0_dev.json")) {
        Some(p) => {
            for (label, size) in [("100KB", 100 << 10), ("1MB", 1 << 20), ("4MB", 4 << 20)] {
                out.push(Input {
                    label,
                    text: text_of_size(&p, size),
                });
            }
        }
        None => eprintln!("ksum bench: {dir}/bench/KorQuAD_v1.0_dev.json absent: skipped"),
    }
    out
}
