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

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn shows_changed_lines_with_headers_and_nothing_for_equal_texts() {
        let diff = unified("x.toml", "a = 1\nb = 2\n", "a = 1\nb = 3\n");
        assert!(diff.starts_with("--- a/x.toml\n+++ b/x.toml\n@@"), "{diff}");
        assert!(diff.contains("-b = 2\n+b = 3\n"), "{diff}");
        assert_eq!(unified("x.toml", "same\n", "same\n"), "");
    }
}
