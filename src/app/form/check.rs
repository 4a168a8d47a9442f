//! Checking a form's fields as they are typed: each field as its kind
//! asks (from the entity's description), then the rules of the entity.

use chrono::{NaiveDate, NaiveTime};
use chrono_tz::Tz;

use super::{Form, Name, Target};
use crate::domain::schema::{DAY, HEADER, PARTICIPANT, Schema, VISIT, ValueKind};
use crate::domain::{MAX_MISSION_DAYS, Mission, is_valid_id, mission_days, suggest};
use crate::domain::{parse_date, parse_time};

impl Form {
    /// Checks every field, marking problems; true when the form can apply.
    pub fn validate(&mut self, mission: &Mission) -> bool {
        for field in &mut self.fields {
            field.error = None;
        }
        self.message = None;
        match self.target {
            Target::Visit(index) => {
                self.check_fields(&VISIT);
                self.validate_visit(mission, index);
            }
            Target::Participant(index) => {
                self.check_fields(&PARTICIPANT);
                self.validate_participant(mission, index);
            }
            Target::Mission => {
                self.check_fields(&HEADER);
                self.validate_mission();
            }
            Target::Day(_) => self.check_fields(&DAY),
            Target::Export => self.validate_export(),
        }
        self.fields.iter().all(|f| f.error.is_none())
    }

    /// Checks each field as its kind asks: required text, dates, times,
    /// time zones. An id is checked by the rules of its entity.
    fn check_fields<E>(&mut self, schema: &Schema<E>) {
        for spec in schema.form_fields() {
            let name = Name(spec.key);
            match spec.kind {
                ValueKind::Text | ValueKind::MultiLine if spec.required => self.required(name),
                ValueKind::Date => {
                    self.date_field(name, spec.required);
                }
                ValueKind::Time { .. } => {
                    self.time_field(name);
                }
                ValueKind::TimeZone => self.zone_field(name),
                _ => {}
            }
        }
    }

    fn required(&mut self, name: Name) {
        if self.text(name).is_empty() {
            self.set_error(name, Some("required".into()));
        }
    }

    fn date_field(&mut self, name: Name, required: bool) -> Option<NaiveDate> {
        let text = self.text(name);
        if text.is_empty() {
            if required {
                self.set_error(name, Some("required: YYYY-MM-DD".into()));
            }
            return None;
        }
        match parse_date(&text) {
            Some(date) => Some(date),
            None => {
                let shaped = text.len() == 10
                    && text.bytes().enumerate().all(|(i, b)| {
                        if i == 4 || i == 7 {
                            b == b'-'
                        } else {
                            b.is_ascii_digit()
                        }
                    });
                let message = if shaped {
                    format!("there is no date {text}")
                } else {
                    format!("\"{text}\" is not a date like 2022-11-14")
                };
                self.set_error(name, Some(message));
                None
            }
        }
    }

    fn time_field(&mut self, name: Name) -> Option<NaiveTime> {
        let text = self.text(name);
        if text.is_empty() {
            return None;
        }
        let time = parse_time(&text);
        if time.is_none() {
            self.set_error(name, Some(format!("\"{text}\" is not a time like 09:30")));
        }
        time
    }

    fn id_field(&mut self, taken: impl Fn(&str) -> bool) {
        let id = self.text(Name::Id);
        if id.is_empty() {
            return;
        }
        if !is_valid_id(&id) {
            self.set_error(Name::Id, Some("use letters, digits, '-' and '_'".into()));
        } else if taken(&id) {
            self.set_error(Name::Id, Some(format!("\"{id}\" is already used")));
        }
    }

    fn validate_visit(&mut self, mission: &Mission, index: Option<usize>) {
        let date = parse_date(&self.text(Name::Date));
        let end_date = parse_date(&self.text(Name::EndDate));
        let start = parse_time(&self.text(Name::Start));
        let end = parse_time(&self.text(Name::End));
        let end_text = self.text(Name::End);
        if start.is_none() && !end_text.is_empty() && self.text(Name::Start).is_empty() {
            self.set_error(Name::Start, Some("needed when there is an end time".into()));
        }
        if let (Some(date), Some(end_date)) = (date, end_date) {
            if end_date < date {
                self.set_error(Name::EndDate, Some("before the visit's date".into()));
            }
        }
        if let (Some(date), Some(start), Some(end)) = (date, start, end) {
            let end_day = end_date.unwrap_or(date);
            if end_day >= date && end_day.and_time(end) <= date.and_time(start) {
                let hint = if end_day == date {
                    "; past midnight? set \"Ends on\" to the next day"
                } else {
                    ""
                };
                self.set_error(Name::End, Some(format!("not after the start{hint}")));
            }
        }
        // Says why the end did not follow the start, over any other
        // problem of the End field.
        if let Some(why) = self.end_blocked.clone() {
            self.set_error(Name::End, Some(why));
        }
        self.id_field(|id| {
            mission
                .visits
                .iter()
                .enumerate()
                .any(|(i, v)| Some(i) != index && v.id.as_deref() == Some(id))
        });
    }

    fn validate_participant(&mut self, mission: &Mission, index: Option<usize>) {
        // A new participant's id may be left empty: it is made from the name.
        if self.text(Name::Id).is_empty() && index.is_some() {
            self.set_error(Name::Id, Some("required: visits name people by id".into()));
        }
        self.id_field(|id| {
            mission
                .participants
                .iter()
                .enumerate()
                .any(|(i, p)| Some(i) != index && p.id == id)
        });
    }

    fn validate_mission(&mut self) {
        let start = parse_date(&self.text(Name::FirstDay));
        let end = parse_date(&self.text(Name::LastDay));
        if let (Some(start), Some(end)) = (start, end) {
            if end < start {
                self.set_error(Name::LastDay, Some("before the first day".into()));
            } else if mission_days(start, end) > MAX_MISSION_DAYS {
                let error = format!("over {MAX_MISSION_DAYS} days (3 years) from the first day");
                self.set_error(Name::LastDay, Some(error));
            }
        }
    }

    fn zone_field(&mut self, name: Name) {
        let text = self.text(name);
        if !text.is_empty() && text.parse::<Tz>().is_err() {
            let names = chrono_tz::TZ_VARIANTS.iter().map(|tz| tz.name());
            let error = match suggest(&text, names) {
                Some(s) => format!("unknown zone; did you mean {s}?"),
                None => "unknown zone; use a name like Asia/Tokyo".to_string(),
            };
            self.set_error(name, Some(error));
        }
    }
}
