//! HTML in pasted text. A page's source pasted as text keeps its tags (`<b>`,
//! `<img src=… onerror=…>`), comments, scripts and character references (`&nbsp;`);
//! they are markup, not words, and must not become terms or keywords (`img`,
//! `onerror`, `window`, `nbsp`). The text itself is never
//! changed: the summary still highlights the user's text as it is.

/// Names of the HTML elements a pasted page source is likely to have, each between
/// spaces. `<` and a word that is not one of them (`<조선일보>`, `<Parasite>`, `a < b`)
/// is text.
const TAGS: &str = " a abbr article aside audio b blockquote body br button caption code div em \
    figcaption figure font footer form h1 h2 h3 h4 h5 h6 head header hr html i iframe img input \
    label li link main meta nav noscript ol option p picture pre s script section select small \
    source span strong style sub sup svg table tbody td textarea th thead title tr u ul video ";

/// Elements whose content is code, not text: skipped up to their closing tag.
const RAW_TEXT: &str = " script style ";

/// True when `name` (ASCII letters and digits) is one of `list` (words between spaces:
/// [`TAGS`]), in any case. Not inlined: one copy of the search for every list.
#[inline(never)]
fn listed(list: &str, name: &[u8]) -> bool {
    let mut key = [b' '; 16];
    if name.len() + 2 > key.len() {
        return false;
    }
    key[1..=name.len()].copy_from_slice(name);
    key[1..=name.len()].make_ascii_lowercase();
    let key = &key[..name.len() + 2];
    list.as_bytes().windows(key.len()).any(|w| w == key)
}

/// Where the markup that starts at `bytes[i]` (a `<`) ends: past a tag of [`TAGS`]
/// (`<b>`, `</b>`, `<img src=x>`), past a `<script>` or `<style>` element up to its
/// closing tag, past an `<!-- … -->` comment or a `<!doctype html>`; `i + 1` when no markup starts there, or
/// when it is never closed (then it is text). A pass that asks at every `<` of a text
/// gives [`markup_end_in`] one [`Ahead`].
pub(crate) fn markup_end(bytes: &[u8], i: usize) -> usize {
    markup_end_in(bytes, i, &mut Ahead::default())
}

/// [`markup_end`], its searches ahead taken up where they last ended in `bytes`
/// (`ahead` is for that text only). Not inlined: one copy for every pass.
#[inline(never)]
pub(crate) fn markup_end_in(bytes: &[u8], i: usize, ahead: &mut Ahead) -> usize {
    let rest = &bytes[i..];
    if rest.starts_with(b"<!--") {
        return ahead
            .comment_end
            .find(bytes, b"-->", i + 4)
            .map_or(i + 1, |k| k + 3);
    }
    if rest
        .get(..9)
        .is_some_and(|d| d.eq_ignore_ascii_case(b"<!doctype"))
    {
        return ahead.gt.find(bytes, b">", i + 9).map_or(i + 1, |k| k + 1);
    }
    let closing = rest.get(1) == Some(&b'/');
    let name_start = 1 + usize::from(closing);
    let name_len = rest[name_start..]
        .iter()
        .take_while(|b| b.is_ascii_alphanumeric())
        .count();
    let name = &rest[name_start..name_start + name_len];
    let name_ends = matches!(
        rest.get(name_start + name_len),
        Some(b'>' | b'/' | b' ' | b'\t' | b'\r' | b'\n')
    );
    if !name_ends || !listed(TAGS, name) {
        return i + 1;
    }
    let Some(close) = ahead.gt.find(bytes, b">", i + name_start + name_len) else {
        return i + 1;
    };
    let end = close + 1;
    if closing || !listed(RAW_TEXT, name) {
        return end;
    }
    // `<script>…</script>`: up to the closing tag's `>` (or only the opening tag).
    let raw = usize::from(!name.eq_ignore_ascii_case(b"script"));
    ahead.raw_end[raw]
        .find(bytes, RAW_CLOSINGS[raw], end)
        .and_then(|k| ahead.gt.find(bytes, b">", k))
        .map_or(end, |k| k + 1)
}

