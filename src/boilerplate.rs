//! Lines that are part of a page but never part of a summary: bylines, e-mail
//! addresses, photo captions, copyright and subscription lines, bare dates.
//!
//! [`is_boilerplate`] looks only at the sentence itself, with cues that hold across
//! outlets (no per-site rules): markers such as `ⓒ`, `무단 전재`, `(사진=`, a `기자`
//! title next to a name or an e-mail address, and sentences made mostly of digits.

/// Phrases that mark copyright lines (matched as is), wherever they are in a line.
const MARKERS: &[&str] = &[
    "무단 전재",
    "무단전재",
    "재배포 금지",
    "재배포금지",
    "ⓒ",
    "©",
];

/// Phrases that say a copyright notice ([`is_copyright_notice`]): `ⓒ` alone does not
/// (photo credits have it).
const NOTICES: &[&str] = &[
    "무단 전재",
    "무단전재",
    "재배포 금지",
    "재배포금지",
    "저작권자",
];

/// Words of a page's subscription and navigation lines (matched as is): they make a line
/// page furniture (`지난 뉴스레터 보기 구독하기`, `좋아요 12`) unless it reads as a sentence of
/// prose ([`reads_as_prose`]), which may well be about a newsletter or likes
/// (`시는 소식지를 뉴스레터로 바꿔 매주 보낸다.`).
const NAVIGATION: &[&str] = &[
    "저작권자",
    "구독하기",
    "뉴스레터",
    "기사제보",
    "제보하기",
    "좋아요",
    "공유하기",
    "기사 보기",
    "기사보기",
    "바로가기",
    "기사 더보기",
    "기사더보기",
    "구독하세요",
    "많이 본 뉴스",
];

/// English markers, matched ignoring ASCII case (both say a copyright notice).
const ASCII_MARKERS: &[&str] = &["copyright", "all rights reserved"];

/// Phrases that mark photo and graphic captions.
/// (`사진=` in any bracket, or none: `(사진=`, `[사진=`, `/사진=`, `사진=연합뉴스`.)
/// The last [`SOURCE_NOTES`], a source named, also end sentences of prose (`…늘었다(자료=
/// 통계청).`): in a line that reads as prose ([`reads_as_prose`]) they mark nothing.
const CAPTION_MARKERS: &[&str] = &[
    "사진=",
    "사진 =",
    "사진제공",
    "사진 제공",
    "(그래픽=",
    "/그래픽=",
    "(이미지=",
    "/연합뉴스",
    "(연합뉴스)",
    "(자료=",
    "(출처=",
];

/// How many of [`CAPTION_MARKERS`], at its end, name a source.
const SOURCE_NOTES: usize = 2;

/// True for sentences that should never be chosen for a summary.
pub fn is_boilerplate(sentence: &str) -> bool {
    shape_unless_boilerplate(sentence).is_none()
}

/// What [`shape_unless_boilerplate`] tells of a sentence that is no boilerplate, from its
/// pass over every char, for [`crate::rank`]'s form weight and caption test: the counts of
/// [`crate::unicode::non_space_counts`] and [`crate::rank::double_quotes`] of the
/// sentence up to `end`, where its trailing whitespace starts, and its length in chars
/// (a test checks).
#[derive(Clone, Copy, Debug, Default, PartialEq)]
pub(crate) struct Shape {
    /// Its chars less the ASCII whitespace.
    pub(crate) chars: usize,
    /// Its chars with the lead byte C2, E1, E2 or E3 (which every other whitespace char
    /// has).
    pub(crate) leads: usize,
    /// Its double quote marks: `"`, `“` and `”`.
    pub(crate) quotes: usize,
    /// The byte where its trailing whitespace starts.
    pub(crate) end: usize,
    /// Its chars, trimmed ([`crate::unicode::trim`]), whitespace and all.
    pub(crate) trimmed_chars: usize,
    /// Its vertical tabs (U+000B), whitespace here and chars to the quotation test
    /// ([`crate::rank`]'s `quoted_share`).
    pub(crate) vertical_tabs: usize,
}

/// [`is_boilerplate`]: `None` for boilerplate, else the sentence's [`Shape`].
pub(crate) fn shape_unless_boilerplate(sentence: &str) -> Option<Shape> {
    let s = crate::unicode::trim(sentence);
    if s.is_empty() {
        return None;
    }
    let Counts {
        chars,
        letters,
        last_slash,
        unless_prose,
        spaces,
        leads,
        quotes,
        vertical_tabs,
    } = chars_and_letters_unless_marker(s)?;
    if unless_prose && !reads_as_prose(s, chars) {
        return None;
    }
    // e-mail address in a short line: a byline ("홍길동 기자 hong@example.com").
    if chars <= 60 && s.contains('@') && has_email(s) {
        return None;
    }
    // "[가상일보 김하늘 기자]" or "김하늘 기자" alone: a byline.
    // "[서울=가상뉴스]": a dateline.
    if chars <= 40 && s.starts_with('[') && s.ends_with(']') && s.contains('=') {
        return None;
    }
    // "(대전=가상뉴스) 김하늘 기자 =": a dateline and byline before the lead, cut off;
    // also closed by `)` or a separator (`(가상테크=김하늘 기자)`, `[가상] 김하늘 기자 |`).
    let bytes = s.as_bytes();
    let end = bytes.len()
        - bytes
            .iter()
            .rev()
            .take_while(|&&b| matches!(b, b'=' | b' ' | b')' | b'|'))
            .count();
    // A reporter's box keeps its buttons on the byline's line (`김하늘 기자 구독`).
    if chars <= 40 {
        let name_end = without_buttons(s.get(..end).unwrap_or(s));
        if name_end.ends_with("기자") || name_end.ends_with("특파원") || s.ends_with("기자]")
        {
            return None;
        }
    }
    if chars <= 30 && is_broadcast_byline(s) {
        return None;
    }
    if is_lone_credit(s)
        || is_hashtag_line(s)
        || is_enclosure_note(s)
        || is_reference_entry(s)
        // A subtitle's timing line, `00:01:02,345 --> 00:01:04,000` (a WebVTT cue's
        // settings after it, `align:start position:0%`, were a subtitle file's keywords).
        || crate::transcript::is_timing_line(s)
    {
        return None;
    }
    // A wire photo's caption: "… 모습. 2024.4.12/가상뉴스".
    if last_slash.is_some_and(|at| ends_with_dated_credit(s, at)) {
        return None;
    }
    // A caption with its credit on its line: "…장을 보고 있다. 연합뉴스".
    if is_credited_caption(s) || is_note_on_the_article(s) {
        return None;
    }
    // Dates, times and numbers with little text.
    if letters * 3 < chars {
        return None;
    }
    // The counts from the sentence's start: with its leading whitespace (most often
    // none), whose chars other than ASCII count among both the chars and the leads, and
    // whose vertical tabs count (`s` is a part of `sentence`: where it starts, from their
    // addresses).
    let start = s.as_ptr() as usize - sentence.as_ptr() as usize;
    let (mut wide, mut leading_tabs) = (0, 0);
    for &b in &sentence.as_bytes()[..start] {
        wide += usize::from(b >= 0xC0);
        leading_tabs += usize::from(b == 0x0B);
    }
    Some(Shape {
        chars: chars - spaces + wide,
        leads: leads + wide,
        quotes,
        end: start + s.len(),
        trimmed_chars: chars,
        vertical_tabs: vertical_tabs + leading_tabs,
    })
}

/// True when `s`, whose last `/` is at byte `slash`, ends with a date and a credit after
/// that slash, as wire photo captions do (`2024.04.12/가상뉴스`, `2024.4.12./가상뉴스`):
/// year, month and day joined by dots, and a credit of at most 60 bytes without spaces.
/// (Read by hand, backwards: `str` splitting costs 2 KB of wasm.)
#[inline(never)]
fn ends_with_dated_credit(s: &str, slash: usize) -> bool {
    let b = s.as_bytes();
    let credit = b.get(slash + 1..).unwrap_or_default();
    if credit.is_empty() || credit.len() > 60 || credit.contains(&b' ') {
        return false;
    }
    let mut at = slash;
    while at > 0 && b[at - 1] == b' ' {
        at -= 1;
    }
    if at > 0 && b[at - 1] == b'.' {
        at -= 1;
    }
    // The day, then the month (one or two digits, each after a dot), then the year.
    for field in 0..3 {
        let end = at;
        while at > 0 && b[at - 1].is_ascii_digit() {
            at -= 1;
        }
        let digits = end - at;
        if field == 2 {
            return digits == 4;
        }
        if digits == 0 || digits > 2 || at == 0 || b[at - 1] != b'.' {
            return false;
        }
        at -= 1;
    }
    false
}

