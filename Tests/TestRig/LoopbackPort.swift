import Glibc

/// TCP ports on 127.0.0.1 for the servers the tests start.
public enum LoopbackPort {
    /// A port the kernel says is free now (bound with port 0, read back, released). Another
    /// process could take it before the server binds it; starters retry with a new one.
    public static func free() throws -> Int {
        let socketDescriptor = socket(AF_INET, Int32(SOCK_STREAM.rawValue), 0)
        guard socketDescriptor >= 0 else { throw RigError("socket: \(String(cString: strerror(errno)))") }
        defer { close(socketDescriptor) }
        var address = loopback(port: 0)
        var length = socklen_t(MemoryLayout<sockaddr_in>.size)
        let bound = withUnsafeMutablePointer(to: &address) { pointer in
            pointer.withMemoryRebound(to: sockaddr.self, capacity: 1) { raw in
                bind(socketDescriptor, raw, length) == 0 && getsockname(socketDescriptor, raw, &length) == 0
            }
        }
        guard bound else { throw RigError("bind 127.0.0.1:0: \(String(cString: strerror(errno)))") }
        return Int(UInt16(bigEndian: address.sin_port))
    }

    public static func isAccepting(_ port: Int) -> Bool {
        let socketDescriptor = socket(AF_INET, Int32(SOCK_STREAM.rawValue), 0)
        guard socketDescriptor >= 0 else { return false }
        defer { close(socketDescriptor) }
        var address = loopback(port: port)
        return withUnsafePointer(to: &address) { pointer in
            pointer.withMemoryRebound(to: sockaddr.self, capacity: 1) {
                connect(socketDescriptor, $0, socklen_t(MemoryLayout<sockaddr_in>.size)) == 0
            }
        }
    }

    public static func waitUntilAccepting(_ port: Int, timeoutSeconds: Double) -> Bool {
        var waited = 0.0
        while waited < timeoutSeconds {
            if isAccepting(port) { return true }
            usleep(50_000)
            waited += 0.05
        }
        return isAccepting(port)
    }

    private static func loopback(port: Int) -> sockaddr_in {
        var address = sockaddr_in()
        address.sin_family = sa_family_t(AF_INET)
        address.sin_port = UInt16(port).bigEndian
        address.sin_addr.s_addr = UInt32(0x7F00_0001).bigEndian
        return address
    }
}
