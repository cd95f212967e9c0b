//! Korean word normalization for similarity: words become stems.
//!
//! Korean attaches particles (조사) and verb endings (어미) to words, so `클라우드를`,
//! `클라우드는` and `클라우드의` are one word to a reader but three strings to a
//! computer. [`terms`] splits a sentence into words and strips the longest known
//! particle or ending, keeping a stem of at least two syllables; verbs made from a
//! noun with `하다`/`되다` (`육성하고`, `구축했다`) are reduced to the noun. A small
//! suffix table does this; no dictionary is needed.

use crate::unicode::syllable_index;

/// The words of one of the word lists below.
#[cfg(test)]
fn words(list: &str) -> impl Iterator<Item = &str> {
    list.split_ascii_whitespace()
}

/// True when `word` is one of the [`PARTICLES`] (one probe of the suffix table).
pub(crate) fn is_particle(word: &str) -> bool {
    let mut syllables = [0u16; MAX_SUFFIX_SYLLABLES];
    let n = read_syllables(word.as_bytes(), &mut syllables);
    n > 0 && 3 * n == word.len() && Tables::get().probe(&syllables[..n]) & PARTICLE != 0
}

// The word lists below are each one string, the words a space apart and the last
// followed by one (a slice of strings would spend 8 bytes of wasm on each word's address
// and length). [`Tables::get`] reads them in place.

/// Particles (조사) and their common combinations, stripped from Hangul words like
/// [`PREDICATE_SUFFIXES`]; the two are the suffix table. Order does not matter:
/// [`strip`] always tries the longest match.
pub(crate) const PARTICLES: &str = concat!(
    "이 가 은 는 을 를 의 에 와 과 도 만 로 으로 ",
    "에서 에게 께서 한테 까지 부터 보다 처럼 ",
    "마다 대로 조차 라도 이나 나 이란 란 이라 라 ",
    "이며 며 이고 고 이다 다 에는 에서는 에서도 ",
    "에도 으로는 로는 으로도 로도 으로서 로서 ",
    "으로써 로써 과의 와의 에의 에서의 으로의 ",
    "로의 만의 까지의 이라는 라는 이라고 라고 ",
    "이라며 라며 이었다 였다 이었고 였고 인 일 ",
    "임 입니다 이었습니다 였습니다 이지만 지만 ",
    "이며 들 들이 들은 들을 들의 들에게 들과 ",
    "들도 들에 들로 들이다 에게는 에게도 보다는 ",
    "부터는 까지는 만은 만을 만이 도록 로부터 ",
    "으로부터 들로부터 에게서 뿐 뿐이다 뿐만 ",
    // spoken (`남편이랑`; not `랑`: `아리랑`)
    "이랑 이랑은 이랑도 ",
);

/// Endings stripped from Hangul words: of 하다/되다/시키다 verbs built on a noun, and
/// plain endings after a predicate stem (see [`PARTICLES`]).
const PREDICATE_SUFFIXES: &str = concat!(
    // 하다 / 되다 / 시키다 verbs built on a noun
    "하다 한다 했다 하는 하고 하며 하여 해 해서 ",
    "해야 하기 하기로 하기에 하기도 할 한 하면 ",
    "하면서 하지 하지만 했고 했으며 했지만 ",
    "했습니다 합니다 하겠다 하겠습니다 하도록 ",
    "하려는 하려고 하자 해도 했던 하던 하게 함 ",
    "함께 하기를 했는데 하는데 한다고 했다고 ",
    "한다는 했다는 하는지 할지 하여야 하다고 하다는 하다며 ",
    // the written style's 하였다 / 되었다 (`역임하였다`, `선정되었으며`)
    "하였다 하였고 하였으며 하였으나 하였는데 ",
    "하였다고 하였다는 하였지만 하였을 하였던 ",
    "했으나 했을 되었고 되었으며 되었으나 ",
    "되었던 되었는데 되었다는 되었다고 ",
    "되었지만 되었을 되어야 된다 됐다 되는 되고 ",
    "되면서 되거나 하거나 ",
    "되며 된 될 되어 돼 되기 되면 되지 되었다 ",
    "됩니다 됐습니다 되었습니다 되자 됐고 ",
    "되는데 된다고 됐다고 된다는 됐다는 됨 ",
    "시킨다 시켰다 시키는 시키고 시켜 시킬 시킨 ",
    "시켜야 적 적인 적으로 적이다 적이 적을 ",
    "스럽다 스러운 스럽게 롭다 로운 롭게 ",
    // plain endings after a predicate stem
    "습니다 였습니다 겠다 겠습니다 었다 았다 ",
    "어요 아요 에요 예요 이에요 네요 군요 지요 ",
    "죠 ",
);

/// English function words by length, two letters to seven, lowercase, each group's
/// words one space apart: no terms, as the Hangul [`STOPWORDS`] are not, so an English
/// passage (or a whole English text pasted) gives `federal` and `rates` for keywords,
/// not `the` and `had`. (Grouped by length, a lookup compares a word with a few words
/// of its length, and the table is a few hundred bytes of wasm.)
const ENGLISH_STOPWORDS: [&str; 6] = [
    "am an as at be by do he if in is it me my no of on or so to up us we",
    "all and any are but can did for had has her him his how its may not now one our \
     out she the too was who why you",
    "also been does from have here into just more most only over said says some than \
     that them then they this very were what when will with your",
    "about after again being could other their there these those under where which \
     while would",
    "before should",
    "through",
];

/// Words that carry no topic even after stripping (function words, reporting verbs).
const STOPWORDS: &str = concat!(
    "것 수 등 및 그 이 저 이번 지난 오는 위해 ",
    "통해 대한 대해 ",
    // the same function words with 서 and their 관하다/의하다 kin
    "위해서 통해서 대해서 관해 관해서 관한 의해 ",
    "의해서 의한 관련 있다 없다 있는 없는 있고 ",
    "있어 밝혔다 말했다 전했다 설명했다 ",
    "강조했다 덧붙였다 예정이다 계획이다 했다 ",
    "한다 된다 됐다 그러나 하지만 또한 또 이에 ",
    "이날 따라 따르면 때문 때문에 가운데 올해 ",
    "지난해 현재 최근 그리고 그래서 그렇다면 ",
    "그러면 그러자 그야말로 더욱더 제대로 ",
    "스스로 곧바로 때때로 가까스로 수없이 ",
    "수많은 그냥 일단 여기 거기 저기 저희 ",
    "그래도 그래 분들 다들 정도 그런데 따라서 ",
    "그러므로 게다가 어떤 여러 정말 진짜 너무 ",
    "매우 아주 이미 다시 바로 모두 많이 한편 ",
    "이어 특히 가장 모든 같은 같다 같이 이런 ",
    "그런 있습니다 없습니다 했습니다 ",
    "밝혔습니다 말했습니다 기자 뉴스 위한 통한 ",
    "함께 있도록 만큼 아니라 그동안 앞으로 ",
    "앞으로도 비롯한 따른 다양한 이라며 라며 ",
    "이다 이라고 면서 이상 이하 경우 다른 많은 ",
    "높은 좋은 새로운 ",
    // fragments left by quotes and parentheses (`…”고 말했다`, `…”며`, `…”라고`,
    // `…’이라는`, `…”라는`)
    "라고 이라 라 고 며 는 은 로 에 의 과 와 가 ",
    "될 할 큰 해 ",
    // one-syllable function words and counters
    "더 한 각 약 총 전 후 중 간 내 외 위 뒤 앞 때 ",
    "곳 점 측 대 개 명 원 년 월 일 번 씨 님 분 건 ",
    "데 뿐 듯 채 줄 바 만 안 못 잘 좀 꼭 다 왜 나 ",
    "너 우리 제 시 도 군 구 동 면 를 을 ",
    // light verbs and `것` in the spoken polite style of blogs and interviews (`가야
    // 해요`, `잘 돼요`, `할 거예요`)
    "해요 했어요 돼요 됐어요 봐요 줘요 있어요 없어요 같아요 싶어요 ",
    "거예요 거에요 거죠 거든요 건데 거야 ",
    // requests and the spoken first person (`볶아 주세요`, `확인해 주시기 바랍니다`)
    "주세요 주시기 주십시오 바랍니다 하자 그럼 내가 제가 네가 하여야 ",
    // days and times, as 올해 and 최근 above
    "오늘 어제 내일 요즘 가까이 ",
);

