import ArrearsAPI
import ArrearsApplication
import ArrearsCore
import ArrearsMessages

extension ArrearsService {
    public func routeComplaint(_ input: Operations.RouteComplaint.Input) async throws -> Operations.RouteComplaint.Output {
        let advice = try await platform.route(ComplaintID(input.path.complaintId), by: caller())
        let respondent = advice.complaint.filing.respondent
        let words = RequestValues.wording
        return .ok(
            .init(
                body: .json(
                    .init(
                        complaint: advice.complaint.number, routingVersion: advice.routingVersion, on: advice.on.description,
                        department: advice.decision.map { Wire.department($0.department) }, rule: advice.decision.map { Wire.rule($0.rule) },
                        explanation: advice.decision.map { words($0.reasoning) },
                        problem: advice.decision == nil
                            ? words(
                                "routing.no-match",
                                [
                                    "kind": .message(Message("respondent-kind." + respondent.kind.rawValue)),
                                    "level": .message(Message("level." + respondent.level.rawValue)), "region": .text(respondent.region.code),
                                ])
                            : nil))))
    }

    public func getRoutingTable(_ input: Operations.GetRoutingTable.Input) async throws -> Operations.GetRoutingTable.Output {
        let routing = try await platform.routingTable(by: caller())
        return .ok(
            .init(
                body: .json(
                    .init(
                        version: routing.version, departments: routing.table.departments.map(Wire.department),
                        rules: routing.table.rules.map(Wire.rule)))))
    }

    public func sizeTest(_ input: Operations.SizeTest.Input) async throws -> Operations.SizeTest.Output {
        let body =
            switch input.body {
            case let .json(body): body
            }
        let inputs = try FieldViolation.at("sizeInputs") {
            try SizeInputs.checked(employees: body.employees, annualRevenue: body.annualRevenue, totalAssets: body.totalAssets)
        }
        let assessment = try platform.sizeTest(Industry(rawValue: body.industry.rawValue)!, inputs)
        return .ok(
            .init(
                body: .json(
                    .init(
                        industry: body.industry, size: .init(rawValue: assessment.size.rawValue)!, sme: assessment.isSME,
                        steps: assessment.steps.map { RequestValues.wording($0) }, explanation: RequestValues.wording.fact(assessment.reasoning)))))
    }
}
