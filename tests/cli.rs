//! The `ksum` command's public contract: output forms, JSONL streaming, errors.

use std::process::Output;

const ARTICLE: &str = "\
정부, 클라우드 산업 키운다
[가상일보 김하늘 기자]
정부가 인공지능 시대를 맞아 클라우드 산업을 핵심 인프라로 육성하기로 했다. 과학기술정보통신부는 14일 클라우드 기본계획 수립에 착수한다고 밝혔다.
클라우드는 인공지능 서비스에 필요한 연산 자원과 데이터 저장 능력을 제공한다. 정부는 클라우드 기업의 해외 진출을 돕고 세제 혜택을 검토한다.
업계는 정부의 클라우드 육성 방침을 환영했다. 한 관계자는 \"지원이 빨리 이뤄져야 한다\"고 말했다.
시민들이 행사장을 둘러보고 있다. (사진=김하늘 기자)
ⓒ 가상일보 무단 전재 및 재배포 금지
";

mod common;
use common::ksum;

fn stdout(o: &Output) -> String {
    String::from_utf8(o.stdout.clone()).expect("stdout is UTF-8")
}

fn stderr(o: &Output) -> String {
    String::from_utf8_lossy(&o.stderr).into_owned()
}

fn json(o: &Output) -> serde_json::Value {
    serde_json::from_str(stdout(o).trim()).expect("stdout is one JSON value")
}

fn lines(o: &Output) -> Vec<serde_json::Value> {
    stdout(o)
        .lines()
        .map(|l| serde_json::from_str(l).expect("each output line is JSON"))
        .collect()
}

#[test]
fn plain_output_is_k_summary_sentences_in_document_order() {
    let o = ksum(&["-k", "2"], ARTICLE.as_bytes());
    assert!(o.status.success(), "{}", stderr(&o));
    // Piped, the text needs no prompt (one is for a terminal only).
    assert_eq!(stderr(&o), "");
    let out = stdout(&o);
    let got: Vec<&str> = out.lines().collect();
    assert_eq!(got.len(), 2, "expected 2 lines: {out}");
    let positions: Vec<usize> = got
        .iter()
        .map(|l| ARTICLE.find(l).expect("a sentence of the input"))
        .collect();
    assert!(positions[0] < positions[1], "not in document order: {out}");
    assert!(
        !out.contains("기자]") && !out.contains("ⓒ"),
        "byline or copyright chosen: {out}"
    );
}

#[test]
fn a_sentence_of_hard_wrapped_text_is_printed_on_one_line() {
    // As copied from a PDF: the lines break mid-sentence.
    let text = "해오름시가 2030년까지 시내버스 1200대 가운데\n\
                절반을 전기버스로 바꾸는 계획을 13일 발표했다. 시는\n\
                올해 하반기부터 해마다 100대 안팎의 노후 경유버스를\n\
                전기버스로 교체하기로 했다. 운수업계는 보조금 지급이\n\
                늦어지면 계획이 차질을 빚을 수 있다고 우려했다.";
    let o = ksum(&["-k", "2"], text.as_bytes());
    assert!(o.status.success(), "{}", stderr(&o));
    assert_eq!(
        stdout(&o),
        "해오름시가 2030년까지 시내버스 1200대 가운데 절반을 전기버스로 바꾸는 계획을 13일 발표했다.\n\
         시는 올해 하반기부터 해마다 100대 안팎의 노후 경유버스를 전기버스로 교체하기로 했다.\n"
    );
}

#[test]
fn a_pasted_page_sources_summary_lines_are_its_text() {
    // Its sentences in tags, a comment before one, character references in them: the
    // lines say the text, where `--json` keeps each sentence as written.
    let path = "tests/fixtures/page-source.txt";
    let o = ksum(&["-k", "5", path], b"");
    assert!(o.status.success(), "{}", stderr(&o));
    assert_eq!(
        stdout(&o),
        "해오름시는 올해 ‘봄꽃 축제’에 방문객 10만 명이 다녀갔다고 밝혔다.\n\
         축제의 조명 공연은 밤마다 열렸고 시민들의 반응도 좋았다.\n\
         주최 측은 <안전 수칙>을 지켜 달라고 방문객들에게 거듭 당부했다.\n\
         행사장 주변 도로는 저녁 시간에 통제됐고 '임시' 주차장도 마련됐다.\n\
         해오름시는 내년 축제에 R&D 단지의 드론 공연을 더할 계획이라고 밝혔다.\n"
    );
    let j = json(&ksum(&["--json", "-k", "5", path], b""));
    let texts: Vec<&str> = j["summary"]
        .as_array()
        .unwrap()
        .iter()
        .map(|i| {
            j["sentences"][i.as_u64().unwrap() as usize]["text"]
                .as_str()
                .unwrap()
        })
        .collect();
    assert!(
        texts[0].starts_with("<p class=\"lead\">해오름시는"),
        "{texts:?}"
    );
    assert!(texts[0].contains("&lsquo;봄꽃 축제&rsquo;"), "{texts:?}");
}

