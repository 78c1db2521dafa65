//! `weigh facts` on a model snapshot folder: exact weight bytes and dtypes from safetensors,
//! licence, remote code, pickle files, chat template and sampling; never reading weights whole,
//! never following links out of the folder, refusing oversized JSON; and a snapshot plus the
//! models.dev slice answering items of the default checklist with their evidence.

mod common;

use std::path::Path;

use common::snapshot::snapshot;
use common::{fixture, ok, refused, temp, weigh_in};
use serde_json::Value;

/// The default checklist's `hardware-fit` level that fitting on hardware you have implies.
const SIZED: &str = "Sized for weights and KV cache at your context, concurrency and parallel layout; hardware reserved or on order";

/// `weigh facts snap ARGS… --into a.toml`, then `weigh answer a.toml --from-facts` against
/// `checklist`: the answers by item, and what the answering printed.
fn answered_from(dir: &Path, checklist: &str, facts: &[&str]) -> (toml::Table, String) {
    let mut args = vec!["facts", "snap"];
    args.extend_from_slice(facts);
    args.extend([
        "--into",
        "a.toml",
        "--candidate",
        "M",
        "--checklist",
        checklist,
    ]);
    let r = weigh_in(dir, &args);
    ok(&r);
    let r = weigh_in(dir, &["answer", "a.toml", "--from-facts", "--as", "alice"]);
    ok(&r);
    let answers = common::answer_tables(dir, "a.toml")
        .into_iter()
        .map(|a| {
            (
                a["item"].as_str().unwrap().to_string(),
                toml::Value::Table(a),
            )
        })
        .collect();
    (answers, r.stderr)
}

fn facts_json(dir: &Path, snap: &str) -> Value {
    let r = weigh_in(dir, &["facts", snap, "--format", "json"]);
    ok(&r);
    serde_json::from_str(&r.stdout).unwrap()
}

#[test]
fn a_snapshot_gives_exact_weights_licence_remote_code_pickles_template_and_sampling() {
    let dir = temp();
    snapshot(&dir.path().join("snap"));
    let json = facts_json(dir.path(), "snap");
    assert_eq!(json["architecture"], "Qwen3MoeForCausalLM");
    assert_eq!(json["weights"]["bytes"], 470_187_269_120u64);
    assert_eq!(json["weights"]["dtypes"], serde_json::json!(["BF16"]));
    assert_eq!(json["license"]["id"], "Apache-2.0");
    assert_eq!(json["license"]["file"], "README.md");
    assert_eq!(json["remote_code"], true);
    assert_eq!(
        json["remote_code_reasons"],
        serde_json::json!(["modeling_qwen3_moe.py"])
    );
    assert_eq!(
        json["pickle_files"],
        serde_json::json!(["training_args.bin"])
    );
    assert_eq!(json["chat_template"], true);
    assert_eq!(json["generation"]["temperature"], 0.6);
    assert_eq!(json["generation"]["top_k"], 20.0);
    let schema = serde_json::to_value(weigh::facts::json::schema()).unwrap();
    assert!(jsonschema::draft7::new(&schema).unwrap().is_valid(&json));
}

#[cfg(unix)]
#[test]
fn links_out_of_the_snapshot_are_named_and_not_read() {
    let dir = temp();
    let snap = dir.path().join("snap");
    snapshot(&snap);
    std::fs::write(dir.path().join("outside.md"), "---\nlicense: mit\n---\n").unwrap();
    std::fs::write(dir.path().join("outside.bin"), "pickle").unwrap();
    std::fs::remove_file(snap.join("README.md")).unwrap();
    std::os::unix::fs::symlink(dir.path().join("outside.md"), snap.join("README.md")).unwrap();
    std::os::unix::fs::symlink(
        dir.path().join("outside.bin"),
        snap.join("pytorch_model.bin"),
    )
    .unwrap();
    let json = facts_json(dir.path(), "snap");
    assert_eq!(
        json["skipped_links"],
        serde_json::json!(["README.md", "pytorch_model.bin"])
    );
    assert_eq!(
        json["pickle_files"],
        serde_json::json!(["pytorch_model.bin", "training_args.bin"]),
        "a link's name still counts"
    );
    assert!(
        json["license"].is_null(),
        "the card outside the folder was not read: {}",
        json["license"]
    );
}

#[test]
fn json_over_the_limit_is_refused_with_its_name() {
    let dir = temp();
    let snap = dir.path().join("snap");
    snapshot(&snap);
    let config = std::fs::File::options()
        .write(true)
        .open(snap.join("config.json"))
        .unwrap();
    config.set_len(65 << 20).unwrap();
    let r = weigh_in(dir.path(), &["facts", "snap"]);
    refused(&r);
    assert!(
        r.stderr.contains("config.json is larger than 64 MiB"),
        "{}",
        r.stderr
    );
}

