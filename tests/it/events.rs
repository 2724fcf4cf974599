//! `skiff events` (podman's file backend): the events of a run and an rm, filters, `--since` and
//! `--until`, `--format json` and templates, `--stream=false` and following, `--no-trunc`,
//! `--events-backend none`, containers.conf's `events_logfile_path` and rotation.

use std::io::{BufRead, BufReader};
use std::process::Stdio;
use std::sync::mpsc;
use std::time::Duration;

use crate::fixtures::fixtures;
use crate::util::Skiff;

const TLS: &str = "--tls-verify=false";

fn past(s: &Skiff, filters: &[&str]) -> Vec<String> {
    let mut args = vec!["events", "--stream=false"];
    args.extend_from_slice(filters);
    let out = s.cmd(&args);
    out.assert_success();
    out.lines().iter().map(|l| l.to_string()).collect()
}

#[test]
fn a_run_with_rm_gives_podmans_container_events_in_order() {
    let s = Skiff::new();
    let image = &fixtures().busybox.reference;
    s.cmd(&["pull", TLS, image]).assert_success();
    let out =
        s.cmd(&["run", TLS, "--rm", "--name", "ev1", "--label", "team=blue", image, "sh", "-c", "exit 3"]);
    out.assert_exit(3);

    let statuses = past(&s, &["--filter", "container=ev1", "--format", "{{.Status}}"]);
    assert_eq!(
        statuses,
        ["create", "init", "start", "attach", "died", "remove"],
        "events of run --rm, as podman's"
    );

    // The default line: full id, image, name and labels, as podman prints it.
    let start = past(&s, &["--filter", "container=ev1", "--filter", "event=start"]);
    assert_eq!(start.len(), 1, "{start:?}");
    let line = &start[0];
    let id = line.split_whitespace().nth(6).expect("an id after the time and type").to_string();
    assert_eq!(id.len(), 64, "full id by default: {line}");
    assert!(line.contains(&format!(" container start {id} (image={image}, name=ev1,")), "{line}");
    assert!(line.contains("team=blue"), "labels are attributes: {line}");
    let short = past(&s, &["--filter", "container=ev1", "--filter", "event=start", "--no-trunc=false"]);
    assert!(short[0].contains(&format!(" container start {} (", &id[..12])), "{short:?}");

    // The exit code and the labels are in the died event's fields.
    let died = past(
        &s,
        &[
            "--filter",
            "container=ev1",
            "--filter",
            "status=died",
            "--format",
            "{{.ContainerExitCode}} {{.Attributes.team}} {{.ID}}",
        ],
    );
    assert_eq!(died, [format!("3 blue {id}")]);

    // The image was pulled: an image event naming it.
    let pulls = past(&s, &["--filter", "type=image", "--format", "{{.Status}} {{.Name}}"]);
    assert_eq!(pulls, [format!("pull {image}")]);
}

#[test]
fn filters_of_one_key_are_alternatives_and_json_lines_are_podmans_fields() {
    let s = Skiff::new();
    let image = &fixtures().busybox.reference;
    s.cmd(&["create", TLS, "--name", "foo", "--label", "k=v1", image, "true"]).assert_success();
    s.cmd(&["create", TLS, "--name", "bar", "--label", "k=v2", image, "true"]).assert_success();
    s.cmd(&["create", TLS, "--name", "baz", image, "true"]).assert_success();
    s.cmd(&["rm", "baz"]).assert_success();

    let names = |f: &[&str]| {
        let mut args = f.to_vec();
        args.extend_from_slice(&["--format", "{{.Name}}:{{.Status}}"]);
        past(&s, &args)
    };
    assert_eq!(names(&["-f", "container=foo", "-f", "container=bar"]), ["foo:create", "bar:create"]);
    assert_eq!(names(&["-f", "label=k=v2"]), ["bar:create"]);
    assert_eq!(names(&["-f", "event=remove"]), ["baz:remove"]);
    assert_eq!(names(&["-f", "container=baz", "-f", "event=create"]), ["baz:create"]);
    assert!(names(&["-f", "type=volume"]).is_empty());

    let json = past(&s, &["--filter", "container=foo", "--format", "json"]);
    assert_eq!(json.len(), 1, "{json:?}");
    let v: serde_json::Value = serde_json::from_str(&json[0]).expect("one JSON object per line");
    assert_eq!(v["Name"], "foo");
    assert_eq!(v["Status"], "create");
    assert_eq!(v["Type"], "container");
    assert_eq!(v["Image"], image.as_str());
    assert_eq!(v["Attributes"]["k"], "v1");
    assert_eq!(
        v["Attributes"][crate::fixtures::LABEL],
        "busybox",
        "the image's labels are the container's too"
    );
    assert_eq!(v["ID"].as_str().map(str::len), Some(64));

    let system =
        s.cmd(&["system", "events", "--stream=false", "--filter", "container=foo", "--format", "{{.Name}}"]);
    system.assert_success();
    assert_eq!(system.stdout_trimmed(), "foo", "system events is events");

    let bad = s.cmd(&["events", "--stream=false", "--filter", "colour=red"]);
    bad.assert_exit(125);
    bad.assert_stderr_contains("colour=red is an invalid filter");
}

