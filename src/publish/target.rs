//! The calendar URL: what is accepted, the loopback rule for plain
//! `http://`, and the names of the resources inside the calendar.

use super::PublishError;
use crate::domain::{is_loopback, split_url};

/// A checked calendar URL, split into its origin and its path.
#[derive(Clone, Debug, PartialEq, Eq)]
pub(crate) struct Target {
    /// "https://dav.example.org" or "http://127.0.0.1:5232": scheme, host
    /// and port, no trailing slash.
    pub origin: String,
    /// The calendar's path, always ending in `/`: "/alice/itinera/".
    pub path: String,
    /// The host is this computer (see [`is_loopback`]).
    pub loopback: bool,
}

impl Target {
    /// Checks `url`: http or https, a host, no user name or password in
    /// it, no query or fragment. Plain `http://` is refused unless the host
    /// is a loopback address or `insecure` is set.
    pub fn parse(url: &str, insecure: bool) -> Result<Target, PublishError> {
        let parts = split_url(url).map_err(|problem| PublishError::BadUrl {
            url: redact(url),
            reason: problem
                .reason("give --user, and the password with --password-file or ITINERA_PASSWORD"),
        })?;
        let loopback = is_loopback(parts.host);
        if !parts.secure && !insecure && !loopback {
            return Err(PublishError::InsecureHttp {
                host: parts.host.to_string(),
            });
        }
        let mut path = parts.path.to_string();
        if !path.ends_with('/') {
            path.push('/');
        }
        let scheme = if parts.secure { "https" } else { "http" };
        Ok(Target {
            origin: format!("{scheme}://{}", parts.authority.to_ascii_lowercase()),
            path,
            loopback,
        })
    }

    /// The calendar's URL, ending in `/`.
    pub fn url(&self) -> String {
        format!("{}{}", self.origin, self.path)
    }

    /// The path of the resource named `name` (not yet escaped) in the
    /// calendar.
    pub fn member_path(&self, name: &str) -> String {
        format!("{}{}", self.path, escape_segment(name))
    }

    /// The URL of an href the server gave: a path on this origin or a
    /// whole URL.
    pub fn href_url(&self, href: &str) -> String {
        if href.contains("://") {
            href.to_string()
        } else {
            format!("{}{href}", self.origin)
        }
    }

    /// Whether `href` is the calendar itself.
    pub fn is_calendar(&self, href: &str) -> bool {
        let path = strip_origin(href).map(unescape);
        path.is_some_and(|p| p.trim_end_matches('/') == unescape(&self.path).trim_end_matches('/'))
    }

    /// The name of the resource `href` stands for when it lies directly in
    /// the calendar ("a@b.itinera.ics"), unescaped; `None` for the calendar
    /// itself and anything outside it.
    pub fn member_name(&self, href: &str) -> Option<String> {
        let path = strip_origin(href)?;
        let base = unescape(&self.path);
        let rest = unescape(path).strip_prefix(&base)?.to_string();
        let rest = rest.trim_end_matches('/');
        (!rest.is_empty() && !rest.contains('/')).then(|| rest.to_string())
    }
}

/// The path of an href: itself, or the path of a whole URL.
fn strip_origin(href: &str) -> Option<&str> {
    match href.split_once("://") {
        Some((_, rest)) => Some(&rest[rest.find('/')?..]),
        None => Some(href),
    }
}

/// A URL as it may be shown: anything between `://` and `@` (a user name
/// and password) replaced by `***`.
fn redact(url: &str) -> String {
    let url = url.trim();
    let Some((scheme, rest)) = url.split_once("://") else {
        return url.to_string();
    };
    let end = rest.find('/').unwrap_or(rest.len());
    match rest[..end].rfind('@') {
        Some(at) => format!("{scheme}://***@{}", &rest[at + 1..]),
        None => url.to_string(),
    }
}

/// Percent-encodes everything in a path segment but letters, digits,
/// `-._~` and `@`.
pub(crate) fn escape_segment(name: &str) -> String {
    let mut out = String::with_capacity(name.len());
    for byte in name.bytes() {
        if byte.is_ascii_alphanumeric() || b"-._~@".contains(&byte) {
            out.push(char::from(byte));
        } else {
            out.push_str(&format!("%{byte:02X}"));
        }
    }
    out
}

