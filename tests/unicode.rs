//! Unicode the user pastes: decomposed Hangul (macOS NFD) summarizes and splits like
//! its composed (NFC) form with spans into the original; invisible and control
//! characters, right-to-left text and replacement characters keep the span invariant.

use ksum::report::{split_report, Report};
use ksum::{split, summarize, Options, Span};
use proptest::prelude::*;

const S_BASE: u32 = 0xAC00;

/// NFD of the Hangul syllables in `text` (the Unicode decomposition formula); other
/// chars unchanged.
fn nfd(text: &str) -> String {
    let mut out = String::with_capacity(text.len() * 2);
    for c in text.chars() {
        let s = (c as u32).wrapping_sub(S_BASE);
        if s < 11172 {
            out.push(char::from_u32(0x1100 + s / 588).unwrap());
            out.push(char::from_u32(0x1161 + (s % 588) / 28).unwrap());
            if s % 28 != 0 {
                out.push(char::from_u32(0x11A7 + s % 28).unwrap());
            }
        } else {
            out.push(c);
        }
    }
    out
}

/// Only every other syllable decomposed: NFC and NFD mixed in one text.
fn half_nfd(text: &str) -> String {
    text.chars()
        .enumerate()
        .map(|(i, c)| {
            if i % 2 == 0 {
                nfd(&c.to_string())
            } else {
                c.to_string()
            }
        })
        .collect()
}

/// Asserts the span invariant of `ksum::split` for `spans` of `text`.
fn check_spans(text: &str, spans: &[Span]) -> Result<(), TestCaseError> {
    let mut last = 0;
    for s in spans {
        prop_assert!(s.start >= last && s.start < s.end && s.end <= text.len());
        prop_assert!(text.is_char_boundary(s.start) && text.is_char_boundary(s.end));
        prop_assert!(text[last..s.start].chars().all(char::is_whitespace));
        let body = &text[s.range()];
        prop_assert!(
            !body.starts_with(char::is_whitespace) && !body.ends_with(char::is_whitespace)
        );
        last = s.end;
    }
    prop_assert!(text[last..].chars().all(char::is_whitespace));
    Ok(())
}

/// The decomposed text `decomposed` (from `composed`) splits and summarizes exactly
/// like `composed`: same number of sentences, each span's original text decomposes
/// from the composed sentence, same ranks, same summary indices, same keywords.
fn check_same_as_nfc(composed: &str, decomposed: &str, k: usize) -> Result<(), TestCaseError> {
    let a = split(composed);
    let b = split(decomposed);
    check_spans(decomposed, &b)?;
    prop_assert_eq!(a.len(), b.len(), "sentence count differs");
    let opts = Options::with_count(k);
    let sa = summarize(composed, &opts).unwrap();
    let sb = summarize(decomposed, &opts).unwrap();
    prop_assert_eq!(&sa.summary, &sb.summary, "summary indices differ");
    prop_assert_eq!(&sa.keywords, &sb.keywords);
    prop_assert_eq!(sa.sentences.len(), sb.sentences.len());
    for ((x, y), sp) in sa.sentences.iter().zip(&sb.sentences).zip(&b) {
        prop_assert_eq!(y.span, *sp, "summarize and split disagree");
        prop_assert_eq!(x.rank, y.rank);
        prop_assert_eq!(x.score.to_bits(), y.score.to_bits());
        // The original slice is the composed sentence, but for decomposition.
        prop_assert_eq!(
            nfd(&composed[x.span.range()]),
            nfd(&decomposed[y.span.range()])
        );
    }
    // UTF-16 offsets slice the original exactly.
    let units: Vec<u16> = decomposed.encode_utf16().collect();
    for r in Report::new(decomposed, &sb).sentences {
        prop_assert_eq!(String::from_utf16(&units[r.start..r.end]).unwrap(), r.text);
    }
    Ok(())
}

/// Korean-heavy text without conjoining jamo (so that it is its own NFC).
fn korean_text() -> impl Strategy<Value = String> {
    let piece = prop_oneof![
        6 => "[가-힣]{1,6}",
        3 => prop::sample::select(vec!["다. ", "요. ", "했다", "니다. ", "음 ", "ㅋㅋ ", "😀", "“", "”", "(", ")"])
            .prop_map(str::to_string),
        3 => Just(" ".to_string()),
        1 => Just("\n".to_string()),
        1 => "[a-zA-Z0-9.,!?]{1,4}",
    ];
    prop::collection::vec(piece, 0..80).prop_map(|p| p.concat())
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(200))]

    #[test]
    fn nfd_summarizes_like_nfc(text in korean_text(), k in 1usize..6) {
        check_same_as_nfc(&text, &nfd(&text), k)?;
    }

    #[test]
    fn mixed_nfc_and_nfd_summarizes_like_nfc(text in korean_text(), k in 1usize..6) {
        check_same_as_nfc(&text, &half_nfd(&text), k)?;
    }

    #[test]
    fn jamo_soup_keeps_the_invariant(
        jamo in prop::collection::vec(
            prop_oneof![
                prop::char::range('\u{1100}', '\u{11FF}'),
                prop::char::range('\u{3131}', '\u{318E}'),
                prop::char::range('가', '힣'),
                Just(' '), Just('.'), Just('\n'),
            ],
            0..200,
        ),
        k in 1usize..5,
    ) {
        let text: String = jamo.into_iter().collect();
        check_spans(&text, &split(&text))?;
        let s = summarize(&text, &Options::with_count(k)).unwrap();
        let spans: Vec<Span> = s.sentences.iter().map(|x| x.span).collect();
        check_spans(&text, &spans)?;
        prop_assert_eq!(spans, split(&text));
    }
}

