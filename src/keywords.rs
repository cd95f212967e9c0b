//! Keywords: the stems that carry a text, scored by where they occur.
//!
//! A stem's score is its TF-IDF mass over the content sentences (the weights of the
//! unit-length sentence vectors of [`crate::similarity::Vectors`]), each sentence
//! counted by `KEYWORD_BASE + weight / best weight` ([`Ranker::topic_weights`]): a
//! stem that runs through the important sentences beats one that fills a long aside. Stems are the normalized
//! forms people recognise (`클라우드`, not `클라우드를`); boilerplate (bylines,
//! copyright lines) never contributes, nor do dates, counts and amounts (`12일`,
//! `3억원`), one-syllable words or stopwords. A Hangul stem must also be seen used as
//! a noun somewhere in the text ([`used_as_noun`]): `늘어` (from `늘어난`), `바꾸`
//! (`바꾸기로`) or `있었` (`있었다`) are verb forms, not topics.

use crate::rank::Ranker;

/// Every content sentence counts at least this much, the best sentence `1 +` this.
const KEYWORD_BASE: f64 = 0.5;

/// On texts with at least this many content sentences, a keyword must occur in two
/// of them: a stem used once is a detail, not a topic. (When fewer than asked for do,
/// the stems used once follow them: a short text repeats few words, and gave no
/// keywords at all.)
const MIN_SENTENCES_FOR_REPEAT: usize = 4;

/// The best keyword-like stems searched for in the text, at most ([`used_as_noun`],
/// [`written_form`]): a text whose stems were nearly all turned down (thousands of verb
/// forms, `늘릴 수 있고`) was searched once for each of them, which took seconds for
/// 100 KB. Of 838 texts (KorQuAD, news, the dev file, fixtures) none looked at more
/// than 26 stems.
const MAX_CANDIDATES: usize = 64;

/// The `n` best keywords of the text ranked by `ranker`, best first, each with a
/// score scaled so the best keyword has 1. Ties go to the stem seen first, so the
/// result is deterministic. Fewer than `n` come back when the text has fewer stems
/// that qualify.
///
/// ```
/// let sentences = [
///     "정부가 클라우드 산업을 핵심 인프라로 육성한다.",
///     "클라우드 기업들은 세제 지원을 요청했다.",
///     "업계는 클라우드 육성 정책을 환영했다.",
/// ];
/// let ranker = ksum::rank::Ranker::new(&sentences);
/// let top = ksum::keywords::keywords(&ranker, &sentences, 3);
/// assert_eq!(top[0].0, "클라우드");
/// assert_eq!(top[0].1, 1.0);
/// ```
///
/// `sentences` are the sentences `ranker` was made from.
pub fn keywords(ranker: &Ranker, sentences: &[&str], n: usize) -> Vec<(String, f64)> {
    let vectors = &ranker.vectors;
    let scores = ranker.topic_weights();
    // (Weights are never NaN: `>` is `max`, which is a call in wasm.)
    let best = scores
        .iter()
        .fold(0.0, |best, &s| if s > best { s } else { best });
    let mut mass = vec![0.0f64; vectors.term_count()];
    // For each term, how many content sentences have it and the first of them, where
    // `used_as_noun` starts looking.
    let mut seen = vec![(0u32, u32::MAX); vectors.term_count()];
    let mut content = 0usize;
    for (i, v) in vectors.iter().enumerate() {
        let menu_item = ranker.fragment[i] && one_word_with_letters(sentences[i]);
        if ranker.excluded[i] || v.is_empty() || menu_item {
            continue;
        }
        content += 1;
        let weight = KEYWORD_BASE + if best > 0.0 { scores[i] / best } else { 0.0 };
        for &(term, w) in v.0 {
            let t = term as usize;
            mass[t] += weight * w as f64;
            let seen = &mut seen[t];
            seen.0 += 1;
            seen.1 = seen.1.min(i as u32);
        }
    }
    merge_bare_forms(vectors, &mut mass, &mut seen);
    let min_sentences: u32 = if content >= MIN_SENTENCES_FOR_REPEAT {
        2
    } else {
        1
    };
    // (Room for all terms up front: collected from a filter, the list would grow step by
    // step.)
    let mut repeated: Vec<usize> = Vec::with_capacity(vectors.term_count());
    repeated
        .extend((0..vectors.term_count()).filter(|&t| mass[t] > 0.0 && seen[t].0 >= min_sentences));
    // Best first, from a heap: only the terms looked at are ever ordered, and names
    // are made only for them. Then, if need be, the stems used once.
    let mut once: Vec<usize>;
    let mut ranked = crate::rank::ByScore::new(&mut repeated, &mass);
    let mut in_once = false;
    let mut top = Vec::with_capacity(n);
    let mut candidates = 0;
    while top.len() < n && candidates < MAX_CANDIDATES {
        let t = match ranked.pop() {
            Some(t) => t,
            None if !in_once && min_sentences > 1 => {
                in_once = true;
                once = (0..vectors.term_count())
                    .filter(|&t| mass[t] > 0.0 && seen[t].0 < min_sentences)
                    .collect();
                ranked = crate::rank::ByScore::new(&mut once, &mass);
                continue;
            }
            None => break,
        };
        let term = vectors.term(t);
        let from = seen[t].1 as usize;
        if !is_keyword_like(&term) {
            continue;
        }
        candidates += 1;
        let Some(ending) = used_as_noun(ranker, from, sentences, t as u32, &term) else {
            continue;
        };
        // (A syllable of `NOUN_OR_SUFFIX` added keeps the stem keyword-like.)
        let shown = match written_form(ranker, from, sentences, t as u32, &term, ending) {
            // (`가지` is shown as `가지고`, a verb form, where the text writes it so.)
            Some(written) if is_not_topic(&written) => continue,
            Some(written) => written,
            None => term,
        };
        if !top
            .iter()
            .any(|(kept, _): &(String, f64)| overlaps(kept, &shown))
        {
            top.push((shown, mass[t]));
        }
    }
    let best = top.first().map_or(1.0, |&(_, m)| m);
    // Scores never rise down the list (a stem used once may weigh more than the last
    // repeated one).
    let mut last = 1.0f64;
    top.into_iter()
        .map(|(term, m)| {
            // (`<` for `min`, as above.)
            let score = m / best;
            if score < last {
                last = score;
            }
            (term, last)
        })
        .collect()
}

