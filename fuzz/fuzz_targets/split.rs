//! `ksum::split` on any UTF-8 string (and on the lossy decoding of any bytes): it must
//! never panic, and its spans must keep the invariant documented in `src/split.rs`.

#![no_main]

use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    let text = String::from_utf8_lossy(data);
    let text: &str = &text;
    let spans = ksum::split(text);
    let mut last = 0;
    for s in &spans {
        assert!(
            s.start >= last && s.start < s.end && s.end <= text.len(),
            "{s:?} after {last}"
        );
        assert!(text.is_char_boundary(s.start) && text.is_char_boundary(s.end));
        assert!(
            text[last..s.start].chars().all(char::is_whitespace),
            "lost text"
        );
        let body = &text[s.range()];
        assert!(!body.starts_with(char::is_whitespace) && !body.ends_with(char::is_whitespace));
        last = s.end;
    }
    assert!(text[last..].chars().all(char::is_whitespace), "lost tail");
    // The UTF-16 report must slice back to the same text.
    let units: Vec<u16> = text.encode_utf16().collect();
    for r in ksum::report::split_report(text, &spans) {
        assert_eq!(String::from_utf16(&units[r.start..r.end]).unwrap(), r.text);
    }
});
