//! Frames: one per active (or suspended) script function call.
//!
//! Locals, cells and the value stack of a frame are one contiguous region of the VM's shared
//! value stack starting at `base` (CPython's `f_localsplus`). A suspended generator's region is
//! moved into `saved_stack` and moved back on resume.

use crate::code::Code;
use crate::value::{ObjRef, Value};
use std::sync::Arc;

/// A handler block: on an exception, unwind the value stack to `depth` (relative to `base`),
/// push the exception and jump to `handler`.
#[derive(Debug, Clone, Copy)]
pub struct Block {
    pub handler: u32,
    pub depth: u32,
}

#[derive(Debug)]
pub struct Frame {
    pub code: Arc<Code>,
    pub ip: usize,
    pub base: usize,
    pub globals: ObjRef,
    /// The namespace dict of module and class bodies.
    pub locals: Option<ObjRef>,
    pub blocks: Vec<Block>,
    /// The exception being handled in this frame (`sys.exc_info()`), or None.
    pub exc: Value,
    pub func: Option<ObjRef>,
    /// For `__init__` frames started by a class call: the instance to return.
    pub init_self: Option<ObjRef>,
    /// When this frame finishes, the eval loop returns to its Rust caller.
    pub boundary: bool,
    /// The callable sits just below `base` (a simple call leaves it there rather than
    /// shifting the arguments down): returning pops it too.
    pub callable_below: bool,
    /// The generator this frame belongs to.
    pub generator: Option<ObjRef>,
    /// Locals + stack while suspended (generators only).
    pub saved_stack: Vec<Value>,
}

// Frames are pushed and popped on every call: kept at 128 bytes, a copy LLVM inlines.
const _: () = assert!(std::mem::size_of::<Frame>() <= 128);

impl Frame {
    /// The stack height to go back to when this frame ends.
    #[inline]
    pub fn stack_floor(&self) -> usize {
        self.base - self.callable_below as usize
    }

    /// Handles this frame keeps alive (the live stack region is traced by the VM).
    pub fn trace(&self, out: &mut Vec<ObjRef>) {
        crate::object::trace_code(&self.code, out);
        out.push(self.globals);
        if let Some(l) = self.locals {
            out.push(l);
        }
        if let Value::Obj(r) = self.exc {
            out.push(r);
        }
        if let Some(f) = self.func {
            out.push(f);
        }
        if let Some(r) = self.init_self {
            out.push(r);
        }
        if let Some(g) = self.generator {
            out.push(g);
        }
        for v in &self.saved_stack {
            if let Value::Obj(r) = v {
                out.push(*r);
            }
        }
    }

    /// The instruction being executed (or last executed).
    pub fn lasti(&self) -> usize {
        self.ip.saturating_sub(1)
    }
}
