//! Live `Vec2`/`Vec3`/`Color` places inside reflected components: `a.dir.x = 5` and
//! `s.color.a = 0.5` write through to the component, as `t.translation.x += 1` does for
//! Transform, where a copied value would take the write and drop it without a word. A place
//! reads as its current value for everything else: arithmetic, comparisons, `repr`, iteration,
//! its methods (`a.dir.length()`, `s.color.to_hex()`), and being stored somewhere else
//! (`b.dir = a.dir` stores the value).

use crate::bindings::ComponentRefs;
use crate::math::{PyColor, PyVec2, PyVec3, Rgba, AXES};
use crate::reflect_data::{through_option, through_option_mut, walk, walk_mut, Found};
use bevy::color::Color;
use bevy::math::{Vec2, Vec3};
use bevy::prelude::Entity;
use bevy::reflect::PartialReflect;
use kaa::native::{field_receiver, native_ref, NativeType, PathSeg};
use kaa::{ExcKind, PyErr, PyResult, Value, Vm};
use std::sync::Arc;

/// Where a vector lives: a component of an entity and the path to it inside.
#[derive(Clone)]
pub struct FieldPlace {
    pub handler: Arc<ComponentRefs>,
    pub entity: Entity,
    pub path: Arc<[PathSeg]>,
}

/// A live `Vec2` inside a reflected component.
#[derive(Clone)]
pub struct Vec2Field(pub FieldPlace);
/// A live `Vec3` inside a reflected component.
#[derive(Clone)]
pub struct Vec3Field(pub FieldPlace);

impl NativeType for Vec2Field {
    const NAME: &'static str = "Vec2Ref";
}
impl NativeType for Vec3Field {
    const NAME: &'static str = "Vec3Ref";
}

/// A live `Color` inside a reflected component (its channels in sRGB, as `Color` reads).
#[derive(Clone)]
pub struct ColorField(pub FieldPlace);

impl NativeType for ColorField {
    const NAME: &'static str = "ColorRef";
}

/// The vector types a place can hold.
trait Vector: Copy + PartialReflect + std::ops::IndexMut<usize, Output = f32> + 'static {
    const DIMS: usize;
    const NAME: &'static str;
    /// Its place class.
    type Field: Place;
}
impl Vector for Vec2 {
    const DIMS: usize = 2;
    const NAME: &'static str = "Vec2";
    type Field = Vec2Field;
}
impl Vector for Vec3 {
    const DIMS: usize = 3;
    const NAME: &'static str = "Vec3";
    type Field = Vec3Field;
}

impl FieldPlace {
    /// `Aim.spots[1]`, for messages.
    fn at(&self) -> crate::bindings::At<'_> {
        crate::bindings::At(&self.handler.name, &self.path)
    }

    fn not(&self, what: &str) -> PyErr {
        PyErr::new(
            ExcKind::TypeError,
            format!("{} is no longer a {what}", self.at()),
        )
    }

    /// `f` of the current value, a `T` (`what` names it in errors).
    fn read_as<T: PartialReflect, R>(
        &self,
        vm: &mut Vm,
        what: &str,
        f: impl FnOnce(&T) -> R,
    ) -> PyResult<R> {
        let found = self
            .handler
            .read(vm, self.entity, |comp| match walk(comp, &self.path) {
                Ok(Found::Field(v)) => Ok(through_option(v).try_downcast_ref::<T>().map(f)),
                Ok(Found::Variant(_)) => Ok(None),
                // The place is gone (a list shrank, an option emptied): say where.
                Err(err) => Err(err.at(self.at())),
            })?;
        found.ok_or_else(|| self.not(what))
    }

    /// Change the value, a `T`, in place (change detection sees it).
    fn write_as<T: PartialReflect>(
        &self,
        vm: &mut Vm,
        what: &str,
        f: impl FnOnce(&mut T),
    ) -> PyResult<()> {
        let done = self.handler.write(vm, self.entity, |comp, _| {
            match walk_mut(comp, &self.path) {
                Ok(v) => Ok(through_option_mut(v)
                    .try_downcast_mut::<T>()
                    .map(f)
                    .is_some()),
                Err(err) => Err(err.at(self.at())),
            }
        })?;
        if done {
            Ok(())
        } else {
            Err(self.not(what))
        }
    }

    fn read<V: Vector>(&self, vm: &mut Vm) -> PyResult<V> {
        self.read_as::<V, V>(vm, V::NAME, |v| *v)
    }

    fn write<V: Vector>(&self, vm: &mut Vm, f: impl FnOnce(&mut V)) -> PyResult<()> {
        self.write_as::<V>(vm, V::NAME, f)
    }

    /// The color's current value, in sRGB.
    fn read_color(&self, vm: &mut Vm) -> PyResult<Rgba> {
        let s = self.read_as::<Color, _>(vm, "Color", |c| c.to_srgba())?;
        Ok(Rgba::new(s.red, s.green, s.blue, s.alpha))
    }

    /// Change one channel (0..4: r, g, b, a); the color is stored back in sRGB.
    fn write_channel(&self, vm: &mut Vm, channel: usize, x: f32) -> PyResult<()> {
        self.write_as::<Color>(vm, "Color", |c| {
            let mut s = c.to_srgba();
            match channel {
                0 => s.red = x,
                1 => s.green = x,
                2 => s.blue = x,
                _ => s.alpha = x,
            }
            *c = Color::Srgba(s);
        })
    }
}

