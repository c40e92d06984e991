/// The measures the 2011 size standard (中小企业划型标准规定) uses.
public enum SizeMeasure: String, Sendable, Codable, CaseIterable {
    /// X: 从业人员, people employed.
    case employees
    /// Y: 营业收入, annual revenue, in 万元 in the table.
    case revenue
    /// Z: 资产总额, total assets, in 万元 in the table.
    case assets

    var letter: String {
        switch self {
        case .employees: "X"
        case .revenue: "Y"
        case .assets: "Z"
        }
    }
}

/// What a business measured, for the size test; money in integer fen.
public struct SizeInputs: Sendable, Codable, Equatable {
    public var employees: Int?
    public var annualRevenue: Int64?
    public var totalAssets: Int64?

    public init(employees: Int? = nil, annualRevenue: Int64? = nil, totalAssets: Int64? = nil) {
        self.employees = employees
        self.annualRevenue = annualRevenue
        self.totalAssets = totalAssets
    }

    /// The measures as typed, within the contract's bounds: none negative, at most ten million staff and 10^18 fen
    /// (schemathesis found 10^18 + 1 fen accepted).
    public static func checked(employees: Int?, annualRevenue: Int64?, totalAssets: Int64?) throws(InvalidValue) -> SizeInputs {
        for value in [employees.map(Int64.init), annualRevenue, totalAssets] {
            if let value, value < 0 { throw InvalidValue(rule: "size-test.negative", facts: ["value": "\(value)"]) }
        }
        if let employees, employees > 10_000_000 {
            throw InvalidValue(rule: "size-test.too-large", facts: ["limit": "10000000", "value": "\(employees)"])
        }
        for value in [annualRevenue, totalAssets] {
            if let value, value > 1_000_000_000_000_000_000 {
                throw InvalidValue(rule: "size-test.too-large", facts: ["limit": "10^18", "value": "\(value)"])
            }
        }
        return SizeInputs(employees: employees, annualRevenue: annualRevenue, totalAssets: totalAssets)
    }

    /// The value on the standard's scale: people, or 万元 (one 万元 is 1,000,000 fen), exact to the fen.
    func value(_ measure: SizeMeasure) -> (whole: Int64, fen: Int64)? {
        switch measure {
        case .employees: employees.map { (Int64($0), 0) }
        case .revenue: annualRevenue.map { ($0 / 1_000_000, $0 % 1_000_000) }
        case .assets: totalAssets.map { ($0 / 1_000_000, $0 % 1_000_000) }
        }
    }
}

/// One industry row of the 2011 standard: the SME ceiling (any measure under it) and the medium and small floors (all measures at or over).
public struct SizeStandardRow: Sendable, Equatable {
    public let industry: Industry
    public let smeBelow: [SizeMeasure: Int64]
    public let mediumAtLeast: [SizeMeasure: Int64]
    public let smallAtLeast: [SizeMeasure: Int64]
}

/// The 2011 SME size standard as data (Schemas/reference/sme-size-standard.csv), and the test it defines.
public struct SizeStandard: Sendable {
    public let rows: [Industry: SizeStandardRow]

    /// Parses the shipped table; every industry must have a row.
    public init(csv: String) throws(InvalidValue) {
        var lines = csv.split(whereSeparator: \.isNewline).makeIterator()
        let columns = [SizeMeasure.employees, .revenue, .assets]
        guard let header = lines.next(), header.split(separator: ",").count == 10 else {
            throw InvalidValue(rule: "size-standard.header")
        }
        var rows: [Industry: SizeStandardRow] = [:]
        while let line = lines.next() {
            let fields = line.split(separator: ",", omittingEmptySubsequences: false).map(String.init)
            guard fields.count == 10, let industry = Industry(rawValue: fields[0]) else {
                throw InvalidValue(rule: "size-standard.row", facts: ["line": "\(line)"])
            }
            func group(_ offset: Int) throws(InvalidValue) -> [SizeMeasure: Int64] {
                var found: [SizeMeasure: Int64] = [:]
                for (index, measure) in columns.enumerated() where !fields[offset + index].isEmpty {
                    guard let value = Int64(fields[offset + index]), value > 0 else {
                        throw InvalidValue(
                            rule: "size-standard.value", facts: ["industry": "\(industry.rawValue)", "value": .text(fields[offset + index])])
                    }
                    found[measure] = value
                }
                return found
            }
            rows[industry] = SizeStandardRow(industry: industry, smeBelow: try group(1), mediumAtLeast: try group(4), smallAtLeast: try group(7))
        }
        for industry in Industry.allCases where rows[industry] == nil {
            throw InvalidValue(rule: "size-standard.missing", facts: ["industry": "\(industry.rawValue)"])
        }
        self.rows = rows
    }

