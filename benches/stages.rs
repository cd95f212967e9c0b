//! Criterion benches of every pipeline stage at four input sizes.
//!
//! `CARGO_PROFILE_BENCH_PANIC=unwind cargo bench --bench stages` (or `make bench`). The
//! variable matters: the release profile's `panic = "abort"` makes cargo build the lib
//! twice (abort for the `ksum` binary, unwind for the bench harness) into the same
//! file name, and the binary then fails to link; with it both builds are one.
//!
//! Inputs come from the shared data folder (`KSUM_DATA`, default `../shared/data`
//! beside the repository): the seed
//! article (~6 KB) and KorQuAD dev paragraphs joined to 100 KB, 1 MB and 4 MB, built
//! by `benches/common` (shared with `examples/bench.rs`). Inputs that are absent are skipped with
//! a note, so the bench runs (on whatever is there) on any machine.
//!
//! Stages, each measured on its own with its inputs prepared outside the timing:
//!
//! | bench        | what is timed                                                    |
//! | ------------ | ---------------------------------------------------------------- |
//! | `split`      | `ksum::split(text)`                                              |
//! | `normalize`  | `normalize::terms` over every sentence                           |
//! | `vectors`    | `Vectors::stems_and_bigrams(&sentences)`                         |
//! | `graph`      | `Graph::new(&bigram_vectors)`                                    |
//! | `rank`       | `Ranker::new(&sentences)` (vectors + graph + PageRank + scoring) |
//! | `select`     | `select::importance_order(&ranker)`                              |
//! | `keywords`   | `keywords::keywords(&ranker, &sentences, 10)`                    |
//! | `summarize`  | `ksum::summarize(text, k = 3)`, everything end to end            |
//!
//! Last, 4 MB against 1 MB end to end, alternated in one process ([`scaling`]), for the
//! linearity goal.
//!
//! Run one stage or size with a filter: `cargo bench --bench stages -- 'summarize/1MB'`.
//! To keep the whole run short (< 3 min on 2 shared cores) every group takes 10
//! samples; inputs of 1 MB and more use flat sampling (10 iterations) and the
//! shortest measurement time, so criterion may warn that it needs longer: that is
//! expected, the 10 iterations still give a median.

use criterion::{
    criterion_group, criterion_main, BenchmarkId, Criterion, SamplingMode, Throughput,
};
use std::hint::black_box;
use std::time::Duration;

use ksum::keywords;
use ksum::normalize;
use ksum::rank::Ranker;
use ksum::select;
use ksum::similarity::{Graph, Vectors};

mod common;
use common::Input;

fn data_dir() -> String {
    std::env::var("KSUM_DATA")
        .unwrap_or_else(|_| concat!(env!("CARGO_MANIFEST_DIR"), "/../shared/data").to_string())
}

fn inputs() -> Vec<Input> {
    let dir = data_dir();
    let out = common::inputs(&dir);
    if out.is_empty() {
        eprintln!("ksum bench: no input found under {dir} (set KSUM_DATA): nothing to run");
    }
    out
}

/// Sample settings by input size: small inputs get a short measurement with
/// criterion's linear sampling; 1 MB and up get 10 flat iterations.
fn configure(
    group: &mut criterion::BenchmarkGroup<'_, criterion::measurement::WallTime>,
    len: usize,
) {
    group.sample_size(10);
    group.throughput(Throughput::Bytes(len as u64));
    if len >= 1 << 20 {
        group.sampling_mode(SamplingMode::Flat);
        group.warm_up_time(Duration::from_millis(200));
        group.measurement_time(Duration::from_millis(500));
    } else {
        group.sampling_mode(SamplingMode::Auto);
        group.warm_up_time(Duration::from_millis(300));
        group.measurement_time(Duration::from_millis(1000));
    }
}

/// An input with everything the stages after `split` take, prepared once.
struct Prepared<'a> {
    label: &'static str,
    text: &'a str,
    sentences: Vec<&'a str>,
    bigrams: Vectors,
    ranker: Ranker,
}

fn prepare(input: &Input) -> Prepared<'_> {
    let text = input.text.as_str();
    let sentences: Vec<&str> = ksum::split(text).iter().map(|s| &text[s.range()]).collect();
    let (_, bigrams) = Vectors::stems_and_bigrams(&sentences);
    let ranker = Ranker::new(&sentences);
    eprintln!(
        "ksum bench: {} = {} bytes, {} sentences",
        input.label,
        text.len(),
        sentences.len()
    );
    Prepared {
        label: input.label,
        text,
        sentences,
        bigrams,
        ranker,
    }
}

