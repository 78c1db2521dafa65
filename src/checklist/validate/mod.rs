//! Validation: turns a raw [`ChecklistFile`] into a [`Checklist`], collecting every problem.
//!
//! The structural check has already reported unknown keys, wrong types and missing required
//! keys and removed them, so a `None` here means "already reported": this pass only adds the
//! rules that need meaning (SPEC §2), and never stops at the first.

use crate::idmap::IdSet;
use std::ops::Range;

use toml::Spanned;

use super::file::{ChecklistFile, DimensionFile, EvidenceFile, ItemFile, KindFile, ReadinessFile};
use super::model::{Checklist, Dimension, Item, Origin, Readiness};
use crate::diag::Diagnostic;
use crate::text::one_of;

mod binding;
mod gate;
mod kind;
mod when;

const MAX_WEIGHT: f64 = 1e6;
const MAX_BOUND: f64 = 1e15;

/// Validates a structurally checked file; returns the checklist when there is no error.
/// `structure_broken` says the structural check found errors (and may have dropped parts).
pub fn validate(
    file: &ChecklistFile,
    origin: Origin,
    structure_broken: bool,
) -> (Option<Checklist>, Vec<Diagnostic>) {
    let mut v = Validator::default();
    v.schema_version(file);
    let meta = v.meta(file);
    let readiness = v.readiness(file.readiness.as_ref());
    let mut dimensions = v.dimensions(file);
    v.whens(file, &mut dimensions);
    v.whole(file, structure_broken);
    if v.problems.iter().any(Diagnostic::is_error) {
        return (None, v.problems);
    }
    let Some((id, title, version, description)) = meta else {
        return (None, v.problems);
    };
    let mut checklist = Checklist {
        id,
        title,
        version,
        description,
        readiness,
        index: super::model::ItemIndex::of(&dimensions),
        dimensions,
        digest: String::new(),
        origin,
        inheritance: None,
    };
    checklist.digest = super::digest::digest(&checklist);
    (Some(checklist), v.problems)
}

#[derive(Default)]
struct Validator {
    problems: Vec<Diagnostic>,
    dimension_ids: IdSet<String>,
    item_ids: IdSet<String>,
}

type Meta = (String, String, String, Option<String>);

impl Validator {
    fn push(&mut self, d: Diagnostic) {
        self.problems.push(d);
    }

    fn schema_version(&mut self, file: &ChecklistFile) {
        if let Some(version) = &file.schema_version
            && *version.get_ref() != 1
        {
            self.push(
                Diagnostic::error(
                    "unsupported-schema-version",
                    format!("schema_version {} is not supported", version.get_ref()),
                )
                .at(version.span())
                .label("this weigh reads schema_version 1")
                .help("upgrade weigh, or write `schema_version = 1`"),
            );
        }
    }

    fn meta(&mut self, file: &ChecklistFile) -> Option<Meta> {
        let meta = file.checklist.as_ref()?.get_ref();
        let id = meta.id.as_ref().map(|id| self.id(id, "checklist"));
        let title = meta
            .title
            .as_ref()
            .map(|t| self.non_empty(t, "checklist.title"));
        let version = meta.version.as_ref().map(|v| self.semver(v));
        let description = meta.description.as_ref().map(|d| d.get_ref().clone());
        Some((id?, title?, version?, description))
    }

    fn semver(&mut self, version: &Spanned<String>) -> String {
        if semver::Version::parse(version.get_ref()).is_err() {
            self.push(
                Diagnostic::error(
                    "invalid-version",
                    format!("`{}` is not a semantic version", version.get_ref()),
                )
                .at(version.span())
                .label("expected MAJOR.MINOR.PATCH")
                .help("write a semantic version such as \"1.0.0\""),
            );
        }
        version.get_ref().clone()
    }

    fn id(&mut self, id: &Spanned<String>, what: &str) -> String {
        if !is_kebab_id(id.get_ref()) {
            self.push(
                Diagnostic::error(
                    "invalid-id",
                    format!("the {what} id `{}` is not kebab-case", id.get_ref()),
                )
                .at(id.span())
                .label("expected lowercase letters and digits joined by single dashes")
                .help(format!("try `{}`", suggest_id(id.get_ref()))),
            );
        }
        id.get_ref().clone()
    }