#[test]
fn since_and_until_take_times_and_durations() {
    let s = Skiff::new();
    let image = &fixtures().busybox.reference;
    s.cmd(&["create", TLS, "--name", "early", image, "true"]).assert_success();
    std::thread::sleep(Duration::from_millis(1100));
    let middle = chrono::Local::now().to_rfc3339();
    std::thread::sleep(Duration::from_millis(1100));
    s.cmd(&["create", TLS, "--name", "late", image, "true"]).assert_success();

    let f = ["--filter", "event=create", "--format", "{{.Name}}"];
    let with = |extra: &[&str]| {
        let mut a = extra.to_vec();
        a.extend_from_slice(&f);
        past(&s, &a)
    };
    assert_eq!(with(&["--since", &middle]), ["late"]);
    assert_eq!(with(&["--until", &middle]), ["early"]);
    assert_eq!(with(&["--since", "10m"]), ["early", "late"]);
    assert!(with(&["--until", "10m"]).is_empty(), "nothing is 10 minutes old");

    let bad = s.cmd(&["events", "--stream=false", "--since", "last-tuesday"]);
    bad.assert_exit(125);
    bad.assert_stderr_contains("last-tuesday");
}

#[test]
fn streaming_prints_new_events_until_interrupted() {
    let s = Skiff::new();
    let image = &fixtures().busybox.reference;
    s.cmd(&["pull", TLS, image]).assert_success();
    let mut child = s
        .command(&["events", "--filter", "event=create", "--format", "{{.Name}}"])
        .stdout(Stdio::piped())
        .stderr(Stdio::null())
        .spawn()
        .expect("spawn skiff events");
    let stdout = child.stdout.take().unwrap();
    let (tx, rx) = mpsc::channel();
    std::thread::spawn(move || {
        for line in BufReader::new(stdout).lines().map_while(Result::ok) {
            let _ = tx.send(line);
        }
    });
    std::thread::sleep(Duration::from_millis(500));
    s.cmd(&["create", "--name", "streamed", image, "true"]).assert_success();
    let got = rx.recv_timeout(Duration::from_secs(10));
    let still_running = child.try_wait().expect("try_wait").is_none();
    let _ = child.kill();
    let _ = child.wait();
    assert_eq!(got.as_deref(), Ok("streamed"), "the new event is printed while following");
    assert!(still_running, "events keeps following without --stream=false");
}

#[test]
fn backend_none_writes_nothing_and_cannot_be_read() {
    let s = Skiff::new();
    let image = &fixtures().busybox.reference;
    s.cmd(&["--events-backend", "none", "create", TLS, "--name", "quiet", image, "true"]).assert_success();
    assert!(past(&s, &["--filter", "container=quiet"]).is_empty(), "none: no event written");
    let out = s.cmd(&["--events-backend", "none", "events", "--stream=false"]);
    out.assert_exit(125);
    out.assert_stderr_contains("cannot read events with the \"none\" backend");
    let out = s.cmd(&["--events-backend", "journald", "events", "--stream=false"]);
    out.assert_exit(125);
    out.assert_stderr_contains("journald");
    let out = s.cmd(&["--events-backend", "syslog", "ps"]);
    out.assert_exit(125);
    out.assert_stderr_contains("syslog");
}

#[test]
fn containers_conf_path_and_size_limit_rotate_the_log() {
    let s = Skiff::new();
    let image = &fixtures().busybox.reference;
    s.cmd(&["pull", TLS, image]).assert_success();
    let log = s.dir().join("my-events.log");
    let conf = s.dir().join("containers.conf");
    fs_err::write(
        &conf,
        format!("[engine]\nevents_logfile_path = \"{}\"\nevents_logfile_max_size = 4000\n", log.display()),
    )
    .unwrap();
    let conf = conf.to_str().unwrap();
    let line = "{\"Name\":\"old\",\"Status\":\"pull\",\"Time\":\"2022-04-06T11:26:42.7236679+02:00\",\"Type\":\"image\",\"Attributes\":null}\n";
    fs_err::write(&log, line.repeat(80)).unwrap();
    s.cmd_env(&["create", TLS, "--name", "rot", image, "true"], &[("CONTAINERS_CONF", conf)])
        .assert_success();
    let text = fs_err::read_to_string(&log).unwrap();
    assert!(text.len() < 4000 + 1000, "the log was cut to about half: {} bytes", text.len());
    assert!(text.contains("\"Status\":\"log-rotation\""), "{text}");
    assert!(text.contains("\"Name\":\"rot\""), "{text}");
    let out = s.cmd_env(
        &["events", "--stream=false", "--filter", "type=system", "--format", "{{.Status}} {{.Name}}"],
        &[("CONTAINERS_CONF", conf)],
    );
    out.assert_success();
    assert_eq!(out.stdout_trimmed(), format!("log-rotation {}", log.display()));
}

