//! Regular expressions with Python's `re` syntax and semantics: a parser that reports
//! CPython's errors, a compiler to a small instruction set, and a backtracking matcher with
//! an explicit stack (long subjects never recurse on the Rust stack) and a step budget (a
//! catastrophic pattern cannot freeze the game).

mod compile;
mod exec;
mod parse;

use std::collections::HashMap;

pub mod flags {
    pub const TEMPLATE: u32 = 1;
    pub const IGNORECASE: u32 = 2;
    pub const LOCALE: u32 = 4;
    pub const MULTILINE: u32 = 8;
    pub const DOTALL: u32 = 16;
    pub const UNICODE: u32 = 32;
    pub const VERBOSE: u32 = 64;
    pub const DEBUG: u32 = 128;
    pub const ASCII: u32 = 256;
}

/// A pattern error: CPython's message and the position in the pattern.
#[derive(Debug, Clone, PartialEq)]
pub struct Error {
    pub msg: String,
    pub pos: usize,
}

impl Error {
    fn new(msg: impl Into<String>, pos: usize) -> Self {
        Error {
            msg: msg.into(),
            pos,
        }
    }
}

/// Why a match attempt stopped without an answer.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Abort {
    /// The step budget ran out.
    Budget,
}

/// How a match is anchored.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Mode {
    /// `match`: at `pos` only.
    Match,
    /// `search`: at the first position from `pos` where it matches.
    Search,
    /// `fullmatch`: at `pos`, ending exactly at `endpos`.
    Full,
}

/// A compiled pattern.
#[derive(Debug)]
pub struct Regex {
    prog: compile::Prog,
    /// Number of capturing groups.
    pub groups: usize,
    pub names: HashMap<String, usize>,
    /// Global flags, including inline ones.
    pub flags: u32,
}

/// Group spans of a match (char offsets); index 0 is the whole match.
pub type Spans = Vec<Option<(usize, usize)>>;

impl Regex {
    pub fn new(pattern: &str, flags_in: u32, is_bytes: bool) -> Result<Regex, Error> {
        if is_bytes && flags_in & flags::UNICODE != 0 {
            return Err(Error::new(
                "cannot use UNICODE flag with a bytes pattern",
                0,
            ));
        }
        if flags_in & flags::ASCII != 0 && flags_in & flags::UNICODE != 0 {
            return Err(Error::new("ASCII and UNICODE flags are incompatible", 0));
        }
        let mut f = flags_in;
        if !is_bytes && f & flags::ASCII == 0 {
            f |= flags::UNICODE;
        }
        let parsed = parse::parse(pattern, f, is_bytes)?;
        let mut flags = parsed.flags;
        if is_bytes || flags & flags::ASCII != 0 {
            flags &= !flags::UNICODE;
        }
        let prog = compile::compile(&parsed.node, flags, parsed.groups, is_bytes);
        Ok(Regex {
            prog,
            groups: parsed.groups,
            names: parsed.names,
            flags,
        })
    }

    /// Match against `text[..end]` starting at `pos`. `budget` counts matcher steps down.
    pub fn exec(
        &self,
        text: &[char],
        pos: usize,
        end: usize,
        mode: Mode,
        budget: &mut u64,
    ) -> Result<Option<Spans>, Abort> {
        exec::run(
            &self.prog,
            text,
            pos,
            end.min(text.len()),
            mode,
            budget,
            None,
        )
    }

    /// Search from `pos`, but reject an empty match at `forbid` (the rule that stops
    /// finditer/sub from matching empty twice at one place).
    pub fn exec_nonempty_at(
        &self,
        text: &[char],
        pos: usize,
        end: usize,
        forbid: usize,
        budget: &mut u64,
    ) -> Result<Option<Spans>, Abort> {
        exec::run(
            &self.prog,
            text,
            pos,
            end.min(text.len()),
            Mode::Search,
            budget,
            Some(forbid),
        )
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn find(p: &str, t: &str) -> Option<(usize, usize)> {
        let r = Regex::new(p, 0, false).expect("pattern");
        let chars: Vec<char> = t.chars().collect();
        let mut budget = u64::MAX;
        r.exec(&chars, 0, chars.len(), Mode::Search, &mut budget)
            .expect("no abort")
            .and_then(|s| s[0])
    }

    #[test]
    fn basics() {
        assert_eq!(find("b+", "abbbc"), Some((1, 4)));
        assert_eq!(find("a.c", "xabcx"), Some((1, 4)));
        assert_eq!(find("^b", "ab"), None);
        assert_eq!(find("(a|ab)(c|bcd)(d*)", "abcd"), Some((0, 4)));
        assert_eq!(find("a{2,3}", "aaaa"), Some((0, 3)));
        assert_eq!(find("a{2,3}?", "aaaa"), Some((0, 2)));
        assert_eq!(find(r"(\w+)\s\1", "hello hello"), Some((0, 11)));
        assert_eq!(find(r"(?<=a)b", "ab"), Some((1, 2)));
        assert_eq!(find(r"(?!a)\w", "ab"), Some((1, 2)));
        assert_eq!(find(r"(a*)*b", "aaab"), Some((0, 4)));
        assert_eq!(find(r"(?>a+)a", "aaa"), None);
        assert_eq!(find(r"a++a", "aaa"), None);
    }

    #[test]
    fn catastrophic_patterns_stop_at_the_budget() {
        let r = Regex::new("(a+)+b", 0, false).expect("pattern");
        let chars: Vec<char> = "a".repeat(40).chars().collect();
        let mut budget = 1_000_000;
        assert_eq!(
            r.exec(&chars, 0, chars.len(), Mode::Search, &mut budget),
            Err(Abort::Budget)
        );
    }

    #[test]
    fn errors_match_cpython() {
        let e = |p: &str| Regex::new(p, 0, false).err().map(|e| (e.msg, e.pos));
        assert_eq!(
            e("(a"),
            Some(("missing ), unterminated subpattern".into(), 0))
        );
        assert_eq!(e("a)"), Some(("unbalanced parenthesis".into(), 1)));
        assert_eq!(e("*a"), Some(("nothing to repeat".into(), 0)));
        assert_eq!(e("a**"), Some(("multiple repeat".into(), 2)));
        assert_eq!(e("[a"), Some(("unterminated character set".into(), 0)));
        assert_eq!(e(r"\q"), Some(("bad escape \\q".into(), 0)));
    }
}
