//! The service manager's read-only page: today's jobs of the store with their state, photos
//! and seal status, each seal recomputed here with the domain crate. Signing in takes an
//! advisor token once (kept in an HttpOnly cookie scoped to `/manager`), so the token never
//! appears in an address or a log.

use crate::db::{self, Advisor};
use crate::AppState;
use axum::extract::{Form, Path, State};
use axum::http::{header, HeaderMap, StatusCode};
use axum::response::{Html, IntoResponse, Redirect, Response};
use axum::routing::get;
use axum::Router;
use lanecheck_domain::seal::SealStatus;
use lanecheck_domain::{schema, Job};
use serde::Deserialize;

const COOKIE: &str = "lc_manager";

pub fn routes() -> Router<AppState> {
    Router::new()
        .route("/manager", get(page).post(sign_in))
        .route("/manager/blobs/{sha256}", get(blob))
}

fn escape(text: &str) -> String {
    text.replace('&', "&amp;")
        .replace('<', "&lt;")
        .replace('>', "&gt;")
        .replace('"', "&quot;")
}

async fn signed_in(app: &AppState, headers: &HeaderMap) -> Option<Advisor> {
    let token = headers
        .get_all(header::COOKIE)
        .iter()
        .filter_map(|v| v.to_str().ok())
        .flat_map(|v| v.split(';'))
        .find_map(|pair| {
            pair.trim()
                .strip_prefix(&format!("{COOKIE}="))
                .map(str::to_string)
        })?;
    db::advisor_by_token(&app.db, &token).await.ok().flatten()
}

#[derive(Deserialize)]
struct SignIn {
    token: String,
}

async fn sign_in(Form(form): Form<SignIn>) -> Response {
    let cookie = format!(
        "{COOKIE}={}; HttpOnly; SameSite=Strict; Path=/manager",
        form.token.trim().replace([';', ' ', '\r', '\n'], "")
    );
    ([(header::SET_COOKIE, cookie)], Redirect::to("/manager")).into_response()
}

fn frame(title: &str, body: &str) -> Html<String> {
    Html(format!(
        r#"<!doctype html><html lang="zh-CN"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1"><title>{title}</title><style>
body{{font-family:system-ui,"Noto Sans CJK SC",sans-serif;margin:0 auto;max-width:960px;padding:16px;color:#111827;background:#f3f4f6}}
h1{{font-size:1.4rem}}table{{width:100%;border-collapse:collapse;background:#fff}}th,td{{text-align:left;padding:8px;border-bottom:1px solid #d1d5db;vertical-align:top}}
.ok{{color:#166534;font-weight:600}}.bad{{color:#b91c1c;font-weight:700}}img{{width:64px;height:64px;object-fit:cover;border-radius:6px;margin:2px}}
input,button{{font:inherit;min-height:44px;padding:8px}}</style></head><body>{body}</body></html>"#
    ))
}

async fn page(State(app): State<AppState>, headers: HeaderMap) -> Response {
    let Some(advisor) = signed_in(&app, &headers).await else {
        return frame(
            "LaneCheck 服务经理",
            r#"<h1>LaneCheck 服务经理 · Service manager</h1><form method="post"><label for="token">令牌 Token</label><br><input id="token" name="token" type="password" autocomplete="off" required> <button type="submit">进入 Open</button></form>"#,
        )
        .into_response();
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
        r#"<h1>今日接车 · Today's jobs — {store} ({today})</h1><p>{count} 单 jobs</p><table><thead><tr><th>车牌 Plate</th><th>单号 No.</th><th>状态 State</th><th>照片 Photos</th><th>封签 Seal</th></tr></thead><tbody>{lines}</tbody></table>"#,
        store = escape(&advisor.store),
        count = jobs.len(),
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
    let Some(advisor) = signed_in(&app, &headers).await else {
        return StatusCode::UNAUTHORIZED.into_response();
    };
    match app.blobs.read(&advisor.store, &sha256).await {
        Ok(Some(bytes)) => ([(header::CONTENT_TYPE, "image/jpeg")], bytes).into_response(),
        _ => StatusCode::NOT_FOUND.into_response(),
    }
}
