//! What users notice first about sentence choice, pinned on fixtures written for
//! these tests (invented news-like Korean text): page furniture is never chosen,
//! near-duplicates are not both chosen, fragments and run-ons are not favoured, and
//! the result is deterministic and well formed for any summary length.

use ksum::rank::Ranker;
use ksum::select::{importance_order, ranks, select};

/// A regional news article as a page gives it: headline, subtitle, byline, photo
/// caption, body, a repeated sentence, a contact line, copyright and newsletter
/// furniture.
const ARTICLE: &[&str] = &[
    "해오름시, 폐교를 청년 창업 공간으로 바꾼다",
    "12억 투입…내년 3월 개관 목표",
    "[해오름신문 박가람 기자]",
    "박가람 기자 garam@haeoreum.example",
    "해오름시는 문을 닫은 옛 달빛초등학교 건물을 청년 창업 지원 공간으로 고쳐 내년 3월 문을 연다고 14일 밝혔다.",
    "시는 사업비 12억원을 들여 교실 열두 칸을 사무실과 공용 작업실, 시제품 제작실로 바꿀 계획이다.",
    "리모델링을 마친 옛 달빛초등학교 본관 모습. (사진=해오름시 제공)",
    "입주 대상은 창업 7년 이내의 만 39세 이하 청년 기업으로, 임대료는 첫 2년간 면제된다.",
    "해오름시는 문을 닫은 옛 달빛초등학교 건물을 청년 창업 지원 공간으로 고쳐 내년 3월 문을 연다.",
    "시는 입주 기업에 경영 컨설팅과 판로 개척 교육도 함께 제공할 방침이다.",
    "운동장 일부는 주민을 위한 주차장과 작은 공원으로 꾸며진다.",
    "김도윤 시 일자리정책과장은 “지역을 떠나는 청년들이 고향에서 꿈을 펼칠 수 있도록 돕겠다”고 말했다.",
    "문의 일자리정책과 000-1234-5678",
    "ⓒ 해오름신문 무단 전재 및 재배포 금지",
    "지난 뉴스레터 보기 구독하기",
];

/// Indices of ARTICLE that must never be chosen while prose remains.
const META: &[usize] = &[0, 1, 2, 3, 6, 12, 13, 14];

/// Prose sentences of ARTICLE (everything not in META).
fn prose() -> Vec<usize> {
    (0..ARTICLE.len()).filter(|i| !META.contains(i)).collect()
}

#[test]
fn meta_lines_are_never_chosen_while_prose_remains() {
    let order = importance_order(&Ranker::new(ARTICLE));
    for k in 1..=prose().len() {
        let summary = select(&order, k);
        let bad: Vec<&str> = summary
            .iter()
            .filter(|i| META.contains(i))
            .map(|&i| ARTICLE[i])
            .collect();
        assert!(
            bad.is_empty(),
            "k={k}: chose headline/byline/caption/copyright lines {bad:?}"
        );
    }
}

#[test]
fn boilerplate_scores_zero() {
    let ranker = Ranker::new(ARTICLE);
    for i in [2, 3, 6, 13, 14] {
        assert_eq!(
            ranker.scores()[i],
            0.0,
            "boilerplate {:?} has a score",
            ARTICLE[i]
        );
    }
}

#[test]
fn near_duplicates_are_not_both_chosen() {
    let order = importance_order(&Ranker::new(ARTICLE));
    // 4 and 8 say the same thing; whatever the length, one comes only after every
    // distinct prose sentence.
    for k in 1..prose().len() {
        let summary = select(&order, k);
        assert!(
            !(summary.contains(&4) && summary.contains(&8)),
            "k={k}: chose both near-duplicates 4 and 8: {summary:?}"
        );
    }
}

#[test]
fn the_lead_is_chosen_first() {
    let order = importance_order(&Ranker::new(ARTICLE));
    assert_eq!(
        order[0], 4,
        "lead sentence not ranked first behind the headline, subtitle and byline: {order:?}"
    );
}

#[test]
fn short_fragments_and_run_ons_are_not_favoured() {
    let run_on = "시는 이날 설명회에서 입주 절차와 심사 기준, 임대 조건, 공용 장비 사용 규칙, \
                  주차장 이용 방법, 공원 조성 일정, 주민 의견 수렴 결과, 향후 운영 위원회 구성 방안, \
                  지역 대학과의 협력 계획, 창업 교육 과정의 세부 내용, 판로 개척 지원 방식, \
                  입주 기업 평가 방법, 재입주 조건, 시설 보수 일정과 비용 분담 원칙까지 하나하나 \
                  설명했고 참석자들은 청년 창업 공간과 공용 작업실, 시제품 제작실 운영에 관한 질문을 \
                  이어 갔으며 일부 주민은 주차장과 공원 조성 일정을 서둘러 달라고 요청했고, \
                  시는 다음 달 2차 설명회를 열어 입주 신청서 작성 요령과 제출 서류, 심사 일정, \
                  선정 결과 발표 방식, 입주 계약 절차, 보증금 면제 조건, 공용 작업실 예약 방법, \
                  시제품 제작실 장비 목록, 교육 과정 신청 방법을 다시 안내하기로 했다고 덧붙였다.";
    let sentences = [
        "해오름시가 옛 달빛초등학교를 청년 창업 공간으로 바꾼다.",
        "그렇다.",
        run_on,
        "입주 기업은 청년 창업 공간의 사무실과 공용 작업실을 쓸 수 있다.",
        "시는 청년 창업 공간 입주 기업에 판로 개척 교육을 제공한다.",
    ];
    let order = importance_order(&Ranker::new(&sentences));
    let summary = select(&order, 2);
    assert!(
        !summary.contains(&1),
        "chose the fragment 그렇다.: {summary:?}"
    );
    assert!(
        !summary.contains(&2),
        "chose the run-on over shorter central sentences: {summary:?}"
    );
}

