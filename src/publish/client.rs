//! A small blocking CalDAV client over ureq: PROPFIND to list the
//! calendar, MKCALENDAR to create it, GET, PUT and DELETE with
//! preconditions. Every reply is turned into what the sync needs or into
//! a [`PublishError`] that says what went wrong in words.

use std::collections::BTreeMap;
use std::io;
use std::time::Duration;

use base64::Engine as _;
use ureq::http::{self, Method, Request};

use super::target::Target;
use super::{PublishError, Secret, xml};

/// The longest reply read: a calendar of many thousands of events.
const BODY_LIMIT: u64 = 64 * 1024 * 1024;

/// What the calendar holds: each resource directly inside it, by name.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub(crate) struct Listing {
    pub members: BTreeMap<String, Member>,
}

#[derive(Clone, Debug, PartialEq, Eq)]
pub(crate) struct Member {
    pub href: String,
    pub etag: Option<String>,
}

/// How a write with a precondition went.
#[derive(Clone, Debug, PartialEq, Eq)]
pub(crate) enum Written {
    /// Done; the new ETag when the server gave one.
    Done(Option<String>),
    /// 412: the resource is no longer as the precondition said.
    Changed,
    /// A PUT refused because another resource has the same UID (RFC 4791
    /// `no-uid-conflict`).
    UidTaken,
    /// A DELETE of a resource that is already gone.
    Gone,
}

/// The precondition of a PUT.
#[derive(Clone, Copy, Debug)]
pub(crate) enum Expect<'a> {
    /// `If-None-Match: *`: only if nothing is there.
    Nothing,
    /// `If-Match: ETAG`: only if it is still this version.
    Version(&'a str),
}

pub(crate) struct Client {
    agent: ureq::Agent,
    authorization: Option<String>,
    user: Option<String>,
    timeout: Duration,
}

struct Reply {
    status: u16,
    etag: Option<String>,
    location: Option<String>,
    body: String,
}

impl Client {
    /// A client for `target`. The proxy named by `HTTPS_PROXY` and the
    /// like is used, except to this computer: plain http to a loopback
    /// address must not leave it.
    pub fn new(
        target: &Target,
        user: Option<&str>,
        password: Option<&Secret>,
        timeout: Duration,
    ) -> Client {
        let mut config = ureq::Agent::config_builder();
        if target.loopback {
            config = config.proxy(None);
        }
        let config = config
            .http_status_as_error(false)
            .allow_non_standard_methods(true)
            .max_redirects(0)
            .user_agent(concat!("itinera/", env!("CARGO_PKG_VERSION")))
            .timeout_connect(Some(timeout))
            .timeout_send_request(Some(timeout))
            .timeout_send_body(Some(timeout))
            .timeout_recv_response(Some(timeout))
            .timeout_recv_body(Some(timeout))
            .build();
        let authorization = user.map(|user| {
            let password = password.map(Secret::expose).unwrap_or_default();
            let token =
                base64::engine::general_purpose::STANDARD.encode(format!("{user}:{password}"));
            format!("Basic {token}")
        });
        Client {
            agent: config.into(),
            authorization,
            user: user.map(String::from),
            timeout,
        }
    }

    /// The calendar's members, or `None` when there is no calendar at the
    /// URL (404).
    pub fn list(&self, target: &Target) -> Result<Option<Listing>, PublishError> {
        let url = target.url();
        let reply = self.send(
            "PROPFIND",
            &url,
            &[
                ("Depth", "1"),
                ("Content-Type", "application/xml; charset=utf-8"),
            ],
            Some(xml::PROPFIND),
        )?;
        match reply.status {
            207 => {}
            404 => return Ok(None),
            _ => return Err(self.unexpected("PROPFIND", &url, &reply)),
        }
        let entries = xml::multistatus(&reply.body).map_err(|detail| PublishError::Malformed {
            method: "PROPFIND".into(),
            url: url.clone(),
            detail,
        })?;
        let mut listing = Listing::default();
        let mut is_calendar = None;
        for entry in entries {
            if target.is_calendar(&entry.href) {
                is_calendar = Some(entry.calendar);
                continue;
            }
            match target.member_name(&entry.href) {
                Some(name) if !entry.collection => {
                    let member = Member {
                        href: entry.href,
                        etag: entry.etag,
                    };
                    listing.members.insert(name, member);
                }
                _ => {}
            }
        }
        match is_calendar {
            Some(true) => Ok(Some(listing)),
            Some(false) => Err(PublishError::NotACalendar { url }),
            None => Err(PublishError::Malformed {
                method: "PROPFIND".into(),
                url,
                detail: "the reply does not describe the calendar itself".into(),
            }),
        }
    }

