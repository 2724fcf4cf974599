//! Pulls that a registry refuses or cannot serve, and what the user reads then: a self-signed
//! certificate, https spoken to a plain-http registry, a missing image, a missing platform.
//! (They took over what the `#[ignore]`d live tests of `image::registry` checked against
//! registries started by hand; the rest of those is in `images` and `transfer`.)

use crate::fixtures::{self, fixtures};
use crate::registry;
use crate::util::Skiff;

#[test]
fn a_self_signed_registry_is_refused_until_tls_verify_is_off() {
    let f = fixtures();
    let reg = registry::start_with_tls();
    fixtures::copy_image_to(&f.busybox, &reg, "test/busybox", "single");
    let image = reg.reference("test/busybox", "single");
    let s = Skiff::new();
    s.cmd(&["pull", &image])
        .assert_exit(125)
        .assert_stderr_contains(&format!("tls handshake with registry {} failed", reg.host()))
        .assert_stderr_contains("hint:");
    s.cmd(&["images", "-q"]).assert_success().assert_stdout_eq("");
    // Without verification the same https registry serves the image, layers and all.
    s.cmd(&["pull", "--tls-verify=false", &image]).assert_success().assert_stdout_eq(f.busybox.id());
    let v = s.cmd(&["image", "inspect", &image]).assert_success().json();
    assert_eq!(v[0]["RootFS"]["Layers"].as_array().map(Vec::len), Some(f.busybox.layer_count()), "{v}");
}

#[test]
fn https_to_a_plain_http_registry_fails_with_a_tls_error_and_a_hint() {
    let f = fixtures();
    let host = registry::shared().host();
    let s = Skiff::new();
    s.cmd(&["pull", &f.busybox.reference])
        .assert_exit(125)
        .assert_stderr_contains(&format!("tls handshake with registry {host} failed"))
        .assert_stderr_contains("--tls-verify=false");
}

#[test]
fn a_missing_image_or_platform_is_named_with_what_there_is() {
    let f = fixtures();
    let host = registry::shared().host();
    let s = Skiff::new();
    s.cmd(&["pull", "--tls-verify=false", &format!("{host}/nope")])
        .assert_exit(125)
        .assert_stderr_contains(&format!("image {host}/nope:latest not found"));
    s.cmd(&["pull", "--tls-verify=false", "--platform", "linux/s390x", &f.multiarch.reference])
        .assert_exit(125)
        .assert_stderr_contains(
            "no manifest for platform linux/s390x (available: linux/amd64, linux/arm64/v8)",
        );
    s.cmd(&["images", "-q"]).assert_success().assert_stdout_eq("");
}
