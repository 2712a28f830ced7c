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

    @Test func theBoxOfAPartIsTheUnionOfTheBoxesOfItsWords() {
        // "Meta anual\n12": three PDF words, the last on the next line of the page.
        let meta = SourceSpan.Box(x: 72, y: 100, width: 22.4, height: 9.5)
        let anual = SourceSpan.Box(x: 97.1, y: 100, width: 25, height: 9.5)
        let twelve = SourceSpan.Box(x: 72, y: 112.5, width: 10.3, height: 9.5)
        let t = SpannedText(text: "Meta anual\n12", anchors: [
            SourceAnchor(offset: 0, page: 1, line: 4, column: 1, box: meta),
            SourceAnchor(offset: 5, page: 1, line: 4, column: 6, box: anual),
            SourceAnchor(offset: 11, page: 1, line: 5, column: 1, box: twelve),
        ])
        #expect(t.span(of: t.text.range(of: "anual")!).box == anual)
        #expect(t.span(of: t.text.range(of: "nua")!).box == anual)
        #expect(t.span(of: t.text.range(of: "anual\n12")!).box == SourceSpan.Box(x: 72, y: 100, width: 50.1, height: 22))
        #expect(t.span.box == SourceSpan.Box(x: 72, y: 100, width: 50.1, height: 22))
        // White space at a part's ends brings no word in.
        #expect(t.span(of: t.text.range(of: " anual")!).box == anual)
        // A slice keeps the boxes.
        let slice = t.slice(t.text.range(of: "ual\n12")!)
        #expect(slice.span.box == SourceSpan.Box(x: 72, y: 100, width: 50.1, height: 22))
        // Text and HTML have none.
        #expect(SpannedText("Meta anual", line: 1).span.box == nil)
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
