//! The LaneCheck Sync v1 endpoints (docs/sync-v1.openapi.yaml) under `/sync/v1`.

use crate::auth;
use crate::blobs::is_sha256;
use crate::catalogue;
use crate::db::{self, Advisor, Claim, Outcome, Recorded, Write};
use crate::AppState;
use crate::Limits;
use axum::body::Bytes;
use axum::extract::rejection::BytesRejection;
use axum::extract::{DefaultBodyLimit, FromRef, FromRequestParts, Path, RawQuery, State};
use axum::http::request::Parts;
use axum::http::{header, HeaderMap, HeaderValue, StatusCode};
use axum::response::{IntoResponse, Response};
use axum::routing::get;
use axum::{Json, Router};
use lanecheck_domain::plate::normalise;
use lanecheck_domain::retention::is_finished;
use lanecheck_domain::schema::{self, SchemaError};
use lanecheck_domain::seal::sha256_hex;
use lanecheck_domain::summary::{search_reads, Summary};
use lanecheck_domain::{Job, JobId};
use lanecheck_sync::protocol::{
    blob_refs, etag, version_of, ErrorBody, Found, Search, WhoAmI, SEARCH_LIMIT,
};
use serde::Serialize;
use serde_json::value::RawValue;
use tower_http::compression::CompressionLayer;
use tower_http::limit::RequestBodyLimitLayer;

/// The longest `X-LaneCheck-Device` value the contract allows.
pub const MAX_DEVICE_HEADER: usize = 200;
/// A page of `/changes` holds documents of at most this many bytes in all (and always at least
/// one document, however large).
pub const MAX_PAGE_BYTES: i64 = 8 * 1024 * 1024;

/// The routes, each reading a body only up to its own limit (a larger body is refused before
/// it is read, from its Content-Length, or as soon as it passes the limit).
pub fn routes(limits: Limits) -> Router<AppState> {
    let at_most = |bytes: usize| {
        (
            RequestBodyLimitLayer::new(bytes),
            DefaultBodyLimit::max(bytes),
        )
    };
    Router::new()
        .route("/whoami", get(whoami).layer(at_most(0)))
        .route(
            "/blobs/{sha256}",
            get(get_blob)
                .head(head_blob)
                .put(put_blob)
                .layer(at_most(limits.blob_bytes)),
        )
        .route(
            "/jobs/{id}",
            get(get_job)
                .put(put_job)
                .delete(delete_job)
                .layer(at_most(limits.job_bytes)),
        )
        .route("/changes", get(changes).layer(at_most(0)))
        .route("/search", get(search).layer(at_most(0)))
        .route(
            "/catalogue",
            get(catalogue)
                .layer::<_, std::convert::Infallible>(CompressionLayer::new())
                .layer(at_most(0)),
        )
        .fallback(|| async {
            ApiError::new(StatusCode::NOT_FOUND, "not_found", "No such resource.")
        })
        .layer(axum::middleware::map_response(contract_errors))
}

/// Every error answer of the API carries the contract's JSON error body, also those the
/// framework makes itself (a rejected query, an unknown method, a panic).
async fn contract_errors(response: Response) -> Response {
    let status = response.status();
    let json = response
        .headers()
        .get(header::CONTENT_TYPE)
        .is_some_and(|v| v.as_bytes().starts_with(b"application/json"));
    if !(status.is_client_error() || status.is_server_error()) || json {
        return response;
    }
    let (code, message) = match status.as_u16() {
        401 => ("unauthorized", "The token is missing, unknown or revoked."),
        404 => ("not_found", "No such resource."),
        405 => ("bad_request", "This method is not allowed here."),
        413 => (
            "too_large",
            "The request is larger than this server accepts.",
        ),
        422 => ("invalid_document", "The request could not be read."),
        429 => ("rate_limited", "Too many requests; try again later."),
        500..=599 => ("unavailable", "The server could not answer; try again."),
        _ => ("bad_request", "The request could not be read."),
    };
    let (mut parts, _) = response.into_parts();
    parts.headers.remove(header::CONTENT_LENGTH);
    let body = ApiError::new(status, code, message).into_response();
    let (body_parts, body) = body.into_parts();
    parts.headers.insert(
        header::CONTENT_TYPE,
        body_parts.headers[header::CONTENT_TYPE].clone(),
    );
    Response::from_parts(parts, body)
}

