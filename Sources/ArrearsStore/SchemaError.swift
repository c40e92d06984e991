/// The database's schema cannot be used by this release.
public enum SchemaError: Error, CustomStringConvertible, Sendable {
    case newerThanThisRelease

    public var description: String {
        "the database was migrated by a newer Arrears; refusing to touch it with this release"
    }
}
