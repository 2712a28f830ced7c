import AvanceStore
import Foundation
import Synchronization

/// A one-line progress bar on a terminal's standard error: files done out of the total, the
/// time left, the counts so far and the rate. Redrawn at most ten times a second, never wider
/// than the terminal (a line that wraps cannot be erased, and leaves a stale copy per redraw):
/// the least useful parts go first when it is narrow.
final class ProgressBar: Sendable {
    private let total: Int
    private let console: Console
    private let started = Date()
    private let lastDraw = Mutex<Date?>(nil)
    /// The counts last drawn, and each file being read by OCR: its pages read, of how many.
    private let shown = Mutex((counts: RunCounts(), ocr: [String: (done: Int, total: Int)]()))
    static let width = 24

    init(total: Int, console: Console = .standardError) {
        self.total = total
        self.console = console
    }

    /// Whether a bar is wanted: a terminal that shows one (not `TERM=dumb`), no `NO_COLOR`,
    /// and not asked to be quiet.
    static func wanted(console: Console, quiet: Bool, environment: [String: String] = ProcessInfo.processInfo.environment) -> Bool {
        guard console.isTerminal, !quiet else { return false }
        if environment["TERM"] == "dumb" { return false }
        if let noColor = environment["NO_COLOR"], !noColor.isEmpty { return false }
        return true
    }

    static func done(_ counts: RunCounts) -> Int {
        counts.new + counts.changed + counts.unchanged + counts.duplicates + counts.failed + counts.knownFailures
            + counts.notReports + counts.settling + counts.ignored
    }

    func advance(_ counts: RunCounts) {
        shown.withLock { $0.counts = counts }
        draw()
    }

    /// A file's OCR has read `done` of its `total` pages (and pictures).
    func ocr(path: String, done: Int, total: Int) {
        shown.withLock { s in
            if done >= total { s.ocr[path] = nil } else { s.ocr[path] = (done, total) }
        }
        draw()
    }

    private func draw() {
        let now = Date()
        let draw = lastDraw.withLock { last -> Bool in
            if let previous = last, now.timeIntervalSince(previous) < 0.1 { return false }
            last = now
            return true
        }
        if draw {
            let (counts, reading) = shown.withLock { s in
                (s.counts, s.ocr.isEmpty ? nil : s.ocr.values.reduce((done: 0, total: 0)) { ($0.done + $1.done, $0.total + $1.total) })
            }
            console.bar(Self.render(
                counts: counts, total: total, elapsed: now.timeIntervalSince(started), columns: console.columns, ocr: reading
            ))
        }
    }

    func finish() { console.clearBar() }

    /// The bar in at most `columns - 1` characters (the last column left free, so that no
    /// terminal wraps the line). `ocr`: the pages read so far of those the files being read by
    /// OCR have (`OCR page 3/7`): a scanned file takes long, and the bar shows it moving.
    static func render(
        counts: RunCounts, total: Int, elapsed: Double, columns: Int, ocr: (done: Int, total: Int)? = nil
    ) -> String {
        let done = Self.done(counts)
        let fraction = total > 0 ? min(1, Double(done) / Double(total)) : 1
        let rate = elapsed > 0 ? Double(done) / elapsed : 0
        var parts = ["\(done)/\(total) files"]
        if let ocr { parts.append("OCR page \(min(ocr.done + 1, ocr.total))/\(ocr.total)") }
        if done > 0, done < total, rate > 0 {
            parts.append("ETA " + duration(Double(total - done) / rate))
        }
        parts += [
            "\(counts.new) new", "\(counts.failed) failed", "\(counts.changed) changed", "\(counts.unchanged) unchanged",
            String(format: "%.1f files/s", rate),
        ]
        let room = max(columns - 1, 1)
        func line(_ n: Int, bar: Int) -> String {
            let text = parts.prefix(n).joined(separator: " · ")
            guard bar > 0 else { return text }
            let filled = Int((fraction * Double(bar)).rounded(.down))
            return "[" + String(repeating: "█", count: filled) + String(repeating: "·", count: bar - filled) + "] " + text
        }
        // The full bar with as many parts as fit; then a shorter bar; then the words alone.
        for bar in [width, 10, 0] {
            for n in stride(from: parts.count, through: 1, by: -1) where line(n, bar: bar).count <= room {
                return line(n, bar: bar)
            }
        }
        return String(line(1, bar: 0).prefix(room))
    }

    /// `0:42`, `12:05`, `1h02m`.
    static func duration(_ seconds: Double) -> String {
        let s = Int(seconds.rounded(.up))
        if s >= 3600 { return "\(s / 3600)h" + String(format: "%02dm", (s % 3600) / 60) }
        return "\(s / 60):" + String(format: "%02d", s % 60)
    }
}
