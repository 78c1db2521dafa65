//! Unified diffs, for `weigh fmt --check` and `weigh checklist fmt --check`: what the canonical
//! form would change, in the format every reviewer and CI log already reads.

/// The unified diff from `old` to `new`, both named `name` (`a/NAME`, `b/NAME` headers); empty
/// when they are equal.
pub fn unified(name: &str, old: &str, new: &str) -> String {
    if old == new {
        return String::new();
    }
    similar::TextDiff::from_lines(old, new)
        .unified_diff()
        .context_radius(3)
        .header(&format!("a/{name}"), &format!("b/{name}"))
        .to_string()
}

/// `ours` and `theirs` as one text, with git's conflict markers around each run of lines that
/// differ (`<<<<<<< ours`, `=======`, `>>>>>>> theirs`).
pub fn with_markers(ours: &str, theirs: &str) -> String {
    let diff = similar::TextDiff::from_lines(ours, theirs);
    let (old, new): (Vec<&str>, Vec<&str>) = (
        ours.split_inclusive('\n').collect(),
        theirs.split_inclusive('\n').collect(),
    );
    let mut out = String::new();
    for op in diff.ops() {
        let (a, b) = (op.old_range(), op.new_range());
        if op.tag() == similar::DiffTag::Equal {
            old[a].iter().for_each(|l| out.push_str(l));
            continue;
        }
        out.push_str("<<<<<<< ours\n");
        old[a].iter().for_each(|l| out.push_str(l));
        out.push_str("=======\n");
        new[b].iter().for_each(|l| out.push_str(l));
        out.push_str(">>>>>>> theirs\n");
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn marks_only_the_lines_that_differ() {
        let merged = with_markers("a\nmodel = 1\nc\n", "a\nmodel = 2\nc\n");
        assert_eq!(
            merged,
            "a\n<<<<<<< ours\nmodel = 1\n=======\nmodel = 2\n>>>>>>> theirs\nc\n"
        );
    }

    #[test]
    fn shows_changed_lines_with_headers_and_nothing_for_equal_texts() {
        let diff = unified("x.toml", "a = 1\nb = 2\n", "a = 1\nb = 3\n");
        assert!(diff.starts_with("--- a/x.toml\n+++ b/x.toml\n@@"), "{diff}");
        assert!(diff.contains("-b = 2\n+b = 3\n"), "{diff}");
        assert_eq!(unified("x.toml", "same\n", "same\n"), "");
    }
}
