//! Rootless networking through pasta / slirp4netns (see DESIGN.md).
//! Empty until containers run: `info` only reports which helpers are installed.
