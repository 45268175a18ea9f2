//! The embedding API (`kaa::native`): registered functions, conversions, native types,
//! reference types, native modules, handles, host data and isolation.

use indexmap::IndexMap;
use kaa::native::{HostRef, NativeType, PathSeg, RefHandler, RefRead, Rest};
use kaa::{ExcKind, PyErr, PyResult, Value, Vm};
use std::collections::HashMap;
use std::sync::Arc;

fn quiet_vm() -> Vm {
    let mut vm = Vm::new();
    vm.stdout = Box::new(std::io::sink());
    vm.stderr = Box::new(std::io::sink());
    vm
}

/// Run statements in `__main__`, panicking with the traceback on error.
fn run(vm: &mut Vm, src: &str) {
    if let Err(e) = vm.run_source(src, "test.py", "__main__") {
        let r = vm.error_report(e);
        panic!("script failed:\n{}", r.traceback);
    }
}

fn eval_str(vm: &mut Vm, expr: &str) -> String {
    match vm.eval(expr) {
        Ok(v) => vm.repr_value(v).expect("repr"),
        Err(e) => format!("{}: {}", e.type_name, e.message),
    }
}

#[test]
fn registered_functions_convert_arguments_and_results() {
    let mut vm = quiet_vm();
    vm.register_fn("clamp", |x: f64, lo: f64, hi: f64| x.clamp(lo, hi));
    vm.register_fn("greet", |name: String, excl: Option<bool>| {
        format!("hi {name}{}", if excl.unwrap_or(false) { "!" } else { "" })
    });
    vm.register_fn("total", |first: i64, rest: Rest<i64>| {
        first + rest.0.iter().sum::<i64>()
    });
    vm.register_fn_kw(
        "lerp",
        &["a", "b", "t"],
        |a: f64, b: f64, t: Option<f64>| a + (b - a) * t.unwrap_or(0.5),
    );
    vm.register_fn("nothing", || ());
    assert_eq!(eval_str(&mut vm, "clamp(5, 0, 1.5)"), "1.5");
    assert_eq!(eval_str(&mut vm, "greet('bo')"), "'hi bo'");
    assert_eq!(eval_str(&mut vm, "greet('bo', True)"), "'hi bo!'");
    assert_eq!(eval_str(&mut vm, "total(1, 2, 3, 4)"), "10");
    assert_eq!(eval_str(&mut vm, "total(1)"), "1");
    assert_eq!(eval_str(&mut vm, "lerp(0, 10)"), "5.0");
    assert_eq!(eval_str(&mut vm, "lerp(0, b=10, t=0.1)"), "1.0");
    assert_eq!(eval_str(&mut vm, "nothing()"), "None");
    // CPython's wording for bad calls.
    assert_eq!(
        eval_str(&mut vm, "clamp(5, 0)"),
        "TypeError: clamp() takes 3 positional arguments but 2 were given"
    );
    assert_eq!(
        eval_str(&mut vm, "clamp(5, 0, 1, 2)"),
        "TypeError: clamp() takes 3 positional arguments but 4 were given"
    );
    assert_eq!(
        eval_str(&mut vm, "clamp('a', 0, 1)"),
        "TypeError: clamp() argument 1 must be float, not str"
    );
    assert_eq!(
        eval_str(&mut vm, "clamp(1, 0, hi=2)"),
        "TypeError: clamp() takes no keyword arguments"
    );
    assert_eq!(
        eval_str(&mut vm, "greet()"),
        "TypeError: greet() takes from 1 to 2 positional arguments but 0 were given"
    );
    assert_eq!(
        eval_str(&mut vm, "lerp(0, c=1)"),
        "TypeError: lerp() got an unexpected keyword argument 'c'"
    );
    assert_eq!(
        eval_str(&mut vm, "lerp(0, 1, a=1)"),
        "TypeError: lerp() got multiple values for argument 'a'"
    );
    assert_eq!(
        eval_str(&mut vm, "lerp(t=1)"),
        "TypeError: lerp() missing 2 required positional arguments: 'a' and 'b'"
    );
    assert_eq!(
        eval_str(&mut vm, "lerp(1, 'x')"),
        "TypeError: lerp() argument 'b' must be float, not str"
    );
    assert_eq!(
        eval_str(&mut vm, "total(1, 'x')"),
        "TypeError: total() argument 2 must be int, not str"
    );
}

