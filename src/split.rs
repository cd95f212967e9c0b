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
//! 1. A line break ends a sentence (headlines, bylines, list items, captions), unless
//!    the text is hard-wrapped, as a PDF copied is ([`is_hard_wrapped`]): then a break
//!    within a paragraph is a space, and a blank line, a short line or a list mark
//!    ends the paragraph.
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
//!    the sentence, and so does a photo credit that runs to the line's end (`…장을
//!    보고 있다. 연합뉴스`, `… 2024.4.12/가상뉴스`: [`crate::boilerplate`] then takes
//!    the line for the caption it is).
//! 4. With no punctuation, a word that ends with a Korean final ending (`했다`, `해요`,
//!    `그렇죠`, `합니까`, `했음`, `추천함`, `됨`...) or with laughter or emoji ends the
//!    sentence when a space and a non-continuation word follow (`~다 보니`, `~다 하고`,
//!    `~지 않다`, `~지 못하다` continue). Endings have strengths (see `endings.rs`): weak ones
//!    (`가다`, `~ㄴ 듯`) need a conjunctive adverb next (`그리고`, `하지만`); noun forms
//!    (`~함`, `~음`) and `하다`-like forms count fully only in lines that do not
//!    punctuate their sentences, since in punctuated text they are mostly nouns
//!    (`천안함`, `결함`) and connectives (`운전을 하다 사고`).
//! 5. A closing quote or bracket followed by a space ends the sentence when the pair
//!    opened the sentence and its content ended one, or when a quote inside the
//!    sentence ends with sentence punctuation and no continuation follows.

use crate::boilerplate::{is_credit_tail, MAX_CREDIT_BYTES};
use crate::unicode::{is_space, syllable_at};
use crate::Span;
use std::cell::Cell;

pub(crate) mod endings;

use endings::{
    continues_after_stop, ending, has_jong_m, is_connective, is_continuation, is_decoration,
    is_final, is_opener, is_strong_decoration, is_syllable, may_continue_after_stop, may_end_bytes,
    Ending, ENDING_SPAN,
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

/// Marks a char that has no partner.
const NONE: u32 = u32::MAX;

/// A line of at most this many bytes (100 Hangul syllables, a long sentence) whose one
/// full stop ends it punctuates its sentence ([`Line::pair`]).
const ONE_SENTENCE_BYTES: usize = 300;

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
    split_for_ranking(text).0
}

/// [`split`] of text whose Hangul is composed, and, for a transcript
/// ([`crate::transcript`]), the text as it was read: its timing lines blanked (each
/// byte a space), so that a sentence across captions reads as what is said. Each
/// timing line is then in the span of the sentence it times, the one after it (the
/// last sentence's, after all sentences), and blank in that text; the timing lines'
/// spans come third.
pub(crate) fn split_for_ranking(text: &str) -> (Vec<Span>, Option<String>, Vec<Span>) {
    // Most texts are neither transcripts nor hard-wrapped: each is split as it is, and
    // the lines met on the way tell whether it is one (where a search for colons and
    // one for line breaks went over the whole text first).
    let mut line = Line::default();
    let mut lines = Lines::with_room(text);
    let sentences = split_lines(text, &mut line, Some(&mut lines));
    let timings = if lines.timings >= crate::transcript::MIN_TIMINGS {
        crate::transcript::timing_lines(text)
    } else {
        Vec::new()
    };
    if timings.is_empty() {
        let Some(width) = lines.width() else {
            return (sentences, None, Vec::new());
        };
        line.wrap_width = Some(width);
        line.double_spaced = is_double_spaced(text);
        return (split_lines(text, &mut line, None), None, Vec::new());
    }
    let mut blank = String::with_capacity(text.len());
    let mut from = 0;
    for t in &timings {
        blank.push_str(text.get(from..t.start).unwrap_or_default());
        for _ in t.clone() {
            blank.push(' ');
        }
        from = t.end;
    }
    blank.push_str(text.get(from..).unwrap_or_default());
    let mut line = Line {
        transcript: true,
        ..Line::default()
    };
    let mut sentences = split_lines(&blank, &mut line, None);
    let mut next = 0;
    for t in &timings {
        while sentences.get(next).is_some_and(|s| s.end <= t.start) {
            next += 1;
        }
        if let Some(s) = sentences.get_mut(next) {
            s.start = s.start.min(t.start);
        } else if let Some(s) = sentences.last_mut() {
            s.end = t.end;
        }
    }
    let timings = timings
        .into_iter()
        .map(|t| Span::new(t.start, t.end))
        .collect();
    (sentences, Some(blank), timings)
}

/// Splits `text` a line (or a paragraph, or a transcript) at a time with `line`, and
/// adds the lines that `\n` parts to `lines` when given (a break of another kind parts
/// no such line).
fn split_lines(text: &str, line: &mut Line, mut lines: Option<&mut Lines>) -> Vec<Span> {
    // Room for a sentence per 100 bytes (a news article has one per 150 to 250), not
    // grown from four by doubling.
    let mut out = Vec::with_capacity(text.len() / 100 + 1);
    // Where the line read starts, and where the line that `\n` parts does.
    let (mut start, mut from) = (0, 0);
    loop {
        let (end, brk) = line.split(text, start, &mut out);
        if let Some(lines) = lines.as_deref_mut() {
            if brk == 0 || text.as_bytes()[end] == b'\n' {
                lines.add(text, from, end);
                from = end + 1;
            }
        }
        if brk == 0 {
            return out;
        }
        start = end + brk;
    }
}

/// What the lines of a text (as `\n` parts them) tell of it: for [`wrap_width`], the
/// length in chars of each line with text that ends open, 0 for the others; and how
/// many of them may time a transcript's captions ([`crate::transcript::may_time`]).
struct Lines {
    open: Vec<usize>,
    timings: usize,
}

impl Lines {
    /// No lines yet, with room for a line per 64 bytes of `text` (a news article has
    /// one per 150 or more).
    fn with_room(text: &str) -> Self {
        Lines {
            open: Vec::with_capacity(text.len() / 64 + 1),
            timings: 0,
        }
    }

    /// Adds the line from byte `start` to `end` of `text` (its break excluded).
    fn add(&mut self, text: &str, start: usize, end: usize) {
        let line = crate::unicode::trim_end(text.get(start..end).unwrap_or_default());
        if line.is_empty() {
            return;
        }
        self.timings += usize::from(crate::transcript::may_time(line));
        // A row of a table pasted (cells a tab apart) is no wrapped line.
        self.open.push(if ends_open(line) && !line.contains('\t') {
            crate::unicode::char_count(line)
        } else {
            0
        });
    }

    /// The width the text is hard-wrapped at ([`is_hard_wrapped`]), or none.
    fn width(&self) -> Option<usize> {
        let lines = &self.open;
        let width = lines.iter().copied().max().unwrap_or(0);
        let wrapped = lines
            .iter()
            .filter(|&&len| len >= MIN_WRAPPED_CHARS && 3 * len >= 2 * width)
            .count();
        (lines.len() >= MIN_WRAPPED_LINES && 2 * wrapped >= lines.len()).then_some(width)
    }
}

/// True for text hard-wrapped at a width, as copied from a PDF or a fixed-width file:
/// at least 4 lines, and at least half of them wrapped lines: 20 chars or more long,
/// two thirds of the longest such line or more, and ended where no sentence ends (in a
/// Hangul syllable that no final ending ends with, a Latin letter or digit, a comma).
/// Pasted news gives a line a paragraph, ended by a sentence; menus, chats and lists
/// are short lines. [`split`] reads wrapped text by paragraphs: a line break within
/// one is a space.
pub fn is_hard_wrapped(text: &str) -> bool {
    wrap_width(text).is_some()
}

/// The width a hard-wrapped text ([`is_hard_wrapped`]) is wrapped at, in chars (its
/// longest open line), or none when it is not. ([`split`] tells it from the lines it
/// reads.)
fn wrap_width(text: &str) -> Option<usize> {
    // (Lines found by hand: `str::lines` costs 1 KB of wasm.)
    let bytes = text.as_bytes();
    let mut lines = Lines::with_room(text);
    let mut start = 0;
    while start < bytes.len() {
        let end = newline_from(bytes, start);
        lines.add(text, start, end);
        start = end + 1;
    }
    lines.width()
}

/// True when the lines of `text` are double-spaced, each followed by a blank line, as
/// some PDF extractions give a hard-wrapped text: of the gaps between two lines with
/// text that are no blank line or one, at least [`MIN_WRAPPED_LINES`] and four in five
/// are one. (A paragraph may then end with two.) When the text is also hard-wrapped
/// ([`is_hard_wrapped`]), [`split`] reads a break and the one blank line after it as
/// one break: a blank line then ends a sentence only where a break would.
/// Not inlined, for the first summary's sake (DESIGN.md, Cold start).
#[inline(never)]
pub fn is_double_spaced(text: &str) -> bool {
    let bytes = text.as_bytes();
    let (mut single, mut double) = (0usize, 0usize);
    // Blank lines since the last line with text, or none before the first one.
    let mut blanks: Option<usize> = None;
    let mut start = 0;
    while start < bytes.len() {
        let end = newline_from(bytes, start);
        let blank = text.get(start..end).unwrap_or_default().trim().is_empty();
        match (blank, blanks) {
            (true, Some(n)) => blanks = Some(n + 1),
            (true, None) => {}
            (false, Some(0)) => single += 1,
            (false, Some(1)) => double += 1,
            (false, _) => {}
        }
        if !blank {
            blanks = Some(0);
        }
        start = end + 1;
    }
    double >= MIN_WRAPPED_LINES && double >= 4 * single
}

