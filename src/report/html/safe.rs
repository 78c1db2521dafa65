//! What may become markup in an HTML report: which link targets are safe to make links of, and
//! author Markdown rendered with its raw HTML shown as text.
//!
//! Everything else reaches the page through the templates' autoescaping. These two are the only
//! places where weigh itself writes markup from text it did not write.

use pulldown_cmark::{Event, Parser, Tag, TagEnd, html};

/// The target of a link, when it is safe to make one: an `http`/`https` URL with a host, or a
/// relative path. Anything with another scheme (`javascript:`, `data:`, `vbscript:`, `file:`),
/// protocol-relative (`//host`), absolute, or with white space or control characters at its
/// ends or control characters inside (which browsers strip, so `java\tscript:` would still run)
/// is `None`, and the report shows it as text.
pub fn href(target: &str) -> Option<&str> {
    if target.is_empty()
        || target.trim() != target
        || target.chars().any(char::is_control)
        || target.starts_with(['/', '\\'])
    {
        return None;
    }
    // A colon in the first segment makes a scheme (or an invalid relative URL): only http and
    // https with a host pass.
    let first_segment = &target[..target.find(['/', '\\', '?', '#']).unwrap_or(target.len())];
    if !first_segment.contains(':') {
        return Some(target);
    }
    let scheme = scheme(target)?;
    let web = scheme.eq_ignore_ascii_case("http") || scheme.eq_ignore_ascii_case("https");
    let host = target[scheme.len() + 1..].strip_prefix("//")?;
    let has_host = host
        .chars()
        .next()
        .is_some_and(|c| !matches!(c, '/' | '\\' | '?' | '#'));
    (web && has_host).then_some(target)
}

/// The URL scheme of `target`, as a browser reads it: letters, digits, `+`, `-` and `.` from a
/// letter up to the first `:`.
fn scheme(target: &str) -> Option<&str> {
    let end = target.find(':')?;
    let candidate = &target[..end];
    let mut chars = candidate.chars();
    let first = chars.next()?;
    (first.is_ascii_alphabetic()
        && chars.all(|c| c.is_ascii_alphanumeric() || matches!(c, '+' | '-' | '.')))
    .then_some(candidate)
}

/// Author Markdown as HTML: raw HTML in it becomes text, links to unsafe targets become their
/// text, and images become links to their source (when safe), so a report never loads anything.
pub fn markdown(source: &str) -> String {
    let mut kept: Vec<bool> = Vec::new();
    let events =
        Parser::new_ext(source, crate::markdown::options()).filter_map(|event| match event {
            Event::Html(raw) | Event::InlineHtml(raw) => Some(Event::Text(raw)),
            Event::Start(Tag::Link {
                link_type,
                dest_url,
                title,
                id,
            })
            | Event::Start(Tag::Image {
                link_type,
                dest_url,
                title,
                id,
            }) => {
                let safe = href(&dest_url).is_some();
                kept.push(safe);
                safe.then_some(Event::Start(Tag::Link {
                    link_type,
                    dest_url,
                    title,
                    id,
                }))
            }
            Event::End(TagEnd::Link | TagEnd::Image) => kept
                .pop()
                .unwrap_or(false)
                .then_some(Event::End(TagEnd::Link)),
            other => Some(other),
        });
    let mut out = String::with_capacity(source.len() * 2);
    html::push_html(&mut out, events);
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn web_urls_and_relative_paths_become_links() {
        for ok in [
            "https://example.com/a?b=1#c",
            "HTTP://example.com",
            "evals/2026-11/summary.md",
            "../notes/x.md",
            "summary.md#run-2",
            "evals\\win.md",
            "a b.md",
        ] {
            assert_eq!(href(ok), Some(ok), "{ok}");
        }
    }

    #[test]
    fn other_schemes_and_tricks_stay_text() {
        for bad in [
            "javascript:alert(1)",
            "JavaScript:alert(1)",
            " javascript:alert(1)",
            "java\tscript:alert(1)",
            "java\nscript:alert(1)",
            "\u{1}javascript:alert(1)",
            "data:text/html,<script>alert(1)</script>",
            "vbscript:msgbox(1)",
            "file:///etc/passwd",
            "//evil.example/x",
            "\\\\evil.example\\share",
            "/\\evil.example",
            "/etc/passwd",
            "https:evil.example",
            "https:///path",
            "http://",
            "mailto:a@b.c",
            "c:\\evals\\x.md",
            "\"><a href=javascript:alert(1)>x</a>",
            "notes:today.md",
            "",
        ] {
            assert_eq!(href(bad), None, "{bad:?}");
        }
    }

    #[test]
    fn markdown_keeps_structure_but_escapes_raw_html() {
        let html = markdown("**Why** <script>alert(1)</script>\n\n<img src=x onerror=alert(1)>");
        assert!(html.contains("<strong>Why</strong>"), "{html}");
        assert!(html.contains("&lt;script&gt;"), "{html}");
        assert!(
            html.contains("&lt;img src=x onerror=alert(1)&gt;"),
            "{html}"
        );
        assert!(
            !html.contains("<script") && !html.contains("<img"),
            "{html}"
        );
    }

    #[test]
    fn markdown_links_are_kept_only_when_safe_and_images_never_load() {
        let html = markdown(
            "[ok](https://example.com) [bad](javascript:alert(1)) <javascript:alert(2)> \
             ![chart](https://example.com/c.png) ![x](data:image/png;base64,AAAA)",
        );
        assert!(
            html.contains(r#"<a href="https://example.com">ok</a>"#),
            "{html}"
        );
        assert!(
            html.contains("bad") && !html.contains("javascript:alert(1)\""),
            "{html}"
        );
        assert!(!html.contains("href=\"javascript"), "{html}");
        assert!(
            html.contains(r#"<a href="https://example.com/c.png">chart</a>"#),
            "{html}"
        );
        assert!(!html.contains("<img") && !html.contains("data:"), "{html}");
    }
}
