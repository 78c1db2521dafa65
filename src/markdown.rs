//! Markdown primitives shared by every Markdown and terminal renderer.
//!
//! Two kinds of text reach output: author-written Markdown (`description`, `guidance`) and plain
//! text (everything else, including every string in an assessment). Plain text is escaped so it
//! cannot create Markdown structure; Markdown is kept as Markdown with its raw HTML escaped, or
//! flattened to plain text where structure cannot go (table cells, terminals).

use pulldown_cmark::{Event, Options, Parser, Tag, TagEnd};

use crate::text::escape_control;

/// Escapes plain text for a Markdown paragraph or heading: nothing in it can become structure.
/// Newlines become spaces.
pub fn escape_inline(text: &str) -> String {
    let text = escape_control(text).replace(['\r', '\n'], " ");
    let mut out = String::with_capacity(text.len() + 8);
    for (i, c) in text.char_indices() {
        let at_start = i == 0;
        match c {
            '\\' | '`' | '*' | '_' | '[' | ']' | '<' | '>' | '|' | '~' | '&' | '!' | '$' => {
                out.push('\\');
                out.push(c);
            }
            '#' | '+' | '-' | '=' | ':' if at_start => {
                out.push('\\');
                out.push(c);
            }
            '.' | ')' if ordered_list_marker(&out, text[i + 1..].chars().next()) => {
                out.push('\\');
                out.push(c);
            }
            _ => out.push(c),
        }
    }
    out
}

/// Whether `.` or `)` here would end an ordered-list marker: digits so far, then a space or
/// the end of the text.
fn ordered_list_marker(so_far: &str, next: Option<char>) -> bool {
    !so_far.is_empty()
        && so_far.chars().all(|d| d.is_ascii_digit())
        && next.is_none_or(char::is_whitespace)
}

/// A GFM table cell from plain text: escaped, one line, pipes escaped.
pub fn cell(text: &str) -> String {
    let escaped = escape_inline(text.trim());
    if escaped.is_empty() {
        " ".into()
    } else {
        escaped
    }
}

/// One GFM table row.
pub fn row<S: AsRef<str>>(cells: &[S]) -> String {
    let inner: Vec<&str> = cells.iter().map(AsRef::as_ref).collect();
    format!("| {} |", inner.join(" | "))
}

/// The delimiter row of a GFM table with `n` columns.
pub fn delimiter(n: usize) -> String {
    row(&vec!["---"; n])
}

/// Author Markdown kept as Markdown, with raw HTML escaped so it shows as text.
pub fn prose(markdown: &str) -> String {
    let markdown = escape_control(markdown);
    let mut out = String::with_capacity(markdown.len());
    let mut last = 0;
    for (event, range) in Parser::new_ext(&markdown, options()).into_offset_iter() {
        if matches!(event, Event::Html(_) | Event::InlineHtml(_)) && range.start >= last {
            out.push_str(&markdown[last..range.start]);
            out.push_str(&markdown[range.clone()].replace('<', "&lt;"));
            last = range.end;
        }
    }
    out.push_str(&markdown[last..]);
    out
}

/// Author Markdown as text for a terminal: paragraphs kept, structure reduced to plain text.
pub fn terminal(markdown: &str) -> String {
    let mut out = String::new();
    for event in Parser::new_ext(markdown, options()) {
        match event {
            Event::Text(t) | Event::Code(t) | Event::Html(t) | Event::InlineHtml(t) => {
                out.push_str(&t)
            }
            Event::SoftBreak => out.push(' '),
            Event::HardBreak => out.push('\n'),
            Event::End(TagEnd::Paragraph | TagEnd::Heading(_) | TagEnd::CodeBlock) => {
                out.push_str("\n\n")
            }
            Event::Start(Tag::Item) => out.push_str("  • "),
            Event::End(TagEnd::Item) => out.push('\n'),
            Event::End(TagEnd::List(_)) => out.push('\n'),
            _ => {}
        }
    }
    escape_control(out.trim_end())
}

/// The GFM extensions weigh renders with.
pub fn options() -> Options {
    Options::ENABLE_TABLES | Options::ENABLE_STRIKETHROUGH | Options::ENABLE_TASKLISTS
}

#[cfg(test)]
mod tests {
    use super::*;

    fn parse_text(md: &str) -> String {
        Parser::new_ext(md, options())
            .filter_map(|e| match e {
                Event::Text(t) => Some(t.to_string()),
                _ => None,
            })
            .collect()
    }

    #[test]
    fn escaped_plain_text_reads_back_verbatim() {
        for text in [
            "a | b",
            "*bold* _x_",
            "# heading",
            "1. item",
            "<b>hi</b>",
            "`code`",
            "[l](u)",
            "&amp;",
            "- dash",
        ] {
            assert_eq!(parse_text(&escape_inline(text)), text, "{text}");
        }
    }

    #[test]
    fn prose_escapes_raw_html_but_keeps_markdown() {
        let out = prose("**Why** <script>alert(1)</script> and `<b>`");
        assert!(out.contains("**Why**"));
        assert!(out.contains("&lt;script>"), "{out}");
        assert!(out.contains("`<b>`"), "{out}");
    }
}
