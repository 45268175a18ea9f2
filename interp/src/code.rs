//! Code objects and the instruction set.
//!
//! Each instruction is one enum variant with its operand; the comment gives its stack effect
//! (`before -- after`, top of stack on the right), as CPython's `bytecodes.c` does.

use crate::ast::Pos;
use crate::value::{ObjRef, Value};
use std::sync::atomic::{AtomicU8, Ordering};
use std::sync::Arc;

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum BinaryOp {
    Add,
    Sub,
    Mul,
    MatMul,
    TrueDiv,
    FloorDiv,
    Mod,
    Pow,
    LShift,
    RShift,
    And,
    Or,
    Xor,
}

impl BinaryOp {
    pub fn symbol(self) -> &'static str {
        match self {
            BinaryOp::Add => "+",
            BinaryOp::Sub => "-",
            BinaryOp::Mul => "*",
            BinaryOp::MatMul => "@",
            BinaryOp::TrueDiv => "/",
            BinaryOp::FloorDiv => "//",
            BinaryOp::Mod => "%",
            BinaryOp::Pow => "** or pow()",
            BinaryOp::LShift => "<<",
            BinaryOp::RShift => ">>",
            BinaryOp::And => "&",
            BinaryOp::Or => "|",
            BinaryOp::Xor => "^",
        }
    }

    /// The dunder pair (`__add__`, `__radd__`) and in-place name (`__iadd__`).
    pub fn dunders(self) -> (&'static str, &'static str, &'static str) {
        match self {
            BinaryOp::Add => ("__add__", "__radd__", "__iadd__"),
            BinaryOp::Sub => ("__sub__", "__rsub__", "__isub__"),
            BinaryOp::Mul => ("__mul__", "__rmul__", "__imul__"),
            BinaryOp::MatMul => ("__matmul__", "__rmatmul__", "__imatmul__"),
            BinaryOp::TrueDiv => ("__truediv__", "__rtruediv__", "__itruediv__"),
            BinaryOp::FloorDiv => ("__floordiv__", "__rfloordiv__", "__ifloordiv__"),
            BinaryOp::Mod => ("__mod__", "__rmod__", "__imod__"),
            BinaryOp::Pow => ("__pow__", "__rpow__", "__ipow__"),
            BinaryOp::LShift => ("__lshift__", "__rlshift__", "__ilshift__"),
            BinaryOp::RShift => ("__rshift__", "__rrshift__", "__irshift__"),
            BinaryOp::And => ("__and__", "__rand__", "__iand__"),
            BinaryOp::Or => ("__or__", "__ror__", "__ior__"),
            BinaryOp::Xor => ("__xor__", "__rxor__", "__ixor__"),
        }
    }
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum CompareOp {
    Lt,
    Le,
    Eq,
    Ne,
    Gt,
    Ge,
}

impl CompareOp {
    pub fn symbol(self) -> &'static str {
        match self {
            CompareOp::Lt => "<",
            CompareOp::Le => "<=",
            CompareOp::Eq => "==",
            CompareOp::Ne => "!=",
            CompareOp::Gt => ">",
            CompareOp::Ge => ">=",
        }
    }

    pub fn dunder(self) -> &'static str {
        match self {
            CompareOp::Lt => "__lt__",
            CompareOp::Le => "__le__",
            CompareOp::Eq => "__eq__",
            CompareOp::Ne => "__ne__",
            CompareOp::Gt => "__gt__",
            CompareOp::Ge => "__ge__",
        }
    }

    /// The operation with its operands swapped (`a < b` is `b > a`).
    pub fn swapped(self) -> CompareOp {
        match self {
            CompareOp::Lt => CompareOp::Gt,
            CompareOp::Le => CompareOp::Ge,
            CompareOp::Eq => CompareOp::Eq,
            CompareOp::Ne => CompareOp::Ne,
            CompareOp::Gt => CompareOp::Lt,
            CompareOp::Ge => CompareOp::Le,
        }
    }
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum UnaryOp {
    Neg,
    Pos,
    Invert,
    Not,
}

// Eight bytes: the eval loop fetches one with a single load at a power-of-two stride.
const _: () = assert!(std::mem::size_of::<Instr>() == 8);

