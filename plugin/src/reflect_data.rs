//! Script data in and out of reflected values: walking a script path (`c.items[2].hp`,
//! `c.state.speed`) through any reflected type, reading what is found, and writing script
//! values (numbers, strings, vectors, lists, dicts) into fields of any shape.
//!
//! Paths are walked here rather than through `ParsedPath` because a script's `x[0]` means
//! different reflection accesses by kind (a list index, a tuple field, a tuple variant's
//! field), `x[-1]` counts from the end, a map takes keys, and `Option`s are transparent.
//! Nothing is parsed per access either way: a script path arrives as segments (interned
//! names, indices), and each step is one `field(name)` of the derived reflection (a match
//! over the field names). This replaced a cache of parsed paths, whose lookup and clone per
//! access cost more than the walk (entity_bench: 877 → about 500 instructions per field read).
//!
//! Writes follow Python assignment: assigning a list or dict replaces the field's whole value
//! (made from the type's reflected `Default`, then filled in), a string names an enum's unit
//! variant, `{"Variant": payload}` selects a variant with data, `None` is an `Option`'s `None`.

use crate::math::{PyColor, PyQuat, PyVec2, PyVec3, Rgba};
use bevy::prelude::ReflectDefault;
use bevy::reflect::enums::{DynamicEnum, DynamicVariant, Enum, VariantInfo};
use bevy::reflect::structs::DynamicStruct;
use bevy::reflect::tuple::DynamicTuple;
use bevy::reflect::{PartialReflect, ReflectMut, ReflectRef, TypeInfo, TypeRegistry};
use kaa::native::PathSeg;
use kaa::vm::{ExcKind, PyErr, PyResult};
use kaa::{Value, Vm};

/// Why a path or a write failed; the caller names the component and path.
pub enum DataErr {
    Attr(String),
    Index(String),
    Key(String),
    Type(String),
    Value(String),
    Overflow(String),
}

impl DataErr {
    /// The script exception, its message prefixed with `at` (`Velocity.x`).
    pub fn at(self, at: impl std::fmt::Display) -> PyErr {
        let (kind, msg) = match self {
            DataErr::Attr(m) => (ExcKind::AttributeError, m),
            DataErr::Index(m) => (ExcKind::IndexError, m),
            DataErr::Key(m) => (ExcKind::KeyError, m),
            DataErr::Type(m) => (ExcKind::TypeError, m),
            DataErr::Value(m) => (ExcKind::ValueError, m),
            DataErr::Overflow(m) => (ExcKind::OverflowError, m),
        };
        PyErr::new(kind, format!("{at}: {msg}"))
    }
}

type DataResult<T> = Result<T, DataErr>;

