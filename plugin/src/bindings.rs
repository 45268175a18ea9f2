//! The script-facing `bevy` module: the `Script` base class, entities, components by name
//! (through reflection, no binding code per type), input and time.
//!
//! Everything reads the `World` lent to the VM for the current run (`Vm::with_host`); a
//! reference a script keeps past the frame fails with a clear error when used later.

use crate::reflect_data::{assign_path, fill, read_leaf, walk, DataIn, Found, Leaf, ListEdit};
use bevy::ecs::component::ComponentId;
use bevy::ecs::reflect::{AppTypeRegistry, ReflectComponent};
use bevy::input::keyboard::KeyCode;
use bevy::input::ButtonInput;
use bevy::prelude::{Entity, Time, World};
use bevy::reflect::enums::{DynamicEnum, DynamicVariant};
use bevy::reflect::{FromReflect, PartialReflect, ReflectFromPtr, ReflectRef};
use kaa::native::{field_receiver, native_ref, HostRef, NativeType, PathSeg, RefHandler, RefRead};
use kaa::{ExcKind, PyErr, PyResult, Value, Vm};
use smallvec::SmallVec;
use std::sync::Arc;

/// The Python half of the module: what scripts import as `bevy`.
pub const BEVY_PY: &str = r#""""Bevy from Kaa scripts: Script, entities, components by name, input, time."""
import _bevy
from _bevy import Entity, ComponentType, input, time, world, component, Vec2, Vec3, Quat, Color

__all__ = ["Script", "Entity", "ComponentType", "input", "time", "world", "component", "emit",
           "Vec2", "Vec3", "Quat", "Color"]

# Script objects by entity id, in this VM (entities of other scenes have none here).
_instances = {}
# Attributes for scripts spawned by `Script.spawn(..., **props)`, until they start.
_props = {}
Entity.script = property(lambda self: _instances.get(self.id),
                         doc="This entity's script object (None if it has none in this VM).")


def _send(self, handler, *args):
    """Call `handler(*args)` on this entity's script at the start of the next frame, in whatever
    scene it lives. Arguments cross as plain data (None, bool, int, float, str, list, dict with
    str keys, Entity), like a `KaaTrigger` from Rust; a script without the handler ignores it."""
    _bevy.send(self, handler, list(args))


Entity.send = _send


def emit(name, payload=None, source=None):
    """Send a message that Rust systems read as `ScriptMessage`."""
    _bevy.emit(name, payload, source)


class Script:
    """Subclass this in a script file: each entity's script is an instance of the subclass.
    Hooks (all optional): start(self), update(self, dt), on_reload(self), on_destroy(self)."""

    entity = None

    def start_task(self, body, *args):
        """Run `body` as a task owned by this entity: it ends when the entity goes."""
        return _bevy.start_task(self.entity, body, *args)

    def emit(self, name, payload=None):
        """A `ScriptMessage` from this entity, for Rust systems."""
        _bevy.emit(name, payload, self.entity)

    def spawn(self, components=None, script=None, **props):
        """Spawn a child of this entity: it shares this scene (and VM) and goes with it.
        `props` become attributes of the child's script object before its `start` runs."""
        e = world.spawn(components, script=script, parent=self.entity)
        if script is not None and props:
            _props[e.id] = props
        return e

    def __repr__(self):
        return f"<{type(self).__name__} script of {self.entity!r}>"


def _script_class(mod):
    """The first Script subclass defined in module `mod` (None if there is none)."""
    for v in list(mod.__dict__.values()):
        if isinstance(v, type) and issubclass(v, Script) and v is not Script \
                and v.__module__ == mod.__name__:
            return v
    return None


def _register(entity, obj):
    _instances[entity.id] = obj
    props = _props.pop(entity.id, None)
    if props:
        obj.__dict__.update(props)


def _unregister(entity_id):
    _instances.pop(entity_id, None)
    _props.pop(entity_id, None)


def _merge(old, new):
    """After a successful reload: the old module object gets the new definitions."""
    old.__dict__.update(new.__dict__)


def __getattr__(name):
    # `from bevy import Transform`: any reflected component, by its short name.
    if name.startswith("__"):
        raise AttributeError(name)
    return component(name)
"#;

/// An entity, as scripts see it.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct EntityObj(pub Entity);

impl NativeType for EntityObj {
    const NAME: &'static str = "Entity";
}

/// A component type named from a script (`Transform`, `Velocity`, ...): its name and the
/// slot of its handler in the VM's [`ComponentHandlers`] (so `entity.get(T)` needs no lookup
/// by name).
#[derive(Clone, Debug)]
pub struct ComponentType(pub Arc<str>, u32);

impl PartialEq for ComponentType {
    fn eq(&self, other: &Self) -> bool {
        self.0 == other.0
    }
}

impl ComponentType {
    pub fn new(vm: &mut Vm, name: &str) -> Self {
        ComponentType(name.into(), ComponentRefs::slot_of(vm, name))
    }
}

impl NativeType for ComponentType {
    const NAME: &'static str = "ComponentType";
}

/// `input`: keyboard state.
#[derive(Clone, Copy, Debug)]
pub struct InputView;

impl NativeType for InputView {
    const NAME: &'static str = "Input";
}

/// `time`: the frame's time.
#[derive(Clone, Copy, Debug)]
pub struct TimeView;

