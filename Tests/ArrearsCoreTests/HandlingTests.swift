import ArrearsCore
import ArrearsTestSupport
import Foundation
import Testing

@Suite("Forwarding, hops, extensions and escalation")
struct HandlingTests {
    let lifecycle = Fixtures.lifecycle
    let intake = Fixtures.zhejiangIntake
    let handler = Fixtures.educationHandler

    /// Received Monday 2026-03-02, accepted 03-03, forwarded by the routing rules on Wednesday 2026-03-04.
    func forwarded() throws -> Complaint {
        var (complaint, _) = Fixtures.registered(at: "2026-03-02T01:30:00Z")
        complaint = try lifecycle.apply(.accept(note: nil), to: complaint, by: intake, at: Fixtures.instant("2026-03-03T02:00:00Z")).0
        return try lifecycle.apply(
            .forward(to: nil, note: nil), to: complaint, by: intake, at: Fixtures.instant("2026-03-04T02:00:00Z"), routing: Fixtures.routing
        ).0
    }

    @Test("A forward without a department follows the routing rules and records the rule")
    func routed() throws {
        let complaint = try forwarded()
        #expect(complaint.handlingDepartment?.rawValue == "ZJ-EDU")
        #expect(complaint.hops.count == 1)
        #expect(complaint.hops[0].routedBy == "zj-education-institutions")
        #expect(complaint.hops[0].state == .sent)
        #expect(complaint.deadline?.stage == .handling && complaint.deadline?.dueOn == Fixtures.date("2026-04-03"))
    }

