//! From DTOs to the domain model: required values, ranges, references and
//! uniqueness. Every problem is collected; a mission is produced only when
//! there is no error at all.

use std::cell::OnceCell;
use std::collections::{HashMap, HashSet};
use std::ops::Range;
use std::str::FromStr;

use chrono::NaiveDate;
use chrono_tz::Tz;

use super::diagnostic::{Diagnostic, LineIndex, excerpt};
use super::dto::{DayDto, Field, HeaderDto, MissionDto, ParticipantDto, Spanned, VisitDto};
use crate::domain::{
    DayInfo, FORMAT, Header, Key, Kind, MAX_MISSION_DAYS, Mission, Participant, Status, Visit,
    is_valid_id, mission_days, suggest,
};

/// The mission `dto` describes, or `None` when it has errors (which are
/// added to `problems`, with any warnings). `text` is the file's text, for
/// messages that mention a second line.
pub fn validate(dto: MissionDto, text: &str, problems: &mut Vec<Diagnostic>) -> Option<Mission> {
    let errors_before = problems.iter().filter(|d| d.is_error()).count();
    let mut v = Validator {
        problems,
        text,
        lines: OnceCell::new(),
    };
    if let Some(format) = &dto.format {
        if format.value != FORMAT {
            v.error(
                format.span.clone(),
                format!(
                    "unsupported format {}: this version of itinera reads format {FORMAT}",
                    format.value
                ),
            );
        }
    }
    // The mission's dates, as soon as they are readable and in order: a
    // problem elsewhere in [mission] (a time zone) must not hide the
    // "outside the mission's dates" warnings.
    let range = dto.header.as_ref().and_then(|h| match (&h.start, &h.end) {
        (Some(start), Some(end)) if start.value <= end.value => Some((start.value, end.value)),
        _ => None,
    });
    let header = dto.header.and_then(|h| v.header(h));
    let days = v.days(dto.days, range);
    let participants = v.participants(dto.participants);
    let mut ids = Ids::new(participants.iter().map(|p| p.id.as_str()).collect());
    let visits = v.visits(dto.visits, &mut ids, range);
    let errors_after = v.problems.iter().filter(|d| d.is_error()).count();
    if errors_after > errors_before {
        return None;
    }
    Some(Mission {
        header: header?,
        days,
        participants,
        visits: visits.into_iter().collect::<Option<Vec<_>>>()?,
    })
}

struct Validator<'p> {
    problems: &'p mut Vec<Diagnostic>,
    text: &'p str,
    /// Line starts of `text`, found the first time a message names a line.
    lines: OnceCell<LineIndex<'p>>,
}

/// How many participant ids, in all, unknown ids are compared with to find
/// a "did you mean": enough for thousands of typos among hundreds of
/// people, and a bound on the work for a file with 100,000 of each.
const HINT_BUDGET: usize = 1_000_000;

/// The participants' ids, to look references up in constant time and to
/// suggest one for an unknown id (once per distinct id, within
/// [`HINT_BUDGET`]).
struct Ids<'a> {
    list: Vec<&'a str>,
    set: HashSet<&'a str>,
    hints: HashMap<String, Option<&'a str>>,
    budget: usize,
}