impl NativeType for TimeView {
    const NAME: &'static str = "Time";
}

/// `world`: lookups that are not tied to one entity.
#[derive(Clone, Copy, Debug)]
pub struct WorldView;

impl NativeType for WorldView {
    const NAME: &'static str = "World";
}

fn world(vm: &mut Vm) -> PyResult<&mut World> {
    vm.host::<World>()
}

fn runtime(msg: impl Into<String>) -> PyErr {
    PyErr::new(ExcKind::RuntimeError, msg.into())
}

/// Reads and writes of one component type, routed through reflection.
pub struct ComponentRefs {
    pub name: Arc<str>,
    /// Its index in the VM's [`ComponentHandlers`].
    slot: u32,
    /// Resolved on first use (once per VM and component): see [`Resolved`].
    resolved: std::sync::OnceLock<Resolved>,
    /// The struct's field names, once they are typed properties of the reference class.
    fields: std::sync::OnceLock<Vec<Arc<str>>>,
}

/// How to reach the component in an entity without looking its type up again: its
/// `ComponentId` (the typed `ReflectComponent::reflect` hashes the type id on every call),
/// whether it may be changed, the pointer-to-reflect conversion of its type, and the type
/// registry for building values.
struct Resolved {
    id: ComponentId,
    mutable: bool,
    from_ptr: ReflectFromPtr,
    registry: AppTypeRegistry,
}

impl ComponentRefs {
    /// The shared handler of component `name` in `vm` (one per name per VM, so its caches last).
    pub fn for_name(vm: &mut Vm, name: &str) -> Arc<ComponentRefs> {
        let slot = ComponentRefs::slot_of(vm, name);
        vm.extension::<ComponentHandlers>().list[slot as usize].clone()
    }

    /// The handler in `slot` of this VM's table (from a `ComponentType` or a data word).
    fn by_slot(vm: &mut Vm, slot: u32) -> PyResult<Arc<ComponentRefs>> {
        vm.extension::<ComponentHandlers>()
            .list
            .get(slot as usize)
            .cloned()
            .ok_or_else(|| runtime("unknown component handler"))
    }

    /// The index of component `name`'s handler in this VM's table (made on first use).
    pub fn slot_of(vm: &mut Vm, name: &str) -> u32 {
        let handlers = vm.extension::<ComponentHandlers>();
        if let Some(&i) = handlers.by_name.get(name) {
            return i;
        }
        let i = handlers.list.len() as u32;
        handlers.list.push(Arc::new(ComponentRefs {
            name: name.into(),
            slot: i,
            resolved: Default::default(),
            fields: Default::default(),
        }));
        handlers.by_name.insert(name.to_string(), i);
        i
    }

    /// Give this component's reference class a typed property per field of its struct (once
    /// per VM): `v.x` then goes from the attribute cache to [`field_get`], which reads the
    /// field by index, instead of through `__getattr__` and a walk by name.
    fn install_fields(&self, vm: &mut Vm) -> PyResult<()> {
        if self.fields.get().is_some() {
            return Ok(());
        }
        let names: Vec<Arc<str>> = {
            let w = world(vm)?;
            let res = self.resolved(w)?;
            let reg = res.registry.read();
            match reg.get(res.from_ptr.type_id()).map(|r| r.type_info()) {
                Some(bevy::reflect::TypeInfo::Struct(info)) => {
                    info.field_names().iter().map(|n| Arc::from(*n)).collect()
                }
                _ => Vec::new(),
            }
        };
        let cls = vm.host_ref_class(&self.name)?;
        for (i, name) in names.iter().enumerate() {
            if name.starts_with("__") {
                continue;
            }
            let data = (u64::from(self.slot) << 32) | i as u64;
            let p = vm.field_property(name, field_get, Some(field_set), data);
            vm.class_set_attr(cls, name, p);
        }
        let _ = self.fields.set(names);
        Ok(())
    }

    /// The component's resolution (made on first use).
    fn resolved(&self, world: &mut World) -> PyResult<&Resolved> {
        if let Some(r) = self.resolved.get() {
            return Ok(r);
        }
        let registry = world.resource::<AppTypeRegistry>().clone();
        let (rc, from_ptr) = {
            let reg = registry.read();
            let (r, rc) = component_registration(&reg, &self.name)?;
            let from_ptr = r
                .data::<ReflectFromPtr>()
                .cloned()
                .ok_or_else(|| runtime(format!("'{}' has no ReflectFromPtr", self.name)))?;
            (rc.clone(), from_ptr)
        };
        let id = rc.register_component(world);
        // The id must name the type `from_ptr` converts, or reading through it is unsound.
        if world.components().get_id(from_ptr.type_id()) != Some(id) {
            return Err(runtime(format!(
                "'{}': its component id is not its reflected type's",
                self.name
            )));
        }
        let mutable = world.components().get_info(id).is_some_and(|i| i.mutable());
        Ok(self.resolved.get_or_init(|| Resolved {
            id,
            mutable,
            from_ptr,
            registry,
        }))
    }

