//! The participant page, embedded in the binary: one HTML file, its style and script.
//! The script builds every element with `textContent`, so no text a participant typed
//! is ever read as HTML.

pub const INDEX: &str = include_str!("../../assets/room/index.html");
pub const STYLE: &str = include_str!("../../assets/room/app.css");
pub const SCRIPT: &str = include_str!("../../assets/room/app.js");

/// Nothing but the room's own script and style; no frames, no other sites.
pub const CSP: &str = "default-src 'none'; script-src 'self'; style-src 'self'; \
    connect-src 'self'; img-src 'self'; base-uri 'none'; form-action 'none'; \
    frame-ancestors 'none'";

/// The asset at a path inside the room (`""` is the page), with its content type.
pub fn asset(path: &str) -> Option<(&'static str, &'static str)> {
    match path {
        "" | "index.html" => Some((INDEX, "text/html; charset=utf-8")),
        "app.css" => Some((STYLE, "text/css; charset=utf-8")),
        "app.js" => Some((SCRIPT, "text/javascript; charset=utf-8")),
        _ => None,
    }
}
