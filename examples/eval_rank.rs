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
//! averaged over documents, beside two baselines: `lead`, the first k sentences, and
//! `lead-p`, the first k prose sentences as ksum sees them (no bylines, captions,
//! headlines or subtitles: [`ksum::rank::Ranker::excluded`] and `fragment`). `lead-p`
//! is the bar a content cue has to clear: on news, position alone reaches it.
//!
//! Below the table: the 95% bootstrap interval of ksum's F1 and of its difference from
//! `lead-p`, document by document; then F1 of ksum and `lead-p` with the lead made
//! uninformative, each document disturbed ten times from a fixed seed after its first
//! prose sentence: the chosen sentences moved to random places, and the body shuffled.
//! People choose the first sentences of these news articles, so position alone goes
//! far here; other genres are less kind to it, and the peers (TextRank, LexRank and the
//! like) never look at position, so their F1 is the same on the disturbed documents.
//! Then long texts: every ten documents joined into one (their gold together), each
//! under its headline and from each lead on, with F1 and the share of the ten that
//! have a chosen sentence.
//!
//! Options: `--split-halves` also reports F1 on the even- and odd-numbered documents
//! (a change that helps only one half is probably noise: 0.01 is three sentences on
//! a 100-document file); `--abstract FILE` also reports ROUGE against human abstracts
//! (`{"id","summary"}` lines), a second view not to be fitted, how many of the
//! keywords (`keywords::keywords`, 10 a document) are in them, and the F1 of an oracle
//! that has read the abstract (a ceiling for reference, not a method); `--positions` reports,
//! by place among the prose sentences, how often people and ksum choose a sentence
//! there, and how often two chosen sentences are neighbours; `--furniture` puts each of
//! 18 kinds of page furniture (written here) before every lead and counts how often it
//! is chosen, given as a sentence and as text split by ksum, and how often it moves the
//! choice otherwise; `--verbose` prints every
//! document with gold (G) and chosen (C) marks and scores.

use std::collections::HashMap;

use serde_json::Value;

/// The 95% bootstrap interval of the mean of `values`: 2,000 resamples of them with
/// replacement, from a fixed seed, so the same file always prints the same interval.
/// On 100 documents a change of F1 inside it may be chance.
fn interval(values: &[f64]) -> (f64, f64) {
    const RESAMPLES: usize = 2000;
    if values.is_empty() {
        return (0.0, 0.0);
    }
    let mut state = 0x9E37_79B9_7F4A_7C15u64;
    let mut next = || {
        // xorshift64*
        state ^= state >> 12;
        state ^= state << 25;
        state ^= state >> 27;
        state.wrapping_mul(0x2545_F491_4F6C_DD1D)
    };
    let n = values.len();
    let mut means: Vec<f64> = (0..RESAMPLES)
        .map(|_| {
            (0..n)
                .map(|_| values[(next() % n as u64) as usize])
                .sum::<f64>()
                / n as f64
        })
        .collect();
    means.sort_by(f64::total_cmp);
    (means[RESAMPLES / 40], means[RESAMPLES - 1 - RESAMPLES / 40])
}

/// xorshift64*, from a fixed seed: the same stream on every run.
struct Rng(u64);

impl Rng {
    fn next(&mut self) -> u64 {
        self.0 ^= self.0 >> 12;
        self.0 ^= self.0 << 25;
        self.0 ^= self.0 >> 27;
        self.0.wrapping_mul(0x2545_F491_4F6C_DD1D)
    }

    /// A number in `0..n` (`n` > 0).
    fn below(&mut self, n: usize) -> usize {
        (self.next() % n as u64) as usize
    }
}

/// The ways [`robustness`] takes the lead's information away, with their names.
const DISORDERS: [&str; 2] = ["chosen sentences moved", "body shuffled"];

/// Each document is disturbed this many times in each way (one draw is noisy).
const DRAWS: usize = 10;