/// The answer to a request whose handler panicked: 500, and the server goes on.
pub fn panicked(_: Box<dyn std::any::Any + Send + 'static>) -> Response {
    tracing::error!("a request handler panicked");
    ApiError::new(
        StatusCode::INTERNAL_SERVER_ERROR,
        "unavailable",
        "The server could not answer; try again.",
    )
    .into_response()
}

/// An error answer with the contract's body.
pub struct ApiError {
    status: StatusCode,
    body: ErrorBody,
    retry_after: Option<u64>,
}

impl ApiError {
    pub fn new(status: StatusCode, code: &str, message: impl Into<String>) -> ApiError {
        ApiError {
            status,
            body: ErrorBody {
                code: code.into(),
                message: message.into(),
                missing: Vec::new(),
            },
            retry_after: None,
        }
    }
}

impl ApiError {
    /// 429 with the contract's body and `Retry-After`.
    pub fn rate_limited(seconds: u64) -> ApiError {
        ApiError {
            retry_after: Some(seconds),
            ..ApiError::new(
                StatusCode::TOO_MANY_REQUESTS,
                "rate_limited",
                "Too many failed sign-ins from this address; wait a minute.",
            )
        }
    }
}

impl From<sqlx::Error> for ApiError {
    fn from(err: sqlx::Error) -> ApiError {
        tracing::error!(error = %err, "database");
        ApiError::new(
            StatusCode::SERVICE_UNAVAILABLE,
            "unavailable",
            "The database is not available; try again.",
        )
    }
}

impl From<std::io::Error> for ApiError {
    fn from(err: std::io::Error) -> ApiError {
        tracing::error!(error = %err, "blob storage");
        ApiError::new(
            StatusCode::SERVICE_UNAVAILABLE,
            "unavailable",
            "Blob storage is not available; try again.",
        )
    }
}

impl IntoResponse for ApiError {
    fn into_response(self) -> Response {
        let mut response = (self.status, Json(self.body)).into_response();
        if let Some(seconds) = self.retry_after {
            response
                .headers_mut()
                .insert(header::RETRY_AFTER, HeaderValue::from(seconds));
        }
        response
    }
}

impl<S: Send + Sync> FromRequestParts<S> for Advisor
where
    AppState: axum::extract::FromRef<S>,
{
    type Rejection = ApiError;

    async fn from_request_parts(parts: &mut Parts, state: &S) -> Result<Self, Self::Rejection> {
        let app = AppState::from_ref(state);
        let client = auth::client(&parts.extensions);
        if let Some(seconds) = app.throttle.wait(client) {
            return Err(ApiError::rate_limited(seconds));
        }
        let now = chrono::Utc::now().timestamp_millis();
        let found = match auth::bearer(&parts.headers) {
            Some(token) => db::advisor_by_token(&app.db, token, now).await?,
            None => None,
        };
        found.ok_or_else(|| {
            app.throttle.failed(client);
            ApiError::new(
                StatusCode::UNAUTHORIZED,
                "unauthorized",
                "The token is missing, unknown, expired or revoked.",
            )
        })
    }
}

async fn whoami(State(app): State<AppState>, advisor: Advisor) -> Json<WhoAmI> {
    Json(WhoAmI {
        advisor: advisor.name,
        store: advisor.store_name,
        max_blob_bytes: app.limits.blob_bytes as u64,
        max_job_bytes: app.limits.job_bytes as u64,
    })
}

