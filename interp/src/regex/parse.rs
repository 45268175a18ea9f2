//! Pattern text → [`Node`] tree, with the syntax and error messages of CPython's `sre_parse`.

use super::{flags, Error};
use std::collections::HashMap;

#[derive(Debug, Clone, PartialEq)]
pub enum ClassItem {
    Char(char),
    Range(char, char),
    Digit(bool),
    Word(bool),
    Space(bool),
}

#[derive(Debug, Clone, PartialEq)]
pub struct Class {
    pub negated: bool,
    pub items: Vec<ClassItem>,
}

#[derive(Debug, Clone, PartialEq)]
pub enum Node {
    Empty,
    Char(char),
    Any,
    Class(Class),
    /// `^`
    Bol,
    /// `$`
    Eol,
    /// `\A`
    StrStart,
    /// `\Z`
    StrEnd,
    WordBoundary(bool),
    Group(Option<usize>, Box<Node>),
    Concat(Vec<Node>),
    Alt(Vec<Node>),
    Repeat {
        node: Box<Node>,
        min: u32,
        max: Option<u32>,
        greedy: bool,
        possessive: bool,
    },
    Backref(usize),
    Look {
        node: Box<Node>,
        ahead: bool,
        negated: bool,
    },
    Atomic(Box<Node>),
    Cond {
        group: usize,
        yes: Box<Node>,
        no: Box<Node>,
    },
    /// A subpattern with flags turned on/off (`(?i:...)`).
    Flags {
        on: u32,
        off: u32,
        node: Box<Node>,
    },
}

/// A parsed pattern: the tree, the global flags, the number of groups and their names.
pub struct Parsed {
    pub node: Node,
    pub flags: u32,
    pub groups: usize,
    pub names: HashMap<String, usize>,
}

const MAX_REPEAT: u32 = u32::MAX - 1;

struct Parser<'a> {
    src: &'a [char],
    i: usize,
    flags: u32,
    groups: usize,
    names: HashMap<String, usize>,
    /// Groups still open (a backreference to one is an error).
    open: Vec<usize>,
    depth: usize,
    is_bytes: bool,
}

pub fn parse(pattern: &str, flags_in: u32, is_bytes: bool) -> Result<Parsed, Error> {
    let chars: Vec<char> = pattern.chars().collect();
    let mut p = Parser {
        src: &chars,
        i: 0,
        flags: flags_in,
        groups: 0,
        names: HashMap::new(),
        open: Vec::new(),
        depth: 0,
        is_bytes,
    };
    // Global inline flags (`(?i)`) apply to the whole pattern, wherever they appear at the
    // start; scan them first so verbose mode is known before parsing.
    p.leading_flags()?;
    let node = p.alternation()?;
    if p.i < p.src.len() {
        // Only a stray ')' can stop the top level early.
        return Err(Error::new("unbalanced parenthesis", p.i));
    }
    Ok(Parsed {
        node,
        flags: p.flags,
        groups: p.groups,
        names: p.names,
    })
}

impl<'a> Parser<'a> {
    fn peek(&self) -> Option<char> {
        self.src.get(self.i).copied()
    }

    fn peek_at(&self, k: usize) -> Option<char> {
        self.src.get(self.i + k).copied()
    }

    fn eat(&mut self, c: char) -> bool {
        if self.peek() == Some(c) {
            self.i += 1;
            true
        } else {
            false
        }
    }

    fn verbose(&self) -> bool {
        self.flags & flags::VERBOSE != 0
    }

    fn leading_flags(&mut self) -> Result<(), Error> {
        let save = self.i;
        while self.peek() == Some('(') && self.peek_at(1) == Some('?') {
            let mut j = self.i + 2;
            let mut on = 0;
            while let Some(&c) = self.src.get(j) {
                match flag_bit(c) {
                    Some(b) => on |= b,
                    None => break,
                }
                j += 1;
            }
            if j == self.i + 2 || self.src.get(j) != Some(&')') {
                break;
            }
            self.flags |= on;
            self.i = j + 1;
        }
        self.i = save;
        Ok(())
    }

