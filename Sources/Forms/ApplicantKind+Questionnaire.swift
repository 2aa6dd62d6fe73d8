import Annex2

extension ApplicantKind {
    /// The questionnaire of Annex 2 this kind fills in.
    public var questionnaire: FormKind {
        // Each kind's questionnaire carries the kind's own name.
        FormKind(rawValue: rawValue)!
    }
}
