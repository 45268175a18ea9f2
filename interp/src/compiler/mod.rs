//! AST → bytecode. One [`Unit`] per code object being built; scope decisions come from
//! [`symtable`]. `return`/`break`/`continue` out of `try`/`with`/`for` blocks are unwound at
//! compile time (finally bodies are inlined), so the VM needs only handler blocks at run time.

mod pattern;
pub mod symtable;

use crate::ast::*;
use crate::code::{BinaryOp, Code, CodeFlags, CompareOp, Instr, Instrs, UnaryOp as UOp};
use crate::object::Obj;
use crate::parser::{SyntaxError, SyntaxErrorKind};
use crate::value::{ObjRef, Value};
use crate::vm::Vm;
use num_traits::ToPrimitive;
use std::collections::HashMap;
use std::sync::Arc;
use symtable::{NameScope, Scope, ScopeKind};

/// How a module is being compiled.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Mode {
    /// A file or `exec`: statements.
    Exec,
    /// The REPL: expression statements print their value.
    Interactive,
    /// `eval`: a single expression whose value the code returns.
    Eval,
}

/// Compile a parsed module into a code object.
pub fn compile_module(
    vm: &mut Vm,
    body: &[Stmt],
    filename: &str,
    mode: Mode,
) -> Result<Arc<Code>, SyntaxError> {
    let scope = symtable::analyse_module(body).map_err(|e| SyntaxError {
        msg: e.msg,
        line: e.pos.line,
        col: e.pos.col,
        end_line: e.pos.end_line,
        end_col: e.pos.end_col,
        kind: SyntaxErrorKind::Syntax,
    })?;
    let mut c = Compiler {
        vm,
        filename: Arc::from(filename),
        units: Vec::new(),
        mode,
        depth: 0,
        next_cache_base: cache_seed(filename),
    };
    c.push_unit(scope, "<module>".into(), "<module>".into(), 1);
    if mode == Mode::Eval {
        if let [Stmt {
            kind: StmtKind::Expr(e),
            ..
        }] = body
        {
            c.expr(e)?;
            c.emit(Instr::ReturnValue);
            return Ok(c.pop_unit());
        }
    }
    if has_annotations(body) {
        c.emit(Instr::SetupAnnotations);
    }
    c.body_stmts(body)?;
    c.emit_const(Value::None);
    c.emit(Instr::ReturnValue);
    Ok(c.pop_unit())
}

/// Does this module or class body (not counting nested functions and classes) contain an
/// annotated assignment? Then it gets an `__annotations__` dict, as in CPython.
fn has_annotations(body: &[Stmt]) -> bool {
    body.iter().any(|s| match &s.kind {
        StmtKind::AnnAssign { .. } => true,
        StmtKind::If(_, a, b) | StmtKind::While(_, a, b) => {
            has_annotations(a) || has_annotations(b)
        }
        StmtKind::For { body, orelse, .. } => has_annotations(body) || has_annotations(orelse),
        StmtKind::With { body, .. } => has_annotations(body),
        StmtKind::Try {
            body,
            handlers,
            orelse,
            finalbody,
        } => {
            has_annotations(body)
                || handlers.iter().any(|h| has_annotations(&h.body))
                || has_annotations(orelse)
                || has_annotations(finalbody)
        }
        StmtKind::Match { cases, .. } => cases.iter().any(|c| has_annotations(&c.body)),
        _ => false,
    })
}

/// Deepest expression nesting the compiler walks (CPython: RecursionError during compilation).
const MAX_COMPILE_DEPTH: u32 = 2000;

#[derive(Debug, Clone)]
enum FBlock {
    /// A loop: continue target, break label list, and whether an iterator sits on the stack.
    Loop {
        cont: usize,
        breaks: Vec<usize>,
        has_iter: bool,
    },
    /// Body of a try with handlers: one handler block to pop.
    TryExcept,
    /// Body of a try/finally: the finally body to inline.
    TryFinally(Vec<Stmt>),
    /// Inside an except handler: exc info to restore; maybe a name to clear.
    Handler { name: Option<String> },
    /// Inside the exceptional copy of a finally body: `prev exc` on the stack.
    FinallyEnd,
    /// Inside a with body: `exit` on the stack.
    With { is_async: bool },
    /// Inside an `except*` handler: no break/continue/return may leave it.
    StarHandler,
}

struct Unit {
    scope: Scope,
    next_child: usize,
    instrs: Vec<Instr>,
    positions: Vec<Pos>,
    consts: Vec<Value>,
    const_keys: HashMap<ConstKey, u32>,
    names: Vec<ObjRef>,
    name_map: HashMap<String, u32>,
    varnames: Vec<String>,
    cellvars: Vec<String>,
    freevars: Vec<String>,
    fblocks: Vec<FBlock>,
    pos: Pos,
    name: String,
    qualname: String,
    firstlineno: u32,
    argcount: u32,
    posonly: u32,
    kwonly: u32,
    flags: CodeFlags,
}

#[derive(Hash, PartialEq, Eq)]
enum ConstKey {
    None,
    Bool(bool),
    Int(i64),
    Float(u64),
    Str(String),
}

struct Compiler<'a> {
    vm: &'a mut Vm,
    filename: Arc<str>,
    units: Vec<Unit>,
    mode: Mode,
    depth: u32,
    /// The inline-cache site of the next code object's first instruction (see
    /// `Code::cache_base`).
    next_cache_base: u32,
}

type CResult = Result<(), SyntaxError>;

/// Where a file's inline-cache sites start: spread by its name (FNV-1a), so that two modules'
/// sites rarely share cache slots, while one module's code objects take consecutive sites.
fn cache_seed(filename: &str) -> u32 {
    filename.bytes().fold(0x811c_9dc5_u32, |h, b| {
        (h ^ u32::from(b)).wrapping_mul(0x0100_0193)
    })
}

fn err(msg: impl Into<String>, pos: Pos) -> SyntaxError {
    SyntaxError {
        msg: msg.into(),
        line: pos.line,
        col: pos.col,
        end_line: pos.end_line,
        end_col: pos.end_col,
        kind: SyntaxErrorKind::Syntax,
    }
}

impl<'a> Compiler<'a> {
    // ----- units -----

    fn push_unit(&mut self, scope: Scope, name: String, qualname: String, firstlineno: u32) {
        let varnames = scope.locals.clone();
        let cellvars = scope.cellvars.clone();
        let freevars = scope.freevars.clone();
        let kind = scope.kind;
        let is_gen = scope.is_generator;
        self.units.push(Unit {
            scope,
            next_child: 0,
            instrs: Vec::new(),
            positions: Vec::new(),
            consts: Vec::new(),
            const_keys: HashMap::new(),
            names: Vec::new(),
            name_map: HashMap::new(),
            varnames,
            cellvars,
            freevars,
            fblocks: Vec::new(),
            pos: Pos {
                line: firstlineno,
                col: 0,
                end_line: firstlineno,
                end_col: 0,
            },
            name,
            qualname,
            firstlineno,
            argcount: 0,
            posonly: 0,
            kwonly: 0,
            flags: CodeFlags {
                generator: is_gen,
                uses_namespace: kind != ScopeKind::Function,
                ..CodeFlags::default()
            },
        });
    }

    fn pop_unit(&mut self) -> Arc<Code> {
        let u = self.units.pop().expect("unit stack");
        let cell2arg = u
            .cellvars
            .iter()
            .map(|c| u.varnames.iter().position(|v| v == c).map(|i| i as u32))
            .collect();
        let mut positions = u.positions;
        // The position of the `EndOfCode` sentinel that `Instrs::new` appends.
        positions.push(positions.last().copied().unwrap_or(u.pos));
        let cache_base = self.next_cache_base;
        self.next_cache_base = cache_base.wrapping_add(u.instrs.len() as u32 + 1);
        Arc::new(Code {
            cache_base,
            name: u.name,
            qualname: u.qualname,
            filename: self.filename.clone(),
            firstlineno: u.firstlineno,
            instrs: Instrs::new(u.instrs),
            positions,
            consts: u.consts,
            names: u.names,
            varnames: u.varnames,
            cellvars: u.cellvars,
            freevars: u.freevars,
            cell2arg,
            argcount: u.argcount,
            posonlyargcount: u.posonly,
            kwonlyargcount: u.kwonly,
            flags: u.flags,
            stacksize: 0,
        })
    }

    fn unit(&mut self) -> &mut Unit {
        self.units.last_mut().expect("unit stack")
    }

    fn take_child_scope(&mut self) -> Scope {
        let u = self.unit();
        let i = u.next_child;
        u.next_child += 1;
        // Scopes are consumed in the order the analysis produced them.
        std::mem::replace(
            &mut u.scope.children[i],
            Scope {
                kind: ScopeKind::Function,
                names: HashMap::new(),
                params: Vec::new(),
                locals: Vec::new(),
                cellvars: Vec::new(),
                freevars: Vec::new(),
                is_generator: false,
                children: Vec::new(),
                needs_class_cell: false,
            },
        )
    }

    // ----- emission -----

    fn emit(&mut self, i: Instr) -> usize {
        let u = self.unit();
        u.instrs.push(i);
        u.positions.push(u.pos);
        u.instrs.len() - 1
    }

    fn here(&mut self) -> usize {
        self.unit().instrs.len()
    }

    fn patch(&mut self, at: usize) {
        let target = self.here() as u32;
        self.patch_to(at, target);
    }

