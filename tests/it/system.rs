//! `system df`, `system prune` and `system reset` against a real store.

use crate::fixtures::fixtures;
use crate::reliability::{scratch_left, stored_layers};
use crate::util::{Output, Skiff};

const TLS: &str = "--tls-verify=false";

fn pull(s: &Skiff, reference: &str) {
    s.cmd(&["pull", TLS, reference]).assert_success();
}

fn ids(s: &Skiff) -> Vec<String> {
    let out = s.cmd(&["images", "-q", "--no-trunc"]);
    out.assert_success();
    out.lines().iter().map(|l| l.to_string()).collect()
}

fn blobs(s: &Skiff) -> usize {
    fs_err::read_dir(s.root().join("blobs/sha256")).unwrap().count()
}

fn df_json(s: &Skiff) -> serde_json::Value {
    let out = s.cmd(&["system", "df", "--format", "json"]);
    out.assert_success();
    out.json()
}

/// Bytes in `Total reclaimed space: X` (as podman prints it, e.g. `4.47MB`).
fn reclaimed(out: &Output) -> String {
    out.lines()
        .iter()
        .find_map(|l| l.strip_prefix("Total reclaimed space: "))
        .unwrap_or_else(|| panic!("no total line\n{out}"))
        .to_string()
}

#[test]
fn df_on_an_empty_store_prints_podmans_table() {
    let s = Skiff::new();
    let out = s.cmd(&["system", "df"]);
    out.assert_success().assert_stdout_eq(
        "TYPE           TOTAL       ACTIVE      SIZE        RECLAIMABLE\n\
         Images         0           0           0B          0B (0%)\n\
         Containers     0           0           0B          0B (0%)\n\
         Local Volumes  0           0           0B          0B (0%)",
    );
}

#[test]
fn df_counts_images_and_reports_no_containers_or_volumes() {
    let f = fixtures();
    let s = Skiff::new();
    pull(&s, &f.busybox.reference);
    let v = df_json(&s);
    let rows = v.as_array().unwrap();
    let kinds: Vec<&str> = rows.iter().map(|r| r["Type"].as_str().unwrap()).collect();
    assert_eq!(kinds, ["Images", "Containers", "Local Volumes"]);
    let images = &rows[0];
    assert_eq!(images["Total"], 1);
    assert_eq!(images["Active"], 0);
    let size = images["RawSize"].as_u64().unwrap();
    assert!(size > f.busybox.layers[0].size, "{v}");
    assert_eq!(images["RawReclaimable"], size);
    assert!(images["Reclaimable"].as_str().unwrap().ends_with("(100%)"), "{v}");
    for r in &rows[1..] {
        assert_eq!((r["Total"].as_u64(), r["RawSize"].as_u64()), (Some(0), Some(0)), "{v}");
    }
    let t = s.cmd(&["system", "df", "--format", "{{.Type}}={{.Total}}"]);
    t.assert_success().assert_stdout_eq("Images=1\nContainers=0\nLocal Volumes=0");
}

#[test]
fn prune_without_a_terminal_or_force_removes_nothing() {
    let f = fixtures();
    let s = Skiff::new();
    pull(&s, &f.busybox.reference);
    s.cmd(&["untag", &f.busybox.reference]).assert_success();
    let out = s.cmd(&["system", "prune"]);
    out.assert_success().assert_stderr_contains("WARNING! This command removes");
    assert_eq!(ids(&s), vec![f.busybox.id().to_string()]);
    let out = s.cmd(&["system", "reset"]);
    out.assert_success().assert_stderr_contains("WARNING! This will remove all containers, images, volumes");
    assert_eq!(ids(&s), vec![f.busybox.id().to_string()]);
}

#[test]
fn prune_removes_dangling_images_and_keeps_named_ones() {
    let f = fixtures();
    let s = Skiff::new();
    pull(&s, &f.busybox.reference);
    pull(&s, &f.multi.reference);
    s.cmd(&["untag", &f.multi.reference]).assert_success();
    let out = s.cmd(&["system", "prune", "-f"]);
    out.assert_success();
    assert!(out.lines().contains(&f.multi.id()), "{out}");
    assert!(!out.lines().contains(&f.busybox.id()), "{out}");
    assert_ne!(reclaimed(&out), "0B", "{out}");
    assert_eq!(ids(&s), vec![f.busybox.id().to_string()]);
    // multi stacks on busybox's layer: that one stays, the rest went with multi.
    assert_eq!(stored_layers(&s).len(), f.busybox.layer_count());
    s.cmd(&["images"]).assert_success();
}

