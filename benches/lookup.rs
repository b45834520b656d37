//! `EventId::from_str` against what a user would write instead, side by side
//! on the same inputs, at 22 events (the crate's catalog) and at 10,000 (the
//! crate's own source built against a synthetic catalog: `benches/big`).
//!
//! Inputs: a stream of 4,096 lookups at both sizes, half ids (hits) and half
//! the same ids plus `"x"` (near misses), in a fixed shuffled order. At 22
//! events every id appears equally often; at 10,000, 2,048 ids picked with a
//! fixed seed appear once each. So both sizes look up the same number of
//! distinct strings and what changes between them is the catalog, not the
//! stream. One more group, `from_str/10000_every_id`, looks up every id of the
//! 10,000 and its near miss (20,000 inputs), to show what a stream too big for
//! the caches costs. One iteration looks up every input once; the summary at
//! the end divides criterion's median by the number of inputs, giving
//! ns per lookup, and each alternative's ratio to ours.
//!
//! `ours_direct*` at 22 events is the crate built once more (`benches/direct`)
//! with a direct table (no pilot; one a large catalog cannot have) instead of
//! the displaced table the generator gives every catalog: the trade between
//! the fastest small lookup and the flattest growth, measured in the same run.
//!
//! Run: `cargo bench --bench lookup`. See BENCHMARKS.md.

use std::collections::HashMap;
use std::hint::black_box;
use std::path::PathBuf;
use std::str::FromStr;
use std::time::SystemTime;

use criterion::measurement::WallTime;
use criterion::{BenchmarkGroup, Criterion, Throughput};
use kakiyo_events::EventId;
use kakiyo_events_bench_peers::{big, small};
use rustc_hash::FxHashMap;

#[path = "support/lookup_stream.rs"]
mod lookup_stream;

use lookup_stream::{every_id, inputs};

/// Adds one function to `group`: an iteration looks up every input once.
fn run<R>(
    group: &mut BenchmarkGroup<'_, WallTime>,
    name: &str,
    inputs: &[String],
    lookup: impl Fn(&str) -> R,
) {
    group.bench_function(name, |b| {
        b.iter(|| {
            for input in inputs {
                black_box(lookup(black_box(input.as_str())));
            }
        })
    });
}

/// The peers every `from_str` group measures, besides ours.
struct Peers {
    ids: &'static [&'static str],
    std: HashMap<&'static str, u16>,
    fx: FxHashMap<&'static str, u16>,
}

impl Peers {
    fn new(ids: &'static [&'static str]) -> Self {
        let indexed = || ids.iter().enumerate().map(|(i, id)| (*id, i as u16));
        Self {
            ids,
            std: indexed().collect(),
            fx: indexed().collect(),
        }
    }
}

/// An alternative's name, and the catalog index it finds for an input.
type Answer<'a> = (&'a str, &'a dyn Fn(&str) -> Option<usize>);