/// The number of chars of `s`, how many of them are letters and where its last `/` is,
/// or `None` as soon as a marker ([`ALL_MARKERS`], [`ASCII_MARKERS`]) starts in it.
///
/// One pass over the bytes that tells three kinds of char apart: ASCII (a letter test
/// and a marker test by one load of [`ASCII_CLASS`]), Hangul syllables (nearly all of
/// Korean text: decoded in place, and a test for a marker's first char,
/// [`FIRST_SYLLABLES`]) and other chars (rare: [`other_char_unless_marker`]). The
/// chars are counted at the end: the length less the bytes after each char's first.
///
/// Runs of ASCII and of Hangul words are read by functions of their own: V8 tiers a
/// function up by the length of its loops' code times their rounds, and one loop over
/// every char went hot in the first summary of an article (DESIGN.md, Cold start).
fn chars_and_letters_unless_marker(s: &str) -> Option<Counts> {
    let bytes = s.as_bytes();
    let mut tally = Tally::default();
    let mut i = 0;
    while let Some(&b) = bytes.get(i) {
        i = if b < 0x80 {
            ascii_run(bytes, i, &mut tally)?
        } else if crate::unicode::syllable_at(bytes, i).is_some() {
            hangul_run(bytes, i, &mut tally)?
        } else {
            let (len, letter) = other_char_unless_marker(s, i)?;
            tally.letters += usize::from(letter);
            tally.leads += usize::from(matches!(b, 0xC2 | 0xE1..=0xE3));
            tally.quotes += usize::from(matches!(bytes[i..], [0xE2, 0x80, 0x9C | 0x9D, ..]));
            tally.trailing += len - 1;
            i + len
        };
    }
    Some(Counts {
        chars: bytes.len() - 2 * tally.syllables - tally.trailing,
        letters: tally.letters + tally.syllables,
        last_slash: tally.last_slash,
        unless_prose: tally.unless_prose,
        spaces: tally.spaces,
        leads: tally.leads,
        quotes: tally.quotes,
        vertical_tabs: tally.vertical_tabs,
    })
}

/// What [`chars_and_letters_unless_marker`] has counted so far.
#[derive(Default)]
struct Tally {
    /// Hangul syllables.
    syllables: usize,
    /// Letters other than syllables.
    letters: usize,
    /// The bytes after the first of each char that is neither ASCII nor a syllable.
    trailing: usize,
    last_slash: Option<usize>,
    unless_prose: bool,
    /// ASCII whitespace.
    spaces: usize,
    /// [`Shape::leads`].
    leads: usize,
    /// [`Shape::quotes`].
    quotes: usize,
    /// [`Shape::vertical_tabs`].
    vertical_tabs: usize,
}

/// Counts the run of ASCII chars at byte `i` of `bytes` into `tally` and returns where
/// it ends, or `None` when a marker that marks prose too starts in it.
#[inline(never)]
fn ascii_run(bytes: &[u8], mut i: usize, tally: &mut Tally) -> Option<usize> {
    while let Some(&b) = bytes.get(i).filter(|b| b.is_ascii()) {
        let class = ASCII_CLASS[usize::from(b)];
        tally.letters += usize::from(class & LETTER);
        // One test for the rarer bytes (`/` starts markers, so it is looked at here
        // anyway).
        if class & (MARKER_START | SPACE | QUOTE) != 0 {
            tally.spaces += usize::from(class & SPACE != 0);
            tally.quotes += usize::from(class & QUOTE != 0);
            tally.vertical_tabs += usize::from(class & VERTICAL_TAB != 0);
            if class & MARKER_START != 0 {
                if b == b'/' {
                    tally.last_slash = Some(i);
                }
                match ascii_marker_at(b, &bytes[i..]) {
                    Some(m) if m >= FIRST_UNLESS_PROSE => tally.unless_prose = true,
                    Some(_) => return None,
                    None => {}
                }
            }
        }
        i += 1;
    }
    Some(i)
}

/// [`ascii_run`] for a run of Hangul syllables and spaces (most of a Korean line), and
/// the other ASCII chars in it but `/` (`2024년`, `AI`, `,`, `(`), counted and searched
/// for markers as `ascii_run` does: each such char had ended the run, and the next
/// started another after a call of `ascii_run` (the seed's sentences had 6.3 runs
/// each, 1.3 now).
#[inline(never)]
fn hangul_run(bytes: &[u8], i: usize, tally: &mut Tally) -> Option<usize> {
    let mut rest = bytes.get(i..).unwrap_or_default();
    // ASCII whitespace, other ASCII bytes and ASCII letters.
    let (mut spaces, mut other, mut letters) = (0, 0, 0);
    loop {
        rest = rest.get(words(rest, &mut spaces)..).unwrap_or_default();
        match *rest {
            // A syllable that may start a marker.
            [b0, b1, b2, ..] if b0 >= 0xE0 => {
                let Some(index) = crate::unicode::syllable_index(b0, b1, b2) else {
                    break;
                };
                let first = FIRST_SYLLABLES[usize::from(index)];
                match syllable_marker_at(first, rest) {
                    Some(m) if m >= FIRST_UNLESS_PROSE => tally.unless_prose = true,
                    Some(_) => return None,
                    None => {}
                }
                rest = rest.get(3..).unwrap_or_default();
                continue;
            }
            // Other ASCII, as `ascii_run` reads it (`/`, whose place it notes, ends the
            // run).
            [b, ..] if b.is_ascii() && b != b'/' => {
                let class = ASCII_CLASS[usize::from(b)];
                let space = usize::from(class & SPACE != 0);
                spaces += space;
                other += 1 - space;
                letters += usize::from(class & LETTER);
                // (One test for all three: no marker starts with a `"` or a vertical
                // tab.)
                if class & (MARKER_START | QUOTE | VERTICAL_TAB) != 0 {
                    tally.quotes += usize::from(class & QUOTE != 0);
                    tally.vertical_tabs += usize::from(class & VERTICAL_TAB != 0);
                    match ascii_marker_at(b, rest) {
                        Some(m) if m >= FIRST_UNLESS_PROSE => tally.unless_prose = true,
                        Some(_) => return None,
                        None => {}
                    }
                }
            }
            _ => break,
        }
        rest = rest.get(1..).unwrap_or_default();
    }
    // The syllables, counted from the run's bytes.
    let end = bytes.len() - rest.len();
    tally.syllables += (end - i - spaces - other) / 3;
    tally.spaces += spaces;
    tally.letters += letters;
    Some(end)
}

/// The length of the Hangul words a space apart that `bytes` starts with, up to a
/// syllable that may start a marker ([`FIRST_SYLLABLES`]) or another char, its spaces
/// added to `spaces`: [`hangul_run`]'s loop over most of a line, in a function of its
/// own so that it keeps its few values in registers (V8 kept the run's counters there
/// and spilled the loop's, about 30 machine instructions a syllable).
#[inline(never)]
fn words(bytes: &[u8], spaces: &mut usize) -> usize {
    // Read through a shrinking slice: one length test a syllable, where an index
    // takes two (the end, and the index plus three overflowing).
    let mut rest = bytes;
    loop {
        while let [b0, b1, b2, ..] = *rest {
            match crate::unicode::syllable_index(b0, b1, b2) {
                Some(index) if FIRST_SYLLABLES[usize::from(index)] == 0 => {}
                _ => break,
            }
            rest = rest.get(3..).unwrap_or_default();
        }
        // A space (no letter, no marker start: a test checks), most often between two
        // words.
        let [b' ', after @ ..] = rest else {
            return bytes.len() - rest.len();
        };
        *spaces += 1;
        rest = after;
    }
}

/// What [`chars_and_letters_unless_marker`] finds in a line without a copyright or
/// caption marker.
#[derive(Debug, PartialEq)]
struct Counts {
    /// Its chars.
    chars: usize,
    /// Its letters (Hangul syllables and other alphabetic chars).
    letters: usize,
    /// The byte offset of its last `/`.
    last_slash: Option<usize>,
    /// True when it has a marker that marks nothing in a line of prose: a word of
    /// [`NAVIGATION`] or a source note ([`SOURCE_NOTES`]).
    unless_prose: bool,
    /// Its ASCII whitespace.
    spaces: usize,
    /// [`Shape::leads`].
    leads: usize,
    /// [`Shape::quotes`].
    quotes: usize,
    /// [`Shape::vertical_tabs`].
    vertical_tabs: usize,
}

/// Lines with a word of [`NAVIGATION`] or a source note ([`SOURCE_NOTES`]) this long or
/// longer that end like a sentence are prose; page furniture is shorter (`이 기사를
/// 구독하세요.`).
const MIN_PROSE_CHARS: usize = 20;

/// True when the line `s` of `chars` chars reads as a sentence of prose: long enough,
/// and ending like one ([`crate::rank::ends_like_sentence`]).
fn reads_as_prose(s: &str, chars: usize) -> bool {
    chars >= MIN_PROSE_CHARS && crate::rank::ends_like_sentence(crate::rank::trim_closers(s))
}

/// [`ASCII_CLASS`] bit of the ASCII letters.
const LETTER: u8 = 1;
/// [`ASCII_CLASS`] bit of the bytes that [`may_start_ascii_marker`].
const MARKER_START: u8 = 2;
/// [`ASCII_CLASS`] bit of the whitespace bytes.
const SPACE: u8 = 4;
/// [`ASCII_CLASS`] bit of `"` ([`Shape::quotes`]).
const QUOTE: u8 = 8;
/// [`ASCII_CLASS`] bit of the vertical tab ([`Shape::vertical_tabs`]).
const VERTICAL_TAB: u8 = 16;
/// The class bits of each ASCII byte: one load answers both questions.
const ASCII_CLASS: [u8; 128] = {
    let mut class = [0u8; 128];
    let mut b = 0;
    while b < 128 {
        let byte = b as u8;
        if byte.is_ascii_alphabetic() {
            class[b] |= LETTER;
        }
        if may_start_ascii_marker(byte) {
            class[b] |= MARKER_START;
        }
        if matches!(byte, b'\t'..=b'\r' | b' ') {
            class[b] |= SPACE;
        }
        if byte == b'"' {
            class[b] |= QUOTE;
        }
        if byte == 0x0B {
            class[b] |= VERTICAL_TAB;
        }
        b += 1;
    }
    class
};