    fn patch_to(&mut self, at: usize, target: u32) {
        let u = self.unit();
        u.instrs[at] = u.instrs[at].with_target(target);
    }

    fn set_pos(&mut self, p: Pos) -> Pos {
        std::mem::replace(&mut self.unit().pos, p)
    }

    fn add_const(&mut self, v: Value, key: Option<ConstKey>) -> u32 {
        let u = self.units.last_mut().expect("unit stack");
        if let Some(k) = &key {
            if let Some(&i) = u.const_keys.get(k) {
                return i;
            }
        }
        u.consts.push(v);
        let i = (u.consts.len() - 1) as u32;
        if let Some(k) = key {
            u.const_keys.insert(k, i);
        }
        i
    }

    fn emit_const(&mut self, v: Value) {
        let key = match v {
            Value::None => Some(ConstKey::None),
            Value::Bool(b) => Some(ConstKey::Bool(b)),
            Value::Int(i) => Some(ConstKey::Int(i)),
            Value::Float(f) => Some(ConstKey::Float(f.to_bits())),
            _ => None,
        };
        let i = self.add_const(v, key);
        self.emit(Instr::LoadConst(i));
    }

    fn str_const(&mut self, s: &str) -> u32 {
        let key = ConstKey::Str(s.to_string());
        if let Some(&i) = self.unit().const_keys.get(&key) {
            return i;
        }
        let r = self.vm.intern(s);
        self.add_const(Value::Obj(r), Some(key))
    }

    fn name_idx(&mut self, n: &str) -> u32 {
        if let Some(&i) = self.unit().name_map.get(n) {
            return i;
        }
        let r = self.vm.intern(n);
        let u = self.unit();
        u.names.push(r);
        let i = (u.names.len() - 1) as u32;
        u.name_map.insert(n.to_string(), i);
        i
    }

    fn const_value(&mut self, c: &Const) -> Value {
        match c {
            Const::None => Value::None,
            Const::True => Value::Bool(true),
            Const::False => Value::Bool(false),
            Const::Ellipsis => self.vm.ellipsis(),
            Const::Int(b) => match b.to_i64() {
                Some(i) => Value::Int(i),
                None => Value::Obj(self.vm.heap.alloc(Obj::BigInt(b.clone()))),
            },
            Const::Float(f) => Value::Float(*f),
            Const::Imag(f) => Value::Obj(self.vm.heap.alloc(Obj::Complex(0.0, *f))),
            Const::Str(s) => {
                let i = self.str_const(s);
                self.unit().consts[i as usize]
            }
            Const::Bytes(b) => Value::Obj(self.vm.heap.alloc(Obj::Bytes(b.clone()))),
        }
    }

    // ----- names -----

    fn scope_of(&mut self, n: &str) -> (ScopeKind, NameScope) {
        let u = self.unit();
        let kind = u.scope.kind;
        let sc = u
            .scope
            .names
            .get(n)
            .copied()
            .unwrap_or(if kind == ScopeKind::Function {
                NameScope::GlobalImplicit
            } else {
                NameScope::Local
            });
        (kind, sc)
    }

    fn cell_index(&mut self, n: &str) -> u32 {
        let u = self.unit();
        if let Some(i) = u.cellvars.iter().position(|c| c == n) {
            return i as u32;
        }
        if let Some(i) = u.freevars.iter().position(|c| c == n) {
            return (u.cellvars.len() + i) as u32;
        }
        u.freevars.push(n.to_string());
        (u.cellvars.len() + u.freevars.len() - 1) as u32
    }

    fn local_index(&mut self, n: &str) -> u32 {
        let u = self.unit();
        if let Some(i) = u.varnames.iter().position(|c| c == n) {
            return i as u32;
        }
        u.varnames.push(n.to_string());
        (u.varnames.len() - 1) as u32
    }

    fn load_name(&mut self, n: &str) {
        let (kind, sc) = self.scope_of(n);
        match (kind, sc) {
            (ScopeKind::Function, NameScope::Local) => {
                let i = self.local_index(n);
                self.emit(Instr::LoadFast(i));
            }
            (ScopeKind::Function, NameScope::Cell | NameScope::Free) => {
                let i = self.cell_index(n);
                self.emit(Instr::LoadDeref(i));
            }
            (ScopeKind::Class, NameScope::Free | NameScope::Cell) => {
                let i = self.cell_index(n);
                self.emit(Instr::LoadClassDeref(i));
            }
            (ScopeKind::Class, NameScope::Local | NameScope::GlobalImplicit) => {
                let i = self.name_idx(n);
                self.emit(Instr::LoadName(i));
            }
            // Module code goes through the namespace too, so `exec(src, g, l)` stores in `l`.
            (ScopeKind::Module, sc) if sc != NameScope::GlobalExplicit => {
                let i = self.name_idx(n);
                self.emit(Instr::LoadName(i));
            }
            _ => {
                let i = self.name_idx(n);
                self.emit(Instr::LoadGlobal(i));
            }
        }
    }

    fn store_name(&mut self, n: &str) {
        let (kind, sc) = self.scope_of(n);
        match (kind, sc) {
            (ScopeKind::Function, NameScope::Local) => {
                let i = self.local_index(n);
                self.emit(Instr::StoreFast(i));
            }
            (_, NameScope::Cell | NameScope::Free) if kind != ScopeKind::Module => {
                if kind == ScopeKind::Class
                    && sc == NameScope::Free
                    && !self.is_nonlocal_in_class(n)
                {
                    let i = self.name_idx(n);
                    self.emit(Instr::StoreName(i));
                } else {
                    let i = self.cell_index(n);
                    self.emit(Instr::StoreDeref(i));
                }
            }
            (ScopeKind::Class, NameScope::Local | NameScope::GlobalImplicit) => {
                let i = self.name_idx(n);
                self.emit(Instr::StoreName(i));
            }
            // Module code goes through the namespace too, so `exec(src, g, l)` stores in `l`.
            (ScopeKind::Module, sc) if sc != NameScope::GlobalExplicit => {
                let i = self.name_idx(n);
                self.emit(Instr::StoreName(i));
            }
            _ => {
                let i = self.name_idx(n);
                self.emit(Instr::StoreGlobal(i));
            }
        }
    }

    fn is_nonlocal_in_class(&mut self, _n: &str) -> bool {
        false
    }

    fn delete_name(&mut self, n: &str) {
        let (kind, sc) = self.scope_of(n);
        match (kind, sc) {
            (ScopeKind::Function, NameScope::Local) => {
                let i = self.local_index(n);
                self.emit(Instr::DeleteFast(i));
            }
            (ScopeKind::Function, NameScope::Cell | NameScope::Free) => {
                let i = self.cell_index(n);
                self.emit(Instr::DeleteDeref(i));
            }
            (ScopeKind::Class, NameScope::Local | NameScope::GlobalImplicit) => {
                let i = self.name_idx(n);
                self.emit(Instr::DeleteName(i));
            }
            // Module code goes through the namespace too, so `exec(src, g, l)` stores in `l`.
            (ScopeKind::Module, sc) if sc != NameScope::GlobalExplicit => {
                let i = self.name_idx(n);
                self.emit(Instr::DeleteName(i));
            }
            _ => {
                let i = self.name_idx(n);
                self.emit(Instr::DeleteGlobal(i));
            }
        }
    }

    // ----- statements -----

    fn body_stmts(&mut self, body: &[Stmt]) -> CResult {
        for s in body {
            self.stmt(s)?;
        }
        Ok(())
    }

    fn stmt(&mut self, s: &Stmt) -> CResult {
        let saved = self.set_pos(s.pos);
        let r = crate::parser::guard(|| self.stmt_inner(s));
        self.set_pos(saved);
        r
    }

