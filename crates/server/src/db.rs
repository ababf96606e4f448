//! The server's database: stores, tokens (kept as SHA-256 hashes), manager sessions, jobs, the
//! idempotency record and each store's catalogue. SQLite by default (a file under the data directory), PostgreSQL when
//! `DATABASE_URL` names one; the same SQL runs on both through sqlx's `Any` driver.
//!
//! Every row and every blob folder is keyed by a store's opaque id (a UUID made when the store
//! is first named), never by its name: two stores are two ids, however their names are spelt.
//! Stores made before this rule keep their old id (their name); it is only ever compared whole.
//!
//! The change feed is the jobs table itself: each write gives the job the next number of its
//! store's sequence, taken from a counter row updated in the write's own transaction. The row
//! lock serialises writers of a store, so numbers are handed out in commit order and a reader
//! paging by number never skips a write that commits later.
//!
//! An idempotent write claims its key in the same transaction as the write itself, so duplicates
//! that arrive together wait for the first and replay its answer.

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
    "CREATE INDEX IF NOT EXISTS idempotency_age ON idempotency (created)",
    "CREATE TABLE IF NOT EXISTS sessions (id_hash TEXT PRIMARY KEY, advisor_id TEXT NOT NULL, expires BIGINT NOT NULL)",
    "CREATE TABLE IF NOT EXISTS catalogues (store_id TEXT PRIMARY KEY, document TEXT NOT NULL, version TEXT NOT NULL, updated BIGINT NOT NULL)",
];

/// Columns added to `advisors` after its first release: (column, definition).
const ADVISOR_COLUMNS: &[(&str, &str)] = &[
    ("role", "TEXT NOT NULL DEFAULT 'advisor'"),
    ("created", "BIGINT NOT NULL DEFAULT 0"),
    ("expires", "BIGINT"),
    ("revoked", "BIGINT NOT NULL DEFAULT 0"),
];

/// Columns added to `jobs` after its first release: (column, definition), both derived from
/// the document. `finished` is 1 for a document of a finished job (delivered or followed up),
/// which a new device's pull may leave out once it is old (`/changes?finished_since=`);
/// `vehicle` is the plate and VIN `/search` looks in (`vehicle_of`). Rows written before a
/// column existed get it from their documents when it is added.
const JOB_COLUMNS: &[(&str, &str)] = &[
    ("finished", "BIGINT NOT NULL DEFAULT 0"),
    ("vehicle", "TEXT NOT NULL DEFAULT ''"),
];

/// How long a replayable answer is kept: the contract promises at least 7 days.
pub const IDEMPOTENCY_RETENTION_MS: i64 = 8 * 24 * 3600 * 1000;

/// Opens (and creates or upgrades) the database and its tables.
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
    for (column, definition) in ADVISOR_COLUMNS {
        add_column(&db, "advisors", column, definition).await?;
    }
    let mut added = false;
    for (column, definition) in JOB_COLUMNS {
        added |= add_column(&db, "jobs", column, definition).await?;
    }
    if added {
        derive_columns(&db).await?;
    }
    Ok(db)
}

/// Adds a column the table lacks; `true` if it was added.
async fn add_column(
    db: &Db,
    table: &str,
    column: &str,
    definition: &str,
) -> Result<bool, sqlx::Error> {
    let probe = format!("SELECT {column} FROM {table} LIMIT 1");
    if sqlx::query(&probe).fetch_optional(db).await.is_ok() {
        return Ok(false);
    }
    sqlx::query(&format!(
        "ALTER TABLE {table} ADD COLUMN {column} {definition}"
    ))
    .execute(db)
    .await?;
    Ok(true)
}

/// Fills the columns derived from each stored document (once, when a column is new).
async fn derive_columns(db: &Db) -> Result<(), sqlx::Error> {
    let rows = sqlx::query("SELECT store_id, id, document FROM jobs WHERE deleted = 0")
        .fetch_all(db)
        .await?;
    for row in rows {
        let document: Option<String> = row.get(2);
        let Some(job) = document.and_then(|d| lanecheck_domain::schema::restore(&d).ok()) else {
            continue;
        };
        sqlx::query("UPDATE jobs SET finished = $1, vehicle = $2 WHERE store_id = $3 AND id = $4")
            .bind(i64::from(lanecheck_domain::retention::is_finished(
                job.state,
            )))
            .bind(vehicle_of(&job))
            .bind(row.get::<String, _>(0))
            .bind(row.get::<String, _>(1))
            .execute(db)
            .await?;
    }
    Ok(())
}

