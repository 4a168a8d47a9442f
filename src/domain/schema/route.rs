//! The fields of a route.

use super::{FieldSpec, FieldValue, Schema, ValueKind, minutes_of};
use crate::domain::{MAX_TRAVEL_MINUTES, Route};

const fn route(
    key: &'static str,
    kind: ValueKind,
    label: &'static str,
    get: fn(&Route) -> Option<FieldValue>,
    set: fn(&mut Route, Option<FieldValue>),
) -> FieldSpec<Route> {
    FieldSpec::new(key, kind, label, get, set)
}

/// A `[[routes]]` entry: two cities and the minutes between them. Both
/// fields are required; validation checks that `between` names two
/// different cities.
pub static ROUTE: Schema<Route> = Schema {
    section: "[[routes]]",
    blank: || Route::new("", "", 1),
    fields: &[
        route(
            "between",
            ValueKind::TagList,
            "Between",
            |r| Some(FieldValue::List(r.between.to_vec())),
            |r, x| {
                if let Some([a, b]) = x
                    .and_then(FieldValue::into_list)
                    .and_then(|list| <[String; 2]>::try_from(list).ok())
                {
                    r.between = [a, b];
                }
            },
        )
        .required()
        .example("[\"Osaka\", \"Suita\"]")
        .explain("two cities, either way"),
        route(
            "minutes",
            ValueKind::Minutes {
                min: 1,
                max: MAX_TRAVEL_MINUTES,
            },
            "Minutes",
            |r| Some(FieldValue::Minutes(r.minutes)),
            |r, x| {
                if let Some(minutes) = minutes_of(&x) {
                    r.minutes = minutes;
                }
            },
        )
        .required()
        .example("40")
        .explain("how long the journey takes"),
    ],
};
