//! Reference types: script objects whose attributes live in the host.
//!
//! A reference is a target id (an entity, a component slot: the host decides) plus a path of
//! attribute names and indices. Reading `t.translation.x` asks the host's [`RefHandler`] for
//! `["translation", "x"]`; `t.translation.x += 1` reads that path, then writes it back through
//! the handler. Intermediate places (`t.translation`) are references again, so writes through
//! them reach the host too.

use super::convert::native_ref;
use super::NativeType;
use crate::object::Args;
use crate::value::{ObjRef, Value};
use crate::vm::exc;
use crate::vm::{PyResult, Vm};
use smallvec::SmallVec;
use std::sync::Arc;

/// One step of a reference's path.
#[derive(Debug, Clone, PartialEq, Eq, Hash)]
pub enum PathSeg {
    Attr(Arc<str>),
    Index(i64),
}

/// What reading a path gives.
pub enum RefRead {
    /// A plain value (a number, a string, a copied struct).
    Value(Value),
    /// A place with fields of its own: the script gets a deeper reference.
    Place,
}

/// The host's side of a reference type.
pub trait RefHandler: Send + Sync + 'static {
    /// The class name scripts see (`type(t).__name__`).
    fn type_name(&self) -> &str;
    /// Read `path` of `target`. Unknown names should raise AttributeError.
    fn get(&self, vm: &mut Vm, target: u64, path: &[PathSeg]) -> PyResult<RefRead>;
    /// Read field number `index` of the struct at the root of `target`: the fast path of typed
    /// fields a host installs on the reference class (see [`Vm::field_property`]). None: not
    /// supported here, so the caller reads the field by name through [`RefHandler::get`].
    fn get_field(&self, _vm: &mut Vm, _target: u64, _index: usize) -> Option<PyResult<RefRead>> {
        None
    }
    /// Write `value` at `path` of `target`.
    fn set(&self, vm: &mut Vm, target: u64, path: &[PathSeg], value: Value) -> PyResult<()>;
    /// `len(ref)`: how many items the place at `path` has.
    fn len(&self, _vm: &mut Vm, _target: u64, _path: &[PathSeg]) -> PyResult<usize> {
        Err(exc::type_error(format!(
            "object of type '{}' has no len()",
            self.type_name()
        )))
    }
    /// For iteration: the keys of a map-like place (None: iterate items `0..len`).
    fn keys(&self, _vm: &mut Vm, _target: u64, _path: &[PathSeg]) -> PyResult<Option<Vec<Value>>> {
        Ok(None)
    }
    /// `repr(ref)`.
    fn repr(&self, _vm: &mut Vm, target: u64, path: &[PathSeg]) -> PyResult<String> {
        let p: Vec<String> = path
            .iter()
            .map(|s| match s {
                PathSeg::Attr(a) => format!(".{a}"),
                PathSeg::Index(i) => format!("[{i}]"),
            })
            .collect();
        Ok(format!("<{} ref {target}{}>", self.type_name(), p.concat()))
    }
}

/// The Rust value inside a reference object.
#[derive(Clone)]
pub struct HostRef {
    pub handler: Arc<dyn RefHandler>,
    pub target: u64,
    pub path: SmallVec<[PathSeg; 4]>,
}

impl NativeType for HostRef {
    const NAME: &'static str = "HostRef";
}

fn this_ref(vm: &Vm, args: &Args) -> PyResult<HostRef> {
    match args.pos.first() {
        Some(Value::Obj(r)) => native_ref::<HostRef>(vm, *r)
            .cloned()
            .ok_or_else(|| exc::type_error("not a host reference")),
        _ => Err(exc::type_error("not a host reference")),
    }
}

fn seg_of(vm: &mut Vm, key: Value) -> PyResult<PathSeg> {
    if let Some(s) = vm.as_str(key) {
        return Ok(PathSeg::Attr(s.into()));
    }
    Ok(PathSeg::Index(vm.index_value(key)?))
}

fn read(vm: &mut Vm, args: &Args) -> PyResult<Value> {
    let mut r = this_ref(vm, args)?;
    let key = args.pos.get(1).copied().unwrap_or(Value::None);
    r.path.push(seg_of(vm, key)?);
    vm.host_ref_read(r.handler, r.target, r.path)
}

fn write(vm: &mut Vm, args: &Args) -> PyResult<Value> {
    let mut r = this_ref(vm, args)?;
    let key = args.pos.get(1).copied().unwrap_or(Value::None);
    let value = args.pos.get(2).copied().unwrap_or(Value::None);
    r.path.push(seg_of(vm, key)?);
    r.handler.set(vm, r.target, &r.path, value)?;
    Ok(Value::None)
}

/// `iter(ref)`: a map's keys, or the items `0..len` (read now: places stay live references).
fn iterate(vm: &mut Vm, args: &Args) -> PyResult<Value> {
    let r = this_ref(vm, args)?;
    let items = match r.handler.keys(vm, r.target, &r.path)? {
        Some(keys) => keys,
        None => {
            let n = r.handler.len(vm, r.target, &r.path)?;
            let mut out = Vec::with_capacity(n);
            for i in 0..n {
                let mut path = r.path.clone();
                path.push(PathSeg::Index(i as i64));
                out.push(vm.host_ref_read(r.handler.clone(), r.target, path)?);
            }
            out
        }
    };
    let list = vm.new_list(items);
    vm.get_iter(list)
}

