//! The HTML reports in a real browser: headless chromium renders each page to a PNG and to the
//! DOM it built. The tests check that the charts are there (SVG elements in the DOM, their
//! colours in the picture), that the picture is not blank, that hostile text stayed inert in
//! the DOM, and that nothing was fetched: chromium is pointed at a proxy of the test's own, and
//! the page must send it nothing.
//!
//! chromium must be on PATH (`chromium`, `chromium-browser` or `google-chrome`);
//! `scripts/test.sh` installs Debian's. Without it these tests fail, never pass silently.

use std::io::{BufRead, BufReader, Read, Write};
use std::net::{TcpListener, TcpStream};
use std::path::{Path, PathBuf};
use std::process::{Command, Stdio};
use std::sync::atomic::{AtomicBool, Ordering};
use std::sync::{Arc, Mutex};
use std::thread::JoinHandle;
use std::time::{Duration, Instant};

mod common;
mod htmlcheck;
use common::{ok, root, run, temp, weigh};
use htmlcheck::hostile::{HOSTILE_NAME, HOSTILE_NOTE, hostile_html};
use htmlcheck::{assert_comparison_charts, assert_inert, assert_report_charts, heat_cells, parse};

/// The browsers looked for on PATH, in order.
const BROWSERS: [&str; 4] = [
    "chromium",
    "chromium-browser",
    "google-chrome",
    "google-chrome-stable",
];

/// How long one chromium run may take before the test gives up on it.
const TIMEOUT: Duration = Duration::from_secs(120);

/// Hosts chromium itself calls whatever page it shows (its clock, component updater and
/// sign-in probes), even with background networking disabled. A request to any other host is
/// the page's.
const CHROMIUM_OWN_HOSTS: [&str; 3] = [
    "clients2.google.com",
    "update.googleapis.com",
    "accounts.google.com",
];

/// Colours the stylesheet gives the bars (`templates/layout.html`), by level.
const BAR_COLOURS: [(&str, [u8; 3]); 4] = [
    ("overall", [0x24, 0x41, 0x5f]),
    ("good", [0x2f, 0x7d, 0x4f]),
    ("fair", [0xc9, 0x8a, 0x00]),
    ("poor", [0xc6, 0x28, 0x28]),
];

/// The first radar series' colours (`src/report/svg.rs`, PALETTE).
const SERIES_COLOURS: [[u8; 3]; 3] = [[0x0b, 0x3d, 0x91], [0xe6, 0x9f, 0x00], [0x00, 0x9e, 0x73]];

/// The heat map's colours (`templates/layout.html`) for a score of 0, of 60 to 80, and of 100.
const HEAT_ZERO: [u8; 3] = [0xb2, 0x18, 0x2b];
const HEAT_FAIR: [u8; 3] = [0xd1, 0xe5, 0xf0];
const HEAT_FULL: [u8; 3] = [0x21, 0x66, 0xac];

/// The chromium binary, or a failure saying how to get one.
fn chromium() -> PathBuf {
    let path = std::env::var_os("PATH").unwrap_or_default();
    BROWSERS
        .iter()
        .flat_map(|name| std::env::split_paths(&path).map(move |dir| dir.join(name)))
        .find(|candidate| candidate.is_file())
        .unwrap_or_else(|| {
            panic!(
                "no chromium on PATH (looked for {}): the browser tests need it. Run \
                 scripts/test.sh, which installs Debian's chromium (apt-get install -y chromium) \
                 and then runs the tests",
                BROWSERS.join(", ")
            )
        })
}

// ─── A proxy that only listens ────────────────────────────────────────────────────────────────

/// A TCP listener on loopback that chromium is told is its HTTP proxy: every request chromium
/// makes arrives here first. It records each request's first line and answers 502.
struct Proxy {
    port: u16,
    seen: Arc<Mutex<Vec<String>>>,
    stop: Arc<AtomicBool>,
    thread: Option<JoinHandle<()>>,
}

