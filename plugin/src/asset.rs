//! `.py` files as Bevy assets. The loader compiles each script once to check it, so a syntax
//! error is an asset load failure (and a [`ScriptError`] message) and never reaches a VM.

use bevy::asset::io::Reader;
use bevy::asset::{Asset, AssetLoader, LoadContext};
use bevy::ecs::message::Message;
use bevy::reflect::TypePath;
use std::fmt;

/// A script's source, as loaded from disk.
#[derive(Asset, TypePath, Debug, Clone)]
pub struct ScriptAsset {
    /// The asset path (`scripts/paddle.py`), used as the file name in tracebacks.
    pub path: String,
    pub source: String,
    /// Changes whenever the text does (or an imported script's): the runner reloads modules
    /// whose hash moved.
    pub hash: u64,
    /// Other scripts this one imports (found next to it, then at the asset root), innermost
    /// dependencies first. They are read as loader dependencies, so editing one reloads this.
    pub imports: Vec<ImportedScript>,
}

/// A script module another script imports.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ImportedScript {
    /// The name it is imported by (`helpers`, `lib.vectors`).
    pub module: String,
    pub path: String,
    pub source: String,
    pub hash: u64,
}

/// Module names a script imports (`import a.b`, `from a import b`), from a line scan: imports
/// in strings or behind backslash continuations are missed, which only costs a reload edge.
pub fn imported_names(source: &str) -> Vec<String> {
    let mut out = Vec::new();
    for line in source.lines() {
        let t = line.trim_start();
        let rest = if let Some(r) = t.strip_prefix("import ") {
            r
        } else if let Some(r) = t.strip_prefix("from ") {
            r.split(" import").next().unwrap_or("")
        } else {
            continue;
        };
        for part in rest.split(',') {
            let name = part.split_whitespace().next().unwrap_or("");
            if !name.is_empty()
                && !name.starts_with('.')
                && name
                    .chars()
                    .all(|c| c.is_alphanumeric() || c == '_' || c == '.')
                && !out.iter().any(|n| n == name)
            {
                out.push(name.to_string());
            }
        }
    }
    out
}

/// A script failed: a compile error (file, line, column, source line) or an exception with
/// its traceback. Written as a Bevy message; the game keeps running.
#[derive(Message, Debug, Clone, PartialEq, Eq)]
pub struct ScriptError {
    pub path: String,
    /// 1-based, when known.
    pub line: Option<u32>,
    pub column: Option<u32>,
    pub source_line: Option<String>,
    /// `SyntaxError: invalid syntax`, `ZeroDivisionError: division by zero`, ...
    pub message: String,
    /// CPython-style traceback text (empty for compile errors found by the loader).
    pub traceback: String,
}

impl fmt::Display for ScriptError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        if !self.traceback.is_empty() {
            return f.write_str(self.traceback.trim_end());
        }
        match (self.line, self.column) {
            (Some(l), Some(c)) => write!(f, "{}:{l}:{c}: {}", self.path, self.message)?,
            (Some(l), None) => write!(f, "{}:{l}: {}", self.path, self.message)?,
            _ => write!(f, "{}: {}", self.path, self.message)?,
        }
        if let Some(src) = &self.source_line {
            write!(f, "\n    {}", src.trim_end())?;
            if let Some(c) = self.column {
                write!(f, "\n    {}^", " ".repeat((c as usize).saturating_sub(1)))?;
            }
        }
        Ok(())
    }
}

impl std::error::Error for ScriptError {}

