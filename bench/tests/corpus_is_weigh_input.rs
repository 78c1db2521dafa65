//! The corpus is input weigh accepts as written: its checklists validate without a single
//! diagnostic, and its assessments load without one and are byte for byte what weigh's own
//! canonical writer produces from them (so the harness measures weigh on the files weigh writes).

use weigh::assessment::{load, store};
use weigh::checklist::{self, Checklist, Origin};
use weigh_bench::corpus::{self, ScaleForm, checklist as generated};

fn load_checklist(items: usize) -> (Checklist, generated::Checklist) {
    let source = corpus::generate_checklist(items);
    let text = generated::render(&source);
    let (loaded, diagnostics) =
        checklist::parse(&text, Origin::Path(format!("bench-{items}.toml").into()));
    let messages: Vec<&str> = diagnostics.iter().map(|d| d.message.as_str()).collect();
    assert!(messages.is_empty(), "{items} items: {messages:?}");
    (loaded.expect("the checklist loads"), source)
}

#[test]
fn generated_checklists_validate_without_a_diagnostic() {
    for items in [corpus::TYPICAL_ITEMS, corpus::WALK_ITEMS, corpus::LARGE[0]] {
        let (loaded, _) = load_checklist(items);
        assert_eq!(loaded.items().count(), items);
        assert_eq!(loaded.id, format!("bench-{items}"));
    }
}

#[test]
fn generated_assessments_load_cleanly_in_weighs_canonical_form() {
    let (loaded, source) = load_checklist(corpus::TYPICAL_ITEMS);
    for index in [0, 1, 9_999] {
        let text = corpus::fleet_assessment(&source, &loaded.digest, ScaleForm::Text, index);
        let (file, problems) = load::parse_file(&text);
        assert!(
            problems.is_empty(),
            "{:?}",
            problems.iter().map(|d| &d.message).collect::<Vec<_>>()
        );
        let (assessment, problems) = load::validate(&file.expect("parses"), &loaded);
        assert!(
            problems.is_empty(),
            "{:?}",
            problems.iter().map(|d| &d.message).collect::<Vec<_>>()
        );
        let mut assessment = assessment.expect("loads");
        assert_eq!(
            assessment.answers.len(),
            corpus::TYPICAL_ITEMS * corpus::ASSESSORS
        );
        assert_eq!(
            store::render(&mut assessment, &loaded, None),
            text,
            "fleet file {index}"
        );
    }
}