/// How the elements of [`RAW_TEXT`] close, in its order, `script` first.
const RAW_CLOSINGS: [&[u8]; 2] = [b"</script", b"</style"];

/// What [`markup_end_in`]'s searches ahead found in one text, so that a pass over the
/// text asking at every `<` takes linear time: a search is not made again over what
/// one already passed (a text of 100,000 `<b `, never closed, took a minute).
#[derive(Clone, Copy, Default)]
pub(crate) struct Ahead {
    /// The next `>`.
    gt: Found,
    /// The next `-->`.
    comment_end: Found,
    /// The next `</script` and `</style` ([`RAW_CLOSINGS`]).
    raw_end: [Found; 2],
}

/// Where a search from `from` found its first match (`at`; `None` when there is none
/// to the text's end), once `known`.
#[derive(Clone, Copy, Default)]
struct Found {
    known: bool,
    from: usize,
    at: Option<usize>,
}

impl Found {
    /// The first `needle` (in any ASCII case) in `bytes` at or after `from`, unless
    /// known: the last search answers for any place from where it started to what it
    /// found (or the end).
    fn find(&mut self, bytes: &[u8], needle: &[u8], from: usize) -> Option<usize> {
        if !(self.known && self.from <= from && self.at.is_none_or(|at| from <= at)) {
            *self = Found {
                known: true,
                from,
                at: find_ignoring_case(bytes, needle, from),
            };
        }
        self.at
    }
}

/// Where the character reference that starts at `bytes[i]` (a `&`) ends: past `&nbsp;`,
/// `&amp;`, `&#39;` or `&#x27;`, which a page source has for spaces, quotes and
/// ampersands; `i + 1` when none starts there (`R&D`, `M&A`, `&` alone are text).
pub(crate) fn entity_end(bytes: &[u8], i: usize) -> usize {
    // `&`, a `#` for a number, then a name or a number (`x27` in hexadecimal), and `;`.
    let rest = &bytes[i + 1..];
    let start = usize::from(rest.first() == Some(&b'#'));
    let len = rest[start..]
        .iter()
        .take(MAX_ENTITY_LEN + 1)
        .take_while(|b| b.is_ascii_alphanumeric())
        .count();
    if (1..=MAX_ENTITY_LEN).contains(&len) && rest.get(start + len) == Some(&b';') {
        i + 2 + start + len
    } else {
        i + 1
    }
}

/// The longest name or number of a character reference [`entity_end`] reads
/// (`&thetasym;`, `&#1114111;`).
const MAX_ENTITY_LEN: usize = 8;

/// True when `line` is markup and nothing else: tags, comments, character references
/// and whitespace (`<div class="inner">`, `</ul>`, `<li></li>`), none of it text for
/// a summary. A line without `<` or `&` is not.
pub(crate) fn is_markup_only(line: &str) -> bool {
    let bytes = line.as_bytes();
    let mut i = 0;
    let mut markup = false;
    let mut ahead = Ahead::default();
    while let Some(&b) = bytes.get(i) {
        let end = match b {
            b'<' => markup_end_in(bytes, i, &mut ahead),
            b'&' => entity_end(bytes, i),
            _ if b.is_ascii_whitespace() => {
                i += 1;
                continue;
            }
            _ => return false,
        };
        if end == i + 1 {
            return false; // a `<` or `&` of text
        }
        markup = true;
        i = end;
    }
    markup
}

