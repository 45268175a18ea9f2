//! [`Node`] tree → instructions for the backtracking matcher.

use super::flags;
use super::parse::{Class, ClassItem, Node};

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Assert {
    /// `^` without MULTILINE, `\A`
    Start,
    /// `^` with MULTILINE
    LineStart,
    /// `$` without MULTILINE: the end, or before a final newline
    End,
    /// `$` with MULTILINE
    LineEnd,
    /// `\Z`
    StrEnd,
    /// `\b` (true) / `\B` (false); the flag says whether word chars are ASCII only
    Boundary { word: bool, ascii: bool },
}

/// A single-character test.
#[derive(Debug, Clone)]
pub enum CharTest {
    Char(char),
    /// Case-insensitive: any of these (the char and its case variants).
    CharIn(Vec<char>),
    /// `.`; `true` when it also matches a newline.
    Any(bool),
    Set(Box<SetTest>),
}

#[derive(Debug, Clone)]
pub struct SetTest {
    pub class: Class,
    pub icase: bool,
    pub ascii: bool,
}

#[derive(Debug, Clone)]
pub enum Inst {
    Test(CharTest),
    /// Repeat a single-char test without a backtrack entry per char.
    RepeatTest {
        test: CharTest,
        min: u32,
        max: u32,
        greedy: bool,
        possessive: bool,
    },
    Assert(Assert),
    /// Try `.0` first, `.1` on backtrack.
    Split(usize, usize),
    Jmp(usize),
    Save(usize),
    Backref {
        group: usize,
        icase: bool,
    },
    /// Reset counter `c` for a loop starting at the next instruction.
    RepStart(usize),
    /// Loop head: body at the next instruction (a `RepBody`), else continue at `exit`.
    RepLoop {
        c: usize,
        min: u32,
        max: u32,
        greedy: bool,
        exit: usize,
    },
    /// Start of one iteration: remember where it began (for the empty-iteration check).
    RepBody(usize),
    /// End of an iteration: count it and go back to the head.
    RepEnd {
        c: usize,
        head: usize,
    },
    /// Run the sub-program at `sub` as a lookaround; it ends with `SubMatch`.
    Look {
        sub: usize,
        ahead: bool,
        negated: bool,
        width: usize,
    },
    /// Run the sub-program at `sub` once; keep its first match, never backtrack into it.
    Atomic {
        sub: usize,
    },
    /// Continue if group `group` matched, else jump to `no`.
    IfGroup {
        group: usize,
        no: usize,
    },
    SubMatch,
    Match,
}

#[derive(Debug)]
pub struct Prog {
    pub insts: Vec<Inst>,
    pub slots: usize,
    pub counters: usize,
    /// A character every match must start with (for a fast search scan).
    pub first_char: Option<char>,
    /// The pattern starts with `\A` or a non-multiline `^`: search tries one position.
    pub anchored: bool,
}

struct Compiler {
    insts: Vec<Inst>,
    counters: usize,
    is_bytes: bool,
}

pub fn compile(node: &Node, flags: u32, groups: usize, is_bytes: bool) -> Prog {
    let mut c = Compiler {
        insts: Vec::new(),
        counters: 0,
        is_bytes,
    };
    c.insts.push(Inst::Save(0));
    c.node(node, flags);
    c.insts.push(Inst::Save(1));
    c.insts.push(Inst::Match);
    let first_char = match c.insts.get(1) {
        Some(Inst::Test(CharTest::Char(ch))) => Some(*ch),
        _ => None,
    };
    let anchored = matches!(c.insts.get(1), Some(Inst::Assert(Assert::Start)));
    Prog {
        insts: c.insts,
        slots: 2 * (groups + 1),
        counters: c.counters,
        first_char,
        anchored,
    }
}

impl Compiler {
    fn emit(&mut self, i: Inst) -> usize {
        self.insts.push(i);
        self.insts.len() - 1
    }

    fn here(&self) -> usize {
        self.insts.len()
    }

    fn char_test(&self, n: &Node, flags: u32) -> Option<CharTest> {
        let icase = flags & flags::IGNORECASE != 0;
        let ascii = flags & flags::UNICODE == 0;
        Some(match n {
            Node::Char(ch) => {
                if icase {
                    let vars = case_variants(*ch, ascii || self.is_bytes);
                    if vars.len() > 1 {
                        CharTest::CharIn(vars)
                    } else {
                        CharTest::Char(*ch)
                    }
                } else {
                    CharTest::Char(*ch)
                }
            }
            Node::Any => CharTest::Any(flags & flags::DOTALL != 0),
            Node::Class(cl) => CharTest::Set(Box::new(SetTest {
                class: cl.clone(),
                icase,
                ascii,
            })),
            _ => return None,
        })
    }

