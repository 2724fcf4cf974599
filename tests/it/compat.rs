//! What a podman user's scripts see (issue 12): `--format` Go templates as podman renders them,
//! repeated flags, `--noout`, `images --sort/--filter`, `ps --sort`, `stop --ignore`, the volume
//! commands' options and words, podman's fields in `info`, and `cp` as podman copies (between two
//! containers, compressed tars on stdin, symlinked sources, `SRC/.` into a new directory).
//! Expected values are podman 4.3's output for the same commands.

use crate::fixtures::{fixtures, LABEL};
use crate::util::Skiff;

const NO_TLS: &str = "--tls-verify=false";

fn pulled() -> (Skiff, &'static crate::fixtures::Image) {
    let f = fixtures();
    let s = Skiff::new();
    s.cmd(&["pull", NO_TLS, &f.busybox.reference]).assert_success();
    (s, &f.busybox)
}

#[test]
fn format_renders_go_templates_with_podmans_functions() {
    let (s, img) = pulled();
    let (repo, _) = img.reference.rsplit_once(':').unwrap();
    // A pipeline into podman's `upper`, as 010-images writes it.
    s.cmd(&["images", "--format", "{{.ID| upper}}"])
        .assert_success()
        .assert_stdout_eq(&format!("{}\n", img.short_id().to_uppercase()));
    // The image's labels, by key and with `index`.
    s.cmd(&["images", "--format", &format!("{{{{index .Labels \"{LABEL}\"}}}}")])
        .assert_success()
        .assert_stdout_eq("busybox\n");
    // range/if/len/join/printf and Go string escapes inside actions.
    let t = r#"{{range .Names}}{{if eq (len .) 0}}none{{else}}{{printf "%s|" .}}{{end}}{{end}}{{join .Names ","}}{{"\n"}}"#;
    let out = s.cmd(&["images", "--format", t]);
    out.assert_success().assert_stdout_eq(&format!("{0}|{0}\n\n", img.reference));
    // `{{json .}}` is the json format, as podman takes it.
    let v = s.cmd(&["images", "--format", "{{json .}}"]).assert_success().json();
    assert_eq!(v[0]["Id"], img.id());
    // `{{json .Labels}}` prints the object's own keys.
    s.cmd(&["images", "--format", "{{json .Labels}}"])
        .assert_success()
        .assert_stdout_eq(&format!("{{\"{LABEL}\":\"busybox\"}}\n"));
    // Go field names reach skiff's JSON keys: `.Host.OCIRuntime.Name` for `host.ociRuntime.name`.
    let out = s.cmd(&[
        "info",
        "--format",
        "{{.Host.OCIRuntime.Name}} {{.Store.GraphOptions}} {{.Host.Security.Rootless}}",
    ]);
    out.assert_success().assert_stdout_eq("skiff map[] true\n");
    // A `table` aligns its actions in columns, with podman's header names.
    let out = s.cmd(&["images", "--format", "table {{.Repository}} {{.Tag}} {{.ID}}"]);
    out.assert_success();
    let lines = out.lines();
    let w = repo.len().max("REPOSITORY".len());
    // podman's tabwriter: columns at least 12 wide, two spaces after the widest cell.
    assert_eq!(lines[0], format!("{:<w$}  TAG         IMAGE ID", "REPOSITORY"), "{lines:?}");
    assert_eq!(lines[1], format!("{repo:<w$}  latest      {}", img.short_id()), "{lines:?}");
    // A template that cannot run is an error (exit 125), as in podman.
    s.cmd(&["images", "--format", "{{index .Names 5}}"])
        .assert_exit(125)
        .assert_stderr_contains("Error: template:");
    s.cmd(&["images", "--format", "{{.ID"])
        .assert_exit(125)
        .assert_stderr_contains("Error: template: format:1:");
}

