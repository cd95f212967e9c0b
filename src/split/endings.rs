//! Small Korean tables: final endings, words that continue a sentence after an
//! ending, conjunctive adverbs, connective endings, and decorations (laughter jamo,
//! emoji, tildes).
//!
//! Everything here works on slices of `char`s that the caller has already cut at
//! whitespace, so every function is a handful of comparisons. Tables are
//! kept one line per few entries (`rustfmt::skip`): small, and easy to read.

pub(super) use crate::unicode::is_hangul_syllable as is_syllable;

/// Final consonant (jongseong) index of a precomposed Hangul syllable:
/// 0 none, 1 ㄱ, 2 ㄲ, 3 ㄳ, 4 ㄴ, 5 ㄵ, 6 ㄶ, 7 ㄷ, 8 ㄹ, 9 ㄺ, 10 ㄻ, 11 ㄼ, 12 ㄽ,
/// 13 ㄾ, 14 ㄿ, 15 ㅀ, 16 ㅁ, 17 ㅂ, 18 ㅄ, 19 ㅅ, 20 ㅆ, 21 ㅇ, 22 ㅈ, 23 ㅊ, 24 ㅋ,
/// 25 ㅌ, 26 ㅍ, 27 ㅎ.
pub(super) fn jong(c: char) -> Option<u32> {
    is_syllable(c).then(|| (c as u32 - crate::unicode::S_BASE) % 28)
}

/// Jongseong ㄹ.
const JONG_L: u32 = 8;
/// Jongseong ㅁ.
const JONG_M: u32 = 16;
/// Jongseong ㅂ.
const JONG_B: u32 = 17;
/// Jongseong ㅆ.
const JONG_SS: u32 = 20;

/// Table words as `char` slices, decoded at compile time (`words!["바다", "보다"]`):
/// matching a word against a table compares `char`s, with no UTF-8 decoding.
macro_rules! words {
    ($($w:literal),* $(,)?) => {
        &[$(&$crate::split::endings::decode::<{ $crate::split::endings::char_count($w) }>($w)),*]
    };
}

/// The number of chars of `s` (for [`words`]).
pub(super) const fn char_count(s: &str) -> usize {
    let bytes = s.as_bytes();
    let (mut i, mut n) = (0, 0);
    while i < bytes.len() {
        // Every byte but a continuation byte (10xxxxxx) starts a char.
        if bytes[i] & 0xC0 != 0x80 {
            n += 1;
        }
        i += 1;
    }
    n
}

/// The `N` chars of `s` (for [`words`]).
pub(super) const fn decode<const N: usize>(s: &str) -> [char; N] {
    let bytes = s.as_bytes();
    let mut out = ['\0'; N];
    let (mut i, mut k) = (0, 0);
    while i < bytes.len() {
        let lead = bytes[i] as u32;
        let (len, mut c) = match lead {
            0x00..=0x7F => (1, lead),
            0xC0..=0xDF => (2, lead & 0x1F),
            0xE0..=0xEF => (3, lead & 0x0F),
            _ => (4, lead & 0x07),
        };
        let mut j = 1;
        while j < len {
            c = (c << 6) | (bytes[i + j] as u32 & 0x3F);
            j += 1;
        }
        out[k] = match char::from_u32(c) {
            Some(c) => c,
            None => panic!("not UTF-8"),
        };
        i += len;
        k += 1;
    }
    out
}

/// True when `w` ends with `s`. (Compares from the end and stops at the first
/// difference: cheaper than a `memcmp` call for these short words.)
pub(super) fn ends_with(w: &[char], s: &[char]) -> bool {
    s.len() <= w.len() && s.iter().rev().zip(w.iter().rev()).all(|(a, b)| a == b)
}

/// True when `w` starts with `s`.
fn starts_with(w: &[char], s: &[char]) -> bool {
    s.len() <= w.len() && s.iter().zip(w).all(|(a, b)| a == b)
}

/// True when `w` ends with one of the words of `table`.
fn ends_with_any(w: &[char], table: &[&[char]]) -> bool {
    table.iter().any(|s| ends_with(w, s))
}

/// True when `w` is one of the words of `table`.
fn equals_any(w: &[char], table: &[&[char]]) -> bool {
    table
        .iter()
        .any(|s| s.len() == w.len() && starts_with(w, s))
}

