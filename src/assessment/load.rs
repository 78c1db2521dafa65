//! Reading an assessment file: TOML syntax, structure (schema-driven), then meaning, including
//! whether each answer fits the loaded checklist (SPEC §3, "Fitting the checklist").

use std::collections::BTreeMap;
use std::ops::Range;

use jiff::Timestamp;
use toml::Spanned;
use toml::de::{DeTable, DeValue};
use toml::value::Datetime;

use super::file::{AnswerFile, AssessmentFile, CandidateFile};
use super::model::{Answer, AnswerValue, Assessment, Candidate, Fact, FactValue, Scalar};
use crate::checklist::model::same_label;
use crate::checklist::{Checklist, Item, Kind};
use crate::diag::Diagnostic;
use crate::idmap::IdMap;
use crate::schema::SchemaKind;
use crate::text::{did_you_mean, one_of};

/// Parses the text into the raw file types, reporting syntax and structural problems.
pub fn parse_file(text: &str) -> (Option<AssessmentFile>, Vec<Diagnostic>) {
    let (mut doc, errors) = DeTable::parse_recoverable(text);
    let mut problems = crate::checklist::syntax_errors(text, &errors);
    if !problems.is_empty() {
        return (None, problems);
    }
    problems.extend(crate::tomlcheck::check(&mut doc, SchemaKind::Assessment));
    let taken = take_answers(&mut doc);
    match serde::Deserialize::deserialize(toml::de::Deserializer::from(doc)) {
        Ok(file) => {
            let file: AssessmentFile = file;
            let answers = taken.or(file.answers);
            (Some(AssessmentFile { answers, ..file }), problems)
        }
        Err(e) => {
            let d = Diagnostic::error("invalid-structure", e.message().trim().to_string())
                .help("compare the file with `weigh schema assessment`");
            problems.push(match e.span() {
                Some(span) => d.at(span),
                None => d,
            });
            (None, problems)
        }
    }
}

/// The `answer` blocks, taken out of `doc` when all of them convert directly
/// ([`super::direct`]); otherwise `None` and `doc` keeps them for serde.
fn take_answers(doc: &mut Spanned<DeTable<'_>>) -> Option<Vec<Spanned<AnswerFile>>> {
    let answers = match doc.get_ref().get("answer").map(Spanned::get_ref) {
        Some(DeValue::Array(array)) => super::direct::answers(array)?,
        _ => return None,
    };
    doc.get_mut().remove("answer");
    Some(answers)
}

/// The checklist id the file names, if it names one.
pub fn checklist_id(file: &AssessmentFile) -> Option<&str> {
    let meta = file.assessment.as_ref()?.get_ref();
    meta.checklist.as_ref().map(|c| c.get_ref().as_str())
}

/// The file's `assessment.checklist` when it is not a checklist id: the value is an id, never a
/// path, so weigh does not open whatever file it names.
pub fn not_an_id(file: &AssessmentFile) -> Option<Diagnostic> {
    let meta = file.assessment.as_ref()?.get_ref();
    let id = meta.checklist.as_ref()?;
    if crate::checklist::validate::is_kebab_id(id.get_ref()) {
        return None;
    }
    Some(
        Diagnostic::error(
            "invalid-checklist-id",
            "`assessment.checklist` must be a checklist id, not a path or other text",
        )
        .at(id.span())
        .label("not a kebab-case checklist id")
        .help("write the checklist's id (e.g. \"open-weight-adoption\"); to use a checklist file, pass --checklist PATH"),
    )
}

/// Builds the assessment from a structurally checked file and the checklist it names.
pub fn validate(
    file: &AssessmentFile,
    checklist: &Checklist,
) -> (Option<Assessment>, Vec<Diagnostic>) {
    let mut v = Validator::default();
    v.schema_version(file);
    let meta = file.assessment.as_ref().and_then(|m| v.meta(m, checklist));
    let candidate = file
        .candidate
        .as_ref()
        .and_then(|c| v.candidate(c.get_ref()));
    let drifted = meta
        .as_ref()
        .is_some_and(|m| m.2.as_ref().is_some_and(|d| *d != checklist.digest));
    let (answers, unfit) = v.answers(file, checklist, drifted);
    if drifted && let Some((_, version, _, _)) = &meta {
        v.drift_warning(version, checklist, &answers, &unfit);
    }
    if v.problems.iter().any(Diagnostic::is_error) {
        return (None, v.sorted());
    }
    let (Some((id, version, digest, created)), Some(candidate)) = (meta, candidate) else {
        return (None, v.sorted());
    };
    let assessment = Assessment {
        checklist: id,
        checklist_version: version,
        checklist_digest: digest,
        created,
        candidate,
        answers,
        unfit,
    };
    (Some(assessment), v.sorted())
}

