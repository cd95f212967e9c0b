//! The wasm module's memory allocator (the `#[global_allocator]` on wasm32 only).
//!
//! std's allocator on wasm32-unknown-unknown is dlmalloc: about 7 KB of wasm, and 1.3–3%
//! of a summary's time in V8. A summary allocates about a hundred blocks and frees them
//! all, and Rust hands every block's size back when it is freed (its `Layout`), so a
//! block needs no header and this allocator can be much simpler:
//!
//! - A small block (up to [`SMALL`] bytes) is the size rounded up to a power of two, at
//!   least [`MIN`]. A freed one goes on the free list of its size (linked through its
//!   first word) and is the next block of that size given out; new ones are cut in turn
//!   from a chunk of [`CHUNK`] bytes, itself a large block.
//! - A large block is the size rounded up to [`MIN`] bytes, cut from the first free run
//!   (in address order) that holds it; a freed block is merged with the free runs it
//!   touches. When no run holds a block, memory grows at its end, by what the last free
//!   run (if it ends there) lacks; a block whose neighbour is a free run, or the end of
//!   memory, grows in place.
//!
//! Blocks are aligned to [`MIN`] bytes; a larger alignment is refused (no type of this
//! crate or of what it uses asks for one). The heap is generic over where its memory
//! comes from ([`Memory`]) so that the tests can run it on an ordinary buffer.

#![allow(unsafe_code)]

use core::alloc::Layout;
use core::ptr::{self, null_mut};

/// The smallest block, and every block's alignment: room for a free run's size and link.
pub const MIN: usize = 16;
/// The largest small block. Larger size classes (up to 4 KiB) were as quick on the seed
/// but the similarity graph's ring of lists (1,025 lists of 512 bytes that grow to 2 or
/// 4 KiB on a long text) left their freed blocks on the lists of those sizes: the next
/// summary of 1 MB then grew the memory from 14.4 to 19.6 MiB (12.5 MiB of the
/// 1 MB text's own; 60 MiB for 4 MB).
pub const SMALL: usize = 512;
/// The number of small sizes: `MIN`, `2 × MIN`, … `SMALL`.
const CLASSES: usize = (SMALL / MIN).trailing_zeros() as usize + 1;
/// The chunk that small blocks are cut from.
pub const CHUNK: usize = 32 << 10;

/// Where the heap's memory comes from: a span of addresses that grows at its end, and
/// never reaches the end of the address space (an address one past a block or run is
/// never 0, the null pointer).
pub trait Memory {
    /// Where the memory ends now.
    fn end(&self) -> usize;
    /// Adds at least `bytes` to the memory; the start and length of what was added (at
    /// the old end, unless something else grew the memory meanwhile), `None` if refused.
    fn grow(&mut self, bytes: usize) -> Option<(usize, usize)>;
}

/// A free run of large blocks, written at its start.
#[repr(C)]
struct Run {
    /// Its length in bytes, a multiple of [`MIN`].
    size: usize,
    /// The next free run, higher in memory, or null.
    next: *mut Run,
}

/// The size of the block that holds `size` bytes: a power of two up to [`SMALL`], a
/// multiple of [`MIN`] above it.
fn block(size: usize) -> usize {
    if size <= SMALL {
        size.max(MIN).next_power_of_two()
    } else {
        (size + MIN - 1) & !(MIN - 1)
    }
}

/// The free lists and runs. Every address in them is a block of `mem` that no one holds.
pub struct Heap<M> {
    /// Where memory comes from.
    mem: M,
    /// The first free block of each small size (`MIN << i`), linked by their first words.
    small: [*mut u8; CLASSES],
    /// Where the next new small block is cut, and the end of its chunk.
    bump: usize,
    /// The end of the chunk that `bump` cuts.
    chunk_end: usize,
    /// The first free run; they are in address order, and no two touch.
    runs: *mut Run,
}