#[test]
fn fallible_functions_raise_the_chosen_exception() {
    let mut vm = quiet_vm();
    vm.register_fn("parse_level", |s: String| -> Result<i64, PyErr> {
        s.parse::<i64>()
            .map_err(|_| PyErr::new(ExcKind::ValueError, format!("bad level {s:?}")))
    });
    run(
        &mut vm,
        "try:\n    parse_level('x')\nexcept ValueError as e:\n    caught = str(e)\nok = parse_level('12')\n",
    );
    assert_eq!(eval_str(&mut vm, "caught"), "'bad level \"x\"'");
    assert_eq!(eval_str(&mut vm, "ok"), "12");
    let err = vm.eval("parse_level('nope')").expect_err("raises");
    assert_eq!(err.type_name, "ValueError");
    assert_eq!(err.message, "bad level \"nope\"");
}

#[test]
fn conversions_cover_the_common_rust_types() {
    let mut vm = quiet_vm();
    vm.register_fn("small", |x: u8| x);
    vm.register_fn("unsigned", |x: u32| x);
    vm.register_fn("wide", |x: u64| x);
    vm.register_fn("flag", |b: bool| !b);
    vm.register_fn("pair", |p: (i64, String)| (p.1, p.0 * 2));
    vm.register_fn("sum_list", |v: Vec<f64>| v.iter().sum::<f64>());
    vm.register_fn("squares", |n: usize| {
        (0..n).map(|i| i * i).collect::<Vec<_>>()
    });
    vm.register_fn("maybe", |x: Option<i64>| x.map(|v| v + 1));
    vm.register_fn("invert", |m: HashMap<String, i64>| {
        m.into_iter()
            .map(|(k, v)| (v, k))
            .collect::<HashMap<i64, String>>()
    });
    vm.register_fn("ordered", |m: IndexMap<String, i64>| {
        m.into_iter()
            .map(|(k, v)| (k.to_uppercase(), v))
            .collect::<IndexMap<_, _>>()
    });
    vm.register_fn("big", || u64::MAX);
    assert_eq!(eval_str(&mut vm, "small(255)"), "255");
    assert_eq!(
        eval_str(&mut vm, "small(256)"),
        "OverflowError: Python int too large to convert to Rust u8"
    );
    assert_eq!(
        eval_str(&mut vm, "unsigned(-1)"),
        "OverflowError: can't convert negative int to unsigned"
    );
    assert_eq!(eval_str(&mut vm, "wide(2**64 - 1)"), "18446744073709551615");
    assert_eq!(
        eval_str(&mut vm, "wide(2**64)"),
        "OverflowError: Python int too large to convert to Rust u64"
    );
    assert_eq!(eval_str(&mut vm, "big() == 2**64 - 1"), "True");
    assert_eq!(eval_str(&mut vm, "flag(False)"), "True");
    assert_eq!(
        eval_str(&mut vm, "flag(1)"),
        "TypeError: flag() argument 1 must be bool, not int"
    );
    assert_eq!(eval_str(&mut vm, "pair((4, 'a'))"), "('a', 8)");
    assert_eq!(eval_str(&mut vm, "pair([4, 'a'])"), "('a', 8)");
    assert_eq!(
        eval_str(&mut vm, "pair((1, 2, 3))"),
        "ValueError: expected a sequence of 2 items, got 3"
    );
    assert_eq!(eval_str(&mut vm, "sum_list([1, 2.5, 3])"), "6.5");
    assert_eq!(eval_str(&mut vm, "sum_list(range(4))"), "6.0");
    assert_eq!(eval_str(&mut vm, "squares(4)"), "[0, 1, 4, 9]");
    assert_eq!(eval_str(&mut vm, "maybe(None)"), "None");
    assert_eq!(eval_str(&mut vm, "maybe(1)"), "2");
    assert_eq!(eval_str(&mut vm, "invert({'a': 1})"), "{1: 'a'}");
    assert_eq!(
        eval_str(&mut vm, "ordered({'b': 1, 'a': 2})"),
        "{'B': 1, 'A': 2}"
    );
    // Host-side extraction.
    let v = vm.eval("[(1, 'x'), (2, 'y')]").expect("eval");
    let items: Vec<(i32, String)> = vm.extract(v).expect("extract");
    assert_eq!(items, vec![(1, "x".to_string()), (2, "y".to_string())]);
    let v = vm.eval("'text'").expect("eval");
    let e = vm.extract::<i64>(v).expect_err("wrong type");
    assert!(matches!(e, PyErr::New(ExcKind::TypeError, ref m) if m == "expected int, not str"));
}

