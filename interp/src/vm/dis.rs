//! A disassembler for compiled code: `kaa --dis FILE` prints what the compiler emitted, the
//! first thing to read when a benchmark is slower than expected.

use crate::code::Code;
use crate::object::Obj;
use crate::value::Value;
use crate::vm::Vm;
use std::fmt::Write;

impl Vm {
    /// Instructions of `code` and of every code object among its constants, one per line.
    pub fn disassemble(&self, code: &Code) -> String {
        let mut out = String::new();
        let mut todo = vec![code];
        while let Some(c) = todo.pop() {
            let _ = writeln!(out, "{} ({}:{}):", c.qualname, c.filename, c.firstlineno);
            for (i, instr) in c.instrs.iter().enumerate() {
                let line = c.positions.get(i).map_or(0, |p| p.line);
                let _ = writeln!(out, "{line:>6} {i:>5} {instr:?}");
            }
            out.push('\n');
            for k in c.consts.iter().rev() {
                if let Value::Obj(r) = k {
                    if let Obj::Code(inner) = self.heap.get(*r) {
                        todo.push(inner);
                    }
                }
            }
        }
        out
    }
}
