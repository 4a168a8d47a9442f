//! The shape of the code, checked: which parts may use which (the map at
//! the top of docs/design.md), no module that uses one that uses it back,
//! and no file I/O or terminal types in the planner's state.
//!
//! The uses are read from the source text: every `crate::…`, `super::…`
//! and `self::…` path, in `use` trees and in code, outside `#[cfg(test)]`
//! modules (a test may reach anywhere).

use std::collections::{BTreeMap, BTreeSet};
use std::path::{Path, PathBuf};

/// What each top-level part may use: the map in docs/design.md.
const ALLOWED: &[(&str, &[&str])] = &[
    ("domain", &[]),
    ("error", &[]),
    ("owner", &[]),
    ("present", &["domain"]),
    ("file", &["domain"]),
    ("input", &["domain"]),
    ("lock", &["file", "owner"]),
    ("paths", &["file"]),
    ("export", &["domain", "present"]),
    ("diff", &["domain", "export", "present"]),
    ("import", &["domain", "export", "file", "present"]),
    ("publish", &["domain", "export", "file", "paths", "present"]),
    ("store", &["domain", "file", "lock", "owner", "paths"]),
    ("app", &["domain", "input", "present"]),
    ("ui", &["app", "domain", "input", "present"]),
    (
        "runner",
        &["app", "error", "file", "input", "paths", "store", "ui"],
    ),
    (
        "cli",
        &[
            "diff", "domain", "error", "export", "file", "import", "paths", "publish",
        ],
    ),
];

/// A source file: its module path and its text without test modules.
struct Source {
    module: Vec<String>,
    text: String,
}

fn sources() -> Vec<Source> {
    let root = Path::new(env!("CARGO_MANIFEST_DIR")).join("src");
    let mut files = Vec::new();
    collect(&root, &mut files);
    files
        .into_iter()
        .filter_map(|path| {
            let relative = path.strip_prefix(&root).ok()?.with_extension("");
            let mut module: Vec<String> = relative
                .components()
                .map(|c| c.as_os_str().to_string_lossy().into_owned())
                .collect();
            if matches!(
                module.last().map(String::as_str),
                Some("mod" | "lib" | "main")
            ) {
                module.pop();
            }
            // `foo/tests.rs` is a `#[cfg(test)] mod tests`.
            if module.last().is_some_and(|m| m == "tests") {
                return None;
            }
            let text = std::fs::read_to_string(&path).ok()?;
            let text = match text.find("#[cfg(test)]\nmod ") {
                Some(at) => text[..at].to_string(),
                None => text,
            };
            Some(Source { module, text })
        })
        .collect()
}

fn collect(dir: &Path, out: &mut Vec<PathBuf>) {
    let Ok(entries) = std::fs::read_dir(dir) else {
        return;
    };
    for entry in entries.flatten() {
        let path = entry.path();
        if path.is_dir() {
            collect(&path, out);
        } else if path.extension().is_some_and(|e| e == "rs") {
            out.push(path);
        }
    }
}

/// Every path the text names from `crate`, `super` or `self`, made
/// absolute (`use` trees with braces expanded), as module segments.
fn uses(source: &Source) -> Vec<Vec<String>> {
    let text = strip_comments(&source.text);
    let mut out = Vec::new();
    let bytes = text.as_bytes();
    let mut i = 0;
    while i < text.len() {
        let rest = &text[i..];
        let starts = ["crate::", "super::", "self::"];
        let at_word = i == 0 || !(bytes[i - 1].is_ascii_alphanumeric() || bytes[i - 1] == b'_');
        if at_word {
            if let Some(prefix) = starts.iter().find(|p| rest.starts_with(**p)) {
                let (tree, len) = use_tree(rest);
                for path in expand(&tree) {
                    if let Some(absolute) = absolute(&source.module, &path) {
                        out.push(absolute);
                    }
                }
                i += len.max(prefix.len());
                continue;
            }
        }
        i += rest.chars().next().map_or(1, char::len_utf8);
    }
    out
}

fn strip_comments(text: &str) -> String {
    text.lines()
        .map(|line| match line.find("//") {
            Some(at) => &line[..at],
            None => line,
        })
        .collect::<Vec<_>>()
        .join("\n")
}

/// The path or `use` tree at the start of `text` (`a::b::{c, d::e}`), and
/// its length.
fn use_tree(text: &str) -> (String, usize) {
    let mut depth = 0;
    for (i, c) in text.char_indices() {
        match c {
            '{' => depth += 1,
            '}' if depth == 0 => return (text[..i].to_string(), i),
            '}' => depth -= 1,
            c if depth == 0 && !(c.is_alphanumeric() || c == '_' || c == ':') => {
                return (text[..i].to_string(), i);
            }
            _ => {}
        }
    }
    (text.to_string(), text.len())
}

/// `a::{b, c::{d}}` as `a::b`, `a::c::d`.
fn expand(tree: &str) -> Vec<String> {
    let tree: String = tree.chars().filter(|c| !c.is_whitespace()).collect();
    let Some(open) = tree.find('{') else {
        return vec![tree.trim_end_matches("::").to_string()];
    };
    let prefix = &tree[..open];
    let inner = &tree[open + 1..tree.len().saturating_sub(1)];
    let mut parts = Vec::new();
    let (mut depth, mut start) = (0, 0);
    for (i, c) in inner.char_indices() {
        match c {
            '{' => depth += 1,
            '}' => depth -= 1,
            ',' if depth == 0 => {
                parts.push(&inner[start..i]);
                start = i + 1;
            }
            _ => {}
        }
    }
    parts.push(&inner[start..]);
    parts
        .into_iter()
        .filter(|p| !p.is_empty())
        .flat_map(|p| {
            expand(p)
                .into_iter()
                .map(|e| format!("{prefix}{e}"))
                .collect::<Vec<_>>()
        })
        .collect()
}

