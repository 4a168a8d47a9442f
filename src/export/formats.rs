//! One export as text: a format for a scope ([`render`]), or one file
//! per participant ([`each_participant`]). `itinera export` and the
//! planner's export both render through here, so a file written from the
//! planner is byte for byte what the command writes.

use chrono::{DateTime, Utc};

use super::{Scope, agenda, ics, json, markdown};
use crate::domain::Mission;

/// What an export is written as.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum Format {
    /// The plain-text agenda, wrapped to the scope's width.
    Text,
    /// A heading and a list of visits per day.
    Markdown,
    /// iCalendar, one event per visit.
    Ics,
    /// Every field of the mission, for scripts.
    Json,
}

impl Format {
    pub const ALL: [Format; 4] = [Format::Text, Format::Markdown, Format::Ics, Format::Json];

    /// The word for the format, as `--format` takes it.
    pub fn name(self) -> &'static str {
        match self {
            Format::Text => "text",
            Format::Markdown => "markdown",
            Format::Ics => "ics",
            Format::Json => "json",
        }
    }

    /// The file name extension of the format, without the dot.
    pub fn extension(self) -> &'static str {
        match self {
            Format::Text => "txt",
            Format::Markdown => "md",
            Format::Ics => "ics",
            Format::Json => "json",
        }
    }
}

/// Why an export could not be rendered.
#[derive(Debug, thiserror::Error)]
pub enum RenderError {
    #[error("cannot write JSON: {0}")]
    Json(#[from] serde_json::Error),
    #[error("the mission has no participants to write files for")]
    NoParticipants,
    #[error(
        "participants \"{first}\" and \"{second}\" would get the same file name; \
         rename one of the ids"
    )]
    SameFileName { first: String, second: String },
}

/// `mission` in `format` for `scope`; `stamp` is the iCalendar `DTSTAMP`
/// (the other formats do not use it).
pub fn render(
    format: Format,
    mission: &Mission,
    scope: &Scope,
    stamp: DateTime<Utc>,
) -> Result<String, RenderError> {
    Ok(match format {
        Format::Text => agenda(mission, scope),
        Format::Markdown => markdown::agenda(mission, scope),
        Format::Ics => ics::calendar(mission, scope, stamp),
        Format::Json => json::export(mission, scope)?,
    })
}

/// One participant's file of an export for everyone.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct PersonFile {
    /// The file name: the participant's id and the format's extension
    /// (`vicini.ics`).
    pub name: String,
    /// The participant's name, to say whose file it is.
    pub person: String,
    pub text: String,
}

/// One file per participant, each with only their visits, all rendered
/// before any is written. Ids that differ only in case are refused: they
/// would be one file where file names ignore case.
pub fn each_participant(
    mission: &Mission,
    format: Format,
    scope: &Scope,
    stamp: DateTime<Utc>,
) -> Result<Vec<PersonFile>, RenderError> {
    if mission.participants.is_empty() {
        return Err(RenderError::NoParticipants);
    }
    let mut files = Vec::with_capacity(mission.participants.len());
    for p in &mission.participants {
        if let Some(other) = mission
            .participants
            .iter()
            .take_while(|o| o.id != p.id)
            .find(|o| o.id.to_lowercase() == p.id.to_lowercase())
        {
            return Err(RenderError::SameFileName {
                first: other.id.clone(),
                second: p.id.clone(),
            });
        }
        let scope = Scope {
            participant: Some(p.id.clone()),
            ..scope.clone()
        };
        files.push(PersonFile {
            name: format!("{}.{}", p.id, format.extension()),
            person: p.name.clone(),
            text: render(format, mission, &scope, stamp)?,
        });
    }
    Ok(files)
}
