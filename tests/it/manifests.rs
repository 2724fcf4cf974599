//! `manifest create|add|annotate|remove|inspect|push|rm|exists` against the shared registry:
//! lists built from local and registry images, pushed, and pulled back by the list's digest.

use serde_json::Value;

use crate::fixtures::{fixtures, host_arch};
use crate::registry;
use crate::util::{skopeo, Output, Skiff};

const NO_TLS: &str = "--tls-verify=false";

fn json_of(out: &Output) -> Value {
    out.assert_success();
    out.json()
}

/// The image ids `images` lists.
fn image_ids(s: &Skiff) -> Vec<String> {
    json_of(&s.cmd(&["images", "--format", "json"]))
        .as_array()
        .unwrap()
        .iter()
        .map(|i| i["Id"].as_str().unwrap().to_string())
        .collect()
}

/// One `Error: ...` line on stderr, exit 125, naming `needle`.
#[track_caller]
fn refused(out: &Output, needle: &str) {
    out.assert_exit(125).assert_stderr_contains(needle);
    let lines: Vec<&str> = out.stderr.lines().filter(|l| !l.trim().is_empty()).collect();
    assert_eq!(lines.len(), 1, "one line expected: {:?}", out.stderr);
    assert!(lines[0].starts_with("Error: "), "{:?}", out.stderr);
}

#[test]
fn a_list_of_a_local_and_a_registry_image_pushes_and_pulls_back_by_its_digest() {
    let f = fixtures();
    let reg = registry::shared();
    let s = Skiff::new();
    s.cmd(&["pull", "-q", NO_TLS, &f.busybox.reference]).assert_success();
    let arm = f.multiarch.platform("arm64");

    let id = s.cmd(&["manifest", "create", "mylist:1"]);
    id.assert_success();
    let id = id.stdout_trimmed().to_string();
    assert_eq!(id.len(), 64, "{id}");
    assert!(image_ids(&s).contains(&id), "the list is listed by images");
    let listed = s.cmd(&["images", "--format", "{{.Repository}}:{{.Tag}} {{.ID}}", "--no-trunc"]);
    listed.assert_success().assert_stdout_contains(&format!("localhost/mylist:1 sha256:{id}"));
    s.cmd(&["manifest", "exists", "mylist:1"]).assert_success();

    // A local image (by transport) and a registry image with an annotation.
    s.cmd(&["manifest", "add", "mylist:1", &format!("containers-storage:{}", f.busybox.reference)])
        .assert_success()
        .assert_stdout_eq(&format!("{id}\n"));
    s.cmd(&[
        "manifest",
        "add",
        NO_TLS,
        "--annotation",
        "org.example.note=arm",
        "--os-version",
        "1.0",
        "mylist:1",
        &format!("docker://{}", arm.reference),
    ])
    .assert_success();
    let inspected = json_of(&s.cmd(&["manifest", "inspect", "mylist:1"]));
    let entries = inspected["manifests"].as_array().expect("two entries");
    assert_eq!(entries.len(), 2, "{inspected}");
    assert_eq!(entries[0]["digest"], f.busybox.manifest_digest.as_str());
    assert_eq!(entries[0]["platform"]["architecture"], host_arch());
    assert_eq!(entries[1]["digest"], arm.manifest_digest.as_str());
    assert_eq!(entries[1]["platform"]["architecture"], "arm64");
    assert_eq!(entries[1]["platform"]["variant"], "v8");
    assert_eq!(entries[1]["platform"]["os.version"], "1.0");
    assert_eq!(entries[1]["annotations"]["org.example.note"], "arm");

    // annotate changes an entry by digest.
    s.cmd(&["manifest", "annotate", "--annotation", "k=v", "mylist:1", &arm.manifest_digest])
        .assert_success();
    let inspected = json_of(&s.cmd(&["manifest", "inspect", "mylist:1"]));
    assert_eq!(inspected["manifests"][1]["annotations"]["k"], "v", "{inspected}");

    // Push the list and its images.
    let dest = reg.reference("manifests/mylist", "v1");
    let digestfile = s.dir().join("digest");
    let pushed = s.cmd(&[
        "manifest",
        "push",
        NO_TLS,
        "--digestfile",
        digestfile.to_str().unwrap(),
        "mylist:1",
        &format!("docker://{dest}"),
    ]);
    pushed
        .assert_success()
        .assert_stderr_contains("Copying 2 of 2 images in list")
        .assert_stderr_contains("Writing manifest list to image destination");
    let digest = fs_err::read_to_string(&digestfile).unwrap();
    assert!(digest.starts_with("sha256:") && digest.len() == 71, "{digest:?}");
    let raw = skopeo(&["inspect", "--raw", NO_TLS, &format!("docker://{dest}")]);
    raw.assert_success();
    let index = raw.json();
    assert_eq!(index["mediaType"], "application/vnd.oci.image.index.v1+json", "{index}");
    assert_eq!(index["manifests"][0]["digest"], f.busybox.manifest_digest.as_str());
    assert_eq!(index["manifests"][1]["digest"], arm.manifest_digest.as_str());
    assert_eq!(index["manifests"][1]["annotations"]["k"], "v");

    // Another user pulls by the list's digest and gets the image of the platform asked for.
    let t = Skiff::new();
    let by_digest = format!("{}/manifests/mylist@{digest}", reg.host());
    t.cmd(&["pull", "-q", NO_TLS, &by_digest]).assert_success();
    assert_eq!(image_ids(&t), vec![f.busybox.id().to_string()]);
    let u = Skiff::new();
    u.cmd(&["pull", "-q", NO_TLS, "--arch", "arm64", &by_digest]).assert_success();
    assert_eq!(image_ids(&u), vec![arm.id().to_string()]);

    // rm removes the list, never its images; a second rm and exists say it is gone (exit 1).
    s.cmd(&["manifest", "rm", "mylist:1"])
        .assert_success()
        .assert_stdout_eq(&format!("Untagged: localhost/mylist:1\nDeleted: {id}\n"));
    s.cmd(&["manifest", "exists", "mylist:1"]).assert_exit(1);
    s.cmd(&["manifest", "rm", "mylist:1"]).assert_exit(1).assert_stderr_contains("mylist:1: image not known");
    assert_eq!(image_ids(&s), vec![f.busybox.id().to_string()]);
}

