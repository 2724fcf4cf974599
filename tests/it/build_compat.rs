//! `skiff build` as podman's scripts drive it: independent stages built at the same time with
//! their lines kept together, `buildx build`, the global `--runtime` and
//! `--default-mounts-file`, `--dns-search` of RUN steps, `run --env-host`, and `image tree`.

use std::path::{Path, PathBuf};
use std::time::Instant;

use crate::fixtures::fixtures;
use crate::util::{Output, Skiff};

const TLS: &str = "--tls-verify=false";

fn project(s: &Skiff, name: &str, containerfile: &str) -> PathBuf {
    let dir = s.dir().join(name);
    fs_err::create_dir_all(&dir).unwrap();
    let text = containerfile.replace("FROM busybox", &format!("FROM {}", fixtures().busybox.reference));
    fs_err::write(dir.join("Containerfile"), text).unwrap();
    dir
}

fn build(s: &Skiff, global: &[&str], dir: &Path, extra: &[&str]) -> Output {
    let mut args: Vec<&str> = global.to_vec();
    args.extend(["build", TLS]);
    args.extend_from_slice(extra);
    args.push(dir.to_str().unwrap());
    s.cmd(&args)
}

fn run_in(s: &Skiff, global: &[&str], image: &str, script: &str) -> Output {
    let mut args: Vec<&str> = global.to_vec();
    args.extend(["run", "--rm", image, "sh", "-c", script]);
    s.cmd(&args)
}

/// The index of the first line of `out` that starts with `needle`.
fn line_of(out: &str, needle: &str) -> usize {
    out.lines().position(|l| l.starts_with(needle)).unwrap_or_else(|| panic!("no {needle:?} in:\n{out}"))
}

#[test]
fn independent_stages_build_at_the_same_time_and_print_stage_by_stage() {
    let s = Skiff::new();
    s.cmd(&["pull", TLS, &fixtures().busybox.reference]).assert_success();
    let dir = project(
        &s,
        "par",
        "FROM busybox AS a\nRUN sleep 2; echo built-a > /a; echo out-a\n\
         FROM busybox AS b\nRUN sleep 2; echo built-b > /b; echo out-b\n\
         FROM busybox AS unused\nRUN echo never-built\n\
         FROM busybox\nCOPY --from=a /a /a\nCOPY --from=b /b /b\nCMD [\"cat\", \"/a\", \"/b\"]\n",
    );
    let started = Instant::now();
    let out = build(&s, &[], &dir, &["--jobs", "2", "--no-cache", "-t", "par"]);
    let together = started.elapsed();
    out.assert_success();
    let text = &out.stdout;
    // The unused stage is skipped; steps are numbered over the stages that are built.
    assert!(!text.contains("never-built"), "{text}");
    assert!(text.contains("STEP 8/8: CMD"), "{text}");
    // Each stage's lines stay together, in the Containerfile's order, its RUN output among them.
    let (a, out_a, b, out_b) = (
        line_of(text, "STEP 2/8: RUN sleep 2; echo built-a"),
        line_of(text, "out-a"),
        line_of(text, "STEP 4/8: RUN sleep 2; echo built-b"),
        line_of(text, "out-b"),
    );
    assert!(a < out_a && out_a < b && b < out_b, "{text}");
    assert!(line_of(text, "STEP 3/8: FROM") > out_a, "{text}");
    s.cmd(&["run", "--rm", "par"]).assert_success().assert_stdout_eq("built-a\nbuilt-b\n");
    // One stage after the other: the same image content, and the two sleeps add up.
    let started = Instant::now();
    let one = build(&s, &[], &dir, &["--jobs", "1", "--no-cache", "-t", "par1"]);
    let apart = started.elapsed();
    one.assert_success();
    assert!(one.stdout.contains("STEP 4/8: RUN sleep 2"), "{}", one.stdout);
    s.cmd(&["run", "--rm", "par1"]).assert_success().assert_stdout_eq("built-a\nbuilt-b\n");
    assert!(apart.as_secs_f64() >= 4.0, "{apart:?}");
    assert!(together < apart, "together {together:?}, one by one {apart:?}");
    // --skip-unused-stages=false builds every stage up to the target, the unused one too.
    let all = build(&s, &[], &dir, &["--skip-unused-stages=false", "-t", "par-all"]);
    all.assert_success();
    assert!(all.stdout.contains("STEP 10/10: CMD"), "{}", all.stdout);
    assert!(all.stdout.lines().any(|l| l == "never-built"), "{}", all.stdout);
    // A failing stage built next to another fails the build with its step and status.
    let bad = project(
        &s,
        "par-bad",
        "FROM busybox AS a\nRUN echo fine > /a\n\
         FROM busybox AS b\nRUN echo failing-b; exit 4\n\
         FROM busybox\nCOPY --from=a /a /a\nCOPY --from=b /a /b\n",
    );
    let out = build(&s, &[], &bad, &["--jobs", "2", "-t", "par-bad"]);
    out.assert_exit(4).assert_stderr_contains("exit status 4");
    assert!(out.stdout.contains("failing-b"), "{}", out.stdout);
    s.cmd(&["image", "exists", "par-bad"]).assert_exit(1);
}

