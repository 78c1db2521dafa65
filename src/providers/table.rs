//! `weigh providers` for a terminal: one row per provider entry, variants and unlinked entries
//! apart, then the summary. Text from the database goes through `escape_control`.

use std::fmt::Write;

use comfy_table::{ContentArrangement, Table, presets::UTF8_FULL_CONDENSED};

use super::{Availability, Offer, Stats};
use crate::facts::table::thousands;
use crate::text::escape_control;

/// Renders who serves the model.
pub fn render(a: &Availability) -> String {
    let mut out = String::new();
    let context = a.model_context.map_or_else(|| "unknown".into(), thousands);
    let _ = writeln!(
        out,
        "{}: context {context} tokens; prices in USD per 1M tokens",
        escape_control(&a.model)
    );
    let _ = writeln!(out, "{}", offers(&a.providers));
    if !a.variants.is_empty() {
        let _ = writeln!(
            out,
            "\nVariants (another id with this model as base_model; not counted):"
        );
        let _ = writeln!(out, "{}", offers(&a.variants));
    }
    if !a.unlinked.is_empty() {
        let _ = writeln!(
            out,
            "\nNamed like it but not tied to it in models.dev (no base_model; check by hand, not counted):"
        );
        let _ = writeln!(out, "{}", offers(&a.unlinked));
    }
    summary(&mut out, a);
    for note in &a.notes {
        let _ = writeln!(out, "note: {}", escape_control(note));
    }
    out
}

fn offers(list: &[Offer]) -> Table {
    let mut t = Table::new();
    t.load_preset(UTF8_FULL_CONDENSED)
        .set_content_arrangement(ContentArrangement::Dynamic);
    t.set_header([
        "provider",
        "model id",
        "input",
        "output",
        "cache read",
        "context",
        "output cap",
        "tools",
        "structured",
    ]);
    for o in list {
        let context = match o.context {
            Some(c) if o.context_below_model => format!("{} ▼ below the model's", thousands(c)),
            Some(c) => thousands(c),
            None => "-".into(),
        };
        t.add_row([
            format!(
                "{} ({})",
                escape_control(&o.name),
                escape_control(&o.provider)
            ),
            escape_control(&o.id),
            money(o.cost_input),
            money(o.cost_output),
            money(o.cost_cache_read),
            context,
            o.output.map_or_else(|| "-".into(), thousands),
            flag(o.tool_call),
            flag(o.structured_output),
        ]);
    }
    t
}

fn summary(out: &mut String, a: &Availability) {
    let s = &a.summary;
    let plans = match s.zero_priced {
        0 => String::new(),
        n => format!(" ({n} list a price of 0, a plan or a free tier, left out of the prices)"),
    };
    let _ = writeln!(
        out,
        "\n{} provider(s); input {}; output {}{plans}; {} serve the full context",
        s.count,
        range(s.price_input),
        range(s.price_output),
        s.full_context
    );
}

fn range(s: Stats) -> String {
    match (s.min, s.median, s.max) {
        (Some(lo), Some(mid), Some(hi)) => {
            format!(
                "min {} / median {} / max {}",
                money(Some(lo)),
                money(Some(mid)),
                money(Some(hi))
            )
        }
        _ => "no prices".into(),
    }
}

/// A price as written in the files (no rounding away of digits).
fn money(p: Option<f64>) -> String {
    p.map_or_else(|| "-".into(), |p| format!("{p}"))
}

fn flag(b: Option<bool>) -> String {
    match b {
        Some(true) => "yes".into(),
        Some(false) => "no".into(),
        None => "-".into(),
    }
}
