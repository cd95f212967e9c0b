//! Sentence splitting with byte spans.
//!
//! # Invariant
//!
//! [`split`] returns spans that are in order, never overlap, start and end on `char`
//! boundaries, neither begin nor end with whitespace (as [`char::is_whitespace`]
//! defines it), and together cover every non-whitespace character of the input: the
//! text between two spans, before the first and after the last is whitespace only.
//! It never panics, whatever the input.
//!
//! # Method
//!
//! Rules and small tables, one pass over each line, no dictionary:
//!
//! 1. A line break always ends a sentence (headlines, bylines, list items, captions).
//! 2. Within a line, quotes and brackets are paired first (symmetric `"` and `'` by
//!    alternation, a pair at most [`MAX_PAIR_CHARS`] apart; quotes that never close
//!    are ignored). Nothing inside a pair ends a sentence, so `“…다.”라며` and
//!    `(…있었습니다) 구글에서는` stay whole.
//! 3. Sentence punctuation (`. ! ? …`) ends a sentence when what follows agrees: a
//!    space and a word that is not a quotative or auxiliary continuation (`하며`,
//!    `라고`, `보니`…), or, with no space, Hangul after Hangul (`했다.그러나`). A period
//!    after a digit (`3.5`, `2024. 4. 12.`, `1.`), an initial or a Latin abbreviation
//!    (`U.S.`, `Dr.`), or a one-syllable list marker (`가.`) does not. An ellipsis ends
//!    a sentence only after a final ending, not after a connective (`때문에...`).
//!    Laughter, emoji, tildes and footnote marks (`[3]`) after the punctuation stay in
//!    the sentence.
//! 4. With no punctuation, a word that ends with a Korean final ending (`했다`, `해요`,
//!    `그렇죠`, `합니까`, `했음`, `추천함`, `됨`...) or with laughter or emoji ends the
//!    sentence when a space and a non-continuation word follow (`~다 보니`, `~다 하고`,
//!    `~지 않다` continue). Endings have strengths (see `endings.rs`): weak ones
//!    (`가다`, `~ㄴ 듯`) need a conjunctive adverb next (`그리고`, `하지만`); noun forms
//!    (`~함`, `~음`) and `하다`-like forms count fully only in lines that do not
//!    punctuate their sentences, since in punctuated text they are mostly nouns
//!    (`천안함`, `결함`) and connectives (`운전을 하다 사고`).
//! 5. A closing quote or bracket followed by a space ends the sentence when the pair
//!    opened the sentence and its content ended one, or when a quote inside the
//!    sentence ends with sentence punctuation and no continuation follows.

use crate::unicode::is_space;
use crate::Span;

mod endings;

use endings::{
    ending, has_jong_m, is_connective, is_continuation, is_decoration, is_final, is_opener,
    is_strong_decoration, is_syllable, may_end, words, Ending,
};

/// Quote and bracket pairs farther apart than this many chars are not paired.
pub const MAX_PAIR_CHARS: usize = 600;

/// Longest word (in chars) looked at before or after a candidate boundary.
const MAX_WORD: usize = 32;

/// Most quotes and brackets kept open at once while pairing.
const MAX_OPEN: usize = 32;

/// Longest bracketed note (in chars) kept with the sentence before it.
const MAX_NOTE: usize = 40;

/// Longest footnote mark kept after sentence punctuation (`[12]`, `[주 3]`).
const MAX_FOOTNOTE: usize = 12;

/// Chars the line buffers have room for from the start (most paragraphs fit; longer
/// lines grow them).
const LINE_CAPACITY: usize = 1024;

/// Marks a char that has no partner.
const NONE: u32 = u32::MAX;

/// Splits `text` into sentences; see the module documentation for the rules and the
/// invariant the spans satisfy.
///
/// Decomposed Hangul (NFD, conjoining jamo) splits like its composed (NFC) form; the
/// spans still point into `text` (see `src/unicode.rs`).
pub fn split(text: &str) -> Vec<Span> {
    match crate::unicode::compose_hangul(text) {
        Some(nfc) => split_composed(&nfc.text)
            .into_iter()
            .map(|s| nfc.span(s))
            .collect(),
        None => split_composed(text),
    }
}

/// [`split`] of text whose Hangul is composed.
fn split_composed(text: &str) -> Vec<Span> {
    let mut out = Vec::new();
    let mut line = Line::with_capacity(text.len().min(LINE_CAPACITY));
    let mut start = 0;
    let bytes = text.as_bytes();
    let mut i = 0;
    while i < bytes.len() {
        // Line breaks by their UTF-8 bytes: \n \r \v \f, U+0085 (C2 85),
        // U+2028 and U+2029 (E2 80 A8/A9). Skip to the next byte that can start one.
        match find_break_start(&bytes[i..]) {
            Some(k) => i += k,
            None => break,
        }
        let len = match bytes[i] {
            b'\n' | b'\r' | 0x0B | 0x0C => 1,
            0xC2 if bytes.get(i + 1) == Some(&0x85) => 2,
            0xE2 if bytes.get(i + 1) == Some(&0x80)
                && matches!(bytes.get(i + 2), Some(0xA8 | 0xA9)) =>
            {
                3
            }
            _ => 0,
        };
        if len > 0 {
            line.split(text, start, i, &mut out);
            start = i + len;
            i += len;
        } else {
            i += 1;
        }
    }
    line.split(text, start, text.len(), &mut out);
    out
}

