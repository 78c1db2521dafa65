//! Checklists: loading a TOML file into a validated [`Checklist`], with every problem reported.
//!
//! `load_str` runs the whole pipeline of SPEC §2: TOML syntax (every error, recovered), the
//! schema-driven structural check, then semantic validation.

pub mod builtin;
pub mod digest;
pub mod extends;
pub mod file;
pub mod format;
pub mod json;
pub mod model;
pub mod schema_rules;
pub mod starter;
pub mod validate;

use toml::de::DeTable;

pub use extends::{BaseError, Bases, BuiltinBases};
pub use model::{
    Binding, Checklist, ChoiceOption, Condition, Dimension, Gate, Inheritance, Item, Kind, Origin,
    Readiness, Rule, RuleAnswer, Test, When,
};

use crate::diag::{Diagnostic, Report, SourceFile};
use crate::schema::SchemaKind;

/// Loads a checklist from its text; `name` is how diagnostics name the file. It may extend
/// built-in checklists only; [`load_with`] takes the bases a project can see.
pub fn load_str(name: &str, text: &str, origin: Origin) -> Result<Checklist, Report> {
    load_with(name, text, origin, &BuiltinBases)
}

/// Loads a checklist from its text, resolving `extends` through `bases`.
pub fn load_with(
    name: &str,
    text: &str,
    origin: Origin,
    bases: &dyn Bases,
) -> Result<Checklist, Report> {
    let (checklist, diagnostics) = parse_with(text, origin, bases);
    let report = Report {
        source: SourceFile {
            name: name.to_string(),
            text: text.to_string(),
        },
        diagnostics,
    };
    match checklist {
        Some(checklist) if !report.has_errors() => Ok(checklist),
        _ => Err(report),
    }
}

/// Parses and validates, returning whatever could be built and every diagnostic, in source order.
pub fn parse(text: &str, origin: Origin) -> (Option<Checklist>, Vec<Diagnostic>) {
    parse_with(text, origin, &BuiltinBases)
}

/// [`parse`], resolving `extends` through `bases`.
pub fn parse_with(
    text: &str,
    origin: Origin,
    bases: &dyn Bases,
) -> (Option<Checklist>, Vec<Diagnostic>) {
    let (mut doc, errors) = DeTable::parse_recoverable(text);
    let mut problems = syntax_errors(text, &errors);
    if !problems.is_empty() {
        if let Some(marker) = crate::git::markers::first(text) {
            let fix = "weigh checklist validate FILE";
            return (
                None,
                vec![crate::git::markers::conflict_in_checklist(marker, fix)],
            );
        }
        return (None, problems);
    }
    problems.extend(crate::tomlcheck::check(&mut doc, SchemaKind::Checklist));
    let file: file::ChecklistFile =
        match serde::Deserialize::deserialize(toml::de::Deserializer::from(doc)) {
            Ok(file) => file,
            Err(e) => {
                problems.push(serde_error(&e));
                return (None, sorted(problems));
            }
        };
    let structure_broken = problems.iter().any(Diagnostic::is_error);
    let (file, inheritance) = match inherit(file, &origin, bases, &mut problems) {
        Some(resolved) => resolved,
        None => return (None, sorted(problems)),
    };
    let (checklist, more) = validate::validate(&file, origin, structure_broken);
    problems.extend(more);
    let checklist = checklist
        .filter(|_| !problems.iter().any(Diagnostic::is_error))
        .map(|c| Checklist { inheritance, ..c });
    (checklist, sorted(problems))
}

/// Resolves `extends`; a file without it is returned as it is. `None` when the base cannot be
/// had (the problem is pushed).
fn inherit(
    file: file::ChecklistFile,
    origin: &Origin,
    bases: &dyn Bases,
    problems: &mut Vec<Diagnostic>,
) -> Option<(file::ChecklistFile, Option<Inheritance>)> {
    let Some(reference) = file.extends.clone() else {
        problems.extend(extends::needs_extends(&file));
        return Some((file, None));
    };
    let own_id = file
        .checklist
        .as_ref()
        .and_then(|c| c.get_ref().id.as_ref())
        .map(|id| id.get_ref().clone());
    match bases.base(reference.get_ref(), origin, own_id.as_deref()) {
        Ok(base) => {
            let (resolved, inheritance) = extends::resolve(file, &base, reference.span(), problems);
            Some((resolved, Some(inheritance)))
        }
        Err(e) => {
            problems.push(extends::base_error(e, reference.span()));
            None
        }
    }
}