    fn skip_verbose(&mut self) {
        if !self.verbose() {
            return;
        }
        loop {
            match self.peek() {
                Some(c) if c.is_whitespace() => self.i += 1,
                Some('#') => {
                    while let Some(c) = self.peek() {
                        self.i += 1;
                        if c == '\n' {
                            break;
                        }
                    }
                }
                _ => break,
            }
        }
    }

    fn alternation(&mut self) -> Result<Node, Error> {
        self.depth += 1;
        if self.depth > 500 {
            return Err(Error::new("too many nested groups", self.i));
        }
        let mut alts = vec![self.sequence()?];
        while self.eat('|') {
            alts.push(self.sequence()?);
        }
        self.depth -= 1;
        Ok(if alts.len() == 1 {
            alts.pop().unwrap_or(Node::Empty)
        } else {
            Node::Alt(alts)
        })
    }

    fn sequence(&mut self) -> Result<Node, Error> {
        let mut items: Vec<Node> = Vec::new();
        loop {
            self.skip_verbose();
            let start = self.i;
            let Some(c) = self.peek() else { break };
            if c == '|' || c == ')' {
                break;
            }
            let atom = match c {
                '*' | '+' | '?' => return Err(Error::new("nothing to repeat", start)),
                '{' if self.quantifier_ahead() => {
                    return Err(Error::new("nothing to repeat", start));
                }
                _ => self.atom()?,
            };
            let Some(atom) = atom else { continue };
            let atom = self.quantified(atom, start)?;
            items.push(atom);
        }
        Ok(match items.len() {
            0 => Node::Empty,
            1 => items.pop().unwrap_or(Node::Empty),
            _ => Node::Concat(items),
        })
    }

    /// Is there a `{m,n}` quantifier at the cursor (otherwise `{` is a literal)?
    fn quantifier_ahead(&self) -> bool {
        let mut j = self.i + 1;
        let mut digits = 0;
        while self.src.get(j).is_some_and(|c| c.is_ascii_digit()) {
            j += 1;
            digits += 1;
        }
        if self.src.get(j) == Some(&',') {
            j += 1;
            while self.src.get(j).is_some_and(|c| c.is_ascii_digit()) {
                j += 1;
            }
        } else if digits == 0 {
            return false;
        }
        self.src.get(j) == Some(&'}')
    }

    fn number(&mut self) -> Option<u64> {
        let st = self.i;
        while self.peek().is_some_and(|c| c.is_ascii_digit()) {
            self.i += 1;
        }
        if st == self.i {
            return None;
        }
        let s: String = self.src[st..self.i].iter().collect();
        Some(s.parse::<u64>().unwrap_or(u64::MAX))
    }

    fn quantified(&mut self, atom: Node, atom_start: usize) -> Result<Node, Error> {
        self.skip_verbose();
        let qstart = self.i;
        let (min, max) = match self.peek() {
            Some('*') => {
                self.i += 1;
                (0, None)
            }
            Some('+') => {
                self.i += 1;
                (1, None)
            }
            Some('?') => {
                self.i += 1;
                (0, Some(1))
            }
            Some('{') if self.quantifier_ahead() => {
                self.i += 1;
                let lo = self.number();
                let hi = if self.eat(',') { self.number() } else { lo };
                self.i += 1; // }
                let lo = lo.unwrap_or(0);
                if lo > MAX_REPEAT as u64 || hi.is_some_and(|h| h > MAX_REPEAT as u64) {
                    return Err(Error::new("the repetition number is too large", qstart + 1));
                }
                if let Some(h) = hi {
                    if h < lo {
                        return Err(Error::new("min repeat greater than max repeat", qstart + 1));
                    }
                }
                (lo as u32, hi.map(|h| h as u32))
            }
            _ => return Ok(atom),
        };
        if matches!(
            atom,
            Node::Bol
                | Node::Eol
                | Node::StrStart
                | Node::StrEnd
                | Node::WordBoundary(_)
                | Node::Empty
        ) {
            return Err(Error::new("nothing to repeat", atom_start));
        }
        if let Node::Repeat { .. } = atom {
            return Err(Error::new("multiple repeat", qstart));
        }
        let mut greedy = true;
        let mut possessive = false;
        if self.eat('?') {
            greedy = false;
        } else if self.eat('+') {
            possessive = true;
        }
        self.skip_verbose();
        if matches!(self.peek(), Some('*' | '+' | '?'))
            || (self.peek() == Some('{') && self.quantifier_ahead())
        {
            return Err(Error::new("multiple repeat", self.i));
        }
        Ok(Node::Repeat {
            node: Box::new(atom),
            min,
            max,
            greedy,
            possessive,
        })
    }

