//! Running the `ksum` binary from integration tests.

use std::io::Write;
use std::process::{Child, Command, Output, Stdio};

/// Starts `ksum ARGS` with stdin, stdout and stderr piped.
pub fn spawn(args: &[&str]) -> Child {
    Command::new(env!("CARGO_BIN_EXE_ksum"))
        .args(args)
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .expect("ksum binary runs")
}

/// Runs `ksum ARGS` with `stdin` as its input and collects its output.
pub fn ksum(args: &[&str], stdin: &[u8]) -> Output {
    let mut child = spawn(args);
    let mut input = child.stdin.take().expect("piped stdin");
    let data = stdin.to_vec();
    // Write from a thread: the child may answer (or stop reading) before the end.
    let writer = std::thread::spawn(move || {
        let _ = input.write_all(&data);
    });
    let out = child.wait_with_output().expect("ksum finishes");
    writer.join().expect("writer thread");
    out
}