/// Where a path ends.
pub enum Found<'a> {
    Field(&'a dyn PartialReflect),
    /// `place.variant` of an enum without a field of that name: the variant's name.
    Variant(&'a str),
}

fn index_of(i: i64, len: usize) -> DataResult<usize> {
    let j = if i < 0 { i + len as i64 } else { i };
    if (0..len as i64).contains(&j) {
        Ok(j as usize)
    } else {
        Err(DataErr::Index(format!(
            "index {i} out of range (length {len})"
        )))
    }
}

fn is_option(e: &dyn Enum) -> bool {
    e.reflect_type_path().starts_with("core::option::Option<")
}

/// `Some(x)` reads through to `x` (`c.target.x` on an `Option<Vec2>`-like field).
pub fn through_option(v: &dyn PartialReflect) -> &dyn PartialReflect {
    if let ReflectRef::Enum(e) = v.reflect_ref() {
        if is_option(e) && e.variant_name() == "Some" {
            if let Some(x) = e.field_at(0) {
                return x;
            }
        }
    }
    v
}

fn no_field(name: &str) -> DataErr {
    DataErr::Attr(format!("no field '{name}'"))
}

/// A map key a script segment may stand for: a string, or an integer of any width (a map's
/// key type decides which one matches). Owned and unboxed: map lookups are per-frame work.
enum MapKey {
    Str(String),
    I64(i64),
    I32(i32),
    U32(u32),
    U64(u64),
    Usize(usize),
    I16(i16),
    U16(u16),
    I8(i8),
    U8(u8),
}

impl MapKey {
    fn as_reflect(&self) -> &dyn PartialReflect {
        match self {
            MapKey::Str(k) => k,
            MapKey::I64(k) => k,
            MapKey::I32(k) => k,
            MapKey::U32(k) => k,
            MapKey::U64(k) => k,
            MapKey::Usize(k) => k,
            MapKey::I16(k) => k,
            MapKey::U16(k) => k,
            MapKey::I8(k) => k,
            MapKey::U8(k) => k,
        }
    }
}

/// The first key `seg` may stand for that `m` holds.
fn map_key(m: &dyn bevy::reflect::map::Map, seg: &PathSeg) -> Option<MapKey> {
    let candidates: Vec<MapKey> = match seg {
        PathSeg::Attr(s) => vec![MapKey::Str(s.to_string())],
        PathSeg::Index(i) => {
            let i = *i;
            let mut keys = vec![MapKey::I64(i)];
            macro_rules! also {
                ($($t:ty => $v:ident),*) => {$(
                    if let Ok(k) = <$t>::try_from(i) {
                        keys.push(MapKey::$v(k));
                    }
                )*};
            }
            also!(i32 => I32, u32 => U32, u64 => U64, usize => Usize, i16 => I16, u16 => U16,
                  i8 => I8, u8 => U8);
            keys
        }
    };
    candidates
        .into_iter()
        .find(|k| m.get(k.as_reflect()).is_some())
}

/// `"0"` names a tuple field in reflection paths (`setattr(t, "0", x)`): an index there.
fn numeric(v: &dyn PartialReflect, seg: &PathSeg) -> Option<PathSeg> {
    let PathSeg::Attr(n) = seg else { return None };
    let i = n.parse::<i64>().ok()?;
    match v.reflect_ref() {
        ReflectRef::Struct(_) | ReflectRef::Map(_) => None,
        _ => Some(PathSeg::Index(i)),
    }
}

fn step<'a>(v: &'a dyn PartialReflect, seg: &PathSeg) -> DataResult<Found<'a>> {
    let v = through_option(v);
    let owned = numeric(v, seg);
    let seg = owned.as_ref().unwrap_or(seg);
    let found = match (v.reflect_ref(), seg) {
        (ReflectRef::Struct(s), PathSeg::Attr(n)) => s.field(n).ok_or_else(|| no_field(n))?,
        (ReflectRef::Enum(e), PathSeg::Attr(n)) => match e.field(n) {
            Some(f) => f,
            None if &**n == "variant" => return Ok(Found::Variant(e.variant_name())),
            None => {
                return Err(DataErr::Attr(format!(
                    "variant {} has no field '{n}'",
                    e.variant_name()
                )))
            }
        },
        (ReflectRef::Enum(e), PathSeg::Index(i)) => e
            .field_at(index_of(*i, e.field_len())?)
            .ok_or_else(|| DataErr::Index(format!("no field {i}")))?,
        (ReflectRef::TupleStruct(t), PathSeg::Index(i)) => t
            .field(index_of(*i, t.field_len())?)
            .ok_or_else(|| DataErr::Index(format!("no field {i}")))?,
        (ReflectRef::Tuple(t), PathSeg::Index(i)) => t
            .field(index_of(*i, t.field_len())?)
            .ok_or_else(|| DataErr::Index(format!("no field {i}")))?,
        (ReflectRef::List(l), PathSeg::Index(i)) => l
            .get(index_of(*i, l.len())?)
            .ok_or_else(|| DataErr::Index(format!("no item {i}")))?,
        (ReflectRef::Array(a), PathSeg::Index(i)) => a
            .get(index_of(*i, a.len())?)
            .ok_or_else(|| DataErr::Index(format!("no item {i}")))?,
        (ReflectRef::Map(m), _) => map_key(m, seg)
            .and_then(|k| m.get(k.as_reflect()))
            .ok_or_else(|| DataErr::Key(format!("no key {}", seg_text(seg))))?,
        (_, PathSeg::Attr(n)) => return Err(no_field(n)),
        (_, PathSeg::Index(_)) => {
            return Err(DataErr::Type(format!(
                "a {} is not indexable",
                v.reflect_short_type_path()
            )))
        }
    };
    Ok(Found::Field(found))
}

fn seg_text(seg: &PathSeg) -> String {
    match seg {
        PathSeg::Attr(a) => format!("'{a}'"),
        PathSeg::Index(i) => i.to_string(),
    }
}

/// The value at `path` inside `root`.
pub fn walk<'a>(root: &'a dyn PartialReflect, path: &[PathSeg]) -> DataResult<Found<'a>> {
    let mut here = Found::Field(root);
    for seg in path {
        here = match here {
            Found::Field(v) => step(v, seg)?,
            Found::Variant(_) => return Err(DataErr::Attr("a variant name has no fields".into())),
        };
    }
    Ok(here)
}

