import Dispatch
import Foundation
import Synchronization

extension Server {
    /// Blocks until one of `signals` arrives (SIGINT or SIGTERM by default), then stops gracefully
    /// and returns the signal, so that a command can `exit(0)` after it.
    ///
    /// The signals are ignored at the process level and received through dispatch sources for as
    /// long as this runs; `ready` is called once they are in place. Afterwards they are restored to
    /// their default action.
    @discardableResult
    public func runUntilSignalled(_ signals: [Int32] = [SIGINT, SIGTERM], ready: () -> Void = {}) -> Int32 {
        let received = SignalLatch()
        var sources: [any DispatchSourceSignal] = []
        for number in signals {
            signal(number, SIG_IGN)
            let source = DispatchSource.makeSignalSource(signal: number, queue: .global())
            source.setEventHandler { received.fire(number) }
            source.resume()
            sources.append(source)
        }
        ready()
        let number = received.wait()
        stop()
        for source in sources { source.cancel() }
        for number in signals { signal(number, SIG_DFL) }
        return number
    }
}

/// The first signal received, and a semaphore to wait for it.
private final class SignalLatch: Sendable {
    private let first = Mutex<Int32?>(nil)
    private let semaphore = DispatchSemaphore(value: 0)

    func fire(_ number: Int32) {
        let isFirst = first.withLock { current -> Bool in
            guard current == nil else { return false }
            current = number
            return true
        }
        if isFirst { semaphore.signal() }
    }

    func wait() -> Int32 {
        semaphore.wait()
        return first.withLock { $0 } ?? 0
    }
}
