//! Stop-word lists, whitespace-separated; lines starting with `//` inside the
//! strings are section notes, skipped by [`words`]. Matching happens on the
//! folded form (see `tokenize`), so texts typed without Polish letters ("sie",
//! "ze") lose the same words.

/// Polish function words (pronouns, prepositions, conjunctions, particles,
/// auxiliaries) plus fillers common in civic proposals (street/number
/// abbreviations) that say nothing about the topic.
pub(super) const POLISH: &str = "
// conjunctions and particles
a aby ach acz aczkolwiek aj albo ale ależ ani aż bo bowiem by byle chociaż choć czy
czyli dlatego gdy gdyby gdyż i iż jednak jednakże jeśli jeżeli lecz lub natomiast niech
niż no oraz oto owszem ponieważ tylko więc zatem że żeby także również też toteż czyż
bądź albowiem wszak niechaj nawet jeszcze już właśnie chyba może można tak nie ni ot
przecież raczej wprost zaś li ano nadal niemal wciąż
// prepositions
bez beze dla do dzięki ku mimo między na nad nade o obok od ode około po pod pode
podczas pomimo ponad poza przed przede przez przeze przy u w we według wobec wraz wśród
z za ze zamiast znad spod sprzed poprzez względem
// pronouns
ja mnie mi mną ty ciebie cię tobie ci tobą on jego go niego jemu mu niemu nim ona jej
niej ją nią ono my nas nam nami wy was wam wami oni one ich nich im nimi się siebie
sobie sobą mój moja moje moi mojego mojej moim twój twoja twoje swój swoja swoje swoich
swoim swojej swego nasz nasza nasze naszego naszej naszych naszym nasi wasz wasza wasze
waszych ten ta to te ci tego tej temu tym tą tę tych tymi tamten tamta tamto ów owa owe
który która które którego której któremu którym którą których którymi którzy kto kogo
komu kim co czego czemu czym ktoś coś kimś czymś cokolwiek ktokolwiek nic niczego nikt
nikogo jaki jaka jakie jakiego jakiej jakim jakich jakiś jakaś jakieś taki taka takie
takiego takiej takim takich sam sama samo same samego każdy każda każde każdego każdej
wszyscy wszystkie wszystko wszystkich wszystkim cały cała całe inny inna inne innych
innego innej żaden żadna żadne żadnych
// adverbs of place, time, manner, quantity
gdzie gdzieś tam tu tutaj stąd skąd dokąd kiedy kiedyś wtedy teraz zawsze nigdy często
czasem znowu znów potem dziś dzisiaj jak jako jakby jakoś dlaczego czemu ile kilka wiele
wielu więcej mniej bardzo bardziej dość zbyt tyle trochę ok około np itd itp tj tzw tzn
in m wg ws dot
// auxiliaries and modal verbs
być jest jestem jesteś jesteśmy są był była było byli były będzie będą będę bym byś
byłby byłoby zostać został została zostało zostały zostanie zostaną ma mają mam mieć
miał miała miało mieli musi muszą mogą może mógł trzeba powinien powinna powinno powinni
chce chcą
// civic-text fillers: street and number abbreviations
ul ulica ulicy ulicę ulic ulicach ulicami al aleja alei alejach nr numer pl os im
imienia zł
";

/// Polish words that no label shows though the clustering keeps them as terms
/// (adding them to [`POLISH`] would move cards between topics): prepositions
/// and adverbs of place the form table does not know, which its ending rules
/// would take for nouns ("Rowerowy wzdłuż"); abbreviations of units and the
/// numeral "one", which headlines share across a topic ("Tys", "Jedna z
/// największych" were labels of 5,000 headlines); "lat" of an age ("od 16 lat"),
/// whose base form is "rok" (three cards "Głosowanie od 16 lat" were "Roki").
pub(super) const NOT_IN_LABELS_POLISH: &str = "
wzdłuż wokół wokoło dookoła naokoło naprzeciw naprzeciwko wewnątrz zewnątrz pomiędzy
przeciw przeciwko pośród spośród oprócz prócz poniżej powyżej opodal nieopodal niedaleko
odnośnie wbrew wskutek
// abbreviations of units and counts (5 tys., 14 mln zł, 17 proc., 16 lat), and the numeral one
tys mln mld proc lat jeden jedna jedno jednego jednej jedną jednym
";

/// English function words, for English input.
pub(super) const ENGLISH: &str = "
a about above after again against all am an and any are as at be because been before
being below between both but by can could did do does doing down during each few for
from further had has have having he her here hers herself him himself his how i if in
into is it its itself just me more most my myself no nor not now of off on once only or
other our ours ourselves out over own same she should so some such than that the their
theirs them themselves then there these they this those through to too under until up
very was we were what when where which while who whom why will with would you your yours
yourself yourselves also may might must shall let via etc ie eg st street road rd ave
avenue no
";

/// The words of a list, skipping the section-note lines.
pub(super) fn words(list: &'static str) -> impl Iterator<Item = &'static str> {
    list.lines()
        .filter(|l| !l.trim_start().starts_with("//"))
        .flat_map(str::split_whitespace)
}

/// Generic nouns and verbs that occur in cards of every topic ("lista", "karta",
/// "punkt", "strona", "osoba", "sposób", "rok"…): kept as words, so they still
/// shape phrases ("lista poparcia", "karta do głosowania"), but weighted down so
/// they never hold a topic together on their own.
pub(super) const GENERIC_POLISH: &str = "
lista listy liście listę karta karty kartę punkt punkty punktów strona strony stronie
osoba osoby osób osobę ludzie ludzi człowiek sposób sposobu raz razy rok roku lata lat
latach rokiem miesiąc dzień dni czas czasu rzecz sprawa sprawie kwestia problem temat
możliwość część miejsce miejsca wiele dużo mało dobry dobra dobre duży duża duże mały
mała małe nowy nowa nowe pierwszy drugi mieć móc musieć chcieć robić zrobić dać dawać
mówić wiedzieć trzeba warto potrzebny potrzebne powinny powinno pytanie propozycja
uwaga obawa wniosek wnioski zdanie przykład rzeczy
// the subject of every card in a participatory-budget consultation
projekt projektu projekty projektów projektem budżet budżetu obywatelski obywatelskiego
miasto miasta mieście mieszkaniec mieszkańcy mieszkańców gmina gminy
";

/// English generic words, weighted down like [`GENERIC_POLISH`].
pub(super) const GENERIC_ENGLISH: &str = "
list card point page side person people way time times year years day thing things
issue problem question proposal idea place part new good big small make get need
";

/// The generic words of `lang` as folded stems.
pub(super) fn generic(
    lang: crate::model::Lang,
    an: &super::tokenize::Analyzer,
) -> super::tokenize::FastSet<String> {
    let list = match lang {
        crate::model::Lang::Pl => GENERIC_POLISH,
        crate::model::Lang::En => GENERIC_ENGLISH,
    };
    words(list).filter_map(|w| an.term(w)).collect()
}
