//! The webhook module's error chains, conversions and trait impls:
//! each error's message appears once along its `source()` chain, the
//! signature errors box as `dyn Error`, and `Delivery` is `Eq`.
#![cfg(feature = "webhook")]

use std::error::Error;

use kakiyo_events::webhook::{parse_verified, sign};

/// Every message in an error's chain, the error's own first.
fn chain(err: &(dyn Error + 'static)) -> Vec<String> {
    let mut messages = vec![err.to_string()];
    let mut next = err.source();
    while let Some(e) = next {
        messages.push(e.to_string());
        next = e.source();
    }
    messages
}

#[test]
fn a_json_error_shows_serde_jsons_message_once_along_the_chain() {
    let err = parse_verified(b"k", b"nope", &sign(b"k", b"nope")).unwrap_err();
    // serde_json's words, without the position it appends (the crate writes
    // the position apart, as "at line 1, column 2").
    let serde_error = serde_json::from_slice::<serde_json::Value>(b"nope").unwrap_err();
    let full = serde_error.to_string();
    let suffix = format!(
        " at line {} column {}",
        serde_error.line(),
        serde_error.column()
    );
    let serde_message = full.strip_suffix(&suffix).unwrap().to_owned();
    assert!(!serde_message.is_empty());
    let times_in_chain = |err: &(dyn Error + 'static)| {
        let messages = chain(err);
        let seen: usize = messages
            .iter()
            .map(|m| m.matches(&serde_message).count())
            .sum();
        (seen, messages)
    };
    let (seen, messages) = times_in_chain(&err);
    assert_eq!(seen, 1, "{messages:?}");
    let kakiyo_events::webhook::WebhookError::Delivery(inner) = err else {
        panic!("not a delivery error: {err:?}");
    };
    let (seen, messages) = times_in_chain(&inner);
    assert_eq!(seen, 1, "{messages:?}");
}

#[test]
fn a_malformed_signature_is_an_error_of_its_own() {
    use kakiyo_events::webhook::{MalformedSignature, SignatureError, verify};

    let Err(SignatureError::Malformed(why)) = verify(b"k", b"{}", "xyz!") else {
        panic!("xyz! is not a malformed signature");
    };
    assert_eq!(why, MalformedSignature::NotHexOrBase64);
    // `SignatureError` shows its `MalformedSignature` itself, so its chain
    // holds the reason once.
    let err = verify(b"k", b"{}", "xyz!").unwrap_err();
    assert_eq!(
        chain(&err),
        ["malformed signature: neither hex nor standard base64"]
    );
    let boxed: Box<dyn Error + Send + Sync> = why.into();
    assert_eq!(boxed.to_string(), "neither hex nor standard base64");
    assert!(boxed.source().is_none());
    // `?` in a function returning a boxed error.
    fn check(why: MalformedSignature) -> Result<(), Box<dyn Error + Send + Sync>> {
        Err(why)?
    }
    assert_eq!(
        check(MalformedSignature::WrongLength { bytes: 20 })
            .unwrap_err()
            .to_string(),
        MalformedSignature::WrongLength { bytes: 20 }.to_string()
    );
}

mod subscription_serde {
    use kakiyo_events::EventId;
    use kakiyo_events::webhook::Subscription;

    fn round_trip(subscription: &Subscription) -> Subscription {
        let json = serde_json::to_string(subscription).unwrap();
        serde_json::from_str(&json).unwrap_or_else(|e| panic!("{json}: {e}"))
    }

    /// Through `serde_json::Value` (owned strings) and a reader (no borrowing),
    /// and with an escape in the text: the id is read as an owned `String`.
    #[test]
    fn reads_from_a_value_a_reader_and_escaped_text() {
        for subscription in [
            Subscription::All,
            Subscription::Only(vec![EventId::MessageSent, EventId::ProspectQualified]),
        ] {
            let value = serde_json::to_value(&subscription).unwrap();
            assert_eq!(
                serde_json::from_value::<Subscription>(value).unwrap(),
                subscription
            );
            let json = serde_json::to_vec(&subscription).unwrap();
            assert_eq!(
                serde_json::from_reader::<_, Subscription>(json.as_slice()).unwrap(),
                subscription
            );
        }
        assert_eq!(
            serde_json::from_str::<Subscription>(r#"["message\u002esent"]"#).unwrap(),
            Subscription::Only(vec![EventId::MessageSent])
        );
    }

    #[test]
    fn all_and_only_round_trip() {
        assert_eq!(round_trip(&Subscription::All), Subscription::All);
        let only = Subscription::Only(vec![EventId::MessageSent, EventId::ProspectQualified]);
        assert_eq!(round_trip(&only), only);
        let none = Subscription::Only(vec![]);
        assert_eq!(round_trip(&none), none);
        // Every catalog id, in an order other than the catalog's.
        let every = Subscription::Only(EventId::ALL.iter().rev().copied().collect());
        assert_eq!(round_trip(&every), every);
    }

    #[test]
    fn reads_what_parse_reads() {
        for json in [
            r#"["message.sent", "*"]"#,
            r#"["*", "*"]"#,
            r#"[]"#,
            r#"["prospect.qualified", "prospect.qualified"]"#,
        ] {
            let list: Vec<String> = serde_json::from_str(json).unwrap();
            assert_eq!(
                serde_json::from_str::<Subscription>(json).unwrap(),
                Subscription::parse(&list).unwrap(),
                "{json}"
            );
        }
    }

    #[test]
    fn a_bad_list_fails_with_parses_message() {
        for json in [
            r#"["message.snet"]"#,
            r#"["*", "linkedin.message.received"]"#,
            r#"["message.sent", "", "a, b"]"#,
        ] {
            let list: Vec<String> = serde_json::from_str(json).unwrap();
            let parse_message = Subscription::parse(&list).unwrap_err().to_string();
            let err = serde_json::from_str::<Subscription>(json).unwrap_err();
            // serde_json adds " at line 1 column N" to a custom message.
            assert!(
                err.to_string().starts_with(&parse_message),
                "{json}: {err} does not start with {parse_message}"
            );
        }
    }

    #[test]
    fn a_list_of_anything_but_strings_fails() {
        for json in [
            r#""*""#,
            r#"{"events": ["*"]}"#,
            r#"[1]"#,
            r#"["*", null]"#,
            "null",
        ] {
            assert!(
                serde_json::from_str::<Subscription>(json).is_err(),
                "{json} was accepted"
            );
        }
    }
}

#[test]
fn a_delivery_is_eq() {
    fn need_eq<T: Eq>() {}
    need_eq::<kakiyo_events::webhook::Delivery>();
    let body = br#"{"event":"message.sent","teamId":"t","timestamp":"2025-07-15T10:30:00Z","data":{"n":1.5}}"#;
    let a = kakiyo_events::webhook::parse_unverified(body).unwrap();
    let b = kakiyo_events::webhook::parse_unverified(body).unwrap();
    assert!(a.eq(&b) && b.eq(&a));
}