impl Proxy {
    fn start() -> Proxy {
        let listener = TcpListener::bind("127.0.0.1:0").expect("a loopback port");
        listener
            .set_nonblocking(true)
            .expect("a non-blocking listener");
        let port = listener.local_addr().expect("its address").port();
        let seen = Arc::new(Mutex::new(Vec::new()));
        let stop = Arc::new(AtomicBool::new(false));
        let thread = {
            let (seen, stop) = (seen.clone(), stop.clone());
            std::thread::spawn(move || {
                while !stop.load(Ordering::SeqCst) {
                    match listener.accept() {
                        Ok((stream, _)) => {
                            let line = first_line(stream);
                            seen.lock().unwrap().push(line);
                        }
                        Err(_) => std::thread::sleep(Duration::from_millis(20)),
                    }
                }
            })
        };
        Proxy {
            port,
            seen,
            stop,
            thread: Some(thread),
        }
    }

    /// Stops listening and returns every request line it saw.
    fn finish(mut self) -> Vec<String> {
        self.stop.store(true, Ordering::SeqCst);
        if let Some(thread) = self.thread.take() {
            thread.join().expect("the proxy thread");
        }
        std::mem::take(&mut *self.seen.lock().unwrap())
    }
}

/// The request line of one proxied connection (`CONNECT host:443 HTTP/1.1`, `GET http://…`).
fn first_line(mut stream: TcpStream) -> String {
    let _ = stream.set_nonblocking(false);
    let _ = stream.set_read_timeout(Some(Duration::from_secs(2)));
    let mut line = String::new();
    let _ = BufReader::new(&mut stream).read_line(&mut line);
    let _ = stream.write_all(b"HTTP/1.1 502 Bad Gateway\r\nContent-Length: 0\r\n\r\n");
    line.trim().to_string()
}

/// The host a request line asks for.
fn host(request: &str) -> String {
    let target = request.split_whitespace().nth(1).unwrap_or_default();
    let rest = target.split_once("://").map_or(target, |(_, rest)| rest);
    let authority = rest.split('/').next().unwrap_or_default();
    authority
        .rsplit_once(':')
        .map_or(authority, |(h, _)| h)
        .to_ascii_lowercase()
}

/// The requests a page made: every one but chromium's own.
fn page_requests(all: Vec<String>) -> Vec<String> {
    all.into_iter()
        .filter(|r| !CHROMIUM_OWN_HOSTS.contains(&host(r).as_str()))
        .collect()
}

// ─── Rendering ────────────────────────────────────────────────────────────────────────────────

/// What chromium made of a page.
struct Rendered {
    /// The DOM after loading, serialized (`--dump-dom`).
    dom: String,
    /// The screenshot (`--screenshot`).
    png: Image,
    /// Requests the page sent to the network (through the proxy).
    requests: Vec<String>,
}

/// Renders `file` in headless chromium with a window `width`×`height`.
fn render(file: &Path, width: u32, height: u32) -> Rendered {
    let profile = temp();
    let shot = profile.path().join("shot.png");
    let proxy = Proxy::start();
    let url = format!("file://{}", file.display());
    assert!(
        !url.contains([' ', '#', '?', '%']),
        "a plain file URL: {url}"
    );
    let mut cmd = Command::new(chromium());
    cmd.args([
        "--headless",
        "--no-sandbox",
        "--disable-gpu",
        "--no-first-run",
        "--disable-background-networking",
        "--disable-component-update",
        "--disable-sync",
        "--disable-default-apps",
        "--disable-extensions",
        "--disable-features=NetworkTimeServiceQuerying,OptimizationHints,Translate,MediaRouter",
        "--hide-scrollbars",
        "--force-color-profile=srgb",
        "--dump-dom",
    ])
    .arg(format!(
        "--user-data-dir={}",
        profile.path().join("profile").display()
    ))
    .arg(format!("--proxy-server=http://127.0.0.1:{}", proxy.port))
    .arg("--proxy-bypass-list=<-loopback>")
    .arg(format!("--window-size={width},{height}"))
    .arg(format!("--screenshot={}", shot.display()))
    .arg(&url);
    let dom = output_within(cmd, TIMEOUT);
    let requests = page_requests(proxy.finish());
    let png = std::fs::read(&shot)
        .unwrap_or_else(|e| panic!("chromium wrote no screenshot of {url}: {e}"));
    Rendered {
        dom,
        png: Image::decode(&png),
        requests,
    }
}

