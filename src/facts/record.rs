//! A model's facts as assessment facts (`[candidate.facts]`, SPEC §3): each with its value, the
//! file it was read from, and when. Names are those of [`super::names`].

use std::collections::BTreeMap;
use std::path::Path;

use jiff::Timestamp;

use super::hardware::Fit;
use super::model::{ModelFacts, Precision};
use super::names::ACCELERATOR_PREFIX;
use super::snapshot::Snapshot;
use super::table::thousands;
use crate::assessment::{Fact, FactValue, Scalar};

/// Builds the facts to record. `path_text` writes a path as the source should show it (relative
/// to the assessment file's folder, say).
pub fn facts(
    f: &ModelFacts,
    as_of: Timestamp,
    path_text: &dyn Fn(&Path) -> String,
) -> BTreeMap<String, Fact> {
    let mut out = Recorder {
        facts: BTreeMap::new(),
        as_of,
    };
    let config = path_text(Path::new(&f.config_path));
    out.text("architecture", &f.spec.architecture, &config);
    out.int("params.total", f.params.total, &config);
    out.int("params.active", f.params.active, &config);
    if let Some(mtp) = f.params.mtp {
        out.int("params.mtp", mtp, &config);
    }
    if let Some(context) = f.spec.context {
        out.int("context_length", context, &config);
    }
    out.int("kv_cache.bytes_per_token.bf16", f.kv_per_token.0, &config);
    out.int("kv_cache.bytes_per_token.fp8", f.kv_per_token.1, &config);
    let sequence = format!("one {}-token sequence", thousands(f.context));
    out.int(
        "kv_cache.bytes_at_context.bf16",
        f.kv_at_context.0,
        &format!("{config} ({sequence})"),
    );
    for p in [Precision::Bf16, Precision::Fp8, Precision::Int4] {
        let name = format!("weights.{}", p.name());
        out.int(&name, f.weights(p), &config);
    }
    let assumptions = format!(
        "{} weights, bf16 KV cache for {sequence}, {}% headroom",
        f.options.precision.name(),
        (f.options.headroom * 100.0).round()
    );
    let sizing = format!("{config} ({assumptions})");
    for (accelerator, count) in &f.fit {
        if let Some(count) = count {
            let name = format!("{ACCELERATOR_PREFIX}{}", accelerator.id);
            out.int(&name, *count, &sizing);
        }
    }
    if let Some(fit) = &f.hardware {
        hardware(
            &mut out,
            fit,
            &format!("{config} ({}: {assumptions})", needs(fit)),
        );
    }
    if let Some(s) = &f.snapshot {
        snapshot(&mut out, s, path_text);
    }
    out.facts
}

/// The declared hardware and whether one replica fits on it.
fn hardware(out: &mut Recorder, fit: &Fit, source: &str) {
    let declared = format!("declared with --have ({})", fit.have.display());
    out.text("hardware.have", &fit.have.canonical(), &declared);
    out.bool("hardware.fits", fit.fits(), source);
}

/// What one replica needs against what is declared.
fn needs(fit: &Fit) -> String {
    let have = fit.have;
    match fit.needed {
        Some(n) => format!(
            "one replica needs {n} × {}, {} declared",
            have.accelerator.name, have.count
        ),
        None => format!(
            "no number of {} holds one replica, {} declared",
            have.accelerator.name, have.count
        ),
    }
}

fn snapshot(out: &mut Recorder, s: &Snapshot, path_text: &dyn Fn(&Path) -> String) {
    let file = |name: &str| path_text(&s.dir.join(name));
    let dir = path_text(&s.dir);
    if let Some(w) = &s.weights {
        out.int("weights.bytes", w.bytes, &file(&w.file));
        let dtypes = w.dtypes.iter().cloned().map(Scalar::Text).collect();
        out.put("weights.dtypes", FactValue::List(dtypes), &file(&w.file));
    }
    out.bool("weights.safetensors", s.has_safetensors(), &dir);
    if let Some(l) = &s.license {
        out.text("license", l.id(), &file(&l.file));
    }
    let why = if s.remote_code.is_empty() {
        dir.clone()
    } else {
        format!("{dir} ({})", s.remote_code.join(", "))
    };
    out.bool("remote_code", !s.remote_code.is_empty(), &why);
    if let Some(c) = s.code_free() {
        let why = format!("{dir} ({}; {})", c.weights, c.remote_code);
        out.bool("weights.loads_without_code", c.value, &why);
    }
    let pickles = s.pickle_files.iter().cloned().map(Scalar::Text).collect();
    out.put("pickle_files", FactValue::List(pickles), &dir);
    let template = s.chat_template.as_deref().map_or_else(|| dir.clone(), file);
    out.bool("chat_template", s.chat_template.is_some(), &template);
    for (key, value) in &s.generation {
        let value = FactValue::Scalar(Scalar::Float(*value));
        out.put(
            &format!("generation.{key}"),
            value,
            &file("generation_config.json"),
        );
    }
}