/// What `/search` looks in: the plate and the VIN, as the app normalises them.
pub fn vehicle_of(job: &lanecheck_domain::Job) -> String {
    let vin = job.vehicle.vin.as_ref().map_or("", |v| v.as_str());
    format!("{} {vin}", job.vehicle.plate.as_str())
}

/// A new secret: 244 random bits.
pub fn new_secret(prefix: &str) -> String {
    format!(
        "{prefix}{}{}",
        uuid::Uuid::new_v4().simple(),
        uuid::Uuid::new_v4().simple()
    )
}

/// What a token may do: write jobs (an advisor), or also open the manager's page.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Role {
    Advisor,
    Manager,
}

impl Role {
    pub fn as_str(self) -> &'static str {
        match self {
            Role::Advisor => "advisor",
            Role::Manager => "manager",
        }
    }

    pub fn parse(text: &str) -> Option<Role> {
        match text {
            "advisor" => Some(Role::Advisor),
            "manager" => Some(Role::Manager),
            _ => None,
        }
    }
}

/// Whose token it is.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Advisor {
    pub id: String,
    pub name: String,
    /// The store's opaque id: the key of its rows and blobs.
    pub store: String,
    /// The store's name, for people.
    pub store_name: String,
    pub role: Role,
}

const ADVISOR: &str = "SELECT a.id, a.name, a.store_id, s.name, a.role FROM advisors a JOIN stores s ON s.id = a.store_id";

fn advisor_row(r: &sqlx::any::AnyRow) -> Advisor {
    Advisor {
        id: r.get(0),
        name: r.get(1),
        store: r.get(2),
        store_name: r.get(3),
        role: Role::parse(&r.get::<String, _>(4)).unwrap_or(Role::Advisor),
    }
}

/// The holder of a token that is neither revoked nor expired at `now_ms`.
pub async fn advisor_by_token(
    db: &Db,
    token: &str,
    now_ms: i64,
) -> Result<Option<Advisor>, sqlx::Error> {
    let row = sqlx::query(&format!(
        "{ADVISOR} WHERE a.token_hash = $1 AND a.revoked = 0 AND (a.expires IS NULL OR a.expires > $2)"
    ))
    .bind(sha256_hex(token.as_bytes()))
    .bind(now_ms)
    .fetch_optional(db)
    .await?;
    Ok(row.as_ref().map(advisor_row))
}

pub async fn advisor_count(db: &Db) -> Result<i64, sqlx::Error> {
    sqlx::query("SELECT COUNT(*) FROM advisors")
        .fetch_one(db)
        .await
        .map(|r| r.get(0))
}

/// A token to make.
pub struct NewToken<'a> {
    pub store_name: &'a str,
    pub name: &'a str,
    pub role: Role,
    pub now_ms: i64,
    /// When it stops working, if ever.
    pub expires_ms: Option<i64>,
}

/// Creates a token holder (and its store, if the name is new) and returns the token, which is
/// not kept: only its hash is stored.
pub async fn add_advisor(db: &Db, new: NewToken<'_>) -> Result<String, sqlx::Error> {
    let mut tx = db.begin().await?;
    let known: Option<String> = sqlx::query("SELECT id FROM stores WHERE name = $1")
        .bind(new.store_name)
        .fetch_optional(&mut *tx)
        .await?
        .map(|r| r.get(0));
    let store = match known {
        Some(id) => id,
        None => {
            let id = uuid::Uuid::new_v4().to_string();
            sqlx::query("INSERT INTO stores (id, name, seq) VALUES ($1, $2, 0)")
                .bind(&id)
                .bind(new.store_name)
                .execute(&mut *tx)
                .await?;
            id
        }
    };
    let token = new_secret("lc_");
    sqlx::query("INSERT INTO advisors (id, store_id, name, token_hash, role, created, expires, revoked) VALUES ($1, $2, $3, $4, $5, $6, $7, 0)")
        .bind(uuid::Uuid::new_v4().to_string())
        .bind(&store)
        .bind(new.name)
        .bind(sha256_hex(token.as_bytes()))
        .bind(new.role.as_str())
        .bind(new.now_ms)
        .bind(new.expires_ms)
        .execute(&mut *tx)
        .await?;
    tx.commit().await?;
    Ok(token)
}

