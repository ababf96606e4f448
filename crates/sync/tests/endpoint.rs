//! The sync endpoint typed in settings: https except for this device, never a panic.

use lanecheck_sync::endpoint::{parse_endpoint, EndpointError};
use proptest::prelude::*;

#[test]
fn https_anywhere_http_only_to_this_device() {
    assert_eq!(
        parse_endpoint(" https://dms.example.cn/lanecheck/sync/v1/ "),
        Ok("https://dms.example.cn/lanecheck/sync/v1".into())
    );
    assert_eq!(
        parse_endpoint("http://127.0.0.1:8080/sync/v1"),
        Ok("http://127.0.0.1:8080/sync/v1".into())
    );
    assert_eq!(
        parse_endpoint("http://localhost/sync/v1"),
        Ok("http://localhost/sync/v1".into())
    );
    // A Content-Security-Policy cannot name an IPv6 literal, so the app could not reach it.
    assert_eq!(
        parse_endpoint("http://[::1]:8080/sync/v1"),
        Err(EndpointError::NotHttps)
    );
    assert_eq!(
        parse_endpoint("http://192.168.1.20/sync/v1"),
        Err(EndpointError::NotHttps)
    );
    assert_eq!(
        parse_endpoint("http://localhost.evil.cn/"),
        Err(EndpointError::NotHttps)
    );
    assert_eq!(parse_endpoint(""), Err(EndpointError::Empty));
    assert_eq!(
        parse_endpoint("dms.example.cn"),
        Err(EndpointError::NotAnAddress)
    );
    assert_eq!(parse_endpoint("https://"), Err(EndpointError::NotAnAddress));
    assert_eq!(
        parse_endpoint("https://a b.cn"),
        Err(EndpointError::NotAnAddress)
    );
    assert_eq!(
        parse_endpoint("ftp://dms.example.cn"),
        Err(EndpointError::NotAnAddress)
    );
}

proptest! {
    #[test]
    fn never_panics_and_accepted_addresses_are_stable(text in "\\PC{0,80}") {
        if let Ok(url) = parse_endpoint(&text) {
            prop_assert!(url.starts_with("https://") || url.starts_with("http://"));
            prop_assert_eq!(parse_endpoint(&url), Ok(url.clone()));
        }
    }

    #[test]
    fn any_https_host_is_accepted(host in "[a-z][a-z0-9-]{0,20}(\\.[a-z]{2,5}){1,2}", path in "(/[a-z0-9]{1,8}){0,3}") {
        let url = format!("https://{host}{path}");
        prop_assert_eq!(parse_endpoint(&url), Ok(url.clone()));
    }
}
