//! The one catalogue of user-visible strings, in Polish and English.
//!
//! Every string the interface shows comes from here (card and session texts aside), so
//! a translation is one place to edit and a missing one is a compile error.

use crate::model::{CardKind, DecisionOutcome, FieldError, Problem, SessionKind};

use crate::model::Lang;

/// Declares the message keys with their Polish and English texts.
macro_rules! catalogue {
    ($($key:ident => $pl:literal, $en:literal;)+) => {
        /// A message key; `tr` gives its text in a language.
        #[derive(Debug, Clone, Copy, PartialEq, Eq)]
        pub enum T { $($key),+ }

        impl T {
            pub fn tr(self, lang: Lang) -> &'static str {
                match (self, lang) {
                    $((T::$key, Lang::Pl) => $pl, (T::$key, Lang::En) => $en,)+
                }
            }
        }
    };
}

catalogue! {
    Sessions => "Sesje", "Sessions";
    NoSessions => "Brak sesji. Naciśnij n, aby dodać pierwszą.", "No sessions yet. Press n to add the first one.";
    ConsultationTitle => "Nazwa konsultacji", "Name of the consultation";
    ConsultationTitleHint => "np. Budżet obywatelski 2027 — zasady · Enter zapisz", "e.g. Participatory budget 2027 — rules · Enter saves";
    Votes => "głosy", "votes";
    AllSessions => "Cała konsultacja", "Whole consultation";
    NoSession => "(bez sesji)", "(no session)";
    Loading => "Wczytywanie…", "Loading…";
    NoCards => "Brak kart. Naciśnij a, aby dodać kartę.", "No cards. Press a to add one.";
    NoMatches => "Nic nie pasuje do filtra.", "Nothing matches the filter.";
    Filter => "Filtr", "Filter";
    FilterHint => "k:p #tag s:sesja t:temat d:przyjęta słowa", "k:p #tag s:session t:topic d:adopted words";
    Sort => "Kolejność", "Sort";
    SortEntry => "wg wpisania", "as entered";
    SortNewest => "najnowsze", "newest";
    SortVotes => "wg głosów", "by votes";
    SortKind => "wg rodzaju", "by kind";
    Capture => "Nowa karta", "New card";
    CaptureHint => "p: tekst #tag @rola · Tab rodzaj · Enter zapisz", "p: text #tag @role · Tab kind · Enter save";
    OnlyTags => "Nie zapisano: są tylko rodzaj, tagi lub rola — dopisz treść karty", "Not saved: only a kind, tags or a role — type the card's text too";
    Saved => "Zapisano", "Saved";
    Deleted => "Usunięto", "Deleted";
    Undone => "Cofnięto", "Undone";
    Redone => "Przywrócono", "Redone";
    NothingToUndo => "Nie ma czego cofnąć", "Nothing to undo";
    NothingToRedo => "Nie ma czego przywrócić", "Nothing to redo";
    NoCardSelected => "Nie wybrano karty", "No card selected";
    PickSessionFirst => "Najpierw wybierz lub dodaj sesję", "Pick or add a session first";
    Error => "Błąd", "Error";
    Search => "Szukaj", "Search";
    SearchHint => "Wpisz słowa; litery polskie są dowolne (lodz = Łódź)", "Type words; Polish letters optional (lodz = Łódź)";
    Found => "znaleziono", "found";
    Help => "Pomoc", "Help";
    HelpClose => "Esc lub ? zamyka", "Esc or ? closes";
    Detail => "Karta", "Card";
    Kind => "Rodzaj", "Kind";
    Text => "Tekst", "Text";
    Session => "Sesja", "Session";
    Activity => "Aktywność", "Activity";
    Speaker => "Rola", "Role";
    Tags => "Tagi", "Tags";
    Topic => "Temat", "Topic";
    Decision => "Decyzja", "Decision";
    Created => "Dodano", "Added";
    EditCard => "Edycja karty", "Edit card";
    NewSession => "Nowa sesja", "New session";
    EditSession => "Edycja sesji", "Edit session";
    Title => "Tytuł", "Title";
    Date => "Data (RRRR-MM-DD)", "Date (YYYY-MM-DD)";
    Place => "Miejsce", "Place";
    Facilitator => "Prowadzący", "Facilitator";
    Participants => "Uczestnicy (liczba)", "Participants (count)";
    Activities => "Aktywności (po przecinku)", "Activities (comma-separated)";
    FormHint => "Tab pole · ←/→ rodzaj · Enter zapisz · Esc anuluj", "Tab field · ←/→ kind · Enter save · Esc cancel";
    NotANumber => "to nie jest liczba", "not a number";
    AtLeastOneTopic => "liczba tematów: co najmniej 1 (puste: automatycznie)", "number of topics: at least 1 (empty: automatic)";
    NotADate => "to nie jest data RRRR-MM-DD", "not a date YYYY-MM-DD";
    Required => "pole wymagane", "required";
    Timer => "Czas", "Timer";
    TimerPrompt => "Minuty na aktywność", "Minutes for the activity";
    TimeUp => "KONIEC CZASU", "TIME'S UP";
    Paused => "pauza", "paused";
    Projector => "Tryb rzutnika", "Projector mode";
    Quit => "Wyjście", "Quit";
    Board => "Tablica tematów", "Topic board";
    Unsorted => "(bez tematu)", "(unsorted)";
    NoTopics => "Brak tematów. Naciśnij c, aby pogrupować karty.", "No topics yet. Press c to cluster the cards.";
    NoCardsInTopic => "Brak kart w tym temacie.", "No cards in this topic.";
    Similar => "Podobne", "Similar";
    Clustering => "Grupowanie", "Clustering";
    ClusterTitle => "Grupowanie kart", "Cluster cards";
    Scope => "Zakres", "Scope";
    TopicCount => "Liczba tematów (puste = sama)", "Number of topics (empty = auto)";
    Seeds => "Zalążki z konspektu", "Seed with outline";
    Yes => "tak", "yes";
    No => "nie", "no";
    ScopeAll => "cała konsultacja", "whole consultation";
    ScopeSession => "bieżąca sesja", "current session";
    ScopeTopic => "ten temat", "this topic";
    Proposal => "Propozycja grupowania", "Clustering proposal";
    Discarded => "Odrzucono propozycję", "Proposal discarded";
    Applied => "Zastosowano propozycję", "Proposal applied";
    NothingChosen => "Nie zaznaczono żadnego tematu", "No topic is marked";
    PlanMoves => "Przenosi", "Moves";
    PlanNew => "nowe tematy", "new topics";
    PlanRetired => "wycofane tematy", "retired topics";
    PlanStay => "Zostają", "Stay";
    PlanAll => "a (wszystkie tematy)", "a (all topics)";
    PlanNothing => "Nic się nie zmienia", "Nothing changes";
    KeptPinned => "przypięte", "pinned";
    KeptPlaced => "umieszczone ręcznie", "placed by hand";
    KeptDecided => "temat z decyzją", "decided topic";
    KeptMapped => "temat w konspekcie", "mapped topic";
    KeptByHand => "temat ręczny", "hand-made topic";
    ToUnsorted => "Wracają do nieposortowanych", "Back to unsorted";
    NewMark => "nowy", "new";
    NotMade => "nie powstaje: karty zostają", "not made: its cards stay";
    StayPut => "zostaje", "stay";
    ProposalCards => "tab: wszystkie karty · w: słowa kluczowe", "tab: all cards · w: keywords";
    ClusterFailed => "Grupowanie nie powiodło się", "Clustering failed";
    MoveTo => "Przenieś do tematu", "Move to topic";
    MergeInto => "Połącz z tematem", "Merge into topic";
    NewTopic => "(+ nowy temat)", "(+ new topic)";
    CreateTopic => "+ utwórz temat", "+ create topic";
    NewTopicLabel => "Nazwa nowego tematu", "New topic's label";
    RenameTopic => "Nowa nazwa tematu", "New topic label";
    SplitTopicLabel => "Temat dla zaznaczonych kart", "Topic for the marked cards";
    PickTopicFirst => "Najpierw wybierz temat", "Pick a topic first";
    MarkTwoCards => "Zaznacz (spacja) co najmniej dwie karty", "Mark (space) at least two cards";
    BoardSaved => "Zapisano zmianę tematów", "Topic change saved";
    CardsMerged => "Scalono karty w", "Cards merged into";
    CardSplit => "Podzielono kartę na", "Card split into";
    Decided => "Zapisano decyzję", "Decision recorded";
    OutlineSaved => "Zapisano konspekt", "Outline saved";
    MergeCardsTitle => "Scalanie kart", "Merge cards";
    SplitCardTitle => "Podział karty", "Split card";
    MergedText => "Tekst po scaleniu", "Merged text";
    VotePolicy => "Głosy", "Votes";
    PolicySum => "suma", "sum";
    PolicyMax => "maksimum", "max";
    PolicySeparate => "osobno", "keep separate";
    Why => "Powód", "Why";
    Part1 => "Część 1", "Part 1";
    Part2 => "Część 2", "Part 2";
    VotesToPart1 => "Głosy części 1 (reszta → 2)", "Votes to part 1 (rest → 2)";
    DecideTitle => "Decyzja grupy roboczej", "Working-group decision";
    Outcome => "Rozstrzygnięcie", "Outcome";
    Rationale => "Uzasadnienie", "Rationale";
    VotesFor => "Głosy za", "Votes for";
    VotesAgainst => "Głosy przeciw", "Votes against";
    VotesAbstain => "Wstrzymało się", "Abstained";
    DecisionLog => "Rejestr decyzji", "Decision log";
    NoDecisions => "Brak decyzji.", "No decisions yet.";
    AllOutcomes => "wszystkie", "all";
    Retracted => "wycofana", "retracted";
    Superseded => "zastąpiona", "superseded";
    OutlineTitle => "Konspekt uchwały", "Resolution outline";
    Mapping => "Przypisywane", "Mapping";
    NothingToMap => "Otwórz konspekt z tablicy, wybrawszy temat lub kartę", "Open the outline from the board with a topic or card selected";
    SectionHeading => "Nagłówek sekcji", "Section heading";
    SectionDraft => "Treść projektu", "Draft text";
    NewSectionTitle => "Nagłówek nowej sekcji", "New section heading";
    NumbersAreAutomatic => "Numeracja jest automatyczna; numer wpisany na początku pominięto", "Units are numbered automatically; the number typed in front was left out";
    EditorHint => "Enter — nowy wiersz · Ctrl+S lub F2 — zapisz · Esc — anuluj", "Enter — new line · Ctrl+S or F2 — save · Esc — cancel";
    EditorDiscard => "Porzucić zmiany? Esc — porzuć, Ctrl+S — zapisz", "Discard the changes? Esc — discard, Ctrl+S — save";
    EditorEmpty => "Wpisz treść jednostki", "Type the unit's text";
    UnitsWithText => "jednostki z tekstem", "units with text";
    InAll => "razem", "in all";
    DeleteLoses => "utracisz", "this loses";
    EditorIn => "nowa jednostka w", "new unit in";
    EditorAfter => "nowa jednostka po", "new unit after";
    DeleteUnitTitle => "Usunąć jednostkę?", "Delete the unit?";
    DeleteUnitHint => "Enter — usuń · Esc — zostaw (u cofa)", "Enter — delete · Esc — keep (u undoes)";
    NoChildLevel => "Tiret nie ma jednostek niższego rzędu", "A tiret holds no units below it";
    Mapped => "Przypisane", "Mapped";
    Sources => "przyjęte", "adopted";
    CoverageTitle => "Pokrycie konspektu", "Outline coverage";
    Uncovered => "Sekcje bez przyjętej rekomendacji", "Sections with no adopted recommendation";
    UnmappedAdopted => "Przyjęte karty niewykorzystane w żadnym przepisie", "Adopted cards not used in any provision";
    EmptyProvisions => "Przepisy bez treści i bez źródeł", "Provisions with neither text nor sources";
    UndecidedCards => "Karty bez decyzji", "Cards without a decision";
    CardFates => "Losy kart", "Fates of the cards";
    None => "(brak)", "(none)";
    MergeDbTitle => "Scal bazę innego trenera", "Merge another trainer's database";
    DbPath => "Plik .db", "File .db";
    ConflictsTitle => "Karty zmienione po obu stronach", "Cards changed on both sides";
    OnConflict => "Rozstrzygnij", "Resolve";
    KeepMine => "zostaw moje", "keep mine";
    KeepTheirs => "weź ich", "take theirs";
    KeepBoth => "zachowaj oba", "keep both";
    Mine => "moja", "mine";
    Theirs => "ich", "theirs";
    MergedTitle => "Scalono bazę", "Database merged";
    NothingNew => "Nic nowego — bazy były już scalone", "Nothing new — the databases were already merged";
    SumSessions => "sesje", "sessions";
    SumCardsAdded => "nowe karty", "cards added";
    SumCardsUpdated => "zaktualizowane karty", "cards updated";
    SumEvents => "zdarzenia historii", "history events";
    SumTopics => "tematy", "topics";
    SumPlacements => "przypisania do tematów", "topic placements";
    SumDecisions => "decyzje", "decisions";
    SumSections => "sekcje konspektu", "outline sections";
    SumSettings => "ustawienia konsultacji", "consultation settings";
    History => "Historia", "History";
    MergedInto => "scalona w", "merged into";
    MergedFrom => "powstała ze scalenia", "merged from";
    SplitInto => "podzielona na", "split into";
    SplitFrom => "wydzielona z", "split from";
    Unmerged => "scalenie cofnięte", "merge undone";
    Unsplit => "podział cofnięty", "split undone";
    Pinned => "przypięta", "pinned";
    ExportTitle => "Eksport", "Export";
    SettingsTitle => "Ustawienia konsultacji", "Consultation settings";
    SettingsHint => "Tab pole · ←/→ wybór · puste = propozycja · Enter zapisz", "Tab field · ←/→ choice · empty = proposal · Enter save";
    SettingsProposedHint => "propozycja z miasta i organu — sprawdź, popraw w razie potrzeby", "proposed from the city and organ — check it, correct if needed";
    SettingsDefaultHint => "do uzupełnienia — wpisz właściwą wartość lub zostaw", "to be filled in — type the real value or leave it";
    SettingsSaved => "Zapisano ustawienia konsultacji", "Consultation settings saved";
    SetCity => "Miasto", "City";
    SetCityGenitive => "Miasto (dopełniacz)", "City (genitive)";
    SetExecutive => "Organ wykonawczy", "Executive";
    SetCouncil => "Rada", "Council";
    SetCouncilGenitive => "Rada (dopełniacz)", "Council (genitive)";
    SetExecutiveDative => "Organ (celownik)", "Executive (dative)";
    SetNumber => "Nr uchwały", "Resolution no.";
    SetDate => "Data uchwały", "Resolution date";
    SetYear => "Rok edycji", "Edition year";
    SetTextLang => "Język treści", "Text language";
    SetJournal => "Dz. U. ustawy", "Act's Dz. U.";
    SetVoivodeship => "Województwo", "Voivodeship";
    SetParagraphStyle => "Układ §", "§ layout";
    StyleCentred => "§ wyśrodkowany", "§ centred";
    StyleInline => "§ w wierszu", "§ inline";
    UnknownVoivodeship => "nieznane (np. śląskie)", "unknown (e.g. śląskie)";
    TooLong => "za długie (do 200 znaków)", "too long (200 characters at most)";
    DialogHint => "Tab pole · ←/→ wybór · Enter zapisz · Esc anuluj", "Tab field · ←/→ choice · Enter save · Esc cancel";
    Format => "Format", "Format";
    TargetFile => "Plik docelowy", "Target file";
    AskOverwrite => "istnieje — Enter nadpisze, Esc anuluje", "exists — Enter replaces it, Esc cancels";
    ExportedTitle => "Zapisano plik", "File written";
    ScopeReport => "raport z sesji", "session report";
    ScopeConsultationReport => "raport z konsultacji", "consultation report";
    // Labels of the bindable actions, for the footer and the help overlay.
    ActQuit => "wyjście", "quit";
    ActUp => "w górę", "up";
    ActDown => "w dół", "down";
    ActPageUp => "strona w górę", "page up";
    ActPageDown => "strona w dół", "page down";
    ActTop => "początek", "top";
    ActBottom => "koniec", "bottom";
    ActAdd => "dodaj kartę", "add card";
    ActSave => "zapisz", "save";
    ActCancel => "anuluj/zamknij", "cancel/close";
    ActSearch => "szukaj", "search";
    ActHelp => "pomoc", "help";
    ActOpen => "otwórz", "open";
    ActEdit => "edytuj", "edit";
    ActDelete => "usuń", "delete";
    ActVoteUp => "głos +1", "vote +1";
    ActVoteDown => "głos −1", "vote −1";
    ActUndo => "cofnij", "undo";
    ActRedo => "ponów", "redo";
    ActSessions => "sesje", "sessions";
    ActNewSession => "nowa sesja", "new session";
    ActNextKind => "następny rodzaj", "next kind";
    ActPrevKind => "poprzedni rodzaj", "previous kind";
    ActNextField => "następne pole", "next field";
    ActPrevField => "poprzednie pole", "previous field";
    ActToggleScope => "sesja/całość", "session/all";
    ActCycleSort => "kolejność", "sort";
    ActFilter => "filtr", "filter";
    ActClearFilter => "wyczyść filtr", "clear filter";
    ActNextActivity => "aktywność", "activity";
    ActProjector => "rzutnik", "projector";
    ActTimerToggle => "czas start/pauza", "timer start/pause";
    ActTimerSet => "ustaw czas", "set timer";
    ActTimerReset => "zeruj czas", "reset timer";
    ActBoard => "tablica tematów", "topic board";
    ActMark => "zaznacz", "mark";
    ActSwitchPane => "tematy/karty", "topics/cards";
    ActMove => "przenieś do tematu", "move to topic";
    ActRename => "zmień nazwę", "rename";
    ActMergeTopics => "połącz tematy", "merge topics";
    ActSplitTopic => "podziel temat", "split topic";
    ActPin => "przypnij/odepnij", "pin/unpin";
    ActKeywords => "słowa kluczowe", "keywords";
    ActCluster => "grupuj", "cluster";
    ActMergeCards => "scal karty", "merge cards";
    ActSplitCard => "rozdziel kartę", "split card";
    ActDecide => "decyzja", "decide";
    ActDecisions => "rejestr decyzji", "decision log";
    ActOutline => "konspekt uchwały", "resolution outline";
    ActCoverage => "pokrycie", "coverage";
    ActMergeDb => "scal bazę", "merge database";
    ActMap => "przypisz do sekcji", "map to section";
    ActUnmap => "odłącz od sekcji", "unmap";
    ActNewSection => "dodaj jednostkę za", "add unit after";
    ActAddChild => "dodaj jednostkę niżej", "add unit below";
    ActMoveUp => "przesuń w górę", "move up";
    ActMoveDown => "przesuń w dół", "move down";
    ActAccept => "przyjmij zaznaczone", "accept marked";
    ActAcceptAll => "przyjmij wszystko", "accept all";
    ActDiscard => "odrzuć", "discard";
    ActExport => "eksport", "export";
    ActSettings => "ustawienia", "settings";
    ActRoomToggle => "pokój uczestników", "participants' room";
    ActRoomFocus => "lista/kolejka", "list/queue";
    ActRoomAccept => "przyjmij", "accept";
    ActRoomReject => "odrzuć", "reject";
    ActRoomMerge => "dołącz do karty", "join a card";
    ActRoomAcceptAll => "przyjmuj wszystko", "accept all";
    ActOpenRound => "otwórz głosowanie", "open voting";
    ActCloseRound => "zamknij głosowanie", "close voting";
    FootRoom => "QR", "QR";
    FootAdd => "dodaj", "add card";
    RoomTitle => "Pokój", "Room";
    RoomWaiting => "czeka", "waiting";
    RoomStarting => "Uruchamianie…", "Starting…";
    JoinCode => "Kod:", "Code:";
    AcceptAllOn => "Przyjmowanie wszystkiego: wł. (a)", "Accept all: on (a)";
    AcceptAllOff => "Przyjmowanie wszystkiego: wył. (a)", "Accept all: off (a)";
    RoundOpen => "Głosowanie otwarte", "Voting open";
    DotsEach => "kropki na osobę", "dots each";
    QueueEmpty => "Kolejka jest pusta.", "The queue is empty.";
    RoomEditTitle => "Przyjmij z poprawkami", "Accept with edits";
    RoomMergeTitle => "Dołącz do karty", "Join a card";
    RoomMergeHint => "numer karty, np. #12 · Enter dołącz", "card number, e.g. #12 · Enter joins";
    RoundDotsTitle => "Kropki na osobę", "Dots per person";
    RoundDotsHint => "3 — karty sesji; 3 #12 #14 — tylko te; 3 Głosowanie — karty tematu · Enter", "3 — the session's cards; 3 #12 #14 — only these; 3 Voting — a topic's · Enter";
    RoundAlreadyOpen => "Głosowanie jest już otwarte; zamknij je (c)", "Voting is open already; close it (c)";
    NoRoundOpen => "Żadne głosowanie nie jest otwarte", "No voting is open";
    RoomNeedsSession => "Pokój otwiera się dla sesji: wybierz sesję", "The room opens for a session: pick one";
    RoomDecided => "Rozpatrzono", "Decided";
    RoundClosed => "Głosowanie zamknięte, dodano kropki", "Voting closed, dots added";
    CoveredInPart => "(częściowo pokryty)", "(partly covered)";
    ForTopic => "dla całego tematu", "for the whole topic";
    HelpScroll => "j/k ↕ · Esc lub ? zamyka", "j/k ↕ · Esc or ? closes";
    // Shorter action labels for the footer.
    FootBoard => "tablica", "board";
    FootTimerSet => "czas", "timer";
    ProjectorMark => "RZUTNIK", "PROJECTOR";
}

