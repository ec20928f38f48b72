import Dispatch

/// What a finished build no longer needs — tens of thousands of pages, views, search texts and
/// output records — is freed on another thread instead of on the way out of the build: taking
/// it apart one value at a time took longer than saving the build cache. A one-shot
/// `portal build` exits before that thread is done (the system takes the memory back at once);
/// the preview, which lives on, has it freed meanwhile.
///
/// The values are *consumed* into the closure, so the build keeps no reference that could be
/// the last one.
enum Leftovers {
    static func release<Values: Sendable>(_ values: consuming Values) {
        let values = Box(values)
        DispatchQueue.global(qos: .utility).async { withExtendedLifetime(values) {} }
    }

    private final class Box<Value: Sendable>: Sendable {
        let value: Value
        init(_ value: consuming Value) { self.value = value }
    }
}
