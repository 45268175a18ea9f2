//! Kaa: a Python 3 subset on a stackless bytecode VM, built to be embedded in games.
//!
//! ```
//! let mut vm = kaa::Vm::new();
//! vm.stdout = Box::new(std::io::sink());
//! vm.run_source("x = sum(i * i for i in range(10))", "<example>", "__main__").unwrap();
//! ```
//!
//! Source text goes lexer → parser → compiler → bytecode → VM. Script calls push frames on a
//! `Vec` and never recurse on the Rust stack; each VM owns its heap and collects cycles; every
//! API takes the VM it works on (there is no global "current VM").

pub mod ast;
pub mod builtins;
pub mod code;
pub mod compiler;
pub mod heap;
pub mod lexer;
pub mod native;
pub mod object;
pub mod parser;
pub mod regex;
pub mod types;
pub mod value;
pub mod vm;

pub use compiler::Mode;
pub use object::{Args, Obj};
pub use value::{ObjRef, Value};
pub use vm::{ExcKind, PyErr, PyResult, RunState, ScriptError, Vm, VmConfig};