/// True when `w` starts with one of the words of `table`.
fn starts_with_any(w: &[char], table: &[&[char]]) -> bool {
    table.iter().any(|s| starts_with(w, s))
}

/// Words ending in 다 that are nouns, particles, adverbs or connectives, not a
/// predicate's final ending (바다, 나보다, 날마다, 가져다 주다, 냅다).
#[rustfmt::skip]
const NOT_DA: &[&[char]] = words![
    "바다", "보다", "마다", "에다", "소다", "사이다", "판다", "캐나다", "네바다", "플로리다", "그라나다", "아이다", "미란다", "한테다",
    "께다", "가져다", "갖다", "데려다", "쳐다", "내려다", "올려다", "냅다",
];

/// Words ending in 요 that are nouns (필요, 주요...), not the polite ending.
#[rustfmt::skip]
const NOT_YO: &[&[char]] = words![
    "필요", "수요", "주요", "중요", "소요", "강요", "개요", "동요", "풍요", "요요", "월요", "화요", "목요", "금요", "토요",
    "일요", "공요", "교요",
];

/// Open syllables before 다 that make a predicate's final form (이다, 하다, 되다,
/// 기쁘다, 아프다, 다르다, 크다, 합니다) rather than a noun or a connective
/// (바다, 가다가, 아사다).
#[rustfmt::skip]
const DA_OPEN_STEMS: &[char] = &[
    '하', '되', '쁘', '프', '르', '크', '뜨', '쓰',
];

/// Final consonants before 다 that make a predicate's final form: ㄴ (한다, 먹는다),
/// ㄵ ㄶ ㄹ ㄺ ㄼ ㄾ ㅀ ㅂ ㅄ ㅆ ㅌ ㅍ ㅎ (앉다, 많다, 힘들다, 밝다, 넓다, 핥다, 싫다,
/// 어렵다, 없다, 했다, 같다, 높다, 좋다).
const DA_JONG: &[u32] = &[4, 5, 6, 8, 9, 11, 13, 15, 17, 18, 20, 25, 26, 27];

/// Final consonants before 음 that make a nominalized predicate (앉음, 많음, 읽음,
/// 넓음, 싫음, 없음, 있음, 맞음, 쫓음, 같음, 높음, 좋음), unlike nouns such as 얼음,
/// 웃음, 믿음, 죽음, 볶음.
const EUM_JONG: &[u32] = &[5, 6, 9, 11, 15, 18, 20, 22, 23, 25, 26, 27];

/// Stems before 음 (and the cute 당) that make a nominalized predicate.
#[rustfmt::skip]
const EUM_STEMS: &[char] = &[
    '없', '같', '좋', '않', '싶', '많', '싫', '높', '낮', '넓', '깊', '맞', '찮', '짧', '옳', '괜', '먹', '받',
];

/// Syllables before 봄/짐/옴/감 that make them nominalized auxiliaries (해봄, 해짐,
/// 나옴, 가져감) rather than nouns (봄, 짐, 감).
#[rustfmt::skip]
const NOMINAL_AUX_PREV: &[char] = &[
    '해', '어', '아', '여', '워', '와', '져', '쳐', '려', '겨', '나', '들', '놔', '봐', '내', '러',
    '가', '써',
];

/// Syllables before 함 that make it the noun "box/ship" (사물함, 잠수함, 포함...).
#[rustfmt::skip]
const HAM_NOUN_PREV: &[char] = &[
    '물', '관', '납', '지', '편', '표', '금', '문', '모', '군', '전', '축', '수', '양', '위', '륙',
    '투', '비', '포', '께', '고', '결', '조',
];

/// Syllables before 임 that make a noun (게임, 책임, 모임, 취임...).
#[rustfmt::skip]
const IM_NOUN_PREV: &[char] = &[
    '게', '타', '모', '책', '마', '네', '라', '신', '해', '재', '취', '사', '선', '후', '전', '유',
    '담', '방', '위', '일', '연', '부', '겸', '적', '초', '퇴', '배', '가', '피', '임', '프', '데',
    '레', '다', '끊', '크',
];

/// Stems before 네 that make the exclamative ending (좋네, 하네...), not 동네/우리네.
#[rustfmt::skip]
const NE_STEMS: &[char] = &[
    '하', '되', '좋', '없', '같', '많', '싶', '않', '가', '오', '보', '나', '르', '쁘', '프', '크',
    '겠', '높', '쉽', '렵', '춥', '덥', '맵', '답',
];