#[test]
fn repeated_flags_take_the_last_value_and_noout_silences_stdout() {
    let (s, img) = pulled();
    s.cmd(&["inspect", "--format", "{{.XYZ}}", "--format", "{{.Id}}", &img.reference])
        .assert_success()
        .assert_stdout_eq(&format!("{}\n", img.id()));
    s.cmd(&["create", "--name", "ignore-me", "--name", "my-container", &img.reference, "true"])
        .assert_success();
    s.cmd(&["ps", "-a", "--format", "{{.Names}}"]).assert_success().assert_stdout_eq("my-container\n");
    let out = s.cmd(&["--noout", "rm", "my-container"]);
    out.assert_success().assert_stdout_eq("");
    s.cmd(&["ps", "-a", "-q"]).assert_success().assert_stdout_eq("");
    let out = s.cmd(&["--noout", "create", &img.reference, "true"]);
    out.assert_success().assert_stdout_eq("");
}

#[test]
fn images_sort_and_filter_as_podman() {
    let (s, img) = pulled();
    for name in ["zzz.example/x:y", "a.b/c:d", "aaa:t"] {
        s.cmd(&["tag", &img.reference, name]).assert_success();
    }
    let out = s.cmd(&["images", "--sort", "repository", "--format", "{{.Repository}}:{{.Tag}}"]);
    let (repo, _) = img.reference.rsplit_once(':').unwrap();
    // (`a.b` names a registry: no localhost/ prefix, as podman.)
    out.assert_success()
        .assert_stdout_eq(&format!("{repo}:latest\na.b/c:d\nlocalhost/aaa:t\nzzz.example/x:y\n"));
    s.cmd(&["images", "--sort", "bogus"]).assert_exit(125).assert_stderr_contains("bogus");
    // A newer image: after/since/before take an image and compare creation times.
    s.cmd(&["run", "--name", "c", &img.reference, "true"]).assert_success();
    let new_id = s.cmd(&["commit", "-q", "c", "newer"]).assert_success().stdout_trimmed().to_string();
    let opts = ["images", "--noheading", "--no-trunc", "--format", "{{.ID}}--{{.Repository}}"];
    let with = |f: &str| {
        let mut a = opts.to_vec();
        a.extend(["--filter", f]);
        s.cmd(&a).assert_success().stdout_trimmed().to_string()
    };
    assert_eq!(with(&format!("after={}", img.id())), format!("sha256:{new_id}--localhost/newer"));
    assert_eq!(with(&format!("since={}", img.id())), format!("sha256:{new_id}--localhost/newer"));
    assert!(with("before=newer").lines().all(|l| l.starts_with(&format!("sha256:{}--", img.id()))));
    assert_eq!(with("reference=newer"), format!("sha256:{new_id}--localhost/newer"));
    assert_eq!(with(&format!("label={LABEL}=nope")), "");
    assert_eq!(with("dangling=true"), "");
    s.cmd(&["images", "--filter", "color=red"]).assert_exit(125).assert_stderr_contains("color");
    // podman's words for an image that is not there.
    s.cmd(&["rmi", "nope"]).assert_exit(1).assert_stderr_contains("Error: nope: image not known");
}

#[test]
fn ps_sort_and_stop_ignore_and_timeout() {
    let (s, img) = pulled();
    for name in ["bbb", "aaa", "ccc"] {
        s.cmd(&["create", "--name", name, &img.reference, "true"]).assert_success();
    }
    s.cmd(&["ps", "-a", "--sort", "names", "--format", "{{.Names}}"])
        .assert_success()
        .assert_stdout_eq("aaa\nbbb\nccc\n");
    // Default: by creation, oldest first.
    s.cmd(&["ps", "-a", "--format", "{{.Names}}"]).assert_success().assert_stdout_eq("bbb\naaa\nccc\n");
    s.cmd(&["ps", "-a", "--filter", "since=bbb", "--format", "{{.Names}}"])
        .assert_success()
        .assert_stdout_eq("aaa\nccc\n");
    s.cmd(&["ps", "-a", "--filter", "before=aaa", "--format", "{{.Names}}"])
        .assert_success()
        .assert_stdout_eq("bbb\n");
    s.cmd(&["stop", "--ignore", "does-not-exist"]).assert_success().assert_stdout_eq("");
    s.cmd(&["stop", "does-not-exist"]).assert_failure();
    s.cmd(&["run", "-d", "--name", "r", &img.reference, "sleep", "100"]).assert_success();
    s.cmd(&["stop", "--timeout", "0", "r"]).assert_success().assert_stdout_eq("r\n");
    s.cmd(&["ps", "-a", "--filter", "name=^r$", "--format", "{{.State}}"])
        .assert_success()
        .assert_stdout_eq("exited\n");
}

