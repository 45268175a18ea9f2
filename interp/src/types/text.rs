//! The text of a `str`: up to 30 bytes inline in the heap slot (names, dict keys, words,
//! digits, formatted fields: most strings a script makes), longer text in one heap allocation. An inline string
//! costs no allocation and no pointer chase; a million short strings take half the memory.

//!
//! Concatenation results are views of a growable buffer ([`Text::concat`]): when the left
//! operand is the longest view of its buffer, the right one is appended in place, so
//! `s += t` in a loop is linear (CPython gets the same by resizing a string whose reference
//! count is one; a tracing collector cannot know that, but "nobody has looked past my end"
//! is enough: older, shorter views keep seeing their own prefix).

use std::cell::{Cell, UnsafeCell};
use std::fmt;
use std::ops::Deref;
use std::sync::Arc;

/// Short text: inline, with its hash cached beside it.
const SHORT: usize = 22;
/// Medium text: inline in the whole payload, its hash computed when asked (strings of this
/// length are seldom dict keys; keeping them out of a separate allocation saves more).
const MEDIUM: usize = 30;
/// The char count of text too long for a `u32` count: counted when asked.
const CHARS_UNKNOWN: u32 = u32::MAX;
/// A hash cell's "not computed yet" (CPython's hashes are never -1).
const NO_HASH: i64 = -1;

/// The growable buffer behind [`Text::Shared`] views.
pub struct SharedBuf(UnsafeCell<String>);

// SAFETY: a buffer is reachable only from the `str` objects of one VM's heap (cloning a
// `Text` copies a shared view out into its own text, so no buffer leaves the heap it was made
// in), and a VM is used by one thread at a time; the only mutation is `Text::concat`, whose
// contract rules out borrows of the buffer's text at that moment.
unsafe impl Send for SharedBuf {}
unsafe impl Sync for SharedBuf {}

impl SharedBuf {
    /// Bytes written so far (the longest view's length).
    fn written(&self) -> usize {
        // SAFETY: reading the length; no mutation is in progress (see `concat`).
        unsafe { (&*self.0.get()).len() }
    }
}

/// The text, its char count (`len(s)` in O(1); equal to the byte length when the text is
/// ASCII, which makes indexing O(1)) and its cached hash, in 32 bytes: a heap slot's payload.
/// Inline text has its char count recounted when asked (at most 30 bytes).
pub enum Text {
    /// Invariant (both inline kinds): `buf[..len]` is valid UTF-8.
    Short {
        len: u8,
        buf: [u8; SHORT],
        hash: Cell<i64>,
    },
    Medium {
        len: u8,
        buf: [u8; MEDIUM],
    },
    Heap {
        chars: u32,
        hash: Cell<i64>,
        s: Box<str>,
    },
    /// The first `len` bytes of a buffer (a char boundary: `len` was the buffer's length once).
    /// `own` is what this view added to the buffer: what memory accounting charges it, so a
    /// loop of appends is charged the buffer once, not every prefix again. Only for text
    /// shorter than 4 GiB (longer concatenations are `Heap`).
    Shared {
        chars: u32,
        len: u32,
        own: u32,
        hash: Cell<i64>,
        buf: Arc<SharedBuf>,
    },
}

const _: () = assert!(std::mem::size_of::<Text>() == 32);

impl Clone for Text {
    fn clone(&self) -> Text {
        match self {
            Text::Short { len, buf, hash } => Text::Short {
                len: *len,
                buf: *buf,
                hash: hash.clone(),
            },
            Text::Medium { len, buf } => Text::Medium {
                len: *len,
                buf: *buf,
            },
            Text::Heap { chars, hash, s } => Text::Heap {
                chars: *chars,
                hash: hash.clone(),
                s: s.clone(),
            },
            // A copy of its own: buffers never leave the heap that grows them.
            Text::Shared { chars, hash, .. } => Text::Heap {
                chars: *chars,
                hash: hash.clone(),
                s: self.as_str().into(),
            },
        }
    }
}

/// The number of chars in `s` (its length when it is ASCII).
pub fn count_chars(s: &str) -> usize {
    if s.is_ascii() {
        s.len()
    } else {
        s.chars().count()
    }
}

