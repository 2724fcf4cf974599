//! `skiff build`: Containerfiles against the fixture images: multi-stage builds, every
//! instruction, the cache (hits, misses after a changed file, a moved project, a changed build
//! arg), `.dockerignore`, `--target`, failures that leave nothing behind, bad input, and built
//! images that run, save and push like pulled ones.

use std::path::{Path, PathBuf};

use crate::fixtures::fixtures;
use crate::util::{Output, Skiff};

const TLS: &str = "--tls-verify=false";

/// A build context in the test's directory: `files` (path, content) and a Containerfile whose
/// `FROM busybox` lines name the fixture.
fn project(s: &Skiff, name: &str, containerfile: &str, files: &[(&str, &str)]) -> PathBuf {
    let dir = s.dir().join(name);
    write_project(&dir, containerfile, files);
    dir
}

fn write_project(dir: &Path, containerfile: &str, files: &[(&str, &str)]) {
    fs_err::create_dir_all(dir).unwrap();
    let text = containerfile.replace("FROM busybox", &format!("FROM {}", fixtures().busybox.reference));
    fs_err::write(dir.join("Containerfile"), text).unwrap();
    for (path, content) in files {
        let p = dir.join(path);
        fs_err::create_dir_all(p.parent().unwrap()).unwrap();
        fs_err::write(p, content).unwrap();
    }
}

fn build(s: &Skiff, dir: &Path, extra: &[&str]) -> Output {
    let mut args = vec!["build", TLS];
    args.extend_from_slice(extra);
    let d = dir.to_str().unwrap();
    args.push(d);
    s.cmd(&args)
}

/// Runs `sh -c script` in `image` and returns its stdout.
fn run_in(s: &Skiff, image: &str, script: &str) -> String {
    let out = s.cmd(&["run", "--rm", image, "sh", "-c", script]);
    out.assert_success();
    out.stdout.clone()
}

fn inspect(s: &Skiff, image: &str) -> serde_json::Value {
    let out = s.cmd(&["image", "inspect", image]);
    out.assert_success();
    out.json()[0].clone()
}

/// The step lines of a build's output that say `Using cache`.
fn cache_hits(out: &Output) -> usize {
    out.stdout.lines().filter(|l| l.starts_with("--> Using cache")).count()
}

#[test]
fn a_multi_stage_build_copies_the_builders_output_into_the_final_image() {
    let s = Skiff::new();
    let dir = project(
        &s,
        "app",
        "FROM busybox AS builder\n\
         WORKDIR /src\n\
         COPY main.sh .\n\
         RUN mkdir -p /out && cp main.sh /out/app && chmod 755 /out/app && echo built > /out/stamp\n\
         FROM busybox\n\
         COPY --from=builder /out/app /usr/local/bin/app\n\
         CMD [\"app\"]\n",
        &[("main.sh", "#!/bin/sh\necho hello from app\n")],
    );
    let out = build(&s, &dir, &["-t", "app:1"]);
    out.assert_success();
    assert!(out.stdout.contains("STEP 1/7: FROM "), "{}", out.stdout);
    assert!(out.stdout.contains("STEP 4/7: RUN mkdir -p /out"), "{}", out.stdout);
    assert!(out.stdout.contains("COMMIT app:1"), "{}", out.stdout);
    assert!(out.stdout.contains("Successfully tagged localhost/app:1"), "{}", out.stdout);
    let id = out.stdout.lines().last().unwrap().to_string();
    assert_eq!(id.len(), 64, "{}", out.stdout);
    // The image runs its CMD; the builder's other files are not in it.
    let run = s.cmd(&["run", "--rm", "app:1"]);
    run.assert_success().assert_stdout_eq("hello from app\n");
    assert_eq!(run_in(&s, "app:1", "test -e /out/stamp && echo yes || echo no"), "no\n");
    let img = inspect(&s, "app:1");
    assert_eq!(img["Id"], id);
    // busybox's layer plus one for the COPY.
    assert_eq!(img["RootFS"]["Layers"].as_array().unwrap().len(), 2, "{img}");
    // podman's --jobs is taken; the same input gives the same image.
    let jobs = build(&s, &dir, &["-t", "app:2", "--jobs", "4"]);
    jobs.assert_success();
    assert_eq!(jobs.stdout.lines().last().unwrap(), id);
}

/// A gzip tar holding `dir/inside` ("from the tar\n") and `top` (mode 0600, uid 1000).
fn tarball() -> Vec<u8> {
    let mut b = tar::Builder::new(flate2::write::GzEncoder::new(Vec::new(), flate2::Compression::default()));
    let mut add = |path: &str, data: &[u8], mode: u32, uid: u64| {
        let mut h = tar::Header::new_gnu();
        h.set_size(data.len() as u64);
        h.set_mode(mode);
        h.set_uid(uid);
        h.set_gid(uid);
        h.set_mtime(1_000_000_000);
        b.append_data(&mut h, path, data).unwrap();
    };
    add("dir/inside", b"from the tar\n", 0o644, 0);
    add("top", b"top\n", 0o600, 1000);
    b.into_inner().unwrap().finish().unwrap()
}

