//! Transcripts: a subtitle file (SRT, WebVTT) or a video's transcript as copied, a
//! timestamp on its own line before each caption (`0:04`, then `건립 계획에 대해서`) or
//! opening the caption's line (`0:04 건립 계획에 대해서`, `[00:04] …`).
//!
//! A caption is cut where the screen is full, not where a sentence ends, so a line
//! break there is a space, as in hard-wrapped text; and the timing lines between two
//! captions are no part of what is said. [`timing_lines`] finds them, and
//! [`crate::split`] reads the text with them blanked: a sentence then runs across
//! captions (its span covers the timing lines between them) and ends where its words
//! do. A timing line between two sentences is in the span of the one it times, the
//! next. [`crate::Summary::timings`] lists them, and the command line and the page show
//! a sentence without them ([`said`]).

use crate::Span;
use std::ops::Range;

/// The fewest timing lines that make a transcript.
pub(crate) const MIN_TIMINGS: usize = 3;

/// The most bytes before a timing line's first colon (`[00:`, a few spaces).
const MAX_BEFORE_COLON: usize = 16;

/// True for a line (trimmed) that times a caption: a cue's timing
/// (`00:01:02,345 --> 00:01:04,000`, WebVTT settings after it), a timestamp alone
/// (`0:04`, `12:34`, `1:02:03`, `00:00:12.500`, `[00:12]`, `(1:02)`), or the `WEBVTT`
/// that opens a WebVTT file. (Loosely, by bytes: four or more digits, colons and the
/// marks of a time, with a colon, and nothing after them but a cue's ` -->`.)
pub fn is_timing_line(line: &str) -> bool {
    let line = crate::unicode::trim(line);
    timing(line) == Some(line.len())
}

/// True when the line `line` (its end trimmed) may be a timing line that
/// [`timing_lines`] counts: [`crate::split`] counts them as it reads a text, and asks
/// for its timing lines only when it has [`MIN_TIMINGS`] or more (most texts have none).
pub(crate) fn may_time(line: &str) -> bool {
    timing(crate::unicode::trim_start(line)).is_some()
}

/// The bytes of the timing that opens a line (trimmed): all of a timing line
/// ([`is_timing_line`]), or a timestamp that opens a caption's line (`0:04 건립 계획에`,
/// `[00:12] 오늘은`) with the spaces after it.
fn timing(line: &str) -> Option<usize> {
    let b = line.as_bytes();
    if b.starts_with(b"WEBVTT") {
        return Some(b.len());
    }
    let time = b
        .iter()
        .take_while(|c| {
            matches!(
                c,
                b'0'..=b'9' | b':' | b'.' | b',' | b'[' | b']' | b'(' | b')'
            )
        })
        .count();
    let (head, rest) = (
        b.get(..time).unwrap_or_default(),
        b.get(time..).unwrap_or_default(),
    );
    if time < 4 || !head.contains(&b':') {
        return None;
    }
    if rest.is_empty() || (rest.starts_with(b" -->") && rest.iter().all(u8::is_ascii)) {
        return Some(b.len());
    }
    let spaces = rest.iter().take_while(|&&c| c == b' ').count();
    // A trimmed line goes on after the spaces.
    let caption = rest.get(spaces..).unwrap_or_default();
    (spaces > 0 && !caption.starts_with(b"-->")).then_some(time + spaces)
}

/// True when a caption's line ends where a sentence may (`.`, `!`, `?`, `…`, a closing
/// quote or bracket after one): a live blog's timed entries each do, and a caption cut
/// where the screen is full, or speech left unpunctuated, does not.
fn ends_closed(line: &str) -> bool {
    // By bytes: `str` patterns of chars cost wasm.
    let mut b = line.as_bytes();
    loop {
        b = match b {
            [rest @ .., b'"' | b'\'' | b')' | b']'] => rest,
            // `”`, `’`; `」`, `』`.
            [rest @ .., 0xE2, 0x80, 0x9D | 0x99] | [rest @ .., 0xE3, 0x80, 0x8D | 0x8F] => rest,
            _ => break,
        };
    }
    // `.`, `!`, `?`, `…`.
    matches!(b, [.., b'.' | b'!' | b'?'] | [.., 0xE2, 0x80, 0xA6])
}

/// True for a line that is a number alone (an SRT cue's number).
fn is_number(line: &str) -> bool {
    let b = line.as_bytes();
    (1..=6).contains(&b.len()) && b.iter().all(u8::is_ascii_digit)
}

/// True when a caption's line ends as speech does (`합니다`, `했는데요`, `그렇죠`,
/// `할까`), its punctuation aside. A schedule (`10:00`, then `개회식`) times no
/// speech, and its items are not to be run together.
fn ends_as_speech(line: &str) -> bool {
    let mut b = line.as_bytes();
    while let [rest @ .., c] = b {
        if !c.is_ascii_punctuation() {
            break;
        }
        b = rest;
    }
    ["다", "요", "죠", "까"]
        .iter()
        .any(|e| b.ends_with(e.as_bytes()))
}