/// `sentences` and `gold` with the order after `lead` (the first prose sentence's index)
/// disturbed: disorder 0 moves each gold sentence there to a random place in it (the
/// others keep their order), disorder 1 shuffles it all. What comes before `lead`
/// (headline, byline) stays. Returns the new order (indices into `sentences`) and the
/// gold sentences' new places.
fn disturb(
    n: usize,
    gold: &[usize],
    lead: usize,
    disorder: usize,
    rng: &mut Rng,
) -> (Vec<usize>, Vec<usize>) {
    let mut body: Vec<usize> = (lead..n).collect();
    if disorder == 0 {
        body.retain(|i| !gold.contains(i));
        for &g in gold.iter().filter(|&&g| g >= lead) {
            let at = rng.below(body.len() + 1);
            body.insert(at, g);
        }
    } else {
        for i in (1..body.len()).rev() {
            body.swap(i, rng.below(i + 1));
        }
    }
    let order: Vec<usize> = (0..lead).chain(body).collect();
    let places = gold
        .iter()
        .filter_map(|g| order.iter().position(|i| i == g))
        .collect();
    (order, places)
}

/// F1 of ksum and of lead-p on one document [`disturb`]ed [`DRAWS`] times in each of the
/// [`DISORDERS`], averaged over the draws: on news, where people choose the first
/// sentences, position alone goes far, and this shows how the choice fares where it
/// does not (another genre's articles: there the best peer's F1 is 0.568 and the
/// lead's 0.395, per the issue).
fn robustness(sentences: &[&str], gold: &[usize], rng: &mut Rng) -> [[f64; 2]; 2] {
    let lead = {
        let ranker = ksum::rank::Ranker::new(sentences);
        (0..sentences.len())
            .find(|&i| !ranker.excluded[i] && !ranker.fragment[i])
            .unwrap_or(0)
    };
    let k = gold.len();
    let mut out = [[0.0; 2]; 2];
    for (disorder, out) in out.iter_mut().enumerate() {
        for _ in 0..DRAWS {
            let (order, gold) = disturb(sentences.len(), gold, lead, disorder, rng);
            let moved: Vec<&str> = order.iter().map(|&i| sentences[i]).collect();
            let ranker = ksum::rank::Ranker::new(&moved);
            let chosen = ksum::select::importance_order(&ranker);
            let prose: Vec<usize> = (0..moved.len())
                .filter(|&i| !ranker.excluded[i] && !ranker.fragment[i])
                .collect();
            out[0] += score(&moved, &chosen[..k.min(chosen.len())], &gold).f1 / DRAWS as f64;
            out[1] += score(&moved, &prose[..k.min(prose.len())], &gold).f1 / DRAWS as f64;
        }
    }
    out
}

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

/// Accumulated scores of one method: all documents, and the even / odd halves.
#[derive(Default, Clone, Copy)]
struct Tally {
    all: Scores,
    halves: [Scores; 2],
    docs: [usize; 2],
    vs_abstract: Scores,
    abstracts: usize,
}

impl Tally {
    fn add(&mut self, doc: usize, s: Scores, vs_abstract: Option<Scores>) {
        self.all += s;
        self.halves[doc % 2] += s;
        self.docs[doc % 2] += 1;
        if let Some(a) = vs_abstract {
            self.vs_abstract += a;
            self.abstracts += 1;
        }
    }
}

/// How many of ksum's keywords a human abstract has in it (as written, ASCII case
/// ignored): of the first 5 and of all 10, over the documents with an abstract.
#[derive(Default)]
struct KeywordHits {
    top5: [usize; 2],
    top10: [usize; 2],
}

impl KeywordHits {
    fn add(&mut self, keywords: &[(String, f64)], abstract_text: &str) {
        let text = abstract_text.to_lowercase();
        for (i, (word, _)) in keywords.iter().enumerate() {
            let hit = usize::from(text.contains(&word.to_lowercase()));
            if i < 5 {
                self.top5[0] += hit;
                self.top5[1] += 1;
            }
            self.top10[0] += hit;
            self.top10[1] += 1;
        }
    }

    fn print(&self) {
        let share = |[hits, all]: [usize; 2]| hits as f64 / all.max(1) as f64;
        println!(
            "keywords found in the human abstract: {:.3} of the first 5, {:.3} of all ({} keywords)",
            share(self.top5),
            share(self.top10),
            self.top10[1]
        );
    }
}

/// ROUGE of the chosen sentences against a human abstract (F1 field left at 0).
fn score_abstract(sentences: &[&str], chosen: &[usize], summary: &str) -> Scores {
    let mut idx = chosen.to_vec();
    idx.sort_unstable();
    let a: Vec<&str> = idx
        .iter()
        .filter_map(|&i| sentences.get(i))
        .flat_map(|s| s.split_whitespace())
        .collect();
    let b: Vec<&str> = summary.split_whitespace().collect();
    Scores {
        f1: 0.0,
        r1: ngram_f(&a, &b, 1),
        r2: ngram_f(&a, &b, 2),
        rl: lcs_f(&a, &b),
    }
}