/// Syllables before 요 that make it the polite ending whatever the style (해요,
/// 있어요, 좋네요, 할게요, 하세요, 그렇죠...).
#[rustfmt::skip]
const POLITE_YO_PREV: &[char] = &[
    '어', '아', '여', '워', '와', '해', '돼', '봐', '줘', '셔', '세', '네', '데', '게', '래', '대',
    '지', '죠', '까', '군', '걸', '든', '예', '에', '서', '고', '니', '나', '구', '져', '쳐', '려',
];

/// Syllables before 용 (a cute 요) that make it an ending (잘됐네용, 해용).
#[rustfmt::skip]
const YONG_PREV: &[char] = &[
    '네', '해', '어', '아', '세', '지', '데', '여', '죠', '까',
];

/// How surely a word ends a sentence.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord)]
pub(super) enum Ending {
    /// Not a final ending.
    None,
    /// A final ending only sometimes (가다 vs 가다(가), 아사다, ~ㄴ 듯): the sentence
    /// ends only when a clear sentence opener (그리고, 하지만...) follows.
    Weak,
    /// A noun-form ending (했음, 추천함, 대비용임, 됨): strong in unpunctuated,
    /// informal text; in text whose sentences end with punctuation a bare one is
    /// more likely a noun (천안함, 결함, 패러다임), so it only counts when laughter or
    /// emoji confirm it.
    Nominal,
    /// 다 after an open stem (하다, 크다, 다르다), or 요 after a syllable that rarely
    /// carries the polite ending: strong in informal text, weak in punctuated text,
    /// where it is more often the connective -다(가) (운전을 하다 사고) or a name
    /// (기미가요).
    Plain,
    /// A final ending: the sentence ends unless a continuation follows.
    Strong,
}

impl Ending {
    /// The strength to act on (`None`, `Weak` or `Strong`), given whether the line
    /// ends its sentences with punctuation.
    pub(super) fn in_style(self, punctuated: bool) -> Ending {
        match self {
            Ending::Nominal if punctuated => Ending::None,
            Ending::Plain if punctuated => Ending::Weak,
            Ending::Nominal | Ending::Plain => Ending::Strong,
            other => other,
        }
    }
}

/// True when the Hangul word `w` ends with a sentence-final ending (of any strength).
pub(super) fn is_final(w: &[char]) -> bool {
    ending(w) != Ending::None
}

/// True when the syllable has the final consonant ㅁ (a nominalized form: 채움, 보임).
pub(super) fn has_jong_m(c: char) -> bool {
    jong(c) == Some(JONG_M)
}

/// The most syllables at the end of a word that [`ending`] reads: the longest word of
/// [`NOT_DA`] and [`NOT_YO`] (`플로리다`), and nothing else reaches further back than
/// three, or counts a word's length past three. (A word's last four syllables give its
/// ending, so the splitter decodes no more.)
pub(super) const ENDING_SPAN: usize = {
    let mut longest = 3;
    let mut t = 0;
    while t < 2 {
        let table = [NOT_DA, NOT_YO][t];
        let mut w = 0;
        while w < table.len() {
            if table[w].len() > longest {
                longest = table[w].len();
            }
            w += 1;
        }
        t += 1;
    }
    longest
};

