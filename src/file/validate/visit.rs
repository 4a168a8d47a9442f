//! The rules of a visit that its description cannot say: its id unique,
//! its attendees known and listed once, its dates and times in order (in
//! real time when its start and end are in different zones). The order
//! of the visits of a day is one of the mission's problems
//! ([`crate::domain::problems`]).

use std::collections::{HashMap, HashSet};
use std::ops::Range;
use std::str::FromStr;

use chrono::{NaiveDate, NaiveTime};
use chrono_tz::Tz;

use super::Validator;
use crate::domain::schema::VISIT;
use crate::domain::{Visit, resolve, suggest};
use crate::file::diagnostic::excerpt;
use crate::file::dto::{EntryDto, Spanned};

const ID: usize = VISIT.at("id");
const DATE: usize = VISIT.at("date");
const END_DATE: usize = VISIT.at("end_date");
const START: usize = VISIT.at("start");
const END: usize = VISIT.at("end");
const TIMEZONE: usize = VISIT.at("timezone");
const END_TIMEZONE: usize = VISIT.at("end_timezone");
const PARTICIPANTS: usize = VISIT.at("participants");

/// How many participant ids, in all, unknown ids are compared with to find
/// a "did you mean": enough for thousands of typos among hundreds of
/// people, and a bound on the work for a file with 100,000 of each.
const HINT_BUDGET: usize = 1_000_000;

/// The participants' ids, to look references up in constant time and to
/// suggest one for an unknown id (once per distinct id, within
/// [`HINT_BUDGET`]).
pub(super) struct Ids<'a> {
    list: Vec<&'a str>,
    set: HashSet<&'a str>,
    hints: HashMap<String, Option<&'a str>>,
    budget: usize,
}

impl<'a> Ids<'a> {
    pub(super) fn new(list: Vec<&'a str>) -> Self {
        Ids {
            set: list.iter().copied().collect(),
            list,
            hints: HashMap::new(),
            budget: HINT_BUDGET,
        }
    }

    fn contains(&self, id: &str) -> bool {
        self.set.contains(id)
    }

    fn suggest(&mut self, id: &str) -> Option<&'a str> {
        if let Some(hint) = self.hints.get(id) {
            return *hint;
        }
        if self.budget < self.list.len() {
            return None;
        }
        self.budget -= self.list.len();
        let hint = suggest(id, self.list.iter().copied());
        self.hints.insert(id.to_string(), hint);
        hint
    }
}

/// Up to how many attendees a visit's list is searched for one listed
/// twice rather than hashed.
const SHORT_LIST: usize = 16;

/// What the visits seen so far say about the next one.
#[derive(Default)]
struct Seen {
    /// Visit ids, where each was written.
    ids: HashMap<String, Range<usize>>,
}

