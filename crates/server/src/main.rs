//! `lanecheck-server`: serves LaneCheck Sync v1, the manager's page and the built app.
//!
//!   lanecheck-server [--addr 127.0.0.1:8080] [--data ./data] [--dist ./dist] [--origin <url>]…
//!   lanecheck-server add-advisor --store <store> --name <name> [--data ./data]
//!
//! The database is `<data>/lanecheck.db` (SQLite) unless `DATABASE_URL` names another (e.g. a
//! PostgreSQL URL). On the first start, with no advisor yet, one is created and its token
//! printed. Logs are JSON lines on stderr (`RUST_LOG` sets the level).

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
    if args.first().map(String::as_str) == Some("add-advisor") {
        let (Some(store), Some(name)) = (option(&args, "--store"), option(&args, "--name")) else {
            eprintln!(
                "usage: lanecheck-server add-advisor --store <store> --name <name> [--data <dir>]"
            );
            std::process::exit(2);
        };
        match db::add_advisor(&db, &store, &name).await {
            Ok(token) => println!("{token}"),
            Err(err) => {
                eprintln!("cannot add the advisor: {err}");
                std::process::exit(1);
            }
        }
        return;
    }
    if db::advisor_count(&db).await.unwrap_or(1) == 0 {
        match db::add_advisor(&db, "store-1", "advisor").await {
            Ok(token) => println!(
                "First start: advisor \"advisor\" of store \"store-1\" created. Its token (shown once):\n  {token}\nEnter it in LaneCheck's settings. More advisors: lanecheck-server add-advisor --store <store> --name <name>"
            ),
            Err(err) => eprintln!("cannot create the first advisor: {err}"),
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
    let state = AppState {
        db,
        blobs: Blobs {
            root: data.join("blobs"),
        },
        limits: config.limits,
    };
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
    if let Err(err) = axum::serve(listener, app(state, &config))
        .with_graceful_shutdown(shutdown)
        .await
    {
        eprintln!("server error: {err}");
        std::process::exit(1);
    }
}