/// The `k` sentences that cover most of the words of a human abstract, greedily (each
/// next the one adding most distinct whitespace tokens of it; ties to the earlier):
/// an oracle that has read the human summary, a reference for how far sentence choice
/// alone can go on a file, not a method.
fn abstract_oracle(sentences: &[&str], summary: &str, k: usize) -> Vec<usize> {
    let words: std::collections::HashSet<&str> = summary.split_whitespace().collect();
    let mut covered: std::collections::HashSet<&str> = std::collections::HashSet::new();
    let mut chosen = Vec::new();
    for _ in 0..k.min(sentences.len()) {
        let gain = |i: usize| {
            let mut new: Vec<&str> = sentences[i]
                .split_whitespace()
                .filter(|w| words.contains(w) && !covered.contains(w))
                .collect();
            new.sort_unstable();
            new.dedup();
            new.len()
        };
        let Some(best) = (0..sentences.len())
            .filter(|i| !chosen.contains(i))
            .max_by_key(|&i| (gain(i), std::cmp::Reverse(i)))
        else {
            break;
        };
        covered.extend(
            sentences[best]
                .split_whitespace()
                .filter(|w| words.contains(w)),
        );
        chosen.push(best);
    }
    chosen
}

/// Places among the prose sentences reported one by one; later ones are pooled.
const POSITIONS: usize = 10;

/// Where chosen sentences sit among the prose sentences of their documents.
#[derive(Default)]
struct Positions {
    /// Documents with a prose sentence at each place (the last bucket pools the rest).
    candidates: [usize; POSITIONS + 1],
    /// Gold sentences at each place.
    gold: [usize; POSITIONS + 1],
    /// ksum's chosen sentences at each place.
    chosen: [usize; POSITIONS + 1],
    /// Neighbouring pairs (consecutive prose sentences) among gold and chosen, and
    /// the number of consecutive pairs of each in document order.
    adjacent: [usize; 2],
    pairs: [usize; 2],
}

impl Positions {
    fn add(&mut self, prose: &[usize], gold: &[usize], chosen: &[usize]) {
        let bucket = |p: usize| p.min(POSITIONS);
        for (p, &i) in prose.iter().enumerate() {
            self.candidates[bucket(p)] += 1;
            self.gold[bucket(p)] += usize::from(gold.contains(&i));
            self.chosen[bucket(p)] += usize::from(chosen.contains(&i));
        }
        for (side, picks) in [gold, chosen].into_iter().enumerate() {
            // Places among the prose (picks outside the prose are left out), sorted.
            let mut at: Vec<usize> = picks
                .iter()
                .filter_map(|i| prose.iter().position(|p| p == i))
                .collect();
            at.sort_unstable();
            for w in at.windows(2) {
                self.pairs[side] += 1;
                self.adjacent[side] += usize::from(w[1] == w[0] + 1);
            }
        }
    }

    fn print(&self) {
        println!(
            "by place among prose sentences (share of documents whose sentence there is chosen):"
        );
        println!("{:<6} {:>6} {:>6} {:>6}", "place", "docs", "gold", "ksum");
        for p in 0..=POSITIONS {
            let n = self.candidates[p].max(1) as f64;
            let place = if p == POSITIONS {
                format!("{p}+")
            } else {
                p.to_string()
            };
            println!(
                "{place:<6} {:>6} {:>6.2} {:>6.2}",
                self.candidates[p],
                self.gold[p] as f64 / n,
                self.chosen[p] as f64 / n
            );
        }
        let share = |s: usize| self.adjacent[s] as f64 / self.pairs[s].max(1) as f64;
        println!(
            "neighbouring pairs among chosen sentences: gold {:.2}, ksum {:.2}",
            share(0),
            share(1)
        );
    }
}

