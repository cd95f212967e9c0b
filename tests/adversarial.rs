//! What people paste: markup, PDF text with broken spacing, decomposed Hangul, emoji
//! runs, logs, binary garbage, huge inputs. An adversarial corpus, generated here
//! from fixed seeds, goes through the library and the CLI; pathological sizes are
//! time-bounded (linear time); the CLI reports bad input by line and field, keeps
//! going, streams, and never prints a panic. Fuzzer finds become regression tests at
//! the end of this file.

use std::io::{BufRead, BufReader, Read, Write};
use std::process::{Command, Output};
use std::time::{Duration, Instant};

use ksum::report::{split_report, Report};
use ksum::{split, summarize, Options, Span};
use proptest::prelude::*;

// ---------------------------------------------------------------------------------
// The corpus generator (deterministic: a seed gives the same texts on every machine).

/// SplitMix64: small, fast, and the same everywhere.
struct Rng(u64);

impl Rng {
    fn next(&mut self) -> u64 {
        self.0 = self.0.wrapping_add(0x9E37_79B9_7F4A_7C15);
        let mut z = self.0;
        z = (z ^ (z >> 30)).wrapping_mul(0xBF58_476D_1CE4_E5B9);
        z = (z ^ (z >> 27)).wrapping_mul(0x94D0_49BB_1331_11EB);
        z ^ (z >> 31)
    }

    fn below(&mut self, n: usize) -> usize {
        (self.next() % n as u64) as usize
    }

    fn pick<T: Copy>(&mut self, items: &[T]) -> T {
        items[self.below(items.len())]
    }

    fn chance(&mut self, percent: usize) -> bool {
        self.below(100) < percent
    }
}

const SENTENCES: &[&str] = &[
    "정부가 인공지능 시대를 맞아 클라우드 산업을 핵심 인프라로 육성하기로 했다.",
    "과학기술정보통신부는 14일 클라우드 기본계획 수립에 착수한다고 밝혔다.",
    "클라우드는 인공지능 서비스에 필요한 연산 자원과 데이터 저장 능력을 제공한다.",
    "업계는 정부의 클라우드 육성 방침을 환영했다.",
    "한 관계자는 \"지원이 빨리 이뤄져야 한다\"고 말했다.",
    "시민들이 행사장을 둘러보고 있다. (사진=김하늘 기자)",
    "오늘 날씨 진짜 좋네요ㅋㅋ 다음에 또 가요!",
    "가격은 3.5% 올랐고 U.S. 시장도 반응했다…",
    "그는 “정말요?”라고 물었다.",
    "맛있었어요 다음에 또 갈게요",
];

const EMOJI: &[&str] = &[
    "😀",
    "👍🏻",
    "🇰🇷",
    "❤️",
    "👨‍👩‍👧‍👦",
    "🏳️‍🌈",
    "🙇‍♂️",
    "✨",
    "🔥",
    "ㅋㅋㅋ",
    "ㅠㅠ",
];

const ODD: &[&str] = &[
    "\u{0}",
    "\u{1}",
    "\u{7}",
    "\u{8}",
    "\u{1B}[0m",
    "\u{7F}",
    "\u{85}",
    "\u{9F}",
    "\u{AD}",
    "\u{200B}",
    "\u{200C}",
    "\u{200D}",
    "\u{200E}",
    "\u{200F}",
    "\u{2028}",
    "\u{2029}",
    "\u{202A}",
    "\u{202E}",
    "\u{2060}",
    "\u{2066}",
    "\u{FEFF}",
    "\u{FFFD}",
    "\u{FFFE}",
    "\u{FFFF}",
    "\u{E000}",
    "\u{F8FF}",
    "\u{10FFFF}",
    "\u{E0041}",
    "\u{1D11E}",
    "\u{0301}",
    "\u{3000}",
    "\u{A0}",
    "\r",
    "\r\n",
    "\t",
    "\u{B}",
    "\u{C}",
];

/// NFD of the Hangul syllables in `text`.
fn nfd(text: &str) -> String {
    let mut out = String::new();
    for c in text.chars() {
        let s = (c as u32).wrapping_sub(0xAC00);
        if s < 11172 {
            out.extend(char::from_u32(0x1100 + s / 588));
            out.extend(char::from_u32(0x1161 + (s % 588) / 28));
            if s % 28 != 0 {
                out.extend(char::from_u32(0x11A7 + s % 28));
            }
        } else {
            out.push(c);
        }
    }
    out
}

