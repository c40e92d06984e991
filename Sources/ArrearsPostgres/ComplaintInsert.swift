import ArrearsCore
import ArrearsStore
import PostgresNIO

/// A numbered complaint's row and its business keys, as one statement prepared once per connection: the server parses
/// and plans it once, not on every registration.
struct ComplaintInsert: PostgresPreparedStatement {
    typealias Row = ()

    static let sql = """
        WITH c AS (
            INSERT INTO complaints (id, number, state, version, intake_province, handling_department,
                complainant_account, received_at, due_on, amount_claimed_fen, body,
                complainant_name, complainant_code, complainant_industry, complainant_size, contact_person, contact_phone,
                contact_email, respondent_name, respondent_kind, respondent_level, respondent_region, channel, search)
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
        let filing = complaint.filing
        let (complainant, respondent) = (filing.complainant, filing.respondent)
        var bindings = PostgresBindings(capacity: 27)
        bindings.append(complaint.id.rawValue)
        bindings.append(complaint.number)
        bindings.append(complaint.state.rawValue)
        bindings.append(complaint.version)
        bindings.append(complaint.intakeProvince?.code)
        bindings.append(complaint.handlingDepartment?.rawValue)
        bindings.append(complaint.complainantAccount?.rawValue)
        bindings.append(StoreCoding.instant(complaint.receivedAt))
        bindings.append(complaint.nextDue?.description)
        bindings.append(filing.amountClaimed.value)
        bindings.append(body)
        bindings.append(complainant.name)
        bindings.append(complainant.creditCode.description)
        bindings.append(complainant.industry.rawValue)
        bindings.append(complainant.declaredSize.rawValue)
        bindings.append(complainant.contact.person)
        bindings.append(complainant.contact.phone)
        bindings.append(complainant.contact.email)
        bindings.append(respondent.name)
        bindings.append(respondent.kind.rawValue)
        bindings.append(respondent.level.rawValue)
        bindings.append(respondent.region.description)
        bindings.append(filing.channel.rawValue)
        bindings.append(SearchTerms.tsvector(SearchTerms.document(of: complaint)))
        bindings.append(keys.complainant)
        bindings.append(keys.respondent)
        bindings.append(Array(Set(keys.contracts)).sorted())
        return bindings
    }

    func decodeRow(_ row: PostgresRow) throws -> Row {}
}
