//! The LaneCheck Sync v1 endpoints (docs/sync-v1.openapi.yaml) under `/sync/v1`.

use crate::blobs::is_sha256;
use crate::db::{self, Advisor, Recorded, Write};
use crate::AppState;
use axum::body::Bytes;
use axum::extract::rejection::BytesRejection;
use axum::extract::{FromRef, FromRequestParts, Path, Query, State};
use axum::http::request::Parts;
use axum::http::{header, HeaderMap, HeaderValue, StatusCode};
use axum::response::{IntoResponse, Response};
use axum::routing::get;
use axum::{Json, Router};
use lanecheck_domain::seal::sha256_hex;
use lanecheck_domain::{schema, Job, JobId};
use lanecheck_sync::protocol::{blob_refs, etag, version_of, Changes, ErrorBody, Stored, WhoAmI};
use serde::Deserialize;

pub fn routes() -> Router<AppState> {
    Router::new()
        .route("/whoami", get(whoami))
        .route(
            "/blobs/{sha256}",
            get(get_blob).head(head_blob).put(put_blob),
        )
        .route("/jobs/{id}", get(get_job).put(put_job).delete(delete_job))
        .route("/changes", get(changes))
}

/// An error answer with the contract's body.
pub struct ApiError {
    status: StatusCode,
    body: ErrorBody,
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
        (self.status, Json(self.body)).into_response()
    }
}

impl<S: Send + Sync> FromRequestParts<S> for Advisor
where
    AppState: axum::extract::FromRef<S>,
{
    type Rejection = ApiError;

    async fn from_request_parts(parts: &mut Parts, state: &S) -> Result<Self, Self::Rejection> {
        let app = AppState::from_ref(state);
        let token = parts
            .headers
            .get(header::AUTHORIZATION)
            .and_then(|v| v.to_str().ok())
            .and_then(|v| v.strip_prefix("Bearer "))
            .map(str::trim)
            .unwrap_or_default();
        let unauthorized = || {
            ApiError::new(
                StatusCode::UNAUTHORIZED,
                "unauthorized",
                "The token is missing, unknown or revoked.",
            )
        };
        if token.is_empty() {
            return Err(unauthorized());
        }
        db::advisor_by_token(&app.db, token)
            .await?
            .ok_or_else(unauthorized)
    }
}

