#!/usr/bin/env bash
# Fuzzes ksum's split and summarize with cargo-fuzz (libFuzzer, AddressSanitizer), each
# target for SECONDS (default 60), one after the other. cargo-fuzz passes the compiler
# unstable flags: with a nightly toolchain it uses that; without one, the stable
# toolchain with RUSTC_BOOTSTRAP=1, which lets stable rustc take them (the same
# compiler; fuzzing is its only use here, never the shipped build). Without cargo-fuzz
# (`cargo install cargo-fuzz --locked`, half a minute) it says SKIPPED and exits 0.
#
#   scripts/fuzz.sh [SECONDS] [TARGET...]     targets: split summarize (default both)
#
# Seeds come from tests/fixtures and tests/fixtures/adversarial, copied into
# fuzz/corpus/TARGET (kept between runs, not committed).
# A crash leaves its input in fuzz/artifacts/TARGET/ and makes the script exit 1:
# turn it into a regression test in tests/adversarial.rs.
# Extra libFuzzer flags: FUZZ_ARGS="-max_len=65536" scripts/fuzz.sh 600
set -uo pipefail
cd "$(dirname "$0")/.."

SECONDS_PER_TARGET=${1:-60}
shift || true
TARGETS=("$@")
[ ${#TARGETS[@]} -eq 0 ] && TARGETS=(split summarize)

if ! [[ "$SECONDS_PER_TARGET" =~ ^[0-9]+$ ]]; then
  echo "fuzz.sh: SECONDS must be a whole number, got '$SECONDS_PER_TARGET'" >&2
  exit 2
fi
if ! cargo fuzz --version >/dev/null 2>&1; then
  echo "fuzz.sh: SKIPPED: cargo-fuzz is not installed (install: cargo install cargo-fuzz --locked)"
  exit 0
fi
if rustup toolchain list 2>/dev/null | grep -q '^nightly'; then
  FUZZ=(cargo +nightly fuzz)
  echo "fuzz.sh: nightly toolchain"
else
  FUZZ=(env RUSTC_BOOTSTRAP=1 cargo fuzz)
  echo "fuzz.sh: no nightly toolchain: the stable one with RUSTC_BOOTSTRAP=1"
fi

status=0
summary=()
for target in "${TARGETS[@]}"; do
  corpus=fuzz/corpus/$target
  mkdir -p "$corpus"
  for f in tests/fixtures/*.txt tests/fixtures/*.html tests/fixtures/adversarial/*; do
    [ -f "$f" ] || continue
    seed="$corpus/seed-$(basename "$f")"
    [ -e "$seed" ] && continue
    if [ "$target" = summarize ]; then
      # The first byte picks the summary length.
      { printf '\003'; cat "$f"; } >"$seed"
    else
      cp "$f" "$seed"
    fi
  done
  echo "== fuzz $target for ${SECONDS_PER_TARGET}s"
  # -timeout: one input taking longer than 10 s is a hang (quadratic time) and fails.
  # shellcheck disable=SC2086
  log=$(mktemp)
  if "${FUZZ[@]}" run -O -a "$target" "$corpus" -- \
      -max_total_time="$SECONDS_PER_TARGET" -timeout=10 -rss_limit_mb=2048 \
      -max_len=16384 -print_final_stats=1 ${FUZZ_ARGS:-} 2>&1 | tee "$log"; then
    done_line=$(grep -o 'Done [0-9]* runs in [0-9]* second(s)' "$log" | tail -1)
    summary+=("$target: ${done_line#Done }, 0 crashes")
  else
    summary+=("$target: FAILED (crash, hang or build error): see fuzz/artifacts/$target/")
    status=1
  fi
  rm -f "$log"
done
echo "== fuzz summary"
printf '  %s\n' "${summary[@]}"
exit $status
