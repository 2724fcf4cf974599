//! Human-readable sizes and ages, as podman prints them (docker/go-units rules).

/// `4.47 MB`: decimal units, three significant digits.
pub fn size(bytes: u64) -> String {
    const UNITS: [&str; 7] = ["B", "kB", "MB", "GB", "TB", "PB", "EB"];
    let mut v = bytes as f64;
    let mut i = 0;
    while v >= 1000.0 && i < UNITS.len() - 1 {
        v /= 1000.0;
        i += 1;
    }
    // %.4g in Go: up to 4 significant digits without trailing zeros... go-units uses 3 (HumanSize).
    let s = format_sig(v, 3);
    format!("{s} {}", UNITS[i])
}

/// `1.234MB`: go-units' HumanSize (HumanSizeWithPrecision(size, 4)), no space before the unit,
/// as podman's `system df` and `image tree` print sizes.
pub fn size4(bytes: u64) -> String {
    const UNITS: [&str; 7] = ["B", "kB", "MB", "GB", "TB", "PB", "EB"];
    let (mut v, mut i) = (bytes as f64, 0);
    while v >= 1000.0 && i < UNITS.len() - 1 {
        v /= 1000.0;
        i += 1;
    }
    format!("{}{}", format_sig(v, 4), UNITS[i])
}

fn format_sig(v: f64, digits: usize) -> String {
    if v == 0.0 {
        return "0".into();
    }
    let int_digits = (v.abs().log10().floor() as i32 + 1).max(1) as usize;
    let decimals = digits.saturating_sub(int_digits);
    let s = format!("{v:.decimals$}");
    if s.contains('.') {
        s.trim_end_matches('0').trim_end_matches('.').to_string()
    } else {
        s
    }
}

/// `2 months`, `About an hour`, ... (go-units HumanDuration).
pub fn duration(secs: i64) -> String {
    let s = secs.max(0);
    let minutes = s / 60;
    let hours = (s as f64 / 3600.0).round() as i64;
    let days = s / 86400;
    if s < 1 {
        "Less than a second".into()
    } else if s == 1 {
        "1 second".into()
    } else if s < 60 {
        format!("{s} seconds")
    } else if minutes == 1 {
        "About a minute".into()
    } else if minutes < 60 {
        format!("{minutes} minutes")
    } else if hours == 1 {
        "About an hour".into()
    } else if hours < 48 {
        format!("{hours} hours")
    } else if days < 14 {
        format!("{days} days")
    } else if days < 90 {
        format!("{} weeks", days / 7)
    } else if days < 730 {
        format!("{} months", days / 30)
    } else {
        format!("{} years", days / 365)
    }
}

/// `2 months ago` for an RFC 3339 timestamp, relative to now.
pub fn since(rfc3339: &str) -> String {
    match chrono::DateTime::parse_from_rfc3339(rfc3339) {
        Ok(t) => {
            format!("{} ago", duration((chrono::Utc::now() - t.with_timezone(&chrono::Utc)).num_seconds()))
        }
        Err(_) => "unknown".into(),
    }
}

/// Parses a time given as `--since`/`--until`/`until=`: RFC 3339, a Unix timestamp, or a
/// duration before now (`10m`).
pub fn parse_time(flag: &str, text: &str) -> anyhow::Result<chrono::DateTime<chrono::FixedOffset>> {
    if let Ok(t) = chrono::DateTime::parse_from_rfc3339(text) {
        return Ok(t);
    }
    if let Ok(secs) = text.parse::<f64>() {
        let nanos = (secs * 1e9) as i64;
        return Ok(chrono::DateTime::from_timestamp_nanos(nanos).fixed_offset());
    }
    if let Ok(d) = humantime::parse_duration(text) {
        let d = chrono::Duration::from_std(d)?;
        return Ok((chrono::Utc::now() - d).fixed_offset());
    }
    anyhow::bail!(
        "invalid {flag} {text:?}: use an RFC 3339 time (2026-01-02T15:04:05Z), a Unix timestamp or a duration such as 10m"
    )
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn sizes() {
        assert_eq!(size(0), "0 B");
        assert_eq!(size(999), "999 B");
        assert_eq!(size(4_470_000), "4.47 MB");
        assert_eq!(size(1_000_000), "1 MB");
        assert_eq!(size(12_345_678_901), "12.3 GB");
    }

    #[test]
    fn durations() {
        assert_eq!(duration(0), "Less than a second");
        assert_eq!(duration(45), "45 seconds");
        assert_eq!(duration(90), "About a minute");
        assert_eq!(duration(3600), "About an hour");
        assert_eq!(duration(5 * 3600), "5 hours");
        assert_eq!(duration(3 * 86400), "3 days");
        assert_eq!(duration(20 * 86400), "2 weeks");
        assert_eq!(duration(100 * 86400), "3 months");
        assert_eq!(duration(800 * 86400), "2 years");
    }
}