/// Runs `cmd` and returns its stdout, failing if it runs longer than `limit` or fails.
fn output_within(mut cmd: Command, limit: Duration) -> String {
    let mut child = cmd
        .stdout(Stdio::piped())
        .stderr(Stdio::null())
        .spawn()
        .expect("chromium starts");
    let mut stdout = child.stdout.take().expect("its stdout");
    let reader = std::thread::spawn(move || {
        let mut out = String::new();
        let _ = stdout.read_to_string(&mut out);
        out
    });
    let deadline = Instant::now() + limit;
    let status = loop {
        if let Some(status) = child.try_wait().expect("chromium's status") {
            break status;
        }
        if Instant::now() > deadline {
            let _ = child.kill();
            let _ = child.wait();
            panic!("chromium took longer than {limit:?}");
        }
        std::thread::sleep(Duration::from_millis(50));
    };
    let out = reader.join().expect("the reader thread");
    assert!(status.success(), "chromium failed: {status}");
    out
}

// ─── The picture ──────────────────────────────────────────────────────────────────────────────

/// A decoded screenshot, as RGB pixels.
struct Image {
    width: usize,
    height: usize,
    pixels: Vec<[u8; 3]>,
}

impl Image {
    fn decode(bytes: &[u8]) -> Image {
        let mut decoder = png::Decoder::new(std::io::Cursor::new(bytes));
        decoder.set_transformations(png::Transformations::normalize_to_color8());
        let mut reader = decoder.read_info().expect("a PNG");
        let mut buf = vec![0; reader.output_buffer_size().expect("a sane size")];
        let info = reader.next_frame(&mut buf).expect("a frame");
        let channels = info.color_type.samples();
        assert!(
            channels >= 3,
            "a colour screenshot, not {:?}",
            info.color_type
        );
        let pixels = buf[..info.buffer_size()]
            .chunks_exact(channels)
            .map(|p| [p[0], p[1], p[2]])
            .collect();
        Image {
            width: info.width as usize,
            height: info.height as usize,
            pixels,
        }
    }

    /// How many distinct colours the picture has.
    fn colours(&self) -> usize {
        self.pixels
            .iter()
            .collect::<std::collections::HashSet<_>>()
            .len()
    }

    /// The share of pixels that are not (nearly) white.
    fn ink(&self) -> f64 {
        let inked = self
            .pixels
            .iter()
            .filter(|p| p.iter().any(|c| *c < 240))
            .count();
        inked as f64 / self.pixels.len() as f64
    }

    /// How many pixels have exactly `colour`.
    fn count(&self, colour: [u8; 3]) -> usize {
        self.pixels.iter().filter(|p| **p == colour).count()
    }
}

/// Asserts that the picture is a page, not a blank: many colours and a fair share of ink.
fn assert_not_blank(png: &Image, what: &str) {
    assert!(
        png.width > 0 && png.height > 0,
        "{what}: an empty screenshot"
    );
    let (colours, ink) = (png.colours(), png.ink());
    assert!(
        colours >= 64,
        "{what}: only {colours} colours; a blank page?"
    );
    assert!(
        ink >= 0.03,
        "{what}: only {:.1}% ink; a blank page?",
        ink * 100.0
    );
}