/// The UTF-8 length of the char at byte `i` of `s`, neither ASCII nor a Hangul
/// syllable, and whether it is a letter, or `None` when a marker starts with it. Not
/// inlined: such chars are rare, and the decoding inlined takes registers that the loop
/// over the common chars needs.
#[inline(never)]
fn other_char_unless_marker(s: &str, i: usize) -> Option<(usize, bool)> {
    let c = s
        .get(i..)
        .and_then(|rest| rest.chars().next())
        .unwrap_or('\0');
    // (No navigation word starts with such a char.)
    let marker = marker_at(c as u32, &s.as_bytes()[i..]).is_some();
    // The quotes, dashes, `…` and `·` of Korean text are no letters (a test checks),
    // told without the standard library's search of its Unicode table.
    let letter = !matches!(c, '\u{2000}'..='\u{206F}' | '·') && c.is_alphabetic();
    (!marker).then_some((c.len_utf8(), letter))
}

/// True when `s` contains any of [`MARKERS`] or [`CAPTION_MARKERS`], or any of
/// [`ASCII_MARKERS`] ignoring ASCII case.
#[cfg(test)]
fn has_marker(s: &str) -> bool {
    s.char_indices().any(|(i, c)| {
        let rest = &s.as_bytes()[i..];
        if c.is_ascii() {
            may_start_ascii_marker(c as u8) && ascii_marker_at(c as u8, rest).is_some()
        } else {
            marker_at(c as u32, rest).is_some()
        }
    })
}

/// [`MARKERS`], [`CAPTION_MARKERS`] and [`NAVIGATION`] in one list, for
/// [`STARTING_WITH`]; the navigation words from [`FIRST_NAVIGATION`] on.
const ALL_MARKERS: [&str; FIRST_NAVIGATION + NAVIGATION.len()] = {
    let mut all = [""; FIRST_NAVIGATION + NAVIGATION.len()];
    let mut m = 0;
    while m < all.len() {
        all[m] = if m < MARKERS.len() {
            MARKERS[m]
        } else if m < FIRST_NAVIGATION {
            CAPTION_MARKERS[m - MARKERS.len()]
        } else {
            NAVIGATION[m - FIRST_NAVIGATION]
        };
        m += 1;
    }
    all
};

/// Where the [`NAVIGATION`] words start in [`ALL_MARKERS`].
const FIRST_NAVIGATION: usize = MARKERS.len() + CAPTION_MARKERS.len();

/// Where the markers start in [`ALL_MARKERS`] that mark nothing in a line of prose: the
/// source notes of [`CAPTION_MARKERS`], then the [`NAVIGATION`] words.
const FIRST_UNLESS_PROSE: usize = FIRST_NAVIGATION - SOURCE_NOTES;

/// The chars that a marker of [`ALL_MARKERS`] starts with, sorted.
const FIRST_CHARS: &[char] = &[
    '(', '/', '©', 'ⓒ', '공', '구', '기', '뉴', '많', '무', '바', '사', '재', '저', '제', '좋',
];

/// For each char of [`FIRST_CHARS`], bit `m` set when `ALL_MARKERS[m]` starts with it
/// (made at compile time, which also checks that every marker starts with one).
const STARTING_WITH: [u32; FIRST_CHARS.len()] = {
    let mut masks = [0u32; FIRST_CHARS.len()];
    let mut every = 0u32;
    let mut m = 0;
    while m < ALL_MARKERS.len() {
        // The first char of the marker (of at most three bytes), decoded.
        let b = ALL_MARKERS[m].as_bytes();
        let first = if b[0] < 0x80 {
            b[0] as u32
        } else if b[0] < 0xE0 {
            ((b[0] as u32 & 0x1F) << 6) | (b[1] as u32 & 0x3F)
        } else {
            ((b[0] as u32 & 0x0F) << 12) | ((b[1] as u32 & 0x3F) << 6) | (b[2] as u32 & 0x3F)
        };
        let mut k = 0;
        while k < FIRST_CHARS.len() {
            if FIRST_CHARS[k] as u32 == first {
                masks[k] |= 1 << m;
                every |= 1 << m;
            }
            k += 1;
        }
        m += 1;
    }
    assert!(
        every.count_ones() as usize == ALL_MARKERS.len(),
        "a marker starts with a char missing from FIRST_CHARS"
    );
    masks
};

/// A filter for the second char of the markers that start with a Hangul syllable: bit
/// `c % 64` of word `(c / 64) % 64` set for each such char `c`, by the low six bits of
/// its last two bytes (every such marker has a second char of three bytes: made at
/// compile time, which checks it). Most syllables that a marker starts with (`기`,
/// `사`, `제`) start no marker where they are, and the char after them tells (`기사`
/// may, `기업` may not).
const SECOND_FILTER: [u64; 64] = {
    let mut filter = [0u64; 64];
    let mut m = 0;
    while m < ALL_MARKERS.len() {
        let b = ALL_MARKERS[m].as_bytes();
        if b[0] >= 0xEA && b[0] <= 0xED {
            assert!(
                b.len() >= 6 && b[3] >= 0xE0 && b[3] < 0xF0,
                "a marker starting with a syllable has no second char of three bytes"
            );
            filter[(b[4] & 63) as usize] |= 1 << (b[5] & 63);
        }
        m += 1;
    }
    filter
};

/// For each Hangul syllable (by its index, `가` = 0), one more than its place in
/// [`FIRST_CHARS`], or 0 for a syllable that starts no marker: [`words`]' test of every
/// syllable, one load by the index that told it a syllable (a filter's bits by its last
/// two bytes took five steps more), which also spares [`marker_at`]'s search.
const FIRST_SYLLABLES: [u8; crate::unicode::S_COUNT as usize] = {
    let mut first = [0; crate::unicode::S_COUNT as usize];
    let mut k = 0;
    while k < FIRST_CHARS.len() {
        let index = (FIRST_CHARS[k] as u32).wrapping_sub(crate::unicode::S_BASE);
        if index < crate::unicode::S_COUNT {
            first[index as usize] = k as u8 + 1;
        }
        k += 1;
    }
    first
};

/// True for the ASCII bytes that may start a marker: the first bytes of the markers,
/// ASCII or not.
const fn may_start_ascii_marker(b: u8) -> bool {
    matches!(b, b'(' | b'[' | b'/' | b'c' | b'C' | b'a' | b'A')
}

/// The index in [`ALL_MARKERS`] of the marker that `rest`, which starts with the ASCII
/// byte `first`, starts with, if one does ([`ASCII_MARKERS`], copyright notices, count
/// as its first). Not inlined: it is seldom called, and inlined its vector compare
/// takes registers that the scan needs.
#[inline(never)]
fn ascii_marker_at(first: u8, rest: &[u8]) -> Option<usize> {
    if first.is_ascii_alphabetic() {
        // Their second bytes first (they are in lower case): most `a`s and `c`s start
        // other words.
        let found = ASCII_MARKERS.iter().any(|m| {
            let m = m.as_bytes();
            rest.get(1).map(u8::to_ascii_lowercase) == m.get(1).copied()
                && rest
                    .get(..m.len())
                    .is_some_and(|r| r.eq_ignore_ascii_case(m))
        });
        found.then_some(0)
    } else {
        marker_at(u32::from(first), rest)
    }
}

/// [`marker_at`] for `rest`, which starts with the syllable that [`FIRST_SYLLABLES`]
/// gives `first` for: [`SECOND_FILTER`] tells most such places from a marker by the next
/// char. Not inlined: [`hangul_run`] calls it at about one syllable in twenty, where
/// [`words`] stops.
#[inline(never)]
fn syllable_marker_at(first: u8, rest: &[u8]) -> Option<usize> {
    match *rest {
        [_, _, _, 0xE0..=0xEF, c1, c2, ..]
            if SECOND_FILTER[usize::from(c1 & 63)] & (1 << (c2 & 63)) != 0 =>
        {
            marker_among(STARTING_WITH[usize::from(first) - 1], rest)
        }
        _ => None,
    }
}

/// The index in [`ALL_MARKERS`] of the marker that `rest`, which starts with the char
/// `first`, starts with, if one does.
fn marker_at(first: u32, rest: &[u8]) -> Option<usize> {
    let Ok(k) = FIRST_CHARS.binary_search_by(|&c| (c as u32).cmp(&first)) else {
        return None;
    };
    marker_among(STARTING_WITH[k], rest)
}

/// The index of the marker that `rest` starts with among those of [`ALL_MARKERS`]
/// whose bits `mask` sets, if it starts with one.
fn marker_among(mut mask: u32, rest: &[u8]) -> Option<usize> {
    while mask != 0 {
        let m = mask.trailing_zeros() as usize;
        mask &= mask - 1;
        // (Compared from the last byte: most candidates differ there.)
        if crate::unicode::starts_with(rest, ALL_MARKERS[m].as_bytes()) {
            return Some(m);
        }
    }
    None
}

/// True when `haystack` contains `needle` (not empty), ASCII letters matched ignoring
/// case: a plain loop, not inlined (`str::contains` costs 2 KB of wasm, and so does this
/// inlined for each marker). Also the plain search that [`has_marker`] is tested against.
#[inline(never)]
fn contains_ignore_ascii_case(haystack: &str, needle: &str) -> bool {
    let (h, n) = (haystack.as_bytes(), needle.as_bytes());
    let Some(&last) = n.last() else {
        return true;
    };
    // Each place is told by its last byte first, the case bit (0x20) set in both (a
    // byte that matches ignoring case does so too): a Hangul needle's first byte (EB,
    // EC) starts most syllables, its last matches about one byte in fifty.
    let tails = h.get(n.len() - 1..).unwrap_or_default();
    (n.len()..).zip(tails).any(|(end, &b)| {
        b | 0x20 == last | 0x20
            && n.iter()
                .zip(&h[end - n.len()..end])
                .all(|(n, h)| n.eq_ignore_ascii_case(h))
    })
}

