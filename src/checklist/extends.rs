//! `extends` (SPEC §2): a checklist built on another. The base (already resolved and validated)
//! is turned back into raw file types and combined with this file's `remove`, `[[override]]`,
//! `[readiness]` and `[[dimension]]`; the result is validated like any checklist, so every rule
//! holds for the resolved checklist and its digest covers it.
//!
//! Spans: what this file wrote keeps its own spans; what comes from the base is located at the
//! `extends` line, or, for an overridden item, at its override's `item` line, so every problem is
//! reported somewhere in this file.

use std::collections::{HashMap, HashSet};
use std::ops::Range;

use toml::Spanned;

use super::file::{
    ChecklistFile, DimensionFile, EvidenceFile, FactBindingFile, FactRuleFile, ItemFile, KindFile,
    OptionFile, OverrideFile, ReadinessFile, WhenFile,
};
use super::model::{
    Binding, Checklist, Condition, Dimension, Gate, Inheritance, Item, Kind, Origin, RuleAnswer,
    Test,
};
use crate::diag::Diagnostic;
use crate::text::did_you_mean;

/// Where base checklists come from. The caller knows the project (ids) and the file system.
pub trait Bases {
    /// Loads the checklist `reference` names (an id, or a path relative to the extending file at
    /// `from`); `own_id` is the extending file's id (a file never extends itself).
    fn base(
        &self,
        reference: &str,
        from: &Origin,
        own_id: Option<&str>,
    ) -> Result<Checklist, BaseError>;
}

/// Why a base could not be had.
#[derive(Debug, Clone)]
pub enum BaseError {
    /// No checklist by that id or path: what was looked for, and help.
    NotFound(String, String),
    /// The chain of `extends` comes back to a checklist already being loaded.
    Cycle(Vec<String>),
    /// The base exists but has errors (its name and how many).
    Invalid(String, usize),
}

/// Built-in checklists only: what a checklist outside any project or file can extend.
#[derive(Debug, Clone, Copy, Default)]
pub struct BuiltinBases;

impl Bases for BuiltinBases {
    fn base(
        &self,
        reference: &str,
        _from: &Origin,
        _own: Option<&str>,
    ) -> Result<Checklist, BaseError> {
        super::builtin::load(reference).ok_or_else(|| {
            let ids: Vec<&str> = super::builtin::all().iter().map(|b| b.id).collect();
            BaseError::NotFound(
                format!("no built-in checklist `{reference}`"),
                format!("extend one of {}", crate::text::one_of(&ids)),
            )
        })
    }
}

/// The diagnostic for a base that could not be had, at the `extends` value.
pub fn base_error(e: BaseError, span: Range<usize>) -> Diagnostic {
    match e {
        BaseError::NotFound(message, help) => Diagnostic::error("unknown-base", message)
            .at(span)
            .label("no such checklist")
            .help(help),
        BaseError::Cycle(chain) => Diagnostic::error(
            "extends-cycle",
            format!("`extends` goes round in a circle: {}", chain.join(" → ")),
        )
        .at(span)
        .label("this comes back to a checklist already being extended")
        .help("make one checklist in the chain stand on its own (remove its `extends`)"),
        BaseError::Invalid(name, errors) => Diagnostic::error(
            "invalid-base",
            format!("the base checklist {name} has {errors} error(s)"),
        )
        .at(span)
        .label("this base does not load")
        .help(format!("`weigh checklist validate {name}` shows them")),
    }
}

/// `remove` or `[[override]]` in a file without `extends`.
pub fn needs_extends(file: &ChecklistFile) -> Vec<Diagnostic> {
    let spans = file
        .remove
        .iter()
        .map(Spanned::span)
        .chain(file.overrides.iter().flatten().map(Spanned::span));
    spans
        .map(|span| {
            Diagnostic::error("needs-extends", "`remove` and `[[override]]` change a base checklist")
                .at(span)
                .label("this file has no `extends`")
                .help("add `extends = \"open-weight-adoption\"` (or another checklist's id or path) at the top")
        })
        .collect()
}