/// Page furniture of the kinds news pages carry (written for this check, in the forms
/// of real outlets), for `--furniture`: each is put before the lead of every document.
const FURNITURE: &[(&str, &str)] = &[
    ("caption, agency after it", "시민들이 13일 시청 앞 광장에서 행사를 즐기고 있다. 연합뉴스"),
    ("caption, two agencies", "시민들이 13일 시청 앞 광장에서 행사를 즐기고 있다. AP 연합뉴스"),
    ("caption, slash credit", "시민들이 13일 시청 앞 광장에서 행사를 즐기고 있다. /가상뉴스"),
    ("caption, dated wire credit", "시민들이 13일 시청 앞 광장에서 행사를 즐기고 있다. 2024.3.13/가상뉴스 ⓒ 가상뉴스 김하늘 기자"),
    ("caption, date and address", "(서울=가상뉴스) 김하늘 기자 = 13일 시청 앞 광장이 붐비고 있다. 2024.3.13 sky@example.com"),
    ("caption, photographer", "시민들이 13일 시청 앞 광장에서 행사를 즐기고 있다. 가상일보 김하늘 기자"),
    ("caption, (photo credit)", "시민들이 13일 시청 앞 광장에서 행사를 즐기고 있다. (사진=해오름시 제공)"),
    ("caption, <photo credit>", "시민들이 13일 시청 앞 광장에서 행사를 즐기고 있다. <사진=해오름시 제공>"),
    ("caption, copyright credit", "시민들이 13일 시청 앞 광장에서 행사를 즐기고 있다. ⓒ가상뉴스"),
    ("caption, file photo", "시민들이 13일 시청 앞 광장에서 행사를 즐기고 있다. 가상일보 자료사진"),
    ("caption, dated [file photo]", "시민들이 13일 시청 앞 광장에서 행사를 즐기고 있다. 2024.3.13 [가상뉴스 자료사진]"),
    ("caption, dated photo=", "시민들이 13일 시청 앞 광장에서 행사를 즐기고 있다. 2024.03.13. 사진=가상뉴스"),
    ("caption, image source", "시민들이 13일 시청 앞 광장에서 행사를 즐기고 있다. 이미지=챗GPT"),
    ("caption, photographer named", "시민들이 13일 시청 앞 광장에서 행사를 즐기고 있다. 촬영 김하늘"),
    ("caption, marked", "▲ 시민들이 13일 시청 앞 광장에서 행사를 즐기고 있다."),
    ("link to another article", "▶ 해오름시, 시내버스 절반 전기차로 바꾼다"),
    ("editor's note", "[편집자주] 해오름신문은 지역 교통의 미래를 짚는 기획 시리즈를 연재합니다."),
    ("note on the article", "이 기사는 해오름시의 지원을 받아 작성되었습니다."),
    ("note, marked", "※ 이 기사는 해오름시의 보도자료를 바탕으로 작성했습니다."),
    ("byline", "김하늘 기자 sky@example.com"),
    ("byline, bracketed", "[가상일보 김하늘 기자]"),
    ("date line", "입력 2024.03.13 10:30 수정 2024.03.13 11:02"),
    ("copyright", "ⓒ 가상일보 무단 전재 및 재배포 금지"),
    ("subscription", "지난 뉴스레터 보기 구독하기"),
    ("share buttons", "이 기사를 공유합니다"),
    ("appeal to readers", "가상뉴스는 독자 여러분의 소중한 제보를 기다립니다."),
    ("broadcast handover", "김하늘 기자가 보도합니다."),
    (
        "auto-summary notice",
        "기사 제목과 주요 문장을 기반으로 자동요약한 결과입니다. 전체 맥락을 이해하기 위해서는 본문 보기를 권장합니다.",
    ),
    (
        "research funding note",
        "이번 연구는 해오름시와 가상재단의 지원을 받아 수행됐다.",
    ),
];

