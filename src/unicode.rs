//! Decomposed Hangul (as pasted from macOS, which stores file names and often text in
//! NFD): conjoining jamo `ᄒ ᅡ ᆫ` composed into syllables `한`, with a map back to
//! the original text.
//!
//! The splitter and the ranker read Hangul syllables (U+AC00..U+D7A3); decomposed
//! jamo would look to them like laughter (`ㅋㅋ`) and split and rank nothing like
//! the same text in NFC. [`compose_hangul`] composes every modern `L V` and `L V T`
//! jamo sequence, and every precomposed `LV` syllable followed by a `T` jamo, by the
//! Unicode Hangul composition formula (no tables), the way NFC does; everything else
//! is copied unchanged. The pipeline then runs on the composed text and
//! [`Composed::span`] maps its spans back: a composed syllable maps to the whole
//! jamo sequence it came from, so mapped spans start and end on original char
//! boundaries and never cut a syllable.
//!
//! Text without conjoining jamo (all NFC text) costs one `memchr`-speed scan for the
//! byte `0xE1` and nothing else.

use crate::{Span, Summary};

/// True when `b` ends with `e`, compared by a loop inlined where it is called, from
/// the last byte: wasm has no inline memcmp, so `ends_with` calls one out of line for
/// a few bytes, and most of the short endings compared (`요`, `까`) differ in their
/// last byte (Hangul's lead bytes EB and EC say little).
#[inline]
pub(crate) fn ends_with(b: &[u8], e: &[u8]) -> bool {
    b.len() >= e.len() && e.iter().rev().zip(b.iter().rev()).all(|(x, y)| x == y)
}

/// True when `a` and `b` are the same bytes: [`ends_with`] of the same length.
#[inline]
pub(crate) fn same(a: &[u8], b: &[u8]) -> bool {
    a.len() == b.len() && ends_with(a, b)
}

/// True when `b` starts with `p`: [`ends_with`] at the other end.
#[inline]
pub(crate) fn starts_with(b: &[u8], p: &[u8]) -> bool {
    b.get(..p.len()).is_some_and(|b| ends_with(b, p))
}

/// The first precomposed Hangul syllable, `가`.
pub(crate) const S_BASE: u32 = 0xAC00;
const L_BASE: u32 = 0x1100;
const V_BASE: u32 = 0x1161;
const T_BASE: u32 = 0x11A7;
const L_COUNT: u32 = 19;
const V_COUNT: u32 = 21;
const T_COUNT: u32 = 28;
const N_COUNT: u32 = V_COUNT * T_COUNT;
/// The number of precomposed Hangul syllables, `가` to `힣`.
pub(crate) const S_COUNT: u32 = L_COUNT * N_COUNT;

/// True for a precomposed Hangul syllable (`가`..=`힣`).
pub(crate) fn is_hangul_syllable(c: char) -> bool {
    (c as u32).wrapping_sub(S_BASE) < S_COUNT
}

/// The code point of the Hangul syllable whose UTF-8 encoding starts at `bytes[i]`,
/// if one does (`i` at a char boundary; see [`syllable_index`]).
#[inline]
pub(crate) fn syllable_at(bytes: &[u8], i: usize) -> Option<u32> {
    match *bytes.get(i..)? {
        [b0, b1, b2, ..] => syllable_index(b0, b1, b2).map(|s| S_BASE + u32::from(s)),
        _ => None,
    }
}

/// The syllable index (`가` = 0) of the Hangul syllable encoded by three bytes of
/// UTF-8 that start at a char boundary, if they encode one. Read as a UTF-8 sequence
/// of three bytes, they give an index below [`S_COUNT`] exactly for a Hangul syllable
/// (an ASCII byte or a two-byte lead gives a smaller code point, a four-byte lead a
/// larger one), so no lead byte check or masking is needed.
#[inline(always)]
pub(crate) fn syllable_index(b0: u8, b1: u8, b2: u8) -> Option<u16> {
    // The code point, plus the marker bits of the lead and continuation bytes.
    const MARKERS: u32 = (0xE0 << 12) | (0x80 << 6) | 0x80;
    let sum = (u32::from(b0) << 12) + (u32::from(b1) << 6) + u32::from(b2);
    let index = sum.wrapping_sub(MARKERS + S_BASE);
    (index < S_COUNT).then_some(index as u16)
}

