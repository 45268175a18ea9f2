//! `match` statements: structural pattern matching compiled to tests and jumps.
//!
//! The subject stays on the stack while cases are tried. A pattern consumes the value on top
//! of the stack when it matches; when a test fails it jumps to a "pop k then fall through"
//! chain emitted after the case, `k` being how many items the pattern had pushed above its
//! base (CPython's scheme). Captured names are stored as soon as their sub-pattern matches;
//! the language leaves bindings of a failed match unspecified, and CPython also keeps some.

use super::{err, CResult, Compiler};
use crate::ast::*;
use crate::code::{CompareOp, Instr};
use crate::value::Value;

/// Failure bookkeeping for one pattern context (a case, or one alternative of an or-pattern).
struct PatCtx {
    /// `fail[k]`: jumps to patch to the point where `k` items remain to pop.
    fail: Vec<Vec<usize>>,
    /// Items above the context's base, including the value being matched.
    on_top: usize,
    /// Names bound so far, to reject duplicates and compare or-pattern alternatives.
    names: Vec<String>,
    /// The most recently started sub-pattern: where CPython reports or-pattern errors.
    last_pos: Pos,
}

impl PatCtx {
    fn new() -> Self {
        PatCtx {
            fail: Vec::new(),
            on_top: 1,
            names: Vec::new(),
            last_pos: Pos::default(),
        }
    }
}

impl<'a> Compiler<'a> {
    pub(super) fn match_stmt(&mut self, subject: &Expr, cases: &[MatchCase]) -> CResult {
        self.expr(subject)?;
        let mut end_jumps = Vec::new();
        for (i, case) in cases.iter().enumerate() {
            let last = i + 1 == cases.len();
            if !last && case.guard.is_none() {
                if let Some((msg, pos)) = irrefutable_msg(&case.pattern) {
                    return Err(err(msg, pos));
                }
            }
            self.set_pos(case.pattern.pos);
            if !last {
                self.emit(Instr::Dup);
            }
            let mut pc = PatCtx::new();
            self.pattern(&case.pattern, &mut pc)?;
            if let Some(g) = &case.guard {
                let j = self.cond_jump(g, false)?;
                add_fail(&mut pc, 0, j);
            }
            if !last {
                self.set_pos(case.pattern.pos);
                self.emit(Instr::Pop);
            }
            self.body_stmts(&case.body)?;
            end_jumps.push(self.emit(Instr::Jump(0)));
            self.fail_chain(&pc);
        }
        for j in end_jumps {
            self.patch(j);
        }
        Ok(())
    }

    /// Emit the pop chain for `pc`'s failures: `fail[k]` lands before `k` pops.
    fn fail_chain(&mut self, pc: &PatCtx) {
        for k in (0..pc.fail.len()).rev() {
            for &j in &pc.fail[k] {
                self.patch(j);
            }
            if k > 0 {
                self.emit(Instr::Pop);
            }
        }
    }

    /// Pop a bool; on false, fail with `pc.on_top` items left to pop.
    fn jump_fail(&mut self, pc: &mut PatCtx) {
        let j = self.emit(Instr::PopJumpIfFalse(0));
        add_fail(pc, pc.on_top, j);
    }

    fn bind(&mut self, name: &str, pc: &mut PatCtx, pos: Pos) -> CResult {
        if pc.names.iter().any(|n| n == name) {
            return Err(err(
                format!("multiple assignments to name '{name}' in pattern"),
                pos,
            ));
        }
        pc.names.push(name.to_string());
        self.store_name(name);
        Ok(())
    }

