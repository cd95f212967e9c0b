//! The `ksum` command: summaries, splits and rankings of Korean text.

use std::io::{self, BufRead, BufWriter, Read, Write};
use std::process::ExitCode;

use ksum::report::{split_report, Report};
use ksum::{Length, Options};
use serde_json::{json, Value};

const USAGE: &str = "\
ksum: extractive summaries of Korean text

Usage:
  ksum [-k N | --ratio R] [--json | --keywords] [FILE...]
                                            summarize each FILE (stdin when none)
  ksum split --jsonl [FILE]                 {\"id\",\"text\"} lines -> {\"id\",\"sentences\"} lines
  ksum rank --jsonl [FILE]                  {\"id\",\"sentences\"|\"text\"} lines -> {\"id\",\"order\",\"scores\"} lines

Options:
  -k N           number of summary sentences (default 3)
  --ratio R      fraction of the prose sentences instead (not headlines, bylines,
                 captions or page furniture), 0 < R <= 1
  --json         print every sentence with UTF-16 offsets, score and rank, and the summary
  --keywords     print the keywords, one a line, best first, instead of the summary
  --max-bytes N  refuse an input, or a JSONL line, longer than N bytes (default 64 MiB);
                 JSONL is read a line at a time, so a stream may be of any length
  -h, --help     this help
  -V, --version

FILE is UTF-8, UTF-16 with a byte order mark, or EUC-KR (CP949); offsets count in the
decoded text, without the byte order mark. JSONL is UTF-8. With several files, each
summary follows a `==> FILE <==` line (with --json: one object a line, with \"file\");
a file that cannot be read is reported and the others are still summarized.
";

/// A failure with the message to print and the exit code.
struct Fail(String, u8);

/// `v` as a whole number; one too large for a `usize` (`-k 99999999999999999999`)
/// is as many as there are, the largest.
fn whole_number(v: &str) -> Option<usize> {
    let v = v.strip_prefix('+').unwrap_or(v);
    if !v.is_empty() && v.bytes().all(|b| b.is_ascii_digit()) {
        return Some(v.parse::<usize>().unwrap_or(usize::MAX));
    }
    None
}

fn usage(msg: impl Into<String>) -> Fail {
    Fail(format!("{}\n\n{USAGE}", msg.into()), 2)
}

fn main() -> ExitCode {
    // A bug must still read as a message, not as a Rust backtrace.
    std::panic::set_hook(Box::new(|info| {
        eprintln!("ksum: internal error, please report it with the input: {info}");
    }));
    // Arguments that are not UTF-8 are refused by name instead of panicking.
    let args: Result<Vec<String>, _> = std::env::args_os()
        .skip(1)
        .map(|a| {
            a.into_string()
                .map_err(|a| a.to_string_lossy().into_owned())
        })
        .collect();
    let result = match args {
        Ok(args) => run(&args),
        Err(a) => Err(usage(format!("argument {a:?} is not valid UTF-8"))),
    };
    match result {
        Ok(code) => code,
        // The reader of our output went away (`ksum ... | head`): stop quietly.
        Err(Fail(_, QUIET)) => ExitCode::SUCCESS,
        Err(Fail(msg, code)) => {
            eprintln!("ksum: {msg}");
            ExitCode::from(code)
        }
    }
}

/// The exit code of [`Fail`] for a closed output pipe: nothing is printed.
const QUIET: u8 = 0;

fn run(args: &[String]) -> Result<ExitCode, Fail> {
    let mut options = Options::default();
    let mut json = false;
    let mut keywords = false;
    let mut jsonl = false;
    let mut files: Vec<&str> = Vec::new();
    let mut command: Option<&str> = None;
    // The length option given, if any: `-k` and `--ratio` exclude each other.
    let mut length: Option<&str> = None;
    let mut it = args.iter();
    while let Some(arg) = it.next() {
        match arg.as_str() {
            "-h" | "--help" => {
                let _ = write!(io::stdout(), "{USAGE}");
                return Ok(ExitCode::SUCCESS);
            }
            "-V" | "--version" => {
                let _ = writeln!(io::stdout(), "ksum {}", env!("CARGO_PKG_VERSION"));
                return Ok(ExitCode::SUCCESS);
            }
            "-k" | "--ratio" if length.is_some_and(|given| given != arg) => {
                return Err(usage("give -k or --ratio, not both"));
            }
            "-k" => {
                length = Some(arg);
                let v = it.next().ok_or_else(|| usage("-k needs a number"))?;
                let k = whole_number(v)
                    .filter(|&k| k > 0)
                    .ok_or_else(|| usage(format!("-k must be a whole number >= 1, got {v:?}")))?;
                options.length = Length::Count(k);
            }
            "--ratio" => {
                length = Some(arg);
                let v = it.next().ok_or_else(|| usage("--ratio needs a number"))?;
                let r = v
                    .parse::<f64>()
                    .ok()
                    .filter(|&r| r > 0.0 && r <= 1.0)
                    .ok_or_else(|| usage(format!("--ratio must be in (0, 1], got {v:?}")))?;
                options.length = Length::Ratio(r);
            }
            "--max-bytes" => {
                let v = it
                    .next()
                    .ok_or_else(|| usage("--max-bytes needs a number"))?;
                options.max_input_bytes = whole_number(v).filter(|&n| n > 0).ok_or_else(|| {
                    usage(format!(
                        "--max-bytes must be a whole number >= 1, got {v:?}"
                    ))
                })?;
            }
            "--json" => json = true,
            "--keywords" => keywords = true,
            "--jsonl" => jsonl = true,
            "split" | "rank" if command.is_none() && files.is_empty() => command = Some(arg),
            "-" => files.push(STDIN),
            a if a.starts_with('-') => return Err(usage(format!("unknown option {a:?}"))),
            a => files.push(a),
        }
    }
    let print = match (json, keywords) {
        (true, true) => return Err(usage("--keywords or --json: the JSON has the keywords")),
        (true, false) => Print::Json,
        (false, true) => Print::Keywords,
        (false, false) => Print::Sentences,
    };
    match command {
        Some(_) if print != Print::Sentences => Err(usage(
            "--json and --keywords go with a summary; `ksum split` and `ksum rank` print JSONL",
        )),
        Some(cmd) if !jsonl => Err(usage(format!("ksum {cmd} needs --jsonl"))),
        Some(_) if files.len() > 1 => Err(usage(format!(
            "unexpected argument {:?}: JSONL is read from one FILE",
            files[1]
        ))),
        Some(cmd) => jsonl_command(cmd, file_name(files.first()), options.max_input_bytes),
        None if jsonl => Err(usage("--jsonl goes with `ksum split` or `ksum rank`")),
        None if files.len() > 1 => summarize_files(&files, &options, print),
        None => summarize_command(file_name(files.first()), &options, print),
    }
}

/// What is printed of each summary.
#[derive(Clone, Copy, PartialEq)]
enum Print {
    /// The summary's sentences, one a line.
    Sentences,
    /// The keywords, one a line (`--keywords`).
    Keywords,
    /// Everything, as one line of JSON (`--json`).
    Json,
}

/// How `-` (standard input) is kept among the FILE arguments.
const STDIN: &str = "-";

/// How standard input is named in messages and in a file's report.
const STDIN_NAME: &str = "standard input";

/// The path of a FILE argument, `None` for standard input.
fn file_name<'a>(file: Option<&&'a str>) -> Option<&'a str> {
    file.copied().filter(|&f| f != STDIN)
}

/// Reads all of FILE (or stdin) as text ([`decode`]), refusing it as soon as it is
/// longer than `max` bytes (without reading the rest).
fn read_text(file: Option<&str>, max: usize) -> Result<String, Fail> {
    let mut bytes = Vec::new();
    let name = file.unwrap_or(STDIN_NAME);
    let limit = u64::try_from(max).unwrap_or(u64::MAX).saturating_add(1);
    let result = match file {
        Some(path) => std::fs::File::open(path).and_then(|f| f.take(limit).read_to_end(&mut bytes)),
        None => {
            let stdin = io::stdin();
            if io::IsTerminal::is_terminal(&stdin) {
                // Typed or pasted at a prompt, the text has no end until it is given.
                let end = if cfg!(windows) {
                    "Ctrl-Z, Enter"
                } else {
                    "Ctrl-D"
                };
                eprintln!(
                    "ksum: reading the text from the terminal: paste it, then press {end} \
                     on a new line (ksum --help for files)"
                );
            }
            stdin.lock().take(limit).read_to_end(&mut bytes)
        }
    };
    result.map_err(|e| Fail(format!("cannot read {name}: {e}"), 1))?;
    if bytes.len() > max {
        return Err(Fail(
            format!(
                "{name} is longer than the limit of {max} bytes{}; \
                 split it, or raise the limit with --max-bytes",
                human_bytes(max)
            ),
            1,
        ));
    }
    decode(bytes).map_err(|why| Fail(format!("{name} {why}"), 1))
}

/// The text of a file's bytes, decoded as the page decodes a file: by its byte order
/// mark (UTF-8, UTF-16LE, UTF-16BE), else as UTF-8, else as EUC-KR (CP949, the legacy
/// encoding of Korean files, as `TextDecoder("euc-kr")` reads it), unless the UTF-8 is
/// only cut off inside its last char. Nothing is replaced: bytes that are none of
/// these are an error that says where UTF-8 broke.
fn decode(bytes: Vec<u8>) -> Result<String, String> {
    use encoding_rs::{Encoding, EUC_KR, UTF_16BE, UTF_16LE};
    // The text, or None at the first malformed sequence.
    let decode_as = |encoding: &'static Encoding, bytes: &[u8]| {
        encoding
            .decode_without_bom_handling_and_without_replacement(bytes)
            .map(|text| text.into_owned())
    };
    let strict = |encoding: &'static Encoding, bytes: &[u8]| {
        decode_as(encoding, bytes)
            .ok_or_else(|| format!("is not valid {} after its byte order mark", encoding.name()))
    };
    match bytes.as_slice() {
        [0xEF, 0xBB, 0xBF, rest @ ..] => {
            return String::from_utf8(rest.to_vec()).map_err(|e| {
                let at = 3 + e.utf8_error().valid_up_to();
                format!(
                    "is not valid UTF-8 after its byte order mark (first bad byte at offset {at})"
                )
            });
        }
        [0xFF, 0xFE, rest @ ..] => return strict(UTF_16LE, rest),
        [0xFE, 0xFF, rest @ ..] => return strict(UTF_16BE, rest),
        _ => {}
    }
    String::from_utf8(bytes).or_else(|e| {
        let at = e.utf8_error().valid_up_to();
        // UTF-8 cut off inside its last char (`head -c`) is not another encoding.
        let truncated = e.utf8_error().error_len().is_none();
        (!truncated)
            .then(|| decode_as(EUC_KR, e.as_bytes()))
            .flatten()
            .ok_or_else(|| {
                format!(
                    "is not valid UTF-8 (first bad byte at offset {at}), nor EUC-KR (CP949) text"
                )
            })
    })
}

