/// A look at a legacy workbook's records before FreeXL reads them.
///
/// FreeXL (1.0.6, Debian's) trusts the length each BIFF record declares: a cell record longer
/// than its kind can be (a `LABELSST` of 195 bytes where it has 10) makes it read past the
/// record and free a pointer it never allocated, which kills the process (found by mutating the
/// samples, see `XLSExtractionTests`). So the `Workbook` stream is taken out of its compound
/// file here, every record is walked, and one whose length its kind cannot have, or that runs
/// past the stream, makes the workbook damaged before FreeXL sees it.
///
/// This is a guard on the records FreeXL reads into cells and sheets, not a proof that FreeXL
/// cannot fail: reading it in a process of its own, as PDFs are, would be the complete one.
enum BIFFCheck {
    /// Why the workbook is damaged, or `nil` when its container and records are sound.
    static func problem(in bytes: [UInt8]) -> String? {
        let file = CompoundFile(bytes)
        guard let stream = file.stream(named: "Workbook") ?? file.stream(named: "Book") else {
            return "its Office container does not lead to a whole Workbook stream"
        }
        return recordProblem(in: stream)
    }

    /// The first record of `stream` whose length its kind cannot have, that runs past the
    /// stream, or (BIFF8) whose strings run past it; the shared strings (`SST` and its
    /// `CONTINUE` records) walked string by string.
    static func recordProblem(in stream: [UInt8]) -> String? {
        var records: [(type: Int, data: Range<Int>)] = []
        var at = 0
        while at + 4 <= stream.count {
            let type = Int(stream[at]) | Int(stream[at + 1]) << 8
            let length = Int(stream[at + 2]) | Int(stream[at + 3]) << 8
            // What follows the last record may be padding.
            if type == 0, length == 0, stream[at...].allSatisfy({ $0 == 0 }) { break }
            let n = records.count + 1
            guard at + 4 + length <= stream.count else {
                return "its record \(n) (type 0x\(hex(type))) runs past the end of the Workbook stream"
            }
            if let allowed = lengths[type], !allowed(length) {
                return "its record \(n) (type 0x\(hex(type))) has \(length) bytes, which such a record cannot have"
            }
            records.append((type, (at + 4)..<(at + 4 + length)))
            at += 4 + length
        }
        // BIFF8 (its first BOF says version 0x0600) writes strings as count, flags, characters.
        guard let bof = records.first, bof.type == 0x0809, bof.data.count >= 2,
              Int(stream[bof.data.lowerBound]) | Int(stream[bof.data.lowerBound + 1]) << 8 == 0x0600
        else { return nil }
        for (k, record) in records.enumerated() {
            let d = record.data
            func u16(_ i: Int) -> Int { Int(stream[d.lowerBound + i]) | Int(stream[d.lowerBound + i + 1]) << 8 }
            // Where a string's characters start, and its count, for the records FreeXL reads strings of.
            let string: (start: Int, count: Int)? = switch record.type {
            case 0x0204 where d.count >= 9: (9, u16(6))                              // LABEL
            case 0x0085 where d.count >= 8: (8, Int(stream[d.lowerBound + 6]))      // BOUNDSHEET
            case 0x041E where d.count >= 5: (5, u16(2))                              // FORMAT
            default: nil
            }
            if let string {
                let wide = stream[d.lowerBound + string.start - 1] & 1 == 1
                if string.start + string.count * (wide ? 2 : 1) > d.count {
                    return "the string of its record \(k + 1) (type 0x\(hex(record.type))) runs past the record"
                }
            }
            if record.type == 0x00FC {
                let continued = records[(k + 1)...].prefix { $0.type == 0x003C }.map(\.data)
                if let problem = sharedStringsProblem(stream, [d] + continued) { return problem }
            }
        }
        return nil
    }