#[test]
fn ranking_is_deterministic() {
    let a = Ranker::new(ARTICLE);
    let b = Ranker::new(ARTICLE);
    let bits = |r: &Ranker| r.scores().iter().map(|s| s.to_bits()).collect::<Vec<_>>();
    assert_eq!(bits(&a), bits(&b), "scores differ between runs");
    assert_eq!(importance_order(&a), importance_order(&b));
    let text = ARTICLE.join("\n");
    let options = ksum::Options::with_count(3);
    assert_eq!(
        ksum::summarize(&text, &options),
        ksum::summarize(&text, &options),
        "summarize differs between runs"
    );
}

#[test]
fn order_and_ranks_are_permutations_and_k_beyond_n_gives_all() {
    let n = ARTICLE.len();
    let order = importance_order(&Ranker::new(ARTICLE));
    let mut sorted = order.clone();
    sorted.sort_unstable();
    assert_eq!(
        sorted,
        (0..n).collect::<Vec<_>>(),
        "order is not a permutation"
    );
    let r = ranks(&order);
    let mut sorted_ranks = r.clone();
    sorted_ranks.sort_unstable();
    assert_eq!(
        sorted_ranks,
        (1..=n).collect::<Vec<_>>(),
        "ranks are not 1..=n"
    );
    for k in [n, n + 1, 10 * n] {
        assert_eq!(
            select(&order, k),
            (0..n).collect::<Vec<_>>(),
            "k={k} beyond n={n} should give every sentence"
        );
    }
    for k in 0..=n {
        let summary = select(&order, k);
        let by_rank: Vec<usize> = (0..n).filter(|&i| r[i] <= k).collect();
        assert_eq!(summary, by_rank, "k={k}: summary is not the top-k ranks");
    }
}

#[test]
fn summarize_respects_the_same_rules_end_to_end() {
    let text = ARTICLE.join("\n");
    let summary = ksum::summarize(&text, &ksum::Options::with_count(3)).unwrap();
    assert_eq!(summary.summary.len(), 3);
    for &i in &summary.summary {
        let sentence = &text[summary.sentences[i].span.range()];
        for meta in META.iter().map(|&m| ARTICLE[m]) {
            assert!(
                !sentence.contains(meta) && !meta.contains(sentence.trim()),
                "summary sentence {sentence:?} is page furniture"
            );
        }
    }
    let mut ranks: Vec<usize> = summary.sentences.iter().map(|s| s.rank).collect();
    ranks.sort_unstable();
    assert_eq!(ranks, (1..=summary.sentences.len()).collect::<Vec<_>>());
}

#[test]
fn degenerate_inputs() {
    let empty: [&str; 0] = [];
    assert!(importance_order(&Ranker::new(&empty)).is_empty());
    let only_meta = [
        "[해오름신문 박가람 기자]",
        "ⓒ 해오름신문 무단 전재 및 재배포 금지",
    ];
    let order = importance_order(&Ranker::new(&only_meta));
    assert_eq!(select(&order, 5), [0, 1], "all-boilerplate text");
    let same = [
        "같은 문장이 반복된다.",
        "같은 문장이 반복된다.",
        "같은 문장이 반복된다.",
    ];
    let order = importance_order(&Ranker::new(&same));
    assert_eq!(order[0], 0, "identical sentences: the first should lead");
    assert_eq!(select(&order, 3), [0, 1, 2]);
}

/// A whole news page pasted (select all, copy): menus and buttons, the article, and
/// after its copyright notice the page's furniture, some of it written as sentences,
/// and the buttons of its comments.
const WHOLE_PAGE: &[&str] = &[
    "정치",
    "경제",
    "사회",
    "세계",
    "구독",
    "구독중",
    "좋아요",
    "해오름시, 폐교를 청년 창업 공간으로 바꾼다",
    "[해오름신문 박가람 기자]",
    "해오름시는 문을 닫은 옛 달빛초등학교 건물을 청년 창업 지원 공간으로 고쳐 내년 3월 문을 연다고 14일 밝혔다.",
    "시는 사업비 12억원을 들여 교실 열두 칸을 사무실과 공용 작업실, 시제품 제작실로 바꿀 계획이다.",
    "입주 대상은 창업 7년 이내의 만 39세 이하 청년 기업으로, 임대료는 첫 2년간 면제된다.",
    "시는 입주 기업에 경영 컨설팅과 판로 개척 교육도 함께 제공할 방침이다.",
    "ⓒ 해오름신문 무단 전재 및 재배포 금지",
    "이 기사는 언론사에서 사회 섹션으로 분류했습니다.",
    "기사의 섹션 정보는 해당 언론사의 분류를 따르고 있습니다.",
    "정치",
    "경제",
    "사회",
    "세계",
    "구독",
    "댓글 128",
    "공감 45",
    "답글 3",
    "공감 12",
];

#[test]
fn what_follows_the_copyright_notice_of_a_whole_page_is_never_chosen() {
    let ranker = Ranker::new(WHOLE_PAGE);
    for (line, &score) in WHOLE_PAGE.iter().zip(ranker.scores()).skip(14) {
        assert_eq!(score, 0.0, "{line:?} scored");
    }
    let summary = select(&importance_order(&ranker), 4);
    assert_eq!(summary, [9, 10, 11, 12], "the article's four sentences");
}

#[test]
fn a_ratio_counts_the_prose_of_a_whole_page() {
    // 30 lines, 4 of them the article: 100% is the article, not its menus and buttons.
    let text = WHOLE_PAGE.join("\n");
    let article: Vec<&str> = WHOLE_PAGE[9..13].to_vec();
    for (ratio, want) in [(1.0, 4), (0.5, 2), (0.01, 1)] {
        let s = ksum::summarize(&text, &ksum::Options::with_ratio(ratio)).unwrap();
        assert_eq!(s.content, 4, "the article's sentences");
        let chosen = chosen(&text, &s);
        assert_eq!(chosen.len(), want, "ratio {ratio}: {chosen:?}");
        assert!(
            chosen.iter().all(|c| article.contains(c)),
            "ratio {ratio}: {chosen:?}"
        );
    }
    // A count is a count: k beyond the prose takes the rest too.
    let s = ksum::summarize(&text, &ksum::Options::with_count(6)).unwrap();
    assert_eq!(s.summary.len(), 6);
}

