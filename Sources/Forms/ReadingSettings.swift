import Signatures

/// What the installation decides about reading, in one value the intake hands every reader.
public struct ReadingSettings: Sendable {
    /// What makes an application complete (`required_fields_file`; the shipped policy otherwise).
    public var completeness: CompletenessPolicy
    /// The CA certificates signatures are verified against (`trust_anchors`); nil: none is
    /// called verified, each says "no trust anchors configured".
    public var trustAnchors: TrustAnchors?
    /// `ocr_auto_refine` (off by default): a scan read clearly, of a recognised form, whose IIN or
    /// BIN is plainly absent may be sent back for refinement without staff.
    public var ocrAutoRefine: Bool

    public init(completeness: CompletenessPolicy = .shipped, trustAnchors: TrustAnchors? = nil, ocrAutoRefine: Bool = false) {
        self.completeness = completeness
        self.trustAnchors = trustAnchors
        self.ocrAutoRefine = ocrAutoRefine
    }
}