    /// One atom; None for something that matches nothing (a comment, global flags).
    fn atom(&mut self) -> Result<Option<Node>, Error> {
        let start = self.i;
        let c = self.src[self.i];
        self.i += 1;
        Ok(Some(match c {
            '.' => Node::Any,
            '^' => Node::Bol,
            '$' => Node::Eol,
            '[' => Node::Class(self.class(start)?),
            '(' => return self.group(start),
            '\\' => self.escape(start)?,
            c => Node::Char(c),
        }))
    }

    fn group(&mut self, start: usize) -> Result<Option<Node>, Error> {
        if !self.eat('?') {
            self.groups += 1;
            let idx = self.groups;
            self.open.push(idx);
            let inner = self.alternation()?;
            self.open.pop();
            self.close(start)?;
            return Ok(Some(Node::Group(Some(idx), Box::new(inner))));
        }
        let Some(c) = self.peek() else {
            return Err(Error::new("unexpected end of pattern", self.i));
        };
        match c {
            ':' => {
                self.i += 1;
                let inner = self.alternation()?;
                self.close(start)?;
                Ok(Some(Node::Group(None, Box::new(inner))))
            }
            '>' => {
                self.i += 1;
                let inner = self.alternation()?;
                self.close(start)?;
                Ok(Some(Node::Atomic(Box::new(inner))))
            }
            '#' => {
                while let Some(c) = self.peek() {
                    self.i += 1;
                    if c == ')' {
                        return Ok(None);
                    }
                }
                Err(Error::new("missing ), unterminated comment", start))
            }
            '=' | '!' => {
                self.i += 1;
                let inner = self.alternation()?;
                self.close(start)?;
                Ok(Some(Node::Look {
                    node: Box::new(inner),
                    ahead: true,
                    negated: c == '!',
                }))
            }
            '<' if matches!(self.peek_at(1), Some('=' | '!')) => {
                let neg = self.peek_at(1) == Some('!');
                self.i += 2;
                let inner = self.alternation()?;
                self.close(start)?;
                if fixed_width(&inner).is_none() {
                    // CPython's compiler (not its parser) rejects this: no position.
                    return Err(Error::new(
                        "look-behind requires fixed-width pattern",
                        usize::MAX,
                    ));
                }
                Ok(Some(Node::Look {
                    node: Box::new(inner),
                    ahead: false,
                    negated: neg,
                }))
            }
            'P' => {
                self.i += 1;
                if self.eat('<') {
                    let name = self.group_name('>')?;
                    self.groups += 1;
                    let idx = self.groups;
                    if let Some(&old) = self.names.get(&name) {
                        return Err(Error::new(
                            format!(
                                "redefinition of group name '{name}' as group {idx}; was group {old}"
                            ),
                            start + 4,
                        ));
                    }
                    self.names.insert(name, idx);
                    self.open.push(idx);
                    let inner = self.alternation()?;
                    self.open.pop();
                    self.close(start)?;
                    Ok(Some(Node::Group(Some(idx), Box::new(inner))))
                } else if self.eat('=') {
                    let name_pos = self.i;
                    let name = self.group_name(')')?;
                    let Some(&idx) = self.names.get(&name) else {
                        return Err(Error::new(format!("unknown group name '{name}'"), name_pos));
                    };
                    if self.open.contains(&idx) {
                        return Err(Error::new("cannot refer to an open group", start));
                    }
                    Ok(Some(Node::Backref(idx)))
                } else {
                    let what: String = self.src[start + 1..(self.i + 1).min(self.src.len())]
                        .iter()
                        .collect();
                    Err(Error::new(format!("unknown extension {what}"), start + 1))
                }
            }
            '(' => {
                self.i += 1;
                let cond_pos = self.i;
                let name = self.group_name(')')?;
                let group = match name.parse::<usize>() {
                    Ok(n) => {
                        if n == 0 {
                            return Err(Error::new("bad group number", cond_pos));
                        }
                        n
                    }
                    Err(_) => match self.names.get(&name) {
                        Some(&g) => g,
                        None => {
                            return Err(Error::new(
                                format!("unknown group name '{name}'"),
                                cond_pos,
                            ))
                        }
                    },
                };
                let yes = self.sequence()?;
                let no = if self.eat('|') {
                    let n = self.sequence()?;
                    if self.peek() == Some('|') {
                        return Err(Error::new(
                            "conditional backref with more than two branches",
                            self.i,
                        ));
                    }
                    n
                } else {
                    Node::Empty
                };
                self.close(start)?;
                if group > self.groups {
                    return Err(Error::new(
                        format!("invalid group reference {group}"),
                        cond_pos,
                    ));
                }
                Ok(Some(Node::Cond {
                    group,
                    yes: Box::new(yes),
                    no: Box::new(no),
                }))
            }
            _ => self.flag_group(start),
        }
    }

