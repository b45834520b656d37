//! Prints the synthetic catalog of COUNT events as JSON, for a
//! `KAKIYO_EVENTS_CATALOG` build. Not a cargo target: `scripts/bench-scale`
//! and `.ci/miri-check` compile it with rustc
//! (`rustc --edition 2024 -O benches/support/print_synthetic_catalog.rs`).

#[allow(dead_code)]
mod synthetic_catalog;

fn main() {
    let Some(count) = std::env::args().nth(1).and_then(|n| n.parse::<usize>().ok()) else {
        eprintln!("usage: print_synthetic_catalog COUNT (a number of events)");
        std::process::exit(2);
    };
    print!("{}", synthetic_catalog::synthetic_catalog(count));
}