const ALL: &str = r#"ARG GREETING=hello
ARG UNUSED_GLOBAL
FROM busybox
ARG GREETING
ARG WHO=world
ENV MSG="$GREETING $WHO" PLAIN=x\ y
ENV OLD old style value
LABEL org.example.name="all in one" version=$WHO
WORKDIR /work
WORKDIR sub
COPY --chmod=0751 --chown=app:app tool.sh ./tool
COPY *.txt /texts/
COPY tree /copied/
ADD archive.tar.gz /unpacked/
COPY <<EOF /etc/motd
motd for $WHO
EOF
RUN echo "$MSG" > /msg && echo "arg:$WHO" >> /msg
RUN ["/bin/sh", "-c", "echo exec form > /exec"]
RUN <<EOT
echo heredoc > /heredoc
EOT
RUN tr a-z A-Z <<EOT > /upper
shouted $WHO
EOT
SHELL ["/bin/sh", "-c"]
EXPOSE 8080 53/udp
VOLUME /data
STOPSIGNAL SIGINT
HEALTHCHECK --interval=30s --retries=2 CMD true
ONBUILD RUN echo child
USER app
ENTRYPOINT ["/bin/sh", "-c"]
CMD ["cat /msg"]
"#;

#[test]
fn every_instruction_lands_in_the_image_config_history_and_files() {
    let s = Skiff::new();
    let dir = project(
        &s,
        "all",
        ALL,
        &[
            ("tool.sh", "#!/bin/sh\necho tool\n"),
            ("a.txt", "a\n"),
            ("b.txt", "b\n"),
            ("c.md", "not copied\n"),
            ("tree/x", "x\n"),
            ("tree/sub/y", "y\n"),
        ],
    );
    fs_err::write(dir.join("archive.tar.gz"), tarball()).unwrap();
    let out = build(
        &s,
        &dir,
        &["-t", "all", "--build-arg", "WHO=skiff", "--format", "docker", "--label", "extra=1"],
    );
    out.assert_success();
    let c = inspect(&s, "all");
    let cfg = &c["Config"];
    let env: Vec<&str> = cfg["Env"].as_array().unwrap().iter().map(|v| v.as_str().unwrap()).collect();
    assert!(env.contains(&"MSG=hello skiff"), "{env:?}");
    assert!(env.contains(&"PLAIN=x y"), "{env:?}");
    assert!(env.contains(&"OLD=old style value"), "{env:?}");
    assert!(!env.iter().any(|e| e.starts_with("WHO=")), "ARGs are not kept: {env:?}");
    assert_eq!(cfg["Labels"]["org.example.name"], "all in one");
    assert_eq!(cfg["Labels"]["version"], "skiff");
    assert_eq!(cfg["Labels"]["extra"], "1");
    assert_eq!(cfg["WorkingDir"], "/work/sub");
    assert_eq!(cfg["User"], "app");
    assert_eq!(cfg["ExposedPorts"], serde_json::json!({"8080/tcp": {}, "53/udp": {}}));
    assert_eq!(cfg["Volumes"], serde_json::json!({"/data": {}}));
    assert_eq!(cfg["StopSignal"], "SIGINT");
    assert_eq!(cfg["Entrypoint"], serde_json::json!(["/bin/sh", "-c"]));
    assert_eq!(cfg["Cmd"], serde_json::json!(["cat /msg"]));
    assert_eq!(cfg["Healthcheck"]["Test"], serde_json::json!(["CMD-SHELL", "true"]));
    assert_eq!(cfg["Healthcheck"]["Interval"], 30_000_000_000u64);
    assert_eq!(cfg["Healthcheck"]["Retries"], 2);
    assert_eq!(cfg["OnBuild"], serde_json::json!(["RUN echo child"]));
    assert_eq!(cfg["Shell"], serde_json::json!(["/bin/sh", "-c"]));
    assert!(c["ManifestType"].as_str().unwrap().contains("docker"), "{}", c["ManifestType"]);
    // One history entry per instruction of the stage on top of busybox's.
    let history = c["History"].as_array().unwrap();
    assert_eq!(history.len(), 1 + 25, "{history:?}");
    assert!(history.iter().any(|h| h["created_by"].as_str().unwrap().contains("ENV MSG=hello skiff")));
    // busybox + 5 COPY/ADD + 4 RUN layers.
    assert_eq!(c["RootFS"]["Layers"].as_array().unwrap().len(), 10);
    // Every build arg was used; the global ARG without a value is no build arg.
    assert!(!out.stderr.contains("not consumed"), "{}", out.stderr);

    // The files, as the image's user sees them.
    let run = s.cmd(&["run", "--rm", "all"]);
    run.assert_success().assert_stdout_eq("hello skiff\narg:skiff\n");
    let files = run_in_entry(
        &s,
        "all",
        "stat -c '%a %U %G' /work/sub/tool; /work/sub/tool; cat /texts/a.txt /texts/b.txt; ls /texts; \
         cat /copied/x /copied/sub/y; cat /unpacked/dir/inside; stat -c '%a %u' /unpacked/top; \
         cat /etc/motd /exec /heredoc /upper; id -un; pwd",
    );
    assert_eq!(
        files,
        "751 app app\ntool\na\nb\na.txt\nb.txt\nx\ny\nfrom the tar\n600 1000\nmotd for skiff\nexec form\nheredoc\nSHOUTED SKIFF\napp\n/work/sub\n"
    );
    // The OCI format drops what only docker's has, and says so.
    let oci = build(&s, &dir, &["-t", "all-oci", "--build-arg", "WHO=skiff"]);
    oci.assert_success();
    assert!(oci.stderr.contains("HEALTHCHECK is not supported for OCI image format"), "{}", oci.stderr);
    let c = inspect(&s, "all-oci");
    assert!(c["Config"].get("Healthcheck").is_none() && c["Config"].get("OnBuild").is_none(), "{c}");
    assert!(c["ManifestType"].as_str().unwrap().contains("oci"), "{}", c["ManifestType"]);
}

