//! The validated checklist: the domain types the engine scores against.
//!
//! Built only by [`crate::checklist::validate`], so every value here already obeys SPEC §2:
//! ids are unique, gates are reachable, `when` controllers come first, numbers are in range.

/// Where a checklist came from.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Origin {
    /// Compiled into weigh.
    Builtin,
    /// A file, as the user named it or as found through `weigh.toml`.
    Path(std::path::PathBuf),
}

impl std::fmt::Display for Origin {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self {
            Origin::Builtin => f.write_str("builtin"),
            Origin::Path(path) => write!(f, "{}", path.display()),
        }
    }
}

/// A validated checklist.
#[derive(Debug, Clone, PartialEq)]
pub struct Checklist {
    /// Kebab-case id.
    pub id: String,
    /// Human title.
    pub title: String,
    /// Semantic version of the content.
    pub version: String,
    /// Markdown description.
    pub description: Option<String>,
    /// The readiness policy, defaults filled in.
    pub readiness: Readiness,
    /// Dimensions in file order.
    pub dimensions: Vec<Dimension>,
    /// `sha256:` digest of the resolved checklist (SPEC §2).
    pub digest: String,
    /// Where it was loaded from.
    pub origin: Origin,
    /// For a checklist built with `extends`: what it changed in its base.
    pub inheritance: Option<Inheritance>,
    /// Where each item is, by id, so that looking one up costs the same in a checklist of ten
    /// items or of a hundred thousand. Built by validation.
    pub(crate) index: ItemIndex,
}

/// Each item's place by id: its dimension, its place in the dimension, its position in
/// checklist order. The first item with an id wins (validation refuses duplicates).
#[derive(Debug, Clone, Default, PartialEq)]
pub(crate) struct ItemIndex(crate::idmap::IdMap<String, (usize, usize, usize)>);

impl ItemIndex {
    /// The index of these dimensions' items.
    pub(crate) fn of(dimensions: &[Dimension]) -> Self {
        let count = dimensions.iter().map(|d| d.items.len()).sum();
        let mut places = crate::idmap::with_capacity(count);
        let mut position = 0;
        for (d, dimension) in dimensions.iter().enumerate() {
            for (i, item) in dimension.items.iter().enumerate() {
                places.entry(item.id.clone()).or_insert((d, i, position));
                position += 1;
            }
        }
        ItemIndex(places)
    }
}

/// What a checklist built with `extends` changed in its base (for `checklist show`).
#[derive(Debug, Clone, PartialEq, Default)]
pub struct Inheritance {
    /// The base: its id and version.
    pub base: String,
    /// Items whose fields were overridden, with the fields' names.
    pub overridden: std::collections::BTreeMap<String, Vec<String>>,
    /// Items this checklist added.
    pub added: std::collections::BTreeSet<String>,
    /// Base items this checklist removed.
    pub removed: Vec<String>,
    /// `[readiness]` keys this checklist set.
    pub readiness: Vec<String>,
}

impl Checklist {
    /// Every item, in checklist order.
    pub fn items(&self) -> impl Iterator<Item = &Item> {
        self.dimensions.iter().flat_map(|d| d.items.iter())
    }

    /// Where the item with this id is: (dimension, place in it, position in checklist order).
    fn place(&self, id: &str) -> Option<(usize, usize, usize)> {
        match self.index.0.get(id) {
            Some(place) => Some(*place),
            None if !self.index.0.is_empty() => None,
            None => ItemIndex::of(&self.dimensions).0.get(id).copied(),
        }
    }

    /// The item with this id.
    pub fn item(&self, id: &str) -> Option<&Item> {
        let (d, i, _) = self.place(id)?;
        self.dimensions.get(d)?.items.get(i)
    }

    /// The 0-based position of an item in checklist order.
    pub fn position(&self, id: &str) -> Option<usize> {
        self.place(id).map(|(_, _, position)| position)
    }

    /// The dimension that holds an item.
    pub fn dimension_of(&self, item_id: &str) -> Option<&Dimension> {
        self.dimensions.get(self.place(item_id)?.0)
    }
}

/// When a candidate counts as ready.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Readiness {
    /// Overall score (0-100) at or above which the verdict can be READY.
    pub ready: f64,
    /// Overall score at or above which the verdict is READY WITH CONDITIONS.
    pub conditional: f64,
    /// READY needs every non-null dimension score at or above this.
    pub dimension_floor: f64,
    /// Spread of item scores (0-1) that counts as a disagreement.
    pub disagreement: f64,
    /// Whether an applicable, answered, weighted item scoring 0 keeps the verdict below READY
    /// (SPEC §4 rule 3).
    pub worst_blocks_ready: bool,
}

impl Default for Readiness {
    fn default() -> Self {
        Readiness {
            ready: 80.0,
            conditional: 60.0,
            dimension_floor: 50.0,
            disagreement: 0.5,
            worst_blocks_ready: true,
        }
    }
}

/// One area of concern.
#[derive(Debug, Clone, PartialEq)]
pub struct Dimension {
    /// Kebab-case id.
    pub id: String,
    /// Human title.
    pub title: String,
    /// Weight in the overall score.
    pub weight: f64,
    /// Markdown description.
    pub description: Option<String>,
    /// Items in file order.
    pub items: Vec<Item>,
}

