import Glibc
import Synchronization

/// Delivery names in the form Dovecot and Postfix use, `SECONDS.M<usec>P<pid>Q<counter>.HOST,S=SIZE`,
/// so that tools reading the Maildir recognise them and `S=` spares them a stat.
enum MaildirUniqueName {
    static func make(size: Int) -> String {
        var now = timespec()
        clock_gettime(CLOCK_REALTIME, &now)
        let counter = deliveries.add(1, ordering: .relaxed).newValue
        return "\(now.tv_sec).M\(now.tv_nsec / 1000)P\(getpid())Q\(counter).\(host),S=\(size)"
    }

    /// A name the deliverer can find again after a crash: `STEM.HOST,S=SIZE`, where the stem is
    /// `SECONDS.UNIQUE` chosen by the caller (e.g. from an outbox row) and must be unique in
    /// the Maildir. Readers see an ordinary delivery name.
    static func make(stem: String, size: Int) -> String {
        "\(stem).\(host),S=\(size)"
    }

    /// Counts deliveries in this process, so two in the same microsecond still differ.
    private static let deliveries = Atomic<UInt64>(0)

    /// The host name with `/` and `:` written as `\057` and `\072`, as the Maildir spec asks,
    /// since `/` would split the path and `:` starts the info part.
    private static let host: String = {
        var buffer = [UInt8](repeating: 0, count: 256)
        let status = buffer.withUnsafeMutableBufferPointer { raw in
            raw.withMemoryRebound(to: CChar.self) { gethostname($0.baseAddress!, $0.count - 1) }
        }
        guard status == 0 else { return "localhost" }
        let name = String(decoding: buffer.prefix { $0 != 0 }, as: UTF8.self)
        var safe = ""
        for character in name {
            switch character {
            case "/": safe += "\\057"
            case ":": safe += "\\072"
            default: safe.append(character)
            }
        }
        return safe.isEmpty ? "localhost" : safe
    }()
}