/// True for a copyright notice (`ⓒ 가상일보 무단 전재 및 재배포 금지`, `All rights
/// reserved`): where a news article ends.
pub fn is_copyright_notice(sentence: &str) -> bool {
    NOTICES
        .iter()
        .chain(ASCII_MARKERS)
        .any(|m| contains_ignore_ascii_case(sentence, m))
}

/// True for the line that opens a page's comment section, its count or nothing after
/// it: `댓글`, `댓글 128`, `댓글 1,024개`, `댓글(12)`, `전체 댓글 12`.
pub fn is_comments_header(line: &str) -> bool {
    let s = crate::unicode::trim(line);
    let s = s.strip_prefix("전체").map_or(s, str::trim_start);
    // The count read by bytes: `str` trimming by a set of chars costs 1 KB of wasm.
    s.strip_prefix("댓글").is_some_and(|count| {
        let count = count.strip_suffix("개").unwrap_or(count);
        count
            .bytes()
            .all(|b| b.is_ascii_digit() || b" ,()[]".contains(&b))
    })
}

/// How a note about the article itself opens: an editor's note (`[편집자주] …를 연재합니다.`),
/// a line whose subject is the article (`이 기사는 … 지원을 받아 작성되었습니다.`, `본
/// 기사는 …`) or a page's button about it (`이 기사를 공유합니다`, `이 기사를 추천합니다`).
/// Where it stands, before the lead or after the text, it would read as prose.
const NOTE_OPENINGS: &[&str] = &[
    "편집자주",
    "편집자 주",
    "편집자註",
    "이 기사는 ",
    "이 기사를 ",
    "본 기사는 ",
    "이 콘텐츠는 ",
    "본 콘텐츠는 ",
];

/// How polite notes to the reader end, in a page pasted whole: what a news portal's
/// automatic summary says of itself (`기사 제목과 주요 문장을 기반으로 자동요약한
/// 결과입니다.`, `전체 맥락을 이해하기 위해서는 본문 보기를 권장합니다.`) and an outlet's
/// appeals (`…여러분의 소중한 제보를 기다립니다.`, `…유튜브에서 뉴스를 구독해주세요!`,
/// `…독자의 후원으로 만들어집니다.`), a video's too (`…도움이 되셨다면 구독과 좋아요
/// 부탁드립니다`, or cut off at its `좋아요`, which may end a sentence).
const READER_NOTES: &[&str] = &[
    "요약한 결과입니다",
    "요약된 내용입니다",
    "본문 보기를 권장합니다",
    "전체보기를 권장합니다",
    "제보를 기다립니다",
    "구독해주세요",
    "구독해 주세요",
    "후원으로 만들어집니다",
    "후원해주세요",
    "후원해 주세요",
    "구독과 좋아요",
    "구독 좋아요",
    "구독 부탁드립니다",
    "좋아요 부탁드립니다",
];

/// True for a note about the article ([`NOTE_OPENINGS`]), after any opening brackets or
/// marks (`[편집자주]`, `<편집자 주>`, `※편집자주:`), or a note to the reader
/// ([`READER_NOTES`]).
fn is_note_on_the_article(s: &str) -> bool {
    let s = s.trim_start_matches(['[', '<', '(', '※', '*', '■', ' ']);
    // Notes about the article and funding notes start with `편`, `이` or `본` (a test
    // checks): most lines are told by that.
    let first = s.as_bytes().get(..3).unwrap_or_default();
    if ["편", "이", "본"].iter().any(|c| first == c.as_bytes())
        && (opening_of(s.as_bytes(), NOTE_OPENINGS) || is_funding_note(s))
    {
        return true;
    }
    is_reader_note(s)
}

/// How a research story's funding note opens.
const FUNDING_OPENINGS: &[&str] = &["이번 연구는 ", "이 연구는 ", "본 연구는 "];

/// How a research story's funding note ends (`이번 연구는 … 지원을 받아 수행됐다.`).
const FUNDED_BY: &[&str] = &[
    "수행됐다",
    "수행되었다",
    "진행됐다",
    "진행되었다",
    "이뤄졌다",
    "이루어졌다",
];

/// True for the note that closes a research story, on who paid for the research
/// (`이번 연구는 과학기술정보통신부의 지원을 받아 수행됐다.`, `이 연구는 … 사업의 일환으로
/// 이뤄졌다.`): no finding of its own, but its words (`연구`, the ministry) are the
/// story's, and it was chosen over the result.
#[inline(never)]
fn is_funding_note(s: &str) -> bool {
    // By bytes: `str` patterns and searches cost KBs of wasm.
    let mut b = s.as_bytes();
    if !opening_of(b, FUNDING_OPENINGS) {
        return false;
    }
    while let [rest @ .., b'.' | b' '] = b {
        b = rest;
    }
    ending_of(b, FUNDED_BY).is_some()
        && (contains_ignore_ascii_case(s, "지원") || contains_ignore_ascii_case(s, "일환"))
}

/// True for a note to the reader ([`READER_NOTES`]), by how it ends.
#[inline(never)]
fn is_reader_note(s: &str) -> bool {
    let mut b = s.as_bytes();
    while let [rest @ .., b'.' | b'!' | b' '] = b {
        b = rest;
    }
    reader_note_tail(b) && ending_of(b, READER_NOTES).is_some()
}

/// True when `b` ends as some [`READER_NOTES`] do (`…입니다`, `…합니다`, `…립니다`,
/// `…집니다`, `…주세요`, `…좋아요`): most sentences end otherwise (`…했습니다`, `…했다`),
/// and are not compared with every note. (A test checks that every note passes.)
fn reader_note_tail(b: &[u8]) -> bool {
    ["입니다", "합니다", "립니다", "집니다", "주세요", "좋아요"]
        .iter()
        .any(|t| b.ends_with(t.as_bytes()))
}

/// True for a line that is only a photo credit (`(사진=해오름시 제공)`, `2024.4.12/가상뉴스`,
/// `/연합뉴스`, `AP 연합뉴스`): the line before it is then the caption text, split off by
/// the `.` that ends it. (Not a photographer's byline, `김하늘 기자`, which also ends
/// articles.)
pub fn is_caption_credit(sentence: &str) -> bool {
    let s = crate::unicode::trim(sentence);
    // At most 40 chars, 160 bytes: most lines are told by their length alone.
    if s.len() > 4 * MAX_LONE_CREDIT_CHARS {
        return false;
    }
    let bare = match s.as_bytes().first() {
        Some(b'(' | b'[' | b'/') => s.get(1..).unwrap_or(s),
        _ => s,
    };
    // A bracketed credit that opens its line's text is that caption's, not a lone
    // credit after it: `[사진=해오름시 제공] 모델들이 … 있다.`
    if opens_caption(s) {
        return false;
    }
    (starts_with_caption_marker(s)
        || starts_with_caption_marker(bare)
        || is_lone_credit(s)
        || matches!(
            credit_of(s, false),
            Some(Credit::Dated | Credit::Slash | Credit::Agency)
        ))
        && crate::unicode::char_count(s) <= MAX_LONE_CREDIT_CHARS
}

/// The longest line [`is_caption_credit`] takes, in chars (trimmed).
pub(crate) const MAX_LONE_CREDIT_CHARS: usize = 40;

/// Wire services and photo agencies that photo captions name alone after their last
/// sentence (`…장을 보고 있다. 연합뉴스`, `… AP 연합뉴스`), one string read in place.
const PHOTO_AGENCIES: &str =
    "연합뉴스 뉴시스 뉴스1 게티이미지뱅크 게티이미지 셔터스톡 AP AFP EPA UPI 로이터 신화 \
                              사진공동취재단 공동취재단 공동취재";

/// The kinds of photo credit that follow a caption ([`credit_kind`]).
#[derive(Clone, Copy, PartialEq, Eq, Debug)]
enum Credit {
    /// A date first: `2024.4.12/뉴스1 ⓒ News1 김민지 기자`, `2024.4.12 kim@yna.co.kr`.
    Dated,
    /// After a slash: `/연합뉴스`, `/사진=게티이미지뱅크`.
    Slash,
    /// Agencies alone: `연합뉴스`, `AP 연합뉴스`.
    Agency,
    /// A photographer: `한겨레 김명진 기자`, `촬영 김하늘`, or an address alone.
    Photographer,
    /// An agency or photographer after a copyright sign: `ⓒ뉴시스`, `© News1 김민지
    /// 기자`. (Alone on a line it may end an article: no lone photo credit.)
    Copyright,
}

/// The kind of photo credit `tail` is (trimmed, at most [`MAX_CREDIT_BYTES`]), if it is
/// one. (Read byte by byte: `str` patterns cost KBs of wasm.)
fn credit_kind(tail: &str) -> Option<Credit> {
    credit_of(tail, true)
}