    /// `(?aiLmsux)` or `(?aiLmsux-imsx:...)`.
    fn flag_group(&mut self, start: usize) -> Result<Option<Node>, Error> {
        let mut on = 0;
        let mut off = 0;
        while let Some(c) = self.peek() {
            match flag_bit(c) {
                Some(b) => {
                    on |= b;
                    self.i += 1;
                }
                None => break,
            }
        }
        if self.eat('-') {
            while let Some(c) = self.peek() {
                match flag_bit(c) {
                    Some(b) => {
                        off |= b;
                        self.i += 1;
                    }
                    None => break,
                }
            }
            if off == 0 {
                return Err(Error::new("missing flag", self.i));
            }
        }
        match self.peek() {
            Some(')') if off == 0 && on != 0 => {
                self.i += 1;
                // CPython 3.11 accepts global flags only at the start of the pattern.
                if start != 0 && !is_all_flag_groups(&self.src[..start]) {
                    return Err(Error::new(
                        "global flags not at the start of the expression",
                        start,
                    ));
                }
                Ok(None)
            }
            Some(':') => {
                self.i += 1;
                let saved = self.flags;
                self.flags = (self.flags | on) & !off;
                let inner = self.alternation();
                self.flags = saved;
                let inner = inner?;
                self.close(start)?;
                Ok(Some(Node::Flags {
                    on,
                    off,
                    node: Box::new(inner),
                }))
            }
            None => Err(Error::new("missing -, : or )", self.i)),
            Some(c) => {
                let msg = if on == 0 && off == 0 {
                    format!("unknown extension ?{c}")
                } else {
                    "unknown flag".to_string()
                };
                let pos = if on == 0 && off == 0 {
                    start + 1
                } else {
                    self.i
                };
                Err(Error::new(msg, pos))
            }
        }
    }

    fn group_name(&mut self, end: char) -> Result<String, Error> {
        let st = self.i;
        while let Some(c) = self.peek() {
            if c == end {
                break;
            }
            self.i += 1;
        }
        if self.peek() != Some(end) {
            return Err(Error::new(format!("missing {end}, unterminated name"), st));
        }
        let name: String = self.src[st..self.i].iter().collect();
        self.i += 1;
        if name.is_empty() {
            return Err(Error::new("missing group name", st));
        }
        let ok = name
            .chars()
            .next()
            .is_some_and(|c| c.is_alphabetic() || c == '_')
            && name.chars().all(|c| c.is_alphanumeric() || c == '_');
        let numeric_ref = end == ')' && name.chars().all(|c| c.is_ascii_digit());
        if !(ok || numeric_ref) {
            return Err(Error::new(
                format!("bad character in group name '{name}'"),
                st,
            ));
        }
        Ok(name)
    }

    fn close(&mut self, start: usize) -> Result<(), Error> {
        if self.eat(')') {
            Ok(())
        } else {
            Err(Error::new("missing ), unterminated subpattern", start))
        }
    }