/// Sorts answers as the canonical form does: checklist order, then assessor by code point.
/// Each answer's position is looked up once, not at every comparison.
pub fn canonical_order(answers: Vec<Answer>, checklist: &Checklist) -> Vec<Answer> {
    let mut keyed: Vec<(usize, Answer)> = answers
        .into_iter()
        .map(|a| (checklist.position(&a.item).unwrap_or(usize::MAX), a))
        .collect();
    keyed.sort_by(|(pa, a), (pb, b)| pa.cmp(pb).then_with(|| a.by.cmp(&b.by)));
    keyed.into_iter().map(|(_, a)| a).collect()
}

/// Spans of comments other than a `#:schema` first line (weigh does not keep them).
pub fn comments(text: &str) -> Vec<Range<usize>> {
    toml_parser::Source::new(text)
        .lex()
        .filter(|t| t.kind() == toml_parser::lexer::TokenKind::Comment)
        .map(|t| t.span().start()..t.span().end())
        .filter(|span| !(span.start == 0 && text[span.clone()].starts_with("#:schema")))
        .collect()
}

type Meta = (String, String, Option<String>, Timestamp);

#[derive(Default)]
struct Validator {
    problems: Vec<Diagnostic>,
}

impl Validator {
    fn sorted(mut self) -> Vec<Diagnostic> {
        self.problems
            .sort_by_key(|d| d.span.as_ref().map_or(0, |s| s.start));
        self.problems
    }

    fn schema_version(&mut self, file: &AssessmentFile) {
        if let Some(v) = &file.schema_version
            && *v.get_ref() != 1
        {
            self.problems.push(
                Diagnostic::error(
                    "unsupported-schema-version",
                    format!("schema_version {} is not supported", v.get_ref()),
                )
                .at(v.span())
                .label("this weigh reads schema_version 1")
                .help("upgrade weigh"),
            );
        }
    }

    fn meta(
        &mut self,
        meta: &Spanned<super::file::MetaFile>,
        checklist: &Checklist,
    ) -> Option<Meta> {
        let m = meta.get_ref();
        let id = m.checklist.as_ref()?;
        if *id.get_ref() != checklist.id {
            self.problems.push(
                Diagnostic::error(
                    "checklist-mismatch",
                    format!(
                        "this assessment is for checklist `{}`, not `{}`",
                        id.get_ref(),
                        checklist.id
                    ),
                )
                .at(id.span())
                .label("the file's checklist")
                .help(format!(
                    "pass --checklist with the file's checklist, `{}`",
                    id.get_ref()
                )),
            );
        }
        let created = m
            .created
            .as_ref()
            .and_then(|c| self.timestamp(c, "created"));
        Some((
            id.get_ref().clone(),
            m.checklist_version.as_ref()?.get_ref().clone(),
            m.checklist_digest.as_ref().map(|d| d.get_ref().clone()),
            created?,
        ))
    }

    fn timestamp(&mut self, dt: &Spanned<Datetime>, key: &str) -> Option<Timestamp> {
        let value = dt.get_ref();
        if value.offset.is_none() || value.date.is_none() || value.time.is_none() {
            self.problems.push(
                Diagnostic::error("local-datetime", format!("`{key}` has no time-zone offset"))
                    .at(dt.span())
                    .label("a local date or time is ambiguous")
                    .help("add Z (UTC) or an offset, e.g. 2026-11-28T20:05:00Z"),
            );
            return None;
        }
        if let Some(t) = exact(value).filter(|t| crate::clock::writable(*t)) {
            return Some(t);
        }
        let exists = value.date.is_some_and(|d| {
            jiff::civil::Date::new(d.year as i16, d.month as i8, d.day as i8).is_ok()
        });
        match value.to_string().parse::<Timestamp>() {
            Ok(t) if crate::clock::writable(t) => Some(t),
            Err(e) if !exists => {
                self.problems.push(
                    Diagnostic::error(
                        "invalid-datetime",
                        format!("`{key}` is not a valid date-time: {e}"),
                    )
                    .at(dt.span())
                    .help("write an RFC 3339 date-time such as 2026-11-28T20:05:00Z"),
                );
                None
            }
            _ => {
                self.problems.push(
                    Diagnostic::error(
                        "datetime-out-of-range",
                        format!("`{key}` is outside the times weigh can record"),
                    )
                    .at(dt.span())
                    .label(format!(
                        "not from {} to {}",
                        crate::clock::EARLIEST,
                        crate::clock::LATEST
                    ))
                    .help("write a time within that range (in UTC), e.g. 2026-11-28T20:05:00Z"),
                );
                None
            }
        }
    }