fn chars_u32(n: usize) -> u32 {
    u32::try_from(n).unwrap_or(CHARS_UNKNOWN)
}

/// `s` inline, when it fits.
fn inline(s: &str) -> Option<Text> {
    if s.len() <= SHORT {
        let mut buf = [0; SHORT];
        buf[..s.len()].copy_from_slice(s.as_bytes());
        Some(Text::Short {
            len: s.len() as u8,
            buf,
            hash: Cell::new(NO_HASH),
        })
    } else if s.len() <= MEDIUM {
        let mut buf = [0; MEDIUM];
        buf[..s.len()].copy_from_slice(s.as_bytes());
        Some(Text::Medium {
            len: s.len() as u8,
            buf,
        })
    } else {
        None
    }
}

impl Text {
    pub fn new(s: &str) -> Text {
        inline(s).unwrap_or_else(|| Text::heap(s.into(), count_chars(s)))
    }

    pub fn from_string(s: String) -> Text {
        inline(&s).unwrap_or_else(|| {
            let chars = count_chars(&s);
            Text::heap(s.into_boxed_str(), chars)
        })
    }

    /// `s`, with `chars` chars, in an allocation of its own.
    fn heap(s: Box<str>, chars: usize) -> Text {
        Text::Heap {
            chars: chars_u32(chars),
            hash: Cell::new(NO_HASH),
            s,
        }
    }

    #[inline]
    pub fn as_str(&self) -> &str {
        match self {
            Text::Short { len, buf, .. } => {
                // SAFETY: `buf[..len]` was copied from a `&str` (the invariant above).
                unsafe { std::str::from_utf8_unchecked(&buf[..*len as usize]) }
            }
            Text::Medium { len, buf } => {
                // SAFETY: as above.
                unsafe { std::str::from_utf8_unchecked(&buf[..*len as usize]) }
            }
            Text::Heap { s, .. } => s,
            Text::Shared { buf, len, .. } => {
                // SAFETY: bytes below `written()` are never changed, `len` is at most that and
                // a char boundary; the buffer is not reallocated while this borrow lives (see
                // `concat`'s contract).
                unsafe { (&*buf.0.get()).get_unchecked(..*len as usize) }
            }
        }
    }

    /// The number of chars.
    #[inline]
    pub fn char_count(&self) -> usize {
        match self {
            Text::Heap { chars, .. } | Text::Shared { chars, .. } if *chars != CHARS_UNKNOWN => {
                *chars as usize
            }
            _ => count_chars(self.as_str()),
        }
    }

    /// The cached hash (`None`: not computed yet, or medium text, which keeps none).
    #[inline]
    pub fn cached_hash(&self) -> Option<i64> {
        let h = match self {
            Text::Short { hash, .. } | Text::Heap { hash, .. } | Text::Shared { hash, .. } => {
                hash.get()
            }
            Text::Medium { .. } => NO_HASH,
        };
        (h != NO_HASH).then_some(h)
    }

    /// Remember the hash (medium text does not).
    #[inline]
    pub fn cache_hash(&self, h: i64) {
        match self {
            Text::Short { hash, .. } | Text::Heap { hash, .. } | Text::Shared { hash, .. } => {
                hash.set(h)
            }
            Text::Medium { .. } => {}
        }
    }

    /// Bytes allocated outside the heap slot.
    pub fn heap_bytes(&self) -> usize {
        match self {
            Text::Short { .. } | Text::Medium { .. } => 0,
            Text::Heap { s, .. } => s.len(),
            Text::Shared { own, .. } => *own as usize,
        }
    }