#[derive(Clone, Debug, PartialEq)]
struct Vec2 {
    x: f64,
    y: f64,
}

impl NativeType for Vec2 {
    const NAME: &'static str = "Vec2";
}

fn vec2_vm() -> Vm {
    let mut vm = quiet_vm();
    let cls = vm
        .native_class::<Vec2>()
        .constructor(|x: Option<f64>, y: Option<f64>| Vec2 {
            x: x.unwrap_or(0.0),
            y: y.unwrap_or(0.0),
        })
        .field("x", |v: &Vec2| v.x, |v: &mut Vec2, x: f64| v.x = x)
        .field("y", |v: &Vec2| v.y, |v: &mut Vec2, y: f64| v.y = y)
        .getter("length", |v: &Vec2| v.x.hypot(v.y))
        .method("dot", |a: &Vec2, b: Vec2| a.x * b.x + a.y * b.y)
        .method("scale_in_place", |a: &mut Vec2, k: f64| {
            a.x *= k;
            a.y *= k;
        })
        .static_method("zero", || Vec2 { x: 0.0, y: 0.0 })
        .operator("__add__", |a: &Vec2, b: Vec2| Vec2 {
            x: a.x + b.x,
            y: a.y + b.y,
        })
        .operator("__sub__", |a: &Vec2, b: Vec2| Vec2 {
            x: a.x - b.x,
            y: a.y - b.y,
        })
        .operator("__mul__", |a: &Vec2, k: f64| Vec2 {
            x: a.x * k,
            y: a.y * k,
        })
        .operator("__rmul__", |a: &Vec2, k: f64| Vec2 {
            x: a.x * k,
            y: a.y * k,
        })
        .operator("__truediv__", |a: &Vec2, k: f64| -> Result<Vec2, PyErr> {
            if k == 0.0 {
                return Err(PyErr::new(ExcKind::ZeroDivisionError, "division by zero"));
            }
            Ok(Vec2 {
                x: a.x / k,
                y: a.y / k,
            })
        })
        .operator("__lt__", |a: &Vec2, b: Vec2| {
            a.x.hypot(a.y) < b.x.hypot(b.y)
        })
        .eq()
        .hash(|v: &Vec2| (v.x.to_bits() ^ v.y.to_bits().rotate_left(1)) as i64)
        .repr(|v: &Vec2| format!("Vec2({}, {})", v.x, v.y))
        .iter(|v: &Vec2| vec![v.x, v.y])
        .build()
        .expect("class");
    vm.set_global("Vec2", cls);
    vm
}