/// `char::is_whitespace`, answered without the Unicode table for the chars that fill
/// Korean text (ASCII and Hangul syllables): the splitter and the ranker ask it of
/// nearly every char.
#[inline]
pub(crate) fn is_space(c: char) -> bool {
    if c.is_ascii() {
        c.is_ascii_whitespace() || c == '\u{0B}'
    } else {
        !is_hangul_syllable(c) && c.is_whitespace()
    }
}

/// True for the bytes that may start a whitespace char: ASCII whitespace, and C2, E1,
/// E2 and E3, the lead bytes of the others (a test checks).
const fn may_start_space(b: u8) -> bool {
    matches!(b, b'\t'..=b'\r' | b' ' | 0xC2 | 0xE1..=0xE3)
}

/// `s.trim_start()`, told from the first byte when it starts no whitespace char (as a
/// sentence's does): the standard library decodes the char and looks it up, and the
/// ranker trims every sentence several times.
pub(crate) fn trim_start(s: &str) -> &str {
    match s.as_bytes().first() {
        Some(&b) if !may_start_space(b) => s,
        _ => s.trim_start(),
    }
}

/// `s.trim_end()`, told from the last char's first byte when it starts no whitespace
/// char.
pub(crate) fn trim_end(s: &str) -> &str {
    // The last byte that is no continuation byte (10xxxxxx).
    match s
        .as_bytes()
        .iter()
        .rev()
        .take(4)
        .find(|&&b| b & 0xC0 != 0x80)
    {
        Some(&b) if !may_start_space(b) => s,
        _ => s.trim_end(),
    }
}

/// `s.trim()`, by [`trim_start`] and [`trim_end`].
pub(crate) fn trim(s: &str) -> &str {
    trim_end(trim_start(s))
}

/// Bounds on how many chars of `s` are not whitespace, `(at least, at most)`
/// ([`non_space_counts`]).
#[cfg(test)]
pub(crate) fn non_space_bounds(s: &str) -> (usize, usize) {
    let (chars, leads, _) = non_space_counts(s.as_bytes());
    (chars - leads, chars)
}

/// Counts of `b` from one pass over the bytes, a table load each (in wasm, without
/// vector instructions, the tests of each byte cost 5% of a summary): its chars (bytes
/// that are not continuation bytes) less the ASCII spaces, at most how many of them
/// are not whitespace; how many of those have the lead byte C2, E1, E2 or E3, which
/// every non-ASCII whitespace char has (the chars less these are at least how many are
/// not whitespace; the bounds are equal when there is none); and its vertical tabs
/// (U+000B, which [`crate::rank`]'s quotation test counts as a char).
/// ([`crate::boilerplate::Shape`] has these counts of a sentence from the boilerplate
/// test's pass.)
pub(crate) fn non_space_counts(b: &[u8]) -> (usize, usize, usize) {
    let (mut chars, mut leads, mut tabs) = (0usize, 0usize, 0usize);
    // The counts from one table load a byte, summed in one integer, 255 bytes at a
    // time so that no count reaches the next one's bits.
    for chunk in b.chunks(255) {
        let sum: u32 = chunk
            .iter()
            .map(|&b| NON_SPACE_AND_LEADS[usize::from(b)])
            .sum();
        chars += (sum & 0xFF) as usize;
        leads += (sum >> 8 & 0xFF) as usize;
        tabs += (sum >> 16) as usize;
    }
    (chars, leads, tabs)
}

/// [`non_space_counts`]'s table: 1 for a byte that starts a char other than an ASCII
/// space, plus 1 << 8 for the lead bytes that non-ASCII whitespace has, plus 1 << 16 for
/// the vertical tab.
static NON_SPACE_AND_LEADS: [u32; 256] = {
    let mut table = [0; 256];
    let mut b = 0;
    while b < 256 {
        let byte = b as u8;
        let starts = (byte as i8) >= -0x40 && !matches!(byte, b'\t'..=b'\r' | b' ');
        let lead = matches!(byte, 0xC2 | 0xE1..=0xE3);
        table[b] = starts as u32 | (lead as u32) << 8 | ((byte == 0x0B) as u32) << 16;
        b += 1;
    }
    table
};

