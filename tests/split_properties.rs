//! Property tests for `ksum::split::split`: the span invariant documented at the top
//! of `src/split.rs`, and determinism, on arbitrary Unicode and on Korean-heavy text.

use ksum::split::{is_double_spaced, is_hard_wrapped, split};
use proptest::prelude::*;

/// Checks the invariant: spans in order, not overlapping, on char boundaries, not
/// starting or ending with whitespace, non-empty, and covering every non-whitespace
/// char (whitespace only between, before and after them).
fn check_invariant(text: &str) -> Result<(), TestCaseError> {
    let spans = split(text);
    let mut last = 0;
    for span in &spans {
        prop_assert!(span.start < span.end, "empty or reversed span {span:?}");
        prop_assert!(
            span.start >= last,
            "span {span:?} overlaps or is out of order"
        );
        prop_assert!(span.end <= text.len(), "span {span:?} past the end");
        prop_assert!(text.is_char_boundary(span.start) && text.is_char_boundary(span.end));
        let gap = &text[last..span.start];
        prop_assert!(
            gap.chars().all(char::is_whitespace),
            "non-whitespace {gap:?} left between spans"
        );
        let body = &text[span.range()];
        prop_assert!(
            !body.starts_with(char::is_whitespace),
            "span starts with whitespace: {body:?}"
        );
        prop_assert!(
            !body.ends_with(char::is_whitespace),
            "span ends with whitespace: {body:?}"
        );
        last = span.end;
    }
    let tail = &text[last..];
    prop_assert!(
        tail.chars().all(char::is_whitespace),
        "non-whitespace {tail:?} left at the end"
    );
    Ok(())
}

