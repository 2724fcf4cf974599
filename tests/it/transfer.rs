//! `save`, `load`, `push`, `login` and `logout` against skopeo (the independent reference tool)
//! and real registries.

use serde_json::Value;

use crate::fixtures::{self, fixtures};
use crate::registry::{self, AUTH_PASSWORD, AUTH_USER};
use crate::util::{skopeo, Skiff};

const NO_TLS: &str = "--tls-verify=false";

/// `(id, names)` of every image in `skiff images`.
fn images(s: &Skiff) -> Vec<(String, Vec<String>)> {
    let out = s.cmd(&["images", "--format", "json"]);
    out.assert_success();
    out.json()
        .as_array()
        .expect("images --format json is an array")
        .iter()
        .map(|i| {
            let names =
                i["Names"].as_array().map(|a| a.iter().map(|n| n.as_str().unwrap().to_string()).collect());
            (i["Id"].as_str().unwrap().to_string(), names.unwrap_or_default())
        })
        .collect()
}

fn pull(s: &Skiff, reference: &str) {
    s.cmd(&["pull", "-q", NO_TLS, reference]).assert_success();
}

fn skopeo_inspect(transport_ref: &str, extra: &[&str]) -> Value {
    let mut args = vec!["inspect".to_string()];
    args.extend(extra.iter().map(|s| s.to_string()));
    args.push(transport_ref.to_string());
    let out = skopeo(&args);
    out.assert_success();
    out.json()
}

fn skopeo_config(transport_ref: &str, extra: &[&str]) -> Value {
    let mut args = vec!["inspect".to_string(), "--config".to_string()];
    args.extend(extra.iter().map(|s| s.to_string()));
    args.push(transport_ref.to_string());
    let out = skopeo(&args);
    out.assert_success();
    out.json()
}

#[test]
fn save_docker_archive_is_read_by_skopeo() {
    let f = fixtures();
    let s = Skiff::new();
    pull(&s, &f.multi.reference);
    let file = s.dir().join("multi.tar");
    s.cmd(&["save", "-o", file.to_str().unwrap(), &f.multi.reference]).assert_success();
    let target = format!("docker-archive:{}", file.display());
    let info = skopeo_inspect(&target, &[]);
    // A docker-archive holds uncompressed layers: their digests are the diff ids.
    let layers: Vec<&str> = info["Layers"].as_array().unwrap().iter().map(|l| l.as_str().unwrap()).collect();
    assert_eq!(layers, f.multi.diff_ids(), "{info}");
    let config = skopeo_config(&target, &[]);
    assert_eq!(config, f.multi.config, "the config is saved byte for byte");
    assert_eq!(info["RepoTags"], serde_json::json!([]), "{info}");
}

#[test]
fn save_without_output_writes_the_archive_to_stdout() {
    let f = fixtures();
    let s = Skiff::new();
    pull(&s, &f.busybox.reference);
    let out = s.cmd(&["save", &f.busybox.reference]);
    out.assert_success();
    let file = s.dir().join("stdout.tar");
    fs_err::write(&file, &out.stdout_bytes).unwrap();
    let info = skopeo_inspect(&format!("docker-archive:{}", file.display()), &[]);
    assert_eq!(info["Layers"].as_array().unwrap().len(), f.busybox.layer_count(), "{info}");
    // Nothing is left behind in the store's tmp dir.
    let left: Vec<_> = fs_err::read_dir(s.root().join("tmp")).unwrap().collect();
    assert!(left.is_empty(), "spool files left: {left:?}");
}

#[test]
fn save_oci_archive_is_read_by_skopeo_with_the_same_digest() {
    let f = fixtures();
    let s = Skiff::new();
    pull(&s, &f.multi_zstd.reference);
    let file = s.dir().join("multi.oci.tar");
    s.cmd(&[
        "image",
        "save",
        "--format",
        "oci-archive",
        "-o",
        file.to_str().unwrap(),
        &f.multi_zstd.reference,
    ])
    .assert_success();
    let info = skopeo_inspect(&format!("oci-archive:{}", file.display()), &[]);
    assert_eq!(info["Digest"], f.multi_zstd.manifest_digest.as_str(), "{info}");
    let layers: Vec<&str> = info["Layers"].as_array().unwrap().iter().map(|l| l.as_str().unwrap()).collect();
    let want: Vec<&str> = f.multi_zstd.layers.iter().map(|l| l.digest.as_str()).collect();
    assert_eq!(layers, want);
}

