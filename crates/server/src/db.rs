//! The server's database: stores, advisors (tokens kept as SHA-256 hashes), jobs and the
//! idempotency record. SQLite by default (a file under the data directory), PostgreSQL when
//! `DATABASE_URL` names one; the same SQL runs on both through sqlx's `Any` driver.
//!
//! The change feed is the jobs table itself: each write gives the job the next number of its
//! store's sequence, taken from a counter row updated in the write's own transaction. The row
//! lock serialises writers of a store, so numbers are handed out in commit order and a reader
//! paging by number never skips a write that commits later.

use lanecheck_domain::seal::sha256_hex;
use sqlx::any::{install_default_drivers, AnyPoolOptions};
use sqlx::{AnyPool, Row};

pub type Db = AnyPool;

const SCHEMA: &[&str] = &[
    "CREATE TABLE IF NOT EXISTS stores (id TEXT PRIMARY KEY, name TEXT NOT NULL, seq BIGINT NOT NULL)",
    "CREATE TABLE IF NOT EXISTS advisors (id TEXT PRIMARY KEY, store_id TEXT NOT NULL, name TEXT NOT NULL, token_hash TEXT NOT NULL UNIQUE)",
    "CREATE TABLE IF NOT EXISTS jobs (store_id TEXT NOT NULL, id TEXT NOT NULL, seq BIGINT NOT NULL, deleted BIGINT NOT NULL, document TEXT, day TEXT NOT NULL, PRIMARY KEY (store_id, id))",
    "CREATE INDEX IF NOT EXISTS jobs_feed ON jobs (store_id, seq)",
    "CREATE TABLE IF NOT EXISTS idempotency (advisor_id TEXT NOT NULL, key TEXT NOT NULL, request TEXT NOT NULL, status BIGINT NOT NULL, body TEXT NOT NULL, created BIGINT NOT NULL, PRIMARY KEY (advisor_id, key))",
];

/// Opens (and creates) the database and its tables.
pub async fn open(url: &str) -> Result<Db, sqlx::Error> {
    install_default_drivers();
    // SQLite allows one writer; more connections would only wait for each other's locks.
    let connections = if url.starts_with("sqlite:") { 1 } else { 8 };
    let db = AnyPoolOptions::new()
        .max_connections(connections)
        .connect(url)
        .await?;
    for statement in SCHEMA {
        sqlx::query(statement).execute(&db).await?;
    }
    Ok(db)
}

/// A new secret token: 244 random bits.
pub fn new_token() -> String {
    format!(
        "lc_{}{}",
        uuid::Uuid::new_v4().simple(),
        uuid::Uuid::new_v4().simple()
    )
}

/// Whose token it is.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Advisor {
    pub id: String,
    pub name: String,
    pub store: String,
}

pub async fn advisor_by_token(db: &Db, token: &str) -> Result<Option<Advisor>, sqlx::Error> {
    let row = sqlx::query("SELECT id, name, store_id FROM advisors WHERE token_hash = $1")
        .bind(sha256_hex(token.as_bytes()))
        .fetch_optional(db)
        .await?;
    Ok(row.map(|r| Advisor {
        id: r.get(0),
        name: r.get(1),
        store: r.get(2),
    }))
}

pub async fn advisor_count(db: &Db) -> Result<i64, sqlx::Error> {
    sqlx::query("SELECT COUNT(*) FROM advisors")
        .fetch_one(db)
        .await
        .map(|r| r.get(0))
}

/// Creates an advisor (and its store, if new) and returns the advisor's token, which is not
/// kept: only its hash is stored.
pub async fn add_advisor(db: &Db, store: &str, name: &str) -> Result<String, sqlx::Error> {
    let mut tx = db.begin().await?;
    let known = sqlx::query("SELECT id FROM stores WHERE id = $1")
        .bind(store)
        .fetch_optional(&mut *tx)
        .await?;
    if known.is_none() {
        sqlx::query("INSERT INTO stores (id, name, seq) VALUES ($1, $2, 0)")
            .bind(store)
            .bind(store)
            .execute(&mut *tx)
            .await?;
    }
    let token = new_token();
    sqlx::query("INSERT INTO advisors (id, store_id, name, token_hash) VALUES ($1, $2, $3, $4)")
        .bind(uuid::Uuid::new_v4().to_string())
        .bind(store)
        .bind(name)
        .bind(sha256_hex(token.as_bytes()))
        .execute(&mut *tx)
        .await?;
    tx.commit().await?;
    Ok(token)
}

/// A job row: its feed number (which is also its version), tombstone flag and document.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct JobRow {
    pub id: String,
    pub seq: i64,
    pub deleted: bool,
    pub document: Option<String>,
}

fn job_row(r: &sqlx::any::AnyRow) -> JobRow {
    JobRow {
        id: r.get(0),
        seq: r.get(1),
        deleted: r.get::<i64, _>(2) != 0,
        document: r.get(3),
    }
}

