//! Plain-text helpers shared by loaders and renderers: escaping what a terminal would act on,
//! suggesting near misses, and file-name slugs.
//!
//! [`escape_control`] is the one escaping function for text from files: every renderer calls it
//! on file text, and the binary passes everything it prints through [`for_terminal`], which
//! calls it on all but weigh's own colour codes. A forgotten call therefore cannot let a file
//! move the cursor, retitle the window, plant a hyperlink or reorder the line.

use std::fmt::Write as _;
use std::sync::atomic::{AtomicU64, Ordering};

/// Whether a terminal (or a viewer of the text) would act on `c` instead of showing it:
/// C0 controls but newline and tab, DEL, C1 controls (U+0080–U+009F, which include the 8-bit
/// CSI), the bidirectional embeddings, overrides and isolates (U+202A–U+202E, U+2066–U+2069) and
/// marks (U+200E, U+200F, U+061C), and the line and paragraph separators (U+2028, U+2029).
pub fn is_dangerous(c: char) -> bool {
    (c.is_control() && c != '\n' && c != '\t')
        || matches!(
            c,
            '\u{061c}'
                | '\u{200e}'
                | '\u{200f}'
                | '\u{2028}'
                | '\u{2029}'
                | '\u{202a}'..='\u{202e}'
                | '\u{2066}'..='\u{2069}'
        )
}

/// Escapes every character [`is_dangerous`] names as `\u{1b}`, so text from files can never
/// drive the terminal; newlines and tabs are kept.
pub fn escape_control(text: &str) -> String {
    if !text.chars().any(is_dangerous) {
        return text.to_string();
    }
    let mut out = String::with_capacity(text.len() + 8);
    for c in text.chars() {
        push_escaped(&mut out, c);
    }
    out
}

/// Appends `c` to `out` as [`escape_control`] writes it.
pub fn push_escaped(out: &mut String, c: char) {
    if is_dangerous(c) {
        let _ = write!(out, "\\u{{{:x}}}", c as u32);
    } else {
        out.push(c);
    }
}

/// Text on its way to a terminal: [`escape_control`] on everything except the plain colour and
/// weight codes weigh's own renderers emit (`ESC[1m`, `ESC[31m`, `ESC[0m`: see `sgr_len`), which
/// anstream strips off a non-terminal. Renderers escape file text before
/// styling it, so what survives here is weigh's own styling; at worst a forgotten escape lets a
/// file change a colour, never the cursor, the screen, the title or a link.
pub fn for_terminal(styled: &str) -> String {
    let mut out = String::with_capacity(styled.len());
    let mut rest = styled;
    while let Some(at) = rest.find('\u{1b}') {
        out.push_str(&escape_control(&rest[..at]));
        let tail = &rest[at..];
        match sgr_len(tail) {
            Some(len) => {
                out.push_str(&tail[..len]);
                rest = &tail[len..];
            }
            None => {
                out.push_str("\\u{1b}");
                rest = &tail[1..];
            }
        }
    }
    out.push_str(&escape_control(rest));
    out
}

/// The length of the SGR sequence `tail` starts with, if it is one weigh writes: `ESC [`, one
/// plain parameter, `m`, where the parameter is a reset, bold, dim, italic, underline, inverse or
/// strike (and their ends), or one of the 16 colours: what anstyle renders for weigh's styles,
/// each attribute its own sequence. The 16 colours also in the 256-colour form comfy-table
/// writes (`ESC [ 38 ; 5 ; N m`, N < 16; `48` for the background). Blink, hidden text, other
/// extended colours and combined parameters are never weigh's, so they are escaped.
fn sgr_len(tail: &str) -> Option<usize> {
    let body = tail.strip_prefix("\u{1b}[")?;
    if let Some(len) = basic_colour_256(body) {
        return Some(2 + len);
    }
    let end = body.find(|c: char| !c.is_ascii_digit())?;
    if end > 3 || !body[end..].starts_with('m') {
        return None;
    }
    let param: u32 = if end == 0 {
        0
    } else {
        body[..end].parse().ok()?
    };
    let ours = matches!(
        param,
        0..=4 | 7 | 9 | 22..=24 | 27 | 29 | 30..=37 | 39 | 40..=47 | 49 | 90..=97 | 100..=107
    );
    ours.then_some(2 + end + 1)
}

