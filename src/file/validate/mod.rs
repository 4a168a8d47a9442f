//! From DTOs to the domain model: required values, ranges, references and
//! uniqueness. Every problem is collected; a mission is produced only when
//! there is no error at all.
//!
//! Each table's values are turned into its entity by walking the entity's
//! description ([`crate::domain::schema`]): a choice word is looked up, a
//! time zone name resolved, and each value set. The rules that look at
//! several fields or several entries (the mission's dates, ids, a visit's
//! times and attendees, see [`visit`]; routes, see [`route`]) are written
//! out here.
//!
//! What is wrong with the plan rather than the file (visits outside the
//! mission's dates, out of order, overlapping) is found on the mission by
//! [`crate::domain::problems`]. A file with errors gives no mission, so
//! the one such check that needs only what was read, dates outside the
//! mission's, is made here then, with the same message.

mod route;
mod visit;

use std::cell::OnceCell;
use std::collections::HashMap;
use std::ops::Range;
use std::str::FromStr;

use chrono::NaiveDate;
use chrono_tz::Tz;

use super::diagnostic::{Diagnostic, LineIndex, excerpt};
use super::dto::{EntryDto, MissionDto, Raw, Spanned};
use crate::domain::problems;
use crate::domain::schema::{
    Choice, DAY, FieldValue, HEADER, PARTICIPANT, PUBLISH, Schema, ValueKind, normalized,
};
use crate::domain::{
    DayInfo, FORMAT, Header, MAX_MISSION_DAYS, Mission, Participant, is_loopback, is_valid_id,
    mission_days, split_url, suggest,
};

const MISSION_START: usize = HEADER.at("start");
const MISSION_END: usize = HEADER.at("end");
const DAY_DATE: usize = DAY.at("date");
const PARTICIPANT_ID: usize = PARTICIPANT.at("id");

/// The mission `dto` describes, or `None` when it has errors (which are
/// added to `problems`, with any warnings). `text` is the file's text, for
/// messages that mention a second line.
pub fn validate(dto: MissionDto, text: &str, problems: &mut Vec<Diagnostic>) -> Option<Mission> {
    let mut v = Validator {
        problems,
        text,
        lines: OnceCell::new(),
        outside: Vec::new(),
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
    let range =
        dto.header
            .as_ref()
            .and_then(|h| match (h.date(MISSION_START), h.date(MISSION_END)) {
                (Some(start), Some(end)) if start.value <= end.value => {
                    Some((start.value, end.value))
                }
                _ => None,
            });
    let header = dto.header.and_then(|h| v.header(h));
    let publish = dto.publish.and_then(|p| v.entity(&PUBLISH, p));
    let zone = header.as_ref().and_then(|h| h.timezone);
    let days = v.days(dto.days, range);
    let participants = v.participants(dto.participants);
    let mut ids = visit::Ids::new(participants.iter().map(|p| p.id.as_str()).collect());
    let visits = v.visits(dto.visits, &mut ids, range, zone);
    let routes = v.routes(dto.routes);
    // A file with errors anywhere (here or in reading it) is not loaded,
    // so the plan's checks do not run: its "outside the mission's dates"
    // warnings are given here.
    if v.problems.iter().any(Diagnostic::is_error) {
        v.problems.append(&mut v.outside);
        return None;
    }
    Some(Mission {
        header: header?,
        days,
        participants,
        visits: visits.into_iter().collect::<Option<Vec<_>>>()?,
        publish,
        routes,
    })
}

struct Validator<'p> {
    problems: &'p mut Vec<Diagnostic>,
    text: &'p str,
    /// Line starts of `text`, found the first time a message names a line.
    lines: OnceCell<LineIndex<'p>>,
    /// Days and visits outside the mission's dates: reported only when
    /// the file has errors (otherwise the mission's problems say it).
    outside: Vec<Diagnostic>,
}