/// One instruction. Jump targets are instruction indices.
#[derive(Debug, Clone, Copy, PartialEq)]
pub enum Instr {
    Nop,
    /// `-- v`
    LoadConst(u32),
    /// `-- v`; UnboundLocalError if unset.
    LoadFast(u32),
    /// `v --`
    StoreFast(u32),
    DeleteFast(u32),
    /// Cell slots follow the locals: `-- v` through the cell.
    LoadDeref(u32),
    StoreDeref(u32),
    DeleteDeref(u32),
    /// `-- cell` (to build a closure tuple).
    LoadClosure(u32),
    /// Class bodies: the class namespace first, then the cell.
    LoadClassDeref(u32),
    LoadGlobal(u32),
    StoreGlobal(u32),
    DeleteGlobal(u32),
    /// Module and class bodies: locals dict, then globals, then builtins.
    LoadName(u32),
    StoreName(u32),
    DeleteName(u32),
    /// `obj -- attr`
    LoadAttr(u32),
    /// `v obj --`
    StoreAttr(u32),
    /// `obj --`
    DeleteAttr(u32),
    /// `obj -- meth self` or `obj -- attr Undef`
    LoadMethod(u32),
    /// `meth self_or_undef a1..an -- result`
    CallMethod(u32),
    /// `f a1..an -- result`
    Call(u32),
    /// `f a1..an v1..vk names -- result`; operand: argc (positional + keyword). The names
    /// tuple comes on the stack (a `LoadConst` before it) so that every instruction has at most
    /// one 32-bit operand and fits in 8 bytes.
    CallKw(u32),
    /// `f args_tuple [kwargs_dict] -- result`
    CallEx(bool),
    /// `obj key -- obj[key]`
    BinarySubscr,
    /// `v obj key --`
    StoreSubscr,
    /// `obj key --`
    DeleteSubscr,
    /// `a b -- a op b`
    Binary(BinaryOp),
    /// `a b -- a op= b`
    Inplace(BinaryOp),
    Unary(UnaryOp),
    /// `a b -- a op b`
    Compare(CompareOp),
    /// `a b -- a is b` (true: `is not`)
    Is(bool),
    /// `a b -- a in b` (true: `not in`)
    Contains(bool),
    /// `v --`
    Pop,
    /// `v -- v v`
    Dup,
    /// `a b -- a b a b`
    Dup2,
    /// `a b -- b a`
    Rot2,
    /// `a b c -- c a b`
    Rot3,
    /// `a b c d -- d a b c`
    Rot4,
    /// Reverse the top n values: `a b c -- c b a`.
    Reverse(u32),
    Jump(u32),
    /// `v --`
    PopJumpIfFalse(u32),
    PopJumpIfTrue(u32),
    /// `v -- v` if jumping, else `v --`
    JumpIfFalseOrPop(u32),
    JumpIfTrueOrPop(u32),
    /// `obj -- iter`
    GetIter,
    /// `iter -- iter v`, or `iter --` and jump when exhausted.
    ForIter(u32),
    BuildTuple(u32),
    BuildList(u32),
    BuildSet(u32),
    /// `k1 v1 .. kn vn -- dict`
    BuildMap(u32),
    /// `keys_tuple v1..vn -- dict`
    BuildConstKeyMap(u32),
    /// `start stop [step] -- slice`
    BuildSlice(u32),
    /// `s1..sn -- s` (f-strings)
    BuildString(u32),
    /// `v [spec] -- str`; operand: conversion (0 none, 1 str, 2 repr, 3 ascii) + 4 if spec.
    FormatValue(u32),
    /// Comprehensions: `coll ...(depth) v -- coll ...`
    ListAppend(u32),
    SetAdd(u32),
    /// `coll ... k v -- coll ...`
    MapAdd(u32),
    /// `list iterable -- list`
    ListExtend(u32),
    SetUpdate(u32),
    /// `dict mapping -- dict`
    DictUpdate(u32),
    /// Like DictUpdate, but duplicate keys are an error (call `**kwargs`).
    DictMerge(u32),
    ListToTuple,
    /// `seq -- vn .. v1`
    UnpackSequence(u32),
    /// `seq -- vn .. rest .. v1`; operand: before | after << 8
    UnpackEx(u32),
    /// `code qualname [defaults] [kwdefaults] [closure] -- function`; flags: 1 defaults,
    /// 2 kwdefaults, 8 closure.
    MakeFunction(u32),
    /// `v --` and leave the frame.
    ReturnValue,
    /// `-- ` and leave the frame returning None: the sentinel [`Instrs`] puts after the last
    /// instruction, so that running off the end (or jumping to it) returns.
    EndOfCode,
    /// `v -- sent`
    YieldValue,
    /// `iter sent -- iter next_yielded`, or `iter sent -- result` and jump when the sub-iterator
    /// returns (yield from / await).
    Send(u32),
    /// `iterable -- iter` for `yield from` (a generator stays itself).
    GetYieldFromIter,
    /// `awaitable -- iter`
    GetAwaitable,
    /// Push a handler block: on an exception, unwind the stack to its depth, push the exception
    /// and jump to the handler.
    SetupExcept(u32),
    /// Pop the innermost handler block.
    PopBlock,
    /// In a handler: `exc -- prev_handled exc`; the frame's handled exception becomes `exc`.
    PushExcInfo,
    /// `prev_handled --`: restore the handled exception.
    PopExcept,
    /// `exc --`: raise again, keeping the traceback.
    Reraise,
    /// `exc type -- exc matched`
    CheckExcMatch,
    /// operand: 0 bare raise, 1 `raise exc`, 2 `raise exc from cause`.
    Raise(u32),
    /// `-- AssertionError`
    LoadAssertionError,
    /// `mgr -- exit enter_result`
    BeforeWith,
    /// `exit ... exc -- exit ... exc result` (calls exit(type, exc, tb))
    WithExceptStart,
    /// `fromlist level -- module`
    ImportName(u32),
    /// `module -- module attr`
    ImportFrom(u32),
    /// `module --`
    ImportStar,
    /// `-- __build_class__`
    LoadBuildClass,
    /// In a class body: store `__class__` cell into the namespace (`-- `).
    SetupAnnotations,
    /// `v -- v` for a bare expression statement at the REPL: print repr unless None.
    PrintExpr,
    /// `mgr -- aexit awaitable`: `__aenter__` called, `__aexit__` bound (async with).
    BeforeAsyncWith,
    /// `aiterable -- aiter` (async for).
    GetAIter,
    /// `aiter -- aiter awaitable` (async for: the awaitable of `__anext__`).
    GetANext,
    /// `aiter exc --` if exc is StopAsyncIteration, else re-raise exc (end of async for).
    EndAsyncFor,
    /// `subject -- subject len(subject)` (pattern matching).
    GetLen,
    /// `subject -- subject bool`: is it a sequence for pattern matching (not str/bytes)?
    MatchSequence,
    /// `subject -- subject bool`: is it a mapping for pattern matching?
    MatchMapping,
    /// `subject keys -- subject keys values_or_None`.
    MatchKeys,
    /// `subject keys -- subject rest`: a dict copy of subject without `keys`.
    CopyDictWithoutKeys,
    /// `subject cls kwnames -- attrs_or_None` with this many positional sub-patterns.
    MatchClass(u32),
}

