/// A command's options and operands, parsed against what the command declares.
///
/// Small on purpose: `--flag`, `--option VALUE`, `--option=VALUE`, `--` to end options, and a
/// clear error for anything undeclared (exit 64, as sysexits asks for usage errors).
public struct Arguments {
    public struct Option: Sendable {
        public let name: String
        public let valueName: String?
        public let help: String
        public var takesValue: Bool { valueName != nil }

        public static func flag(_ name: String, _ help: String) -> Option { Option(name: name, valueName: nil, help: help) }
        public static func value(_ name: String, _ valueName: String, _ help: String) -> Option {
            Option(name: name, valueName: valueName, help: help)
        }
    }

    public struct UsageError: Error, CustomStringConvertible {
        public let description: String
    }

    public private(set) var flags: Set<String> = []
    public private(set) var values: [String: [String]] = [:]
    public private(set) var operands: [String] = []

    public init(_ arguments: [String], options: [Option]) throws {
        var i = 0
        var onlyOperands = false
        while i < arguments.count {
            let argument = arguments[i]
            i += 1
            if onlyOperands || !argument.hasPrefix("-") || argument == "-" {
                operands.append(argument)
                continue
            }
            if argument == "--" { onlyOperands = true; continue }
            var name = argument
            var inline: String? = nil
            if let eq = argument.firstIndex(of: "=") {
                name = String(argument[..<eq])
                inline = String(argument[argument.index(after: eq)...])
            }
            if name == "-h" { name = "--help" }
            guard name.hasPrefix("--"), let option = options.first(where: { "--" + $0.name == name }) else {
                throw UsageError(description: "unknown option '\(argument)'")
            }
            if option.takesValue {
                let value: String
                if let inline {
                    value = inline
                } else if i < arguments.count {
                    value = arguments[i]
                    i += 1
                } else {
                    throw UsageError(description: "option '--\(option.name)' needs a value (\(option.valueName!))")
                }
                values[option.name, default: []].append(value)
            } else {
                if inline != nil { throw UsageError(description: "option '--\(option.name)' takes no value") }
                flags.insert(option.name)
            }
        }
    }

    public func has(_ flag: String) -> Bool { flags.contains(flag) }
    public func value(_ name: String) -> String? { values[name]?.last }
}