/// The store's catalogue whole (an empty one until a catalogue is imported), with its version
/// as the `ETag`: a device that sends it back in `If-None-Match` gets 304 and keeps its copy.
/// Sent compressed when the device accepts it: a catalogue of 20,000 parts is megabytes.
async fn catalogue(
    State(app): State<AppState>,
    advisor: Advisor,
    headers: HeaderMap,
) -> Result<Response, ApiError> {
    // The device's copy is current: answered from the version alone, the document unread.
    let held = headers
        .get(header::IF_NONE_MATCH)
        .and_then(|v| v.to_str().ok())
        .unwrap_or("");
    let current = match db::catalogue_version(&app.db, &advisor.store).await? {
        Some(version) => version,
        None => catalogue::empty().1,
    };
    if held.split(',').any(|t| version_of(t) == current) {
        return Ok((StatusCode::NOT_MODIFIED, [(header::ETAG, tag(&current))]).into_response());
    }
    let (document, version) = db::catalogue(&app.db, &advisor.store)
        .await?
        .unwrap_or_else(catalogue::empty);
    Ok((
        [
            (
                header::CONTENT_TYPE,
                HeaderValue::from_static("application/json"),
            ),
            (header::ETAG, tag(&version)),
        ],
        document,
    )
        .into_response())
}

/// A version as an `ETag` value (hex in quotes: always a valid header value).
fn tag(version: &str) -> HeaderValue {
    HeaderValue::from_str(&etag(version)).unwrap_or(HeaderValue::from_static("\"\""))
}

fn valid_sha(sha256: &str) -> Result<(), ApiError> {
    is_sha256(sha256).then_some(()).ok_or_else(|| {
        ApiError::new(
            StatusCode::BAD_REQUEST,
            "bad_request",
            "A blob is named by its lower-case hex SHA-256.",
        )
    })
}

async fn head_blob(
    State(app): State<AppState>,
    advisor: Advisor,
    Path(sha256): Path<String>,
) -> Result<StatusCode, ApiError> {
    valid_sha(&sha256)?;
    Ok(if app.blobs.has(&advisor.store, &sha256).await {
        StatusCode::OK
    } else {
        StatusCode::NOT_FOUND
    })
}

async fn get_blob(
    State(app): State<AppState>,
    advisor: Advisor,
    Path(sha256): Path<String>,
) -> Result<Response, ApiError> {
    valid_sha(&sha256)?;
    let Some(bytes) = app.blobs.read(&advisor.store, &sha256).await? else {
        return Err(ApiError::new(
            StatusCode::NOT_FOUND,
            "not_found",
            "No such blob.",
        ));
    };
    let kind = if bytes.starts_with(b"\x89PNG") {
        "image/png"
    } else {
        "image/jpeg"
    };
    Ok((
        [
            (header::CONTENT_TYPE, kind),
            (
                header::CACHE_CONTROL,
                "private, max-age=31536000, immutable",
            ),
        ],
        bytes,
    )
        .into_response())
}

/// The body, or 413 when it is over the route's limit.
fn within(body: Result<Bytes, BytesRejection>, what: &str) -> Result<Bytes, ApiError> {
    body.map_err(|rejection| match rejection.status() {
        StatusCode::PAYLOAD_TOO_LARGE => ApiError::new(
            StatusCode::PAYLOAD_TOO_LARGE,
            "too_large",
            format!("The {what} is larger than this server accepts."),
        ),
        status => ApiError::new(status, "bad_request", "The body could not be read."),
    })
}

async fn put_blob(
    State(app): State<AppState>,
    advisor: Advisor,
    Path(sha256): Path<String>,
    body: Result<Bytes, BytesRejection>,
) -> Result<StatusCode, ApiError> {
    valid_sha(&sha256)?;
    let body = within(body, "blob")?;
    if sha256_hex(&body) != sha256 {
        return Err(ApiError::new(
            StatusCode::UNPROCESSABLE_ENTITY,
            "hash_mismatch",
            "The blob's SHA-256 is not the one in its address.",
        ));
    }
    Ok(if app.blobs.write(&advisor.store, &sha256, &body).await? {
        StatusCode::CREATED
    } else {
        StatusCode::OK
    })
}

/// A stored job as the contract serves it: the document exactly as it was written.
#[derive(Serialize)]
struct Served<'a> {
    id: &'a str,
    version: String,
    deleted: bool,
    document: Option<&'a RawValue>,
}

/// The JSON of a stored row.
fn served(row: &db::JobRow) -> String {
    // Documents are stored only after they were read whole, so they are JSON.
    let document: Option<Box<RawValue>> = row
        .document
        .as_ref()
        .and_then(|text| RawValue::from_string(text.clone()).ok());
    serde_json::to_string(&Served {
        id: &row.id,
        version: row.seq.to_string(),
        deleted: row.deleted,
        document: document.as_deref(),
    })
    .unwrap_or_default()
}