/// The bytes a line break can start with: \n \r \v \f, and C2 or E2 (U+0085, U+2028,
/// U+2029). One table load a byte in the scan for line breaks.
static MAY_START_BREAK: [bool; 256] = {
    let mut table = [false; 256];
    let mut i = 0;
    while i < 256 {
        table[i] = matches!(i as u8, b'\n' | b'\r' | 0x0B | 0x0C | 0xC2 | 0xE2);
        i += 1;
    }
    table
};

/// The index of the first byte of `bytes` that may start a line break (see
/// [`MAY_START_BREAK`]). Most bytes cannot, so eight bytes at a time are ruled out
/// by bit tricks before the bytes themselves are looked at.
fn find_break_start(bytes: &[u8]) -> Option<usize> {
    const ONES: u64 = u64::from_ne_bytes([0x01; 8]);
    const HIGHS: u64 = u64::from_ne_bytes([0x80; 8]);
    // True when some byte of `x` is below `n` (n <= 0x80).
    let any_below = |x: u64, n: u64| x.wrapping_sub(ONES * n) & !x & HIGHS != 0;
    let is_start = |&b: &u8| MAY_START_BREAK[usize::from(b)];
    let mut words = bytes.chunks_exact(8);
    for (k, word) in words.by_ref().enumerate() {
        let x = u64::from_ne_bytes(word.try_into().unwrap_or_default());
        // A byte below 0x0E (\n \r \v \f and rarer control bytes), or C2 or E2
        // (the bytes that are E2 with bit 0x20 set)?
        if any_below(x, 0x0E) || any_below((x | (ONES * 0x20)) ^ (ONES * 0xE2), 1) {
            if let Some(j) = word.iter().position(is_start) {
                return Some(8 * k + j);
            }
        }
    }
    let tail = words.remainder();
    tail.iter()
        .position(is_start)
        .map(|j| bytes.len() - tail.len() + j)
}

/// Characters that end a line (and so a sentence); [`split`] finds them by bytes.
#[cfg(test)]
fn is_line_break(c: char) -> bool {
    matches!(
        c,
        '\n' | '\r' | '\u{0B}' | '\u{0C}' | '\u{85}' | '\u{2028}' | '\u{2029}'
    )
}

/// Sentence punctuation.
fn is_terminal(c: char) -> bool {
    matches!(
        c,
        '.' | '!' | '?' | '…' | '‥' | '⋯' | '。' | '！' | '？' | '．' | '‼' | '⁉'
    )
}

/// How a char takes part in quote and bracket pairing.
#[derive(Clone, Copy, PartialEq, Eq)]
enum Pairing {
    /// Not a quote or bracket.
    No,
    /// Opens a pair.
    Open,
    /// Closes a pair opened by the given char.
    Close(char),
    /// Opens or closes a pair of the same char (`"`, `'`).
    Both,
}

/// The pairing role of `c`, given its neighbours (an apostrophe inside a Latin word,
/// as in `don't`, is not a quote).
const fn pairing(prev: char, c: char, next: char) -> Pairing {
    match c {
        '(' | '[' | '{' | '<' | '「' | '『' | '《' | '〈' | '【' | '〔' | '“' | '‘' | '«'
        | '（' | '［' | '｛' => Pairing::Open,
        ')' => Pairing::Close('('),
        ']' => Pairing::Close('['),
        '}' => Pairing::Close('{'),
        '>' => Pairing::Close('<'),
        '」' => Pairing::Close('「'),
        '』' => Pairing::Close('『'),
        '》' => Pairing::Close('《'),
        '〉' => Pairing::Close('〈'),
        '】' => Pairing::Close('【'),
        '〕' => Pairing::Close('〔'),
        '”' => Pairing::Close('“'),
        '»' => Pairing::Close('«'),
        '）' => Pairing::Close('（'),
        '］' => Pairing::Close('［'),
        '｝' => Pairing::Close('｛'),
        '’' if !(prev.is_ascii_alphanumeric() && next.is_ascii_alphabetic()) => {
            Pairing::Close('‘')
        }
        '"' | '`' => Pairing::Both,
        '\'' if !(prev.is_ascii_alphanumeric() && next.is_ascii_alphanumeric()) => Pairing::Both,
        _ => Pairing::No,
    }
}

/// The ASCII chars that may pair (see [`pairing`]), and the period: the ASCII chars
/// [`Line::pair`] looks at.
static ASCII_PAIR_OR_PERIOD: [bool; 128] = {
    let mut table = [false; 128];
    let mut b = 0;
    while b < 128 {
        let c = b as u8 as char;
        table[b] = c == '.' || !matches!(pairing(' ', c, ' '), Pairing::No);
        b += 1;
    }
    table
};

/// True when [`Line::pair`] must look at `c`: a quote or bracket (whatever its
/// neighbours), a period, or a char that is neither ASCII nor a Hangul syllable.
fn pair_looks_at(c: char) -> bool {
    if c.is_ascii() {
        ASCII_PAIR_OR_PERIOD[c as usize]
    } else {
        !is_syllable(c)
    }
}

/// Closing quotes or brackets, paired or not.
fn is_closer_char(c: char) -> bool {
    matches!(pairing(' ', c, ' '), Pairing::Close(_) | Pairing::Both)
}