/// Flags of a code object.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct CodeFlags {
    pub varargs: bool,
    pub varkw: bool,
    pub generator: bool,
    pub coroutine: bool,
    /// Module or class body: names go through a namespace dict.
    pub uses_namespace: bool,
    /// A generator function marked by `types.coroutine`: its generators may be awaited.
    pub iterable_coroutine: bool,
}

impl Instr {
    /// The instruction index this one jumps to, if it jumps.
    pub fn target(self) -> Option<u32> {
        match self {
            Instr::Jump(t)
            | Instr::PopJumpIfFalse(t)
            | Instr::PopJumpIfTrue(t)
            | Instr::JumpIfFalseOrPop(t)
            | Instr::JumpIfTrueOrPop(t)
            | Instr::ForIter(t)
            | Instr::SetupExcept(t)
            | Instr::Send(t) => Some(t),
            _ => None,
        }
    }

    /// The same jump to another target (other instructions are returned unchanged).
    pub fn with_target(self, target: u32) -> Instr {
        match self {
            Instr::Jump(_) => Instr::Jump(target),
            Instr::PopJumpIfFalse(_) => Instr::PopJumpIfFalse(target),
            Instr::PopJumpIfTrue(_) => Instr::PopJumpIfTrue(target),
            Instr::JumpIfFalseOrPop(_) => Instr::JumpIfFalseOrPop(target),
            Instr::JumpIfTrueOrPop(_) => Instr::JumpIfTrueOrPop(target),
            Instr::ForIter(_) => Instr::ForIter(target),
            Instr::SetupExcept(_) => Instr::SetupExcept(target),
            Instr::Send(_) => Instr::Send(target),
            other => other,
        }
    }

