import AvanceExtract
import Dispatch
import Foundation
import Synchronization

/// SIGTERM and SIGINT (Ctrl-C, a service stopped, a shutdown) stop avance cleanly instead of
/// killing it where it stands: the command's own stop runs (`ingest` records its run as
/// interrupted), the programs avance started are killed and waited for, its temporary folder
/// is removed, and it exits with 128 + the signal's number, as a shell reports a process a
/// signal ended: 130 for SIGINT, 143 for SIGTERM.
///
/// The signals are taken on a thread of their own (a Dispatch signal source), not in a signal
/// handler, so the stop may write to the database and print. A second signal during the stop
/// changes nothing: the stop is already under way and ends the process.
enum Interruption {
    /// The signals that stop avance cleanly.
    static let signals: [Int32] = [SIGINT, SIGTERM]

    /// The exit status of a process stopped by `signal`.
    static func exitStatus(_ signal: Int32) -> Int32 { 128 + signal }

    static func name(_ signal: Int32) -> String {
        switch signal {
        case SIGINT: "SIGINT"
        case SIGTERM: "SIGTERM"
        default: "signal \(signal)"
        }
    }

    /// The stop in effect, and whether a stop has begun.
    private static let state = Mutex<(stop: @Sendable (Int32) -> Void, stopping: Bool)>(({ _ in }, false))
    private static let queue = DispatchQueue(label: "avance.interruption")

    /// The signal sources, made once and kept for the life of the process.
    private final class Sources: @unchecked Sendable {
        // @unchecked: set once, in `init`, and never touched again.
        let sources: [any DispatchSourceSignal]

        init() {
            sources = Interruption.signals.map { signal in
                // A signal that is ignored still wakes its source; ignored, it no longer kills.
                Glibc.signal(signal, SIG_IGN)
                let source = DispatchSource.makeSignalSource(signal: signal, queue: Interruption.queue)
                source.setEventHandler { Interruption.run(signal) }
                source.resume()
                return source
            }
        }
    }

    private static let sources = Sources()

    /// From now on SIGINT and SIGTERM run `stop` (on the stop's own thread, once), then remove
    /// avance's temporary files and exit with `exitStatus(signal)`. Installing again replaces
    /// the stop.
    static func install(stop: @escaping @Sendable (Int32) -> Void = { _ in }) {
        state.withLock { $0.stop = stop }
        _ = sources
    }

    /// Files being written that a stop removes: `--output`'s temporary files not yet renamed
    /// into place.
    private static let partialFiles = Mutex<Set<String>>([])

    /// From now on SIGINT and SIGTERM stop avance cleanly, the stop in effect unchanged. Called
    /// as early as a command knows it will write a file, before other threads start, so that
    /// every thread leaves the signals to the watcher.
    static func watch() {
        _ = sources
    }

    /// From now on a stop removes `path` (and SIGINT and SIGTERM stop avance cleanly, the
    /// stop in effect unchanged), until `keep` is called for it.
    static func removeOnStop(_ path: String) {
        partialFiles.withLock { _ = $0.insert(path) }
        _ = sources
    }

    /// `path` is no longer the stop's to remove (renamed into place, or removed already).
    static func keep(_ path: String) {
        partialFiles.withLock { _ = $0.remove(path) }
    }

    private static func run(_ signal: Int32) {
        let (stop, first) = state.withLock { s in
            defer { s.stopping = true }
            return (s.stop, !s.stopping)
        }
        guard first else { return }
        stop(signal)
        for path in partialFiles.withLock({ $0 }) { unlink(path) }
        TemporaryFiles.stopPrograms()
        TemporaryFiles.removeAll()
        exit(exitStatus(signal))
    }

    /// For the command's own thread once the stop has begun: waits for it to end the process.
    static func awaitStop() -> Never {
        while true { pause() }
    }
}