#[test]
fn native_types_behave_like_classes() {
    let mut vm = vec2_vm();
    run(
        &mut vm,
        "v = Vec2(3, 4)\n\
         w = Vec2(1, 2)\n\
         v.x += 1\n\
         s = v + w\n\
         d = v - w\n\
         m = v * 2\n\
         r = 2 * v\n\
         q = v / 2\n\
         v.scale_in_place(0.5)\n",
    );
    assert_eq!(eval_str(&mut vm, "v"), "Vec2(2, 2)");
    assert_eq!(eval_str(&mut vm, "s"), "Vec2(5, 6)");
    assert_eq!(eval_str(&mut vm, "d"), "Vec2(3, 2)");
    assert_eq!(eval_str(&mut vm, "m"), "Vec2(8, 8)");
    assert_eq!(eval_str(&mut vm, "r"), "Vec2(8, 8)");
    assert_eq!(eval_str(&mut vm, "q"), "Vec2(2, 2)");
    assert_eq!(eval_str(&mut vm, "Vec2(3, 4).length"), "5.0");
    assert_eq!(eval_str(&mut vm, "Vec2(1, 2).dot(Vec2(3, 4))"), "11.0");
    assert_eq!(eval_str(&mut vm, "Vec2.zero()"), "Vec2(0, 0)");
    assert_eq!(eval_str(&mut vm, "Vec2()"), "Vec2(0, 0)");
    assert_eq!(eval_str(&mut vm, "Vec2(1, 2) == Vec2(1, 2)"), "True");
    assert_eq!(eval_str(&mut vm, "Vec2(1, 2) != Vec2(1, 3)"), "True");
    assert_eq!(eval_str(&mut vm, "Vec2(1, 2) == 5"), "False");
    assert_eq!(eval_str(&mut vm, "Vec2(1, 1) < Vec2(2, 2)"), "True");
    assert_eq!(
        eval_str(&mut vm, "len({Vec2(1, 2), Vec2(1, 2), Vec2(2, 1)})"),
        "2"
    );
    assert_eq!(eval_str(&mut vm, "list(Vec2(7, 8))"), "[7.0, 8.0]");
    assert_eq!(eval_str(&mut vm, "isinstance(Vec2(), Vec2)"), "True");
    assert_eq!(eval_str(&mut vm, "type(Vec2()).__name__"), "'Vec2'");
    assert_eq!(eval_str(&mut vm, "str(Vec2(1, 2))"), "'Vec2(1, 2)'");
    assert_eq!(
        eval_str(&mut vm, "Vec2(1, 2) / 0"),
        "ZeroDivisionError: division by zero"
    );
    assert_eq!(
        eval_str(&mut vm, "Vec2(1, 2) + 1"),
        "TypeError: unsupported operand type(s) for +: 'Vec2' and 'int'"
    );
    assert_eq!(
        eval_str(&mut vm, "Vec2('a')"),
        "TypeError: Vec2() argument 1 must be float, not str"
    );
    run(
        &mut vm,
        "v = Vec2(3, 4)\ntry:\n    v.length = 1\nexcept AttributeError as e:\n    ro = str(e)\ntry:\n    v.z = 1\nexcept AttributeError as e:\n    nz = str(e)\ntry:\n    v.x = 'a'\nexcept TypeError as e:\n    bad = str(e)\n",
    );
    assert_eq!(
        eval_str(&mut vm, "ro"),
        "\"property 'length' of 'Vec2' object has no setter\""
    );
    assert_eq!(
        eval_str(&mut vm, "nz"),
        "\"'Vec2' object has no attribute 'z'\""
    );
    assert_eq!(
        eval_str(&mut vm, "bad"),
        "'x() argument 1 must be float, not str'"
    );
    // Host-side access by value and by reference.
    let v = vm.eval("Vec2(5, 6)").expect("eval");
    assert_eq!(
        vm.extract::<Vec2>(v).expect("Vec2"),
        Vec2 { x: 5.0, y: 6.0 }
    );
    let Value::Obj(r) = v else { panic!("object") };
    if let Some(p) = kaa::native::native_mut::<Vec2>(&mut vm, r) {
        p.x = 50.0;
    }
    assert_eq!(
        kaa::native::native_ref::<Vec2>(&vm, r).map(|p| p.x),
        Some(50.0)
    );
    let made = vm.to_value(Vec2 { x: 1.0, y: 1.0 }).expect("to_value");
    assert_eq!(vm.repr_value(made).expect("repr"), "Vec2(1, 1)");
}