    /// The size class and how it was reached, or the measures the test needs and did not get.
    public func classify(_ industry: Industry, _ inputs: SizeInputs) throws(FieldViolation) -> SizeAssessment {
        let row = rows[industry]!
        let needed = Set(row.smeBelow.keys).union(row.mediumAtLeast.keys).union(row.smallAtLeast.keys)
        let missing = SizeMeasure.allCases.filter { needed.contains($0) && inputs.value($0) == nil }
        if let first = missing.first {
            throw FieldViolation(
                field: Self.field(first), rule: "size-test.measure-required",
                facts: ["industry": "\(industry.rawValue)", "measures": .text(missing.map(Self.field).joined(separator: ", "))])
        }
        var steps: [Message] = []
        func below(_ measure: SizeMeasure, _ bound: Int64) -> Bool { inputs.value(measure)!.whole < bound }
        func atLeast(_ measure: SizeMeasure, _ bound: Int64) -> Bool { inputs.value(measure)!.whole >= bound }
        /// "X=250 < 1000": the value as measured against a bound of the table, on the standard's scale (people, 万元).
        func compared(_ measure: SizeMeasure, _ bound: Int64, below isBelow: Bool) -> Message {
            let (whole, fen) = inputs.value(measure)!
            var shown = String(whole)
            if fen != 0 {
                var decimals = fen.zeroPadded(6)
                while decimals.hasSuffix("0") { decimals.removeLast() }
                shown += "." + decimals
            }
            return Message("size.compare.\(measure.rawValue).\(isBelow ? "below" : "at-least")", ["value": .text(shown), "bound": "\(bound)"])
        }
        func step(_ id: String, _ comparisons: [Message], _ extra: [String: MessageFact] = [:]) -> Message {
            Message("size.step." + id, extra.merging(["comparisons": .list(comparisons, .and)]) { a, _ in a })
        }
        let ceiling = row.smeBelow.sorted { $0.key.letter < $1.key.letter }
        let underCeiling = ceiling.filter { below($0.key, $0.value) }
        guard !underCeiling.isEmpty else {
            let needs = ceiling.map { Message("size.need.\($0.key.rawValue)", ["bound": "\($0.value)"]) }
            steps.append(step("not-sme", ceiling.map { compared($0.key, $0.value, below: false) }, ["needs": .list(needs, .or)]))
            return SizeAssessment(industry: industry, size: .large, steps: steps)
        }
        steps.append(step("sme", underCeiling.map { compared($0.key, $0.value, below: true) }))
        for (size, floors) in [(EnterpriseSize.medium, row.mediumAtLeast), (.small, row.smallAtLeast)] {
            let ordered = floors.sorted { $0.key.letter < $1.key.letter }
            let failing = ordered.filter { !atLeast($0.key, $0.value) }
            if failing.isEmpty {
                steps.append(step(size.rawValue, ordered.map { compared($0.key, $0.value, below: false) }))
                return SizeAssessment(industry: industry, size: size, steps: steps)
            }
            steps.append(step("not-\(size.rawValue)", failing.map { compared($0.key, $0.value, below: true) }))
        }
        steps.append(Message("size.step.micro"))
        return SizeAssessment(industry: industry, size: .micro, steps: steps)
    }

    static func field(_ measure: SizeMeasure) -> String {
        switch measure {
        case .employees: "employees"
        case .revenue: "annualRevenue"
        case .assets: "totalAssets"
        }
    }
}

/// The outcome of the size test, with the comparisons that led to it.
public struct SizeAssessment: Sendable, Codable, Equatable {
    public let industry: Industry
    public let size: EnterpriseSize
    /// Each step in order, as facts: "SME: X=250 < 1000", "not medium: X=250 < 300", "small: X=250 ≥ 20 and Y=500万元 ≥ 300".
    public let steps: [Message]

    public var isSME: Bool { size != .large }
    /// The steps as one fact, for a message that quotes the reasoning.
    public var reasoning: MessageFact { .list(steps, .sentences) }
}
