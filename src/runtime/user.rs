//! Who the container's process runs as, and with which environment.
//!
//! Owns the pure logic behind `-u user[:group]`, `--env-file` and `-e`: resolving names and
//! numbers against the *image's* `/etc/passwd` and `/etc/group` (passed in as text; never the
//! host's files), parsing env files, and merging the environment in podman's order.
//!
//! Invariants:
//! - Nothing here reads the file system or the process environment by itself: callers pass the
//!   file texts and a lookup for host variables, so the rules are unit-tested.
//! - Ids are container ids (inside skiff's user namespace); no mapping happens here.

use std::path::Path;

use super::spec::Error;

/// The `PATH` a container gets when its image sets none (podman's and docker's default).
pub const DEFAULT_PATH: &str = "/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin";

/// A resolved `-u` value: the ids the process runs with and its home directory.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct User {
    pub uid: u32,
    pub gid: u32,
    /// Supplementary groups: the groups of `/etc/group` that list the user as a member, without
    /// the primary gid, in file order.
    pub additional_gids: Vec<u32>,
    /// From the passwd entry, else `/`.
    pub home: String,
}

struct PasswdEntry<'a> {
    name: &'a str,
    uid: u32,
    gid: u32,
    home: &'a str,
}

struct GroupEntry<'a> {
    name: &'a str,
    gid: u32,
    members: Vec<&'a str>,
}

/// Lines of a passwd/group file split on `:`, skipping blanks, comments and malformed lines (as
/// libc's and podman's readers do) so one odd line does not break an image.
fn records(text: &str) -> impl Iterator<Item = Vec<&str>> {
    text.lines()
        .map(str::trim)
        .filter(|l| !l.is_empty() && !l.starts_with('#'))
        .map(|l| l.split(':').collect())
}

fn passwd_entries(text: &str) -> impl Iterator<Item = PasswdEntry<'_>> {
    records(text).filter_map(|f| {
        if f.len() < 4 {
            return None;
        }
        Some(PasswdEntry {
            name: f[0],
            uid: f[2].parse().ok()?,
            gid: f[3].parse().ok()?,
            home: f.get(5).copied().unwrap_or(""),
        })
    })
}

fn group_entries(text: &str) -> impl Iterator<Item = GroupEntry<'_>> {
    records(text).filter_map(|f| {
        if f.len() < 3 {
            return None;
        }
        let members = f
            .get(3)
            .map(|m| m.split(',').map(str::trim).filter(|m| !m.is_empty()).collect())
            .unwrap_or_default();
        Some(GroupEntry { name: f[0], gid: f[2].parse().ok()?, members })
    })
}

/// Resolves `-u user[:group]` the way podman does.
///
/// - `user` is a name (looked up in `passwd`) or a number (looked up too, but not required to
///   exist). The primary gid is the passwd entry's, or 0 when a numeric uid has no entry.
/// - `group`, when given, is a name (looked up in `group`) or a number, and replaces the primary
///   gid.
/// - Supplementary groups come from `group` membership of the user's name.
/// - An unknown name is an error naming it: `unable to find user app: no matching entries in
///   passwd file`.
pub fn resolve(spec: &str, passwd: Option<&str>, group: Option<&str>) -> Result<User, Error> {
    let (user_part, group_part) = match spec.split_once(':') {
        Some((u, g)) => (u, Some(g)),
        None => (spec, None),
    };
    if user_part.is_empty() || group_part == Some("") {
        return Err(Error::InvalidUser {
            value: spec.to_string(),
            reason: "expected user[:group]".to_string(),
        });
    }
    let passwd_text = passwd.unwrap_or("");
    let group_text = group.unwrap_or("");

    let (uid, mut gid, name, home) = match user_part.parse::<u32>() {
        Ok(uid) => match passwd_entries(passwd_text).find(|e| e.uid == uid) {
            Some(e) => (uid, e.gid, Some(e.name), e.home),
            None => (uid, 0, None, ""),
        },
        Err(_) => {
            if user_part.chars().all(|c| c.is_ascii_digit() || c == '-') {
                return Err(Error::InvalidUser {
                    value: spec.to_string(),
                    reason: format!("uid {user_part} is out of range"),
                });
            }
            match passwd_entries(passwd_text).find(|e| e.name == user_part) {
                Some(e) => (e.uid, e.gid, Some(e.name), e.home),
                None => {
                    return Err(Error::UnknownUser { name: user_part.to_string() });
                }
            }
        }
    };

    if let Some(g) = group_part {
        gid = match g.parse::<u32>() {
            Ok(gid) => gid,
            Err(_) => match group_entries(group_text).find(|e| e.name == g) {
                Some(e) => e.gid,
                None => return Err(Error::UnknownGroup { name: g.to_string() }),
            },
        };
    }

    let mut additional_gids = Vec::new();
    if let Some(name) = name {
        for e in group_entries(group_text) {
            if e.members.contains(&name) && e.gid != gid && !additional_gids.contains(&e.gid) {
                additional_gids.push(e.gid);
            }
        }
    }

    let home = if home.is_empty() { "/".to_string() } else { home.to_string() };
    Ok(User { uid, gid, additional_gids, home })
}