/// A JSON answer with the version of the row it shows as its ETag.
fn json_with_etag(status: StatusCode, body: String, version: Option<&str>) -> Response {
    let mut response = (status, [(header::CONTENT_TYPE, "application/json")], body).into_response();
    if let Some(tag) = version.and_then(|v| HeaderValue::from_str(&etag(v)).ok()) {
        response.headers_mut().insert(header::ETAG, tag);
    }
    response
}

fn with_etag(status: StatusCode, row: &db::JobRow) -> Response {
    json_with_etag(status, served(row), Some(&row.seq.to_string()))
}

fn job_id(id: &str) -> Result<JobId, ApiError> {
    JobId::parse(id).ok_or_else(|| {
        ApiError::new(
            StatusCode::BAD_REQUEST,
            "bad_request",
            "A job is named by its UUID.",
        )
    })
}

async fn get_job(
    State(app): State<AppState>,
    advisor: Advisor,
    Path(id): Path<String>,
) -> Result<Response, ApiError> {
    let id = job_id(&id)?;
    match db::job(&app.db, &advisor.store, &id.to_string()).await? {
        Some(row) => Ok(with_etag(StatusCode::OK, &row)),
        None => Err(ApiError::new(
            StatusCode::NOT_FOUND,
            "not_found",
            "No such job.",
        )),
    }
}

/// The precondition headers of a write: `None` to create, `Some(version)` to replace.
fn precondition(headers: &HeaderMap, creating_allowed: bool) -> Result<Option<i64>, ApiError> {
    let text = |name| {
        headers
            .get(name)
            .and_then(|v: &HeaderValue| v.to_str().ok())
    };
    match (text(header::IF_NONE_MATCH), text(header::IF_MATCH)) {
        (Some("*"), None) if creating_allowed => Ok(None),
        (None, Some(tag)) => version_of(tag).parse().map(Some).map_err(|_| {
            ApiError::new(
                StatusCode::PRECONDITION_FAILED,
                "precondition_failed",
                "Unknown version.",
            )
        }),
        _ => Err(ApiError::new(
            StatusCode::BAD_REQUEST,
            "bad_request",
            "A write needs If-None-Match: * (create) or If-Match: \"<version>\" (update).",
        )),
    }
}

fn idempotency_key(headers: &HeaderMap) -> Result<String, ApiError> {
    headers
        .get("idempotency-key")
        .and_then(|v| v.to_str().ok())
        .filter(|k| !k.is_empty() && k.len() <= 64)
        .map(str::to_string)
        .ok_or_else(|| {
            ApiError::new(
                StatusCode::BAD_REQUEST,
                "bad_request",
                "Every write needs an Idempotency-Key of at most 64 characters.",
            )
        })
}

/// The recorded answer to a repeated request, or 422 when the key named another request.
fn replay(seen: Recorded, request: &str) -> Result<Response, ApiError> {
    if seen.request != request {
        return Err(ApiError::new(
            StatusCode::UNPROCESSABLE_ENTITY,
            "idempotency_conflict",
            "This Idempotency-Key was used for another request.",
        ));
    }
    let status = StatusCode::from_u16(seen.status).unwrap_or(StatusCode::OK);
    let version = serde_json::from_str::<serde_json::Value>(&seen.body)
        .ok()
        .and_then(|v| {
            v.get("version")
                .and_then(|v| v.as_str())
                .map(str::to_string)
        });
    Ok(json_with_etag(status, seen.body, version.as_deref()))
}

/// What the client sees of a write.
fn answer_of(write: &Write) -> (StatusCode, String) {
    match write {
        Write::Created(row) => (StatusCode::CREATED, served(row)),
        Write::Replaced(row) => (StatusCode::OK, served(row)),
        Write::Stale(Some(row)) => (StatusCode::PRECONDITION_FAILED, served(row)),
        Write::Stale(None) => (
            StatusCode::PRECONDITION_FAILED,
            serde_json::to_string(
                &ApiError::new(
                    StatusCode::PRECONDITION_FAILED,
                    "precondition_failed",
                    "The job does not exist.",
                )
                .body,
            )
            .unwrap_or_default(),
        ),
    }
}

