//! `LibreOffice` for the tests that look at documents as a user's office opens them.
#![allow(dead_code)] // each test file uses a different part

use std::path::{Path, PathBuf};

/// `LibreOffice` with a private profile in `dir`, so parallel or earlier runs cannot
/// interfere. Panics with what to install when neither `libreoffice` nor `soffice` is on
/// PATH: the tests that need it are `#[ignore]`d and run only when asked for.
pub struct Office {
    program: PathBuf,
    profile: String,
}

impl Office {
    pub fn new(dir: &Path) -> Office {
        let program = std::env::var_os("PATH")
            .and_then(|path| {
                std::env::split_paths(&path)
                    .flat_map(|d| [d.join("libreoffice"), d.join("soffice")])
                    .find(|p| p.is_file())
            })
            .expect(
                "neither libreoffice nor soffice is on PATH, and this test needs one: \
                 `apt-get install --no-install-recommends libreoffice-writer-nogui` (.ci/run \
                 installs it), or run without --include-ignored to skip it",
            );
        Office {
            program,
            profile: format!(
                "-env:UserInstallation=file://{}",
                dir.join("profile").display()
            ),
        }
    }

    /// Converts `file` to `format` (`pdf`, `odt`) in `out_dir`; returns the new file's
    /// path and what `LibreOffice` said, for messages when the file is missing.
    pub fn convert(&self, file: &Path, format: &str, out_dir: &Path) -> (PathBuf, String) {
        let out = std::process::Command::new(&self.program)
            .arg(&self.profile)
            .args(["--headless", "--convert-to", format, "--outdir"])
            .arg(out_dir)
            .arg(file)
            .output()
            .unwrap();
        let name = file.with_extension(format);
        let converted = out_dir.join(name.file_name().unwrap());
        let said = format!(
            "{}\n{}",
            String::from_utf8_lossy(&out.stdout),
            String::from_utf8_lossy(&out.stderr)
        );
        (converted, said)
    }
}
