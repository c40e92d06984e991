import ArrearsAPI
import ArrearsApplication
import ArrearsCore
import OpenAPIRuntime

extension ArrearsService {
    public func exportComplaints(_ input: Operations.ExportComplaints.Input) async throws -> Operations.ExportComplaints.Output {
        var check = ViolationCollector()
        let from = input.query.from.flatMap { text in check.field("from") { try CSTDate(text) } }
        let to = input.query.to.flatMap { text in check.field("to") { try CSTDate(text) } }
        try check.check()
        let pager = try await platform.export(
            receivedFrom: from, through: to, fullContacts: input.query.contacts == .full, in: RequestValues.wording.language, by: caller())
        // One page per pull: the client's pace decides how fast pages are read, so memory stays one page.
        let chunks = AsyncThrowingStream<ArraySlice<UInt8>, any Error> { try await pager.next() }
        RequestValues.verbatimHeaders?.set(.contentDisposition, "attachment; filename=\"complaints.csv\"")
        return .ok(.init(body: .csv(HTTPBody(chunks, length: .unknown, iterationBehavior: .single))))
    }
}
