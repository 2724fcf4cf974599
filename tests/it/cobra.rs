//! Help, usage errors and shell completion as podman's command library (cobra) has them: what
//! podman users' scripts and completion scripts read (issue 12).

use crate::fixtures::fixtures;
use crate::util::{Output, Skiff};

const TLS: &str = "--tls-verify=false";

#[test]
fn help_is_laid_out_as_podmans() {
    let s = Skiff::new();
    let ps = s.cmd(&["ps", "--help"]);
    ps.assert_success()
        .assert_stdout_contains("List containers\n\nDescription:\n")
        .assert_stdout_contains("\nUsage:\n  skiff ps [options]\n\nOptions:\n  -a, --all ")
        .assert_stdout_contains("\n  -n, --last ");
    assert!(!ps.stdout.contains("--root"), "global flags belong to the top-level help\n{ps}");
    s.cmd(&["rm", "--help"])
        .assert_success()
        .assert_stdout_contains("\nUsage:\n  skiff rm [options] [CONTAINER...]\n");
    s.cmd(&["rename", "--help"])
        .assert_success()
        .assert_stdout_contains("\nUsage:\n  skiff rename CONTAINER NAME\n");
    s.cmd(&["image", "ls", "--help"]).assert_success().assert_stdout_contains(
        "\nUsage:\n  skiff image list [options] [REPOSITORY]\n\nAliases:\n  list, ls\n",
    );

    // A group: its commands, sorted, and no options; `help GROUP` says the same.
    let group = s.cmd(&["container", "--help"]);
    group.assert_success().assert_stdout_contains(
        "\nUsage:\n  skiff container [command]\n\nAvailable Commands:\n  attach      ",
    );
    assert!(!group.stdout.contains("Options:"), "{group}");
    s.cmd(&["help", "container"]).assert_success().assert_stdout_eq(&group.stdout);

    // The top level: podman's summary, `help`, the global options; hidden commands are not listed.
    for args in [&["--help"][..], &["help"], &["-h"]] {
        let top = s.cmd(args);
        top.assert_success();
        assert_eq!(top.lines()[0], "Manage pods, containers and images", "{top}");
        top.assert_stdout_contains("\nUsage:\n  skiff [options] [command]\n")
            .assert_stdout_contains("\n  help        Help about any command\n")
            .assert_stdout_contains("\n      --root path ");
        for hidden in ["__complete", "supervisor", "oci-run"] {
            assert!(!top.stdout.contains(hidden), "{hidden} is listed\n{top}");
        }
    }
    s.cmd(&["help", "no-such-topic"]).assert_success().assert_stdout_contains(
        "Unknown help topic [`no-such-topic`]\nUsage:\n  skiff [options] [command]\n",
    );
    s.cmd(&["help", "--help"]).assert_success().assert_stdout_contains("Usage:\n  skiff help [command]\n");
    // As cobra: `--help` wins over a wrong number of arguments, not over an unknown flag.
    s.cmd(&["rename", "a", "b", "c", "--help"])
        .assert_success()
        .assert_stdout_contains("\nUsage:\n  skiff rename CONTAINER NAME\n");
    s.cmd(&["ps", "--bogus", "--help"]).assert_exit(125).assert_stderr_contains("unknown flag: --bogus");
}

#[track_caller]
fn usage_error(s: &Skiff, args: &[&str], stderr: &str) -> Output {
    let out = s.cmd(args);
    out.assert_exit(125);
    assert_eq!(out.stderr.trim_end(), stderr, "skiff {args:?}\n{out}");
    out
}

