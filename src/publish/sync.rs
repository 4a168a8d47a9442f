//! Carrying out the plan: each step's request, what it did in the
//! summary, and the record of what is now on the server. The record is
//! saved also when a request fails half-way, so the events already
//! written are known as itinera's next time.

use super::client::{Client, Expect, Listing, Written};
use super::plan::{self, Reason, Step, Wanted};
use super::state::{Published, Record};
use super::target::Target;
use super::{Change, ChangeKind, Conflict, PublishError, StateStore, Summary, body_hash};

pub(super) struct Sync<'a> {
    pub client: &'a Client,
    pub target: &'a Target,
    pub wanted: &'a [Wanted],
    /// The mission's slug, recorded with each event.
    pub mission: String,
    /// The mission file, recorded with each event.
    pub source: Option<String>,
    /// False in a dry run: only reads.
    pub write: bool,
}

impl Sync<'_> {
    /// Plans against `listing` and `record`, carries the plan out (in a
    /// dry run, only the reads) and saves the record.
    pub fn run(
        &self,
        listing: &Listing,
        mut record: Record,
        force: bool,
        store: &StateStore,
        summary: &mut Summary,
    ) -> Result<(), PublishError> {
        let source = self.source.clone();
        let ours =
            |p: &Published| p.mission == self.mission || (source.is_some() && p.source == source);
        let steps = plan::plan(self.wanted, listing, &record, ours, force);
        summary.foreign = listing
            .members
            .keys()
            .filter(|name| {
                !record.resources.contains_key(*name)
                    && !self.wanted.iter().any(|w| &w.name == *name)
            })
            .count();
        let mut result = Ok(());
        for step in steps {
            result = self.step(step, listing, &mut record, summary);
            if result.is_err() {
                break;
            }
        }
        if !self.write {
            return result;
        }
        if result.is_ok() {
            result = self.fill_etags(&mut record);
        }
        let saved = store.save(&record);
        result.and(saved)
    }

    fn step(
        &self,
        step: Step,
        listing: &Listing,
        record: &mut Record,
        summary: &mut Summary,
    ) -> Result<(), PublishError> {
        match step {
            Step::Add { at } => {
                let w = &self.wanted[at];
                let href = self.target.member_path(&w.name);
                self.put(
                    w,
                    &href,
                    Expect::Nothing,
                    ChangeKind::Added,
                    record,
                    summary,
                )?;
            }
            Step::Update { at, etag } => {
                let w = &self.wanted[at];
                let href = self.href(listing, &w.name);
                let expect = Expect::Version(&etag);
                self.put(w, &href, expect, ChangeKind::Updated, record, summary)?;
            }
            Step::Keep { .. } => summary.unchanged += 1,
            Step::Check { at, reason } => self.check(at, reason, listing, record, summary)?,
            Step::Remove { name, etag } => {
                let title = record
                    .resources
                    .get(&name)
                    .map(|p| p.title.clone())
                    .unwrap_or_default();
                let href = self.href(listing, &name);
                let written = match self.write {
                    true => self.client.delete(&self.target.href_url(&href), &etag)?,
                    false => Written::Done(None),
                };
                match written {
                    Written::Changed => conflict(summary, title, name, Reason::ChangedMeanwhile),
                    _ => {
                        record.resources.remove(&name);
                        summary.changes.push(Change {
                            kind: ChangeKind::Removed,
                            title,
                            name,
                        });
                    }
                }
            }
            Step::Forget { name } => {
                record.resources.remove(&name);
            }
            Step::Conflict {
                name,
                title,
                reason,
            } => conflict(summary, title, name, reason),
        }
        Ok(())
    }

    /// Writes `w` at `href` (a path), if `expect` holds.
    fn put(
        &self,
        w: &Wanted,
        href: &str,
        expect: Expect,
        kind: ChangeKind,
        record: &mut Record,
        summary: &mut Summary,
    ) -> Result<(), PublishError> {
        let written = match self.write {
            true => self
                .client
                .put(&self.target.href_url(href), &w.body, expect)?,
            false => Written::Done(None),
        };
        let (title, name) = (w.title.clone(), w.name.clone());
        match written {
            Written::Done(etag) => {
                self.remember(record, w, href, etag);
                summary.changes.push(Change { kind, title, name });
            }
            Written::Changed | Written::Gone => {
                conflict(summary, title, name, Reason::ChangedMeanwhile);
            }
            Written::UidTaken => conflict(summary, title, name, Reason::UidTaken),
        }
        Ok(())
    }

    /// Reads the server's copy of `wanted[at]`: the same event is adopted
    /// as published, another is a conflict for `reason`.
    fn check(
        &self,
        at: usize,
        reason: Reason,
        listing: &Listing,
        record: &mut Record,
        summary: &mut Summary,
    ) -> Result<(), PublishError> {
        let w = &self.wanted[at];
        let href = self.href(listing, &w.name);
        let (title, name) = (w.title.clone(), w.name.clone());
        match self.client.get(&self.target.href_url(&href))? {
            Some((body, etag)) if plan::event_lines(&body) == plan::event_lines(&w.body) => {
                let etag = etag.or_else(|| listing.members.get(&w.name)?.etag.clone());
                self.remember(record, w, &href, etag);
                summary.unchanged += 1;
            }
            Some(_) => conflict(summary, title, name, reason),
            None => conflict(summary, title, name, Reason::ChangedMeanwhile),
        }
        Ok(())
    }

    /// The href the server listed `name` under, or where it would be.
    fn href(&self, listing: &Listing, name: &str) -> String {
        match listing.members.get(name) {
            Some(member) => member.href.clone(),
            None => self.target.member_path(name),
        }
    }

    fn remember(&self, record: &mut Record, w: &Wanted, href: &str, etag: Option<String>) {
        record.resources.insert(
            w.name.clone(),
            Published {
                href: href.to_string(),
                etag,
                hash: body_hash(&w.body),
                title: w.title.clone(),
                mission: self.mission.clone(),
                source: self.source.clone(),
            },
        );
    }

    /// A server may write an event without saying its new ETag (when it
    /// changed the body on the way): list the calendar again for those.
    fn fill_etags(&self, record: &mut Record) -> Result<(), PublishError> {
        if record.resources.values().all(|p| p.etag.is_some()) {
            return Ok(());
        }
        let Some(listing) = self.client.list(self.target)? else {
            return Ok(());
        };
        for (name, published) in &mut record.resources {
            if published.etag.is_none() {
                if let Some(member) = listing.members.get(name) {
                    published.etag = member.etag.clone();
                    published.href = member.href.clone();
                }
            }
        }
        Ok(())
    }
}

fn conflict(summary: &mut Summary, title: String, name: String, reason: Reason) {
    summary.conflicts.push(Conflict {
        title,
        name,
        reason,
    });
}