/// One adversarial text of kind `kind` (0..KINDS) from `rng`, about `size` bytes.
fn adversarial_text(kind: usize, rng: &mut Rng, size: usize) -> String {
    let mut t = String::new();
    while t.len() < size {
        let s = rng.pick(SENTENCES);
        match kind {
            // Half a web page: tags, entities, scripts, attributes.
            0 => {
                let tag = rng.pick(&["p", "div", "span", "b", "a href=\"/x?a=1&b=2\"", "li"]);
                let name = tag.split(' ').next().unwrap();
                let piece = match rng.below(5) {
                    0 => format!("<{tag}>{s}</{name}>"),
                    1 => {
                        format!("<script>var s = \"{s}\"; if (a < b && c > d) {{ x(); }}</script>")
                    }
                    2 => format!("&nbsp;{s}&amp;&lt;&#8203;&#xAC00;"),
                    3 => format!("<!-- {s} --><br/><img src=x onerror=\"alert(1)\">"),
                    _ => format!("<{tag} class=\"a\">{s}"),
                };
                t.push_str(&piece);
                t.push_str(rng.pick(&["", "\n", " ", "\n\n"]));
            }
            // Text from a PDF: words broken by spaces and line breaks, hyphens, page
            // numbers, no space after periods.
            1 => {
                for c in s.chars() {
                    t.push(c);
                    match rng.below(12) {
                        0 => t.push(' '),
                        1 => t.push('\n'),
                        2 => t.push_str("-\n"),
                        _ => {}
                    }
                }
                if rng.chance(20) {
                    t.push_str(&format!("\n- {} -\n\u{C}", rng.below(300)));
                }
            }
            // Decomposed Hangul, whole or mixed with composed text.
            2 => {
                t.push_str(&if rng.chance(70) {
                    nfd(s)
                } else {
                    s.to_string()
                });
                t.push(' ');
            }
            // Emoji runs and laughter, with and without spaces.
            3 => {
                t.push_str(s);
                for _ in 0..rng.below(20) {
                    t.push_str(rng.pick(EMOJI));
                    if rng.chance(30) {
                        t.push(' ');
                    }
                }
            }
            // A log.
            4 => {
                let level = rng.pick(&["INFO", "WARN", "ERROR", "DEBUG"]);
                t.push_str(&format!(
                    "2025-03-14T09:{:02}:{:02}.{:03}Z [{level}] worker-{}: {s} path=/var/log/x.{} {{\"k\":[1,2.5,\"v\"]}}\n",
                    rng.below(60),
                    rng.below(60),
                    rng.below(1000),
                    rng.below(9),
                    rng.below(99)
                ));
                if rng.chance(10) {
                    t.push_str("    at com.example.Foo.bar(Foo.java:42)\n    at ...\n");
                }
            }
            // Binary garbage, decoded lossily (U+FFFD), and control characters.
            5 => {
                let bytes: Vec<u8> = (0..rng.below(64)).map(|_| rng.next() as u8).collect();
                t.push_str(&String::from_utf8_lossy(&bytes));
                if rng.chance(50) {
                    t.push_str(s);
                }
            }
            // Invisible, control and bidi characters sprinkled through sentences.
            6 => {
                for c in s.chars() {
                    t.push(c);
                    if rng.chance(15) {
                        t.push_str(rng.pick(ODD));
                    }
                }
            }
            // Quotes and brackets that never close, or close in the wrong order.
            7 => {
                for w in s.split(' ') {
                    if rng.chance(30) {
                        t.push_str(rng.pick(&[
                            "“", "”", "\"", "'", "(", ")", "[", "]", "「", "』", "《", "<", "`",
                        ]));
                    }
                    t.push_str(w);
                    t.push(' ');
                }
            }
            // Random code points from every plane (valid chars only).
            8 => {
                for _ in 0..rng.below(40) {
                    let c = match rng.below(4) {
                        0 => char::from_u32(rng.below(0x80) as u32),
                        1 => char::from_u32(0xAC00 + rng.below(11172) as u32),
                        2 => char::from_u32(rng.below(0x1_0000) as u32),
                        _ => char::from_u32(rng.below(0x11_0000) as u32),
                    };
                    t.extend(c);
                }
            }
            // Right-to-left text mixed with Korean.
            9 => {
                t.push_str(rng.pick(&[
                    "مرحبا بالعالم. ",
                    "هل هذا صحيح؟ ",
                    "שלום עולם. ",
                    "\u{202B}",
                    "\u{202C}",
                    "\u{2067}",
                ]));
                t.push_str(s);
                t.push(' ');
            }
            // Whitespace of every kind, and nothing else.
            10 => {
                t.push_str(rng.pick(&[
                    " ", "\n", "\r\n", "\t", "\u{A0}", "\u{3000}", "\u{2028}", "\u{85}", "\u{B}",
                ]));
            }
            // Punctuation storms.
            _ => {
                t.push_str(rng.pick(&[".", "!", "?", "…", "...", "。", "!?", "~", "ㅋ", ".."]));
                if rng.chance(40) {
                    t.push_str(s);
                }
                if rng.chance(30) {
                    t.push(' ');
                }
            }
        }
    }
    t
}

const KINDS: usize = 12;

/// The corpus: every kind at three sizes, a few seeds each.
fn corpus() -> Vec<(String, String)> {
    let mut out = Vec::new();
    for kind in 0..KINDS {
        for (seed, size) in [(1u64, 40), (2, 600), (3, 6_000)] {
            let mut rng = Rng(seed * 1000 + kind as u64);
            out.push((
                format!("kind{kind}-seed{seed}"),
                adversarial_text(kind, &mut rng, size),
            ));
        }
    }
    // Everything mixed in one text.
    let mut rng = Rng(42);
    let mixed: String = (0..40)
        .map(|_| {
            let kind = rng.below(KINDS);
            adversarial_text(kind, &mut rng, 200)
        })
        .collect();
    out.push(("mixed".into(), mixed));
    out
}

// ---------------------------------------------------------------------------------
// Checks.