#[test]
fn menu_words_of_a_whole_page_are_no_keywords() {
    // With its notice, and without (the menus above and below the article then stay).
    let without_notice: Vec<&str> = WHOLE_PAGE
        .iter()
        .copied()
        .filter(|s| !s.contains("무단 전재"))
        .collect();
    for page in [WHOLE_PAGE, &without_notice] {
        let top = ksum::keywords::keywords(&Ranker::new(page), page, 10);
        let words: Vec<&str> = top.iter().map(|(w, _)| w.as_str()).collect();
        for menu in ["정치", "경제", "사회", "세계", "구독", "댓글", "공감"] {
            assert!(!words.contains(&menu), "{menu:?} is a keyword: {words:?}");
        }
        assert!(words.contains(&"청년"), "{words:?}");
    }
}

#[test]
fn speakers_of_minutes_are_no_keywords() {
    // Minutes and scripts name the speaker on every line: the names are no topic. (A
    // label that opens one line only, `가상테크 공지:`, is that line's words.)
    let minutes = [
        "김 팀장: 지난주 배포한 앱 버전의 반응부터 공유해 주세요.",
        "박 선임: 구형 기기에서 사진 업로드가 실패한다는 문의가 40건 들어왔습니다.",
        "김 팀장: 원인은 파악됐나요?",
        "박 선임: 이미지 압축 라이브러리를 올린 뒤부터 실패가 늘었습니다.",
        "이 책임: 라이브러리를 이전 버전으로 되돌리는 핫픽스를 이번 주에 배포하겠습니다.",
        "김 팀장: 핫픽스 배포 전에 구형 기기로 업로드 테스트를 해 주세요.",
        "박 선임: 테스트 장비가 부족해 인프라팀에 구형 기기 대여를 요청하겠습니다.",
        "이 책임: 핫픽스 배포 일정은 내일 오전에 공지하겠습니다.",
        "가상테크 공지: 이번 주 배포 일정은 바뀌지 않습니다.",
    ];
    let top = ksum::keywords::keywords(&Ranker::new(&minutes), &minutes, 10);
    let words: Vec<&str> = top.iter().map(|(w, _)| w.as_str()).collect();
    for speaker in ["팀장", "선임", "책임"] {
        assert!(
            !words.contains(&speaker),
            "{speaker:?} is a keyword: {words:?}"
        );
    }
    assert!(words.contains(&"라이브러리"), "{words:?}");
}

#[test]
fn a_comment_section_pasted_after_the_article_is_never_chosen() {
    // The article, then the page's comment section: longer than the article, its
    // comments sentences on the article's own words, and a prompt written as one.
    let mut page = WHOLE_PAGE[7..13].to_vec();
    page.extend([
        "댓글 1,024개",
        "로그인해서 댓글을 남겨 보세요.",
        "청년창업러 2025.03.14 10:01",
        "폐교를 청년 창업 공간으로 바꾸는 건 좋은 생각이네요. 임대료 면제 기간이 더 길었으면 합니다.",
        "공감 45",
        "해오름주민 2025.03.14 10:15",
        "옛 달빛초등학교 건물이 청년 기업 사무실로 바뀐다니 반갑습니다. 주차장도 꼭 만들어 주세요.",
        "시민A 2025.03.14 11:02",
        "사업비 12억원이면 교실 열두 칸 고치기에 충분한가요? 시제품 제작실도 기대됩니다.",
    ]);
    let ranker = Ranker::new(&page);
    for (line, &score) in page.iter().zip(ranker.scores()).skip(6) {
        assert_eq!(score, 0.0, "{line:?} scored");
    }
    assert_eq!(select(&importance_order(&ranker), 4), [2, 3, 4, 5]);
    // A comments button above the article (no prose before it) opens no section.
    let mut menus = vec!["댓글", "공유하기"];
    menus.extend(&WHOLE_PAGE[7..13]);
    let scores = Ranker::new(&menus).scores().to_vec();
    assert!(scores[4..].iter().all(|&s| s > 0.0), "{scores:?}");
}

#[test]
fn page_furniture_makes_no_sentence_central() {
    // The article's body, then a comment section whose comments all echo the last
    // sentence's words: excluded from the summary, they must not lift that sentence
    // either. They take no part in the vectors, the IDF or the graph, so the article
    // scores exactly as it does alone.
    let article = &WHOLE_PAGE[9..13];
    let mut page = article.to_vec();
    page.extend([
        "댓글 3",
        "입주 기업에 경영 컨설팅과 판로 개척 교육을 함께 제공한다니 좋네요.",
        "경영 컨설팅보다 판로 개척 교육이 입주 기업에 더 필요합니다.",
        "판로 개척 교육은 입주 기업 모두에게 제공되나요?",
    ]);
    let (alone, with_comments) = (Ranker::new(article), Ranker::new(&page));
    for (i, line) in article.iter().enumerate() {
        let (a, b) = (alone.scores()[i], with_comments.scores()[i]);
        assert_eq!(a, b, "{line:?}: {a} alone, {b} with the comments");
    }
}

#[test]
fn a_notice_with_more_text_after_it_cuts_nothing() {
    // A notice at the top (or a photo's, mid-article) is not the article's end.
    let text = [
        "해오름시는 문을 닫은 옛 달빛초등학교 건물을 청년 창업 지원 공간으로 고친다.",
        "ⓒ 해오름신문 무단 전재 및 재배포 금지",
        "시는 사업비 12억원을 들여 교실 열두 칸을 사무실과 공용 작업실로 바꿀 계획이다.",
        "입주 대상은 창업 7년 이내의 만 39세 이하 청년 기업으로, 임대료는 첫 2년간 면제된다.",
    ];
    let ranker = Ranker::new(&text);
    assert!(ranker.scores()[2] > 0.0 && ranker.scores()[3] > 0.0);
    // Two articles pasted together: only what follows the last one's notice goes.
    let two = [
        "해오름시는 문을 닫은 옛 달빛초등학교 건물을 청년 창업 지원 공간으로 고친다.",
        "ⓒ 해오름신문 무단 전재 및 재배포 금지",
        "달빛군은 올해 갯벌 생태 관광객이 지난해보다 두 배로 늘었다고 밝혔다.",
        "군은 탐방로를 넓히고 안내소를 새로 짓기로 했다.",
        "<저작권자 © 달빛일보, 무단전재 및 재배포 금지>",
        "이 기사는 언론사에서 사회 섹션으로 분류했습니다.",
    ];
    let scores = Ranker::new(&two).scores().to_vec();
    assert!(
        scores[0] > 0.0 && scores[2] > 0.0 && scores[3] > 0.0,
        "{scores:?}"
    );
    assert_eq!(scores[5], 0.0);
}

