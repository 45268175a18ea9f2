//! `import`: native modules first, then `.py` files on the VM's search path (packages are
//! folders with `__init__.py`). Scripts never reach the file system any other way.

use crate::object::Obj;
use crate::value::{ObjRef, Value};
use crate::vm::exc::{self, ExcKind, PyErr};
use crate::vm::{PyResult, Vm};
use std::path::PathBuf;

impl Vm {
    fn loaded_module(&mut self, name: &str) -> Option<Value> {
        let k = self.intern(name);
        self.ns_get(self.modules, k)
    }

    /// The module for a dotted name, importing parents first; a submodule becomes an
    /// attribute of its parent package.
    pub fn import_dotted(&mut self, name: &str) -> PyResult<Value> {
        if let Some(m) = self.loaded_module(name) {
            return Ok(m);
        }
        let m = self.import_dotted_uncached(name)?;
        if let Some(i) = name.rfind('.') {
            if let Some(parent) = self.loaded_module(&name[..i]) {
                let k = self.intern(&name[i + 1..]);
                if let Value::Obj(pr) = parent {
                    if let Obj::Module(pm) = self.heap.get(pr) {
                        let d = pm.dict;
                        if self.ns_get(d, k).is_none() {
                            self.ns_set(d, k, m);
                        }
                    }
                }
            }
        }
        Ok(m)
    }

    fn import_dotted_uncached(&mut self, name: &str) -> PyResult<Value> {
        let (parent, last) = match name.rfind('.') {
            Some(i) => (Some(&name[..i]), &name[i + 1..]),
            None => (None, name),
        };
        let parent_mod = match parent {
            Some(p) => Some(self.import_dotted(p)?),
            None => None,
        };
        if let Some(&f) = self.native_modules.get(name) {
            let m = f(self);
            self.register_module(name, m);
            return Ok(Value::Obj(m));
        }
        if let Some(&src) = self.frozen_modules.get(name) {
            let filename = format!("<frozen {name}>");
            let code = self.compile(src, &filename, crate::compiler::Mode::Exec)?;
            let module = self.new_module(name);
            let dict = self.module_dict(module);
            let bk = self.names.__builtins__;
            let bm = Value::Obj(self.builtins);
            self.ns_set(dict, bk, bm);
            self.register_module(name, module);
            if let Err(e) = self.run_code(code, dict, None) {
                let k = self.intern(name);
                let _ = self.dict_remove(self.modules, Value::Obj(k));
                return Err(e);
            }
            return Ok(Value::Obj(module));
        }
        // Find the file.
        let rel: PathBuf = name.split('.').collect();
        let mut found: Option<(PathBuf, bool)> = None;
        let dirs: Vec<PathBuf> = match parent_mod.and_then(|p| self.module_path(p)) {
            Some(pd) => vec![pd],
            None => self.search_path.clone(),
        };
        for dir in &dirs {
            let base = if parent.is_some() {
                dir.join(last)
            } else {
                dir.join(&rel)
            };
            let file = base.with_extension("py");
            if file.is_file() {
                found = Some((file, false));
                break;
            }
            let init = base.join("__init__.py");
            if init.is_file() {
                found = Some((init, true));
                break;
            }
        }
        let Some((path, is_pkg)) = found else {
            return Err(PyErr::new(
                ExcKind::ModuleNotFoundError,
                format!("No module named '{name}'"),
            ));
        };
        if self.importing.iter().any(|n| n == name) {
            return Err(exc::import_error(format!(
                "cannot import name '{name}' (circular import)"
            )));
        }
        let src = std::fs::read_to_string(&path)
            .map_err(|e| exc::import_error(format!("cannot read module '{name}': {e}")))?;
        let filename = path.display().to_string();
        let code = self.compile(&src, &filename, crate::compiler::Mode::Exec)?;
        let module = self.new_module(name);
        let dict = self.module_dict(module);
        let f = self.new_str(filename.clone());
        let fk = self.names.__file__;
        self.ns_set(dict, fk, f);
        let bk = self.names.__builtins__;
        let bm = Value::Obj(self.builtins);
        self.ns_set(dict, bk, bm);
        if is_pkg {
            let dir = path
                .parent()
                .map(|p| p.display().to_string())
                .unwrap_or_default();
            let dv = self.new_str(dir);
            let l = self.new_list(vec![dv]);
            let pk = self.names.__path__;
            self.ns_set(dict, pk, l);
        }
        self.register_module(name, module);
        self.importing.push(name.to_string());
        let r = self.run_code(code, dict, None);
        self.importing.pop();
        if let Err(e) = r {
            // A failed import leaves no half-made module behind.
            let k = self.intern(name);
            let _ = self.dict_remove(self.modules, Value::Obj(k));
            return Err(e);
        }
        if let Some(p) = parent_mod {
            let k = self.intern(last);
            let _ = self.set_attr_ref(p, k, Value::Obj(module));
        }
        Ok(Value::Obj(module))
    }

