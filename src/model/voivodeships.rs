//! The sixteen voivodeships, whose official journal publishes a resolution of local
//! law, and the voivodeship of each city with county rights, to propose one.

/// The sixteen voivodeships: name as written after "województwo", English name.
pub const VOIVODESHIPS: [(&str, &str); 16] = [
    ("dolnośląskie", "Lower Silesian"),
    ("kujawsko-pomorskie", "Kuyavian-Pomeranian"),
    ("lubelskie", "Lublin"),
    ("lubuskie", "Lubusz"),
    ("łódzkie", "Łódź"),
    ("małopolskie", "Lesser Poland"),
    ("mazowieckie", "Masovian"),
    ("opolskie", "Opole"),
    ("podkarpackie", "Subcarpathian"),
    ("podlaskie", "Podlaskie"),
    ("pomorskie", "Pomeranian"),
    ("śląskie", "Silesian"),
    ("świętokrzyskie", "Holy Cross"),
    ("warmińsko-mazurskie", "Warmian-Masurian"),
    ("wielkopolskie", "Greater Poland"),
    ("zachodniopomorskie", "West Pomeranian"),
];

/// The voivodeship a name stands for: "śląskie", "Śląskiego", "województwo śląskie",
/// with or without Polish letters.
pub fn voivodeship(input: &str) -> Option<&'static str> {
    let folded = crate::cluster::fold(input.trim());
    let folded = folded.strip_prefix("wojewodztwo ").unwrap_or(&folded);
    let folded = folded.strip_prefix("wojewodztwa ").unwrap_or(folded);
    VOIVODESHIPS.iter().map(|v| v.0).find(|name| {
        let key = crate::cluster::fold(name);
        folded == key || folded == format!("{}ego", &key[..key.len() - 1])
    })
}

/// "śląskie" → "Śląskiego", as in "Dziennik Urzędowy Województwa Śląskiego".
pub fn voivodeship_genitive(name: &str) -> String {
    let stem = name.strip_suffix('e').unwrap_or(name);
    let gen_form = format!("{stem}ego");
    gen_form
        .split('-')
        .map(|part| {
            let mut c = part.chars();
            c.next()
                .map(|first| first.to_uppercase().chain(c).collect::<String>())
                .unwrap_or_default()
        })
        .collect::<Vec<_>>()
        .join("-")
}

/// The voivodeships of the cities with county rights, to propose one from the city.
pub(super) const CITY_VOIVODESHIP: &[(&str, &str)] = &[
    ("Biała Podlaska", "lubelskie"),
    ("Białystok", "podlaskie"),
    ("Bielsko-Biała", "śląskie"),
    ("Bydgoszcz", "kujawsko-pomorskie"),
    ("Bytom", "śląskie"),
    ("Chełm", "lubelskie"),
    ("Chorzów", "śląskie"),
    ("Częstochowa", "śląskie"),
    ("Dąbrowa Górnicza", "śląskie"),
    ("Elbląg", "warmińsko-mazurskie"),
    ("Gdańsk", "pomorskie"),
    ("Gdynia", "pomorskie"),
    ("Gliwice", "śląskie"),
    ("Gorzów Wielkopolski", "lubuskie"),
    ("Grudziądz", "kujawsko-pomorskie"),
    ("Jastrzębie-Zdrój", "śląskie"),
    ("Jaworzno", "śląskie"),
    ("Jelenia Góra", "dolnośląskie"),
    ("Kalisz", "wielkopolskie"),
    ("Katowice", "śląskie"),
    ("Kielce", "świętokrzyskie"),
    ("Konin", "wielkopolskie"),
    ("Koszalin", "zachodniopomorskie"),
    ("Kraków", "małopolskie"),
    ("Krosno", "podkarpackie"),
    ("Legnica", "dolnośląskie"),
    ("Leszno", "wielkopolskie"),
    ("Lublin", "lubelskie"),
    ("Łomża", "podlaskie"),
    ("Łódź", "łódzkie"),
    ("Mysłowice", "śląskie"),
    ("Nowy Sącz", "małopolskie"),
    ("Olsztyn", "warmińsko-mazurskie"),
    ("Opole", "opolskie"),
    ("Ostrołęka", "mazowieckie"),
    ("Piekary Śląskie", "śląskie"),
    ("Piotrków Trybunalski", "łódzkie"),
    ("Płock", "mazowieckie"),
    ("Poznań", "wielkopolskie"),
    ("Przemyśl", "podkarpackie"),
    ("Radom", "mazowieckie"),
    ("Ruda Śląska", "śląskie"),
    ("Rybnik", "śląskie"),
    ("Rzeszów", "podkarpackie"),
    ("Siedlce", "mazowieckie"),
    ("Siemianowice Śląskie", "śląskie"),
    ("Skierniewice", "łódzkie"),
    ("Słupsk", "pomorskie"),
    ("Sopot", "pomorskie"),
    ("Sosnowiec", "śląskie"),
    ("Suwałki", "podlaskie"),
    ("Szczecin", "zachodniopomorskie"),
    ("Świętochłowice", "śląskie"),
    ("Świnoujście", "zachodniopomorskie"),
    ("Tarnobrzeg", "podkarpackie"),
    ("Tarnów", "małopolskie"),
    ("Toruń", "kujawsko-pomorskie"),
    ("Tychy", "śląskie"),
    ("Wałbrzych", "dolnośląskie"),
    ("Warszawa", "mazowieckie"),
    ("Włocławek", "kujawsko-pomorskie"),
    ("Wrocław", "dolnośląskie"),
    ("Zabrze", "śląskie"),
    ("Zamość", "lubelskie"),
    ("Zielona Góra", "lubuskie"),
    ("Żory", "śląskie"),
];
