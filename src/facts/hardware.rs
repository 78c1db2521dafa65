//! The hardware a team declares it has (`weigh facts --have 8xH200`), and whether one replica of
//! the model fits on it: the count [`super::accelerators::count`] needs is at most the count
//! declared. An accelerator is named by its data-file id or name, or either without its memory
//! size (`h200`, `MI300X`, `Ascend 910B`), ignoring case, spaces and dashes.

use std::collections::HashMap;
use std::sync::LazyLock;

use super::accelerators::{self, Accelerator};
use crate::error::{Error, Result};
use crate::text::escape_control;

/// Hardware a team has: `count` accelerators of one model.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Have {
    /// How many.
    pub count: u64,
    /// Which, from the data file.
    pub accelerator: &'static Accelerator,
}

impl Have {
    /// The canonical form, which `--have` reads back: `8xh200-141gb`.
    pub fn canonical(&self) -> String {
        format!("{}x{}", self.count, self.accelerator.id)
    }

    /// As people read it: `8 × NVIDIA H200 141GB`.
    pub fn display(&self) -> String {
        format!("{} × {}", self.count, self.accelerator.name)
    }
}

/// Whether one replica fits on the hardware declared.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Fit {
    /// The hardware declared.
    pub have: Have,
    /// How many of that accelerator one replica needs; `None` when no number of them holds it.
    pub needed: Option<u64>,
}

impl Fit {
    /// The count needed is at most the count declared.
    pub fn fits(&self) -> bool {
        self.needed.is_some_and(|n| n <= self.have.count)
    }
}

/// Reads `COUNTxACCELERATOR` (`8xH200`, `16xmi300x`, `4 x h100-80gb`).
pub fn parse(text: &str) -> Result<Have> {
    let trimmed = text.trim();
    let digits = trimmed.len()
        - trimmed
            .trim_start_matches(|c: char| c.is_ascii_digit())
            .len();
    let rest = trimmed[digits..].trim_start();
    let name = ['x', 'X', '×']
        .iter()
        .find_map(|sep| rest.strip_prefix(*sep))
        .map(str::trim)
        .filter(|name| digits > 0 && !name.is_empty())
        .ok_or_else(|| malformed(text))?;
    let count = trimmed[..digits]
        .parse::<u64>()
        .ok()
        .filter(|n| (1..=accelerators::MAX_COUNT).contains(n))
        .ok_or_else(|| {
            Error::usage(
                format!(
                    "--have {}: the count must be 1 to {}",
                    escape_control(text),
                    accelerators::MAX_COUNT
                ),
                format!(
                    "write how many accelerators you have in all, e.g. --have 8xH200; accelerators: {}",
                    known()
                ),
            )
        })?;
    let accelerator = find(name).map_err(|e| match parse(name) {
        // `2x8xH200`: nodes times accelerators per node.
        Ok(inner) => Error::usage(
            format!(
                "--have {}: write the total count of accelerators",
                escape_control(text.trim())
            ),
            format!(
                "e.g. --have {}x{}",
                count.saturating_mul(inner.count),
                short_id(&inner.accelerator.id)
            ),
        ),
        Err(_) => e,
    })?;
    Ok(Have { count, accelerator })
}

/// The accelerator a name stands for.
pub fn find(name: &str) -> Result<&'static Accelerator> {
    match INDEX.get(&key(name)).map(Vec::as_slice) {
        Some([one]) => Ok(one),
        Some(several) => Err(Error::usage(
            format!(
                "--have: `{}` could be any of {}",
                escape_control(name),
                crate::text::one_of(&several.iter().map(|a| &a.id).collect::<Vec<_>>())
            ),
            "name it by its id",
        )),
        None => Err(Error::usage(
            format!(
                "--have: weigh knows no accelerator `{}`",
                escape_control(name)
            ),
            format!("use one of {}", known()),
        )),
    }
}

fn malformed(text: &str) -> Error {
    Error::usage(
        format!(
            "--have {} is not COUNTxACCELERATOR",
            escape_control(text.trim())
        ),
        format!(
            "write e.g. --have 8xH200 or --have 16xmi300x; accelerators: {}",
            known()
        ),
    )
}

/// The accelerators weigh knows, as `h200` (NVIDIA H200 141GB), ….
pub fn known() -> String {
    accelerators::all()
        .iter()
        .map(|a| format!("`{}` ({})", short_id(&a.id), a.name))
        .collect::<Vec<_>>()
        .join(", ")
}