/// For each kind of [`FURNITURE`], over `docs` (sentences and k): in how many the line,
/// put before the first prose sentence, is chosen among the first k, and in how many
/// the k chosen sentences change otherwise; and in how many a sentence of it is chosen
/// when the document is given as text, a line a sentence, and split by ksum (as the
/// page and the command do).
fn furniture_report(docs: &[(Vec<String>, usize)]) {
    println!(
        "page furniture put before the lead of each of {} documents: chosen in, choice moved \
         in (sentences given); chosen in (as text, split by ksum)",
        docs.len()
    );
    let top = |sentences: &[&str], k: usize| {
        let order = ksum::select::importance_order(&ksum::rank::Ranker::new(sentences));
        let mut top = order[..k.min(order.len())].to_vec();
        top.sort_unstable();
        top
    };
    let mut all = [0usize; 3];
    for (name, line) in FURNITURE {
        let mut counts = [0usize; 3];
        for (owned, k) in docs {
            let sentences: Vec<&str> = owned.iter().map(String::as_str).collect();
            let ranker = ksum::rank::Ranker::new(&sentences);
            let at = (0..sentences.len())
                .find(|&i| !ranker.excluded[i] && !ranker.fragment[i])
                .unwrap_or(0);
            let mut with = sentences.clone();
            with.insert(at, line);
            let before = top(&sentences, *k);
            let after = top(&with, *k);
            if after.contains(&at) {
                counts[0] += 1;
            } else {
                let back: Vec<usize> = after
                    .iter()
                    .map(|&i| if i > at { i - 1 } else { i })
                    .collect();
                counts[1] += usize::from(back != before);
            }
            // As text: the line's bytes, and whether a chosen sentence meets them.
            let start: usize = with[..at].iter().map(|s| s.len() + 1).sum();
            let range = start..start + line.len();
            let text = with.join("\n");
            if let Ok(summary) = ksum::summarize(&text, &ksum::Options::with_count(*k)) {
                counts[2] += usize::from(summary.summary.iter().any(|&i| {
                    let span = summary.sentences[i].span;
                    span.start < range.end && range.start < span.end
                }));
            }
        }
        println!(
            "{name:<28} {:>4} {:>4} {:>4}",
            counts[0], counts[1], counts[2]
        );
        for (a, c) in all.iter_mut().zip(counts) {
            *a += c;
        }
    }
    println!("{:<28} {:>4} {:>4} {:>4}", "all", all[0], all[1], all[2]);
}

/// How many documents [`joined_report`] joins into one text.
const JOINED: usize = 10;

/// F1 and coverage on long texts: every [`JOINED`] documents, in file order, joined into
/// one text whose gold is theirs, ranked with k = all their gold sentences; each under
/// its headline, as several articles pasted together are, and from each lead on (the
/// lines before it dropped), one long text without headings. Coverage is the share of
/// the documents with a chosen sentence: a summary of ten articles should speak of ten.
/// `lead-p` (the first k prose sentences) is beside it; per document, ksum's F1 is above.
fn joined_report(docs: &[(Vec<String>, Vec<usize>)]) {
    if docs.len() < JOINED {
        return;
    }
    println!(
        "every {JOINED} documents joined into one text ({} texts), F1 and share of the \
         documents with a chosen sentence, ksum and lead-p:",
        docs.len() / JOINED
    );
    for (name, from_lead) in [("each under its headline", false), ("from each lead", true)] {
        // [ksum F1, ksum coverage, lead-p F1, lead-p coverage], summed over the texts.
        let mut sums = [0.0; 4];
        let groups = docs.chunks_exact(JOINED);
        let texts = groups.len() as f64;
        for group in groups {
            let (mut sentences, mut gold, mut parts) = (Vec::new(), Vec::new(), Vec::new());
            for (owned, doc_gold) in group {
                let doc: Vec<&str> = owned.iter().map(String::as_str).collect();
                let skip = if from_lead {
                    let ranker = ksum::rank::Ranker::new(&doc);
                    (0..doc.len())
                        .find(|&i| !ranker.excluded[i] && !ranker.fragment[i])
                        .unwrap_or(0)
                } else {
                    0
                };
                let start = sentences.len();
                sentences.extend(doc.iter().skip(skip).copied());
                gold.extend(
                    doc_gold
                        .iter()
                        .filter(|&&g| g >= skip)
                        .map(|g| start + g - skip),
                );
                parts.push(start..sentences.len());
            }
            let k = gold.len();
            let ranker = ksum::rank::Ranker::new(&sentences);
            let order = ksum::select::importance_order(&ranker);
            let chosen = &order[..k.min(order.len())];
            let prose: Vec<usize> = (0..sentences.len())
                .filter(|&i| !ranker.excluded[i] && !ranker.fragment[i])
                .take(k)
                .collect();
            for (at, picked) in [(0, chosen), (2, &prose[..])] {
                sums[at] += score(&sentences, picked, &gold).f1;
                let covered = parts
                    .iter()
                    .filter(|part| picked.iter().any(|i| part.contains(i)))
                    .count();
                sums[at + 1] += covered as f64 / parts.len() as f64;
            }
        }
        println!(
            "{name:<24} {:>6.3} {:>5.2}  {:>6.3} {:>5.2}",
            sums[0] / texts,
            sums[1] / texts,
            sums[2] / texts,
            sums[3] / texts
        );
    }
}

