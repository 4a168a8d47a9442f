//! Routes, the travel buffer and visits' zones in the file: read as
//! written, kept byte for byte, and each edit written where it belongs.

use chrono_tz::Europe;
use itinera::domain::{Edit, ListEdit, Mission, Route};

const FILE: &str = include_str!("fixtures/valid/problems.toml");

/// The text after the edit `edit` makes of the mission read from
/// [`FILE`] is applied to it.
fn saved(edit: impl FnOnce(&Mission) -> Edit) -> String {
    let mut parsed = itinera::file::parse(FILE).expect("valid");
    let mut mission = parsed.mission.clone();
    edit(&mission).apply(&mut mission).expect("applies");
    let text = parsed.base.render(&mission);
    let back = itinera::file::parse(&text).unwrap_or_else(|r| panic!("{text}\n{r:?}"));
    assert!(back.mission.same_content(&mission), "{text}");
    text
}

#[test]
fn routes_zones_and_the_buffer_are_read_as_written() {
    let parsed = itinera::file::parse(FILE).expect("valid");
    let m = &parsed.mission;
    assert_eq!(m.header.travel_buffer, Some(45));
    assert_eq!(m.routes.len(), 1);
    assert_eq!(m.routes[0].between, ["Osaka", "Suita"]);
    assert_eq!(m.routes[0].minutes, 40);
    let call = m.visits.iter().find(|v| v.title == "Call with Bologna");
    assert_eq!(call.and_then(|v| v.timezone), Some(Europe::Rome));
    let flight = m.visits.iter().find(|v| v.title == "Flight Osaka to Rome");
    assert_eq!(flight.and_then(|v| v.end_timezone), Some(Europe::Rome));
    assert_eq!(parsed.base.clone().render(m), FILE);
}

#[test]
fn a_changed_route_changes_its_value_in_place() {
    let text = saved(|m| {
        let mut route = m.routes[0].clone();
        route.minutes = 50;
        Edit::Route(ListEdit::Replace(0, route))
    });
    assert_eq!(
        text,
        FILE.replace(
            "minutes = 40  # by train and on foot",
            "minutes = 50  # by train and on foot"
        )
    );
}

#[test]
fn a_new_route_is_written_after_the_last_and_a_removed_one_goes() {
    let text = saved(|_| Edit::Route(ListEdit::Insert(1, Route::new("Kyoto", "Keihanna", 50))));
    assert_eq!(
        text,
        format!("{FILE}\n[[routes]]\nbetween = [\"Kyoto\", \"Keihanna\"]\nminutes = 50\n")
    );
    let text = saved(|_| Edit::Route(ListEdit::Remove(0)));
    let end = FILE.find("\n[[routes]]").expect("a route");
    assert_eq!(text, &FILE[..end]);
}

#[test]
fn the_buffer_and_a_visit_zone_are_written_as_numbers_and_names() {
    let buffer = |minutes: Option<u32>| {
        move |m: &Mission| {
            let mut header = m.header.clone();
            header.travel_buffer = minutes;
            Edit::Header(header)
        }
    };
    assert_eq!(
        saved(buffer(Some(0))),
        FILE.replace("travel_buffer = 45  #", "travel_buffer = 0  #")
    );
    assert_eq!(
        saved(buffer(None)),
        FILE.replace(
            "travel_buffer = 45  # minutes between two cities that no route joins\n",
            ""
        )
    );
    let text = saved(|m| {
        let i = m
            .visits
            .iter()
            .position(|v| v.title == "Lunch")
            .expect("lunch");
        let mut lunch = m.visits[i].clone();
        lunch.timezone = Some(Europe::Rome);
        Edit::Visit(ListEdit::Replace(i, lunch))
    });
    assert_eq!(
        text,
        FILE.replace(
            "participants = [\"vicini\"]\n\n[[visits]]\nid = \"kento\"",
            "participants = [\"vicini\"]\ntimezone = \"Europe/Rome\"\n\n[[visits]]\nid = \"kento\""
        )
    );
}
