//! "Did you mean: 'x'?" for NameError and AttributeError, computed at print time exactly as
//! CPython 3.11's `Python/suggestions.c` does (same costs, same limits, same tie-breaking).

use crate::object::Obj;
use crate::value::{ObjRef, Value};
use crate::vm::exc::ExcKind;
use crate::vm::Vm;

const MAX_CANDIDATE_ITEMS: usize = 750;
const MAX_STRING_SIZE: usize = 40;
const MOVE_COST: usize = 2;
const CASE_COST: usize = 1;

/// CPython's builtins, in the order of its builtins module dict (ties go to the first).
const BUILTIN_ORDER: &[&str] = &[
    "__name__",
    "__doc__",
    "__package__",
    "__loader__",
    "__spec__",
    "__build_class__",
    "__import__",
    "abs",
    "all",
    "any",
    "ascii",
    "bin",
    "breakpoint",
    "callable",
    "chr",
    "compile",
    "delattr",
    "dir",
    "divmod",
    "eval",
    "exec",
    "format",
    "getattr",
    "globals",
    "hasattr",
    "hash",
    "hex",
    "id",
    "input",
    "isinstance",
    "issubclass",
    "iter",
    "aiter",
    "len",
    "locals",
    "max",
    "min",
    "next",
    "anext",
    "oct",
    "ord",
    "pow",
    "print",
    "repr",
    "round",
    "setattr",
    "sorted",
    "sum",
    "vars",
    "None",
    "Ellipsis",
    "NotImplemented",
    "False",
    "True",
    "bool",
    "memoryview",
    "bytearray",
    "bytes",
    "classmethod",
    "complex",
    "dict",
    "enumerate",
    "filter",
    "float",
    "frozenset",
    "property",
    "int",
    "list",
    "map",
    "object",
    "range",
    "reversed",
    "set",
    "slice",
    "staticmethod",
    "str",
    "super",
    "tuple",
    "type",
    "zip",
    "__debug__",
    "BaseException",
    "BaseExceptionGroup",
    "Exception",
    "GeneratorExit",
    "KeyboardInterrupt",
    "SystemExit",
    "ArithmeticError",
    "AssertionError",
    "AttributeError",
    "BufferError",
    "EOFError",
    "ImportError",
    "LookupError",
    "MemoryError",
    "NameError",
    "OSError",
    "ReferenceError",
    "RuntimeError",
    "StopAsyncIteration",
    "StopIteration",
    "SyntaxError",
    "SystemError",
    "TypeError",
    "ValueError",
    "Warning",
    "FloatingPointError",
    "OverflowError",
    "ZeroDivisionError",
    "BytesWarning",
    "DeprecationWarning",
    "EncodingWarning",
    "FutureWarning",
    "ImportWarning",
    "PendingDeprecationWarning",
    "ResourceWarning",
    "RuntimeWarning",
    "SyntaxWarning",
    "UnicodeWarning",
    "UserWarning",
    "BlockingIOError",
    "ChildProcessError",
    "ConnectionError",
    "FileExistsError",
    "FileNotFoundError",
    "InterruptedError",
    "IsADirectoryError",
    "NotADirectoryError",
    "PermissionError",
    "ProcessLookupError",
    "TimeoutError",
    "IndentationError",
    "IndexError",
    "KeyError",
    "ModuleNotFoundError",
    "NotImplementedError",
    "RecursionError",
    "UnboundLocalError",
    "UnicodeError",
    "BrokenPipeError",
    "ConnectionAbortedError",
    "ConnectionRefusedError",
    "ConnectionResetError",
    "TabError",
    "UnicodeDecodeError",
    "UnicodeEncodeError",
    "UnicodeTranslateError",
    "ExceptionGroup",
    "EnvironmentError",
    "IOError",
    "open",
    "quit",
    "exit",
    "copyright",
    "credits",
    "license",
    "help",
];

fn substitution_cost(a: u8, b: u8) -> usize {
    if (a & 31) != (b & 31) {
        return MOVE_COST;
    }
    if a == b {
        return 0;
    }
    if a.eq_ignore_ascii_case(&b) {
        return CASE_COST;
    }
    MOVE_COST
}

