//! The user namespace of one container (`--userns`, `--uidmap`, `--gidmap`), with podman's
//! meanings, as maps from container ids to the ids of skiff's own user namespace.
//!
//! Every skiff command runs in its own user namespace ("S": 0 = the user, 1..N = the user's
//! subordinate ids, see [`super::Mapping`]). By default a container runs in S itself. The modes
//! below give it a nested namespace ("C") whose map is written in S-ids, which skiff, root of S,
//! may write without newuidmap:
//!
//! - `keep-id[:uid=U,gid=G]`: container U (default: the user's own uid) is S 0, the user; container
//!   0..U-1 are S 1..U, container U+1.. are S U+1..N.
//! - `nomap`: container 0..N-1 are S 1..N: the user is not mapped.
//! - `auto[:size=N]`: like nomap but only `size` ids (default `userns_size` of containers.conf,
//!   else 1024), at an offset no other auto container of this user has.
//! - `--uidmap C:H:S` (repeatable): the lines as given, H being an S-id (as in rootless podman).
//!
//! The image's files are stored with S-ids as if container 0 were S 0 (the standard layout). In
//! a nested namespace they would show up shifted (root's files owned by the user under
//! keep-id), so the root filesystem of such a container is presented through a shift
//! ([`Shift`]): a file stored with id n shows with S-id `map(n)`, which C shows as n again.
//! Nothing is chowned or copied (podman chowns a copy of the image's layers: podman#11220).

use serde::{Deserialize, Serialize};

use super::IdMap;

