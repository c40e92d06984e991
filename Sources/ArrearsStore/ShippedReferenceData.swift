import ArrearsCore
import Foundation

/// The reference tables shipped in Schemas/reference (the working-day calendar 2004–2026, the GB/T 2260 region
/// codes, the deadline rule sets, the 2011 size standard and the default routing table), embedded at build time.
public enum ShippedReferenceData {
    public static func calendar() throws -> WorkingDayCalendar {
        try WorkingDayCalendar(csv: calendarCSV)
    }

    /// The calendar table as shipped, `date,kind,name` rows.
    public static var calendarCSV: String { String(decoding: PackageResources.cn_calendar_csv, as: UTF8.self) }

    public static func regions() throws -> RegionDirectory {
        try RegionDirectory(csv: String(decoding: PackageResources.cn_regions_csv, as: UTF8.self))
    }

    public static func ruleBook() throws -> RuleBook {
        try RuleBook(json: Data(PackageResources.rule_sets_json))
    }

    public static func sizeStandard() throws -> SizeStandard {
        try SizeStandard(csv: String(decoding: PackageResources.sme_size_standard_csv, as: UTF8.self))
    }

    public static func routing() throws -> RoutingTable {
        try RoutingTable(json: Data(PackageResources.routing_json), regions: regions())
    }
}
