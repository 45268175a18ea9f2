//! Tokens → AST: a recursive-descent parser following CPython's grammar.
//!
//! Recursion is bounded: nesting deeper than [`MAX_DEPTH`] fails the way CPython 3.11 fails
//! (its parser raises MemoryError when its own stack is exhausted), so no source text can
//! overflow the Rust stack.

use crate::ast::*;
use crate::lexer::{tokenize, tokenize_partial, FPart, LexErrorKind, Tok, Token};

/// Run `f` with at least this much stack left, growing the stack on the heap when needed:
/// recursion depth is bounded by the limits below, never by the thread's stack size.
pub(crate) fn guard<R>(f: impl FnOnce() -> R) -> R {
    stacker::maybe_grow(128 * 1024, 2 * 1024 * 1024, f)
}

/// Deepest rule nesting the parser accepts.
const MAX_DEPTH: u32 = 600;

/// Longest chain of one binary operator (`a + b + c ...`, a left-deep tree).
const MAX_CHAIN: u32 = 1900;

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum SyntaxErrorKind {
    Syntax,
    Indentation,
    /// Source nested too deeply for the parser (CPython: MemoryError).
    TooDeep,
}

/// A compile-time error with its location, printed like CPython's SyntaxError.
#[derive(Debug, Clone, PartialEq)]
pub struct SyntaxError {
    pub msg: String,
    pub line: u32,
    /// 0-based character column of the caret.
    pub col: u32,
    pub end_line: u32,
    pub end_col: u32,
    pub kind: SyntaxErrorKind,
}

type PResult<T> = Result<T, SyntaxError>;

/// Parse a module.
pub fn parse_module(src: &str) -> PResult<Vec<Stmt>> {
    with_tokens(src, |p| p.file())
}

/// Tokenize `src` and run `rule` over the tokens. Tokenizing stops at a lexical error; the
/// rule still parses what came before it, and a parse error there wins, as in CPython.
fn with_tokens<T>(src: &str, rule: impl FnOnce(&mut Parser) -> PResult<T>) -> PResult<T> {
    let (toks, lex_err) = match tokenize_partial(src) {
        Ok(t) => (t, None),
        Err((t, e)) => (t, Some(e)),
    };
    let lex_err = lex_err.map(|e| SyntaxError {
        msg: e.msg,
        line: e.line,
        col: e.col,
        end_line: e.line,
        end_col: e.col + 1,
        kind: match e.kind {
            LexErrorKind::Syntax => SyntaxErrorKind::Syntax,
            LexErrorKind::Indentation => SyntaxErrorKind::Indentation,
        },
    });
    let eof = toks.last().map(|t| (t.line, t.col)).unwrap_or((1, 0));
    let mut p = Parser {
        toks,
        i: 0,
        depth: 0,
    };
    let r = rule(&mut p);
    match lex_err {
        None => r,
        Some(le) => match r {
            Err(pe) if (pe.line, pe.col) < eof && pe.kind != SyntaxErrorKind::TooDeep => Err(pe),
            _ => Err(le),
        },
    }
}

/// Parse `eval` input: expressions, then nothing but newlines. Positions are the source's
/// own (an `eval` error points into the string as CPython's does).
pub fn parse_eval(src: &str) -> PResult<Expr> {
    with_tokens(src, |p| {
        // `expressions`: no starred items and no `yield` at the top of an eval.
        let start = p.pos();
        let first = p.expression()?;
        let e = if p.at_op(",") {
            let mut elts = vec![first];
            while p.eat_op(",") {
                if !p.starts_expression() {
                    break;
                }
                elts.push(p.expression()?);
            }
            Expr {
                kind: ExprKind::Tuple(elts),
                pos: start.to(p.prev_pos()),
            }
        } else {
            first
        };
        while matches!(p.peek(), Tok::Newline) {
            p.bump();
        }
        if !matches!(p.peek(), Tok::Eof) {
            return Err(p.error_here("invalid syntax"));
        }
        Ok(e)
    })
}

/// Parse a single expression (used for f-string fields).
pub fn parse_expression(src: &str, line: u32, col: u32) -> PResult<Expr> {
    let wrapped = format!("({src}\n)");
    let mut toks = tokenize(&wrapped).map_err(|e| SyntaxError {
        msg: e.msg,
        line: e.line,
        col: e.col,
        end_line: e.line,
        end_col: e.col + 1,
        kind: SyntaxErrorKind::Syntax,
    })?;
    // Shift positions so they point into the enclosing source.
    for t in &mut toks {
        if t.line == 1 {
            t.col = (t.col + col).saturating_sub(1);
        }
        if t.end_line == 1 {
            t.end_col = (t.end_col + col).saturating_sub(1);
        }
        t.line += line - 1;
        t.end_line += line - 1;
    }
    let mut p = Parser {
        toks,
        i: 0,
        depth: 0,
    };
    p.expect_op("(")?;
    if p.at_op(")") {
        return Err(p.error_here("f-string: empty expression not allowed"));
    }
    let e = p.star_expressions_or_yield()?;
    p.expect_op(")")?;
    Ok(e)
}

const KEYWORDS: &[&str] = &[
    "False", "None", "True", "and", "as", "assert", "async", "await", "break", "class", "continue",
    "def", "del", "elif", "else", "except", "finally", "for", "from", "global", "if", "import",
    "in", "is", "lambda", "nonlocal", "not", "or", "pass", "raise", "return", "try", "while",
    "with", "yield",
];

pub fn is_keyword(s: &str) -> bool {
    KEYWORDS.contains(&s)
}

struct Parser {
    toks: Vec<Token>,
    i: usize,
    depth: u32,
}

fn tpos(t: &Token) -> Pos {
    Pos {
        line: t.line,
        col: t.col,
        end_line: t.end_line,
        end_col: t.end_col,
    }
}

impl Parser {
    // ----- token helpers -----

    fn tok(&self) -> &Token {
        &self.toks[self.i.min(self.toks.len() - 1)]
    }

    fn peek(&self) -> &Tok {
        &self.tok().kind
    }

    fn peek_n(&self, n: usize) -> &Tok {
        &self.toks[(self.i + n).min(self.toks.len() - 1)].kind
    }

    fn pos(&self) -> Pos {
        tpos(self.tok())
    }

    fn prev_pos(&self) -> Pos {
        tpos(&self.toks[self.i.saturating_sub(1)])
    }

    fn bump(&mut self) -> Token {
        let t = self.tok().clone();
        if self.i < self.toks.len() - 1 {
            self.i += 1;
        }
        t
    }

    fn at_op(&self, op: &str) -> bool {
        matches!(self.peek(), Tok::Op(o) if *o == op)
    }

    fn at_kw(&self, kw: &str) -> bool {
        matches!(self.peek(), Tok::Name(n) if n == kw)
    }

    fn eat_op(&mut self, op: &str) -> bool {
        if self.at_op(op) {
            self.bump();
            true
        } else {
            false
        }
    }

    fn eat_kw(&mut self, kw: &str) -> bool {
        if self.at_kw(kw) {
            self.bump();
            true
        } else {
            false
        }
    }

    fn error_at(&self, msg: impl Into<String>, pos: Pos) -> SyntaxError {
        SyntaxError {
            msg: msg.into(),
            line: pos.line,
            col: pos.col,
            end_line: pos.end_line,
            end_col: pos.end_col,
            kind: SyntaxErrorKind::Syntax,
        }
    }

    fn error_here(&self, msg: impl Into<String>) -> SyntaxError {
        self.error_at(msg, self.pos())
    }

    fn invalid(&self) -> SyntaxError {
        let t = self.tok();
        match &t.kind {
            Tok::Indent => SyntaxError {
                msg: "unexpected indent".into(),
                kind: SyntaxErrorKind::Indentation,
                ..self.error_here("")
            },
            Tok::Dedent => SyntaxError {
                msg: "unindent does not match any outer indentation level".into(),
                kind: SyntaxErrorKind::Indentation,
                ..self.error_here("")
            },
            Tok::Eof => self.error_here("unexpected EOF while parsing"),
            _ => self.error_here("invalid syntax"),
        }
    }

    fn expect_op(&mut self, op: &str) -> PResult<Token> {
        if self.at_op(op) {
            Ok(self.bump())
        } else if op == ":" {
            Err(self.error_at("expected ':'", self.prev_end_point()))
        } else {
            Err(self.invalid())
        }
    }

    /// A zero-width position just after the previous token (where CPython puts "expected ':'").
    fn prev_end_point(&self) -> Pos {
        let p = self.prev_pos();
        Pos {
            line: p.end_line,
            col: p.end_col,
            end_line: p.end_line,
            end_col: p.end_col + 1,
        }
    }

    fn ident(&mut self) -> PResult<String> {
        match self.peek().clone() {
            Tok::Name(n) if !is_keyword(&n) => {
                self.bump();
                Ok(n)
            }
            _ => Err(self.invalid()),
        }
    }

    fn enter(&mut self) -> PResult<()> {
        self.depth += 1;
        if self.depth > MAX_DEPTH {
            return Err(SyntaxError {
                msg: String::new(),
                kind: SyntaxErrorKind::TooDeep,
                ..self.error_here("")
            });
        }
        Ok(())
    }

    fn leave(&mut self) {
        self.depth -= 1;
    }

    // ----- statements -----

    fn file(&mut self) -> PResult<Vec<Stmt>> {
        let mut body = Vec::new();
        while !matches!(self.peek(), Tok::Eof) {
            if matches!(self.peek(), Tok::Newline) {
                self.bump();
                continue;
            }
            self.statement(&mut body)?;
        }
        Ok(body)
    }

