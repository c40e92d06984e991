import ArrearsApplication
import ArrearsCore
import Foundation
import HTTPTypes
import Hummingbird

/// A complaint's file through the portal: the application layer checked scope and logged the reading; the file is
/// streamed as an attachment that never runs (no sniffing; an issued document is sandboxed).
enum FileDownload {
    static func response(_ file: EvidenceFile) throws -> Response {
        let handle = try FileHandle(forReadingFrom: file.location)
        defer { try? handle.close() }
        let data = try handle.readToEnd() ?? Data()
        var headers: HTTPFields = [.contentType: file.evidence.type.rawValue + (file.evidence.type == .html ? "; charset=utf-8" : "")]
        headers[.contentDisposition] = file.contentDisposition
        headers[HTTPField.Name("X-Content-Type-Options")!] = "nosniff"
        headers[HTTPField.Name("Content-Security-Policy")!] = EvidenceFile.sandboxPolicy
        headers[.cacheControl] = "no-store"
        return Response(status: .ok, headers: headers, body: .init(byteBuffer: ByteBuffer(data: data)))
    }
}
