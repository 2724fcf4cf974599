//! Secrets: `secret create` (from a file, stdin, an environment variable), `ls`, `inspect`, `rm`,
//! and `run --secret` as a read-only file or an environment variable; a missing secret, a name in
//! use, a bad name and a bad `--secret` value.

use std::os::unix::fs::PermissionsExt;

use crate::fixtures::fixtures;
use crate::util::{self, Skiff};

const TLS: &str = "--tls-verify=false";

fn img() -> &'static str {
    &fixtures().busybox.reference
}

/// A file under the test's store root holding `text`.
fn secret_file(s: &Skiff, text: &str) -> String {
    let path = s.dir().join("secret-input");
    fs_err::write(&path, text).unwrap();
    path.to_string_lossy().into_owned()
}

#[test]
fn secrets_are_created_listed_inspected_and_removed() {
    util::require_unprivileged();
    let s = Skiff::new();
    let file = secret_file(&s, "from-file\n");
    let one = s.cmd(&["secret", "create", "--label", "team=a", "one", &file]);
    one.assert_success();
    let one_id = one.stdout_trimmed().to_string();
    assert_eq!(one_id.len(), 25, "{one}");
    assert!(one_id.bytes().all(|b| b.is_ascii_hexdigit()), "{one}");
    let two = s.cmd_stdin(&["secret", "create", "two", "-"], b"from-stdin");
    two.assert_success();
    let two_id = two.stdout_trimmed().to_string();
    let three =
        s.cmd_env(&["secret", "create", "--env", "three", "MY_SECRET_VAR"], &[("MY_SECRET_VAR", "env")]);
    three.assert_success();

    let ls = s.cmd(&["secret", "ls"]);
    ls.assert_success();
    let lines = ls.lines();
    assert_eq!(lines.len(), 4, "{ls}");
    for word in ["ID", "NAME", "DRIVER", "CREATED", "UPDATED"] {
        assert!(lines[0].contains(word), "{ls}");
    }
    assert!(lines[1].starts_with(&one_id) && lines[1].contains(" one ") && lines[1].contains("file"), "{ls}");
    s.cmd(&["secret", "ls", "--noheading", "--format", "{{.Name}}"])
        .assert_success()
        .assert_stdout_eq("one\ntwo\nthree\n");
    s.cmd(&["secret", "ls", "--filter", "name=two", "--format", "{{.ID}} {{.Name}}"])
        .assert_success()
        .assert_stdout_eq(&format!("{two_id} two\n"));
    let q = s.cmd(&["secret", "ls", "-q"]);
    q.assert_success();
    assert_eq!(q.lines().len(), 3, "{q}");
    assert_eq!(q.lines()[0], one_id, "{q}");

    let inspect = s.cmd(&["secret", "inspect", "one"]);
    inspect.assert_success();
    let v = inspect.json();
    assert_eq!(v[0]["ID"], one_id.as_str(), "{inspect}");
    assert_eq!(v[0]["Spec"]["Name"], "one", "{inspect}");
    assert_eq!(v[0]["Spec"]["Driver"]["Name"], "file", "{inspect}");
    assert_eq!(v[0]["Spec"]["Labels"]["team"], "a", "{inspect}");
    assert!(v[0]["CreatedAt"].as_str().is_some_and(|t| t.starts_with("20")), "{inspect}");
    assert_eq!(v[0]["CreatedAt"], v[0]["UpdatedAt"], "{inspect}");
    s.cmd(&["secret", "inspect", "--format", "{{.Spec.Name}}={{.ID}}", &two_id])
        .assert_success()
        .assert_stdout_eq(&format!("two={two_id}\n"));
    let pretty = s.cmd(&["secret", "inspect", "--pretty", "one"]);
    pretty.assert_success().assert_stdout_contains("Name:              one\n");
    assert!(pretty.lines()[0] == format!("ID:              {one_id}"), "{pretty}");
    // The data is kept private to the user.
    let data = s.root().join("secrets/data").join(&two_id);
    assert_eq!(fs_err::read(&data).unwrap(), b"from-stdin");
    assert_eq!(fs_err::metadata(&data).unwrap().permissions().mode() & 0o777, 0o600);

    s.cmd(&["secret", "rm", "one", &two_id])
        .assert_success()
        .assert_stdout_eq(&format!("{one_id}\n{two_id}\n"));
    assert!(!data.exists());
    s.cmd(&["secret", "ls", "--format", "{{.Name}}"]).assert_success().assert_stdout_eq("three\n");
    s.cmd(&["secret", "rm", "--all"]).assert_success();
    s.cmd(&["secret", "ls", "-q"]).assert_success().assert_stdout_eq("");
}

