import Dispatch

/// How many files avance's own threads read at once (`ingest --jobs`), whatever stage each is
/// at: extraction, parsing, validation. A file holds a slot while it is worked on here, and
/// lends it while it waits for a PDF worker to read its pages: another file is laid out and
/// parsed meanwhile, so the workers and avance's threads are busy together, and still no more
/// than `count` files are taken apart in memory at once (but for files given up at the time
/// limit, whose threads end by themselves).
public final class WorkSlots: Sendable {
    private let semaphore: DispatchSemaphore

    public init(_ count: Int) {
        semaphore = DispatchSemaphore(value: max(1, count))
    }

    /// Waits for a slot and takes it, for the file about to be read.
    public func take() {
        semaphore.wait()
    }

    /// Gives back the slot of a file read or given up.
    public func giveBack() {
        semaphore.signal()
    }

    /// `body` run with the slot of the file being read given up meanwhile, taken again after:
    /// for waiting on another process. Only for a file that holds a slot; what it gives, it
    /// takes back, so a file given up meanwhile (its slot given back for it) leaves the count
    /// right.
    func lending<T, E: Error>(_ body: () throws(E) -> T) throws(E) -> T {
        semaphore.signal()
        defer { semaphore.wait() }
        return try body()
    }
}
