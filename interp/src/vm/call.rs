//! Calls: binding arguments to parameters, pushing frames, instantiating classes, and calls
//! from native code back into scripts (a nested run of the eval loop, bounded in depth).

use crate::object::{Args, Function, GenState, Generator, Instance, NativeImpl, Obj, TypeKind};
use crate::types::dict::Dict;
use crate::value::{ObjRef, Value};
use crate::vm::exc::{self, ExcKind, PyErr};
use crate::vm::frame::{Frame, FrameCode};
use crate::vm::{PyResult, RunState, Vm, MAX_NATIVE_DEPTH};
use smallvec::SmallVec;

/// What a call started from the eval loop did.
pub enum CallOutcome {
    /// A script frame was pushed; the loop continues in it.
    Pushed,
    /// The call finished with this value.
    Value(Value),
}

/// One step of a generator driven from native code.
pub enum GenStep {
    Yield(Value),
    Return(Value),
}

impl Vm {
    /// Call `f(*args)` from native code.
    pub fn call(&mut self, f: Value, args: &[Value]) -> PyResult<Value> {
        self.call_args(f, Args::new(args))
    }

    /// Call `f(*args)`, going straight to the implementation when `f` is a native (property
    /// accessors of native types take this path on every attribute access).
    pub fn call_direct(&mut self, f: Value, args: &[Value]) -> PyResult<Value> {
        if let Value::Obj(r) = f {
            if let Obj::Native(n) = self.heap.get(r) {
                if matches!(n.bound, Value::Undef) {
                    return match (&n.imp, args) {
                        // Raw field accessors first: the attribute cache calls them per
                        // entity per frame.
                        (&NativeImpl::Raw1(g, d), &[a]) => g(self, a, d),
                        (&NativeImpl::Raw2(g, d), &[a, b]) => g(self, a, b, d),
                        (NativeImpl::Fn(p), _) => p(self, Args::new(args)),
                        (NativeImpl::Closure(c), _) => c.clone().call_pos(self, args),
                        _ => self.call_raw(r, args, false),
                    };
                }
            }
        }
        self.call(f, args)
    }

    /// Call raw native `r` (`NativeImpl::Raw1`/`Raw2`): its function when `args` are exactly
    /// what it takes, else CPython's error for a method-wrapper. Out of line: every caller
    /// (`call_direct`, the eval loop, a general call) keeps its own code as small as it was.
    #[inline(never)]
    pub(crate) fn call_raw(
        &mut self,
        r: ObjRef,
        args: &[Value],
        keywords: bool,
    ) -> PyResult<Value> {
        let Obj::Native(n) = self.heap.get(r) else {
            return Err(exc::type_error("not a native function"));
        };
        if keywords {
            let name = &n.name;
            return Err(exc::type_error(format!(
                "{name}() takes no keyword arguments"
            )));
        }
        match (&n.imp, args) {
            (&NativeImpl::Raw1(f, d), &[a]) => f(self, a, d),
            (&NativeImpl::Raw2(f, d), &[a, b]) => f(self, a, b, d),
            (NativeImpl::Raw1(..), _) => Err(raw_arity(&n.name, 1, args.len())),
            _ => Err(raw_arity(&n.name, 2, args.len())),
        }
    }

    /// Call with positional and keyword arguments from native code.
    pub fn call_args(&mut self, f: Value, args: Args) -> PyResult<Value> {
        match self.start_call(f, args, true)? {
            CallOutcome::Value(v) => Ok(v),
            CallOutcome::Pushed => self.run_nested(),
        }
    }

    /// Run a nested eval loop (a native calling back into scripts) with the Rust stack
    /// checked every 4 levels in release builds: a check costs about as much as a short
    /// generator step, and 4 optimized levels use far less than the 128 KiB each check keeps
    /// in reserve. The first level is not checked (levels 2, 6, 10, ... are): it is the one
    /// `sum(generator)` or `sorted(key=...)` enter per item, and like the outermost loop it
    /// runs on the host's stack, which has room for one more eval loop (a few KiB) or would
    /// not have had room for the outermost one. Debug builds have much larger frames: they
    /// check every level.
    #[inline]
    fn nested_guard<R>(&mut self, f: impl FnOnce(&mut Self) -> R) -> R {
        if cfg!(debug_assertions) || self.native_depth % 4 == 2 {
            crate::parser::guard(|| f(self))
        } else {
            f(self)
        }
    }

