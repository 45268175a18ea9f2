//! Attributes: types of values, MRO lookup, descriptors, `getattr`/`setattr`/`delattr`,
//! method loading without a bound-method allocation, and class creation (C3 MRO).

use crate::object::{Class, DictView, IterKind, Obj, TypeKind};
use crate::types::dict::Dict;
use crate::value::{ObjRef, Value};
use crate::vm::attr_cache::{Entry, Kind};
use crate::vm::exc::{self, ExcKind, PyErr};
use crate::vm::{PyResult, Vm};

/// What [`Vm::load_attr_fast`] found.
pub(crate) enum FastAttr {
    Value(Value),
    /// Call this property getter with the object.
    Getter(Value),
    /// Call this native property getter with the object (host types' fields).
    NativeGetter(Value),
    Slow,
}

impl Vm {
    /// The class of any value.
    pub fn class_of(&self, v: Value) -> ObjRef {
        let t = &self.types;
        match v {
            Value::None | Value::Undef => t.none,
            Value::Bool(_) => t.bool_,
            Value::Int(_) => t.int,
            Value::Float(_) => t.float,
            Value::Obj(r) => match self.heap.get(r) {
                Obj::Str(_) => t.str_,
                Obj::Bytes(_) => t.bytes,
                Obj::ByteArray(_) => t.bytearray,
                Obj::BigInt(_) => t.int,
                Obj::Complex(..) => t.complex,
                Obj::List(_) => t.list,
                Obj::Tuple(_) => {
                    if r == self.ellipsis {
                        t.ellipsis_type
                    } else if r == self.not_implemented {
                        t.not_implemented_type
                    } else {
                        t.tuple
                    }
                }
                Obj::Dict(_) => t.dict,
                Obj::Set(_) => t.set,
                Obj::FrozenSet(_) => t.frozenset,
                Obj::Range(_) => t.range,
                Obj::Slice(_) => t.slice,
                Obj::Code(_) => t.code,
                Obj::Function(_) => t.function,
                Obj::Native(_) => t.builtin_function,
                Obj::BoundMethod { func, .. } => match func {
                    Value::Obj(f) if matches!(self.heap.get(*f), Obj::Native(_)) => {
                        t.builtin_function
                    }
                    _ => t.method,
                },
                Obj::Class(c) => c.metaclass.unwrap_or(t.type_),
                Obj::Instance(i) => i.class,
                Obj::Module(_) => t.module,
                Obj::Cell(_) => t.cell,
                Obj::Generator(g) => {
                    if g.coroutine {
                        t.coroutine
                    } else {
                        t.generator
                    }
                }
                Obj::Iter(k) => match k {
                    IterKind::Enumerate(_) => t.enumerate,
                    IterKind::Zip { .. } => t.zip,
                    IterKind::Map(_) => t.map,
                    IterKind::Filter(_) => t.filter,
                    IterKind::Reversed { .. } => t.reversed,
                    other => {
                        let name = iter_type_name(self, other);
                        t.misc.get(name).copied().unwrap_or(t.object)
                    }
                },
                Obj::Property(_) => t.property,
                Obj::StaticMethod(_) => t.staticmethod,
                Obj::ClassMethod(_) => t.classmethod,
                Obj::Super { .. } => t.super_,
                Obj::DictView(_, v) => match v {
                    DictView::Keys => t.dict_keys,
                    DictView::Values => t.dict_values,
                    DictView::Items => t.dict_items,
                },
                Obj::Host(_) => t.object,
            },
        }
    }

    pub fn type_name(&self, v: Value) -> String {
        self.class_name(self.class_of(v))
    }

    pub fn mro(&self, cls: ObjRef) -> &[ObjRef] {
        match self.heap.get(cls) {
            Obj::Class(c) => &c.mro,
            _ => &[],
        }
    }

    pub fn is_subclass(&self, a: ObjRef, b: ObjRef) -> bool {
        a == b || self.mro(a).contains(&b)
    }

    pub fn isinstance(&self, v: Value, cls: ObjRef) -> bool {
        self.is_subclass(self.class_of(v), cls)
    }

    pub fn is_class(&self, v: Value) -> Option<ObjRef> {
        match v {
            Value::Obj(r) if matches!(self.heap.get(r), Obj::Class(_)) => Some(r),
            _ => None,
        }
    }

    /// Find `name` along a class's MRO.
    pub fn lookup_type_attr(&self, cls: ObjRef, name: ObjRef) -> Option<Value> {
        let epoch = self.heap.class_epoch;
        if let Some(found) = self.type_cache.get(epoch, cls, name) {
            return found;
        }
        let Obj::Class(c) = self.heap.get(cls) else {
            return None;
        };
        let mut found = None;
        for &k in &c.mro {
            if let Obj::Class(kc) = self.heap.get(k) {
                if let Some(v) = self.dict_get_str(&kc.dict, name) {
                    found = Some(v);
                    break;
                }
            }
        }
        self.type_cache.put(epoch, cls, name, found);
        found
    }

    /// Call `type(v).name(v, *args)` if the type defines it.
    pub fn call_dunder(
        &mut self,
        v: Value,
        name: ObjRef,
        args: &[Value],
    ) -> PyResult<Option<Value>> {
        let cls = self.class_of(v);
        match self.lookup_type_attr(cls, name) {
            Some(f) => self.call_bound(f, v, args).map(Some),
            None => Ok(None),
        }
    }

    /// For a class whose metaclass is written in Python: the metaclass's own (non-native)
    /// `name` dunder, called with the class as receiver. Builtin operations (iteration,
    /// `len`, `in`, indexing, truth, repr) consult this before treating a class as a type.
    pub fn meta_dunder(
        &mut self,
        v: Value,
        name: ObjRef,
        args: &[Value],
    ) -> PyResult<Option<Value>> {
        let Value::Obj(r) = v else {
            return Ok(None);
        };
        let Obj::Class(c) = self.heap.get(r) else {
            return Ok(None);
        };
        let Some(m) = c.metaclass else {
            return Ok(None);
        };
        if matches!(self.heap.get(m), Obj::Class(mc) if mc.builtin) {
            return Ok(None);
        }
        match self.lookup_type_attr(m, name) {
            Some(f) if !matches!(f, Value::Obj(fr) if matches!(self.heap.get(fr), Obj::Native(_))) => {
                self.call_bound(f, v, args).map(Some)
            }
            _ => Ok(None),
        }
    }