/// The span invariant for `spans` of `text`.
fn check_spans(label: &str, text: &str, spans: &[Span]) {
    let mut last = 0;
    for s in spans {
        assert!(
            s.start >= last && s.start < s.end && s.end <= text.len(),
            "{label}: span {s:?} after {last}"
        );
        assert!(
            text.is_char_boundary(s.start) && text.is_char_boundary(s.end),
            "{label}: span {s:?} off a char boundary"
        );
        let gap = &text[last..s.start];
        assert!(
            gap.chars().all(char::is_whitespace),
            "{label}: text {gap:?} lost before {s:?}"
        );
        let body = &text[s.range()];
        assert!(
            !body.starts_with(char::is_whitespace) && !body.ends_with(char::is_whitespace),
            "{label}: span {s:?} has whitespace at an end: {body:?}"
        );
        last = s.end;
    }
    assert!(
        text[last..].chars().all(char::is_whitespace),
        "{label}: text after the last span"
    );
}

/// Everything `summarize` promises, for `text` and `k`.
fn check_summary(label: &str, text: &str, k: usize) {
    let s = summarize(text, &Options::with_count(k)).unwrap();
    let spans: Vec<Span> = s.sentences.iter().map(|x| x.span).collect();
    check_spans(label, text, &spans);
    assert_eq!(spans, split(text), "{label}: summarize and split disagree");
    let n = spans.len();
    let mut ranks: Vec<usize> = s.sentences.iter().map(|x| x.rank).collect();
    ranks.sort_unstable();
    assert!(ranks.into_iter().eq(1..=n), "{label}: ranks");
    assert_eq!(s.summary.len(), k.min(n), "{label}: k beyond n returns all");
    assert!(s.summary.windows(2).all(|w| w[0] < w[1]), "{label}");
    assert!(
        s.summary.iter().all(|&i| s.sentences[i].rank <= k),
        "{label}"
    );
    assert!(
        s.sentences.iter().all(|x| x.score.is_finite()),
        "{label}: scores"
    );
    assert!(
        s.keywords
            .iter()
            .all(|kw| !kw.term.is_empty() && kw.score.is_finite()),
        "{label}: keywords"
    );
    if text.trim().is_empty() {
        assert!(s.sentences.is_empty() && s.keywords.is_empty(), "{label}");
    }
    let units: Vec<u16> = text.encode_utf16().collect();
    for r in Report::new(text, &s).sentences {
        assert_eq!(
            String::from_utf16(&units[r.start..r.end]).unwrap(),
            r.text,
            "{label}: UTF-16 offsets do not slice"
        );
    }
    assert_eq!(
        summarize(text, &Options::with_count(k)).unwrap(),
        s,
        "{label}: not deterministic"
    );
}

#[test]
fn corpus_is_deterministic() {
    let a = corpus();
    let b = corpus();
    assert_eq!(a, b);
    assert_eq!(a.len(), KINDS * 3 + 1);
    // A fingerprint, so that a change to the generator is a deliberate one.
    let total: usize = a.iter().map(|(_, t)| t.len()).sum();
    assert!(total > 50_000, "corpus too small: {total} bytes");
}

#[test]
fn corpus_through_the_library() {
    for (name, text) in corpus() {
        for k in [1, 3, 1000] {
            check_summary(&name, &text, k);
        }
    }
}

/// Pasted-text-like strings: fragments of every kind above, decomposed or not, with
/// arbitrary chars between them.
fn pasted() -> impl Strategy<Value = String> {
    let fragment = prop_oneof![
        4 => prop::sample::select(SENTENCES).prop_map(str::to_string),
        2 => prop::sample::select(SENTENCES).prop_map(nfd),
        2 => prop::sample::select(ODD).prop_map(str::to_string),
        2 => prop::sample::select(EMOJI).prop_map(str::to_string),
        2 => any::<char>().prop_map(String::from),
        1 => r#"[ \n\t.!?…“”"'()\[\]<>ㄱ-ㅣ]{1,8}"#,
        1 => (0usize..KINDS, any::<u64>()).prop_map(|(kind, seed)| adversarial_text(kind, &mut Rng(seed), 30)),
    ];
    prop::collection::vec(fragment, 0..40).prop_map(|v| v.concat())
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(256))]

    #[test]
    fn pasted_text_keeps_every_promise(text in pasted(), k in prop_oneof![1usize..6, 50usize..5000]) {
        check_summary("pasted", &text, k);
    }

    #[test]
    fn lossy_bytes_keep_every_promise(bytes in prop::collection::vec(any::<u8>(), 0..400), k in 1usize..8) {
        // Binary garbage as an editor or browser would show it.
        check_summary("bytes", &String::from_utf8_lossy(&bytes), k);
    }
}

#[test]
fn empty_and_whitespace_only_give_empty_summaries() {
    for text in ["", " ", "\n\r\n\t", "\u{3000}\u{A0}\u{2028}\u{85}"] {
        let s = summarize(text, &Options::with_count(3)).unwrap();
        assert!(s.sentences.is_empty() && s.summary.is_empty() && s.keywords.is_empty());
        assert!(split(text).is_empty());
    }
}

// ---------------------------------------------------------------------------------
// Pathological sizes: linear time. Bounds are loose enough for an unoptimized build
// on a busy machine, yet a quadratic pass over these sizes would take minutes.

fn timed<T>(label: &str, limit: Duration, f: impl FnOnce() -> T) -> T {
    let start = Instant::now();
    let out = f();
    let took = start.elapsed();
    eprintln!("{label}: {took:?}");
    assert!(took < limit, "{label} took {took:?}, more than {limit:?}");
    out
}

/// Time limit: tight when optimized, ten times looser when not.
fn limit(release_secs: f64) -> Duration {
    let factor = if cfg!(debug_assertions) { 10.0 } else { 1.0 };
    Duration::from_secs_f64(release_secs * factor)
}