    /// `a + b`, where `b` has `b_chars` chars. Short results are inline; longer ones are views
    /// of a growable buffer, and when `a` is the longest view of its buffer, `b` is appended
    /// to it in place (amortized O(1)).
    ///
    /// # Safety
    /// No `&str` borrowed from a view of `a`'s buffer may be alive during the call, except `b`
    /// itself (which is copied first when it lies in that buffer): appending may move the
    /// buffer.
    pub unsafe fn concat(a: &Text, b: &str, b_chars: usize) -> Text {
        let total = a.len() + b.len();
        let joined = || {
            let mut s = String::with_capacity(total);
            s.push_str(a);
            s.push_str(b);
            s
        };
        if total <= MEDIUM {
            return Text::new(&joined());
        }
        let chars = a.char_count() + b_chars;
        let Ok(total32) = u32::try_from(total) else {
            return Text::heap(joined().into_boxed_str(), chars);
        };
        if let Text::Shared { buf, len, .. } = a {
            if buf.written() == *len as usize {
                let inside = {
                    // SAFETY: only the buffer's address range is read.
                    let data = unsafe { &*buf.0.get() };
                    let start = data.as_ptr() as usize;
                    let p = b.as_ptr() as usize;
                    p >= start && p < start + data.capacity().max(1)
                };
                let copied: Option<String> = inside.then(|| b.to_string());
                let b = copied.as_deref().unwrap_or(b);
                // SAFETY: the caller guarantees no other borrow of this buffer's text is alive,
                // and `b` no longer points into it.
                unsafe { (&mut *buf.0.get()).push_str(b) };
                return Text::Shared {
                    chars: chars_u32(chars),
                    len: total32,
                    // At most `total`.
                    own: b.len() as u32,
                    hash: Cell::new(NO_HASH),
                    buf: buf.clone(),
                };
            }
        }
        Text::Shared {
            chars: chars_u32(chars),
            len: total32,
            own: total32,
            hash: Cell::new(NO_HASH),
            buf: Arc::new(SharedBuf(UnsafeCell::new(joined()))),
        }
    }
}

impl Deref for Text {
    type Target = str;
    #[inline]
    fn deref(&self) -> &str {
        self.as_str()
    }
}

impl PartialEq for Text {
    #[inline]
    fn eq(&self, other: &Text) -> bool {
        self.as_str() == other.as_str()
    }
}

impl Eq for Text {}

impl PartialEq<str> for Text {
    fn eq(&self, other: &str) -> bool {
        self.as_str() == other
    }
}

impl PartialEq<&str> for Text {
    fn eq(&self, other: &&str) -> bool {
        self.as_str() == *other
    }
}

impl PartialOrd for Text {
    fn partial_cmp(&self, other: &Text) -> Option<std::cmp::Ordering> {
        Some(self.cmp(other))
    }
}

impl Ord for Text {
    fn cmp(&self, other: &Text) -> std::cmp::Ordering {
        self.as_str().cmp(other.as_str())
    }
}

impl fmt::Debug for Text {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        fmt::Debug::fmt(self.as_str(), f)
    }
}

impl fmt::Display for Text {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.as_str())
    }
}

#[cfg(test)]
mod tests {
    use super::Text;

    #[test]
    fn inline_and_heap_round_trip() {
        for s in [
            "",
            "a",
            "héllo wörld",
            &"x".repeat(22),
            &"y".repeat(23),
            &"z".repeat(30),
            &"w".repeat(31),
            &"é".repeat(11),
            &"é".repeat(15),
            &"é".repeat(16),
        ] {
            let t = Text::new(s);
            assert_eq!(t.as_str(), s);
            assert_eq!(t.char_count(), s.chars().count());
            let u = Text::from_string(s.to_string());
            assert_eq!(u.as_str(), s);
            assert_eq!(u.char_count(), s.chars().count());
            assert_eq!(matches!(t, Text::Short { .. }), s.len() <= 22);
            assert_eq!(
                matches!(t, Text::Medium { .. }),
                (23..=30).contains(&s.len())
            );
            t.cache_hash(12345);
            let kept = t.cached_hash();
            assert_eq!(kept.is_some(), !matches!(t, Text::Medium { .. }));
        }
    }

    #[test]
    fn concatenations_count_chars() {
        let a = Text::new("héllo wörld, ");
        // SAFETY: no text of a shared buffer is borrowed across these calls.
        let b = unsafe { Text::concat(&a, "ça va? ", 7) };
        let c = unsafe { Text::concat(&b, "très bien", 9) };
        assert!(matches!(c, Text::Shared { .. }));
        assert_eq!(c.as_str(), "héllo wörld, ça va? très bien");
        assert_eq!(c.char_count(), c.as_str().chars().count());
        // The shorter view still sees its own prefix, with its own count.
        assert_eq!(b.char_count(), "héllo wörld, ça va? ".chars().count());
        assert_eq!(b.clone().char_count(), b.char_count());
    }
}
