//! A domain lexicon of participatory-budget rules: the chapters of the council
//! resolution (submission, assessment, appeals, support lists, voting, results,
//! promotion, pools, implementation, …) with their synonyms and typical phrases.
//! A card that uses any of a concept's words or phrases also gets the concept as a
//! feature, so "oddawanie głosów" and "karta do głosowania" meet even when the cards
//! share no word. Words are written in plain Polish and stemmed like the cards, so
//! their other inflections match too; a phrase is two words joined by `+` (stop words
//! between them, as in "karta do głosowania", are skipped like in the cards).

use super::tokenize::{Analyzer, FastMap};
use crate::model::Lang;

/// (concept, its words and two-word phrases). Words shared by several chapters
/// ("głosowanie", "projekt", "termin" alone) are left out on purpose: a concept must
/// point at one chapter.
const POLISH: &[(&str, &str)] = &[
    (
        "zgłaszanie",
        "zgłoszenie zgłoszenia zgłaszanie zgłaszać zgłosić zgłaszający wnioskodawca \
         wnioskodawcy projektodawca projektodawcy współautor formularz formularza \
         formularz+zgłoszeniowy złożenie+projektu składanie+projektów składanie+wniosków \
         złożyć+projekt złożyć+wniosek autor+projektu",
    ),
    (
        "ocena",
        "ocena oceny ocenie ocenić oceniać oceniający weryfikacja weryfikacji weryfikować \
         weryfikujący merytoryczna merytoryczny formalna formalny kryteria kryterium \
         wykonalność opinia opiniujący kosztorys braki+formalne uzupełnienie+braków \
         ocena+formalna ocena+merytoryczna karta+oceny",
    ),
    (
        "odwołanie",
        "odwołanie odwołania odwołać odwoławczy odwoławcza odwoływać protest protestu \
         sprzeciw skarga rozpatrzenie rozpatrywać rozpatruje ponowna+weryfikacja \
         ponowne+rozpatrzenie ponowna+ocena tryb+odwoławczy",
    ),
    (
        "poparcie",
        "poparcie poparcia popierać poprzeć popierający podpis podpisy podpisów podpisami \
         podpisać lista+poparcia lista+podpisów karta+poparcia zbieranie+podpisów",
    ),
    (
        "uprawnieni do głosowania",
        "wiek wieku pełnoletni niepełnoletni małoletni nastolatek nastolatki młodzież \
         uprawniony uprawnieni prawo+głosu granica+wieku rok+życia lat+życia \
         ukończyć+lat zameldowany meldunek",
    ),
    (
        "sposób głosowania",
        "urna urny elektroniczny elektroniczne elektronicznie papierowy papierowa \
         papierowe online internetowy korespondencyjny punktowe karta+głosowania \
         oddawanie+głosów oddać+głos oddany+głos punkt+głosowania punkty+głosowania \
         system+głosowania liczenie+głosów metoda+głosowania głosowanie+elektroniczne \
         głosowanie+papierowe",
    ),
    (
        "wyniki",
        "wyniki wyników protokół ogłoszenie+wyników ustalenie+wyników lista+rankingowa \
         zwycięskie+projekty",
    ),
    (
        "promocja",
        "promocja promocji promocyjny promocyjna promować promujący kampania kampanii \
         informacyjna informacyjny informacyjne informowanie plakat plakaty ulotka ulotki \
         reklama media ogłoszenia broszura agitacja ambasador",
    ),
    (
        "pule i kwoty",
        "pula puli pule pulę kwota kwoty kwotę limit limity wysokość środki środków \
         pieniądze ogólnomiejski ogólnomiejska ogólnomiejskie dzielnicowy dzielnicowe \
         osiedlowa osiedlowe koszt+projektu podział+puli wydatków",
    ),
    (
        "zieleń i projekty miękkie",
        "zieleń zielony zielona zielone drzewa drzewo nasadzenia łąka łąki ogród ogrody \
         ekologiczny ekologiczne proekologiczne klimat klimatyczny retencja miękkie \
         miękkich nieinwestycyjne zajęcia warsztaty kursy bioróżnorodność",
    ),
    (
        "dostępność",
        "dostępność dostępności dostępny dostępna niepełnosprawność niepełnosprawnościami \
         niepełnosprawni niepełnosprawnych niewidomy niewidomych słabowidzący słabosłyszący \
         głuchy migowy bariera bariery barier wózek wózkach podjazd inkluzywność włączenie \
         wykluczeni wykluczonych projektowanie+uniwersalne wykluczenie+cyfrowe",
    ),
    (
        "realizacja",
        "realizacja realizacji realizować zrealizowany zrealizowane niezrealizowane \
         wykonanie wykonania wykonać wykonawca utrzymanie utrzymania trwałość przetarg \
         wdrażanie konserwacja naprawa odbiór opóźnienia",
    ),
    (
        "harmonogram",
        "harmonogram harmonogramu terminarz kalendarz etap etapy etapów nabór naboru \
         styczeń stycznia luty lutego marzec marca kwiecień kwietnia maj maja czerwiec \
         czerwca lipiec lipca sierpień sierpnia wrzesień września październik października \
         listopad listopada grudzień grudnia wakacje tydzień tygodni",
    ),
    (
        "ewaluacja",
        "ewaluacja ewaluacji ewaluacyjny ewaluacyjne ankieta ankiety badanie badania \
         podsumowanie podsumowujący frekwencja frekwencji monitoring wskaźniki \
         satysfakcja przegląd analiza wnioski+z+ewaluacji",
    ),
];

