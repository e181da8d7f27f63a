import Foundation
import Synchronization

extension Server {
    /// Blocks until one of `signals` arrives (SIGINT or SIGTERM by default), then stops gracefully
    /// and returns the signal, so that a command can `exit(0)` after it.
    ///
    /// A handler writes each signal's number to a pipe (the self-pipe way: writing is all a handler may safely
    /// do), and this waits on the pipe, so a signal is never lost whichever thread the kernel gives it to;
    /// `ready` is called once the handlers are in place. Afterwards the signals get their default action back.
    @discardableResult
    public func runUntilSignalled(_ signals: [Int32] = [SIGINT, SIGTERM], ready: () -> Void = {}) -> Int32 {
        var ends: [Int32] = [0, 0]
        guard pipe(&ends) == 0 else { stop(); return 0 }
        signalPipe.store(ends[1], ordering: .sequentiallyConsistent)
        for number in signals { signal(number, writeSignalToPipe) }
        // a process may start with these signals blocked (inherited from the thread that spawned it): this thread
        // takes them
        var set = sigset_t()
        sigemptyset(&set)
        for number in signals { sigaddset(&set, number) }
        pthread_sigmask(SIG_UNBLOCK, &set, nil)
        ready()
        var byte: UInt8 = 0
        while read(ends[0], &byte, 1) != 1 {
            if errno != EINTR { break }
        }
        stop()
        for number in signals { signal(number, SIG_DFL) }
        signalPipe.store(-1, ordering: .sequentiallyConsistent)
        close(ends[0])
        close(ends[1])
        return Int32(byte)
    }
}

/// The pipe's writing end while `runUntilSignalled` waits, -1 otherwise.
private let signalPipe = Atomic<Int32>(-1)

/// The signal handler: one byte, the signal's number, to the pipe.
private func writeSignalToPipe(_ number: Int32) {
    let fd = signalPipe.load(ordering: .sequentiallyConsistent)
    guard fd >= 0 else { return }
    var byte = UInt8(truncatingIfNeeded: number)
    _ = write(fd, &byte, 1)
}
