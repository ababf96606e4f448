//! The conformance suite: checks any endpoint against LaneCheck Sync v1 with one advisor
//! token (and, for the isolation check, a token of another store). Every check writes only
//! jobs and blobs of its own (fresh ids, random bytes), so it can run against a dealer's live
//! system. Run it with the `lanecheck-conformance` binary.

use chrono::Utc;
use lanecheck_domain::catalogue::Catalogue;
use lanecheck_domain::inspection::{PhotoRef, PhotoTarget, SignatureRef};
use lanecheck_domain::plate::Plate;
use lanecheck_domain::seal::sha256_hex;
use lanecheck_domain::vin::Vin;
use lanecheck_domain::{schema, ActorId, Command, Job, JobId, NewJob, Visit};
use lanecheck_sync::engine::Precondition;
use lanecheck_sync::protocol::{etag, job_write, Changes, ErrorBody, Stored, WhoAmI};
use reqwest::{Client, Method, RequestBuilder, Response, StatusCode};
use std::collections::BTreeMap;

/// A failed expectation.
pub type Check = Result<(), String>;

pub struct Suite {
    client: Client,
    /// The API base, e.g. `http://127.0.0.1:8080/sync/v1`.
    base: String,
    token: String,
    /// A token of another store, for the isolation check.
    other_token: Option<String>,
}

fn expect(what: &str, ok: bool) -> Check {
    ok.then_some(()).ok_or_else(|| what.to_string())
}

fn job(id: JobId) -> Job {
    let plate = Plate::parse("京A12345").unwrap_or_else(|_| unreachable!("a valid plate"));
    Job::open(
        NewJob {
            id,
            visit: Visit::WalkIn,
            plate,
            store_items: Vec::new(),
        },
        Utc::now(),
        ActorId("conformance".into()),
    )
}

/// A new job with one photo of these bytes.
fn with_photo(bytes: &[u8]) -> Result<Job, String> {
    let mut j = job(new_id());
    let photo = PhotoRef {
        sha256: sha256_hex(bytes),
        target: PhotoTarget::Job,
        width: 1,
        height: 1,
        bytes: bytes.len() as u64,
        taken_at: Utc::now(),
    };
    j.apply(
        Command::AttachPhoto(photo),
        Utc::now(),
        ActorId("conformance".into()),
    )
    .map_err(|e| e.to_string())?;
    Ok(j)
}

fn new_id() -> JobId {
    JobId(uuid::Uuid::new_v4())
}

/// A query value, percent-encoded as UTF-8.
fn url_encode(text: &str) -> String {
    percent_encoding::utf8_percent_encode(text, percent_encoding::NON_ALPHANUMERIC).to_string()
}

fn random_bytes() -> Vec<u8> {
    let mut bytes = b"\xFF\xD8conformance ".to_vec();
    bytes.extend_from_slice(uuid::Uuid::new_v4().as_bytes());
    bytes
}

impl Suite {
    pub fn new(base: &str, token: &str) -> Suite {
        Suite {
            client: Client::new(),
            base: base.trim_end_matches('/').to_string(),
            token: token.to_string(),
            other_token: None,
        }
    }

    /// The suite with the isolation check, which needs a token of a second store.
    pub fn with_other_store(mut self, token: &str) -> Suite {
        self.other_token = Some(token.to_string());
        self
    }

    fn request(&self, method: Method, path: &str) -> RequestBuilder {
        self.client
            .request(method, format!("{}{path}", self.base))
            .bearer_auth(&self.token)
    }

    async fn send(&self, request: RequestBuilder) -> Result<Response, String> {
        request
            .send()
            .await
            .map_err(|e| format!("request failed: {e}"))
    }

    async fn put_blob(&self, bytes: &[u8]) -> Result<(String, StatusCode), String> {
        let sha = sha256_hex(bytes);
        let r = self
            .send(
                self.request(Method::PUT, &format!("/blobs/{sha}"))
                    .header("content-type", "image/jpeg")
                    .body(bytes.to_vec()),
            )
            .await?;
        Ok((sha, r.status()))
    }