    @Test("Overriding the routing needs a reason; an unknown department is refused")
    func override() throws {
        var (complaint, _) = Fixtures.registered(at: "2026-03-02T01:30:00Z")
        complaint = try lifecycle.apply(.accept(note: nil), to: complaint, by: intake, at: Fixtures.instant("2026-03-03T02:00:00Z")).0
        let at = Fixtures.instant("2026-03-04T02:00:00Z")
        #expect(
            throws: TransitionError.invalidInput(
                FieldViolation(
                    field: "overrideReason", rule: "forward.override-needs-reason",
                    facts: [
                        "routed": .message(Message("routing.routed", ["rule": "zj-education-institutions", "department": "ZJ-EDU"])),
                        "department": "ZJ-FIN",
                    ]))
        ) {
            try lifecycle.apply(.forward(to: try DepartmentID("ZJ-FIN"), note: nil), to: complaint, by: intake, at: at, routing: Fixtures.routing)
        }
        #expect(throws: TransitionError.self) {
            try lifecycle.apply(
                .forward(to: try DepartmentID("NOWHERE"), overrideReason: "x", note: nil), to: complaint, by: intake, at: at,
                routing: Fixtures.routing)
        }
        let (overridden, event) = try lifecycle.apply(
            .forward(to: try DepartmentID("ZJ-FIN"), overrideReason: "学院经费由财政厅直接拨付", note: nil), to: complaint, by: intake, at: at,
            routing: Fixtures.routing)
        #expect(overridden.hops[0].routedBy == nil && overridden.hops[0].overrideReason == "学院经费由财政厅直接拨付")
        #expect(event.detail.overrideReason == "学院经费由财政厅直接拨付")
    }

    @Test("Forwarded and returned twice, a complaint shows three hops and who holds it now")
    func threeHops() throws {
        var complaint = try forwarded()
        let days = ["2026-03-05", "2026-03-06", "2026-03-09", "2026-03-10"]
        for (index, day) in days.enumerated() {
            let at = Fixtures.instant(day + "T02:00:00Z")
            if index % 2 == 0 {
                let holder = Actor(account: AccountID("h\(index)"), role: .handler, department: complaint.handlingDepartment)
                complaint = try lifecycle.apply(.returnToIntake(reason: "非本部门主管单位"), to: complaint, by: holder, at: at).0
                #expect(complaint.state == .accepted && complaint.handlingDepartment == nil)
            } else {
                let department = try DepartmentID(index == 1 ? "ZJ-FIN" : "ZJ-JXT")
                complaint = try lifecycle.apply(
                    .forward(to: department, overrideReason: "上一部门退回", note: nil), to: complaint, by: intake, at: at, routing: Fixtures.routing
                ).0
            }
        }
        #expect(complaint.hops.map(\.department.rawValue) == ["ZJ-EDU", "ZJ-FIN", "ZJ-JXT"])
        #expect(complaint.hops.map(\.state) == [.returned, .returned, .sent])
        #expect(complaint.hops[0].returnReason == "非本部门主管单位")
        #expect(complaint.currentHop?.department.rawValue == "ZJ-JXT")
        // The handling clock runs from the latest forward.
        #expect(complaint.deadline?.startedOn == Fixtures.date("2026-03-10"))
    }

    @Test("Acknowledging marks the hop once")
    func acknowledge() throws {
        let complaint = try forwarded()
        let (acknowledged, event) = try lifecycle.apply(
            .acknowledge(note: nil), to: complaint, by: handler, at: Fixtures.instant("2026-03-05T02:00:00Z"))
        #expect(acknowledged.state == .forwarded && acknowledged.hops[0].state == .acknowledged && event.kind == .acknowledged)
        #expect(throws: TransitionError.self) {
            try lifecycle.apply(.acknowledge(note: nil), to: acknowledged, by: handler, at: Fixtures.instant("2026-03-06T02:00:00Z"))
        }
    }

    @Test("Extensions reach 90 days in all and no further: day 91 is refused with the rule named")
    func extensionLimit() throws {
        var complaint = try forwarded()
        let at = Fixtures.instant("2026-03-20T02:00:00Z")
        complaint = try lifecycle.apply(.extend(days: 40, approvedBy: "处长 李明", reason: "需第三方审计"), to: complaint, by: handler, at: at).0
        // 70 days from 2026-03-04 is Wednesday 2026-05-13.
        #expect(complaint.deadline?.length == 70 && complaint.deadline?.dueOn == Fixtures.date("2026-05-13"))
        complaint = try lifecycle.apply(.extend(days: 20, approvedBy: "处长 李明", reason: "审计延期"), to: complaint, by: handler, at: at).0
        // 90 days from 2026-03-04 is Tuesday 2026-06-02.
        #expect(complaint.deadline?.length == 90 && complaint.deadline?.dueOn == Fixtures.date("2026-06-02"))
        #expect(complaint.hops[0].extensionDays == 60)
        do {
            _ = try lifecycle.apply(.extend(days: 1, approvedBy: "处长 李明", reason: "再延一天"), to: complaint, by: handler, at: at)
            Issue.record("day 91 was allowed")
        } catch let TransitionError.invalidInput(violation) {
            #expect(violation.field == "days" && violation.rule == "handling.extension-beyond-limit")
            #expect(violation.message.facts["limit"] == "90" && violation.message.facts["total"] == "91")
        }
    }

    @Test("An extension is asked for while the handling period runs: on its last day it is granted, the day after it is too late")
    func extensionAfterDueDate() throws {
        let complaint = try forwarded()
        let due = try #require(complaint.deadline?.dueOn)
        // Noon in China on the last day, and on the day after.
        let lastDay = due.startInstant.addingTimeInterval(12 * 3600)
        let extended = try lifecycle.apply(.extend(days: 10, approvedBy: "处长 李明", reason: "需第三方审计"), to: complaint, by: handler, at: lastDay)
        #expect(extended.0.hops[0].extensionDays == 10)
        let dayAfter = lastDay.addingTimeInterval(86_400)
        #expect(
            throws: TransitionError.tooLate(
                rule: "extension.after-due-date", facts: ["due": .date(due)])
        ) {
            try lifecycle.apply(.extend(days: 10, approvedBy: "处长 李明", reason: "需第三方审计"), to: complaint, by: handler, at: dayAfter)
        }
    }

    @Test("An extension names the head who approved it and a reason")
    func extensionInputs() throws {
        let complaint = try forwarded()
        #expect(throws: TransitionError.self) {
            try lifecycle.apply(
                .extend(days: 10, approvedBy: " ", reason: "理由"), to: complaint, by: handler, at: Fixtures.instant("2026-03-20T02:00:00Z"))
        }
        for days in [0, -5, Int.max] {
            #expect(throws: TransitionError.self) {
                try lifecycle.apply(
                    .extend(days: days, approvedBy: "处长", reason: "理由"), to: complaint, by: handler, at: Fixtures.instant("2026-03-20T02:00:00Z"))
            }
        }
    }

    @Test("Escalation is an event with actor, date and text; listed supervision is a supervisor's alone")
    func escalation() throws {
        let complaint = try forwarded()
        let at = Fixtures.instant("2026-04-10T02:00:00Z")
        for step in [EscalationStep.supervisionNotice, .summons, .publicNotice, .rectificationOrder] {
            let (after, event) = try lifecycle.apply(.escalate(step, text: "督办：请限期付款"), to: complaint, by: intake, at: at)
            #expect(after.state == .forwarded && event.kind == .escalated && event.detail.escalation == step)
            #expect(event.actor == intake.account && event.on == Fixtures.date("2026-04-10") && event.detail.text == "督办：请限期付款")
        }
        #expect(throws: TransitionError.roleNotPermitted(command: "escalate", role: .intake)) {
            try lifecycle.apply(.escalate(.listedSupervision, text: "挂牌"), to: complaint, by: intake, at: at)
        }
        let (_, listed) = try lifecycle.apply(.escalate(.listedSupervision, text: "省级挂牌督办"), to: complaint, by: Fixtures.zhejiangSupervisor, at: at)
        #expect(listed.detail.escalation == .listedSupervision)
    }
}
