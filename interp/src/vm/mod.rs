//! The virtual machine: heap, frames, builtin types and the public embedding surface.
//!
//! There is no global or thread-local state: everything a script can reach hangs off one
//! [`Vm`], and every operation takes the VM it works on. A `Vm` is `Send`.

pub mod attr;
pub mod attr_cache;
pub mod call;
pub mod containers;
pub mod dis;
pub mod eval;
pub mod exc;
pub mod fast_ops;
pub mod format_spec;
pub mod frame;
pub mod iter;
pub mod matching;
pub mod ops;
mod percent_format;
pub mod repr;
pub mod sched;
mod simple_loop;
pub mod suggest;
pub mod type_cache;

use crate::code::Code;
use crate::compiler::{compile_module, Mode};
use crate::heap::Heap;
use crate::object::{Class, Module, NativeFn, NativeFnPtr, NativeImpl, Obj, PyStr, TypeKind};
use crate::parser::{parse_module, SyntaxErrorKind};
use crate::types::dict::Dict;
use crate::value::{ObjRef, Value};
pub use exc::{ExcKind, PyErr};
use frame::{Frame, FrameCode};
use hashbrown::HashMap;
use std::io::Write;
use std::path::PathBuf;
use std::sync::Arc;

pub type PyResult<T> = Result<T, PyErr>;

/// Settings a VM is created with.
#[derive(Debug, Clone)]
pub struct VmConfig {
    /// Memory limit in bytes (estimated); past it scripts get MemoryError.
    pub max_memory: usize,
    /// Maximum depth of script calls (RecursionError past it).
    pub recursion_limit: usize,
    /// Where `import` looks for `.py` modules.
    pub search_path: Vec<PathBuf>,
    /// `sys.argv`.
    pub argv: Vec<String>,
}

impl Default for VmConfig {
    fn default() -> Self {
        VmConfig {
            max_memory: 2 << 30,
            recursion_limit: 1000,
            search_path: vec![PathBuf::from(".")],
            argv: vec![String::new()],
        }
    }
}

macro_rules! builtin_types {
    ($($field:ident = $name:literal : $kind:ident),* $(,)?) => {
        /// Handles of the builtin classes.
        #[derive(Debug)]
        pub struct Types {
            $(pub $field: ObjRef,)*
            pub exceptions: Vec<ObjRef>,
            /// Classes of native iterators, by name.
            pub misc: HashMap<&'static str, ObjRef>,
        }

        impl Types {
            fn create(vm_heap: &mut Heap, interned: &mut Interner) -> Types {
                let object = new_class(vm_heap, interned, "object", TypeKind::Object, &[]);
                $(let $field = if $name == "object" { object } else {
                    new_class(vm_heap, interned, $name, TypeKind::$kind, &[object])
                };)*
                Types { $($field,)* exceptions: Vec::new(), misc: HashMap::new() }
            }

            fn all(&self) -> Vec<ObjRef> {
                let mut v = vec![$(self.$field),*];
                v.extend(self.exceptions.iter().copied());
                v.extend(self.misc.values().copied());
                v
            }
        }
    };
}

builtin_types! {
    object = "object": Object,
    type_ = "type": Type,
    none = "NoneType": NoneType,
    int = "int": Int,
    bool_ = "bool": Bool,
    float = "float": Float,
    complex = "complex": Complex,
    str_ = "str": Str,
    bytes = "bytes": Bytes,
    bytearray = "bytearray": ByteArray,
    list = "list": List,
    tuple = "tuple": Tuple,
    dict = "dict": Dict,
    set = "set": Set,
    frozenset = "frozenset": FrozenSet,
    range = "range": Range,
    slice = "slice": Slice,
    function = "function": Function,
    builtin_function = "builtin_function_or_method": BuiltinFunction,
    method = "method": Method,
    module = "module": Module,
    cell = "cell": Cell,
    code = "code": Code,
    generator = "generator": Generator,
    coroutine = "coroutine": Coroutine,
    property = "property": Property,
    staticmethod = "staticmethod": StaticMethod,
    classmethod = "classmethod": ClassMethod,
    super_ = "super": Super,
    not_implemented_type = "NotImplementedType": NotImplementedType,
    ellipsis_type = "ellipsis": Ellipsis,
    dict_keys = "dict_keys": DictKeys,
    dict_values = "dict_values": DictValues,
    dict_items = "dict_items": DictItems,
    enumerate = "enumerate": Iterator,
    zip = "zip": Iterator,
    map = "map": Iterator,
    filter = "filter": Iterator,
    reversed = "reversed": Iterator,
}