impl ScriptError {
    /// A script error from the interpreter's report.
    pub fn from_report(path: &str, r: &kaa::ScriptError) -> Self {
        // The innermost `File "x", line N` of the traceback, for tools that want a position.
        let mut line = None;
        let mut source_line = None;
        let mut file = None;
        let lines: Vec<&str> = r.traceback.lines().collect();
        for (i, l) in lines.iter().enumerate() {
            let t = l.trim_start();
            if let Some(rest) = t.strip_prefix("File \"") {
                if let Some((f, after)) = rest.split_once("\", line ") {
                    file = Some(f.to_string());
                    let n: String = after.chars().take_while(|c| c.is_ascii_digit()).collect();
                    line = n.parse().ok();
                    source_line = lines.get(i + 1).map(|s| s.trim().to_string());
                }
            }
        }
        let column = if r.type_name == "SyntaxError" || r.type_name == "IndentationError" {
            syntax_column(&r.traceback)
        } else {
            None
        };
        ScriptError {
            path: if path.is_empty() {
                file.unwrap_or_default()
            } else {
                path.to_string()
            },
            line,
            column,
            source_line,
            message: format!("{}: {}", r.type_name, r.message),
            traceback: r.traceback.clone(),
        }
    }
}

/// The caret's column in a SyntaxError report, counted in the printed (dedented) source line.
fn syntax_column(tb: &str) -> Option<u32> {
    let lines: Vec<&str> = tb.lines().collect();
    let i = lines
        .iter()
        .rposition(|l| l.trim_start().starts_with('^'))?;
    let src = lines.get(i.checked_sub(1)?)?;
    let src_indent = src.len() - src.trim_start().len();
    let caret = lines[i].len() - lines[i].trim_start().len();
    Some((caret.saturating_sub(src_indent) + 1) as u32)
}

/// Script errors found outside the runner (the asset loader, failed tasks), waiting to be sent
/// as [`ScriptError`] messages.
#[derive(bevy::prelude::Resource, Clone, Default)]
pub struct PendingErrors(pub(crate) std::sync::Arc<std::sync::Mutex<ErrorQueue>>);

#[derive(Default)]
pub struct ErrorQueue {
    waiting: Vec<ScriptError>,
    /// Loader errors reported lately: one broken save fails the file and every script that
    /// imports it (and the asset server retries), all with the same error: report it once.
    recent: Vec<(ScriptError, std::time::Instant)>,
}

/// How long an identical loader error stays a duplicate.
const REPEAT_WINDOW: std::time::Duration = std::time::Duration::from_secs(2);

impl PendingErrors {
    pub fn push(&self, e: ScriptError) {
        let mut q = self.0.lock().unwrap_or_else(|p| p.into_inner());
        q.waiting.push(e);
    }

    /// A load failure: skipped if the same error was reported moments ago.
    pub fn push_load_error(&self, e: ScriptError) {
        let mut q = self.0.lock().unwrap_or_else(|p| p.into_inner());
        let now = std::time::Instant::now();
        q.recent
            .retain(|(_, at)| now.duration_since(*at) < REPEAT_WINDOW);
        if q.recent.iter().any(|(r, _)| *r == e) {
            return;
        }
        q.recent.push((e.clone(), now));
        q.waiting.push(e);
    }

    pub fn take(&self) -> Vec<ScriptError> {
        std::mem::take(&mut self.0.lock().unwrap_or_else(|p| p.into_inner()).waiting)
    }
}

/// Loads `.py` files into [`ScriptAsset`]s.
#[derive(TypePath)]
pub struct ScriptLoader {
    errors: PendingErrors,
}

impl bevy::prelude::FromWorld for ScriptLoader {
    fn from_world(world: &mut bevy::prelude::World) -> Self {
        ScriptLoader {
            errors: world.get_resource_or_init::<PendingErrors>().clone(),
        }
    }
}

/// Why a script did not load.
#[derive(Debug)]
pub enum ScriptLoadError {
    Io(std::io::Error),
    NotUtf8(String),
    Compile(ScriptError),
}

impl fmt::Display for ScriptLoadError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            ScriptLoadError::Io(e) => write!(f, "{e}"),
            ScriptLoadError::NotUtf8(p) => write!(f, "{p}: not UTF-8 text"),
            ScriptLoadError::Compile(e) => write!(f, "{e}"),
        }
    }
}

impl std::error::Error for ScriptLoadError {}

