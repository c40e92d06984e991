import ArrearsAPI
import ArrearsApplication
import ArrearsCore
import ArrearsStore

extension ArrearsService {
    /// Every decision goes through here: the version from If-Match, then the command from the body, then the platform.
    func decide(_ complaintID: String, ifMatch: String, _ command: () throws -> ComplaintCommand) async throws
        -> Components.Responses.ComplaintDetail
    {
        let version = try Self.version(ifMatch)
        let view = try await platform.decide(try command(), on: ComplaintID(complaintID), expectedVersion: version, by: caller())
        return Self.detail(view)
    }

    /// The version an If-Match names: the complaint's ETag, e.g. "3".
    static func version(_ ifMatch: String) throws(Refusal) -> Int {
        guard let version = VersionTag.version(fromIfMatch: ifMatch) else {
            throw .malformed(
                [FieldViolation(field: "If-Match", rule: "if-match.format")],
                detail: Message("rule.if-match.format"))
        }
        return version
    }

    static func detail(_ view: ComplaintView) -> Components.Responses.ComplaintDetail {
        .init(headers: .init(eTag: VersionTag.etag(view.complaint.version)), body: .json(Wire.detail(view)))
    }

    public func requestSupplement(_ input: Operations.RequestSupplement.Input) async throws -> Operations.RequestSupplement.Output {
        let body =
            switch input.body {
            case let .json(body): body
            }
        return .ok(try await decide(input.path.complaintId, ifMatch: input.headers.ifMatch) { .requestSupplement(items: body.items) })
    }

    public func supplementComplaint(_ input: Operations.SupplementComplaint.Input) async throws -> Operations.SupplementComplaint.Output {
        let body =
            switch input.body {
            case let .json(body): body
            }
        return .ok(try await decide(input.path.complaintId, ifMatch: input.headers.ifMatch) { .supplement(material: body.material) })
    }

    public func acceptComplaint(_ input: Operations.AcceptComplaint.Input) async throws -> Operations.AcceptComplaint.Output {
        let body =
            switch input.body {
            case let .json(body): body
            }
        return .ok(try await decide(input.path.complaintId, ifMatch: input.headers.ifMatch) { .accept(note: body.note) })
    }

    public func rejectComplaint(_ input: Operations.RejectComplaint.Input) async throws -> Operations.RejectComplaint.Output {
        let body =
            switch input.body {
            case let .json(body): body
            }
        return .ok(
            try await decide(input.path.complaintId, ifMatch: input.headers.ifMatch) {
                .reject(ground: RejectionGround(rawValue: body.ground.rawValue)!, reason: body.reason)
            })
    }

    public func forwardComplaint(_ input: Operations.ForwardComplaint.Input) async throws -> Operations.ForwardComplaint.Output {
        let body =
            switch input.body {
            case let .json(body): body
            }
        return .ok(
            try await decide(input.path.complaintId, ifMatch: input.headers.ifMatch) {
                .forward(
                    to: try body.department.map { text in try FieldViolation.at("department") { try DepartmentID(text) } },
                    overrideReason: body.overrideReason, note: body.note)
            })
    }

    public func returnComplaint(_ input: Operations.ReturnComplaint.Input) async throws -> Operations.ReturnComplaint.Output {
        let body =
            switch input.body {
            case let .json(body): body
            }
        return .ok(try await decide(input.path.complaintId, ifMatch: input.headers.ifMatch) { .returnToIntake(reason: body.reason) })
    }

    public func resolveComplaint(_ input: Operations.ResolveComplaint.Input) async throws -> Operations.ResolveComplaint.Output {
        let body =
            switch input.body {
            case let .json(body): body
            }
        return .ok(
            try await decide(input.path.complaintId, ifMatch: input.headers.ifMatch) {
                let paid = try body.amountPaid.map { amount in try FieldViolation.at("amountPaid") { try Fen(amount) } }
                return .resolve(outcome: ResolutionOutcome(rawValue: body.outcome.rawValue)!, amountPaid: paid, summary: body.summary)
            })
    }

    public func rateComplaint(_ input: Operations.RateComplaint.Input) async throws -> Operations.RateComplaint.Output {
        let body =
            switch input.body {
            case let .json(body): body
            }
        return .ok(
            try await decide(input.path.complaintId, ifMatch: input.headers.ifMatch) {
                .rate(Satisfaction(rawValue: body.rating.rawValue)!, comment: body.comment)
            })
    }

    public func closeComplaint(_ input: Operations.CloseComplaint.Input) async throws -> Operations.CloseComplaint.Output {
        let body =
            switch input.body {
            case let .json(body): body
            }
        return .ok(try await decide(input.path.complaintId, ifMatch: input.headers.ifMatch) { .close(note: body.note) })
    }

    public func withdrawComplaint(_ input: Operations.WithdrawComplaint.Input) async throws -> Operations.WithdrawComplaint.Output {
        let body =
            switch input.body {
            case let .json(body): body
            }
        return .ok(try await decide(input.path.complaintId, ifMatch: input.headers.ifMatch) { .withdraw(reason: body.reason) })
    }

    public func reopenComplaint(_ input: Operations.ReopenComplaint.Input) async throws -> Operations.ReopenComplaint.Output {
        let body =
            switch input.body {
            case let .json(body): body
            }
        return .ok(try await decide(input.path.complaintId, ifMatch: input.headers.ifMatch) { .reopen(reason: body.reason) })
    }