/// Interned strings: names used for attributes, globals and keywords share one object each, so
/// namespace lookups usually succeed on identity.
///
/// The table holds only the string objects; their text lives once, in the heap.
#[derive(Default)]
pub struct Interner {
    table: hashbrown::HashTable<ObjRef>,
    hasher: hashbrown::DefaultHashBuilder,
}

impl Interner {
    fn text(heap: &Heap, r: ObjRef) -> &str {
        match heap.get(r) {
            Obj::Str(p) => &p.s,
            _ => "",
        }
    }

    fn get_in(&self, heap: &Heap, s: &str) -> Option<ObjRef> {
        let h = std::hash::BuildHasher::hash_one(&self.hasher, s);
        self.table.find(h, |&r| Self::text(heap, r) == s).copied()
    }

    fn intern(&mut self, heap: &mut Heap, s: &str) -> ObjRef {
        let h = std::hash::BuildHasher::hash_one(&self.hasher, s);
        if let Some(&r) = self.table.find(h, |&r| Self::text(heap, r) == s) {
            return r;
        }
        let r = heap.alloc(Obj::Str(PyStr::new(s.to_string())));
        let hasher = &self.hasher;
        self.table.insert_unique(h, r, |&x| {
            std::hash::BuildHasher::hash_one(hasher, Self::text(heap, x))
        });
        r
    }

    fn all(&self) -> impl Iterator<Item = ObjRef> + '_ {
        self.table.iter().copied()
    }
}

fn new_class(
    heap: &mut Heap,
    interned: &mut Interner,
    name: &str,
    kind: TypeKind,
    bases: &[ObjRef],
) -> ObjRef {
    let module = Value::Obj(interned.intern(heap, "builtins"));
    let c = Class {
        name: name.to_string(),
        qualname: name.to_string(),
        module,
        bases: bases.to_vec(),
        mro: Vec::new(),
        dict: Dict::new(),
        kind,
        builtin: true,
        metaclass: None,
        version: 0,
        is_exception: false,
        custom_getattribute: false,
        slot_names: None,
    };
    let r = heap.alloc(Obj::Class(Box::new(c)));
    let mut mro = vec![r];
    for &b in bases {
        if let Obj::Class(bc) = heap.get(b) {
            for &m in &bc.mro {
                if !mro.contains(&m) {
                    mro.push(m);
                }
            }
        }
    }
    if let Obj::Class(c) = heap.get_mut(r) {
        c.mro = mro;
    }
    r
}

/// Pre-interned names the VM looks up itself.
macro_rules! common_names {
    ($($f:ident),* $(,)?) => {
        #[allow(non_snake_case)]
        #[derive(Debug, Clone, Copy)]
        pub struct Names { $(pub $f: ObjRef,)* }
        impl Names {
            fn create(heap: &mut Heap, i: &mut Interner) -> Names {
                Names { $($f: i.intern(heap, stringify!($f)),)* }
            }
        }
    };
}

common_names! {
    __init__, __new__, __call__, __repr__, __str__, __eq__, __ne__, __lt__, __le__, __gt__, __ge__,
    __hash__, __len__, __iter__, __next__, __getitem__, __setitem__, __delitem__, __contains__,
    __bool__, __getattr__, __getattribute__, __setattr__, __delattr__, __enter__, __exit__,
    __name__, __class__, __dict__, __module__, __qualname__, __doc__, __classcell__, __all__,
    __file__, __init_subclass__, __set_name__, __get__, __set__, __delete__, __index__, __int__,
    __float__, __format__, __neg__, __pos__, __invert__, __abs__, __reversed__, __missing__,
    __builtins__, __mro_entries__, __slots__, __await__, __round__, __trunc__, __floor__, __ceil__,
    __divmod__, __rdivmod__, __length_hint__, __instancecheck__, __subclasscheck__, __class_getitem__,
    __annotations__, __main__, __spec__, __path__, __package__, __loader__, __debug__, __sizeof__,
    __complex__, __bytes__, __copy__, __deepcopy__, __reduce__, __fspath__, __prepare__,
    args, send, throw, close, keys, items, values, metaclass, key, reverse, sep, end, file, flush,
    default, strict, start, stop, step,
}

/// The outcome of running a code object under a fuel budget.
#[derive(Debug, Clone, Copy)]
pub enum RunState {
    Done(Value),
    /// Fuel ran out: the frames are kept; call [`Vm::resume`] to continue.
    Suspended,
}

/// A Python-level error reported to the host: type, message and formatted traceback.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ScriptError {
    pub type_name: String,
    pub message: String,
    pub traceback: String,
}

impl std::fmt::Display for ScriptError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(self.traceback.trim_end())
    }
}

impl std::error::Error for ScriptError {}