    fn statement(&mut self, out: &mut Vec<Stmt>) -> PResult<()> {
        if let Tok::Name(n) = self.peek() {
            match n.as_str() {
                "if" | "while" | "for" | "try" | "with" | "def" | "class" => {
                    let s = self.compound()?;
                    out.push(s);
                    return Ok(());
                }
                "async" if matches!(self.peek_n(1), Tok::Name(k) if k == "def" || k == "for" || k == "with") =>
                {
                    let s = self.compound()?;
                    out.push(s);
                    return Ok(());
                }
                _ => {}
            }
        }
        if self.at_op("@") {
            let s = self.decorated()?;
            out.push(s);
            return Ok(());
        }
        if self.at_kw("match") {
            if let Some(s) = self.match_stmt()? {
                out.push(s);
                return Ok(());
            }
        }
        if matches!(self.peek(), Tok::Indent) {
            return Err(self.invalid());
        }
        self.simple_stmts(out)
    }

    fn simple_stmts(&mut self, out: &mut Vec<Stmt>) -> PResult<()> {
        loop {
            let s = self.simple_stmt()?;
            out.push(s);
            if self.eat_op(";") {
                if matches!(self.peek(), Tok::Newline) {
                    break;
                }
                continue;
            }
            break;
        }
        match self.peek() {
            Tok::Newline => {
                self.bump();
                Ok(())
            }
            Tok::Eof => Ok(()),
            _ => Err(self.invalid()),
        }
    }

    fn block(&mut self, what: &str, line: u32) -> PResult<Vec<Stmt>> {
        self.expect_op(":")?;
        let mut body = Vec::new();
        if matches!(self.peek(), Tok::Newline) {
            self.bump();
            if !matches!(self.peek(), Tok::Indent) {
                let p = self.pos();
                return Err(SyntaxError {
                    msg: format!("expected an indented block after {what} on line {line}"),
                    kind: SyntaxErrorKind::Indentation,
                    ..self.error_at("", p)
                });
            }
            self.bump();
            while !matches!(self.peek(), Tok::Dedent | Tok::Eof) {
                if matches!(self.peek(), Tok::Newline) {
                    self.bump();
                    continue;
                }
                self.statement(&mut body)?;
            }
            if matches!(self.peek(), Tok::Dedent) {
                self.bump();
            }
        } else {
            self.simple_stmts(&mut body)?;
        }
        Ok(body)
    }

    fn compound(&mut self) -> PResult<Stmt> {
        self.enter()?;
        let r = guard(|| self.compound_inner());
        self.leave();
        r
    }

    fn compound_inner(&mut self) -> PResult<Stmt> {
        let start = self.pos();
        let Tok::Name(kw) = self.peek().clone() else {
            return Err(self.invalid());
        };
        match kw.as_str() {
            "if" => self.if_stmt(),
            "while" => {
                self.bump();
                let test = self.named_expression()?;
                let body = self.block("'while' statement", start.line)?;
                let orelse = if self.at_kw("else") {
                    let l = self.pos().line;
                    self.bump();
                    self.block("'else' statement", l)?
                } else {
                    Vec::new()
                };
                Ok(self.stmt(StmtKind::While(test, body, orelse), start))
            }
            "for" => self.for_stmt(start, false),
            "try" => self.try_stmt(),
            "with" => self.with_stmt(start, false),
            "def" => self.funcdef(start, Vec::new(), false),
            "class" => self.classdef(start, Vec::new()),
            "async" => {
                self.bump();
                match self.peek().clone() {
                    Tok::Name(k) if k == "def" => self.funcdef(start, Vec::new(), true),
                    Tok::Name(k) if k == "for" => self.for_stmt(start, true),
                    Tok::Name(k) if k == "with" => self.with_stmt(start, true),
                    _ => Err(self.invalid()),
                }
            }
            _ => Err(self.invalid()),
        }
    }

    // ----- match statement -----

    /// `match` is a soft keyword: this is a match statement only if `match SUBJECT:` and a
    /// newline follow; otherwise rewind and let the caller parse an ordinary statement.
    fn match_stmt(&mut self) -> PResult<Option<Stmt>> {
        let (save_i, save_depth) = (self.i, self.depth);
        let start = self.pos();
        self.bump();
        let subject = match self.match_subject() {
            Ok(e) if self.at_op(":") && matches!(self.peek_n(1), Tok::Newline) => e,
            _ => {
                self.i = save_i;
                self.depth = save_depth;
                return Ok(None);
            }
        };
        self.bump(); // :
        self.bump(); // newline
        if !matches!(self.peek(), Tok::Indent) {
            let p = self.pos();
            return Err(SyntaxError {
                msg: format!(
                    "expected an indented block after 'match' statement on line {}",
                    start.line
                ),
                kind: SyntaxErrorKind::Indentation,
                ..self.error_at("", p)
            });
        }
        self.bump();
        let mut cases = Vec::new();
        while !matches!(self.peek(), Tok::Dedent | Tok::Eof) {
            if matches!(self.peek(), Tok::Newline) {
                self.bump();
                continue;
            }
            if !self.at_kw("case") {
                return Err(self.invalid());
            }
            let case_line = self.pos().line;
            self.bump();
            self.enter()?;
            let pattern = guard(|| self.patterns());
            self.leave();
            let pattern = pattern?;
            let guard_expr = if self.eat_kw("if") {
                Some(self.named_expression()?)
            } else {
                None
            };
            let body = self.block("'case' statement", case_line)?;
            cases.push(MatchCase {
                pattern,
                guard: guard_expr,
                body,
            });
        }
        if matches!(self.peek(), Tok::Dedent) {
            self.bump();
        }
        if cases.is_empty() {
            return Err(self.invalid());
        }
        Ok(Some(self.stmt(StmtKind::Match { subject, cases }, start)))
    }

    fn match_subject(&mut self) -> PResult<Expr> {
        let start = self.pos();
        let first = self.star_named_expression()?;
        if !self.at_op(",") {
            if matches!(first.kind, ExprKind::Starred(_)) {
                return Err(self.invalid());
            }
            return Ok(first);
        }
        let mut elts = vec![first];
        while self.eat_op(",") {
            if !self.starts_expression() {
                break;
            }
            elts.push(self.star_named_expression()?);
        }
        Ok(Expr {
            kind: ExprKind::Tuple(elts),
            pos: start.to(self.prev_pos()),
        })
    }

    fn pat(&self, kind: PatternKind, start: Pos) -> Pattern {
        Pattern {
            kind,
            pos: start.to(self.prev_pos()),
        }
    }

    /// `patterns`: an open sequence (`case a, b:`) or a single pattern.
    fn patterns(&mut self) -> PResult<Pattern> {
        let start = self.pos();
        let first = self.maybe_star_pattern()?;
        if !self.at_op(",") {
            if matches!(first.kind, PatternKind::Star(_)) {
                return Ok(self.pat(PatternKind::Sequence(vec![first]), start));
            }
            return Ok(first);
        }
        let mut items = vec![first];
        while self.eat_op(",") {
            if self.at_op(":") || self.at_kw("if") {
                break;
            }
            items.push(self.maybe_star_pattern()?);
        }
        Ok(self.pat(PatternKind::Sequence(items), start))
    }

    fn maybe_star_pattern(&mut self) -> PResult<Pattern> {
        let start = self.pos();
        if self.eat_op("*") {
            let name = self.ident()?;
            let name = (name != "_").then_some(name);
            return Ok(self.pat(PatternKind::Star(name), start));
        }
        self.pattern()
    }

    /// `pattern`: an or-pattern, maybe followed by `as NAME`.
    fn pattern(&mut self) -> PResult<Pattern> {
        self.enter()?;
        let r = guard(|| self.pattern_inner());
        self.leave();
        r
    }

    fn pattern_inner(&mut self) -> PResult<Pattern> {
        let start = self.pos();
        let first = self.closed_pattern()?;
        let mut p = if self.at_op("|") {
            let mut alts = vec![first];
            while self.eat_op("|") {
                alts.push(self.closed_pattern()?);
            }
            self.pat(PatternKind::Or(alts), start)
        } else {
            first
        };
        if self.eat_kw("as") {
            let npos = self.pos();
            let name = self.ident()?;
            if name == "_" {
                return Err(self.error_at("cannot use '_' as a target", npos));
            }
            p = self.pat(
                PatternKind::As {
                    pattern: Some(Box::new(p)),
                    name: Some(name),
                },
                start,
            );
        }
        Ok(p)
    }

