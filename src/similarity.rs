//! Sentence vectors and the sparse similarity graph.
//!
//! Each sentence becomes a sparse TF-IDF vector over normalized stems
//! ([`crate::normalize::terms`]), scaled to unit length, so similarity is a cosine.
//! [`Vectors::stems_and_bigrams`] also builds the same over syllable bigrams of the stems
//! ([`crate::normalize::syllable_bigrams`]): Korean compounds are written with and
//! without spaces (`반려동물 관리사`, `반려동물관리사`) and abbreviated (`전남도`,
//! `전라남도`), so the centrality graph is built on bigrams, while redundancy checks
//! and keywords use whole stems.
//! The graph is built through an inverted index: only sentences that share a term
//! are ever compared, and terms found in more than [`MAX_POSTINGS`] sentences (near
//! stopwords on long texts, where their IDF is tiny anyway) add no edges, so the work
//! grows with the text, not with its square. Sentences more than [`WINDOW`] apart are
//! not compared, and each sentence keeps its [`MAX_NEIGHBOURS`] strongest edges, so the
//! graph stays sparse on any text. No dense n × n matrix exists anywhere.

use std::borrow::Cow;

/// Terms found in more sentences than this add no graph edges (see the module doc).
pub const MAX_POSTINGS: usize = 256;

/// Sentences more than this many sentences apart are never linked: a news article
/// is far shorter, and on a book-length text centrality is a local matter.
pub const WINDOW: usize = 512;

/// Each sentence keeps at most its this-many most similar neighbours (an edge stays
/// when either end keeps it), so the graph has at most `2 × n × MAX_NEIGHBOURS` edges.
pub const MAX_NEIGHBOURS: usize = 32;

/// A sparse vector: `(term id, weight)` sorted by term id, unit length (or empty).
#[derive(Clone, Copy, Debug, Default, PartialEq)]
pub struct SparseVec<'a>(pub &'a [(u32, f32)]);

impl SparseVec<'_> {
    /// Dot product (a cosine, as both vectors have unit length).
    pub fn dot(&self, other: &SparseVec) -> f32 {
        let (a, b) = (self.0, other.0);
        let (mut i, mut j) = (0, 0);
        let mut sum = 0.0;
        while let (Some(&(ta, wa)), Some(&(tb, wb))) = (a.get(i), b.get(j)) {
            // Branch-light merge: advance the side(s) with the smaller id.
            if ta == tb {
                sum += wa * wb;
            }
            i += usize::from(ta <= tb);
            j += usize::from(tb <= ta);
        }
        sum
    }

    /// True when the sentence had no terms.
    pub fn is_empty(&self) -> bool {
        self.0.is_empty()
    }
}

/// TF-IDF vectors of a list of sentences.
#[derive(Clone, Debug, Default)]
pub struct Vectors {
    /// The vectors of all sentences, one after the other, in input order: sentence
    /// `i`'s is `weights[start[i]..start[i + 1]]`. One array, not one per sentence:
    /// two allocations in place of one per sentence.
    weights: Vec<(u32, f32)>,
    start: Vec<u32>,
    /// For each term id, the number of sentences that contain it.
    pub df: Vec<u32>,
    /// The term of each id (empty for bigram vectors, which nothing needs to name).
    names: Vec<Name>,
    /// The texts of the [`Name::Text`] terms, one after the other.
    texts: String,
}

/// A term's text, kept as its syllable key when it has one (most terms): the text
/// is made only for the few terms that are shown (keywords). Other terms (numbers,
/// Latin words) are a byte range of one shared string, not a string each: one
/// allocation in place of one per such term.
#[derive(Clone, Copy, Debug)]
enum Name {
    Syllables(u64),
    Text(u32, u32),
}

/// Marks, in a pair of ids, a kind of term (stem or bigram) that a key is not a term of.
/// The maps keep an id plus one, so that this is 0 and a new table of free slots is all
/// zeros: the allocator fills it at once, where a fill with another value goes slot by
/// slot (2,048 slots of 16 bytes on a news article).
const NO_ID: u32 = 0;

/// In [`Builder::finish`]: the sentences' terms seen before are sorted one sentence at
/// a time ([`Builder::sort_each`]) while the sum of their numbers squared is at most
/// this many times the number of counts (about where it stops paying).
const SQUARES_PER_COUNT: u64 = 10;

/// Collects the per-sentence term counts of one kind of term (stems or bigrams);
/// [`Builder::finish`] turns them into TF-IDF vectors.
struct Builder {
    /// Per term id: the place in `counts` of its last count, and its document
    /// frequency. One pair, so counting an occurrence touches one place of this table.
    terms: Vec<(u32, u32)>,
    /// `(term id, count)` of every sentence, one after the other: each sentence's
    /// terms seen in earlier sentences in order of first occurrence, then its new
    /// terms, in order of id (they get their ids in order).
    counts: Vec<(u32, f32)>,
    /// Where each sentence's counts start in `counts`, the open sentence's last.
    start: Vec<u32>,
    /// The first id given in each sentence (the number of terms before it), the open
    /// sentence's last: sentence `s`'s new terms are `first_id[s]..first_id[s + 1]`.
    first_id: Vec<u32>,
    /// `(term id, count)` of the open sentence's new terms, moved to `counts` when it ends.
    new: Vec<(u32, f32)>,
    /// The open sentence's start in `counts` and first id (the last of `start` and
    /// `first_id`, at hand).
    open: (u32, u32),
    /// The term of each id, when kept, and the texts [`Name::Text`] points into.
    names: Option<(Vec<Name>, String)>,
    /// Sentences left out ([`Builder::leave_out`]): not counted in the IDF's `n`.
    left_out: usize,
    /// The sum over the sentences of the number of their terms seen in earlier ones,
    /// squared ([`Builder::sort_each`]; 64 bits, so that it cannot wrap on wasm32).
    squares: u64,
}