/// Resolves one `--group-add` value: a number, or a name from the image's `/etc/group`.
pub fn resolve_group(value: &str, group: Option<&str>) -> Result<u32, Error> {
    if let Ok(gid) = value.parse::<u32>() {
        return Ok(gid);
    }
    group_entries(group.unwrap_or(""))
        .find(|e| e.name == value)
        .map(|e| e.gid)
        .ok_or_else(|| Error::UnknownGroup { name: value.to_string() })
}

/// keep-id's additions to the container's `/etc/passwd` and `/etc/group` (podman's rules): an
/// entry `NAME:*:UID:GID:GECOS:HOME:/bin/sh` unless the image has the name or the uid already,
/// and a group `GROUP:x:GID:NAME` unless it has the group's name or gid. Returns the new texts,
/// `None` for a file that stays as it is.
pub fn keep_id_entries(
    passwd: Option<&str>,
    group: Option<&str>,
    who: &HostUser,
    uid: u32,
    gid: u32,
    home: &str,
) -> (Option<String>, Option<String>) {
    let p = passwd.unwrap_or("");
    let g = group.unwrap_or("");
    let with_newline =
        |t: &str| if t.is_empty() || t.ends_with('\n') { t.to_string() } else { format!("{t}\n") };
    let new_passwd = (!passwd_entries(p).any(|e| e.name == who.name || e.uid == uid))
        .then(|| format!("{}{}:*:{uid}:{gid}:{}:{home}:/bin/sh\n", with_newline(p), who.name, who.gecos));
    let new_group = (!group_entries(g).any(|e| e.name == who.group || e.gid == gid))
        .then(|| format!("{}{}:x:{gid}:{}\n", with_newline(g), who.group, who.name));
    (new_passwd, new_group)
}

/// The host user keep-id adds: names and the home directory from the host's databases.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct HostUser {
    pub name: String,
    pub group: String,
    pub gecos: String,
    pub home: String,
}

/// Parses the text of an `--env-file` (podman's rules): `KEY=VAL` as written (no quote
/// processing, the value may be empty), `KEY` alone takes the host's value and is dropped when the
/// host has none, lines starting with `#` and blank lines are skipped. A key that is empty or
/// contains whitespace is an error naming the file and the line.
pub fn parse_env_file(
    path: &Path,
    text: &str,
    host: &dyn Fn(&str) -> Option<String>,
) -> Result<Vec<String>, Error> {
    let mut out = Vec::new();
    for (i, raw) in text.lines().enumerate() {
        let line = raw.trim_start();
        if line.trim_end().is_empty() || line.starts_with('#') {
            continue;
        }
        let bad = |reason: String| Error::EnvFile { path: path.to_path_buf(), line: i + 1, reason };
        match line.split_once('=') {
            Some((key, value)) => {
                check_key(key).map_err(bad)?;
                out.push(format!("{key}={value}"));
            }
            None => {
                let key = line.trim_end();
                check_key(key).map_err(bad)?;
                if let Some(value) = host(key) {
                    out.push(format!("{key}={value}"));
                }
            }
        }
    }
    Ok(out)
}