#[test]
fn marked_captions_and_credited_captions_are_not_chosen_while_prose_remains() {
    let text = "해오름시, 시내버스 절반 전기차로 바꾼다
※ 이 기사는 해오름시의 보도자료를 바탕으로 작성했습니다.
해오름시가 2030년까지 시내버스 1200대 가운데 절반을 전기버스로 바꾸는 '친환경 대중교통 전환 계획'을 13일 발표했다.
▶ 해오름시, 노후 경유버스 교체하고 급속충전소 120곳 짓는다
▲ 박서연 해오름시장이 13일 시청 브리핑룸에서 친환경 대중교통 전환 계획을 설명하고 있다.
시는 올해 하반기부터 해마다 100대 안팎의 노후 경유버스를 전기버스로 교체하고, 차고지와 주요 회차 지점에 급속충전소 120곳을 새로 짓기로 했다.
▲해오름시 차고지에서 전기버스가 충전하고 있다. ⓒ해오름시
박서연 시장은 \"시민이 매일 타는 버스부터 바꾸는 것이 가장 확실한 탄소 감축 방법\"이라며 \"충전 기반을 먼저 갖춰 운행에 불편이 없도록 하겠다\"고 말했다.
전기버스 충전소 조감도. 해오름시 제공
운수업계는 보조금 지급이 늦어지면 계획이 차질을 빚을 수 있다고 우려했다.
시에 따르면 시내버스가 내뿜는 온실가스는 지역 수송 부문 배출량의 약 18%를 차지한다.
";
    let summary = ksum::summarize(text, &ksum::Options::with_count(5)).unwrap();
    for &i in &summary.summary {
        let s = &text[summary.sentences[i].span.range()];
        assert!(
            !s.starts_with(['▲', '▶', '※'])
                && !s.starts_with("전기버스 충전소")
                && !s.contains("제공"),
            "chose the caption or credit {s:?}"
        );
    }
}

#[test]
fn a_caption_with_its_credit_on_its_line_is_never_chosen() {
    // Pasted from a news page: the photo's caption sits between the headline and the
    // lead, its credit after its last sentence on the same line, in the forms of the
    // wire services and of the papers.
    let credits = [
        "연합뉴스",
        "AP 연합뉴스",
        "/가상뉴스",
        "2024.3.13/가상뉴스 ⓒ 가상뉴스 김하늘 기자",
        "2024.3.13 sky@example.com",
        "가상일보 김하늘 기자",
    ];
    for credit in credits {
        let text = format!(
            "해오름시, 시내버스 절반 전기차로 바꾼다
박서연 해오름시장이 13일 시청 브리핑룸에서 계획을 설명하고 있다. {credit}
해오름시가 2030년까지 시내버스 1200대 가운데 절반을 전기버스로 바꾸는 계획을 13일 발표했다.
시는 올해 하반기부터 해마다 100대 안팎의 노후 경유버스를 전기버스로 교체하기로 했다.
운수업계는 보조금 지급이 늦어지면 계획이 차질을 빚을 수 있다고 우려했다.
"
        );
        let summary = ksum::summarize(&text, &ksum::Options::with_count(3)).unwrap();
        for &i in &summary.summary {
            let s = &text[summary.sentences[i].span.range()];
            assert!(
                !s.contains("설명하고 있다"),
                "{credit:?}: chose the caption {s:?}"
            );
        }
    }
}

#[test]
fn questions_give_way_to_the_statements_that_answer_them() {
    // A rhetorical question right after the lead, and an interview's questions: each
    // asks, and the summary should say what the text answers.
    let column = "해오름시가 내년부터 65세 이상 시민에게 시내버스 요금을 전액 지원한다. \
그렇다면 늘어나는 재정 부담은 어떻게 감당할까? \
시는 교통 분야 예비비 300억원을 돌려써 첫해 손실을 메우겠다고 밝혔다. \
시민단체는 \"무임승차 손실을 결국 시민이 떠안게 될 것\"이라고 지적했다. \
그렇다면 다른 지자체는 어떨까? \
이웃한 달빛시와 은하군도 비슷한 제도를 검토하고 있다.";
    let interview = "Q. 이번 조사를 시작한 계기는 무엇인가요?
A. 학생들이 과제를 하면서 인공지능을 어떻게 쓰는지 궁금했습니다.
Q. 가장 놀라웠던 점은 무엇이었나요?
A. 학생들이 인공지능의 답을 검색 결과처럼 그대로 믿는 경우가 많았습니다.
Q. 앞으로의 계획은 무엇인가요?
A. 내년에는 전국 서른 개 대학으로 조사를 넓히고 교육 과정도 함께 만들 계획입니다.
";
    for text in [column, interview] {
        let summary = ksum::summarize(text, &ksum::Options::with_count(3)).unwrap();
        for &i in &summary.summary {
            let s = &text[summary.sentences[i].span.range()];
            assert!(!s.trim_end().ends_with('?'), "chose the question {s:?}");
        }
    }
}

