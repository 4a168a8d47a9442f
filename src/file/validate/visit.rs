//! The rules of a visit that its description cannot say: its id unique,
//! its attendees known and listed once, its dates and times in order, and
//! the order of the visits of a day.

use std::collections::{HashMap, HashSet};
use std::ops::Range;

use chrono::{NaiveDate, NaiveTime};

use super::Validator;
use crate::domain::schema::VISIT;
use crate::domain::{Visit, suggest};
use crate::file::diagnostic::excerpt;
use crate::file::dto::{EntryDto, Spanned};

const ID: usize = VISIT.at("id");
const DATE: usize = VISIT.at("date");
const END_DATE: usize = VISIT.at("end_date");
const START: usize = VISIT.at("start");
const END: usize = VISIT.at("end");
const TITLE: usize = VISIT.at("title");
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
    /// Per date: the start time of the last timed visit, and which visit
    /// it is (to name it in a warning).
    last_start: HashMap<NaiveDate, (NaiveTime, Earlier)>,
}

/// A visit read earlier, to take its title from: its place in the list
/// of visits read, or (for one with an error, which is not in it) its
/// title.
enum Earlier {
    At(usize),
    Titled(String),
}

impl Earlier {
    fn title<'v>(&'v self, read: &'v [Option<Visit>]) -> &'v str {
        match self {
            Earlier::At(i) => read
                .get(*i)
                .and_then(Option::as_ref)
                .map_or("", |v| v.title.as_str()),
            Earlier::Titled(title) => title,
        }
    }
}

impl Validator<'_> {
    pub(super) fn visits(
        &mut self,
        list: Vec<EntryDto>,
        participants: &mut Ids,
        range: Option<(NaiveDate, NaiveDate)>,
    ) -> Vec<Option<Visit>> {
        let mut seen = Seen::default();
        let mut out = Vec::with_capacity(list.len());
        for dto in list {
            let visit = self.visit(dto, participants, range, &mut seen, &out);
            out.push(visit);
        }
        out
    }

    fn visit(
        &mut self,
        v: EntryDto,
        participants: &mut Ids,
        range: Option<(NaiveDate, NaiveDate)>,
        seen: &mut Seen,
        read: &[Option<Visit>],
    ) -> Option<Visit> {
        let id_ok = v
            .text(ID)
            .is_none_or(|id| self.check_id(&id, "visit", &mut seen.ids));
        let refs_ok = self.references(v.list(PARTICIPANTS).unwrap_or_default(), participants);
        let times_ok = self.times(&v);
        if let Some(date) = v.date(DATE) {
            self.outside(&date, range, "visit");
        }
        let timed = self.file_order(&v, &seen.last_start, read);
        let title = || v.text(TITLE).map(|t| t.value.to_string());
        // The title of a visit with an error is kept here; one read is
        // taken from the list of visits.
        let titled = match (&timed, id_ok && refs_ok && times_ok) {
            (Some(_), false) => title(),
            _ => None,
        };
        let visit = self
            .entity(&VISIT, v)
            .filter(|_| id_ok && refs_ok && times_ok);
        if let Some((date, start)) = timed {
            let earlier = match (&visit, titled) {
                (Some(_), _) => Earlier::At(read.len()),
                (None, title) => Earlier::Titled(title.unwrap_or_default()),
            };
            seen.last_start.insert(date, (start, earlier));
        }
        visit
    }

    /// Warns about a timed visit listed below one of its day that starts
    /// later. The visit's date and start, when it has both and a title.
    fn file_order(
        &mut self,
        v: &EntryDto,
        last_start: &HashMap<NaiveDate, (NaiveTime, Earlier)>,
        read: &[Option<Visit>],
    ) -> Option<(NaiveDate, NaiveTime)> {
        let (Some(date), Some(start), Some(_)) = (v.date(DATE), v.time(START), v.text(TITLE))
        else {
            return None;
        };
        if let Some((previous, earlier)) = last_start.get(&date.value) {
            if start.value < *previous {
                self.warning(
                    start.span.clone(),
                    format!(
                        "starts at {}, before \"{}\" listed above it at {} on {}; \
                         visits of a day are shown in file order",
                        start.value.format("%H:%M"),
                        excerpt(earlier.title(read)),
                        previous.format("%H:%M"),
                        date.value
                    ),
                );
            }
        }
        Some((date.value, start.value))
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

    /// end_date on or after date; end needs start; end after start.
    fn times(&mut self, v: &EntryDto) -> bool {
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
