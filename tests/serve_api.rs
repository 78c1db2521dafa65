//! `weigh serve` over HTTP, the real binary on a loopback port: the token check (401 before
//! anything is read), joining and voting through the JSON API, votes from scripts and from a
//! terminal landing together, twenty concurrent voters, hostile text in the page, the body cap,
//! the facilitator's token, the schema, and Ctrl-C with every vote saved.

mod common;
mod servecheck;

use std::sync::{Arc, Barrier};
use std::time::{Duration, Instant};

use serde_json::{Value, json};

use common::{small_arg, temp, weigh_in};
use servecheck::{
    Server, assert_inert, facilitate, get, join, post_json, post_raw, state, text_of, vote,
};
use weigh::assessment::store;

/// `weigh serve FILE --candidate "Kimi K3" --checklist small.toml` in `dir`.
fn serve(dir: &std::path::Path, file: &str) -> Server {
    let small = small_arg();
    Server::start(
        dir,
        &[file, "--candidate", "Kimi K3", "--checklist", &small],
    )
}

/// The assessment as the Store reads it.
fn answers(dir: &std::path::Path, file: &str) -> Vec<weigh::assessment::Answer> {
    store::read(&dir.join(file), &common::lookup(&common::small()))
        .expect("the assessment reads")
        .assessment
        .answers
}

#[test]
fn the_participant_url_is_the_first_url_on_stdout_with_a_url_safe_token_of_128_bits_or_more() {
    let dir = temp();
    let server = serve(dir.path(), "a.toml");
    assert!(server.participant_url.starts_with("http://127.0.0.1:"));
    for token in [&server.token, &server.facilitator] {
        assert!(token.len() >= 22, "at least 128 bits in base64: {token}");
        assert!(
            token
                .bytes()
                .all(|c| c.is_ascii_alphanumeric() || c == b'_' || c == b'-'),
            "{token}"
        );
    }
    assert_ne!(server.token, server.facilitator);
    assert_eq!(get(&server.url("/")).status, 200);
}

#[test]
fn requests_without_the_right_token_are_refused_401_before_anything_is_read() {
    let dir = temp();
    let server = serve(dir.path(), "a.toml");
    let base = &server.base;
    let wrong = "AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA";
    let cases: Vec<(&str, servecheck::Reply)> = vec![
        ("no token", get(&format!("{base}/api/state"))),
        ("no token on a page", get(&format!("{base}/"))),
        ("no token for the script", get(&format!("{base}/live.js"))),
        (
            "a wrong token",
            get(&format!("{base}/api/state?token={wrong}")),
        ),
        (
            "a wrong bearer",
            post_raw(
                &format!("{base}/api/join"),
                "application/json",
                &[("authorization", &format!("Bearer {wrong}"))],
                b"{\"name\":\"mallory\"}",
            ),
        ),
        (
            "the token in a cookie",
            post_raw(
                &format!("{base}/api/join"),
                "application/json",
                &[("cookie", &format!("token={}", server.token))],
                b"{\"name\":\"mallory\"}",
            ),
        ),
        (
            "the token in another header",
            post_raw(
                &format!("{base}/api/join"),
                "application/json",
                &[("x-token", &server.token)],
                b"{\"name\":\"mallory\"}",
            ),
        ),
        (
            "the token in the body",
            post_json(
                &format!("{base}/api/join"),
                &json!({ "name": "mallory", "token": server.token }),
            ),
        ),
        (
            "the token as Basic auth",
            post_raw(
                &format!("{base}/api/join"),
                "application/json",
                &[("authorization", &format!("Basic {}", server.token))],
                b"{\"name\":\"mallory\"}",
            ),
        ),
        (
            "malformed JSON with a wrong token",
            post_raw(
                &format!("{base}/api/vote?token={wrong}"),
                "application/json",
                &[],
                b"{not json",
            ),
        ),
    ];
    for (what, reply) in &cases {
        assert_eq!(reply.status, 401, "{what}: {}", reply.body);
        assert!(
            reply.body.contains("session token"),
            "{what}: {}",
            reply.body
        );
    }
    // A wrong token with a 1 MiB body announced: the 401 comes back before the body is sent.
    let head = raw_exchange(
        &server.base,
        &format!(
            "POST /api/vote?token={wrong} HTTP/1.1\r\nHost: x\r\nContent-Type: application/json\r\nContent-Length: {}\r\n\r\n{{",
            1 << 20
        ),
    );
    assert!(head.starts_with("HTTP/1.1 401"), "{head}");
    let s = state(&server, None);
    assert!(
        s["participants"].as_array().unwrap().is_empty(),
        "mallory never joined: {s}"
    );
    let bearer = post_raw(
        &format!("{base}/api/join"),
        "application/json",
        &[("authorization", &format!("Bearer {}", server.token))],
        b"{\"name\":\"alice\"}",
    );
    assert_eq!(bearer.status, 200, "{}", bearer.body);
}