    /// Run the frame just pushed (a boundary frame) to completion.
    fn run_nested(&mut self) -> PyResult<Value> {
        if self.native_depth >= MAX_NATIVE_DEPTH {
            // Drop the pushed frame: it never ran.
            if let Some(f) = self.frames.pop() {
                self.stack.truncate(f.stack_floor());
            }
            return Err(exc::recursion_error("maximum recursion depth exceeded"));
        }
        self.native_depth += 1;
        let r = self.nested_guard(|vm| vm.run_frames());
        self.native_depth -= 1;
        match r? {
            RunState::Done(v) => Ok(v),
            RunState::Suspended => Err(PyErr::new(
                ExcKind::RuntimeError,
                "script ran out of fuel inside a native callback",
            )),
        }
    }

    /// Start a call. Script functions get a frame pushed (marked `boundary` when called from
    /// native code); everything else runs to completion here.
    pub fn start_call(&mut self, f: Value, args: Args, boundary: bool) -> PyResult<CallOutcome> {
        let Value::Obj(r) = f else {
            let t = self.type_name(f);
            return Err(exc::type_error(format!("'{t}' object is not callable")));
        };
        match self.heap.get(r) {
            Obj::Function(_) => self.call_function(r, &args.pos, &args.kw, boundary, Value::Undef),
            Obj::Native(n) => {
                let imp = NativeCall::of(r, n);
                let bound = n.bound;
                let mut args = args;
                if !matches!(bound, Value::Undef) {
                    args.pos.insert(0, bound);
                }
                let v = imp.call(self, args)?;
                Ok(CallOutcome::Value(v))
            }
            Obj::BoundMethod { receiver, func } => {
                let (receiver, func) = (*receiver, *func);
                let mut args = args;
                args.pos.insert(0, receiver);
                self.start_call(func, args, boundary)
            }
            Obj::Class(_) => self.call_class(r, args, boundary),
            Obj::Instance(i) => {
                let cls = i.class;
                let c = self.names.__call__;
                match self.lookup_type_attr(cls, c) {
                    Some(m) => {
                        let mut args = args;
                        args.pos.insert(0, f);
                        if let Value::Obj(mr) = m {
                            if matches!(self.heap.get(mr), Obj::Function(_) | Obj::Native(_)) {
                                return self.start_call(m, args, boundary);
                            }
                        }
                        args.pos.remove(0);
                        let bound = self.get_attr(f, c)?;
                        self.start_call(bound, args, boundary)
                    }
                    None => {
                        let t = self.type_name(f);
                        Err(exc::type_error(format!("'{t}' object is not callable")))
                    }
                }
            }
            Obj::StaticMethod(inner) => {
                let inner = *inner;
                self.start_call(inner, args, boundary)
            }
            _ => {
                let t = self.type_name(f);
                Err(exc::type_error(format!("'{t}' object is not callable")))
            }
        }
    }

    /// Bind arguments and push a frame for a script function (or create its generator).
    pub fn call_function(
        &mut self,
        fr: ObjRef,
        pos: &[Value],
        kw: &[(ObjRef, Value)],
        boundary: bool,
        init_self: Value,
    ) -> PyResult<CallOutcome> {
        let locals = self.bind_args(fr, pos, kw)?;
        self.push_function_frame(fr, locals, boundary, init_self)
    }

    /// The frame of a plain script function (not a generator) that `args` bind to exactly
    /// (no keywords, defaults or `*args`), pushed with the arguments copied straight into its
    /// slots: what a host calling a hook per entity per frame takes (`bind_args` builds and
    /// moves a 16-slot vector). None when `fr` needs the general binding.
    pub(crate) fn push_exact_frame(
        &mut self,
        fr: ObjRef,
        args: &[Value],
        boundary: bool,
    ) -> Option<PyResult<CallOutcome>> {
        let (code, globals) = self.simple_callee(fr, args.len())?;
        if self.frames.len() >= self.recursion_limit {
            return Some(Err(exc::recursion_error(
                "maximum recursion depth exceeded",
            )));
        }
        let base = self.stack.len();
        // Pushed one by one: a hook has a handful of arguments and locals, where
        // `extend_from_slice` and `resize` each cost a library call.
        let n = code.nlocals().max(args.len());
        self.stack.reserve(n);
        for &a in args {
            self.stack.push(a);
        }
        for _ in args.len()..n {
            self.stack.push(Value::Undef);
        }
        if !code.cellvars.is_empty() || !code.freevars.is_empty() {
            self.setup_cells(&code, base, fr);
        }
        self.frames
            .push(Frame::for_call(code, base, globals, fr, boundary, false));
        Some(Ok(CallOutcome::Pushed))
    }

