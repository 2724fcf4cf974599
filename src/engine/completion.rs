//! What shell completion reads from the store beyond names: the paths inside an image or a
//! container, read through their layers (a container's upper directory over its image's layers)
//! without mounting anything, with overlay's whiteout rules ([`crate::rootfs::view`]).

use super::{containers, images, Error, StorageDriver, Store};
use crate::rootfs::view::{complete_path, LayeredView};

/// Candidates for the path `to_complete` inside the image `name` (a name or an id), and
/// whether the shell should add no space after it.
pub fn image_paths(store: &Store, name: &str, to_complete: &str) -> Result<(Vec<String>, bool), Error> {
    let image = images::lookup(store, name)?.image;
    let view = LayeredView::new(containers::lower_dirs(store, &image)?);
    Ok(complete_path(&view, to_complete))
}

/// Candidates for the path `to_complete` inside the container `key` (a name or an id).
pub fn container_paths(store: &Store, key: &str, to_complete: &str) -> Result<(Vec<String>, bool), Error> {
    let rec = containers::lookup(store, key)?;
    let dirs = store.container_dirs(&rec.id);
    let layers = if rec.storage_driver == StorageDriver::Vfs.to_string() {
        vec![dirs.merged]
    } else {
        let image = store
            .get_image(&rec.image_id)?
            .ok_or_else(|| crate::storage::Error::ImageNotFound { name: rec.image_id.clone() })?;
        let mut layers = vec![dirs.upper];
        layers.extend(containers::lower_dirs(store, &image)?);
        layers
    };
    Ok(complete_path(&LayeredView::new(layers), to_complete))
}