/// Countable things shown with a number.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Noun {
    Card,
    Vote,
    Topic,
    /// Adopted cards ("3 przyjęte").
    Adopted,
    /// Units of the outline (§, ust., pkt…).
    Unit,
}

/// `n` with the right plural form: Polish has three (1 karta, 2 karty, 5 kart).
pub fn count(n: i64, noun: Noun, lang: Lang) -> String {
    let (one, few, many) = match (noun, lang) {
        (Noun::Card, Lang::Pl) => ("karta", "karty", "kart"),
        (Noun::Vote, Lang::Pl) => ("głos", "głosy", "głosów"),
        (Noun::Card, Lang::En) => ("card", "cards", "cards"),
        (Noun::Vote, Lang::En) => ("vote", "votes", "votes"),
        (Noun::Topic, Lang::Pl) => ("temat", "tematy", "tematów"),
        (Noun::Topic, Lang::En) => ("topic", "topics", "topics"),
        (Noun::Adopted, Lang::Pl) => ("przyjęta", "przyjęte", "przyjętych"),
        (Noun::Adopted, Lang::En) => ("adopted", "adopted", "adopted"),
        (Noun::Unit, Lang::Pl) => ("jednostka", "jednostki", "jednostek"),
        (Noun::Unit, Lang::En) => ("unit", "units", "units"),
    };
    let word = match (lang, n.unsigned_abs()) {
        (_, 1) => one,
        (Lang::Pl, m) if (2..=4).contains(&(m % 10)) && !(12..=14).contains(&(m % 100)) => few,
        (Lang::En | Lang::Pl, _) => many,
    };
    format!("{n} {word}")
}