/// A job write under its idempotency key: done once, however many duplicates arrive and
/// however close together; a duplicate gets the first answer.
async fn write_once(
    app: &AppState,
    advisor: &Advisor,
    headers: &HeaderMap,
    write: (&JobId, Option<i64>, Option<&Job>, Option<&str>),
    request: String,
) -> Result<Response, ApiError> {
    let key = idempotency_key(headers)?;
    let request = sha256_hex(request.as_bytes());
    let (id, expected, job, document) = write;
    let claim = Claim {
        advisor: &advisor.id,
        key: &key,
        request: &request,
        now_ms: chrono::Utc::now().timestamp_millis(),
    };
    let (id, day) = (id.to_string(), today());
    let vehicle = job.map(db::vehicle_of).unwrap_or_default();
    let change = db::Change {
        store: &advisor.store,
        id: &id,
        expected,
        document,
        day: &day,
        finished: job.is_some_and(|job| is_finished(job.state)),
        vehicle: &vehicle,
    };
    let outcome = db::write_job(&app.db, &change, &claim, |write| {
        let (status, body) = answer_of(write);
        (status.as_u16(), body)
    })
    .await?;
    match outcome {
        Outcome::Replay(seen) => replay(seen, &request),
        Outcome::Done(write) => {
            log_write(&write, advisor, headers);
            let (status, body) = answer_of(&write);
            let version = match &write {
                Write::Created(row) | Write::Replaced(row) | Write::Stale(Some(row)) => {
                    Some(row.seq.to_string())
                }
                Write::Stale(None) => None,
            };
            Ok(json_with_etag(status, body, version.as_deref()))
        }
    }
}

/// A replay that needs no more checks: the same request with the same key was answered.
async fn replayed(
    app: &AppState,
    advisor: &Advisor,
    headers: &HeaderMap,
    request: &str,
) -> Result<Option<Response>, ApiError> {
    let key = idempotency_key(headers)?;
    match db::recorded(&app.db, &advisor.id, &key).await? {
        Some(seen) => replay(seen, &sha256_hex(request.as_bytes())).map(Some),
        None => Ok(None),
    }
}

fn today() -> String {
    chrono::Local::now().format("%Y-%m-%d").to_string()
}

fn refused_document(err: SchemaError) -> ApiError {
    let message = match err {
        SchemaError::Lossy(at) => format!(
            "The value at {at} cannot be kept as sent (for example a number too large for its field)."
        ),
        SchemaError::TooNew(schema) => {
            format!("Schema {schema} is newer than this server reads.")
        }
        SchemaError::NotAnEnvelope => {
            "The body is not a LaneCheck job document ({\"schema\": …, \"job\": {…}}).".into()
        }
        SchemaError::Malformed(why) => format!("The job document cannot be read: {why}"),
    };
    ApiError::new(
        StatusCode::UNPROCESSABLE_ENTITY,
        "invalid_document",
        message,
    )
}

async fn put_job(
    State(app): State<AppState>,
    advisor: Advisor,
    Path(id): Path<String>,
    headers: HeaderMap,
    body: Result<Bytes, BytesRejection>,
) -> Result<Response, ApiError> {
    let id = job_id(&id)?;
    device(&headers)?;
    let body = within(body, "job document")?;
    let text = std::str::from_utf8(&body).map_err(|_| {
        ApiError::new(
            StatusCode::BAD_REQUEST,
            "invalid_document",
            "The body is not UTF-8 JSON.",
        )
    })?;
    let expected = precondition(&headers, true)?;
    let request = format!("PUT {id} {expected:?} {text}");
    if let Some(answer) = replayed(&app, &advisor, &headers, &request).await? {
        return Ok(answer);
    }
    // Acknowledged only if the document reads back whole; it is then kept exactly as sent.
    let job = schema::restore_whole(text).map_err(refused_document)?;
    if job.id != id {
        return Err(ApiError::new(
            StatusCode::UNPROCESSABLE_ENTITY,
            "invalid_document",
            "The document's id is not the one in its address.",
        ));
    }
    let mut missing = Vec::new();
    for sha in blob_refs(&job) {
        if !app.blobs.has(&advisor.store, &sha).await {
            missing.push(sha);
        }
    }
    if !missing.is_empty() {
        let mut err = ApiError::new(
            StatusCode::CONFLICT,
            "missing_blobs",
            "Upload the job's photos and signature first.",
        );
        err.body.missing = missing;
        return Err(err);
    }
    write_once(
        &app,
        &advisor,
        &headers,
        (&id, expected, Some(&job), Some(text)),
        request,
    )
    .await
}

