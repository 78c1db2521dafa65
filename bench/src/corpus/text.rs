//! TOML spellings the way weigh's canonical writer spells them (SPEC §3): single-line basic
//! strings with escapes, floats that read back as floats, UTC date-times in whole seconds.
//!
//! Written here rather than borrowed from weigh's `assessment::write` on purpose: the corpus must
//! be the same bytes whichever weigh binary is measured (`--weigh PATH`, before and after a
//! change). `tests/corpus_is_weigh_input.rs` checks that the two still agree.

use std::fmt::Write;

/// A single-line TOML basic string.
pub fn string(s: &str) -> String {
    let mut out = String::with_capacity(s.len() + 2);
    out.push('"');
    for c in s.chars() {
        match c {
            '"' => out.push_str("\\\""),
            '\\' => out.push_str("\\\\"),
            '\n' => out.push_str("\\n"),
            '\t' => out.push_str("\\t"),
            '\r' => out.push_str("\\r"),
            '\u{8}' => out.push_str("\\b"),
            '\u{c}' => out.push_str("\\f"),
            c if c.is_control() => {
                let _ = write!(out, "\\u{:04X}", c as u32);
            }
            c => out.push(c),
        }
    }
    out.push('"');
    out
}

/// A multi-line basic string for checklist prose; the generator's prose has no `\` or `"""`.
pub fn prose(s: &str) -> String {
    debug_assert!(!s.contains('\\') && !s.contains("\"\"\""));
    format!("\"\"\"\n{s}\n\"\"\"")
}

/// A TOML float: always with a `.` or an exponent.
pub fn float(f: f64) -> String {
    let text = format!("{f:?}");
    if text.contains(['.', 'e', 'E']) {
        text
    } else {
        format!("{text}.0")
    }
}

/// UTC, whole seconds: `YYYY-MM-DDTHH:MM:SSZ`.
pub fn datetime(seconds: i64) -> String {
    jiff::Timestamp::from_second(seconds)
        .expect("corpus times lie in 2026")
        .strftime("%Y-%m-%dT%H:%M:%SZ")
        .to_string()
}

/// `[a, b]` of basic strings.
pub fn array(items: &[String]) -> String {
    let quoted: Vec<String> = items.iter().map(|i| string(i)).collect();
    format!("[{}]", quoted.join(", "))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn strings_escape_quotes_backslashes_and_controls() {
        assert_eq!(string("a\"b\\c\nd\u{1b}"), "\"a\\\"b\\\\c\\nd\\u001B\"");
    }

    #[test]
    fn floats_keep_a_decimal_point() {
        assert_eq!(float(1.0), "1.0");
        assert_eq!(float(97.5), "97.5");
    }

    #[test]
    fn datetimes_are_utc_whole_seconds() {
        assert_eq!(datetime(1_782_864_000), "2026-07-01T00:00:00Z");
    }
}