struct Recorder {
    facts: BTreeMap<String, Fact>,
    as_of: Timestamp,
}

impl Recorder {
    fn put(&mut self, name: &str, value: FactValue, source: &str) {
        self.facts
            .insert(name.into(), Fact::recorded(value, source, self.as_of));
    }

    fn int(&mut self, name: &str, value: u64, source: &str) {
        let value = i64::try_from(value).map_or(Scalar::Float(value as f64), Scalar::Int);
        self.put(name, FactValue::Scalar(value), source);
    }

    fn text(&mut self, name: &str, value: &str, source: &str) {
        self.put(name, FactValue::Scalar(Scalar::Text(value.into())), source);
    }

    fn bool(&mut self, name: &str, value: bool, source: &str) {
        self.put(name, FactValue::Scalar(Scalar::Bool(value)), source);
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::facts::model::{Options, read};

    #[test]
    fn every_recorded_fact_is_one_weigh_knows_and_carries_source_and_date() {
        let config = Path::new(env!("CARGO_MANIFEST_DIR"))
            .join("tests/fixtures/hf-configs/deepseek-v3.config.json");
        let f = read(&config, Options::default()).unwrap();
        let at: Timestamp = "2026-11-20T00:00:00Z".parse().unwrap();
        let facts = facts(&f, at, &|p| p.display().to_string());
        for (name, fact) in &facts {
            assert!(crate::facts::names::is_known(name), "{name}");
            assert_eq!(fact.as_of, Some(at));
            assert!(
                fact.source
                    .as_deref()
                    .is_some_and(|s| s.contains("deepseek-v3"))
            );
        }
        assert_eq!(
            facts["params.mtp"].value,
            FactValue::Scalar(Scalar::Int(f.params.mtp.unwrap() as i64))
        );
    }

    #[test]
    fn declared_hardware_records_whether_one_replica_fits_and_why() {
        let config = Path::new(env!("CARGO_MANIFEST_DIR"))
            .join("tests/fixtures/hf-configs/deepseek-v3.config.json");
        let at: Timestamp = "2026-11-20T00:00:00Z".parse().unwrap();
        let with = |have: &str| {
            let options = Options {
                have: Some(crate::facts::hardware::parse(have).unwrap()),
                ..Options::default()
            };
            facts(&read(&config, options).unwrap(), at, &|p| {
                p.file_name().unwrap().to_string_lossy().into_owned()
            })
        };
        // DeepSeek-V3 at bf16 with its whole context needs 13 H200s (the README's table).
        let fits = with("16xH200");
        assert_eq!(
            fits["hardware.have"].value,
            FactValue::Scalar(Scalar::Text("16xh200-141gb".into()))
        );
        assert_eq!(
            fits["hardware.fits"].value,
            FactValue::Scalar(Scalar::Bool(true))
        );
        assert_eq!(
            fits["hardware.fits"].source.as_deref(),
            Some(
                "deepseek-v3.config.json (one replica needs 13 × NVIDIA H200 141GB, 16 declared: bf16 weights, bf16 KV cache for one 163,840-token sequence, 20% headroom)"
            )
        );
        let short = with("8xh200");
        assert_eq!(
            short["hardware.fits"].value,
            FactValue::Scalar(Scalar::Bool(false))
        );
        let undeclared = read(&config, Options::default()).unwrap();
        let recorded = facts(&undeclared, at, &|p| p.display().to_string());
        assert!(!recorded.contains_key("hardware.fits"));
        assert!(!recorded.contains_key("hardware.have"));
    }
}