/// How surely the Hangul word `w` ends with a sentence-final ending.
///
/// `w` is a word with its trailing decorations already removed. The tests are on the
/// last one to three syllables: the ending itself and the stem or pre-final ending
/// before it, which is what tells 했다/한다/좋다 from 바다/보다/마다.
pub(super) fn ending(w: &[char]) -> Ending {
    use Ending::{Nominal, None as No, Plain, Strong, Weak};
    let strong = |b: bool| if b { Strong } else { No };
    let nominal = |b: bool| if b { Nominal } else { No };
    let n = w.len();
    let Some(&last) = w.last() else {
        return No;
    };
    let prev = if n >= 2 { w[n - 2] } else { '\0' };
    let pp = if n >= 3 { w[n - 3] } else { '\0' };
    let prev_jong = jong(prev);
    let pp_jong = jong(pp);
    let ss = prev_jong == Some(JONG_SS);
    let two = n >= 2 && is_syllable(prev);
    match last {
        '다' => {
            if !two || ends_with_any(w, NOT_DA) {
                No
            } else if prev_jong.is_some_and(|j| DA_JONG.contains(&j))
                || matches!(prev, '이' | '니')
                || (prev == '시' && pp_jong == Some(JONG_B))
            {
                Strong
            } else if DA_OPEN_STEMS.contains(&prev) {
                Plain
            } else {
                Weak
            }
        }
        '요' | '욧' if !two || ends_with_any(w, NOT_YO) => No,
        // 해요, 있어요, 좋네요...: the polite ending for sure; after other syllables
        // (마요, 산요, 기미가요) it may be a transliterated name.
        '요' | '욧' if POLITE_YO_PREV.contains(&prev) => Strong,
        '요' | '욧' => Plain,
        '죠' | '쥬' => strong(two),
        '까' => strong(
            prev_jong == Some(JONG_L) || (prev == '니' && (pp_jong == Some(JONG_B) || pp == '습')),
        ),
        // A question without its `?` (괜찮은가..., 하는가, 했던가, 무엇인가): weak, as
        // `…웃는가 하면` goes on.
        '가' if matches!(prev, '는' | '은' | '던') || (prev == '인' && n >= 3) => Weak,
        '음' => {
            nominal(prev_jong.is_some_and(|j| EUM_JONG.contains(&j)) || EUM_STEMS.contains(&prev))
        }
        '줌' => nominal(two),
        '봄' | '짐' | '옴' | '감' => nominal(NOMINAL_AUX_PREV.contains(&prev)),
        '김' => nominal(prev == '웃'),
        '됨' => Nominal,
        '함' => nominal(n == 1 || (two && !HAM_NOUN_PREV.contains(&prev))),
        '임' => nominal(two && !IM_NOUN_PREV.contains(&prev)),
        '님' => nominal(prev == '아'),
        '네' => strong(ss || NE_STEMS.contains(&prev)),
        '군' if ss || matches!(prev, '는' | '구') => Strong,
        '군' if matches!(prev, '좋' | '없' | '같' | '많') => Weak,
        '듯' if n == 1 => Weak,
        '나' => {
            strong((prev == '구' && pp != '누') || (prev == '긋' && pp_jong == Some(JONG_SS)) || ss)
        }
        '라' => strong(prev == '더' || (prev == '드' && pp == '하') || (prev == '기' && n >= 3)),
        '고' | '구' => {
            strong(ends_with(&w[..n - 1], &['더', '라']) || ends_with(&w[..n - 1], &['드', '라']))
        }
        '아' => strong(prev == '잖'),
        '야' => strong(prev == '거'),
        '먼' => strong(prev == '구'),
        '당' => strong(ss || prev == '니' || EUM_STEMS.contains(&prev)),
        '용' => strong(YONG_PREV.contains(&prev)),
        '유' => strong(matches!(prev, '아' | '어' | '해' | '세')),
        '지' | '제' => strong(ss),
        '재' => strong(ss || EUM_STEMS.contains(&prev)),
        '랑' => strong(prev == '걸'),
        _ => No,
    }
}

/// True when [`ending`] can be anything but `None` for a word whose last char is
/// `last`: the syllables its `match` tests (a test keeps the two in step). Most words
/// end otherwise, and the splitter skips them without looking further.
pub(super) const fn may_end(last: char) -> bool {
    matches!(
        last,
        '다' | '요'
            | '욧'
            | '죠'
            | '쥬'
            | '까'
            | '가'
            | '음'
            | '줌'
            | '봄'
            | '짐'
            | '옴'
            | '감'
            | '김'
            | '됨'
            | '함'
            | '임'
            | '님'
            | '네'
            | '군'
            | '듯'
            | '나'
            | '라'
            | '고'
            | '구'
            | '아'
            | '야'
            | '먼'
            | '당'
            | '용'
            | '유'
            | '지'
            | '제'
            | '재'
            | '랑'
    )
}