/// Last syllables of nouns that the normalizer strips from a bare word as a particle
/// (`따릉이` → `따릉`, `우리나라` → `우리나`) but keeps before another particle
/// (`따릉이를` → `따릉이`).
const STRIPPED_WHEN_BARE: [char; 2] = ['이', '라'];

/// Counts the stem of a bare noun (`따릉`, from `따릉이`) as the stem the text gives the
/// same noun before a particle (`따릉이`, from `따릉이를`), when it has that one too: one
/// keyword, not two that each fall short (`mass` and `seen` are per term, as in
/// [`keywords`]). Stems are matched by their syllable keys.
fn merge_bare_forms(
    vectors: &crate::similarity::Vectors,
    mass: &mut [f64],
    seen: &mut [(u32, u32)],
) {
    use crate::normalize::{syllable_key, KeyMap, KEY_BITS};
    let last_mask = (1u64 << KEY_BITS) - 1;
    // The stems of three or four syllables that end so, by the key of the stem without
    // that syllable (of two syllables or more). A map: a long text has thousands.
    let mut whole: Option<KeyMap<u32>> = None;
    // The last syllables of the keys in `whole`, a bit each (by the key's low six bits):
    // most stems end in none of them and are passed by without hashing.
    let mut ends = 0u64;
    for (t, (key, &m)) in vectors.term_keys().zip(mass.iter()).enumerate() {
        let Some(key) = key.filter(|_| m > 0.0) else {
            continue;
        };
        let (head, last) = (key >> KEY_BITS, key & last_mask);
        if head >> KEY_BITS > 0 && STRIPPED_WHEN_BARE.iter().any(|&c| last == syllable_key(c)) {
            let map = whole.get_or_insert_with(|| KeyMap::with_capacity(16));
            *map.get_or_insert_with(head, || t as u32) = t as u32;
            ends |= 1 << (head & 63);
        }
    }
    let Some(whole) = whole else {
        return;
    };
    for (x, key) in vectors.term_keys().enumerate() {
        let Some(key) = key.filter(|&key| ends & (1 << (key & 63)) != 0 && mass[x] > 0.0) else {
            continue;
        };
        let Some(&t) = whole.get(key) else {
            continue;
        };
        let t = t as usize;
        mass[t] += mass[x];
        seen[t] = (seen[t].0 + seen[x].0, seen[t].1.min(seen[x].1));
        mass[x] = 0.0;
    }
}

/// True when `line` has at most one word with a letter in it (not only digits and
/// signs). A line of one such word that is no sentence is a menu item or a button of a
/// page pasted whole (`구독`, `정치`, `공감 45`, `댓글 128`): its words are no topic, and
/// its unit vector would give its word a whole sentence's weight. (It stops at a second
/// word: headlines, the usual lines that are no sentence, have one within a few bytes.)
fn one_word_with_letters(line: &str) -> bool {
    let (mut words, mut in_word, mut counted) = (0, false, false);
    for &b in line.as_bytes() {
        if b <= b' ' {
            in_word = false;
            continue;
        }
        if !in_word {
            in_word = true;
            counted = false;
        }
        // Any byte of a non-ASCII char counts as a letter (Hangul, Han, Latin with accents).
        if !counted && (b >= 0x80 || b.is_ascii_alphabetic()) {
            if words == 1 {
                return false;
            }
            counted = true;
            words += 1;
        }
    }
    true
}

/// True when Hangul stems `a` and `b` are one word and that word with more after it
/// (`순천`/`순천시`, `광양보건대`/`광양보건대학교`, `임상병리`/`임상병리사`): shown side by
/// side they read as the same keyword twice, so only the better one is kept. Two words
/// that only begin alike (`임상병리사`/`임상병리과`, `광양시`/`광양읍`) both stay, and so do
/// Latin words (`art`/`artist`).
fn overlaps(a: &str, b: &str) -> bool {
    let (short, long) = if a.len() <= b.len() { (a, b) } else { (b, a) };
    crate::unicode::starts_with(long.as_bytes(), short.as_bytes())
        && short.chars().all(crate::unicode::is_hangul_syllable)
}

/// Adverbs and pronouns, which stand alone as words as nouns do (`새로`, `직접`, `어디`),
/// the stems of `이러한`/`그러한`, nouns of time, share, extent or order (`이후`, `이달`,
/// `절반`, `최대`, `주요`), and verb
/// forms common in news that no ending rule tells (`말한`, `밝힌`, `나온`, `열린`, `가진`,
/// `걸쳐`, `아닌`; the adnominals among them the commonest in the bench texts): they
/// name no topic. (The commonest adverbs, `너무`, `다시`, are no terms at all:
/// [`crate::normalize`]'s stopwords.) They stay terms of the sentence vectors (the ranking is not changed);
/// they are only never shown as keywords.
const NOT_TOPICS: &[&str] = &[
    "겨우",
    "더욱",
    "새로",
    "직접",
    "처음",
    "먼저",
    "크게",
    "미리",
    "각각",
    "적극",
    "최대",
    "최소",
    "이달",
    "어디",
    "아직",
    "보다",
    "조금",
    "계속",
    "서로",
    "점점",
    "이제",
    "역시",
    "물론",
    "거의",
    "자주",
    "항상",
    "오직",
    "결국",
    "비록",
    "만약",
    "아마",
    "과연",
    "당장",
    "무척",
    "번째",
    "이러",
    "그러",
    "저러",
    "주요",
    "이후",
    "당시",
    "자신",
    "자기",
    "그녀",
    "그들",
    "그의",
    "그가",
    "이들",
    "이것",
    "그것",
    "일부",
    "절반",
    "전체",
    "전부",
    "대다수",
    "대부분",
    "기존",
    "지금",
    "나중",
    "미만",
    "가량",
    "비슷",
    "가까운",
    "걸쳐",
    "나온",
    "말한",
    "밝힌",
    "할지",
    "열린",
    "가진",
    "나선",
    "올린",
    "빠른",
    "만난",
    "끝난",
    "어려운",
    "뜨거운",
    "내린",
    "오른",
    "담긴",
    "앞선",
    "아니",
    "아닌",
    "아닐",
    "좋아",
    "가지고",
    "다음",
];

/// [`NOT_TOPICS`] by their syllable keys ([`crate::normalize::short_key`]), sorted, for
/// [`is_not_topic`]. Worked out by the compiler: the words themselves are not in the
/// binary.
const NOT_TOPIC_KEYS: [u64; NOT_TOPICS.len()] = sorted_keys(NOT_TOPICS);

