//! `skiff image tree IMAGE`: an image's layers as a tree, as podman prints it (the header, then
//! one line per layer, bottom first, naming the images whose top layer it is); with
//! `--whatrequires`, the layers and images built on top of the image instead.

use crate::cli::{printer::Printer, Exit};
use crate::engine::{self, Context, ImageRecord, Store};

#[derive(Debug, clap::Args)]
pub struct Args {
    /// Show the layers and images built on top of the image instead of its own layers
    #[arg(long)]
    pub whatrequires: bool,
    /// The image
    #[arg(value_name = "IMAGE")]
    pub image: String,
}

/// Go's `fmt.Sprint([]string)`: `[a b]`.
fn go_list(names: &[String]) -> String {
    format!("[{}]", names.join(" "))
}

/// A node of the layer tree: a layer (by chain id) with its children.
struct Tree<'a> {
    images: &'a [ImageRecord],
    store: &'a Store,
}

impl Tree<'_> {
    /// The line of the layer `chain_id`.
    fn line(&self, chain_id: &str) -> anyhow::Result<String> {
        let size = self.store.get_layer(chain_id)?.map(|l| l.uncompressed_size).unwrap_or(0);
        let tops: Vec<String> = self
            .images
            .iter()
            .filter(|i| i.layers.last().is_some_and(|l| l.chain_id == chain_id))
            .flat_map(|i| i.names.iter().cloned())
            .collect();
        let tags = if tops.is_empty() { String::new() } else { format!(" Top Layer of: {}", go_list(&tops)) };
        let id: String = chain_id.trim_start_matches("sha256:").chars().take(12).collect();
        Ok(format!("ID: {id} Size: {:>7}{tags}", crate::cli::human::size4(size)))
    }

    /// The layers directly on top of `chain_id` in any image.
    fn children(&self, chain_id: &str) -> Vec<String> {
        let mut out: Vec<String> = Vec::new();
        for img in self.images {
            let pos = img.layers.iter().position(|l| l.chain_id == chain_id);
            if let Some(next) = pos.and_then(|p| img.layers.get(p + 1)) {
                if !out.contains(&next.chain_id) {
                    out.push(next.chain_id.clone());
                }
            }
        }
        out
    }
}

/// A printed tree (gotree's drawing).
#[derive(Default)]
struct Node {
    text: String,
    children: Vec<Node>,
}

impl Node {
    fn print(&self, prefix: &str, out: &mut Vec<String>) {
        for (i, c) in self.children.iter().enumerate() {
            let last = i + 1 == self.children.len();
            out.push(format!("{prefix}{}{}", if last { "└── " } else { "├── " }, c.text));
            c.print(&format!("{prefix}{}", if last { "    " } else { "│   " }), out);
        }
    }
}

/// podman's traversal: a layer with one child or none keeps its children at its own level.
fn traverse(tree: &Tree<'_>, chain_id: &str, parent: &mut Node) -> anyhow::Result<()> {
    let node = Node { text: tree.line(chain_id)?, children: Vec::new() };
    let children = tree.children(chain_id);
    if children.len() <= 1 {
        parent.children.push(node);
        for c in children {
            traverse(tree, &c, parent)?;
        }
    } else {
        let mut node = node;
        for c in children {
            traverse(tree, &c, &mut node)?;
        }
        parent.children.push(node);
    }
    Ok(())
}

pub fn run(args: Args, mut ctx: Context, printer: &Printer) -> anyhow::Result<Exit> {
    crate::cli::enter(&mut ctx, printer)?;
    let store = engine::open_store(&ctx)?;
    let found = engine::images::lookup(&store, &args.image)?;
    let image = found.image;
    let images = store.list_images()?;
    let tree = Tree { images: &images, store: &store };
    let mut root = Node::default();
    if args.whatrequires {
        if let Some(top) = image.layers.last() {
            traverse(&tree, &top.chain_id, &mut root)?;
        }
    } else {
        for l in &image.layers {
            root.children.push(Node { text: tree.line(&l.chain_id)?, children: Vec::new() });
        }
    }
    printer.line(&format!("Image ID: {}", &image.id[..12]));
    printer.line(&format!("Tags:     {}", go_list(&image.names)));
    printer.line(&format!("Size:     {}", crate::cli::human::size4(image.size)));
    printer.line(if image.layers.is_empty() { "No Image Layers" } else { "Image Layers" });
    let mut lines = Vec::new();
    root.print("", &mut lines);
    for l in lines {
        printer.line(&l);
    }
    Ok(Exit::SUCCESS)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn sizes_have_four_significant_digits() {
        assert_eq!(crate::cli::human::size4(2_191_000), "2.191MB");
        assert_eq!(crate::cli::human::size4(10_240), "10.24kB");
        assert_eq!(crate::cli::human::size4(512), "512B");
        assert_eq!(crate::cli::human::size4(0), "0B");
        assert_eq!(crate::cli::human::size4(1_000_000), "1MB");
    }

    #[test]
    fn a_tree_is_drawn_as_gotree_draws_it() {
        let leaf = |t: &str| Node { text: t.into(), children: Vec::new() };
        let root = Node {
            text: String::new(),
            children: vec![leaf("a"), Node { text: "b".into(), children: vec![leaf("c"), leaf("d")] }],
        };
        let mut out = Vec::new();
        root.print("", &mut out);
        assert_eq!(out, ["├── a", "└── b", "    ├── c", "    └── d"]);
    }
}
