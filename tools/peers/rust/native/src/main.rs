//! `ksum-peers-native FILE [RUNS]`: warm median ms of ksum::summarize (k = 3) and of the
//! `summary` crate (3 sentences; language-agnostic, and with its Korean stop words) on FILE,
//! printed as JSON lines.

use std::time::Instant;

fn median_ms(runs: usize, mut f: impl FnMut()) -> (f64, usize) {
    for _ in 0..runs.min(20) {
        f();
    }
    let mut t: Vec<f64> = (0..runs)
        .map(|_| {
            let s = Instant::now();
            f();
            s.elapsed().as_secs_f64() * 1e3
        })
        .collect();
    t.sort_by(f64::total_cmp);
    (t[t.len() / 2], runs)
}

fn main() {
    let mut args = std::env::args().skip(1);
    let path = args.next().expect("usage: ksum-peers-native FILE [RUNS]");
    let runs: usize = args.next().map_or(200, |r| r.parse().expect("RUNS"));
    let text = std::fs::read_to_string(&path).expect("read input");
    let opts = ksum::Options::with_count(3);
    let (ms, n) = median_ms(runs, || {
        std::hint::black_box(ksum::summarize(std::hint::black_box(&text), &opts).ok());
    });
    println!(r#"{{"peer":"ksum (native)","medianMs":{ms},"runs":{n}}}"#);
    let summarizer = summary::Summarizer::new_language_agnostic();
    let k = std::num::NonZeroU32::new(3).unwrap();
    let (ms, n) = median_ms(runs, || {
        std::hint::black_box(summarizer.summarize_sentences(std::hint::black_box(&text), k));
    });
    println!(r#"{{"peer":"summary crate (native)","medianMs":{ms},"runs":{n}}}"#);
    let korean = summary::Summarizer::new(summary::Language::Korean);
    let (ms, n) = median_ms(runs, || {
        std::hint::black_box(korean.summarize_sentences(std::hint::black_box(&text), k));
    });
    println!(r#"{{"peer":"summary crate, Korean stop words (native)","medianMs":{ms},"runs":{n}}}"#);
}
