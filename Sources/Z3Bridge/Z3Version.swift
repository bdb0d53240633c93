import CZ3

/// The version of the libz3 the bridge is linked with.
public enum Z3Version {
    public static var current: String {
        var major: UInt32 = 0, minor: UInt32 = 0, build: UInt32 = 0, revision: UInt32 = 0
        Z3_get_version(&major, &minor, &build, &revision)
        return "\(major).\(minor).\(build)"
    }
}