    fn stmt_inner(&mut self, s: &Stmt) -> CResult {
        match &s.kind {
            StmtKind::Match { subject, cases } => self.match_stmt(subject, cases)?,
            StmtKind::Expr(e) => {
                if self.mode == Mode::Interactive && self.units.len() == 1 {
                    self.expr(e)?;
                    self.set_pos(s.pos);
                    self.emit(Instr::PrintExpr);
                } else if let ExprKind::Const(_) = e.kind {
                    // Docstrings and bare constants have no effect.
                } else {
                    self.expr(e)?;
                    self.set_pos(s.pos);
                    self.emit(Instr::Pop);
                }
            }
            StmtKind::Assign(targets, value) => {
                if let [target] = &targets[..] {
                    if self.assign_unpacked(target, value)? {
                        return Ok(());
                    }
                }
                self.expr(value)?;
                for (i, t) in targets.iter().enumerate() {
                    if i + 1 < targets.len() {
                        self.emit(Instr::Dup);
                    }
                    self.assign_target(t)?;
                }
            }
            StmtKind::AugAssign(target, op, value) => self.aug_assign(target, *op, value, s.pos)?,
            StmtKind::AnnAssign {
                target,
                annotation,
                value,
                simple,
            } => {
                if let Some(v) = value {
                    self.expr(v)?;
                    self.assign_target(target)?;
                } else {
                    // `a.b: T` / `a[i]: T` still evaluate the object (and index), as CPython.
                    match &target.kind {
                        ExprKind::Attribute(o, _) => {
                            self.expr(o)?;
                            self.emit(Instr::Pop);
                        }
                        ExprKind::Subscript(o, i) => {
                            self.expr(o)?;
                            self.emit(Instr::Pop);
                            self.expr(i)?;
                            self.emit(Instr::Pop);
                        }
                        _ => {}
                    }
                }
                // Module and class bodies record annotations; function bodies ignore them.
                if self.unit().scope.kind != ScopeKind::Function {
                    self.expr(annotation)?;
                    match (&target.kind, simple) {
                        (ExprKind::Name(n), true) => {
                            self.set_pos(s.pos);
                            let ai = self.name_idx("__annotations__");
                            self.emit(Instr::LoadName(ai));
                            let k = self.str_const(n);
                            self.emit(Instr::LoadConst(k));
                            self.emit(Instr::StoreSubscr);
                        }
                        _ => {
                            self.emit(Instr::Pop);
                        }
                    }
                }
            }
            StmtKind::If(test, body, orelse) => {
                let jf = self.cond_jump(test, false)?;
                self.body_stmts(body)?;
                if orelse.is_empty() {
                    self.patch(jf);
                } else {
                    let j = self.emit(Instr::Jump(0));
                    self.patch(jf);
                    self.body_stmts(orelse)?;
                    self.patch(j);
                }
            }
            StmtKind::While(test, body, orelse) => {
                let top = self.here();
                let always = matches!(test.kind, ExprKind::Const(Const::True));
                let jf = if always {
                    None
                } else {
                    Some(self.cond_jump(test, false)?)
                };
                self.unit().fblocks.push(FBlock::Loop {
                    cont: top,
                    breaks: Vec::new(),
                    has_iter: false,
                });
                self.body_stmts(body)?;
                self.set_pos(s.pos);
                self.emit(Instr::Jump(top as u32));
                let Some(FBlock::Loop { breaks, .. }) = self.unit().fblocks.pop() else {
                    unreachable!("loop block")
                };
                if let Some(jf) = jf {
                    self.patch(jf);
                }
                self.body_stmts(orelse)?;
                for b in breaks {
                    self.patch(b);
                }
            }
            StmtKind::For {
                target,
                iter,
                body,
                orelse,
                is_async,
            } => {
                if *is_async {
                    return self.async_for(target, iter, body, orelse, s.pos);
                }
                self.expr(iter)?;
                self.set_pos(s.pos);
                self.emit(Instr::GetIter);
                let top = self.here();
                self.set_pos(s.pos);
                let fi = self.emit(Instr::ForIter(0));
                self.unit().fblocks.push(FBlock::Loop {
                    cont: top,
                    breaks: Vec::new(),
                    has_iter: true,
                });
                self.assign_target(target)?;
                self.body_stmts(body)?;
                self.set_pos(s.pos);
                self.emit(Instr::Jump(top as u32));
                let Some(FBlock::Loop { breaks, .. }) = self.unit().fblocks.pop() else {
                    unreachable!("loop block")
                };
                self.patch(fi);
                self.body_stmts(orelse)?;
                for b in breaks {
                    self.patch(b);
                }
            }
            StmtKind::Break | StmtKind::Continue => {
                let is_break = matches!(s.kind, StmtKind::Break);
                let Some(li) = self
                    .unit()
                    .fblocks
                    .iter()
                    .rposition(|b| matches!(b, FBlock::Loop { .. }))
                else {
                    let what = if is_break {
                        "'break' outside loop"
                    } else {
                        "'continue' not properly in loop"
                    };
                    return Err(err(what, s.pos));
                };
                self.check_star_exit(li + 1, s.pos)?;
                self.unwind_fblocks(li + 1, false)?;
                let (cont, has_iter) = match &self.unit().fblocks[li] {
                    FBlock::Loop { cont, has_iter, .. } => (*cont, *has_iter),
                    _ => unreachable!("loop block"),
                };
                self.set_pos(s.pos);
                if is_break {
                    if has_iter {
                        self.emit(Instr::Pop);
                    }
                    let j = self.emit(Instr::Jump(0));
                    if let FBlock::Loop { breaks, .. } = &mut self.unit().fblocks[li] {
                        breaks.push(j);
                    }
                } else {
                    self.emit(Instr::Jump(cont as u32));
                }
            }
            StmtKind::Pass => {}
            StmtKind::Return(v) => {
                if self.unit().scope.kind != ScopeKind::Function {
                    return Err(err("'return' outside function", s.pos));
                }
                self.check_star_exit(0, s.pos)?;
                match v {
                    Some(v) => self.expr(v)?,
                    None => self.emit_const(Value::None),
                }
                self.unwind_fblocks(0, true)?;
                self.set_pos(s.pos);
                self.emit(Instr::ReturnValue);
            }
            StmtKind::FunctionDef(f) => self.funcdef(f, s.pos)?,
            StmtKind::ClassDef(c) => self.classdef(c, s.pos)?,
            StmtKind::Delete(targets) => {
                for t in targets {
                    self.delete_target(t)?;
                }
            }
            StmtKind::Global(_) | StmtKind::Nonlocal(_) => {}
            StmtKind::Assert(test, msg) => {
                let jt = self.cond_jump(test, true)?;
                // CPython attributes the raise to the test expression.
                self.set_pos(test.pos);
                self.emit(Instr::LoadAssertionError);
                if let Some(m) = msg {
                    self.expr(m)?;
                    self.set_pos(test.pos);
                    self.emit(Instr::Call(1));
                }
                self.emit(Instr::Raise(1));
                self.patch(jt);
            }
            StmtKind::Raise(exc, cause) => {
                let mut n = 0;
                if let Some(e) = exc {
                    self.expr(e)?;
                    n = 1;
                    if let Some(c) = cause {
                        self.expr(c)?;
                        n = 2;
                    }
                }
                self.set_pos(s.pos);
                self.emit(Instr::Raise(n));
            }
            StmtKind::Try {
                body,
                handlers,
                orelse,
                finalbody,
            } => {
                if handlers.first().is_some_and(|h| h.star) && finalbody.is_empty() {
                    self.try_except_star(body, handlers, orelse)?;
                } else if finalbody.is_empty() {
                    self.try_except(body, handlers, orelse)?;
                } else {
                    self.try_finally(body, handlers, orelse, finalbody)?;
                }
            }
            StmtKind::With {
                items,
                body,
                is_async,
            } => {
                if *is_async {
                    self.check_async("'async with' outside async function", s.pos)?;
                }
                self.with_stmt(items, body, s.pos, *is_async)?;
            }
            StmtKind::Import(names) => {
                for a in names {
                    self.set_pos(s.pos);
                    self.emit_const(Value::Int(0));
                    self.emit_const(Value::None);
                    let i = self.name_idx(&a.name);
                    self.emit(Instr::ImportName(i));
                    match &a.asname {
                        Some(asname) => {
                            // `import a.b as c` binds the submodule.
                            for part in a.name.split('.').skip(1) {
                                let pi = self.name_idx(part);
                                self.emit(Instr::ImportFrom(pi));
                                self.emit(Instr::Rot2);
                                self.emit(Instr::Pop);
                            }
                            self.store_name(asname);
                        }
                        None => {
                            let first = a.name.split('.').next().unwrap_or("").to_string();
                            self.store_name(&first);
                        }
                    }
                }
            }
            StmtKind::ImportFrom {
                module,
                names,
                level,
            } => {
                self.emit_const(Value::Int(*level as i64));
                let fromlist: Vec<Value> = names
                    .iter()
                    .map(|a| {
                        let i = self.str_const(&a.name);
                        self.unit().consts[i as usize]
                    })
                    .collect();
                let t = self.vm.new_tuple(fromlist);
                self.emit_const(t);
                let modname = module.clone().unwrap_or_default();
                let i = self.name_idx(&modname);
                self.emit(Instr::ImportName(i));
                if names.len() == 1 && names[0].name == "*" {
                    self.emit(Instr::ImportStar);
                } else {
                    for a in names {
                        self.set_pos(s.pos);
                        let i = self.name_idx(&a.name);
                        self.emit(Instr::ImportFrom(i));
                        self.store_name(a.asname.as_ref().unwrap_or(&a.name));
                    }
                    self.emit(Instr::Pop);
                }
            }
        }
        Ok(())
    }

    /// `break`/`continue`/`return` may not jump out of an `except*` handler.
    fn check_star_exit(&mut self, down_to: usize, pos: Pos) -> CResult {
        if self.unit().fblocks[down_to..]
            .iter()
            .any(|b| matches!(b, FBlock::StarHandler))
        {
            return Err(err(
                "'break', 'continue' and 'return' cannot appear in an except* block",
                pos,
            ));
        }
        Ok(())
    }