/// Sends `request` (head and the start of a body) on a raw connection and returns what comes
/// back before the server closes or stops answering.
fn raw_exchange(base: &str, request: &str) -> String {
    use std::io::{Read, Write};
    let addr = base.trim_start_matches("http://");
    let mut stream = std::net::TcpStream::connect(addr).expect("connect");
    stream
        .set_read_timeout(Some(Duration::from_secs(10)))
        .unwrap();
    stream.write_all(request.as_bytes()).expect("send the head");
    let mut out = vec![0u8; 4096];
    let n = stream.read(&mut out).expect("an answer before the body");
    String::from_utf8_lossy(&out[..n]).into_owned()
}

#[test]
fn join_answers_200_with_a_participant_id_and_refuses_a_taken_name() {
    let dir = temp();
    let server = serve(dir.path(), "a.toml");
    let alice = join(&server, "alice");
    let again = post_json(&server.url("/api/join"), &json!({ "name": " alice " }));
    assert_eq!(again.status, 409, "{}", again.body);
    let s = state(&server, Some(&alice));
    assert_eq!(s["you"]["name"], "alice");
    let unknown = get(&server.url("/api/state?participant=nobody"));
    assert_eq!(unknown.status, 404, "{}", unknown.body);
}

#[test]
fn votes_are_checked_like_weigh_answer_and_only_on_the_current_item() {
    let dir = temp();
    let server = serve(dir.path(), "a.toml");
    let alice = join(&server, "alice");
    let bad = vote(&server, &alice, "licence-ok", "maybe", "");
    assert_eq!(bad.status, 422, "{}", bad.body);
    assert!(bad.json()["error"].as_str().unwrap().contains("yes or no"));
    let elsewhere = vote(&server, &alice, "deploy", "API", "");
    assert_eq!(elsewhere.status, 409, "{}", elsewhere.body);
    assert!(
        elsewhere.json()["help"]
            .as_str()
            .unwrap()
            .contains("licence-ok")
    );
    let stranger = vote(&server, "not-a-participant", "licence-ok", "yes", "");
    assert_eq!(stranger.status, 404, "{}", stranger.body);
    let malformed = post_raw(
        &server.url("/api/vote"),
        "application/json",
        &[],
        b"{\"item\":",
    );
    assert_eq!(malformed.status, 400, "{}", malformed.body);
    let ok = vote(&server, &alice, "licence-ok", "Y", "read it twice");
    assert_eq!(ok.status, 200, "{}", ok.body);
    assert_eq!(ok.json()["value"], "yes");
    let saved = answers(dir.path(), "a.toml");
    assert_eq!(saved.len(), 1);
    assert_eq!(
        (saved[0].by.as_str(), saved[0].note.as_deref()),
        ("alice", Some("read it twice"))
    );
}

