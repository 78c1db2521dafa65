//! `weigh serve ASSESSMENT`: a live team session in the browser (SPEC §5). Prints the
//! participant URL first on stdout, then the facilitator's, and serves until Ctrl-C.

use std::io::{IsTerminal, Write};
use std::net::{SocketAddr, TcpListener, ToSocketAddrs};
use std::path::PathBuf;
use std::sync::Arc;

use clap::Args;
use weigh::assessment::Candidate;
use weigh::assessment::store::{self, NewFile};
use weigh::error::{Error, exit};
use weigh::serve::board::Board;
use weigh::serve::disk::Disk;
use weigh::serve::server::Tokens;
use weigh::text::escape_control;

use super::common;

/// Arguments of `weigh serve`.
#[derive(Debug, Args)]
#[command(after_help = "Examples:
  weigh serve assessments/kimi-k3                            # this machine only
  weigh serve assessments/kimi-k3 --listen 192.168.1.20:8080 # a team in one room
  weigh serve new.toml --candidate \"Kimi K3\" --checklist quick-screen")]
pub struct ServeArgs {
    /// The assessment: a file, or a folder with one file per assessor (created when missing,
    /// with --candidate).
    pub file: PathBuf,
    /// The address and port to listen on; port 0 picks a free one. Anything but a loopback
    /// address lets anyone on that network who has the URL vote.
    #[arg(long, value_name = "ADDR:PORT", default_value = "127.0.0.1:0")]
    pub listen: String,
    /// The checklist (an id or a path); for an existing assessment, must be its own.
    #[arg(long, value_name = "ID|PATH")]
    pub checklist: Option<String>,
    /// The candidate's name, to start a new assessment.
    #[arg(long, value_name = "NAME")]
    pub candidate: Option<String>,
    /// The candidate's hub id, for a new assessment.
    #[arg(long, value_name = "HUB_ID")]
    pub model: Option<String>,
}

/// Runs the session until Ctrl-C; exits 130 with every vote saved.
pub fn run(args: &ServeArgs) -> Result<u8, Error> {
    // WEIGH_NOW is checked once here, so the clock below cannot fail later.
    weigh::clock::now()?;
    let lookup = common::lookup(&args.file, args.checklist.as_deref())?;
    let new = new_file(args, &lookup)?;
    let schema_line = store::schema_line(
        &args.file,
        lookup
            .finder
            .project
            .as_ref()
            .and_then(|p| p.schemas())
            .as_deref(),
    );
    let disk = Disk {
        path: args.file.clone(),
        lookup,
        new,
        schema_line,
    };
    let loaded = disk.open()?;
    common::print_warnings(loaded.all_warnings());
    let now = weigh::clock::now()?;
    let board = Board::new(
        std::sync::Arc::unwrap_or_clone(loaded.checklist),
        loaded.assessment,
        now,
    );
    let tokens = Tokens {
        participant: fresh_token()?,
        facilitator: fresh_token()?,
    };
    let listener = bind(&args.listen)?;
    let addr = listener
        .local_addr()
        .map_err(|e| Error::io(&args.file, "listen", e))?;
    let urls = Urls::new(addr, &tokens);
    let candidate = board.assessment().candidate.name.clone();
    let config = weigh::serve::Config {
        disk,
        tokens,
        clock: Arc::new(|| weigh::clock::now().unwrap_or_else(|_| jiff::Timestamp::now())),
        log: Arc::new(|text: &str| super::warn(&format!("{}\n", escape_control(text)))),
    };
    let mut announced = Ok(());
    let summary = weigh::serve::run(listener, board, config, || {
        announced = announce(args, addr, &urls, &candidate);
    })
    .map_err(|e| Error::io(&args.file, "serve", e))?;
    announced?;
    super::warn(&format!(
        "session stopped: {} vote(s) from {} participant(s) saved in {}\nnext: weigh report {}\n",
        summary.saved,
        summary.participants,
        args.file.display(),
        args.file.display()
    ));
    Ok(exit::INTERRUPTED)
}

fn fresh_token() -> Result<String, Error> {
    weigh::serve::token::fresh().map_err(|e| {
        Error::io(
            "<random source>",
            "read",
            std::io::Error::other(e.to_string()),
        )
    })
}