/// The lexicon keyed by folded stems.
pub(super) struct Lexicon {
    /// Concept names; a concept's feature key is `@` + its index.
    pub names: Vec<&'static str>,
    words: FastMap<String, u16>,
    /// First word's key → second word's key → concept (looked up per adjacent
    /// pair of words, so without building a key).
    pairs: FastMap<String, FastMap<String, u16>>,
}

impl Lexicon {
    /// The lexicon for `lang` (empty for languages without one).
    pub(super) fn new(lang: Lang, an: &Analyzer) -> Self {
        let mut lex = Lexicon {
            names: Vec::new(),
            words: FastMap::default(),
            pairs: FastMap::default(),
        };
        if lang != Lang::Pl {
            return lex;
        }
        for (c, (name, entries)) in POLISH.iter().enumerate() {
            lex.names.push(name);
            let c = c as u16;
            for entry in entries.split_whitespace() {
                let keys: Vec<String> = entry
                    .split('+')
                    .filter_map(|w| an.term(&w.to_lowercase()))
                    .collect();
                match keys.as_slice() {
                    [one] => {
                        lex.words.entry(one.clone()).or_insert(c);
                    }
                    [a, .., b] => {
                        lex.pairs
                            .entry(a.clone())
                            .or_default()
                            .entry(b.clone())
                            .or_insert(c);
                    }
                    [] => {}
                }
            }
        }
        lex
    }

    /// The concept of a single word's term key.
    pub(super) fn word(&self, key: &str) -> Option<u16> {
        self.words.get(key).copied()
    }

    /// The concept of two adjacent content words' term keys.
    pub(super) fn pair(&self, a: &str, b: &str) -> Option<u16> {
        self.pairs.get(a)?.get(b).copied()
    }

    pub(super) fn is_empty(&self) -> bool {
        self.names.is_empty()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn synonyms_and_phrases_share_a_concept() {
        let an = Analyzer::new(Lang::Pl);
        let lex = Lexicon::new(Lang::Pl, &an);
        let key = |w: &str| an.term(w).unwrap_or_default();
        let appeal = lex.word(&key("odwołanie"));
        assert!(appeal.is_some());
        assert_eq!(lex.word(&key("protestu")), appeal);
        assert_eq!(lex.pair(&key("ponowna"), &key("weryfikacja")), appeal);
        let voting = lex.pair(&key("karta"), &key("głosowania"));
        assert!(voting.is_some());
        assert_eq!(lex.pair(&key("oddawanie"), &key("głosów")), voting);
        assert_ne!(voting, appeal);
        // Words of several chapters belong to none.
        assert_eq!(lex.word(&key("głosowanie")), None);
        assert!(Lexicon::new(Lang::En, &an).is_empty());
    }
}