const USAGE: &str =
    "usage: eval_rank [--split-halves] [--abstract ABSTRACTS.jsonl] [--positions] [--furniture] [--verbose] FILE.jsonl...
  --split-halves  also report F1 on the even- and odd-numbered documents separately
                  (a change that helps only one half is probably noise)
  --abstract F    also report ROUGE against the human abstracts in F ({\"id\",\"summary\"} lines)
  --positions     report how often gold and ksum choose each place among the prose sentences,
                  and how often two chosen sentences are neighbours
  --furniture     put each of 18 kinds of page furniture (captions with credits, notes,
                  bylines, copyright lines…) before the lead of every document, and report
                  in how many it is chosen, and in how many the choice moves otherwise;
                  and in how many it is chosen from the document as text, split by ksum
  --verbose       print every document: gold (G), chosen (C), score and sentence";

fn main() {
    let mut paths: Vec<String> = Vec::new();
    let (mut halves, mut verbose, mut positions, mut furniture) = (false, false, false, false);
    let mut abstracts: HashMap<String, String> = HashMap::new();
    let mut args = std::env::args().skip(1);
    while let Some(arg) = args.next() {
        match arg.as_str() {
            "--split-halves" => halves = true,
            "--verbose" => verbose = true,
            "--positions" => positions = true,
            "--furniture" => furniture = true,
            "--abstract" => {
                let Some(file) = args.next() else {
                    eprintln!("{USAGE}");
                    std::process::exit(2);
                };
                let text = std::fs::read_to_string(&file).unwrap_or_else(|e| {
                    eprintln!("{file}: {e}");
                    std::process::exit(2);
                });
                for line in text.lines() {
                    if let Ok(v) = serde_json::from_str::<Value>(line) {
                        if let (Some(id), Some(summary)) = (v["id"].as_str(), v["summary"].as_str())
                        {
                            abstracts.insert(id.to_string(), summary.to_string());
                        }
                    }
                }
            }
            "-h" | "--help" => {
                println!("{USAGE}");
                return;
            }
            _ => paths.push(arg),
        }
    }
    if paths.is_empty() {
        eprintln!("{USAGE}");
        std::process::exit(2);
    }
    for path in paths {
        let Ok(text) = std::fs::read_to_string(&path) else {
            println!("{path}: not found, skipped");
            continue;
        };
        let (mut ours, mut lead, mut lead_prose) =
            (Tally::default(), Tally::default(), Tally::default());
        let mut docs = 0usize;
        let mut places = Positions::default();
        let mut keyword_hits = KeywordHits::default();
        let mut elapsed = std::time::Duration::ZERO;
        // F1 of the abstract oracle, summed, and over how many documents.
        let mut oracle = (0.0, 0usize);
        // Each document's F1: ksum's, and ksum's less lead-p's.
        let (mut f1s, mut over_lead_p) = (Vec::new(), Vec::new());
        // F1 of ksum and lead-p on documents whose lead says less ([`robustness`]).
        let mut disordered = [[0.0; 2]; 2];
        let mut rng = Rng(0x9E37_79B9_7F4A_7C15);
        // The documents, kept for --furniture.
        let mut kept: Vec<(Vec<String>, usize)> = Vec::new();
        // The documents with their gold, kept to be joined ([`joined_report`]).
        let mut all: Vec<(Vec<String>, Vec<usize>)> = Vec::new();
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
                .map(|a| {
                    a.iter()
                        .filter_map(|g| g.as_u64().map(|g| g as usize))
                        .collect()
                })
                .unwrap_or_default();
            if sentences.is_empty() || gold.is_empty() {
                continue;
            }
            let k = gold.len();
            all.push((
                sentences.iter().map(|s| s.to_string()).collect(),
                gold.clone(),
            ));
            if furniture {
                kept.push((sentences.iter().map(|s| s.to_string()).collect(), k));
            }
            let started = std::time::Instant::now();
            let ranker = ksum::rank::Ranker::new(&sentences);
            let order = ksum::select::importance_order(&ranker);
            elapsed += started.elapsed();
            let chosen = &order[..k.min(order.len())];
            let first: Vec<usize> = (0..k.min(sentences.len())).collect();
            let prose: Vec<usize> = (0..sentences.len())
                .filter(|&i| !ranker.excluded[i] && !ranker.fragment[i])
                .collect();
            let first_prose = &prose[..k.min(prose.len())];
            let summary = v["id"].as_str().and_then(|id| abstracts.get(id));
            let vs = |c: &[usize]| summary.map(|s| score_abstract(&sentences, c, s));
            if let Some(abstract_text) = summary {
                oracle.0 += score(
                    &sentences,
                    &abstract_oracle(&sentences, abstract_text, k),
                    &gold,
                )
                .f1;
                oracle.1 += 1;
                keyword_hits.add(
                    &ksum::keywords::keywords(&ranker, &sentences, 10),
                    abstract_text,
                );
            }
            let (s_ours, s_lead_p) = (
                score(&sentences, chosen, &gold),
                score(&sentences, first_prose, &gold),
            );
            f1s.push(s_ours.f1);
            over_lead_p.push(s_ours.f1 - s_lead_p.f1);
            ours.add(docs, s_ours, vs(chosen));
            lead.add(docs, score(&sentences, &first, &gold), vs(&first));
            lead_prose.add(docs, s_lead_p, vs(first_prose));
            places.add(&prose, &gold, chosen);
            for (sum, f1) in disordered
                .iter_mut()
                .zip(robustness(&sentences, &gold, &mut rng))
            {
                sum[0] += f1[0];
                sum[1] += f1[1];
            }
            docs += 1;
            if verbose {
                println!("## {} gold {gold:?} chosen {chosen:?}", v["id"]);
                for (i, s) in sentences.iter().enumerate() {
                    let g = if gold.contains(&i) { 'G' } else { ' ' };
                    let c = if chosen.contains(&i) { 'C' } else { ' ' };
                    let t: String = s.chars().take(90).collect();
                    println!("{g}{c} {i:>2} {:.3} {t}", ranker.scores()[i]);
                }
            }
        }
        let d = docs.max(1) as f64;
        println!(
            "{path}: {docs} documents, ranked in {:.1} ms",
            elapsed.as_secs_f64() * 1e3
        );
        println!(
            "{:<8} {:>6} {:>8} {:>8} {:>8}",
            "method", "F1", "ROUGE-1", "ROUGE-2", "ROUGE-L"
        );
        for (name, t) in [("ksum", ours), ("lead", lead), ("lead-p", lead_prose)] {
            let s = t.all;
            println!(
                "{name:<8} {:>6.3} {:>8.3} {:>8.3} {:>8.3}",
                s.f1 / d,
                s.r1 / d,
                s.r2 / d,
                s.rl / d
            );
        }
        let ((lo, hi), (dlo, dhi)) = (interval(&f1s), interval(&over_lead_p));
        println!(
            "ksum F1 95% interval {lo:.3}–{hi:.3}, ksum − lead-p {dlo:+.3} to {dhi:+.3} \
             (bootstrap over the documents)"
        );
        println!("with the lead made uninformative ({DRAWS} random draws a document, from a fixed seed), F1 of ksum and lead-p:");
        for (name, [ours, lead_p]) in DISORDERS.iter().zip(disordered) {
            println!("{name:<24} {:>6.3} {:>6.3}", ours / d, lead_p / d);
        }
        joined_report(&all);
        if halves {
            println!("F1 by half (even / odd documents):");
            for (name, t) in [("ksum", ours), ("lead", lead), ("lead-p", lead_prose)] {
                let f = |h: usize| t.halves[h].f1 / t.docs[h].max(1) as f64;
                println!("{name:<8} {:>6.3} {:>6.3}", f(0), f(1));
            }
        }
        if positions {
            places.print();
        }
        if furniture {
            furniture_report(&kept);
        }
        if ours.abstracts > 0 {
            println!(
                "an oracle that reads the human abstract (the sentences covering most of its \
                 words) has F1 {:.3}",
                oracle.0 / oracle.1.max(1) as f64
            );
            keyword_hits.print();
            println!(
                "ROUGE against the human abstracts ({} documents):",
                ours.abstracts
            );
            for (name, t) in [("ksum", ours), ("lead", lead), ("lead-p", lead_prose)] {
                let (s, a) = (t.vs_abstract, t.abstracts as f64);
                println!(
                    "{name:<8} {:>6} {:>8.3} {:>8.3} {:>8.3}",
                    "",
                    s.r1 / a,
                    s.r2 / a,
                    s.rl / a
                );
            }
        }
    }
}