#[test]
fn scripts_can_subclass_native_types() {
    let mut vm = vec2_vm();
    run(
        &mut vm,
        "class Pos(Vec2):\n    def moved(self, dx):\n        return Pos(self.x + dx, self.y)\n\
         p = Pos(1, 2)\np.tag = 'hero'\nq = p.moved(3)\n",
    );
    assert_eq!(
        eval_str(&mut vm, "type(q).__name__, q.x, p.tag"),
        "('Pos', 4.0, 'hero')"
    );
    assert_eq!(eval_str(&mut vm, "isinstance(q, Vec2)"), "True");
    assert_eq!(eval_str(&mut vm, "(q + Vec2(1, 1)).x"), "5.0");
}

/// A host store of "transforms": `t.translation.x += 1` must read then write through it.
struct Transforms;

#[derive(Default)]
struct World {
    translations: Vec<[f64; 3]>,
    reads: usize,
    writes: usize,
}

fn axis(p: &PathSeg) -> Option<usize> {
    match p {
        PathSeg::Attr(a) => ["x", "y", "z"].iter().position(|n| **n == **a),
        PathSeg::Index(i) => usize::try_from(*i).ok().filter(|&i| i < 3),
    }
}

impl RefHandler for Transforms {
    fn type_name(&self) -> &str {
        "Transform"
    }

    fn get(&self, vm: &mut Vm, target: u64, path: &[PathSeg]) -> PyResult<RefRead> {
        let world = vm.host::<World>()?;
        world.reads += 1;
        let Some(t) = world.translations.get(target as usize).copied() else {
            return Err(PyErr::new(ExcKind::RuntimeError, "entity is gone"));
        };
        match path {
            [PathSeg::Attr(a)] if &**a == "translation" => Ok(RefRead::Place),
            [PathSeg::Attr(a), p] if &**a == "translation" => match axis(p) {
                Some(i) => Ok(RefRead::Value(Value::Float(t[i]))),
                None => Err(PyErr::new(ExcKind::AttributeError, "no such axis")),
            },
            _ => Err(PyErr::new(
                ExcKind::AttributeError,
                "'Transform' has no such field",
            )),
        }
    }

    fn set(&self, vm: &mut Vm, target: u64, path: &[PathSeg], value: Value) -> PyResult<()> {
        let f = vm.extract::<f64>(value)?;
        let world = vm.host::<World>()?;
        world.writes += 1;
        let Some(t) = world.translations.get_mut(target as usize) else {
            return Err(PyErr::new(ExcKind::RuntimeError, "entity is gone"));
        };
        match path {
            [PathSeg::Attr(a), p] if &**a == "translation" => match axis(p) {
                Some(i) => {
                    t[i] = f;
                    Ok(())
                }
                None => Err(PyErr::new(ExcKind::AttributeError, "no such axis")),
            },
            _ => Err(PyErr::new(ExcKind::AttributeError, "read-only field")),
        }
    }
}

#[test]
fn reference_types_read_and_write_through_the_host() {
    let mut vm = quiet_vm();
    let handler: Arc<dyn RefHandler> = Arc::new(Transforms);
    let h2 = handler.clone();
    vm.register_fn("get_transform", move |vm: &mut Vm, entity: u64| {
        vm.new_host_ref(h2.clone(), entity, Default::default())
    });
    run(
        &mut vm,
        "def update():\n    global kept\n    t = get_transform(1)\n    t.translation.x += 1.5\n    t.translation[2] = 7\n    kept = t\n    return repr(t.translation), type(t).__name__\n",
    );
    let mut world = World {
        translations: vec![[0.0; 3], [1.0, 2.0, 3.0]],
        ..Default::default()
    };
    let out = vm.with_host(&mut world, |vm| {
        let f = vm.eval("update").expect("update");
        vm.call_script(f, &[], Some(100_000))
            .map(|v| vm.repr_value(v).unwrap_or_default())
    });
    assert_eq!(
        out.expect("update runs"),
        "('<Transform ref 1.translation>', 'Transform')"
    );
    assert_eq!(world.translations[1], [2.5, 2.0, 7.0]);
    // t.translation three times, .x once; .x and [2] written.
    assert_eq!((world.reads, world.writes), (4, 2));
    // The script kept the reference: using it after the run is a clear error, not UB.
    let err = vm.eval("kept.translation.x").expect_err("no world now");
    assert_eq!(err.type_name, "RuntimeError");
    assert!(
        err.message.contains("host data is not available"),
        "{}",
        err.message
    );
    let r = vm.eval("kept").expect("kept");
    let Value::Obj(obj) = r else { panic!("object") };
    assert!(kaa::native::native_ref::<HostRef>(&vm, obj).is_some());
}

