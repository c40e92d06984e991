/// Whether a file is what its first bytes claim (证据文件结构): a PDF with a trailer whose `startxref` points at a
/// cross-reference, a PNG with a sane header and an IEND chunk at its end, a JPEG with a frame header of sane dimensions
/// before its scan and an end-of-image marker. A PDF header followed by an executable, or a PNG signature followed by
/// noise, is refused; nothing is decoded further (no pixels, no PDF objects).
extension EvidenceType {
    /// Largest width or height an evidence image may declare: a scan at 600 dpi of an A0 sheet is under 30,000 pixels.
    public static let maximumDimension = 30_000

    /// What is wrong with the file's structure, or nil. `read(offset, count)` gives up to `count` bytes at `offset`.
    public func structureProblem(size: Int, read: (Int, Int) -> [UInt8]) -> Message? {
        switch self {
        case .pdf: Self.pdfProblem(size: size, read: read)
        case .png: Self.pngProblem(size: size, read: read)
        case .jpeg: Self.jpegProblem(size: size, read: read)
        // Written by the platform, never uploaded: there is no outside structure to distrust.
        case .html: nil
        }
    }

    private static func pdfProblem(size: Int, read: (Int, Int) -> [UInt8]) -> Message? {
        let tailLength = min(size, 2048)
        let tail = read(size - tailLength, tailLength)
        guard let eof = lastRange(of: Array("%%EOF".utf8), in: tail),
            tail[(eof + 5)...].allSatisfy({ [0x0A, 0x0D, 0x20, 0x09, 0x00].contains($0) })
        else { return Message("evidence.structure.pdf-eof") }
        guard let start = lastRange(of: Array("startxref".utf8), in: tail), start < eof else {
            return Message("evidence.structure.pdf-startxref")
        }
        let digits = tail[(start + 9)..<eof].drop(while: { $0 == 0x0A || $0 == 0x0D || $0 == 0x20 }).prefix(while: { (48...57).contains($0) })
        guard !digits.isEmpty, digits.count <= 12, let offset = Int(String(decoding: digits, as: UTF8.self)), offset > 0, offset < size else {
            return Message("evidence.structure.pdf-xref-offset")
        }
        let target = read(offset, 32)
        let xrefTable = target.starts(with: Array("xref".utf8))
        // A cross-reference stream is an object: "12 0 obj".
        let objectHeader = String(decoding: target.prefix(24), as: UTF8.self)
        let xrefStream = objectHeader.first?.isNumber == true && objectHeader.contains(" obj")
        return xrefTable || xrefStream ? nil : Message("evidence.structure.pdf-xref-target")
    }

    private static func pngProblem(size: Int, read: (Int, Int) -> [UInt8]) -> Message? {
        let header = read(8, 25)
        guard header.count == 25, header[0..<8] == [0, 0, 0, 13, 0x49, 0x48, 0x44, 0x52] else {
            return Message("evidence.structure.png-ihdr")
        }
        let width = header[8..<12].reduce(0) { $0 << 8 | Int($1) }
        let height = header[12..<16].reduce(0) { $0 << 8 | Int($1) }
        guard (1...maximumDimension).contains(width), (1...maximumDimension).contains(height) else {
            return Message("evidence.structure.png-dimensions", ["width": "\(width)", "height": "\(height)", "limit": "\(maximumDimension)"])
        }
        let (depth, colour) = (header[16], header[17])
        guard [1, 2, 4, 8, 16].contains(depth), [0, 2, 3, 4, 6].contains(colour) else {
            return Message("evidence.structure.png-header")
        }
        let end: [UInt8] = [0, 0, 0, 0, 0x49, 0x45, 0x4E, 0x44, 0xAE, 0x42, 0x60, 0x82]
        return size >= 45 && read(size - 12, 12) == end ? nil : Message("evidence.structure.png-iend")
    }

    private static func jpegProblem(size: Int, read: (Int, Int) -> [UInt8]) -> Message? {
        var offset = 2
        var frame = false
        // Markers and their lengths up to the scan; at most a few hundred segments in any real file.
        for _ in 0..<512 {
            let marker = read(offset, 4)
            guard marker.count == 4, marker[0] == 0xFF else { return Message("evidence.structure.jpeg-segments") }
            let kind = marker[1]
            let length = Int(marker[2]) << 8 | Int(marker[3])
            if kind == 0xDA { break }
            guard length >= 2 else { return Message("evidence.structure.jpeg-segments") }
            if [0xC0, 0xC1, 0xC2, 0xC3, 0xC5, 0xC6, 0xC7, 0xC9, 0xCA, 0xCB, 0xCD, 0xCE, 0xCF].contains(kind) {
                let header = read(offset + 4, 5)
                guard header.count == 5 else { return Message("evidence.structure.jpeg-frame-header") }
                let height = Int(header[1]) << 8 | Int(header[2])
                let width = Int(header[3]) << 8 | Int(header[4])
                guard (1...maximumDimension).contains(width), (1...maximumDimension).contains(height) else {
                    return Message(
                        "evidence.structure.jpeg-dimensions", ["width": "\(width)", "height": "\(height)", "limit": "\(maximumDimension)"])
                }
                frame = true
            }
            offset += 2 + length
            guard offset < size else { return Message("evidence.structure.jpeg-overrun") }
        }
        guard frame else { return Message("evidence.structure.jpeg-frame-missing") }
        // Some cameras pad after the end-of-image marker with zeros; nothing else may follow it.
        let tail = read(max(0, size - 64), min(size, 64))
        let trimmed = tail.reversed().drop(while: { $0 == 0 })
        return Array(trimmed.prefix(2)) == [0xD9, 0xFF] ? nil : Message("evidence.structure.jpeg-eoi")
    }

    private static func lastRange(of needle: [UInt8], in haystack: [UInt8]) -> Int? {
        guard haystack.count >= needle.count else { return nil }
        for start in stride(from: haystack.count - needle.count, through: 0, by: -1)
        where haystack[start..<(start + needle.count)].elementsEqual(needle) {
            return start
        }
        return nil
    }
}

extension Evidence {
    /// The name a download is saved under: the given name, with the extension of the type its content was recognised as
    /// when the name claims another ("合同.exe" of a PDF is saved as "合同.exe.pdf"), so no file opens as what it is not.
    public var downloadName: String {
        let accepted: [String] =
            switch type {
            case .pdf: ["pdf"]
            case .jpeg: ["jpg", "jpeg"]
            case .png: ["png"]
            case .html: ["html"]
            }
        let dot = name.lastIndex(of: ".")
        let given = dot.map { String(name[name.index(after: $0)...]).lowercased() } ?? ""
        return accepted.contains(given) ? name : name + "." + type.fileExtension
    }
}
