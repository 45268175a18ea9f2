//! The per-VM heap: an arena of objects addressed by [`ObjRef`], and a generational
//! mark-sweep collector.
//!
//! Most objects die young (temporaries of an expression, a frame's garbage), so most
//! collections are minor: they mark only the objects allocated since the last collection (the
//! young ones, listed in `young`) and free the unreachable ones; survivors become old. Old
//! objects are freed only by a major collection of everything, run when the old generation
//! has grown to the major threshold. A minor collection must see every reference from an old object to a
//! young one: every mutation of an object goes through [`Heap::get_mut`], which records an old
//! object the first time it is touched after a collection (the remembered set; its
//! references are roots of the next minor collection), or through [`Heap::get_mut_adding`],
//! which records just the young values an append or store adds. Objects are never moved.
//!
//! Collection only happens at safe points chosen by the VM (instruction boundaries of the
//! outermost eval loop), where every live value is reachable from the VM's roots. Native code
//! may therefore hold `Value`s in Rust locals freely while it runs.

use crate::object::Obj;
use crate::value::{ObjRef, Value};

/// Memory accounting and the arena.
pub struct Heap {
    objs: Vec<Option<Obj>>,
    /// Per slot: [`MARK`] during a collection, [`LEAF`] for objects with no references inside
    /// (strings, bytes, big ints). Marking sets a leaf's bit without loading the object:
    /// loading each object was most of a collection's time (a cache miss per object).
    flags: Vec<u8>,
    free: Vec<u32>,
    /// Slots allocated since the last collection.
    young: Vec<u32>,
    /// Old objects mutated since the last collection ([`DIRTY`]).
    remembered: Vec<u32>,
    /// Young objects stored into old ones by mutations that only add references
    /// ([`Heap::get_mut_adding`]): roots of the next minor collection.
    added: Vec<ObjRef>,
    /// Estimated bytes in use (exact after a collection, grows by estimates between).
    pub bytes: usize,
    /// Collect when `bytes` passes this.
    pub threshold: usize,
    /// Collect everything at the first collection after the old generation has passed this.
    major_threshold: usize,
    /// Bytes right after the last collection: the old generation then (every survivor is
    /// old).
    old_bytes: usize,
    /// Make the next collection a major one ([`crate::Vm::collect_garbage`]).
    pub force_major: bool,
    /// The memory limit: past it (after a collection) scripts get MemoryError.
    pub limit: usize,
    pub collections: u64,
    /// How many of them were major.
    pub majors: u64,
    pub last_freed: usize,
    /// Total time spent collecting (for hosts' diagnostics).
    pub gc_time: std::time::Duration,
    /// Bumped whenever a class may change (mutable access to one) and at every collection
    /// (freed slots get reused): the type attribute cache is valid for one epoch.
    pub class_epoch: u64,
}

const MIN_THRESHOLD: usize = 4 << 20;
/// The least allocation between minor collections. 2 MiB rather than 4: a nursery that
/// fits the cache more often made bench/exceptions.py 0.81-0.84x the time (alternated runs)
/// and its peak 14.3 -> 12.6 MB.
const NURSERY: usize = 2 << 20;
const MARK: u8 = 1;
const LEAF: u8 = 2;
/// Survived a collection.
const OLD: u8 = 4;
/// Old, and mutated since the last collection: in `remembered`.
const DIRTY: u8 = 8;
const BIG_HEAP: usize = 64 << 20;

