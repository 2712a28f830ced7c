import AvanceCore
@testable import AvanceValidate
import Testing

/// The grammar of OCR confusions the `low-confidence` rule reads codes and words with: what a
/// misread code or word may be, and the codes and words it leaves alone.
@Suite struct MisreadingTests {
    @Test(arguments: [
        ("105", Codes.Field.indicator, "I05"),
        ("l05", .indicator, "I05"),
        ("|07", .indicator, "I07"),
        ("£031", .program, "E031"),
        ("€112", .program, "E112"),
        ("EO31", .program, "E031"),
        ("5072", .program, "S072"),
        ("0002", .program, "O002"),
        ("$072", .program, "S072"),
        ("CO3", .component, "C03"),
        ("C0l.A02", .activity, "C01.A02"),
        ("C01.AO2", .activity, "C01.A02"),
    ])
    func aCodeOutsideItsShapesThatAConfusionExplains(read: String, field: Codes.Field, meant: String) {
        let m = Misreading.code(read, field: field)
        #expect(m?.meant == meant, "\(read) as a code of the \(field)")
        #expect(m.map { !$0.confusions.isEmpty } == true)
    }

    @Test(arguments: [
        ("I05", Codes.Field.indicator), ("01", .indicator), ("19736", .indicator), ("112", .indicator), ("P01", .indicator),
        ("E031", .program), ("O002", .program), ("132", .program), ("S072", .program), ("2024", .program),
        ("C01", .component), ("C.01", .component), ("F.P.C01", .component), ("1", .component),
        ("C01.A02", .activity), ("1.2", .activity), ("A01", .activity),
    ])
    func aCodeInItsShapesOrNoConfusionsIsLeftAlone(read: String, field: Codes.Field) {
        #expect(Misreading.code(read, field: field) == nil, "\(read) as a code of the \(field)")
    }

    @Test func aStrokeInAWordMayBeAnIAnLOrAOne() {
        #expect(Misreading.words(in: "NT! = Sumatoria de talleres").map(\.meant) == ["NTI"])
        #expect(Misreading.words(in: "Tota| de acciones").map(\.meant) == ["Total"])
        #expect(Misreading.words(in: "|ndicador de gestión").map(\.meant) == ["Indicador"])
        #expect(Misreading.words(in: "meta 20|5").map(\.meant) == ["2015"])
        #expect(Misreading.words(in: "(|os talleres)").map(\.read) == ["|os"], "the punctuation around a word is not quoted")
    }

    @Test func aStrokeStandingAloneOrAnExclamationThatAnInvertedMarkOpensIsLeftAlone() {
        #expect(Misreading.words(in: "Acciones | Total").isEmpty, "a table's rule between words")
        #expect(Misreading.words(in: "¡Meta cumplida! Se impartieron 4 talleres.").isEmpty)
        #expect(Misreading.words(in: "Se logró. ¡Bien hecho!").isEmpty)
        #expect(Misreading.words(in: "¡Meta! Se logró NT!").map(\.read) == ["NT!"], "the ¡ opens another sentence")
    }

    @Test func theExplanationNamesEachConfusionInBothLanguages() throws {
        let m = try #require(Misreading.code("1O5", field: .indicator))
        #expect(m.meant == "105", "a letter O among digits; the number is a code of its own")
        let one = try #require(Misreading.code("105", field: .indicator))
        #expect(one.explanation.es == "el OCR confunde la I mayúscula con el dígito 1")
        #expect(one.explanation.en == "OCR confuses the capital I with the digit 1")
    }
}
