//! The HTML report: one self-contained page (inline CSS and SVG, no script, nothing loaded from
//! anywhere, a Content-Security-Policy that forbids it) for people who decide and never open a
//! terminal. Good on a laptop, on a phone and on paper.
//!
//! Rendering is minijinja over the templates in `templates/` (embedded with `include_str!`, so
//! the binary needs no files, and compiled only when an HTML page is asked for). Template names
//! end in `.html`, which turns autoescaping on: every string from a checklist or an assessment is
//! escaped. Pages share partials (the verdict badge, the charts, the heat map, an item card) as
//! macros, so other pages can be built from the same pieces.

pub mod context;
pub mod safe;

use minijinja::value::{Serde, Value};
use minijinja::{Environment, UndefinedBehavior, context};
use serde::Serialize;

use super::view::ReportView;

/// Every template, embedded: the layout, one template per page, and the partials.
const TEMPLATES: &[(&str, &str)] = &[
    ("layout.html", include_str!("../../templates/layout.html")),
    ("report.html", include_str!("../../templates/report.html")),
    (
        "partials/badge.html",
        include_str!("../../templates/partials/badge.html"),
    ),
    (
        "partials/bar_chart.html",
        include_str!("../../templates/partials/bar_chart.html"),
    ),
    (
        "partials/radar_chart.html",
        include_str!("../../templates/partials/radar_chart.html"),
    ),
    (
        "partials/heat_map.html",
        include_str!("../../templates/partials/heat_map.html"),
    ),
    (
        "partials/item_card.html",
        include_str!("../../templates/partials/item_card.html"),
    ),
];

/// The template environment: every template added (and so checked), autoescaping by file name,
/// undefined values an error rather than an empty string, and a `markdown` filter that renders
/// author Markdown through [`safe::markdown`].
pub fn environment() -> Result<Environment<'static>, minijinja::Error> {
    let mut env = Environment::new();
    env.set_undefined_behavior(UndefinedBehavior::Strict);
    env.add_filter("markdown", |source: Option<String>| {
        Value::from_safe_string(source.as_deref().map(safe::markdown).unwrap_or_default())
    });
    for (name, source) in TEMPLATES {
        env.add_template(name, source)?;
    }
    Ok(env)
}

/// Renders `page` with the template `name` (one of the page templates).
pub fn render_page<P: Serialize>(name: &str, page: &P) -> Result<String, minijinja::Error> {
    let env = environment()?;
    env.get_template(name)?
        .render(context! { page => Value::from(Serde(page)) })
}

/// Renders one readiness report as a self-contained HTML page.
pub fn render(view: &ReportView) -> Result<String, minijinja::Error> {
    render_page("report.html", &context::report_page(view))
}