async fn delete_job(
    State(app): State<AppState>,
    advisor: Advisor,
    Path(id): Path<String>,
    headers: HeaderMap,
) -> Result<Response, ApiError> {
    let id = job_id(&id)?;
    device(&headers)?;
    let expected = precondition(&headers, false)?;
    let request = format!("DELETE {id} {expected:?}");
    if let Some(answer) = replayed(&app, &advisor, &headers, &request).await? {
        return Ok(answer);
    }
    if db::job(&app.db, &advisor.store, &id.to_string())
        .await?
        .is_none()
    {
        return Err(ApiError::new(
            StatusCode::NOT_FOUND,
            "not_found",
            "No such job.",
        ));
    }
    write_once(
        &app,
        &advisor,
        &headers,
        (&id, expected, None, None),
        request,
    )
    .await
}

/// The device name the app sends (`X-LaneCheck-Device`, percent-encoded UTF-8, at most
/// `MAX_DEVICE_HEADER` characters as sent), for the log: which of the store's devices wrote a
/// job. A longer value is refused as the contract says.
fn device(headers: &HeaderMap) -> Result<String, ApiError> {
    let raw = headers
        .get("x-lanecheck-device")
        .map(|v| v.as_bytes())
        .unwrap_or_default();
    if raw.len() > MAX_DEVICE_HEADER {
        return Err(ApiError::new(
            StatusCode::BAD_REQUEST,
            "bad_request",
            format!("X-LaneCheck-Device is longer than {MAX_DEVICE_HEADER} characters."),
        ));
    }
    let raw = std::str::from_utf8(raw).unwrap_or_default();
    Ok(percent_encoding::percent_decode_str(raw)
        .decode_utf8_lossy()
        .into_owned())
}

fn log_write(write: &Write, advisor: &Advisor, headers: &HeaderMap) {
    let device = device(headers).unwrap_or_default();
    match write {
        Write::Created(row) => {
            tracing::info!(store = %advisor.store, advisor = %advisor.name, device = %device, job = %row.id, version = row.seq, "job created");
        }
        Write::Replaced(row) => {
            tracing::info!(store = %advisor.store, advisor = %advisor.name, device = %device, job = %row.id, version = row.seq, deleted = row.deleted, "job written");
        }
        Write::Stale(_) => {}
    }
}

/// A whole number in `1..=max` from a query value, as the contract's `integer` means it.
fn bounded(text: &str, max: i64) -> Option<i64> {
    if text.is_empty() || text.len() > 6 || !text.bytes().all(|b| b.is_ascii_digit()) {
        return None;
    }
    text.parse().ok().filter(|n| (1..=max).contains(n))
}

/// `since`, `finished_since` and `limit` of `/changes`, strictly as the contract types them.
fn feed_query(query: Option<&str>) -> Result<(i64, String, i64), ApiError> {
    let bad = |what: &str| ApiError::new(StatusCode::BAD_REQUEST, "bad_request", what.to_string());
    let (mut since, mut finished_since, mut limit) = (0, String::new(), 100);
    for (name, value) in url_pairs(query.unwrap_or_default()) {
        match name.as_str() {
            "since" if value.is_empty() => since = 0,
            "since" => {
                since = value
                    .parse::<i64>()
                    .ok()
                    .filter(|n| *n >= 0 && value.bytes().all(|b| b.is_ascii_digit()))
                    .ok_or_else(|| bad("Unknown cursor."))?
            }
            "limit" => {
                limit = bounded(&value, 500)
                    .ok_or_else(|| bad("limit is a whole number from 1 to 500."))?
            }
            "finished_since" => {
                finished_since = chrono::NaiveDate::parse_from_str(&value, "%Y-%m-%d")
                    .ok()
                    .filter(|_| value.len() == 10)
                    .map(|_| value)
                    .ok_or_else(|| bad("finished_since is a date, YYYY-MM-DD."))?
            }
            _ => {}
        }
    }
    Ok((since, finished_since, limit))
}

