//! A small PNG encoder (8-bit palette images, zlib from flate2, CRC-32 from crc32fast —
//! both already used by the zip writer) and the raster form of a bar chart for DOCX and
//! ODT. The chart carries no text: its labels and numbers stand in the table beside it.

use super::chart::{BAR_WIDTH, Chart};
use flate2::Compression;
use flate2::write::ZlibEncoder;
use std::io::Write;

/// Pixels per chart unit, so the bars stay sharp when printed.
const SCALE: u32 = 2;
/// Margin around the bars, in chart units.
const PAD: u32 = 8;
/// A bar's row and the bar in it, in chart units: tighter than on screen, so a page
/// holds a chart of thirty topics with room to spare.
const ROW: u32 = 16;
const BAR: u32 = 11;
const WHITE: u8 = 0;
const GRID: u8 = 1;
const AXIS: u8 = 2;
/// Palette index of the first series.
const FIRST_SERIES: u8 = 3;

/// A chart rendered as PNG, with its size in pixels.
#[derive(Debug, Clone, PartialEq)]
pub struct Png {
    pub bytes: Vec<u8>,
    pub width: u32,
    pub height: u32,
}

/// `RRGGBB` as bytes; anything unreadable is grey.
fn rgb(hex: &str) -> [u8; 3] {
    let byte = |i: usize| {
        hex.get(i..i + 2)
            .and_then(|h| u8::from_str_radix(h, 16).ok())
            .unwrap_or(0x99)
    };
    [byte(0), byte(2), byte(4)]
}

/// The bars of `chart` (stacked series, light grid lines at every quarter, an axis on
/// the left), top to bottom in label order.
pub fn chart_png(chart: &Chart) -> Png {
    let rows = chart.labels.len().max(1) as u32;
    let w = (BAR_WIDTH + 2 * PAD) * SCALE;
    let h = (rows * ROW + 2 * PAD) * SCALE;
    let mut px = vec![WHITE; (w * h) as usize];
    let mut fill = |x0: u32, y0: u32, x1: u32, y1: u32, c: u8| {
        for y in (y0 * SCALE)..(y1 * SCALE).min(h) {
            let row = (y * w) as usize;
            for x in (x0 * SCALE)..(x1 * SCALE).min(w) {
                px[row + x as usize] = c;
            }
        }
    };
    let bottom = PAD + rows * ROW;
    for q in 1..=4 {
        let x = PAD + BAR_WIDTH * q / 4;
        fill(x, PAD, x + 1, bottom, GRID);
    }
    let max = chart.max();
    for (i, _) in chart.labels.iter().enumerate() {
        let y = PAD + i as u32 * ROW + (ROW - BAR) / 2;
        let mut x = PAD;
        for (n, s) in chart.series.iter().enumerate() {
            let len = Chart::scale(s.values[i], BAR_WIDTH, max);
            fill(x, y, x + len, y + BAR, FIRST_SERIES + n as u8);
            x += len;
        }
    }
    fill(PAD, PAD, PAD + 1, bottom, AXIS);
    let mut palette = vec![[0xFF, 0xFF, 0xFF], [0xDD, 0xDD, 0xDD], [0x88, 0x88, 0x88]];
    palette.extend(chart.series.iter().map(|s| rgb(s.color)));
    Png {
        bytes: encode_indexed(w, h, &palette, &px),
        width: w,
        height: h,
    }
}

/// An 8-bit palette PNG of `width × height` indices into `palette` (at most 256 colours).
pub fn encode_indexed(width: u32, height: u32, palette: &[[u8; 3]], pixels: &[u8]) -> Vec<u8> {
    let mut raw = Vec::with_capacity(pixels.len() + height as usize);
    for row in pixels.chunks(width.max(1) as usize) {
        raw.push(0); // filter: none
        raw.extend_from_slice(row);
    }
    let mut z = ZlibEncoder::new(Vec::new(), Compression::default());
    // Writing into a Vec cannot fail.
    let _ = z.write_all(&raw);
    let data = z.finish().unwrap_or_default();
    let mut out = b"\x89PNG\r\n\x1a\n".to_vec();
    let mut header = Vec::with_capacity(13);
    header.extend_from_slice(&width.to_be_bytes());
    header.extend_from_slice(&height.to_be_bytes());
    header.extend_from_slice(&[8, 3, 0, 0, 0]);
    chunk(&mut out, *b"IHDR", &header);
    let plte: Vec<u8> = palette.iter().take(256).flatten().copied().collect();
    chunk(&mut out, *b"PLTE", &plte);
    chunk(&mut out, *b"IDAT", &data);
    chunk(&mut out, *b"IEND", &[]);
    out
}