    /// Run `f` on the component of entity `e`.
    pub(crate) fn read<R>(
        &self,
        vm: &mut Vm,
        e: Entity,
        f: impl FnOnce(&dyn PartialReflect) -> PyResult<R>,
    ) -> PyResult<R> {
        let world = world(vm)?;
        let res = self.resolved(world)?;
        let entity = world
            .get_entity(e)
            .map_err(|_| runtime(format!("entity {e} no longer exists")))?;
        let ptr = entity
            .get_by_id(res.id)
            .map_err(|_| runtime(format!("entity {e} has no {}", self.name)))?;
        // SAFETY: `resolved` checked that `res.id` is the component id of the type that
        // `res.from_ptr` converts, so `ptr` points at a value of that type.
        let comp = unsafe { res.from_ptr.as_reflect(ptr) };
        f(comp.as_partial_reflect())
    }

    /// Run `f` on the component of entity `e` for writing (change detection sees it), with
    /// the type registry for building new values.
    pub(crate) fn write<R>(
        &self,
        vm: &mut Vm,
        e: Entity,
        f: impl FnOnce(&mut dyn PartialReflect, &bevy::reflect::TypeRegistry) -> PyResult<R>,
    ) -> PyResult<R> {
        let world = world(vm)?;
        let res = self.resolved(world)?;
        let mut entity = world
            .get_entity_mut(e)
            .map_err(|_| runtime(format!("entity {e} no longer exists")))?;
        if !res.mutable {
            return Err(runtime(format!(
                "{} is immutable: it cannot be changed",
                self.name
            )));
        }
        let ptr = entity
            .get_mut_by_id(res.id)
            .map_err(|_| runtime(format!("entity {e} has no {}", self.name)))?;
        // SAFETY: as in `read`: `res.id` is the component id of the type `res.from_ptr`
        // converts.
        let comp = unsafe { res.from_ptr.as_reflect_mut(ptr.into_inner()) };
        let reg = res.registry.read();
        f(comp.as_partial_reflect_mut(), &reg)
    }
}

const LIST_METHODS: [&str; 5] = ["append", "extend", "insert", "pop", "clear"];

impl ComponentRefs {
    /// `b.scores.append` and friends: a method bound to the list at `path[..-1]`, when that
    /// is a list (a struct's field of the same name wins).
    fn list_method(&self, vm: &mut Vm, e: Entity, path: &[PathSeg]) -> PyResult<Option<Value>> {
        let Some((PathSeg::Attr(m), parent)) = path.split_last() else {
            return Ok(None);
        };
        let Some(&name) = LIST_METHODS.iter().find(|n| **n == &**m) else {
            return Ok(None);
        };
        let is_list = self.read(vm, e, |comp| {
            Ok(matches!(walk(comp, parent), Ok(Found::Field(v))
                if matches!(v.reflect_ref(), ReflectRef::List(_))))
        })?;
        if !is_list {
            return Ok(None);
        }
        let h = ComponentRefs::for_name(vm, &self.name);
        let parent: Vec<PathSeg> = parent.to_vec();
        let f = match name {
            "append" => vm.native_fn(name, move |vm: &mut Vm, x: Value| -> PyResult<()> {
                let x = DataIn::from_value(vm, x)?;
                h.edit_list(vm, e, &parent, ListEdit::Push(vec![x]))
                    .map(drop)
            }),
            "extend" => vm.native_fn(name, move |vm: &mut Vm, xs: Vec<Value>| -> PyResult<()> {
                let mut items = Vec::with_capacity(xs.len());
                for x in xs {
                    items.push(DataIn::from_value(vm, x)?);
                }
                h.edit_list(vm, e, &parent, ListEdit::Push(items)).map(drop)
            }),
            "insert" => vm.native_fn(name, move |vm: &mut Vm, i: i64, x: Value| -> PyResult<()> {
                let x = DataIn::from_value(vm, x)?;
                h.edit_list(vm, e, &parent, ListEdit::Insert(i, x))
                    .map(drop)
            }),
            "pop" => vm.native_fn(
                name,
                move |vm: &mut Vm, i: Option<i64>| -> PyResult<Value> {
                    match h.edit_list(vm, e, &parent, ListEdit::Pop(i))? {
                        Some(leaf) => leaf_value(vm, leaf),
                        None => Ok(Value::None),
                    }
                },
            ),
            _ => vm.native_fn(name, move |vm: &mut Vm| -> PyResult<()> {
                h.edit_list(vm, e, &parent, ListEdit::Clear).map(drop)
            }),
        };
        Ok(Some(f))
    }

    fn edit_list(
        &self,
        vm: &mut Vm,
        e: Entity,
        path: &[PathSeg],
        edit: ListEdit,
    ) -> PyResult<Option<Leaf>> {
        self.write(vm, e, |comp, reg| {
            let list = crate::reflect_data::walk_mut(comp, path)
                .map_err(|err| err.at(At(&self.name, path)))?;
            crate::reflect_data::edit_list(edit, list, reg)
                .map_err(|err| err.at(At(&self.name, path)))
        })
    }
}

/// A leaf read out of the World as a script value (a place has none: None).
fn leaf_value(vm: &mut Vm, leaf: Leaf) -> PyResult<Value> {
    Ok(match leaf {
        Leaf::Int(i) => Value::Int(i),
        Leaf::Float(f) => Value::Float(f),
        Leaf::Bool(b) => Value::Bool(b),
        Leaf::Str(s) => vm.new_str(s),
        Leaf::Color(c) => vm.to_value(crate::math::PyColor(c))?,
        Leaf::Vec2(v) => vm.to_value(crate::math::PyVec2(v))?,
        Leaf::Vec3(v) => vm.to_value(crate::math::PyVec3(v))?,
        Leaf::None | Leaf::Place => Value::None,
    })
}