/// Runs `script` through the image's entrypoint (`sh -c`).
fn run_in_entry(s: &Skiff, image: &str, script: &str) -> String {
    let out = s.cmd(&["run", "--rm", image, script]);
    out.assert_success();
    out.stdout.clone()
}

#[test]
fn onbuild_triggers_run_in_the_child_build() {
    let s = Skiff::new();
    let parent = project(&s, "parent", "FROM busybox\nONBUILD RUN echo triggered > /onbuild\n", &[]);
    build(&s, &parent, &["-t", "parent", "--format", "docker"]).assert_success();
    let child = s.dir().join("child");
    fs_err::create_dir_all(&child).unwrap();
    fs_err::write(child.join("Containerfile"), "FROM localhost/parent\nRUN cat /onbuild\n").unwrap();
    let out = build(&s, &child, &["-t", "child"]);
    out.assert_success();
    assert!(out.stdout.contains("triggered"), "{}", out.stdout);
    assert_eq!(run_in(&s, "child", "cat /onbuild"), "triggered\n");
}

#[test]
fn the_cache_hits_until_a_file_or_build_arg_changes_and_survives_a_move() {
    let s = Skiff::new();
    let cf = "FROM busybox\nARG V=1\nCOPY early.txt /early\nRUN echo run-$V > /run.txt\nCOPY late.txt /late\nRUN cat /late > /late-copy\n";
    let dir = project(&s, "proj", cf, &[("early.txt", "early\n"), ("late.txt", "late 1\n")]);
    let first = build(&s, &dir, &["-t", "cached"]);
    first.assert_success();
    assert_eq!(cache_hits(&first), 0, "{}", first.stdout);
    let id1 = first.stdout.lines().last().unwrap().to_string();

    // The same input: every layer step hits and the image is the same.
    let again = build(&s, &dir, &["-t", "cached"]);
    again.assert_success();
    assert_eq!(cache_hits(&again), 4, "{}", again.stdout);
    assert_eq!(again.stdout.lines().last().unwrap(), id1);

    // The project in another directory (new mtimes too): still hits.
    let moved = s.dir().join("elsewhere/proj");
    write_project(&moved, cf, &[("early.txt", "early\n"), ("late.txt", "late 1\n")]);
    let out = build(&s, &moved, &["-t", "cached"]);
    out.assert_success();
    assert_eq!(cache_hits(&out), 4, "{}", out.stdout);

    // A change in the late file: the steps before its COPY hit, the rest run.
    fs_err::write(moved.join("late.txt"), "late 2\n").unwrap();
    let out = build(&s, &moved, &["-t", "cached"]);
    out.assert_success();
    assert_eq!(cache_hits(&out), 2, "{}", out.stdout);
    assert_eq!(run_in(&s, "cached", "cat /late-copy"), "late 2\n");

    // Another build arg: the RUN that sees it and everything after it run again.
    let out = build(&s, &moved, &["-t", "cached", "--build-arg", "V=2"]);
    out.assert_success();
    assert_eq!(cache_hits(&out), 1, "{}", out.stdout);
    assert_eq!(run_in(&s, "cached", "cat /run.txt"), "run-2\n");

    // --no-cache runs everything; --layers=false too.
    for flag in ["--no-cache", "--layers=false"] {
        let out = build(&s, &moved, &["-t", "cached", flag]);
        out.assert_success();
        assert_eq!(cache_hits(&out), 0, "{flag}: {}", out.stdout);
    }
}

