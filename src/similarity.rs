//! Sentence vectors and the sparse similarity graph.
//!
//! Each sentence becomes a sparse TF-IDF vector over normalized stems
//! ([`crate::normalize::terms`]), scaled to unit length, so similarity is a cosine.
//! [`Vectors::bigrams`] builds the same over syllable bigrams of the stems
//! ([`crate::normalize::syllable_bigrams`]): Korean compounds are written with and
//! without spaces (`반려동물 관리사`, `반려동물관리사`) and abbreviated (`전남도`,
//! `전라남도`), so the centrality graph is built on bigrams, while redundancy checks
//! and keywords use whole stems.
//! The graph is built through an inverted index: only sentences that share a term
//! are ever compared, and terms found in more than [`MAX_POSTINGS`] sentences (near
//! stopwords on long texts, where their IDF is tiny anyway) add no edges, so the work
//! grows with the text, not with its square. No dense n × n matrix exists anywhere.

use std::collections::HashMap;

/// Terms found in more sentences than this add no graph edges (see the module doc).
pub const MAX_POSTINGS: usize = 256;

/// A sparse vector: `(term id, weight)` sorted by term id, unit length (or empty).
#[derive(Clone, Debug, Default, PartialEq)]
pub struct SparseVec(pub Vec<(u32, f32)>);

impl SparseVec {
    /// Dot product (a cosine, as both vectors have unit length).
    pub fn dot(&self, other: &SparseVec) -> f32 {
        let (mut a, mut b) = (self.0.iter().peekable(), other.0.iter().peekable());
        let mut sum = 0.0;
        while let (Some(&&(ta, wa)), Some(&&(tb, wb))) = (a.peek(), b.peek()) {
            match ta.cmp(&tb) {
                std::cmp::Ordering::Less => {
                    a.next();
                }
                std::cmp::Ordering::Greater => {
                    b.next();
                }
                std::cmp::Ordering::Equal => {
                    sum += wa * wb;
                    a.next();
                    b.next();
                }
            }
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
    /// For each term id, the sentences that contain it (ascending).
    pub postings: Vec<Vec<u32>>,
    /// The term of each id.
    pub vocab: Vec<String>,
}

impl Vectors {
    /// Builds the stem vectors of `sentences`.
    pub fn new(sentences: &[&str]) -> Self {
        Self::with_terms(sentences, |sentence, f| {
            crate::normalize::terms(sentence, f)
        })
    }

    /// Builds vectors over the syllable bigrams of the stems of `sentences`.
    pub fn bigrams(sentences: &[&str]) -> Self {
        Self::with_terms(sentences, |sentence, f| {
            crate::normalize::terms(sentence, |stem| {
                crate::normalize::syllable_bigrams(stem, &mut *f)
            })
        })
    }

    /// Builds vectors with `terms(sentence, f)` calling `f` once per term occurrence.
    pub fn with_terms(sentences: &[&str], terms: impl Fn(&str, &mut dyn FnMut(&str))) -> Self {
        let mut ids: HashMap<String, u32> = HashMap::new();
        let mut vocab: Vec<String> = Vec::new();
        let mut postings: Vec<Vec<u32>> = Vec::new();
        // raw term counts per sentence
        let mut counts: Vec<Vec<(u32, f32)>> = Vec::with_capacity(sentences.len());
        for (i, sentence) in sentences.iter().enumerate() {
            let mut tf: Vec<(u32, f32)> = Vec::new();
            terms(sentence, &mut |term: &str| {
                let id = match ids.get(term) {
                    Some(&id) => id,
                    None => {
                        let id = vocab.len() as u32;
                        ids.insert(term.to_string(), id);
                        vocab.push(term.to_string());
                        postings.push(Vec::new());
                        id
                    }
                };
                tf.push((id, 1.0));
            });
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
                postings[id as usize].push(i as u32);
            }
            counts.push(tf);
        }
        let n = sentences.len() as f32;
        let vecs = counts
            .into_iter()
            .map(|mut tf| {
                for (id, w) in tf.iter_mut() {
                    let df = postings[*id as usize].len() as f32;
                    *w = (1.0 + w.ln()) * (1.0 + n / df).ln();
                }
                let norm = tf.iter().map(|&(_, w)| w * w).sum::<f32>().sqrt();
                if norm > 0.0 {
                    tf.iter_mut().for_each(|(_, w)| *w /= norm);
                }
                SparseVec(tf)
            })
            .collect();
        Vectors {
            vecs,
            postings,
            vocab,
        }
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
        let mut edges: Vec<Vec<(u32, f32)>> = vec![Vec::new(); n];
        // Accumulate dot products of sentence i with every later sentence sharing a term.
        let mut acc: Vec<f32> = vec![0.0; n];
        let mut touched: Vec<u32> = Vec::new();
        for i in 0..n {
            for &(term, w) in &vectors.vecs[i].0 {
                let list = &vectors.postings[term as usize];
                if list.len() > MAX_POSTINGS {
                    continue;
                }
                let later = list.partition_point(|&j| j as usize <= i);
                for &j in &list[later..] {
                    let w2 = weight_of(&vectors.vecs[j as usize], term);
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
        Graph { edges }
    }
}

/// The weight of `term` in `v` (0 when absent).
fn weight_of(v: &SparseVec, term: u32) -> f32 {
    v.0.binary_search_by_key(&term, |&(t, _)| t)
        .map(|k| v.0[k].1)
        .unwrap_or(0.0)
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
}
