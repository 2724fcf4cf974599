#!/usr/bin/env python3
"""Builds an OCI image layout with one gzip layer per host directory given, for benchmarks.

usage: make_image.py [--single] OUT_DIR TAG DIR [DIR...]
Each DIR becomes one layer holding that directory at its own path (e.g. /usr/share/zoneinfo).
/bin/busybox (Debian busybox-static) is added as a first layer so the image can run.
With --single, busybox and every DIR go into one layer (a debian-like single-layer image).
"""
import gzip, hashlib, io, json, os, sys, tarfile, time

def blob(out, data):
    d = hashlib.sha256(data).hexdigest()
    p = os.path.join(out, "blobs", "sha256")
    os.makedirs(p, exist_ok=True)
    with open(os.path.join(p, d), "wb") as f:
        f.write(data)
    return "sha256:" + d, len(data)

def layer(paths):
    raw = io.BytesIO()
    with tarfile.open(fileobj=raw, mode="w", format=tarfile.PAX_FORMAT) as t:
        for p in paths:
            t.add(p, arcname=p.lstrip("/"), recursive=True)
    tar = raw.getvalue()
    return tar, gzip.compress(tar, compresslevel=6, mtime=0)

def main():
    args = sys.argv[1:]
    single = bool(args) and args[0] == "--single"
    if single:
        args = args[1:]
    out, tag, dirs = args[0], args[1], args[2:]
    os.makedirs(out, exist_ok=True)
    layers, diff_ids = [], []
    groups = [["/bin/busybox"] + dirs] if single else [["/bin/busybox"]] + [[d] for d in dirs]
    for group in groups:
        tar, gz = layer(group)
        diff_ids.append("sha256:" + hashlib.sha256(tar).hexdigest())
        dg, size = blob(out, gz)
        layers.append({"mediaType": "application/vnd.oci.image.layer.v1.tar+gzip", "digest": dg, "size": size})
    config = {
        "created": time.strftime("%Y-%m-%dT%H:%M:%SZ", time.gmtime()),
        "architecture": {"x86_64": "amd64", "aarch64": "arm64"}.get(os.uname().machine, os.uname().machine),
        "os": "linux",
        "config": {"Cmd": ["/bin/busybox", "sh"], "Env": ["PATH=/bin"]},
        "rootfs": {"type": "layers", "diff_ids": diff_ids},
        "history": [{"created_by": "make_image.py"} for _ in layers],
    }
    cdg, csize = blob(out, json.dumps(config).encode())
    manifest = {
        "schemaVersion": 2,
        "mediaType": "application/vnd.oci.image.manifest.v1+json",
        "config": {"mediaType": "application/vnd.oci.image.config.v1+json", "digest": cdg, "size": csize},
        "layers": layers,
    }
    mdg, msize = blob(out, json.dumps(manifest).encode())
    with open(os.path.join(out, "oci-layout"), "w") as f:
        json.dump({"imageLayoutVersion": "1.0.0"}, f)
    with open(os.path.join(out, "index.json"), "w") as f:
        json.dump({"schemaVersion": 2, "manifests": [{
            "mediaType": "application/vnd.oci.image.manifest.v1+json", "digest": mdg, "size": msize,
            "annotations": {"org.opencontainers.image.ref.name": tag}}]}, f)
    print(f"{len(layers)} layers, config {cdg}")

main()
