//! Diagnostics: what went wrong in which file, where, under a stable code, with help.
//!
//! Every problem weigh finds in a user's file becomes a [`Diagnostic`]. Loaders collect them all
//! before failing, so an author sees every mistake in one run; the binary renders them with
//! annotate-snippets (file:line:column, the source line, a caret under the offending text).

use std::ops::Range;

use annotate_snippets::{AnnotationKind, Group, Level, Renderer, Snippet};

use crate::text::{escape_control, message_text};

/// How serious a diagnostic is. Only errors make a load fail.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Severity {
    /// The input cannot be used as it is.
    Error,
    /// The input works, but something deserves attention.
    Warning,
}

/// One problem found in one file.
#[derive(Debug, Clone, PartialEq)]
pub struct Diagnostic {
    /// Error or warning.
    pub severity: Severity,
    /// A stable kebab-case code, e.g. `unknown-key`.
    pub code: &'static str,
    /// What is wrong, in one line.
    pub message: String,
    /// Byte range in the source that the problem is about, when there is one.
    pub span: Option<Range<usize>>,
    /// A short label printed under the caret.
    pub label: Option<String>,
    /// How to fix it: valid choices, a near-miss suggestion.
    pub help: Option<String>,
}

impl Diagnostic {
    /// An error with a code and a message.
    pub fn error(code: &'static str, message: impl Into<String>) -> Self {
        Diagnostic {
            severity: Severity::Error,
            code,
            message: message.into(),
            span: None,
            label: None,
            help: None,
        }
    }

    /// A warning with a code and a message.
    pub fn warning(code: &'static str, message: impl Into<String>) -> Self {
        Diagnostic {
            severity: Severity::Warning,
            ..Diagnostic::error(code, message)
        }
    }

    /// Points the diagnostic at a byte range of the source.
    pub fn at(mut self, span: Range<usize>) -> Self {
        self.span = Some(span);
        self
    }

    /// Adds a label under the caret.
    pub fn label(mut self, label: impl Into<String>) -> Self {
        self.label = Some(label.into());
        self
    }

    /// Adds help on how to fix the problem.
    pub fn help(mut self, help: impl Into<String>) -> Self {
        self.help = Some(help.into());
        self
    }

    /// Whether this diagnostic makes the input unusable.
    pub fn is_error(&self) -> bool {
        self.severity == Severity::Error
    }
}

/// A source file as the user named it, with its text, so diagnostics can quote it.
#[derive(Debug, Clone)]
pub struct SourceFile {
    /// The name shown to the user: a path as given, or `builtin:ID`.
    pub name: String,
    /// The whole text.
    pub text: String,
}

/// Diagnostics about one file, ready to be rendered.
#[derive(Debug, Clone)]
pub struct Report {
    /// The file the diagnostics are about.
    pub source: SourceFile,
    /// Every problem found, in source order.
    pub diagnostics: Vec<Diagnostic>,
}

impl Report {
    /// Whether any diagnostic is an error.
    pub fn has_errors(&self) -> bool {
        self.diagnostics.iter().any(Diagnostic::is_error)
    }

    /// Renders the diagnostics, at most [`SHOWN_MAX`] of them (then a count of the rest);
    /// `styled` adds colour (anstream strips it off a non-terminal). The cost is linear in the
    /// file's size, however many problems it has.
    pub fn render(&self, styled: bool) -> String {
        let renderer = if styled {
            Renderer::styled()
        } else {
            Renderer::plain()
        };
        let lines = LineIndex::new(&self.source.text);
        let mut out = String::new();
        for diagnostic in self.diagnostics.iter().take(SHOWN_MAX) {
            out.push_str(&render_one(&renderer, &self.source, &lines, diagnostic));
            out.push_str("\n\n");
        }
        let hidden = self.diagnostics.len().saturating_sub(SHOWN_MAX);
        if hidden > 0 {
            out.push_str(&format!(
                "note: {hidden} more problem(s) in {} are not shown; fix these and run again\n\n",
                escape_control(&self.source.name)
            ));
        }
        out
    }
}

/// The most diagnostics one file's report shows.
pub const SHOWN_MAX: usize = 50;

/// The longest source text a diagnostic quotes, in bytes; a longer line is named by its line
/// and column only.
const QUOTE_MAX: usize = 4096;

/// Line and column (both 1-based, column in characters) of a byte offset.
pub fn line_col(text: &str, offset: usize) -> (usize, usize) {
    LineIndex::new(text).line_col(text, offset)
}

/// Where each line starts, so that many diagnostics are located in one pass over the text.
struct LineIndex {
    starts: Vec<usize>,
}

impl LineIndex {
    fn new(text: &str) -> Self {
        let mut starts = vec![0];
        starts.extend(
            text.bytes()
                .enumerate()
                .filter(|(_, b)| *b == b'\n')
                .map(|(i, _)| i + 1),
        );
        LineIndex { starts }
    }

    /// The 0-based line holding a byte offset.
    fn line_of(&self, offset: usize) -> usize {
        self.starts.partition_point(|s| *s <= offset) - 1
    }

    /// The byte range of line `n` (0-based), without its line break.
    fn bounds(&self, text: &str, n: usize) -> Range<usize> {
        let start = self.starts[n];
        let mut end = self.starts.get(n + 1).map_or(text.len(), |next| next - 1);
        if end > start && text.as_bytes()[end - 1] == b'\r' {
            end -= 1;
        }
        start..end
    }

    fn line_col(&self, text: &str, offset: usize) -> (usize, usize) {
        let offset = floor_char_boundary(text, offset.min(text.len()));
        let n = self.line_of(offset);
        let start = self.starts[n];
        (n + 1, text[start..offset].chars().count() + 1)
    }
}