/// Round and square brackets (as opposed to quotes and title marks): content in them
/// is an aside, and closing one in mid-sentence never ends the sentence.
fn is_paren(c: char) -> bool {
    matches!(c, '(' | '[' | '{' | '【' | '〔' | '（' | '［' | '｛')
}

/// Abbreviations that a period does not end (case-sensitive, without the period).
const ABBREVIATIONS: &[&[char]] = words![
    "Mr", "Mrs", "Ms", "Dr", "Prof", "St", "Jr", "Sr", "vs", "Inc", "Co", "Ltd", "Corp", "No",
    "Vol", "vol", "pp", "Fig", "fig", "Jan", "Feb", "Mar", "Apr", "Jun", "Jul", "Aug", "Sep",
    "Sept", "Oct", "Nov", "Dec", "Mt", "Gen", "Gov", "Sen", "Rep", "Ave", "approx", "cf", "al",
    "eg", "ie", "Ph", "Rev", "Capt", "Col", "Lt", "Sgt",
];

/// Per-line buffers, reused from line to line.
#[derive(Default)]
struct Line {
    /// The line's chars. (Byte offsets are not kept per char: sentences are found as
    /// char ranges and converted in one pass, which keeps a long line's buffers at
    /// 8 bytes a char.)
    chars: Vec<char>,
    /// For a paired quote or bracket, the index of its partner.
    mate: Vec<u32>,
    /// Open pairs while pairing.
    stack: Vec<u32>,
    /// True when the line ends sentences with periods (`했다. `) at least twice:
    /// then noun-form endings and 하다-like forms without a period are read as nouns
    /// and connectives rather than as sentence ends (see [`Ending::in_style`]).
    punctuated: bool,
}

impl Line {
    /// Buffers with room for a line of `n` chars.
    fn with_capacity(n: usize) -> Self {
        Line {
            chars: Vec::with_capacity(n),
            mate: Vec::with_capacity(n),
            ..Line::default()
        }
    }

    /// Splits `text[start..end]` (one line, no line break inside) into `out`.
    fn split(&mut self, text: &str, start: usize, end: usize, out: &mut Vec<Span>) {
        let Some(line) = text.get(start..end) else {
            return;
        };
        if line.trim_start().is_empty() {
            return;
        }
        self.chars.clear();
        self.chars.resize(line.chars().count(), '\0');
        for (slot, c) in self.chars.iter_mut().zip(line.chars()) {
            *slot = c;
        }
        self.pair();
        let first = out.len();
        self.scan(out);
        // `scan` pushed char ranges, in order: make them byte ranges in one pass.
        let (mut idx, mut byte) = (0, start);
        for span in &mut out[first..] {
            let from = byte + utf8_len(&self.chars[idx..span.start]);
            byte = from + utf8_len(&self.chars[span.start..span.end]);
            idx = span.end;
            *span = Span::new(from, byte);
        }
    }

    /// Fills `mate` and `punctuated`.
    fn pair(&mut self) {
        let Line {
            chars, mate, stack, ..
        } = self;
        mate.clear();
        mate.resize(chars.len(), NONE);
        stack.clear();
        let mut periods = 0;
        for (i, &c) in chars.iter().enumerate() {
            if !pair_looks_at(c) {
                continue;
            }
            let prev = if i > 0 { chars[i - 1] } else { ' ' };
            let next = chars.get(i + 1).copied().unwrap_or(' ');
            if c == '.' && is_syllable(prev) && is_space(next) {
                periods += 1;
            }
            let want = match pairing(prev, c, next) {
                Pairing::No => continue,
                Pairing::Open => {
                    push_open(stack, i);
                    continue;
                }
                Pairing::Close(open) => open,
                Pairing::Both => c,
            };
            let found = stack.iter().rposition(|&o| chars[o as usize] == want);
            match found {
                Some(k) if i - stack[k] as usize <= MAX_PAIR_CHARS => {
                    let o = stack[k];
                    mate[o as usize] = i as u32;
                    mate[i] = o;
                    stack.truncate(k);
                }
                Some(k) if want == c => {
                    // Too far from its partner: start a new pair here.
                    stack.truncate(k);
                    push_open(stack, i);
                }
                None if want == c => push_open(stack, i),
                _ => {}
            }
        }
        self.punctuated = periods >= 2;
    }

    /// The index of the partner of the char at `i` when it opens a pair.
    fn opens_pair(&self, i: usize) -> Option<usize> {
        let m = self.mate[i];
        (m != NONE && (m as usize) > i).then_some(m as usize)
    }

    /// True when the char at `i` closes a pair.
    fn closes_pair(&self, i: usize) -> bool {
        let m = self.mate[i];
        m != NONE && (m as usize) < i
    }

    /// True when `[…]` from `s` to `i` opens the sentence and is a news byline or
    /// dateline (`[가상일보 김하늘 기자]`, `[서울=연합뉴스]`): it is then a unit of its
    /// own, so that highlighting the lead sentence does not take the byline along.
    fn byline_bracket(&self, s: usize, i: usize) -> bool {
        const TITLES: [&str; 4] = ["기자", "특파원", "통신원", "에디터"];
        if self.chars[s] != '[' || self.chars[i] != ']' || self.mate[i] as usize != s {
            return false;
        }
        if !self.chars.get(i + 1).is_some_and(|&c| is_space(c)) || i - s > 40 {
            return false;
        }
        let inner: String = self.chars[s + 1..i].iter().collect();
        let inner = inner.trim_end();
        inner.contains('=') || TITLES.iter().any(|t| inner.ends_with(t))
    }