#[test]
fn buildx_build_is_build_and_the_global_runtime_is_checked_and_used() {
    let s = Skiff::new();
    let dir = project(&s, "bx", "FROM busybox\nRUN echo from-buildx > /bx\n");
    let out =
        s.cmd(&["buildx", "build", TLS, "--load", "-t", "bx", "--format=docker", dir.to_str().unwrap()]);
    out.assert_success().assert_stdout_contains("COMMIT bx");
    run_in(&s, &[], "bx", "cat /bx").assert_success().assert_stdout_eq("from-buildx\n");
    s.cmd(&["builder", "prune", "-f"]).assert_success();
    // A runtime that is not there: podman's words, before anything is done, for any command.
    let out = build(&s, &["--runtime=idonotexist"], &dir, &["-t", "bx2"]);
    out.assert_exit(125).assert_stderr_contains("\"idonotexist\" not found");
    assert!(!out.stdout.contains("STEP"), "{}", out.stdout);
    s.cmd(&["--runtime", "idonotexist", "ps"]).assert_exit(125);
    // A real one runs the RUN steps (runc prints its version on --version; the step's file
    // proves it ran) and the containers of run.
    let by = project(&s, "by-runc", "FROM busybox\nRUN echo by-runc > /by\n");
    build(&s, &["--runtime", "runc"], &by, &["-t", "by-runc"]).assert_success();
    run_in(&s, &["--runtime", "runc"], "by-runc", "cat /by").assert_success().assert_stdout_eq("by-runc\n");
    let id = s.cmd(&["--runtime", "runc", "create", "by-runc", "true"]);
    id.assert_success();
    let rt = s.cmd(&["inspect", "--format", "{{.OCIRuntime}}", id.stdout_trimmed()]);
    rt.assert_success().assert_stdout_eq("runc\n");
    // --runtime-flag with the built-in runtime of a container: unknown flags are refused.
    s.cmd(&["--runtime-flag", "invalidflag", "run", "--rm", "by-runc", "true"])
        .assert_exit(126)
        .assert_stderr_contains("invalidflag");
}