/// A token as `list-tokens` shows it (never the token itself).
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct TokenInfo {
    pub id: String,
    pub store_name: String,
    pub name: String,
    pub role: String,
    pub created_ms: i64,
    pub expires_ms: Option<i64>,
    pub revoked: bool,
}

pub async fn tokens(db: &Db) -> Result<Vec<TokenInfo>, sqlx::Error> {
    let rows = sqlx::query("SELECT a.id, s.name, a.name, a.role, a.created, a.expires, a.revoked FROM advisors a JOIN stores s ON s.id = a.store_id ORDER BY s.name, a.created")
        .fetch_all(db)
        .await?;
    Ok(rows
        .iter()
        .map(|r| TokenInfo {
            id: r.get(0),
            store_name: r.get(1),
            name: r.get(2),
            role: r.get(3),
            created_ms: r.get(4),
            expires_ms: r.get(5),
            revoked: r.get::<i64, _>(6) != 0,
        })
        .collect())
}

/// Revokes the token with this id (as `list-tokens` shows it) and ends its manager sessions;
/// `false` if there is none.
pub async fn revoke_token(db: &Db, id: &str) -> Result<bool, sqlx::Error> {
    let mut tx = db.begin().await?;
    let done = sqlx::query("UPDATE advisors SET revoked = 1 WHERE id = $1")
        .bind(id)
        .execute(&mut *tx)
        .await?
        .rows_affected();
    sqlx::query("DELETE FROM sessions WHERE advisor_id = $1")
        .bind(id)
        .execute(&mut *tx)
        .await?;
    tx.commit().await?;
    Ok(done > 0)
}

/// Starts a manager session for the token holder; returns the session's secret id (the
/// cookie), of which only the hash is kept.
pub async fn start_session(db: &Db, advisor: &str, expires_ms: i64) -> Result<String, sqlx::Error> {
    let id = new_secret("");
    sqlx::query("INSERT INTO sessions (id_hash, advisor_id, expires) VALUES ($1, $2, $3)")
        .bind(sha256_hex(id.as_bytes()))
        .bind(advisor)
        .bind(expires_ms)
        .execute(db)
        .await?;
    Ok(id)
}

/// Whose live session this is (its token still valid).
pub async fn session(db: &Db, id: &str, now_ms: i64) -> Result<Option<Advisor>, sqlx::Error> {
    let row = sqlx::query(&format!(
        "{ADVISOR} JOIN sessions x ON x.advisor_id = a.id WHERE x.id_hash = $1 AND x.expires > $2 AND a.revoked = 0 AND (a.expires IS NULL OR a.expires > $2)"
    ))
    .bind(sha256_hex(id.as_bytes()))
    .bind(now_ms)
    .fetch_optional(db)
    .await?;
    Ok(row.as_ref().map(advisor_row))
}

pub async fn end_session(db: &Db, id: &str) -> Result<(), sqlx::Error> {
    sqlx::query("DELETE FROM sessions WHERE id_hash = $1")
        .bind(sha256_hex(id.as_bytes()))
        .execute(db)
        .await?;
    Ok(())
}

/// Stores (opaque id, name).
pub async fn stores(db: &Db) -> Result<Vec<(String, String)>, sqlx::Error> {
    let rows = sqlx::query("SELECT id, name FROM stores")
        .fetch_all(db)
        .await?;
    Ok(rows.iter().map(|r| (r.get(0), r.get(1))).collect())
}

/// A store's opaque id by its name, exactly as it was given to `add-advisor`.
pub async fn store_by_name(db: &Db, name: &str) -> Result<Option<String>, sqlx::Error> {
    let row = sqlx::query("SELECT id FROM stores WHERE name = $1")
        .bind(name)
        .fetch_optional(db)
        .await?;
    Ok(row.map(|r| r.get(0)))
}

