//! `build`: an image from a Containerfile.

pub mod dockerfile;
pub mod ignore;
pub mod words;
