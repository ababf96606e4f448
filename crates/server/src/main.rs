//! `lanecheck-server`: serves LaneCheck Sync v1, the manager's page and the built app.
//!
//!   lanecheck-server [--addr 127.0.0.1:8080] [--data ./data] [--dist ./dist] [--origin <url>]…
//!   lanecheck-server add-advisor --store <store> --name <name> [--role advisor|manager]
//!                                [--expires-days <n>] [--data ./data]
//!   lanecheck-server list-tokens [--data ./data]
//!   lanecheck-server revoke-token <id> [--data ./data]
//!   lanecheck-server import-catalog <file.csv> --store <store> [--data ./data]
//!
//! `import-catalog` replaces a store's catalogue of labour operations and parts (the format:
//! `crates/server/src/catalogue.rs`); a file with a bad row is refused whole, each bad row
//! named by its line.
//!
//! The database is `<data>/lanecheck.db` (SQLite) unless `DATABASE_URL` names another (e.g. a
//! PostgreSQL URL). On the first start, with no token yet, an advisor's and a manager's are
//! created and printed. Logs are JSON lines on stderr (`RUST_LOG` sets the level).
//!
//! Built with the `server` profile (`cargo build --profile server`): it unwinds, so a panic in
//! one request is answered 500 and the server goes on. The release profile aborts on panic
//! (what the wasm needs), and this binary refuses to be built with it.

#[cfg(panic = "abort")]
compile_error!(
    "lanecheck-server must unwind on panic: build it with `--profile server`, not `--release`"
);

use lanecheck_server::{app, blobs::Blobs, db, AppState, Config, Limits};
use std::path::PathBuf;

fn option(args: &[String], name: &str) -> Option<String> {
    args.iter()
        .position(|a| a == name)
        .and_then(|i| args.get(i + 1).cloned())
}

#[tokio::main]
async fn main() {
    tracing_subscriber::fmt()
        .json()
        .with_writer(std::io::stderr)
        .with_env_filter(
            tracing_subscriber::EnvFilter::try_from_default_env()
                .unwrap_or_else(|_| tracing_subscriber::EnvFilter::new("info")),
        )
        .init();
    let args: Vec<String> = std::env::args().skip(1).collect();
    let data = PathBuf::from(option(&args, "--data").unwrap_or_else(|| "data".into()));
    if let Err(err) = std::fs::create_dir_all(&data) {
        eprintln!("cannot create the data directory {}: {err}", data.display());
        std::process::exit(1);
    }
    let url = std::env::var("DATABASE_URL")
        .unwrap_or_else(|_| format!("sqlite://{}?mode=rwc", data.join("lanecheck.db").display()));
    let db = match db::open(&url).await {
        Ok(db) => db,
        Err(err) => {
            eprintln!("cannot open the database: {err}");
            std::process::exit(1);
        }
    };
    let now = chrono::Utc::now().timestamp_millis();
    match args.first().map(String::as_str) {
        Some("add-advisor") => add_advisor(&db, &args, now).await,
        Some("list-tokens") => list_tokens(&db).await,
        Some("revoke-token") => revoke_token(&db, args.get(1)).await,
        Some("import-catalog") => import_catalog(&db, &args, now).await,
        _ => {}
    }
    if db::advisor_count(&db).await.unwrap_or(1) == 0 {
        let first = |name, role| db::NewToken {
            store_name: "store-1",
            name,
            role,
            now_ms: now,
            expires_ms: None,
        };
        match (
            db::add_advisor(&db, first("advisor", db::Role::Advisor)).await,
            db::add_advisor(&db, first("manager", db::Role::Manager)).await,
        ) {
            (Ok(advisor), Ok(manager)) => {
                println!(
                    "First start: store \"store-1\" created. Tokens (shown once):\n  advisor \"advisor\" (enter it in LaneCheck's settings): {advisor}\n  manager \"manager\" (sign in at /manager): {manager}\nMore: lanecheck-server add-advisor --store <store> --name <name> [--role manager]"
                );
                match lanecheck_server::catalogue::import(&db, "store-1", lanecheck_server::catalogue::SAMPLE, now).await {
                    Ok(summary) => println!("Sample catalogue for \"store-1\": {summary}; import your own with lanecheck-server import-catalog <file.csv> --store store-1"),
                    Err(why) => eprintln!("cannot store the sample catalogue: {why}"),
                }
            }
            (Err(err), _) | (_, Err(err)) => eprintln!("cannot create the first tokens: {err}"),
        }
    }
    let config = Config {
        dist: option(&args, "--dist").map(PathBuf::from),
        origins: args
            .iter()
            .zip(args.iter().skip(1))
            .filter(|(flag, _)| *flag == "--origin")
            .map(|(_, origin)| origin.clone())
            .collect(),
        limits: Limits::DEFAULT,
    };
    let state = AppState::new(
        db,
        Blobs {
            root: data.join("blobs"),
        },
        config.limits,
    );
    match lanecheck_server::migrate_blobs(&state).await {
        Ok(0) => {}
        Ok(n) => tracing::info!(
            blobs = n,
            "moved blobs out of the shared folders of earlier releases"
        ),
        Err(err) => eprintln!("cannot move the blobs of earlier releases: {err}"),
    }
    tokio::spawn(lanecheck_server::forget_old_replays(state.db.clone()));
    let addr = option(&args, "--addr").unwrap_or_else(|| "127.0.0.1:8080".into());
    let listener = match tokio::net::TcpListener::bind(&addr).await {
        Ok(listener) => listener,
        Err(err) => {
            eprintln!("cannot listen on {addr}: {err}");
            std::process::exit(1);
        }
    };
    println!("LaneCheck at http://{addr}/ (sync API /sync/v1, manager /manager)");
    tracing::info!(%addr, "listening");
    let shutdown = async {
        let _ = tokio::signal::ctrl_c().await;
    };
    let service = app(state, &config).into_make_service_with_connect_info::<std::net::SocketAddr>();
    if let Err(err) = axum::serve(listener, service)
        .with_graceful_shutdown(shutdown)
        .await
    {
        eprintln!("server error: {err}");
        std::process::exit(1);
    }
}