#[test]
fn usage_errors_are_worded_as_podmans_and_exit_125() {
    let s = Skiff::new();
    usage_error(&s, &["bad", "--invalid"], "Error: unknown flag: --invalid\nSee 'skiff --help'");
    usage_error(&s, &["ps", "--invalid"], "Error: unknown flag: --invalid\nSee 'skiff ps --help'");
    usage_error(
        &s,
        &["container", "rm", "--bogus"],
        "Error: unknown flag: --bogus\nSee 'skiff container rm --help'",
    );
    usage_error(&s, &["ps", "-Z"], "Error: unknown shorthand flag: 'Z' in -Z\nSee 'skiff ps --help'");
    usage_error(&s, &["run", "-h"], "Error: flag needs an argument: 'h' in -h\nSee 'skiff run --help'");
    usage_error(&s, &["ps", "--format"], "Error: flag needs an argument: --format\nSee 'skiff ps --help'");
    usage_error(&s, &["ps", "extra"], "Error: `skiff ps` takes no arguments");
    usage_error(&s, &["rename", "a", "b", "c"], "Error: accepts 2 arg(s), received 3");
    usage_error(&s, &["image", "exists"], "Error: accepts 1 arg(s), received 0");
    usage_error(&s, &["volume", "create", "a", "b"], "Error: accepts at most 1 arg(s), received 2");
    usage_error(&s, &["pull"], "Error: requires at least 1 arg(s), only received 0");
    usage_error(&s, &["tag", "a"], "Error: requires at least 2 arg(s), only received 1");
    usage_error(&s, &["rm", "-l", "x"], "Error: --latest and containers cannot be used together");
    usage_error(
        &s,
        &["network", "NoSuchCommand"],
        "Error: unrecognized command `skiff network NoSuchCommand`\nTry 'skiff network --help' for more information",
    );
    usage_error(
        &s,
        &["ps", "--sort", "bogus"],
        "Error: invalid argument \"bogus\" for \"--sort\" flag: \"bogus\" is not a valid value.  Choose from: \"command, created, id, image, names, runningfor, size, status\"\nSee 'skiff ps --help'",
    );
    // A group without a command: its help on stdout, then the error.
    let out = usage_error(&s, &["network"], "Error: missing command 'skiff network COMMAND'");
    out.assert_stdout_contains("Usage:\n  skiff network [command]\n\nAvailable Commands:\n");
    let out = usage_error(&s, &[], "Error: missing command 'skiff COMMAND'");
    out.assert_stdout_contains("Usage:\n  skiff [options] [command]\n");
    // skiff has no remote mode: podman's flag is refused in one line, and not offered in help.
    usage_error(&s, &["--remote"], "Error: missing command 'skiff COMMAND'");
    s.cmd(&["--remote", "ps"]).assert_exit(125).assert_stderr_contains("no remote mode");
    let help = s.cmd(&["--help"]);
    assert!(!help.assert_success().stdout.contains("--remote"), "{help}");
}

/// `__complete` output: the candidates, the directive number, and the directive's names.
#[track_caller]
fn complete(s: &Skiff, args: &[&str]) -> (Vec<String>, String, Output) {
    let mut all = vec!["__completeNoDesc"];
    all.extend_from_slice(args);
    let out = s.cmd(&all);
    out.assert_success();
    let mut lines: Vec<String> = out.stdout.lines().map(str::to_string).collect();
    let directive = lines.pop().unwrap_or_default();
    assert!(directive.starts_with(':'), "the last line is the directive\n{out}");
    (lines, directive, out)
}

#[test]
fn completion_speaks_cobras_protocol() {
    let s = Skiff::new();
    let out = s.cmd(&["__complete", "ps", "--"]);
    out.assert_success()
        .assert_stdout_contains("--all\tShow all containers")
        .assert_stdout_contains("\n:4\n");
    assert_eq!(out.stderr, "Completion ended with directive: ShellCompDirectiveNoFileComp\n", "{out}");
    let (c, d, _) = complete(&s, &["ps", "--"]);
    assert!(c.contains(&"--all".to_string()) && c.contains(&"--format".to_string()), "{c:?}");
    assert!(!c.iter().any(|l| l.contains('\t') || l == "--root"), "{c:?}");
    assert_eq!(d, ":4");
    let (c, d, _) = complete(&s, &["container", "li"]);
    assert_eq!((c, d.as_str()), (vec!["list".to_string()], ":4"));
    // A build context is a path: the shell completes files (directive 0).
    let (c, d, out) = complete(&s, &["build", ""]);
    assert_eq!((c.len(), d.as_str()), (0, ":0"), "{out}");
    out.assert_stderr_contains("ShellCompDirectiveDefault");
    // No more arguments: nothing, and no files.
    let (c, d, _) = complete(&s, &["rename", "a", "b", ""]);
    assert_eq!((c.len(), d.as_str()), (0, ":4"));
}