#[test]
fn a_press_release_is_summarized_without_its_list_markers_and_furniture() {
    // `□` and `ㅇ` open its items; its header, dateline, enclosure and contact lines are
    // furniture or fragments.
    let o = ksum(&["-k", "3", "tests/fixtures/press-release.txt"], b"");
    assert!(o.status.success(), "{}", stderr(&o));
    let out = stdout(&o);
    assert_eq!(out.lines().count(), 3, "{out}");
    assert!(
        out.lines()
            .next()
            .unwrap()
            .starts_with("해오름시(시장 박서연)는 6월부터"),
        "{out}"
    );
    for furniture in ["□", "ㅇ ", "보도", "붙임", "담당", "- "] {
        assert!(!out.contains(furniture), "{furniture:?} in {out}");
    }
    // `--json` keeps each sentence's exact text, marker and all.
    let j = json(&ksum(&["--json", "tests/fixtures/press-release.txt"], b""));
    let first = j["summary"][0].as_u64().unwrap() as usize;
    assert!(
        j["sentences"][first]["text"]
            .as_str()
            .unwrap()
            .starts_with("□ 해오름시"),
        "{j}"
    );
}

#[test]
fn a_saved_pages_source_is_summarized_by_its_article_in_plain_lines() {
    // Saved news pages: menus, a ticker, captions (a `<figcaption>`, a table cell of
    // class `img_desc`), related articles, comments, a sidebar and a footer around the
    // article; each summary line is the sentence's text, without its tags (and a
    // paragraph's last sentence before its `<br><br>` is prose, the lead too).
    for (page, lead) in [
        (
            "tests/fixtures/news-page.html",
            "해오름시가 다음 달부터 시립 중앙도서관과",
        ),
        (
            "tests/fixtures/strict-csp-page.html",
            "해오름시가 관내 전통시장 일곱 곳을",
        ),
        // A portal's page: paragraphs parted by `<br><br>`, a summary box, a photo's
        // caption in `img_desc`, related articles, comments, a footer.
        (
            "tests/fixtures/portal-page.html",
            "해오름시가 공공자전거 1천대를",
        ),
        // A webmail reply: the mailbox's previews beside it, the longer message it
        // quotes (`gmail_quote`) below it.
        (
            "tests/fixtures/mail-page.html",
            "요청하신 대로 정기 점검을 7월 13일",
        ),
    ] {
        let o = ksum(&["-k", "3", page], b"");
        assert!(o.status.success(), "{}", stderr(&o));
        let out = stdout(&o);
        assert_eq!(out.lines().count(), 3, "{out}");
        assert!(out.starts_with(lead), "{out}");
        for furniture in [
            "<",
            "&nbsp;",
            "사진",
            "속보",
            "댓글",
            "많이 본",
            "지어낸",
            "작은도서관",
            "버스 노선",
            "위험하다",
            "가상포털",
            "Copyright",
            "김하늘 기자",
            "가상카드",
            "7월 6일은",
        ] {
            assert!(!out.contains(furniture), "{furniture:?} in {out}");
        }
    }
}