/// Compile `source` in a throwaway VM: a syntax error comes back as a [`ScriptError`].
pub fn check_syntax(path: &str, source: &str) -> Result<(), ScriptError> {
    let mut vm = kaa::Vm::new();
    match vm.compile(source, path, kaa::Mode::Exec) {
        Ok(_) => Ok(()),
        Err(e) => {
            let report = vm.error_report(e);
            let mut err = ScriptError::from_report(path, &report);
            // Tracebacks print the line dedented: give the column in the file's own line.
            if let (Some(l), Some(c)) = (err.line, err.column) {
                if let Some(text) = source.lines().nth(l as usize - 1) {
                    let indent = text.len() - text.trim_start().len();
                    err.column = Some(c + indent as u32);
                    err.source_line = Some(text.to_string());
                }
            }
            Err(err)
        }
    }
}

pub fn hash_text(s: &str) -> u64 {
    use std::hash::{Hash, Hasher};
    let mut h = std::collections::hash_map::DefaultHasher::new();
    s.hash(&mut h);
    h.finish()
}

/// Read the scripts `source` imports, depth-first (dependencies before dependents). A name
/// with no script file (a stdlib module) is skipped. An imported script with a syntax error
/// fails the importer's load too: on a hot reload the importer keeps its old code (with its
/// old imports) instead of running into the error.
fn collect_imports<'a>(
    ctx: &'a mut LoadContext<'_>,
    importer: &'a str,
    source: &'a str,
    out: &'a mut Vec<ImportedScript>,
    seen: &'a mut Vec<String>,
    depth: usize,
) -> std::pin::Pin<Box<dyn std::future::Future<Output = Result<(), ScriptError>> + Send + 'a>> {
    Box::pin(async move {
        if depth > 16 {
            return Ok(());
        }
        let dir = importer.rsplit_once('/').map_or("", |(d, _)| d);
        for module in imported_names(source) {
            let rel = format!("{}.py", module.replace('.', "/"));
            let candidates = if dir.is_empty() {
                vec![rel.clone()]
            } else {
                vec![format!("{dir}/{rel}"), rel.clone()]
            };
            for cand in candidates {
                if seen.contains(&cand) {
                    break;
                }
                let Ok(bytes) = ctx.read_asset_bytes(cand.clone()).await else {
                    continue;
                };
                let Ok(text) = String::from_utf8(bytes) else {
                    break;
                };
                check_syntax(&cand, &text)?;
                seen.push(cand.clone());
                collect_imports(ctx, &cand, &text, out, seen, depth + 1).await?;
                out.push(ImportedScript {
                    module: module.clone(),
                    path: cand,
                    hash: hash_text(&text),
                    source: text,
                });
                break;
            }
        }
        Ok(())
    })
}

impl AssetLoader for ScriptLoader {
    type Asset = ScriptAsset;
    type Settings = ();
    type Error = ScriptLoadError;

    async fn load(
        &self,
        reader: &mut dyn Reader,
        _settings: &(),
        load_context: &mut LoadContext<'_>,
    ) -> Result<ScriptAsset, ScriptLoadError> {
        let path = load_context.path().to_string();
        let mut bytes = Vec::new();
        reader
            .read_to_end(&mut bytes)
            .await
            .map_err(ScriptLoadError::Io)?;
        let source =
            String::from_utf8(bytes).map_err(|_| ScriptLoadError::NotUtf8(path.clone()))?;
        let mut imports = Vec::new();
        let mut seen = vec![path.clone()];
        let checked = match check_syntax(&path, &source) {
            Ok(()) => {
                collect_imports(load_context, &path, &source, &mut imports, &mut seen, 0).await
            }
            Err(e) => Err(e),
        };
        if let Err(e) = checked {
            self.errors.push_load_error(e.clone());
            return Err(ScriptLoadError::Compile(e));
        }
        let mut hash = hash_text(&source);
        for i in &imports {
            hash = hash.rotate_left(7) ^ i.hash;
        }
        Ok(ScriptAsset {
            hash,
            path,
            source,
            imports,
        })
    }

    fn extensions(&self) -> &[&str] {
        &["py"]
    }
}
