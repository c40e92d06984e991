import ArrearsAPI
import ArrearsApplication
import ArrearsCore
import ArrearsStore
import Foundation

extension ArrearsService {
    public func getMonthlyStatistics(_ input: Operations.GetMonthlyStatistics.Input) async throws -> Operations.GetMonthlyStatistics.Output {
        .ok(.init(body: .json(try await monthlyStatistics(input.query))))
    }

    /// A month's figures as the caller may see them; `DirectAnswers` writes them without the runtime.
    func monthlyStatistics(_ query: Operations.GetMonthlyStatistics.Input.Query) async throws -> Components.Schemas.MonthlyStatistics {
        let month = try FieldViolation.at("month") { try CSTMonth(query.month) }
        let breakdowns = query.breakdowns == true
        let reading = try await platform.statistics(month, breakdowns: breakdowns, by: caller())
        var answer = Wire.statistics(reading.current)
        if let publication = reading.publication {
            answer = try JSONDecoder().decode(Components.Schemas.MonthlyStatistics.self, from: Data(publication.body.utf8))
            answer.publication = .init(
                publishedAt: publication.publishedAt, publishedBy: publication.publishedBy, checksum: publication.checksum,
                intact: publication.isIntact)
            answer.drift = reading.drift.map { .init(figure: $0.figure, published: $0.published, current: $0.current) }
        }
        if !breakdowns { answer.breakdowns = nil }
        return answer
    }

    public func publishStatistics(_ input: Operations.PublishStatistics.Input) async throws -> Operations.PublishStatistics.Output {
        let body =
            switch input.body {
            case let .json(body): body
            }
        let month = try FieldViolation.at("month") { try CSTMonth(body.month) }
        let publication = try await platform.publish(month, by: caller())
        var answer = try JSONDecoder().decode(Components.Schemas.MonthlyStatistics.self, from: Data(publication.body.utf8))
        answer.publication = .init(
            publishedAt: publication.publishedAt, publishedBy: publication.publishedBy, checksum: publication.checksum, intact: true)
        answer.drift = []
        return .created(.init(body: .json(answer)))
    }

    /// The published document: the API's answer for the month, keys sorted, so a publication reads back as it was.
    static func statisticsDocument(_ statistics: MonthlyStatistics) throws -> String {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys]
        encoder.dateEncodingStrategy = .iso8601
        return String(decoding: try encoder.encode(Wire.statistics(statistics)), as: UTF8.self)
    }
}