/// What a new assessment starts with, when it does not exist yet.
fn new_file(args: &ServeArgs, lookup: &store::Lookup) -> Result<Option<NewFile>, Error> {
    if store::exists(&args.file) {
        return Ok(None);
    }
    let Some(raw) = args.candidate.as_deref() else {
        return Err(Error::usage(
            format!("{} does not exist", args.file.display()),
            "pass --candidate NAME to start it (and --checklist ID|PATH for another checklist than the default)",
        ));
    };
    let default = lookup
        .finder
        .project
        .as_ref()
        .map(|p| p.default_checklist.clone());
    let id = args
        .checklist
        .clone()
        .or(default)
        .unwrap_or_else(|| weigh::checklist::builtin::DEFAULT_ID.into());
    Ok(Some(NewFile {
        candidate: Candidate {
            name: common::candidate_name(raw)?,
            model: args.model.clone(),
            ..Candidate::default()
        },
        checklist: lookup.finder.find(&id)?,
        created: weigh::clock::now()?,
    }))
}

/// Binds the listening socket; a bad address is a usage error.
fn bind(listen: &str) -> Result<TcpListener, Error> {
    let bad = |why: String| {
        Error::usage(
            format!("cannot listen on `{listen}`: {why}"),
            "pass --listen ADDR:PORT, e.g. 127.0.0.1:8080, or 192.168.1.20:0 for the local network",
        )
    };
    let addr: SocketAddr = listen
        .to_socket_addrs()
        .map_err(|e| bad(e.to_string()))?
        .next()
        .ok_or_else(|| bad("it names no address".into()))?;
    TcpListener::bind(addr).map_err(|e| bad(e.to_string()))
}

/// Prints the participant URL first on stdout (then the facilitator's), the QR code on a
/// terminal, and the warning for a non-loopback address.
fn announce(args: &ServeArgs, addr: SocketAddr, urls: &Urls, candidate: &str) -> Result<(), Error> {
    let Urls {
        participant,
        facilitator,
    } = urls;
    let mut out = std::io::stdout().lock();
    let mut text = format!("participants: {participant}\nfacilitator:  {facilitator}\n");
    if std::io::stdout().is_terminal()
        && let Some(qr) = weigh::serve::qr::render(participant.as_str())
    {
        text.push_str(&qr);
        text.push('\n');
    }
    out.write_all(text.as_bytes())
        .and_then(|()| out.flush())
        .map_err(|e| Error::io("<stdout>", "write", e))?;
    if !addr.ip().is_loopback() {
        super::warn(&format!(
            "warning: listening on {addr}, not on a loopback address: anyone on that network who has the participant URL can vote\n"
        ));
    }
    if addr.ip().is_unspecified() {
        super::warn(
            "note: the URLs name this machine by its host name; if phones cannot reach it, use its address on your network instead\n",
        );
    }
    super::warn(&format!(
        "weigh serve: {} in {} ({}); share the participant URL, keep the facilitator's to yourself; every vote is saved as it is cast; Ctrl-C stops\n",
        escape_control(candidate),
        args.file.display(),
        if args.file.extension().is_some_and(|e| e == "toml") {
            "one file"
        } else {
            "a folder, one file per participant"
        }
    ));
    Ok(())
}

/// The two URLs of a session.
struct Urls {
    participant: String,
    facilitator: String,
}

impl Urls {
    fn new(addr: SocketAddr, tokens: &Tokens) -> Urls {
        let base = base_url(addr);
        Urls {
            participant: format!("{base}/?token={}", tokens.participant),
            facilitator: format!("{base}/?token={}", tokens.facilitator),
        }
    }
}

/// `http://HOST:PORT`, with this machine's host name for an unspecified address.
fn base_url(addr: SocketAddr) -> String {
    if addr.ip().is_unspecified() {
        let host = std::fs::read_to_string("/proc/sys/kernel/hostname")
            .ok()
            .map(|h| h.trim().to_string())
            .filter(|h| {
                !h.is_empty()
                    && h.bytes()
                        .all(|b| b.is_ascii_alphanumeric() || b == b'-' || b == b'.')
            })
            .unwrap_or_else(|| "localhost".into());
        return format!("http://{host}:{}", addr.port());
    }
    format!("http://{addr}")
}