    fn non_empty(&mut self, text: &Spanned<String>, what: &str) -> String {
        if text.get_ref().trim().is_empty() {
            self.push(
                Diagnostic::error("empty-text", format!("{what} is empty"))
                    .at(text.span())
                    .label("write some text here")
                    .help(format!("give {what} a non-empty value")),
            );
        }
        text.get_ref().clone()
    }

    fn number(&mut self, value: &Spanned<f64>, what: &str, min: f64, max: f64) -> f64 {
        let n = *value.get_ref();
        if !n.is_finite() {
            self.push(
                Diagnostic::error("not-finite", format!("{what} must be a finite number"))
                    .at(value.span())
                    .label("inf and nan are not allowed")
                    .help(format!("use a number from {min} to {max}")),
            );
        } else if n < min || n > max {
            self.push(
                Diagnostic::error(
                    "out-of-range",
                    format!("{what} is {n}, outside {min}..={max}"),
                )
                .at(value.span())
                .label(format!("expected {min} to {max}"))
                .help(format!("use a number from {min} to {max}")),
            );
        }
        n
    }

    fn readiness(&mut self, file: Option<&Spanned<ReadinessFile>>) -> Readiness {
        let mut r = Readiness::default();
        let Some(file) = file else { return r };
        let f = file.get_ref();
        let percent = |v: &mut Self, x: &Option<Spanned<f64>>, name: &str, default: f64| {
            x.as_ref().map_or(default, |x| {
                v.number(x, &format!("readiness.{name}"), 0.0, 100.0)
            })
        };
        r.ready = percent(self, &f.ready, "ready", r.ready);
        r.conditional = percent(self, &f.conditional, "conditional", r.conditional);
        r.dimension_floor = percent(
            self,
            &f.dimension_floor,
            "dimension_floor",
            r.dimension_floor,
        );
        if let Some(d) = &f.disagreement {
            r.disagreement = self.disagreement(d);
        }
        if let Some(w) = &f.worst_blocks_ready {
            r.worst_blocks_ready = *w.get_ref();
        }
        let valid = |x: f64| x.is_finite() && (0.0..=100.0).contains(&x);
        if valid(r.ready) && valid(r.conditional) && r.ready < r.conditional {
            let span = f
                .ready
                .as_ref()
                .or(f.conditional.as_ref())
                .map_or(file.span(), Spanned::span);
            self.push(
                Diagnostic::error(
                    "ready-below-conditional",
                    format!("readiness.ready ({}) is below readiness.conditional ({})", r.ready, r.conditional),
                )
                .at(span)
                .label("READY would be easier to reach than READY WITH CONDITIONS")
                .help("make `ready` at least `conditional` (the defaults are ready = 80, conditional = 60)"),
            );
        }
        r
    }

    fn disagreement(&mut self, d: &Spanned<f64>) -> f64 {
        let n = self.number(d, "readiness.disagreement", 0.0, 1.0);
        if n == 0.0 {
            self.push(
                Diagnostic::error("out-of-range", "readiness.disagreement must be above 0")
                    .at(d.span())
                    .label("expected a number in (0, 1]")
                    .help("use a spread such as 0.5"),
            );
        }
        n
    }

    fn dimensions(&mut self, file: &ChecklistFile) -> Vec<Dimension> {
        file.dimensions
            .iter()
            .flatten()
            .filter_map(|d| self.dimension(d.get_ref(), d.span()))
            .collect()
    }

    fn dimension(&mut self, file: &DimensionFile, span: Range<usize>) -> Option<Dimension> {
        if file.title.is_none() {
            self.push(
                Diagnostic::error("missing-key", "missing required key `title`")
                    .at(span.start..span.start)
                    .label("`title` is required here")
                    .help("add `title = …` (only a dimension that adds items to a base dimension of the same id may leave it out)"),
            );
        }
        let id = file.id.as_ref().map(|id| self.id(id, "dimension"));
        if let (Some(id), Some(span)) = (&id, file.id.as_ref().map(Spanned::span))
            && !self.dimension_ids.insert(id.clone())
        {
            self.push(duplicate(id, span, "dimension"));
        }
        let title = file
            .title
            .as_ref()
            .map(|t| self.non_empty(t, "the dimension title"));
        let weight = file
            .weight
            .as_ref()
            .map_or(1.0, |w| self.number(w, "weight", 0.0, MAX_WEIGHT));
        let items = file
            .items
            .iter()
            .flatten()
            .filter_map(|item| self.item(item.get_ref()))
            .collect();
        Some(Dimension {
            id: id?,
            title: title?,
            weight,
            description: file.description.as_ref().map(|d| d.get_ref().clone()),
            items,
        })
    }