#[test]
fn host_data_is_lent_for_one_run_only() {
    let mut vm = quiet_vm();
    struct Score(i64);
    vm.register_fn("add", |vm: &mut Vm, n: i64| -> PyResult<i64> {
        let s = vm.host::<Score>()?;
        s.0 += n;
        Ok(s.0)
    });
    run(&mut vm, "def tick():\n    return add(2)\n");
    let mut score = Score(1);
    let v = vm.with_host(&mut score, |vm| {
        let f = vm.eval("tick").expect("tick");
        vm.call_script(f, &[], None)
    });
    assert!(matches!(v, Ok(Value::Int(3))));
    assert_eq!(score.0, 3);
    assert!(!vm.host_lent());
    let err = vm.eval("tick()").expect_err("nothing lent");
    assert_eq!(err.type_name, "RuntimeError");
    // Lending another type: a TypeError naming both.
    let mut other = 5u32;
    let err = vm.with_host(&mut other, |vm| vm.eval("tick()").expect_err("wrong type"));
    assert_eq!(err.type_name, "TypeError");
    assert!(err.message.contains("u32"), "{}", err.message);
}

#[test]
fn native_modules_are_importable() {
    let mut vm = vec2_vm();
    vm.native_module("game")
        .function("clamp", |x: f64, lo: f64, hi: f64| x.clamp(lo, hi))
        .function_kw("spawn_at", &["x", "y"], |x: f64, y: Option<f64>| {
            format!("spawned at {x},{}", y.unwrap_or(0.0))
        })
        .value("GRAVITY", 9.81)
        .value("LEVELS", vec!["intro", "cave"])
        .build()
        .expect("module");
    run(
        &mut vm,
        "import game\nfrom game import clamp, GRAVITY\na = game.clamp(9, 0, 1)\nb = game.spawn_at(y=2, x=1)\nc = game.LEVELS\n",
    );
    assert_eq!(
        eval_str(&mut vm, "a, b, c, GRAVITY"),
        "(1.0, 'spawned at 1,2', ['intro', 'cave'], 9.81)"
    );
    assert_eq!(eval_str(&mut vm, "game.__name__"), "'game'");
}

#[test]
fn handles_root_values_until_dropped() {
    let mut vm = quiet_vm();
    run(
        &mut vm,
        "class Enemy:\n    def __init__(self, hp):\n        self.hp = hp\n        self.me = self\n\
         def make():\n    return [Enemy(i) for i in range(100)]\n",
    );
    let make = vm.eval("make").expect("make");
    let baseline = {
        vm.collect_garbage();
        vm.heap.live_objects()
    };
    let list = vm.call_script(make, &[], None).expect("make runs");
    let h = vm.handle(list);
    vm.collect_garbage();
    let rooted = vm.heap.live_objects();
    assert!(
        rooted >= baseline + 200,
        "the rooted list and its enemies survive a collection"
    );
    let v = vm.handle_value(&h).expect("same VM");
    assert!(vm.repr_value(v).expect("repr").len() > 10);
    drop(h);
    vm.collect_garbage();
    assert_eq!(
        vm.heap.live_objects(),
        baseline,
        "dropping the handle freed everything"
    );
    assert_eq!(vm.live_handles(), 0);
}

#[test]
fn handles_are_checked_against_their_vm() {
    let mut a = quiet_vm();
    let mut b = quiet_vm();
    let va = a.eval("[1, 2, 3]").expect("eval");
    let h = a.handle(va);
    let e = b.handle_value(&h).expect_err("foreign handle");
    assert!(e.to_string().contains("cannot move between VMs"), "{e}");
    let err = b.call_handle(&h, &[], None).expect_err("foreign handle");
    assert_eq!(err.type_name, "RuntimeError");
    // After its VM is dropped a handle is inert: dropping it is safe, using it errs.
    drop(a);
    assert!(b.handle_value(&h).is_err());
    drop(h);
}

