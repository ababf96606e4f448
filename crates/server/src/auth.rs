//! Who is calling: the bearer token of a request (RFC 9110: the scheme is case-insensitive),
//! and slowing down a client that keeps failing to authenticate, whether with a token on the
//! API or at the manager's sign-in.

use axum::extract::ConnectInfo;
use axum::http::{header, Extensions, HeaderMap};
use std::collections::HashMap;
use std::net::{IpAddr, Ipv4Addr, SocketAddr};
use std::sync::Mutex;
use std::time::{Duration, Instant};

/// Failed authentications a client may make in one window before it must wait.
pub const FAILURES_PER_WINDOW: u32 = 30;
pub const WINDOW: Duration = Duration::from_secs(60);

/// The token of `Authorization: Bearer <token>`, if the header has that form.
pub fn bearer(headers: &HeaderMap) -> Option<&str> {
    let value = headers.get(header::AUTHORIZATION)?.to_str().ok()?.trim();
    let (scheme, token) = value.split_once(' ')?;
    let token = token.trim();
    (scheme.eq_ignore_ascii_case("bearer") && !token.is_empty()).then_some(token)
}

/// The calling address, where the server was started with connection info (the tests'
/// in-process routers may not be: they all count as one client).
pub fn client(extensions: &Extensions) -> IpAddr {
    extensions
        .get::<ConnectInfo<SocketAddr>>()
        .map_or(IpAddr::V4(Ipv4Addr::UNSPECIFIED), |info| info.0.ip())
}

/// Failed authentications per client address in the current window.
#[derive(Debug, Default)]
pub struct Throttle {
    failures: Mutex<HashMap<IpAddr, (Instant, u32)>>,
}

impl Throttle {
    /// How many seconds `client` must wait before it may try again, if it is over its failures.
    pub fn wait(&self, client: IpAddr) -> Option<u64> {
        let failures = self.failures.lock().ok()?;
        let (since, count) = failures.get(&client)?;
        let left = WINDOW.checked_sub(since.elapsed())?;
        (*count >= FAILURES_PER_WINDOW).then(|| left.as_secs().max(1))
    }

    /// Counts a failed authentication of `client`.
    pub fn failed(&self, client: IpAddr) {
        let Ok(mut failures) = self.failures.lock() else {
            return;
        };
        // Forget finished windows before the table could grow without bound.
        if failures.len() >= 10_000 {
            failures.retain(|_, (since, _)| since.elapsed() < WINDOW);
        }
        let entry = failures.entry(client).or_insert((Instant::now(), 0));
        if entry.0.elapsed() >= WINDOW {
            *entry = (Instant::now(), 0);
        }
        entry.1 += 1;
    }
}