    async fn put_job(
        &self,
        job: &Job,
        precondition: Option<&str>,
        key: &str,
    ) -> Result<(StatusCode, Option<Stored>, Option<String>), String> {
        let precondition = match precondition {
            None => Precondition::Create,
            Some(version) => Precondition::Update(version.to_string()),
        };
        let write = job_write(job, &precondition, key)
            .map_err(|_| "the job document could not be written".to_string())?;
        let mut request = self.request(Method::PUT, &write.path).body(write.body);
        for (name, value) in write.headers {
            request = request.header(name, value);
        }
        let r = self.send(request).await?;
        let status = r.status();
        let tag = r
            .headers()
            .get("etag")
            .and_then(|v| v.to_str().ok())
            .map(str::to_string);
        let text = r.text().await.map_err(|e| e.to_string())?;
        Ok((status, serde_json::from_str(&text).ok(), tag))
    }

    /// `PUT /jobs/<id>` of a raw body: status and the body as JSON (if it is).
    async fn put_raw(
        &self,
        token: &str,
        id: JobId,
        body: String,
    ) -> Result<(StatusCode, serde_json::Value), String> {
        let r = self
            .send(
                self.client
                    .put(format!("{}/jobs/{id}", self.base))
                    .bearer_auth(token)
                    .header("content-type", "application/json")
                    .header("if-none-match", "*")
                    .header("idempotency-key", uuid::Uuid::new_v4().to_string())
                    .body(body),
            )
            .await?;
        let status = r.status();
        let text = r.text().await.map_err(|e| e.to_string())?;
        Ok((status, serde_json::from_str(&text).unwrap_or_default()))
    }

    async fn get_raw(
        &self,
        token: &str,
        path: &str,
    ) -> Result<(StatusCode, serde_json::Value), String> {
        let r = self
            .send(
                self.client
                    .get(format!("{}{path}", self.base))
                    .bearer_auth(token),
            )
            .await?;
        let status = r.status();
        let text = r.text().await.map_err(|e| e.to_string())?;
        Ok((status, serde_json::from_str(&text).unwrap_or_default()))
    }

    async fn error_body(r: Response) -> Result<ErrorBody, String> {
        r.json::<ErrorBody>()
            .await
            .map_err(|e| format!("the error body is not {{code, message}}: {e}"))
    }

    /// Runs every check; each result is named.
    pub async fn run(&self) -> Vec<(&'static str, Check)> {
        let mut checks = vec![
            (
                "401 without or with a wrong token",
                self.unauthorized().await,
            ),
            (
                "whoami names the advisor, store and limits",
                self.whoami().await,
            ),
            (
                "blobs: hash checked, PUT twice is a no-op, HEAD",
                self.blobs().await,
            ),
            (
                "413 with an error body for a too-large blob",
                self.too_large().await,
            ),
            (
                "a job is refused until its blobs are there",
                self.blobs_first().await,
            ),
            (
                "create, idempotent replay, key reuse refused",
                self.idempotent_put().await,
            ),
            (
                "412 with the current document on a stale version",
                self.stale().await,
            ),
            (
                "delete leaves a tombstone in the feed",
                self.tombstone().await,
            ),
            (
                "changes paged during concurrent writes: each exactly once",
                self.paging().await,
            ),
            (
                "simultaneous duplicates of a write all get its one answer",
                self.concurrent_replays().await,
            ),
            (
                "documents are kept whole, unknown properties included",
                self.whole_documents().await,
            ),
            (
                "a document that cannot be read back whole is refused",
                self.lossy_documents().await,
            ),
            (
                "a signed repair order is kept whole, its signature uploaded first",
                self.repair_order().await,
            ),
            (
                "every error is the contract's JSON error",
                self.error_bodies().await,
            ),
            (
                "the Bearer scheme in any case; header limits",
                self.headers().await,
            ),
            (
                "a job is found by part of its plate and by its VIN's last six",
                self.search().await,
            ),
            (
                "the catalogue reads whole and is revalidated by its ETag",
                self.catalogue().await,
            ),
        ];
        if let Some(other) = &self.other_token {
            checks.push((
                "another store sees none of this store's jobs and blobs",
                self.isolation(other).await,
            ));
        }
        checks
    }