/// `n` bytes as ` (64 MiB)` in the largest binary unit that divides it, or nothing.
fn human_bytes(n: usize) -> String {
    for (unit, shift) in [("GiB", 30), ("MiB", 20), ("KiB", 10)] {
        if n >= 1 << shift && n % (1 << shift) == 0 {
            return format!(" ({} {unit})", n >> shift);
        }
    }
    String::new()
}

/// The text of FILE (or stdin) and its summary.
fn read_and_summarize(
    file: Option<&str>,
    options: &Options,
) -> Result<(String, ksum::Summary), Fail> {
    let text = read_text(file, options.max_input_bytes)?;
    let summary = ksum::summarize(&text, options).map_err(|e| Fail(e.to_string(), 1))?;
    Ok((text, summary))
}

fn summarize_command(
    file: Option<&str>,
    options: &Options,
    print: Print,
) -> Result<ExitCode, Fail> {
    let (text, summary) = read_and_summarize(file, options)?;
    let mut out = BufWriter::new(io::stdout().lock());
    let written = if print == Print::Json {
        write_json_line(&mut out, &Report::new(&text, &summary))
    } else {
        write_plain(&mut out, &text, &summary, print)
    };
    written.and_then(|()| out.flush()).map_err(write_fail)?;
    Ok(ExitCode::SUCCESS)
}

