//! LaneCheck Sync v1 over `fetch`, for the sync worker: the engine's `Remote` (blobs read from
//! the device's IndexedDB and sent as they are, never copied into wasm memory) and the
//! settings' "test connection" (`GET /whoami`); a job by id and the server's search, for the
//! job list and a job the device does not hold.

use crate::platform::clock;
use crate::storage::idb::IdbStore;
use lanecheck_domain::{Job, JobId};
use lanecheck_sync::engine::{Failure, Precondition, Remote, Written};
use lanecheck_sync::protocol::{job_write, Changes, ErrorBody, Found, Search, Stored, WhoAmI};
use lanecheck_sync::report::Tested;
use lanecheck_sync::retry::parse_retry_after;
use wasm_bindgen::prelude::*;
use wasm_bindgen_futures::JsFuture;

#[wasm_bindgen(inline_js = r#"
export async function call(method, url, token, headers, body) {
  const h = new Headers(headers);
  h.set("Authorization", "Bearer " + token);
  const r = await fetch(url, { method, headers: h, body, cache: "no-store" });
  return [r.status, r.headers.get("Retry-After") || "", method === "HEAD" ? "" : await r.text(), r.headers.get("ETag") || ""];
}
"#)]
extern "C" {
    /// Resolves with `[status, Retry-After, body text, ETag]`; rejects when there is no answer
    /// (offline, reset, refused by CORS) or the body broke off.
    fn call(
        method: &str,
        url: &str,
        token: &str,
        headers: &js_sys::Array,
        body: &JsValue,
    ) -> js_sys::Promise;
}

/// An answer of the server.
struct Answer {
    status: u16,
    retry_after: String,
    body: String,
    etag: String,
}

async fn send(
    url: &str,
    token: &str,
    method: &str,
    headers: &[(&str, &str)],
    body: &JsValue,
) -> Result<Answer, Failure> {
    let pairs = js_sys::Array::new();
    for (name, value) in headers {
        pairs.push(&js_sys::Array::of2(&(*name).into(), &(*value).into()));
    }
    let answer: js_sys::Array = JsFuture::from(call(method, url, token, &pairs, body))
        .await
        .map_err(|_| Failure::Network)?
        .unchecked_into();
    Ok(Answer {
        status: answer.get(0).as_f64().unwrap_or_default() as u16,
        retry_after: answer.get(1).as_string().unwrap_or_default(),
        body: answer.get(2).as_string().unwrap_or_default(),
        etag: answer.get(3).as_string().unwrap_or_default(),
    })
}

impl Answer {
    fn ok(&self) -> bool {
        (200..300).contains(&self.status)
    }

    fn refused(self) -> Failure {
        Failure::Status {
            status: self.status,
            retry_after_ms: parse_retry_after(&self.retry_after, clock::now()),
            message: serde_json::from_str::<ErrorBody>(&self.body)
                .map(|e| e.message)
                .unwrap_or(self.body),
        }
    }

    /// The body as `T`; a body that does not parse was cut short, a network failure too.
    fn json<T: serde::de::DeserializeOwned>(&self) -> Result<T, Failure> {
        serde_json::from_str(&self.body).map_err(|_| Failure::Network)
    }
}

pub struct FetchRemote<'a> {
    /// The API base, e.g. `https://dms.example.cn/sync/v1`.
    pub base: String,
    pub token: String,
    /// The device's name from settings, sent with job writes for the server's log.
    pub device: String,
    pub store: &'a IdbStore,
}

impl FetchRemote<'_> {
    async fn send(
        &self,
        method: &str,
        path: &str,
        headers: &[(&str, &str)],
        body: &JsValue,
    ) -> Result<Answer, Failure> {
        let url = format!("{}{path}", self.base);
        send(&url, &self.token, method, headers, body).await
    }
}

impl FetchRemote<'_> {
    /// The store's catalogue as text with its `ETag`, unless it is still the one tagged
    /// `held` (`None`: 304 Not Modified).
    pub async fn catalogue(&self, held: Option<&str>) -> Result<Option<(String, String)>, Failure> {
        let headers: Vec<(&str, &str)> =
            held.map(|tag| ("If-None-Match", tag)).into_iter().collect();
        let answer = self
            .send("GET", "/catalogue", &headers, &JsValue::UNDEFINED)
            .await?;
        match answer.status {
            304 => Ok(None),
            _ if answer.ok() => Ok(Some((answer.body, answer.etag))),
            _ => Err(answer.refused()),
        }
    }
}