    fn pattern(&mut self, p: &Pattern, pc: &mut PatCtx) -> CResult {
        self.set_pos(p.pos);
        pc.last_pos = p.pos;
        match &p.kind {
            PatternKind::Value(e) => {
                self.expr(e)?;
                self.set_pos(p.pos);
                self.emit(Instr::Compare(CompareOp::Eq));
                pc.on_top -= 1;
                self.jump_fail(pc);
            }
            PatternKind::Singleton(c) => {
                let v = match c {
                    Const::True => Value::Bool(true),
                    Const::False => Value::Bool(false),
                    _ => Value::None,
                };
                self.emit_const(v);
                self.emit(Instr::Is(false));
                pc.on_top -= 1;
                self.jump_fail(pc);
            }
            PatternKind::As { pattern, name } => {
                if let Some(inner) = pattern {
                    self.emit(Instr::Dup);
                    pc.on_top += 1;
                    self.pattern(inner, pc)?;
                    self.set_pos(p.pos);
                }
                match name {
                    Some(n) => self.bind(n, pc, p.pos)?,
                    None => {
                        self.emit(Instr::Pop);
                    }
                }
                pc.on_top -= 1;
            }
            PatternKind::Star(name) => {
                match name {
                    Some(n) => self.bind(n, pc, p.pos)?,
                    None => {
                        self.emit(Instr::Pop);
                    }
                }
                pc.on_top -= 1;
            }
            PatternKind::Sequence(items) => self.sequence_pattern(p, items, pc)?,
            PatternKind::Mapping {
                keys,
                patterns,
                rest,
            } => self.mapping_pattern(p, keys, patterns, rest.as_deref(), pc)?,
            PatternKind::Class {
                cls,
                patterns,
                kwd_attrs,
                kwd_patterns,
            } => self.class_pattern(p, cls, patterns, kwd_attrs, kwd_patterns, pc)?,
            PatternKind::Or(alts) => self.or_pattern(alts, pc)?,
        }
        Ok(())
    }

    fn sequence_pattern(&mut self, p: &Pattern, items: &[Pattern], pc: &mut PatCtx) -> CResult {
        let stars: Vec<usize> = items
            .iter()
            .enumerate()
            .filter(|(_, x)| matches!(x.kind, PatternKind::Star(_)))
            .map(|(i, _)| i)
            .collect();
        if stars.len() > 1 {
            return Err(err("multiple starred names in sequence pattern", p.pos));
        }
        let n = items.len();
        self.emit(Instr::MatchSequence);
        self.jump_fail(pc);
        self.emit(Instr::GetLen);
        match stars.first() {
            None => {
                self.emit_const(Value::Int(n as i64));
                self.emit(Instr::Compare(CompareOp::Eq));
                self.jump_fail(pc);
                self.emit(Instr::UnpackSequence(n as u32));
            }
            Some(&s) => {
                self.emit_const(Value::Int(n as i64 - 1));
                self.emit(Instr::Compare(CompareOp::Ge));
                self.jump_fail(pc);
                let after = n - s - 1;
                self.emit(Instr::UnpackEx((s | (after << 8)) as u32));
            }
        }
        pc.on_top = pc.on_top - 1 + n;
        for x in items {
            self.pattern(x, pc)?;
        }
        Ok(())
    }

    fn mapping_pattern(
        &mut self,
        p: &Pattern,
        keys: &[Expr],
        patterns: &[Pattern],
        rest: Option<&str>,
        pc: &mut PatCtx,
    ) -> CResult {
        self.emit(Instr::MatchMapping);
        self.jump_fail(pc);
        if keys.is_empty() && rest.is_none() {
            self.emit(Instr::Pop);
            pc.on_top -= 1;
            return Ok(());
        }
        let n = keys.len();
        if n > 0 {
            self.emit(Instr::GetLen);
            self.emit_const(Value::Int(n as i64));
            self.emit(Instr::Compare(CompareOp::Ge));
            self.jump_fail(pc);
        }
        let mut seen: Vec<String> = Vec::new();
        for k in keys {
            if let ExprKind::Const(c) = &k.kind {
                let key = format!("{c:?}");
                if seen.contains(&key) {
                    let shown = match c {
                        Const::Str(s) => format!("'{s}'"),
                        Const::Int(i) => i.to_string(),
                        _ => key.clone(),
                    };
                    return Err(err(
                        format!("mapping pattern checks duplicate key ({shown})"),
                        p.pos,
                    ));
                }
                seen.push(key);
            }
            self.expr(k)?;
        }
        self.set_pos(p.pos);
        self.emit(Instr::BuildTuple(n as u32));
        self.emit(Instr::MatchKeys);
        pc.on_top += 2;
        self.emit(Instr::Dup);
        self.emit_const(Value::None);
        self.emit(Instr::Is(true));
        self.jump_fail(pc);
        self.emit(Instr::UnpackSequence(n as u32));
        pc.on_top = pc.on_top - 1 + n;
        for x in patterns {
            self.pattern(x, pc)?;
        }
        self.set_pos(p.pos);
        // [subject, keys]
        match rest {
            Some(name) => {
                self.emit(Instr::CopyDictWithoutKeys);
                self.bind(name, pc, p.pos)?;
                self.emit(Instr::Pop);
            }
            None => {
                self.emit(Instr::Pop);
                self.emit(Instr::Pop);
            }
        }
        pc.on_top -= 2;
        Ok(())
    }

