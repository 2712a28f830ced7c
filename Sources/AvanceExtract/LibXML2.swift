import CLibXML2
import Foundation

// The only file that imports `CLibXML2`: libxml2's HTML parser (HTML pages, and the XHTML
// pdftotext writes) and its XML reader (the parts of an XLSX workbook). No C pointer leaves it.

/// An HTML document as plain Swift values: what libxml2's parser built, copied out
/// before the C tree is freed.
struct HTMLNode: Sendable, Hashable {
    enum Kind: Sendable, Hashable {
        /// An element; `name` is lower case.
        case element(name: String, attributes: [String: String])
        /// Character data with entities already decoded.
        case text(String)
    }

    var kind: Kind
    var children: [HTMLNode]
    /// The source line libxml2 recorded for the node (1-based; 0 when unknown).
    var line: Int

    var name: String? {
        if case .element(let name, _) = kind { return name }
        return nil
    }

    func attribute(_ key: String) -> String? {
        if case .element(_, let attributes) = kind { return attributes[key] }
        return nil
    }
}

enum HTMLTree {
    /// libxml2 sets up its tables once per process; doing it before the first parse
    /// keeps parses on several threads from racing to do it (a `static let` runs once).
    private static let libraryReady: Void = xmlInitParser()

    /// Parses UTF-8 bytes with libxml2's HTML parser (recovering from broken markup,
    /// with no network access and no diagnostics) and returns the root element's
    /// children, or `nil` when libxml2 built no document at all.
    ///
    /// Comments, processing instructions (stray `<?php ... ?>` lines), the DOCTYPE and
    /// entity declarations are left out: only elements and text reach Swift.
    static func parse(utf8 bytes: [UInt8]) -> [HTMLNode]? {
        _ = libraryReady
        return bytes.withUnsafeBufferPointer { buffer -> [HTMLNode]? in
            guard let base = buffer.baseAddress, buffer.count <= Int(Int32.max) else { return nil }
            let document = base.withMemoryRebound(to: CChar.self, capacity: buffer.count) { chars in
                htmlReadMemory(chars, Int32(buffer.count), nil, "UTF-8", avance_htmlOptions())
            }
            guard let document else { return nil }
            defer { xmlFreeDoc(document) }
            var nodes: [HTMLNode] = []
            var child = document.pointee.children
            while let c = child {
                nodes += convert(c)
                child = c.pointee.next
            }
            return nodes
        }
    }

    private static func convert(_ node: xmlNodePtr) -> [HTMLNode] {
        let line = Int(xmlGetLineNo(node))
        switch node.pointee.type {
        case XML_ELEMENT_NODE:
            var children: [HTMLNode] = []
            var child = node.pointee.children
            while let c = child {
                children += convert(c)
                child = c.pointee.next
            }
            var attributes: [String: String] = [:]
            var attribute = node.pointee.properties
            while let a = attribute {
                if let name = a.pointee.name {
                    let key = String(cString: name).lowercased()
                    if let value = xmlNodeGetContent(xmlNodePtr(OpaquePointer(a))) {
                        attributes[key] = String(cString: value)
                        avance_xmlFree(value)
                    } else {
                        attributes[key] = ""
                    }
                }
                attribute = a.pointee.next
            }
            let name = node.pointee.name.map { String(cString: $0).lowercased() } ?? ""
            return [HTMLNode(kind: .element(name: name, attributes: attributes), children: children, line: line)]
        case XML_TEXT_NODE, XML_CDATA_SECTION_NODE:
            guard let content = node.pointee.content else { return [] }
            return [HTMLNode(kind: .text(String(cString: content)), children: [], line: line)]
        default:
            return []
        }
    }
}

/// One step through an XML document, as plain Swift values. Names are local names (without
/// a namespace prefix: `x:c` and `c` are both `c`); text has its entities decoded.
enum XMLEvent: Sendable, Hashable {
    /// An element opens; an empty one (`<c r="A1"/>`) is followed at once by its `end`.
    case start(name: String, attributes: [String: String])
    case end(name: String)
    /// Character data (CDATA included), white space too.
    case text(String)
}

/// A part that is not well-formed XML, where libxml2 stopped reading it.
struct XMLStreamError: Error, Sendable, Hashable {
    var line: Int
    var message: String
}

enum XMLStream {
    /// libxml2 sets up its tables once per process (see `HTMLTree`).
    private static let libraryReady: Void = xmlInitParser()

    /// Reads an XML document with libxml2's streaming reader and hands each event to `body`,
    /// so a large worksheet is never held as a tree. Nothing is fetched and no entity is
    /// expanded (`avance_xmlOptions`). Throws `XMLStreamError` where the XML is not
    /// well-formed, and whatever `body` throws, which stops the reading.
    static func read(_ bytes: [UInt8], _ body: (XMLEvent) throws -> Void) throws {
        _ = libraryReady
        guard bytes.count <= Int(Int32.max) else { throw XMLStreamError(line: 0, message: "the part is too large for the XML reader") }
        try bytes.withUnsafeBufferPointer { buffer in
            guard let base = buffer.baseAddress else { return }
            let reader = base.withMemoryRebound(to: CChar.self, capacity: buffer.count) { chars in
                xmlReaderForMemory(chars, Int32(buffer.count), nil, nil, avance_xmlOptions())
            }
            guard let reader else { throw XMLStreamError(line: 0, message: "libxml2 could not start reading") }
            defer { xmlFreeTextReader(reader) }
            while true {
                let status = xmlTextReaderRead(reader)
                if status == 0 { return }
                if status < 0 {
                    let line = Int(xmlTextReaderGetParserLineNumber(reader))
                    var message = "not well-formed XML"
                    if let error = xmlGetLastError(), let text = error.pointee.message {
                        message = String(cString: text).trimmingCharacters(in: .whitespacesAndNewlines)
                    }
                    throw XMLStreamError(line: line, message: message)
                }
                switch xmlTextReaderNodeType(reader) {
                case Int32(XML_READER_TYPE_ELEMENT.rawValue):
                    let name = string(xmlTextReaderConstLocalName(reader))
                    let isEmpty = xmlTextReaderIsEmptyElement(reader) == 1
                    var attributes: [String: String] = [:]
                    while xmlTextReaderMoveToNextAttribute(reader) == 1 {
                        if xmlTextReaderIsNamespaceDecl(reader) == 1 { continue }
                        attributes[string(xmlTextReaderConstLocalName(reader))] = string(xmlTextReaderConstValue(reader))
                    }
                    _ = xmlTextReaderMoveToElement(reader)
                    try body(.start(name: name, attributes: attributes))
                    if isEmpty { try body(.end(name: name)) }
                case Int32(XML_READER_TYPE_END_ELEMENT.rawValue):
                    try body(.end(name: string(xmlTextReaderConstLocalName(reader))))
                case Int32(XML_READER_TYPE_TEXT.rawValue), Int32(XML_READER_TYPE_CDATA.rawValue),
                     Int32(XML_READER_TYPE_WHITESPACE.rawValue), Int32(XML_READER_TYPE_SIGNIFICANT_WHITESPACE.rawValue):
                    try body(.text(string(xmlTextReaderConstValue(reader))))
                default:
                    continue
                }
            }
        }
    }

    private static func string(_ chars: UnsafePointer<xmlChar>?) -> String {
        guard let chars else { return "" }
        return String(cString: chars)
    }
}
