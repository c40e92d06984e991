import Foundation
import Mustache

/// The portal's templates, shipped in the binary: structure only — every word a reader sees is filled in from the
/// catalogue by the page's view, and every value is escaped unless a template says `{{{…}}}` (only the layout's body,
/// itself a rendered template).
enum Templates {
    static let library: MustacheLibrary = {
        var library = MustacheLibrary()
        let shipped: [(String, [UInt8])] = [
            ("layout", PackageResources.layout_mustache), ("error-summary", PackageResources.error_summary_mustache),
            ("home", PackageResources.home_mustache), ("sign-in", PackageResources.sign_in_mustache),
            ("my-complaints", PackageResources.my_complaints_mustache), ("complaint", PackageResources.complaint_mustache),
            ("message", PackageResources.message_mustache), ("confirm", PackageResources.confirm_mustache),
            ("filing-start", PackageResources.filing_start_mustache), ("filing-tasks", PackageResources.filing_tasks_mustache),
            ("filing-section", PackageResources.filing_section_mustache), ("filing-check", PackageResources.filing_check_mustache),
            ("filed", PackageResources.filed_mustache), ("account", PackageResources.account_mustache),
            ("calculator", PackageResources.calculator_mustache), ("receipt", PackageResources.receipt_mustache),
            ("size-test", PackageResources.size_test_mustache),
            ("statistics", PackageResources.statistics_mustache),
            ("filing-files", PackageResources.filing_files_mustache),
            ("password", PackageResources.password_mustache),
        ]
        for (name, bytes) in shipped {
            // A template that does not parse is a build defect a test catches, not a refusal.
            try! library.register(String(decoding: bytes, as: UTF8.self), named: name)
        }
        return library
    }()

    /// The stylesheet, served at /static/portal.css.
    static let stylesheet = PackageResources.portal_css

    /// A template rendered with a view; a name no template has renders nothing, which a test would see.
    static func render(_ name: String, _ view: [String: Any]) -> String {
        library.render(view, withTemplate: name) ?? ""
    }
}