/// [`credit_kind`], or, unless `photographers`, `None` for a [`Credit::Photographer`]:
/// [`is_caption_credit`] takes none, and most lines that reach that last test are
/// sentences, not searched for an address.
fn credit_of(tail: &str, photographers: bool) -> Option<Credit> {
    let t = tail.trim();
    let b = t.as_bytes();
    if b.is_empty() || b.len() > MAX_CREDIT_BYTES {
        return None;
    }
    let has = |x: u8| b.contains(&x);
    if b[0].is_ascii_digit() {
        // `2024.4.12`: four digits, then two fields of one or two after a dot each.
        let mut at = 4;
        let mut date = b.len() > 4 && b[..4].iter().all(u8::is_ascii_digit);
        for _ in 0..2 {
            let digits = b
                .iter()
                .skip(at + 1)
                .take(3)
                .take_while(|c| c.is_ascii_digit());
            let digits = digits.count();
            date &= b.get(at) == Some(&b'.') && (1..=2).contains(&digits);
            at += 1 + digits;
        }
        // Then its end, a slash credit, an address, a `ⓒ` (E2 93 92) or a credit of
        // another kind (`2024.4.12 [연합뉴스 자료사진]`, `2024.04.12. 사진=뉴시스`).
        let rest = &b[at.min(b.len())..];
        let rest = rest.strip_prefix(b".").unwrap_or(rest);
        // (`ⓒ` whole: its last byte alone is in many a Hangul syllable, `뒤` EB 92 A4.)
        let copyright = b.windows(3).any(|w| w == [0xE2, 0x93, 0x92]);
        let credited = || {
            rest.is_empty()
                || rest[0] == b'/'
                || has(b'@')
                || copyright
                || t.get(t.len() - rest.len()..).is_some_and(|rest| {
                    let rest = rest.trim_start();
                    rest.starts_with("사진") || credit_kind(rest).is_some()
                })
        };
        return (date && credited()).then_some(Credit::Dated);
    }
    // `ⓒ뉴시스`, `© News1 김민지 기자`, `ⓒ 가상일보`: a credit, or a name of one word.
    if let Some(rest) = t.strip_prefix('ⓒ').or_else(|| t.strip_prefix('©')) {
        let rest = rest.trim_start();
        let name = !rest.is_empty()
            && rest.len() <= 43
            && !rest.bytes().any(|b| matches!(b, b' ' | b',' | b'.'));
        let credit = matches!(
            credit_kind(rest),
            Some(Credit::Agency | Credit::Photographer)
        );
        return (name || credit).then_some(Credit::Copyright);
    }
    // In brackets (`[연합뉴스 자료사진]`, `<사진=해오름시 제공>`, `(해오름시 제공)`): as
    // without them, or a caption marker first.
    if let [open @ (b'[' | b'(' | b'<'), .., close] = *b {
        let mate = match open {
            b'[' => b']',
            b'(' => b')',
            _ => b'>',
        };
        if close != mate {
            return None;
        }
        // (Both ends ASCII: char boundaries.)
        let inner = t.get(1..t.len() - 1).unwrap_or_default();
        // A closing tag, `</v>`, is no credit after a slash.
        if open == b'<' && inner.as_bytes().first() == Some(&b'/') {
            return None;
        }
        return if starts_with_caption_marker(inner) || is_lone_credit(inner) {
            Some(Credit::Agency)
        } else {
            credit_of(inner, photographers).filter(|&k| k != Credit::Copyright)
        };
    }
    // Counted only where it may tell: most lines are turned away before.
    let words = || 1 + b.iter().filter(|&&c| c == b' ').count();
    if b[0] == b'/' {
        return (b.len() > 1 && words() <= 3 && b[b.len() - 1] != b'.').then_some(Credit::Slash);
    }
    // Two agencies at most, each at most 21 bytes (`사진공동취재단`).
    let agency = |w: &[u8]| {
        PHOTO_AGENCIES
            .as_bytes()
            .split(|&c| c == b' ')
            .any(|a| a == w)
    };
    if b.len() <= 43 && words() <= 2 && b.split(|&c| c == b' ').all(agency) {
        return Some(Credit::Agency);
    }
    // A file photo, `한국일보 자료사진`, or a picture's source, `이미지=챗GPT`.
    if (t.ends_with("자료사진") || t.starts_with("이미지=")) && words() <= 2 {
        return Some(Credit::Agency);
    }
    if !photographers {
        return None;
    }
    let photographer =
        (t.ends_with("기자") || t.ends_with("특파원") || t.starts_with("촬영 ")) && words() <= 3;
    let address = has(b'@') && words() == 1 && has_email(t);
    (photographer || address).then_some(Credit::Photographer)
}

/// True when what follows a sentence's end on its line is a photo credit
/// ([`credit_kind`]): the splitter keeps it with the sentence, which is a caption.
pub(crate) fn is_credit_tail(tail: &str) -> bool {
    credit_kind(tail).is_some()
}

/// The longest credit, in bytes: 40 Hangul syllables.
pub(crate) const MAX_CREDIT_BYTES: usize = 120;

/// The longest caption [`is_credited_caption`] takes, in bytes before its credit: 100
/// Hangul syllables.
const MAX_CREDITED_CAPTION: usize = 300;

/// True for a photo caption with its credit after its last sentence, on its line
/// (`…장을 보고 있다. 연합뉴스`, `… 모습. 한겨레 김명진 기자`): a sentence end (`.` and
/// a space) in the last [`MAX_CREDIT_BYTES`] with a credit after it ([`credit_kind`]),
/// and at most [`MAX_CREDITED_CAPTION`] bytes before it. A line ending like a sentence
/// has none.
fn is_credited_caption(s: &str) -> bool {
    if matches!(
        s.chars().next_back(),
        Some('.' | '!' | '?' | '다' | '요' | '”' | '"' | ')')
    ) {
        return false;
    }
    let b = s.as_bytes();
    let from = b.len().saturating_sub(MAX_CREDIT_BYTES);
    // Sentence ends in the window, the earliest first: a credit may hold a `.` and
    // a space of its own (`2024.04.12. kim@…`).
    (from..b.len().saturating_sub(1)).any(|i| {
        b[i] == b'.' && b[i + 1] == b' ' && i <= MAX_CREDITED_CAPTION && is_credit_tail(&s[i + 1..])
    })
}

/// True for `해오름시 제공` or `가상연구소제공` alone (trimmed): a photo credit; not
/// `중식 제공`, an item of an event's notice (what is provided: [`PROVIDED`]), after
/// which the line before is no caption.
/// Not inlined, for the first summary's sake (DESIGN.md, Cold start).
#[inline(never)]
fn is_lone_credit(s: &str) -> bool {
    let Some(who) = s.strip_suffix("제공") else {
        return false;
    };
    s.bytes().filter(|&b| b == b' ').count() <= 1 && !PROVIDED.contains(&who.trim_end())
}

/// What an event's notice says is provided (`중식 제공`, `교재 제공`): no photo's credit.
const PROVIDED: &[&str] = &[
    "중식",
    "석식",
    "조식",
    "점심",
    "식사",
    "간식",
    "다과",
    "음료",
    "숙박",
    "숙식",
    "교통편",
    "기념품",
    "교재",
    "재료",
];

/// True for a line of hashtags alone (`#해오름시 #소상공인 #지원대책`), the tags of a
/// post or an article: words, not a sentence. (A Markdown heading, `# 제목`, is not.)
fn is_hashtag_line(s: &str) -> bool {
    // Each space is followed by a space or a `#`, each `#` by a tag's first char.
    let b = s.as_bytes();
    b.first() == Some(&b'#')
        && (0..b.len()).all(|i| match b[i] {
            b' ' | b'\t' => matches!(b.get(i + 1), Some(b' ' | b'\t' | b'#')),
            b'#' => !matches!(b.get(i + 1), None | Some(b' ' | b'\t' | b'#')),
            _ => true,
        })
}

/// True for what closes an official document or press release: its list of enclosures
/// (`붙임 : 운영 시간표 1부. 끝.`, `붙임 1. …`, `별첨 …`) or its end mark alone (`끝.`).
/// Not `붙임성이 좋다`: the word stands alone.
#[inline(never)]
fn is_enclosure_note(s: &str) -> bool {
    let b = s.as_bytes();
    if b == "끝.".as_bytes() || b == "끝".as_bytes() {
        return true;
    }
    // By bytes: `str` trimming by a set of chars costs 1 KB of wasm. `※` is E2 80 BB.
    let mut i = 0;
    while let Some(&c) = b.get(i) {
        i += match c {
            b'*' | b'[' | b'<' | b'(' | b' ' => 1,
            0xE2 if b.get(i + 1..i + 3) == Some(&[0x80, 0xBB]) => 3,
            _ => break,
        };
    }
    let rest = match b.get(i..i + 6) {
        Some(w) if w == "붙임".as_bytes() || w == "별첨".as_bytes() => &b[i + 6..],
        _ => return false,
    };
    // The word alone: then a space, a mark or a number (`붙임 1.`, `붙임:`, `붙임1`),
    // or nothing; `：` is EF BC 9A.
    match rest.first() {
        None => true,
        Some(&c) => {
            b" :]>)#(".contains(&c) || c.is_ascii_digit() || rest.starts_with(&[0xEF, 0xBC, 0x9A])
        }
    }
}

/// How a broadcast news script hands over to its reporter and how the reporter signs
/// off (`김하늘 기자가 보도합니다.`, `김하늘 기자입니다.`), before the final `.`.
const BROADCAST_HANDOVERS: &[&str] = &[
    "기자가 보도합니다",
    "기자가 전합니다",
    "기자가 전해드립니다",
    "기자의 보도입니다",
    "기자입니다",
    "특파원이 전합니다",
    "특파원입니다",
];