    /// Whether the shared strings, over their `SST` record and the `CONTINUE` records after
    /// it, hold the strings they count. A string's characters may go on in the next record,
    /// which then opens with a flags byte of its own.
    static func sharedStringsProblem(_ stream: [UInt8], _ segments: [Range<Int>]) -> String? {
        var segment = 0, at = segments[0].lowerBound
        let failure = "its shared strings (SST) run past their records"
        /// The next `count` bytes, across segments (a string's header and its runs are plain bytes).
        func take(_ count: Int) -> [UInt8]? {
            var out: [UInt8] = []
            while out.count < count {
                if at >= segments[segment].upperBound {
                    segment += 1
                    guard segment < segments.count else { return nil }
                    at = segments[segment].lowerBound
                    continue
                }
                let n = min(count - out.count, segments[segment].upperBound - at)
                out += stream[at..<(at + n)]
                at += n
            }
            return out
        }
        func skip(_ count: Int) -> Bool {
            var left = count
            while left > 0 {
                if at >= segments[segment].upperBound {
                    segment += 1
                    guard segment < segments.count else { return false }
                    at = segments[segment].lowerBound
                    continue
                }
                let n = min(left, segments[segment].upperBound - at)
                at += n
                left -= n
            }
            return true
        }
        guard let header = take(8) else { return failure }
        let unique = Int(header[4]) | Int(header[5]) << 8 | Int(header[6]) << 16 | Int(header[7]) << 24
        let total = segments.reduce(0) { $0 + $1.count }
        // Each string takes 3 bytes at least.
        guard unique <= total / 3 else { return failure }
        for _ in 0..<unique {
            guard let h = take(3) else { return failure }
            var left = Int(h[0]) | Int(h[1]) << 8
            var wide = h[2] & 0x01 != 0
            let rich = h[2] & 0x08 != 0, ext = h[2] & 0x04 != 0
            var runs = 0, extra = 0
            if rich { guard let r = take(2) else { return failure }; runs = Int(r[0]) | Int(r[1]) << 8 }
            if ext {
                guard let e = take(4) else { return failure }
                extra = Int(e[0]) | Int(e[1]) << 8 | Int(e[2]) << 16 | Int(e[3]) << 24
            }
            while left > 0 {
                let room = (segments[segment].upperBound - at) / (wide ? 2 : 1)
                let n = min(left, room)
                at += n * (wide ? 2 : 1)
                left -= n
                if left > 0 {
                    // The characters go on in the next record, after a flags byte of its own.
                    segment += 1
                    guard segment < segments.count, !segments[segment].isEmpty else { return failure }
                    at = segments[segment].lowerBound
                    wide = stream[at] & 0x01 != 0
                    at += 1
                }
            }
            guard extra >= 0, skip(4 * runs + extra) else { return failure }
        }
        return nil
    }

    /// The lengths each kind of record FreeXL reads may have (BIFF5 and BIFF8).
    static let lengths: [Int: @Sendable (Int) -> Bool] = [
        0x0809: { $0 >= 4 },                      // BOF
        0x0085: { $0 >= 8 },                      // BOUNDSHEET
        0x00FC: { $0 >= 8 },                      // SST
        0x00FD: { $0 == 10 },                     // LABELSST
        0x0203: { $0 == 14 },                     // NUMBER
        0x027E: { $0 == 10 },                     // RK
        0x00BD: { $0 >= 12 && ($0 - 6) % 6 == 0 }, // MULRK
        0x0205: { $0 == 8 },                      // BOOLERR
        0x0204: { $0 >= 8 },                      // LABEL
        0x0006: { $0 >= 20 },                     // FORMULA
        0x0200: { $0 == 10 || $0 == 14 },         // DIMENSION
        0x00E0: { $0 >= 16 },                     // XF
        0x041E: { $0 >= 3 },                      // FORMAT
        0x0042: { $0 == 2 },                      // CODEPAGE
        0x0022: { $0 == 2 },                      // DATEMODE
        0x002F: { $0 >= 2 },                      // FILEPASS
    ]

    private static func hex(_ value: Int) -> String {
        let digits = String(value, radix: 16, uppercase: true)
        return String(repeating: "0", count: max(0, 4 - digits.count)) + digits
    }
}

/// An OLE2 compound file, read only as far as a stream's bytes: every sector number, chain and
/// size checked against the file, so that a damaged container gives `nil`, never a trap.
struct CompoundFile {
    let bytes: [UInt8]
    private let sectorShift: Int
    private let valid: Bool

    init(_ bytes: [UInt8]) {
        self.bytes = bytes
        let shift = bytes.count >= 512 ? Int(Self.u16(bytes, 0x1E)) : 0
        sectorShift = shift
        valid = bytes.count >= 512 && bytes.starts(with: LegacyOffice.signature) && (shift == 9 || shift == 12)
    }

    private static func u16(_ b: [UInt8], _ at: Int) -> UInt16 { UInt16(b[at]) | UInt16(b[at + 1]) << 8 }
    private static func u32(_ b: [UInt8], _ at: Int) -> UInt32 {
        UInt32(b[at]) | UInt32(b[at + 1]) << 8 | UInt32(b[at + 2]) << 16 | UInt32(b[at + 3]) << 24
    }

    private var sectorSize: Int { 1 << sectorShift }
    private var sectorCount: Int { max(0, bytes.count / sectorSize - 1) }

