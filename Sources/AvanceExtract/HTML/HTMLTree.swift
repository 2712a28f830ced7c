import CLibXML2

/// An HTML document as plain Swift values: what libxml2's parser built, copied out
/// before the C tree is freed. The only file that imports `CLibXML2`.
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