    fn candidate(&mut self, c: &CandidateFile) -> Option<Candidate> {
        let name = c.name.as_ref()?;
        let name = self.name(name, "candidate.name")?;
        let facts = c
            .facts
            .as_ref()
            .map(|f| self.facts(f.get_ref()))
            .unwrap_or_default();
        Some(Candidate {
            name,
            model: c
                .model
                .as_ref()
                .map(|m| m.get_ref().clone())
                .filter(|m| !m.is_empty()),
            revision: c
                .revision
                .as_ref()
                .map(|r| r.get_ref().clone())
                .filter(|r| !r.is_empty()),
            facts,
        })
    }

    /// A name: non-empty after trimming, no control characters.
    fn name(&mut self, name: &Spanned<String>, key: &str) -> Option<String> {
        let trimmed = name.get_ref().trim();
        let problem = if trimmed.is_empty() {
            Some("is empty")
        } else if trimmed.chars().any(char::is_control) {
            Some("contains control characters")
        } else {
            None
        };
        match problem {
            Some(problem) => {
                self.problems.push(
                    Diagnostic::error("invalid-name", format!("`{key}` {problem}"))
                        .at(name.span())
                        .help("write a name on one line, without control characters"),
                );
                None
            }
            None => Some(trimmed.to_string()),
        }
    }

    fn answers(
        &mut self,
        file: &AssessmentFile,
        checklist: &Checklist,
        drifted: bool,
    ) -> (Vec<Answer>, Vec<Answer>) {
        let raws = file.answers.as_deref().unwrap_or_default();
        // Each (item, assessor) once, keyed by the file's own strings: the assessor as
        // `name` keeps it (trimmed), so two spellings of one name are one assessor.
        let mut slot: IdMap<(&str, &str), usize> = crate::idmap::with_capacity(raws.len());
        let mut fit: Vec<Answer> = Vec::with_capacity(raws.len());
        let mut unfit = Vec::new();
        for raw in raws {
            let Some((answer, fits)) = self.answer(raw.get_ref(), checklist, drifted) else {
                continue;
            };
            if !fits {
                unfit.push(answer);
                continue;
            }
            let a = raw.get_ref();
            let (Some(item), Some(by)) = (&a.item, &a.by) else {
                continue;
            };
            let key = (item.get_ref().as_str(), by.get_ref().trim());
            match slot.get(&key) {
                Some(&at) => {
                    let earlier = &fit[at];
                    self.duplicate(raw.span(), &answer, earlier);
                    if earlier.at <= answer.at {
                        fit[at] = answer;
                    }
                }
                None => {
                    slot.insert(key, fit.len());
                    fit.push(answer);
                }
            }
        }
        (canonical_order(fit, checklist), unfit)
    }

    fn duplicate(&mut self, span: Range<usize>, answer: &Answer, earlier: &Answer) {
        let kept = if earlier.at > answer.at {
            "the earlier block, which is newer"
        } else {
            "this block, the newer one"
        };
        self.problems.push(
            Diagnostic::warning(
                "duplicate-answer",
                format!("two answers to `{}` by {}", answer.item, answer.by),
            )
            .at(span.start..span.start)
            .label("another block answers the same item as the same assessor")
            .help(format!("weigh keeps {kept}; `weigh fmt` removes the other")),
        );
    }

