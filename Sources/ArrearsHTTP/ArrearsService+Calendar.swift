import ArrearsAPI
import ArrearsApplication
import ArrearsCore

extension ArrearsService {
    public func calculateDueDate(_ input: Operations.CalculateDueDate.Input) async throws -> Operations.CalculateDueDate.Output {
        let from = try FieldViolation.at("from") { try CSTDate(input.query.from) }
        let unit: ClockUnit = input.query.unit == .workingDays ? .workingDays : .calendarDays
        let count = try await platform.dueDate(from: from, length: input.query.length, unit: unit)
        return .ok(
            .init(
                body: .json(
                    .init(
                        from: count.from.description, length: count.length, unit: .init(rawValue: count.unit.rawValue)!,
                        dueOn: count.due.description, nominalDueOn: count.nominal?.description, provisional: count.provisional,
                        explanation: count.reckoning.map(RequestValues.wording.reckoning)))))
    }
}
