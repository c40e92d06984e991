/// What an account may do that is not a decision on one complaint (those are `Lifecycle.transitions`), and which roles
/// may (权限表). Scope still applies on top: a role that may read complaints reads only those its scope covers.
public enum Permission: String, Sendable, CaseIterable {
    /// File a complaint: the SME online, an intake officer by phone, fax or letter on the SME's behalf.
    case file
    /// Read a complaint, its history, its evidence and the complainant's contact (logged), within scope.
    case readComplaints = "read-complaints"
    /// Ask where a forward would go today.
    case route
    /// Read the routing table in force.
    case readRouting = "read-routing"
    /// Read monthly statistics (provincial officials their province).
    case readStatistics = "read-statistics"
    /// Freeze an ended month's figures for one's scope.
    case publishStatistics = "publish-statistics"
    /// Export complaints as CSV, contacts masked.
    case export
    /// Export complaints with the complainants' contacts in full.
    case exportContacts = "export-contacts"
    /// Verify the events' hash chains (and, for admins, the security log's).
    case verifyAudit = "verify-audit"
    /// Read the security log.
    case readSecurityLog = "read-security-log"
    /// Create accounts with a password; end all of an account's tokens.
    case manageAccounts = "manage-accounts"
    /// List and retry webhook deliveries.
    case manageWebhooks = "manage-webhooks"
    /// Verify an SME account after checking its business licence (营业执照), within the province of its credit code.
    case verifySMEAccounts = "verify-sme-accounts"

    /// One row of the table.
    public struct Rule: Sendable {
        public let permission: Permission
        public let roles: Set<Role>
        /// Of `roles`, those that hold it only when national (no province).
        public let nationalOnly: Set<Role>
    }

    /// The whole table (README "Who may do what" is checked against it).
    public static let table: [Rule] = [
        Rule(permission: .file, roles: [.sme, .intake], nationalOnly: []),
        Rule(permission: .readComplaints, roles: Set(Role.allCases), nationalOnly: []),
        Rule(permission: .route, roles: [.intake, .handler, .supervisor, .admin], nationalOnly: []),
        Rule(permission: .readRouting, roles: [.intake, .handler, .supervisor, .admin], nationalOnly: []),
        Rule(permission: .readStatistics, roles: [.intake, .supervisor, .admin], nationalOnly: []),
        Rule(permission: .publishStatistics, roles: [.intake, .supervisor], nationalOnly: []),
        Rule(permission: .export, roles: [.intake, .handler, .supervisor], nationalOnly: []),
        Rule(permission: .exportContacts, roles: [.intake, .supervisor], nationalOnly: []),
        Rule(permission: .verifyAudit, roles: [.supervisor, .admin], nationalOnly: []),
        Rule(permission: .readSecurityLog, roles: [.supervisor, .admin], nationalOnly: [.supervisor]),
        Rule(permission: .manageAccounts, roles: [.admin], nationalOnly: []),
        Rule(permission: .manageWebhooks, roles: [.admin], nationalOnly: []),
        Rule(permission: .verifySMEAccounts, roles: [.intake], nationalOnly: []),
    ]

    public var rule: Rule { Self.table.first { $0.permission == self }! }

    /// Whether the actor's role (and, where the table says so, its national scope) holds this permission.
    public func isHeld(by actor: Actor) -> Bool {
        let rule = self.rule
        guard rule.roles.contains(actor.role) else { return false }
        return !rule.nationalOnly.contains(actor.role) || actor.province == nil
    }
}