/// How many chars `s` has (`str::chars().count()`, whose fast count is 0.9 KB of wasm):
/// its bytes but the continuation bytes (10xxxxxx), counted eight at a time.
#[inline(never)]
pub(crate) fn char_count(s: &str) -> usize {
    const HIGH: u64 = 0x8080_8080_8080_8080;
    let mut chunks = s.as_bytes().chunks_exact(8);
    let mut continuation = 0;
    for chunk in &mut chunks {
        let mut word = [0u8; 8];
        word.copy_from_slice(chunk);
        let w = u64::from_le_bytes(word);
        // Bit 7 set and bit 6 clear, in each byte.
        continuation += (w & !(w << 1) & HIGH).count_ones() as usize;
    }
    continuation += chunks
        .remainder()
        .iter()
        .filter(|&&b| b & 0xC0 == 0x80)
        .count();
    s.len() - continuation
}

/// How many chars of `s` are not whitespace.
#[cfg(test)]
pub(crate) fn count_non_space(s: &str) -> usize {
    count_non_space_within(s, non_space_bounds(s))
}

/// How many chars of `s` are not whitespace, given its bounds
/// (from [`non_space_counts`]): the chars that may be whitespace decoded when there
/// are any.
pub(crate) fn count_non_space_within(s: &str, (at_least, at_most): (usize, usize)) -> usize {
    if at_least == at_most {
        return at_most;
    }
    let bytes = s.as_bytes();
    let spaces = (0..bytes.len())
        .filter(|&i| matches!(bytes[i], 0xC2 | 0xE1..=0xE3))
        .filter(|&i| s[i..].chars().next().is_some_and(char::is_whitespace))
        .count();
    at_most - spaces
}

/// A composed copy of a text and the way back to the original's byte offsets.
#[derive(Debug)]
pub(crate) struct Composed {
    /// The text with its jamo sequences composed into syllables.
    pub text: String,
    /// `(composed offset, original offset)` pairs, ascending: from each pair to the
    /// next, the texts are byte-for-byte equal. The first pair is `(0, 0)`; a pair is
    /// added after every composed syllable.
    marks: Vec<(usize, usize)>,
}

impl Composed {
    /// The original byte offset of composed byte offset `at` (a char boundary of the
    /// composed text, or its length).
    pub fn offset(&self, at: usize) -> usize {
        let k = self.marks.partition_point(|&(c, _)| c <= at);
        // marks[0] is (0, 0), so k >= 1.
        let (c, o) = self.marks[k.saturating_sub(1)];
        at - c + o
    }

    /// The span of the original text that composed span `span` came from.
    pub fn span(&self, span: Span) -> Span {
        Span::new(self.offset(span.start), self.offset(span.end))
    }

    /// `summary` (of the composed text) with its spans pointing into the original.
    pub fn restore(&self, mut summary: Summary) -> Summary {
        for s in &mut summary.sentences {
            s.span = self.span(s.span);
        }
        for t in &mut summary.timings {
            *t = self.span(*t);
        }
        summary
    }
}

/// The leading jamo (choseong) that compose: ᄀ..ᄒ.
fn l_index(c: char) -> Option<u32> {
    (c as u32).checked_sub(L_BASE).filter(|&i| i < L_COUNT)
}

/// The vowel jamo (jungseong) that compose: ᅡ..ᅵ.
fn v_index(c: char) -> Option<u32> {
    (c as u32).checked_sub(V_BASE).filter(|&i| i < V_COUNT)
}

/// The trailing jamo (jongseong) that compose: ᆨ..ᇂ (index 1..=27).
fn t_index(c: char) -> Option<u32> {
    (c as u32)
        .checked_sub(T_BASE)
        .filter(|&i| (1..T_COUNT).contains(&i))
}

/// True when `c` is a precomposed syllable without a final consonant (가, 나, 하).
fn is_lv(c: char) -> bool {
    (c as u32)
        .checked_sub(S_BASE)
        .is_some_and(|i| i < S_COUNT && i % T_COUNT == 0)
}

