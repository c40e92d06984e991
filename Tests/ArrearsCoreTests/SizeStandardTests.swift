import ArrearsCore
import ArrearsTestSupport
import Testing

/// The 2011 standard's table, typed in again from DOMAIN.md (independently of the shipped CSV, so a
/// mistake in either shows): the SME ceiling, then the medium and small floors; money in 万元.
struct StandardRow: Sendable, CustomTestStringConvertible {
    let industry: Industry
    let ceiling: [SizeMeasure: Int64]
    let medium: [SizeMeasure: Int64]
    let small: [SizeMeasure: Int64]
    var testDescription: String { industry.rawValue }

    static let all: [StandardRow] = [
        .init(industry: .agriculture, ceiling: [.revenue: 20000], medium: [.revenue: 500], small: [.revenue: 50]),
        .init(
            industry: .industry, ceiling: [.employees: 1000, .revenue: 40000], medium: [.employees: 300, .revenue: 2000],
            small: [.employees: 20, .revenue: 300]),
        .init(
            industry: .construction, ceiling: [.revenue: 80000, .assets: 80000], medium: [.revenue: 6000, .assets: 5000],
            small: [.revenue: 300, .assets: 300]),
        .init(
            industry: .wholesale, ceiling: [.employees: 200, .revenue: 40000], medium: [.employees: 20, .revenue: 5000],
            small: [.employees: 5, .revenue: 1000]),
        .init(
            industry: .retail, ceiling: [.employees: 300, .revenue: 20000], medium: [.employees: 50, .revenue: 500],
            small: [.employees: 10, .revenue: 100]),
        .init(
            industry: .transport, ceiling: [.employees: 1000, .revenue: 30000], medium: [.employees: 300, .revenue: 3000],
            small: [.employees: 20, .revenue: 200]),
        .init(
            industry: .warehousing, ceiling: [.employees: 200, .revenue: 30000], medium: [.employees: 100, .revenue: 1000],
            small: [.employees: 20, .revenue: 100]),
        .init(
            industry: .postal, ceiling: [.employees: 1000, .revenue: 30000], medium: [.employees: 300, .revenue: 2000],
            small: [.employees: 20, .revenue: 100]),
        .init(
            industry: .accommodation, ceiling: [.employees: 300, .revenue: 10000], medium: [.employees: 100, .revenue: 2000],
            small: [.employees: 10, .revenue: 100]),
        .init(
            industry: .catering, ceiling: [.employees: 300, .revenue: 10000], medium: [.employees: 100, .revenue: 2000],
            small: [.employees: 10, .revenue: 100]),
        .init(
            industry: .informationTransmission, ceiling: [.employees: 2000, .revenue: 100000], medium: [.employees: 100, .revenue: 1000],
            small: [.employees: 10, .revenue: 100]),
        .init(
            industry: .software, ceiling: [.employees: 300, .revenue: 10000], medium: [.employees: 100, .revenue: 1000],
            small: [.employees: 10, .revenue: 50]),
        .init(
            industry: .realEstateDevelopment, ceiling: [.revenue: 200000, .assets: 10000], medium: [.revenue: 1000, .assets: 5000],
            small: [.revenue: 100, .assets: 2000]),
        .init(
            industry: .propertyManagement, ceiling: [.employees: 1000, .revenue: 5000], medium: [.employees: 300, .revenue: 1000],
            small: [.employees: 100, .revenue: 500]),
        .init(
            industry: .leasingAndBusinessServices, ceiling: [.employees: 300, .assets: 120000], medium: [.employees: 100, .assets: 8000],
            small: [.employees: 10, .assets: 100]),
        .init(industry: .other, ceiling: [.employees: 300], medium: [.employees: 100], small: [.employees: 10]),
    ]
}

@Suite("The 2011 SME size standard, every boundary of every row on both sides")
struct SizeStandardTests {
    let standard = Fixtures.sizes

    /// Inputs from values on the standard's scale; `justBelow` takes one person or one fen off a measure.
    static func inputs(_ values: [SizeMeasure: Int64], justBelow: SizeMeasure? = nil) -> SizeInputs {
        func value(_ measure: SizeMeasure) -> Int64? {
            guard let v = values[measure] else { return nil }
            let scaled = measure == .employees ? v : v * 1_000_000
            return measure == justBelow ? scaled - 1 : scaled
        }
        return SizeInputs(employees: value(.employees).map { Int($0) }, annualRevenue: value(.revenue), totalAssets: value(.assets))
    }

    @Test("The SME ceiling: at every bound the firm is large; one below any bound it is an SME", arguments: StandardRow.all)
    func ceiling(row: StandardRow) throws {
        #expect(try standard.classify(row.industry, Self.inputs(row.ceiling)).size == .large)
        for measure in row.ceiling.keys {
            let result = try standard.classify(row.industry, Self.inputs(row.ceiling, justBelow: measure))
            #expect(result.size == .medium, "\(row.industry) one below the \(measure) ceiling: \(result.steps)")
        }
    }

    @Test("Medium: at every floor medium; one below any floor small", arguments: StandardRow.all)
    func medium(row: StandardRow) throws {
        #expect(try standard.classify(row.industry, Self.inputs(row.medium)).size == .medium)
        for measure in row.medium.keys {
            let result = try standard.classify(row.industry, Self.inputs(row.medium, justBelow: measure))
            #expect(result.size == .small, "\(row.industry) one below the medium \(measure) floor: \(result.steps)")
        }
    }

    @Test("Small: at every floor small; one below any floor micro", arguments: StandardRow.all)
    func small(row: StandardRow) throws {
        #expect(try standard.classify(row.industry, Self.inputs(row.small)).size == .small)
        for measure in row.small.keys {
            let result = try standard.classify(row.industry, Self.inputs(row.small, justBelow: measure))
            #expect(result.size == .micro, "\(row.industry) one below the small \(measure) floor: \(result.steps)")
        }
    }

    @Test("The result says why, comparison by comparison")
    func explanation() throws {
        let result = try standard.classify(.construction, SizeInputs(annualRevenue: 5_000 * 1_000_000, totalAssets: 4_000 * 1_000_000))
        #expect(result.size == .small)
        #expect(result.steps.map(\.id) == ["size.step.sme", "size.step.not-medium", "size.step.small"])
        #expect(
            result.steps[1].facts["comparisons"]
                == .list(
                    [
                        Message("size.compare.revenue.below", ["value": "5000", "bound": "6000"]),
                        Message("size.compare.assets.below", ["value": "4000", "bound": "5000"]),
                    ], .and))
    }

    @Test("A measure the row needs and did not get is named")
    func missing() {
        #expect(throws: FieldViolation.self) { try standard.classify(.industry, SizeInputs(employees: 50)) }
        do {
            _ = try standard.classify(.industry, SizeInputs(employees: 50))
        } catch {
            #expect(error.field == "annualRevenue" && error.rule == "size-test.measure-required")
        }
    }
}
