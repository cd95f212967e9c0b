//! HTML in pasted text. A page's source pasted as text keeps its tags (`<b>`,
//! `<img src=… onerror=…>`), comments, scripts and character references (`&nbsp;`);
//! they are markup, not words, and must not become terms or keywords (`img`,
//! `onerror`, `window`, `nbsp`). The text itself is never
//! changed: the summary still highlights the user's text as it is.

/// Names of the HTML elements a pasted page source is likely to have, each between
/// spaces. `<` and a word that is not one of them (`<조선일보>`, `<Parasite>`, `a < b`)
/// is text.
const TAGS: &str = " a abbr article aside audio b blockquote body br button caption code div em \
    figcaption figure font footer form h1 h2 h3 h4 h5 h6 head header hr html i iframe img input \
    label li link main meta nav noscript ol option p picture pre s script section select small \
    source span strong style sub sup svg table tbody td textarea th thead title tr u ul video ";

/// Elements whose content is code, not text: skipped up to their closing tag.
const RAW_TEXT: &str = " script style ";

/// True when `name` (ASCII letters and digits) is one of `list` ([`TAGS`]), in any case.
fn listed(list: &str, name: &[u8]) -> bool {
    let mut key = [b' '; 16];
    if name.len() + 2 > key.len() {
        return false;
    }
    key[1..=name.len()].copy_from_slice(name);
    key[1..=name.len()].make_ascii_lowercase();
    let key = &key[..name.len() + 2];
    list.as_bytes().windows(key.len()).any(|w| w == key)
}

/// Where the markup that starts at `bytes[i]` (a `<`) ends: past a tag of [`TAGS`]
/// (`<b>`, `</b>`, `<img src=x>`), past a `<script>` or `<style>` element up to its
/// closing tag, past an `<!-- … -->` comment; `i + 1` when no markup starts there, or
/// when it is never closed (then it is text).
pub(crate) fn markup_end(bytes: &[u8], i: usize) -> usize {
    let rest = &bytes[i..];
    if rest.starts_with(b"<!--") {
        return find(rest, b"-->", 4).map_or(i + 1, |k| i + k + 3);
    }
    let closing = rest.get(1) == Some(&b'/');
    let name_start = 1 + usize::from(closing);
    let name_len = rest[name_start..]
        .iter()
        .take_while(|b| b.is_ascii_alphanumeric())
        .count();
    let name = &rest[name_start..name_start + name_len];
    let name_ends = matches!(
        rest.get(name_start + name_len),
        Some(b'>' | b'/' | b' ' | b'\t' | b'\r' | b'\n')
    );
    if !name_ends || !listed(TAGS, name) {
        return i + 1;
    }
    let Some(close) = find(rest, b">", name_start + name_len) else {
        return i + 1;
    };
    let end = close + 1;
    if closing || !listed(RAW_TEXT, name) {
        return i + end;
    }
    // `<script>…</script>`: up to the closing tag's `>` (or only the opening tag).
    let closing_tag = |k: usize| {
        rest[k..].starts_with(b"</") && rest[k + 2..].len() >= name.len() && {
            let n = &rest[k + 2..k + 2 + name.len()];
            n.eq_ignore_ascii_case(name)
        }
    };
    (end..rest.len())
        .find(|&k| rest[k] == b'<' && closing_tag(k))
        .and_then(|k| find(rest, b">", k))
        .map_or(i + end, |k| i + k + 1)
}

/// Where the character reference that starts at `bytes[i]` (a `&`) ends: past `&nbsp;`,
/// `&amp;`, `&#39;` or `&#x27;`, which a page source has for spaces, quotes and
/// ampersands; `i + 1` when none starts there (`R&D`, `M&A`, `&` alone are text).
pub(crate) fn entity_end(bytes: &[u8], i: usize) -> usize {
    // `&`, a `#` for a number, then a name or a number (`x27` in hexadecimal), and `;`.
    let rest = &bytes[i + 1..];
    let start = usize::from(rest.first() == Some(&b'#'));
    let len = rest[start..]
        .iter()
        .take(MAX_ENTITY_LEN + 1)
        .take_while(|b| b.is_ascii_alphanumeric())
        .count();
    if (1..=MAX_ENTITY_LEN).contains(&len) && rest.get(start + len) == Some(&b';') {
        i + 2 + start + len
    } else {
        i + 1
    }
}

/// The longest name or number of a character reference [`entity_end`] reads
/// (`&thetasym;`, `&#1114111;`).
const MAX_ENTITY_LEN: usize = 8;

