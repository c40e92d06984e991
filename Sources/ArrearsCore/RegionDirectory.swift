import Foundation

/// The GB/T 2260 region table (cn-regions.csv: `code,name,level`), parsed from text the caller read.
public struct RegionDirectory: Sendable {
    /// One row of the table.
    public struct Region: Sendable, Equatable {
        public let code: RegionCode
        public let name: String
        public let level: String
    }

    private let regions: [String: Region]

    /// Parses the CSV text; the header row is required so a wrong file is not taken silently.
    public init(csv: String) throws(InvalidValue) {
        var lines = csv.split(whereSeparator: \.isNewline).makeIterator()
        guard let header = lines.next(), header.trimmingCharacters(in: .whitespaces) == "code,name,level" else {
            throw InvalidValue(rule: "regions.header")
        }
        var regions: [String: Region] = [:]
        var row = 1
        while let line = lines.next() {
            row += 1
            let fields = line.split(separator: ",", omittingEmptySubsequences: false)
            guard fields.count == 3 else {
                throw InvalidValue(rule: "regions.row", facts: ["row": "\(row)", "fieldsCount": "\(fields.count)"])
            }
            let code = try RegionCode(format: String(fields[0]))
            regions[code.code] = Region(code: code, name: String(fields[1]), level: String(fields[2]))
        }
        self.regions = regions
    }

    public func contains(_ code: RegionCode) -> Bool { regions[code.code] != nil }

    /// The name of the region, e.g. 杭州市 for 330100; nil for a code the table does not list.
    public func name(of code: RegionCode) -> String? { regions[code.code]?.name }

    public var count: Int { regions.count }

    /// Every region, by code.
    public var all: [Region] { regions.values.sorted { $0.code < $1.code } }
}