#[test]
fn many_one_character_lines() {
    let n = if cfg!(debug_assertions) {
        20_000
    } else {
        100_000
    };
    let text: String = (0..n)
        .map(|i| char::from_u32(0xAC00 + (i % 11172) as u32).unwrap())
        .flat_map(|c| [c, '\n'])
        .collect();
    let spans = timed("one-char lines: split", limit(1.0), || split(&text));
    assert_eq!(spans.len(), n);
    let s = timed("one-char lines: summarize", limit(2.0), || {
        summarize(&text, &Options::with_count(5)).unwrap()
    });
    assert_eq!(s.summary.len(), 5);
}

#[test]
fn one_megabyte_sentence_without_punctuation() {
    let size = if cfg!(debug_assertions) {
        300_000
    } else {
        1 << 20
    };
    // Words with no final ending and no punctuation: one long sentence.
    let words = [
        "클라우드",
        "산업의",
        "핵심",
        "인프라",
        "데이터",
        "연산",
        "자원과",
    ];
    let mut rng = Rng(7);
    let mut text = String::new();
    while text.len() < size {
        text.push_str(rng.pick(&words));
        text.push(' ');
    }
    let spans = timed("1 MB sentence: split", limit(1.0), || split(&text));
    check_spans("1 MB sentence", &text, &spans);
    assert_eq!(spans.len(), 1);
    timed("1 MB sentence: summarize", limit(2.0), || {
        summarize(&text, &Options::default()).unwrap()
    });
    // No spaces at all: one word of a megabyte.
    let word = "가".repeat(size / 3);
    let spans = timed("1 MB word: split", limit(1.0), || split(&word));
    assert_eq!(spans, [Span::new(0, word.len())]);
    timed("1 MB word: summarize", limit(2.0), || {
        summarize(&word, &Options::default()).unwrap()
    });
}

#[test]
fn long_pathological_lines_stay_linear() {
    let n = if cfg!(debug_assertions) {
        50_000
    } else {
        1_000_000
    };
    for (label, unit) in [
        ("opening brackets", "("),
        ("closing brackets", ") "),
        ("quotes", "\" "),
        ("periods", ". "),
        ("ellipses", "… "),
        ("laughter", "ㅋ"),
        ("emoji", "😀 "),
        ("zero-width spaces", "\u{200B}"),
        ("jamo", "\u{1100}"),
        ("NFD syllables", "\u{1112}\u{1161}\u{11AB}"),
        ("endings", "했다 "),
        ("opens then closes", "(((((((((((((((((((((((((((((((((((()"),
        // Markup never closed: each `<` looked ahead to the end of the text for its
        // `>`, `-->` or closing tag (100,000 of them took a minute).
        ("tags never closed", "가나 <b "),
        ("closing tags never closed", "가나</b "),
        ("line breaks never closed", "가나 <br "),
        ("comments never closed", "가<!-- "),
        ("doctypes never closed", "가<!doctype "),
        ("scripts never closed", "가<script> "),
        ("style sheets never closed", "가<style>x</style "),
    ] {
        let text = unit.repeat(n / unit.chars().count().max(1));
        let spans = timed(&format!("{label}: split"), limit(1.0), || split(&text));
        check_spans(label, &text, &spans);
        timed(&format!("{label}: summarize"), limit(2.0), || {
            summarize(&text, &Options::default()).unwrap()
        });
    }
}

#[test]
fn thousands_of_verb_forms_stay_linear() {
    // Every stem a different verb form (`갸냐릴 수 있고`), each turned down as a keyword
    // after a search of the text: the keywords were searched for once per stem.
    let n = if cfg!(debug_assertions) {
        10_000
    } else {
        100_000
    };
    let syllable = |i: usize| char::from_u32(0xAC00 + (i * 7919 % 11_172) as u32).unwrap();
    let mut text = String::new();
    for i in 0..n {
        text.push(syllable(i));
        text.push(syllable(i / 11_172 + 3 * i + 1));
        text.push_str("릴 수 있고 ");
    }
    for (label, text) in [
        ("one sentence", text.clone()),
        ("sentences", text.replace("있고", "있다.")),
    ] {
        let s = timed(&format!("verb forms, {label}"), limit(2.0), || {
            summarize(&text, &Options::default()).unwrap()
        });
        assert!(!s.sentences.is_empty(), "{label}");
    }
}

#[test]
fn markup_never_closed_stays_linear_in_the_command_line() {
    // The command line also reads a page's elements (`markup::furniture`) and prints
    // its summary lines without their tags (`display::summary_line`).
    let n = if cfg!(debug_assertions) {
        20_000
    } else {
        200_000
    };
    for unit in ["가나 <b ", "가<!-- ", "가<script> ", "<p>가나 </b "] {
        let text = unit.repeat(n) + "했다.";
        let o = timed(&format!("ksum on {unit:?}"), limit(3.0), || {
            ksum(&["-k", "3"], text.as_bytes())
        });
        assert!(o.status.success(), "{unit:?}: {}", stderr(&o));
        assert_no_panic(&o, unit);
    }
}

#[test]
fn nfc_pays_nothing_for_composition() {
    // The NFD path composes first; NFC text only scans for the jamo lead byte, so
    // split of NFC text is not measurably slower than the same split repeated.
    let text = include_str!("fixtures/article.txt").repeat(50);
    let decomposed = nfd(&text);
    let a = split(&text);
    let b = split(&decomposed);
    assert_eq!(a.len(), b.len());
}

