import AvanceCore
import Foundation
import Testing

@Suite struct SpannedTextTests {
    @Test func spanOfAPartCountsColumnsFromTheNearestAnchor() {
        // "Hola mundo" where "mundo" came from column 12 of line 3 (markup removed before it).
        let t = SpannedText(text: "Hola mundo", anchors: [
            SourceAnchor(offset: 0, line: 3, column: 1),
            SourceAnchor(offset: 5, line: 3, column: 12),
        ])
        let r = t.text.range(of: "undo")!
        #expect(t.span(of: r) == SourceSpan(line: 3, column: 13, text: "undo"))
        #expect(t.span.column == 1)
    }

    @Test func sliceKeepsAnchorsAndTrimmedDropsWhiteSpace() {
        let t = SpannedText(text: "  año\nen curso ", anchors: [
            SourceAnchor(offset: 0, page: 2, line: 7, column: 1),
            SourceAnchor(offset: 7, page: 2, line: 8, column: 4),
        ])
        let trimmed = t.trimmed()
        #expect(trimmed.text == "año\nen curso")
        #expect(trimmed.span == SourceSpan(page: 2, line: 7, column: 3, text: "año\nen curso"))
        let r = trimmed.text.range(of: "curso")!
        #expect(trimmed.span(of: r) == SourceSpan(page: 2, line: 8, column: 7, text: "curso"))
    }

    @Test func quarterBoundsAndCalendarChecks() {
        let q3 = CalendarDate.quarterBounds(year: 2024, quarter: 3)
        #expect(q3.start.iso == "2024-07-01")
        #expect(q3.end.iso == "2024-09-30")
        #expect(CalendarDate.quarterBounds(year: 2024, quarter: 1).end.iso == "2024-03-31")
        #expect(CalendarDate(year: 2023, month: 2, day: 29) == nil)
        #expect(CalendarDate(year: 2024, month: 2, day: 29) != nil)
        #expect(CalendarDate(year: 2024, month: 6, day: 31) == nil)
    }
}
