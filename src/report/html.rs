//! The HTML report: one self-contained page (inline CSS and SVG, no script, nothing loaded from
//! anywhere, a Content-Security-Policy that forbids it) for people who decide and never open a
//! terminal. Good on a laptop, on a phone and on paper.
//!
//! Rendering is minijinja over the templates in `templates/` (embedded with `include_str!`, so
//! the binary needs no files, and compiled only when an HTML page is asked for). Template names
//! end in `.html`, which turns autoescaping on: every string from a checklist or an assessment is
//! escaped. Pages share partials (the verdict badge, the charts, the heat map, an item card) as
//! macros, so other pages can be built from the same pieces.

pub mod comparison;
pub mod context;
pub mod safe;

use minijinja::value::{Serde, Value};
use minijinja::{Environment, UndefinedBehavior, context};
use serde::Serialize;

use super::view::ReportView;
use crate::compare::{CompareView, Comparison};

/// Every template, embedded: the layout, one template per page, and the partials.
const TEMPLATES: &[(&str, &str)] = &[
    ("layout.html", include_str!("../../templates/layout.html")),
    ("report.html", include_str!("../../templates/report.html")),
    ("compare.html", include_str!("../../templates/compare.html")),
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

/// Renders `page` with the template `name` (one of the page templates). Characters a terminal
/// would act on are shown escaped (`\u{1b}`), as in every other format: the page may be printed
/// to a terminal, and HTML has no use for them (the templates hold none).
pub fn render_page<P: Serialize>(name: &str, page: &P) -> Result<String, minijinja::Error> {
    let env = environment()?;
    let html = env
        .get_template(name)?
        .render(context! { page => Value::from(Serde(page)) })?;
    Ok(crate::text::escape_control(&html))
}

/// Renders one readiness report as a self-contained HTML page.
pub fn render(view: &ReportView) -> Result<String, minijinja::Error> {
    render_page("report.html", &context::report_page(view))
}

/// Renders a comparison as a self-contained HTML page: `view` is built from `comparison`, with
/// item rows for the heat map.
pub fn render_compare(
    comparison: &Comparison,
    view: &CompareView,
) -> Result<String, minijinja::Error> {
    render_page("compare.html", &comparison::compare_page(comparison, view))
}

#[cfg(test)]
mod tests {
    use super::context::{HeatGroup, HeatMap, HeatRow, heat_band, heat_cell};
    use super::*;
    use crate::report::svg;

    /// Renders a test template that calls the radar and heat-map partials with plain data.
    fn partials(radar: &svg::Radar, heat: &HeatMap) -> String {
        let mut env = environment().expect("the templates compile");
        env.add_template(
            "partials-test.html",
            "{% from 'partials/radar_chart.html' import radar_chart %}\
             {% from 'partials/heat_map.html' import heat_map %}\
             {{ radar_chart(r) }}{{ heat_map(h) }}",
        )
        .unwrap();
        env.get_template("partials-test.html")
            .unwrap()
            .render(context! { r => Value::from(Serde(radar)), h => Value::from(Serde(heat)) })
            .expect("the partials render")
    }

    #[test]
    fn radar_and_heat_map_partials_draw_plain_data_and_escape_it() {
        let axes = vec!["Safety <b>".to_string(), "Cost".into(), "Speed".into()];
        let radar = svg::radar(
            &axes,
            &[
                ("A<script>".into(), vec![Some(50.0), Some(80.0), Some(20.0)]),
                ("B".into(), vec![Some(90.0), None, Some(60.0)]),
            ],
            Some(80.0),
        );
        let heat = HeatMap {
            columns: vec!["A<script>".into(), "B".into()],
            groups: vec![HeatGroup {
                title: "Safety <b>".into(),
                rows: vec![HeatRow {
                    id: "x".into(),
                    question: "Is it \"safe\"?".into(),
                    cells: vec![heat_cell(Some(0.0), ""), heat_cell(None, "N/A")],
                }],
            }],
        };
        let html = partials(&radar, &heat);
        assert_eq!(
            html.matches("<polygon points=").count(),
            2,
            "one per series"
        );
        assert!(html.contains(&radar.series[0].points));
        assert!(
            html.contains("stroke-dasharray=\"10 5\""),
            "the second series is dashed"
        );
        assert_eq!(html.matches("<li>").count(), 2, "a legend entry per series");
        assert!(html.contains("A&lt;script&gt;") && !html.contains("<script"));
        assert!(html.contains("Safety &lt;b&gt;") && !html.contains("<b>"));
        assert!(html.contains("<td class=\"heat-0\">0.0</td>"));
        assert!(html.contains("<td class=\"heat-none\">N&#x2f;A</td>"));
    }

    #[test]
    fn heat_bands_set_zero_and_full_marks_apart() {
        let bands: Vec<&str> = [
            Some(0.0),
            Some(10.0),
            Some(50.0),
            Some(79.9),
            Some(99.0),
            Some(100.0),
            None,
        ]
        .into_iter()
        .map(heat_band)
        .collect();
        assert_eq!(bands, ["0", "1", "2", "3", "4", "5", "none"]);
    }
}
