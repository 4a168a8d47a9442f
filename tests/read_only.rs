//! Commands that only read a mission (`check`, `export`, `diff`,
//! `publish`) read it without the base a save needs: the same mission,
//! the same problems and the same text as the planner's load, for every
//! file of the corpus.

use std::path::Path;

#[test]
fn reading_only_finds_what_loading_finds() {
    let root = Path::new(env!("CARGO_MANIFEST_DIR"));
    let mut paths = vec![root.join("data/clust-er-health-japan-2022.toml")];
    for dir in ["valid", "invalid", "roundtrip"] {
        let entries = std::fs::read_dir(root.join("tests/fixtures").join(dir)).expect("fixtures");
        paths.extend(entries.flatten().map(|e| e.path()));
    }
    let (mut loaded, mut refused) = (0, 0);
    for path in &paths {
        let bytes = std::fs::read(path).expect("readable");
        let name = path.display();
        match (
            itinera::file::parse_bytes(&bytes),
            itinera::file::read_bytes(bytes.clone()),
        ) {
            (Ok(parsed), Ok(read)) => {
                assert!(read.mission.same_content(&parsed.mission), "{name}");
                assert_eq!(read.report, parsed.report, "{name}");
                let (text, _) = itinera::file::source::decode(&bytes).expect("text");
                assert_eq!(read.text, text, "{name}");
                loaded += 1;
            }
            (Err(parsed), Err(read)) => {
                assert_eq!(read, parsed, "{name}");
                refused += 1;
            }
            (parsed, read) => panic!("{name}: loaded {}, read {}", parsed.is_ok(), read.is_ok()),
        }
    }
    assert!(
        loaded >= 10 && refused >= 50,
        "{loaded} loaded, {refused} refused"
    );
}

#[test]
fn check_reads_a_file_with_a_byte_order_mark_and_crlf() {
    let dir = tempfile::tempdir().expect("temp dir");
    let path = dir.path().join("m.toml");
    // One day with a visit, so the plan's notes (an empty day) stay out.
    let text = "\u{feff}format = 1\r\n[mission]\r\ntitle = \"T\"\r\nstart = 2022-11-14\r\n\
                end = 2022-11-14\r\ntitel = \"x\"\r\n\r\n[[visits]]\r\ndate = 2022-11-14\r\n\
                title = \"V\"\r\n";
    std::fs::write(&path, text).expect("write");
    let out = std::process::Command::new(env!("CARGO_BIN_EXE_itinera"))
        .arg("check")
        .arg(&path)
        .output()
        .expect("runs");
    let name = path.display();
    assert_eq!(
        String::from_utf8_lossy(&out.stdout),
        format!(
            "{name}:6:1: warning: unknown key `titel` in [mission] (did you mean `title`?); \
             it is kept but not used\n{name}: 1 warning\n"
        )
    );
    assert_eq!(out.status.code(), Some(0));
}
