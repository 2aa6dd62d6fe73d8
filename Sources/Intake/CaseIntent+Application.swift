import Annex2
import Cases
import Forms

extension CaseIntent {
    /// What the applicant's message asks for: inclusion, a change of data (p.7) or the end
    /// of their activity (p.13).
    init(_ application: Application) {
        switch application.purpose {
        case .inclusion: self = .application
        case .change: self = .change
        case .termination: self = .termination
        }
    }
}

extension MissingPart {
    /// `programs[0].goal`: the path the notices name a sub-field by, counted from 0.
    var path: String { "\(field.rawValue)[\(index - 1)].\(key)" }
}