    /// True when the char at `i` is a closing mark left without a partner.
    fn unpaired_closer(&self, i: usize) -> bool {
        self.mate[i] == NONE && is_closer_char(self.chars[i])
    }

    /// The word ending just before index `end` (exclusive), not reaching before `floor`.
    fn word_before(&self, end: usize, floor: usize) -> &[char] {
        let mut s = end;
        while s > floor && end - s < MAX_WORD && !is_space(self.chars[s - 1]) {
            s -= 1;
        }
        &self.chars[s..end]
    }

    /// The word starting at or after index `i` (skipping whitespace).
    fn word_after(&self, i: usize) -> &[char] {
        let n = self.chars.len();
        let mut s = i;
        while s < n && is_space(self.chars[s]) {
            s += 1;
        }
        let mut e = s;
        while e < n && e - s < MAX_WORD && !is_space(self.chars[e]) {
            e += 1;
        }
        &self.chars[s..e]
    }

    /// Walks the line and pushes its sentences as char index ranges, in order.
    fn scan(&self, out: &mut Vec<Span>) {
        let chars = &self.chars;
        let n = chars.len();
        let mut sent: Option<usize> = None;
        let mut i = 0;
        while i < n {
            let c = chars[i];
            if is_space(c) {
                i += 1;
                continue;
            }
            let s = *sent.get_or_insert(i);
            if is_syllable(c) {
                // Nothing ends inside a Hangul word: go to its last syllable, and only
                // there look for an ending (a syllable no ending ends with, as most
                // words end, cannot end the sentence; see `after_word`).
                while chars.get(i + 1).is_some_and(|&d| is_syllable(d)) {
                    i += 1;
                }
                let next_ws = chars.get(i + 1).is_some_and(|&d| is_space(d));
                if next_ws && may_end(chars[i]) && self.after_word(i, s) {
                    out.push(Span::new(s, i + 1));
                    sent = None;
                }
                i += 1;
                continue;
            }
            if is_terminal(c) {
                let (end, boundary) = self.after_terminal(i, s);
                if boundary {
                    out.push(Span::new(s, end));
                    sent = None;
                }
                i = end;
                continue;
            }
            let next_ws = chars.get(i + 1).is_some_and(|&c| is_space(c));
            if self.closes_pair(i) {
                let glued = chars.get(i + 1).is_some_and(|&c| is_syllable(c));
                if (next_ws && self.after_closer(i, s))
                    || (glued && self.after_glued_closer(i, s))
                    || self.byline_bracket(s, i)
                {
                    out.push(Span::new(s, i + 1));
                    sent = None;
                }
                i += 1;
                continue;
            }
            let glued = chars.get(i + 1).is_some_and(|&c| is_syllable(c)) && is_decoration(c);
            if (next_ws || glued) && self.after_word(i, s) {
                out.push(Span::new(s, i + 1));
                sent = None;
            }
            match self.opens_pair(i) {
                Some(close) => {
                    // Nothing inside a pair ends a sentence: go to its closing mark (a
                    // sentence that ended just before the pair starts inside it).
                    if sent.is_none() {
                        sent = (i + 1..close).find(|&k| !is_space(chars[k]));
                    }
                    i = close;
                }
                None => i += 1,
            }
        }
        if let Some(s) = sent {
            let mut e = n;
            while e > s && is_space(chars[e - 1]) {
                e -= 1;
            }
            if e > s {
                out.push(Span::new(s, e));
            }
        }
    }