/// `line` without the closing tags and line breaks at its end (`…닫았다.</p>`,
/// `…연다</a></li>`, `…밝혔다.<br><br>`), so that what the line's text ends with can be
/// read.
pub(crate) fn trim_closing_tags(line: &str) -> &str {
    let mut line = line.trim_end();
    while line.ends_with('>') {
        let bytes = line.as_bytes();
        let Some(lt) = bytes.iter().rposition(|&b| b == b'<') else {
            break;
        };
        let tag = bytes.get(lt + 1..).unwrap_or_default();
        let closes = tag.first() == Some(&b'/')
            || (tag.get(..2).is_some_and(|n| n.eq_ignore_ascii_case(b"br"))
                && matches!(tag.get(2), Some(b'>' | b'/' | b' ')));
        if !closes || markup_end(bytes, lt) != bytes.len() {
            break;
        }
        line = line.get(..lt).unwrap_or_default().trim_end();
    }
    line
}

/// The elements whose content is no text of a page (`<style>`, `<script>`) and
/// comments, as the lines of a page's source: for each line inside one, from the line
/// after its opening (or its opening's, when that opens the line) to the line of its
/// end, true. Openings are looked for in the
/// lines that start with `<`, as a page's source has them; one never closed in a later
/// line is text (a tech article's `<script> 태그`).
pub(crate) fn inside_raw_elements(lines: &[&str]) -> Vec<bool> {
    let mut inside = vec![false; lines.len()];
    // Per kind, true once its closing is known to be in no line after the one looked
    // from, nor so after any later one: each kind's lines are searched once at most.
    let mut unclosed = [false; RAW.len()];
    let mut i = 0;
    while i < lines.len() {
        let opening = Some(lines[i])
            .filter(|l| opens_tag(l))
            .and_then(raw_opening);
        let Some(kind) = opening.filter(|&k| !unclosed[k]) else {
            i += 1;
            continue;
        };
        let close = RAW[kind].1;
        match (i + 1..lines.len()).find(|&j| find(lines[j].as_bytes(), close, 0).is_some()) {
            Some(end) => {
                // The opening's line too when it opens with it (`<!-- A note …`).
                let from = if starts_raw(lines[i], kind) { i } else { i + 1 };
                inside[from..=end].iter_mut().for_each(|x| *x = true);
                i = end + 1;
            }
            None => {
                unclosed[kind] = true;
                i += 1;
            }
        }
    }
    inside
}

/// Elements whose text is a page's furniture, not its article: the page's and an
/// article's header and footer (menus, bylines, a ticker, the copyright), menus,
/// sidebars, a photo's caption, and form controls, each between spaces. (Not `form`: an
/// ASP.NET page is one form, its article and all.) As the browser extension skips them
/// (`PAGE_SKIP`).
const FURNITURE_ELEMENTS: &str = " aside button figcaption footer header label nav select ";

/// Words of a class or id that name page furniture, between `-`, `_` or spaces, in any
/// case (`cmt_area`, `photo-caption`, `aside_right`), each between `|`: the browser
/// extension's (`extension/content.js`, `FURNITURE`), which a saved page's source should
/// be read by as its page is, and the wrappers of a page's header, footer and images
/// (the extension tells those by the elements and the layout) and of a message quoted in
/// a reply (Gmail's `gmail_quote`, Outlook's `divRplyFwdMsg`: the extension's `QUOTE`), and
/// a list's previews of other messages or articles (`preview`). A space joins two words
/// in a row (`most read`, `img_desc`), a `*` ends a beginning any ending may follow
/// (`recommended`, `advertisement`). Not after `has`, `with` or `no` (`has-sidebar` is a
/// page's main wrapper).
const FURNITURE_WORDS: &str = "comment|comments|cmt|reply|replies|related|relation|\
    recommend*|popular|ranking|rank|most read|most viewed|hot news|aside|share|sharing|social|\
    sns|sponsor|sponsored|ad|ads|advert*|adsense|banner|promo*|newsletter|subscribe|\
    subscription|caption|photo|img desc|breadcrumb|breadcrumbs|tag|tags|keyword|keywords|\
    copyright|byline|reporter|author|nav|navbar|menu|gnb|lnb|snb|sidebar|widget|outbrain|\
    taboola|disqus|sr only|visually hidden|blind|skip|toolbar|paging|pagination|infobox|\
    navbox|editsection|toc|references|reflist|catlinks|header|footer|image|img|figure|quote|\
    quoted|divrplyfwdmsg|preview";