    /// Push the frame of function `fr` with its parameter slots filled.
    pub fn push_function_frame(
        &mut self,
        fr: ObjRef,
        locals: SmallVec<[Value; 16]>,
        boundary: bool,
        init_self: Value,
    ) -> PyResult<CallOutcome> {
        let (code, globals) = match self.heap.get(fr) {
            // A generator's frame outlives the call and its function's code may be swapped
            // (`types.coroutine`): it owns a count. Other frames borrow (see `FrameCode`).
            Obj::Function(f) if f.code.flags.generator => {
                (FrameCode::owned(f.code.clone()), f.globals)
            }
            // SAFETY: not a generator function, and the frame holds `fr`.
            Obj::Function(f) => (unsafe { FrameCode::borrowed(&f.code) }, f.globals),
            _ => return Err(exc::type_error("not a function")),
        };
        if self.frames.len() >= self.recursion_limit {
            return Err(exc::recursion_error("maximum recursion depth exceeded"));
        }
        let base = self.stack.len();
        self.stack.extend_from_slice(&locals);
        let nlocals = code.nlocals();
        for _ in locals.len()..nlocals {
            self.stack.push(Value::Undef);
        }
        self.setup_cells(&code, base, fr);
        let (generator, coroutine, iterable_coroutine) = (
            code.flags.generator,
            code.flags.coroutine,
            code.flags.iterable_coroutine,
        );
        let mut frame = Frame::for_call(code, base, globals, fr, boundary, false);
        frame.init_self = init_self.as_obj();
        if generator {
            frame.saved_stack = self.stack.drain(base..).collect();
            frame.boundary = false;
            let g = self.heap.alloc(Obj::Generator(Box::new(Generator {
                frame: Some(frame),
                state: GenState::Created,
                func: fr,
                coroutine,
                iterable_coroutine,
            })));
            if let Obj::Generator(gen) = self.heap.get_mut(g) {
                if let Some(f) = gen.frame.as_mut() {
                    f.generator = Some(g);
                }
            }
            return Ok(CallOutcome::Value(Value::Obj(g)));
        }
        self.frames.push(frame);
        Ok(CallOutcome::Pushed)
    }

    /// Create the cell slots of a new frame for function `fr`: fresh cells (holding the
    /// parameter value for parameters that are cells), then the closure's cells.
    pub fn setup_cells(&mut self, code: &crate::code::Code, base: usize, fr: ObjRef) {
        let nlocals = code.nlocals();
        for (i, _) in code.cellvars.iter().enumerate() {
            let init = match code.cell2arg.get(i).copied().flatten() {
                Some(a) => self.stack[base + a as usize],
                None => Value::Undef,
            };
            let c = self.heap.alloc(Obj::Cell(init));
            debug_assert_eq!(self.stack.len(), base + nlocals + i);
            self.stack.push(Value::Obj(c));
        }
        let nfree = code.freevars.len();
        let have = match self.heap.get(fr) {
            Obj::Function(f) => {
                let cells = f.closure.iter().take(nfree);
                self.stack.extend(cells.map(|&c| Value::Obj(c)));
                f.closure.len().min(nfree)
            }
            _ => 0,
        };
        for _ in have..nfree {
            let c = self.heap.alloc(Obj::Cell(Value::Undef));
            self.stack.push(Value::Obj(c));
        }
    }