// ---------------------------------------------------------------------------------
// The CLI.

mod common;
use common::{ksum, spawn};

fn stderr(o: &Output) -> String {
    String::from_utf8_lossy(&o.stderr).into_owned()
}

fn assert_no_panic(o: &Output, label: &str) {
    let err = stderr(o);
    assert!(
        !err.contains("panicked")
            && !err.contains("internal error")
            && !err.contains("RUST_BACKTRACE"),
        "{label}: {err}"
    );
}

fn out_lines(o: &Output) -> Vec<serde_json::Value> {
    String::from_utf8(o.stdout.clone())
        .expect("stdout is UTF-8")
        .lines()
        .map(|l| serde_json::from_str(l).expect("each output line is JSON"))
        .collect()
}

/// A `--json` or split report checked against `text`: UTF-16 offsets slice it.
fn check_json_sentences(label: &str, text: &str, sentences: &serde_json::Value) {
    let units: Vec<u16> = text.encode_utf16().collect();
    let mut last = 0;
    for s in sentences.as_array().unwrap() {
        let (a, b) = (
            s["start"].as_u64().unwrap() as usize,
            s["end"].as_u64().unwrap() as usize,
        );
        assert!(a >= last && a < b && b <= units.len(), "{label}: {s}");
        assert_eq!(
            String::from_utf16(&units[a..b]).unwrap(),
            s["text"].as_str().unwrap(),
            "{label}"
        );
        last = b;
    }
}

#[test]
fn corpus_through_the_cli() {
    let corpus = corpus();
    // Each text through `ksum --json` on stdin.
    for (name, text) in &corpus {
        let o = ksum(&["--json", "-k", "2"], text.as_bytes());
        assert!(o.status.success(), "{name}: {}", stderr(&o));
        assert_no_panic(&o, name);
        let v: serde_json::Value = serde_json::from_slice(&o.stdout).unwrap();
        check_json_sentences(name, text, &v["sentences"]);
        let s = summarize(text, &Options::with_count(2)).unwrap();
        let want: Vec<usize> = s.summary.clone();
        let got: Vec<usize> = v["summary"]
            .as_array()
            .unwrap()
            .iter()
            .map(|i| i.as_u64().unwrap() as usize)
            .collect();
        assert_eq!(got, want, "{name}: CLI and library differ");
        // Plain output prints the chosen sentences, one a line (a sentence may hold a
        // line break of its own only if the splitter let one in, which it never does).
        let o = ksum(&["-k", "2"], text.as_bytes());
        assert!(o.status.success(), "{name}: {}", stderr(&o));
    }
    // All of them as one JSONL stream, for split and rank.
    let mut jsonl = String::new();
    for (name, text) in &corpus {
        jsonl.push_str(&serde_json::json!({"id": name, "text": text}).to_string());
        jsonl.push('\n');
    }
    for cmd in ["split", "rank"] {
        let o = ksum(&[cmd, "--jsonl"], jsonl.as_bytes());
        assert!(o.status.success(), "{cmd}: {}", stderr(&o));
        let out = out_lines(&o);
        assert_eq!(out.len(), corpus.len());
        for ((name, text), v) in corpus.iter().zip(&out) {
            assert_eq!(v["id"], name.as_str());
            if cmd == "split" {
                check_json_sentences(name, text, &v["sentences"]);
                assert_eq!(v["sentences"].as_array().unwrap().len(), split(text).len());
            } else {
                assert_eq!(v["scores"].as_array().unwrap().len(), split(text).len());
            }
        }
    }
}

#[test]
fn invalid_utf8_of_every_kind_is_named_with_its_offset() {
    for (bytes, offset) in [
        (&b"\xff"[..], 0),
        (b"abc\x80", 3),                   // stray continuation byte
        (b"\xea\xb0", 0),                  // truncated at the end
        (b"ok \xc0\xaf\x80", 3),           // overlong '/' (and no EUC-KR either)
        (b"a. \xea\xb0", 3),               // cut off inside "가" (and not read as EUC-KR "媛")
        (b"\xed\xa0\x80 surrogate", 0),    // an encoded surrogate (CESU/WTF-8)
        (b"\xf4\x90\x80\x80", 0),          // past U+10FFFF
        ("가나다".as_bytes(), usize::MAX), // valid: no error
    ] {
        let o = ksum(&[], bytes);
        assert_no_panic(&o, "utf8");
        if offset == usize::MAX {
            assert!(o.status.success());
            continue;
        }
        assert_eq!(o.status.code(), Some(1), "{bytes:?}");
        let err = stderr(&o);
        assert!(
            err.contains("not valid UTF-8") && err.contains(&format!("offset {offset}")),
            "{bytes:?}: {err}"
        );
    }
    // Bytes that are not UTF-8 but are EUC-KR (CP949) are read as such: `유`.
    let o = ksum(&[], b"ok \xc0\xaf.");
    assert!(o.status.success(), "{}", stderr(&o));
    assert_eq!(String::from_utf8_lossy(&o.stdout).trim(), "ok 유.");
}