    /// Sentence punctuation at `a` in the sentence starting at `s`: returns the index
    /// after the punctuation run and what trails it, and whether a sentence ends there.
    fn after_terminal(&self, a: usize, s: usize) -> (usize, bool) {
        let chars = &self.chars;
        let n = chars.len();
        let mut t = a;
        while t < n && is_terminal(chars[t]) {
            t += 1;
        }
        let run = &chars[a..t];
        // What may trail the punctuation: more punctuation, decorations, unpaired
        // closing marks, footnote marks.
        let mut b = t;
        while b < n {
            let c = chars[b];
            if is_terminal(c) || is_decoration(c) || self.unpaired_closer(b) {
                b += 1;
            } else if c == '[' && self.mate[b] != NONE && (self.mate[b] as usize) > b {
                let close = self.mate[b] as usize;
                if close - b > MAX_FOOTNOTE {
                    break;
                }
                b = close + 1;
            } else if is_space(c) {
                // Laughter or emoji after a space still belong to this sentence:
                // `…하니까요. 😲😲`.
                let mut k = b;
                while k < n && is_space(chars[k]) {
                    k += 1;
                }
                let mut e = k;
                while e < n && is_decoration(chars[e]) {
                    e += 1;
                }
                if e > k && is_strong_decoration(&chars[k..e]) {
                    b = e;
                } else if let Some(close) = self.short_note(k) {
                    b = close + 1;
                } else {
                    break;
                }
            } else {
                break;
            }
        }
        if a == s {
            // Punctuation opening a sentence ("...그래서") never ends it.
            return (b, false);
        }
        let Some(&next) = chars.get(b) else {
            return (b, true);
        };
        let word = self.word_before(a, s);
        let core = hangul_tail(word);
        let dots = run
            .iter()
            .all(|&c| matches!(c, '.' | '…' | '‥' | '⋯' | '．'));
        let ellipsis = dots && (run.len() >= 2 || run.iter().any(|&c| c != '.' && c != '．'));
        let single_period = dots && !ellipsis;
        if is_space(next) {
            if single_period && (self.period_is_not_terminal(a, s) || self.spaced_letters(a, s)) {
                return (b, false);
            }
            // An ellipsis after a connective (때문에...) or after a one-syllable
            // interjection opening the sentence (음..., 아...) is a pause, not an end.
            let pause = || {
                let interjection = word.len() == 1 && a == s + 1;
                core.is_empty() || is_connective(core) || interjection
            };
            if ellipsis && pause() && !is_final(core) {
                return (b, false);
            }
            return (b, !is_continuation(self.word_after(b)));
        }
        // No space after the punctuation: only Hangul text may end a sentence there
        // (했다.그러나), never URLs, numbers or Latin abbreviations.
        let prev = chars[a - 1];
        if !is_syllable(prev) && !is_decoration(prev) {
            return (b, false);
        }
        if ellipsis && !is_final(core) {
            return (b, false);
        }
        if single_period && self.spaced_letters(a, s) {
            return (b, false);
        }
        let boundary = if is_syllable(next) {
            !is_continuation(self.word_after(b))
        } else if matches!(next, '“' | '‘' | '「' | '『' | '"' | '\'') {
            true
        } else {
            self.word_ending(word) == Ending::Strong && !is_closer_char(next)
        };
        if boundary && single_period && self.period_is_not_terminal(a, s) {
            return (b, false);
        }
        (b, boundary)
    }

    /// When a short bracketed note that does not itself end a sentence opens at `k`
    /// and is followed by whitespace or the line's end (`…이다. (6회 우승)`,
    /// `(2021년 3월)`, `(사진=…)`), the index of its closing bracket: such a note
    /// stays with the sentence before it.
    fn short_note(&self, k: usize) -> Option<usize> {
        let chars = &self.chars;
        if !matches!(chars.get(k), Some('(' | '[' | '（')) {
            return None;
        }
        let close = self.mate[k] as usize;
        if self.mate[k] == NONE || close <= k || close - k > MAX_NOTE {
            return None;
        }
        if chars.get(close + 1).is_some_and(|&c| !is_space(c)) {
            return None;
        }
        let mut e = close;
        while e > k + 1 && (is_closer_char(chars[e - 1]) || is_space(chars[e - 1])) {
            e -= 1;
        }
        if e <= k + 1 || is_terminal(chars[e - 1]) {
            return None;
        }
        let (core, deco) = strip_decorations(self.word_before(e, k + 1));
        if is_strong_decoration(deco) || self.word_ending(core) != Ending::None {
            return None;
        }
        Some(close)
    }

    /// True when the period at `a` follows a one-syllable word that is spelled out
    /// letter by letter with its neighbours (`반.전.`, `전. 부. 다.`).
    fn spaced_letters(&self, a: usize, s: usize) -> bool {
        let chars = &self.chars;
        let is_letter_at = |k: usize| {
            chars.get(k).is_some_and(|&c| is_syllable(c))
                && (k == 0 || k <= s || !is_syllable(chars[k - 1]))
                && chars.get(k + 1).is_some_and(|&c| is_terminal(c))
        };
        if a == 0 || !is_letter_at(a - 1) {
            return false;
        }
        // The previous letter: `X.` or `X. ` just before.
        let mut k = a - 1;
        while k > s && is_space(chars[k - 1]) {
            k -= 1;
        }
        let before = k >= 2 && k - 2 >= s && chars[k - 1] == '.' && is_letter_at(k - 2);
        // The next letter.
        let mut j = a + 1;
        while j < chars.len() && is_space(chars[j]) {
            j += 1;
        }
        before || is_letter_at(j)
    }

    /// True when the single period at `a` marks a number, an abbreviation, an
    /// initial or a list marker rather than the end of a sentence.
    fn period_is_not_terminal(&self, a: usize, s: usize) -> bool {
        let chars = &self.chars;
        let Some(&p) = a.checked_sub(1).and_then(|k| chars.get(k)) else {
            return false;
        };
        if p.is_ascii_digit() || matches!(p, 'Ⅰ'..='Ⅻ' | 'ⅰ'..='ⅻ' | '①'..='⑳') {
            return true;
        }
        if p.is_ascii_alphabetic() {
            let mut k = a;
            while k > s && chars[k - 1].is_ascii_alphabetic() {
                k -= 1;
            }
            let seg = &chars[k..a];
            if seg.len() == 1 && (p.is_ascii_uppercase() || k == s) {
                return true;
            }
            let before_ok = k == s || !chars[k - 1].is_alphanumeric();
            return before_ok && ABBREVIATIONS.contains(&seg);
        }
        // A one-syllable list marker opening the sentence: 가. 나. 다.
        is_syllable(p) && a - 1 == s
    }