    /// Converts one answer; `None` when it is broken whatever the checklist. The bool says
    /// whether it fits the checklist; when the checklist has not drifted a misfit is an error.
    fn answer(
        &mut self,
        a: &AnswerFile,
        checklist: &Checklist,
        drifted: bool,
    ) -> Option<(Answer, bool)> {
        let item_id = a.item.as_ref()?;
        let by = self.name(a.by.as_ref()?, "by");
        let at = a.at.as_ref().and_then(|at| self.timestamp(at, "at"));
        let value = self.presence(a)?;
        let mut misfits = Vec::new();
        let converted = match checklist.item(item_id.get_ref()) {
            None => {
                misfits.push(unknown_item(item_id, checklist));
                raw_value(&value)
            }
            Some(item) => fit_value(item, &value, drifted, &mut misfits),
        };
        let answer = Answer {
            item: item_id.get_ref().clone(),
            by: by?,
            value: converted,
            at: at?,
            note: a
                .note
                .as_ref()
                .map(|n| n.get_ref().clone())
                .filter(|n| !n.is_empty()),
            evidence: a
                .evidence
                .iter()
                .flat_map(|e| e.get_ref())
                .map(|e| e.get_ref().clone())
                .filter(|e| !e.is_empty())
                .collect(),
        };
        let fits = misfits.is_empty();
        if !drifted {
            self.problems.extend(misfits);
        }
        Some((answer, fits))
    }

    /// Exactly one of `value` and `na = true`.
    fn presence(&mut self, a: &AnswerFile) -> Option<Presence> {
        let na = a.na.as_ref().filter(|n| *n.get_ref());
        match (&a.value, na) {
            (Some(v), None) => Some(Presence::Value(v.clone())),
            (None, Some(n)) => Some(Presence::Na(n.span())),
            (Some(v), Some(_)) => {
                self.problems.push(
                    Diagnostic::error("value-and-na", "an answer has both `value` and `na = true`")
                        .at(v.span())
                        .label("choose one")
                        .help("remove `value` if the item does not apply, or `na` if it does"),
                );
                None
            }
            (None, None) => {
                let span = a.item.as_ref().map_or(0..0, Spanned::span);
                self.problems.push(
                    Diagnostic::error(
                        "missing-value",
                        "an answer has neither `value` nor `na = true`",
                    )
                    .at(span)
                    .label("this answer has no value")
                    .help("add `value = …`, or `na = true` if the item does not apply"),
                );
                None
            }
        }
    }

    fn drift_warning(
        &mut self,
        version: &str,
        checklist: &Checklist,
        answers: &[Answer],
        unfit: &[Answer],
    ) {
        let answered: crate::idmap::IdSet<&str> = answers.iter().map(|a| a.item.as_str()).collect();
        let unanswered = checklist
            .items()
            .filter(|i| i.is_scored() && !answered.contains(i.id.as_str()))
            .count();
        let ignored = if unfit.is_empty() {
            "every answer still fits".to_string()
        } else {
            let items: Vec<&str> = unfit.iter().map(|a| a.item.as_str()).collect();
            format!(
                "{} answer(s) no longer fit and are ignored ({})",
                unfit.len(),
                items.join(", ")
            )
        };
        self.problems.push(
            Diagnostic::warning("checklist-changed", format!("the checklist changed from version {version} to {} since this file was written; {ignored}; {unanswered} item(s) have no answers", checklist.version))
                .help("answer the new items; answers that no longer fit are kept in the file unchanged"),
        );
    }
}

enum Presence {
    Value(Spanned<toml::Value>),
    Na(Range<usize>),
}

/// A complete, valid date-time with an offset, converted field by field: what printing it and
/// parsing the text back gives, without the text (every answer has a time, and the round trip
/// cost a tenth of `compare`). Anything unusual (a leap second, no seconds) is `None` and goes
/// the long way, with its diagnostics.
fn exact(value: &Datetime) -> Option<Timestamp> {
    let (d, t) = (value.date?, value.time?);
    let date = jiff::civil::Date::new(
        i16::try_from(d.year).ok()?,
        i8::try_from(d.month).ok()?,
        i8::try_from(d.day).ok()?,
    )
    .ok()?;
    let time = jiff::civil::Time::new(
        i8::try_from(t.hour).ok()?,
        i8::try_from(t.minute).ok()?,
        i8::try_from(t.second?).ok()?,
        i32::try_from(t.nanosecond.unwrap_or(0)).ok()?,
    )
    .ok()?;
    let offset = match value.offset? {
        toml::value::Offset::Z => jiff::tz::Offset::UTC,
        toml::value::Offset::Custom { minutes } => {
            jiff::tz::Offset::from_seconds(i32::from(minutes) * 60).ok()?
        }
    };
    offset.to_timestamp(date.to_datetime(time)).ok()
}

fn unknown_item(id: &Spanned<String>, checklist: &Checklist) -> Diagnostic {
    let help = did_you_mean(id.get_ref(), checklist.items().map(|i| i.id.as_str()))
        .unwrap_or_else(|| format!("`weigh checklist show {}` lists the items", checklist.id));
    Diagnostic::error(
        "unknown-item",
        format!(
            "checklist `{}` has no item `{}`",
            checklist.id,
            id.get_ref()
        ),
    )
    .at(id.span())
    .label("no such item")
    .help(help)
}

