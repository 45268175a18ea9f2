//! The embedding API: Rust functions, native types, native modules, rooted handles, host data
//! and reference types, for Bevy and for any Rust host.
//!
//! ```
//! use kaa::native::NativeType;
//!
//! #[derive(Clone, Debug, PartialEq)]
//! struct Vec2 { x: f64, y: f64 }
//! impl NativeType for Vec2 { const NAME: &'static str = "Vec2"; }
//!
//! let mut vm = kaa::Vm::new();
//! vm.register_fn("clamp", |x: f64, lo: f64, hi: f64| x.clamp(lo, hi));
//! let cls = vm
//!     .native_class::<Vec2>()
//!     .constructor(|x: f64, y: f64| Vec2 { x, y })
//!     .field("x", |v: &Vec2| v.x, |v: &mut Vec2, x: f64| v.x = x)
//!     .field("y", |v: &Vec2| v.y, |v: &mut Vec2, y: f64| v.y = y)
//!     .getter("length", |v: &Vec2| v.x.hypot(v.y))
//!     .operator("__add__", |a: &Vec2, b: Vec2| Vec2 { x: a.x + b.x, y: a.y + b.y })
//!     .repr(|v: &Vec2| format!("Vec2({}, {})", v.x, v.y))
//!     .eq()
//!     .build()
//!     .unwrap();
//! vm.set_global("Vec2", cls);
//! let v = vm.eval("Vec2(3, 4) + Vec2(clamp(9, 0, 1), 0)").unwrap();
//! assert_eq!(vm.extract::<Vec2>(v).unwrap(), Vec2 { x: 4.0, y: 4.0 });
//! ```
//!
//! Everything takes the VM it works on; values of one VM are never valid in another, and
//! [`Handle`]s check it.

mod class;
mod convert;
mod func;
mod handle;
mod host;
pub(crate) mod hostref;
mod module;

pub use crate::object::{RawFn1, RawFn2};
pub use class::{field_receiver, ClassBuilder, NativeMethod};
pub use convert::{native_mut, native_ref, ArgError, FromValue, IntoValue, ParamKind, Rest};
pub use func::{NativeFunction, Signature};
pub use handle::{Handle, HandleError};
pub use hostref::{HostRef, PathSeg, RefHandler, RefRead};
pub use module::ModuleBuilder;

pub(crate) use handle::{next_vm_id, HandleTable};
pub(crate) use host::HostLoans;

use crate::object::{Args, Instance, NativeFn, NativeImpl, Obj};
use crate::value::{ObjRef, Value};
use crate::vm::{ExcKind, PyErr, PyResult, RunState, ScriptError, Vm};
use std::any::Any;

/// A Rust type that scripts can hold as an object of its own class.
/// Register the class with [`Vm::native_class`]; `Clone` types then convert by value.
pub trait NativeType: Any + Send + 'static {
    /// The class name scripts see.
    const NAME: &'static str;

    /// Report the script objects this value holds (if it holds any), so the GC keeps them.
    fn trace(&self, _out: &mut Vec<ObjRef>) {}
}

/// A native value stored in a script object (object-safe side of [`NativeType`]).
pub trait NativeData: Any + Send {
    fn as_any(&self) -> &dyn Any;
    fn as_any_mut(&mut self) -> &mut dyn Any;
    fn trace(&self, out: &mut Vec<ObjRef>);
    fn type_name(&self) -> &'static str;
}

impl<T: NativeType> NativeData for T {
    fn as_any(&self) -> &dyn Any {
        self
    }
    fn as_any_mut(&mut self) -> &mut dyn Any {
        self
    }
    fn trace(&self, out: &mut Vec<ObjRef>) {
        NativeType::trace(self, out)
    }
    fn type_name(&self) -> &'static str {
        T::NAME
    }
}

impl std::fmt::Debug for dyn NativeData {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(f, "<native {}>", self.type_name())
    }
}

impl Vm {
    // ----- functions -----

