//! Fixed vocabulary of the documents in Polish and English: kinds, decisions and column
//! headers (the words of legal citations are in model's numbering). Longer fixed wording
//! lives in templates.

use crate::model::Lang;

/// The documents' vocabulary is export's business, so it is added to the domain's
/// language here rather than in model/.
impl Lang {
    pub fn labels(self) -> &'static Labels {
        match self {
            Lang::Pl => &PL,
            Lang::En => &EN,
        }
    }

    /// A card kind as printed in documents; unknown kinds are printed as stored.
    pub fn kind(self, kind: &str) -> String {
        let word = match (self, kind) {
            (Lang::Pl, "recommendation") => "rekomendacja",
            (Lang::Pl, "expectation") => "oczekiwanie",
            (Lang::Pl, "proposal") => "propozycja",
            (Lang::Pl, "concern") => "obawa",
            (Lang::Pl, "question") => "pytanie",
            (Lang::Pl, "other") => "inne",
            _ => kind,
        };
        word.to_string()
    }

    /// A decision outcome as printed in documents.
    pub fn outcome(self, outcome: &str) -> String {
        let word = match (self, outcome) {
            (Lang::Pl, "adopted") => "przyjęta",
            (Lang::Pl, "adopted_in_part") => "przyjęta częściowo",
            (Lang::Pl, "rejected") => "odrzucona",
            (Lang::Pl, "postponed") => "odłożona",
            (Lang::En, "adopted_in_part") => "adopted in part",
            _ => outcome,
        };
        word.to_string()
    }

    /// A session kind as printed in documents.
    pub fn session_kind(self, kind: &str) -> String {
        let word = match (self, kind) {
            (Lang::Pl, "training") => "szkolenie",
            (Lang::Pl, "working_group") => "grupa robocza",
            (Lang::Pl, "advisory") => "zespół doradczy",
            (Lang::Pl, "other") => "inne",
            (Lang::En, "working_group") => "working group",
            _ => kind,
        };
        word.to_string()
    }
}

/// Short fixed words; one instance per language.
#[derive(Debug)]
pub struct Labels {
    pub votes: &'static str,
    pub votes_for: &'static str,
    pub votes_against: &'static str,
    pub votes_abstain: &'static str,
    pub decision: &'static str,
    pub no_decision: &'static str,
    /// Before the reference of the row where a shared rationale was printed in full.
    pub same_rationale: &'static str,
    pub not_used: &'static str,
    pub to_complete: &'static str,
    /// Stands in a provision whose recommendations wait in the part below.
    pub to_draft: &'static str,
    pub to_draft_heading: &'static str,
    pub to_draft_intro: &'static str,
    pub notes_heading: &'static str,
    pub back_to_text: &'static str,
    pub col_reference: &'static str,
    pub col_text: &'static str,
    pub col_session: &'static str,
    pub col_kind: &'static str,
    pub col_topic: &'static str,
    pub col_decision: &'static str,
    pub col_fate: &'static str,
    pub uncovered: &'static str,
    pub empty_provisions: &'static str,
    pub unused_adopted: &'static str,
    pub undecided_cards: &'static str,
    pub card_fates: &'static str,
    pub nothing: &'static str,
    pub report_title: &'static str,
    pub report_counts: &'static str,
    pub report_topics: &'static str,
    pub report_cards: &'static str,
    pub report_count: &'static str,
    pub report_total: &'static str,
    pub report_participants: &'static str,
}

impl Labels {
    /// Headers of the source table, in the order of [`SourceRow::cells`](super::sources::SourceRow::cells).
    pub fn source_columns(&self) -> [&'static str; 7] {
        [
            self.col_reference,
            self.col_text,
            self.col_session,
            self.col_kind,
            self.col_topic,
            self.col_decision,
            self.col_fate,
        ]
    }
}

const PL: Labels = Labels {
    votes: "głosy",
    votes_for: "za",
    votes_against: "przeciw",
    votes_abstain: "wstrzymało się",
    decision: "decyzja",
    no_decision: "brak decyzji",
    same_rationale: "uzasadnienie jak przy",
    not_used: "—",
    to_complete: "[do uzupełnienia]",
    to_draft: "[do zredagowania — zob. „Rekomendacje do zredagowania”]",
    to_draft_heading: "Rekomendacje do zredagowania",
    to_draft_intro: "Przyjęte rekomendacje, propozycje i oczekiwania, których treści nie \
        zredagowano jeszcze jako przepisu, według jednostek uchwały. Ta część nie wchodzi \
        w skład uchwały; pytania i obawy są w zestawieniu uwag.",
    notes_heading: "Przypisy",
    back_to_text: "powrót do tekstu",
    col_reference: "Nr",
    col_text: "Treść uwagi",
    col_session: "Spotkanie",
    col_kind: "Rodzaj",
    col_topic: "Temat",
    col_decision: "Decyzja i uzasadnienie",
    col_fate: "Los uwagi",
    uncovered: "Rozdziały i paragrafy bez przyjętych rekomendacji",
    empty_provisions: "Przepisy bez treści i bez źródeł",
    unused_adopted: "Przyjęte uwagi niewykorzystane w żadnym przepisie",
    undecided_cards: "Uwagi bez decyzji",
    card_fates: "Losy uwag",
    nothing: "brak",
    report_title: "Raport ze spotkania",
    report_counts: "Uwagi według rodzaju",
    report_topics: "Najczęstsze tematy",
    report_cards: "Co stało się z każdą uwagą",
    report_count: "Liczba",
    report_total: "Razem",
    report_participants: "uczestników",
};

