//! Exceptions: the error type of every fallible VM operation, the builtin exception
//! hierarchy, and CPython-style traceback printing.

use crate::ast::{ExprKind, StmtKind};
use crate::object::{ExcData, Instance, Obj};
use crate::value::{ObjRef, Value};
use crate::vm::Vm;
use std::sync::Arc;

/// A raised Python exception. Errors created by native code stay unallocated (`New`) until
/// a handler or a traceback needs the object.
#[derive(Debug, Clone)]
pub enum PyErr {
    Obj(ObjRef),
    New(ExcKind, String),
}

macro_rules! exc_kinds {
    ($( $name:ident : $parent:ident ),* $(,)?) => {
        /// The builtin exception classes.
        #[derive(Debug, Clone, Copy, PartialEq, Eq)]
        #[repr(u8)]
        pub enum ExcKind { BaseException, $($name),* }

        impl ExcKind {
            pub const ALL: &'static [ExcKind] = &[ExcKind::BaseException, $(ExcKind::$name),*];
            pub fn name(self) -> &'static str {
                match self { ExcKind::BaseException => "BaseException", $(ExcKind::$name => stringify!($name)),* }
            }
            pub fn parent(self) -> Option<ExcKind> {
                match self { ExcKind::BaseException => None, $(ExcKind::$name => Some(ExcKind::$parent)),* }
            }
        }
    };
}

exc_kinds! {
    SystemExit: BaseException,
    KeyboardInterrupt: BaseException,
    GeneratorExit: BaseException,
    Exception: BaseException,
    StopIteration: Exception,
    StopAsyncIteration: Exception,
    ArithmeticError: Exception,
    FloatingPointError: ArithmeticError,
    OverflowError: ArithmeticError,
    ZeroDivisionError: ArithmeticError,
    AssertionError: Exception,
    AttributeError: Exception,
    BufferError: Exception,
    EOFError: Exception,
    ImportError: Exception,
    ModuleNotFoundError: ImportError,
    LookupError: Exception,
    IndexError: LookupError,
    KeyError: LookupError,
    MemoryError: Exception,
    NameError: Exception,
    UnboundLocalError: NameError,
    OSError: Exception,
    FileNotFoundError: OSError,
    PermissionError: OSError,
    TimeoutError: OSError,
    FileExistsError: OSError,
    IsADirectoryError: OSError,
    NotADirectoryError: OSError,
    InterruptedError: OSError,
    BlockingIOError: OSError,
    ChildProcessError: OSError,
    ProcessLookupError: OSError,
    ConnectionError: OSError,
    BrokenPipeError: ConnectionError,
    ConnectionAbortedError: ConnectionError,
    ConnectionRefusedError: ConnectionError,
    ConnectionResetError: ConnectionError,
    ReferenceError: Exception,
    RuntimeError: Exception,
    NotImplementedError: RuntimeError,
    RecursionError: RuntimeError,
    SyntaxError: Exception,
    IndentationError: SyntaxError,
    TabError: IndentationError,
    SystemError: Exception,
    TypeError: Exception,
    ValueError: Exception,
    UnicodeError: ValueError,
    UnicodeDecodeError: UnicodeError,
    UnicodeEncodeError: UnicodeError,
    Warning: Exception,
    UserWarning: Warning,
    DeprecationWarning: Warning,
    RuntimeWarning: Warning,
    SyntaxWarning: Warning,
    FutureWarning: Warning,
}

impl PyErr {
    pub fn new(kind: ExcKind, msg: impl Into<String>) -> Self {
        PyErr::New(kind, msg.into())
    }
}

/// Shorthand constructors for the common errors.
macro_rules! err_ctor {
    ($($f:ident => $k:ident),* $(,)?) => {
        $(pub fn $f(msg: impl Into<String>) -> PyErr { PyErr::New(ExcKind::$k, msg.into()) })*
    };
}
err_ctor! {
    type_error => TypeError,
    value_error => ValueError,
    index_error => IndexError,
    attribute_error => AttributeError,
    name_error => NameError,
    zero_division => ZeroDivisionError,
    overflow_error => OverflowError,
    runtime_error => RuntimeError,
    recursion_error => RecursionError,
    memory_error => MemoryError,
    import_error => ImportError,
    not_implemented => NotImplementedError,
    assertion_error => AssertionError,
    stop_iteration => StopIteration,
}

