import Foundation
#if canImport(Glibc)
import Glibc
#endif

/// Times the stages of a build.
struct Stopwatch {
    private var last = DispatchTime.now()
    private var lastCPU = Stopwatch.cpuTime()
    private(set) var phases: [Phase] = []

    mutating func lap(_ name: String) {
        let now = DispatchTime.now()
        let cpu = Self.cpuTime()
        phases.append(Phase(name: name, seconds: Double(now.uptimeNanoseconds - last.uptimeNanoseconds) / 1e9,
                            cpuSeconds: cpu - lastCPU))
        last = now
        lastCPU = cpu
    }

    /// User and system time of the whole process.
    static func cpuTime() -> Double {
        var usage = rusage()
        getrusage(RUSAGE_SELF.rawValue, &usage)
        func seconds(_ time: timeval) -> Double { Double(time.tv_sec) + Double(time.tv_usec) / 1e6 }
        return seconds(usage.ru_utime) + seconds(usage.ru_stime)
    }
}