/// True when `line` is markup and nothing else: tags, comments, character references
/// and whitespace (`<div class="inner">`, `</ul>`, `<li></li>`), none of it text for
/// a summary. A line without `<` or `&` is not.
pub(crate) fn is_markup_only(line: &str) -> bool {
    let bytes = line.as_bytes();
    let mut i = 0;
    let mut markup = false;
    while let Some(&b) = bytes.get(i) {
        let end = match b {
            b'<' => markup_end(bytes, i),
            b'&' => entity_end(bytes, i),
            _ if b.is_ascii_whitespace() => {
                i += 1;
                continue;
            }
            _ => return false,
        };
        if end == i + 1 {
            return false; // a `<` or `&` of text
        }
        markup = true;
        i = end;
    }
    markup
}

/// `line` without the closing tags at its end (`…닫았다.</p>`, `…연다</a></li>`), so
/// that what the line's text ends with can be read.
pub(crate) fn trim_closing_tags(line: &str) -> &str {
    let mut line = line.trim_end();
    while line.ends_with('>') {
        let bytes = line.as_bytes();
        let Some(lt) = bytes.iter().rposition(|&b| b == b'<') else {
            break;
        };
        if bytes.get(lt + 1) != Some(&b'/') || markup_end(bytes, lt) != bytes.len() {
            break;
        }
        line = line.get(..lt).unwrap_or_default().trim_end();
    }
    line
}

/// The elements whose content is no text of a page (`<style>`, `<script>`) and
/// comments, as the lines of a page's source: for each line inside one, from the line
/// after its opening to the line of its end, true. Openings are looked for in the
/// lines that start with `<`, as a page's source has them; one never closed in a later
/// line is text (a tech article's `<script> 태그`).
pub(crate) fn inside_raw_elements(lines: &[&str]) -> Vec<bool> {
    let mut inside = vec![false; lines.len()];
    // Per kind, true once its closing is known to be in no line after the one looked
    // from, nor so after any later one: each kind's lines are searched once at most.
    let mut unclosed = [false; RAW.len()];
    let mut i = 0;
    while i < lines.len() {
        let opening = Some(lines[i])
            .filter(|l| opens_tag(l))
            .and_then(raw_opening);
        let Some(kind) = opening.filter(|&k| !unclosed[k]) else {
            i += 1;
            continue;
        };
        let close = RAW[kind].1;
        match (i + 1..lines.len()).find(|&j| find(lines[j].as_bytes(), close, 0).is_some()) {
            Some(end) => {
                inside[i + 1..=end].iter_mut().for_each(|x| *x = true);
                i = end + 1;
            }
            None => {
                unclosed[kind] = true;
                i += 1;
            }
        }
    }
    inside
}

/// True when `line` starts with a `<`, after spaces.
pub(crate) fn opens_tag(line: &str) -> bool {
    line.as_bytes().trim_ascii_start().first() == Some(&b'<')
}

/// The elements and comments [`inside_raw_elements`] looks for: opening, closing.
const RAW: [(&[u8], &[u8]); 3] = [
    (b"<style", b"</style"),
    (b"<script", b"</script"),
    (b"<!--", b"-->"),
];

/// The kind ([`RAW`]) of the style or script element or comment that `line` opens and
/// does not close, if it does (tags in lower case, as pages write them).
fn raw_opening(line: &str) -> Option<usize> {
    let bytes = line.as_bytes();
    RAW.iter().position(|&(open, close)| {
        find(bytes, open, 0).is_some_and(|at| find(bytes, close, at).is_none())
    })
}

