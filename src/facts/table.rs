//! `weigh facts` for a terminal: a table of sizes and one of accelerator counts. Text from the
//! files read goes through `escape_control`.

use std::fmt::Write;

use comfy_table::{ContentArrangement, Table, presets::UTF8_FULL_CONDENSED};

use super::hardware::Fit;
use super::json::{METHOD, kv_note};
use super::model::{ModelFacts, Precision};
use crate::text::escape_control;

/// Renders the facts.
pub fn render(f: &ModelFacts) -> String {
    let mut out = String::new();
    let _ = writeln!(
        out,
        "{} ({}) from {}",
        escape_control(&f.spec.architecture),
        escape_control(&f.spec.model_type),
        escape_control(&f.config_path)
    );
    let mut t = table();
    for (key, value) in rows(f) {
        t.add_row([key, value]);
    }
    let _ = writeln!(out, "{t}");
    let _ = writeln!(
        out,
        "\nAccelerators for one replica: {} weights + {} KV cache (bf16) for one {}-token sequence + {}% headroom",
        f.options.precision.name(),
        human_bytes(f.kv_at_context.0),
        thousands(f.context),
        (f.options.headroom * 100.0).round()
    );
    let mut a = table();
    a.set_header(["accelerator", "memory", "count"]);
    for (acc, count) in &f.fit {
        a.add_row([
            acc.name.clone(),
            human_bytes(acc.memory_bytes()),
            count.map_or_else(|| "does not fit".into(), |c| c.to_string()),
        ]);
    }
    let _ = writeln!(out, "{a}\n({METHOD})");
    if let Some(fit) = &f.hardware {
        let _ = writeln!(out, "\n{}", hardware(fit));
    }
    out
}

/// One line on the hardware declared with `--have`.
fn hardware(fit: &Fit) -> String {
    let have = fit.have;
    let verdict = match fit.needed {
        Some(n) if fit.fits() => format!("one replica needs {n}: it fits"),
        Some(n) => format!(
            "one replica needs {n}: it does not fit ({} more, or a lower --precision or --context)",
            n - have.count
        ),
        None => "no number of them holds one replica: it does not fit".into(),
    };
    format!("On the hardware you have ({}): {verdict}", have.display())
}

fn table() -> Table {
    let mut t = Table::new();
    t.load_preset(UTF8_FULL_CONDENSED)
        .set_content_arrangement(ContentArrangement::Dynamic);
    t
}

fn rows(f: &ModelFacts) -> Vec<(String, String)> {
    let mut rows = vec![
        ("parameters".to_string(), parameters(f)),
        (
            "context length".into(),
            f.spec.context.map_or_else(
                || "not given".into(),
                |c| format!("{} tokens", thousands(c)),
            ),
        ),
        (
            "KV cache per token".into(),
            format!(
                "{} bytes at bf16, {} at fp8",
                thousands(f.kv_per_token.0),
                thousands(f.kv_per_token.1)
            ),
        ),
        (
            format!("KV cache at {} tokens", thousands(f.context)),
            format!(
                "{} at bf16, {} at fp8\n{}",
                human_bytes(f.kv_at_context.0),
                human_bytes(f.kv_at_context.1),
                kv_note(f.latent())
            ),
        ),
        ("weights (estimated)".into(), estimates(f)),
    ];
    if let Some(s) = &f.snapshot {
        rows.extend(super::table_snapshot::rows(s));
    }
    rows
}

fn parameters(f: &ModelFacts) -> String {
    let mut text = format!(
        "{} total, {} active",
        human_params(f.params.total),
        human_params(f.params.active)
    );
    if let Some(mtp) = f.params.mtp {
        let _ = write!(
            text,
            "\nmulti-token prediction: {} more, not in the total",
            human_params(mtp)
        );
    }
    text
}

fn estimates(f: &ModelFacts) -> String {
    format!(
        "{} at bf16, {} at fp8, {} at int4 (from total parameters: every expert is resident)",
        human_bytes(f.weights(Precision::Bf16)),
        human_bytes(f.weights(Precision::Fp8)),
        human_bytes(f.weights(Precision::Int4))
    )
}

/// Parameters as people write them: `8.03B`, `671.0B`, `1.2T`.
pub fn human_params(n: u64) -> String {
    let n = n as f64;
    if n >= 1e12 {
        format!("{:.2}T", n / 1e12)
    } else if n >= 1e11 {
        format!("{:.1}B", n / 1e9)
    } else if n >= 1e9 {
        format!("{:.2}B", n / 1e9)
    } else {
        format!("{:.1}M", n / 1e6)
    }
}

/// Bytes in decimal units: `80.0 GB`, `1.34 TB`.
pub fn human_bytes(n: u64) -> String {
    let units = [(1e12, "TB"), (1e9, "GB"), (1e6, "MB"), (1e3, "kB")];
    let x = n as f64;
    for (size, unit) in units {
        if x >= size {
            let v = x / size;
            return if v >= 100.0 {
                format!("{v:.0} {unit}")
            } else if v >= 10.0 {
                format!("{v:.1} {unit}")
            } else {
                format!("{v:.2} {unit}")
            };
        }
    }
    format!("{n} bytes")
}

/// A whole number with thousands separators: `163,840`.
pub fn thousands(n: u64) -> String {
    let digits = n.to_string();
    let mut out = String::new();
    for (i, c) in digits.chars().enumerate() {
        if i > 0 && (digits.len() - i).is_multiple_of(3) {
            out.push(',');
        }
        out.push(c);
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn numbers_read_as_people_write_them() {
        assert_eq!(thousands(163_840), "163,840");
        assert_eq!(thousands(999), "999");
        assert_eq!(human_params(8_030_261_248), "8.03B");
        assert_eq!(human_params(671_026_419_200), "671.0B");
        assert_eq!(human_bytes(141_000_000_000), "141 GB");
        assert_eq!(human_bytes(70_272), "70.3 kB");
        assert_eq!(human_bytes(5_760_000_000), "5.76 GB");
    }
}