    fn item(&mut self, file: &ItemFile) -> Option<Item> {
        let id = file.id.as_ref().map(|id| self.id(id, "item"));
        if let (Some(id), Some(span)) = (&id, file.id.as_ref().map(Spanned::span))
            && !self.item_ids.insert(id.clone())
        {
            self.push(duplicate(id, span, "item"));
        }
        let question = file
            .question
            .as_ref()
            .map(|q| self.non_empty(q, "the question"));
        let kind_file = file.kind.as_ref()?;
        self.foreign_keys(file, *kind_file.get_ref());
        let kind = self.kind(file, kind_file);
        let weight = self.weight(file, kind_file);
        let max_age_days = file.max_age_days.as_ref().and_then(|m| self.max_age(m));
        let gate = kind.as_ref().and_then(|k| self.gate(file, k));
        // `None` when the binding is broken (already reported); `Some(None)` when there is none.
        let fact = match (&file.fact, &kind) {
            (Some(binding), Some(kind)) => self.binding(binding, kind).map(Some),
            _ => Some(None),
        };
        Some(Item {
            id: id?,
            question: question?,
            guidance: file.guidance.as_ref().map(|g| g.get_ref().clone()),
            kind: kind?,
            weight,
            gate,
            max_age_days,
            evidence_required: file
                .evidence
                .as_ref()
                .is_some_and(|e| *e.get_ref() == EvidenceFile::Required),
            na_allowed: file.na_allowed.as_ref().is_some_and(|n| *n.get_ref()),
            references: file
                .references
                .iter()
                .flat_map(|r| r.get_ref())
                .map(|r| r.get_ref().clone())
                .collect(),
            when: None,
            fact: fact?,
        })
    }

    fn weight(&mut self, file: &ItemFile, kind: &Spanned<KindFile>) -> f64 {
        match (&file.weight, kind.get_ref()) {
            (_, KindFile::Text) => 0.0,
            (Some(w), _) => self.number(w, "weight", 0.0, MAX_WEIGHT),
            (None, _) => 1.0,
        }
    }

    fn max_age(&mut self, m: &Spanned<i64>) -> Option<u32> {
        let days = *m.get_ref();
        if !(1..=36500).contains(&days) {
            self.push(
                Diagnostic::error(
                    "out-of-range",
                    format!("max_age_days is {days}, outside 1..=36500"),
                )
                .at(m.span())
                .label("expected a whole number of days from 1 to 36500")
                .help("use e.g. 90 for a fact that should be re-checked every quarter"),
            );
            return None;
        }
        u32::try_from(days).ok()
    }

    /// Keys that belong to another kind (`levels` on a `number`) are errors.
    fn foreign_keys(&mut self, file: &ItemFile, kind: KindFile) {
        let keys: [KindKey<'_>; 8] = [
            (
                "levels",
                file.levels.as_ref().map(Spanned::span),
                &[KindFile::Scale],
            ),
            (
                "options",
                file.options.as_ref().map(Spanned::span),
                &[KindFile::Choice],
            ),
            (
                "unit",
                file.unit.as_ref().map(Spanned::span),
                &[KindFile::Number],
            ),
            (
                "best",
                file.best.as_ref().map(Spanned::span),
                &[KindFile::Number],
            ),
            (
                "worst",
                file.worst.as_ref().map(Spanned::span),
                &[KindFile::Number],
            ),
            ("weight", file.weight.as_ref().map(Spanned::span), SCORED),
            ("gate", file.gate.as_ref().map(Spanned::span), SCORED),
            (
                "max_age_days",
                file.max_age_days.as_ref().map(Spanned::span),
                SCORED,
            ),
        ];
        for (key, span, kinds) in keys {
            if let Some(span) = span
                && !kinds.contains(&kind)
            {
                self.push(
                    Diagnostic::error(
                        "key-not-for-kind",
                        format!("`{key}` does not belong on a `{}` item", kind_name(kind)),
                    )
                    .at(span)
                    .label(format!("`{key}` is for {}", kinds_names(kinds)))
                    .help(format!("remove `{key}`, or change `kind`")),
                );
            }
        }
    }

