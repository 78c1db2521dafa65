//! `weigh init`: sets up the current folder as a weigh project; never overwrites.

use std::path::Path;

use weigh::error::{Error, exit};
use weigh::schema::{SchemaKind, generate, to_pretty_json};

/// Creates what is missing and reports what exists.
pub fn run() -> Result<u8, Error> {
    let root = Path::new(".");
    if let Some(parent) = std::path::absolute(root)
        .ok()
        .and_then(|a| a.parent().and_then(weigh::project::find_file))
    {
        super::warn(&format!(
            "warning: {} already configures a project above this folder; this one will take precedence here\n",
            parent.display()
        ));
    }
    file(
        &root.join(weigh::project::FILE_NAME),
        &weigh::project::default_file(),
    )?;
    for dir in ["assessments", "checklists"] {
        folder(&root.join(dir), true)?;
    }
    folder(&root.join("schemas"), false)?;
    for kind in SchemaKind::ALL {
        file(
            &root.join("schemas").join(kind.file_name()),
            &to_pretty_json(&generate(kind)),
        )?;
    }
    super::warn(
        "next: `weigh assess` to assess a candidate, or `weigh checklist export open-weight-adoption -o checklists/ours.toml` to adapt the checklist\n",
    );
    Ok(exit::OK)
}

fn file(path: &Path, contents: &str) -> Result<(), Error> {
    if path.exists() {
        super::warn(&format!("exists:  {}\n", path.display()));
        return Ok(());
    }
    weigh::fsx::create_new(path, contents.as_bytes())?;
    super::warn(&format!("created: {}\n", path.display()));
    Ok(())
}

fn folder(path: &Path, keep: bool) -> Result<(), Error> {
    if path.is_dir() {
        super::warn(&format!("exists:  {}/\n", path.display()));
        return Ok(());
    }
    std::fs::create_dir_all(path).map_err(|e| Error::io(path, "create", e))?;
    super::warn(&format!("created: {}/\n", path.display()));
    if keep {
        weigh::fsx::create_new(&path.join(".gitkeep"), b"")?;
    }
    Ok(())
}