#[test]
fn volume_options_and_words_as_podman() {
    let s = Skiff::new();
    for v in ["volume_1_abc", "volume_2_abc", "other"] {
        s.cmd(&["volume", "create", v]).assert_success();
    }
    // name= is a regular expression.
    s.cmd(&["volume", "ls", "--filter", "name=volume_1.+", "--format", "{{.Name}}"])
        .assert_success()
        .assert_stdout_eq("volume_1_abc\n");
    let out = s.cmd(&["volume", "ls", "--noheading"]);
    out.assert_success();
    assert!(!out.stdout_trimmed().contains("VOLUME NAME"), "{}", out.stdout_trimmed());
    assert_eq!(out.lines().len(), 3);
    // prune without -f lists what it would remove and reads the answer from stdin.
    let out = s.cmd_stdin(&["volume", "prune"], b"N\n");
    out.assert_success();
    let lines = out.lines();
    assert!(lines[0].starts_with("WARNING! This will remove all volumes not used by at least one container."));
    let mut listed: Vec<&str> = lines[1..4].to_vec();
    listed.sort();
    assert_eq!(listed, ["other", "volume_1_abc", "volume_2_abc"]);
    assert_eq!(s.cmd(&["volume", "ls", "-q"]).lines().len(), 3, "answered no: nothing removed");
    s.cmd_stdin(&["volume", "prune"], b"y\n").assert_success();
    assert_eq!(s.cmd(&["volume", "ls", "-q"]).stdout_trimmed(), "");
    s.cmd(&["volume", "rm", "bogus"])
        .assert_exit(1)
        .assert_stderr_contains("Error: no volume with name \"bogus\" found: no such volume");
    s.cmd(&["volume", "rm", "-t", "0", "-a", "-f"]).assert_success();
}

#[test]
fn volume_in_use_is_refused_in_podmans_words() {
    let (s, img) = pulled();
    let id = s
        .cmd(&["create", "-v", "held:/data", &img.reference, "true"])
        .assert_success()
        .stdout_trimmed()
        .to_string();
    let out = s.cmd(&["volume", "rm", "held"]);
    out.assert_exit(2);
    assert_eq!(
        out.stderr.trim_end(),
        format!("Error: volume held is being used by the following container(s): {id}: volume is being used")
    );
    s.cmd(&["volume", "ls", "--format", "json"]).assert_success().assert_stdout_contains("\"NeedsCopyUp\"");
}

#[test]
fn info_has_podmans_fields() {
    let s = Skiff::new();
    let v = s.cmd(&["info", "--format", "json"]).assert_success().json();
    assert_eq!(v["host"]["cgroupManager"], "cgroupfs");
    assert!(["v1", "v2"].contains(&v["host"]["cgroupVersion"].as_str().unwrap()), "{}", v["host"]);
    assert!(v["host"]["ociRuntime"]["path"].as_str().unwrap().starts_with('/'));
    assert_eq!(v["host"]["security"]["rootless"], true);
    assert_eq!(v["store"]["graphOptions"], serde_json::json!({}));
    assert_eq!(v["store"]["graphDriverName"], v["store"]["driver"]);
    assert!(v["host"]["distribution"]["distribution"].as_str().is_some_and(|d| !d.is_empty()));
    assert!(v["host"]["conmon"]["path"].as_str().unwrap().starts_with('/'));
    assert_eq!(v["store"]["imageStore"]["number"], 0);
    assert!(v["store"]["graphStatus"]["Backing Filesystem"].is_string(), "{}", v["store"]);
}

