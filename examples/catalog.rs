//! Prints the compiled catalog, grouped by category: what a new user sees first.
//!
//! Run with `cargo run --example catalog`.

use kakiyo_events::{Category, EventId};

fn main() {
    println!(
        "{} Kakiyo webhook events in {} categories\n",
        EventId::COUNT,
        Category::COUNT
    );
    for &category in Category::ALL {
        println!("{} ({})", category.name(), category.events().len());
        for &event in category.events() {
            println!(
                "  {:<24} {:<24} {}",
                event.as_str(),
                event.name(),
                event.description()
            );
        }
        println!();
    }
}