#[test]
fn dockerignore_hides_files_from_copy_with_exceptions() {
    let s = Skiff::new();
    let dir = project(
        &s,
        "ign",
        "FROM busybox\nCOPY . /ctx/\n",
        &[
            (".dockerignore", "# comment\n*.md\n!README.md\nsecret/\n**/*.log\n/build\n"),
            ("README.md", "r\n"),
            ("NOTES.md", "n\n"),
            ("secret/key", "k\n"),
            ("src/main.c", "c\n"),
            ("src/deep/debug.log", "l\n"),
            ("build", "b\n"),
            ("sub/build", "kept\n"),
        ],
    );
    let out = build(&s, &dir, &["-t", "ign"]);
    out.assert_success();
    let listed = run_in(&s, "ign", "cd /ctx && find . -type f | sort");
    assert_eq!(listed, "./.dockerignore\n./Containerfile\n./README.md\n./src/main.c\n./sub/build\n");
    // COPY of an ignored file says it is not there.
    fs_err::write(
        dir.join("Containerfile"),
        format!("FROM {}\nCOPY NOTES.md /\n", fixtures().busybox.reference),
    )
    .unwrap();
    let out = build(&s, &dir, &["-t", "ign2"]);
    out.assert_exit(125).assert_stderr_contains("NOTES.md: no such file or directory in the build context");
    // .containerignore wins over .dockerignore.
    fs_err::write(dir.join(".containerignore"), "").unwrap();
    build(&s, &dir, &["-t", "ign2"]).assert_success();
}

#[test]
fn target_builds_only_the_stages_it_needs() {
    let s = Skiff::new();
    let dir = project(
        &s,
        "tgt",
        "FROM busybox AS base\nRUN echo base > /base\n\
         FROM busybox AS broken\nRUN exit 9\n\
         FROM base AS test\nRUN echo test > /test\n\
         FROM base\nRUN echo final > /final\n",
        &[],
    );
    let out = build(&s, &dir, &["-t", "tgt", "--target", "test"]);
    out.assert_success();
    assert!(!out.stdout.contains("exit 9"), "the broken stage is skipped: {}", out.stdout);
    assert_eq!(
        run_in(&s, "tgt", "cat /base /test; test -e /final || echo no final"),
        "base\ntest\nno final\n"
    );
    build(&s, &dir, &["-t", "tgt", "--target", "nope"]).assert_exit(125).assert_stderr_contains("nope");
    // Without --target the last stage is built, and the broken one is still not needed.
    build(&s, &dir, &["-t", "tgt"]).assert_success();
    assert_eq!(run_in(&s, "tgt", "cat /final"), "final\n");
}

/// Images, containers and scratch directories in the store.
fn store_state(s: &Skiff) -> (String, String, usize) {
    let images = s.cmd(&["images", "-a", "-q"]);
    images.assert_success();
    let ps = s.cmd(&["ps", "-a", "-q"]);
    ps.assert_success();
    let tmp = fs_err::read_dir(s.root().join("tmp")).map(|d| d.count()).unwrap_or(0);
    (images.stdout.clone(), ps.stdout.clone(), tmp)
}

#[test]
fn a_failing_run_names_the_step_and_code_and_leaves_nothing_half_made() {
    let s = Skiff::new();
    s.cmd(&["pull", TLS, &fixtures().busybox.reference]).assert_success();
    let before = store_state(&s);
    let dir = project(
        &s,
        "fail",
        "FROM busybox\nRUN echo partial > /partial\nRUN echo failing; exit 3\nRUN echo never\n",
        &[],
    );
    let out = build(&s, &dir, &["-t", "fail"]);
    out.assert_exit(3);
    assert!(out.stdout.contains("failing"), "{}", out.stdout);
    assert!(!out.stdout.contains("never\n"), "{}", out.stdout);
    out.assert_stderr_contains("building at STEP \"RUN echo failing; exit 3\": exit status 3");
    assert_eq!(store_state(&s), before, "no image, no container, no scratch directory left");
    s.cmd(&["image", "exists", "fail"]).assert_exit(1);
    // A command that is not there: 127, as podman.
    let dir = project(&s, "fail2", "FROM busybox\nRUN [\"/nonexistent\"]\n", &[]);
    build(&s, &dir, &["-t", "fail"]).assert_exit(127);
    assert_eq!(store_state(&s), before);
}

/// SIGTERM to `build` (what `timeout` sends) stops it within seconds even when the RUN step's
/// pid 1 ignores the signal, as podman's build does; nothing is left half made.
#[test]
fn an_interrupted_build_stops_its_run_step_and_leaves_nothing() {
    let s = Skiff::new();
    s.cmd(&["pull", TLS, &fixtures().busybox.reference]).assert_success();
    let before = store_state(&s);
    // A duration no other test uses, to find the step's process.
    let dir = project(&s, "slow", "FROM busybox\nRUN sleep 67\n", &[]);
    let mut cmd = s.command(&["build", TLS, "-t", "slow", dir.to_str().unwrap()]);
    cmd.stdout(std::process::Stdio::null()).stderr(std::process::Stdio::piped());
    let mut child = cmd.spawn().unwrap();
    let deadline = std::time::Instant::now() + std::time::Duration::from_secs(60);
    while !crate::util::run_program("pgrep", &["-f", "^sleep 67$"]).stdout.contains(char::is_numeric) {
        assert!(std::time::Instant::now() < deadline, "the RUN step never started");
        std::thread::sleep(std::time::Duration::from_millis(100));
    }
    let started = std::time::Instant::now();
    nix::sys::signal::kill(nix::unistd::Pid::from_raw(child.id() as i32), nix::sys::signal::Signal::SIGTERM)
        .unwrap();
    let status = child.wait().unwrap();
    assert!(
        started.elapsed() < std::time::Duration::from_secs(5),
        "build took {:?} to stop",
        started.elapsed()
    );
    assert!(!status.success());
    assert_eq!(store_state(&s), before, "no image, no container, no scratch directory left");
    s.cmd(&["image", "exists", "slow"]).assert_exit(1);
}

