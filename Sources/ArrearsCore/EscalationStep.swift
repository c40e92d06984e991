/// The pressure put on a respondent while a complaint is being handled, recorded as events, not states.
public enum EscalationStep: String, Sendable, Codable, CaseIterable {
    /// 督办书: a formal supervision notice to a respondent that does not cooperate.
    case supervisionNotice = "supervision_notice"
    /// 约谈: the respondent's people are summoned.
    case summons
    /// 通报: a public notice.
    case publicNotice = "public_notice"
    /// 责令整改: an order to rectify.
    case rectificationOrder = "rectification_order"
    /// 挂牌督办: listed supervision, which only a supervisor flags.
    case listedSupervision = "listed_supervision"

    /// 督办书 → 约谈 → 通报 → 责令整改: the order the steps are suggested in, never forced.
    public static let ladder: [EscalationStep] = [.supervisionNotice, .summons, .publicNotice, .rectificationOrder]

    /// The step to suggest after those already taken on this forward: the rung after the highest one taken; nil at the top.
    public static func suggested(after taken: [EscalationStep]) -> EscalationStep? {
        let highest = taken.compactMap { ladder.firstIndex(of: $0) }.max()
        let next = highest.map { $0 + 1 } ?? 0
        return next < ladder.count ? ladder[next] : nil
    }

    /// Who may take the step: a supervisor any; intake and the handling department all but listed supervision.
    public var roles: Set<Role> { self == .listedSupervision ? [.supervisor] : [.intake, .handler, .supervisor] }
}
