//! The `ksum` command: summaries, splits and rankings of Korean text.

use std::io::{self, BufRead, BufWriter, Read, Write};
use std::process::ExitCode;

use ksum::report::{split_report, Report};
use ksum::{Length, Options};
use serde_json::{json, Value};

const USAGE: &str = "\
ksum: extractive summaries of Korean text

Usage:
  ksum [-k N | --ratio R] [--json] [FILE]   summarize FILE (stdin when absent)
  ksum split --jsonl [FILE]                 {\"id\",\"text\"} lines -> {\"id\",\"sentences\"} lines
  ksum rank --jsonl [FILE]                  {\"id\",\"sentences\"|\"text\"} lines -> {\"id\",\"order\",\"scores\"} lines

Options:
  -k N         number of summary sentences (default 3)
  --ratio R    fraction of the sentences instead, 0 < R <= 1
  --json       print every sentence with UTF-16 offsets, score and rank, and the summary
  -h, --help   this help
  -V, --version
";

/// A failure with the message to print and the exit code.
struct Fail(String, u8);

fn usage(msg: impl Into<String>) -> Fail {
    Fail(format!("{}\n\n{USAGE}", msg.into()), 2)
}

fn main() -> ExitCode {
    let args: Vec<String> = std::env::args().skip(1).collect();
    match run(&args) {
        Ok(code) => code,
        Err(Fail(msg, code)) => {
            eprintln!("ksum: {msg}");
            ExitCode::from(code)
        }
    }
}

fn run(args: &[String]) -> Result<ExitCode, Fail> {
    let mut options = Options::default();
    let mut json = false;
    let mut jsonl = false;
    let mut file: Option<&str> = None;
    let mut command: Option<&str> = None;
    let mut it = args.iter();
    while let Some(arg) = it.next() {
        match arg.as_str() {
            "-h" | "--help" => {
                print!("{USAGE}");
                return Ok(ExitCode::SUCCESS);
            }
            "-V" | "--version" => {
                println!("ksum {}", env!("CARGO_PKG_VERSION"));
                return Ok(ExitCode::SUCCESS);
            }
            "-k" => {
                let v = it.next().ok_or_else(|| usage("-k needs a number"))?;
                let k =
                    v.parse::<usize>().ok().filter(|&k| k > 0).ok_or_else(|| {
                        usage(format!("-k must be a whole number >= 1, got {v:?}"))
                    })?;
                options.length = Length::Count(k);
            }
            "--ratio" => {
                let v = it.next().ok_or_else(|| usage("--ratio needs a number"))?;
                let r = v
                    .parse::<f64>()
                    .ok()
                    .filter(|&r| r > 0.0 && r <= 1.0)
                    .ok_or_else(|| usage(format!("--ratio must be in (0, 1], got {v:?}")))?;
                options.length = Length::Ratio(r);
            }
            "--json" => json = true,
            "--jsonl" => jsonl = true,
            "split" | "rank" if command.is_none() && file.is_none() => command = Some(arg),
            "-" => file = None,
            a if a.starts_with('-') => return Err(usage(format!("unknown option {a:?}"))),
            a if file.is_none() => file = Some(a),
            a => return Err(usage(format!("unexpected argument {a:?}"))),
        }
    }
    match command {
        Some(cmd) if !jsonl => Err(usage(format!("ksum {cmd} needs --jsonl"))),
        Some(cmd) => jsonl_command(cmd, file),
        None if jsonl => Err(usage("--jsonl goes with `ksum split` or `ksum rank`")),
        None => summarize_command(file, &options, json),
    }
}

/// Reads all of FILE (or stdin) as UTF-8.
fn read_text(file: Option<&str>) -> Result<String, Fail> {
    let mut bytes = Vec::new();
    let name = file.unwrap_or("standard input");
    let result = match file {
        Some(path) => std::fs::File::open(path).and_then(|mut f| f.read_to_end(&mut bytes)),
        None => io::stdin().lock().read_to_end(&mut bytes),
    };
    result.map_err(|e| Fail(format!("cannot read {name}: {e}"), 1))?;
    String::from_utf8(bytes).map_err(|e| {
        Fail(
            format!(
                "{name} is not valid UTF-8 (first bad byte at offset {})",
                e.utf8_error().valid_up_to()
            ),
            1,
        )
    })
}

fn summarize_command(file: Option<&str>, options: &Options, json: bool) -> Result<ExitCode, Fail> {
    let text = read_text(file)?;
    let summary = ksum::summarize(&text, options).map_err(|e| Fail(e.to_string(), 1))?;
    let mut out = BufWriter::new(io::stdout().lock());
    let written = if json {
        serde_json::to_writer(&mut out, &Report::new(&text, &summary))
            .map_err(io::Error::from)
            .and_then(|()| writeln!(out))
    } else {
        summary
            .summary
            .iter()
            .try_for_each(|&i| writeln!(out, "{}", &text[summary.sentences[i].span.range()]))
    };
    written.and_then(|()| out.flush()).map_err(write_fail)?;
    Ok(ExitCode::SUCCESS)
}

fn write_fail(e: io::Error) -> Fail {
    Fail(format!("cannot write output: {e}"), 1)
}

/// `ksum split --jsonl` and `ksum rank --jsonl`: one JSON object in, one out, a line
/// at a time; a bad line is reported with its number and the rest still processed.
fn jsonl_command(cmd: &str, file: Option<&str>) -> Result<ExitCode, Fail> {
    let input: Box<dyn BufRead> = match file {
        Some(path) => Box::new(io::BufReader::new(
            std::fs::File::open(path).map_err(|e| Fail(format!("cannot read {path}: {e}"), 1))?,
        )),
        None => Box::new(io::stdin().lock()),
    };
    let mut out = BufWriter::new(io::stdout().lock());
    let mut failures = 0usize;
    for (n, line) in input.split(b'\n').enumerate() {
        let line_no = n + 1;
        let bytes = line.map_err(|e| Fail(format!("cannot read input: {e}"), 1))?;
        let result = std::str::from_utf8(&bytes)
            .map_err(|e| format!("not valid UTF-8 (byte {})", e.valid_up_to()))
            .and_then(|line| {
                let line = line.trim();
                if line.is_empty() {
                    return Ok(None);
                }
                let value: Value =
                    serde_json::from_str(line).map_err(|e| format!("invalid JSON: {e}"))?;
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

fn id_of(value: &Value) -> Result<Value, String> {
    if !value.is_object() {
        return Err("expected a JSON object".into());
    }
    Ok(field(value, "id").cloned().unwrap_or(Value::Null))
}

fn text_of(value: &Value) -> Result<&str, String> {
    match field(value, "text") {
        Some(Value::String(s)) => Ok(s),
        Some(_) => Err("field \"text\" must be a string".into()),
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
                    s.as_str()
                        .ok_or_else(|| format!("field \"sentences\"[{i}] must be a string"))
                })
                .collect::<Result<_, _>>()?;
            (owned, None)
        }
        Some(_) => return Err("field \"sentences\" must be an array of strings".into()),
        None => {
            let text = text_of(value).map_err(|e| format!("{e} (or \"sentences\")"))?;
            (Vec::new(), Some(text))
        }
    };
    let sentences = match text {
        Some(text) => ksum::split(text).iter().map(|s| &text[s.range()]).collect(),
        None => sentences,
    };
    let ranker = ksum::rank::Ranker::new(&sentences);
    let scores = ranker.scores();
    let order = ksum::select::importance_order(&ranker);
    Ok(json!({ "id": id, "order": order, "scores": scores }))
}