async fn add_advisor(db: &db::Db, args: &[String], now: i64) -> ! {
    let usage = "usage: lanecheck-server add-advisor --store <store> --name <name> [--role advisor|manager] [--expires-days <n>] [--data <dir>]";
    let (Some(store), Some(name)) = (option(args, "--store"), option(args, "--name")) else {
        eprintln!("{usage}");
        std::process::exit(2);
    };
    let Some(role) = db::Role::parse(&option(args, "--role").unwrap_or_else(|| "advisor".into()))
    else {
        eprintln!("{usage}");
        std::process::exit(2);
    };
    let expires_ms = match option(args, "--expires-days").map(|d| d.parse::<u32>()) {
        None => None,
        Some(Ok(days)) => Some(now + i64::from(days) * 24 * 3600 * 1000),
        Some(Err(_)) => {
            eprintln!("{usage}");
            std::process::exit(2);
        }
    };
    let new = db::NewToken {
        store_name: &store,
        name: &name,
        role,
        now_ms: now,
        expires_ms,
    };
    match db::add_advisor(db, new).await {
        Ok(token) => {
            println!("{token}");
            std::process::exit(0);
        }
        Err(err) => {
            eprintln!("cannot add the token: {err}");
            std::process::exit(1);
        }
    }
}

async fn import_catalog(db: &db::Db, args: &[String], now: i64) -> ! {
    let usage = "usage: lanecheck-server import-catalog <file.csv> --store <store> [--data <dir>]";
    let (Some(file), Some(store)) = (
        args.get(1).filter(|f| !f.starts_with("--")),
        option(args, "--store"),
    ) else {
        eprintln!("{usage}");
        std::process::exit(2);
    };
    let csv = match std::fs::read_to_string(file) {
        Ok(csv) => csv,
        Err(err) => {
            eprintln!("cannot read {file}: {err}");
            std::process::exit(1);
        }
    };
    match lanecheck_server::catalogue::import(db, &store, &csv, now).await {
        Ok(summary) => {
            println!("catalogue of \"{store}\": {summary}");
            std::process::exit(0);
        }
        Err(why) => {
            eprintln!("{file} was not imported:\n{why}");
            std::process::exit(1);
        }
    }
}

fn date(ms: i64) -> String {
    chrono::DateTime::from_timestamp_millis(ms)
        .map_or_else(|| "-".into(), |t| t.format("%Y-%m-%d %H:%M").to_string())
}

async fn list_tokens(db: &db::Db) -> ! {
    match db::tokens(db).await {
        Ok(tokens) => {
            println!("id\tstore\tname\trole\tcreated\texpires\tstate");
            for t in tokens {
                let state = if t.revoked { "revoked" } else { "active" };
                let expires = t.expires_ms.map_or_else(|| "never".into(), date);
                println!(
                    "{}\t{}\t{}\t{}\t{}\t{expires}\t{state}",
                    t.id,
                    t.store_name,
                    t.name,
                    t.role,
                    date(t.created_ms)
                );
            }
            std::process::exit(0);
        }
        Err(err) => {
            eprintln!("cannot list the tokens: {err}");
            std::process::exit(1);
        }
    }
}

async fn revoke_token(db: &db::Db, id: Option<&String>) -> ! {
    let Some(id) = id else {
        eprintln!("usage: lanecheck-server revoke-token <id from list-tokens> [--data <dir>]");
        std::process::exit(2);
    };
    match db::revoke_token(db, id).await {
        Ok(true) => {
            println!("revoked {id}");
            std::process::exit(0);
        }
        Ok(false) => {
            eprintln!("no token with id {id}");
            std::process::exit(1);
        }
        Err(err) => {
            eprintln!("cannot revoke the token: {err}");
            std::process::exit(1);
        }
    }
}
