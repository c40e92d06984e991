import ArrearsAPI

// One conformance per operation: the generated outputs are distinct enums of the same shape, and
// this is where the CLI reads them as success, refusal (4xx) or failure.

/// An API answer as the CLI sees it.
enum Answer<Success> {
    case success(Success)
    case refused(status: Int, Components.Schemas.Problem)
    case failed(status: Int)
}

/// A generated operation output the CLI can read as an `Answer`.
protocol Answerable {
    associatedtype Success
    var answer: Answer<Success> { get throws }
}

extension Operations.GetMe.Output: Answerable {
    var answer: Answer<Components.Schemas.Account> {
        get throws {
            switch self {
            case let .ok(ok): .success(try ok.body.json)
            case let .clientError(status, problem): .refused(status: status, try problem.body.applicationProblemJson)
            case let .undocumented(status, _): .failed(status: status)
            }
        }
    }
}

extension Operations.ListComplaints.Output: Answerable {
    var answer: Answer<Components.Schemas.ComplaintPage> {
        get throws {
            switch self {
            case let .ok(ok): .success(try ok.body.json)
            case let .clientError(status, problem): .refused(status: status, try problem.body.applicationProblemJson)
            case let .undocumented(status, _): .failed(status: status)
            }
        }
    }
}

extension Operations.GetComplaint.Output: Answerable {
    var answer: Answer<Components.Responses.ComplaintDetail> {
        get throws {
            switch self {
            case let .ok(ok): .success(ok)
            case let .clientError(status, problem): .refused(status: status, try problem.body.applicationProblemJson)
            case let .undocumented(status, _): .failed(status: status)
            }
        }
    }
}

extension Operations.GetMonthlyStatistics.Output: Answerable {
    var answer: Answer<Components.Schemas.MonthlyStatistics> {
        get throws {
            switch self {
            case let .ok(ok): .success(try ok.body.json)
            case let .clientError(status, problem): .refused(status: status, try problem.body.applicationProblemJson)
            case let .undocumented(status, _): .failed(status: status)
            }
        }
    }
}

extension Operations.RequestSupplement.Output: Answerable {
    var answer: Answer<Components.Responses.ComplaintDetail> {
        get throws {
            switch self {
            case let .ok(ok): .success(ok)
            case let .clientError(status, problem): .refused(status: status, try problem.body.applicationProblemJson)
            case let .undocumented(status, _): .failed(status: status)
            }
        }
    }
}

extension Operations.SupplementComplaint.Output: Answerable {
    var answer: Answer<Components.Responses.ComplaintDetail> {
        get throws {
            switch self {
            case let .ok(ok): .success(ok)
            case let .clientError(status, problem): .refused(status: status, try problem.body.applicationProblemJson)
            case let .undocumented(status, _): .failed(status: status)
            }
        }
    }
}

extension Operations.AcceptComplaint.Output: Answerable {
    var answer: Answer<Components.Responses.ComplaintDetail> {
        get throws {
            switch self {
            case let .ok(ok): .success(ok)
            case let .clientError(status, problem): .refused(status: status, try problem.body.applicationProblemJson)
            case let .undocumented(status, _): .failed(status: status)
            }
        }
    }
}

extension Operations.RejectComplaint.Output: Answerable {
    var answer: Answer<Components.Responses.ComplaintDetail> {
        get throws {
            switch self {
            case let .ok(ok): .success(ok)
            case let .clientError(status, problem): .refused(status: status, try problem.body.applicationProblemJson)
            case let .undocumented(status, _): .failed(status: status)
            }
        }
    }
}

extension Operations.ForwardComplaint.Output: Answerable {
    var answer: Answer<Components.Responses.ComplaintDetail> {
        get throws {
            switch self {
            case let .ok(ok): .success(ok)
            case let .clientError(status, problem): .refused(status: status, try problem.body.applicationProblemJson)
            case let .undocumented(status, _): .failed(status: status)
            }
        }
    }
}

extension Operations.ReturnComplaint.Output: Answerable {
    var answer: Answer<Components.Responses.ComplaintDetail> {
        get throws {
            switch self {
            case let .ok(ok): .success(ok)
            case let .clientError(status, problem): .refused(status: status, try problem.body.applicationProblemJson)
            case let .undocumented(status, _): .failed(status: status)
            }
        }
    }
}

extension Operations.ResolveComplaint.Output: Answerable {
    var answer: Answer<Components.Responses.ComplaintDetail> {
        get throws {
            switch self {
            case let .ok(ok): .success(ok)
            case let .clientError(status, problem): .refused(status: status, try problem.body.applicationProblemJson)
            case let .undocumented(status, _): .failed(status: status)
            }
        }
    }
}

extension Operations.RateComplaint.Output: Answerable {
    var answer: Answer<Components.Responses.ComplaintDetail> {
        get throws {
            switch self {
            case let .ok(ok): .success(ok)
            case let .clientError(status, problem): .refused(status: status, try problem.body.applicationProblemJson)
            case let .undocumented(status, _): .failed(status: status)
            }
        }
    }
}

extension Operations.CloseComplaint.Output: Answerable {
    var answer: Answer<Components.Responses.ComplaintDetail> {
        get throws {
            switch self {
            case let .ok(ok): .success(ok)
            case let .clientError(status, problem): .refused(status: status, try problem.body.applicationProblemJson)
            case let .undocumented(status, _): .failed(status: status)
            }
        }
    }
}

extension Operations.WithdrawComplaint.Output: Answerable {
    var answer: Answer<Components.Responses.ComplaintDetail> {
        get throws {
            switch self {
            case let .ok(ok): .success(ok)
            case let .clientError(status, problem): .refused(status: status, try problem.body.applicationProblemJson)
            case let .undocumented(status, _): .failed(status: status)
            }
        }
    }
}

extension Operations.ReopenComplaint.Output: Answerable {
    var answer: Answer<Components.Responses.ComplaintDetail> {
        get throws {
            switch self {
            case let .ok(ok): .success(ok)
            case let .clientError(status, problem): .refused(status: status, try problem.body.applicationProblemJson)
            case let .undocumented(status, _): .failed(status: status)
            }
        }
    }
}