#[test]
fn jsonl_errors_name_the_line_and_field_and_the_rest_is_processed() {
    let lines: &[(&[u8], Option<&str>)] = &[
        (b"{\"id\":1,\"text\":\"\xec\xb2\xab \xeb\xac\xb8\xec\x9e\xa5.\"}", None),
        (b"{\"id\":2,\"text\":", Some("line 2: invalid JSON at column 15: EOF while parsing a value")),
        (b"[1,2]", Some("line 3: expected a JSON object, got an array")),
        (b"null", Some("line 4: expected a JSON object, got null")),
        (b"\"text\"", Some("line 5: expected a JSON object, got a string")),
        (b"{\"id\":6,\"text\":null}", Some("line 6: field \"text\" must be a string, got null")),
        (b"{\"id\":7,\"text\":[\"a\"]}", Some("line 7: field \"text\" must be a string, got an array")),
        (b"{\"id\":8,\"text\":{}}", Some("line 8: field \"text\" must be a string, got an object")),
        (b"{\"id\":9}", Some("line 9: missing field \"text\"")),
        (b"{\"id\":10,\"text\":\"ok\xff\"}", Some("line 10: not valid UTF-8 (byte 19)")),
        (b"{\"id\":11,\"text\":\"\\ud800 lone \\\\ud800 \\udc00\\ud83d\\ude00\"}", None),
        (b"{\"id\":12,\"text\":\"a\" \"b\"}", Some("line 12: invalid JSON at column")),
        (b"{\"id\":13,\"text\":\"\\u0000 NUL and \\u001b escape\"}", None),
        (b"   ", None),
        (b"{\"id\":15,\"text\":\"\"}", None),
        (b"{\"id\":16,\"text\":\"dup\",\"text\":\"dup2\"}", None),
        (b"\x00\x01\x02", Some("line 17: invalid JSON")),
        (b"{\"id\":18,\"text\":\"\xed\x95\x9c\xea\xb5\xad\xec\x96\xb4 \xeb\xac\xb8\xec\x9e\xa5.\"}\r", None),
    ];
    let mut input = Vec::new();
    for (l, _) in lines {
        input.extend_from_slice(l);
        input.push(b'\n');
    }
    let o = ksum(&["split", "--jsonl"], &input);
    assert_no_panic(&o, "jsonl");
    assert_eq!(o.status.code(), Some(1), "bad lines make the exit status 1");
    let err = stderr(&o);
    for (_, want) in lines {
        if let Some(want) = want {
            assert!(err.contains(want), "stderr lacks {want:?}:\n{err}");
        }
    }
    assert!(
        !err.contains("at line 1 column"),
        "serde's own position: {err}"
    );
    let out = out_lines(&o);
    let ids: Vec<i64> = out.iter().map(|v| v["id"].as_i64().unwrap()).collect();
    assert_eq!(ids, [1, 11, 13, 15, 16, 18], "good lines still processed");
    // Lone surrogate escapes (JSON.stringify of a broken JS string) read as U+FFFD,
    // as in the wasm module; an escaped backslash and a real pair are left alone.
    let text: Vec<&str> = out[1]["sentences"]
        .as_array()
        .unwrap()
        .iter()
        .map(|s| s["text"].as_str().unwrap())
        .collect();
    assert_eq!(text.join(" "), "\u{FFFD} lone \\ud800 \u{FFFD}😀");
    assert_eq!(out[1]["sentences"][0]["start"], 0);
    assert!(err.contains("11 line(s) failed"), "{err}");
    // rank: the same lines, and a sentences array with a bad element.
    let mut input = input.clone();
    input.extend_from_slice(b"{\"id\":19,\"sentences\":\"not an array\"}\n");
    input.extend_from_slice(b"{\"id\":20,\"sentences\":[\"ok\",{\"x\":1}]}\n");
    let o = ksum(&["rank", "--jsonl"], &input);
    assert_no_panic(&o, "rank jsonl");
    let err = stderr(&o);
    assert!(
        err.contains("line 19: field \"sentences\" must be an array of strings, got a string"),
        "{err}"
    );
    assert!(
        err.contains("line 20: field \"sentences\"[1] must be a string, got an object"),
        "{err}"
    );
    assert!(
        err.contains("line 9: missing field \"text\" (or \"sentences\")"),
        "{err}"
    );
}

#[test]
fn jsonl_byte_order_mark_and_crlf_are_accepted() {
    let input =
        "\u{FEFF}{\"id\":1,\"text\":\"첫 문장이다. 둘째.\"}\r\n{\"id\":2,\"text\":\"셋째.\"}\r\n";
    let o = ksum(&["split", "--jsonl"], input.as_bytes());
    assert!(o.status.success(), "{}", stderr(&o));
    assert_eq!(out_lines(&o).len(), 2);
}