impl Builder {
    /// A builder with room for `terms` terms, `counts` counts and `sentences`
    /// sentences, keeping the terms' names when `with_names`.
    fn new(with_names: bool, terms: usize, counts: usize, sentences: usize) -> Self {
        let mut start = Vec::with_capacity(sentences + 1);
        start.push(0);
        let mut first_id = Vec::with_capacity(sentences + 1);
        first_id.push(0);
        Builder {
            terms: Vec::with_capacity(terms),
            counts: Vec::with_capacity(counts),
            start,
            first_id,
            new: Vec::with_capacity(64),
            open: (0, 0),
            // As many bytes of term text as terms: more than enough on a short text,
            // where the terms not named by their key are a few numbers and words.
            names: with_names.then(|| (Vec::with_capacity(terms), String::with_capacity(terms))),
            left_out: 0,
            squares: 0,
        }
    }

    /// Counts the term whose id plus one is in `id` in the open sentence; a new term
    /// ([`NO_ID`]) gets the next id, and `name` names it: its key, or else its text
    /// (`Err`).
    fn add<'t>(&mut self, id: &mut u32, name: impl FnOnce() -> Result<u64, &'t str>) {
        let (open, first_new) = self.open;
        if *id == NO_ID {
            // Its place in `counts` is not known yet; this one is before any later
            // sentence, which is all that matters of it from now on.
            self.new.push((self.terms.len() as u32, 1.0));
            self.terms.push((self.counts.len() as u32, 1));
            *id = self.terms.len() as u32;
            if let Some((names, texts)) = &mut self.names {
                names.push(match name() {
                    Ok(key) => Name::Syllables(key),
                    Err(text) => {
                        let start = texts.len() as u32;
                        texts.push_str(text);
                        Name::Text(start, texts.len() as u32)
                    }
                });
            }
        } else if *id > first_new {
            // New in this sentence, and counted in it already.
            self.new[(*id - 1 - first_new) as usize].1 += 1.0;
        } else {
            let id = *id - 1;
            let (last, df) = &mut self.terms[id as usize];
            if *last >= open {
                // Counted in this sentence already.
                self.counts[*last as usize].1 += 1.0;
            } else {
                (*last, *df) = (self.counts.len() as u32, *df + 1);
                self.counts.push((id, 1.0));
            }
        }
    }

    fn end_sentence(&mut self) {
        let old = (self.counts.len() - self.open.0 as usize) as u64;
        self.squares += old * old;
        self.counts.extend_from_slice(&self.new);
        self.new.clear();
        self.open = (self.counts.len() as u32, self.terms.len() as u32);
        self.start.push(self.open.0);
        self.first_id.push(self.open.1);
    }

    /// Adds a sentence left out: an empty vector, not counted among the sentences of
    /// the IDF.
    fn leave_out(&mut self) {
        self.end_sentence();
        self.left_out += 1;
    }

    /// The vectors: the counts sorted by id ([`Builder::sort_by_id`]) and weighted.
    fn finish(self) -> Vectors {
        let Builder {
            terms,
            mut counts,
            start,
            first_id,
            names,
            left_out,
            squares,
            ..
        } = self;
        let (names, texts) = names.unwrap_or_default();
        let n = (start.len() - 1 - left_out) as f32;
        let df: Vec<u32> = terms.iter().map(|&(_, df)| df).collect();
        drop(terms);
        // libm, not f32::ln: the platform's logf may differ in the last bit between
        // native and wasm, and then so would every score. The IDF is computed once per
        // document frequency (terms share a few small ones), and the weights of small
        // counts once (the same values as computed in place, so the vectors are bit for
        // bit the same).
        let max_df = df.iter().copied().max().unwrap_or(0);
        let idf_of_df: Vec<f32> = (0..=max_df)
            .map(|d| libm::logf(1.0 + n / d as f32))
            .collect();
        let tf_weight: [f32; 8] = std::array::from_fn(|c| 1.0 + libm::logf(c as f32));
        let weight =
            |id: u32, count: f32| tf(count, &tf_weight) * idf_of_df[df[id as usize] as usize];
        if squares <= SQUARES_PER_COUNT * counts.len() as u64 {
            Self::sort_each(&mut counts, &start, &first_id);
        } else {
            Self::sort_by_id(&mut counts, &start, &first_id, &df);
        }
        for range in start.windows(2) {
            let sentence = &mut counts[range[0] as usize..range[1] as usize];
            // The squared norm is summed as the weights are made, in order of id.
            let mut norm = 0.0f32;
            for (id, w) in sentence.iter_mut() {
                *w = weight(*id, *w);
                norm += *w * *w;
            }
            let norm = norm.sqrt();
            if norm > 0.0 {
                sentence.iter_mut().for_each(|(_, w)| *w /= norm);
            }
        }
        Vectors {
            weights: counts,
            start,
            df,
            names,
            texts,
        }
    }

    /// Sorts each sentence's counts by id. Its new terms, whose ids were given in
    /// order, come after all the others, so only the terms seen in earlier sentences
    /// need sorting; they are sorted for all sentences at once by two counting sorts,
    /// in place of one sort per sentence: spread by term ([`Builder::spread_by_term`]),
    /// then read back term by term into their sentences.
    /// Not inlined, for the first summary's sake (DESIGN.md, Cold start).
    #[inline(never)]
    fn sort_by_id(counts: &mut [(u32, f32)], start: &[u32], first_id: &[u32], df: &[u32]) {
        let by_term = Self::spread_by_term(counts, start, first_id, df);
        let mut fill = start.to_vec();
        let mut rest = &by_term[..];
        for (id, &d) in df.iter().enumerate() {
            let (group, tail) = rest.split_at(d as usize - 1);
            rest = tail;
            for &(s, count) in group {
                let at = &mut fill[s as usize];
                counts[*at as usize] = (id as u32, count);
                *at += 1;
            }
        }
    }

    /// [`Builder::sort_by_id`] one sentence at a time, by insertion: on a short text
    /// most of a sentence's terms are new in it, and the few others take fewer steps
    /// (at most k² / 2 for k) than the counting sorts' passes over every term.
    /// Not inlined, for the first summary's sake (DESIGN.md, Cold start).
    #[inline(never)]
    fn sort_each(counts: &mut [(u32, f32)], start: &[u32], first_id: &[u32]) {
        for (s, id) in start.windows(2).zip(first_id.windows(2)) {
            let old = s[0] as usize..(s[1] - (id[1] - id[0])) as usize;
            let old = counts.get_mut(old).unwrap_or_default();
            for j in 1..old.len() {
                let mut k = j;
                while k > 0 && old[k - 1].0 > old[k].0 {
                    old.swap(k - 1, k);
                    k -= 1;
                }
            }
        }
    }

    /// The `(sentence, count)` of each sentence's terms seen in earlier sentences,
    /// grouped by term id, sentences ascending within a term (a counting sort): term
    /// `id`'s group follows the earlier ones and has `df[id] - 1` places.
    /// Not inlined, for the first summary's sake (DESIGN.md, Cold start).
    #[inline(never)]
    fn spread_by_term(
        counts: &[(u32, f32)],
        start: &[u32],
        first_id: &[u32],
        df: &[u32],
    ) -> Vec<(u32, f32)> {
        // Each term is new in its first sentence; the others are spread.
        let mut sum = 0;
        let mut fill: Vec<u32> = df
            .iter()
            .map(|&d| {
                sum += d - 1;
                sum - (d - 1)
            })
            .collect();
        let mut by_term = vec![(0u32, 0.0f32); sum as usize];
        for s in 0..start.len() - 1 {
            let new = first_id[s + 1] - first_id[s];
            for &(id, count) in &counts[start[s] as usize..(start[s + 1] - new) as usize] {
                let place = &mut fill[id as usize];
                by_term[*place as usize] = (s as u32, count);
                *place += 1;
            }
        }
        by_term
    }
}

