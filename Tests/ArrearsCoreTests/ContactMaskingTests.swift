import ArrearsCore
import Testing

@Suite("Contact details as officials see them without asking")
struct ContactMaskingTests {
    @Test(
        "Name, phone and email keep enough to recognise, not to call",
        arguments: [
            (
                Contact(person: "王芳", phone: "0571-87000000", email: "wang.fang@example.cn"),
                Contact(person: "王*", phone: "057*-****0000", email: "w***@example.cn")
            ),
            (Contact(person: "欧阳小明", phone: "13812345678", email: nil), Contact(person: "欧***", phone: "138****5678", email: nil)),
            (
                Contact(person: "李", phone: "+86 21 6200 0000", email: "li@example.cn"),
                Contact(person: "李*", phone: "+86 2* **** 0000", email: "l***@example.cn")
            ),
            // Typed with a Chinese input method: full-width digits are digits too.
            (Contact(person: "张三", phone: "１３８１２３４５６７８", email: nil), Contact(person: "张*", phone: "１３８****５６７８", email: nil)),
        ])
    func masked(contact: Contact, expected: Contact) {
        #expect(contact.masked == expected)
    }
}