/// True for a short line of a broadcast news script that hands over to its reporter or
/// signs off ([`BROADCAST_HANDOVERS`]). (Not a sign-off by the broadcaster's name,
/// `YTN 김하늘입니다.`: it reads as `AI 시대입니다.` does; it is short, and weighs little.)
#[inline(never)]
fn is_broadcast_byline(s: &str) -> bool {
    let b = s.as_bytes().trim_ascii_end();
    let b = b.strip_suffix(b".").unwrap_or(b);
    let Some(h) = ending_of(b, BROADCAST_HANDOVERS) else {
        return false;
    };
    if !h.ends_with("입니다") {
        return true;
    }
    // `…기자입니다` after a name, not a sentence about someone (`그는 경력 30년의
    // 기자입니다`, `저는 기자입니다`): at most one word before the name, and the name
    // not ending in `는`, `은` or `의`.
    let b = &b[..b.len() - h.len()];
    let Some(name_end) = b.iter().rposition(|&c| c != b' ') else {
        return false;
    };
    let name = &b[..=name_end];
    let words_before = name.iter().filter(|&&c| c == b' ').count();
    words_before <= 1 && ending_of(name, &["는", "은", "의"]).is_none()
}

/// The first phrase of `list` that `b` ends with. One loop for every list: each list's
/// own, unrolled and inlined, cost up to 1 KB of wasm.
#[inline(never)]
pub(crate) fn ending_of<'a>(b: &[u8], list: &[&'a str]) -> Option<&'a str> {
    list.iter()
        .copied()
        .find(|e| crate::unicode::ends_with(b, e.as_bytes()))
}

/// True when `b` starts with a phrase of `list`: [`ending_of`]'s loop at the other end.
#[inline(never)]
fn opening_of(b: &[u8], list: &[&str]) -> bool {
    list.iter()
        .any(|o| crate::unicode::starts_with(b, o.as_bytes()))
}

/// `s` without the buttons of a reporter's box after the byline (`… 기자 구독 응원하기`).
fn without_buttons(mut s: &str) -> &str {
    while let Some(b) = ending_of(
        s.as_bytes(),
        &[" 구독", " 구독하기", " 응원하기", " 팔로우"],
    ) {
        s = s.get(..s.len() - b.len()).unwrap_or_default();
    }
    s
}

/// True for an entry of an encyclopedia's list of references, as copied from the page
/// (`↑ 해오름시청, 《통계연보》, 2020.`, `^ Kim, J. (2020).`): a source, never the text.
/// (Not `^^`, a smile.)
fn is_reference_entry(s: &str) -> bool {
    s.starts_with('↑') || s.starts_with("^ ")
}

/// Headings of a list of references or notes, in lower case.
const REFERENCE_HEADINGS: &[&str] = &[
    "참고문헌",
    "참고 문헌",
    "인용문헌",
    "인용 문헌",
    "각주",
    "주석",
    "references",
    "bibliography",
    "works cited",
];

/// Bit `n` is set when a heading of [`REFERENCE_HEADINGS`] is `n` bytes long (each is
/// under 48, the longest line [`opens_references`] reads).
const REFERENCE_HEADING_LENGTHS: u64 = {
    let mut bits = 0;
    let mut i = 0;
    while i < REFERENCE_HEADINGS.len() {
        assert!(REFERENCE_HEADINGS[i].len() < 48);
        bits |= 1 << REFERENCE_HEADINGS[i].len();
        i += 1;
    }
    bits
};

/// True for the line that opens a text's references ([`REFERENCE_HEADINGS`], alone on
/// its line, after a section number, before an edit link: `Ⅵ. 참고문헌`, `각주[편집]`)
/// or its enclosures ([`is_enclosure_note`]).
#[inline(never)]
pub(crate) fn opens_references(line: &str) -> bool {
    // Most lines are sentences, longer than any such heading.
    if line.len() > 48 {
        return false;
    }
    // By bytes, as `is_enclosure_note`: a section number (ASCII digits and marks, or a
    // Roman numeral, E2 85 xx), the heading, an edit link, a colon.
    let mut b = line.as_bytes().trim_ascii();
    loop {
        b = match b {
            [c, rest @ ..] if c.is_ascii_digit() || b". #".contains(c) => rest,
            [0xE2, 0x85, _, rest @ ..] => rest,
            _ => break,
        };
    }
    let b = b.strip_suffix("[편집]".as_bytes()).unwrap_or(b);
    let b = b.strip_suffix(b":").unwrap_or(b).trim_ascii_end();
    // Lowercased (`References`) into a buffer, then compared whole, if a heading is as
    // long (most short lines are not).
    let heading = REFERENCE_HEADING_LENGTHS >> b.len() & 1 != 0 && {
        let mut lower = [0u8; 48];
        let lower = &mut lower[..b.len()];
        for (l, &c) in lower.iter_mut().zip(b) {
            *l = c.to_ascii_lowercase();
        }
        ending_of(lower, REFERENCE_HEADINGS).is_some_and(|h| h.len() == lower.len())
    };
    heading
        || ((b.starts_with("붙임".as_bytes()) || b.starts_with("별첨".as_bytes()))
            && is_enclosure_note(line.trim_ascii()))
}

/// True when `s` opens with a bracket (`(`, `[` or `<`) and ends with another char:
/// what follows the bracket is the caption's text (`[사진=해오름시 제공] 시민들이 …`).
fn opens_caption(s: &str) -> bool {
    let b = s.as_bytes();
    let close = match b.first() {
        Some(b'(') => b')',
        Some(b'[') => b']',
        Some(b'<') => b'>',
        _ => return false,
    };
    b.last() != Some(&close)
}

/// True when `s` starts with one of [`CAPTION_MARKERS`].
#[inline(never)]
pub(crate) fn starts_with_caption_marker(s: &str) -> bool {
    // Each starts with `(`, `/` or `사` (a test checks): most lines are told by that.
    let b = s.as_bytes();
    (matches!(b.first(), Some(b'(' | b'/')) || b.starts_with("사".as_bytes()))
        && opening_of(b, CAPTION_MARKERS)
}