async fn whoami(State(app): State<AppState>, advisor: Advisor) -> Json<WhoAmI> {
    Json(WhoAmI {
        advisor: advisor.name,
        store: advisor.store,
        max_blob_bytes: app.limits.blob_bytes as u64,
        max_job_bytes: app.limits.job_bytes as u64,
    })
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

/// The body, or 413 when it is over `limit` (or over what the server reads at all).
fn within(
    body: Result<Bytes, BytesRejection>,
    limit: usize,
    what: &str,
) -> Result<Bytes, ApiError> {
    body.ok().filter(|b| b.len() <= limit).ok_or_else(|| {
        ApiError::new(
            StatusCode::PAYLOAD_TOO_LARGE,
            "too_large",
            format!("The {what} is larger than this server accepts."),
        )
    })
}

async fn put_blob(
    State(app): State<AppState>,
    advisor: Advisor,
    Path(sha256): Path<String>,
    body: Result<Bytes, BytesRejection>,
) -> Result<StatusCode, ApiError> {
    valid_sha(&sha256)?;
    let body = within(body, app.limits.blob_bytes, "blob")?;
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

fn stored_of(row: db::JobRow) -> Stored {
    let document = row
        .document
        .as_deref()
        .and_then(|text| schema::restore(text).ok());
    Stored {
        id: JobId::parse(&row.id).unwrap_or(JobId(uuid::Uuid::nil())),
        version: row.seq.to_string(),
        deleted: row.deleted,
        document,
    }
}

fn with_etag(status: StatusCode, stored: Stored) -> Response {
    let tag = HeaderValue::from_str(&etag(&stored.version)).ok();
    let mut response = (status, Json(stored)).into_response();
    if let Some(tag) = tag {
        response.headers_mut().insert(header::ETAG, tag);
    }
    response
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
        Some(row) => Ok(with_etag(StatusCode::OK, stored_of(row))),
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

/// Runs a write once per idempotency key: a replay with the same request gets the recorded
/// answer; the same key with another request is refused.
async fn once(
    app: &AppState,
    advisor: &Advisor,
    headers: &HeaderMap,
    request: String,
    write: impl std::future::Future<Output = Result<Response, ApiError>>,
) -> Result<Response, ApiError> {
    let key = idempotency_key(headers)?;
    let request = sha256_hex(request.as_bytes());
    if let Some(seen) = db::recorded(&app.db, &advisor.id, &key).await? {
        if seen.request != request {
            return Err(ApiError::new(
                StatusCode::UNPROCESSABLE_ENTITY,
                "idempotency_conflict",
                "This Idempotency-Key was used for another request.",
            ));
        }
        let status = StatusCode::from_u16(seen.status).unwrap_or(StatusCode::OK);
        let mut response = (
            status,
            [(header::CONTENT_TYPE, "application/json")],
            seen.body.clone(),
        )
            .into_response();
        if let Some(tag) = serde_json::from_str::<Stored>(&seen.body)
            .ok()
            .and_then(|s| HeaderValue::from_str(&etag(&s.version)).ok())
        {
            response.headers_mut().insert(header::ETAG, tag);
        }
        return Ok(response);
    }
    let response = write.await?;
    // Successful writes are recorded; a refusal may be retried with the same key.
    if response.status().is_success() {
        let (parts, body) = response.into_parts();
        let bytes = axum::body::to_bytes(body, usize::MAX)
            .await
            .unwrap_or_default();
        let answer = Recorded {
            request,
            status: parts.status.as_u16(),
            body: String::from_utf8_lossy(&bytes).into_owned(),
        };
        db::record(
            &app.db,
            &advisor.id,
            &key,
            &answer,
            chrono::Utc::now().timestamp_millis(),
        )
        .await?;
        return Ok(Response::from_parts(parts, axum::body::Body::from(bytes)));
    }
    Ok(response)
}

fn today() -> String {
    chrono::Local::now().format("%Y-%m-%d").to_string()
}

async fn put_job(
    State(app): State<AppState>,
    advisor: Advisor,
    Path(id): Path<String>,
    headers: HeaderMap,
    body: Result<Bytes, BytesRejection>,
) -> Result<Response, ApiError> {
    let id = job_id(&id)?;
    let body = within(body, app.limits.job_bytes, "job document")?;
    let text = std::str::from_utf8(&body).map_err(|_| {
        ApiError::new(
            StatusCode::BAD_REQUEST,
            "invalid_document",
            "The body is not UTF-8 JSON.",
        )
    })?;
    let job: Job = schema::restore(text).map_err(|_| {
        ApiError::new(
            StatusCode::UNPROCESSABLE_ENTITY,
            "invalid_document",
            "The body is not a LaneCheck job document.",
        )
    })?;
    if job.id != id {
        return Err(ApiError::new(
            StatusCode::UNPROCESSABLE_ENTITY,
            "invalid_document",
            "The document's id is not the one in its address.",
        ));
    }
    let expected = precondition(&headers, true)?;
    let request = format!("PUT {id} {expected:?} {text}");
    once(&app, &advisor, &headers, request, async {
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
        let document = schema::store(&job).map_err(|_| {
            ApiError::new(
                StatusCode::UNPROCESSABLE_ENTITY,
                "invalid_document",
                "The job document cannot be stored.",
            )
        })?;
        let written = db::write_job(
            &app.db,
            &advisor.store,
            &id.to_string(),
            expected,
            Some(&document),
            &today(),
        )
        .await?;
        Ok(written_response(written, &advisor, &headers))
    })
    .await
}

async fn delete_job(
    State(app): State<AppState>,
    advisor: Advisor,
    Path(id): Path<String>,
    headers: HeaderMap,
) -> Result<Response, ApiError> {
    let id = job_id(&id)?;
    let expected = precondition(&headers, false)?;
    let request = format!("DELETE {id} {expected:?}");
    once(&app, &advisor, &headers, request, async {
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
        let written = db::write_job(
            &app.db,
            &advisor.store,
            &id.to_string(),
            expected,
            None,
            &today(),
        )
        .await?;
        Ok(written_response(written, &advisor, &headers))
    })
    .await
}

/// The device name the app sends (`X-LaneCheck-Device`, percent-encoded UTF-8), for the log:
/// which of the store's devices wrote a job.
fn device(headers: &HeaderMap) -> String {
    let raw = headers
        .get("x-lanecheck-device")
        .and_then(|v| v.to_str().ok());
    percent_encoding::percent_decode_str(raw.unwrap_or_default())
        .decode_utf8_lossy()
        .into_owned()
}

fn written_response(written: Write, advisor: &Advisor, headers: &HeaderMap) -> Response {
    let device = device(headers);
    match written {
        Write::Created(row) => {
            tracing::info!(store = %advisor.store, advisor = %advisor.name, device = %device, job = %row.id, version = row.seq, "job created");
            with_etag(StatusCode::CREATED, stored_of(row))
        }
        Write::Replaced(row) => {
            tracing::info!(store = %advisor.store, advisor = %advisor.name, device = %device, job = %row.id, version = row.seq, deleted = row.deleted, "job written");
            with_etag(StatusCode::OK, stored_of(row))
        }
        Write::Stale(Some(row)) => with_etag(StatusCode::PRECONDITION_FAILED, stored_of(row)),
        Write::Stale(None) => ApiError::new(
            StatusCode::PRECONDITION_FAILED,
            "precondition_failed",
            "The job does not exist.",
        )
        .into_response(),
    }
}

#[derive(Deserialize)]
struct Since {
    #[serde(default)]
    since: String,
    limit: Option<i64>,
}

async fn changes(
    State(app): State<AppState>,
    advisor: Advisor,
    Query(q): Query<Since>,
) -> Result<Json<Changes>, ApiError> {
    let since: i64 = if q.since.is_empty() {
        0
    } else {
        q.since
            .parse()
            .map_err(|_| ApiError::new(StatusCode::BAD_REQUEST, "bad_request", "Unknown cursor."))?
    };
    let limit = q.limit.unwrap_or(100).clamp(1, 500);
    let rows = db::changes(&app.db, &advisor.store, since, limit + 1).await?;
    let has_more = rows.len() as i64 > limit;
    let rows: Vec<_> = rows.into_iter().take(limit as usize).collect();
    let next = rows.last().map_or(since, |r| r.seq).to_string();
    Ok(Json(Changes {
        changes: rows.into_iter().map(stored_of).collect(),
        next,
        has_more,
    }))
}