    fn closed_pattern(&mut self) -> PResult<Pattern> {
        let start = self.pos();
        match self.peek().clone() {
            Tok::Name(n) if n == "None" || n == "True" || n == "False" => {
                self.bump();
                let c = match n.as_str() {
                    "None" => Const::None,
                    "True" => Const::True,
                    _ => Const::False,
                };
                Ok(self.pat(PatternKind::Singleton(c), start))
            }
            Tok::Name(n) if !is_keyword(&n) => {
                self.bump();
                let mut e = Expr {
                    kind: ExprKind::Name(n.clone()),
                    pos: start,
                };
                let mut dotted = false;
                while self.eat_op(".") {
                    let attr = self.ident()?;
                    dotted = true;
                    e = Expr {
                        kind: ExprKind::Attribute(Box::new(e), attr),
                        pos: start.to(self.prev_pos()),
                    };
                }
                if self.at_op("(") {
                    return self.class_pattern(e, start);
                }
                if dotted {
                    return Ok(self.pat(PatternKind::Value(e), start));
                }
                let name = (n != "_").then_some(n);
                Ok(self.pat(
                    PatternKind::As {
                        pattern: None,
                        name,
                    },
                    start,
                ))
            }
            Tok::Int(_) | Tok::Float(_) | Tok::Imag(_) | Tok::Op("-") => {
                let e = self.signed_number_pattern()?;
                Ok(self.pat(PatternKind::Value(e), start))
            }
            Tok::Str(_) | Tok::Bytes(_) | Tok::FStr(_) => {
                if matches!(self.peek(), Tok::FStr(_)) {
                    return Err(
                        self.error_here("patterns may only match literals and attribute lookups")
                    );
                }
                let e = self.strings()?;
                if matches!(e.kind, ExprKind::JoinedStr(_)) {
                    return Err(self.error_at(
                        "patterns may only match literals and attribute lookups",
                        e.pos,
                    ));
                }
                Ok(self.pat(PatternKind::Value(e), start))
            }
            Tok::Op("(") => {
                self.bump();
                if self.eat_op(")") {
                    return Ok(self.pat(PatternKind::Sequence(Vec::new()), start));
                }
                let first = self.maybe_star_pattern()?;
                if self.eat_op(")") {
                    if matches!(first.kind, PatternKind::Star(_)) {
                        return Ok(self.pat(PatternKind::Sequence(vec![first]), start));
                    }
                    // A group: the parentheses only set precedence.
                    return Ok(Pattern {
                        kind: first.kind,
                        pos: first.pos,
                    });
                }
                let mut items = vec![first];
                while self.eat_op(",") {
                    if self.at_op(")") {
                        break;
                    }
                    items.push(self.maybe_star_pattern()?);
                }
                self.expect_op(")")?;
                Ok(self.pat(PatternKind::Sequence(items), start))
            }
            Tok::Op("[") => {
                self.bump();
                let mut items = Vec::new();
                while !self.at_op("]") {
                    items.push(self.maybe_star_pattern()?);
                    if !self.eat_op(",") {
                        break;
                    }
                }
                self.expect_op("]")?;
                Ok(self.pat(PatternKind::Sequence(items), start))
            }
            Tok::Op("{") => self.mapping_pattern(start),
            _ => Err(self.invalid()),
        }
    }

    /// A number literal pattern: `1`, `-1.5`, `2j`, `1 + 2j`, `-1 - 2j`.
    fn signed_number_pattern(&mut self) -> PResult<Expr> {
        let start = self.pos();
        let neg = self.eat_op("-");
        let num = match self.peek().clone() {
            Tok::Int(_) | Tok::Float(_) | Tok::Imag(_) => self.atom()?,
            _ => return Err(self.invalid()),
        };
        let mut e = if neg {
            Expr {
                kind: ExprKind::UnaryOp(UnaryOp::Neg, Box::new(num)),
                pos: start.to(self.prev_pos()),
            }
        } else {
            num
        };
        if self.at_op("+") || self.at_op("-") {
            if matches!(e.kind, ExprKind::Const(Const::Imag(_)))
                || matches!(&e.kind, ExprKind::UnaryOp(_, x) if matches!(x.kind, ExprKind::Const(Const::Imag(_))))
            {
                return Err(self.error_at("real number required in complex literal", e.pos));
            }
            let op = if self.eat_op("+") {
                BinOp::Add
            } else {
                self.bump();
                BinOp::Sub
            };
            let imag = match self.peek().clone() {
                Tok::Imag(_) => self.atom()?,
                _ => return Err(self.error_here("imaginary number required in complex literal")),
            };
            e = Expr {
                kind: ExprKind::BinOp(Box::new(e), op, Box::new(imag)),
                pos: start.to(self.prev_pos()),
            };
        }
        Ok(e)
    }

    fn mapping_pattern(&mut self, start: Pos) -> PResult<Pattern> {
        self.bump(); // {
        let mut keys = Vec::new();
        let mut patterns = Vec::new();
        let mut rest = None;
        while !self.at_op("}") {
            if self.eat_op("**") {
                let name = self.ident()?;
                rest = Some(name);
                self.eat_op(",");
                break;
            }
            let kstart = self.pos();
            let key = match self.peek().clone() {
                Tok::Int(_) | Tok::Float(_) | Tok::Imag(_) | Tok::Op("-") => {
                    self.signed_number_pattern()?
                }
                Tok::Str(_) | Tok::Bytes(_) => self.strings()?,
                Tok::Name(n) if n == "None" || n == "True" || n == "False" => self.atom()?,
                Tok::Name(n) if !is_keyword(&n) => {
                    self.bump();
                    let mut e = Expr {
                        kind: ExprKind::Name(n),
                        pos: kstart,
                    };
                    let mut dotted = false;
                    while self.eat_op(".") {
                        let attr = self.ident()?;
                        dotted = true;
                        e = Expr {
                            kind: ExprKind::Attribute(Box::new(e), attr),
                            pos: kstart.to(self.prev_pos()),
                        };
                    }
                    if !dotted {
                        return Err(self.invalid());
                    }
                    e
                }
                _ => return Err(self.invalid()),
            };
            self.expect_op(":")?;
            keys.push(key);
            patterns.push(self.pattern()?);
            if !self.eat_op(",") {
                break;
            }
        }
        self.expect_op("}")?;
        Ok(self.pat(
            PatternKind::Mapping {
                keys,
                patterns,
                rest,
            },
            start,
        ))
    }

    fn class_pattern(&mut self, cls: Expr, start: Pos) -> PResult<Pattern> {
        self.bump(); // (
        let mut patterns = Vec::new();
        let mut kwd_attrs = Vec::new();
        let mut kwd_patterns = Vec::new();
        while !self.at_op(")") {
            let is_kw = matches!(self.peek(), Tok::Name(n) if !is_keyword(n))
                && matches!(self.peek_n(1), Tok::Op("="));
            if is_kw {
                let name = self.ident()?;
                self.bump(); // =
                kwd_attrs.push(name);
                kwd_patterns.push(self.pattern()?);
            } else {
                let p = self.pattern()?;
                if !kwd_attrs.is_empty() {
                    return Err(self.error_at("positional patterns follow keyword patterns", p.pos));
                }
                patterns.push(p);
            }
            if !self.eat_op(",") {
                break;
            }
        }
        self.expect_op(")")?;
        Ok(self.pat(
            PatternKind::Class {
                cls,
                patterns,
                kwd_attrs,
                kwd_patterns,
            },
            start,
        ))
    }

    fn stmt(&self, kind: StmtKind, start: Pos) -> Stmt {
        let end = self.prev_pos();
        Stmt {
            kind,
            pos: start.to(end),
        }
    }

    fn if_stmt(&mut self) -> PResult<Stmt> {
        let start = self.pos();
        // CPython names the block after the keyword: 'if' or 'elif' statement.
        let what = if self.at_kw("elif") {
            "'elif' statement"
        } else {
            "'if' statement"
        };
        self.bump(); // if / elif
        let test = self.named_expression()?;
        let body = self.block(what, start.line)?;
        let orelse = if self.at_kw("elif") {
            vec![self.if_stmt()?]
        } else if self.at_kw("else") {
            let l = self.pos().line;
            self.bump();
            self.block("'else' statement", l)?
        } else {
            Vec::new()
        };
        Ok(self.stmt(StmtKind::If(test, body, orelse), start))
    }

    fn for_stmt(&mut self, start: Pos, is_async: bool) -> PResult<Stmt> {
        self.bump(); // for
        let target = self.target_list()?;
        if !self.eat_kw("in") {
            return Err(self.invalid());
        }
        let iter = self.star_expressions()?;
        let body = self.block("'for' statement", start.line)?;
        let orelse = if self.at_kw("else") {
            let l = self.pos().line;
            self.bump();
            self.block("'else' statement", l)?
        } else {
            Vec::new()
        };
        Ok(self.stmt(
            StmtKind::For {
                target,
                iter,
                body,
                orelse,
                is_async,
            },
            start,
        ))
    }

    fn try_stmt(&mut self) -> PResult<Stmt> {
        let start = self.pos();
        self.bump();
        let body = self.block("'try' statement", start.line)?;
        let mut handlers = Vec::new();
        while self.at_kw("except") {
            let hstart = self.pos();
            self.bump();
            let star = self.eat_op("*");
            if let Some(first) = handlers.first() {
                let first: &Handler = first;
                if first.star != star {
                    return Err(self.error_at(
                        "cannot have both 'except' and 'except*' on the same 'try'",
                        hstart,
                    ));
                }
            }
            if star && self.at_op(":") {
                return Err(self.error_here("expected one or more exception types"));
            }
            let (typ, name) = if self.at_op(":") {
                (None, None)
            } else {
                let t = self.expression()?;
                let t = if self.at_op(",") {
                    let mut elts = vec![t];
                    while self.eat_op(",") {
                        if self.at_op(":") || self.at_kw("as") {
                            break;
                        }
                        elts.push(self.expression()?);
                    }
                    let p = elts[0].pos.to(elts[elts.len() - 1].pos);
                    return Err(self.error_at("multiple exception types must be parenthesized", p));
                } else {
                    t
                };
                let name = if self.eat_kw("as") {
                    Some(self.ident()?)
                } else {
                    None
                };
                (Some(t), name)
            };
            let hbody = self.block("'except' statement", hstart.line)?;
            let pos = hstart.to(self.prev_pos());
            handlers.push(Handler {
                typ,
                name,
                body: hbody,
                pos,
                star,
            });
        }
        let orelse = if self.at_kw("else") && !handlers.is_empty() {
            let l = self.pos().line;
            self.bump();
            self.block("'else' statement", l)?
        } else {
            Vec::new()
        };
        let finalbody = if self.at_kw("finally") {
            let l = self.pos().line;
            self.bump();
            self.block("'finally' statement", l)?
        } else {
            Vec::new()
        };
        if handlers.is_empty() && finalbody.is_empty() {
            return Err(self.error_here("expected 'except' or 'finally' block"));
        }
        Ok(self.stmt(
            StmtKind::Try {
                body,
                handlers,
                orelse,
                finalbody,
            },
            start,
        ))
    }