#[test]
fn a_transcript_is_summarized_in_whole_sentences_without_its_timings() {
    // A subtitle file and a video's transcript as copied (a timestamp a line): each
    // caption cuts sentences, and the summary is of whole sentences, said on one line.
    let srt = ksum(&["-k", "2", "tests/fixtures/transcript.srt"], b"");
    assert!(srt.status.success(), "{}", stderr(&srt));
    assert_eq!(
        stdout(&srt),
        "해오름시는 내년 3월까지 구도심에 지하 2층, 지상 4층 규모의 도서관을 짓습니다.\n\
         도서관에는 어린이 열람실과 청소년 창작 공간이 들어섭니다.\n"
    );
    let copied = ksum(&["-k", "3", "tests/fixtures/transcript-copied.txt"], b"");
    assert!(copied.status.success(), "{}", stderr(&copied));
    let out = stdout(&copied);
    assert!(
        out.lines().any(|l| l
            == "해오름시는 내년 3월까지 구도심에 지하 2층 지상 4층 규모의 \
                                  도서관을 짓는다고 발표했는데요"),
        "{out}"
    );
    assert!(!out.contains(':') && !out.contains("구독"), "{out}");
    // A timestamp opening each caption's line (`[00:06] 해오름시는 …`) times it too.
    let path = "tests/fixtures/transcript-timestamped.txt";
    let stamped = ksum(&["-k", "3", path], b"");
    let out = stdout(&stamped);
    assert!(
        out.lines().any(|l| l
            == "해오름시는 다음 달부터 시내 곳곳에 대여소 120곳을 열고 자전거 1500대를 \
                들여놓는다고 밝혔는데요"),
        "{out}"
    );
    assert!(!out.contains('[') && !out.contains("구독"), "{out}");
    // `--json` lists the timings, which the sentences' spans hold.
    let timings = json(&ksum(&["--json", path], b""))["timings"].clone();
    assert_eq!(timings.as_array().unwrap().len(), 11, "{timings}");
    assert_eq!(
        timings[1],
        serde_json::json!({"start": 34, "end": 42}),
        "`[00:03] `"
    );
    // `rank --jsonl` ranks a text as the summary does, its timings aside.
    let srt = std::fs::read_to_string("tests/fixtures/transcript.srt").unwrap();
    let line = serde_json::json!({ "id": 1, "text": srt }).to_string();
    let ranked = ksum(&["rank", "--jsonl"], line.as_bytes());
    let whole = ksum(&["--json", "tests/fixtures/transcript.srt"], b"");
    let (ranked, whole) = (&lines(&ranked)[0], json(&whole));
    let ranks: Vec<u64> = whole["sentences"]
        .as_array()
        .unwrap()
        .iter()
        .map(|s| s["rank"].as_u64().unwrap())
        .collect();
    let order: Vec<usize> = ranked["order"]
        .as_array()
        .unwrap()
        .iter()
        .map(|v| v.as_u64().unwrap() as usize)
        .collect();
    assert_eq!(order.len(), ranks.len());
    for (place, &i) in order.iter().enumerate() {
        assert_eq!(ranks[i], place as u64 + 1, "{ranked} / {whole}");
    }
}

#[test]
fn keywords_are_printed_one_a_line_best_first() {
    let o = ksum(&["--keywords"], ARTICLE.as_bytes());
    assert!(o.status.success(), "{}", stderr(&o));
    let printed: Vec<String> = stdout(&o).lines().map(String::from).collect();
    let report = json(&ksum(&["--json"], ARTICLE.as_bytes()));
    let want: Vec<String> = report["keywords"]
        .as_array()
        .unwrap()
        .iter()
        .map(|k| k["term"].as_str().unwrap().to_string())
        .collect();
    assert!(!want.is_empty());
    assert_eq!(printed, want);
    let o = ksum(&["--keywords", "--json"], ARTICLE.as_bytes());
    assert_eq!(o.status.code(), Some(2));
    assert!(
        stderr(&o).contains("--keywords or --json"),
        "{}",
        stderr(&o)
    );
}