/// The sublinear TF weight `1 + ln count`, from `table` for small counts.
fn tf(count: f32, table: &[f32; 8]) -> f32 {
    // Most terms occur once: 1 + ln 1 is exactly 1.
    if count == 1.0 {
        return 1.0;
    }
    let c = count as usize;
    match table.get(c) {
        Some(&t) if c as f32 == count => t,
        _ => 1.0 + libm::logf(count),
    }
}

use crate::normalize::{short_key, short_key_text};

/// The `[stem id, bigram id]` (each plus one, see [`NO_ID`]) of each [`short_key`], in
/// an open-addressing table like [`crate::normalize::KeyMap`]'s (Fibonacci hashing,
/// linear probing, at most half full), but with the ids kept in the slots next to their
/// keys: this table grows with the text's vocabulary, beyond the fastest caches on a
/// long text, and a probe then costs one cache miss, not one for the slot and one for
/// the entry.
struct IdMap {
    /// `(key, ids)`, or all zeros (key 0 is never a [`short_key`]) for a free slot.
    slots: Vec<(u64, [u32; 2])>,
    len: usize,
    /// 64 minus the log2 of the table size: the shift that turns a hash into a slot.
    shift: u32,
}

impl IdMap {
    /// A map with room for `n` keys before it grows.
    fn with_capacity(n: usize) -> Self {
        let size = (2 * n + 1).next_power_of_two().max(16);
        IdMap {
            slots: vec![(0, [NO_ID; 2]); size],
            len: 0,
            shift: 64 - size.trailing_zeros(),
        }
    }

    /// Room for `n` more keys, so that [`IdMap::ids`] need not test the size: a
    /// sentence of `n` bytes has fewer than `n / 3` keys, one a syllable at most.
    fn reserve(&mut self, n: usize) {
        while 2 * (self.len + n) > self.slots.len() {
            self.grow();
        }
    }

    /// The ids of `key`, both [`NO_ID`] when it is new ([`IdMap::reserve`] made room).
    fn ids(&mut self, key: u64) -> &mut [u32; 2] {
        let slot = self.find(key);
        if self.slots[slot].0 == 0 {
            self.slots[slot].0 = key;
            self.len += 1;
        }
        &mut self.slots[slot].1
    }

    /// The slot of `key`, or else the free slot where it goes.
    fn find(&self, key: u64) -> usize {
        let mask = self.slots.len() - 1;
        let mut slot = (key.wrapping_mul(0x9E37_79B9_7F4A_7C15) >> self.shift) as usize;
        loop {
            let k = self.slots[slot].0;
            if k == key || k == 0 {
                return slot;
            }
            slot = (slot + 1) & mask;
        }
    }

    /// Doubles the table.
    /// Not inlined, for the first summary's sake (DESIGN.md, Cold start).
    #[inline(never)]
    fn grow(&mut self) {
        let size = 2 * self.slots.len();
        let old = std::mem::replace(&mut self.slots, vec![(0, [NO_ID; 2]); size]);
        self.shift -= 1;
        for (key, ids) in old {
            if key != 0 {
                let slot = self.find(key);
                self.slots[slot] = (key, ids);
            }
        }
    }
}

/// The `[stem id, bigram id]` of each term that has no [`short_key`] (numbers, Latin
/// words, long Hangul words), by its text: an open-addressing table of indices into the
/// entries (FxHash, linear probing, at most half full), a few hundred bytes of wasm where
/// the standard hash map was 2 KB. The texts are borrowed
/// from the sentences where they can be (stems are slices of their sentence).
struct TextMap<'a> {
    /// Per slot, `(hash, 1 + the index in entries)` of a text, or `(0, 0)` when free:
    /// texts are compared only when their hashes are equal.
    slots: Vec<(u32, u32)>,
    entries: Vec<(Cow<'a, str>, [u32; 2])>,
}

impl<'a> TextMap<'a> {
    /// A map with room for `n` texts before it grows.
    fn with_capacity(n: usize) -> Self {
        TextMap {
            slots: vec![(0, 0); (2 * n + 1).next_power_of_two().max(16)],
            entries: Vec::with_capacity(n),
        }
    }

