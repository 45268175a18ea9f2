//! Native math value types for scripts: `Vec2`, `Vec3`, `Quat`, `Color`, with glam's
//! arithmetic, and `Transform` references that read and write the component directly (no
//! reflection on the hot path).

use bevy::math::{EulerRot, Quat, Vec2, Vec3};
use bevy::prelude::{Entity, Transform, World};
use kaa::native::{field_receiver, native_ref, NativeType};
use kaa::{ExcKind, PyErr, PyResult, Value, Vm};

#[derive(Clone, Copy, Debug, PartialEq)]
pub struct PyVec2(pub Vec2);
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct PyVec3(pub Vec3);
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct PyQuat(pub Quat);
/// An sRGB color with alpha, components 0..1 (converted to Bevy's `Color` by the renderer side).
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct PyColor(pub Rgba);

#[derive(Clone, Copy, Debug, PartialEq)]
pub struct Rgba {
    pub red: f32,
    pub green: f32,
    pub blue: f32,
    pub alpha: f32,
}

impl Rgba {
    pub const WHITE: Rgba = Rgba::new(1.0, 1.0, 1.0, 1.0);
    pub const BLACK: Rgba = Rgba::new(0.0, 0.0, 0.0, 1.0);
    pub const RED: Rgba = Rgba::new(1.0, 0.0, 0.0, 1.0);
    pub const GREEN: Rgba = Rgba::new(0.0, 1.0, 0.0, 1.0);
    pub const BLUE: Rgba = Rgba::new(0.0, 0.0, 1.0, 1.0);

    pub const fn new(red: f32, green: f32, blue: f32, alpha: f32) -> Self {
        Rgba {
            red,
            green,
            blue,
            alpha,
        }
    }

    /// `#rgb`, `#rgba`, `#rrggbb` or `#rrggbbaa` (the `#` is optional).
    pub fn hex(s: &str) -> Result<Rgba, String> {
        let h = s.trim_start_matches('#');
        let digits: Vec<u32> = h
            .chars()
            .map(|c| c.to_digit(16))
            .collect::<Option<_>>()
            .ok_or(format!("bad hex color {s:?}"))?;
        let (r, g, b, a) = match digits[..] {
            [r, g, b] => (r * 17, g * 17, b * 17, 255),
            [r, g, b, a] => (r * 17, g * 17, b * 17, a * 17),
            [r1, r2, g1, g2, b1, b2] => (r1 * 16 + r2, g1 * 16 + g2, b1 * 16 + b2, 255),
            [r1, r2, g1, g2, b1, b2, a1, a2] => {
                (r1 * 16 + r2, g1 * 16 + g2, b1 * 16 + b2, a1 * 16 + a2)
            }
            _ => return Err(format!("bad hex color {s:?}")),
        };
        Ok(Rgba::new(
            r as f32 / 255.0,
            g as f32 / 255.0,
            b as f32 / 255.0,
            a as f32 / 255.0,
        ))
    }

    pub fn to_hex(self) -> String {
        let c = |x: f32| (x.clamp(0.0, 1.0) * 255.0).round() as u8;
        format!(
            "#{:02x}{:02x}{:02x}{:02x}",
            c(self.red),
            c(self.green),
            c(self.blue),
            c(self.alpha)
        )
    }

    pub fn mix(self, o: Rgba, t: f32) -> Rgba {
        let l = |a: f32, b: f32| a + (b - a) * t;
        Rgba::new(
            l(self.red, o.red),
            l(self.green, o.green),
            l(self.blue, o.blue),
            l(self.alpha, o.alpha),
        )
    }
}

impl NativeType for PyVec2 {
    const NAME: &'static str = "Vec2";
}
impl NativeType for PyVec3 {
    const NAME: &'static str = "Vec3";
}
impl NativeType for PyQuat {
    const NAME: &'static str = "Quat";
}
impl NativeType for PyColor {
    const NAME: &'static str = "Color";
}

/// Which `Vec3` field of a Transform a place refers to.
#[derive(Clone, Copy, Debug, PartialEq)]
pub enum TransformField {
    Translation,
    Scale,
}

/// `entity.get(Transform)`: a live reference to the component, typed.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct TransformRef(pub Entity);