    /// A closing quote or bracket at `i`, followed by whitespace, in the sentence
    /// starting at `s`: does the sentence end after it?
    fn after_closer(&self, i: usize, s: usize) -> bool {
        let chars = &self.chars;
        let o = self.mate[i] as usize;
        // The pair opens the sentence when only opening marks precede it.
        let opens_sentence = (s..o).all(|k| matches!(pairing(' ', chars[k], ' '), Pairing::Open));
        // How the content ends: skip nested closers backwards.
        let mut k = i;
        while k > o + 1 && (is_closer_char(chars[k - 1]) || is_space(chars[k - 1])) {
            k -= 1;
        }
        let ends_punct = k > o + 1 && is_terminal(chars[k - 1]);
        let ended = ends_punct || {
            let word = self.word_before(k, o + 1);
            let (core, deco) = strip_decorations(word);
            is_strong_decoration(deco) || is_final(hangul_tail(core))
        };
        let boundary = if opens_sentence {
            ended
        } else if is_paren(chars[o]) {
            // An aside right after a finished sentence: `…했다.(사진=…)`,
            // `"…한다."(요한 3:13)`.
            o > s && self.ends_sentence_unit(o - 1, s)
        } else {
            ends_punct
        };
        boundary && !is_continuation(self.word_after(i + 1))
    }

    /// A closing quote or bracket at `i` with Hangul right after it (no space): the
    /// sentence ends only when the pair opened the sentence, its content ended with
    /// sentence punctuation, and the Hangul is not a particle or quotative
    /// (`“…요?”아직` splits, `“…다.”라고` and `“…다.”는` do not).
    fn after_glued_closer(&self, i: usize, s: usize) -> bool {
        let chars = &self.chars;
        let o = self.mate[i] as usize;
        if !(s..o).all(|k| matches!(pairing(' ', chars[k], ' '), Pairing::Open)) {
            return false;
        }
        let mut k = i;
        while k > o + 1 && is_closer_char(chars[k - 1]) {
            k -= 1;
        }
        if !(k > o + 1 && is_terminal(chars[k - 1])) {
            return false;
        }
        let next = self.word_after(i + 1);
        !is_continuation(next) && !next.first().is_some_and(|&c| is_particle_start(c))
    }

    /// True when the char at `k` (in the sentence starting at `s`) finishes a
    /// sentence: sentence punctuation, or the closing mark of a pair that opened the
    /// sentence and ended with sentence punctuation.
    fn ends_sentence_unit(&self, k: usize, s: usize) -> bool {
        let chars = &self.chars;
        if is_terminal(chars[k]) {
            return k > s;
        }
        if is_space(chars[k]) {
            // `…버렸음 (출근시간 19시)`: a finished clause before the aside.
            let mut e = k;
            while e > s && is_space(chars[e - 1]) {
                e -= 1;
            }
            return e > s && !is_space(chars[e - 1]) && self.ends_sentence_unit(e - 1, s);
        }
        if !self.closes_pair(k) {
            let word = self.word_before(k + 1, s);
            let (core, deco) = strip_decorations(word);
            return self.word_ending(core) == Ending::Strong
                || (deco.len() == word.len() && is_strong_decoration(deco));
        }
        let o = self.mate[k] as usize;
        let opens_sentence = (s..o).all(|j| matches!(pairing(' ', chars[j], ' '), Pairing::Open));
        let mut j = k;
        while j > o + 1 && is_closer_char(chars[j - 1]) {
            j -= 1;
        }
        opens_sentence && j > o + 1 && is_terminal(chars[j - 1])
    }

    /// The last char of a word at `i`, followed by whitespace, with no punctuation:
    /// does the sentence starting at `s` end after it?
    fn after_word(&self, i: usize, s: usize) -> bool {
        let word = self.word_before(i + 1, s);
        let (core, deco) = strip_decorations(word);
        let strength = if core.is_empty() {
            // A word of decorations only (ㅋㅋ, 😀): it ends the sentence when the
            // word before it did.
            let w0 = i + 1 - word.len();
            let mut k = w0;
            while k > s && is_space(self.chars[k - 1]) {
                k -= 1;
            }
            if k == w0 || k <= s || !is_strong_decoration(deco) {
                return false;
            }
            let before = self.word_before(k, s);
            let (bcore, _) = strip_decorations(before);
            if bcore.last().is_some_and(|&c| is_terminal(c))
                || self.word_ending(bcore) != Ending::None
            {
                // Laughter confirms even a weak ending (처음인 듯 ㅋㅋ).
                Ending::Strong
            } else {
                Ending::None
            }
        } else {
            let st = self.word_ending(core);
            if is_strong_decoration(deco)
                && (st == Ending::Weak
                    || (st == Ending::None
                        && hangul_tail(core).len() == core.len()
                        && core.last().is_some_and(|&c| has_jong_m(c))))
            {
                // Laughter or emoji confirm a weak ending or a nominalized ~ㅁ
                // (채움ㅎㅎ).
                Ending::Strong
            } else {
                st
            }
        };
        if strength == Ending::None {
            return false;
        }
        let next = self.word_after(i + 1);
        match strength {
            Ending::None => false,
            Ending::Weak => is_opener(next),
            Ending::Strong | Ending::Nominal | Ending::Plain => {
                !is_continuation(next)
                    && !next.first().is_some_and(|&c| matches!(c, '(' | '['))
                    && !self.bound_noun_follows(i + 1, next)
            }
        }
    }

