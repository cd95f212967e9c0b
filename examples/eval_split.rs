//! Scores `ksum::split::split` against gold sentence files.
//!
//! ```text
//! cargo run --release --example eval_split -- FILE... [--wrap N [--double]] [--bench FILE] [--show FILE]
//! ```
//!
//! Each FILE holds one gold sentence a line and a blank line between documents. The
//! splitter's input for a document is its lines joined with no separator (each line
//! keeps whatever trailing spaces it has). For every gold sentence the score is 1 for
//! an exact match (EM) and otherwise the Dice overlap between the gold sentence and the
//! predicted span that overlaps it most; both are compared on non-whitespace characters
//! only, by position in the input. F1 is the mean score; NormF1 multiplies each score
//! of a document by `min(#gold / #predicted, 1)`, which punishes over-splitting.
//! The overall row pools every gold sentence of every file.
//!
//! `--wrap N` hard-wraps each document's input at about N chars first, as text copied
//! from a PDF is: a space at or past column N becomes a line break, and a line with no
//! space by column N + 20 is broken where it is. The gold sentences are the same.
//! `--double` (with `--wrap`) puts a blank line after each wrapped line, as some PDF
//! extractions give it (the bills of the konlpy corpus are so).
//!
//! `--show FILE` prints the sentences of any text file, one a line after `| `.
//! `--bench FILE` times the splitter on FILE (read whole, repeated for about a second)
//! and prints the throughput in MB/s. A path that does not exist is reported and
//! skipped, so the example exits 0 with any subset of files.

use std::path::Path;
use std::time::{Duration, Instant};

/// Sums of scores over some gold sentences.
#[derive(Default, Clone, Copy)]
struct Tally {
    gold: usize,
    exact: f64,
    f1: f64,
    norm_f1: f64,
}

impl Tally {
    fn add(&mut self, other: Tally) {
        self.gold += other.gold;
        self.exact += other.exact;
        self.f1 += other.f1;
        self.norm_f1 += other.norm_f1;
    }

    fn row(&self, name: &str) -> String {
        let n = self.gold.max(1) as f64;
        format!(
            "{:<24} {:>6} {:>7.3} {:>7.3} {:>7.3}",
            name,
            self.gold,
            self.exact / n,
            self.f1 / n,
            self.norm_f1 / n
        )
    }
}

/// Parses the gold format into documents, each a list of raw lines.
fn documents(content: &str) -> Vec<Vec<&str>> {
    let mut docs = Vec::new();
    let mut cur: Vec<&str> = Vec::new();
    for line in content.split('\n') {
        let line = line.strip_suffix('\r').unwrap_or(line);
        if line.trim().is_empty() {
            if !cur.is_empty() {
                docs.push(std::mem::take(&mut cur));
            }
        } else {
            cur.push(line);
        }
    }
    if !cur.is_empty() {
        docs.push(cur);
    }
    docs
}

/// Non-whitespace character count of `s`.
fn visible(s: &str) -> usize {
    s.chars().filter(|c| !c.is_whitespace()).count()
}

/// `text` hard-wrapped at about `width` chars (see the module's docs), each line break
/// `newline`.
fn wrap(text: &str, width: usize, newline: &str) -> String {
    let mut out = String::with_capacity(text.len() + text.len() / width.max(1));
    let mut column = 0;
    for c in text.chars() {
        if column >= width && c == ' ' {
            out.push_str(newline);
            column = 0;
            continue;
        }
        if column >= width + 20 {
            out.push_str(newline);
            column = 0;
        }
        out.push(c);
        column += 1;
    }
    out
}

/// Scores one document, its input hard-wrapped at `wrap_at` chars when given, each
/// break `newline`; `verbose` prints the gold sentences that were missed.
fn score_document(lines: &[&str], wrap_at: Option<usize>, newline: &str, verbose: bool) -> Tally {
    let input: String = lines.concat();
    let input = match wrap_at {
        Some(width) => wrap(&input, width, newline),
        None => input,
    };
    // Gold sentences as ranges of non-whitespace character positions.
    let mut gold = Vec::with_capacity(lines.len());
    let mut pos = 0;
    for line in lines {
        let n = visible(line);
        gold.push((pos, pos + n));
        pos += n;
    }
    // Predicted spans as the same kind of ranges.
    let spans = ksum::split::split(&input);
    let mut pred = Vec::with_capacity(spans.len());
    let mut pos = 0;
    let mut last = 0;
    for span in &spans {
        pos += visible(input.get(last..span.start).unwrap_or(""));
        let n = visible(input.get(span.range()).unwrap_or(""));
        pred.push((pos, pos + n));
        pos += n;
        last = span.end;
    }
    let norm = if pred.is_empty() {
        0.0
    } else {
        (gold.len() as f64 / pred.len() as f64).min(1.0)
    };
    let mut tally = Tally {
        gold: gold.len(),
        ..Tally::default()
    };
    for &(gs, ge) in &gold {
        let mut best = 0.0f64;
        for &(ps, pe) in &pred {
            if (ps, pe) == (gs, ge) {
                best = 1.0;
                break;
            }
            let overlap = ge.min(pe).saturating_sub(gs.max(ps));
            if overlap > 0 {
                let dice = 2.0 * overlap as f64 / ((ge - gs) + (pe - ps)) as f64;
                best = best.max(dice);
            }
        }
        if best == 1.0 {
            tally.exact += 1.0;
        }
        tally.f1 += best;
        tally.norm_f1 += best * norm;
    }
    if verbose && tally.exact < tally.gold as f64 {
        println!(
            "--- document ({} gold, {} predicted)",
            gold.len(),
            pred.len()
        );
        for line in lines {
            println!("  G| {}", line.trim_end());
        }
        for span in &spans {
            println!("  P| {}", input.get(span.range()).unwrap_or(""));
        }
    }
    tally
}