    async fn unauthorized(&self) -> Check {
        let none = self
            .send(self.client.get(format!("{}/changes", self.base)))
            .await?;
        expect("no token: 401", none.status() == StatusCode::UNAUTHORIZED)?;
        let body = Self::error_body(none).await?;
        expect("no token: code unauthorized", body.code == "unauthorized")?;
        let wrong = self
            .send(
                self.client
                    .get(format!("{}/changes", self.base))
                    .bearer_auth("lc_not-a-token"),
            )
            .await?;
        expect(
            "wrong token: 401",
            wrong.status() == StatusCode::UNAUTHORIZED,
        )
    }

    async fn catalogue(&self) -> Check {
        let r = self.send(self.request(Method::GET, "/catalogue")).await?;
        expect("200", r.status() == StatusCode::OK)?;
        let tag = r
            .headers()
            .get("etag")
            .and_then(|v| v.to_str().ok())
            .map(str::to_string)
            .ok_or("the catalogue has an ETag")?;
        let c: Catalogue = r
            .json()
            .await
            .map_err(|e| format!("the catalogue does not read: {e}"))?;
        let named = |code: &str, name: &str| !code.is_empty() && !name.is_empty();
        expect(
            "every operation and part has a code and a name",
            c.labour.iter().all(|op| named(&op.code, &op.name))
                && c.parts.iter().all(|p| named(&p.code, &p.name)),
        )?;
        expect(
            "no price is negative",
            c.labour.iter().all(|op| op.rate.0 >= 0) && c.parts.iter().all(|p| p.price.0 >= 0),
        )?;
        let again = self
            .send(
                self.request(Method::GET, "/catalogue")
                    .header("if-none-match", tag),
            )
            .await?;
        expect(
            "If-None-Match with its ETag: 304",
            again.status() == StatusCode::NOT_MODIFIED,
        )
    }

    async fn whoami(&self) -> Check {
        let r = self.send(self.request(Method::GET, "/whoami")).await?;
        expect("200", r.status() == StatusCode::OK)?;
        let me: WhoAmI = r.json().await.map_err(|e| e.to_string())?;
        expect(
            "limits are given",
            me.max_blob_bytes > 0 && me.max_job_bytes > 0,
        )
    }

    async fn blobs(&self) -> Check {
        let bytes = random_bytes();
        let sha = sha256_hex(&bytes);
        let wrong = sha256_hex(b"something else");
        let r = self
            .send(
                self.request(Method::PUT, &format!("/blobs/{wrong}"))
                    .body(bytes.clone()),
            )
            .await?;
        expect(
            "a hash mismatch is 422",
            r.status() == StatusCode::UNPROCESSABLE_ENTITY,
        )?;
        expect(
            "code hash_mismatch",
            Self::error_body(r).await?.code == "hash_mismatch",
        )?;
        let head = self
            .send(self.request(Method::HEAD, &format!("/blobs/{sha}")))
            .await?;
        expect(
            "HEAD of an unknown blob is 404",
            head.status() == StatusCode::NOT_FOUND,
        )?;
        let (_, first) = self.put_blob(&bytes).await?;
        expect("first PUT is 201", first == StatusCode::CREATED)?;
        let (_, again) = self.put_blob(&bytes).await?;
        expect("second PUT is 200 (no-op)", again == StatusCode::OK)?;
        let head = self
            .send(self.request(Method::HEAD, &format!("/blobs/{sha}")))
            .await?;
        expect(
            "HEAD of a stored blob is 200",
            head.status() == StatusCode::OK,
        )?;
        let get = self
            .send(self.request(Method::GET, &format!("/blobs/{sha}")))
            .await?;
        let back = get.bytes().await.map_err(|e| e.to_string())?;
        expect("GET returns the bytes", back.as_ref() == bytes.as_slice())
    }

    async fn too_large(&self) -> Check {
        let r = self.send(self.request(Method::GET, "/whoami")).await?;
        let me: WhoAmI = r.json().await.map_err(|e| e.to_string())?;
        let bytes = vec![0u8; usize::try_from(me.max_blob_bytes).unwrap_or(usize::MAX - 1) + 1];
        let (_, status) = self.put_blob(&bytes).await?;
        expect("413", status == StatusCode::PAYLOAD_TOO_LARGE)
    }

