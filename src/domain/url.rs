//! The shape of a calendar URL: `https://` (or `http://` to this
//! computer), a host, a path, and nothing else. The mission file's
//! `[publish]` table and `itinera publish --url` are checked by the same
//! rules; each says in its own words how to give a login.

use std::net::{Ipv4Addr, Ipv6Addr};

/// A calendar URL cut into its parts.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct UrlParts<'a> {
    /// `https://`, not `http://`.
    pub secure: bool,
    /// Host and port: "dav.example.org", "127.0.0.1:5232", "[::1]:5232".
    pub authority: &'a str,
    /// The host of the authority ("[::1]" with its brackets).
    pub host: &'a str,
    /// From the first `/` on ("/" when there is none).
    pub path: &'a str,
}

/// What is wrong with a calendar URL.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum UrlProblem {
    /// Neither `https://` nor `http://`.
    Scheme,
    QueryOrFragment,
    /// A user name (and maybe a password) before an `@`.
    Credentials,
    NoHost,
    HostSpaces,
    PathSpaces,
}

impl UrlProblem {
    /// Why the URL is refused, for every problem but
    /// [`UrlProblem::Credentials`], whose remedy depends on where the URL
    /// was written (`login` is said then).
    pub fn reason(self, login: &str) -> String {
        match self {
            UrlProblem::Scheme => {
                "it must start with https:// (or http:// to this computer)".into()
            }
            UrlProblem::QueryOrFragment => "a calendar URL has no query (?) or fragment (#)".into(),
            UrlProblem::Credentials => {
                format!("leave the user name and password out of the URL: {login}")
            }
            UrlProblem::NoHost => "it names no host".into(),
            UrlProblem::HostSpaces => "the host has spaces or control characters in it".into(),
            UrlProblem::PathSpaces => {
                "the path has spaces or control characters in it (write a space as %20)".into()
            }
        }
    }
}

/// `url` (spaces around it ignored) cut into its parts, or what is wrong
/// with its shape.
pub fn split_url(url: &str) -> Result<UrlParts<'_>, UrlProblem> {
    let url = url.trim();
    let (scheme, rest) = url.split_once("://").ok_or(UrlProblem::Scheme)?;
    let secure = match scheme.to_ascii_lowercase().as_str() {
        "https" => true,
        "http" => false,
        _ => return Err(UrlProblem::Scheme),
    };
    if rest.contains(['?', '#']) {
        return Err(UrlProblem::QueryOrFragment);
    }
    let (authority, path) = match rest.find('/') {
        Some(at) => rest.split_at(at),
        None => (rest, "/"),
    };
    if authority.contains('@') {
        return Err(UrlProblem::Credentials);
    }
    let host = host_of(authority).ok_or(UrlProblem::NoHost)?;
    let odd = |c: char| c.is_whitespace() || c.is_control();
    if authority.chars().any(odd) {
        return Err(UrlProblem::HostSpaces);
    }
    if path.chars().any(odd) {
        return Err(UrlProblem::PathSpaces);
    }
    Ok(UrlParts {
        secure,
        authority,
        host,
        path,
    })
}

/// The host of an authority ("[::1]:5232" gives "[::1]").
fn host_of(authority: &str) -> Option<&str> {
    let host = if authority.starts_with('[') {
        &authority[..=authority.find(']')?]
    } else {
        authority.split(':').next()?
    };
    (!host.is_empty()).then_some(host)
}

/// Whether `host` is this computer: `localhost`, 127.0.0.0/8 or `[::1]`.
pub fn is_loopback(host: &str) -> bool {
    if host.eq_ignore_ascii_case("localhost") {
        return true;
    }
    if let Some(inner) = host.strip_prefix('[').and_then(|h| h.strip_suffix(']')) {
        return inner.parse::<Ipv6Addr>().is_ok_and(|ip| ip.is_loopback());
    }
    host.parse::<Ipv4Addr>().is_ok_and(|ip| ip.is_loopback())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_url_is_cut_at_its_host_and_path() {
        let parts = split_url(" HTTPS://dav.example.org:8443/alice/trip ").expect("valid");
        assert_eq!(
            parts,
            UrlParts {
                secure: true,
                authority: "dav.example.org:8443",
                host: "dav.example.org",
                path: "/alice/trip",
            }
        );
        let parts = split_url("http://[::1]:5232").expect("valid");
        assert_eq!(
            (parts.secure, parts.host, parts.path),
            (false, "[::1]", "/")
        );
        assert!(is_loopback(parts.host));
    }

    #[test]
    fn each_wrong_shape_is_named() {
        for (url, problem) in [
            ("dav.example.org/alice/", UrlProblem::Scheme),
            ("ftp://dav.example.org/", UrlProblem::Scheme),
            (
                "https://dav.example.org/a/?x=1",
                UrlProblem::QueryOrFragment,
            ),
            ("https://alice:pw@dav.example.org/", UrlProblem::Credentials),
            ("https:///alice/", UrlProblem::NoHost),
            ("https://dav example.org/", UrlProblem::HostSpaces),
            ("https://dav.example.org/a b/", UrlProblem::PathSpaces),
        ] {
            assert_eq!(split_url(url), Err(problem), "{url}");
        }
    }
}
