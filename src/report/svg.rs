//! Chart geometry for the HTML reports, built by hand and deterministic: the same data always
//! gives the same coordinates, written with one decimal.
//!
//! These functions only compute positions, sizes and shapes from plain data (labels and 0-100
//! scores); the templates under `templates/partials/` draw them as inline SVG, so every label
//! passes through the template's HTML escaping and no chart needs a script or a network request.

mod bar;
mod radar;

pub use bar::{Bar, BarChart, BarInput, Threshold, Tick, bar_chart};
pub use radar::{Axis, Radar, Ring, Series, radar};

/// A coordinate or length as SVG text: one decimal, never `-0.0`.
fn n(x: f64) -> String {
    let s = format!("{x:.1}");
    if s == "-0.0" { "0.0".into() } else { s }
}

/// Shortens a label for a chart to `max` characters, ending it with "…"; the full text stays in
/// the chart's tables and titles.
fn clip(label: &str, max: usize) -> String {
    if label.chars().count() <= max {
        return label.to_string();
    }
    let mut out: String = label.chars().take(max.saturating_sub(1)).collect();
    out.push('…');
    out
}

/// Breaks a label into at most `lines` lines of about `width` characters, at spaces; the last
/// line is clipped.
fn wrap(label: &str, width: usize, lines: usize) -> Vec<String> {
    let mut out: Vec<String> = Vec::new();
    let mut current = String::new();
    for word in label.split_whitespace() {
        let fits =
            current.is_empty() || current.chars().count() + 1 + word.chars().count() <= width;
        if !fits {
            out.push(std::mem::take(&mut current));
        }
        if !current.is_empty() {
            current.push(' ');
        }
        current.push_str(word);
    }
    if !current.is_empty() {
        out.push(current);
    }
    if out.len() > lines {
        let rest = out.split_off(lines - 1).join(" ");
        out.push(rest);
    }
    out.into_iter().map(|l| clip(&l, width + 4)).collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn long_labels_wrap_and_clip() {
        assert_eq!(
            wrap("Inference infrastructure availability", 22, 3),
            ["Inference", "infrastructure", "availability"]
        );
        assert_eq!(
            wrap("Safety and content policies", 22, 3),
            ["Safety and content", "policies"]
        );
        let long = wrap(&"word ".repeat(40), 22, 2);
        assert_eq!(long.len(), 2);
        assert!(long[1].ends_with('…'));
    }
}