/// ARIA roles of page furniture (the extension's `ROLE_SKIP`), each between spaces.
const FURNITURE_ROLES: &str = " navigation banner contentinfo complementary search menu \
    menubar dialog alertdialog tablist toolbar ";

/// How deep in the open elements [`furniture`] looks for the one a closing tag closes
/// (pages nest 20 to 40 deep).
const MAX_NESTING: usize = 64;

/// Elements that never close (`<br>`, `<img …>`), each between spaces.
const VOID: &str = " area br col embed hr img input link meta source wbr ";

/// For each line of a page's source, true when its text is the page's furniture: half
/// of it or more is inside an element that is furniture by its name ([`FURNITURE_ELEMENTS`]),
/// class or id ([`FURNITURE_WORDS`]) or role, and closed somewhere after (a `<nav>` never
/// closed is text); or all its text is a link's (`<li><a href="…">다른 기사
/// 제목</a></li>`, a related article). `raw` marks the lines inside a script, style
/// sheet or comment ([`inside_raw_elements`]), whose tags are not read.
///
/// In the native build only (the command line, which summarizes saved pages): the wasm
/// module finds none, as its page has a size budget that this would take 2.5 KB of,
/// gzipped, while the page is for text and the browser extension reads a page's
/// elements itself. There a page's source pasted as text is read as before: its tags,
/// scripts and comments make no words, and its furniture is told by its text alone.
#[inline(never)]
pub(crate) fn furniture(lines: &[&str], raw: &[bool]) -> Vec<bool> {
    if cfg!(target_arch = "wasm32") {
        return vec![false; lines.len()];
    }
    let lines_read = || lines.iter().zip(raw).filter(|&(_, &r)| !r).map(|(l, _)| *l);
    // The closing tags still ahead, by element name: an opening counts only while one of
    // its name is.
    let mut closings: Vec<(&[u8], usize)> = Vec::new();
    for line in lines_read() {
        for_each_tag(line, |tag| {
            if tag.closing {
                match closings
                    .iter_mut()
                    .find(|(n, _)| n.eq_ignore_ascii_case(tag.name))
                {
                    Some((_, count)) => *count += 1,
                    None => closings.push((tag.name, 1)),
                }
            }
        });
    }
    // The open elements, each with whether it is furniture, and how many of them are.
    let mut open: Vec<(&[u8], bool)> = Vec::new();
    let mut open_furniture = 0usize;
    let mut out = vec![false; lines.len()];
    for ((line, &raw), out) in lines.iter().zip(raw).zip(&mut out) {
        if raw {
            continue;
        }
        // The line's text bytes, those inside furniture, and whether any is outside a link.
        let (mut text, mut inside, mut text_outside_links) = (0usize, 0usize, false);
        // The links open in the line: a line that is all a link's text closes it too (an
        // `<a …>` never closed, as in a text's made-up markup, makes nothing a link).
        let mut links = 0usize;
        let bytes = line.as_bytes();
        let mut i = 0;
        let mut ahead = Ahead::default();
        while let Some(&b) = bytes.get(i) {
            let end = match b {
                b'<' => markup_end_in(bytes, i, &mut ahead),
                b'&' => entity_end(bytes, i),
                _ => i + 1,
            };
            if end > i + 1 && b == b'<' {
                let tag = Tag::at(bytes, i, end);
                let left = closings
                    .iter_mut()
                    .find(|(n, _)| n.eq_ignore_ascii_case(tag.name));
                if tag.closing {
                    // Up to the innermost open element of its name (an `</ul>` closes the
                    // `<li>`s left open in it), among the innermost [`MAX_NESTING`]: a
                    // closing tag with no opening is looked for in so many, not in all.
                    let from = open.len().saturating_sub(MAX_NESTING);
                    if let Some(k) = open[from..]
                        .iter()
                        .rposition(|(n, _)| n.eq_ignore_ascii_case(tag.name))
                    {
                        let at = from + k;
                        open_furniture -= open[at..].iter().filter(|(_, f)| *f).count();
                        open.truncate(at);
                    }
                    if let Some((_, count)) = left {
                        *count = count.saturating_sub(1);
                    }
                } else if tag.opens_element() && left.is_some_and(|(_, count)| *count > 0) {
                    // (An element whose name is never closed again is not followed.)
                    let is_furniture = tag.is_furniture();
                    open.push((tag.name, is_furniture));
                    open_furniture += usize::from(is_furniture);
                }
                if tag.name.eq_ignore_ascii_case(b"a") {
                    links = if tag.closing {
                        links.saturating_sub(1)
                    } else {
                        links + 1
                    };
                }
            } else if end == i + 1 && !b.is_ascii_whitespace() {
                text += 1;
                inside += usize::from(open_furniture > 0);
                text_outside_links |= links == 0;
            }
            i = end;
        }
        *out = (text > 0 && inside * 2 >= text) || (text > 0 && !text_outside_links && links == 0);
    }
    out
}