/// Component handlers of one VM, by slot and by name.
#[derive(Default)]
pub struct ComponentHandlers {
    list: Vec<Arc<ComponentRefs>>,
    by_name: bevy::platform::collections::HashMap<String, u32>,
}

/// A typed field's name: the data word is the handler's slot (high half) and the field's
/// index (low half).
fn field_name(vm: &mut Vm, data: u64) -> Arc<str> {
    vm.extension::<ComponentHandlers>()
        .list
        .get((data >> 32) as usize)
        .and_then(|h| h.fields.get())
        .and_then(|f| f.get(data as u32 as usize).cloned())
        .unwrap_or_else(|| Arc::from("field"))
}

/// The reference a typed field accessor was called on: its handler and target, and its
/// path when it is a place deeper than the component itself.
type FieldThis = (Arc<dyn RefHandler>, u64, Option<Vec<PathSeg>>);

fn field_this(vm: &mut Vm, this: Value, data: u64) -> PyResult<FieldThis> {
    if let Value::Obj(r) = this {
        if let Some(h) = native_ref::<HostRef>(vm, r) {
            let deeper = (!h.path.is_empty()).then(|| h.path.to_vec());
            return Ok((h.handler.clone(), h.target, deeper));
        }
    }
    // Not a reference (the accessor taken from the class): the receiver error, named.
    let name = field_name(vm, data);
    let err = field_receiver::<HostRef>(vm, this, &name).err();
    Err(err.unwrap_or_else(|| runtime("not a reference")))
}

/// `ref.field`: a field of a reflected component's struct, read by index. References to
/// deeper places (same class) take the generic path with the name appended.
fn field_get(vm: &mut Vm, this: Value, data: u64) -> PyResult<Value> {
    let (handler, target, deeper) = field_this(vm, this, data)?;
    if deeper.is_none() {
        if let Some(read) = handler.get_field(vm, target, data as u32 as usize) {
            return match read? {
                RefRead::Value(v) => Ok(v),
                RefRead::Place => {
                    let path = [PathSeg::Attr(field_name(vm, data))].into_iter().collect();
                    vm.new_host_ref(handler, target, path)
                }
            };
        }
    }
    let mut path: SmallVec<[PathSeg; 4]> = deeper.unwrap_or_default().into();
    path.push(PathSeg::Attr(field_name(vm, data)));
    vm.host_ref_read(handler, target, path)
}

/// `ref.field = v`: through the handler's path assignment (conversion, enums, lists).
fn field_set(vm: &mut Vm, this: Value, v: Value, data: u64) -> PyResult<Value> {
    let (handler, target, deeper) = field_this(vm, this, data)?;
    let mut path = deeper.unwrap_or_default();
    path.push(PathSeg::Attr(field_name(vm, data)));
    handler.set(vm, target, &path, v)?;
    Ok(Value::None)
}

/// A component name and script path, shown only when an error message needs it.
pub(crate) struct At<'a>(pub &'a str, pub &'a [PathSeg]);

impl std::fmt::Display for At<'_> {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(self.0)?;
        for p in self.1 {
            match p {
                PathSeg::Attr(a) => write!(f, ".{a}")?,
                PathSeg::Index(i) => write!(f, "[{i}]")?,
            }
        }
        Ok(())
    }
}

fn entity_of(target: u64) -> PyResult<Entity> {
    Entity::try_from_bits(target).ok_or_else(|| runtime("bad entity id"))
}

impl ComponentRefs {
    /// A `Vec2`/`Vec3`/`Color` read at `path`: a live place, so `a.dir.x = 5` writes through.
    fn vec_place(&self, vm: &mut Vm, e: Entity, path: &[PathSeg], leaf: &Leaf) -> PyResult<Value> {
        let handler = ComponentRefs::by_slot(vm, self.slot)?;
        let place = crate::vec_place::FieldPlace {
            handler,
            entity: e,
            path: path.into(),
        };
        match leaf {
            Leaf::Vec2(_) => vm.to_value(crate::vec_place::Vec2Field(place)),
            Leaf::Color(_) => vm.to_value(crate::vec_place::ColorField(place)),
            _ => vm.to_value(crate::vec_place::Vec3Field(place)),
        }
    }
}

impl RefHandler for ComponentRefs {
    fn type_name(&self) -> &str {
        &self.name
    }

    fn get(&self, vm: &mut Vm, target: u64, path: &[PathSeg]) -> PyResult<RefRead> {
        let e = entity_of(target)?;
        if let Some(m) = self.list_method(vm, e, path)? {
            return Ok(RefRead::Value(m));
        }
        // Read with the World borrowed, convert after (conversion needs the VM).
        let leaf = self.read(vm, e, |comp| {
            match walk(comp, path).map_err(|err| err.at(At(&self.name, path)))? {
                Found::Field(v) => Ok(read_leaf(v)),
                Found::Variant(name) => Ok(Leaf::Str(name.to_string())),
            }
        })?;
        Ok(match leaf {
            Leaf::Place => RefRead::Place,
            Leaf::Vec2(_) | Leaf::Vec3(_) | Leaf::Color(_) => {
                RefRead::Value(self.vec_place(vm, e, path, &leaf)?)
            }
            leaf => RefRead::Value(leaf_value(vm, leaf)?),
        })
    }