/// The length of `38;5;Nm` or `48;5;Nm` with N one of the 16 basic colours, at the start of an
/// SGR sequence's body.
fn basic_colour_256(body: &str) -> Option<usize> {
    let rest = body
        .strip_prefix("38;5;")
        .or_else(|| body.strip_prefix("48;5;"))?;
    let end = rest.find(|c: char| !c.is_ascii_digit())?;
    if !(1..=2).contains(&end) || !rest[end..].starts_with('m') {
        return None;
    }
    let n: u8 = rest[..end].parse().ok()?;
    (n < 16).then_some(5 + end + 1)
}

/// At most `max` characters of `text`; a longer text ends with "… (N more characters)". Terminal
/// tables clip their cells with it, so a huge string cannot stall the table layout.
pub fn clip(text: &str, max: usize) -> String {
    match text.char_indices().nth(max) {
        None => text.to_string(),
        Some((cut, _)) => {
            let more = text[cut..].chars().count();
            format!("{}… ({more} more characters)", &text[..cut])
        }
    }
}

/// The most characters a terminal table cell shows (see [`terminal_cell`]).
pub const CELL_MAX: usize = 2000;

/// File text for a terminal table cell: escaped, and clipped to [`CELL_MAX`] characters so a
/// huge string cannot stall the table layout.
pub fn terminal_cell(text: &str) -> String {
    clip(&escape_control(text), CELL_MAX)
}

/// The most characters of a message, label or help weigh prints (see [`message_text`]).
pub const MESSAGE_MAX: usize = 1000;

/// A message, label or help for the terminal: escaped, and clipped to [`MESSAGE_MAX`]
/// characters, so that a 10 MB id quoted in "no item `…`" does not flood the screen.
pub fn message_text(text: &str) -> String {
    clip(&escape_control(text), MESSAGE_MAX)
}

/// Words and candidates longer than this get no "did you mean": no id or key is that long, and
/// the similarity measure costs the product of the two lengths.
pub const SUGGEST_MAX_LEN: usize = 256;

/// How much similarity work (the sum of word length × candidate length) one command may spend
/// on "did you mean": a file with thousands of unknown names would otherwise cost time
/// quadratic in its size. Past it, errors keep their generic help.
pub const SUGGEST_BUDGET: u64 = 50_000_000;

static SUGGEST_SPENT: AtomicU64 = AtomicU64::new(0);

/// Takes `cost` from the suggestion budget; false once it is spent.
fn spend(cost: u64) -> bool {
    SUGGEST_SPENT.fetch_add(cost, Ordering::Relaxed) + cost <= SUGGEST_BUDGET
}

/// The candidates closest to `word` (edit distance small relative to its length), best first.
/// Empty for words or candidates longer than [`SUGGEST_MAX_LEN`], and once the command's
/// [`SUGGEST_BUDGET`] is spent.
pub fn near_misses<'a>(word: &str, candidates: impl IntoIterator<Item = &'a str>) -> Vec<&'a str> {
    if word.len() > SUGGEST_MAX_LEN || SUGGEST_SPENT.load(Ordering::Relaxed) >= SUGGEST_BUDGET {
        return Vec::new();
    }
    let candidates: Vec<&str> = candidates
        .into_iter()
        .filter(|c| c.len() <= SUGGEST_MAX_LEN)
        .collect();
    let cost: u64 = candidates
        .iter()
        .map(|c| (word.len() * c.len()) as u64 + 1)
        .sum();
    if !spend(cost) {
        return Vec::new();
    }
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

/// The longest slug, in characters (SPEC §6): file names stay well inside every file system's
/// limit whatever the candidate's name.
pub const SLUG_MAX: usize = 64;