    /// Whether the simple-instruction loop (`vm/simple_loop.rs`) may be able to run it.
    #[inline(always)]
    pub fn is_simple(self) -> bool {
        matches!(
            self,
            Instr::LoadFast(_)
                | Instr::LoadConst(_)
                | Instr::StoreFast(_)
                | Instr::Pop
                | Instr::Binary(_)
                | Instr::Inplace(_)
                | Instr::Compare(_)
                | Instr::Jump(_)
                | Instr::PopJumpIfFalse(_)
                | Instr::PopJumpIfTrue(_)
                | Instr::JumpIfFalseOrPop(_)
                | Instr::JumpIfTrueOrPop(_)
                | Instr::ForIter(_)
                | Instr::Dup
                | Instr::Dup2
                | Instr::Rot2
                | Instr::Rot3
                | Instr::Reverse(_)
                | Instr::Unary(UnaryOp::Neg | UnaryOp::Not)
                | Instr::BinarySubscr
                | Instr::StoreSubscr
        )
    }
}

/// A code object's instructions, checked once when built so that the eval loop can fetch them
/// without a bounds check per instruction: the last one is [`Instr::EndOfCode`], which never
/// falls through, and every jump target is an index of the slice.
#[derive(Debug)]
pub struct Instrs {
    instrs: Box<[Instr]>,
    /// Per instruction: is it the back edge (a backward `Jump`) of a loop made only of simple
    /// instructions, and how many more fruitless entries into the simple loop it gets? Such a
    /// loop runs in the simple loop until it exits. Loops with other instructions stay in the
    /// general loop: entering and leaving the simple loop costs about as much as three
    /// instructions, more than a short run of simple ones saves. An entry is fruitless when
    /// the simple loop hands back before the next back edge (`for x in generator`: every
    /// item needs the general loop): after [`SIMPLE_LOOP_CREDIT`] of those in a row the loop
    /// stays in the general loop. Atomics (relaxed: plain loads and stores) because code is
    /// shared between threads; a lost update only shifts when the site gives up.
    simple_loops: Box<[AtomicU8]>,
}

/// Fruitless simple-loop entries a back edge is allowed in a row.
const SIMPLE_LOOP_CREDIT: u8 = 4;

impl Clone for Instrs {
    fn clone(&self) -> Self {
        Instrs {
            instrs: self.instrs.clone(),
            simple_loops: self
                .simple_loops
                .iter()
                .map(|c| AtomicU8::new(c.load(Ordering::Relaxed)))
                .collect(),
        }
    }
}

impl Instrs {
    /// Appends the sentinel; a jump past the end (the compiler's "after the last instruction")
    /// goes to the sentinel.
    pub fn new(mut instrs: Vec<Instr>) -> Instrs {
        instrs.push(Instr::EndOfCode);
        let end = (instrs.len() - 1) as u32;
        for i in instrs.iter_mut() {
            if let Some(t) = i.target() {
                if t > end {
                    *i = i.with_target(end);
                }
            }
        }
        let simple_loops = instrs
            .iter()
            .enumerate()
            .map(|(i, ins)| {
                let simple = match *ins {
                    Instr::Jump(t) if (t as usize) <= i => {
                        instrs[t as usize..=i].iter().all(|x| x.is_simple())
                    }
                    _ => false,
                };
                AtomicU8::new(if simple { SIMPLE_LOOP_CREDIT } else { 0 })
            })
            .collect();
        Instrs {
            instrs: instrs.into_boxed_slice(),
            simple_loops,
        }
    }

