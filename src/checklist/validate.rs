//! Validation: turns a raw [`ChecklistFile`] into a [`Checklist`], collecting every problem.
//!
//! The structural check has already reported unknown keys, wrong types and missing required
//! keys and removed them, so a `None` here means "already reported": this pass only adds the
//! rules that need meaning (SPEC §2), and never stops at the first.

use std::collections::HashMap;
use std::ops::Range;

use toml::Spanned;

use super::file::{
    ChecklistFile, DimensionFile, EvidenceFile, ItemFile, KindFile, OptionFile, ReadinessFile,
    WhenFile,
};
use super::model::{
    Checklist, ChoiceOption, Condition, Dimension, Gate, Item, Kind, Origin, Readiness, When,
    same_label,
};
use crate::diag::Diagnostic;
use crate::num::round9;
use crate::text::{did_you_mean, one_of};

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
        dimensions,
        digest: String::new(),
        origin,
    };
    checklist.digest = super::digest::digest(&checklist);
    (Some(checklist), v.problems)
}

#[derive(Default)]
struct Validator {
    problems: Vec<Diagnostic>,
    item_ids: HashMap<String, Range<usize>>,
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
        let mut seen: HashMap<String, Range<usize>> = HashMap::new();
        let mut out = Vec::new();
        for dimension in file.dimensions.iter().flatten() {
            if let Some(d) = self.dimension(dimension.get_ref(), &mut seen) {
                out.push(d);
            }
        }
        out
    }

    fn dimension(
        &mut self,
        file: &DimensionFile,
        seen: &mut HashMap<String, Range<usize>>,
    ) -> Option<Dimension> {
        let id = file.id.as_ref().map(|id| self.id(id, "dimension"));
        if let (Some(id), Some(span)) = (&id, file.id.as_ref().map(Spanned::span)) {
            self.unique(seen, id, span, "dimension");
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

    fn unique(
        &mut self,
        seen: &mut HashMap<String, Range<usize>>,
        id: &str,
        span: Range<usize>,
        what: &str,
    ) {
        if seen.contains_key(id) {
            self.push(
                Diagnostic::error("duplicate-id", format!("duplicate {what} id `{id}`"))
                    .at(span)
                    .label(format!("already used by an earlier {what}"))
                    .help(format!("{what} ids must be unique; rename one of them")),
            );
        } else {
            seen.insert(id.to_string(), span);
        }
    }

    fn item(&mut self, file: &ItemFile) -> Option<Item> {
        let id = file.id.as_ref().map(|id| self.id(id, "item"));
        if let (Some(id), Some(span)) = (&id, file.id.as_ref().map(Spanned::span)) {
            let mut seen = std::mem::take(&mut self.item_ids);
            self.unique(&mut seen, id, span, "item");
            self.item_ids = seen;
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

    fn missing(&mut self, file: &ItemFile, key: &str, kind: &Spanned<KindFile>) {
        let span = file.id.as_ref().map_or(kind.span(), Spanned::span);
        self.push(
            Diagnostic::error(
                "missing-key",
                format!("a `{}` item needs `{key}`", kind_name(*kind.get_ref())),
            )
            .at(span)
            .label(format!("this item has no `{key}`"))
            .help(format!("add `{key} = …` to the item")),
        );
    }

    fn kind(&mut self, file: &ItemFile, kind: &Spanned<KindFile>) -> Option<Kind> {
        match kind.get_ref() {
            KindFile::YesNo => Some(Kind::YesNo),
            KindFile::Text => Some(Kind::Text),
            KindFile::Scale => match &file.levels {
                Some(levels) => self.levels(levels),
                None => {
                    self.missing(file, "levels", kind);
                    None
                }
            },
            KindFile::Choice => match &file.options {
                Some(options) => self.options(options),
                None => {
                    self.missing(file, "options", kind);
                    None
                }
            },
            KindFile::Number => self.number_kind(file, kind),
        }
    }

    fn levels(&mut self, levels: &Spanned<Vec<Spanned<String>>>) -> Option<Kind> {
        let texts = self.labels(levels.get_ref(), "level");
        if levels.get_ref().len() < 2 {
            self.push(
                Diagnostic::error("too-few-levels", "a scale needs at least 2 levels")
                    .at(levels.span())
                    .label(format!("{} level(s)", levels.get_ref().len()))
                    .help("list the levels worst to best, e.g. [\"Not checked\", \"Checked\"]"),
            );
            return None;
        }
        Some(Kind::Scale { levels: texts })
    }

    /// Checks label-like texts: non-empty, unique ignoring case and surrounding white space.
    fn labels(&mut self, labels: &[Spanned<String>], what: &str) -> Vec<String> {
        let mut seen: Vec<String> = Vec::new();
        for label in labels {
            let text = self.non_empty(label, &format!("a {what}"));
            if seen.iter().any(|s| same_label(s, &text)) {
                self.push(
                    Diagnostic::error(
                        if what == "level" {
                            "duplicate-level"
                        } else {
                            "duplicate-label"
                        },
                        format!("duplicate {what} \"{}\"", text.trim()),
                    )
                    .at(label.span())
                    .label("already listed (case and surrounding spaces are ignored)")
                    .help(format!("each {what} must differ from the others")),
                );
            }
            seen.push(text);
        }
        seen
    }

    fn options(&mut self, options: &Spanned<Vec<Spanned<OptionFile>>>) -> Option<Kind> {
        if options.get_ref().is_empty() {
            self.push(
                Diagnostic::error("no-options", "a choice needs at least one option")
                    .at(options.span())
                    .label("no options")
                    .help("add options = [{ label = \"…\", score = 1.0 }, …]"),
            );
            return None;
        }
        let labels: Vec<Spanned<String>> = options
            .get_ref()
            .iter()
            .filter_map(|o| o.get_ref().label.clone())
            .collect();
        self.labels(&labels, "label");
        let mut out = Vec::new();
        for option in options.get_ref() {
            let o = option.get_ref();
            let score = o
                .score
                .as_ref()
                .map(|s| self.number(s, "an option's score", 0.0, 1.0));
            if let (Some(label), Some(score)) = (&o.label, score) {
                out.push(ChoiceOption {
                    label: label.get_ref().clone(),
                    score,
                    description: o.description.as_ref().map(|d| d.get_ref().clone()),
                });
            }
        }
        (out.len() == options.get_ref().len()).then_some(Kind::Choice { options: out })
    }

    fn number_kind(&mut self, file: &ItemFile, kind: &Spanned<KindFile>) -> Option<Kind> {
        for (key, present) in [
            ("unit", file.unit.is_some()),
            ("best", file.best.is_some()),
            ("worst", file.worst.is_some()),
        ] {
            if !present {
                self.missing(file, key, kind);
            }
        }
        let unit = file.unit.as_ref().map(|u| self.non_empty(u, "the unit"));
        let best = file
            .best
            .as_ref()
            .map(|b| self.number(b, "best", -MAX_BOUND, MAX_BOUND));
        let worst = file
            .worst
            .as_ref()
            .map(|w| self.number(w, "worst", -MAX_BOUND, MAX_BOUND));
        if let (Some(b), Some(w), Some(span)) = (best, worst, file.best.as_ref().map(Spanned::span))
            && b == w
        {
            self.push(
                Diagnostic::error("best-equals-worst", format!("best and worst are both {b}"))
                    .at(span)
                    .label("no value could score between 0 and 1")
                    .help("make `best` the value that scores 1 and `worst` the one that scores 0"),
            );
        }
        Some(Kind::Number {
            unit: unit?,
            best: best?,
            worst: worst?,
        })
    }

    fn gate(&mut self, file: &ItemFile, kind: &Kind) -> Option<Gate> {
        let gate = file.gate.as_ref()?;
        let span = gate.span();
        match (kind, gate.get_ref()) {
            (Kind::Text, _) => None,
            (Kind::YesNo, toml::Value::Boolean(true)) => Some(Gate::Yes),
            (Kind::YesNo, _) => self.bad_gate(
                span,
                "a yes_no gate can only be `true`",
                "write `gate = true`, or remove the gate",
            ),
            (Kind::Scale { levels }, toml::Value::Integer(n)) => {
                self.level_gate(span, *n, levels.len())
            }
            (Kind::Scale { levels }, _) => self.bad_gate(
                span,
                "a scale gate is a level index",
                &format!("write an integer from 0 to {}", levels.len() - 1),
            ),
            (Kind::Choice { options }, v @ (toml::Value::Integer(_) | toml::Value::Float(_))) => {
                self.score_gate(span, as_f64(v), options)
            }
            (Kind::Choice { .. }, _) => self.bad_gate(
                span,
                "a choice gate is a minimum option score",
                "write a number such as `gate = 0.5`",
            ),
            (Kind::Number { .. }, toml::Value::Table(t)) => self.range_gate(span, t),
            (Kind::Number { .. }, _) => self.bad_gate(
                span,
                "a number gate is a range",
                "write `gate = { min = X }`, `{ max = Y }` or both",
            ),
        }
    }

    fn bad_gate(&mut self, span: Range<usize>, message: &str, help: &str) -> Option<Gate> {
        self.push(
            Diagnostic::error("invalid-gate", message)
                .at(span)
                .label("wrong gate for this kind")
                .help(help),
        );
        None
    }

    fn unreachable(&mut self, span: Range<usize>, message: String, help: String) -> Option<Gate> {
        self.push(
            Diagnostic::error("unreachable-gate", message)
                .at(span)
                .label("no answer could pass this gate")
                .help(help),
        );
        None
    }

    /// A gate number that is not finite (`not-finite`) or outside its range (`out-of-range`).
    fn gate_range(&mut self, span: Range<usize>, message: &str, help: &str) -> Option<Gate> {
        let code = if message.contains("finite") {
            "not-finite"
        } else {
            "out-of-range"
        };
        self.push(
            Diagnostic::error(code, message)
                .at(span)
                .label("not a usable gate")
                .help(help),
        );
        None
    }

    fn level_gate(&mut self, span: Range<usize>, n: i64, levels: usize) -> Option<Gate> {
        match usize::try_from(n) {
            Ok(level) if level < levels => Some(Gate::MinLevel(level)),
            Err(_) => self.gate_range(
                span,
                &format!("gate level {n} is negative"),
                &format!("use a level index from 0 to {}", levels - 1),
            ),
            Ok(_) => self.unreachable(
                span,
                format!("gate level {n} does not exist"),
                format!("levels are numbered 0 to {}", levels - 1),
            ),
        }
    }

    fn score_gate(&mut self, span: Range<usize>, x: f64, options: &[ChoiceOption]) -> Option<Gate> {
        let highest = options.iter().map(|o| o.score).fold(0.0, f64::max);
        if !x.is_finite() {
            return self.gate_range(
                span,
                "a gate must be a finite number",
                "use an option score from 0 to 1",
            );
        }
        if x < 0.0 {
            return self.gate_range(
                span,
                &format!("gate {x} is negative"),
                "use an option score from 0 to 1",
            );
        }
        if round9(x) > round9(highest) {
            return self.unreachable(
                span,
                format!("gate {x} is outside 0..={highest}, the option scores"),
                format!("use a score no higher than the best option's, {highest}"),
            );
        }
        Some(Gate::MinScore(x))
    }

    fn range_gate(&mut self, span: Range<usize>, table: &toml::Table) -> Option<Gate> {
        let bound = |key: &str| table.get(key).map(as_f64);
        let (min, max) = (bound("min"), bound("max"));
        if min.is_none() && max.is_none() {
            return self.bad_gate(
                span,
                "a number gate needs `min` or `max`",
                "write `gate = { min = X }`, `{ max = Y }` or both",
            );
        }
        if [min, max].into_iter().flatten().any(|b| !b.is_finite()) {
            return self.gate_range(
                span,
                "gate bounds must be finite numbers",
                "inf and nan are not allowed; use numbers within ±1e15",
            );
        }
        if [min, max]
            .into_iter()
            .flatten()
            .any(|b| b.abs() > MAX_BOUND)
        {
            return self.gate_range(
                span,
                "gate bounds must lie within ±1e15",
                "use bounds within ±1e15",
            );
        }
        if let (Some(lo), Some(hi)) = (min, max)
            && lo > hi
        {
            return self.unreachable(
                span,
                format!("gate min {lo} is above max {hi}"),
                "swap `min` and `max`".into(),
            );
        }
        Some(Gate::Range { min, max })
    }

    /// `when` needs every item known, so it runs after all dimensions.
    fn whens(&mut self, file: &ChecklistFile, dimensions: &mut [Dimension]) {
        let raw: Vec<&ItemFile> = file
            .dimensions
            .iter()
            .flatten()
            .flat_map(|d| d.get_ref().items.iter().flatten())
            .map(Spanned::get_ref)
            .collect();
        let order: Vec<&str> = raw
            .iter()
            .filter_map(|i| i.id.as_ref().map(|id| id.get_ref().as_str()))
            .collect();
        let kinds: HashMap<String, Kind> = dimensions
            .iter()
            .flat_map(|d| d.items.iter())
            .map(|i| (i.id.clone(), i.kind.clone()))
            .collect();
        let mut resolved: HashMap<String, When> = HashMap::new();
        for item in &raw {
            if let (Some(id), Some(when)) = (&item.id, &item.when)
                && let Some(w) = self.when(id.get_ref(), when, &order, &kinds)
            {
                resolved.insert(id.get_ref().clone(), w);
            }
        }
        for item in dimensions.iter_mut().flat_map(|d| d.items.iter_mut()) {
            item.when = resolved.remove(&item.id);
        }
    }

    fn when(
        &mut self,
        id: &str,
        when: &Spanned<WhenFile>,
        order: &[&str],
        kinds: &HashMap<String, Kind>,
    ) -> Option<When> {
        let w = when.get_ref();
        let controller = w.item.as_ref()?;
        let name = controller.get_ref().as_str();
        if name == id {
            self.push(
                Diagnostic::error("when-self", format!("item `{id}` depends on itself"))
                    .at(controller.span())
                    .label("an item cannot control itself")
                    .help("name an earlier `choice` or `yes_no` item"),
            );
            return None;
        }
        let Some(position) = order.iter().position(|o| *o == name) else {
            let help = did_you_mean(name, order.iter().copied())
                .unwrap_or_else(|| "name an earlier `choice` or `yes_no` item by its id".into());
            self.push(
                Diagnostic::error(
                    "unknown-controller",
                    format!("`when` names unknown item `{name}`"),
                )
                .at(controller.span())
                .label("no item has this id")
                .help(help),
            );
            return None;
        };
        if order
            .iter()
            .position(|o| *o == id)
            .is_some_and(|own| position > own)
        {
            self.push(
                Diagnostic::error(
                    "controller-after-dependent",
                    format!("controller `{name}` comes after `{id}`"),
                )
                .at(controller.span())
                .label("the controller must be asked first")
                .help(format!("move `{name}` above `{id}` in the checklist")),
            );
        }
        let kind = kinds.get(name)?;
        let condition = self.condition(when, kind, name)?;
        Some(When {
            item: name.to_string(),
            condition,
        })
    }

    fn condition(
        &mut self,
        when: &Spanned<WhenFile>,
        kind: &Kind,
        name: &str,
    ) -> Option<Condition> {
        let w = when.get_ref();
        let span = when.span();
        match (kind, &w.any_of, &w.is) {
            (Kind::Choice { .. } | Kind::YesNo, Some(_), Some(_)) => {
                self.push(Diagnostic::error("when-in-and-is", "`when` has both `in` and `is`").at(span).label("choose one").help("use `in = [labels]` for a choice controller, `is = true|false` for a yes_no one"));
                None
            }
            (Kind::Choice { .. } | Kind::YesNo, None, None) => {
                self.push(Diagnostic::error("when-without-condition", "`when` needs `in` or `is`").at(span).label("no condition").help("use `in = [labels]` for a choice controller, `is = true|false` for a yes_no one"));
                None
            }
            (Kind::Choice { options }, Some(labels), None) => self.labels_in(labels, options, name),
            (Kind::YesNo, None, Some(is)) => Some(Condition::Is(*is.get_ref())),
            (Kind::YesNo, Some(labels), None) => {
                self.push(
                    Diagnostic::error(
                        "when-mismatch",
                        format!("`{name}` is a yes_no item; `in` is for choice controllers"),
                    )
                    .at(labels.span())
                    .label("use `is` here")
                    .help("write `is = true` or `is = false`"),
                );
                None
            }
            (Kind::Choice { options }, None, Some(is)) => {
                let labels: Vec<&str> = options.iter().map(|o| o.label.as_str()).collect();
                self.push(
                    Diagnostic::error(
                        "when-mismatch",
                        format!("`{name}` is a choice item; `is` is for yes_no controllers"),
                    )
                    .at(is.span())
                    .label("use `in` here")
                    .help(format!(
                        "write `in = [...]` with labels from {}",
                        one_of(&labels)
                    )),
                );
                None
            }
            (other, _, _) => {
                let span = w.item.as_ref().map_or(span, Spanned::span);
                self.push(Diagnostic::error("invalid-controller", format!("`{name}` is a {} item; only choice and yes_no items can control others", other.name())).at(span).label("not a choice or yes_no item").help("name an earlier `choice` or `yes_no` item"));
                None
            }
        }
    }

    fn labels_in(
        &mut self,
        labels: &Spanned<Vec<Spanned<String>>>,
        options: &[ChoiceOption],
        name: &str,
    ) -> Option<Condition> {
        if labels.get_ref().is_empty() {
            self.push(
                Diagnostic::error("empty-in", "`in` lists no labels")
                    .at(labels.span())
                    .label("the item could never apply")
                    .help("list at least one of the controller's labels"),
            );
            return None;
        }
        let names: Vec<&str> = options.iter().map(|o| o.label.as_str()).collect();
        let mut out = Vec::new();
        for label in labels.get_ref() {
            match options
                .iter()
                .find(|o| same_label(&o.label, label.get_ref()))
            {
                Some(option) => out.push(option.label.clone()),
                None => {
                    let help =
                        did_you_mean(label.get_ref(), names.iter().copied()).unwrap_or_else(|| {
                            format!("the labels of `{name}` are {}", one_of(&names))
                        });
                    self.push(
                        Diagnostic::error(
                            "unknown-label",
                            format!("`{name}` has no option \"{}\"", label.get_ref()),
                        )
                        .at(label.span())
                        .label("not one of the controller's labels")
                        .help(help),
                    );
                }
            }
        }
        (out.len() == labels.get_ref().len()).then_some(Condition::In(out))
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