    fn get_field(&self, vm: &mut Vm, target: u64, index: usize) -> Option<PyResult<RefRead>> {
        let e = match entity_of(target) {
            Ok(e) => e,
            Err(err) => return Some(Err(err)),
        };
        let leaf = self.read(vm, e, |comp| match comp.reflect_ref() {
            ReflectRef::Struct(s) => Ok(s.field_at(index).map(read_leaf)),
            _ => Ok(None),
        });
        Some(match leaf {
            Ok(Some(Leaf::Place)) => Ok(RefRead::Place),
            Ok(Some(leaf @ (Leaf::Vec2(_) | Leaf::Vec3(_) | Leaf::Color(_)))) => {
                let name = self.fields.get().and_then(|f| f.get(index).cloned())?;
                self.vec_place(vm, e, &[PathSeg::Attr(name)], &leaf)
                    .map(RefRead::Value)
            }
            Ok(Some(leaf)) => leaf_value(vm, leaf).map(RefRead::Value),
            Ok(None) => return None,
            Err(e) => Err(e),
        })
    }

    fn set(&self, vm: &mut Vm, target: u64, path: &[PathSeg], value: Value) -> PyResult<()> {
        let e = entity_of(target)?;
        // Convert first (it needs the VM), then write with the World borrowed.
        let data = DataIn::from_value(vm, value)?;
        self.write(vm, e, |comp, reg| {
            assign_path(&data, comp, path, reg).map_err(|err| err.at(At(&self.name, path)))
        })
    }

    fn len(&self, vm: &mut Vm, target: u64, path: &[PathSeg]) -> PyResult<usize> {
        let e = entity_of(target)?;
        self.read(vm, e, |comp| {
            match walk(comp, path).map_err(|err| err.at(At(&self.name, path)))? {
                Found::Field(v) => crate::reflect_data::len_of(v).ok_or_else(|| {
                    PyErr::new(
                        ExcKind::TypeError,
                        format!("{} has no len()", At(&self.name, path)),
                    )
                }),
                Found::Variant(_) => Err(PyErr::new(ExcKind::TypeError, "a str place")),
            }
        })
    }

    fn keys(&self, vm: &mut Vm, target: u64, path: &[PathSeg]) -> PyResult<Option<Vec<Value>>> {
        let e = entity_of(target)?;
        let keys: Option<Vec<Leaf>> = self.read(vm, e, |comp| {
            Ok(
                match walk(comp, path).map_err(|err| err.at(At(&self.name, path)))? {
                    Found::Field(v) => match v.reflect_ref() {
                        ReflectRef::Map(m) => Some(m.iter().map(|(k, _)| read_leaf(k)).collect()),
                        ReflectRef::Set(s) => Some(s.iter().map(read_leaf).collect()),
                        _ => None,
                    },
                    Found::Variant(_) => None,
                },
            )
        })?;
        let Some(keys) = keys else { return Ok(None) };
        let mut out = Vec::with_capacity(keys.len());
        for k in keys {
            out.push(leaf_value(vm, k)?);
        }
        Ok(Some(out))
    }
}

fn component_reflect<'r>(
    reg: &'r bevy::reflect::TypeRegistry,
    name: &str,
) -> PyResult<&'r ReflectComponent> {
    component_registration(reg, name).map(|(_, rc)| rc)
}

/// The registration of the component named `name` and its reflection functions.
fn component_registration<'r>(
    reg: &'r bevy::reflect::TypeRegistry,
    name: &str,
) -> PyResult<(&'r bevy::reflect::TypeRegistration, &'r ReflectComponent)> {
    if reg.is_ambiguous(name) {
        return Err(PyErr::new(
            ExcKind::NameError,
            format!("component name '{name}' is ambiguous: several reflected types share it"),
        ));
    }
    let r = reg.get_with_short_type_path(name).ok_or_else(|| {
        PyErr::new(
            ExcKind::NameError,
            format!("no reflected component named '{name}'"),
        )
    })?;
    let rc = r
        .data::<ReflectComponent>()
        .ok_or_else(|| PyErr::new(ExcKind::TypeError, format!("'{name}' is not a component")))?;
    Ok((r, rc))
}

fn key_code(name: &str) -> PyResult<KeyCode> {
    let d = DynamicEnum::new(name, DynamicVariant::Unit);
    KeyCode::from_reflect(&d)
        .ok_or_else(|| PyErr::new(ExcKind::ValueError, format!("unknown key '{name}'")))
}

fn mouse_button(name: &str) -> PyResult<bevy::input::mouse::MouseButton> {
    let d = DynamicEnum::new(name, DynamicVariant::Unit);
    bevy::input::mouse::MouseButton::from_reflect(&d).ok_or_else(|| {
        PyErr::new(
            ExcKind::ValueError,
            format!("unknown mouse button '{name}'"),
        )
    })
}

type MouseInput = ButtonInput<bevy::input::mouse::MouseButton>;

