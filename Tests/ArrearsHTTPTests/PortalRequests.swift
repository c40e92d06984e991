import Foundation
import HTTPTypes
import HummingbirdTesting
import NIOCore

// Requests as a browser makes them to the portal: cookies in, form-encoded bodies out.

/// The value of a cookie a response sets, and the attributes it is set with.
func cookie(_ name: String, in response: TestResponse) -> (value: String, attributes: String)? {
    for header in response.headers[values: .setCookie] where header.hasPrefix(name + "=") {
        let value = header.dropFirst(name.count + 1).prefix { $0 != ";" }
        return (String(value), header)
    }
    return nil
}

/// The hidden form token a page carries.
func formToken(_ html: String) -> String? {
    guard let range = html.range(of: #"name="csrf" value=""#) else { return nil }
    return String(html[range.upperBound...].prefix { $0 != "\"" })
}

func post(
    _ client: some TestClientProtocol, _ path: String, _ fields: [String: String], cookies: [String: String], extra: [String: String] = [:]
) async throws -> TestResponse {
    var headers: HTTPFields = [.contentType: "application/x-www-form-urlencoded"]
    headers[.cookie] = cookies.map { "\($0.key)=\($0.value)" }.joined(separator: "; ")
    for (name, value) in extra { headers[HTTPField.Name(name)!] = value }
    let body = fields.map { "\($0.key)=\($0.value.addingPercentEncoding(withAllowedCharacters: .alphanumerics) ?? "")" }.joined(separator: "&")
    return try await client.execute(uri: path, method: .post, headers: headers, body: ByteBuffer(string: body))
}

func get(_ client: some TestClientProtocol, _ path: String, session: String? = nil, language: String? = nil) async throws -> TestResponse {
    var headers: HTTPFields = [:]
    if let session { headers[.cookie] = "arrears_session=\(session)" }
    if let language { headers[.acceptLanguage] = language }
    return try await client.execute(uri: path, method: .get, headers: headers)
}

/// A file form as a browser sends it: the form token and one file, `multipart/form-data`.
func multipartForm(token: String, fields: [String: String] = [:], name: String, type: String, bytes: [UInt8]) -> (
    body: ByteBuffer, contentType: String
) {
    let boundary = "----arrears-test-boundary"
    var body = ByteBuffer()
    for (field, value) in fields.merging(["csrf": token], uniquingKeysWith: { a, _ in a }).sorted(by: { $0.key < $1.key }) {
        body.writeString("--\(boundary)\r\nContent-Disposition: form-data; name=\"\(field)\"\r\n\r\n\(value)\r\n")
    }
    body.writeString("--\(boundary)\r\nContent-Disposition: form-data; name=\"file\"; filename=\"\(name)\"\r\nContent-Type: \(type)\r\n\r\n")
    body.writeBytes(bytes)
    body.writeString("\r\n--\(boundary)--\r\n")
    return (body, "multipart/form-data; boundary=\(boundary)")
}