pub fn through_option_mut(v: &mut dyn PartialReflect) -> &mut dyn PartialReflect {
    let is_some = matches!(v.reflect_ref(), ReflectRef::Enum(e) if is_option(e) && e.variant_name() == "Some");
    if !is_some {
        return v;
    }
    match v.reflect_mut() {
        ReflectMut::Enum(e) => match e.field_at_mut(0) {
            Some(x) => x,
            None => unreachable!("Some has a field"),
        },
        _ => unreachable!("checked: an enum"),
    }
}

fn step_mut<'a>(
    v: &'a mut dyn PartialReflect,
    seg: &PathSeg,
) -> DataResult<&'a mut dyn PartialReflect> {
    let v = through_option_mut(v);
    let owned = numeric(v, seg);
    let seg = owned.as_ref().unwrap_or(seg);
    let idx = |i: i64, len: usize| index_of(i, len);
    let missing = || DataErr::Index(format!("no item {}", seg_text(seg)));
    Ok(match (v.reflect_mut(), seg) {
        (ReflectMut::Struct(s), PathSeg::Attr(n)) => s.field_mut(n).ok_or_else(|| no_field(n))?,
        (ReflectMut::Enum(e), PathSeg::Attr(n)) => {
            let variant = e.variant_name().to_string();
            e.field_mut(n)
                .ok_or_else(|| DataErr::Attr(format!("variant {variant} has no field '{n}'")))?
        }
        (ReflectMut::Enum(e), PathSeg::Index(i)) => {
            let k = idx(*i, e.field_len())?;
            e.field_at_mut(k).ok_or_else(missing)?
        }
        (ReflectMut::TupleStruct(t), PathSeg::Index(i)) => {
            let k = idx(*i, t.field_len())?;
            t.field_mut(k).ok_or_else(missing)?
        }
        (ReflectMut::Tuple(t), PathSeg::Index(i)) => {
            let k = idx(*i, t.field_len())?;
            t.field_mut(k).ok_or_else(missing)?
        }
        (ReflectMut::List(l), PathSeg::Index(i)) => {
            let k = idx(*i, l.len())?;
            l.get_mut(k).ok_or_else(missing)?
        }
        (ReflectMut::Array(a), PathSeg::Index(i)) => {
            let k = idx(*i, a.len())?;
            a.get_mut(k).ok_or_else(missing)?
        }
        (ReflectMut::Map(m), _) => {
            let Some(k) = map_key(m, seg) else {
                return Err(DataErr::Key(format!("no key {}", seg_text(seg))));
            };
            m.get_mut(k.as_reflect()).ok_or_else(missing)?
        }
        (_, PathSeg::Attr(n)) => return Err(no_field(n)),
        (_, PathSeg::Index(_)) => return Err(DataErr::Type("not indexable".into())),
    })
}

/// The field at `path` inside `root`, for writing.
pub fn walk_mut<'a>(
    root: &'a mut dyn PartialReflect,
    path: &[PathSeg],
) -> DataResult<&'a mut dyn PartialReflect> {
    let mut here = root;
    for seg in path {
        here = step_mut(here, seg)?;
    }
    Ok(here)
}

/// Write `data` at `path` inside `root`; a missing key of a map is inserted (`d["new"] = x`).
pub fn assign_path(
    data: &DataIn,
    root: &mut dyn PartialReflect,
    path: &[PathSeg],
    reg: &TypeRegistry,
) -> DataResult<()> {
    let Some((last, parent_path)) = path.split_last() else {
        return assign(data, root, reg);
    };
    let parent = through_option_mut(walk_mut(root, parent_path)?);
    if let ReflectMut::Map(m) = parent.reflect_mut() {
        if map_key(m, last).is_none() {
            let Some(TypeInfo::Map(mi)) = m.get_represented_type_info() else {
                return Err(DataErr::Type("a map of unknown entries".into()));
            };
            let (Some(ki), Some(vi)) = (mi.key_info(), mi.value_info()) else {
                return Err(DataErr::Type("a map of unknown entries".into()));
            };
            let key = match last {
                PathSeg::Attr(s) => DataIn::Str(s.to_string()),
                PathSeg::Index(i) => DataIn::Int(*i),
            };
            let (key, value) = (build(&key, ki, reg)?, build(data, vi, reg)?);
            m.insert_boxed(key, value);
            return Ok(());
        }
    }
    assign(data, step_mut(parent, last)?, reg)
}