/// A path written in module `module` as segments from the crate root.
fn absolute(module: &[String], path: &str) -> Option<Vec<String>> {
    let mut segments = path.split("::").filter(|s| !s.is_empty());
    let mut out: Vec<String> = match segments.next()? {
        "crate" => Vec::new(),
        "self" => module.to_vec(),
        "super" => module[..module.len().checked_sub(1)?].to_vec(),
        _ => return None,
    };
    for segment in segments {
        match segment {
            "super" => {
                out.pop()?;
            }
            "self" => {}
            s => out.push(s.to_string()),
        }
    }
    Some(out)
}

/// Edges between sibling modules: `a::b` uses `a::c` (from any module
/// inside `a::b` to anything inside `a::c`), at every level.
fn edges() -> BTreeSet<(Vec<String>, Vec<String>)> {
    let sources = sources();
    let modules: BTreeSet<Vec<String>> = sources.iter().map(|s| s.module.clone()).collect();
    let mut edges = BTreeSet::new();
    for source in &sources {
        for mut target in uses(source) {
            // The longest prefix that is a module: `ui::wrap` is an item
            // of `ui`.
            while !target.is_empty() && !modules.contains(&target) {
                target.pop();
            }
            let from = &source.module;
            let common = from.iter().zip(&target).take_while(|(a, b)| a == b).count();
            if common < from.len() && common < target.len() {
                edges.insert((from[..=common].to_vec(), target[..=common].to_vec()));
            }
        }
    }
    edges
}

#[test]
fn the_source_is_read_as_it_is_written() {
    // The reader above finds the uses it must, or the tests below would
    // pass on nothing.
    let edges = edges();
    let has = |a: &str, b: &str| edges.contains(&(vec![a.to_string()], vec![b.to_string()]));
    assert!(has("ui", "app"), "{edges:?}");
    assert!(has("runner", "store"), "{edges:?}");
    assert!(has("file", "domain"), "{edges:?}");
    assert_eq!(expand("a::{b, c::{d, e}}"), ["a::b", "a::c::d", "a::c::e"]);
}

#[test]
fn each_part_uses_only_the_parts_below_it() {
    let allowed: BTreeMap<&str, &[&str]> = ALLOWED.iter().copied().collect();
    let mut wrong = Vec::new();
    for (from, to) in edges() {
        if from.len() != 1 {
            continue;
        }
        let (from, to) = (from[0].as_str(), to[0].as_str());
        match allowed.get(from) {
            Some(may) if may.contains(&to) => {}
            Some(_) => wrong.push(format!("{from} uses {to}")),
            None => wrong.push(format!("{from} is not in the map of docs/design.md")),
        }
    }
    assert!(wrong.is_empty(), "{wrong:#?}");
}

#[test]
fn no_module_uses_one_that_uses_it_back() {
    let edges = edges();
    let mut graph: BTreeMap<&Vec<String>, Vec<&Vec<String>>> = BTreeMap::new();
    for (from, to) in &edges {
        graph.entry(from).or_default().push(to);
    }
    // Depth-first search for a cycle, at every level at once (edges only
    // join siblings).
    fn visit<'a>(
        node: &'a Vec<String>,
        graph: &BTreeMap<&'a Vec<String>, Vec<&'a Vec<String>>>,
        path: &mut Vec<&'a Vec<String>>,
        done: &mut BTreeSet<&'a Vec<String>>,
    ) -> Option<Vec<String>> {
        if let Some(at) = path.iter().position(|n| *n == node) {
            let mut cycle: Vec<String> = path[at..].iter().map(|m| m.join("::")).collect();
            cycle.push(node.join("::"));
            return Some(cycle);
        }
        if !done.insert(node) {
            return None;
        }
        path.push(node);
        for next in graph.get(node).into_iter().flatten() {
            if let Some(cycle) = visit(next, graph, path, done) {
                return Some(cycle);
            }
        }
        path.pop();
        None
    }
    let mut done = BTreeSet::new();
    for node in graph.keys() {
        if let Some(cycle) = visit(node, &graph, &mut Vec::new(), &mut done) {
            panic!("import cycle: {}", cycle.join(" -> "));
        }
    }
}

#[test]
fn the_planners_state_does_no_io_and_holds_no_terminal_types() {
    let mut wrong = Vec::new();
    for source in sources() {
        let part = source.module.first().map(String::as_str);
        let text = strip_comments(&source.text);
        let name = source.module.join("::");
        if matches!(part, Some("app")) {
            for io in [
                "std::fs",
                "std::io",
                "std::env",
                "std::process",
                "Local::now",
                "Utc::now",
            ] {
                if text.contains(io) {
                    wrong.push(format!("{name} uses {io}"));
                }
            }
        }
        if matches!(part, Some("app" | "domain" | "present" | "file" | "export")) {
            for terminal in ["ratatui", "crossterm"] {
                if text.contains(terminal) {
                    wrong.push(format!("{name} uses {terminal}"));
                }
            }
        }
    }
    assert!(wrong.is_empty(), "{wrong:#?}");
}
