//! Horizontal bar charts for the consultation report: one row per label, one or more
//! stacked series. Drawn as hand-written SVG (HTML) or rasterised by [`super::png`]
//! (DOCX, ODT); the same numbers always stand in a table beside the chart.

use super::xml_text::esc;
use std::fmt::Write as _;

#[derive(Debug, Clone, PartialEq)]
pub struct Chart {
    pub title: String,
    /// One per bar, top to bottom.
    pub labels: Vec<String>,
    /// Stacked left to right in this order.
    pub series: Vec<Series>,
}

#[derive(Debug, Clone, PartialEq)]
pub struct Series {
    pub name: String,
    /// `RRGGBB`.
    pub color: &'static str,
    /// One per label.
    pub values: Vec<u64>,
}

/// Bar geometry shared by the SVG and the PNG, in pixels.
const ROW: u32 = 22;
const BAR: u32 = 14;
pub(crate) const BAR_WIDTH: u32 = 380;
const LABEL_WIDTH: u32 = 300;
const VALUE_WIDTH: u32 = 60;
/// Longest label drawn in the SVG, in characters; the full one is its tooltip.
const LABEL_CHARS: usize = 42;

impl Chart {
    /// Each bar's total.
    pub fn totals(&self) -> Vec<u64> {
        (0..self.labels.len())
            .map(|i| self.series.iter().map(|s| s.values[i]).sum())
            .collect()
    }

    /// The longest bar's total, at least 1 (so an empty chart divides safely).
    pub fn max(&self) -> u64 {
        self.totals().into_iter().max().unwrap_or(0).max(1)
    }

    /// Length in pixels of `value` on a bar of `width` pixels, `max` being [`Chart::max`]
    /// (worked out once per chart by the caller, not once per bar).
    pub(crate) fn scale(value: u64, width: u32, max: u64) -> u32 {
        (u64::from(width) * value / max) as u32
    }

    /// Rows of the legend (three series a row), none for a single series.
    fn legend_rows(&self) -> u32 {
        if self.series.len() > 1 {
            self.series.len().div_ceil(3) as u32
        } else {
            0
        }
    }

    /// Width and height of [`Chart::svg`] in pixels.
    pub fn svg_size(&self) -> (u32, u32) {
        let top = 28 + self.legend_rows() * ROW;
        (
            LABEL_WIDTH + BAR_WIDTH + VALUE_WIDTH,
            top + self.labels.len() as u32 * ROW + 8,
        )
    }

    /// The chart as an `<svg>` element for an HTML page (or a standalone SVG file): labels left, stacked bars,
    /// totals at the bar ends, a legend when there is more than one series.
    pub fn svg(&self) -> String {
        let legend_rows = self.legend_rows();
        let max = self.max();
        let top = 28 + legend_rows * ROW;
        let (width, height) = self.svg_size();
        let mut out = String::with_capacity(512 + self.labels.len() * 400);
        let _ = write!(
            out,
            "<svg xmlns=\"http://www.w3.org/2000/svg\" class=\"chart\" role=\"img\" \
             width=\"{width}\" height=\"{height}\" viewBox=\"0 0 {width} {height}\" \
             aria-label=\"{title}\" font-family=\"sans-serif\" font-size=\"12\">\
             <title>{title}</title>\
             <text x=\"0\" y=\"16\" font-weight=\"bold\" font-size=\"14\">{title}</text>",
            title = esc(&self.title)
        );
        for (i, s) in self.series.iter().enumerate().filter(|_| legend_rows > 0) {
            let x = (i as u32 % 3) * 230;
            let y = 28 + (i as u32 / 3) * ROW;
            let _ = write!(
                out,
                "<rect x=\"{x}\" y=\"{y}\" width=\"12\" height=\"12\" fill=\"#{}\"/>\
                 <text x=\"{}\" y=\"{}\">{}</text>",
                s.color,
                x + 16,
                y + 11,
                esc(&s.name)
            );
        }
        for (row, (label, total)) in self.labels.iter().zip(self.totals()).enumerate() {
            let y = top + row as u32 * ROW;
            let shown = if label.chars().count() > LABEL_CHARS {
                let cut: String = label.chars().take(LABEL_CHARS - 1).collect();
                format!("{}…", cut.trim_end())
            } else {
                label.clone()
            };
            let _ = write!(
                out,
                "<g><title>{}: {total}</title><text x=\"{}\" y=\"{}\" text-anchor=\"end\">{}</text>",
                esc(label),
                LABEL_WIDTH - 8,
                y + BAR - 2,
                esc(&shown)
            );
            let mut x = LABEL_WIDTH;
            for s in &self.series {
                let w = Chart::scale(s.values[row], BAR_WIDTH, max);
                if w > 0 {
                    let _ = write!(
                        out,
                        "<rect x=\"{x}\" y=\"{y}\" width=\"{w}\" height=\"{BAR}\" fill=\"#{}\"/>",
                        s.color
                    );
                }
                x += w;
            }
            let _ = write!(
                out,
                "<text x=\"{}\" y=\"{}\">{total}</text></g>",
                x + 4,
                y + BAR - 2
            );
        }
        out.push_str("</svg>");
        out
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn chart() -> Chart {
        Chart {
            title: "Uwagi <i> głosy".into(),
            labels: vec!["Lista \"poparcia\" & podpisy".into(), "Pule".into()],
            series: vec![
                Series {
                    name: "przyjęte".into(),
                    color: "009E73",
                    values: vec![3, 1],
                },
                Series {
                    name: "odrzucone".into(),
                    color: "D55E00",
                    values: vec![1, 0],
                },
            ],
        }
    }

    #[test]
    fn svg_escapes_labels_and_scales_bars() {
        let svg = chart().svg();
        assert!(svg.starts_with("<svg xmlns=\"http://www.w3.org/2000/svg\""));
        assert!(svg.contains("<title>Uwagi &lt;i&gt; głosy</title>"));
        assert!(svg.contains("Lista &quot;poparcia&quot; &amp; podpisy"));
        assert!(!svg.contains("<i>"));
        // The longest bar (4) fills the width: 3/4 then 1/4 of it.
        assert!(svg.contains("width=\"285\" height=\"14\" fill=\"#009E73\""));
        assert!(svg.contains("width=\"95\" height=\"14\" fill=\"#D55E00\""));
        assert!(svg.contains(">odrzucone</text>"), "legend");
        assert_eq!(chart().totals(), [4, 1]);
    }

    #[test]
    fn empty_chart_is_still_drawn() {
        let c = Chart {
            title: "x".into(),
            labels: vec![],
            series: vec![],
        };
        assert_eq!(c.max(), 1);
        assert!(c.svg().ends_with("</svg>"));
    }
}