const CHANNELS: [&str; 4] = ["r", "g", "b", "a"];

fn color_place(vm: &Vm, this: Value, channel: usize) -> PyResult<FieldPlace> {
    field_receiver::<ColorField>(vm, this, CHANNELS[channel.min(3)]).map(|p| p.place().clone())
}

fn channel_get(vm: &mut Vm, this: Value, channel: u64) -> PyResult<Value> {
    let i = (channel as usize).min(3);
    let c = color_place(vm, this, i)?.read_color(vm)?;
    let x = [c.red, c.green, c.blue, c.alpha][i];
    Ok(Value::Float(f64::from(x)))
}

fn channel_set(vm: &mut Vm, this: Value, v: Value, channel: u64) -> PyResult<Value> {
    let i = (channel as usize).min(3);
    let place = color_place(vm, this, i)?;
    let x: f32 = vm.extract(v)?;
    place.write_channel(vm, i, x)?;
    Ok(Value::None)
}

/// The place classes' common face: where their value lives.
trait Place: NativeType {
    fn place(&self) -> &FieldPlace;
}
impl Place for Vec2Field {
    fn place(&self) -> &FieldPlace {
        &self.0
    }
}
impl Place for Vec3Field {
    fn place(&self) -> &FieldPlace {
        &self.0
    }
}
impl Place for ColorField {
    fn place(&self) -> &FieldPlace {
        &self.0
    }
}

/// `read` of the place inside `v`, if `v` is a `P`.
fn place_value<P: Place, R>(
    vm: &mut Vm,
    v: Value,
    read: impl FnOnce(&FieldPlace, &mut Vm) -> PyResult<R>,
) -> PyResult<Option<R>> {
    let Value::Obj(r) = v else { return Ok(None) };
    match native_ref::<P>(vm, r).map(|p| p.place().clone()) {
        Some(p) => read(&p, vm).map(Some),
        None => Ok(None),
    }
}

/// The current value of a live reflected `Color` place, if `v` is one.
pub fn color_field_value(vm: &mut Vm, v: Value) -> PyResult<Option<Rgba>> {
    place_value::<ColorField, _>(vm, v, |p, vm| p.read_color(vm))
}

/// A color from a `Color` value or a live `Color` place.
fn color_of(vm: &mut Vm, v: Value) -> PyResult<Option<Rgba>> {
    if let Value::Obj(r) = v {
        if let Some(c) = native_ref::<PyColor>(vm, r) {
            return Ok(Some(c.0));
        }
    }
    color_field_value(vm, v)
}

fn axis_get<V: Vector>(vm: &mut Vm, this: Value, axis: u64) -> PyResult<Value> {
    let i = (axis as usize).min(V::DIMS - 1);
    let place = field_receiver::<V::Field>(vm, this, AXES[i])?
        .place()
        .clone();
    Ok(Value::Float(f64::from(place.read::<V>(vm)?[i])))
}

fn axis_set<V: Vector>(vm: &mut Vm, this: Value, v: Value, axis: u64) -> PyResult<Value> {
    let i = (axis as usize).min(V::DIMS - 1);
    let place = field_receiver::<V::Field>(vm, this, AXES[i])?
        .place()
        .clone();
    let x: f32 = vm.extract(v)?;
    place.write::<V>(vm, |vec| vec[i] = x)?;
    Ok(Value::None)
}

