//! Sentence scoring: graph centrality, a lead-position prior and quality cues.
//!
//! `score = centrality × position × form`, where
//! - centrality is weighted PageRank on the similarity graph of syllable bigrams
//!   ([`crate::similarity::Vectors::stems_and_bigrams`]), scaled so the most central sentence
//!   has 1, then blended with a constant ([`CENTRALITY_SHARE`]) so that an isolated
//!   lead sentence still counts, and less of it on a graph of few edges
//!   ([`FULL_EVIDENCE_DEGREE`]), where it says little;
//! - position mildly favours the lead of the text: `1 / (1 + p / POSITION_SCALE)`
//!   where `p` counts only the prose sentences before it, so bylines, captions,
//!   headlines and subtitles do not push the lead back, and only those of its section
//!   (several articles pasted together, a law's chapters: [`sections`]), each of which
//!   has a lead of its own;
//! - form is 0 for boilerplate ([`crate::boilerplate`]), smaller for lines that do not
//!   end like a sentence (headlines, list items, `관광?` where a `?` follows a noun), for
//!   questions (they ask; the summary says what the text answers), for direct
//!   quotations (a summary states what happened; the quotes colour it) and for very
//!   short fragments and very long run-ons.
//!
//! Every score is finite and non-negative; [`order`] breaks ties by position.

use crate::boilerplate::{
    is_caption_credit, is_comments_header, is_copyright_notice, shape_unless_boilerplate, Shape,
    MAX_LONE_CREDIT_CHARS,
};
use crate::similarity::{Graph, Vectors};

/// PageRank damping factor.
const DAMPING: f64 = 0.85;
/// PageRank stops when the scores move less than this in total (L1).
const TOLERANCE: f64 = 1e-4;
/// PageRank never runs more than this many iterations.
const MAX_ITERATIONS: usize = 100;
/// Over-relaxation of each Gauss-Seidel step (a score moves this many times the step):
/// the same fixed point in about 40% fewer rounds on the test texts (1.4 was no better).
const OVER_RELAXATION: f64 = 1.3;
/// Content sentence `p` (0-based) gets position weight `1 / (1 + p / POSITION_SCALE)`:
/// a mild prior, the 13th prose sentence weighing half the lead. News puts its gist
/// first, but where people choose further in, a strong prior keeps the lead's
/// sentences over the central ones: with 3.0 (before 2026-11-27) F1 was 0.590 on the
/// dev file and 0.374 / 0.367 on it with the lead made uninformative (`make
/// eval-rank`), with 12.0 0.583 and 0.466 / 0.474, where the peers, which ignore
/// position, keep their F1 on the file (textrankr 0.440 with the sentences given).
const POSITION_SCALE: f64 = 12.0;
/// In a section of more prose sentences than `POSITION_SCALE / LONG_SECTION_SCALE` (36,
/// more than a news article has), the prior's scale is this share of them: the weight
/// falls to 0.4 at the middle of the section and 0.25 at its end. With a fixed scale of
/// 12 the 1,000th sentence of a long text would weigh 1/84 of its lead, and a summary of
/// a long text would be its first page. Sections of up to 36 prose sentences, every
/// article of the dev file and nearly all news, keep the scale of 12: nothing here
/// measures how the parts of one long article should weigh. (With 1/2, from 24 on,
/// ten articles joined with no headline score 0.538, with 1/3 0.532.)
const LONG_SECTION_SCALE: f64 = 1.0 / 3.0;
/// At most this many lines without final punctuation before furniture (a byline) are
/// taken for its article's headline and subtitle ([`fragments`]); a third would as often
/// be the last sentence of the article before, its full stop lost.
const MAX_HEADLINE_LINES: usize = 2;
/// A heading starts a section ([`sections`]) only after this many prose sentences: a
/// blog's photo notes and short lines between its sentences are no sections.
const MIN_SECTION_PROSE: usize = 3;
/// [`topic_shifts`] compares this many prose sentences before a gap with as many after.
const TILE: usize = 4;
/// A gap whose cohesion is under this share of its section's mean, and a local
/// minimum, is a topic shift ([`topic_shifts`]). (On ten dev articles joined with no
/// headline, 0.2 to 0.35 with tiles of 3 to 5 give F1 0.512 to 0.539, 0.1 gives 0.46
/// to 0.48; the articles alone, of at most 36 prose sentences, are never cut.)
const SHIFT_COHESION: f64 = 0.25;
/// A heading ([`is_heading`]) has at most this many chars.
const MAX_HEADING_CHARS: usize = 80;
/// [`POSITION_SCALE`] for keywords ([`Ranker::topic_weights`]): a text names its topic
/// first. With 3.0, 0.590 of the ten keywords a document are found in the dev file's
/// human abstracts; with 12.0, 0.567.
const TOPIC_POSITION_SCALE: f64 = 3.0;
/// Share of the centrality factor that comes from the graph (the rest is constant).
const CENTRALITY_SHARE: f64 = 0.9;
/// Weight of a sentence that is mostly a direct quotation ([`MIN_QUOTED_SHARE`]):
/// people summarizing news state what happened and seldom pick the quotes that
/// colour it (in the dev file 9% of the prose sentences with a double quote are
/// chosen, against 33% of the others), though a quote shares the article's words.
const QUOTE_WEIGHT: f64 = 0.5;
/// A sentence is mostly a direct quotation when at least this share of its
/// characters (not counting spaces) is inside `“…”` or `"…"`; a term in quotes
/// (`이른바 “착한 가게”`) is not.
const MIN_QUOTED_SHARE: f64 = 0.3;
/// Centrality counts in full once the graph has this many edges per sentence (each
/// counted at both ends); news articles have 5 to 14 (the dev set's tenth to its
/// densest), and on a short text, whose sentences share few words, a sentence that
/// shares one word with the others would otherwise outrank the lead (2.0 did while
/// the position prior was 3.0; 3.0 changes no choice on the dev file).
const FULL_EVIDENCE_DEGREE: f64 = 3.0;
/// Weight of a line that does not end like a sentence (a headline, a list item).
const FRAGMENT_WEIGHT: f64 = 0.3;
/// Sentences shorter than this many characters are scaled down in proportion.
const MIN_CHARS: usize = 20;
/// A line right before a lone photo credit (`(사진=… 제공)`) is its caption when it
/// is at most this many characters long.
const MAX_CAPTION_CHARS: usize = 80;
/// Sentences longer than this many characters (about three ordinary news sentences)
/// are scaled down in proportion: run-ons, lists and split failures.
const MAX_CHARS: usize = 200;

/// Scores of a list of sentences, with the vectors and graph they came from
/// (kept for redundancy control in [`crate::select`]).
pub struct Ranker {
    /// TF-IDF vectors of the sentences.
    pub vectors: Vectors,
    /// The similarity graph.
    pub graph: Graph,
    /// True for sentences that must never be chosen.
    pub excluded: Vec<bool>,
    /// True for lines that do not end like a sentence (headlines, subtitles, list
    /// items): [`crate::select`] takes them only after every prose sentence.
    pub fragment: Vec<bool>,
    scores: Vec<f64>,
    /// Each sentence's score without its position weight, and its place among the prose
    /// sentences (the `p` of the position weight): [`Ranker::topic_weights`].
    salience: Vec<f64>,
    places: Vec<u32>,
}

impl Ranker {
    /// Scores `sentences` (already split, in document order).
    pub fn new(sentences: &[&str]) -> Self {
        // The boilerplate test reads every char of a sentence: it also counts what
        // [`form`] needs of the others.
        let (mut excluded, shapes): (Vec<bool>, Vec<Shape>) = sentences
            .iter()
            .map(|s| {
                let shape = shape_unless_boilerplate(s);
                (shape.is_none(), shape.unwrap_or_default())
            })
            .unzip();
        // A photo credit on its own line makes the short line before it a caption. (A
        // line that is no boilerplate has its chars counted, and most are too long for
        // one; a boilerplate line's shape is the default, of none.)
        for i in 1..sentences.len() {
            if shapes[i].trimmed_chars <= MAX_LONE_CREDIT_CHARS
                && is_caption_credit(sentences[i])
                && crate::unicode::char_count(sentences[i - 1]) <= MAX_CAPTION_CHARS
            {
                excluded[i - 1] = true;
            }
        }
        exclude_markup(sentences, &mut excluded);
        exclude_after_notice(sentences, &mut excluded);
        exclude_after_references(sentences, &mut excluded);
        exclude_comments(sentences, &mut excluded);
        let (fragment, prose_form) = fragments_and_forms(sentences, &excluded);
        // What is excluded takes no part in the vectors, the IDF or the graph: a byline,
        // a caption or a comment section sharing words with a sentence does not make it
        // central.
        let bodies = without_repeated_labels(sentences);
        let (vectors, bigrams) = Vectors::stems_and_bigrams_without(&bodies, &excluded);
        let graph = Graph::new(&bigrams);
        let centrality = pagerank(&graph, &excluded);
        // (Scores are never NaN: `>` is `max`, which is a call in wasm, `f64.max`
        // propagating NaN.)
        let max = centrality
            .iter()
            .fold(0.0, |max, &c| if c > max { c } else { max });
        let share = CENTRALITY_SHARE * graph_evidence(&graph, &excluded);
        let (places, scales) = sections(sentences, &excluded, &fragment, &graph);
        let salience: Vec<f64> = sentences
            .iter()
            .zip(excluded.iter().zip(&prose_form))
            .zip(centrality.iter().zip(&shapes))
            .map(|((sentence, (&excluded, &prose)), (&c, shape))| {
                if excluded {
                    return 0.0;
                }
                let central = if max > 0.0 { c / max } else { 1.0 };
                (share * central + (1.0 - share)) * form(sentence, prose, shape)
            })
            .collect();
        let scores = salience
            .iter()
            .zip(places.iter().zip(&scales))
            .map(|(&s, (&p, &scale))| s * position_weight(p, scale))
            .collect();
        Ranker {
            vectors,
            graph,
            excluded,
            fragment,
            scores,
            salience,
            places,
        }
    }