    /// Emit the exits of fblocks above `down_to` (innermost first). With `keep_tos`, a value
    /// (the return value) stays on top of the stack throughout.
    fn unwind_fblocks(&mut self, down_to: usize, keep_tos: bool) -> CResult {
        let blocks: Vec<FBlock> = self.unit().fblocks[down_to..].to_vec();
        for (k, b) in blocks.iter().enumerate().rev() {
            match b {
                FBlock::Loop { has_iter, .. } => {
                    if *has_iter && keep_tos {
                        self.emit(Instr::Rot2);
                        self.emit(Instr::Pop);
                    }
                }
                FBlock::TryExcept => {
                    self.emit(Instr::PopBlock);
                }
                FBlock::StarHandler => {}
                FBlock::TryFinally(fin) => {
                    self.emit(Instr::PopBlock);
                    // The finally body runs with the blocks outside it.
                    let saved: Vec<FBlock> = self.unit().fblocks.drain(down_to + k..).collect();
                    let r = self.body_stmts(fin);
                    self.unit().fblocks.extend(saved);
                    r?;
                }
                FBlock::Handler { name } => {
                    if name.is_some() {
                        self.emit(Instr::PopBlock);
                    }
                    self.emit(Instr::PopBlock);
                    if keep_tos {
                        self.emit(Instr::Rot2);
                    }
                    self.emit(Instr::PopExcept);
                    if let Some(n) = name {
                        self.emit_const(Value::None);
                        self.store_name(n);
                        self.delete_name(n);
                    }
                }
                FBlock::FinallyEnd => {
                    self.emit(Instr::PopBlock);
                    if keep_tos {
                        self.emit(Instr::Rot2);
                        self.emit(Instr::Pop);
                        self.emit(Instr::Rot2);
                    } else {
                        self.emit(Instr::Pop);
                    }
                    self.emit(Instr::PopExcept);
                }
                FBlock::With { is_async } => {
                    self.emit(Instr::PopBlock);
                    if keep_tos {
                        self.emit(Instr::Rot2);
                    }
                    self.emit_const(Value::None);
                    self.emit_const(Value::None);
                    self.emit_const(Value::None);
                    self.emit(Instr::Call(3));
                    if *is_async {
                        self.await_tos();
                    }
                    self.emit(Instr::Pop);
                }
            }
        }
        Ok(())
    }

    fn try_except(&mut self, body: &[Stmt], handlers: &[Handler], orelse: &[Stmt]) -> CResult {
        let setup = self.emit(Instr::SetupExcept(0));
        self.unit().fblocks.push(FBlock::TryExcept);
        self.body_stmts(body)?;
        self.unit().fblocks.pop();
        self.emit(Instr::PopBlock);
        self.body_stmts(orelse)?;
        let to_end = self.emit(Instr::Jump(0));
        self.patch(setup);
        let mut ends = vec![to_end];
        // stack: exc. The cleanup block is set up first so that it unwinds to `prev` only.
        let cleanup = self.emit(Instr::SetupExcept(0));
        self.emit(Instr::PushExcInfo);
        // stack: prev exc
        for (hi, h) in handlers.iter().enumerate() {
            self.set_pos(h.pos);
            let next = match &h.typ {
                Some(t) => {
                    self.expr(t)?;
                    self.set_pos(t.pos);
                    self.emit(Instr::CheckExcMatch);
                    Some(self.emit(Instr::PopJumpIfFalse(0)))
                }
                None => {
                    if hi + 1 != handlers.len() {
                        return Err(err("default 'except:' must be last", h.pos));
                    }
                    None
                }
            };
            match &h.name {
                Some(n) => {
                    self.store_name(n);
                    let named_cleanup = self.emit(Instr::SetupExcept(0));
                    self.unit().fblocks.push(FBlock::Handler {
                        name: Some(n.clone()),
                    });
                    self.body_stmts(&h.body)?;
                    self.unit().fblocks.pop();
                    self.emit(Instr::PopBlock);
                    self.emit(Instr::PopBlock);
                    self.emit(Instr::PopExcept);
                    self.emit_const(Value::None);
                    self.store_name(n);
                    self.delete_name(n);
                    ends.push(self.emit(Instr::Jump(0)));
                    // An exception inside a named handler: clear the name, re-raise.
                    self.patch(named_cleanup);
                    self.emit_const(Value::None);
                    self.store_name(n);
                    self.delete_name(n);
                    self.emit(Instr::Reraise);
                }
                None => {
                    self.emit(Instr::Pop);
                    self.unit().fblocks.push(FBlock::Handler { name: None });
                    self.body_stmts(&h.body)?;
                    self.unit().fblocks.pop();
                    self.emit(Instr::PopBlock);
                    self.emit(Instr::PopExcept);
                    ends.push(self.emit(Instr::Jump(0)));
                }
            }
            if let Some(nx) = next {
                self.patch(nx);
            }
        }
        // No handler matched: stack is `prev exc`.
        self.emit(Instr::Reraise);
        self.patch(cleanup);
        // Cleanup: `prev exc2` → restore prev, re-raise exc2.
        self.emit(Instr::Rot2);
        self.emit(Instr::PopExcept);
        self.emit(Instr::Reraise);
        for e in ends {
            self.patch(e);
        }
        Ok(())
    }

    /// `_kaa_eg.<name>` on the stack (the runtime half of `except*`).
    fn load_eg_helper(&mut self, name: &str) {
        self.emit_const(Value::Int(0));
        self.emit_const(Value::None);
        let m = self.name_idx("_kaa_eg");
        self.emit(Instr::ImportName(m));
        let a = self.name_idx(name);
        self.emit(Instr::LoadAttr(a));
    }

    /// `try` with `except*` clauses (PEP 654): each clause takes the matching part of the
    /// exception group; what no clause handles, plus what handlers raise, is re-raised.
    fn try_except_star(&mut self, body: &[Stmt], handlers: &[Handler], orelse: &[Stmt]) -> CResult {
        let setup = self.emit(Instr::SetupExcept(0));
        self.unit().fblocks.push(FBlock::TryExcept);
        self.body_stmts(body)?;
        self.unit().fblocks.pop();
        self.emit(Instr::PopBlock);
        self.body_stmts(orelse)?;
        let to_end = self.emit(Instr::Jump(0));
        self.patch(setup);
        // stack: exc
        let cleanup = self.emit(Instr::SetupExcept(0));
        self.emit(Instr::PushExcInfo);
        // prev exc → prev exc state
        self.emit(Instr::Dup);
        self.load_eg_helper("StarState");
        self.emit(Instr::Rot2);
        self.emit(Instr::Call(1));
        for h in handlers {
            self.set_pos(h.pos);
            let Some(t) = &h.typ else {
                return Err(err("expected one or more exception types", h.pos));
            };
            // prev exc state → prev exc state match
            self.emit(Instr::Dup);
            self.load_eg_helper("StarState");
            let mi = self.name_idx("match");
            self.emit(Instr::LoadAttr(mi));
            self.emit(Instr::Rot2);
            self.expr(t)?;
            self.set_pos(h.pos);
            self.emit(Instr::Call(2));
            self.emit(Instr::Dup);
            self.emit_const(Value::None);
            self.emit(Instr::Is(false));
            let no_match = self.emit(Instr::PopJumpIfTrue(0));
            // The handler sees the matched group as the exception being handled.
            self.emit(Instr::PushExcInfo);
            match &h.name {
                Some(n) => self.store_name(n),
                None => {
                    self.emit(Instr::Pop);
                }
            }
            // prev exc state exc
            let fail = self.emit(Instr::SetupExcept(0));
            self.unit().fblocks.push(FBlock::StarHandler);
            self.body_stmts(&h.body)?;
            self.unit().fblocks.pop();
            self.emit(Instr::PopBlock);
            self.emit(Instr::PopExcept);
            if let Some(n) = &h.name {
                self.emit_const(Value::None);
                self.store_name(n);
                self.delete_name(n);
            }
            let next = self.emit(Instr::Jump(0));
            // A handler raised: prev exc state exc exc2 → restore exc, record exc2.
            self.patch(fail);
            self.emit(Instr::Rot2);
            self.emit(Instr::PopExcept);
            if let Some(n) = &h.name {
                self.emit_const(Value::None);
                self.store_name(n);
                self.delete_name(n);
            }
            self.emit(Instr::Dup2);
            self.load_eg_helper("StarState");
            let ai = self.name_idx("add");
            self.emit(Instr::LoadAttr(ai));
            self.emit(Instr::Rot3);
            self.emit(Instr::Call(2));
            self.emit(Instr::Pop);
            self.emit(Instr::Pop);
            let after_fail = self.emit(Instr::Jump(0));
            // No match: prev exc state None
            self.patch(no_match);
            self.emit(Instr::Pop);
            self.patch(next);
            self.patch(after_fail);
        }
        // prev exc state → prev exc result
        self.load_eg_helper("StarState");
        let fi = self.name_idx("finish");
        self.emit(Instr::LoadAttr(fi));
        self.emit(Instr::Rot2);
        self.emit(Instr::Call(1));
        self.emit(Instr::Dup);
        self.emit_const(Value::None);
        self.emit(Instr::Is(false));
        let handled = self.emit(Instr::PopJumpIfTrue(0));
        self.emit(Instr::Reraise);
        self.patch(handled);
        self.emit(Instr::Pop);
        self.emit(Instr::PopBlock);
        self.emit(Instr::Pop);
        self.emit(Instr::PopExcept);
        let done = self.emit(Instr::Jump(0));
        self.patch(cleanup);
        self.emit(Instr::Rot2);
        self.emit(Instr::PopExcept);
        self.emit(Instr::Reraise);
        self.patch(to_end);
        self.patch(done);
        Ok(())
    }