fn mouse_state(
    vm: &mut Vm,
    name: &str,
    f: fn(&MouseInput, bevy::input::mouse::MouseButton) -> bool,
) -> PyResult<bool> {
    let b = mouse_button(name)?;
    let w = world(vm)?;
    Ok(w.get_resource::<MouseInput>().is_some_and(|i| f(i, b)))
}

fn key_state(
    vm: &mut Vm,
    name: &str,
    f: fn(&ButtonInput<KeyCode>, KeyCode) -> bool,
) -> PyResult<bool> {
    let k = key_code(name)?;
    let w = world(vm)?;
    Ok(w.get_resource::<ButtonInput<KeyCode>>()
        .is_some_and(|i| f(i, k)))
}

/// Build `_bevy` and install `bevy` in `vm`.
pub fn install(vm: &mut Vm) -> PyResult<()> {
    vm.native_module("_bevy")
        .class::<EntityObj>(|c| {
            c.getter("id", |e: &EntityObj| e.0.to_bits())
                .getter("index", |e: &EntityObj| e.0.index().index())
                .eq()
                .hash(|e: &EntityObj| e.0.to_bits() as i64)
                .repr(|e: &EntityObj| format!("Entity({})", e.0))
        })
        .class::<ComponentType>(|c| {
            c.getter("name", |t: &ComponentType| t.0.to_string())
                .repr(|t: &ComponentType| format!("<component {}>", t.0))
                .eq()
        })
        .class::<InputView>(|c| c.repr(|_| "<input>".to_string()))
        .class::<TimeView>(|c| c.repr(|_| "<time>".to_string()))
        .class::<WorldView>(|c| c.repr(|_| "<world>".to_string()))
        .function("component", |vm: &mut Vm, name: String| {
            ComponentType::new(vm, &name)
        })
        .build()?;
    // Methods that need the VM (the World lent to it) are added to the built classes.
    let mut methods: Vec<(&str, &'static str, Value)> = vec![
        (
            "Entity",
            "get",
            // Called per entity per frame: a raw method (no argument binding).
            vm.raw_fn2("get", entity_get_raw, 0),
        ),
        (
            "Entity",
            "has",
            vm.native_fn(
                "has",
                |vm: &mut Vm, this: EntityObj, t: ComponentType| -> PyResult<bool> {
                    let w = world(vm)?;
                    let registry = w.resource::<AppTypeRegistry>().clone();
                    let reg = registry.read();
                    let rc = component_reflect(&reg, &t.0)?;
                    Ok(w.get_entity(this.0).is_ok_and(|e| rc.contains(e)))
                },
            ),
        ),
        (
            "Entity",
            "alive",
            vm.native_fn("alive", |vm: &mut Vm, this: EntityObj| -> PyResult<bool> {
                Ok(world(vm)?.get_entity(this.0).is_ok())
            }),
        ),
        (
            "World",
            "component",
            vm.native_fn("component", |vm: &mut Vm, _this: Value, name: String| {
                ComponentType::new(vm, &name)
            }),
        ),
        ("Entity", "despawn", vm.native_fn("despawn", entity_despawn)),
        ("Entity", "insert", vm.native_fn("insert", entity_insert)),
        ("Entity", "remove", vm.native_fn("remove", entity_remove)),
        (
            "World",
            "spawn",
            vm.native_fn_kw(
                "spawn",
                &["self", "components", "script", "parent"],
                world_spawn,
            ),
        ),
        ("World", "query", vm.native_fn("query", world_query)),
        (
            "World",
            "resource",
            vm.native_fn("resource", world_resource),
        ),
    ];
    // Keys and mouse buttons by name: `input.pressed("KeyW")`, `input.mouse_pressed("Left")`.
    type KeyPred = fn(&ButtonInput<KeyCode>, KeyCode) -> bool;
    type MousePred = fn(&MouseInput, bevy::input::mouse::MouseButton) -> bool;
    let states: [(&'static str, &'static str, KeyPred, MousePred); 3] = [
        (
            "pressed",
            "mouse_pressed",
            |i, k| i.pressed(k),
            |i, b| i.pressed(b),
        ),
        (
            "just_pressed",
            "mouse_just_pressed",
            |i, k| i.just_pressed(k),
            |i, b| i.just_pressed(b),
        ),
        (
            "just_released",
            "mouse_just_released",
            |i, k| i.just_released(k),
            |i, b| i.just_released(b),
        ),
    ];
    for (key_name, mouse_name, key, mouse) in states {
        let f = vm.native_fn(key_name, move |vm: &mut Vm, _this: Value, name: String| {
            key_state(vm, &name, key)
        });
        methods.push(("Input", key_name, f));
        let f = vm.native_fn(
            mouse_name,
            move |vm: &mut Vm, _this: Value, name: String| mouse_state(vm, &name, mouse),
        );
        methods.push(("Input", mouse_name, f));
    }
    let m = vm.import_dotted("_bevy")?;
    crate::math::install(vm, m)?;
    crate::vec_place::install(vm)?;
    for (cls, name, f) in methods {
        let c = vm.get_attr_str(m, cls)?;
        if let Value::Obj(c) = c {
            vm.class_set_attr(c, name, f);
        }
    }
    // The cursor over the primary window, in logical pixels from its top-left corner (None
    // when the cursor is outside it or there is no window).
    let input_cls = vm.get_attr_str(m, "Input")?;
    let mouse_position = vm.native_fn(
        "mouse_position",
        |vm: &mut Vm, _this: Value| -> PyResult<Value> {
            let w = world(vm)?;
            let mut q = w.query_filtered::<
                &bevy::window::Window,
                bevy::prelude::With<bevy::window::PrimaryWindow>,
            >();
            match q.iter(w).next().and_then(|win| win.cursor_position()) {
                Some(p) => vm.to_value(crate::math::PyVec2(p)),
                None => Ok(Value::None),
            }
        },
    );
    set_property(vm, input_cls, "mouse_position", mouse_position)?;
    // Time readings are properties, read from the World on each access.
    let time_cls = vm.get_attr_str(m, "Time")?;
    for (name, read) in [
        ("delta", (|t: &Time| t.delta_secs_f64()) as fn(&Time) -> f64),
        ("elapsed", |t: &Time| t.elapsed_secs_f64()),
    ] {
        let getter = vm.native_fn(name, move |vm: &mut Vm, _this: Value| -> PyResult<f64> {
            Ok(world(vm)?.get_resource::<Time>().map_or(0.0, read))
        });
        set_property(vm, time_cls, name, getter)?;
    }
    let frame = vm.native_fn(
        "frame_count",
        |vm: &mut Vm, _this: Value| -> PyResult<u32> {
            Ok(world(vm)?
                .get_resource::<bevy::diagnostic::FrameCount>()
                .map_or(0, |f| f.0))
        },
    );
    set_property(vm, time_cls, "frame_count", frame)?;
    let start_task = vm.native_fn(
        "start_task",
        |vm: &mut Vm,
         owner: EntityObj,
         body: Value,
         args: kaa::native::Rest<Value>|
         -> PyResult<Value> {
            let id = vm.spawn_task(body, &args.0, Some(owner.0.to_bits()))?;
            Ok(vm.task_object(id).unwrap_or(Value::None))
        },
    );
    let d = vm.module_dict(match m {
        Value::Obj(r) => r,
        _ => return Err(runtime("_bevy is not a module")),
    });
    let k = vm.intern("start_task");
    vm.ns_set(d, k, start_task);
    let emit = vm.native_fn(
        "emit",
        |vm: &mut Vm, name: String, payload: Value, source: Option<EntityObj>| -> PyResult<()> {
            let payload = crate::events::ScriptValue::from_value(vm, payload)?;
            world(vm)?.write_message(crate::events::ScriptMessage {
                source: source.map(|e| e.0),
                name,
                payload,
            });
            Ok(())
        },
    );
    let k = vm.intern("emit");
    vm.ns_set(d, k, emit);
    let send = vm.native_fn(
        "send",
        |vm: &mut Vm, to: EntityObj, handler: String, args: Vec<Value>| -> PyResult<()> {
            let args = args
                .into_iter()
                .map(|a| crate::events::ScriptValue::from_value(vm, a))
                .collect::<PyResult<Vec<_>>>()?;
            world(vm)?.write_message(crate::events::KaaTrigger::new(to.0, handler, args));
            Ok(())
        },
    );
    let k = vm.intern("send");
    vm.ns_set(d, k, send);
    for (name, v) in [
        ("input", vm.to_value(InputView)?),
        ("time", vm.to_value(TimeView)?),
        ("world", vm.to_value(WorldView)?),
    ] {
        let k = vm.intern(name);
        vm.ns_set(d, k, v);
    }
    vm.frozen_modules.insert("bevy".to_string(), BEVY_PY);
    Ok(())
}