/// Names as `Arc<str>` for path segments, by heap slot: a reference access would otherwise
/// allocate its segment's text every time. Direct-mapped; an entry counts only while its slot
/// still holds the same text (a collected name's slot may be reused).
type NameSlot = Option<(ObjRef, Arc<str>)>;
pub(crate) struct RefNames(Box<[NameSlot; 64]>);

impl Default for RefNames {
    fn default() -> Self {
        RefNames(Box::new(std::array::from_fn(|_| None)))
    }
}

impl Vm {
    /// The text of `name` as a path segment.
    fn ref_name(&mut self, name: ObjRef) -> PathSeg {
        let slot = name.index() % 64;
        let text = self.str_ref(name);
        if let Some((r, a)) = &self.ref_names.0[slot] {
            if *r == name && **a == *text {
                return PathSeg::Attr(a.clone());
            }
        }
        let a: Arc<str> = text.into();
        self.ref_names.0[slot] = Some((name, a.clone()));
        PathSeg::Attr(a)
    }

    /// `obj.name` on a reference object, straight to its handler: what the class's
    /// `__getattr__` would do, without the method lookup and call. None when `r` is not a
    /// reference or `name` is a dunder (those are the class's own).
    pub(crate) fn host_ref_get(&mut self, r: ObjRef, name: ObjRef) -> Option<PyResult<Value>> {
        let mut h = native_ref::<HostRef>(self, r)?.clone();
        if self.str_ref(name).starts_with("__") {
            return None;
        }
        let seg = self.ref_name(name);
        h.path.push(seg);
        Some(self.host_ref_read(h.handler, h.target, h.path))
    }

    /// Read `path` of `target` through `handler`: the value there, or (for a place with
    /// fields of its own) a reference to it.
    pub fn host_ref_read(
        &mut self,
        handler: Arc<dyn RefHandler>,
        target: u64,
        path: SmallVec<[PathSeg; 4]>,
    ) -> PyResult<Value> {
        match handler.get(self, target, &path)? {
            RefRead::Value(v) => Ok(v),
            RefRead::Place => self.new_host_ref(handler, target, path),
        }
    }

    /// `obj.name = value` on a reference object, straight to its handler (see
    /// [`Vm::host_ref_get`]).
    pub(crate) fn host_ref_set(
        &mut self,
        r: ObjRef,
        name: ObjRef,
        value: Value,
    ) -> Option<PyResult<()>> {
        let mut h = native_ref::<HostRef>(self, r)?.clone();
        if self.str_ref(name).starts_with("__") {
            return None;
        }
        let seg = self.ref_name(name);
        h.path.push(seg);
        Some(h.handler.set(self, h.target, &h.path, value))
    }

    /// A reference to `target` at `path`, whose reads and writes go to `handler`.
    pub fn new_host_ref(
        &mut self,
        handler: Arc<dyn RefHandler>,
        target: u64,
        path: SmallVec<[PathSeg; 4]>,
    ) -> PyResult<Value> {
        let cls = self.ref_class(handler.type_name())?;
        let data = HostRef {
            handler,
            target,
            path,
        };
        Ok(Value::Obj(self.alloc_native(cls, Box::new(data))))
    }

    /// The class of reference objects named `name` (one per name per VM, made on first use),
    /// for hosts that add typed fields to it (see [`Vm::field_property`]).
    pub fn host_ref_class(&mut self, name: &str) -> PyResult<ObjRef> {
        self.ref_class(name)
    }

    /// The class of reference objects named `name` (one per name, made on first use).
    fn ref_class(&mut self, name: &str) -> PyResult<ObjRef> {
        if let Some(&c) = self.ref_classes.get(name) {
            return Ok(c);
        }
        let natives: [(&str, crate::object::NativeClosure); 7] = [
            (
                "__len__",
                Arc::new(|vm: &mut Vm, a: Args| {
                    let r = this_ref(vm, &a)?;
                    let n = r.handler.len(vm, r.target, &r.path)?;
                    Ok(Value::Int(n as i64))
                }),
            ),
            ("__iter__", Arc::new(|vm: &mut Vm, a: Args| iterate(vm, &a))),
            ("__getattr__", Arc::new(|vm: &mut Vm, a: Args| read(vm, &a))),
            ("__getitem__", Arc::new(|vm: &mut Vm, a: Args| read(vm, &a))),
            (
                "__setattr__",
                Arc::new(|vm: &mut Vm, a: Args| write(vm, &a)),
            ),
            (
                "__setitem__",
                Arc::new(|vm: &mut Vm, a: Args| write(vm, &a)),
            ),
            (
                "__repr__",
                Arc::new(|vm: &mut Vm, a: Args| {
                    let r = this_ref(vm, &a)?;
                    let s = r.handler.repr(vm, r.target, &r.path)?;
                    Ok(vm.new_str(s))
                }),
            ),
        ];
        let entries = natives
            .into_iter()
            .map(|(n, c)| (n.to_string(), self.native_closure(n, c)))
            .collect();
        let cls = self.new_native_class(name, entries)?;
        self.ref_classes.insert(name.to_string(), cls);
        Ok(cls)
    }
}
