//! The second half of the malformed corpus (`tests/fixtures/invalid/`):
//! other encodings, and more syntax, types and semantics. Each fixture
//! with the exact `check` lines it gets, as in `CASES`.

/// (fixture file, expected `check` lines without the `FILE:` prefix)
pub const MORE: &[(&str, &[&str])] = &[
    // --- Encodings: other encodings, broken UTF-8, marks and characters TOML refuses
    (
        "utf16_le_bom.toml",
        &[
            "1:1: error: file is UTF-16 text (it starts with a UTF-16 byte-order mark); save it as UTF-8",
        ],
    ),
    (
        "utf16_be_bom.toml",
        &[
            "1:1: error: file is UTF-16 text (it starts with a UTF-16 byte-order mark); save it as UTF-8",
        ],
    ),
    (
        "utf32_le_bom.toml",
        &[
            "1:1: error: file is UTF-32 text (it starts with a UTF-32 byte-order mark); save it as UTF-8",
        ],
    ),
    // Without its mark, UTF-16 reads as text with a NUL after each letter.
    (
        "utf16_le_without_bom.toml",
        &[
            "1:2: error: invalid TOML: control character U+0000 (NUL) is not allowed in a TOML file; remove it",
        ],
    ),
    (
        "latin1_title.toml",
        &["4:18: error: file is not UTF-8 text (byte 0xE0 at offset 39); save it as UTF-8"],
    ),
    (
        "windows1252_quotes.toml",
        &["7:16: error: file is not UTF-8 text (byte 0x93 at offset 94); save it as UTF-8"],
    ),
    (
        "overlong_slash.toml",
        &["7:13: error: file is not UTF-8 text (byte 0xC0 at offset 91); save it as UTF-8"],
    ),
    (
        "overlong_nul.toml",
        &["7:13: error: file is not UTF-8 text (byte 0xC0 at offset 91); save it as UTF-8"],
    ),
    (
        "lone_surrogate_bytes.toml",
        &["7:13: error: file is not UTF-8 text (byte 0xED at offset 91); save it as UTF-8"],
    ),
    // JSON's way of writing a character beyond U+FFFF, half of it.
    (
        "lone_surrogate_escape.toml",
        &[
            "7:13: error: invalid TOML: `\\uD800` is half of a UTF-16 pair, not a character; write the character itself",
        ],
    ),
    (
        "code_point_beyond_unicode.toml",
        &[
            "7:13: error: invalid TOML: `\\U00110000` is beyond U+10FFFF, the last character there is",
        ],
    ),
    // Two marks (two editors each added one): the TOML reader skips the
    // second, so a save would have dropped it.
    (
        "bom_twice.toml",
        &["1:1: error: file starts with two byte-order marks; remove one"],
    ),
    (
        "bom_in_a_line.toml",
        &["4:21: error: invalid TOML: unexpected key or value, expected newline, `#`"],
    ),
    (
        "cr_line_ends.toml",
        &[
            "1:12: error: invalid TOML: carriage return must be followed by newline, expected newline",
        ],
    ),
    (
        "nbsp_before_equals.toml",
        &["5:6: error: invalid TOML: invalid unquoted key, expected letters, numbers, `-`, `_`"],
    ),
    (
        "esc_in_title.toml",
        &[
            "14:16: error: invalid TOML: control character U+001B (ESC) is not allowed in a TOML file; remove it",
        ],
    ),
    (
        "del_in_title.toml",
        &[
            "14:15: error: invalid TOML: control character U+007F (DEL) is not allowed in a TOML file; remove it",
        ],
    ),
    // --- More syntax --------------------------------------------------------
    (
        "syntax_unclosed_array.toml",
        &["17:1: error: invalid TOML: missing comma between array elements, expected `,`"],
    ),
    (
        "syntax_unclosed_header.toml",
        &["12:10: error: invalid TOML: unclosed array table, expected `]`"],
    ),
    (
        "syntax_unclosed_table_header.toml",
        &["3:9: error: invalid TOML: unclosed table, expected `]`"],
    ),
    (
        "syntax_invalid_escape.toml",
        &[
            "7:19: error: invalid TOML: missing escaped value, expected `b`, `e`, `f`, `n`, `r`, `\\`, `\"`, `x`, `u`, `U`",
        ],
    ),
    (
        "syntax_unclosed_multiline.toml",
        &["9:1: error: invalid TOML: invalid multi-line basic string, expected `\"`"],
    ),
    (
        "syntax_leading_zero.toml",
        &["1:10: error: invalid TOML: unexpected leading zero, expected nothing"],
    ),
    (
        "syntax_integer_overflow.toml",
        &["1:10: error: invalid TOML: integer number overflowed"],
    ),
    (
        "syntax_key_at_end.toml",
        &["17:6: error: invalid TOML: key with no value, expected `=`"],
    ),
    (
        "syntax_space_in_key.toml",
        &["15:7: error: invalid TOML: key with no value, expected `=`"],
    ),
    (
        "syntax_equals_twice.toml",
        &["15:9: error: invalid TOML: extra `=`, expected nothing"],
    ),
    (
        "syntax_header_with_value.toml",
        &["12:12: error: invalid TOML: unexpected key or value, expected newline, `#`"],
    ),
    (
        "syntax_bad_date_separator.toml",
        &["13:8: error: invalid TOML: string values must be quoted, expected literal string"],
    ),
    // --- More wrong types ---------------------------------------------------
    (
        "format_float.toml",
        &["1:10: error: `format` must be an integer, not a float"],
    ),
    (
        "mission_is_integer.toml",
        &["2:11: error: `mission` must be a table, written [mission], not an integer"],
    ),
    (
        "visits_inline_array.toml",
        &["2:10: error: `visits` must be tables written [[visits]], not an array"],
    ),
    (
        "visits_array_of_arrays.toml",
        &["2:10: error: `visits` must be tables written [[visits]], not an array"],
    ),
    (
        "days_is_string.toml",
        &["2:8: error: `days` must be tables written [[days]], not a string"],
    ),
    (
        "end_is_integer.toml",
        &["6:7: error: `end` must be a date like 2022-11-14, not an integer"],
    ),
    (
        "kind_is_integer.toml",
        &["15:8: error: `kind` must be a string, not an integer"],
    ),
    (
        "notes_is_array.toml",
        &["15:9: error: `notes` must be a string, not an array"],
    ),
    (
        "title_is_inline_table.toml",
        &["14:9: error: `title` must be a string, not an inline table"],
    ),
    (
        "participants_nested_list.toml",
        &["15:17: error: `participants` must be a list of strings; this item is an array"],
    ),
    (
        "timezone_is_integer.toml",
        &["7:12: error: `timezone` must be a string, not an integer"],
    ),
    // --- More semantics -----------------------------------------------------
    (
        "format_zero.toml",
        &["1:10: error: unsupported format 0: this version of itinera reads format 1"],
    ),
    (
        "format_negative.toml",
        &["1:10: error: unsupported format -1: this version of itinera reads format 1"],
    ),
    (
        "time_leap_second.toml",
        &["15:9: error: invalid time 23:59:60 for `start`: expected HH:MM, like 09:30"],
    ),
    (
        "mission_1097_days.toml",
        &[
            "6:7: error: the mission is 1097 days long (2022-11-14 to 2025-11-14); itinera plans missions of up to 1096 days (3 years)",
        ],
    ),
    (
        "visit_id_empty.toml",
        &["15:6: error: invalid visit id \"\": use letters, digits, '-' and '_'"],
    ),
    (
        "participant_id_empty.toml",
        &["9:6: error: `id` must not be empty"],
    ),
    (
        "title_only_spaces.toml",
        &["14:9: error: `title` must not be empty"],
    ),
    (
        "timezone_empty.toml",
        &["7:12: error: unknown time zone \"\" (use an IANA name like \"Asia/Tokyo\")"],
    ),
    (
        "overnight_on_the_last_date.toml",
        &[
            "16:7: error: the visit ends at 01:00, before it starts (23:00); for an item past midnight set `end_date`",
        ],
    ),
];
