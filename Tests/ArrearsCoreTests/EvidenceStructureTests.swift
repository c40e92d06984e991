import ArrearsCore
import ArrearsTestSupport
import Foundation
import Testing

@Suite("Evidence files are what their first bytes claim")
struct EvidenceStructureTests {
    func problem(_ bytes: [UInt8]) -> String? {
        guard let type = EvidenceType.recognise(bytes) else { return "not recognised" }
        return type.structureProblem(size: bytes.count) { offset, count in
            guard offset >= 0, offset < bytes.count else { return [] }
            return Array(bytes[offset..<min(bytes.count, offset + count)])
        }?.description
    }

    @Test("A PDF, a PNG and a JPEG as programs write them pass")
    func wellFormed() {
        #expect(problem(EvidenceSamples.pdf()) == nil)
        #expect(problem(EvidenceSamples.pdf(padding: 100_000)) == nil)
        #expect(problem(EvidenceSamples.png()) == nil)
        #expect(problem(EvidenceSamples.jpeg()) == nil)
        #expect(problem(EvidenceSamples.jpeg() + [0, 0, 0, 0]) == nil, "zero padding after the end-of-image marker is what cameras write")
    }

    @Test("A PDF header followed by an executable is refused")
    func pdfWithExecutable() throws {
        let executable = Array(try Data(contentsOf: URL(fileURLWithPath: "/bin/true")))
        #expect(problem(Array("%PDF-1.7\n".utf8) + executable) != nil)
        // A real PDF with an executable appended after its end.
        #expect(problem(EvidenceSamples.pdf() + executable)?.contains("pdf-eof") == true)
        // A trailer whose startxref points into the page content.
        var misdirected = EvidenceSamples.pdf()
        let text = String(decoding: misdirected, as: UTF8.self)
        let xref = try #require(text.range(of: "startxref\n")).upperBound
        let digits = text[xref...].prefix(while: \.isNumber)
        misdirected = Array(text.replacingOccurrences(of: "startxref\n\(digits)", with: "startxref\n12").utf8)
        #expect(problem(misdirected)?.contains("pdf-xref-target") == true)
    }

    @Test("A PNG signature followed by noise, or a header of absurd size, is refused")
    func pngNoise() {
        let noise = (0..<4_000).map { UInt8(truncatingIfNeeded: $0 &* 131 &+ 17) }
        #expect(problem([0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A] + noise)?.contains("png-ihdr") == true)
        #expect(problem(EvidenceSamples.png(width: 1_000_000))?.contains("png-dimensions (height: 1754, limit: 30000, width: 1000000)") == true)
        #expect(problem(Array(EvidenceSamples.png().dropLast(12)))?.contains("png-iend") == true)
    }

    @Test("A JPEG without a frame header, of zero size, or with bytes after its end is refused")
    func jpegStructure() {
        #expect(problem(EvidenceSamples.jpeg(width: 0)) != nil)
        #expect(problem([0xFF, 0xD8, 0xFF, 0xE0] + Array(repeating: 0x41, count: 3_000)) != nil)
        #expect(problem(EvidenceSamples.jpeg() + Array("MZ\u{90}".utf8))?.contains("jpeg-eoi") == true)
    }

    @Test("A download is saved with the extension of what its content is")
    func downloadName() {
        func evidence(_ name: String, _ type: EvidenceType) -> Evidence {
            Evidence(
                id: EvidenceID("e"), complaintID: ComplaintID("c"), sha256: String(repeating: "0", count: 64), type: type, bytes: 1, name: name,
                attachedBy: AccountID("a"), attachedAt: Date(timeIntervalSince1970: 0))
        }
        #expect(evidence("验收报告.pdf", .pdf).downloadName == "验收报告.pdf")
        #expect(evidence("合同.exe", .pdf).downloadName == "合同.exe.pdf")
        #expect(evidence("现场照片.JPEG", .jpeg).downloadName == "现场照片.JPEG")
        #expect(evidence("现场照片.png", .jpeg).downloadName == "现场照片.png.jpg")
        #expect(evidence("无扩展名", .png).downloadName == "无扩展名.png")
    }
}
