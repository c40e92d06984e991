import ArrearsAPI
import ArrearsCore
import ArrearsStore

extension ArrearsService {
    public func routeComplaint(_ input: Operations.RouteComplaint.Input) async throws -> Operations.RouteComplaint.Output {
        let account = try caller()
        // Scope before role, as for every operation on a complaint: 404 tells nothing about complaints one may not see.
        guard let complaint = try await store.complaint(ComplaintID(input.path.complaintId), visibleTo: account.actor) else {
            throw Problem.notFound
        }
        guard account.role != .sme else { throw TransitionError.roleNotPermitted(command: "route", role: account.role) }
        let routing = try await reference.routingInForce()
        let today = CSTDate(clock.now())
        let decision = routing.table.route(complaint.filing.respondent, on: today)
        return .ok(
            .init(
                body: .json(
                    .init(
                        complaint: complaint.number, routingVersion: routing.version, on: today.description,
                        department: decision.map { Wire.department($0.department) }, rule: decision.map { Wire.rule($0.rule) },
                        explanation: decision?.explanation,
                        problem: decision == nil
                            ? "no routing rule matches \(complaint.filing.respondent.kind.rawValue), \(complaint.filing.respondent.level.rawValue), "
                                + "region \(complaint.filing.respondent.region.code); forward with a department and an override reason"
                            : nil))))
    }

    public func getRoutingTable(_ input: Operations.GetRoutingTable.Input) async throws -> Operations.GetRoutingTable.Output {
        let account = try caller()
        guard account.role != .sme else { throw TransitionError.roleNotPermitted(command: "read the routing table", role: account.role) }
        let routing = try await reference.routingInForce()
        return .ok(
            .init(
                body: .json(
                    .init(
                        version: routing.version, departments: routing.table.departments.map(Wire.department),
                        rules: routing.table.rules.map(Wire.rule)))))
    }

    public func sizeTest(_ input: Operations.SizeTest.Input) async throws -> Operations.SizeTest.Output {
        _ = try caller()
        guard case let .json(body) = input.body else { throw Problem.malformed(field: nil, detail: "send application/json") }
        let inputs = try FieldViolation.at("sizeInputs") {
            try FilingConversion.sizeInputs(employees: body.employees, revenue: body.annualRevenue, assets: body.totalAssets)
        }
        let assessment = try lifecycle.sizes.classify(Industry(rawValue: body.industry.rawValue)!, inputs)
        return .ok(
            .init(
                body: .json(
                    .init(
                        industry: body.industry, size: .init(rawValue: assessment.size.rawValue)!, sme: assessment.isSME, steps: assessment.steps,
                        explanation: assessment.explanation))))
    }
}