/// A value kept as written, for answers that do not fit (they are written back unchanged).
fn raw_value(value: &Presence) -> AnswerValue {
    match value {
        Presence::Na(_) => AnswerValue::Na,
        Presence::Value(v) => match v.get_ref() {
            toml::Value::Boolean(b) => AnswerValue::Bool(*b),
            toml::Value::Integer(i) => AnswerValue::Int(*i),
            toml::Value::Float(f) => AnswerValue::Float(*f),
            toml::Value::String(s) => AnswerValue::Text(s.clone()),
            other => AnswerValue::Text(other.to_string()),
        },
    }
}

/// Converts a value for an item, pushing a diagnostic for each way it does not fit.
/// `drifted`: the file was written against another version of the checklist, so a scale index
/// may point at a level that has moved and is not trusted.
fn fit_value(
    item: &Item,
    value: &Presence,
    drifted: bool,
    misfits: &mut Vec<Diagnostic>,
) -> AnswerValue {
    let v = match value {
        Presence::Na(span) => {
            if !item.na_allowed {
                misfits.push(
                    Diagnostic::error(
                        "na-not-allowed",
                        format!("`{}` cannot be not applicable", item.id),
                    )
                    .at(span.clone())
                    .label("na_allowed is false for this item")
                    .help(format!("answer it: {}", accepts(item))),
                );
            }
            return AnswerValue::Na;
        }
        Presence::Value(v) => v,
    };
    match convert(item, v.get_ref(), drifted) {
        Ok(converted) => converted,
        Err((code, message)) => {
            misfits.push(
                Diagnostic::error(code, message)
                    .at(v.span())
                    .label(format!("expected {}", accepts(item)))
                    .help(format!("`{}` accepts {}", item.id, accepts(item))),
            );
            raw_value(value)
        }
    }
}

fn convert(
    item: &Item,
    v: &toml::Value,
    drifted: bool,
) -> Result<AnswerValue, (&'static str, String)> {
    let wrong = || {
        (
            "wrong-value-type",
            format!(
                "`{}` is a {} item; this value is {}",
                item.id,
                item.kind.name(),
                v.type_str()
            ),
        )
    };
    match (&item.kind, v) {
        (Kind::YesNo, toml::Value::Boolean(b)) => Ok(AnswerValue::Bool(*b)),
        (Kind::Scale { .. }, toml::Value::Integer(i)) if drifted => Err((
            "index-after-change",
            format!(
                "level {i} of `{}` was written as an index against another version of the checklist",
                item.id
            ),
        )),
        (Kind::Scale { levels }, toml::Value::String(s)) => levels
            .iter()
            .position(|l| same_label(l, s))
            .map(|i| AnswerValue::Int(i as i64))
            .ok_or_else(|| {
                (
                    "unknown-level",
                    format!("`{}` has no level \"{s}\"", item.id),
                )
            }),
        (Kind::Scale { levels }, toml::Value::Integer(i)) => {
            if usize::try_from(*i).is_ok_and(|l| l < levels.len()) {
                Ok(AnswerValue::Int(*i))
            } else {
                Err((
                    "level-out-of-range",
                    format!(
                        "level {i} does not exist; `{}` has levels 0 to {}",
                        item.id,
                        levels.len() - 1
                    ),
                ))
            }
        }
        (Kind::Choice { options }, toml::Value::String(s)) => options
            .iter()
            .find(|o| same_label(&o.label, s))
            .map(|o| AnswerValue::Text(o.label.clone()))
            .ok_or_else(|| {
                (
                    "unknown-label",
                    format!("`{}` has no option \"{s}\"", item.id),
                )
            }),
        (Kind::Number { .. }, toml::Value::Integer(i)) => Ok(AnswerValue::Int(*i)),
        (Kind::Number { .. }, toml::Value::Float(f)) if f.is_finite() => Ok(AnswerValue::Float(*f)),
        (Kind::Number { .. }, toml::Value::Float(_)) => {
            Err(("not-finite", format!("`{}` needs a finite number", item.id)))
        }
        (Kind::Text, toml::Value::String(s)) if !s.trim().is_empty() => {
            Ok(AnswerValue::Text(s.clone()))
        }
        (Kind::Text, toml::Value::String(_)) => Err((
            "empty-text",
            format!("the answer to `{}` is empty", item.id),
        )),
        _ => Err(wrong()),
    }
}