    fn try_finally(
        &mut self,
        body: &[Stmt],
        handlers: &[Handler],
        orelse: &[Stmt],
        fin: &[Stmt],
    ) -> CResult {
        let setup = self.emit(Instr::SetupExcept(0));
        self.unit().fblocks.push(FBlock::TryFinally(fin.to_vec()));
        if handlers.is_empty() {
            self.body_stmts(body)?;
        } else {
            self.try_except(body, handlers, orelse)?;
        }
        self.unit().fblocks.pop();
        self.emit(Instr::PopBlock);
        self.body_stmts(fin)?;
        let to_end = self.emit(Instr::Jump(0));
        self.patch(setup);
        // Exceptional path: stack `exc`.
        let cleanup = self.emit(Instr::SetupExcept(0));
        self.emit(Instr::PushExcInfo);
        self.unit().fblocks.push(FBlock::FinallyEnd);
        self.body_stmts(fin)?;
        self.unit().fblocks.pop();
        self.emit(Instr::PopBlock);
        // `prev exc` → restore prev, re-raise exc.
        self.emit(Instr::Rot2);
        self.emit(Instr::PopExcept);
        self.emit(Instr::Reraise);
        self.patch(cleanup);
        self.emit(Instr::Rot2);
        self.emit(Instr::PopExcept);
        self.emit(Instr::Reraise);
        self.patch(to_end);
        Ok(())
    }

    fn with_stmt(
        &mut self,
        items: &[(Expr, Option<Expr>)],
        body: &[Stmt],
        pos: Pos,
        is_async: bool,
    ) -> CResult {
        let Some(((ctx, target), rest)) = items.split_first() else {
            return self.body_stmts(body);
        };
        self.expr(ctx)?;
        self.set_pos(pos);
        if is_async {
            self.emit(Instr::BeforeAsyncWith);
            self.await_tos();
        } else {
            self.emit(Instr::BeforeWith);
        }
        // stack: exit enter_result
        let setup = self.emit(Instr::SetupExcept(0));
        match target {
            Some(t) => self.assign_target(t)?,
            None => {
                self.emit(Instr::Pop);
            }
        }
        self.unit().fblocks.push(FBlock::With { is_async });
        if rest.is_empty() {
            self.body_stmts(body)?;
        } else {
            self.with_stmt(rest, body, pos, is_async)?;
        }
        self.unit().fblocks.pop();
        self.set_pos(pos);
        self.emit(Instr::PopBlock);
        self.emit_const(Value::None);
        self.emit_const(Value::None);
        self.emit_const(Value::None);
        self.emit(Instr::Call(3));
        if is_async {
            self.await_tos();
        }
        self.emit(Instr::Pop);
        let to_end = self.emit(Instr::Jump(0));
        self.patch(setup);
        // stack: exit exc
        let cleanup = self.emit(Instr::SetupExcept(0));
        self.emit(Instr::PushExcInfo);
        // stack: exit prev exc
        self.emit(Instr::WithExceptStart);
        if is_async {
            self.await_tos();
        }
        // stack: exit prev exc result
        let suppress = self.emit(Instr::PopJumpIfTrue(0));
        self.emit(Instr::Reraise);
        self.patch(suppress);
        self.emit(Instr::PopBlock);
        self.emit(Instr::Pop);
        self.emit(Instr::PopExcept);
        self.emit(Instr::Pop);
        let to_end2 = self.emit(Instr::Jump(0));
        self.patch(cleanup);
        self.emit(Instr::Rot2);
        self.emit(Instr::PopExcept);
        self.emit(Instr::Reraise);
        self.patch(to_end);
        self.patch(to_end2);
        Ok(())
    }

    fn aug_assign(&mut self, target: &Expr, op: BinOp, value: &Expr, pos: Pos) -> CResult {
        let bop = binop(op);
        match &target.kind {
            ExprKind::Name(n) => {
                self.set_pos(target.pos);
                self.load_name(n);
                self.expr(value)?;
                self.set_pos(pos);
                self.emit(Instr::Inplace(bop));
                self.set_pos(target.pos);
                self.store_name(n);
            }
            ExprKind::Attribute(obj, attr) => {
                self.expr(obj)?;
                self.emit(Instr::Dup);
                let i = self.name_idx(attr);
                self.set_pos(target.pos);
                self.emit(Instr::LoadAttr(i));
                self.expr(value)?;
                self.set_pos(pos);
                self.emit(Instr::Inplace(bop));
                self.emit(Instr::Rot2);
                self.set_pos(target.pos);
                self.emit(Instr::StoreAttr(i));
            }
            ExprKind::Subscript(obj, idx) => {
                self.expr(obj)?;
                self.expr(idx)?;
                self.emit(Instr::Dup2);
                self.set_pos(target.pos);
                self.emit(Instr::BinarySubscr);
                self.expr(value)?;
                self.set_pos(pos);
                self.emit(Instr::Inplace(bop));
                self.emit(Instr::Rot3);
                self.set_pos(target.pos);
                self.emit(Instr::StoreSubscr);
            }
            _ => {
                return Err(err(
                    "illegal expression for augmented assignment",
                    target.pos,
                ))
            }
        }
        Ok(())
    }

    /// `a, b = x, y`: the values go on the stack and straight into the targets, with no tuple
    /// built and unpacked (CPython's peephole turns that pair into SWAP). False when the
    /// statement is not of that shape.
    fn assign_unpacked(&mut self, target: &Expr, value: &Expr) -> Result<bool, SyntaxError> {
        let (ExprKind::Tuple(targets) | ExprKind::List(targets)) = &target.kind else {
            return Ok(false);
        };
        let (ExprKind::Tuple(values) | ExprKind::List(values)) = &value.kind else {
            return Ok(false);
        };
        let starred = |es: &[Expr]| es.iter().any(|e| matches!(e.kind, ExprKind::Starred(_)));
        if targets.len() != values.len() || targets.len() < 2 || starred(targets) || starred(values)
        {
            return Ok(false);
        }
        for v in values {
            self.expr(v)?;
        }
        self.emit(Instr::Reverse(values.len() as u32));
        for t in targets {
            self.assign_target(t)?;
        }
        Ok(true)
    }

    fn assign_target(&mut self, t: &Expr) -> CResult {
        let saved = self.set_pos(t.pos);
        match &t.kind {
            ExprKind::Name(n) => self.store_name(n),
            ExprKind::Attribute(obj, attr) => {
                self.expr(obj)?;
                let i = self.name_idx(attr);
                self.set_pos(t.pos);
                self.emit(Instr::StoreAttr(i));
            }
            ExprKind::Subscript(obj, idx) => {
                self.expr(obj)?;
                self.expr(idx)?;
                self.set_pos(t.pos);
                self.emit(Instr::StoreSubscr);
            }
            ExprKind::Tuple(elts) | ExprKind::List(elts) => {
                let star = elts
                    .iter()
                    .position(|e| matches!(e.kind, ExprKind::Starred(_)));
                match star {
                    Some(si) => {
                        let before = si as u32;
                        let after = (elts.len() - si - 1) as u32;
                        self.emit(Instr::UnpackEx(before | (after << 8)));
                    }
                    None => {
                        self.emit(Instr::UnpackSequence(elts.len() as u32));
                    }
                }
                for e in elts {
                    match &e.kind {
                        ExprKind::Starred(inner) => self.assign_target(inner)?,
                        _ => self.assign_target(e)?,
                    }
                }
            }
            ExprKind::Starred(_) => {
                return Err(err(
                    "starred assignment target must be in a list or tuple",
                    t.pos,
                ))
            }
            _ => return Err(err("cannot assign to expression", t.pos)),
        }
        self.set_pos(saved);
        Ok(())
    }

    fn delete_target(&mut self, t: &Expr) -> CResult {
        self.set_pos(t.pos);
        match &t.kind {
            ExprKind::Name(n) => self.delete_name(n),
            ExprKind::Attribute(obj, attr) => {
                self.expr(obj)?;
                let i = self.name_idx(attr);
                self.set_pos(t.pos);
                self.emit(Instr::DeleteAttr(i));
            }
            ExprKind::Subscript(obj, idx) => {
                self.expr(obj)?;
                self.expr(idx)?;
                self.set_pos(t.pos);
                self.emit(Instr::DeleteSubscr);
            }
            ExprKind::Tuple(elts) | ExprKind::List(elts) => {
                for e in elts {
                    self.delete_target(e)?;
                }
            }
            _ => return Err(err("cannot delete expression", t.pos)),
        }
        Ok(())
    }

    fn funcdef(&mut self, f: &FunctionDef, pos: Pos) -> CResult {
        for d in &f.decorators {
            self.expr(d)?;
        }
        let first_line = f.decorators.first().map_or(pos.line, |d| d.pos.line);
        let _ = first_line;
        self.set_pos(pos);
        self.make_function(
            &f.name,
            &f.params,
            FuncBody::Stmts(&f.body),
            pos,
            f.is_async,
            f.returns.as_ref(),
        )?;
        self.set_pos(pos);
        for _ in &f.decorators {
            self.emit(Instr::Call(1));
        }
        self.store_name(&f.name);
        Ok(())
    }

    fn qualname_for(&mut self, name: &str) -> String {
        let u = self.units.last().expect("unit stack");
        match u.scope.kind {
            ScopeKind::Module => name.to_string(),
            ScopeKind::Class => format!("{}.{}", u.qualname, name),
            ScopeKind::Function => format!("{}.<locals>.{}", u.qualname, name),
        }
    }

