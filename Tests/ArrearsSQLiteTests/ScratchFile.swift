import Foundation

/// A new database file's path in a folder of its own under the system's temporary directory.
func scratchDatabasePath(_ purpose: String) throws -> String {
    let folder = FileManager.default.temporaryDirectory.appendingPathComponent("arrears-\(purpose)-\(UUID().uuidString)")
    try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
    return folder.appendingPathComponent("arrears.sqlite").path
}
