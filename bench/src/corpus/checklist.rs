//! The synthetic checklist: four dimensions, every item kind, gates of every kind, `when`
//! conditions on `choice` and `yes_no` controllers, stale ages, required evidence, N/A, and
//! Markdown guidance of the length real rubrics have. Generated from a seed, so the same size
//! always gives the same bytes.

use std::fmt::Write;

use fastrand::Rng;

use super::text::{array, float, prose, string};
use super::words::{
    DIMENSIONS, DimensionWords, GUIDANCE, LEVEL_SETS, OPTION_SETS, ROUTES, SETTINGS, STEMS, TEAMS,
    UNITS,
};

/// A checklist as the generator holds it.
pub struct Checklist {
    /// Kebab-case id.
    pub id: String,
    /// Semantic version.
    pub version: String,
    /// Dimensions in file order.
    pub dimensions: Vec<Dimension>,
}

/// One dimension.
pub struct Dimension {
    /// The dimension's words (id, title, topics).
    pub words: &'static DimensionWords,
    /// Its weight.
    pub weight: f64,
    /// Its items in order.
    pub items: Vec<Item>,
}

/// One item.
pub struct Item {
    /// Unique kebab-case id.
    pub id: String,
    /// The topic slug, for evidence paths.
    pub topic: &'static str,
    /// The question.
    pub question: String,
    /// Markdown guidance.
    pub guidance: String,
    /// How it is answered.
    pub kind: Kind,
    /// Weight, when not the default 1.
    pub weight: Option<u32>,
    /// The gate, if any.
    pub gate: Option<Gate>,
    /// The condition under which it applies, if any.
    pub when: Option<When>,
    /// Age after which an answer is stale.
    pub max_age_days: Option<u32>,
    /// `evidence = "required"`.
    pub evidence_required: bool,
    /// `na_allowed = true`.
    pub na_allowed: bool,
    /// Reference URLs.
    pub references: Vec<String>,
}

