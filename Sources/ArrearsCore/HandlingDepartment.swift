/// A body that handles complaints about the respondents it answers for (处理投诉部门).
public struct HandlingDepartment: Sendable, Codable, Equatable {
    public var id: DepartmentID
    public var name: String
    public var region: RegionCode
    /// central, provincial, city or county.
    public var level: AdministrativeLevel
    /// The kinds of respondent it answers for.
    public var respondentKinds: [RespondentKind]

    public init(id: DepartmentID, name: String, region: RegionCode, level: AdministrativeLevel, respondentKinds: [RespondentKind]) {
        self.id = id
        self.name = name
        self.region = region
        self.level = level
        self.respondentKinds = respondentKinds
    }
}
