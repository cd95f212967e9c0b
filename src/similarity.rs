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
#[derive(Clone, Debug, Default, PartialEq)]
pub struct SparseVec(pub Vec<(u32, f32)>);

impl SparseVec {
    /// Dot product (a cosine, as both vectors have unit length).
    pub fn dot(&self, other: &SparseVec) -> f32 {
        let (a, b) = (&self.0[..], &other.0[..]);
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
    /// One vector per sentence, in input order.
    pub vecs: Vec<SparseVec>,
    /// For each term id, the number of sentences that contain it.
    pub df: Vec<u32>,
    /// The term of each id (empty for bigram vectors, which nothing needs to name).
    pub vocab: Vec<String>,
}

/// Interns terms and collects per-sentence term counts; [`Builder::finish`] turns
/// them into TF-IDF vectors. Terms are borrowed from the sentences where they can be
/// (stems and bigrams are slices of their sentence), so interning rarely allocates.
#[derive(Default)]
struct Builder<'a> {
    /// Ids of terms of one to four Hangul syllables, by [`syllable_key`] (most terms
    /// are such: hashing one integer is far cheaper than hashing a string).
    hangul: rustc_hash::FxHashMap<u64, u32>,
    /// Ids of the other terms.
    ids: rustc_hash::FxHashMap<Cow<'a, str>, u32>,
    df: Vec<u32>,
    /// `(term id, count)` per finished sentence.
    counts: Vec<Vec<(u32, f32)>>,
    /// Raw term ids of the open sentence.
    open: Vec<(u32, f32)>,
}

impl<'a> Builder<'a> {
    fn add(&mut self, sentence: &'a str, term: &str) {
        if let Some(key) = syllable_key(term) {
            let next = self.df.len() as u32;
            let id = *self.hangul.entry(key).or_insert(next);
            if id == next {
                self.df.push(0);
            }
            self.open.push((id, 1.0));
            return;
        }
        let id = match self.ids.get(term) {
            Some(&id) => id,
            None => {
                let id = self.df.len() as u32;
                let key = match borrow_from(sentence, term) {
                    Some(slice) => Cow::Borrowed(slice),
                    None => Cow::Owned(term.to_string()),
                };
                self.ids.insert(key, id);
                self.df.push(0);
                id
            }
        };
        self.open.push((id, 1.0));
    }

    fn end_sentence(&mut self) {
        let mut tf = std::mem::take(&mut self.open);
        tf.sort_unstable_by_key(|&(id, _)| id);
        tf.dedup_by(|next, kept| {
            if next.0 == kept.0 {
                kept.1 += 1.0;
                true
            } else {
                false
            }
        });
        for &(id, _) in &tf {
            self.df[id as usize] += 1;
        }
        self.open = Vec::with_capacity(tf.len());
        self.counts.push(tf);
    }

    /// The vectors; `with_vocab` also keeps the terms themselves.
    fn finish(self, with_vocab: bool) -> Vectors {
        let n = self.counts.len() as f32;
        let df = self.df;
        // libm, not f32::ln: the platform's logf may differ in the last bit between
        // native and wasm, and then so would every score. Each term's IDF and the
        // weights of small counts are computed once (the same values as computed in
        // place, so the vectors are bit for bit the same).
        let idf: Vec<f32> = df.iter().map(|&d| libm::logf(1.0 + n / d as f32)).collect();
        let tf_weight: [f32; 8] = std::array::from_fn(|c| 1.0 + libm::logf(c as f32));
        let vecs = self
            .counts
            .into_iter()
            .map(|mut tf| {
                for (id, w) in tf.iter_mut() {
                    let count = *w as usize;
                    let t = match tf_weight.get(count) {
                        Some(&t) if count as f32 == *w => t,
                        _ => 1.0 + libm::logf(*w),
                    };
                    *w = t * idf[*id as usize];
                }
                let norm = tf.iter().map(|&(_, w)| w * w).sum::<f32>().sqrt();
                if norm > 0.0 {
                    tf.iter_mut().for_each(|(_, w)| *w /= norm);
                }
                SparseVec(tf)
            })
            .collect();
        let mut vocab = Vec::new();
        if with_vocab {
            vocab = vec![String::new(); df.len()];
            for (term, id) in self.ids {
                vocab[id as usize] = term.into_owned();
            }
            for (key, id) in self.hangul {
                vocab[id as usize] = syllables_of_key(key);
            }
        }
        Vectors { vecs, df, vocab }
    }
}