#[test]
fn bad_input_is_reported_with_file_line_and_instruction() {
    let s = Skiff::new();
    let cases: &[(&str, &str)] = &[
        ("FROM busybox\nRUN true\nFROBNICATE now\n", ":3: unknown instruction 'FROBNICATE'"),
        ("FROM busybox\nCOPY missing.txt /\n", "building at STEP \"COPY missing.txt /\" ("),
        (
            "FROM busybox\nCOPY missing.txt /\n",
            "Containerfile:2): missing.txt: no such file or directory in the build context",
        ),
        ("FROM busybox\nRUN <<EOT\nnever closed\n", "expected end of here-document"),
        ("FROM localhost/no-such-image:1\n", "localhost/no-such-image:1"),
        ("FROM busybox\nCOPY --bogus a /\n", ":2: COPY: unknown flag --bogus"),
        ("RUN true\n", "Containerfile:1: expected FROM"),
        ("FROM --platform=linux/s390x-nope busybox\n", "platform linux/s390x-nope is not this host's"),
    ];
    for (i, (cf, want)) in cases.iter().enumerate() {
        let dir = project(&s, &format!("bad{i}"), cf, &[]);
        let out = build(&s, &dir, &["-t", "bad"]);
        out.assert_exit(125);
        out.assert_stderr_contains(want);
        if !want.starts_with("localhost") && !want.starts_with("platform") {
            out.assert_stderr_contains("Containerfile");
        }
    }
    // A context without a Containerfile: podman's words, then what to do.
    let empty = s.dir().join("empty-context");
    fs_err::create_dir_all(&empty).unwrap();
    let out = build(&s, &empty, &["-t", "bad"]);
    out.assert_exit(125);
    out.assert_stderr_contains(&format!("stat {}/Dockerfile: no such file or directory", empty.display()));
    out.assert_stderr_contains("name one with -f");
}

#[test]
fn a_built_image_runs_saves_and_pushes_like_a_pulled_one() {
    let s = Skiff::new();
    let dir =
        project(&s, "ship", "FROM busybox\nRUN echo shipped > /shipped\nCMD [\"cat\", \"/shipped\"]\n", &[]);
    build(&s, &dir, &["-t", "ship:1"]).assert_success();
    s.cmd(&["run", "--rm", "ship:1"]).assert_success().assert_stdout_eq("shipped\n");
    // save, and load into another store.
    let archive = s.dir().join("ship.tar");
    s.cmd(&["save", "-o", archive.to_str().unwrap(), "ship:1"]).assert_success();
    let other = Skiff::new();
    other.cmd(&["load", "-i", archive.to_str().unwrap()]).assert_success();
    other.cmd(&["run", "--rm", "localhost/ship:1"]).assert_success().assert_stdout_eq("shipped\n");
    // push to the registry, and pull into a third store.
    let remote = format!("{}/built/ship:1", crate::registry::shared().host());
    s.cmd(&["push", TLS, "ship:1", &remote]).assert_success();
    let third = Skiff::new();
    third.cmd(&["pull", TLS, &remote]).assert_success();
    third.cmd(&["run", "--rm", &remote]).assert_success().assert_stdout_eq("shipped\n");
}

#[test]
fn timestamp_makes_the_same_input_give_the_same_image() {
    let s = Skiff::new();
    let dir = project(&s, "repro", "FROM busybox\nCOPY f /f\nRUN echo made > /made\n", &[("f", "f\n")]);
    let ids: Vec<String> = (0..2)
        .map(|_| {
            let out = build(&s, &dir, &["-t", "repro", "--no-cache", "--timestamp", "1700000000"]);
            out.assert_success();
            out.stdout.lines().last().unwrap().to_string()
        })
        .collect();
    assert_eq!(ids[0], ids[1]);
    let c = inspect(&s, "repro");
    assert!(c["Created"].as_str().unwrap().starts_with("2023-11-14T22:13:20"), "{}", c["Created"]);
    let digest = c["Digest"].clone();
    // SOURCE_DATE_EPOCH does the same.
    let mut cmd = s.command(&["build", TLS, "--no-cache", "-t", "repro2", dir.to_str().unwrap()]);
    cmd.env("SOURCE_DATE_EPOCH", "1700000000");
    let out = crate::util::run(cmd, None, s.timeout);
    out.assert_success();
    assert_eq!(out.stdout.lines().last().unwrap(), ids[0]);
    assert_eq!(inspect(&s, "repro2")["Digest"], digest);
}

