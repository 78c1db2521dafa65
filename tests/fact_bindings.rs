//! The checklist key that binds an item to a fact (`fact = { name, map }`): every mistake is
//! reported at its line and column with a code and help; the digest of a checklist without
//! bindings is what it was before bindings existed; and recorded facts round-trip in the
//! assessment while older bare facts stay as they were.

mod common;

use common::{fixture, lookup, pinned_quick_screen};
use weigh::assessment::store::load_text;
use weigh::assessment::write::canonical;
use weigh::checklist::{Origin, load_str};
use weigh::diag::line_col;

/// A checklist with one item of `kind_keys` (its line 12 onwards).
fn checklist(kind_keys: &str) -> String {
    format!(
        "schema_version = 1\n[checklist]\nid = \"t\"\ntitle = \"T\"\nversion = \"1.0.0\"\n\n[[dimension]]\nid = \"d\"\ntitle = \"D\"\n\n[[dimension.item]]\nid = \"x\"\nquestion = \"Q?\"\n{kind_keys}\n"
    )
}

/// The one error's code, 1-based line and column, and help.
fn rejection(text: &str) -> (String, usize, usize, String) {
    let report = load_str("t.toml", text, Origin::Builtin).expect_err("rejected");
    let errors: Vec<_> = report.diagnostics.iter().filter(|d| d.is_error()).collect();
    assert_eq!(errors.len(), 1, "{}", report.render(false));
    let d = errors[0];
    let (line, col) = line_col(text, d.span.clone().expect("located").start);
    (
        d.code.to_string(),
        line,
        col,
        d.help.clone().unwrap_or_default(),
    )
}

#[test]
fn an_unknown_fact_is_located_with_the_nearest_name() {
    let text = checklist(
        "kind = \"number\"\nunit = \"providers\"\nbest = 3\nworst = 0\nfact = { name = \"provider.count\" }",
    );
    let (code, line, col, help) = rejection(&text);
    assert_eq!((code.as_str(), line, col), ("unknown-fact", 18, 17));
    assert_eq!(help, "did you mean `providers.count`?");
}

#[test]
fn rules_on_a_number_and_none_on_a_scale_are_refused() {
    let text = checklist(
        "kind = \"number\"\nunit = \"u\"\nbest = 3\nworst = 0\nfact = { name = \"providers.count\", map = [{ min = 1, answer = true }] }",
    );
    let (code, line, _, help) = rejection(&text);
    assert_eq!((code.as_str(), line), ("key-not-for-kind", 18));
    assert!(help.contains("remove `map`"), "{help}");

    let text = checklist(
        "kind = \"scale\"\nlevels = [\"None\", \"Some\"]\nfact = { name = \"providers.count\" }",
    );
    let (code, line, col, _) = rejection(&text);
    assert_eq!((code.as_str(), line, col), ("missing-key", 16, 8));
}

#[test]
fn a_rule_answer_must_be_a_level_label_or_yes_no_of_the_item() {
    let text = checklist(
        "kind = \"choice\"\noptions = [{ label = \"Open\", score = 1.0 }, { label = \"Closed\", score = 0.0 }]\nfact = { name = \"license\", map = [{ is = \"MIT\", answer = \"Opne\" }] }",
    );
    let (code, line, col, help) = rejection(&text);
    assert_eq!((code.as_str(), line, col), ("invalid-fact-answer", 16, 58));
    assert_eq!(help, "use one of `Open` or `Closed`");

    let text = checklist(
        "kind = \"yes_no\"\nfact = { name = \"remote_code\", map = [{ is = true, answer = \"no\" }] }",
    );
    let (code, _, _, help) = rejection(&text);
    assert_eq!(
        (code.as_str(), help.as_str()),
        ("invalid-fact-answer", "write true or false")
    );
}

#[test]
fn a_rule_needs_is_or_a_range_and_a_range_must_not_be_empty() {
    let both = checklist(
        "kind = \"yes_no\"\nfact = { name = \"pickle_files\", map = [{ is = true, min = 1, answer = false }] }",
    );
    assert_eq!(rejection(&both).0, "invalid-fact-rule");
    let neither = checklist(
        "kind = \"yes_no\"\nfact = { name = \"pickle_files\", map = [{ answer = false }] }",
    );
    assert_eq!(rejection(&neither).0, "invalid-fact-rule");
    let empty = checklist(
        "kind = \"yes_no\"\nfact = { name = \"pickle_files\", map = [{ min = 3, max = 1, answer = false }] }",
    );
    assert_eq!(rejection(&empty).0, "empty-range");
    let unknown = checklist("kind = \"yes_no\"\nfact = { name = \"remote_code\", mapping = [] }");
    let (code, _, _, help) = rejection(&unknown);
    assert_eq!(
        (code.as_str(), help.as_str()),
        ("unknown-key", "did you mean `map`?")
    );
}

