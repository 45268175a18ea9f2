//! Live component references kept per entity, one per VM.
//!
//! `entity.get(Transform)` and `t.translation` give the same reference object every time for
//! the same entity, instead of a new one per call: a script touching 10,000 entities a frame
//! made 30,000 short-lived objects a frame, and their allocation and collection were most of
//! the frame's script time. A reference holds nothing but (entity, component or field), so
//! sharing it is invisible to scripts.
//!
//! Entries of despawned entities are dropped a few at a time each frame ([`prune`]), and the
//! table is bounded: past [`MAX_ENTRIES`] it starts over (references are remade on demand).

use bevy::platform::hash::FixedHasher;
use bevy::prelude::{Entity, World};
use indexmap::IndexMap;
use kaa::native::Handle;
use kaa::vm::PyResult;
use kaa::{Value, Vm};

/// What a cached reference points at.
#[derive(Clone, Copy, PartialEq, Eq, Hash)]
pub enum RefKey {
    /// A component through reflection, by its handler's slot in the VM (one handler per
    /// component name per VM: the slot names the component without hashing its name).
    Component(Entity, u32),
    /// The typed Transform reference.
    Transform(Entity),
    /// `Transform.translation` of an entity.
    Translation(Entity),
    /// `Transform.scale` of an entity.
    Scale(Entity),
}

impl RefKey {
    fn entity(&self) -> Entity {
        match self {
            RefKey::Component(e, _)
            | RefKey::Transform(e)
            | RefKey::Translation(e)
            | RefKey::Scale(e) => *e,
        }
    }

    /// The key's slot in a front table of `len` slots (a power of two).
    fn front_slot(&self, len: usize) -> usize {
        let kind = match self {
            RefKey::Component(_, c) => 4 + *c as usize,
            RefKey::Transform(_) => 1,
            RefKey::Translation(_) => 2,
            RefKey::Scale(_) => 3,
        };
        (self.entity().index().index() as usize * 8 + kind) & (len - 1)
    }
}

/// Most slots of the direct-mapped table in front of the map (it grows with the map, from
/// none: a scene VM with a few references keeps a few slots, 32 bytes each).
const FRONT_MAX: usize = 4096;

/// Above this many references the table is cleared (a script walking huge queries would
/// otherwise keep one object per entity it ever looked at).
pub const MAX_ENTRIES: usize = 1 << 16;

/// The cached references of one VM (a VM extension).
#[derive(Default)]
pub struct LiveRefs {
    /// The reference, and the handle that keeps it alive.
    map: IndexMap<RefKey, (Value, Handle), FixedHasher>,
    /// Where [`prune`] goes on next.
    cursor: usize,
    /// A direct-mapped copy of recently used entries (by entity index and kind), looked at
    /// before hashing into `map`: a script reads the same few references of each entity
    /// every frame. An entry is only ever a copy of one in `map` and goes when that one
    /// goes, so its value is always alive.
    front: Vec<Option<(RefKey, Value)>>,
}

/// The reference for `key`, made by `make` on first use.
pub fn cached(
    vm: &mut Vm,
    key: RefKey,
    make: impl FnOnce(&mut Vm) -> PyResult<Value>,
) -> PyResult<Value> {
    let refs = vm.extension::<LiveRefs>();
    let slot = key.front_slot(refs.front.len().max(1));
    if let Some(&Some((k, v))) = refs.front.get(slot) {
        if k == key {
            return Ok(v);
        }
    }
    if let Some((v, _)) = refs.map.get(&key) {
        let v = *v;
        if let Some(f) = refs.front.get_mut(slot) {
            *f = Some((key, v));
        }
        return Ok(v);
    }
    let v = make(vm)?;
    if v.is_none() {
        return Ok(v);
    }
    let h = vm.handle(v);
    let refs = vm.extension::<LiveRefs>();
    if refs.map.len() >= MAX_ENTRIES {
        refs.map.clear();
        refs.front.clear();
        refs.cursor = 0;
    }
    refs.map.insert(key, (v, h));
    // Twice as many slots as references, up to the cap: grown (and emptied) by doubling.
    let want = (2 * refs.map.len()).next_power_of_two().min(FRONT_MAX);
    if want > refs.front.len() {
        refs.front = vec![None; want];
    }
    let slot = key.front_slot(refs.front.len());
    refs.front[slot] = Some((key, v));
    Ok(v)
}

/// Drop the references of entities that no longer exist, looking at up to `budget` entries.
pub fn prune(vm: &mut Vm, world: &World, budget: usize) {
    let refs = vm.extension::<LiveRefs>();
    for _ in 0..budget.min(refs.map.len()) {
        if refs.cursor >= refs.map.len() {
            refs.cursor = 0;
        }
        let alive = refs
            .map
            .get_index(refs.cursor)
            .is_some_and(|(k, _)| world.get_entity(k.entity()).is_ok());
        if alive {
            refs.cursor += 1;
        } else {
            // The handle's drop queues its release for the next collection.
            if let Some((k, _)) = refs.map.swap_remove_index(refs.cursor) {
                let slot = k.front_slot(refs.front.len().max(1));
                if let Some(f) = refs.front.get_mut(slot) {
                    if matches!(f, Some((x, _)) if *x == k) {
                        *f = None;
                    }
                }
            }
        }
    }
}