pub struct Vm {
    pub heap: Heap,
    /// Class attribute lookups, valid for the heap's class epoch.
    pub type_cache: type_cache::TypeCache,
    pub attr_cache: attr_cache::AttrCache,
    /// Where global names were found (`LoadGlobal`).
    pub stack: Vec<Value>,
    pub frames: Vec<Frame>,
    pub types: Types,
    pub names: Names,
    interner: Interner,
    pub builtins: ObjRef,
    /// The builtin `next`: `next(generator)` in script code resumes the generator as a frame
    /// of the eval loop instead of a nested run.
    pub(crate) builtin_next: Option<ObjRef>,
    /// `list.append`, called in place by `CallMethod` (the commonest method call there is).
    pub(crate) list_append: Option<ObjRef>,
    /// `sys.modules`: name → module.
    pub modules: ObjRef,
    /// Source text of compiled files, for tracebacks.
    pub sources: HashMap<String, String>,
    pub recursion_limit: usize,
    /// Nesting of native → script calls (each uses Rust stack).
    pub native_depth: u32,
    pub fuel: i64,
    pub fuel_limited: bool,
    /// Fuel still to hand out in small chunks, so a wall-clock deadline is checked between
    /// chunks (see [`Vm::set_budget`]).
    pub fuel_reserve: i64,
    pub deadline: Option<std::time::Instant>,
    /// Instructions a native callback (a `key=` function, `__eq__`) may run past the budget
    /// before it fails: it cannot be suspended, but it must still end.
    pub native_overdraft: i64,
    /// The task scheduler (script coroutines driven frame by frame).
    pub sched: crate::vm::sched::Scheduler,
    pub stdout: Box<dyn Write + Send>,
    /// Where `sys.stderr` writes go.
    pub stderr: Box<dyn Write + Send>,
    pub search_path: Vec<PathBuf>,
    pub argv: Vec<String>,
    /// Containers whose repr is in progress (for `[...]`).
    pub repr_stack: Vec<ObjRef>,
    pub ellipsis: ObjRef,
    pub not_implemented: ObjRef,
    pub empty_tuple: ObjRef,
    /// Extra state of native modules (random's generator, time's origin, ...).
    pub rng: crate::builtins::random::Mt19937,
    pub start_time: std::time::Instant,
    /// Module names being imported (circular import detection).
    pub importing: Vec<String>,
    /// Native modules that can be imported, by name.
    pub native_modules: HashMap<String, fn(&mut Vm) -> ObjRef>,
    /// Standard-library modules written in Python and shipped inside the binary.
    pub frozen_modules: HashMap<String, &'static str>,
    /// `sys.set_int_max_str_digits` (CPython 3.11's default is 4300; 0 disables).
    pub int_max_str_digits: usize,
    /// The largest int a script may build, in bits (a bound on the time of one operation).
    pub max_int_bits: u64,
    /// Classes of registered native types.
    pub native_classes: HashMap<std::any::TypeId, ObjRef>,
    /// Classes of host reference types, by name.
    pub ref_classes: HashMap<String, ObjRef>,
    /// Attribute names as shared text for host reference paths (see `native::hostref`).
    pub(crate) ref_names: crate::native::hostref::RefNames,
    /// The shared empty `__dict__` of native objects.
    pub(crate) native_dict: Option<ObjRef>,
    /// Values rooted by host handles.
    pub(crate) handles: crate::native::HandleTable,
    /// Host data lent for the current run.
    pub(crate) host: crate::native::HostLoans,
    /// State hosts attach to this VM, one value per type (see [`Vm::extension`]).
    pub(crate) extensions: Vec<(std::any::TypeId, Box<dyn std::any::Any + Send>)>,
}

/// Fuel handed out at a time when a wall-clock deadline is set.
pub const FUEL_CHUNK: i64 = 4096;

/// Deepest nesting of native → script re-entry (sorted(key=...), __eq__, __repr__ ...).
pub const MAX_NATIVE_DEPTH: u32 = 200;

impl Vm {
    pub fn new() -> Vm {
        Vm::with_config(VmConfig::default())
    }