fn set_property(vm: &mut Vm, cls: Value, name: &str, getter: Value) -> PyResult<()> {
    let Value::Obj(c) = cls else {
        return Err(runtime("not a class"));
    };
    let prop = Value::Obj(vm.types.property);
    let p = vm.call(prop, &[getter])?;
    vm.class_set_attr(c, name, p);
    Ok(())
}

fn entity_despawn(vm: &mut Vm, this: EntityObj) -> PyResult<bool> {
    Ok(world(vm)?.despawn(this.0))
}

fn entity_insert(
    vm: &mut Vm,
    this: EntityObj,
    t: ComponentType,
    fields: Option<Value>,
) -> PyResult<()> {
    let data = match fields {
        Some(f) => DataIn::from_value(vm, f)?,
        None => DataIn::None,
    };
    insert_component(world(vm)?, this.0, &t.0, &data)
}

fn entity_remove(vm: &mut Vm, this: EntityObj, t: ComponentType) -> PyResult<bool> {
    let w = world(vm)?;
    let registry = w.resource::<AppTypeRegistry>().clone();
    let reg = registry.read();
    let rc = component_reflect(&reg, &t.0)?;
    let Ok(mut em) = w.get_entity_mut(this.0) else {
        return Ok(false);
    };
    let had = rc.contains(&em);
    rc.remove(&mut em);
    Ok(had)
}

