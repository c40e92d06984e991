import ArrearsCore

/// What a password must be: length only, since composition rules push people to predictable patterns (NIST SP 800-63B).
public enum PasswordPolicy {
    public static let minimumLength = 10
    /// bcrypt reads no further.
    public static let maximumBytes = 72

    /// The violation a password commits, if any.
    public static func violation(_ password: String, field: String = "password") -> FieldViolation? {
        guard password.count >= minimumLength, password.utf8.count <= maximumBytes else {
            return FieldViolation(
                field: field, rule: "password.length",
                facts: ["minimumLength": "\(minimumLength)", "maximumBytes": "\(maximumBytes)"])
        }
        return nil
    }
}