/// The byte ranges of the timing lines of `text` (each line trimmed) and of the
/// numbers alone on a line among them (an SRT cue's), when `text` is a transcript:
/// at least [`MIN_TIMINGS`] timing lines ([`is_timing_line`]), at most three lines of
/// captions to each, and a quarter of those lines or more ending as speech does.
/// Empty otherwise.
#[inline(never)]
pub(crate) fn timing_lines(text: &str) -> Vec<Range<usize>> {
    let bytes = text.as_bytes();
    // Most texts have no timing line at all, and every timing line has a colon near
    // its start: the lines with one there are counted first.
    let mut timings = 0;
    let mut at = 0;
    loop {
        let colon = crate::split::byte_from(bytes, at, b':');
        if colon >= bytes.len() {
            break;
        }
        let near = colon.saturating_sub(MAX_BEFORE_COLON);
        at = colon + 1;
        let start = match bytes[near..colon].iter().rposition(|&c| c == b'\n') {
            Some(i) => near + i + 1,
            None if near == 0 => 0,
            None => continue,
        };
        at = crate::split::newline_from(bytes, colon);
        let line = crate::unicode::trim(text.get(start..at).unwrap_or_default());
        timings += usize::from(timing(line).is_some());
    }
    if timings < MIN_TIMINGS {
        return Vec::new();
    }
    let (mut captions, mut spoken) = (0usize, 0usize);
    // Timing lines alone; captions opened by a timestamp, and those of them that end open.
    let (mut alone, mut opened, mut open) = (0usize, 0usize, 0usize);
    // Each mark, and whether it opens a caption's line.
    let mut marks: Vec<(Range<usize>, bool)> = Vec::new();
    let mut start = 0;
    while start < bytes.len() {
        let end = crate::split::newline_from(bytes, start);
        let raw = text.get(start..end).unwrap_or_default();
        let line = crate::unicode::trim(raw);
        let at = start + raw.len() - crate::unicode::trim_start(raw).len();
        start = end + 1;
        let n = match timing(line) {
            None if is_number(line) => line.len(),
            None => 0,
            Some(n) => n,
        };
        let said = line.get(n..).unwrap_or_default();
        if n > 0 {
            marks.push((at..at + n, !said.is_empty()));
            alone += usize::from(said.is_empty() && !is_number(line));
        }
        if said.is_empty() {
            continue;
        }
        if n > 0 {
            opened += 1;
            open += usize::from(!ends_closed(said));
        }
        captions += 1;
        spoken += usize::from(ends_as_speech(said));
    }
    // Timestamps that open their lines time a transcript only when a third of those
    // captions or more end open: a live blog's entries (`10:30 대통령이 도착했다.`), or a
    // subtitle's `10:00 회의가 시작됩니다.`, say their times.
    let opening = 3 * open >= opened;
    let timings = alone + if opening { opened } else { 0 };
    if timings < MIN_TIMINGS || captions > 3 * timings || 4 * spoken < captions.max(1) {
        return Vec::new();
    }
    marks
        .into_iter()
        .filter(|&(_, opens)| opening || !opens)
        .map(|(r, _)| r)
        .collect()
}