    /// The final-ending strength of a word without decorations: only a whole Hangul word,
    /// or Hangul after a closing quote (`'짱구'인데요`), can carry an ending. The result
    /// is resolved for the line's style: `None`, `Weak` or `Strong`.
    fn word_ending(&self, core: &[char]) -> Ending {
        let tail = hangul_tail(core);
        let whole = tail.len() == core.len()
            || core
                .len()
                .checked_sub(tail.len() + 1)
                .is_some_and(|k| is_closer_char(core[k]));
        if whole {
            ending(tail).in_style(self.punctuated)
        } else {
            Ending::None
        }
    }

    /// True when the next words are "그 자체" or "그 대로"-like bound phrases that
    /// continue a nominalized ending (상큼함 그 자체).
    fn bound_noun_follows(&self, i: usize, next: &[char]) -> bool {
        if next != ['그'] {
            return false;
        }
        let mut k = i;
        while k < self.chars.len() && is_space(self.chars[k]) {
            k += 1;
        }
        let after = self.word_after(k + 1);
        after.starts_with(&['자', '체']) || after.starts_with(&['대', '로'])
    }
}

/// The UTF-8 length of `chars` (the sum of their [`char::len_utf8`]), branch-free so
/// that the compiler vectorizes the loop (in 32-bit lanes: a block of 2^28 chars
/// has at most 2^30 bytes).
fn utf8_len(chars: &[char]) -> usize {
    chars
        .chunks(1 << 28)
        .map(|block| {
            let bytes: u32 = block
                .iter()
                .map(|&c| {
                    let c = c as u32;
                    1 + u32::from(c >= 0x80) + u32::from(c >= 0x800) + u32::from(c >= 0x10000)
                })
                .sum();
            bytes as usize
        })
        .sum()
}

/// Pushes an open quote or bracket, forgetting the oldest when [`MAX_OPEN`] are open
/// (text with many stray marks would otherwise make pairing quadratic).
fn push_open(stack: &mut Vec<u32>, i: usize) {
    if stack.len() >= MAX_OPEN {
        stack.remove(0);
    }
    stack.push(i as u32);
}

/// First syllables of particles and quotative endings that attach to a closing quote
/// (`”라고`, `”는`, `”를`, `”에서`, `”처럼`, `”하며`...).
fn is_particle_start(c: char) -> bool {
    matches!(
        c,
        '라' | '고'
            | '며'
            | '는'
            | '은'
            | '를'
            | '을'
            | '와'
            | '과'
            | '에'
            | '의'
            | '도'
            | '로'
            | '으'
            | '처'
            | '란'
            | '이'
            | '하'
            | '가'
            | '만'
            | '까'
            | '식'
            | '등'
            | '면'
            | '다'
            | '한'
            | '했'
            | '랑'
            | '께'
            | '보'
            | '부'
            | '조'
            | '마'
            | '야'
            | '요'
            | '인'
            | '일'
    )
}

/// Invisible format characters that web pages and PDFs leave inside text (zero-width
/// space and non-joiner, word joiner, byte-order mark, soft hyphen, direction marks):
/// a word that ends with one ends as if it were not there.
fn is_invisible(c: char) -> bool {
    matches!(
        c,
        '\u{200B}' | '\u{200C}' | '\u{2060}' | '\u{FEFF}' | '\u{AD}' | '\u{200E}' | '\u{200F}'
    )
}

/// Splits trailing decorations (and unpaired closing marks, and invisible format
/// characters) off a word.
fn strip_decorations(word: &[char]) -> (&[char], &[char]) {
    let mut e = word.len();
    let strip = |c| !is_syllable(c) && (is_decoration(c) || is_closer_char(c) || is_invisible(c));
    while e > 0 && strip(word[e - 1]) {
        e -= 1;
    }
    word.split_at(e)
}

/// The trailing Hangul syllables of a word.
fn hangul_tail(word: &[char]) -> &[char] {
    let mut s = word.len();
    while s > 0 && is_syllable(word[s - 1]) {
        s -= 1;
    }
    &word[s..]
}

#[cfg(test)]
mod tests {
    use super::*;

    fn texts(text: &str) -> Vec<&str> {
        split(text).into_iter().map(|s| &text[s.range()]).collect()
    }

    #[test]
    fn splits_after_terminal_and_space() {
        assert_eq!(
            texts("가나다. 라마바? 사아!"),
            ["가나다.", "라마바?", "사아!"]
        );
    }

    #[test]
    fn keeps_quoted_sentence_inside() {
        assert_eq!(
            texts("그는 “좋다. 정말 좋다”라며 웃었다. 다음이다."),
            ["그는 “좋다. 정말 좋다”라며 웃었다.", "다음이다."]
        );
        assert_eq!(
            texts("\"가자.\" 하며 일어섰다."),
            ["\"가자.\" 하며 일어섰다."]
        );
    }

    #[test]
    fn line_breaks_end_sentences() {
        assert_eq!(texts("제목\n\n본문이다"), ["제목", "본문이다"]);
    }

    #[test]
    fn missing_space_and_no_punctuation() {
        assert_eq!(texts("했다.그러나 좋았다"), ["했다.", "그러나 좋았다"]);
        assert_eq!(
            texts("맛있었어요 다음에 또 갈게요"),
            ["맛있었어요", "다음에 또 갈게요"]
        );
        assert_eq!(texts("재밌다ㅋㅋ 또 보자"), ["재밌다ㅋㅋ", "또 보자"]);
    }

