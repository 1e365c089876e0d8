//! How merging cards treats their dot votes.

/// How the dot votes of merged cards are combined.
#[derive(Debug, Clone, Copy, PartialEq, Eq, clap::ValueEnum, serde::Serialize)]
pub enum VotePolicy {
    /// The merged card gets the sum of the tallies.
    Sum,
    /// The merged card gets the highest single tally (the same people may have voted twice).
    Max,
    /// The merged card starts at zero; the originals keep their tallies on record.
    Separate,
}
