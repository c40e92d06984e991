import Foundation

/// Evidence files as real programs write them, small enough for tests: a PDF with its cross-reference table and trailer,
/// a PNG and a JPEG with sane headers and proper ends. `padding` bytes of page or image data make them as large as a test
/// needs; the structure checks read only the headers and ends.
public enum EvidenceSamples {
    /// A one-page PDF 1.4 whose content stream carries `padding` bytes; `startxref` points at its `xref` table.
    public static func pdf(padding: Int = 0) -> [UInt8] {
        var objects: [String] = [
            "<< /Type /Catalog /Pages 2 0 R >>", "<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
            "<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Contents 4 0 R >>",
        ]
        let content = "BT /F1 12 Tf 72 770 Td (Acceptance record 2025-09-30) Tj ET\n" + String(repeating: "%", count: padding)
        objects.append("<< /Length \(content.utf8.count) >>\nstream\n\(content)\nendstream")
        var text = "%PDF-1.4\n"
        var offsets: [Int] = []
        for (index, object) in objects.enumerated() {
            offsets.append(text.utf8.count)
            text += "\(index + 1) 0 obj\n\(object)\nendobj\n"
        }
        let xref = text.utf8.count
        text += "xref\n0 \(objects.count + 1)\n0000000000 65535 f \n"
        for offset in offsets { text += String(repeating: "0", count: 10 - String(offset).count) + "\(offset) 00000 n \n" }
        text += "trailer\n<< /Size \(objects.count + 1) /Root 1 0 R >>\nstartxref\n\(xref)\n%%EOF\n"
        return Array(text.utf8)
    }

    /// A PNG of `width`×`height` pixels: signature, IHDR, an IDAT of `padding` bytes (not decoded by anyone), IEND.
    public static func png(width: Int = 1240, height: Int = 1754, padding: Int = 2_000) -> [UInt8] {
        func chunk(_ type: String, _ data: [UInt8]) -> [UInt8] {
            let body = Array(type.utf8) + data
            return bigEndian(data.count) + body + bigEndian(Int(crc32(body)))
        }
        let header = bigEndian(width) + bigEndian(height) + [8, 2, 0, 0, 0]
        let data = (0..<padding).map { UInt8(truncatingIfNeeded: $0 &* 31 &+ 7) }
        return [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A] + chunk("IHDR", header) + chunk("IDAT", data) + chunk("IEND", [])
    }

    /// A baseline JPEG of `width`×`height` pixels: SOI, JFIF, a frame header, a scan of `padding` bytes, EOI.
    public static func jpeg(width: Int = 1240, height: Int = 1754, padding: Int = 2_000) -> [UInt8] {
        let jfif: [UInt8] = [0xFF, 0xE0, 0x00, 0x10] + Array("JFIF".utf8) + [0x00, 0x01, 0x01, 0x00, 0x00, 0x48, 0x00, 0x48, 0x00, 0x00]
        let frame: [UInt8] =
            [0xFF, 0xC0, 0x00, 0x0B, 0x08, UInt8(height >> 8), UInt8(height & 0xFF), UInt8(width >> 8), UInt8(width & 0xFF), 0x01]
            + [0x01, 0x11, 0x00]
        let scan: [UInt8] = [0xFF, 0xDA, 0x00, 0x08, 0x01, 0x01, 0x00, 0x00, 0x3F, 0x00]
        // Entropy-coded data never holds a bare 0xFF.
        let data = (0..<padding).map { UInt8(truncatingIfNeeded: $0 &* 31 &+ 7) & 0x7F }
        return [0xFF, 0xD8] + jfif + frame + scan + data + [0xFF, 0xD9]
    }

    static func bigEndian(_ value: Int) -> [UInt8] { [24, 16, 8, 0].map { UInt8(truncatingIfNeeded: value >> $0) } }

    static func crc32(_ bytes: [UInt8]) -> UInt32 {
        var crc: UInt32 = 0xFFFF_FFFF
        for byte in bytes {
            crc ^= UInt32(byte)
            for _ in 0..<8 { crc = crc & 1 == 1 ? (crc >> 1) ^ 0xEDB8_8320 : crc >> 1 }
        }
        return ~crc
    }
}