#[test]
fn flags_tags_iidfile_quiet_stdin_and_build_arg_file() {
    let s = Skiff::new();
    let dir = project(
        &s,
        "flags",
        "FROM busybox\nARG A\nARG B\nARG TARGETARCH\nRUN echo \"$A-$B-$TARGETARCH-$TARGETOS\" > /ab\n",
        &[],
    );
    let iid = s.dir().join("iid");
    let args_file = s.dir().join("args");
    fs_err::write(&args_file, "# args\nA=from-file\nB=file\n").unwrap();
    let out = build(
        &s,
        &dir,
        &[
            "-q",
            "-t",
            "one",
            "-t",
            "two:2",
            "--iidfile",
            iid.to_str().unwrap(),
            "--build-arg-file",
            args_file.to_str().unwrap(),
            "--build-arg",
            "B=flag",
        ],
    );
    out.assert_success();
    let id = out.stdout_trimmed().to_string();
    assert_eq!(out.stdout.lines().count(), 1, "-q prints the id only: {}", out.stdout);
    assert_eq!(fs_err::read_to_string(&iid).unwrap(), format!("sha256:{id}"));
    // TARGETARCH is predefined, and only in the stages that declare it (TARGETOS is not here).
    assert_eq!(run_in(&s, "one", "cat /ab"), format!("from-file-flag-{}-\n", crate::fixtures::host_arch()));
    assert_eq!(inspect(&s, "localhost/two:2")["Id"], id);
    // -f - reads the Containerfile from stdin.
    let text = format!("FROM {}\nRUN echo stdin > /s\n", fixtures().busybox.reference);
    let out =
        s.cmd_stdin(&["build", TLS, "-t", "fromstdin", "-f", "-", dir.to_str().unwrap()], text.as_bytes());
    out.assert_success();
    assert_eq!(run_in(&s, "fromstdin", "cat /s"), "stdin\n");
    // An unused build arg is named.
    let out = build(&s, &dir, &["-t", "x", "--build-arg", "NOPE=1"]);
    out.assert_success().assert_stderr_contains("one or more build args were not consumed: [NOPE]");
}

#[test]
fn run_mounts_cache_bind_tmpfs_and_secret() {
    let s = Skiff::new();
    let secret = s.dir().join("token");
    fs_err::write(&secret, "s3cret\n").unwrap();
    let dir = project(
        &s,
        "mounts",
        "FROM busybox\n\
         RUN --mount=type=cache,target=/cache echo x >> /cache/count && wc -l < /cache/count > /first\n\
         RUN --mount=type=bind,source=data,target=/data cat /data/file > /from-bind\n\
         RUN --mount=type=tmpfs,target=/scratch echo t > /scratch/t && cat /scratch/t > /from-tmpfs\n\
         RUN --mount=type=secret,id=token wc -c < /run/secrets/token > /from-secret\n",
        &[("data/file", "bound\n")],
    );
    let secret_flag = format!("id=token,src={}", secret.display());
    build(&s, &dir, &["-t", "mounts", "--secret", &secret_flag]).assert_success();
    // What was mounted is not in the image, nor its mount points.
    assert_eq!(
        run_in(&s, "mounts", "cat /first /from-bind /from-tmpfs /from-secret; ls -d /cache /data /scratch /run/secrets/token 2>/dev/null | wc -l"),
        "1\nbound\nt\n7\n0\n"
    );
    // The cache mount keeps its content across builds.
    build(&s, &dir, &["-t", "mounts", "--no-cache", "--secret", &secret_flag]).assert_success();
    assert_eq!(run_in(&s, "mounts", "cat /first"), "2\n");
}

/// A tiny HTTP server on 127.0.0.1 for ADD URL: `GET /files/NAME` answers the current content of
/// NAME with a fixed `Last-Modified`; anything else is a 404. Runs until the test ends.
fn http_server(files: std::sync::Arc<std::sync::Mutex<std::collections::HashMap<String, String>>>) -> u16 {
    use std::io::{BufRead, BufReader, Write};
    let listener = std::net::TcpListener::bind("127.0.0.1:0").unwrap();
    let port = listener.local_addr().unwrap().port();
    std::thread::spawn(move || {
        for conn in listener.incoming() {
            let Ok(mut conn) = conn else { continue };
            let mut reader = BufReader::new(conn.try_clone().unwrap());
            let mut first = String::new();
            if reader.read_line(&mut first).is_err() {
                continue;
            }
            loop {
                let mut line = String::new();
                if reader.read_line(&mut line).unwrap_or(0) == 0 || line == "\r\n" {
                    break;
                }
            }
            let path = first.split_whitespace().nth(1).unwrap_or("").to_string();
            let body = path.strip_prefix("/files/").and_then(|n| files.lock().unwrap().get(n).cloned());
            let answer = match body {
                Some(b) => format!(
                    "HTTP/1.1 200 OK\r\nContent-Length: {}\r\nLast-Modified: Sun, 09 Sep 2001 01:46:40 GMT\r\nConnection: close\r\n\r\n{b}",
                    b.len()
                ),
                None => "HTTP/1.1 404 Not Found\r\nContent-Length: 0\r\nConnection: close\r\n\r\n".into(),
            };
            let _ = conn.write_all(answer.as_bytes());
        }
    });
    port
}