/// Particles that may be stripped from a two-syllable word, leaving one syllable
/// (`쌀을` → `쌀`). `이`, `가`, `의`, `도` and `과` are left alone there: far more
/// two-syllable nouns end in them (`아이`, `증가`, `회의`, `정도`, `효과`) than
/// one-syllable nouns take them.
const SHORT_PARTICLES: &[char] = &['을', '를', '은', '는', '에'];

/// Two-syllable case particles that only nouns take (`에서`, `에게`, `으로`, `까지`,
/// `부터`, `처럼`, `에는`, `에도`), as syllable indices: stripped from a three-syllable
/// word, they leave its one-syllable noun (`집에서` → `집`, `일까지` → `일`). No
/// three-syllable word ends in one of them and is a noun whole.
const NOUN_CASE_PAIRS: [[u16; 2]; 8] = [
    pair('에', '서'),
    pair('에', '게'),
    pair('으', '로'),
    pair('까', '지'),
    pair('부', '터'),
    pair('처', '럼'),
    pair('에', '는'),
    pair('에', '도'),
];

/// The syllable indices of two Hangul syllables.
const fn pair(a: char, b: char) -> [u16; 2] {
    [index_of(a), index_of(b)]
}

/// Words whose ending looks like a particle but is part of the noun; never stripped.
/// Kept short: only very frequent news nouns where stripping merges unrelated words
/// (`전라남도` → `전라남`, `어린이` → `어린`, `전문가` → `전문`).
const KEEP_WHOLE: &str = concat!(
    "어린이 전문가 관계자 참가자 전라남도 ",
    "전라북도 경상남도 경상북도 충청남도 ",
    "충청북도 제주도 마을 가을 ",
);

/// One-syllable nouns that carry no topic; with a particle attached (`것으로`,
/// `수도`, `등을`) they are function words too.
const FUNCTION_NOUNS: &[char] = &['것', '수', '등', '때', '곳', '중', '데', '뿐', '듯', '앞'];

/// Bits per syllable in a [`short_key`]: syllable indices are below 11172 < 2^14.
pub(crate) const KEY_BITS: u32 = 14;

/// Up to four syllable indices (`가` = 0) as one number: each index plus one in 14
/// bits, first syllable highest, so terms of different lengths never share a key.
/// `None` for longer terms.
pub(crate) fn short_key(syllables: &[u16]) -> Option<u64> {
    (syllables.len() <= 4).then(|| {
        syllables
            .iter()
            .fold(0u64, |k, &s| (k << KEY_BITS) | (u64::from(s) + 1))
    })
}

/// Five to eight syllable indices as two numbers: the [`short_key`]s of the first four
/// and of the rest. `None` for other lengths.
fn long_key(syllables: &[u16]) -> Option<(u64, u64)> {
    let (head, rest) = syllables.split_at_checked(4)?;
    Some((short_key(head)?, short_key(rest).filter(|&k| k > 0)?))
}

/// The text of a [`short_key`].
pub(crate) fn short_key_text(mut key: u64) -> String {
    let mut syllables = [0u16; 4];
    let mut n = 0;
    while key > 0 && n < 4 {
        syllables[n] = (key & ((1 << KEY_BITS) - 1)) as u16 - 1;
        key >>= KEY_BITS;
        n += 1;
    }
    // Room for the three bytes of each syllable up front: collected, the string grew
    // from one byte a syllable.
    let mut text = String::with_capacity(3 * n);
    for &s in syllables[..n].iter().rev() {
        text.push(char::from_u32(crate::unicode::S_BASE + u32::from(s)).unwrap_or('\u{FFFD}'));
    }
    text
}

/// A hash map keyed by [`short_key`]s, cheaper than a general one for them: keys
/// are nonzero integers, so Fibonacci hashing (one multiplication) spreads them well.
/// Linear probing in a power-of-two table of indices, kept at most half full (so a
/// missing key is found missing after two or three slots), into the entries in order
/// of insertion.
pub(crate) struct KeyMap<V> {
    /// Per slot, 1 + the index in `entries` of its key, or 0 when free.
    slots: Vec<u32>,
    entries: Vec<(u64, V)>,
    /// 64 minus the log2 of the table size: the shift that turns a hash into a slot.
    shift: u32,
}

impl<V> KeyMap<V> {
    /// A map with room for `n` keys before it grows.
    pub(crate) fn with_capacity(n: usize) -> Self {
        let mut map = KeyMap {
            slots: Vec::new(),
            entries: Vec::with_capacity(n),
            shift: 0,
        };
        map.resize((2 * n + 1).next_power_of_two().max(16));
        map
    }

    /// The value of `key`.
    pub(crate) fn get(&self, key: u64) -> Option<&V> {
        self.find(key).ok().map(|e| &self.entries[e].1)
    }

    /// The value of `key`, first inserted as `new()` when it is missing.
    pub(crate) fn get_or_insert_with(&mut self, key: u64, new: impl FnOnce() -> V) -> &mut V {
        if 2 * (self.entries.len() + 1) > self.slots.len() {
            self.resize(2 * self.slots.len());
        }
        let e = match self.find(key) {
            Ok(e) => e,
            Err(slot) => {
                self.slots[slot] = self.entries.len() as u32 + 1;
                self.entries.push((key, new()));
                self.entries.len() - 1
            }
        };
        &mut self.entries[e].1
    }

    /// The index in `entries` of `key`, or else the free slot where it goes.
    fn find(&self, key: u64) -> Result<usize, usize> {
        let mut slot = (key.wrapping_mul(0x9E37_79B9_7F4A_7C15) >> self.shift) as usize;
        loop {
            match self.slots[slot].checked_sub(1) {
                None => return Err(slot),
                Some(e) if self.entries[e as usize].0 == key => return Ok(e as usize),
                Some(_) => slot = (slot + 1) & (self.slots.len() - 1),
            }
        }
    }

    /// Rebuilds the table with `size` slots.
    fn resize(&mut self, size: usize) {
        self.slots = vec![0; size];
        self.shift = 64 - size.trailing_zeros();
        for e in 0..self.entries.len() {
            if let Err(slot) = self.find(self.entries[e].0) {
                self.slots[slot] = e as u32 + 1;
            }
        }
    }
}

/// Membership of a word in the tables ([`Tables::flags`]).
const SUFFIX: u8 = 1;
const STOPWORD: u8 = 2;
const KEEP: u8 = 4;
/// Beside [`SUFFIX`]: the suffix is one of the [`PARTICLES`] ([`is_particle`]).
const PARTICLE: u8 = 8;

/// The syllable indices of a word made only of Hangul syllables, else `None`.
fn syllables_of(word: &str) -> Option<Vec<u16>> {
    word.chars()
        .map(|c| {
            let i = (c as u32).wrapping_sub(crate::unicode::S_BASE);
            (i < crate::unicode::S_COUNT).then_some(i as u16)
        })
        .collect()
}

/// The suffixes ([`PARTICLES`], [`PREDICATE_SUFFIXES`]), [`STOPWORDS`] and
/// [`KEEP_WHOLE`] (all Hangul, a test checks) as one
/// lookup by syllables: one probe answers all three for a word.
struct Tables {
    /// Entries of up to four syllables: per slot, a [`short_key`] with its flags in the
    /// top eight bits, or 0 when free (Fibonacci hashing, linear probing, like
    /// [`KeyMap`], but with the flags in the slot, not in an entry it points to, and a
    /// fixed number of slots, so that a slot needs no bounds check: a probe is one
    /// load a slot). Sparse, as most lookups miss.
    short: Box<[u64; SHORT_SLOTS]>,
    /// The few longer entries (five to seven syllables), by [`long_key`].
    long: Vec<((u64, u64), u8)>,
    /// Per syllable, which entries start or end with it ([`Tables::starts`]): a word or
    /// tail that cannot be an entry by these (one load) needs no hashing. One slot per
    /// 14-bit number, so that a syllable index masked to 14 bits needs no bounds check.
    roles: Box<[u16; ROLE_SLOTS]>,
}

