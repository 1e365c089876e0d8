//! Word vectors shipped inside the binary: a compact, versioned file of
//! int8 rows (one scale per row) for stem keys, sorted for binary search.
//! Built offline by `narada vectors build` (see `shipped_build`).
//!
//! Layout, little-endian: magic `NARADAWV`, version u16, lang (2 ASCII
//! bytes), dim u32, n u32, vocab byte length u32; n key lengths (u8); the
//! keys (strictly ascending bytes, ASCII); n scales (f32); n·dim i8; CRC-32
//! of everything before it.

use std::borrow::Cow;
use std::sync::OnceLock;

use crate::model::Lang;

const MAGIC: &[u8; 8] = b"NARADAWV";
pub const VERSION: u16 = 1;
const HEADER: usize = 8 + 2 + 2 + 4 + 4 + 4;

/// The embedded Polish vectors (`assets/vectors/pl.bin`).
static PL_BYTES: &[u8] = include_bytes!("../../assets/vectors/pl.bin");

/// Development aid: a vectors file read instead of the embedded one (e.g.
/// one built without the texts being measured). Not for normal use.
pub const FILE_ENV: &str = "NARADA_VECTORS_FILE";

/// Parsed vectors; rows are looked up by stem key.
pub struct ShippedVectors {
    pub lang: Lang,
    pub dim: usize,
    bytes: Cow<'static, [u8]>,
    /// Start of each key in `bytes` (n + 1 entries, the last is the end).
    key_at: Vec<u32>,
    scales: Vec<f32>,
    data_at: usize,
}

impl ShippedVectors {
    pub fn len(&self) -> usize {
        self.scales.len()
    }

    pub fn is_empty(&self) -> bool {
        self.scales.is_empty()
    }

    fn key(&self, i: usize) -> &[u8] {
        &self.bytes[self.key_at[i] as usize..self.key_at[i + 1] as usize]
    }

    /// Row index of a stem key.
    pub fn find(&self, key: &str) -> Option<usize> {
        let (mut lo, mut hi) = (0, self.len());
        while lo < hi {
            let mid = usize::midpoint(lo, hi);
            match self.key(mid).cmp(key.as_bytes()) {
                std::cmp::Ordering::Less => lo = mid + 1,
                std::cmp::Ordering::Greater => hi = mid,
                std::cmp::Ordering::Equal => return Some(mid),
            }
        }
        None
    }

    /// The dequantised row `i` written into `out` (`dim` values).
    pub fn row_into(&self, i: usize, out: &mut [f32]) {
        let s = self.scales[i];
        let start = self.data_at + i * self.dim;
        for (o, &b) in out.iter_mut().zip(&self.bytes[start..start + self.dim]) {
            *o = f32::from(b as i8) * s;
        }
    }

    /// The dequantised vector of a stem key.
    pub fn get(&self, key: &str) -> Option<Vec<f32>> {
        self.find(key).map(|i| {
            let mut v = vec![0.0; self.dim];
            self.row_into(i, &mut v);
            v
        })
    }

    /// Stem keys in file (ascending) order.
    pub fn keys(&self) -> impl Iterator<Item = &str> {
        // Validated as ASCII on parse.
        (0..self.len()).map(|i| std::str::from_utf8(self.key(i)).unwrap_or(""))
    }
}