#[test]
fn the_digest_of_a_checklist_without_bindings_is_unchanged() {
    // The digest main recorded for quick-screen 1.0.0 before bindings existed (it is the
    // `checklist_digest` of tests/fixtures/canonical.toml).
    let pinned = weigh::locate::from_path(&pinned_quick_screen()).unwrap();
    assert_eq!(
        pinned.digest,
        "sha256:696b1151e21019a34f7a9c1c821faff0cba0da69f865cc63ba13249a0630329a"
    );
    let resolved = weigh::checklist::digest::resolved(&pinned).to_string();
    assert!(!resolved.contains("\"fact\""), "no binding, no key");
}

#[test]
fn a_binding_is_in_the_digest_of_its_item_only() {
    let plain = checklist("kind = \"number\"\nunit = \"providers\"\nbest = 3\nworst = 0");
    let bound = format!("{plain}fact = {{ name = \"providers.count\" }}\n");
    let plain = load_str("t.toml", &plain, Origin::Builtin).unwrap();
    let bound = load_str("t.toml", &bound, Origin::Builtin).unwrap();
    assert_ne!(plain.digest, bound.digest);
    let resolved = weigh::checklist::digest::resolved(&bound);
    assert_eq!(
        resolved["dimension"][0]["item"][0]["fact"],
        serde_json::json!({ "name": "providers.count", "map": [] })
    );
}

#[test]
fn recorded_facts_round_trip_and_bare_facts_stay_bare() {
    let text = std::fs::read_to_string(fixture("canonical.toml")).unwrap();
    let with_recorded = text.replace(
        "\"mixed case.key\" = true\n",
        "\"mixed case.key\" = true\n\"params.total\" = { value = 671026419200, source = \"snapshots/v3/config.json\", as_of = 2026-11-20T00:00:00Z }\n",
    );
    assert_ne!(with_recorded, text);
    let loaded = load_text("a.toml", &with_recorded, &lookup(&pinned_quick_screen())).unwrap();
    let fact = &loaded.assessment.candidate.facts["params.total"];
    assert_eq!(fact.source.as_deref(), Some("snapshots/v3/config.json"));
    let written = canonical(
        &loaded.assessment,
        &loaded.checklist,
        Some("../schemas/assessment.schema.json"),
    );
    assert_eq!(
        written, with_recorded,
        "byte for byte, old facts bare and new ones as tables"
    );
}

#[test]
fn a_fact_dated_without_an_offset_is_located() {
    let text = std::fs::read_to_string(fixture("canonical.toml")).unwrap();
    let local = text.replace(
        "[candidate.facts]\n",
        "[candidate.facts]\n\"providers.count\" = { value = 38, source = \"models-dev\", as_of = 2026-07-01T00:00:00 }\n",
    );
    let e = load_text("a.toml", &local, &lookup(&pinned_quick_screen())).unwrap_err();
    let weigh::error::Error::Invalid(report) = e else {
        panic!("{e}")
    };
    let d = &report.diagnostics[0];
    assert_eq!(d.code, "local-datetime");
    assert_eq!(line_col(&local, d.span.clone().unwrap().start).0, 16);
    let missing = text.replace(
        "[candidate.facts]\n",
        "[candidate.facts]\n\"providers.count\" = { value = 38, as_of = 2026-07-01T00:00:00Z }\n",
    );
    let e = load_text("a.toml", &missing, &lookup(&pinned_quick_screen())).unwrap_err();
    assert!(e.to_string().contains("source"), "{e}");
}

#[test]
fn a_team_checklist_inherits_bindings_and_may_override_them() {
    let dir = common::temp();
    let path = dir.path().join("acme.toml");
    std::fs::write(
        &path,
        "schema_version = 1\nextends = \"open-weight-adoption\"\n\n[checklist]\nid = \"acme\"\ntitle = \"Acme\"\nversion = \"0.1.0\"\n\n[[override]]\nitem = \"price-input-mtok\"\nfact = { name = \"providers.price_input.min\" }\n",
    )
    .unwrap();
    let acme = weigh::locate::from_path(&path).unwrap_or_else(|e| panic!("{e}"));
    let name = |id: &str| {
        acme.item(id)
            .and_then(|i| i.fact.as_ref())
            .map(|b| b.name.clone())
    };
    assert_eq!(
        name("price-input-mtok").as_deref(),
        Some("providers.price_input.min")
    );
    assert_eq!(name("provider-count").as_deref(), Some("providers.count"));
    let builtin = weigh::checklist::builtin::load(weigh::checklist::builtin::DEFAULT_ID).unwrap();
    assert_eq!(
        acme.item("licence").unwrap().fact,
        builtin.item("licence").unwrap().fact,
        "the licence rules survive inheritance"
    );
}