/// Korean-heavy text: syllables, common endings, punctuation, quotes, brackets,
/// digits, laughter, emoji and whitespace of several kinds.
fn korean_text() -> impl Strategy<Value = String> {
    let piece = prop_oneof![
        6 => prop::char::range('가', '힣').prop_map(String::from),
        3 => prop::sample::select(vec![
            "다", "요", "죠", "까", "니다", "습니다", "음", "함", "임", "됨", "했다", "한다",
            "이다", "ㅋㅋ", "ㅎㅎ", "ㅠㅠ", "^^", "~", "하며", "라고", "고", "그러나", "하지만",
        ])
        .prop_map(String::from),
        3 => prop::sample::select(vec![
            " ", " ", " ", "\n", "\r\n", "\t", "\u{a0}", "\u{3000}", "\u{2028}",
        ])
        .prop_map(String::from),
        3 => prop::sample::select(vec![
            ".", "!", "?", "…", "...", "\"", "“", "”", "‘", "’", "'", "(", ")", "[", "]", "「",
            "」", "《", "》", "<", ">", ",", "-", ":", "/", "@", "*", "※",
        ])
        .prop_map(String::from),
        2 => prop::char::range('0', '9').prop_map(String::from),
        1 => prop::char::range('a', 'z').prop_map(String::from),
        1 => prop::char::range('A', 'Z').prop_map(String::from),
        1 => prop::sample::select(vec!["😀", "😊", "👍🏻", "🇰🇷", "❤️", "👨‍👩‍👧"]).prop_map(String::from),
        1 => prop::sample::select(vec!["ㄱ", "ㅏ", "ᄀ", "ᅡ", "\u{200b}", "\u{feff}"]).prop_map(String::from),
    ];
    prop::collection::vec(piece, 0..120).prop_map(|v| v.concat())
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(512))]

    #[test]
    fn invariant_on_any_unicode(text in any::<String>()) {
        check_invariant(&text)?;
    }

    #[test]
    fn invariant_on_korean_text(text in korean_text()) {
        check_invariant(&text)?;
    }

    #[test]
    fn deterministic(text in korean_text()) {
        prop_assert_eq!(split(&text), split(&text));
    }

    #[test]
    fn a_line_break_ends_a_sentence_unless_the_text_is_wrapped(a in korean_text(), b in korean_text()) {
        // No span crosses a newline, unless the text reads as hard-wrapped (conjoining
        // jamo are composed before it is read, so they are left out here).
        let text: String = format!("{a}\n{b}")
            .chars()
            .filter(|c| !('\u{1100}'..='\u{11FF}').contains(c))
            .collect();
        if !is_hard_wrapped(&text) {
            for span in split(&text) {
                prop_assert!(!text[span.range()].contains('\n'));
            }
        }
    }

    #[test]
    fn invariant_on_hard_wrapped_text(
        pieces in prop::collection::vec("[가-힣 .,!?\"“”()…\\-]{0,6}", 4..9),
        breaks in prop::collection::vec(prop::sample::select(vec!["\n", "\r\n", "\n\n", "\n  "]), 8),
    ) {
        // Lines of about the same length that end open, read as paragraphs.
        let mut text = String::new();
        for (p, br) in pieces.iter().zip(breaks.iter().cycle()) {
            text.push_str(&format!("해오름시가 시내버스 절반을 전기버스로 {p}가는{br}"));
        }
        prop_assert!(is_hard_wrapped(&text), "{text:?}");
        check_invariant(&text)?;
    }

    #[test]
    fn invariant_on_transcripts(
        captions in prop::collection::vec(korean_text(), 3..8),
        style in 0..5usize,
        gaps in prop::collection::vec(prop::sample::select(vec!["\n", "\n\n", "\r\n", "\n \n"]), 8),
    ) {
        // Timing lines, cue numbers, timestamps opening captions' lines, and captions of
        // random text, spoken (`합니다`) so that the text reads as a transcript.
        let mut text = String::new();
        for (i, (caption, gap)) in captions.iter().zip(gaps.iter().cycle()).enumerate() {
            let timing = match style {
                0 => format!("{}\n00:00:0{i},000 --> 00:00:0{},500\n", i + 1, i + 1),
                1 => format!("0:{:02}\n", 4 * i),
                2 => format!("[00:{:02}]\n", 4 * i),
                3 => format!("0:{:02} ", 4 * i),
                _ => format!("[00:{:02}] ", 4 * i),
            };
            text.push_str(&format!("{timing}{caption} 합니다{gap}"));
        }
        check_invariant(&text)?;
        // The timings are in order, each in the span of a sentence, and what a sentence
        // says is read without them, whatever is around them.
        let s = ksum::summarize(&text, &ksum::Options::default()).unwrap();
        let mut last = 0;
        for t in &s.timings {
            prop_assert!(last <= t.start && t.start < t.end, "{:?}", s.timings);
            last = t.end;
            let inside = s.sentences.iter().any(|x| x.span.start <= t.start && t.end <= x.span.end);
            prop_assert!(inside || s.sentences.is_empty(), "{:?}", &text[t.range()]);
        }
        for x in &s.sentences {
            let said = ksum::transcript::said(&text, x.span, &s.timings);
            prop_assert!(said.len() <= x.span.len(), "{said:?}");
        }
    }

    #[test]
    fn a_blank_line_ends_a_sentence(a in korean_text(), b in korean_text()) {
        // No span crosses a blank line, wrapped text or not, unless the text is
        // double-spaced, its every line followed by a blank one.
        let text = format!("{a}\n\n{b}");
        let at = a.len();
        if !(is_hard_wrapped(&text) && is_double_spaced(&text)) {
            for span in split(&text) {
                prop_assert!(span.end <= at || span.start >= at + 2, "{:?}", &text[span.range()]);
            }
        }
    }

    #[test]
    fn double_spaced_wrapped_text_splits_as_single_spaced(
        pieces in prop::collection::vec("[가-힣 .,!?\"“”()…\\-]{0,6}", 5..9),
        breaks in prop::collection::vec(prop::sample::select(vec!["\n", "\n  ", "\n- "]), 8),
    ) {
        // Each line break followed by a blank line: the same sentences, the blank lines
        // inside them.
        let mut single = String::new();
        for (p, br) in pieces.iter().zip(breaks.iter().cycle()) {
            single.push_str(&format!("해오름시가 시내버스 절반을 전기버스로 {p}가는{br}"));
        }
        let double = single.replace('\n', "\n\n");
        prop_assert!(is_hard_wrapped(&double) && is_double_spaced(&double), "{double:?}");
        let texts = |t: &str| -> Vec<String> {
            split(t).iter().map(|s| t[s.range()].replace("\n\n", "\n")).collect()
        };
        prop_assert_eq!(texts(&single), texts(&double));
    }
}

#[test]
fn invariant_on_hand_picked_edge_cases() {
    for text in [
        "",
        "가. /가  ",
        " ",
        "\n\n\n",
        ".",
        "...",
        "“",
        "”다.",
        "((((((((((",
        "))))))))))",
        "\"\"\"\"\"",
        "가.",
        "다. 다. 다.",
        "😀 ",
        " 😀😀😀 가",
        "a'b'c'd",
        "했다.“그러나",
        "[1][2][3]",
        "ㅋㅋㅋ ㅋㅋ ㅋ",
        "\u{2028}\u{2029}\u{85}",
    ] {
        check_invariant(text).unwrap_or_else(|e| panic!("{text:?}: {e}"));
    }
}

#[test]
fn long_lines_with_stray_marks_stay_fast() {
    // Thousands of unpaired quotes and brackets on one line must not make pairing
    // quadratic; this finishes in milliseconds when it is linear.
    let unit = "그는 “말했다 (그리고 '웃었다 [다시 ";
    let text = unit.repeat(5_000);
    let start = std::time::Instant::now();
    let spans = split(&text);
    assert!(!spans.is_empty());
    assert!(start.elapsed().as_secs() < 5, "took {:?}", start.elapsed());
}