    /// One score per sentence, in input order.
    pub fn scores(&self) -> &[f64] {
        &self.scores
    }

    /// Weights for finding the text's topics ([`crate::keywords`]): the scores with
    /// the stronger lead prior of [`TOPIC_POSITION_SCALE`], as a text names its topic
    /// first, in the headline and the lead, whichever sentences sum it up best.
    pub fn topic_weights(&self) -> Vec<f64> {
        self.salience
            .iter()
            .zip(&self.places)
            .map(|(&s, &p)| s * position_weight(p, TOPIC_POSITION_SCALE))
            .collect()
    }

    /// The number of prose sentences (neither [`Ranker::excluded`] nor
    /// [`Ranker::fragment`]); when there are none, of the sentences not excluded, and
    /// when those are none too, of all. A summary's ratio is a fraction of these: the
    /// menus, bylines and comments of a page pasted whole would otherwise pull in their
    /// own lines (30% of a page that is half furniture is 60% of its article).
    pub fn content_count(&self) -> usize {
        let (mut prose, mut kept) = (0, 0);
        for (&excluded, &fragment) in self.excluded.iter().zip(&self.fragment) {
            kept += usize::from(!excluded);
            prose += usize::from(!excluded && !fragment);
        }
        match (prose, kept) {
            (0, 0) => self.excluded.len(),
            (0, kept) => kept,
            (prose, _) => prose,
        }
    }
}

/// The sentences without the labels that open two lines or more, up to their `: `
/// ([`crate::normalize::label_end`]): minutes, scripts and forms name the speaker or the
/// field on every line (`김 팀장: …`, `앵커: …`), which made those lines alike and the
/// names the keywords. A label once (`가상테크 공지: …`) is the line's own words. A label
/// is looked for among the [`LABEL_NEIGHBOURS`] labelled lines on either side, where
/// minutes' speakers take turns: no map (one is 1.6 KB of wasm), and linear time.
#[inline(never)]
fn without_repeated_labels<'a>(sentences: &[&'a str]) -> Vec<&'a str> {
    // Each labelled line: its index, where its label ends and the label (what precedes
    // the colon).
    let mut labelled: Vec<(usize, usize, &[u8])> = Vec::new();
    for (i, s) in sentences.iter().enumerate() {
        let end = crate::normalize::label_end(s.as_bytes());
        if end > 0 {
            labelled.push((i, end, s.as_bytes()[..end - 1].trim_ascii_end()));
        }
    }
    let mut out = sentences.to_vec();
    for (k, &(i, end, label)) in labelled.iter().enumerate() {
        let near = &labelled
            [k.saturating_sub(LABEL_NEIGHBOURS)..(k + 1 + LABEL_NEIGHBOURS).min(labelled.len())];
        if near.iter().any(|&(j, _, other)| j != i && other == label) {
            out[i] = sentences[i].get(end..).unwrap_or_default();
        }
    }
    out
}

/// How many labelled lines on either side [`without_repeated_labels`] looks at.
const LABEL_NEIGHBOURS: usize = 8;

/// The position weight of the sentence after `p` prose sentences: `1 / (1 + p / scale)`.
fn position_weight(p: u32, scale: f64) -> f64 {
    1.0 / (1.0 + f64::from(p) / scale)
}

/// Each sentence's place for the position prior, `p`, and the prior's scale: `p` counts
/// the prose sentences before it in its section, and the scale is [`POSITION_SCALE`], or
/// [`LONG_SECTION_SCALE`] times the section's prose sentences when that is more.
///
/// A section starts at a heading ([`is_heading`]) after at least [`MIN_SECTION_PROSE`]
/// prose sentences: several articles pasted together, each under its headline, or a
/// long text's chapters (`제2장 국민의 권리와 의무`). Each section's lead is then the
/// lead it is, where counting from the text's start would leave the second article's
/// lead the weight of the first one's 13th sentence, and the tenth article's next to
/// none. A section too long for [`POSITION_SCALE`] (more than 36 prose sentences) is
/// also cut where its topic changes ([`topic_shifts`]): articles pasted without their
/// headlines, a long text's parts. (On a single news article the headline zone comes
/// before any prose, and nothing changes.)
/// Not inlined, for the first summary's sake (DESIGN.md, Cold start).
#[inline(never)]
fn sections(
    sentences: &[&str],
    excluded: &[bool],
    fragment: &[bool],
    graph: &Graph,
) -> (Vec<u32>, Vec<f64>) {
    let n = sentences.len();
    let is_prose = |i: usize| !excluded[i] && !fragment[i];
    // Where each section but the first starts, in order: at its heading, and where the
    // topic of a long one shifts, found once its prose sentences (`run`) are all known.
    let mut starts = Vec::new();
    let mut run = Vec::with_capacity(n);
    let end_section = |run: &mut Vec<usize>, starts: &mut Vec<usize>| {
        if LONG_SECTION_SCALE * run.len() as f64 > POSITION_SCALE {
            topic_shifts(graph, run, is_prose, starts);
        }
        run.clear();
    };
    for (i, sentence) in sentences.iter().enumerate() {
        if run.len() >= MIN_SECTION_PROSE && !excluded[i] && fragment[i] && is_heading(sentence) {
            end_section(&mut run, &mut starts);
            starts.push(i);
        }
        if is_prose(i) {
            run.push(i);
        }
    }
    end_section(&mut run, &mut starts);
    let (mut places, mut scales) = (Vec::with_capacity(n), Vec::with_capacity(n));
    // The section's sentences so far take its scale once its prose sentences are counted.
    let end_scales = |scales: &mut Vec<f64>, to: usize, prose: u32| {
        let long = LONG_SECTION_SCALE * f64::from(prose);
        let scale = if long > POSITION_SCALE {
            long
        } else {
            POSITION_SCALE
        };
        while scales.len() < to {
            scales.push(scale);
        }
    };
    let mut next_start = starts.iter();
    let mut start = next_start.next();
    // The prose sentences of the section so far.
    let mut prose = 0u32;
    for i in 0..n {
        if start == Some(&i) {
            end_scales(&mut scales, i, prose);
            prose = 0;
            start = next_start.next();
        }
        places.push(prose);
        prose += u32::from(is_prose(i));
    }
    end_scales(&mut scales, n, prose);
    (places, scales)
}

/// Appends to `starts` where the topic of a long section changes, as TextTiling (Hearst,
/// 1997) finds it: `prose` are the section's prose sentences; between each two of them,
/// the cohesion of the [`TILE`] sentences before with the [`TILE`] after is the sum of
/// the graph's edges between them, and a gap where it is a local minimum and under
/// [`SHIFT_COHESION`] times its mean over the section starts a new one (if each side has
/// [`MIN_SECTION_PROSE`] prose sentences). Ten news articles joined with no headline:
/// F1 0.411 without it, 0.532 with it (DESIGN.md, Long texts).
#[inline(never)]
fn topic_shifts(
    graph: &Graph,
    prose: &[usize],
    is_prose: impl Fn(usize) -> bool,
    starts: &mut Vec<usize>,
) {
    let (m, min) = (prose.len(), MIN_SECTION_PROSE);
    if m < 2 * min {
        return;
    }
    // cohesion[g - 1]: the gap before prose[g]. Each sentence before it has its
    // neighbours in order: those from the first sentence after the gap to the last of
    // the tile are one run of them (the prose among them, as fragments have edges too).
    let mut cohesion = vec![0.0; m - 1];
    let mut total = 0.0;
    for g in 1..m {
        let (first, last) = (prose[g] as u32, prose[(g + TILE).min(m) - 1] as u32);
        let mut sum = 0.0;
        for &a in &prose[g.saturating_sub(TILE)..g] {
            let edges = graph.edges(a);
            let k = edges.partition_point(|&(b, _)| b < first);
            for &(b, w) in edges.get(k..).unwrap_or_default() {
                if b > last {
                    break;
                }
                if is_prose(b as usize) {
                    sum += w;
                }
            }
        }
        cohesion[g - 1] = sum;
        total += sum;
    }
    let threshold = SHIFT_COHESION * total / (m - 1) as f64;
    let at = |g: usize| {
        cohesion
            .get(g.wrapping_sub(1))
            .copied()
            .unwrap_or(f64::INFINITY)
    };
    let mut last = 0;
    // Each gap with `min` prose sentences on either side.
    for (g, &sentence) in prose.iter().enumerate().take(m - min + 1).skip(min) {
        let c = at(g);
        if c < threshold && c <= at(g - 1) && c <= at(g + 1) && g - last >= min {
            starts.push(sentence);
            last = g;
        }
    }
}