/// A filter for [`may_end`] on a syllable's three bytes of UTF-8, as a set of 512
/// hashes: one multiply and one bit test instead of `may_end`'s comparison tree, at the
/// end of every Hangul word. It holds the hash of every syllable `may_end` accepts, so a
/// syllable outside it ends no sentence; the multiplier is chosen so that common
/// word-final syllables (는, 을, 의, 에...) hash apart from them (in the 738 texts of
/// the split corpus, 565 words pass that `may_end` rejects, against 18,069 it accepts;
/// [`ending`] then rejects them). The bytes must be a syllable's: the hash is of their
/// sum, not checked for one.
pub(super) fn may_end_bytes(b0: u8, b1: u8, b2: u8) -> bool {
    let h = may_end_hash((u32::from(b0) << 12) + (u32::from(b1) << 6) + u32::from(b2));
    MAY_END[h / 64] & (1 << (h % 64)) != 0
}

/// The 9-bit hash that [`MAY_END`] is keyed by, of a syllable's UTF-8 bytes summed at
/// their places (`b0 << 12 + b1 << 6 + b2`: its code point plus the bytes' marker bits).
const fn may_end_hash(sum: u32) -> usize {
    ((sum.wrapping_mul(55665) & 0xFFFF) >> 7) as usize
}

/// The hashes of the syllables [`may_end`] accepts (see [`may_end_bytes`]).
static MAY_END: [u64; 8] = {
    // The UTF-8 marker bits of a three-byte char, summed as its bytes are.
    const MARKERS: u32 = (0xE0 << 12) + (0x80 << 6) + 0x80;
    let mut bits = [0; 8];
    let mut index = 0;
    while index < crate::unicode::S_COUNT {
        let code = crate::unicode::S_BASE + index;
        if let Some(c) = char::from_u32(code) {
            if may_end(c) {
                let h = may_end_hash(code + MARKERS);
                bits[h / 64] |= 1 << (h % 64);
            }
        }
        index += 1;
    }
    bits
};

/// Last syllables of connective endings and case particles (때문에, 모르겠지만,
/// 그래서...): a trailing ellipsis after them does not end the sentence.
#[rustfmt::skip]
const CONNECTIVE_LAST: &[char] = &[
    '에', '서', '고', '며', '면', '만', '도', '데', '지', '게', '랑', '와', '과', '을', '를', '은', '는', '이', '가',
    '의', '로', '나', '든', '려', '러', '께', '까', '해', '아', '어',
];

/// True when the Hangul word `w` ends with a connective ending or a case particle.
pub(super) fn is_connective(w: &[char]) -> bool {
    let Some(&last) = w.last() else {
        return false;
    };
    !is_final(w) && CONNECTIVE_LAST.contains(&last)
}

/// Whole words that continue the sentence before them: quotative and auxiliary
/// forms (`"…" 하며`, `~다 보니`), particles and bound nouns written apart
/// (`~다 라고`, `~함 속에`), 등.
#[rustfmt::skip]
const CONT_EXACT: &[&[char]] = words![
    "고", "며", "는", "은", "란", "라", "면서", "라고", "라며", "라는", "라면서", "라구", "등", "등의", "등을", "등이",
    "등은", "등도", "등과", "등으로", "등에", "등에서", "하니", "하니까", "하자", "하여", "해도", "해서", "하길래", "하기에", "하지",
    "하냐", "하면", "하네", "하곤", "하잖아", "보니", "보면", "보니까", "보다", "못해", "치고", "이라고", "이라며", "이라는", "이란",
    "식으로", "말고", "할", "할까", "봐", "봐서", "못", "함", "해", "속", "속에", "속에서", "속으로", "뿐", "만큼",
];

/// Word beginnings that continue the sentence before them (하고, 하며, 했다, 싶어,
/// 생각했다, ~까 두려워, ~할까 걱정이다, ~있을까 의문이다, a video's `구독과 좋아요
/// 부탁드립니다`...).
#[rustfmt::skip]
const CONT_PREFIX: &[&[char]] = words![
    "라고", "라며", "라는", "하고", "하며", "하면서", "하는", "했", "하였", "하더", "하드", "하던", "한다", "하셨", "하시", "싶",
    "하듯", "하겠", "하기", "하게", "하라", "하잖", "해요", "해야", "해라", "합니", "않", "못하", "못했", "못한", "못할",
    "못합", "때문", "덕분", "자체", "생각했",
    "생각한", "생각하", "생각들", "생각된", "생각해", "생각됨", "두려", "무서", "걱정", "우려", "염려",
    "고민", "의문", "부탁",
];

