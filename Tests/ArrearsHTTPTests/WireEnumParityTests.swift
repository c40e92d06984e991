import ArrearsAPI
import ArrearsCore
import Testing

/// The HTTP layer converts domain enums to generated ones by raw value; these keep the two in step,
/// so a value added on one side and not the other fails here rather than trapping in production.
@Suite("The OpenAPI document and the domain name the same values")
struct WireEnumParityTests {
    func same<A: CaseIterable & RawRepresentable, B: CaseIterable & RawRepresentable>(_: A.Type, _: B.Type) -> Bool
    where A.RawValue == String, B.RawValue == String {
        Set(A.allCases.map(\.rawValue)) == Set(B.allCases.map(\.rawValue))
    }

    @Test("Every enum of the contract has exactly the domain's values")
    func parity() {
        #expect(same(ComplaintState.self, Components.Schemas.ComplaintState.self))
        #expect(same(Role.self, Components.Schemas.Role.self))
        #expect(same(Industry.self, Components.Schemas.Industry.self))
        #expect(same(EnterpriseSize.self, Components.Schemas.EnterpriseSize.self))
        #expect(same(RespondentKind.self, Components.Schemas.RespondentKind.self))
        #expect(same(AdministrativeLevel.self, Components.Schemas.AdministrativeLevel.self))
        #expect(same(RejectionGround.self, Components.Schemas.RejectionGround.self))
        #expect(same(ResolutionOutcome.self, Components.Schemas.ResolutionOutcome.self))
        #expect(same(Satisfaction.self, Components.Schemas.Satisfaction.self))
        #expect(same(ClosureReason.self, Components.Schemas.ClosureReason.self))
        #expect(same(ComplaintEventKind.self, Components.Schemas.EventKind.self))
        #expect(same(IntakeChannel.self, Components.Schemas.ComplaintFiling.ChannelPayload.self))
        #expect(same(ContractSubject.self, Components.Schemas.Contract.SubjectPayload.self))
        #expect(same(DeadlineStage.self, Components.Schemas.Deadline.StagePayload.self))
    }
}