impl Vm {
    /// The exception object for an error, allocating it if it was created lazily.
    pub fn materialize(&mut self, e: PyErr) -> ObjRef {
        match e {
            PyErr::Obj(r) => r,
            PyErr::New(kind, msg) => {
                let class = self.exc_class(kind);
                let args = if msg.is_empty() && kind != ExcKind::KeyError {
                    self.new_tuple(Vec::new())
                } else {
                    let m = self.new_str(msg);
                    self.new_tuple(vec![m])
                };
                self.new_exception_obj(class, args)
            }
        }
    }

    /// A NameError that remembers the name and the globals it was looked up in (for the
    /// "Did you mean" suggestion).
    pub fn name_error_for(&mut self, name: ObjRef, globals: Option<ObjRef>) -> PyErr {
        let n = self.str_ref(name).to_string();
        let r = self.materialize(name_error(format!("name '{n}' is not defined")));
        let k = self.intern("name");
        if let Obj::Instance(i) = self.heap.get(r) {
            let d = i.dict;
            self.ns_set(d, k, Value::Obj(name));
        }
        if let Some(d) = self.exc_data_mut(r) {
            d.extra = globals.map_or(Value::Undef, Value::Obj);
        }
        PyErr::Obj(r)
    }

    /// An AttributeError with `name` and `obj` set, as CPython's attribute lookup makes them.
    pub fn attr_error_for(&mut self, obj: Value, name: ObjRef, msg: String) -> PyErr {
        let r = self.materialize(attribute_error(msg));
        let (kn, ko) = (self.intern("name"), self.intern("obj"));
        if let Obj::Instance(i) = self.heap.get(r) {
            let d = i.dict;
            self.ns_set(d, kn, Value::Obj(name));
            self.ns_set(d, ko, obj);
        }
        if let Some(d) = self.exc_data_mut(r) {
            d.extra = obj;
        }
        PyErr::Obj(r)
    }

    /// A `traceback` object chain for `exc.__traceback__` (outermost frame first).
    pub fn traceback_object(&mut self, exc: ObjRef) -> Value {
        let entries: Vec<(u32, u32)> = match self.exc_data(exc) {
            Some(d) => d
                .traceback
                .iter()
                .map(|(c, ip)| (c.positions.get(*ip as usize).map_or(0, |p| p.line), *ip))
                .collect(),
            None => return Value::None,
        };
        let cls = match self.types.misc.get("traceback") {
            Some(&c) => c,
            None => return Value::None,
        };
        let mut next = Value::None;
        // Stored innermost first; the chain starts at the outermost frame.
        for (line, ip) in entries {
            let dict = self.heap.alloc(Obj::Dict(Box::default()));
            let fields = [
                ("tb_lineno", Value::Int(line as i64)),
                ("tb_lasti", Value::Int(ip as i64 * 2)),
                ("tb_next", next),
                ("tb_frame", Value::None),
            ];
            for (k, v) in fields {
                let kr = self.intern(k);
                self.ns_set(dict, kr, v);
            }
            let inst = Instance {
                class: cls,
                dict,
                exc: None,
                base: Value::Undef,
                native: None,
            };
            next = Value::Obj(self.heap.alloc(Obj::Instance(Box::new(inst))));
        }
        // The head remembers its exception, so `e2.__traceback__ = e1.__traceback__` (or
        // `with_traceback`) can copy the frames.
        if let Value::Obj(head) = next {
            if let Obj::Instance(i) = self.heap.get(head) {
                let d = i.dict;
                let k = self.intern("_kaa_exc");
                self.ns_set(d, k, Value::Obj(exc));
            }
        }
        next
    }