/// A change to a reflected list, from one of its script methods.
pub enum ListEdit {
    Push(Vec<DataIn>),
    Insert(i64, DataIn),
    Pop(Option<i64>),
    Clear,
}

/// Apply `edit` to the list `target`; `Pop` gives back the removed item as a leaf.
pub fn edit_list(
    edit: ListEdit,
    target: &mut dyn PartialReflect,
    reg: &TypeRegistry,
) -> DataResult<Option<Leaf>> {
    let target = through_option_mut(target);
    let item = match target.get_represented_type_info() {
        Some(TypeInfo::List(li)) => li.item_info(),
        _ => None,
    };
    let ReflectMut::List(l) = target.reflect_mut() else {
        return Err(DataErr::Type("not a list".into()));
    };
    let item = || item.ok_or_else(|| DataErr::Type("a list of unknown items".into()));
    match edit {
        ListEdit::Push(items) => {
            let info = item()?;
            for x in &items {
                l.push(build(x, info, reg)?);
            }
        }
        ListEdit::Insert(i, x) => {
            // Python clamps insertion points to the list.
            let n = l.len() as i64;
            let at = if i < 0 { (i + n).max(0) } else { i.min(n) } as usize;
            l.insert(at, build(&x, item()?, reg)?);
        }
        ListEdit::Pop(i) => {
            if l.is_empty() {
                return Err(DataErr::Index("pop from empty list".into()));
            }
            let at = match i {
                None => l.len() - 1,
                Some(i) => index_of(i, l.len())
                    .map_err(|_| DataErr::Index("pop index out of range".into()))?,
            };
            let gone = l.remove(at);
            return Ok(Some(read_leaf(gone.as_ref())));
        }
        ListEdit::Clear => {
            while !l.is_empty() {
                l.pop();
            }
        }
    }
    Ok(None)
}

/// How many items a place has (`len(ref)`): lists, arrays, tuples, maps, sets.
pub fn len_of(v: &dyn PartialReflect) -> Option<usize> {
    Some(match through_option(v).reflect_ref() {
        ReflectRef::List(l) => l.len(),
        ReflectRef::Array(a) => a.len(),
        ReflectRef::Tuple(t) => t.field_len(),
        ReflectRef::TupleStruct(t) => t.field_len(),
        ReflectRef::Map(m) => m.len(),
        ReflectRef::Set(s) => s.len(),
        _ => return None,
    })
}

/// A reflected field read out of the World: a plain value, or a place with fields of its own.
pub enum Leaf {
    Int(i64),
    Float(f64),
    Bool(bool),
    Str(String),
    Color(Rgba),
    Vec2(bevy::math::Vec2),
    Vec3(bevy::math::Vec3),
    None,
    Place,
}

pub fn read_leaf(v: &dyn PartialReflect) -> Leaf {
    // Game components are mostly f32 fields: test those before the ten integer types.
    if let Some(x) = v.try_downcast_ref::<f32>() {
        return Leaf::Float(*x as f64);
    }
    if let Some(x) = v.try_downcast_ref::<f64>() {
        return Leaf::Float(*x);
    }
    macro_rules! ints {
        ($($t:ty),*) => {$(
            if let Some(x) = v.try_downcast_ref::<$t>() {
                return match i64::try_from(*x) {
                    Ok(i) => Leaf::Int(i),
                    Err(_) => Leaf::Float(*x as f64),
                };
            }
        )*};
    }
    ints!(i32, i64, u32, u64, usize, u8, i8, i16, u16, isize);
    if let Some(x) = v.try_downcast_ref::<bool>() {
        return Leaf::Bool(*x);
    }
    if let Some(x) = v.try_downcast_ref::<String>() {
        return Leaf::Str(x.clone());
    }
    if let Some(c) = v.try_downcast_ref::<bevy::color::Color>() {
        let s = c.to_srgba();
        return Leaf::Color(Rgba::new(s.red, s.green, s.blue, s.alpha));
    }
    if let Some(x) = v.try_downcast_ref::<bevy::math::Vec2>() {
        return Leaf::Vec2(*x);
    }
    if let Some(x) = v.try_downcast_ref::<bevy::math::Vec3>() {
        return Leaf::Vec3(*x);
    }
    if let ReflectRef::Enum(e) = v.reflect_ref() {
        if is_option(e) {
            return match e.field_at(0) {
                Some(x) => read_leaf(x),
                None => Leaf::None,
            };
        }
        // A unit variant reads as its name; others are places (`[0]`, `.field`, `.variant`).
        if e.field_len() == 0 {
            return Leaf::Str(e.variant_name().to_string());
        }
    }
    Leaf::Place
}