#[test]
fn registry_lists_are_inspected_and_added_whole_or_by_platform() {
    let f = fixtures();
    let s = Skiff::new();
    let remote = json_of(&s.cmd(&["manifest", "inspect", NO_TLS, &f.multiarch.reference]));
    let digests: Vec<&str> =
        remote["manifests"].as_array().unwrap().iter().map(|m| m["digest"].as_str().unwrap()).collect();
    let want: Vec<&str> = f.multiarch.manifests.iter().map(|m| m.manifest_digest.as_str()).collect();
    assert_eq!(digests, want, "{remote}");
    // A registry image that is not a list: podman's words.
    refused(
        &s.cmd(&["manifest", "inspect", NO_TLS, &f.busybox.reference]),
        "Treating single images as manifest lists is not implemented",
    );

    s.cmd(&["manifest", "create", NO_TLS, "--all", "whole", &f.multiarch.reference]).assert_success();
    let whole = json_of(&s.cmd(&["manifest", "inspect", "whole"]));
    assert_eq!(whole["manifests"].as_array().unwrap().len(), f.multiarch.manifests.len(), "{whole}");
    s.cmd(&["manifest", "create", NO_TLS, "one", &f.multiarch.reference]).assert_success();
    let one = json_of(&s.cmd(&["manifest", "inspect", "one"]));
    assert_eq!(one["manifests"].as_array().unwrap().len(), 1, "{one}");
    assert_eq!(one["manifests"][0]["digest"], f.multiarch.platform(host_arch()).manifest_digest.as_str());
    // remove drops an entry by digest.
    let arm = &f.multiarch.platform("arm64").manifest_digest;
    s.cmd(&["manifest", "remove", "whole", arm]).assert_success();
    let whole = json_of(&s.cmd(&["manifest", "inspect", "whole"]));
    assert!(!whole.to_string().contains(arm.as_str()), "{whole}");
    // A list of registry images pushes to another repository in the Docker format; --rm then
    // removes it.
    let dest = registry::shared().reference("manifests/whole", "v2s2");
    let quiet = s.cmd(&["manifest", "push", "-q", NO_TLS, "--format", "v2s2", "--rm", "whole", &dest]);
    quiet.assert_success();
    assert_eq!(quiet.stderr, "", "-q prints nothing");
    let raw = skopeo(&["inspect", "--raw", NO_TLS, &format!("docker://{dest}")]);
    raw.assert_success();
    let list = raw.json();
    assert_eq!(list["mediaType"], "application/vnd.docker.distribution.manifest.list.v2+json", "{list}");
    assert_eq!(list["manifests"].as_array().unwrap().len(), f.multiarch.manifests.len() - 1, "{list}");
    let t = Skiff::new();
    t.cmd(&["pull", "-q", NO_TLS, &dest]).assert_success();
    assert_eq!(image_ids(&t), vec![f.multiarch.platform(host_arch()).id().to_string()]);
    s.cmd(&["manifest", "exists", "whole"]).assert_exit(1);
    // rmi removes a list too.
    s.cmd(&["rmi", "one"]).assert_success().assert_stdout_contains("Untagged: localhost/one:latest");
    s.cmd(&["manifest", "exists", "one"]).assert_exit(1);
}