/// Errors of parsing a user-namespace option; each names the value.
#[derive(Debug, thiserror::Error, PartialEq, Eq)]
pub enum Error {
    #[error("invalid --userns {value:?}: {reason}")]
    Mode { value: String, reason: String },
    #[error("invalid {flag} {value:?}: expected CONTAINER_ID:HOST_ID:SIZE")]
    MapSyntax { flag: &'static str, value: String },
    #[error("invalid {flag} {value:?}: host ids {first}..{last} exceed the {available} ids mapped for this user (/etc/subuid, /etc/subgid)")]
    MapRange { flag: &'static str, value: String, first: u64, last: u64, available: u64 },
    #[error("invalid {flag} {value:?}: overlaps another mapping")]
    MapOverlap { flag: &'static str, value: String },
    #[error("--userns={mode} needs subordinate ids for user {user} in /etc/subuid and /etc/subgid")]
    NoSubids { mode: String, user: String },
    #[error("{mode} is only supported in rootless mode")]
    RootfulOnly { mode: String },
    #[error("cannot use --userns={mode} together with --uidmap or --gidmap")]
    Conflict { mode: String },
    #[error("a container with a user namespace of its own is served by fuse-overlay (the image's ids shifted, no chowned copy), and /dev/fuse cannot be opened: {reason}")]
    NeedsFuse { reason: String },
}

/// What `--userns` asks for.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Mode {
    /// No option: the container runs in skiff's namespace.
    #[default]
    Default,
    /// `host` (and `private`, which rootless is the same here): skiff's namespace.
    Host,
    /// `keep-id[:uid=U,gid=G]`.
    KeepId { uid: Option<u32>, gid: Option<u32> },
    /// `nomap`.
    NoMap,
    /// `auto[:size=N]`.
    Auto { size: Option<u32> },
}

impl Mode {
    /// Parses a `--userns` value (or containers.conf's `userns`).
    pub fn parse(value: &str) -> Result<Mode, Error> {
        let bad = |reason: &str| Error::Mode { value: value.to_string(), reason: reason.to_string() };
        let (name, opts) = match value.split_once(':') {
            Some((n, o)) => (n, Some(o)),
            None => (value, None),
        };
        let pairs = || -> Result<Vec<(&str, &str)>, Error> {
            opts.unwrap_or("")
                .split(',')
                .filter(|o| !o.is_empty())
                .map(|o| o.split_once('=').ok_or_else(|| bad(&format!("option {o:?} is not KEY=VALUE"))))
                .collect()
        };
        let number = |k: &str, v: &str| -> Result<u32, Error> {
            v.parse::<u32>().map_err(|_| bad(&format!("{k}={v} is not a number")))
        };
        match name {
            "" | "host" | "private" if opts.is_none() => {
                Ok(if name.is_empty() { Mode::Default } else { Mode::Host })
            }
            "nomap" if opts.is_none() => Ok(Mode::NoMap),
            "keep-id" => {
                let (mut uid, mut gid) = (None, None);
                for (k, v) in pairs()? {
                    match k {
                        "uid" => uid = Some(number(k, v)?),
                        "gid" => gid = Some(number(k, v)?),
                        _ => return Err(bad(&format!("unknown keep-id option {k:?} (uid, gid)"))),
                    }
                }
                Ok(Mode::KeepId { uid, gid })
            }
            "auto" => {
                let mut size = None;
                for (k, v) in pairs()? {
                    match k {
                        "size" => {
                            let n = number(k, v)?;
                            if n == 0 {
                                return Err(bad("size must be at least 1"));
                            }
                            size = Some(n);
                        }
                        // podman's extra mappings for auto; accepted, the allocation covers them
                        "uidmapping" | "gidmapping" => {}
                        _ => {
                            return Err(bad(&format!(
                                "unknown auto option {k:?} (size, uidmapping, gidmapping)"
                            )))
                        }
                    }
                }
                Ok(Mode::Auto { size })
            }
            "container" | "ns" => Err(bad("joining another user namespace is not supported")),
            _ => Err(bad("expected host, private, keep-id[:uid=U,gid=G], nomap or auto[:size=N]")),
        }
    }

    /// The name `inspect` shows in `HostConfig.UsernsMode` (podman's words).
    pub fn inspect_name(&self) -> &'static str {
        match self {
            Mode::Default => "",
            Mode::Host => "host",
            Mode::KeepId { .. } => "keep-id",
            Mode::NoMap => "nomap",
            Mode::Auto { .. } => "private",
        }
    }
}

/// Parses one `--uidmap`/`--gidmap` value, `CONTAINER:HOST:SIZE` (several may be joined by `,`).
pub fn parse_map(flag: &'static str, value: &str) -> Result<Vec<IdMap>, Error> {
    let syntax = || Error::MapSyntax { flag, value: value.to_string() };
    let mut out = Vec::new();
    for part in value.split(',') {
        let f: Vec<&str> = part.split(':').collect();
        let [c, h, s] = f.as_slice() else { return Err(syntax()) };
        let n = |t: &str| t.trim().parse::<u32>().map_err(|_| syntax());
        let m = IdMap { container_id: n(c)?, host_id: n(h)?, size: n(s)? };
        if m.size == 0 {
            return Err(syntax());
        }
        out.push(m);
    }
    Ok(out)
}

/// A container's user namespace, resolved: the uid and gid maps of C in S-ids, and the ids the
/// container's process runs as by default (keep-id).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Resolved {
    pub uid_map: Vec<IdMap>,
    pub gid_map: Vec<IdMap>,
    /// keep-id: the default user of the process (container ids), and the name and home the
    /// passwd entry gets.
    pub keep_id: Option<KeepId>,
}

/// The user keep-id adds to the container.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct KeepId {
    pub uid: u32,
    pub gid: u32,
}

/// The requested namespace: `--userns` and the explicit maps.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Request {
    pub mode: Mode,
    pub uid_map: Vec<IdMap>,
    pub gid_map: Vec<IdMap>,
}

