//! The fuzz corpus (`fuzz/corpus/loaders/`), replayed through the fuzz target's own entry point
//! (`weigh::fuzz::exercise`) in an ordinary `cargo test`: every input that ever found a bug, or
//! that cargo-fuzz kept for its coverage, keeps passing without the fuzzer.

mod common;

#[test]
fn every_corpus_input_loads_or_is_refused_without_a_panic() {
    let dir = common::root().join("fuzz/corpus/loaders");
    let mut inputs: Vec<_> = std::fs::read_dir(&dir)
        .expect("the fuzz corpus folder")
        .map(|e| e.expect("a corpus entry").path())
        .collect();
    inputs.sort();
    assert!(inputs.len() >= 10, "the corpus has {} inputs", inputs.len());
    for input in inputs {
        let data = std::fs::read(&input).expect("a corpus input");
        let outcome = std::panic::catch_unwind(|| weigh::fuzz::exercise(&data));
        assert!(outcome.is_ok(), "{} panics", input.display());
    }
}