#[test]
fn add_of_a_url_downloads_the_file_and_the_cache_follows_its_content() {
    let s = Skiff::new();
    let files = std::sync::Arc::new(std::sync::Mutex::new(std::collections::HashMap::from([(
        "hello.txt".to_string(),
        "hello over http\n".to_string(),
    )])));
    let port = http_server(files.clone());
    let url = format!("http://127.0.0.1:{port}/files/hello.txt");
    let cf = format!("FROM busybox\nADD {url} /downloads/\nADD --chmod=644 {url} /named.txt\n");
    let dir = project(&s, "addurl", &cf, &[]);
    build(&s, &dir, &["-t", "addurl"]).assert_success();
    let out = run_in(
        &s,
        "addurl",
        "cat /downloads/hello.txt /named.txt; stat -c '%a %Y' /downloads/hello.txt /named.txt",
    );
    // Not extracted, 0600 unless --chmod, the mtime from Last-Modified (1000000000).
    assert_eq!(out, "hello over http\nhello over http\n600 1000000000\n644 1000000000\n");
    // The same content: both steps from the cache; a changed remote file: both run again.
    let again = build(&s, &dir, &["-t", "addurl"]);
    again.assert_success();
    assert_eq!(cache_hits(&again), 2, "{}", again.stdout);
    files.lock().unwrap().insert("hello.txt".into(), "changed\n".into());
    let changed = build(&s, &dir, &["-t", "addurl"]);
    changed.assert_success();
    assert_eq!(cache_hits(&changed), 0, "{}", changed.stdout);
    assert_eq!(run_in(&s, "addurl", "cat /named.txt"), "changed\n");
    // A missing file: the URL and the status, the file and line, nothing built.
    let missing =
        project(&s, "addmissing", &format!("FROM busybox\nADD http://127.0.0.1:{port}/nope /x\n"), &[]);
    let out = build(&s, &missing, &["-t", "addmissing"]);
    out.assert_exit(125);
    out.assert_stderr_contains(&format!("http://127.0.0.1:{port}/nope: the server answered 404"));
    out.assert_stderr_contains("Containerfile:2");
    s.cmd(&["image", "exists", "addmissing"]).assert_exit(1);
    // COPY does not take URLs.
    let copy = project(&s, "copyurl", &format!("FROM busybox\nCOPY {url} /x\n"), &[]);
    build(&s, &copy, &["-t", "copyurl"])
        .assert_exit(125)
        .assert_stderr_contains("building at STEP \"COPY http://127.0.0.1:")
        .assert_stderr_contains("source can't be a URL for COPY");
}

#[test]
fn copy_stays_inside_the_root_through_symlinks_in_the_image_and_the_context() {
    let s = Skiff::new();
    let escape = format!("skiff-build-escape-{}", std::process::id());
    let up = "../".repeat(30);
    let cf = format!(
        "FROM busybox AS base\n\
         RUN ln -s /etc /etclink && ln -s {up}tmp/{escape} /esc && mkdir /real && ln -s /real /abslink\n\
         FROM base\n\
         COPY f.txt /etclink/f.txt\n\
         COPY f.txt /esc/\n\
         COPY dir /abslink/\n\
         COPY abs /fromlink\n\
         COPY f.txt dir /esc/sub/\n"
    );
    let dir = project(&s, "links", &cf, &[("f.txt", "inside\n"), ("dir/x", "x\n")]);
    // A symlink in the context that points out of it resolves inside the context.
    std::os::unix::fs::symlink("/f.txt", dir.join("abs")).unwrap();
    build(&s, &dir, &["-t", "links"]).assert_success();
    assert!(!Path::new("/tmp").join(&escape).exists(), "a COPY wrote outside the root");
    let out = run_in(
        &s,
        "links",
        &format!(
            "cat /etc/f.txt /tmp/{escape}/f.txt /real/x /fromlink /tmp/{escape}/sub/f.txt /tmp/{escape}/sub/x; \
             readlink /etclink; readlink /abslink"
        ),
    );
    // (The last COPY has several sources, one a directory: it copies through the step's root.)
    assert_eq!(out, "inside\ninside\nx\ninside\ninside\nx\n/etc\n/real\n");
    // A link to a file outside the context is a missing file, not the host's file.
    let out_link = project(&s, "outlink", "FROM busybox\nCOPY passwd /p\n", &[]);
    std::os::unix::fs::symlink(format!("{up}etc/passwd"), out_link.join("passwd")).unwrap();
    build(&s, &out_link, &["-t", "outlink"])
        .assert_exit(125)
        .assert_stderr_contains("passwd: no such file or directory in the build context");
}