#[test]
fn only_the_facilitators_token_reveals_and_moves_on() {
    let dir = temp();
    let server = serve(dir.path(), "a.toml");
    for step in ["reveal", "next", "back"] {
        let r = post_raw(
            &server.url(&format!("/api/{step}")),
            "application/json",
            &[],
            b"",
        );
        assert_eq!(r.status, 403, "{step}: {}", r.body);
    }
    assert_eq!(state(&server, None)["item"]["id"], "licence-ok");
    let moved = facilitate(&server, "next");
    assert_eq!(moved["item"]["id"], "eval-depth");
    assert_eq!(moved["facilitator"], true);
    // The facilitator's token works everywhere, and the facilitator may join and vote too.
    let joined = post_json(
        &server.facilitator_url("/api/join"),
        &json!({ "name": "lead" }),
    );
    assert_eq!(joined.status, 200, "{}", joined.body);
    let lead = joined.json()["participant"].as_str().unwrap().to_string();
    let voted = post_json(
        &server.facilitator_url("/api/vote"),
        &json!({ "participant": lead, "item": "eval-depth", "value": "1", "evidence": ["evals/"] }),
    );
    assert_eq!(voted.status, 200, "{}", voted.body);
    let seen = get(&server.facilitator_url(&format!("/api/state?participant={lead}")));
    assert_eq!(seen.json()["you"]["name"], "lead");
}

#[test]
fn after_the_last_item_the_board_gives_the_readiness_report() {
    let dir = temp();
    let server = serve(dir.path(), "a.toml");
    let alice = join(&server, "alice");
    assert_eq!(vote(&server, &alice, "licence-ok", "no", "").status, 200);
    let mut steps = 0;
    while !facilitate(&server, "next")["finished"].as_bool().unwrap() {
        steps += 1;
        assert!(steps < 10, "the session never finished");
    }
    let board = get(&server.url(&format!("/board?participant={alice}")));
    assert_eq!(board.status, 200);
    let end = text_of(&board.body);
    assert!(
        end.contains("Readiness report") && end.contains("NOT READY"),
        "{end}"
    );
    let report = get(&server.url("/report"));
    assert_eq!(report.status, 200);
    assert!(
        text_of(&report.body).contains("NOT READY"),
        "the licence gate failed: {}",
        report.body
    );
    let back = facilitate(&server, "back");
    assert_eq!(
        back["item"]["id"], "summary",
        "back from the end goes to the last item"
    );
}

#[test]
fn a_script_vote_and_a_concurrent_weigh_answer_both_land_and_the_terminal_answer_shows_within_two_seconds()
 {
    let dir = temp();
    let server = serve(dir.path(), "a.toml");
    let alice = join(&server, "alice");
    let path = dir.path().to_path_buf();
    let small = small_arg();
    let terminal = std::thread::spawn(move || {
        weigh_in(
            &path,
            &[
                "answer",
                "a.toml",
                "licence-ok",
                "no",
                "--as",
                "carol",
                "--note",
                "from a terminal",
                "--checklist",
                &small,
            ],
        )
    });
    let voted = vote(&server, &alice, "licence-ok", "yes", "from the browser");
    let terminal = terminal.join().expect("the terminal thread");
    common::ok(&terminal);
    assert_eq!(voted.status, 200, "{}", voted.body);
    let saved = answers(dir.path(), "a.toml");
    let by: Vec<&str> = saved.iter().map(|a| a.by.as_str()).collect();
    assert_eq!(by, ["alice", "carol"], "both answers are in the file");
    // And carol's answer reaches the session by itself, within two seconds.
    let start = Instant::now();
    loop {
        let s = state(&server, Some(&alice));
        let voted: Vec<&str> = s["item"]["voted"]
            .as_array()
            .unwrap()
            .iter()
            .filter_map(Value::as_str)
            .collect();
        if voted.contains(&"carol") {
            assert!(
                s["item"]["answers"]
                    .as_array()
                    .unwrap()
                    .iter()
                    .any(|a| a["note"] == "from a terminal"),
                "alice voted, so she sees carol's answer: {s}"
            );
            break;
        }
        assert!(
            start.elapsed() < Duration::from_secs(2),
            "carol's answer did not show: {s}"
        );
        std::thread::sleep(Duration::from_millis(50));
    }
}