#[test]
fn an_article_about_newsletters_and_likes_keeps_its_sentences() {
    // Words of a page's navigation (`뉴스레터`, `좋아요`, `구독하기`) in sentences of
    // prose: the article is about them, and its lead must still be chosen first. The
    // page's own lines with those words are still furniture.
    let text = "해오름시는 다음 달부터 종이 소식지를 없애고 주민 소식을 뉴스레터로 매주 보낸다고 3일 밝혔다.
시는 해마다 소식지 인쇄비로 2억원가량을 써 왔다.
뉴스레터에는 \"좋아요\" 버튼이 달려 주민 반응을 바로 볼 수 있다.
시는 구독자가 1만명을 넘으면 지역 상품권 추첨 행사도 열 계획이다.
좋아요 12
지난 뉴스레터 보기 구독하기
";
    let summary = ksum::summarize(text, &ksum::Options::with_count(2)).unwrap();
    let chosen = chosen(text, &summary);
    assert!(
        chosen[0].starts_with("해오름시는"),
        "lead not chosen: {chosen:?}"
    );
    assert!(
        score_of(text, &summary, "뉴스레터에는") > 0.0,
        "a sentence of prose scored as furniture"
    );
    assert!(
        chosen
            .iter()
            .all(|s| !s.starts_with("좋아요") && !s.starts_with("지난")),
        "chose furniture: {chosen:?}"
    );
}

#[test]
fn a_short_text_whose_lead_shares_no_word_keeps_its_lead() {
    // Four sentences, the later ones sharing `참가`/`신청`: on so sparse a graph
    // centrality says little, and the lead must still come first.
    let text = "해오름시는 오는 20일 시민 건강 걷기 대회를 연다고 밝혔다.
참가자에게는 기념 티셔츠를 나눠 준다.
참가 신청은 시 누리집에서 받는다.
신청 마감은 15일이다.
";
    let summary = ksum::summarize(text, &ksum::Options::with_count(1)).unwrap();
    let chosen = &text[summary.sentences[summary.summary[0]].span.range()];
    assert!(chosen.starts_with("해오름시는"), "chose {chosen:?}");
}

#[test]
fn a_notice_of_what_is_provided_is_no_photo_credit() {
    // `중식 제공` (lunch provided) ends like a photo credit (`해오름시 제공`), but the
    // sentence before it is no caption.
    let text = "해오름시는 오는 20일 시민 건강 걷기 대회를 연다고 밝혔다.
참가자 전원에게 기념 티셔츠와 물을 나눠 준다.
중식 제공
참가 신청은 시 누리집에서 받는다.
";
    let summary = ksum::summarize(text, &ksum::Options::with_count(3)).unwrap();
    assert!(
        score_of(text, &summary, "참가자 전원") > 0.0,
        "a sentence of prose taken for a caption"
    );
}

#[test]
fn a_credit_that_opens_its_caption_is_the_captions_alone() {
    // `[사진=… 제공]` before the caption's text on its line: the caption is left out,
    // and the sentence before it is prose, not a caption of a lone credit.
    for credit in [
        "[사진=가상테크 제공]",
        "(사진=가상테크 제공)",
        "<사진=가상테크 제공>",
    ] {
        let text = format!(
            "가상테크가 접는 스마트폰 신제품을 23일 공개했다.
가격은 199만원으로 전작보다 10만원 올랐다.
한 업계 관계자는 부품 가격이 올라 인상은 불가피했다고 말했다.
{credit} 모델들이 신제품을 소개하고 있다.
"
        );
        let summary = ksum::summarize(&text, &ksum::Options::with_count(3)).unwrap();
        assert!(
            score_of(&text, &summary, "한 업계") > 0.0,
            "{credit}: the sentence before the caption taken for one"
        );
        assert_eq!(score_of(&text, &summary, credit), 0.0, "{credit}: caption");
        assert!(!chosen(&text, &summary)
            .iter()
            .any(|s| s.contains("모델들이")));
    }
}

/// The chosen sentences of `summary` of `text`, in document order.
fn chosen<'a>(text: &'a str, summary: &ksum::Summary) -> Vec<&'a str> {
    summary
        .summary
        .iter()
        .map(|&i| &text[summary.sentences[i].span.range()])
        .collect()
}

/// The score of the sentence of `text` that starts with `start`.
fn score_of(text: &str, summary: &ksum::Summary, start: &str) -> f64 {
    let at = text.find(start).expect("the sentence is in the text");
    summary
        .sentences
        .iter()
        .find(|s| s.span.start == at)
        .expect("a sentence starts there")
        .score
}

#[test]
fn a_quote_gives_way_to_the_statements_of_fact() {
    // The mayor's quote shares the article's words (`전기버스`, `시내버스`, `충전소`)
    // more than any other sentence, but a summary states what was decided.
    let text = "해오름시가 내년부터 시내버스 절반을 전기버스로 바꾼다.
시는 2030년까지 전기버스 300대를 들이고 충전소 120곳을 새로 짓는다.
김하늘 시장은 “시내버스를 전기버스로 바꾸고 충전소를 늘려 시내버스 탄소 배출을 절반으로 줄이겠다”고 말했다.
버스 기사 400여 명은 내년 상반기까지 전기버스 운전 교육을 받는다.
";
    let summary = ksum::summarize(text, &ksum::Options::with_count(2)).unwrap();
    let chosen = chosen(text, &summary);
    assert!(
        chosen.iter().all(|s| !s.contains('“')),
        "chose the quote: {chosen:?}"
    );
    assert!(
        score_of(text, &summary, "김하늘") > 0.0,
        "a quote is prose, not furniture"
    );
}