impl<M: Memory> Heap<M> {
    /// An empty heap over `mem`.
    pub const fn new(mem: M) -> Self {
        Heap {
            mem,
            small: [null_mut(); CLASSES],
            bump: 0,
            chunk_end: 0,
            runs: null_mut(),
        }
    }

    /// A block of at least `layout.size()` bytes (not zero), or null.
    ///
    /// # Safety
    /// The heap's invariant holds (every free address is unheld memory of `mem`).
    pub unsafe fn alloc(&mut self, layout: Layout) -> *mut u8 {
        if layout.align() > MIN {
            return null_mut();
        }
        let size = block(layout.size());
        if size > SMALL {
            return self.alloc_large(size);
        }
        let class = &mut self.small[(size / MIN).trailing_zeros() as usize];
        let p = *class;
        if !p.is_null() {
            *class = *(p as *mut *mut u8);
            return p;
        }
        if self.bump + size > self.chunk_end {
            // The chunk's rest (a multiple of MIN) is freed as a run.
            if self.chunk_end > self.bump {
                self.free_large(self.bump, self.chunk_end - self.bump);
                self.chunk_end = self.bump;
            }
            let chunk = self.alloc_large(CHUNK);
            if chunk.is_null() {
                return chunk;
            }
            self.bump = chunk as usize;
            self.chunk_end = self.bump + CHUNK;
        }
        let p = self.bump;
        self.bump += size;
        p as *mut u8
    }

    /// Frees the block `p` of `layout`.
    ///
    /// # Safety
    /// `p` came from [`Heap::alloc`] or [`Heap::realloc`] of this heap with `layout`, and
    /// is not used again.
    pub unsafe fn dealloc(&mut self, p: *mut u8, layout: Layout) {
        let size = block(layout.size());
        if size > SMALL {
            self.free_large(p as usize, size);
        } else {
            let class = &mut self.small[(size / MIN).trailing_zeros() as usize];
            *(p as *mut *mut u8) = *class;
            *class = p;
        }
    }

    /// The block `p` of `layout` resized to `new` bytes, its bytes kept, or null (and
    /// `p` kept).
    ///
    /// # Safety
    /// As for [`Heap::dealloc`]; `new` is not zero.
    pub unsafe fn realloc(&mut self, p: *mut u8, layout: Layout, new: usize) -> *mut u8 {
        let (old, size) = (block(layout.size()), block(new));
        if old == size {
            return p;
        }
        if old > SMALL && size > SMALL && self.resize_large(p as usize, old, size) {
            return p;
        }
        let q = self.alloc(Layout::from_size_align_unchecked(new, layout.align()));
        if !q.is_null() {
            ptr::copy_nonoverlapping(p, q, layout.size().min(new));
            self.dealloc(p, layout);
        }
        q
    }

    /// A large block of `size` bytes (a multiple of [`MIN`]), or null.
    #[inline(never)]
    unsafe fn alloc_large(&mut self, size: usize) -> *mut u8 {
        loop {
            let mut link: *mut *mut Run = &mut self.runs;
            let mut last: *mut Run = null_mut();
            while !(*link).is_null() {
                let r = *link;
                if (*r).size >= size {
                    // Cut from the run's start; the rest stays a run.
                    let rest = (*r).size - size;
                    *link = if rest == 0 {
                        (*r).next
                    } else {
                        let q = (r as usize + size) as *mut Run;
                        *q = Run {
                            size: rest,
                            next: (*r).next,
                        };
                        q
                    };
                    return r as *mut u8;
                }
                last = r;
                link = &mut (*r).next;
            }
            // No run holds it: grow by what the last run, if it ends the memory, lacks.
            let end = self.mem.end();
            let have = if !last.is_null() && last as usize + (*last).size == end {
                (*last).size
            } else {
                0
            };
            if !self.grow(size - have) {
                return null_mut();
            }
        }
    }