#[test]
fn log_levels_log_as_podman_and_debug_is_dash_d() {
    let s = Skiff::new();
    let bad = s.cmd(&["--log-level=telepathic", "info"]);
    bad.assert_exit(1).assert_stderr_contains("Log Level \"telepathic\" is not supported");
    let at = |args: &[&str]| {
        let out = s.cmd(args);
        out.assert_success();
        out.stderr.clone()
    };
    let trace = at(&["--log-level=trace", "info", "-f", ""]);
    for l in [" level=trace ", " level=debug ", " level=info "] {
        assert!(trace.contains(l), "{l} missing at trace: {trace}");
    }
    assert!(trace.lines().all(|l| l.starts_with("time=\"")), "logrus lines: {trace}");
    let debug = at(&["--log-level=debug", "info", "-f", ""]);
    assert!(debug.contains(" level=debug ") && !debug.contains(" level=trace "), "{debug}");
    let info = at(&["--log-level=info", "info", "-f", ""]);
    assert!(info.contains(" level=info ") && !info.contains(" level=debug "), "{info}");
    for quiet in ["warn", "warning", "error"] {
        let out = at(&[&format!("--log-level={quiet}"), "info", "-f", ""]);
        assert!(!out.contains(" level="), "{quiet}: {out}");
    }
    assert!(at(&["-D", "info", "-f", ""]).contains(" level=debug "));
    assert!(at(&["--debug", "info", "-f", ""]).contains(" level=debug "));
    s.cmd(&["--debug", "--log-level=panic", "info"])
        .assert_exit(1)
        .assert_stderr_contains("Setting --log-level and --debug is not allowed");
}

#[test]
fn info_names_the_configuration_files_it_read() {
    let (s, _) = pulled();
    let conf = s.config_home().join("containers");
    fs_err::create_dir_all(&conf).unwrap();
    fs_err::write(conf.join("containers.conf"), "[containers]\nlog_driver = \"k8s-file\"\n").unwrap();
    fs_err::write(
        conf.join("registries.conf"),
        "unqualified-search-registries = [\"example.com\"]\n[[registry]]\nlocation = \"reg.example:5000\"\ninsecure = true\n",
    )
    .unwrap();
    fs_err::write(conf.join("storage.conf"), "[storage]\ndriver = \"vfs\"\n").unwrap();
    let v = s.cmd(&["info", "--format", "json"]).assert_success().json();
    let files = &v["configFiles"];
    let has = |p: &std::path::Path| files.to_string().contains(p.to_str().unwrap());
    assert!(has(&conf.join("containers.conf")), "{files}");
    assert_eq!(files["registriesConf"], conf.join("registries.conf").to_str().unwrap());
    assert_eq!(files["storageConf"], conf.join("storage.conf").to_str().unwrap());
    assert_eq!(v["store"]["configFile"], conf.join("storage.conf").to_str().unwrap());
    // podman's registries map, and storage.conf's driver in force.
    assert_eq!(v["registries"]["reg.example:5000"]["Insecure"], true);
    assert_eq!(v["registries"]["search"], serde_json::json!(["example.com"]));
    assert_eq!(v["store"]["graphDriverName"], "vfs");
    assert_eq!(v["store"]["imageStore"]["number"], 1);
}

#[test]
fn volumepath_puts_volumes_elsewhere() {
    let s = Skiff::new();
    let vols = s.dir().join("vols-elsewhere");
    let vp = vols.to_str().unwrap();
    s.cmd(&["--volumepath", vp, "info", "--format", "{{ .Store.VolumePath }}"])
        .assert_success()
        .assert_stdout_eq(&format!("{vp}\n"));
    s.cmd(&["--volumepath", vp, "volume", "create", "v1"]).assert_success();
    s.cmd(&["--volumepath", vp, "volume", "inspect", "v1", "--format", "{{.Mountpoint}}"])
        .assert_success()
        .assert_stdout_eq(&format!("{vp}/v1/_data\n"));
    s.cmd(&["--volumepath", vp, "volume", "ls", "--format", "{{.Name}}"])
        .assert_success()
        .assert_stdout_eq("v1\n");
    // The default store does not see it.
    s.cmd(&["volume", "ls", "--format", "{{.Name}}"]).assert_success().assert_stdout_eq("");
}