/// The number of slots of [`Tables::short`]: about sixteen a word of the tables.
const SHORT_SLOTS: usize = 1 << 13;

/// The bits of a [`Tables::short`] slot that hold its key (the rest, its flags).
const SHORT_KEY_MASK: u64 = (1 << (4 * KEY_BITS)) - 1;

/// The number of slots of [`Tables::roles`]: every syllable index is below it
/// (11172 < 2^14).
const ROLE_SLOTS: usize = 1 << KEY_BITS;

/// In [`Tables::roles`]: the syllable is one of [`FUNCTION_NOUNS`]. Bits 0 to 5 say a
/// suffix of one to six syllables starts with it, bits 8 to 14 a stopword or
/// whole-kept word of one to seven syllables ([`Tables::starts`]).
const FUNCTION_NOUN: u16 = 1 << 6;
/// In [`Tables::roles`]: some suffix ends with the syllable.
const SUFFIX_ENDS: u16 = 1 << 7;
/// In [`Tables::roles`]: some stopword or whole-kept word ends with the syllable.
const WORD_ENDS: u16 = 1 << 15;

impl Tables {
    fn get() -> &'static Tables {
        static TABLES: std::sync::OnceLock<Tables> = std::sync::OnceLock::new();
        TABLES.get_or_init(|| {
            let mut tables = Tables {
                short: Box::new([0; SHORT_SLOTS]),
                long: Vec::new(),
                roles: Box::new([0; ROLE_SLOTS]),
            };
            for &c in FUNCTION_NOUNS {
                tables.roles[usize::from(index_of(c))] |= FUNCTION_NOUN;
            }
            for (list, flag, also) in [
                (PARTICLES, SUFFIX, PARTICLE),
                (PREDICATE_SUFFIXES, SUFFIX, 0),
                (STOPWORDS, STOPWORD, 0),
                (KEEP_WHOLE, KEEP, 0),
            ] {
                // Decoded into one buffer, not a vector per word: this runs in the first
                // summary, before the engine has optimized anything.
                let mut buf = [0u16; 16];
                let mut rest = list.as_bytes();
                while !rest.is_empty() {
                    // A word and its space (all Hangul syllables: a test checks).
                    let n = read_syllables(rest, &mut buf);
                    rest = &rest[(3 * n + 1).min(rest.len())..];
                    if n == 0 {
                        continue;
                    }
                    let syllables = &buf[..n];
                    let (first, last) = (syllables[0], syllables[n - 1]);
                    tables.roles[usize::from(first)] |= Self::start_bit(flag, syllables.len());
                    tables.roles[usize::from(last)] |= if flag == SUFFIX {
                        SUFFIX_ENDS
                    } else {
                        WORD_ENDS
                    };
                    let flag = flag | also;
                    match short_key(syllables) {
                        Some(k) => {
                            let slot = tables.short_slot(k);
                            tables.short[slot] |= k | u64::from(flag) << (4 * KEY_BITS);
                        }
                        None => {
                            let k = long_key(syllables);
                            match tables.long.iter_mut().find(|(s, _)| Some(*s) == k) {
                                Some((_, flags)) => *flags |= flag,
                                None => tables.long.extend(k.map(|k| (k, flag))),
                            }
                        }
                    }
                }
            }
            tables
        })
    }

    /// The bit of [`Tables::roles`] for entries with `flag` ([`SUFFIX`], else a word
    /// of [`STOPWORDS`] or [`KEEP_WHOLE`]) of `len` syllables (0 when none can be so
    /// long: a test checks that the tables fit).
    fn start_bit(flag: u8, len: usize) -> u16 {
        match (flag, len) {
            (SUFFIX, 1..=MAX_SUFFIX_SYLLABLES) => 1 << (len - 1),
            (SUFFIX, _) => 0,
            (_, 1..=MAX_WORD_SYLLABLES) => 1 << (8 + len - 1),
            _ => 0,
        }
    }

    /// True when some entry with `flag` (as in [`Tables::start_bit`]) could be
    /// `syllables`, by its first syllable and length alone: for one syllable, true
    /// exactly when it is one (no whole-kept word is one syllable, a test checks).
    fn starts(&self, syllables: &[u16], flag: u8) -> bool {
        syllables
            .first()
            .is_some_and(|&first| self.role(first) & Self::start_bit(flag, syllables.len()) != 0)
    }

    /// The [`Tables::roles`] bits of a syllable (0 for a number that is none).
    fn role(&self, syllable: u16) -> u16 {
        self.roles[usize::from(syllable) & (ROLE_SLOTS - 1)]
    }

    /// The table flags of a word given by its syllables (0 when in no table).
    fn flags(&self, syllables: &[u16]) -> u8 {
        if self.starts(syllables, SUFFIX) || self.starts(syllables, STOPWORD) {
            self.probe(syllables)
        } else {
            0
        }
    }

    /// The table flags of a word as a stopword or whole-kept word ([`Tables::flags`]
    /// without [`SUFFIX`]).
    fn word_flags(&self, syllables: &[u16]) -> u8 {
        let ends = syllables
            .last()
            .is_some_and(|&last| self.role(last) & WORD_ENDS != 0);
        if ends && self.starts(syllables, STOPWORD) {
            match syllables.len() {
                1 => STOPWORD,
                _ => self.probe(syllables) & !SUFFIX,
            }
        } else {
            0
        }
    }

    /// True when a word or tail is a suffix ([`PARTICLES`], [`PREDICATE_SUFFIXES`]).
    fn is_suffix(&self, syllables: &[u16]) -> bool {
        self.starts(syllables, SUFFIX)
            && (syllables.len() == 1 || self.probe(syllables) & SUFFIX != 0)
    }

    /// The flags of a nonempty word, by hashing. Not inlined: most words need no probe.
    #[inline(never)]
    fn probe(&self, syllables: &[u16]) -> u8 {
        match short_key(syllables) {
            Some(k) => (self.short[self.short_slot(k)] >> (4 * KEY_BITS)) as u8,
            None => self.probe_long(syllables),
        }
    }

    /// The slot of [`Tables::short`] that holds the key `key`, or else the free one
    /// where it goes.
    fn short_slot(&self, key: u64) -> usize {
        let mut slot =
            (key.wrapping_mul(0x9E37_79B9_7F4A_7C15) >> (64 - SHORT_SLOTS.ilog2())) as usize;
        loop {
            let entry = self.short[slot];
            if entry & SHORT_KEY_MASK == key || entry == 0 {
                return slot;
            }
            slot = (slot + 1) % SHORT_SLOTS;
        }
    }

    /// [`Tables::probe`] of a word of five or more syllables: out of line, as few are
    /// probed, so that the common probe saves no registers for its search.
    #[inline(never)]
    fn probe_long(&self, syllables: &[u16]) -> u8 {
        let key = long_key(syllables);
        self.long
            .iter()
            .find(|(k, _)| Some(*k) == key)
            .map_or(0, |&(_, flags)| flags)
    }

    /// The length in syllables of the stem of a Hangul word ([`strip`]), given its
    /// syllables and its [`Tables::word_flags`].
    ///
    /// Inlined: it runs for most words that end like a suffix.
    #[inline(always)]
    fn stem_len(&self, syllables: &[u16], word_flags: u8) -> usize {
        let n = syllables.len();
        if n < 2 || word_flags & KEEP != 0 {
            return n;
        }
        if n == 2 {
            let short = SHORT_PARTICLES.iter().any(|&c| index_of(c) == syllables[1]);
            return if short && particle_fits(syllables[0], syllables[1]) {
                1
            } else {
                2
            };
        }
        if n == 3 {
            // A one-syllable suffix leaves two; of the two-syllable ones, only a case
            // particle that follows nouns alone leaves one (`집에서`, `앞으로`, `일까지`).
            return if NOUN_CASE_PAIRS.contains(&[syllables[1], syllables[2]]) {
                1
            } else if self.is_suffix(&syllables[2..]) && particle_fits(syllables[1], syllables[2]) {
                2
            } else {
                3
            };
        }
        self.long_stem_len(syllables)
    }

    /// [`Tables::stem_len`] of a word of four or more syllables.
    #[inline]
    fn long_stem_len(&self, syllables: &[u16]) -> usize {
        let n = syllables.len();
        if self.role(syllables[n - 1]) & SUFFIX_ENDS == 0 {
            return n;
        }
        // Try the longest suffix first that leaves a stem of two syllables.
        let longest = (n - 2).min(MAX_SUFFIX_SYLLABLES);
        (1..=longest)
            .rev()
            .find(|&len| self.is_suffix(&syllables[n - len..]))
            .filter(|&len| len > 1 || particle_fits(syllables[n - 2], syllables[n - 1]))
            .map_or(n, |len| n - len)
    }

    /// The length of the stem of a word made of Hangul syllables, or `None` when the
    /// word or its stem carries no topic.
    #[inline(always)]
    fn hangul_stem(&self, syllables: &[u16]) -> Option<usize> {
        // Most words are in no table, begin with no function noun and end in no
        // suffix (the short particles are suffixes too, a test checks): two loads
        // tell, and such a word is its own stem.
        if let (Some(&first), Some(&last)) = (syllables.first(), syllables.last()) {
            let starts = FUNCTION_NOUN | Self::start_bit(STOPWORD, syllables.len());
            if self.role(last) & SUFFIX_ENDS == 0 && self.role(first) & starts == 0 {
                return Some(syllables.len());
            }
        }
        let word_flags = self.word_flags(syllables);
        if word_flags & STOPWORD != 0 {
            return None;
        }
        let n = self.stem_len(syllables, word_flags);
        let dropped = (n < syllables.len() && self.word_flags(&syllables[..n]) & STOPWORD != 0)
            || self.is_function_word(syllables);
        (!dropped).then_some(n)
    }

    /// True for a one-syllable function noun with a particle or ending (`것으로`, `수도`),
    /// given the word's syllables.
    fn is_function_word(&self, syllables: &[u16]) -> bool {
        match syllables.split_first() {
            Some((&first, rest)) if self.role(first) & FUNCTION_NOUN != 0 => {
                rest.is_empty() || self.is_suffix(rest)
            }
            _ => false,
        }
    }
}

