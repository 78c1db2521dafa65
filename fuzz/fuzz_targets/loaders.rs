//! Arbitrary bytes through weigh's loaders (checklist, assessment, weigh.toml), the scorer and
//! every renderer: `cargo fuzz run loaders -s none` (see the README's development section).
#![no_main]

use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| weigh::fuzz::exercise(data));