#[test]
fn calling_scripts_from_rust_reports_errors_and_limits_fuel() {
    let mut vm = quiet_vm();
    run(
        &mut vm,
        "def fail(x):\n    return 1 / x\n\ndef spin():\n    while True:\n        pass\n",
    );
    let fail = vm.eval("fail").expect("fail");
    let h = vm.handle(fail);
    let err = vm
        .call_handle(&h, &[Value::Int(0)], Some(10_000))
        .expect_err("raises");
    assert_eq!(err.type_name, "ZeroDivisionError");
    assert_eq!(err.message, "division by zero");
    assert!(
        err.traceback.contains("File \"test.py\", line 2, in fail"),
        "{}",
        err.traceback
    );
    assert!(err.traceback.contains("return 1 / x"), "{}", err.traceback);
    let spin = vm.eval("spin").expect("spin");
    let err = vm
        .call_script(spin, &[], Some(50_000))
        .expect_err("out of fuel");
    assert_eq!(err.type_name, "RuntimeError");
    assert!(err.message.contains("ran out of fuel"), "{}", err.message);
    // The VM is still usable, with no fuel limit left behind.
    assert_eq!(eval_str(&mut vm, "sum(range(100000))"), "4999950000");
}

#[test]
fn vms_run_on_threads_side_by_side() {
    let threads: Vec<_> = (0..4)
        .map(|i| {
            std::thread::spawn(move || {
                let mut vm = quiet_vm();
                vm.register_fn("offset", move || i * 1000);
                run(&mut vm, "total = offset() + sum(range(10000))\n");
                let v = vm.eval("total").expect("total");
                vm.extract::<i64>(v).expect("int")
            })
        })
        .collect();
    let results: Vec<i64> = threads
        .into_iter()
        .map(|t| t.join().expect("thread"))
        .collect();
    assert_eq!(results, vec![49995000, 49996000, 49997000, 49998000]);
}

#[test]
fn foreign_or_dangling_values_are_refused_not_a_panic() {
    let mut a = quiet_vm();
    let mut b = quiet_vm();
    // A's heap grows far past B's, so A's newest objects have no counterpart in B.
    run(
        &mut a,
        "keep = [[i] for i in range(50000)]\ndef f(x):\n    return x\n",
    );
    run(&mut b, "def g(x):\n    return x\n");
    let fa = a.eval("f").expect("f");
    let list_a = a.eval("keep[-1]").expect("list");
    let gb = b.eval("g").expect("g");
    let err = b.call_script(fa, &[], None).expect_err("foreign callable");
    assert!(
        err.message.contains("does not belong to this VM"),
        "{}",
        err.message
    );
    let err = b
        .call_script(gb, &[list_a], None)
        .expect_err("foreign argument");
    assert!(
        err.message.contains("does not belong to this VM"),
        "{}",
        err.message
    );
    let e = b.extract::<Vec<i64>>(list_a).expect_err("foreign value");
    assert!(matches!(e, PyErr::New(ExcKind::RuntimeError, _)));
    assert!(b.spawn_task(fa, &[], None).is_err());
    // Plain values (ints, floats, None) carry no object and pass anywhere.
    let v = b.call_script(gb, &[Value::Int(7)], None).expect("int");
    assert!(matches!(v, Value::Int(7)));
}

struct Counter(i64);

impl NativeType for Counter {
    const NAME: &'static str = "Counter";
}

fn counter_get(vm: &mut Vm, this: Value, k: u64) -> PyResult<Value> {
    let c = kaa::native::field_receiver::<Counter>(vm, this, "n")?;
    Ok(Value::Int(c.0 * k as i64))
}