/// What an item accepts, for error messages: levels, labels, unit and range.
pub fn accepts(item: &Item) -> String {
    match &item.kind {
        Kind::YesNo => "yes or no (true or false)".into(),
        Kind::Scale { levels } => {
            let listed: Vec<String> = levels
                .iter()
                .enumerate()
                .map(|(i, l)| format!("{i} = {l}"))
                .collect();
            format!(
                "a level's text (or its 0-based index): {}",
                listed.join("; ")
            )
        }
        Kind::Choice { options } => {
            let labels: Vec<&str> = options.iter().map(|o| o.label.as_str()).collect();
            format!("one of {}", one_of(&labels))
        }
        Kind::Number { unit, best, worst } => {
            format!("a number in {unit} (best {best}, worst {worst})")
        }
        Kind::Text => "any non-empty text".into(),
    }
}

impl Validator {
    /// Facts in either form: `{ value, source, as_of }` (SPEC §3) or a bare value (older files).
    fn facts(&mut self, table: &BTreeMap<String, Spanned<toml::Value>>) -> BTreeMap<String, Fact> {
        table
            .iter()
            .filter_map(|(k, v)| self.fact(k, v).map(|f| (k.clone(), f)))
            .collect()
    }

    fn fact(&mut self, key: &str, v: &Spanned<toml::Value>) -> Option<Fact> {
        let toml::Value::Table(t) = v.get_ref() else {
            return fact_value(v.get_ref()).map(Fact::bare);
        };
        let as_of = match t.get("as_of") {
            Some(toml::Value::Datetime(d)) => {
                let spanned = Spanned::new(v.span(), *d);
                Some(self.timestamp(&spanned, &format!("candidate.facts.\"{key}\".as_of"))?)
            }
            _ => None,
        };
        Some(Fact {
            value: t.get("value").and_then(fact_value)?,
            source: t
                .get("source")
                .and_then(toml::Value::as_str)
                .map(str::to_string),
            as_of,
        })
    }
}

fn fact_value(v: &toml::Value) -> Option<FactValue> {
    match v {
        toml::Value::Array(items) => {
            Some(FactValue::List(items.iter().filter_map(scalar).collect()))
        }
        other => scalar(other).map(FactValue::Scalar),
    }
}

fn scalar(v: &toml::Value) -> Option<Scalar> {
    Some(match v {
        toml::Value::Boolean(b) => Scalar::Bool(*b),
        toml::Value::Integer(i) => Scalar::Int(*i),
        toml::Value::Float(f) => Scalar::Float(*f),
        toml::Value::String(s) => Scalar::Text(s.clone()),
        toml::Value::Datetime(d) => Scalar::Datetime(d.to_string()),
        _ => return None,
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Every date-time the field-by-field conversion takes gives the instant the printed text
    /// parses to: offsets, fractions, month ends, leap days, the ends of the writable range.
    #[test]
    fn a_date_time_converted_by_fields_is_the_instant_its_text_names() {
        let dates = [
            "0000-01-01",
            "1970-01-01",
            "2024-02-29",
            "2026-11-28",
            "2026-12-31",
            "9999-12-31",
        ];
        let times = [
            "00:00:00",
            "20:05:00",
            "23:59:59",
            "12:30:45.5",
            "08:00:00.000000001",
        ];
        let offsets = [
            "Z", "+00:00", "-00:00", "+05:30", "-08:00", "+23:59", "-23:59",
        ];
        let mut converted = 0;
        for date in dates {
            for time in times {
                for offset in offsets {
                    let text = format!("{date}T{time}{offset}");
                    let value: Datetime = text.parse().expect("a TOML date-time");
                    let by_text = value.to_string().parse::<Timestamp>().ok();
                    assert_eq!(exact(&value), by_text, "{text}");
                    converted += usize::from(by_text.is_some());
                }
            }
        }
        // All but some of 9999-12-31, past the last instant jiff represents.
        assert!(converted >= (dates.len() - 1) * times.len() * offsets.len());
    }

    #[test]
    fn unusual_date_times_go_the_long_way() {
        for text in [
            "2026-06-30T23:59:60Z",
            "2026-11-28T20:05Z",
            "2026-11-28T20:05:00",
        ] {
            let value: Datetime = text.parse().expect("a TOML date-time");
            assert_eq!(exact(&value), None, "{text}");
        }
    }
}
