//! What the `weigh serve` tests share: a running server (the real binary, on a free loopback
//! port) with its two URLs, stopped with a real SIGINT; a plain HTTP client; and the HTML check
//! that hostile text stayed text.
//!
//! Use it with `mod common; mod servecheck;`.
#![allow(dead_code)]

use std::io::{BufRead, BufReader, Read};
use std::path::Path;
use std::process::{Child, ChildStdout, Stdio};
use std::thread::JoinHandle;
use std::time::{Duration, Instant};

use serde_json::Value;

use crate::common::weigh_command;

/// A running `weigh serve`.
pub struct Server {
    child: Option<Child>,
    /// `http://127.0.0.1:PORT`.
    pub base: String,
    /// The participants' token.
    pub token: String,
    /// The facilitator's token.
    pub facilitator: String,
    /// The first URL on stdout, as printed.
    pub participant_url: String,
    stderr: Option<JoinHandle<String>>,
    _stdout: BufReader<ChildStdout>,
}

/// How a server ended.
pub struct Stopped {
    /// Its exit code.
    pub code: i32,
    /// Everything it wrote to stderr.
    pub stderr: String,
}

impl Server {
    /// Starts `weigh serve ARGS…` in `dir` and waits for its URLs.
    pub fn start(dir: &Path, args: &[&str]) -> Server {
        let mut child = weigh_command(dir)
            .arg("serve")
            .args(args)
            .stdin(Stdio::null())
            .stdout(Stdio::piped())
            .stderr(Stdio::piped())
            .spawn()
            .expect("weigh serve starts");
        let mut err = child.stderr.take().expect("stderr");
        let stderr = std::thread::spawn(move || {
            let mut text = String::new();
            let _ = err.read_to_string(&mut text);
            text
        });
        let mut stdout = BufReader::new(child.stdout.take().expect("stdout"));
        let mut first = String::new();
        let mut second = String::new();
        let read = stdout
            .read_line(&mut first)
            .and_then(|_| stdout.read_line(&mut second));
        if read.is_err() || second.is_empty() {
            let _ = child.kill();
            let _ = child.wait();
            panic!(
                "weigh serve printed no URLs (stdout: {first:?}); stderr:\n{}",
                stderr.join().unwrap_or_default()
            );
        }
        let participant_url = url_in(&first).expect("a URL on the first line");
        let facilitator_url = url_in(&second).expect("a URL on the second line");
        let (base, token) = participant_url
            .split_once("/?token=")
            .expect("http://HOST:PORT/?token=…");
        let facilitator = facilitator_url
            .split_once("/?token=")
            .expect("the facilitator's URL")
            .1
            .to_string();
        Server {
            base: base.to_string(),
            token: token.to_string(),
            facilitator,
            participant_url: participant_url.clone(),
            child: Some(child),
            stderr: Some(stderr),
            _stdout: stdout,
        }
    }

    /// A URL on this server with the participants' token in the query.
    pub fn url(&self, path_and_query: &str) -> String {
        let sep = if path_and_query.contains('?') {
            '&'
        } else {
            '?'
        };
        format!("{}{path_and_query}{sep}token={}", self.base, self.token)
    }

    /// A URL with the facilitator's token.
    pub fn facilitator_url(&self, path_and_query: &str) -> String {
        let sep = if path_and_query.contains('?') {
            '&'
        } else {
            '?'
        };
        format!(
            "{}{path_and_query}{sep}token={}",
            self.base, self.facilitator
        )
    }

    /// Sends SIGINT (what Ctrl-C sends) and waits for the server to exit.
    pub fn interrupt(mut self) -> Stopped {
        let mut child = self.child.take().expect("running");
        let status = std::process::Command::new("kill")
            .args(["-INT", &child.id().to_string()])
            .status()
            .expect("kill runs");
        assert!(status.success(), "kill -INT failed");
        let deadline = Instant::now() + Duration::from_secs(30);
        let code = loop {
            if let Some(status) = child.try_wait().expect("wait") {
                break status
                    .code()
                    .expect("an exit code, not death by the signal");
            }
            assert!(
                Instant::now() < deadline,
                "weigh serve did not stop on SIGINT"
            );
            std::thread::sleep(Duration::from_millis(20));
        };
        let stderr = self
            .stderr
            .take()
            .expect("stderr")
            .join()
            .unwrap_or_default();
        Stopped { code, stderr }
    }
}

impl Drop for Server {
    fn drop(&mut self) {
        if let Some(mut child) = self.child.take() {
            let _ = child.kill();
            let _ = child.wait();
        }
    }
}

fn url_in(line: &str) -> Option<String> {
    line.split_whitespace()
        .find(|w| w.starts_with("http://"))
        .map(str::to_string)
}

/// An HTTP client that returns 4xx and 5xx answers instead of failing on them, and does not
/// follow redirects (tests look at them).
pub fn client() -> ureq::Agent {
    ureq::Agent::config_builder()
        .http_status_as_error(false)
        .max_redirects(0)
        .timeout_global(Some(Duration::from_secs(30)))
        .build()
        .into()
}

/// A response's status and body.
pub struct Reply {
    pub status: u16,
    pub body: String,
    pub headers: Vec<(String, String)>,
}