const EN: Labels = Labels {
    votes: "votes",
    votes_for: "for",
    votes_against: "against",
    votes_abstain: "abstaining",
    decision: "decision",
    no_decision: "no decision",
    same_rationale: "rationale as for",
    not_used: "—",
    to_complete: "[to be completed]",
    to_draft: "[to be drafted — see “Recommendations to be drafted”]",
    to_draft_heading: "Recommendations to be drafted",
    to_draft_intro: "Adopted recommendations, proposals and expectations not yet drafted as \
        provisions, by unit of the resolution. This part is not part of the resolution; \
        questions and concerns are in the table of comments.",
    notes_heading: "Notes",
    back_to_text: "back to text",
    col_reference: "Ref.",
    col_text: "Comment",
    col_session: "Session",
    col_kind: "Kind",
    col_topic: "Topic",
    col_decision: "Decision and rationale",
    col_fate: "What became of it",
    uncovered: "Chapters and § without adopted recommendations",
    empty_provisions: "Provisions with neither text nor sources",
    unused_adopted: "Adopted comments not used in any provision",
    undecided_cards: "Comments without a decision",
    card_fates: "What became of the comments",
    nothing: "none",
    report_title: "Session report",
    report_counts: "Comments by kind",
    report_topics: "Top topics",
    report_cards: "What happened to each comment",
    report_count: "Count",
    report_total: "Total",
    report_participants: "participants",
};

/// Words of the consultation report; one instance per language.
#[derive(Debug)]
pub struct ReportLabels {
    pub title: &'static str,
    pub as_of: &'static str,
    pub done: &'static str,
    pub said: &'static str,
    pub became: &'static str,
    pub col_session: &'static str,
    pub col_date: &'static str,
    pub col_place: &'static str,
    pub col_participants: &'static str,
    pub col_methods: &'static str,
    pub col_cards: &'static str,
    pub col_votes: &'static str,
    pub col_fate: &'static str,
    pub by_kind: &'static str,
    pub by_topic: &'static str,
    pub outcomes: &'static str,
    pub fates: &'static str,
    pub per_topic: &'static str,
    pub chart_cards: &'static str,
    pub chart_votes: &'static str,
    pub chart_outcomes: &'static str,
    /// Said under a chart image: the bars follow the table's rows.
    pub chart_note: &'static str,
    pub live_note: &'static str,
    pub no_topic: &'static str,
    pub topic_decision: &'static str,
}

impl Lang {
    pub fn report_labels(self) -> &'static ReportLabels {
        match self {
            Lang::Pl => &REPORT_PL,
            Lang::En => &REPORT_EN,
        }
    }
}

const REPORT_PL: ReportLabels = ReportLabels {
    title: "Raport z konsultacji",
    as_of: "Stan na",
    done: "Co zrobiliśmy",
    said: "Co usłyszeliśmy",
    became: "Co stało się z uwagami",
    col_session: "Spotkanie",
    col_date: "Data",
    col_place: "Miejsce",
    col_participants: "Uczestnicy",
    col_methods: "Metody i ćwiczenia",
    col_cards: "Uwagi",
    col_votes: "Głosy",
    col_fate: "Co się z nią stało",
    by_kind: "Uwagi według rodzaju",
    by_topic: "Uwagi i głosy według tematu",
    outcomes: "Rozstrzygnięcia według tematu",
    fates: "Los uwag",
    per_topic: "Każda uwaga i odpowiedź, według tematu",
    chart_cards: "Liczba uwag w tematach",
    chart_votes: "Liczba głosów w tematach",
    chart_outcomes: "Los uwag w tematach",
    chart_note: "Słupki idą w kolejności wierszy tabeli poniżej; liczby są w tabeli.",
    live_note: "Liczby uwag i głosów dotyczą uwag aktualnych: po scaleniach i podziałach, bez usuniętych.",
    no_topic: "Bez tematu",
    topic_decision: "Decyzja zespołu",
};

const REPORT_EN: ReportLabels = ReportLabels {
    title: "Consultation report",
    as_of: "As of",
    done: "What was done",
    said: "What was said",
    became: "What became of it",
    col_session: "Session",
    col_date: "Date",
    col_place: "Place",
    col_participants: "Participants",
    col_methods: "Methods and activities",
    col_cards: "Comments",
    col_votes: "Votes",
    col_fate: "What became of it",
    by_kind: "Comments by kind",
    by_topic: "Comments and votes by topic",
    outcomes: "Outcomes by topic",
    fates: "What became of the comments",
    per_topic: "Every comment and its response, by topic",
    chart_cards: "Comments per topic",
    chart_votes: "Votes per topic",
    chart_outcomes: "What became of the comments, per topic",
    chart_note: "The bars follow the rows of the table below; the numbers are in the table.",
    live_note: "Comment and vote counts are of the current comments: after merges and splits, without deleted ones.",
    no_topic: "No topic",
    topic_decision: "Working group's decision",
};

/// Kinds in the order documents list them.
pub const KINDS: &[&str] = &[
    "recommendation",
    "expectation",
    "proposal",
    "concern",
    "question",
    "other",
];

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn words_per_language() {
        assert_eq!(Lang::Pl.outcome("adopted_in_part"), "przyjęta częściowo");
        assert_eq!(Lang::En.outcome("adopted_in_part"), "adopted in part");
        assert_eq!(Lang::Pl.kind("concern"), "obawa");
        assert_eq!(Lang::Pl.kind("weird"), "weird");
        assert_eq!(Lang::Pl.session_kind("working_group"), "grupa robocza");
    }
}
