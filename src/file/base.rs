//! What a save starts from: the file's text as read, its layout, the
//! mission it holds, and (once built) the format-preserving document a
//! render patches.

use std::collections::HashMap;
use std::sync::Arc;

use toml_edit::DocumentMut;

use super::{Diagnostic, Layout, RenderError, Report, parse_bytes, save};
use crate::domain::{Key, Mission, Participant, Route, Visit};

/// What a save needs to know about the file: its text, its layout and the
/// mission it holds. Created when the file is read; each [`Base::render`]
/// moves it on to the mission rendered.
///
/// Reading needs no more than a quick tree of the text (see [`super::tree`]); the
/// format-preserving document a save patches is built from the text only
/// when a render first needs it, or ahead of that with [`Base::prepare`]
/// (on another thread, say, while the planner shows its first frame).
#[derive(Clone, Debug)]
pub struct Base {
    /// The text as read (decoded: no byte-order mark), while the document
    /// has not been patched; shared with a [`Preparation`] of it.
    text: Option<Arc<str>>,
    /// The document, once built; patched by each render that changes the
    /// mission.
    editable: Option<Box<DocumentMut>>,
    pub(crate) layout: Layout,
    pub(crate) mission: Mission,
    /// Key of each visit and participant of `mission` -> its index, which is
    /// also the index of its table in the document.
    pub(crate) visit_tables: HashMap<Key, usize>,
    pub(crate) participant_tables: HashMap<Key, usize>,
    pub(crate) route_tables: HashMap<Key, usize>,
    /// Tables of visits, participants and routes deleted since the file
    /// was read.
    pub(crate) dead_visits: save::Graveyard<Visit>,
    pub(crate) dead_participants: save::Graveyard<Participant>,
    pub(crate) dead_routes: save::Graveyard<Route>,
}

/// The work of building a base's document: owned text, so it can be done
/// on another thread ([`Preparation::build`]) and the result installed
/// later ([`Base::install`]).
#[derive(Debug)]
pub struct Preparation {
    text: Arc<str>,
}

/// A document built by [`Preparation::build`], to hand to [`Base::install`].
#[derive(Debug)]
pub struct Prepared {
    text: Arc<str>,
    document: Box<DocumentMut>,
}

impl Preparation {
    /// Builds the document: about one parse of the text with toml_edit.
    pub fn build(self) -> Prepared {
        Prepared {
            document: Box::new(document_of(&self.text)),
            text: self.text,
        }
    }
}

/// The format-preserving document of `text`, which the reader accepted.
/// The reader and toml_edit accept the same files (`tests/toml_shapes.rs`
/// compares them); were toml_edit ever to refuse one, the document starts
/// empty and a save writes every table afresh (the mission complete, its
/// comments lost) rather than fail.
fn document_of(text: &str) -> DocumentMut {
    text.parse().unwrap_or_default()
}

impl Base {
    pub(super) fn new(text: &str, layout: Layout, mission: Mission) -> Self {
        let mut base = Base {
            text: Some(Arc::from(text)),
            editable: None,
            layout,
            mission,
            visit_tables: HashMap::new(),
            participant_tables: HashMap::new(),
            route_tables: HashMap::new(),
            dead_visits: HashMap::new(),
            dead_participants: HashMap::new(),
            dead_routes: HashMap::new(),
        };
        base.index_keys();
        base
    }

    pub(super) fn index_keys(&mut self) {
        let index = |keys: Vec<Key>| keys.into_iter().enumerate().map(|(i, k)| (k, i)).collect();
        self.visit_tables = index(self.mission.visits.iter().map(|v| v.key).collect());
        self.participant_tables = index(self.mission.participants.iter().map(|p| p.key).collect());
        self.route_tables = index(self.mission.routes.iter().map(|r| r.key).collect());
    }

    /// The text as read, while no render has changed the document.
    pub(super) fn raw(&self) -> Option<&str> {
        self.text.as_deref()
    }

    /// The document, built now if it was not, to be patched: from here on
    /// the text as read no longer describes it.
    pub(super) fn patched(&mut self) -> &mut DocumentMut {
        let text = self.text.take();
        self.editable
            .get_or_insert_with(|| Box::new(text.as_deref().map(document_of).unwrap_or_default()))
    }

    /// What building the document needs, while it is not built: run
    /// [`Preparation::build`] anywhere, then [`Base::install`] the result,
    /// and the next render starts from it instead of building it.
    pub fn prepare(&self) -> Option<Preparation> {
        match (&self.editable, &self.text) {
            (None, Some(text)) => Some(Preparation {
                text: Arc::clone(text),
            }),
            _ => None,
        }
    }

    /// Installs a document [`Base::prepare`] asked for. One built from
    /// other text (the base was rendered or read again meanwhile) is
    /// dropped; `false` says so.
    pub fn install(&mut self, prepared: Prepared) -> bool {
        let fits = self.editable.is_none()
            && self
                .text
                .as_ref()
                .is_some_and(|text| Arc::ptr_eq(text, &prepared.text) || **text == *prepared.text);
        if fits {
            self.editable = Some(prepared.document);
        }
        fits
    }

    /// The file text for `mission`: the text as read, patched where
    /// `mission` differs from the mission the base holds. The base then
    /// holds `mission`, so the next render patches from there.
    pub fn render(&mut self, mission: &Mission) -> String {
        save::render(self, mission)
    }

    /// [`Base::render`], then the text read back: it is returned only when
    /// it gives `mission` again, so nothing that would read back otherwise
    /// is ever written.
    pub fn render_checked(&mut self, mission: &Mission) -> Result<String, RenderError> {
        let text = self.render(mission);
        match super::read_back(text.as_bytes()) {
            Ok(read) if read.same_content(mission) => Ok(text),
            Ok(_) => Err(RenderError::Differs),
            Err((text, report)) => Err(RenderError::Invalid { text, report }),
        }
    }

    /// The base of `text` (a file's bytes) holding `mission`, whose
    /// entities are in the file's order: what a base was before a render
    /// whose text was then not written.
    pub fn rebuild(text: &[u8], mission: Mission) -> Result<Base, Report> {
        let parsed = parse_bytes(text).map_err(|(_, report)| report)?;
        if !parsed.mission.same_content(&mission) {
            return Err(Report::new(vec![Diagnostic::error(
                0..0,
                "the file does not hold the mission to rebuild",
            )]));
        }
        let mut base = parsed.base;
        base.mission = mission;
        base.index_keys();
        Ok(base)
    }

    /// The mission the base holds: as read, or as last rendered.
    pub fn mission(&self) -> &Mission {
        &self.mission
    }
}