/// False when the one-syllable suffix `suffix` cannot follow the syllable `before` as
/// the particle it would be: `이`, `을` and `과` follow a final consonant, `가` and `와`
/// a vowel (`디스플레이`, `매화마을`, `도로과`, `주택가` end in no particle). (Not `은`,
/// `는`: they are also endings that follow either, `있는`, `지은`.) Both are syllable
/// indices. Inlined: most words end in a particle, and a call per word cost 10% of
/// normalizing.
#[inline(always)]
fn particle_fits(before: u16, suffix: u16) -> bool {
    const I: u16 = index_of('이');
    const EUL: u16 = index_of('을');
    const GWA: u16 = index_of('과');
    const GA: u16 = index_of('가');
    const WA: u16 = index_of('와');
    let coda = before % 28 != 0;
    match suffix {
        I | EUL | GWA => coda,
        GA | WA => !coda,
        _ => true,
    }
}

/// The longest suffix ([`PARTICLES`], [`PREDICATE_SUFFIXES`]), in syllables.
const MAX_SUFFIX_SYLLABLES: usize = 6;

/// The longest entry of [`STOPWORDS`] and [`KEEP_WHOLE`], in syllables.
const MAX_WORD_SYLLABLES: usize = 7;

/// The [`short_key`] of one syllable.
pub(crate) const fn syllable_key(c: char) -> u64 {
    index_of(c) as u64 + 1
}

/// The syllable indices of [`SHORT_PARTICLES`] and [`FUNCTION_NOUNS`].
const fn index_of(c: char) -> u16 {
    (c as u32 - crate::unicode::S_BASE) as u16
}

/// Strips the longest known suffix from a Hangul word when a stem of at least two
/// syllables remains (one syllable for a two-syllable word ending in a case or
/// topic particle); other words are returned unchanged.
pub fn strip(word: &str) -> &str {
    match syllables_of(word) {
        Some(syllables) => {
            let tables = Tables::get();
            &word[..3 * tables.stem_len(&syllables, tables.word_flags(&syllables))]
        }
        None => word,
    }
}

/// True when a normalized word carries no topic.
pub fn is_stopword(stem: &str) -> bool {
    syllables_of(stem).is_some_and(|s| Tables::get().flags(&s) & STOPWORD != 0)
}

/// Calls `f` with every syllable bigram of a Hangul stem of three or more syllables
/// (`반려동물` → `반려`, `려동`, `동물`), so that compounds written with and without
/// spaces (`반려동물 관리사`, `반려동물관리사`) still share features; other stems are
/// passed whole.
pub fn syllable_bigrams(stem: &str, mut f: impl FnMut(&str)) {
    match syllables_of(stem) {
        // Hangul syllables are three bytes each.
        Some(s) if s.len() >= 3 => (0..=stem.len() - 6)
            .step_by(3)
            .for_each(|start| f(&stem[start..start + 6])),
        _ => f(stem),
    }
}

/// Calls `f` with every normalized term of `sentence`, in order: Hangul words
/// stripped of particles and endings, other words lowercased (ASCII); stopwords,
/// single non-Hangul characters and bare numbers are left out.
pub fn terms(sentence: &str, mut f: impl FnMut(&str)) {
    terms_with_syllables(sentence, |term, _| f(term));
}

/// [`terms`], with each term's syllable indices (`가` = 0) when it is made only of
/// Hangul syllables (else an empty slice), so that callers need not decode it again.
///
/// One pass over the bytes: Hangul syllables (three bytes, lead byte `EA`–`ED`) are
/// decoded in place; only other non-ASCII characters go through `char` decoding.
pub fn terms_with_syllables(sentence: &str, mut f: impl FnMut(&str, &[u16])) {
    // Most sentences need no heap room for their words' syllables.
    let mut stack = [0; 128];
    let mut heap = Vec::new();
    let syllables = match stack.get_mut(..sentence.len() / 3) {
        Some(syllables) => syllables,
        None => {
            heap.resize(sentence.len() / 3, 0);
            &mut heap[..]
        }
    };
    scan(sentence, syllables, &mut String::new(), |stem, s| {
        f(stem.text(), s)
    });
}

/// Punctuation and symbols common in Korean text, none of them a letter or digit (a
/// test checks): General Punctuation (quotes, dashes, `…`), arrows, box drawing and
/// geometric shapes (`■`, `▲`), CJK punctuation (`「」`, `《》`) and the middle dot.
const NOT_ALPHANUMERIC: [std::ops::RangeInclusive<char>; 6] = [
    '\u{B7}'..='\u{B7}',
    '\u{2000}'..='\u{206F}',
    '\u{2190}'..='\u{21FF}',
    '\u{2500}'..='\u{25FF}',
    '\u{3000}'..='\u{3004}',
    '\u{3008}'..='\u{3020}',
];

/// [`char::is_alphanumeric`], without the slow search of the Unicode tables for
/// [`NOT_ALPHANUMERIC`].
fn is_alphanumeric(c: char) -> bool {
    !NOT_ALPHANUMERIC.iter().any(|range| range.contains(&c)) && c.is_alphanumeric()
}

