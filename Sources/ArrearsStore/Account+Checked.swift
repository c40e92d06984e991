import ArrearsCore
import Foundation

extension Account {
    /// An account whose scope fits its role: a province code for provincial officials, a department for handlers, a credit
    /// code for SMEs; the one check `arrearsd account create` and `POST /v1/accounts` share.
    public static func checked(
        id: String, name: String, role: Role, province: String?, department: String?, creditCode: String?, regions: RegionDirectory,
        createdAt: Date, verifiedAt: Date? = nil
    ) throws(FieldViolation) -> Account {
        let trimmed = try TextPolicy.line(ComplaintFiling.textLimits.name).checked(name, field: "name")
        guard (1...64).contains(id.count), id.allSatisfy({ $0.isASCII && ($0.isLetter || $0.isNumber || "._-".contains($0)) }) else {
            throw FieldViolation(field: "id", rule: "account.id-format")
        }
        var provinceCode: RegionCode?
        if let province {
            do { provinceCode = try RegionCode(province, in: regions) } catch { throw FieldViolation(field: "province", error) }
            guard provinceCode!.isProvince else {
                throw FieldViolation(field: "province", rule: "account.province-level", facts: ["province": "\(province)"])
            }
        }
        var departmentID: DepartmentID?
        if let department {
            do { departmentID = try DepartmentID(department) } catch { throw FieldViolation(field: "department", error) }
        }
        var code: CreditCode?
        if let creditCode {
            do { code = try CreditCode(creditCode) } catch { throw FieldViolation(field: "creditCode", error) }
        }
        switch role {
        case .handler where departmentID == nil:
            throw FieldViolation(field: "department", rule: "account.handler-needs-department")
        case .sme where code == nil:
            throw FieldViolation(field: "creditCode", rule: "account.sme-needs-credit-code")
        default: break
        }
        return Account(
            id: AccountID(id), name: trimmed, role: role, province: provinceCode, department: departmentID, creditCode: code, createdAt: createdAt,
            verifiedAt: role == .sme ? verifiedAt : nil)
    }
}