/// True when `word` is one of [`NOT_TOPICS`]: its syllable key, searched for in
/// [`NOT_TOPIC_KEYS`] by halves. (Compared with each word of the list, a stem cost
/// about 900 instructions, 1% of a summary of the seed article.)
fn is_not_topic(word: &str) -> bool {
    hangul_key(word.as_bytes()).is_some_and(|key| NOT_TOPIC_KEYS.binary_search(&key).is_ok())
}

/// The syllable keys ([`hangul_key`]) of `words`, sorted (by insertion: the compiler
/// runs it). A word that has none stops the build.
const fn sorted_keys<const N: usize>(words: &[&str]) -> [u64; N] {
    let mut keys = [0u64; N];
    let mut i = 0;
    while i < N {
        let Some(key) = hangul_key(words[i].as_bytes()) else {
            panic!("not a Hangul word of up to four syllables");
        };
        let mut j = i;
        while j > 0 && keys[j - 1] > key {
            keys[j] = keys[j - 1];
            j -= 1;
        }
        keys[j] = key;
        i += 1;
    }
    keys
}

/// The [`crate::normalize::short_key`] of a word (UTF-8) of one to four Hangul
/// syllables, `None` for any other. Read as three bytes of UTF-8 from a char boundary,
/// a syllable gives an index below [`crate::unicode::S_COUNT`] exactly when it is one
/// (as in [`crate::unicode::syllable_index`]).
const fn hangul_key(bytes: &[u8]) -> Option<u64> {
    const MARKERS: u32 = (0xE0 << 12) | (0x80 << 6) | 0x80;
    if bytes.is_empty() || bytes.len() > 12 || bytes.len() % 3 != 0 {
        return None;
    }
    let (mut key, mut i) = (0u64, 0);
    while i < bytes.len() {
        let sum = ((bytes[i] as u32) << 12) + ((bytes[i + 1] as u32) << 6) + bytes[i + 2] as u32;
        let index = sum.wrapping_sub(MARKERS + crate::unicode::S_BASE);
        if index >= crate::unicode::S_COUNT {
            return None;
        }
        key = (key << crate::normalize::KEY_BITS) | (index as u64 + 1);
        i += 3;
    }
    Some(key)
}

/// True when `word` is one of `list`: its last byte first, as most words differ there
/// from a listed word of their length, and a call to compare them whole cost more.
/// Not inlined: one copy of the loop for every list.
#[inline(never)]
fn is_one_of(word: &str, list: &[&str]) -> bool {
    let last = word.as_bytes().last();
    list.iter()
        .any(|w| w.as_bytes().last() == last && *w == word)
}

/// True for stems that can be keywords: at least two characters, not a number with a
/// counter or unit (`2024년`, `12일`, `3억원`, `30인`; `5g` or `ai` pass), not one of
/// [`NOT_TOPICS`], with no past-tense syllable anywhere (`했으니`, `있었`: batchim ㅆ
/// is verbal, no noun has it) and not a formal ending ([`is_formal_ending`]) nor a
/// present-tense one ([`is_present_declarative`]).
fn is_keyword_like(stem: &str) -> bool {
    let mut chars = stem.chars();
    let (Some(first), Some(_)) = (chars.next(), chars.next()) else {
        return false;
    };
    let counted_number = first.is_ascii_digit() && !stem.is_ascii();
    !counted_number
        && !stem.chars().all(|c| c.is_ascii_digit())
        && !is_not_topic(stem)
        && !stem.chars().any(is_past_tense)
        && !is_formal_ending(stem)
        && !is_present_declarative(stem)
        && !is_adverb_or_verb_in_hi(stem)
}

/// True for a stem ending in `히` after any syllable but `리` or `치`: an adverb
/// (`꾸준히`, `여전히`, `면밀히`, `흔히`) or a passive or causative verb's stem
/// (`막히`, from `막히는`; `넓히`), never a topic. Nouns so ended are German names
/// (`하인리히`, `취리히`, `라이프치히`), which keep it.
fn is_adverb_or_verb_in_hi(stem: &str) -> bool {
    let mut chars = stem.chars().rev();
    chars.next() == Some('히') && !matches!(chars.next(), Some('리' | '치') | None)
}

/// True for a predicate's `-다` left whole after a syllable with a batchim: a verb's
/// present tense (`연다`, `바꾼다`; `짓는다` is `짓` and `는다`) or an adjective (`많다`,
/// `높다`, `없다`). A headline and a sentence that end with the same verb (`… 독서교실
/// 연다`, `… 8일부터 연다.`) used to make it a keyword, and a short text its adjectives.
/// A noun that ends in a batchim takes the copula as `이다` (`학생이다`), so no noun
/// ends so but a few (`판다`, the animal, written so as the verb).
fn is_present_declarative(stem: &str) -> bool {
    ends_after_batchim(stem, '다', None)
}

/// True for a stem left by the formal `-ㅂ니다`/`-습니다` without its `다` (`같습니`,
/// `좋습니`, `갑니`): `니` after a syllable with batchim ㅂ ends no noun.
fn is_formal_ending(stem: &str) -> bool {
    ends_after_batchim(stem, '니', Some(FORMAL_BATCHIM))
}

/// True when `stem` ends with `last` after a Hangul syllable with a batchim, `batchim`
/// when given.
fn ends_after_batchim(stem: &str, last: char, batchim: Option<u32>) -> bool {
    let mut chars = stem.chars().rev();
    matches!((chars.next(), chars.next()), (Some(l), Some(c))
        if l == last
            && has_batchim(c)
            && batchim.is_none_or(|b| (c as u32 - crate::unicode::S_BASE) % 28 == b))
}

/// True for a Hangul syllable with a batchim (a final consonant).
fn has_batchim(c: char) -> bool {
    crate::unicode::is_hangul_syllable(c) && (c as u32 - crate::unicode::S_BASE) % 28 != 0
}

/// Batchim ㅂ, of the formal ending (`합니다`, `같습니다`).
const FORMAL_BATCHIM: u32 = 17;

/// True for a Hangul syllable with batchim ㅆ (`했`, `있`, `됐`).
fn is_past_tense(c: char) -> bool {
    crate::unicode::is_hangul_syllable(c)
        && (c as u32 - crate::unicode::S_BASE) % 28 == PAST_BATCHIM
}

/// Particles that verbs take too (`산업은`/`받은`, `클라우드는`/`바꾸는`, `산업을`/`받을`,
/// `늘어나`, `인프라지만`/`크지만`): evidence of neither.
const AFTER_EITHER: &[&str] = &["은", "는", "을", "나", "며", "고", "지만"];