/// Reads and parses an `--env-file`, taking `KEY`-alone values from this process's environment.
pub fn read_env_file(path: &Path) -> Result<Vec<String>, Error> {
    let text = fs_err::read_to_string(path)
        .map_err(|source| Error::ReadEnvFile { path: path.to_path_buf(), source })?;
    parse_env_file(path, &text, &|k| std::env::var(k).ok())
}

fn check_key(key: &str) -> Result<(), String> {
    if key.is_empty() {
        Err("variable name is empty".to_string())
    } else if key.chars().any(char::is_whitespace) {
        Err(format!("variable {key:?} contains whitespace"))
    } else {
        Ok(())
    }
}

/// Merges the environment: the image's `Env`, then `extra` (the env-file entries followed by the
/// `-e` values, in command-line order); a later entry replaces an earlier one with the same key,
/// keeping the earlier position. An `extra` entry without `=` takes the host's value and is
/// dropped when the host has none. `PATH` defaults to [`DEFAULT_PATH`] when nothing sets it.
pub fn merge_env(image: &[String], extra: &[String], host: &dyn Fn(&str) -> Option<String>) -> Vec<String> {
    let mut env: Vec<String> = Vec::new();
    let mut set = |entry: String| {
        let key = entry.split_once('=').map_or(entry.as_str(), |(k, _)| k).to_string();
        match env.iter_mut().find(|e| e.split_once('=').map_or(e.as_str(), |(k, _)| k) == key) {
            Some(slot) => *slot = entry,
            None => env.push(entry),
        }
    };
    for e in image {
        if e.contains('=') {
            set(e.clone());
        }
    }
    for e in extra {
        if e.contains('=') {
            set(e.clone());
        } else if let Some(value) = host(e) {
            set(format!("{e}={value}"));
        }
    }
    if !env.iter().any(|e| e.starts_with("PATH=")) {
        env.insert(0, format!("PATH={DEFAULT_PATH}"));
    }
    env
}