impl Request {
    /// The maps for this request, or `None` when the container runs in skiff's namespace.
    /// `host_uid`/`host_gid` are the user's ids, `uids`/`gids` the number of S-ids (1 + the
    /// subordinate ids), `auto_offset` the first S-id of an auto range (see [`auto_offset`]).
    pub fn resolve(
        &self,
        id: &super::Identity,
        rootless: bool,
        auto_size_default: Option<u32>,
        taken: &[IdMap],
    ) -> Result<Option<Resolved>, Error> {
        let mapping = id.mapping();
        let (uids, gids) = (mapping.uid_count(), mapping.gid_map.iter().map(|m| m.size as u64).sum::<u64>());
        let has_maps = !self.uid_map.is_empty() || !self.gid_map.is_empty();
        let name = || match &self.mode {
            Mode::KeepId { .. } => "keep-id".to_string(),
            Mode::NoMap => "nomap".to_string(),
            Mode::Auto { .. } => "auto".to_string(),
            Mode::Host => "host".to_string(),
            Mode::Default => String::new(),
        };
        if has_maps && self.mode != Mode::Default {
            return Err(Error::Conflict { mode: name() });
        }
        if !rootless && matches!(self.mode, Mode::KeepId { .. } | Mode::NoMap) {
            return Err(Error::RootfulOnly { mode: name() });
        }
        let needs_subids = !matches!(self.mode, Mode::Default | Mode::Host);
        if needs_subids && (uids < 2 || gids < 2) {
            return Err(Error::NoSubids { mode: name(), user: id.user.clone() });
        }
        let (uids, gids) = (uids as u32, gids as u32);
        Ok(match &self.mode {
            Mode::Default if has_maps => {
                // podman: a --uidmap alone is used for the gids too, and the other way round.
                let uid_map =
                    if self.uid_map.is_empty() { self.gid_map.clone() } else { self.uid_map.clone() };
                let gid_map =
                    if self.gid_map.is_empty() { self.uid_map.clone() } else { self.gid_map.clone() };
                check_map("--uidmap", &uid_map, uids)?;
                check_map("--gidmap", &gid_map, gids)?;
                Some(Resolved { uid_map, gid_map, keep_id: None })
            }
            Mode::Default | Mode::Host => None,
            Mode::KeepId { uid, gid } => {
                let u = uid.unwrap_or(id.uid);
                let g = gid.unwrap_or(id.gid);
                Some(Resolved {
                    uid_map: keep_id_map(u, uids),
                    gid_map: keep_id_map(g, gids),
                    keep_id: Some(KeepId { uid: u, gid: g }),
                })
            }
            Mode::NoMap => Some(Resolved {
                uid_map: vec![IdMap { container_id: 0, host_id: 1, size: uids - 1 }],
                gid_map: vec![IdMap { container_id: 0, host_id: 1, size: gids - 1 }],
                keep_id: None,
            }),
            Mode::Auto { size } => {
                let size = size.or(auto_size_default).unwrap_or(1024);
                let avail = uids.min(gids) - 1;
                if size > avail {
                    return Err(Error::Mode {
                        value: format!("auto:size={size}"),
                        reason: format!("only {avail} subordinate ids are available"),
                    });
                }
                let start = auto_offset(size, avail, taken).ok_or_else(|| Error::Mode {
                    value: format!("auto:size={size}"),
                    reason: "no free range of subordinate ids is left for another auto container".into(),
                })?;
                let m = vec![IdMap { container_id: 0, host_id: start, size }];
                Some(Resolved { uid_map: m.clone(), gid_map: m, keep_id: None })
            }
        })
    }
}

/// keep-id's map for container id `u` over `count` S-ids (S 0 = the user).
fn keep_id_map(u: u32, count: u32) -> Vec<IdMap> {
    let mut m = Vec::new();
    let below = u.min(count - 1);
    if below > 0 {
        m.push(IdMap { container_id: 0, host_id: 1, size: below });
    }
    m.push(IdMap { container_id: u, host_id: 0, size: 1 });
    if u < count - 1 {
        m.push(IdMap { container_id: u + 1, host_id: u + 1, size: count - 1 - u });
    }
    m
}

/// The first S-id of a free range of `size` ids in 1..=`avail`, avoiding the host ranges of
/// `taken` (the maps of the user's other auto containers).
pub fn auto_offset(size: u32, avail: u32, taken: &[IdMap]) -> Option<u32> {
    let mut start = 1u64;
    let mut sorted: Vec<&IdMap> = taken.iter().collect();
    sorted.sort_by_key(|m| m.host_id);
    for m in sorted {
        let (a, b) = (m.host_id as u64, m.host_id as u64 + m.size as u64);
        if start + size as u64 <= a {
            break;
        }
        if b > start {
            start = b;
        }
    }
    (start + size as u64 <= avail as u64 + 1).then_some(start as u32)
}

