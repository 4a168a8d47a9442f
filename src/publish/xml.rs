//! The WebDAV XML itinera sends and the multistatus replies it reads
//! (RFC 4918, RFC 4791), with roxmltree: a read-only parser that expands
//! no external entity.

use roxmltree::{Document, Node};

const DAV: &str = "DAV:";
const CALDAV: &str = "urn:ietf:params:xml:ns:caldav";

/// PROPFIND body: the resource type and ETag of the calendar and of each
/// resource in it.
pub(crate) const PROPFIND: &str = r#"<?xml version="1.0" encoding="utf-8"?>
<d:propfind xmlns:d="DAV:" xmlns:c="urn:ietf:params:xml:ns:caldav">
  <d:prop><d:resourcetype/><d:getetag/></d:prop>
</d:propfind>
"#;

/// MKCALENDAR body: a calendar of events named `name`.
pub(crate) fn mkcalendar(name: &str) -> String {
    format!(
        r#"<?xml version="1.0" encoding="utf-8"?>
<c:mkcalendar xmlns:d="DAV:" xmlns:c="urn:ietf:params:xml:ns:caldav">
  <d:set><d:prop>
    <d:displayname>{}</d:displayname>
    <c:supported-calendar-component-set><c:comp name="VEVENT"/></c:supported-calendar-component-set>
  </d:prop></d:set>
</c:mkcalendar>
"#,
        escape(name)
    )
}

fn escape(text: &str) -> String {
    text.chars()
        .map(|c| match c {
            '<' => "&lt;".to_string(),
            '>' => "&gt;".to_string(),
            '&' => "&amp;".to_string(),
            '"' => "&quot;".to_string(),
            c if c.is_control() => " ".to_string(),
            c => c.to_string(),
        })
        .collect()
}

/// One `<response>` of a multistatus: an href and what its successful
/// propstat said.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub(crate) struct Entry {
    pub href: String,
    pub etag: Option<String>,
    pub collection: bool,
    pub calendar: bool,
}

/// Reads a 207 Multi-Status body. Responses whose whole status is not
/// 2xx (a member gone between listing and reading) are left out.
pub(crate) fn multistatus(text: &str) -> Result<Vec<Entry>, String> {
    let doc = Document::parse(text).map_err(|e| format!("the XML cannot be read: {e}"))?;
    let root = doc.root_element();
    if !is(root, DAV, "multistatus") {
        return Err(format!(
            "expected a DAV multistatus, got <{}>",
            root.tag_name().name()
        ));
    }
    let mut entries = Vec::new();
    for response in children(root, DAV, "response") {
        let href = child(response, DAV, "href")
            .and_then(|h| h.text())
            .map(str::trim)
            .filter(|h| !h.is_empty())
            .ok_or("a response without an href")?;
        if child(response, DAV, "status").is_some_and(|s| !ok_status(s)) {
            continue;
        }
        let mut entry = Entry {
            href: href.to_string(),
            ..Entry::default()
        };
        for propstat in children(response, DAV, "propstat") {
            if !child(propstat, DAV, "status").is_some_and(ok_status) {
                continue;
            }
            let Some(prop) = child(propstat, DAV, "prop") else {
                continue;
            };
            if let Some(kind) = child(prop, DAV, "resourcetype") {
                entry.collection = child(kind, DAV, "collection").is_some();
                entry.calendar = child(kind, CALDAV, "calendar").is_some();
            }
            if let Some(etag) = child(prop, DAV, "getetag").and_then(|e| e.text()) {
                let etag = etag.trim();
                if !etag.is_empty() {
                    entry.etag = Some(etag.to_string());
                }
            }
        }
        entries.push(entry);
    }
    Ok(entries)
}

/// A `<status>` of "HTTP/1.1 2xx ...".
fn ok_status(node: Node) -> bool {
    node.text()
        .and_then(|t| t.split_whitespace().nth(1))
        .is_some_and(|code| code.starts_with('2'))
}

fn is(node: Node, ns: &str, name: &str) -> bool {
    node.is_element() && node.tag_name().name() == name && node.tag_name().namespace() == Some(ns)
}

fn child<'a, 'i>(node: Node<'a, 'i>, ns: &str, name: &str) -> Option<Node<'a, 'i>> {
    node.children().find(|n| is(*n, ns, name))
}

fn children<'a, 'i: 'a>(
    node: Node<'a, 'i>,
    ns: &'a str,
    name: &'a str,
) -> impl Iterator<Item = Node<'a, 'i>> + 'a {
    node.children().filter(move |n| is(*n, ns, name))
}

#[cfg(test)]
mod tests {
    use super::*;

    /// As Radicale 3.9 answers.
    const RADICALE: &str = r#"<?xml version='1.0' encoding='utf-8'?>
<multistatus xmlns="DAV:" xmlns:C="urn:ietf:params:xml:ns:caldav"><response><href>/alice/cal/</href><propstat><prop><resourcetype><C:calendar /><collection /></resourcetype><getetag>"4f2f"</getetag></prop><status>HTTP/1.1 200 OK</status></propstat></response><response><href>/alice/cal/a%40b.itinera.ics</href><propstat><prop><resourcetype /><getetag>"53e7"</getetag></prop><status>HTTP/1.1 200 OK</status></propstat></response></multistatus>"#;

    #[test]
    fn reads_the_calendar_and_its_members() {
        let entries = multistatus(RADICALE).expect("valid");
        assert_eq!(
            entries,
            vec![
                Entry {
                    href: "/alice/cal/".into(),
                    etag: Some("\"4f2f\"".into()),
                    collection: true,
                    calendar: true,
                },
                Entry {
                    href: "/alice/cal/a%40b.itinera.ics".into(),
                    etag: Some("\"53e7\"".into()),
                    collection: false,
                    calendar: false,
                },
            ]
        );
    }

    #[test]
    fn other_prefixes_and_failed_propstats_are_understood() {
        let text = r#"<D:multistatus xmlns:D="DAV:">
          <D:response><D:href> /c/x.ics </D:href>
            <D:propstat><D:prop><D:getetag>"1"</D:getetag></D:prop><D:status>HTTP/1.1 200 OK</D:status></D:propstat>
            <D:propstat><D:prop><D:resourcetype/></D:prop><D:status>HTTP/1.1 404 Not Found</D:status></D:propstat>
          </D:response>
          <D:response><D:href>/c/gone.ics</D:href><D:status>HTTP/1.1 404 Not Found</D:status></D:response>
        </D:multistatus>"#;
        let entries = multistatus(text).expect("valid");
        assert_eq!(entries.len(), 1);
        assert_eq!(entries[0].href, "/c/x.ics");
        assert_eq!(entries[0].etag.as_deref(), Some("\"1\""));
    }

    #[test]
    fn malformed_replies_say_what_is_wrong() {
        let err = multistatus("<multistatus xmlns=\"DAV:\"><response>").expect_err("bad");
        assert!(err.starts_with("the XML cannot be read"), "{err}");
        let err = multistatus("<html><body>Welcome</body></html>").expect_err("bad");
        assert_eq!(err, "expected a DAV multistatus, got <html>");
        let err =
            multistatus(r#"<multistatus xmlns="DAV:"><response/></multistatus>"#).expect_err("bad");
        assert_eq!(err, "a response without an href");
    }

    #[test]
    fn the_calendar_name_is_escaped() {
        let body = mkcalendar("R&D <trip>");
        assert!(body.contains("<d:displayname>R&amp;D &lt;trip&gt;</d:displayname>"));
        assert!(Document::parse(&body).is_ok());
    }
}