/// A file-name slug: lowercase, each run of characters outside `[a-z0-9]` replaced by `-`, outer
/// dashes trimmed, at most [`SLUG_MAX`] characters, `candidate` when empty (SPEC §6).
pub fn slug(name: &str) -> String {
    let mut out = String::new();
    for c in name.to_lowercase().chars() {
        if out.len() >= SLUG_MAX {
            break;
        }
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
mod tests {
    use super::*;

    #[test]
    fn escapes_escape_sequences_but_keeps_newlines() {
        assert_eq!(escape_control("a\u{1b}[0m\nb"), "a\\u{1b}[0m\nb");
    }

    #[test]
    fn escapes_del_c1_controls_bidi_controls_and_separators() {
        for (raw, shown) in [
            ("\u{7f}", "\\u{7f}"),
            ("\u{9b}31m", "\\u{9b}31m"),
            ("\u{85}", "\\u{85}"),
            ("abc\u{202e}fed", "abc\\u{202e}fed"),
            ("\u{2066}x\u{2069}", "\\u{2066}x\\u{2069}"),
            ("\u{200f}", "\\u{200f}"),
            ("\u{2028}", "\\u{2028}"),
            ("\r", "\\u{d}"),
        ] {
            assert_eq!(escape_control(raw), shown, "{raw:?}");
        }
        assert_eq!(escape_control("tab\there é 東京"), "tab\there é 東京");
    }

    #[test]
    fn terminal_text_keeps_plain_colour_codes_and_escapes_every_other_sequence() {
        let ours = "\u{1b}[1m\u{1b}[32mREADY\u{1b}[0m\n";
        assert_eq!(for_terminal(ours), ours);
        for hostile in [
            "\u{1b}[2J",
            "\u{1b}]0;title\u{7}",
            "\u{1b}]8;;https://evil\u{1b}\\x",
            "\u{1b}[8m",
            "\u{1b}[38;5;199m",
            "\u{1b}[1;8m",
            "\u{1b}[5;9m",
            "\u{1b}[5m",
            "\u{1b}[1;31m",
            "\u{9b}2J",
            "\u{1b}",
        ] {
            let out = for_terminal(hostile);
            assert!(
                !out.contains(['\u{1b}', '\u{7}', '\u{9b}']),
                "{hostile:?} -> {out:?}"
            );
        }
    }

    #[test]
    fn weighs_own_styles_pass_to_the_terminal_unchanged() {
        let report = crate::diag::Report {
            source: crate::diag::SourceFile {
                name: "c.toml".into(),
                text: "weihgt = 2\n".into(),
            },
            diagnostics: vec![
                crate::diag::Diagnostic::error("unknown-key", "unknown key `weihgt`")
                    .at(0..6)
                    .label("not a key here")
                    .help("did you mean `weight`?"),
                crate::diag::Diagnostic::warning("w", "a warning").at(0..1),
            ],
        };
        let mut styled = report.render(true);
        for verdict in [
            crate::score::Verdict::Ready,
            crate::score::Verdict::ReadyWithConditions,
            crate::score::Verdict::NotReady,
            crate::score::Verdict::Incomplete,
        ] {
            styled.push_str(&crate::report::table::verdict_styled(verdict));
        }
        assert!(styled.contains('\u{1b}'), "styles are on");
        assert_eq!(for_terminal(&styled), styled);
    }

    #[test]
    fn clip_keeps_short_text_and_says_how_much_it_cut() {
        assert_eq!(clip("short", 10), "short");
        assert_eq!(clip("ééééé", 2), "éé… (3 more characters)");
    }

    #[test]
    fn suggests_the_nearest_key() {
        assert_eq!(
            did_you_mean("weihgt", ["weight", "gate", "when"]).as_deref(),
            Some("did you mean `weight`?")
        );
        assert_eq!(did_you_mean("zzz", ["weight"]), None);
    }

    #[test]
    fn huge_words_get_no_suggestion_instead_of_a_quadratic_search() {
        let huge = "w".repeat(10_000_000);
        let started = std::time::Instant::now();
        assert!(near_misses(&huge, ["weight", &huge[..300]]).is_empty());
        assert!(started.elapsed() < std::time::Duration::from_secs(1));
    }

    #[test]
    fn slugs_are_lowercase_dashed_and_never_empty() {
        assert_eq!(slug("DeepSeek V4"), "deepseek-v4");
        assert_eq!(slug("  Qwen3--235B (A22B)! "), "qwen3-235b-a22b");
        assert_eq!(slug("東京"), "candidate");
        assert_eq!(slug(""), "candidate");
        assert_eq!(slug("Ünïcode model"), "n-code-model");
    }

    #[test]
    fn slugs_are_at_most_64_characters_without_a_trailing_dash() {
        let s = slug(&"ab ".repeat(200));
        assert!(s.len() <= SLUG_MAX, "{s}");
        assert!(!s.ends_with('-'));
        assert_eq!(slug(&"x".repeat(300)), "x".repeat(64));
    }
}