#[test]
fn prune_all_empties_the_store() {
    let f = fixtures();
    let s = Skiff::new();
    pull(&s, &f.multi.reference);
    let out = s.cmd(&["system", "prune", "-a", "-f"]);
    out.assert_success();
    assert!(out.lines().contains(&f.multi.id()), "{out}");
    assert_eq!(ids(&s), Vec::<String>::new());
    assert_eq!(stored_layers(&s), Vec::<String>::new());
    assert_eq!(blobs(&s), 0);
    let again = s.cmd(&["system", "prune", "-a", "-f"]);
    again.assert_success();
    assert_eq!(reclaimed(&again), "0B");
}

/// Makes every stored layer and blob unreferenced, as a command killed between storing them and
/// recording its image would leave them.
fn forget_images(s: &Skiff) {
    fs_err::write(s.root().join("images.json"), br#"{"version":1,"images":[]}"#).unwrap();
    assert_eq!(ids(s), Vec::<String>::new());
}

#[test]
fn prune_collects_unreferenced_layers_and_blobs() {
    let f = fixtures();
    let s = Skiff::new();
    pull(&s, &f.multi.reference);
    forget_images(&s);
    assert_eq!(stored_layers(&s).len(), f.multi.layer_count());
    let out = s.cmd(&["system", "prune", "-f"]);
    out.assert_success();
    assert_ne!(reclaimed(&out), "0B", "{out}");
    assert_eq!(stored_layers(&s), Vec::<String>::new());
    assert_eq!(blobs(&s), 0);
    assert_eq!(scratch_left(&s), Vec::<String>::new());
    pull(&s, &f.multi.reference);
    assert_eq!(ids(&s), vec![f.multi.id().to_string()]);
}

#[test]
fn prune_leaves_a_locked_layer_alone() {
    let f = fixtures();
    let s = Skiff::new();
    pull(&s, &f.busybox.reference);
    forget_images(&s);
    let layer = stored_layers(&s).pop().unwrap();
    // As an ingest (or removal) of that layer holds it.
    let lock = skiff::storage::Lock::exclusive(&s.root().join(format!("layers/{layer}.lock"))).unwrap();
    s.cmd(&["system", "prune", "-f"]).assert_success();
    assert_eq!(stored_layers(&s), vec![layer.clone()]);
    drop(lock);
    s.cmd(&["system", "prune", "-f"]).assert_success();
    assert_eq!(stored_layers(&s), Vec::<String>::new());
}

#[test]
fn prune_leaves_unreferenced_data_alone_while_a_pull_runs() {
    let f = fixtures();
    let s = Skiff::new();
    pull(&s, &f.busybox.reference);
    forget_images(&s);
    // As a pull holds it between storing its first layer and recording its image.
    let guard = skiff::storage::Lock::shared(&s.root().join("gc.lock")).unwrap();
    let out = s.cmd(&["system", "prune", "-f"]);
    out.assert_success().assert_stderr_contains("a pull is running");
    assert_eq!(stored_layers(&s).len(), 1);
    assert!(blobs(&s) > 0);
    drop(guard);
    s.cmd(&["system", "prune", "-f"]).assert_success();
    assert_eq!(stored_layers(&s), Vec::<String>::new());
    assert_eq!(blobs(&s), 0);
}

#[test]
fn prune_during_pulls_never_breaks_them() {
    let f = fixtures();
    let s = Skiff::new();
    std::thread::scope(|scope| {
        let puller = scope.spawn(|| {
            for _ in 0..3 {
                s.cmd(&["pull", TLS, &f.multi.reference]).assert_success();
                s.cmd(&["rmi", "-a"]).assert_success();
            }
        });
        while !puller.is_finished() {
            s.cmd(&["system", "prune", "-a", "-f"]).assert_success();
        }
        puller.join().unwrap();
    });
    s.cmd(&["images"]).assert_success();
    // The store is consistent afterwards: `rmi -a` came last, so nothing is listed, and nothing
    // is left behind: no layer without an image, no half-written scratch entry.
    assert_eq!(ids(&s), Vec::<String>::new());
    assert_eq!(stored_layers(&s), Vec::<String>::new());
    assert_eq!(scratch_left(&s), Vec::<String>::new());
    // Pulled again, both images are listed, their layers stored once (multi's first layer is
    // busybox's), and each runs with its whole content.
    pull(&s, &f.multi.reference);
    pull(&s, &f.busybox.reference);
    let mut want = vec![f.multi.id().to_string(), f.busybox.id().to_string()];
    want.sort();
    let mut got = ids(&s);
    got.sort();
    assert_eq!(got, want);
    assert_eq!(stored_layers(&s).len(), f.multi.layer_count());
    s.cmd(&["run", "--rm", TLS, &f.multi.reference, "cat", "/data/keep", "/data/dir/new"])
        .assert_success()
        .assert_stdout_eq("keep\nnew");
    s.cmd(&["run", "--rm", TLS, &f.busybox.reference, "cat", "/etc/group"])
        .assert_success()
        .assert_stdout_eq("root:x:0:\napp:x:1000:\nnogroup:x:65534:");
}

#[test]
fn reset_removes_everything_including_files_of_subordinate_ids() {
    let f = fixtures();
    let s = Skiff::new();
    pull(&s, &f.multi.reference);
    fs_err::create_dir_all(s.runroot()).unwrap();
    fs_err::write(s.runroot().join("leftover"), "x").unwrap();
    let out = s.cmd(&["system", "reset", "-f"]);
    out.assert_success();
    assert_eq!(fs_err::read_dir(s.root()).unwrap().count(), 0, "{out}");
    assert_eq!(fs_err::read_dir(s.runroot()).unwrap().count(), 0, "{out}");
    s.cmd(&["images"])
        .assert_success()
        .assert_stdout_eq("REPOSITORY  TAG         IMAGE ID    CREATED     SIZE");
    pull(&s, &f.busybox.reference);
    assert_eq!(ids(&s), vec![f.busybox.id().to_string()]);
}

#[test]
fn reset_repairs_a_store_too_corrupt_to_open() {
    let s = Skiff::new();
    s.cmd(&["images"]).assert_success();
    fs_err::write(s.root().join("images.json"), "{ not json").unwrap();
    s.cmd(&["images"]).assert_exit(125);
    s.cmd(&["system", "reset", "--force"]).assert_success();
    s.cmd(&["images"]).assert_success();
    assert_eq!(ids(&s), Vec::<String>::new());
}

fn container_names(s: &Skiff) -> Vec<String> {
    let out = s.cmd(&["ps", "-a", "--format", "{{.Names}}"]);
    out.assert_success();
    let mut names: Vec<String> = out.lines().iter().map(|l| l.to_string()).collect();
    names.sort();
    names
}

#[test]
fn prune_removes_stopped_containers_and_then_their_images() {
    let f = fixtures();
    let s = Skiff::new();
    pull(&s, &f.busybox.reference);
    let image = f.busybox.reference.as_str();
    s.cmd(&["run", TLS, "--name", "done", image, "true"]).assert_success();
    s.cmd(&["run", TLS, "-d", "--name", "up", image, "sleep", "100"]).assert_success();
    let out = s.cmd(&["system", "prune", "-a", "-f"]);
    out.assert_success();
    assert!(out.stdout.contains("Deleted Containers"), "{out}");
    // The running container and its image stay; the exited one is gone.
    assert_eq!(container_names(&s), vec!["up".to_string()]);
    assert_eq!(ids(&s), vec![f.busybox.id().to_string()]);
    s.cmd(&["rm", "-f", "up"]).assert_success();
    s.cmd(&["system", "prune", "-a", "-f"]).assert_success();
    assert_eq!(ids(&s), Vec::<String>::new());
}

#[test]
fn reset_kills_running_containers_first() {
    let f = fixtures();
    let s = Skiff::new();
    let image = f.busybox.reference.as_str();
    s.cmd(&["run", TLS, "-d", "--name", "up", image, "sleep", "100"]).assert_success();
    let pid = s.cmd(&["inspect", "--format", "{{.State.Pid}}", "up"]);
    pid.assert_success();
    s.cmd(&["system", "reset", "-f"]).assert_success();
    assert_eq!(fs_err::read_dir(s.root()).unwrap().count(), 0);
    // Nothing of the container runs on: its supervisor and its process are gone.
    let pid: i32 = pid.stdout.trim().parse().unwrap();
    assert!(pid > 0);
    assert!(!std::path::Path::new(&format!("/proc/{pid}")).exists(), "pid {pid} still runs");
    assert_eq!(container_names(&s), Vec::<String>::new());
}