/// Replaces a store's catalogue (its JSON document, `domain::catalogue::Catalogue`, and its
/// version, `catalogue::version`) whole.
pub async fn put_catalogue(
    db: &Db,
    store: &str,
    document: &str,
    version: &str,
    now_ms: i64,
) -> Result<(), sqlx::Error> {
    sqlx::query(
        "INSERT INTO catalogues (store_id, document, version, updated) VALUES ($1, $2, $3, $4) \
         ON CONFLICT (store_id) DO UPDATE SET document = excluded.document, \
         version = excluded.version, updated = excluded.updated",
    )
    .bind(store)
    .bind(document)
    .bind(version)
    .bind(now_ms)
    .execute(db)
    .await?;
    Ok(())
}

/// The version of a store's catalogue, if one was ever imported.
pub async fn catalogue_version(db: &Db, store: &str) -> Result<Option<String>, sqlx::Error> {
    let row = sqlx::query("SELECT version FROM catalogues WHERE store_id = $1")
        .bind(store)
        .fetch_optional(db)
        .await?;
    Ok(row.map(|r| r.get(0)))
}

/// A store's catalogue document and its version, if one was ever imported.
pub async fn catalogue(db: &Db, store: &str) -> Result<Option<(String, String)>, sqlx::Error> {
    let row = sqlx::query("SELECT document, version FROM catalogues WHERE store_id = $1")
        .bind(store)
        .fetch_optional(db)
        .await?;
    Ok(row.map(|r| (r.get(0), r.get(1))))
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

/// A job write: which job of which store, the version it replaces, the new document.
#[derive(Clone, Copy, Debug)]
pub struct Change<'a> {
    pub store: &'a str,
    pub id: &'a str,
    pub expected: Option<i64>,
    pub document: Option<&'a str>,
    /// The local date of the write, for the manager's page and the feed's window.
    pub day: &'a str,
    /// Whether the document is of a finished job (delivered or followed up).
    pub finished: bool,
    /// The plate and VIN of the document (`vehicle_of`), "" for a tombstone.
    pub vehicle: &'a str,
}

/// The idempotency key a write claims: whose, which, and a hash of the request it names.
pub struct Claim<'a> {
    pub advisor: &'a str,
    pub key: &'a str,
    pub request: &'a str,
    pub now_ms: i64,
}

/// A write done now, or the answer recorded for its key.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Outcome {
    Done(Write),
    Replay(Recorded),
}

/// A job write: `expected` is `None` to create, `Some(version)` to replace that version;
/// `document` `None` leaves a tombstone. The key is claimed in the write's transaction and the
/// answer (`answer` renders it: status and body) recorded there too, so a duplicate waits for
/// the first and gets its answer. A stale write records nothing: it may be retried.
pub async fn write_job(
    db: &Db,
    change: &Change<'_>,
    claim: &Claim<'_>,
    answer: impl Fn(&Write) -> (u16, String),
) -> Result<Outcome, sqlx::Error> {
    let Change {
        store,
        id,
        expected,
        document,
        day,
        finished,
        vehicle,
    } = *change;
    let finished = i64::from(finished);
    let mut tx = db.begin().await?;
    // A concurrent claim of the same key blocks here until the first transaction ends.
    let claimed = sqlx::query(
        "INSERT INTO idempotency (advisor_id, key, request, status, body, created) VALUES ($1, $2, $3, 0, '', $4) ON CONFLICT DO NOTHING",
    )
    .bind(claim.advisor)
    .bind(claim.key)
    .bind(claim.request)
    .bind(claim.now_ms)
    .execute(&mut *tx)
    .await?
    .rows_affected();
    if claimed == 0 {
        tx.rollback().await?;
        return Ok(match recorded(db, claim.advisor, claim.key).await? {
            Some(seen) => Outcome::Replay(seen),
            // The claim was released in between (its write was stale): nothing to replay.
            None => Outcome::Done(Write::Stale(job(db, store, id).await?)),
        });
    }
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
            sqlx::query("INSERT INTO jobs (store_id, id, seq, deleted, document, day, finished, vehicle) VALUES ($1, $2, $3, $4, $5, $6, $7, $8)")
                .bind(store)
                .bind(id)
                .bind(seq)
                .bind(i64::from(row.deleted))
                .bind(document)
                .bind(day)
                .bind(finished)
                .bind(vehicle)
                .execute(&mut *tx)
                .await?;
            Write::Created(row)
        }
        (Some(now), Some(version)) if now.seq == version => {
            sqlx::query("UPDATE jobs SET seq = $1, deleted = $2, document = $3, day = $4, finished = $5, vehicle = $6 WHERE store_id = $7 AND id = $8")
                .bind(seq)
                .bind(i64::from(row.deleted))
                .bind(document)
                .bind(day)
                .bind(finished)
                .bind(vehicle)
                .bind(store)
                .bind(id)
                .execute(&mut *tx)
                .await?;
            Write::Replaced(row)
        }
        _ => {
            tx.rollback().await?;
            return Ok(Outcome::Done(Write::Stale(current)));
        }
    };
    let (status, body) = answer(&write);
    sqlx::query("UPDATE idempotency SET status = $1, body = $2 WHERE advisor_id = $3 AND key = $4")
        .bind(i64::from(status))
        .bind(body)
        .bind(claim.advisor)
        .bind(claim.key)
        .execute(&mut *tx)
        .await?;
    tx.commit().await?;
    Ok(Outcome::Done(write))
}