/// What the normalizer strips as a particle but follows only verbs (`하도록`).
const AFTER_VERB: &[&str] = &["도록"];

/// True when `rest`, the rest of a word after a stem, is a particle (of
/// [`crate::normalize::PARTICLES`], which has the copula and the plural `들` too) that
/// only nouns take.
fn after_noun(rest: &str) -> bool {
    crate::normalize::is_particle(rest)
        && !is_one_of(rest, AFTER_EITHER)
        && !is_one_of(rest, AFTER_VERB)
}

/// First syllables of what follows a noun that is not a particle: `하다`/`되다`
/// (`육성한다`, `구축했다`, `선정된`) and the suffix `-적` (`보수적인`, `집중적으로`).
const NOUN_VERB_START: &[char] = &[
    '하', '한', '할', '함', '합', '해', '했', '되', '된', '될', '됨', '됩', '돼', '됐', '적',
];

/// Last syllables of verb forms that stand alone as words (`놓고`, `늘어`, `맞아`,
/// `심하게`, `들떠`) or of a noun with `와`/`과` left on (`벼와`): a word ending in one
/// of these is no evidence of a noun by itself.
const CONNECTIVE_END: &[char] = &[
    '고', '게', '며', '아', '어', '여', '떠', '써', '봐', '줘', '와', '과', '해', '돼', '져', '워',
];

/// Batchim ㅆ: a syllable that carries the past tense (`있었`, `했`, `됐`).
const PAST_BATCHIM: u32 = 20;

/// True unless the stem `term` (term id `t` of `ranker`'s vectors, first seen in
/// sentence `from`) is used as a verb
/// and never as a noun: a noun is seen before a particle, the copula, `하다`/`되다` or
/// `-적`, or as a whole word; a verb before an ending (`늘어난`, `바꾸기로`) or as a
/// whole word ending like one (`놓고`, `맞아`). A stem seen only before `은`, `는` or
/// `을` counts as a noun unless [`has_verb_forms`] finds it is a verb. Non-Hangul stems
/// (`ai`, `5g`) always pass.
///
/// `None` for a verb; for a noun, the ending of [`NOUN_OR_SUFFIX`] that every word
/// starting with it goes on with, if one does ([`written_form`]), found by the same walk
/// over its uses (one walk, not two: most stop at the stem's first use).
fn used_as_noun(
    ranker: &Ranker,
    from: usize,
    sentences: &[&str],
    t: u32,
    term: &str,
) -> Option<Option<&'static str>> {
    let last = term.chars().last()?;
    if !crate::unicode::is_hangul_syllable(last) {
        return Some(None);
    }
    // `으` left from `으로` (`순으`), and `는` (`먹는`, `읽는`): never a noun (a
    // past-tense syllable, `있었`, is ruled out by `is_keyword_like`).
    if last == '으' || last == '는' || is_auxiliary_form(term) {
        return None;
    }
    let verb_like_end = CONNECTIVE_END.contains(&last);
    // The copula is `이다` after a batchim (`학생이다`): `다` right after one ends a
    // predicate (`어렵다`, `높다`).
    let predicate_da = has_batchim(last);
    let adnominal_l = (last as u32 - crate::unicode::S_BASE) % 28 == ADNOMINAL_L;
    let (mut as_noun, mut as_verb) = (false, false);
    // Whole words of a stem ending in ㄹ: before a dependent noun, and not.
    let (mut before_dependent, mut plain) = (0usize, 0usize);
    // The ending of `NOUN_OR_SUFFIX` after the uses so far, while all had the same.
    let (mut next, mut same) = (None, true);
    for_each_use(ranker, from, sentences, t, term, &mut |rest, after| {
        // (Once a noun use is seen, only the ending is looked for.)
        if !as_noun {
            if predicate_da && rest.starts_with('다') {
                as_verb = true;
            } else if rest.is_empty() && adnominal_l {
                if before_dependent_noun(after) {
                    before_dependent += 1;
                } else {
                    plain += 1;
                }
            } else if rest.is_empty() {
                as_noun |= !verb_like_end;
                as_verb |= verb_like_end;
            } else if after_noun(rest) || rest.starts_with(|c: char| NOUN_VERB_START.contains(&c)) {
                as_noun = true;
            } else if !is_one_of(rest, AFTER_EITHER) {
                as_verb = true;
            }
        }
        if same {
            let ending = NOUN_OR_SUFFIX
                .iter()
                .find(|e| crate::unicode::starts_with(rest.as_bytes(), e.as_bytes()));
            same = ending.is_some() && next.is_none_or(|n| Some(n) == ending);
            next = ending;
        }
        !as_noun || same
    });
    as_noun |= plain > before_dependent;
    as_verb |= before_dependent > 0;
    let noun = as_noun || (!as_verb && !has_verb_forms(sentences, from, term));
    noun.then(|| next.filter(|_| same).copied())
}

/// Batchim ㄹ, of a verb's adnominal `-ㄹ` (`늘릴`, `바꿀`) as of many nouns (`기술`,
/// `서울`).
const ADNOMINAL_L: u32 = 8;

/// True when `after`, what follows a word, starts with a dependent noun that follows a
/// verb's adnominal `-ㄹ` (`늘릴 수 있다`, `바꿀 것으로`, `할 뿐`, `될 듯하다`): a word
/// ending in ㄹ before one is a verb. (Not `때`, which follows nouns as often: `명절
/// 때`; `수` alone or before `가`, `는` or `도` only: `학생 수` counts, `수출` is a word.)
fn before_dependent_noun(after: &str) -> bool {
    let Some(next) = after.strip_prefix(' ') else {
        return false;
    };
    // By bytes: the word ends at an ASCII byte (a space, a mark) or the text's end.
    let b = next.as_bytes();
    let whole = |n: &[u8]| b.starts_with(n) && b.get(n.len()).is_none_or(u8::is_ascii);
    ["것", "뿐", "듯"]
        .iter()
        .any(|n| b.starts_with(n.as_bytes()))
        || ["수", "수가", "수는", "수도", "줄"]
            .iter()
            .any(|n| whole(n.as_bytes()))
}

