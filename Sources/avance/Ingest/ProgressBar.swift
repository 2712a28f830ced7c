import AvanceStore
import Foundation
import Synchronization

/// A one-line progress bar on a terminal's standard error: files done out of the
/// total, the counts so far and the rate. Redrawn at most ten times a second.
final class ProgressBar: Sendable {
    private let total: Int
    private let console: Console
    private let started = Date()
    private let lastDraw = Mutex<Date?>(nil)
    static let width = 24

    init(total: Int, console: Console = .standardError) {
        self.total = total
        self.console = console
    }

    static func done(_ counts: RunCounts) -> Int {
        counts.new + counts.changed + counts.unchanged + counts.duplicates + counts.failed + counts.settling + counts.ignored
    }

    func advance(_ counts: RunCounts) {
        let now = Date()
        let draw = lastDraw.withLock { last -> Bool in
            if let previous = last, now.timeIntervalSince(previous) < 0.1 { return false }
            last = now
            return true
        }
        if draw { console.bar(Self.render(counts: counts, total: total, elapsed: now.timeIntervalSince(started))) }
    }

    func finish() { console.clearBar() }

    static func render(counts: RunCounts, total: Int, elapsed: Double) -> String {
        let done = Self.done(counts)
        let fraction = total > 0 ? min(1, Double(done) / Double(total)) : 1
        let filled = Int((fraction * Double(width)).rounded(.down))
        let bar = String(repeating: "█", count: filled) + String(repeating: "·", count: width - filled)
        let rate = elapsed > 0 ? Double(done) / elapsed : 0
        return "[\(bar)] \(done)/\(total) files · \(counts.new) new · \(counts.changed) changed · "
            + "\(counts.unchanged) unchanged · \(counts.failed) failed · \(String(format: "%.1f", rate)) files/s"
    }
}