/// A script value on its way into a reflected field (converted before the World is
/// borrowed, since conversion needs the VM).
#[derive(Clone, Debug)]
pub enum DataIn {
    Int(i64),
    Float(f64),
    Bool(bool),
    Str(String),
    None,
    Color([f32; 4]),
    /// A `Vec2`/`Vec3`/`Quat` value.
    Floats(Vec<f32>),
    List(Vec<DataIn>),
    Dict(Vec<(DataIn, DataIn)>),
}

const MAX_DEPTH: usize = 16;

impl DataIn {
    pub fn from_value(vm: &mut Vm, v: Value) -> PyResult<Self> {
        Self::from_value_at(vm, v, 0)
    }

    fn from_value_at(vm: &mut Vm, v: Value, depth: usize) -> PyResult<Self> {
        if depth > MAX_DEPTH {
            return Err(PyErr::new(
                ExcKind::ValueError,
                "component data nested too deeply",
            ));
        }
        Ok(match v {
            Value::None => DataIn::None,
            Value::Int(i) => DataIn::Int(i),
            Value::Float(f) => DataIn::Float(f),
            Value::Bool(b) => DataIn::Bool(b),
            Value::Obj(r) => {
                if let Some(c) = kaa::native::native_ref::<PyColor>(vm, r) {
                    let c = c.0;
                    return Ok(DataIn::Color([c.red, c.green, c.blue, c.alpha]));
                }
                if let Some(q) = kaa::native::native_ref::<PyQuat>(vm, r) {
                    let q = q.0;
                    return Ok(DataIn::Floats(vec![q.x, q.y, q.z, q.w]));
                }
                if let Some(p) = kaa::native::native_ref::<PyVec2>(vm, r) {
                    return Ok(DataIn::Floats(p.0.to_array().to_vec()));
                }
                if let Some(p) = kaa::native::native_ref::<PyVec3>(vm, r) {
                    return Ok(DataIn::Floats(p.0.to_array().to_vec()));
                }
                if let Some(s) = vm.as_str(v) {
                    return Ok(DataIn::Str(s.to_string()));
                }
                match vm.type_name(v).as_str() {
                    "list" | "tuple" => {
                        let items: Vec<Value> = vm.extract(v)?;
                        let mut out = Vec::with_capacity(items.len());
                        for x in items {
                            out.push(Self::from_value_at(vm, x, depth + 1)?);
                        }
                        DataIn::List(out)
                    }
                    "dict" => {
                        let pairs = vm.dict_pairs(v).unwrap_or_default();
                        let mut out = Vec::with_capacity(pairs.len());
                        for (k, x) in pairs {
                            let key = Self::from_value_at(vm, k, depth + 1)?;
                            out.push((key, Self::from_value_at(vm, x, depth + 1)?));
                        }
                        DataIn::Dict(out)
                    }
                    // A live vector place (`t.translation`, `a.dir`): its current value.
                    _ => {
                        if let Some(p) = crate::math::vec3_of(vm, v)? {
                            DataIn::Floats(p.to_array().to_vec())
                        } else if let Some(p) = crate::math::vec2_of(vm, v)? {
                            DataIn::Floats(p.to_array().to_vec())
                        } else if let Some(c) = crate::vec_place::color_field_value(vm, v)? {
                            DataIn::Color([c.red, c.green, c.blue, c.alpha])
                        } else {
                            return Err(PyErr::new(
                                ExcKind::TypeError,
                                format!(
                                    "cannot store a '{}' in a component field",
                                    vm.type_name(v)
                                ),
                            ));
                        }
                    }
                }
            }
            _ => return Err(PyErr::new(ExcKind::TypeError, "cannot store that value")),
        })
    }

    fn numbers(&self) -> Option<Vec<f32>> {
        match self {
            DataIn::Floats(xs) => Some(xs.clone()),
            DataIn::List(items) => items
                .iter()
                .map(|x| match x {
                    DataIn::Int(i) => Some(*i as f32),
                    DataIn::Float(f) => Some(*f as f32),
                    _ => None,
                })
                .collect(),
            _ => None,
        }
    }

    fn what(&self) -> &'static str {
        match self {
            DataIn::Int(_) => "an int",
            DataIn::Float(_) => "a float",
            DataIn::Bool(_) => "a bool",
            DataIn::Str(_) => "a str",
            DataIn::None => "None",
            DataIn::Color(_) => "a Color",
            DataIn::Floats(_) => "a vector",
            DataIn::List(_) => "a list",
            DataIn::Dict(_) => "a dict",
        }
    }
}