/// The syllable index (`가` = 0) of the Hangul syllable that `bytes` (from a char
/// boundary) start with, if one is there.
fn syllable_at(bytes: &[u8]) -> Option<u16> {
    match *bytes {
        [b0, b1, b2, ..] => syllable_index(b0, b1, b2),
        _ => None,
    }
}

/// Writes to `out` the indices of the Hangul syllables that `bytes` (from a char
/// boundary) start with, and returns their number. `out` must have room for
/// `bytes.len() / 3`: it is written in place, never grown.
#[inline(always)]
fn read_syllables(bytes: &[u8], out: &mut [u16]) -> usize {
    let mut n = 0;
    for (chunk, slot) in bytes.chunks_exact(3).zip(out) {
        match *chunk {
            [b0, b1, b2] => match syllable_index(b0, b1, b2) {
                Some(syllable) => *slot = syllable,
                None => break,
            },
            _ => break,
        }
        n += 1;
    }
    n
}

/// The text of a term as [`Scratch::terms`] gives it: `text[start..end]`. A Hangul
/// stem of up to four syllables is named by its syllables, so its slice of the
/// sentence (a test of both ends for char boundaries, about 20 instructions a term) is
/// taken only when its text is asked for.
#[derive(Clone, Copy)]
pub struct Stem<'a> {
    text: &'a str,
    start: usize,
    end: usize,
}

impl<'a> Stem<'a> {
    /// The term's text.
    pub fn text(self) -> &'a str {
        self.text.get(self.start..self.end).unwrap_or_default()
    }

    /// A term given by its whole text.
    fn whole(text: &'a str) -> Self {
        Stem {
            text,
            start: 0,
            end: text.len(),
        }
    }
}

/// Buffers that [`Scratch::terms`] reuses from one sentence to the next.
#[derive(Default)]
pub struct Scratch {
    /// The syllables of a word, with room for a word as long as the sentence.
    syllables: Vec<u16>,
    lower: String,
}

impl Scratch {
    /// [`terms_with_syllables`], reusing this scratch space, each term's text made only
    /// when asked for ([`Stem::text`]).
    pub fn terms(&mut self, sentence: &str, f: impl FnMut(Stem<'_>, &[u16])) {
        if self.syllables.len() < sentence.len() / 3 {
            self.syllables.resize(sentence.len() / 3, 0);
        }
        scan(sentence, &mut self.syllables, &mut self.lower, f);
    }
}

/// [`terms_with_syllables`], with room in `syllables` for `sentence.len() / 3` and a
/// buffer for lowercasing.
/// Not inlined, for the first summary's sake (DESIGN.md, Cold start).
#[inline(never)]
fn scan(
    sentence: &str,
    syllables: &mut [u16],
    lower: &mut String,
    mut f: impl FnMut(Stem<'_>, &[u16]),
) {
    let bytes = sentence.as_bytes();
    let tables = Tables::get();
    let mut ahead = crate::markup::Ahead::default();
    let mut i = 0;
    while let Some(&b) = bytes.get(i) {
        // Most words are Hangul syllables only, ended by ASCII (a space, a full
        // stop) or the sentence end: read those, and runs of ASCII separators,
        // without the general scan of [`other_word`].
        if b.is_ascii() && !b.is_ascii_alphanumeric() {
            // Pasted HTML: its tags, scripts and character references are no words.
            i = match b {
                b'<' => crate::markup::markup_end_in(bytes, i, &mut ahead),
                b'&' => crate::markup::entity_end(bytes, i),
                // A mention (`@haeoreum_city`): a name, not the text's words.
                b'@' => mention_end(bytes, i),
                _ => i + 1,
            };
            continue;
        }
        let start = i;
        let term = if b.is_ascii() {
            match ascii_word(bytes, &mut i) {
                Some(end) => ascii_term(sentence.get(start..end).unwrap_or_default(), lower)
                    .map(|t| (Stem::whole(t), &[][..])),
                None => other_word(sentence, &mut i, tables, syllables, lower)
                    .map(|(t, s)| (Stem::whole(t), s)),
            }
        } else {
            match hangul_word(bytes, &mut i, syllables) {
                Some(n) if ends_a_closed_word(sentence, start, tables, &syllables[..n]) => None,
                Some(n) => tables.hangul_stem(&syllables[..n]).map(|n| {
                    let end = start + 3 * n;
                    let text = sentence;
                    (Stem { text, start, end }, &syllables[..n])
                }),
                None => other_word(sentence, &mut i, tables, syllables, lower)
                    .map(|(t, s)| (Stem::whole(t), s)),
            }
        };
        // One call site, so that `f` is inlined.
        if let Some((stem, stem_syllables)) = term {
            f(stem, stem_syllables);
        }
    }
}

/// The end of the `@` mention at byte `at` (its ASCII letters, digits, `_`, `.` and
/// `-`).
fn mention_end(bytes: &[u8], at: usize) -> usize {
    let mut i = at + 1;
    while bytes
        .get(i)
        .is_some_and(|&b| b.is_ascii_alphanumeric() || matches!(b, b'_' | b'.' | b'-'))
    {
        i += 1;
    }
    i
}

/// The longest label that opens a line, in bytes: a speaker with a title and a bracket
/// (`회장(102동 강태호) :`).
const MAX_LABEL_BYTES: usize = 40;

/// Where the label that opens a line ends, after its `: ` (`김 팀장: …`, `앵커: …`,
/// `일시 : 2024. 6. 21.`), else 0 ([`crate::rank`] leaves out the labels that open
/// several lines, a speaker's name or a field's). A label has no sentence punctuation
/// and at most three spaces; a colon between digits (`19:30`) or before a slash
/// (`https://`) ends none.
#[inline(never)]
pub(crate) fn label_end(bytes: &[u8]) -> usize {
    let head = &bytes[..bytes.len().min(MAX_LABEL_BYTES)];
    // Most lines have no colon near their start: one search tells.
    if !head.contains(&b':') {
        return 0;
    }
    let mut spaces = 0;
    for (i, &b) in head.iter().enumerate() {
        match b {
            b':' if i > 0 && bytes.get(i + 1).is_none_or(|&b| b == b' ') => return i + 1,
            b':' | b'.' | b'!' | b'?' => return 0,
            b' ' if spaces == 3 => return 0,
            b' ' => spaces += 1,
            _ => {}
        }
    }
    0
}

/// Reads into `syllables` the word of Hangul syllables at byte `*i` of `bytes` when
/// it is ended by an ASCII separator or the end (else leaves `*i`), moves `*i` past
/// it and that separator (unless it is a `<` or a `&`), and returns its length in syllables.
/// The separator is known not to start a word, so [`scan`] need not look at it again.
#[inline(always)]
fn hangul_word(bytes: &[u8], i: &mut usize, syllables: &mut [u16]) -> Option<usize> {
    let n = read_syllables(&bytes[*i..], syllables);
    let end = *i + 3 * n;
    // Most words are followed by a space: one test tells, and steps over it.
    if n > 0 && bytes.get(end) == Some(&b' ') {
        *i = end + 1;
        return Some(n);
    }
    let ended = bytes
        .get(end)
        .is_none_or(|b| b.is_ascii() && !b.is_ascii_alphanumeric());
    (n > 0 && ended).then(|| {
        // Past the end of `bytes` when the word ends the sentence: [`scan`] stops.
        *i = end + skip_separator(bytes, end);
        n
    })
}

/// Finds the word of ASCII letters and digits at byte `*i` of `bytes` when it is
/// ended by an ASCII separator or the end (else leaves `*i`: a Latin word with a
/// particle, `AI가`, is for [`other_word`]), moves `*i` past it and that separator
/// (unless it is a `<` or a `&`), and returns where the word ends.
#[inline(always)]
fn ascii_word(bytes: &[u8], i: &mut usize) -> Option<usize> {
    let len = bytes[*i..]
        .iter()
        .position(|b| !b.is_ascii_alphanumeric())
        .unwrap_or(bytes.len() - *i);
    let end = *i + len;
    let ended = match bytes.get(end) {
        None => true,
        // A hyphenated Latin name (`HX-9`) is [`other_word`]'s.
        Some(b'-') => {
            !bytes.get(end + 1).is_some_and(u8::is_ascii_alphanumeric)
                || bytes[*i..end].iter().all(u8::is_ascii_digit)
        }
        Some(b) => b.is_ascii(),
    };
    ended.then(|| {
        *i = end + skip_separator(bytes, end);
        end
    })
}

/// 1 to step over the ASCII separator (or the sentence end) at `end`, after a word: 0
/// for a `<` or a `&`, which may open markup ([`crate::markup`]) that [`scan`] skips.
#[inline(always)]
fn skip_separator(bytes: &[u8], end: usize) -> usize {
    usize::from(!matches!(bytes.get(end), Some(b'<' | b'&')))
}

/// The term of a word of ASCII letters and digits, as [`other_word`] gives it:
/// lowercased, and none for a bare number or a single char.
fn ascii_term<'a>(word: &'a str, lower: &'a mut String) -> Option<&'a str> {
    if word.len() < 2 || word.bytes().all(|b| b.is_ascii_digit()) {
        return None;
    }
    let term = if word.bytes().any(|b| b.is_ascii_uppercase()) {
        lowercased(word, lower)
    } else {
        word
    };
    (!is_english_stopword(word, term)).then_some(term)
}

/// `word` with its ASCII letters lowercased, in `lower`.
fn lowercased<'a>(word: &str, lower: &'a mut String) -> &'a str {
    lower.clear();
    lower.push_str(word);
    lower.make_ascii_lowercase();
    lower
}

