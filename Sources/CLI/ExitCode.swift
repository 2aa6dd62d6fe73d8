/// Exit statuses from sysexits(3), so scripts and systemd can tell failures apart.
public enum ExitCode {
    public static let ok: Int32 = 0
    /// Some input could be read but not all of it (a file in a batch failed).
    public static let failure: Int32 = 1
    public static let usage: Int32 = 64
    public static let dataError: Int32 = 65
    public static let noInput: Int32 = 66
    public static let unavailable: Int32 = 69
    public static let software: Int32 = 70
    public static let cannotCreate: Int32 = 73
    public static let ioError: Int32 = 74
    /// Try again later: the store was locked by another writer for too long.
    public static let temporaryFailure: Int32 = 75
    public static let config: Int32 = 78
}