#[test]
fn cp_as_podman_copies() {
    let (s, img) = pulled();
    let script = "mkdir /tmp/foo && echo dir > /tmp/foo/file.txt && echo f > /tmp/bar && ln -s /tmp/foo /tmp/link && ln -s nowhere /tmp/dangling && sleep 100";
    s.cmd(&["run", "-d", "--name", "a", &img.reference, "sh", "-c", script]).assert_success();
    s.cmd(&["run", "-d", "--name", "b", &img.reference, "sh", "-c", "echo x > /tmp/foo; sleep 100"])
        .assert_success();
    let exec = |c: &str, cmd: &str| {
        s.cmd(&["exec", c, "sh", "-c", cmd]).assert_success().stdout_trimmed().to_string()
    };
    for _ in 0..50 {
        if s.cmd(&["exec", "a", "test", "-e", "/tmp/dangling"]).code() == Some(1)
            && s.cmd(&["exec", "a", "test", "-L", "/tmp/dangling"]).code() == Some(0)
        {
            break;
        }
        std::thread::sleep(std::time::Duration::from_millis(100));
    }
    // Between two containers; a directory does not replace a file without --overwrite.
    s.cmd(&["cp", "a:/tmp/foo", "b:/tmp"])
        .assert_exit(125)
        .assert_stderr_contains("error creating \"/tmp/foo\": mkdir /tmp/foo: file exists");
    s.cmd(&["cp", "--overwrite", "a:/tmp/foo", "b:/tmp"]).assert_success();
    assert_eq!(exec("b", "cat /tmp/foo/file.txt"), "dir");
    s.cmd(&["cp", "a:/tmp/bar", "b:/renamed"]).assert_success();
    assert_eq!(exec("b", "cat /renamed"), "f");
    // SRC/. into a path that does not exist yet: a new directory holding the contents.
    s.cmd(&["cp", "a:/tmp/foo/.", "b:/newdir"]).assert_success();
    assert_eq!(exec("b", "cat /newdir/file.txt"), "dir");
    // A symlink named as the container's source is followed; a dangling one is not found.
    let host = s.dir().join("out");
    fs_err::create_dir(&host).unwrap();
    s.cmd(&["cp", "a:/tmp/link", host.join("copy").to_str().unwrap()]).assert_success();
    assert_eq!(fs_err::read_to_string(host.join("copy/file.txt")).unwrap(), "dir\n");
    s.cmd(&["cp", "a:/tmp/dangling", host.to_str().unwrap()])
        .assert_exit(125)
        .assert_stderr_contains("\"/tmp/dangling\" could not be found on container a");
    // A gzip-compressed tar on stdin; anything else is refused, and so is a file destination.
    let mut tar =
        tar::Builder::new(flate2::write::GzEncoder::new(Vec::new(), flate2::Compression::default()));
    let mut h = tar::Header::new_gnu();
    h.set_size(3);
    h.set_mode(0o644);
    h.set_entry_type(tar::EntryType::Regular);
    tar.append_data(&mut h, "in/gz.txt", &b"gz\n"[..]).unwrap();
    let gz = tar.into_inner().unwrap().finish().unwrap();
    s.cmd_stdin(&["cp", "-", "b:/tmp"], &gz).assert_success();
    assert_eq!(exec("b", "cat /tmp/in/gz.txt"), "gz");
    s.cmd_stdin(&["cp", "-", "b:/tmp"], b"not a tar")
        .assert_exit(125)
        .assert_stderr_contains("Error: source must be a (compressed) tar archive when copying from stdin");
    s.cmd_stdin(&["cp", "-", "b:/renamed"], &gz)
        .assert_exit(125)
        .assert_stderr_contains("Error: destination must be a directory when copying from stdin");
    // Out to the host: a file does not replace a directory without --overwrite.
    fs_err::create_dir(host.join("foo")).unwrap();
    s.cmd(&["cp", "b:/renamed", host.join("foo").to_str().unwrap()]).assert_success();
    fs_err::remove_file(host.join("foo/renamed")).unwrap();
    fs_err::create_dir(host.join("foo/bar")).unwrap();
    s.cmd(&["cp", "a:/tmp/bar", host.join("foo").to_str().unwrap()])
        .assert_exit(125)
        .assert_stderr_contains("error creating \"/bar\": open /bar: file exists");
    s.cmd(&["cp", "--overwrite", "a:/tmp/bar", host.join("foo").to_str().unwrap()]).assert_success();
    assert_eq!(fs_err::read_to_string(host.join("foo/bar")).unwrap(), "f\n");
    s.cmd(&["cp", "--pause=false", "a:/tmp/bar", host.to_str().unwrap()]).assert_success();
    assert_eq!(fs_err::read_to_string(host.join("bar")).unwrap(), "f\n");
    s.cmd(&["rm", "-f", "-t", "0", "a", "b"]).assert_success();
}