    /// Grows the memory by at least `bytes` and frees what was added.
    unsafe fn grow(&mut self, bytes: usize) -> bool {
        match self.mem.grow(bytes) {
            Some((start, len)) => {
                self.free_large(start, len);
                true
            }
            None => false,
        }
    }

    /// Frees `size` bytes (a multiple of [`MIN`], not zero) at `at`, merged with the free
    /// runs they touch.
    unsafe fn free_large(&mut self, at: usize, size: usize) {
        let mut link: *mut *mut Run = &mut self.runs;
        let mut prev: *mut Run = null_mut();
        while !(*link).is_null() && (*link as usize) < at {
            prev = *link;
            link = &mut (*prev).next;
        }
        let next = *link;
        let r = at as *mut Run;
        *r = Run { size, next };
        if at + size == next as usize {
            (*r).size += (*next).size;
            (*r).next = (*next).next;
        }
        if !prev.is_null() && prev as usize + (*prev).size == at {
            (*prev).size += (*r).size;
            (*prev).next = (*r).next;
        } else {
            *link = r;
        }
    }

    /// Resizes the large block at `at` from `old` to `size` bytes in place, if it can.
    unsafe fn resize_large(&mut self, at: usize, old: usize, size: usize) -> bool {
        if size < old {
            self.free_large(at + size, old - size);
            return true;
        }
        loop {
            // The free run right after the block, if any.
            let after = at + old;
            let mut link: *mut *mut Run = &mut self.runs;
            while !(*link).is_null() && (*link as usize) < after {
                link = &mut (**link).next;
            }
            let r = *link;
            let have = if r as usize == after { (*r).size } else { 0 };
            if old + have >= size {
                let rest = old + have - size;
                *link = if rest == 0 {
                    (*r).next
                } else {
                    let q = (at + size) as *mut Run;
                    *q = Run {
                        size: rest,
                        next: (*r).next,
                    };
                    q
                };
                return true;
            }
            // The block (with the run after it) ends the memory: grow it there.
            if after + have != self.mem.end() || !self.grow(size - old - have) {
                return false;
            }
        }
    }
}

/// The heap behind the global allocator.
#[cfg(all(target_arch = "wasm32", not(target_feature = "atomics")))]
pub struct Global<M>(core::cell::UnsafeCell<Heap<M>>);

#[cfg(all(target_arch = "wasm32", not(target_feature = "atomics")))]
impl<M: Memory> Global<M> {
    /// A global allocator over `mem`.
    pub const fn new(mem: M) -> Self {
        Global(core::cell::UnsafeCell::new(Heap::new(mem)))
    }
}

// SAFETY: wasm32 without the `atomics` feature has one thread (and no signals or
// interrupts), so the heap is never used from two threads at once.
#[cfg(all(target_arch = "wasm32", not(target_feature = "atomics")))]
unsafe impl<M> Sync for Global<M> {}

// SAFETY: each call makes the one `&mut Heap` and drops it when it returns; no call
// allocates again or runs other code meanwhile, and a `Global` is used from one thread
// only (it is `Sync` only on wasm32 without threads), so no two are ever live. A block
// is handed out once until it is freed: the small lists and the free runs hold disjoint
// unheld memory, a block's size is rounded by the same `block` on the way in and out
// (Rust gives `dealloc` and `realloc` the layout the block was made with), blocks are
// `MIN`-aligned (runs and chunks are multiples of `MIN` in memory that grows by
// pages), and a larger alignment gets null, which the contract allows.
#[cfg(all(target_arch = "wasm32", not(target_feature = "atomics")))]
unsafe impl<M: Memory> core::alloc::GlobalAlloc for Global<M> {
    unsafe fn alloc(&self, layout: Layout) -> *mut u8 {
        (*self.0.get()).alloc(layout)
    }
    unsafe fn dealloc(&self, p: *mut u8, layout: Layout) {
        (*self.0.get()).dealloc(p, layout)
    }
    unsafe fn realloc(&self, p: *mut u8, layout: Layout, new: usize) -> *mut u8 {
        (*self.0.get()).realloc(p, layout, new)
    }
}

