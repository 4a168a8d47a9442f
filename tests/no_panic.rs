//! Whatever bytes a mission file holds, loading returns a mission or
//! problems, never a panic; and problems always point inside the file.

use proptest::prelude::*;

const SAMPLE: &str = include_str!("../data/clust-er-health-japan-2022.toml");

fn check(bytes: &[u8]) -> Result<(), TestCaseError> {
    match itinera::file::parse_bytes(bytes) {
        Ok(parsed) => {
            let mut base = parsed.base;
            // A loaded mission renders back to the same bytes.
            let written = base.render(&parsed.mission);
            prop_assert_eq!(written.as_bytes(), bytes);
        }
        Err((text, report)) => {
            prop_assert!(report.has_errors(), "a refusal names an error");
            for d in &report.diagnostics {
                prop_assert!(d.span.start <= text.len(), "{d:?} beyond the text");
            }
            let rendered = report.render("m.toml", &text);
            prop_assert!(rendered.lines().all(|l| l.starts_with("m.toml:")));
        }
    }
    Ok(())
}

/// The sample with a slice replaced by other text: realistic typos, cut
/// lines, stray quotes and brackets.
fn mutated() -> impl Strategy<Value = Vec<u8>> {
    let len = SAMPLE.len();
    (
        0..len,
        0usize..40,
        prop::sample::select(vec![
            "",
            "\"",
            "'",
            "[",
            "]",
            "[[",
            "=",
            "\n",
            "\r\n",
            "#",
            "{",
            "}",
            ",",
            "\\",
            "é",
            "大阪",
            "\u{0}",
            "9999-99-99",
            "25:61",
            "\"\"\"",
            "visits",
            "participants = [\"x\"]",
        ]),
    )
        .prop_map(move |(at, cut, insert)| {
            let mut bytes = SAMPLE.as_bytes().to_vec();
            let end = (at + cut).min(len);
            bytes.splice(at..end, insert.bytes());
            bytes
        })
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(256))]

    #[test]
    fn random_bytes_never_panic(bytes in prop::collection::vec(any::<u8>(), 0..400)) {
        check(&bytes)?;
    }

    #[test]
    fn mutated_samples_never_panic(bytes in mutated()) {
        check(&bytes)?;
    }

    #[test]
    fn random_toml_like_text_never_panics(text in "[a-z_=\\[\\]\"'#0-9:. \n-]{0,300}") {
        let text = format!("format = 1\n{text}");
        check(text.as_bytes())?;
    }
}