    fn module_path(&mut self, m: Value) -> Option<PathBuf> {
        let pk = self.names.__path__;
        let p = self.get_attr_opt(m, pk).ok()??;
        let items = self.iterate(p).ok()?;
        let first = *items.first()?;
        self.as_str(first).map(PathBuf::from)
    }

    /// `import name` / `from name import ...` (with `level` dots for relative imports).
    pub fn import_module(
        &mut self,
        name: &str,
        fromlist: Value,
        level: usize,
        globals: ObjRef,
    ) -> PyResult<Value> {
        let full = if level > 0 {
            let nk = self.names.__name__;
            let pkg = self
                .ns_get(globals, nk)
                .and_then(|v| self.as_str(v).map(|s| s.to_string()))
                .unwrap_or_default();
            let is_pkg = {
                let pk = self.names.__path__;
                self.ns_get(globals, pk).is_some()
            };
            let mut parts: Vec<&str> = pkg.split('.').collect();
            let drop = if is_pkg { level - 1 } else { level };
            if drop >= parts.len() && !(drop == parts.len() && is_pkg) {
                return Err(exc::import_error(
                    "attempted relative import beyond top-level package",
                ));
            }
            parts.truncate(parts.len().saturating_sub(drop));
            let base = parts.join(".");
            if name.is_empty() {
                base
            } else if base.is_empty() {
                name.to_string()
            } else {
                format!("{base}.{name}")
            }
        } else {
            name.to_string()
        };
        let m = self.import_dotted(&full)?;
        let has_fromlist = match fromlist {
            Value::Obj(r) => matches!(self.heap.get(r), Obj::Tuple(xs) if !xs.is_empty()),
            _ => false,
        };
        if has_fromlist || level > 0 {
            return Ok(m);
        }
        // `import a.b.c` binds `a`.
        let top = full.split('.').next().unwrap_or(&full).to_string();
        self.import_dotted(&top)
    }

    /// `from module import name`: an attribute, or a submodule.
    pub fn import_from(&mut self, m: Value, name: ObjRef) -> PyResult<Value> {
        if let Some(v) = self.get_attr_opt(m, name)? {
            return Ok(v);
        }
        let mname = match m {
            Value::Obj(r) => match self.heap.get(r) {
                Obj::Module(md) => md.name.clone(),
                _ => String::new(),
            },
            _ => String::new(),
        };
        let attr = self.str_ref(name).to_string();
        let sub = format!("{mname}.{attr}");
        match self.import_dotted(&sub) {
            Ok(v) => Ok(v),
            Err(e) if self.err_matches(&e, ExcKind::ModuleNotFoundError) => {
                let fk = self.names.__file__;
                let file = self
                    .get_attr_opt(m, fk)?
                    .and_then(|f| self.as_str(f).map(|s| s.to_string()));
                let loc = match file {
                    Some(f) => format!(" ({f})"),
                    None => " (unknown location)".to_string(),
                };
                Err(exc::import_error(format!(
                    "cannot import name '{attr}' from '{mname}'{loc}"
                )))
            }
            Err(e) => Err(e),
        }
    }

    /// `from module import *`
    pub fn import_star(&mut self, m: Value, ns: ObjRef) -> PyResult<()> {
        let ak = self.names.__all__;
        let names: Vec<Value> = match self.get_attr_opt(m, ak)? {
            Some(all) => self.iterate(all)?,
            None => {
                let dk = self.names.__dict__;
                let d = self.get_attr(m, dk)?;
                let keys = self.iterate(d)?;
                keys.into_iter()
                    .filter(|&k| self.as_str(k).is_some_and(|s| !s.starts_with('_')))
                    .collect()
            }
        };
        for n in names {
            let s = self.as_str(n).unwrap_or("").to_string();
            let k = self.intern(&s);
            let v = self.get_attr(m, k)?;
            self.ns_set(ns, k, v);
        }
        Ok(())
    }
}
