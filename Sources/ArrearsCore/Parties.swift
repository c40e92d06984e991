/// What the complainant's business does, by the rows of the 2011 SME size standard (中小企业划型标准规定).
public enum Industry: String, Sendable, Codable, CaseIterable {
    case agriculture, industry, construction, wholesale, retail, transport, warehousing, postal
    case accommodation, catering
    case informationTransmission = "information_transmission"
    case software
    case realEstateDevelopment = "real_estate_development"
    case propertyManagement = "property_management"
    case leasingAndBusinessServices = "leasing_business_services"
    case other
}

/// Enterprise size class under the 2011 standard.
public enum EnterpriseSize: String, Sendable, Codable, CaseIterable {
    case medium, small, micro, large
}

/// Who the respondent (被投诉人) is in law: only these may be complained about.
public enum RespondentKind: String, Sendable, Codable, CaseIterable {
    /// 机关
    case governmentOrgan = "government_organ"
    /// 事业单位
    case publicInstitution = "public_institution"
    /// 大型企业
    case largeEnterprise = "large_enterprise"
    /// 使用财政资金的组织
    case fiscallyFundedOrganisation = "fiscally_funded_organisation"
}

/// The administrative level of a respondent: central ones go to the national intake.
public enum AdministrativeLevel: String, Sendable, Codable, CaseIterable {
    case central, provincial, city, county
}

/// How a complaint reached the platform; officials register phone, fax and letter ones on the SME's behalf.
public enum IntakeChannel: String, Sendable, Codable, CaseIterable {
    case online, phone, fax, letter
}

/// What a contract bought from the SME.
public enum ContractSubject: String, Sendable, Codable, CaseIterable {
    case goods, works, services
}

/// A person to reach at the complainant; personal information, kept out of logs and exports.
public struct Contact: Sendable, Codable, Equatable {
    public var person: String
    public var phone: String
    public var email: String?

    public init(person: String, phone: String, email: String?) {
        self.person = person
        self.phone = phone
        self.email = email
    }
}

/// The SME owed money (投诉人).
public struct Complainant: Sendable, Codable, Equatable {
    public var name: String
    public var creditCode: CreditCode
    public var region: RegionCode
    public var industry: Industry
    /// Size at the contract's signing date, as the complainant declares it.
    public var declaredSize: EnterpriseSize
    public var contact: Contact
    /// The size test's inputs at the contract's signing date, when the complainant gives them.
    public var sizeInputs: SizeInputs?

    public init(
        name: String, creditCode: CreditCode, region: RegionCode, industry: Industry, declaredSize: EnterpriseSize, contact: Contact,
        sizeInputs: SizeInputs? = nil
    ) {
        self.sizeInputs = sizeInputs
        self.name = name
        self.creditCode = creditCode
        self.region = region
        self.industry = industry
        self.declaredSize = declaredSize
        self.contact = contact
    }
}

/// The organ, institution or large enterprise that owes (被投诉人).
public struct Respondent: Sendable, Codable, Equatable {
    public var name: String
    public var creditCode: CreditCode?
    public var kind: RespondentKind
    public var level: AdministrativeLevel
    public var region: RegionCode
    public var supervisingAuthority: String?

    public init(
        name: String, creditCode: CreditCode?, kind: RespondentKind, level: AdministrativeLevel, region: RegionCode, supervisingAuthority: String?
    ) {
        self.name = name
        self.creditCode = creditCode
        self.kind = kind
        self.level = level
        self.region = region
        self.supervisingAuthority = supervisingAuthority
    }

    /// The province whose intake department receives complaints about this respondent;
    /// nil for central-level respondents, which go to the national intake (属地管理、分级负责).
    public var intakeProvince: RegionCode? { level == .central ? nil : region.province }
}

/// One contract the debt arises from.
public struct Contract: Sendable, Codable, Equatable {
    public var number: String
    public var subject: ContractSubject
    public var signedOn: CSTDate
    public var amount: Fen
    /// Delivery, or passed acceptance where the contract makes that the condition: the payment clock's start.
    public var deliveredOn: CSTDate?
    /// Agreed payment term in days, when the contract states one.
    public var paymentTermDays: Int?
    public var amountOverdue: Fen

    public init(
        number: String, subject: ContractSubject, signedOn: CSTDate, amount: Fen, deliveredOn: CSTDate?, paymentTermDays: Int?, amountOverdue: Fen
    ) {
        self.number = number
        self.subject = subject
        self.signedOn = signedOn
        self.amount = amount
        self.deliveredOn = deliveredOn
        self.paymentTermDays = paymentTermDays
        self.amountOverdue = amountOverdue
    }
}