/// Display name of a card kind (the model's, which the capture line also reads).
pub fn kind_name(k: CardKind, lang: Lang) -> &'static str {
    k.name(lang)
}

/// A four-letter badge for a card kind, for narrow list columns.
pub fn kind_badge(k: CardKind, lang: Lang) -> &'static str {
    use CardKind::{Concern, Expectation, Other, Proposal, Question, Recommendation};
    match (k, lang) {
        (Recommendation, Lang::Pl) => "REKO",
        (Expectation, Lang::Pl) => "OCZE",
        (Proposal, Lang::Pl | Lang::En) => "PROP",
        (Concern, Lang::Pl) => "OBAW",
        (Question, Lang::Pl) => "PYTA",
        (Other, Lang::Pl) => "INNE",
        (Recommendation, Lang::En) => "RECO",
        (Expectation, Lang::En) => "EXPE",
        (Concern, Lang::En) => "CONC",
        (Question, Lang::En) => "QUES",
        (Other, Lang::En) => "OTHR",
    }
}

pub fn session_kind_name(k: SessionKind, lang: Lang) -> &'static str {
    use SessionKind::{Advisory, Other, Training, WorkingGroup};
    match (k, lang) {
        (Training, Lang::Pl) => "szkolenie",
        (WorkingGroup, Lang::Pl) => "grupa robocza",
        (Advisory, Lang::Pl) => "spotkanie doradcze",
        (Other, Lang::Pl) => "inne",
        (Training, Lang::En) => "training",
        (WorkingGroup, Lang::En) => "working group",
        (Advisory, Lang::En) => "advisory meeting",
        (Other, Lang::En) => "other",
    }
}