#[test]
fn diff_latest() {
    let (s, img) = pulled();
    s.cmd(&["run", "--name", "d", &img.reference, "sh", "-c", "touch /newfile; rm /etc/group"])
        .assert_success();
    let v = s.cmd(&["diff", "--format", "json", "-l"]).assert_success().json();
    assert_eq!(v["added"], serde_json::json!(["/newfile"]));
    assert_eq!(v["deleted"], serde_json::json!(["/etc/group"]));
    s.cmd(&["diff", "-l", "d"]).assert_exit(125);
}

#[test]
fn volume_driver_options_export_import_and_mount() {
    let (s, img) = pulled();
    s.cmd(&["volume", "create", "-o", "type=bind", "-o", "device=/bogus", "vb"])
        .assert_exit(125)
        .assert_stderr_contains(
            "Error: invalid volume option device for driver 'local': stat /bogus: no such file or directory",
        );
    s.cmd(&["volume", "create", "-o", "color=red", "vb"]).assert_exit(125).assert_stderr_contains("color");
    let dev = s.dir().join("device");
    fs_err::create_dir(&dev).unwrap();
    fs_err::write(dev.join("myfile"), "on the host\n").unwrap();
    s.cmd(&["volume", "create", "-o", "type=bind", "-o", &format!("device={}", dev.display()), "vb"])
        .assert_success()
        .assert_stdout_eq("vb\n");
    s.cmd(&["run", "--rm", "-v", "vb:/vol", &img.reference, "cat", "/vol/myfile"])
        .assert_success()
        .assert_stdout_eq("on the host\n");
    s.cmd(&["volume", "create", "-o", "type=tmpfs", "-o", "device=tmpfs", "vt"]).assert_success();
    s.cmd(&["run", "--rm", "-v", "vt:/vol", &img.reference, "stat", "-f", "-c", "%T", "/vol"])
        .assert_success()
        .assert_stdout_eq("tmpfs\n");
    // export to a file, import from stdin.
    s.cmd(&["volume", "create", "v1"]).assert_success();
    s.cmd(&["run", "--rm", "-v", "v1:/data", &img.reference, "sh", "-c", "echo hello > /data/test"])
        .assert_success();
    let tar = s.dir().join("v1.tar");
    s.cmd(&["volume", "export", "v1", &format!("--output={}", tar.display())]).assert_success();
    s.cmd(&["volume", "create", "v2"]).assert_success();
    s.cmd_stdin(&["volume", "import", "v2", "-"], &fs_err::read(&tar).unwrap()).assert_success();
    s.cmd(&["run", "--rm", "-v", "v2:/data", &img.reference, "cat", "/data/test"])
        .assert_success()
        .assert_stdout_eq("hello\n");
    // Rootless, a volume is mounted inside `unshare` only, as podman says.
    s.cmd(&["volume", "mount", "v1"])
        .assert_exit(125)
        .assert_stderr_contains("volume mount\" in rootless mode, must execute `skiff unshare` first");
    // --force: a volume that does not exist is not an error.
    s.cmd(&["volume", "rm", "--force", "bogus"]).assert_success().assert_stdout_eq("");
    s.cmd(&["volume", "rm", "bogus"]).assert_exit(1);
}