/// True for a line that is not prose ([`fragments`]) and reads as a headline: at most
/// [`MAX_HEADING_CHARS`] long, ending with a Hangul syllable or a Latin letter
/// (`제2장 국민의 권리와 의무`, `해오름항, 중국 물류기업 투자 유치`), however closed
/// (`…“감축”`), not a number (a contact line, `문의 교육청소년과 797-1954`); not a question (`…할까?`, or a sentence whose char was lost, `택시는 겨우
/// 3?`), not laughter, an emoji or an ellipsis ending a blog's line (`맛있었어요ㅎㅎ`),
/// not a marked item (`▲` caption, `▶` link, `※` note) nor an aside in brackets.
fn is_heading(line: &str) -> bool {
    let line = crate::unicode::trim(line);
    let ends_as_title = trim_closers(line)
        .chars()
        .next_back()
        .is_some_and(|c| c.is_ascii_alphabetic() || crate::unicode::is_hangul_syllable(c));
    ends_as_title
        && !is_marked_item(line)
        && !line.starts_with(['(', '['])
        && crate::unicode::char_count(line) <= MAX_HEADING_CHARS
}

/// Leaves out what follows the text's last copyright notice (`ⓒ 가상일보 무단 전재 및
/// 재배포 금지`) when there is less of it than before the notice: a news article ends
/// there, and a whole page pasted goes on with its furniture (related articles, section
/// notes, menus, rankings), which would otherwise be summarized and give the keywords.
/// (Several articles pasted together keep all but the furniture after the last one.)
/// Not inlined, for the first summary's sake (DESIGN.md, Cold start).
#[inline(never)]
fn exclude_after_notice(sentences: &[&str], excluded: &mut [bool]) {
    if let Some(notice) = (0..sentences.len())
        .rev()
        .find(|&i| excluded[i] && is_copyright_notice(sentences[i]))
    {
        exclude_tail(sentences, excluded, notice + 1, notice);
    }
}

/// Leaves out the sentences from `from` on when less of the text is kept there than
/// before `before`: what ends a text (a copyright notice, its references) comes near its
/// end, and the same line near the top (a contents list's `각주`) cuts nothing.
fn exclude_tail(sentences: &[&str], excluded: &mut [bool], from: usize, before: usize) {
    let kept_bytes = |range: core::ops::Range<usize>| -> usize {
        range
            .filter(|&i| !excluded[i])
            .map(|i| sentences[i].len())
            .sum()
    };
    if kept_bytes(from..sentences.len()) < kept_bytes(0..before) {
        excluded[from..].iter_mut().for_each(|e| *e = true);
    }
}

/// Leaves out a text's references and what follows them: all from the last heading of
/// a list of references or notes (`참고문헌`, `각주`, `References`, `Ⅵ. 참고문헌`, `각주[편집]`)
/// or of a document's enclosures (`붙임 1. 운영 시간표 1부.`) on, when there is less of it
/// than before it (a table of contents lists `각주` too, above the text). An entry
/// (`박영수 (2019). 온라인 학습 환경에서의 자기주도학습. 교육공학연구, 35(2).`) is split at
/// its periods, and its title reads as prose.
/// Not inlined, for the first summary's sake (DESIGN.md, Cold start).
#[inline(never)]
fn exclude_after_references(sentences: &[&str], excluded: &mut [bool]) {
    if let Some(start) = (0..sentences.len())
        .rev()
        .find(|&i| crate::boilerplate::opens_references(sentences[i]))
    {
        exclude_tail(sentences, excluded, start, start);
    }
}

/// Leaves out a page's comment section pasted with the article: all that follows the
/// line that opens it (`댓글 128`, [`is_comments_header`]) once a sentence of prose ends
/// with `.`, `!` or `?` before it. Comments are sentences, often about the article's
/// words, and would otherwise come into longer summaries with the section's prompts
/// (`로그인해서 댓글을 남겨 보세요.`). A comments button in a page's menus, above the
/// article, opens nothing.
/// Not inlined, for the first summary's sake (DESIGN.md, Cold start).
#[inline(never)]
fn exclude_comments(sentences: &[&str], excluded: &mut [bool]) {
    let mut prose_before = false;
    for (i, sentence) in sentences.iter().enumerate() {
        if excluded[i] {
            continue;
        }
        if !prose_before {
            let s = trim_closers(sentence);
            prose_before = s.ends_with(['.', '!', '?']) && ends_like_sentence(s);
        } else if is_comments_header(sentence) {
            excluded[i..].iter_mut().for_each(|e| *e = true);
            return;
        }
    }
}

/// Leaves out what a page's source pasted as text has besides its text: the lines of
/// its style sheets, scripts and comments, the lines of tags alone (`<div
/// class="inner">`, `</ul>`), and its furniture, marked up as such (menus, sidebars,
/// headers and footers, captions, forms, links: [`crate::markup::furniture`]). (CSS
/// words were its keywords, a comment's sentences were chosen, and a photo's caption
/// and a related article's link were in a saved news page's summary.)
/// Not inlined, for the first summary's sake (DESIGN.md, Cold start).
#[inline(never)]
fn exclude_markup(sentences: &[&str], excluded: &mut [bool]) {
    use crate::markup::{furniture, inside_raw_elements, is_markup_only, opens_tag};
    // (Markup that is all a line starts the line: most texts have none.)
    if !sentences.iter().any(|s| opens_tag(s)) {
        return;
    }
    let inside = inside_raw_elements(sentences);
    let furniture = furniture(sentences, &inside);
    for (((sentence, excluded), inside), furniture) in
        sentences.iter().zip(excluded).zip(inside).zip(furniture)
    {
        *excluded |= inside || furniture || (opens_tag(sentence) && is_markup_only(sentence));
    }
}

/// True for a line that opens with an HTML heading or title tag (`<h1>…`, `<title>…`):
/// a headline, however it ends.
fn opens_heading_tag(line: &str) -> bool {
    let b = crate::unicode::trim_start(line).as_bytes();
    let heading = matches!(b, [b'<', b'h' | b'H', b'1'..=b'6', b'>' | b' ', ..]);
    heading
        || b.get(..7)
            .is_some_and(|t| t.eq_ignore_ascii_case(b"<title>"))
}

/// Syllables that end a Korean question (`…할까?`, `…인가?`, `…했나요?`); a `?`
/// after anything else (`호남 관광?`) closes a headline, not a question.
const QUESTION_ENDINGS: &[char] = &[
    '까', '니', '냐', '나', '가', '지', '요', '죠', '래', '오', '소', '데', '는', '던',
];

/// The sentence without trailing spaces, closing quotes or brackets, HTML closing tags
/// (`…닫았다.</p>`) and an encyclopedia's citation marks (`…시이다.[1]`, `…있다.[2][3]`,
/// `…이다.[출처 필요]`).
pub(crate) fn trim_closers(sentence: &str) -> &str {
    let sentence = if sentence.as_bytes().trim_ascii_end().last() == Some(&b'>') {
        crate::markup::trim_closing_tags(sentence)
    } else {
        sentence
    };
    let closers = |c: char| {
        crate::unicode::is_space(c) || matches!(c, '"' | '\'' | '”' | '’' | ')' | ']' | '」' | '』')
    };
    let s = sentence.trim_end_matches(closers);
    // Most sentences end with no `]`.
    if !sentence.as_bytes()[s.len()..].contains(&b']') {
        return s;
    }
    let mut s = sentence.trim_end_matches(crate::unicode::is_space);
    while let Some(cited) = without_citation(s) {
        s = cited;
    }
    s.trim_end_matches(closers)
}

/// `s` without the citation mark that ends it: `[…]` of at most 20 bytes, glued to the
/// sentence's last char (`…이다.[1]`), where a bracketed aside has a space before it
/// and a byline in brackets stands alone.
#[inline(never)]
fn without_citation(s: &str) -> Option<&str> {
    // By bytes: `[` and `]` are never inside a multi-byte char.
    let inner = s.as_bytes().strip_suffix(b"]")?;
    let open = inner.iter().rposition(|&b| b == b'[')?;
    let glued = open > 0 && !inner[open - 1].is_ascii_whitespace() && inner[open - 1] != b'[';
    (glued && inner.len() - open <= 20 && !inner[open + 1..].contains(&b']'))
        .then(|| s.get(..open))
        .flatten()
}

/// True when the line, passed through [`trim_closers`], ends like a sentence of prose:
/// with `.`, `!` or `…`, with a final ending (`다`, `요`, `죠`, `까`, `음`, `함`), or
/// with `?` after a question ending; headlines, list items and captions do not.
pub(crate) fn ends_like_sentence(s: &str) -> bool {
    match s.strip_suffix('?') {
        Some(body) => body.trim_end_matches('?').ends_with(QUESTION_ENDINGS),
        None => s.ends_with(['.', '!', '…', '다', '요', '죠', '까', '음', '함']),
    }
}

