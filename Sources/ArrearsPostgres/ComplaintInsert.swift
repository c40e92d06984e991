import ArrearsCore
import ArrearsStore
import PostgresNIO

/// A numbered complaint's row and its business keys, as one statement prepared once per connection: the server parses
/// and plans it once, not on every registration.
struct ComplaintInsert: PostgresPreparedStatement {
    typealias Row = ()

    /// A complaint row's columns, in the order `values` binds them.
    static let columns = """
        id, number, state, version, intake_province, handling_department,
            complainant_account, received_at, due_on, amount_claimed_fen, body,
            complainant_name, complainant_code, complainant_industry, complainant_size, contact_person, contact_phone,
            contact_email, respondent_name, respondent_kind, respondent_level, respondent_region, channel, search
        """

    static let sql = """
        WITH c AS (
            INSERT INTO complaints (\(columns))
            VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13, $14, $15, $16, $17, $18, $19, $20, $21, $22, $23,
                $24::tsvector)
            RETURNING seq
        )
        INSERT INTO complaint_keys (complaint_seq, complainant_code, respondent_key, contract_key)
        SELECT c.seq, $25, $26, key FROM c, unnest($27::text[]) AS key
        """

    let complaint: Complaint
    let body: String
    let keys: BusinessKeys

    func makeBindings() throws -> PostgresBindings {
        var statement = PostgresStatement()
        _ = Self.values(of: complaint, body: body, &statement)
        _ = statement.bind(keys.complainant)
        _ = statement.bind(keys.respondent)
        _ = statement.bind(Array(Set(keys.contracts)).sorted())
        return statement.binds
    }

    /// A complaint row's values, in `columns` order, bound into `statement`; returns the row as `($n, …)`.
    static func values(of complaint: Complaint, body: String, _ statement: inout PostgresStatement) -> String {
        let filing = complaint.filing
        let (complainant, respondent) = (filing.complainant, filing.respondent)
        let placeholders = [
            statement.bind(complaint.id.rawValue), statement.bind(complaint.number), statement.bind(complaint.state.rawValue),
            statement.bind(complaint.version), statement.bind(complaint.intakeProvince?.code), statement.bind(complaint.handlingDepartment?.rawValue),
            statement.bind(complaint.complainantAccount?.rawValue), statement.bind(StoreCoding.instant(complaint.receivedAt)),
            statement.bind(complaint.nextDue?.description), statement.bind(filing.amountClaimed.value), statement.bind(body),
            statement.bind(complainant.name), statement.bind(complainant.creditCode.description), statement.bind(complainant.industry.rawValue),
            statement.bind(complainant.declaredSize.rawValue), statement.bind(complainant.contact.person), statement.bind(complainant.contact.phone),
            statement.bind(complainant.contact.email), statement.bind(respondent.name), statement.bind(respondent.kind.rawValue),
            statement.bind(respondent.level.rawValue), statement.bind(respondent.region.description), statement.bind(filing.channel.rawValue),
            statement.bind(SearchTerms.tsvector(SearchTerms.document(of: complaint))) + "::tsvector",
        ]
        return "(" + placeholders.joined(separator: ", ") + ")"
    }

    func decodeRow(_ row: PostgresRow) throws -> Row {}
}
