//! The starter checklist `weigh init` writes: a team's own checklist that extends the default
//! and says, in comments, what a team usually changes.

/// The starter checklist for a team whose checklist id is `id`.
pub fn text(id: &str) -> String {
    let base = super::builtin::DEFAULT_ID;
    format!(
        r#"#:schema ../schemas/checklist.schema.json
# Your team's checklist. It starts as the built-in `{base}` and changes only what
# you write below, so improvements to the built-in reach you when you upgrade weigh.
# `weigh checklist show {id}` shows the result, marking what this file changed.
schema_version = 1
extends = "{base}"
# Items your team never needs (ids from `weigh checklist show {base}`):
# remove = ["multimodal-claims"]

[checklist]
id = "{id}"
title = "Our adoption checklist"
version = "0.1.0"                    # bump it when you change this file

# Stricter or looser thresholds; every key is optional and replaces the base's:
# [readiness]
# ready = 85

# Change any field of a base item but its id and kind, e.g. a heavier weight or a higher gate:
# [[override]]
# item = "workload-eval"
# weight = 5
# gate = 3

# Add your own items to a base dimension (same id), or add a new dimension:
# [[dimension]]
# id = "real-world"
#
# [[dimension.item]]
# id = "golden-set"
# question = "Does the model pass our golden set of 50 hand-checked prompts?"
# kind = "yes_no"
# gate = true
"#
    )
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::checklist::{Origin, load_str};

    #[test]
    fn the_starter_loads_as_the_default_under_the_teams_id() {
        let c = load_str("starter.toml", &text("acme"), Origin::Builtin).expect("valid");
        let base = crate::checklist::builtin::load(crate::checklist::builtin::DEFAULT_ID).unwrap();
        assert_eq!(c.id, "acme");
        assert_eq!(c.items().count(), base.items().count());
        assert_eq!(c.readiness, base.readiness);
    }
}