fn counter_set(vm: &mut Vm, this: Value, v: Value, _: u64) -> PyResult<Value> {
    let n: i64 = vm.extract(v)?;
    counter_bump(vm, this, Value::Int(0), 0)?;
    if let Value::Obj(r) = this {
        if let Some(c) = kaa::native::native_mut::<Counter>(vm, r) {
            c.0 = n;
        }
    }
    Ok(Value::None)
}

fn counter_bump(vm: &mut Vm, this: Value, by: Value, _: u64) -> PyResult<Value> {
    let by: i64 = vm.extract(by)?;
    kaa::native::field_receiver::<Counter>(vm, this, "bump")?;
    let Value::Obj(r) = this else {
        return Ok(Value::None);
    };
    let c = kaa::native::native_mut::<Counter>(vm, r).map(|c| {
        c.0 += by;
        c.0
    });
    Ok(c.map_or(Value::None, Value::Int))
}

/// Raw fields and methods (plain functions with a data word) behave like properties and
/// methods, from cached bytecode sites and when called by hand.
#[test]
fn raw_fields_and_methods_act_like_properties_and_methods() {
    let mut vm = quiet_vm();
    let cls = vm
        .native_class::<Counter>()
        .field_fn("n", counter_get, Some(counter_set), 1)
        .field_fn("double", counter_get, None, 2)
        .build()
        .expect("class");
    let bump = vm.raw_fn2("bump", counter_bump, 0);
    vm.class_set_attr(cls, "bump", bump);
    let c = vm.to_value(Counter(1)).expect("counter");
    vm.set_global("c", c);
    run(
        &mut vm,
        "for i in range(10):\n    c.n += 1\n    c.bump(2)\nseen = [c.n for _ in range(3)]\n",
    );
    assert_eq!(
        eval_str(&mut vm, "(c.n, c.double, seen)"),
        "(31, 62, [31, 31, 31])"
    );
    assert_eq!(eval_str(&mut vm, "type(c).n.fget(c)"), "31");
    assert_eq!(eval_str(&mut vm, "type(type(c).n).__name__"), "'property'");
    for (expr, want) in [
        (
            "type(c).n.fget()",
            "TypeError: n() takes exactly 1 argument (0 given)",
        ),
        (
            "type(c).n.fget(5)",
            "TypeError: descriptor 'n' for 'Counter' objects doesn't apply to a 'int' object",
        ),
        (
            "c.bump()",
            "TypeError: bump() takes exactly 2 arguments (1 given)",
        ),
        (
            "c.bump(1, 2)",
            "TypeError: bump() takes exactly 2 arguments (3 given)",
        ),
        (
            "c.bump(x=1)",
            "TypeError: bump() takes no keyword arguments",
        ),
        ("c.bump('a')", "TypeError: expected int, not str"),
    ] {
        assert_eq!(eval_str(&mut vm, expr), want, "{expr}");
    }
    let err = vm
        .run_source("c.double = 3\n", "t.py", "__main__")
        .expect_err("read-only");
    let report = vm.error_report(err);
    assert!(
        report.traceback.contains("AttributeError"),
        "{}",
        report.traceback
    );
}

#[test]
fn minor_collections_run_and_keep_what_old_objects_hold() {
    // The conformance case that stores new objects into old ones between collections: here
    // also checked to run several collections (mostly minor ones) and to end with its objects.
    let src = std::fs::read_to_string(
        std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/cases/gc_old_holds_young.py"),
    )
    .expect("case file");
    let mut vm = quiet_vm();
    let before = vm.heap.collections;
    run(&mut vm, &src);
    assert!(
        vm.heap.collections >= before + 5,
        "only {} collections",
        vm.heap.collections - before
    );
    assert_eq!(
        eval_str(
            &mut vm,
            "old_list[5], old_dict['round-5'], get(), nested['inner'][0][-1]"
        ),
        "(['round-5', {'n': 5}], ('round-5round-5', [5, 5, 5]), ['cell', 'round-5'], ['round-5'])"
    );
    // A full collection keeps the same.
    vm.collect_garbage();
    assert_eq!(
        eval_str(&mut vm, "len(old_set), Registry.items[-1]"),
        "(6, ('reg', 'round-5'))"
    );
}