/// An item's kind and its rubric.
pub enum Kind {
    /// `yes_no`.
    YesNo,
    /// `scale` with levels worst to best.
    Scale(Vec<&'static str>),
    /// `choice` with its options.
    Choice(Vec<ChoiceOption>),
    /// `number` in a unit, scored from `worst` to `best`.
    Number {
        /// The unit.
        unit: &'static str,
        /// The best value.
        best: f64,
        /// The worst value.
        worst: f64,
        /// Whether answers are whole numbers.
        whole: bool,
    },
    /// `text`, not scored.
    Text,
}

/// One option of a `choice`.
pub struct ChoiceOption {
    /// Its label.
    pub label: &'static str,
    /// Its score.
    pub score: f64,
    /// Its description.
    pub description: &'static str,
}

/// A gate in the item's own terms.
pub enum Gate {
    /// `gate = true`.
    Yes,
    /// `gate = N`: at least level N.
    Level(usize),
    /// `gate = X`: option score at least X.
    Score(f64),
    /// `gate = { min = X }`.
    Min(f64),
    /// `gate = { max = X }`.
    Max(f64),
}

/// A `when` condition on an earlier item (its index in checklist order).
pub enum When {
    /// `when = { item, in = [labels] }` on a routing `choice`.
    In(usize, Vec<&'static str>),
    /// `when = { item, is = true }` on a `yes_no`.
    Is(usize, bool),
}

/// Every this-many items in a dimension, one is a `when` controller.
const CONTROLLER_EVERY: usize = 20;

impl Checklist {
    /// Every item in checklist order.
    pub fn items(&self) -> impl Iterator<Item = &Item> {
        self.dimensions.iter().flat_map(|d| d.items.iter())
    }
}

/// Generates a checklist of `items` items (a multiple of 4) in four dimensions.
pub fn generate(id: &str, items: usize, seed: u64) -> Checklist {
    let mut rng = Rng::with_seed(seed);
    let per = items / DIMENSIONS.len();
    let weights = [1.0, 1.0, 1.5, 0.5];
    let dimensions = DIMENSIONS
        .iter()
        .zip(weights)
        .enumerate()
        .map(|(d, (words, weight))| Dimension {
            words,
            weight,
            items: (0..per)
                .map(|j| item(&mut rng, words, d * per + j, j))
                .collect(),
        })
        .collect();
    Checklist {
        id: id.to_string(),
        version: "1.0.0".into(),
        dimensions,
    }
}

fn item(rng: &mut Rng, words: &'static DimensionWords, index: usize, j: usize) -> Item {
    let (topic, phrase) = words.topics[rng.usize(..words.topics.len())];
    let team = TEAMS[(index / 25) % TEAMS.len()];
    let setting = SETTINGS[rng.usize(..SETTINGS.len())];
    let stem = STEMS[rng.usize(..STEMS.len())];
    let mut item = Item {
        id: format!("{team}-{topic}-{index}"),
        topic,
        question: stem.replace("{}", &format!("{phrase} {setting}")),
        guidance: guidance(rng, phrase),
        kind: Kind::Text,
        weight: None,
        gate: None,
        when: None,
        max_age_days: None,
        evidence_required: false,
        na_allowed: false,
        references: Vec::new(),
    };
    let slot = j % CONTROLLER_EVERY;
    if slot == 0 {
        controller(rng, &mut item, (team, phrase, index), j / CONTROLLER_EVERY);
        return item;
    }
    item.kind = kind(rng);
    if slot <= 4 && rng.bool() {
        item.when = Some(when(rng, index - slot, j / CONTROLLER_EVERY));
    }
    if !matches!(item.kind, Kind::Text) {
        scored_extras(rng, &mut item);
    }
    if rng.f64() < 0.3 {
        item.references = (0..rng.usize(1..=2))
            .map(|k| format!("https://docs.example.com/model-adoption/{topic}#{k}"))
            .collect();
    }
    item
}

/// Controllers alternate: a weight-0 routing `choice`, then a `yes_no`.
fn controller(
    rng: &mut Rng,
    item: &mut Item,
    (team, phrase, index): (&str, &str, usize),
    nth: usize,
) {
    if nth.is_multiple_of(2) {
        item.id = format!("{team}-deploy-mode-{index}");
        item.question = format!(
            "How will you run the model {}: through a provider's API, on your own hardware, or both?",
            SETTINGS[rng.usize(..SETTINGS.len())]
        );
        item.kind = Kind::Choice(
            ROUTES
                .iter()
                .map(|label| ChoiceOption {
                    label,
                    score: 1.0,
                    description: "Routes the questions that follow.",
                })
                .collect(),
        );
        item.weight = Some(0);
    } else {
        item.id = format!("{team}-uses-{}-{index}", item.topic);
        item.question = format!("Does the product depend on {phrase}?");
        item.kind = Kind::YesNo;
    }
}

fn when(rng: &mut Rng, controller: usize, nth: usize) -> When {
    if nth.is_multiple_of(2) {
        let first = rng.usize(..ROUTES.len());
        let mut labels = vec![ROUTES[first]];
        if rng.bool() {
            labels.push(ROUTES[(first + 1) % ROUTES.len()]);
        }
        When::In(controller, labels)
    } else {
        When::Is(controller, true)
    }
}

fn kind(rng: &mut Rng) -> Kind {
    match rng.u32(..100) {
        0..45 => Kind::Scale(LEVEL_SETS[rng.usize(..LEVEL_SETS.len())].to_vec()),
        45..60 => Kind::YesNo,
        60..75 => Kind::Choice(
            OPTION_SETS[rng.usize(..OPTION_SETS.len())]
                .iter()
                .map(|&(label, score, description)| ChoiceOption {
                    label,
                    score,
                    description,
                })
                .collect(),
        ),
        75..92 => {
            let (unit, best, worst, whole) = UNITS[rng.usize(..UNITS.len())];
            Kind::Number {
                unit,
                best,
                worst,
                whole,
            }
        }
        _ => Kind::Text,
    }
}

fn scored_extras(rng: &mut Rng, item: &mut Item) {
    if rng.bool() {
        item.weight = Some(rng.u32(1..=5));
    }
    if rng.f64() < 0.06 {
        item.gate = Some(gate(&item.kind));
    }
    if rng.f64() < 0.35 {
        item.max_age_days = Some([30, 60, 90, 180, 365][rng.usize(..5)]);
    }
    item.evidence_required = rng.f64() < 0.15;
    item.na_allowed = rng.f64() < 0.15;
}

fn gate(kind: &Kind) -> Gate {
    match kind {
        Kind::YesNo => Gate::Yes,
        Kind::Scale(_) => Gate::Level(1),
        Kind::Choice(_) => Gate::Score(0.5),
        Kind::Number { best, worst, .. } if best < worst => {
            Gate::Max(tenth(worst - 0.2 * (worst - best)))
        }
        Kind::Number { best, worst, .. } => Gate::Min(tenth(worst + 0.2 * (best - worst))),
        Kind::Text => unreachable!("text items have no gate"),
    }
}

/// Rounded to one decimal, as a person writes a threshold.
pub fn tenth(x: f64) -> f64 {
    (x * 10.0).round() / 10.0
}

/// Three to five sentences of Markdown, wrapped at 100 columns like hand-written rubrics.
fn guidance(rng: &mut Rng, phrase: &str) -> String {
    let mut text = format!("This item is about {phrase}.");
    let mut list = false;
    for _ in 0..rng.usize(2..=4) {
        let sentence = GUIDANCE[rng.usize(..GUIDANCE.len())];
        let starts_list = sentence.starts_with('-');
        text.push_str(if list || starts_list { "\n\n" } else { " " });
        text.push_str(sentence);
        list = starts_list;
    }
    wrap(&text, 100)
}

fn wrap(text: &str, width: usize) -> String {
    let mut out = String::new();
    for line in text.split('\n') {
        let mut column = 0;
        for word in line.split(' ') {
            if column > 0 && column + 1 + word.len() > width {
                out.push('\n');
                column = 0;
            } else if column > 0 {
                out.push(' ');
                column += 1;
            }
            out.push_str(word);
            column += word.len();
        }
        out.push('\n');
    }
    out.pop();
    out
}

/// The checklist file's text.
pub fn render(c: &Checklist) -> String {
    let mut out = String::new();
    let _ = writeln!(out, "schema_version = 1\n\n[checklist]");
    let _ = writeln!(out, "id = {}", string(&c.id));
    let items = c.items().count();
    let _ = writeln!(
        out,
        "title = {}",
        string(&format!("Synthetic adoption checklist ({items} items)"))
    );
    let _ = writeln!(out, "version = {}", string(&c.version));
    let _ = writeln!(
        out,
        "description = {}",
        prose(
            "A benchmark corpus checklist: four dimensions, every item kind, gates, `when` conditions and stale ages,\nin the shape of a large organisation's checklist extended by several teams."
        )
    );
    out.push_str(
        "\n[readiness]\nready = 80\nconditional = 65\ndimension_floor = 60\ndisagreement = 0.5\n",
    );
    let ids: Vec<&str> = c.items().map(|i| i.id.as_str()).collect();
    for d in &c.dimensions {
        dimension(&mut out, &ids, d);
    }
    out
}

fn dimension(out: &mut String, ids: &[&str], d: &Dimension) {
    let _ = writeln!(out, "\n[[dimension]]");
    let _ = writeln!(out, "id = {}", string(d.words.id));
    let _ = writeln!(out, "title = {}", string(d.words.title));
    let _ = writeln!(out, "weight = {}", float(d.weight));
    let _ = writeln!(out, "description = {}", string(d.words.description));
    for item in &d.items {
        render_item(out, ids, item);
    }
}

fn render_item(out: &mut String, ids: &[&str], item: &Item) {
    let _ = writeln!(out, "\n[[dimension.item]]");
    let _ = writeln!(out, "id = {}", string(&item.id));
    let _ = writeln!(out, "question = {}", string(&item.question));
    let _ = writeln!(out, "guidance = {}", prose(&item.guidance));
    rubric(out, &item.kind);
    if let Some(w) = item.weight {
        let _ = writeln!(out, "weight = {w}");
    }
    if let Some(gate) = &item.gate {
        let _ = writeln!(out, "gate = {}", gate_text(gate));
    }
    if let Some(when) = &item.when {
        let _ = writeln!(out, "when = {}", when_text(ids, when));
    }
    if let Some(days) = item.max_age_days {
        let _ = writeln!(out, "max_age_days = {days}");
    }
    if item.evidence_required {
        let _ = writeln!(out, "evidence = \"required\"");
    }
    if item.na_allowed {
        let _ = writeln!(out, "na_allowed = true");
    }
    if !item.references.is_empty() {
        let _ = writeln!(out, "references = {}", array(&item.references));
    }
}

fn rubric(out: &mut String, kind: &Kind) {
    match kind {
        Kind::YesNo => out.push_str("kind = \"yes_no\"\n"),
        Kind::Scale(levels) => {
            out.push_str("kind = \"scale\"\nlevels = [\n");
            for level in levels {
                let _ = writeln!(out, "  {},", string(level));
            }
            out.push_str("]\n");
        }
        Kind::Choice(options) => {
            out.push_str("kind = \"choice\"\noptions = [\n");
            for o in options {
                let _ = writeln!(
                    out,
                    "  {{ label = {}, score = {}, description = {} }},",
                    string(o.label),
                    float(o.score),
                    string(o.description)
                );
            }
            out.push_str("]\n");
        }
        Kind::Number {
            unit, best, worst, ..
        } => {
            let _ = writeln!(
                out,
                "kind = \"number\"\nunit = {}\nbest = {}\nworst = {}",
                string(unit),
                float(*best),
                float(*worst)
            );
        }
        Kind::Text => out.push_str("kind = \"text\"\n"),
    }
}

fn gate_text(gate: &Gate) -> String {
    match gate {
        Gate::Yes => "true".into(),
        Gate::Level(n) => n.to_string(),
        Gate::Score(x) => float(*x),
        Gate::Min(x) => format!("{{ min = {} }}", float(*x)),
        Gate::Max(x) => format!("{{ max = {} }}", float(*x)),
    }
}

fn when_text(ids: &[&str], when: &When) -> String {
    let id = |index: usize| string(ids[index]);
    match when {
        When::In(item, labels) => {
            let labels: Vec<String> = labels.iter().map(|l| l.to_string()).collect();
            format!("{{ item = {}, in = {} }}", id(*item), array(&labels))
        }
        When::Is(item, value) => format!("{{ item = {}, is = {value} }}", id(*item)),
    }
}
