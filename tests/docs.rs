//! `docs/checklists.md` is the hand-written `docs/checklists.head.md` followed by
//! `weigh checklist show ID --format markdown` for every built-in; this test keeps it current.

use std::path::Path;

fn generated() -> String {
    let root = Path::new(env!("CARGO_MANIFEST_DIR"));
    let mut text = std::fs::read_to_string(root.join("docs/checklists.head.md")).expect("head");
    for builtin in weigh::checklist::builtin::all() {
        let checklist = weigh::checklist::builtin::load(builtin.id).expect("built-in loads");
        text.push_str(&weigh::show::markdown(&checklist));
    }
    text
}

#[test]
fn checklist_docs_match_the_built_in_checklists() {
    let path = Path::new(env!("CARGO_MANIFEST_DIR")).join("docs/checklists.md");
    let fresh = generated();
    let committed = std::fs::read_to_string(&path).unwrap_or_default();
    if committed != fresh {
        if std::env::var_os("WEIGH_BLESS").is_some() {
            std::fs::write(&path, &fresh).expect("write docs");
        } else {
            panic!("docs/checklists.md is out of date: run `WEIGH_BLESS=1 cargo test --test docs`");
        }
    }
}

#[test]
fn checklist_docs_parse_as_markdown_with_one_table_row_per_item() {
    let fresh = generated();
    let parser = pulldown_cmark::Parser::new_ext(&fresh, pulldown_cmark::Options::ENABLE_TABLES);
    let rows = parser
        .filter(|e| {
            matches!(
                e,
                pulldown_cmark::Event::Start(pulldown_cmark::Tag::TableRow)
            )
        })
        .count();
    let items: usize = weigh::checklist::builtin::all()
        .iter()
        .map(|b| {
            weigh::checklist::builtin::load(b.id)
                .expect("loads")
                .items()
                .count()
        })
        .sum();
    let dimensions: usize = weigh::checklist::builtin::all()
        .iter()
        .map(|b| {
            weigh::checklist::builtin::load(b.id)
                .expect("loads")
                .dimensions
                .len()
        })
        .sum();
    assert_eq!(
        rows,
        items + dimensions,
        "an item table row per item and a summary row per dimension"
    );
}
