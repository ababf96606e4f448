//! `lanecheck-conformance --url <base> --token <token> [--other-store-token <token>]`: checks an
//! endpoint against LaneCheck Sync v1 (for example `--url http://127.0.0.1:8080/sync/v1`) and
//! exits non-zero on any failure; with a token of a second store it also checks that the
//! stores are kept apart. It creates jobs and blobs of its own; it never changes existing ones.

use lanecheck_server::conformance::Suite;

#[tokio::main]
async fn main() {
    let args: Vec<String> = std::env::args().collect();
    let option = |name: &str| {
        args.iter()
            .position(|a| a == name)
            .and_then(|i| args.get(i + 1).cloned())
    };
    let (Some(url), Some(token)) = (option("--url"), option("--token")) else {
        eprintln!("usage: lanecheck-conformance --url <base, e.g. http://127.0.0.1:8080/sync/v1> --token <token>");
        std::process::exit(2);
    };
    let mut suite = Suite::new(&url, &token);
    if let Some(other) = option("--other-store-token") {
        suite = suite.with_other_store(&other);
    }
    let results = suite.run().await;
    let failed = results.iter().filter(|(_, r)| r.is_err()).count();
    for (name, result) in &results {
        match result {
            Ok(()) => println!("  ✓ {name}"),
            Err(why) => println!("  ✗ {name}: {why}"),
        }
    }
    println!("{} checks, {failed} failed", results.len());
    if failed > 0 {
        std::process::exit(1);
    }
}