/// Conjunctive adverbs that open a sentence for sure. After a weak final ending
/// (가다, 아사다) only one of these makes a boundary.
#[rustfmt::skip]
const OPENERS: &[&[char]] = words![
    "그리고", "그러나", "그런데", "근데", "하지만", "그래서", "그러니까", "그니까", "그러면", "그럼", "그렇지만", "그치만", "따라서",
    "또한", "게다가", "더구나", "물론", "다만", "한편", "아무튼", "어쨌든", "암튼", "결국", "왜냐하면", "왜냐면", "그러므로", "그러자",
    "그래도", "그리하여", "즉", "반면", "또",
];

/// The leading Hangul of a word (`하며,` → `하며`).
fn hangul_head(w: &[char]) -> &[char] {
    let end = w.iter().position(|&c| !is_syllable(c)).unwrap_or(w.len());
    &w[..end]
}

/// True when the word `w` is a conjunctive adverb that opens a sentence.
pub(super) fn is_opener(w: &[char]) -> bool {
    equals_any(hangul_head(w), OPENERS)
}

/// True when the next word `w` (up to the next whitespace) continues the current
/// sentence instead of starting a new one.
pub(super) fn is_continuation(w: &[char]) -> bool {
    let Some(&first) = w.first() else {
        return false;
    };
    // A word of decorations only (ㅋㅋ, ^^, an emoji) or starting with closing or
    // sentence punctuation belongs to the sentence before it.
    if w.iter().all(|&c| is_decoration(c)) {
        return true;
    }
    if matches!(
        first,
        '.' | ',' | '!' | '?' | '…' | ')' | ']' | '}' | '”' | '’' | '」' | '』' | '》' | '〉' | '>'
    ) {
        return true;
    }
    let core = hangul_head(w);
    !core.is_empty()
        && CONT_FIRST.may_hold(core[0])
        && (equals_any(core, CONT_EXACT) || starts_with_any(core, CONT_PREFIX))
}

/// True when the word `w`, after sentence punctuation and a space, still belongs to the
/// sentence: decorations, closing punctuation, and what no sentence opens with, a
/// particle or quotative written apart (`…다. 라고`, `A. B. 등`). Not the words of
/// [`CONT_PREFIX`], which open sentences (`두려움이 밀려왔다.`, `생각했던 것보다
/// 좋았다.`) and continue one only after an ending without its punctuation (`…할까
/// 두려워`).
pub(super) fn continues_after_stop(w: &[char]) -> bool {
    let core = hangul_head(w);
    if core.len() == w.len() && !core.is_empty() {
        return equals_any(core, CONT_AFTER_STOP);
    }
    is_continuation(w) && (core.is_empty() || equals_any(core, CONT_AFTER_STOP))
}

/// False for the first char of a word that does not continue a sentence after its
/// full stop ([`continues_after_stop`]): a syllable that no word of
/// [`CONT_AFTER_STOP`] starts with, as most words start. (True for any other char.)
pub(super) fn may_continue_after_stop(c: char) -> bool {
    !is_syllable(c) || STOP_FIRST.may_hold(c)
}

/// The first chars of [`CONT_AFTER_STOP`] words.
static STOP_FIRST: FirstChars = FirstChars::of(&[CONT_AFTER_STOP]);

/// The words of [`CONT_EXACT`] that no sentence opens with.
#[rustfmt::skip]
const CONT_AFTER_STOP: &[&[char]] = words![
    "고", "며", "는", "은", "란", "라", "면서", "라고", "라며", "라는", "라면서", "라구", "등", "등의", "등을", "등이",
    "등은", "등도", "등과", "등으로", "등에", "등에서", "이라고", "이라며", "이라는", "이란",
];

/// The first chars of [`CONT_EXACT`] and [`CONT_PREFIX`] words: most words start
/// otherwise, and are ruled out without going through the tables.
static CONT_FIRST: FirstChars = FirstChars::of(&[CONT_EXACT, CONT_PREFIX]);

/// The first chars of the words of some tables, as a set of the chars' low 8 bits:
/// a char outside the set starts no word of the tables (a char in it may).
struct FirstChars([u64; 4]);

impl FirstChars {
    /// The set of first chars of the words of `tables`.
    const fn of(tables: &[&[&[char]]]) -> Self {
        let mut bits = [0; 4];
        let mut t = 0;
        while t < tables.len() {
            let mut w = 0;
            while w < tables[t].len() {
                let [first, ..] = tables[t][w] else {
                    panic!("an empty word in a table");
                };
                let b = *first as usize & 0xFF;
                bits[b / 64] |= 1 << (b % 64);
                w += 1;
            }
            t += 1;
        }
        FirstChars(bits)
    }