    /// Whether the instruction at `ip` is the back edge of a loop of simple instructions that
    /// the simple loop should run.
    #[inline(always)]
    pub(crate) fn closes_simple_loop(&self, ip: usize) -> bool {
        self.simple_loops
            .get(ip)
            .is_some_and(|c| c.load(Ordering::Relaxed) != 0)
    }

    /// The simple loop entered at back edge `ip` ran (`fruitful`: it reached a back edge
    /// again) or handed back at once.
    #[inline]
    pub(crate) fn simple_loop_ran(&self, ip: usize, fruitful: bool) {
        if let Some(c) = self.simple_loops.get(ip) {
            let n = c.load(Ordering::Relaxed);
            let m = if fruitful {
                SIMPLE_LOOP_CREDIT
            } else {
                n.saturating_sub(1)
            };
            if m != n {
                c.store(m, Ordering::Relaxed);
            }
        }
    }

    /// The instruction at `ip`, without a bounds check.
    ///
    /// # Safety
    /// `ip` must be in range. It is for the index after any instruction but the last (which
    /// never falls through) and for any jump target, by construction.
    #[inline(always)]
    pub(crate) unsafe fn fetch(&self, ip: usize) -> Instr {
        debug_assert!(ip < self.instrs.len());
        // SAFETY: the caller keeps `ip` in range (see above).
        unsafe { *self.instrs.get_unchecked(ip) }
    }
}

impl std::ops::Deref for Instrs {
    type Target = [Instr];
    fn deref(&self) -> &[Instr] {
        &self.instrs
    }
}

/// A compiled function body, module or class body.
#[derive(Debug, Clone)]
pub struct Code {
    /// The inline-cache site of instruction 0 (instruction `i` uses `cache_base + i`, modulo
    /// the cache's size). The compiler hands out consecutive ranges, so the sites of one
    /// module never collide until it outgrows the cache: keyed by the code's address, as
    /// before, sites collided by chance, and which ones changed with every allocation
    /// pattern (a few percent of a benchmark moved with unrelated changes).
    pub cache_base: u32,
    pub name: String,
    pub qualname: String,
    pub filename: Arc<str>,
    pub firstlineno: u32,
    pub instrs: Instrs,
    /// Source range of each instruction, for tracebacks.
    pub positions: Vec<Pos>,
    /// Constants: heap strings, big ints, nested code objects, tuples of keyword names.
    pub consts: Vec<Value>,
    /// Interned name strings for attribute, global and namespace access.
    pub names: Vec<ObjRef>,
    pub varnames: Vec<String>,
    pub cellvars: Vec<String>,
    pub freevars: Vec<String>,
    /// For each cell variable that is also a parameter, the parameter's slot.
    pub cell2arg: Vec<Option<u32>>,
    pub argcount: u32,
    pub posonlyargcount: u32,
    pub kwonlyargcount: u32,
    pub flags: CodeFlags,
    pub stacksize: u32,
}

impl Code {
    pub fn nlocals(&self) -> usize {
        self.varnames.len()
    }

    pub fn ncells(&self) -> usize {
        self.cellvars.len() + self.freevars.len()
    }

    /// Total parameter slots, counting *args and **kwargs.
    pub fn total_args(&self) -> usize {
        (self.argcount + self.kwonlyargcount) as usize
            + self.flags.varargs as usize
            + self.flags.varkw as usize
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn instrs_end_in_the_sentinel_and_jumps_stay_in_range() {
        let i = Instrs::new(vec![Instr::Jump(7), Instr::ForIter(1), Instr::ReturnValue]);
        assert_eq!(i.len(), 4);
        assert_eq!(i[3], Instr::EndOfCode);
        assert_eq!(
            i[0],
            Instr::Jump(3),
            "a jump past the end lands on the sentinel"
        );
        assert_eq!(i[1], Instr::ForIter(1));
        assert_eq!(Instrs::new(Vec::new())[0], Instr::EndOfCode);
    }
}
