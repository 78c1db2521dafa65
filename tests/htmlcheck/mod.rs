//! Reading HTML as a browser's tokenizer does (html5gum, WHATWG-compliant), for the checks the
//! HTML report tests share: which elements and attributes a page has, its text, and whether it
//! is inert (no script, no event handler, no dangerous link, nothing that loads a resource).
//!
//! Use it with `mod htmlcheck;`. Each test binary compiles its own copy and uses only part of
//! it, so what one binary leaves unused is not dead code.
#![allow(dead_code)]

pub mod hostile;

use std::collections::BTreeMap;

use html5gum::{DefaultEmitter, Token, Tokenizer};

/// One start tag: its name and attributes, lowercase names as the tokenizer gives them.
#[derive(Debug, Clone)]
pub struct Element {
    pub name: String,
    pub attrs: BTreeMap<String, String>,
}

impl Element {
    /// An attribute's value.
    pub fn attr(&self, name: &str) -> Option<&str> {
        self.attrs.get(name).map(String::as_str)
    }

    /// Whether the `class` attribute lists `class`.
    pub fn has_class(&self, class: &str) -> bool {
        self.attr("class")
            .is_some_and(|c| c.split_whitespace().any(|c| c == class))
    }
}

/// A tokenized page.
pub struct Page {
    pub elements: Vec<Element>,
    /// The text of the page (character references decoded), with `<style>` contents apart.
    pub text: String,
    /// The contents of `<style>` elements.
    pub styles: String,
}

/// Tokenizes `html`, switching into raw-text states after `<style>`, `<title>`, `<textarea>`
/// and the like as a browser does.
pub fn parse(html: &str) -> Page {
    let mut emitter = DefaultEmitter::default();
    emitter.naively_switch_states(true);
    let mut page = Page {
        elements: Vec::new(),
        text: String::new(),
        styles: String::new(),
    };
    let mut in_style = false;
    for token in Tokenizer::new_with_emitter(html, emitter).flatten() {
        match token {
            Token::StartTag(tag) => {
                let name = String::from_utf8_lossy(&tag.name).to_string();
                in_style = name == "style";
                let attrs = tag
                    .attributes
                    .iter()
                    .map(|(k, v)| {
                        (
                            String::from_utf8_lossy(k).to_string(),
                            String::from_utf8_lossy(v).to_string(),
                        )
                    })
                    .collect();
                page.elements.push(Element { name, attrs });
            }
            Token::EndTag(_) => in_style = false,
            Token::String(s) => {
                let s = String::from_utf8_lossy(&s);
                if in_style {
                    page.styles.push_str(&s);
                } else {
                    page.text.push_str(&s);
                }
            }
            _ => {}
        }
    }
    page
}

impl Page {
    /// The elements named `name`.
    pub fn named<'a>(&'a self, name: &'a str) -> impl Iterator<Item = &'a Element> + 'a {
        self.elements.iter().filter(move |e| e.name == name)
    }

    /// The elements named `name` with class `class`.
    pub fn with_class<'a>(
        &'a self,
        name: &'a str,
        class: &'a str,
    ) -> impl Iterator<Item = &'a Element> + 'a {
        self.named(name).filter(move |e| e.has_class(class))
    }
}

/// The Content-Security-Policy every report carries.
pub const CSP: &str =
    "default-src 'none'; style-src 'unsafe-inline'; base-uri 'none'; form-action 'none'";

/// Elements that run code, load something, or change where links and forms go.
const FORBIDDEN_ELEMENTS: &[&str] = &[
    "script",
    "iframe",
    "frame",
    "object",
    "embed",
    "applet",
    "link",
    "base",
    "form",
    "img",
    "image",
    "video",
    "audio",
    "source",
    "track",
    "picture",
    "input",
    "button",
    "textarea",
    "foreignobject",
    "use",
    "animate",
    "set",
    "portal",
    "noscript",
];

/// Attributes that load a resource.
const RESOURCE_ATTRIBUTES: &[&str] = &[
    "src",
    "srcset",
    "poster",
    "data",
    "action",
    "formaction",
    "background",
    "xlink:href",
    "ping",
    "manifest",
    "codebase",
    "cite",
    "longdesc",
    "lowsrc",
    "dynsrc",
];