    /// The bytes of sector `n`, if the file holds it whole.
    private func sector(_ n: UInt32) -> ArraySlice<UInt8>? {
        let start = (Int(n) + 1) << sectorShift
        guard Int(n) < sectorCount, start + sectorSize <= bytes.count else { return nil }
        return bytes[start..<(start + sectorSize)]
    }

    /// The FAT: the next sector of each sector.
    private func fat() -> [UInt32]? {
        var fatSectors: [UInt32] = []
        let count = Int(Self.u32(bytes, 0x2C))
        for k in 0..<109 { fatSectors.append(Self.u32(bytes, 0x4C + 4 * k)) }
        var difat = Self.u32(bytes, 0x44)
        var hops = 0
        while difat < 0xFFFF_FFFA, fatSectors.count < count + 109 {
            guard let s = sector(difat), hops < sectorCount else { return nil }
            let words = sectorSize / 4
            for k in 0..<(words - 1) { fatSectors.append(Self.u32(bytes, s.startIndex + 4 * k)) }
            difat = Self.u32(bytes, s.startIndex + 4 * (words - 1))
            hops += 1
        }
        guard count <= fatSectors.count, count <= sectorCount else { return nil }
        var table: [UInt32] = []
        for n in fatSectors.prefix(count) {
            guard let s = sector(n) else { return nil }
            for k in stride(from: s.startIndex, to: s.endIndex, by: 4) { table.append(Self.u32(bytes, k)) }
        }
        return table
    }

    /// The sectors of the chain that starts at `first`, if it ends within the table.
    private static func chain(_ first: UInt32, in table: [UInt32], limit: Int) -> [UInt32]? {
        var out: [UInt32] = []
        var n = first
        while n != 0xFFFF_FFFE {
            guard Int(n) < table.count, out.count < limit else { return nil }
            out.append(n)
            n = table[Int(n)]
        }
        return out
    }

    /// The bytes of a stream of the root storage named `name`, if the container leads to them whole.
    func stream(named name: String) -> [UInt8]? {
        guard valid, let fat = fat(),
              let directory = Self.chain(Self.u32(bytes, 0x30), in: fat, limit: sectorCount)
        else { return nil }
        var entries: [ArraySlice<UInt8>] = []
        for n in directory {
            guard let s = sector(n) else { return nil }
            for k in stride(from: s.startIndex, to: s.endIndex, by: 128) { entries.append(bytes[k..<(k + 128)]) }
        }
        guard let root = entries.first else { return nil }
        let wanted = Array(name.utf16)
        for entry in entries where entry[entry.startIndex + 0x42] == 2 {
            let nameBytes = Int(Self.u16(bytes, entry.startIndex + 0x40))
            guard nameBytes >= 2, nameBytes <= 64 else { continue }
            let units = stride(from: 0, to: nameBytes - 2, by: 2).map { Self.u16(bytes, entry.startIndex + $0) }
            guard units == wanted else { continue }
            let start = Self.u32(bytes, entry.startIndex + 0x74)
            let size = Int(Self.u32(bytes, entry.startIndex + 0x78))
            guard size <= bytes.count else { return nil }
            if size >= Int(Self.u32(bytes, 0x38)) {
                return read(Self.chain(start, in: fat, limit: sectorCount), size: size, unit: sectorSize) { self.sector($0) }
            }
            // A small stream lives in the mini stream (the root's chain), in 64-byte sectors.
            guard let miniFATChain = Self.chain(Self.u32(bytes, 0x3C), in: fat, limit: sectorCount),
                  let rootChain = Self.chain(Self.u32(bytes, root.startIndex + 0x74), in: fat, limit: sectorCount)
            else { return nil }
            var miniFAT: [UInt32] = []
            for n in miniFATChain {
                guard let s = sector(n) else { return nil }
                for k in stride(from: s.startIndex, to: s.endIndex, by: 4) { miniFAT.append(Self.u32(bytes, k)) }
            }
            var miniStream: [UInt8] = []
            for n in rootChain {
                guard let s = sector(n) else { return nil }
                miniStream += s
            }
            return read(Self.chain(start, in: miniFAT, limit: miniFAT.count), size: size, unit: 64) { n in
                let at = Int(n) * 64
                return at + 64 <= miniStream.count ? miniStream[at..<(at + 64)] : nil
            }
        }
        return nil
    }

    private func read(_ chain: [UInt32]?, size: Int, unit: Int, _ sector: (UInt32) -> ArraySlice<UInt8>?) -> [UInt8]? {
        guard let chain, chain.count * unit >= size else { return nil }
        var out: [UInt8] = []
        out.reserveCapacity(size)
        for n in chain {
            guard let s = sector(n) else { return nil }
            out += s
            if out.count >= size { break }
        }
        return Array(out.prefix(size))
    }
}
