//! Stored times (RFC 3339 UTC, as [`super::now_rfc3339`] writes them) shown as people
//! read them: local time to the minute.

use time::format_description::well_known::Rfc3339;
use time::{OffsetDateTime, UtcOffset};

/// Which clock a time is shown on.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Zone {
    /// The machine's local time, with the offset in force at that instant (a July time
    /// keeps summer time in December). UTC, marked so, when the system cannot tell.
    Local,
    /// A fixed offset from UTC.
    Fixed(UtcOffset),
}

/// A stored time as `YYYY-MM-DD HH:MM` on `zone`'s clock; a value that is not an
/// RFC 3339 time is shown as it is rather than hidden.
pub fn local_time(at: &str, zone: Zone) -> String {
    let Ok(utc) = OffsetDateTime::parse(at, &Rfc3339) else {
        return at.to_owned();
    };
    let (offset, suffix) = match zone {
        Zone::Fixed(offset) => (offset, ""),
        Zone::Local => match UtcOffset::local_offset_at(utc) {
            Ok(offset) => (offset, ""),
            Err(_) => (UtcOffset::UTC, " UTC"),
        },
    };
    let t = utc.to_offset(offset);
    format!(
        "{:04}-{:02}-{:02} {:02}:{:02}{suffix}",
        t.year(),
        u8::from(t.month()),
        t.day(),
        t.hour(),
        t.minute()
    )
}

#[cfg(test)]
mod tests {
    use super::*;

    fn at(hours: i8) -> Zone {
        Zone::Fixed(UtcOffset::from_hms(hours, 0, 0).unwrap())
    }

    #[test]
    fn stored_times_show_to_the_minute_at_an_offset() {
        let table = [
            ("2026-11-28T06:40:53.002Z", at(0), "2026-11-28 06:40"),
            ("2026-11-28T06:40:53.002Z", at(1), "2026-11-28 07:40"),
            ("2026-07-01T23:30:00.000Z", at(2), "2026-07-02 01:30"),
            ("2026-01-01T00:10:00Z", at(-5), "2025-12-31 19:10"),
            ("2026-11-28T06:40:59.999Z", at(0), "2026-11-28 06:40"),
        ];
        for (stored, zone, shown) in table {
            assert_eq!(local_time(stored, zone), shown, "{stored} at {zone:?}");
        }
    }

    #[test]
    fn what_is_not_a_time_is_shown_as_stored() {
        assert_eq!(local_time("2026-11-28", at(1)), "2026-11-28");
        assert_eq!(local_time("", Zone::Local), "");
    }

    #[test]
    fn local_time_has_the_same_shape() {
        let shown = local_time("2026-11-28T06:40:53.002Z", Zone::Local);
        let digits: String = shown.chars().take(16).collect();
        assert_eq!(digits.len(), 16, "{shown}");
        assert!(
            shown == digits || shown == format!("{digits} UTC"),
            "{shown}"
        );
        assert_eq!(&shown[4..5], "-");
        assert_eq!(&shown[10..11], " ");
    }
}
