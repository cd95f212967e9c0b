# ksum: `make run` builds everything, summarizes a sample in the terminal and serves the page;
# `make test` runs every test. Both install what is missing first (scripts/setup.sh).

SHARED ?= ../shared
SEED := $(SHARED)/data/seed-article.txt
SAMPLE := $(if $(wildcard $(SEED)),$(SEED),tests/fixtures/article.txt)
WASM := target/wasm32-unknown-unknown/release/ksum.wasm
HOST ?= 127.0.0.1
PORT ?= 8787

.PHONY: setup build wasm web run test test-rust test-js lint eval-split eval-rank bench bench-quick size test-size fuzz peers screenshot extension clean

setup:
	bash scripts/setup.sh

build:
	cargo build --release --locked

# strip = "debuginfo" keeps the target_features section wasm-bindgen reads; the name
# section goes here instead. (Debian's wasm-opt 108 breaks the externref table.)
BINDGEN := wasm-bindgen --remove-name-section --remove-producers-section --out-name ksum
# binaryen's wasm-opt (npm, pinned in package.json) at -O1: 2.4 KB less of the gzipped
# page at the same speed (-O2 to -O4 and -Oz saved 3.8 KB but were 10% slower in V8).
WASM_OPT := node node_modules/binaryen/bin/wasm-opt -O1 --enable-bulk-memory --enable-sign-ext \
	--enable-mutable-globals --enable-nontrapping-float-to-int --enable-reference-types --enable-multivalue

node_modules/binaryen/bin/wasm-opt:
	npm ci --no-audit --no-fund --loglevel=error

wasm: node_modules/binaryen/bin/wasm-opt
	cargo build --lib --release --locked --target wasm32-unknown-unknown
	$(BINDGEN) --target web --out-dir www/pkg $(WASM)
	$(BINDGEN) --target no-modules --out-dir target/pkg-classic $(WASM)
	$(WASM_OPT) www/pkg/ksum_bg.wasm -o www/pkg/ksum_bg.wasm
	$(WASM_OPT) target/pkg-classic/ksum_bg.wasm -o target/pkg-classic/ksum_bg.wasm

web: wasm
	node scripts/build-html.mjs

extension: wasm
	node scripts/build-extension.mjs

run: setup build web
	@echo "== ksum -k 3 $(SAMPLE)"
	@./target/release/ksum -k 3 $(SAMPLE)
	@echo
	node scripts/serve.mjs --host $(HOST) --port $(PORT)

lint:
	cargo fmt --all -- --check
	cargo clippy --locked --all-targets -- -D warnings
	cargo clippy --locked --lib --target wasm32-unknown-unknown -- -D warnings

test-rust:
	cargo test --locked

test-js: build web extension
	@[ -d node_modules/playwright-core ] || npm ci --no-audit --no-fund --loglevel=error
	node --test tests/js/

screenshot: build web extension
	KSUM_UPDATE_SCREENSHOT=1 node --test --test-name-pattern="desktop and phone" tests/js/page.test.mjs
	KSUM_UPDATE_SCREENSHOT=1 node --test tests/js/extension.test.mjs

# Fails when dist/ksum.html passes its budget (100 KB gzipped).
test-size: web extension
	node scripts/size.mjs

test: setup lint test-rust test-js test-size

FUZZ_SECONDS ?= 60
# cargo-fuzz on split and summarize, FUZZ_SECONDS each; says SKIPPED (exit 0) without
# a nightly toolchain and cargo-fuzz.
fuzz:
	bash scripts/fuzz.sh $(FUZZ_SECONDS)

# Then the same sets hard-wrapped at 40 chars, as a PDF copied is, and so with a blank line
# after each line, as some PDF extractions give it.
eval-split:
	cargo run --release --locked --example eval_split -- $(wildcard $(SHARED)/data/sentence-split/*.txt)
	cargo run --release --locked --example eval_split -- --wrap 40 $(wildcard $(SHARED)/data/sentence-split/*.txt)
	cargo run --release --locked --example eval_split -- --wrap 40 --double $(wildcard $(SHARED)/data/sentence-split/*.txt)

# With the human abstracts beside it, also ROUGE against them and the keywords found in them;
# and how page furniture put before each lead fares (--furniture).
ABSTRACTS := $(wildcard $(SHARED)/data/summarization/bflysoft-dev-abstractive.jsonl)
eval-rank: build
	cargo run --release --locked --example eval_rank -- --furniture $(if $(ABSTRACTS),--abstract $(ABSTRACTS)) $(SHARED)/data/summarization/bflysoft-dev.jsonl

# Criterion per stage, then the wasm build in Node (cold start, warm medians, memory), then
# the page's start-up from disk in headless Chromium.
# Benches build the library with unwinding; the release binary aborts on panic.
bench: wasm web
	CARGO_PROFILE_BENCH_PANIC=unwind KSUM_DATA=$(abspath $(SHARED))/data cargo bench --locked --bench stages
	node scripts/bench-wasm.mjs --data $(SHARED)/data
	@[ -d node_modules/playwright-core ] || npm ci --no-audit --no-fund --loglevel=error
	node scripts/bench-page.mjs

bench-quick:
	cargo run --release --locked --example bench -- $(SHARED)/data

size: web extension
	node scripts/size.mjs --breakdown

# Optional developer tooling: installs the peers under tools/peers/ and times them.
peers: wasm
	bash tools/peers/run.sh

clean:
	cargo clean
	rm -rf www/pkg dist
