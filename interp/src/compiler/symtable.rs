//! Scope analysis: decides, for every name in every scope, whether it is a fast local, a cell,
//! a free variable, a global, or (in module and class bodies) a namespace name.

use crate::ast::*;
use std::collections::{HashMap, HashSet};

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum ScopeKind {
    Module,
    Class,
    Function,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum NameScope {
    Local,
    Cell,
    Free,
    GlobalExplicit,
    GlobalImplicit,
}

/// One scope's analysis result.
#[derive(Debug)]
pub struct Scope {
    pub kind: ScopeKind,
    pub names: HashMap<String, NameScope>,
    /// Parameters in order (functions).
    pub params: Vec<String>,
    /// Local variable order: parameters first, then first assignment order.
    pub locals: Vec<String>,
    pub cellvars: Vec<String>,
    pub freevars: Vec<String>,
    pub is_generator: bool,
    pub children: Vec<Scope>,
    /// For class scopes: whether a method needs the `__class__` cell.
    pub needs_class_cell: bool,
}

#[derive(Debug, Default)]
struct Raw {
    assigned: Vec<String>,
    used: HashSet<String>,
    globals: HashSet<String>,
    nonlocals: HashSet<String>,
    /// Where each nonlocal name was declared (for "no binding" errors).
    nonlocal_pos: Vec<(String, Pos)>,
    params: Vec<String>,
    is_generator: bool,
    uses_super: bool,
    children: Vec<(ScopeKind, Raw)>,
    /// A comprehension's scope: walrus targets bind in the enclosing scope (PEP 572).
    comp: bool,
    /// ...and that scope is the module (the targets are globals).
    walrus_global: bool,
    /// Walrus targets to bind in the nearest enclosing function.
    walrus: Vec<String>,
    module_level: bool,
    /// "list comprehension", "generator expression", ... (for the yield-inside error).
    comp_kind: &'static str,
}

impl Raw {
    fn assign(&mut self, n: &str) {
        if !self.assigned.iter().any(|x| x == n) {
            self.assigned.push(n.to_string());
        }
    }
}

pub struct SymbolError {
    pub msg: String,
    pub pos: Pos,
}

/// Analyse a module body.
pub fn analyse_module(body: &[Stmt]) -> Result<Scope, SymbolError> {
    let mut raw = Raw {
        module_level: true,
        ..Raw::default()
    };
    let mut b = Builder { errors: Vec::new() };
    for s in body {
        b.stmt(&mut raw, s, ScopeKind::Module);
    }
    if let Some(e) = b.errors.into_iter().next() {
        return Err(e);
    }
    check_nonlocals(&raw, ScopeKind::Module, &[])?;
    let mut scope = resolve(ScopeKind::Module, raw, &[]);
    fix_cells(&mut scope);
    Ok(scope)
}

struct Builder {
    errors: Vec<SymbolError>,
}

impl Builder {
    fn stmts(&mut self, r: &mut Raw, body: &[Stmt], kind: ScopeKind) {
        for s in body {
            self.stmt(r, s, kind);
        }
    }

    fn stmt(&mut self, r: &mut Raw, s: &Stmt, kind: ScopeKind) {
        match &s.kind {
            StmtKind::Expr(e) => self.expr(r, e),
            StmtKind::Assign(targets, v) => {
                self.expr(r, v);
                for t in targets {
                    self.target(r, t);
                }
            }
            StmtKind::AugAssign(t, _, v) => {
                self.expr(r, v);
                if let ExprKind::Name(n) = &t.kind {
                    r.used.insert(n.clone());
                }
                self.target(r, t);
            }
            StmtKind::AnnAssign {
                target,
                annotation,
                value,
                simple,
            } => {
                if let Some(v) = value {
                    self.expr(r, v);
                }
                let _ = simple;
                if value.is_some() || matches!(target.kind, ExprKind::Name(_)) {
                    self.target(r, target);
                } else {
                    match &target.kind {
                        ExprKind::Attribute(o, _) => self.expr(r, o),
                        ExprKind::Subscript(o, i) => {
                            self.expr(r, o);
                            self.expr(r, i);
                        }
                        _ => {}
                    }
                }
                // Module and class bodies evaluate the annotation (after the assignment).
                if kind != ScopeKind::Function {
                    self.expr(r, annotation);
                }
            }
            StmtKind::If(t, a, b) | StmtKind::While(t, a, b) => {
                self.expr(r, t);
                self.stmts(r, a, kind);
                self.stmts(r, b, kind);
            }
            StmtKind::For {
                target,
                iter,
                body,
                orelse,
                ..
            } => {
                self.expr(r, iter);
                self.target(r, target);
                self.stmts(r, body, kind);
                self.stmts(r, orelse, kind);
            }
            StmtKind::Break | StmtKind::Continue | StmtKind::Pass => {}
            StmtKind::FunctionDef(f) => {
                for d in &f.decorators {
                    self.expr(r, d);
                }
                self.params_defaults(r, &f.params);
                // Annotations are evaluated where the function is defined, in the order the
                // compiler emits them: parameters, *args, keyword-only, **kwargs, return.
                let p = &f.params;
                let anns = p
                    .posonly
                    .iter()
                    .chain(&p.args)
                    .chain(&p.vararg)
                    .chain(&p.kwonly)
                    .chain(&p.kwarg)
                    .filter_map(|x| x.annotation.as_ref())
                    .chain(&f.returns);
                for a in anns {
                    self.expr(r, a);
                }
                r.assign(&f.name);
                let mut child = Raw::default();
                self.params(&mut child, &f.params);
                self.stmts(&mut child, &f.body, ScopeKind::Function);
                r.children.push((ScopeKind::Function, child));
            }
            StmtKind::ClassDef(c) => {
                for d in &c.decorators {
                    self.expr(r, d);
                }
                // Same order as code generation: the body's code object, then the bases.
                r.assign(&c.name);
                let mut child = Raw::default();
                self.stmts(&mut child, &c.body, ScopeKind::Class);
                r.children.push((ScopeKind::Class, child));
                for b in &c.bases {
                    self.expr(r, b);
                }
                for k in &c.keywords {
                    self.expr(r, &k.value);
                }
            }
            StmtKind::Return(v) => {
                if kind != ScopeKind::Function {
                    self.errors.push(SymbolError {
                        msg: "'return' outside function".into(),
                        pos: s.pos,
                    });
                }
                if let Some(v) = v {
                    self.expr(r, v);
                }
            }
            StmtKind::Delete(ts) => {
                for t in ts {
                    self.target(r, t);
                }
            }
            StmtKind::Global(ns) => {
                for n in ns {
                    if r.params.contains(n) {
                        self.errors.push(SymbolError {
                            msg: format!("name '{n}' is parameter and global"),
                            pos: s.pos,
                        });
                    } else if r.assigned.contains(n) {
                        self.errors.push(SymbolError {
                            msg: format!("name '{n}' is assigned to before global declaration"),
                            pos: s.pos,
                        });
                    } else if r.used.contains(n) {
                        self.errors.push(SymbolError {
                            msg: format!("name '{n}' is used prior to global declaration"),
                            pos: s.pos,
                        });
                    }
                    r.globals.insert(n.clone());
                }
            }
            StmtKind::Nonlocal(ns) => {
                if kind == ScopeKind::Module {
                    self.errors.push(SymbolError {
                        msg: "nonlocal declaration not allowed at module level".into(),
                        pos: s.pos,
                    });
                }
                for n in ns {
                    if r.params.contains(n) {
                        self.errors.push(SymbolError {
                            msg: format!("name '{n}' is parameter and nonlocal"),
                            pos: s.pos,
                        });
                    } else if r.assigned.contains(n) {
                        self.errors.push(SymbolError {
                            msg: format!("name '{n}' is assigned to before nonlocal declaration"),
                            pos: s.pos,
                        });
                    }
                    r.nonlocals.insert(n.clone());
                    r.nonlocal_pos.push((n.clone(), s.pos));
                }
            }
            StmtKind::Assert(t, m) => {
                self.expr(r, t);
                if let Some(m) = m {
                    self.expr(r, m);
                }
            }
            StmtKind::Raise(e, c) => {
                if let Some(e) = e {
                    self.expr(r, e);
                }
                if let Some(c) = c {
                    self.expr(r, c);
                }
            }
            StmtKind::Try {
                body,
                handlers,
                orelse,
                finalbody,
            } => {
                self.stmts(r, body, kind);
                for h in handlers {
                    if let Some(t) = &h.typ {
                        self.expr(r, t);
                    }
                    if let Some(n) = &h.name {
                        r.assign(n);
                    }
                    self.stmts(r, &h.body, kind);
                }
                self.stmts(r, orelse, kind);
                self.stmts(r, finalbody, kind);
            }
            StmtKind::With { items, body, .. } => {
                for (e, t) in items {
                    self.expr(r, e);
                    if let Some(t) = t {
                        self.target(r, t);
                    }
                }
                self.stmts(r, body, kind);
            }
            StmtKind::Match { subject, cases } => {
                self.expr(r, subject);
                for c in cases {
                    self.pattern(r, &c.pattern);
                    if let Some(g) = &c.guard {
                        self.expr(r, g);
                    }
                    self.stmts(r, &c.body, kind);
                }
            }
            StmtKind::Import(names) => {
                for a in names {
                    let bound = a
                        .asname
                        .clone()
                        .unwrap_or_else(|| a.name.split('.').next().unwrap_or("").to_string());
                    r.assign(&bound);
                }
            }
            StmtKind::ImportFrom { names, .. } => {
                for a in names {
                    if a.name == "*" {
                        if kind == ScopeKind::Function {
                            self.errors.push(SymbolError {
                                msg: "import * only allowed at module level".into(),
                                pos: s.pos,
                            });
                        }
                        continue;
                    }
                    r.assign(a.asname.as_ref().unwrap_or(&a.name));
                }
            }
        }
    }

    fn params_defaults(&mut self, r: &mut Raw, p: &Params) {
        for prm in p.posonly.iter().chain(&p.args).chain(&p.kwonly) {
            if let Some(d) = &prm.default {
                self.expr(r, d);
            }
        }
    }

    fn params(&mut self, r: &mut Raw, p: &Params) {
        for prm in p.posonly.iter().chain(&p.args).chain(&p.kwonly) {
            r.params.push(prm.name.clone());
        }
        if let Some(v) = &p.vararg {
            r.params.push(v.name.clone());
        }
        if let Some(k) = &p.kwarg {
            r.params.push(k.name.clone());
        }
        // Keep CPython's order: positional, keyword-only, *args, **kwargs.
        let mut order: Vec<String> = p
            .posonly
            .iter()
            .chain(&p.args)
            .map(|x| x.name.clone())
            .collect();
        order.extend(p.kwonly.iter().map(|x| x.name.clone()));
        if let Some(v) = &p.vararg {
            order.push(v.name.clone());
        }
        if let Some(k) = &p.kwarg {
            order.push(k.name.clone());
        }
        r.params = order;
        for n in r.params.clone() {
            r.assign(&n);
        }
    }

    fn pattern(&mut self, r: &mut Raw, p: &Pattern) {
        match &p.kind {
            PatternKind::Value(e) => self.expr(r, e),
            PatternKind::Singleton(_) => {}
            PatternKind::Sequence(ps) | PatternKind::Or(ps) => {
                for x in ps {
                    self.pattern(r, x);
                }
            }
            PatternKind::Star(n) => {
                if let Some(n) = n {
                    r.assign(n);
                }
            }
            PatternKind::Mapping {
                keys,
                patterns,
                rest,
            } => {
                for k in keys {
                    self.expr(r, k);
                }
                for x in patterns {
                    self.pattern(r, x);
                }
                if let Some(n) = rest {
                    r.assign(n);
                }
            }
            PatternKind::Class {
                cls,
                patterns,
                kwd_patterns,
                ..
            } => {
                self.expr(r, cls);
                for x in patterns.iter().chain(kwd_patterns) {
                    self.pattern(r, x);
                }
            }
            PatternKind::As { pattern, name } => {
                if let Some(x) = pattern {
                    self.pattern(r, x);
                }
                if let Some(n) = name {
                    r.assign(n);
                }
            }
        }
    }

    fn target(&mut self, r: &mut Raw, t: &Expr) {
        match &t.kind {
            ExprKind::Name(n) => r.assign(n),
            ExprKind::Tuple(xs) | ExprKind::List(xs) => {
                for x in xs {
                    self.target(r, x);
                }
            }
            ExprKind::Starred(x) => self.target(r, x),
            _ => self.expr(r, t),
        }
    }

    fn comp(
        &mut self,
        r: &mut Raw,
        gens: &[Comprehension],
        elts: &[&Expr],
        is_gen: bool,
        comp_kind: &'static str,
    ) {
        // The first iterable is evaluated in the enclosing scope.
        self.expr(r, &gens[0].iter);
        let mut child = Raw {
            params: vec![".0".into()],
            comp: true,
            comp_kind,
            walrus_global: r.module_level || (r.comp && r.walrus_global),
            ..Raw::default()
        };
        child.assign(".0");
        child.is_generator = is_gen;
        for (i, g) in gens.iter().enumerate() {
            if i > 0 {
                self.expr(&mut child, &g.iter);
            }
            self.comp_target(&mut child, r, &g.target);
            for c in &g.ifs {
                self.expr(&mut child, c);
            }
        }
        for e in elts {
            self.expr(&mut child, e);
        }
        // Walrus targets inside a comprehension bind in the enclosing scope.
        for n in std::mem::take(&mut child.walrus) {
            if r.comp {
                r.nonlocals.insert(n.clone());
                r.walrus.push(n);
            } else {
                r.assign(&n);
            }
        }
        r.children.push((ScopeKind::Function, child));
    }

    fn comp_target(&mut self, child: &mut Raw, _outer: &mut Raw, t: &Expr) {
        self.target(child, t);
    }

    fn expr(&mut self, r: &mut Raw, e: &Expr) {
        match &e.kind {
            ExprKind::Name(n) => {
                r.used.insert(n.clone());
                if n == "super" {
                    r.uses_super = true;
                }
            }
            ExprKind::Const(_) => {}
            ExprKind::JoinedStr(parts) => self.fparts(r, parts),
            ExprKind::BinOp(a, _, b) => {
                self.expr(r, a);
                self.expr(r, b);
            }
            ExprKind::UnaryOp(_, a)
            | ExprKind::Starred(a)
            | ExprKind::Await(a)
            | ExprKind::YieldFrom(a) => {
                if matches!(e.kind, ExprKind::YieldFrom(_)) && r.comp {
                    self.errors.push(SymbolError {
                        msg: format!("'yield' inside {}", r.comp_kind),
                        pos: e.pos,
                    });
                }
                if matches!(e.kind, ExprKind::Await(_) | ExprKind::YieldFrom(_)) {
                    r.is_generator = true;
                }
                self.expr(r, a)
            }
            ExprKind::Attribute(a, _) => self.expr(r, a),
            ExprKind::BoolOp(_, vs)
            | ExprKind::List(vs)
            | ExprKind::Tuple(vs)
            | ExprKind::Set(vs) => {
                for v in vs {
                    self.expr(r, v);
                }
            }
            ExprKind::Compare(a, ops) => {
                self.expr(r, a);
                for (_, b) in ops {
                    self.expr(r, b);
                }
            }
            ExprKind::Call {
                func,
                args,
                keywords,
            } => {
                self.expr(r, func);
                for a in args {
                    self.expr(r, a);
                }
                for k in keywords {
                    self.expr(r, &k.value);
                }
            }
            ExprKind::Subscript(a, b) => {
                self.expr(r, a);
                self.expr(r, b);
            }
            ExprKind::Slice(a, b, c) => {
                for x in [a, b, c].into_iter().flatten() {
                    self.expr(r, x);
                }
            }
            ExprKind::Dict(items) => {
                for (k, v) in items {
                    if let Some(k) = k {
                        self.expr(r, k);
                    }
                    self.expr(r, v);
                }
            }
            ExprKind::IfExp(a, b, c) => {
                self.expr(r, a);
                self.expr(r, b);
                self.expr(r, c);
            }
            ExprKind::Lambda(params, body) => {
                self.params_defaults(r, params);
                let mut child = Raw::default();
                self.params(&mut child, params);
                self.expr(&mut child, body);
                r.children.push((ScopeKind::Function, child));
            }
            ExprKind::ListComp(elt, gens) => {
                self.comp(r, gens, &[elt], false, "list comprehension")
            }
            ExprKind::SetComp(elt, gens) => self.comp(r, gens, &[elt], false, "set comprehension"),
            ExprKind::GenExp(elt, gens) => self.comp(r, gens, &[elt], true, "generator expression"),
            ExprKind::DictComp(k, v, gens) => {
                self.comp(r, gens, &[k, v], false, "dict comprehension")
            }
            ExprKind::NamedExpr(t, v) => {
                self.expr(r, v);
                if let ExprKind::Name(n) = &t.kind {
                    if r.comp && r.walrus_global {
                        r.globals.insert(n.clone());
                    } else if r.comp {
                        r.nonlocals.insert(n.clone());
                        r.walrus.push(n.clone());
                    } else {
                        r.assign(n);
                    }
                }
            }
            ExprKind::Yield(v) => {
                if r.comp {
                    self.errors.push(SymbolError {
                        msg: format!("'yield' inside {}", r.comp_kind),
                        pos: e.pos,
                    });
                }
                r.is_generator = true;
                if let Some(v) = v {
                    self.expr(r, v);
                }
            }
        }
    }

    fn fparts(&mut self, r: &mut Raw, parts: &[FStrPart]) {
        for p in parts {
            if let FStrPart::Field { value, spec, .. } = p {
                self.expr(r, value);
                if let Some(s) = spec {
                    self.fparts(r, s);
                }
            }
        }
    }
}

/// Every `nonlocal` name must be bound in an enclosing function scope.
fn check_nonlocals(
    raw: &Raw,
    kind: ScopeKind,
    enclosing: &[HashSet<String>],
) -> Result<(), SymbolError> {
    for (n, pos) in &raw.nonlocal_pos {
        if !enclosing.iter().any(|s| s.contains(n)) {
            return Err(SymbolError {
                msg: format!("no binding for nonlocal '{n}' found"),
                pos: *pos,
            });
        }
    }
    let mut env = enclosing.to_vec();
    if kind == ScopeKind::Function {
        let bound: HashSet<String> = raw
            .assigned
            .iter()
            .filter(|n| !raw.globals.contains(*n))
            .cloned()
            .chain(raw.nonlocals.iter().cloned())
            .collect();
        env.push(bound);
    }
    for (ck, c) in &raw.children {
        check_nonlocals(c, *ck, &env)?;
    }
    Ok(())
}

/// Resolve a raw scope given the chain of enclosing function scopes' bindings.
fn resolve(kind: ScopeKind, raw: Raw, enclosing: &[HashSet<String>]) -> Scope {
    let mut names = HashMap::new();
    let mut locals: Vec<String> = Vec::new();
    if kind == ScopeKind::Function {
        for p in &raw.params {
            if !locals.contains(p) {
                locals.push(p.clone());
            }
        }
    }
    let bound: HashSet<String> = raw
        .assigned
        .iter()
        .filter(|n| !raw.globals.contains(*n) && !raw.nonlocals.contains(*n))
        .cloned()
        .collect();
    let mut freevars = Vec::new();
    let all: Vec<String> = {
        let mut v: Vec<String> = raw.assigned.clone();
        let mut used: Vec<&String> = raw.used.iter().collect();
        used.sort();
        for u in used {
            if !v.contains(u) {
                v.push(u.clone());
            }
        }
        for n in raw.nonlocals.iter() {
            if !v.contains(n) {
                v.push(n.clone());
            }
        }
        v
    };
    for n in &all {
        let sc = if raw.globals.contains(n) {
            NameScope::GlobalExplicit
        } else if raw.nonlocals.contains(n) {
            NameScope::Free
        } else if bound.contains(n) {
            NameScope::Local
        } else if enclosing.iter().rev().any(|s| s.contains(n)) {
            NameScope::Free
        } else {
            NameScope::GlobalImplicit
        };
        if sc == NameScope::Free && !freevars.contains(n) {
            freevars.push(n.clone());
        }
        if sc == NameScope::Local && kind == ScopeKind::Function && !locals.contains(n) {
            locals.push(n.clone());
        }
        names.insert(n.clone(), sc);
    }
    // Children see this scope's locals when this is a function scope.
    let mut inner_env: Vec<HashSet<String>> = enclosing.to_vec();
    if kind == ScopeKind::Function {
        let mut mine: HashSet<String> = bound.clone();
        mine.extend(freevars.iter().cloned());
        inner_env.push(mine);
    }
    let mut children = Vec::new();
    let mut needs_class_cell = false;
    for (ck, craw) in raw.children {
        if kind == ScopeKind::Class && craw_uses_super(&craw) {
            needs_class_cell = true;
        }
        let mut env = inner_env.clone();
        if kind == ScopeKind::Class {
            // Methods can reach the implicit __class__ cell of their class.
            let mut s = HashSet::new();
            s.insert("__class__".to_string());
            env.push(s);
        }
        let mut child_raw = craw;
        if kind == ScopeKind::Class && ck == ScopeKind::Function && child_raw.uses_super {
            child_raw.used.insert("__class__".into());
        }
        children.push(resolve(ck, child_raw, &env));
    }
    Scope {
        kind,
        names,
        params: raw.params,
        locals,
        cellvars: Vec::new(),
        freevars,
        is_generator: raw.is_generator,
        children,
        needs_class_cell,
    }
}

fn craw_uses_super(r: &Raw) -> bool {
    r.uses_super || r.children.iter().any(|(_, c)| craw_uses_super(c))
}

/// Second pass: a name that is free in a child becomes a cell in the scope that binds it (and
/// free in every scope in between).
fn fix_cells(scope: &mut Scope) {
    for c in scope.children.iter_mut() {
        fix_cells(c);
    }
    let mut wanted: Vec<String> = Vec::new();
    for c in &scope.children {
        for f in &c.freevars {
            if !wanted.contains(f) {
                wanted.push(f.clone());
            }
        }
    }
    for n in wanted {
        if scope.kind == ScopeKind::Class && n == "__class__" {
            if !scope.cellvars.contains(&n) {
                scope.cellvars.push(n.clone());
            }
            scope.needs_class_cell = true;
            continue;
        }
        match scope.names.get(&n).copied() {
            Some(NameScope::Local) | Some(NameScope::Cell) if scope.kind == ScopeKind::Function => {
                scope.names.insert(n.clone(), NameScope::Cell);
                if !scope.cellvars.contains(&n) {
                    scope.cellvars.push(n.clone());
                }
            }
            Some(NameScope::Free) => {}
            _ => {
                if scope.kind != ScopeKind::Module {
                    // Pass-through: free here too (class bodies and intermediate functions).
                    if scope.kind == ScopeKind::Function || scope.kind == ScopeKind::Class {
                        let is_bound_local = matches!(scope.names.get(&n), Some(NameScope::Local));
                        if !is_bound_local || scope.kind == ScopeKind::Class {
                            if !scope.freevars.contains(&n) {
                                scope.freevars.push(n.clone());
                            }
                            if !scope.names.contains_key(&n) {
                                scope.names.insert(n.clone(), NameScope::Free);
                            }
                        }
                    }
                }
            }
        }
    }
    // Cells are not fast locals (except parameters, which are copied into their cell).
    let cells = scope.cellvars.clone();
    let params = scope.params.clone();
    scope
        .locals
        .retain(|l| !cells.contains(l) || params.contains(l));
}
