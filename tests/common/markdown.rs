//! Markdown as a CommonMark (GFM tables) parser reads it: each table's rows of cell texts, the
//! raw HTML it contains, and the text inside `**strong**` emphasis.

use pulldown_cmark::{Event, Options, Parser, Tag, TagEnd};

/// What the tests look at in a Markdown document.
#[derive(Debug, Default)]
pub struct Parsed {
    /// Each table: its header row, then its body rows, each a list of cell texts.
    pub tables: Vec<Vec<Vec<String>>>,
    /// Raw HTML blocks and inline HTML.
    pub html: Vec<String>,
    /// The text of each strong emphasis.
    pub strong: Vec<String>,
    /// Heading texts.
    pub headings: Vec<String>,
}

/// Parses `text` as GitHub-flavoured Markdown.
pub fn parse(text: &str) -> Parsed {
    let mut out = Parsed::default();
    let mut row: Option<Vec<String>> = None;
    let mut cell: Option<String> = None;
    let mut strong: Option<String> = None;
    let mut heading: Option<String> = None;
    for event in Parser::new_ext(text, Options::ENABLE_TABLES | Options::ENABLE_STRIKETHROUGH) {
        match event {
            Event::Start(Tag::Table(_)) => out.tables.push(Vec::new()),
            Event::Start(Tag::TableHead | Tag::TableRow) => row = Some(Vec::new()),
            Event::End(TagEnd::TableHead | TagEnd::TableRow) => {
                if let (Some(table), Some(r)) = (out.tables.last_mut(), row.take()) {
                    table.push(r);
                }
            }
            Event::Start(Tag::TableCell) => cell = Some(String::new()),
            Event::End(TagEnd::TableCell) => {
                if let (Some(r), Some(c)) = (row.as_mut(), cell.take()) {
                    r.push(c);
                }
            }
            Event::Start(Tag::Strong) => strong = Some(String::new()),
            Event::End(TagEnd::Strong) => out.strong.extend(strong.take()),
            Event::Start(Tag::Heading { .. }) => heading = Some(String::new()),
            Event::End(TagEnd::Heading(_)) => out.headings.extend(heading.take()),
            Event::Html(h) | Event::InlineHtml(h) => out.html.push(h.to_string()),
            Event::Text(t) | Event::Code(t) => {
                for target in [cell.as_mut(), strong.as_mut(), heading.as_mut()]
                    .into_iter()
                    .flatten()
                {
                    target.push_str(&t);
                }
            }
            _ => {}
        }
    }
    out
}

/// The row of `table` whose first cell is `label`.
pub fn row<'a>(table: &'a [Vec<String>], label: &str) -> &'a [String] {
    table
        .iter()
        .find(|r| r.first().is_some_and(|c| c == label))
        .unwrap_or_else(|| panic!("no row {label:?} in {table:#?}"))
}
