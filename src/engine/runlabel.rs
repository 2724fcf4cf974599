//! `container runlabel`: the command an image describes in one of its labels (podman's
//! `LABEL INSTALL /usr/bin/podman run ... ${IMAGE} ...`), with its variables filled in.

use crate::storage::{ImageRecord, Store};

use super::Error;

/// The value of the label `label` of `img`: as written, else upper-case (podman finds
/// `install` in a label `INSTALL`), else lower-case.
pub fn label(store: &Store, img: &ImageRecord, label: &str) -> Result<Option<String>, Error> {
    let bytes = store.blobs().read(&img.config_digest)?;
    let config: serde_json::Value = serde_json::from_slice(&bytes)
        .map_err(|source| Error::ImageConfig { digest: img.config_digest.clone(), source })?;
    let labels = &config["config"]["Labels"];
    Ok([label.to_string(), label.to_uppercase(), label.to_lowercase()]
        .iter()
        .find_map(|k| labels[k.as_str()].as_str())
        .map(str::to_string))
}

/// What the variables of a label stand for.
#[derive(Debug, Clone, Default)]
pub struct Values {
    /// `IMAGE`: the image's full name.
    pub image: String,
    /// `NAME`: the container name (default: the image's name without registry and tag).
    pub name: String,
    /// `OPT1`, `OPT2`, `OPT3`.
    pub opts: [Option<String>; 3],
}

/// The default `NAME`: the last path element of the image's name, without tag or digest.
pub fn default_name(image: &str) -> String {
    let path = image.split('@').next().unwrap_or(image);
    let last = path.rsplit('/').next().unwrap_or(path);
    last.split(':').next().unwrap_or(last).to_string()
}

/// The command of label text `text`: split into words at white space, `$VAR`/`${VAR}` replaced
/// (IMAGE, NAME, OPT1-3; any other variable is empty, as in podman), words left empty dropped,
/// a leading `podman` or `/usr/bin/podman` replaced by `program`, then `extra` appended.
pub fn command(text: &str, values: &Values, program: &str, extra: &[String]) -> Vec<String> {
    let lookup = |var: &str| -> String {
        match var {
            "IMAGE" => values.image.clone(),
            "NAME" => values.name.clone(),
            "OPT1" => values.opts[0].clone().unwrap_or_default(),
            "OPT2" => values.opts[1].clone().unwrap_or_default(),
            "OPT3" => values.opts[2].clone().unwrap_or_default(),
            _ => String::new(),
        }
    };
    let mut words: Vec<String> = Vec::new();
    for word in text.split_whitespace() {
        let expanded = expand(word, &lookup);
        // A variable may stand for several words (--opt1="-e A=1 -e B=2").
        words.extend(expanded.split_whitespace().map(str::to_string));
    }
    if let Some(first) = words.first_mut() {
        if first == "podman" || first == "/usr/bin/podman" {
            *first = program.to_string();
        }
    }
    words.extend(extra.iter().cloned());
    words
}

/// `$VAR` and `${VAR}` in `word` replaced by `lookup(VAR)`; a `$` not followed by a name stays.
fn expand(word: &str, lookup: &dyn Fn(&str) -> String) -> String {
    let mut out = String::new();
    let mut rest = word;
    while let Some(at) = rest.find('$') {
        out.push_str(&rest[..at]);
        let after = &rest[at + 1..];
        if let Some(braced) = after.strip_prefix('{') {
            if let Some(end) = braced.find('}') {
                out.push_str(&lookup(&braced[..end]));
                rest = &braced[end + 1..];
                continue;
            }
        }
        let len = after.bytes().take_while(|b| b.is_ascii_alphanumeric() || *b == b'_').count();
        if len == 0 {
            out.push('$');
        } else {
            out.push_str(&lookup(&after[..len]));
        }
        rest = &after[len..];
    }
    out.push_str(rest);
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    fn values() -> Values {
        Values {
            image: "localhost/app:latest".into(),
            name: "app".into(),
            opts: [Some("-e X=1".into()), None, Some("o3".into())],
        }
    }

    #[test]
    fn variables_are_filled_in_and_empty_words_dropped() {
        let text = "/usr/bin/podman  run -t --rm ${OPT1} -e NAME=${NAME} -e H=$HOME \
                    -e CONF=/etc/${NAME} $IMAGE ${OPT2} /bin/install.sh ${OPT3} $ 5$";
        let got = command(text, &values(), "/opt/skiff", &["extra".into()]);
        assert_eq!(
            got.join(" "),
            "/opt/skiff run -t --rm -e X=1 -e NAME=app -e H= -e CONF=/etc/app localhost/app:latest \
             /bin/install.sh o3 $ 5$ extra"
        );
    }

    #[test]
    fn only_podman_as_the_program_is_replaced() {
        assert_eq!(command("podman run ${IMAGE}", &values(), "skiff", &[])[0], "skiff");
        assert_eq!(command("/bin/sh -c podman", &values(), "skiff", &[]).join(" "), "/bin/sh -c podman");
        assert!(command("", &values(), "skiff", &[]).is_empty());
    }

    #[test]
    fn default_names() {
        assert_eq!(default_name("localhost/runlabel_image:latest"), "runlabel_image");
        assert_eq!(default_name("reg:5000/ns/app@sha256:abc"), "app");
        assert_eq!(default_name("busybox"), "busybox");
    }
}
