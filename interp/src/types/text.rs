//! The text of a `str`: up to 30 bytes inline in the heap slot (names, dict keys, words,
//! digits: most strings a script makes), longer text in one heap allocation. An inline string
//! costs no allocation and no pointer chase; a million short strings take half the memory.

//!
//! Concatenation results are views of a growable buffer ([`Text::concat`]): when the left
//! operand is the longest view of its buffer, the right one is appended in place, so
//! `s += t` in a loop is linear (CPython gets the same by resizing a string whose reference
//! count is one; a tracing collector cannot know that, but "nobody has looked past my end"
//! is enough: older, shorter views keep seeing their own prefix).

use std::cell::UnsafeCell;
use std::fmt;
use std::ops::Deref;
use std::sync::Arc;

const INLINE: usize = 30;

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

pub enum Text {
    /// Invariant: `buf[..len]` is valid UTF-8.
    Inline {
        len: u8,
        buf: [u8; INLINE],
    },
    Heap(Box<str>),
    /// The first `len` bytes of a buffer (a char boundary: `len` was the buffer's length once).
    /// `own` is what this view added to the buffer: what memory accounting charges it, so a
    /// loop of appends is charged the buffer once, not every prefix again.
    Shared {
        buf: Arc<SharedBuf>,
        len: usize,
        own: usize,
    },
}

impl Clone for Text {
    fn clone(&self) -> Text {
        match self {
            Text::Inline { len, buf } => Text::Inline {
                len: *len,
                buf: *buf,
            },
            Text::Heap(s) => Text::Heap(s.clone()),
            // A copy of its own: buffers never leave the heap that grows them.
            Text::Shared { .. } => Text::Heap(self.as_str().into()),
        }
    }
}

impl Text {
    pub fn new(s: &str) -> Text {
        if s.len() <= INLINE {
            let mut buf = [0; INLINE];
            buf[..s.len()].copy_from_slice(s.as_bytes());
            Text::Inline {
                len: s.len() as u8,
                buf,
            }
        } else {
            Text::Heap(s.into())
        }
    }

    pub fn from_string(s: String) -> Text {
        if s.len() <= INLINE {
            Text::new(&s)
        } else {
            Text::Heap(s.into_boxed_str())
        }
    }

    #[inline]
    pub fn as_str(&self) -> &str {
        match self {
            Text::Inline { len, buf } => {
                // SAFETY: `buf[..len]` was copied from a `&str` (the invariant above).
                unsafe { std::str::from_utf8_unchecked(&buf[..*len as usize]) }
            }
            Text::Heap(s) => s,
            Text::Shared { buf, len, .. } => {
                // SAFETY: bytes below `written()` are never changed, `len` is at most that and
                // a char boundary; the buffer is not reallocated while this borrow lives (see
                // `concat`'s contract).
                unsafe { (&*buf.0.get()).get_unchecked(..*len) }
            }
        }
    }

    /// Bytes allocated outside the heap slot.
    pub fn heap_bytes(&self) -> usize {
        match self {
            Text::Inline { .. } => 0,
            Text::Heap(s) => s.len(),
            Text::Shared { own, .. } => *own,
        }
    }

    /// `a + b`. Short results are inline; longer ones are views of a growable buffer, and when
    /// `a` is the longest view of its buffer, `b` is appended to it in place (amortized O(1)).
    ///
    /// # Safety
    /// No `&str` borrowed from a view of `a`'s buffer may be alive during the call, except `b`
    /// itself (which is copied first when it lies in that buffer): appending may move the
    /// buffer.
    pub unsafe fn concat(a: &Text, b: &str) -> Text {
        let total = a.len() + b.len();
        if total <= INLINE {
            let mut s = String::with_capacity(total);
            s.push_str(a);
            s.push_str(b);
            return Text::new(&s);
        }
        if let Text::Shared { buf, len, .. } = a {
            if buf.written() == *len {
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
                    buf: buf.clone(),
                    len: total,
                    own: b.len(),
                };
            }
        }
        let mut s = String::with_capacity(total);
        s.push_str(a);
        s.push_str(b);
        Text::Shared {
            buf: Arc::new(SharedBuf(UnsafeCell::new(s))),
            len: total,
            own: total,
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
            &"x".repeat(30),
            &"y".repeat(31),
            &"é".repeat(20),
        ] {
            let t = Text::new(s);
            assert_eq!(t.as_str(), s);
            assert_eq!(Text::from_string(s.to_string()).as_str(), s);
            assert_eq!(matches!(t, Text::Inline { .. }), s.len() <= 30);
        }
        assert_eq!(std::mem::size_of::<Text>(), 32);
    }
}