    /// Defaults, then the code object with its closure: leaves the function on the stack.
    fn make_function(
        &mut self,
        name: &str,
        params: &Params,
        body: FuncBody,
        pos: Pos,
        is_async: bool,
        returns: Option<&Expr>,
    ) -> CResult {
        let mut flags = 0;
        let defaults: Vec<&Expr> = params
            .posonly
            .iter()
            .chain(&params.args)
            .filter_map(|p| p.default.as_ref())
            .collect();
        if !defaults.is_empty() {
            for d in &defaults {
                self.expr(d)?;
            }
            self.set_pos(pos);
            self.emit(Instr::BuildTuple(defaults.len() as u32));
            flags |= 1;
        }
        let kwdefaults: Vec<(&String, &Expr)> = params
            .kwonly
            .iter()
            .filter_map(|p| p.default.as_ref().map(|d| (&p.name, d)))
            .collect();
        if !kwdefaults.is_empty() {
            for (n, d) in &kwdefaults {
                let k = self.str_const(n);
                self.emit(Instr::LoadConst(k));
                self.expr(d)?;
            }
            self.set_pos(pos);
            self.emit(Instr::BuildMap(kwdefaults.len() as u32));
            flags |= 2;
        }
        // Annotations are evaluated when the function is defined (CPython without
        // `from __future__ import annotations`), in parameter order, then 'return'.
        let mut annotated: Vec<(&str, &Expr)> = Vec::new();
        for p in params.posonly.iter().chain(&params.args) {
            if let Some(a) = &p.annotation {
                annotated.push((&p.name, a));
            }
        }
        if let Some(Param {
            name,
            annotation: Some(a),
            ..
        }) = &params.vararg
        {
            annotated.push((name, a));
        }
        for p in &params.kwonly {
            if let Some(a) = &p.annotation {
                annotated.push((&p.name, a));
            }
        }
        if let Some(Param {
            name,
            annotation: Some(a),
            ..
        }) = &params.kwarg
        {
            annotated.push((name, a));
        }
        if let Some(r) = returns {
            annotated.push(("return", r));
        }
        if !annotated.is_empty() {
            for (n, a) in &annotated {
                let k = self.str_const(n);
                self.emit(Instr::LoadConst(k));
                self.expr(a)?;
            }
            self.set_pos(pos);
            self.emit(Instr::BuildMap(annotated.len() as u32));
            flags |= 4;
        }
        let scope = self.take_child_scope();
        let qualname = self.qualname_for(name);
        self.push_unit(scope, name.to_string(), qualname, pos.line);
        {
            let u = self.unit();
            u.argcount = (params.posonly.len() + params.args.len()) as u32;
            u.posonly = params.posonly.len() as u32;
            u.kwonly = params.kwonly.len() as u32;
            u.flags.varargs = params.vararg.is_some();
            u.flags.varkw = params.kwarg.is_some();
            u.flags.coroutine = is_async;
            if is_async {
                u.flags.generator = true;
            }
        }
        match body {
            FuncBody::Stmts(stmts) => {
                // A leading string constant is the docstring: constant slot 0 like CPython.
                if let Some(Stmt {
                    kind:
                        StmtKind::Expr(Expr {
                            kind: ExprKind::Const(Const::Str(doc)),
                            ..
                        }),
                    ..
                }) = stmts.first()
                {
                    let i = self.str_const(doc);
                    let _ = i;
                } else {
                    self.add_const(Value::None, None);
                }
                self.body_stmts(stmts)?;
                let last_is_return = matches!(
                    stmts.last(),
                    Some(Stmt {
                        kind: StmtKind::Return(_),
                        ..
                    })
                );
                if !last_is_return {
                    self.emit_const(Value::None);
                    self.emit(Instr::ReturnValue);
                }
            }
            FuncBody::Expr(e) => {
                self.add_const(Value::None, None);
                self.expr(e)?;
                self.emit(Instr::ReturnValue);
            }
        }
        let code = self.pop_unit();
        self.emit_closure_and_code(code, flags, pos);
        Ok(())
    }

    fn emit_closure_and_code(&mut self, code: Arc<Code>, mut flags: u32, pos: Pos) {
        self.set_pos(pos);
        if !code.freevars.is_empty() {
            for fv in code.freevars.clone() {
                let i = self.closure_cell_index(&fv);
                self.emit(Instr::LoadClosure(i));
            }
            self.emit(Instr::BuildTuple(code.freevars.len() as u32));
            flags |= 8;
        }
        let code_ref = self.vm.heap.alloc(Obj::Code(code));
        let k = self.add_const(Value::Obj(code_ref), None);
        self.emit(Instr::LoadConst(k));
        self.emit(Instr::MakeFunction(flags));
    }

    /// The index of the cell for `name` in the current unit (creating a pass-through free var).
    fn closure_cell_index(&mut self, name: &str) -> u32 {
        self.cell_index(name)
    }

    fn classdef(&mut self, c: &ClassDef, pos: Pos) -> CResult {
        for d in &c.decorators {
            self.expr(d)?;
        }
        self.set_pos(pos);
        self.emit(Instr::LoadBuildClass);
        let scope = self.take_child_scope();
        let qualname = self.qualname_for(&c.name);
        let needs_cell = scope.needs_class_cell || scope.cellvars.iter().any(|c| c == "__class__");
        self.push_unit(scope, c.name.clone(), qualname.clone(), pos.line);
        if needs_cell && !self.unit().cellvars.iter().any(|x| x == "__class__") {
            self.unit().cellvars.push("__class__".into());
        }
        // __module__ = __name__; __qualname__ = '...'
        self.set_pos(pos);
        let ni = self.name_idx("__name__");
        self.emit(Instr::LoadGlobal(ni));
        let mi = self.name_idx("__module__");
        self.emit(Instr::StoreName(mi));
        let q = self.str_const(&qualname);
        self.emit(Instr::LoadConst(q));
        let qi = self.name_idx("__qualname__");
        self.emit(Instr::StoreName(qi));
        if let Some(Stmt {
            kind:
                StmtKind::Expr(Expr {
                    kind: ExprKind::Const(Const::Str(doc)),
                    ..
                }),
            ..
        }) = c.body.first()
        {
            let d = self.str_const(doc);
            self.emit(Instr::LoadConst(d));
            let di = self.name_idx("__doc__");
            self.emit(Instr::StoreName(di));
        }
        if has_annotations(&c.body) {
            self.emit(Instr::SetupAnnotations);
        }
        self.body_stmts(&c.body)?;
        self.set_pos(pos);
        if needs_cell {
            let ci = self.cell_index("__class__");
            self.emit(Instr::LoadClosure(ci));
            let cc = self.name_idx("__classcell__");
            self.emit(Instr::StoreName(cc));
        }
        self.emit_const(Value::None);
        self.emit(Instr::ReturnValue);
        let code = self.pop_unit();
        self.emit_closure_and_code(code, 0, pos);
        let n = self.str_const(&c.name);
        self.emit(Instr::LoadConst(n));
        self.call_args(&c.bases, &c.keywords, 2, pos)?;
        self.set_pos(pos);
        for _ in &c.decorators {
            self.emit(Instr::Call(1));
        }
        self.store_name(&c.name);
        Ok(())
    }

    // ----- expressions -----

    /// Compile `test` and jump when its truth equals `jump_if`. Returns the jump to patch.
    fn cond_jump(&mut self, test: &Expr, jump_if: bool) -> Result<usize, SyntaxError> {
        if let ExprKind::UnaryOp(UnaryOp::Not, inner) = &test.kind {
            return self.cond_jump(inner, !jump_if);
        }
        self.expr(test)?;
        Ok(self.emit(if jump_if {
            Instr::PopJumpIfTrue(0)
        } else {
            Instr::PopJumpIfFalse(0)
        }))
    }

    fn expr(&mut self, e: &Expr) -> CResult {
        self.depth += 1;
        if self.depth > MAX_COMPILE_DEPTH {
            self.depth -= 1;
            return Err(SyntaxError {
                msg: "maximum recursion depth exceeded during compilation".into(),
                kind: SyntaxErrorKind::TooDeep,
                ..err("", e.pos)
            });
        }
        let saved = self.set_pos(e.pos);
        let r = crate::parser::guard(|| self.expr_inner(e));
        self.set_pos(saved);
        self.depth -= 1;
        r
    }