    async fn blobs_first(&self) -> Check {
        let bytes = random_bytes();
        let j = with_photo(&bytes)?;
        let (status, _, _) = self
            .put_job(&j, None, &uuid::Uuid::new_v4().to_string())
            .await?;
        expect(
            "a job with a missing blob is 409",
            status == StatusCode::CONFLICT,
        )?;
        self.put_blob(&bytes).await?;
        let (status, _, _) = self
            .put_job(&j, None, &uuid::Uuid::new_v4().to_string())
            .await?;
        expect(
            "after the blob, the job is 201",
            status == StatusCode::CREATED,
        )
    }

    async fn idempotent_put(&self) -> Check {
        let j = job(new_id());
        let key = uuid::Uuid::new_v4().to_string();
        let (first, stored, tag) = self.put_job(&j, None, &key).await?;
        expect("create is 201", first == StatusCode::CREATED)?;
        let stored = stored.ok_or("create answers with the stored document")?;
        expect(
            "the ETag is the quoted version",
            tag.as_deref() == Some(etag(&stored.version).as_str()),
        )?;
        let (again, replayed, _) = self.put_job(&j, None, &key).await?;
        expect(
            "a replay gets the original status",
            again == StatusCode::CREATED,
        )?;
        expect(
            "a replay gets the original body",
            replayed.as_ref().map(|s| &s.version) == Some(&stored.version),
        )?;
        let (create_again, current, _) = self
            .put_job(&j, None, &uuid::Uuid::new_v4().to_string())
            .await?;
        expect(
            "creating an existing job is 412",
            create_again == StatusCode::PRECONDITION_FAILED,
        )?;
        expect(
            "with the current document",
            current.is_some_and(|c| c.version == stored.version),
        )?;
        let mut other = j.clone();
        other
            .apply(Command::Greet, Utc::now(), ActorId("conformance".into()))
            .map_err(|e| e.to_string())?;
        let (reused, _, _) = self.put_job(&other, Some(&stored.version), &key).await?;
        expect(
            "the same key with another body is 422",
            reused == StatusCode::UNPROCESSABLE_ENTITY,
        )
    }

    async fn stale(&self) -> Check {
        let mut j = job(new_id());
        let (_, created, _) = self
            .put_job(&j, None, &uuid::Uuid::new_v4().to_string())
            .await?;
        let v1 = created.ok_or("create answers with the document")?.version;
        j.apply(Command::Greet, Utc::now(), ActorId("conformance".into()))
            .map_err(|e| e.to_string())?;
        let (status, updated, _) = self
            .put_job(&j, Some(&v1), &uuid::Uuid::new_v4().to_string())
            .await?;
        expect(
            "an update on the current version is 200",
            status == StatusCode::OK,
        )?;
        let v2 = updated.ok_or("update answers with the document")?.version;
        expect("the version changed", v2 != v1)?;
        let (status, current, _) = self
            .put_job(&j, Some(&v1), &uuid::Uuid::new_v4().to_string())
            .await?;
        expect(
            "a stale version is 412",
            status == StatusCode::PRECONDITION_FAILED,
        )?;
        let current = current.ok_or("412 carries the current document")?;
        expect("the current version", current.version == v2)?;
        // As stored: times keep milliseconds.
        let sent = schema::restore(&schema::store(&j).map_err(|e| e.to_string())?)
            .map_err(|e| e.to_string())?;
        expect(
            "the current document",
            current.document.as_ref() == Some(&sent),
        )
    }

    async fn tombstone(&self) -> Check {
        let before = self.end_of_feed().await?;
        let j = job(new_id());
        let (_, created, _) = self
            .put_job(&j, None, &uuid::Uuid::new_v4().to_string())
            .await?;
        let v1 = created.ok_or("create answers with the document")?.version;
        let r = self
            .send(
                self.request(Method::DELETE, &format!("/jobs/{}", j.id))
                    .header("if-match", etag(&v1))
                    .header("idempotency-key", uuid::Uuid::new_v4().to_string()),
            )
            .await?;
        expect("delete is 200", r.status() == StatusCode::OK)?;
        let gone: Stored = r.json().await.map_err(|e| e.to_string())?;
        expect("a tombstone", gone.deleted && gone.document.is_none())?;
        let feed = self.all_changes(&before).await?;
        expect(
            "the feed has the tombstone",
            feed.iter()
                .any(|c| c.id == j.id && c.deleted && c.version == gone.version),
        )
    }

