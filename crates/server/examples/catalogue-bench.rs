//! Catalogue benchmark: a store's catalogue of 20,000 parts and 500 labour operations (a CSV
//! made here, with names and codes like a dealer's) imported into the reference server on
//! SQLite, then downloaded over loopback as a device does: bytes on the wire and time, plain,
//! gzip and brotli (median of 5), and the 304 of a device whose copy is current. Then a search
//! keystroke over the whole catalogue with the domain's search (the code the app runs),
//! natively: median of the keystrokes of typing a code and a name.
//!   cargo run --profile server -p lanecheck-server --example catalogue-bench

use lanecheck_domain::catalogue::Catalogue;
use lanecheck_server::{catalogue, db, harness, Limits};
use reqwest::header;
use std::time::{Duration, Instant};

const PARTS: usize = 20_000;
const LABOUR: usize = 500;
const ROUNDS: usize = 5;

/// A catalogue file: part names from a dealer's vocabulary, codes like `15400-RTA-003`.
fn csv() -> String {
    let names = [
        "机油滤清器",
        "空气滤清器",
        "空调滤清器",
        "前刹车片",
        "后刹车片",
        "刹车盘",
        "火花塞",
        "雨刮片",
        "蓄电池",
        "冷却液",
        "制动液",
        "变速箱油",
        "正时皮带",
        "水泵",
        "发电机",
        "起动机",
        "减震器",
        "球头",
        "轮胎",
        "轮毂轴承",
        "前大灯总成",
        "尾灯总成",
        "后视镜片",
        "保险杠",
        "翼子板",
        "车门密封条",
        "氧传感器",
        "节气门",
        "喷油嘴",
        "点火线圈",
    ];
    let specs = ["原厂", "品牌件", "加强型", "长效型"];
    let sources = ["original", "aftermarket", "repaired"];
    let mut text = String::from("kind,code,name,spec,unit,hours,price,source,stock\n");
    for i in 0..LABOUR {
        let name = names[i % names.len()];
        text.push_str(&format!(
            "labour,L-{i:05},更换{name},,,{}.{},{}.00,,\n",
            i % 4,
            (i * 3) % 10,
            160 + i % 5 * 10
        ));
    }
    for i in 0..PARTS {
        text.push_str(&format!(
            "part,{:05}-{}{}{}-{:03},{} {},{},个,,{}.{:02},{},{}\n",
            10_000 + i * 7 % 89_999,
            char::from(b'A' + (i % 26) as u8),
            char::from(b'A' + (i / 26 % 26) as u8),
            char::from(b'A' + (i / 676 % 26) as u8),
            i % 1000,
            names[i % names.len()],
            i / names.len(),
            specs[i % specs.len()],
            20 + i % 2000,
            i % 100,
            sources[i % sources.len()],
            i % 40
        ));
    }
    text
}

fn median(mut xs: Vec<Duration>) -> Duration {
    xs.sort();
    xs[xs.len() / 2]
}

fn ms(d: Duration) -> String {
    format!("{:.1} ms", d.as_secs_f64() * 1000.0)
}

#[tokio::main]
async fn main() {
    let server = harness::start(None, Limits::DEFAULT).await.unwrap();
    let url = format!(
        "sqlite://{}?mode=rwc",
        server.data.join("lanecheck.db").display()
    );
    let db = db::open(&url).await.unwrap();
    let stores = db::stores(&db).await.unwrap();
    let (_, store) = stores.iter().find(|(_, n)| n.starts_with("一店")).unwrap();
    let file = csv();
    let started = Instant::now();
    catalogue::import(&db, store, &file, 1_765_000_000_000)
        .await
        .unwrap();
    let import = started.elapsed();
    println!(
        "Catalogue: {PARTS} parts and {LABOUR} labour operations, a {:.1} MB CSV imported in {}",
        file.len() as f64 / 1e6,
        ms(import)
    );

    let client = reqwest::Client::new();
    let fetch = |encoding: &'static str| {
        let client = client.clone();
        let (base, token) = (server.base.clone(), server.token.clone());
        async move {
            let mut times = Vec::new();
            let mut bytes = 0;
            for _ in 0..ROUNDS {
                let t = Instant::now();
                let body = client
                    .get(format!("{base}/catalogue"))
                    .bearer_auth(&token)
                    .header(header::ACCEPT_ENCODING, encoding)
                    .send()
                    .await
                    .unwrap()
                    .bytes()
                    .await
                    .unwrap();
                times.push(t.elapsed());
                bytes = body.len();
            }
            (bytes, median(times))
        }
    };
    println!("First download over loopback (bytes on the wire, median of {ROUNDS}):");
    for encoding in ["identity", "gzip", "br"] {
        let (bytes, time) = fetch(encoding).await;
        println!(
            "  {encoding:<9} {:>8.1} KB  {}",
            bytes as f64 / 1000.0,
            ms(time)
        );
    }
    let first = client
        .get(format!("{}/catalogue", server.base))
        .bearer_auth(&server.token)
        .send()
        .await
        .unwrap();
    let tag = first.headers()[header::ETAG].clone();
    let document = first.text().await.unwrap();
    let t = Instant::now();
    let again = client
        .get(format!("{}/catalogue", server.base))
        .bearer_auth(&server.token)
        .header(header::IF_NONE_MATCH, tag)
        .send()
        .await
        .unwrap();
    println!(
        "  current copy: {} in {}",
        again.status().as_u16(),
        ms(t.elapsed())
    );

    let t = Instant::now();
    let cached: Catalogue = serde_json::from_str(&document).unwrap();
    println!("Reading the cached document: {}", ms(t.elapsed()));
    let mut keystrokes = Vec::new();
    for typed in [
        "4",
        "45",
        "450",
        "4502",
        "45022",
        "机",
        "机油",
        "机油滤",
        "机油滤清器",
    ] {
        let t = Instant::now();
        let (labour, parts) = cached.search(typed, 20);
        keystrokes.push(t.elapsed());
        assert!(labour.len() + parts.len() <= 40);
    }
    println!(
        "Search keystroke over {} entries (domain search, native; median of {}): {}, slowest {} (goal in the app ≤ 50 ms)",
        cached.parts.len() + cached.labour.len(),
        keystrokes.len(),
        ms(median(keystrokes.clone())),
        ms(keystrokes.into_iter().max().unwrap_or_default())
    );
}