    /// The ids of `text`, found in `sentence`, both [`NO_ID`] when it is new.
    /// Not inlined, for the first summary's sake (DESIGN.md, Cold start).
    #[inline(never)]
    fn ids(&mut self, text: &str, sentence: &'a str) -> &mut [u32; 2] {
        if 2 * (self.entries.len() + 1) > self.slots.len() {
            let size = 2 * self.slots.len();
            let old = std::mem::replace(&mut self.slots, vec![(0, 0); size]);
            for (hash, e) in old.into_iter().filter(|&(_, e)| e != 0) {
                let slot = self.find(hash, "");
                self.slots[slot] = (hash, e);
            }
        }
        let hash = Self::hash(text);
        let slot = self.find(hash, text);
        if self.slots[slot].1 == 0 {
            let text =
                borrow_from(sentence, text).map_or_else(|| Cow::Owned(text.into()), Cow::Borrowed);
            self.entries.push((text, [NO_ID; 2]));
            self.slots[slot] = (hash, self.entries.len() as u32);
        }
        &mut self.entries[self.slots[slot].1 as usize - 1].1
    }

    /// A 32-bit hash of `text` (FxHash, its high bits mixed down).
    fn hash(text: &str) -> u32 {
        let mut hasher = rustc_hash::FxHasher::default();
        std::hash::Hasher::write(&mut hasher, text.as_bytes());
        (std::hash::Hasher::finish(&hasher).wrapping_mul(0x9E37_79B9_7F4A_7C15) >> 32) as u32
    }

    /// The slot of `text` (of `hash`), or else the free slot where it goes; with an
    /// empty `text`, the first free slot for `hash` (texts are never empty).
    fn find(&self, hash: u32, text: &str) -> usize {
        let mask = self.slots.len() - 1;
        let mut slot = hash as usize & mask;
        loop {
            match self.slots[slot] {
                (_, 0) => return slot,
                (h, e)
                    if h == hash
                        && crate::unicode::same(
                            self.entries[e as usize - 1].0.as_bytes(),
                            text.as_bytes(),
                        ) =>
                {
                    return slot
                }
                _ => slot = (slot + 1) & mask,
            }
        }
    }
}

/// `term` as a slice of `sentence` when it is one (same address), else `None`.
fn borrow_from<'a>(sentence: &'a str, term: &str) -> Option<&'a str> {
    let start = (term.as_ptr() as usize).checked_sub(sentence.as_ptr() as usize)?;
    sentence
        .get(start..start.checked_add(term.len())?)
        .filter(|slice| slice.as_ptr() == term.as_ptr())
}

impl Vectors {
    /// Builds the stem vectors of `sentences`.
    pub fn new(sentences: &[&str]) -> Self {
        Self::stems_and_bigrams(sentences).0
    }

    /// Builds, in one pass over the text, the stem vectors of `sentences` and the
    /// vectors over the syllable bigrams of those stems.
    pub fn stems_and_bigrams(sentences: &[&str]) -> (Self, Self) {
        Self::stems_and_bigrams_without(sentences, &[])
    }

    /// As [`Vectors::stems_and_bigrams`], but the sentences marked in `left_out` (page
    /// furniture; unmarked past its end) get empty vectors and are not counted in the
    /// IDF: a byline, a caption or a comment section neither links to the text's
    /// sentences nor weighs its words.
    pub fn stems_and_bigrams_without(sentences: &[&str], left_out: &[bool]) -> (Self, Self) {
        // Room for the terms up front (about one new term per 8 bytes on a short text,
        // far fewer on a long one), instead of growing the tables step by step.
        let bytes: usize = sentences.iter().map(|s| s.len()).sum();
        let room = (bytes / 8).min(1 << 12);
        let mut stems = Builder::new(true, room, bytes / 12, sentences.len());
        let mut bigrams = Builder::new(false, room, bytes / 8, sentences.len());
        // Both kinds of ids of each term, `[stem id, bigram id]`: a stem of two
        // syllables is also a bigram, so one probe finds both. By key for the terms of
        // one to four Hangul syllables (most terms: hashing one integer is far cheaper
        // than hashing a string), else by text, borrowed from the sentences where it
        // can be (stems are slices of their sentence), so interning rarely allocates.
        let mut keys = IdMap::with_capacity(room);
        // About one term in 16 is not Hangul (numbers, Latin words) on a news
        // article: room for them up front, where growing the table step by step
        // allocates at every doubling.
        let mut texts = TextMap::with_capacity(room / 16);
        let mut scratch = crate::normalize::Scratch::default();
        for (i, &sentence) in sentences.iter().enumerate() {
            if left_out.get(i) == Some(&true) {
                stems.leave_out();
                bigrams.leave_out();
                continue;
            }
            keys.reserve(sentence.len() / 3 + 1);
            scratch.terms(sentence, |stem, syllables| {
                let key = (!syllables.is_empty())
                    .then(|| short_key(syllables))
                    .flatten();
                let ids = match key {
                    Some(key) => keys.ids(key),
                    None => texts.ids(stem.text(), sentence),
                };
                stems.add(&mut ids[0], || key.ok_or_else(|| stem.text()));
                if syllables.len() >= 3 {
                    // Syllable bigrams (`반려동물` → `반려`, `려동`, `동물`), as
                    // [`crate::normalize::syllable_bigrams`] gives them.
                    for pair in syllables.windows(2) {
                        let key = short_key(pair).unwrap_or_default();
                        bigrams.add(&mut keys.ids(key)[1], || Ok(key));
                    }
                } else {
                    bigrams.add(&mut ids[1], || Ok(0));
                }
            });
            stems.end_sentence();
            bigrams.end_sentence();
        }
        (stems.finish(), bigrams.finish())
    }

    /// The number of sentences.
    pub fn len(&self) -> usize {
        self.start.len().saturating_sub(1)
    }

    /// True when there are no sentences.
    pub fn is_empty(&self) -> bool {
        self.len() == 0
    }