/// Attributes whose value is CSS or may hold a `url(…)`.
const STYLE_ATTRIBUTES: &[&str] = &["style", "fill", "stroke", "filter", "mask", "clip-path"];

/// Every way `page` could run code or touch the network, in words; empty when it is inert.
/// `<a href>` may point at `http(s)` URLs (following a link is the reader's choice, not a
/// fetch), at relative paths and at `#fragments`, and nothing else.
pub fn dangers(page: &Page) -> Vec<String> {
    let mut out = Vec::new();
    for e in &page.elements {
        if FORBIDDEN_ELEMENTS.contains(&e.name.as_str()) {
            out.push(format!("a <{}> element", e.name));
        }
        if e.name == "meta"
            && e.attr("http-equiv")
                .is_some_and(|h| !h.eq_ignore_ascii_case("content-security-policy"))
        {
            out.push(format!("a <meta http-equiv={:?}>", e.attr("http-equiv")));
        }
        for (name, value) in &e.attrs {
            if name.starts_with("on") {
                out.push(format!("an event handler {name}={value:?} on <{}>", e.name));
            }
            if RESOURCE_ATTRIBUTES.contains(&name.as_str()) {
                out.push(format!(
                    "a resource attribute {name}={value:?} on <{}>",
                    e.name
                ));
            }
            if name == "href" {
                if e.name != "a" {
                    out.push(format!("href={value:?} on <{}>", e.name));
                } else if !safe_link(value) {
                    out.push(format!("a link to {value:?}"));
                }
            }
            if STYLE_ATTRIBUTES.contains(&name.as_str()) && has_external_url(value) {
                out.push(format!("{name}={value:?} on <{}> loads a URL", e.name));
            }
        }
    }
    if has_external_url(&page.styles) || page.styles.contains("@import") {
        out.push("a stylesheet that loads a URL".into());
    }
    out
}

/// Whether a link target is one a report may make: `http(s)://host…`, a relative path or a
/// `#fragment`; never another scheme, never protocol-relative, never with control characters.
pub fn safe_link(href: &str) -> bool {
    let lower = href.to_ascii_lowercase();
    if href
        .chars()
        .any(|c| c.is_control() || c.is_whitespace() && c != ' ')
        || href.trim() != href
        || lower.starts_with("//")
        || lower.starts_with("\\")
        || lower.starts_with("/\\")
    {
        return false;
    }
    if lower.starts_with("http://") || lower.starts_with("https://") {
        return lower.len() > lower.find("//").unwrap() + 2;
    }
    // No scheme at all: a colon only after a '/', '?' or '#'.
    match href.find(':') {
        None => true,
        Some(colon) => href[..colon].contains(['/', '?', '#']),
    }
}

/// Whether CSS text has a `url(…)` that is not a `#fragment` of the page itself.
fn has_external_url(css: &str) -> bool {
    let lower = css.to_ascii_lowercase();
    lower.match_indices("url(").any(|(at, _)| {
        let rest = lower[at + 4..].trim_start_matches([' ', '"', '\'']);
        !rest.starts_with('#')
    })
}

/// Asserts that `html` is inert (see [`dangers`]) and carries the report's CSP; `what` names it
/// in the failure.
pub fn assert_inert(html: &str, what: &str) {
    let page = parse(html);
    let dangers = dangers(&page);
    assert!(
        dangers.is_empty(),
        "{what} is not inert:\n  {}",
        dangers.join("\n  ")
    );
    let csp: Vec<&str> = page
        .named("meta")
        .filter_map(|m| {
            m.attr("http-equiv")
                .filter(|h| h.eq_ignore_ascii_case("content-security-policy"))
                .and(m.attr("content"))
        })
        .collect();
    assert_eq!(csp, [CSP], "{what}: the Content-Security-Policy");
}