fn check_map(flag: &'static str, map: &[IdMap], count: u32) -> Result<(), Error> {
    let text = |m: &IdMap| format!("{}:{}:{}", m.container_id, m.host_id, m.size);
    for (i, m) in map.iter().enumerate() {
        let last = m.host_id as u64 + m.size as u64 - 1;
        if last >= count as u64 {
            return Err(Error::MapRange {
                flag,
                value: text(m),
                first: m.host_id as u64,
                last,
                available: count as u64,
            });
        }
        let overlaps = |a: u64, b: u64, c: u64, d: u64| a < d && c < b;
        for o in &map[..i] {
            let (mc, oc) = (m.container_id as u64, o.container_id as u64);
            let (mh, oh) = (m.host_id as u64, o.host_id as u64);
            if overlaps(mc, mc + m.size as u64, oc, oc + o.size as u64)
                || overlaps(mh, mh + m.size as u64, oh, oh + o.size as u64)
            {
                return Err(Error::MapOverlap { flag, value: text(m) });
            }
        }
    }
    Ok(())
}

/// The id a file stored as `id` shows under a nested namespace with `map`: the S-id that the
/// container sees as `id`; ids the map lacks show as the overflow id 65534.
pub fn present(map: &[IdMap], id: u32) -> u32 {
    super::lookup(map, id).unwrap_or(OVERFLOW)
}

/// The id stored for a file that the container sets to S-id `id` (the inverse of [`present`]).
pub fn store(map: &[IdMap], id: u32) -> u32 {
    map.iter()
        .find_map(|m| {
            let off = id.checked_sub(m.host_id)?;
            (off < m.size).then(|| m.container_id + off)
        })
        .unwrap_or(OVERFLOW)
}

/// The kernel's overflow id (what an unmapped id shows as).
pub const OVERFLOW: u32 = 65534;

