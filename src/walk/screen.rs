//! What the walk shows for one item: progress, question, guidance, rubric, related facts and,
//! once this assessor has answered, the others' answers.

use super::session::Session;
use super::{ItemScreen, Options};
use crate::assessment::{Assessment, edit};
use crate::checklist::{Item, Kind};
use crate::facts::answer::derive;
use crate::markdown::terminal;
use crate::report::view::{fact_text, value_text};
use crate::show::{gate_text, number};
use crate::text::escape_control;

/// Builds the screen of an item, or `None` when the item no longer exists.
pub fn build<'s>(session: &'s Session, options: &Options, id: &str) -> Option<ItemScreen<'s>> {
    let checklist = &session.checklist;
    let item = checklist.item(id)?;
    let dimension = checklist.dimension_of(id)?;
    let shown = super::flow::sequence(
        checklist,
        &session.assessment,
        &session.by,
        &Options {
            unanswered: false,
            ..options.clone()
        },
        session.now(),
    );
    let position = |ids: &mut dyn Iterator<Item = &Item>| {
        let ids: Vec<&str> = ids.map(|i| i.id.as_str()).collect();
        (
            ids.iter().position(|i| *i == id).map_or(0, |p| p + 1),
            ids.len(),
        )
    };
    let in_dimension = position(
        &mut shown
            .iter()
            .copied()
            .filter(|i| dimension.items.iter().any(|d| d.id == i.id)),
    );
    let overall = position(&mut shown.iter().copied());
    let existing = edit::find(&session.assessment, id, &session.by);
    let others = if existing.is_some() || options.show_others {
        session
            .assessment
            .answers_to(id)
            .filter(|a| a.by != session.by)
            .collect()
    } else {
        Vec::new()
    };
    let facts = related_facts(&session.assessment, item);
    let suggestion = derive(item, &session.assessment.candidate.facts).ok();
    Some(ItemScreen {
        item,
        dimension,
        in_dimension,
        overall,
        existing,
        others,
        facts,
        suggestion,
        from_data: false,
    })
}

/// Facts whose key shares a word stem (5 characters) with the item's id or question.
pub fn related_facts(assessment: &Assessment, item: &Item) -> Vec<(String, String)> {
    let words: Vec<String> = format!("{} {}", item.id, item.question)
        .split(|c: char| !c.is_alphanumeric())
        .filter_map(stem)
        .collect();
    assessment
        .candidate
        .facts
        .iter()
        .filter(|(key, _)| {
            key.split(|c: char| !c.is_alphanumeric())
                .filter_map(stem)
                .any(|k| words.contains(&k))
        })
        .map(|(k, v)| (k.clone(), fact_text(v)))
        .collect()
}

/// A word's first 5 characters, lowercased; `None` for shorter words. (Characters, not bytes:
/// a byte slice of "éééééé" would split a character.)
fn stem(word: &str) -> Option<String> {
    (word.chars().count() >= 5).then(|| word.chars().take(5).collect::<String>().to_lowercase())
}

/// The progress line, e.g. "Safety and content policies 3/12 · overall 17/41".
pub fn progress(s: &ItemScreen<'_>) -> String {
    format!(
        "{} {}/{} · overall {}/{}",
        escape_control(&s.dimension.title),
        s.in_dimension.0,
        s.in_dimension.1,
        s.overall.0,
        s.overall.1
    )
}

/// The screen as text: progress, question, guidance, rubric, facts, others, wrapped to `width`.
pub fn render(s: &ItemScreen<'_>, width: usize) -> String {
    let mut out = format!("\n{}\n", progress(s));
    out.push_str(&wrap(
        &format!("[{}] {}", s.item.id, escape_control(&s.item.question)),
        width,
    ));
    if let Some(guidance) = &s.item.guidance {
        out.push('\n');
        out.push_str(&wrap(&terminal(guidance), width));
    }
    let rubric = rubric(s.item);
    if !rubric.is_empty() {
        out.push_str(&format!("\n{}\n", wrap(&rubric, width).trim_end()));
    }
    for (k, v) in &s.facts {
        out.push_str(&format!(
            "fact: {} = {}\n",
            escape_control(k),
            escape_control(v)
        ));
    }
    for a in &s.others {
        out.push_str(&format!(
            "{} answered {}\n",
            escape_control(&a.by),
            escape_control(&value_text(s.item, &a.value))
        ));
    }
    if let Some(d) = &s.suggestion {
        out.push_str(&wrap(
            &escape_control(&format!(
                "from data: {} ({})",
                d.shown,
                d.note.trim_start_matches(crate::facts::answer::NOTE_PREFIX)
            )),
            width,
        ));
    }
    if let Some(a) = s.existing {
        out.push_str(&format!(
            "your answer: {}\n",
            escape_control(&value_text(s.item, &a.value))
        ));
    }
    out
}

/// The rubric beside the prompt: what the list does not show (option descriptions; unit, best
/// and worst), then the gate and flags. Levels and labels are the list itself.
pub fn rubric(item: &Item) -> String {
    let mut lines = Vec::new();
    match &item.kind {
        Kind::YesNo | Kind::Scale { .. } => {}
        Kind::Choice { options } => lines.extend(options.iter().map(|o| {
            let description = o
                .description
                .as_deref()
                .map(|d| format!(": {}", escape_control(d)))
                .unwrap_or_default();
            format!(
                "  {} (score {}){description}",
                escape_control(&o.label),
                number(o.score)
            )
        })),
        Kind::Number { unit, best, worst } => lines.push(format!(
            "A number in {} (best {}, worst {}).",
            escape_control(unit),
            number(*best),
            number(*worst)
        )),
        Kind::Text => lines.push("Free text (not scored).".into()),
    }
    let mut flags = Vec::new();
    flags.extend(gate_text(item).map(|g| format!("gate: {g}")));
    if let Some(days) = item.max_age_days {
        flags.push(format!("stale after {days} days"));
    }
    if item.evidence_required {
        flags.push("evidence required".into());
    }
    if item.na_allowed {
        flags.push("N/A allowed".into());
    }
    if !flags.is_empty() {
        lines.push(format!("({})", flags.join(" · ")));
    }
    lines.join("\n")
}

/// Wraps text to `width` columns, keeping paragraphs.
pub fn wrap(text: &str, width: usize) -> String {
    let width = width.clamp(30, 120);
    let mut out = String::new();
    for paragraph in text.split('\n') {
        let mut line = String::new();
        for word in paragraph.split_whitespace() {
            if !line.is_empty() && line.chars().count() + 1 + word.chars().count() > width {
                out.push_str(&line);
                out.push('\n');
                line.clear();
            }
            if !line.is_empty() {
                line.push(' ');
            }
            line.push_str(word);
        }
        out.push_str(&line);
        out.push('\n');
    }
    out
}