#[test]
fn save_of_an_unknown_image_fails_and_writes_nothing() {
    let s = Skiff::new();
    let file = s.dir().join("none.tar");
    s.cmd(&["save", "-o", file.to_str().unwrap(), "no-such-image"])
        .assert_exit(125)
        .assert_stderr_contains("no-such-image");
    assert!(!file.exists());
}

fn skopeo_to_archive(transport: &str, file: &std::path::Path, name: &str) {
    let mut args: Vec<String> = vec!["copy".into(), NO_TLS.replace("--", "--src-")];
    args.push(fixtures().multi.docker_ref());
    args.push(format!("{transport}:{}:{name}", file.display()));
    skopeo(&args).assert_success();
}

#[test]
fn skopeo_docker_archive_loads_with_the_same_id_and_name() {
    let f = fixtures();
    let s = Skiff::new();
    let file = s.dir().join("from-skopeo.tar");
    skopeo_to_archive("docker-archive", &file, "example.com/loaded/multi:v1");
    let out = s.cmd(&["load", "-i", file.to_str().unwrap()]);
    out.assert_success().assert_stdout_eq("Loaded image: example.com/loaded/multi:v1");
    let imgs = images(&s);
    assert_eq!(imgs.len(), 1, "{imgs:?}");
    assert_eq!(imgs[0].0, f.multi.id());
    assert_eq!(imgs[0].1, vec!["example.com/loaded/multi:v1".to_string()]);
}

#[test]
fn skopeo_oci_archive_loads_from_stdin_with_the_same_id() {
    let f = fixtures();
    let s = Skiff::new();
    let file = s.dir().join("from-skopeo.oci.tar");
    skopeo_to_archive("oci-archive", &file, "example.com/loaded/oci:v2");
    let bytes = fs_err::read(&file).unwrap();
    let out = s.cmd_stdin(&["image", "load", "-q"], &bytes);
    out.assert_success().assert_stdout_eq("Loaded image: example.com/loaded/oci:v2");
    let imgs = images(&s);
    assert_eq!(imgs.len(), 1, "{imgs:?}");
    assert_eq!(imgs[0].0, f.multi.id());
    // The loaded image works like a pulled one: it can be saved again.
    let again = s.dir().join("again.tar");
    s.cmd(&["save", "-o", again.to_str().unwrap(), "example.com/loaded/oci:v2"]).assert_success();
    assert!(fs_err::read_dir(s.root().join("tmp")).unwrap().next().is_none(), "spool left behind");
}

#[test]
fn save_rmi_load_round_trip_keeps_id_and_names() {
    let f = fixtures();
    for format in ["docker-archive", "oci-archive"] {
        let s = Skiff::new();
        pull(&s, &f.multi.reference);
        s.cmd(&["tag", &f.multi.reference, "localhost/extra:name"]).assert_success();
        let before = images(&s);
        let file = s.dir().join("round.tar");
        s.cmd(&[
            "save",
            "--format",
            format,
            "-o",
            file.to_str().unwrap(),
            &f.multi.reference,
            "localhost/extra:name",
        ])
        .assert_success();
        s.cmd(&["rmi", "-f", f.multi.id()]).assert_success();
        assert!(images(&s).is_empty());
        let out = s.cmd(&["load", "-i", file.to_str().unwrap()]);
        out.assert_success()
            .assert_stdout_contains(&format!("Loaded image: {}", f.multi.reference))
            .assert_stdout_contains("Loaded image: localhost/extra:name");
        let mut after = images(&s);
        let mut before = before;
        for list in [&mut after, &mut before] {
            for (_, names) in list.iter_mut() {
                names.sort();
            }
        }
        assert_eq!(after, before, "{format}");
        assert_eq!(after[0].0, f.multi.id());
    }
}

#[test]
fn nameless_image_loads_as_its_id() {
    let f = fixtures();
    let s = Skiff::new();
    pull(&s, &f.busybox.reference);
    let file = s.dir().join("by-id.tar");
    s.cmd(&["save", "-o", file.to_str().unwrap(), f.busybox.id()]).assert_success();
    s.cmd(&["rmi", "-f", f.busybox.id()]).assert_success();
    s.cmd(&["load", "-i", file.to_str().unwrap()])
        .assert_success()
        .assert_stdout_eq(&format!("Loaded image: sha256:{}", f.busybox.id()));
}