/// The report of one of several files: `{"file", "sentences", "summary", "keywords",
/// "content"}`.
#[derive(serde::Serialize)]
struct FileReport<'a> {
    file: &'a str,
    #[serde(flatten)]
    report: Report<'a>,
}

/// `ksum FILE FILE...`: each file's summary after a `==> FILE <==` line and a blank
/// line between files, as `head` shows several files (with `--json`, one object a
/// line, named by its `file`). A file that cannot be read or summarized is reported
/// on stderr, the others are still summarized, and the exit status is then 1.
fn summarize_files(files: &[&str], options: &Options, print: Print) -> Result<ExitCode, Fail> {
    let mut out = BufWriter::new(io::stdout().lock());
    let mut failed = false;
    for (n, &file) in files.iter().enumerate() {
        let name = file_name(Some(&file));
        let (text, summary) = match read_and_summarize(name, options) {
            Ok(done) => done,
            Err(Fail(msg, _)) => {
                // After what was written for the files before it, not before.
                out.flush().map_err(write_fail)?;
                eprintln!("ksum: {msg}");
                failed = true;
                continue;
            }
        };
        let shown = name.unwrap_or(STDIN_NAME);
        let written = if print == Print::Json {
            let report = Report::new(&text, &summary);
            write_json_line(
                &mut out,
                &FileReport {
                    file: shown,
                    report,
                },
            )
        } else {
            let gap = if n > 0 { "\n" } else { "" };
            writeln!(out, "{gap}==> {shown} <==")
                .and_then(|()| write_plain(&mut out, &text, &summary, print))
        };
        written.map_err(write_fail)?;
    }
    out.flush().map_err(write_fail)?;
    Ok(if failed {
        ExitCode::FAILURE
    } else {
        ExitCode::SUCCESS
    })
}