/// A decision's outcome in words (the model's, which the command line also prints).
pub fn decision_name(d: DecisionOutcome, lang: Lang) -> &'static str {
    d.name(lang)
}

/// A clustering stage, for the board's header while a run is under way.
pub fn stage_name(s: crate::cluster::Stage, lang: Lang) -> &'static str {
    use crate::cluster::Stage::{ChooseK, Cluster, Done, Label, Tokenize, Vectors};
    match (s, lang) {
        (Tokenize, Lang::Pl) => "słowa",
        (Vectors, Lang::Pl) => "wektory",
        (ChooseK, Lang::Pl) => "liczba tematów",
        (Cluster, Lang::Pl) => "grupowanie",
        (Label, Lang::Pl) => "nazwy",
        (Done, Lang::Pl) => "gotowe",
        (Tokenize, Lang::En) => "words",
        (Vectors, Lang::En) => "vectors",
        (ChooseK, Lang::En) => "number of topics",
        (Cluster, Lang::En) => "clustering",
        (Label, Lang::En) => "labels",
        (Done, Lang::En) => "done",
    }
}

/// A one-cell badge for a decision, for narrow rows.
pub fn decision_badge(d: Option<DecisionOutcome>) -> &'static str {
    use DecisionOutcome::{Adopted, AdoptedInPart, Postponed, Rejected};
    match d {
        Some(Adopted) => "✔",
        Some(AdoptedInPart) => "◑",
        Some(Rejected) => "✘",
        Some(Postponed) => "…",
        None => " ",
    }
}