#[test]
fn load_of_garbage_fails_clearly_and_adds_nothing() {
    let s = Skiff::new();
    let file = s.dir().join("garbage.tar");
    fs_err::write(&file, vec![0x5au8; 10_000]).unwrap();
    s.cmd(&["load", "-i", file.to_str().unwrap()])
        .assert_exit(125)
        .assert_stderr_contains("is not a docker-archive or oci-archive");
    s.cmd_stdin(&["load"], b"not an archive at all")
        .assert_exit(125)
        .assert_stderr_contains("is not a docker-archive or oci-archive");
    assert!(images(&s).is_empty());
    assert!(fs_err::read_dir(s.root().join("tmp")).unwrap().next().is_none(), "spool left behind");
}

#[test]
fn load_of_an_archive_with_a_corrupt_layer_adds_no_image() {
    let s = Skiff::new();
    let file = s.dir().join("good.tar");
    skopeo_to_archive("docker-archive", &file, "example.com/corrupt:v1");
    // Flip a byte inside the last layer's data (the tar is uncompressed: its bytes are the layer).
    let mut bytes = fs_err::read(&file).unwrap();
    let mut ar = tar::Archive::new(&bytes[..]);
    let layer_start = ar
        .entries()
        .unwrap()
        .map(|e| e.unwrap())
        .filter(|e| e.path().unwrap().to_string_lossy().ends_with(".tar") && e.size() > 1024)
        .map(|e| e.raw_file_position())
        .last()
        .expect("a layer in the archive");
    bytes[layer_start as usize + 600] ^= 0xff;
    fs_err::write(&file, &bytes).unwrap();
    s.cmd(&["load", "-i", file.to_str().unwrap()]).assert_exit(125).assert_stderr_contains("Error:");
    assert!(images(&s).is_empty());
}

#[test]
fn push_to_a_new_name_keeps_the_manifest_digest() {
    let f = fixtures();
    let reg = registry::shared();
    let s = Skiff::new();
    pull(&s, &f.multi.reference);
    let dest = reg.reference("pushed/multi", "v1");
    let out = s.cmd(&["push", NO_TLS, &f.multi.reference, &format!("docker://{dest}")]);
    out.assert_success()
        .assert_stderr_contains("Getting image source signatures")
        .assert_stderr_contains("Copying config")
        .assert_stderr_contains("Writing manifest to image destination");
    let info = skopeo_inspect(&reg.docker_ref("pushed/multi", "v1"), &[NO_TLS]);
    assert_eq!(info["Digest"], f.multi.manifest_digest.as_str(), "{info}");
    // Pushing again skips every blob.
    let again = s.cmd(&["image", "push", NO_TLS, &f.multi.reference, &dest]);
    again.assert_success().assert_stderr_contains("skipped: already exists");
    // A loaded (docker-archive) image pushes too, under its own name, and pulls back.
    let file = s.dir().join("m.tar");
    let name = reg.reference("pushed/from-archive", "v2");
    s.cmd(&["tag", &f.multi.reference, &name]).assert_success();
    s.cmd(&["save", "-o", file.to_str().unwrap(), &name]).assert_success();
    let t = Skiff::new();
    t.cmd(&["load", "-q", "-i", file.to_str().unwrap()]).assert_success();
    t.cmd(&["push", "-q", NO_TLS, &name]).assert_success().assert_stdout_eq("");
    let u = Skiff::new();
    pull(&u, &name);
    assert_eq!(images(&u)[0].0, f.multi.id());
}

#[test]
fn push_without_a_registry_in_the_name_is_refused() {
    let f = fixtures();
    let s = Skiff::new();
    pull(&s, &f.busybox.reference);
    s.cmd(&["push", NO_TLS, &f.busybox.reference, "just-a-name"])
        .assert_exit(125)
        .assert_stderr_contains("must name a registry");
}