/// `value` as one line of JSON.
fn write_json_line(out: &mut impl Write, value: &impl serde::Serialize) -> io::Result<()> {
    serde_json::to_writer(&mut *out, value).map_err(io::Error::from)?;
    writeln!(out)
}

/// The summary's sentences, one a line, in document order; or with [`Print::Keywords`]
/// its keywords, best first.
fn write_plain(
    out: &mut impl Write,
    text: &str,
    summary: &ksum::Summary,
    print: Print,
) -> io::Result<()> {
    if print == Print::Keywords {
        return summary
            .keywords
            .iter()
            .try_for_each(|k| writeln!(out, "{}", k.term));
    }
    // One sentence a line: a sentence of hard-wrapped text spans its line breaks, which
    // are spaces in it, and a transcript's sentence its captions' timings, which are
    // not said; a list item's marker is left out.
    summary.summary.iter().try_for_each(|&i| {
        let span = summary.sentences[i].span;
        writeln!(
            out,
            "{}",
            ksum::display::summary_line(text, span, &summary.timings)
        )
    })
}

fn write_fail(e: io::Error) -> Fail {
    if e.kind() == io::ErrorKind::BrokenPipe {
        return Fail(String::new(), QUIET);
    }
    Fail(format!("cannot write output: {e}"), 1)
}

/// What [`read_line`] found.
enum Line {
    /// The end of the input.
    End,
    /// A line, in the buffer, without its `\n`.
    Read,
    /// A line longer than the limit, of this many bytes; skipped, the buffer empty.
    TooLong(usize),
}

/// Reads one line into `buf` a buffer at a time, keeping at most `max` bytes of it: a
/// longer line is skipped to its end without being held in memory.
fn read_line(input: &mut dyn BufRead, buf: &mut Vec<u8>, max: usize) -> io::Result<Line> {
    buf.clear();
    let mut len = 0usize;
    let mut any = false;
    loop {
        let chunk = match input.fill_buf() {
            Ok(chunk) => chunk,
            Err(e) if e.kind() == io::ErrorKind::Interrupted => continue,
            Err(e) => return Err(e),
        };
        if chunk.is_empty() {
            break;
        }
        any = true;
        let newline = chunk.iter().position(|&b| b == b'\n');
        let part = &chunk[..newline.unwrap_or(chunk.len())];
        len += part.len();
        if len <= max {
            buf.extend_from_slice(part);
        } else {
            buf.clear();
        }
        let used = newline.map_or(chunk.len(), |i| i + 1);
        input.consume(used);
        if newline.is_some() {
            break;
        }
    }
    Ok(match (any, len > max) {
        (false, _) => Line::End,
        (true, false) => Line::Read,
        (true, true) => Line::TooLong(len),
    })
}

