//! The timebox: a countdown for the current activity. Time comes in through `Tick`
//! actions (`App::now`), so the state stays testable and drawing stays pure.

use std::time::{Duration, Instant};

pub const DEFAULT_MINUTES: u64 = 10;

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Timer {
    pub total: Duration,
    /// Time counted before the last start.
    pub spent: Duration,
    pub started: Option<Instant>,
}

impl Default for Timer {
    fn default() -> Self {
        Timer {
            total: Duration::from_secs(DEFAULT_MINUTES * 60),
            spent: Duration::ZERO,
            started: None,
        }
    }
}

impl Timer {
    pub fn running(&self) -> bool {
        self.started.is_some()
    }

    /// Whether it was ever started since the last reset (an untouched timer is hidden).
    pub fn is_active(&self) -> bool {
        self.running() || !self.spent.is_zero()
    }

    fn elapsed(&self, now: Instant) -> Duration {
        self.spent
            + self
                .started
                .map_or(Duration::ZERO, |s| now.saturating_duration_since(s))
    }

    /// Seconds left; negative once time is up (shown as overtime).
    pub fn remaining_secs(&self, now: Instant) -> i64 {
        let total = i64::try_from(self.total.as_secs()).unwrap_or(i64::MAX);
        let spent = i64::try_from(self.elapsed(now).as_secs()).unwrap_or(i64::MAX);
        total - spent
    }

    pub fn toggle(&mut self, now: Instant) {
        match self.started.take() {
            Some(s) => self.spent += now.saturating_duration_since(s),
            None => self.started = Some(now),
        }
    }

    pub fn reset(&mut self) {
        self.spent = Duration::ZERO;
        self.started = None;
    }

    /// Sets the length and starts from zero (not running).
    pub fn set(&mut self, total: Duration) {
        self.total = total;
        self.reset();
    }

    /// `mm:ss`, with a minus sign in overtime.
    pub fn display(&self, now: Instant) -> String {
        let left = self.remaining_secs(now);
        let sign = if left < 0 { "-" } else { "" };
        let a = left.unsigned_abs();
        format!("{sign}{:02}:{:02}", a / 60, a % 60)
    }
}

/// Parses what the user typed as a length: `5` (minutes), `2:30`, `90s`.
pub fn parse_length(s: &str) -> Option<Duration> {
    let s = s.trim();
    if let Some(secs) = s.strip_suffix('s') {
        return secs.trim().parse().ok().map(Duration::from_secs);
    }
    let secs = match s.split_once(':') {
        Some((m, sec)) => m.trim().parse::<u64>().ok()? * 60 + sec.trim().parse::<u64>().ok()?,
        None => s.parse::<u64>().ok()? * 60,
    };
    (secs > 0 && secs <= 24 * 3600).then(|| Duration::from_secs(secs))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn counts_down_pauses_and_goes_into_overtime() {
        let t0 = Instant::now();
        let mut t = Timer::default();
        t.set(Duration::from_secs(90));
        assert_eq!(t.display(t0), "01:30");
        t.toggle(t0);
        assert_eq!(t.display(t0 + Duration::from_secs(30)), "01:00");
        t.toggle(t0 + Duration::from_secs(30));
        assert_eq!(t.display(t0 + Duration::from_secs(500)), "01:00");
        t.toggle(t0 + Duration::from_secs(500));
        assert_eq!(t.display(t0 + Duration::from_secs(565)), "-00:05");
        t.reset();
        assert!(!t.is_active());
    }

    #[test]
    fn lengths_parse() {
        assert_eq!(parse_length("5"), Some(Duration::from_mins(5)));
        assert_eq!(parse_length("2:30"), Some(Duration::from_secs(150)));
        assert_eq!(parse_length("90s"), Some(Duration::from_secs(90)));
        assert_eq!(parse_length("zero"), None);
        assert_eq!(parse_length("0"), None);
    }
}
