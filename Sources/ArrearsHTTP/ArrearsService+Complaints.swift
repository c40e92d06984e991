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
        let view = try await platform.view(ComplaintID(input.path.complaintId), by: caller())
        return .ok(.init(headers: .init(eTag: VersionTag.etag(view.complaint.version)), body: .json(Wire.detail(view))))
    }

    public func listComplaints(_ input: Operations.ListComplaints.Input) async throws -> Operations.ListComplaints.Output {
        let query = input.query
        var check = ViolationCollector()
        let province = query.province.flatMap { text in check.field("province") { try RegionCode(text, in: platform.regions) } }
        let department = query.department.flatMap { text in check.field("department") { try DepartmentID(text) } }
        let cursor = query.cursor.flatMap { text in check.field("cursor") { try QueueCursor(token: text) } }
        try check.check()
        let page = try await platform.queue(
            states: (query.state ?? []).compactMap { ComplaintState(rawValue: $0.rawValue) }, province: province, department: department,
            overdue: query.overdue == true, after: cursor, limit: query.limit, by: caller())
        let today = platform.today
        return .ok(.init(body: .json(.init(items: page.items.map { Wire.summary($0, today: today) }, nextCursor: page.nextCursor?.token))))
    }

    public func getComplaintContact(_ input: Operations.GetComplaintContact.Input) async throws -> Operations.GetComplaintContact.Output {
        let contact = try await platform.contact(of: ComplaintID(input.path.complaintId), by: caller())
        return .ok(.init(body: .json(.init(person: contact.person, phone: contact.phone, email: contact.email))))
    }
}