use crate::unicode::{S_BASE as SYLLABLE_BASE, S_COUNT};
/// The number of Hangul syllables, `가` to `힣`.
const SYLLABLES: u64 = S_COUNT as u64;

/// A term of one to four Hangul syllables as a number (base-11173 digits, each
/// syllable's index plus one, so lengths differ), else `None`.
fn syllable_key(term: &str) -> Option<u64> {
    if term.is_empty() || term.len() > 12 {
        return None;
    }
    let mut key = 0u64;
    for c in term.chars() {
        let index = (c as u32).checked_sub(SYLLABLE_BASE)? as u64;
        if index >= SYLLABLES {
            return None;
        }
        key = key * (SYLLABLES + 1) + index + 1;
    }
    Some(key)
}

/// The term of a [`syllable_key`].
fn syllables_of_key(mut key: u64) -> String {
    let mut chars = ['\0'; 4];
    let mut n = 0;
    while key > 0 && n < 4 {
        let index = (key % (SYLLABLES + 1)) as u32 - 1;
        chars[n] = char::from_u32(SYLLABLE_BASE + index).unwrap_or('\u{FFFD}');
        n += 1;
        key /= SYLLABLES + 1;
    }
    let mut term = String::with_capacity(3 * n);
    term.extend(chars[..n].iter().rev());
    term
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
        let (mut stems, mut bigrams) = (Builder::default(), Builder::default());
        // Room for the terms up front (about one new term per 8 bytes on a short text,
        // far fewer on a long one), instead of growing the maps step by step.
        let bytes: usize = sentences.iter().map(|s| s.len()).sum();
        let room = (bytes / 8).min(1 << 12);
        stems.hangul.reserve(room);
        bigrams.hangul.reserve(room);
        for &sentence in sentences {
            crate::normalize::terms(sentence, |stem| {
                stems.add(sentence, stem);
                crate::normalize::syllable_bigrams(stem, |b| bigrams.add(sentence, b));
            });
            stems.end_sentence();
            bigrams.end_sentence();
        }
        (stems.finish(true), bigrams.finish(false))
    }

    /// Cosine similarity of sentences `i` and `j`.
    pub fn similarity(&self, i: usize, j: usize) -> f32 {
        self.vecs[i].dot(&self.vecs[j])
    }
}

/// An undirected weighted graph as adjacency lists: `edges[i]` holds `(j, cosine)`
/// for every `j != i` with a positive similarity, `j` ascending.
#[derive(Clone, Debug, Default)]
pub struct Graph {
    /// Adjacency lists, one per sentence.
    pub edges: Vec<Vec<(u32, f32)>>,
}

impl Graph {
    /// Builds the similarity graph of `vectors` through the inverted index.
    pub fn new(vectors: &Vectors) -> Self {
        let n = vectors.vecs.len();
        // Postings with weights, for terms in at most MAX_POSTINGS sentences.
        let mut postings: Vec<Vec<(u32, f32)>> = vectors
            .df
            .iter()
            .map(|&df| {
                Vec::with_capacity(if df as usize <= MAX_POSTINGS {
                    df as usize
                } else {
                    0
                })
            })
            .collect();
        for (i, v) in vectors.vecs.iter().enumerate() {
            for &(term, w) in &v.0 {
                if vectors.df[term as usize] as usize <= MAX_POSTINGS {
                    postings[term as usize].push((i as u32, w));
                }
            }
        }
        let mut edges: Vec<Vec<(u32, f32)>> = vec![Vec::new(); n];
        // Accumulate dot products of sentence i with every later sentence sharing a term.
        let mut acc: Vec<f32> = vec![0.0; n];
        let mut touched: Vec<u32> = Vec::new();
        for i in 0..n {
            for &(term, w) in &vectors.vecs[i].0 {
                let list = &postings[term as usize];
                let later = list.partition_point(|&(j, _)| j as usize <= i);
                let near = list.partition_point(|&(j, _)| j as usize <= i + WINDOW);
                for &(j, w2) in &list[later..near] {
                    if acc[j as usize] == 0.0 {
                        touched.push(j);
                    }
                    acc[j as usize] += w * w2;
                }
            }
            touched.sort_unstable();
            for &j in &touched {
                let sim = acc[j as usize];
                acc[j as usize] = 0.0;
                if sim > 0.0 {
                    edges[i].push((j, sim));
                    edges[j as usize].push((i as u32, sim));
                }
            }
            touched.clear();
        }
        Graph {
            edges: keep_strongest(edges),
        }
    }
}