/// Sets `key=value` unless the environment already has `key`.
pub(crate) fn set_default(env: &mut Vec<String>, key: &str, value: &str) {
    let prefix = format!("{key}=");
    if !env.iter().any(|e| e.starts_with(&prefix)) {
        env.push(format!("{prefix}{value}"));
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    const PASSWD: &str = "root:x:0:0:root:/root:/bin/sh\n\
        # a comment\n\
        daemon:x:1:1:daemon:/usr/sbin:/usr/sbin/nologin\n\
        app:x:1000:1000:App:/home/app:/bin/sh\n\
        nohome:x:1001:1001::\n\
        broken line\n";
    const GROUP: &str = "root:x:0:\nwheel:x:10:app,root\napp:x:1000:\naudio:x:29:daemon,app\nstaff:x:50:\n";

    fn res(spec: &str) -> Result<User, Error> {
        resolve(spec, Some(PASSWD), Some(GROUP))
    }

    #[test]
    fn user_by_name_takes_primary_gid_home_and_member_groups() {
        let u = res("app").unwrap();
        assert_eq!(u, User { uid: 1000, gid: 1000, additional_gids: vec![10, 29], home: "/home/app".into() });
    }

    #[test]
    fn user_by_number_uses_the_passwd_entry_when_there_is_one() {
        let u = res("1").unwrap();
        assert_eq!((u.uid, u.gid, u.home.as_str()), (1, 1, "/usr/sbin"));
        assert_eq!(u.additional_gids, vec![29]);
    }

    #[test]
    fn unknown_uid_gets_gid_0_and_home_slash() {
        let u = res("4242").unwrap();
        assert_eq!(u, User { uid: 4242, gid: 0, additional_gids: vec![], home: "/".into() });
        let u = resolve("4242:7", None, None).unwrap();
        assert_eq!((u.uid, u.gid), (4242, 7));
    }

    #[test]
    fn group_by_name_or_number_replaces_the_primary_gid() {
        assert_eq!(res("app:staff").unwrap().gid, 50);
        assert_eq!(res("app:123").unwrap().gid, 123);
        // the primary group is not repeated among the supplementary ones
        assert_eq!(res("app:wheel").unwrap().additional_gids, vec![29]);
    }

    #[test]
    fn empty_home_falls_back_to_slash() {
        assert_eq!(res("nohome").unwrap().home, "/");
    }

    #[test]
    fn unknown_names_are_errors_naming_them() {
        let e = res("nobody").unwrap_err().to_string();
        assert_eq!(e, "unable to find user nobody: no matching entries in passwd file");
        let e = resolve("app", None, None).unwrap_err().to_string();
        assert!(e.contains("user app"), "{e}");
        let e = res("app:nogroup").unwrap_err().to_string();
        assert_eq!(e, "unable to find group nogroup: no matching entries in group file");
        assert!(res("").is_err());
        assert!(res("app:").is_err());
        assert!(res("99999999999").unwrap_err().to_string().contains("99999999999"));
    }

    #[test]
    fn group_add_takes_numbers_and_image_group_names() {
        assert_eq!(resolve_group("457", None).unwrap(), 457);
        assert_eq!(resolve_group("audio", Some(GROUP)).unwrap(), 29);
        let e = resolve_group("nosuch", Some(GROUP)).unwrap_err().to_string();
        assert!(e.contains("nosuch"), "{e}");
    }

    #[test]
    fn keep_id_adds_the_user_and_group_once() {
        let who = HostUser {
            name: "alice".into(),
            group: "alice".into(),
            gecos: "Alice".into(),
            home: "/home/alice".into(),
        };
        let (p, g) = keep_id_entries(Some(PASSWD), Some(GROUP), &who, 1500, 1500, "/work");
        assert!(p.unwrap().ends_with("broken line\nalice:*:1500:1500:Alice:/work:/bin/sh\n"));
        assert!(g.unwrap().ends_with("alice:x:1500:alice\n"));
        // the uid (or the name) is there already: nothing is added
        let (p, g) = keep_id_entries(Some(PASSWD), Some(GROUP), &who, 1000, 1000, "/work");
        assert_eq!((p, g), (None, None));
        let (p, _) = keep_id_entries(None, None, &who, 7, 7, "/");
        assert_eq!(p.unwrap(), "alice:*:7:7:Alice:/:/bin/sh\n");
    }

    #[test]
    fn env_file_rules() {
        let host = |k: &str| (k == "FROM_HOST").then(|| "h".to_string());
        let text = "# comment\n\nA=1\n  B=two words\nC=\nFROM_HOST\nNOT_ON_HOST\nD=x=y\n";
        let env = parse_env_file(Path::new("f.env"), text, &host).unwrap();
        assert_eq!(env, ["A=1", "B=two words", "C=", "FROM_HOST=h", "D=x=y"]);
    }

    #[test]
    fn env_file_errors_name_the_file_and_line() {
        let none = |_: &str| None;
        let e = parse_env_file(Path::new("/tmp/x.env"), "A=1\n=oops\n", &none).unwrap_err().to_string();
        assert_eq!(e, "invalid env file /tmp/x.env, line 2: variable name is empty");
        let e = parse_env_file(Path::new("x.env"), "BAD KEY=1\n", &none).unwrap_err().to_string();
        assert!(e.contains("x.env, line 1") && e.contains("\"BAD KEY\""), "{e}");
        let e = read_env_file(Path::new("/nonexistent/skiff.env")).unwrap_err().to_string();
        assert!(e.contains("/nonexistent/skiff.env"), "{e}");
    }

    #[test]
    fn env_merge_order_and_path_default() {
        let host = |k: &str| (k == "H").then(|| "host".to_string());
        let image = vec!["PATH=/img".to_string(), "A=image".to_string(), "B=image".to_string()];
        let extra = ["A=file", "B=file", "B=cli", "H", "MISSING"].map(String::from);
        let env = merge_env(&image, &extra, &host);
        assert_eq!(env, ["PATH=/img", "A=file", "B=cli", "H=host"]);
        let env = merge_env(&[], &["X=1".to_string()], &host);
        assert_eq!(env, [format!("PATH={DEFAULT_PATH}"), "X=1".to_string()]);
    }
}