impl Reply {
    /// The body as JSON.
    pub fn json(&self) -> Value {
        serde_json::from_str(&self.body).unwrap_or_else(|e| panic!("not JSON ({e}): {}", self.body))
    }

    /// A header's value.
    pub fn header(&self, name: &str) -> Option<&str> {
        self.headers
            .iter()
            .find(|(n, _)| n.eq_ignore_ascii_case(name))
            .map(|(_, v)| v.as_str())
    }
}

fn reply(response: Result<ureq::http::Response<ureq::Body>, ureq::Error>) -> Reply {
    let mut response = response.expect("the server answers");
    let headers = response
        .headers()
        .iter()
        .map(|(n, v)| (n.to_string(), v.to_str().unwrap_or_default().to_string()))
        .collect();
    Reply {
        status: response.status().as_u16(),
        body: response.body_mut().read_to_string().unwrap_or_default(),
        headers,
    }
}

/// GET.
pub fn get(url: &str) -> Reply {
    reply(client().get(url).call())
}

/// POST a JSON value.
pub fn post_json(url: &str, body: &Value) -> Reply {
    reply(client().post(url).send_json(body))
}

/// POST raw bytes with a content type and optional extra headers.
pub fn post_raw(url: &str, content_type: &str, headers: &[(&str, &str)], body: &[u8]) -> Reply {
    let mut request = client().post(url).content_type(content_type);
    for (name, value) in headers {
        request = request.header(*name, *value);
    }
    reply(request.send(body))
}

/// Joins as `name`; the participant id.
pub fn join(server: &Server, name: &str) -> String {
    let r = post_json(
        &server.url("/api/join"),
        &serde_json::json!({ "name": name }),
    );
    assert_eq!(r.status, 200, "{}", r.body);
    r.json()["participant"]
        .as_str()
        .expect("a participant id")
        .to_string()
}

/// Votes through the API; the reply.
pub fn vote(server: &Server, participant: &str, item: &str, value: &str, note: &str) -> Reply {
    post_json(
        &server.url("/api/vote"),
        &serde_json::json!({
            "participant": participant,
            "item": item,
            "value": value,
            "note": note,
        }),
    )
}

/// The state as a participant (or an observer) sees it.
pub fn state(server: &Server, participant: Option<&str>) -> Value {
    let path = participant.map_or_else(
        || "/api/state".to_string(),
        |p| format!("/api/state?participant={p}"),
    );
    let r = get(&server.url(&path));
    assert_eq!(r.status, 200, "{}", r.body);
    r.json()
}

/// A facilitator's move: `reveal`, `next` or `back`.
pub fn facilitate(server: &Server, step: &str) -> Value {
    let r = post_raw(
        &server.facilitator_url(&format!("/api/{step}")),
        "application/json",
        &[],
        b"",
    );
    assert_eq!(r.status, 200, "{}", r.body);
    r.json()
}

/// Asserts that an HTML page runs nothing but weigh's own script: every `<script>` loads
/// `/live.js` from weigh, no attribute is an event handler, no URL attribute is `javascript:`,
/// and each hostile text is in the page as text.
pub fn assert_inert(html: &str, hostile: &[&str]) {
    use html5gum::Token;
    for token in tokens(html) {
        let Token::StartTag(tag) = token else {
            continue;
        };
        let name = String::from_utf8_lossy(&tag.name).to_lowercase();
        for (attr, value) in &tag.attributes {
            let attr = String::from_utf8_lossy(attr).to_lowercase();
            let value = String::from_utf8_lossy(value).to_lowercase();
            assert!(
                !attr.starts_with("on"),
                "<{name} {attr}=…> is an event handler"
            );
            assert!(
                !value.trim_start().starts_with("javascript:"),
                "<{name} {attr}=\"{value}\"> runs script"
            );
        }
        if name == "script" {
            let src = tag
                .attributes
                .get(b"src".as_slice())
                .map(|v| String::from_utf8_lossy(v).to_string())
                .unwrap_or_default();
            assert!(
                src.starts_with("/live.js?"),
                "a script weigh did not write: {src:?}"
            );
        }
        assert!(
            !matches!(name.as_str(), "img" | "iframe" | "object" | "embed"),
            "an injected <{name}>"
        );
    }
    let text = text_of(html);
    for h in hostile {
        assert!(text.contains(h), "{h:?} is not in the page as text");
    }
}

/// The text of an HTML page (what a reader sees, entities decoded).
pub fn text_of(html: &str) -> String {
    use html5gum::Token;
    let mut out = String::new();
    for token in tokens(html) {
        if let Token::String(s) = token {
            out.push_str(&String::from_utf8_lossy(&s));
        }
    }
    out
}

/// The tokens of a page, with raw-text states (`<textarea>`, `<style>`, `<title>`) switched
/// into as a browser does.
fn tokens(html: &str) -> impl Iterator<Item = html5gum::Token> + '_ {
    let mut emitter = html5gum::DefaultEmitter::default();
    emitter.naively_switch_states(true);
    html5gum::Tokenizer::new_with_emitter(html, emitter).flatten()
}