/// The current value of a live reflected `Vec2` place, if `v` is one.
pub fn vec2_field_value(vm: &mut Vm, v: Value) -> PyResult<Option<Vec2>> {
    place_value::<Vec2Field, _>(vm, v, |p, vm| p.read::<Vec2>(vm))
}

/// The current value of a live reflected `Vec3` place, if `v` is one.
pub fn vec3_field_value(vm: &mut Vm, v: Value) -> PyResult<Option<Vec3>> {
    place_value::<Vec3Field, _>(vm, v, |p, vm| p.read::<Vec3>(vm))
}

/// The current value of a place as the matching value type (for delegation).
fn current(vm: &mut Vm, this: Value) -> PyResult<Value> {
    if let Some(v) = vec2_field_value(vm, this)? {
        return vm.to_value(PyVec2(v));
    }
    if let Some(c) = color_field_value(vm, this)? {
        return vm.to_value(PyColor(c));
    }
    match vec3_field_value(vm, this)? {
        Some(v) => vm.to_value(PyVec3(v)),
        None => Err(PyErr::new(ExcKind::TypeError, "not a vector place")),
    }
}

/// The place classes: axes as raw fields, arithmetic and comparison as on the value types,
/// and every other attribute (methods, `__iter__`, `__repr__`) from the current value.
pub fn install(vm: &mut Vm) -> PyResult<()> {
    let c2 = vm.native_class::<Vec2Field>().build()?;
    let c3 = vm.native_class::<Vec3Field>().build()?;
    for (i, axis) in AXES.into_iter().enumerate() {
        if i < 2 {
            let p = vm.field_property(axis, axis_get::<Vec2>, Some(axis_set::<Vec2>), i as u64);
            vm.class_set_attr(c2, axis, p);
        }
        let p = vm.field_property(axis, axis_get::<Vec3>, Some(axis_set::<Vec3>), i as u64);
        vm.class_set_attr(c3, axis, p);
    }
    let ops2 = crate::math::vec2_binops(vm);
    for (name, f) in ops2 {
        vm.class_set_attr(c2, name, f);
    }
    let ops3 = crate::math::vec3_binops(vm);
    for (name, f) in ops3 {
        vm.class_set_attr(c3, name, f);
    }
    let cc = vm.native_class::<ColorField>().build()?;
    for (i, ch) in CHANNELS.into_iter().enumerate() {
        let p = vm.field_property(ch, channel_get, Some(channel_set), i as u64);
        vm.class_set_attr(cc, ch, p);
    }
    let eq = vm.native_fn(
        "__eq__",
        |vm: &mut Vm, a: Value, b: Value| -> PyResult<Value> {
            match (color_of(vm, a)?, color_of(vm, b)?) {
                (Some(x), Some(y)) => Ok(Value::Bool(x == y)),
                _ => Ok(vm.not_implemented()),
            }
        },
    );
    vm.class_set_attr(cc, "__eq__", eq);
    for cls in [c2, c3, cc] {
        let value = vm.native_fn("value", |vm: &mut Vm, this: Value| current(vm, this));
        let prop = vm.call(Value::Obj(vm.types.property), &[value])?;
        vm.class_set_attr(cls, "value", prop);
        // Methods (`length`, `normalize`...) are the value's: pure, so a copy answers them.
        let getattr = vm.native_fn(
            "__getattr__",
            |vm: &mut Vm, this: Value, name: String| -> PyResult<Value> {
                let v = current(vm, this)?;
                vm.get_attr_str(v, &name)
            },
        );
        vm.class_set_attr(cls, "__getattr__", getattr);
        for dunder in ["__iter__", "__repr__"] {
            let f = vm.native_fn(
                dunder,
                move |vm: &mut Vm,
                      this: Value,
                      rest: kaa::native::Rest<Value>|
                      -> PyResult<Value> {
                    let v = current(vm, this)?;
                    let m = vm.get_attr_str(v, dunder)?;
                    vm.call(m, &rest.0)
                },
            );
            vm.class_set_attr(cls, dunder, f);
        }
    }
    Ok(())
}
