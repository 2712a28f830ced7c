import AvanceCore

/// Office files in the OLE2 compound-file container (`D0 CF 11 E0`): legacy Excel workbooks
/// (`.xls`, BIFF) and password-protected Office Open XML files, which avance names rather than
/// calling them binary data. Word and PowerPoint files in the same container stay binary.
enum LegacyOffice {
    enum Kind: Equatable {
        /// A legacy Excel workbook: the container has a `Workbook` (or, before Excel 97, `Book`) stream.
        case workbook
        /// An encrypted Office Open XML package (`EncryptedPackage` stream).
        case encrypted
    }

    static let signature: [UInt8] = [0xD0, 0xCF, 0x11, 0xE0, 0xA1, 0xB1, 0x1A, 0xE1]

    /// The kind of an OLE2 file, found by its streams' names (stored in UTF-16LE in the
    /// container's directory); `nil` for anything else.
    static func kind(of bytes: [UInt8]) -> Kind? {
        guard bytes.starts(with: signature) else { return nil }
        if contains(bytes, utf16: "EncryptedPackage") { return .encrypted }
        if contains(bytes, utf16: "Workbook") || contains(bytes, utf16: "Book\0") { return .workbook }
        return nil
    }

    private static func contains(_ bytes: [UInt8], utf16 name: String) -> Bool {
        let needle = name.utf16.flatMap { [UInt8($0 & 0xFF), UInt8($0 >> 8)] }
        return Search.firstIndex(of: needle, in: bytes) != nil
    }
}