/// True when a word of `s` (between spaces or brackets) looks like an e-mail
/// address: something before its first `@`, and a `.` after it.
/// Not inlined, for the first summary's sake (DESIGN.md, Cold start).
#[inline(never)]
fn has_email(s: &str) -> bool {
    // Words found by hand: `str::split` with a closure costs 1 KB of wasm.
    let mut start = 0;
    for (i, c) in s.char_indices().chain([(s.len(), ' ')]) {
        if crate::unicode::is_space(c) || matches!(c, '(' | ')' | '[' | ']' | '<' | '>') {
            let word = s.get(start..i).unwrap_or_default();
            if word
                .split_once('@')
                .is_some_and(|(user, host)| !user.is_empty() && host.contains('.'))
            {
                return true;
            }
            start = i + c.len_utf8();
        }
    }
    false
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
            "#해오름시 #소상공인 #지원대책" => true,
            "해오름시 제공" => true,
            "가상연구소제공" => true,
            "지난 뉴스레터 보기 구독하기" => true,
            "좋아요 12" => true,
            "이 기사를 구독하세요." => true,
            "많이 본 뉴스" => true,
            "연도별 출생아 수 추이(자료=통계청)" => true,
            "<저작권자 ⓒ 해오름신문, 무단 전재 및 재배포 금지>" => true,
            "이 기사의 저작권은 가상일보에 있으며, 무단 전재 및 재배포를 금합니다." => true,
            "#여행  #제주" => true,
            "[서울=가상뉴스]" => true,
            "이성훈 sinawi@hanmail.net" => true,
            "ⓒ 가상일보 무단 전재 및 재배포 금지" => true,
            "Copyright 2025 Example News. All Rights Reserved." => true,
            "시민들이 광장을 걷고 있다. (사진=김하늘 기자)" => true,
            "2024-04-12 17:55:46 2024-04-12 17:55:46" => true,
            "지난 뉴스레터 보기 구독하기" => true,
            "(대전=가상뉴스) 김하늘 기자 =" => true,
            "김하늘 특파원=" => true,
            "해오름연구소 제공" => true,
            "/그래픽=김하늘 디자이너" => true,
            "사진=가상뉴스" => true,
            "관련 기사 더보기" => true,
            "관련기사더보기" => true,
            "가상일보를 구독하세요" => true,
            "시민들이 광장을 걷고 있다. 2024.4.12/가상뉴스" => true,
            "행사장 모습. 2024.04.12./가상뉴스" => true,
        }
    }

    #[test]
    fn prose_is_not_taken_for_meta_lines() {
        meta! {
            "(대전=가상뉴스) 김하늘 기자 = 해오름시가 시내버스 절반을 전기버스로 바꾼다." => false,
            "시는 교통카드 할인 혜택을 무료로 제공" => false,
            "정부는 올해 무료 급식을 모든 학교에 제공한다." => false,
            "분기 실적은 2024.4.12 기준으로 집계했다." => false,
            "환율은 1달러에 1,350원/1,360원 사이를 오갔다." => false,
            "시는 기준일을 2024.4.12/2024.5.1 두 날로 정했다고 밝혔다." => false,
            "시장은 더 많은 예산을 요구했다." => false,
            "중식 제공" => false,
            "교재 제공" => false,
            // Navigation words in prose.
            "해오름시는 다음 달부터 주민 소식지를 뉴스레터로 바꿔 매주 보낸다." => false,
            "주민들은 \"좋아요\"를 누르듯 간편하게 의견을 낼 수 있다." => false,
            "시는 저작권자의 허락을 받은 사진만 누리집에 싣기로 했다." => false,
            "지난해 출생아 수는 23만명으로 역대 최저를 기록했다(자료=통계청)." => false,
            "올해 예산은 작년보다 10% 늘었다(출처=기획재정부)." => false,
            "# 해오름시 소상공인 지원 대책" => false,
            "#해오름시 가 소상공인 지원 대책을 내놨다." => false,
            // A caption with its credit after its last sentence, on its line.
            "서울 시내의 한 대형마트에서 시민이 장을 보고 있다. 연합뉴스" => true,
            "해오름시 차고지에서 전기버스가 충전하고 있다. AP 연합뉴스" => true,
            "해오름시 차고지에서 전기버스가 충전하고 있다. /가상뉴스" => true,
            "(서울=가상뉴스) 김하늘 기자 = 13일 시청 앞이 붐비고 있다. 2024.4.12 sky@example.com" => true,
            "[서울=가상뉴스] 김하늘 기자 = 13일 시청 앞이 붐비고 있다. (공동취재단) 2024.04.12. photo@example.com" => true,
            "13일 시청 앞 광장에서 시민들이 행사를 즐기고 있다. 2024.4.12/가상뉴스 ⓒ 가상뉴스 김하늘 기자" => true,
            "13일 해오름시 한 편의점에서 직원이 물건을 정리하고 있다. 가상일보 김하늘 기자" => true,
            // Not a credit: prose after the sentence, or a line ending like a sentence.
            "시는 계획을 발표했다. 연합뉴스는 이를 12일 보도했다" => false,
            "시는 계획을 발표했다. 2024.4.12 기준이다." => false,
            "시는 계획을 발표했다. 2024.4.12 기준으로 집계했다" => false,
            "그는 \"연합뉴스\"라고 말했다." => false,
            // Notes about the article itself.
            "[편집자주] 해오름신문은 지역 교통의 미래를 짚는 기획 시리즈를 연재합니다." => true,
            "<편집자 주> 해오름신문은 올해 기획 시리즈를 매주 연재합니다." => true,
            "※편집자주: 본지는 창간 30주년을 맞아 연속 기획을 마련했습니다." => true,
            "이 기사는 해오름시의 지원을 받아 작성되었습니다." => true,
            "본 기사는 AI 기술의 도움을 받아 작성되었습니다." => true,
            // A research story's funding note, but not its findings.
            "이번 연구는 과학기술정보통신부의 중견연구자지원사업의 지원을 받아 수행됐다." => true,
            "이 연구는 한국연구재단 기초연구사업의 일환으로 이뤄졌다." => true,
            "이번 연구는 전해질만 바꿔 전지 수명을 세 배로 늘렸다." => false,
            "이번 연구는 정부 지원이 끊긴 분야에서 진행됐다는 점에서 의미가 크다." => false,
            "기사 제목과 주요 문장을 기반으로 자동요약한 결과입니다." => true,
            "전체 맥락을 이해하기 위해서는 본문 보기를 권장합니다." => true,
            "자동 추출 기술로 요약된 내용입니다." => true,
            "전체 맥락을 이해하기 위해서는 기사 본문 전체보기를 권장합니다." => true,
            // An article about such summaries, in the news' plain register, is prose.
            "포털은 기사를 자동요약한 결과입니다라는 안내문을 붙였다." => false,
            // What closes a press release.
            "붙임 : 도서관별 운영 시간 1부. 끝." => true,
            "붙임1. 운영 시간표 1부." => true,
            "※ 별첨: 세부 추진 계획" => true,
            "끝." => true,
            // A subtitle cue's timing, with its settings.
            "00:01:02,345 --> 00:01:04,000" => true,
            "00:00:00.000 --> 00:00:03.240 align:start position:0%" => true,
            // A broadcast script's handovers and sign-offs.
            "김하늘 기자가 보도합니다." => true,
            "워싱턴에서 박지훈 특파원이 전합니다." => true,
            "보도에 김하늘 기자입니다." => true,
            "(가상테크=김하늘 기자)" => true,
            "[헬로가상] 김하늘 기자 |" => true,
            "윤하늘 기자 구독 응원하기" => true,
            "기자 구독" => true,
            "이번 대책의 핵심은 전기버스입니다." => false,
            "저는 기자입니다." => false,
            "그는 경력 30년의 기자입니다." => false,
            "AI 시대입니다." => false,
            // An encyclopedia's references.
            "↑ 해오름시청, 《해오름시 통계연보》, 2020." => true,
            "↑ 가 나 통계청 (2021년 5월 3일). 「인구 주택 총조사」." => true,
            "^ Kim, J. (2020). A history of Haeoreum." => true,
            "^^ 오늘도 열람실에서 공부를 마쳤다." => false,
            "붙임성이 좋은 그는 금세 동료들과 친해졌다." => false,
            "별첨한 자료에 따르면 올해 예산은 7억 원이다." => false,
            "전문가들은 하루 30분 이상 햇볕을 보기를 권장합니다." => false,
            // An outlet's appeals to its readers.
            "◎가상뉴스가 독자 여러분의 소중한 제보를 기다립니다." => true,
            "▷ 유튜브에서 가상방송 뉴스를 구독해주세요!" => true,
            "오늘 영상이 도움이 되셨다면 구독과 좋아요" => true,
            "오늘 영상이 도움이 되셨다면 구독과 좋아요 부탁드립니다" => true,
            "구독과 좋아요를 눌러 주신 분들께 감사드립니다." => false,
            "가상일보는 독자의 후원으로 만들어집니다." => true,
            "경찰은 목격자의 제보를 기다리고 있다." => false,
            "이 기사는 가상일보 보도준칙에 따라 편집국장이 최종 확인·수정했습니다." => true,
            "시는 이 기사는 사실과 다르다고 밝혔다." => false,
            "이 기사를 공유합니다" => true,
            "이 기사의 주인공은 해오름시 청년 창업가들이다." => false,
        }
    }

    #[test]
    fn credits_after_a_caption_are_told_by_kind() {
        use Credit::*;
        let cases = [
            ("2024.4.12/가상뉴스", Some(Dated)),
            ("2024.04.12. photo@example.com", Some(Dated)),
            ("2024.4.12", Some(Dated)),
            ("2024.4.12 기준", None),
            ("2024.4.12 뒤 일정은 바뀔 수 있음", None),
            ("/가상뉴스", Some(Slash)),
            ("연합뉴스", Some(Agency)),
            ("AFP 연합뉴스", Some(Agency)),
            ("연합뉴스 보도", None),
            ("가상일보 김하늘 기자", Some(Photographer)),
            ("sky@example.com", Some(Photographer)),
            ("김하늘 기자가 물었다", None),
            ("", None),
            ("2024.4.12 [가상뉴스 자료사진]", Some(Dated)),
            ("2024.04.12. 사진=가상뉴스", Some(Dated)),
            ("가상일보 자료사진", Some(Agency)),
            ("[가상일보 자료사진]", Some(Agency)),
            ("<사진=해오름시 제공>", Some(Agency)),
            ("(해오름시 제공)", Some(Agency)),
            ("[연합뉴스]", Some(Agency)),
            ("[연합뉴스 보도]", None),
            ("(해오름시 제공", None),
            ("이미지=챗GPT", Some(Agency)),
            ("촬영 김하늘", Some(Photographer)),
            ("ⓒ뉴시스", Some(Copyright)),
            ("ⓒ 가상뉴스", Some(Copyright)),
            ("© News1 김하늘 기자", Some(Copyright)),
            ("ⓒ 가상일보, 무단 전재 및 재배포 금지", None),
            ("[ⓒ뉴시스]", None),
        ];
        for (tail, want) in cases {
            assert_eq!(credit_kind(tail), want, "credit_kind({tail:?})");
            let unless_photographer = want.filter(|&k| k != Photographer);
            assert_eq!(credit_of(tail, false), unless_photographer, "{tail:?}");
        }
    }

    #[test]
    fn marker_lists_start_as_their_quick_tests_expect() {
        for m in CAPTION_MARKERS {
            assert!(m.starts_with(['(', '/', '사']), "{m:?}");
        }
        for o in NOTE_OPENINGS.iter().chain(FUNDING_OPENINGS) {
            assert!(o.starts_with(['편', '이', '본']), "{o:?}");
        }
        // `ascii_marker_at` compares a second byte in lower case with theirs.
        for m in ASCII_MARKERS {
            assert!(m.len() >= 2 && *m == m.to_ascii_lowercase(), "{m:?}");
        }
    }

    #[test]
    fn photo_credits_are_recognized() {
        let cases = [
            ("(사진=해오름시 제공)", true),
            ("[사진=김하늘 기자]", true),
            ("/사진=가상뉴스", true),
            ("사진=해오름시", true),
            ("(사진=해오름시 제공) 시는 이날 설명회를 열어 입주 절차와 심사 기준을 안내했고 주민 의견도 들었다.", false),
            // A credit that opens its caption's line: the line before is no caption.
            ("[사진=해오름시 제공] 시민들이 광장을 걷고 있다.", false),
            ("(사진=해오름시 제공) 시민들이 걷는다.", false),
            ("시는 사진 공모전을 연다.", false),
            ("2024.4.12/가상뉴스 ⓒ 가상뉴스", true),
            ("AP 연합뉴스", true),
            ("/연합뉴스", true),
            ("[가상일보 자료사진]", true),
            ("<사진=해오름시>", true),
            // A closing tag, as a subtitle file's `</v>`, is none.
            ("</v>", false),
            // A byline also ends articles: the line before it is no caption.
            ("김하늘 기자", false),
            ("sky@example.com", false),
            // So does a copyright sign with the paper's name.
            ("ⓒ가상일보", false),
        ];
        for (line, want) in cases {
            assert_eq!(is_caption_credit(line), want, "is_caption_credit({line:?})");
        }
    }

    #[test]
    fn marker_scan_matches_plain_search() {
        assert!(FIRST_CHARS.windows(2).all(|w| w[0] < w[1]));
        for m in ALL_MARKERS {
            let c = m.chars().next().unwrap();
            assert!(FIRST_CHARS.contains(&c), "marker {m:?}");
            assert!(
                !c.is_ascii() || may_start_ascii_marker(c as u8),
                "marker {m:?} starts with a char has_marker does not try"
            );
            if crate::unicode::is_hangul_syllable(c) {
                let k = FIRST_SYLLABLES[(c as u32 - crate::unicode::S_BASE) as usize];
                assert_eq!(FIRST_CHARS.get(usize::from(k).wrapping_sub(1)), Some(&c));
            }
        }
        for m in ASCII_MARKERS {
            assert!(may_start_ascii_marker(m.as_bytes()[0]), "marker {m:?}");
        }
        let plain = |s: &str| {
            MARKERS.iter().chain(NAVIGATION).any(|m| s.contains(m))
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

    /// The counts, the last slash and the marker test of
    /// [`chars_and_letters_unless_marker`], done plainly: by `chars`, `is_alphabetic`,
    /// `rfind` and a substring search for each marker.
    fn plain_counts(s: &str) -> Option<Counts> {
        let (captions, sources) = CAPTION_MARKERS.split_at(CAPTION_MARKERS.len() - SOURCE_NOTES);
        let marker = MARKERS.iter().any(|m| s.contains(m))
            || captions.iter().any(|m| s.contains(m))
            || ASCII_MARKERS
                .iter()
                .any(|m| contains_ignore_ascii_case(s, m));
        let letters = s.chars().filter(|c| c.is_alphabetic()).count();
        (!marker).then(|| Counts {
            chars: crate::unicode::char_count(s),
            letters,
            last_slash: s.rfind('/'),
            unless_prose: NAVIGATION.iter().chain(sources).any(|m| s.contains(m)),
            spaces: s.bytes().filter(u8::is_ascii_whitespace).count()
                + s.bytes().filter(|&b| b == 0x0B).count(),
            leads: s
                .bytes()
                .filter(|b| matches!(b, 0xC2 | 0xE1..=0xE3))
                .count(),
            quotes: s.chars().filter(|c| matches!(c, '"' | '“' | '”')).count(),
            vertical_tabs: s.bytes().filter(|&b| b == 0x0B).count(),
        })
    }

    #[test]
    fn general_punctuation_and_the_middle_dot_are_no_letters() {
        // So `other_char_unless_marker` tells them without the Unicode table.
        for c in ('\u{2000}'..='\u{206F}').chain(['·']) {
            assert!(!c.is_alphabetic(), "{c:?}");
        }
    }

    #[test]
    fn a_space_is_no_letter_and_starts_no_marker() {
        // So `hangul_run` steps over the space between two words without a look.
        assert_eq!(ASCII_CLASS[usize::from(b' ')] & (LETTER | MARKER_START), 0);
    }

    #[test]
    fn a_shape_counts_the_sentence_up_to_its_trailing_whitespace() {
        for sentence in [
            "정부가 클라우드 산업을 육성한다.",
            "  정부가 “클라우드 산업을 육성한다”고 밝혔다. \n",
            "\u{3000}\u{A0}그는 \"좋다\"고 말했다\u{2003}다.\u{3000}",
            "\t회의는 오후 3시에 열린다…  ",
            "\u{3000}[출처 필요]",
            "\u{B} 정부가 “클라우드\u{B}산업을” 육성한다\u{B}.\u{B}",
            "AI\u{B}\"cloud\" 시대\u{B}",
        ] {
            let end = sentence.trim_end().len();
            let (at_least, chars) = crate::unicode::non_space_bounds(&sentence[..end]);
            let want = Shape {
                chars,
                leads: chars - at_least,
                quotes: crate::rank::double_quotes(&sentence.as_bytes()[..end]),
                end,
                trimmed_chars: crate::unicode::char_count(crate::unicode::trim(sentence)),
                vertical_tabs: sentence[..end].bytes().filter(|&b| b == 0x0B).count(),
            };
            assert_eq!(
                shape_unless_boilerplate(sentence),
                Some(want),
                "{sentence:?}"
            );
        }
    }

    #[test]
    fn one_pass_scan_matches_plain_counts() {
        let pieces = [
            "",
            " ",
            "가",
            "힣",
            "각",
            "2024-04-12",
            "17:55",
            "Copyright",
            "ALL RIGHTS RESERVED",
            "all rights",
            "ⓒ",
            "©",
            "é",
            "漢字",
            "😀",
            "\u{3000}",
            "\u{A0}",
            "ㄱ",
            "ᄀ",
            "\u{D7A4}",
            "\u{ABFF}",
            "(",
            "[",
            "/",
            "=",
            "사진",
            "=",
            "연합뉴스",
            "기자",
            "무단",
            " 전재",
            "재배포",
            "금지",
            "좋아",
            "요",
            "뉴스",
            "레터",
            "공유",
            "하기",
            "바로",
            "가기",
            "많이 본",
            " 뉴스",
            "@",
            "hong@example.com",
            "a",
            "c",
            "C",
            "정부가 클라우드 산업을 육성한다.",
            "1조 2000억원",
            "\"",
            "“",
            "”",
            "…",
            "\t",
            "\n",
            "\u{B}",
        ];
        let mut lines: Vec<String> = pieces.iter().map(|p| p.to_string()).collect();
        for a in pieces {
            for b in pieces {
                lines.push(format!("{a}{b}"));
                for c in ["", "가", "1", " ", "ⓒ"] {
                    lines.push(format!("{c}{a}{b}{c}"));
                }
            }
        }
        lines.extend(
            [
                "[가상일보 김하늘 기자]",
                "[서울=가상뉴스]",
                "이성훈 sinawi@hanmail.net",
                "ⓒ 가상일보 무단 전재 및 재배포 금지",
                "Copyright 2025 Example News. All Rights Reserved.",
                "시민들이 광장을 걷고 있다. (사진=김하늘 기자)",
                "2024-04-12 17:55:46 2024-04-12 17:55:46",
                "지난 뉴스레터 보기 구독하기",
                "(사진=해오름시 제공)",
                "시민들이 광장을 걷고 있다 /연합뉴스",
                "정부가 클라우드 산업을 핵심 인프라로 육성하기로 했다.",
                "매출은 3.5% 늘어난 1조 2000억원을 기록했다.",
                "김 기자는 현장에서 이 사실을 확인했다고 밝혔다.",
            ]
            .map(String::from),
        );
        for m in MARKERS
            .iter()
            .chain(CAPTION_MARKERS)
            .chain(NAVIGATION)
            .chain(ASCII_MARKERS)
        {
            lines.push(format!("문장 {m} 끝"));
            lines.push(m.to_uppercase());
            // Every marker less its last char: close to a marker, but none.
            let mut cut = m.to_string();
            cut.pop();
            lines.push(format!("가{cut}"));
        }
        for line in &lines {
            assert_eq!(
                chars_and_letters_unless_marker(line),
                plain_counts(line),
                "{line:?}"
            );
        }
    }

    #[test]
    fn comment_section_headers_are_recognized() {
        for header in [
            "댓글",
            "댓글 128",
            " 댓글 1,024개",
            "댓글(12)",
            "전체 댓글 12",
            "댓글 [3]",
        ] {
            assert!(is_comments_header(header), "{header:?}");
        }
        for line in [
            "댓글을 남겨 주세요.",
            "댓글 쓰기",
            "악성 댓글 128건",
            "공감 45",
            "전체 12",
        ] {
            assert!(!is_comments_header(line), "{line:?}");
        }
    }

    #[test]
    fn emails_are_found_in_words() {
        let cases = [
            ("홍길동 기자 hong@example.com", true),
            ("(hong@example.com)", true),
            ("<a@b.c>", true),
            ("@example.com", false),
            ("hong@example", false),
            ("hong@ex@ample.com", true),
            ("hong @example.com", false),
            ("", false),
        ];
        for (s, want) in cases {
            assert_eq!(has_email(s), want, "has_email({s:?})");
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
    #[test]
    fn every_reader_note_passes_the_quick_test() {
        for note in READER_NOTES {
            assert!(reader_note_tail(note.as_bytes()), "{note:?}");
        }
    }

    #[test]
    fn references_and_enclosures_are_opened_by_their_headings() {
        for line in [
            "참고문헌",
            "Ⅵ. 참고문헌",
            "7. 참고 문헌",
            "각주[편집]",
            "References",
            "REFERENCES",
            "붙임 1. 운영 시간표 1부.",
        ] {
            assert!(opens_references(line), "{line:?}");
        }
        for line in [
            "참고문헌을 정리하는 방법은 다음과 같다.",
            "각주가 많은 논문은 읽기 어렵다.",
            "편집",
            "붙임성이 좋다.",
        ] {
            assert!(!opens_references(line), "{line:?}");
        }
    }
}