/// A tag that [`markup_end`] tells: `<name attributes…>`, `</name>` or `<name … />`.
struct Tag<'a> {
    name: &'a [u8],
    closing: bool,
    self_closing: bool,
    /// What follows the name, up to the `>`.
    attributes: &'a [u8],
}

impl<'a> Tag<'a> {
    /// The tag from `bytes[i]` (a `<`) to `bytes[end]`, where [`markup_end`] put its end.
    #[inline(never)]
    fn at(bytes: &'a [u8], i: usize, end: usize) -> Self {
        let tag = bytes.get(i..end).unwrap_or_default();
        let closing = tag.get(1) == Some(&b'/');
        let rest = tag.get(1 + usize::from(closing)..).unwrap_or_default();
        let len = rest
            .iter()
            .take_while(|b| b.is_ascii_alphanumeric())
            .count();
        let (name, after) = rest.split_at(len);
        // (A script or style element ends with its content and closing tag: its
        // attributes end at the first `>`.)
        let close = after.iter().position(|&b| b == b'>').unwrap_or(after.len());
        let attributes = &after[..close];
        Tag {
            name,
            closing,
            self_closing: attributes.last() == Some(&b'/'),
            attributes,
        }
    }

    /// True for an opening tag of an element with content to come: not a comment, a
    /// void element (`<br>`), a self-closing tag, or a script or style element, which
    /// [`markup_end`] took whole.
    fn opens_element(&self) -> bool {
        !self.closing
            && !self.name.is_empty()
            && !self.self_closing
            && !listed(VOID, self.name)
            && !listed(RAW_TEXT, self.name)
    }

    /// True when the element is furniture by its name, its class or id, or its role.
    #[inline(never)]
    fn is_furniture(&self) -> bool {
        listed(FURNITURE_ELEMENTS, self.name)
            || attribute(self.attributes, b"class").is_some_and(names_furniture)
            || attribute(self.attributes, b"id").is_some_and(names_furniture)
            || attribute(self.attributes, b"role")
                .is_some_and(|role| listed(FURNITURE_ROLES, role.trim_ascii()))
    }
}