#[test]
fn json_output_has_utf16_spans_scores_ranks_and_summary() {
    let text = format!("😀 이모지로 시작하는 문장이다. {ARTICLE}");
    let o = ksum(&["--json", "-k", "3"], text.as_bytes());
    assert!(o.status.success(), "{}", stderr(&o));
    let v = json(&o);
    let units: Vec<u16> = text.encode_utf16().collect();
    let sentences = v["sentences"].as_array().unwrap();
    let mut last_end = 0;
    let mut ranks = Vec::new();
    for s in sentences {
        let (start, end) = (
            s["start"].as_u64().unwrap() as usize,
            s["end"].as_u64().unwrap() as usize,
        );
        assert!(
            start >= last_end && start < end,
            "spans out of order or overlapping: {s}"
        );
        let between = String::from_utf16(&units[last_end..start]).unwrap();
        assert!(
            between.trim().is_empty(),
            "non-whitespace text {between:?} between sentences"
        );
        assert_eq!(
            String::from_utf16(&units[start..end]).unwrap(),
            s["text"].as_str().unwrap(),
            "UTF-16 span does not slice to the text"
        );
        assert!(s["score"].as_f64().unwrap() >= 0.0);
        ranks.push(s["rank"].as_u64().unwrap() as usize);
        last_end = end;
    }
    assert!(
        String::from_utf16(&units[last_end..])
            .unwrap()
            .trim()
            .is_empty(),
        "text after the last sentence"
    );
    ranks.sort_unstable();
    assert_eq!(
        ranks,
        (1..=sentences.len()).collect::<Vec<_>>(),
        "ranks are not a permutation"
    );
    let summary: Vec<usize> = v["summary"]
        .as_array()
        .unwrap()
        .iter()
        .map(|i| i.as_u64().unwrap() as usize)
        .collect();
    assert_eq!(summary.len(), 3);
    assert!(
        summary.windows(2).all(|w| w[0] < w[1]),
        "summary not in document order"
    );
    for &i in &summary {
        assert!(
            sentences[i]["rank"].as_u64().unwrap() <= 3,
            "summary sentence {i} is not ranked 1..=3"
        );
    }
    let keywords = v["keywords"].as_array().expect("a keywords array");
    assert_eq!(
        keywords[0]["term"], "클라우드",
        "top keyword should be the stem 클라우드"
    );
    assert_eq!(keywords[0]["score"], 1.0);
}

#[test]
fn file_argument_and_ratio() {
    let dir = std::env::temp_dir().join(format!("ksum-cli-{}", std::process::id()));
    std::fs::create_dir_all(&dir).unwrap();
    let path = dir.join("article.txt");
    std::fs::write(&path, ARTICLE).unwrap();
    let all = json(&ksum(&["--json", path.to_str().unwrap()], b""));
    let n = all["sentences"].as_array().unwrap().len();
    // A ratio is of the prose: not the headline, byline, caption and copyright line.
    let content = all["content"].as_u64().unwrap() as usize;
    assert!(content > 0 && content + 4 <= n, "{content} of {n}");
    let o = ksum(&["--json", "--ratio", "0.5", path.to_str().unwrap()], b"");
    assert!(o.status.success(), "{}", stderr(&o));
    assert_eq!(
        json(&o)["summary"].as_array().unwrap().len(),
        content.div_ceil(2)
    );
    let _ = std::fs::remove_dir_all(dir);
}

#[test]
fn several_files_are_summarized_one_after_another() {
    let dir = std::env::temp_dir().join(format!("ksum-cli-many-{}", std::process::id()));
    std::fs::create_dir_all(&dir).unwrap();
    let (a, b) = (dir.join("a.txt"), dir.join("b.txt"));
    std::fs::write(&a, ARTICLE).unwrap();
    std::fs::write(
        &b,
        "해오름시는 시내버스를 전기버스로 바꾼다. 충전소 120곳도 짓는다.",
    )
    .unwrap();
    let (a, b) = (a.to_str().unwrap(), b.to_str().unwrap());
    let one = stdout(&ksum(&["-k", "2", a], b""));
    // As `head` shows several files: a header before each, a blank line between.
    let o = ksum(&["-k", "2", a, b], b"");
    assert!(o.status.success(), "{}", stderr(&o));
    let want = format!(
        "==> {a} <==\n{one}\n==> {b} <==\n해오름시는 시내버스를 전기버스로 바꾼다.\n충전소 120곳도 짓는다.\n"
    );
    assert_eq!(stdout(&o), want);
    // JSON: one object a line, named by its file; `-` is standard input.
    let o = ksum(
        &["--json", "-k", "1", a, "-"],
        "가나다 라마바 사아자.".as_bytes(),
    );
    let reports = lines(&o);
    assert_eq!(reports.len(), 2);
    assert_eq!(reports[0]["file"], a);
    assert_eq!(reports[1]["file"], "standard input");
    assert_eq!(
        reports[0]["summary"],
        json(&ksum(&["--json", "-k", "1", a], b""))["summary"]
    );
    // A file that cannot be read is reported; the others are still summarized.
    let missing = dir.join("missing.txt");
    let o = ksum(&["-k", "1", missing.to_str().unwrap(), b], b"");
    assert_eq!(o.status.code(), Some(1));
    assert!(stderr(&o).contains("cannot read") && stderr(&o).contains("missing.txt"));
    assert!(
        stdout(&o).contains(&format!("==> {b} <==")),
        "{}",
        stdout(&o)
    );
    // JSONL commands read one input.
    let o = ksum(&["rank", "--jsonl", a, b], b"");
    assert_eq!(o.status.code(), Some(2));
    assert!(stderr(&o).contains("JSONL is read from one FILE"));
    let _ = std::fs::remove_dir_all(dir);
}

