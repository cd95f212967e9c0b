//! Lines that are part of a page but never part of a summary: bylines, e-mail
//! addresses, photo captions, copyright and subscription lines, bare dates.
//!
//! [`is_boilerplate`] looks only at the sentence itself, with cues that hold across
//! outlets (no per-site rules): markers such as `ⓒ`, `무단 전재`, `(사진=`, a `기자`
//! title next to a name or an e-mail address, and sentences made mostly of digits.

/// Phrases that mark copyright, subscription and navigation lines (matched as is).
const MARKERS: &[&str] = &[
    "ⓒ",
    "©",
    "무단 전재",
    "무단전재",
    "재배포 금지",
    "재배포금지",
    "구독하기",
    "뉴스레터",
    "기사제보",
    "제보하기",
    "저작권자",
    "좋아요",
    "공유하기",
    "기사 보기",
    "기사보기",
    "바로가기",
    "많이 본 뉴스",
];

/// English markers, matched ignoring ASCII case.
const ASCII_MARKERS: &[&str] = &["copyright", "all rights reserved"];

/// Phrases that mark photo and graphic captions.
const CAPTION_MARKERS: &[&str] = &[
    "(사진=",
    "(사진 =",
    "[사진=",
    "/사진=",
    "사진제공",
    "사진 제공",
    "(그래픽=",
    "(자료=",
    "(이미지=",
    "(출처=",
    "/연합뉴스",
    "(연합뉴스)",
    "사진=연합",
];

/// True for sentences that should never be chosen for a summary.
pub fn is_boilerplate(sentence: &str) -> bool {
    let s = sentence.trim();
    if s.is_empty() {
        return true;
    }
    // One pass over the bytes: count chars and letters, and look for markers where
    // they can start. ASCII and Hangul syllables (nearly every char) are read in
    // place; other chars are decoded.
    let bytes = s.as_bytes();
    let (mut chars, mut letters) = (0usize, 0usize);
    let mut i = 0;
    while i < bytes.len() {
        let b = bytes[i];
        chars += 1;
        if b < 0x80 {
            letters += usize::from(b.is_ascii_alphabetic());
            if may_start_ascii_marker(b) && marker_at(char::from(b), &bytes[i..]) {
                return true;
            }
            i += 1;
            continue;
        }
        if let Some(cp) = crate::unicode::syllable_at(bytes, i) {
            letters += 1;
            if may_start_marker_cp(cp) && marker_at(char::from_u32(cp).unwrap_or('\0'), &bytes[i..])
            {
                return true;
            }
            i += 3;
            continue;
        }
        let c = s[i..].chars().next().unwrap_or('\0');
        letters += usize::from(c.is_alphabetic());
        if may_start_marker(c) && marker_at(c, &bytes[i..]) {
            return true;
        }
        i += c.len_utf8();
    }
    // e-mail address in a short line: a byline ("홍길동 기자 hong@example.com").
    if chars <= 60 && s.contains('@') && has_email(s) {
        return true;
    }
    // "[가상일보 김하늘 기자]" or "김하늘 기자" alone: a byline.
    // "[서울=가상뉴스]": a dateline.
    if chars <= 40 && s.starts_with('[') && s.ends_with(']') && s.contains('=') {
        return true;
    }
    if chars <= 40 && (s.ends_with("기자") || s.ends_with("기자]") || s.ends_with("특파원"))
    {
        return true;
    }
    // Dates, times and numbers with little text.
    letters * 3 < chars
}

/// True when `s` contains any of [`MARKERS`] or [`CAPTION_MARKERS`], or any of
/// [`ASCII_MARKERS`] ignoring ASCII case.
#[cfg(test)]
fn has_marker(s: &str) -> bool {
    s.char_indices()
        .any(|(i, c)| may_start_marker(c) && marker_at(c, &s.as_bytes()[i..]))
}

/// True for the chars that some marker starts with (a cheap test made on every char:
/// the markers themselves are compared only where it passes).
fn may_start_marker(c: char) -> bool {
    if c.is_ascii() {
        may_start_ascii_marker(c as u8)
    } else {
        may_start_marker_cp(c as u32)
    }
}

/// [`may_start_marker`] for a non-ASCII code point: two one-word filters on its bits
/// first (most chars fail them), then the list.
fn may_start_marker_cp(c: u32) -> bool {
    FIRST_MASK[0] & (1 << (c % 64)) != 0
        && FIRST_MASK[1] & (1 << ((c / 64) % 64)) != 0
        && FIRST_CHARS
            .binary_search(&char::from_u32(c).unwrap_or('\0'))
            .is_ok()
}

/// [`may_start_marker`] for an ASCII byte.
fn may_start_ascii_marker(b: u8) -> bool {
    matches!(b, b'(' | b'[' | b'/' | b'c' | b'C' | b'a' | b'A')
}

/// Bit `c % 64`, and bit `(c / 64) % 64`, set for each char `c` of [`FIRST_CHARS`].
const FIRST_MASK: [u64; 2] = {
    let mut mask = [0u64; 2];
    let mut i = 0;
    while i < FIRST_CHARS.len() {
        let c = FIRST_CHARS[i] as u32;
        mask[0] |= 1 << (c % 64);
        mask[1] |= 1 << ((c / 64) % 64);
        i += 1;
    }
    mask
};

/// True when `rest`, which starts with `first`, starts with a marker.
fn marker_at(first: char, rest: &[u8]) -> bool {
    if first.is_ascii_alphabetic() {
        return ASCII_MARKERS
            .iter()
            .any(|m| rest.len() >= m.len() && rest[..m.len()].eq_ignore_ascii_case(m.as_bytes()));
    }
    markers_from(first)
        .iter()
        .any(|m| rest.starts_with(m.as_bytes()))
}