    /// The vector of sentence `i`.
    pub fn vec(&self, i: usize) -> SparseVec<'_> {
        SparseVec(&self.weights[self.start[i] as usize..self.start[i + 1] as usize])
    }

    /// The vector of sentence `i`, if there is one.
    pub fn get(&self, i: usize) -> Option<SparseVec<'_>> {
        (i < self.len()).then(|| self.vec(i))
    }

    /// The vectors of the sentences, in order.
    pub fn iter(&self) -> impl Iterator<Item = SparseVec<'_>> {
        self.start
            .windows(2)
            .map(|w| SparseVec(&self.weights[w[0] as usize..w[1] as usize]))
    }

    /// The number of distinct terms.
    pub fn term_count(&self) -> usize {
        self.df.len()
    }

    /// The text of term `id` (empty for bigram vectors, which keep no names).
    pub fn term(&self, id: usize) -> String {
        match self.names.get(id) {
            Some(Name::Syllables(key)) => short_key_text(*key),
            Some(&Name::Text(start, end)) => self
                .texts
                .get(start as usize..end as usize)
                .unwrap_or_default()
                .to_string(),
            None => String::new(),
        }
    }

    /// The syllable key ([`crate::normalize::short_key`]) of each term that has one, in
    /// order of id.
    pub(crate) fn term_keys(&self) -> impl Iterator<Item = Option<u64>> + '_ {
        self.names.iter().map(|name| match *name {
            Name::Syllables(key) => Some(key),
            Name::Text(..) => None,
        })
    }

    /// Cosine similarity of sentences `i` and `j`.
    pub fn similarity(&self, i: usize, j: usize) -> f32 {
        self.vec(i).dot(&self.vec(j))
    }
}

/// An undirected weighted graph in compressed rows: sentence `i`'s edges are
/// `edges[k]`, `(neighbour, weight)`, for `k` in `start[i]..start[i + 1]`, one for
/// every `j != i` with a positive similarity, `j` ascending. Two flat arrays, not a
/// list per sentence: fewer allocations, and PageRank reads an edge's neighbour and
/// weight side by side, straight through.
#[derive(Clone, Debug, Default)]
pub struct Graph {
    start: Vec<usize>,
    /// The weights are the cosines (computed in f32), as the f64 that PageRank sums
    /// them in.
    edges: Vec<(u32, f64)>,
}

impl Graph {
    /// Builds the similarity graph of `vectors` in one pass over the sentences: each
    /// finds its edges to earlier ones (`Linker`), which are also put on those
    /// sentences' lists (`Ring`); [`WINDOW`] sentences later a sentence has all its
    /// edges and its cutoff is known (`cutoff`), [`WINDOW`] more and so are all its
    /// neighbours', and its kept edges go into the graph (`Graph::push_kept`). Only a
    /// window of lists is held, in memory that stays in cache, where whole-graph
    /// arrays of every edge cost a page fault per 4 KB on a long text.
    pub fn new(vectors: &Vectors) -> Self {
        let n = vectors.len();
        let mut linker = Linker::new(vectors);
        let mut ring = Ring::new(n);
        let mut cutoffs = Vec::with_capacity(n);
        let mut keys = Vec::new();
        // Room for the most edges there can be: an edge is kept when either end keeps
        // it (at most MAX_NEIGHBOURS each) and is listed at both. Reserved for fewer,
        // the array grew by doubling, with both copies held at once: 2 MB more of peak
        // memory on 1 MB of text. What is left over is given back at the end.
        let mut graph = Graph::with_capacity(n, 2 * n * MAX_NEIGHBOURS);
        let mut scratch = Vec::new();
        for i in 0..n {
            let own = ring.slot(i);
            linker.link(i, |j, w| {
                ring.lists[own].push((j as u32, w));
                let other = ring.back(own, i - j);
                ring.lists[other].push((i as u32, w));
            });
            if let Some(x) = i.checked_sub(WINDOW) {
                cutoffs.push(cutoff(&ring.lists[ring.slot(x)], &mut keys));
            }
            if let Some(y) = i.checked_sub(2 * WINDOW) {
                let slot = ring.slot(y);
                let list = &mut ring.lists[slot];
                graph.push_kept(y, list, &cutoffs, &mut scratch);
                list.clear();
            }
        }
        for x in n.saturating_sub(WINDOW)..n {
            cutoffs.push(cutoff(&ring.lists[ring.slot(x)], &mut keys));
        }
        for y in n.saturating_sub(2 * WINDOW)..n {
            graph.push_kept(y, &ring.lists[ring.slot(y)], &cutoffs, &mut scratch);
        }
        graph.edges.shrink_to_fit();
        graph
    }

    /// An empty graph of `n` sentences with room for `edges` edges (both ways).
    fn with_capacity(n: usize, edges: usize) -> Self {
        let mut start = Vec::with_capacity(n + 1);
        start.push(0);
        Graph {
            start,
            edges: Vec::with_capacity(edges),
        }
    }

    /// Adds sentence `x`, with the edges of its `list` that either end keeps by
    /// `cutoffs`.
    fn push_kept(
        &mut self,
        x: usize,
        list: &[(u32, f32)],
        cutoffs: &[u64],
        scratch: &mut Vec<(u32, f32)>,
    ) {
        let kept = if cutoffs[x] == 0 {
            list // x keeps all its edges (as on any short text)
        } else {
            Self::filter(x, list, cutoffs, scratch)
        };
        self.edges
            .extend(kept.iter().map(|&(j, w)| (j, f64::from(w))));
        self.start.push(self.edges.len());
    }

    /// The edges of `list` that sentence `x` or their other end keeps, in `scratch`.
    /// Each edge is written before it is tested, and the end moves past it when kept:
    /// no branch to mispredict on a keep that is a coin toss.
    fn filter<'s>(
        x: usize,
        list: &[(u32, f32)],
        cutoffs: &[u64],
        scratch: &'s mut Vec<(u32, f32)>,
    ) -> &'s [(u32, f32)] {
        if scratch.len() <= list.len() {
            scratch.resize(list.len() + 1, (0, 0.0));
        }
        let mut kept = 0;
        for &(j, w) in list {
            scratch[kept] = (j, w);
            let keep = (rank(j, w) >= cutoffs[x]) | (rank(x as u32, w) >= cutoffs[j as usize]);
            kept += usize::from(keep);
        }
        &scratch[..kept]
    }

    /// The number of sentences.
    pub fn len(&self) -> usize {
        self.start.len().saturating_sub(1)
    }

    /// True when the graph has no sentences.
    pub fn is_empty(&self) -> bool {
        self.len() == 0
    }

    /// The edges of sentence `i`, `(neighbour, weight)`, by neighbour.
    pub fn edges(&self, i: usize) -> &[(u32, f64)] {
        &self.edges[self.start[i]..self.start[i + 1]]
    }
}