/// The wasm module's linear memory, grown by 64 KiB pages.
#[cfg(all(target_arch = "wasm32", not(target_feature = "atomics")))]
pub struct Wasm;

#[cfg(all(target_arch = "wasm32", not(target_feature = "atomics")))]
impl Memory for Wasm {
    fn end(&self) -> usize {
        core::arch::wasm32::memory_size(0) << 16
    }
    fn grow(&mut self, bytes: usize) -> Option<(usize, usize)> {
        // Short of 4 GiB, the most there can be: no address then wraps to 0.
        let pages = bytes.div_ceil(1 << 16);
        if pages >= (1 << 16) - core::arch::wasm32::memory_size(0) {
            return None;
        }
        let old = core::arch::wasm32::memory_grow(0, pages);
        (old != usize::MAX).then_some((old << 16, pages << 16))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// A buffer of `PAGES` pages handed out a page at a time, as wasm memory grows.
    struct Buffer {
        base: usize,
        end: usize,
        limit: usize,
    }

    const PAGE: usize = 1 << 12;

    impl Buffer {
        fn new(pages: usize) -> Self {
            let layout = Layout::from_size_align(pages * PAGE, PAGE).unwrap();
            let base = unsafe { std::alloc::alloc(layout) } as usize;
            assert_ne!(base, 0);
            Buffer {
                base,
                end: base,
                limit: base + pages * PAGE,
            }
        }
    }

    impl Memory for Buffer {
        fn end(&self) -> usize {
            self.end
        }
        fn grow(&mut self, bytes: usize) -> Option<(usize, usize)> {
            let len = bytes.div_ceil(PAGE) * PAGE;
            if self.end + len > self.limit {
                return None;
            }
            self.end += len;
            Some((self.end - len, len))
        }
    }

    fn layout(size: usize) -> Layout {
        Layout::from_size_align(size, 8).unwrap()
    }

    /// The free runs, as (offset from the buffer's start, length).
    fn runs(h: &Heap<Buffer>) -> Vec<(usize, usize)> {
        let mut out = vec![];
        let mut r = h.runs;
        while !r.is_null() {
            unsafe {
                out.push((r as usize - h.mem.base, (*r).size));
                r = (*r).next;
            }
        }
        out
    }

    #[test]
    fn blocks_are_rounded_to_their_class() {
        assert_eq!(block(1), 16);
        assert_eq!(block(17), 32);
        assert_eq!(block(SMALL), SMALL);
        assert_eq!(block(SMALL + 1), SMALL + 16);
        assert_eq!(CLASSES, 6);
    }

    #[test]
    fn small_blocks_are_reused_by_size() {
        let mut h = Heap::new(Buffer::new(64));
        unsafe {
            let a = h.alloc(layout(20));
            let b = h.alloc(layout(20));
            assert_eq!(b as usize - a as usize, 32);
            h.dealloc(a, layout(30));
            assert_eq!(h.alloc(layout(17)), a);
            // The same class: kept in place.
            assert_eq!(h.realloc(b, layout(20), 32), b);
            assert!(h.alloc(Layout::from_size_align(8, 32).unwrap()).is_null());
        }
    }

    #[test]
    fn a_chunk_refused_frees_the_last_ones_rest_once() {
        let mut h = Heap::new(Buffer::new(CHUNK / PAGE + 1));
        unsafe {
            let first = h.alloc(layout(16));
            for _ in 0..CHUNK / SMALL - 1 {
                assert!(!h.alloc(layout(SMALL)).is_null());
            }
            // The chunk's last SMALL - 16 bytes hold no SMALL: a new chunk is refused, twice.
            assert!(h.alloc(layout(SMALL)).is_null());
            assert!(h.alloc(layout(SMALL)).is_null());
            assert_eq!(runs(&h), vec![(CHUNK - SMALL + 16, SMALL - 16)]);
            h.dealloc(first, layout(16));
            assert_eq!(h.alloc(layout(10)), first);
        }
    }

    #[test]
    fn large_blocks_merge_and_grow_in_place() {
        let mut h = Heap::new(Buffer::new(64));
        unsafe {
            let a = h.alloc(layout(5000));
            let b = h.alloc(layout(6000));
            assert_eq!(b as usize - a as usize, 5008);
            h.dealloc(a, layout(5000));
            h.dealloc(b, layout(6000));
            // All of the grown memory is one run again.
            assert_eq!(runs(&h), vec![(0, 3 * PAGE)]);
            // A block at the end grows with the memory, in place.
            let c = h.alloc(layout(3 * PAGE));
            c.write_bytes(7, 3 * PAGE);
            assert_eq!(h.realloc(c, layout(3 * PAGE), 10 * PAGE), c);
            assert_eq!(*c.add(3 * PAGE - 1), 7);
            assert_eq!(h.mem.end - h.mem.base, 10 * PAGE);
            // Shrunk, it frees its tail.
            assert_eq!(h.realloc(c, layout(10 * PAGE), 5000), c);
            assert_eq!(runs(&h), vec![(5008, 10 * PAGE - 5008)]);
            // Out of memory: null, the block kept.
            assert!(h.realloc(c, layout(5000), 100 * PAGE).is_null());
            assert_eq!(*c.add(4999), 7);
        }
    }

    #[test]
    fn random_blocks_keep_their_bytes() {
        let mut h = Heap::new(Buffer::new(1024));
        let mut held: Vec<(*mut u8, usize, u8)> = vec![];
        let mut seed = 0x2545_f491_4f6c_dd1du64;
        let mut next = move || {
            seed ^= seed << 13;
            seed ^= seed >> 7;
            seed ^= seed << 17;
            seed
        };
        unsafe {
            for round in 0..20_000u32 {
                let r = next();
                let size = match r % 4 {
                    0 => (r >> 8) as usize % 64 + 1,
                    1 => (r >> 8) as usize % 2000 + 1,
                    2 => (r >> 8) as usize % 40_000 + 1,
                    _ => (r >> 8) as usize % 300 + 1,
                };
                let i = (r >> 40) as usize % (held.len() + 1);
                let check = |&(p, n, v): &(*mut u8, usize, u8)| {
                    assert!((0..n).all(|k| *p.add(k) == v), "round {round}");
                };
                if (r & 0x30 == 0 || held.len() > 100) && i < held.len() {
                    let (p, n, v) = held.swap_remove(i);
                    check(&(p, n, v));
                    h.dealloc(p, layout(n));
                } else if r & 0x30 == 0x10 && i < held.len() {
                    let (p, n, v) = held[i];
                    check(&(p, n, v));
                    let q = h.realloc(p, layout(n), size);
                    assert!(!q.is_null());
                    assert!((0..n.min(size)).all(|k| *q.add(k) == v));
                    q.write_bytes(v, size);
                    held[i] = (q, size, v);
                } else {
                    let p = h.alloc(layout(size));
                    assert!(!p.is_null());
                    assert_eq!(p as usize % MIN, 0);
                    let v = round as u8;
                    p.write_bytes(v, size);
                    held.push((p, size, v));
                }
            }
            held.iter().for_each(|&(p, n, v)| {
                assert!((0..n).all(|k| *p.add(k) == v));
                h.dealloc(p, layout(n));
            });
            // No block overlapped another (their bytes were kept), and the free runs
            // are in order and apart.
            let r = runs(&h);
            assert!(r.windows(2).all(|w| w[0].0 + w[0].1 < w[1].0));
        }
    }
}
