/// How often an indicator is measured, folded: the words a `Frecuencia de medición` or
/// `Periodicidad` cell holds.
enum Frequencies {
    static let names: Set<String> = [
        "anual", "semestral", "trimestral", "cuatrimestral", "bimestral", "mensual", "quincenal", "semanal", "diaria",
        "bienal", "bianual", "trianual", "quinquenal", "sexenal",
    ]
}