#[test]
fn nfd_article_selects_the_same_sentences() {
    let article = include_str!("fixtures/article.txt");
    let decomposed = nfd(article);
    assert!(decomposed.len() > article.len());
    check_same_as_nfc(article, &decomposed, 3).unwrap();
    // And the summary is not empty: NFD text is read as Korean, not as decoration.
    let s = summarize(&decomposed, &Options::with_count(3)).unwrap();
    assert_eq!(s.summary.len(), 3);
    assert!(s
        .keywords
        .iter()
        .any(|k| k.term.chars().any(|c| ('가'..='힣').contains(&c))));
}

#[test]
fn nfd_span_ends_cover_the_whole_syllable() {
    // 했다 in NFD is 6 jamo; the span must end after the last one, not inside.
    let text = nfd("정부가 발표했다 그리고 업계는 환영했다");
    let spans = split(&text);
    assert_eq!(spans.len(), 2, "{:?}", spans);
    assert_eq!(spans[1].end, text.len());
    assert!(
        text[spans[0].range()].ends_with('\u{1161}'),
        "ends on 다's vowel"
    );
    // A trailing jamo after a precomposed LV syllable (가 + ᆨ = 각).
    let text = "한국\u{1100}\u{1161}\u{11A8}. 다음 문장이다.";
    let spans = split(text);
    assert_eq!(&text[spans[0].range()], "한국\u{1100}\u{1161}\u{11A8}.");
}

#[test]
fn invisible_and_control_characters_keep_the_invariant() {
    let pieces = [
        "\u{200B}",
        "\u{200C}",
        "\u{200D}",
        "\u{2060}",
        "\u{FEFF}",
        "\u{0}",
        "\u{1}",
        "\u{7}",
        "\u{1B}[31m",
        "\u{7F}",
        "\u{80}",
        "\u{9F}",
        "\u{AD}",
        "\u{200E}",
        "\u{200F}",
        "\u{202E}",
        "\u{202C}",
        "\u{2066}",
        "\u{2069}",
        "\u{FFFD}",
        "\u{FFFE}",
        "\u{FFFF}",
        "\u{E000}",
        "\u{10FFFF}",
        "\u{FE0F}",
        "\u{E0001}",
        "\u{1F3FB}",
    ];
    for p in pieces {
        for text in [
            p.to_string(),
            format!("{p}정부가 발표했다.{p} 업계는 환영했다{p}"),
            format!("정부가{p}발표했다.{p}\n{p}\n업계는 {p}{p} 환영했다."),
            p.repeat(1000),
        ] {
            let spans = split(&text);
            check_spans(&text, &spans).unwrap_or_else(|e| panic!("{text:?}: {e}"));
            let s = summarize(&text, &Options::default()).unwrap();
            let units: Vec<u16> = text.encode_utf16().collect();
            for r in Report::new(&text, &s).sentences {
                assert_eq!(String::from_utf16(&units[r.start..r.end]).unwrap(), r.text);
            }
        }
    }
}

#[test]
fn bom_at_the_start_stays_in_the_first_sentence() {
    let text = "\u{FEFF}정부가 발표했다. 업계는 환영했다.";
    let spans = split(text);
    assert_eq!(spans[0].start, 0, "the BOM is not dropped from the cover");
    assert_eq!(spans.len(), 2);
}

#[test]
fn right_to_left_and_mixed_scripts() {
    for text in [
        "مرحبا بالعالم. هذا نص عربي؟ نعم!",
        "שלום עולם. זה טקסט בעברית.",
        "\u{202B}정부가 발표했다.\u{202C} مرحبا. 업계는 환영했다.",
        "ελληνικά. Русский текст. 中文句子。日本語の文です。",
    ] {
        let spans = split(text);
        check_spans(text, &spans).unwrap();
        assert!(spans.len() >= 2, "{text}: {spans:?}");
        let report = split_report(text, &spans);
        let units: Vec<u16> = text.encode_utf16().collect();
        for r in report {
            assert_eq!(String::from_utf16(&units[r.start..r.end]).unwrap(), r.text);
        }
    }
}

#[test]
fn replacement_characters_from_lone_surrogates() {
    // What wasm-bindgen passes for a JS string with lone surrogates: U+FFFD, one
    // UTF-16 unit each, so UTF-16 offsets still slice the JS string.
    let text = "\u{FFFD}정부가 발표했다. \u{FFFD}\u{FFFD} 업계는\u{FFFD} 환영했다.\u{FFFD}";
    let s = summarize(text, &Options::with_count(5)).unwrap();
    let report = Report::new(text, &s);
    let last = report.sentences.last().unwrap();
    assert_eq!(last.end, text.encode_utf16().count());
    assert_eq!(text.encode_utf16().count(), text.chars().count());
}

#[test]
fn nfc_text_is_untouched_by_composition() {
    // Compatibility jamo (ㅋㅋ) are not composed: NFC leaves them alone too.
    let text = "재밌다ㅋㅋ 또 보자. ㅎㅏㄴ글";
    let spans = split(text);
    assert_eq!(&text[spans[0].range()], "재밌다ㅋㅋ");
    check_spans(text, &spans).unwrap();
}
