//! The bare reference: the least a program can do with a mission file.
//! `toml::from_str` into a few plain serde structs (not itinera's: no
//! spans, no validation, unknown keys ignored), sort the visits by date
//! and time, print a one-line-a-visit agenda with a heading a day.
//!
//! In process it is [`agenda`]; as a process (for the whole-process
//! figures) it is this benchmark's executable run with
//! `--bare-reference FILE`, which reads the file, prints the agenda to
//! standard output and exits: [`process`].

use std::fmt::Write as _;
use std::io::Write as _;

use serde::Deserialize;
use toml::value::Datetime;

#[derive(Deserialize)]
struct File {
    mission: Mission,
    #[serde(default)]
    participants: Vec<Participant>,
    #[serde(default)]
    visits: Vec<Visit>,
}

#[derive(Deserialize)]
struct Mission {
    title: String,
    start: Datetime,
    end: Datetime,
}

#[derive(Deserialize)]
struct Participant {
    id: String,
    name: String,
}

#[derive(Deserialize)]
struct Visit {
    date: Datetime,
    start: Option<Datetime>,
    end: Option<Datetime>,
    title: String,
    city: Option<String>,
    venue: Option<String>,
    #[serde(default)]
    participants: Vec<String>,
}

/// A sortable key for a TOML date or time.
fn key(value: Option<&Datetime>) -> (u16, u8, u8, u8, u8) {
    let date = value.and_then(|v| v.date);
    let time = value.and_then(|v| v.time);
    (
        date.map_or(0, |d| d.year),
        date.map_or(0, |d| d.month),
        date.map_or(0, |d| d.day),
        time.map_or(0, |t| t.hour),
        time.map_or(0, |t| t.minute),
    )
}

fn clock(value: Option<&Datetime>) -> String {
    match value.and_then(|v| v.time) {
        Some(t) => format!("{:02}:{:02}", t.hour, t.minute),
        None => "     ".to_string(),
    }
}

/// The agenda of `text`, or the parse error.
pub fn agenda(text: &str) -> Result<String, toml::de::Error> {
    let mut file: File = toml::from_str(text)?;
    file.visits
        .sort_by_key(|v| (key(Some(&v.date)), key(v.start.as_ref())));
    let mut out = String::with_capacity(file.visits.len() * 80);
    let m = &file.mission;
    let _ = writeln!(out, "{} ({} to {})", m.title, m.start, m.end);
    let mut day = None;
    for v in &file.visits {
        if day != Some(key(Some(&v.date))) {
            day = Some(key(Some(&v.date)));
            let _ = writeln!(out, "\n{}", v.date);
        }
        let _ = write!(
            out,
            "  {}-{}  {}",
            clock(v.start.as_ref()),
            clock(v.end.as_ref()),
            v.title
        );
        if let Some(place) = v.venue.as_ref().or(v.city.as_ref()) {
            let _ = write!(out, ", {place}");
        }
        let mut names = v
            .participants
            .iter()
            .filter_map(|id| file.participants.iter().find(|p| p.id == *id));
        if let Some(first) = names.next() {
            let _ = write!(out, " with {}", first.name);
            for p in names {
                let _ = write!(out, ", {}", p.name);
            }
        }
        out.push('\n');
    }
    Ok(out)
}

/// The reference as a process: 0 when the agenda was printed, 1 on a
/// file it could not read.
pub fn process(path: &str) -> i32 {
    let text = match std::fs::read_to_string(path) {
        Ok(text) => text,
        Err(err) => {
            eprintln!("{path}: {err}");
            return 1;
        }
    };
    match agenda(&text) {
        Ok(agenda) => {
            let mut out = std::io::stdout().lock();
            match out.write_all(agenda.as_bytes()).and_then(|()| out.flush()) {
                Ok(()) => 0,
                Err(_) => 1,
            }
        }
        Err(err) => {
            eprintln!("{path}: {err}");
            1
        }
    }
}