#[test]
fn manifest_commands_refuse_bad_input_in_one_line() {
    let f = fixtures();
    let s = Skiff::new();
    s.cmd(&["pull", "-q", NO_TLS, &f.busybox.reference]).assert_success();
    refused(&s.cmd(&["manifest", "add", "nosuch", &f.busybox.reference]), "Error: nosuch: image not known");
    let id = s.cmd(&["manifest", "create", "l"]);
    id.assert_success();
    refused(&s.cmd(&["manifest", "create", "l"]), "that name is already in use");
    s.cmd(&["manifest", "create", "--amend", "l"]).assert_success().assert_stdout_eq(&id.stdout);
    refused(
        &s.cmd(&["manifest", "add", "--arch", "linux/arm64", "l", &f.busybox.reference]),
        "invalid --arch value \"linux/arm64\"",
    );
    refused(
        &s.cmd(&["manifest", "add", "--annotation", "foo", "l", &f.busybox.reference]),
        "no value given for annotation \"foo\"",
    );
    refused(&s.cmd(&["manifest", "annotate", "l", "notadigest"]), "invalid image digest \"notadigest\"");
    let missing = format!("sha256:{}", "1".repeat(64));
    refused(
        &s.cmd(&["manifest", "remove", "l", &missing]),
        &format!("no instance matching digest \"{missing}\""),
    );
    refused(&s.cmd(&["manifest", "push", "--format", "bad", "l", "127.0.0.1:1/x"]), "\"bad\"");
    refused(&s.cmd(&["manifest", "exists", &f.busybox.reference]), "image is not a manifest list");
    refused(&s.cmd(&["manifest", "rm", &f.busybox.reference]), "image is not a manifest list");
    // An empty list stands for no image: inspect says so as podman does.
    refused(&s.cmd(&["inspect", "l"]), "Error: no such object: \"l\"");
    s.cmd(&["manifest", "inspect", "l"]).assert_success().assert_stdout_contains("\"manifests\": null");
    // An empty list pushes (by its id) and reads back from the registry.
    let dest = registry::shared().reference("manifests/empty", "v1");
    s.cmd(&["manifest", "push", NO_TLS, id.stdout_trimmed(), &dest]).assert_success();
    let t = Skiff::new();
    t.cmd(&["manifest", "inspect", NO_TLS, &dest])
        .assert_success()
        .assert_stdout_contains("\"manifests\": null");
}

#[test]
fn build_adds_its_image_to_a_list_which_then_runs_and_inspects_as_that_image() {
    let f = fixtures();
    let s = Skiff::new();
    let dir = s.dir().join("ctx");
    fs_err::create_dir_all(&dir).unwrap();
    fs_err::write(dir.join("Containerfile"), format!("FROM {}\nCOPY x /x\n", f.busybox.reference)).unwrap();
    fs_err::write(dir.join("x"), "from the list\n").unwrap();
    let built = s.cmd(&["build", NO_TLS, "-q", "--manifest", "built", dir.to_str().unwrap()]);
    built.assert_success();
    let id = built.stdout_trimmed().lines().last().unwrap().to_string();
    let list = json_of(&s.cmd(&["manifest", "inspect", "built"]));
    assert_eq!(list["manifests"].as_array().unwrap().len(), 1, "{list}");
    assert_eq!(list["manifests"][0]["platform"]["architecture"], host_arch());
    // The list stands for its image of this platform.
    s.cmd(&["inspect", "--format", "{{.Id}}", "built"]).assert_success().assert_stdout_eq(&format!("{id}\n"));
    s.cmd(&["run", "--rm", "built", "cat", "/x"]).assert_success().assert_stdout_eq("from the list\n");
    s.cmd(&["history", "-q", "built"]).assert_success().assert_stdout_contains(&id[..12]);
    // push of a list's name pushes that image, as podman does.
    let dest = registry::shared().reference("manifests/built-image", "v1");
    s.cmd(&["push", "-q", NO_TLS, "built", &dest]).assert_success();
    let t = Skiff::new();
    t.cmd(&["pull", "-q", NO_TLS, &dest]).assert_success();
    assert_eq!(image_ids(&t), vec![id.clone()]);
    // An empty list stands for no image.
    s.cmd(&["manifest", "create", "empty"]).assert_success();
    refused(&s.cmd(&["history", "empty"]), "empty: image not known");
}
