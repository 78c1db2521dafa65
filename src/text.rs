//! Plain-text helpers shared by loaders and renderers: escaping control characters and
//! suggesting near misses.

/// Escapes control characters (except newline and tab) as `\u{1b}`, so text from files can never
/// drive the terminal.
pub fn escape_control(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    for c in text.chars() {
        if c.is_control() && c != '\n' && c != '\t' {
            out.push_str(&format!("\\u{{{:x}}}", c as u32));
        } else {
            out.push(c);
        }
    }
    out
}

/// The candidates closest to `word` (edit distance small relative to its length), best first.
pub fn near_misses<'a>(word: &str, candidates: impl IntoIterator<Item = &'a str>) -> Vec<&'a str> {
    let mut scored: Vec<(f64, &str)> = candidates
        .into_iter()
        .map(|c| (strsim::jaro_winkler(word, c), c))
        .filter(|(score, _)| *score >= 0.8)
        .collect();
    scored.sort_by(|a, b| b.0.total_cmp(&a.0).then(a.1.cmp(b.1)));
    scored.into_iter().map(|(_, c)| c).take(3).collect()
}

/// "did you mean `x`?" for the nearest candidate, if any is near.
pub fn did_you_mean<'a>(
    word: &str,
    candidates: impl IntoIterator<Item = &'a str>,
) -> Option<String> {
    near_misses(word, candidates)
        .first()
        .map(|c| format!("did you mean `{c}`?"))
}

/// Formats a list of names as "`a`, `b` or `c`".
pub fn one_of<S: AsRef<str>>(names: &[S]) -> String {
    let quoted: Vec<String> = names.iter().map(|n| format!("`{}`", n.as_ref())).collect();
    match quoted.split_last() {
        None => String::new(),
        Some((last, [])) => last.clone(),
        Some((last, rest)) => format!("{} or {last}", rest.join(", ")),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn escapes_escape_sequences_but_keeps_newlines() {
        assert_eq!(escape_control("a\u{1b}[0m\nb"), "a\\u{1b}[0m\nb");
    }

    #[test]
    fn suggests_the_nearest_key() {
        assert_eq!(
            did_you_mean("weihgt", ["weight", "gate", "when"]).as_deref(),
            Some("did you mean `weight`?")
        );
        assert_eq!(did_you_mean("zzz", ["weight"]), None);
    }
}

/// A file-name slug: lowercase, each run of characters outside `[a-z0-9]` replaced by `-`, outer
/// dashes trimmed, `candidate` when empty (SPEC §6).
pub fn slug(name: &str) -> String {
    let mut out = String::new();
    for c in name.to_lowercase().chars() {
        if c.is_ascii_lowercase() || c.is_ascii_digit() {
            out.push(c);
        } else if !out.ends_with('-') {
            out.push('-');
        }
    }
    let trimmed = out.trim_matches('-');
    if trimmed.is_empty() {
        "candidate".into()
    } else {
        trimmed.to_string()
    }
}

#[cfg(test)]
mod slug_tests {
    use super::slug;

    #[test]
    fn slugs_are_lowercase_dashed_and_never_empty() {
        assert_eq!(slug("DeepSeek V4"), "deepseek-v4");
        assert_eq!(slug("  Qwen3--235B (A22B)! "), "qwen3-235b-a22b");
        assert_eq!(slug("東京"), "candidate");
        assert_eq!(slug(""), "candidate");
        assert_eq!(slug("Ünïcode model"), "n-code-model");
    }
}