#[test]
fn a_folder_without_config_json_lists_what_it_holds() {
    let dir = temp();
    std::fs::create_dir_all(dir.path().join("gguf")).unwrap();
    std::fs::write(dir.path().join("gguf/model-Q4_K_M.gguf"), "").unwrap();
    let r = weigh_in(dir.path(), &["facts", "gguf"]);
    refused(&r);
    assert!(
        r.stderr.contains("has no config.json") && r.stderr.contains("model-Q4_K_M.gguf"),
        "{}",
        r.stderr
    );
}

#[test]
fn a_snapshot_and_the_models_dev_slice_answer_items_of_the_default_checklist_with_evidence() {
    let dir = temp();
    snapshot(&dir.path().join("snap"));
    let from = fixture("models-dev").display().to_string();
    ok(&weigh_in(
        dir.path(),
        &[
            "facts",
            "snap",
            "--have",
            "8xH200",
            "--into",
            "a.toml",
            "--candidate",
            "Qwen3-235B-A22B",
        ],
    ));
    ok(&weigh_in(
        dir.path(),
        &[
            "providers",
            "deepseek/deepseek-v4-pro",
            "--from",
            &from,
            "--into",
            "a.toml",
            "--as-of",
            "2026-07-01",
        ],
    ));
    let r = weigh_in(
        dir.path(),
        &["answer", "a.toml", "--from-facts", "--as", "alice"],
    );
    ok(&r);
    let text = std::fs::read_to_string(dir.path().join("a.toml")).unwrap();
    let file: toml::Table = toml::from_str(&text).unwrap();
    assert_eq!(
        file["assessment"]["checklist"].as_str(),
        Some("open-weight-adoption")
    );
    let answers: Vec<&toml::Table> = file["answer"]
        .as_array()
        .unwrap()
        .iter()
        .map(|a| a.as_table().unwrap())
        .collect();
    for fact in [
        "architecture",
        "params.total",
        "license",
        "remote_code",
        "providers.count",
    ] {
        assert!(
            file["candidate"]["facts"].get(fact).is_some(),
            "{fact} recorded"
        );
    }
    let by_item = |id: &str| {
        *answers
            .iter()
            .find(|a| a["item"].as_str() == Some(id))
            .unwrap_or_else(|| panic!("{id} unanswered: {}", r.stderr))
    };
    assert!(
        answers.len() >= 4,
        "{} answered: {}",
        answers.len(),
        r.stderr
    );
    for a in &answers {
        let evidence = a["evidence"].as_array().expect("evidence");
        assert!(!evidence.is_empty(), "{a:?}");
        assert!(
            a["note"].as_str().unwrap().starts_with("from data: fact `"),
            "{a:?}"
        );
    }
    assert_eq!(
        by_item("licence")["value"].as_str(),
        Some("OSI-approved licence (e.g. Apache-2.0, MIT) with no added use restrictions")
    );
    assert_eq!(
        by_item("licence")["evidence"].as_array().unwrap()[0].as_str(),
        Some("snap/README.md")
    );
    assert_eq!(
        by_item("weight-provenance")["value"].as_bool(),
        Some(false),
        "remote code ships"
    );
    assert!(
        by_item("weight-provenance")["note"]
            .as_str()
            .unwrap()
            .contains("safetensors weights; remote code: modeling_qwen3_moe.py"),
        "the source names both parts"
    );
    assert_eq!(
        by_item("hardware-fit")["value"].as_str(),
        Some(SIZED),
        "one replica needs 5 of the 8 H200s"
    );
    assert_eq!(
        by_item("providers-full-context")["value"].as_integer(),
        Some(35)
    );
    assert_eq!(by_item("provider-count")["value"].as_integer(), Some(38));
    assert_eq!(
        by_item("provider-count")["at"].to_string(),
        "2026-07-01T00:00:00Z"
    );
    assert_eq!(by_item("price-input-mtok")["value"].as_float(), Some(1.392));
    assert_eq!(
        by_item("price-output-mtok")["value"].as_float(),
        Some(2.784)
    );
}