/// True for an English function word ([`ENGLISH_STOPWORDS`]): `lower` is `word`
/// lowercased. A word in capitals is an acronym (`IT`, `US`, `AM`), not one.
#[inline(never)]
fn is_english_stopword(word: &str, lower: &str) -> bool {
    let n = lower.len();
    word.bytes().any(|b| b.is_ascii_lowercase())
        && n >= 2
        && ENGLISH_STOPWORDS.get(n - 2).is_some_and(|group| {
            group
                .as_bytes()
                .chunks(n + 1)
                // (The first byte first: a call to compare them whole costs more.)
                .any(|w| w.first() == lower.as_bytes().first() && &w[..n] == lower.as_bytes())
        })
}

/// True when the Hangul word at byte `start` of `sentence`, of `syllables`, is a
/// particle or an ending alone right after a closing quote or bracket (`《화차》에서`,
/// `“다양성”이다`, `(CVCV)으로`): it belongs to the word closed there and is no word
/// of its own. (A particle alone after a space is a word: `이란`, Iran.)
#[inline(always)]
fn ends_a_closed_word(sentence: &str, start: usize, tables: &Tables, syllables: &[u16]) -> bool {
    // Most words follow a space or start the sentence: one load tells.
    start > 0
        && sentence.as_bytes()[start - 1] != b' '
        && follows_closer(&sentence.as_bytes()[..start])
        && tables.is_suffix(syllables)
}

/// True when `before` ends with a closing bracket or quote (`) ] } >`, and
/// `’ ” 〉 》 」 』 】 〕 ）` in UTF-8). A straight quote closes when it follows a word, as
/// in `"좋다"라는` (it opens `"이란"`).
#[inline(never)]
fn follows_closer(before: &[u8]) -> bool {
    match before {
        [.., b')' | b']' | b'}' | b'>'] => true,
        [.., c, b'"' | b'\''] => !c.is_ascii_whitespace(),
        [.., 0xE2, 0x80, 0x99 | 0x9D]
        | [.., 0xE3, 0x80, 0x89 | 0x8B | 0x8D | 0x8F | 0x91 | 0x95]
        | [.., 0xEF, 0xBC, 0x89] => true,
        _ => false,
    }
}

