//! Heap objects: every value that is not immediate lives in the VM's heap as an [`Obj`].

use crate::code::Code;
use crate::types::dict::Dict;
use crate::types::set::Set;
use crate::value::{ObjRef, Triple, Value};
use crate::vm::frame::Frame;
use crate::vm::Vm;
use num_bigint::BigInt;
use smallvec::SmallVec;
use std::sync::Arc;

pub type PyResult<T> = Result<T, crate::vm::exc::PyErr>;

/// A native function: receives the VM and its arguments.
pub type NativeFnPtr = fn(&mut Vm, Args) -> PyResult<Value>;

/// A host closure registered as a script callable.
pub type NativeClosure = Arc<dyn NativeCallable>;

/// A native of one argument as a plain function, with a word of data saying what it is for
/// (which field, which method): called without an argument vector, binding or conversions.
/// The attribute cache calls field getters of this kind straight from `LOAD_ATTR` (see
/// [`Vm::field_property`]).
pub type RawFn1 = fn(&mut Vm, Value, u64) -> PyResult<Value>;
/// As [`RawFn1`], with two arguments: a field setter (object, value) or a method with one
/// argument besides its receiver.
pub type RawFn2 = fn(&mut Vm, Value, Value, u64) -> PyResult<Value>;

/// What a native closure does when called. Plain `Fn(&mut Vm, Args)` closures are callables;
/// typed Rust functions (`Vm::native_fn`, native class methods) also take their positional
/// arguments straight from a slice, so a call from the eval loop or a property access builds
/// no [`Args`] and binds nothing.
pub trait NativeCallable: Send + Sync {
    fn call(&self, vm: &mut Vm, args: Args) -> PyResult<Value>;

    /// A call with positional arguments only.
    fn call_pos(&self, vm: &mut Vm, pos: &[Value]) -> PyResult<Value> {
        self.call(vm, Args::new(pos))
    }
}

impl<F: Fn(&mut Vm, Args) -> PyResult<Value> + Send + Sync> NativeCallable for F {
    fn call(&self, vm: &mut Vm, args: Args) -> PyResult<Value> {
        self(vm, args)
    }
}

/// Arguments of a native call: positional values and keyword pairs.
#[derive(Default, Debug)]
pub struct Args {
    pub pos: smallvec::SmallVec<[Value; 4]>,
    pub kw: Vec<(ObjRef, Value)>,
}

impl Args {
    pub fn new(pos: &[Value]) -> Self {
        Args {
            pos: pos.iter().copied().collect(),
            kw: Vec::new(),
        }
    }

    pub fn len(&self) -> usize {
        self.pos.len()
    }

    pub fn is_empty(&self) -> bool {
        self.pos.is_empty()
    }
}

/// A Python `str`. Its hash is computed lazily and cached (see [`crate::types::text::Text`]).
#[derive(Debug)]
pub struct PyStr {
    /// The text, its char count and its cached hash.
    pub s: crate::types::text::Text,
}

/// Text a new `str` can be made from: a borrowed `&str` is copied once (into the inline
/// buffer when short), an owned `String` is kept. Going through `Into<String>` made a short
/// string from a `&str` pay a malloc and a free for nothing.
pub trait StrSource {
    fn into_text(self) -> crate::types::text::Text;
}

impl StrSource for String {
    fn into_text(self) -> crate::types::text::Text {
        crate::types::text::Text::from_string(self)
    }
}

impl StrSource for &str {
    fn into_text(self) -> crate::types::text::Text {
        crate::types::text::Text::new(self)
    }
}

impl StrSource for crate::types::text::Text {
    fn into_text(self) -> crate::types::text::Text {
        self
    }
}

impl PyStr {
    pub fn new(s: impl StrSource) -> Self {
        PyStr { s: s.into_text() }
    }

    /// Number of chars (`len(s)`).
    #[inline]
    pub fn char_count(&self) -> usize {
        self.s.char_count()
    }