    /// The frames behind a traceback object made by [`Vm::traceback_object`].
    pub fn traceback_frames(&mut self, tb: Value) -> Option<Vec<(Arc<crate::code::Code>, u32)>> {
        let Value::Obj(r) = tb else { return None };
        let Obj::Instance(i) = self.heap.get(r) else {
            return None;
        };
        let d = i.dict;
        let k = self.intern("_kaa_exc");
        let Value::Obj(src) = self.ns_get(d, k)? else {
            return None;
        };
        self.exc_data(src).map(|d| d.traceback.to_vec())
    }

    /// A KeyError carrying the key itself (its str is the key's repr).
    pub fn key_error(&mut self, key: Value) -> PyErr {
        let class = self.exc_class(ExcKind::KeyError);
        let args = self.new_tuple(vec![key]);
        PyErr::Obj(self.new_exception_obj(class, args))
    }

    /// StopIteration carrying a value (a generator's return value).
    pub fn stop_iteration_with(&mut self, v: Value) -> PyErr {
        let class = self.exc_class(ExcKind::StopIteration);
        let args = if v.is_none() {
            self.new_tuple(Vec::new())
        } else {
            self.new_tuple(vec![v])
        };
        PyErr::Obj(self.new_exception_obj(class, args))
    }

    pub fn new_exception_obj(&mut self, class: ObjRef, args: Value) -> ObjRef {
        let full_args = args;
        // OSError(errno, strerror, filename, ...) keeps only (errno, strerror) as its args.
        let args = match args {
            Value::Obj(t) if self.is_subclass(class, self.exc_class(ExcKind::OSError)) => {
                match self.heap.get(t) {
                    Obj::Tuple(xs) if (3..=5).contains(&xs.len()) => {
                        let two = xs[..2].to_vec();
                        self.new_tuple(two)
                    }
                    _ => args,
                }
            }
            _ => args,
        };
        let exc = Box::new(ExcData {
            args,
            traceback: smallvec::SmallVec::new(),
            cause: Value::None,
            context: Value::None,
            suppress_context: false,
            notes: Value::None,
            extra: Value::Undef,
        });
        let dict = self.heap.alloc(Obj::Dict(Box::default()));
        // OSError(errno, strerror[, filename[, winerror[, filename2]]]) exposes its parts.
        if self.is_subclass(class, self.exc_class(ExcKind::OSError)) {
            let items = self.tuple_items(full_args);
            let parts = (2..=5).contains(&items.len());
            let get = |i: usize| {
                if parts {
                    items.get(i).copied().unwrap_or(Value::None)
                } else {
                    Value::None
                }
            };
            for (name, v) in [
                ("errno", get(0)),
                ("strerror", get(1)),
                ("filename", get(2)),
                ("filename2", get(4)),
            ] {
                let k = self.intern(name);
                self.ns_set(dict, k, v);
            }
        }
        // SyntaxError(msg, (filename, lineno, offset, text[, end_lineno, end_offset])).
        if self.is_subclass(class, self.exc_class(ExcKind::SyntaxError)) {
            let items = self.tuple_items(full_args);
            let mut detail = match items.as_slice() {
                [_, d] => self.tuple_items(*d),
                _ => Vec::new(),
            };
            if !(4..=6).contains(&detail.len()) {
                detail.clear();
            }
            let msg = items.first().copied().unwrap_or(Value::None);
            let part = |i: usize| detail.get(i).copied().unwrap_or(Value::None);
            for (name, v) in [
                ("msg", msg),
                ("filename", part(0)),
                ("lineno", part(1)),
                ("offset", part(2)),
                ("text", part(3)),
                ("end_lineno", part(4)),
                ("end_offset", part(5)),
                ("print_file_and_line", Value::None),
            ] {
                let k = self.intern(name);
                self.ns_set(dict, k, v);
            }
        }
        self.heap.alloc(Obj::Instance(Box::new(Instance {
            class,
            dict,
            exc: Some(exc),
            base: Value::Undef,
            native: None,
        })))
    }