/// True when `text` may hold conjoining jamo (U+1100..U+11FF, UTF-8 `E1 84..87 xx`).
/// Fast on NFC text: whole chunks are ruled out by a byte search for `0xE1`
/// ([`crate::split::byte_from`], 32 bytes a round: `slice::contains` is `memchr`, which
/// reads a word of four bytes a round in wasm).
pub(crate) fn has_conjoining_jamo(text: &str) -> bool {
    let bytes = text.as_bytes();
    let mut base = 0;
    for chunk in bytes.chunks(1 << 12) {
        if crate::split::byte_from(chunk, 0, 0xE1) < chunk.len() {
            for (i, &b) in chunk.iter().enumerate() {
                if b == 0xE1 && matches!(bytes.get(base + i + 1), Some(0x84..=0x87)) {
                    return true;
                }
            }
        }
        base += chunk.len();
    }
    false
}

/// Composes the decomposed Hangul in `text`; `None` when there is nothing to compose
/// (then the text is already as NFC would leave its Hangul).
pub(crate) fn compose_hangul(text: &str) -> Option<Composed> {
    if has_conjoining_jamo(text) {
        compose(text)
    } else {
        None
    }
}

/// [`compose_hangul`] for a text that has conjoining jamo. (Apart, so that V8 compiles
/// it only for such a text: it is 2 KB of wasm that most texts never run.)
#[inline(never)]
fn compose(text: &str) -> Option<Composed> {
    let mut out = String::with_capacity(text.len());
    let mut marks = vec![(0, 0)];
    let mut chars = text.char_indices().peekable();
    while let Some((_, c)) = chars.next() {
        let mut syllable = None;
        if let Some(l) = l_index(c) {
            if let Some(v) = chars.peek().and_then(|&(_, v)| v_index(v)) {
                chars.next();
                syllable = Some(S_BASE + (l * V_COUNT + v) * T_COUNT);
            }
        }
        let lv = syllable.or_else(|| is_lv(c).then_some(c as u32));
        if let Some(lv) = lv {
            if let Some(t) = chars.peek().and_then(|&(_, t)| t_index(t)) {
                chars.next();
                syllable = Some(lv + t);
            }
        }
        match syllable.and_then(char::from_u32) {
            Some(s) => {
                out.push(s);
                let end = chars.peek().map_or(text.len(), |&(j, _)| j);
                marks.push((out.len(), end));
            }
            None => out.push(c),
        }
    }
    (marks.len() > 1).then_some(Composed { text: out, marks })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn is_space_is_is_whitespace() {
        for c in (0..=0x10FFFF).filter_map(char::from_u32) {
            assert_eq!(is_space(c), c.is_whitespace(), "{:?}", c);
        }
    }

    #[test]
    fn syllable_at_reads_exactly_the_syllables() {
        let mut buf = [0u8; 4];
        for c in (0..=0x10FFFF).filter_map(char::from_u32) {
            let bytes = c.encode_utf8(&mut buf).as_bytes();
            let want = is_hangul_syllable(c).then_some(c as u32);
            assert_eq!(syllable_at(bytes, 0), want, "{c:?}");
        }
        assert_eq!(syllable_at("가".as_bytes(), 1), None);
        assert_eq!(syllable_at(&[0xEA, 0xB0], 0), None);
    }

    #[test]
    fn char_count_counts_like_chars() {
        let every: String = (0..=0x10FFFF).filter_map(char::from_u32).collect();
        assert_eq!(char_count(&every), every.chars().count());
        // Every length mod 8 and every alignment of the multi-byte chars.
        for (start, _) in every.char_indices().step_by(997).take(200) {
            for (len, _) in every[start..].char_indices().take(20) {
                let s = &every[start..start + len];
                assert_eq!(char_count(s), s.chars().count());
            }
        }
        for s in ["", "a", "가", "가나다라마바사", "ab가😀c", "1234567890가"] {
            assert_eq!(char_count(s), s.chars().count(), "{s:?}");
        }
    }

    #[test]
    fn trims_like_the_standard_library() {
        let mut buf = [0u8; 4];
        for c in (0..=0x10FFFF).filter_map(char::from_u32) {
            let first = c.encode_utf8(&mut buf).as_bytes()[0];
            assert!(may_start_space(first) || !c.is_whitespace(), "{c:?}");
        }
        for s in [
            "",
            " ",
            "\u{3000}가 나\u{a0}",
            " \t가나다. ",
            "가나다.\u{2028}",
            "\u{85}abc\u{1680}",
            "가\u{a0}",
            "😀 x 😀",
            "다.\u{e1}",
        ] {
            assert_eq!(trim_start(s), s.trim_start(), "{s:?}");
            assert_eq!(trim_end(s), s.trim_end(), "{s:?}");
            assert_eq!(trim(s), s.trim(), "{s:?}");
        }
    }

    #[test]
    fn count_non_space_counts_like_chars() {
        let every: String = (0..=0x10FFFF).filter_map(char::from_u32).collect();
        let want = |s: &str| s.chars().filter(|&c| !c.is_whitespace()).count();
        assert_eq!(count_non_space(&every), want(&every));
        for s in [
            "",
            " ",
            "가 나\u{3000}다\u{a0}",
            "a\u{2028}b\u{85}",
            "\u{1680}😀 x",
        ] {
            assert_eq!(count_non_space(s), want(s), "{s:?}");
            let (at_least, at_most) = non_space_bounds(s);
            assert!(at_least <= want(s) && want(s) <= at_most, "{s:?}");
        }
    }

    /// NFD of Hangul syllables, by the decomposition formula.
    fn nfd(text: &str) -> String {
        let mut out = String::new();
        for c in text.chars() {
            let s = (c as u32).wrapping_sub(S_BASE);
            if s < S_COUNT {
                out.push(char::from_u32(L_BASE + s / N_COUNT).unwrap());
                out.push(char::from_u32(V_BASE + (s % N_COUNT) / T_COUNT).unwrap());
                if s % T_COUNT != 0 {
                    out.push(char::from_u32(T_BASE + s % T_COUNT).unwrap());
                }
            } else {
                out.push(c);
            }
        }
        out
    }

    #[test]
    fn composes_nfd_back_to_nfc() {
        let nfc = "한국어 문장이다. 값은 3.5%였다! 😀 ㅋㅋ 끝";
        let decomposed = nfd(nfc);
        assert_ne!(decomposed, nfc);
        let c = compose_hangul(&decomposed).expect("jamo found");
        assert_eq!(c.text, nfc);
        // Every composed char boundary maps to an original char boundary, in order,
        // and each composed char is exactly the NFC of the original piece.
        let mut last = 0;
        for (i, ch) in c.text.char_indices() {
            let (a, b) = (c.offset(i), c.offset(i + ch.len_utf8()));
            assert!(a == last && a < b, "{i}: {a}..{b} after {last}");
            assert_eq!(
                compose_hangul(&decomposed[a..b])
                    .map_or_else(|| decomposed[a..b].to_string(), |x| x.text),
                ch.to_string()
            );
            last = b;
        }
        assert_eq!(c.offset(c.text.len()), decomposed.len());
    }

    #[test]
    fn all_syllables_round_trip() {
        let all: String = (S_BASE..S_BASE + S_COUNT)
            .filter_map(char::from_u32)
            .collect();
        assert_eq!(compose_hangul(&nfd(&all)).unwrap().text, all);
    }

    #[test]
    fn lv_syllable_with_trailing_jamo_and_stray_jamo() {
        // 가 + ᆨ = 각; a lone ᄀ, a lone ᅡ and a lone ᆨ stay as they are.
        let c = compose_hangul("가\u{11A8} \u{1100} \u{1161} \u{11A8}").unwrap();
        assert_eq!(c.text, "각 \u{1100} \u{1161} \u{11A8}");
        // 각 + ᆨ: an LVT syllable takes no second trailing jamo.
        assert!(compose_hangul("각\u{11A8}").is_none());
        // Jamo that never compose: nothing to do.
        assert!(compose_hangul("\u{1100}\u{1100} \u{11FF}").is_none());
        // Old-Hangul leading jamo (ᅙ, U+1159) is outside the composing range.
        assert!(compose_hangul("\u{1159}\u{1161}").is_none());
    }

    #[test]
    fn nfc_text_is_left_alone() {
        assert!(!has_conjoining_jamo("한국어 ㅋㅋ 😀 \u{E000} ἀ"));
        assert!(compose_hangul("").is_none());
        // U+1E00 (E1 B8 80) shares the lead byte but is not a jamo.
        assert!(!has_conjoining_jamo("\u{1E00}"));
        assert!(has_conjoining_jamo("\u{11FF}"));
        // Lead byte at a chunk's end, continuation in the next chunk.
        let mut t = "a".repeat((1 << 12) - 1);
        t.push('\u{1100}');
        assert!(has_conjoining_jamo(&t));
    }
}