/// Decodes `%XX` escapes; an escape that is not one, or bytes that are
/// not UTF-8, stay as they are.
fn unescape(text: &str) -> String {
    let bytes = text.as_bytes();
    let mut out = Vec::with_capacity(bytes.len());
    let mut i = 0;
    while i < bytes.len() {
        let hex = bytes
            .get(i + 1..i + 3)
            .and_then(|h| std::str::from_utf8(h).ok())
            .and_then(|h| u8::from_str_radix(h, 16).ok());
        match (bytes[i], hex) {
            (b'%', Some(byte)) => {
                out.push(byte);
                i += 3;
            }
            (byte, _) => {
                out.push(byte);
                i += 1;
            }
        }
    }
    String::from_utf8(out).unwrap_or_else(|_| text.to_string())
}

#[cfg(test)]
mod tests {
    use super::*;

    fn parse(url: &str) -> Result<Target, String> {
        Target::parse(url, false).map_err(|e| e.to_string())
    }

    #[test]
    fn plain_http_is_for_this_computer_only() {
        for url in [
            "http://127.0.0.1:5232/alice/trip/",
            "http://127.8.0.3/alice/trip",
            "http://localhost:5232/alice/trip/",
            "http://LOCALHOST/alice/trip/",
            "http://[::1]:5232/alice/trip/",
            "https://dav.example.org/alice/trip/",
        ] {
            assert!(parse(url).is_ok(), "{url}");
        }
        for url in [
            "http://dav.example.org/alice/trip/",
            "http://192.168.1.10:5232/alice/trip/",
            "http://[::2]/alice/",
            "http://localhost.example.org/",
        ] {
            let err = parse(url).expect_err(url);
            assert!(err.contains("unencrypted"), "{url}: {err}");
        }
        assert!(Target::parse("http://dav.example.org/a/", true).is_ok());
    }

    #[test]
    fn a_url_with_a_password_is_refused_without_showing_it() {
        let err = parse("https://alice:hunter2@dav.example.org/alice/").expect_err("refused");
        assert!(!err.contains("hunter2"), "{err}");
        assert!(err.contains("https://***@dav.example.org/alice/"), "{err}");
        assert!(err.contains("--user"), "{err}");
    }

    #[test]
    fn other_urls_are_refused_with_a_reason() {
        for (url, says) in [
            ("dav.example.org/alice/", "https://"),
            ("ftp://dav.example.org/", "https://"),
            ("https:///alice/", "no host"),
            ("https://dav.example.org/a b/", "%20"),
            ("https://dav.example.org/a/?x=1", "query"),
        ] {
            let err = parse(url).expect_err(url);
            assert!(err.contains(says), "{url}: {err}");
        }
    }

    #[test]
    fn the_path_ends_in_a_slash_and_members_are_escaped() {
        let t = parse("https://DAV.example.org/alice/trip").expect("valid");
        assert_eq!(t.url(), "https://dav.example.org/alice/trip/");
        assert_eq!(
            t.member_path("lunch@japan.itinera.ics"),
            "/alice/trip/lunch@japan.itinera.ics"
        );
        assert_eq!(
            t.href_url(&t.member_path("a b/ç@x.ics")),
            "https://dav.example.org/alice/trip/a%20b%2F%C3%A7@x.ics"
        );
    }

    #[test]
    fn member_names_come_from_paths_or_whole_urls_escaped_or_not() {
        let t = parse("https://dav.example.org/alice/my%20trip/").expect("valid");
        for href in [
            "/alice/my%20trip/a%40b.ics",
            "/alice/my trip/a@b.ics",
            "https://dav.example.org/alice/my%20trip/a@b.ics",
        ] {
            assert_eq!(t.member_name(href).as_deref(), Some("a@b.ics"), "{href}");
        }
        assert_eq!(t.member_name("/alice/my%20trip/"), None);
        assert_eq!(t.member_name("/alice/other/a.ics"), None);
        assert_eq!(t.member_name("/alice/my%20trip/sub/a.ics"), None);
        assert!(t.is_calendar("/alice/my%20trip/"));
        assert!(t.is_calendar("https://dav.example.org/alice/my trip"));
        assert!(!t.is_calendar("/alice/"));
    }
}