/// Interrogative endings that end a question without its `?` (`…정당한 것일까.`,
/// `…줄여야 할까요…`, `…괜찮은가...`, `…받아들일까`, `…있습니까.`), as the last
/// syllables before the final `.` or `…`, if any; the formal imperative, which asks
/// too (an exam's `…역할을 쓰시오.`, `…참고하십시오.`); and an interviewer's question
/// cut short after its topic (`- 물류로봇 시장에 뛰어든 계기는.`, `- 앞으로 목표는.`):
/// no sentence of prose ends with the topic particle (none in 6 MB of news, laws,
/// bills and encyclopedia text here).
const INTERROGATIVE_ENDINGS: &[&str] = &[
    "까", "까요", "는가", "은가", "던가", "인가", "나요", "시오", "는", "은",
];

/// True for a question (`s` passed through [`trim_closers`]): a `?` among its final
/// punctuation (`…것인가?!`), or an interrogative ending ([`INTERROGATIVE_ENDINGS`])
/// before a final `.`, `…` or nothing. A summary says what the text answers.
pub(crate) fn is_question(s: &str) -> bool {
    // By bytes from the end: `…` is E2 80 A6.
    let b = s.as_bytes();
    let (mut end, mut asked, mut exclaimed) = (b.len(), false, false);
    loop {
        match b[..end] {
            [.., b'?'] => asked = true,
            [.., b'!'] => exclaimed = true,
            [.., b'.' | b'~'] => {}
            [.., 0xE2, 0x80, 0xA6] => end -= 2,
            _ => break,
        }
        end -= 1;
    }
    let body = &b[..end];
    // An interviewer's line, however it ends (`Q. 가격이 걸림돌이라는 지적이 있다.`).
    let interviewer = b.first() == Some(&b'Q') && matches!(b.get(1), Some(b'.' | b':' | b')'));
    asked
        || interviewer
        || (!exclaimed
            // Most sentences end otherwise (`…다`): their last syllable tells.
            && matches!(s.get(..end).unwrap_or_default().chars().next_back(), Some('까' | '요' | '가' | '오' | '는' | '은'))
            && crate::boilerplate::ending_of(body, INTERROGATIVE_ENDINGS).is_some())
}