    /// Creates the calendar, named `name`.
    pub fn mkcalendar(&self, target: &Target, name: &str) -> Result<(), PublishError> {
        let url = target.url();
        let body = xml::mkcalendar(name);
        let reply = self.send(
            "MKCALENDAR",
            &url,
            &[("Content-Type", "application/xml; charset=utf-8")],
            Some(&body),
        )?;
        match reply.status {
            200..=299 => Ok(()),
            _ => Err(self.unexpected("MKCALENDAR", &url, &reply)),
        }
    }

    /// The body of a resource and its ETag; `None` when it is gone.
    pub fn get(&self, url: &str) -> Result<Option<(String, Option<String>)>, PublishError> {
        let reply = self.send("GET", url, &[("Accept", "text/calendar")], None)?;
        match reply.status {
            200 => Ok(Some((reply.body, reply.etag))),
            404 | 410 => Ok(None),
            _ => Err(self.unexpected("GET", url, &reply)),
        }
    }

    /// Writes a calendar object, only if `expect` holds.
    pub fn put(&self, url: &str, body: &str, expect: Expect) -> Result<Written, PublishError> {
        let condition = match expect {
            Expect::Nothing => ("If-None-Match", "*"),
            Expect::Version(etag) => ("If-Match", etag),
        };
        let headers = [("Content-Type", "text/calendar; charset=utf-8"), condition];
        let reply = self.send("PUT", url, &headers, Some(body))?;
        match reply.status {
            200..=299 => Ok(Written::Done(reply.etag)),
            412 => Ok(Written::Changed),
            403 | 409 if reply.body.contains("no-uid-conflict") => Ok(Written::UidTaken),
            _ => Err(self.unexpected("PUT", url, &reply)),
        }
    }

    /// Deletes a resource, only if it is still version `etag`.
    pub fn delete(&self, url: &str, etag: &str) -> Result<Written, PublishError> {
        let reply = self.send("DELETE", url, &[("If-Match", etag)], None)?;
        match reply.status {
            200..=299 => Ok(Written::Done(None)),
            412 => Ok(Written::Changed),
            404 | 410 => Ok(Written::Gone),
            _ => Err(self.unexpected("DELETE", url, &reply)),
        }
    }

    fn send(
        &self,
        method: &str,
        url: &str,
        headers: &[(&str, &str)],
        body: Option<&str>,
    ) -> Result<Reply, PublishError> {
        let mut request = Request::builder()
            .method(Method::from_bytes(method.as_bytes()).unwrap_or(Method::GET))
            .uri(url);
        for (name, value) in headers {
            request = request.header(*name, *value);
        }
        if let Some(auth) = &self.authorization {
            request = request.header("Authorization", auth.as_str());
        }
        let result = match body {
            Some(body) => request
                .body(body.to_string())
                .map_err(|e| self.http(url, e))
                .map(|r| self.agent.run(r)),
            None => request
                .body(())
                .map_err(|e| self.http(url, e))
                .map(|r| self.agent.run(r)),
        }?;
        let mut response = result.map_err(|e| self.transport(url, e))?;
        let header = |name: &str| {
            response
                .headers()
                .get(name)
                .and_then(|v| v.to_str().ok())
                .map(String::from)
        };
        let (etag, location) = (header("ETag"), header("Location"));
        let status = response.status().as_u16();
        let body = response
            .body_mut()
            .with_config()
            .limit(BODY_LIMIT)
            .read_to_string()
            .map_err(|e| self.transport(url, e))?;
        let reply = Reply {
            status,
            etag,
            location,
            body,
        };
        match reply.status {
            401 => Err(PublishError::LoginRefused {
                url: url.to_string(),
                user: self.user.clone(),
            }),
            403 if method != "PUT" => Err(PublishError::Forbidden {
                method: method.to_string(),
                url: url.to_string(),
            }),
            300..=399 => Err(PublishError::Redirect {
                url: url.to_string(),
                location: reply.location.unwrap_or_else(|| "another address".into()),
            }),
            _ => Ok(reply),
        }
    }

