//! Golden tests for `ksum::split::split`, one file per phenomenon in
//! `tests/golden/split/*.txt`.
//!
//! # Format
//!
//! The same as the evaluation sets: one expected sentence a line, a blank line
//! between documents. By default a document's input is its lines joined with NO
//! separator (so `…했다.` followed by `그러나…` becomes `했다.그러나`); write a trailing
//! space on a line to get a space in the input. Two optional header lines, placed
//! first in a document, change how the input is made:
//!
//! - `@join SEP`: join the lines with SEP instead (escapes: `\n` newline, `\r`
//!   carriage return, `\s` space, `\t` tab, `\\` backslash), e.g. `@join \n` for one
//!   sentence a line of input.
//! - `@input TEXT`: the input verbatim (same escapes); the lines that follow are only
//!   the expected sentences, in order, as they appear in the input.
//!
//! Lines starting with `//` are comments. Expected sentences are compared with the
//! text of the returned spans after trimming the line's own surrounding whitespace.

use std::fs;
use std::path::Path;

/// Decodes the `\n`, `\r`, `\s`, `\t`, `\\` escapes of a header value.
fn unescape(s: &str) -> String {
    let mut out = String::new();
    let mut chars = s.chars();
    while let Some(c) = chars.next() {
        if c != '\\' {
            out.push(c);
            continue;
        }
        match chars.next() {
            Some('n') => out.push('\n'),
            Some('s') => out.push(' '),
            Some('t') => out.push('\t'),
            Some('r') => out.push('\r'),
            Some('\\') => out.push('\\'),
            Some(other) => {
                out.push('\\');
                out.push(other);
            }
            None => out.push('\\'),
        }
    }
    out
}

/// One golden document: where it is, its input and the expected sentences.
struct Doc {
    line: usize,
    input: String,
    expected: Vec<String>,
}

/// Parses a golden file into documents.
fn parse(content: &str) -> Vec<Doc> {
    let mut docs = Vec::new();
    let mut lines: Vec<&str> = Vec::new();
    let mut first_line = 0;
    let mut flush = |lines: &mut Vec<&str>, first_line: usize| {
        if lines.is_empty() {
            return;
        }
        let mut join = String::new();
        let mut input = None;
        let mut body = Vec::new();
        for &l in lines.iter() {
            if body.is_empty() && input.is_none() {
                if let Some(sep) = l.strip_prefix("@join ") {
                    join = unescape(sep);
                    continue;
                }
                if let Some(text) = l.strip_prefix("@input ") {
                    input = Some(unescape(text));
                    continue;
                }
            }
            body.push(l);
        }
        let input = input.unwrap_or_else(|| body.join(&join));
        docs.push(Doc {
            line: first_line,
            input,
            expected: body.iter().map(|l| l.trim().to_string()).collect(),
        });
        lines.clear();
    };
    for (n, raw) in content.split('\n').enumerate() {
        let line = raw.strip_suffix('\r').unwrap_or(raw);
        if line.starts_with("//") {
            continue;
        }
        if line.trim().is_empty() {
            flush(&mut lines, first_line);
        } else {
            if lines.is_empty() {
                first_line = n + 1;
            }
            lines.push(line);
        }
    }
    flush(&mut lines, first_line);
    docs
}

#[test]
fn golden_files() {
    let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/golden/split");
    let mut paths: Vec<_> = fs::read_dir(&dir)
        .expect("tests/golden/split exists")
        .filter_map(|e| e.ok().map(|e| e.path()))
        .filter(|p| p.extension().is_some_and(|x| x == "txt"))
        .collect();
    paths.sort();
    assert!(!paths.is_empty(), "no golden files in {}", dir.display());
    let mut failures = Vec::new();
    let mut checked = 0;
    for path in &paths {
        let content = fs::read_to_string(path).expect("golden file is UTF-8");
        let name = path.file_name().unwrap_or_default().to_string_lossy();
        for (k, doc) in parse(&content).iter().enumerate() {
            checked += 1;
            let got: Vec<&str> = ksum::split::split(&doc.input)
                .into_iter()
                .map(|s| &doc.input[s.range()])
                .collect();
            if got != doc.expected {
                let mut msg = format!(
                    "{name}: document {} (line {}): input {:?}\n  expected:\n",
                    k + 1,
                    doc.line,
                    doc.input
                );
                for e in &doc.expected {
                    msg.push_str(&format!("    | {e}\n"));
                }
                msg.push_str("  got:\n");
                for g in &got {
                    msg.push_str(&format!("    | {g}\n"));
                }
                failures.push(msg);
            }
        }
    }
    assert!(checked > 0, "no golden documents found");
    assert!(
        failures.is_empty(),
        "{} of {checked} golden documents failed:\n{}",
        failures.len(),
        failures.join("\n")
    );
}

#[test]
fn format_parses_headers_and_comments() {
    let docs = parse("// note\n가.\n나.\n\n@join \\n\n다\n라\n\n@input 마. 바\n마.\n바\n");
    assert_eq!(docs.len(), 3);
    assert_eq!(docs[0].input, "가.나.");
    assert_eq!(docs[1].input, "다\n라");
    assert_eq!(docs[2].input, "마. 바");
    assert_eq!(docs[2].expected, ["마.", "바"]);
}