    /// ASCII text: the char count equals the byte length (O(1) indexing).
    pub fn is_ascii(&self) -> bool {
        self.s.char_count() == self.s.len()
    }
}

pub enum NativeImpl {
    Fn(NativeFnPtr),
    Closure(NativeClosure),
    /// Exactly one argument, no keywords.
    Raw1(RawFn1, u64),
    /// Exactly two arguments, no keywords.
    Raw2(RawFn2, u64),
}

impl std::fmt::Debug for NativeImpl {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self {
            NativeImpl::Fn(_) => f.write_str("<native fn>"),
            NativeImpl::Closure(_) => f.write_str("<native closure>"),
            NativeImpl::Raw1(..) | NativeImpl::Raw2(..) => f.write_str("<native raw fn>"),
        }
    }
}

#[derive(Debug)]
pub struct NativeFn {
    pub name: std::borrow::Cow<'static, str>,
    pub imp: NativeImpl,
    /// For methods of builtin types: the owning class (for repr and descriptor checks).
    pub owner: Option<ObjRef>,
    /// Bound receiver for module-level natives made from methods (e.g. `random.random`).
    pub bound: Value,
    /// A classmethod-like native (`dict.fromkeys`): receives the class as first argument.
    pub class_method: bool,
    /// A static native in a class dict (no receiver).
    pub static_method: bool,
}

#[derive(Debug)]
pub struct Function {
    pub code: Arc<Code>,
    pub code_ref: ObjRef,
    pub globals: ObjRef,
    pub name: String,
    pub qualname: String,
    pub module: Value,
    pub defaults: Vec<Value>,
    pub kwdefaults: Vec<(ObjRef, Value)>,
    pub closure: Vec<ObjRef>,
    pub dict: Option<ObjRef>,
    pub doc: Value,
}

/// Which builtin type a class is (or derives its instances' layout from).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum TypeKind {
    Object,
    Type,
    NoneType,
    Bool,
    Int,
    Float,
    Complex,
    Str,
    Bytes,
    ByteArray,
    List,
    Tuple,
    Dict,
    Set,
    FrozenSet,
    Range,
    Slice,
    Function,
    BuiltinFunction,
    Method,
    Module,
    Cell,
    Code,
    Generator,
    Coroutine,
    Iterator,
    Property,
    StaticMethod,
    ClassMethod,
    Super,
    Exception,
    NotImplementedType,
    Ellipsis,
    DictKeys,
    DictValues,
    DictItems,
    /// A user-defined class (its instances are [`Instance`]s).
    User,
}

#[derive(Debug)]
pub struct Class {
    pub name: String,
    pub qualname: String,
    pub module: Value,
    pub bases: Vec<ObjRef>,
    pub mro: Vec<ObjRef>,
    pub dict: Dict,
    /// The builtin layout instances have (Object for plain user classes).
    pub kind: TypeKind,
    pub builtin: bool,
    pub metaclass: Option<ObjRef>,
    /// Bumped on every change to this class's dict or any base's: the key for inline caches.
    pub version: u32,
    pub is_exception: bool,
    /// Some class in the MRO defines `__getattribute__` in Python (slow path for lookups).
    pub custom_getattribute: bool,
    /// With `__slots__` all the way up (and no `__dict__` slot): the only instance attribute
    /// names that may be set. None: instances have a free `__dict__`.
    pub slot_names: Option<Vec<String>>,
}

/// Exception state carried by exception instances.
#[derive(Debug)]
pub struct ExcData {
    pub args: Value,
    /// Innermost frame first: (code, instruction index). Two entries inline: most exceptions
    /// are caught a frame or two from where they were raised, and this saves an allocation.
    pub traceback: SmallVec<[(Arc<Code>, u32); 2]>,
    pub cause: Value,
    pub context: Value,
    pub suppress_context: bool,
    pub notes: Value,
    /// Context for suggestions: the globals of a NameError's frame, an AttributeError's object.
    pub extra: Value,
}

