// A deterministic synthetic catalog of any size, for benchmarks and tests.
//
// Loaded through `#[path]` by the bench-support build scripts, by
// tests/lookup_codegen.rs and by scripts/bench-scale, so that the 10,000-event
// catalog is generated, never committed. It needs only `std`.
//
// The ids look like real ones (`campaign.reply_scheduled`): 40 categories of
// which the first five are the real ones, then `noun_verb` pairs in a shuffled
// order, so ids share long prefixes and many end alike, as real catalogs do.
// Once the pairs of a category run out, `_2`, `_3`, … suffixes keep ids and
// their Rust variant names unique.

/// The categories, the real five first.
pub const CATEGORIES: [&str; 40] = [
    "prospect",
    "campaign",
    "message",
    "connection",
    "agent",
    "account",
    "invoice",
    "team",
    "webhook",
    "sequence",
    "inbox",
    "contact",
    "company",
    "deal",
    "pipeline",
    "task",
    "meeting",
    "note",
    "email",
    "call",
    "lead",
    "segment",
    "workflow",
    "integration",
    "report",
    "user",
    "billing",
    "subscription",
    "template",
    "audience",
    "signal",
    "playbook",
    "territory",
    "quota",
    "forecast",
    "ticket",
    "survey",
    "document",
    "calendar",
    "export",
];

const NOUNS: [&str; 24] = [
    "status", "limit", "reply", "note", "tag", "owner", "stage", "step", "quota", "token", "seat",
    "invite", "draft", "link", "reminder", "report", "alert", "profile", "list", "template",
    "schedule", "score", "thread", "health",
];

const VERBS: [&str; 24] = [
    "created",
    "updated",
    "deleted",
    "paused",
    "resumed",
    "started",
    "completed",
    "failed",
    "sent",
    "received",
    "scheduled",
    "accepted",
    "rejected",
    "withdrawn",
    "qualified",
    "archived",
    "restored",
    "assigned",
    "merged",
    "expired",
    "renewed",
    "opened",
    "closed",
    "changed",
];

/// splitmix64: a fixed, seedless sequence, so the catalog is the same everywhere.
fn next(state: &mut u64) -> u64 {
    *state = state.wrapping_add(0x9E37_79B9_7F4A_7C15);
    let mut z = *state;
    z = (z ^ (z >> 30)).wrapping_mul(0xBF58_476D_1CE4_E5B9);
    z = (z ^ (z >> 27)).wrapping_mul(0x94D0_49BB_1331_11EB);
    z ^ (z >> 31)
}

fn title(words: &str) -> String {
    words
        .split(['.', '_'])
        .map(|w| {
            let mut chars = w.chars();
            chars.next().map_or_else(String::new, |c| {
                c.to_ascii_uppercase().to_string() + chars.as_str()
            })
        })
        .collect::<Vec<_>>()
        .join(" ")
}

/// The ids of a synthetic catalog of `count` events, in catalog order
/// (grouped by category, as `events.json` is).
pub fn synthetic_ids(count: usize) -> Vec<String> {
    let categories = count.div_ceil(64).clamp(5, CATEGORIES.len());
    let mut pairs: Vec<(usize, usize)> = (0..NOUNS.len())
        .flat_map(|n| (0..VERBS.len()).map(move |v| (n, v)))
        .collect();
    let mut state = 0x6B61_6B69_796F_u64;
    // Fisher-Yates with the fixed sequence above.
    for i in (1..pairs.len()).rev() {
        let j = (next(&mut state) % (i as u64 + 1)) as usize;
        pairs.swap(i, j);
    }
    let per_category = count.div_ceil(categories);
    let mut ids = Vec::with_capacity(count);
    for category in CATEGORIES.iter().take(categories) {
        for k in 0..per_category {
            if ids.len() == count {
                break;
            }
            let (noun, verb) = pairs[k % pairs.len()];
            let round = k / pairs.len();
            let id = if round == 0 {
                format!("{category}.{}_{}", NOUNS[noun], VERBS[verb])
            } else {
                format!("{category}.{}_{}_{}", NOUNS[noun], VERBS[verb], round + 1)
            };
            ids.push(id);
        }
    }
    ids
}

/// A catalog of `count` events, as `events.json` would hold it.
pub fn synthetic_catalog(count: usize) -> String {
    let mut json = String::from("[\n");
    for (i, id) in synthetic_ids(count).iter().enumerate() {
        let (category, rest) = id.split_once('.').unwrap_or((id, ""));
        let name = title(id);
        let words = rest.replace('_', " ");
        json.push_str(&format!(
            "  {{\"id\": \"{id}\", \"name\": \"{name}\", \"description\": \"Triggered when a {category} {words}\", \"category\": \"{category}\"}}{}\n",
            if i + 1 == count { "" } else { "," }
        ));
    }
    json.push(']');
    json
}

/// How many events the bench catalogs hold: `KAKIYO_BENCH_EVENTS` when set,
/// else 10,000 for `cargo bench` (a release-based profile) and 1,000 for debug
/// builds, which only type-check and smoke-test the bench (clippy,
/// `cargo test --benches`), so that every `cargo test` does not compile a
/// 10,000-variant enum for nothing. Both bench build scripts ask this, so the
/// peers and the crate always hold the same catalog.
pub fn bench_catalog_size(max: usize) -> Result<usize, String> {
    match std::env::var("KAKIYO_BENCH_EVENTS") {
        Ok(text) => match text.parse::<usize>() {
            Ok(count) if (1..=max).contains(&count) => Ok(count),
            _ => Err(format!(
                "KAKIYO_BENCH_EVENTS={text:?}: expected a count from 1 to {max}"
            )),
        },
        Err(_) if std::env::var("PROFILE").as_deref() == Ok("release") => Ok(10_000),
        Err(_) => Ok(1_000),
    }
}