    /// `OSError(errno, ...)` picks the subclass CPython maps that errno to.
    pub fn os_error_subclass(&self, errno: i64) -> Option<ObjRef> {
        let kind = match errno {
            1 | 13 => ExcKind::PermissionError,
            2 => ExcKind::FileNotFoundError,
            3 => ExcKind::ProcessLookupError,
            4 => ExcKind::InterruptedError,
            10 => ExcKind::ChildProcessError,
            11 | 114 | 115 => ExcKind::BlockingIOError,
            17 => ExcKind::FileExistsError,
            20 => ExcKind::NotADirectoryError,
            21 => ExcKind::IsADirectoryError,
            32 => ExcKind::BrokenPipeError,
            103 => ExcKind::ConnectionAbortedError,
            104 => ExcKind::ConnectionResetError,
            110 => ExcKind::TimeoutError,
            111 => ExcKind::ConnectionRefusedError,
            _ => return None,
        };
        Some(self.exc_class(kind))
    }

    pub fn exc_class(&self, kind: ExcKind) -> ObjRef {
        self.types.exceptions[kind as usize]
    }

    /// Is this error an instance of the builtin exception `kind` (or a subclass)?
    pub fn err_matches(&self, e: &PyErr, kind: ExcKind) -> bool {
        match e {
            PyErr::New(k, _) => {
                let mut cur = Some(*k);
                while let Some(c) = cur {
                    if c == kind {
                        return true;
                    }
                    cur = c.parent();
                }
                false
            }
            PyErr::Obj(r) => {
                let cls = self.class_of(Value::Obj(*r));
                self.is_subclass(cls, self.exc_class(kind))
            }
        }
    }

    pub fn exc_data(&self, r: ObjRef) -> Option<&ExcData> {
        match self.heap.get(r) {
            Obj::Instance(i) => i.exc.as_deref(),
            _ => None,
        }
    }

    pub fn exc_data_mut(&mut self, r: ObjRef) -> Option<&mut ExcData> {
        match self.heap.get_mut(r) {
            Obj::Instance(i) => i.exc.as_deref_mut(),
            _ => None,
        }
    }

    /// `ExcType: message` as the last line of a traceback shows it.
    pub fn format_exception_only(&mut self, exc: ObjRef) -> String {
        let cls = self.class_of(Value::Obj(exc));
        let (qual, module) = match self.heap.get(cls) {
            Obj::Class(c) => (c.qualname.clone(), c.module),
            _ => ("?".to_string(), Value::None),
        };
        let module = self.str_of_value_lossy(module);
        let name = if module.is_empty() || module == "builtins" || module == "__main__" {
            qual
        } else {
            format!("{module}.{qual}")
        };
        // SyntaxError prints its location block before the message.
        let is_syntax = self.is_subclass(cls, self.exc_class(ExcKind::SyntaxError));
        if is_syntax {
            if let Some(s) = self.syntax_error_block(exc, &name) {
                return s;
            }
        }
        let msg = match self.str_value(Value::Obj(exc)) {
            Ok(s) => s,
            Err(_) => "<exception str() failed>".to_string(),
        };
        let mut line = if msg.is_empty() {
            name
        } else {
            format!("{name}: {msg}")
        };
        if let Some(s) = self.suggestion_for(exc) {
            line.push_str(&format!(". Did you mean: '{s}'?"));
        }
        line
    }

