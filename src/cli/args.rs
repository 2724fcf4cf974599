//! Argument types shared by several commands.

/// Options that decide how a registry is reached: `--tls-verify`, `--creds`, `--authfile`.
#[derive(Debug, Clone, clap::Args)]
pub struct RegistryOpts {
    /// Require HTTPS and verify certificates when contacting registries (--tls-verify=false allows plain HTTP)
    #[arg(long, value_name = "BOOL", num_args = 0..=1, default_missing_value = "true", action = clap::ArgAction::Set)]
    pub tls_verify: Option<bool>,
    /// Credentials (USERNAME[:PASSWORD]) to use for the registry
    #[arg(long, value_name = "USER[:PASS]")]
    pub creds: Option<String>,
    /// Path of the authentication file (default: $XDG_RUNTIME_DIR/containers/auth.json)
    #[arg(long, value_name = "PATH")]
    pub authfile: Option<std::path::PathBuf>,
}

/// Platform selection for pulls: `--platform os/arch[/variant]`, `--arch`, `--os`, `--variant`.
#[derive(Debug, Clone, clap::Args)]
pub struct PlatformOpts {
    /// Choose OS/ARCH[/VARIANT] from a multi-platform image (default: this host)
    #[arg(long, value_name = "OS/ARCH[/VARIANT]")]
    pub platform: Option<String>,
    /// Use ARCH instead of this host's architecture
    #[arg(long, value_name = "ARCH")]
    pub arch: Option<String>,
    /// Use OS instead of this host's operating system
    #[arg(long, value_name = "OS")]
    pub os: Option<String>,
    /// Use VARIANT (e.g. v8 for arm64)
    #[arg(long, value_name = "VARIANT")]
    pub variant: Option<String>,
}
