import ArrearsCore
import Foundation

/// The numbers of one published document, read by name. A publication is the API's answer frozen with its checksum, so
/// the page reads the document itself rather than recounting; a figure absent from an older publication reads as absent.
struct PublishedFigures {
    private let monthly: [String: Any]
    private let cumulative: [String: Any]

    init(body: String) {
        let document = (try? JSONSerialization.jsonObject(with: Data(body.utf8))) as? [String: Any] ?? [:]
        monthly = document["monthly"] as? [String: Any] ?? [:]
        cumulative = document["cumulative"] as? [String: Any] ?? [:]
    }

    /// A figure of the month (`registered`) or one entry of a family (`ratings`, `satisfied`).
    func month(_ name: String, _ entry: String? = nil) -> Int64? { Self.number(monthly, name, entry) }

    func total(_ name: String, _ entry: String? = nil) -> Int64? { Self.number(cumulative, name, entry) }

    private static func number(_ figures: [String: Any], _ name: String, _ entry: String?) -> Int64? {
        let value = entry.map { (figures[name] as? [String: Any])?[$0] } ?? figures[name]
        return (value as? NSNumber)?.int64Value
    }
}