/// Every name an accelerator answers to, as [`key`]s, to the accelerators with that name.
static INDEX: LazyLock<HashMap<String, Vec<&'static Accelerator>>> = LazyLock::new(|| {
    let mut index: HashMap<String, Vec<&'static Accelerator>> = HashMap::new();
    for a in accelerators::all() {
        let mut names = vec![
            key(&a.id),
            key(&a.name),
            key(short_id(&a.id)),
            key(without_memory(&a.name)),
        ];
        names.sort();
        names.dedup();
        for name in names {
            index.entry(name).or_default().push(a);
        }
    }
    index
});

/// Lowercase letters and digits only: `NVIDIA H200 141GB` → `nvidiah200141gb`.
fn key(name: &str) -> String {
    name.chars()
        .filter(char::is_ascii_alphanumeric)
        .map(|c| c.to_ascii_lowercase())
        .collect()
}

/// An id without its memory size: `h200-141gb` → `h200`.
fn short_id(id: &str) -> &str {
    match id.rsplit_once('-') {
        Some((model, size)) if is_memory(size) => model,
        _ => id,
    }
}

/// A name without its memory size: `NVIDIA H200 141GB` → `NVIDIA H200`.
fn without_memory(name: &str) -> &str {
    match name.rsplit_once(' ') {
        Some((model, size)) if is_memory(size) => model,
        _ => name,
    }
}

fn is_memory(word: &str) -> bool {
    word.to_ascii_lowercase()
        .strip_suffix("gb")
        .is_some_and(|n| !n.is_empty() && n.bytes().all(|b| b.is_ascii_digit()))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn id(text: &str) -> (u64, &'static str) {
        let have = parse(text).unwrap_or_else(|e| panic!("{text}: {e}"));
        (have.count, have.accelerator.id.as_str())
    }

    #[test]
    fn accelerators_are_named_by_id_name_or_model_ignoring_case() {
        assert_eq!(id("8xH200"), (8, "h200-141gb"));
        assert_eq!(id("16xmi300x"), (16, "mi300x-192gb"));
        assert_eq!(id("4 x h100-80gb"), (4, "h100-80gb"));
        assert_eq!(id("2×NVIDIA B200 192GB"), (2, "b200-192gb"));
        assert_eq!(id("8xAscend 910B"), (8, "ascend-910b-64gb"));
        assert_eq!(id("8XGaudi 3"), (8, "gaudi3-128gb"));
        assert_eq!(id(" 1xnvidia h100 "), (1, "h100-80gb"));
    }

    #[test]
    fn a_malformed_value_says_the_form_and_lists_the_accelerators() {
        for bad in ["H200", "8H200", "8x", "x8", "eightxH200", ""] {
            let e = parse(bad).unwrap_err();
            assert_eq!(e.exit_code(), 2, "{bad}");
            let text = e.to_string();
            assert!(text.contains("is not COUNTxACCELERATOR"), "{bad}: {text}");
            assert!(text.contains("`h200` (NVIDIA H200 141GB)"), "{text}");
        }
        let e = parse("0xH200").unwrap_err().to_string();
        assert!(e.contains("the count must be 1 to 4096"), "{e}");
        let e = parse("99999999999999999999xH200").unwrap_err().to_string();
        assert!(e.contains("the count must be"), "{e}");
    }

    #[test]
    fn nodes_times_accelerators_asks_for_the_total() {
        let e = parse("2x8xH200").unwrap_err().to_string();
        assert!(e.contains("write the total count"), "{e}");
        assert!(e.contains("--have 16xh200"), "{e}");
    }

    #[test]
    fn an_unknown_accelerator_lists_the_known_ones() {
        let e = parse("8xTPU v5p").unwrap_err();
        assert_eq!(e.exit_code(), 2);
        let text = e.to_string();
        assert!(
            text.contains("weigh knows no accelerator `TPU v5p`"),
            "{text}"
        );
        for id in ["`a100`", "`h200`", "`mi300x`", "`ascend-910b`", "`gaudi3`"] {
            assert!(text.contains(id), "{id} in {text}");
        }
    }

    #[test]
    fn every_accelerator_has_its_own_short_name() {
        for a in accelerators::all() {
            assert_eq!(find(short_id(&a.id)).unwrap().id, a.id);
            assert_eq!(
                parse(
                    &Have {
                        count: 3,
                        accelerator: a
                    }
                    .canonical()
                )
                .unwrap()
                .accelerator,
                a
            );
        }
    }

    #[test]
    fn it_fits_when_the_count_needed_is_at_most_the_count_declared() {
        let have = parse("8xh200").unwrap();
        let fit = |needed| Fit { have, needed }.fits();
        assert!(fit(Some(8)));
        assert!(fit(Some(1)));
        assert!(!fit(Some(9)));
        assert!(!fit(None));
    }
}
