//! A snapshot's licence: from the model card's front matter (`license:` in `README.md`), else
//! from a LICENSE file. A licence identifier the Hub shares with SPDX is reported as its SPDX
//! id; anything else (a model licence, `other`) is "custom", with the file it came from named.
//! A LICENSE file counts as an SPDX licence only when it says so (`SPDX-License-Identifier:`);
//! weigh does not guess a licence from its wording, since "modified MIT" licences read like MIT.

use super::bounded;
use super::listing::Listing;

/// Hub licence identifiers that name exactly one SPDX licence.
const SPDX: &[(&str, &str)] = &[
    ("afl-3.0", "AFL-3.0"),
    ("apache-2.0", "Apache-2.0"),
    ("artistic-2.0", "Artistic-2.0"),
    ("bsd-2-clause", "BSD-2-Clause"),
    ("bsd-3-clause", "BSD-3-Clause"),
    ("bsd-3-clause-clear", "BSD-3-Clause-Clear"),
    ("bsl-1.0", "BSL-1.0"),
    ("cc-by-4.0", "CC-BY-4.0"),
    ("cc-by-nc-4.0", "CC-BY-NC-4.0"),
    ("cc-by-nc-nd-4.0", "CC-BY-NC-ND-4.0"),
    ("cc-by-nc-sa-4.0", "CC-BY-NC-SA-4.0"),
    ("cc-by-sa-4.0", "CC-BY-SA-4.0"),
    ("cc0-1.0", "CC0-1.0"),
    ("ecl-2.0", "ECL-2.0"),
    ("epl-2.0", "EPL-2.0"),
    ("isc", "ISC"),
    ("mit", "MIT"),
    ("mpl-2.0", "MPL-2.0"),
    ("unlicense", "Unlicense"),
    ("zlib", "Zlib"),
];

/// The licence a snapshot declares.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct License {
    /// The SPDX id, when the declared licence is one.
    pub spdx: Option<String>,
    /// What the file says, e.g. `apache-2.0`, `llama3.1`, `other`.
    pub declared: String,
    /// The licence's name when the card gives one (`license_name`).
    pub name: Option<String>,
    /// The file it was read from, relative to the snapshot.
    pub file: String,
}

impl License {
    /// The fact value: the SPDX id, or "custom".
    pub fn id(&self) -> &str {
        self.spdx.as_deref().unwrap_or("custom")
    }
}

/// Finds the licence: the model card's front matter first, then a LICENSE file.
pub fn find(listing: &Listing) -> Option<License> {
    from_card(listing).or_else(|| from_file(listing))
}

fn from_card(listing: &Listing) -> Option<License> {
    let text = read_text(listing, "README.md")?;
    let front = front_matter(&text)?;
    let declared = value(front, "license")?;
    Some(License {
        spdx: spdx(&declared),
        name: value(front, "license_name"),
        declared,
        file: "README.md".into(),
    })
}

fn from_file(listing: &Listing) -> Option<License> {
    let file = listing.names.iter().find(|n| {
        let upper = n.to_uppercase();
        !n.contains('/') && (upper.starts_with("LICENSE") || upper.starts_with("LICENCE"))
    })?;
    let text = read_text(listing, file).unwrap_or_default();
    let declared = text
        .lines()
        .take(20)
        .find_map(|l| l.split_once("SPDX-License-Identifier:"))
        .map(|(_, id)| id.trim().to_string());
    Some(License {
        spdx: declared.clone().filter(|d| is_spdx_id(d)),
        declared: declared.unwrap_or_else(|| "custom".into()),
        name: None,
        file: file.clone(),
    })
}

fn read_text(listing: &Listing, name: &str) -> Option<String> {
    let bytes = bounded::read_prefix(listing.path(name)?, bounded::TEXT_PREFIX).ok()?;
    Some(String::from_utf8_lossy(&bytes).into_owned())
}

/// The YAML front matter between a first `---` line and the next.
fn front_matter(text: &str) -> Option<&str> {
    let rest = text
        .strip_prefix("---\n")
        .or_else(|| text.strip_prefix("---\r\n"))?;
    let end = rest.find("\n---")?;
    Some(&rest[..end])
}

/// A top-level scalar `key: value` of the front matter (quotes and comments removed). Only
/// top-level lines are read; weigh does not evaluate YAML.
fn value(front: &str, key: &str) -> Option<String> {
    front.lines().find_map(|line| {
        let rest = line.strip_prefix(key)?.strip_prefix(':')?;
        let v = rest
            .split(" #")
            .next()?
            .trim()
            .trim_matches(['"', '\''])
            .trim();
        (!v.is_empty()).then(|| v.to_string())
    })
}

fn spdx(declared: &str) -> Option<String> {
    let lower = declared.to_lowercase();
    SPDX.iter()
        .find(|(hub, _)| *hub == lower)
        .map(|(_, id)| (*id).to_string())
}

fn is_spdx_id(id: &str) -> bool {
    SPDX.iter().any(|(_, s)| *s == id)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn listing_with(files: &[(&str, &str)]) -> (tempfile::TempDir, Listing) {
        let dir = tempfile::tempdir().unwrap();
        for (name, text) in files {
            std::fs::write(dir.path().join(name), text).unwrap();
        }
        let listing = super::super::listing::list(dir.path()).unwrap();
        (dir, listing)
    }

    #[test]
    fn the_card_front_matter_gives_the_spdx_id() {
        let (_d, l) = listing_with(&[(
            "README.md",
            "---\nlibrary_name: transformers\nlicense: \"apache-2.0\"\n---\n# Model\n",
        )]);
        let lic = find(&l).unwrap();
        assert_eq!(lic.id(), "Apache-2.0");
        assert_eq!(lic.file, "README.md");
    }

    #[test]
    fn a_model_licence_is_custom_with_its_name() {
        let (_d, l) = listing_with(&[(
            "README.md",
            "---\nlicense: other\nlicense_name: modified-mit\nlicense_link: LICENSE\n---\n",
        )]);
        let lic = find(&l).unwrap();
        assert_eq!(lic.id(), "custom");
        assert_eq!(lic.name.as_deref(), Some("modified-mit"));
    }

    #[test]
    fn a_licence_file_without_an_spdx_line_is_custom_and_named() {
        let (_d, l) = listing_with(&[(
            "LICENSE",
            "MIT License\n\nPermission is hereby granted, free of charge…\nExcept that …",
        )]);
        let lic = find(&l).unwrap();
        assert_eq!((lic.id(), lic.file.as_str()), ("custom", "LICENSE"));
    }

    #[test]
    fn no_card_and_no_licence_file_is_no_licence() {
        let (_d, l) = listing_with(&[("README.md", "# No front matter\nlicense: mit\n")]);
        assert_eq!(find(&l), None);
    }
}