/// True for the lines that are not prose: those that do not end like a sentence,
/// questions (`그렇다면 부담은 어떻게 감당할까?`, an interviewer's `Q. 계기는 무엇인가요?`,
/// a headline's `…언제 받을까?`: they ask, and a summary says what the text answers), and
/// those at the top of the text, before the first punctuated sentence, that end
/// without `.`, `!` or `?` (headlines such as `해오름시, 폐교를 창업 공간으로 바꾼다`,
/// or `…바꾼다…`: headlines use an ellipsis as a separator, prose rarely ends on one).
/// A text with no punctuation at all is then all fragments, ranked among themselves.
///
/// Also returns, for [`form`], each line passed through [`trim_closers`] and whether it
/// reads as prose by its form alone ([`reads_as_prose`]), from the same trimmed line and
/// ending: each was read twice.
/// Not inlined, for the first summary's sake (DESIGN.md, Cold start).
#[inline(never)]
fn fragments_and_forms<'a>(
    sentences: &[&'a str],
    excluded: &[bool],
) -> (Vec<bool>, Vec<(&'a str, bool)>) {
    let mut in_headlines = true;
    // A blog's laughter or emoji after a final ending is its punctuation (`…좋았어요
    // ㅋㅋ`, `…입니다 👍👍`): no headline ends so.
    let unpunctuated = |sentence: &str| {
        let (s, laughed) = without_decorations(trim_closers(sentence));
        !(s.ends_with(['.', '!', '?']) || (laughed && ends_like_sentence(s)))
    };
    // An interview marks its questions with a dash (`- 계기는.`, `― 앞으로 목표는?`): when
    // two dashed lines or more ask, every dashed line is the interviewer's, one that
    // reads as a statement too (`- 가격이 걸림돌이라는 지적이 있다.`).
    let dashed = |sentence: &str| {
        matches!(
            crate::unicode::trim_start(sentence).chars().next(),
            Some('-' | '―' | '—')
        )
    };
    let mut dashed_questions = 0;
    let mut prose_form = Vec::with_capacity(sentences.len());
    let mut fragment: Vec<bool> = sentences
        .iter()
        .zip(excluded)
        .map(|(sentence, &excluded)| {
            let (trimmed, (s, _)) = if ends_plainly(sentence) {
                (*sentence, (*sentence, false))
            } else {
                let trimmed = trim_closers(sentence);
                (trimmed, without_decorations(trimmed))
            };
            let asks = is_question(s);
            let ends = ends_like_sentence(s);
            prose_form.push((trimmed, reads_as_prose(trimmed, ends, asks)));
            dashed_questions += usize::from(asks && dashed(sentence));
            let fragment = !ends
                || asks
                || (in_headlines && unpunctuated(sentence))
                || opens_with_mark(sentence)
                || is_greeting(s);
            if !excluded && !fragment {
                in_headlines = false;
            }
            fragment
        })
        .collect();
    if dashed_questions >= 2 {
        for (fragment, sentence) in fragment.iter_mut().zip(sentences) {
            *fragment |= dashed(sentence);
        }
    }
    // Further on, the lines without `.`, `!` or `?` right before a byline, a date line or
    // other furniture are headlines too: the next article's, when several are pasted
    // together (`달빛도서관, 겨울방학 독서교실 연다` / `[가상일보 박가람 기자]`).
    for i in 1..sentences.len() {
        if !excluded[i] || excluded[i - 1] {
            continue;
        }
        for j in (0..i).rev().take(MAX_HEADLINE_LINES) {
            let line = sentences[j];
            if excluded[j]
                || !unpunctuated(line)
                || crate::unicode::char_count(line) > MAX_HEADING_CHARS
            {
                break;
            }
            fragment[j] = true;
        }
    }
    (fragment, prose_form)
}

/// [`fragments_and_forms`]'s fragments alone.
#[cfg(test)]
fn fragments(sentences: &[&str], excluded: &[bool]) -> Vec<bool> {
    fragments_and_forms(sentences, excluded).0
}

/// True when `s` ends with `.`, `!`, `?` or a char of three bytes led by E4 to EE (a
/// Hangul syllable, a CJK ideograph), as most sentences do: no whitespace, closer, tag
/// or decoration, which [`trim_closers`] and [`without_decorations`] would take off.
/// (The lead bytes of those chars are ASCII, C2, E1 to E3, EF and F0; a lead byte three
/// from the end is that of the last char.)
fn ends_plainly(s: &str) -> bool {
    matches!(
        *s.as_bytes(),
        [.., b'.' | b'!' | b'?'] | [.., 0xE4..=0xEE, _, _]
    )
}

/// True for a line that opens with a mark ([`is_marked_item`]), a Markdown heading's `#`
/// ([`is_markdown_heading`]) or a heading tag ([`opens_heading_tag`]), which begin with
/// these bytes (`▲`, `※` E2, `＊` EF): most lines open with a syllable, told by that.
fn opens_with_mark(line: &str) -> bool {
    matches!(
        crate::unicode::trim_start(line).as_bytes().first(),
        Some(b'*' | b'>' | b'#' | b'<' | 0xE2 | 0xEF)
    ) && (is_marked_item(line) || is_markdown_heading(line) || opens_heading_tag(line))
}

/// True for a greeting, which opens a letter, a post or a speech and is never its point
/// (`안녕하세요, 마케팅팀 김지훈입니다.`, `안녕하십니까.`).
fn is_greeting(s: &str) -> bool {
    let s = crate::unicode::trim_start(s);
    s.starts_with("안녕하세요") || s.starts_with("안녕하십니까")
}

/// True for a Markdown heading, `## 개요`: one to six `#`, then a space (a hashtag,
/// `#해오름시`, has none). It ends however its title does, `요` as a sentence may.
fn is_markdown_heading(line: &str) -> bool {
    let line = crate::unicode::trim_start(line);
    let hashes = line.bytes().take_while(|&b| b == b'#').count();
    (1..=6).contains(&hashes) && line.as_bytes().get(hashes) == Some(&b' ')
}

/// True for a line that starts with `▲` or `△`, a photo caption (`▲ 시장이 계획을 설명하고
/// 있다.`, the usual form in Korean news) or an item of a list, with `▶`, `►` or `☞`, a
/// link to another article (`▶ 해오름시, 전기버스 100대 들인다`), or with `※` or `*`, a
/// note (`※ 이 기사는 보도자료를 바탕으로 작성했습니다.`, `*문의 : …`), or with `>`, a
/// message quoted in a reply (`> 자료 초안입니다.`, e-mail's history below the newest
/// message, a Markdown quote): however it ends.
fn is_marked_item(line: &str) -> bool {
    let line = crate::unicode::trim_start(line);
    // (Not `**`: Markdown's bold may open a sentence.)
    line.starts_with(['▲', '△', '▶', '►', '☞', '※', '*', '＊', '>']) && !line.starts_with("**")
}

/// `s` (passed through [`trim_closers`]) without the decorations after its last word
/// (`…좋았어요 ㅋㅋ`, `…같아요ㅠㅠ`, `…입니다 👍👍`, `…했다~`) and the closers before them,
/// and whether they were strong ones ([`crate::split::endings::is_strong_decoration`]:
/// laughter, an emoji, hearts, `^^`), which end a blog's sentence as punctuation does.
#[inline(never)]
fn without_decorations(s: &str) -> (&str, bool) {
    let mut t = s;
    while let Some(c) = t.chars().next_back() {
        if !decoration_or_space(c) {
            break;
        }
        t = t.get(..t.len() - c.len_utf8()).unwrap_or_default();
    }
    if t.len() == s.len() {
        return (s, false);
    }
    let strong =
        crate::split::endings::is_strong_decoration(s.get(t.len()..).unwrap_or_default().chars());
    (trim_closers(t), strong)
}

/// A decoration ([`crate::split::endings::is_decoration`]) or a space: one copy of the
/// test, not one inlined at each use.
#[inline(never)]
fn decoration_or_space(c: char) -> bool {
    crate::split::endings::is_decoration(c) || crate::unicode::is_space(c)
}

/// True when `trimmed` ([`trim_closers`] of a line) reads as a sentence of prose by its
/// form: its ending ([`without_decorations`]) `ends` like one ([`ends_like_sentence`])
/// and `asks` nothing ([`is_question`]), and it is no Markdown heading or greeting.
fn reads_as_prose(trimmed: &str, ends: bool, asks: bool) -> bool {
    ends && !asks && !is_markdown_heading(trimmed) && !is_greeting(trimmed)
}

/// Weight for how much a sentence looks like a complete sentence of prose, given `s`,
/// the sentence passed through [`trim_closers`], whether it reads as one by its form
/// ([`reads_as_prose`]), both found by [`fragments_and_forms`], and its [`Shape`].
/// Not inlined, for the first summary's sake (DESIGN.md, Cold start).
#[inline(never)]
fn form(sentence: &str, (s, prose): (&str, bool), shape: &Shape) -> f64 {
    let mut weight = if prose { 1.0 } else { FRAGMENT_WEIGHT };
    // The shape counts the sentence up to its trailing whitespace; `s` is that less
    // what `trim_closers` cut off its end (a closing quote, a citation), counted here:
    // its bounds on the chars that are not whitespace, its vertical tabs, and whether a
    // double quote mark is left.
    let cut = sentence.get(s.len()..shape.end).unwrap_or_default();
    let (cut_chars, cut_leads, cut_tabs) = crate::unicode::non_space_counts(cut.as_bytes());
    let at_most = shape.chars - cut_chars;
    let at_least = at_most - (shape.leads - cut_leads);
    if shape.quotes > 0 {
        let marks = shape.quotes - double_quotes(cut.as_bytes());
        // What `quoted_share` counts: the chars but the marks and the ASCII whitespace
        // other than the vertical tab.
        let all = at_most + (shape.vertical_tabs - cut_tabs) - marks;
        if marks > 0 && quoted_share(s, marks, all) >= MIN_QUOTED_SHARE {
            weight *= QUOTE_WEIGHT;
        }
    }
    // Most sentences are neither short nor long, whatever their rarer chars are.
    if at_least >= MIN_CHARS && at_most <= MAX_CHARS {
        return weight;
    }
    let chars = crate::unicode::count_non_space_within(s, (at_least, at_most));
    if chars < MIN_CHARS {
        weight *= chars as f64 / MIN_CHARS as f64;
    } else if chars > MAX_CHARS {
        weight *= MAX_CHARS as f64 / chars as f64;
    }
    weight
}

/// The share of the sentence's characters (not counting ASCII spaces or the marks)
/// inside double quotes, `“…”` or `"…"`; a quote left open runs to the end. `marks` is
/// how many quote marks `s` has, and `all` how many chars it counts (from the
/// boilerplate test's pass, [`Shape`]).
///
/// [`form`] asks it only of the sentences with a double quote mark ([`Shape::quotes`]),
/// most of which quote: a search for the marks before the count cost more than it
/// saved. It steps from char to char by the length its lead byte gives
/// ([`QUOTE_SCAN`]): a Hangul syllable is one step, not three. It reads up to the last
/// mark: the rest, inside a quote or out (most often a quote left open), is what is
/// not counted yet.
fn quoted_share(s: &str, marks: usize, all: usize) -> f64 {
    let bytes = s.as_bytes();
    // `open` is all ones inside a quote, to mask the count with.
    let (mut inside, mut counted, mut open, mut seen) = (0usize, 0usize, 0usize, 0usize);
    let mut i = 0;
    while let Some(&b) = bytes.get(i).filter(|_| seen < marks) {
        let scan = QUOTE_SCAN[usize::from(b)];
        if scan & MAY_QUOTE != 0 {
            let mark = match b {
                b'"' => Some(open == 0),
                _ => match bytes.get(i + 1..i + 3) {
                    Some([0x80, 0x9C]) => Some(true),
                    Some([0x80, 0x9D]) => Some(false),
                    _ => None,
                },
            };
            if let Some(now_open) = mark {
                open = if now_open { usize::MAX } else { 0 };
                seen += 1;
                i += usize::from(scan >> 2);
                continue;
            }
        }
        let counts = usize::from(scan & COUNTED);
        counted += counts;
        inside += counts & open;
        i += usize::from(scan >> 2);
    }
    inside += (all - counted) & open;
    inside as f64 / all.max(1) as f64
}

/// [`QUOTE_SCAN`] bit of the lead bytes of the chars [`quoted_share`] counts: all but
/// the ASCII whitespace.
const COUNTED: u8 = 1;
/// [`QUOTE_SCAN`] bit of `"` and E2, the lead byte of `“` and `”`.
const MAY_QUOTE: u8 = 2;
/// For each lead byte, [`COUNTED`], [`MAY_QUOTE`] and, from bit 2, its char's length in
/// bytes (continuation bytes, never a char's first, step one).
static QUOTE_SCAN: [u8; 256] = {
    let mut table = [0u8; 256];
    let mut b = 0;
    while b < 256 {
        let byte = b as u8;
        let len = match byte {
            0xC0..=0xDF => 2,
            0xE0..=0xEF => 3,
            0xF0..=0xFF => 4,
            _ => 1,
        };
        let counted = !byte.is_ascii_whitespace();
        let may_quote = matches!(byte, b'"' | 0xE2);
        table[b] = counted as u8 | (may_quote as u8) << 1 | len << 2;
        b += 1;
    }
    table
};

/// How many double quote marks `b` has: `"`, `“` and `”` ([`Shape::quotes`]).
pub(crate) fn double_quotes(b: &[u8]) -> usize {
    (0..b.len())
        .filter(|&i| b[i] == b'"' || matches!(b[i..], [0xE2, 0x80, 0x9C | 0x9D, ..]))
        .count()
}

/// How far centrality is to be trusted, 0 to 1: the graph's edges per sentence (of
/// those not `excluded`) over [`FULL_EVIDENCE_DEGREE`].
fn graph_evidence(graph: &Graph, excluded: &[bool]) -> f64 {
    let n = graph.len();
    let edges: usize = (0..n).map(|i| graph.edges(i).len()).sum();
    let taking_part = n - excluded.iter().filter(|&&x| x).count().min(n);
    let evidence = edges as f64 / (taking_part.max(1) as f64 * FULL_EVIDENCE_DEGREE);
    if evidence < 1.0 {
        evidence
    } else {
        1.0
    }
}

/// Weighted PageRank by over-relaxed Gauss-Seidel sweeps (each new score used at
/// once) over the sentences not `excluded` (which have no edges and score 0); the
/// scores are scaled to sum to 1.
/// Not inlined, for the first summary's sake (DESIGN.md, Cold start).
#[inline(never)]
fn pagerank(graph: &Graph, excluded: &[bool]) -> Vec<f64> {
    let n = graph.len();
    // Excluded sentences (marked, none past the end) stay at 0 and get no teleport.
    let out = |i: usize| excluded.get(i) == Some(&true);
    let mut taking_part = 0usize;
    let mut score: Vec<f64> = (0..n)
        .map(|i| {
            taking_part += usize::from(!out(i));
            f64::from(u8::from(!out(i)))
        })
        .collect();
    if taking_part == 0 {
        return score;
    }
    let start = 1.0 / taking_part as f64;
    score.iter_mut().for_each(|s| *s *= start);
    let base = (1.0 - DAMPING) / taking_part as f64;
    // The sentences taking part, each with its edges and the inverse of its total edge
    // weight (0 for an isolated one), looked up once rather than in every round: the
    // sweeps visit no excluded sentence.
    let mut nodes = Vec::with_capacity(taking_part);
    // Isolated sentences, which spread their score evenly over those taking part.
    let mut isolated: Vec<usize> = Vec::new();
    for i in (0..n).filter(|&i| !out(i)) {
        let edges = graph.edges(i);
        let out_weight: f64 = edges.iter().map(|&(_, w)| w).sum();
        if out_weight == 0.0 {
            isolated.push(i);
        }
        let inverse = if out_weight > 0.0 {
            1.0 / out_weight
        } else {
            0.0
        };
        nodes.push((i, edges, inverse));
    }
    // Each sentence's score divided by its total edge weight, padded to a power of
    // two: `j & mask` (= j) is an index the compiler sees is in bounds, so the
    // innermost loop has no bounds check.
    let mask = n.next_power_of_two() - 1;
    let mut share = vec![0.0; mask + 1];
    for &(i, _, inverse) in &nodes {
        share[i & mask] = score[i] * inverse;
    }
    // Gauss-Seidel: each sentence's new score is used at once by the sentences after it,
    // which takes about half the rounds of updating all at the end of a round, to the same
    // fixed point; over-relaxed ([`OVER_RELAXATION`]), a third fewer again. The scores
    // are scaled to sum to 1 at the end.
    for _ in 0..MAX_ITERATIONS {
        let dangling: f64 = isolated.iter().map(|&j| score[j]).sum::<f64>() / taking_part as f64;
        let mut delta = 0.0;
        for &(i, edges, inverse) in &nodes {
            // Summed in order of neighbour, as ever: the same bits on every platform.
            let mut incoming = 0.0;
            for &(j, w) in edges {
                incoming += share[j as usize & mask] * w;
            }
            let old = score[i];
            let step = base + DAMPING * (incoming + dangling) - old;
            // Past a step down, a score could go below 0 (the fixed point never does).
            // (`>` for `max`, a call in wasm: a score is never NaN nor -0.)
            let new = old + OVER_RELAXATION * step;
            let new = if new > 0.0 { new } else { 0.0 };
            delta += (new - old).abs();
            score[i] = new;
            // `i & mask` is `i`, in bounds by the same padding as the loop above.
            share[i & mask] = new * inverse;
        }
        if delta < TOLERANCE {
            break;
        }
    }
    let total: f64 = score.iter().sum();
    if total > 0.0 {
        score.iter_mut().for_each(|s| *s /= total);
    }
    score
}

/// Sentence indices from most to least important (ties: earlier first).
pub fn order(scores: &[f64]) -> Vec<usize> {
    let mut order: Vec<usize> = (0..scores.len()).collect();
    sort_by_score(&mut order, scores);
    order
}

/// Sorts `indices` by `scores[i]`, highest first, ties to the smaller index. The
/// tie-break makes the order total, so any sort gives the same result: this one is a
/// heapsort ([`ByScore`]), a few hundred bytes of wasm where the standard library's
/// sort with this comparison is 13 KB.
pub fn sort_by_score(indices: &mut [usize], scores: &[f64]) {
    let mut heap = ByScore::new(indices, scores);
    while heap.pop().is_some() {}
    // Each pop put the best of the rest just past the shrinking heap: worst first.
    indices.reverse();
}

/// Indices in order of score, highest first (ties: the smaller index), taken one at a
/// time from a binary heap: the first few of many cost far less than a whole sort.
pub struct ByScore<'a> {
    /// A heap (each index better than its children) in `indices[..len]`; the indices
    /// taken so far follow it, the first taken last.
    indices: &'a mut [usize],
    len: usize,
    scores: &'a [f64],
}