    fn expr_inner(&mut self, e: &Expr) -> CResult {
        match &e.kind {
            ExprKind::Name(n) => self.load_name(n),
            ExprKind::Const(c) => {
                let v = self.const_value(c);
                self.emit_const(v);
            }
            ExprKind::JoinedStr(parts) => self.joined_str(parts, e.pos)?,
            ExprKind::BinOp(a, op, b) => {
                self.expr(a)?;
                self.expr(b)?;
                self.set_pos(e.pos);
                self.emit(Instr::Binary(binop(*op)));
            }
            ExprKind::UnaryOp(op, a) => {
                self.expr(a)?;
                self.set_pos(e.pos);
                self.emit(Instr::Unary(match op {
                    UnaryOp::Neg => UOp::Neg,
                    UnaryOp::Pos => UOp::Pos,
                    UnaryOp::Invert => UOp::Invert,
                    UnaryOp::Not => UOp::Not,
                }));
            }
            ExprKind::BoolOp(is_and, vals) => {
                let mut jumps = Vec::new();
                for (i, v) in vals.iter().enumerate() {
                    self.expr(v)?;
                    if i + 1 < vals.len() {
                        jumps.push(self.emit(if *is_and {
                            Instr::JumpIfFalseOrPop(0)
                        } else {
                            Instr::JumpIfTrueOrPop(0)
                        }));
                    }
                }
                for j in jumps {
                    self.patch(j);
                }
            }
            ExprKind::Compare(first, ops) => self.compare(first, ops, e.pos)?,
            ExprKind::Call {
                func,
                args,
                keywords,
            } => self.call(func, args, keywords, e.pos)?,
            ExprKind::Attribute(obj, attr) => {
                self.expr(obj)?;
                let i = self.name_idx(attr);
                self.set_pos(e.pos);
                self.emit(Instr::LoadAttr(i));
            }
            ExprKind::Subscript(obj, idx) => {
                self.expr(obj)?;
                self.expr(idx)?;
                self.set_pos(e.pos);
                self.emit(Instr::BinarySubscr);
            }
            ExprKind::Slice(a, b, c) => {
                for x in [a, b] {
                    match x {
                        Some(x) => self.expr(x)?,
                        None => self.emit_const(Value::None),
                    }
                }
                if let Some(c) = c {
                    self.expr(c)?;
                    self.emit(Instr::BuildSlice(3));
                } else {
                    self.emit(Instr::BuildSlice(2));
                }
            }
            ExprKind::Starred(_) => return Err(err("can't use starred expression here", e.pos)),
            ExprKind::List(elts) => self.sequence(elts, Seq::List, e.pos)?,
            ExprKind::Tuple(elts) => self.sequence(elts, Seq::Tuple, e.pos)?,
            ExprKind::Set(elts) => self.sequence(elts, Seq::Set, e.pos)?,
            ExprKind::Dict(items) => self.dict(items, e.pos)?,
            ExprKind::IfExp(test, body, orelse) => {
                let jf = self.cond_jump(test, false)?;
                self.expr(body)?;
                let j = self.emit(Instr::Jump(0));
                self.patch(jf);
                self.expr(orelse)?;
                self.patch(j);
            }
            ExprKind::Lambda(params, body) => {
                self.make_function("<lambda>", params, FuncBody::Expr(body), e.pos, false, None)?;
            }
            ExprKind::ListComp(elt, gens) => self.comprehension(Comp::List(elt), gens, e.pos)?,
            ExprKind::SetComp(elt, gens) => self.comprehension(Comp::Set(elt), gens, e.pos)?,
            ExprKind::DictComp(k, v, gens) => self.comprehension(Comp::Dict(k, v), gens, e.pos)?,
            ExprKind::GenExp(elt, gens) => self.comprehension(Comp::Gen(elt), gens, e.pos)?,
            ExprKind::NamedExpr(target, value) => {
                self.expr(value)?;
                self.emit(Instr::Dup);
                self.assign_target(target)?;
            }
            ExprKind::Yield(v) => {
                self.check_in_function("'yield' outside function", e.pos)?;
                match v {
                    Some(v) => self.expr(v)?,
                    None => self.emit_const(Value::None),
                }
                self.set_pos(e.pos);
                self.emit(Instr::YieldValue);
            }
            ExprKind::YieldFrom(v) => {
                self.check_in_function("'yield' outside function", e.pos)?;
                self.expr(v)?;
                self.set_pos(e.pos);
                self.emit(Instr::GetYieldFromIter);
                self.emit_const(Value::None);
                self.yield_from_loop();
            }
            ExprKind::Await(v) => {
                if !self.unit().flags.coroutine {
                    let msg = if self.unit().scope.kind == ScopeKind::Function {
                        "'await' outside async function"
                    } else {
                        "'await' outside function"
                    };
                    return Err(err(msg, e.pos));
                }
                self.expr(v)?;
                self.set_pos(e.pos);
                self.await_tos();
            }
        }
        Ok(())
    }

    /// `awaitable -- result`: the body of an `await`.
    fn await_tos(&mut self) {
        self.emit(Instr::GetAwaitable);
        self.emit_const(Value::None);
        self.yield_from_loop();
    }

    fn check_async(&mut self, msg: &str, pos: Pos) -> CResult {
        if !self.unit().flags.coroutine {
            return Err(err(msg, pos));
        }
        Ok(())
    }

    fn async_for(
        &mut self,
        target: &Expr,
        iter: &Expr,
        body: &[Stmt],
        orelse: &[Stmt],
        pos: Pos,
    ) -> CResult {
        self.check_async("'async for' outside async function", pos)?;
        self.expr(iter)?;
        self.set_pos(pos);
        self.emit(Instr::GetAIter);
        let top = self.here();
        let setup = self.emit(Instr::SetupExcept(0));
        self.emit(Instr::GetANext);
        self.await_tos();
        self.emit(Instr::PopBlock);
        self.unit().fblocks.push(FBlock::Loop {
            cont: top,
            breaks: Vec::new(),
            has_iter: true,
        });
        self.assign_target(target)?;
        self.body_stmts(body)?;
        self.set_pos(pos);
        self.emit(Instr::Jump(top as u32));
        let Some(FBlock::Loop { breaks, .. }) = self.unit().fblocks.pop() else {
            unreachable!("loop block")
        };
        self.patch(setup);
        // stack: aiter exc
        self.emit(Instr::EndAsyncFor);
        self.body_stmts(orelse)?;
        for b in breaks {
            self.patch(b);
        }
        Ok(())
    }

    /// `iter sent` on the stack → the delegation loop; leaves the sub-iterator's return value.
    fn yield_from_loop(&mut self) {
        let top = self.here();
        let send = self.emit(Instr::Send(0));
        self.emit(Instr::YieldValue);
        self.emit(Instr::Jump(top as u32));
        self.patch(send);
    }

    fn check_in_function(&mut self, msg: &str, pos: Pos) -> CResult {
        if self.unit().scope.kind != ScopeKind::Function {
            return Err(err(msg, pos));
        }
        Ok(())
    }

    fn compare(&mut self, first: &Expr, ops: &[(CmpOp, Expr)], pos: Pos) -> CResult {
        self.expr(first)?;
        if ops.len() == 1 {
            self.expr(&ops[0].1)?;
            self.set_pos(pos);
            self.emit_cmp(ops[0].0);
            return Ok(());
        }
        // a < b < c: keep b for the next comparison; short-circuit on false.
        let mut cleanups = Vec::new();
        for (i, (op, rhs)) in ops.iter().enumerate() {
            self.expr(rhs)?;
            self.set_pos(pos);
            if i + 1 < ops.len() {
                self.emit(Instr::Dup);
                self.emit(Instr::Rot3);
                self.emit_cmp(*op);
                cleanups.push(self.emit(Instr::JumpIfFalseOrPop(0)));
            } else {
                self.emit_cmp(*op);
            }
        }
        let end = self.emit(Instr::Jump(0));
        for c in cleanups {
            self.patch(c);
        }
        self.emit(Instr::Rot2);
        self.emit(Instr::Pop);
        self.patch(end);
        Ok(())
    }

    fn emit_cmp(&mut self, op: CmpOp) {
        self.emit(match op {
            CmpOp::Eq => Instr::Compare(CompareOp::Eq),
            CmpOp::NotEq => Instr::Compare(CompareOp::Ne),
            CmpOp::Lt => Instr::Compare(CompareOp::Lt),
            CmpOp::LtE => Instr::Compare(CompareOp::Le),
            CmpOp::Gt => Instr::Compare(CompareOp::Gt),
            CmpOp::GtE => Instr::Compare(CompareOp::Ge),
            CmpOp::Is => Instr::Is(false),
            CmpOp::IsNot => Instr::Is(true),
            CmpOp::In => Instr::Contains(false),
            CmpOp::NotIn => Instr::Contains(true),
        });
    }

    fn call(&mut self, func: &Expr, args: &[Expr], keywords: &[Keyword], pos: Pos) -> CResult {
        let simple = !args.iter().any(|a| matches!(a.kind, ExprKind::Starred(_)))
            && !keywords.iter().any(|k| k.name.is_none());
        // Method call: obj.name(args) without building a bound method.
        if let (ExprKind::Attribute(obj, attr), true, true) =
            (&func.kind, simple, keywords.is_empty())
        {
            self.expr(obj)?;
            let i = self.name_idx(attr);
            self.set_pos(func.pos);
            self.emit(Instr::LoadMethod(i));
            for a in args {
                self.expr(a)?;
            }
            self.set_pos(pos);
            self.emit(Instr::CallMethod(args.len() as u32));
            return Ok(());
        }
        self.expr(func)?;
        self.call_args(args, keywords, 0, pos)
    }

    /// Arguments after the callable (and `extra` positional values already pushed), then the call.
    fn call_args(&mut self, args: &[Expr], keywords: &[Keyword], extra: u32, pos: Pos) -> CResult {
        let simple = !args.iter().any(|a| matches!(a.kind, ExprKind::Starred(_)))
            && !keywords.iter().any(|k| k.name.is_none());
        if simple {
            for a in args {
                self.expr(a)?;
            }
            let argc = extra + args.len() as u32;
            if keywords.is_empty() {
                self.set_pos(pos);
                self.emit(Instr::Call(argc));
            } else {
                let mut names = Vec::new();
                for k in keywords {
                    self.expr(&k.value)?;
                    let i = self.str_const(k.name.as_deref().unwrap_or(""));
                    names.push(self.unit().consts[i as usize]);
                }
                let t = self.vm.new_tuple(names);
                let ti = self.add_const(t, None);
                self.set_pos(pos);
                self.emit(Instr::LoadConst(ti));
                self.emit(Instr::CallKw(argc + keywords.len() as u32));
            }
            return Ok(());
        }
        // General form: build a tuple of positionals and a dict of keywords.
        self.emit(Instr::BuildList(extra));
        for a in args {
            match &a.kind {
                ExprKind::Starred(inner) => {
                    self.expr(inner)?;
                    self.emit(Instr::ListExtend(1));
                }
                _ => {
                    self.expr(a)?;
                    self.emit(Instr::ListAppend(1));
                }
            }
        }
        self.emit(Instr::ListToTuple);
        if keywords.is_empty() {
            self.set_pos(pos);
            self.emit(Instr::CallEx(false));
            return Ok(());
        }
        self.emit(Instr::BuildMap(0));
        for k in keywords {
            match &k.name {
                Some(n) => {
                    let i = self.str_const(n);
                    self.emit(Instr::LoadConst(i));
                    self.expr(&k.value)?;
                    self.emit(Instr::BuildMap(1));
                    self.emit(Instr::DictMerge(1));
                }
                None => {
                    self.expr(&k.value)?;
                    self.set_pos(pos);
                    self.emit(Instr::DictMerge(1));
                }
            }
        }
        self.set_pos(pos);
        self.emit(Instr::CallEx(true));
        Ok(())
    }

