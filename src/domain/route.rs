//! Routes: how long the journey between two cities takes.

use super::Key;

/// How long the journey between two cities takes, either way.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Route {
    pub key: Key,
    /// The two cities, as written; compared as [`city_key`] compares them.
    pub between: [String; 2],
    pub minutes: u32,
}

impl Route {
    pub fn new(a: impl Into<String>, b: impl Into<String>, minutes: u32) -> Self {
        Route {
            key: Key::fresh(),
            between: [a.into(), b.into()],
            minutes,
        }
    }

    /// Equal apart from the session key.
    pub fn same_content(&self, other: &Route) -> bool {
        self.between == other.between && self.minutes == other.minutes
    }

    /// Whether the route joins the cities `a` and `b` (in either order),
    /// given as [`city_key`]s.
    pub fn joins(&self, a: &str, b: &str) -> bool {
        let [x, y] = [city_key(&self.between[0]), city_key(&self.between[1])];
        (x == a && y == b) || (x == b && y == a)
    }
}

/// A city's name as cities are compared: without case and without spaces,
/// so "Keihanna Science City", "keihanna science city" and " Keihanna
/// ScienceCity" are one city.
pub fn city_key(name: &str) -> String {
    name.chars()
        .filter(|c| !c.is_whitespace())
        .flat_map(char::to_lowercase)
        .collect()
}