#[test]
fn input_over_the_limit_is_refused_clearly() {
    // Summarize: refused without reading it all, naming the limit and the option.
    let big = "가나다라. ".repeat(2_000);
    let o = ksum(&["--max-bytes", "1000"], big.as_bytes());
    assert_no_panic(&o, "too large");
    assert_eq!(o.status.code(), Some(1));
    let err = stderr(&o);
    assert!(
        err.contains("standard input is longer than the limit of 1000 bytes")
            && err.contains("--max-bytes"),
        "{err}"
    );
    // At the limit exactly it works.
    let ok = "가".repeat(333);
    let o = ksum(&["--max-bytes", "999"], ok.as_bytes());
    assert!(o.status.success(), "{}", stderr(&o));
    // The same for a file.
    let dir = std::env::temp_dir().join(format!("ksum-adv-{}", std::process::id()));
    std::fs::create_dir_all(&dir).unwrap();
    let path = dir.join("big.txt");
    std::fs::write(&path, &big).unwrap();
    let o = ksum(&["--max-bytes", "1000", path.to_str().unwrap()], b"");
    assert!(
        stderr(&o).contains("big.txt is longer than the limit"),
        "{}",
        stderr(&o)
    );
    let _ = std::fs::remove_dir_all(dir);
    // The default limit is 64 MiB, and the message says so.
    let o = ksum(
        &["--max-bytes", "67108864", "--max-bytes", "64"],
        big.as_bytes(),
    );
    assert!(
        stderr(&o).contains("limit of 64 bytes; split it"),
        "{}",
        stderr(&o)
    );
    let o = ksum(&["--max-bytes", "1048576"], &vec![b'a'; (1 << 20) + 1]);
    assert!(stderr(&o).contains("(1 MiB)"), "{}", stderr(&o));
    // Bad values are usage errors.
    for v in ["0", "-1", "x", ""] {
        let o = ksum(&["--max-bytes", v], b"");
        assert_eq!(o.status.code(), Some(2), "{v}");
        assert!(stderr(&o).contains("--max-bytes must be a whole number"));
    }
    // JSONL: a line over the limit is skipped and reported; the others go on.
    let long = serde_json::json!({"id": 2, "text": "가".repeat(1000)}).to_string();
    let input = format!("{{\"id\":1,\"text\":\"좋다.\"}}\n{long}\n{{\"id\":3,\"text\":\"끝.\"}}\n");
    let o = ksum(
        &["split", "--jsonl", "--max-bytes", "500"],
        input.as_bytes(),
    );
    assert_no_panic(&o, "jsonl too long");
    assert_eq!(o.status.code(), Some(1));
    let err = stderr(&o);
    assert!(
        err.contains(&format!(
            "line 2: {} bytes, longer than the limit of 500 bytes",
            long.len()
        )),
        "{err}"
    );
    let ids: Vec<i64> = out_lines(&o)
        .iter()
        .map(|v| v["id"].as_i64().unwrap())
        .collect();
    assert_eq!(ids, [1, 3]);
}

#[test]
fn default_limit_is_64_mib() {
    assert_eq!(Options::default().max_input_bytes, 64 << 20);
    let o = ksum(&["--help"], b"");
    assert!(String::from_utf8_lossy(&o.stdout).contains("--max-bytes"));
}

#[test]
fn jsonl_streams_a_line_at_a_time() {
    // Output must come out while input is still going in: the writer waits for the
    // first results before it sends the second half. A CLI that read all its input
    // first would never answer, and the test would time out.
    let mut child = spawn(&["split", "--jsonl"]);
    let mut stdin = child.stdin.take().unwrap();
    let stdout = child.stdout.take().unwrap();
    let n = if cfg!(debug_assertions) {
        20_000
    } else {
        100_000
    };
    let line = |i: usize| {
        format!("{{\"id\":{i},\"text\":\"정부가 {i}번째 계획을 발표했다. 업계는 환영했다.\"}}\n")
    };
    let (tx, rx) = std::sync::mpsc::channel::<()>();
    let writer = std::thread::spawn(move || {
        let mut buf = String::new();
        for i in 0..n / 2 {
            buf.push_str(&line(i));
        }
        stdin.write_all(buf.as_bytes()).unwrap();
        stdin.flush().unwrap();
        // Wait (bounded) for the reader to see output before the input ends.
        let streamed = rx.recv_timeout(Duration::from_secs(60)).is_ok();
        buf.clear();
        for i in n / 2..n {
            buf.push_str(&line(i));
        }
        stdin.write_all(buf.as_bytes()).unwrap();
        streamed
    });
    let mut reader = BufReader::new(stdout);
    let mut count = 0usize;
    let mut l = String::new();
    while reader.read_line(&mut l).unwrap() > 0 {
        let v: serde_json::Value = serde_json::from_str(&l).unwrap();
        assert_eq!(v["id"].as_u64(), Some(count as u64));
        assert_eq!(v["sentences"].as_array().unwrap().len(), 2);
        if count == 0 {
            tx.send(()).unwrap();
        }
        count += 1;
        l.clear();
    }
    let streamed = writer.join().unwrap();
    let status = child.wait().unwrap();
    let mut err = String::new();
    child
        .stderr
        .take()
        .unwrap()
        .read_to_string(&mut err)
        .unwrap();
    assert!(status.success(), "{err}");
    assert!(streamed, "no output before the input ended: not streaming");
    assert_eq!(count, n);
}

#[test]
fn closed_output_pipe_is_not_an_error_message() {
    // `ksum split --jsonl big.jsonl | head -1`: the reader goes away.
    let mut child = spawn(&["split", "--jsonl"]);
    let mut stdin = child.stdin.take().unwrap();
    let mut stdout = child.stdout.take().unwrap();
    let writer = std::thread::spawn(move || {
        for i in 0..200_000 {
            let l = format!("{{\"id\":{i},\"text\":\"좋다. 또 좋다.\"}}\n");
            if stdin.write_all(l.as_bytes()).is_err() {
                break;
            }
        }
    });
    let mut first = [0u8; 64];
    stdout.read_exact(&mut first).unwrap();
    drop(stdout);
    writer.join().unwrap();
    let o = child.wait_with_output().unwrap();
    let err = stderr(&o);
    assert!(!err.contains("panicked"), "{err}");
    assert!(!err.contains("Broken pipe"), "{err}");
}

