//! Kaa embedded in a plain Rust program: a native 2D vector type with operators, a
//! registered callback, host data lent for each step, and a script function called from Rust
//! through a rooted handle.
//!
//! ```text
//! cargo run -p kaa --example embed
//! ```

use kaa::native::NativeType;
use kaa::{PyErr, PyResult, Vm};

#[derive(Clone, Copy, Debug, PartialEq)]
struct Vec2 {
    x: f64,
    y: f64,
}

impl NativeType for Vec2 {
    const NAME: &'static str = "Vec2";
}

/// What the host owns and lends to scripts while they run.
struct Game {
    log: Vec<String>,
    bounds: f64,
}

const SCRIPT: &str = r#"
from game import Vec2, log, bounds

pos = Vec2(0, 0)
vel = Vec2(3, 4)

def step(dt):
    global pos, vel
    pos = pos + vel * dt
    if abs(pos.x) > bounds() or abs(pos.y) > bounds():
        vel = -1 * vel
        log(f"bounce at {pos!r}, speed {vel.length:.1f}")
    return pos
"#;

fn main() -> Result<(), Box<dyn std::error::Error>> {
    let mut vm = Vm::new();
    vm.native_module("game")
        .class::<Vec2>(|c| {
            c.constructor(|x: f64, y: f64| Vec2 { x, y })
                .field("x", |v: &Vec2| v.x, |v: &mut Vec2, x: f64| v.x = x)
                .field("y", |v: &Vec2| v.y, |v: &mut Vec2, y: f64| v.y = y)
                .getter("length", |v: &Vec2| v.x.hypot(v.y))
                .operator("__add__", |a: &Vec2, b: Vec2| Vec2 {
                    x: a.x + b.x,
                    y: a.y + b.y,
                })
                .operator("__mul__", |a: &Vec2, k: f64| Vec2 {
                    x: a.x * k,
                    y: a.y * k,
                })
                .operator("__rmul__", |a: &Vec2, k: f64| Vec2 {
                    x: a.x * k,
                    y: a.y * k,
                })
                .eq()
                .repr(|v: &Vec2| format!("Vec2({:.2}, {:.2})", v.x, v.y))
        })
        // Callbacks reach the lent host data through the VM: no globals, no unsafe here.
        .function("log", |vm: &mut Vm, msg: String| -> PyResult<()> {
            vm.host::<Game>()?.log.push(msg);
            Ok(())
        })
        .function("bounds", |vm: &mut Vm| -> PyResult<f64> {
            Ok(vm.host::<Game>()?.bounds)
        })
        .build()
        .map_err(|e| format!("{e:?}"))?;
    vm.run_source(SCRIPT, "bouncer.py", "__main__")
        .map_err(|e| vm.error_report(e))?;

    let step = vm.eval("step")?;
    let step = vm.handle(step);
    let mut game = Game {
        log: Vec::new(),
        bounds: 5.0,
    };
    for frame in 0..120 {
        let dt = kaa::Value::Float(1.0 / 30.0);
        // Each call gets at most 100k instructions: a runaway script cannot hang the host.
        let pos = vm.with_host(&mut game, |vm| vm.call_handle(&step, &[dt], Some(100_000)))?;
        let pos: Vec2 = vm.extract(pos).map_err(|e: PyErr| format!("{e:?}"))?;
        if frame % 30 == 29 {
            println!("frame {:3}: {pos:?}", frame + 1);
        }
    }
    for line in &game.log {
        println!("script: {line}");
    }
    // Errors come back as values with CPython's traceback text.
    let err = vm.call_handle(&step, &[kaa::Value::Float(0.1)], None);
    if let Err(e) = err {
        println!("without host data: {}: {}", e.type_name, e.message);
    }
    Ok(())
}