/// `world.spawn({"Transform": {...}, "Velocity": {...}}, script="scripts/x.py")`.
fn world_spawn(
    vm: &mut Vm,
    _this: Value,
    components: Option<Value>,
    script: Option<String>,
    parent: Option<EntityObj>,
) -> PyResult<EntityObj> {
    let mut parts = Vec::new();
    if let Some(c) = components {
        let pairs: indexmap::IndexMap<String, Value> = vm.extract(c)?;
        for (name, fields) in pairs {
            parts.push((name, DataIn::from_value(vm, fields)?));
        }
    }
    let w = world(vm)?;
    let e = w.spawn_empty().id();
    for (name, patch) in &parts {
        if let Err(err) = insert_component(w, e, name, patch) {
            w.despawn(e);
            return Err(err);
        }
    }
    if let Some(p) = parent {
        if w.get_entity(p.0).is_ok() {
            w.entity_mut(e).insert(bevy::prelude::ChildOf(p.0));
        }
    }
    if let Some(path) = script {
        let h = w.resource::<bevy::asset::AssetServer>().load(path);
        w.entity_mut(e).insert(crate::Script::new(h));
    }
    Ok(EntityObj(e))
}

/// Entities that have every one of the given components, in entity order.
fn world_query(
    vm: &mut Vm,
    _this: Value,
    types: kaa::native::Rest<ComponentType>,
) -> PyResult<Vec<EntityObj>> {
    let w = world(vm)?;
    let registry = w.resource::<AppTypeRegistry>().clone();
    let reg = registry.read();
    let rcs = types
        .0
        .iter()
        .map(|t| component_reflect(&reg, &t.0))
        .collect::<PyResult<Vec<_>>>()?;
    let mut out: Vec<EntityObj> = w
        .iter_entities()
        .filter(|e| rcs.iter().all(|rc| rc.contains(*e)))
        .map(|e| EntityObj(e.id()))
        .collect();
    out.sort_by_key(|e| e.0);
    Ok(out)
}

/// A live reference to a reflected resource (resources are components of a resource entity).
fn world_resource(vm: &mut Vm, _this: Value, name: String) -> PyResult<Value> {
    let target = {
        let w = world(vm)?;
        let registry = w.resource::<AppTypeRegistry>().clone();
        let reg = registry.read();
        let r = reg
            .get_with_short_type_path(&name)
            .filter(|r| r.data::<bevy::ecs::reflect::ReflectResource>().is_some())
            .ok_or_else(|| {
                PyErr::new(
                    ExcKind::NameError,
                    format!("no reflected resource named '{name}'"),
                )
            })?;
        let id = w.components().get_id(r.type_id());
        id.and_then(|id| w.resource_entities().get(id))
    };
    match target {
        Some(e) => {
            let handler: Arc<dyn RefHandler> = ComponentRefs::for_name(vm, &name);
            vm.new_host_ref(handler, e.to_bits(), Default::default())
        }
        None => Ok(Value::None),
    }
}

/// Insert component `name` (its default, with `fields` written into it) on `e`.
fn insert_component(w: &mut World, e: Entity, name: &str, fields: &DataIn) -> PyResult<()> {
    let registry = w.resource::<AppTypeRegistry>().clone();
    let reg = registry.read();
    let rc = component_reflect(&reg, name)?.clone();
    let registration = reg.get_with_short_type_path(name).ok_or_else(|| {
        PyErr::new(
            ExcKind::NameError,
            format!("no reflected component named '{name}'"),
        )
    })?;
    let mut value: Box<dyn bevy::reflect::Reflect> =
        match registration.data::<bevy::prelude::ReflectDefault>() {
            Some(d) => d.default(),
            None => {
                return Err(PyErr::new(
                    ExcKind::TypeError,
                    format!("{name} has no reflected Default: it cannot be made from a script"),
                ))
            }
        };
    if !matches!(fields, DataIn::None) {
        fill(fields, value.as_partial_reflect_mut(), &reg).map_err(|err| err.at(name))?;
    }
    let mut em = w
        .get_entity_mut(e)
        .map_err(|_| runtime(format!("entity {e} no longer exists")))?;
    rc.insert(&mut em, value.as_partial_reflect(), &reg);
    Ok(())
}

/// `entity.get(T)`.
fn entity_get_raw(vm: &mut Vm, this: Value, t: Value, _: u64) -> PyResult<Value> {
    let e = field_receiver::<EntityObj>(vm, this, "get")?.0;
    let ct = match t {
        Value::Obj(r) => native_ref::<ComponentType>(vm, r),
        _ => None,
    };
    let Some(ComponentType(name, slot)) = ct else {
        return Err(PyErr::new(
            ExcKind::TypeError,
            format!(
                "get() needs a component type (like Transform), not {}",
                vm.type_name(t)
            ),
        ));
    };
    let (slot, is_transform) = (*slot, &**name == "Transform");
    // Transform has a typed fast path (no reflection): its fields are Vec3/Quat values.
    if is_transform {
        return crate::math::transform_ref(vm, e);
    }
    entity_get(vm, e, slot)
}

/// A live reference to a component of an entity.
fn entity_get(vm: &mut Vm, e: Entity, slot: u32) -> PyResult<Value> {
    let handler = ComponentRefs::by_slot(vm, slot)?;
    handler.install_fields(vm)?;
    let w = world(vm)?;
    let id = handler.resolved(w)?.id;
    let present = w.get_entity(e).is_ok_and(|er| er.contains_id(id));
    if !present {
        return Ok(Value::None);
    }
    let key = crate::live_refs::RefKey::Component(e, slot);
    crate::live_refs::cached(vm, key, |vm| {
        let handler: Arc<dyn RefHandler> = handler;
        vm.new_host_ref(handler, e.to_bits(), Default::default())
    })
}