    pub fn with_config(config: VmConfig) -> Vm {
        let mut heap = Heap::new(config.max_memory);
        let mut interner = Interner::default();
        let types = Types::create(&mut heap, &mut interner);
        let names = Names::create(&mut heap, &mut interner);
        let builtins_dict = heap.alloc(Obj::Dict(Box::default()));
        let builtins = heap.alloc(Obj::Module(Box::new(Module {
            name: "builtins".into(),
            dict: builtins_dict,
        })));
        let modules = heap.alloc(Obj::Dict(Box::default()));
        let ellipsis = heap.alloc(Obj::Tuple(Vec::new()));
        let not_implemented = heap.alloc(Obj::Tuple(Vec::new()));
        let empty_tuple = heap.alloc(Obj::Tuple(Vec::new()));
        let mut vm = Vm {
            heap,
            type_cache: Default::default(),
            attr_cache: Default::default(),
            stack: Vec::with_capacity(1024),
            frames: Vec::with_capacity(64),
            types,
            names,
            interner,
            builtins,
            builtin_next: None,
            list_append: None,
            modules,
            sources: HashMap::new(),
            recursion_limit: config.recursion_limit,
            native_depth: 0,
            fuel: i64::MAX,
            fuel_limited: false,
            fuel_reserve: 0,
            deadline: None,
            native_overdraft: 10_000_000,
            sched: crate::vm::sched::Scheduler::default(),
            stdout: Box::new(std::io::stdout()),
            stderr: Box::new(std::io::stderr()),
            search_path: config.search_path,
            argv: config.argv,
            repr_stack: Vec::new(),
            ellipsis,
            not_implemented,
            empty_tuple,
            rng: crate::builtins::random::Mt19937::new(0),
            start_time: std::time::Instant::now(),
            importing: Vec::new(),
            native_modules: HashMap::new(),
            frozen_modules: HashMap::new(),
            int_max_str_digits: 4300,
            max_int_bits: 1 << 24,
            native_classes: HashMap::new(),
            ref_classes: HashMap::new(),
            ref_names: Default::default(),
            native_dict: None,
            handles: crate::native::HandleTable::new(crate::native::next_vm_id()),
            host: crate::native::HostLoans::default(),
            extensions: Vec::new(),
        };
        // The singletons are distinct objects recognised by identity.
        *vm.heap.get_mut(ellipsis) = Obj::Tuple(Vec::new());
        crate::builtins::install(&mut vm);
        let bd = vm.module_dict(vm.builtins);
        let k = vm.intern("next");
        vm.builtin_next = vm.ns_get(bd, k).and_then(|v| v.as_obj());
        let k = vm.intern("append");
        vm.list_append = vm
            .lookup_type_attr(vm.types.list, k)
            .and_then(|v| v.as_obj());
        vm
    }

    // ----- strings and allocation -----

    /// The interned string `s`, if it has been interned (lookups without `&mut self`).
    pub fn interned(&self, s: &str) -> Option<ObjRef> {
        self.interner.get_in(&self.heap, s)
    }

    pub fn intern(&mut self, s: &str) -> ObjRef {
        self.interner.intern(&mut self.heap, s)
    }

    pub fn new_str(&mut self, s: impl crate::object::StrSource) -> Value {
        let p = PyStr::new(s);
        if p.s.len() <= 1 {
            return Value::Obj(self.intern(p.s.as_str()));
        }
        Value::Obj(self.heap.alloc(Obj::Str(p)))
    }

    pub fn new_tuple(&mut self, items: Vec<Value>) -> Value {
        if items.is_empty() {
            return Value::Obj(self.empty_tuple);
        }
        Value::Obj(self.heap.alloc(Obj::Tuple(items)))
    }

    pub fn new_list(&mut self, items: Vec<Value>) -> Value {
        Value::Obj(self.heap.alloc(Obj::List(items)))
    }

    pub fn new_dict(&mut self, d: Dict) -> Value {
        Value::Obj(self.heap.alloc(Obj::Dict(Box::new(d))))
    }

    pub fn ellipsis(&self) -> Value {
        Value::Obj(self.ellipsis)
    }

    pub fn not_implemented(&self) -> Value {
        Value::Obj(self.not_implemented)
    }

    /// Allocate, refusing with MemoryError when the estimate would pass the limit.
    pub fn alloc_checked(&mut self, obj: Obj, extra: usize) -> PyResult<ObjRef> {
        if !self.heap.can_grow(extra) {
            return Err(exc::memory_error(""));
        }
        Ok(self.heap.alloc(obj))
    }

    /// Check that `bytes` more may be used; MemoryError otherwise.
    pub fn reserve(&mut self, bytes: usize) -> PyResult<()> {
        if !self.heap.can_grow(bytes) {
            return Err(exc::memory_error(""));
        }
        self.heap.grew(bytes);
        Ok(())
    }

    /// The text of a str object (panics never: non-str gives "").
    pub fn str_ref(&self, r: ObjRef) -> &str {
        match self.heap.get(r) {
            Obj::Str(s) => &s.s,
            _ => "",
        }
    }

    pub fn as_str(&self, v: Value) -> Option<&str> {
        match v {
            Value::Obj(r) => match self.heap.get(r) {
                Obj::Str(s) => Some(&s.s),
                _ => None,
            },
            _ => None,
        }
    }

    /// A str's text, or its repr for anything else (for messages).
    pub fn str_of_value_lossy(&mut self, v: Value) -> String {
        if let Some(s) = self.as_str(v) {
            return s.to_string();
        }
        if v.is_none() {
            return String::new();
        }
        self.repr_value(v).unwrap_or_default()
    }

