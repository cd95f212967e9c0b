//! Byte spans into the input text and their conversion to UTF-16 offsets.

use serde::Serialize;

/// A half-open range `start..end` of UTF-8 byte offsets into a text.
///
/// Both ends always lie on `char` boundaries, so `&text[span.range()]` never panics
/// for the text the span was made from.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize)]
pub struct Span {
    /// First byte of the span.
    pub start: usize,
    /// One past the last byte of the span.
    pub end: usize,
}

impl Span {
    /// Makes a span; `start <= end` is the caller's promise.
    pub const fn new(start: usize, end: usize) -> Self {
        Span { start, end }
    }

    /// The span as a range, for slicing.
    pub const fn range(self) -> std::ops::Range<usize> {
        self.start..self.end
    }

    /// Length in bytes.
    pub const fn len(self) -> usize {
        self.end - self.start
    }

    /// True when the span holds no bytes.
    pub const fn is_empty(self) -> bool {
        self.start == self.end
    }
}

/// Converts ascending byte offsets of one text into UTF-16 code-unit offsets
/// (the units of JavaScript's `String.prototype.slice`) in a single forward pass.
///
/// Offsets must be given in non-decreasing order; each call continues where the
/// previous one stopped, so converting all sentence spans costs one walk of the text.
pub struct Utf16Cursor<'a> {
    text: &'a str,
    byte: usize,
    unit: usize,
}

impl<'a> Utf16Cursor<'a> {
    /// Starts at offset 0 of `text`.
    pub fn new(text: &'a str) -> Self {
        Utf16Cursor {
            text,
            byte: 0,
            unit: 0,
        }
    }

    /// The UTF-16 offset of byte offset `byte`, which must be a char boundary
    /// at or after the previous call's offset. Out-of-order offsets restart the walk.
    pub fn to_utf16(&mut self, byte: usize) -> usize {
        if byte < self.byte {
            self.byte = 0;
            self.unit = 0;
        }
        let byte = byte.min(self.text.len());
        self.unit += utf16_len(&self.text.as_bytes()[self.byte..byte]);
        self.byte = byte;
        self.unit
    }
}

/// The UTF-16 length of the UTF-8 `bytes` (whole chars): one unit per byte that is not a
/// continuation byte (`10xxxxxx`), plus one more per lead byte of a 4-byte char
/// (`11110xxx`, a supplementary char). Counted eight bytes at a time: the text passes
/// here once per call, and a byte loop was 3% of a short summary in wasm.
fn utf16_len(bytes: &[u8]) -> usize {
    const HIGH: u64 = 0x8080_8080_8080_8080;
    // Bit 7 of each byte of the result: the byte's bits 7..7-k (shifting a u64 left
    // moves a byte's bit 6 into its own bit 7; what crosses from the byte below lands
    // in bit 0, which the mask drops).
    let units = |x: u64| {
        let continuation = x & !(x << 1) & HIGH;
        let four = x & (x << 1) & (x << 2) & (x << 3) & HIGH;
        8 - continuation.count_ones() as usize + four.count_ones() as usize
    };
    let mut chunks = bytes.chunks_exact(8);
    let mut n = 0;
    for chunk in &mut chunks {
        let mut word = [0u8; 8];
        word.copy_from_slice(chunk);
        n += units(u64::from_le_bytes(word));
    }
    for &b in chunks.remainder() {
        n += usize::from(b & 0xC0 != 0x80) + usize::from(b >= 0xF0);
    }
    n
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn utf16_offsets_match_encode_utf16() {
        let text = "가나 😀다.\nabc 한🇰🇷";
        let mut cur = Utf16Cursor::new(text);
        for (i, _) in text.char_indices().chain([(text.len(), ' ')]) {
            assert_eq!(
                cur.to_utf16(i),
                text[..i].encode_utf16().count(),
                "UTF-16 offset of byte {i} is wrong"
            );
        }
    }

    #[test]
    fn utf16_len_counts_every_byte_pattern() {
        // Every char length at every alignment of the 8-byte chunks.
        let chars = ['a', 'é', '가', '😀', '\u{10FFFF}', '\u{7F}', '\u{800}'];
        let mut text = String::new();
        for i in 0..200 {
            text.push(chars[(i * 7 + i / 3) % chars.len()]);
        }
        for (a, _) in text.char_indices() {
            for (b, _) in text[a..].char_indices().chain([(text.len() - a, ' ')]) {
                let slice = &text[a..a + b];
                assert_eq!(utf16_len(slice.as_bytes()), slice.encode_utf16().count());
            }
        }
    }

    #[test]
    fn utf16_cursor_restarts_when_going_back() {
        let text = "😀😀";
        let mut cur = Utf16Cursor::new(text);
        assert_eq!(cur.to_utf16(8), 4);
        assert_eq!(cur.to_utf16(4), 2);
    }
}