/// Three short articles pasted together, each under its headline and byline.
const THREE_ARTICLES: &[&str] = &[
    "해오름시, 시내버스 절반 전기차로 바꾼다",
    "[가상일보 김하늘 기자]",
    "해오름시가 2030년까지 시내버스 1200대 가운데 절반을 전기버스로 바꾼다고 13일 밝혔다.",
    "시는 올해 하반기부터 해마다 노후 경유버스 100대를 전기버스로 교체한다.",
    "차고지와 회차 지점에는 급속충전소 120곳을 새로 짓는다.",
    "전기버스 600대가 도입되면 연간 온실가스 배출이 4만t가량 줄어들 것으로 시는 내다봤다.",
    "달빛도서관, 겨울방학 어린이 독서교실 연다",
    "[가상일보 박가람 기자]",
    "달빛도서관이 겨울방학을 맞아 초등학생을 위한 독서교실을 다음 달 8일부터 연다.",
    "독서교실은 학년별로 나눠 모두 12회 진행되며 그림책 만들기와 작가와의 만남이 포함된다.",
    "참가 신청은 오는 30일까지 도서관 누리집에서 선착순으로 받는다.",
    "도서관은 지난해 독서교실 만족도가 높아 올해 정원을 두 배로 늘렸다고 설명했다.",
    "해오름항, 중국 물류기업 투자 유치",
    "[가상일보 이도윤 기자]",
    "해오름항만공사가 중국 물류기업 세 곳과 배후단지 투자협약을 맺었다고 20일 밝혔다.",
    "세 기업은 2027년까지 모두 1500억원을 들여 냉동창고와 물류센터를 짓는다.",
    "공사는 이번 협약으로 일자리 300개가 새로 생길 것으로 기대했다.",
    "항만 물동량도 해마다 5%가량 늘어날 것으로 공사는 전망했다.",
];

#[test]
fn each_article_pasted_with_others_keeps_its_own_lead() {
    // Each headline after prose starts a section with a lead of its own: counted from
    // the text's start, the third article's lead would weigh what the first one's
    // ninth sentence does, and the summary would speak of two articles, not three.
    let ranker = Ranker::new(THREE_ARTICLES);
    let mut top: Vec<usize> = importance_order(&ranker)[..3].to_vec();
    top.sort_unstable();
    assert_eq!(top, [2, 8, 14], "scores {:?}", ranker.scores());
}

/// Four articles of ten sentences each, joined with no headline between them.
const UNHEADED: [&str; 40] = [
    "해오름시가 2030년까지 시내버스 1200대 가운데 절반을 전기버스로 바꾼다.",
    "시는 올해 하반기부터 해마다 노후 경유버스 100대를 전기버스로 교체한다.",
    "차고지와 회차 지점에는 급속충전소 120곳을 새로 짓는다.",
    "전기버스 한 대의 구매 보조금은 국비와 시비를 합쳐 2억원가량이다.",
    "운수업계는 보조금 지급이 늦어지면 버스 교체 계획이 차질을 빚을 수 있다고 우려했다.",
    "시는 버스 기사를 대상으로 전기버스 운전 교육도 확대하기로 했다.",
    "충전 시간이 길어 배차 간격이 벌어질 수 있다는 지적도 나온다.",
    "시는 심야 시간대 충전으로 낮 시간 운행 공백을 줄이겠다고 설명했다.",
    "전기버스가 도입되면 연간 온실가스 배출이 4만t가량 줄어들 것으로 시는 내다봤다.",
    "시는 시내버스 노선 개편안도 올해 안에 함께 내놓을 계획이다.",
    "달빛도서관이 겨울방학을 맞아 초등학생을 위한 독서교실을 다음 달 8일부터 연다.",
    "독서교실은 학년별로 나눠 모두 12회 진행된다.",
    "저학년 반은 그림책 만들기를, 고학년 반은 토론 수업을 중심으로 꾸몄다.",
    "마지막 주에는 동화작가와의 만남도 마련된다.",
    "참가 신청은 오는 30일까지 도서관 누리집에서 선착순으로 받는다.",
    "도서관은 지난해 독서교실 만족도가 높아 올해 정원을 두 배로 늘렸다.",
    "참가비는 없으며 교재와 간식은 도서관이 제공한다.",
    "도서관 측은 방학 동안 아이들이 책과 가까워지는 계기가 되길 바란다고 말했다.",
    "독서교실에 참여한 어린이에게는 수료증과 추천 도서 목록을 준다.",
    "도서관은 봄방학에도 같은 프로그램을 운영할 예정이다.",
    "해오름항만공사가 중국 물류기업 세 곳과 배후단지 투자협약을 맺었다.",
    "세 기업은 2027년까지 모두 1500억원을 들여 냉동창고와 물류센터를 짓는다.",
    "공사는 이번 협약으로 일자리 300개가 새로 생길 것으로 기대했다.",
    "항만 물동량도 해마다 5%가량 늘어날 것으로 공사는 전망했다.",
    "배후단지 부지는 임대료를 시세의 절반 수준으로 책정했다.",
    "공사는 협약 기업이 부두 인근 도로 정비를 요청함에 따라 예산을 반영하기로 했다.",
    "냉동창고가 들어서면 수산물 수출입 처리 기간이 사흘가량 짧아진다.",
    "공사 사장은 추가 투자 유치를 위해 다음 달 상하이를 방문한다.",
    "지역 상공회의소는 항만 투자가 지역 경제에 활력을 줄 것이라고 평가했다.",
    "공사는 연말까지 배후단지 2단계 조성 계획을 확정할 방침이다.",
    "해오름대학교 연구팀이 바닷물에서 리튬을 뽑아내는 새 분리막을 개발했다.",
    "연구팀은 기존 분리막보다 리튬 회수율을 세 배 높였다고 밝혔다.",
    "분리막은 값싼 고분자 소재로 만들어 생산 단가도 절반으로 낮췄다.",
    "연구 결과는 국제 학술지 최신호에 실렸다.",
    "리튬은 전기차 배터리의 핵심 원료로 대부분을 수입에 의존하고 있다.",
    "연구팀은 해수 담수화 시설에서 나오는 농축수로 실험을 이어갈 계획이다.",
    "농축수는 바닷물보다 리튬 농도가 높아 회수 효율이 더 좋다.",
    "교수는 상용화까지 5년가량 걸릴 것으로 내다봤다.",
    "연구는 정부의 소재 기술 개발 사업 지원을 받아 진행됐다.",
    "대학은 관련 특허 두 건을 국내외에 출원했다.",
];

#[test]
fn articles_joined_without_headlines_each_get_a_sentence() {
    // Forty sentences with no heading: too long for one lead prior, and cut where the
    // topic shifts, so a summary of four speaks of all four articles. (Counted from the
    // text's start, the prior keeps the first articles' sentences ahead.)
    let summary = ksum::summarize(&UNHEADED.join("\n"), &ksum::Options::with_count(4)).unwrap();
    let articles: Vec<usize> = summary.summary.iter().map(|&i| i / 10).collect();
    assert_eq!(articles, [0, 1, 2, 3], "chosen {:?}", summary.summary);
}

