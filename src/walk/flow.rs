//! Which item comes next: the applicable items (given the answers so far), in checklist order,
//! filtered by `--dimension` and `--unanswered`; and the walk loop that drives a [`Prompter`].

use jiff::Timestamp;

use super::session::Session;
use super::{Details, Input, ItemScreen, Options, Outcome, Prompter, Stop};
use crate::assessment::{Answer, AnswerValue, Assessment, edit};
use crate::checklist::{Checklist, Item};
use crate::error::Error;

/// The items the walk shows now, in checklist order.
pub fn sequence<'c>(
    checklist: &'c Checklist,
    a: &Assessment,
    by: &str,
    options: &Options,
    now: Timestamp,
) -> Vec<&'c Item> {
    let card = crate::score::score(checklist, a, now);
    checklist
        .dimensions
        .iter()
        .filter(|d| options.dimension.as_deref().is_none_or(|id| id == d.id))
        .flat_map(|d| d.items.iter())
        .filter(|item| card.items.iter().any(|s| s.id == item.id && s.applicable))
        .filter(|item| !options.unanswered || edit::find(a, &item.id, by).is_none())
        .collect()
}

/// Where a walk starts: this assessor's first unanswered applicable item.
pub fn first(
    checklist: &Checklist,
    a: &Assessment,
    by: &str,
    options: &Options,
    now: Timestamp,
) -> Option<String> {
    sequence(checklist, a, by, options, now)
        .into_iter()
        .find(|i| edit::find(a, &i.id, by).is_none())
        .map(|i| i.id.clone())
}

/// The next shown item after `current` in checklist order.
pub fn next(
    checklist: &Checklist,
    a: &Assessment,
    by: &str,
    options: &Options,
    now: Timestamp,
    current: &str,
) -> Option<String> {
    let here = checklist.position(current)?;
    sequence(checklist, a, by, options, now)
        .into_iter()
        .find(|i| checklist.position(&i.id).is_some_and(|p| p > here))
        .map(|i| i.id.clone())
}

/// The previous shown item before `current`, or `current` itself at the start.
pub fn previous(
    checklist: &Checklist,
    a: &Assessment,
    by: &str,
    options: &Options,
    now: Timestamp,
    current: &str,
) -> String {
    let here = checklist.position(current).unwrap_or(0);
    sequence(checklist, a, by, options, now)
        .into_iter()
        .rev()
        .find(|i| checklist.position(&i.id).is_some_and(|p| p < here))
        .map_or_else(|| current.to_string(), |i| i.id.clone())
}

/// Runs the walk from this assessor's first unanswered applicable item to the end.
pub fn run(
    session: &mut Session,
    prompter: &mut dyn Prompter,
    options: &Options,
) -> Result<Outcome, Error> {
    let mut current = first(
        &session.checklist,
        &session.assessment,
        &session.by,
        options,
        session.now(),
    );
    while let Some(id) = current {
        let step = step(session, prompter, options, &id)?;
        current = match step {
            Step::Next => next(
                &session.checklist,
                &session.assessment,
                &session.by,
                options,
                session.now(),
                &id,
            ),
            Step::Back => Some(previous(
                &session.checklist,
                &session.assessment,
                &session.by,
                options,
                session.now(),
                &id,
            )),
            Step::Stay => Some(id),
            Step::Quit => return Ok(Outcome::Quit(id)),
            Step::Stopped(stop) => return Ok(Outcome::Stopped(stop, Some(id))),
        };
    }
    Ok(Outcome::Finished)
}

/// What one item's prompt leads to.
enum Step {
    Next,
    Back,
    Stay,
    Quit,
    Stopped(Stop),
}

fn step(
    session: &mut Session,
    prompter: &mut dyn Prompter,
    options: &Options,
    id: &str,
) -> Result<Step, Error> {
    let input = {
        let screen = super::screen::build(session, options, id);
        let Some(screen) = screen else {
            return Ok(Step::Next);
        };
        match prompter.item(&screen) {
            Ok(input) => input,
            Err(stop) => return Ok(Step::Stopped(stop)),
        }
    };
    match input {
        Input::Keep => Ok(Step::Next),
        Input::Skip => Ok(Step::Next),
        Input::Back => Ok(Step::Back),
        Input::Quit => Ok(Step::Quit),
        Input::Refs => {
            references(session, prompter, id);
            Ok(Step::Stay)
        }
        Input::Na => not_applicable(session, prompter, id),
        Input::Value(value) => answer(session, prompter, options, id, value),
    }
}