/// Twenty participants vote at the same moment; every vote is in the assessment.
fn twenty_concurrent_voters(file: &str) {
    let dir = temp();
    let server = Arc::new(serve(dir.path(), file));
    let ids: Vec<String> = (0..20)
        .map(|i| join(&server, &format!("voter {i:02}")))
        .collect();
    let barrier = Arc::new(Barrier::new(ids.len()));
    let threads: Vec<_> = ids
        .into_iter()
        .enumerate()
        .map(|(i, id)| {
            let (server, barrier) = (server.clone(), barrier.clone());
            std::thread::spawn(move || {
                barrier.wait();
                let value = if i % 2 == 0 { "yes" } else { "no" };
                vote(&server, &id, "licence-ok", value, &format!("note {i}")).status
            })
        })
        .collect();
    for t in threads {
        assert_eq!(t.join().expect("a voter"), 200);
    }
    let saved = answers(dir.path(), file);
    assert_eq!(saved.len(), 20, "{saved:#?}");
    for i in 0..20 {
        let by = format!("voter {i:02}");
        let a = saved
            .iter()
            .find(|a| a.by == by)
            .unwrap_or_else(|| panic!("{by} lost"));
        assert_eq!(a.note.as_deref(), Some(format!("note {i}").as_str()));
    }
    let s = state(&server, None);
    assert_eq!(s["item"]["voted"].as_array().unwrap().len(), 20);
}

#[test]
fn twenty_concurrent_voters_lose_nothing_in_one_file() {
    twenty_concurrent_voters("a.toml");
}

#[test]
fn twenty_concurrent_voters_lose_nothing_in_a_folder_each_in_their_own_file() {
    twenty_concurrent_voters("kimi-k3");
}

#[test]
fn in_a_folder_each_participant_writes_their_own_member_file() {
    let dir = temp();
    let server = serve(dir.path(), "kimi-k3");
    assert!(
        !dir.path().join("kimi-k3").exists(),
        "nothing is written before the first vote"
    );
    let alice = join(&server, "Alice Smith");
    let bob = join(&server, "bob");
    assert_eq!(vote(&server, &alice, "licence-ok", "yes", "").status, 200);
    assert_eq!(vote(&server, &bob, "licence-ok", "no", "").status, 200);
    let mut files: Vec<String> = std::fs::read_dir(dir.path().join("kimi-k3"))
        .unwrap()
        .map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
        .collect();
    files.sort();
    assert_eq!(files, ["alice-smith.toml", "bob.toml"]);
    let alice_file = std::fs::read_to_string(dir.path().join("kimi-k3/alice-smith.toml")).unwrap();
    assert!(alice_file.contains("by = \"Alice Smith\"") && !alice_file.contains("by = \"bob\""));
}

#[test]
fn a_hostile_name_note_and_evidence_are_inert_in_the_page() {
    const NAME: &str = "<img src=x onerror=alert(1)>";
    const NOTE: &str = "</td><script>alert('note')</script><a href=\"javascript:alert(2)\">x</a>";
    const EVIDENCE: &str = "javascript:alert(3)";
    let dir = temp();
    let server = serve(dir.path(), "a.toml");
    let mallory = join(&server, NAME);
    let r = post_json(
        &server.url("/api/vote"),
        &json!({ "participant": mallory, "item": "licence-ok", "value": "yes", "note": NOTE, "evidence": [EVIDENCE] }),
    );
    assert_eq!(r.status, 200, "{}", r.body);
    facilitate(&server, "reveal");
    for page in [
        get(&server.url("/board")),
        get(&server.facilitator_url("/board")),
        get(&server.url(&format!("/board?participant={mallory}"))),
        get(&server.url("/live?since=0")),
    ] {
        assert_eq!(page.status, 200, "{}", page.body);
        assert_inert(&page.body, &[NAME, NOTE, EVIDENCE]);
    }
    let report = get(&server.url("/report"));
    assert_inert(&report.body, &[]);
    // The JSON carries the text as it was written, as JSON strings.
    let s = state(&server, None);
    assert_eq!(s["item"]["answers"][0]["note"], NOTE);
}