/// One question.
#[derive(Debug, Clone, PartialEq)]
pub struct Item {
    /// Kebab-case id, unique in the checklist.
    pub id: String,
    /// The question (plain text).
    pub question: String,
    /// Markdown guidance.
    pub guidance: Option<String>,
    /// How it is answered and scored.
    pub kind: Kind,
    /// Weight within the dimension (0 for `text`).
    pub weight: f64,
    /// The minimum answer, if the item is a gate.
    pub gate: Option<Gate>,
    /// Age in days after which an answer is stale.
    pub max_age_days: Option<u32>,
    /// Whether answers need evidence.
    pub evidence_required: bool,
    /// Whether "not applicable" is allowed.
    pub na_allowed: bool,
    /// Public sources.
    pub references: Vec<String>,
    /// The condition under which the item applies.
    pub when: Option<When>,
    /// The fact that answers the item from data, if any.
    pub fact: Option<Binding>,
}

impl Item {
    /// Whether answers to this item are scored (every kind but `text`).
    pub fn is_scored(&self) -> bool {
        !matches!(self.kind, Kind::Text)
    }
}

/// An item's kind, with its rubric.
#[derive(Debug, Clone, PartialEq)]
pub enum Kind {
    /// Yes scores 1, no 0.
    YesNo,
    /// A 0-based level index; levels worst to best.
    Scale {
        /// Level texts, worst to best.
        levels: Vec<String>,
    },
    /// One option's label.
    Choice {
        /// The options, in file order.
        options: Vec<ChoiceOption>,
    },
    /// A number in `unit`, scored linearly from `worst` to `best`.
    Number {
        /// The unit.
        unit: String,
        /// Value scoring 1.
        best: f64,
        /// Value scoring 0.
        worst: f64,
    },
    /// Free text, never scored.
    Text,
}

impl Kind {
    /// The kind's name as written in files.
    pub fn name(&self) -> &'static str {
        match self {
            Kind::YesNo => "yes_no",
            Kind::Scale { .. } => "scale",
            Kind::Choice { .. } => "choice",
            Kind::Number { .. } => "number",
            Kind::Text => "text",
        }
    }
}

/// One option of a `choice` item.
#[derive(Debug, Clone, PartialEq)]
pub struct ChoiceOption {
    /// The label.
    pub label: String,
    /// Its score, 0-1.
    pub score: f64,
    /// What it means.
    pub description: Option<String>,
}

/// A gate, in its kind's own terms.
#[derive(Debug, Clone, Copy, PartialEq)]
pub enum Gate {
    /// `yes_no`: must be yes.
    Yes,
    /// `scale`: level at least this index.
    MinLevel(usize),
    /// `choice`: option score at least this.
    MinScore(f64),
    /// `number`: value within these inclusive bounds.
    Range {
        /// Lower bound.
        min: Option<f64>,
        /// Upper bound.
        max: Option<f64>,
    },
}

/// The condition under which an item applies.
#[derive(Debug, Clone, PartialEq)]
pub struct When {
    /// The controlling item's id.
    pub item: String,
    /// What the controller's answer must be.
    pub condition: Condition,
}

/// A controller's answers for which a dependent item applies.
#[derive(Debug, Clone, PartialEq)]
pub enum Condition {
    /// `choice` controller: one of these labels (as listed in the controller's options).
    In(Vec<String>),
    /// `yes_no` controller: this answer.
    Is(bool),
}

/// Which fact answers an item, and how its value maps to an answer.
#[derive(Debug, Clone, PartialEq)]
pub struct Binding {
    /// The fact's name, e.g. `providers.count`.
    pub name: String,
    /// Rules tried in order; empty for `number` and `text` items (and a `yes_no` item that takes
    /// a true/false fact as it is).
    pub rules: Vec<Rule>,
}

/// One rule of a binding: a test on the fact's value and the answer it gives.
#[derive(Debug, Clone, PartialEq)]
pub struct Rule {
    /// When the rule matches.
    pub test: Test,
    /// The answer it gives.
    pub answer: RuleAnswer,
}

/// A test on a fact's value.
#[derive(Debug, Clone, PartialEq)]
pub enum Test {
    /// Equal to a text (ignoring case and outer white space).
    Text(String),
    /// Equal to a number.
    Number(f64),
    /// Equal to true or false.
    Bool(bool),
    /// A number (or a list's length) within inclusive bounds.
    Range {
        /// Lower bound.
        min: Option<f64>,
        /// Upper bound.
        max: Option<f64>,
    },
}

/// The answer a rule gives, in the item's own terms.
#[derive(Debug, Clone, PartialEq)]
pub enum RuleAnswer {
    /// `yes_no`.
    Yes(bool),
    /// `scale`: a level index.
    Level(usize),
    /// `choice`: an option's label, as listed.
    Label(String),
}

/// Compares two labels or level texts as SPEC §2 does: ignoring case and surrounding white space.
pub fn same_label(a: &str, b: &str) -> bool {
    let (a, b) = (a.trim(), b.trim());
    if a.is_ascii() && b.is_ascii() {
        // The same answer without lowering two copies (every scale answer is matched so).
        return a.eq_ignore_ascii_case(b);
    }
    a.to_lowercase() == b.to_lowercase()
}

#[cfg(test)]
mod tests {
    use super::same_label;

    #[test]
    fn labels_match_ignoring_case_and_surrounding_space_in_any_script() {
        assert!(same_label("  Yes, in Writing ", "yes, in writing"));
        assert!(!same_label("Yes", "Yes, in writing"));
        assert!(same_label("Über-GPU", "über-gpu "));
        assert!(same_label("ΟΔΟΣ", "οδος"));
        assert!(!same_label("ΟΔΟΣ", "ODOS"));
    }
}
