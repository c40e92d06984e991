import Foundation
import Hummingbird
import MultipartKit
import NIOCore

/// A file sent from a form (`multipart/form-data`, RFC 7578), read with MultipartKit: the form's text fields and the
/// one file, within a size the caller sets.
struct Upload {
    var fields: [String: String] = [:]
    var fileName: String?
    var file: [UInt8] = []

    /// The request's parts, or nil when it is not a multipart form.
    static func read(_ request: Request, limit: Int) async throws -> Upload? {
        guard let type = request.headers[.contentType], type.lowercased().hasPrefix("multipart/form-data"),
            let boundary = type.split(separator: ";").lazy.map({ $0.trimmingCharacters(in: .whitespaces) }).first(where: {
                $0.lowercased().hasPrefix("boundary=")
            })?.dropFirst("boundary=".count)
        else { return nil }
        let body = try await request.body.collect(upTo: limit)
        let parser = MultipartParser(boundary: String(boundary).trimmingCharacters(in: ["\""]))
        var upload = Upload()
        var headers: [String: String] = [:]
        var data: [UInt8] = []
        parser.onHeader = { name, value in headers[name.lowercased()] = value }
        parser.onBody = { buffer in data += buffer.readableBytesView }
        parser.onPartComplete = {
            let disposition = headers["content-disposition"] ?? ""
            let name = Self.parameter("name", in: disposition)
            if let file = Self.parameter("filename", in: disposition) {
                upload.fileName = file
                upload.file = data
            } else if let name {
                upload.fields[name] = String(decoding: data, as: UTF8.self)
            }
            headers = [:]
            data = []
        }
        try parser.execute(body)
        return upload
    }

    /// A parameter of a `Content-Disposition` header (`form-data; name="file"; filename="合同.pdf"`).
    static func parameter(_ name: String, in header: String) -> String? {
        for part in header.split(separator: ";") {
            let pair = part.trimmingCharacters(in: .whitespaces)
            guard pair.lowercased().hasPrefix(name + "=") else { continue }
            return String(pair.dropFirst(name.count + 1)).trimmingCharacters(in: ["\""])
        }
        return nil
    }
}