fn sorted(mut problems: Vec<Diagnostic>) -> Vec<Diagnostic> {
    problems.sort_by_key(|d| d.span.as_ref().map_or(0, |s| s.start));
    problems
}

/// Every TOML syntax error of `text` as a diagnostic, each located: the parser's
/// "recursion limit" for a dotted key of more than 80 parts comes without a place, so it is
/// found here.
pub fn syntax_errors(text: &str, errors: &[toml::de::Error]) -> Vec<Diagnostic> {
    errors
        .iter()
        .map(|e| {
            let d = syntax_error(e);
            match (&d.span, deep_key(text)) {
                (None, Some(span)) => Diagnostic {
                    message: "a key nested too deeply (the parser's recursion limit)".into(),
                    ..d
                }
                .at(span)
                .label("more than 80 dotted parts")
                .help("TOML keys and table headers may have at most 80 dotted parts"),
                _ => d,
            }
        })
        .collect()
}

/// The first dotted key or table header with more than 80 parts (the TOML parser's limit).
fn deep_key(text: &str) -> Option<std::ops::Range<usize>> {
    use toml_parser::parser::{Event, EventKind};
    let tokens = toml_parser::Source::new(text).lex().into_vec();
    let mut events: Vec<Event> = Vec::new();
    toml_parser::parser::parse_document(&tokens, &mut events, &mut ());
    let (mut parts, mut start) = (0, 0);
    for e in &events {
        match e.kind() {
            EventKind::SimpleKey => {
                if parts == 0 {
                    start = e.span().start();
                }
                parts += 1;
                if parts > 80 {
                    return Some(start..e.span().end());
                }
            }
            EventKind::KeySep | EventKind::Whitespace => {}
            _ => parts = 0,
        }
    }
    None
}

/// A TOML syntax error as a diagnostic.
pub fn syntax_error(e: &toml::de::Error) -> Diagnostic {
    let d = Diagnostic::error("toml-syntax", e.message().trim().to_string())
        .label("invalid TOML here")
        .help("fix the TOML syntax (see https://toml.io/en/v1.0.0)");
    match e.span() {
        Some(span) => d.at(span),
        None => d,
    }
}

fn serde_error(e: &toml::de::Error) -> Diagnostic {
    let d = Diagnostic::error("invalid-structure", e.message().trim().to_string())
        .help("compare the file with `weigh schema checklist`");
    match e.span() {
        Some(span) => d.at(span),
        None => d,
    }
}

/// Returns the checklist text with `[checklist].id` replaced by `new_id`, comments and layout
/// kept (for `checklist export --id`).
pub fn rename(text: &str, new_id: &str) -> crate::error::Result<String> {
    if !validate::is_kebab_id(new_id) {
        return Err(crate::error::Error::usage(
            format!("`{new_id}` is not a kebab-case id"),
            "use lowercase letters and digits joined by single dashes, e.g. `acme-adoption`",
        ));
    }
    let doc = DeTable::parse(text).map_err(|e| {
        crate::error::Error::usage(
            format!("cannot parse the checklist: {}", e.message()),
            "report this as a bug",
        )
    })?;
    let span = doc
        .get_ref()
        .get("checklist")
        .and_then(|c| c.get_ref().as_table())
        .and_then(|c| c.get("id"))
        .map(toml::Spanned::span)
        .ok_or_else(|| {
            crate::error::Error::usage(
                "the checklist has no `[checklist].id`",
                "report this as a bug",
            )
        })?;
    Ok(format!(
        "{}\"{new_id}\"{}",
        &text[..span.start],
        &text[span.end..]
    ))
}
