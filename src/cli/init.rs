//! `weigh init`: sets up the current folder as a weigh project; never overwrites. In a git
//! repository it also routes assessment files to the weigh merge driver and registers the driver
//! in the repository's git config (`--git-driver-only` does just that, for a fresh clone).

use std::path::Path;

use clap::Args;
use weigh::error::{Error, exit};
use weigh::git::setup;
use weigh::schema::{SchemaKind, generate, to_pretty_json};

/// Arguments of `weigh init`.
#[derive(Debug, Args)]
#[command(
    after_help = "Examples:\n  weigh init                      # a new project in this folder\n  weigh init --team acme          # the starter checklist is checklists/acme.toml\n  weigh init --git-driver-only    # in a fresh clone: register the merge driver (git config is not versioned)"
)]
pub struct InitArgs {
    /// The team's name, for the starter checklist `checklists/<team>.toml` (default: this
    /// folder's name).
    #[arg(long, value_name = "NAME")]
    pub team: Option<String>,
    /// Only register the merge driver in this repository's git config.
    #[arg(long, conflicts_with = "team")]
    pub git_driver_only: bool,
}

/// Creates what is missing and reports what exists.
pub fn run(args: &InitArgs) -> Result<u8, Error> {
    let root = Path::new(".");
    if args.git_driver_only {
        return driver_only(root);
    }
    if let Some(parent) = std::path::absolute(root)
        .ok()
        .and_then(|a| a.parent().and_then(weigh::project::find_file))
    {
        super::warn(&format!(
            "warning: {} already configures a project above this folder; this one will take precedence here\n",
            parent.display()
        ));
    }
    let team = team_id(args.team.as_deref())?;
    file(
        &root.join(weigh::project::FILE_NAME),
        &weigh::project::default_file(&team),
    )?;
    for dir in ["assessments", "checklists"] {
        folder(&root.join(dir), dir == "assessments")?;
    }
    file(
        &root.join("checklists").join(format!("{team}.toml")),
        &weigh::checklist::starter::text(&team),
    )?;
    folder(&root.join("schemas"), false)?;
    for kind in SchemaKind::ALL {
        file(
            &root.join("schemas").join(kind.file_name()),
            &to_pretty_json(&generate(kind)),
        )?;
    }
    git(root)?;
    super::warn(&format!(
        "next: `weigh assess` to assess a candidate; adapt checklists/{team}.toml to your team\n"
    ));
    Ok(exit::OK)
}

/// The starter checklist's id: `--team`, else this folder's name, as a kebab-case slug.
fn team_id(team: Option<&str>) -> Result<String, Error> {
    let name = match team {
        Some(t) => t.to_string(),
        None => std::env::current_dir()
            .ok()
            .and_then(|d| d.file_name().map(|n| n.to_string_lossy().into_owned()))
            .unwrap_or_default(),
    };
    let id = weigh::text::slug(&name);
    if id == "candidate" || weigh::checklist::builtin::find(&id).is_some() {
        return Ok("team".into());
    }
    Ok(id)
}

/// In a git repository: `.gitattributes` in the assessments folder and the driver registered.
fn git(root: &Path) -> Result<(), Error> {
    if weigh::git::top_level(root).is_none() {
        return Ok(());
    }
    let attributes = root.join("assessments").join(".gitattributes");
    match std::fs::read_to_string(&attributes) {
        Ok(text) if !setup::routes_to_weigh(&text) => super::warn(&format!(
            "warning: {} exists without `{}`; add that line so assessment files merge through weigh\n",
            attributes.display(),
            setup::ATTRIBUTES.trim()
        )),
        _ => file(&attributes, &setup::attributes_file())?,
    }
    register(root)
}

fn driver_only(root: &Path) -> Result<u8, Error> {
    if weigh::git::top_level(root).is_none() {
        return Err(Error::usage(
            "this folder is not in a git repository",
            "run `weigh init --git-driver-only` inside a clone of the repository",
        ));
    }
    register(root)?;
    Ok(exit::OK)
}

fn register(root: &Path) -> Result<(), Error> {
    setup::register(root)?;
    super::warn(&format!(
        "registered: the merge driver `{}` in this repository's git config\n",
        setup::DRIVER
    ));
    if !setup::weigh_on_path() {
        super::warn(
            "warning: `weigh` is not on PATH, so git cannot run the merge driver; install it with `cargo install --path .` (or put it on PATH)\n",
        );
    }
    Ok(())
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