#[test]
fn login_checks_credentials_then_pull_works_and_logout_removes_them() {
    let f = fixtures();
    let reg = registry::start_with_auth();
    fixtures::copy_image_to(&f.busybox, &reg, "private/busybox", "v1");
    let image = reg.reference("private/busybox", "v1");
    let s = Skiff::new();

    s.cmd(&["pull", NO_TLS, &image]).assert_exit(125).assert_stderr_contains("requires authentication");

    s.cmd(&["login", NO_TLS, "-u", AUTH_USER, "-p", "wrong", &reg.host()])
        .assert_exit(125)
        .assert_stderr_contains(&format!(
            "Error: logging into \"{}\": invalid username/password",
            reg.host()
        ));
    assert!(!s.dir().join("xdg-run/containers/auth.json").exists(), "nothing saved for a failed login");

    s.cmd_stdin(
        &["login", NO_TLS, "-u", AUTH_USER, "--password-stdin", &reg.host()],
        AUTH_PASSWORD.as_bytes(),
    )
    .assert_success()
    .assert_stdout_eq("Login Succeeded!");
    assert!(s.dir().join("xdg-run/containers/auth.json").exists());
    pull(&s, &image);
    assert_eq!(images(&s)[0].0, f.busybox.id());

    s.cmd(&["logout", &reg.host()])
        .assert_success()
        .assert_stdout_eq(&format!("Removed login credentials for {}", reg.host()));
    s.cmd(&["rmi", "-a"]).assert_success();
    s.cmd(&["pull", NO_TLS, &image]).assert_exit(125).assert_stderr_contains("requires authentication");
    s.cmd(&["logout", &reg.host()])
        .assert_exit(125)
        .assert_stderr_contains(&format!("not logged in to {}", reg.host()));
}

#[test]
fn login_with_authfile_and_push_with_it() {
    let f = fixtures();
    let reg = registry::start_with_auth();
    let s = Skiff::new();
    pull(&s, &f.busybox.reference);
    let authfile = s.dir().join("auth.json");
    let af = authfile.to_str().unwrap();
    s.cmd(&["login", NO_TLS, "--authfile", af, "-u", AUTH_USER, &reg.host()])
        .assert_exit(125)
        .assert_stderr_contains("no password given")
        .assert_stderr_contains("--password-stdin");
    s.cmd(&["login", NO_TLS, "--authfile", af, "-u", AUTH_USER, "-p", AUTH_PASSWORD, &reg.host()])
        .assert_success();
    let dest = reg.reference("mine/busybox", "v1");
    s.cmd(&["push", NO_TLS, &f.busybox.reference, &dest])
        .assert_exit(125)
        .assert_stderr_contains("requires authentication");
    s.cmd(&["push", NO_TLS, "--authfile", af, &f.busybox.reference, &dest]).assert_success();
    let creds = format!("--creds={AUTH_USER}:{AUTH_PASSWORD}");
    let info = skopeo_inspect(&reg.docker_ref("mine/busybox", "v1"), &[NO_TLS, &creds]);
    assert_eq!(info["Digest"], f.busybox.manifest_digest.as_str());
    s.cmd(&["logout", "--authfile", af, "-a"]).assert_success();
}

#[test]
fn save_m_writes_several_images_and_load_brings_all_back() {
    let f = fixtures();
    let s = Skiff::new();
    pull(&s, &f.busybox.reference);
    pull(&s, &f.multi.reference);
    let file = s.dir().join("two.tar");
    s.cmd(&["save", "-m", "-o", file.to_str().unwrap(), &f.busybox.reference, &f.multi.reference])
        .assert_success();
    s.cmd(&["rmi", "-f", &f.busybox.reference, &f.multi.reference]).assert_success();
    assert!(images(&s).is_empty());
    s.cmd(&["load", "-i", file.to_str().unwrap()]).assert_success();
    for r in [&f.busybox.reference, &f.multi.reference] {
        s.cmd(&["image", "exists", r]).assert_success();
    }
}