    /// Call a class attribute `f` as a method of `receiver`, honouring descriptors.
    pub fn call_bound(&mut self, f: Value, receiver: Value, args: &[Value]) -> PyResult<Value> {
        if let Value::Obj(r) = f {
            match self.heap.get(r) {
                Obj::StaticMethod(inner) => {
                    let inner = *inner;
                    return self.call(inner, args);
                }
                Obj::ClassMethod(inner) => {
                    let inner = *inner;
                    let cls = Value::Obj(self.class_of(receiver));
                    let mut a = vec![cls];
                    a.extend_from_slice(args);
                    return self.call(inner, &a);
                }
                Obj::Function(_) | Obj::Native(_) => {
                    let mut a = Vec::with_capacity(args.len() + 1);
                    a.push(receiver);
                    a.extend_from_slice(args);
                    return self.call(f, &a);
                }
                _ => {}
            }
        }
        let bound = self.bind_descriptor(f, receiver)?;
        self.call(bound, args)
    }

    /// The value of class attribute `attr` seen through instance `obj` (binding methods).
    pub(crate) fn bind_descriptor(&mut self, attr: Value, obj: Value) -> PyResult<Value> {
        let Value::Obj(r) = attr else { return Ok(attr) };
        match self.heap.get(r) {
            Obj::Function(_) => Ok(Value::Obj(self.heap.alloc(Obj::BoundMethod {
                receiver: obj,
                func: attr,
            }))),
            Obj::Native(n) => {
                if n.static_method {
                    Ok(attr)
                } else if n.class_method {
                    let cls = Value::Obj(self.class_of(obj));
                    Ok(Value::Obj(self.heap.alloc(Obj::BoundMethod {
                        receiver: cls,
                        func: attr,
                    })))
                } else {
                    Ok(Value::Obj(self.heap.alloc(Obj::BoundMethod {
                        receiver: obj,
                        func: attr,
                    })))
                }
            }
            Obj::StaticMethod(inner) => Ok(*inner),
            Obj::ClassMethod(inner) => {
                let inner = *inner;
                let cls = Value::Obj(self.class_of(obj));
                Ok(Value::Obj(self.heap.alloc(Obj::BoundMethod {
                    receiver: cls,
                    func: inner,
                })))
            }
            Obj::Property(p) => {
                let fget = p.fget;
                if fget.is_none() {
                    return Err(self.property_error(r, obj, "getter"));
                }
                self.call_direct(fget, &[obj])
            }
            Obj::Instance(_) => {
                let g = self.names.__get__;
                let cls = Value::Obj(self.class_of(obj));
                match self.call_dunder(attr, g, &[obj, cls])? {
                    Some(v) => Ok(v),
                    None => Ok(attr),
                }
            }
            _ => Ok(attr),
        }
    }

    fn is_data_descriptor(&mut self, attr: Value) -> bool {
        let Value::Obj(r) = attr else { return false };
        match self.heap.get(r) {
            Obj::Property(_) => true,
            Obj::Instance(i) => {
                let cls = i.class;
                let s = self.names.__set__;
                let d = self.names.__delete__;
                self.lookup_type_attr(cls, s).is_some() || self.lookup_type_attr(cls, d).is_some()
            }
            _ => false,
        }
    }

    pub fn get_attr_str(&mut self, v: Value, name: &str) -> PyResult<Value> {
        let n = self.intern(name);
        self.get_attr(v, n)
    }

    /// `getattr(v, name)`, None instead of AttributeError.
    pub fn get_attr_opt(&mut self, v: Value, name: ObjRef) -> PyResult<Option<Value>> {
        match self.get_attr(v, name) {
            Ok(x) => Ok(Some(x)),
            Err(e) if self.err_matches(&e, ExcKind::AttributeError) => Ok(None),
            Err(e) => Err(e),
        }
    }

    fn attr_entry(&self, kind: Kind, class: ObjRef, name: ObjRef, index: usize) -> Entry {
        Entry {
            epoch: self.heap.class_epoch,
            class,
            name,
            index: index as u32,
            kind,
        }
    }

    /// The instance behind `obj` and the heap's class epoch: what every attribute-cache
    /// entry is checked against.
    #[inline(always)]
    fn instance_epoch(&self, obj: Value) -> Option<(&crate::object::Instance, u64)> {
        let Value::Obj(r) = obj else {
            return None;
        };
        match self.heap.get(r) {
            Obj::Instance(i) => Some((i, self.heap.class_epoch)),
            _ => None,
        }
    }

    /// `obj.name` from the attribute cache of the instruction at `site`: an instance attribute
    /// its class does not define, at the dict index the last lookup there found it.
    #[inline]
    pub(crate) fn load_attr_cached(&self, site: usize, obj: Value, name: ObjRef) -> Option<Value> {
        let (i, epoch) = self.instance_epoch(obj)?;
        let e = self
            .attr_cache
            .get(site, Kind::Load, i.class, name, epoch)?;
        match self.heap.get(i.dict) {
            Obj::Dict(d) => d.value_if_key_at(e.index as usize, name),
            _ => None,
        }
    }

    /// The property getter of `obj.name`, from the attribute cache of the instruction at
    /// `site`.
    #[inline]
    pub(crate) fn getter_cached(&self, site: usize, obj: Value, name: ObjRef) -> Option<FastAttr> {
        let (i, epoch) = self.instance_epoch(obj)?;
        let e = self.attr_cache.lookup(site, i.class, name, epoch)?;
        let f = Value::Obj(ObjRef(e.index));
        match e.kind {
            Kind::Getter => Some(FastAttr::Getter(f)),
            Kind::NativeGetter => Some(FastAttr::NativeGetter(f)),
            _ => None,
        }
    }

    /// The property setter `obj.name = v` calls, from the attribute cache of the instruction
    /// at `site`.
    #[inline]
    pub(crate) fn setter_cached(&self, site: usize, obj: Value, name: ObjRef) -> Option<Value> {
        let (i, epoch) = self.instance_epoch(obj)?;
        let e = self
            .attr_cache
            .get(site, Kind::Setter, i.class, name, epoch)?;
        Some(Value::Obj(ObjRef(e.index)))
    }

    /// `obj.name = val` through the attribute cache: true when stored.
    #[inline]
    pub(crate) fn store_attr_cached(
        &mut self,
        site: usize,
        obj: Value,
        name: ObjRef,
        val: Value,
    ) -> bool {
        let Some((i, epoch)) = self.instance_epoch(obj) else {
            return false;
        };
        if i.native.is_some() {
            return false;
        }
        let Some(e) = self.attr_cache.get(site, Kind::Store, i.class, name, epoch) else {
            return false;
        };
        let dict = i.dict;
        let Obj::Dict(d) = self.heap.get_mut(dict) else {
            return false;
        };
        let index = e.index as usize;
        let stored = d.value_if_key_at(index, name).is_some();
        if stored {
            d.set_value_at(index, val);
        }
        stored
    }