/// Each sentence's edges, `(other sentence, cosine)` by other sentence, held from
/// when it links to the earlier sentences until its last neighbour's cutoff is
/// known, `2 × WINDOW` sentences later: a ring of `2 × WINDOW + 1` lists (or one per
/// sentence, when fewer), each keeping its room for the next sentence.
struct Ring {
    lists: Vec<Vec<(u32, f32)>>,
}

impl Ring {
    fn new(n: usize) -> Self {
        Ring {
            lists: (0..n.min(2 * WINDOW + 1))
                .map(|_| Vec::with_capacity(2 * MAX_NEIGHBOURS))
                .collect(),
        }
    }

    /// The list of sentence `x`.
    fn slot(&self, x: usize) -> usize {
        x % self.lists.len()
    }

    /// The list `back` (at most [`WINDOW`]) places before list `slot`, without the
    /// division that [`Ring::slot`] takes.
    fn back(&self, slot: usize, back: usize) -> usize {
        if slot >= back {
            slot - back
        } else {
            slot + self.lists.len() - back
        }
    }
}

/// A term's list in the postings: the sentences linked so far that have the term are
/// `start..next` (sentences come in order, so the sentence being linked goes at
/// `next`, and no search is needed); the two are one memory access. `next` is
/// [`NOT_POSTED`] for a term in one or too many sentences.
#[derive(Clone, Copy)]
struct Cursor {
    start: u32,
    next: u32,
}

/// A [`Cursor::next`] that marks a term not posted.
const NOT_POSTED: u32 = u32::MAX;

/// Finds each sentence's edges to the earlier sentences it shares a term with,
/// through an inverted index that it fills as it goes.
struct Linker<'a> {
    vectors: &'a Vectors,
    /// Postings with weights, for terms in at most [`MAX_POSTINGS`] sentences (and at
    /// least two: a term of one sentence links none), in one flat array, each term's
    /// list by sentence, with room for all its sentences.
    postings: Vec<(u32, f32)>,
    /// Each term's list in `postings`.
    cursors: Vec<Cursor>,
    /// The dot products with the sentence being linked, padded to a power of two (an
    /// index masked by its length needs no bounds check); bit j of `touched` marks a j
    /// with a share, so reading the bits in order gives the neighbours sorted,
    /// without a sort. On a text of at most 64 sentences `touched` is empty: the bits
    /// are kept in a register, and every earlier sentence is within the window.
    acc: Vec<f32>,
    touched: Vec<u64>,
}

impl<'a> Linker<'a> {
    fn new(vectors: &'a Vectors) -> Self {
        let mut total = 0u32;
        let cursors: Vec<Cursor> = vectors
            .df
            .iter()
            .map(|&df| {
                let start = total;
                // Places are u32, like sentence ids; on a text too long for them, the
                // lists that do not fit are not posted.
                let end = (2..=MAX_POSTINGS)
                    .contains(&(df as usize))
                    .then(|| total.checked_add(df))
                    .flatten();
                total = end.unwrap_or(total);
                Cursor {
                    start,
                    next: end.map_or(NOT_POSTED, |_| start),
                }
            })
            .collect();
        let postings = vec![(0u32, 0f32); total as usize];
        let n = vectors.len();
        Linker {
            vectors,
            postings,
            cursors,
            acc: vec![0.0; n.next_power_of_two()],
            touched: vec![0; if n > 64 { n.div_ceil(64) } else { 0 }],
        }
    }

    /// Calls `edge(j, cosine)` for each earlier sentence `j` within [`WINDOW`] of `i`
    /// that shares a term with it, by `j`. Sentences must be linked in order.
    fn link(&mut self, i: usize, mut edge: impl FnMut(usize, f32)) {
        let mask = self.acc.len() - 1;
        let (postings, acc, touched) = (
            &mut self.postings,
            &mut self.acc[..=mask],
            &mut self.touched,
        );
        let short = touched.is_empty();
        // The bits of a short text.
        let mut shares = 0u64;
        for &(term, w) in self.vectors.vec(i).0 {
            let cursor = &mut self.cursors[term as usize];
            if cursor.next == NOT_POSTED {
                continue;
            }
            let list = &postings[cursor.start as usize..cursor.next as usize];
            if short {
                for &(j, w2) in list {
                    acc[j as usize & mask] += w2 * w;
                    shares |= 1 << (j % 64);
                }
            } else {
                // Latest first, to the first outside the window.
                for &(j, w2) in list.iter().rev() {
                    if j as usize + WINDOW < i {
                        break;
                    }
                    acc[j as usize & mask] += w2 * w;
                    touched[j as usize / 64] |= 1 << (j % 64);
                }
            }
            postings[cursor.next as usize] = (i as u32, w);
            cursor.next += 1;
        }
        // Only sentences before i and within the window have a share.
        let mut word = i.saturating_sub(WINDOW) / 64;
        while word * 64 < i {
            let mut bits = if short {
                shares
            } else {
                std::mem::take(&mut touched[word])
            };
            while bits != 0 {
                let j = word * 64 + bits.trailing_zeros() as usize;
                bits &= bits - 1;
                let sim = std::mem::take(&mut acc[j & mask]);
                if sim > 0.0 {
                    edge(j, sim);
                }
            }
            word += 1;
        }
    }
}

/// Strongest first; equal weights go to the nearer index, deterministically. As one
/// integer: weights are positive, so their bits order like them.
fn rank(j: u32, w: f32) -> u64 {
    (u64::from(w.to_bits()) << 32) | u64::from(u32::MAX - j)
}