/// A card field that is not acceptable, said in the interface's language.
pub fn field_error(e: &FieldError, lang: Lang) -> String {
    let field = match e.field {
        "text" => T::Text.tr(lang),
        "tags" => T::Tags.tr(lang),
        "speaker" => T::Speaker.tr(lang),
        "activity" => T::Activity.tr(lang),
        "votes" => T::Votes.tr(lang),
        other => other,
    };
    let problem = match (&e.problem, lang) {
        (Problem::Empty, Lang::Pl) => "brak tekstu".to_owned(),
        (Problem::Empty, Lang::En) => "no text".to_owned(),
        (Problem::TooLong { chars, limit }, Lang::Pl) => {
            format!("{chars} znaków, a najwięcej można {limit}")
        }
        (Problem::TooLong { chars, limit }, Lang::En) => {
            format!("{chars} characters, over the limit of {limit}")
        }
        (Problem::TagTooLong { tag, chars, limit }, Lang::Pl) => {
            format!("tag #{tag} ma {chars} znaków, a najwięcej można {limit}")
        }
        (Problem::TagTooLong { tag, chars, limit }, Lang::En) => {
            format!("tag #{tag} has {chars} characters, over the limit of {limit}")
        }
        (Problem::TooManyTags { count, limit }, Lang::Pl) => {
            format!("tagów jest {count}, a najwięcej można {limit}")
        }
        (Problem::TooManyTags { count, limit }, Lang::En) => {
            format!("{count} tags, over the limit of {limit}")
        }
        (Problem::VotesOutOfRange { votes, limit }, Lang::Pl) => {
            format!("{votes} poza zakresem 0–{limit}")
        }
        (Problem::VotesOutOfRange { votes, limit }, Lang::En) => {
            format!("{votes} is outside 0–{limit}")
        }
    };
    format!("{field}: {problem}")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn polish_plurals_have_three_forms() {
        let pl = |n| count(n, Noun::Card, Lang::Pl);
        assert_eq!(
            [pl(1), pl(2), pl(5), pl(12), pl(22), pl(0)],
            [
                "1 karta", "2 karty", "5 kart", "12 kart", "22 karty", "0 kart"
            ]
        );
        assert_eq!(count(1, Noun::Vote, Lang::En), "1 vote");
        assert_eq!(count(3, Noun::Vote, Lang::Pl), "3 głosy");
        assert_eq!(count(21, Noun::Adopted, Lang::Pl), "21 przyjętych");
        assert_eq!(count(22, Noun::Adopted, Lang::Pl), "22 przyjęte");
    }

    #[test]
    fn every_key_has_both_languages() {
        assert_eq!(T::Sessions.tr(Lang::Pl), "Sesje");
        assert_eq!(T::Sessions.tr(Lang::En), "Sessions");
    }
}