/// Panics unless every alternative gives the same answer as `ours` on every
/// input, so that each one is measured doing the same work.
fn check_agreement(inputs: &[String], answers: &[Answer<'_>]) {
    for input in inputs {
        let expected = answers.first().and_then(|(_, f)| f(input));
        for (name, answer) in answers {
            assert_eq!(answer(input), expected, "{name} disagrees on {input:?}");
        }
    }
}

fn from_str_small(c: &mut Criterion) -> (String, usize) {
    use kakiyo_events_direct::EventId as DirectEventId;
    let peers = Peers::new(&small::IDS);
    let inputs = inputs(peers.ids);
    check_agreement(
        &inputs,
        &[
            ("ours", &|s| EventId::from_str(s).ok().map(|id| id as usize)),
            ("ours_direct", &|s| {
                DirectEventId::from_str(s).ok().map(|id| id as usize)
            }),
            ("strum_derive", &|s| {
                small::StrumId::from_str(s).ok().map(|id| id as usize)
            }),
            ("match", &|s| small::match_lookup(s).map(usize::from)),
            ("phf", &|s| small::PHF.get(s).copied().map(usize::from)),
            ("std_hashmap", &|s| {
                peers.std.get(s).copied().map(usize::from)
            }),
            ("fx_hashmap", &|s| peers.fx.get(s).copied().map(usize::from)),
            ("linear_scan", &|s| peers.ids.iter().position(|id| *id == s)),
        ],
    );
    let name = format!("from_str/{}", peers.ids.len());
    let mut group = c.benchmark_group(&name);
    group.throughput(Throughput::Elements(inputs.len() as u64));
    run(&mut group, "ours", &inputs, EventId::from_str);
    run(&mut group, "ours_find", &inputs, EventId::find);
    run(&mut group, "ours_lookup", &inputs, kakiyo_events::lookup);
    run(&mut group, "ours_direct", &inputs, DirectEventId::from_str);
    run(&mut group, "ours_direct_find", &inputs, DirectEventId::find);
    run(
        &mut group,
        "ours_direct_lookup",
        &inputs,
        kakiyo_events_direct::lookup,
    );
    run(
        &mut group,
        "strum_derive",
        &inputs,
        small::StrumId::from_str,
    );
    run(&mut group, "match", &inputs, small::match_lookup);
    run(&mut group, "phf", &inputs, |s| small::PHF.get(s));
    run(&mut group, "std_hashmap", &inputs, |s| peers.std.get(s));
    run(&mut group, "fx_hashmap", &inputs, |s| peers.fx.get(s));
    run(&mut group, "linear_scan", &inputs, |s| {
        peers.ids.iter().position(|id| *id == s)
    });
    group.finish();
    (name, inputs.len())
}

fn from_str_big(c: &mut Criterion, peers: &Peers) -> (String, usize) {
    use kakiyo_events_big::EventId as BigEventId;
    assert_eq!(
        BigEventId::COUNT,
        peers.ids.len(),
        "benches/big and benches/peers disagree on the catalog"
    );
    let inputs = inputs(peers.ids);
    check_agreement(
        &inputs,
        &[
            ("ours", &|s| {
                BigEventId::from_str(s).ok().map(|id| id as usize)
            }),
            ("strum_derive", &|s| {
                big::StrumId::from_str(s).ok().map(|id| id as usize)
            }),
            ("match", &|s| big::match_lookup(s).map(usize::from)),
            ("phf", &|s| big::PHF.get(s).copied().map(usize::from)),
            ("std_hashmap", &|s| {
                peers.std.get(s).copied().map(usize::from)
            }),
            ("fx_hashmap", &|s| peers.fx.get(s).copied().map(usize::from)),
        ],
    );
    let name = format!("from_str/{}", peers.ids.len());
    let mut group = c.benchmark_group(&name);
    group.throughput(Throughput::Elements(inputs.len() as u64));
    run(&mut group, "ours", &inputs, BigEventId::from_str);
    run(&mut group, "ours_find", &inputs, BigEventId::find);
    run(
        &mut group,
        "ours_lookup",
        &inputs,
        kakiyo_events_big::lookup,
    );
    run(&mut group, "strum_derive", &inputs, big::StrumId::from_str);
    run(&mut group, "match", &inputs, big::match_lookup);
    run(&mut group, "phf", &inputs, |s| big::PHF.get(s));
    run(&mut group, "std_hashmap", &inputs, |s| peers.std.get(s));
    run(&mut group, "fx_hashmap", &inputs, |s| peers.fx.get(s));
    // No linear scan at this size: it would take as long as the rest together, for no news.
    group.finish();
    (name, inputs.len())
}

/// The 10,000-event catalog with a stream of every id and its near miss:
/// 20,000 distinct strings and every row of the table, more than the fast
/// caches hold. Ours against the fastest alternative only.
fn from_str_big_every_id(c: &mut Criterion, peers: &Peers) -> (String, usize) {
    use kakiyo_events_big::EventId as BigEventId;
    let inputs = every_id(peers.ids);
    check_agreement(
        &inputs,
        &[
            ("ours", &|s| {
                BigEventId::from_str(s).ok().map(|id| id as usize)
            }),
            ("fx_hashmap", &|s| peers.fx.get(s).copied().map(usize::from)),
        ],
    );
    let name = format!("from_str/{}_every_id", peers.ids.len());
    let mut group = c.benchmark_group(&name);
    group.throughput(Throughput::Elements(inputs.len() as u64));
    run(&mut group, "ours", &inputs, BigEventId::from_str);
    run(&mut group, "ours_find", &inputs, BigEventId::find);
    run(&mut group, "fx_hashmap", &inputs, |s| peers.fx.get(s));
    group.finish();
    (name, inputs.len())
}

fn deserialize_small(c: &mut Criterion) -> (String, usize) {
    let inputs: Vec<String> = small::IDS.iter().map(|id| format!("{id:?}")).collect();
    for input in &inputs {
        let ours = serde_json::from_str::<EventId>(input).map(|id| id as usize);
        let derived = serde_json::from_str::<small::SerdeId>(input).map(|id| id as usize);
        assert_eq!(ours.ok(), derived.ok(), "serde_derive disagrees on {input}");
    }
    let name = format!("deserialize/{}", small::IDS.len());
    let mut group = c.benchmark_group(&name);
    group.throughput(Throughput::Elements(inputs.len() as u64));
    run(&mut group, "ours", &inputs, |s| {
        serde_json::from_str::<EventId>(s)
    });
    run(&mut group, "serde_derive", &inputs, |s| {
        serde_json::from_str::<small::SerdeId>(s)
    });
    group.finish();
    (name, inputs.len())
}

/// Where criterion writes its results, as criterion itself decides it.
fn criterion_dir() -> PathBuf {
    if let Some(home) = std::env::var_os("CRITERION_HOME") {
        return PathBuf::from(home);
    }
    let target =
        std::env::var_os("CARGO_TARGET_DIR").map_or_else(|| PathBuf::from("target"), PathBuf::from);
    target.join("criterion")
}

/// criterion's median for one function, in ns per iteration, if it was
/// measured by this process (not left over from an earlier run).
fn median_ns(group: &str, function: &str, since: SystemTime) -> Option<f64> {
    let safe = |s: &str| s.replace(['/', '\\', '?', '"', '*', '<', '>', ':', '|', '^'], "_");
    let path = criterion_dir()
        .join(safe(group))
        .join(function)
        .join("new/estimates.json");
    let modified = std::fs::metadata(&path).and_then(|m| m.modified()).ok()?;
    if modified < since {
        return None;
    }
    let json: serde_json::Value =
        serde_json::from_str(&std::fs::read_to_string(path).ok()?).ok()?;
    json.pointer("/median/point_estimate")?.as_f64()
}

/// Prints ns per lookup and the ratio to ours for every function measured in this run.
fn summary(groups: &[(String, usize)], since: SystemTime) {
    let functions = [
        "ours",
        "ours_find",
        "ours_lookup",
        "ours_direct",
        "ours_direct_find",
        "ours_direct_lookup",
        "strum_derive",
        "match",
        "phf",
        "std_hashmap",
        "fx_hashmap",
        "linear_scan",
        "serde_derive",
    ];
    let mut printed_header = false;
    // (group, function, ns per lookup) for the from_str groups, for the scale ratios.
    let mut per_lookup = Vec::new();
    for (group, lookups) in groups {
        let Some(ours) = median_ns(group, "ours", since) else {
            continue;
        };
        if !printed_header {
            println!(
                "\nsummary: median ns per lookup (ratio = ours / alternative; below 1.0 means ours is faster)"
            );
            printed_header = true;
        }
        let per = |ns: f64| ns / *lookups as f64;
        for function in functions {
            if let Some(ns) = median_ns(group, function, since) {
                println!(
                    "{group:>16} {function:>21} {:>10.2} ns   ours/this {:>6.3}",
                    per(ns),
                    ours / ns
                );
                if group.starts_with("from_str/") {
                    per_lookup.push((group.as_str(), function, per(ns)));
                }
            }
        }
    }
    let of = |group: &str, function: &str| {
        per_lookup
            .iter()
            .find(|(g, f, _)| *g == group && *f == function)
            .map(|(_, _, ns)| *ns)
    };
    if let [(small, _), rest @ ..] = groups {
        for (big, _) in rest.iter().filter(|(g, _)| g.starts_with("from_str/")) {
            for function in ["ours", "ours_find", "ours_lookup", "fx_hashmap"] {
                if let (Some(a), Some(b)) = (of(small, function), of(big, function)) {
                    println!("{function:>21}: {big} / {small} = {:.3}", b / a);
                }
            }
            // The growth had the small catalog a direct table: the big
            // crate's lookup against the small crate's direct one.
            for (direct, function) in [
                ("ours_direct", "ours"),
                ("ours_direct_find", "ours_find"),
                ("ours_direct_lookup", "ours_lookup"),
            ] {
                if let (Some(a), Some(b)) = (of(small, direct), of(big, function)) {
                    println!(
                        "{direct:>21}: {big} {function} / {small} {direct} = {:.3}",
                        b / a
                    );
                }
            }
        }
    }
}

fn main() {
    let since = SystemTime::now();
    // 30 samples of 3 s each function: the whole run takes a few minutes.
    let mut c = Criterion::default()
        .sample_size(30)
        .warm_up_time(std::time::Duration::from_secs(1))
        .measurement_time(std::time::Duration::from_secs(3))
        .configure_from_args();
    // The 10,000-event maps are built once, for both groups that use them.
    let big_peers = Peers::new(&big::IDS);
    let groups = [
        from_str_small(&mut c),
        from_str_big(&mut c, &big_peers),
        from_str_big_every_id(&mut c, &big_peers),
        deserialize_small(&mut c),
    ];
    c.final_summary();
    summary(&groups, since);
}
