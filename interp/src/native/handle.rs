//! Rooted handles: Rust code holding script values across frames.
//!
//! A [`Handle`] keeps its value alive (the GC treats it as a root) until the handle is
//! dropped. Dropping needs no VM: it queues the slot on a list shared with the VM, which the
//! next collection drains. Every use names the VM and is checked against the handle's owner,
//! so a handle of another VM, or of a VM that is gone, is a clear error instead of a wrong
//! object.

use crate::value::{ObjRef, Value};
use std::sync::atomic::{AtomicU64, Ordering};
use std::sync::{Arc, Mutex};

/// Gives each VM a distinct id (for checks only; nothing reads a "current" VM).
static NEXT_VM_ID: AtomicU64 = AtomicU64::new(1);

pub(crate) fn next_vm_id() -> u64 {
    NEXT_VM_ID.fetch_add(1, Ordering::Relaxed)
}

/// What a handle shares with its VM.
#[derive(Debug)]
pub(crate) struct Shared {
    pub vm_id: u64,
    /// Slots whose handles were dropped, to be freed at the next collection.
    pub released: Mutex<Vec<u32>>,
}

/// A script value held by Rust code. Not `Clone`: use [`crate::Vm::handle`] again for another.
#[derive(Debug)]
pub struct Handle {
    slot: u32,
    shared: Arc<Shared>,
}

impl Handle {
    /// The id of the VM this handle belongs to.
    pub fn vm_id(&self) -> u64 {
        self.shared.vm_id
    }
}

impl Drop for Handle {
    fn drop(&mut self) {
        // A poisoned lock only means another thread panicked mid-push; the list is intact.
        let mut list = match self.shared.released.lock() {
            Ok(l) => l,
            Err(p) => p.into_inner(),
        };
        list.push(self.slot);
    }
}

/// The VM's side: rooted values by slot.
#[derive(Debug)]
pub(crate) struct HandleTable {
    slots: Vec<Option<Value>>,
    free: Vec<u32>,
    pub shared: Arc<Shared>,
}

/// Using a handle with a VM it does not belong to.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct HandleError {
    pub handle_vm: u64,
    pub this_vm: u64,
}

impl std::fmt::Display for HandleError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(
            f,
            "this handle belongs to VM {} (possibly dropped), not to VM {}: script values \
             cannot move between VMs",
            self.handle_vm, self.this_vm
        )
    }
}

impl std::error::Error for HandleError {}

impl HandleTable {
    pub fn new(vm_id: u64) -> Self {
        HandleTable {
            slots: Vec::new(),
            free: Vec::new(),
            shared: Arc::new(Shared {
                vm_id,
                released: Mutex::new(Vec::new()),
            }),
        }
    }

    pub fn insert(&mut self, v: Value) -> Handle {
        self.drain_released();
        let slot = match self.free.pop() {
            Some(s) => {
                self.slots[s as usize] = Some(v);
                s
            }
            None => {
                self.slots.push(Some(v));
                (self.slots.len() - 1) as u32
            }
        };
        Handle {
            slot,
            shared: self.shared.clone(),
        }
    }

    pub fn get(&self, h: &Handle) -> Result<Value, HandleError> {
        if !Arc::ptr_eq(&h.shared, &self.shared) {
            return Err(HandleError {
                handle_vm: h.shared.vm_id,
                this_vm: self.shared.vm_id,
            });
        }
        // A live handle's slot is always occupied (it is freed only after the drop).
        Ok(self
            .slots
            .get(h.slot as usize)
            .copied()
            .flatten()
            .unwrap_or(Value::None))
    }

    /// Free the slots of dropped handles.
    pub fn drain_released(&mut self) {
        let released = match self.shared.released.lock() {
            Ok(mut l) => std::mem::take(&mut *l),
            Err(p) => std::mem::take(&mut *p.into_inner()),
        };
        for s in released {
            if let Some(slot) = self.slots.get_mut(s as usize) {
                *slot = None;
                self.free.push(s);
            }
        }
    }

    pub fn live(&self) -> usize {
        self.slots.iter().filter(|s| s.is_some()).count()
    }

    pub fn trace(&self, out: &mut Vec<ObjRef>) {
        out.extend(self.slots.iter().filter_map(|s| s.and_then(|v| v.as_obj())));
    }
}