/// Serialises vectors: `rows` are `(key, f32 row)`, any order; keys must be
/// distinct ASCII of 1–255 bytes. Rows are quantised to int8 with a per-row
/// scale (max |x| / 127). The same input always gives the same bytes.
pub fn encode(lang: Lang, dim: usize, rows: &[(String, Vec<f32>)]) -> Result<Vec<u8>, String> {
    let mut order: Vec<usize> = (0..rows.len()).collect();
    order.sort_by(|&a, &b| rows[a].0.as_bytes().cmp(rows[b].0.as_bytes()));
    for w in order.windows(2) {
        if rows[w[0]].0 == rows[w[1]].0 {
            return Err(format!("duplicate key {:?}", rows[w[0]].0));
        }
    }
    let mut out = Vec::new();
    out.extend_from_slice(MAGIC);
    out.extend_from_slice(&VERSION.to_le_bytes());
    out.extend_from_slice(lang_code(lang));
    out.extend_from_slice(&(dim as u32).to_le_bytes());
    out.extend_from_slice(&(rows.len() as u32).to_le_bytes());
    let blob: usize = rows.iter().map(|r| r.0.len()).sum();
    out.extend_from_slice(&(blob as u32).to_le_bytes());
    for &i in &order {
        let k = &rows[i].0;
        if k.is_empty() || k.len() > 255 || !k.is_ascii() {
            return Err(format!("key {k:?} is not 1–255 ASCII bytes"));
        }
        out.push(k.len() as u8);
    }
    for &i in &order {
        out.extend_from_slice(rows[i].0.as_bytes());
    }
    let mut scales = Vec::with_capacity(rows.len());
    for &i in &order {
        let v = &rows[i].1;
        if v.len() != dim {
            return Err(format!(
                "row {:?} has {} values, not {dim}",
                rows[i].0,
                v.len()
            ));
        }
        let max = v.iter().fold(0.0f32, |m, x| m.max(x.abs()));
        let s = if max > 0.0 && max.is_finite() {
            max / 127.0
        } else {
            1.0
        };
        out.extend_from_slice(&s.to_le_bytes());
        scales.push(s);
    }
    for (&i, s) in order.iter().zip(&scales) {
        for x in &rows[i].1 {
            out.push(((x / s).round().clamp(-127.0, 127.0) as i8) as u8);
        }
    }
    let crc = crc32fast::hash(&out);
    out.extend_from_slice(&crc.to_le_bytes());
    Ok(out)
}

fn lang_code(lang: Lang) -> &'static [u8; 2] {
    match lang {
        Lang::Pl => b"pl",
        Lang::En => b"en",
    }
}

fn u32_at(b: &[u8], at: usize) -> usize {
    let mut w = [0u8; 4];
    w.copy_from_slice(&b[at..at + 4]);
    u32::from_le_bytes(w) as usize
}

/// Parses and validates a vectors file; the error says what is wrong and
/// at which byte.
pub fn parse(bytes: Cow<'static, [u8]>) -> Result<ShippedVectors, String> {
    let b = &bytes[..];
    if b.len() < HEADER + 4 || &b[..8] != MAGIC {
        return Err("not a narada word-vectors file (bad magic at byte 0)".into());
    }
    let version = u16::from_le_bytes([b[8], b[9]]);
    if version != VERSION {
        return Err(format!(
            "unsupported version {version} at byte 8 (this narada reads {VERSION})"
        ));
    }
    let lang = match &b[10..12] {
        b"pl" => Lang::Pl,
        b"en" => Lang::En,
        _ => return Err("unknown language code at byte 10".into()),
    };
    let (dim, n, blob) = (u32_at(b, 12), u32_at(b, 16), u32_at(b, 20));
    if dim == 0 || dim > 1024 {
        return Err(format!("dimension {dim} at byte 12 is out of range 1–1024"));
    }
    let data_at = HEADER + n + blob + 4 * n;
    let expected = data_at + n * dim + 4;
    if b.len() != expected {
        return Err(format!(
            "file is {} bytes, the header (bytes 12–23) implies {expected}: truncated or corrupt",
            b.len()
        ));
    }
    let body = b.len() - 4;
    if crc32fast::hash(&b[..body]) != u32_at(b, body) as u32 {
        return Err(format!(
            "checksum mismatch (byte {body}): the file is corrupt"
        ));
    }
    let mut key_at = Vec::with_capacity(n + 1);
    let mut at = HEADER + n;
    key_at.push(at as u32);
    for i in 0..n {
        at += usize::from(b[HEADER + i]);
        key_at.push(at as u32);
    }
    if at != HEADER + n + blob {
        return Err(format!(
            "key lengths do not add up to {blob} (byte {HEADER})"
        ));
    }
    for i in 0..n {
        let k = &b[key_at[i] as usize..key_at[i + 1] as usize];
        if k.is_empty() || !k.is_ascii() {
            return Err(format!(
                "key {i} at byte {} is empty or not ASCII",
                key_at[i]
            ));
        }
        if i > 0 && b[key_at[i - 1] as usize..key_at[i] as usize] >= *k {
            return Err(format!(
                "keys not strictly ascending at key {i} (byte {})",
                key_at[i]
            ));
        }
    }
    let scales_at = HEADER + n + blob;
    let scales: Vec<f32> = (0..n)
        .map(|i| f32::from_bits(u32_at(b, scales_at + 4 * i) as u32))
        .collect();
    if let Some(i) = scales.iter().position(|s| !s.is_finite() || *s <= 0.0) {
        return Err(format!(
            "scale {i} at byte {} is not positive",
            scales_at + 4 * i
        ));
    }
    Ok(ShippedVectors {
        lang,
        dim,
        bytes,
        key_at,
        scales,
        data_at,
    })
}