fn chunk(out: &mut Vec<u8>, kind: [u8; 4], data: &[u8]) {
    out.extend_from_slice(&(data.len() as u32).to_be_bytes());
    out.extend_from_slice(&kind);
    out.extend_from_slice(data);
    let mut crc = crc32fast::Hasher::new();
    crc.update(&kind);
    crc.update(data);
    out.extend_from_slice(&crc.finalize().to_be_bytes());
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::export::chart::Series;
    use std::io::Read;

    /// (type, data) of every chunk, checking each CRC.
    fn chunks(png: &[u8]) -> Vec<(String, Vec<u8>)> {
        assert_eq!(&png[..8], b"\x89PNG\r\n\x1a\n");
        let mut at = 8;
        let mut out = Vec::new();
        while at < png.len() {
            let len = u32::from_be_bytes(png[at..at + 4].try_into().unwrap()) as usize;
            let kind = &png[at + 4..at + 8];
            let data = &png[at + 8..at + 8 + len];
            let crc = u32::from_be_bytes(png[at + 8 + len..at + 12 + len].try_into().unwrap());
            let mut h = crc32fast::Hasher::new();
            h.update(kind);
            h.update(data);
            assert_eq!(
                h.finalize(),
                crc,
                "CRC of {}",
                String::from_utf8_lossy(kind)
            );
            out.push((String::from_utf8_lossy(kind).into_owned(), data.to_vec()));
            at += 12 + len;
        }
        out
    }

    #[test]
    fn iend_crc_is_the_known_value() {
        let png = encode_indexed(1, 1, &[[0, 0, 0]], &[0]);
        assert_eq!(&png[png.len() - 4..], &[0xAE, 0x42, 0x60, 0x82]);
    }

    #[test]
    fn chart_png_decodes_to_its_bars() {
        let chart = Chart {
            title: "t".into(),
            labels: vec!["a".into(), "b".into()],
            series: vec![Series {
                name: "s".into(),
                color: "0072B2",
                values: vec![2, 1],
            }],
        };
        let png = chart_png(&chart);
        let parts = chunks(&png.bytes);
        let names: Vec<&str> = parts.iter().map(|p| p.0.as_str()).collect();
        assert_eq!(names, ["IHDR", "PLTE", "IDAT", "IEND"]);
        assert_eq!(
            u32::from_be_bytes(parts[0].1[..4].try_into().unwrap()),
            png.width
        );
        assert_eq!(parts[1].1[9..12], [0x00, 0x72, 0xB2]);
        let mut raw = Vec::new();
        flate2::read::ZlibDecoder::new(&parts[2].1[..])
            .read_to_end(&mut raw)
            .unwrap();
        let stride = png.width as usize + 1;
        assert_eq!(raw.len(), stride * png.height as usize);
        // The middle of the first bar's row: the series colour from the axis to full
        // width; the second bar stops at half.
        let row = |units: u32| ((PAD + units) * SCALE) as usize * stride;
        let first = &raw[row(ROW / 2)..row(ROW / 2) + stride];
        let second = &raw[row(ROW + ROW / 2)..row(ROW + ROW / 2) + stride];
        let at = |units: u32| 1 + ((PAD + units) * SCALE) as usize;
        assert_eq!(first[at(BAR_WIDTH - 2)], FIRST_SERIES);
        assert_eq!(second[at(BAR_WIDTH / 2 - 2)], FIRST_SERIES);
        assert_ne!(second[at(BAR_WIDTH / 2 + 2)], FIRST_SERIES);
    }
}
