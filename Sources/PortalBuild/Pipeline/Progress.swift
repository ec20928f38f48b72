import Synchronization

/// Counts finished pages from many threads and reports every 1 %, so a terminal progress line
/// is updated a hundred times per build at most.
final class ProgressCounter: Sendable {
    private let done = Atomic<Int>(0)
    private let total: Int
    private let step: Int
    private let report: @Sendable (Int, Int) -> Void

    init(total: Int, report: @escaping @Sendable (Int, Int) -> Void) {
        self.total = total
        self.step = max(1, total / 100)
        self.report = report
    }

    func advance() {
        let now = done.add(1, ordering: .relaxed).newValue
        if now % step == 0 || now == total { report(now, total) }
    }
}