    /// The function `obj.name` would bind, from the attribute cache of the instruction at
    /// `site`, when the instance dict does not shadow it.
    #[inline]
    pub(crate) fn load_method_cached(
        &self,
        site: usize,
        obj: Value,
        name: ObjRef,
    ) -> Option<Value> {
        let Some((i, epoch)) = self.instance_epoch(obj) else {
            // `xs.append(...)`: the class of a builtin value and its method.
            if matches!(obj, Value::Obj(r) if matches!(self.heap.get(r),
                Obj::Class(_) | Obj::Module(_) | Obj::Super { .. }))
            {
                return None;
            }
            let (cls, epoch) = (self.class_of(obj), self.heap.class_epoch);
            let e = self
                .attr_cache
                .get(site, Kind::ValueMethod, cls, name, epoch)?;
            return Some(Value::Obj(ObjRef(e.index)));
        };
        let e = self
            .attr_cache
            .get(site, Kind::Method, i.class, name, epoch)?;
        match self.heap.get(i.dict) {
            Obj::Dict(d) if d.is_empty() || self.dict_find_str(d, name).is_none() => {
                Some(Value::Obj(ObjRef(e.index)))
            }
            _ => None,
        }
    }

    /// The eval loop's first try at `obj.name` on an instance, with one cached class lookup:
    /// an attribute in the instance dict (no class attribute of that name), a plain class
    /// value, or a property whose getter is a Python function, for the loop to call in a
    /// frame of its own instead of a nested run. Anything else is `FastAttr::Slow`.
    ///
    /// With a `site`, an instance-dict hit is recorded in the attribute cache for
    /// [`Vm::load_attr_cached`].
    #[inline]
    pub(crate) fn load_attr_fast(&self, obj: Value, name: ObjRef, site: Option<usize>) -> FastAttr {
        let Value::Obj(r) = obj else {
            return FastAttr::Slow;
        };
        let Obj::Instance(i) = self.heap.get(r) else {
            return FastAttr::Slow;
        };
        let (cls, dict) = (i.class, i.dict);
        if matches!(self.heap.get(cls), Obj::Class(c) if c.custom_getattribute) {
            return FastAttr::Slow;
        }
        let class_attr = self.lookup_type_attr(cls, name);
        match class_attr {
            None => {
                let Obj::Dict(d) = self.heap.get(dict) else {
                    return FastAttr::Slow;
                };
                let Some(index) = self.dict_find_str(d, name) else {
                    return FastAttr::Slow;
                };
                if let Some(site) = site {
                    self.attr_cache
                        .put(site, self.attr_entry(Kind::Load, cls, name, index));
                }
                FastAttr::Value(d.value_at(index))
            }
            Some(Value::Obj(p)) => match self.heap.get(p) {
                // A property is a data descriptor: it comes before the instance dict. With a
                // `__getattr__`, an AttributeError from the getter must reach it: slow path
                // (a host's raw field getter's errors are final: see `Vm::field_property`).
                Obj::Property(prop) => match prop.fget {
                    Value::Obj(f)
                        if self.is_raw_getter(f)
                            || self.lookup_type_attr(cls, self.names.__getattr__).is_none() =>
                    {
                        match self.heap.get(f) {
                            Obj::Function(_) => {
                                if let Some(site) = site {
                                    let e = self.attr_entry(Kind::Getter, cls, name, f.0 as usize);
                                    self.attr_cache.put(site, e);
                                }
                                FastAttr::Getter(prop.fget)
                            }
                            Obj::Native(_) => {
                                if let Some(site) = site {
                                    let e = self.attr_entry(
                                        Kind::NativeGetter,
                                        cls,
                                        name,
                                        f.0 as usize,
                                    );
                                    self.attr_cache.put(site, e);
                                }
                                FastAttr::NativeGetter(prop.fget)
                            }
                            _ => FastAttr::Slow,
                        }
                    }
                    _ => FastAttr::Slow,
                },
                // Strings, tuples and other builtin data as class attributes (defaults): no
                // `__get__`, so the instance dict comes first.
                Obj::Str(_)
                | Obj::Tuple(_)
                | Obj::List(_)
                | Obj::Dict(_)
                | Obj::Set(_)
                | Obj::FrozenSet(_)
                | Obj::Bytes(_)
                | Obj::BigInt(_) => self.shadowed_class_value(cls, dict, name, site, Value::Obj(p)),
                _ => FastAttr::Slow,
            },
            // Ints, floats, None, bools as class attributes (defaults): no descriptors.
            Some(v) => self.shadowed_class_value(cls, dict, name, site, v),
        }
    }

    /// `obj.name` where the class's attribute is plain data (a default like `speed = 400.0`
    /// or `entity = None`): the instance's own value if it has one, recorded for the site as a
    /// `Load` (a plain class value cannot take precedence over the dict, so the entry holds),
    /// else the class value.
    fn shadowed_class_value(
        &self,
        cls: ObjRef,
        dict: ObjRef,
        name: ObjRef,
        site: Option<usize>,
        class_value: Value,
    ) -> FastAttr {
        let Obj::Dict(d) = self.heap.get(dict) else {
            return FastAttr::Value(class_value);
        };
        let Some(index) = self.dict_find_str(d, name) else {
            return FastAttr::Value(class_value);
        };
        if let Some(site) = site {
            self.attr_cache
                .put(site, self.attr_entry(Kind::Load, cls, name, index));
        }
        FastAttr::Value(d.value_at(index))
    }

    /// The raw setter of property `name` of class `cls`, if it has one (see
    /// [`Vm::field_property`]).
    fn raw_field_setter(&self, cls: ObjRef, name: ObjRef) -> Option<ObjRef> {
        let Some(Value::Obj(a)) = self.lookup_type_attr(cls, name) else {
            return None;
        };
        let Obj::Property(p) = self.heap.get(a) else {
            return None;
        };
        let Value::Obj(f) = p.fset else { return None };
        match self.heap.get(f) {
            Obj::Native(n) if matches!(n.imp, crate::object::NativeImpl::Raw2(..)) => Some(f),
            _ => None,
        }
    }

    fn is_raw_getter(&self, f: ObjRef) -> bool {
        matches!(self.heap.get(f), Obj::Native(n) if matches!(n.imp, crate::object::NativeImpl::Raw1(..)))
    }

    /// `v.name`
    pub fn get_attr(&mut self, v: Value, name: ObjRef) -> PyResult<Value> {
        if let Value::Obj(r) = v {
            match self.heap.get(r) {
                Obj::Instance(_) => return self.instance_getattr(v, r, name),
                Obj::Class(_) => return self.class_getattr(r, name),
                Obj::Module(m) => {
                    let d = m.dict;
                    if let Some(x) = self.ns_get(d, name) {
                        return Ok(x);
                    }
                    if name == self.names.__dict__ {
                        return Ok(Value::Obj(d));
                    }
                    let ga = self.names.__getattr__;
                    if let Some(f) = self.ns_get(d, ga) {
                        let n = Value::Obj(name);
                        return self.call(f, &[n]);
                    }
                    let mname = match self.heap.get(r) {
                        Obj::Module(m) => m.name.clone(),
                        _ => String::new(),
                    };
                    let attr = self.str_ref(name).to_string();
                    return Err(self.attr_error_for(
                        v,
                        name,
                        format!("module '{mname}' has no attribute '{attr}'"),
                    ));
                }
                Obj::Super { class, obj } => {
                    let (class, obj) = (*class, *obj);
                    return self.super_getattr(class, obj, name);
                }
                _ => {}
            }
        }
        // Builtin values: methods from their class, then special attributes.
        let cls = self.class_of(v);
        if let Some(attr) = self.lookup_type_attr(cls, name) {
            return self.bind_descriptor(attr, v);
        }
        if let Some(x) = crate::builtins::special_attr(self, v, name)? {
            return Ok(x);
        }
        Err(self.no_attribute(v, name))
    }

