//! The mission as itinera understands it: a header, optional per-day notes, the
//! delegation and the visits, all validated.
//!
//! Nothing here knows about TOML, terminals or files. The file layer
//! (`crate::file`) turns a mission file into these types and back; the app
//! layer (`crate::app`) changes them only through [`Edit`]s so that every
//! change can be undone.
//!
//! Visits live in one flat vector in file order. "Within a day, visits are in
//! file order": a day's timeline is the subsequence of visits with that date.
//! [`DayIndex`] keeps that subsequence per date so that views never scan the
//! whole vector.

pub mod changes;
mod edit;
mod ids;
mod index;
pub mod ops;
mod pin;
pub mod problems;
pub mod road;
mod route;
pub mod schema;
mod time;
mod url;
mod zone;

pub use edit::{Edit, EditError, ListEdit, Touched};
pub use ids::WrittenIds;
pub use ids::{is_valid_id, slugify, suggest};
pub use index::DayIndex;
pub use pin::{Applied, Identities, Kept, apply_keeping_ids, apply_keeping_ids_noting};
pub use route::{Route, city_key};
pub use time::{Clock, LAST_DATE, is_representable, parse_date, parse_time};
pub use url::{UrlParts, UrlProblem, is_loopback, split_url};
pub use zone::{Local, Repeat, Skip, abbreviation, resolve};

use std::sync::atomic::{AtomicU64, Ordering};

use chrono::{NaiveDate, NaiveDateTime, NaiveTime, TimeDelta};
use chrono_tz::Tz;

/// Session identity of a visit or participant.
///
/// Keys are never written to the file. They let the file layer find the table
/// an entity was read from after the entity has been moved or edited, and let
/// the app keep a selection across edits. Every key is fresh for the process.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub struct Key(u64);

impl Key {
    /// A key no other entity in this process has.
    pub fn fresh() -> Self {
        static NEXT: AtomicU64 = AtomicU64::new(1);
        Key(NEXT.fetch_add(1, Ordering::Relaxed))
    }
}

/// The supported version of the mission file format.
pub const FORMAT: i64 = 1;

/// The longest mission itinera plans, in days, first and last included:
/// three years, whichever they are (a leap day included). A delegation trip
/// lasts days or weeks; a longer span is almost always a slip in a year
/// (`end = 2222-11-18`), and every day of a mission is a day the planner
/// lays out.
pub const MAX_MISSION_DAYS: i64 = 1_096;

/// The number of days from `start` to `end`, both included (0 or less when
/// `end` is before `start`).
pub fn mission_days(start: NaiveDate, end: NaiveDate) -> i64 {
    (end - start).num_days() + 1
}

#[derive(Clone, Debug, PartialEq)]
pub struct Mission {
    pub header: Header,
    /// Per-date city, lodging and notes, in file order, at most one per date.
    pub days: Vec<DayInfo>,
    /// The delegation, in file order.
    pub participants: Vec<Participant>,
    /// Every visit, in file order.
    pub visits: Vec<Visit>,
    /// How long the journeys between two cities take, in file order.
    pub routes: Vec<Route>,
    /// Where the mission is published: the `[publish]` table.
    pub publish: Option<Publish>,
}

/// The CalDAV calendar the mission is published to, from the mission
/// file's `[publish]` table. Never a password: that is asked for, or
/// read from the environment, when publishing.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Publish {
    /// The calendar's URL, checked for its shape (see [`split_url`]).
    pub url: String,
    /// The login; without one, no credentials are sent.
    pub user: Option<String>,
}

#[derive(Clone, Debug, PartialEq)]
pub struct Header {
    pub title: String,
    pub start: NaiveDate,
    pub end: NaiveDate,
    pub timezone: Option<Tz>,
    pub home_timezone: Option<Tz>,
    pub organizer: Option<String>,
    pub summary: Option<String>,
    /// Minutes needed between two visits in different cities when no
    /// route names them; `None` for [`DEFAULT_TRAVEL_BUFFER`], 0 for no
    /// check unless a route says otherwise.
    pub travel_buffer: Option<u32>,
}

/// The travel buffer of a mission that does not set one: half an hour
/// between two visits in different cities is the least a delegation
/// needs to leave one building and sit down in the next.
pub const DEFAULT_TRAVEL_BUFFER: u32 = 30;

/// The longest time a route or the travel buffer may ask for: a day.
pub const MAX_TRAVEL_MINUTES: u32 = 1_440;

impl Header {
    /// A header with a title and dates, and nothing else.
    pub fn new(title: impl Into<String>, start: NaiveDate, end: NaiveDate) -> Self {
        Header {
            title: title.into(),
            start,
            end,
            timezone: None,
            home_timezone: None,
            organizer: None,
            summary: None,
            travel_buffer: None,
        }
    }