#[test]
fn completion_names_containers_images_and_paths_inside_them() {
    let s = Skiff::new();
    let img = &fixtures().busybox;
    s.cmd(&["pull", TLS, &img.reference]).assert_success();
    s.cmd(&["tag", &img.reference, "localhost/compl/img:t1"]).assert_success();

    // Images: full names with nothing typed, short forms after one character, ids after two.
    let (c, d, _) = complete(&s, &["run", ""]);
    assert!(c.contains(&img.reference) && c.contains(&"localhost/compl/img:t1".to_string()), "{c:?}");
    assert_eq!(d, ":4");
    let (c, _, _) = complete(&s, &["run", "i"]);
    assert_eq!(c, ["img:t1"]);
    let (c, _, _) = complete(&s, &["image", "rm", &img.id()[..2]]);
    assert!(c.contains(&img.short_id().to_string()), "{c:?}");

    // Paths inside the image after it: directories end in `/`, no space after them.
    let (c, d, _) = complete(&s, &["run", "localhost/compl/img:t1", ""]);
    for dir in ["/etc/", "/home/", "/root/", "/bin/"] {
        assert!(c.contains(&dir.to_string()), "{dir} in {c:?}");
    }
    assert_eq!(d, ":2");
    let (c, d, _) = complete(&s, &["create", "localhost/compl/img:t1", "/etc/pa"]);
    assert_eq!((c, d.as_str()), (vec!["/etc/passwd".to_string()], ":0"));
    let (c, _, _) = complete(&s, &["run", "localhost/compl/img:t1", "../../"]);
    assert!(c.contains(&"../../etc/".to_string()), "relative paths stay inside the image: {c:?}");

    // Containers: a created one is offered to rm and start, not to stop (not running).
    s.cmd(&["create", "--name", "compl-created", &img.reference, "true"]).assert_success();
    s.cmd(&[
        "run",
        "--name",
        "compl-ran",
        &img.reference,
        "sh",
        "-c",
        "touch /tmp/f1 /tmp/f12 && mkdir /emptydir && rm /etc/group",
    ])
    .assert_success();
    let (c, _, _) = complete(&s, &["rm", ""]);
    assert!(c.contains(&"compl-created".to_string()) && c.contains(&"compl-ran".to_string()), "{c:?}");
    let (c, _, _) = complete(&s, &["start", "compl-c"]);
    assert_eq!(c, ["compl-created"]);
    let (c, d, _) = complete(&s, &["stop", ""]);
    assert_eq!((c.len(), d.as_str()), (0, ":4"), "{c:?}");

    // cp: `container:` then the paths inside it, its own writes and deletions included.
    let (c, d, _) = complete(&s, &["cp", "compl-r"]);
    assert_eq!((c, d.as_str()), (vec!["compl-ran:".to_string()], ":2"));
    let (c, _, _) = complete(&s, &["cp", "compl-ran:/tmp/f1"]);
    let mut c = c;
    c.sort();
    assert_eq!(c, ["compl-ran:/tmp/f1", "compl-ran:/tmp/f12"]);
    let (c, d, out) = complete(&s, &["cp", "compl-ran:/emptydir"]);
    assert_eq!((c, d.as_str()), (vec!["compl-ran:/emptydir/".to_string()], ":2"));
    out.assert_stderr_contains("ShellCompDirectiveNoSpace");
    let (c, _, _) = complete(&s, &["cp", "compl-ran:/etc/"]);
    assert!(c.contains(&"compl-ran:/etc/passwd".to_string()), "{c:?}");
    assert!(!c.contains(&"compl-ran:/etc/group".to_string()), "a file removed in the container: {c:?}");
}