    /// Rules about the checklist as a whole.
    /// Judged on the raw file, so that a mistake elsewhere (an item the structural check
    /// dropped a key from) neither hides these errors nor causes a false one.
    fn whole(&mut self, file: &ChecklistFile, structure_broken: bool) {
        let span = file.checklist.as_ref().map_or(0..0, Spanned::span);
        let span = span.start..span.start;
        let dimensions: Vec<&DimensionFile> = file
            .dimensions
            .iter()
            .flatten()
            .map(Spanned::get_ref)
            .collect();
        let may_score = dimensions
            .iter()
            .flat_map(|d| d.items.iter().flatten())
            .any(|i| {
                i.get_ref()
                    .kind
                    .as_ref()
                    .is_none_or(|k| SCORED.contains(k.get_ref()))
            });
        let items_dropped = structure_broken
            && dimensions
                .iter()
                .all(|d| d.items.as_ref().is_none_or(Vec::is_empty));
        if !may_score && !items_dropped {
            self.push(
                Diagnostic::error("no-scored-item", "the checklist has no scored item")
                    .at(span.clone())
                    .label("nothing here could be scored")
                    .help("add an item of kind yes_no, scale, choice or number"),
            );
        }
        let zero = |d: &&DimensionFile| d.weight.as_ref().is_some_and(|w| *w.get_ref() == 0.0);
        if !dimensions.is_empty() && dimensions.iter().all(zero) {
            self.push(
                Diagnostic::error("zero-dimension-weights", "every dimension has weight 0")
                    .at(span)
                    .label("no overall score could be computed")
                    .help("give at least one dimension a weight above 0"),
            );
        }
    }
}

/// A second use of an id.
fn duplicate(id: &str, span: Range<usize>, what: &str) -> Diagnostic {
    Diagnostic::error("duplicate-id", format!("duplicate {what} id `{id}`"))
        .at(span)
        .label(format!("already used by an earlier {what}"))
        .help(format!("{what} ids must be unique; rename one of them"))
}

/// A key, where it is in the file if present, and the kinds it belongs to.
type KindKey<'a> = (&'a str, Option<Range<usize>>, &'a [KindFile]);

const SCORED: &[KindFile] = &[
    KindFile::YesNo,
    KindFile::Scale,
    KindFile::Choice,
    KindFile::Number,
];

fn kind_name(kind: KindFile) -> &'static str {
    match kind {
        KindFile::YesNo => "yes_no",
        KindFile::Scale => "scale",
        KindFile::Choice => "choice",
        KindFile::Number => "number",
        KindFile::Text => "text",
    }
}

fn kinds_names(kinds: &[KindFile]) -> String {
    let names: Vec<&str> = kinds.iter().map(|k| kind_name(*k)).collect();
    one_of(&names)
}

fn as_f64(value: &toml::Value) -> f64 {
    match value {
        toml::Value::Integer(i) => *i as f64,
        toml::Value::Float(f) => *f,
        _ => f64::NAN,
    }
}

/// Whether `id` matches `^[a-z0-9]+(-[a-z0-9]+)*$`.
pub fn is_kebab_id(id: &str) -> bool {
    !id.is_empty()
        && id.split('-').all(|part| {
            !part.is_empty()
                && part
                    .bytes()
                    .all(|b| b.is_ascii_lowercase() || b.is_ascii_digit())
        })
}

fn suggest_id(id: &str) -> String {
    let lowered = id.to_lowercase();
    let parts: Vec<&str> = lowered
        .split(|c: char| !c.is_ascii_alphanumeric())
        .filter(|p| !p.is_empty())
        .collect();
    if parts.is_empty() {
        "my-id".into()
    } else {
        parts.join("-")
    }
}