impl<'a> ByScore<'a> {
    /// Makes a heap of `indices` (in place) by `scores[i]`.
    pub fn new(indices: &'a mut [usize], scores: &'a [f64]) -> Self {
        let len = indices.len();
        let mut heap = ByScore {
            indices,
            len,
            scores,
        };
        for i in (0..len / 2).rev() {
            heap.sift_down(i);
        }
        heap
    }

    /// True when index `a` comes before index `b`.
    fn before(scores: &[f64], a: usize, b: usize) -> bool {
        scores[a].total_cmp(&scores[b]).then(b.cmp(&a)).is_gt()
    }

    /// The child of place `i` of `heap` that comes first, if `i` has children.
    #[inline]
    fn better_child(scores: &[f64], heap: &[usize], i: usize) -> Option<usize> {
        let child = 2 * i + 1;
        if child >= heap.len() {
            return None;
        }
        let right = child + 1;
        Some(
            if right < heap.len() && Self::before(scores, heap[right], heap[child]) {
                right
            } else {
                child
            },
        )
    }

    /// Moves the index at `i` down the heap until its children come after it.
    fn sift_down(&mut self, mut i: usize) {
        let (scores, heap) = (self.scores, &mut self.indices[..self.len]);
        let item = heap[i];
        while let Some(child) = Self::better_child(scores, heap, i) {
            if !Self::before(scores, heap[child], item) {
                break;
            }
            heap[i] = heap[child];
            i = child;
        }
        heap[i] = item;
    }