    fn sequence(&mut self, elts: &[Expr], kind: Seq, pos: Pos) -> CResult {
        let has_star = elts.iter().any(|e| matches!(e.kind, ExprKind::Starred(_)));
        if !has_star {
            // Constant tuples are folded.
            if kind == Seq::Tuple
                && !elts.is_empty()
                && elts.iter().all(|e| matches!(e.kind, ExprKind::Const(_)))
            {
                let vals: Vec<Value> = elts
                    .iter()
                    .map(|e| match &e.kind {
                        ExprKind::Const(c) => self.const_value(c),
                        _ => Value::None,
                    })
                    .collect();
                let t = self.vm.new_tuple(vals);
                let i = self.add_const(t, None);
                self.emit(Instr::LoadConst(i));
                return Ok(());
            }
            for e in elts {
                self.expr(e)?;
            }
            self.set_pos(pos);
            let n = elts.len() as u32;
            self.emit(match kind {
                Seq::List => Instr::BuildList(n),
                Seq::Tuple => Instr::BuildTuple(n),
                Seq::Set => Instr::BuildSet(n),
            });
            return Ok(());
        }
        match kind {
            Seq::Set => self.emit(Instr::BuildSet(0)),
            _ => self.emit(Instr::BuildList(0)),
        };
        for e in elts {
            match &e.kind {
                ExprKind::Starred(inner) => {
                    self.expr(inner)?;
                    self.set_pos(pos);
                    self.emit(if kind == Seq::Set {
                        Instr::SetUpdate(1)
                    } else {
                        Instr::ListExtend(1)
                    });
                }
                _ => {
                    self.expr(e)?;
                    self.emit(if kind == Seq::Set {
                        Instr::SetAdd(1)
                    } else {
                        Instr::ListAppend(1)
                    });
                }
            }
        }
        if kind == Seq::Tuple {
            self.emit(Instr::ListToTuple);
        }
        Ok(())
    }

    fn dict(&mut self, items: &[(Option<Expr>, Expr)], pos: Pos) -> CResult {
        if items.iter().all(|(k, _)| k.is_some()) && items.len() < 16 {
            for (k, v) in items {
                if let Some(k) = k {
                    self.expr(k)?;
                }
                self.expr(v)?;
            }
            self.set_pos(pos);
            self.emit(Instr::BuildMap(items.len() as u32));
            return Ok(());
        }
        self.emit(Instr::BuildMap(0));
        for (k, v) in items {
            match k {
                Some(k) => {
                    self.expr(k)?;
                    self.expr(v)?;
                    self.emit(Instr::MapAdd(1));
                }
                None => {
                    self.expr(v)?;
                    self.set_pos(pos);
                    self.emit(Instr::DictUpdate(1));
                }
            }
        }
        Ok(())
    }

    fn joined_str(&mut self, parts: &[FStrPart], pos: Pos) -> CResult {
        let mut n = 0;
        for p in parts {
            match p {
                FStrPart::Lit(s) => {
                    let i = self.str_const(s);
                    self.emit(Instr::LoadConst(i));
                }
                FStrPart::Field { value, conv, spec } => {
                    if let ExprKind::JoinedStr(inner) = &value.kind {
                        // `{x=}` debug fields: the text and the field.
                        self.joined_str(inner, pos)?;
                        n += 1;
                        continue;
                    }
                    self.expr(value)?;
                    let mut flags = match conv {
                        None => 0,
                        Some('s') => 1,
                        Some('r') => 2,
                        _ => 3,
                    };
                    if let Some(sp) = spec {
                        self.joined_str(sp, pos)?;
                        flags |= 4;
                    }
                    self.set_pos(pos);
                    self.emit(Instr::FormatValue(flags));
                }
            }
            n += 1;
        }
        if n != 1 {
            self.set_pos(pos);
            self.emit(Instr::BuildString(n));
        } else if matches!(parts.first(), Some(FStrPart::Lit(_))) {
            // A lone literal is already a str.
        }
        Ok(())
    }

    fn comprehension(&mut self, kind: Comp, gens: &[Comprehension], pos: Pos) -> CResult {
        // The first iterable is evaluated here, in the enclosing scope.
        self.expr(&gens[0].iter)?;
        self.set_pos(gens[0].iter.pos);
        self.emit(Instr::GetIter);
        let scope = self.take_child_scope();
        let name = match kind {
            Comp::List(_) => "<listcomp>",
            Comp::Set(_) => "<setcomp>",
            Comp::Dict(..) => "<dictcomp>",
            Comp::Gen(_) => "<genexpr>",
        };
        let qualname = self.qualname_for(name);
        self.push_unit(scope, name.to_string(), qualname, pos.line);
        self.unit().argcount = 1;
        self.set_pos(pos);
        self.add_const(Value::None, None);
        match kind {
            Comp::List(_) => {
                self.emit(Instr::BuildList(0));
            }
            Comp::Set(_) => {
                self.emit(Instr::BuildSet(0));
            }
            Comp::Dict(..) => {
                self.emit(Instr::BuildMap(0));
            }
            Comp::Gen(_) => {}
        }
        self.comp_level(&kind, gens, 0, pos)?;
        self.set_pos(pos);
        if let Comp::Gen(_) = kind {
            self.emit_const(Value::None);
        }
        self.emit(Instr::ReturnValue);
        let code = self.pop_unit();
        self.emit_closure_and_code(code, 0, pos);
        self.emit(Instr::Rot2);
        self.emit(Instr::Call(1));
        Ok(())
    }

    fn comp_level(&mut self, kind: &Comp, gens: &[Comprehension], i: usize, pos: Pos) -> CResult {
        let g = &gens[i];
        if i == 0 {
            let zero = self.local_index(".0");
            self.emit(Instr::LoadFast(zero));
        } else {
            self.expr(&g.iter)?;
            self.set_pos(g.iter.pos);
            self.emit(Instr::GetIter);
        }
        let top = self.here();
        self.set_pos(pos);
        let fi = self.emit(Instr::ForIter(0));
        self.assign_target(&g.target)?;
        let mut skips = Vec::new();
        for c in &g.ifs {
            skips.push(self.cond_jump(c, false)?);
        }
        if i + 1 < gens.len() {
            self.comp_level(kind, gens, i + 1, pos)?;
        } else {
            let depth = (gens.len() + 1) as u32;
            match kind {
                Comp::List(e) => {
                    self.expr(e)?;
                    self.emit(Instr::ListAppend(depth));
                }
                Comp::Set(e) => {
                    self.expr(e)?;
                    self.emit(Instr::SetAdd(depth));
                }
                Comp::Dict(k, v) => {
                    self.expr(k)?;
                    self.expr(v)?;
                    self.emit(Instr::MapAdd(depth));
                }
                Comp::Gen(e) => {
                    self.expr(e)?;
                    self.emit(Instr::YieldValue);
                    self.emit(Instr::Pop);
                }
            }
        }
        for s in skips {
            self.patch_to(s, top as u32);
        }
        self.set_pos(pos);
        self.emit(Instr::Jump(top as u32));
        self.patch(fi);
        Ok(())
    }
}

enum FuncBody<'b> {
    Stmts(&'b [Stmt]),
    Expr(&'b Expr),
}

#[derive(Clone, Copy, PartialEq, Eq)]
enum Seq {
    List,
    Tuple,
    Set,
}

enum Comp<'b> {
    List(&'b Expr),
    Set(&'b Expr),
    Dict(&'b Expr, &'b Expr),
    Gen(&'b Expr),
}

fn binop(op: BinOp) -> BinaryOp {
    match op {
        BinOp::Add => BinaryOp::Add,
        BinOp::Sub => BinaryOp::Sub,
        BinOp::Mul => BinaryOp::Mul,
        BinOp::MatMul => BinaryOp::MatMul,
        BinOp::Div => BinaryOp::TrueDiv,
        BinOp::FloorDiv => BinaryOp::FloorDiv,
        BinOp::Mod => BinaryOp::Mod,
        BinOp::Pow => BinaryOp::Pow,
        BinOp::LShift => BinaryOp::LShift,
        BinOp::RShift => BinaryOp::RShift,
        BinOp::BitOr => BinaryOp::Or,
        BinOp::BitXor => BinaryOp::Xor,
        BinOp::BitAnd => BinaryOp::And,
    }
}
