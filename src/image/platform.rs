//! Platforms (`os/architecture[/variant]`) and the choice of one manifest out of an index.
//!
//! Names follow the OCI image spec (GOOS/GOARCH): `amd64`, `arm64`, `arm` + `v7`, `386`...
//! `arm64` without a variant equals `arm64/v8`. When no variant is asked for, the first entry
//! with the right os and architecture wins, like podman.

use std::fmt;
use std::str::FromStr;

use super::{Error, Result};

/// An OCI platform.
#[derive(Debug, Clone, PartialEq, Eq, Hash)]
pub struct Platform {
    pub os: String,
    pub architecture: String,
    pub variant: Option<String>,
}

impl Platform {
    /// The platform skiff runs on (always `linux`).
    pub fn host() -> Platform {
        let (arch, variant) = match std::env::consts::ARCH {
            "x86_64" => ("amd64", None),
            "x86" => ("386", None),
            "aarch64" => ("arm64", None),
            "arm" => ("arm", Some("v7")),
            "powerpc64" if cfg!(target_endian = "little") => ("ppc64le", None),
            "powerpc64" => ("ppc64", None),
            "loongarch64" => ("loong64", None),
            "mips64" if cfg!(target_endian = "little") => ("mips64le", None),
            other => (other, None),
        };
        Platform { os: "linux".into(), architecture: arch.into(), variant: variant.map(Into::into) }
    }

    /// Parses `os/arch[/variant]`; a bare `arch` means `linux/arch`.
    pub fn parse(value: &str) -> Result<Platform> {
        let bad = || Error::InvalidPlatform { value: value.to_string() };
        let parts: Vec<&str> = value.split('/').collect();
        if parts.iter().any(|p| p.is_empty()) {
            return Err(bad());
        }
        let (os, arch, variant) = match parts.as_slice() {
            [arch] => ("linux", *arch, None),
            [os, arch] => (*os, *arch, None),
            [os, arch, variant] => (*os, *arch, Some(variant.to_string())),
            _ => return Err(bad()),
        };
        let arch = match arch {
            "x86_64" | "x86-64" => "amd64",
            "aarch64" => "arm64",
            other => other,
        };
        Ok(Platform { os: os.to_string(), architecture: arch.to_string(), variant })
    }

    /// True when an index entry for (`os`, `arch`, `variant`) can run here.
    pub fn matches(&self, os: &str, arch: &str, variant: Option<&str>) -> bool {
        if self.os != os || self.architecture != arch {
            return false;
        }
        let norm = |v: Option<&str>| match (arch, v) {
            ("arm64", Some("v8")) => None,
            (_, v) => v.map(str::to_string),
        };
        match &self.variant {
            None => true,
            Some(want) => norm(Some(want)) == norm(variant),
        }
    }

    /// Index of the best entry among `(os, arch, variant)` triples, if any.
    pub fn choose<'a>(
        &self,
        entries: impl IntoIterator<Item = (&'a str, &'a str, Option<&'a str>)>,
    ) -> Option<usize> {
        let entries: Vec<_> = entries.into_iter().collect();
        // An exact variant match first, then any entry that matches.
        entries
            .iter()
            .position(|(o, a, v)| self.matches(o, a, *v) && v.map(str::to_string) == self.variant)
            .or_else(|| entries.iter().position(|(o, a, v)| self.matches(o, a, *v)))
    }
}

impl Default for Platform {
    fn default() -> Self {
        Platform::host()
    }
}

impl fmt::Display for Platform {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{}/{}", self.os, self.architecture)?;
        if let Some(v) = &self.variant {
            write!(f, "/{v}")?;
        }
        Ok(())
    }
}

impl FromStr for Platform {
    type Err = Error;
    fn from_str(s: &str) -> Result<Self> {
        Platform::parse(s)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn parse_forms() {
        let p = Platform::parse("linux/arm64/v8").unwrap();
        assert_eq!(
            (p.os.as_str(), p.architecture.as_str(), p.variant.as_deref()),
            ("linux", "arm64", Some("v8"))
        );
        assert_eq!(Platform::parse("amd64").unwrap().to_string(), "linux/amd64");
        assert_eq!(Platform::parse("linux/x86_64").unwrap().architecture, "amd64");
        for bad in ["", "linux/", "a/b/c/d", "/amd64"] {
            assert!(Platform::parse(bad).unwrap_err().to_string().contains(&format!("{bad:?}")));
        }
    }

    #[test]
    fn host_is_linux() {
        let h = Platform::host();
        assert_eq!(h.os, "linux");
        if cfg!(target_arch = "x86_64") {
            assert_eq!(h.to_string(), "linux/amd64");
        }
    }

    #[test]
    fn choose_prefers_exact_variant() {
        let entries = [
            ("linux", "amd64", None),
            ("linux", "arm", Some("v6")),
            ("linux", "arm", Some("v7")),
            ("linux", "arm64", Some("v8")),
            ("unknown", "unknown", None),
        ];
        let pick = |s: &str| Platform::parse(s).unwrap().choose(entries.iter().copied());
        assert_eq!(pick("linux/amd64"), Some(0));
        assert_eq!(pick("linux/arm/v7"), Some(2));
        assert_eq!(pick("linux/arm"), Some(1));
        assert_eq!(pick("linux/arm64"), Some(3));
        assert_eq!(pick("linux/arm64/v8"), Some(3));
        assert_eq!(pick("linux/s390x"), None);
        assert_eq!(pick("windows/amd64"), None);
    }
}