/// `C:H:S` lines, as podman's inspect shows them.
pub fn map_strings(map: &[IdMap]) -> Vec<String> {
    map.iter().map(|m| format!("{}:{}:{}", m.container_id, m.host_id, m.size)).collect()
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::userns::{Identity, SubRange};

    fn alice() -> Identity {
        Identity {
            user: "alice".into(),
            uid: 1000,
            gid: 1001,
            subuids: vec![SubRange { start: 100000, count: 65536 }],
            subgids: vec![SubRange { start: 100000, count: 65536 }],
        }
    }

    fn m(c: u32, h: u32, s: u32) -> IdMap {
        IdMap { container_id: c, host_id: h, size: s }
    }

    #[test]
    fn parses_podmans_modes_and_rejects_others_naming_the_value() {
        assert_eq!(Mode::parse("keep-id").unwrap(), Mode::KeepId { uid: None, gid: None });
        assert_eq!(
            Mode::parse("keep-id:uid=200,gid=210").unwrap(),
            Mode::KeepId { uid: Some(200), gid: Some(210) }
        );
        assert_eq!(Mode::parse("auto:size=1000").unwrap(), Mode::Auto { size: Some(1000) });
        assert_eq!(Mode::parse("nomap").unwrap(), Mode::NoMap);
        assert_eq!(Mode::parse("host").unwrap(), Mode::Host);
        assert_eq!(Mode::parse("private").unwrap(), Mode::Host);
        for bad in ["bogus", "keep-id:uid=x", "auto:size=0", "auto:bogus=1", "nomap:x=1", "container:abc"] {
            let e = Mode::parse(bad).unwrap_err().to_string();
            assert!(e.contains(&format!("{bad:?}")), "{e}");
        }
    }

    #[test]
    fn parses_maps_and_rejects_bad_ones() {
        assert_eq!(parse_map("--uidmap", "0:1:1000").unwrap(), vec![m(0, 1, 1000)]);
        assert_eq!(parse_map("--uidmap", "0:1:10,10:20:5").unwrap(), vec![m(0, 1, 10), m(10, 20, 5)]);
        for bad in ["0:1", "a:b:c", "0:1:0", "0:1:2:3", ""] {
            let e = parse_map("--uidmap", bad).unwrap_err().to_string();
            assert!(e.contains("--uidmap") && e.contains(&format!("{bad:?}")), "{e}");
        }
    }

    #[test]
    fn keep_id_maps_the_user_to_their_own_uid_and_the_rest_around_it() {
        let r = Request { mode: Mode::KeepId { uid: None, gid: None }, ..Default::default() };
        let r = r.resolve(&alice(), true, None, &[]).unwrap().unwrap();
        assert_eq!(r.uid_map, vec![m(0, 1, 1000), m(1000, 0, 1), m(1001, 1001, 64536)]);
        assert_eq!(r.gid_map, vec![m(0, 1, 1001), m(1001, 0, 1), m(1002, 1002, 64535)]);
        assert_eq!(r.keep_id, Some(KeepId { uid: 1000, gid: 1001 }));
        // image root files (stored 0) show as S 1, which the container sees as 0 again
        assert_eq!(present(&r.uid_map, 0), 1);
        assert_eq!(store(&r.uid_map, 1), 0);
        // the user's files (S 0) are stored as container 1000
        assert_eq!(store(&r.uid_map, 0), 1000);
        assert_eq!(present(&r.uid_map, 1000), 0);
        assert_eq!(present(&r.uid_map, 70000), OVERFLOW);
    }

    #[test]
    fn nomap_and_auto_leave_the_user_out() {
        let nomap = Request { mode: Mode::NoMap, ..Default::default() };
        let r = nomap.resolve(&alice(), true, None, &[]).unwrap().unwrap();
        assert_eq!(r.uid_map, vec![m(0, 1, 65536)]);
        let auto = Request { mode: Mode::Auto { size: None }, ..Default::default() };
        let r = auto.resolve(&alice(), true, Some(2000), &[m(0, 1, 1024)]).unwrap().unwrap();
        assert_eq!(r.uid_map, vec![m(0, 1025, 2000)]);
        assert_eq!(auto_offset(10, 30, &[m(0, 1, 10), m(0, 21, 10)]), Some(11));
        assert_eq!(auto_offset(11, 30, &[m(0, 1, 10), m(0, 21, 10)]), None);
    }

    #[test]
    fn explicit_maps_are_checked_against_the_users_ids() {
        let req = |u: Vec<IdMap>, g: Vec<IdMap>| Request { mode: Mode::Default, uid_map: u, gid_map: g };
        let r = req(vec![m(0, 1, 5000)], vec![]).resolve(&alice(), true, None, &[]).unwrap().unwrap();
        assert_eq!(r.gid_map, vec![m(0, 1, 5000)]);
        let e = req(vec![m(0, 200000, 5000)], vec![]).resolve(&alice(), true, None, &[]).unwrap_err();
        assert!(e.to_string().contains("\"0:200000:5000\""), "{e}");
        let e = req(vec![m(0, 1, 10), m(5, 20, 10)], vec![]).resolve(&alice(), true, None, &[]).unwrap_err();
        assert!(e.to_string().contains("overlaps"), "{e}");
        let keep = Request {
            mode: Mode::KeepId { uid: None, gid: None },
            uid_map: vec![m(0, 1, 1)],
            gid_map: vec![],
        };
        assert!(keep.resolve(&alice(), true, None, &[]).is_err());
    }

    #[test]
    fn rootful_refuses_keep_id_and_nomap_and_no_subids_is_an_error() {
        let keep = Request { mode: Mode::KeepId { uid: None, gid: None }, ..Default::default() };
        assert_eq!(
            keep.resolve(&alice(), false, None, &[]).unwrap_err().to_string(),
            "keep-id is only supported in rootless mode"
        );
        let mut lonely = alice();
        lonely.subuids.clear();
        assert!(keep.resolve(&lonely, true, None, &[]).unwrap_err().to_string().contains("/etc/subuid"));
    }
}