/// Benches `f` on every prepared input, in a group named `stage` (ids `stage/size`).
fn bench_stage<R>(
    c: &mut Criterion,
    stage: &str,
    inputs: &[Prepared<'_>],
    f: impl Fn(&Prepared<'_>) -> R,
) {
    let mut g = c.benchmark_group(stage);
    for p in inputs {
        configure(&mut g, p.text.len());
        g.bench_function(BenchmarkId::from_parameter(p.label), |b| {
            b.iter(|| f(black_box(p)))
        });
    }
    g.finish();
}

fn stages(c: &mut Criterion) {
    let inputs = inputs();
    let prepared: Vec<Prepared<'_>> = inputs.iter().map(prepare).collect();
    let opts = ksum::Options::with_count(3);
    bench_stage(c, "split", &prepared, |p| ksum::split(p.text));
    bench_stage(c, "normalize", &prepared, |p| {
        let mut n = 0usize;
        for s in &p.sentences {
            normalize::terms(s, |stem| n += stem.len());
        }
        n
    });
    bench_stage(c, "vectors", &prepared, |p| {
        Vectors::stems_and_bigrams(&p.sentences)
    });
    bench_stage(c, "graph", &prepared, |p| Graph::new(&p.bigrams));
    bench_stage(c, "rank", &prepared, |p| Ranker::new(&p.sentences));
    bench_stage(c, "select", &prepared, |p| {
        select::importance_order(&p.ranker)
    });
    bench_stage(c, "keywords", &prepared, |p| {
        keywords::keywords(&p.ranker, &p.sentences, 10)
    });
    bench_stage(c, "summarize", &prepared, |p| {
        ksum::summarize(p.text, &opts).ok()
    });
    scaling(&prepared, &opts);
}

/// Pairs of `summarize` runs on 1 MB then 4 MB timed by [`scaling`].
const PAIRS: usize = 7;

/// Issue 7's linearity goal natively: 4 MB against 1 MB, [`PAIRS`] pairs alternated in
/// this one process, the median of the pairs' ratios (criterion times the two sizes
/// minutes apart, and this machine's speed drifts by up to 2× in that time). Printed,
/// and written to `criterion/scaling/ratio.json` under the target folder, where
/// scripts/bench-wasm.mjs reads it. Skipped when either input is absent, and when the
/// bench is given a filter that is not part of `scaling`.
fn scaling(inputs: &[Prepared<'_>], opts: &ksum::Options) {
    // A filter given to the bench (`-- split/1MB`) runs only what it names.
    let filters: Vec<String> = std::env::args()
        .skip(1)
        .filter(|a| !a.starts_with('-'))
        .collect();
    if !filters.is_empty() && !filters.iter().any(|f| "scaling".contains(f.as_str())) {
        return;
    }
    let text = |label: &str| inputs.iter().find(|p| p.label == label).map(|p| p.text);
    let (Some(one), Some(four)) = (text("1MB"), text("4MB")) else {
        eprintln!("ksum bench: 1 MB or 4 MB input absent: native scaling skipped");
        return;
    };
    let time = |text: &str| {
        let started = std::time::Instant::now();
        black_box(ksum::summarize(black_box(text), opts).ok());
        started.elapsed().as_secs_f64()
    };
    time(one);
    time(four);
    let mut ratios: Vec<f64> = (0..PAIRS).map(|_| time(four) / time(one)).collect();
    ratios.sort_by(f64::total_cmp);
    let (median, low, high) = (ratios[PAIRS / 2], ratios[0], ratios[PAIRS - 1]);
    println!(
        "scaling/4MB÷1MB native, runs alternated: median of {PAIRS} pairs {median:.2} × \
         ({low:.2}–{high:.2})"
    );
    let dir = std::path::Path::new(
        &std::env::var("CARGO_TARGET_DIR").unwrap_or_else(|_| "target".to_string()),
    )
    .join("criterion/scaling");
    let json =
        format!("{{\"median\": {median}, \"low\": {low}, \"high\": {high}, \"pairs\": {PAIRS}}}\n");
    if let Err(e) =
        std::fs::create_dir_all(&dir).and_then(|()| std::fs::write(dir.join("ratio.json"), json))
    {
        eprintln!("ksum bench: cannot write {}: {e}", dir.display());
    }
}

criterion_group! {
    name = benches;
    config = Criterion::default().sample_size(10).without_plots();
    targets = stages
}
criterion_main!(benches);