    /// The minutes needed between visits in different cities without a
    /// route.
    pub fn travel_buffer(&self) -> u32 {
        self.travel_buffer.unwrap_or(DEFAULT_TRAVEL_BUFFER)
    }
}

#[derive(Clone, Debug, PartialEq, Eq)]
pub struct DayInfo {
    pub date: NaiveDate,
    pub city: Option<String>,
    pub lodging: Option<String>,
    /// Where the lodging is, for the taxi driver.
    pub lodging_address: Option<String>,
    pub lodging_phone: Option<String>,
    pub notes: Option<String>,
}

impl DayInfo {
    pub fn new(date: NaiveDate) -> Self {
        DayInfo {
            date,
            city: None,
            lodging: None,
            lodging_address: None,
            lodging_phone: None,
            notes: None,
        }
    }
}

#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Participant {
    pub key: Key,
    pub id: String,
    pub name: String,
    pub organization: Option<String>,
    pub region: Option<String>,
    pub role: Option<String>,
    pub email: Option<String>,
    pub phone: Option<String>,
    pub notes: Option<String>,
}

impl Participant {
    pub fn new(id: impl Into<String>, name: impl Into<String>) -> Self {
        Participant {
            key: Key::fresh(),
            id: id.into(),
            name: name.into(),
            organization: None,
            region: None,
            role: None,
            email: None,
            phone: None,
            notes: None,
        }
    }

    /// "Name (Organization)", or the name alone.
    pub fn name_and_organization(&self) -> String {
        match &self.organization {
            Some(org) if !org.is_empty() => format!("{} ({org})", self.name),
            _ => self.name.clone(),
        }
    }

    /// Equal apart from the session key.
    pub fn same_content(&self, other: &Participant) -> bool {
        Participant {
            key: other.key,
            ..self.clone()
        } == *other
    }
}

/// What a visit is. Unknown words in the file read as [`Kind::Other`] with a
/// warning, and the word stays in the file unless the kind is edited.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Hash)]
pub enum Kind {
    Meeting,
    Visit,
    Presentation,
    Travel,
    Meal,
    #[default]
    Other,
}

impl Kind {
    pub const ALL: [Kind; 6] = [
        Kind::Meeting,
        Kind::Visit,
        Kind::Presentation,
        Kind::Travel,
        Kind::Meal,
        Kind::Other,
    ];

    pub const fn as_str(self) -> &'static str {
        match self {
            Kind::Meeting => "meeting",
            Kind::Visit => "visit",
            Kind::Presentation => "presentation",
            Kind::Travel => "travel",
            Kind::Meal => "meal",
            Kind::Other => "other",
        }
    }

    pub fn parse(word: &str) -> Option<Kind> {
        Kind::ALL.into_iter().find(|k| k.as_str() == word)
    }
}

#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Hash)]
pub enum Status {
    #[default]
    Confirmed,
    Tentative,
    Cancelled,
}

impl Status {
    pub const ALL: [Status; 3] = [Status::Confirmed, Status::Tentative, Status::Cancelled];

    pub const fn as_str(self) -> &'static str {
        match self {
            Status::Confirmed => "confirmed",
            Status::Tentative => "tentative",
            Status::Cancelled => "cancelled",
        }
    }

    pub fn parse(word: &str) -> Option<Status> {
        Status::ALL.into_iter().find(|s| s.as_str() == word)
    }
}

#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Visit {
    pub key: Key,
    /// The id written in the file, if any. See [`Mission::visit_ids`] for the
    /// id every visit has.
    pub id: Option<String>,
    /// The UID of the calendar event the visit was imported from, when that
    /// event was not itinera's own: the iCalendar export writes it back, so
    /// a calendar that has the event updates it, and a later import finds
    /// the visit by it.
    pub uid: Option<String>,
    pub date: NaiveDate,
    /// For items that run past midnight (a night flight).
    pub end_date: Option<NaiveDate>,
    pub start: Option<NaiveTime>,
    pub end: Option<NaiveTime>,
    pub title: String,
    /// The zone of `start` (and of `end`, without `end_timezone`); `None`
    /// for the mission's zone.
    pub timezone: Option<Tz>,
    /// The zone of `end`, for a journey that ends in another zone.
    pub end_timezone: Option<Tz>,
    pub kind: Kind,
    pub status: Status,
    pub city: Option<String>,
    pub venue: Option<String>,
    pub address: Option<String>,
    pub host: Option<String>,
    pub contact: Option<String>,
    /// Participant ids; `None` means the whole delegation.
    pub participants: Option<Vec<String>>,
    pub tags: Vec<String>,
    pub notes: Option<String>,
}