#[test]
fn every_answer_carries_a_content_security_policy_and_no_referrer() {
    let dir = temp();
    let server = serve(dir.path(), "a.toml");
    for r in [
        get(&server.url("/board")),
        get(&format!("{}/", server.base)),
    ] {
        let csp = r.header("content-security-policy").expect("a CSP header");
        assert!(
            csp.contains("script-src 'self'") && csp.contains("default-src 'none'"),
            "{csp}"
        );
        assert_eq!(r.header("referrer-policy"), Some("no-referrer"));
        assert_eq!(r.header("x-content-type-options"), Some("nosniff"));
    }
    let script = get(&server.url("/live.js"));
    assert!(
        script
            .header("content-type")
            .unwrap()
            .starts_with("text/javascript")
    );
    assert!(script.body.contains("/live") || script.body.contains("data-live"));
}

#[test]
fn an_oversized_body_is_refused_413_and_nothing_is_saved() {
    let dir = temp();
    let server = serve(dir.path(), "a.toml");
    let alice = join(&server, "alice");
    let huge = json!({ "participant": alice, "item": "licence-ok", "value": "yes", "note": "x".repeat(200_000) });
    let r = post_json(&server.url("/api/vote"), &huge);
    assert_eq!(r.status, 413, "{}", r.body);
    let form = format!("item=licence-ok&value=yes&note={}", "x".repeat(200_000));
    let r = post_raw(
        &server.url(&format!("/vote?participant={alice}")),
        "application/x-www-form-urlencoded",
        &[],
        form.as_bytes(),
    );
    assert_eq!(r.status, 413, "{}", r.body);
    assert!(answers(dir.path(), "a.toml").is_empty());
}

#[test]
fn forms_work_without_javascript_and_redirect_back_to_the_board() {
    let dir = temp();
    let server = serve(dir.path(), "a.toml");
    let joined = post_raw(
        &server.url("/join"),
        "application/x-www-form-urlencoded",
        &[],
        b"name=dora",
    );
    assert_eq!(joined.status, 303, "{}", joined.body);
    let board = joined.header("location").expect("a redirect").to_string();
    assert!(
        board.starts_with("/board?token=") && board.contains("&participant="),
        "{board}"
    );
    let participant = board.split("participant=").nth(1).unwrap().to_string();
    let voted = post_raw(
        &server.url(&format!("/vote?participant={participant}")),
        "application/x-www-form-urlencoded",
        &[],
        b"item=licence-ok&value=no&note=checked+the+licence&evidence=LICENSE%0Ahttps%3A%2F%2Fexample.org%2Flicence",
    );
    assert_eq!(voted.status, 303, "{}", voted.body);
    let saved = answers(dir.path(), "a.toml");
    assert_eq!(
        saved[0].evidence,
        ["LICENSE", "https://example.org/licence"]
    );
    let page = get(&format!("{}{board}", server.base));
    assert!(text_of(&page.body).contains("checked the licence"));
    let stale = post_raw(
        &server.url(&format!("/vote?participant={participant}")),
        "application/x-www-form-urlencoded",
        &[],
        b"item=deploy&value=API&note=kept",
    );
    assert_eq!(
        stale.status, 409,
        "a vote from a page left behind is refused, not misapplied"
    );
    assert!(stale.body.contains("kept"), "the note typed is not lost");
}

