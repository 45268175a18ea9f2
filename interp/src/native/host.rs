//! Host data lent to native functions for the duration of one run.
//!
//! `vm.with_host(&mut world, |vm| ...)` makes `world` reachable from natives through
//! [`Vm::host`] until the closure returns. Nothing global is involved: the loan lives in the
//! VM, and the VM is borrowed for the whole loan, so it cannot be sent elsewhere meanwhile.
//! A script that keeps something (a component reference) and uses it after the run gets a
//! `RuntimeError`, not a dangling pointer.

use crate::vm::{ExcKind, PyErr, PyResult, Vm};
use std::any::Any;

pub(crate) struct Loan {
    ptr: *mut (dyn Any + Send),
    /// The lent type, compared directly by [`Vm::host`] (natives ask on every call).
    type_id: std::any::TypeId,
    type_name: &'static str,
}

// SAFETY: a loan is only set while `with_host` holds both `&mut Vm` and `&mut T` (T: Send), so
// the VM cannot move to another thread while the pointer is live.
unsafe impl Send for Loan {}

#[derive(Default)]
pub(crate) struct HostLoans {
    current: Option<Loan>,
    /// Bumped per loan: references made during a run can tell a later run apart.
    pub epoch: u64,
}

impl Vm {
    /// Lend `data` to native functions while `f` runs (see [`Vm::host`]).
    ///
    /// ```
    /// let mut vm = kaa::Vm::new();
    /// struct Score(i64);
    /// vm.register_fn("add_score", |vm: &mut kaa::Vm, n: i64| -> kaa::PyResult<i64> {
    ///     let s = vm.host::<Score>()?;
    ///     s.0 += n;
    ///     Ok(s.0)
    /// });
    /// let mut score = Score(10);
    /// vm.with_host(&mut score, |vm| vm.run_source("add_score(5)", "<x>", "__main__").map(|_| ()))
    ///     .unwrap();
    /// assert_eq!(score.0, 15);
    /// ```
    pub fn with_host<T: Any + Send, R>(&mut self, data: &mut T, f: impl FnOnce(&mut Vm) -> R) -> R {
        let ptr: *mut (dyn Any + Send) = data as *mut T;
        let prev = self.host.current.replace(Loan {
            ptr,
            type_id: std::any::TypeId::of::<T>(),
            type_name: std::any::type_name::<T>(),
        });
        self.host.epoch += 1;
        // Whatever happens in `f` (a panic included), the loan ends with it.
        let r = std::panic::catch_unwind(std::panic::AssertUnwindSafe(|| f(self)));
        self.host.current = prev;
        self.host.epoch += 1;
        match r {
            Ok(v) => v,
            Err(p) => std::panic::resume_unwind(p),
        }
    }

    /// The host data lent by the enclosing [`Vm::with_host`], if it is a `T`.
    pub fn host<T: Any>(&mut self) -> PyResult<&mut T> {
        let Some(loan) = self.host.current.as_ref() else {
            return Err(PyErr::new(
                ExcKind::RuntimeError,
                "host data is not available: it is lent only while the host runs scripts \
                 (was a reference kept from an earlier run?)",
            ));
        };
        if loan.type_id != std::any::TypeId::of::<T>() {
            return Err(PyErr::new(
                ExcKind::TypeError,
                format!(
                    "host data is a {}, not a {}",
                    loan.type_name,
                    std::any::type_name::<T>()
                ),
            ));
        }
        // SAFETY: the pointer was made from a `&mut T` (its type id was checked just above)
        // that `with_host` keeps borrowed for as long as the loan is set, and the result
        // borrows `self`, so no second `&mut` to the data can exist while it is used.
        Ok(unsafe { &mut *(loan.ptr as *mut T) })
    }

    /// Is host data lent right now?
    pub fn host_lent(&self) -> bool {
        self.host.current.is_some()
    }

    /// Changes at the start and end of every loan.
    pub fn host_epoch(&self) -> u64 {
        self.host.epoch
    }
}