    pub fn no_attribute(&mut self, v: Value, name: ObjRef) -> PyErr {
        let t = self.type_name(v);
        let attr = self.str_ref(name).to_string();
        self.attr_error_for(v, name, format!("'{t}' object has no attribute '{attr}'"))
    }

    fn instance_getattr(&mut self, v: Value, r: ObjRef, name: ObjRef) -> PyResult<Value> {
        let (cls, native) = match self.heap.get(r) {
            Obj::Instance(i) => (i.class, i.native.is_some()),
            _ => unreachable!("instance"),
        };
        // Host references answer every plain name from the host.
        if native {
            if let Some(x) = self.host_ref_get(r, name) {
                return x;
            }
        }
        // The common cases first (an instance-dict attribute, a plain class value).
        match self.load_attr_fast(v, name, None) {
            FastAttr::Value(x) => return Ok(x),
            FastAttr::NativeGetter(g) => return self.call_direct(g, &[v]),
            _ => {}
        }
        let custom = matches!(self.heap.get(cls), Obj::Class(c) if c.custom_getattribute);
        if custom {
            let ga = self.names.__getattribute__;
            if let Some(f) = self.lookup_type_attr(cls, ga) {
                return match self.call_bound(f, v, &[Value::Obj(name)]) {
                    Err(e) if self.err_matches(&e, ExcKind::AttributeError) => {
                        let gat = self.names.__getattr__;
                        match self.lookup_type_attr(cls, gat) {
                            Some(g) => self.call_bound(g, v, &[Value::Obj(name)]),
                            None => Err(e),
                        }
                    }
                    other => other,
                };
            }
        }
        self.generic_getattr(v, r, name)
    }

    /// The generic lookup followed by `__getattr__`.
    pub fn generic_getattr(&mut self, v: Value, r: ObjRef, name: ObjRef) -> PyResult<Value> {
        let cls = self.class_of(v);
        let ga = self.names.__getattr__;
        match self.lookup_type_attr(cls, ga) {
            // With a `__getattr__`, a miss goes straight to it: no AttributeError is built
            // (host reference objects rely on this path for every field access).
            Some(f) => match self.generic_lookup(v, r, name) {
                Ok(Some(x)) => Ok(x),
                Ok(None) => self.call_bound(f, v, &[Value::Obj(name)]),
                Err(e) if self.err_matches(&e, ExcKind::AttributeError) => {
                    self.call_bound(f, v, &[Value::Obj(name)])
                }
                Err(e) => Err(e),
            },
            None => self.generic_getattr_no_fallback(v, r, name),
        }
    }

    /// `object.__getattribute__`: data descriptors, the instance dict, class attributes.
    pub fn generic_getattr_no_fallback(
        &mut self,
        v: Value,
        r: ObjRef,
        name: ObjRef,
    ) -> PyResult<Value> {
        match self.generic_lookup(v, r, name)? {
            Some(x) => Ok(x),
            None => Err(self.no_attribute(v, name)),
        }
    }

    /// The generic lookup; `Ok(None)` when nothing is found.
    fn generic_lookup(&mut self, v: Value, r: ObjRef, name: ObjRef) -> PyResult<Option<Value>> {
        let (cls, dict) = match self.heap.get(r) {
            Obj::Instance(i) => (i.class, i.dict),
            _ => return self.get_attr(v, name).map(Some),
        };
        let class_attr = self.lookup_type_attr(cls, name);
        if let Some(a) = class_attr {
            if self.is_data_descriptor(a) {
                return self.bind_descriptor(a, v).map(Some);
            }
        }
        if let Some(x) = self.ns_get(dict, name) {
            return Ok(Some(x));
        }
        if let Some(a) = class_attr {
            return self.bind_descriptor(a, v).map(Some);
        }
        crate::builtins::special_attr(self, v, name)
    }

    fn class_getattr(&mut self, cls: ObjRef, name: ObjRef) -> PyResult<Value> {
        // Data descriptors on the metaclass come first (e.g. __name__ handled below).
        if let Some(a) = self.lookup_type_attr(cls, name) {
            return self.class_bind(a, cls);
        }
        if let Some(x) = crate::builtins::special_attr(self, Value::Obj(cls), name)? {
            return Ok(x);
        }
        let meta = self.class_of(Value::Obj(cls));
        if let Some(a) = self.lookup_type_attr(meta, name) {
            return self.bind_descriptor(a, Value::Obj(cls));
        }
        let ga = self.names.__getattr__;
        if meta != self.types.type_ {
            if let Some(f) = self.lookup_type_attr(meta, ga) {
                return self.call_bound(f, Value::Obj(cls), &[Value::Obj(name)]);
            }
        }
        let cname = self.class_name(cls);
        let attr = self.str_ref(name).to_string();
        Err(self.attr_error_for(
            Value::Obj(cls),
            name,
            format!("type object '{cname}' has no attribute '{attr}'"),
        ))
    }

    /// A class attribute seen through the class itself.
    fn class_bind(&mut self, a: Value, cls: ObjRef) -> PyResult<Value> {
        let Value::Obj(r) = a else { return Ok(a) };
        match self.heap.get(r) {
            Obj::StaticMethod(inner) => Ok(*inner),
            Obj::ClassMethod(inner) => {
                let inner = *inner;
                Ok(Value::Obj(self.heap.alloc(Obj::BoundMethod {
                    receiver: Value::Obj(cls),
                    func: inner,
                })))
            }
            Obj::Native(n) if n.class_method => Ok(Value::Obj(self.heap.alloc(Obj::BoundMethod {
                receiver: Value::Obj(cls),
                func: a,
            }))),
            Obj::Instance(_) => {
                let g = self.names.__get__;
                match self.call_dunder(a, g, &[Value::None, Value::Obj(cls)])? {
                    Some(v) => Ok(v),
                    None => Ok(a),
                }
            }
            _ => Ok(a),
        }
    }