/// Asserts that each bar the DOM has is drawn: its level's colour covers a bar's worth of
/// pixels in the screenshot.
fn assert_bars_visible(png: &Image, levels: &[String], what: &str) {
    let mut wanted: Vec<&str> = levels
        .iter()
        .map(String::as_str)
        .filter(|l| *l != "none")
        .collect();
    wanted.push("overall");
    for level in wanted {
        let (_, colour) = BAR_COLOURS.iter().find(|(l, _)| *l == level).unwrap();
        let pixels = png.count(*colour);
        assert!(
            pixels >= 400,
            "{what}: the {level} bars' colour covers only {pixels} pixels"
        );
    }
}

/// Asserts that the page fetched nothing.
fn assert_fetched_nothing(r: &Rendered, what: &str) {
    assert!(
        r.requests.is_empty(),
        "{what} made requests: {:?}",
        r.requests
    );
}

// ─── The reports ──────────────────────────────────────────────────────────────────────────────

/// Writes the HTML report of an example to `dir` and returns its path.
fn example_report(dir: &Path, name: &str) -> PathBuf {
    let out = dir.join(name.replace(".toml", ".html"));
    let file = root().join("examples").join(name);
    ok(&run(weigh(&root()).args([
        "report",
        &file.display().to_string(),
        "--format",
        "html",
        "--as-of",
        "2026-11-20",
        "-o",
        &out.display().to_string(),
    ])));
    out
}

/// How many dimensions and items an example's report has, from its JSON report.
fn example_shape(name: &str) -> (usize, usize) {
    let file = root().join("examples").join(name);
    let r = run(weigh(&root()).args([
        "report",
        &file.display().to_string(),
        "--format",
        "json",
        "--as-of",
        "2026-11-20",
    ]));
    ok(&r);
    let json: serde_json::Value = serde_json::from_str(&r.stdout).expect("JSON");
    let count = |key: &str| json[key].as_array().map_or(0, Vec::len);
    (count("dimensions"), count("items"))
}

#[test]
fn example_reports_render_in_chromium_with_visible_charts_and_fetch_nothing() {
    let dir = temp();
    for name in [
        "qwen3-235b-a22b.toml",
        "deepseek-v3.toml",
        "llama-3.1-405b.toml",
        "gpt-oss-120b-screen.toml",
    ] {
        let file = example_report(dir.path(), name);
        let (dimensions, items) = example_shape(name);
        let r = render(&file, 1280, 1600);
        assert_inert(&r.dom, name);
        let dom = parse(&r.dom);
        let levels = assert_report_charts(&dom, dimensions, name);
        assert_eq!(dom.with_class("article", "item").count(), items, "{name}");
        assert_not_blank(&r.png, name);
        assert_bars_visible(&r.png, &levels, name);
        assert_fetched_nothing(&r, name);
    }
}

#[test]
fn a_report_reads_on_a_phone_screen() {
    let dir = temp();
    let file = example_report(dir.path(), "deepseek-v3.toml");
    let r = render(&file, 390, 1400);
    let levels = assert_report_charts(&parse(&r.dom), 3, "phone");
    assert_not_blank(&r.png, "phone");
    assert_bars_visible(&r.png, &levels, "phone");
    // The badge's red is on the first screen.
    assert!(r.png.count([0xc6, 0x28, 0x28]) > 400);
}

#[test]
fn hostile_text_stays_inert_in_the_dom_chromium_builds() {
    let dir = temp();
    let html = hostile_html(dir.path());
    let file = dir.path().join("hostile.html");
    std::fs::write(&file, html).unwrap();
    let r = render(&file, 1000, 1200);
    assert_inert(&r.dom, "the hostile report in chromium");
    let dom = parse(&r.dom);
    // Still there, as text.
    for shown in [
        HOSTILE_NOTE,
        HOSTILE_NAME,
        "</td><script>alert('question')</script>",
    ] {
        assert!(dom.text.contains(shown), "not shown as text: {shown}");
    }
    assert_not_blank(&r.png, "the hostile report");
    assert_fetched_nothing(&r, "the hostile report");
}