impl Validator<'_> {
    fn error(&mut self, span: Range<usize>, message: String) {
        self.problems.push(Diagnostic::error(span, message));
    }

    fn warning(&mut self, span: Range<usize>, message: String) {
        self.problems.push(Diagnostic::warning(span, message));
    }

    /// The entity a table describes, each value read as its field's kind
    /// asks. `None` when a required field is missing or a value is wrong
    /// (an unknown time zone); every problem is reported either way.
    fn entity<E>(&mut self, schema: &Schema<E>, dto: EntryDto) -> Option<E> {
        let mut ok = true;
        // Each value is set as it is read; an entity with a problem is
        // dropped at the end, once every problem has been reported.
        let mut entity = (schema.blank)();
        for (field, raw) in schema.fields.iter().zip(dto.values) {
            let value = match raw {
                Some(raw) => self.value(field.key, field.kind, raw),
                None => Some(None),
            };
            ok &=
                value.is_some() && (!field.required || value.as_ref().is_some_and(Option::is_some));
            if let Some(value @ Some(_)) = value {
                if ok {
                    (field.set)(&mut entity, value);
                }
            }
        }
        ok.then_some(entity)
    }

    /// A value read as `kind` asks: `Some(None)` for a choice word read as
    /// the default, `None` for a value with an error.
    fn value(
        &mut self,
        key: &str,
        kind: ValueKind,
        raw: Spanned<Raw>,
    ) -> Option<Option<FieldValue>> {
        let value = match (kind, raw.value) {
            (ValueKind::Choice(choice), Raw::Text(word)) => {
                return Some(self.choice(
                    key,
                    choice,
                    &Spanned {
                        value: word,
                        span: raw.span,
                    },
                ));
            }
            (ValueKind::Url, Raw::Text(url)) => {
                self.url(key, &url, raw.span)?;
                FieldValue::Text(url)
            }
            (ValueKind::TimeZone, Raw::Text(name)) => {
                FieldValue::Zone(self.timezone(&Spanned {
                    value: name,
                    span: raw.span,
                })?)
            }
            (ValueKind::Minutes { min, max }, Raw::Integer(n)) => {
                match u32::try_from(n).ok().filter(|m| (min..=max).contains(m)) {
                    Some(minutes) => FieldValue::Minutes(minutes),
                    None => {
                        self.error(
                            raw.span,
                            format!(
                                "`{key}` must be a number of minutes from {min} to {max}, not {n}"
                            ),
                        );
                        return None;
                    }
                }
            }
            (_, Raw::Integer(n)) => FieldValue::Text(n.to_string()),
            (_, Raw::Text(text)) => FieldValue::Text(text),
            (_, Raw::Date(date)) => FieldValue::Date(date),
            (_, Raw::Time(time)) => FieldValue::Time(time),
            (_, Raw::List(list)) => FieldValue::List(list.into_iter().map(|i| i.value).collect()),
        };
        Some(Some(value))
    }

    /// The word of `choice` written; a word not in the list is read as
    /// the default, with a warning.
    fn choice(
        &mut self,
        key: &str,
        choice: &Choice,
        written: &Spanned<String>,
    ) -> Option<FieldValue> {
        if let Some(word) = choice.parse(&written.value) {
            return Some(FieldValue::Word(word));
        }
        let default = choice.default;
        let message = match suggest(&normalized(&written.value), choice.words.iter().copied()) {
            Some(close) => format!(
                "unknown {key} \"{}\" (did you mean \"{close}\"?); read as \"{default}\"",
                excerpt(&written.value)
            ),
            None => format!(
                "unknown {key} \"{}\" (read as \"{default}\"); {} are {}",
                excerpt(&written.value),
                choice.plural,
                choice.words.join(", ")
            ),
        };
        self.warning(written.span.clone(), message);
        None
    }

    /// The zone named, or `None` with an error.
    fn timezone(&mut self, field: &Spanned<String>) -> Option<Tz> {
        match Tz::from_str(field.value.trim()) {
            Ok(tz) => Some(tz),
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

    /// Checks a calendar URL's shape: an error for one that cannot be
    /// published to, a warning for plain http to another computer, which
    /// publishing refuses unless told otherwise.
    fn url(&mut self, key: &str, url: &str, span: Range<usize>) -> Option<()> {
        match split_url(url) {
            Err(problem) => {
                let login = "write the user name as `user` in [publish]; the password never \
                             goes in the file";
                self.error(
                    span,
                    format!("`{key}` is not a calendar URL: {}", problem.reason(login)),
                );
                None
            }
            Ok(parts) => {
                if !parts.secure && !is_loopback(parts.host) {
                    self.warning(
                        span,
                        format!(
                            "`{key}`: plain http:// to {} would send the password and the plan \
                             unencrypted; use https:// (`itinera publish` refuses it without \
                             --insecure-http)",
                            excerpt(parts.host)
                        ),
                    );
                }
                Some(())
            }
        }
    }

    /// The header, after checking that the mission's dates are in order
    /// and not too far apart.
    fn header(&mut self, h: EntryDto) -> Option<Header> {
        if let (Some(start), Some(end)) = (h.date(MISSION_START), h.date(MISSION_END)) {
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
        self.entity(&HEADER, h)
    }

    fn outside(
        &mut self,
        date: &Spanned<NaiveDate>,
        range: Option<(NaiveDate, NaiveDate)>,
        what: &str,
    ) {
        if let Some((start, end)) = range {
            if date.value < start || date.value > end {
                self.outside.push(Diagnostic::warning(
                    date.span.clone(),
                    problems::outside_message(what, date.value, start, end),
                ));
            }
        }
    }

    /// The days with a date, one per date.
    fn days(&mut self, days: Vec<EntryDto>, range: Option<(NaiveDate, NaiveDate)>) -> Vec<DayInfo> {
        let mut seen: HashMap<NaiveDate, Range<usize>> = HashMap::new();
        let mut out = Vec::with_capacity(days.len());
        for day in days {
            let Some(date) = day.date(DAY_DATE) else {
                continue;
            };
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
            out.extend(self.entity(&DAY, day));
        }
        out
    }

    /// The participants with a valid id, each id once.
    fn participants(&mut self, list: Vec<EntryDto>) -> Vec<Participant> {
        let mut seen: HashMap<String, Range<usize>> = HashMap::new();
        let mut out = Vec::with_capacity(list.len());
        for p in list {
            let id_ok = p
                .text(PARTICIPANT_ID)
                .is_some_and(|id| self.check_id(&id, "participant", &mut seen));
            if id_ok {
                out.extend(self.entity(&PARTICIPANT, p));
            }
        }
        out
    }

    /// Checks an id's characters and uniqueness; records it as seen.
    fn check_id(
        &mut self,
        id: &Spanned<&str>,
        what: &str,
        seen: &mut HashMap<String, Range<usize>>,
    ) -> bool {
        if !is_valid_id(id.value) {
            self.error(
                id.span.clone(),
                format!(
                    "invalid {what} id \"{}\": use letters, digits, '-' and '_'",
                    excerpt(id.value)
                ),
            );
            return false;
        }
        if let Some(first) = seen.get(id.value) {
            let message = format!(
                "duplicate {what} id \"{}\" (first used on line {})",
                excerpt(id.value),
                self.line_hint(first)
            );
            self.error(id.span.clone(), message);
            return false;
        }
        seen.insert(id.value.to_string(), id.span.clone());
        true
    }

    /// The line of a span, for messages that point at a second place.
    fn line_hint(&self, span: &Range<usize>) -> usize {
        let text = self.text;
        self.lines
            .get_or_init(|| LineIndex::new(text))
            .line(span.start)
    }
}
