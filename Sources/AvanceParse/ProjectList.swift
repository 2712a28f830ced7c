import AvanceCore

/// A work program's projects listed by axis: a short title (`Eje 3`) followed by list items
/// lettered or numbered (`A) Actualización del Programa ...`, `B) ...`), as the program defines
/// the projects its table of indicators then cites by reference (`Eje 3/ Proyecto B`).
struct ProjectList {
    /// The folded title and the marker's letter or number (`eje 3`, `b`) → the item, on one line.
    private var names: [Key: String] = [:]

    private struct Key: Hashable {
        var title: String
        var item: String
    }

    init(_ blocks: [Block]) {
        var title: String?
        for block in blocks {
            switch block.kind {
            case .listItem:
                guard let title, let item = block.marker.flatMap(Self.item) else { continue }
                names[Key(title: title, item: item)] = TextCleaning.clean(block.text.text)
            case .heading, .paragraph:
                // A title of a few words (`Eje 3`, `Proyectos del eje 2`) opens a list; a sentence does not.
                let words = Folding.fold(block.text.text).split(whereSeparator: \.isWhitespace)
                title = (1...4).contains(words.count) ? words.joined(separator: " ") : nil
            default:
                title = nil
            }
        }
    }

    var isEmpty: Bool { names.isEmpty }

    /// `A)` → `a`, `2.` → `2`.
    private static func item(_ marker: String) -> String? {
        let body = marker.filter { $0.isLetter || $0.isNumber }
        return body.isEmpty ? nil : Folding.fold(body)
    }

    /// The project a reference names (`Eje 3 / Proyecto B`: the item `B)` under the title
    /// `Eje 3`), where the document lists it.
    func name(of reference: String) -> String? {
        let parts = reference.split(separator: "/").map { Folding.fold($0.trimmingSpace()) }
        guard parts.count >= 2, let item = parts.last?.split(separator: " ").last else { return nil }
        return names[Key(title: parts[0], item: String(item))]
    }
}