/// The markers (of [`MARKERS`] and [`CAPTION_MARKERS`]) that start with `first`.
fn markers_from(first: char) -> &'static [&'static str] {
    static BY_FIRST: std::sync::OnceLock<Vec<(char, Vec<&'static str>)>> =
        std::sync::OnceLock::new();
    let table = BY_FIRST.get_or_init(|| {
        let mut table: Vec<(char, Vec<&'static str>)> = Vec::new();
        for &m in MARKERS.iter().chain(CAPTION_MARKERS) {
            let c = m.chars().next().unwrap_or(' ');
            match table.iter_mut().find(|(first, _)| *first == c) {
                Some((_, list)) => list.push(m),
                None => table.push((c, vec![m])),
            }
        }
        table.sort_by_key(|&(c, _)| c);
        table
    });
    table
        .binary_search_by_key(&first, |&(c, _)| c)
        .map_or(&[], |i| &table[i].1)
}

/// The non-ASCII chars that a marker starts with, sorted (a test checks that every
/// marker starts with one of these or with an ASCII char [`has_marker`] tries).
const FIRST_CHARS: &[char] = &[
    '©', 'ⓒ', '공', '구', '기', '뉴', '많', '무', '바', '사', '재', '저', '제', '좋',
];

/// True when `haystack` contains the lowercase ASCII `needle`, ignoring ASCII case
/// (the plain search that [`has_marker`] is tested against).
#[cfg(test)]
fn contains_ignore_ascii_case(haystack: &str, needle: &str) -> bool {
    let (h, n) = (haystack.as_bytes(), needle.as_bytes());
    let Some(&first) = n.first() else {
        return true;
    };
    h.len() >= n.len()
        && (0..=h.len() - n.len()).any(|i| {
            h[i].to_ascii_lowercase() == first && h[i..i + n.len()].eq_ignore_ascii_case(n)
        })
}

/// True for a line that is only a photo credit (`(사진=해오름시 제공)`): the line
/// before it is then the caption text, split off by the `.` that ends it.
pub fn is_caption_credit(sentence: &str) -> bool {
    let s = sentence.trim();
    CAPTION_MARKERS.iter().any(|m| s.starts_with(m)) && s.chars().count() <= 40
}

fn has_email(s: &str) -> bool {
    s.split(|c: char| c.is_whitespace() || matches!(c, '(' | ')' | '[' | ']' | '<' | '>'))
        .any(|w| {
            let mut parts = w.splitn(2, '@');
            match (parts.next(), parts.next()) {
                (Some(user), Some(host)) => !user.is_empty() && host.contains('.'),
                _ => false,
            }
        })
}

#[cfg(test)]
mod tests {
    use super::*;

    macro_rules! meta {
        ($($s:literal => $want:literal),* $(,)?) => {$(
            assert_eq!(is_boilerplate($s), $want, "is_boilerplate({:?})", $s);
        )*};
    }

    #[test]
    fn meta_lines_are_recognized() {
        meta! {
            "[가상일보 김하늘 기자]" => true,
            "[서울=가상뉴스]" => true,
            "이성훈 sinawi@hanmail.net" => true,
            "ⓒ 가상일보 무단 전재 및 재배포 금지" => true,
            "Copyright 2025 Example News. All Rights Reserved." => true,
            "시민들이 광장을 걷고 있다. (사진=김하늘 기자)" => true,
            "2024-04-12 17:55:46 2024-04-12 17:55:46" => true,
            "지난 뉴스레터 보기 구독하기" => true,
        }
    }

    #[test]
    fn photo_credits_are_recognized() {
        let cases = [
            ("(사진=해오름시 제공)", true),
            ("[사진=김하늘 기자]", true),
            ("(사진=해오름시 제공) 시는 이날 설명회를 열어 입주 절차와 심사 기준을 안내했고 주민 의견도 들었다.", false),
            ("시는 사진 공모전을 연다.", false),
        ];
        for (line, want) in cases {
            assert_eq!(is_caption_credit(line), want, "is_caption_credit({line:?})");
        }
    }

    #[test]
    fn marker_scan_matches_plain_search() {
        assert!(FIRST_CHARS.windows(2).all(|w| w[0] < w[1]));
        for m in MARKERS.iter().chain(CAPTION_MARKERS).chain(ASCII_MARKERS) {
            let c = m.chars().next().unwrap();
            assert!(
                FIRST_CHARS.contains(&c) || "([/cCaA".contains(c),
                "marker {m:?} starts with a char has_marker does not try"
            );
        }
        let plain = |s: &str| {
            MARKERS.iter().any(|m| s.contains(m))
                || ASCII_MARKERS
                    .iter()
                    .any(|m| contains_ignore_ascii_case(s, m))
                || CAPTION_MARKERS.iter().any(|m| s.contains(m))
        };
        for s in [
            "ⓒ 가상일보 무단 전재 및 재배포 금지",
            "COPYRIGHT 2025",
            "All Rights  Reserved",
            "all rights reserved.",
            "시민들이 광장을 걷고 있다. (사진=김하늘 기자)",
            "시민들이 광장을 걷고 있다 /연합뉴스",
            "무단으로 재배포하면 안 된다",
            "좋아한다 공유한다 바로 간다",
            "",
            "a",
            "사진",
        ] {
            assert_eq!(has_marker(s), plain(s), "{s:?}");
        }
    }

    #[test]
    fn ordinary_sentences_are_kept() {
        meta! {
            "정부가 클라우드 산업을 핵심 인프라로 육성하기로 했다." => false,
            "매출은 3.5% 늘어난 1조 2000억원을 기록했다." => false,
            "김 기자는 현장에서 이 사실을 확인했다고 밝혔다." => false,
        }
    }
}