fn mismatch(data: &DataIn, target: &dyn PartialReflect) -> DataErr {
    let t = target
        .get_represented_type_info()
        .map_or("that", |i| i.type_path_table().short_path());
    DataErr::Type(format!("cannot assign {} to a {t} field", data.what()))
}

/// Write `data` into `target` (see the module notes for the rules).
pub fn assign(
    data: &DataIn,
    target: &mut dyn PartialReflect,
    reg: &TypeRegistry,
) -> DataResult<()> {
    // A struct assigned a dict is replaced: its default, with the dict's fields. Everything
    // else is written as into a fresh value (lists and maps refilled, tuples item by item).
    if let (ReflectRef::Struct(_), DataIn::Dict(_)) = (target.reflect_ref(), data) {
        let info = target
            .get_represented_type_info()
            .ok_or_else(|| mismatch(data, target))?;
        let fresh = build(data, info, reg)?;
        return target
            .try_apply(fresh.as_ref())
            .map_err(|e| DataErr::Type(e.to_string()));
    }
    fill(data, target, reg)
}

/// Numbers, bools and strings into fields of those types. False: not a scalar field.
fn assign_scalar(data: &DataIn, target: &mut dyn PartialReflect) -> DataResult<bool> {
    if let Some(t) = target.try_downcast_mut::<f32>() {
        *t = match data {
            DataIn::Float(f) => *f as f32,
            DataIn::Int(i) => *i as f32,
            _ => return Err(mismatch(data, target)),
        };
        return Ok(true);
    }
    if let Some(t) = target.try_downcast_mut::<f64>() {
        *t = match data {
            DataIn::Float(f) => *f,
            DataIn::Int(i) => *i as f64,
            _ => return Err(mismatch(data, target)),
        };
        return Ok(true);
    }
    macro_rules! set_int {
        ($($t:ty),*) => {$(
            if target.try_downcast_ref::<$t>().is_some() {
                let x: $t = match data {
                    DataIn::Int(i) => <$t>::try_from(*i)
                        .map_err(|_| DataErr::Overflow(format!("{i} is out of range")))?,
                    DataIn::Bool(b) => *b as $t,
                    _ => return Err(mismatch(data, target)),
                };
                if let Some(t) = target.try_downcast_mut::<$t>() {
                    *t = x;
                }
                return Ok(true);
            }
        )*};
    }
    set_int!(i32, i64, u32, u64, usize, u8, i8, i16, u16, isize);
    if let Some(t) = target.try_downcast_mut::<bool>() {
        *t = match data {
            DataIn::Bool(b) => *b,
            _ => return Err(mismatch(data, target)),
        };
        return Ok(true);
    }
    if let Some(t) = target.try_downcast_mut::<String>() {
        *t = match data {
            DataIn::Str(s) => s.clone(),
            _ => return Err(mismatch(data, target)),
        };
        return Ok(true);
    }
    Ok(false)
}

/// Vectors (and `Option`s of them) from 2-4 numbers. None: not a math field.
fn assign_math(data: &DataIn, target: &mut dyn PartialReflect) -> Option<Result<(), ()>> {
    use bevy::math::{Quat, Vec2, Vec3, Vec4};
    let xs = data.numbers()?;
    let path = target.get_represented_type_info()?.type_path();
    let mathy = ["glam::", "core::option::Option<glam::"]
        .iter()
        .any(|p| path.starts_with(p));
    if !mathy {
        return None;
    }
    let r = match xs[..] {
        [x, y] => target
            .try_apply(&Vec2::new(x, y))
            .or_else(|_| target.try_apply(&Some(Vec2::new(x, y)))),
        [x, y, z] => target
            .try_apply(&Vec3::new(x, y, z))
            .or_else(|_| target.try_apply(&Some(Vec3::new(x, y, z)))),
        [x, y, z, w] => target
            .try_apply(&Quat::from_xyzw(x, y, z, w))
            .or_else(|_| target.try_apply(&Vec4::new(x, y, z, w))),
        _ => return Some(Err(())),
    };
    Some(r.map_err(|_| ()))
}

