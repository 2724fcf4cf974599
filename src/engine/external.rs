//! External containers: those of the user's containers/storage store (podman's and buildah's,
//! e.g. made by `buildah from` or left by an interrupted `buildah bud`), which skiff's own store
//! does not hold. `ps --external` lists them, `container exists --external` finds them, `rm`
//! removes them and `diff` shows what they changed, as podman does for containers its own
//! database does not know.
//!
//! The store is found as podman finds it (storage.conf, see
//! [`storage_conf::containers_storage`]). No store, or one that cannot be read, means no
//! external containers; a corrupt file is an error that names it. Removal happens inside skiff's
//! user namespace (joined by the caller), where files of subordinate ids can be deleted.

use crate::storage::changes::Change;
use crate::storage::cstorage::{self, CStore};

use super::storage_conf;
use super::Context;

pub use cstorage::Error;

/// An external container, as `ps --external` shows it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct External {
    pub id: String,
    /// Its first name (podman's `unknown` when it has none).
    pub name: String,
    pub image_id: String,
    /// The image's name; `scratch` for a buildah container without an image.
    pub image_name: String,
    /// RFC 3339 (empty when the store did not record it).
    pub created: String,
    /// `buildah` for buildah's containers, else `storage`, as podman's COMMAND column.
    pub command: String,
}

/// The user's containers/storage store, if there is one.
pub fn store(ctx: &Context) -> Option<CStore> {
    let conf = storage_conf::containers_storage(ctx.rootless, ctx.identity.uid);
    CStore::open(&conf.graph_root, &conf.run_root, conf.driver.as_deref())
}

/// Every external container, oldest first.
pub fn list(ctx: &Context) -> Result<Vec<External>, Error> {
    let Some(store) = store(ctx) else { return Ok(Vec::new()) };
    let containers = store.containers()?;
    if containers.is_empty() {
        return Ok(Vec::new());
    }
    let names = store.image_names()?;
    let mut out: Vec<External> = containers
        .into_iter()
        .map(|c| {
            let buildah = store.is_buildah(&c.id);
            let image_name = match names.get(&c.image) {
                Some(n) => n.clone(),
                None if c.image.is_empty() && buildah => "scratch".into(),
                None => String::new(),
            };
            External {
                name: c.name().to_string(),
                image_name,
                image_id: c.image.clone(),
                created: c.created.clone().unwrap_or_default(),
                command: if buildah { "buildah" } else { "storage" }.into(),
                id: c.id,
            }
        })
        .collect();
    out.sort_by(|a, b| a.created.cmp(&b.created));
    Ok(out)
}

/// The id of the external container `key` names (id, name or unique id prefix), if any.
pub fn lookup(ctx: &Context, key: &str) -> Result<Option<String>, Error> {
    let Some(store) = store(ctx) else { return Ok(None) };
    Ok(cstorage::find(&store.containers()?, key).map(|c| c.id.clone()))
}

/// Removes the external container `key`: `Ok(false)` when there is none. A mounted one needs
/// `force`; podman's own containers are refused.
pub fn remove(ctx: &Context, key: &str, force: bool) -> Result<bool, Error> {
    let Some(store) = store(ctx) else { return Ok(false) };
    Ok(store.remove(key, force)?.is_some())
}

/// The paths a runtime creates or mounts over in every container (podman's "init inodes"):
/// not the container's own changes, so `diff` leaves them out, as podman's does.
const INIT_PATHS: [&str; 11] = [
    "/dev",
    "/etc/hostname",
    "/etc/hosts",
    "/etc/mtab",
    "/etc/resolv.conf",
    "/proc",
    "/run",
    "/run/.containerenv",
    "/run/notify",
    "/run/secrets",
    "/sys",
];

/// What the external container `key` changed in its image; `None` when there is none.
pub fn diff(ctx: &Context, key: &str) -> Result<Option<Vec<Change>>, Error> {
    let Some(store) = store(ctx) else { return Ok(None) };
    Ok(store
        .changes(key)?
        .map(|changes| changes.into_iter().filter(|c| !INIT_PATHS.contains(&c.path.as_str())).collect()))
}