    /// False when no word of the tables starts with `c`.
    fn may_hold(&self, c: char) -> bool {
        let b = c as usize & 0xFF;
        self.0[b / 64] & (1 << (b % 64)) != 0
    }
}

/// Decorations that may trail a sentence: laughter and crying jamo (ㅋㅋ, ㅠㅠ, ㅎㅅㅎ),
/// emoji, tildes, hearts, `^^`, `;;`.
pub(crate) fn is_decoration(c: char) -> bool {
    // Nothing below the jamo block but `~ ^ ;`: a quick answer for ASCII.
    if (c as u32) < 0x1100 {
        return matches!(c, '~' | '^' | ';');
    }
    is_jamo(c)
        || is_emoji(c)
        || matches!(
            c,
            '~' | '～' | '〜' | '^' | ';' | '♡' | '♥' | '★' | '☆' | '♪' | '♬' | '♩'
        )
}

/// Decorations that by themselves mark the end of an utterance: two or more
/// jamo (ㅋㅋ), an emoji, hearts, `^^`.
/// (Takes chars, so that a run is read from a word buffer or straight from the line.)
pub(crate) fn is_strong_decoration(run: impl IntoIterator<Item = char>) -> bool {
    let (mut jamo, mut prev) = (0, '\0');
    for c in run {
        jamo += usize::from(is_jamo(c));
        if jamo >= 2 || is_emoji(c) || matches!(c, '♡' | '♥') || (prev, c) == ('^', '^') {
            return true;
        }
        prev = c;
    }
    false
}

/// Compatibility and conjoining jamo (ㄱ..ㅣ, ᄀ..ᇿ).
fn is_jamo(c: char) -> bool {
    matches!(c, '\u{3131}'..='\u{318E}' | '\u{1100}'..='\u{11FF}')
}

