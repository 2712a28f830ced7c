import AvanceCore

/// The words the reports print around what documents say, in Spanish and English side by
/// side: one place for every label, so that no page or file mixes the two.
struct Words {
    let language: Language

    init(_ language: Language) { self.language = language }

    /// The Spanish or the English, as the report's language asks.
    func callAsFunction(_ es: String, _ en: String) -> String { language == .es ? es : en }

    func severity(_ s: Severity) -> String {
        switch s {
        case .error: "error"
        case .warning: self("advertencia", "warning")
        case .info: self("informativo", "info")
        }
    }

    /// `2 errores`, `1 warning`.
    func severityCount(_ s: Severity, _ n: Int) -> String {
        switch (s, language) {
        case (.error, .es): "\(n) \(n == 1 ? "error" : "errores")"
        case (.warning, .es): "\(n) \(n == 1 ? "advertencia" : "advertencias")"
        case (.info, .es): "\(n) \(n == 1 ? "informativo" : "informativos")"
        case (_, .en): "\(n) \(s.rawValue)\(n == 1 ? "" : "s")"
        }
    }

    func count(_ n: Int, _ es: String, _ esPlural: String, _ en: String, _ enPlural: String) -> String {
        "\(n) \(n == 1 ? self(es, en) : self(esPlural, enPlural))"
    }

    func scope(_ s: RuleScope) -> String {
        s == .crossReport ? self("varios informes", "several reports") : self("un informe", "one report")
    }

    func light(_ l: TrafficLight) -> String { l.name(language) }

    /// `p. 2, línea 4, columna 1`.
    func place(_ e: SourceSpan) -> String {
        var parts: [String] = []
        if e.sheet != nil { parts.append(self("celda", "cell") + " " + e.location) }
        else {
            if let page = e.page { parts.append(self("pág.", "p.") + " \(page)") }
            parts.append(self("línea", "line") + " \(e.line)")
            parts.append(self("columna", "column") + " \(e.column)")
        }
        return parts.joined(separator: ", ")
    }

    /// `p. 2, line 14:3` / `pág. 2, línea 14:3`; a cell as `Hoja1!C12`.
    func location(_ e: SourceSpan) -> String {
        guard e.sheet == nil else { return e.location }
        return (e.page.map { self("pág. \($0), ", "p. \($0), ") } ?? "") + self("línea", "line") + " \(e.line):\(e.column)"
    }

    /// `3 en rojo`, `3 red`.
    func lightCount(_ l: TrafficLight, _ n: Int) -> String { self("\(n) en \(light(l))", "\(n) \(light(l))") }

    func quarter(_ year: Int?, _ quarter: Int?) -> String {
        guard let year else { return self("sin periodo", "no period") }
        guard let quarter else { return self("ejercicio \(year)", "\(year)") }
        return self("T\(quarter) \(year)", "\(year) Q\(quarter)")
    }
}
