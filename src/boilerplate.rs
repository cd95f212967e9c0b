//! Lines that are part of a page but never part of a summary: bylines, e-mail
//! addresses, photo captions, copyright and subscription lines, bare dates.
//!
//! [`is_boilerplate`] looks only at the sentence itself, with cues that hold across
//! outlets (no per-site rules): markers such as `ⓒ`, `무단 전재`, `(사진=`, a `기자`
//! title next to a name or an e-mail address, and sentences made mostly of digits.

/// Phrases that mark copyright, subscription and navigation lines.
const MARKERS: &[&str] = &[
    "ⓒ",
    "©",
    "무단 전재",
    "무단전재",
    "재배포 금지",
    "재배포금지",
    "copyright",
    "all rights reserved",
    "구독하기",
    "뉴스레터",
    "기사제보",
    "제보하기",
    "저작권자",
    "좋아요",
    "공유하기",
    "기사 보기",
    "기사보기",
    "바로가기",
    "많이 본 뉴스",
];

/// Phrases that mark photo and graphic captions.
const CAPTION_MARKERS: &[&str] = &[
    "(사진=",
    "(사진 =",
    "[사진=",
    "/사진=",
    "사진제공",
    "사진 제공",
    "(그래픽=",
    "(자료=",
    "(이미지=",
    "(출처=",
    "/연합뉴스",
    "(연합뉴스)",
    "사진=연합",
];

/// True for sentences that should never be chosen for a summary.
pub fn is_boilerplate(sentence: &str) -> bool {
    let s = sentence.trim();
    if s.is_empty() {
        return true;
    }
    let lower = s.to_lowercase();
    if MARKERS.iter().any(|m| lower.contains(m)) {
        return true;
    }
    if CAPTION_MARKERS.iter().any(|m| s.contains(m)) {
        return true;
    }
    let chars = s.chars().count();
    // e-mail address in a short line: a byline ("홍길동 기자 hong@example.com").
    if chars <= 60 && has_email(s) {
        return true;
    }
    // "[가상일보 김하늘 기자]" or "김하늘 기자" alone: a byline.
    if chars <= 40 && (s.ends_with("기자") || s.ends_with("기자]") || s.ends_with("특파원"))
    {
        return true;
    }
    // Dates, times and numbers with little text.
    let letters = s.chars().filter(|c| c.is_alphabetic()).count();
    letters * 3 < chars
}

fn has_email(s: &str) -> bool {
    s.split(|c: char| c.is_whitespace() || matches!(c, '(' | ')' | '[' | ']' | '<' | '>'))
        .any(|w| {
            let mut parts = w.splitn(2, '@');
            match (parts.next(), parts.next()) {
                (Some(user), Some(host)) => !user.is_empty() && host.contains('.'),
                _ => false,
            }
        })
}

#[cfg(test)]
mod tests {
    use super::*;

    macro_rules! meta {
        ($($s:literal => $want:literal),* $(,)?) => {$(
            assert_eq!(is_boilerplate($s), $want, "is_boilerplate({:?})", $s);
        )*};
    }

    #[test]
    fn meta_lines_are_recognized() {
        meta! {
            "[가상일보 김하늘 기자]" => true,
            "이성훈 sinawi@hanmail.net" => true,
            "ⓒ 가상일보 무단 전재 및 재배포 금지" => true,
            "시민들이 광장을 걷고 있다. (사진=김하늘 기자)" => true,
            "2024-04-12 17:55:46 2024-04-12 17:55:46" => true,
            "지난 뉴스레터 보기 구독하기" => true,
        }
    }

    #[test]
    fn ordinary_sentences_are_kept() {
        meta! {
            "정부가 클라우드 산업을 핵심 인프라로 육성하기로 했다." => false,
            "매출은 3.5% 늘어난 1조 2000억원을 기록했다." => false,
            "김 기자는 현장에서 이 사실을 확인했다고 밝혔다." => false,
        }
    }
}
