//! The sync plan: from the events the mission wants, what the calendar
//! holds and what was published there last, the step for each resource.
//! Pure, so every rule is tested without a server.
//!
//! - Not on the server, never published: add it (`If-None-Match: *`).
//! - Published, and the server's ETag is still the recorded one: keep it
//!   when the body is the same, else update it (`If-Match`).
//! - Published, but the server's ETag changed, or the resource is gone:
//!   someone edited or deleted it there. Reported and left alone; with
//!   `force`, overwritten (or put back).
//! - On the server under the event's name but never published from here
//!   (the record was lost, or another copy of itinera published it): read
//!   it and keep it when it holds the same event, else report it.
//! - Published for this mission, no longer a visit: removed when it is
//!   as it was published (`If-Match`), reported when it changed since.
//! - Anything else on the server is not itinera's and is never touched.

use super::client::Listing;
use super::state::{Published, Record};

/// One event the mission wants on the server.
#[derive(Clone, Debug, PartialEq, Eq)]
pub(crate) struct Wanted {
    /// The resource name: the UID and `.ics`.
    pub name: String,
    pub title: String,
    pub body: String,
    pub hash: String,
}

/// Why an event was left as it is on the server.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Reason {
    /// Edited on the server since it was last published.
    Changed,
    /// Deleted on the server since it was last published.
    Deleted,
    /// On the server, with other content, but not published from here.
    NotPublishedHere,
    /// Its visit is gone, but the event was edited on the server since it
    /// was published: not removed.
    ChangedNotRemoved,
    /// Changed on the server while this publish ran (a precondition
    /// failed).
    ChangedMeanwhile,
    /// Another event in the calendar already has this UID.
    UidTaken,
}

impl Reason {
    /// The words after the event's title in the report.
    pub fn describe(self) -> &'static str {
        match self {
            Reason::Changed => "changed on the server since it was last published",
            Reason::Deleted => "deleted on the server since it was last published",
            Reason::NotPublishedHere => {
                "already on the server with other content, not published from this computer"
            }
            Reason::ChangedNotRemoved => {
                "no longer in the mission, but changed on the server since it was published, \
                 so not removed"
            }
            Reason::ChangedMeanwhile => "changed on the server while publishing",
            Reason::UidTaken => "another event in the calendar already has its UID",
        }
    }

    /// What the user can do about it.
    pub fn remedy(self) -> &'static str {
        match self {
            Reason::Changed | Reason::NotPublishedHere => "--force overwrites it",
            Reason::Deleted => "--force puts it back",
            Reason::ChangedNotRemoved => "--force removes it",
            Reason::ChangedMeanwhile => "publish again to compare anew",
            Reason::UidTaken => "remove the other copy from the calendar, then publish again",
        }
    }
}

#[derive(Clone, Debug, PartialEq, Eq)]
pub(crate) enum Step {
    /// Create `wanted[at]`.
    Add { at: usize },
    /// Replace `wanted[at]`, which the server holds as version `etag`.
    Update { at: usize, etag: String },
    /// `wanted[at]` is on the server as published.
    Keep { at: usize },
    /// Read `wanted[at]` from the server: the same event is kept, other
    /// content is a conflict for `reason`.
    Check { at: usize, reason: Reason },
    /// Delete the published resource `name`, version `etag`.
    Remove { name: String, etag: String },
    /// Drop `name` from the record: it is gone and no longer wanted.
    Forget { name: String },
    /// Leave `name` alone and report it.
    Conflict {
        name: String,
        title: String,
        reason: Reason,
    },
}

/// The steps, in the order of `wanted`, then the removals by name.
/// `ours` says which records belong to the mission being published (only
/// those are removed when their visit is gone).
pub(crate) fn plan(
    wanted: &[Wanted],
    listing: &Listing,
    record: &Record,
    ours: impl Fn(&Published) -> bool,
    force: bool,
) -> Vec<Step> {
    let mut steps: Vec<Step> = wanted
        .iter()
        .enumerate()
        .map(|(at, w)| {
            let server = listing.members.get(&w.name);
            let published = record.resources.get(&w.name);
            let conflict = |reason| Step::Conflict {
                name: w.name.clone(),
                title: w.title.clone(),
                reason,
            };
            match (server, published) {
                (None, None) => Step::Add { at },
                (None, Some(_)) if force => Step::Add { at },
                (None, Some(_)) => conflict(Reason::Deleted),
                (Some(s), Some(p)) => match (&s.etag, &p.etag) {
                    (Some(now), Some(then)) if now == then && p.hash == w.hash => Step::Keep { at },
                    (Some(now), Some(then)) if now == then || force => Step::Update {
                        at,
                        etag: now.clone(),
                    },
                    (Some(_), Some(_)) => conflict(Reason::Changed),
                    _ => Step::Check {
                        at,
                        reason: Reason::Changed,
                    },
                },
                (Some(s), None) => match &s.etag {
                    Some(etag) if force => Step::Update {
                        at,
                        etag: etag.clone(),
                    },
                    _ => Step::Check {
                        at,
                        reason: Reason::NotPublishedHere,
                    },
                },
            }
        })
        .collect();
    for (name, published) in &record.resources {
        if wanted.iter().any(|w| &w.name == name) || !ours(published) {
            continue;
        }
        let step = match listing.members.get(name).map(|m| &m.etag) {
            None => Step::Forget { name: name.clone() },
            Some(Some(now)) if force || published.etag.as_ref() == Some(now) => Step::Remove {
                name: name.clone(),
                etag: now.clone(),
            },
            Some(_) => Step::Conflict {
                name: name.clone(),
                title: published.title.clone(),
                reason: Reason::ChangedNotRemoved,
            },
        };
        steps.push(step);
    }
    steps
}