    /// Bind call arguments to a function's parameter slots, with CPython's error messages.
    pub fn bind_args(
        &mut self,
        fr: ObjRef,
        pos: &[Value],
        kw: &[(ObjRef, Value)],
    ) -> PyResult<SmallVec<[Value; 16]>> {
        let Obj::Function(f) = self.heap.get(fr) else {
            return Err(exc::type_error("not a function"));
        };
        let code = f.code.clone();
        let argc = code.argcount as usize;
        let kwonly = code.kwonlyargcount as usize;
        let posonly = code.posonlyargcount as usize;
        let total = argc + kwonly;
        let nslots = total + code.flags.varargs as usize + code.flags.varkw as usize;
        // Fast path: exact positional arguments, nothing else.
        if kw.is_empty()
            && pos.len() == argc
            && kwonly == 0
            && !code.flags.varargs
            && !code.flags.varkw
        {
            return Ok(pos.iter().copied().collect());
        }
        let defaults = f.defaults.clone();
        let kwdefaults = f.kwdefaults.clone();
        let qualname = f.qualname.clone();
        let mut slots: SmallVec<[Value; 16]> = SmallVec::from_elem(Value::Undef, nslots);
        let npos = pos.len().min(argc);
        slots[..npos].copy_from_slice(&pos[..npos]);
        if pos.len() > argc {
            if code.flags.varargs {
                let extra = self.new_tuple(pos[argc..].to_vec());
                slots[total] = extra;
            } else {
                let given_kw = kw
                    .iter()
                    .filter(|(k, _)| {
                        let name = self.str_ref(*k);
                        code.varnames[argc..total].iter().any(|v| v == name)
                    })
                    .count();
                let ndef = defaults.len();
                let takes = if ndef > 0 {
                    format!("from {} to {} positional arguments", argc - ndef, argc)
                } else {
                    format!(
                        "{} positional argument{}",
                        argc,
                        if argc == 1 { "" } else { "s" }
                    )
                };
                let given = if given_kw > 0 {
                    format!(
                        "{} positional argument{} (and {} keyword-only argument{})",
                        pos.len(),
                        if pos.len() == 1 { "" } else { "s" },
                        given_kw,
                        if given_kw == 1 { "" } else { "s" }
                    )
                } else {
                    format!("{}", pos.len())
                };
                let verb = if pos.len() == 1 && given_kw == 0 {
                    "was"
                } else {
                    "were"
                };
                return Err(exc::type_error(format!(
                    "{qualname}() takes {takes} but {given} {verb} given"
                )));
            }
        } else if code.flags.varargs {
            slots[total] = Value::Obj(self.empty_tuple);
        }
        let mut kwdict: Option<Dict> = if code.flags.varkw {
            Some(Dict::new())
        } else {
            None
        };
        let mut posonly_as_kw: Vec<String> = Vec::new();
        for &(k, v) in kw {
            let name = self.str_ref(k).to_string();
            let idx = code.varnames[..total].iter().position(|vn| *vn == name);
            match idx {
                Some(i) if i >= posonly => {
                    if !matches!(slots[i], Value::Undef) {
                        return Err(exc::type_error(format!(
                            "{qualname}() got multiple values for argument '{name}'"
                        )));
                    }
                    slots[i] = v;
                }
                _ => match kwdict.as_mut() {
                    Some(_) => {
                        let h = self.str_hash(k);
                        if let Some(d) = kwdict.as_mut() {
                            if d.find(h, |x| self.as_str(x) == Some(name.as_str()))
                                .is_some()
                            {
                                return Err(exc::type_error(format!(
                                    "{qualname}() got multiple values for keyword argument '{name}'"
                                )));
                            }
                            d.insert_new(h, Value::Obj(k), v);
                        }
                    }
                    None => {
                        if idx.is_some() {
                            posonly_as_kw.push(name);
                            continue;
                        }
                        return Err(exc::type_error(format!(
                            "{qualname}() got an unexpected keyword argument '{name}'"
                        )));
                    }
                },
            }
        }
        if !posonly_as_kw.is_empty() {
            return Err(exc::type_error(format!(
                "{qualname}() got some positional-only arguments passed as keyword arguments: '{}'",
                posonly_as_kw.join(", ")
            )));
        }
        // Defaults for the trailing positional parameters.
        let first_default = argc - defaults.len();
        let mut missing: Vec<String> = Vec::new();
        for i in 0..argc {
            if matches!(slots[i], Value::Undef) {
                if i >= first_default {
                    slots[i] = defaults[i - first_default];
                } else {
                    missing.push(code.varnames[i].clone());
                }
            }
        }
        if !missing.is_empty() {
            return Err(exc::type_error(format!(
                "{qualname}() missing {} required positional argument{}: {}",
                missing.len(),
                if missing.len() == 1 { "" } else { "s" },
                name_list(&missing)
            )));
        }
        for i in argc..total {
            if matches!(slots[i], Value::Undef) {
                let name = code.varnames[i].clone();
                let d = kwdefaults
                    .iter()
                    .find(|(k, _)| self.str_ref(*k) == name)
                    .map(|(_, v)| *v);
                match d {
                    Some(v) => slots[i] = v,
                    None => missing.push(name),
                }
            }
        }
        if !missing.is_empty() {
            return Err(exc::type_error(format!(
                "{qualname}() missing {} required keyword-only argument{}: {}",
                missing.len(),
                if missing.len() == 1 { "" } else { "s" },
                name_list(&missing)
            )));
        }
        if let Some(d) = kwdict {
            let i = total + code.flags.varargs as usize;
            slots[i] = self.new_dict(d);
        }
        Ok(slots)
    }

    // ----- classes -----

