//! A planner session: the app and the document on disk it edits, driven
//! by terminal events. The event loop runs one; the tests run one in the
//! same way, on temporary files, so the effects a test sees performed are
//! the real ones.

use std::collections::VecDeque;
use std::path::PathBuf;

use ratatui::crossterm::event::{Event, KeyEventKind, MouseEventKind};
use ratatui::layout::Rect;

use super::effects::{elsewhere, perform};
use super::keys::key_of;
use crate::app::{App, Effect, Msg, Opening, Pending, Recovery};
use crate::file::Loaded;
use crate::input::Config;
use crate::paths::Dirs;
use crate::store::{Document, recovery};
use crate::ui;

pub struct Session {
    pub app: App,
    pub doc: Document,
}

impl Session {
    /// The planner on a freshly loaded file. `dirs` is where lock and
    /// recovery files go (none in tests that do not need them).
    pub fn open(loaded: Loaded, config: Config, dirs: Option<Dirs>) -> Session {
        let Loaded {
            path,
            parsed,
            bytes,
        } = loaded;
        let doc = Document::new(path.clone(), parsed.base, bytes, dirs);
        let pending = doc.pending_recovery().map(|path| Pending {
            kept_at: recovery::written_at(&path),
            path,
        });
        let opening = Opening {
            path,
            elsewhere: elsewhere(doc.elsewhere()),
            pending,
        };
        let app = App::new(parsed.mission, config, opening);
        Session { app, doc }
    }

    /// Hands `msg` to the app and performs the effects it asks for, and
    /// those its reports lead to, in order.
    pub fn update(&mut self, msg: Msg) {
        let mut queue: VecDeque<Effect> = self.app.update(msg).into();
        while let Some(effect) = queue.pop_front() {
            if let Some(report) = perform(&mut self.doc, &self.app, effect) {
                queue.extend(self.app.update(Msg::Done(report)));
            }
        }
    }

    /// Applies one terminal event, the screen being `area`. Used by the
    /// event loop and by tests, which drive the planner exactly as a
    /// terminal would.
    pub fn handle(&mut self, event: &Event, area: Rect) {
        let msg = match event {
            Event::Key(key) if key.kind == KeyEventKind::Release => None,
            Event::Key(key) => key_of(key).map(Msg::Key),
            Event::Paste(text) => Some(Msg::Paste(text.clone())),
            Event::Mouse(mouse) => {
                let wheel = match mouse.kind {
                    MouseEventKind::ScrollDown => Some(1),
                    MouseEventKind::ScrollUp => Some(-1),
                    MouseEventKind::Down(_) => None,
                    _ => return,
                };
                ui::hit(&self.app, area, mouse.column, mouse.row, wheel)
            }
            _ => None,
        };
        if let Some(msg) = msg {
            self.update(msg);
        }
        ui::settle(&mut self.app, area);
    }

    /// The recovery file of this session's changes, as it is now.
    pub fn recovery(&self) -> Recovery {
        Recovery {
            owned: self.doc.owns_recovery(),
            gone: self.doc.own_recovery_is_gone(),
        }
    }

    /// Whether the recovery file is behind the mission in memory.
    pub fn recovery_is_stale(&self) -> bool {
        self.app.recovery_is_stale(self.recovery())
    }

    /// The user has been idle for a moment: the recovery file is brought
    /// up to date.
    pub fn idle(&mut self) {
        let recovery = self.recovery();
        self.update(Msg::Idle(recovery));
    }

    /// For a crash or a hang-up: keeps unsaved changes in the recovery
    /// file. Returns its path when something was kept.
    pub fn keep_unsaved(&mut self) -> Option<PathBuf> {
        if !self.app.is_dirty() {
            return None;
        }
        self.doc.keep_unsaved(self.app.mission()).ok()
    }

    /// The session ends normally.
    pub fn finish(&mut self) {
        self.doc.finish(self.app.is_dirty());
    }
}