/// The vectors for `lang`, parsed once: the file named by [`FILE_ENV`] if
/// set, else the embedded ones (Polish only). A bad file is reported on
/// stderr once and clustering goes on without shipped vectors.
pub fn for_lang(lang: Lang) -> Option<&'static ShippedVectors> {
    static PL: OnceLock<Option<ShippedVectors>> = OnceLock::new();
    if lang != Lang::Pl {
        return None;
    }
    PL.get_or_init(|| {
        let (name, loaded) = match std::env::var_os(FILE_ENV) {
            Some(path) => {
                let name = path.to_string_lossy().into_owned();
                let read = std::fs::read(&path).map_err(|e| e.to_string());
                (name, read.and_then(|b| parse(Cow::Owned(b))))
            }
            None => (
                "embedded assets/vectors/pl.bin".to_string(),
                parse(Cow::Borrowed(PL_BYTES)),
            ),
        };
        loaded
            .inspect_err(|e| eprintln!("narada: word vectors {name}: {e}; clustering without them"))
            .ok()
            .filter(|v| v.lang == lang)
    })
    .as_ref()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn sample() -> Vec<(String, Vec<f32>)> {
        vec![
            ("park".into(), vec![0.5, -1.0, 0.25]),
            ("drzew".into(), vec![2.0, 0.0, -2.0]),
            ("zero".into(), vec![0.0, 0.0, 0.0]),
        ]
    }

    #[test]
    fn round_trip_within_quantisation_error() {
        let bytes = encode(Lang::Pl, 3, &sample()).unwrap();
        let v = parse(Cow::Owned(bytes)).unwrap();
        assert_eq!((v.lang, v.dim, v.len()), (Lang::Pl, 3, 3));
        assert_eq!(v.keys().collect::<Vec<_>>(), ["drzew", "park", "zero"]);
        for (k, row) in sample() {
            let got = v.get(&k).unwrap();
            for (a, b) in got.iter().zip(&row) {
                assert!((a - b).abs() <= 2.0 / 127.0, "{k}: {got:?} vs {row:?}");
            }
        }
        assert!(v.get("brak").is_none());
    }

    #[test]
    fn encoding_is_deterministic_and_order_free() {
        let mut rev = sample();
        rev.reverse();
        assert_eq!(
            encode(Lang::Pl, 3, &sample()).unwrap(),
            encode(Lang::Pl, 3, &rev).unwrap()
        );
    }

    #[test]
    fn corrupt_files_are_rejected_with_a_reason() {
        let good = encode(Lang::Pl, 3, &sample()).unwrap();
        let err = |b: Vec<u8>| parse(Cow::Owned(b)).err().unwrap_or_default();
        assert!(err(b"hello".to_vec()).contains("magic"));
        assert!(err(good[..good.len() - 3].to_vec()).contains("truncated"));
        let mut flipped = good.clone();
        flipped[HEADER + 5] ^= 1;
        assert!(err(flipped).contains("checksum"));
        let mut version = good.clone();
        version[8] = 9;
        assert!(err(version).contains("version 9"));
        assert!(encode(Lang::Pl, 2, &sample()).is_err());
    }

    #[test]
    fn embedded_polish_vectors_parse_and_know_budget_rule_stems() {
        let v = parse(Cow::Borrowed(PL_BYTES)).unwrap();
        assert_eq!(v.lang, Lang::Pl);
        assert!(v.len() >= 5_000, "{}", v.len());
        let an = super::super::tokenize::Analyzer::new(Lang::Pl);
        for w in [
            "wniosek",
            "głosowanie",
            "odwołanie",
            "promocja",
            "poparcie",
            "weryfikacja",
            "projekt",
        ] {
            let key = an.term(w).unwrap_or_default();
            assert!(v.find(&key).is_some(), "{w} ({key}) missing");
        }
    }
}