    fn call_class(&mut self, cls: ObjRef, args: Args, boundary: bool) -> PyResult<CallOutcome> {
        // A metaclass with its own __call__ takes over.
        let meta = self.class_of(Value::Obj(cls));
        if meta != self.types.type_ {
            let c = self.names.__call__;
            if let Some(m) = self.lookup_type_attr(meta, c) {
                if !self.is_builtin_object_slot(m) && !self.is_native_of(m, self.types.type_) {
                    let plain = matches!(m, Value::Obj(mr)
                        if matches!(self.heap.get(mr), Obj::Function(_) | Obj::Native(_)));
                    if plain {
                        let mut args = args;
                        args.pos.insert(0, Value::Obj(cls));
                        return self.start_call(m, args, boundary);
                    }
                    // Anything else (`__call__ = dict`) binds by the descriptor protocol: a
                    // class or other non-descriptor is called without the class.
                    let bound = self.bind_descriptor(m, Value::Obj(cls))?;
                    return self.start_call(bound, args, boundary);
                }
            }
        }
        let (kind, builtin) = match self.heap.get(cls) {
            Obj::Class(c) => (c.kind, c.builtin),
            _ => unreachable!("class"),
        };
        if builtin {
            if cls == self.types.type_ && args.pos.len() == 1 && args.kw.is_empty() {
                return Ok(CallOutcome::Value(Value::Obj(self.class_of(args.pos[0]))));
            }
            let v = crate::builtins::construct(self, cls, kind, args)?;
            return Ok(CallOutcome::Value(v));
        }
        // __new__
        let nn = self.names.__new__;
        let new = self.lookup_type_attr(cls, nn);
        let obj = match new {
            Some(n) if !self.is_default_new(n) => {
                let mut a = args.pos.clone();
                a.insert(0, Value::Obj(cls));
                let newf = match n {
                    Value::Obj(r) => match self.heap.get(r) {
                        Obj::StaticMethod(inner) => *inner,
                        _ => n,
                    },
                    _ => n,
                };
                let obj = self.call_args(
                    newf,
                    Args {
                        pos: a.into_iter().collect(),
                        kw: args.kw.clone(),
                    },
                )?;
                if !self.isinstance(obj, cls) {
                    return Ok(CallOutcome::Value(obj));
                }
                obj
            }
            _ => self.new_instance(cls, kind, &args)?,
        };
        // __init__
        let ni = self.names.__init__;
        let init = self.lookup_type_attr(cls, ni);
        match init {
            Some(f) if !self.is_default_init(f) => {
                if let Value::Obj(fr) = f {
                    if matches!(self.heap.get(fr), Obj::Function(_)) {
                        let mut pos: SmallVec<[Value; 4]> = args.pos.clone();
                        pos.insert(0, obj);
                        let out = self.call_function(fr, &pos, &args.kw, boundary, obj)?;
                        return match out {
                            CallOutcome::Pushed => Ok(CallOutcome::Pushed),
                            CallOutcome::Value(_) => Err(exc::type_error(
                                "__init__() should return None, not 'generator'",
                            )),
                        };
                    }
                }
                let mut a = args;
                a.pos.insert(0, obj);
                let r = self.call_args(f, a)?;
                if !r.is_none() {
                    let t = self.type_name(r);
                    return Err(exc::type_error(format!(
                        "__init__() should return None, not '{t}'"
                    )));
                }
                Ok(CallOutcome::Value(obj))
            }
            _ => {
                if (!args.pos.is_empty() || !args.kw.is_empty())
                    && kind == TypeKind::Object
                    && new.is_none_or(|n| self.is_default_new(n))
                {
                    let name = self.class_name(cls);
                    return Err(exc::type_error(format!("{name}() takes no arguments")));
                }
                Ok(CallOutcome::Value(obj))
            }
        }
    }

    fn is_native_of(&self, f: Value, owner: ObjRef) -> bool {
        matches!(f, Value::Obj(r) if matches!(self.heap.get(r), Obj::Native(n) if n.owner == Some(owner)))
    }

    fn is_default_new(&self, f: Value) -> bool {
        match f {
            Value::Obj(r) => match self.heap.get(r) {
                // object.__new__ and the value types' (same code); type.__new__ must run to
                // make a class.
                Obj::Native(n) => {
                    n.name == "__new__"
                        && n.owner.is_some_and(|o| {
                            let t = &self.types;
                            [
                                t.object,
                                t.int,
                                t.float,
                                t.complex,
                                t.str_,
                                t.bytes,
                                t.tuple,
                                t.frozenset,
                            ]
                            .contains(&o)
                        })
                }
                Obj::StaticMethod(inner) => self.is_default_new(*inner),
                _ => false,
            },
            _ => false,
        }
    }