/// Combines the base with this file's changes into one raw file, ready for validation; returns
/// it with what changed, and pushes a diagnostic for each change that names nothing in the base.
pub fn resolve(
    file: ChecklistFile,
    base: &Checklist,
    extends: Range<usize>,
    problems: &mut Vec<Diagnostic>,
) -> (ChecklistFile, Inheritance) {
    let mut r = Resolver {
        base,
        anchor: extends,
        problems,
        inheritance: Inheritance {
            base: format!("{} {}", base.id, base.version),
            ..Inheritance::default()
        },
    };
    let removed = r.removals(file.remove.as_ref());
    let overrides = r.overrides(file.overrides.as_deref().unwrap_or_default(), &removed);
    let mut dimensions = r.base_dimensions(&removed, &overrides);
    r.child_dimensions(&mut dimensions, file.dimensions.unwrap_or_default());
    let readiness = r.readiness(file.readiness);
    let resolved = ChecklistFile {
        schema_version: file.schema_version,
        extends: None,
        remove: None,
        overrides: None,
        checklist: file.checklist,
        readiness: Some(Spanned::new(r.anchor.clone(), readiness)),
        dimensions: Some(dimensions),
    };
    (resolved, r.inheritance)
}

struct Resolver<'a> {
    base: &'a Checklist,
    anchor: Range<usize>,
    problems: &'a mut Vec<Diagnostic>,
    inheritance: Inheritance,
}