#[test]
fn a_page_source_pasted_is_summarized_by_its_text() {
    // The HTML of a made-up news page, pasted as text: a style sheet, a comment of
    // sentences, tags on lines of their own, and the article's paragraphs in `<p>`.
    let text = include_str!("fixtures/news-page.html");
    let summary = ksum::summarize(text, &ksum::Options::with_count(4)).unwrap();
    let picked = chosen(text, &summary);
    assert!(
        picked
            .iter()
            .any(|s| s.starts_with("<p>해오름시가 다음 달부터")),
        "{picked:?}"
    );
    for s in &picked {
        assert!(!s.contains('{') && !s.starts_with("<h1>"), "{s:?}");
    }
    let words: Vec<&str> = summary.keywords.iter().map(|k| k.term.as_str()).collect();
    for css in [
        "font", "margin", "color", "padding", "sans", "Serif", "size",
    ] {
        assert!(!words.contains(&css), "{css:?} is a keyword: {words:?}");
    }
    assert!(words.contains(&"열람실"), "{words:?}");
    // A paragraph's last sentence, before its `</p>`, is prose (a fragment would weigh
    // 0.3 of it, under 0.06).
    assert!(score_of(text, &summary, "지금까지는 평일") > 0.1);
    // The page's menus, ticker, caption, related articles and sidebar score nothing.
    for start in [
        "<li><a href=\"#\">정치</a></li>",
        "<div class=\"ticker\">",
        "<figcaption>",
        "<li><a href=\"#\">해오름시, 작은도서관",
        "<!doctype html>",
    ] {
        assert_eq!(score_of(text, &summary, start), 0.0, "{start:?}");
    }
    // The comment's sentences, the style sheet and lines of tags alone score nothing.
    for start in [
        "sentence-like text",
        "html { font-size",
        "<div class=\"inner\">",
    ] {
        assert_eq!(score_of(text, &summary, start), 0.0, "{start:?}");
    }
}

#[test]
fn a_portal_page_pasted_whole_is_summarized_by_its_article() {
    // A news portal's page copied whole: menus, the notice of the portal's own summary
    // (sentences of prose by their form, before the lead), the article, its copyright
    // line, reactions and comments.
    let text = "홈\n사회\n정치\n경제\n해오름시, 공공자전거 1천대 추가 도입\n김하늘 기자\n\
        입력 2025. 5. 2. 10:15\n댓글 12\n요약보기\n\
        자동요약 기사 제목과 주요 문장을 기반으로 자동요약한 결과입니다.\n\
        전체 맥락을 이해하기 위해서는 본문 보기를 권장합니다.\n\
        [해오름=가상뉴스] 김하늘 기자 = 해오름시가 공공자전거 1천대를 추가로 도입한다고 2일 밝혔다.\n\
        시는 이번 도입으로 공공자전거가 모두 4천대로 늘어난다고 설명했다. 대여소도 120곳에서 180곳으로 확대된다.\n\
        지난해 공공자전거 이용 건수는 210만건으로 전년보다 35% 늘었다.\n\
        sky@example.com\nCopyright © 가상뉴스. All rights reserved.\n좋아요\n후속기사 원해요\n\
        댓글 12\n자전거 도로부터 제대로 만들어라. 인도랑 섞여서 위험하다.\n";
    let summary = ksum::summarize(text, &ksum::Options::with_count(3)).unwrap();
    let picked = chosen(text, &summary);
    assert_eq!(
        picked,
        [
            "해오름시가 공공자전거 1천대를 추가로 도입한다고 2일 밝혔다.",
            "시는 이번 도입으로 공공자전거가 모두 4천대로 늘어난다고 설명했다.",
            "지난해 공공자전거 이용 건수는 210만건으로 전년보다 35% 늘었다.",
        ]
    );
    for start in ["자동요약 기사", "전체 맥락을"] {
        assert_eq!(score_of(text, &summary, start), 0.0, "{start:?}");
    }
    assert_eq!(summary.content, 4, "the article's sentences");
}

#[test]
fn a_press_release_is_summarized_by_its_points() {
    // A press release: its header, headline and dashed subtitles, points marked `□` and
    // `ㅇ`, then its enclosures, its end mark and its contact line.
    let text = "보도자료\n보도시점 2025. 5. 2.(금) 11:00\n\
        해오름시, 공공도서관 열람실 밤 12시까지 연장 운영\n\
        - 중앙도서관·분관 4곳, 6월부터 시범 운영 -\n\
        □ 해오름시는 6월부터 시립 중앙도서관과 분관 4곳의 열람실 운영 시간을 밤 12시까지 연장한다고 밝혔다.\n\
        ㅇ 이번 조치는 직장인과 수험생의 요청이 꾸준히 늘어난 데 따른 것이다.\n\
        □ 시험 기간인 6월과 12월에는 중앙도서관 2층 열람실을 24시간 개방한다.\n\
        □ 연장 운영에 드는 인건비와 전기 요금은 연간 약 7억 원으로 추산된다.\n\
        붙임 : 도서관별 운영 시간 1부. 끝.\n\
        담당 부서 평생학습과 주무관 이영희 (031-123-4568)\n";
    let summary = ksum::summarize(text, &ksum::Options::with_ratio(1.0)).unwrap();
    assert_eq!(summary.content, 4, "the four points");
    let picked = chosen(text, &summary);
    assert_eq!(picked.len(), 4);
    assert!(
        picked.iter().all(|s| s.starts_with(['□', 'ㅇ'])),
        "{picked:?}"
    );
    assert_eq!(score_of(text, &summary, "붙임 :"), 0.0);
}

