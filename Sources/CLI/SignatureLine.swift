import Forms
import Signatures

/// "signed by КИМ ВИКТОР, IIN 670509312900, verified" / "…, not verified (no trust anchors
/// configured)": one signature as staff read it, from the stored reading's `signatures` entry.
struct SignatureLine {
    let subject: String?
    let iin: String?
    let bin: String?
    let issuer: String?
    let verified: Bool
    let reason: String?

    init(json item: [String: Any]) {
        subject = item["subject"] as? String
        iin = item["iin"] as? String
        bin = item["bin"] as? String
        issuer = item["issuer"] as? String
        verified = item["verified"] as? Bool ?? false
        reason = item["reason"] as? String
    }

    init(_ item: ApplicationReader.SourceSignature) {
        let signer = item.signature.signer
        subject = signer?.displayName
        iin = signer?.iin
        bin = signer?.bin
        issuer = signer?.issuer
        verified = item.signature.verdict.isVerified
        reason = item.signature.verdict.reason
    }

    func text(_ language: OperatorLanguage) -> String {
        var out = language.pick("қол қойған: ", "подписано: ", "signed by ") + (subject ?? "?")
        if let iin { out += language.pick(", ЖСН ", ", ИИН ", ", IIN ") + iin }
        if let bin { out += language.pick(", БСН ", ", БИН ", ", BIN ") + bin }
        if let issuer { out += " (" + language.pick("куәлік берген: ", "выдан: ", "issued by ") + issuer + ")" }
        if verified { return out + ", " + language.pick("тексерілді", "проверено", "verified") }
        return out + ", " + language.pick("тексерілмеді", "не проверено", "not verified") + " (\(reason ?? "?"))"
    }
}
