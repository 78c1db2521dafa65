//! The fuzzing entry point: arbitrary bytes through every loader (checklist, assessment,
//! `weigh.toml`), the scorer and every renderer. `fuzz/fuzz_targets/loaders.rs` (cargo-fuzz)
//! calls it, and `tests/fuzz_corpus.rs` replays the saved corpus through it in `cargo test`.
//!
//! Any input may be refused, with a diagnostic; none may panic. What loads must also survive
//! the round trips weigh relies on: an assessment written canonically reads back the same, and
//! a checklist printed as JSON loads back with the same digest.

use std::path::Path;

use crate::assessment::store::{Lookup, load_text};
use crate::assessment::write::canonical;
use crate::checklist::{Checklist, Origin, load_str};
use crate::error::Error;

/// Runs `data` through the loaders, the scorer and the renderers; panics on a broken promise.
pub fn exercise(data: &[u8]) {
    let text = match crate::fsx::decode("fuzz.toml", data.to_vec()) {
        Ok(text) => text,
        Err(e) => return render_error(&e),
    };
    match load_str("fuzz.toml", &text, Origin::Builtin) {
        Ok(checklist) => exercise_checklist(&checklist),
        Err(report) => drop(report.render(true)),
    }
    match load_text("fuzz.toml", &text, &Lookup::default()) {
        Ok(loaded) => exercise_assessment(&loaded.checklist, &loaded.assessment),
        Err(e) => render_error(&e),
    }
    if let Err(e) = crate::project::from_text(Path::new("weigh.toml"), text) {
        render_error(&e);
    }
}

fn render_error(e: &Error) {
    let _ = match e {
        Error::Invalid(report) => report.render(true),
        other => other.to_string(),
    };
}

fn exercise_checklist(checklist: &Checklist) {
    let _ = crate::show::table(checklist, Some(80));
    let _ = crate::show::markdown(checklist);
    let json = crate::show::json(checklist);
    let value: toml::Value = serde_json::from_str(&json).expect("show --format json is JSON");
    let again = toml::to_string(&value).expect("the JSON is TOML data");
    let reloaded = load_str("again.toml", &again, Origin::Builtin)
        .unwrap_or_else(|r| panic!("show --format json does not load back: {}", r.render(false)));
    assert_eq!(
        reloaded.digest, checklist.digest,
        "the JSON changes the digest"
    );
}

fn exercise_assessment(checklist: &Checklist, assessment: &crate::assessment::Assessment) {
    let now = assessment.created;
    let card = crate::score::score(checklist, assessment, now);
    for score in [card.overall].into_iter().flatten() {
        assert!((0.0..=100.0).contains(&score), "overall score {score}");
    }
    let view = crate::report::build(checklist, assessment, &card);
    let _ = crate::report::table::render(&view);
    let _ = crate::report::markdown::render(&view);
    let _ = crate::report::json::render(&view);
    let written = canonical(assessment, checklist, None);
    let reread = load_text("written.toml", &written, &Lookup::default())
        .unwrap_or_else(|e| panic!("the canonical form does not read back: {e}\n{written}"));
    assert_eq!(
        canonical(&reread.assessment, checklist, None),
        written,
        "the canonical form is not stable"
    );
}