    fn super_getattr(&mut self, class: ObjRef, obj: Value, name: ObjRef) -> PyResult<Value> {
        let start_cls = match self.is_class(obj) {
            Some(c) if self.is_subclass(c, class) => c,
            _ => self.class_of(obj),
        };
        let mro = self.mro(start_cls).to_vec();
        let pos = mro
            .iter()
            .position(|&c| c == class)
            .map_or(mro.len(), |p| p + 1);
        for &k in &mro[pos..] {
            let found = match self.heap.get(k) {
                Obj::Class(kc) => self.dict_get_str(&kc.dict, name),
                _ => None,
            };
            if let Some(a) = found {
                if self.is_class(obj).is_some() && self.class_of(obj) != class {
                    if let Value::Obj(ar) = a {
                        if let Obj::Function(_) = self.heap.get(ar) {
                            return Ok(a);
                        }
                    }
                    return self.class_bind(a, start_cls);
                }
                return self.bind_descriptor(a, obj);
            }
        }
        if name == self.names.__class__ {
            return Ok(Value::Obj(self.types.super_));
        }
        let attr = self.str_ref(name).to_string();
        Err(exc::attribute_error(format!(
            "'super' object has no attribute '{attr}'"
        )))
    }

    /// `obj.__class__ = new`: allowed between user classes whose instances have the same
    /// layout (builtin base, exception state, `__slots__`), as CPython checks.
    fn set_instance_class(&mut self, r: ObjRef, old: ObjRef, new: Value) -> PyResult<()> {
        let Some(new) = self.is_class(new) else {
            let t = self.type_name(new);
            return Err(exc::type_error(format!(
                "__class__ must be set to a class, not '{t}' object"
            )));
        };
        let (Obj::Class(o), Obj::Class(n)) = (self.heap.get(old), self.heap.get(new)) else {
            return Ok(());
        };
        if n.builtin || o.builtin {
            return Err(exc::type_error(
                "__class__ assignment only supported for mutable types or ModuleType subclasses",
            ));
        }
        if o.kind != n.kind || o.is_exception != n.is_exception || o.slot_names != n.slot_names {
            let (nn, on) = (n.name.clone(), o.name.clone());
            return Err(exc::type_error(format!(
                "__class__ assignment: '{nn}' object layout differs from '{on}'"
            )));
        }
        if let Obj::Instance(i) = self.heap.get_mut(r) {
            i.class = new;
        }
        Ok(())
    }

    /// `super().name(...)` on an instance, when `name` is a plain function (script or
    /// native): the function and the instance, with no bound method allocated (CPython
    /// 3.12's LOAD_SUPER_ATTR).
    fn super_method(&self, v: Value, name: ObjRef) -> Option<(Value, Option<Value>)> {
        let Value::Obj(r) = v else {
            return None;
        };
        let Obj::Super { class, obj } = self.heap.get(r) else {
            return None;
        };
        let (class, obj) = (*class, *obj);
        let Value::Obj(o) = obj else {
            return None;
        };
        if !matches!(self.heap.get(o), Obj::Instance(_)) {
            return None;
        }
        let Obj::Class(start) = self.heap.get(self.class_of(obj)) else {
            return None;
        };
        let pos = start.mro.iter().position(|&c| c == class)?;
        let found = start.mro[pos + 1..]
            .iter()
            .find_map(|&k| match self.heap.get(k) {
                Obj::Class(kc) => self.dict_get_str(&kc.dict, name),
                _ => None,
            })?;
        let Value::Obj(f) = found else {
            return None;
        };
        match self.heap.get(f) {
            Obj::Function(_) => Some((found, Some(obj))),
            Obj::Native(n) if !n.static_method && !n.class_method => Some((found, Some(obj))),
            _ => None,
        }
    }

    /// For `obj.name(...)`: the function and receiver without allocating a bound method.
    /// Returns (callable, Some(self)) or (bound_or_attr, None).
    pub fn load_method(&mut self, v: Value, name: ObjRef) -> PyResult<(Value, Option<Value>)> {
        self.load_method_at(v, name, None)
    }

    /// [`Vm::load_method`] for the instruction at `site`, whose attribute cache records a
    /// method found on an instance's class.
    pub(crate) fn load_method_at(
        &mut self,
        v: Value,
        name: ObjRef,
        site: Option<usize>,
    ) -> PyResult<(Value, Option<Value>)> {
        if let Some(f) = self.super_method(v, name) {
            return Ok(f);
        }
        let cls = self.class_of(v);
        let is_inst = matches!(v, Value::Obj(r) if matches!(self.heap.get(r), Obj::Instance(_)));
        let is_plain = match v {
            Value::Obj(r) => !matches!(
                self.heap.get(r),
                Obj::Class(_) | Obj::Module(_) | Obj::Super { .. }
            ),
            _ => true,
        };
        if is_plain {
            if let Some(a) = self.lookup_type_attr(cls, name) {
                if let Value::Obj(ar) = a {
                    let plain = match self.heap.get(ar) {
                        Obj::Function(_) => true,
                        Obj::Native(n) => !n.static_method && !n.class_method,
                        _ => false,
                    };
                    if plain {
                        // An instance attribute shadows a method.
                        if is_inst {
                            if let Value::Obj(r) = v {
                                let dict = match self.heap.get(r) {
                                    Obj::Instance(i) => i.dict,
                                    _ => unreachable!("instance"),
                                };
                                if let Some(x) = self.ns_get(dict, name) {
                                    return Ok((x, None));
                                }
                                if let Some(site) = site {
                                    let e = self.attr_entry(Kind::Method, cls, name, ar.0 as usize);
                                    self.attr_cache.put(site, e);
                                }
                            }
                        } else if let Some(site) = site {
                            let e = self.attr_entry(Kind::ValueMethod, cls, name, ar.0 as usize);
                            self.attr_cache.put(site, e);
                        }
                        return Ok((a, Some(v)));
                    }
                }
            }
        }
        Ok((self.get_attr(v, name)?, None))
    }

    pub fn set_attr(&mut self, v: Value, name: &str, val: Value) -> PyResult<()> {
        let n = self.intern(name);
        self.set_attr_ref(v, n, val)
    }

    /// `type.__setattr__`: store into a class's own dict (no metaclass hook).
    pub fn class_setattr_raw(&mut self, r: ObjRef, name: ObjRef, val: Value) -> PyResult<()> {
        let Obj::Class(c) = self.heap.get(r) else {
            return Ok(());
        };
        if c.builtin {
            let cname = c.name.clone();
            let attr = self.str_ref(name).to_string();
            return Err(exc::type_error(format!(
                "cannot set '{attr}' attribute of immutable type '{cname}'"
            )));
        }
        let h = self.str_hash(name);
        let attr = self.str_ref(name).to_string();
        let text = self.as_str(val).map(|s| s.to_string());
        if let Obj::Class(c) = self.heap.get_mut(r) {
            match (attr.as_str(), text) {
                ("__name__", Some(t)) => {
                    c.name = t;
                    return Ok(());
                }
                ("__qualname__", Some(t)) => {
                    c.qualname = t;
                    return Ok(());
                }
                ("__module__", _) => c.module = val,
                _ => {}
            }
            let mut d = std::mem::take(&mut c.dict);
            Vm::dict_set_str(&mut d, &self.heap, name, h, val);
            if let Obj::Class(c) = self.heap.get_mut(r) {
                c.dict = d;
                c.version = c.version.wrapping_add(1);
            }
        }
        Ok(())
    }