    /// The cursor after the last change the feed has now.
    async fn end_of_feed(&self) -> Result<String, String> {
        let mut cursor = String::new();
        loop {
            let page = self.page(&cursor, 500).await?;
            cursor = page.next;
            if !page.has_more {
                return Ok(cursor);
            }
        }
    }

    async fn all_changes(&self, since: &str) -> Result<Vec<Stored>, String> {
        let mut cursor = since.to_string();
        let mut seen = Vec::new();
        loop {
            let page = self.page(&cursor, 50).await?;
            seen.extend(page.changes);
            cursor = page.next;
            if !page.has_more {
                return Ok(seen);
            }
        }
    }

    async fn page(&self, cursor: &str, limit: u32) -> Result<Changes, String> {
        let r = self
            .send(
                self.request(Method::GET, "/changes")
                    .query(&[("since", cursor), ("limit", &limit.to_string())]),
            )
            .await?;
        if r.status() != StatusCode::OK {
            return Err(format!("GET /changes: {}", r.status()));
        }
        r.json().await.map_err(|e| e.to_string())
    }

    /// Writers create and update jobs while a reader pages through the feed with small pages;
    /// the reader must see every write's final state and no (job, version) twice.
    async fn paging(&self) -> Check {
        let cursor = self.end_of_feed().await?;
        let writers = (0..4).map(|_| async {
            let mut written = Vec::new();
            for _ in 0..10 {
                let mut j = job(new_id());
                let (_, created, _) = self
                    .put_job(&j, None, &uuid::Uuid::new_v4().to_string())
                    .await?;
                let v = created.ok_or("create answers with the document")?.version;
                j.apply(Command::Greet, Utc::now(), ActorId("conformance".into()))
                    .map_err(|e| e.to_string())?;
                let (_, updated, _) = self
                    .put_job(&j, Some(&v), &uuid::Uuid::new_v4().to_string())
                    .await?;
                written.push((
                    j.id,
                    updated.ok_or("update answers with the document")?.version,
                ));
            }
            Ok::<_, String>(written)
        });
        let reader = async {
            let mut seen: Vec<(JobId, String)> = Vec::new();
            let mut cursor = cursor.clone();
            for _ in 0..400 {
                let page = self.page(&cursor, 3).await?;
                seen.extend(page.changes.iter().map(|c| (c.id, c.version.clone())));
                cursor = page.next;
                tokio::task::yield_now().await;
            }
            Ok::<_, String>((seen, cursor))
        };
        let (written, read) = tokio::join!(futures::future::join_all(writers), reader);
        let (mut seen, cursor) = read?;
        // Whatever was written after the reader stopped is read now.
        seen.extend(
            self.all_changes(&cursor)
                .await?
                .into_iter()
                .map(|c| (c.id, c.version)),
        );
        let mut counts: BTreeMap<(JobId, String), usize> = BTreeMap::new();
        for s in &seen {
            *counts.entry(s.clone()).or_default() += 1;
        }
        expect(
            "no change is delivered twice",
            counts.values().all(|n| *n == 1),
        )?;
        for w in written {
            for (id, version) in w? {
                expect(
                    "every write's final state is delivered",
                    counts.contains_key(&(id, version)),
                )?;
            }
        }
        Ok(())
    }

    /// Five identical creates at once (same key, same body): one write, five times its answer.
    async fn concurrent_replays(&self) -> Check {
        let before = self.end_of_feed().await?;
        let j = job(new_id());
        let key = uuid::Uuid::new_v4().to_string();
        let answers = futures::future::join_all((0..5).map(|_| self.put_job(&j, None, &key))).await;
        let mut versions = Vec::new();
        for answer in answers {
            let (status, stored, _) = answer?;
            expect(
                &format!("every duplicate is answered 201, not {status}"),
                status == StatusCode::CREATED,
            )?;
            versions.push(stored.ok_or("with the stored document")?.version);
        }
        versions.dedup();
        expect("all with the same version", versions.len() == 1)?;
        let feed = self.all_changes(&before).await?;
        expect(
            "written once",
            feed.iter().filter(|c| c.id == j.id).count() == 1,
        )
    }