#[test]
fn every_api_answer_is_valid_against_weigh_schema_serve_api() {
    let dir = temp();
    let r = weigh_in(dir.path(), &["schema", "serve-api"]);
    common::ok(&r);
    let schema: Value = serde_json::from_str(&r.stdout).expect("JSON");
    let committed: Value = serde_json::from_str(
        &std::fs::read_to_string(common::root().join("schemas/serve-api.schema.json"))
            .expect("schemas/serve-api.schema.json"),
    )
    .unwrap();
    assert_eq!(
        schema, committed,
        "the committed schema is the one weigh prints"
    );
    let validator = |name: &str| {
        let one = json!({ "$ref": format!("#/definitions/{name}"), "definitions": schema["definitions"] });
        jsonschema::draft7::new(&one).expect("a valid schema")
    };
    let server = serve(dir.path(), "a.toml");
    let alice = join(&server, "alice");
    let checks = [
        ("JsonJoin", json!({ "name": "bob" })),
        (
            "JsonJoined",
            post_json(&server.url("/api/join"), &json!({ "name": "carol" })).json(),
        ),
        (
            "JsonVote",
            json!({ "participant": alice, "item": "licence-ok", "value": "yes", "evidence": ["LICENSE"] }),
        ),
        (
            "JsonVoted",
            vote(&server, &alice, "licence-ok", "yes", "n").json(),
        ),
        ("JsonState", state(&server, Some(&alice))),
        ("JsonState", facilitate(&server, "next")),
        (
            "JsonError",
            vote(&server, &alice, "licence-ok", "yes", "").json(),
        ),
    ];
    for (name, value) in checks {
        let v = validator(name);
        let errors: Vec<String> = v.iter_errors(&value).map(|e| e.to_string()).collect();
        assert!(errors.is_empty(), "{name}: {errors:?}\n{value}");
    }
    assert!(
        !validator("JsonVote").is_valid(&json!({ "participant": "p", "item": "x", "token": "t" }))
    );
}

#[test]
fn ctrl_c_stops_the_server_with_every_vote_saved_and_exit_130() {
    let dir = temp();
    let server = serve(dir.path(), "a.toml");
    let ids: Vec<String> = (0..8).map(|i| join(&server, &format!("v{i}"))).collect();
    let url = server.url("/api/vote");
    let threads: Vec<_> = ids
        .into_iter()
        .map(|id| {
            let url = url.clone();
            std::thread::spawn(move || {
                // Vote (and change the vote) until the server is gone; the last note that got
                // a 200 is the one that must be on disk.
                let mut last_ok = None;
                for n in 0..200 {
                    let note = format!("take {n}");
                    let r = servecheck::client()
                        .post(&url)
                        .send_json(json!({ "participant": id, "item": "licence-ok", "value": "yes", "note": note }));
                    match r {
                        Ok(resp) if resp.status() == 200 => last_ok = Some(note),
                        _ => break,
                    }
                }
                (id, last_ok)
            })
        })
        .collect();
    std::thread::sleep(Duration::from_millis(400));
    let stopped = server.interrupt();
    assert_eq!(stopped.code, 130, "{}", stopped.stderr);
    assert!(
        stopped.stderr.contains("session stopped"),
        "{}",
        stopped.stderr
    );
    let saved = answers(dir.path(), "a.toml");
    for t in threads {
        let (_, last_ok) = t.join().expect("a voter");
        let Some(note) = last_ok else { continue };
        assert!(
            saved
                .iter()
                .any(|a| a.note.as_deref() == Some(note.as_str())),
            "a vote answered 200 ({note}) is not on disk: {saved:#?}"
        );
    }
    assert!(!saved.is_empty());
}

#[test]
fn listening_beyond_loopback_warns_that_anyone_with_the_url_can_vote() {
    let dir = temp();
    let small = small_arg();
    let server = Server::start(
        dir.path(),
        &[
            "a.toml",
            "--candidate",
            "Kimi K3",
            "--checklist",
            &small,
            "--listen",
            "0.0.0.0:0",
        ],
    );
    assert!(server.participant_url.contains("/?token="));
    assert!(
        !server.participant_url.contains("0.0.0.0"),
        "the URL names the machine: {}",
        server.participant_url
    );
    let stopped = server.interrupt();
    assert!(
        stopped
            .stderr
            .contains("anyone on that network who has the participant URL can vote"),
        "{}",
        stopped.stderr
    );
}