    fn with_stmt(&mut self, start: Pos, is_async: bool) -> PResult<Stmt> {
        self.bump(); // with
        let mut items = Vec::new();
        // Parenthesised item lists: `with (a as b, c as d):`
        let save = self.i;
        let mut parsed = false;
        if self.at_op("(") {
            self.bump();
            let mut ok = true;
            let mut tmp = Vec::new();
            loop {
                if self.at_op(")") {
                    break;
                }
                match self.expression() {
                    Ok(e) => {
                        let target = if self.eat_kw("as") {
                            match self.target() {
                                Ok(t) => Some(t),
                                Err(_) => {
                                    ok = false;
                                    break;
                                }
                            }
                        } else {
                            None
                        };
                        tmp.push((e, target));
                    }
                    Err(_) => {
                        ok = false;
                        break;
                    }
                }
                if !self.eat_op(",") {
                    break;
                }
            }
            if ok && self.eat_op(")") && self.at_op(":") {
                items = tmp;
                parsed = true;
            }
        }
        if !parsed {
            self.i = save;
            loop {
                let e = self.expression()?;
                let target = if self.eat_kw("as") {
                    Some(self.target()?)
                } else {
                    None
                };
                items.push((e, target));
                if !self.eat_op(",") {
                    break;
                }
            }
        }
        let body = self.block("'with' statement", start.line)?;
        Ok(self.stmt(
            StmtKind::With {
                items,
                body,
                is_async,
            },
            start,
        ))
    }

    fn decorated(&mut self) -> PResult<Stmt> {
        let start = self.pos();
        let mut decorators = Vec::new();
        while self.eat_op("@") {
            decorators.push(self.named_expression()?);
            if !matches!(self.peek(), Tok::Newline) {
                return Err(self.invalid());
            }
            self.bump();
        }
        let dstart = self.pos();
        let _ = start;
        if self.at_kw("def") {
            self.funcdef(dstart, decorators, false)
        } else if self.at_kw("async") && matches!(self.peek_n(1), Tok::Name(k) if k == "def") {
            self.bump();
            self.funcdef(dstart, decorators, true)
        } else if self.at_kw("class") {
            self.classdef(dstart, decorators)
        } else {
            Err(self.invalid())
        }
    }

    fn funcdef(&mut self, start: Pos, decorators: Vec<Expr>, is_async: bool) -> PResult<Stmt> {
        self.bump(); // def
        let name = self.ident()?;
        self.expect_op("(")?;
        let params = self.params(")", true)?;
        self.expect_op(")")?;
        let returns = if self.eat_op("->") {
            Some(self.expression()?)
        } else {
            None
        };
        let body = self.block("function definition", start.line)?;
        let def = FunctionDef {
            name,
            params,
            body,
            decorators,
            returns,
            is_async,
        };
        Ok(self.stmt(StmtKind::FunctionDef(Box::new(def)), start))
    }

    fn classdef(&mut self, start: Pos, decorators: Vec<Expr>) -> PResult<Stmt> {
        self.bump(); // class
        let name = self.ident()?;
        let (mut bases, mut keywords) = (Vec::new(), Vec::new());
        if self.eat_op("(") {
            let (b, k) = self.call_args()?;
            bases = b;
            keywords = k;
            self.expect_op(")")?;
        }
        let body = self.block("class definition", start.line)?;
        let def = ClassDef {
            name,
            bases,
            keywords,
            body,
            decorators,
        };
        Ok(self.stmt(StmtKind::ClassDef(Box::new(def)), start))
    }

    /// Parameters of a def (annotations allowed) or a lambda (`close` is ":").
    fn params(&mut self, close: &str, annotations: bool) -> PResult<Params> {
        let mut p = Params::default();
        let mut seen_star = false;
        let mut seen_default = false;
        loop {
            if self.at_op(close) {
                break;
            }
            let ppos = self.pos();
            if self.eat_op("/") {
                if seen_star || !p.posonly.is_empty() || p.args.is_empty() {
                    return Err(self.error_at("at least one argument must precede /", ppos));
                }
                p.posonly = std::mem::take(&mut p.args);
            } else if self.eat_op("**") {
                let name = self.ident()?;
                let annotation = self.annotation(annotations)?;
                p.kwarg = Some(Param {
                    name,
                    default: None,
                    annotation,
                    pos: ppos.to(self.prev_pos()),
                });
                self.eat_op(",");
                if !self.at_op(close) {
                    return Err(self.error_here("arguments cannot follow var-keyword argument"));
                }
                break;
            } else if self.eat_op("*") {
                if seen_star {
                    return Err(self.error_at("* argument may appear only once", ppos));
                }
                seen_star = true;
                if self.at_op(",") {
                    if matches!(self.peek_n(1), Tok::Op(o) if *o == close) {
                        return Err(self.error_at("named arguments must follow bare *", ppos));
                    }
                } else if self.at_op(close) {
                    return Err(self.error_at("named arguments must follow bare *", ppos));
                } else {
                    let name = self.ident()?;
                    let annotation = self.annotation(annotations)?;
                    p.vararg = Some(Param {
                        name,
                        default: None,
                        annotation,
                        pos: ppos.to(self.prev_pos()),
                    });
                }
            } else {
                let name = self.ident()?;
                let annotation = self.annotation(annotations)?;
                let default = if self.eat_op("=") {
                    Some(self.expression()?)
                } else {
                    None
                };
                let param = Param {
                    name,
                    default,
                    annotation,
                    pos: ppos.to(self.prev_pos()),
                };
                if seen_star {
                    p.kwonly.push(param);
                } else {
                    if param.default.is_some() {
                        seen_default = true;
                    } else if seen_default {
                        return Err(
                            self.error_at("non-default argument follows default argument", ppos)
                        );
                    }
                    p.args.push(param);
                }
            }
            if !self.eat_op(",") {
                break;
            }
        }
        // Duplicate names.
        let mut names: Vec<&str> = Vec::new();
        for prm in p
            .posonly
            .iter()
            .chain(&p.args)
            .chain(&p.vararg)
            .chain(&p.kwonly)
            .chain(&p.kwarg)
        {
            if names.contains(&prm.name.as_str()) {
                return Err(self.error_at(
                    format!("duplicate argument '{}' in function definition", prm.name),
                    prm.pos,
                ));
            }
            names.push(&prm.name);
        }
        Ok(p)
    }

    fn annotation(&mut self, allowed: bool) -> PResult<Option<Expr>> {
        if allowed && self.eat_op(":") {
            Ok(Some(self.expression()?))
        } else {
            Ok(None)
        }
    }