/// The [`rank`] of the weakest edge a sentence with these edges keeps (its
/// [`MAX_NEIGHBOURS`]th), or 0 when it keeps them all. An edge's weight is the same
/// at both ends, so "x keeps (j, w)" is a comparison with x's cutoff, and the lists
/// are filtered instead of sorted.
fn cutoff(edges: &[(u32, f32)], keys: &mut Vec<u64>) -> u64 {
    if edges.len() <= MAX_NEIGHBOURS {
        return 0;
    }
    keys.clear();
    keys.extend(edges.iter().map(|&(j, w)| rank(j, w)));
    kth_largest(keys)
}

/// The [`MAX_NEIGHBOURS`]th largest of `keys`, which are distinct and more than that
/// many, reordering them: a quickselect (the pivot the median of three, or on many
/// keys [`sampled_pivot`]), and should it take too many rounds, [`kth_largest_by_heap`].
/// Both are far smaller in the wasm module than the standard library's selection.
fn kth_largest(keys: &mut [u64]) -> u64 {
    let k = MAX_NEIGHBOURS - 1;
    // The answer is in keys[lo..hi], everything before lo is larger, after hi smaller.
    let (mut lo, mut hi) = (0, keys.len());
    for _ in 0..64 {
        if hi - lo == 1 {
            return keys[lo];
        }
        let mid = lo + (hi - lo) / 2;
        let (a, b, c) = (keys[lo], keys[mid], keys[hi - 1]);
        let p = if hi - lo >= 4 * MAX_NEIGHBOURS {
            sampled_pivot(&keys[lo..hi], k - lo) + lo
        } else if (a < b) == (b < c) {
            mid
        } else if (b < a) == (a < c) {
            lo
        } else {
            hi - 1
        };
        // Partition keys[lo..hi]: the larger keys first, then the pivot.
        let part = &mut keys[lo..hi];
        let last = part.len() - 1;
        part.swap(p - lo, last);
        let pivot = part[last];
        // Every key is swapped to the end of the larger ones, which then take it in
        // or not: no branch to mispredict on a comparison that is a coin toss.
        let mut larger = 0;
        for x in 0..last {
            let key = part[x];
            part.swap(x, larger);
            larger += usize::from(key > pivot);
        }
        part.swap(larger, last);
        let larger = lo + larger;
        match k.cmp(&larger) {
            std::cmp::Ordering::Less => hi = larger,
            std::cmp::Ordering::Equal => return pivot,
            std::cmp::Ordering::Greater => lo = larger + 1,
        }
    }
    kth_largest_by_heap(keys.iter().copied())
}

/// The place of a key in `keys` likely a little larger than their `k + 1`th largest
/// (`k` well under `keys.len() / 2`), from 8 spread over them: a first pivot that
/// leaves few keys to select among, where the median of three leaves half.
fn sampled_pivot(keys: &[u64], k: usize) -> usize {
    const S: usize = 8;
    let len = keys.len();
    let mut at: [usize; S] = std::array::from_fn(|t| (2 * t + 1) * len / (2 * S));
    // Largest first, by insertion.
    for x in 1..S {
        let place = at[x];
        let mut y = x;
        while y > 0 && keys[at[y - 1]] < keys[place] {
            at[y] = at[y - 1];
            y -= 1;
        }
        at[y] = place;
    }
    // The sample key expected near rank 2 (k + 1) of the whole.
    at[(2 * (k + 1) * (S + 1) / len).clamp(1, S) - 1]
}

/// The [`MAX_NEIGHBOURS`]th largest of `keys`, which are distinct and at least that
/// many (else the smallest), kept in a small heap of the largest so far, smallest
/// on top: most keys are turned away by one comparison with it, and no sort code is
/// added to the wasm module.
fn kth_largest_by_heap(keys: impl Iterator<Item = u64>) -> u64 {
    let mut heap = [0u64; MAX_NEIGHBOURS];
    let mut len = 0;
    for key in keys {
        let at = if len < MAX_NEIGHBOURS {
            // Still filling: the key rises from the end to its place.
            let mut at = len;
            len += 1;
            while at > 0 && heap[(at - 1) / 2] > key {
                heap[at] = heap[(at - 1) / 2];
                at = (at - 1) / 2;
            }
            at
        } else if key > heap[0] {
            // The key replaces the smallest, and sinks to its place.
            let mut at = 0;
            loop {
                let mut child = 2 * at + 1;
                if child >= MAX_NEIGHBOURS {
                    break;
                }
                if child + 1 < MAX_NEIGHBOURS && heap[child + 1] < heap[child] {
                    child += 1;
                }
                if heap[child] >= key {
                    break;
                }
                heap[at] = heap[child];
                at = child;
            }
            at
        } else {
            continue;
        };
        heap[at] = key;
    }
    heap[0]
}

#[cfg(test)]
mod tests {
    use super::*;

    const SENTENCES: [&str; 4] = [
        "정부가 클라우드 산업을 육성한다.",
        "클라우드는 핵심 인프라다.",
        "업계는 세제 혜택을 요청했다.",
        "클라우드 산업 육성에 업계가 환영했다.",
    ];

    #[test]
    fn particles_do_not_split_a_term() {
        let v = Vectors::new(&SENTENCES);
        assert!(
            v.similarity(0, 1) > 0.0,
            "클라우드를/클라우드는 should share a term"
        );
        assert_eq!(v.similarity(1, 2), 0.0);
    }

    #[test]
    fn terms_are_named_by_their_stems() {
        let v = Vectors::new(&["클라우드를 AI가 쓴다.", "가 클라우드는 Cloud 쓴다."]);
        let names: Vec<String> = (0..v.term_count()).map(|id| v.term(id)).collect();
        assert_eq!(names, ["클라우드", "ai", "쓴다", "cloud"], "AI가 is ai");
    }