    fn node(&mut self, n: &Node, flags: u32) {
        if let Some(t) = self.char_test(n, flags) {
            self.emit(Inst::Test(t));
            return;
        }
        match n {
            Node::Empty => {}
            Node::Char(_) | Node::Any | Node::Class(_) => {}
            Node::Bol => {
                self.emit(Inst::Assert(if flags & flags::MULTILINE != 0 {
                    Assert::LineStart
                } else {
                    Assert::Start
                }));
            }
            Node::Eol => {
                self.emit(Inst::Assert(if flags & flags::MULTILINE != 0 {
                    Assert::LineEnd
                } else {
                    Assert::End
                }));
            }
            Node::StrStart => {
                self.emit(Inst::Assert(Assert::Start));
            }
            Node::StrEnd => {
                self.emit(Inst::Assert(Assert::StrEnd));
            }
            Node::WordBoundary(word) => {
                self.emit(Inst::Assert(Assert::Boundary {
                    word: *word,
                    ascii: flags & flags::UNICODE == 0,
                }));
            }
            Node::Group(idx, inner) => match idx {
                Some(g) => {
                    self.emit(Inst::Save(2 * g));
                    self.node(inner, flags);
                    self.emit(Inst::Save(2 * g + 1));
                }
                None => self.node(inner, flags),
            },
            Node::Concat(xs) => {
                for x in xs {
                    self.node(x, flags);
                }
            }
            Node::Alt(xs) => {
                // split L1, next; L1: a; jmp end; next: split L2, ...
                let mut jumps = Vec::new();
                for (k, x) in xs.iter().enumerate() {
                    if k + 1 < xs.len() {
                        let split = self.emit(Inst::Split(0, 0));
                        self.node(x, flags);
                        jumps.push(self.emit(Inst::Jmp(0)));
                        let next = self.here();
                        self.insts[split] = Inst::Split(split + 1, next);
                    } else {
                        self.node(x, flags);
                    }
                }
                let end = self.here();
                for j in jumps {
                    self.insts[j] = Inst::Jmp(end);
                }
            }
            Node::Repeat {
                node,
                min,
                max,
                greedy,
                possessive,
            } => self.repeat(node, *min, *max, *greedy, *possessive, flags),
            Node::Backref(g) => {
                self.emit(Inst::Backref {
                    group: *g,
                    icase: flags & flags::IGNORECASE != 0,
                });
            }
            Node::Look {
                node,
                ahead,
                negated,
            } => {
                let width = if *ahead {
                    0
                } else {
                    super::parse::fixed_width(node).unwrap_or(0)
                };
                let look = self.emit(Inst::Look {
                    sub: 0,
                    ahead: *ahead,
                    negated: *negated,
                    width,
                });
                let skip = self.emit(Inst::Jmp(0));
                let sub = self.here();
                self.node(node, flags);
                self.emit(Inst::SubMatch);
                let after = self.here();
                self.insts[look] = Inst::Look {
                    sub,
                    ahead: *ahead,
                    negated: *negated,
                    width,
                };
                self.insts[skip] = Inst::Jmp(after);
            }
            Node::Atomic(inner) => self.atomic(inner, flags),
            Node::Cond { group, yes, no } => {
                let test = self.emit(Inst::IfGroup {
                    group: *group,
                    no: 0,
                });
                self.node(yes, flags);
                let jmp = self.emit(Inst::Jmp(0));
                let no_at = self.here();
                self.node(no, flags);
                let end = self.here();
                self.insts[test] = Inst::IfGroup {
                    group: *group,
                    no: no_at,
                };
                self.insts[jmp] = Inst::Jmp(end);
            }
            Node::Flags { on, off, node } => {
                self.node(node, (flags | on) & !off);
            }
        }
    }

    fn atomic(&mut self, inner: &Node, flags: u32) {
        let at = self.emit(Inst::Atomic { sub: 0 });
        let skip = self.emit(Inst::Jmp(0));
        let sub = self.here();
        self.node(inner, flags);
        self.emit(Inst::SubMatch);
        let after = self.here();
        self.insts[at] = Inst::Atomic { sub };
        self.insts[skip] = Inst::Jmp(after);
    }

