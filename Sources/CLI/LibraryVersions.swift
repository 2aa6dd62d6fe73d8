import Forms
import Intake
import Mailbox
import Store

/// The system libraries linked in, for bug reports and `tizilim version`: each module that links
/// one reports its version.
enum LibraryVersions {
    static func lines() -> [String] {
        [LibCurl.version, Database.libraryVersion, ZipArchive.libraryVersion, Digest.libraryVersion]
            .compactMap { $0 }
    }
}