/// The lines of a calendar object that say what the event is, for
/// telling whether a server's copy holds the same event as ours: lines
/// unfolded, `DTSTAMP` (the time of writing) left out, and sorted, since
/// servers may store the properties in another order.
pub(crate) fn event_lines(body: &str) -> Vec<String> {
    let unfolded = body
        .replace("\r\n ", "")
        .replace("\r\n\t", "")
        .replace("\n ", "")
        .replace("\n\t", "");
    let mut lines: Vec<String> = unfolded
        .lines()
        .map(|l| l.trim_end_matches('\r'))
        .filter(|l| !l.is_empty() && !l.starts_with("DTSTAMP"))
        .map(String::from)
        .collect();
    lines.sort();
    lines
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::publish::client::Member;

    fn wanted(name: &str, hash: &str) -> Wanted {
        Wanted {
            name: name.into(),
            title: format!("Visit {name}"),
            body: String::new(),
            hash: hash.into(),
        }
    }

    fn member(name: &str, etag: &str) -> (String, Member) {
        let member = Member {
            href: format!("/cal/{name}"),
            etag: Some(etag.into()),
        };
        (name.to_string(), member)
    }

    fn published(name: &str, etag: &str, hash: &str) -> (String, Published) {
        let p = Published {
            href: format!("/cal/{name}"),
            etag: Some(etag.into()),
            hash: hash.into(),
            title: format!("Visit {name}"),
            mission: "m".into(),
            source: None,
        };
        (name.to_string(), p)
    }

    fn run(
        wanted: &[Wanted],
        server: &[(String, Member)],
        record: &[(String, Published)],
        force: bool,
    ) -> Vec<Step> {
        let listing = Listing {
            members: server.iter().cloned().collect(),
        };
        let record = Record {
            resources: record.iter().cloned().collect(),
            ..Record::default()
        };
        plan(wanted, &listing, &record, |p| p.mission == "m", force)
    }

    #[test]
    fn new_events_are_added_and_unchanged_ones_kept_or_updated() {
        let w = [wanted("a", "h1"), wanted("b", "h2"), wanted("c", "new")];
        let server = [member("b", "e2"), member("c", "e3")];
        let record = [published("b", "e2", "h2"), published("c", "e3", "old")];
        assert_eq!(
            run(&w, &server, &record, false),
            vec![
                Step::Add { at: 0 },
                Step::Keep { at: 1 },
                Step::Update {
                    at: 2,
                    etag: "e3".into()
                },
            ]
        );
    }

    #[test]
    fn an_event_changed_or_deleted_on_the_server_is_left_unless_forced() {
        let w = [wanted("a", "h1"), wanted("b", "h2")];
        let server = [member("a", "edited")];
        let record = [published("a", "e1", "h1"), published("b", "e2", "h2")];
        let conflict = |name: &str, reason| Step::Conflict {
            name: name.into(),
            title: format!("Visit {name}"),
            reason,
        };
        assert_eq!(
            run(&w, &server, &record, false),
            vec![
                conflict("a", Reason::Changed),
                conflict("b", Reason::Deleted)
            ]
        );
        assert_eq!(
            run(&w, &server, &record, true),
            vec![
                Step::Update {
                    at: 0,
                    etag: "edited".into()
                },
                Step::Add { at: 1 },
            ]
        );
    }

    #[test]
    fn an_event_on_the_server_that_was_not_published_here_is_read_first() {
        let w = [wanted("a", "h1")];
        let server = [member("a", "e1")];
        assert_eq!(
            run(&w, &server, &[], false),
            vec![Step::Check {
                at: 0,
                reason: Reason::NotPublishedHere
            }]
        );
        assert_eq!(
            run(&w, &server, &[], true),
            vec![Step::Update {
                at: 0,
                etag: "e1".into()
            }]
        );
    }

    #[test]
    fn only_this_missions_published_events_are_removed_and_only_unchanged() {
        let server = [
            member("gone", "e1"),
            member("edited", "new"),
            member("foreign", "f"),
            member("other-mission", "o"),
        ];
        let mut other = published("other-mission", "o", "h");
        other.1.mission = "another".into();
        let record = [
            published("gone", "e1", "h"),
            published("edited", "old", "h"),
            published("vanished", "v", "h"),
            other,
        ];
        assert_eq!(
            run(&[], &server, &record, false),
            vec![
                Step::Conflict {
                    name: "edited".into(),
                    title: "Visit edited".into(),
                    reason: Reason::ChangedNotRemoved
                },
                Step::Remove {
                    name: "gone".into(),
                    etag: "e1".into()
                },
                Step::Forget {
                    name: "vanished".into()
                },
            ]
        );
        let forced = run(&[], &server, &record, true);
        assert!(forced.contains(&Step::Remove {
            name: "edited".into(),
            etag: "new".into()
        }));
        assert!(!forced.iter().any(|s| matches!(s, Step::Remove { name, .. }
            if name == "foreign" || name == "other-mission")));
    }

    #[test]
    fn event_lines_ignore_order_folding_and_the_stamp() {
        let ours = "BEGIN:VEVENT\r\nUID:a\r\nDTSTAMP:20221101T000000Z\r\nSUMMARY:Lon\r\n g\r\nEND:VEVENT\r\n";
        let theirs =
            "BEGIN:VEVENT\r\nSUMMARY:Long\r\nDTSTAMP:20250101T000000Z\r\nUID:a\r\nEND:VEVENT\r\n";
        assert_eq!(event_lines(ours), event_lines(theirs));
        let edited = theirs.replace("Long", "Short");
        assert_ne!(event_lines(ours), event_lines(&edited));
    }
}