    fn simple_stmt(&mut self) -> PResult<Stmt> {
        let start = self.pos();
        if let Tok::Name(kw) = self.peek().clone() {
            match kw.as_str() {
                "pass" => {
                    self.bump();
                    return Ok(self.stmt(StmtKind::Pass, start));
                }
                "break" => {
                    self.bump();
                    return Ok(self.stmt(StmtKind::Break, start));
                }
                "continue" => {
                    self.bump();
                    return Ok(self.stmt(StmtKind::Continue, start));
                }
                "return" => {
                    self.bump();
                    let v = if self.at_end_of_simple() {
                        None
                    } else {
                        Some(self.star_expressions()?)
                    };
                    return Ok(self.stmt(StmtKind::Return(v), start));
                }
                "raise" => {
                    self.bump();
                    let (mut exc, mut cause) = (None, None);
                    if !self.at_end_of_simple() {
                        exc = Some(self.expression()?);
                        if self.eat_kw("from") {
                            cause = Some(self.expression()?);
                        }
                    }
                    return Ok(self.stmt(StmtKind::Raise(exc, cause), start));
                }
                "global" | "nonlocal" => {
                    self.bump();
                    let mut names = vec![self.ident()?];
                    while self.eat_op(",") {
                        names.push(self.ident()?);
                    }
                    let k = if kw == "global" {
                        StmtKind::Global(names)
                    } else {
                        StmtKind::Nonlocal(names)
                    };
                    return Ok(self.stmt(k, start));
                }
                "del" => {
                    self.bump();
                    let mut targets = Vec::new();
                    loop {
                        let e = self.bitor()?;
                        self.check_target(&e, TargetCtx::Del)?;
                        targets.push(e);
                        if !self.eat_op(",") || self.at_end_of_simple() {
                            break;
                        }
                    }
                    return Ok(self.stmt(StmtKind::Delete(targets), start));
                }
                "assert" => {
                    self.bump();
                    let test = self.expression()?;
                    let msg = if self.eat_op(",") {
                        Some(self.expression()?)
                    } else {
                        None
                    };
                    return Ok(self.stmt(StmtKind::Assert(test, msg), start));
                }
                "import" => {
                    self.bump();
                    let mut names = Vec::new();
                    loop {
                        let apos = self.pos();
                        let name = self.dotted_name()?;
                        let asname = if self.eat_kw("as") {
                            Some(self.ident()?)
                        } else {
                            None
                        };
                        names.push(Alias {
                            name,
                            asname,
                            pos: apos.to(self.prev_pos()),
                        });
                        if !self.eat_op(",") {
                            break;
                        }
                    }
                    return Ok(self.stmt(StmtKind::Import(names), start));
                }
                "from" => {
                    self.bump();
                    let mut level = 0;
                    loop {
                        if self.eat_op(".") {
                            level += 1;
                        } else if self.eat_op("...") {
                            level += 3;
                        } else {
                            break;
                        }
                    }
                    let module = if self.at_kw("import") {
                        None
                    } else {
                        Some(self.dotted_name()?)
                    };
                    if !self.eat_kw("import") {
                        return Err(self.invalid());
                    }
                    let mut names = Vec::new();
                    if self.eat_op("*") {
                        names.push(Alias {
                            name: "*".into(),
                            asname: None,
                            pos: self.prev_pos(),
                        });
                    } else {
                        let paren = self.eat_op("(");
                        loop {
                            let apos = self.pos();
                            let name = self.ident()?;
                            let asname = if self.eat_kw("as") {
                                Some(self.ident()?)
                            } else {
                                None
                            };
                            names.push(Alias {
                                name,
                                asname,
                                pos: apos.to(self.prev_pos()),
                            });
                            if !self.eat_op(",") {
                                break;
                            }
                            if paren && self.at_op(")") {
                                break;
                            }
                        }
                        if paren {
                            self.expect_op(")")?;
                        } else if self.at_op(",") {
                            return Err(self.error_here(
                                "trailing comma not allowed without surrounding parentheses",
                            ));
                        }
                    }
                    return Ok(self.stmt(
                        StmtKind::ImportFrom {
                            module,
                            names,
                            level,
                        },
                        start,
                    ));
                }
                _ => {}
            }
        }
        // Python 2's print/exec statements get CPython's hint.
        if let Some(e) = self.print_statement_hint() {
            return Err(e);
        }
        // Expression, assignment, augmented or annotated assignment.
        let first = self.star_expressions_or_yield()?;
        if self.at_op(":") && !matches!(first.kind, ExprKind::Tuple(_)) {
            self.bump();
            self.check_target(&first, TargetCtx::Ann)?;
            let annotation = self.expression()?;
            let value = if self.eat_op("=") {
                Some(self.star_expressions_or_yield()?)
            } else {
                None
            };
            let simple = matches!(first.kind, ExprKind::Name(_))
                && self.toks.iter().any(|_| true)
                && !self.was_parenthesized(&first);
            return Ok(self.stmt(
                StmtKind::AnnAssign {
                    target: first,
                    annotation,
                    value,
                    simple,
                },
                start,
            ));
        }
        if let Tok::Op(op) = self.peek() {
            if let Some(bop) = aug_op(op) {
                let op_s = *op;
                let _ = op_s;
                self.check_aug_target(&first)?;
                self.bump();
                let value = self.star_expressions_or_yield()?;
                return Ok(self.stmt(StmtKind::AugAssign(first, bop, value), start));
            }
        }
        if self.at_op("=") {
            let mut targets = vec![first];
            let mut value;
            loop {
                self.bump(); // =
                value = self.star_expressions_or_yield()?;
                if !self.at_op("=") {
                    break;
                }
                targets.push(value);
            }
            for t in &targets {
                self.check_target(t, TargetCtx::Assign)?;
            }
            return Ok(self.stmt(StmtKind::Assign(targets, value), start));
        }
        if let ExprKind::Starred(_) = first.kind {
            return Err(self.error_at("can't use starred expression here", first.pos));
        }
        Ok(self.stmt(StmtKind::Expr(first), start))
    }

    /// `print 'hi'`: "Missing parentheses in call to 'print'. Did you mean print(...)?"
    fn print_statement_hint(&self) -> Option<SyntaxError> {
        let Tok::Name(n) = self.peek() else {
            return None;
        };
        if n != "print" && n != "exec" {
            return None;
        }
        let operand = match self.peek_n(1) {
            Tok::Str(_) | Tok::Int(_) | Tok::Float(_) | Tok::FStr(_) => true,
            Tok::Name(k) => {
                !is_keyword(k) || matches!(k.as_str(), "None" | "True" | "False" | "not" | "lambda")
            }
            _ => false,
        };
        if !operand {
            return None;
        }
        let mut j = self.i;
        while j + 1 < self.toks.len() && !matches!(self.toks[j + 1].kind, Tok::Newline | Tok::Eof) {
            j += 1;
        }
        let span = self.pos().to(tpos(&self.toks[j]));
        Some(self.error_at(
            format!("Missing parentheses in call to '{n}'. Did you mean {n}(...)?"),
            span,
        ))
    }

    fn was_parenthesized(&self, e: &Expr) -> bool {
        // A name in parentheses starts one column after a '(' token.
        self.toks
            .iter()
            .any(|t| t.kind == Tok::Op("(") && t.line == e.pos.line && t.end_col == e.pos.col)
    }

    fn at_end_of_simple(&self) -> bool {
        matches!(self.peek(), Tok::Newline | Tok::Eof) || self.at_op(";")
    }

    fn dotted_name(&mut self) -> PResult<String> {
        let mut name = self.ident()?;
        while self.eat_op(".") {
            name.push('.');
            name.push_str(&self.ident()?);
        }
        Ok(name)
    }

    // ----- targets -----

    fn target_list(&mut self) -> PResult<Expr> {
        let start = self.pos();
        let first = self.star_target()?;
        if !self.at_op(",") {
            self.check_target(&first, TargetCtx::For)?;
            return Ok(first);
        }
        let mut elts = vec![first];
        while self.eat_op(",") {
            if self.at_kw("in") || self.at_op("=") {
                break;
            }
            elts.push(self.star_target()?);
        }
        let e = Expr {
            kind: ExprKind::Tuple(elts),
            pos: start.to(self.prev_pos()),
        };
        self.check_target(&e, TargetCtx::For)?;
        Ok(e)
    }

    fn star_target(&mut self) -> PResult<Expr> {
        let start = self.pos();
        if self.eat_op("*") {
            let inner = self.bitor()?;
            return Ok(Expr {
                kind: ExprKind::Starred(Box::new(inner)),
                pos: start.to(self.prev_pos()),
            });
        }
        self.bitor()
    }

    fn target(&mut self) -> PResult<Expr> {
        let e = self.star_target()?;
        self.check_target(&e, TargetCtx::Assign)?;
        Ok(e)
    }

    fn check_target(&self, e: &Expr, ctx: TargetCtx) -> PResult<()> {
        match &e.kind {
            ExprKind::Name(n) => {
                if n == "__debug__" {
                    return Err(self.error_at("cannot assign to __debug__", e.pos));
                }
                Ok(())
            }
            ExprKind::Attribute(..) | ExprKind::Subscript(..) => Ok(()),
            ExprKind::Tuple(elts) | ExprKind::List(elts) if ctx != TargetCtx::Ann => {
                if ctx == TargetCtx::Del {
                    for x in elts {
                        self.check_target(x, ctx)?;
                    }
                    return Ok(());
                }
                let mut starred = 0;
                for x in elts {
                    if let ExprKind::Starred(inner) = &x.kind {
                        starred += 1;
                        if starred > 1 {
                            return Err(
                                self.error_at("multiple starred expressions in assignment", x.pos)
                            );
                        }
                        self.check_target(inner, ctx)?;
                    } else {
                        self.check_target(x, ctx)?;
                    }
                }
                Ok(())
            }
            ExprKind::Starred(_) if ctx != TargetCtx::Del => Err(self.error_at(
                "starred assignment target must be in a list or tuple",
                e.pos,
            )),
            _ => {
                let what = expr_description(e);
                let msg = match ctx {
                    TargetCtx::Del => format!("cannot delete {what}"),
                    TargetCtx::Assign
                        if matches!(e.kind, ExprKind::Compare(..))
                            || what == "literal"
                            || what == "function call"
                            || what == "expression" =>
                    {
                        format!(
                            "cannot assign to {what} here. Maybe you meant '==' instead of '='?"
                        )
                    }
                    TargetCtx::Ann => {
                        if matches!(e.kind, ExprKind::Tuple(_)) {
                            "only single target (not tuple) can be annotated".to_string()
                        } else if matches!(e.kind, ExprKind::List(_)) {
                            "only single target (not list) can be annotated".to_string()
                        } else {
                            "illegal target for annotation".to_string()
                        }
                    }
                    _ => format!("cannot assign to {what}"),
                };
                Err(self.error_at(msg, e.pos))
            }
        }
    }

    fn check_aug_target(&self, e: &Expr) -> PResult<()> {
        match &e.kind {
            ExprKind::Name(_) | ExprKind::Attribute(..) | ExprKind::Subscript(..) => Ok(()),
            _ => Err(self.error_at(
                format!(
                    "'{}' is an illegal expression for augmented assignment",
                    expr_description(e)
                ),
                e.pos,
            )),
        }
    }

    // ----- expressions -----

    fn star_expressions_or_yield(&mut self) -> PResult<Expr> {
        if self.at_kw("yield") {
            return self.yield_expr();
        }
        self.star_expressions()
    }

    fn yield_expr(&mut self) -> PResult<Expr> {
        let start = self.pos();
        self.bump();
        if self.eat_kw("from") {
            let v = self.expression()?;
            return Ok(Expr {
                kind: ExprKind::YieldFrom(Box::new(v)),
                pos: start.to(self.prev_pos()),
            });
        }
        if self.at_end_of_simple()
            || self.at_op(")")
            || self.at_op("]")
            || self.at_op("}")
            || self.at_op("=")
        {
            return Ok(Expr {
                kind: ExprKind::Yield(None),
                pos: start,
            });
        }
        let v = self.star_expressions()?;
        Ok(Expr {
            kind: ExprKind::Yield(Some(Box::new(v))),
            pos: start.to(self.prev_pos()),
        })
    }

