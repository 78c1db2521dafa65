//! JSON as weigh prints it: every JSON output (reports, schemas, checklists, comparisons) goes
//! through [`pretty`], so how JSON is written (indentation, the trailing newline, which
//! characters are escaped) is decided in one place.
//!
//! serde_json escapes only the C0 controls; weigh also writes `\uXXXX` for every other character
//! a terminal would act on ([`crate::text::is_dangerous`]: DEL, the C1 controls, bidirectional
//! controls), so `weigh report --format json` is as safe on a terminal as the table.

use std::io::{self, Write};

use serde::Serialize;
use serde_json::ser::{Formatter, PrettyFormatter};

use crate::text::is_dangerous;

/// Pretty JSON with a trailing newline.
pub fn pretty<T: Serialize + ?Sized>(value: &T) -> String {
    let mut bytes = Vec::new();
    let mut serializer =
        serde_json::Serializer::with_formatter(&mut bytes, Escaping(PrettyFormatter::new()));
    if value.serialize(&mut serializer).is_err() {
        bytes.clear();
    }
    let mut out = String::from_utf8(bytes).unwrap_or_default();
    out.push('\n');
    out
}

/// serde_json's pretty formatter, with [`is_dangerous`] characters in strings written as
/// `\uXXXX` (a surrogate pair is never needed: they are all in the Basic Multilingual Plane).
struct Escaping(PrettyFormatter<'static>);

impl Formatter for Escaping {
    fn write_string_fragment<W: ?Sized + Write>(
        &mut self,
        writer: &mut W,
        fragment: &str,
    ) -> io::Result<()> {
        let mut rest = fragment;
        while let Some((at, c)) = rest.char_indices().find(|(_, c)| is_dangerous(*c)) {
            writer.write_all(&rest.as_bytes()[..at])?;
            write!(writer, "\\u{:04x}", c as u32)?;
            rest = &rest[at + c.len_utf8()..];
        }
        writer.write_all(rest.as_bytes())
    }

    fn begin_array<W: ?Sized + Write>(&mut self, w: &mut W) -> io::Result<()> {
        self.0.begin_array(w)
    }
    fn end_array<W: ?Sized + Write>(&mut self, w: &mut W) -> io::Result<()> {
        self.0.end_array(w)
    }
    fn begin_array_value<W: ?Sized + Write>(&mut self, w: &mut W, first: bool) -> io::Result<()> {
        self.0.begin_array_value(w, first)
    }
    fn end_array_value<W: ?Sized + Write>(&mut self, w: &mut W) -> io::Result<()> {
        self.0.end_array_value(w)
    }
    fn begin_object<W: ?Sized + Write>(&mut self, w: &mut W) -> io::Result<()> {
        self.0.begin_object(w)
    }
    fn end_object<W: ?Sized + Write>(&mut self, w: &mut W) -> io::Result<()> {
        self.0.end_object(w)
    }
    fn begin_object_key<W: ?Sized + Write>(&mut self, w: &mut W, first: bool) -> io::Result<()> {
        self.0.begin_object_key(w, first)
    }
    fn begin_object_value<W: ?Sized + Write>(&mut self, w: &mut W) -> io::Result<()> {
        self.0.begin_object_value(w)
    }
    fn end_object_value<W: ?Sized + Write>(&mut self, w: &mut W) -> io::Result<()> {
        self.0.end_object_value(w)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn escapes_every_character_a_terminal_acts_on_and_reads_back_the_same() {
        let text = "a\u{1b}[2J b\u{7f} c\u{9b} d\u{202e} e\u{2066} é 東京 \"q\"\n";
        let out = pretty(&serde_json::json!({ "s": text }));
        for raw in ['\u{1b}', '\u{7f}', '\u{9b}', '\u{202e}', '\u{2066}'] {
            assert!(!out.contains(raw), "{raw:?} in {out}");
        }
        assert!(out.contains("\\u007f") && out.contains("\\u202e"), "{out}");
        assert!(out.contains("é 東京"), "{out}");
        let back: serde_json::Value = serde_json::from_str(&out).unwrap();
        assert_eq!(back["s"], text);
    }

    #[test]
    fn is_indented_like_serde_json_pretty_with_a_trailing_newline() {
        let value = serde_json::json!({ "a": [1, 2], "b": { "c": null } });
        let expected = format!("{}\n", serde_json::to_string_pretty(&value).unwrap());
        assert_eq!(pretty(&value), expected);
    }
}