impl Resolver<'_> {
    fn at<T>(&self, value: T) -> Spanned<T> {
        Spanned::new(self.anchor.clone(), value)
    }

    fn unknown(&mut self, code: &'static str, what: &str, id: &Spanned<String>) {
        let help = did_you_mean(id.get_ref(), self.base.items().map(|i| i.id.as_str()))
            .unwrap_or_else(|| format!("`weigh checklist show {}` lists its items", self.base.id));
        self.problems.push(
            Diagnostic::error(
                code,
                format!(
                    "the base checklist `{}` has no item `{}` to {what}",
                    self.base.id,
                    id.get_ref()
                ),
            )
            .at(id.span())
            .label("no such item in the base")
            .help(help),
        );
    }

    /// The base items to drop: each must exist, and must not control an item that stays.
    fn removals(&mut self, remove: Option<&Spanned<Vec<Spanned<String>>>>) -> HashSet<String> {
        let ids: Vec<Spanned<String>> = remove.map(|r| r.get_ref().clone()).unwrap_or_default();
        let mut removed = HashSet::new();
        for id in &ids {
            if self.base.item(id.get_ref()).is_none() {
                self.unknown("unknown-remove-target", "remove", id);
            } else {
                removed.insert(id.get_ref().clone());
            }
        }
        for id in &ids {
            let dependents: Vec<&str> = self
                .base
                .items()
                .filter(|i| !removed.contains(&i.id))
                .filter(|i| i.when.as_ref().is_some_and(|w| w.item == *id.get_ref()))
                .map(|i| i.id.as_str())
                .collect();
            if let Some(first) = dependents.first() {
                self.problems.push(
                    Diagnostic::error(
                        "removed-controller",
                        format!(
                            "`{}` decides whether `{first}` applies (its `when`)",
                            id.get_ref()
                        ),
                    )
                    .at(id.span())
                    .label("other items depend on this one")
                    .help(format!(
                        "remove {} too, or override their `when`",
                        crate::text::one_of(&dependents)
                    )),
                );
            }
        }
        self.inheritance.removed = ids.iter().map(|i| i.get_ref().clone()).collect();
        removed
    }

    /// The overrides by item id; each must name a base item that is not removed, once.
    fn overrides(
        &mut self,
        overrides: &[Spanned<OverrideFile>],
        removed: &HashSet<String>,
    ) -> HashMap<String, OverrideFile> {
        let mut out = HashMap::new();
        for o in overrides {
            let Some(id) = o.get_ref().item.clone() else {
                continue;
            };
            if self.base.item(id.get_ref()).is_none() || removed.contains(id.get_ref()) {
                self.unknown("unknown-override-target", "override", &id);
                continue;
            }
            if out.contains_key(id.get_ref()) {
                self.problems.push(
                    Diagnostic::error(
                        "duplicate-override",
                        format!("`{}` is overridden twice", id.get_ref()),
                    )
                    .at(id.span())
                    .label("a second [[override]] for this item")
                    .help("merge the two [[override]] blocks into one"),
                );
                continue;
            }
            self.inheritance
                .overridden
                .insert(id.get_ref().clone(), override_keys(o.get_ref()));
            out.insert(id.get_ref().clone(), o.get_ref().clone());
        }
        out
    }

    fn base_dimensions(
        &mut self,
        removed: &HashSet<String>,
        overrides: &HashMap<String, OverrideFile>,
    ) -> Vec<Spanned<DimensionFile>> {
        let base = self.base;
        base.dimensions
            .iter()
            .map(|d| {
                let items = d
                    .items
                    .iter()
                    .filter(|i| !removed.contains(&i.id))
                    .map(|i| without_removed_controller(i, removed))
                    .map(|i| match overrides.get(&i.id) {
                        Some(o) => {
                            let span = o.item.as_ref().map_or(self.anchor.clone(), Spanned::span);
                            Spanned::new(span.clone(), apply(raw_item(&i, &span), o.clone()))
                        }
                        None => self.at(raw_item(&i, &self.anchor)),
                    })
                    .collect();
                self.at(raw_dimension(d, &self.anchor, items))
            })
            .collect()
    }

    /// This file's dimensions: items appended to a base dimension of the same id (whose other
    /// keys it may change), or new dimensions after the base's.
    fn child_dimensions(
        &mut self,
        dimensions: &mut Vec<Spanned<DimensionFile>>,
        child: Vec<Spanned<DimensionFile>>,
    ) {
        for d in child {
            let span = d.span();
            let d = d.into_inner();
            self.inheritance.added.extend(
                d.items
                    .iter()
                    .flatten()
                    .filter_map(|i| i.get_ref().id.as_ref().map(|id| id.get_ref().clone())),
            );
            let id = d.id.as_ref().map(|i| i.get_ref().clone());
            let existing = dimensions.iter_mut().find(|x| {
                x.get_ref().id.as_ref().map(|i| i.get_ref()) == id.as_ref() && id.is_some()
            });
            match existing {
                Some(base) => {
                    let b = base.get_mut();
                    b.title = d.title.or(b.title.take());
                    b.weight = d.weight.or(b.weight.take());
                    b.description = d.description.or(b.description.take());
                    b.items
                        .get_or_insert_with(Vec::new)
                        .extend(d.items.unwrap_or_default());
                }
                None => dimensions.push(Spanned::new(span, d)),
            }
        }
    }

    /// The base's policy, with this file's keys replacing the base's one by one.
    fn readiness(&mut self, child: Option<Spanned<ReadinessFile>>) -> ReadinessFile {
        let r = self.base.readiness;
        // A problem with the combined policy is shown at this file's `[readiness]`, if it has one.
        let anchor = child
            .as_ref()
            .map_or(self.anchor.clone(), |c| c.span().start..c.span().start);
        let child = child.map(Spanned::into_inner);
        let mut keys = Vec::new();
        let mut pick = |name: &str, own: Option<Spanned<f64>>, base: f64| match own {
            Some(v) => {
                keys.push(name.to_string());
                Some(v)
            }
            None => Some(Spanned::new(anchor.clone(), base)),
        };
        let (ready, conditional, floor, disagreement, worst) = match child {
            Some(c) => (
                c.ready,
                c.conditional,
                c.dimension_floor,
                c.disagreement,
                c.worst_blocks_ready,
            ),
            None => (None, None, None, None, None),
        };
        let mut out = ReadinessFile {
            ready: pick("ready", ready, r.ready),
            conditional: pick("conditional", conditional, r.conditional),
            dimension_floor: pick("dimension_floor", floor, r.dimension_floor),
            disagreement: pick("disagreement", disagreement, r.disagreement),
            worst_blocks_ready: None,
        };
        out.worst_blocks_ready = Some(match worst {
            Some(w) => {
                keys.push("worst_blocks_ready".into());
                w
            }
            None => Spanned::new(anchor, r.worst_blocks_ready),
        });
        self.inheritance.readiness = keys;
        out
    }
}

