import Service

extension Configuration {
    /// The options a command that reads the configuration accepts.
    static var options: [Arguments.Option] {
        [.value("config", "FILE", "configuration file (default \(defaultPath) if it exists)")]
            + keys.map { .value($0.flag, $0.name.uppercased(), $0.help) }
    }

    /// The configuration the command line names: `--config FILE` and one flag per key.
    init(_ arguments: Arguments) throws(Problem) {
        var flags: [String: String] = [:]
        for key in Self.keys {
            if let value = arguments.value(key.flag) { flags[key.name] = value }
        }
        try self.init(file: arguments.value("config"), flags: flags)
    }
}

extension Settings {
    /// The typed settings the command line names.
    init(_ arguments: Arguments) throws(Configuration.Problem) {
        self.init(try Configuration(arguments))
    }
}