#[test]
fn a_missing_assessment_without_a_candidate_is_exit_2() {
    let dir = temp();
    let r = weigh_in(dir.path(), &["serve", "nothing.toml"]);
    common::refused(&r);
    assert!(r.stderr.contains("--candidate"), "{}", r.stderr);
    let r = weigh_in(
        dir.path(),
        &[
            "serve",
            "x.toml",
            "--candidate",
            "K",
            "--listen",
            "not an address",
        ],
    );
    common::refused(&r);
    assert!(r.stderr.contains("--listen"), "{}", r.stderr);
}

#[test]
fn a_client_that_never_finishes_its_request_does_not_keep_the_server_from_stopping() {
    use std::io::Write;
    let dir = temp();
    let server = serve(dir.path(), "a.toml");
    let alice = join(&server, "alice");
    assert_eq!(
        vote(&server, &alice, "licence-ok", "yes", "kept").status,
        200
    );
    let addr = server.base.trim_start_matches("http://").to_string();
    let mut slow = std::net::TcpStream::connect(&addr).expect("connect");
    write!(
        slow,
        "POST /api/vote?token={} HTTP/1.1\r\nHost: x\r\nContent-Type: application/json\r\nContent-Length: 100\r\n\r\n{{\"part",
        server.token
    )
    .expect("half a request");
    std::thread::sleep(Duration::from_millis(200));
    let start = Instant::now();
    let stopped = server.interrupt();
    assert_eq!(stopped.code, 130, "{}", stopped.stderr);
    assert!(
        start.elapsed() < Duration::from_secs(10),
        "stopping took {:?}",
        start.elapsed()
    );
    assert_eq!(
        answers(dir.path(), "a.toml")[0].note.as_deref(),
        Some("kept")
    );
    drop(slow);
}

#[test]
fn a_vote_without_required_evidence_is_saved_with_a_warning_and_listed_as_missing_evidence() {
    let dir = temp();
    let server = serve(dir.path(), "a.toml");
    let alice = join(&server, "alice");
    facilitate(&server, "next");
    let r = vote(&server, &alice, "eval-depth", "Spot-checked", "");
    assert_eq!(r.status, 200, "{}", r.body);
    let warnings = r.json()["warnings"].to_string();
    assert!(warnings.contains("missing_evidence"), "{warnings}");
    let small = small_arg();
    let report = weigh_in(
        dir.path(),
        &[
            "report",
            "a.toml",
            "--format",
            "json",
            "--checklist",
            &small,
        ],
    );
    common::ok(&report);
    let report: Value = serde_json::from_str(&report.stdout).unwrap();
    let item = report["items"]
        .as_array()
        .unwrap()
        .iter()
        .find(|i| i["id"] == "eval-depth")
        .unwrap();
    assert_eq!(item["missing_evidence"], true);
}

#[test]
fn the_verdict_so_far_and_the_report_leave_out_a_vote_that_is_still_hidden() {
    let dir = temp();
    let server = serve(dir.path(), "a.toml");
    let alice = join(&server, "alice");
    let bob = join(&server, "bob");
    // alice's "no" fails the licence gate: NOT READY, once anyone may see it.
    assert_eq!(
        vote(&server, &alice, "licence-ok", "no", "the secret note").status,
        200
    );
    let seen_by = |participant: &str| {
        text_of(&get(&server.url(&format!("/board?participant={participant}"))).body)
    };
    let alices = seen_by(&alice);
    assert!(
        alices.contains("NOT READY") && alices.contains("the secret note"),
        "{alices}"
    );
    let bobs = seen_by(&bob);
    assert!(
        !bobs.contains("NOT READY") && !bobs.contains("the secret note"),
        "{bobs}"
    );
    let report = text_of(&get(&server.url("/report")).body);
    assert!(
        !report.contains("the secret note") && !report.contains("NOT READY"),
        "{report}"
    );
    facilitate(&server, "reveal");
    let report = text_of(&get(&server.url("/report")).body);
    assert!(
        report.contains("the secret note") && report.contains("NOT READY"),
        "{report}"
    );
    assert!(seen_by(&bob).contains("the secret note"));
}