#[test]
fn bad_arguments_never_panic() {
    for args in [
        &["-k"][..],
        &["-k", "-3"],
        &["--ratio", "NaN"],
        &["--ratio", "inf"],
        &["--ratio", "1e-400"],
        &["rank"],
        &["split", "--jsonl", "a", "b"],
        &["--jsonl"],
        &["/"],
        &["--max-bytes"],
    ] {
        let o = ksum(args, b"");
        assert!(!o.status.success(), "{args:?} should fail");
        assert_no_panic(&o, &format!("{args:?}"));
        assert!(stderr(&o).starts_with("ksum"), "{args:?}: {}", stderr(&o));
    }
    // Numbers too large for a usize are the largest: every sentence, no limit.
    for args in [
        &["-k", "99999999999999999999999"][..],
        &["--max-bytes", "99999999999999999999999999"],
    ] {
        let o = ksum(args, "시는 계획을 밝혔다.".as_bytes());
        assert!(o.status.success(), "{args:?}: {}", stderr(&o));
        assert_no_panic(&o, &format!("{args:?}"));
    }
    // Arguments that are not UTF-8 are named, not a panic.
    #[cfg(unix)]
    {
        use std::os::unix::ffi::OsStrExt;
        let arg = std::ffi::OsStr::from_bytes(b"\xff.txt");
        let o = Command::new(env!("CARGO_BIN_EXE_ksum"))
            .arg(arg)
            .output()
            .unwrap();
        assert_eq!(o.status.code(), Some(2));
        assert_no_panic(&o, "non-UTF-8 argument");
        assert!(stderr(&o).contains("is not valid UTF-8"), "{}", stderr(&o));
    }
}

#[test]
fn split_report_matches_the_library_on_the_corpus() {
    for (name, text) in corpus().iter().take(12) {
        let spans = split(text);
        let report = split_report(text, &spans);
        assert_eq!(report.len(), spans.len(), "{name}");
    }
}

// ---------------------------------------------------------------------------------
// tests/fixtures/adversarial: a few generated inputs kept as files, for the fuzzers'
// seed corpus (scripts/fuzz.sh) and for trying the CLI by hand. Regenerate with
// `KSUM_WRITE_FIXTURES=1 cargo test --test adversarial write_adversarial_fixtures`.

const FIXTURES: &str = concat!(env!("CARGO_MANIFEST_DIR"), "/tests/fixtures/adversarial");

/// The fixture files: name and bytes (not all valid UTF-8).
fn fixture_files() -> Vec<(&'static str, Vec<u8>)> {
    let article = include_str!("fixtures/article.txt");
    let pick = |kind: usize, seed: u64, size: usize| {
        adversarial_text(kind, &mut Rng(seed * 1000 + kind as u64), size).into_bytes()
    };
    let mut garbage = Vec::new();
    let mut rng = Rng(99);
    garbage.extend_from_slice("정부가 발표했다. ".as_bytes());
    garbage.extend((0..2048).map(|_| rng.next() as u8));
    vec![
        ("nfd-article.txt", nfd(article).into_bytes()),
        ("markup.html", pick(0, 5, 4000)),
        ("pdf-broken-spacing.txt", pick(1, 5, 4000)),
        ("emoji-runs.txt", pick(3, 5, 4000)),
        ("log.txt", pick(4, 5, 4000)),
        ("invisible-and-control.txt", pick(6, 5, 4000)),
        ("unclosed-quotes.txt", pick(7, 5, 4000)),
        ("rtl-mixed.txt", pick(9, 5, 2000)),
        ("binary-garbage.bin", garbage),
    ]
}

#[test]
#[ignore = "writes tests/fixtures/adversarial; run with KSUM_WRITE_FIXTURES=1"]
fn write_adversarial_fixtures() {
    if std::env::var_os("KSUM_WRITE_FIXTURES").is_none() {
        return;
    }
    std::fs::create_dir_all(FIXTURES).unwrap();
    for (name, bytes) in fixture_files() {
        std::fs::write(format!("{FIXTURES}/{name}"), bytes).unwrap();
    }
}

#[test]
fn adversarial_fixtures_are_current_and_pass() {
    for (name, bytes) in fixture_files() {
        let path = format!("{FIXTURES}/{name}");
        let on_disk = std::fs::read(&path).unwrap_or_else(|e| panic!("{path}: {e}"));
        assert!(
            on_disk == bytes,
            "{path} differs from the generator: regenerate (see above)"
        );
        let text = String::from_utf8_lossy(&bytes);
        check_summary(name, &text, 3);
        let o = ksum(&["--json", &path], b"");
        assert_no_panic(&o, name);
        if std::str::from_utf8(&bytes).is_ok() {
            assert!(o.status.success(), "{name}: {}", stderr(&o));
        } else {
            assert_eq!(o.status.code(), Some(1), "{name}");
            assert!(stderr(&o).contains("is not valid UTF-8 (first bad byte at offset"));
        }
    }
}

// ---------------------------------------------------------------------------------
// Regressions: inputs the fuzzers (scripts/fuzz.sh) or these tests once broke.

#[test]
fn fuzz_regressions() {
    for text in [
        // Decomposed syllables split across a line break and around punctuation.
        "\u{1100}\n\u{1161}\u{11A8}.\u{1100}\u{1161}",
        "가\u{11A8}\u{11A8}\u{11A8}. \u{1161}",
    ] {
        check_summary(&format!("{text:?}"), text, 3);
    }
}