    /// Look a key up in a namespace dict by an interned name (identity, then text).
    pub fn dict_get_str(&self, d: &Dict, key: ObjRef) -> Option<Value> {
        self.dict_find_str(d, key).map(|i| d.value_at(i))
    }

    /// The entry index of str key `key` in `d`.
    #[inline]
    pub fn dict_find_str(&self, d: &Dict, key: ObjRef) -> Option<usize> {
        let h = self.str_hash(key);
        d.find(h, |k| match k {
            Value::Obj(r) if r == key => true,
            Value::Obj(r) => {
                matches!(self.heap.get(r), Obj::Str(s) if s.s == self.str_ref(key))
            }
            _ => false,
        })
    }

    pub fn str_hash(&self, r: ObjRef) -> i64 {
        match self.heap.get(r) {
            Obj::Str(s) => {
                if let Some(h) = s.s.cached_hash() {
                    return h;
                }
                let h = ops::hash_str(&s.s);
                s.s.cache_hash(h);
                h
            }
            _ => 0,
        }
    }

    /// Insert into a namespace dict keyed by str.
    /// Set str key `key` in `d`; the entry index it lands at.
    pub fn dict_set_str(d: &mut Dict, heap: &Heap, key: ObjRef, hash: i64, v: Value) -> usize {
        let text = match heap.get(key) {
            Obj::Str(s) => s.s.as_str(),
            _ => "",
        };
        let found = d.find(hash, |k| match k {
            Value::Obj(r) if r == key => true,
            Value::Obj(r) => matches!(heap.get(r), Obj::Str(s) if s.s == text),
            _ => false,
        });
        match found {
            Some(i) => {
                d.set_value_at(i, v);
                i
            }
            None => d.insert_new(hash, Value::Obj(key), v),
        }
    }

    /// Set `name = v` in the namespace dict object `dict`; the entry index it lands at
    /// (None when `dict` is not a dict).
    pub fn ns_set(&mut self, dict: ObjRef, name: ObjRef, v: Value) -> Option<usize> {
        // Replacing a value in place is the common case (attribute stores).
        if let Obj::Dict(d) = self.heap.get(dict) {
            if let Some(i) = self.dict_find_str(d, name) {
                if let Obj::Dict(d) = self.heap.get_mut(dict) {
                    d.set_value_at(i, v);
                }
                return Some(i);
            }
        }
        let h = self.str_hash(name);
        let Obj::Dict(d) = self.heap.get_mut(dict) else {
            return None;
        };
        // The dict is taken out while its keys are compared against the heap's strings.
        let mut taken = std::mem::take(d);
        let i = Vm::dict_set_str(&mut taken, &self.heap, name, h, v);
        if let Obj::Dict(d) = self.heap.get_mut(dict) {
            *d = taken;
        }
        Some(i)
    }

    /// `ns_get` for the instruction at `site`: the entry index found there last time is
    /// tried first (a module-level loop reads and writes the same few names).
    #[inline]
    pub(crate) fn ns_get_at(&self, dict: ObjRef, name: ObjRef, site: usize) -> Option<Value> {
        let Obj::Dict(d) = self.heap.get(dict) else {
            return None;
        };
        if let Some(v) = d.value_if_key_at(self.attr_cache.hint(site), name) {
            return Some(v);
        }
        let i = self.dict_find_str(d, name)?;
        self.attr_cache.set_hint(site, i);
        Some(d.value_at(i))
    }

    /// `ns_set` for the instruction at `site` (see [`Vm::ns_get_at`]).
    #[inline]
    pub(crate) fn ns_set_at(&mut self, dict: ObjRef, name: ObjRef, v: Value, site: usize) {
        let hint = self.attr_cache.hint(site);
        if let Obj::Dict(d) = self.heap.get_mut(dict) {
            if d.value_if_key_at(hint, name).is_some() {
                d.set_value_at(hint, v);
                return;
            }
        }
        if let Some(i) = self.ns_set(dict, name, v) {
            self.attr_cache.set_hint(site, i);
        }
    }

    pub fn ns_get(&self, dict: ObjRef, name: ObjRef) -> Option<Value> {
        match self.heap.get(dict) {
            Obj::Dict(d) => self.dict_get_str(d, name),
            _ => None,
        }
    }

    // ----- builtin registration -----

    pub fn new_native(&mut self, name: &'static str, f: NativeFnPtr) -> Value {
        Value::Obj(self.heap.alloc(Obj::Native(Box::new(NativeFn {
            name: std::borrow::Cow::Borrowed(name),
            imp: NativeImpl::Fn(f),
            owner: None,
            bound: Value::Undef,
            class_method: false,
            static_method: false,
        }))))
    }