/// The general case of [`Scratch::terms`]: reads the word or separator at byte `*i`
/// of `sentence`, moves `*i` past it, and returns its term if it has one
/// (`syllables` has room for `sentence.len() / 3`, as in [`scan`]).
fn other_word<'a>(
    sentence: &'a str,
    i: &mut usize,
    tables: &Tables,
    syllables: &'a mut [u16],
    lower: &'a mut String,
) -> Option<(&'a str, &'a [u16])> {
    let bytes = sentence.as_bytes();
    // The word: [start, i).
    let start = *i;
    let (mut hangul, mut digits, mut ascii, mut upper) = (true, true, true, false);
    // Where the Hangul starts, whether the ASCII letters and digits are all digits, and
    // whether other letters are in it (`漢字`).
    let (mut first_hangul, mut latin_digits, mut other) = (usize::MAX, true, false);
    // The last run of syllables after ASCII letters or digits (`에` of `코로나19에`, `가`
    // of `AI가`): where it starts, and its first syllable's index in `syllables`.
    let (mut run_start, mut run_first) = (usize::MAX, 0);
    // The word's syllables: syllables[..n].
    let mut n = 0;
    let mut at = start;
    while let Some(&b) = bytes.get(at) {
        if b < 0x80 {
            if !b.is_ascii_alphanumeric() {
                // A hyphen inside a Latin name, between a part with letters and a part
                // of letters or digits (`HX-9`, `COVID-19`, `Wi-Fi`): one name, as its
                // readers write it. Not in a date or a range of numbers (`2024-05-01`).
                let joins = b == b'-'
                    && !latin_digits
                    && first_hangul == usize::MAX
                    && at > start
                    && bytes[at - 1].is_ascii_alphanumeric()
                    && bytes.get(at + 1).is_some_and(u8::is_ascii_alphanumeric);
                if !joins {
                    break;
                }
            }
            hangul = false;
            digits &= b.is_ascii_digit();
            upper |= b.is_ascii_uppercase();
            latin_digits &= b.is_ascii_digit();
            run_start = usize::MAX;
            at += 1;
            continue;
        }
        if let Some(syllable) = syllable_at(&bytes[at..]) {
            first_hangul = first_hangul.min(at);
            if run_start == usize::MAX {
                (run_start, run_first) = (at, n);
            }
            syllables[n] = syllable;
            n += 1;
            digits = false;
            ascii = false;
            at += 3;
            continue;
        }
        // Any other non-ASCII char: decode it.
        let c = sentence
            .get(at..)
            .unwrap_or_default()
            .chars()
            .next()
            .unwrap_or(' ');
        // Laughter or tears glued to a word end it (`같아요ㅠㅠ`, `맛있다ㅋㅋ`).
        let jamo = ('\u{3131}'..='\u{318E}').contains(&c);
        if !is_alphanumeric(c) || (jamo && at > start && n > 0) {
            break;
        }
        hangul = false;
        digits = false;
        ascii = false;
        other = true;
        at += c.len_utf8();
    }
    *i = at;
    if *i == start {
        // A separator: skip it.
        *i += sentence
            .get(*i..)
            .unwrap_or_default()
            .chars()
            .next()
            .map_or(1, char::len_utf8);
        return None;
    }
    let word = sentence.get(start..*i).unwrap_or_default();
    // A number, or letters of Hangul alone (`ㅋㅋ`, `ㅠㅠ`): laughter and tears, no topic.
    if digits || word.chars().all(|c| ('\u{3131}'..='\u{318E}').contains(&c)) {
        return None;
    }
    if hangul {
        if ends_a_closed_word(sentence, start, tables, &syllables[..n]) {
            return None;
        }
        let n = tables.hangul_stem(&syllables[..n])?;
        return Some((word.get(..3 * n).unwrap_or_default(), &syllables[..n]));
    }
    let mut word = word;
    // Only Latin letters or digits before the particle (`AI가`), or Hangul too
    // (`코로나19에`).
    let latin_head = first_hangul == run_start;
    if !other
        && run_start != usize::MAX
        && run_start > start
        && !(latin_head && latin_digits)
        && tables.is_suffix(&syllables[run_first..n])
    {
        // A particle after a word ending in Latin letters or digits (`AI가` → `ai`,
        // `5G를` → `5g`, `코로나19에` → `코로나19`); numbers with a counter (`12일`)
        // stay whole.
        word = sentence.get(start..run_start).unwrap_or_default();
        ascii = latin_head;
    }
    let stem = if ascii && upper {
        lowercased(word, lower)
    } else {
        word
    };
    // Single non-Hangul characters carry nothing, nor do English function words.
    (stem.chars().nth(1).is_some() && !(ascii && is_english_stopword(word, stem)))
        .then_some((stem, &[][..]))
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::unicode::is_hangul_syllable;

    fn all(sentence: &str) -> Vec<String> {
        let mut out = Vec::new();
        terms(sentence, |t| out.push(t.to_string()));
        out
    }

    #[test]
    fn mentions_make_no_terms() {
        assert_eq!(all("RT @haeoreum_city: 분석 감사"), ["rt", "분석", "감사"]);
    }

    #[test]
    fn labels_that_open_lines_are_found() {
        for (line, label) in [
            ("김 팀장: 배포 일정을 공유해 주세요.", "김 팀장:"),
            (
                "회장(102동 강태호) : 회의를 개회하겠습니다.",
                "회장(102동 강태호) :",
            ),
            ("결정사항: 일정 확정", "결정사항:"),
            ("앵커:", "앵커:"),
            // Not a time, an address, a colon after a sentence's start or after four spaces.
            ("정기회의 19:30 개회", ""),
            ("누리집 https://a.kr 참고", ""),
            ("시는 계획을 밝혔다. 사업: 확대", ""),
            ("시는 이날 오후 열린 회의에서: 확대", ""),
        ] {
            assert_eq!(&line[..label_end(line.as_bytes())], label, "{line:?}");
        }
    }

    macro_rules! strips {
        ($($word:literal => $stem:literal),* $(,)?) => {$(
            assert_eq!(strip($word), $stem, "strip({:?}): particle/ending table or stem-length rule broke", $word);
        )*};
    }

    #[test]
    fn keys_round_trip_and_tell_lengths_apart() {
        for term in ["가", "힣", "클라", "클라우드", "가가가가"] {
            let syllables = syllables_of(term).unwrap();
            assert_eq!(short_key_text(short_key(&syllables).unwrap()), term);
        }
        assert_eq!(short_key(&syllables_of("클라우드는").unwrap()), None);
        assert_eq!(syllables_of("가a"), None);
        let k = |t: &str| short_key(&syllables_of(t).unwrap());
        assert_ne!(k("가"), k("가가"));
        assert_ne!(k(""), k("가"));
    }

    #[test]
    fn jamo_runs_conjunctions_and_adverbs_are_no_terms() {
        assert_eq!(
            all("ㅋㅋㅋ 그래서 이 집 고기가 정말 맛있다 ㅠㅠ"),
            ["집", "고기", "맛있"]
        );
        // Adverbs in -로 would leave a stem that is no word (`그야말`, `제대`), and so
        // would `가까이` (`가까`).
        assert_eq!(all("그야말로 제대로 스스로 만든 빵"), ["만든", "빵"]);
        assert_eq!(all("절반 가까이 줄었다"), ["절반", "줄었"]);
        assert_eq!(
            all("저희 가게는 여기 그냥 일단 들러 보세요"),
            ["가게", "들러", "보세요"]
        );
    }

    #[test]
    fn english_function_words_are_no_terms() {
        for (group, n) in ENGLISH_STOPWORDS.iter().zip(2..) {
            for word in group.split(' ') {
                assert!(
                    word.len() == n && word.bytes().all(|b| b.is_ascii_lowercase()),
                    "{word:?} in the group of {n} letters"
                );
                assert!(is_english_stopword(word, word), "{word:?}");
            }
        }
        assert!(!is_english_stopword("x", "x") && !is_english_stopword("zz", "zz"));
        assert_eq!(
            all("The Fed held rates at 5.5% and said it will wait."),
            ["fed", "held", "rates", "wait"]
        );
        // Latin words in Korean text keep their terms.
        assert_eq!(all("AI가 GPU를 쓴다"), ["ai", "gpu", "쓴다"]);
        // Capitals make an acronym: information technology, not a pronoun.
        assert_eq!(all("IT 기업과 US 시장"), ["it", "기업", "us", "시장"]);
    }

    #[test]
    fn particles_are_told_from_endings_and_words() {
        for word in words(PARTICLES) {
            assert!(is_particle(word), "{word:?}");
        }
        for word in ["하다", "했다", "정부", "에서a", "", "a", "으로부터의것이다"] {
            assert!(!is_particle(word), "{word:?}");
        }
    }

    #[test]
    fn word_lists_are_words_a_space_apart() {
        for list in [PARTICLES, PREDICATE_SUFFIXES, STOPWORDS, KEEP_WHOLE] {
            assert!(list.ends_with(' ') && !list.contains("  "), "{list:?}");
            assert!(list.split(' ').all(|w| w.chars().count() <= 16), "{list:?}");
        }
    }

    #[test]
    fn word_tables_are_hangul() {
        for word in words(PARTICLES)
            .chain(words(PREDICATE_SUFFIXES))
            .chain(words(STOPWORDS))
            .chain(words(KEEP_WHOLE))
        {
            assert!(
                syllables_of(word).is_some_and(|s| !s.is_empty()),
                "{word:?} is not all Hangul syllables"
            );
        }
    }

    #[test]
    fn syllables_are_read_from_any_char() {
        for c in (0..=0x10FFFF).filter_map(char::from_u32) {
            let want = is_hangul_syllable(c).then(|| index_of(c));
            for next in ["", "a", "가", "\u{FFFF}", "\u{10FFFF}"] {
                let text = format!("{c}{next}");
                assert_eq!(syllable_at(text.as_bytes()), want, "{text:?}");
            }
        }
    }

    #[test]
    fn not_alphanumeric_is_right() {
        for c in NOT_ALPHANUMERIC.into_iter().flatten() {
            assert!(!c.is_alphanumeric(), "{c:?} is alphanumeric");
        }
    }

    #[test]
    fn suffix_table_fits_the_lookup() {
        for suffix in words(PARTICLES).chain(words(PREDICATE_SUFFIXES)) {
            let n = crate::unicode::char_count(suffix);
            assert!(
                n <= MAX_SUFFIX_SYLLABLES && suffix.chars().all(is_hangul_syllable),
                "suffix {suffix:?} is longer than MAX_SUFFIX_SYLLABLES or not Hangul syllables"
            );
        }
        for &c in SHORT_PARTICLES {
            assert!(
                is_particle(&c.to_string()),
                "short particle {c:?} is not in PARTICLES"
            );
        }
        for word in words(STOPWORDS).chain(words(KEEP_WHOLE)) {
            assert!(
                crate::unicode::char_count(word) <= MAX_WORD_SYLLABLES,
                "{word:?} is longer than MAX_WORD_SYLLABLES"
            );
        }
        for word in words(KEEP_WHOLE) {
            assert!(
                crate::unicode::char_count(word) > 1,
                "{word:?}: Tables::starts takes one-syllable words for stopwords"
            );
        }
        // Sparse enough that a missing word is found missing after a slot or two.
        let taken = Tables::get()
            .short
            .iter()
            .filter(|&&slot| slot != 0)
            .count();
        assert!(
            8 * taken <= SHORT_SLOTS,
            "{taken} of Tables::short's slots are taken"
        );
        for (list, flag) in [
            (PARTICLES, PARTICLE),
            (PREDICATE_SUFFIXES, SUFFIX),
            (STOPWORDS, STOPWORD),
            (KEEP_WHOLE, KEEP),
        ] {
            for word in words(list) {
                let syllables = syllables_of(word).unwrap_or_default();
                assert!(Tables::get().probe(&syllables) & flag != 0, "{word:?}");
            }
        }
    }

    #[test]
    fn particles_and_endings_are_stripped() {
        strips! {
            "클라우드를" => "클라우드", "클라우드는" => "클라우드", "클라우드의" => "클라우드",
            "클라우드에서는" => "클라우드", "정부가" => "정부", "산업을" => "산업",
            "육성하고" => "육성", "구축했다" => "구축", "활성화를" => "활성화",
            "추진됐다" => "추진", "기업들이" => "기업", "혁신적인" => "혁신",
            "계획대로" => "계획", "순서대로" => "순서",
            // the written style of encyclopedias and reports
            "역임하였다" => "역임", "데뷔하였으며" => "데뷔", "선정되었고" => "선정",
            "보육교사들로부터" => "보육교사", "정부로부터" => "정부",
            // a case particle of two syllables on a one-syllable noun
            "집에서" => "집", "돈으로" => "돈", "끝까지" => "끝", "물처럼" => "물",
            // `뿐`, and a predicate quoted
            "문장뿐이다" => "문장", "서울뿐만" => "서울", "불가피하다고" => "불가피",
            // a noun's verb going on
            "공개되면서" => "공개", "수정하거나" => "수정",
        }
    }

    #[test]
    fn short_words_and_non_hangul_are_kept() {
        strips! { "쌀을" => "쌀", "나라" => "나라", "AI" => "AI", "가" => "가", "ab를" => "ab를" }
    }

    #[test]
    fn nouns_ending_like_particles_are_kept() {
        strips! {
            "아이" => "아이", "증가" => "증가", "회의" => "회의", "정도" => "정도",
            "효과" => "효과", "어린이" => "어린이", "전라남도" => "전라남도",
            "전문가" => "전문가", "마을" => "마을", "어린이들" => "어린이",
            // no particle fits the syllable before: `이`, `을` and `과` follow a final
            // consonant, `가` and `와` a vowel
            "디스플레이" => "디스플레이", "플레이" => "플레이", "매화마을" => "매화마을",
            "도로과" => "도로과", "주택가" => "주택가", "교육전문가" => "교육전문가",
            "디스플레이가" => "디스플레이", "도로과와" => "도로과", "매화마을이" => "매화마을",
        }
    }

    #[test]
    fn function_nouns_with_particles_are_dropped() {
        assert_eq!(
            all("것으로 수도 등을 때문에 앞으로 바다와 수도권"),
            ["바다", "수도권"],
            "one-syllable function nouns with particles should be dropped, nouns kept"
        );
    }

    #[test]
    fn syllable_bigrams_of_stems() {
        let cases: &[(&str, &[&str])] = &[
            ("반려동물", &["반려", "려동", "동물"]),
            ("정부", &["정부"]),
            ("쌀", &["쌀"]),
            ("ai", &["ai"]),
            ("5g망", &["5g망"]),
        ];
        for &(stem, want) in cases {
            let mut got = Vec::new();
            syllable_bigrams(stem, |b| got.push(b.to_string()));
            assert_eq!(got, want, "syllable_bigrams({stem:?})");
        }
    }

    #[test]
    fn particles_after_latin_words_are_stripped() {
        assert_eq!(
            all("AI가 5G를 CEO는 12일 AI반도체 x86에서 Q&A"),
            ["ai", "5g", "ceo", "12일", "AI반도체", "x86"]
        );
        // After a word of Hangul and digits too, as written without the particle.
        assert_eq!(
            all("코로나19에 코로나19로 코로나19 아이폰15가 K리그1에서 제2차"),
            [
                "코로나19",
                "코로나19",
                "코로나19",
                "아이폰15",
                "K리그1",
                "제2차"
            ]
        );
        // A hyphenated Latin name is one term; a date or a range of numbers is none.
        assert_eq!(
            all("HX-9은 COVID-19 Wi-Fi 2024-05-01 10-20 A- -B"),
            ["hx-9", "covid-19", "wi-fi"]
        );
    }

    #[test]
    fn laughter_glued_to_a_word_and_spoken_particles_are_left_out() {
        assert_eq!(
            all("국물이 진짜 최고ㅠㅠ 남편이랑 순대국ㅋㅋㅋ"),
            ["국물", "최고", "남편", "순대국"]
        );
    }

    #[test]
    fn pasted_html_makes_no_terms() {
        assert_eq!(
            all(concat!(
                "<b>속보</b> 축제가<img src=x onerror=\"window.y=1\">시작됐다 ",
                "<script>window.z=2</script>방문객<!-- ad -->"
            )),
            ["속보", "축제", "시작", "방문객"]
        );
        // Angle brackets around text are not markup.
        assert_eq!(all("<조선일보> <Parasite> a < b"), ["조선일보", "parasite"]);
        // Nor are character references words, glued to a word or not.
        assert_eq!(
            all("&nbsp;클라우드&nbsp;산업 &#39;육성&#39; R&D&amp;AI"),
            ["클라우드", "산업", "육성", "ai"]
        );
    }

    #[test]
    fn ascii_words_have_the_terms_of_the_general_path() {
        for word in [
            "AI", "ai", "5G", "x86", "12", "1", "a", "Q", "CEO", "iPhone15", "2024",
        ] {
            for end in ["", " ", ".", ")"] {
                let sentence = format!("{word}{end}");
                let mut syllables = vec![0; sentence.len()];
                let (mut general, mut fast) = (String::new(), String::new());
                let mut i = 0;
                let want = other_word(
                    &sentence,
                    &mut i,
                    Tables::get(),
                    &mut syllables,
                    &mut general,
                );
                let mut j = 0;
                let word_end = ascii_word(sentence.as_bytes(), &mut j);
                assert_eq!(word_end, Some(word.len()), "{sentence:?}");
                let got = ascii_term(&sentence[..word.len()], &mut fast);
                assert_eq!(got, want.map(|(term, _)| term), "{sentence:?}");
                assert_eq!(j, i + 1, "{sentence:?}: the separator is skipped");
            }
        }
        for sentence in ["AI가", "5G를", "x·y", "AI”", "HX-9", "Wi-Fi"] {
            let mut i = 0;
            assert_eq!(
                ascii_word(sentence.as_bytes(), &mut i),
                None,
                "{sentence:?}"
            );
            assert_eq!(i, 0, "{sentence:?}");
        }
    }

    #[test]
    fn function_words_with_endings_are_dropped() {
        assert_eq!(
            all("정부는 AI에 대해서 설명했다. 법에 의해 관한 통해서"),
            ["정부", "ai", "법"]
        );
    }

    #[test]
    fn terms_drop_stopwords_numbers_and_punctuation() {
        assert_eq!(
            all("정부가 12일 AI(인공지능) 클라우드를 육성한다고 밝혔다."),
            ["정부", "12일", "ai", "인공지능", "클라우드", "육성"]
        );
    }

    #[test]
    fn particles_after_a_closing_quote_or_bracket_make_no_terms() {
        assert_eq!(
            all("영화 《화차》에서 주연을, “다양성”이다, (CVCV)으로 구성, '책'으로 선정"),
            [
                "영화",
                "화차",
                "주연",
                "다양성",
                "cvcv",
                "구성",
                "책",
                "선정"
            ]
        );
        // The copula alone, after a unit, is no word either.
        assert_eq!(all("전체 높이는 3.35 m 이다."), ["전체", "높이"]);
        // After a space, or after an opening quote, the same word stands alone.
        assert_eq!(
            all("이란 핵 협상, ‘이란’ 제재"),
            ["이란", "핵", "협상", "이란", "제재"]
        );
    }

    #[test]
    fn quotative_particles_after_a_quote_make_no_terms() {
        // A quote ends a word: what follows it is the particle alone (`라고`, `이라는`).
        assert_eq!(
            all("시장은 “버스부터 바꾸겠다”라고 말했다. ‘녹색 교통’이라는 계획, “전환”이라고 "),
            ["시장", "버스", "바꾸", "녹색", "교통", "계획", "전환"]
        );
        assert_eq!(
            all("\"좋다\"라는 말, 이라크 전쟁"),
            ["좋다", "말", "이라크", "전쟁"]
        );
    }
}