/// Verb forms made with an auxiliary after `-어`/`-아` (`알려진`, `만들어진`, `일어난`,
/// `펼쳐진`, `이뤄진`, `생겨난`, `들어간`): the connective's syllable, then the auxiliary's
/// adnominal. Only stems of three syllables or more: `여진` and `어간` are nouns.
/// (`사진`, `가난`, `자본`: `-아` is left out, for the nouns that end like it.)
fn is_auxiliary_form(term: &str) -> bool {
    let mut chars = term.chars().rev();
    let (Some(last), Some(connective), Some(_)) = (chars.next(), chars.next(), chars.next()) else {
        return false;
    };
    AUXILIARY_ADNOMINAL.contains(&last) && CONNECTIVE_EO.contains(&connective)
}

/// The adnominals of the auxiliaries 지다, 나다, 내다, 두다, 보다, 오다, 가다.
const AUXILIARY_ADNOMINAL: &[char] = &['진', '난', '낸', '둔', '본', '온', '간'];

/// `-어` as it ends a verb stem's last syllable (`알려`, `펼쳐`, `이뤄`, `생겨`).
const CONNECTIVE_EO: &[char] = &[
    '어', '려', '져', '쳐', '워', '뤄', '러', '겨', '혀', '켜', '펴', '셔',
];

/// Calls `visit` with the rest of each word of `sentences` (from sentence `from` on)
/// that starts with the stem `term` (term id `t`), what follows the stem up to the
/// word's end, and the text after that word, until `visit` returns false.
fn for_each_use(
    ranker: &Ranker,
    from: usize,
    sentences: &[&str],
    t: u32,
    term: &str,
    visit: &mut dyn FnMut(&str, &str) -> bool,
) {
    for_each_sentence(ranker, from, sentences, t, &mut |sentence| {
        word_uses(sentence, term, visit)
    });
}

