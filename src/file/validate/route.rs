//! The rules of a route that its description cannot say: it joins two
//! different cities, and no other route joins the same two.

use std::collections::HashMap;
use std::ops::Range;

use super::Validator;
use crate::domain::schema::ROUTE;
use crate::domain::{Route, city_key};
use crate::file::diagnostic::excerpt;
use crate::file::dto::EntryDto;

const BETWEEN: usize = ROUTE.at("between");

impl Validator<'_> {
    /// The routes whose cities are two different names, each pair once.
    pub(super) fn routes(&mut self, list: Vec<EntryDto>) -> Vec<Route> {
        let mut seen: HashMap<(String, String), Range<usize>> = HashMap::new();
        let mut out = Vec::with_capacity(list.len());
        for dto in list {
            let joins_two = self.between(&dto, &mut seen);
            // The other fields' problems are reported either way.
            let route = self.entity(&ROUTE, dto);
            if joins_two {
                out.extend(route);
            }
        }
        out
    }

    /// Whether `between` names two cities; false after an error: not two
    /// names, a blank one, the same city twice, or a pair that another
    /// route joins already. (A missing or mistyped `between` has had its
    /// error.)
    fn between(
        &mut self,
        dto: &EntryDto,
        seen: &mut HashMap<(String, String), Range<usize>>,
    ) -> bool {
        let (Some(field), Some(list)) = (dto.get(BETWEEN), dto.list(BETWEEN)) else {
            return false;
        };
        if list.len() != 2 {
            self.error(
                field.span.clone(),
                format!(
                    "`between` must name two cities, like [\"Osaka\", \"Suita\"], not {}",
                    match list.len() {
                        0 => "none".to_string(),
                        1 => "one".to_string(),
                        n => n.to_string(),
                    }
                ),
            );
            return false;
        }
        if let Some(blank) = list.iter().find(|c| c.value.trim().is_empty()) {
            self.error(
                blank.span.clone(),
                "a city in `between` must not be empty".into(),
            );
            return false;
        }
        let (a, b) = (city_key(&list[0].value), city_key(&list[1].value));
        if a == b {
            self.error(
                field.span.clone(),
                format!(
                    "`between` names \"{}\" twice; a route joins two different cities",
                    excerpt(&list[0].value)
                ),
            );
            return false;
        }
        let pair = if a < b { (a, b) } else { (b, a) };
        if let Some(first) = seen.get(&pair) {
            let message = format!(
                "a route between \"{}\" and \"{}\" already exists (line {}); write one per pair of cities",
                excerpt(&list[0].value),
                excerpt(&list[1].value),
                self.line_hint(first)
            );
            self.error(field.span.clone(), message);
            return false;
        }
        seen.insert(pair, field.span.clone());
        true
    }
}