    fn syntax_error_block(&mut self, exc: ObjRef, name: &str) -> Option<String> {
        let get = |vm: &mut Vm, attr: &str| -> Value {
            let k = vm.intern(attr);
            match vm.heap.get(exc) {
                Obj::Instance(i) => vm.ns_get(i.dict, k).unwrap_or(Value::None),
                _ => Value::None,
            }
        };
        let filename = get(self, "filename");
        let lineno = get(self, "lineno");
        let offset = get(self, "offset");
        let end_offset = get(self, "end_offset");
        let text = get(self, "text");
        let msg = get(self, "msg");
        let msg = self.str_of_value_lossy(msg);
        let mut out = String::new();
        if let (Value::Obj(_), Value::Int(line)) = (filename, lineno) {
            let f = self.str_of_value_lossy(filename);
            out.push_str(&format!("  File \"{f}\", line {line}\n"));
            if let Value::Obj(_) = text {
                let t = self.str_of_value_lossy(text);
                let line_text = t.trim_end_matches('\n');
                let stripped = line_text.trim_start();
                let lead = line_text.chars().count() - stripped.chars().count();
                out.push_str(&format!("    {}\n", stripped.trim_end()));
                let is_indent = self.is_subclass(
                    self.class_of(Value::Obj(exc)),
                    self.exc_class(ExcKind::IndentationError),
                );
                if let Value::Int(off) = offset {
                    // A caret left of the text is not printed (CPython's print_error_text).
                    let zero_based = off - 1 - lead as i64;
                    if zero_based >= 0 {
                        let start = zero_based as usize;
                        let end = match end_offset {
                            Value::Int(e) if e > off && !is_indent => {
                                (e as usize).saturating_sub(1).saturating_sub(lead)
                            }
                            _ => start + 1,
                        };
                        let width = stripped.trim_end().chars().count();
                        let start = start.min(width);
                        let end = end.min(width.max(start + 1));
                        out.push_str(&format!(
                            "    {}{}\n",
                            " ".repeat(start),
                            "^".repeat((end - start).max(1))
                        ));
                    }
                }
            }
        }
        out.push_str(name);
        if !msg.is_empty() {
            out.push_str(": ");
            out.push_str(&msg);
        }
        Some(out)
    }

    /// The whole traceback text of an uncaught exception, with its chain, as CPython prints it
    /// (exception groups in CPython's boxed layout).
    pub fn format_traceback(&mut self, exc: ObjRef) -> String {
        let mut ctx = TbCtx::default();
        self.format_with_chain(exc, &mut ctx)
    }