    /// `a, *b, c` → a tuple when there is a comma.
    fn star_expressions(&mut self) -> PResult<Expr> {
        let start = self.pos();
        let first = self.star_expression()?;
        if !self.at_op(",") {
            return Ok(first);
        }
        let mut elts = vec![first];
        while self.eat_op(",") {
            if !self.starts_expression() {
                break;
            }
            elts.push(self.star_expression()?);
        }
        Ok(Expr {
            kind: ExprKind::Tuple(elts),
            pos: start.to(self.prev_pos()),
        })
    }

    fn starts_expression(&self) -> bool {
        match self.peek() {
            Tok::Name(n) => {
                !is_keyword(n)
                    || matches!(
                        n.as_str(),
                        "None" | "True" | "False" | "not" | "lambda" | "await" | "yield"
                    )
            }
            Tok::Int(_)
            | Tok::Float(_)
            | Tok::Imag(_)
            | Tok::Str(_)
            | Tok::Bytes(_)
            | Tok::FStr(_) => true,
            Tok::Op(o) => matches!(*o, "(" | "[" | "{" | "-" | "+" | "~" | "*" | "..."),
            _ => false,
        }
    }

    fn star_expression(&mut self) -> PResult<Expr> {
        let start = self.pos();
        if self.eat_op("*") {
            let inner = self.bitor()?;
            return Ok(Expr {
                kind: ExprKind::Starred(Box::new(inner)),
                pos: start.to(self.prev_pos()),
            });
        }
        self.expression()
    }

    fn star_named_expression(&mut self) -> PResult<Expr> {
        let start = self.pos();
        if self.eat_op("*") {
            let inner = self.bitor()?;
            return Ok(Expr {
                kind: ExprKind::Starred(Box::new(inner)),
                pos: start.to(self.prev_pos()),
            });
        }
        self.named_expression()
    }

    fn named_expression(&mut self) -> PResult<Expr> {
        if let Tok::Name(n) = self.peek() {
            if !is_keyword(n) && matches!(self.peek_n(1), Tok::Op(":=")) {
                let start = self.pos();
                let name = n.clone();
                self.bump();
                self.bump();
                let value = self.expression()?;
                let target = Expr {
                    kind: ExprKind::Name(name),
                    pos: start,
                };
                return Ok(Expr {
                    kind: ExprKind::NamedExpr(Box::new(target), Box::new(value)),
                    pos: start.to(self.prev_pos()),
                });
            }
        }
        let e = self.expression()?;
        if self.at_op(":=") {
            return Err(self.error_at(
                format!(
                    "cannot use assignment expressions with {}",
                    expr_description(&e)
                ),
                e.pos,
            ));
        }
        Ok(e)
    }

    fn expression(&mut self) -> PResult<Expr> {
        self.enter()?;
        let r = guard(|| self.expression_inner());
        self.leave();
        r
    }

    fn expression_inner(&mut self) -> PResult<Expr> {
        if self.at_kw("lambda") {
            return self.lambda();
        }
        let start = self.pos();
        let body = self.disjunction()?;
        if self.at_kw("if") {
            self.bump();
            let test = self.disjunction()?;
            if !self.eat_kw("else") {
                return Err(self.error_at(
                    "expected 'else' after 'if' expression",
                    start.to(self.prev_pos()),
                ));
            }
            let orelse = self.expression()?;
            return Ok(Expr {
                kind: ExprKind::IfExp(Box::new(test), Box::new(body), Box::new(orelse)),
                pos: start.to(self.prev_pos()),
            });
        }
        Ok(body)
    }

    fn lambda(&mut self) -> PResult<Expr> {
        let start = self.pos();
        self.bump();
        let params = self.params(":", false)?;
        self.expect_op(":")?;
        let body = self.expression()?;
        Ok(Expr {
            kind: ExprKind::Lambda(Box::new(params), Box::new(body)),
            pos: start.to(self.prev_pos()),
        })
    }

    fn disjunction(&mut self) -> PResult<Expr> {
        let start = self.pos();
        let first = self.conjunction()?;
        if !self.at_kw("or") {
            return Ok(first);
        }
        let mut vals = vec![first];
        while self.eat_kw("or") {
            vals.push(self.conjunction()?);
        }
        let pos = start.to(self.prev_pos());
        Ok(Expr {
            kind: ExprKind::BoolOp(false, vals),
            pos,
        })
    }

    fn conjunction(&mut self) -> PResult<Expr> {
        let start = self.pos();
        let first = self.inversion()?;
        if !self.at_kw("and") {
            return Ok(first);
        }
        let mut vals = vec![first];
        while self.eat_kw("and") {
            vals.push(self.inversion()?);
        }
        let pos = start.to(self.prev_pos());
        Ok(Expr {
            kind: ExprKind::BoolOp(true, vals),
            pos,
        })
    }

    fn inversion(&mut self) -> PResult<Expr> {
        if self.at_kw("not") {
            let start = self.pos();
            self.bump();
            self.enter()?;
            let e = guard(|| self.inversion());
            self.leave();
            let e = e?;
            return Ok(Expr {
                kind: ExprKind::UnaryOp(UnaryOp::Not, Box::new(e)),
                pos: start.to(self.prev_pos()),
            });
        }
        self.comparison()
    }

    fn comparison(&mut self) -> PResult<Expr> {
        let start = self.pos();
        let first = self.bitor()?;
        let mut ops = Vec::new();
        loop {
            let op = match self.peek() {
                Tok::Op("==") => CmpOp::Eq,
                Tok::Op("!=") => CmpOp::NotEq,
                Tok::Op("<") => CmpOp::Lt,
                Tok::Op("<=") => CmpOp::LtE,
                Tok::Op(">") => CmpOp::Gt,
                Tok::Op(">=") => CmpOp::GtE,
                Tok::Name(n) if n == "in" => CmpOp::In,
                Tok::Name(n) if n == "is" => {
                    if matches!(self.peek_n(1), Tok::Name(m) if m == "not") {
                        self.bump();
                        CmpOp::IsNot
                    } else {
                        CmpOp::Is
                    }
                }
                Tok::Name(n)
                    if n == "not" && matches!(self.peek_n(1), Tok::Name(m) if m == "in") =>
                {
                    self.bump();
                    CmpOp::NotIn
                }
                _ => break,
            };
            self.bump();
            ops.push((op, self.bitor()?));
        }
        if ops.is_empty() {
            return Ok(first);
        }
        let pos = start.to(self.prev_pos());
        Ok(Expr {
            kind: ExprKind::Compare(Box::new(first), ops),
            pos,
        })
    }

    fn binary_level(&mut self, level: u8) -> PResult<Expr> {
        if level == 6 {
            return self.factor();
        }
        // Node spans run from the first to the last token, parentheses included (as in
        // CPython's AST), which the traceback caret anchors rely on.
        let start = self.pos();
        let mut left = self.binary_level(level + 1)?;
        let mut chain = 0u32;
        loop {
            let op = match (level, self.peek()) {
                (0, Tok::Op("|")) => BinOp::BitOr,
                (1, Tok::Op("^")) => BinOp::BitXor,
                (2, Tok::Op("&")) => BinOp::BitAnd,
                (3, Tok::Op("<<")) => BinOp::LShift,
                (3, Tok::Op(">>")) => BinOp::RShift,
                (4, Tok::Op("+")) => BinOp::Add,
                (4, Tok::Op("-")) => BinOp::Sub,
                (5, Tok::Op("*")) => BinOp::Mul,
                (5, Tok::Op("/")) => BinOp::Div,
                (5, Tok::Op("//")) => BinOp::FloorDiv,
                (5, Tok::Op("%")) => BinOp::Mod,
                (5, Tok::Op("@")) => BinOp::MatMul,
                _ => break,
            };
            self.bump();
            chain += 1;
            if chain > MAX_CHAIN {
                // The AST would be too deep to compile (and to drop) safely.
                return Err(SyntaxError {
                    msg: "maximum recursion depth exceeded during compilation".into(),
                    kind: SyntaxErrorKind::TooDeep,
                    ..self.error_here("")
                });
            }
            let right = self.binary_level(level + 1)?;
            let pos = start.to(self.prev_pos());
            left = Expr {
                kind: ExprKind::BinOp(Box::new(left), op, Box::new(right)),
                pos,
            };
        }
        Ok(left)
    }

    fn bitor(&mut self) -> PResult<Expr> {
        self.binary_level(0)
    }

    fn factor(&mut self) -> PResult<Expr> {
        let op = match self.peek() {
            Tok::Op("-") => Some(UnaryOp::Neg),
            Tok::Op("+") => Some(UnaryOp::Pos),
            Tok::Op("~") => Some(UnaryOp::Invert),
            _ => None,
        };
        if let Some(op) = op {
            let start = self.pos();
            self.bump();
            self.enter()?;
            let e = guard(|| self.factor());
            self.leave();
            let e = e?;
            return Ok(Expr {
                kind: ExprKind::UnaryOp(op, Box::new(e)),
                pos: start.to(self.prev_pos()),
            });
        }
        self.power()
    }

    fn power(&mut self) -> PResult<Expr> {
        let start = self.pos();
        let base = self.await_primary()?;
        if self.eat_op("**") {
            self.enter()?;
            let exp = guard(|| self.factor());
            self.leave();
            let exp = exp?;
            let pos = start.to(self.prev_pos());
            return Ok(Expr {
                kind: ExprKind::BinOp(Box::new(base), BinOp::Pow, Box::new(exp)),
                pos,
            });
        }
        Ok(base)
    }

    fn await_primary(&mut self) -> PResult<Expr> {
        if self.at_kw("await") {
            let start = self.pos();
            self.bump();
            let e = self.primary()?;
            return Ok(Expr {
                kind: ExprKind::Await(Box::new(e)),
                pos: start.to(self.prev_pos()),
            });
        }
        self.primary()
    }