    /// `v.name = val`
    pub fn set_attr_ref(&mut self, v: Value, name: ObjRef, val: Value) -> PyResult<()> {
        self.set_attr_at(v, name, val, None)
    }

    /// [`Vm::set_attr_ref`] for the instruction at `site`, whose attribute cache records a
    /// store into an existing instance-dict entry.
    pub(crate) fn set_attr_at(
        &mut self,
        v: Value,
        name: ObjRef,
        val: Value,
        site: Option<usize>,
    ) -> PyResult<()> {
        let Value::Obj(r) = v else {
            return Err(self.readonly_attr(v, name));
        };
        match self.heap.get(r) {
            Obj::Instance(i) => {
                let (cls, dict, native) = (i.class, i.dict, i.native.is_some());
                if native {
                    // A host field with a raw setter (a typed field of a host reference class)
                    // comes first, and is remembered for the site.
                    if let Some(fset) = self.raw_field_setter(cls, name) {
                        if let Some(site) = site {
                            let e = self.attr_entry(Kind::Setter, cls, name, fset.0 as usize);
                            self.attr_cache.put(site, e);
                        }
                        return self.call_direct(Value::Obj(fset), &[v, val]).map(drop);
                    }
                    if let Some(done) = self.host_ref_set(r, name, val) {
                        return done;
                    }
                }
                let sa = self.names.__setattr__;
                if let Some(f) = self.lookup_type_attr(cls, sa) {
                    if !self.is_builtin_object_slot(f) {
                        self.call_bound(f, v, &[Value::Obj(name), val])?;
                        return Ok(());
                    }
                }
                if name == self.names.__class__ {
                    return self.set_instance_class(r, cls, val);
                }
                if let Some(a) = self.lookup_type_attr(cls, name) {
                    if let (Some(site), Value::Obj(ar)) = (site, a) {
                        if let Obj::Property(p) = self.heap.get(ar) {
                            if let Value::Obj(f) = p.fset {
                                let e = self.attr_entry(Kind::Setter, cls, name, f.0 as usize);
                                self.attr_cache.put(site, e);
                            }
                        }
                    }
                    if let Some(done) = self.set_via_descriptor(a, v, val)? {
                        return done;
                    }
                }
                // Exception attributes live in ExcData.
                if self.exc_data(r).is_some() && self.set_exc_attr(r, name, val)? {
                    return Ok(());
                }
                // An attribute the instance has already passed the slots check.
                if let Obj::Dict(d) = self.heap.get(dict) {
                    if let Some(i) = self.dict_find_str(d, name) {
                        if let (Some(site), false) = (site, native || self.exc_data(r).is_some()) {
                            self.attr_cache
                                .put(site, self.attr_entry(Kind::Store, cls, name, i));
                        }
                        if let Obj::Dict(d) = self.heap.get_mut(dict) {
                            d.set_value_at(i, val);
                        }
                        return Ok(());
                    }
                }
                if let Obj::Class(c) = self.heap.get(cls) {
                    if let Some(allowed) = &c.slot_names {
                        let n = self.str_ref(name);
                        if !allowed.iter().any(|a| a == n) {
                            let t = c.name.clone();
                            let n = n.to_string();
                            // A class attribute of that name (a default) cannot be shadowed.
                            return Err(exc::attribute_error(
                                if self.lookup_type_attr(cls, name).is_some() {
                                    format!("'{t}' object attribute '{n}' is read-only")
                                } else {
                                    format!("'{t}' object has no attribute '{n}'")
                                },
                            ));
                        }
                    }
                }
                self.ns_set(dict, name, val);
                Ok(())
            }
            Obj::Class(_) => {
                let sa = self.names.__setattr__;
                if self.meta_dunder(v, sa, &[Value::Obj(name), val])?.is_some() {
                    return Ok(());
                }
                self.class_setattr_raw(r, name, val)
            }
            Obj::Module(m) => {
                let d = m.dict;
                self.ns_set(d, name, val);
                Ok(())
            }
            Obj::Function(f) => {
                let d = f.dict;
                let d = match d {
                    Some(d) => d,
                    None => {
                        let d = self.heap.alloc(Obj::Dict(Box::default()));
                        if let Obj::Function(f) = self.heap.get_mut(r) {
                            f.dict = Some(d);
                        }
                        d
                    }
                };
                let attr = self.str_ref(name).to_string();
                match attr.as_str() {
                    "__name__" => {
                        let s = self.str_of_value_lossy(val);
                        if let Obj::Function(f) = self.heap.get_mut(r) {
                            f.name = s;
                        }
                    }
                    "__qualname__" => {
                        let s = self.str_of_value_lossy(val);
                        if let Obj::Function(f) = self.heap.get_mut(r) {
                            f.qualname = s;
                        }
                    }
                    "__doc__" => {
                        if let Obj::Function(f) = self.heap.get_mut(r) {
                            f.doc = val;
                        }
                    }
                    "__module__" => {
                        if let Obj::Function(f) = self.heap.get_mut(r) {
                            f.module = val;
                        }
                    }
                    _ => {
                        self.ns_set(d, name, val);
                    }
                }
                Ok(())
            }
            _ => Err(self.readonly_attr(v, name)),
        }
    }

    fn readonly_attr(&mut self, v: Value, name: ObjRef) -> PyErr {
        let t = self.type_name(v);
        let attr = self.str_ref(name).to_string();
        let cls = self.class_of(v);
        if self.lookup_type_attr(cls, name).is_some() {
            return exc::attribute_error(format!("'{t}' object attribute '{attr}' is read-only"));
        }
        if let Ok(Some(_)) = crate::builtins::special_attr(self, v, name) {
            return exc::attribute_error(format!(
                "attribute '{attr}' of '{t}' objects is not writable"
            ));
        }
        exc::attribute_error(format!("'{t}' object has no attribute '{attr}'"))
    }

