//! Blobs on disk, one file per store and SHA-256:
//! `<data>/blobs/<sha256 of the store's id>/<ab>/<sha256>`. The folder is a hash of the store's
//! opaque id, so no two stores share one whatever their names or ids are made of.
//! A blob is written to a temporary file and renamed into place, so a reader never sees half
//! of one and a crash leaves no broken blob behind.

use lanecheck_domain::seal::sha256_hex;
use std::io::ErrorKind;
use std::path::PathBuf;

#[derive(Clone, Debug)]
pub struct Blobs {
    pub root: PathBuf,
}

impl Blobs {
    /// The file of a blob; `None` unless `sha256` is a lower-case hex SHA-256, so no name can
    /// reach outside the blob directory.
    fn path(&self, store: &str, sha256: &str) -> Option<PathBuf> {
        if !is_sha256(sha256) {
            return None;
        }
        Some(self.folder(store).join(&sha256[..2]).join(sha256))
    }

    fn folder(&self, store: &str) -> PathBuf {
        self.root.join(sha256_hex(store.as_bytes()))
    }

    /// Whether the store has a folder of a release before 2026-12.
    pub async fn has_legacy(&self, store: &str) -> bool {
        let legacy = self.root.join(legacy_folder(store));
        legacy != self.folder(store) && tokio::fs::metadata(&legacy).await.is_ok()
    }

    /// Moves a store's blobs out of the folder releases before 2026-12 named after the store's
    /// id with every character outside `[A-Za-z0-9_-]` replaced, which stores could share:
    /// each store gets exactly the blobs its own jobs reference, copied. Returns how many.
    pub async fn adopt_legacy(&self, store: &str, referenced: &[String]) -> std::io::Result<usize> {
        if !self.has_legacy(store).await {
            return Ok(0);
        }
        let legacy = self.root.join(legacy_folder(store));
        let mut adopted = 0;
        for sha256 in referenced {
            let Some(path) = self.path(store, sha256) else {
                continue;
            };
            let old = legacy.join(&sha256[..2]).join(sha256);
            if self.has(store, sha256).await || tokio::fs::metadata(&old).await.is_err() {
                continue;
            }
            if let Some(dir) = path.parent() {
                tokio::fs::create_dir_all(dir).await?;
            }
            tokio::fs::copy(&old, &path).await?;
            adopted += 1;
        }
        Ok(adopted)
    }

    pub async fn has(&self, store: &str, sha256: &str) -> bool {
        match self.path(store, sha256) {
            Some(path) => tokio::fs::metadata(path).await.is_ok(),
            None => false,
        }
    }

    pub async fn read(&self, store: &str, sha256: &str) -> std::io::Result<Option<Vec<u8>>> {
        let Some(path) = self.path(store, sha256) else {
            return Ok(None);
        };
        match tokio::fs::read(path).await {
            Ok(bytes) => Ok(Some(bytes)),
            Err(err) if err.kind() == ErrorKind::NotFound => Ok(None),
            Err(err) => Err(err),
        }
    }

    /// Stores the bytes (already checked against `sha256`); `false` if they were there.
    pub async fn write(&self, store: &str, sha256: &str, bytes: &[u8]) -> std::io::Result<bool> {
        let path = self
            .path(store, sha256)
            .ok_or_else(|| std::io::Error::new(ErrorKind::InvalidInput, "not a SHA-256"))?;
        if tokio::fs::metadata(&path).await.is_ok() {
            return Ok(false);
        }
        if let Some(dir) = path.parent() {
            tokio::fs::create_dir_all(dir).await?;
        }
        let temporary = path.with_extension(format!("part-{}", uuid::Uuid::new_v4().simple()));
        tokio::fs::write(&temporary, bytes).await?;
        tokio::fs::rename(&temporary, &path).await?;
        Ok(true)
    }
}

/// Whether `name` is a lower-case hex SHA-256, the only name a blob has.
pub fn is_sha256(name: &str) -> bool {
    name.len() == 64
        && name
            .bytes()
            .all(|b| b.is_ascii_digit() || (b'a'..=b'f').contains(&b))
}

/// The folder releases before 2026-12 kept a store's blobs in: its id with every character
/// outside `[A-Za-z0-9_-]` replaced by `_` (which stores could share).
pub fn legacy_folder(store: &str) -> String {
    store
        .chars()
        .map(|c| {
            if c.is_ascii_alphanumeric() || c == '-' || c == '_' {
                c
            } else {
                '_'
            }
        })
        .collect()
}
