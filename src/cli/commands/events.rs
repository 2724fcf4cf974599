//! `skiff events`: the event log, as podman's file backend prints it.

use crate::cli::diag::WithExit;
use crate::cli::format::Template;
use crate::cli::{printer::Printer, Exit};
use crate::engine::events::{self, Event, Filters, Query};

#[derive(Debug, clap::Args)]
pub struct Args {
    /// Show only events matching KEY=VALUE (container, event/status, image, label, pod, type,
    /// volume, network; the same key repeated: any of them)
    #[arg(short, long, value_name = "KEY=VALUE")]
    pub filter: Vec<String>,
    /// Print each event with a Go template, or `json`
    #[arg(long, value_name = "FORMAT")]
    pub format: Option<String>,
    /// Show events since this time (RFC 3339, date, Unix time, or a duration before now)
    #[arg(long, value_name = "TIME")]
    pub since: Option<String>,
    /// Show events until this time (as --since)
    #[arg(long, value_name = "TIME")]
    pub until: Option<String>,
    /// Keep printing new events until interrupted (--stream=false: print the past and exit)
    #[arg(long, default_value_t = true, action = clap::ArgAction::Set, num_args = 0..=1,
          require_equals = true, default_missing_value = "true", value_name = "BOOL")]
    pub stream: bool,
    /// Do not shorten ids (the default; --no-trunc=false: 12 hex digits)
    #[arg(long, default_value_t = true, action = clap::ArgAction::Set, num_args = 0..=1,
          require_equals = true, default_missing_value = "true", value_name = "BOOL")]
    pub no_trunc: bool,
}

fn usage(err: impl std::fmt::Display) -> anyhow::Error {
    WithExit { message: err.to_string(), exit: Exit::SKIFF_ERROR }.into()
}

pub fn run(args: Args, printer: &Printer) -> anyhow::Result<Exit> {
    events::readable().map_err(usage)?;
    let filters = Filters::parse(&args.filter).map_err(usage)?;
    let since = args.since.as_deref().map(events::parse_time).transpose().map_err(usage)?;
    let until = args.until.as_deref().map(events::parse_time).transpose().map_err(usage)?;
    let query = Query { filters, since, until };
    let template = match crate::cli::format::normalized(args.format.as_deref()) {
        None | Some("json") => None,
        Some(t) => Some(Template::parse(t)?),
    };
    let json = crate::cli::format::normalized(args.format.as_deref()) == Some("json");
    let mut failure = None;
    let mut each = |e: &Event| -> bool {
        let line = if json {
            serde_json::to_string(e).map_err(anyhow::Error::from)
        } else if let Some(t) = &template {
            t.render(&e.template_value()).map_err(anyhow::Error::from)
        } else {
            Ok(e.human(!args.no_trunc))
        };
        match line {
            Ok(l) => {
                printer.line(l.trim_end_matches('\n'));
                true
            }
            Err(err) => {
                failure = Some(err);
                false
            }
        }
    };
    // With --until the stream ends when that time has passed.
    events::read(&query, args.stream, &mut each).map_err(usage)?;
    if let Some(e) = failure {
        return Err(e);
    }
    Ok(Exit::SUCCESS)
}