    /// Assignment through a property or a `__set__` descriptor. None: not a data descriptor.
    fn set_via_descriptor(
        &mut self,
        a: Value,
        obj: Value,
        val: Value,
    ) -> PyResult<Option<PyResult<()>>> {
        let Value::Obj(ar) = a else { return Ok(None) };
        match self.heap.get(ar) {
            Obj::Property(p) => {
                let fset = p.fset;
                if fset.is_none() {
                    return Ok(Some(Err(self.property_error(ar, obj, "setter"))));
                }
                self.call_direct(fset, &[obj, val])?;
                Ok(Some(Ok(())))
            }
            Obj::Instance(_) => {
                let s = self.names.__set__;
                match self.call_dunder(a, s, &[obj, val])? {
                    Some(_) => Ok(Some(Ok(()))),
                    None => Ok(None),
                }
            }
            _ => Ok(None),
        }
    }

    fn set_exc_attr(&mut self, r: ObjRef, name: ObjRef, val: Value) -> PyResult<bool> {
        let attr = self.str_ref(name).to_string();
        let frames = if attr == "__traceback__" {
            self.traceback_frames(val)
        } else {
            None
        };
        let Some(d) = self.exc_data_mut(r) else {
            return Ok(false);
        };
        match attr.as_str() {
            "__cause__" => {
                d.cause = val;
                d.suppress_context = true;
            }
            "__context__" => d.context = val,
            "__suppress_context__" => d.suppress_context = matches!(val, Value::Bool(true)),
            "args" => {
                let items = self.iterate(val)?;
                let t = self.new_tuple(items);
                if let Some(d) = self.exc_data_mut(r) {
                    d.args = t;
                }
            }
            "__traceback__" => {
                if val.is_none() {
                    d.traceback.clear();
                } else if let Some(f) = frames {
                    d.traceback = f.into();
                }
            }
            _ => return Ok(false),
        }
        Ok(true)
    }

    /// `del v.name`
    /// `type.__delattr__`: remove from a class's own dict (no metaclass hook).
    pub fn class_delattr_raw(&mut self, r: ObjRef, name: ObjRef) -> PyResult<()> {
        let removed = if let Obj::Class(c) = self.heap.get(r) {
            let h = self.str_hash(name);
            let text = self.str_ref(name).to_string();
            c.dict.find(h, |k| self.as_str(k) == Some(text.as_str()))
        } else {
            None
        };
        match removed {
            Some(i) => {
                if let Obj::Class(c) = self.heap.get_mut(r) {
                    c.dict.remove_at(i);
                    c.version = c.version.wrapping_add(1);
                }
                Ok(())
            }
            None => {
                let cname = self.class_name(r);
                let attr = self.str_ref(name).to_string();
                Err(exc::attribute_error(format!(
                    "type object '{cname}' has no attribute '{attr}'"
                )))
            }
        }
    }

    pub fn del_attr(&mut self, v: Value, name: ObjRef) -> PyResult<()> {
        let Value::Obj(r) = v else {
            return Err(self.readonly_attr(v, name));
        };
        match self.heap.get(r) {
            Obj::Instance(i) => {
                let (cls, dict) = (i.class, i.dict);
                let da = self.names.__delattr__;
                if let Some(f) = self.lookup_type_attr(cls, da) {
                    if !self.is_builtin_object_slot(f) {
                        self.call_bound(f, v, &[Value::Obj(name)])?;
                        return Ok(());
                    }
                }
                if name == self.names.__class__ {
                    return Err(exc::type_error("can't delete __class__ attribute"));
                }
                if let Some(Value::Obj(ar)) = self.lookup_type_attr(cls, name) {
                    if let Obj::Property(p) = self.heap.get(ar) {
                        let fdel = p.fdel;
                        if fdel.is_none() {
                            return Err(self.property_error(ar, v, "deleter"));
                        }
                        self.call(fdel, &[v])?;
                        return Ok(());
                    }
                }
                if self.dict_remove(dict, Value::Obj(name))?.is_none() {
                    return Err(self.no_attribute(v, name));
                }
                Ok(())
            }
            Obj::Class(_) => {
                let da = self.names.__delattr__;
                if self.meta_dunder(v, da, &[Value::Obj(name)])?.is_some() {
                    return Ok(());
                }
                self.class_delattr_raw(r, name)
            }
            Obj::Module(m) => {
                let d = m.dict;
                if self.dict_remove(d, Value::Obj(name))?.is_none() {
                    let mname = match self.heap.get(r) {
                        Obj::Module(m) => m.name.clone(),
                        _ => String::new(),
                    };
                    let attr = self.str_ref(name).to_string();
                    return Err(exc::attribute_error(format!(
                        "module '{mname}' has no attribute '{attr}'"
                    )));
                }
                Ok(())
            }
            _ => Err(self.readonly_attr(v, name)),
        }
    }

    /// `property 'x' of 'C' object has no setter` (3.11's wording).
    pub fn property_error(&mut self, prop: ObjRef, obj: Value, what: &str) -> PyErr {
        let name = match self.heap.get(prop) {
            Obj::Property(p) => p.name,
            _ => Value::None,
        };
        let t = self.type_name(obj);
        match self.as_str(name) {
            Some(n) => {
                exc::attribute_error(format!("property '{n}' of '{t}' object has no {what}"))
            }
            None => exc::attribute_error(format!("property of '{t}' object has no {what}")),
        }
    }

    // ----- classes -----

    /// Create a class: compute the C3 MRO, pick the instance layout, set up the namespace.
    /// The attribute names instances of a new class may set, when `__slots__` restricts
    /// them: every base (but `object`) must be slotted too, and no `__dict__` slot given.
    fn class_slots(&mut self, ns: &Dict, bases: &[ObjRef]) -> PyResult<Option<Vec<String>>> {
        let key = self.names.__slots__;
        let Some(spec) = self.dict_get_str(ns, key) else {
            return Ok(None);
        };
        let items = match self.as_str(spec) {
            Some(s) => vec![s.to_string()],
            None => {
                let mut out = Vec::new();
                for v in self.iterate(spec)? {
                    match self.as_str(v) {
                        Some(s) => out.push(s.to_string()),
                        None => {
                            return Err(exc::type_error(format!(
                                "__slots__ items must be strings, not '{}'",
                                self.type_name(v)
                            )))
                        }
                    }
                }
                out
            }
        };
        for name in &items {
            if name != "__dict__" && name != "__weakref__" {
                let k = self.intern(name);
                if self.dict_get_str(ns, k).is_some() {
                    return Err(exc::value_error(format!(
                        "'{name}' in __slots__ conflicts with class variable"
                    )));
                }
            }
        }
        if items.iter().any(|n| n == "__dict__") {
            return Ok(None);
        }
        let mut allowed = items;
        for &b in bases {
            if b == self.types.object {
                continue;
            }
            match self.heap.get(b) {
                Obj::Class(bc) if bc.builtin && bc.kind == TypeKind::Object => {}
                Obj::Class(bc) => match &bc.slot_names {
                    Some(names) => allowed.extend(names.iter().cloned()),
                    None => return Ok(None),
                },
                _ => return Ok(None),
            }
        }
        Ok(Some(allowed))
    }

