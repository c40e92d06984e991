/// A value refused at construction: the rule it broke (a stable identifier) and the facts that say why.
public struct InvalidValue: Error, Equatable, Sendable, CustomStringConvertible {
    /// Stable identifier of the rule, e.g. `credit-code.check-character`; clients may switch on it.
    public let rule: String
    /// What was wrong, as named facts the rule's message (`rule.<rule>` in the catalogue) puts in words.
    public let facts: [String: MessageFact]

    public init(rule: String, facts: [String: MessageFact] = [:]) {
        self.rule = rule
        self.facts = facts
    }

    /// What a person reads: the rule's message with these facts.
    public var message: Message { Message("rule." + rule, facts) }

    public var description: String { "[\(rule)] \(message)" }
}

/// A refused value located in a request: which field, which rule.
public struct FieldViolation: Error, Equatable, Sendable, CustomStringConvertible {
    /// JSON-pointer-like path of the field, e.g. `complainant.creditCode` or `contracts[0].amount`.
    public let field: String
    public let rule: String
    /// What a person reads about it; by default the rule's own message.
    public let message: Message

    public init(field: String, rule: String, facts: [String: MessageFact] = [:]) {
        self.init(field: field, rule: rule, message: Message("rule." + rule, facts))
    }

    public init(field: String, rule: String, message: Message) {
        self.field = field
        self.rule = rule
        self.message = message
    }

    public init(field: String, _ invalid: InvalidValue) {
        self.init(field: field, rule: invalid.rule, message: invalid.message)
    }

    public var description: String { "\(field): \(message) [\(rule)]" }
}

/// Several field violations found together, so a form can show them all at once.
public struct ValidationFailure: Error, Equatable, Sendable {
    public let violations: [FieldViolation]

    public init(_ violations: [FieldViolation]) {
        self.violations = violations
    }
}

/// Runs field conversions and gathers every violation instead of stopping at the first.
public struct ViolationCollector: Sendable {
    public private(set) var violations: [FieldViolation] = []

    public init() {}

    /// Converts one field; on failure records the violation under `field` and returns nil.
    public mutating func field<T>(_ field: String, _ convert: () throws -> T) -> T? {
        do {
            return try convert()
        } catch let invalid as InvalidValue {
            violations.append(FieldViolation(field: field, invalid))
        } catch let violation as FieldViolation {
            violations.append(violation)
        } catch let failure as ValidationFailure {
            violations.append(contentsOf: failure.violations)
        } catch {
            violations.append(FieldViolation(field: field, rule: "invalid", facts: ["error": "\(error)"]))
        }
        return nil
    }

    public mutating func add(_ violation: FieldViolation) {
        violations.append(violation)
    }

    /// Throws every gathered violation at once, if any.
    public func check() throws(ValidationFailure) {
        if !violations.isEmpty { throw ValidationFailure(violations) }
    }
}

extension FieldViolation {
    /// Runs one conversion and files its refusal under `field`.
    public static func at<T>(_ field: String, _ convert: () throws -> T) throws -> T {
        do { return try convert() } catch let invalid as InvalidValue { throw FieldViolation(field: field, invalid) }
    }
}
