//! Diagnostics: what went wrong in which file, where, under a stable code, with help.
//!
//! Every problem weigh finds in a user's file becomes a [`Diagnostic`]. Loaders collect them all
//! before failing, so an author sees every mistake in one run; the binary renders them with
//! annotate-snippets (file:line:column, the source line, a caret under the offending text).

use std::ops::Range;

use annotate_snippets::{AnnotationKind, Group, Level, Renderer, Snippet};

use crate::text::escape_control;

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

    /// Renders every diagnostic; `styled` adds colour (anstream strips it off a non-terminal).
    pub fn render(&self, styled: bool) -> String {
        let renderer = if styled {
            Renderer::styled()
        } else {
            Renderer::plain()
        };
        let mut out = String::new();
        for diagnostic in &self.diagnostics {
            out.push_str(&render_one(&renderer, &self.source, diagnostic));
            out.push_str("\n\n");
        }
        out
    }
}

/// Line and column (both 1-based, column in characters) of a byte offset.
pub fn line_col(text: &str, offset: usize) -> (usize, usize) {
    let offset = floor_char_boundary(text, offset.min(text.len()));
    let before = &text[..offset];
    let line = before.matches('\n').count() + 1;
    let line_start = before.rfind('\n').map_or(0, |i| i + 1);
    (line, before[line_start..].chars().count() + 1)
}

fn floor_char_boundary(text: &str, mut offset: usize) -> usize {
    while offset > 0 && !text.is_char_boundary(offset) {
        offset -= 1;
    }
    offset
}

fn render_one(renderer: &Renderer, source: &SourceFile, d: &Diagnostic) -> String {
    let level = match d.severity {
        Severity::Error => Level::ERROR,
        Severity::Warning => Level::WARNING,
    };
    let title = level.primary_title(escape_control(&d.message)).id(d.code);
    let mut groups = Vec::new();
    match &d.span {
        Some(span) => {
            let (text, span) = quoted_lines(&source.text, span.clone());
            let (line, _) = line_col(&source.text, span_start(&source.text, d));
            let mut annotation = AnnotationKind::Primary.span(span);
            if let Some(label) = &d.label {
                annotation = annotation.label(escape_control(label));
            }
            let snippet = Snippet::source(text)
                .line_start(line)
                .path(escape_control(&source.name))
                .annotation(annotation);
            groups.push(title.element(snippet));
        }
        None => groups.push(
            Group::with_title(title).element(annotate_snippets::Origin::path(escape_control(&source.name))),
        ),
    }
    if let Some(help) = &d.help {
        groups.push(Group::with_title(
            Level::HELP.secondary_title(escape_control(help)),
        ));
    }
    renderer.render(&groups)
}

fn span_start(text: &str, d: &Diagnostic) -> usize {
    d.span.as_ref().map_or(0, |s| s.start.min(text.len()))
}

/// The lines a span touches, with control characters escaped, and the span remapped onto them.
fn quoted_lines(text: &str, span: Range<usize>) -> (String, Range<usize>) {
    let start = floor_char_boundary(text, span.start.min(text.len()));
    let end = floor_char_boundary(text, span.end.clamp(start, text.len()));
    let first = text[..start].rfind('\n').map_or(0, |i| i + 1);
    let mut last = text[end..].find('\n').map_or(text.len(), |i| end + i);
    if last > first && text.as_bytes()[last - 1] == b'\r' && end < last {
        last -= 1;
    }
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
