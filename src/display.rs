//! A summary sentence as a line to read or copy: what it says ([`crate::transcript::said`]:
//! on one line, a transcript's timings left out), without the list marker that opens
//! it in a press release or a list (`□`, `ㅇ`, `-`, `▲`), and without the markup of a
//! page's source (`<p class="…">`, `</span>`, `&nbsp;`). The page and the browser
//! extension leave out list markers the same way (`LIST_MARKER` in `www/app.js` and
//! `extension/content.js`; the extension's text has no markup, and the page leaves a
//! pasted source's out by the elements the browser knows, `withoutMarkup`); a
//! sentence's span, and so its highlight, still covers all of it.

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
    let mut line = crate::transcript::said(text, span, timings);
    if line.contains(['<', '&']) {
        line = without_markup(&line);
    }
    match without_list_marker(&line) {
        Some(rest) => rest.to_string(),
        None => line,
    }
}

/// Elements whose tags part words as a space does (a line break, a paragraph, a cell);
/// the others' (`<a href="…">`, `</b>`) join what is around them.
const SPACING: &[&str] = &[
    "br", "div", "h1", "h2", "h3", "h4", "h5", "h6", "hr", "li", "p", "td", "th", "tr",
];

/// Character references a page's source writes text with, and what they stand for
/// (others stay as written; numeric ones are read as numbers).
const ENTITIES: &[(&str, char)] = &[
    ("nbsp", ' '),
    ("amp", '&'),
    ("lt", '<'),
    ("gt", '>'),
    ("quot", '"'),
    ("apos", '\''),
    ("middot", '·'),
    ("hellip", '…'),
    ("lsquo", '‘'),
    ("rsquo", '’'),
    ("ldquo", '“'),
    ("rdquo", '”'),
    ("ndash", '–'),
    ("mdash", '—'),
];

/// `line` without the tags, comments, scripts and style sheets of a page's source
/// ([`crate::markup::markup_end`] tells them from text, `<조선일보>` and `a < b` are
/// text), its character references read (`&nbsp;`, `&amp;`, `&#39;`), spaces run
/// together and trimmed.
fn without_markup(line: &str) -> String {
    let bytes = line.as_bytes();
    let mut out = String::with_capacity(line.len());
    let (mut i, mut from) = (0, 0);
    let mut ahead = crate::markup::Ahead::default();
    let flush = |out: &mut String, from: usize, to: usize| {
        out.push_str(line.get(from..to).unwrap_or_default());
    };
    while let Some(&b) = bytes.get(i) {
        let end = match b {
            b'<' => crate::markup::markup_end_in(bytes, i, &mut ahead),
            b'&' => crate::markup::entity_end(bytes, i),
            _ => i + 1,
        };
        if end > i + 1 {
            flush(&mut out, from, i);
            let markup = line.get(i..end).unwrap_or_default();
            if b == b'<' {
                let name = markup.trim_start_matches(['<', '/']);
                let len = name.bytes().take_while(u8::is_ascii_alphanumeric).count();
                let name = name.get(..len).unwrap_or_default();
                if SPACING.iter().any(|s| s.eq_ignore_ascii_case(name)) {
                    out.push(' ');
                }
            } else {
                out.push_str(&reference(markup).map_or_else(|| markup.to_string(), String::from));
            }
            from = end;
        }
        i = end;
    }
    flush(&mut out, from, bytes.len());
    out.split_ascii_whitespace().collect::<Vec<_>>().join(" ")
}

/// The char a character reference (`&amp;`, `&#39;`, `&#x27;`) stands for, if known.
fn reference(r: &str) -> Option<char> {
    let body = r.strip_prefix('&')?.strip_suffix(';')?;
    match body.strip_prefix('#') {
        Some(n) => match n.strip_prefix(['x', 'X']) {
            Some(hex) => u32::from_str_radix(hex, 16).ok(),
            None => n.parse().ok(),
        }
        .and_then(char::from_u32),
        None => ENTITIES
            .iter()
            .find(|(name, _)| *name == body)
            .map(|&(_, c)| c),
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
    fn a_page_sources_markup_is_left_out() {
        for (given, shown) in [
            (
                "<p class=\"se-text-paragraph\"><span>책방이 문을 열었다.</span></p>",
                "책방이 문을 열었다.",
            ),
            (
                "쓸 수 있는 곳은 <a href=\"#\">시내버스</a>, <a href=\"#\">마을버스</a>이다.",
                "쓸 수 있는 곳은 시내버스, 마을버스이다.",
            ),
            ("첫 줄<br>둘째 줄이다.", "첫 줄 둘째 줄이다."),
            (
                "<script>x()</script>축제는 &#39;봄&#39;&nbsp;축제다 &amp; 끝.",
                "축제는 '봄' 축제다 & 끝.",
            ),
            (
                "<li>□ 지원 대상은 농업인이다.</li>",
                "지원 대상은 농업인이다.",
            ),
            (
                "R&D 투자와 M&A, &unknown; 그대로.",
                "R&D 투자와 M&A, &unknown; 그대로.",
            ),
            (
                "<조선일보> 보도와 a < b 는 글이다.",
                "<조선일보> 보도와 a < b 는 글이다.",
            ),
            ("&#x1F600;&#99999999;", "😀&#99999999;"),
        ] {
            assert_eq!(line(given), shown, "{given:?}");
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
