//! The files a user names on the command line: narada reads and replaces only regular
//! files, so a FIFO never hangs an import and `--force` never replaces a device.

use crate::error::{Error, Result};
use std::path::Path;

/// Refuses a path that exists but is not a regular file (after following links).
fn refuse_special(path: &Path, meta: &std::fs::Metadata) -> Result<()> {
    if meta.is_file() {
        return Ok(());
    }
    let what = if meta.is_dir() {
        "a directory"
    } else {
        "not a regular file (a pipe, socket or device)"
    };
    Err(Error::Invalid(format!(
        "{}: {what}; narada reads and writes only regular files",
        path.display()
    )))
}

/// Checks that an input exists and is a regular file, without opening it.
pub fn check_input(path: &Path) -> Result<()> {
    let meta = std::fs::metadata(path).map_err(|e| Error::io(path, e))?;
    refuse_special(path, &meta)
}

/// Reads a whole input file, refusing anything but a regular file before opening it.
pub fn read_input(path: &Path) -> Result<Vec<u8>> {
    check_input(path)?;
    std::fs::read(path).map_err(|e| Error::io(path, e))
}

/// Checks that an output path is new or a regular file that may be replaced.
pub fn check_output(path: &Path) -> Result<()> {
    match std::fs::metadata(path) {
        Ok(meta) => refuse_special(path, &meta),
        Err(e) if e.kind() == std::io::ErrorKind::NotFound => Ok(()),
        Err(e) => Err(Error::io(path, e)),
    }
}

#[cfg(all(test, unix))]
mod tests {
    use super::*;

    #[test]
    fn special_files_are_refused_by_name_and_regular_ones_pass() {
        let dir = tempfile::tempdir().unwrap();
        let file = dir.path().join("a.csv");
        std::fs::write(&file, "text\nx\n").unwrap();
        assert_eq!(read_input(&file).unwrap(), b"text\nx\n");
        check_output(&file).unwrap();
        check_output(&dir.path().join("new.md")).unwrap();
        let err = read_input(dir.path()).unwrap_err().to_string();
        assert!(err.contains("a directory"), "{err}");
        let err = check_output(Path::new("/dev/null"))
            .unwrap_err()
            .to_string();
        assert!(err.starts_with("/dev/null: not a regular file"), "{err}");
        let err = read_input(&dir.path().join("missing.csv"))
            .unwrap_err()
            .to_string();
        assert!(
            err.ends_with("missing.csv: no such file or directory"),
            "{err}"
        );
    }
}