/// Where the first `\n` at or after byte `start` of `bytes` is (or `bytes.len()`),
/// 32 bytes at a time: most bytes of a text are not one.
pub(crate) fn newline_from(bytes: &[u8], start: usize) -> usize {
    byte_from(bytes, start, b'\n')
}

/// Where the first `byte` at or after byte `start` of `bytes` is (or `bytes.len()`),
/// 32 bytes at a time, as four words whose test is one branch (a round of sixteen
/// bytes took a third more instructions).
pub(crate) fn byte_from(bytes: &[u8], start: usize, byte: u8) -> usize {
    const ONES: u64 = 0x0101_0101_0101_0101;
    // The eight bytes as a word, zero where they are `byte`.
    let word = |chunk: &[u8]| {
        let mut word = [0u8; 8];
        word.copy_from_slice(chunk);
        u64::from_le_bytes(word) ^ (ONES * u64::from(byte))
    };
    // The high bit of each zero byte of `x` set, and of no byte before the first (a
    // byte after one may be set too, by its borrow).
    let zeros = |x: u64| x.wrapping_sub(ONES) & !x & (ONES << 7);
    let mut at = start;
    while let Some(chunk) = bytes.get(at..at + 32) {
        let zeros_at = |k: usize| zeros(word(&chunk[k..k + 8]));
        let (a, b, c, d) = (zeros_at(0), zeros_at(8), zeros_at(16), zeros_at(24));
        if a | b | c | d != 0 {
            // The first zero byte's high bit is the lowest set of the first word with one.
            let (base, bits) = match (a, b, c) {
                (1.., _, _) => (at, a),
                (_, 1.., _) => (at + 8, b),
                (_, _, 1..) => (at + 16, c),
                _ => (at + 24, d),
            };
            return base + bits.trailing_zeros() as usize / 8;
        }
        at += 32;
    }
    bytes
        .get(at..)
        .unwrap_or_default()
        .iter()
        .position(|&c| c == byte)
        .map_or(bytes.len(), |p| at + p)
}

/// True when the line `line` (trimmed) ends where no sentence ends: in a Hangul syllable
/// that no final ending ends with, a Latin letter or digit, or a comma.
fn ends_open(line: &str) -> bool {
    match line.chars().next_back() {
        Some(last @ '가'..='힣') => !matches!(
            last,
            '다' | '요' | '죠' | '까' | '네' | '음' | '함' | '임' | '됨' | '군' | '오' | '세'
        ),
        Some(',') => true,
        Some(c) => c.is_ascii_alphanumeric(),
        None => false,
    }
}

/// The fewest lines [`is_hard_wrapped`] takes for a wrapped text.
const MIN_WRAPPED_LINES: usize = 4;

/// The shortest line that counts towards [`is_hard_wrapped`], in chars.
const MIN_WRAPPED_CHARS: usize = 20;

/// The bytes from the line break at byte `i` of `bytes` to the next line with text,
/// when one blank line comes between (`\n\n`, `\r\n\r\n`); else the break's own length.
fn blank_line_gap(bytes: &[u8], i: usize) -> usize {
    // A break, with `\r\n` as one.
    let end_of_break = |at: usize| match bytes.get(at..) {
        Some([b'\r', b'\n', ..]) => at + 2,
        _ => at + break_len(bytes, at),
    };
    let first = end_of_break(i);
    let mut blank = first;
    while matches!(bytes.get(blank), Some(b' ' | b'\t')) {
        blank += 1;
    }
    let second = end_of_break(blank);
    if second > blank && break_len(bytes, second) == 0 {
        second - i
    } else {
        break_len(bytes, i)
    }
}

/// The length of the line break at byte `i` of `bytes`, or 0: \n \r \v \f, U+0085
/// (C2 85), U+2028 and U+2029 (E2 80 A8/A9).
fn break_len(bytes: &[u8], i: usize) -> usize {
    match bytes.get(i..).unwrap_or_default() {
        [b'\n' | b'\r' | 0x0B | 0x0C, ..] => 1,
        [0xC2, 0x85, ..] => 2,
        [0xE2, 0x80, 0xA8 | 0xA9, ..] => 3,
        _ => 0,
    }
}

/// Characters that end a line (and so a sentence); [`split`] finds them by bytes
/// (see [`break_len`]).
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
/// [`Line::pair`] looks at (see [`PAIR_STOP`]).
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

/// ASCII chars that [`View::scan`] steps over a byte a round (letters, digits, `,`,
/// `-`, `:`, `%`): no whitespace, sentence punctuation, quote, bracket, decoration
/// (`~ ^ ;`) or dateline `=`. At one of them a sentence may start, and nothing else
/// happens. (A table: a byte is one load.)
static PLAIN_ASCII: [bool; 256] = {
    let mut table = [false; 256];
    let mut b = 0;
    while b < 128 {
        table[b] = (b as u8).is_ascii_graphic()
            && !ASCII_PAIR_OR_PERIOD[b]
            && !matches!(b as u8, b'!' | b'?' | b'=' | b'~' | b'^' | b';');
        b += 1;
    }
    table
};