    fn escape(&mut self, start: usize) -> Result<Node, Error> {
        let Some(c) = self.peek() else {
            return Err(Error::new("bad escape (end of pattern)", start));
        };
        self.i += 1;
        Ok(match c {
            'd' => Node::Class(single(ClassItem::Digit(false))),
            'D' => Node::Class(single(ClassItem::Digit(true))),
            'w' => Node::Class(single(ClassItem::Word(false))),
            'W' => Node::Class(single(ClassItem::Word(true))),
            's' => Node::Class(single(ClassItem::Space(false))),
            'S' => Node::Class(single(ClassItem::Space(true))),
            'b' => Node::WordBoundary(true),
            'B' => Node::WordBoundary(false),
            'A' => Node::StrStart,
            'Z' => Node::StrEnd,
            '1'..='9' => {
                // A group reference, or an octal escape of three digits.
                let st = self.i - 1;
                if c <= '7'
                    && self.peek().is_some_and(|d| ('0'..='7').contains(&d))
                    && self.peek_at(1).is_some_and(|d| ('0'..='7').contains(&d))
                {
                    let s: String = self.src[st..st + 3].iter().collect();
                    self.i = st + 3;
                    let v = u32::from_str_radix(&s, 8).unwrap_or(0);
                    if v > 0o377 {
                        return Err(Error::new(
                            format!("octal escape value \\{s} outside of range 0-0o377"),
                            start,
                        ));
                    }
                    return Ok(Node::Char(char::from_u32(v).unwrap_or('\0')));
                }
                if self.peek().is_some_and(|d| d.is_ascii_digit()) {
                    self.i += 1;
                }
                let s: String = self.src[st..self.i].iter().collect();
                let n: usize = s.parse().unwrap_or(0);
                if n > self.groups {
                    return Err(Error::new(format!("invalid group reference {n}"), st));
                }
                if self.open.contains(&n) {
                    return Err(Error::new("cannot refer to an open group", start));
                }
                Node::Backref(n)
            }
            _ => Node::Char(self.char_escape(c, start, false)?),
        })
    }

    /// Escapes that stand for one character (shared by patterns and classes).
    fn char_escape(&mut self, c: char, start: usize, in_class: bool) -> Result<char, Error> {
        Ok(match c {
            'n' => '\n',
            't' => '\t',
            'r' => '\r',
            'f' => '\x0c',
            'v' => '\x0b',
            'a' => '\x07',
            'b' if in_class => '\x08',
            '0' => {
                let st = self.i;
                let mut n = 0;
                while n < 2 && self.peek().is_some_and(|d| ('0'..='7').contains(&d)) {
                    self.i += 1;
                    n += 1;
                }
                let s: String = self.src[st..self.i].iter().collect();
                char::from_u32(
                    u32::from_str_radix(if s.is_empty() { "0" } else { &s }, 8).unwrap_or(0),
                )
                .unwrap_or('\0')
            }
            'x' => self.hex_escape(2, start)?,
            'u' if !self.is_bytes => self.hex_escape(4, start)?,
            'U' if !self.is_bytes => self.hex_escape(8, start)?,
            c if c.is_ascii_alphanumeric() => {
                return Err(Error::new(format!("bad escape \\{c}"), start));
            }
            c => c,
        })
    }

    fn hex_escape(&mut self, n: usize, start: usize) -> Result<char, Error> {
        let st = self.i;
        let mut k = 0;
        while k < n && self.peek().is_some_and(|d| d.is_ascii_hexdigit()) {
            self.i += 1;
            k += 1;
        }
        let s: String = self.src[st..self.i].iter().collect();
        let esc: String = self.src[start..self.i].iter().collect();
        if k < n {
            return Err(Error::new(format!("incomplete escape {esc}"), start));
        }
        let v = u32::from_str_radix(&s, 16).unwrap_or(0);
        char::from_u32(v).ok_or_else(|| Error::new(format!("bad escape {esc}"), start))
    }

