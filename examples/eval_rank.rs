//! Sentence-choice evaluation against human extractive summaries.
//!
//! `cargo run --release --example eval_rank -- FILE.jsonl...` where each line is
//! `{"id", "sentences": [...], "gold": [indices]}`. For every document the given
//! sentences are ranked exactly as `ksum rank --jsonl` ranks them (never re-split),
//! the top k = |gold| are taken, and we report
//! - F1 = |chosen ∩ gold| / k (precision = recall = F1 as both sides have k items),
//! - ROUGE-1, ROUGE-2 and ROUGE-L F-scores on whitespace tokens between the chosen
//!   and the gold sentences (each in document order),
//!
//! averaged over documents, beside the lead baseline (the first k sentences).

use std::collections::HashMap;

use serde_json::Value;

#[derive(Default, Clone, Copy)]
struct Scores {
    f1: f64,
    r1: f64,
    r2: f64,
    rl: f64,
}

impl std::ops::AddAssign for Scores {
    fn add_assign(&mut self, o: Scores) {
        self.f1 += o.f1;
        self.r1 += o.r1;
        self.r2 += o.r2;
        self.rl += o.rl;
    }
}

fn f_score(overlap: f64, a: usize, b: usize) -> f64 {
    if overlap == 0.0 || a == 0 || b == 0 {
        return 0.0;
    }
    let (p, r) = (overlap / a as f64, overlap / b as f64);
    2.0 * p * r / (p + r)
}

fn ngram_counts<'a>(t: &[&'a str], n: usize) -> HashMap<Vec<&'a str>, usize> {
    let mut m: HashMap<Vec<&str>, usize> = HashMap::new();
    for w in t.windows(n) {
        *m.entry(w.to_vec()).or_default() += 1;
    }
    m
}

fn ngram_f(a: &[&str], b: &[&str], n: usize) -> f64 {
    let (ca, cb) = (ngram_counts(a, n), ngram_counts(b, n));
    let overlap: usize = ca
        .iter()
        .map(|(g, &x)| x.min(*cb.get(g).unwrap_or(&0)))
        .sum();
    f_score(
        overlap as f64,
        a.len().saturating_sub(n - 1),
        b.len().saturating_sub(n - 1),
    )
}

fn lcs_f(a: &[&str], b: &[&str]) -> f64 {
    let mut prev = vec![0usize; b.len() + 1];
    for x in a {
        let mut cur = vec![0usize; b.len() + 1];
        for (j, y) in b.iter().enumerate() {
            cur[j + 1] = if x == y {
                prev[j] + 1
            } else {
                prev[j + 1].max(cur[j])
            };
        }
        prev = cur;
    }
    f_score(prev[b.len()] as f64, a.len(), b.len())
}

fn score(sentences: &[&str], chosen: &[usize], gold: &[usize]) -> Scores {
    let k = gold.len().max(1);
    let hits = chosen.iter().filter(|i| gold.contains(i)).count();
    let tokens = |idx: &[usize]| {
        let mut idx = idx.to_vec();
        idx.sort_unstable();
        idx.iter()
            .filter_map(|&i| sentences.get(i))
            .flat_map(|s| s.split_whitespace())
            .collect::<Vec<&str>>()
    };
    let (a, b) = (tokens(chosen), tokens(gold));
    Scores {
        f1: hits as f64 / k as f64,
        r1: ngram_f(&a, &b, 1),
        r2: ngram_f(&a, &b, 2),
        rl: lcs_f(&a, &b),
    }
}

fn main() {
    let paths: Vec<String> = std::env::args().skip(1).collect();
    if paths.is_empty() {
        eprintln!("usage: eval_rank FILE.jsonl... (lines with id, sentences, gold)");
        std::process::exit(2);
    }
    for path in paths {
        let Ok(text) = std::fs::read_to_string(&path) else {
            println!("{path}: not found, skipped");
            continue;
        };
        let (mut ours, mut lead, mut docs) = (Scores::default(), Scores::default(), 0usize);
        let started = std::time::Instant::now();
        for (n, line) in text.lines().enumerate() {
            let Ok(v) = serde_json::from_str::<Value>(line) else {
                eprintln!("{path}:{}: invalid JSON, skipped", n + 1);
                continue;
            };
            let sentences: Vec<&str> = v["sentences"]
                .as_array()
                .map(|a| a.iter().filter_map(Value::as_str).collect())
                .unwrap_or_default();
            let gold: Vec<usize> = v["gold"]
                .as_array()
                .map(|a| a.iter().filter_map(|g| g.as_u64().map(|g| g as usize)).collect())
                .unwrap_or_default();
            if sentences.is_empty() || gold.is_empty() {
                continue;
            }
            let k = gold.len();
            let ranker = ksum::rank::Ranker::new(&sentences);
            let order = ksum::select::importance_order(&ranker);
            ours += score(&sentences, &order[..k.min(order.len())], &gold);
            let first: Vec<usize> = (0..k.min(sentences.len())).collect();
            lead += score(&sentences, &first, &gold);
            docs += 1;
        }
        let d = docs.max(1) as f64;
        println!(
            "{path}: {docs} documents, ranked in {:.1} ms",
            started.elapsed().as_secs_f64() * 1e3
        );
        println!("{:<8} {:>6} {:>8} {:>8} {:>8}", "method", "F1", "ROUGE-1", "ROUGE-2", "ROUGE-L");
        for (name, s) in [("ksum", ours), ("lead", lead)] {
            println!(
                "{name:<8} {:>6.3} {:>8.3} {:>8.3} {:>8.3}",
                s.f1 / d,
                s.r1 / d,
                s.r2 / d,
                s.rl / d
            );
        }
    }
}
