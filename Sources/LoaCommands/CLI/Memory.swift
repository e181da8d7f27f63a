import CMalloc

/// The process's memory, where glibc needs telling.
enum Memory {
    /// Gives the heap's free pages back to the system. A national report reads and sums the rows of 100,000 units
    /// and then frees them; glibc keeps such pages by default, and the document's drawing (fonts, charts) would be
    /// added on top of them (SPEC §6.3: a report under 150 MiB).
    static func giveBackFreePages() { _ = malloc_trim(0) }
}