/// A variant name, `{"Variant": payload}`, `None`, or for an `Option` the inner value.
fn assign_enum(
    data: &DataIn,
    target: &mut dyn PartialReflect,
    reg: &TypeRegistry,
) -> DataResult<()> {
    let Some(TypeInfo::Enum(info)) = target.get_represented_type_info() else {
        return Err(mismatch(data, target));
    };
    let option = info.type_path().starts_with("core::option::Option<");
    let (name, payload): (&str, Option<&DataIn>) = match data {
        DataIn::None if option => ("None", None),
        _ if option => ("Some", Some(data)),
        DataIn::Str(s) => (s.as_str(), None),
        DataIn::Dict(kv) if kv.len() == 1 => match &kv[0] {
            (DataIn::Str(k), v) => (k.as_str(), Some(v)),
            _ => return Err(mismatch(data, target)),
        },
        _ => return Err(mismatch(data, target)),
    };
    let variant = info.variant(name).ok_or_else(|| {
        DataErr::Value(format!(
            "{} has no variant {name} (it has {})",
            info.type_path_table().short_path(),
            info.variant_names().join(", ")
        ))
    })?;
    let dynamic = match (variant, payload) {
        (VariantInfo::Unit(_), None) => DynamicVariant::Unit,
        (VariantInfo::Tuple(t), Some(p)) => {
            // Option's `Some(x)` takes x itself; other tuple variants take a list (or one value).
            let items: Vec<&DataIn> = match p {
                DataIn::List(items) if !(option || t.field_len() == 1 && items.is_empty()) => {
                    items.iter().collect()
                }
                other => vec![other],
            };
            if items.len() != t.field_len() {
                return Err(DataErr::Value(format!(
                    "variant {name} takes {} values, not {}",
                    t.field_len(),
                    items.len()
                )));
            }
            let mut tuple = DynamicTuple::default();
            for (i, x) in items.into_iter().enumerate() {
                let info = t
                    .field_at(i)
                    .and_then(|f| f.type_info())
                    .ok_or_else(|| mismatch(data, target))?;
                tuple.insert_boxed(build(x, info, reg)?);
            }
            DynamicVariant::Tuple(tuple)
        }
        (VariantInfo::Struct(s), Some(DataIn::Dict(kv))) => {
            let mut st = DynamicStruct::default();
            for f in s.iter() {
                let given = kv
                    .iter()
                    .find(|(k, _)| matches!(k, DataIn::Str(n) if n == f.name()))
                    .map(|(_, v)| v);
                let info = f.type_info().ok_or_else(|| mismatch(data, target))?;
                let value = match given {
                    Some(x) => build(x, info, reg)?,
                    None => default_of(info, reg)?.into_partial_reflect(),
                };
                st.insert_boxed(f.name(), value);
            }
            if let Some((k, _)) = kv
                .iter()
                .find(|(k, _)| !matches!(k, DataIn::Str(n) if s.field(n).is_some()))
            {
                return Err(DataErr::Attr(format!("variant {name} has no field {k:?}")));
            }
            DynamicVariant::Struct(st)
        }
        (VariantInfo::Unit(_), Some(_)) => {
            return Err(DataErr::Value(format!("variant {name} has no fields")))
        }
        (_, _) => {
            return Err(DataErr::Value(format!(
                "variant {name} needs its fields: {{\"{name}\": ...}}"
            )))
        }
    };
    let value = DynamicEnum::new(name, dynamic);
    target
        .try_apply(&value)
        .map_err(|e| DataErr::Type(e.to_string()))
}

fn default_of(info: &TypeInfo, reg: &TypeRegistry) -> DataResult<Box<dyn bevy::reflect::Reflect>> {
    let d = reg
        .get(info.type_id())
        .and_then(|r| r.data::<ReflectDefault>())
        .ok_or_else(|| {
            DataErr::Type(format!(
                "{} has no reflected Default: it cannot be made from a script",
                info.type_path()
            ))
        })?;
    Ok(d.default())
}

/// The length of an array, tuple or tuple struct (filled item by item from a list), and
/// what its items are called in messages.
fn fixed_len(v: &dyn PartialReflect) -> Option<(usize, &'static str)> {
    match v.reflect_ref() {
        ReflectRef::Array(a) => Some((a.len(), "items")),
        ReflectRef::TupleStruct(t) => Some((t.field_len(), "values")),
        ReflectRef::Tuple(t) => Some((t.field_len(), "values")),
        _ => None,
    }
}

fn fixed_slot(v: &mut dyn PartialReflect, i: usize) -> Option<&mut dyn PartialReflect> {
    match v.reflect_mut() {
        ReflectMut::Array(a) => a.get_mut(i),
        ReflectMut::TupleStruct(t) => t.field_mut(i),
        ReflectMut::Tuple(t) => t.field_mut(i),
        _ => None,
    }
}