#[test]
fn squash_makes_the_new_layers_one_and_squash_all_every_layer() {
    let s = Skiff::new();
    let cf = "FROM busybox\nRUN echo one > /one && echo gone > /gone\nRUN rm /gone /bin/sed && echo two > /two\nCOPY f /f\n";
    let dir = project(&s, "squash", cf, &[("f", "f\n")]);
    build(&s, &dir, &["-t", "plain"]).assert_success();
    build(&s, &dir, &["-t", "squashed", "--squash"]).assert_success();
    build(&s, &dir, &["-t", "flat", "--squash-all"]).assert_success();
    let layers = |name: &str| inspect(&s, name)["RootFS"]["Layers"].as_array().unwrap().len();
    let base = layers(&fixtures().busybox.reference);
    assert_eq!(layers("plain"), base + 3);
    assert_eq!(layers("squashed"), base + 1);
    assert_eq!(layers("flat"), 1);
    for image in ["plain", "squashed", "flat"] {
        // The files as the last step left them: a deletion of a base file stays deleted.
        let out = run_in(
            &s,
            image,
            "cat /one /two /f; test -e /gone || echo no-gone; test -e /bin/sed || echo no-sed",
        );
        assert_eq!(out, "one\ntwo\nf\nno-gone\nno-sed\n", "{image}");
        // The history keeps one entry per instruction, as many with a layer as there are layers.
        let c = inspect(&s, image);
        let history = c["History"].as_array().unwrap();
        assert_eq!(history.len(), inspect(&s, "plain")["History"].as_array().unwrap().len(), "{image}");
        let with_layer = history.iter().filter(|h| !h["empty_layer"].as_bool().unwrap_or(false)).count();
        assert_eq!(with_layer, layers(image), "{image}: {history:?}");
    }
}

#[test]
fn run_steps_take_the_runtime_from_the_flag_or_containers_conf_and_its_global_flags() {
    let s = Skiff::new();
    let dir = project(&s, "rt", "FROM busybox\nRUN echo ran > /ran\n", &[]);
    // A runtime that is not there: said before anything is built.
    let out = build(&s, &dir, &["-t", "rt", "--runtime", "idonotexist"]);
    out.assert_exit(125).assert_stderr_contains("\"idonotexist\" not found");
    assert!(!out.stdout.contains("STEP"), "{}", out.stdout);
    let conf = s.dir().join("containers.conf");
    fs_err::write(&conf, "[engine]\nruntime = \"idonotexist\"\n").unwrap();
    let d = dir.to_str().unwrap();
    s.cmd_env(&["build", TLS, "-t", "rt", d], &[("CONTAINERS_CONF", conf.to_str().unwrap())])
        .assert_exit(125)
        .assert_stderr_contains("\"idonotexist\" not found");
    // The built-in runtime takes the common global flags and refuses others, at the RUN step.
    build(&s, &dir, &["-t", "rt"]).assert_success();
    s.cmd(&["--runtime-flag", "debug", "build", TLS, "--no-cache", "-t", "rt", d]).assert_success();
    s.cmd(&["--runtime-flag", "invalidflag", "build", TLS, "--no-cache", "-t", "rt2", d])
        .assert_exit(1)
        .assert_stderr_contains("--invalidflag");
    // An external runtime runs the step (runc, as tests/it/options.rs runs it), with its status.
    let ext = project(&s, "rt-runc", "FROM busybox\nRUN echo by-runc > /by\n", &[]);
    build(&s, &ext, &["-t", "rt-runc", "--runtime", "runc"]).assert_success();
    assert_eq!(run_in(&s, "rt-runc", "cat /by"), "by-runc\n");
    let failing = project(&s, "rt-fail", "FROM busybox\nRUN exit 7\n", &[]);
    build(&s, &failing, &["-t", "rt-fail", "--runtime", "runc"]).assert_exit(7);
}

#[test]
fn add_of_a_tar_with_ids_outside_the_range_gives_them_to_root_with_one_warning() {
    let s = Skiff::new();
    let mut b = tar::Builder::new(Vec::new());
    let mut add = |path: &str, mode: u32, uid: u64| {
        let mut h = tar::Header::new_gnu();
        h.set_size(3);
        h.set_mode(mode);
        h.set_uid(uid);
        h.set_gid(uid);
        h.set_mtime(1_000_000_000);
        b.append_data(&mut h, path, &b"id\n"[..]).unwrap();
    };
    add("far", 0o644, 4_000_000);
    add("far2", 0o644, 4_000_001);
    add("suid", 0o4755, 1000);
    let dir = project(&s, "ids", "FROM busybox\nADD ids.tar /ids/\n", &[]);
    fs_err::write(dir.join("ids.tar"), b.into_inner().unwrap()).unwrap();
    let out = build(&s, &dir, &["-t", "ids"]);
    out.assert_success();
    assert_eq!(out.stderr.matches("outside your /etc/subuid range").count(), 1, "{}", out.stderr);
    out.assert_stderr_contains("2 files added by \"ADD ids.tar /ids/\"");
    let files = run_in(&s, "ids", "stat -c '%n %u %g %a' /ids/far /ids/far2 /ids/suid");
    assert_eq!(files, "/ids/far 0 0 644\n/ids/far2 0 0 644\n/ids/suid 1000 1000 4755\n");
}
