//! The end page: the team's readiness report as the assessment stands.
//!
//! A stand-in until the HTML report (`weigh report --format html`) is on this branch: the same
//! view-model, a minimal page.

use jiff::Timestamp;
use minijinja::context;
use serde::Serialize;

use crate::assessment::Assessment;
use crate::checklist::Checklist;
use crate::num::one_decimal;

#[derive(Debug, Serialize)]
struct ReportPage {
    candidate: String,
    checklist: String,
    verdict: &'static str,
    verdict_key: &'static str,
    reason: Option<String>,
    overall: String,
    coverage: String,
    dimensions: Vec<(String, String)>,
    actions: Vec<String>,
}

const TEMPLATE: &str = include_str!("../../templates/serve/report.html");

/// The readiness report of the assessment at `now`, as an HTML page.
pub fn html(
    checklist: &Checklist,
    assessment: &Assessment,
    now: Timestamp,
) -> Result<String, minijinja::Error> {
    let card = crate::score::score(checklist, assessment, now);
    let view = crate::report::view::build(checklist, assessment, &card);
    let page = ReportPage {
        candidate: view.candidate.name.clone(),
        checklist: format!("{} {}", view.checklist.title, view.checklist.version),
        verdict: view.verdict.label(),
        verdict_key: view.verdict.key(),
        reason: view.reason.clone(),
        overall: view.overall.map_or_else(|| "-".into(), one_decimal),
        coverage: format!("{}%", one_decimal(view.coverage * 100.0)),
        dimensions: view
            .dimensions
            .iter()
            .map(|d| {
                (
                    d.title.clone(),
                    d.score.map_or_else(|| "-".into(), one_decimal),
                )
            })
            .collect(),
        actions: view
            .shown_actions()
            .iter()
            .map(|a| a.text.clone())
            .collect(),
    };
    let mut env = super::pages::environment()?;
    env.add_template("serve/report.html", TEMPLATE)?;
    env.get_template("serve/report.html")?
        .render(context! { report => minijinja::Value::from(minijinja::value::Serde(&page)) })
}
