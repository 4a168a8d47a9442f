//! `itinera next FILE`: what is on now and what comes next, on one line,
//! for a tmux or shell status line.

use std::path::PathBuf;

use chrono::{NaiveDateTime, Utc};
use clap::Args;

use crate::domain::DayIndex;
use crate::domain::road::road;
use crate::error::Failure;
use crate::present::road::road_line;

use super::{known_participant, load_reporting_warnings, print};

#[derive(Debug, Args)]
pub struct NextArgs {
    /// Mission file to read.
    pub file: PathBuf,
    /// The moment to ask about instead of now, YYYY-MM-DDTHH:MM, in the
    /// mission's time zone.
    #[arg(long, value_name = "TIME", value_parser = parse_at)]
    pub at: Option<NaiveDateTime>,
    /// Only the visits this participant attends (a participant id).
    #[arg(long, value_name = "ID")]
    pub participant: Option<String>,
    /// The line is at most this many columns wide; the titles are cut to
    /// fit.
    #[arg(long, value_name = "N", default_value_t = 80, value_parser = parse_width)]
    pub width: usize,
}

fn parse_at(s: &str) -> Result<NaiveDateTime, String> {
    let s = s.trim();
    let (date, time) = s.split_once('T').unwrap_or((s, ""));
    let time = (time.len() == 5).then(|| crate::domain::parse_time(time));
    match (crate::domain::parse_date(date), time.flatten()) {
        (Some(date), Some(time)) => Ok(date.and_time(time)),
        _ => Err(format!("\"{s}\" is not a time like 2022-11-14T09:30")),
    }
}

fn parse_width(s: &str) -> Result<usize, String> {
    match s.trim().parse::<usize>() {
        Ok(width) if width >= 20 => Ok(width),
        _ => Err("expected a number of columns, 20 or more".to_string()),
    }
}

pub fn run(args: NextArgs) -> Result<(), Failure> {
    let read = load_reporting_warnings(&args.file)?;
    let mission = &read.mission;
    known_participant(args.participant.as_deref(), mission, &args.file)?;
    // The mission's times are wall-clock times of its zone; without one,
    // of this computer's.
    let now = args.at.unwrap_or_else(|| match mission.header.timezone {
        Some(tz) => Utc::now().with_timezone(&tz).naive_local(),
        None => chrono::Local::now().naive_local(),
    });
    let index = DayIndex::build(mission);
    let road = road(mission, &index, now, args.participant.as_deref());
    print(&format!("{}\n", road_line(mission, &road, args.width)))
}
