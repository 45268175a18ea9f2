//! The backtracking matcher: an explicit stack of choice points and undo records.

use super::compile::{class_matches, is_word, Assert, CharTest, Inst, Prog};
use super::{Abort, Mode, Spans};

const NONE: usize = usize::MAX;

enum Bt {
    /// Resume at `pc` with the subject position `pos`.
    Branch { pc: usize, pos: usize },
    /// Undo a capture slot change.
    Slot { slot: usize, old: usize },
    /// Undo a loop counter change.
    Counter { c: usize, old: (u32, usize) },
    /// A greedy single-char repeat that can still give back characters.
    Greedy {
        next: usize,
        min_pos: usize,
        pos: usize,
    },
    /// A lazy single-char repeat that can still take more characters.
    Lazy { at: usize, pos: usize, count: u32 },
}

struct Machine<'a> {
    prog: &'a Prog,
    text: &'a [char],
    end: usize,
    slots: Vec<usize>,
    counters: Vec<(u32, usize)>,
    budget: &'a mut u64,
    full: bool,
    /// Where the current attempt started, and a start where an empty match is refused.
    attempt: usize,
    forbid_empty_at: Option<usize>,
}

pub fn run(
    prog: &Prog,
    text: &[char],
    pos: usize,
    end: usize,
    mode: Mode,
    budget: &mut u64,
    forbid_empty_at: Option<usize>,
) -> Result<Option<Spans>, Abort> {
    if pos > end {
        return Ok(None);
    }
    let mut m = Machine {
        prog,
        text,
        end,
        slots: vec![NONE; prog.slots],
        counters: vec![(0, NONE); prog.counters],
        budget,
        full: mode == Mode::Full,
        attempt: pos,
        forbid_empty_at,
    };
    let mut start = pos;
    loop {
        if mode == Mode::Search {
            if let Some(fc) = prog.first_char {
                match text[start..end].iter().position(|&c| c == fc) {
                    Some(off) => start += off,
                    None => return Ok(None),
                }
            }
        }
        m.slots.iter_mut().for_each(|s| *s = NONE);
        m.attempt = start;
        if m.exec(0, start, true)?.is_some() {
            let spans = m
                .slots
                .chunks(2)
                .map(|p| (p[0] != NONE && p[1] != NONE).then(|| (p[0], p[1])))
                .collect();
            return Ok(Some(spans));
        }
        if mode != Mode::Search || start >= end || prog.anchored {
            return Ok(None);
        }
        start += 1;
    }
}

impl<'a> Machine<'a> {
    fn test(&self, t: &CharTest, pos: usize) -> bool {
        if pos >= self.end {
            return false;
        }
        let c = self.text[pos];
        match t {
            CharTest::Char(x) => c == *x,
            CharTest::CharIn(xs) => xs.contains(&c),
            CharTest::Any(dotall) => *dotall || c != '\n',
            CharTest::Set(s) => class_matches(s, c),
        }
    }

    fn assert(&self, a: Assert, pos: usize) -> bool {
        let t = self.text;
        match a {
            Assert::Start => pos == 0,
            Assert::LineStart => pos == 0 || t[pos - 1] == '\n',
            Assert::End => pos == self.end || (pos + 1 == self.end && t[pos] == '\n'),
            Assert::LineEnd => pos == self.end || t[pos] == '\n',
            Assert::StrEnd => pos == self.end,
            Assert::Boundary { word, ascii } => {
                let before = pos > 0 && is_word(t[pos - 1], ascii);
                let after = pos < self.end && is_word(t[pos], ascii);
                (before != after) == word
            }
        }
    }

    fn set_slot(&mut self, stack: &mut Vec<Bt>, slot: usize, v: usize) {
        stack.push(Bt::Slot {
            slot,
            old: self.slots[slot],
        });
        self.slots[slot] = v;
    }

    fn set_counter(&mut self, stack: &mut Vec<Bt>, c: usize, v: (u32, usize)) {
        stack.push(Bt::Counter {
            c,
            old: self.counters[c],
        });
        self.counters[c] = v;
    }