impl Heap {
    pub fn new(limit: usize) -> Self {
        Heap {
            objs: Vec::with_capacity(1024),
            flags: Vec::with_capacity(1024),
            free: Vec::new(),
            young: Vec::with_capacity(1024),
            remembered: Vec::new(),
            added: Vec::new(),
            bytes: 0,
            threshold: MIN_THRESHOLD,
            major_threshold: MIN_THRESHOLD,
            old_bytes: 0,
            force_major: false,
            majors: 0,
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
        let i = if let Some(i) = self.free.pop() {
            self.objs[i as usize] = Some(obj);
            self.flags[i as usize] = flag;
            i
        } else {
            self.objs.push(Some(obj));
            self.flags.push(flag);
            (self.objs.len() - 1) as u32
        };
        self.young.push(i);
        ObjRef(i)
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
                // SAFETY: `flags` has an entry per slot of `objs` (pushed together), and `i`
                // is a slot of `objs`.
                let f = unsafe { self.flags.get_unchecked_mut(i) };
                // Young objects that may hold references, the common case, pass one test.
                if *f & (LEAF | OLD) != 0 {
                    // The write barrier: an old object may be given references to young ones.
                    if *f & (OLD | DIRTY) == OLD {
                        *f |= DIRTY;
                        self.remembered.push(i as u32);
                    }
                    // It may be replaced by an object with references: no longer a leaf.
                    *f &= !LEAF;
                }
                if let Obj::Class(_) = o {
                    self.class_epoch += 1;
                }
                o
            }
            _ => dangling(r),
        }
    }

    /// Mutable access for a mutation that only adds references to `added` (an append, an
    /// insert, a value stored under a key), possibly dropping others. An old object records
    /// the young ones among `added` instead of being remembered whole: a minor collection
    /// then does not rescan a big container that is only growing (a million-item list being
    /// appended to was rescanned in full at every one). Sound because the mutation stores no
    /// other reference; one it drops may be kept until the next major collection.
    #[inline]
    pub fn get_mut_adding(&mut self, r: ObjRef, added: &[Value]) -> &mut Obj {
        let i = r.index();
        // Only an old object not yet remembered whole records the values; leaves and classes
        // (flag and epoch upkeep) take the general path too.
        let f = self.flags.get(i).copied().unwrap_or(0);
        let class = matches!(self.objs.get(i), Some(Some(Obj::Class(_))));
        if f & (LEAF | OLD | DIRTY) != OLD || class {
            return self.get_mut(r);
        }
        for v in added {
            if let Value::Obj(c) = v {
                if self.flags.get(c.index()).is_some_and(|cf| cf & OLD == 0) {
                    self.added.push(*c);
                }
            }
        }
        match self.objs.get_mut(i) {
            Some(Some(o)) => o,
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

    /// A collection from `roots`: minor (the young objects only), then major (everything) if
    /// the old generation has come within a quarter nursery of the major threshold, the heap
    /// has passed its limit, or a major one was asked for.
    ///
    /// The old generation, not the whole heap, is what decides: the heap is the old objects
    /// plus young ones, most of them garbage, and when the major threshold was compared with
    /// that total every collection of a heap whose growth allowance was below a nursery
    /// (4 to 8 MiB live) was a major one (bench/strings.py: 24 of 25). The heap is still
    /// kept under the major threshold: the minor collection that finds the old generation
    /// near it is followed by the major one at once.
    pub fn collect(&mut self, roots: Vec<ObjRef>) {
        if self.force_major || self.bytes > self.limit {
            self.collect_major(roots);
        } else if self.bytes <= self.major_due() {
            self.collect_minor(roots);
        } else {
            // The total is past the line: the old generation may be too, once the young
            // garbage is gone.
            self.collect_minor(roots.clone());
            if self.old_bytes > self.major_due() {
                self.collect_major(roots);
            }
        }
        self.force_major = false;
        self.collections += 1;
        self.class_epoch += 1;
    }

    /// The old generation past which a major collection is due.
    fn major_due(&self) -> usize {
        self.major_threshold
            .saturating_sub(nursery(self.old_bytes) / 4)
    }

    /// Mark the young objects reachable from `roots` and from the remembered old objects,
    /// free the other young ones, and make the survivors old.
    fn collect_minor(&mut self, roots: Vec<ObjRef>) {
        let mut stack = roots;
        stack.append(&mut self.added);
        for &i in &self.remembered {
            let i = i as usize;
            self.flags[i] &= !DIRTY;
            if let Some(o) = &self.objs[i] {
                o.trace(&mut stack);
            }
        }
        self.remembered.clear();
        // Old objects are live until the next major collection; what they reference that is
        // young was reached through the remembered set or the added values.
        self.mark(stack, MARK | OLD);
        let mut young = std::mem::take(&mut self.young);
        let mut freed = 0;
        let mut freed_bytes = 0;
        for &i in &young {
            let i = i as usize;
            if self.flags[i] & MARK != 0 {
                self.flags[i] = (self.flags[i] & LEAF) | OLD;
            } else if let Some(o) = self.objs[i].take() {
                freed_bytes += o.size_estimate();
                self.free.push(i as u32);
                freed += 1;
            }
        }
        young.clear();
        self.young = young;
        self.bytes = self.bytes.saturating_sub(freed_bytes);
        self.old_bytes = self.bytes;
        self.threshold = self.next_threshold();
        self.last_freed = freed;
    }

    /// Mark from `roots`, then sweep everything unmarked; every survivor is old.
    fn collect_major(&mut self, roots: Vec<ObjRef>) {
        self.majors += 1;
        for f in self.flags.iter_mut() {
            *f &= LEAF;
        }
        self.young.clear();
        self.remembered.clear();
        self.added.clear();
        self.mark(roots, MARK);
        let mut live_bytes = 0;
        let mut freed = 0;
        for (i, slot) in self.objs.iter_mut().enumerate() {
            if let Some(o) = slot {
                if self.flags[i] & MARK != 0 {
                    live_bytes += o.size_estimate();
                    self.flags[i] = (self.flags[i] & LEAF) | OLD;
                } else {
                    *slot = None;
                    self.free.push(i as u32);
                    freed += 1;
                }
            }
        }
        self.bytes = live_bytes;
        // The next major collection when the old generation has grown by a fifth of what is
        // live, or by half once the live heap is big (then at least 64 MiB). Garbage that dies
        // young is freed by the minor collections in between, so majors only chase objects
        // that outlived a nursery: growing by all of the live heap (the policy before the
        // collector was generational) let that garbage double the peak (bench/generators.py
        // 29 MB against CPython's 23) for 0.8% fewer instructions. A fifth rather than a
        // quarter since minor collections also run up to the threshold (see `collect`): that
        // kept generators.py's peak at 22.8 MB (23.3 with a quarter).
        let growth = if live_bytes < BIG_HEAP {
            live_bytes / 5
        } else {
            (live_bytes / 2).max(BIG_HEAP)
        };
        self.major_threshold = (live_bytes + growth).max(MIN_THRESHOLD);
        self.old_bytes = live_bytes;
        self.threshold = self.next_threshold();
        self.last_freed = freed;
    }

    /// Where the next collection comes: a nursery past the old generation, but no later than
    /// the major threshold.
    fn next_threshold(&self) -> usize {
        (self.old_bytes + nursery(self.old_bytes)).min(self.major_threshold)
    }

    /// Mark everything reachable from `stack` that has none of the `stop` flags, and trace
    /// through it. Iterative: deep structures cannot overflow the Rust stack.
    fn mark(&mut self, mut stack: Vec<ObjRef>, stop: u8) {
        while let Some(r) = stack.pop() {
            let i = r.index();
            let Some(f) = self.flags.get_mut(i) else {
                continue;
            };
            if *f & stop != 0 {
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
    }
}

/// Allocation allowed before the next minor collection, for a heap of `bytes`: an eighth of
/// the heap, at least [`NURSERY`]. A fixed nursery made big heaps pay more: every minor
/// collection rescans the old containers mutated since the last one in full (a list of a
/// million strings being appended to), so their number must shrink as the heap grows.
fn nursery(bytes: usize) -> usize {
    (bytes / 8).max(NURSERY)
}

#[cold]
#[inline(never)]
fn dangling(r: ObjRef) -> ! {
    // A handle outlived its object: a bug in Kaa's rooting, never something a script can cause.
    panic!("kaa: dangling object handle {}", r.0)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::object::PyStr;

    fn list(heap: &mut Heap, items: Vec<Value>) -> ObjRef {
        heap.alloc(Obj::List(items))
    }

    fn text(heap: &mut Heap, s: &str) -> ObjRef {
        heap.alloc(Obj::Str(PyStr::new(s)))
    }

    #[test]
    fn a_minor_collection_frees_young_garbage_and_keeps_what_roots_reach() {
        let mut heap = Heap::new(usize::MAX);
        let kept = text(&mut heap, "kept");
        let holder = list(&mut heap, vec![Value::Obj(kept)]);
        let garbage = text(&mut heap, "garbage");
        heap.collect(vec![holder]);
        assert!(heap.is_live(holder) && heap.is_live(kept));
        assert!(!heap.is_live(garbage));
        // Now old: a minor collection with no roots keeps them (only a major one frees them).
        let young = text(&mut heap, "young");
        heap.collect(vec![]);
        assert!(heap.is_live(holder) && heap.is_live(kept));
        assert!(!heap.is_live(young));
        heap.force_major = true;
        heap.collect(vec![]);
        assert!(!heap.is_live(holder) && !heap.is_live(kept));
    }

    #[test]
    fn garbage_that_dies_young_is_left_to_minor_collections_at_any_heap_size() {
        let mut heap = Heap::new(usize::MAX);
        // About 4.5 MiB live: its growth allowance before a major collection is below a
        // nursery, the size at which every collection used to be major.
        let long = "x".repeat(40);
        let live: Vec<Value> = (0..40_000)
            .map(|_| Value::Obj(text(&mut heap, &long)))
            .collect();
        let holder = list(&mut heap, live);
        heap.force_major = true;
        heap.collect(vec![holder]);
        let (live_bytes, majors) = (heap.bytes, heap.majors);
        assert!(
            live_bytes > 4 << 20 && live_bytes < 6 << 20,
            "live {live_bytes}"
        );
        for _ in 0..20 {
            while !heap.should_collect() {
                let _ = text(&mut heap, &long);
            }
            heap.collect(vec![holder]);
            assert!(heap.bytes <= live_bytes + 4096);
        }
        assert_eq!(heap.majors, majors, "every collection was minor");
        // The old generation growing is what brings the major one (within a bounded number of
        // collections: a loop waiting for it would hang the test instead of failing it).
        let mut kept = Vec::new();
        for _ in 0..100 {
            if heap.majors > majors {
                break;
            }
            while !heap.should_collect() {
                kept.push(Value::Obj(text(&mut heap, &long)));
            }
            let grown = list(&mut heap, std::mem::take(&mut kept));
            kept.push(Value::Obj(grown));
            let mut roots = vec![holder];
            roots.extend(kept.iter().filter_map(|v| v.as_obj()));
            heap.collect(roots);
        }
        assert!(heap.majors > majors, "a major collection came");
        assert!(
            heap.bytes > live_bytes + live_bytes / 8,
            "grew to {}",
            heap.bytes
        );
    }

    #[test]
    fn a_young_object_stored_into_an_old_one_survives_minor_collections() {
        let mut heap = Heap::new(usize::MAX);
        let old = list(&mut heap, vec![]);
        heap.collect(vec![old]);
        // Stored after the old list's last collection: only the write barrier records it.
        let young = text(&mut heap, "young");
        let inner = list(&mut heap, vec![Value::Obj(young)]);
        if let Obj::List(xs) = heap.get_mut(old) {
            xs.push(Value::Obj(inner));
        }
        heap.collect(vec![old]);
        assert!(heap.is_live(inner) && heap.is_live(young));
        // Both old now, the list clean: further minor collections keep them without a store.
        for _ in 0..3 {
            let _ = text(&mut heap, "churn");
            heap.collect(vec![old]);
        }
        assert!(heap.is_live(inner) && heap.is_live(young));
        // Unlinked: the next major collection frees them.
        if let Obj::List(xs) = heap.get_mut(old) {
            xs.clear();
        }
        heap.force_major = true;
        heap.collect(vec![old]);
        assert!(!heap.is_live(inner) && !heap.is_live(young));
    }

    #[test]
    fn an_append_to_an_old_list_keeps_the_new_item_without_rescanning_the_list() {
        let mut heap = Heap::new(usize::MAX);
        let items: Vec<Value> = (0..100).map(Value::Int).collect();
        let old = list(&mut heap, items);
        heap.collect(vec![old]);
        let young = text(&mut heap, "appended");
        if let Obj::List(xs) = heap.get_mut_adding(old, &[Value::Obj(young)]) {
            xs.push(Value::Obj(young));
        }
        // Recorded by itself: the list was not remembered whole.
        assert!(heap.remembered.is_empty());
        assert_eq!(heap.added, vec![young]);
        heap.collect(vec![old]);
        assert!(heap.is_live(young));
        // A mutation of another kind still remembers the list whole.
        let second = text(&mut heap, "second");
        if let Obj::List(xs) = heap.get_mut(old) {
            xs.insert(0, Value::Obj(second));
        }
        heap.collect(vec![old]);
        assert!(heap.is_live(second) && heap.is_live(young));
    }

    #[test]
    fn a_reused_slot_is_young_again() {
        let mut heap = Heap::new(usize::MAX);
        let root = list(&mut heap, vec![]);
        let dead = text(&mut heap, "dead");
        heap.force_major = true;
        heap.collect(vec![root]);
        assert!(!heap.is_live(dead));
        // The freed slot is reused: the new object must not inherit "old" and so must be
        // freed by a minor collection when unreachable.
        let reused = text(&mut heap, "reused");
        assert_eq!(reused, dead);
        heap.collect(vec![root]);
        assert!(!heap.is_live(reused));
    }
}