/// An item whose `when` controller was removed loses its `when` (the removal is reported once,
/// at the `remove` entry, rather than once per dependent).
fn without_removed_controller(i: &Item, removed: &HashSet<String>) -> Item {
    let mut i = i.clone();
    if i.when.as_ref().is_some_and(|w| removed.contains(&w.item)) {
        i.when = None;
    }
    i
}

/// The names of the keys an override sets.
fn override_keys(o: &OverrideFile) -> Vec<String> {
    let keys = [
        ("question", o.question.is_some()),
        ("guidance", o.guidance.is_some()),
        ("levels", o.levels.is_some()),
        ("options", o.options.is_some()),
        ("unit", o.unit.is_some()),
        ("best", o.best.is_some()),
        ("worst", o.worst.is_some()),
        ("weight", o.weight.is_some()),
        ("gate", o.gate.is_some()),
        ("max_age_days", o.max_age_days.is_some()),
        ("evidence", o.evidence.is_some()),
        ("na_allowed", o.na_allowed.is_some()),
        ("references", o.references.is_some()),
        ("when", o.when.is_some()),
        ("fact", o.fact.is_some()),
    ];
    keys.iter()
        .filter(|(_, set)| *set)
        .map(|(k, _)| k.to_string())
        .collect()
}

/// A base item with an override's keys in place of its own.
fn apply(base: ItemFile, o: OverrideFile) -> ItemFile {
    ItemFile {
        id: base.id,
        kind: base.kind,
        question: o.question.or(base.question),
        guidance: o.guidance.or(base.guidance),
        levels: o.levels.or(base.levels),
        options: o.options.or(base.options),
        unit: o.unit.or(base.unit),
        best: o.best.or(base.best),
        worst: o.worst.or(base.worst),
        weight: o.weight.or(base.weight),
        gate: o.gate.or(base.gate),
        max_age_days: o.max_age_days.or(base.max_age_days),
        evidence: o.evidence.or(base.evidence),
        na_allowed: o.na_allowed.or(base.na_allowed),
        references: o.references.or(base.references),
        when: o.when.or(base.when),
        fact: o.fact.or(base.fact),
    }
}

fn raw_dimension(
    d: &Dimension,
    span: &Range<usize>,
    items: Vec<Spanned<ItemFile>>,
) -> DimensionFile {
    let at = |v| Spanned::new(span.clone(), v);
    DimensionFile {
        id: Some(at(d.id.clone())),
        title: Some(at(d.title.clone())),
        weight: Some(Spanned::new(span.clone(), d.weight)),
        description: d.description.clone().map(at),
        items: Some(items),
    }
}