    fn http(&self, url: &str, err: impl std::fmt::Display) -> PublishError {
        PublishError::BadUrl {
            url: url.to_string(),
            reason: err.to_string(),
        }
    }

    /// A reply this step does not expect.
    fn unexpected(&self, method: &str, url: &str, reply: &Reply) -> PublishError {
        match reply.status {
            403 => PublishError::Forbidden {
                method: method.to_string(),
                url: url.to_string(),
            },
            status => PublishError::Status {
                method: method.to_string(),
                url: url.to_string(),
                status,
                reason: http::StatusCode::from_u16(status)
                    .ok()
                    .and_then(|s| s.canonical_reason())
                    .unwrap_or("")
                    .to_string(),
            },
        }
    }

    /// A failure below HTTP: no connection, TLS, a timeout, a reply that
    /// is not HTTP.
    fn transport(&self, url: &str, err: ureq::Error) -> PublishError {
        let url = url.to_string();
        match err {
            ureq::Error::Timeout(_) => PublishError::Timeout {
                url,
                seconds: self.timeout.as_secs_f64(),
            },
            ureq::Error::Io(e) if e.kind() == io::ErrorKind::TimedOut => PublishError::Timeout {
                url,
                seconds: self.timeout.as_secs_f64(),
            },
            ureq::Error::Io(e) if tls_error(&e).is_some() => PublishError::Tls {
                url,
                detail: tls_error(&e).map(describe_tls).unwrap_or_default(),
            },
            ureq::Error::Io(e) if e.kind() == io::ErrorKind::ConnectionRefused => {
                PublishError::Unreachable {
                    url,
                    detail: "nothing is listening there (connection refused)".into(),
                }
            }
            ureq::Error::HostNotFound => PublishError::Unreachable {
                url,
                detail: "the host name is not known".into(),
            },
            ureq::Error::ConnectionFailed => PublishError::Unreachable {
                url,
                detail: "the connection failed".into(),
            },
            ureq::Error::Tls(detail) => PublishError::Tls {
                url,
                detail: detail.to_string(),
            },
            ureq::Error::Rustls(e) => PublishError::Tls {
                url,
                detail: describe_tls(&e),
            },
            ureq::Error::Protocol(e) => PublishError::Malformed {
                method: "a request to".into(),
                url,
                detail: format!("the reply is not HTTP ({e})"),
            },
            ureq::Error::BodyExceedsLimit(_) => PublishError::Malformed {
                method: "a request to".into(),
                url,
                detail: "the reply is larger than 64 MB".into(),
            },
            other => PublishError::Unreachable {
                url,
                detail: other.to_string(),
            },
        }
    }
}

/// The TLS failure inside an I/O error, as ureq reports a failed
/// handshake.
fn tls_error(err: &io::Error) -> Option<&rustls::Error> {
    err.get_ref()?.downcast_ref::<rustls::Error>()
}

fn describe_tls(err: &rustls::Error) -> String {
    match err {
        rustls::Error::InvalidMessage(rustls::InvalidMessage::InvalidContentType) => {
            format!("{err} (the server does not speak TLS there: is its URL http://?)")
        }
        rustls::Error::InvalidCertificate(_) => {
            format!("{err} (the server's certificate is not trusted for this name)")
        }
        _ => err.to_string(),
    }
}