    /// A script callable running `f` (see [`NativeFunction`] for the shapes `f` can take).
    pub fn native_fn<M: 'static, F: NativeFunction<M>>(&mut self, name: &str, f: F) -> Value {
        self.native_closure(name, func::closure(f, Signature::new(name)))
    }

    /// Like [`Vm::native_fn`], with parameter names so scripts can pass them by keyword.
    pub fn native_fn_kw<M: 'static, F: NativeFunction<M>>(
        &mut self,
        name: &str,
        params: &[&str],
        f: F,
    ) -> Value {
        let mut sig = Signature::new(name);
        sig.names = Some(params.iter().map(|s| s.to_string()).collect());
        self.native_closure(name, func::closure(f, sig))
    }

    /// A property for a field of a host type, with plain-function accessors: `obj.name`
    /// calls `get(vm, obj, data)` and `obj.name = v` calls `set(vm, obj, v, data)` (its result
    /// is ignored; without a setter the field is read-only). Unlike a property of
    /// [`Vm::native_fn`] closures there is no argument vector, binding or conversion between
    /// the bytecode and `get`: the attribute cache calls it directly, so this is the form for
    /// fields read per entity per frame. `data` says which field (an index, a packed path) to
    /// a function shared by many. An error from `get` is final: unlike a script property's,
    /// an AttributeError does not fall back to the class's `__getattr__` (which lets host
    /// reference classes, whose `__getattr__` reads any path, keep their typed fields cached).
    ///
    /// ```
    /// use kaa::native::{field_receiver, native_mut, NativeType};
    /// use kaa::{PyResult, Value, Vm};
    /// struct Counter(i64);
    /// impl NativeType for Counter {
    ///     const NAME: &'static str = "Counter";
    /// }
    /// fn get(vm: &mut Vm, this: Value, _: u64) -> PyResult<Value> {
    ///     Ok(Value::Int(field_receiver::<Counter>(vm, this, "n")?.0))
    /// }
    /// fn set(vm: &mut Vm, this: Value, v: Value, _: u64) -> PyResult<Value> {
    ///     let n: i64 = vm.extract(v)?;
    ///     if let Value::Obj(r) = this {
    ///         if let Some(c) = native_mut::<Counter>(vm, r) {
    ///             c.0 = n;
    ///         }
    ///     }
    ///     Ok(Value::None)
    /// }
    /// let mut vm = Vm::new();
    /// vm.native_class::<Counter>().field_fn("n", get, Some(set), 0).build().unwrap();
    /// let c = vm.to_value(Counter(20)).unwrap();
    /// vm.set_global("c", c);
    /// vm.run_source("c.n += 1\nc.n *= 2", "<x>", "__main__").unwrap();
    /// let n = vm.eval("c.n").unwrap();
    /// assert_eq!(vm.extract::<i64>(n).unwrap(), 42);
    /// ```
    pub fn field_property(
        &mut self,
        name: &str,
        get: RawFn1,
        set: Option<RawFn2>,
        data: u64,
    ) -> Value {
        let fget = self.raw_fn1(name, get, data);
        let fset = match set {
            Some(s) => self.raw_fn2(name, s, data),
            None => Value::None,
        };
        let n = self.new_str(name);
        Value::Obj(
            self.heap
                .alloc(Obj::Property(Box::new(crate::object::Property {
                    fget,
                    fset,
                    fdel: Value::None,
                    doc: Value::None,
                    name: n,
                }))),
        )
    }

    /// A native callable taking exactly one argument, as a plain function with a data word
    /// (see [`RawFn1`]).
    pub fn raw_fn1(&mut self, name: &str, f: RawFn1, data: u64) -> Value {
        self.raw_native(name, NativeImpl::Raw1(f, data))
    }

    /// A native callable taking exactly two arguments (a method: the receiver and one more),
    /// as a plain function with a data word (see [`RawFn2`]).
    pub fn raw_fn2(&mut self, name: &str, f: RawFn2, data: u64) -> Value {
        self.raw_native(name, NativeImpl::Raw2(f, data))
    }

    fn raw_native(&mut self, name: &str, imp: NativeImpl) -> Value {
        Value::Obj(self.heap.alloc(Obj::Native(Box::new(NativeFn {
            name: name.to_string().into(),
            imp,
            owner: None,
            bound: Value::Undef,
            class_method: false,
            static_method: false,
        }))))
    }

    /// Make `f` a builtin: every module of this VM can call it by `name`.
    ///
    /// ```
    /// let mut vm = kaa::Vm::new();
    /// vm.register_fn("clamp", |x: f64, lo: f64, hi: f64| x.clamp(lo, hi));
    /// let v = vm.eval("clamp(5, 0, 1)").unwrap();
    /// assert_eq!(vm.extract::<f64>(v).unwrap(), 1.0);
    /// let err = vm.eval("clamp(5, 0)").unwrap_err();
    /// assert_eq!(err.message, "clamp() takes 3 positional arguments but 2 were given");
    /// ```
    pub fn register_fn<M: 'static, F: NativeFunction<M>>(&mut self, name: &str, f: F) {
        let v = self.native_fn(name, f);
        self.set_global(name, v);
    }

    /// [`Vm::register_fn`] with keyword-capable parameter names.
    pub fn register_fn_kw<M: 'static, F: NativeFunction<M>>(
        &mut self,
        name: &str,
        params: &[&str],
        f: F,
    ) {
        let v = self.native_fn_kw(name, params, f);
        self.set_global(name, v);
    }

    pub(crate) fn native_closure(&mut self, name: &str, c: crate::object::NativeClosure) -> Value {
        Value::Obj(self.heap.alloc(Obj::Native(Box::new(NativeFn {
            name: name.to_string().into(),
            imp: NativeImpl::Closure(c),
            owner: None,
            bound: Value::Undef,
            class_method: false,
            static_method: false,
        }))))
    }

    /// Put a value in builtins (visible to every module of this VM).
    pub fn set_global(&mut self, name: &str, v: impl Into<GlobalValue>) {
        let v = match v.into() {
            GlobalValue::Value(v) => v,
            GlobalValue::Obj(r) => Value::Obj(r),
        };
        self.set_builtin(name, v);
    }

    // ----- native types -----

    /// Start the script class of `T`.
    pub fn native_class<T: NativeType>(&mut self) -> ClassBuilder<'_, T> {
        ClassBuilder::new(self)
    }

    /// The registered class of `T`.
    pub fn native_class_of<T: NativeType>(&self) -> Option<ObjRef> {
        self.native_classes
            .get(&std::any::TypeId::of::<T>())
            .copied()
    }

    /// A new script object holding `value` (its class must be registered).
    pub fn new_native_object<T: NativeType>(&mut self, value: T) -> PyResult<ObjRef> {
        let Some(class) = self.native_class_of::<T>() else {
            return Err(PyErr::new(
                ExcKind::TypeError,
                format!("native type {} is not registered with this VM", T::NAME),
            ));
        };
        Ok(self.alloc_native(class, Box::new(value)))
    }

    /// An instance of native class `class` holding `data`.
    pub(crate) fn alloc_native(&mut self, class: ObjRef, data: Box<dyn NativeData>) -> ObjRef {
        let dict = self.native_empty_dict();
        self.heap.alloc(Obj::Instance(Box::new(Instance {
            class,
            dict,
            exc: None,
            base: Value::Undef,
            native: Some(Box::new(data)),
        })))
    }

    /// A class for native objects named `name`, with these attributes and `__slots__ = ()`: no
    /// `__dict__`, so attributes are only what the host defined (scripts' subclasses get one).
    pub(crate) fn new_native_class(
        &mut self,
        name: &str,
        entries: Vec<(String, Value)>,
    ) -> PyResult<ObjRef> {
        let mut ns = crate::types::dict::Dict::new();
        let empty = self.new_tuple(Vec::new());
        let module = self.new_str("builtins");
        let fixed = [
            ("__slots__".to_string(), empty),
            ("__module__".to_string(), module),
        ];
        for (name, v) in fixed.into_iter().chain(entries) {
            let k = self.intern(&name);
            let h = self.str_hash(k);
            Vm::dict_set_str(&mut ns, &self.heap, k, h, v);
        }
        self.create_class(name, Vec::new(), ns, None)
    }

    /// The `__dict__` slot of native objects: one shared, always empty dict (their classes
    /// have `__slots__ = ()`, so nothing is ever stored in it).
    pub(crate) fn native_empty_dict(&mut self) -> ObjRef {
        match self.native_dict {
            Some(d) => d,
            None => {
                let d = self.new_dict_ref();
                self.native_dict = Some(d);
                d
            }
        }
    }

    /// Does `v` name a live object of this VM? Host-facing entry points check their arguments
    /// with it, so a stale value or one from a bigger VM is a clear error, not a panic. Values
    /// are plain indices, so another VM's value that happens to be in range is not caught:
    /// hold values across calls in [`Handle`]s, which are always checked.
    pub fn check_value(&self, v: Value) -> PyResult<()> {
        match v {
            Value::Obj(r) if !self.heap.owns(r) => Err(PyErr::new(
                ExcKind::RuntimeError,
                "this value does not belong to this VM (another VM's, or an object already \
                 freed): script values cannot move between VMs",
            )),
            _ => Ok(()),
        }
    }

    /// Convert a script value to a Rust value.
    pub fn extract<T: FromValue>(&mut self, v: Value) -> PyResult<T> {
        self.check_value(v)?;
        T::from_value(self, v).map_err(|e| match e {
            ArgError::Err(e) => e,
            ArgError::Expected(what) => PyErr::new(
                ExcKind::TypeError,
                format!("expected {what}, not {}", self.type_name(v)),
            ),
        })
    }

    /// Convert a Rust value to a script value.
    pub fn to_value<T: IntoValue>(&mut self, v: T) -> PyResult<Value> {
        v.into_value(self)
    }

    // ----- modules -----

    /// Start a native module that scripts can `import name`.
    pub fn native_module(&mut self, name: &str) -> ModuleBuilder<'_> {
        ModuleBuilder::new(self, name)
    }

    // ----- host state attached to the VM -----

    /// The host's value of type `T` attached to this VM (made with `Default` on first use):
    /// caches and bookkeeping that belong to one VM, with no global. The GC does not look
    /// inside it: keep script objects there as [`Handle`]s.
    pub fn extension<T: Any + Send + Default>(&mut self) -> &mut T {
        // A short list searched in order: a VM has a handful of extensions, read on hot
        // paths (a plugin's per-entity caches), where hashing a `TypeId` cost more than this.
        let id = std::any::TypeId::of::<T>();
        let i = match self.extensions.iter().position(|(k, _)| *k == id) {
            // A hit past the first two moves one place forward, so the extensions read per
            // entity settle at the front of the list (and the first two stay put).
            Some(i) if i > 1 => {
                self.extensions.swap(i, i - 1);
                i - 1
            }
            Some(i) => i,
            None => {
                self.extensions.push((id, Box::new(T::default())));
                self.extensions.len() - 1
            }
        };
        let b: &mut (dyn Any + Send) = &mut *self.extensions[i].1;
        // SAFETY: slot `i` is keyed by `T`'s type id and holds the `Box<T>` pushed with it,
        // so the box's data pointer is a `T` (what `downcast_mut` would check once more,
        // through the vtable, on every call).
        unsafe { &mut *(b as *mut (dyn Any + Send) as *mut T) }
    }

    // ----- handles -----

    /// Root `v` for as long as the returned handle lives. (A value of another VM is caught when
    /// the handle is used: [`Vm::call_handle`] checks.)
    pub fn handle(&mut self, v: Value) -> Handle {
        self.handles.insert(v)
    }

    /// The value a handle holds; an error if the handle belongs to another VM.
    pub fn handle_value(&self, h: &Handle) -> Result<Value, HandleError> {
        self.handles.get(h)
    }

    /// Handles alive (not yet dropped, or dropped but not yet collected).
    pub fn live_handles(&mut self) -> usize {
        self.handles.drain_released();
        self.handles.live()
    }

    /// This VM's id (what [`HandleError`] names).
    pub fn id(&self) -> u64 {
        self.handles.shared.vm_id
    }

    // ----- calling scripts from the host -----

    /// Evaluate an expression in `__main__` (a convenience for hosts and tests).
    pub fn eval(&mut self, expr: &str) -> Result<Value, ScriptError> {
        let key = self.new_str("__main__");
        let mods = self.modules;
        let main = match self.dict_lookup(mods, key) {
            Ok(Some(Value::Obj(m))) => m,
            _ => {
                let m = self.new_module("__main__");
                self.register_module("__main__", m);
                m
            }
        };
        let code = match self.compile_eval(expr, "<eval>") {
            Ok(c) => c,
            Err(e) => return Err(self.error_report(e)),
        };
        let globals = self.module_dict(main);
        match self.run_code(code, globals, None) {
            Ok(v) => Ok(v),
            Err(e) => Err(self.error_report(e)),
        }
    }

    /// Call a script callable held by a handle, with at most `fuel` instructions (None: no
    /// limit). Script errors come back with their type, message and traceback text.
    ///
    /// ```
    /// let mut vm = kaa::Vm::new();
    /// vm.run_source("def double(x):\n    return 2 * x\n", "game.py", "__main__").unwrap();
    /// let f = vm.eval("double").unwrap();
    /// let h = vm.handle(f);
    /// let v = vm.call_handle(&h, &[kaa::Value::Int(21)], Some(10_000)).unwrap();
    /// assert_eq!(vm.extract::<i64>(v).unwrap(), 42);
    /// ```
    pub fn call_handle(
        &mut self,
        h: &Handle,
        args: &[Value],
        fuel: Option<u64>,
    ) -> Result<Value, ScriptError> {
        let f = match self.handle_value(h) {
            Ok(f) => f,
            Err(e) => {
                return Err(ScriptError {
                    type_name: "RuntimeError".into(),
                    message: e.to_string(),
                    traceback: format!("RuntimeError: {e}\n"),
                })
            }
        };
        self.call_script(f, args, fuel)
    }

    /// A new module object named `name` for the file `path` (not yet run, not registered).
    pub fn new_file_module(&mut self, name: &str, path: &str) -> ObjRef {
        let module = self.new_module(name);
        let dict = self.module_dict(module);
        let f = self.new_str(path);
        let k = self.names.__file__;
        self.ns_set(dict, k, f);
        let b = self.names.__builtins__;
        let bm = Value::Obj(self.builtins);
        self.ns_set(dict, b, bm);
        module
    }

    /// Compile `src` (file `path`) and run it in the namespace `globals` with at most `fuel`
    /// instructions. Errors, compile errors included, come back as reports.
    pub fn exec_source(
        &mut self,
        src: &str,
        path: &str,
        globals: ObjRef,
        fuel: Option<u64>,
    ) -> Result<(), ScriptError> {
        let code = match self.compile(src, path, crate::Mode::Exec) {
            Ok(c) => c,
            Err(e) => return Err(self.error_report(e)),
        };
        self.run_bounded(fuel, |vm| vm.start_code(code, globals, None))
            .map(|_| ())
    }

    /// Call `f(*args)` from the host with a fuel limit; the error is reported, not raised.
    pub fn call_script(
        &mut self,
        f: Value,
        args: &[Value],
        fuel: Option<u64>,
    ) -> Result<Value, ScriptError> {
        if let Some(e) = std::iter::once(&f)
            .chain(args)
            .find_map(|&v| self.check_value(v).err())
        {
            return Err(self.error_report(e));
        }
        self.run_bounded(fuel, |vm| {
            let pushed = match f {
                Value::Obj(fr) => vm.push_exact_frame(fr, args, true),
                _ => None,
            };
            let outcome = match pushed {
                Some(outcome) => outcome?,
                None => vm.start_call(f, Args::new(args), true)?,
            };
            match outcome {
                crate::vm::call::CallOutcome::Value(v) => Ok(RunState::Done(v)),
                crate::vm::call::CallOutcome::Pushed => vm.run_frames(),
            }
        })
    }

    /// Run `start` (which pushes frames and runs them) with at most `fuel` instructions, then
    /// restore the caller's fuel settings and drop any frames an abandoned run left behind.
    fn run_bounded(
        &mut self,
        fuel: Option<u64>,
        start: impl FnOnce(&mut Vm) -> PyResult<RunState>,
    ) -> Result<Value, ScriptError> {
        let saved = (
            self.fuel,
            self.fuel_limited,
            self.fuel_reserve,
            self.deadline,
        );
        let depth = self.frames.len();
        if fuel.is_some() {
            self.set_fuel(fuel);
        }
        let r = match crate::parser::guard(|| start(self)) {
            Ok(RunState::Done(v)) => Ok(v),
            Ok(RunState::Suspended) => Err(PyErr::new(
                ExcKind::RuntimeError,
                format!(
                    "script ran out of fuel ({} instructions)",
                    fuel.unwrap_or_default()
                ),
            )),
            Err(e) => Err(e),
        };
        while self.frames.len() > depth {
            if let Some(fr) = self.frames.pop() {
                self.stack.truncate(fr.stack_floor());
            }
        }
        if fuel.is_some() {
            (
                self.fuel,
                self.fuel_limited,
                self.fuel_reserve,
                self.deadline,
            ) = saved;
        }
        r.map_err(|e| self.error_report(e))
    }
}

/// What [`Vm::set_global`] accepts: a value or an object (a class, a module).
pub enum GlobalValue {
    Value(Value),
    Obj(ObjRef),
}

impl From<Value> for GlobalValue {
    fn from(v: Value) -> Self {
        GlobalValue::Value(v)
    }
}

impl From<ObjRef> for GlobalValue {
    fn from(r: ObjRef) -> Self {
        GlobalValue::Obj(r)
    }
}
