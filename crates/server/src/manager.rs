//! The service manager's read-only page: today's jobs of the store with their state, photos
//! and seal status, each seal recomputed here with the domain crate. Signing in takes a token
//! of the manager role once and starts a server-side session: the cookie holds only the
//! session's random id (HttpOnly, SameSite=Strict, Secure over https, scoped to `/manager`),
//! never the token. Sign-in and sign-out are refused from another site, failed sign-ins are
//! slowed down like failed API calls, and a revoked or expired token ends its sessions.

use crate::api::ApiError;
use crate::auth;
use crate::db::{self, Advisor, Role};
use crate::AppState;
use axum::extract::{Form, FromRequest, Path, State};
use axum::http::{header, HeaderMap, StatusCode};
use axum::response::{Html, IntoResponse, Redirect, Response};
use axum::routing::{get, post};
use axum::Router;
use lanecheck_domain::seal::{sha256_hex, SealStatus};
use lanecheck_domain::{schema, Job};
use serde::Deserialize;

const COOKIE: &str = "lc_session";
/// How long a manager's session lasts.
const SESSION_MS: i64 = 12 * 3600 * 1000;

/// The page's only style, allowed by its hash in the Content-Security-Policy.
pub const STYLE: &str = r#"body{font-family:system-ui,"Noto Sans CJK SC",sans-serif;margin:0 auto;max-width:960px;padding:16px;color:#111827;background:#f3f4f6}
h1{font-size:1.4rem}table{width:100%;border-collapse:collapse;background:#fff}th,td{text-align:left;padding:8px;border-bottom:1px solid #d1d5db;vertical-align:top}
.ok{color:#166534;font-weight:600}.bad{color:#b91c1c;font-weight:700}img{width:64px;height:64px;object-fit:cover;border-radius:6px;margin:2px}
input,button{font:inherit;min-height:44px;padding:8px}.error{color:#b91c1c;font-weight:600}"#;

pub fn routes() -> Router<AppState> {
    Router::new()
        .route("/manager", get(page).post(sign_in))
        .route("/manager/sign-out", post(sign_out))
        .route("/manager/blobs/{sha256}", get(blob))
}

fn escape(text: &str) -> String {
    text.replace('&', "&amp;")
        .replace('<', "&lt;")
        .replace('>', "&gt;")
        .replace('"', "&quot;")
}

fn now_ms() -> i64 {
    chrono::Utc::now().timestamp_millis()
}

/// The session id of the request's cookie.
fn session_id(headers: &HeaderMap) -> Option<String> {
    headers
        .get_all(header::COOKIE)
        .iter()
        .filter_map(|v| v.to_str().ok())
        .flat_map(|v| v.split(';'))
        .find_map(|pair| {
            pair.trim()
                .strip_prefix(&format!("{COOKIE}="))
                .map(str::to_string)
        })
}

async fn signed_in(app: &AppState, headers: &HeaderMap) -> Option<(String, Advisor)> {
    let id = session_id(headers)?;
    let manager = db::session(&app.db, &id, now_ms()).await.ok().flatten()?;
    Some((id, manager))
}

/// The token that proves a sign-out form came from this session's own page.
fn form_token(session: &str) -> String {
    sha256_hex(format!("sign-out:{session}").as_bytes())
}

/// Whether a form post came from this server's own page: browsers say so in `Sec-Fetch-Site`
/// or, failing that, in `Origin`, which must then be this host.
fn same_site(headers: &HeaderMap) -> bool {
    let text = |name: &str| headers.get(name).and_then(|v| v.to_str().ok());
    if let Some(site) = text("sec-fetch-site") {
        return site == "same-origin" || site == "none";
    }
    match (text("origin"), text("host")) {
        (Some(origin), Some(host)) => {
            origin
                .strip_prefix("http://")
                .or_else(|| origin.strip_prefix("https://"))
                == Some(host)
        }
        // Not a browser's cross-site form: those always send Origin.
        (None, _) => true,
        _ => false,
    }
}

/// Whether the request reached us over https (directly or through a proxy that says so).
fn over_https(headers: &HeaderMap) -> bool {
    let text = |name: &str| headers.get(name).and_then(|v| v.to_str().ok());
    text("x-forwarded-proto") == Some("https")
        || text("origin").is_some_and(|o| o.starts_with("https://"))
}

#[derive(Deserialize)]
struct SignIn {
    token: String,
}

const SIGN_IN_FORM: &str = r#"<h1>LaneCheck 服务经理 · Service manager</h1><form method="post" action="/manager"><label for="token">令牌 Token</label><br><input id="token" name="token" type="password" autocomplete="off" required> <button type="submit">进入 Open</button></form>"#;

fn sign_in_page(status: StatusCode, message: &str) -> Response {
    let body = if message.is_empty() {
        SIGN_IN_FORM.to_string()
    } else {
        format!(
            r#"{SIGN_IN_FORM}<p class="error" role="alert">{}</p>"#,
            escape(message)
        )
    };
    (status, frame("LaneCheck 服务经理", &body)).into_response()
}

async fn sign_in(State(app): State<AppState>, request: axum::extract::Request) -> Response {
    let client = auth::client(request.extensions());
    let headers = request.headers().clone();
    if !same_site(&headers) {
        return sign_in_page(
            StatusCode::FORBIDDEN,
            "登录请求来自其他网站，已拒绝。 A sign-in from another site was refused.",
        );
    }
    if let Some(seconds) = app.throttle.wait(client) {
        return ApiError::rate_limited(seconds).into_response();
    }
    let Ok(Form(form)) = Form::<SignIn>::from_request(request, &app).await else {
        return sign_in_page(StatusCode::BAD_REQUEST, "请输入令牌。 Enter a token.");
    };
    let holder = db::advisor_by_token(&app.db, form.token.trim(), now_ms()).await;
    let manager = match holder {
        Ok(Some(holder)) if holder.role == Role::Manager => holder,
        Ok(found) => {
            app.throttle.failed(client);
            let message = if found.is_some() {
                "此令牌不是服务经理的令牌。 This token is not a service manager's."
            } else {
                "令牌无效、已过期或已撤销。 The token is unknown, expired or revoked."
            };
            return sign_in_page(StatusCode::UNAUTHORIZED, message);
        }
        Err(_) => return (StatusCode::SERVICE_UNAVAILABLE, "database unavailable").into_response(),
    };
    let Ok(session) = db::start_session(&app.db, &manager.id, now_ms() + SESSION_MS).await else {
        return (StatusCode::SERVICE_UNAVAILABLE, "database unavailable").into_response();
    };
    let secure = if over_https(&headers) { "; Secure" } else { "" };
    let cookie = format!(
        "{COOKIE}={session}; HttpOnly; SameSite=Strict; Path=/manager; Max-Age={}{secure}",
        SESSION_MS / 1000
    );
    ([(header::SET_COOKIE, cookie)], Redirect::to("/manager")).into_response()
}

#[derive(Deserialize)]
struct SignOut {
    form: String,
}

async fn sign_out(
    State(app): State<AppState>,
    headers: HeaderMap,
    Form(form): Form<SignOut>,
) -> Response {
    let Some((session, _)) = signed_in(&app, &headers).await else {
        return Redirect::to("/manager").into_response();
    };
    if !same_site(&headers) || form.form != form_token(&session) {
        return (StatusCode::FORBIDDEN, "sign-out refused").into_response();
    }
    let _ = db::end_session(&app.db, &session).await;
    let cookie = format!("{COOKIE}=; HttpOnly; SameSite=Strict; Path=/manager; Max-Age=0");
    ([(header::SET_COOKIE, cookie)], Redirect::to("/manager")).into_response()
}

fn frame(title: &str, body: &str) -> Html<String> {
    Html(format!(
        r#"<!doctype html><html lang="zh-CN"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1"><title>{title}</title><style>{STYLE}</style></head><body>{body}</body></html>"#
    ))
}

async fn page(State(app): State<AppState>, headers: HeaderMap) -> Response {
    let Some((session, advisor)) = signed_in(&app, &headers).await else {
        return sign_in_page(StatusCode::OK, "");
    };
    let today = chrono::Local::now().format("%Y-%m-%d").to_string();
    let rows = match db::jobs_of_day(&app.db, &advisor.store, &today).await {
        Ok(rows) => rows,
        Err(_) => return (StatusCode::SERVICE_UNAVAILABLE, "database unavailable").into_response(),
    };
    let jobs: Vec<Job> = rows
        .iter()
        .filter_map(|r| r.document.as_deref())
        .filter_map(|text| schema::restore(text).ok())
        .collect();
    let lines: String = jobs.iter().map(row).collect();
    let body = format!(
        r#"<h1>今日接车 · Today's jobs — {store} ({today})</h1><form method="post" action="/manager/sign-out"><input type="hidden" name="form" value="{form}"><button type="submit">退出 Sign out</button></form><p>{count} 单 jobs</p><table><thead><tr><th>车牌 Plate</th><th>单号 No.</th><th>状态 State</th><th>照片 Photos</th><th>封签 Seal</th></tr></thead><tbody>{lines}</tbody></table>"#,
        store = escape(&advisor.store_name),
        count = jobs.len(),
        form = form_token(&session),
    );
    frame("LaneCheck 今日接车", &body).into_response()
}

fn row(job: &Job) -> String {
    let seal = match job.seal_status() {
        SealStatus::Unsealed => r#"<span>未签字 unsigned</span>"#.to_string(),
        SealStatus::Intact => r#"<span class="ok">完好 intact</span>"#.to_string(),
        SealStatus::Broken => r#"<span class="bad">被改动 BROKEN</span>"#.to_string(),
    };
    let photos: String = job
        .photos
        .iter()
        .map(|p| {
            format!(
                r#"<img src="/manager/blobs/{0}" alt="photo {0:.8}">"#,
                p.sha256
            )
        })
        .collect();
    format!(
        "<tr><td>{plate}</td><td>{no}</td><td>{state:?}</td><td>{photos}</td><td>{seal}</td></tr>",
        plate = escape(&job.vehicle.plate.to_string()),
        no = job.id.short(),
        state = job.state,
    )
}

async fn blob(
    State(app): State<AppState>,
    headers: HeaderMap,
    Path(sha256): Path<String>,
) -> Response {
    let Some((_, advisor)) = signed_in(&app, &headers).await else {
        return StatusCode::UNAUTHORIZED.into_response();
    };
    match app.blobs.read(&advisor.store, &sha256).await {
        Ok(Some(bytes)) => ([(header::CONTENT_TYPE, "image/jpeg")], bytes).into_response(),
        _ => StatusCode::NOT_FOUND.into_response(),
    }
}