#[test]
fn default_mounts_dns_search_env_host_and_image_tree() {
    let s = Skiff::new();
    let secrets = s.dir().join("secrets");
    fs_err::create_dir_all(&secrets).unwrap();
    fs_err::write(secrets.join("token"), "shhh\n").unwrap();
    let conf = s.dir().join("mounts.conf");
    fs_err::write(
        &conf,
        format!("{}:/run/secrets\n{}/nosuch:/skipped\n", secrets.display(), s.dir().display()),
    )
    .unwrap();
    let mounts = format!("--default-mounts-file={}", conf.display());
    let dir = project(
        &s,
        "dm",
        "FROM busybox\nARG implicit\n\
         RUN cat /run/secrets/token; echo changed > /run/secrets/token\n\
         RUN echo implicit=$implicit; grep ^search /etc/resolv.conf\n\
         RUN test -e /skipped || echo no-skipped\n\
         ENV FROM_IMAGE=image\n",
    );
    let d = dir.to_str().unwrap();
    let out = s.cmd_env(
        &[&mounts, "build", TLS, "--build-arg", "implicit", "--dns-search", "nx-example.net", "-t", "dm", d],
        &[("implicit", "from-env")],
    );
    out.assert_success();
    for want in ["shhh", "implicit=from-env", "search nx-example.net", "no-skipped"] {
        assert!(out.stdout.contains(want), "{want}: {}", out.stdout);
    }
    // The step wrote to a copy: the host file and the image are untouched.
    assert_eq!(fs_err::read_to_string(secrets.join("token")).unwrap(), "shhh\n");
    run_in(&s, &[], "dm", "test -e /run/secrets/token && echo kept || echo gone")
        .assert_success()
        .assert_stdout_eq("gone\n");
    // Containers get the default mounts too (writes dropped); a user mount on the same place wins.
    run_in(&s, &[&mounts], "dm", "cat /run/secrets/token; echo x > /run/secrets/token")
        .assert_success()
        .assert_stdout_eq("shhh\n");
    assert_eq!(fs_err::read_to_string(secrets.join("token")).unwrap(), "shhh\n");
    let other = s.dir().join("other");
    fs_err::create_dir_all(&other).unwrap();
    fs_err::write(other.join("token"), "mine\n").unwrap();
    let v = format!("{}:/run/secrets", other.display());
    s.cmd(&[&mounts, "run", "--rm", "-v", &v, "dm", "cat", "/run/secrets/token"])
        .assert_success()
        .assert_stdout_eq("mine\n");
    // A mounts file that is not there is an error.
    s.cmd(&["--default-mounts-file=/nonexistent/mounts.conf", "run", "--rm", "dm", "true"])
        .assert_exit(125)
        .assert_stderr_contains("/nonexistent/mounts.conf");
    // --env-host: this environment wins over the image's, -e over both.
    let out = s.cmd_env(
        &["run", "--rm", "--env-host", "-e", "CLI=cli", "dm", "sh", "-c", "echo $FROM_IMAGE $HOSTVAR $CLI"],
        &[("FROM_IMAGE", "host"), ("HOSTVAR", "hv"), ("CLI", "host")],
    );
    out.assert_success().assert_stdout_eq("host hv cli\n");
    let out =
        s.cmd_env(&["run", "--rm", "dm", "sh", "-c", "echo $FROM_IMAGE $HOSTVAR"], &[("HOSTVAR", "hv")]);
    out.assert_success().assert_stdout_eq("image\n");
    // image tree: the base's layers, then this build's, the last naming the image.
    let tree = s.cmd(&["image", "tree", "dm"]);
    tree.assert_success();
    let lines = tree.lines();
    let id = s.cmd(&["image", "inspect", "--format", "{{.Id}}", "dm"]);
    assert_eq!(lines[0], format!("Image ID: {}", &id.stdout_trimmed()[..12]), "{}", tree.stdout);
    assert_eq!(lines[1], "Tags:     [localhost/dm:latest]", "{}", tree.stdout);
    assert!(lines[2].starts_with("Size:     ") && lines[3] == "Image Layers", "{}", tree.stdout);
    assert!(lines.last().unwrap().starts_with("└── ID: "), "{}", tree.stdout);
    assert!(lines.last().unwrap().ends_with("Top Layer of: [localhost/dm:latest]"), "{}", tree.stdout);
    let base = s.cmd(&["image", "tree", "--whatrequires", &fixtures().busybox.reference]);
    base.assert_success();
    assert!(base.lines().last().unwrap().ends_with("Top Layer of: [localhost/dm:latest]"), "{}", base.stdout);
}

#[test]
fn env_is_seen_by_run_steps_and_set_in_the_image_and_unsetenv_removes() {
    let s = Skiff::new();
    let dir = project(&s, "env", "FROM busybox\nENV KEEP=1 DROP=2\nRUN echo \"run sees FOO=$FOO\"\n");
    let d = dir.to_str().unwrap();
    let out = s.cmd_env(
        &["build", TLS, "--env", "FOO=bar", "--env", "FROMHOST", "--unsetenv", "DROP", "-t", "env", d],
        &[("FROMHOST", "host-value")],
    );
    out.assert_success().assert_stdout_contains("run sees FOO=bar");
    let env = s.cmd(&["image", "inspect", "--format", "{{json .Config.Env}}", "env"]);
    env.assert_success();
    let list: Vec<String> = serde_json::from_str(env.stdout_trimmed()).unwrap();
    let names: Vec<&str> = list.iter().map(|e| e.split('=').next().unwrap()).collect();
    assert!(list.contains(&"FOO=bar".to_string()), "{list:?}");
    assert!(list.contains(&"FROMHOST=host-value".to_string()), "{list:?}");
    assert!(list.contains(&"KEEP=1".to_string()) && !names.contains(&"DROP"), "{list:?}");
    // As podman orders them: the image's own first, then --env.
    let pos = |n: &str| names.iter().position(|x| *x == n).unwrap();
    assert!(pos("KEEP") < pos("FOO"), "{list:?}");
}
