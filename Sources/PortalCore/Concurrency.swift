import Dispatch
import Synchronization

/// Whether `concurrentMap` may use more than one thread. Tests build with it off to prove that
/// a parallel build writes exactly what a serial one does.
public enum Parallelism {
    @TaskLocal public static var serial = false
}

extension Array where Element: Sendable {
    /// `map` on every core, keeping order. For CPU-bound work over many independent items
    /// (pages); the work is split in chunks so small items do not drown in scheduling, and small
    /// enough chunks (32 a core) that the last ones end close together: with 8 a core, one core
    /// sat idle for most of a chunk of pages at the end of every large build.
    public func concurrentMap<T: Sendable>(_ transform: @Sendable (Element) -> T) -> [T] {
        if count < 2 || Parallelism.serial { return map(transform) }
        let results = UnsafeMutableBufferPointer<T?>.allocate(capacity: count)
        results.initialize(repeating: nil)
        defer { results.deallocate() }
        let chunkSize = Swift.max(1, count / (ProcessInfoCores.count * 32))
        let chunks = (count + chunkSize - 1) / chunkSize
        nonisolated(unsafe) let output = results
        self.withUnsafeBufferPointer { input in
            nonisolated(unsafe) let input = input
            DispatchQueue.concurrentPerform(iterations: chunks) { chunk in
                let start = chunk * chunkSize
                let end = Swift.min(start + chunkSize, input.count)
                for i in start..<end {
                    // Each index is written by exactly one chunk.
                    output[i] = transform(input[i])
                }
            }
        }
        // Moved out, not copied: the slots are left uninitialised for `deallocate`.
        return [T](unsafeUninitializedCapacity: count) { buffer, initialized in
            for i in 0..<count { (buffer.baseAddress! + i).initialize(to: (results.baseAddress! + i).move()!) }
            initialized = count
        }
    }
}

/// Runs `first` on another thread while `second` runs on this one, and returns both results:
/// for a short serial job (a data file) beside a parallel one (the pages). Keep the parallel
/// work in `second`: `concurrentMap` started from the other thread was measured to spread worse.
public func concurrently<A: Sendable, B: Sendable>(_ first: @escaping @Sendable () -> A, _ second: () -> B) -> (A, B) {
    if Parallelism.serial { return (first(), second()) }
    let slot = ResultSlot<A>()
    let group = DispatchGroup()
    DispatchQueue.global().async(group: group) { slot.set(first()) }
    let b = second()
    group.wait()
    return (slot.get()!, b)
}

/// Written once by the other thread before its group is left, read after the wait.
private final class ResultSlot<Value: Sendable>: Sendable {
    private let value = Mutex<Value?>(nil)

    func set(_ new: Value) { value.withLock { $0 = new } }
    func get() -> Value? { value.withLock { $0 } }
}

enum ProcessInfoCores {
    static let count: Int = {
        #if canImport(Glibc)
        return Swift.max(1, Int(sysconf(Int32(_SC_NPROCESSORS_ONLN))))
        #else
        return 4
        #endif
    }()
}

#if canImport(Glibc)
import Glibc
#endif
