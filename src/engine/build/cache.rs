//! The build cache: `ROOT/build-cache/<key>.json` holds the layer a step made, for the next
//! build whose step has the same key. An entry whose layer or blob is gone (collected after the
//! images using it were removed) is a miss. Entries are written atomically; two builds writing
//! the same key write the same layer or equally valid ones.

use serde_json::Value;
use sha2::{Digest as _, Sha256};

use super::Error;
use crate::storage::{LayerRef, Store};

/// The key of a step: the sha256 of its description (parent, config, instruction, content).
pub fn key(description: &Value) -> String {
    hex::encode(Sha256::digest(description.to_string().as_bytes()))
}

fn path(store: &Store, key: &str) -> std::path::PathBuf {
    store.root().join("build-cache").join(format!("{key}.json"))
}

/// The layer recorded for `key`, if it is still stored.
pub fn lookup(store: &Store, key: &str) -> Result<Option<LayerRef>, Error> {
    let Ok(bytes) = fs_err::read(path(store, key)) else { return Ok(None) };
    let Ok(layer) = serde_json::from_slice::<LayerRef>(&bytes) else { return Ok(None) };
    if store.get_layer(&layer.chain_id)?.is_none() || !store.blobs().has(&layer.blob_digest)? {
        return Ok(None);
    }
    Ok(Some(layer))
}

/// Records the layer a step made (a failure only costs a later cache miss).
pub fn record(store: &Store, key: &str, layer: &LayerRef) {
    let p = path(store, key);
    if let Some(dir) = p.parent() {
        let _ = fs_err::create_dir_all(dir);
    }
    let body = serde_json::to_vec(layer).expect("a layer ref serializes");
    if let Err(e) = crate::engine::write_atomic(&p, &body) {
        tracing::warn!(path = %p.display(), error = %e, "cannot record a build cache entry");
    }
}

fn config_path(store: &Store, key: &str) -> std::path::PathBuf {
    store.root().join("build-cache").join(format!("image-{key}.json"))
}

/// The image config a build with the same key wrote.
pub fn lookup_config(store: &Store, key: &str) -> Option<Vec<u8>> {
    let bytes = fs_err::read(config_path(store, key)).ok()?;
    serde_json::from_slice::<Value>(&bytes).ok().filter(Value::is_object)?;
    Some(bytes)
}

/// Records the image config of a build.
pub fn record_config(store: &Store, key: &str, config: &[u8]) {
    let p = config_path(store, key);
    if let Some(dir) = p.parent() {
        let _ = fs_err::create_dir_all(dir);
    }
    if let Err(e) = crate::engine::write_atomic(&p, config) {
        tracing::warn!(path = %p.display(), error = %e, "cannot record a build cache entry");
    }
}