/// The decoded name/value pairs of a query string.
fn url_pairs(query: &str) -> Vec<(String, String)> {
    let decode = |s: &str| {
        percent_encoding::percent_decode_str(&s.replace('+', " "))
            .decode_utf8_lossy()
            .into_owned()
    };
    query
        .split('&')
        .filter(|pair| !pair.is_empty())
        .map(|pair| {
            let (name, value) = pair.split_once('=').unwrap_or((pair, ""));
            (decode(name), decode(value))
        })
        .collect()
}

async fn changes(
    State(app): State<AppState>,
    advisor: Advisor,
    RawQuery(query): RawQuery,
) -> Result<Response, ApiError> {
    let (since, finished_since, limit) = feed_query(query.as_deref())?;
    let window = db::Window {
        since,
        finished_since: &finished_since,
    };
    // Plan the page by size first, then read just its documents.
    let entries = db::feed(&app.db, &advisor.store, window, limit + 1).await?;
    let mut bytes = 0;
    let mut taken = 0;
    for entry in entries.iter().take(limit as usize) {
        if taken > 0 && bytes + entry.bytes > MAX_PAGE_BYTES {
            break;
        }
        bytes += entry.bytes;
        taken += 1;
    }
    let has_more = entries.len() > taken;
    let until = entries.get(taken.wrapping_sub(1)).map_or(since, |e| e.seq);
    let rows = if taken == 0 {
        Vec::new()
    } else {
        db::changes(&app.db, &advisor.store, window, until).await?
    };
    let changes: Vec<String> = rows.iter().map(served).collect();
    let body = format!(
        r#"{{"changes":[{}],"next":"{until}","has_more":{has_more}}}"#,
        changes.join(",")
    );
    Ok((
        StatusCode::OK,
        [(header::CONTENT_TYPE, "application/json")],
        body,
    )
        .into_response())
}

/// `q` (normalised as the app does) and `limit` of `/search`.
fn search_query(query: Option<&str>) -> Result<(String, usize), ApiError> {
    let bad = |what: &str| ApiError::new(StatusCode::BAD_REQUEST, "bad_request", what.to_string());
    let (mut term, mut limit) = (String::new(), 20);
    for (name, value) in url_pairs(query.unwrap_or_default()) {
        match name.as_str() {
            "q" => term = normalise(&value),
            "limit" => {
                limit = bounded(&value, SEARCH_LIMIT as i64)
                    .ok_or_else(|| bad("limit is a whole number from 1 to 50."))?
                    as usize
            }
            _ => {}
        }
    }
    if term.is_empty() || term.chars().count() > 40 {
        return Err(bad("q is part of a plate or a VIN: 1 to 40 characters."));
    }
    Ok((term, limit))
}

/// The store's jobs whose plate contains `q` or whose VIN starts with it or ends with six or
/// more of its characters (the app's own search rule, `Summary::matches`), newest written
/// first: for a plate or VIN the device does not hold.
async fn search(
    State(app): State<AppState>,
    advisor: Advisor,
    RawQuery(query): RawQuery,
) -> Result<Json<Search>, ApiError> {
    let (term, limit) = search_query(query.as_deref())?;
    let reads = i64::try_from(search_reads(limit)).unwrap_or(i64::MAX);
    let rows = db::search(&app.db, &advisor.store, &term, reads).await?;
    let jobs = rows
        .iter()
        .filter_map(|row| schema::restore(row.document.as_deref()?).ok())
        .map(|job| Summary::of(&job))
        .filter(|summary| summary.matches(&term))
        .take(limit)
        .map(|summary| Found::of(&summary))
        .collect();
    Ok(Json(Search { jobs }))
}