fn references(session: &Session, prompter: &mut dyn Prompter, id: &str) {
    let refs = session
        .checklist
        .item(id)
        .map(|i| i.references.clone())
        .unwrap_or_default();
    let text = if refs.is_empty() {
        "This item lists no references.".to_string()
    } else {
        format!("References:\n  {}", refs.join("\n  "))
    };
    prompter.message(&crate::text::escape_control(&text));
}

fn not_applicable(
    session: &mut Session,
    prompter: &mut dyn Prompter,
    id: &str,
) -> Result<Step, Error> {
    let allowed = session.checklist.item(id).is_some_and(|i| i.na_allowed);
    if !allowed {
        prompter.message("This item cannot be marked not applicable; answer it or skip it.");
        return Ok(Step::Stay);
    }
    if edit::find(&session.assessment, id, &session.by).is_some_and(|a| a.value.is_na()) {
        return Ok(Step::Next);
    }
    session.save(id, AnswerValue::Na, Details::default())?;
    Ok(Step::Next)
}

fn answer(
    session: &mut Session,
    prompter: &mut dyn Prompter,
    options: &Options,
    id: &str,
    value: AnswerValue,
) -> Result<Step, Error> {
    let unchanged =
        edit::find(&session.assessment, id, &session.by).is_some_and(|a| a.value == value);
    if unchanged {
        return Ok(Step::Next);
    }
    let (details, from_data) = {
        let Some(mut screen) = super::screen::build(session, options, id) else {
            return Ok(Step::Next);
        };
        let from_data = screen
            .suggestion
            .as_ref()
            .filter(|d| d.value == value)
            .map(|d| d.at);
        screen.from_data = from_data.is_some();
        match ask_details(prompter, &screen) {
            Ok(details) => (details, from_data),
            Err(stop) => return Ok(Step::Stopped(stop)),
        }
    };
    let at = from_data.unwrap_or_else(|| session.now());
    session.save_at(id, value, details, at)?;
    tell_others(session, prompter, id);
    Ok(Step::Next)
}

/// Note and evidence; evidence is asked again when required, and an answer refused twice is
/// saved anyway (it is then listed as `missing_evidence`).
fn ask_details(prompter: &mut dyn Prompter, screen: &ItemScreen<'_>) -> Result<Details, Stop> {
    let mut details = prompter.details(screen)?;
    if screen.item.evidence_required && details.evidence.is_empty() {
        details.evidence = prompter.evidence_again(screen)?;
        if details.evidence.is_empty() {
            prompter.message(
                "Saved without evidence: the report lists this answer as missing_evidence.",
            );
        }
    }
    Ok(details)
}

/// After an answer, other assessors' answers and any disagreement are shown at once.
fn tell_others(session: &Session, prompter: &mut dyn Prompter, id: &str) {
    let Some(item) = session.checklist.item(id) else {
        return;
    };
    let mine = edit::find(&session.assessment, id, &session.by);
    let others: Vec<&Answer> = session
        .assessment
        .answers_to(id)
        .filter(|a| a.by != session.by)
        .collect();
    if others.is_empty() {
        return;
    }
    let show = |a: &Answer| crate::report::view::value_text(item, &a.value);
    let theirs: Vec<String> = others
        .iter()
        .map(|a| format!("{} chose {}", a.by, show(a)))
        .collect();
    let yours = mine
        .map(|a| format!("; you chose {}", show(a)))
        .unwrap_or_default();
    let card = crate::score::score(&session.checklist, &session.assessment, session.now());
    let disagree = card.items.iter().any(|s| s.id == id && s.disagreement);
    let lead = if disagree { "Disagreement: " } else { "" };
    prompter.message(&crate::text::escape_control(&format!(
        "{lead}{}{yours}",
        theirs.join("; ")
    )));
}
