//! The eval loop. One loop, one `match` per instruction; a frame switch (call, return, yield,
//! exception unwinding) reloads the loop's cached frame state. Script calls never recurse on
//! the Rust stack: they push a [`Frame`] and continue.
//!
//! Fuel is charged at calls and backward jumps, which every unbounded computation passes
//! through; when it runs out the loop saves its position and returns [`RunState::Suspended`].
//! Garbage is collected at the same safe points.

use crate::code::{CompareOp, Instr};
use crate::object::{Args, Function, GenState, IterKind, NativeImpl, Obj};
use crate::types::dict::Dict;
use crate::value::{ObjRef, Triple, Value};
use crate::vm::attr_cache::{Entry, Kind};
use crate::vm::call::CallOutcome;
use crate::vm::exc::{self, ExcKind, PyErr};
use crate::vm::format_spec::{parse_spec, Spec};
use crate::vm::frame::FrameCode;
use crate::vm::{PyResult, RunState, Vm};
use smallvec::SmallVec;
use std::sync::Arc;

/// How control leaves an instruction that switched frames.
enum Flow {
    /// Reload the top frame and continue.
    Reload,
    /// The boundary frame finished with this value: return it to the Rust caller.
    Exit(Value),
}

impl Vm {
    /// Run from the top frame until the innermost boundary frame finishes.
    pub(crate) fn run_frames(&mut self) -> PyResult<RunState> {
        self.run_loop(None)
    }

    /// Like [`run_frames`], but first raise `err` in the top frame (generator `throw`).
    pub(crate) fn run_frames_with_error(&mut self, err: PyErr) -> PyResult<RunState> {
        self.run_loop(Some(err))
    }

