//! The terminal prompter: arrow-key selection (inquire) with the rubric visible, a validated
//! number prompt showing unit, best and worst, free text, and the navigation entries of SPEC §6
//! at the end of each list. Esc goes back; Ctrl-C stops the walk (everything is already saved).

use std::io::Write;

use inquire::error::InquireError;
use inquire::validator::Validation;
use inquire::{Select, Text};

use super::{Details, Input, ItemScreen, Prompter, Stop};
use crate::assessment::AnswerValue;
use crate::assessment::edit::parse_value;
use crate::checklist::Kind;
use crate::text::{escape_control, for_terminal};

const BACK: &str = "← back";
const SKIP: &str = "→ skip";
const NA: &str = "∅ not applicable";
const REFS: &str = "? references";
const QUIT: &str = "✓ save and quit";

/// Prompts on the terminal through inquire; the screen text goes to stderr.
#[derive(Debug, Default)]
pub struct TerminalPrompter;

impl TerminalPrompter {
    fn width() -> usize {
        crossterm::terminal::size()
            .map_or(80, |(w, _)| usize::from(w))
            .saturating_sub(2)
    }
}

impl Prompter for TerminalPrompter {
    fn item(&mut self, screen: &ItemScreen<'_>) -> Result<Input, Stop> {
        let mut err = std::io::stderr();
        let shown = super::screen::render(screen, Self::width());
        let _ = write!(err, "{}", for_terminal(&shown));
        match &screen.item.kind {
            Kind::YesNo => {
                let index = |v: &AnswerValue| match v {
                    AnswerValue::Bool(b) => Some(usize::from(!*b)),
                    _ => None,
                };
                select(
                    screen,
                    vec!["yes".into(), "no".into()],
                    Indexes::of(screen, index),
                    |i| AnswerValue::Bool(i == 0),
                )
            }
            Kind::Scale { levels } => {
                let labels = levels
                    .iter()
                    .enumerate()
                    .map(|(i, l)| format!("{i}: {}", escape_control(l)))
                    .collect();
                let index = |v: &AnswerValue| match v {
                    AnswerValue::Int(i) => usize::try_from(*i).ok(),
                    _ => None,
                };
                select(screen, labels, Indexes::of(screen, index), |i| {
                    AnswerValue::Int(i as i64)
                })
            }
            Kind::Choice { options } => {
                let labels = options.iter().map(|o| escape_control(&o.label)).collect();
                let chosen = |v: &AnswerValue| match v {
                    AnswerValue::Text(t) => options.iter().position(|o| o.label == *t),
                    _ => None,
                };
                select(screen, labels, Indexes::of(screen, chosen), |i| {
                    AnswerValue::Text(options[i].label.clone())
                })
            }
            Kind::Number { .. } | Kind::Text => typed(screen),
        }
    }

    fn details(&mut self, screen: &ItemScreen<'_>) -> Result<Details, Stop> {
        let from_data = screen.suggestion.as_ref().filter(|_| screen.from_data);
        // Text from the file is shown escaped, here as everywhere on the terminal; accepted as
        // shown, it is kept as written.
        let old_note = from_data
            .map(|d| d.note.clone())
            .or_else(|| screen.existing.and_then(|a| a.note.clone()))
            .unwrap_or_default();
        let shown_note = escape_control(&old_note);
        let mut note = Text::new("Note (optional):")
            .with_initial_value(&shown_note)
            .prompt()
            .map_err(stop)?;
        if note == shown_note {
            note = old_note;
        }
        let old_evidence = from_data
            .map(|d| d.evidence.join(" "))
            .or_else(|| screen.existing.map(|a| a.evidence.join(" ")))
            .unwrap_or_default();
        let label = if screen.item.evidence_required {
            "Evidence (required; URLs or paths, space-separated):"
        } else {
            "Evidence (optional; URLs or paths, space-separated):"
        };
        let shown_evidence = escape_control(&old_evidence);
        let mut evidence = Text::new(label)
            .with_initial_value(&shown_evidence)
            .prompt()
            .map_err(stop)?;
        if evidence == shown_evidence {
            evidence = old_evidence;
        }
        Ok(Details {
            note: Some(note).filter(|n| !n.trim().is_empty()),
            evidence: evidence.split_whitespace().map(str::to_string).collect(),
        })
    }

    fn evidence_again(&mut self, _screen: &ItemScreen<'_>) -> Result<Vec<String>, Stop> {
        let evidence =
            Text::new("This item requires evidence. Evidence (or Enter to save without):")
                .prompt()
                .map_err(stop)?;
        Ok(evidence.split_whitespace().map(str::to_string).collect())
    }

    fn message(&mut self, text: &str) {
        let _ = writeln!(std::io::stderr(), "{}", for_terminal(text));
    }
}