#[test]
fn rm_rmi_and_ps_status_words_and_codes() {
    let (s, img) = pulled();
    let id =
        s.cmd(&["run", "-d", &img.reference, "sleep", "100"]).assert_success().stdout_trimmed().to_string();
    let out = s.cmd(&["rm", &id]);
    out.assert_exit(2);
    assert_eq!(
        out.stderr.trim_end(),
        format!("Error: cannot remove container {id} as it is running - running or paused containers cannot be removed without force: container state improper")
    );
    s.cmd(&["run", "--name", "stopped", &img.reference, "true"]).assert_success();
    s.cmd(&["run", "--name", "failed", &img.reference, "false"]).assert_exit(1);
    // status=stopped and status=exited name the same containers, as in podman.
    s.cmd(&["ps", "--filter", "status=stopped", "--sort", "names", "--format", "{{.Names}}"])
        .assert_success()
        .assert_stdout_eq("failed\nstopped\n");
    s.cmd(&["rm", "-t", "0", "-f", &id]).assert_success();
    // rm -l removes the newest container.
    let newest = inspect_id(&s, "failed");
    s.cmd(&["rm", "-l"]).assert_success().assert_stdout_eq(&format!("{newest}\n"));
    s.cmd(&["ps", "-a", "--format", "{{.Names}}"]).assert_success().assert_stdout_eq("stopped\n");
    // rmi: the exact words, no hint after them; --ignore and --force skip what is not there.
    let out = s.cmd(&["rmi", "bogus"]);
    out.assert_exit(1);
    assert_eq!(out.stderr.trim_end(), "Error: bogus: image not known");
    s.cmd(&["rmi", "--ignore", "bogus"]).assert_success().assert_stdout_eq("");
    s.cmd(&["image", "rm", "--force", "bogus"]).assert_success().assert_stdout_eq("");
    let out = s.cmd(&["run", "--pull=never", "nothere.example/img:1", "true"]);
    out.assert_exit(125);
    assert_eq!(out.stderr.trim_end(), "Error: nothere.example/img:1: image not known");
}

fn inspect_id(s: &Skiff, name: &str) -> String {
    s.cmd(&["inspect", "--format", "{{.Id}}", name]).assert_success().stdout_trimmed().to_string()
}

#[test]
fn digest_references_untag_without_removing() {
    let (s, img) = pulled();
    let (repo, _) = img.reference.rsplit_once(':').unwrap();
    let by_digest = format!("{repo}@{}", img.manifest_digest);
    s.cmd(&["pull", NO_TLS, &by_digest]).assert_success();
    s.cmd(&["untag", &img.reference, &by_digest]).assert_success();
    s.cmd(&["image", "exists", &img.reference]).assert_success();
    s.cmd(&["rmi", &by_digest]).assert_success().assert_stdout_eq(&format!("Untagged: {by_digest}\n"));
    s.cmd(&["image", "exists", &img.reference]).assert_success();
}

#[test]
fn images_repo_lists_only_matching_names_and_load_words() {
    let (s, img) = pulled();
    s.cmd(&["tag", &img.reference, "other:t1"]).assert_success();
    s.cmd(&["images", "localhost/other:t1", "--format", "{{.Repository}}:{{.Tag}}"])
        .assert_success()
        .assert_stdout_eq("localhost/other:t1\n");
    // --tmpfs on a destination a volume or another --tmpfs (with other options) takes.
    s.cmd(&["run", "--rm", "--tmpfs", "/v", "--tmpfs", "/v", &img.reference, "true"]).assert_success();
    let out = s.cmd(&["run", "--rm", "--tmpfs", "/v", "--tmpfs", "/v:ro", &img.reference, "true"]);
    out.assert_exit(125);
    assert_eq!(out.stderr.trim_end(), "Error: /v: duplicate mount destination");
    s.cmd(&["run", "--rm", "-v", "vol2:/v2", "--tmpfs", "/v2", &img.reference, "true"])
        .assert_exit(125)
        .assert_stderr_contains("Error: /v2: duplicate mount destination");
    let junk = s.dir().join("junk.tar");
    fs_err::write(&junk, "this is not an archive").unwrap();
    s.cmd(&["load", "-i", junk.to_str().unwrap()])
        .assert_exit(125)
        .assert_stderr_contains("Error: payload does not match any of the supported image formats:");
}