impl Validator<'_> {
    pub(super) fn visits(
        &mut self,
        list: Vec<EntryDto>,
        participants: &mut Ids,
        range: Option<(NaiveDate, NaiveDate)>,
        zone: Option<Tz>,
    ) -> Vec<Option<Visit>> {
        let mut seen = Seen::default();
        let mut out = Vec::with_capacity(list.len());
        for dto in list {
            let visit = self.visit(dto, participants, (range, zone), &mut seen);
            out.push(visit);
        }
        out
    }

    fn visit(
        &mut self,
        v: EntryDto,
        participants: &mut Ids,
        (range, zone): (Option<(NaiveDate, NaiveDate)>, Option<Tz>),
        seen: &mut Seen,
    ) -> Option<Visit> {
        let id_ok = v
            .text(ID)
            .is_none_or(|id| self.check_id(&id, "visit", &mut seen.ids));
        let refs_ok = self.references(v.list(PARTICIPANTS).unwrap_or_default(), participants);
        let times_ok = self.times(&v, zone);
        if let Some(date) = v.date(DATE) {
            self.outside(&date, range, "visit");
        }
        let visit = self.entity(&VISIT, v);
        if !(id_ok && refs_ok && times_ok) {
            return None;
        }
        visit
    }

    fn references(&mut self, refs: &[Spanned<String>], ids: &mut Ids) -> bool {
        let mut ok = true;
        // A short list (the usual) is searched; a long one hashed.
        let mut listed: HashSet<&str> = HashSet::new();
        let short = refs.len() <= SHORT_LIST;
        for (i, r) in refs.iter().enumerate() {
            let twice = if short {
                refs[..i].iter().any(|earlier| earlier.value == r.value)
            } else {
                !listed.insert(&r.value)
            };
            if !ids.contains(&r.value) {
                let hint = match ids.suggest(&r.value) {
                    Some(id) => format!(" (did you mean \"{}\"?)", excerpt(id)),
                    None => " (ids come from [[participants]])".to_string(),
                };
                self.error(
                    r.span.clone(),
                    format!("unknown participant id \"{}\"{hint}", excerpt(&r.value)),
                );
                ok = false;
            } else if twice {
                self.error(
                    r.span.clone(),
                    format!("participant \"{}\" is listed twice", excerpt(&r.value)),
                );
                ok = false;
            }
        }
        ok
    }

    /// end_date on or after date; end needs start; end after start, in
    /// real time when the two are in different zones. `zone` is the
    /// mission's.
    fn times(&mut self, v: &EntryDto, zone: Option<Tz>) -> bool {
        let (date, end_date) = (v.date(DATE), v.date(END_DATE));
        let mut ok = true;
        if let (Some(date), Some(end_date)) = (&date, &end_date) {
            if end_date.value < date.value {
                self.error(
                    end_date.span.clone(),
                    format!(
                        "`end_date` {} is before the visit's date {}",
                        end_date.value, date.value
                    ),
                );
                ok = false;
            }
        }
        match (v.time(START), v.time(END)) {
            (None, Some(end)) => {
                self.error(
                    end.span,
                    "`end` needs a `start`: give the start time too, or remove `end`".into(),
                );
                false
            }
            (Some(start), Some(end)) if ok => {
                let date = date.map(|d| d.value);
                let zone_of = |at: usize| v.text(at).map(|name| Tz::from_str(name.value.trim()));
                let start_zone = match zone_of(TIMEZONE) {
                    Some(Ok(tz)) => Some(tz),
                    Some(Err(_)) => return ok,
                    None => zone,
                };
                let end_zone = match zone_of(END_TIMEZONE) {
                    Some(Ok(tz)) => Some(tz),
                    Some(Err(_)) => return ok,
                    None => start_zone,
                };
                if start_zone != end_zone {
                    let message = date.and_then(|date| {
                        let start = (date.and_time(start.value), start_zone);
                        let end_date = end_date.map_or(date, |d| d.value);
                        ends_before_in_real_time(start, (end_date.and_time(end.value), end_zone))
                    });
                    if let Some(message) = &message {
                        self.error(end.span, message.clone());
                    }
                    return message.is_none();
                }
                let message =
                    end_before_start(date, end_date.map(|d| d.value), start.value, end.value);
                if let Some(message) = &message {
                    self.error(end.span, message.clone());
                }
                message.is_none()
            }
            _ => ok,
        }
    }
}

/// Why a visit whose start and end are in different zones does not end
/// after it starts, if it does not: "the visit ends at 05:00 in
/// Europe/Rome (13:00 in Asia/Tokyo), before it starts (17:00 in
/// Asia/Tokyo)".
fn ends_before_in_real_time(
    (start, start_zone): (chrono::NaiveDateTime, Option<Tz>),
    (end, end_zone): (chrono::NaiveDateTime, Option<Tz>),
) -> Option<String> {
    let begins = resolve(start_zone, start).instant();
    let ends = resolve(end_zone, end).instant();
    if ends > begins {
        return None;
    }
    let name = |zone: Option<Tz>| zone.map_or("UTC", |tz| tz.name());
    let in_start_zone = match start_zone {
        Some(tz) => ends.with_timezone(&tz).naive_local(),
        None => ends.naive_utc(),
    };
    let day = match (in_start_zone.date() - start.date()).num_days() {
        0 => String::new(),
        n => format!(" {n:+}d"),
    };
    let how = if ends == begins {
        "when it starts"
    } else {
        "before it starts"
    };
    Some(format!(
        "the visit ends at {} in {} ({}{day} in {}), {how} ({} in {}); \
         check `end`, `end_date` and the zones",
        end.time().format("%H:%M"),
        name(end_zone),
        in_start_zone.time().format("%H:%M"),
        name(start_zone),
        start.time().format("%H:%M"),
        name(start_zone),
    ))
}

/// Why a visit's end is not after its start, if it is not. With
/// `end_date` after `date` the end is always after the start; on one day
/// the times must be in order.
fn end_before_start(
    date: Option<NaiveDate>,
    end_date: Option<NaiveDate>,
    start: NaiveTime,
    end: NaiveTime,
) -> Option<String> {
    let same_day = date.is_some() && end_date.is_none_or(|e| Some(e) == date);
    if !same_day || end > start {
        return None;
    }
    if end == start {
        return Some(format!(
            "the visit ends when it starts ({}); correct `end`, or remove it",
            start.format("%H:%M")
        ));
    }
    let ends = format!(
        "the visit ends at {}, before it starts ({})",
        end.format("%H:%M"),
        start.format("%H:%M")
    );
    Some(if end_date.is_some() {
        let next_day = date
            .and_then(|d| d.succ_opt())
            .map_or(String::new(), |next| format!(" ({next})"));
        format!(
            "{ends}; `end_date` is the same day as `date`, \
             but an item past midnight needs the next day{next_day}"
        )
    } else {
        format!("{ends}; for an item past midnight set `end_date`")
    })
}