    /// The best index not yet taken, which is moved to just past the heap.
    pub fn pop(&mut self) -> Option<usize> {
        let last = self.len.checked_sub(1)?;
        self.len = last;
        let (scores, heap) = (self.scores, &mut self.indices[..=last]);
        let (best, item) = (heap[0], heap[last]);
        heap[last] = best;
        let heap = &mut heap[..last];
        if heap.is_empty() {
            return Some(best);
        }
        // The last index fills the root's place. It came from the bottom, so it most
        // likely belongs near the bottom again: the hole goes all the way down along
        // the better children (one comparison a level), and the index rises from there
        // (Floyd's heapsort: about half the comparisons of sifting it down).
        let mut hole = 0;
        while let Some(child) = Self::better_child(scores, heap, hole) {
            heap[hole] = heap[child];
            hole = child;
        }
        while hole > 0 {
            let parent = (hole - 1) / 2;
            if !Self::before(scores, item, heap[parent]) {
                break;
            }
            heap[hole] = heap[parent];
            hole = parent;
        }
        heap[hole] = item;
        Some(best)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// [`form`] of a sentence alone, its form read as [`fragments_and_forms`] reads it.
    fn form_alone(sentence: &str) -> f64 {
        let trimmed = trim_closers(sentence);
        let (ending, _) = without_decorations(trimmed);
        let prose = reads_as_prose(trimmed, ends_like_sentence(ending), is_question(ending));
        // The shape as the boilerplate test counts it (also of boilerplate here).
        let whole = sentence.trim_end();
        let (at_least, chars) = crate::unicode::non_space_bounds(whole);
        let shape = Shape {
            chars,
            leads: chars - at_least,
            quotes: double_quotes(whole.as_bytes()),
            end: whole.len(),
            trimmed_chars: crate::unicode::char_count(crate::unicode::trim(sentence)),
            vertical_tabs: whole.bytes().filter(|&b| b == 0x0B).count(),
        };
        form(sentence, (trimmed, prose), &shape)
    }

    #[test]
    fn a_plain_ending_is_neither_trimmed_nor_decorated() {
        for c in (0..=0x10FFFF).filter_map(char::from_u32) {
            let s = format!("그는 말했다{c}");
            if ends_plainly(&s) {
                assert_eq!(trim_closers(&s), s, "{c:?}");
                assert_eq!(without_decorations(&s), (s.as_str(), false), "{c:?}");
            }
        }
    }

    #[test]
    fn marks_are_told_by_their_first_byte() {
        // (Every lead byte but F1 to F4, which no mark has.)
        for c in (0..=0xFFFF).chain([0x1F600]).filter_map(char::from_u32) {
            for rest in ["", "* 항목", "# 개요", "h2>제목", "title>제목"] {
                for line in [format!("{c}{rest}"), format!(" {c}{rest}")] {
                    let marked = is_marked_item(&line)
                        || is_markdown_heading(&line)
                        || opens_heading_tag(&line);
                    assert_eq!(opens_with_mark(&line), marked, "{line:?}");
                }
            }
        }
    }

    #[test]
    fn order_breaks_ties_by_position() {
        assert_eq!(order(&[0.5, 0.9, 0.5, 0.1]), [1, 0, 2, 3]);
    }

    #[test]
    fn by_score_gives_the_best_first() {
        let scores: [f64; 9] = [0.5, 0.9, 0.5, 0.1, 0.0, 0.9, 0.0, 0.3, 0.5];
        let mut want: Vec<usize> = (0..scores.len()).collect();
        want.sort_by(|&a, &b| scores[b].total_cmp(&scores[a]).then(a.cmp(&b)));
        for len in 0..=scores.len() {
            let mut some: Vec<usize> = (0..len).rev().collect();
            sort_by_score(&mut some, &scores);
            let want: Vec<usize> = want.iter().copied().filter(|&i| i < len).collect();
            assert_eq!(some, want);
            let mut heap: Vec<usize> = (0..len).collect();
            let mut heap = ByScore::new(&mut heap, &scores);
            let first: Vec<usize> = std::iter::from_fn(|| heap.pop()).take(3).collect();
            assert_eq!(first, want[..len.min(3)]);
        }
    }

    #[test]
    fn pagerank_sums_to_one_and_favours_hubs() {
        let v = Vectors::new(&[
            "클라우드 산업 육성 정책을 발표했다.",
            "클라우드 산업이 성장했다.",
            "육성 정책이 나왔다.",
            "날씨가 맑았다.",
        ]);
        let pr = pagerank(&Graph::new(&v), &[]);
        assert!((pr.iter().sum::<f64>() - 1.0).abs() < 1e-6);
        assert!(pr[0] > pr[1] && pr[0] > pr[2] && pr[2] > pr[3], "{pr:?}");
    }

    #[test]
    fn pagerank_leaves_out_what_is_excluded() {
        let v = Vectors::new(&[
            "클라우드 산업 육성 정책을 발표했다.",
            "클라우드 산업이 성장했다.",
            "육성 정책이 나왔다.",
        ]);
        let pr = pagerank(&Graph::new(&v), &[false, true, false]);
        assert_eq!(pr[1], 0.0);
        assert!((pr[0] + pr[2] - 1.0).abs() < 1e-6, "{pr:?}");
        assert_eq!(pagerank(&Graph::new(&v), &[true; 3]), [0.0; 3]);
    }

    #[test]
    fn boilerplate_scores_zero_and_scores_are_finite() {
        let r = Ranker::new(&[
            "[가상일보 김하늘 기자]",
            "정부가 클라우드 산업을 육성한다.",
            "ⓒ 가상일보 무단 전재 및 재배포 금지",
        ]);
        assert_eq!(r.scores()[0], 0.0);
        assert_eq!(r.scores()[2], 0.0);
        assert!(r.scores()[1] > 0.0);
        assert!(r.scores().iter().all(|s| s.is_finite()));
    }

    #[test]
    fn content_counts_prose_else_what_is_kept_else_all() {
        let page = [
            "정치",
            "해오름시가 계획을 발표했다.",
            "시는 예산을 늘린다.",
            "ⓒ 가상일보",
        ];
        assert_eq!(Ranker::new(&page).content_count(), 2);
        // No punctuation anywhere: every line is a fragment, all of them kept.
        assert_eq!(
            Ranker::new(&["해오름시 계획", "예산 확대"]).content_count(),
            2
        );
        assert_eq!(
            Ranker::new(&["ⓒ 가상일보", "2024.04.12"]).content_count(),
            2
        );
        assert_eq!(Ranker::new(&[]).content_count(), 0);
    }

    #[test]
    fn marked_lines_are_items_or_notes() {
        for line in [
            "▲ 시장이 계획을 설명하고 있다.",
            "※ 이 기사는 보도자료를 바탕으로 작성했습니다.",
            "*문의 : 시청 민원실",
            "> 이번 상반기 신입사원 교육 자료 초안입니다.",
        ] {
            assert!(is_marked_item(line), "{line:?}");
        }
        for line in [
            "**정부는** 클라우드 산업을 육성한다.",
            "정부는 클라우드 산업을 육성한다.",
        ] {
            assert!(!is_marked_item(line), "{line:?}");
        }
    }

    /// [`quoted_share`] as it was, reading every char: the share of the chars (but the
    /// marks and ASCII whitespace) inside double quotes.
    fn plain_quoted_share(s: &str) -> f64 {
        let (mut inside, mut all, mut open) = (0usize, 0usize, false);
        for c in s.chars() {
            match c {
                '"' => open = !open,
                '“' => open = true,
                '”' => open = false,
                c if c.is_ascii_whitespace() => {}
                _ => {
                    all += 1;
                    inside += usize::from(open);
                }
            }
        }
        inside as f64 / all.max(1) as f64
    }

    #[test]
    fn the_quoted_share_is_counted_to_the_last_mark() {
        for sentence in [
            "김 과장은 “청년들이 고향에서 꿈을 펼치도록 돕겠다”고 말했다.",
            "최지웅 대표는 “CSP는 대부분이 수요자 중심이 아니라 공급자 중심이라고 지적했습니다.",
            "\"AI시대 클라우드 산업 활성화\"…생태계 구축 나선 정부",
            "그는 \"돕겠다\"고 말했다. \"또 돕겠다\"고 했다\"",
            "  “정부는 “클라우드” 산업을 육성한다”고 밝혔다.”\n",
            "\u{B}\u{3000}“정부는\u{B}클라우드 산업을\u{2003}육성한다\u{B}”\u{B}",
            "그는 “좋다\u{B}”고 말했다 [1]”.[2]",
            "“”는 따옴표다",
            "시는 이른바 “착한 가게” 스무 곳을 골라 임대료를 지원하기로 했다.",
        ] {
            // As `form` counts them, from the shape.
            let shape = shape_unless_boilerplate(sentence).expect(sentence);
            let s = trim_closers(sentence);
            let cut = &sentence[s.len()..shape.end];
            let at_most = shape.chars - crate::unicode::non_space_bounds(cut).1;
            let marks = shape.quotes - double_quotes(cut.as_bytes());
            let vertical_tabs = shape.vertical_tabs - cut.bytes().filter(|&b| b == 0x0B).count();
            let all = at_most + vertical_tabs - marks;
            assert_eq!(
                quoted_share(s, marks, all),
                plain_quoted_share(s),
                "{sentence:?}"
            );
        }
    }

    #[test]
    fn direct_quotations_are_told_from_quoted_terms() {
        let quote = "김 과장은 “청년들이 고향에서 꿈을 펼치도록 돕겠다”고 말했다.";
        assert!(plain_quoted_share(quote) >= MIN_QUOTED_SHARE);
        assert_eq!(form_alone(quote), QUOTE_WEIGHT);
        // A quote left open runs to the end; a straight-quoted one counts too.
        assert_eq!(plain_quoted_share("“청년들이 고향에서 꿈을 펼치도록"), 1.0);
        assert!(plain_quoted_share("그는 \"돕겠다\"고 말했다.") >= MIN_QUOTED_SHARE);
        // A term in quotes and a sentence with none are no quotation.
        let term = "시는 이른바 “착한 가게” 스무 곳을 골라 임대료를 지원하기로 했다.";
        assert!(plain_quoted_share(term) < MIN_QUOTED_SHARE);
        assert_eq!(form_alone(term), 1.0);
        assert_eq!(
            plain_quoted_share("정부가 클라우드 산업을 육성하기로 했다."),
            0.0
        );
        assert_eq!(plain_quoted_share("“”"), 0.0);
    }

    #[test]
    fn headline_fragments_weigh_less() {
        assert!(form_alone("AI시대 클라우드 산업 활성화 생태계 구축 나선 정부") < 0.5);
        assert_eq!(
            form_alone("정부가 클라우드 산업을 핵심 인프라로 육성하기로 했다."),
            1.0
        );
    }

    #[test]
    fn sentence_endings_are_told_from_headlines() {
        let cases: &[(&str, bool)] = &[
            ("정부가 클라우드 산업을 육성하기로 했다.", true),
            ("정부가 클라우드 산업을 육성하기로 했다", true),
            ("업계는 “환영한다”고 말했다.”", true),
            ("새해 첫 전시회로 그림 여행을 떠나보는 건 어떨까?", true),
            ("이번 대책은 실효성이 있을지 의문이다!", true),
            ("2025 남도 방문의 해…주요 도시 관광?", false),
            ("AI시대 클라우드 산업 활성화 생태계 구축 나선 정부", false),
            ("△ 참가 신청 안내", false),
            ("", false),
            // An encyclopedia's citation marks, glued to the sentence, are not its end.
            ("해오름시는 대한민국 남부에 있는 시이다.[1]", true),
            ("인구는 약 30만 명이다.[2][3] ", true),
            ("기후는 온화하다.[출처 필요]", true),
            ("해오름현이었다[주 1]", true),
            // A heading with its edit link, and a bracket that is no citation.
            ("역사[편집]", false),
            ("[가상일보 김하늘 기자]", false),
            ("시민 설문 결과 [표 1]", false),
        ];
        for &(line, want) in cases {
            assert_eq!(
                ends_like_sentence(trim_closers(line)),
                want,
                "ends_like_sentence({line:?})"
            );
        }
    }

    #[test]
    fn headline_zone_ends_at_the_first_full_stop() {
        let sentences = [
            "해오름시, 시내버스 절반 전기차로 바꾼다…",
            "\"2030년까지 탄소 40% 감축\"",
            "충전소 120곳 새로 짓고 기사 교육도 확대",
            "해오름시가 시내버스 절반을 전기버스로 바꾼다고 13일 발표했다.",
            "시는 충전소를 새로 짓는다",
        ];
        let excluded = vec![false; sentences.len()];
        assert_eq!(
            fragments(&sentences, &excluded),
            [true, true, true, false, false],
            "a headline ending in an ellipsis must count as a headline"
        );
    }

    #[test]
    fn a_headline_before_a_byline_further_on_is_no_prose() {
        let sentences = [
            "해오름시가 시내버스 절반을 전기버스로 바꾼다고 13일 발표했다.",
            "시는 충전소를 새로 짓는다",
            "달빛도서관, 겨울방학 어린이 독서교실 연다",
            "방학 맞아 그림책 만들기도",
            "[가상일보 박가람 기자]",
            "달빛도서관이 독서교실을 다음 달 8일부터 연다.",
        ];
        let mut excluded = vec![false; sentences.len()];
        excluded[4] = true;
        // The next article's headline and subtitle (and the byline), not the sentence
        // before them; with no byline after them, prose (a sentence may lack its full stop).
        assert_eq!(
            fragments(&sentences, &excluded),
            [false, false, true, true, true, false]
        );
        excluded[4] = false;
        assert!(!fragments(&sentences, &excluded)[2]);
    }

    #[test]
    fn markdown_headings_are_not_prose() {
        let sentences = [
            "## 개요",
            "해오름시는 바다를 낀 도시다.",
            "# 역사와 문화",
            "#해오름시 #바다",
            "####### 일곱 개는 제목이 아니다.",
        ];
        assert_eq!(
            fragments(&sentences, &[false; 5]),
            [true, false, true, false, false]
        );
    }

    #[test]
    fn questions_are_not_prose() {
        let sentences = [
            "전기차 보조금, 올해는 언제 받을까?",
            "해오름시는 보조금 신청을 다음 달 3일부터 받는다고 밝혔다.",
            "그렇다면 예산은 충분할까?",
            "Q. 이번 조사를 시작한 계기는 무엇인가요?",
            "A. 학생들이 인공지능을 어떻게 쓰는지 궁금했습니다.",
        ];
        let excluded = vec![false; sentences.len()];
        assert_eq!(
            fragments(&sentences, &excluded),
            [true, false, true, true, false]
        );
        assert!(form_alone(sentences[2]) < 0.5);
        // Not prose, so it pushes no later sentence back.
        assert_eq!(Ranker::new(&sentences).content_count(), 2);
    }

    #[test]
    fn questions_are_told_without_their_question_mark() {
        for question in [
            "요금 인상, 누구를 위한 것인가?!",
            "요금 인상은 정당한 것일까.",
            "이용을 줄여야 할까요…",
            "이대로 괜찮은가...",
            "시민들이 받아들일까",
            "이것이 최선입니까.",
            "왜 오르나요?..",
            // An exam's instruction asks too.
            "1. 생태계의 구성 요소 중 분해자의 역할을 쓰시오.",
            "자세한 내용은 누리집을 참고하십시오.",
            // An interview's questions.
            "- 물류로봇 시장에 뛰어든 계기는.",
            "―앞으로의 목표는.",
            "Q. 가격이 걸림돌이라는 지적이 있다.",
            "Q: 해외 진출 계획은",
        ] {
            assert!(is_question(trim_closers(question)), "{question:?}");
        }
        for statement in [
            "시는 요금을 올렸다.",
            "그는 “왜 오르나요?”라고 물었다.",
            "시는 사업 인가를 받았다.",
            "이번 대회는 7일까지.",
            "얼마나 좋을까!",
            "그는 시오노 나나미의 책을 읽었다.",
            "QR코드를 찍으면 된다.",
            "Qi 규격을 따른다.",
        ] {
            assert!(!is_question(trim_closers(statement)), "{statement:?}");
        }
    }

    #[test]
    fn an_interviews_dashed_lines_are_the_interviewers() {
        let interview = [
            "박 대표는 물류로봇 1만 대를 보급하겠다고 밝혔다.",
            "- 물류로봇 시장에 뛰어든 계기는.",
            "대학원에서 자율주행을 연구했습니다.",
            "- 가격이 걸림돌이라는 지적이 있다.",
            "내년에 값을 2500만원까지 낮출 수 있습니다.",
            "- 앞으로 목표는.",
            "코스닥 상장이 목표입니다.",
        ];
        let fragment = fragments(&interview, &[false; 7]);
        assert_eq!(fragment, [false, true, false, true, false, true, false]);
        // A list's dashed items that state things stay prose.
        let list = [
            "시는 지원을 늘린다.",
            "- 대상은 청년이다.",
            "- 기간은 1년이다.",
        ];
        assert_eq!(fragments(&list, &[false; 3]), [false; 3]);
    }

    #[test]
    fn greetings_are_no_prose() {
        // (Short, both weigh less again.)
        for greeting in ["안녕하세요, 마케팅팀 김지훈입니다.", "안녕하십니까."]
        {
            assert!(form_alone(greeting) < FRAGMENT_WEIGHT, "{greeting:?}");
        }
        assert!(form_alone("그는 이웃에게 안녕하세요라고 먼저 인사했다.") == 1.0);
    }

    #[test]
    fn headlines_do_not_push_the_lead_back() {
        // The lead after two headline lines and a byline scores as the first sentence.
        let with_headlines = Ranker::new(&[
            "클라우드 산업 육성…세제 지원 확대",
            "업계 “환영”",
            "[가상일보 김하늘 기자]",
            "정부가 클라우드 산업을 핵심 인프라로 육성하기로 했다.",
            "업계는 세제 지원 확대를 환영했다.",
        ]);
        let bare = Ranker::new(&[
            "정부가 클라우드 산업을 핵심 인프라로 육성하기로 했다.",
            "업계는 세제 지원 확대를 환영했다.",
        ]);
        let (a, b) = (with_headlines.scores()[3], bare.scores()[0]);
        assert!(
            a > with_headlines.scores()[0] && a > 0.5 * b,
            "lead pushed back by headlines: {a} vs {b}"
        );
    }

    /// `sections` of lines given as (excluded, fragment, text): their places and scales.
    fn places_of<S: AsRef<str>>(lines: &[(bool, bool, S)]) -> (Vec<u32>, Vec<f64>) {
        let text: Vec<&str> = lines.iter().map(|l| l.2.as_ref()).collect();
        let excluded: Vec<bool> = lines.iter().map(|l| l.0).collect();
        let fragment: Vec<bool> = lines.iter().map(|l| l.1).collect();
        sections(
            &text,
            &excluded,
            &fragment,
            &Graph::new(&Vectors::new(&text)),
        )
    }

    #[test]
    fn a_headline_after_prose_starts_a_section() {
        const PROSE: (bool, bool, &str) = (false, false, "시는 계획을 밝혔다.");
        const BYLINE: (bool, bool, &str) = (true, false, "김하늘 기자");
        let headline = (false, true, "해오름시, 폐교를 창업 공간으로 바꾼다");
        let (places, scales) = places_of(&[
            headline, BYLINE, PROSE, PROSE, PROSE, headline, BYLINE, PROSE, PROSE,
        ]);
        assert_eq!(places, [0, 0, 0, 1, 2, 0, 0, 0, 1]);
        assert!(scales.iter().all(|&s| s == POSITION_SCALE));
        // A chapter's title after three prose sentences starts one; after two, it is no
        // section of its own.
        let chapter = (false, true, "제2장 국민의 권리와 의무");
        assert_eq!(places_of(&[PROSE, PROSE, PROSE, chapter, PROSE]).0[4], 0);
        assert_eq!(places_of(&[PROSE, PROSE, chapter, PROSE]).0[3], 2);
        // A byline alone, a marked caption, a question, a link, a blog's laughter or
        // aside, a contact line or a long line without an ending is no heading: the
        // places run on.
        let long = "가나다라마 ".repeat(20);
        for line in [
            BYLINE,
            (false, true, "▲ 박서연 시장이 계획을 설명하고 있다."),
            (false, true, "그렇다면 부담은 어떻게 감당할까?"),
            (false, true, "▶ 해오름시, 시내버스 절반 전기차로 바꾼다"),
            (false, true, "분위기도 좋고 음식도 맛있었어요ㅎㅎ"),
            (
                false,
                true,
                "(물론 전 안 먹었지만… 다들 그렇다고 하더라구요)",
            ),
            (false, true, "문의 교육청소년과 797-1954"),
            (false, true, long.as_str()),
        ] {
            let (places, _) = places_of(&[PROSE, PROSE, PROSE, line, PROSE]);
            assert_eq!(places[4], 3, "{:?} started a section", line.2);
        }
    }

    #[test]
    fn a_long_text_is_cut_where_its_topic_changes() {
        // Two articles joined with no headline between them, twenty sentences each: the
        // second starts a section. One topic forty sentences long is not cut.
        let bus: Vec<String> = (1..=20)
            .map(|n| format!("해오름시는 {n}번 노선 시내버스를 전기버스로 바꾸고 충전소를 짓는다."))
            .collect();
        let library: Vec<String> = (1..=20)
            .map(|n| format!("달빛도서관은 {n}기 어린이 독서교실을 열고 그림책을 나눈다."))
            .collect();
        let prose = |a: &[String], b: &[String]| -> Vec<(bool, bool, String)> {
            a.iter()
                .chain(b)
                .map(|t| (false, false, t.clone()))
                .collect()
        };
        let (places, scales) = places_of(&prose(&bus, &library));
        assert_eq!(places[19], 19);
        assert_eq!(places[20], 0, "{places:?}");
        assert!(scales.iter().all(|&s| s == POSITION_SCALE));
        let (places, _) = places_of(&prose(&bus, &bus));
        assert_eq!(places[39], 39, "{places:?}");
    }

    #[test]
    fn a_long_section_spreads_its_prior() {
        // 45 prose sentences: a scale of a third of them, 15, not 12; 36 keep 12. (No
        // words, so no edges and no topic to shift.)
        let prose = (false, false, "");
        let (places, scales) = places_of(&[prose; 45]);
        assert_eq!(places[44], 44);
        assert!(
            scales.iter().all(|&s| (s - 15.0).abs() < 1e-9),
            "{scales:?}"
        );
        let (_, scales) = places_of(&[prose; 36]);
        assert!(scales.iter().all(|&s| s == POSITION_SCALE));
    }
}