    /// `object.__init__` (builtin bases such as `dict.__init__` still have to run).
    fn is_default_init(&self, f: Value) -> bool {
        match f {
            Value::Obj(r) => match self.heap.get(r) {
                Obj::Native(n) => {
                    n.name == "__init__"
                        && (n.owner == Some(self.types.object)
                            || n.owner.is_some_and(
                                |o| matches!(self.heap.get(o), Obj::Class(c) if c.is_exception),
                            ))
                }
                _ => false,
            },
            _ => false,
        }
    }

    /// A fresh instance of a user class (its builtin base, if any, built from the args).
    pub fn new_instance(&mut self, cls: ObjRef, kind: TypeKind, args: &Args) -> PyResult<Value> {
        let is_exc = matches!(self.heap.get(cls), Obj::Class(c) if c.is_exception);
        if is_exc {
            let a = self.new_tuple(args.pos.to_vec());
            return Ok(Value::Obj(self.new_exception_obj(cls, a)));
        }
        let base = match kind {
            TypeKind::Object => Value::Undef,
            TypeKind::List => self.new_list(Vec::new()),
            TypeKind::Dict => self.new_dict(Dict::new()),
            TypeKind::Set => Value::Obj(self.heap.alloc(Obj::Set(Box::default()))),
            _ => {
                let builtin_cls = self.builtin_base_of(cls);
                crate::builtins::construct(
                    self,
                    builtin_cls,
                    kind,
                    Args {
                        pos: args.pos.clone(),
                        kw: Vec::new(),
                    },
                )?
            }
        };
        let dict = self.heap.alloc(Obj::Dict(Box::default()));
        Ok(Value::Obj(self.heap.alloc(Obj::Instance(Box::new(
            Instance {
                class: cls,
                dict,
                exc: None,
                base,
                native: None,
            },
        )))))
    }

    pub fn builtin_base_of(&self, cls: ObjRef) -> ObjRef {
        for &m in self.mro(cls) {
            if let Obj::Class(c) = self.heap.get(m) {
                if c.builtin && c.kind != TypeKind::Object {
                    return m;
                }
            }
        }
        self.types.object
    }

    // ----- generators driven from native code -----

    /// Resume a generator with a sent value (`next` is `send(None)`), or throw into it.
    pub fn gen_resume(
        &mut self,
        g: ObjRef,
        sent: Value,
        throw: Option<PyErr>,
    ) -> PyResult<GenStep> {
        if let Some(err) = throw {
            return self.gen_throw_delegating(g, err);
        }
        self.gen_resume_raw(g, sent, None)
    }

    /// The sub-iterator a suspended generator is delegating to (`yield from` / `await`), and
    /// the exit target of its `Send` loop.
    pub(crate) fn delegation(&self, g: ObjRef) -> Option<(Value, usize)> {
        let Obj::Generator(gen) = self.heap.get(g) else {
            return None;
        };
        if gen.state != GenState::Suspended {
            return None;
        }
        let f = gen.frame.as_ref()?;
        let ip = f.ip;
        match (
            f.code.instrs.get(ip.checked_sub(2)?),
            f.code.instrs.get(ip.checked_sub(1)?),
        ) {
            (Some(crate::code::Instr::Send(t)), Some(crate::code::Instr::YieldValue)) => {
                Some((*f.saved_stack.last()?, *t as usize))
            }
            _ => None,
        }
    }