    /// The envelope with properties the app does not know, at both levels, comes back as sent.
    async fn whole_documents(&self) -> Check {
        let j = job(new_id());
        let mut sent: serde_json::Value =
            serde_json::from_str(&schema::store(&j).map_err(|e| e.to_string())?)
                .map_err(|e| e.to_string())?;
        sent["x_dealer_ref"] = serde_json::json!("DMS-2026-0042");
        sent["job"]["x_dealer_ref"] = serde_json::json!({"ro": 42, "bay": "3号"});
        self.created_whole(j.id, &sent).await?;
        // The bare job (no envelope) is not a job document.
        let j = job(new_id());
        let bare = sent["job"].clone();
        let (status, body) = self.put_raw(&self.token, j.id, bare.to_string()).await?;
        expect(
            "a bare job is 422 invalid_document",
            status == StatusCode::UNPROCESSABLE_ENTITY && body["code"] == "invalid_document",
        )
    }

    /// A number the job cannot hold is refused, and nothing is stored.
    async fn lossy_documents(&self) -> Check {
        let mut j = job(new_id());
        let actor = ActorId("conformance".into());
        j.apply(Command::StartInspection, Utc::now(), actor.clone())
            .map_err(|e| e.to_string())?;
        j.apply(
            Command::AddDamage {
                view: lanecheck_domain::inspection::View::Left,
                x: 0.5,
                y: 0.5,
                kind: lanecheck_domain::inspection::DamageKind::Scratch,
                severity: lanecheck_domain::inspection::Severity::Minor,
                note: String::new(),
            },
            Utc::now(),
            actor,
        )
        .map_err(|e| e.to_string())?;
        let mut sent: serde_json::Value =
            serde_json::from_str(&schema::store(&j).map_err(|e| e.to_string())?)
                .map_err(|e| e.to_string())?;
        sent["job"]["damage"][0]["x"] = serde_json::json!(1e39);
        let (status, body) = self.put_raw(&self.token, j.id, sent.to_string()).await?;
        expect(
            &format!("x = 1e39 is 422 invalid_document, not {status}"),
            status == StatusCode::UNPROCESSABLE_ENTITY && body["code"] == "invalid_document",
        )?;
        let (status, _) = self
            .get_raw(&self.token, &format!("/jobs/{}", j.id))
            .await?;
        expect("and not stored", status == StatusCode::NOT_FOUND)
    }

    /// A schema-3 document with a signed repair order: refused until the order's signature
    /// image is uploaded, then stored and read back exactly as sent.
    async fn repair_order(&self) -> Check {
        use lanecheck_domain::order::{OldParts, RepairClass};
        use lanecheck_domain::order_command::OrderCommand;
        let (check_in_png, _) = self.put_blob(&random_bytes()).await?;
        let order_png = random_bytes();
        let mut j = job(new_id());
        let actor = ActorId("conformance".into());
        let signature = |png_sha256: String| SignatureRef {
            png_sha256,
            signer: "客户".into(),
            signed_at: Utc::now(),
        };
        let reason = "conformance".to_string();
        for command in [
            Command::StartInspection,
            Command::OverrideGate { reason },
            Command::SignCheckIn(signature(check_in_png)),
        ] {
            j.apply(command, Utc::now(), actor.clone())
                .map_err(|e| e.to_string())?;
        }
        for command in [
            OrderCommand::Begin {
                terms: Default::default(),
                offers: Vec::new(),
            },
            OrderCommand::SetRepairClass(RepairClass::Minor),
            OrderCommand::SetOldParts(OldParts::None),
            OrderCommand::SetCarWash(false),
            OrderCommand::SetPromisedAt(Utc::now()),
            OrderCommand::Sign(signature(sha256_hex(&order_png))),
        ] {
            j.apply_order(command, Utc::now(), actor.clone())
                .map_err(|e| e.to_string())?;
        }
        let sent: serde_json::Value =
            serde_json::from_str(&schema::store(&j).map_err(|e| e.to_string())?)
                .map_err(|e| e.to_string())?;
        let (status, body) = self.put_raw(&self.token, j.id, sent.to_string()).await?;
        expect(
            &format!("without the order's signature: 409 missing_blobs, not {status}"),
            status == StatusCode::CONFLICT && body["code"] == "missing_blobs",
        )?;
        self.put_blob(&order_png).await?;
        self.created_whole(j.id, &sent).await
    }