#[test]
fn bad_arguments_are_usage_errors() {
    for (args, needle) in [
        (&["-k", "0"][..], "-k must be a whole number"),
        (&["-k", "x"][..], "-k must be a whole number"),
        (&["--ratio", "0"][..], "--ratio must be in (0, 1]"),
        (&["--ratio", "1.5"][..], "--ratio must be in (0, 1]"),
        (
            &["-k", "3", "--ratio", "0.5"][..],
            "give -k or --ratio, not both",
        ),
        (
            &["--ratio", "0.5", "-k", "3"][..],
            "give -k or --ratio, not both",
        ),
        (&["--frobnicate"][..], "unknown option"),
        (&["split"][..], "needs --jsonl"),
        (&["/nonexistent/ksum-input.txt"][..], "cannot read"),
    ] {
        let o = ksum(args, b"");
        assert!(!o.status.success(), "{args:?} should fail");
        let err = stderr(&o);
        assert!(
            err.contains(needle),
            "{args:?}: stderr {err:?} lacks {needle:?}"
        );
        assert!(!err.contains("panicked"), "{args:?} panicked: {err}");
    }
}

#[test]
fn invalid_utf8_is_a_clear_error() {
    let o = ksum(&[], b"\xea\xb0\x80 \xff\xfe broken");
    assert_eq!(o.status.code(), Some(1));
    let err = stderr(&o);
    assert!(
        err.contains("not valid UTF-8") && err.contains("offset 4") && err.contains("EUC-KR"),
        "{err}"
    );
}

#[test]
fn korean_files_in_other_encodings_are_read_as_the_page_reads_them() {
    let text = "정부가 클라우드 산업을 육성한다. 똠방각하는 환영했다.";
    let want = stdout(&ksum(&["-k", "2"], text.as_bytes()));
    assert_eq!(want.lines().count(), 2, "{want}");
    // EUC-KR, with `똠` from CP949's extension (lead byte 8C).
    let cp949: &[u8] = b"\xc1\xa4\xba\xce\xb0\xa1 \xc5\xac\xb6\xf3\xbf\xec\xb5\xe5 \
        \xbb\xea\xbe\xf7\xc0\xbb \xc0\xb0\xbc\xba\xc7\xd1\xb4\xd9. \
        \x8cc\xb9\xe6\xb0\xa2\xc7\xcf\xb4\xc2 \xc8\xaf\xbf\xb5\xc7\xdf\xb4\xd9.";
    let utf16 = |le: bool| -> Vec<u8> {
        let bom: u16 = 0xFEFF;
        [bom]
            .into_iter()
            .chain(text.encode_utf16())
            .flat_map(|u| if le { u.to_le_bytes() } else { u.to_be_bytes() })
            .collect()
    };
    let utf8_bom = [&b"\xef\xbb\xbf"[..], text.as_bytes()].concat();
    for (name, bytes) in [
        ("EUC-KR", cp949.to_vec()),
        ("UTF-16LE", utf16(true)),
        ("UTF-16BE", utf16(false)),
        ("UTF-8 with BOM", utf8_bom),
    ] {
        let o = ksum(&["-k", "2"], &bytes);
        assert!(o.status.success(), "{name}: {}", stderr(&o));
        assert_eq!(stdout(&o), want, "{name}");
    }
    // The BOM is not part of the text: offsets are the same as without it.
    let with_bom = json(&ksum(&["--json"], &utf16(true)));
    assert_eq!(with_bom, json(&ksum(&["--json"], text.as_bytes())));
}

#[test]
fn malformed_utf16_is_a_clear_error() {
    let o = ksum(&[], b"\xff\xfe\x00\xd8");
    assert_eq!(o.status.code(), Some(1));
    assert!(stderr(&o).contains("not valid UTF-16LE"), "{}", stderr(&o));
}

