//! `stats` as the unprivileged user on this cgroup v1 host (where podman's refuses): figures that
//! move when a container burns CPU, holds 100 MB and writes to disk, next to an idle one; the
//! table, templates, `--all` and the source of each figure in `--format json`.

use std::time::{Duration, Instant};

use serde_json::Value;

use crate::fixtures::fixtures;
use crate::util::Skiff;

const TLS: &str = "--tls-verify=false";
const MB: u64 = 1_000_000;

fn by_name<'a>(items: &'a Value, name: &str) -> &'a Value {
    items
        .as_array()
        .expect("a json array")
        .iter()
        .find(|i| i["name"] == name)
        .unwrap_or_else(|| panic!("{name} in {items}"))
}

fn num(v: &Value) -> u64 {
    v.as_u64().unwrap_or_else(|| panic!("a number: {v}"))
}

#[test]
fn stats_figures_move_with_cpu_memory_and_disk_use() {
    let s = Skiff::new();
    let image = &fixtures().busybox.reference;
    s.cmd(&["run", TLS, "-d", "--name", "idle", image, "sleep", "600"]).assert_success();
    // dd holds a 100 MiB buffer it filled from /dev/zero while it blocks writing into sleep's
    // pipe; the shell spins (for 3 minutes at most, should the test fail before it removes it); a
    // 20 MB file written with fsync counts as block output.
    let hog = "dd if=/dev/zero of=/written bs=1M count=20 conv=fsync 2>/dev/null; \
               dd if=/dev/zero bs=100M count=1 2>/dev/null | sleep 180 & \
               end=$(($(date +%s) + 180)); while [ $(date +%s) -lt $end ]; do :; done";
    s.cmd(&["run", TLS, "-d", "--name", "hog", image, "sh", "-c", hog]).assert_success();
    s.cmd(&["create", TLS, "--name", "stopped", image, "true"]).assert_success();

    let deadline = Instant::now() + Duration::from_secs(30);
    let items = loop {
        let out = s.cmd(&["stats", "--no-stream", "--format", "json"]);
        out.assert_success();
        let items = out.json();
        if num(&by_name(&items, "hog")["raw"]["mem_usage"]) >= 100 * MB || Instant::now() > deadline {
            break items;
        }
        std::thread::sleep(Duration::from_millis(500));
    };
    let list = items.as_array().unwrap();
    assert_eq!(list.len(), 2, "only running containers without --all: {items}");
    let (hog, idle) = (by_name(&items, "hog"), by_name(&items, "idle"));
    eprintln!("hog: {hog}\nidle: {idle}");

    let cpu = |v: &Value| v["raw"]["cpu_percent"].as_f64().expect("cpu percent");
    // The machine's 2 cores are shared with other work: the loop gets a good part of one.
    assert!(cpu(hog) > 15.0, "a busy loop uses a CPU: {hog}");
    assert!(cpu(idle) < 5.0, "sleep uses next to none: {idle}");
    std::thread::sleep(Duration::from_secs(1));
    let out = s.cmd(&["stats", "--no-stream", "--format", "json", "hog", "idle"]);
    let later = out.assert_success().json();
    let spent = |now: &Value, then: &Value| num(&now["raw"]["cpu_nano"]) - num(&then["raw"]["cpu_nano"]);
    assert!(spent(by_name(&later, "hog"), hog) >= 150_000_000, "CPU time grows: {later}");
    assert!(spent(by_name(&later, "idle"), idle) < 50_000_000, "{later}");
    assert!(hog["cpu_percent"].as_str().unwrap().ends_with('%'));

    let mem = |v: &Value| num(&v["raw"]["mem_usage"]);
    assert!(mem(hog) >= mem(idle) + 100 * MB, "100 MiB held: hog {} idle {}", mem(hog), mem(idle));
    assert!(mem(idle) < 20 * MB, "{idle}");
    assert!(num(&hog["raw"]["mem_limit"]) > mem(hog), "{hog}");
    assert!(hog["mem_usage"].as_str().unwrap().contains(" / "), "{hog}");

    assert!(num(&hog["raw"]["pids"]) >= 3, "sh, dd and sleep: {hog}");
    assert_eq!(num(&idle["raw"]["pids"]), 1, "{idle}");
    assert!(num(&hog["raw"]["block_output"]) >= 20 * MB, "20 MB written with fsync: {hog}");

    // Every figure says where it came from; this host delegates no cgroup, so /proc.
    for item in [hog, idle] {
        let sources = &item["sources"];
        assert_eq!(sources["cpu"], "proc", "{item}");
        assert_eq!(sources["memory"], "proc-pss", "{item}");
        assert_eq!(sources["block_io"], "proc", "{item}");
        assert_eq!(sources["pids"], "proc", "{item}");
        assert!(["cgroup-v1", "meminfo"].contains(&sources["memory_limit"].as_str().unwrap()), "{item}");
    }

    // The table has podman's columns; --all adds the stopped container with no figures.
    let out = s.cmd(&["stats", "--no-stream", "--all"]);
    out.assert_success();
    let lines = out.lines();
    for column in [
        "ID",
        "NAME",
        "CPU %",
        "MEM USAGE / LIMIT",
        "MEM %",
        "NET IO",
        "BLOCK IO",
        "PIDS",
        "CPU TIME",
        "AVG CPU %",
    ] {
        assert!(lines[0].contains(column), "{column} in {}", lines[0]);
    }
    assert_eq!(lines.len(), 4, "{out}");
    let stopped = lines.iter().find(|l| l.contains("stopped")).expect("stopped listed with --all");
    assert!(stopped.contains("--"), "{stopped}");

    // Go templates, and one container by name.
    let out = s.cmd(&["stats", "--no-stream", "--format", "{{.Name}} {{.PIDS}}", "idle"]);
    out.assert_success().assert_stdout_eq("idle 1\n");
    s.cmd(&["stats", "--no-stream", "nosuch"]).assert_exit(125);

    s.cmd(&["rm", "-f", "-t", "0", "hog", "idle", "stopped"]).assert_success();
}