    #[test]
    fn numbers_and_abbreviations() {
        assert_eq!(texts("3.5% 올랐다. 끝."), ["3.5% 올랐다.", "끝."]);
        assert_eq!(texts("2024. 4. 12. 발표했다."), ["2024. 4. 12. 발표했다."]);
        assert_eq!(
            texts("Dr. Kim과 U.S. 정부가 만났다."),
            ["Dr. Kim과 U.S. 정부가 만났다."]
        );
    }

    #[test]
    fn closing_quote_glued_to_the_next_sentence() {
        assert_eq!(
            texts("“정말요?”그는 웃었다."),
            ["“정말요?”", "그는 웃었다."]
        );
        assert_eq!(texts("“정말요?”라고 물었다."), ["“정말요?”라고 물었다."]);
    }

    #[test]
    fn style_of_the_line_decides_noun_forms() {
        // Unpunctuated, informal: noun forms end sentences.
        assert_eq!(
            texts("오늘 완료함 내일 시작함"),
            ["오늘 완료함", "내일 시작함"]
        );
        // Punctuated: a bare noun form is a noun.
        assert_eq!(
            texts("그는 천안함 사건을 다뤘다. 기사는 길었다."),
            ["그는 천안함 사건을 다뤘다.", "기사는 길었다."]
        );
    }

    #[test]
    fn byline_brackets_stand_alone() {
        assert_eq!(
            texts("[가상일보 김하늘 기자] 정부가 예산을 늘렸다. 업계는 환영했다."),
            [
                "[가상일보 김하늘 기자]",
                "정부가 예산을 늘렸다.",
                "업계는 환영했다."
            ]
        );
        assert_eq!(
            texts("[서울=가상뉴스] 정부가 예산을 늘렸다."),
            ["[서울=가상뉴스]", "정부가 예산을 늘렸다."]
        );
        // Other brackets at the start stay with their sentence.
        assert_eq!(
            texts("[단독] 정부가 예산을 늘렸다."),
            ["[단독] 정부가 예산을 늘렸다."]
        );
    }

    #[test]
    fn pairing_helpers() {
        assert!(matches!(pairing('n', '\'', 't'), Pairing::No));
        assert!(matches!(pairing(' ', '\'', '가'), Pairing::Both));
        assert!(matches!(pairing(' ', '”', ' '), Pairing::Close('“')));
        assert!(is_closer_char(')') && !is_closer_char('('));
        assert!(is_paren('(') && !is_paren('“'));
    }

    #[test]
    fn word_helpers() {
        let w: Vec<char> = "좋다ㅋㅋ~".chars().collect();
        let (core, deco) = strip_decorations(&w);
        assert_eq!(core.iter().collect::<String>(), "좋다");
        assert_eq!(deco.iter().collect::<String>(), "ㅋㅋ~");
        let w: Vec<char> = "AB다".chars().collect();
        assert_eq!(hangul_tail(&w), ['다']);
    }

    #[test]
    fn every_line_break_ends_a_sentence() {
        for br in [
            '\n', '\r', '\u{0B}', '\u{0C}', '\u{85}', '\u{2028}', '\u{2029}',
        ] {
            assert!(is_line_break(br));
            let t = format!("가나{br}다라");
            assert_eq!(texts(&t), ["가나", "다라"], "break {:?}", br);
        }
        assert!(!is_line_break(' '));
    }

    #[test]
    fn invisible_characters_do_not_hide_an_ending() {
        assert_eq!(
            texts("정부가 발표했다\u{200B} 업계는 환영했다"),
            ["정부가 발표했다\u{200B}", "업계는 환영했다"]
        );
        assert_eq!(
            texts("좋았어요\u{FEFF} 또 갈게요"),
            ["좋았어요\u{FEFF}", "또 갈게요"]
        );
    }

    #[test]
    fn sentence_ending_at_an_opening_quote_restarts_inside_the_pair() {
        assert_eq!(
            texts("좋았다\" 그는 웃었다 \"끝이다."),
            ["좋았다\"", "그는 웃었다 \"끝이다."]
        );
        assert_eq!(texts("좋았다\"  \" 또 가요"), ["좋았다\"", "\" 또 가요"]);
    }

    #[test]
    fn break_bytes_are_found_at_every_offset() {
        let text = "가a\t“”…\u{2028}b\u{85}c\rd\n🙂\u{0B}é\u{0C}";
        let bytes = text.as_bytes();
        for from in 0..bytes.len() {
            assert_eq!(
                find_break_start(&bytes[from..]),
                bytes[from..]
                    .iter()
                    .position(|&b| MAY_START_BREAK[usize::from(b)]),
                "from {from}"
            );
        }
    }

    #[test]
    fn utf8_len_is_the_sum_of_char_lengths() {
        let chars: Vec<char> = "a é 가 🙂 \u{7F}\u{80}\u{7FF}\u{800}\u{FFFF}\u{10000}"
            .chars()
            .collect();
        let sum: usize = chars.iter().map(|c| c.len_utf8()).sum();
        assert_eq!(utf8_len(&chars), sum);
    }

    #[test]
    fn never_panics_on_odd_input() {
        for t in [
            "", " ", "\n\n", ".", "\"", "”다.", "(((", "가.", "…", "😀 ", "a'b'c",
        ] {
            let _ = split(t);
        }
    }
}