/// Emoji and pictographs, with their joiners and modifiers.
fn is_emoji(c: char) -> bool {
    matches!(
        c,
        '\u{1F000}'..='\u{1FAFF}'
            | '\u{2600}'..='\u{27BF}'
            | '\u{2B00}'..='\u{2BFF}'
            | '\u{2300}'..='\u{23FF}'
            | '\u{FE0F}'
            | '\u{200D}'
            | '\u{E0020}'..='\u{E007F}'
    )
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn may_end_covers_every_ending() {
        let context = [
            '했', '하', '습', '니', '이', '있', '없', '좋', '거', '구', '더', '웃', '아', '걸',
            '\0',
        ];
        for c in ('가'..='힣').filter(|&c| !may_end(c)) {
            for &p in &context {
                for &pp in &context {
                    assert_eq!(
                        ending(&[pp, p, c]),
                        Ending::None,
                        "{pp}{p}{c}: update may_end"
                    );
                    assert_eq!(ending(&[p, c]), Ending::None, "{p}{c}: update may_end");
                }
            }
        }
    }

    #[test]
    fn ending_reads_no_more_than_its_span() {
        let heads = ['가', '그', '라', '\0'];
        let words = NOT_DA.iter().chain(NOT_YO).map(|w| w.to_vec()).chain(
            [
                "했다",
                "합니다",
                "하다",
                "했습니다",
                "좋아요",
                "더라고",
                "하더라구",
                "할까",
                "웃김",
            ]
            .iter()
            .map(|s| w(s)),
        );
        for word in words {
            for &h in &heads {
                let mut long = vec![h, h];
                long.extend(&word);
                let long: Vec<char> = long.into_iter().filter(|&c| c != '\0').collect();
                let span = &long[long.len().saturating_sub(ENDING_SPAN)..];
                assert_eq!(ending(&long), ending(span), "{long:?}");
            }
        }
    }

    #[test]
    fn may_continue_after_stop_passes_every_word_that_does() {
        for w in CONT_AFTER_STOP {
            assert!(may_continue_after_stop(w[0]));
        }
        assert!(may_continue_after_stop('.') && !may_continue_after_stop('그'));
    }

    #[test]
    fn may_end_bytes_passes_every_may_end() {
        for c in '가'..='힣' {
            let mut b = [0; 3];
            c.encode_utf8(&mut b);
            assert!(!may_end(c) || may_end_bytes(b[0], b[1], b[2]), "{c}");
        }
    }

    #[test]
    fn tables_decode_at_compile_time() {
        const WORDS: &[&[char]] = words!["a", "é", "가나", "🙂x", ""];
        for (&got, s) in WORDS.iter().zip(["a", "é", "가나", "🙂x", ""]) {
            assert_eq!(got, s.chars().collect::<Vec<_>>());
        }
        for word in CONT_EXACT.iter().chain(CONT_PREFIX) {
            assert!(CONT_FIRST.may_hold(word[0]));
            assert!(is_continuation(word));
        }
    }

    fn w(s: &str) -> Vec<char> {
        s.chars().collect()
    }

    #[test]
    fn finals() {
        let finals = "했다 간다 먹는다 좋다 학생이다 합니다 있습니다 갑시다 해요 좋네요 그렇죠 \
                      할까 갑니까 했음 없음 앉음 완료됨 추천함 대비용임 아님 좋네 했군 하는구나 \
                      하더라 하더라고 그렇잖아 할거야 안되는구먼 잘됐네용 않아유 했지 설명해줌 \
                      해봄 가져감 참고하세욧";
        for s in finals.split(' ') {
            let e = ending(&w(s)).in_style(false);
            assert_eq!(e, Ending::Strong, "{s} should end a sentence");
        }
        for s in ["가다", "아사다", "듯"] {
            assert_eq!(ending(&w(s)), Ending::Weak, "{s} should be a weak ending");
        }
        let others = "다 바다 나보다 날마다 캐나다 가져다 필요 주요 아까 그러니까 처음 마음 \
                      다음 얼음 볶음 사물함 게임 책임 동네 장군 하지 그러나 먹고 요 봄 짐";
        for s in others.split(' ').chain([""]) {
            assert_eq!(ending(&w(s)), Ending::None, "{s} should not be final");
        }
    }

    #[test]
    fn style_dependent_endings() {
        // In punctuated text a bare noun form is a noun and 하다 a connective.
        for s in ["천안함", "했음", "완료됨"] {
            assert_eq!(ending(&w(s)), Ending::Nominal, "{s}");
            assert_eq!(ending(&w(s)).in_style(true), Ending::None, "{s}");
        }
        for s in ["하다", "다르다", "기미가요"] {
            assert_eq!(ending(&w(s)), Ending::Plain, "{s}");
            assert_eq!(ending(&w(s)).in_style(true), Ending::Weak, "{s}");
            assert_eq!(ending(&w(s)).in_style(false), Ending::Strong, "{s}");
        }
        for s in ["했다", "해요", "합니다"] {
            assert_eq!(ending(&w(s)).in_style(true), Ending::Strong, "{s}");
        }
    }

    #[test]
    fn connectives() {
        assert!(is_connective(&w("때문에")));
        assert!(is_connective(&w("모르겠지만")));
        assert!(!is_connective(&w("침침했던")));
        assert!(!is_connective(&w("했다")));
    }

    #[test]
    fn continuations() {
        for s in "하며 라고 고 하는 했다 보니 ㅋㅋ 등을 😀 ) 하며, 생각했다 두려웠고".split(' ')
        {
            assert!(is_continuation(&w(s)), "{s} should continue");
        }
        for s in "하지만 한편 그러나 오늘은 한 하늘이 2월 라면은 아이가"
            .split(' ')
            .chain([""])
        {
            assert!(!is_continuation(&w(s)), "{s} should not continue");
        }
    }

    #[test]
    fn openers() {
        assert!(is_opener(&w("그리고")));
        assert!(is_opener(&w("하지만,")));
        assert!(!is_opener(&w("그리고는")));
    }

    #[test]
    fn decorations() {
        assert!(is_strong_decoration(w("ㅋㅋ")));
        assert!(is_strong_decoration(w("^^")));
        assert!(is_strong_decoration(w("😀")));
        assert!(!is_strong_decoration(w("~")));
        assert!(!is_strong_decoration(w("ㅋ")));
        assert!(is_decoration('~') && !is_decoration('*'));
        assert_eq!(jong('했'), Some(JONG_SS));
        assert_eq!(jong('a'), None);
        assert!(has_jong_m('움') && !has_jong_m('우'));
    }
}
