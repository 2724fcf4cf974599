//! Parsing of /etc/subuid and /etc/subgid.
//!
//! Each line is `NAME_OR_UID:START:COUNT`. A user may have several ranges, by name or by numeric
//! uid; `#` starts a comment; malformed lines are skipped (shadow-utils does the same).

/// One subordinate id range from /etc/subuid or /etc/subgid.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct SubRange {
    pub start: u32,
    pub count: u32,
}

/// The ranges that belong to `user` (matched by name) or `uid` (matched as a number), in file order.
pub fn parse(content: &str, user: &str, uid: u32) -> Vec<SubRange> {
    let uid_text = uid.to_string();
    let mut out = Vec::new();
    for line in content.lines() {
        let line = line.split('#').next().unwrap_or("").trim();
        if line.is_empty() {
            continue;
        }
        let mut parts = line.split(':');
        let (Some(owner), Some(start), Some(count), None) =
            (parts.next(), parts.next(), parts.next(), parts.next())
        else {
            continue;
        };
        if owner != user && owner != uid_text {
            continue;
        }
        let (Ok(start), Ok(count)) = (start.trim().parse::<u32>(), count.trim().parse::<u32>()) else {
            continue;
        };
        if count == 0 {
            continue;
        }
        out.push(SubRange { start, count });
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn finds_ranges_by_name_and_uid() {
        let text = "# comment\nalice:100000:65536\nbob:165536:65536\n1000:300000:10 # trailing\n";
        assert_eq!(
            parse(text, "alice", 1000),
            vec![SubRange { start: 100000, count: 65536 }, SubRange { start: 300000, count: 10 }]
        );
        assert_eq!(parse(text, "bob", 1001), vec![SubRange { start: 165536, count: 65536 }]);
        assert!(parse(text, "carol", 1002).is_empty());
    }

    #[test]
    fn skips_malformed_lines() {
        let text = "alice:abc:10\nalice:5\nalice:1:2:3\nalice:7:0\n alice : 9 : 4 \n";
        // Only the last line is well formed once trimmed per field; the owner must match exactly.
        assert!(parse(text, "alice", 1).is_empty());
        assert_eq!(parse("alice: 9 : 4", "alice", 1), vec![SubRange { start: 9, count: 4 }]);
    }

    #[test]
    fn name_that_looks_like_another_uid_does_not_match() {
        assert!(parse("1001:100:10\n", "alice", 1000).is_empty());
    }
}