#[test]
fn empty_input_gives_empty_summary() {
    let o = ksum(&["--json"], b"  \n ");
    assert!(o.status.success(), "{}", stderr(&o));
    assert_eq!(
        json(&o),
        serde_json::json!({"sentences": [], "summary": [], "keywords": [], "content": 0, "timings": []})
    );
}

#[test]
fn split_jsonl_reports_bad_lines_and_keeps_going() {
    let input = "{\"id\":\"a\",\"text\":\"첫 문장이다. 둘째 문장이다.\"}\nnot json\n{\"id\":3,\"text\":5}\n\n{\"id\":\"d\"}\n{\"id\":\"e\",\"text\":\"😀 셋째.\"}\n";
    let o = ksum(&["split", "--jsonl"], input.as_bytes());
    assert_eq!(
        o.status.code(),
        Some(1),
        "bad lines must make the exit status non-zero"
    );
    let out = lines(&o);
    assert_eq!(out.len(), 2, "good lines still processed: {}", stdout(&o));
    assert_eq!(out[0]["id"], "a");
    assert_eq!(out[0]["sentences"].as_array().unwrap().len(), 2);
    assert_eq!(
        out[0]["sentences"][1],
        serde_json::json!({"start": 8, "end": 16, "text": "둘째 문장이다."})
    );
    assert_eq!(out[1]["id"], "e");
    let err = stderr(&o);
    for needle in [
        "line 2: invalid JSON",
        "line 3: field \"text\" must be a string",
        "line 5: missing field \"text\"",
    ] {
        assert!(err.contains(needle), "stderr {err:?} lacks {needle:?}");
    }
}

#[test]
fn split_jsonl_reports_invalid_utf8_by_line() {
    let mut input = b"{\"id\":1,\"text\":\"\xff\"}\n".to_vec();
    input.extend_from_slice("{\"id\":2,\"text\":\"좋다.\"}\n".as_bytes());
    let o = ksum(&["split", "--jsonl"], &input);
    assert_eq!(o.status.code(), Some(1));
    assert!(
        stderr(&o).contains("line 1: not valid UTF-8"),
        "{}",
        stderr(&o)
    );
    assert_eq!(lines(&o).len(), 1);
}

#[test]
fn rank_jsonl_scores_given_sentences_without_resplitting() {
    let input = concat!(
        "{\"id\":\"x\",\"sentences\":[\"[가상일보 김하늘 기자]\",\"정부가 클라우드 산업을 키운다. 업계가 환영했다.\",\"클라우드 산업 육성 계획이 나왔다.\"]}\n",
        "{\"id\":\"y\",\"text\":\"정부가 클라우드 산업을 키운다. 업계가 환영했다.\"}\n",
        "{\"id\":\"z\",\"sentences\":[\"좋다.\", 7]}\n",
    );
    let o = ksum(&["rank", "--jsonl"], input.as_bytes());
    assert_eq!(o.status.code(), Some(1));
    let out = lines(&o);
    assert_eq!(out.len(), 2);
    assert_eq!(out[0]["id"], "x");
    assert_eq!(
        out[0]["scores"].as_array().unwrap().len(),
        3,
        "given sentences must not be re-split"
    );
    let mut order: Vec<u64> = out[0]["order"]
        .as_array()
        .unwrap()
        .iter()
        .map(|v| v.as_u64().unwrap())
        .collect();
    assert_eq!(order.last(), Some(&0), "the byline must come last");
    order.sort_unstable();
    assert_eq!(order, [0, 1, 2], "order must list every sentence once");
    assert_eq!(
        out[1]["scores"].as_array().unwrap().len(),
        2,
        "text input is split"
    );
    assert!(
        stderr(&o).contains("line 3: field \"sentences\"[1] must be a string"),
        "{}",
        stderr(&o)
    );
}

#[test]
fn output_is_deterministic() {
    let a = ksum(&["--json"], ARTICLE.as_bytes());
    let b = ksum(&["--json"], ARTICLE.as_bytes());
    assert_eq!(a.stdout, b.stdout);
}

#[test]
fn a_count_beyond_any_number_is_every_sentence() {
    // Too large for a usize: as many as there are, as a count beyond the text is.
    let huge = stdout(&ksum(&["-k", "99999999999999999999"], ARTICLE.as_bytes()));
    let all = stdout(&ksum(&["-k", "1000"], ARTICLE.as_bytes()));
    assert!(!huge.is_empty());
    assert_eq!(huge, all);
}