    /// Add a method implemented in Rust to a builtin class.
    pub fn add_method(&mut self, class: ObjRef, name: &'static str, f: NativeFnPtr) {
        let n = self.heap.alloc(Obj::Native(Box::new(NativeFn {
            name: std::borrow::Cow::Borrowed(name),
            imp: NativeImpl::Fn(f),
            owner: Some(class),
            bound: Value::Undef,
            class_method: false,
            static_method: false,
        })));
        self.class_set_attr(class, name, Value::Obj(n));
    }

    pub fn add_class_method(
        &mut self,
        class: ObjRef,
        name: &'static str,
        f: NativeFnPtr,
        is_static: bool,
    ) {
        let n = self.heap.alloc(Obj::Native(Box::new(NativeFn {
            name: std::borrow::Cow::Borrowed(name),
            imp: NativeImpl::Fn(f),
            owner: Some(class),
            bound: Value::Undef,
            class_method: !is_static,
            static_method: is_static,
        })));
        self.class_set_attr(class, name, Value::Obj(n));
    }

    pub fn class_set_attr(&mut self, class: ObjRef, name: &str, v: Value) {
        let k = self.intern(name);
        let h = self.str_hash(k);
        if let Obj::Class(c) = self.heap.get_mut(class) {
            let mut d = std::mem::take(&mut c.dict);
            Vm::dict_set_str(&mut d, &self.heap, k, h, v);
            if let Obj::Class(c) = self.heap.get_mut(class) {
                c.dict = d;
                c.version = c.version.wrapping_add(1);
            }
        }
    }

    pub fn set_builtin(&mut self, name: &str, v: Value) {
        let k = self.intern(name);
        let d = self.module_dict(self.builtins);
        self.ns_set(d, k, v);
    }

    pub fn module_dict(&self, m: ObjRef) -> ObjRef {
        match self.heap.get(m) {
            Obj::Module(m) => m.dict,
            _ => m,
        }
    }

    /// Create a module object (not registered in sys.modules).
    pub fn new_module(&mut self, name: &str) -> ObjRef {
        let dict = self.heap.alloc(Obj::Dict(Box::default()));
        let m = self.heap.alloc(Obj::Module(Box::new(Module {
            name: name.to_string(),
            dict,
        })));
        let n = self.new_str(name);
        let k = self.names.__name__;
        self.ns_set(dict, k, n);
        let doc = self.names.__doc__;
        self.ns_set(dict, doc, Value::None);
        m
    }

    pub fn register_module(&mut self, name: &str, m: ObjRef) {
        let k = self.intern(name);
        let h = self.str_hash(k);
        let mods = self.modules;
        if let Obj::Dict(d) = self.heap.get_mut(mods) {
            let mut t = std::mem::take(d);
            Vm::dict_set_str(&mut t, &self.heap, k, h, Value::Obj(m));
            if let Obj::Dict(d) = self.heap.get_mut(mods) {
                *d = t;
            }
        }
    }

    // ----- running code -----

    /// Keep source text for traceback lines. Like CPython's linecache, pseudo-files such as
    /// `<string>` and `<stdin>` get none.
    fn remember_source(&mut self, filename: &str, src: &str) {
        if filename.starts_with('<') && filename.ends_with('>') {
            return;
        }
        self.sources.insert(filename.to_string(), src.to_string());
    }

    /// Parse and compile source text; syntax errors come back as SyntaxError exceptions.
    pub fn compile(&mut self, src: &str, filename: &str, mode: Mode) -> PyResult<Arc<Code>> {
        self.remember_source(filename, src);
        let result = parse_module(src).and_then(|ast| compile_module(self, &ast, filename, mode));
        result.map_err(|e| self.syntax_error_to_exc(e, filename, src))
    }