fn stop(e: InquireError) -> Stop {
    match e {
        InquireError::OperationInterrupted => Stop::Interrupted,
        other => Stop::Io(other.to_string()),
    }
}

/// Where the list's cursor starts: this assessor's answer, else the answer from data.
#[derive(Debug, Clone, Copy, Default)]
struct Indexes {
    current: Option<usize>,
    suggested: Option<usize>,
}

impl Indexes {
    fn of(screen: &ItemScreen<'_>, index: impl Fn(&AnswerValue) -> Option<usize>) -> Indexes {
        Indexes {
            current: screen.existing.and_then(|a| index(&a.value)),
            suggested: screen.suggestion.as_ref().and_then(|d| index(&d.value)),
        }
    }
}

/// A list of values followed by the navigation entries; Esc is back.
fn select(
    screen: &ItemScreen<'_>,
    mut labels: Vec<String>,
    indexes: Indexes,
    value: impl Fn(usize) -> AnswerValue,
) -> Result<Input, Stop> {
    let current = indexes.current;
    if let Some(label) = indexes.suggested.and_then(|i| labels.get_mut(i)) {
        label.push_str("  (from data)");
    }
    let values = labels.len();
    let mut navigation = vec![(BACK, Input::Back), (SKIP, Input::Skip)];
    if screen.item.na_allowed {
        navigation.push((NA, Input::Na));
    }
    navigation.extend([(REFS, Input::Refs), (QUIT, Input::Quit)]);
    labels.extend(navigation.iter().map(|(label, _)| (*label).to_string()));
    let start = current.or(indexes.suggested).or_else(|| {
        screen.existing.filter(|a| a.value.is_na()).and_then(|_| {
            navigation
                .iter()
                .position(|(_, i)| *i == Input::Na)
                .map(|p| values + p)
        })
    });
    let prompt = Select::new("Answer:", labels)
        .without_filtering()
        .with_page_size(12)
        .with_starting_cursor(start.unwrap_or(0));
    match prompt.raw_prompt() {
        Ok(choice) if choice.index < values => Ok(match current {
            Some(i) if i == choice.index => Input::Keep,
            _ => Input::Value(value(choice.index)),
        }),
        Ok(choice) => Ok(navigation
            .into_iter()
            .nth(choice.index - values)
            .map_or(Input::Skip, |(_, input)| input)),
        Err(InquireError::OperationCanceled) => Ok(Input::Back),
        Err(e) => Err(stop(e)),
    }
}

/// Number and text prompts: a value, or `:back`, `:skip`, `:na`, `:refs`, `:quit`.
fn typed(screen: &ItemScreen<'_>) -> Result<Input, Stop> {
    let item = screen.item.clone();
    let typed_text = |v: &AnswerValue| match v {
        AnswerValue::Int(i) => i.to_string(),
        AnswerValue::Float(f) => f.to_string(),
        AnswerValue::Text(t) => t.clone(),
        _ => String::new(),
    };
    let existing = screen
        .existing
        .filter(|a| !a.value.is_na())
        .map(|a| typed_text(&a.value));
    let initial = existing
        .clone()
        .or_else(|| screen.suggestion.as_ref().map(|d| typed_text(&d.value)));
    let validator = move |text: &str| {
        if text.trim().starts_with(':') || text.trim().is_empty() {
            return Ok(Validation::Valid);
        }
        Ok(match parse_value(&item, text) {
            Ok(_) => Validation::Valid,
            Err(why) => Validation::Invalid(escape_control(&why).into()),
        })
    };
    let help = match &screen.suggestion {
        Some(d) => format!(
            "from data: {}. Enter a value, or :back :skip :na :refs :quit",
            escape_control(&d.shown)
        ),
        None => "Enter a value, or :back :skip :na :refs :quit".into(),
    };
    let mut prompt = Text::new("Answer:")
        .with_help_message(&help)
        .with_validator(validator);
    let shown = initial.as_deref().map(escape_control);
    if let Some(shown) = shown.as_deref() {
        prompt = prompt.with_initial_value(shown);
    }
    let text = match prompt.prompt() {
        Ok(text)
            if existing.is_some()
                && shown.as_ref() == Some(&text)
                && existing != Some(text.clone()) =>
        {
            return Ok(Input::Keep); // accepted as shown (escaped): keep the answer as written
        }
        Ok(text) => text,
        Err(InquireError::OperationCanceled) => return Ok(Input::Back),
        Err(e) => return Err(stop(e)),
    };
    Ok(match text.trim() {
        "" | ":skip" => Input::Skip,
        ":back" => Input::Back,
        ":na" => Input::Na,
        ":refs" => Input::Refs,
        ":quit" => Input::Quit,
        value => match parse_value(screen.item, value) {
            Ok(v) if screen.existing.is_some_and(|a| a.value == v) => Input::Keep,
            Ok(v) => Input::Value(v),
            Err(_) => Input::Skip,
        },
    })
}