/// True for a byte of [`PLAIN_ASCII`].
fn is_plain_ascii(b: u8) -> bool {
    PLAIN_ASCII[usize::from(b)]
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

/// HTML elements that break lines: their closing tags, and `<br>`, end a sentence
/// that ends without punctuation ([`View::block_break`]).
const BLOCK_TAGS: &str = "br p div li h1 h2 h3 h4 h5 h6 tr td th blockquote section article \
                          header footer ul ol table pre figcaption caption title dd dt";

/// ASCII emoticons, which close the sentence before them (`좋았다 :)`, `고마워요. ^_^`).
const EMOTICONS: &[&str] = &[
    ":)", ":-)", ":(", ":-(", ";)", ";-)", ":D", ":-D", ":P", ":p", "XD", "xD", "^_^", "^-^",
    "T_T", "T.T", "-_-", ":/", "<3",
];

/// Abbreviations that a period does not end (case-sensitive, without the period).
const ABBREVIATIONS: &[&str] = &[
    "Mr", "Mrs", "Ms", "Dr", "Prof", "St", "Jr", "Sr", "vs", "Inc", "Co", "Ltd", "Corp", "No",
    "Vol", "vol", "pp", "Fig", "fig", "Jan", "Feb", "Mar", "Apr", "Jun", "Jul", "Aug", "Sep",
    "Sept", "Oct", "Nov", "Dec", "Mt", "Gen", "Gov", "Sen", "Rep", "Ave", "approx", "cf", "al",
    "eg", "ie", "Ph", "Rev", "Capt", "Col", "Lt", "Sgt", "p",
];

/// The bytes [`Line::pair`] stops at: those that may start a quote, a bracket, a period
/// or a line break (the ASCII ones, and the lead bytes C2, E2, E3 and EF of the others).
/// No continuation byte is one.
static PAIR_STOP: [bool; 256] = {
    let mut table = [false; 256];
    let mut b = 0;
    while b < 256 {
        table[b] = match b as u8 {
            0x00..=0x7F => {
                ASCII_PAIR_OR_PERIOD[b] || matches!(b as u8, b'\n' | b'\r' | 0x0B | 0x0C)
            }
            0xC2 | 0xE2 | 0xE3 | 0xEF => true,
            _ => false,
        };
        b += 1;
    }
    table
};

/// The byte at or after `i` that [`PAIR_STOP`] marks, or the text's end. Loops of its
/// own, as short as can be: they run over every byte, and V8 tiers a function up by the
/// length of its loops' code times their rounds (DESIGN.md, Cold start).
///
/// It reads bytes, four a round, not chars: a byte it stops at is ASCII or a lead byte,
/// so never inside a char, and the first such byte starts the first such char.
/// Stepping by each char's length made every step wait for the load of the byte before
/// (3–4% of a seed summary in V8).
#[inline(always)]
fn next_mark(bytes: &[u8], mut i: usize) -> usize {
    let stops = |b: u8| PAIR_STOP[usize::from(b)];
    while let Some(&[a, b, c, d]) = bytes.get(i..i + 4) {
        if stops(a) | stops(b) | stops(c) | stops(d) {
            break;
        }
        i += 4;
    }
    while let Some(&b) = bytes.get(i) {
        if stops(b) {
            break;
        }
        i += 1;
    }
    i
}

/// A quote or bracket that pairing pushed or paired, by its byte offset in the line.
#[derive(Clone, Copy)]
struct Mark {
    /// Its byte offset.
    at: u32,
    /// Its partner's byte offset, or [`NONE`].
    mate: u32,
}

/// Per-line buffers, reused from line to line.
#[derive(Default)]
struct Line {
    /// The quotes and brackets of the line that opened or closed a pair, in order.
    /// (Few chars are marks, so the line needs no per-char buffer: it is read as
    /// UTF-8, and a char's partner is found by binary search, or by a cursor in the
    /// forward walk.)
    marks: Vec<Mark>,
    /// Open pairs while pairing, as indices into `marks`.
    stack: Vec<u32>,
    /// True when the line ends sentences with periods (`했다. `) at least twice:
    /// then noun-form endings and 하다-like forms without a period are read as nouns
    /// and connectives rather than as sentence ends (see [`Ending::in_style`]).
    punctuated: bool,
    /// The width of hard-wrapped text ([`is_hard_wrapped`]): a "line" is then a
    /// paragraph.
    wrap_width: Option<usize>,
    /// True when that text is double-spaced ([`is_double_spaced`]): the blank line after
    /// a wrapped line is part of its break.
    double_spaced: bool,
    /// True for a transcript with its timing lines blanked ([`split_for_ranking`]):
    /// every break, and the blank lines after it, is a space.
    transcript: bool,
    /// Where the line's tags were last searched ahead ([`crate::markup::Ahead`]).
    ahead: Cell<crate::markup::Ahead>,
}

impl Line {
    /// Splits the line that starts at byte `start` of `text` into `out`, and returns
    /// where its break is and the break's length (0 at the end of the text).
    fn split(&mut self, text: &str, start: usize, out: &mut Vec<Span>) -> (usize, usize) {
        let (end, brk) = self.pair(text, start);
        self.ahead.set(crate::markup::Ahead::default());
        let view = View {
            text: text.get(start..end).unwrap_or_default(),
            marks: &self.marks,
            punctuated: self.punctuated,
            ahead: &self.ahead,
        };
        let first = out.len();
        view.scan(out);
        for span in &mut out[first..] {
            *span = Span::new(start + span.start, start + span.end);
        }
        (end, brk)
    }

    /// Reads the line that starts at byte `start` of `text` up to its line break: fills
    /// `marks` (offsets from `start`) and `punctuated`, and returns where the break is
    /// and its length (0 at the end of the text). The chars around the line, breaks,
    /// are whitespace, and act as the spaces that pairing assumes at a line's ends.
    /// Not inlined, for the first summary's sake (DESIGN.md, Cold start).
    #[inline(never)]
    fn pair(&mut self, text: &str, start: usize) -> (usize, usize) {
        self.marks.clear();
        self.stack.clear();
        let bytes = text.as_bytes();
        let mut periods = 0;
        let mut i = start;
        let mut brk = 0;
        loop {
            i = next_mark(bytes, i);
            if i >= bytes.len() {
                break;
            }
            brk = break_len(bytes, i);
            if brk > 0 {
                if self.transcript {
                    // Past the break and the blank lines and spaces after it.
                    let mut j = i + brk;
                    loop {
                        let more = break_len(bytes, j);
                        if more > 0 {
                            j += more;
                        } else if matches!(bytes.get(j), Some(b' ' | b'\t')) {
                            j += 1;
                        } else {
                            break;
                        }
                    }
                    if j < bytes.len() {
                        i = j;
                        brk = 0;
                        continue;
                    }
                }
                if let Some(width) = self.wrap_width {
                    let gap = if self.double_spaced {
                        blank_line_gap(bytes, i)
                    } else {
                        brk
                    };
                    if Self::joins(text, start, i, gap, width) {
                        // Within a paragraph of wrapped text the break is a space.
                        i += gap;
                        brk = 0;
                        continue;
                    }
                }
                break;
            }
            let (next_at, period) = self.mark(text, start, i);
            periods += usize::from(period);
            i = next_at;
        }
        let end = i.min(text.len());
        // Two full stops, or one that ends a line of one sentence's length: `- 수거함 악취
        // 민원에 대해 점검을 실시한다.` punctuates its sentence, and its `수거함` is a
        // noun. (A blog's paragraph of `…했음 …갔음 … 대사.` does not.)
        self.punctuated = periods >= 2
            || (periods == 1
                && end - start <= ONE_SENTENCE_BYTES
                && text.as_bytes()[..end].last() == Some(&b'.'));
        (end, brk)
    }

    /// [`Line::pair`] at the char at byte `i` (a mark or a period by [`PAIR_STOP`]) of
    /// the line that starts at `start`: records it if it pairs, and returns where the
    /// next char starts and whether it is a full stop after a syllable.
    /// Out of line, so that `pair`'s loop stays short: V8 tiers a function up by the
    /// length of its loops' code times their rounds (DESIGN.md, Cold start).
    #[inline(never)]
    fn mark(&mut self, text: &str, start: usize, i: usize) -> (usize, bool) {
        let c = char_at(text, i);
        let next_at = i + c.len_utf8();
        let prev = text
            .get(..i)
            .unwrap_or_default()
            .chars()
            .next_back()
            .unwrap_or(' ');
        let next = char_at(text, next_at);
        let period = c == '.' && is_syllable(prev) && is_space(next);
        let want = match pairing(prev, c, next) {
            Pairing::No => None,
            Pairing::Open => {
                self.push_open(i - start);
                None
            }
            Pairing::Close(open) => Some(open),
            Pairing::Both => Some(c),
        };
        if let Some(want) = want {
            self.close(text.get(start..).unwrap_or_default(), i - start, c, want);
        }
        (next_at, period)
    }

    /// True when the line break at byte `i` (`brk` bytes) of text wrapped at `width`
    /// chars, in the line that starts at `start`, is within a paragraph: the line runs
    /// to at least two thirds of the width (a shorter one ends its paragraph, or is a
    /// heading or a byline), and the next line neither is blank nor opens with a list
    /// mark (`-`, `•`, `▲`, `1.`…) or a bracketed tag (a chat's `[김철수] [오후 3:16] …`,
    /// a script's `[앵커]`). (A line that ends a sentence may join: the
    /// sentence still ends there, at its punctuation and the break's space.)
    /// Not inlined, for the first summary's sake (DESIGN.md, Cold start).
    #[inline(never)]
    fn joins(text: &str, start: usize, i: usize, brk: usize, width: usize) -> bool {
        let bytes = text.as_bytes();
        // The line that ends here: from `start`, or from a break joined before.
        let from = bytes[start..i]
            .iter()
            .rposition(|&c| c == b'\n')
            .map_or(start, |p| start + p + 1);
        let line = text.get(from..i).unwrap_or_default().trim_end();
        // A row of a table (cells a tab apart) ends at its break.
        if 3 * crate::unicode::char_count(line) < 2 * width || line.contains('\t') {
            return false;
        }
        let mut j = i + brk;
        // \r\n is one break; spaces and tabs open the next line.
        if bytes.get(i) == Some(&b'\r') && bytes.get(j) == Some(&b'\n') {
            j += 1;
        }
        while matches!(bytes.get(j), Some(b' ' | b'\t')) {
            j += 1;
        }
        let Some(first) = get_char(text, j) else {
            return false;
        };
        // `1.`, `12)`: a number of one or two digits, then its mark.
        let digits = bytes[j..].iter().take_while(|c| c.is_ascii_digit()).count();
        let numbered =
            (1..=2).contains(&digits) && matches!(bytes.get(j + digits), Some(b'.' | b')'));
        !is_space(first)
            && !numbered
            && !matches!(
                first,
                '-' | '•'
                    | '·'
                    | '*'
                    | '▲'
                    | '△'
                    | '■'
                    | '□'
                    | '●'
                    | '○'
                    | '◆'
                    | '◇'
                    | '▶'
                    | '※'
                    | '['
            )
    }

    /// Pairs the closing (or symmetric) mark `c` at byte `i` of `line` with the
    /// innermost open `want`, if one is open and near enough.
    /// Not inlined, for the first summary's sake (DESIGN.md, Cold start).
    #[inline(never)]
    fn close(&mut self, line: &str, i: usize, c: char, want: char) {
        let Line { marks, stack, .. } = self;
        let found = stack
            .iter()
            .rposition(|&m| char_at(line, marks[m as usize].at as usize) == want);
        match found {
            Some(k) if !too_far(line, marks[stack[k] as usize].at as usize, i) => {
                let m = stack[k] as usize;
                marks[m].mate = i as u32;
                let at = marks[m].at;
                marks.push(Mark {
                    at: i as u32,
                    mate: at,
                });
                stack.truncate(k);
            }
            Some(k) if want == c => {
                // Too far from its partner: start a new pair here.
                stack.truncate(k);
                self.push_open(i);
            }
            None if want == c => self.push_open(i),
            _ => {}
        }
    }

    /// Pushes an open quote or bracket at byte `i`, forgetting the oldest when
    /// [`MAX_OPEN`] are open (text with many stray marks would otherwise make pairing
    /// quadratic).
    /// Not inlined, for the first summary's sake (DESIGN.md, Cold start).
    #[inline(never)]
    fn push_open(&mut self, i: usize) {
        if self.stack.len() >= MAX_OPEN {
            self.stack.remove(0);
        }
        self.stack.push(self.marks.len() as u32);
        self.marks.push(Mark {
            at: i as u32,
            mate: NONE,
        });
    }
}

/// The char starting at byte `k` of `text` (a space past the end).
fn char_at(text: &str, k: usize) -> char {
    get_char(text, k).unwrap_or(' ')
}

/// The char starting at byte `k` of `text`, if `k` is inside it.
fn get_char(text: &str, k: usize) -> Option<char> {
    match text.as_bytes().get(k) {
        Some(&b) if b < 0x80 => Some(char::from(b)),
        _ => text.get(k..)?.chars().next(),
    }
}

/// True when the char at byte `i` of valid UTF-8 (at a char boundary) is a Hangul
/// syllable, U+AC00 `EA B0 80` to U+D7A3 `ED 9E A3`: mostly by its lead byte alone.
fn is_syllable_at(bytes: &[u8], i: usize) -> bool {
    match bytes.get(i) {
        Some(0xEB | 0xEC) => true,
        Some(0xEA) => bytes.get(i + 1).is_some_and(|&b| b >= 0xB0),
        Some(0xED) => bytes
            .get(i + 1..i + 3)
            .is_some_and(|t| t <= &[0x9E, 0xA3][..]),
        _ => false,
    }
}

/// True when more than [`MAX_PAIR_CHARS`] chars lie between bytes `a` and `b` of
/// `text` (counted only when the bytes leave a doubt).
fn too_far(text: &str, a: usize, b: usize) -> bool {
    b - a > MAX_PAIR_CHARS && chars_between(text, a, b) > MAX_PAIR_CHARS
}

/// The number of chars between bytes `a` and `b` of `text`.
fn chars_between(text: &str, a: usize, b: usize) -> usize {
    text.get(a..b).map_or(0, crate::unicode::char_count)
}

/// A word's chars (at most [`MAX_WORD`]), decoded from the line into a buffer for the
/// tables, with the byte offset where the word starts.
struct Word {
    /// Room for the word.
    chars: [char; MAX_WORD],
    /// The word is `chars[lo..hi]`.
    lo: usize,
    hi: usize,
    /// Byte offset of its first char in the line.
    start: usize,
}

impl std::ops::Deref for Word {
    type Target = [char];

    fn deref(&self) -> &[char] {
        &self.chars[self.lo..self.hi]
    }
}

/// One line, read as UTF-8, with its pairs: the sentence rules. Positions are byte
/// offsets into the line, always at char boundaries.
struct View<'a> {
    text: &'a str,
    marks: &'a [Mark],
    punctuated: bool,
    /// Where the line's tags were last searched ahead ([`crate::markup::Ahead`]).
    ahead: &'a Cell<crate::markup::Ahead>,
}