    fn run_loop(&mut self, mut pending: Option<PyErr>) -> PyResult<RunState> {
        'frame: loop {
            if let Some(e) = pending.take() {
                match self.unwind(e, true) {
                    Ok(Flow::Reload) => {}
                    Ok(Flow::Exit(v)) => return Ok(RunState::Done(v)),
                    Err(e) => return Err(e),
                }
            }
            let Some(frame) = self.frames.last() else {
                return Ok(RunState::Done(Value::None));
            };
            // Borrowed, not cloned: an Arc clone and drop on every call, return and frame
            // reload cost two atomic operations each.
            // SAFETY: the frame at `fi` holds an Arc of this Code for as long as this pass of
            // 'frame executes its instructions. Every handler that pops or moves that frame
            // (return, yield, unwinding, suspension) then leaves through `continue 'frame` or
            // `return` without reading `code` again, and frames moving inside `self.frames`
            // (or into a generator) move the Arc, not the Code it points to.
            let code: &crate::code::Code = unsafe { &*frame.code.ptr() };
            let base = frame.base;
            // Frames saved elsewhere (generators, handlers, delegation) come back through here:
            // one check per reload keeps the unchecked fetch below in range.
            let mut ip = frame.ip.min(code.instrs.len() - 1);
            // The instruction array's base, read once per frame load rather than through
            // `code` at every dispatch.
            let instrs: *const Instr = code.instrs.as_ptr();
            let fi = self.frames.len() - 1;
            macro_rules! save_ip {
                () => {
                    self.frames[fi].ip = ip
                };
            }
            macro_rules! tri {
                ($e:expr) => {
                    match $e {
                        Ok(v) => v,
                        Err(e) => {
                            save_ip!();
                            pending = Some(self.with_context(e));
                            continue 'frame;
                        }
                    }
                };
            }
            // The instruction after the one executing, for fusing pairs. It exists: only
            // `EndOfCode` is last, and it does not peek.
            macro_rules! peek_next {
                () => {{
                    // SAFETY: see above; `ip` is the index after a non-last instruction.
                    debug_assert!(ip < code.instrs.len());
                    unsafe { *instrs.add(ip) }
                }};
            }
            macro_rules! pop {
                () => {
                    self.stack.pop().unwrap_or(Value::None)
                };
            }
            macro_rules! top {
                () => {
                    *self.stack.last().unwrap_or(&Value::None)
                };
            }
            macro_rules! flow {
                ($e:expr) => {{
                    save_ip!();
                    match $e {
                        Ok(Flow::Reload) => continue 'frame,
                        Ok(Flow::Exit(v)) => return Ok(RunState::Done(v)),
                        Err(e) => {
                            pending = Some(self.with_context(e));
                            continue 'frame;
                        }
                    }
                }};
            }
            // `$resume` is where execution continues after a suspension: the jump target for
            // a backward jump, the call instruction itself for a call.
            macro_rules! safe_point {
                ($resume:expr) => {
                    self.fuel -= 1;
                    if self.fuel <= 0 || self.heap.should_collect() {
                        self.frames[fi].ip = $resume;
                        match self.safe_point() {
                            Ok(true) => {}
                            Ok(false) => return Ok(RunState::Suspended),
                            Err(e) => {
                                pending = Some(e);
                                continue 'frame;
                            }
                        }
                    }
                };
            }
            loop {
                // SAFETY: `ip` is in range: checked at the frame's (re)load above, and after
                // that it only moves to the next instruction after one that is not the last
                // (`EndOfCode` never falls through) or to a jump target (checked by `Instrs`).
                // `instrs` points into `code`, alive for this pass (see `code` above).
                debug_assert!(ip < code.instrs.len());
                let instr = unsafe { *instrs.add(ip) };
                ip += 1;
                match instr {
                    Instr::Nop => {}
                    Instr::LoadConst(k) => push_value(&mut self.stack, code.consts[k as usize]),
                    Instr::LoadFast(i) => {
                        let v = self.stack[base + i as usize];
                        if let Value::Undef = v {
                            let name = &code.varnames[i as usize];
                            tri!(Err(PyErr::new(
                                ExcKind::UnboundLocalError,
                                format!("cannot access local variable '{name}' where it is not associated with a value"),
                            )));
                        }
                        push_value(&mut self.stack, v);
                        // The operand that usually follows a local, loaded here without a
                        // second dispatch (the instruction stays in place for jumps to it).
                        match peek_next!() {
                            Instr::LoadConst(k) => {
                                push_value(&mut self.stack, code.consts[k as usize]);
                                ip += 1;
                            }
                            Instr::LoadFast(j) => {
                                let w = self.stack[base + j as usize];
                                if !matches!(w, Value::Undef) {
                                    push_value(&mut self.stack, w);
                                    ip += 1;
                                }
                            }
                            _ => {}
                        }
                    }
                    Instr::StoreFast(i) => {
                        let v = pop!();
                        self.stack[base + i as usize] = v;
                        if let Instr::LoadFast(j) = peek_next!() {
                            let w = self.stack[base + j as usize];
                            if !matches!(w, Value::Undef) {
                                push_value(&mut self.stack, w);
                                ip += 1;
                            }
                        }
                    }
                    Instr::DeleteFast(i) => {
                        if let Value::Undef = self.stack[base + i as usize] {
                            let name = &code.varnames[i as usize];
                            tri!(Err(PyErr::new(
                                ExcKind::UnboundLocalError,
                                format!("cannot access local variable '{name}' where it is not associated with a value"),
                            )));
                        }
                        self.stack[base + i as usize] = Value::Undef;
                    }
                    Instr::LoadDeref(i) => {
                        let v = self.cell_get(base, code, i);
                        if let Value::Undef = v {
                            tri!(Err(self.unbound_cell(code, i)));
                        }
                        push_value(&mut self.stack, v);
                    }
                    Instr::StoreDeref(i) => {
                        let v = pop!();
                        self.cell_set(base, code, i, v);
                    }
                    Instr::DeleteDeref(i) => {
                        if let Value::Undef = self.cell_get(base, code, i) {
                            tri!(Err(self.unbound_cell(code, i)));
                        }
                        self.cell_set(base, code, i, Value::Undef);
                    }
                    Instr::LoadClosure(i) => {
                        let c = self.stack[base + code.nlocals() + i as usize];
                        push_value(&mut self.stack, c);
                    }
                    Instr::LoadClassDeref(i) => {
                        let idx = i as usize;
                        let name = if idx < code.cellvars.len() {
                            &code.cellvars[idx]
                        } else {
                            &code.freevars[idx - code.cellvars.len()]
                        };
                        let k = self.intern(name);
                        let found = self.frames[fi].locals.and_then(|l| self.ns_get(l, k));
                        match found {
                            Some(v) => push_value(&mut self.stack, v),
                            None => {
                                let v = self.cell_get(base, code, i);
                                if let Value::Undef = v {
                                    tri!(Err(self.unbound_cell(code, i)));
                                }
                                push_value(&mut self.stack, v);
                            }
                        }
                    }
                    Instr::LoadGlobal(i) => {
                        let name = code.names[i as usize];
                        let g = self.frames[fi].globals;
                        let site = super::attr_cache::site(code, ip);
                        let v = match self.global_hinted(g, name, site) {
                            Some(v) => v,
                            None => tri!(self.load_global_at(g, name, Some(site))),
                        };
                        push_value(&mut self.stack, v);
                    }
                    Instr::StoreGlobal(i) => {
                        let v = pop!();
                        let g = self.frames[fi].globals;
                        self.ns_set(g, code.names[i as usize], v);
                    }
                    Instr::DeleteGlobal(i) => {
                        let g = self.frames[fi].globals;
                        let name = code.names[i as usize];
                        if tri!(self.dict_remove(g, Value::Obj(name))).is_none() {
                            let n = self.str_ref(name).to_string();
                            tri!(Err(exc::name_error(format!("name '{n}' is not defined"))));
                        }
                    }
                    Instr::LoadName(i) => {
                        let name = code.names[i as usize];
                        let f = &self.frames[fi];
                        let (locals, g) = (f.locals, f.globals);
                        let site = super::attr_cache::site(code, ip);
                        let found = match locals {
                            // Module level: the namespace is the globals, so a name is a
                            // global or a builtin, and `LoadGlobal`'s cache (which remembers
                            // builtins too) answers without two failed dict lookups first.
                            Some(l) if l == g => self.global_hinted(g, name, site),
                            Some(l) if matches!(self.heap.get(l), Obj::Dict(_)) => {
                                self.ns_get_at(l, name, site)
                            }
                            Some(l) => tri!(self.locals_get(l, name)),
                            None => None,
                        };
                        let v = match found {
                            Some(v) => v,
                            None => tri!(self.load_global_at(g, name, Some(site))),
                        };
                        push_value(&mut self.stack, v);
                    }
                    Instr::StoreName(i) => {
                        let v = pop!();
                        let f = &self.frames[fi];
                        let ns = f.locals.unwrap_or(f.globals);
                        if matches!(self.heap.get(ns), Obj::Dict(_)) {
                            let site = super::attr_cache::site(code, ip);
                            self.ns_set_at(ns, code.names[i as usize], v, site);
                        } else {
                            // A metaclass's __prepare__ namespace: go through __setitem__.
                            let k = Value::Obj(code.names[i as usize]);
                            save_ip!();
                            tri!(self.set_item(Value::Obj(ns), k, v));
                        }
                    }
                    Instr::DeleteName(i) => {
                        let f = &self.frames[fi];
                        let ns = f.locals.unwrap_or(f.globals);
                        let name = code.names[i as usize];
                        if !matches!(self.heap.get(ns), Obj::Dict(_)) {
                            save_ip!();
                            tri!(self.del_item(Value::Obj(ns), Value::Obj(name)));
                        } else if tri!(self.dict_remove(ns, Value::Obj(name))).is_none() {
                            let n = self.str_ref(name).to_string();
                            tri!(Err(exc::name_error(format!("name '{n}' is not defined"))));
                        }
                    }
                    Instr::LoadAttr(i) => {
                        let name = code.names[i as usize];
                        let site = super::attr_cache::site(code, ip);
                        if let Some(v) = self.load_attr_cached(site, top!(), name) {
                            if let Some(t) = self.stack.last_mut() {
                                *t = v;
                            }
                            continue;
                        }
                        let fast = match self.getter_cached(site, top!(), name) {
                            Some(getter) => getter,
                            None => self.load_attr_fast(top!(), name, Some(site)),
                        };
                        match fast {
                            super::attr::FastAttr::Value(v) => {
                                if let Some(t) = self.stack.last_mut() {
                                    *t = v;
                                }
                                continue;
                            }
                            // A Python property getter runs as a frame of this loop.
                            super::attr::FastAttr::Getter(getter) => {
                                safe_point!(ip - 1);
                                let obj = pop!();
                                let pos = self.stack.len();
                                push_value(&mut self.stack, getter);
                                push_value(&mut self.stack, obj);
                                flow!(self.do_call(pos, 1, None));
                            }
                            super::attr::FastAttr::NativeGetter(getter) => {
                                save_ip!();
                                let obj = pop!();
                                let v = tri!(self.call_direct(getter, &[obj]));
                                push_value(&mut self.stack, v);
                                continue;
                            }
                            super::attr::FastAttr::Slow => {}
                        }
                        let obj = pop!();
                        let v = tri!(self.get_attr(obj, name));
                        push_value(&mut self.stack, v);
                    }
                    Instr::StoreAttr(i) => {
                        let obj = pop!();
                        let v = pop!();
                        let name = code.names[i as usize];
                        let site = super::attr_cache::site(code, ip);
                        if !self.store_attr_cached(site, obj, name, v) {
                            match self.setter_cached(site, obj, name) {
                                Some(fset) => {
                                    save_ip!();
                                    tri!(self.call_direct(fset, &[obj, v]));
                                }
                                None => tri!(self.set_attr_at(obj, name, v, Some(site))),
                            }
                        }
                    }
                    Instr::DeleteAttr(i) => {
                        let obj = pop!();
                        tri!(self.del_attr(obj, code.names[i as usize]));
                    }
                    Instr::LoadMethod(i) => {
                        let obj = pop!();
                        let name = code.names[i as usize];
                        let site = super::attr_cache::site(code, ip);
                        // `module.function(...)`: the module dict at the site's hinted slot.
                        if let Value::Obj(r) = obj {
                            if let Obj::Module(m) = self.heap.get(r) {
                                if let Some(f) = self.ns_get_at(m.dict, name, site) {
                                    push_value(&mut self.stack, f);
                                    push_value(&mut self.stack, Value::Undef);
                                    continue;
                                }
                            }
                        }
                        if let Some(m) = self.load_method_cached(site, obj, name) {
                            push_value(&mut self.stack, m);
                            push_value(&mut self.stack, obj);
                            continue;
                        }
                        let (m, recv) = tri!(self.load_method_at(obj, name, Some(site)));
                        push_value(&mut self.stack, m);
                        push_value(&mut self.stack, recv.unwrap_or(Value::Undef));
                    }
                    Instr::CallMethod(argc) => {
                        safe_point!(ip - 1);
                        let pos = self.stack.len() - argc as usize - 2;
                        let n = if let Value::Undef = self.stack[pos + 1] {
                            // Close the gap: a few values moved by hand, no memmove call.
                            let top = self.stack.len() - 1;
                            for k in pos + 1..top {
                                self.stack[k] = self.stack[k + 1];
                            }
                            self.stack.truncate(top);
                            argc as usize
                        } else {
                            argc as usize + 1
                        };
                        save_ip!();
                        // `xs.append(v)` on a list: in place.
                        if n == 2 {
                            if let (Value::Obj(f), Value::Obj(l)) =
                                (self.stack[pos], self.stack[pos + 1])
                            {
                                if Some(f) == self.list_append
                                    && matches!(self.heap.get(l), Obj::List(_))
                                {
                                    let v = self.stack[pos + 2];
                                    tri!(self.reserve(16));
                                    self.list_push(l, v);
                                    self.stack.truncate(pos);
                                    push_value(&mut self.stack, Value::None);
                                    continue;
                                }
                            }
                        }
                        // Native methods (of builtin and host types) skip the frame reload.
                        if let Some(r) = self.call_native_fast(pos) {
                            tri!(r);
                            if self.frames.len() == fi + 1 {
                                continue;
                            }
                            continue 'frame;
                        }
                        flow!(self.do_call(pos, n, None));
                    }
                    Instr::Call(argc) => {
                        safe_point!(ip - 1);
                        let pos = self.stack.len() - argc as usize - 1;
                        save_ip!();
                        // The commonest call first: a script function with exactly its
                        // positional parameters.
                        if let Value::Obj(fr) = self.stack[pos] {
                            if let Some((code, globals)) = self.simple_callee(fr, argc as usize) {
                                flow!(self.push_simple_frame(fr, code, globals, pos));
                            }
                        }
                        // `next(generator)`: the generator runs as a frame of this loop; its
                        // next value lands where the call's result goes, its return raises
                        // StopIteration here.
                        if argc == 1 {
                            if let (Value::Obj(f), Value::Obj(g)) =
                                (self.stack[pos], self.stack[pos + 1])
                            {
                                if Some(f) == self.builtin_next
                                    && matches!(self.heap.get(g), Obj::Generator(gen) if !gen.coroutine)
                                {
                                    self.stack.truncate(pos);
                                    flow!(self.resume_inline(g, Value::None));
                                }
                            }
                            // `int(x)`, `float(x)`, `str(x)`: the conversion, no class call.
                            if let Value::Obj(f) = self.stack[pos] {
                                let x = self.stack[pos + 1];
                                if let Some(r) = crate::builtins::convert_one(self, f, x) {
                                    let v = tri!(r);
                                    self.stack.truncate(pos);
                                    push_value(&mut self.stack, v);
                                    continue;
                                }
                            }
                        }
                        // `range(n)` / `range(a, b)` of small ints: the object, no class call.
                        if (argc == 1 || argc == 2)
                            && matches!(self.stack[pos], Value::Obj(f) if f == self.types.range)
                        {
                            let (start, stop) = match (argc, self.stack[pos + 1], top!()) {
                                (1, _, Value::Int(n)) => (0, n),
                                (2, Value::Int(a), Value::Int(b)) => (a, b),
                                _ => (1, 0),
                            };
                            if start <= stop {
                                let r = self.heap.alloc(Obj::Range(Triple::new([
                                    Value::Int(start),
                                    Value::Int(stop),
                                    Value::Int(1),
                                ])));
                                self.stack.truncate(pos);
                                push_value(&mut self.stack, Value::Obj(r));
                                continue;
                            }
                        }
                        // Natives (builtins, host functions) return a value and leave this
                        // frame on top: carry on without reloading it.
                        let script_fn = matches!(self.stack[pos],
                            Value::Obj(f) if matches!(self.heap.get(f), Obj::Function(_)));
                        if !script_fn {
                            if let Some(r) = self.call_native_fast(pos) {
                                tri!(r);
                                if self.frames.len() == fi + 1 {
                                    continue;
                                }
                                continue 'frame;
                            }
                        }
                        flow!(self.do_call(pos, argc as usize, None));
                    }
                    Instr::CallKw(argc) => {
                        safe_point!(ip - 1);
                        let names = pop!();
                        let pos = self.stack.len() - argc as usize - 1;
                        save_ip!();
                        flow!(self.do_call(pos, argc as usize, Some(names)));
                    }
                    Instr::CallEx(has_kw) => {
                        safe_point!(ip - 1);
                        let kw = if has_kw { Some(pop!()) } else { None };
                        let args = pop!();
                        let f = pop!();
                        let pos_args = tri!(self.iterate(args));
                        let mut kws = Vec::new();
                        if let Some(Value::Obj(d)) = kw {
                            let entries: Vec<(Value, Value)> = match self.heap.get(d) {
                                Obj::Dict(d) => d.iter().map(|e| (e.key, e.value)).collect(),
                                _ => Vec::new(),
                            };
                            for (k, v) in entries {
                                match k {
                                    Value::Obj(kr) if self.as_str(k).is_some() => {
                                        let s = self.str_ref(kr).to_string();
                                        kws.push((self.intern(&s), v));
                                    }
                                    _ => tri!(Err(exc::type_error("keywords must be strings"))),
                                }
                            }
                        }
                        save_ip!();
                        let a = Args {
                            pos: pos_args.into_iter().collect(),
                            kw: kws,
                        };
                        flow!(self.start_call(f, a, false).map(|o| self.after_call(o)));
                    }
                    Instr::BinarySubscr => {
                        // `xs[i]` on a list or tuple, in place.
                        let n = self.stack.len();
                        if n >= 2 {
                            if let (Value::Obj(r), Value::Int(i)) =
                                (self.stack[n - 2], self.stack[n - 1])
                            {
                                if let Obj::List(xs) | Obj::Tuple(xs) = self.heap.get(r) {
                                    if let Some(&v) =
                                        super::iter::seq_index(xs.len(), i).and_then(|j| xs.get(j))
                                    {
                                        self.stack[n - 2] = v;
                                        self.stack.truncate(n - 1);
                                        continue;
                                    }
                                }
                            }
                        }
                        let key = pop!();
                        let obj = pop!();
                        let v = tri!(self.get_item(obj, key));
                        push_value(&mut self.stack, v);
                    }
                    Instr::StoreSubscr => {
                        let key = pop!();
                        let obj = pop!();
                        let v = pop!();
                        // `xs[i] = v` on a list.
                        if let (Value::Obj(r), Value::Int(i)) = (obj, key) {
                            if let Obj::List(xs) = self.heap.get_mut(r) {
                                if let Some(slot) =
                                    super::iter::seq_index(xs.len(), i).and_then(|j| xs.get_mut(j))
                                {
                                    *slot = v;
                                    continue;
                                }
                            }
                        }
                        tri!(self.set_item(obj, key, v));
                    }
                    Instr::DeleteSubscr => {
                        let key = pop!();
                        let obj = pop!();
                        tri!(self.del_item(obj, key));
                    }
                    Instr::Binary(op) | Instr::Inplace(op) => {
                        // Numbers in place: no pops and push, one length store.
                        let n = self.stack.len();
                        if n >= 2 {
                            let (a, b) = (self.stack[n - 2], self.stack[n - 1]);
                            if let Some(v) = super::fast_ops::binary(a, b, op) {
                                self.stack[n - 2] = v;
                                self.stack.truncate(n - 1);
                                continue;
                            }
                        }
                        let inplace = matches!(instr, Instr::Inplace(_));
                        let b = pop!();
                        let a = pop!();
                        let v = tri!(self.binary_op(a, b, op, inplace));
                        push_value(&mut self.stack, v);
                    }
                    Instr::Unary(op) => {
                        let a = pop!();
                        let v = tri!(self.unary_op(op, a));
                        push_value(&mut self.stack, v);
                    }
                    Instr::Compare(op) => {
                        let n = self.stack.len();
                        if n >= 2 {
                            let (a, b) = (self.stack[n - 2], self.stack[n - 1]);
                            if let Some(r) = super::fast_ops::compare(a, b, op) {
                                // Fused with the conditional jump that usually follows
                                // (CPython 3.11's COMPARE_OP_*_JUMP): the bool is never pushed.
                                match peek_next!() {
                                    Instr::PopJumpIfFalse(t) => {
                                        self.stack.truncate(n - 2);
                                        ip = if r { ip + 1 } else { t as usize };
                                    }
                                    Instr::PopJumpIfTrue(t) => {
                                        self.stack.truncate(n - 2);
                                        ip = if r { t as usize } else { ip + 1 };
                                    }
                                    _ => {
                                        self.stack[n - 2] = Value::Bool(r);
                                        self.stack.truncate(n - 1);
                                    }
                                }
                                continue;
                            }
                        }
                        let b = pop!();
                        let a = pop!();
                        let v = match super::fast_ops::compare(a, b, op) {
                            Some(r) => Value::Bool(r),
                            None => match op {
                                CompareOp::Eq => match self.fast_eq(a, b) {
                                    Some(r) => Value::Bool(r),
                                    None => tri!(self.compare(a, b, op)),
                                },
                                CompareOp::Ne => match self.fast_eq(a, b) {
                                    Some(r) => Value::Bool(!r),
                                    None => tri!(self.compare(a, b, op)),
                                },
                                _ => tri!(self.compare(a, b, op)),
                            },
                        };
                        push_value(&mut self.stack, v);
                    }
                    Instr::Is(neg) => {
                        let b = pop!();
                        let a = pop!();
                        push_value(&mut self.stack, Value::Bool(a.is(b) != neg));
                    }
                    Instr::Contains(neg) => {
                        let b = pop!();
                        let a = pop!();
                        let r = tri!(self.contains(b, a));
                        push_value(&mut self.stack, Value::Bool(r != neg));
                    }
                    Instr::Pop => {
                        self.stack.pop();
                    }
                    Instr::Dup => {
                        let v = top!();
                        push_value(&mut self.stack, v);
                    }
                    Instr::Dup2 => {
                        let n = self.stack.len();
                        let (a, b) = (self.stack[n - 2], self.stack[n - 1]);
                        push_value(&mut self.stack, a);
                        push_value(&mut self.stack, b);
                    }
                    Instr::Rot2 => {
                        let n = self.stack.len();
                        self.stack.swap(n - 1, n - 2);
                    }
                    Instr::Reverse(k) => {
                        let n = self.stack.len();
                        self.stack[n - k as usize..].reverse();
                    }
                    Instr::Rot3 => {
                        let v = pop!();
                        let n = self.stack.len();
                        self.stack.insert(n - 2, v);
                    }
                    Instr::Rot4 => {
                        let v = pop!();
                        let n = self.stack.len();
                        self.stack.insert(n - 3, v);
                    }
                    Instr::Jump(t) => {
                        let ip_jump = ip - 1;
                        let backward = (t as usize) < ip;
                        ip = t as usize;
                        if backward {
                            safe_point!(ip);
                            // A loop of simple instructions only: the simple loop runs it
                            // (and what follows it, up to the next other instruction).
                            if code.instrs.closes_simple_loop(ip_jump) {
                                let fuel = self.fuel;
                                ip = self.run_simple(code, base, ip);
                                // It charges a unit per back edge taken.
                                code.instrs.simple_loop_ran(ip_jump, self.fuel != fuel);
                            }
                        }
                    }
                    Instr::PopJumpIfFalse(t) => {
                        let v = pop!();
                        let b = match v {
                            Value::Bool(b) => b,
                            Value::Int(i) => i != 0,
                            Value::None => false,
                            _ => tri!(self.truthy(v)),
                        };
                        if !b {
                            ip = t as usize;
                        }
                    }
                    Instr::PopJumpIfTrue(t) => {
                        let v = pop!();
                        let b = match v {
                            Value::Bool(b) => b,
                            Value::Int(i) => i != 0,
                            Value::None => false,
                            _ => tri!(self.truthy(v)),
                        };
                        if b {
                            ip = t as usize;
                        }
                    }
                    Instr::JumpIfFalseOrPop(t) => {
                        let v = top!();
                        if !tri!(self.truthy(v)) {
                            ip = t as usize;
                        } else {
                            self.stack.pop();
                        }
                    }
                    Instr::JumpIfTrueOrPop(t) => {
                        let v = top!();
                        if tri!(self.truthy(v)) {
                            ip = t as usize;
                        } else {
                            self.stack.pop();
                        }
                    }
                    Instr::GetIter => {
                        let v = pop!();
                        let it = tri!(self.get_iter(v));
                        push_value(&mut self.stack, it);
                    }
                    Instr::ForIter(t) => {
                        let it = top!();
                        if let Value::Obj(r) = it {
                            // Fast paths for the common iterators.
                            match self.heap.get_mut(r) {
                                Obj::Iter(IterKind::Range { cur, stop, step }) => {
                                    let c = *cur;
                                    if (*step > 0 && c < *stop) || (*step < 0 && c > *stop) {
                                        *cur = c.wrapping_add(*step);
                                        // `for i in range(..)` stores straight into the local.
                                        if let Instr::StoreFast(j) = peek_next!() {
                                            self.stack[base + j as usize] = Value::Int(c);
                                            ip += 1;
                                        } else {
                                            push_value(&mut self.stack, Value::Int(c));
                                        }
                                    } else {
                                        self.stack.pop();
                                        ip = t as usize;
                                    }
                                    continue;
                                }
                                Obj::Generator(_) => {
                                    save_ip!();
                                    flow!(self.resume_inline(r, Value::None));
                                }
                                _ => {}
                            }
                            // Lists and tuples: the item read in place.
                            if let Some(v) = super::iter::seq_iter_next(&mut self.heap, r) {
                                push_value(&mut self.stack, v);
                                continue;
                            }
                        }
                        match tri!(self.iter_next_unmetered(it)) {
                            Some(v) => push_value(&mut self.stack, v),
                            None => {
                                self.stack.pop();
                                ip = t as usize;
                            }
                        }
                    }
                    Instr::BuildTuple(n) => {
                        let items = self.stack.split_off(self.stack.len() - n as usize);
                        let t = self.new_tuple(items);
                        push_value(&mut self.stack, t);
                    }
                    Instr::BuildList(n) => {
                        let items = self.stack.split_off(self.stack.len() - n as usize);
                        let l = self.new_list(items);
                        push_value(&mut self.stack, l);
                    }
                    Instr::BuildSet(n) => {
                        let items = self.stack.split_off(self.stack.len() - n as usize);
                        let s = tri!(crate::builtins::set::new_set_from(self, &items));
                        push_value(&mut self.stack, s);
                    }
                    Instr::BuildMap(n) => {
                        let items = self.stack.split_off(self.stack.len() - 2 * n as usize);
                        let d = self
                            .heap
                            .alloc(Obj::Dict(Box::new(Dict::with_capacity(n as usize))));
                        for kv in items.chunks(2) {
                            tri!(self.dict_set(d, kv[0], kv[1]));
                        }
                        push_value(&mut self.stack, Value::Obj(d));
                    }
                    Instr::BuildConstKeyMap(_) => {}
                    Instr::BuildSlice(n) => {
                        let step = if n == 3 { pop!() } else { Value::None };
                        let stop = pop!();
                        let start = pop!();
                        let s = self
                            .heap
                            .alloc(Obj::Slice(Triple::new([start, stop, step])));
                        push_value(&mut self.stack, Value::Obj(s));
                    }
                    Instr::BuildString(n) => {
                        // The pieces joined where they lie, into a buffer of the final size.
                        let start = self.stack.len() - n as usize;
                        let pieces = &self.stack[start..];
                        let len = pieces.iter().map(|&v| self.as_str(v).map_or(0, str::len));
                        let mut s = String::with_capacity(len.sum());
                        for &v in pieces {
                            s.push_str(self.as_str(v).unwrap_or(""));
                        }
                        self.stack.truncate(start);
                        let v = self.new_str(s);
                        push_value(&mut self.stack, v);
                    }
                    Instr::FormatValue(flags) => {
                        let spec = if flags & 4 != 0 { Some(pop!()) } else { None };
                        let mut v = pop!();
                        match flags & 3 {
                            1 => {
                                let s = tri!(self.str_value(v));
                                v = self.new_str(s);
                            }
                            2 => {
                                let s = tri!(self.repr_value(v));
                                v = self.new_str(s);
                            }
                            3 => {
                                let s = tri!(self.repr_value(v));
                                v = self.new_str(crate::builtins::ascii_escape(&s));
                            }
                            _ => {}
                        }
                        // The spec parsed where it lies; instances (their own `__format__`)
                        // and invalid specs (the error names the spec) take the general path.
                        let parsed = match spec {
                            None => Some((Spec::default(), true)),
                            Some(sv) => self
                                .as_str(sv)
                                .and_then(|t| parse_spec(t).ok().map(|p| (p, t.is_empty()))),
                        };
                        let instance = matches!(v, Value::Obj(r)
                            if matches!(self.heap.get(r), Obj::Instance(_)));
                        let out = match parsed {
                            Some((_, true)) if self.as_str(v).is_some() => v,
                            Some((sp, bare)) if !instance => {
                                let s = tri!(self.format_builtin(v, &sp, bare));
                                self.new_str(s)
                            }
                            _ => {
                                let spec_s = spec
                                    .and_then(|s| self.as_str(s).map(|x| x.to_string()))
                                    .unwrap_or_default();
                                let s = tri!(self.format_value(v, &spec_s));
                                self.new_str(s)
                            }
                        };
                        push_value(&mut self.stack, out);
                    }
                    Instr::ListAppend(d) => {
                        let v = pop!();
                        let l = self.stack[self.stack.len() - d as usize];
                        if let Value::Obj(r) = l {
                            tri!(self.reserve(16));
                            self.list_push(r, v);
                        }
                    }
                    Instr::SetAdd(d) => {
                        let v = pop!();
                        let s = self.stack[self.stack.len() - d as usize];
                        if let Value::Obj(r) = s {
                            tri!(self.set_add(r, v));
                        }
                    }
                    Instr::MapAdd(d) => {
                        let v = pop!();
                        let k = pop!();
                        let m = self.stack[self.stack.len() - d as usize];
                        if let Value::Obj(r) = m {
                            tri!(self.dict_set(r, k, v));
                        }
                    }
                    Instr::ListExtend(d) => {
                        let it = pop!();
                        let l = self.stack[self.stack.len() - d as usize];
                        let items = match self.iterate(it) {
                            Ok(x) => x,
                            Err(e) => {
                                if self.err_matches(&e, ExcKind::TypeError) && !self.is_iterable(it)
                                {
                                    let t = self.type_name(it);
                                    tri!(Err(exc::type_error(format!(
                                        "Value after * must be an iterable, not {t}"
                                    ))));
                                }
                                tri!(Err(e))
                            }
                        };
                        tri!(self.reserve(items.len() * 16));
                        if let Value::Obj(r) = l {
                            if let Obj::List(xs) = self.heap.get_mut(r) {
                                xs.extend(items);
                            }
                        }
                    }
                    Instr::SetUpdate(d) => {
                        let it = pop!();
                        let s = self.stack[self.stack.len() - d as usize];
                        let items = tri!(self.iterate(it));
                        if let Value::Obj(r) = s {
                            for v in items {
                                tri!(self.set_add(r, v));
                            }
                        }
                    }
                    Instr::DictUpdate(d) | Instr::DictMerge(d) => {
                        let m = pop!();
                        let target = self.stack[self.stack.len() - d as usize];
                        let merge = matches!(instr, Instr::DictMerge(_));
                        if let Value::Obj(t) = target {
                            tri!(self.dict_merge_into(t, m, merge));
                        }
                    }
                    Instr::ListToTuple => {
                        let l = pop!();
                        let items = match l {
                            Value::Obj(r) => match self.heap.get_mut(r) {
                                Obj::List(xs) => std::mem::take(xs),
                                _ => Vec::new(),
                            },
                            _ => Vec::new(),
                        };
                        let t = self.new_tuple(items);
                        push_value(&mut self.stack, t);
                    }
                    Instr::UnpackSequence(n) => {
                        let seq = pop!();
                        tri!(self.unpack(seq, n as usize));
                    }
                    Instr::UnpackEx(arg) => {
                        let seq = pop!();
                        tri!(self.unpack_ex(seq, (arg & 0xff) as usize, (arg >> 8) as usize));
                    }
                    Instr::MakeFunction(flags) => {
                        let g = self.frames[fi].globals;
                        let f = tri!(self.make_function(flags, g));
                        push_value(&mut self.stack, f);
                    }
                    Instr::ReturnValue => {
                        save_ip!();
                        flow!(self.do_return());
                    }
                    Instr::EndOfCode => {
                        push_value(&mut self.stack, Value::None);
                        save_ip!();
                        flow!(self.do_return());
                    }
                    Instr::YieldValue => {
                        save_ip!();
                        flow!(self.do_yield());
                    }
                    Instr::Send(t) => {
                        let v = pop!();
                        let sub = top!();
                        if let Value::Obj(r) = sub {
                            if matches!(self.heap.get(r), Obj::Generator(_)) {
                                save_ip!();
                                flow!(self.resume_inline(r, v));
                            }
                        }
                        let step = if v.is_none() {
                            self.iter_next(sub).map(|o| o.ok_or(()))
                        } else {
                            let send = self.names.send;
                            self.get_attr(sub, send)
                                .and_then(|m| self.call(m, &[v]))
                                .map(Ok)
                        };
                        match step {
                            Ok(Ok(y)) => push_value(&mut self.stack, y),
                            Ok(Err(_)) => {
                                self.stack.pop();
                                push_value(&mut self.stack, Value::None);
                                ip = t as usize;
                            }
                            Err(e) => {
                                if self.err_matches(&e, ExcKind::StopIteration) {
                                    let r = self.materialize(e);
                                    let val = self.stop_iteration_value(r);
                                    self.stack.pop();
                                    push_value(&mut self.stack, val);
                                    ip = t as usize;
                                } else {
                                    tri!(Err(e));
                                }
                            }
                        }
                    }
                    Instr::GetYieldFromIter => {
                        let v = pop!();
                        let it = match v {
                            Value::Obj(r) if matches!(self.heap.get(r), Obj::Generator(_)) => v,
                            _ => tri!(self.get_iter(v)),
                        };
                        push_value(&mut self.stack, it);
                    }
                    Instr::GetAwaitable => {
                        let v = pop!();
                        let it = tri!(self.get_awaitable(v));
                        push_value(&mut self.stack, it);
                    }
                    Instr::SetupExcept(t) => {
                        let depth = (self.stack.len() - base) as u32;
                        self.frames[fi]
                            .blocks
                            .push(crate::vm::frame::Block { handler: t, depth });
                    }
                    Instr::PopBlock => {
                        self.frames[fi].blocks.pop();
                    }
                    Instr::PushExcInfo => {
                        let exc = pop!();
                        let prev = std::mem::replace(&mut self.frames[fi].exc, exc);
                        push_value(&mut self.stack, prev);
                        push_value(&mut self.stack, exc);
                    }
                    Instr::PopExcept => {
                        let prev = pop!();
                        self.frames[fi].exc = prev;
                    }
                    Instr::Reraise => {
                        let e = pop!();
                        save_ip!();
                        let err = match e {
                            Value::Obj(r) => PyErr::Obj(r),
                            _ => exc::runtime_error("No active exception to reraise"),
                        };
                        match self.unwind(err, false) {
                            Ok(Flow::Reload) => continue 'frame,
                            Ok(Flow::Exit(v)) => return Ok(RunState::Done(v)),
                            Err(e) => return Err(e),
                        }
                    }
                    Instr::CheckExcMatch => {
                        let t = pop!();
                        let e = top!();
                        let m = tri!(self.exception_matches(e, t));
                        push_value(&mut self.stack, Value::Bool(m));
                    }
                    Instr::Raise(n) => {
                        save_ip!();
                        let err = match n {
                            0 => match self.current_handled() {
                                Some(r) => match self.unwind(PyErr::Obj(r), false) {
                                    Ok(Flow::Reload) => continue 'frame,
                                    Ok(Flow::Exit(v)) => return Ok(RunState::Done(v)),
                                    Err(e) => return Err(e),
                                },
                                None => exc::runtime_error("No active exception to reraise"),
                            },
                            1 => {
                                let e = pop!();
                                match self.make_raisable(e) {
                                    Ok(r) => PyErr::Obj(r),
                                    Err(e) => e,
                                }
                            }
                            _ => {
                                let cause = pop!();
                                let e = pop!();
                                match self.make_raisable(e) {
                                    Ok(r) => match self.set_cause(r, cause) {
                                        Ok(()) => PyErr::Obj(r),
                                        Err(e) => e,
                                    },
                                    Err(e) => e,
                                }
                            }
                        };
                        pending = Some(self.with_context(err));
                        continue 'frame;
                    }
                    Instr::LoadAssertionError => {
                        let c = self.exc_class(ExcKind::AssertionError);
                        push_value(&mut self.stack, Value::Obj(c));
                    }
                    Instr::BeforeWith => {
                        let mgr = pop!();
                        let (exit, enter) = tri!(self.context_methods(mgr));
                        push_value(&mut self.stack, exit);
                        push_value(&mut self.stack, enter);
                        push_value(&mut self.stack, mgr);
                        let pos = self.stack.len() - 2;
                        save_ip!();
                        flow!(self.do_call(pos, 1, None));
                    }
                    Instr::WithExceptStart => {
                        let n = self.stack.len();
                        let (exit, e) = (self.stack[n - 3], self.stack[n - 1]);
                        let t = Value::Obj(self.class_of(e));
                        let tb = match e {
                            Value::Obj(er) => self.traceback_object(er),
                            _ => Value::None,
                        };
                        push_value(&mut self.stack, exit);
                        push_value(&mut self.stack, t);
                        push_value(&mut self.stack, e);
                        push_value(&mut self.stack, tb);
                        let pos = self.stack.len() - 4;
                        save_ip!();
                        flow!(self.do_call(pos, 3, None));
                    }
                    Instr::ImportName(i) => {
                        let fromlist = pop!();
                        let level = pop!();
                        let name = self.str_ref(code.names[i as usize]).to_string();
                        let level = match level {
                            Value::Int(l) => l as usize,
                            _ => 0,
                        };
                        let g = self.frames[fi].globals;
                        save_ip!();
                        let m = tri!(self.import_module(&name, fromlist, level, g));
                        push_value(&mut self.stack, m);
                    }
                    Instr::ImportFrom(i) => {
                        let m = top!();
                        save_ip!();
                        let v = tri!(self.import_from(m, code.names[i as usize]));
                        push_value(&mut self.stack, v);
                    }
                    Instr::ImportStar => {
                        let m = pop!();
                        let f = &self.frames[fi];
                        let ns = f.locals.unwrap_or(f.globals);
                        tri!(self.import_star(m, ns));
                    }
                    Instr::LoadBuildClass => {
                        let k = self.intern("__build_class__");
                        let bd = self.module_dict(self.builtins);
                        let v = self.ns_get(bd, k).unwrap_or(Value::None);
                        push_value(&mut self.stack, v);
                    }
                    Instr::SetupAnnotations => {
                        let f = &self.frames[fi];
                        let ns = f.locals.unwrap_or(f.globals);
                        let key = self.intern("__annotations__");
                        if self.ns_get(ns, key).is_none() {
                            let d = self.new_dict_ref();
                            self.ns_set(ns, key, Value::Obj(d));
                        }
                    }
                    Instr::BeforeAsyncWith => {
                        let mgr = pop!();
                        let (exit, enter) = tri!(self.async_context_methods(mgr));
                        push_value(&mut self.stack, exit);
                        push_value(&mut self.stack, enter);
                        push_value(&mut self.stack, mgr);
                        let pos = self.stack.len() - 2;
                        save_ip!();
                        flow!(self.do_call(pos, 1, None));
                    }
                    Instr::GetAIter => {
                        let v = pop!();
                        let it = tri!(self.get_aiter(v));
                        push_value(&mut self.stack, it);
                    }
                    Instr::GetANext => {
                        let it = top!();
                        let aw = tri!(self.get_anext(it));
                        push_value(&mut self.stack, aw);
                    }
                    Instr::EndAsyncFor => {
                        let e = pop!();
                        let stop = self.exc_class(ExcKind::StopAsyncIteration);
                        if self.isinstance(e, stop) {
                            pop!();
                        } else {
                            save_ip!();
                            let err = match e {
                                Value::Obj(r) => PyErr::Obj(r),
                                _ => exc::runtime_error("No active exception to reraise"),
                            };
                            match self.unwind(err, false) {
                                Ok(Flow::Reload) => continue 'frame,
                                Ok(Flow::Exit(v)) => return Ok(RunState::Done(v)),
                                Err(e) => return Err(e),
                            }
                        }
                    }
                    Instr::GetLen => {
                        let v = top!();
                        let n = tri!(crate::builtins::len_of(self, v));
                        push_value(&mut self.stack, Value::Int(n as i64));
                    }
                    Instr::MatchSequence => {
                        let v = top!();
                        let b = self.match_is_sequence(v);
                        push_value(&mut self.stack, Value::Bool(b));
                    }
                    Instr::MatchMapping => {
                        let v = top!();
                        let b = self.match_is_mapping(v);
                        push_value(&mut self.stack, Value::Bool(b));
                    }
                    Instr::MatchKeys => {
                        let n = self.stack.len();
                        let (subject, keys) = (self.stack[n - 2], self.stack[n - 1]);
                        let r = tri!(self.match_keys(subject, keys));
                        push_value(&mut self.stack, r);
                    }
                    Instr::CopyDictWithoutKeys => {
                        let keys = pop!();
                        let subject = top!();
                        let r = tri!(self.copy_dict_without_keys(subject, keys));
                        push_value(&mut self.stack, r);
                    }
                    Instr::MatchClass(n) => {
                        let kw = pop!();
                        let cls = pop!();
                        let subject = pop!();
                        let r = tri!(self.match_class(subject, cls, n as usize, kw));
                        push_value(&mut self.stack, r);
                    }
                    Instr::PrintExpr => {
                        let v = pop!();
                        if !v.is_none() {
                            let s = tri!(self.repr_value(v));
                            self.write_out(&format!("{s}\n"));
                            self.set_builtin("_", v);
                        }
                    }
                }
            }
        }
    }

    /// Charge fuel and collect garbage. Ok(false): out of fuel, suspend.
    fn safe_point(&mut self) -> PyResult<bool> {
        if self.heap.should_collect() && self.native_depth == 0 {
            self.collect_some_garbage();
            if self.heap.bytes > self.heap.limit {
                return Err(exc::memory_error(""));
            }
        }
        if self.fuel <= 0 {
            if self.fuel_limited {
                // Refill from the reserve unless the wall-clock deadline has passed.
                if self.fuel_reserve > 0 {
                    let expired = self
                        .deadline
                        .is_some_and(|d| std::time::Instant::now() >= d);
                    if expired {
                        self.fuel_reserve = 0;
                    } else {
                        let chunk = self.fuel_reserve.min(crate::vm::FUEL_CHUNK);
                        self.fuel_reserve -= chunk;
                        self.fuel += chunk;
                        return Ok(true);
                    }
                }
                if self.native_depth > 0 {
                    // A native caller cannot be suspended: let it run on into an overdraft,
                    // and fail clearly at the hard limit.
                    if self.fuel > -self.native_overdraft {
                        return Ok(true);
                    }
                    self.fuel = 0;
                    return Err(PyErr::new(
                        ExcKind::RuntimeError,
                        "script ran out of fuel inside a native callback",
                    ));
                }
                return Ok(false);
            }
            self.fuel = i64::MAX;
        }
        Ok(true)
    }

    fn cell_get(&self, base: usize, code: &crate::code::Code, i: u32) -> Value {
        match self.stack[base + code.nlocals() + i as usize] {
            Value::Obj(c) => match self.heap.get(c) {
                Obj::Cell(v) => *v,
                _ => Value::Undef,
            },
            _ => Value::Undef,
        }
    }

    fn cell_set(&mut self, base: usize, code: &crate::code::Code, i: u32, v: Value) {
        if let Value::Obj(c) = self.stack[base + code.nlocals() + i as usize] {
            if let Obj::Cell(slot) = self.heap.get_mut(c) {
                *slot = v;
            }
        }
    }

    fn unbound_cell(&self, code: &crate::code::Code, i: u32) -> PyErr {
        let i = i as usize;
        if i < code.cellvars.len() {
            let name = &code.cellvars[i];
            PyErr::new(
                ExcKind::UnboundLocalError,
                format!(
                    "cannot access local variable '{name}' where it is not associated with a value"
                ),
            )
        } else {
            let name = &code.freevars[i - code.cellvars.len()];
            exc::name_error(format!(
                "cannot access free variable '{name}' where it is not associated with a value in enclosing scope"
            ))
        }
    }

    pub fn load_global(&mut self, globals: ObjRef, name: ObjRef) -> PyResult<Value> {
        self.load_global_at(globals, name, None)
    }

    /// A module global from the dict entry index the instruction at `site` found last time,
    /// or a builtin the site found while the module dict has not changed shape since.
    #[inline(always)]
    fn global_hinted(&self, globals: ObjRef, name: ObjRef, site: usize) -> Option<Value> {
        if let Obj::Dict(g) = self.heap.get(globals) {
            if let Some(v) = g.value_if_key_at(self.attr_cache.hint(site), name) {
                return Some(v);
            }
        }
        self.builtin_hinted(globals, name, site)
    }

    /// The builtins half of [`Vm::global_hinted`], out of line: the module half is the one a
    /// recursive function's own name takes.
    #[inline(never)]
    fn builtin_hinted(&self, globals: ObjRef, name: ObjRef, site: usize) -> Option<Value> {
        let Obj::Dict(g) = self.heap.get(globals) else {
            return None;
        };
        let shape = builtin_key(self.heap.collections, g.version);
        let e = self
            .attr_cache
            .get(site, Kind::Builtin, globals, name, shape)?;
        match self.heap.get(self.module_dict(self.builtins)) {
            Obj::Dict(b) => b.value_if_key_at(e.index as usize, name),
            _ => None,
        }
    }

    /// [`Vm::load_global`] for the instruction at `site`, which remembers where the name was
    /// found for [`Vm::global_hinted`]: its module dict slot, or its builtins dict slot.
    fn load_global_at(
        &mut self,
        globals: ObjRef,
        name: ObjRef,
        site: Option<usize>,
    ) -> PyResult<Value> {
        let bd = self.module_dict(self.builtins);
        if let (Obj::Dict(g), Obj::Dict(b)) = (self.heap.get(globals), self.heap.get(bd)) {
            if let Some(i) = self.dict_find_str(g, name) {
                if let Some(site) = site {
                    self.attr_cache.set_hint(site, i);
                }
                return Ok(g.value_at(i));
            }
            if let Some(i) = self.dict_find_str(b, name) {
                if let Some(site) = site {
                    let e = Entry {
                        epoch: builtin_key(self.heap.collections, g.version),
                        class: globals,
                        name,
                        index: i as u32,
                        kind: Kind::Builtin,
                    };
                    self.attr_cache.put(site, e);
                }
                return Ok(b.value_at(i));
            }
        } else {
            if let Some(v) = self.ns_get(globals, name) {
                return Ok(v);
            }
            if let Some(v) = self.ns_get(bd, name) {
                return Ok(v);
            }
        }
        // Builtins written in Python load on first use.
        if matches!(self.str_ref(name), "ExceptionGroup" | "BaseExceptionGroup") {
            let m = self.import_module("_kaa_eg", Value::None, 0, globals)?;
            let v = self.get_attr(m, name)?;
            self.ns_set(bd, name, v);
            return Ok(v);
        }
        Err(self.name_error_for(name, Some(globals)))
    }

    /// A call from the eval loop: callable at `pos`, `argc` values after it (the last
    /// `kwnames.len()` of them keyword values).
    #[inline(always)]
    fn do_call(&mut self, pos: usize, argc: usize, kwnames: Option<Value>) -> PyResult<Flow> {
        let f = self.stack[pos];
        // Fast path: a plain script function with exactly its positional parameters.
        if kwnames.is_none() {
            if let Value::Obj(fr) = f {
                if let Some((code, globals)) = self.simple_callee(fr, argc) {
                    return self.push_simple_frame(fr, code, globals, pos);
                }
            }
        }
        self.do_call_general(pos, argc, kwnames)
    }

    /// A call that needs argument binding (keywords, defaults, *args, generators) or is not
    /// a script function.
    #[inline(never)]
    fn do_call_general(
        &mut self,
        pos: usize,
        argc: usize,
        kwnames: Option<Value>,
    ) -> PyResult<Flow> {
        let f = self.stack[pos];
        let nkw = match kwnames {
            Some(Value::Obj(t)) => match self.heap.get(t) {
                Obj::Tuple(xs) => xs.len(),
                _ => 0,
            },
            _ => 0,
        };
        let mut args = Args::default();
        let npos = argc - nkw;
        args.pos
            .extend_from_slice(&self.stack[pos + 1..pos + 1 + npos]);
        if nkw > 0 {
            if let Some(Value::Obj(t)) = kwnames {
                let names: Vec<Value> = match self.heap.get(t) {
                    Obj::Tuple(xs) => xs.clone(),
                    _ => Vec::new(),
                };
                for (k, name) in names.into_iter().enumerate() {
                    if let Value::Obj(n) = name {
                        args.kw.push((n, self.stack[pos + 1 + npos + k]));
                    }
                }
            }
        }
        self.stack.truncate(pos);
        let out = self.start_call(f, args, false)?;
        Ok(self.after_call(out))
    }

    /// Call a native function sitting at `pos` with the positional arguments above it, and
    /// leave its result in its place. None when the callee is not a plain native.
    #[inline]
    fn call_native_fast(&mut self, pos: usize) -> Option<PyResult<()>> {
        let Value::Obj(fr) = self.stack[pos] else {
            return None;
        };
        let Obj::Native(n) = self.heap.get(fr) else {
            return None;
        };
        if !matches!(n.bound, Value::Undef) {
            return None;
        }
        // SAFETY: the native lives in its own box, which stays put while the heap grows, and
        // it stays alive because the callable remains on the value stack (a GC root) until
        // the call returns; a native's implementation is never replaced.
        let imp: *const NativeImpl = &n.imp;
        let r = match unsafe { &*imp } {
            NativeImpl::Fn(p) => {
                let mut args = Args::default();
                args.pos.extend_from_slice(&self.stack[pos + 1..]);
                p(self, args)
            }
            NativeImpl::Closure(c) => {
                // The arguments stay on the stack (rooted) for the call; a copy on the Rust
                // stack lets the callee have the VM.
                let n = self.stack.len() - pos - 1;
                if n <= 4 {
                    let mut buf = [Value::None; 4];
                    buf[..n].copy_from_slice(&self.stack[pos + 1..]);
                    c.call_pos(self, &buf[..n])
                } else {
                    let args = Args::new(&self.stack[pos + 1..]);
                    c.call(self, args)
                }
            }
            NativeImpl::Raw1(..) | NativeImpl::Raw2(..) => self.call_raw_at(pos, fr),
        };
        self.stack.truncate(pos);
        Some(r.map(|v| push_value(&mut self.stack, v)))
    }

    /// `call_native_fast` for a raw native: its arguments copied off the stack for
    /// [`Vm::call_raw`] (out of line: the eval loop's own code stays as it was without raw
    /// natives; its size and branches move the whole loop's speed).
    #[inline(never)]
    fn call_raw_at(&mut self, pos: usize, fr: ObjRef) -> PyResult<Value> {
        match self.stack[pos + 1..] {
            [a] => self.call_raw(fr, &[a], false),
            [a, b] => self.call_raw(fr, &[a, b], false),
            // Not what any raw native takes: the call only reports the count.
            ref more => {
                let args = more.to_vec();
                self.call_raw(fr, &args, false)
            }
        }
    }

    fn after_call(&mut self, out: CallOutcome) -> Flow {
        match out {
            CallOutcome::Pushed => Flow::Reload,
            CallOutcome::Value(v) => {
                push_value(&mut self.stack, v);
                Flow::Reload
            }
        }
    }

    /// The code and globals of `fr` if it is a script function that `argc` positional
    /// arguments bind to exactly (no defaults, keywords, `*args` or generator to set up).
    #[inline(always)]
    pub(crate) fn simple_callee(&self, fr: ObjRef, argc: usize) -> Option<(FrameCode, ObjRef)> {
        let Obj::Function(func) = self.heap.get(fr) else {
            return None;
        };
        let c = &func.code;
        (c.argcount as usize == argc
            && c.kwonlyargcount == 0
            && !c.flags.varargs
            && !c.flags.varkw
            && !c.flags.generator)
            // SAFETY: not a generator function, and the frame pushed with this code holds
            // `fr` (see `FrameCode`).
            .then(|| (unsafe { FrameCode::borrowed(&func.code) }, func.globals))
    }

    /// Push a frame whose arguments already sit on the stack after the callable.
    #[inline(always)]
    fn push_simple_frame(
        &mut self,
        fr: ObjRef,
        code: FrameCode,
        globals: ObjRef,
        pos: usize,
    ) -> PyResult<Flow> {
        if self.frames.len() >= self.recursion_limit {
            return Err(exc::recursion_error("maximum recursion depth exceeded"));
        }
        let base = pos + 1;
        let n = code.nlocals();
        let have = self.stack.len() - base;
        for _ in have..n {
            push_value(&mut self.stack, Value::Undef);
        }
        if !code.cellvars.is_empty() || !code.freevars.is_empty() {
            self.setup_cells(&code, base, fr);
        }
        self.frames.push(crate::vm::frame::Frame::for_call(
            code, base, globals, fr, false, true,
        ));
        Ok(Flow::Reload)
    }

    #[inline(always)]
    fn do_return(&mut self) -> PyResult<Flow> {
        // A plain call returning to a script caller: the frame dropped where it lies.
        let n = self.frames.len();
        if let Some(f) = self.frames.last() {
            if f.init_self.is_none() && f.generator.is_none() && !f.boundary {
                let floor = f.stack_floor();
                if f.owns_nothing() {
                    // SAFETY: the frame holds no memory of its own (see `owns_nothing`) and
                    // every other field is `Copy`: shortening the Vec past it frees nothing.
                    unsafe { self.frames.set_len(n - 1) };
                } else {
                    self.frames.truncate(n - 1);
                }
                // The result goes where the callable was (the floor is below the top).
                let len = self.stack.len();
                if floor < len {
                    self.stack[floor] = self.stack[len - 1];
                    self.stack.truncate(floor + 1);
                    return Ok(Flow::Reload);
                }
                let v = self.stack.pop().unwrap_or(Value::None);
                self.stack.truncate(floor);
                push_value(&mut self.stack, v);
                return Ok(Flow::Reload);
            }
        }
        self.do_return_general()
    }

    /// Returns from `__init__` frames, generators and boundary frames.
    #[inline(never)]
    fn do_return_general(&mut self) -> PyResult<Flow> {
        let v = self.stack.pop().unwrap_or(Value::None);
        let Some(frame) = self.frames.pop() else {
            return Ok(Flow::Exit(v));
        };
        self.stack.truncate(frame.stack_floor());
        let mut v = v;
        if let Some(obj) = frame.init_self {
            if !v.is_none() {
                let t = self.type_name(v);
                return Err(exc::type_error(format!(
                    "__init__() should return None, not '{t}'"
                )));
            }
            v = Value::Obj(obj);
        }
        if let Some(g) = frame.generator {
            if let Obj::Generator(gen) = self.heap.get_mut(g) {
                gen.state = GenState::Finished;
                gen.frame = None;
            }
            if frame.boundary {
                return Ok(Flow::Exit(v));
            }
            return self.generator_returned_inline(v);
        }
        if frame.boundary {
            return Ok(Flow::Exit(v));
        }
        push_value(&mut self.stack, v);
        Ok(Flow::Reload)
    }

    /// A generator resumed by the caller's ForIter/Send returned `v`.
    fn generator_returned_inline(&mut self, v: Value) -> PyResult<Flow> {
        let Some(caller) = self.frames.last_mut() else {
            return Ok(Flow::Exit(v));
        };
        let instr = caller.code.instrs.get(caller.lasti()).copied();
        match instr {
            Some(Instr::ForIter(t)) => {
                caller.ip = t as usize;
                self.stack.pop();
            }
            Some(Instr::Send(t)) => {
                caller.ip = t as usize;
                self.stack.pop();
                push_value(&mut self.stack, v);
            }
            _ => {
                let e = self.stop_iteration_with(v);
                return Err(e);
            }
        }
        Ok(Flow::Reload)
    }

    fn do_yield(&mut self) -> PyResult<Flow> {
        let v = self.stack.pop().unwrap_or(Value::None);
        // The frame is suspended where it lies and then moved once, straight into its
        // generator (popping it first cost a second 128-byte copy).
        let Some(frame) = self.frames.last_mut() else {
            return Ok(Flow::Exit(v));
        };
        let Some(g) = frame.generator else {
            return Err(exc::runtime_error("yield outside a generator"));
        };
        // Reuse the frame's own buffer (emptied, capacity kept, when it was resumed).
        let base = frame.base;
        // A copy and a truncate (values are `Copy`): `extend(drain(..))` moved them one by one.
        frame.saved_stack.extend_from_slice(&self.stack[base..]);
        self.stack.truncate(base);
        let boundary = std::mem::replace(&mut frame.boundary, false);
        if let Obj::Generator(gen) = self.heap.get_mut(g) {
            gen.state = GenState::Suspended;
            crate::vm::frame::suspend_into(&mut self.frames, &mut gen.frame);
        } else {
            self.frames.pop();
        }
        if boundary {
            return Ok(Flow::Exit(v));
        }
        push_value(&mut self.stack, v);
        Ok(Flow::Reload)
    }

    /// Resume generator `g` on top of the current frame (no Rust recursion).
    fn resume_inline(&mut self, g: ObjRef, sent: Value) -> PyResult<Flow> {
        let Obj::Generator(gen) = self.heap.get_mut(g) else {
            return Err(exc::type_error("not a generator"));
        };
        let state = gen.state;
        match state {
            GenState::Running => return Err(exc::value_error("generator already executing")),
            GenState::Finished => return self.generator_returned_inline(Value::None),
            _ => {}
        }
        if state == GenState::Created && !sent.is_none() {
            return Err(exc::type_error(
                "can't send non-None value to a just-started generator",
            ));
        }
        if self.frames.len() >= self.recursion_limit {
            return Err(exc::recursion_error("maximum recursion depth exceeded"));
        }
        if !super::call::enter_generator(&mut self.frames, &mut self.stack, gen, false) {
            return self.generator_returned_inline(Value::None);
        }
        if state == GenState::Suspended {
            push_value(&mut self.stack, sent);
        }
        Ok(Flow::Reload)
    }

    /// Attach the handled exception as `__context__` of a newly raised one.
    fn with_context(&mut self, e: PyErr) -> PyErr {
        let Some(handled) = self.current_handled() else {
            return e;
        };
        let r = self.materialize(e);
        if r != handled {
            // Break cycles: the new exception must not already be in handled's context chain.
            let mut cur = Value::Obj(handled);
            let mut steps = 0;
            while let Value::Obj(c) = cur {
                if steps > 1000 {
                    break;
                }
                steps += 1;
                let next = self.exc_data(c).map(|d| d.context).unwrap_or(Value::None);
                if let Value::Obj(n) = next {
                    if n == r {
                        if let Some(d) = self.exc_data_mut(c) {
                            d.context = Value::None;
                        }
                        break;
                    }
                }
                cur = next;
            }
            if let Some(d) = self.exc_data_mut(r) {
                d.context = Value::Obj(handled);
            }
        }
        PyErr::Obj(r)
    }

    /// The exception being handled, innermost first (`sys.exc_info()`).
    pub fn current_handled(&self) -> Option<ObjRef> {
        for f in self.frames.iter().rev() {
            if let Value::Obj(r) = f.exc {
                return Some(r);
            }
        }
        None
    }

    /// Find a handler for `err`, walking up frames. `add_tb`: record the frame in the
    /// traceback (false for re-raises, which keep their traceback).
    fn unwind(&mut self, err: PyErr, mut add_tb: bool) -> PyResult<Flow> {
        let mut err = err;
        loop {
            let Some(frame) = self.frames.last() else {
                return Err(err);
            };
            if add_tb {
                let (code, lasti) = (frame.code.arc(), frame.lasti() as u32);
                let r = self.materialize(err);
                if let Some(d) = self.exc_data_mut(r) {
                    if d.traceback.len() < 10_000 {
                        d.traceback.push((code, lasti));
                    }
                }
                err = PyErr::Obj(r);
            }
            let fi = self.frames.len() - 1;
            if let Some(block) = self.frames[fi].blocks.pop() {
                let r = self.materialize(err);
                let base = self.frames[fi].base;
                self.stack.truncate(base + block.depth as usize);
                push_value(&mut self.stack, Value::Obj(r));
                self.frames[fi].ip = block.handler as usize;
                return Ok(Flow::Reload);
            }
            let Some(frame) = self.frames.pop() else {
                return Err(err);
            };
            self.stack.truncate(frame.stack_floor());
            if let Some(g) = frame.generator {
                if let Obj::Generator(gen) = self.heap.get_mut(g) {
                    gen.state = GenState::Finished;
                    gen.frame = None;
                }
                if self.err_matches(&err, ExcKind::StopIteration) {
                    let coroutine =
                        matches!(self.heap.get(g), Obj::Generator(gen) if gen.coroutine);
                    let cause = self.materialize(err);
                    let what = if coroutine { "coroutine" } else { "generator" };
                    let new = self
                        .materialize(exc::runtime_error(format!("{what} raised StopIteration")));
                    if let Some(d) = self.exc_data_mut(new) {
                        d.cause = Value::Obj(cause);
                        d.context = Value::Obj(cause);
                        d.suppress_context = true;
                    }
                    err = PyErr::Obj(new);
                }
            }
            if frame.boundary {
                return Err(err);
            }
            add_tb = true;
        }
    }

    fn exception_matches(&mut self, e: Value, t: Value) -> PyResult<bool> {
        let base = self.exc_class(ExcKind::BaseException);
        let check = |vm: &mut Vm, c: Value| -> PyResult<bool> {
            match vm.is_class(c) {
                Some(cr) if vm.is_subclass(cr, base) => Ok(vm.isinstance(e, cr)),
                _ => Err(exc::type_error(
                    "catching classes that do not inherit from BaseException is not allowed",
                )),
            }
        };
        if let Value::Obj(tr) = t {
            if let Obj::Tuple(items) = self.heap.get(tr) {
                // Items read by index (a tuple cannot change): no copy of the tuple per match.
                let n = items.len();
                let mut any = false;
                for i in 0..n {
                    let c = match self.heap.get(tr) {
                        Obj::Tuple(items) => items.get(i).copied().unwrap_or(Value::None),
                        _ => Value::None,
                    };
                    if check(self, c)? {
                        any = true;
                    }
                }
                return Ok(any);
            }
        }
        check(self, t)
    }

    /// The object `raise e` raises: instances as they are, classes instantiated.
    fn make_raisable(&mut self, e: Value) -> PyResult<ObjRef> {
        let base = self.exc_class(ExcKind::BaseException);
        if let Some(c) = self.is_class(e) {
            if self.is_subclass(c, base) {
                let v = self.call(e, &[])?;
                if let Value::Obj(r) = v {
                    if self.isinstance(v, base) {
                        return Ok(r);
                    }
                }
                let t = self.type_name(v);
                return Err(exc::type_error(format!(
                    "calling {} should have returned an instance of BaseException, not {t}",
                    self.class_name(c)
                )));
            }
        }
        if let Value::Obj(r) = e {
            if self.isinstance(e, base) {
                return Ok(r);
            }
        }
        Err(exc::type_error("exceptions must derive from BaseException"))
    }

    fn set_cause(&mut self, r: ObjRef, cause: Value) -> PyResult<()> {
        let base = self.exc_class(ExcKind::BaseException);
        let c = if cause.is_none() {
            Value::None
        } else if let Some(cls) = self.is_class(cause) {
            if !self.is_subclass(cls, base) {
                return Err(exc::type_error(
                    "exception causes must derive from BaseException",
                ));
            }
            self.call(cause, &[])?
        } else if self.isinstance(cause, base) {
            cause
        } else {
            return Err(exc::type_error(
                "exception causes must derive from BaseException",
            ));
        };
        if let Some(d) = self.exc_data_mut(r) {
            d.cause = c;
            d.suppress_context = true;
        }
        Ok(())
    }

    pub fn stop_iteration_value(&self, r: ObjRef) -> Value {
        match self.exc_data(r).map(|d| d.args) {
            Some(Value::Obj(t)) => match self.heap.get(t) {
                Obj::Tuple(xs) if !xs.is_empty() => xs[0],
                _ => Value::None,
            },
            _ => Value::None,
        }
    }

    fn context_methods(&mut self, mgr: Value) -> PyResult<(Value, Value)> {
        let cls = self.class_of(mgr);
        let (en, ex) = (self.names.__enter__, self.names.__exit__);
        let enter = self.lookup_type_attr(cls, en);
        let exit = self.lookup_type_attr(cls, ex);
        let t = self.type_name(mgr);
        let Some(enter) = enter else {
            return Err(exc::type_error(format!(
                "'{t}' object does not support the context manager protocol"
            )));
        };
        let Some(_) = exit else {
            return Err(exc::type_error(format!(
                "'{t}' object does not support the context manager protocol (missed __exit__ method)"
            )));
        };
        let exit_bound = self.get_attr(mgr, ex)?;
        Ok((exit_bound, enter))
    }

    /// A name from a frame's locals namespace: a dict, or any mapping a metaclass prepared.
    fn locals_get(&mut self, l: ObjRef, name: ObjRef) -> PyResult<Option<Value>> {
        if matches!(self.heap.get(l), Obj::Dict(_)) {
            return Ok(self.ns_get(l, name));
        }
        match self.get_item(Value::Obj(l), Value::Obj(name)) {
            Ok(v) => Ok(Some(v)),
            Err(e) if self.err_matches(&e, ExcKind::KeyError) => Ok(None),
            Err(e) => Err(e),
        }
    }

    fn async_context_methods(&mut self, mgr: Value) -> PyResult<(Value, Value)> {
        let cls = self.class_of(mgr);
        let (en, ex) = (self.intern("__aenter__"), self.intern("__aexit__"));
        let t = self.type_name(mgr);
        let Some(enter) = self.lookup_type_attr(cls, en) else {
            return Err(exc::type_error(format!(
                "'{t}' object does not support the asynchronous context manager protocol"
            )));
        };
        if self.lookup_type_attr(cls, ex).is_none() {
            return Err(exc::type_error(format!(
                "'{t}' object does not support the asynchronous context manager protocol (missed __aexit__ method)"
            )));
        }
        let exit_bound = self.get_attr(mgr, ex)?;
        Ok((exit_bound, enter))
    }

    fn get_aiter(&mut self, v: Value) -> PyResult<Value> {
        let name = self.intern("__aiter__");
        let Some(it) = self.call_dunder(v, name, &[])? else {
            return Err(exc::type_error(format!(
                "'async for' requires an object with __aiter__ method, got {}",
                self.type_name(v)
            )));
        };
        let anext = self.intern("__anext__");
        if self.lookup_type_attr(self.class_of(it), anext).is_none() {
            return Err(exc::type_error(format!(
                "'async for' received an object from __aiter__ that does not implement __anext__: {}",
                self.type_name(it)
            )));
        }
        Ok(it)
    }

    fn get_anext(&mut self, it: Value) -> PyResult<Value> {
        let name = self.intern("__anext__");
        let Some(aw) = self.call_dunder(it, name, &[])? else {
            return Err(exc::type_error(format!(
                "'async for' requires an iterator with __anext__ method, got {}",
                self.type_name(it)
            )));
        };
        Ok(aw)
    }

    fn get_awaitable(&mut self, v: Value) -> PyResult<Value> {
        if let Value::Obj(r) = v {
            if let Obj::Generator(g) = self.heap.get(r) {
                if g.coroutine || g.iterable_coroutine {
                    return Ok(v);
                }
            }
            let aw = self.names.__await__;
            if let Some(it) = self.call_dunder(v, aw, &[])? {
                return self.get_iter(it);
            }
        }
        let t = self.type_name(v);
        Err(exc::type_error(format!(
            "object {t} can't be used in 'await' expression"
        )))
    }

    fn unpack(&mut self, seq: Value, n: usize) -> PyResult<()> {
        if let Value::Obj(r) = seq {
            if let Obj::Tuple(xs) | Obj::List(xs) = self.heap.get(r) {
                if xs.len() == n {
                    for i in (0..n).rev() {
                        let v = match self.heap.get(r) {
                            Obj::Tuple(xs) | Obj::List(xs) => xs[i],
                            _ => Value::None,
                        };
                        push_value(&mut self.stack, v);
                    }
                    return Ok(());
                }
                let got = xs.len();
                return Err(if got < n {
                    exc::value_error(format!(
                        "not enough values to unpack (expected {n}, got {got})"
                    ))
                } else {
                    exc::value_error(format!("too many values to unpack (expected {n})"))
                });
            }
        }
        let it = match self.get_iter(seq) {
            Ok(it) => it,
            Err(e) => {
                if self.err_matches(&e, ExcKind::TypeError) {
                    let t = self.type_name(seq);
                    return Err(exc::type_error(format!(
                        "cannot unpack non-iterable {t} object"
                    )));
                }
                return Err(e);
            }
        };
        let mut items: SmallVec<[Value; 8]> = SmallVec::new();
        while let Some(v) = self.iter_next(it)? {
            if items.len() == n {
                return Err(exc::value_error(format!(
                    "too many values to unpack (expected {n})"
                )));
            }
            items.push(v);
        }
        if items.len() < n {
            return Err(exc::value_error(format!(
                "not enough values to unpack (expected {n}, got {})",
                items.len()
            )));
        }
        for v in items.into_iter().rev() {
            push_value(&mut self.stack, v);
        }
        Ok(())
    }

    fn unpack_ex(&mut self, seq: Value, before: usize, after: usize) -> PyResult<()> {
        let items = match self.iterate(seq) {
            Ok(x) => x,
            Err(e) => {
                if self.err_matches(&e, ExcKind::TypeError) && !self.is_iterable(seq) {
                    let t = self.type_name(seq);
                    return Err(exc::type_error(format!(
                        "cannot unpack non-iterable {t} object"
                    )));
                }
                return Err(e);
            }
        };
        if items.len() < before + after {
            return Err(exc::value_error(format!(
                "not enough values to unpack (expected at least {}, got {})",
                before + after,
                items.len()
            )));
        }
        let mid_end = items.len() - after;
        for i in (mid_end..items.len()).rev() {
            push_value(&mut self.stack, items[i]);
        }
        let rest = self.new_list(items[before..mid_end].to_vec());
        push_value(&mut self.stack, rest);
        for i in (0..before).rev() {
            push_value(&mut self.stack, items[i]);
        }
        Ok(())
    }

    fn make_function(&mut self, flags: u32, globals: ObjRef) -> PyResult<Value> {
        let code_v = self.stack.pop().unwrap_or(Value::None);
        let closure = if flags & 8 != 0 {
            self.stack.pop()
        } else {
            None
        };
        let annotations = if flags & 4 != 0 {
            self.stack.pop().and_then(|v| v.as_obj())
        } else {
            None
        };
        let kwdefaults = if flags & 2 != 0 {
            self.stack.pop()
        } else {
            None
        };
        let defaults = if flags & 1 != 0 {
            self.stack.pop()
        } else {
            None
        };
        let Value::Obj(code_ref) = code_v else {
            return Err(exc::type_error("bad code object"));
        };
        let code: Arc<crate::code::Code> = match self.heap.get(code_ref) {
            Obj::Code(c) => c.clone(),
            _ => return Err(exc::type_error("bad code object")),
        };
        let tuple_items = |vm: &Vm, v: Option<Value>| -> Vec<Value> {
            match v {
                Some(Value::Obj(r)) => match vm.heap.get(r) {
                    Obj::Tuple(xs) => xs.clone(),
                    _ => Vec::new(),
                },
                _ => Vec::new(),
            }
        };
        let defaults = tuple_items(self, defaults);
        let closure: Vec<ObjRef> = tuple_items(self, closure)
            .into_iter()
            .filter_map(|v| v.as_obj())
            .collect();
        let mut kwd = Vec::new();
        if let Some(Value::Obj(d)) = kwdefaults {
            let entries: Vec<(Value, Value)> = match self.heap.get(d) {
                Obj::Dict(d) => d.iter().map(|e| (e.key, e.value)).collect(),
                _ => Vec::new(),
            };
            for (k, v) in entries {
                if let Value::Obj(kr) = k {
                    kwd.push((kr, v));
                }
            }
        }
        let name_key = self.names.__name__;
        let module = self.ns_get(globals, name_key).unwrap_or(Value::None);
        let doc = match code.consts.first() {
            Some(&v) if self.as_str(v).is_some() => v,
            _ => Value::None,
        };
        let f = Function {
            name: code.name.clone(),
            qualname: code.qualname.clone(),
            code,
            code_ref,
            globals,
            module,
            defaults,
            kwdefaults: kwd,
            closure,
            dict: None,
            doc,
        };
        let f = Value::Obj(self.heap.alloc(Obj::Function(Box::new(f))));
        if let Some(ann) = annotations {
            let d = self.new_dict_ref();
            let k = self.intern("__annotations__");
            self.ns_set(d, k, Value::Obj(ann));
            if let Value::Obj(fr) = f {
                if let Obj::Function(func) = self.heap.get_mut(fr) {
                    func.dict = Some(d);
                }
            }
        }
        Ok(f)
    }
}

/// The attribute-cache epoch of a builtin found missing from a module dict: valid while no
/// collection has run (a dict handle may be reused after one) and the dict has not changed
/// shape.
fn builtin_key(collections: u64, version: u32) -> u64 {
    (collections << 32) | version as u64
}

/// `stack.push(v)` with the growth out of line: `Vec::push` keeps the value live across its
/// grow call, and in the eval loop that costs a spill and a reload of every pushed value.
#[inline(always)]
fn push_value(stack: &mut Vec<Value>, v: Value) {
    if stack.len() == stack.capacity() {
        grow_stack(stack);
    }
    let n = stack.len();
    // SAFETY: `n < capacity` (just ensured): the slot is inside the allocation; values are
    // `Copy`, so nothing is dropped or leaked.
    unsafe {
        stack.as_mut_ptr().add(n).write(v);
        stack.set_len(n + 1);
    }
}

#[cold]
#[inline(never)]
fn grow_stack(stack: &mut Vec<Value>) {
    stack.reserve(stack.len().max(64));
}