    /// Compile one expression for `eval` (its code returns the value).
    pub fn compile_eval(&mut self, src: &str, filename: &str) -> PyResult<Arc<Code>> {
        self.remember_source(filename, src);
        // Like CPython: leading spaces and tabs go, and positions count from what is left.
        let trimmed = src.trim_start_matches([' ', '\t']);
        let result = crate::parser::parse_eval(trimmed).and_then(|e| {
            let stmt = crate::ast::Stmt {
                pos: e.pos,
                kind: crate::ast::StmtKind::Expr(e),
            };
            compile_module(self, &[stmt], filename, Mode::Eval)
        });
        result.map_err(|e| {
            // CPython's eval quirks: an error at the very end of a string with no final
            // newline reports offset 0; an unclosed bracket reports end offset 0; `text` is
            // the line without its newline when the string has none there (its last line) or
            // the bracket was never closed.
            let ends_with_newline = trimmed.ends_with('\n');
            let last_line = trimmed.lines().count().max(1) as u32;
            let last_len = trimmed.lines().last().map_or(0, |l| l.len()) as u32;
            let at_end = !ends_with_newline && e.line == last_line && e.col >= last_len;
            let unclosed = e.msg.ends_with("was never closed");
            let bare_text = unclosed || (!ends_with_newline && e.line == last_line);
            let exc = self.syntax_error_to_exc(e, filename, trimmed);
            let PyErr::Obj(r) = &exc else { return exc };
            let Obj::Instance(i) = self.heap.get(*r) else {
                return exc;
            };
            let d = i.dict;
            let set = |vm: &mut Self, name: &str, v: Value| {
                let k = vm.intern(name);
                vm.ns_set(d, k, v);
            };
            if at_end {
                set(self, "offset", Value::Int(0));
            }
            if at_end || unclosed {
                set(self, "end_offset", Value::Int(0));
            }
            let k = self.intern("text");
            if let Some(t) = self.ns_get(d, k).and_then(|t| self.as_str(t)) {
                if bare_text && t.ends_with('\n') {
                    let v = self.new_str(t.trim_end_matches('\n').to_string());
                    set(self, "text", v);
                }
            }
            exc
        })
    }

    fn syntax_error_to_exc(
        &mut self,
        e: crate::parser::SyntaxError,
        filename: &str,
        src: &str,
    ) -> PyErr {
        let kind = match e.kind {
            SyntaxErrorKind::Syntax => ExcKind::SyntaxError,
            SyntaxErrorKind::Indentation => ExcKind::IndentationError,
            SyntaxErrorKind::TooDeep => {
                if e.msg.is_empty() {
                    return PyErr::New(ExcKind::MemoryError, String::new());
                }
                return PyErr::New(ExcKind::RecursionError, e.msg);
            }
        };
        let class = self.exc_class(kind);
        let msg = self.new_str(e.msg.clone());
        let fname = self.new_str(filename);
        let text = src
            .lines()
            .nth(e.line.saturating_sub(1) as usize)
            .map(|l| format!("{l}\n"));
        let text_v = match text {
            Some(t) => self.new_str(t),
            None => Value::None,
        };
        let detail = self.new_tuple(vec![
            fname,
            Value::Int(e.line as i64),
            Value::Int(e.col as i64 + 1),
            text_v,
            Value::Int(e.end_line as i64),
            Value::Int(e.end_col as i64 + 1),
        ]);
        let args = self.new_tuple(vec![msg, detail]);
        let obj = self.new_exception_obj(class, args);
        for (name, v) in [
            ("msg", msg),
            ("filename", fname),
            ("lineno", Value::Int(e.line as i64)),
            ("offset", Value::Int(e.col as i64 + 1)),
            ("text", text_v),
            ("end_lineno", Value::Int(e.end_line as i64)),
            (
                "end_offset",
                Value::Int(if e.end_line == e.line {
                    e.end_col as i64 + 1
                } else {
                    0
                }),
            ),
        ] {
            let _ = self.set_attr(Value::Obj(obj), name, v);
        }
        PyErr::Obj(obj)
    }

    /// Run a module's source as `__main__` (or as the named module).
    pub fn run_source(&mut self, src: &str, filename: &str, module_name: &str) -> PyResult<ObjRef> {
        let code = self.compile(src, filename, Mode::Exec)?;
        let module = self.new_file_module(module_name, filename);
        let dict = self.module_dict(module);
        self.register_module(module_name, module);
        self.run_code(code, dict, None)?;
        Ok(module)
    }

    /// Run a compiled module body in `globals` (and `locals`, for class-like namespaces).
    pub fn run_code(
        &mut self,
        code: Arc<Code>,
        globals: ObjRef,
        locals: Option<ObjRef>,
    ) -> PyResult<Value> {
        match self.start_code(code, globals, locals)? {
            RunState::Done(v) => Ok(v),
            RunState::Suspended => Err(PyErr::New(
                ExcKind::RuntimeError,
                "script ran out of fuel".into(),
            )),
        }
    }

    /// Start running a code object with the current fuel setting; may suspend.
    pub fn start_code(
        &mut self,
        code: Arc<Code>,
        globals: ObjRef,
        locals: Option<ObjRef>,
    ) -> PyResult<RunState> {
        let base = self.stack.len();
        let n = code.nlocals() + code.ncells();
        for _ in 0..n {
            self.stack.push(Value::Undef);
        }
        let locals = locals.or(if code.flags.uses_namespace {
            Some(globals)
        } else {
            None
        });
        self.frames.push(Frame {
            code: FrameCode::owned(code),
            ip: 0,
            base,
            globals,
            locals,
            blocks: Vec::new(),
            exc: Value::None,
            func: None,
            init_self: None,
            boundary: true,
            callable_below: false,
            generator: None,
            saved_stack: Vec::new(),
        });
        self.run_frames()
    }

