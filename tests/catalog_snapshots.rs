//! Snapshots of the compiled catalog: any change to events.json shows up here
//! as a diff to review (`cargo insta review`).

use kakiyo_events::{EventId, catalog_json};

#[test]
fn catalog_json_snapshot() {
    let value: serde_json::Value = serde_json::from_str(catalog_json()).unwrap();
    insta::assert_snapshot!(
        "catalog_json",
        serde_json::to_string_pretty(&value).unwrap()
    );
}

#[test]
fn event_table_snapshot() {
    let mut table = String::from("id | variant | name | category\n");
    for id in EventId::ALL {
        table.push_str(&format!(
            "{} | {:?} | {} | {:?}\n",
            id,
            id,
            id.name(),
            id.category()
        ));
    }
    insta::assert_snapshot!("event_table", table);
}
