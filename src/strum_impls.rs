//! strum's traits, written by hand so that no user pays for `strum_macros`.
//!
//! The enums' variants come from the catalog, so these impls never write
//! `Self::<associated type>`: a category `iterator` gives `Category::Iterator`,
//! and `Self::Iterator` would then be ambiguous (rustc denies it). They name
//! the concrete type instead.

use core::iter::Copied;
use core::slice::Iter;

use strum::{EnumCount, EnumMessage, IntoEnumIterator, VariantArray, VariantNames};

use crate::generated::{CATEGORY_IDS, EVENT_IDS};
use crate::{Category, EventId};

impl EnumCount for EventId {
    const COUNT: usize = crate::generated::EVENT_COUNT;
}

/// # Example
/// ```
/// use kakiyo_events::EventId;
/// use strum::IntoEnumIterator;
///
/// assert_eq!(EventId::iter().next(), Some(EventId::ProspectQualified));
/// ```
impl IntoEnumIterator for EventId {
    type Iterator = Copied<Iter<'static, EventId>>;

    fn iter() -> Copied<Iter<'static, EventId>> {
        EventId::ALL.iter().copied()
    }
}

impl VariantArray for EventId {
    const VARIANTS: &'static [Self] = EventId::ALL;
}

/// The variant names are the ids, as serde writes them.
impl VariantNames for EventId {
    const VARIANTS: &'static [&'static str] = &EVENT_IDS;
}

/// The message is the name; the detailed message is the description.
///
/// # Example
/// ```
/// use kakiyo_events::EventId;
/// use strum::EnumMessage;
///
/// assert_eq!(EventId::AgentOffline.get_message(), Some("Agent Offline"));
/// assert_eq!(EventId::AgentOffline.get_serializations(), ["agent.offline"]);
/// ```
impl EnumMessage for EventId {
    fn get_message(&self) -> Option<&'static str> {
        Some(self.name())
    }

    fn get_detailed_message(&self) -> Option<&'static str> {
        Some(self.description())
    }

    fn get_documentation(&self) -> Option<&'static str> {
        Some(self.description())
    }

    fn get_serializations(&self) -> &'static [&'static str] {
        EVENT_IDS
            .get(*self as usize..=*self as usize)
            .unwrap_or_default()
    }
}

impl EnumCount for Category {
    const COUNT: usize = crate::generated::CATEGORY_COUNT;
}

impl IntoEnumIterator for Category {
    type Iterator = Copied<Iter<'static, Category>>;

    fn iter() -> Copied<Iter<'static, Category>> {
        Category::ALL.iter().copied()
    }
}

impl VariantArray for Category {
    const VARIANTS: &'static [Self] = Category::ALL;
}

impl VariantNames for Category {
    const VARIANTS: &'static [&'static str] = &CATEGORY_IDS;
}

/// The message is the name (`Prospect`); there is no detailed message.
impl EnumMessage for Category {
    fn get_message(&self) -> Option<&'static str> {
        Some(self.name())
    }

    fn get_detailed_message(&self) -> Option<&'static str> {
        None
    }

    fn get_documentation(&self) -> Option<&'static str> {
        None
    }

    fn get_serializations(&self) -> &'static [&'static str] {
        CATEGORY_IDS
            .get(*self as usize..=*self as usize)
            .unwrap_or_default()
    }
}