    fn class_pattern(
        &mut self,
        p: &Pattern,
        cls: &Expr,
        patterns: &[Pattern],
        kwd_attrs: &[String],
        kwd_patterns: &[Pattern],
        pc: &mut PatCtx,
    ) -> CResult {
        for (i, a) in kwd_attrs.iter().enumerate() {
            if kwd_attrs[..i].contains(a) {
                return Err(err(
                    format!("attribute name repeated in class pattern: {a}"),
                    kwd_patterns[i].pos,
                ));
            }
        }
        self.expr(cls)?;
        let mut names = Vec::new();
        for a in kwd_attrs {
            let i = self.str_const(a);
            names.push(self.unit().consts[i as usize]);
        }
        let t = self.vm.new_tuple(names);
        let ti = self.add_const(t, None);
        self.emit(Instr::LoadConst(ti));
        self.set_pos(p.pos);
        self.emit(Instr::MatchClass(patterns.len() as u32));
        self.emit(Instr::Dup);
        self.emit_const(Value::None);
        self.emit(Instr::Is(true));
        self.jump_fail(pc);
        let total = patterns.len() + kwd_patterns.len();
        self.emit(Instr::UnpackSequence(total as u32));
        pc.on_top = pc.on_top - 1 + total;
        for x in patterns.iter().chain(kwd_patterns) {
            self.pattern(x, pc)?;
        }
        Ok(())
    }

    fn or_pattern(&mut self, alts: &[Pattern], pc: &mut PatCtx) -> CResult {
        let mut success = Vec::new();
        let mut bound: Option<Vec<String>> = None;
        for (i, alt) in alts.iter().enumerate() {
            if i + 1 < alts.len() {
                if let Some((msg, pos)) = irrefutable_msg(alt) {
                    return Err(err(msg, pos));
                }
            }
            let mut sub = PatCtx {
                fail: Vec::new(),
                on_top: 1,
                names: pc.names.clone(),
                last_pos: alt.pos,
            };
            self.set_pos(alt.pos);
            self.emit(Instr::Dup);
            self.pattern(alt, &mut sub)?;
            // Matched: drop the subject this or-pattern was given.
            self.emit(Instr::Pop);
            success.push(self.emit(Instr::Jump(0)));
            self.fail_chain(&sub);
            pc.last_pos = sub.last_pos;
            let mut names = sub.names[pc.names.len()..].to_vec();
            names.sort();
            match &bound {
                None => bound = Some(names),
                Some(b) if *b != names => {
                    return Err(err(
                        "alternative patterns bind different names",
                        sub.last_pos,
                    ));
                }
                _ => {}
            }
        }
        // Every alternative failed: the subject is still on top.
        let j = self.emit(Instr::Jump(0));
        add_fail(pc, pc.on_top, j);
        for s in success {
            self.patch(s);
        }
        pc.on_top -= 1;
        if let Some(b) = bound {
            pc.names.extend(b);
        }
        Ok(())
    }
}

fn add_fail(pc: &mut PatCtx, k: usize, jump: usize) {
    if pc.fail.len() <= k {
        pc.fail.resize_with(k + 1, Vec::new);
    }
    pc.fail[k].push(jump);
}

/// CPython's error for a pattern that always matches, when cases or alternatives follow it.
fn irrefutable_msg(p: &Pattern) -> Option<(String, Pos)> {
    match &p.kind {
        PatternKind::As {
            pattern: None,
            name: Some(n),
        } => Some((
            format!("name capture '{n}' makes remaining patterns unreachable"),
            p.pos,
        )),
        PatternKind::As {
            pattern: None,
            name: None,
        } => Some((
            "wildcard makes remaining patterns unreachable".into(),
            p.pos,
        )),
        PatternKind::As {
            pattern: Some(inner),
            ..
        } => irrefutable_msg(inner),
        PatternKind::Or(alts) => alts.iter().find_map(irrefutable_msg),
        _ => None,
    }
}