    /// Run from `pc` at `pos` until `Match` (top level) or `SubMatch` (a sub-program);
    /// the end position on success. On failure every change has been undone.
    fn exec(&mut self, pc0: usize, pos0: usize, top: bool) -> Result<Option<usize>, Abort> {
        let mut stack: Vec<Bt> = Vec::new();
        let mut pc = pc0;
        let mut pos = pos0;
        loop {
            if *self.budget == 0 {
                return Err(Abort::Budget);
            }
            *self.budget -= 1;
            let ok = match &self.prog.insts[pc] {
                Inst::Test(t) => {
                    if self.test(t, pos) {
                        pos += 1;
                        pc += 1;
                        true
                    } else {
                        false
                    }
                }
                Inst::RepeatTest {
                    test,
                    min,
                    max,
                    greedy,
                    possessive,
                } => {
                    let (min, max) = (*min as usize, *max as usize);
                    let start = pos;
                    if *greedy || *possessive {
                        let mut n = 0;
                        while n < max && self.test(test, pos) {
                            pos += 1;
                            n += 1;
                        }
                        *self.budget = self.budget.saturating_sub(n as u64);
                        if n < min {
                            false
                        } else {
                            if !*possessive && n > min {
                                stack.push(Bt::Greedy {
                                    next: pc + 1,
                                    min_pos: start + min,
                                    pos,
                                });
                            }
                            pc += 1;
                            true
                        }
                    } else {
                        let mut n = 0;
                        while n < min && self.test(test, pos) {
                            pos += 1;
                            n += 1;
                        }
                        if n < min {
                            false
                        } else {
                            if n < max {
                                stack.push(Bt::Lazy {
                                    at: pc,
                                    pos,
                                    count: n as u32,
                                });
                            }
                            pc += 1;
                            true
                        }
                    }
                }
                Inst::Assert(a) => {
                    if self.assert(*a, pos) {
                        pc += 1;
                        true
                    } else {
                        false
                    }
                }
                Inst::Split(a, b) => {
                    stack.push(Bt::Branch { pc: *b, pos });
                    pc = *a;
                    true
                }
                Inst::Jmp(t) => {
                    pc = *t;
                    true
                }
                Inst::Save(s) => {
                    let s = *s;
                    self.set_slot(&mut stack, s, pos);
                    pc += 1;
                    true
                }
                Inst::Backref { group, icase } => {
                    let (s, e) = (self.slots[2 * group], self.slots[2 * group + 1]);
                    if s == NONE || e == NONE {
                        false
                    } else {
                        let len = e - s;
                        if pos + len > self.end {
                            false
                        } else {
                            let same = (0..len).all(|k| {
                                let (a, b) = (self.text[s + k], self.text[pos + k]);
                                a == b || (*icase && a.to_lowercase().eq(b.to_lowercase()))
                            });
                            if same {
                                pos += len;
                                pc += 1;
                            }
                            same
                        }
                    }
                }
                Inst::RepStart(c) => {
                    let c = *c;
                    self.set_counter(&mut stack, c, (0, NONE));
                    pc += 1;
                    true
                }
                Inst::RepLoop {
                    c,
                    min,
                    max,
                    greedy,
                    exit,
                } => {
                    let (n, last) = self.counters[*c];
                    if n < *min {
                        pc += 1;
                    } else if n >= *max || (n > 0 && last == pos) {
                        pc = *exit;
                    } else if *greedy {
                        stack.push(Bt::Branch { pc: *exit, pos });
                        pc += 1;
                    } else {
                        stack.push(Bt::Branch { pc: pc + 1, pos });
                        pc = *exit;
                    }
                    true
                }
                Inst::RepBody(c) => {
                    let c = *c;
                    let (n, _) = self.counters[c];
                    self.set_counter(&mut stack, c, (n, pos));
                    pc += 1;
                    true
                }
                Inst::RepEnd { c, head } => {
                    let (c, head) = (*c, *head);
                    let (n, last) = self.counters[c];
                    self.set_counter(&mut stack, c, (n + 1, last));
                    pc = head;
                    true
                }
                Inst::Look {
                    sub,
                    ahead,
                    negated,
                    width,
                } => {
                    let (sub, ahead, negated, width) = (*sub, *ahead, *negated, *width);
                    let at = if ahead {
                        Some(pos)
                    } else {
                        pos.checked_sub(width)
                    };
                    let saved = self.slots.clone();
                    let found = match at {
                        Some(p) => self.exec(sub, p, false)?.is_some(),
                        None => false,
                    };
                    if negated {
                        if found {
                            self.slots = saved;
                        }
                        if found {
                            false
                        } else {
                            pc += 1;
                            true
                        }
                    } else if found {
                        self.keep_slots(&mut stack, &saved);
                        pc += 1;
                        true
                    } else {
                        false
                    }
                }
                Inst::Atomic { sub } => {
                    let sub = *sub;
                    let saved = self.slots.clone();
                    match self.exec(sub, pos, false)? {
                        Some(p) => {
                            self.keep_slots(&mut stack, &saved);
                            pos = p;
                            pc += 1;
                            true
                        }
                        None => false,
                    }
                }
                Inst::IfGroup { group, no } => {
                    let set = self.slots[2 * group] != NONE && self.slots[2 * group + 1] != NONE;
                    pc = if set { pc + 1 } else { *no };
                    true
                }
                Inst::SubMatch => {
                    if !top {
                        return Ok(Some(pos));
                    }
                    pc += 1;
                    true
                }
                Inst::Match => {
                    let empty_refused =
                        self.forbid_empty_at == Some(self.attempt) && pos == self.attempt;
                    if (!self.full || pos == self.end) && !empty_refused {
                        return Ok(Some(pos));
                    }
                    false
                }
            };
            if ok {
                continue;
            }
            // Backtrack: undo records until a choice point.
            loop {
                let Some(bt) = stack.pop() else {
                    return Ok(None);
                };
                match bt {
                    Bt::Slot { slot, old } => self.slots[slot] = old,
                    Bt::Counter { c, old } => self.counters[c] = old,
                    Bt::Branch { pc: p, pos: q } => {
                        pc = p;
                        pos = q;
                        break;
                    }
                    Bt::Greedy {
                        next,
                        min_pos,
                        pos: q,
                    } => {
                        let q = q - 1;
                        if q > min_pos {
                            stack.push(Bt::Greedy {
                                next,
                                min_pos,
                                pos: q,
                            });
                        }
                        pc = next;
                        pos = q;
                        break;
                    }
                    Bt::Lazy { at, pos: q, count } => {
                        let Inst::RepeatTest { test, max, .. } = &self.prog.insts[at] else {
                            continue;
                        };
                        if !self.test(test, q) {
                            continue;
                        }
                        let count = count + 1;
                        if count < *max {
                            stack.push(Bt::Lazy {
                                at,
                                pos: q + 1,
                                count,
                            });
                        }
                        pc = at + 1;
                        pos = q + 1;
                        break;
                    }
                }
            }
        }
    }

    /// After a successful sub-run, record undo entries for the slots it changed.
    fn keep_slots(&mut self, stack: &mut Vec<Bt>, saved: &[usize]) {
        for (i, &old) in saved.iter().enumerate() {
            if self.slots[i] != old {
                stack.push(Bt::Slot { slot: i, old });
            }
        }
    }
}