    /// Continue after [`RunState::Suspended`].
    pub fn resume(&mut self) -> PyResult<RunState> {
        if self.frames.is_empty() {
            return Ok(RunState::Done(Value::None));
        }
        self.run_frames()
    }

    /// A budget of fuel and/or wall-clock time for the next run. Fuel is handed out in chunks
    /// of [`FUEL_CHUNK`] so the deadline is checked every few thousand instructions.
    pub fn set_budget(&mut self, fuel: Option<u64>, deadline: Option<std::time::Instant>) {
        self.deadline = deadline;
        match (fuel, deadline) {
            (None, None) => self.set_fuel(None),
            (f, _) => {
                let total = f.unwrap_or(u64::MAX >> 2).min(i64::MAX as u64 >> 1) as i64;
                let first = total.min(FUEL_CHUNK);
                self.fuel = first;
                self.fuel_reserve = total - first;
                self.fuel_limited = true;
            }
        }
    }

    /// Fuel left in the current budget (chunk plus reserve).
    pub fn fuel_left(&self) -> i64 {
        self.fuel.max(0) + self.fuel_reserve
    }

    /// Give the VM a fuel budget (instructions, counted at calls and backward jumps).
    pub fn set_fuel(&mut self, fuel: Option<u64>) {
        self.fuel_reserve = 0;
        self.deadline = None;
        match fuel {
            Some(f) => {
                self.fuel = f.min(i64::MAX as u64) as i64;
                self.fuel_limited = true;
            }
            None => {
                self.fuel = i64::MAX;
                self.fuel_limited = false;
            }
        }
    }

    /// Drop any suspended frames (after an abandoned run).
    pub fn reset_frames(&mut self) {
        self.frames.clear();
        self.stack.clear();
    }

    /// Turn an error into a host-facing report with the CPython-style traceback.
    pub fn error_report(&mut self, e: PyErr) -> ScriptError {
        let r = self.materialize(e);
        let traceback = self.format_traceback(r);
        let cls = self.class_of(Value::Obj(r));
        let type_name = self.class_name(cls);
        let message = self.str_value(Value::Obj(r)).unwrap_or_default();
        ScriptError {
            type_name,
            message,
            traceback,
        }
    }

    pub fn class_name(&self, cls: ObjRef) -> String {
        match self.heap.get(cls) {
            Obj::Class(c) => c.name.clone(),
            _ => "?".into(),
        }
    }

    /// Write to the script's stdout.
    pub fn write_out(&mut self, s: &str) {
        let _ = self.stdout.write_all(s.as_bytes());
    }

    /// Write to the script's stderr (flushing stdout first keeps the two in order).
    pub fn write_err(&mut self, s: &str) {
        let _ = self.stdout.flush();
        let _ = self.stderr.write_all(s.as_bytes());
        let _ = self.stderr.flush();
    }

    // ----- garbage collection -----

    /// Collect everything now. Only valid where every live value is reachable from the VM's
    /// roots.
    pub fn collect_garbage(&mut self) {
        self.heap.force_major = true;
        self.collect_some_garbage();
    }

    /// A collection at a safe point: of the young objects only, unless the heap has grown past
    /// its major threshold (see [`crate::heap`]).
    pub(crate) fn collect_some_garbage(&mut self) {
        let started = std::time::Instant::now();
        let mut roots: Vec<ObjRef> = Vec::with_capacity(self.stack.len() + 64);
        for v in &self.stack {
            if let Value::Obj(r) = v {
                roots.push(*r);
            }
        }
        for f in &self.frames {
            f.trace(&mut roots);
        }
        self.handles.drain_released();
        self.handles.trace(&mut roots);
        roots.extend(self.native_classes.values().copied());
        roots.extend(self.ref_classes.values().copied());
        roots.extend(self.native_dict);
        roots.extend(self.types.all());
        roots.push(self.builtins);
        roots.push(self.modules);
        roots.push(self.ellipsis);
        roots.push(self.not_implemented);
        roots.push(self.empty_tuple);
        roots.extend(self.interner.all());
        roots.extend(self.repr_stack.iter().copied());
        self.sched.trace(&mut roots);
        self.heap.collect(roots);
        self.heap.gc_time += started.elapsed();
    }
}

impl Default for Vm {
    fn default() -> Self {
        Vm::new()
    }
}

// A VM moves between threads with its whole heap; nothing in it is shared.
#[allow(dead_code)]
fn assert_send() {
    fn is_send<T: Send>() {}
    is_send::<Vm>();
}
