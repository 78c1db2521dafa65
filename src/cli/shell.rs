//! `weigh completions SHELL` and `weigh manpage`: shell completions (clap_complete) and the man
//! page (clap_mangen), both generated from the same argument definitions as `--help`.

use clap::{Args, CommandFactory};
use clap_complete::Shell;
use weigh::error::{Error, exit};

use super::Cli;

/// Arguments of `weigh completions`.
#[derive(Debug, Args)]
#[command(
    after_help = "Examples:\n  weigh completions bash > ~/.local/share/bash-completion/completions/weigh\n  weigh completions zsh > \"${fpath[1]}/_weigh\"\n  weigh completions fish > ~/.config/fish/completions/weigh.fish"
)]
pub struct CompletionsArgs {
    /// The shell.
    #[arg(value_enum)]
    pub shell: Shell,
}

/// Prints the completion script.
pub fn completions(args: &CompletionsArgs) -> Result<u8, Error> {
    let mut out = Vec::new();
    clap_complete::generate(args.shell, &mut Cli::command(), "weigh", &mut out);
    weigh::fsx::write_output(None, &String::from_utf8_lossy(&out))?;
    Ok(exit::OK)
}

/// Prints the man page (roff).
pub fn manpage() -> Result<u8, Error> {
    let mut out = Vec::new();
    clap_mangen::Man::new(Cli::command())
        .render(&mut out)
        .map_err(|e| Error::io("<stdout>", "write", e))?;
    weigh::fsx::write_output(None, &String::from_utf8_lossy(&out))?;
    Ok(exit::OK)
}