#[test]
fn secret_errors_are_podmans() {
    util::require_unprivileged();
    let s = Skiff::new();
    let file = secret_file(&s, "x");
    s.cmd(&["secret", "create", "dup", &file]).assert_success();
    s.cmd(&["secret", "create", "dup", &file])
        .assert_exit(125)
        .assert_stderr_contains("dup: secret name in use");
    s.cmd(&["secret", "create", "bad/name", &file])
        .assert_exit(125)
        .assert_stderr_contains("bad/name: invalid secret name");
    let empty = secret_file(&s, "");
    s.cmd(&["secret", "create", "empty", &empty])
        .assert_exit(125)
        .assert_stderr_contains("secret data must be larger than 0");
    s.cmd(&["secret", "inspect", "nosuch"])
        .assert_exit(125)
        .assert_stderr_contains("no secret with name or id \"nosuch\": no such secret");
    s.cmd(&["secret", "rm", "nosuch"]).assert_exit(125).assert_stderr_contains("no such secret");
    // Nothing but the first secret was made.
    s.cmd(&["secret", "ls", "--format", "{{.Name}}"]).assert_success().assert_stdout_eq("dup\n");
}

#[test]
fn run_gets_secrets_as_read_only_files_and_variables() {
    util::require_unprivileged();
    let s = Skiff::new();
    let file = secret_file(&s, "hunter2\n");
    s.cmd(&["secret", "create", "pw", &file]).assert_success();
    let out = s.cmd(&[
        "run",
        TLS,
        "--rm",
        "--secret",
        "pw",
        "--secret",
        "pw,target=/etc/app/pw,mode=0400",
        "--secret",
        "pw,type=env,target=APP_PW",
        img(),
        "sh",
        "-c",
        "cat /run/secrets/pw; stat -c %a /run/secrets/pw /etc/app/pw; cat /etc/app/pw; echo \"env=$APP_PW\"; \
         echo x > /run/secrets/pw || echo read-only",
    ]);
    out.assert_success();
    assert_eq!(out.stdout_trimmed(), "hunter2\n444\n400\nhunter2\nenv=hunter2\n\nread-only", "{out}");
    // Its owner and mode as given, in the container's ids, also in a user namespace of its own.
    for userns in [None, Some("--userns=auto:size=2000")] {
        let mut args = vec!["run", TLS, "--rm"];
        args.extend(userns);
        args.extend(["--secret", "pw,target=own,uid=1000,gid=100,mode=0440", img()]);
        args.extend(["stat", "-c", "%u %g %a", "/run/secrets/own"]);
        s.cmd(&args).assert_success().assert_stdout_eq("1000 100 440\n");
    }
    // The container has a copy: removing the secret does not change a created container's.
    let created = s.cmd(&[
        "create",
        TLS,
        "--secret",
        "pw",
        "--secret",
        "pw,type=env,target=APP_PW",
        img(),
        "sh",
        "-c",
        "cat /run/secrets/pw; echo \"$APP_PW\"",
    ]);
    created.assert_success();
    let id = created.stdout_trimmed().to_string();
    // inspect lists the file secret as podman does and does not show the variable's value.
    let inspect = s.cmd(&["inspect", &id]);
    inspect.assert_success();
    let config = &inspect.json()[0]["Config"];
    assert_eq!(config["Secrets"][0]["Name"], "pw", "{inspect}");
    assert_eq!(config["Secrets"][0]["Mode"], 0o444, "{inspect}");
    assert!(!inspect.stdout.contains("hunter2"), "{inspect}");
    assert!(config["Env"]
        .as_array()
        .is_some_and(|e| e.iter().any(|v| v.as_str().is_some_and(|v| v.starts_with("PATH=")))));
    s.cmd(&["secret", "rm", "pw"]).assert_success();
    s.cmd(&["start", "-a", &id]).assert_success().assert_stdout_eq("hunter2\nhunter2\n\n");
}

#[test]
fn run_refuses_a_missing_secret_and_a_bad_secret_value() {
    util::require_unprivileged();
    let s = Skiff::new();
    s.cmd(&["run", TLS, "--rm", "--secret", "nosuch", img(), "true"])
        .assert_exit(125)
        .assert_stderr_contains("no secret with name or id \"nosuch\": no such secret");
    let file = secret_file(&s, "x");
    s.cmd(&["secret", "create", "tok", &file]).assert_success();
    for (value, message) in [
        ("tok,type=bogus", "type bogus is invalid"),
        ("tok,foo=bar", "option foo=bar invalid"),
        ("tok,mode=9z", "9z"),
    ] {
        let out = s.cmd(&["run", TLS, "--rm", "--secret", value, img(), "true"]);
        out.assert_exit(125).assert_stderr_contains(message).assert_stderr_contains(value);
        assert_eq!(out.stderr.trim().lines().count(), 1, "{out}");
    }
    // No container was left behind.
    s.cmd(&["ps", "-aq"]).assert_success().assert_stdout_eq("");
}
