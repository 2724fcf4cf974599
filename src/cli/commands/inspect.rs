//! `skiff image inspect`, and `skiff inspect` of containers and images (containers first, as in
//! podman).

use crate::cli::commands::container;
use crate::cli::{format::Template, printer::Printer, Exit};
use crate::engine::{self, Context};

#[derive(Debug, clap::Args)]
pub struct Args {
    /// Output format: json (default), or a Go template such as '{{.Id}}'
    #[arg(short, long)]
    pub format: Option<String>,
    /// Images to inspect, by name or id
    #[arg(value_name = "IMAGE", required = true)]
    pub images: Vec<String>,
}

/// What `skiff inspect` looks for.
#[derive(Debug, Clone, Copy, PartialEq, Eq, clap::ValueEnum)]
pub enum Kind {
    /// Containers, then images
    All,
    /// Only containers
    Container,
    /// Only images
    Image,
}

#[derive(Debug, clap::Args)]
pub struct AnyArgs {
    /// Output format: json (default), or a Go template such as '{{.Id}}'
    #[arg(short, long)]
    pub format: Option<String>,
    /// Which kind of object to look for
    #[arg(short, long = "type", value_enum, default_value = "all", value_name = "TYPE")]
    pub kind: Kind,
    /// Inspect the most recently created container
    #[arg(short, long, conflicts_with = "names")]
    pub latest: bool,
    /// Containers or images to inspect, by name or id (containers are looked up first)
    #[arg(value_name = "NAME", required_unless_present = "latest")]
    pub names: Vec<String>,
}

pub fn run(args: Args, ctx: Context, printer: &Printer) -> anyhow::Result<Exit> {
    let any = AnyArgs { format: args.format, kind: Kind::Image, latest: false, names: args.images };
    run_any(any, ctx, printer)
}

/// `skiff inspect`.
pub fn run_any(args: AnyArgs, mut ctx: Context, printer: &Printer) -> anyhow::Result<Exit> {
    if args.kind == Kind::Image {
        crate::cli::enter(&mut ctx, printer)?;
    } else {
        container::enter(&mut ctx, printer)?;
    }
    let store = engine::open_store(&ctx)?;
    let mut args = args;
    if args.latest {
        args.names = vec![container::latest_id(&ctx, &store)?];
    }
    let mut values = Vec::new();
    let mut failed = false;
    let containers = if args.kind == Kind::Image {
        Vec::new()
    } else {
        container::inspect_values(&ctx, &store, &args.names)?
    };
    for (i, name) in args.names.iter().enumerate() {
        let container_err = match containers.get(i) {
            Some(Ok(v)) => {
                values.push(v.clone());
                continue;
            }
            Some(Err((_, e))) => Some(e.to_string()),
            None => None,
        };
        if args.kind == Kind::Container {
            printer.error(&format!("Error: {}", container_err.unwrap_or_default()));
            failed = true;
            continue;
        }
        match engine::images::lookup(&store, name) {
            // A manifest list stands for its local image of this platform, as in podman.
            Ok(found) if found.image.is_manifest_list() => {
                match engine::manifests::local_instance(&store, &found.image)? {
                    Some(img) => values.push(engine::images::inspect(&store, &img)?),
                    None => {
                        match args.kind {
                            Kind::All => printer.error(&format!("Error: no such object: {name:?}")),
                            _ => printer.error(&format!(
                                "Error: inspecting object: {}",
                                engine::manifests::no_local_instance_message()
                            )),
                        }
                        failed = true;
                    }
                }
            }
            Ok(found) => values.push(engine::images::inspect(&store, &found.image)?),
            Err(e @ engine::Error::ImageNotKnown { .. }) => {
                if args.kind == Kind::All {
                    printer.error(&format!("Error: no such object: {name:?}"));
                } else {
                    printer.error(&format!("Error: {e}"));
                }
                failed = true;
            }
            Err(e) => return Err(e.into()),
        }
    }
    match crate::cli::format::normalized(args.format.as_deref()) {
        None | Some("json") => printer.line(&serde_json::to_string_pretty(&values)?),
        Some(t) => {
            let t = Template::parse(t)?;
            for v in &values {
                printer.line(&t.render(v)?);
            }
        }
    }
    Ok(if failed { Exit::SKIFF_ERROR } else { Exit::SUCCESS })
}
