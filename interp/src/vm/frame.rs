//! Frames: one per active (or suspended) script function call.
//!
//! Locals, cells and the value stack of a frame are one contiguous region of the VM's shared
//! value stack starting at `base` (CPython's `f_localsplus`). A suspended generator's region is
//! moved into `saved_stack` and moved back on resume.

use crate::code::Code;
use crate::value::{ObjRef, Value};
use std::ops::Deref;
use std::ptr::NonNull;
use std::sync::Arc;

/// The code a frame runs. A frame of a plain (non-generator) function borrows its function's
/// `Arc<Code>` instead of cloning it: a call and its return then do no atomic reference-count
/// updates (two locked instructions per call). Sound because the frame keeps that function
/// alive (`Frame::func` is traced) and a non-generator function's code is never replaced
/// (`types.coroutine` swaps only generator functions' code). Every other frame owns a count.
/// One word, the low bit saying "owned", so that `Frame` stays 128 bytes.
pub struct FrameCode(NonNull<Code>);

// Code is aligned to 8: its pointer's low bit is free for the tag.
const _: () = assert!(std::mem::align_of::<Code>() >= 2);

// SAFETY: a FrameCode is an `Arc<Code>` (owned) or a reference to one (borrowed); `Code` is
// Send and Sync, as `Arc<Code>` needs it to be.
unsafe impl Send for FrameCode {}
unsafe impl Sync for FrameCode {}

impl FrameCode {
    pub fn owned(code: Arc<Code>) -> Self {
        let p = Arc::into_raw(code) as *mut Code;
        // SAFETY: non-null (from an Arc), and the tagged pointer is never dereferenced.
        FrameCode(unsafe { NonNull::new_unchecked(p.map_addr(|a| a | 1)) })
    }

    /// # Safety
    /// `code` must stay alive, unreplaced, for as long as the frame exists.
    #[inline(always)]
    pub unsafe fn borrowed(code: &Arc<Code>) -> Self {
        // SAFETY: non-null (from an Arc).
        FrameCode(unsafe { NonNull::new_unchecked(Arc::as_ptr(code) as *mut Code) })
    }

    #[inline(always)]
    pub fn is_owned(&self) -> bool {
        self.0.as_ptr().addr() & 1 == 1
    }

    #[inline(always)]
    pub fn ptr(&self) -> *const Code {
        self.0.as_ptr().map_addr(|a| a & !1)
    }

    /// A counted handle on the code (for tracebacks, generators, anything that outlives the
    /// frame).
    pub fn arc(&self) -> Arc<Code> {
        let p = self.ptr();
        // SAFETY: `p` came from a live Arc (owned by this frame or by its function).
        unsafe {
            Arc::increment_strong_count(p);
            Arc::from_raw(p)
        }
    }
}

// An owned handle; it also keeps `frame.code.clone()` from reaching `Code::clone` (a deep
// copy) through `Deref`.
impl Clone for FrameCode {
    fn clone(&self) -> Self {
        FrameCode::owned(self.arc())
    }
}

impl Deref for FrameCode {
    type Target = Code;
    #[inline(always)]
    fn deref(&self) -> &Code {
        // SAFETY: see `arc`.
        unsafe { &*self.ptr() }
    }
}

impl Drop for FrameCode {
    #[inline(always)]
    fn drop(&mut self) {
        if self.is_owned() {
            // SAFETY: an owned FrameCode holds one count, given back once, here.
            unsafe { drop(Arc::from_raw(self.ptr())) }
        }
    }
}

impl std::fmt::Debug for FrameCode {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(f, "FrameCode({})", self.name)
    }
}

/// A handler block: on an exception, unwind the value stack to `depth` (relative to `base`),
/// push the exception and jump to `handler`.
#[derive(Debug, Clone, Copy)]
pub struct Block {
    pub handler: u32,
    pub depth: u32,
}

/// Every field but `code`, `blocks` and `saved_stack` is `Copy`: [`Frame::owns_nothing`]
/// relies on it to end a plain call's frame without a drop (update it with a new owning field).
#[derive(Debug)]
pub struct Frame {
    pub code: FrameCode,
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
    /// The frame of a call of script function `func`, its slots starting at `base`.
    #[inline(always)]
    pub fn for_call(
        code: FrameCode,
        base: usize,
        globals: ObjRef,
        func: ObjRef,
        boundary: bool,
        callable_below: bool,
    ) -> Frame {
        Frame {
            code,
            ip: 0,
            base,
            globals,
            locals: None,
            blocks: Vec::new(),
            exc: Value::None,
            func: Some(func),
            init_self: None,
            boundary,
            callable_below,
            generator: None,
            saved_stack: Vec::new(),
        }
    }

    /// The stack height to go back to when this frame ends.
    #[inline]
    pub fn stack_floor(&self) -> usize {
        self.base - self.callable_below as usize
    }

    /// Whether dropping this frame would free nothing: its code is borrowed and its two
    /// buffers never allocated (the common plain call, which returns without a drop call).
    #[inline(always)]
    pub fn owns_nothing(&self) -> bool {
        !self.code.is_owned() && self.blocks.capacity() == 0 && self.saved_stack.capacity() == 0
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

/// Moves a suspended generator's frame from its slot to the top of `frames`, bitwise and
/// once (`take` then `push` copied its 128 bytes twice; a generator step does this on every
/// resume). False, moving nothing, when the slot is empty.
#[inline(always)]
pub fn resume_from(frames: &mut Vec<Frame>, slot: &mut Option<Frame>) -> bool {
    let Some(f) = slot.as_ref() else {
        return false;
    };
    frames.reserve(1);
    let n = frames.len();
    // SAFETY: the frame is copied bitwise into the spare capacity at `n` and the slot is then
    // overwritten with `None` without running a drop: ownership moved, nothing duplicated or
    // leaked. `set_len` then counts the initialized slot.
    unsafe {
        std::ptr::copy_nonoverlapping(f as *const Frame, frames.as_mut_ptr().add(n), 1);
        std::ptr::write(slot, None);
        frames.set_len(n + 1);
    }
    true
}

/// Moves the top frame of `frames` (a generator's, suspending) into its generator's empty
/// slot, bitwise and once.
#[inline(always)]
pub fn suspend_into(frames: &mut Vec<Frame>, slot: &mut Option<Frame>) {
    debug_assert!(slot.is_none());
    let Some(n) = frames.len().checked_sub(1) else {
        return;
    };
    // SAFETY: the Vec is shortened first so it no longer owns the last frame, which is then
    // read bitwise into the slot; the slot's old value (`None`: a running generator's frame
    // is on the frame stack) is overwritten without a drop.
    unsafe {
        frames.set_len(n);
        std::ptr::write(slot, Some(std::ptr::read(frames.as_ptr().add(n))));
    }
}