    public func acknowledgeComplaint(_ input: Operations.AcknowledgeComplaint.Input) async throws -> Operations.AcknowledgeComplaint.Output {
        let body =
            switch input.body {
            case let .json(body): body
            }
        return .ok(try await decide(input.path.complaintId, ifMatch: input.headers.ifMatch) { .acknowledge(note: body.note) })
    }

    public func extendHandling(_ input: Operations.ExtendHandling.Input) async throws -> Operations.ExtendHandling.Output {
        let body =
            switch input.body {
            case let .json(body): body
            }
        return .ok(
            try await decide(input.path.complaintId, ifMatch: input.headers.ifMatch) {
                .extend(days: body.days, approvedBy: body.approvedBy, reason: body.reason)
            })
    }

    public func escalateComplaint(_ input: Operations.EscalateComplaint.Input) async throws -> Operations.EscalateComplaint.Output {
        let body =
            switch input.body {
            case let .json(body): body
            }
        let version = try Self.version(input.headers.ifMatch)
        let view = try await platform.escalate(
            EscalationStep(rawValue: body.step.rawValue)!, text: body.text, on: ComplaintID(input.path.complaintId), expectedVersion: version,
            by: caller())
        return .ok(Self.detail(view))
    }

    public func recordPayment(_ input: Operations.RecordPayment.Input) async throws -> Operations.RecordPayment.Output {
        let body =
            switch input.body {
            case let .json(body): body
            }
        return .ok(
            try await decide(input.path.complaintId, ifMatch: input.headers.ifMatch) {
                let amount = try FieldViolation.at("amount") { try Fen(body.amount) }
                let paidOn = try FieldViolation.at("paidOn") { try CSTDate(body.paidOn) }
                return .recordPayment(contract: body.contract, amount: amount, paidOn: paidOn, note: body.note)
            })
    }

    public func agreePaymentPlan(_ input: Operations.AgreePaymentPlan.Input) async throws -> Operations.AgreePaymentPlan.Output {
        let body =
            switch input.body {
            case let .json(body): body
            }
        return .ok(
            try await decide(input.path.complaintId, ifMatch: input.headers.ifMatch) {
                let instalments = try body.instalments.enumerated().map { index, instalment in
                    PlannedInstalment(
                        dueOn: try FieldViolation.at("instalments[\(index)].dueOn") { try CSTDate(instalment.dueOn) },
                        amount: try FieldViolation.at("instalments[\(index)].amount") { try Fen(instalment.amount) })
                }
                return .agreePaymentPlan(instalments: instalments, note: body.note)
            })
    }

    public func notifyRespondent(_ input: Operations.NotifyRespondent.Input) async throws -> Operations.NotifyRespondent.Output {
        let body =
            switch input.body {
            case let .json(body): body
            }
        return .ok(
            try await decide(input.path.complaintId, ifMatch: input.headers.ifMatch) {
                .notifyRespondent(method: ServiceMethod(rawValue: body.method.rawValue)!, note: body.note)
            })
    }

    public func recordFeedback(_ input: Operations.RecordFeedback.Input) async throws -> Operations.RecordFeedback.Output {
        let body =
            switch input.body {
            case let .json(body): body
            }
        return .ok(try await decide(input.path.complaintId, ifMatch: input.headers.ifMatch) { .recordFeedback(text: body.text) })
    }

    public func requestInformation(_ input: Operations.RequestInformation.Input) async throws -> Operations.RequestInformation.Output {
        let body =
            switch input.body {
            case let .json(body): body
            }
        return .ok(
            try await decide(input.path.complaintId, ifMatch: input.headers.ifMatch) {
                .requestInformation(question: body.question, workingDays: body.workingDays)
            })
    }

    public func answerInformation(_ input: Operations.AnswerInformation.Input) async throws -> Operations.AnswerInformation.Output {
        let body =
            switch input.body {
            case let .json(body): body
            }
        return .ok(try await decide(input.path.complaintId, ifMatch: input.headers.ifMatch) { .answerInformation(answer: body.answer) })
    }

    public func requestReview(_ input: Operations.RequestReview.Input) async throws -> Operations.RequestReview.Output {
        let body =
            switch input.body {
            case let .json(body): body
            }
        return .ok(try await decide(input.path.complaintId, ifMatch: input.headers.ifMatch) { .requestReview(facts: body.facts) })
    }

    public func declineReview(_ input: Operations.DeclineReview.Input) async throws -> Operations.DeclineReview.Output {
        let body =
            switch input.body {
            case let .json(body): body
            }
        return .ok(try await decide(input.path.complaintId, ifMatch: input.headers.ifMatch) { .declineReview(reason: body.reason) })
    }

    public func noteComplaint(_ input: Operations.NoteComplaint.Input) async throws -> Operations.NoteComplaint.Output {
        let body =
            switch input.body {
            case let .json(body): body
            }
        return .ok(
            try await decide(input.path.complaintId, ifMatch: input.headers.ifMatch) {
                .note(text: body.text, visibleToComplainant: body.visibleToComplainant ?? false)
            })
    }

    public func markDuplicate(_ input: Operations.MarkDuplicate.Input) async throws -> Operations.MarkDuplicate.Output {
        let body =
            switch input.body {
            case let .json(body): body
            }
        let version = try Self.version(input.headers.ifMatch)
        let view = try await platform.markDuplicate(
            ComplaintID(input.path.complaintId), of: ComplaintID(body.of), note: body.note, expectedVersion: version, by: caller())
        return .ok(Self.detail(view))
    }
}