impl Remote for FetchRemote<'_> {
    async fn has_blob(&self, sha256: &str) -> Result<bool, Failure> {
        let path = format!("/blobs/{sha256}");
        let answer = self.send("HEAD", &path, &[], &JsValue::UNDEFINED).await?;
        match answer.status {
            200 => Ok(true),
            404 => Ok(false),
            _ => Err(answer.refused()),
        }
    }

    async fn put_blob(&self, sha256: &str) -> Result<bool, Failure> {
        let Ok(Some(blob)) = self.store.blob(sha256).await else {
            return Ok(false);
        };
        let path = format!("/blobs/{sha256}");
        let kind = blob.type_();
        let headers = [("Content-Type", kind.as_str())];
        let answer = self.send("PUT", &path, &headers, &blob).await?;
        match answer.ok() {
            true => Ok(true),
            false => Err(answer.refused()),
        }
    }

    async fn put_job(
        &self,
        job: &Job,
        precondition: &Precondition,
        key: &str,
    ) -> Result<Written, Failure> {
        let write = job_write(job, precondition, key)?;
        let device: String = js_sys::encode_uri_component(&self.device).into();
        let mut headers: Vec<(&str, &str)> = write
            .headers
            .iter()
            .map(|(k, v)| (*k, v.as_str()))
            .collect();
        headers.push(("X-LaneCheck-Device", &device));
        let answer = self
            .send("PUT", &write.path, &headers, &write.body.into())
            .await?;
        match answer.status {
            _ if answer.ok() => answer.json().map(Written::Stored),
            412 => serde_json::from_str::<Stored>(&answer.body)
                .map(Written::Stale)
                .map_err(|_| answer.refused()),
            _ => Err(answer.refused()),
        }
    }

    async fn changes(
        &self,
        cursor: &str,
        limit: u32,
        finished_since: &str,
    ) -> Result<Changes, Failure> {
        let cursor: String = js_sys::encode_uri_component(cursor).into();
        let mut path = format!("/changes?since={cursor}&limit={limit}");
        if !finished_since.is_empty() {
            // Digits and dashes only (`retention::finished_since`).
            path.push_str("&finished_since=");
            path.push_str(finished_since);
        }
        let answer = self.send("GET", &path, &[], &JsValue::UNDEFINED).await?;
        match answer.ok() {
            true => answer.json(),
            false => Err(answer.refused()),
        }
    }

    async fn job(&self, id: JobId) -> Result<Option<Stored>, Failure> {
        let path = format!("/jobs/{id}");
        let answer = self.send("GET", &path, &[], &JsValue::UNDEFINED).await?;
        match answer.status {
            404 => Ok(None),
            _ if answer.ok() => answer.json().map(Some),
            _ => Err(answer.refused()),
        }
    }

    async fn search(&self, term: &str, limit: usize) -> Result<Vec<Found>, Failure> {
        let term: String = js_sys::encode_uri_component(term).into();
        let path = format!("/search?q={term}&limit={limit}");
        let answer = self.send("GET", &path, &[], &JsValue::UNDEFINED).await?;
        match answer.ok() {
            true => answer.json::<Search>().map(|found| found.jobs),
            false => Err(answer.refused()),
        }
    }
}

/// "Test connection": whose token this is at this endpoint.
pub async fn whoami(endpoint: &str, token: &str) -> Tested {
    let url = format!("{endpoint}/whoami");
    match send(&url, token, "GET", &[], &JsValue::UNDEFINED).await {
        Err(_) => Tested::Unreachable,
        Ok(answer) if answer.status == 401 => Tested::Unauthorized,
        Ok(answer) if answer.ok() => match answer.json::<WhoAmI>() {
            Ok(me) => Tested::Connected {
                store: me.store,
                advisor: me.advisor,
            },
            Err(_) => Tested::Refused(answer.body.chars().take(200).collect()),
        },
        Ok(answer) => match answer.refused() {
            Failure::Status { message, .. } => Tested::Refused(message),
            Failure::Network => Tested::Unreachable,
        },
    }
}