impl View<'_> {
    /// The char at `k` (a space past the end).
    fn at(&self, k: usize) -> char {
        char_at(self.text, k)
    }

    /// The char at `k`, if `k` is inside the line.
    fn get(&self, k: usize) -> Option<char> {
        get_char(self.text, k)
    }

    /// The char ending at `k` and where it starts, if `k` is past the line's start.
    /// (Not inlined: it has many callers, and the wasm stays smaller.)
    #[inline(never)]
    fn before(&self, k: usize) -> Option<(usize, char)> {
        let bytes = self.text.as_bytes();
        match k.checked_sub(1).and_then(|j| bytes.get(j)) {
            Some(&b) if b < 0x80 => return Some((k - 1, char::from(b))),
            // A Hangul syllable is the commonest char: read it without a loop.
            Some(_) if k >= 3 && is_syllable_at(bytes, k - 3) => {
                return syllable_at(bytes, k - 3)
                    .and_then(char::from_u32)
                    .map(|c| (k - 3, c));
            }
            _ => {}
        }
        let c = self.text.get(..k)?.chars().next_back()?;
        Some((k - c.len_utf8(), c))
    }

    /// The start of the char before `k` (0 at the start).
    fn prev(&self, k: usize) -> usize {
        self.before(k).map_or(0, |(p, _)| p)
    }

    /// The start of the char after the one at `k`.
    fn next(&self, k: usize) -> usize {
        k + match self.text.as_bytes().get(k) {
            Some(0xF0..) => 4,
            Some(0xE0..) => 3,
            Some(0xC0..) => 2,
            _ => 1,
        }
    }

    /// The text from `a` to `b` (empty when that is no range of the line).
    fn slice(&self, a: usize, b: usize) -> &str {
        self.text.get(a..b).unwrap_or_default()
    }

    /// True when the char before `k` exists and satisfies `f`.
    fn before_is(&self, k: usize, f: impl Fn(char) -> bool) -> bool {
        self.before(k).is_some_and(|(_, c)| f(c))
    }

    /// The number of chars from `a` to `b`.
    fn count(&self, a: usize, b: usize) -> usize {
        chars_between(self.text, a, b)
    }

    /// The partner of the quote or bracket at `k`, or [`NONE`]. (Not inlined, as
    /// [`View::before`].)
    #[inline(never)]
    fn mate(&self, k: usize) -> u32 {
        let k = k as u32;
        self.marks
            .binary_search_by_key(&k, |m| m.at)
            .map_or(NONE, |j| self.marks[j].mate)
    }

    /// True when only opening marks lie from `a` to `b`.
    fn only_openers(&self, a: usize, b: usize) -> bool {
        self.slice(a, b)
            .chars()
            .all(|c| matches!(pairing(' ', c, ' '), Pairing::Open))
    }

    /// The partner of the char at `i` (`NONE as usize` if none) for a walk that moves
    /// only forward: `mark` is the first mark not before the last `i` asked about.
    fn mate_from(&self, mark: &mut usize, i: usize) -> usize {
        while self.marks.get(*mark).is_some_and(|m| (m.at as usize) < i) {
            *mark += 1;
        }
        match self.marks.get(*mark) {
            Some(m) if m.at as usize == i => m.mate as usize,
            _ => NONE as usize,
        }
    }

    /// True when the char at `i` closes a pair.
    fn closes_pair(&self, i: usize) -> bool {
        let m = self.mate(i);
        m != NONE && (m as usize) < i
    }

    /// True when `[…]` from `s` to `i` opens the sentence and is a news byline or
    /// dateline (`[가상일보 김하늘 기자]`, `[서울=연합뉴스]`): it is then a unit of its
    /// own, so that highlighting the lead sentence does not take the byline along.
    #[inline(never)]
    fn byline_bracket(&self, s: usize, i: usize) -> bool {
        const TITLES: [&str; 4] = ["기자", "특파원", "통신원", "에디터"];
        if self.at(s) != '[' || self.at(i) != ']' || self.mate(i) as usize != s {
            return false;
        }
        if !self.get(i + 1).is_some_and(is_space) || self.count(s, i) > 40 {
            return false;
        }
        let inner = self.slice(s + 1, i).trim_end();
        // A dateline with its reporter after it is a unit up to the `=` (below). A
        // photo's credit (`[사진=해오름시 제공]`) is no dateline: it opens its caption.
        let dateline =
            inner.contains('=') && !crate::boilerplate::starts_with_caption_marker(inner);
        (dateline && self.reporter_after(i).is_none()) || TITLES.iter().any(|t| inner.ends_with(t))
    }

    /// True when the `=` at `i` ends a wire dateline and its reporter that open the
    /// sentence starting at `s`: `(서울=연합뉴스) 김하늘 기자 =`, `[서울=뉴시스] 김하늘
    /// 기자 =`. They are a unit of their own (a byline: never chosen), and the lead
    /// sentence starts after them.
    #[inline(never)]
    fn dateline_ends(&self, s: usize, i: usize) -> bool {
        if !matches!(self.at(s), '(' | '[') {
            return false;
        }
        let close = self.mate(s);
        close != NONE
            && (close as usize) < i
            && self.text.as_bytes()[s..close as usize].contains(&b'=')
            && self.reporter_after(close as usize) == Some(i)
    }

    /// Where the `=` is after the reporter that follows a dateline closed at `close`:
    /// one to three words of letters, the last a title (`김하늘 기자 =`, `가상일보
    /// 김하늘 특파원 =`). (Read by bytes: `str` searches cost KBs of wasm.)
    #[inline(never)]
    fn reporter_after(&self, close: usize) -> Option<usize> {
        let from = self.next(close);
        let bytes = self.text.as_bytes().get(from..)?;
        let eq = bytes.iter().take(80).position(|&b| b == b'=')?;
        let name = bytes[..eq].trim_ascii();
        let plain = name
            .iter()
            .all(|&b| b >= 0x80 || b == b' ' || b.is_ascii_alphabetic());
        let words = 1 + name
            .windows(2)
            .filter(|w| w[0] == b' ' && w[1] != b' ')
            .count();
        let titled = name.ends_with("기자".as_bytes()) || name.ends_with("특파원".as_bytes());
        (plain && titled && words <= 3).then_some(from + eq)
    }

    /// True when the char at `i` is a closing mark left without a partner.
    fn unpaired_closer(&self, i: usize) -> bool {
        is_closer_char(self.at(i)) && self.mate(i) == NONE
    }

    /// The word ending just before `end` (exclusive), not reaching before `floor`.
    fn word_before(&self, end: usize, floor: usize) -> Word {
        let mut word = Word {
            chars: ['\0'; MAX_WORD],
            lo: MAX_WORD,
            hi: MAX_WORD,
            start: end,
        };
        while word.start > floor && word.lo > 0 {
            match self.before(word.start) {
                Some((p, c)) if !is_space(c) => {
                    word.lo -= 1;
                    word.chars[word.lo] = c;
                    word.start = p;
                }
                _ => break,
            }
        }
        word
    }

    /// The word starting at or after `i` (skipping whitespace).
    fn word_after(&self, i: usize) -> Word {
        let rest = self.text.get(i..).unwrap_or("");
        let from = rest.len() - rest.trim_start().len();
        let mut word = Word {
            chars: ['\0'; MAX_WORD],
            lo: 0,
            hi: 0,
            start: i + from,
        };
        for c in rest.get(from..).unwrap_or_default().chars() {
            if is_space(c) || word.hi == MAX_WORD {
                break;
            }
            word.chars[word.hi] = c;
            word.hi += 1;
        }
        word
    }

    /// Walks the line and pushes its sentences as byte ranges of the line, in order.
    /// Not inlined, for the first summary's sake (DESIGN.md, Cold start).
    #[inline(never)]
    fn scan(&self, out: &mut Vec<Span>) {
        let bytes = self.text.as_bytes();
        let n = bytes.len();
        let mut sent: Option<usize> = None;
        let (mut i, mut mark) = (0, 0);
        while i < n {
            if bytes[i] == b' ' {
                i += 1;
                continue;
            }
            if syllable_at(bytes, i).is_some() {
                // Nothing ends inside a Hangul word: go to its last syllable, and only
                // there look for an ending (a syllable no ending ends with, as most
                // words end, cannot end the sentence; see `after_word`: a hashed filter,
                // `may_end_bytes`, tells most of them).
                let s = *sent.get_or_insert(i);
                let run = i;
                i += 3;
                // (A syllable is told by its three bytes' sum, `syllable_at`, here and
                // above: one branch, which fails only at the word's end. A loop over the
                // lead bytes EB and EC, 70% of syllables, left for a full test at each EA
                // or ED, two branches that mispredict: 4–8% slower in V8 for 3% fewer
                // instructions natively.)
                while syllable_at(bytes, i).is_some() {
                    i += 3;
                }
                let last = i - 3;
                // Pasted HTML's `<br>` or a block's closing tag (`</p>`) breaks as
                // whitespace does (an inline one, `</b>`, may hide a `라고` after it). A
                // space, the most common, is asked first.
                let space = bytes.get(i) == Some(&b' ') || self.get(i).is_some_and(is_space);
                let tag_end = if !space && bytes.get(i) == Some(&b'<') {
                    self.block_break(i)
                } else {
                    None
                };
                let next_ws = space || tag_end.is_some();
                // (The run's last three bytes, a syllable, read as they are.)
                let may = || match bytes.get(..i) {
                    Some(&[.., b0, b1, b2]) => may_end_bytes(b0, b1, b2),
                    _ => false,
                };
                if next_ws && may() && self.after_syllables(run, last, s) {
                    // The tag, or an emoticon after the ending, is the sentence's
                    // (`…했다<br>`, `좋았다 :)`).
                    i = tag_end.or_else(|| self.emoticon_after(i)).unwrap_or(i);
                    out.push(Span::new(s, i));
                    sent = None;
                } else if bytes.get(i) == Some(&b' ') {
                    // The space before the next word, most often.
                    i += 1;
                }
                continue;
            }
            if is_plain_ascii(bytes[i]) {
                // Letters, digits and the like (`AI`, `2024,`): nothing ends or opens
                // at them, so they are stepped over a byte a round, in a loop of their
                // own (not back through the tests for spaces and syllables).
                sent.get_or_insert(i);
                i += 1;
                while bytes.get(i).copied().is_some_and(is_plain_ascii) {
                    i += 1;
                }
                continue;
            }
            let c = self.at(i);
            let after = i + c.len_utf8();
            if is_space(c) {
                i = after;
                continue;
            }
            let s = *sent.get_or_insert(i);
            if is_terminal(c) {
                let (end, boundary) = self.after_terminal(i, s);
                if boundary {
                    out.push(Span::new(s, end));
                    sent = None;
                }
                i = end;
                continue;
            }
            let next = self.get(after);
            let next_ws = next.is_some_and(is_space);
            let mate = self.mate_from(&mut mark, i);
            if mate < i {
                let glued = next.is_some_and(is_syllable);
                if (next_ws && self.after_closer(i, s))
                    || (glued && self.after_glued_closer(i, s))
                    || self.byline_bracket(s, i)
                {
                    out.push(Span::new(s, after));
                    sent = None;
                }
                i = after;
                continue;
            }
            if c == '=' && next_ws && self.dateline_ends(s, i) {
                out.push(Span::new(s, after));
                sent = None;
                i = after;
                continue;
            }
            // A word ending in anything but a syllable or what `strip_decorations`
            // strips has no ending.
            let glued = next.is_some_and(is_syllable) && is_decoration(c);
            let strips = is_decoration(c) || is_closer_char(c) || is_invisible(c);
            if (next_ws || glued) && strips && self.after_word(i, s) {
                out.push(Span::new(s, after));
                sent = None;
            }
            match (mate != NONE as usize).then_some(mate) {
                Some(close) => {
                    // Nothing inside a pair ends a sentence: go to its closing mark (a
                    // sentence that ended just before the pair starts inside it).
                    if sent.is_none() {
                        let inner = self.slice(after, close);
                        let lead = inner.len() - inner.trim_start().len();
                        sent = (lead < inner.len()).then_some(after + lead);
                    }
                    i = close;
                }
                None => i = after,
            }
        }
        if let Some(s) = sent {
            let e = s + self.slice(s, self.text.len()).trim_end().len();
            if e > s {
                out.push(Span::new(s, e));
            }
        }
    }

    /// The end of the HTML closing tag (`</p>`, `</b>`) or line break tag (`<br>`,
    /// `<br/>`) at byte `i`, if one is there ([`crate::markup`] tells tags from text).
    fn closing_tag(&self, i: usize) -> Option<usize> {
        let bytes = self.text.as_bytes();
        let rest = &bytes[i..];
        let closing =
            rest.starts_with(b"</") || (rest.len() > 3 && rest[..3].eq_ignore_ascii_case(b"<br"));
        if !closing {
            return None;
        }
        let mut ahead = self.ahead.get();
        let end = crate::markup::markup_end_in(bytes, i, &mut ahead);
        self.ahead.set(ahead);
        (end > i + 1).then_some(end)
    }

    /// [`View::closing_tag`] when it is `<br>` or closes a block (`</p>`, `</div>`,
    /// `</li>`, `</h2>`, `</td>`): a line break of the page.
    fn block_break(&self, i: usize) -> Option<usize> {
        let end = self.closing_tag(i)?;
        let tag = &self.text.as_bytes()[i..end];
        let name = tag[1..]
            .strip_prefix(b"/")
            .unwrap_or(&tag[1..])
            .split(|b| !b.is_ascii_alphanumeric())
            .next()
            .unwrap_or_default();
        // (By bytes: a `str` split by a char costs 1 KB of wasm.)
        let block = BLOCK_TAGS
            .as_bytes()
            .split(|&b| b == b' ')
            .any(|t| t.eq_ignore_ascii_case(name));
        block.then_some(end)
    }

    /// Sentence punctuation at `a` in the sentence starting at `s`: returns the index
    /// after the punctuation run and what trails it, and whether a sentence ends there.
    // This and the other handlers `scan` calls at a candidate boundary (all but
    // `after_syllables`, the common one) are not inlined: in V8 the walk alone is
    // optimized in a third of the time the whole 18 KB function took (DESIGN.md).
    #[inline(never)]
    fn after_terminal(&self, a: usize, s: usize) -> (usize, bool) {
        let n = self.text.len();
        if a + 1 == n {
            // The line ends with its punctuation (`…했습니다.`), which ends the sentence
            // unless it opens it.
            return (n, a != s);
        }
        let bytes = self.text.as_bytes();
        // The commonest full stop within a line: one period after two syllables or
        // more of the sentence, then a space and a syllable, far enough from the
        // line's end that no photo credit follows. No number, initial, list mark or
        // spelled-out letter is before it and nothing trails it (what the general tests
        // below find char by char): only the next word is asked about. (Three bytes
        // read as a syllable are one wherever they start: see `syllable_index`.)
        let plain = a >= s + 6
            && n > a + 2 + MAX_CREDIT_BYTES
            && bytes.get(a..a + 2) == Some(b". ")
            && [a - 6, a - 3, a + 2]
                .iter()
                .all(|&k| syllable_at(bytes, k).is_some());
        if plain {
            return (a + 1, !self.goes_on_after_stop(a + 1));
        }
        let mut t = a;
        while self.get(t).is_some_and(is_terminal) {
            t = self.next(t);
        }
        let run = self.slice(a, t);
        // What may trail the punctuation: more punctuation, decorations, unpaired
        // closing marks, footnote marks, the closing tags of pasted HTML (`…했다.</p>`).
        let mut b = t;
        while b < n {
            let c = self.at(b);
            if is_terminal(c) || is_decoration(c) || self.unpaired_closer(b) {
                b = self.next(b);
            } else if let Some(end) = self.closing_tag(b) {
                b = end;
            } else if c == '[' && self.mate(b) != NONE && (self.mate(b) as usize) > b {
                let close = self.mate(b) as usize;
                if self.count(b, close) > MAX_FOOTNOTE {
                    break;
                }
                b = self.next(close);
            } else if is_space(c) {
                // Laughter or emoji after a space still belong to this sentence:
                // `…하니까요. 😲😲`.
                let rest = self.slice(b, self.text.len());
                let k = b + rest.len() - rest.trim_start().len();
                let mut e = k;
                while self.get(e).is_some_and(is_decoration) {
                    e = self.next(e);
                }
                if e > k && is_strong_decoration(self.slice(k, e).chars()) {
                    b = e;
                } else if let Some(end) = self.emoticon_after(b) {
                    b = end;
                } else if let Some(close) = self.short_note(k) {
                    b = self.next(close);
                } else if n - k <= MAX_CREDIT_BYTES && is_credit_tail(self.slice(k, n)) {
                    // A photo's credit after its caption, to the line's end: `…장을
                    // 보고 있다. 연합뉴스`, `… 있다. 2024.4.12/가상뉴스`.
                    b = k + self.slice(k, n).trim_end().len();
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
        let Some(next) = self.get(b) else {
            return (b, true);
        };
        let dots = run
            .chars()
            .all(|c| matches!(c, '.' | '…' | '‥' | '⋯' | '．'));
        let ellipsis =
            dots && (run.chars().nth(1).is_some() || run.chars().any(|c| c != '.' && c != '．'));
        let single_period = dots && !ellipsis;
        if is_space(next) {
            if single_period && (self.period_is_not_terminal(a, s) || self.spaced_letters(a, s)) {
                return (b, false);
            }
            // An ellipsis after a connective (때문에...) or after a one-syllable
            // interjection opening the sentence (음..., 아...) is a pause, not an end.
            // (The word is read only then: most sentences end in one period.)
            if ellipsis {
                let word = self.word_before(a, s);
                let core = hangul_tail(&word);
                let interjection = word.len() == 1 && self.prev(a) == s;
                if (core.is_empty() || is_connective(core) || interjection) && !is_final(core) {
                    return (b, false);
                }
            }
            // After `?` or `!` a thought quoted goes on (`…뭐지?? 하고`, `…되나? 싶었는데`);
            // after a period, only a particle or quotative does.
            let goes_on = if single_period {
                self.goes_on_after_stop(b)
            } else {
                is_continuation(&self.word_after(b))
            };
            return (b, !goes_on);
        }
        // No space after the punctuation: only Hangul text may end a sentence there
        // (했다.그러나), never URLs, numbers or Latin abbreviations.
        if !self.before_is(a, |p| is_syllable(p) || is_decoration(p)) {
            return (b, false);
        }
        let word = self.word_before(a, s);
        let core = hangul_tail(&word);
        if ellipsis && !is_final(core) {
            return (b, false);
        }
        if single_period && self.spaced_letters(a, s) {
            return (b, false);
        }
        let boundary = if is_syllable(next) {
            !is_continuation(&self.word_after(b))
        } else if matches!(next, '“' | '‘' | '「' | '『' | '"' | '\'') {
            true
        } else {
            self.word_ending(&word) == Ending::Strong && !is_closer_char(next)
        };
        if boundary && single_period && self.period_is_not_terminal(a, s) {
            return (b, false);
        }
        (b, boundary)
    }

    /// True when the word after the space at `b`, after a full stop, goes on with the
    /// sentence ([`continues_after_stop`]). Most sentences open with a syllable that
    /// tells they do not: then the word is not read.
    #[inline(never)]
    fn goes_on_after_stop(&self, b: usize) -> bool {
        let first = self.get(self.next(b)).unwrap_or(' ');
        may_continue_after_stop(first) && continues_after_stop(&self.word_after(b))
    }

    /// When a short bracketed note that does not itself end a sentence opens at `k`
    /// and is followed by whitespace or the line's end (`…이다. (6회 우승)`,
    /// `(2021년 3월)`, `(사진=…)`), the index of its closing bracket: such a note
    /// stays with the sentence before it.
    fn short_note(&self, k: usize) -> Option<usize> {
        if !matches!(self.get(k), Some('(' | '[' | '（')) {
            return None;
        }
        let close = self.mate(k) as usize;
        if self.mate(k) == NONE || close <= k || self.count(k, close) > MAX_NOTE {
            return None;
        }
        if self.get(self.next(close)).is_some_and(|c| !is_space(c)) {
            return None;
        }
        let inner = self.next(k);
        let mut e = close;
        while e > inner && self.before_is(e, |c| is_closer_char(c) || is_space(c)) {
            e = self.prev(e);
        }
        if e <= inner || self.before_is(e, is_terminal) {
            return None;
        }
        let word = self.word_before(e, inner);
        let (core, deco) = strip_decorations(&word);
        if is_strong_decoration(deco.iter().copied()) || self.word_ending(core) != Ending::None {
            return None;
        }
        Some(close)
    }

    /// True when the period at `a` follows a one-syllable word that is spelled out
    /// letter by letter with its neighbours (`반.전.`, `전. 부. 다.`).
    fn spaced_letters(&self, a: usize, s: usize) -> bool {
        let is_letter_at = |k: usize| {
            self.get(k).is_some_and(is_syllable)
                && (k <= s || !self.before_is(k, is_syllable))
                && self.get(self.next(k)).is_some_and(is_terminal)
        };
        if a == 0 || !is_letter_at(self.prev(a)) {
            return false;
        }
        // The previous letter: `X.` or `X. ` just before.
        let mut k = self.prev(a);
        while k > s && self.before_is(k, is_space) {
            k = self.prev(k);
        }
        let before = self.before(k).is_some_and(|(p1, c)| {
            c == '.'
                && self
                    .before(p1)
                    .is_some_and(|(p2, _)| p2 >= s && is_letter_at(p2))
        });
        // The next letter.
        let rest = self.slice(self.next(a), self.text.len());
        let j = self.text.len() - rest.trim_start().len();
        before || is_letter_at(j)
    }

    /// True when the single period at `a` marks a number, an abbreviation, an
    /// initial or a list marker rather than the end of a sentence.
    fn period_is_not_terminal(&self, a: usize, s: usize) -> bool {
        let Some((pa, p)) = self.before(a) else {
            return false;
        };
        if p.is_ascii_digit() || matches!(p, 'Ⅰ'..='Ⅻ' | 'ⅰ'..='ⅻ' | '①'..='⑳') {
            return true;
        }
        if p.is_ascii_alphabetic() {
            let bytes = self.text.as_bytes();
            let mut k = a;
            while k > s && bytes[k - 1].is_ascii_alphabetic() {
                k -= 1;
            }
            let seg = self.slice(k, a);
            // An initial (`J.`), a letter opening the sentence, or the last letter of a
            // dotted abbreviation (`e.g.`, `i.e.`, `a.m.`).
            let dotted = k >= 2 && bytes[k - 1] == b'.' && bytes[k - 2].is_ascii_alphabetic();
            if seg.len() == 1 && (p.is_ascii_uppercase() || k == s || dotted) {
                return true;
            }
            let before_ok = k == s || !self.before_is(k, char::is_alphanumeric);
            return before_ok && ABBREVIATIONS.contains(&seg);
        }
        // A one-syllable list marker opening the sentence: 가. 나. 다.
        is_syllable(p) && pa == s
    }

    /// A closing quote or bracket at `i`, followed by whitespace, in the sentence
    /// starting at `s`: does the sentence end after it?
    #[inline(never)]
    fn after_closer(&self, i: usize, s: usize) -> bool {
        let o = self.mate(i) as usize;
        let inner = self.next(o);
        // The pair opens the sentence when only opening marks precede it.
        let opens_sentence = self.only_openers(s, o);
        // How the content ends: skip nested closers backwards.
        let mut k = i;
        while k > inner && self.before_is(k, |c| is_closer_char(c) || is_space(c)) {
            k = self.prev(k);
        }
        let ends_punct = k > inner && self.before_is(k, is_terminal);
        let ended = ends_punct || {
            let word = self.word_before(k, inner);
            let (core, deco) = strip_decorations(&word);
            is_strong_decoration(deco.iter().copied()) || is_final(hangul_tail(core))
        };
        let boundary = if opens_sentence {
            // A quote without its own punctuation that opens a line runs on into it (a
            // headline, `"더는 못 참는다" 택시기사들 거리로`); an aside ends where its
            // content ends (`(…하더라구요ㅋㅋ) 마지막 메뉴는…`).
            ends_punct || (ended && is_paren(self.at(o)))
        } else if is_paren(self.at(o)) {
            // An aside right after a finished sentence: `…했다.(사진=…)`,
            // `"…한다."(요한 3:13)`.
            o > s && self.ends_sentence_unit(self.prev(o), s)
        } else {
            // A quote inside a sentence that goes on after it (`시민들은 "살려달라!"
            // 외치며…`, `기자가 "원인이 뭐냐?" 묻자…`) ends nothing; one after a finished
            // clause (`…말했다 "좋다." 그리고`) ends it.
            ends_punct && o > s && self.ends_sentence_unit(self.prev(o), s)
        };
        boundary && !is_continuation(&self.word_after(self.next(i)))
    }

    /// A closing quote or bracket at `i` with Hangul right after it (no space): the
    /// sentence ends only when the pair opened the sentence, its content ended with
    /// sentence punctuation, and the Hangul is not a particle or quotative
    /// (`“…요?”아직` splits, `“…다.”라고` and `“…다.”는` do not).
    #[inline(never)]
    fn after_glued_closer(&self, i: usize, s: usize) -> bool {
        let o = self.mate(i) as usize;
        if !self.only_openers(s, o) {
            return false;
        }
        let inner = self.next(o);
        let mut k = i;
        while k > inner && self.before_is(k, is_closer_char) {
            k = self.prev(k);
        }
        if !(k > inner && self.before_is(k, is_terminal)) {
            return false;
        }
        let next = self.word_after(self.next(i));
        !is_continuation(&next) && !next.first().is_some_and(|&c| is_particle_start(c))
    }

    /// True when the char at `k` (in the sentence starting at `s`) finishes a
    /// sentence: sentence punctuation, or the closing mark of a pair that opened the
    /// sentence and ended with sentence punctuation.
    fn ends_sentence_unit(&self, k: usize, s: usize) -> bool {
        let c = self.at(k);
        if is_terminal(c) {
            // Not a date's or a number's period: `2024. 6. 21.(금) 19:30에`.
            return k > s && !(c == '.' && self.before_is(k, |c| c.is_ascii_digit()));
        }
        if is_space(c) {
            // `…버렸음 (출근시간 19시)`: a finished clause before the aside.
            let mut e = k;
            while e > s && self.before_is(e, is_space) {
                e = self.prev(e);
            }
            return e > s
                && !self.before_is(e, is_space)
                && self.ends_sentence_unit(self.prev(e), s);
        }
        if !self.closes_pair(k) {
            let word = self.word_before(self.next(k), s);
            let (core, deco) = strip_decorations(&word);
            return self.word_ending(core) == Ending::Strong
                || (deco.len() == word.len() && is_strong_decoration(deco.iter().copied()));
        }
        let o = self.mate(k) as usize;
        let inner = self.next(o);
        let opens_sentence = self.only_openers(s, o);
        let mut j = k;
        while j > inner && self.before_is(j, is_closer_char) {
            j = self.prev(j);
        }
        opens_sentence && j > inner && self.before_is(j, is_terminal)
    }

    /// The last char of a word at `i`, followed by whitespace, with no punctuation:
    /// does the sentence starting at `s` end after it?
    #[inline(never)]
    fn after_word(&self, i: usize, s: usize) -> bool {
        let after = self.next(i);
        let word = self.word_before(after, s);
        let (core, deco) = strip_decorations(&word);
        let strength = if core.is_empty() {
            // A word of decorations only (ㅋㅋ, 😀): it ends the sentence when the
            // word before it did.
            let w0 = word.start;
            let mut k = w0;
            while k > s && self.before_is(k, is_space) {
                k = self.prev(k);
            }
            if k == w0 || k <= s || !is_strong_decoration(deco.iter().copied()) {
                return false;
            }
            let before = self.word_before(k, s);
            let (bcore, _) = strip_decorations(&before);
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
            if is_strong_decoration(deco.iter().copied())
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
        self.ending_ends_sentence(strength, after)
    }

    /// `after_word` for a Hangul word whose last syllables run from `run` to `last`:
    /// the ending is read from the run alone, which is all of the word's Hangul tail
    /// (a word that ends in a syllable has no decorations to strip), and only from its
    /// last [`ENDING_SPAN`] syllables, all that [`ending`] reads.
    fn after_syllables(&self, run: usize, last: usize, s: usize) -> bool {
        let bytes = self.text.as_bytes();
        let after = last + 3;
        let from = run.max(after.saturating_sub(3 * MAX_WORD));
        // The word is the run (or its last MAX_WORD syllables), or Hangul after a
        // closing quote (see `word_ending`); with anything else before the run it is
        // not a whole Hangul word, and has no ending.
        let whole = after - from == 3 * MAX_WORD
            || from == s
            || self.before_is(from, |c| is_space(c) || is_closer_char(c));
        if !whole {
            return false;
        }
        let mut tail = ['\0'; ENDING_SPAN];
        let mut n = 0;
        let mut k = from.max(after.saturating_sub(3 * ENDING_SPAN));
        while let (true, Some(c), Some(slot)) = (k < after, syllable_at(bytes, k), tail.get_mut(n))
        {
            *slot = char::from_u32(c).unwrap_or(' ');
            n += 1;
            k += 3;
        }
        let strength = ending(&tail[..n]).in_style(self.punctuated);
        self.ending_ends_sentence(strength, after)
    }

    /// Whether a word with an ending of `strength`, followed by whitespace at `after`,
    /// ends the sentence: it does unless the next word continues it.
    fn ending_ends_sentence(&self, strength: Ending, after: usize) -> bool {
        // A tab parts the cells of a table's row (`노트북⇥재고 없음⇥입고 예정`), not
        // sentences: without punctuation, the row is one.
        if strength == Ending::None || self.at(after) == '\t' {
            return false;
        }
        let next = self.word_after(after);
        // Decorations with the sentence's punctuation after them are its own: `좋았다
        // 😀.`, `좋았다 ㅋㅋ.` (the punctuation then ends it).
        if self.decorated_end(&next) {
            return false;
        }
        match strength {
            Ending::None => false,
            Ending::Weak => is_opener(&next),
            Ending::Strong | Ending::Nominal | Ending::Plain => {
                !is_continuation(&next)
                    && !next.first().is_some_and(|&c| matches!(c, '(' | '['))
                    && !self.bound_noun_follows(&next)
            }
        }
    }

    /// The end of the ASCII emoticon ([`EMOTICONS`]) that is the next word after the
    /// space at `i`, if one is (it is then the sentence's before it).
    #[inline(never)]
    fn emoticon_after(&self, i: usize) -> Option<usize> {
        let bytes = self.text.as_bytes();
        // (Every emoticon starts with an ASCII char: most words are ruled out by it.)
        let rest = bytes
            .get(i + 1..)
            .filter(|r| bytes[i] == b' ' && r.first().is_some_and(u8::is_ascii))?;
        let ends = |n: usize| rest.get(n).is_none_or(u8::is_ascii_whitespace);
        let e = EMOTICONS
            .iter()
            .find(|e| crate::unicode::starts_with(rest, e.as_bytes()) && ends(e.len()))?;
        Some(i + 1 + e.len())
    }

    /// True for a word of decorations and sentence punctuation (`😀.`, `ㅋㅋ!!`, `^^.`).
    #[inline(never)]
    fn decorated_end(&self, word: &[char]) -> bool {
        let mut end = word.len();
        while end > 0 && is_terminal(word[end - 1]) {
            end -= 1;
        }
        let body = &word[..end];
        end < word.len() && !body.is_empty() && strip_decorations(body).0.is_empty()
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
    fn bound_noun_follows(&self, next: &Word) -> bool {
        if **next != ['그'] {
            return false;
        }
        let after = self.word_after(self.next(next.start));
        after.starts_with(&['자', '체']) || after.starts_with(&['대', '로'])
    }
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
    fn a_photo_credit_stays_with_its_caption() {
        // Not the spaces after it.
        assert_eq!(texts("가. /가  "), ["가. /가"]);
        assert_eq!(
            texts(
                "시민이 장을 보고 있다. 연합뉴스\n시는 계획을 발표했다. 연합뉴스는 이를 보도했다."
            ),
            [
                "시민이 장을 보고 있다. 연합뉴스",
                "시는 계획을 발표했다.",
                "연합뉴스는 이를 보도했다."
            ]
        );
        assert_eq!(
            texts("시청 앞이 붐비고 있다. 2024.4.12/가상뉴스 ⓒ 가상뉴스 김하늘 기자"),
            ["시청 앞이 붐비고 있다. 2024.4.12/가상뉴스 ⓒ 가상뉴스 김하늘 기자"]
        );
        for credit in [
            "ⓒ가상뉴스",
            "2024.4.12 [가상뉴스 자료사진]",
            "<사진=해오름시 제공>",
        ] {
            let caption = format!("시청 앞이 붐비고 있다. {credit}");
            assert_eq!(
                texts(&format!("{caption}\n시는 계획을 밝혔다.")),
                [&caption[..], "시는 계획을 밝혔다."]
            );
        }
        // Not at the line's end: the credit-like word opens the next sentence.
        assert_eq!(
            texts("시는 계획을 발표했다. 김하늘 기자 이어서 시장이 말했다."),
            ["시는 계획을 발표했다.", "김하늘 기자 이어서 시장이 말했다."]
        );
    }

    #[test]
    fn hard_wrapped_text_is_read_by_paragraphs() {
        // Copied from a PDF: a heading, then paragraphs wrapped at about 30 chars; a
        // short line ends its paragraph, a blank line or a list mark too.
        let text = "해오름시 교통 계획 요약\n\
                    해오름시가 2030년까지 시내버스 1200대 가운데\n\
                    절반을 전기버스로 바꾸는 계획을 13일 발표했다. 시는\n\
                    올해 하반기부터 해마다 100대 안팎의 노후 경유버스를\n\
                    전기버스로 교체하기로 했다.\n\
                    운수업계는 보조금 지급이 늦어지면 계획이 차질을\n\
                    빚을 수 있다고 우려했다.\n\
                    - 충전소 120곳을 새로 짓는 데 드는 비용은 모두\n\
                    4800억원으로 추산된다.";
        assert!(is_hard_wrapped(text));
        assert_eq!(
            texts(text),
            [
                "해오름시 교통 계획 요약",
                "해오름시가 2030년까지 시내버스 1200대 가운데\n절반을 전기버스로 바꾸는 계획을 13일 발표했다.",
                "시는\n올해 하반기부터 해마다 100대 안팎의 노후 경유버스를\n전기버스로 교체하기로 했다.",
                "운수업계는 보조금 지급이 늦어지면 계획이 차질을\n빚을 수 있다고 우려했다.",
                "- 충전소 120곳을 새로 짓는 데 드는 비용은 모두\n4800억원으로 추산된다.",
            ]
        );
    }

    #[test]
    fn double_spaced_wrapped_text_is_read_by_paragraphs() {
        // As some PDF extractions give it: a blank line after every line, and two after a
        // paragraph, or a short line.
        let text = "해오름시가 2030년까지 시내버스 1200대 가운데\n\n\
                    절반을 전기버스로 바꾸는 계획을 13일 발표했다. 시는\n\n\
                    올해 하반기부터 해마다 100대 안팎의 노후 경유버스를\n\n\
                    전기버스로 교체하기로 했다.\n\n\n\
                    운수업계는 보조금 지급이 늦어지면 계획이 차질을\r\n\r\n\
                    빚을 수 있다고 우려했다.\n\n\
                    충전소 120곳을 새로 짓는 데 드는 비용은 모두\n  \n\
                    4800억원으로 추산된다.";
        assert!(is_hard_wrapped(text) && is_double_spaced(text));
        assert_eq!(
            texts(text),
            [
                "해오름시가 2030년까지 시내버스 1200대 가운데\n\n절반을 전기버스로 바꾸는 계획을 13일 발표했다.",
                "시는\n\n올해 하반기부터 해마다 100대 안팎의 노후 경유버스를\n\n전기버스로 교체하기로 했다.",
                "운수업계는 보조금 지급이 늦어지면 계획이 차질을\r\n\r\n빚을 수 있다고 우려했다.",
                "충전소 120곳을 새로 짓는 데 드는 비용은 모두\n  \n4800억원으로 추산된다.",
            ]
        );
        // Paragraphs a line, with a blank line between them, as news is pasted: no wrap.
        let news = "해오름시가 시내버스 절반을 전기버스로 바꾼다고 13일 발표했다.\n\n\
                    시는 올해 하반기부터 해마다 100대 안팎의 노후 경유버스를 바꾼다.\n\n\
                    운수업계는 보조금 지급이 늦어지면 차질을 빚을 수 있다고 우려했다.\n\n\
                    시는 충전소 120곳도 새로 짓는다.\n\n\
                    충전소 부지는 다음 달 확정된다.";
        assert!(is_double_spaced(news) && !is_hard_wrapped(news));
        assert_eq!(texts(news).len(), 5);
    }

    #[test]
    fn newlines_are_found_at_every_alignment() {
        for len in 0..72 {
            for at in 0..=len {
                let mut text = vec![b'a'; len];
                if at < len {
                    text[at] = b'\n';
                }
                for start in 0..=len {
                    let want = text[start..]
                        .iter()
                        .position(|&c| c == b'\n')
                        .map_or(len, |p| start + p);
                    assert_eq!(newline_from(&text, start), want, "{len} {at} {start}");
                }
            }
        }
        // Among bytes one off it, whose borrows may mark bytes after a match, and with
        // a second match after the first.
        let near = [0x0B, 0x09, 0x8A, 0x0A, 0x8B, 0x01, 0x00, 0xFF];
        for len in 0..72 {
            let text: Vec<u8> = (0..len).map(|i| near[(i * 7 + len) % near.len()]).collect();
            for start in 0..=len {
                let want = text[start..]
                    .iter()
                    .position(|&c| c == b'\n')
                    .map_or(len, |p| start + p);
                assert_eq!(newline_from(&text, start), want, "{len} {start}");
            }
        }
    }

    #[test]
    fn lines_that_end_sentences_or_are_short_are_not_wrapped() {
        // News pasted a paragraph a line; a chat; dialect lines of different lengths.
        for text in [
            "해오름시가 시내버스 절반을 전기버스로 바꾼다고 13일 발표했다.\n\
             시는 올해 하반기부터 해마다 100대 안팎의 노후 경유버스를 바꾼다.\n\
             운수업계는 보조금 지급이 늦어지면 차질을 빚을 수 있다고 우려했다.\n\
             시는 충전소 120곳도 새로 짓는다.",
            "철수: 오늘 뭐해\n영희: 몰라 집에 있어\n철수: 영화 볼래\n영희: 좋아 몇 시에 볼까",
            "안녕하시드래요 밥은 먹었드래요 아니래요\n\
             우리 외가는 원채 충남 예산 사람인지라 부추를 솔이라고 혀 근디 충주, 대전, 요래 이사 다니셔서 그런가 엄니는 정구지라고 카는 겨\n\
             속 이바구할 인간도 없재 일 이바구 밖에 할 게 더 있긋나\n\
             그래서 아는거지 자갈이 한 군데 산이 그냥 우묵햐 그래 이거 산에서 우짠 일이냐니께 그래서 성을 쌓을라구 앞치마에다 쌓가주가다",
        ] {
            assert!(!is_hard_wrapped(text), "{text:?}");
            assert!(texts(text).iter().all(|s| !s.contains('\n')), "{text:?}");
        }
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
        // `~지` before the negative auxiliary goes on: `~지 않다`, `~지 못하다`.
        for text in [
            "조세특별법에는 들어가 있지 못하고 있다라며 필요성을 언급했다.",
            "계획대로 되지 않았다고 말했다.",
            "끝내 오지 못했다.",
        ] {
            assert_eq!(texts(text), [text]);
        }
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
        // A wire dateline and its reporter, to the `=`, in either bracket.
        for dateline in [
            "[서울=가상뉴스] 김하늘 기자 =",
            "(서울=가상뉴스) 김하늘 박가람 기자 =",
        ] {
            assert_eq!(
                texts(&format!("{dateline} 정부가 예산을 늘렸다.")),
                [dateline, "정부가 예산을 늘렸다."]
            );
        }
        // One sentence a line, punctuated: a noun ending like `~함` ends nothing.
        assert_eq!(
            texts("- 음식물 쓰레기 수거함 악취 민원에 대해 현장 점검을 실시한다."),
            ["- 음식물 쓰레기 수거함 악취 민원에 대해 현장 점검을 실시한다."]
        );
        // A date's period ends nothing, with its weekday in brackets after it.
        assert_eq!(
            texts("회의는 2024. 6. 21.(금) 19:30에 열린다. 안건은 두 가지다."),
            [
                "회의는 2024. 6. 21.(금) 19:30에 열린다.",
                "안건은 두 가지다."
            ]
        );
        // A photo's credit opens its caption: no dateline.
        assert_eq!(
            texts("[사진=해오름시 제공] 시민들이 광장을 걷고 있다."),
            ["[사진=해오름시 제공] 시민들이 광장을 걷고 있다."]
        );
        // Not an `=` further on.
        assert_eq!(
            texts("(서울=가상뉴스) 정부는 a=b라고 밝혔다."),
            ["(서울=가상뉴스) 정부는 a=b라고 밝혔다."]
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
    fn plain_ascii_is_what_scan_may_step_over() {
        for b in 0..0x80u8 {
            let c = char::from(b);
            let plain = !is_space(c)
                && !c.is_control()
                && !is_terminal(c)
                && matches!(pairing(' ', c, ' '), Pairing::No)
                && !is_closer_char(c)
                && c != '='
                && !is_decoration(c)
                && !is_invisible(c);
            assert_eq!(is_plain_ascii(b), plain, "{c:?}");
        }
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
    fn is_syllable_at_reads_exactly_the_syllables() {
        let mut buf = [0u8; 4];
        for c in (0..=0x10FFFF).filter_map(char::from_u32) {
            let bytes = c.encode_utf8(&mut buf).as_bytes();
            assert_eq!(is_syllable_at(bytes, 0), is_syllable(c), "{c:?}");
        }
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
