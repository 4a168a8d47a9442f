//! Which field of a form a piece of code means.

/// A field of a form, named by its key in the file (`"start"`,
/// `"end_date"`), so a field added to an entity's description has its
/// name without more. The constants name the fields that code and tests
/// refer to; a key names the same field in every form that has it (the
/// mission's `start`, labelled "First day", is [`Name::FirstDay`]).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Name(pub &'static str);

#[allow(non_upper_case_globals)]
impl Name {
    pub const Title: Name = Name("title");
    pub const Date: Name = Name("date");
    pub const Start: Name = Name("start");
    pub const End: Name = Name("end");
    pub const EndDate: Name = Name("end_date");
    pub const Kind: Name = Name("kind");
    pub const Status: Name = Name("status");
    pub const City: Name = Name("city");
    pub const Venue: Name = Name("venue");
    pub const Address: Name = Name("address");
    pub const Host: Name = Name("host");
    pub const Contact: Name = Name("contact");
    pub const Id: Name = Name("id");
    pub const Tags: Name = Name("tags");
    pub const Attendees: Name = Name("participants");
    pub const Notes: Name = Name("notes");
    pub const Name: Name = Name("name");
    pub const Organization: Name = Name("organization");
    pub const Region: Name = Name("region");
    pub const Role: Name = Name("role");
    pub const Email: Name = Name("email");
    pub const Phone: Name = Name("phone");
    /// The mission's `start`.
    pub const FirstDay: Name = Name("start");
    /// The mission's `end`.
    pub const LastDay: Name = Name("end");
    pub const Timezone: Name = Name("timezone");
    pub const HomeTimezone: Name = Name("home_timezone");
    pub const Organizer: Name = Name("organizer");
    pub const Summary: Name = Name("summary");
    pub const Lodging: Name = Name("lodging");
    /// The export form's fields.
    pub const Format: Name = Name("format");
    pub const Scope: Name = Name("scope");
    pub const Path: Name = Name("path");
}