impl Visit {
    pub fn new(date: NaiveDate, title: impl Into<String>) -> Self {
        Visit {
            key: Key::fresh(),
            id: None,
            uid: None,
            date,
            end_date: None,
            start: None,
            end: None,
            title: title.into(),
            timezone: None,
            end_timezone: None,
            kind: Kind::default(),
            status: Status::default(),
            city: None,
            venue: None,
            address: None,
            host: None,
            contact: None,
            participants: None,
            tags: Vec::new(),
            notes: None,
        }
    }

    /// Equal apart from the session key.
    pub fn same_content(&self, other: &Visit) -> bool {
        Visit {
            key: other.key,
            ..self.clone()
        } == *other
    }

    pub fn is_timed(&self) -> bool {
        self.start.is_some()
    }

    pub fn starts_at(&self) -> Option<NaiveDateTime> {
        self.start.map(|t| self.date.and_time(t))
    }

    pub fn ends_at(&self) -> Option<NaiveDateTime> {
        self.end
            .map(|t| self.end_date.unwrap_or(self.date).and_time(t))
    }

    /// Length of a visit with both a start and an end.
    pub fn duration(&self) -> Option<TimeDelta> {
        Some(self.ends_at()? - self.starts_at()?)
    }

    /// Whether `participant` attends: named in the list, or the list is
    /// absent (the whole delegation).
    pub fn attended_by(&self, participant: &str) -> bool {
        match &self.participants {
            None => true,
            Some(ids) => ids.iter().any(|id| id == participant),
        }
    }

    /// The time range this visit occupies, for overlap checks. Untimed and
    /// cancelled visits occupy nothing; a visit without an end occupies its
    /// start instant only.
    pub fn busy_range(&self) -> Option<(NaiveDateTime, NaiveDateTime)> {
        if self.status == Status::Cancelled {
            return None;
        }
        let start = self.starts_at()?;
        Some((start, self.ends_at().unwrap_or(start)))
    }

    /// Whether two visits overlap in time (touching ends do not overlap).
    pub fn overlaps(&self, other: &Visit) -> bool {
        match (self.busy_range(), other.busy_range()) {
            (Some((a0, a1)), Some((b0, b1))) => a0 < b1 && b0 < a1,
            _ => false,
        }
    }
}

impl Mission {
    /// Every date from the mission's start to its end, inclusive.
    pub fn dates(&self) -> impl Iterator<Item = NaiveDate> + '_ {
        self.header
            .start
            .iter_days()
            .take_while(|d| *d <= self.header.end)
    }

    pub fn day_info(&self, date: NaiveDate) -> Option<&DayInfo> {
        self.days.iter().find(|d| d.date == date)
    }

    pub fn participant(&self, id: &str) -> Option<&Participant> {
        self.participants.iter().find(|p| p.id == id)
    }

    pub fn participant_index(&self, key: Key) -> Option<usize> {
        self.participants.iter().position(|p| p.key == key)
    }

    pub fn visit_index(&self, key: Key) -> Option<usize> {
        self.visits.iter().position(|v| v.key == key)
    }

    /// [`Mission::visit_index`], looking near position `hint` first: where
    /// a visit just edited or moved within its day or the next usually is,
    /// found without walking a large mission.
    pub fn visit_index_near(&self, key: Key, hint: usize) -> Option<usize> {
        const NEAR: usize = 256;
        let from = hint.saturating_sub(NEAR).min(self.visits.len());
        let to = hint.saturating_add(NEAR).min(self.visits.len());
        self.visits[from..to]
            .iter()
            .position(|v| v.key == key)
            .map(|i| from + i)
            .or_else(|| self.visit_index(key))
    }

    /// The participants attending `visit`, in delegation order. Ids that name
    /// nobody are skipped.
    pub fn attendees<'a>(&'a self, visit: &'a Visit) -> impl Iterator<Item = &'a Participant> {
        self.participants
            .iter()
            .filter(move |p| visit.attended_by(&p.id))
    }

    /// The id of every visit, in visit order: the id written in the file, or
    /// one generated from the date and title ("2022-11-14-osaka-prefectural-government"),
    /// made unique with a numeric suffix. Generated ids depend only on the
    /// visit's date, title and the ids before it, so they are stable between
    /// runs of an unchanged file.
    pub fn visit_ids(&self) -> Vec<String> {
        ids::visit_ids(&self.visits)
    }

    /// Equal apart from session keys.
    pub fn same_content(&self, other: &Mission) -> bool {
        self.header == other.header
            && self.days == other.days
            && self.publish == other.publish
            && self.participants.len() == other.participants.len()
            && self.visits.len() == other.visits.len()
            && self
                .participants
                .iter()
                .zip(&other.participants)
                .all(|(a, b)| a.same_content(b))
            && self
                .visits
                .iter()
                .zip(&other.visits)
                .all(|(a, b)| a.same_content(b))
            && self.routes.len() == other.routes.len()
            && self
                .routes
                .iter()
                .zip(&other.routes)
                .all(|(a, b)| a.same_content(b))
    }
}