/// The newest-written documents of a store whose plate or VIN contains `term` (at most
/// `reads`), for `/search`, which keeps those the app's own search rule matches.
pub async fn search(
    db: &Db,
    store: &str,
    term: &str,
    reads: i64,
) -> Result<Vec<JobRow>, sqlx::Error> {
    let escaped: String = term
        .chars()
        .flat_map(|c| match c {
            '%' | '_' | '\\' => vec!['\\', c],
            c => vec![c],
        })
        .collect();
    let rows = sqlx::query(
        "SELECT id, seq, deleted, document FROM jobs WHERE store_id = $1 AND deleted = 0 AND vehicle LIKE $2 ESCAPE '\\' ORDER BY seq DESC LIMIT $3",
    )
    .bind(store)
    .bind(format!("%{escaped}%"))
    .bind(reads)
    .fetch_all(db)
    .await?;
    Ok(rows.iter().map(job_row).collect())
}

/// Forgets replayable answers recorded before `before_ms`; how many.
pub async fn purge_idempotency(db: &Db, before_ms: i64) -> Result<u64, sqlx::Error> {
    Ok(sqlx::query("DELETE FROM idempotency WHERE created < $1")
        .bind(before_ms)
        .execute(db)
        .await?
        .rows_affected())
}

/// One entry of the change feed without its document: enough to plan a page by size.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct FeedEntry {
    pub seq: i64,
    pub bytes: i64,
}

/// Which of a store's writes the feed shows: those after `since`, leaving out finished jobs
/// last written before the day `finished_since` (`YYYY-MM-DD`; "" leaves out none).
#[derive(Clone, Copy, Debug)]
pub struct Window<'a> {
    pub since: i64,
    pub finished_since: &'a str,
}

/// The sizes of the writes in the window, in write order.
pub async fn feed(
    db: &Db,
    store: &str,
    window: Window<'_>,
    limit: i64,
) -> Result<Vec<FeedEntry>, sqlx::Error> {
    let rows = sqlx::query(
        "SELECT seq, COALESCE(OCTET_LENGTH(document), 0) FROM jobs WHERE store_id = $1 AND seq > $2 AND NOT (finished = 1 AND day < $3) ORDER BY seq LIMIT $4",
    )
    .bind(store)
    .bind(window.since)
    .bind(window.finished_since)
    .bind(limit)
    .fetch_all(db)
    .await?;
    Ok(rows
        .iter()
        .map(|r| FeedEntry {
            seq: r.get(0),
            bytes: r.get(1),
        })
        .collect())
}

/// The jobs in the window written up to `until`, in write order.
pub async fn changes(
    db: &Db,
    store: &str,
    window: Window<'_>,
    until: i64,
) -> Result<Vec<JobRow>, sqlx::Error> {
    let rows = sqlx::query(
        "SELECT id, seq, deleted, document FROM jobs WHERE store_id = $1 AND seq > $2 AND NOT (finished = 1 AND day < $3) AND seq <= $4 ORDER BY seq",
    )
    .bind(store)
    .bind(window.since)
    .bind(window.finished_since)
    .bind(until)
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
