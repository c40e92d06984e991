import ArrearsAPI
import ArrearsApplication
import ArrearsCore
import ArrearsStore

extension ArrearsService {
    public func submitComplaint(_ input: Operations.SubmitComplaint.Input) async throws -> Operations.SubmitComplaint.Output {
        let wire =
            switch input.body {
            case let .json(body): body
            }
        let filing = try FilingConversion(regions: platform.regions).filing(wire, today: platform.today)
        switch try await platform.file(filing, idempotencyKey: input.headers.idempotencyKey, by: caller()) {
        case let .created(view):
            return .created(
                .init(
                    headers: .init(eTag: VersionTag.etag(view.complaint.version), location: "/v1/complaints/\(view.complaint.id)"),
                    body: .json(Wire.detail(view))))
        case let .replayed(view):
            return .ok(.init(headers: .init(eTag: VersionTag.etag(view.complaint.version)), body: .json(Wire.detail(view))))
        }
    }

    public func getComplaint(_ input: Operations.GetComplaint.Input) async throws -> Operations.GetComplaint.Output {
        let answer = try await complaintDetail(input.path.complaintId)
        return .ok(.init(headers: .init(eTag: answer.eTag), body: .json(answer.body)))
    }

    /// One complaint as the caller may see it, with its version's tag; `DirectAnswers` writes it without the runtime.
    func complaintDetail(_ id: String) async throws -> (eTag: String, body: Components.Schemas.ComplaintDetail) {
        let view = try await platform.view(ComplaintID(id), by: caller())
        return (VersionTag.etag(view.complaint.version), Wire.detail(view))
    }

    public func listComplaints(_ input: Operations.ListComplaints.Input) async throws -> Operations.ListComplaints.Output {
        .ok(.init(body: .json(try await complaintPage(input.query))))
    }

    /// A page of the caller's queue; `DirectAnswers` writes it without the runtime.
    func complaintPage(_ query: Operations.ListComplaints.Input.Query) async throws -> Components.Schemas.ComplaintPage {
        var check = ViolationCollector()
        let province = query.province.flatMap { text in check.field("province") { try RegionCode(text, in: platform.regions) } }
        let department = query.department.flatMap { text in check.field("department") { try DepartmentID(text) } }
        let cursor = query.cursor.flatMap { text in check.field("cursor") { try QueueCursor(token: text) } }
        let amountFrom = query.amountFrom.flatMap { amount in check.field("amountFrom") { try Fen(amount) } }
        let amountTo = query.amountTo.flatMap { amount in check.field("amountTo") { try Fen(amount) } }
        let receivedFrom = query.receivedFrom.flatMap { text in check.field("receivedFrom") { try CSTDate(text) } }
        let receivedTo = query.receivedTo.flatMap { text in check.field("receivedTo") { try CSTDate(text) } }
        try check.check()
        var selection = QueueQuery(
            states: (query.state ?? []).compactMap { ComplaintState(rawValue: $0.rawValue) }, province: province, department: department,
            after: cursor, limit: query.limit ?? 50)
        (selection.amountFrom, selection.amountTo, selection.receivedFrom, selection.receivedTo) = (amountFrom, amountTo, receivedFrom, receivedTo)
        let page = try await platform.queue(selection, overdue: query.overdue == true, text: query.q, by: caller())
        let today = platform.today
        return .init(items: page.items.map { Wire.summary($0, today: today) }, nextCursor: page.nextCursor?.token)
    }

    public func getComplaintContact(_ input: Operations.GetComplaintContact.Input) async throws -> Operations.GetComplaintContact.Output {
        let contact = try await platform.contact(of: ComplaintID(input.path.complaintId), by: caller())
        return .ok(.init(body: .json(.init(person: contact.person, phone: contact.phone, email: contact.email))))
    }
}
