//! Rubrics by kind: levels, options, unit with best and worst; keys of another kind.

use toml::Spanned;

use super::{KindFile, MAX_BOUND, Validator, kind_name};
use crate::checklist::file::{ItemFile, OptionFile};
use crate::checklist::model::{ChoiceOption, Kind, same_label};
use crate::diag::Diagnostic;

impl Validator {
    pub(super) fn missing(&mut self, file: &ItemFile, key: &str, kind: &Spanned<KindFile>) {
        let span = file.id.as_ref().map_or(kind.span(), Spanned::span);
        self.push(
            Diagnostic::error(
                "missing-key",
                format!("a `{}` item needs `{key}`", kind_name(*kind.get_ref())),
            )
            .at(span)
            .label(format!("this item has no `{key}`"))
            .help(format!("add `{key} = …` to the item")),
        );
    }

    pub(super) fn kind(&mut self, file: &ItemFile, kind: &Spanned<KindFile>) -> Option<Kind> {
        match kind.get_ref() {
            KindFile::YesNo => Some(Kind::YesNo),
            KindFile::Text => Some(Kind::Text),
            KindFile::Scale => match &file.levels {
                Some(levels) => self.levels(levels),
                None => {
                    self.missing(file, "levels", kind);
                    None
                }
            },
            KindFile::Choice => match &file.options {
                Some(options) => self.options(options),
                None => {
                    self.missing(file, "options", kind);
                    None
                }
            },
            KindFile::Number => self.number_kind(file, kind),
        }
    }

    pub(super) fn levels(&mut self, levels: &Spanned<Vec<Spanned<String>>>) -> Option<Kind> {
        let texts = self.labels(levels.get_ref(), "level");
        for level in levels.get_ref() {
            self.not_all_digits(level);
        }
        if levels.get_ref().len() < 2 {
            self.push(
                Diagnostic::error("too-few-levels", "a scale needs at least 2 levels")
                    .at(levels.span())
                    .label(format!("{} level(s)", levels.get_ref().len()))
                    .help("list the levels worst to best, e.g. [\"Not checked\", \"Checked\"]"),
            );
            return None;
        }
        Some(Kind::Scale { levels: texts })
    }

    /// A level text of ASCII digits alone would be ambiguous: `weigh answer` reads digits as
    /// a level index (SPEC §2).
    fn not_all_digits(&mut self, level: &Spanned<String>) {
        let text = level.get_ref().trim();
        if !text.is_empty() && text.bytes().all(|b| b.is_ascii_digit()) {
            self.push(
                Diagnostic::error(
                    "level-all-digits",
                    format!("the level \"{text}\" is only digits"),
                )
                .at(level.span())
                .label("digits are read as a level index")
                .help(format!(
                    "say what the level means, e.g. \"{text} or more\" or \"{text} cases\""
                )),
            );
        }
    }

    /// Checks label-like texts: non-empty, unique ignoring case and surrounding white space.
    pub(super) fn labels(&mut self, labels: &[Spanned<String>], what: &str) -> Vec<String> {
        let mut seen: Vec<String> = Vec::new();
        for label in labels {
            let text = self.non_empty(label, &format!("a {what}"));
            if seen.iter().any(|s| same_label(s, &text)) {
                self.push(
                    Diagnostic::error(
                        if what == "level" {
                            "duplicate-level"
                        } else {
                            "duplicate-label"
                        },
                        format!("duplicate {what} \"{}\"", text.trim()),
                    )
                    .at(label.span())
                    .label("already listed (case and surrounding spaces are ignored)")
                    .help(format!("each {what} must differ from the others")),
                );
            }
            seen.push(text);
        }
        seen
    }

    pub(super) fn options(&mut self, options: &Spanned<Vec<Spanned<OptionFile>>>) -> Option<Kind> {
        if options.get_ref().is_empty() {
            self.push(
                Diagnostic::error("no-options", "a choice needs at least one option")
                    .at(options.span())
                    .label("no options")
                    .help("add options = [{ label = \"…\", score = 1.0 }, …]"),
            );
            return None;
        }
        let labels: Vec<Spanned<String>> = options
            .get_ref()
            .iter()
            .filter_map(|o| o.get_ref().label.clone())
            .collect();
        self.labels(&labels, "label");
        let mut out = Vec::new();
        for option in options.get_ref() {
            let o = option.get_ref();
            let score = o
                .score
                .as_ref()
                .map(|s| self.number(s, "an option's score", 0.0, 1.0));
            if let (Some(label), Some(score)) = (&o.label, score) {
                out.push(ChoiceOption {
                    label: label.get_ref().clone(),
                    score,
                    description: o.description.as_ref().map(|d| d.get_ref().clone()),
                });
            }
        }
        (out.len() == options.get_ref().len()).then_some(Kind::Choice { options: out })
    }

    pub(super) fn number_kind(
        &mut self,
        file: &ItemFile,
        kind: &Spanned<KindFile>,
    ) -> Option<Kind> {
        for (key, present) in [
            ("unit", file.unit.is_some()),
            ("best", file.best.is_some()),
            ("worst", file.worst.is_some()),
        ] {
            if !present {
                self.missing(file, key, kind);
            }
        }
        let unit = file.unit.as_ref().map(|u| self.non_empty(u, "the unit"));
        let best = file
            .best
            .as_ref()
            .map(|b| self.number(b, "best", -MAX_BOUND, MAX_BOUND));
        let worst = file
            .worst
            .as_ref()
            .map(|w| self.number(w, "worst", -MAX_BOUND, MAX_BOUND));
        if let (Some(b), Some(w), Some(span)) = (best, worst, file.best.as_ref().map(Spanned::span))
            && b == w
        {
            self.push(
                Diagnostic::error("best-equals-worst", format!("best and worst are both {b}"))
                    .at(span)
                    .label("no value could score between 0 and 1")
                    .help("make `best` the value that scores 1 and `worst` the one that scores 0"),
            );
        }
        Some(Kind::Number {
            unit: unit?,
            best: best?,
            worst: worst?,
        })
    }
}
