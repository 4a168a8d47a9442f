//! Publishing from the planner: `P` asks the runner to publish the
//! mission to the calendar of its `[publish]` table ([`Effect::Publish`]).
//! The runner does the network work on a thread of its own and reports
//! when it starts and how it ended, so keys keep working meanwhile. When
//! it has no password for the login, it says so and the app asks for one
//! in a masked prompt; the password goes with the effect and is never
//! kept in the app. Nothing here changes the mission: a publish that
//! fails leaves the plan, its history and the file as they were.

use super::dialog::Prompt;
use super::{App, Effect, Mode, Password, Report};

impl App {
    /// `P`: publishes, or says how to set up a `[publish]` table.
    pub(super) fn publish(&mut self) {
        if let Some(url) = &self.publishing {
            self.info(format!(
                "Still publishing to {url}; the status bar says when it is done."
            ));
            return;
        }
        if self.plan.mission().publish.is_none() {
            self.warn(format!(
                "Nowhere to publish: add a [publish] table with the calendar's url (and user) \
                 to {}; the README shows how.",
                self.file_name()
            ));
            return;
        }
        self.effect(Effect::Publish { password: None });
    }

    /// The password prompt was answered with `typed`.
    pub(super) fn publish_with(&mut self, typed: String) {
        if typed.is_empty() {
            self.info("Not published: no password given.");
            return;
        }
        self.effect(Effect::Publish {
            password: Some(Password::new(typed)),
        });
    }

    /// The reports of a publish.
    pub(super) fn report_publish(&mut self, report: Report) {
        match report {
            Report::PasswordNeeded { user, url } => {
                self.mode = Mode::Prompt(Box::new(Prompt::password(&user, &url)));
            }
            Report::Publishing { url } => {
                self.info(format!("Publishing to {url}…"));
                self.publishing = Some(url);
            }
            Report::Published { url, headline } => {
                self.publishing = None;
                self.info(format!("Published to {url}: {headline}."));
            }
            Report::PublishFailed { problem } => {
                self.publishing = None;
                self.error(format!("Not published: {problem}."));
            }
            other => self.report_import(other),
        }
    }
}