    #[test]
    fn vectors_are_sorted_by_id_with_their_counts() {
        // Sentence 2 has terms seen before (out of id order) and new ones, repeated.
        let v = Vectors::new(&["가방 나무 다리 라면", "라면 바다 가방 바다 다리 라면"]);
        let ids: Vec<u32> = v.vec(1).0.iter().map(|&(id, _)| id).collect();
        assert_eq!(ids, [0, 2, 3, 4], "가방 다리 라면 바다");
        let w = |id: u32| v.vec(1).0.iter().find(|t| t.0 == id).map_or(0.0, |t| t.1);
        // TF 1 + ln 2 for the repeated 라면 (old) and 바다 (new), IDF ln 2 for the
        // terms of both sentences, ln 3 for 바다.
        let close = |a: f32, b: f32| (a - b).abs() < 1e-5;
        assert!(close(w(3) / w(2), 1.0 + 2f32.ln()), "라면 counted twice");
        assert!(
            close(w(4) / w(3), 3f32.ln() / 2f32.ln()),
            "바다 counted twice"
        );
        assert_eq!(v.len(), 2);
        assert!(v.get(2).is_none());
    }

    #[test]
    fn both_sorts_by_id_agree() {
        // Sentences of terms seen before, in orders of their own, and a new one each.
        let mut b = Builder::new(false, 64, 512, 8);
        let mut ids = [NO_ID; 48];
        for s in 0..6 {
            for i in 0..41 {
                b.add(&mut ids[(i * (s + 2)) % 41], || Ok(0));
            }
            b.add(&mut ids[41 + s], || Ok(0));
            b.end_sentence();
        }
        let df: Vec<u32> = b.terms.iter().map(|&(_, df)| df).collect();
        let (mut each, mut by_id) = (b.counts.clone(), b.counts.clone());
        Builder::sort_each(&mut each, &b.start, &b.first_id);
        Builder::sort_by_id(&mut by_id, &b.start, &b.first_id, &df);
        assert_eq!(each, by_id);
        for r in b.start.windows(2) {
            let ids: Vec<u32> = each[r[0] as usize..r[1] as usize]
                .iter()
                .map(|t| t.0)
                .collect();
            assert!(ids.windows(2).all(|w| w[0] < w[1]), "{ids:?}");
        }
    }

    #[test]
    fn vectors_have_unit_length() {
        let v = Vectors::new(&SENTENCES);
        for (i, vec) in v.iter().enumerate() {
            let norm: f32 = vec.0.iter().map(|&(_, w)| w * w).sum();
            assert!((norm - 1.0).abs() < 1e-5, "sentence {i} has norm {norm}");
        }
    }

    #[test]
    fn graph_matches_pairwise_cosines() {
        let v = Vectors::new(&SENTENCES);
        let g = Graph::new(&v);
        for i in 0..SENTENCES.len() {
            for j in 0..SENTENCES.len() {
                let edge = g.edges(i).iter().find(|&&(k, _)| k as usize == j);
                let want = if i == j { 0.0 } else { v.similarity(i, j) };
                let got = edge.map_or(0.0, |&(_, w)| w as f32);
                assert!((got - want).abs() < 1e-6, "edge {i}-{j}: {got} vs {want}");
            }
        }
    }

    #[test]
    fn kth_largest_agrees_with_a_sort() {
        // Pseudo-random keys (an LCG) and runs in order and in reverse, made distinct.
        let mut x = 12345u64;
        let mut next = || {
            x = x
                .wrapping_mul(6364136223846793005)
                .wrapping_add(1442695040888963407);
            x >> 33
        };
        for len in [33, 34, 100, 1000] {
            let random: Vec<u64> = (0..len).map(|_| next()).collect();
            let ascending: Vec<u64> = (0..len as u64).collect();
            let descending: Vec<u64> = ascending.iter().rev().copied().collect();
            for keys in [random, ascending, descending] {
                let mut distinct: Vec<u64> = keys
                    .iter()
                    .enumerate()
                    .map(|(i, &k)| k << 12 | i as u64)
                    .collect();
                let mut sorted = distinct.clone();
                sorted.sort_unstable_by(|a, b| b.cmp(a));
                let want = sorted[MAX_NEIGHBOURS - 1];
                assert_eq!(kth_largest_by_heap(distinct.iter().copied()), want);
                assert_eq!(kth_largest(&mut distinct), want);
            }
        }
    }

    #[test]
    fn text_map_keeps_each_texts_ids_through_growth() {
        let sentence = "ai 2024 x86 ceo";
        let mut map = TextMap::with_capacity(1);
        let words: Vec<String> = (0..200).map(|i| format!("w{i}")).collect();
        for (i, word) in words.iter().enumerate() {
            assert_eq!(*map.ids(word, sentence), [NO_ID; 2], "{word} is new");
            map.ids(word, sentence)[0] = i as u32;
        }
        for (i, word) in words.iter().enumerate() {
            assert_eq!(map.ids(word, sentence)[0], i as u32, "{word}");
        }
        // A text found in the sentence is borrowed from it, not copied.
        map.ids(&sentence[3..7], sentence)[1] = 7;
        assert_eq!(map.ids("2024", "")[1], 7);
        assert!(matches!(
            map.entries.last(),
            Some((Cow::Borrowed("2024"), _))
        ));
        assert_eq!(map.entries.len(), 201);
    }

    #[test]
    fn long_texts_keep_a_sparse_local_graph() {
        // Every sentence shares terms with every other: without pruning, n² edges.
        let sentences: Vec<String> = (0..800)
            .map(|i| format!("클라우드 산업 육성 정책 {} 번째 문장이다.", i % 7))
            .collect();
        let refs: Vec<&str> = sentences.iter().map(String::as_str).collect();
        let g = Graph::new(&Vectors::new(&refs));
        let edges: usize = (0..g.len()).map(|i| g.edges(i).len()).sum();
        assert!(
            edges <= 2 * MAX_NEIGHBOURS * refs.len(),
            "{edges} edges: neighbour pruning broke"
        );
        for i in 0..g.len() {
            let list = g.edges(i);
            assert!(
                list.windows(2).all(|w| w[0].0 < w[1].0),
                "edges of {i} unsorted"
            );
            assert!(
                list.iter()
                    .all(|&(j, _)| (j as usize).abs_diff(i) <= WINDOW),
                "edge of {i} outside the window"
            );
        }
    }
}