/// `line` with every `\\uD800`-style escape of a lone surrogate (which JavaScript's
/// `JSON.stringify` writes for a broken string, and serde_json refuses) replaced by
/// `\\uFFFD`, as the WebAssembly module does: one UTF-16 unit for one, so offsets
/// still match the JavaScript string. `None` when there is none.
fn replace_lone_surrogates(line: &str) -> Option<String> {
    fn surrogate_at(b: &[u8], i: usize) -> Option<u16> {
        if b.get(i) != Some(&b'\\') || b.get(i + 1) != Some(&b'u') {
            return None;
        }
        let hex = std::str::from_utf8(b.get(i + 2..i + 6)?).ok()?;
        u16::from_str_radix(hex, 16)
            .ok()
            .filter(|u| (0xD800..0xE000).contains(u))
    }
    let b = line.as_bytes();
    let mut out: Option<Vec<u8>> = None;
    let mut i = 0;
    while i < b.len() {
        if b[i] != b'\\' {
            i += 1;
            continue;
        }
        match surrogate_at(b, i) {
            Some(0xD800..=0xDBFF) if surrogate_at(b, i + 6).is_some_and(|lo| lo >= 0xDC00) => {
                i += 12;
            }
            Some(_) => {
                out.get_or_insert_with(|| b.to_vec())[i..i + 6].copy_from_slice(b"\\uFFFD");
                i += 6;
            }
            None => i += 2,
        }
    }
    out.and_then(|v| String::from_utf8(v).ok())
}

/// serde_json's message without its " at line 1 column N" (every JSONL line is line
/// 1 to it), with the column put first: `invalid JSON at column 7: expected value`.
fn json_error(e: &serde_json::Error) -> String {
    let msg = e.to_string();
    let msg = match msg.rfind(" at line ") {
        Some(i) => &msg[..i],
        None => &msg,
    };
    format!("invalid JSON at column {}: {msg}", e.column())
}

/// `ksum split --jsonl` and `ksum rank --jsonl`: one JSON object in, one out, a line
/// at a time; a bad line is reported with its number and the rest still processed.
fn jsonl_command(cmd: &str, file: Option<&str>, max: usize) -> Result<ExitCode, Fail> {
    let mut input: Box<dyn BufRead> = match file {
        Some(path) => Box::new(io::BufReader::new(
            std::fs::File::open(path).map_err(|e| Fail(format!("cannot read {path}: {e}"), 1))?,
        )),
        None => Box::new(io::stdin().lock()),
    };
    let mut out = BufWriter::new(io::stdout().lock());
    let mut failures = 0usize;
    let mut bytes = Vec::new();
    let mut line_no = 0usize;
    loop {
        line_no += 1;
        let read = read_line(&mut *input, &mut bytes, max)
            .map_err(|e| Fail(format!("cannot read input at line {line_no}: {e}"), 1))?;
        let result = match read {
            Line::End => break,
            Line::TooLong(len) => Err(format!(
                "{len} bytes, longer than the limit of {max} bytes{}; skipped \
                 (raise the limit with --max-bytes)",
                human_bytes(max)
            )),
            Line::Read => Ok(()),
        };
        // A byte-order mark opening the stream is not part of the first object.
        let line = if line_no == 1 {
            bytes.strip_prefix(b"\xEF\xBB\xBF").unwrap_or(&bytes)
        } else {
            &bytes
        };
        let result = result
            .and_then(|()| {
                std::str::from_utf8(line)
                    .map_err(|e| format!("not valid UTF-8 (byte {})", e.valid_up_to()))
            })
            .and_then(|line| {
                let line = line.trim();
                if line.is_empty() {
                    return Ok(None);
                }
                let value: Value = serde_json::from_str(line)
                    .or_else(|e| match replace_lone_surrogates(line) {
                        Some(fixed) => serde_json::from_str(&fixed),
                        None => Err(e),
                    })
                    .map_err(|e| json_error(&e))?;
                if cmd == "split" {
                    split_line(&value).map(Some)
                } else {
                    rank_line(&value).map(Some)
                }
            });
        match result {
            Ok(Some(v)) => {
                serde_json::to_writer(&mut out, &v).map_err(|e| write_fail(e.into()))?;
                writeln!(out).map_err(write_fail)?;
            }
            Ok(None) => {}
            Err(msg) => {
                failures += 1;
                out.flush().map_err(write_fail)?;
                eprintln!("ksum {cmd}: line {line_no}: {msg}");
            }
        }
    }
    out.flush().map_err(write_fail)?;
    if failures > 0 {
        eprintln!("ksum {cmd}: {failures} line(s) failed");
        return Ok(ExitCode::from(1));
    }
    Ok(ExitCode::SUCCESS)
}

