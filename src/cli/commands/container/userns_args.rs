//! `--userns`, `--uidmap`, `--gidmap`, `--subuidname`, `--subgidname` and `--group-add` of
//! `run` and `create` (see [`crate::userns::mode`]): the container's user namespace and its
//! supplementary groups.

use crate::engine::config::RunOptions;
use crate::engine::userns::{self as mode, Mode, Request};

#[derive(Debug, Clone, Default, clap::Args)]
pub struct UsernsArgs {
    /// User namespace: host, private, keep-id[:uid=U,gid=G] (run as your own uid, added to
    /// /etc/passwd), nomap (your uid is not mapped), auto[:size=N] (a range of your
    /// subordinate ids no other auto container uses); default: containers.conf's userns
    #[arg(long, value_name = "MODE")]
    pub userns: Option<String>,
    /// Map container ids to your ids, CONTAINER:HOST:SIZE (HOST counts in the rootless
    /// namespace: 0 is you, 1 your first subordinate id); repeatable
    #[arg(long, value_name = "CONTAINER:HOST:SIZE")]
    pub uidmap: Vec<String>,
    /// Like --uidmap, for group ids (default: the --uidmap values)
    #[arg(long, value_name = "CONTAINER:HOST:SIZE")]
    pub gidmap: Vec<String>,
    /// Map the subordinate uids of this user name from /etc/subuid (rootless: your own)
    #[arg(long, value_name = "NAME")]
    pub subuidname: Option<String>,
    /// Map the subordinate gids of this group name from /etc/subgid (rootless: your own)
    #[arg(long, value_name = "NAME")]
    pub subgidname: Option<String>,
    /// Add a supplementary group (name or number; keep-groups keeps your own groups);
    /// repeatable
    #[arg(long = "group-add", value_name = "GROUP")]
    pub group_add: Vec<String>,
}

impl UsernsArgs {
    /// Checks the values (one line naming a bad one), before anything is pulled or created;
    /// the maps are resolved against the user's ids when the container is created.
    pub fn resolve(&self, ctx: &crate::engine::Context) -> anyhow::Result<Resolved> {
        let conf = crate::engine::containers_conf::get().ok();
        let text = self
            .userns
            .clone()
            .or_else(|| conf.and_then(|c| c.containers.userns.clone()))
            .unwrap_or_default();
        let mode = Mode::parse(&text)?;
        let mut uid_map = Vec::new();
        for v in &self.uidmap {
            uid_map.extend(mode::parse_map("--uidmap", v)?);
        }
        let mut gid_map = Vec::new();
        for v in &self.gidmap {
            gid_map.extend(mode::parse_map("--gidmap", v)?);
        }
        for (flag, name) in [("--subuidname", &self.subuidname), ("--subgidname", &self.subgidname)] {
            if let Some(n) = name {
                let me = &ctx.identity;
                if *n != me.user && *n != me.uid.to_string() {
                    anyhow::bail!(
                        "invalid {flag} {n:?}: rootless, only your own subordinate ids ({}) can be mapped",
                        me.user
                    );
                }
            }
        }
        // The explicit maps win over containers.conf's userns, as in podman.
        let mode = if self.userns.is_none() && !(uid_map.is_empty() && gid_map.is_empty()) {
            Mode::Default
        } else {
            mode
        };
        let keep_groups = self.group_add.iter().any(|g| g == "keep-groups");
        if keep_groups && self.group_add.len() > 1 {
            anyhow::bail!(
                "the '--group-add keep-groups' option is not allowed with any other --group-add options"
            );
        }
        for g in &self.group_add {
            if g.is_empty() || g.contains(':') || g.contains(char::is_whitespace) {
                anyhow::bail!("invalid --group-add {g:?}: expected a group name or number");
            }
        }
        let request = Request { mode, uid_map, gid_map };
        // The maps against the user's ids, now (auto's range is chosen at create).
        request.resolve(&ctx.identity, ctx.rootless, None, &[])?;
        let group_add = if keep_groups { Vec::new() } else { self.group_add.clone() };
        Ok(Resolved { request, group_add })
    }
}

/// [`UsernsArgs`], checked.
#[derive(Debug, Clone)]
pub struct Resolved {
    request: Request,
    group_add: Vec<String>,
}

impl Resolved {
    pub fn apply(self, opts: &mut RunOptions) {
        opts.userns = self.request;
        opts.group_add = self.group_add;
    }
}