    fn class(&mut self, start: usize) -> Result<Class, Error> {
        let negated = self.eat('^');
        let mut items = Vec::new();
        let mut first = true;
        loop {
            let Some(c) = self.peek() else {
                return Err(Error::new("unterminated character set", start));
            };
            if c == ']' && !first {
                self.i += 1;
                break;
            }
            first = false;
            let item_start = self.i;
            self.i += 1;
            let lo = if c == '\\' {
                let Some(e) = self.peek() else {
                    return Err(Error::new("unterminated character set", start));
                };
                self.i += 1;
                match e {
                    'd' => {
                        items.push(ClassItem::Digit(false));
                        continue;
                    }
                    'D' => {
                        items.push(ClassItem::Digit(true));
                        continue;
                    }
                    'w' => {
                        items.push(ClassItem::Word(false));
                        continue;
                    }
                    'W' => {
                        items.push(ClassItem::Word(true));
                        continue;
                    }
                    's' => {
                        items.push(ClassItem::Space(false));
                        continue;
                    }
                    'S' => {
                        items.push(ClassItem::Space(true));
                        continue;
                    }
                    '1'..='7' if self.peek().is_some_and(|d| ('0'..='7').contains(&d)) => {
                        let st = self.i - 1;
                        while self.i < st + 3
                            && self.peek().is_some_and(|d| ('0'..='7').contains(&d))
                        {
                            self.i += 1;
                        }
                        let s: String = self.src[st..self.i].iter().collect();
                        char::from_u32(u32::from_str_radix(&s, 8).unwrap_or(0)).unwrap_or('\0')
                    }
                    '1'..='9' => {
                        return Err(Error::new(format!("bad escape \\{e}"), item_start));
                    }
                    e => self.char_escape(e, item_start, true)?,
                }
            } else {
                c
            };
            if self.peek() == Some('-') && self.peek_at(1).is_some_and(|d| d != ']') {
                self.i += 1;
                let hi_start = self.i;
                let Some(h) = self.peek() else {
                    return Err(Error::new("unterminated character set", start));
                };
                self.i += 1;
                let hi = if h == '\\' {
                    let Some(e) = self.peek() else {
                        return Err(Error::new("unterminated character set", start));
                    };
                    self.i += 1;
                    if matches!(e, 'd' | 'D' | 'w' | 'W' | 's' | 'S') {
                        let what: String = self.src[item_start..self.i].iter().collect();
                        return Err(Error::new(
                            format!("bad character range {what}"),
                            item_start,
                        ));
                    }
                    self.char_escape(e, hi_start, true)?
                } else {
                    h
                };
                if hi < lo {
                    let what: String = self.src[item_start..self.i].iter().collect();
                    return Err(Error::new(
                        format!("bad character range {what}"),
                        item_start,
                    ));
                }
                items.push(ClassItem::Range(lo, hi));
            } else {
                items.push(ClassItem::Char(lo));
            }
        }
        Ok(Class { negated, items })
    }
}

fn is_all_flag_groups(src: &[char]) -> bool {
    let mut i = 0;
    while i < src.len() {
        if src.get(i) != Some(&'(') || src.get(i + 1) != Some(&'?') {
            return false;
        }
        i += 2;
        while src.get(i).is_some_and(|&c| flag_bit(c).is_some()) {
            i += 1;
        }
        if src.get(i) != Some(&')') {
            return false;
        }
        i += 1;
    }
    true
}

fn single(item: ClassItem) -> Class {
    Class {
        negated: false,
        items: vec![item],
    }
}

fn flag_bit(c: char) -> Option<u32> {
    Some(match c {
        'a' => flags::ASCII,
        'i' => flags::IGNORECASE,
        'L' => flags::LOCALE,
        'm' => flags::MULTILINE,
        's' => flags::DOTALL,
        'u' => flags::UNICODE,
        'x' => flags::VERBOSE,
        _ => return None,
    })
}

/// The number of characters every match of `n` spans, if that is fixed.
pub fn fixed_width(n: &Node) -> Option<usize> {
    match n {
        Node::Empty
        | Node::Bol
        | Node::Eol
        | Node::StrStart
        | Node::StrEnd
        | Node::WordBoundary(_)
        | Node::Look { .. } => Some(0),
        Node::Char(_) | Node::Any | Node::Class(_) => Some(1),
        Node::Group(_, x) | Node::Atomic(x) | Node::Flags { node: x, .. } => fixed_width(x),
        Node::Concat(xs) => xs.iter().map(fixed_width).sum(),
        Node::Alt(xs) => {
            let w = fixed_width(xs.first()?)?;
            xs.iter().all(|x| fixed_width(x) == Some(w)).then_some(w)
        }
        Node::Repeat { node, min, max, .. } => {
            if Some(*min) == *max {
                fixed_width(node).map(|w| w * *min as usize)
            } else {
                None
            }
        }
        Node::Backref(_) => None,
        Node::Cond { yes, no, .. } => {
            let w = fixed_width(yes)?;
            (fixed_width(no) == Some(w)).then_some(w)
        }
    }
}