fn field<'v>(value: &'v Value, name: &str) -> Option<&'v Value> {
    value.as_object().and_then(|o| o.get(name))
}

/// The JSON type of `value`, for error messages.
fn type_of(value: &Value) -> &'static str {
    match value {
        Value::Null => "null",
        Value::Bool(_) => "a boolean",
        Value::Number(_) => "a number",
        Value::String(_) => "a string",
        Value::Array(_) => "an array",
        Value::Object(_) => "an object",
    }
}

fn id_of(value: &Value) -> Result<Value, String> {
    if !value.is_object() {
        return Err(format!("expected a JSON object, got {}", type_of(value)));
    }
    Ok(field(value, "id").cloned().unwrap_or(Value::Null))
}

fn text_of(value: &Value) -> Result<&str, String> {
    match field(value, "text") {
        Some(Value::String(s)) => Ok(s),
        Some(v) => Err(format!(
            "field \"text\" must be a string, got {}",
            type_of(v)
        )),
        None => Err("missing field \"text\"".into()),
    }
}

fn split_line(value: &Value) -> Result<Value, String> {
    let id = id_of(value)?;
    let text = text_of(value)?;
    let spans = ksum::split(text);
    Ok(json!({ "id": id, "sentences": split_report(text, &spans) }))
}

fn rank_line(value: &Value) -> Result<Value, String> {
    let id = id_of(value)?;
    let owned: Vec<&str>;
    let (sentences, text): (Vec<&str>, Option<&str>) = match field(value, "sentences") {
        Some(Value::Array(items)) => {
            owned = items
                .iter()
                .enumerate()
                .map(|(i, s)| {
                    s.as_str().ok_or_else(|| {
                        format!(
                            "field \"sentences\"[{i}] must be a string, got {}",
                            type_of(s)
                        )
                    })
                })
                .collect::<Result<_, _>>()?;
            (owned, None)
        }
        Some(v) => {
            return Err(format!(
                "field \"sentences\" must be an array of strings, got {}",
                type_of(v)
            ))
        }
        None => {
            let text = text_of(value).map_err(|e| format!("{e} (or \"sentences\")"))?;
            (Vec::new(), Some(text))
        }
    };
    if let Some(text) = text {
        // A text is ranked as `summarize` ranks it (a transcript without its timings).
        let summary =
            ksum::summarize(text, &ksum::Options::default()).map_err(|e| e.to_string())?;
        let mut order: Vec<usize> = (0..summary.sentences.len()).collect();
        order.sort_by_key(|&i| summary.sentences[i].rank);
        let scores: Vec<f64> = summary.sentences.iter().map(|s| s.score).collect();
        return Ok(json!({ "id": id, "order": order, "scores": scores }));
    }
    let ranker = ksum::rank::Ranker::new(&sentences);
    let scores = ranker.scores();
    let order = ksum::select::importance_order(&ranker);
    Ok(json!({ "id": id, "order": order, "scores": scores }))
}