#[test]
fn an_encyclopedia_article_copied_keeps_its_cited_sentences_and_drops_its_references() {
    // An encyclopedia page copied from the browser: citation marks glued to sentences,
    // section headings with their edit links, the table of contents, the references.
    let text = "해오름시\n해오름시(-市)는 대한민국 남부에 있는 시이다.[1] \
        해오름시의 면적은 약 500km²이며, 해오름시 인구는 약 30만 명이다.[2]\n\
        목차\n1 역사\n2 교통\n역사[편집]\n조선 시대에는 해오름현이었다.[3] \
        1995년 도농 통합으로 해오름시가 되었다.\n교통[편집]\n\
        해오름역이 있으며, 해오름시 고속버스터미널이 있다.[4] \
        해오름항은 중국과 일본을 잇는 항로의 기점이다.[5][6]\n\
        각주\n↑ 해오름시청, 《해오름시 통계연보》, 2020.\n↑ 통계청, 《인구 총조사》, 2021.\n";
    let summary = ksum::summarize(text, &ksum::Options::with_ratio(1.0)).unwrap();
    assert_eq!(summary.content, 6, "the six sentences of the article");
    let picked = chosen(text, &summary);
    assert!(
        picked.contains(&"해오름시(-市)는 대한민국 남부에 있는 시이다.[1]"),
        "{picked:?}"
    );
    for reference in ["↑ 해오름시청", "↑ 통계청"] {
        assert_eq!(score_of(text, &summary, reference), 0.0, "{reference:?}");
        assert!(!picked.iter().any(|s| s.starts_with(reference)));
    }
}

#[test]
fn a_broadcast_script_is_summarized_by_its_news() {
    // A broadcast news script as posted: speaker tags, the anchor's handover to the
    // reporter, an interview and the sign-off.
    let text = "[앵커]\n해오름시가 2030년까지 시내버스 절반을 전기버스로 바꾸기로 했습니다.\n\
        운수업계는 보조금이 늦어질까 걱정입니다.\n김하늘 기자가 보도합니다.\n[기자]\n\
        해오름시 계획의 핵심은 시내버스 1,200대 가운데 600대를 전기버스로 바꾸는 겁니다.\n\
        시는 올해부터 해마다 노후 경유버스 100대를 전기버스로 교체합니다.\n[인터뷰]\n\
        박서연 / 해오름시장 : 버스부터 바꾸는 것이 가장 확실한 탄소 감축 방법입니다.\n\
        [기자]\n운수업계는 보조금 지급이 늦어지면 전기버스 계획이 차질을 빚을 수 있다고 우려합니다.\n\
        HBS 김하늘입니다.\n";
    let summary = ksum::summarize(text, &ksum::Options::with_count(3)).unwrap();
    assert_eq!(score_of(text, &summary, "김하늘 기자가 보도합니다"), 0.0);
    let picked = chosen(text, &summary);
    assert_eq!(
        picked[0],
        "해오름시가 2030년까지 시내버스 절반을 전기버스로 바꾸기로 했습니다."
    );
    // The anchor's second sentence is one, not cut at its `…늦어질까`.
    assert!(ksum::split(text)
        .iter()
        .any(|s| &text[s.range()] == "운수업계는 보조금이 늦어질까 걱정입니다."));
    for tag in ["[앵커]", "[기자]", "[인터뷰]", "HBS"] {
        assert!(!picked.iter().any(|s| s.starts_with(tag)), "{picked:?}");
    }
}

#[test]
fn a_blogs_lines_ending_in_laughter_or_emoji_are_prose() {
    // Sentences a blog ends with laughter, tears or an emoji in place of a full stop,
    // and one that has its full stop: all five are prose, from the first line on.
    let text = "오늘은 남편이랑 중앙동에 있는 할매순대국 다녀왔어요 ㅎㅎ\n\
        웨이팅이 진짜 길었는데 한 30분 정도 기다린 것 같아요ㅠㅠ\n\
        국물이 진하고 잡내가 하나도 없어서 너무 좋았어요 ㅋㅋㅋㅋ\n\
        재방문 의사 100%입니다 👍👍\n\
        주차는 가게 앞에 3대 정도 가능해요.\n";
    let summary = ksum::summarize(text, &ksum::Options::with_ratio(1.0)).unwrap();
    assert_eq!(summary.content, 5);
    assert!(!summary.keywords.is_empty());
    let picked = chosen(text, &summary);
    assert!(picked[0].starts_with("오늘은 남편이랑"), "{picked:?}");
    // A headline in a blog's style, no ending before its emoji, stays a headline.
    let titled = format!("할매순대국 후기 🍜\n{text}");
    let summary = ksum::summarize(&titled, &ksum::Options::with_ratio(1.0)).unwrap();
    assert_eq!(summary.content, 5);
}

#[test]
fn a_papers_references_are_never_chosen() {
    // An abstract, then its references: each entry is split at its periods, and its
    // title would read as prose.
    let text = "본 연구는 대학생의 온라인 학습 만족도에 영향을 미치는 요인을 규명하였다. \
        분석 결과 교수자와의 상호작용이 만족도에 가장 큰 영향을 미쳤다. \
        따라서 온라인 수업 설계 시 상호작용을 강화할 필요가 있다.\n참고문헌\n\
        박영수 (2019). 온라인 학습 환경에서의 자기주도학습. 교육공학연구, 35(2), 123-145.\n\
        Kim, S., & Lee, J. (2020). Online learning satisfaction. Computers & Education, 150.\n";
    let summary = ksum::summarize(text, &ksum::Options::with_count(3)).unwrap();
    assert_eq!(summary.content, 3);
    let picked = chosen(text, &summary);
    assert!(picked.iter().all(|s| s.ends_with("다.")), "{picked:?}");
    assert!(!summary.keywords.iter().any(|k| k.term == "education"));
    // A table of contents lists the notes above the text: nothing is cut there.
    let wiki = "목차\n1 역사\n2 각주\n해오름시는 대한민국 남부에 있는 시이다.[1] \
        조선 시대에는 해오름현이었다.[2] 1995년 해오름시가 되었다.\n각주\n↑ 통계청, 2021.\n";
    let summary = ksum::summarize(wiki, &ksum::Options::with_ratio(1.0)).unwrap();
    assert_eq!(summary.content, 3);
}