/// `t.translation` / `t.scale`: a live `Vec3` place inside an entity's Transform, so
/// `t.translation.x += 1` writes through.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct Vec3Place(pub Entity, pub TransformField);

impl NativeType for TransformRef {
    const NAME: &'static str = "Transform";
}
impl NativeType for Vec3Place {
    const NAME: &'static str = "Vec3Ref";
}

fn world(vm: &mut Vm) -> PyResult<&mut World> {
    vm.host::<World>()
}

fn gone(e: Entity) -> PyErr {
    PyErr::new(
        ExcKind::RuntimeError,
        format!("entity {e} has no Transform (despawned?)"),
    )
}

fn read_transform(vm: &mut Vm, e: Entity) -> PyResult<Transform> {
    world(vm)?
        .get::<Transform>(e)
        .copied()
        .ok_or_else(|| gone(e))
}

fn with_transform<R>(vm: &mut Vm, e: Entity, f: impl FnOnce(&mut Transform) -> R) -> PyResult<R> {
    let w = world(vm)?;
    let mut t = w.get_mut::<Transform>(e).ok_or_else(|| gone(e))?;
    Ok(f(&mut t))
}

impl Vec3Place {
    fn read(self, vm: &mut Vm) -> PyResult<Vec3> {
        let t = read_transform(vm, self.0)?;
        Ok(match self.1 {
            TransformField::Translation => t.translation,
            TransformField::Scale => t.scale,
        })
    }

    fn write(self, vm: &mut Vm, f: impl FnOnce(&mut Vec3)) -> PyResult<()> {
        with_transform(vm, self.0, |t| {
            f(match self.1 {
                TransformField::Translation => &mut t.translation,
                TransformField::Scale => &mut t.scale,
            })
        })
    }
}

/// A `Vec3` from a script value: a `Vec3`, a live `Vec3Ref`, or a sequence of 3 numbers.
pub fn vec3_of(vm: &mut Vm, v: Value) -> PyResult<Option<Vec3>> {
    if let Value::Obj(r) = v {
        if let Some(p) = native_ref::<PyVec3>(vm, r) {
            return Ok(Some(p.0));
        }
        if let Some(place) = native_ref::<Vec3Place>(vm, r).copied() {
            return place.read(vm).map(Some);
        }
        if let Some(x) = crate::vec_place::vec3_field_value(vm, v)? {
            return Ok(Some(x));
        }
        let tn = vm.type_name(v);
        if tn == "tuple" || tn == "list" {
            let xs: Vec<f32> = vm.extract(v)?;
            if let [x, y, z] = xs[..] {
                return Ok(Some(Vec3::new(x, y, z)));
            }
        }
    }
    Ok(None)
}

/// A `Vec2` from a script value: a `Vec2`, a live `Vec2Ref`, or a sequence of 2 numbers.
pub fn vec2_of(vm: &mut Vm, v: Value) -> PyResult<Option<Vec2>> {
    if let Value::Obj(r) = v {
        if let Some(p) = native_ref::<PyVec2>(vm, r) {
            return Ok(Some(p.0));
        }
        if let Some(x) = crate::vec_place::vec2_field_value(vm, v)? {
            return Ok(Some(x));
        }
        let tn = vm.type_name(v);
        if tn == "tuple" || tn == "list" {
            let xs: Vec<f32> = vm.extract(v)?;
            if let [x, y] = xs[..] {
                return Ok(Some(Vec2::new(x, y)));
            }
        }
    }
    Ok(None)
}

fn num_of(v: Value) -> Option<f32> {
    match v {
        Value::Float(f) => Some(f as f32),
        Value::Int(i) => Some(i as f32),
        _ => None,
    }
}

fn not_impl(vm: &Vm) -> PyResult<Value> {
    Ok(vm.not_implemented())
}

