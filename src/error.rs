//! Errors that end a command, each mapped to an exit code of SPEC §5.

use std::path::PathBuf;

use crate::diag::Report;
use crate::text::{escape_control, message_text};

/// Exit codes (SPEC §5).
pub mod exit {
    /// Success.
    pub const OK: u8 = 0;
    /// A requirement not met (`gate`, `fmt --check`).
    pub const UNMET: u8 = 1;
    /// Invalid input or usage.
    pub const INVALID: u8 = 2;
    /// An I/O failure or an internal error.
    pub const IO: u8 = 3;
    /// Interrupted by Ctrl-C; everything answered so far is saved.
    pub const INTERRUPTED: u8 = 130;
}

/// Why a command failed.
#[derive(Debug)]
pub enum Error {
    /// Wrong usage or a value that does not fit; exit 2.
    Usage {
        /// What is wrong.
        message: String,
        /// How to fix it.
        help: Option<String>,
    },
    /// A file with problems, every one located; exit 2.
    Invalid(Box<Report>),
    /// A named file does not exist; exit 2.
    Missing(PathBuf),
    /// A file that exists but cannot be read, or a failed write; exit 3.
    Io {
        /// The file.
        path: PathBuf,
        /// What weigh was doing ("read", "write", …).
        action: &'static str,
        /// The underlying error.
        source: std::io::Error,
    },
}

impl Error {
    /// A usage error with help.
    pub fn usage(message: impl Into<String>, help: impl Into<String>) -> Self {
        Error::Usage {
            message: message.into(),
            help: Some(help.into()),
        }
    }

    /// An I/O error; a missing file is invalid input (exit 2), anything else exit 3.
    pub fn io(path: impl Into<PathBuf>, action: &'static str, source: std::io::Error) -> Self {
        let path = path.into();
        if source.kind() == std::io::ErrorKind::NotFound && action == "read" {
            return Error::Missing(path);
        }
        if source.kind() == std::io::ErrorKind::InvalidFilename {
            return Error::usage(
                format!(
                    "{}: the name is too long for the file system",
                    crate::text::escape_control(&path.display().to_string())
                ),
                "choose a shorter file name",
            );
        }
        Error::Io {
            path,
            action,
            source,
        }
    }

    /// A file weigh will not read or write as asked (a folder, a device, a file with several
    /// hard links): an I/O failure, exit 3, saying why and what to do.
    pub fn refused(path: impl Into<PathBuf>, action: &'static str, why: impl Into<String>) -> Self {
        Error::Io {
            path: path.into(),
            action,
            source: std::io::Error::other(why.into()),
        }
    }

    /// Whether the error is stdout closed by its reader (`weigh … | head`), which ends a
    /// command quietly rather than as a failed write.
    pub fn is_closed_stdout(&self) -> bool {
        matches!(self, Error::Io { path, source, .. }
            if path.as_os_str() == "<stdout>" && source.kind() == std::io::ErrorKind::BrokenPipe)
    }

    /// The exit code this error maps to.
    pub fn exit_code(&self) -> u8 {
        match self {
            Error::Usage { .. } | Error::Invalid(_) | Error::Missing(_) => exit::INVALID,
            Error::Io { .. } => exit::IO,
        }
    }
}

impl std::fmt::Display for Error {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self {
            Error::Usage { message, help } => {
                write!(f, "error: {}", message_text(message))?;
                if let Some(help) = help {
                    write!(f, "\nhelp: {}", message_text(help))?;
                }
                Ok(())
            }
            Error::Invalid(report) => write!(f, "{}", report.render(false).trim_end()),
            Error::Missing(path) => write!(
                f,
                "error: {}: no such file\nhelp: check the path, or create it first",
                escape_control(&path.display().to_string())
            ),
            Error::Io {
                path,
                action,
                source,
            } => write!(
                f,
                "error: could not {action} {}: {source}",
                escape_control(&path.display().to_string())
            ),
        }
    }
}

impl std::error::Error for Error {}

/// Result with weigh's error.
pub type Result<T, E = Error> = std::result::Result<T, E>;
