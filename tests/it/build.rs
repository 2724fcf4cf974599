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
    std::fs::create_dir_all(dir).unwrap();
    let text = containerfile.replace("FROM busybox", &format!("FROM {}", fixtures().busybox.reference));
    std::fs::write(dir.join("Containerfile"), text).unwrap();
    for (path, content) in files {
        let p = dir.join(path);
        std::fs::create_dir_all(p.parent().unwrap()).unwrap();
        std::fs::write(p, content).unwrap();
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
}