/// A new value of type `info` holding `data`: its default, then `data` written into it (dicts
/// fill fields, lists fill items).
pub fn build(
    data: &DataIn,
    info: &TypeInfo,
    reg: &TypeRegistry,
) -> DataResult<Box<dyn PartialReflect>> {
    let mut v = default_of(info, reg)?.into_partial_reflect();
    fill(data, v.as_mut(), reg)?;
    Ok(v)
}

/// Write `data` into a fresh value: like [`assign`], but dicts and lists fill a struct's fields
/// and a collection's items in place (that is how [`build`] makes nested values).
pub fn fill(data: &DataIn, target: &mut dyn PartialReflect, reg: &TypeRegistry) -> DataResult<()> {
    if assign_scalar(data, target)? {
        return Ok(());
    }
    if let DataIn::Color([r, g, b, a]) = data {
        let c = bevy::color::Color::srgba(*r, *g, *b, *a);
        return target.try_apply(&c).map_err(|_| mismatch(data, target));
    }
    if let Some(done) = assign_math(data, target) {
        return done.map_err(|_| mismatch(data, target));
    }
    if let ReflectMut::Enum(_) = target.reflect_mut() {
        return assign_enum(data, target, reg);
    }
    if let (Some((n, what)), DataIn::List(items)) = (fixed_len(target), data) {
        if n != items.len() {
            return Err(DataErr::Value(format!(
                "needs {n} {what}, not {}",
                items.len()
            )));
        }
        for (i, x) in items.iter().enumerate() {
            if let Some(slot) = fixed_slot(target, i) {
                fill(x, slot, reg)?;
            }
        }
        return Ok(());
    }
    let item_info = |info: Option<&'static TypeInfo>| -> DataResult<&'static TypeInfo> {
        info.ok_or_else(|| DataErr::Type("items of unknown type".into()))
    };
    match (target.reflect_mut(), data) {
        (ReflectMut::Struct(s), DataIn::Dict(kv)) => {
            for (k, x) in kv {
                let DataIn::Str(name) = k else {
                    return Err(DataErr::Type("field names are strings".into()));
                };
                let f = s.field_mut(name).ok_or_else(|| no_field(name))?;
                fill(x, f, reg)?;
            }
            Ok(())
        }
        // A list fills a struct's fields in order.
        (ReflectMut::Struct(s), DataIn::List(items)) => {
            if items.len() > s.field_len() {
                return Err(DataErr::Value(format!(
                    "{} values for {} fields",
                    items.len(),
                    s.field_len()
                )));
            }
            for (i, x) in items.iter().enumerate() {
                if let Some(f) = s.field_at_mut(i) {
                    fill(x, f, reg)?;
                }
            }
            Ok(())
        }
        (ReflectMut::List(l), DataIn::List(items)) => {
            let info = match l.get_represented_type_info() {
                Some(TypeInfo::List(li)) => item_info(li.item_info())?,
                _ => return Err(DataErr::Type("a list of unknown items".into())),
            };
            while !l.is_empty() {
                l.pop();
            }
            for x in items {
                l.push(build(x, info, reg)?);
            }
            Ok(())
        }
        // `{"0": "text"}`: tuple fields by number, as in reflection paths.
        (ReflectMut::TupleStruct(t), DataIn::Dict(kv)) => {
            for (k, x) in kv {
                let i = match k {
                    DataIn::Int(i) => usize::try_from(*i).ok(),
                    DataIn::Str(s) => s.parse::<usize>().ok(),
                    _ => None,
                };
                let slot = i
                    .and_then(|i| t.field_mut(i))
                    .ok_or_else(|| DataErr::Attr(format!("no field {k:?}")))?;
                fill(x, slot, reg)?;
            }
            Ok(())
        }
        // A newtype (`Health(f32)`) takes its one value directly.
        (ReflectMut::TupleStruct(t), x) if t.field_len() == 1 => match t.field_mut(0) {
            Some(slot) => fill(x, slot, reg),
            None => Err(DataErr::Type("empty tuple struct".into())),
        },
        (ReflectMut::Map(m), DataIn::Dict(kv)) => {
            let (ki, vi) = match m.get_represented_type_info() {
                Some(TypeInfo::Map(mi)) => (item_info(mi.key_info())?, item_info(mi.value_info())?),
                _ => return Err(DataErr::Type("a map of unknown entries".into())),
            };
            m.drain();
            for (k, x) in kv {
                let key = build(k, ki, reg)?;
                let value = build(x, vi, reg)?;
                m.insert_boxed(key, value);
            }
            Ok(())
        }
        _ => Err(mismatch(data, target)),
    }
}