/// The index of the first `needle` in `hay` at or after `from`.
fn find(hay: &[u8], needle: &[u8], from: usize) -> Option<usize> {
    hay.get(from..)?
        .windows(needle.len())
        .position(|w| w == needle)
        .map(|k| from + k)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn lines_of_markup_alone_are_told() {
        for line in [
            "<div class=\"inner\">",
            "</ul>",
            "<li></li>",
            "&nbsp; <br>",
            "<!-- x -->",
        ] {
            assert!(is_markup_only(line), "{line:?}");
        }
        for line in ["", "<b>속보</b>", "a < b", "R&D", "<조선일보>"] {
            assert!(!is_markup_only(line), "{line:?}");
        }
    }

    #[test]
    fn closing_tags_at_a_line_end_are_trimmed() {
        assert_eq!(trim_closing_tags("문을 닫았다.</p>"), "문을 닫았다.");
        assert_eq!(trim_closing_tags("연다</a></li> "), "연다");
        assert_eq!(trim_closing_tags("<조선일보>"), "<조선일보>");
        assert_eq!(trim_closing_tags("a <b>"), "a <b>");
    }

    #[test]
    fn lines_inside_styles_scripts_and_comments_are_told() {
        let lines = [
            "<style>",
            "body { margin: 0; }",
            "</style>",
            "<p>본문이다.</p>",
            "<!-- 설명",
            "문장 같은 주석이다.",
            "-->",
            "<script> 태그는 닫히지 않았다.",
            "본문이다.",
        ];
        assert_eq!(
            inside_raw_elements(&lines),
            [false, true, true, false, false, true, true, false, false]
        );
        // Openings never closed: each kind's lines are searched once, not once per
        // opening (20,000 of them took seconds so).
        let lines = vec!["<!-- 닫히지 않는 주석"; 20_000];
        assert!(inside_raw_elements(&lines).iter().all(|&x| !x));
    }

    /// What `markup_end` skips at the first `<` of `text`.
    fn skipped(text: &str) -> &str {
        let i = text.find('<').expect("a <");
        &text[i..markup_end(text.as_bytes(), i)]
    }

    #[test]
    fn tags_comments_and_scripts_are_skipped() {
        assert_eq!(skipped("<b>속보</b>"), "<b>");
        assert_eq!(skipped("속보</b> 오늘"), "</b>");
        assert_eq!(
            skipped("<IMG src=x onerror=\"a()\">행사"),
            "<IMG src=x onerror=\"a()\">"
        );
        assert_eq!(skipped("<br/>다음"), "<br/>");
        assert_eq!(skipped("<!-- 주석 -->본문"), "<!-- 주석 -->");
        assert_eq!(
            skipped("<script>window.x = 1 < 2;</script>축제는"),
            "<script>window.x = 1 < 2;</script>"
        );
        assert_eq!(
            skipped("<Style type=x>b{}</STYLE>글"),
            "<Style type=x>b{}</STYLE>"
        );
    }

    #[test]
    fn markup_ends_after_its_start_on_a_char_boundary() {
        // Random texts of the characters markup is made of, and Hangul.
        let alphabet: Vec<char> = "<<>/!-- scriptSTYLEbimg=\"가나다\n&&;#x1".chars().collect();
        let mut seed = 0x2545_f491_4f6c_dd1d_u64;
        for _ in 0..20_000 {
            let len = (seed % 24) as usize;
            let text: String = (0..len)
                .map(|_| {
                    seed ^= seed << 13;
                    seed ^= seed >> 7;
                    seed ^= seed << 17;
                    alphabet[(seed % alphabet.len() as u64) as usize]
                })
                .collect();
            for (i, c) in text.match_indices(['<', '&']) {
                let end = if c == "<" {
                    markup_end(text.as_bytes(), i)
                } else {
                    entity_end(text.as_bytes(), i)
                };
                assert!(
                    end > i && end <= text.len() && text.is_char_boundary(end),
                    "{text:?} {i}"
                );
            }
            crate::normalize::terms(&text, |_| {});
        }
    }

    #[test]
    fn character_references_are_skipped_and_ampersands_in_text_are_not() {
        let skipped = |text: &str| {
            let i = text.find('&').expect("a &");
            text[i..entity_end(text.as_bytes(), i)].to_string()
        };
        for (text, want) in [
            ("&nbsp;클라우드", "&nbsp;"),
            ("A&amp;B", "&amp;"),
            ("&#39;인용&#39;", "&#39;"),
            ("&#x27;인용", "&#x27;"),
            ("&#X1F600;", "&#X1F600;"),
            ("R&D 투자", "&"),
            ("M&A 시장", "&"),
            ("&", "&"),
            ("&#;", "&"),
            ("&nbsp", "&"),
            ("&verylongname;", "&"),
            ("& 가나", "&"),
        ] {
            assert_eq!(skipped(text), want, "{text:?}");
        }
    }

    #[test]
    fn text_in_angle_brackets_is_not_markup() {
        for text in [
            "<조선일보> 보도",
            "<Parasite> 개봉",
            "a < b 이다",
            "<2면에 계속>",
            "<b 로 끝나는 줄",
            "<!-- 닫히지 않은 주석",
            "<",
            "</",
        ] {
            assert_eq!(skipped(text), "<", "{text:?}");
        }
        // An element never closed: only its opening tag goes.
        assert_eq!(skipped("<script>alert(1)"), "<script>");
    }
}