fn floor_char_boundary(text: &str, mut offset: usize) -> usize {
    while offset > 0 && !text.is_char_boundary(offset) {
        offset -= 1;
    }
    offset
}

fn render_one(
    renderer: &Renderer,
    source: &SourceFile,
    lines: &LineIndex,
    d: &Diagnostic,
) -> String {
    let level = match d.severity {
        Severity::Error => Level::ERROR,
        Severity::Warning => Level::WARNING,
    };
    let title = level.primary_title(message_text(&d.message)).id(d.code);
    let name = escape_control(&source.name);
    let mut groups = Vec::new();
    match d
        .span
        .as_ref()
        .map(|span| quote(&source.text, lines, span.clone()))
    {
        Some(Quote::Lines { text, span, line }) => {
            let mut annotation = AnnotationKind::Primary.span(span);
            if let Some(label) = &d.label {
                annotation = annotation.label(message_text(label));
            }
            let snippet = Snippet::source(text)
                .line_start(line)
                .path(name)
                .annotation(annotation);
            groups.push(title.element(snippet));
        }
        Some(Quote::TooLong { line, column }) => {
            let origin = annotate_snippets::Origin::path(name)
                .line(line)
                .char_column(column);
            groups.push(Group::with_title(title).element(origin));
            if let Some(label) = &d.label {
                groups.push(Group::with_title(Level::NOTE.secondary_title(format!(
                    "{} (the line is too long to quote)",
                    message_text(label)
                ))));
            }
        }
        None => {
            groups.push(Group::with_title(title).element(annotate_snippets::Origin::path(name)))
        }
    }
    if let Some(help) = &d.help {
        groups.push(Group::with_title(
            Level::HELP.secondary_title(message_text(help)),
        ));
    }
    renderer.render(&groups)
}

/// What a diagnostic quotes of its source.
enum Quote {
    /// The lines a span touches, escaped, the span remapped onto them, and the first line's
    /// number.
    Lines {
        text: String,
        span: Range<usize>,
        line: usize,
    },
    /// A line too long to quote: where the span starts.
    TooLong { line: usize, column: usize },
}

/// The lines a span touches (only its first line when they are long together), or its place
/// when even that line is longer than [`QUOTE_MAX`].
fn quote(text: &str, lines: &LineIndex, span: Range<usize>) -> Quote {
    let start = floor_char_boundary(text, span.start.min(text.len()));
    let end = floor_char_boundary(text, span.end.clamp(start, text.len()));
    let first = lines.line_of(start);
    let quoted = lines.bounds(text, first).start..lines.bounds(text, lines.line_of(end)).end;
    let (quoted, end) = if quoted.len() <= QUOTE_MAX {
        (quoted, end)
    } else {
        let one = lines.bounds(text, first);
        let end = end.min(one.end);
        (one, end)
    };
    if quoted.len() > QUOTE_MAX {
        let (line, column) = lines.line_col(text, start);
        return Quote::TooLong { line, column };
    }
    let (text, span) = quoted_lines(text, quoted, start..end);
    Quote::Lines {
        text,
        span,
        line: first + 1,
    }
}

/// The text of `lines`, escaped, and `span` remapped onto it.
fn quoted_lines(text: &str, lines: Range<usize>, span: Range<usize>) -> (String, Range<usize>) {
    let (first, last, start, end) = (lines.start, lines.end, span.start, span.end);
    let mut out = String::new();
    let (mut new_start, mut new_end) = (0, 0);
    for (i, c) in text[first..last].char_indices() {
        if first + i == start {
            new_start = out.len();
        }
        if first + i == end {
            new_end = out.len();
        }
        push_escaped(&mut out, c);
    }
    if end >= last {
        new_end = out.len();
    }
    if start >= last {
        new_start = out.len();
    }
    (out, new_start..new_end.max(new_start))
}

/// A quoted source line shows a newline inside a span as `\u{a}`, so the quote stays on its lines.
fn push_escaped(out: &mut String, c: char) {
    if c == '\n' {
        out.push_str("\\u{a}");
    } else {
        crate::text::push_escaped(out, c);
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn line_col_counts_characters_not_bytes() {
        assert_eq!(line_col("a\nxé = 1", 6), (2, 4));
        assert_eq!(line_col("abc", 0), (1, 1));
        assert_eq!(line_col("abc", 99), (1, 4));
    }

    #[test]
    fn rendered_diagnostic_names_file_line_and_column() {
        let report = Report {
            source: SourceFile {
                name: "c.toml".into(),
                text: "a = 1\nweihgt = 2\n".into(),
            },
            diagnostics: vec![
                Diagnostic::error("unknown-key", "unknown key `weihgt`")
                    .at(6..12)
                    .label("not a key here")
                    .help("did you mean `weight`?"),
            ],
        };
        let out = report.render(false);
        assert!(out.contains("c.toml:2:1"), "{out}");
        assert!(out.contains("^^^^^^"), "{out}");
        assert!(out.contains("did you mean `weight`?"), "{out}");
        assert!(out.contains("unknown-key"), "{out}");
    }

    #[test]
    fn quoted_source_escapes_control_characters() {
        let report = Report {
            source: SourceFile {
                name: "c.toml".into(),
                text: "x = \"\u{1b}[31m\"\n".into(),
            },
            diagnostics: vec![Diagnostic::error("bad", "bad").at(0..1)],
        };
        let out = report.render(false);
        assert!(!out.contains('\u{1b}'), "{out:?}");
        assert!(out.contains("\\u{1b}"), "{out}");
    }
}
