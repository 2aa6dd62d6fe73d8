import CCrypto
import CCurl
import CSQLite
import CZlib

/// The system libraries linked in, for bug reports and `tizilim version`.
enum LibraryVersions {
    static func lines() -> [String] {
        var lines: [String] = []
        if let curl = curl_version() { lines.append(String(cString: curl)) }
        lines.append("SQLite " + String(cString: sqlite3_libversion()))
        lines.append("zlib " + String(cString: zlibVersion()))
        if let ssl = OpenSSL_version(0) { lines.append(String(cString: ssl)) }
        return lines
    }
}
