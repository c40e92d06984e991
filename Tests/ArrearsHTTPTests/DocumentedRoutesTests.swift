import Testing

@testable import ArrearsHTTP

@Suite("Requests matched to the contract's paths")
struct DocumentedRoutesTests {
    /// Two templates that both match `/v1/accounts/sme`, listed parameter first.
    let routes = try! DocumentedRoutes(
        openAPI: """
            paths:
              /v1/accounts/{accountId}:
                get:
                  parameters:
                    - {name: accountId, in: path, required: true, schema: {type: string}}
                    - {name: detail, in: query, schema: {type: boolean}}
              /v1/accounts/sme:
                get:
                  security: []
                  parameters:
                    - {name: creditCode, in: query, schema: {type: string}}
              /v1/complaints/{complaintId}/evidence/{evidenceId}:
                get:
                  parameters:
                    - {name: complaintId, in: path, required: true, schema: {type: string}}
                    - {name: evidenceId, in: path, required: true, schema: {type: string}}
            """, extra: ["/healthz": ["GET"]])

    @Test("A literal segment wins over a parameter in the same place, whatever order the document lists them in")
    func literalFirst() {
        #expect(routes.operations(for: "/v1/accounts/sme")["GET"]?.isOpen == true)
        #expect(routes.operations(for: "/v1/accounts/sme")["GET"]?.query.keys.sorted() == ["creditCode"])
        #expect(routes.operations(for: "/v1/accounts/zhang-wei")["GET"]?.query.keys.sorted() == ["detail"])
        #expect(routes.pathValues(for: "/v1/accounts/zhang-wei").map { "\($0.name)=\($0.value)" } == ["accountId=zhang-wei"])
        #expect(routes.pathValues(for: "/v1/accounts/sme").isEmpty)
    }

    @Test("Parameters are named by their template; a path of another length or an unknown one matches nothing")
    func parameters() {
        #expect(
            routes.pathValues(for: "/v1/complaints/c-1/evidence/e-2").map { "\($0.name)=\($0.value)" } == ["complaintId=c-1", "evidenceId=e-2"])
        #expect(routes.methods(for: "/healthz") == ["GET"])
        #expect(routes.operations(for: "/v1/complaints/c-1/evidence").isEmpty)
        #expect(routes.operations(for: "/v1/other/sme").isEmpty)
    }
}
