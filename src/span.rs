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
        // Count UTF-16 units from the bytes directly: every char contributes one unit
        // per non-continuation byte, plus one more for 4-byte (supplementary) chars.
        for &b in &self.text.as_bytes()[self.byte..byte] {
            if b & 0xC0 != 0x80 {
                self.unit += 1;
            }
            if b >= 0xF0 {
                self.unit += 1;
            }
        }
        self.byte = byte;
        self.unit
    }
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
    fn utf16_cursor_restarts_when_going_back() {
        let text = "😀😀";
        let mut cur = Utf16Cursor::new(text);
        assert_eq!(cur.to_utf16(8), 4);
        assert_eq!(cur.to_utf16(4), 2);
    }
}