/// Checks on a report's charts, shared by the raw HTML and the DOM chromium builds: a bar chart
/// with one bar per dimension plus the overall, threshold lines, and titles and labels on every
/// SVG. Returns the bar levels (`good`, `fair`, `poor`, `none`) in order.
pub fn assert_report_charts(page: &Page, dimensions: usize, what: &str) -> Vec<String> {
    let svgs: Vec<&Element> = page.named("svg").collect();
    assert!(!svgs.is_empty(), "{what}: no SVG");
    for svg in &svgs {
        assert_eq!(
            svg.attr("role"),
            Some("img"),
            "{what}: an SVG without role=img"
        );
        assert!(
            svg.attr("aria-label").is_some_and(|l| !l.is_empty()),
            "{what}: an SVG without aria-label"
        );
    }
    assert!(
        page.named("title").count() > svgs.len(),
        "{what}: every SVG has a <title> (and the page one)"
    );
    assert_eq!(
        page.with_class("svg", "bars").count(),
        1,
        "{what}: one bar chart"
    );
    let fills: Vec<&Element> = page.with_class("rect", "fill").collect();
    assert_eq!(
        fills.len(),
        dimensions + 1,
        "{what}: a bar per dimension and the overall"
    );
    assert_eq!(
        page.with_class("line", "threshold").count(),
        2,
        "{what}: ready and floor lines"
    );
    page.with_class("g", "bar")
        .map(|g| {
            let class = g.attr("class").unwrap_or_default();
            class
                .split_whitespace()
                .find_map(|c| c.strip_prefix("bar-").filter(|l| *l != "overall"))
                .unwrap_or_default()
                .to_string()
        })
        .collect()
}

/// The rows of the heat map.
pub fn heat_rows(page: &Page) -> usize {
    heat_cells_per_row(page).len()
}

/// The cells of the heat map, all rows.
pub fn heat_cells(page: &Page) -> usize {
    heat_cells_per_row(page).iter().sum()
}

/// How many `heat-*` cells each heat-map row has.
pub fn heat_cells_per_row(page: &Page) -> Vec<usize> {
    let mut rows = Vec::new();
    let mut in_heat = false;
    for e in &page.elements {
        match e.name.as_str() {
            "table" => in_heat = e.has_class("heat"),
            "tr" if in_heat => rows.push(0),
            "td" if in_heat && e.attr("class").is_some_and(|c| c.starts_with("heat-")) => {
                *rows.last_mut().expect("a row") += 1;
            }
            _ => {}
        }
    }
    rows.retain(|n| *n > 0);
    rows
}

/// A radar with `series` polygons over `axes` axes, a legend entry each, and the heat map.
pub fn assert_comparison_charts(page: &Page, series: usize, axes: usize, what: &str) {
    assert_eq!(
        page.with_class("svg", "radar").count(),
        1,
        "{what}: one radar"
    );
    assert_eq!(
        page.with_class("g", "series").count(),
        series,
        "{what}: series"
    );
    assert_eq!(
        page.with_class("line", "axis").count(),
        axes,
        "{what}: axes"
    );
    let legend = page.with_class("ul", "legend").count();
    assert_eq!(legend, 1, "{what}: a legend");
    let dashes: std::collections::HashSet<&str> = page
        .named("polygon")
        .filter_map(|p| p.attr("stroke-dasharray"))
        .collect();
    assert!(
        dashes.len() >= series.min(6) - 1,
        "{what}: dash patterns {dashes:?}"
    );
    assert_eq!(
        page.with_class("table", "heat").count(),
        1,
        "{what}: a heat map"
    );
    for svg in page.named("svg") {
        assert_eq!(svg.attr("role"), Some("img"), "{what}");
        assert!(
            svg.attr("aria-label").is_some_and(|l| !l.is_empty()),
            "{what}"
        );
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_checker_sees_what_a_browser_would_run() {
        for bad in [
            "<script>alert(1)</script>",
            "<p onclick=alert(1)>x</p>",
            "<a href=\"javascript:alert(1)\">x</a>",
            "<a href=\" javascript:alert(1)\">x</a>",
            "<a href=\"//evil.example\">x</a>",
            "<img src=x>",
            "<svg><use href=\"https://evil.example/a.svg#x\"></use></svg>",
            "<p style=\"background:url(https://evil.example/x)\">x</p>",
            "<style>@import 'https://evil.example/x.css';</style>",
        ] {
            assert!(!dangers(&parse(bad)).is_empty(), "{bad}");
        }
        let fine = "<a href=\"https://example.com\">a</a><a href=\"e/x.md\">b</a><a href=\"#top\">c</a><rect fill=\"url(#p)\"></rect>";
        assert!(dangers(&parse(fine)).is_empty());
    }
}