/// Times the splitter on one file.
fn bench(path: &str) {
    let Ok(text) = std::fs::read_to_string(path) else {
        println!("bench: {path} not found or unreadable; skipped");
        return;
    };
    let mut runs = 0u32;
    let mut sentences = 0;
    let start = Instant::now();
    while start.elapsed() < Duration::from_secs(1) || runs < 3 {
        sentences = std::hint::black_box(ksum::split::split(std::hint::black_box(&text))).len();
        runs += 1;
    }
    let secs = start.elapsed().as_secs_f64();
    let mb = text.len() as f64 * f64::from(runs) / 1e6;
    println!(
        "bench: {path}: {} bytes, {sentences} sentences, {runs} runs, {:.1} MB/s",
        text.len(),
        mb / secs
    );
}

/// Prints the sentences of a text file, one a line.
fn show(path: &str) {
    match std::fs::read_to_string(path) {
        Ok(text) => {
            for span in ksum::split::split(&text) {
                println!("| {}", text.get(span.range()).unwrap_or(""));
            }
        }
        Err(e) => println!("show: cannot read {path}: {e}"),
    }
}

fn main() {
    let mut args = std::env::args().skip(1);
    let mut files = Vec::new();
    let mut benches = Vec::new();
    let mut shows = Vec::new();
    let mut wrap_at = None;
    let mut newline = "\n";
    let verbose = std::env::var_os("EVAL_SPLIT_VERBOSE").is_some();
    while let Some(arg) = args.next() {
        if arg == "--double" {
            newline = "\n\n";
        } else if arg == "--wrap" {
            match args.next().and_then(|n| n.parse::<usize>().ok()) {
                Some(n) if n > 0 => wrap_at = Some(n),
                _ => println!("--wrap needs a width in chars; ignored"),
            }
        } else if arg == "--bench" || arg == "--show" {
            match args.next() {
                Some(p) if arg == "--bench" => benches.push(p),
                Some(p) => shows.push(p),
                None => println!("{arg} needs a file; ignored"),
            }
        } else {
            files.push(arg);
        }
    }
    if files.is_empty() && benches.is_empty() && shows.is_empty() {
        println!(
            "usage: eval_split FILE... [--wrap N [--double]] [--bench FILE] [--show FILE] \
             (set EVAL_SPLIT_VERBOSE=1 to list misses)"
        );
        return;
    }
    if let (Some(width), false) = (wrap_at, files.is_empty()) {
        let double = if newline == "\n" {
            ""
        } else {
            ", a blank line after each"
        };
        println!("(each document hard-wrapped at about {width} chars{double})");
    }
    if !files.is_empty() {
        println!(
            "{:<24} {:>6} {:>7} {:>7} {:>7}",
            "file", "gold", "EM", "F1", "NormF1"
        );
    }
    let mut overall = Tally::default();
    let mut scored = 0;
    for file in &files {
        let name = Path::new(file)
            .file_name()
            .map(|n| n.to_string_lossy().into_owned())
            .unwrap_or_else(|| file.clone());
        let content = match std::fs::read_to_string(file) {
            Ok(c) => c,
            Err(e) => {
                println!("{name:<24} skipped: cannot read {file}: {e}");
                continue;
            }
        };
        let mut tally = Tally::default();
        for doc in documents(&content) {
            tally.add(score_document(&doc, wrap_at, newline, verbose));
        }
        println!("{}", tally.row(&name));
        overall.add(tally);
        scored += 1;
    }
    if scored > 0 {
        println!("{}", overall.row("overall"));
    }
    for path in &benches {
        bench(path);
    }
    for path in &shows {
        show(path);
    }
}
