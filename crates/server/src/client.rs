//! A native LaneCheck Sync v1 client for the sync engine (`Remote`), with the device's blobs
//! in memory: the fault tests and the sync benchmark drive the real engine through it against
//! the reference server. The browser has its own, over `fetch`.

use lanecheck_domain::{Job, JobId};
use lanecheck_sync::engine::{Failure, Precondition, Remote, Written};
use lanecheck_sync::memory::MemoryDevice;
use lanecheck_sync::protocol::{job_write, Changes, ErrorBody, Found, Search, Stored};
use lanecheck_sync::retry::parse_retry_after;
use reqwest::{Client, Method, RequestBuilder, Response, StatusCode};

pub struct HttpRemote<'a> {
    client: Client,
    /// The API base, e.g. `http://127.0.0.1:8080/sync/v1`.
    base: String,
    token: String,
    device: &'a MemoryDevice,
}

impl<'a> HttpRemote<'a> {
    pub fn new(base: &str, token: &str, device: &'a MemoryDevice) -> HttpRemote<'a> {
        HttpRemote {
            client: Client::new(),
            base: base.trim_end_matches('/').to_string(),
            token: token.to_string(),
            device,
        }
    }

    fn request(&self, method: Method, path: &str) -> RequestBuilder {
        self.client
            .request(method, format!("{}{path}", self.base))
            .bearer_auth(&self.token)
    }
}

async fn send(request: RequestBuilder) -> Result<Response, Failure> {
    request.send().await.map_err(|_| Failure::Network)
}

/// The body, or a network failure if the connection broke while it came.
async fn body(response: Response) -> Result<Vec<u8>, Failure> {
    response
        .bytes()
        .await
        .map(|b| b.to_vec())
        .map_err(|_| Failure::Network)
}

async fn refused(response: Response) -> Failure {
    let status = response.status().as_u16();
    let retry_after_ms = response
        .headers()
        .get("retry-after")
        .and_then(|v| v.to_str().ok())
        .and_then(|v| parse_retry_after(v, chrono::Utc::now()));
    match body(response).await {
        Ok(bytes) => Failure::Status {
            status,
            retry_after_ms,
            message: serde_json::from_slice::<ErrorBody>(&bytes)
                .map(|e| e.message)
                .unwrap_or_else(|_| String::from_utf8_lossy(&bytes).into_owned()),
        },
        Err(failure) => failure,
    }
}

async fn json<T: serde::de::DeserializeOwned>(response: Response) -> Result<T, Failure> {
    let bytes = body(response).await?;
    // A body cut short by the network does not parse: that is a network failure too.
    serde_json::from_slice(&bytes).map_err(|_| Failure::Network)
}

impl Remote for HttpRemote<'_> {
    async fn has_blob(&self, sha256: &str) -> Result<bool, Failure> {
        let response = send(self.request(Method::HEAD, &format!("/blobs/{sha256}"))).await?;
        match response.status() {
            StatusCode::OK => Ok(true),
            StatusCode::NOT_FOUND => Ok(false),
            _ => Err(refused(response).await),
        }
    }

    async fn put_blob(&self, sha256: &str) -> Result<bool, Failure> {
        let Some(bytes) = self.device.blobs.borrow().get(sha256).cloned() else {
            return Ok(false);
        };
        let request = self
            .request(Method::PUT, &format!("/blobs/{sha256}"))
            .header("content-type", "image/jpeg")
            .body(bytes);
        let response = send(request).await?;
        if response.status().is_success() {
            body(response).await?;
            Ok(true)
        } else {
            Err(refused(response).await)
        }
    }

    async fn put_job(
        &self,
        job: &Job,
        precondition: &Precondition,
        key: &str,
    ) -> Result<Written, Failure> {
        let write = job_write(job, precondition, key)?;
        let mut request = self.request(Method::PUT, &write.path).body(write.body);
        for (name, value) in write.headers {
            request = request.header(name, value);
        }
        let response = send(request).await?;
        match response.status() {
            s if s.is_success() => json::<Stored>(response).await.map(Written::Stored),
            StatusCode::PRECONDITION_FAILED => {
                let bytes = body(response).await?;
                serde_json::from_slice::<Stored>(&bytes)
                    .map(Written::Stale)
                    .map_err(|_| Failure::Status {
                        status: 412,
                        retry_after_ms: None,
                        message: String::from_utf8_lossy(&bytes).into_owned(),
                    })
            }
            _ => Err(refused(response).await),
        }
    }

    async fn changes(
        &self,
        cursor: &str,
        limit: u32,
        finished_since: &str,
    ) -> Result<Changes, Failure> {
        let mut query = vec![("since", cursor.to_string()), ("limit", limit.to_string())];
        if !finished_since.is_empty() {
            query.push(("finished_since", finished_since.to_string()));
        }
        let request = self.request(Method::GET, "/changes").query(&query);
        let response = send(request).await?;
        if response.status().is_success() {
            json(response).await
        } else {
            Err(refused(response).await)
        }
    }

    async fn job(&self, id: JobId) -> Result<Option<Stored>, Failure> {
        let response = send(self.request(Method::GET, &format!("/jobs/{id}"))).await?;
        match response.status() {
            StatusCode::NOT_FOUND => Ok(None),
            s if s.is_success() => json(response).await.map(Some),
            _ => Err(refused(response).await),
        }
    }

    async fn search(&self, term: &str, limit: usize) -> Result<Vec<Found>, Failure> {
        let query = [("q", term.to_string()), ("limit", limit.to_string())];
        let response = send(self.request(Method::GET, "/search").query(&query)).await?;
        if response.status().is_success() {
            json::<Search>(response).await.map(|found| found.jobs)
        } else {
            Err(refused(response).await)
        }
    }
}
