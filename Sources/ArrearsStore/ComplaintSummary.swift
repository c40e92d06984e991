import ArrearsCore
import Foundation

/// One line of a queue: what an official scans before opening a complaint. Engines read it from the stored columns and
/// the clocks alone, not the whole complaint: decoding fifty whole complaints was most of a queue page's time.
public struct ComplaintSummary: Sendable, Equatable {
    public let id: ComplaintID
    public let number: String
    public let state: ComplaintState
    public let version: Int
    public let receivedOn: CSTDate
    public let complainantName: String
    public let respondentName: String
    public let intakeProvince: RegionCode?
    public let handlingDepartment: DepartmentID?
    /// 投诉金额: the overdue amounts of the filing's contracts, summed.
    public let amountClaimed: Fen
    public let deadline: Deadline?
    /// The clocks waiting on an answer beside the state's own (`Complaint.waiting`): a respondent's feedback past its
    /// date is what puts "督办书 due" on the overdue list.
    public let waiting: [Deadline]

    public init(
        id: ComplaintID, number: String, state: ComplaintState, version: Int, receivedOn: CSTDate, complainantName: String, respondentName: String,
        intakeProvince: RegionCode?, handlingDepartment: DepartmentID?, amountClaimed: Fen, deadline: Deadline?, waiting: [Deadline] = []
    ) {
        self.id = id
        self.number = number
        self.state = state
        self.version = version
        self.receivedOn = receivedOn
        self.complainantName = complainantName
        self.respondentName = respondentName
        self.intakeProvince = intakeProvince
        self.handlingDepartment = handlingDepartment
        self.amountClaimed = amountClaimed
        self.deadline = deadline
        self.waiting = waiting
    }

    /// Every clock running: the state's own, then the waiting ones.
    public var clocks: [Deadline] { (deadline.map { [$0] } ?? []) + waiting }

    /// The summary of a whole complaint: what the stored columns must agree with.
    public init(_ complaint: Complaint) {
        self.init(
            id: complaint.id, number: complaint.number, state: complaint.state, version: complaint.version, receivedOn: complaint.receivedOn,
            complainantName: complaint.filing.complainant.name, respondentName: complaint.filing.respondent.name,
            intakeProvince: complaint.intakeProvince, handlingDepartment: complaint.handlingDepartment, amountClaimed: complaint.filing.amountClaimed,
            deadline: complaint.deadline, waiting: complaint.waiting)
    }

    /// The summary from its stored columns (both engines select the same ones); `deadline` and `waiting` are the clocks' JSON.
    public static func stored(
        id: String, number: String, state: String, version: Int, receivedAt: String, complainantName: String, respondentName: String,
        intakeProvince: String?, handlingDepartment: String?, amountClaimedFen: Int64, deadline: String?, waiting: String?,
        remembered: RecentClocks? = nil
    ) throws -> ComplaintSummary {
        guard let state = ComplaintState(rawValue: state) else {
            throw DecodingError.dataCorrupted(.init(codingPath: [], debugDescription: "unknown complaint state \(state)"))
        }
        let read = {
            (
                deadline: try deadline.flatMap { $0 == "null" ? nil : try StoreCoding.decode(Deadline.self, from: $0) },
                waiting: try waiting.flatMap { $0 == "null" ? nil : try StoreCoding.decode([Deadline].self, from: $0) } ?? []
            )
        }
        let clocks = try remembered?.value(id, stamp: version, read: read) ?? read()
        return ComplaintSummary(
            id: ComplaintID(id), number: number, state: state, version: version, receivedOn: CSTDate(try StoreCoding.instant(receivedAt)),
            complainantName: complainantName, respondentName: respondentName, intakeProvince: try intakeProvince.map { try RegionCode(format: $0) },
            handlingDepartment: try handlingDepartment.map { try DepartmentID($0) }, amountClaimed: Fen(unchecked: amountClaimedFen),
            deadline: clocks.deadline, waiting: clocks.waiting)
    }

    /// The columns `stored` takes, in its order, for engines to select.
    public static let columns =
        "id, number, state, version, received_at, complainant_name, respondent_name, intake_province, handling_department, amount_claimed_fen"
}

/// Queue lines' clocks as last read, by complaint id and version (every change to a clock comes with a new version): a
/// queue page is read far more often than its lines change, and decoding the clocks was a sixth of a full page.
public typealias RecentClocks = RecentlyRead<Int, (deadline: Deadline?, waiting: [Deadline])>