#[test]
fn volume_copy_up_waits_for_content_and_chown_happens_once() {
    let (s, img) = pulled();
    s.cmd(&["volume", "create", "cu"]).assert_success();
    let v = s.cmd(&["volume", "ls", "--format", "json"]).assert_success().json();
    assert_eq!((v[0]["NeedsCopyUp"].clone(), v[0]["NeedsChown"].clone()), (true.into(), true.into()), "{v}");
    let flags = || {
        s.cmd(&["volume", "inspect", "cu", "--format", "{{.NeedsCopyUp}} {{.NeedsChown}}"])
            .assert_success()
            .stdout_trimmed()
            .to_string()
    };
    // Nothing in the image at /vol: still to copy up, but no longer to chown.
    s.cmd(&["run", "--rm", "-v", "cu:/vol", &img.reference, "true"]).assert_success();
    assert_eq!(flags(), "true false");
    // /etc has content: copied, once.
    s.cmd(&["run", "--rm", "-v", "cu:/etc", &img.reference, "ls", "/etc/passwd"]).assert_success();
    assert_eq!(flags(), "false false");
    let mp = s
        .cmd(&["volume", "inspect", "cu", "--format", "{{.Mountpoint}}"])
        .assert_success()
        .stdout_trimmed()
        .to_string();
    assert!(std::path::Path::new(&mp).join("passwd").exists());
}

#[test]
fn a_container_being_stopped_is_stopping_and_others_are_not_blocked() {
    let (s, img) = pulled();
    let script = "trap 'echo ignoring' TERM; echo READY; while :; do sleep 0.2; done";
    s.cmd(&["run", "-d", "--name", "stopme", &img.reference, "sh", "-c", script]).assert_success();
    let wait_log = |needle: &str| {
        for _ in 0..100 {
            if s.cmd(&["logs", "stopme"]).stdout.contains(needle) {
                return;
            }
            std::thread::sleep(std::time::Duration::from_millis(100));
        }
        panic!("no {needle:?} in the log");
    };
    wait_log("READY");
    let mut stop = s.command(&["stop", "-t", "20", "stopme"]);
    stop.stdout(std::process::Stdio::null()).stderr(std::process::Stdio::null());
    let mut child = stop.spawn().unwrap();
    wait_log("ignoring");
    let t0 = std::time::Instant::now();
    s.cmd(&["ps", "-a"]).assert_success();
    s.cmd(&["inspect", "--format", "{{.State.Status}}", "stopme"])
        .assert_success()
        .assert_stdout_eq("stopping\n");
    assert!(t0.elapsed() < std::time::Duration::from_secs(5));
    s.cmd(&["kill", "stopme"]).assert_success();
    child.wait().unwrap();
    s.cmd(&["inspect", "--format", "{{.State.Status}} {{.State.ExitCode}}", "stopme"])
        .assert_success()
        .assert_stdout_eq("exited 137\n");
}

#[test]
fn run_create_and_pull_take_archive_transports() {
    let (s, img) = pulled();
    let archive = s.dir().join("a.tar");
    let a = archive.to_str().unwrap();
    s.cmd(&["save", "-o", a, &img.reference]).assert_success();
    s.cmd(&["rmi", &img.reference]).assert_success();
    let out = s.cmd(&["run", "--rm", &format!("docker-archive:{a}"), "echo", "from-archive"]);
    out.assert_success().assert_stdout_contains("from-archive");
    assert!(
        out.stderr.contains("Getting image source signatures")
            || out.stdout.contains("Getting image source signatures")
    );
    s.cmd(&["image", "exists", &img.reference]).assert_success();
    s.cmd(&["rmi", &img.reference]).assert_success();
    let cid = s
        .cmd(&["create", &format!("docker-archive:{a}"), "echo", "created"])
        .assert_success()
        .lines()
        .last()
        .unwrap()
        .to_string();
    s.cmd(&["start", "-a", &cid]).assert_success().assert_stdout_eq("created\n");
    s.cmd(&["rm", &cid]).assert_success();
    s.cmd(&["rmi", &img.reference]).assert_success();
    s.cmd(&["pull", &format!("docker-archive:{a}")]).assert_success().assert_stdout_contains(img.id());
    s.cmd(&["pull", "docker-archive:/nonexistent/x.tar"])
        .assert_exit(125)
        .assert_stderr_contains("/nonexistent/x.tar");
}
