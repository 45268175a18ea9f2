//! The inner loop for simple instructions: locals, constants, arithmetic and comparisons on
//! ints and floats, jumps, stack shuffles, list and tuple indexing, and `for` over a range, a
//! list or a tuple.
//!
//! Why a second loop: the general eval loop handles every instruction, and in a function that
//! large the register allocator keeps nothing in registers: the instruction index, the operand
//! stack's pointer and length are reloaded from memory by every instruction. This loop is small,
//! never grows the stack (a push that needs more room goes back to the general loop) and calls
//! nothing that could, so they stay in registers.
//!
//! It runs an instruction only when it can finish it without raising, allocating or switching
//! frames; anything else (an unbound local, an int overflow, a str operand, an index out of
//! range, a call) returns to the general loop positioned at that instruction, untouched, and the
//! general loop runs it with the full semantics. So the two loops never disagree: this one is a
//! shortcut for the cases with one possible outcome.
//!
//! The general loop enters it at the back edge of a loop made only of simple instructions
//! ([`crate::code::Instrs`] marks them): entering and leaving costs about as much as three
//! instructions, so short runs between other instructions are left alone.
//!
//! Fuel is charged exactly as the general loop charges it: one unit per backward jump. When
//! that unit would exhaust the fuel, or a collection is due, the jump is left to the general
//! loop, whose safe point suspends or collects.

use crate::code::{Code, Instr, UnaryOp};
use crate::object::{IterKind, Obj};
use crate::value::Value;
use crate::vm::iter::{seq_index, seq_iter_next};
use crate::vm::Vm;