#[derive(Debug)]
pub struct Instance {
    pub class: ObjRef,
    /// The instance's `__dict__` (a heap dict, so `obj.__dict__` is live).
    pub dict: ObjRef,
    pub exc: Option<Box<ExcData>>,
    /// For instances of subclasses of builtin types: the builtin value they wrap.
    pub base: Value,
    /// For instances of host-defined native types: the Rust value (see `crate::native`).
    /// Boxed twice so the pointer is thin: a wider `Instance` measurably slowed task resumes
    /// (100k tasks: their objects spread over more cache lines).
    pub native: Option<Box<Box<dyn crate::native::NativeData>>>,
}

#[derive(Debug)]
pub struct Module {
    pub name: String,
    pub dict: ObjRef,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum GenState {
    Created,
    Suspended,
    Running,
    Finished,
}

#[derive(Debug)]
pub struct Generator {
    pub frame: Option<Frame>,
    pub state: GenState,
    /// The generator function: its `__name__` and `__qualname__` are the generator's (a
    /// handle, not two strings: a game may keep tens of thousands of generators alive).
    pub func: ObjRef,
    pub coroutine: bool,
    /// Made by a `types.coroutine` generator function: `await` accepts it.
    pub iterable_coroutine: bool,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum DictView {
    Keys,
    Values,
    Items,
}

/// A `property` descriptor.
#[derive(Debug, Clone, Copy)]
pub struct Property {
    pub fget: Value,
    pub fset: Value,
    pub fdel: Value,
    pub doc: Value,
    pub name: Value,
}

/// A `range` iterator past the i64 fast path.
#[derive(Debug)]
pub struct BigRange {
    pub cur: BigInt,
    pub stop: BigInt,
    pub step: BigInt,
}

/// `enumerate(it, n)`: the next item is numbered `n`.
#[derive(Debug)]
pub struct EnumerateIter {
    pub it: Value,
    pub n: Value,
}

/// `map(func, *its)`
#[derive(Debug)]
pub struct MapIter {
    pub func: Value,
    pub its: Vec<Value>,
}

/// `filter(func, it)`, or `itertools.filterfalse` when `negate`.
#[derive(Debug)]
pub struct FilterIter {
    pub func: Value,
    pub it: Value,
    pub negate: bool,
}

/// `iter(func, sentinel)`
#[derive(Debug)]
pub struct CallableIter {
    pub func: Value,
    pub sentinel: Value,
}

/// Iterator objects of builtin types. At most 32 bytes (a heap slot's payload): bigger
/// states are boxed.
#[derive(Debug)]
pub enum IterKind {
    Seq {
        seq: ObjRef,
        idx: usize,
    },
    Str {
        s: ObjRef,
        byte: usize,
    },
    Bytes {
        b: ObjRef,
        idx: usize,
    },
    Range {
        cur: i64,
        stop: i64,
        step: i64,
    },
    /// Out of line: three big ints would triple the size of every iterator (and heap slot).
    BigRange(Box<BigRange>),
    Dict {
        dict: ObjRef,
        idx: usize,
        view: DictView,
        len: usize,
    },
    Set {
        set: ObjRef,
        idx: usize,
        len: usize,
    },
    Enumerate(Box<EnumerateIter>),
    Zip {
        its: Vec<Value>,
        strict: bool,
    },
    Map(Box<MapIter>),
    Filter(Box<FilterIter>),
    Reversed {
        seq: ObjRef,
        idx: usize,
    },
    /// `iter(callable, sentinel)`
    Callable(Box<CallableIter>),
    /// The old sequence protocol: `__getitem__` with 0, 1, 2, ... until IndexError.
    GetItem {
        obj: Value,
        idx: i64,
    },
    /// Any native state (itertools and friends).
    Native(Box<dyn NativeIter>),
    Exhausted,
}

/// A native iterator's state; `next` may call back into the VM.
pub trait NativeIter: std::fmt::Debug + Send {
    fn next(&mut self, vm: &mut Vm) -> PyResult<Option<Value>>;
    fn trace(&self, out: &mut Vec<ObjRef>);
    fn type_name(&self) -> &'static str;
}

/// Opaque host data attached to a native object.
pub trait HostData: std::any::Any + Send + std::fmt::Debug {
    fn as_any(&self) -> &dyn std::any::Any;
    fn as_any_mut(&mut self) -> &mut dyn std::any::Any;
    fn trace(&self, _out: &mut Vec<ObjRef>) {}
}

#[derive(Debug)]
pub enum Obj {
    Str(PyStr),
    Bytes(Vec<u8>),
    ByteArray(Vec<u8>),
    BigInt(BigInt),
    Complex(f64, f64),
    List(Vec<Value>),
    Tuple(Vec<Value>),
    Dict(Box<Dict>),
    Set(Box<Set>),
    FrozenSet(Box<Set>),
    /// `[start, stop, step]`
    Range(Triple),
    /// `[start, stop, step]`
    Slice(Triple),
    Code(Arc<Code>),
    Function(Box<Function>),
    Native(Box<NativeFn>),
    BoundMethod {
        receiver: Value,
        func: Value,
    },
    Class(Box<Class>),
    Instance(Box<Instance>),
    Module(Box<Module>),
    Cell(Value),
    Generator(Box<Generator>),
    Iter(IterKind),
    Property(Box<Property>),
    StaticMethod(Value),
    ClassMethod(Value),
    Super {
        class: ObjRef,
        obj: Value,
    },
    DictView(ObjRef, DictView),
    Host(Box<dyn HostData>),
}

impl Obj {
    /// Push every handle this object refers to.
    /// Holds no references to other objects (the collector need not look inside).
    #[inline]
    pub fn is_leaf(&self) -> bool {
        matches!(
            self,
            Obj::Str(_) | Obj::Bytes(_) | Obj::ByteArray(_) | Obj::BigInt(_) | Obj::Complex(..)
        )
    }