#[test]
fn save_uncompressed_oci_archive_has_plain_tar_layers_and_the_same_image() {
    let f = fixtures();
    let s = Skiff::new();
    pull(&s, &f.multi.reference);
    let file = s.dir().join("plain.oci.tar");
    s.cmd(&[
        "save",
        "--format",
        "oci-archive",
        "--uncompressed",
        "-o",
        file.to_str().unwrap(),
        &f.multi.reference,
    ])
    .assert_success();
    let raw = skopeo_inspect(&format!("oci-archive:{}", file.display()), &["--raw"]);
    let layers = raw["layers"].as_array().expect("layers");
    assert_eq!(layers.len(), f.multi.layers.len());
    for l in layers {
        assert_eq!(l["mediaType"], "application/vnd.oci.image.layer.v1.tar", "{raw}");
    }
    s.cmd(&["rmi", "-f", &f.multi.reference]).assert_success();
    s.cmd(&["load", "-i", file.to_str().unwrap()]).assert_success();
    assert_eq!(images(&s)[0].0, f.multi.id());
}

#[test]
fn load_downloads_an_archive_from_a_url() {
    use std::io::{Read, Write};
    let f = fixtures();
    let s = Skiff::new();
    pull(&s, &f.busybox.reference);
    let file = s.dir().join("img.tar");
    s.cmd(&["save", "-o", file.to_str().unwrap(), &f.busybox.reference]).assert_success();
    s.cmd(&["rmi", &f.busybox.reference]).assert_success();
    let body = fs_err::read(&file).unwrap();
    let listener = std::net::TcpListener::bind("127.0.0.1:0").unwrap();
    let port = listener.local_addr().unwrap().port();
    let server = std::thread::spawn(move || {
        let (mut conn, _) = listener.accept().unwrap();
        let mut req = [0u8; 4096];
        let _ = conn.read(&mut req);
        let head = format!("HTTP/1.1 200 OK\r\nContent-Length: {}\r\nConnection: close\r\n\r\n", body.len());
        conn.write_all(head.as_bytes()).unwrap();
        conn.write_all(&body).unwrap();
    });
    s.cmd(&["load", "-i", &format!("http://127.0.0.1:{port}/img.tar")])
        .assert_success()
        .assert_stdout_contains(&format!("Loaded image: {}", f.busybox.reference));
    server.join().unwrap();
    s.cmd(&["image", "exists", &f.busybox.reference]).assert_success();
    // A URL that does not answer is one error naming it.
    s.cmd(&["load", "-i", &format!("http://127.0.0.1:{port}/gone.tar")])
        .assert_exit(125)
        .assert_stderr_contains(&format!("http://127.0.0.1:{port}/gone.tar"));
}

#[test]
fn registry_auth_file_is_shared_with_skopeo_and_push_format_docker() {
    let f = fixtures();
    let reg = registry::start_with_auth();
    let s = Skiff::new();
    pull(&s, &f.multi.reference);
    let authfile = s.dir().join("shared-auth.json");
    let env = [("REGISTRY_AUTH_FILE", authfile.to_str().unwrap())];
    s.cmd_env(&["login", NO_TLS, "-u", AUTH_USER, "-p", AUTH_PASSWORD, &reg.host()], &env).assert_success();
    assert!(authfile.exists(), "login writes the file REGISTRY_AUTH_FILE names");
    assert!(!s.dir().join("xdg-run/containers/auth.json").exists());
    let dest = reg.reference("fmt/multi", "v1");
    s.cmd_env(&["push", NO_TLS, "--format", "docker", &f.multi.reference, &dest], &env).assert_success();
    // skopeo reads the same file.
    let out = skopeo(&[
        "inspect",
        "--raw",
        NO_TLS,
        "--authfile",
        authfile.to_str().unwrap(),
        &reg.docker_ref("fmt/multi", "v1"),
    ]);
    out.assert_success();
    let raw = out.json();
    assert_eq!(raw["mediaType"], "application/vnd.docker.distribution.manifest.v2+json", "{raw}");
    assert_eq!(raw["config"]["mediaType"], "application/vnd.docker.container.image.v1+json");
    // Pulled back, it is the same image.
    let t = Skiff::new();
    t.cmd_env(&["pull", "-q", NO_TLS, &dest], &env).assert_success();
    assert_eq!(images(&t)[0].0, f.multi.id());
    s.cmd_env(&["logout", &reg.host()], &env).assert_success();
    s.cmd_env(&["push", NO_TLS, &f.multi.reference, &dest], &env)
        .assert_exit(125)
        .assert_stderr_contains(": unauthorized: authentication required");
    s.cmd(&["push", "--format", "v2s9", &f.multi.reference, &dest])
        .assert_exit(125)
        .assert_stderr_contains("v2s9");
}
