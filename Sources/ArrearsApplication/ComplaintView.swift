import ArrearsCore

/// A complaint as one viewer may see it (投诉详情): the complainant's contact in full only for the complainant itself
/// (officials read it in full through `Platform.contact`, which is logged), its history (without officials-only notes
/// for the complainant), and what is late today.
public struct ComplaintView: Sendable {
    public let complaint: Complaint
    /// The complainant's contact as this viewer may see it.
    public let contact: Contact
    public let events: [ComplaintEvent]
    /// Each contract's due date, days overdue and interest as of `today`.
    public let latePayments: [LatePayment]
    /// The CST date the view was made on; deadlines are overdue or not as of it.
    public let today: CSTDate
    /// How the running clock's due date was counted; nil when there is none or the calendar does not reach it.
    public let reckoning: DueDateReckoning?

    init(_ complaint: Complaint, events: [ComplaintEvent], today: CSTDate, calendar: WorkingDayCalendar, for viewer: Actor) {
        self.complaint = complaint
        let contact = complaint.filing.complainant.contact
        self.contact = viewer.role == .sme && complaint.complainantAccount == viewer.account ? contact : contact.masked
        // The complainant reads its whole history but the notes officials keep to themselves.
        self.events = viewer.role == .sme ? events.filter(\.isShownToComplainant) : events
        self.latePayments = LatePayment.assess(complaint, today: today, calendar: calendar)
        self.today = today
        self.reckoning = complaint.deadline.flatMap(calendar.reckoning)
    }
}
