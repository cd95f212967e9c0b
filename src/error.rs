//! The one error type of the library.

use std::fmt;

/// What went wrong; every message names the bad argument and the accepted range.
#[derive(Clone, Debug, PartialEq)]
pub enum Error {
    /// `k` was zero.
    InvalidCount(usize),
    /// `ratio` was not in `(0, 1]` (or was not a number).
    InvalidRatio(f64),
    /// The input is longer than [`crate::Options::max_input_bytes`].
    TooLarge {
        /// Input length in bytes.
        len: usize,
        /// The limit in bytes.
        max: usize,
    },
}

impl fmt::Display for Error {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            Error::InvalidCount(k) => write!(f, "k must be at least 1, got {k}"),
            // The value is not printed: float formatting would add ~17 KB to the wasm,
            // and every caller (CLI, JS) names the value it was given itself.
            Error::InvalidRatio(_) => f.write_str("ratio must be a number in (0, 1]"),
            Error::TooLarge { len, max } => write!(
                f,
                "input is {len} bytes, more than the limit of {max} bytes"
            ),
        }
    }
}

impl std::error::Error for Error {}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn messages_name_the_argument() {
        assert_eq!(
            Error::InvalidCount(0).to_string(),
            "k must be at least 1, got 0"
        );
        assert_eq!(
            Error::InvalidRatio(1.5).to_string(),
            "ratio must be a number in (0, 1]"
        );
        assert!(Error::TooLarge { len: 10, max: 5 }
            .to_string()
            .contains("limit of 5 bytes"));
    }
}