    /// `throw` with PEP 380 delegation: an exception thrown into a generator that is inside
    /// `yield from` goes to the sub-iterator first (GeneratorExit closes it first).
    fn gen_throw_delegating(&mut self, g: ObjRef, err: PyErr) -> PyResult<GenStep> {
        let Some((sub, exit)) = self.delegation(g) else {
            return self.gen_resume_raw(g, Value::None, Some(err));
        };
        let is_exit = self.err_matches(&err, ExcKind::GeneratorExit);
        let sub_result: PyResult<GenStep> = match sub {
            Value::Obj(sr) if matches!(self.heap.get(sr), Obj::Generator(_)) => {
                if is_exit {
                    self.gen_close(sr).map(|_| GenStep::Return(Value::None))
                } else {
                    self.gen_throw_delegating(sr, err.clone())
                }
            }
            _ => {
                let name = if is_exit { "close" } else { "throw" };
                let k = self.intern(name);
                match self.get_attr_opt(sub, k)? {
                    None => return self.gen_resume_raw(g, Value::None, Some(err)),
                    Some(m) => {
                        let arg = if is_exit {
                            None
                        } else {
                            Some(Value::Obj(self.materialize(err.clone())))
                        };
                        match self.call(m, &arg.into_iter().collect::<Vec<_>>()) {
                            Ok(v) if !is_exit => Ok(GenStep::Yield(v)),
                            Ok(_) => Ok(GenStep::Return(Value::None)),
                            Err(e) => Err(e),
                        }
                    }
                }
            }
        };
        if is_exit {
            // The sub-iterator is closed; now GeneratorExit is raised in the delegator.
            return match sub_result {
                Err(e) => self.gen_resume_raw(g, Value::None, Some(e)),
                Ok(_) => self.gen_resume_raw(g, Value::None, Some(err)),
            };
        }
        match sub_result {
            Ok(GenStep::Yield(v)) => Ok(GenStep::Yield(v)),
            Ok(GenStep::Return(r)) => self.finish_delegation(g, exit, r),
            Err(e) if self.err_matches(&e, ExcKind::StopIteration) => {
                let r = self.materialize(e);
                let v = self.stop_iteration_value(r);
                self.finish_delegation(g, exit, v)
            }
            Err(e) => self.gen_resume_raw(g, Value::None, Some(e)),
        }
    }

    /// The sub-iterator returned `v`: continue the delegator after its `yield from`.
    fn finish_delegation(&mut self, g: ObjRef, exit: usize, v: Value) -> PyResult<GenStep> {
        if let Obj::Generator(gen) = self.heap.get_mut(g) {
            if let Some(f) = gen.frame.as_mut() {
                f.saved_stack.pop();
                f.saved_stack.push(v);
                f.ip = exit;
            }
        }
        self.gen_resume_raw(g, Value::Undef, None)
    }

    fn gen_resume_raw(
        &mut self,
        g: ObjRef,
        sent: Value,
        throw: Option<PyErr>,
    ) -> PyResult<GenStep> {
        let Obj::Generator(gen) = self.heap.get_mut(g) else {
            return Err(exc::type_error("not a generator"));
        };
        let state = gen.state;
        if state == GenState::Running {
            return Err(exc::value_error("generator already executing"));
        }
        if state == GenState::Finished {
            return match throw {
                Some(e) => Err(e),
                None => Err(PyErr::New(ExcKind::StopIteration, String::new())),
            };
        }
        if state == GenState::Created && !sent.is_none() && throw.is_none() {
            return Err(exc::type_error(
                "can't send non-None value to a just-started generator",
            ));
        }
        // Checked before the frame moves: a refused resume leaves the generator as it was.
        if self.frames.len() >= self.recursion_limit || self.native_depth >= MAX_NATIVE_DEPTH {
            return Err(exc::recursion_error("maximum recursion depth exceeded"));
        }
        if !enter_generator(&mut self.frames, &mut self.stack, gen, true) {
            return Err(PyErr::New(ExcKind::StopIteration, String::new()));
        }
        if state == GenState::Suspended && throw.is_none() && !matches!(sent, Value::Undef) {
            self.stack.push(sent);
        }
        self.native_depth += 1;
        let r = self.nested_guard(|vm| match throw {
            Some(e) => vm.run_frames_with_error(e),
            None => vm.run_frames(),
        });
        self.native_depth -= 1;
        self.finish_gen_resume(g, r)
    }

    fn finish_gen_resume(&mut self, g: ObjRef, r: PyResult<RunState>) -> PyResult<GenStep> {
        let finished =
            matches!(self.heap.get(g), Obj::Generator(gen) if gen.state == GenState::Finished);
        match r {
            Ok(RunState::Done(v)) => Ok(if finished {
                GenStep::Return(v)
            } else {
                GenStep::Yield(v)
            }),
            Ok(RunState::Suspended) => Err(PyErr::new(
                ExcKind::RuntimeError,
                "script ran out of fuel inside a native callback",
            )),
            Err(e) => Err(e),
        }
    }

    /// `next(gen)` from native code: Some(value), or None when it returned.
    pub fn gen_next(&mut self, g: ObjRef) -> PyResult<Option<Value>> {
        match self.gen_resume(g, Value::None, None) {
            Ok(GenStep::Yield(v)) => Ok(Some(v)),
            Ok(GenStep::Return(_)) => Ok(None),
            Err(e) => {
                if let PyErr::New(ExcKind::StopIteration, m) = &e {
                    if m.is_empty() {
                        return Ok(None);
                    }
                }
                Err(e)
            }
        }
    }