impl<'a> Ids<'a> {
    fn new(list: Vec<&'a str>) -> Self {
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

fn value<T: Clone>(field: &Field<T>) -> Option<T> {
    field.as_ref().map(|f| f.value.clone())
}

impl Validator<'_> {
    fn error(&mut self, span: Range<usize>, message: String) {
        self.problems.push(Diagnostic::error(span, message));
    }

    fn warning(&mut self, span: Range<usize>, message: String) {
        self.problems.push(Diagnostic::warning(span, message));
    }

    fn header(&mut self, h: HeaderDto) -> Option<Header> {
        let timezone = self.timezone(&h.timezone);
        let home_timezone = self.timezone(&h.home_timezone);
        if let (Some(start), Some(end)) = (&h.start, &h.end) {
            let days = mission_days(start.value, end.value);
            if end.value < start.value {
                self.error(
                    end.span.clone(),
                    format!(
                        "the mission ends on {}, before it starts ({})",
                        end.value, start.value
                    ),
                );
            } else if days > MAX_MISSION_DAYS {
                self.error(
                    end.span.clone(),
                    format!(
                        "the mission is {days} days long ({} to {}); \
                         itinera plans missions of up to {MAX_MISSION_DAYS} days (3 years)",
                        start.value, end.value
                    ),
                );
            }
        }
        Some(Header {
            title: value(&h.title)?,
            start: value(&h.start)?,
            end: value(&h.end)?,
            timezone: timezone?,
            home_timezone: home_timezone?,
            organizer: value(&h.organizer),
            summary: value(&h.summary),
        })
    }

    /// `Some(None)` for no zone, `None` for an invalid one.
    fn timezone(&mut self, field: &Field<String>) -> Option<Option<Tz>> {
        let Some(field) = field else {
            return Some(None);
        };
        match Tz::from_str(field.value.trim()) {
            Ok(tz) => Some(Some(tz)),
            Err(_) => {
                let names = chrono_tz::TZ_VARIANTS.iter().map(|tz| tz.name());
                let hint = match suggest(&field.value, names) {
                    Some(name) => format!(" (did you mean \"{name}\"?)"),
                    None => " (use an IANA name like \"Asia/Tokyo\")".to_string(),
                };
                self.error(
                    field.span.clone(),
                    format!("unknown time zone \"{}\"{hint}", excerpt(&field.value)),
                );
                None
            }
        }
    }

    fn outside(
        &mut self,
        date: &Spanned<NaiveDate>,
        range: Option<(NaiveDate, NaiveDate)>,
        what: &str,
    ) {
        if let Some((start, end)) = range {
            if date.value < start || date.value > end {
                self.warning(
                    date.span.clone(),
                    format!(
                        "{what} on {} is outside the mission's dates ({start} to {end})",
                        date.value
                    ),
                );
            }
        }
    }

    fn days(&mut self, days: Vec<DayDto>, range: Option<(NaiveDate, NaiveDate)>) -> Vec<DayInfo> {
        let mut seen: HashMap<NaiveDate, Range<usize>> = HashMap::new();
        let mut out = Vec::with_capacity(days.len());
        for day in days {
            let Some(date) = day.date else { continue };
            if let Some(first) = seen.get(&date.value) {
                let message = format!(
                    "a [[days]] entry for {} already exists (line {}); write one per date",
                    date.value,
                    self.line_hint(first)
                );
                self.error(date.span.clone(), message);
                continue;
            }
            seen.insert(date.value, date.span.clone());
            self.outside(&date, range, "day");
            out.push(DayInfo {
                date: date.value,
                city: value(&day.city),
                lodging: value(&day.lodging),
                notes: value(&day.notes),
            });
        }
        out
    }

    fn participants(&mut self, list: Vec<ParticipantDto>) -> Vec<Participant> {
        let mut seen: HashMap<String, Range<usize>> = HashMap::new();
        let mut out = Vec::with_capacity(list.len());
        for p in list {
            let Some(id) =
                p.id.as_ref()
                    .filter(|id| self.check_id(id, "participant", &mut seen))
            else {
                continue;
            };
            let Some(name) = value(&p.name) else { continue };
            out.push(Participant {
                key: Key::fresh(),
                id: id.value.clone(),
                name,
                organization: value(&p.organization),
                region: value(&p.region),
                role: value(&p.role),
                email: value(&p.email),
                phone: value(&p.phone),
                notes: value(&p.notes),
            });
        }
        out
    }

    /// Checks an id's characters and uniqueness; records it as seen.
    fn check_id(
        &mut self,
        id: &Spanned<String>,
        what: &str,
        seen: &mut HashMap<String, Range<usize>>,
    ) -> bool {
        if !is_valid_id(&id.value) {
            self.error(
                id.span.clone(),
                format!(
                    "invalid {what} id \"{}\": use letters, digits, '-' and '_'",
                    excerpt(&id.value)
                ),
            );
            return false;
        }
        if let Some(first) = seen.get(&id.value) {
            let message = format!(
                "duplicate {what} id \"{}\" (first used on line {})",
                excerpt(&id.value),
                self.line_hint(first)
            );
            self.error(id.span.clone(), message);
            return false;
        }
        seen.insert(id.value.clone(), id.span.clone());
        true
    }

    /// The line of a span, for messages that point at a second place.
    fn line_hint(&self, span: &Range<usize>) -> usize {
        let text = self.text;
        self.lines
            .get_or_init(|| LineIndex::new(text))
            .line(span.start)
    }

    fn visits(
        &mut self,
        list: Vec<VisitDto>,
        participants: &mut Ids,
        range: Option<(NaiveDate, NaiveDate)>,
    ) -> Vec<Option<Visit>> {
        let mut seen: HashMap<String, Range<usize>> = HashMap::new();
        // Per date: the start time and title of the last timed visit seen.
        let mut last_start: HashMap<NaiveDate, (chrono::NaiveTime, String)> = HashMap::new();
        let mut out = Vec::with_capacity(list.len());
        for dto in list {
            let visit = self.visit(dto, participants, range, &mut seen, &mut last_start);
            out.push(visit);
        }
        out
    }

    fn visit(
        &mut self,
        v: VisitDto,
        participants: &mut Ids,
        range: Option<(NaiveDate, NaiveDate)>,
        seen: &mut HashMap<String, Range<usize>>,
        last_start: &mut HashMap<NaiveDate, (chrono::NaiveTime, String)>,
    ) -> Option<Visit> {
        let id_ok =
            v.id.as_ref()
                .is_none_or(|id| self.check_id(id, "visit", seen));
        let kind = v.kind.as_ref().map_or(Kind::default(), |k| {
            let word = normalized(&k.value);
            Kind::parse(&word).unwrap_or_else(|| {
                let words = Kind::ALL.map(Kind::as_str);
                let message = match suggest(&word, words) {
                    Some(close) => format!(
                        "unknown kind \"{}\" (did you mean \"{close}\"?); read as \"other\"",
                        excerpt(&k.value)
                    ),
                    None => format!(
                        "unknown kind \"{}\" (read as \"other\"); kinds are {}",
                        excerpt(&k.value),
                        list(words)
                    ),
                };
                self.warning(k.span.clone(), message);
                Kind::Other
            })
        });
        let status = v.status.as_ref().map_or(Status::default(), |s| {
            let word = normalized(&s.value);
            let parsed = match word.as_str() {
                // The US spelling.
                "canceled" => Some(Status::Cancelled),
                word => Status::parse(word),
            };
            parsed.unwrap_or_else(|| {
                let words = Status::ALL.map(Status::as_str);
                let message = match suggest(&word, words) {
                    Some(close) => format!(
                        "unknown status \"{}\" (did you mean \"{close}\"?); read as \"confirmed\"",
                        excerpt(&s.value)
                    ),
                    None => format!(
                        "unknown status \"{}\" (read as \"confirmed\"); statuses are {}",
                        excerpt(&s.value),
                        list(words)
                    ),
                };
                self.warning(s.span.clone(), message);
                Status::Confirmed
            })
        });
        let refs_ok = self.references(&v.participants, participants);
        let times_ok = self.times(&v);
        if let Some(date) = &v.date {
            self.outside(date, range, "visit");
        }
        if let (Some(date), Some(start), Some(title)) = (&v.date, &v.start, &v.title) {
            if let Some((previous, previous_title)) = last_start.get(&date.value) {
                if start.value < *previous {
                    self.warning(
                        start.span.clone(),
                        format!(
                            "starts at {}, before \"{}\" listed above it at {} on {}; \
                             visits of a day are shown in file order",
                            start.value.format("%H:%M"),
                            excerpt(previous_title),
                            previous.format("%H:%M"),
                            date.value
                        ),
                    );
                }
            }
            last_start.insert(date.value, (start.value, title.value.clone()));
        }
        if !(id_ok && refs_ok && times_ok) {
            return None;
        }
        Some(Visit {
            key: Key::fresh(),
            id: value(&v.id),
            date: value(&v.date)?,
            end_date: value(&v.end_date),
            start: value(&v.start),
            end: value(&v.end),
            title: value(&v.title)?,
            kind,
            status,
            city: value(&v.city),
            venue: value(&v.venue),
            address: value(&v.address),
            host: value(&v.host),
            contact: value(&v.contact),
            participants: v
                .participants
                .map(|list| list.value.into_iter().map(|p| p.value).collect()),
            tags: v
                .tags
                .map(|list| list.value.into_iter().map(|t| t.value).collect())
                .unwrap_or_default(),
            notes: value(&v.notes),
        })
    }

    fn references(&mut self, refs: &Field<Vec<Spanned<String>>>, ids: &mut Ids) -> bool {
        let mut ok = true;
        let mut listed: HashSet<&str> = HashSet::new();
        for r in refs.iter().flat_map(|list| &list.value) {
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
            } else if !listed.insert(&r.value) {
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
    fn times(&mut self, v: &VisitDto) -> bool {
        let mut ok = true;
        if let (Some(date), Some(end_date)) = (&v.date, &v.end_date) {
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
        match (&v.start, &v.end) {
            (None, Some(end)) => {
                self.error(
                    end.span.clone(),
                    "`end` needs a `start`: give the start time too, or remove `end`".into(),
                );
                ok = false;
            }
            (Some(start), Some(end)) if ok => {
                // With `end_date` after `date` the end is always after the
                // start; on one day the times must be in order.
                let date = v.date.as_ref().map(|d| d.value);
                let end_date = v.end_date.as_ref().map(|d| d.value);
                let same_day = date.is_some() && end_date.is_none_or(|e| Some(e) == date);
                if same_day && end.value <= start.value {
                    let message = if end.value == start.value {
                        format!(
                            "the visit ends when it starts ({}); correct `end`, or remove it",
                            start.value.format("%H:%M")
                        )
                    } else {
                        let ends = format!(
                            "the visit ends at {}, before it starts ({})",
                            end.value.format("%H:%M"),
                            start.value.format("%H:%M")
                        );
                        if end_date.is_some() {
                            let next_day = date
                                .and_then(|d| d.succ_opt())
                                .map_or(String::new(), |next| format!(" ({next})"));
                            format!(
                                "{ends}; `end_date` is the same day as `date`, \
                                 but an item past midnight needs the next day{next_day}"
                            )
                        } else {
                            format!("{ends}; for an item past midnight set `end_date`")
                        }
                    };
                    self.error(end.span.clone(), message);
                    ok = false;
                }
            }
            _ => {}
        }
        ok
    }
}

/// A `kind` or `status` word as it is looked up: people write "Meeting" or
/// " tentative" and mean the word.
fn normalized(word: &str) -> String {
    word.trim().to_lowercase()
}

fn list<const N: usize>(words: [&str; N]) -> String {
    words.join(", ")
}
