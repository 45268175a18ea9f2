//! The per-VM heap: an arena of objects addressed by [`ObjRef`], and a mark-sweep collector.
//!
//! Collection only happens at safe points chosen by the VM (instruction boundaries of the
//! outermost eval loop), where every live value is reachable from the VM's roots. Native code
//! may therefore hold `Value`s in Rust locals freely while it runs.

use crate::object::Obj;
use crate::value::ObjRef;

/// Memory accounting and the arena.
pub struct Heap {
    objs: Vec<Option<Obj>>,
    /// Per slot: [`MARK`] during a collection, [`LEAF`] for objects with no references inside
    /// (strings, bytes, big ints). Marking sets a leaf's bit without loading the object:
    /// loading each object was most of a collection's time (a cache miss per object).
    flags: Vec<u8>,
    free: Vec<u32>,
    /// Estimated bytes in use (exact after a collection, grows by estimates between).
    pub bytes: usize,
    /// Collect when `bytes` passes this.
    pub threshold: usize,
    /// The memory limit: past it (after a collection) scripts get MemoryError.
    pub limit: usize,
    pub collections: u64,
    pub last_freed: usize,
    /// Total time spent collecting (for hosts' diagnostics).
    pub gc_time: std::time::Duration,
    /// Bumped whenever a class may change (mutable access to one) and at every collection
    /// (freed slots get reused): the type attribute cache is valid for one epoch.
    pub class_epoch: u64,
}

const MIN_THRESHOLD: usize = 4 << 20;
const MARK: u8 = 1;
const LEAF: u8 = 2;
const BIG_HEAP: usize = 64 << 20;

impl Heap {
    pub fn new(limit: usize) -> Self {
        Heap {
            objs: Vec::with_capacity(1024),
            flags: Vec::with_capacity(1024),
            free: Vec::new(),
            bytes: 0,
            threshold: MIN_THRESHOLD,
            limit,
            collections: 0,
            last_freed: 0,
            gc_time: std::time::Duration::ZERO,
            class_epoch: 1,
        }
    }

    #[inline]
    pub fn alloc(&mut self, obj: Obj) -> ObjRef {
        self.bytes += obj.size_estimate();
        let flag = if obj.is_leaf() { LEAF } else { 0 };
        if let Some(i) = self.free.pop() {
            self.objs[i as usize] = Some(obj);
            self.flags[i as usize] = flag;
            ObjRef(i)
        } else {
            self.objs.push(Some(obj));
            self.flags.push(flag);
            ObjRef((self.objs.len() - 1) as u32)
        }
    }

    /// Is `r` the handle of a live object of this heap? (Handles are plain indices: one of
    /// another heap that happens to be in range is not detected here.)
    pub fn owns(&self, r: ObjRef) -> bool {
        matches!(self.objs.get(r.index()), Some(Some(_)))
    }

    #[inline]
    pub fn get(&self, r: ObjRef) -> &Obj {
        match self.objs.get(r.index()) {
            Some(Some(o)) => o,
            _ => dangling(r),
        }
    }

    #[inline]
    pub fn get_mut(&mut self, r: ObjRef) -> &mut Obj {
        let i = r.index();
        match self.objs.get_mut(i) {
            Some(Some(o)) => {
                if let Obj::Class(_) = o {
                    self.class_epoch += 1;
                } else if o.is_leaf() {
                    // It may be replaced by an object with references: no longer a known leaf.
                    if let Some(f) = self.flags.get_mut(i) {
                        *f = 0;
                    }
                }
                o
            }
            _ => dangling(r),
        }
    }

    /// Whether `r` names a live object (used to validate handles coming from outside).
    pub fn is_live(&self, r: ObjRef) -> bool {
        matches!(self.objs.get(r.index()), Some(Some(_)))
    }

    /// Account for growth of an existing object (a list append, a dict insert).
    #[inline]
    pub fn grew(&mut self, bytes: usize) {
        self.bytes += bytes;
    }

    /// Would an allocation of `bytes` more stay within the limit?
    #[inline]
    pub fn can_grow(&self, bytes: usize) -> bool {
        self.bytes.saturating_add(bytes) <= self.limit
    }

    pub fn should_collect(&self) -> bool {
        self.bytes > self.threshold
    }

    pub fn live_objects(&self) -> usize {
        self.objs.len() - self.free.len()
    }

    /// Mark from `roots`, then sweep everything unmarked. Iterative: deep structures cannot
    /// overflow the Rust stack.
    pub fn collect(&mut self, roots: Vec<ObjRef>) {
        for f in self.flags.iter_mut() {
            *f &= !MARK;
        }
        let mut stack = roots;
        while let Some(r) = stack.pop() {
            let i = r.index();
            let Some(f) = self.flags.get_mut(i) else {
                continue;
            };
            if *f & MARK != 0 {
                continue;
            }
            *f |= MARK;
            if *f & LEAF != 0 {
                continue;
            }
            if let Some(o) = &self.objs[i] {
                o.trace(&mut stack);
            }
        }
        let mut live_bytes = 0;
        let mut freed = 0;
        for (i, slot) in self.objs.iter_mut().enumerate() {
            if let Some(o) = slot {
                if self.flags[i] & MARK != 0 {
                    live_bytes += o.size_estimate();
                } else {
                    *slot = None;
                    self.free.push(i as u32);
                    freed += 1;
                }
            }
        }
        self.bytes = live_bytes;
        // The next collection when the heap has grown by as much as is live (so a frame's
        // garbage costs few collections of a game-sized heap), but by at most half once the
        // live heap is big, where the peak memory matters more than the marking time.
        let growth = if live_bytes < BIG_HEAP {
            live_bytes
        } else {
            (live_bytes / 2).max(BIG_HEAP)
        };
        self.threshold = (live_bytes + growth).max(MIN_THRESHOLD);
        self.collections += 1;
        self.last_freed = freed;
        self.class_epoch += 1;
    }
}

#[cold]
#[inline(never)]
fn dangling(r: ObjRef) -> ! {
    // A handle outlived its object: a bug in Kaa's rooting, never something a script can cause.
    panic!("kaa: dangling object handle {}", r.0)
}