#[test]
fn the_proxy_sees_a_page_that_fetches() {
    // The check above can fail: a page that loads an image is caught by the proxy, and by the
    // static check.
    let dir = temp();
    let file = dir.path().join("fetches.html");
    let page = "<!DOCTYPE html><html><head><title>t</title></head><body>\
                <p>x</p><img src=\"http://fetch-check.example/pixel.png\" alt=\"\"></body></html>";
    std::fs::write(&file, page).unwrap();
    let r = render(&file, 400, 300);
    assert!(
        r.requests.iter().any(|l| host(l) == "fetch-check.example"),
        "the proxy saw {:?}",
        r.requests
    );
    assert!(!htmlcheck::dangers(&parse(&r.dom)).is_empty());
}

/// `weigh compare FILES… --format html -o OUT ARGS…` in `dir`; returns OUT.
fn comparison(dir: &Path, files: &[PathBuf], args: &[&str]) -> PathBuf {
    let out = dir.join("comparison.html");
    let mut cmd = weigh(dir);
    cmd.arg("compare")
        .args(files)
        .args(["--format", "html", "--as-of", "2026-11-20", "-o"])
        .arg(&out)
        .args(args);
    ok(&run(&mut cmd));
    out
}

/// Asserts that the radar's first series and the `heat` colours of the heat map are drawn.
fn assert_comparison_visible(png: &Image, heat: &[[u8; 3]], what: &str) {
    for colour in SERIES_COLOURS {
        let pixels = png.count(colour);
        assert!(
            pixels >= 40,
            "{what}: the series colour {colour:?} covers {pixels} pixels"
        );
    }
    for &colour in heat {
        let pixels = png.count(colour);
        assert!(
            pixels >= 1000,
            "{what}: the heat colour {colour:?} covers {pixels} pixels"
        );
    }
}

#[test]
fn the_examples_compared_render_in_chromium_with_a_radar_and_a_heat_map() {
    let dir = temp();
    let files: Vec<PathBuf> = [
        "qwen3-235b-a22b.toml",
        "deepseek-v3.toml",
        "llama-3.1-405b.toml",
    ]
    .iter()
    .map(|n| root().join("examples").join(n))
    .collect();
    let page = comparison(dir.path(), &files, &[]);
    let r = render(&page, 1280, 4000);
    assert_inert(&r.dom, "the comparison");
    let dom = parse(&r.dom);
    assert_comparison_charts(&dom, 3, 3, "the comparison");
    assert_not_blank(&r.png, "the comparison");
    assert_comparison_visible(&r.png, &[HEAT_FAIR, HEAT_FULL], "the comparison");
    assert_fetched_nothing(&r, "the comparison");
}

#[test]
fn the_fmti_2025_comparison_renders_in_chromium_with_thirteen_polygons_and_every_indicator() {
    let dir = temp();
    let (checklist, files) = common::fmti::write_files(dir.path());
    let checklist = checklist.display().to_string();
    let page = comparison(dir.path(), &files, &["--checklist", &checklist]);
    let r = render(&page, 1280, 4000);
    assert_inert(&r.dom, "the FMTI comparison");
    let dom = parse(&r.dom);
    assert_comparison_charts(&dom, 13, 3, "the FMTI comparison");
    assert_eq!(heat_cells(&dom), 1300, "13 developers × 100 indicators");
    assert_not_blank(&r.png, "the FMTI comparison");
    // Every indicator is met (100) or not (0).
    assert_comparison_visible(&r.png, &[HEAT_ZERO, HEAT_FULL], "the FMTI comparison");
    assert_fetched_nothing(&r, "the FMTI comparison");
}

#[test]
fn request_lines_name_their_hosts() {
    assert_eq!(
        host("CONNECT update.googleapis.com:443 HTTP/1.1"),
        "update.googleapis.com"
    );
    assert_eq!(
        host("GET http://Evil.example/x.png HTTP/1.1"),
        "evil.example"
    );
    assert_eq!(
        host("GET http://evil.example:8080/x HTTP/1.1"),
        "evil.example"
    );
}
