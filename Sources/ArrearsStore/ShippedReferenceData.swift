import ArrearsCore

/// The reference tables shipped in Schemas/reference (the working-day calendar 2004–2026 and the
/// GB/T 2260 region codes), embedded in the binary at build time.
public enum ShippedReferenceData {
    public static func calendar() throws -> WorkingDayCalendar {
        try WorkingDayCalendar(csv: String(decoding: PackageResources.cn_calendar_csv, as: UTF8.self))
    }

    public static func regions() throws -> RegionDirectory {
        try RegionDirectory(csv: String(decoding: PackageResources.cn_regions_csv, as: UTF8.self))
    }
}