/// A validated item back in raw form, every value located at `span`.
fn raw_item(i: &Item, span: &Range<usize>) -> ItemFile {
    let at = |v: String| Spanned::new(span.clone(), v);
    let num = |v: f64| Spanned::new(span.clone(), v);
    let strings =
        |v: &[String]| Spanned::new(span.clone(), v.iter().cloned().map(at).collect::<Vec<_>>());
    let mut raw = ItemFile {
        id: Some(at(i.id.clone())),
        question: Some(at(i.question.clone())),
        guidance: i.guidance.clone().map(at),
        kind: Some(Spanned::new(span.clone(), kind_file(&i.kind))),
        levels: None,
        options: None,
        unit: None,
        best: None,
        worst: None,
        weight: i.is_scored().then(|| num(i.weight)),
        gate: i.gate.map(|g| Spanned::new(span.clone(), gate_value(g))),
        max_age_days: i
            .max_age_days
            .map(|d| Spanned::new(span.clone(), i64::from(d))),
        evidence: i
            .evidence_required
            .then(|| Spanned::new(span.clone(), EvidenceFile::Required)),
        na_allowed: i.na_allowed.then(|| Spanned::new(span.clone(), true)),
        references: (!i.references.is_empty()).then(|| strings(&i.references)),
        when: i.when.as_ref().map(|w| {
            let (any_of, is) = match &w.condition {
                Condition::In(labels) => (Some(strings(labels)), None),
                Condition::Is(b) => (None, Some(Spanned::new(span.clone(), *b))),
            };
            Spanned::new(
                span.clone(),
                WhenFile {
                    item: Some(at(w.item.clone())),
                    any_of,
                    is,
                },
            )
        }),
        fact: i
            .fact
            .as_ref()
            .map(|b| Spanned::new(span.clone(), raw_binding(b, &i.kind, span))),
    };
    match &i.kind {
        Kind::Scale { levels } => raw.levels = Some(strings(levels)),
        Kind::Choice { options } => {
            let options = options
                .iter()
                .map(|o| {
                    Spanned::new(
                        span.clone(),
                        OptionFile {
                            label: Some(at(o.label.clone())),
                            score: Some(num(o.score)),
                            description: o.description.clone().map(at),
                        },
                    )
                })
                .collect();
            raw.options = Some(Spanned::new(span.clone(), options));
        }
        Kind::Number { unit, best, worst } => {
            raw.unit = Some(at(unit.clone()));
            raw.best = Some(num(*best));
            raw.worst = Some(num(*worst));
        }
        Kind::YesNo | Kind::Text => {}
    }
    raw
}

/// A validated fact binding back in raw form, every value located at `span`.
fn raw_binding(b: &Binding, kind: &Kind, span: &Range<usize>) -> FactBindingFile {
    let at = |v: toml::Value| Spanned::new(span.clone(), v);
    let rules = b
        .rules
        .iter()
        .map(|r| {
            let (equals, min, max) = match &r.test {
                Test::Text(t) => (Some(toml::Value::String(t.clone())), None, None),
                Test::Number(n) => (Some(toml::Value::Float(*n)), None, None),
                Test::Bool(v) => (Some(toml::Value::Boolean(*v)), None, None),
                Test::Range { min, max } => (None, *min, *max),
            };
            let answer = match (&r.answer, kind) {
                (RuleAnswer::Yes(yes), _) => toml::Value::Boolean(*yes),
                (RuleAnswer::Level(i), Kind::Scale { levels }) => {
                    toml::Value::String(levels.get(*i).cloned().unwrap_or_default())
                }
                (RuleAnswer::Label(label), _) => toml::Value::String(label.clone()),
                (RuleAnswer::Level(i), _) => toml::Value::Integer(*i as i64),
            };
            let rule = FactRuleFile {
                equals: equals.map(at),
                min: min.map(|m| Spanned::new(span.clone(), m)),
                max: max.map(|m| Spanned::new(span.clone(), m)),
                answer: Some(at(answer)),
            };
            Spanned::new(span.clone(), rule)
        })
        .collect::<Vec<_>>();
    FactBindingFile {
        name: Some(Spanned::new(span.clone(), b.name.clone())),
        map: (!rules.is_empty()).then(|| Spanned::new(span.clone(), rules)),
    }
}

fn kind_file(kind: &Kind) -> KindFile {
    match kind {
        Kind::YesNo => KindFile::YesNo,
        Kind::Scale { .. } => KindFile::Scale,
        Kind::Choice { .. } => KindFile::Choice,
        Kind::Number { .. } => KindFile::Number,
        Kind::Text => KindFile::Text,
    }
}

fn gate_value(gate: Gate) -> toml::Value {
    match gate {
        Gate::Yes => toml::Value::Boolean(true),
        Gate::MinLevel(level) => toml::Value::Integer(level as i64),
        Gate::MinScore(score) => toml::Value::Float(score),
        Gate::Range { min, max } => {
            let mut bounds = toml::Table::new();
            if let Some(min) = min {
                bounds.insert("min".into(), toml::Value::Float(min));
            }
            if let Some(max) = max {
                bounds.insert("max".into(), toml::Value::Float(max));
            }
            toml::Value::Table(bounds)
        }
    }
}
