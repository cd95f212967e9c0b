//! A summary sentence as a line to read or copy: what it says ([`crate::transcript::said`]:
//! on one line, a transcript's timings left out), without the list marker that opens
//! it in a press release or a list (`□`, `ㅇ`, `-`, `▲`). The page and the browser
//! extension show their summaries the same way (`www/app.js`, `extension/background.js`:
//! `LIST_MARKER`); a sentence's span, and so its highlight, still covers its marker.

use crate::Span;

/// Marks that open a list item, however they are spaced (`□ 해오름시는`, `▲지원 대상은`).
/// A run of them is one marker (`□○ …`).
const BULLETS: &[char] = &[
    '□', '■', '▢', '▣', '○', '●', '◦', '•', '‣', '∙', '·', '◎', '◉', '◆', '◇', '◈', '▪', '▫', '★',
    '☆', '▲', '△', '▶', '▷', '►', '➢', '➤', '✓', '✔', '☞',
];

/// Marks that open a list item only when a space follows them: `ㅇ`, a jamo that no
/// word is, and the dashes and asterisk, which also join and stress words.
const SPACED_MARKERS: &[char] = &['ㅇ', '-', '–', '—', '*', '+'];

/// The sentence at `span` of `text` as a summary line: [`crate::transcript::said`], less
/// an opening list marker (and a subtitle's closing dash, `- 6월부터 시범 운영 -`). A
/// line that is a marker alone stays as it is.
pub fn summary_line(text: &str, span: Span, timings: &[Span]) -> String {
    let line = crate::transcript::said(text, span, timings);
    match without_list_marker(&line) {
        Some(rest) => rest.to_string(),
        None => line,
    }
}

/// `line` (trimmed, on one line) without its opening list marker, or `None` when it
/// has none or is nothing else.
fn without_list_marker(line: &str) -> Option<&str> {
    let mut chars = line.chars();
    let first = chars.next()?;
    let (rest, dash) = if BULLETS.contains(&first) {
        (line.trim_start_matches(BULLETS).trim_start(), false)
    } else if SPACED_MARKERS.contains(&first) {
        let after = chars.as_str();
        if !after.starts_with(char::is_whitespace) {
            return None;
        }
        (after.trim_start(), matches!(first, '-' | '–'))
    } else {
        return None;
    };
    let rest = if dash {
        // `- 중앙도서관·분관 4곳, 6월부터 시범 운영 -`: a subtitle between dashes.
        rest.strip_suffix(['-', '–']).map_or(rest, str::trim_end)
    } else {
        rest
    };
    (!rest.is_empty()).then_some(rest)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn line(s: &str) -> String {
        summary_line(s, Span::new(0, s.len()), &[])
    }

    #[test]
    fn list_markers_are_left_out() {
        for (given, shown) in [
            (
                "□ 해오름시는 열람실을 연장한다.",
                "해오름시는 열람실을 연장한다.",
            ),
            ("ㅇ 응답자의 61%가 답했다.", "응답자의 61%가 답했다."),
            ("○ 시는 6월부터 운영한다.", "시는 6월부터 운영한다."),
            ("▲지원 대상은 농업인이다.", "지원 대상은 농업인이다."),
            ("□○ 두 겹의 표시.", "두 겹의 표시."),
            ("· 신청은 22일부터 받는다.", "신청은 22일부터 받는다."),
            (
                "- 시험기간 열람실 24시간 개방 -",
                "시험기간 열람실 24시간 개방",
            ),
            ("– 분관 4곳 시범 운영", "분관 4곳 시범 운영"),
            ("* 자세한 내용은 붙임 참조", "자세한 내용은 붙임 참조"),
        ] {
            assert_eq!(line(given), shown, "{given:?}");
        }
    }

    #[test]
    fn what_only_looks_like_a_marker_stays() {
        for same in [
            "해오름시는 열람실을 연장한다.",
            "-5도까지 떨어졌다.",
            "ㅇㅇ 씨가 말했다.",
            "*표시는 필수 항목이다.",
            "1. 지원 대상은 농업인이다.",
            "□",
            "- ",
            "",
            "※ 이 기사는 보도자료를 바탕으로 작성했습니다.",
        ] {
            assert_eq!(line(same), same.trim(), "{same:?}");
        }
    }

    #[test]
    fn a_wrapped_item_is_one_line_without_its_marker() {
        let text = "  □ 해오름시는 6월부터\n열람실을 밤 12시까지\n연장한다.\n";
        assert_eq!(
            summary_line(text, Span::new(2, text.len() - 1), &[]),
            "해오름시는 6월부터 열람실을 밤 12시까지 연장한다."
        );
    }
}
