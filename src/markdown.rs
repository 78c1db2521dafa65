//! Markdown primitives shared by every Markdown and terminal renderer.
//!
//! Two kinds of text reach output: author-written Markdown (`description`, `guidance`) and plain
//! text (everything else, including every string in an assessment). Plain text is escaped so it
//! cannot create Markdown structure; Markdown is kept as Markdown with its raw HTML escaped, or
//! flattened to plain text where structure cannot go (table cells, terminals).

use pulldown_cmark::{Event, Options, Parser, Tag, TagEnd};

use crate::text::escape_control;

/// Escapes plain text for a Markdown paragraph or heading: nothing in it can become structure.
/// Newlines become spaces. Web addresses (`http://…`, `https://…`) become autolinks `<…>`
/// rather than escaped text, which GitHub's autolinker would turn into a broken link
/// (`llama3\_1`).
pub fn escape_inline(text: &str) -> String {
    let text = escape_control(text).replace(['\r', '\n'], " ");
    let mut out = String::with_capacity(text.len() + 8);
    let mut rest = text.as_str();
    while let Some(url) = next_url(rest) {
        escape_plain(&mut out, &rest[..url.start]);
        out.push('<');
        out.push_str(&rest[url.clone()]);
        out.push('>');
        rest = &rest[url.end..];
    }
    escape_plain(&mut out, rest);
    out
}

/// Appends plain text, escaped; `out` so far tells whether this is the start of the text.
fn escape_plain(out: &mut String, text: &str) {
    let at_text_start = out.is_empty();
    for (i, c) in text.char_indices() {
        let at_start = at_text_start && i == 0;
        match c {
            '\\' | '`' | '*' | '_' | '[' | ']' | '<' | '>' | '|' | '~' | '&' | '!' | '$' => {
                out.push('\\');
                out.push(c);
            }
            '#' | '+' | '-' | '=' | ':' if at_start => {
                out.push('\\');
                out.push(c);
            }
            '.' | ')'
                if at_text_start && ordered_list_marker(out, text[i + 1..].chars().next()) =>
            {
                out.push('\\');
                out.push(c);
            }
            _ => out.push(c),
        }
    }
}

/// The byte range of the next web address in `text`: `http://` or `https://` at the start or
/// after a space or an opening bracket or quote, up to a space, `<`, `>` or `|` (a table
/// cell's edge), without trailing punctuation or an unbalanced `)`, as GitHub's autolinker
/// reads it.
fn next_url(text: &str) -> Option<std::ops::Range<usize>> {
    let mut from = 0;
    while let Some(found) = text[from..].find("http") {
        let start = from + found;
        from = start + 1;
        let Some(scheme) = ["https://", "http://"]
            .into_iter()
            .find(|s| text[start..].starts_with(s))
        else {
            continue;
        };
        let boundary = text[..start]
            .chars()
            .next_back()
            .is_none_or(|c| c.is_whitespace() || matches!(c, '(' | '"' | '\'' | '*' | '_' | '~'));
        if !boundary {
            continue;
        }
        let len = text[start..]
            .find(|c: char| c.is_whitespace() || matches!(c, '<' | '>' | '|'))
            .unwrap_or(text.len() - start);
        let end = start + trim_url_end(&text[start..start + len]);
        if end > start + scheme.len() {
            return Some(start..end);
        }
    }
    None
}

/// The length of a URL without the trailing punctuation a sentence puts after it (and a `)`
/// that closes a bracket opened before the URL).
fn trim_url_end(url: &str) -> usize {
    let mut open = url.matches('(').count();
    let mut close = url.matches(')').count();
    let mut end = url.len();
    while let Some(last) = url[..end].chars().next_back() {
        let unbalanced = last == ')' && close > open;
        if !(unbalanced
            || matches!(
                last,
                '.' | ',' | ':' | ';' | '!' | '?' | '\'' | '"' | '*' | '_' | '~'
            ))
        {
            break;
        }
        match last {
            ')' => close -= 1,
            '(' => open -= 1,
            _ => {}
        }
        end -= last.len_utf8();
    }
    end
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

    /// The link destinations and the text a CommonMark parser reads.
    fn links_and_text(md: &str) -> (Vec<String>, String) {
        let mut links = Vec::new();
        let mut text = String::new();
        for e in Parser::new_ext(md, options()) {
            match e {
                Event::Start(Tag::Link { dest_url, .. }) => links.push(dest_url.to_string()),
                Event::Text(t) => text.push_str(&t),
                _ => {}
            }
        }
        (links, text)
    }

    #[test]
    fn web_addresses_become_autolinks_and_read_back_verbatim() {
        for (plain, url) in [
            (
                "https://huggingface.co/meta/llama3_1",
                "https://huggingface.co/meta/llama3_1",
            ),
            ("see https://x.org/a_b_c. Then", "https://x.org/a_b_c"),
            ("(https://x.org/wiki/A_(b)) and", "https://x.org/wiki/A_(b)"),
            (
                "evals at http://x.org/*star*/~u?q=1&r=2!",
                "http://x.org/*star*/~u?q=1&r=2",
            ),
        ] {
            let md = escape_inline(plain);
            let (links, text) = links_and_text(&md);
            assert_eq!(links, vec![url.to_string()], "{plain} -> {md}");
            assert_eq!(text, plain, "{plain} -> {md}");
        }
    }

    #[test]
    fn a_web_address_in_a_table_cell_keeps_the_table() {
        let md = format!(
            "| a | b |\n| --- | --- |\n| {} | x |\n",
            cell("https://x.org/a|b_c")
        );
        let cells: Vec<String> = Parser::new_ext(&md, options())
            .filter_map(|e| match e {
                Event::Start(Tag::TableCell) => Some(String::new()),
                _ => None,
            })
            .collect();
        assert_eq!(cells.len(), 4, "{md}");
        let (links, text) = links_and_text(&md);
        assert_eq!(links, vec!["https://x.org/a".to_string()], "{md}");
        assert!(text.contains("|b_c"), "{md}");
    }

    #[test]
    fn text_that_only_mentions_a_scheme_stays_escaped_text() {
        for plain in ["http://", "xhttps://a.b", "<https://a.b>"] {
            let (links, text) = links_and_text(&escape_inline(plain));
            assert!(links.is_empty(), "{plain}");
            assert_eq!(text, plain);
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