    /// Creates job `id` as `sent` and checks that the answer and a GET have it as sent.
    async fn created_whole(&self, id: JobId, sent: &serde_json::Value) -> Check {
        let (status, created) = self.put_raw(&self.token, id, sent.to_string()).await?;
        expect(
            &format!("created, not {status}"),
            status == StatusCode::CREATED,
        )?;
        expect(
            "the answer has the document as sent",
            created["document"] == *sent,
        )?;
        let (_, got) = self.get_raw(&self.token, &format!("/jobs/{id}")).await?;
        expect("GET has the document as sent", got["document"] == *sent)
    }

    async fn error_bodies(&self) -> Check {
        for limit in [
            "abc",
            "1.5",
            "",
            "1e3",
            "99999999999999999999",
            "0",
            "501",
            "-1",
        ] {
            let (status, body) = self
                .get_raw(&self.token, &format!("/changes?limit={limit}"))
                .await?;
            expect(
                &format!("limit={limit}: 400 with code bad_request, not {status} {body}"),
                status == StatusCode::BAD_REQUEST && body["code"] == "bad_request",
            )?;
            expect(
                &format!("limit={limit}: a message"),
                body["message"].as_str().is_some_and(|m| !m.is_empty()),
            )?;
        }
        let (status, body) = self.get_raw(&self.token, "/changes?since=x").await?;
        expect(
            "an unknown cursor is 400 bad_request",
            status == StatusCode::BAD_REQUEST && body["code"] == "bad_request",
        )?;
        let (status, body) = self.get_raw(&self.token, "/jobs/not-a-uuid").await?;
        expect(
            "a job address that is no UUID is 400 bad_request",
            status == StatusCode::BAD_REQUEST && body["code"] == "bad_request",
        )?;
        let (status, body) = self
            .get_raw(&self.token, &format!("/jobs/{}", new_id()))
            .await?;
        expect(
            "an unknown job is 404 not_found",
            status == StatusCode::NOT_FOUND && body["code"] == "not_found",
        )
    }

    async fn headers(&self) -> Check {
        for scheme in ["bearer", "BEARER", "Bearer"] {
            let r = self
                .send(
                    self.client
                        .get(format!("{}/whoami", self.base))
                        .header("authorization", format!("{scheme} {}", self.token)),
                )
                .await?;
            expect(
                &format!("`{scheme}` is accepted"),
                r.status() == StatusCode::OK,
            )?;
        }
        let j = job(new_id());
        let write = job_write(&j, &Precondition::Create, &uuid::Uuid::new_v4().to_string())
            .map_err(|_| "the job document could not be written".to_string())?;
        let mut request = self
            .request(Method::PUT, &write.path)
            .body(write.body)
            .header("x-lanecheck-device", "%E5%89%8D".repeat(30));
        for (name, value) in write.headers {
            request = request.header(name, value);
        }
        let r = self.send(request).await?;
        expect(
            "a device name over 200 characters is 400",
            r.status() == StatusCode::BAD_REQUEST,
        )?;
        expect(
            "with code bad_request",
            Self::error_body(r).await?.code == "bad_request",
        )
    }

    /// `GET /search` with `q` (percent-encoded here): the ids it answers with.
    async fn found(&self, token: &str, q: &str) -> Result<(StatusCode, Vec<String>), String> {
        let q: String = url_encode(q);
        let (status, body) = self.get_raw(token, &format!("/search?q={q}")).await?;
        let ids = body["jobs"]
            .as_array()
            .map(|jobs| {
                jobs.iter()
                    .filter_map(|j| j["id"].as_str().map(str::to_string))
                    .collect()
            })
            .unwrap_or_default();
        Ok((status, ids))
    }