    fn primary(&mut self) -> PResult<Expr> {
        let start = self.pos();
        let mut e = self.atom()?;
        loop {
            if self.at_op(".") {
                self.bump();
                let name = match self.peek().clone() {
                    Tok::Name(n) => {
                        self.bump();
                        n
                    }
                    _ => return Err(self.invalid()),
                };
                let pos = start.to(self.prev_pos());
                e = Expr {
                    kind: ExprKind::Attribute(Box::new(e), name),
                    pos,
                };
            } else if self.at_op("(") {
                self.bump();
                self.enter()?;
                let r = self.call_args();
                self.leave();
                let (args, keywords) = r?;
                self.expect_op(")")?;
                let pos = start.to(self.prev_pos());
                e = Expr {
                    kind: ExprKind::Call {
                        func: Box::new(e),
                        args,
                        keywords,
                    },
                    pos,
                };
            } else if self.at_op("[") {
                self.bump();
                self.enter()?;
                let r = self.slices();
                self.leave();
                let idx = r?;
                self.expect_op("]")?;
                let pos = start.to(self.prev_pos());
                e = Expr {
                    kind: ExprKind::Subscript(Box::new(e), Box::new(idx)),
                    pos,
                };
            } else {
                break;
            }
        }
        Ok(e)
    }

    fn slices(&mut self) -> PResult<Expr> {
        let start = self.pos();
        let first = self.slice()?;
        if !self.at_op(",") {
            return Ok(first);
        }
        let mut elts = vec![first];
        while self.eat_op(",") {
            if self.at_op("]") {
                break;
            }
            elts.push(self.slice()?);
        }
        Ok(Expr {
            kind: ExprKind::Tuple(elts),
            pos: start.to(self.prev_pos()),
        })
    }

    fn slice(&mut self) -> PResult<Expr> {
        let start = self.pos();
        let lower = if self.at_op(":") {
            None
        } else {
            let e = self.star_named_expression()?;
            if !self.at_op(":") {
                return Ok(e);
            }
            Some(Box::new(e))
        };
        self.expect_op(":")?;
        let upper = if self.at_op(":") || self.at_op("]") || self.at_op(",") {
            None
        } else {
            Some(Box::new(self.expression()?))
        };
        let step = if self.eat_op(":") {
            if self.at_op("]") || self.at_op(",") {
                None
            } else {
                Some(Box::new(self.expression()?))
            }
        } else {
            None
        };
        Ok(Expr {
            kind: ExprKind::Slice(lower, upper, step),
            pos: start.to(self.prev_pos()),
        })
    }

    /// Arguments of a call (or class bases), up to but not including ')'.
    fn call_args(&mut self) -> PResult<(Vec<Expr>, Vec<Keyword>)> {
        let mut args = Vec::new();
        let mut keywords: Vec<Keyword> = Vec::new();
        // A positional argument after keywords is reported at the closing parenthesis.
        let mut late_positional: Option<&'static str> = None;
        while !self.at_op(")") {
            let start = self.pos();
            if self.at_op("*") {
                if keywords.iter().any(|k| k.name.is_none()) {
                    return Err(self.error_here(
                        "iterable argument unpacking follows keyword argument unpacking",
                    ));
                }
                self.bump();
                let e = self.expression()?;
                let pos = start.to(self.prev_pos());
                args.push(Expr {
                    kind: ExprKind::Starred(Box::new(e)),
                    pos,
                });
            } else if self.eat_op("**") {
                let e = self.expression()?;
                keywords.push(Keyword {
                    name: None,
                    value: e,
                    pos: start.to(self.prev_pos()),
                });
            } else if matches!(self.peek(), Tok::Name(_)) && matches!(self.peek_n(1), Tok::Op("="))
            {
                let name = self.ident()?;
                self.bump();
                let value = self.expression()?;
                if keywords.iter().any(|k| k.name.as_deref() == Some(&name)) {
                    return Err(self.error_at(
                        format!("keyword argument repeated: {name}"),
                        start.to(self.prev_pos()),
                    ));
                }
                keywords.push(Keyword {
                    name: Some(name),
                    value,
                    pos: start.to(self.prev_pos()),
                });
            } else {
                let e = self.named_expression()?;
                if self.at_kw("for") || self.at_kw("async") {
                    let gens = self.comprehensions()?;
                    let pos = e.pos.to(self.prev_pos());
                    let g = Expr {
                        kind: ExprKind::GenExp(Box::new(e), gens),
                        pos,
                    };
                    let more = self.at_op(",") && !matches!(self.peek_n(1), Tok::Op(")"));
                    if !args.is_empty() || !keywords.is_empty() || more {
                        return Err(
                            self.error_at("Generator expression must be parenthesized", g.pos)
                        );
                    }
                    args.push(g);
                } else {
                    if late_positional.is_none() {
                        if keywords.iter().any(|k| k.name.is_none()) {
                            late_positional =
                                Some("positional argument follows keyword argument unpacking");
                        } else if !keywords.is_empty() {
                            late_positional = Some("positional argument follows keyword argument");
                        }
                    }
                    args.push(e);
                }
            }
            if !self.eat_op(",") {
                break;
            }
        }
        if let Some(msg) = late_positional {
            return Err(self.error_here(msg));
        }
        Ok((args, keywords))
    }

    fn comprehensions(&mut self) -> PResult<Vec<Comprehension>> {
        let mut gens = Vec::new();
        loop {
            let is_async = self.eat_kw("async");
            if !self.eat_kw("for") {
                break;
            }
            let target = self.target_list()?;
            if !self.eat_kw("in") {
                return Err(self.invalid());
            }
            let iter = self.disjunction()?;
            let mut ifs = Vec::new();
            while self.eat_kw("if") {
                ifs.push(self.disjunction()?);
            }
            gens.push(Comprehension {
                target,
                iter,
                ifs,
                is_async,
            });
            if !self.at_kw("for") && !self.at_kw("async") {
                break;
            }
        }
        Ok(gens)
    }

    fn atom(&mut self) -> PResult<Expr> {
        let start = self.pos();
        let t = self.peek().clone();
        match t {
            Tok::Name(n) => {
                let kind = match n.as_str() {
                    "None" => ExprKind::Const(Const::None),
                    "True" => ExprKind::Const(Const::True),
                    "False" => ExprKind::Const(Const::False),
                    _ if is_keyword(&n) => return Err(self.invalid()),
                    _ => ExprKind::Name(n),
                };
                self.bump();
                Ok(Expr { kind, pos: start })
            }
            Tok::Int(v) => {
                self.bump();
                Ok(Expr {
                    kind: ExprKind::Const(Const::Int(v)),
                    pos: start,
                })
            }
            Tok::Float(v) => {
                self.bump();
                Ok(Expr {
                    kind: ExprKind::Const(Const::Float(v)),
                    pos: start,
                })
            }
            Tok::Imag(v) => {
                self.bump();
                Ok(Expr {
                    kind: ExprKind::Const(Const::Imag(v)),
                    pos: start,
                })
            }
            Tok::Str(_) | Tok::FStr(_) | Tok::Bytes(_) => self.strings(),
            Tok::Op("...") => {
                self.bump();
                Ok(Expr {
                    kind: ExprKind::Const(Const::Ellipsis),
                    pos: start,
                })
            }
            Tok::Op("(") => {
                self.bump();
                self.enter()?;
                let r = self.paren_atom(start);
                self.leave();
                r
            }
            Tok::Op("[") => {
                self.bump();
                self.enter()?;
                let r = self.list_atom(start);
                self.leave();
                r
            }
            Tok::Op("{") => {
                self.bump();
                self.enter()?;
                let r = self.brace_atom(start);
                self.leave();
                r
            }
            _ => Err(self.invalid()),
        }
    }

    fn paren_atom(&mut self, start: Pos) -> PResult<Expr> {
        if self.eat_op(")") {
            return Ok(Expr {
                kind: ExprKind::Tuple(Vec::new()),
                pos: start.to(self.prev_pos()),
            });
        }
        if self.at_kw("yield") {
            let e = self.yield_expr()?;
            self.expect_op(")")?;
            return Ok(e);
        }
        let first = self.star_named_expression()?;
        if self.at_kw("for") || self.at_kw("async") {
            let gens = self.comprehensions()?;
            self.expect_op(")")?;
            return Ok(Expr {
                kind: ExprKind::GenExp(Box::new(first), gens),
                pos: start.to(self.prev_pos()),
            });
        }
        if self.eat_op(")") {
            if let ExprKind::Starred(_) = first.kind {
                return Err(self.error_at("cannot use starred expression here", first.pos));
            }
            return Ok(first);
        }
        let mut elts = vec![first];
        while self.eat_op(",") {
            if self.at_op(")") {
                break;
            }
            elts.push(self.star_named_expression()?);
        }
        if !self.at_op(")") {
            if matches!(
                self.peek(),
                Tok::Name(_) | Tok::Int(_) | Tok::Str(_) | Tok::Float(_)
            ) && !self.at_kw("for")
            {
                let last = elts[elts.len() - 1].pos;
                return Err(self.error_at(
                    "invalid syntax. Perhaps you forgot a comma?",
                    last.to(self.pos()),
                ));
            }
            return Err(self.invalid());
        }
        self.bump();
        Ok(Expr {
            kind: ExprKind::Tuple(elts),
            pos: start.to(self.prev_pos()),
        })
    }