macro_rules! vec_binops {
    ($vm:ident, $of:ident, $wrap:ident, $ty:ty) => {{
        let ops: [(&'static str, fn($ty, $ty) -> $ty, fn($ty, f32) -> $ty, bool); 8] = [
            ("__add__", |a, b| a + b, |a, _| a, false),
            ("__radd__", |a, b| b + a, |a, _| a, false),
            ("__sub__", |a, b| a - b, |a, _| a, false),
            ("__rsub__", |a, b| b - a, |a, _| a, false),
            ("__mul__", |a, b| a * b, |a, k| a * k, true),
            ("__rmul__", |a, b| b * a, |a, k| a * k, true),
            ("__truediv__", |a, b| a / b, |a, k| a / k, true),
            (
                "__rtruediv__",
                |a, b| b / a,
                |a, k| <$ty>::splat(k) / a,
                true,
            ),
        ];
        let mut out = Vec::new();
        for (name, vv, vs, scalar_ok) in ops {
            let f = $vm.native_fn(
                name,
                move |vm: &mut Vm, a: Value, b: Value| -> PyResult<Value> {
                    let Some(x) = $of(vm, a)? else {
                        return not_impl(vm);
                    };
                    if let Some(y) = $of(vm, b)? {
                        return vm.to_value($wrap(vv(x, y)));
                    }
                    match num_of(b) {
                        Some(k) if scalar_ok => {
                            if k == 0.0 && name.contains("truediv") && !name.starts_with("__r") {
                                return Err(PyErr::new(
                                    ExcKind::ZeroDivisionError,
                                    "division by zero",
                                ));
                            }
                            vm.to_value($wrap(vs(x, k)))
                        }
                        _ => not_impl(vm),
                    }
                },
            );
            out.push((name, f));
        }
        let neg = $vm.native_fn("__neg__", |vm: &mut Vm, a: Value| -> PyResult<Value> {
            match $of(vm, a)? {
                Some(x) => vm.to_value($wrap(-x)),
                None => not_impl(vm),
            }
        });
        out.push(("__neg__", neg));
        let eq = $vm.native_fn(
            "__eq__",
            |vm: &mut Vm, a: Value, b: Value| -> PyResult<Value> {
                match ($of(vm, a)?, $of(vm, b)?) {
                    (Some(x), Some(y)) => Ok(Value::Bool(x == y)),
                    _ => not_impl(vm),
                }
            },
        );
        out.push(("__eq__", eq));
        out
    }};
}

fn fmt_f(x: f32) -> String {
    // Like Python's float repr for the common cases (1.0, 0.5, 2.25).
    let v = x as f64;
    if v.fract() == 0.0 && v.abs() < 1e16 {
        format!("{v:.1}")
    } else {
        format!("{}", x)
    }
}

/// The arithmetic and comparison dunders of `Vec2`, for classes whose instances read as one.
pub fn vec2_binops(vm: &mut Vm) -> Vec<(&'static str, Value)> {
    vec_binops!(vm, vec2_of, PyVec2, Vec2)
}

/// The arithmetic and comparison dunders of `Vec3`, for classes whose instances read as one.
pub fn vec3_binops(vm: &mut Vm) -> Vec<(&'static str, Value)> {
    vec_binops!(vm, vec3_of, PyVec3, Vec3)
}

/// Add the math types to module `_bevy` (called from `bindings::install`).
pub fn install(vm: &mut Vm, module: Value) -> PyResult<()> {
    let Value::Obj(m) = module else {
        return Err(PyErr::new(ExcKind::RuntimeError, "_bevy is not a module"));
    };
    let d = vm.module_dict(m);
    let vec2 = vm
        .native_class::<PyVec2>()
        .constructor(|x: Option<f32>, y: Option<f32>| {
            PyVec2(Vec2::new(x.unwrap_or(0.0), y.unwrap_or(0.0)))
        })
        .field("x", |v: &PyVec2| v.0.x, |v: &mut PyVec2, x: f32| v.0.x = x)
        .field("y", |v: &PyVec2| v.0.y, |v: &mut PyVec2, y: f32| v.0.y = y)
        .method("length", |v: &PyVec2| v.0.length())
        .method("length_squared", |v: &PyVec2| v.0.length_squared())
        .method("normalize", |v: &PyVec2| PyVec2(v.0.normalize_or_zero()))
        .method("dot", |a: &PyVec2, b: PyVec2| a.0.dot(b.0))
        .method("perp_dot", |a: &PyVec2, b: PyVec2| a.0.perp_dot(b.0))
        .method("distance", |a: &PyVec2, b: PyVec2| a.0.distance(b.0))
        .method("lerp", |a: &PyVec2, b: PyVec2, t: f32| {
            PyVec2(a.0.lerp(b.0, t))
        })
        .method("angle_to", |a: &PyVec2, b: PyVec2| a.0.angle_to(b.0))
        .method("rotate", |a: &PyVec2, angle: f32| {
            PyVec2(Vec2::from_angle(angle).rotate(a.0))
        })
        .method("extend", |a: &PyVec2, z: f32| PyVec3(a.0.extend(z)))
        .static_method("from_angle", |angle: f32| PyVec2(Vec2::from_angle(angle)))
        .hash(|v: &PyVec2| (v.0.x.to_bits() as i64) << 32 | v.0.y.to_bits() as i64)
        .repr(|v: &PyVec2| format!("Vec2({}, {})", fmt_f(v.0.x), fmt_f(v.0.y)))
        .iter(|v: &PyVec2| vec![v.0.x, v.0.y])
        .build()?;
    let vec3 = vm
        .native_class::<PyVec3>()
        .constructor(|x: Option<f32>, y: Option<f32>, z: Option<f32>| {
            PyVec3(Vec3::new(
                x.unwrap_or(0.0),
                y.unwrap_or(0.0),
                z.unwrap_or(0.0),
            ))
        })
        .field("x", |v: &PyVec3| v.0.x, |v: &mut PyVec3, x: f32| v.0.x = x)
        .field("y", |v: &PyVec3| v.0.y, |v: &mut PyVec3, y: f32| v.0.y = y)
        .field("z", |v: &PyVec3| v.0.z, |v: &mut PyVec3, z: f32| v.0.z = z)
        .method("length", |v: &PyVec3| v.0.length())
        .method("length_squared", |v: &PyVec3| v.0.length_squared())
        .method("normalize", |v: &PyVec3| PyVec3(v.0.normalize_or_zero()))
        .method("dot", |a: &PyVec3, b: PyVec3| a.0.dot(b.0))
        .method("cross", |a: &PyVec3, b: PyVec3| PyVec3(a.0.cross(b.0)))
        .method("distance", |a: &PyVec3, b: PyVec3| a.0.distance(b.0))
        .method("lerp", |a: &PyVec3, b: PyVec3, t: f32| {
            PyVec3(a.0.lerp(b.0, t))
        })
        .method("angle_between", |a: &PyVec3, b: PyVec3| {
            a.0.angle_between(b.0)
        })
        .method("truncate", |a: &PyVec3| PyVec2(a.0.truncate()))
        .hash(|v: &PyVec3| {
            (v.0.x.to_bits() as i64) << 32 ^ (v.0.y.to_bits() as i64) << 16 ^ v.0.z.to_bits() as i64
        })
        .repr(|v: &PyVec3| format!("Vec3({}, {}, {})", fmt_f(v.0.x), fmt_f(v.0.y), fmt_f(v.0.z)))
        .iter(|v: &PyVec3| vec![v.0.x, v.0.y, v.0.z])
        .build()?;
    let quat = vm
        .native_class::<PyQuat>()
        .constructor(
            |x: Option<f32>, y: Option<f32>, z: Option<f32>, w: Option<f32>| {
                PyQuat(Quat::from_xyzw(
                    x.unwrap_or(0.0),
                    y.unwrap_or(0.0),
                    z.unwrap_or(0.0),
                    w.unwrap_or(1.0),
                ))
            },
        )
        .getter("x", |q: &PyQuat| q.0.x)
        .getter("y", |q: &PyQuat| q.0.y)
        .getter("z", |q: &PyQuat| q.0.z)
        .getter("w", |q: &PyQuat| q.0.w)
        .static_method("from_rotation_z", |a: f32| PyQuat(Quat::from_rotation_z(a)))
        .static_method("from_rotation_x", |a: f32| PyQuat(Quat::from_rotation_x(a)))
        .static_method("from_rotation_y", |a: f32| PyQuat(Quat::from_rotation_y(a)))
        .static_method("from_axis_angle", |axis: PyVec3, a: f32| {
            PyQuat(Quat::from_axis_angle(axis.0.normalize_or_zero(), a))
        })
        .method("inverse", |q: &PyQuat| PyQuat(q.0.inverse()))
        .method("normalize", |q: &PyQuat| PyQuat(q.0.normalize()))
        .method("angle_between", |a: &PyQuat, b: PyQuat| {
            a.0.angle_between(b.0)
        })
        .method("slerp", |a: &PyQuat, b: PyQuat, t: f32| {
            PyQuat(a.0.slerp(b.0, t))
        })
        .method("to_euler_xyz", |q: &PyQuat| q.0.to_euler(EulerRot::XYZ))
        .method("rotate", |q: &PyQuat, v: PyVec3| PyVec3(q.0 * v.0))
        .eq()
        .repr(|q: &PyQuat| {
            format!(
                "Quat({}, {}, {}, {})",
                fmt_f(q.0.x),
                fmt_f(q.0.y),
                fmt_f(q.0.z),
                fmt_f(q.0.w)
            )
        })
        .build()?;
    let color = vm
        .native_class::<PyColor>()
        .constructor(|r: f32, g: f32, b: f32, a: Option<f32>| {
            PyColor(Rgba::new(r, g, b, a.unwrap_or(1.0)))
        })
        .field(
            "r",
            |c: &PyColor| c.0.red,
            |c: &mut PyColor, v: f32| c.0.red = v,
        )
        .field(
            "g",
            |c: &PyColor| c.0.green,
            |c: &mut PyColor, v: f32| c.0.green = v,
        )
        .field(
            "b",
            |c: &PyColor| c.0.blue,
            |c: &mut PyColor, v: f32| c.0.blue = v,
        )
        .field(
            "a",
            |c: &PyColor| c.0.alpha,
            |c: &mut PyColor, v: f32| c.0.alpha = v,
        )
        .static_method("hex", |s: String| -> PyResult<PyColor> {
            Rgba::hex(&s)
                .map(PyColor)
                .map_err(|e| PyErr::new(ExcKind::ValueError, e))
        })
        .method("with_alpha", |c: &PyColor, a: f32| {
            PyColor(Rgba { alpha: a, ..c.0 })
        })
        .method("mix", |c: &PyColor, o: PyColor, t: f32| {
            PyColor(c.0.mix(o.0, t))
        })
        .method("to_hex", |c: &PyColor| c.0.to_hex())
        .eq()
        .repr(|c: &PyColor| {
            format!(
                "Color({}, {}, {}, {})",
                fmt_f(c.0.red),
                fmt_f(c.0.green),
                fmt_f(c.0.blue),
                fmt_f(c.0.alpha)
            )
        })
        .build()?;
    // Arithmetic, as class attributes taking any operand order (NotImplemented otherwise).
    for (name, f) in vec_binops!(vm, vec2_of, PyVec2, Vec2) {
        vm.class_set_attr(vec2, name, f);
    }
    for (name, f) in vec_binops!(vm, vec3_of, PyVec3, Vec3) {
        vm.class_set_attr(vec3, name, f);
    }
    let qmul = vm.native_fn(
        "__mul__",
        |vm: &mut Vm, a: PyQuat, b: Value| -> PyResult<Value> {
            if let Value::Obj(r) = b {
                if let Some(q) = native_ref::<PyQuat>(vm, r).copied() {
                    return vm.to_value(PyQuat(a.0 * q.0));
                }
            }
            match vec3_of(vm, b)? {
                Some(v) => vm.to_value(PyVec3(a.0 * v)),
                None => not_impl(vm),
            }
        },
    );
    vm.class_set_attr(quat, "__mul__", qmul);
    // Constants.
    for (cls, name, v) in [
        (vec2, "ZERO", vm.to_value(PyVec2(Vec2::ZERO))?),
        (vec2, "ONE", vm.to_value(PyVec2(Vec2::ONE))?),
        (vec2, "X", vm.to_value(PyVec2(Vec2::X))?),
        (vec2, "Y", vm.to_value(PyVec2(Vec2::Y))?),
        (vec3, "ZERO", vm.to_value(PyVec3(Vec3::ZERO))?),
        (vec3, "ONE", vm.to_value(PyVec3(Vec3::ONE))?),
        (vec3, "X", vm.to_value(PyVec3(Vec3::X))?),
        (vec3, "Y", vm.to_value(PyVec3(Vec3::Y))?),
        (vec3, "Z", vm.to_value(PyVec3(Vec3::Z))?),
        (quat, "IDENTITY", vm.to_value(PyQuat(Quat::IDENTITY))?),
        (color, "WHITE", vm.to_value(PyColor(Rgba::WHITE))?),
        (color, "BLACK", vm.to_value(PyColor(Rgba::BLACK))?),
        (color, "RED", vm.to_value(PyColor(Rgba::RED))?),
        (color, "GREEN", vm.to_value(PyColor(Rgba::GREEN))?),
        (color, "BLUE", vm.to_value(PyColor(Rgba::BLUE))?),
    ] {
        vm.class_set_attr(cls, name, v);
    }
    install_transform(vm)?;
    for (name, cls) in [
        ("Vec2", vec2),
        ("Vec3", vec3),
        ("Quat", quat),
        ("Color", color),
    ] {
        let k = vm.intern(name);
        vm.ns_set(d, k, Value::Obj(cls));
    }
    Ok(())
}

fn install_transform(vm: &mut Vm) -> PyResult<()> {
    let place = vm
        .native_class::<Vec3Place>()
        .repr(|p: &Vec3Place| format!("<Vec3Ref {:?} of {}>", p.1, p.0))
        .build()?;
    // Plain-function accessors: `p.x += v.x * dt` per entity per frame goes from the
    // attribute cache straight to these (no argument binding or conversion).
    for (i, axis) in ["x", "y", "z"].into_iter().enumerate() {
        let prop = vm.field_property(axis, place_axis_get, Some(place_axis_set), i as u64);
        vm.class_set_attr(place, axis, prop);
    }
    // A place reads as its current value for everything else (math, comparisons, repr).
    let value = vm.native_fn("value", |vm: &mut Vm, p: Vec3Place| -> PyResult<PyVec3> {
        Ok(PyVec3(p.read(vm)?))
    });
    let vprop = vm.call(Value::Obj(vm.types.property), &[value])?;
    vm.class_set_attr(place, "value", vprop);
    for (name, f) in vec_binops!(vm, vec3_of, PyVec3, Vec3) {
        vm.class_set_attr(place, name, f);
    }
    for m in [
        "length",
        "normalize",
        "dot",
        "cross",
        "distance",
        "lerp",
        "truncate",
        "__iter__",
        "__repr__",
    ] {
        let f = vm.native_fn(
            m,
            move |vm: &mut Vm, p: Vec3Place, rest: kaa::native::Rest<Value>| -> PyResult<Value> {
                let cur = p.read(vm)?;
                let v = vm.to_value(PyVec3(cur))?;
                let meth = vm.get_attr_str(v, m)?;
                vm.call(meth, &rest.0)
            },
        );
        vm.class_set_attr(place, m, f);
    }

    let tref = vm
        .native_class::<TransformRef>()
        .repr(|t: &TransformRef| format!("<Transform of {}>", t.0))
        .build()?;
    for (name, field) in [
        ("translation", TransformField::Translation),
        ("scale", TransformField::Scale),
    ] {
        let prop = vm.field_property(
            name,
            transform_vec_get,
            Some(transform_vec_set),
            field as u64,
        );
        vm.class_set_attr(tref, name, prop);
    }
    let rprop = vm.field_property("rotation", rotation_get, Some(rotation_set), 0);
    vm.class_set_attr(tref, "rotation", rprop);
    // Directions, read from the current rotation.
    type Direction = fn(&Transform) -> Vec3;
    let directions: [(&'static str, Direction); 3] = [
        ("forward", |t| t.forward().as_vec3()),
        ("right", |t| t.right().as_vec3()),
        ("up", |t| t.up().as_vec3()),
    ];
    for (name, dir) in directions {
        let f = vm.native_fn(
            name,
            move |vm: &mut Vm, t: TransformRef| -> PyResult<PyVec3> {
                Ok(PyVec3(dir(&read_transform(vm, t.0)?)))
            },
        );
        vm.class_set_attr(tref, name, f);
    }
    let helpers: Vec<(&str, Value)> = vec![
        (
            "rotate_z",
            vm.native_fn(
                "rotate_z",
                |vm: &mut Vm, t: TransformRef, a: f32| -> PyResult<()> {
                    with_transform(vm, t.0, |tr| tr.rotate_z(a))
                },
            ),
        ),
        (
            "look_at",
            vm.native_fn(
                "look_at",
                |vm: &mut Vm, t: TransformRef, target: Value, up: Option<Value>| -> PyResult<()> {
                    let Some(target) = vec3_of(vm, target)? else {
                        return Err(PyErr::new(
                            ExcKind::TypeError,
                            "look_at() needs a Vec3 target",
                        ));
                    };
                    let up = match up {
                        Some(u) => vec3_of(vm, u)?.unwrap_or(Vec3::Y),
                        None => Vec3::Y,
                    };
                    with_transform(vm, t.0, |tr| tr.look_at(target, up))
                },
            ),
        ),
        (
            "translate",
            vm.native_fn(
                "translate",
                |vm: &mut Vm, t: TransformRef, d: Value| -> PyResult<()> {
                    let Some(d) = vec3_of(vm, d)? else {
                        return Err(PyErr::new(ExcKind::TypeError, "translate() needs a Vec3"));
                    };
                    with_transform(vm, t.0, |tr| tr.translation += d)
                },
            ),
        ),
    ];
    for (n, f) in helpers {
        vm.class_set_attr(tref, n, f);
    }
    Ok(())
}

/// The axis names, by index (for field accessors whose data word is the axis).
pub(crate) const AXES: [&str; 3] = ["x", "y", "z"];

/// `place.x` (`data` is the axis).
fn place_axis_get(vm: &mut Vm, this: Value, axis: u64) -> PyResult<Value> {
    let i = (axis as usize).min(2);
    let p = *field_receiver::<Vec3Place>(vm, this, AXES[i])?;
    Ok(Value::Float(p.read(vm)?[i] as f64))
}

/// `place.x = v`.
fn place_axis_set(vm: &mut Vm, this: Value, v: Value, axis: u64) -> PyResult<Value> {
    let i = (axis as usize).min(2);
    let p = *field_receiver::<Vec3Place>(vm, this, AXES[i])?;
    let x = match num_of(v) {
        Some(x) => x,
        None => vm.extract::<f32>(v)?,
    };
    p.write(vm, |place| place[i] = x)?;
    Ok(Value::None)
}

fn transform_field(data: u64) -> (TransformField, &'static str) {
    if data == TransformField::Scale as u64 {
        (TransformField::Scale, "scale")
    } else {
        (TransformField::Translation, "translation")
    }
}

/// `t.translation` / `t.scale`: the entity's live place (`data` is the field).
fn transform_vec_get(vm: &mut Vm, this: Value, data: u64) -> PyResult<Value> {
    let (field, name) = transform_field(data);
    let t = *field_receiver::<TransformRef>(vm, this, name)?;
    read_transform(vm, t.0)?;
    let key = match field {
        TransformField::Translation => crate::live_refs::RefKey::Translation(t.0),
        TransformField::Scale => crate::live_refs::RefKey::Scale(t.0),
    };
    crate::live_refs::cached(vm, key, |vm| vm.to_value(Vec3Place(t.0, field)))
}

/// `t.translation = v` (any Vec3-like value).
fn transform_vec_set(vm: &mut Vm, this: Value, v: Value, data: u64) -> PyResult<Value> {
    let (field, name) = transform_field(data);
    let t = *field_receiver::<TransformRef>(vm, this, name)?;
    let Some(v) = vec3_of(vm, v)? else {
        return Err(PyErr::new(
            ExcKind::TypeError,
            format!("{name} must be a Vec3"),
        ));
    };
    with_transform(vm, t.0, |tr| match field {
        TransformField::Translation => tr.translation = v,
        TransformField::Scale => tr.scale = v,
    })?;
    Ok(Value::None)
}

fn rotation_get(vm: &mut Vm, this: Value, _: u64) -> PyResult<Value> {
    let t = *field_receiver::<TransformRef>(vm, this, "rotation")?;
    let q = read_transform(vm, t.0)?.rotation;
    vm.to_value(PyQuat(q))
}

fn rotation_set(vm: &mut Vm, this: Value, v: Value, _: u64) -> PyResult<Value> {
    let t = *field_receiver::<TransformRef>(vm, this, "rotation")?;
    let q: PyQuat = vm.extract(v)?;
    with_transform(vm, t.0, |tr| tr.rotation = q.0)?;
    Ok(Value::None)
}

/// `entity.get(Transform)` takes this typed path.
pub fn transform_ref(vm: &mut Vm, e: Entity) -> PyResult<Value> {
    if world(vm)?.get::<Transform>(e).is_none() {
        return Ok(Value::None);
    }
    let key = crate::live_refs::RefKey::Transform(e);
    crate::live_refs::cached(vm, key, |vm| vm.to_value(TransformRef(e)))
}