impl Vm {
    /// Runs simple instructions of the frame whose locals start at `base`, from `ip`; returns
    /// the index of the first instruction it left to the general loop (`ip` itself when it
    /// could not run even the first).
    #[inline(never)]
    pub(super) fn run_simple(&mut self, code: &Code, base: usize, mut ip: usize) -> usize {
        // Nothing here allocates, so whether a collection is due cannot change while it runs.
        let gc_due = self.heap.should_collect();
        let mut fuel = self.fuel;
        let heap = &mut self.heap;
        // The operand stack as a raw window: `len` lives in a register and is written back
        // once at the end. Nothing else touches `self.stack` meanwhile (only `heap`, a
        // different field, and pure functions are used below).
        let ptr = self.stack.as_mut_ptr();
        let cap = self.stack.capacity();
        let mut len = self.stack.len();
        // Reads and writes below `len` (each use checks the index first).
        macro_rules! get {
            ($i:expr) => {{
                let i: usize = $i;
                debug_assert!(i < len);
                // SAFETY: `i < len`, and the first `len` values are initialized.
                unsafe { *ptr.add(i) }
            }};
        }
        macro_rules! set {
            ($i:expr, $v:expr) => {{
                let i: usize = $i;
                debug_assert!(i < len);
                // SAFETY: `i < len <= cap`: inside the allocation (values are `Copy`: no drop).
                unsafe { ptr.add(i).write($v) }
            }};
        }
        // A push that does not fit leaves the instruction to the general loop, which grows the
        // stack.
        macro_rules! push {
            ($v:expr) => {{
                if len == cap {
                    break;
                }
                // SAFETY: `len < cap`: inside the allocation.
                unsafe { ptr.add(len).write($v) };
                len += 1;
            }};
        }
        loop {
            // SAFETY: `ip` starts in range (the general loop's invariant) and then moves only
            // to the next instruction after one that is not the last (`EndOfCode` is not
            // simple) or to a jump target, which `Instrs` keeps in range.
            let instr = unsafe { code.instrs.fetch(ip) };
            match instr {
                Instr::LoadFast(i) => {
                    let at = base + i as usize;
                    if at >= len {
                        break;
                    }
                    let v = get!(at);
                    if let Value::Undef = v {
                        break;
                    }
                    push!(v);
                }
                Instr::LoadConst(k) => {
                    let Some(&v) = code.consts.get(k as usize) else {
                        break;
                    };
                    push!(v);
                }
                Instr::StoreFast(i) => {
                    let at = base + i as usize;
                    if at + 1 >= len {
                        break;
                    }
                    let v = get!(len - 1);
                    set!(at, v);
                    len -= 1;
                }
                Instr::Pop => {
                    if len <= base {
                        break;
                    }
                    len -= 1;
                }
                Instr::Binary(op) | Instr::Inplace(op) => {
                    if len < 2 {
                        break;
                    }
                    let Some(v) = super::fast_ops::binary(get!(len - 2), get!(len - 1), op) else {
                        break;
                    };
                    set!(len - 2, v);
                    len -= 1;
                }
                Instr::Compare(op) => {
                    if len < 2 {
                        break;
                    }
                    let Some(r) = super::fast_ops::compare(get!(len - 2), get!(len - 1), op) else {
                        break;
                    };
                    // With the conditional jump that usually follows: the bool is never pushed.
                    // SAFETY: `Compare` is not the last instruction (see above).
                    match unsafe { code.instrs.fetch(ip + 1) } {
                        Instr::PopJumpIfFalse(t) => {
                            len -= 2;
                            ip = if r { ip + 2 } else { t as usize };
                            continue;
                        }
                        Instr::PopJumpIfTrue(t) => {
                            len -= 2;
                            ip = if r { t as usize } else { ip + 2 };
                            continue;
                        }
                        _ => {
                            set!(len - 2, Value::Bool(r));
                            len -= 1;
                        }
                    }
                }
                Instr::Jump(t) => {
                    if (t as usize) <= ip {
                        if fuel <= 1 || gc_due {
                            break;
                        }
                        fuel -= 1;
                    }
                    ip = t as usize;
                    continue;
                }
                Instr::PopJumpIfFalse(t)
                | Instr::PopJumpIfTrue(t)
                | Instr::JumpIfFalseOrPop(t)
                | Instr::JumpIfTrueOrPop(t) => {
                    if len <= base {
                        break;
                    }
                    let b = match get!(len - 1) {
                        Value::Bool(b) => b,
                        Value::Int(i) => i != 0,
                        Value::None => false,
                        _ => break,
                    };
                    let (jump_if, pop_always) = match instr {
                        Instr::PopJumpIfFalse(_) => (false, true),
                        Instr::PopJumpIfTrue(_) => (true, true),
                        Instr::JumpIfFalseOrPop(_) => (false, false),
                        _ => (true, false),
                    };
                    if b == jump_if {
                        if pop_always {
                            len -= 1;
                        }
                        ip = t as usize;
                        continue;
                    }
                    len -= 1;
                }
                Instr::ForIter(t) => {
                    // Room for the item first: the iterator must not advance unless it is
                    // pushed.
                    if len <= base || len == cap {
                        break;
                    }
                    let Value::Obj(r) = get!(len - 1) else {
                        break;
                    };
                    let next = match heap.get_mut(r) {
                        Obj::Iter(IterKind::Range { cur, stop, step }) => {
                            let c = *cur;
                            if (*step > 0 && c < *stop) || (*step < 0 && c > *stop) {
                                *cur = c.wrapping_add(*step);
                                Some(Value::Int(c))
                            } else {
                                None
                            }
                        }
                        _ => match seq_iter_next(heap, r) {
                            Some(v) => Some(v),
                            None => break,
                        },
                    };
                    match next {
                        Some(v) => push!(v),
                        None => {
                            len -= 1;
                            ip = t as usize;
                            continue;
                        }
                    }
                }
                Instr::Dup => {
                    if len <= base {
                        break;
                    }
                    let v = get!(len - 1);
                    push!(v);
                }
                Instr::Dup2 => {
                    if len < 2 || len + 2 > cap {
                        break;
                    }
                    let (a, b) = (get!(len - 2), get!(len - 1));
                    push!(a);
                    push!(b);
                }
                Instr::Rot2 => {
                    if len < 2 {
                        break;
                    }
                    let (a, b) = (get!(len - 2), get!(len - 1));
                    set!(len - 2, b);
                    set!(len - 1, a);
                }
                Instr::Rot3 => {
                    if len < 3 {
                        break;
                    }
                    // `a b c -- c a b`
                    let (a, b, c) = (get!(len - 3), get!(len - 2), get!(len - 1));
                    set!(len - 3, c);
                    set!(len - 2, a);
                    set!(len - 1, b);
                }
                Instr::Reverse(k) => {
                    let k = k as usize;
                    if len < k {
                        break;
                    }
                    let (mut lo, mut hi) = (len - k, len);
                    while lo + 1 < hi {
                        hi -= 1;
                        let (x, y) = (get!(lo), get!(hi));
                        set!(lo, y);
                        set!(hi, x);
                        lo += 1;
                    }
                }
                Instr::Unary(op) => {
                    if len <= base {
                        break;
                    }
                    let v = match (op, get!(len - 1)) {
                        (UnaryOp::Neg, Value::Int(x)) => match x.checked_neg() {
                            Some(y) => Value::Int(y),
                            None => break,
                        },
                        (UnaryOp::Neg, Value::Float(x)) => Value::Float(-x),
                        (UnaryOp::Not, Value::Bool(b)) => Value::Bool(!b),
                        (UnaryOp::Not, Value::Int(x)) => Value::Bool(x == 0),
                        (UnaryOp::Not, Value::None) => Value::Bool(true),
                        _ => break,
                    };
                    set!(len - 1, v);
                }
                // `xs[i]` on a list or tuple, `xs[i] = v` on a list, with `i` in range.
                Instr::BinarySubscr => {
                    if len < 2 {
                        break;
                    }
                    let (Value::Obj(r), Value::Int(i)) = (get!(len - 2), get!(len - 1)) else {
                        break;
                    };
                    let (Obj::List(xs) | Obj::Tuple(xs)) = heap.get(r) else {
                        break;
                    };
                    let Some(v) = seq_index(xs.len(), i).and_then(|j| xs.get(j)).copied() else {
                        break;
                    };
                    set!(len - 2, v);
                    len -= 1;
                }
                Instr::StoreSubscr => {
                    if len < 3 {
                        break;
                    }
                    let (v, Value::Obj(r), Value::Int(i)) =
                        (get!(len - 3), get!(len - 2), get!(len - 1))
                    else {
                        break;
                    };
                    let Obj::List(xs) = heap.get_mut(r) else {
                        break;
                    };
                    let Some(slot) = seq_index(xs.len(), i).and_then(|j| xs.get_mut(j)) else {
                        break;
                    };
                    *slot = v;
                    len -= 3;
                }
                _ => break,
            }
            ip += 1;
        }
        // SAFETY: `len <= cap`, and every value below it was initialized (the stack's own up
        // to its old length, pushes above it).
        unsafe { self.stack.set_len(len) };
        self.fuel = fuel;
        ip
    }
}