pub async fn job(db: &Db, store: &str, id: &str) -> Result<Option<JobRow>, sqlx::Error> {
    let row =
        sqlx::query("SELECT id, seq, deleted, document FROM jobs WHERE store_id = $1 AND id = $2")
            .bind(store)
            .bind(id)
            .fetch_optional(db)
            .await?;
    Ok(row.as_ref().map(job_row))
}

/// What a conditional write found.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Write {
    Created(JobRow),
    Replaced(JobRow),
    /// The precondition failed; the current row (if any).
    Stale(Option<JobRow>),
}

/// The precondition of a write: `None` to create, `Some(version)` to replace that version.
pub async fn write_job(
    db: &Db,
    store: &str,
    id: &str,
    expected: Option<i64>,
    document: Option<&str>,
    day: &str,
) -> Result<Write, sqlx::Error> {
    let mut tx = db.begin().await?;
    // Taking the store's next number locks its counter row until commit.
    let seq: i64 = sqlx::query("UPDATE stores SET seq = seq + 1 WHERE id = $1 RETURNING seq")
        .bind(store)
        .fetch_one(&mut *tx)
        .await?
        .get(0);
    let current =
        sqlx::query("SELECT id, seq, deleted, document FROM jobs WHERE store_id = $1 AND id = $2")
            .bind(store)
            .bind(id)
            .fetch_optional(&mut *tx)
            .await?
            .as_ref()
            .map(job_row);
    let row = JobRow {
        id: id.to_string(),
        seq,
        deleted: document.is_none(),
        document: document.map(str::to_string),
    };
    let write = match (&current, expected) {
        (None, None) => {
            sqlx::query("INSERT INTO jobs (store_id, id, seq, deleted, document, day) VALUES ($1, $2, $3, $4, $5, $6)")
                .bind(store)
                .bind(id)
                .bind(seq)
                .bind(i64::from(row.deleted))
                .bind(document)
                .bind(day)
                .execute(&mut *tx)
                .await?;
            Write::Created(row)
        }
        (Some(now), Some(version)) if now.seq == version => {
            sqlx::query("UPDATE jobs SET seq = $1, deleted = $2, document = $3, day = $4 WHERE store_id = $5 AND id = $6")
                .bind(seq)
                .bind(i64::from(row.deleted))
                .bind(document)
                .bind(day)
                .bind(store)
                .bind(id)
                .execute(&mut *tx)
                .await?;
            Write::Replaced(row)
        }
        _ => {
            tx.rollback().await?;
            return Ok(Write::Stale(current));
        }
    };
    tx.commit().await?;
    Ok(write)
}

/// The store's jobs written after `since`, in write order.
pub async fn changes(
    db: &Db,
    store: &str,
    since: i64,
    limit: i64,
) -> Result<Vec<JobRow>, sqlx::Error> {
    let rows = sqlx::query(
        "SELECT id, seq, deleted, document FROM jobs WHERE store_id = $1 AND seq > $2 ORDER BY seq LIMIT $3",
    )
    .bind(store)
    .bind(since)
    .bind(limit)
    .fetch_all(db)
    .await?;
    Ok(rows.iter().map(job_row).collect())
}

/// The store's jobs of one day (local date `YYYY-MM-DD` of their last write), newest first.
pub async fn jobs_of_day(db: &Db, store: &str, day: &str) -> Result<Vec<JobRow>, sqlx::Error> {
    let rows = sqlx::query(
        "SELECT id, seq, deleted, document FROM jobs WHERE store_id = $1 AND day = $2 AND deleted = 0 ORDER BY seq DESC",
    )
    .bind(store)
    .bind(day)
    .fetch_all(db)
    .await?;
    Ok(rows.iter().map(job_row).collect())
}

/// A recorded answer to an idempotent write.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Recorded {
    pub request: String,
    pub status: u16,
    pub body: String,
}

pub async fn recorded(db: &Db, advisor: &str, key: &str) -> Result<Option<Recorded>, sqlx::Error> {
    let row = sqlx::query(
        "SELECT request, status, body FROM idempotency WHERE advisor_id = $1 AND key = $2",
    )
    .bind(advisor)
    .bind(key)
    .fetch_optional(db)
    .await?;
    Ok(row.map(|r| Recorded {
        request: r.get(0),
        status: u16::try_from(r.get::<i64, _>(1)).unwrap_or(500),
        body: r.get(2),
    }))
}

/// Records the answer to a write under its key (the first answer wins if two race).
pub async fn record(
    db: &Db,
    advisor: &str,
    key: &str,
    answer: &Recorded,
    now_ms: i64,
) -> Result<(), sqlx::Error> {
    sqlx::query(
        "INSERT INTO idempotency (advisor_id, key, request, status, body, created) VALUES ($1, $2, $3, $4, $5, $6) ON CONFLICT DO NOTHING",
    )
    .bind(advisor)
    .bind(key)
    .bind(&answer.request)
    .bind(i64::from(answer.status))
    .bind(&answer.body)
    .bind(now_ms)
    .execute(db)
    .await?;
    Ok(())
}