#[test]
fn weight_provenance_is_no_for_pickle_only_weights_and_for_remote_code_and_unanswered_otherwise() {
    let remote = temp();
    snapshot(&remote.path().join("snap"));
    let (answers, _) = answered_from(remote.path(), "open-weight-adoption", &[]);
    let provenance = &answers["weight-provenance"];
    assert_eq!(provenance["value"].as_bool(), Some(false));
    assert!(
        provenance["note"]
            .as_str()
            .unwrap()
            .starts_with("from data: fact `weights.loads_without_code` = false"),
        "{provenance}"
    );

    let pickled = temp();
    let snap = pickled.path().join("snap");
    snapshot(&snap);
    for name in [
        "model.safetensors.index.json",
        "model-00001-of-00002.safetensors",
        "model-00002-of-00002.safetensors",
        "modeling_qwen3_moe.py",
    ] {
        std::fs::remove_file(snap.join(name)).unwrap();
    }
    std::fs::write(snap.join("pytorch_model.bin"), b"\x80\x04pickle").unwrap();
    let (answers, _) = answered_from(pickled.path(), "open-weight-adoption", &[]);
    let provenance = &answers["weight-provenance"];
    assert_eq!(provenance["value"].as_bool(), Some(false));
    assert_eq!(
        provenance["evidence"][0].as_str(),
        Some("snap (pickle weights only (pytorch_model.bin, training_args.bin); no remote code)")
    );

    let clean = temp();
    let snap = clean.path().join("snap");
    snapshot(&snap);
    std::fs::remove_file(snap.join("modeling_qwen3_moe.py")).unwrap();
    let (answers, stderr) = answered_from(clean.path(), "open-weight-adoption", &[]);
    assert!(
        !answers.contains_key("weight-provenance"),
        "data cannot show the pin and the checksums"
    );
    assert!(
        stderr.contains(
            "not answered weight-provenance: fact `weights.loads_without_code` = true matches none of the item's rules"
        ),
        "{stderr}"
    );
    let facts: toml::Table =
        toml::from_str(&std::fs::read_to_string(clean.path().join("a.toml")).unwrap()).unwrap();
    assert_eq!(
        facts["candidate"]["facts"]["remote_code"]["value"].as_bool(),
        Some(false),
        "remote_code is recorded as before"
    );
}

#[test]
fn hardware_fit_is_answered_when_one_replica_fits_on_the_hardware_declared() {
    // Qwen3-235B-A22B at bf16 with its 40,960-token context needs 5 H200s, 3 at fp8.
    let fits = temp();
    snapshot(&fits.path().join("snap"));
    let (answers, _) = answered_from(fits.path(), "open-weight-adoption", &["--have", "8xh200"]);
    let fit = &answers["hardware-fit"];
    assert_eq!(fit["value"].as_str(), Some(SIZED));
    assert_eq!(fit["at"].to_string(), "2026-11-28T20:00:00Z");
    assert!(
        fit["evidence"][0]
            .as_str()
            .unwrap()
            .contains("one replica needs 5 × NVIDIA H200 141GB, 8 declared"),
        "{fit}"
    );

    let screen = temp();
    snapshot(&screen.path().join("snap"));
    let (answers, _) = answered_from(
        screen.path(),
        "quick-screen",
        &["--have", "4xH200", "--precision", "fp8"],
    );
    assert_eq!(
        answers["hardware-fit"]["value"].as_str(),
        Some("Yes, on hardware you already run")
    );

    let short = temp();
    snapshot(&short.path().join("snap"));
    let (answers, stderr) =
        answered_from(short.path(), "open-weight-adoption", &["--have", "4xH200"]);
    assert!(!answers.contains_key("hardware-fit"), "the team may rent");
    assert!(
        stderr.contains("not answered hardware-fit: fact `hardware.fits` = false"),
        "{stderr}"
    );
}

#[test]
fn have_names_the_hardware_or_exits_2_listing_what_it_accepts() {
    let dir = temp();
    snapshot(&dir.path().join("snap"));
    let r = weigh_in(
        dir.path(),
        &["facts", "snap", "--have", "16xmi300x", "--format", "json"],
    );
    ok(&r);
    let json: Value = serde_json::from_str(&r.stdout).unwrap();
    assert_eq!(
        json["hardware"],
        serde_json::json!({"accelerator": "mi300x-192gb", "name": "AMD Instinct MI300X 192GB", "count": 16, "needed": 3, "fits": true})
    );
    let schema = serde_json::to_value(weigh::facts::json::schema()).unwrap();
    assert!(jsonschema::draft7::new(&schema).unwrap().is_valid(&json));
    let r = weigh_in(dir.path(), &["facts", "snap", "--have", "4xh200"]);
    ok(&r);
    assert!(
        r.stdout.contains(
            "On the hardware you have (4 × NVIDIA H200 141GB): one replica needs 5: it does not fit"
        ),
        "{}",
        r.stdout
    );

    for (have, says) in [
        ("8xTPUv5p", "weigh knows no accelerator `TPUv5p`"),
        ("8H200", "--have 8H200 is not COUNTxACCELERATOR"),
        ("H200", "--have H200 is not COUNTxACCELERATOR"),
        ("0xH200", "the count must be 1 to 4096"),
    ] {
        let r = weigh_in(
            dir.path(),
            &[
                "facts",
                "snap",
                "--have",
                have,
                "--into",
                "a.toml",
                "--candidate",
                "M",
            ],
        );
        refused(&r);
        assert!(r.stderr.contains(says), "{have}: {}", r.stderr);
        for known in ["`h100` (NVIDIA H100 80GB)", "`mi300x`", "`ascend-910b`"] {
            assert!(r.stderr.contains(known), "{have}: {}", r.stderr);
        }
        assert!(!dir.path().join("a.toml").exists(), "nothing recorded");
    }
}