/// What the sentence at `span` of `text` says, on one line: its text but for the timing
/// marks among `timings` (a transcript's, ascending: [`crate::Summary::timings`]), its
/// lines trimmed and joined by a space (a caption a line, or a hard-wrapped text's).
pub fn said(text: &str, span: Span, timings: &[Span]) -> String {
    let mut out = String::new();
    let mut push = |part: &str| {
        for line in part
            .split([
                '\n', '\r', '\u{0B}', '\u{0C}', '\u{85}', '\u{2028}', '\u{2029}',
            ])
            .map(str::trim)
            .filter(|l| !l.is_empty())
        {
            if !out.is_empty() {
                out.push(' ');
            }
            out.push_str(line);
        }
    };
    let mut from = span.start;
    let first = timings.partition_point(|t| t.end <= span.start);
    for t in timings.get(first..).unwrap_or_default() {
        if t.start >= span.end {
            break;
        }
        push(text.get(from..t.start.max(from)).unwrap_or_default());
        from = t.end.clamp(from, span.end);
    }
    push(text.get(from..span.end).unwrap_or_default());
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn timing_lines_are_told() {
        for line in [
            "00:00:01,000 --> 00:00:03,500",
            "00:00:00.000 --> 00:00:03.240 align:start position:0%",
            "0:04",
            "12:34",
            "1:02:03",
            "00:00:12.500",
            "[00:12]",
            "(1:02)",
            "WEBVTT",
        ] {
            assert!(is_timing_line(line), "{line:?}");
        }
        for line in [
            "12",
            "3:7",
            "2024.04.12",
            "오후 3:16",
            "10:00 개회식",
            "12:",
            "1 --> 2 가",
            "",
        ] {
            assert!(!is_timing_line(line), "{line:?}");
        }
    }

    /// The timing lines found, as text.
    fn found(text: &str) -> Vec<&str> {
        timing_lines(text).into_iter().map(|r| &text[r]).collect()
    }

    #[test]
    fn a_subtitle_file_and_a_copied_transcript_are_transcripts() {
        let srt = "1\n00:00:01,000 --> 00:00:03,500\n오늘은 해오름시의\n\n2\n00:00:03,600 --> \
                   00:00:06,000\n새 도서관 계획을 소개합니다.\n\n3\n00:00:06,100 --> 00:00:09,000\n\
                   시는 내년까지 도서관을 짓습니다.\n";
        assert_eq!(found(srt).len(), 6, "three numbers and three timings");
        assert_eq!(found(srt)[0], "1");
        let copied =
            "0:00\n안녕하세요 오늘은 해오름시의 새 도서관\n0:04\n건립 계획을 이야기해 보려고 \
                      합니다\n0:08\n시는 내년까지 도서관을 짓는다고 해요\n";
        assert_eq!(found(copied), ["0:00", "0:04", "0:08"]);
    }

    #[test]
    fn schedules_and_chats_are_not_transcripts() {
        // A programme's times and items: no speech in them.
        let schedule =
            "10:00\n개회식 및 내빈 소개\n10:30\n기조 강연\n11:30\n분과 토론\n12:30\n점심\n";
        assert!(found(schedule).is_empty());
        // Two timings only; a chat's times are inside its lines.
        assert!(found("0:00\n안녕하세요\n0:04\n반갑습니다\n").is_empty());
        assert!(
            found("[오후 3:16] 김철수: 회의 몇 시예요?\n[오후 3:17] 이영희: 4시요\n").is_empty()
        );
        // News with a colon.
        assert!(
            found("시는 12일 오전 10:30 개막식을 연다고 밝혔다.\n행사는 사흘간 열린다.").is_empty()
        );
    }

    /// What the sentences of `text`, read as [`crate::summarize`] reads them, say.
    fn said_sentences(text: &str) -> Vec<String> {
        let s = crate::summarize(text, &crate::Options::default()).unwrap();
        s.sentences
            .iter()
            .map(|x| said(text, x.span, &s.timings))
            .collect()
    }

    #[test]
    fn a_sentence_is_said_without_its_timing_lines() {
        let srt = "1\n00:00:01,000 --> 00:00:03,500\n오늘은 해오름시의\n\n2\n00:00:03,600 --> \
                   00:00:06,000\n새 도서관 계획을 소개합니다.\n\n3\n00:00:06,100 --> 00:00:09,000\n\
                   시는 내년까지 도서관을 짓습니다.\n";
        assert_eq!(
            said_sentences(srt),
            [
                "오늘은 해오름시의 새 도서관 계획을 소개합니다.",
                "시는 내년까지 도서관을 짓습니다."
            ]
        );
        // Without timings (not a transcript) lines are joined, a time in them kept.
        let text = "새 도서관\n0:04\n건립 계획을 보면 2\n 3층이다.";
        let whole = Span::new(0, text.len());
        assert_eq!(
            said(text, whole, &[]),
            "새 도서관 0:04 건립 계획을 보면 2 3층이다."
        );
    }

    #[test]
    fn timestamps_that_open_their_captions_lines_are_timings() {
        let copied = "0:00 안녕하세요 여러분 오늘은 해오름시의 새 도서관에\n0:04 대해서 이야기해 \
                      보려고 합니다\n0:07 이 도서관은 지난달에 문을 열었는데요\n[0:10] 열람실이 무려 \
                      삼백 석이나 됩니다\n";
        assert_eq!(found(copied), ["0:00 ", "0:04 ", "0:07 ", "[0:10] "]);
        assert_eq!(
            said_sentences(copied),
            [
                "안녕하세요",
                "여러분 오늘은 해오름시의 새 도서관에 대해서 이야기해 보려고 합니다",
                "이 도서관은 지난달에 문을 열었는데요",
                "열람실이 무려 삼백 석이나 됩니다"
            ]
        );
        // A live blog's timed entries are sentences, their times part of them; and a
        // schedule's items are not speech.
        let live = "10:30 대통령이 공항에 도착했다.\n10:45 환영 행사가 시작됐다.\n\
                    11:00 정상회담이 열렸다.\n";
        assert!(found(live).is_empty());
        let schedule = "10:00 개회식\n10:30 기조 강연\n11:30 분과 토론\n12:30 점심\n";
        assert!(found(schedule).is_empty());
        // A subtitle that opens with a time says it; the file is still a transcript.
        let srt = "1\n00:00:01,000 --> 00:00:03,500\n10:00 회의가 시작됩니다.\n\n2\n\
                   00:00:03,600 --> 00:00:06,000\n오늘은 예산을 다룹니다.\n\n3\n\
                   00:00:06,100 --> 00:00:09,000\n먼저 보고를 듣겠습니다.\n";
        assert_eq!(found(srt).len(), 6, "{:?}", found(srt));
        assert!(!found(srt).contains(&"10:00 "));
    }
}