    fn list_atom(&mut self, start: Pos) -> PResult<Expr> {
        if self.eat_op("]") {
            return Ok(Expr {
                kind: ExprKind::List(Vec::new()),
                pos: start.to(self.prev_pos()),
            });
        }
        let first = self.star_named_expression()?;
        if self.at_kw("for") || self.at_kw("async") {
            let gens = self.comprehensions()?;
            self.expect_op("]")?;
            return Ok(Expr {
                kind: ExprKind::ListComp(Box::new(first), gens),
                pos: start.to(self.prev_pos()),
            });
        }
        let mut elts = vec![first];
        while self.eat_op(",") {
            if self.at_op("]") {
                break;
            }
            elts.push(self.star_named_expression()?);
        }
        if !self.at_op("]") {
            if matches!(
                self.peek(),
                Tok::Name(_) | Tok::Int(_) | Tok::Str(_) | Tok::Float(_)
            ) {
                let last = elts[elts.len() - 1].pos;
                return Err(self.error_at(
                    "invalid syntax. Perhaps you forgot a comma?",
                    last.to(self.pos()),
                ));
            }
            return Err(self.invalid());
        }
        self.bump();
        Ok(Expr {
            kind: ExprKind::List(elts),
            pos: start.to(self.prev_pos()),
        })
    }

    fn brace_atom(&mut self, start: Pos) -> PResult<Expr> {
        if self.eat_op("}") {
            return Ok(Expr {
                kind: ExprKind::Dict(Vec::new()),
                pos: start.to(self.prev_pos()),
            });
        }
        // Dict: first item is `k: v` or `**m`.
        if self.eat_op("**") {
            let m = self.bitor()?;
            return self.dict_rest(start, vec![(None, m)]);
        }
        let first = self.star_named_expression()?;
        if self.eat_op(":") {
            let v = self.expression()?;
            if self.at_kw("for") || self.at_kw("async") {
                let gens = self.comprehensions()?;
                self.expect_op("}")?;
                return Ok(Expr {
                    kind: ExprKind::DictComp(Box::new(first), Box::new(v), gens),
                    pos: start.to(self.prev_pos()),
                });
            }
            return self.dict_rest(start, vec![(Some(first), v)]);
        }
        if self.at_kw("for") || self.at_kw("async") {
            let gens = self.comprehensions()?;
            self.expect_op("}")?;
            return Ok(Expr {
                kind: ExprKind::SetComp(Box::new(first), gens),
                pos: start.to(self.prev_pos()),
            });
        }
        let mut elts = vec![first];
        while self.eat_op(",") {
            if self.at_op("}") {
                break;
            }
            elts.push(self.star_named_expression()?);
        }
        self.expect_op("}")?;
        Ok(Expr {
            kind: ExprKind::Set(elts),
            pos: start.to(self.prev_pos()),
        })
    }

    fn dict_rest(&mut self, start: Pos, mut items: Vec<(Option<Expr>, Expr)>) -> PResult<Expr> {
        while self.eat_op(",") {
            if self.at_op("}") {
                break;
            }
            if self.eat_op("**") {
                let m = self.bitor()?;
                items.push((None, m));
            } else {
                let k = self.expression()?;
                if !self.at_op(":") {
                    return Err(self.error_at("':' expected after dictionary key", k.pos));
                }
                self.bump();
                let v = self.expression()?;
                items.push((Some(k), v));
            }
        }
        self.expect_op("}")?;
        Ok(Expr {
            kind: ExprKind::Dict(items),
            pos: start.to(self.prev_pos()),
        })
    }

    /// Adjacent string literals concatenate; any f-string makes the whole a JoinedStr.
    fn strings(&mut self) -> PResult<Expr> {
        let start = self.pos();
        let mut parts: Vec<FStrPart> = Vec::new();
        let mut has_f = false;
        let mut bytes: Option<Vec<u8>> = None;
        let mut saw_str = false;
        loop {
            match self.peek().clone() {
                Tok::Str(s) => {
                    saw_str = true;
                    push_lit(&mut parts, &s);
                }
                Tok::Bytes(b) => {
                    bytes.get_or_insert_with(Vec::new).extend_from_slice(&b);
                }
                Tok::FStr(fp) => {
                    has_f = true;
                    for p in fp {
                        match p {
                            FPart::Lit(s) => push_lit(&mut parts, &s),
                            field => parts.push(self.fstring_field(field)?),
                        }
                    }
                }
                _ => break,
            }
            self.bump();
        }
        let pos = start.to(self.prev_pos());
        if let Some(b) = bytes {
            if saw_str || has_f {
                return Err(self.error_at("cannot mix bytes and nonbytes literals", pos));
            }
            return Ok(Expr {
                kind: ExprKind::Const(Const::Bytes(b)),
                pos,
            });
        }
        if !has_f {
            let s = match parts.pop() {
                Some(FStrPart::Lit(s)) => s,
                _ => String::new(),
            };
            return Ok(Expr {
                kind: ExprKind::Const(Const::Str(s)),
                pos,
            });
        }
        Ok(Expr {
            kind: ExprKind::JoinedStr(parts),
            pos,
        })
    }

    fn fstring_field(&mut self, p: FPart) -> PResult<FStrPart> {
        let FPart::Expr {
            src,
            line,
            col,
            conv,
            spec,
            debug,
        } = p
        else {
            return Ok(FStrPart::Lit(String::new()));
        };
        self.enter()?;
        let value = parse_expression(&src, line, col);
        self.leave();
        let value = value.map_err(|mut e| {
            if e.kind == SyntaxErrorKind::Syntax && !e.msg.starts_with("f-string") {
                e.msg = format!("f-string: {}", e.msg);
            }
            e
        })?;
        let spec = match spec {
            None => None,
            Some(sp) => {
                let mut out = Vec::new();
                for part in sp {
                    match part {
                        FPart::Lit(s) => push_lit(&mut out, &s),
                        field => out.push(self.fstring_field(field)?),
                    }
                }
                Some(out)
            }
        };
        let field = FStrPart::Field {
            value: Box::new(value),
            conv,
            spec,
        };
        if let Some(d) = debug {
            // `f"{x=}"` is the text followed by the field; represent as a pair.
            return Ok(FStrPart::Field {
                value: Box::new(Expr {
                    kind: ExprKind::JoinedStr(vec![FStrPart::Lit(d), field]),
                    pos: Pos {
                        line,
                        col,
                        end_line: line,
                        end_col: col,
                    },
                }),
                conv: None,
                spec: None,
            });
        }
        Ok(field)
    }
}

fn push_lit(parts: &mut Vec<FStrPart>, s: &str) {
    if let Some(FStrPart::Lit(last)) = parts.last_mut() {
        last.push_str(s);
    } else {
        parts.push(FStrPart::Lit(s.to_string()));
    }
}

#[derive(Clone, Copy, PartialEq, Eq)]
enum TargetCtx {
    Assign,
    For,
    Del,
    Ann,
}

fn aug_op(op: &str) -> Option<BinOp> {
    Some(match op {
        "+=" => BinOp::Add,
        "-=" => BinOp::Sub,
        "*=" => BinOp::Mul,
        "/=" => BinOp::Div,
        "//=" => BinOp::FloorDiv,
        "%=" => BinOp::Mod,
        "**=" => BinOp::Pow,
        "<<=" => BinOp::LShift,
        ">>=" => BinOp::RShift,
        "&=" => BinOp::BitAnd,
        "|=" => BinOp::BitOr,
        "^=" => BinOp::BitXor,
        "@=" => BinOp::MatMul,
        _ => return None,
    })
}

/// How CPython names an expression in "cannot assign to ..." messages.
fn expr_description(e: &Expr) -> &'static str {
    match &e.kind {
        ExprKind::Call { .. } => "function call",
        ExprKind::Const(Const::None) => "None",
        ExprKind::Const(Const::True) => "True",
        ExprKind::Const(Const::False) => "False",
        ExprKind::Const(Const::Ellipsis) => "ellipsis",
        ExprKind::Const(_) => "literal",
        ExprKind::JoinedStr(_) => "f-string expression",
        ExprKind::Compare(..) => "comparison",
        ExprKind::BoolOp(..) | ExprKind::BinOp(..) | ExprKind::UnaryOp(..) => "expression",
        ExprKind::Lambda(..) => "lambda",
        ExprKind::IfExp(..) => "conditional expression",
        ExprKind::ListComp(..) => "list comprehension",
        ExprKind::SetComp(..) => "set comprehension",
        ExprKind::DictComp(..) => "dict comprehension",
        ExprKind::GenExp(..) => "generator expression",
        ExprKind::Dict(_) => "dict literal",
        ExprKind::Set(_) => "set display",
        ExprKind::Yield(_) | ExprKind::YieldFrom(_) => "yield expression",
        ExprKind::Await(_) => "await expression",
        ExprKind::NamedExpr(..) => "named expression",
        ExprKind::Tuple(_) => "tuple",
        ExprKind::List(_) => "list",
        ExprKind::Starred(_) => "starred",
        ExprKind::Name(_) => "name",
        ExprKind::Attribute(..) => "attribute",
        ExprKind::Subscript(..) => "subscript",
        ExprKind::Slice(..) => "slice",
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn parses_a_small_program() {
        let src =
            "def f(a, b=2, *c, d, **e):\n    return a + b * 2\nx = [i for i in range(3) if i]\n";
        let m = parse_module(src).unwrap();
        assert_eq!(m.len(), 2);
    }

    #[test]
    fn binop_positions() {
        let m = parse_module("x = 1/0\n").unwrap();
        let StmtKind::Assign(_, v) = &m[0].kind else {
            panic!()
        };
        assert_eq!((v.pos.col, v.pos.end_col), (4, 7));
    }

    #[test]
    fn deep_nesting_is_an_error_not_a_crash() {
        let src = format!("{}1", "-".repeat(100_000));
        assert_eq!(
            parse_module(&src).unwrap_err().kind,
            SyntaxErrorKind::TooDeep
        );
    }
}