    pub fn trace(&self, out: &mut Vec<ObjRef>) {
        fn v(out: &mut Vec<ObjRef>, x: Value) {
            if let Value::Obj(r) = x {
                out.push(r);
            }
        }
        match self {
            Obj::Str(_) | Obj::Bytes(_) | Obj::ByteArray(_) | Obj::BigInt(_) | Obj::Complex(..) => {
            }
            Obj::List(xs) | Obj::Tuple(xs) => xs.iter().for_each(|&x| v(out, x)),
            Obj::Dict(d) => d.trace(out),
            Obj::Set(s) | Obj::FrozenSet(s) => s.trace(out),
            Obj::Range(parts) | Obj::Slice(parts) => {
                parts.get().into_iter().for_each(|x| v(out, x))
            }
            Obj::Code(c) => trace_code(c, out),
            Obj::Function(f) => {
                out.push(f.code_ref);
                out.push(f.globals);
                v(out, f.module);
                v(out, f.doc);
                f.defaults.iter().for_each(|&x| v(out, x));
                for &(k, x) in &f.kwdefaults {
                    out.push(k);
                    v(out, x);
                }
                out.extend(f.closure.iter().copied());
                if let Some(d) = f.dict {
                    out.push(d);
                }
            }
            Obj::Native(n) => {
                if let Some(o) = n.owner {
                    out.push(o);
                }
                v(out, n.bound);
            }
            Obj::BoundMethod { receiver, func } => {
                v(out, *receiver);
                v(out, *func);
            }
            Obj::Class(c) => {
                out.extend(c.bases.iter().copied());
                out.extend(c.mro.iter().copied());
                c.dict.trace(out);
                v(out, c.module);
                if let Some(m) = c.metaclass {
                    out.push(m);
                }
            }
            Obj::Instance(i) => {
                out.push(i.class);
                out.push(i.dict);
                v(out, i.base);
                if let Some(n) = &i.native {
                    n.trace(out);
                }
                if let Some(e) = &i.exc {
                    v(out, e.args);
                    v(out, e.cause);
                    v(out, e.context);
                    v(out, e.notes);
                    v(out, e.extra);
                    for (c, _) in &e.traceback {
                        trace_code(c, out);
                    }
                }
            }
            Obj::Module(m) => out.push(m.dict),
            Obj::Cell(x) | Obj::StaticMethod(x) | Obj::ClassMethod(x) => v(out, *x),
            Obj::Generator(g) => {
                if let Some(f) = &g.frame {
                    f.trace(out);
                }
                out.push(g.func);
            }
            Obj::Iter(it) => match it {
                IterKind::Seq { seq, .. } | IterKind::Reversed { seq, .. } => out.push(*seq),
                IterKind::Str { s, .. } => out.push(*s),
                IterKind::Bytes { b, .. } => out.push(*b),
                IterKind::Range { .. } | IterKind::BigRange(_) | IterKind::Exhausted => {}
                IterKind::Dict { dict, .. } => out.push(*dict),
                IterKind::Set { set, .. } => out.push(*set),
                IterKind::Enumerate(e) => {
                    v(out, e.it);
                    v(out, e.n);
                }
                IterKind::Zip { its, .. } => its.iter().for_each(|&x| v(out, x)),
                IterKind::Map(m) => {
                    v(out, m.func);
                    m.its.iter().for_each(|&x| v(out, x));
                }
                IterKind::Filter(f) => {
                    v(out, f.func);
                    v(out, f.it);
                }
                IterKind::Callable(c) => {
                    v(out, c.func);
                    v(out, c.sentinel);
                }
                IterKind::GetItem { obj, .. } => v(out, *obj),
                IterKind::Native(n) => n.trace(out),
            },
            Obj::Property(p) => {
                let Property {
                    fget,
                    fset,
                    fdel,
                    doc,
                    name,
                } = &**p;
                v(out, *name);
                v(out, *fget);
                v(out, *fset);
                v(out, *fdel);
                v(out, *doc);
            }
            Obj::Super { class, obj } => {
                out.push(*class);
                v(out, *obj);
            }
            Obj::DictView(d, _) => out.push(*d),
            Obj::Host(h) => h.trace(out),
        }
    }

