//! Methods and standard traits of [`Category`]; the enum itself is generated.

use core::fmt;
use core::str::FromStr;

use crate::generated::{
    ALL_CATEGORIES, CATEGORY_COUNT, CATEGORY_EVENTS, CATEGORY_IDS, CATEGORY_NAMES,
};
use crate::{Category, EventId, UnknownCategory};

impl Category {
    /// Every category, in catalog order (of first appearance).
    ///
    /// # Example
    /// ```
    /// use kakiyo_events::Category;
    ///
    /// assert_eq!(Category::ALL.first(), Some(&Category::Prospect));
    /// ```
    pub const ALL: &'static [Category] = &ALL_CATEGORIES;

    /// How many categories the catalog has.
    pub const COUNT: usize = CATEGORY_COUNT;

    /// The category as the API writes it.
    ///
    /// # Example
    /// ```
    /// assert_eq!(kakiyo_events::Category::Prospect.as_str(), "prospect");
    /// ```
    #[must_use]
    pub const fn as_str(self) -> &'static str {
        CATEGORY_IDS[self as usize]
    }

    /// The display name, in Title Case.
    ///
    /// # Example
    /// ```
    /// assert_eq!(kakiyo_events::Category::Prospect.name(), "Prospect");
    /// ```
    #[must_use]
    pub const fn name(self) -> &'static str {
        CATEGORY_NAMES[self as usize]
    }

    /// The events of this category, in catalog order.
    ///
    /// # Example
    /// ```
    /// use kakiyo_events::{Category, EventId};
    ///
    /// let agent = Category::Agent.events();
    /// assert_eq!(agent.first(), Some(&EventId::AgentStatusChanged));
    /// assert!(agent.iter().all(|e| e.category() == Category::Agent));
    /// ```
    #[must_use]
    pub const fn events(self) -> &'static [EventId] {
        CATEGORY_EVENTS[self as usize]
    }
}

impl FromStr for Category {
    type Err = UnknownCategory;

    /// Parses a category exactly as the API writes it.
    ///
    /// # Example
    /// ```
    /// use kakiyo_events::Category;
    ///
    /// assert_eq!("campaign".parse(), Ok(Category::Campaign));
    /// assert!("Campaign".parse::<Category>().is_err());
    /// ```
    // The concrete type, never `Self::Err`: a catalog may have a category
    // `err`, and `Self::Err` would then be ambiguous with `Category::Err`.
    fn from_str(category: &str) -> Result<Self, UnknownCategory> {
        Category::ALL
            .iter()
            .copied()
            .find(|c| c.as_str() == category)
            .ok_or_else(|| UnknownCategory::new(category))
    }
}

impl TryFrom<&str> for Category {
    type Error = UnknownCategory;

    // Not `Self::Error`, which a category `error` would make ambiguous.
    fn try_from(category: &str) -> Result<Self, UnknownCategory> {
        category.parse()
    }
}

/// The category as [`Category::as_str`].
impl fmt::Display for Category {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.pad(self.as_str())
    }
}

impl AsRef<str> for Category {
    fn as_ref(&self) -> &str {
        self.as_str()
    }
}

impl From<Category> for &'static str {
    fn from(category: Category) -> Self {
        category.as_str()
    }
}
