//! The sync endpoint the advisor types in settings: an `http(s)://host[:port][/path]` address,
//! https unless the host is this device (`localhost` or `127.0.0.1`; not `[::1]`, which the
//! app's Content-Security-Policy cannot name), normalised without a trailing slash.

/// Why an endpoint is refused.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum EndpointError {
    Empty,
    /// Not an `http(s)://host…` address.
    NotAnAddress,
    /// Plain http to another machine: the token would travel in clear text.
    NotHttps,
}

pub fn parse_endpoint(text: &str) -> Result<String, EndpointError> {
    let text = text.trim();
    if text.is_empty() {
        return Err(EndpointError::Empty);
    }
    let (secure, rest) = match (text.strip_prefix("https://"), text.strip_prefix("http://")) {
        (Some(rest), _) => (true, rest),
        (None, Some(rest)) => (false, rest),
        _ => return Err(EndpointError::NotAnAddress),
    };
    let authority = rest.split(['/', '?', '#']).next().unwrap_or_default();
    let host = match authority.strip_prefix('[') {
        Some(v6) => v6.split(']').next().unwrap_or_default(),
        None => authority.split(':').next().unwrap_or_default(),
    };
    let valid = |c: char| c.is_ascii_alphanumeric() || "-._~:[]%".contains(c);
    if host.is_empty() || !authority.chars().all(valid) || rest.contains(char::is_whitespace) {
        return Err(EndpointError::NotAnAddress);
    }
    if !secure && !matches!(host, "localhost" | "127.0.0.1") {
        return Err(EndpointError::NotHttps);
    }
    Ok(text.trim_end_matches('/').to_string())
}