    /// A rough size in bytes, for the memory limit.
    pub fn size_estimate(&self) -> usize {
        let base = std::mem::size_of::<Obj>() + 16;
        base + match self {
            Obj::Str(s) => s.s.heap_bytes(),
            Obj::Bytes(b) | Obj::ByteArray(b) => b.capacity(),
            Obj::BigInt(b) => (b.bits() as usize) / 8,
            Obj::List(xs) | Obj::Tuple(xs) => xs.capacity() * 16,
            Obj::Dict(d) => d.size_estimate(),
            Obj::Set(s) | Obj::FrozenSet(s) => s.size_estimate(),
            Obj::Function(_) => 160,
            Obj::Class(c) => 200 + c.dict.size_estimate(),
            Obj::Instance(_) => 64,
            Obj::Generator(g) => 128 + g.frame.as_ref().map_or(0, |f| f.saved_stack.len() * 16),
            _ => 0,
        }
    }
}

pub fn trace_code(c: &Code, out: &mut Vec<ObjRef>) {
    for &k in &c.consts {
        if let Value::Obj(r) = k {
            out.push(r);
        }
    }
    out.extend(c.names.iter().copied());
}

// A heap slot is an `Option<Obj>`: every payload is at most 32 bytes (bigger states are
// boxed), so a slot is 40 bytes.
const _: () = assert!(std::mem::size_of::<Obj>() == 40);
const _: () = assert!(std::mem::size_of::<Option<Obj>>() == 40);

// A generator's box (with its `Frame`) stays within a 144-byte malloc chunk: tens of thousands
// of live generators are a game's coroutines.
const _: () = assert!(std::mem::size_of::<Generator>() <= 136);