    /// `gen.close()`
    pub fn gen_close(&mut self, g: ObjRef) -> PyResult<()> {
        let state = match self.heap.get(g) {
            Obj::Generator(gen) => gen.state,
            _ => return Ok(()),
        };
        if state == GenState::Finished {
            return Ok(());
        }
        if state == GenState::Created {
            if let Obj::Generator(gen) = self.heap.get_mut(g) {
                gen.state = GenState::Finished;
                gen.frame = None;
            }
            return Ok(());
        }
        let ge = PyErr::New(ExcKind::GeneratorExit, String::new());
        match self.gen_resume(g, Value::None, Some(ge)) {
            Ok(GenStep::Yield(_)) => Err(exc::runtime_error("generator ignored GeneratorExit")),
            Ok(GenStep::Return(_)) => Ok(()),
            Err(e) => {
                if self.err_matches(&e, ExcKind::GeneratorExit)
                    || self.err_matches(&e, ExcKind::StopIteration)
                {
                    Ok(())
                } else {
                    Err(e)
                }
            }
        }
    }

    /// The function object of a frame's code as seen by `super()`: the `__class__` cell value.
    pub fn frame_class_cell(&self, fi: usize) -> Option<Value> {
        let f = self.frames.get(fi)?;
        let code = &f.code;
        let idx = code.freevars.iter().position(|n| n == "__class__")? + code.cellvars.len();
        let cell = self.stack.get(f.base + code.nlocals() + idx)?;
        match cell {
            Value::Obj(c) => match self.heap.get(*c) {
                Obj::Cell(v) => Some(*v),
                _ => None,
            },
            _ => None,
        }
    }

    pub fn function_ref(&self, v: Value) -> Option<&Function> {
        match v {
            Value::Obj(r) => match self.heap.get(r) {
                Obj::Function(f) => Some(f),
                _ => None,
            },
            _ => None,
        }
    }
}

/// A native's implementation, taken out of the heap so the call can use the VM freely.
enum NativeCall {
    Fn(crate::object::NativeFnPtr),
    Closure(crate::object::NativeClosure),
    /// A raw native, called through [`Vm::call_raw`].
    Raw(ObjRef),
}

impl NativeCall {
    fn of(r: ObjRef, n: &crate::object::NativeFn) -> Self {
        match &n.imp {
            NativeImpl::Fn(p) => NativeCall::Fn(*p),
            NativeImpl::Closure(c) => NativeCall::Closure(c.clone()),
            NativeImpl::Raw1(..) | NativeImpl::Raw2(..) => NativeCall::Raw(r),
        }
    }

    fn call(self, vm: &mut Vm, args: Args) -> PyResult<Value> {
        match self {
            NativeCall::Fn(p) => p(vm, args),
            NativeCall::Closure(c) => c.call(vm, args),
            NativeCall::Raw(r) => vm.call_raw(r, &args.pos, !args.kw.is_empty()),
        }
    }
}

/// A raw native called with the wrong number of arguments (CPython's wording for a
/// method-wrapper).
fn raw_arity(name: &str, want: usize, given: usize) -> PyErr {
    let s = if want == 1 { "" } else { "s" };
    crate::vm::exc::type_error(format!(
        "{name}() takes exactly {want} argument{s} ({given} given)"
    ))
}

fn name_list(names: &[String]) -> String {
    let q: Vec<String> = names.iter().map(|n| format!("'{n}'")).collect();
    match q.len() {
        0 => String::new(),
        1 => q[0].clone(),
        2 => format!("{} and {}", q[0], q[1]),
        _ => format!("{}, and {}", q[..q.len() - 1].join(", "), q[q.len() - 1]),
    }
}

/// Moves the suspended (or new) generator's frame onto the frame stack and its saved locals
/// and operands back onto the value stack, marking it running; `boundary` when a native
/// caller runs it to its next yield. False, and the generator marked finished, when it has no
/// frame to run. The caller has checked that it may resume (state, sent value, depth).
#[inline(always)]
pub(crate) fn enter_generator(
    frames: &mut Vec<Frame>,
    stack: &mut Vec<Value>,
    gen: &mut Generator,
    boundary: bool,
) -> bool {
    if !crate::vm::frame::resume_from(frames, &mut gen.frame) {
        gen.state = GenState::Finished;
        return false;
    }
    gen.state = GenState::Running;
    let base = stack.len();
    if let Some(frame) = frames.last_mut() {
        frame.base = base;
        stack.append(&mut frame.saved_stack);
        frame.boundary = boundary;
    }
    true
}