    fn repeat(
        &mut self,
        node: &Node,
        min: u32,
        max: Option<u32>,
        greedy: bool,
        possessive: bool,
        flags: u32,
    ) {
        let max_n = max.unwrap_or(u32::MAX);
        if let Some(test) = self.char_test(node, flags) {
            self.emit(Inst::RepeatTest {
                test,
                min,
                max: max_n,
                greedy,
                possessive,
            });
            return;
        }
        if possessive {
            let wrapped = Node::Repeat {
                node: Box::new(node.clone()),
                min,
                max,
                greedy: true,
                possessive: false,
            };
            self.atomic(&wrapped, flags);
            return;
        }
        // Small fixed shapes unroll: x? and x{n} with a short body.
        if min == 0 && max == Some(1) {
            let split = self.emit(Inst::Split(0, 0));
            self.node(node, flags);
            let end = self.here();
            self.insts[split] = if greedy {
                Inst::Split(split + 1, end)
            } else {
                Inst::Split(end, split + 1)
            };
            return;
        }
        let c = self.counters;
        self.counters += 1;
        self.emit(Inst::RepStart(c));
        let head = self.emit(Inst::RepLoop {
            c,
            min,
            max: max_n,
            greedy,
            exit: 0,
        });
        self.emit(Inst::RepBody(c));
        self.node(node, flags);
        self.emit(Inst::RepEnd { c, head });
        let exit = self.here();
        self.insts[head] = Inst::RepLoop {
            c,
            min,
            max: max_n,
            greedy,
            exit,
        };
    }
}

/// The characters that match `c` ignoring case (Python compares lower- and uppercase forms).
pub fn case_variants(c: char, ascii: bool) -> Vec<char> {
    let mut out = vec![c];
    if ascii {
        if c.is_ascii_alphabetic() {
            out.push(if c.is_ascii_lowercase() {
                c.to_ascii_uppercase()
            } else {
                c.to_ascii_lowercase()
            });
        }
        return out;
    }
    let mut push = |x: char| {
        if !out.contains(&x) {
            out.push(x);
        }
    };
    let mut lower = c.to_lowercase();
    if let (Some(l), None) = (lower.next(), lower.next()) {
        push(l);
        let mut up = l.to_uppercase();
        if let (Some(u), None) = (up.next(), up.next()) {
            push(u);
        }
    }
    let mut upper = c.to_uppercase();
    if let (Some(u), None) = (upper.next(), upper.next()) {
        push(u);
        let mut low = u.to_lowercase();
        if let (Some(l), None) = (low.next(), low.next()) {
            push(l);
        }
    }
    out
}

pub fn class_matches(s: &SetTest, c: char) -> bool {
    let hit = |ch: char| s.class.items.iter().any(|it| item_matches(it, ch, s.ascii));
    let found = if s.icase {
        case_variants(c, s.ascii).into_iter().any(hit)
    } else {
        hit(c)
    };
    found != s.class.negated
}

fn item_matches(it: &ClassItem, c: char, ascii: bool) -> bool {
    match *it {
        ClassItem::Char(x) => x == c,
        ClassItem::Range(a, b) => a <= c && c <= b,
        ClassItem::Digit(neg) => is_digit(c, ascii) != neg,
        ClassItem::Word(neg) => is_word(c, ascii) != neg,
        ClassItem::Space(neg) => is_space(c, ascii) != neg,
    }
}

pub fn is_word(c: char, ascii: bool) -> bool {
    if ascii {
        c.is_ascii_alphanumeric() || c == '_'
    } else {
        c.is_alphanumeric() || c == '_'
    }
}

fn is_digit(c: char, ascii: bool) -> bool {
    if ascii {
        c.is_ascii_digit()
    } else {
        crate::builtins::str::is_decimal_char(c)
    }
}

fn is_space(c: char, ascii: bool) -> bool {
    if ascii {
        matches!(c, ' ' | '\t' | '\n' | '\r' | '\x0b' | '\x0c')
    } else {
        matches!(
            c,
            ' ' | '\t' | '\n' | '\r' | '\x0b' | '\x0c' | '\x1c'..='\x1f' | '\u{85}'
        ) || c.is_whitespace()
    }
}