/// Calls `visit` with each of `sentences` from sentence `from` on whose vector has the
/// term `t`, until `visit` returns false.
fn for_each_sentence<'a>(
    ranker: &Ranker,
    from: usize,
    sentences: &[&'a str],
    t: u32,
    visit: &mut dyn FnMut(&'a str) -> bool,
) {
    for (i, sentence) in sentences.iter().enumerate().skip(from) {
        let has = ranker
            .vectors
            .get(i)
            .is_some_and(|v| v.0.binary_search_by_key(&t, |&(id, _)| id).is_ok());
        if has && !visit(sentence) {
            return;
        }
    }
}

/// Calls `visit` with the rest of each word of `sentence` that starts with `stem` (what
/// follows it up to the word's end) and the text after that word, until `visit`
/// returns false, and then returns false. (One shared walk, not a copy per caller.)
#[inline(never)]
fn word_uses(sentence: &str, stem: &str, visit: &mut dyn FnMut(&str, &str) -> bool) -> bool {
    for at in find_all(sentence.as_bytes(), stem.as_bytes()) {
        if sentence
            .get(..at)
            .unwrap_or_default()
            .chars()
            .next_back()
            .is_some_and(is_word_char)
        {
            continue; // inside a word
        }
        let tail = sentence.get(at + stem.len()..).unwrap_or_default();
        let end = tail.find(|c: char| !is_word_char(c)).unwrap_or(tail.len());
        let (rest, after) = (
            tail.get(..end).unwrap_or_default(),
            tail.get(end..).unwrap_or_default(),
        );
        if !visit(rest, after) {
            return false;
        }
    }
    true
}

/// Batchims that a verb stem ending in a vowel takes in its own forms: ㄴ, ㄹ and ㅂ
/// (`바꾸`: `바꾼다`, `바꿀`, `바꿉니다`), as offsets in a Hangul syllable.
const VERB_BATCHIMS: [u32; 3] = [4, 8, 17];

/// Syllables that go on from such a verb form (`바꾼다`, `바꿉니다`, `바꿀지`, `바꿀게`).
const VERB_FORM_NEXT: &[char] = &['다', '니', '데', '지', '까', '게'];

/// How many sentences before and after a stem's first one are searched for its verb forms.
const VERB_FORM_WINDOW: usize = 256;

/// True when the stem `term`, first seen in sentence `from`, ends in a vowel and a word
/// near it is the stem with that syllable given ㄴ, ㄹ or ㅂ (`바꾸` from `바꾸는`, beside
/// `바꾼다`): a verb, which `은`/`는`/`을` after it could not tell from a noun.
fn has_verb_forms(sentences: &[&str], from: usize, term: &str) -> bool {
    let mut chars = term.chars();
    let Some(last) = chars.next_back() else {
        return false;
    };
    let head = chars.as_str();
    if head.is_empty()
        || !crate::unicode::is_hangul_syllable(last)
        || (last as u32 - crate::unicode::S_BASE) % 28 != 0
    {
        return false;
    }
    let window =
        from.saturating_sub(VERB_FORM_WINDOW)..sentences.len().min(from + VERB_FORM_WINDOW);
    let mut found = false;
    for sentence in &sentences[window] {
        // The form ends there (`바꾼`, `바꿀`) or an ending follows (`바꾼다`, not `농진청`).
        word_uses(sentence, head, &mut |rest, _| {
            let mut rest = rest.chars();
            let inflected = rest
                .next()
                .is_some_and(|c| VERB_BATCHIMS.iter().any(|&j| c as u32 == last as u32 + j));
            found = inflected && rest.next().is_none_or(|c| VERB_FORM_NEXT.contains(&c));
            !found
        });
        if found {
            return true;
        }
    }
    false
}

/// Endings of nouns that are particles or endings as well, which the normalizer strips
/// from a bare word all the same (`디자인`, `모바일`, `중간보고`, `태권도`, `우리나라`,
/// `카메라`, and names from abroad: `코로나`, `바나나`, `우크라이나`; `이승만`), longer
/// first.
const NOUN_OR_SUFFIX: &[&str] = &["이나", "인", "일", "고", "도", "나", "만", "라"];

/// The stem `term` (term id `t`, first seen in sentence `from`) as the text writes it,
/// when that differs: if every word that starts with it goes on with the same ending of
/// [`NOUN_OR_SUFFIX`] (`디자인`, `태권도`/`태권도는`, `우크라이나`/`우크라이나는`), that
/// ending was part of the word, not a suffix, and the keyword is shown with it (`ending`,
/// as [`used_as_noun`] found it). A Latin stem is shown as [`latin_form`] finds it.
fn written_form(
    ranker: &Ranker,
    from: usize,
    sentences: &[&str],
    t: u32,
    term: &str,
    ending: Option<&str>,
) -> Option<String> {
    if term.is_ascii() {
        return latin_form(ranker, from, sentences, t, term);
    }
    Some(format!("{term}{}", ending?))
}

/// A Latin stem (the normalizer lowercases them: `ai`, `fc`) as the text first writes it
/// (`AI`, `FC`), when that differs.
#[inline(never)]
fn latin_form(
    ranker: &Ranker,
    from: usize,
    sentences: &[&str],
    t: u32,
    term: &str,
) -> Option<String> {
    let mut found = None;
    for_each_sentence(ranker, from, sentences, t, &mut |sentence| {
        // Words of letters, digits and hyphens inside (`HX-9`, `Wi-Fi`).
        found = sentence
            .split(|c: char| !c.is_ascii_alphanumeric() && c != '-')
            .find(|word| word.eq_ignore_ascii_case(term));
        found.is_none()
    });
    found.filter(|&word| word != term).map(str::to_owned)
}

/// The places of the non-overlapping occurrences of `needle` (not empty) in `hay`,
/// from the left, as `str::match_indices` gives them: each is a char boundary when
/// both are UTF-8. A plain search (needles are short stems) where the standard
/// library's two-way searcher costs 2 KB of wasm.
fn find_all<'a>(hay: &'a [u8], needle: &'a [u8]) -> impl Iterator<Item = usize> + 'a {
    let first = needle[0];
    let mut from = 0;
    std::iter::from_fn(move || {
        // First and last byte before the rest (compared from the end, inline): in Korean
        // text a syllable's lead byte is one of four, so most windows fail on the last
        // byte, never comparing more.
        let at = from
            + hay
                .get(from..)?
                .windows(needle.len())
                .position(|w| w[0] == first && crate::unicode::ends_with(w, needle))?;
        from = at + needle.len();
        Some(at)
    })
}

/// `char::is_alphanumeric`, answered for Hangul syllables without the Unicode table.
fn is_word_char(c: char) -> bool {
    crate::unicode::is_hangul_syllable(c) || c.is_alphanumeric()
}

#[cfg(test)]
mod tests {
    use super::*;

    /// The words of the `n` best keywords of a text, in order.
    #[derive(Debug)]
    struct Words(Vec<String>);

    impl Words {
        fn of(text: &[&str], n: usize) -> Self {
            Words(
                keywords(&Ranker::new(text), text, n)
                    .into_iter()
                    .map(|(w, _)| w)
                    .collect(),
            )
        }

        fn has(&self, word: &str) -> bool {
            self.0.iter().any(|w| w == word)
        }

        /// Asserts that none of `verbs` and all of `nouns` are among the keywords.
        fn show_nouns_not_verbs(&self, nouns: &[&str], verbs: &[&str]) {
            for verb in verbs {
                assert!(!self.has(verb), "{verb:?} is a verb form: {self:?}");
            }
            for noun in nouns {
                assert!(self.has(noun), "{noun:?} is missing: {self:?}");
            }
        }
    }

    const ARTICLE: [&str; 7] = [
        "[가상일보 김하늘 기자]",
        "정부가 클라우드 산업을 핵심 인프라로 육성하기로 했다.",
        "클라우드 기업에는 세제 혜택과 해외 진출 지원이 주어진다.",
        "업계는 클라우드 육성 정책을 환영했다.",
        "정부는 2025년까지 클라우드 전문 인력 3만명을 양성할 계획이다.",
        "지난 12일 열린 간담회에는 기업 대표 20명이 참석했다.",
        "ⓒ 가상일보 무단 전재 및 재배포 금지",
    ];

    #[test]
    fn keywords_are_stems_best_first() {
        let top = keywords(&Ranker::new(&ARTICLE), &ARTICLE, 3);
        assert_eq!(top[0].0, "클라우드", "topic word not first: {top:?}");
        assert!(
            top.iter().any(|(w, _)| w == "육성"),
            "육성하기로/육성 not merged: {top:?}"
        );
        assert_eq!(top[0].1, 1.0);
        assert!(
            top.windows(2).all(|w| w[0].1 >= w[1].1),
            "not sorted: {top:?}"
        );
    }

    #[test]
    fn keywords_skip_boilerplate_numbers_and_particles() {
        let top = keywords(&Ranker::new(&ARTICLE), &ARTICLE, 50);
        for (word, score) in &top {
            assert!(
                !["가상일보", "김하늘", "무단", "2025년", "12일", "3만명"].contains(&word.as_str()),
                "{word:?} should not be a keyword: {top:?}"
            );
            assert!(
                !word.ends_with(['를', '을', '는', '은']),
                "particle left on {word:?}"
            );
            assert!(score.is_finite() && *score > 0.0 && *score <= 1.0);
        }
    }

    #[test]
    fn a_short_text_whose_words_are_used_once_still_has_keywords() {
        // Four sentences, no stem in two of them: the stems used once, best first.
        let text = [
            "해오름시가 시내버스 요금을 무료화한다고 12일 밝혔다.",
            "광역시 가운데 처음이다.",
            "시는 연간 1200억원을 투입할 계획이다.",
            "재원은 국비와 시비로 충당한다.",
        ];
        let top = keywords(&Ranker::new(&text), &text, 5);
        let words: Vec<&str> = top.iter().map(|(w, _)| w.as_str()).collect();
        assert_eq!(words.len(), 5, "{top:?}");
        assert!(
            words.contains(&"시내버스") && words.contains(&"무료화"),
            "{top:?}"
        );
        assert!(
            top.windows(2).all(|w| w[0].1 >= w[1].1),
            "not sorted: {top:?}"
        );
        // A stem used twice comes before all of them.
        let mut more = text.to_vec();
        more.push("재원 마련이 관건이다.");
        let top = keywords(&Ranker::new(&more), &more, 5);
        assert_eq!(top[0].0, "재원", "{top:?}");
    }

    #[test]
    fn keyword_edge_cases() {
        assert!(keywords(&Ranker::new(&[]), &[], 5).is_empty());
        assert!(keywords(&Ranker::new(&ARTICLE), &ARTICLE, 0).is_empty());
        let one = ["정부가 클라우드 산업을 육성한다."];
        let short = keywords(&Ranker::new(&one), &one, 5);
        assert!(
            short.iter().any(|(w, _)| w == "클라우드"),
            "one-sentence text should still give keywords: {short:?}"
        );
        let a = keywords(&Ranker::new(&ARTICLE), &ARTICLE, 5);
        let b = keywords(&Ranker::new(&ARTICLE), &ARTICLE, 5);
        assert_eq!(a, b, "keywords are not deterministic");
    }

    #[test]
    fn adverbs_in_hi_and_periphrastic_verbs_are_not_keywords() {
        // 꾸준히 and 여전히 are adverbs, 막히 (막히는) a passive verb's stem, 가지고 the
        // verb of `가지고 있다`, 다음 "next"; 하인리히 is a name.
        let text = [
            "하인리히 교수는 철도 수요가 꾸준히 늘어 노선이 여전히 막히는 문제를 연구했다.",
            "철도 노선이 막히는 구간은 다음 달 조사된다.",
            "하인리히 교수는 철도 노선 자료를 가지고 있다.",
            "시는 꾸준히 철도 수요를 조사해 다음 계획에 반영하고 여전히 자료를 가지고 있다.",
            "철도 노선 문제는 여전히 꾸준히 제기됐다.",
        ];
        Words::of(&text, 20).show_nouns_not_verbs(
            &["철도", "하인리히", "노선"],
            &["꾸준히", "여전히", "막히", "가지고", "가지", "다음"],
        );
    }

    #[test]
    fn verb_forms_are_not_keywords() {
        // 늘어 (늘어난, 늘어), 있었 (있었다), 놓고 and 맞아 are verb forms; 인력, 정원,
        // 행정 and 수요 are nouns, seen as words or before particles.
        let text = [
            "시청 공무원 정원이 늘어난 것은 행정 수요가 늘어 인력을 맞아 들였기 때문이다.",
            "정원 확대를 놓고 논란이 있었다.",
            "시는 정원 증원으로 행정 수요에 대응하고 인력 운용을 개선한다.",
            "행정 수요가 늘어 시민 불편이 있었다고 시는 설명했다.",
            "인력 증원을 놓고 시의회는 정원 조례를 심사했다.",
        ];
        Words::of(&text, 20).show_nouns_not_verbs(
            &["정원", "행정", "수요", "인력"],
            &["늘어", "있었", "놓고", "맞아"],
        );
    }

    #[test]
    fn spoken_polite_verb_forms_are_not_keywords() {
        // A blog's style: `해요`, `돼요` and `거예요` stand as words of their own.
        let text = [
            "이번 달부터 도서관 열람실이 밤 12시까지 열어서 공부가 잘 돼요.",
            "열람실에 가려면 출입 카드를 챙겨 가야 해요.",
            "도서관 매점은 일찍 닫으니 간식은 미리 사 가야 해요.",
            "다음에는 분관 열람실도 가 볼 거예요.",
            "시험 기간에는 열람실 자리가 금방 차니 일찍 가야 돼요.",
            "도서관 열람실 덕분에 시험 준비가 편해질 거예요.",
        ];
        Words::of(&text, 20)
            .show_nouns_not_verbs(&["열람실", "도서관"], &["해요", "돼요", "거예요"]);
    }

    #[test]
    fn adnominal_verb_forms_are_not_keywords() {
        // `알려진` and `먹는` are verbs before a noun, each seen twice as a whole word
        // and once before `다`; `사진` ends like `알려진` but with `-아`, a noun.
        let text = [
            "오스카는 잘 알려진 물고기로 작은 새우를 먹는 습성이 있다.",
            "오스카 사진 속 물고기는 새우를 먹는다고 알려진다.",
            "알려진 것과 달리 오스카는 곤충도 먹는 물고기다.",
            "사진 전시회는 오스카 사진을 모았다.",
        ];
        Words::of(&text, 20)
            .show_nouns_not_verbs(&["오스카", "물고기", "사진"], &["알려진", "먹는"]);
    }

    #[test]
    fn a_word_in_l_before_a_dependent_noun_is_a_verb() {
        // 늘릴 is seen once before a noun (in the headline) and twice before 수: a
        // verb. 기술 and 서울, whole words that end in ㄹ too, stay nouns; 학생 수 counts.
        let text = [
            "가상대 연구팀, 배터리 수명 두 배 늘릴 기술 개발",
            "서울 가상대 연구팀이 배터리 수명을 두 배로 늘릴 수 있는 기술을 개발했다.",
            "연구팀은 \"배터리 교체 주기를 늘릴 수 있을 것\"이라고 말했다.",
            "서울 지역 학생 수가 줄어 배터리 기술 교육도 줄었다.",
        ];
        Words::of(&text, 20).show_nouns_not_verbs(&["배터리", "기술", "서울"], &["늘릴"]);
        assert!(before_dependent_noun(" 수 있는") && before_dependent_noun(" 것으로"));
        assert!(before_dependent_noun(" 수가 없다") && !before_dependent_noun(" 수출"));
        assert!(!before_dependent_noun("수 있는") && !before_dependent_noun(" 때"));
        assert!(!before_dependent_noun(" 수요") && before_dependent_noun(" 줄 몰랐다"));
    }

    #[test]
    fn a_word_and_its_longer_form_are_one_keyword() {
        let text = [
            "순천시는 순천 방문의 해를 맞아 관광객 유치에 나선다.",
            "순천시는 순천만 정원과 순천 원도심을 잇는 관광 코스를 만든다.",
            "관광객이 늘면 순천 지역 상권도 살아날 것으로 순천시는 기대한다.",
            "순천시 관계자는 관광 코스 안내를 늘리겠다고 말했다.",
        ];
        let words = Words::of(&text, 10);
        assert_eq!(
            words.0.iter().filter(|w| w.starts_with("순천")).count(),
            1,
            "순천 and 순천시 both shown: {words:?}"
        );
        assert!(words.has("관광객") || words.has("관광"), "{words:?}");
        assert!(overlaps("순천", "순천시") && overlaps("순천시", "순천"));
        assert!(!overlaps("임상병리사", "임상병리과"));
        assert!(!overlaps("광양시", "광양읍"));
        assert!(!overlaps("art", "artist"));
    }

    #[test]
    fn a_stem_seen_with_verb_batchims_is_a_verb() {
        // 바꾸 is seen only before 는, which nouns take too, but 바꾼다 and 바꿀 are its
        // verb forms. 농지 stays a noun beside 농진청 (no ending after 진).
        let text = [
            "시내버스 절반 전기버스로 바꾼다",
            "시는 시내버스를 전기버스로 바꾸는 계획과 농지 정비 계획을 내놓았다.",
            "시내버스를 바꾸는 비용과 농지 정비 비용은 농진청과 나눈다.",
            "시는 내년에 시내버스 노선도 바꿀 계획이다.",
        ];
        let words = Words::of(&text, 10);
        assert!(!words.has("바꾸"), "{words:?}");
        assert!(words.has("농지") && words.has("시내버스"), "{words:?}");
        assert!(has_verb_forms(&text, 1, "바꾸"));
        assert!(!has_verb_forms(&text, 1, "농지"));
        assert!(!has_verb_forms(&text, 1, "계획"), "ends in a batchim");
    }

    #[test]
    fn keywords_keep_a_last_syllable_the_normalizer_strips() {
        // Bare, 디자인 and 태권도 lose 인 and 도 in the normalizer (as 업체인, 허리도 would);
        // a keyword is shown the way the text always writes it.
        let text = [
            "시는 태권도 시범단의 새 디자인 공모를 시작했다.",
            "새 디자인 공모에는 태권도 동호인도 참여할 수 있다.",
            "태권도는 시의 대표 종목이고 디자인 공모는 다음달 마감한다.",
            "업체인 두 곳과 업체로 등록된 세 곳이 공모 안내를 돕는다.",
        ];
        let words = Words::of(&text, 10);
        assert!(words.has("디자인") && words.has("태권도"), "{words:?}");
        assert!(!words.has("디자") && !words.has("태권"), "{words:?}");
        assert!(!words.has("업체인"), "{words:?}");
        // So too names from abroad that end like `나` or `이나` ("or").
        let text = [
            "우크라이나 정부는 코로나 방역을 강화했다.",
            "코로나 확진자가 늘자 우크라이나 보건부는 병상을 늘렸다.",
            "우크라이나는 코로나 백신을 더 들여온다.",
        ];
        let words = Words::of(&text, 10);
        assert!(words.has("우크라이나") && words.has("코로나"), "{words:?}");
        assert!(!words.has("우크라") && !words.has("코로"), "{words:?}");
        let text = [
            "이승만 정부는 농지 개혁을 서둘렀다.",
            "농지 개혁은 이승만 정부의 첫 과제였다.",
        ];
        assert!(Words::of(&text, 10).has("이승만"));
        // And nouns that end like the copula's `라`.
        let text = [
            "우리나라 경제가 어렵다.",
            "우리나라는 수출 의존도가 높다.",
            "우리나라의 카메라 수출이 늘었다.",
            "카메라 업체들은 반겼다.",
        ];
        let words = Words::of(&text, 10);
        assert!(words.has("우리나라") && words.has("카메라"), "{words:?}");
        // Bare in one sentence (stem `따릉`) and before a particle in another (`따릉이`):
        // one keyword, which each form alone, in one sentence, would not be.
        let text = [
            "따릉이 요금이 내년에 오른다.",
            "따릉이를 타는 시민들은 반발했다.",
            "시는 요금 인상이 불가피하다고 밝혔다.",
            "시민단체는 인상 철회를 요구했다.",
        ];
        let words = Words::of(&text, 10);
        assert!(words.has("따릉이") && !words.has("따릉"), "{words:?}");
    }

    #[test]
    fn adjectives_are_no_keywords() {
        // `다` right after a batchim ends a predicate: a noun takes `이다` there.
        let text = [
            "우리나라 경제가 어렵다.",
            "우리나라는 수출 의존도가 높다.",
            "수출 기업의 부담이 어렵다는 말이 많다.",
        ];
        let words = Words::of(&text, 10);
        assert!(words.has("우리나라") && words.has("수출"), "{words:?}");
        assert!(
            !words.has("어렵") && !words.has("높다") && !words.has("많다"),
            "{words:?}"
        );
    }

    #[test]
    fn latin_keywords_are_written_as_in_the_text() {
        let text = [
            "정부가 AI 반도체와 5G 통신에 투자한다.",
            "AI 반도체 기업과 5G 장비 업체가 지원을 받는다.",
            "업계는 AI 반도체 투자를 환영했다.",
        ];
        let words = Words::of(&text, 10);
        assert!(words.has("AI") && words.has("5G"), "{words:?}");
        assert!(!words.has("ai"), "{words:?}");
        // A product's name with its number, whole.
        let text = [
            "가상전자가 온디바이스 AI 칩 HX-9을 공개했다.",
            "HX-9은 전작 HX-8보다 전력 효율이 높다.",
            "가상전자는 HX-9을 내년부터 양산한다.",
        ];
        let words = Words::of(&text, 10);
        assert!(words.has("HX-9") && !words.has("HX"), "{words:?}");
    }

    #[test]
    fn find_all_matches_match_indices() {
        for (hay, needle) in [
            ("가가가가가", "가가"),
            ("클라우드는 클라우드를", "클라우드"),
            ("abcabc", "c"),
            ("", "가"),
            ("가", "가나"),
        ] {
            let want: Vec<usize> = hay.match_indices(needle).map(|(i, _)| i).collect();
            let got: Vec<usize> = find_all(hay.as_bytes(), needle.as_bytes()).collect();
            assert_eq!(got, want, "{hay:?} {needle:?}");
        }
    }

    #[test]
    fn not_topics_are_found_by_their_keys() {
        for word in NOT_TOPICS {
            assert!(is_not_topic(word), "{word:?}");
        }
        for word in ["", "다", "클라우드", "다음달", "가지고a", "ai", "abc", "😀"] {
            assert!(!is_not_topic(word), "{word:?}");
        }
        assert!(
            NOT_TOPIC_KEYS.windows(2).all(|w| w[0] < w[1]),
            "a word twice"
        );
    }

    #[test]
    fn keyword_like_stems() {
        let cases = [
            ("클라우드", true),
            ("ai", true),
            ("5g", true),
            ("2025년", false),
            ("12일", false),
            ("2024", false),
            ("쌀", false),
            ("말한", false),
            ("주요", false),
            ("이후", false),
            ("절반", false),
            ("했으니", false),
            ("있었", false),
            ("같습니", false),
            ("갑니", false),
            ("연다", false),
            ("바꾼다", false),
            ("많다", false),
            ("높다", false),
            ("바다", true),
            ("어머니", true),
            ("꾸준히", false),
            ("여전히", false),
            ("흔히", false),
            ("막히", false),
            ("하인리히", true),
            ("취리히", true),
            ("라이프치히", true),
            ("다음", false),
            ("가지고", false),
            ("그녀", false),
            ("그의", false),
            ("이들", false),
            ("열린", false),
            ("새로", false),
            ("직접", false),
            ("최대", false),
            ("어디", false),
            ("씨앗", true),
        ];
        for (stem, want) in cases {
            assert_eq!(is_keyword_like(stem), want, "is_keyword_like({stem:?})");
        }
    }
}