    pub fn create_class(
        &mut self,
        name: &str,
        bases: Vec<ObjRef>,
        ns: Dict,
        metaclass: Option<ObjRef>,
    ) -> PyResult<ObjRef> {
        let bases = if bases.is_empty() {
            vec![self.types.object]
        } else {
            bases
        };
        for &b in &bases {
            if let Obj::Class(bc) = self.heap.get(b) {
                if bc.builtin
                    && matches!(
                        bc.kind,
                        TypeKind::Bool
                            | TypeKind::Range
                            | TypeKind::Slice
                            | TypeKind::Function
                            | TypeKind::Generator
                            | TypeKind::NoneType
                    )
                {
                    let n = bc.name.clone();
                    return Err(exc::type_error(format!(
                        "type '{n}' is not an acceptable base type"
                    )));
                }
            } else {
                return Err(exc::type_error("bases must be types"));
            }
        }
        let mro_tail = self.c3_merge(&bases)?;
        // The builtin layout: the first builtin non-object class in the MRO.
        let mut kind = TypeKind::Object;
        let mut is_exception = false;
        for &m in &mro_tail {
            if let Obj::Class(mc) = self.heap.get(m) {
                if mc.is_exception {
                    is_exception = true;
                }
                if mc.builtin && mc.kind != TypeKind::Object && kind == TypeKind::Object {
                    kind = mc.kind;
                }
            }
        }
        let slot_names = self.class_slots(&ns, &bases)?;
        let module = {
            let mn = self.names.__module__;
            self.dict_get_str(&ns, mn).unwrap_or(Value::None)
        };
        let qualname = {
            let qn = self.names.__qualname__;
            match self.dict_get_str(&ns, qn) {
                Some(q) => self.as_str(q).unwrap_or(name).to_string(),
                None => name.to_string(),
            }
        };
        let c = Class {
            name: name.to_string(),
            qualname,
            module,
            bases: bases.clone(),
            mro: Vec::new(),
            dict: ns,
            kind,
            builtin: false,
            metaclass: metaclass.filter(|&m| m != self.types.type_),
            version: 0,
            is_exception,
            custom_getattribute: false,
            slot_names,
        };
        let r = self.heap.alloc(Obj::Class(Box::new(c)));
        let mut mro = vec![r];
        mro.extend(mro_tail);
        if let Obj::Class(c) = self.heap.get_mut(r) {
            c.mro = mro;
        }
        let ga = self.names.__getattribute__;
        let custom = self
            .mro(r)
            .to_vec()
            .iter()
            .any(|&k| match self.heap.get(k) {
                Obj::Class(kc) => !kc.builtin && self.dict_get_str(&kc.dict, ga).is_some(),
                _ => false,
            });
        if let Obj::Class(c) = self.heap.get_mut(r) {
            c.custom_getattribute = custom;
        }
        // A class that defines __eq__ but not __hash__ is unhashable.
        let (eqk, hk) = (self.names.__eq__, self.names.__hash__);
        let (has_eq, has_hash) = match self.heap.get(r) {
            Obj::Class(c) => (
                self.dict_get_str(&c.dict, eqk).is_some(),
                self.dict_get_str(&c.dict, hk).is_some(),
            ),
            _ => (false, false),
        };
        if has_eq && !has_hash {
            self.class_set_attr(r, "__hash__", Value::None);
        }
        // __new__ in a class body is implicitly a static method.
        let nn = self.names.__new__;
        let ns_new = match self.heap.get(r) {
            Obj::Class(c) => self.dict_get_str(&c.dict, nn),
            _ => None,
        };
        if let Some(f @ Value::Obj(fr)) = ns_new {
            if matches!(self.heap.get(fr), Obj::Function(_)) {
                let sm = Value::Obj(self.heap.alloc(Obj::StaticMethod(f)));
                self.class_set_attr(r, "__new__", sm);
            }
        }
        for special in ["__init_subclass__", "__class_getitem__"] {
            let k = self.intern(special);
            let v = match self.heap.get(r) {
                Obj::Class(c) => self.dict_get_str(&c.dict, k),
                _ => None,
            };
            if let Some(f @ Value::Obj(fr)) = v {
                if matches!(self.heap.get(fr), Obj::Function(_)) {
                    let cm = Value::Obj(self.heap.alloc(Obj::ClassMethod(f)));
                    self.class_set_attr(r, special, cm);
                }
            }
        }
        Ok(r)
    }

    fn c3_merge(&mut self, bases: &[ObjRef]) -> PyResult<Vec<ObjRef>> {
        let mut seqs: Vec<Vec<ObjRef>> = bases.iter().map(|&b| self.mro(b).to_vec()).collect();
        seqs.push(bases.to_vec());
        let mut out = Vec::new();
        loop {
            seqs.retain(|s| !s.is_empty());
            if seqs.is_empty() {
                return Ok(out);
            }
            let mut cand = None;
            for s in &seqs {
                let head = s[0];
                if !seqs.iter().any(|t| t[1..].contains(&head)) {
                    cand = Some(head);
                    break;
                }
            }
            let Some(c) = cand else {
                // CPython names the heads still waiting to be merged.
                let mut names: Vec<String> = Vec::new();
                for s in &seqs {
                    let n = self.class_name(s[0]);
                    if !names.contains(&n) {
                        names.push(n);
                    }
                }
                return Err(exc::type_error(format!(
                    "Cannot create a consistent method resolution\norder (MRO) for bases {}",
                    names.join(", ")
                )));
            };
            out.push(c);
            for s in seqs.iter_mut() {
                if s[0] == c {
                    s.remove(0);
                }
            }
        }
    }
}

fn iter_type_name(vm: &Vm, k: &IterKind) -> &'static str {
    match k {
        IterKind::Seq { seq, .. } => match vm.heap.get(*seq) {
            Obj::List(_) => "list_iterator",
            Obj::Tuple(_) => "tuple_iterator",
            _ => "iterator",
        },
        IterKind::Str { s, .. } => match vm.heap.get(*s) {
            Obj::Str(ps) if ps.is_ascii() => "str_ascii_iterator",
            _ => "str_iterator",
        },
        IterKind::Bytes { .. } => "bytes_iterator",
        IterKind::Range { .. } | IterKind::BigRange(_) => "range_iterator",
        IterKind::Dict { view, .. } => match view {
            DictView::Keys => "dict_keyiterator",
            DictView::Values => "dict_valueiterator",
            DictView::Items => "dict_itemiterator",
        },
        IterKind::Set { .. } => "set_iterator",
        IterKind::Callable(_) => "callable_iterator",
        IterKind::GetItem { .. } => "iterator",
        IterKind::Reversed { seq, .. } => match vm.heap.get(*seq) {
            Obj::List(_) => "list_reverseiterator",
            _ => "reversed",
        },
        IterKind::Native(n) => n.type_name(),
        _ => "iterator",
    }
}
