//! `weigh checklist fmt`: tidies a checklist's layout while keeping its comments (toml_edit),
//! and never its meaning: one space around `=`, no trailing white space, one blank line before
//! each table header and at most one between entries, one newline at the end. Strings (guidance
//! in multi-line strings included) are left exactly as written; the caller checks the digest is
//! unchanged before writing.

use toml_edit::{Decor, DocumentMut, Item, Table};

/// The tidied text, or the TOML parser's message.
pub fn format(text: &str) -> Result<String, String> {
    let mut doc: DocumentMut = text
        .parse()
        .map_err(|e: toml_edit::TomlError| e.to_string())?;
    let root = doc.as_table_mut();
    let top = clean_leading(prefix(root.decor()));
    root.decor_mut().set_prefix(top);
    table(root);
    let trailing = doc.trailing().as_str().unwrap_or_default().to_string();
    doc.set_trailing(clean(&trailing).trim_end().to_string());
    let mut out = doc.to_string().trim_end().to_string();
    out.push('\n');
    Ok(out)
}

fn table(t: &mut Table) {
    for (mut key, item) in t.iter_mut() {
        let decor = key.leaf_decor_mut();
        let before = clean(prefix(decor));
        decor.set_prefix(before);
        match item {
            Item::Value(v) => {
                decor.set_suffix(" ");
                let suffix = v.decor().suffix().and_then(|s| s.as_str()).unwrap_or("");
                let suffix = suffix.trim_end().to_string();
                v.decor_mut().set_prefix(" ");
                v.decor_mut().set_suffix(suffix);
            }
            Item::Table(sub) => header(sub),
            Item::ArrayOfTables(aot) => aot.iter_mut().for_each(header),
            Item::None => {}
        }
    }
}

fn header(t: &mut Table) {
    let kept = clean(prefix(t.decor()))
        .trim_start_matches('\n')
        .to_string();
    t.decor_mut().set_prefix(format!("\n{kept}"));
    let suffix = t
        .decor()
        .suffix()
        .and_then(|s| s.as_str())
        .unwrap_or("")
        .trim_end()
        .to_string();
    t.decor_mut().set_suffix(suffix);
    table(t);
}

fn prefix(decor: &Decor) -> &str {
    decor.prefix().and_then(|p| p.as_str()).unwrap_or("")
}

/// White space between entries: lines without trailing blanks, at most one blank line in a row.
fn clean(raw: &str) -> String {
    let mut out = String::new();
    let mut blank = false;
    for line in raw.split_inclusive('\n') {
        let content = line.trim_end();
        let ends = line.ends_with('\n');
        if content.is_empty() && ends {
            if !blank {
                out.push('\n');
            }
            blank = true;
            continue;
        }
        blank = false;
        out.push_str(content.trim_start());
        if ends {
            out.push('\n');
        }
    }
    out
}

fn clean_leading(raw: &str) -> String {
    clean(raw).trim_start_matches('\n').to_string()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn tidies_spacing_and_blank_lines_and_keeps_comments_and_strings() {
        let text = "# top\nschema_version=1   \n\n\n\n[checklist]   # meta\nid   =  \"x\"  # the id\nguidance = \"\"\"\nkeep  \n\n\nthis\"\"\"\n[[dimension]]\nid=\"d\"\n\n\n";
        let out = format(text).unwrap();
        assert_eq!(
            out,
            "# top\nschema_version = 1\n\n[checklist]   # meta\nid = \"x\"  # the id\nguidance = \"\"\"\nkeep  \n\n\nthis\"\"\"\n\n[[dimension]]\nid = \"d\"\n"
        );
        assert_eq!(format(&out).unwrap(), out, "formatting is idempotent");
    }
}