    /// A job with a plate of its own and a VIN, found by the middle of its plate and by the
    /// VIN's last six (it is the newest written, so first among any earlier runs' jobs).
    async fn search(&self) -> Check {
        let mut j = job(new_id());
        let own = uuid::Uuid::new_v4().simple().to_string()[..5].to_ascii_uppercase();
        j.vehicle.plate = Plate::parse(&format!("粤B{own}")).map_err(|_| "a plate")?;
        j.vehicle.vin = Some(Vin::parse("LSVAM4187C2184726").map_err(|_| "a VIN")?);
        let body = schema::store(&j).map_err(|e| e.to_string())?;
        let (status, _) = self.put_raw(&self.token, j.id, body).await?;
        expect("the job is written", status == StatusCode::CREATED)?;
        let id = j.id.to_string();
        let (status, by_plate) = self.found(&self.token, &format!("b{}", &own[..3])).await?;
        expect("search by part of the plate: 200", status == StatusCode::OK)?;
        expect(
            "part of the plate, in lower case, finds the job",
            by_plate.contains(&id),
        )?;
        let (_, by_vin) = self.found(&self.token, "184726").await?;
        expect(
            "the VIN's last six find the job first",
            by_vin.first() == Some(&id),
        )?;
        let (_, elsewhere) = self.found(&self.token, &format!("沪B{own}")).await?;
        expect("another plate does not find it", !elsewhere.contains(&id))?;
        if let Some(other) = &self.other_token {
            let (_, theirs) = self.found(other, &format!("粤B{own}")).await?;
            expect(
                "another store's search does not find it",
                !theirs.contains(&id),
            )?;
        }
        let (status, body) = self.get_raw(&self.token, "/search?q=").await?;
        expect(
            "an empty search is 400 bad_request",
            status == StatusCode::BAD_REQUEST && body["code"] == "bad_request",
        )
    }

    /// A job and a blob of this store, looked for with the other store's token.
    async fn isolation(&self, other: &str) -> Check {
        let bytes = random_bytes();
        let (sha, _) = self.put_blob(&bytes).await?;
        let j = with_photo(&bytes)?;
        let body = schema::store(&j).map_err(|e| e.to_string())?;
        let (status, _) = self.put_raw(&self.token, j.id, body.clone()).await?;
        expect("this store writes its job", status == StatusCode::CREATED)?;
        let head = self
            .send(
                self.client
                    .head(format!("{}/blobs/{sha}", self.base))
                    .bearer_auth(other),
            )
            .await?;
        expect(
            "HEAD of the other store's blob is 404",
            head.status() == StatusCode::NOT_FOUND,
        )?;
        let (status, _) = self.get_raw(other, &format!("/blobs/{sha}")).await?;
        expect(
            "GET of the other store's blob is 404",
            status == StatusCode::NOT_FOUND,
        )?;
        let (status, _) = self.get_raw(other, &format!("/jobs/{}", j.id)).await?;
        expect(
            "GET of the other store's job is 404",
            status == StatusCode::NOT_FOUND,
        )?;
        let mut feed = String::new();
        loop {
            let (_, page) = self
                .get_raw(other, &format!("/changes?since={feed}&limit=500"))
                .await?;
            let ids = page["changes"].as_array().cloned().unwrap_or_default();
            expect(
                "the other store's feed lacks the job",
                ids.iter()
                    .all(|c| c["id"] != serde_json::json!(j.id.to_string())),
            )?;
            feed = page["next"].as_str().unwrap_or_default().to_string();
            if page["has_more"] != serde_json::json!(true) {
                break;
            }
        }
        // Its own job naming the blob: the blob is not there for it.
        let mut theirs = j.clone();
        theirs.id = new_id();
        let body = schema::store(&theirs).map_err(|e| e.to_string())?;
        let (status, body) = self.put_raw(other, theirs.id, body).await?;
        expect(
            "a job of the other store naming this store's blob is 409 missing_blobs",
            status == StatusCode::CONFLICT && body["code"] == "missing_blobs",
        )
    }
}