/// The value of attribute `name` among a tag's `attributes` (`class="a b"`, `id=x`).
#[inline(never)]
fn attribute<'a>(attributes: &'a [u8], name: &[u8]) -> Option<&'a [u8]> {
    let mut i = 0;
    while let Some(at) = find_ignoring_case(attributes, name, i) {
        let before_ok = at > 0 && attributes[at - 1].is_ascii_whitespace();
        let after = attributes.get(at + name.len()..).unwrap_or_default();
        let spaced = after.iter().take_while(|b| b.is_ascii_whitespace()).count();
        if before_ok && after.get(spaced) == Some(&b'=') {
            let value = after
                .get(spaced + 1..)
                .unwrap_or_default()
                .trim_ascii_start();
            let (value, quote) = match value.split_first() {
                Some((&q @ (b'"' | b'\''), v)) => (v, Some(q)),
                _ => (value, None),
            };
            let len = value
                .iter()
                .position(|&b| quote.map_or(b.is_ascii_whitespace(), |q| b == q))
                .unwrap_or(value.len());
            return value.get(..len);
        }
        i = at + 1;
    }
    None
}

/// True when a class or id value has one of [`FURNITURE_WORDS`], as whole words.
#[inline(never)]
fn names_furniture(value: &[u8]) -> bool {
    // The value in lower case, each separator a space, between spaces.
    let mut v = Vec::with_capacity(value.len() + 2);
    v.push(b' ');
    v.extend(value.iter().map(|&b| match b {
        b'-' | b'_' => b' ',
        _ if b.is_ascii_whitespace() => b' ',
        _ => b.to_ascii_lowercase(),
    }));
    v.push(b' ');
    let negated = |p: usize| {
        [b" has".as_slice(), b" with", b" no"]
            .iter()
            .any(|n| v[..p].ends_with(n))
    };
    FURNITURE_WORDS
        .as_bytes()
        .split(|&b| b == b'|')
        .map(|w| w.trim_ascii())
        .any(|entry| {
            let (word, whole) = match entry.strip_suffix(b"*") {
                Some(word) => (word, false),
                None => (entry, true),
            };
            (0..v.len()).any(|p| {
                v[p] == b' '
                    && v[p + 1..].starts_with(word)
                    && (!whole || v.get(p + 1 + word.len()) == Some(&b' '))
                    && !negated(p)
            })
        })
}

/// The index of the first `needle` in `hay` at or after `from`, in any ASCII case.
fn find_ignoring_case(hay: &[u8], needle: &[u8], from: usize) -> Option<usize> {
    hay.get(from..)?
        .windows(needle.len())
        .position(|w| w.eq_ignore_ascii_case(needle))
        .map(|k| from + k)
}

/// Calls `visit` with each tag of `line` that [`markup_end`] tells.
fn for_each_tag<'a>(line: &'a str, mut visit: impl FnMut(Tag<'a>)) {
    let bytes = line.as_bytes();
    let mut i = 0;
    let mut ahead = Ahead::default();
    while let Some(at) = bytes
        .get(i..)
        .and_then(|r| r.iter().position(|&b| b == b'<'))
    {
        let start = i + at;
        let end = markup_end_in(bytes, start, &mut ahead);
        if end > start + 1 {
            visit(Tag::at(bytes, start, end));
        }
        i = end;
    }
}

/// True when `line` starts with a `<`, after spaces.
pub(crate) fn opens_tag(line: &str) -> bool {
    line.as_bytes().trim_ascii_start().first() == Some(&b'<')
}

/// The elements and comments [`inside_raw_elements`] looks for: opening, closing.
const RAW: [(&[u8], &[u8]); 3] = [
    (b"<style", b"</style"),
    (b"<script", b"</script"),
    (b"<!--", b"-->"),
];

/// The kind ([`RAW`]) of the style or script element or comment that `line` opens and
/// does not close, if it does (tags in lower case, as pages write them).
fn raw_opening(line: &str) -> Option<usize> {
    let bytes = line.as_bytes();
    RAW.iter().position(|&(open, close)| {
        find(bytes, open, 0).is_some_and(|at| find(bytes, close, at).is_none())
    })
}

/// True when `line` opens, after spaces, with the opening of [`RAW`]'s `kind`.
fn starts_raw(line: &str, kind: usize) -> bool {
    line.as_bytes().trim_ascii_start().starts_with(RAW[kind].0)
}