#[test]
fn volumes_pods_exec_and_restart_have_their_events() {
    let s = Skiff::new();
    let image = &fixtures().busybox.reference;
    s.cmd(&["volume", "create", "vol1"]).assert_success();
    s.cmd(&["volume", "rm", "vol1"]).assert_success();
    assert_eq!(
        past(&s, &["--filter", "type=volume", "--format", "{{.Status}} {{.Name}}"]),
        ["create vol1", "remove vol1"]
    );
    let vol = past(&s, &["--filter", "volume=vol1", "--filter", "event=create"]);
    assert!(vol.len() == 1 && vol[0].ends_with(" volume create vol1"), "{vol:?}");

    s.cmd(&["run", TLS, "-d", "--name", "busy", image, "sleep", "600"]).assert_success();
    s.cmd(&["exec", "busy", "true"]).assert_success();
    s.cmd(&["restart", "-t", "0", "busy"]).assert_success();
    s.cmd(&["rm", "-f", "-t", "0", "busy"]).assert_success();
    let statuses = past(&s, &["--filter", "container=busy", "--format", "{{.Status}}"]);
    for want in ["exec", "restart", "stop", "died", "cleanup", "remove"] {
        assert!(statuses.iter().any(|st| st == want), "{want} in {statuses:?}");
    }
    assert!(!statuses.iter().any(|st| st == "attach"), "run -d does not attach: {statuses:?}");

    let pod = s.cmd(&["pod", "create", "--infra=false", "--name", "p1"]);
    pod.assert_success();
    s.cmd(&["pod", "rm", "p1"]).assert_success();
    assert_eq!(
        past(&s, &["--filter", "pod=p1", "--format", "{{.Status}} {{.ID}}"]),
        [format!("create {}", pod.stdout_trimmed()), format!("remove {}", pod.stdout_trimmed())]
    );
}

#[test]
fn image_events_follow_podmans_names_and_order() {
    let s = Skiff::new();
    let image = &fixtures().busybox.reference;
    s.cmd(&["pull", TLS, image]).assert_success();
    let id = s.cmd(&["image", "inspect", "--format", "{{.ID}}", image]).stdout_trimmed().to_string();
    let tarball = s.dir().join("ball.tar");
    let tarball = tarball.to_str().unwrap();
    let archive = format!("docker-archive:{tarball}");
    s.cmd(&["save", image, "-o", tarball]).assert_success();
    s.cmd(&["load", "-i", tarball]).assert_success();
    s.cmd(&["pull", &archive]).assert_success();
    s.cmd(&["tag", image, "registry.com/evtag"]).assert_success();
    s.cmd(&["untag", image, "registry.com/evtag"]).assert_success();
    s.cmd(&["tag", image, "registry.com/evtag"]).assert_success();
    s.cmd(&["rmi", "-f", &id]).assert_success();

    let got = past(&s, &["--filter", "type=image", "--format", "{{.Status}}--{{.ID}}--{{.Name}}"]);
    let want = [
        format!("pull----{image}"),
        format!("save--{id}--{tarball}"),
        format!("loadfromarchive----{tarball}"),
        format!("pull----{archive}"),
        format!("tag--{id}--registry.com/evtag"),
        format!("untag--{id}--registry.com/evtag:latest"),
        format!("tag--{id}--registry.com/evtag"),
        format!("untag--{id}--{image}"),
        format!("untag--{id}--registry.com/evtag:latest"),
        format!("remove--{id}--{id}"),
    ];
    assert_eq!(got, want);
    let by_image = past(&s, &["--filter", "image=registry.com/evtag", "--format", "{{.Status}}"]);
    assert_eq!(by_image, ["tag", "tag"], "image= matches an image event's name");
}

#[test]
fn push_to_a_directory_writes_what_skopeo_reads_and_records_a_push() {
    let s = Skiff::new();
    let image = &fixtures().busybox.reference;
    s.cmd(&["pull", TLS, image]).assert_success();
    let id = s.cmd(&["image", "inspect", "--format", "{{.ID}}", image]).stdout_trimmed().to_string();
    let dir = s.dir().join("pushed");
    let dest = format!("dir:{}", dir.display());
    s.cmd(&["push", image, &dest]).assert_success();
    assert!(dir.join("manifest.json").is_file() && dir.join("version").is_file());
    assert!(dir.join(&id).is_file(), "the config blob is named by its hex digest");
    // skopeo checks every blob against the manifest's digests while copying.
    let oci = format!("oci:{}:x", s.dir().join("oci").display());
    crate::util::skopeo(&["copy", &dest, &oci]).assert_success();
    let pushes = past(&s, &["--filter", "event=push", "--format", "{{.ID}} {{.Name}}"]);
    assert_eq!(pushes, [format!("{id} {dest}")]);
}