fn levenshtein<'a>(mut a: &'a [u8], mut b: &'a [u8], max_cost: usize) -> usize {
    while !a.is_empty() && !b.is_empty() && a[0] == b[0] {
        a = &a[1..];
        b = &b[1..];
    }
    while !a.is_empty() && !b.is_empty() && a[a.len() - 1] == b[b.len() - 1] {
        a = &a[..a.len() - 1];
        b = &b[..b.len() - 1];
    }
    if a.is_empty() || b.is_empty() {
        return (a.len() + b.len()) * MOVE_COST;
    }
    if a.len() > MAX_STRING_SIZE || b.len() > MAX_STRING_SIZE {
        return max_cost + 1;
    }
    if b.len() < a.len() {
        std::mem::swap(&mut a, &mut b);
    }
    if (b.len() - a.len()) * MOVE_COST > max_cost {
        return max_cost + 1;
    }
    let mut buffer: Vec<usize> = (1..=a.len()).map(|i| i * MOVE_COST).collect();
    let mut result = 0;
    for (bi, &code) in b.iter().enumerate() {
        let mut distance = bi * MOVE_COST;
        result = distance;
        let mut minimum = usize::MAX;
        for (ai, &ac) in a.iter().enumerate() {
            let substitute = distance + substitution_cost(code, ac);
            distance = buffer[ai];
            let insert_delete = result.min(distance) + MOVE_COST;
            result = insert_delete.min(substitute);
            buffer[ai] = result;
            minimum = minimum.min(result);
        }
        if minimum > max_cost {
            return max_cost + 1;
        }
    }
    result
}

/// The closest candidate to `name`, as CPython picks it.
pub fn best_match(candidates: &[String], name: &str) -> Option<String> {
    if candidates.len() >= MAX_CANDIDATE_ITEMS {
        return None;
    }
    let mut best: Option<&String> = None;
    let mut best_dist = usize::MAX;
    for c in candidates {
        if c == name {
            continue;
        }
        let mut max_distance = (name.len() + c.len() + 3) * MOVE_COST / 6;
        max_distance = max_distance.min(best_dist.saturating_sub(1));
        let d = levenshtein(name.as_bytes(), c.as_bytes(), max_distance);
        if d > max_distance {
            continue;
        }
        if best.is_none() || d < best_dist {
            best = Some(c);
            best_dist = d;
        }
    }
    best.cloned()
}

impl Vm {
    fn dict_key_names(&self, d: ObjRef) -> Vec<String> {
        match self.heap.get(d) {
            Obj::Dict(dd) => dd
                .iter()
                .filter_map(|e| self.as_str(e.key).map(|s| s.to_string()))
                .collect(),
            _ => Vec::new(),
        }
    }

    /// The suggestion for an uncaught NameError or AttributeError, if any.
    pub fn suggestion_for(&mut self, exc: ObjRef) -> Option<String> {
        let cls = self.class_of(Value::Obj(exc));
        let name_k = self.intern("name");
        let dict = match self.heap.get(exc) {
            Obj::Instance(i) => i.dict,
            _ => return None,
        };
        let name = self.ns_get(dict, name_k)?;
        let name = self.as_str(name)?.to_string();
        if cls == self.exc_class(ExcKind::NameError) {
            let (code, _) = self.exc_data(exc)?.traceback.first()?.clone();
            let extra = self.exc_data(exc)?.extra;
            let mut locals: Vec<String> = code.varnames.clone();
            locals.extend(code.cellvars.iter().cloned());
            locals.extend(code.freevars.iter().cloned());
            if let Some(s) = best_match(&locals, &name) {
                return Some(s);
            }
            if let Value::Obj(g) = extra {
                let globals = self.dict_key_names(g);
                if let Some(s) = best_match(&globals, &name) {
                    return Some(s);
                }
            }
            let bd = self.module_dict(self.builtins);
            let ours = self.dict_key_names(bd);
            let mut ordered: Vec<String> = BUILTIN_ORDER.iter().map(|s| s.to_string()).collect();
            ordered.extend(
                ours.into_iter()
                    .filter(|n| !BUILTIN_ORDER.contains(&n.as_str())),
            );
            return best_match(&ordered, &name);
        }
        if self.is_subclass(cls, self.exc_class(ExcKind::AttributeError)) {
            let obj = self.exc_data(exc)?.extra;
            if matches!(obj, Value::Undef) {
                return None;
            }
            let names = crate::builtins::dir_of(self, obj).ok()?;
            return best_match(&names, &name);
        }
        None
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn matches_cpython_choices() {
        let c: Vec<String> = ["append", "extend", "insert"]
            .iter()
            .map(|s| s.to_string())
            .collect();
        assert_eq!(best_match(&c, "apend").as_deref(), Some("append"));
        assert_eq!(best_match(&c, "zzzzzz"), None);
    }
}