    fn format_with_chain(&mut self, exc: ObjRef, ctx: &mut TbCtx) -> String {
        let mut chain: Vec<(ObjRef, &'static str)> = Vec::new();
        let mut seen: Vec<ObjRef> = Vec::new();
        let mut cur = Some((exc, ""));
        while let Some((e, sep)) = cur {
            if seen.contains(&e) || seen.len() > 100 {
                break;
            }
            seen.push(e);
            chain.push((e, sep));
            cur = None;
            if let Some(d) = self.exc_data(e) {
                if let Value::Obj(c) = d.cause {
                    cur = Some((c, "\nThe above exception was the direct cause of the following exception:\n\n"));
                } else if let (Value::Obj(c), false) = (d.context, d.suppress_context) {
                    cur = Some((
                        c,
                        "\nDuring handling of the above exception, another exception occurred:\n\n",
                    ));
                }
            }
        }
        // Oldest first; each entry's separator says how the next (newer) one relates to it.
        let mut out = String::new();
        for (e, sep) in chain.iter().rev() {
            match self.group_members(*e) {
                Some(members) => out.push_str(&self.format_group(*e, members, ctx)),
                None => {
                    let text = self.format_one(*e);
                    out.push_str(&ctx.emit(&text, '|'));
                }
            }
            out.push_str(&ctx.emit(sep, '|'));
        }
        out
    }

    /// The sub-exceptions of an exception group (None for other exceptions).
    fn group_members(&mut self, exc: ObjRef) -> Option<Vec<ObjRef>> {
        let cls = self.class_of(Value::Obj(exc));
        let is_group = self
            .mro(cls)
            .iter()
            .any(|&c| matches!(self.heap.get(c), Obj::Class(k) if k.name == "BaseExceptionGroup"));
        if !is_group {
            return None;
        }
        let members = self.get_attr_str(Value::Obj(exc), "exceptions").ok()?;
        let items = self.iterate(members).ok()?;
        Some(items.into_iter().filter_map(|v| v.as_obj()).collect())
    }

    fn format_group(&mut self, exc: ObjRef, members: Vec<ObjRef>, ctx: &mut TbCtx) -> String {
        const MAX_WIDTH: usize = 15;
        const MAX_DEPTH: usize = 10;
        let mut out = String::new();
        if ctx.depth > MAX_DEPTH {
            return ctx.emit(&format!("... (max_group_depth is {MAX_DEPTH})\n"), '|');
        }
        let top = ctx.depth == 0;
        if top {
            ctx.depth += 1;
        }
        let stack = self.format_stack(exc);
        if !stack.is_empty() {
            out.push_str(&ctx.emit(
                "Exception Group Traceback (most recent call last):\n",
                if top { '+' } else { '|' },
            ));
            out.push_str(&ctx.emit(&stack, '|'));
        }
        let tail = self.format_tail(exc);
        out.push_str(&ctx.emit(&tail, '|'));
        let n = members.len().min(MAX_WIDTH + 1);
        ctx.need_close = false;
        for i in 0..n {
            let last = i + 1 == n;
            if last {
                ctx.need_close = true;
            }
            let truncated = i >= MAX_WIDTH;
            let title = if truncated {
                "...".to_string()
            } else {
                (i + 1).to_string()
            };
            out.push_str(&format!(
                "{}{}+---------------- {title} ----------------\n",
                ctx.indent(),
                if i == 0 { "+-" } else { "  " }
            ));
            ctx.depth += 1;
            if truncated {
                let remaining = members.len() - MAX_WIDTH;
                out.push_str(&ctx.emit(
                    &format!(
                        "and {remaining} more exception{}\n",
                        if remaining > 1 { "s" } else { "" }
                    ),
                    '|',
                ));
            } else {
                out.push_str(&self.format_with_chain(members[i], ctx));
            }
            if last && ctx.need_close {
                out.push_str(&format!(
                    "{}+------------------------------------\n",
                    ctx.indent()
                ));
                ctx.need_close = false;
            }
            ctx.depth -= 1;
        }
        if top {
            ctx.depth = 0;
        }
        out
    }

    fn format_one(&mut self, exc: ObjRef) -> String {
        let mut out = String::new();
        let stack = self.format_stack(exc);
        if !stack.is_empty() {
            out.push_str("Traceback (most recent call last):\n");
            out.push_str(&stack);
        }
        out.push_str(&self.format_tail(exc));
        out
    }

    /// The `File ...` lines of an exception's traceback (empty if it was never raised).
    fn format_stack(&mut self, exc: ObjRef) -> String {
        let mut out = String::new();
        let tb: Vec<(std::sync::Arc<crate::code::Code>, u32)> = self
            .exc_data(exc)
            .map(|d| d.traceback.to_vec())
            .unwrap_or_default();
        let mut last: Option<(String, u32, String)> = None;
        let mut repeat = 0;
        for (code, ip) in tb.iter().rev() {
            if code.filename.starts_with("<frozen ") {
                continue;
            }
            let pos = code
                .positions
                .get(*ip as usize)
                .copied()
                .unwrap_or_default();
            let key = (code.filename.to_string(), pos.line, code.name.clone());
            if last.as_ref() == Some(&key) {
                repeat += 1;
                if repeat >= 3 {
                    continue;
                }
            } else {
                if repeat >= 3 {
                    let n = repeat - 2;
                    out.push_str(&format!(
                        "  [Previous line repeated {} more time{}]\n",
                        n,
                        if n > 1 { "s" } else { "" }
                    ));
                }
                repeat = 0;
            }
            last = Some(key);
            out.push_str(&format!(
                "  File \"{}\", line {}, in {}\n",
                code.filename, pos.line, code.name
            ));
            if let Some(src) = self.source_line(&code.filename, pos.line) {
                out.push_str(&format_source_with_carets(&src, pos));
            }
        }
        if repeat >= 3 {
            let n = repeat - 2;
            out.push_str(&format!(
                "  [Previous line repeated {} more time{}]\n",
                n,
                if n > 1 { "s" } else { "" }
            ));
        }
        out
    }

    /// `ExcType: message` and the PEP 678 notes, one per line.
    fn format_tail(&mut self, exc: ObjRef) -> String {
        let mut out = self.format_exception_only(exc);
        out.push('\n');
        let notes = self.exc_data(exc).map(|d| d.notes).unwrap_or(Value::None);
        if let Value::Obj(_) = notes {
            if let Ok(items) = self.iterate(notes) {
                for n in items {
                    let s = self.str_value(n).unwrap_or_default();
                    out.push_str(&s);
                    out.push('\n');
                }
            }
        }
        out
    }

    fn source_line(&self, filename: &str, line: u32) -> Option<String> {
        let src = self.sources.get(filename)?;
        src.lines()
            .nth(line.checked_sub(1)? as usize)
            .map(|s| s.to_string())
    }
}

/// The source line (stripped, indented by 4) and, when they add information, the carets.
fn format_source_with_carets(line: &str, pos: crate::ast::Pos) -> String {
    let chars: Vec<char> = line.chars().collect();
    let stripped_start = chars.iter().take_while(|c| c.is_whitespace()).count();
    let trimmed: String = chars[stripped_start..]
        .iter()
        .collect::<String>()
        .trim_end()
        .to_string();
    if trimmed.is_empty() {
        return String::new();
    }
    let mut out = format!("    {trimmed}\n");
    if pos.line == 0 || (pos.col == 0 && pos.end_col == 0 && pos.end_line == pos.line) {
        return out;
    }
    let start = pos.col as usize;
    let line_len = stripped_start + trimmed.chars().count();
    let mut end = if pos.end_line != pos.line {
        line_len
    } else {
        pos.end_col as usize
    };
    if end > chars.len() {
        end = chars.len();
    }
    if start >= end {
        return out;
    }
    let mut anchors = None;
    if pos.end_line == pos.line {
        let segment: String = chars[start..end].iter().collect();
        anchors = caret_anchors(&segment);
    }
    let stripped_len = trimmed.chars().count();
    if end - start == stripped_len && anchors.is_none() {
        return out;
    }
    let mut carets = String::new();
    for i in 0..(end - start) {
        let c = match anchors {
            Some((l, r)) if i >= l && i < r => '^',
            Some(_) => '~',
            None => '^',
        };
        carets.push(c);
    }
    out.push_str(&format!(
        "    {}{}\n",
        " ".repeat(start.saturating_sub(stripped_start)),
        carets
    ));
    out
}

/// CPython 3.11's anchors: for a binary operation, the operator; for a subscript, the brackets.
fn caret_anchors(segment: &str) -> Option<(usize, usize)> {
    let body = crate::parser::parse_module(segment).ok()?;
    if body.len() != 1 {
        return None;
    }
    let StmtKind::Expr(e) = &body[0].kind else {
        return None;
    };
    let chars: Vec<char> = segment.chars().collect();
    match &e.kind {
        ExprKind::BinOp(left, _, right) => {
            if left.pos.end_line != 1 || right.pos.line != 1 {
                return None;
            }
            let (lend, rstart) = (left.pos.end_col as usize, right.pos.col as usize);
            let mut i = lend;
            while i < rstart {
                let c = *chars.get(i)?;
                if c.is_whitespace() {
                    i += 1;
                    continue;
                }
                let mut r = i + 1;
                if i + 1 < rstart && !chars.get(i + 1).is_some_and(|c| c.is_whitespace()) {
                    r += 1;
                }
                if i + 1 < rstart && c == ')' {
                    i += 1;
                    continue;
                }
                return Some((i, r));
            }
            None
        }
        ExprKind::Subscript(value, slice) => {
            if value.pos.end_line != 1 || slice.pos.end_line != 1 {
                return None;
            }
            Some((value.pos.end_col as usize, slice.pos.end_col as usize + 1))
        }
        _ => None,
    }
}

/// Where traceback text goes when exception groups nest (CPython's _ExceptionPrintContext).
#[derive(Default)]
struct TbCtx {
    depth: usize,
    need_close: bool,
}

impl TbCtx {
    fn indent(&self) -> String {
        " ".repeat(2 * self.depth)
    }

    /// `text` with every line prefixed by the indent and, inside a group, the margin.
    fn emit(&self, text: &str, margin: char) -> String {
        if self.depth == 0 {
            return text.to_string();
        }
        let prefix = format!("{}{margin} ", self.indent());
        text.split_inclusive('\n')
            .map(|line| format!("{prefix}{line}"))
            .collect()
    }
}