/// The index of the first `needle` in `hay` at or after `from`.
fn find(hay: &[u8], needle: &[u8], from: usize) -> Option<usize> {
    hay.get(from..)?
        .windows(needle.len())
        .position(|w| w == needle)
        .map(|k| from + k)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn lines_of_markup_alone_are_told() {
        for line in [
            "<div class=\"inner\">",
            "</ul>",
            "<li></li>",
            "&nbsp; <br>",
            "<!-- x -->",
        ] {
            assert!(is_markup_only(line), "{line:?}");
        }
        for line in ["", "<b>속보</b>", "a < b", "R&D", "<조선일보>"] {
            assert!(!is_markup_only(line), "{line:?}");
        }
    }

    #[test]
    fn closing_tags_at_a_line_end_are_trimmed() {
        assert_eq!(trim_closing_tags("문을 닫았다.</p>"), "문을 닫았다.");
        assert_eq!(trim_closing_tags("연다</a></li> "), "연다");
        assert_eq!(trim_closing_tags("밝혔다.<br><br />"), "밝혔다.");
        assert_eq!(trim_closing_tags("밝혔다.<BR/></p>"), "밝혔다.");
        assert_eq!(trim_closing_tags("<b>강조"), "<b>강조");
        assert_eq!(trim_closing_tags("태그 <b>"), "태그 <b>");
        assert_eq!(trim_closing_tags("<조선일보>"), "<조선일보>");
        assert_eq!(trim_closing_tags("a <b>"), "a <b>");
    }

    #[test]
    fn lines_inside_styles_scripts_and_comments_are_told() {
        let lines = [
            "<style>",
            "body { margin: 0; }",
            "</style>",
            "<p>본문이다.</p>",
            "<!-- 설명",
            "문장 같은 주석이다.",
            "-->",
            "<script> 태그는 닫히지 않았다.",
            "본문이다.",
            "<!-- 첫 줄부터 주석인 문장이다.",
            "-->",
            "<p>본문이다.</p> <!-- 본문 뒤의 주석",
            "-->",
        ];
        assert_eq!(
            inside_raw_elements(&lines),
            [true, true, true, false, true, true, true, false, false, true, true, false, true]
        );
        // Openings never closed: each kind's lines are searched once, not once per
        // opening (20,000 of them took seconds so).
        let lines = vec!["<!-- 닫히지 않는 주석"; 20_000];
        assert!(inside_raw_elements(&lines).iter().all(|&x| !x));
    }

    #[test]
    fn a_page_sources_furniture_is_told_by_its_elements_classes_and_links() {
        let lines = [
            "<form id=\"aspnetForm\">",
            "<nav class=\"gnb\"><a href=\"#\">정치</a>",
            "경제 메뉴도 있다.",
            "</nav>",
            "<div class=\"layout has-sidebar\">",
            "<p>해오름시가 도서관을 연다.</p>",
            "<div class=\"photo_caption\"><span>열람실 모습이다.</span></div>",
            "<div id=\"cmt-area\">좋은 소식이네요.</div>",
            "<div role=\"complementary\">많이 본 뉴스다.</div>",
            "<li><a href=\"#\">다른 기사의 제목이다</a></li>",
            "<a href=\"/x\" class=\"a\">닫히지 않은 링크 뒤의 문장이다.",
            "<div><b>이도윤</b> <span class=\"preview\">요청하신 대로 옮기겠습니다.</span></div>",
            "<div class=\"gmail_quote\">인용한 메일이다.</div>",
            "쓸 곳은 <a href=\"#\">시내버스</a> 등이다.",
            "<p class=\"recommended-box\">추천 기사다.</p>",
            "</div>",
            "<p>시는 예산을 늘린다.</p>",
            "<header>머리글이 닫히지 않은 글이다.",
            "본문은 계속된다.",
        ];
        let raw = vec![false; lines.len()];
        let got = furniture(&lines, &raw);
        let want = [
            false, true, true, false, false, false, true, true, true, true, false, true, true,
            false, true, false, false, false, false,
        ];
        for ((line, got), want) in lines.iter().zip(&got).zip(want) {
            assert_eq!(*got, want, "{line:?}");
        }
    }

    /// What `markup_end` skips at the first `<` of `text`.
    fn skipped(text: &str) -> &str {
        let i = text.find('<').expect("a <");
        &text[i..markup_end(text.as_bytes(), i)]
    }

    #[test]
    fn tags_comments_and_scripts_are_skipped() {
        assert_eq!(skipped("<b>속보</b>"), "<b>");
        assert_eq!(skipped("속보</b> 오늘"), "</b>");
        assert_eq!(
            skipped("<IMG src=x onerror=\"a()\">행사"),
            "<IMG src=x onerror=\"a()\">"
        );
        assert_eq!(skipped("<br/>다음"), "<br/>");
        assert_eq!(skipped("<!-- 주석 -->본문"), "<!-- 주석 -->");
        assert_eq!(skipped("<!DOCTYPE html>\n<html>"), "<!DOCTYPE html>");
        assert_eq!(
            skipped("<script>window.x = 1 < 2;</script>축제는"),
            "<script>window.x = 1 < 2;</script>"
        );
        assert_eq!(
            skipped("<Style type=x>b{}</STYLE>글"),
            "<Style type=x>b{}</STYLE>"
        );
    }

    #[test]
    fn markup_ends_after_its_start_on_a_char_boundary() {
        // Random texts of the characters markup is made of, and Hangul.
        let alphabet: Vec<char> = "<<>/!-- scriptSTYLEbimg=\"가나다\n&&;#x1".chars().collect();
        let mut seed = 0x2545_f491_4f6c_dd1d_u64;
        for _ in 0..20_000 {
            let len = (seed % 24) as usize;
            let text: String = (0..len)
                .map(|_| {
                    seed ^= seed << 13;
                    seed ^= seed >> 7;
                    seed ^= seed << 17;
                    alphabet[(seed % alphabet.len() as u64) as usize]
                })
                .collect();
            for (i, c) in text.match_indices(['<', '&']) {
                let end = if c == "<" {
                    markup_end(text.as_bytes(), i)
                } else {
                    entity_end(text.as_bytes(), i)
                };
                assert!(
                    end > i && end <= text.len() && text.is_char_boundary(end),
                    "{text:?} {i}"
                );
            }
            crate::normalize::terms(&text, |_| {});
        }
    }

    #[test]
    fn character_references_are_skipped_and_ampersands_in_text_are_not() {
        let skipped = |text: &str| {
            let i = text.find('&').expect("a &");
            text[i..entity_end(text.as_bytes(), i)].to_string()
        };
        for (text, want) in [
            ("&nbsp;클라우드", "&nbsp;"),
            ("A&amp;B", "&amp;"),
            ("&#39;인용&#39;", "&#39;"),
            ("&#x27;인용", "&#x27;"),
            ("&#X1F600;", "&#X1F600;"),
            ("R&D 투자", "&"),
            ("M&A 시장", "&"),
            ("&", "&"),
            ("&#;", "&"),
            ("&nbsp", "&"),
            ("&verylongname;", "&"),
            ("& 가나", "&"),
        ] {
            assert_eq!(skipped(text), want, "{text:?}");
        }
    }

    #[test]
    fn text_in_angle_brackets_is_not_markup() {
        for text in [
            "<조선일보> 보도",
            "<Parasite> 개봉",
            "a < b 이다",
            "<2면에 계속>",
            "<b 로 끝나는 줄",
            "<!-- 닫히지 않은 주석",
            "<",
            "</",
        ] {
            assert_eq!(skipped(text), "<", "{text:?}");
        }
        // An element never closed: only its opening tag goes.
        assert_eq!(skipped("<script>alert(1)"), "<script>");
    }
}