/// Keeps, for each sentence, its [`MAX_NEIGHBOURS`] strongest edges, and every edge
/// that the other end keeps; lists stay sorted by neighbour.
fn keep_strongest(edges: Vec<Vec<(u32, f32)>>) -> Vec<Vec<(u32, f32)>> {
    if edges.iter().all(|e| e.len() <= MAX_NEIGHBOURS) {
        return edges;
    }
    // Strongest first; equal weights go to the nearer index, deterministically.
    let order = |a: &(u32, f32), b: &(u32, f32)| b.1.total_cmp(&a.1).then(a.0.cmp(&b.0));
    // The weakest edge each sentence keeps (none: it keeps them all). An edge's
    // weight is the same in both lists, so "i keeps (j, w)" is a comparison with
    // i's cutoff, and the lists are filtered in place of being rebuilt and sorted.
    let mut scratch = Vec::new();
    let cutoff: Vec<Option<(u32, f32)>> = edges
        .iter()
        .map(|list| {
            (list.len() > MAX_NEIGHBOURS).then(|| {
                scratch.clear();
                scratch.extend_from_slice(list);
                *scratch.select_nth_unstable_by(MAX_NEIGHBOURS - 1, order).1
            })
        })
        .collect();
    let keeps = |i: usize, edge: &(u32, f32)| {
        cutoff[i].is_none_or(|c| order(edge, &c) != std::cmp::Ordering::Greater)
    };
    // In place: no second set of lists beside the first.
    edges
        .into_iter()
        .enumerate()
        .map(|(i, mut list)| {
            list.retain(|&(j, w)| keeps(i, &(j, w)) || keeps(j as usize, &(i as u32, w)));
            list
        })
        .collect()
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
    fn syllable_keys_round_trip() {
        for term in ["가", "힣", "클라", "클라우드", "가가가가"] {
            let key = syllable_key(term).unwrap();
            assert_eq!(syllables_of_key(key), term);
        }
        for term in ["", "abc", "클라우드는", "AI", "가a"] {
            assert_eq!(syllable_key(term), None, "{term:?}");
        }
        assert_ne!(syllable_key("가"), syllable_key("가가"));
    }

    #[test]
    fn vectors_have_unit_length() {
        let v = Vectors::new(&SENTENCES);
        for (i, vec) in v.vecs.iter().enumerate() {
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
                let edge = g.edges[i].iter().find(|&&(k, _)| k as usize == j);
                let want = if i == j { 0.0 } else { v.similarity(i, j) };
                let got = edge.map_or(0.0, |&(_, w)| w);
                assert!((got - want).abs() < 1e-6, "edge {i}-{j}: {got} vs {want}");
            }
        }
    }

    #[test]
    fn long_texts_keep_a_sparse_local_graph() {
        // Every sentence shares terms with every other: without pruning, n² edges.
        let sentences: Vec<String> = (0..800)
            .map(|i| format!("클라우드 산업 육성 정책 {} 번째 문장이다.", i % 7))
            .collect();
        let refs: Vec<&str> = sentences.iter().map(String::as_str).collect();
        let g = Graph::new(&Vectors::new(&refs));
        let edges: usize = g.edges.iter().map(Vec::len).sum();
        assert!(
            edges <= 2 * MAX_NEIGHBOURS * refs.len(),
            "{edges} edges: neighbour pruning broke"
        );
        for (i, list) in g.edges.iter().enumerate() {
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
