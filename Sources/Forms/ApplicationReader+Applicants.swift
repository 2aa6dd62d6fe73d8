import Annex2
import MIME

/// One letter, several applicants: a regional office forwards three people's letters, attaches
/// three questionnaires, or types forms one after another into its letter. Each applicant gets a
/// reading of their own, in the order found, saying where it came from; forms that cannot be told
/// apart (no IIN, BIN or name that differs) stay one reading, as `read` gives it.
extension ApplicationReader {
    /// Where one applicant's reading came from in the letter.
    public struct Origin: Sendable, Equatable {
        public enum Place: String, Sendable, Equatable {
            /// The letter's own text.
            case body
            /// Files attached to the letter itself.
            case attachment
            /// A letter forwarded inside this one (`message/rfc822`, or inline in the text).
            case forwarded
        }

        public var place: Place
        /// The MIME parts whose forms made the reading, in order.
        public var partPaths: [String]
        public var filenames: [String]
        /// The forwarded letter's sender, as its From said: the applicant's own address.
        public var forwardedFrom: MailAddress?
        public var forwardedDate: String?
        public var forwardedSubject: String?
        /// `message/rfc822`, or the client whose inline layout was recognised (`gmail`, `outlook`…).
        public var forwardStyle: String?
        /// 1-based: the n-th applicant's form in one source that held several one after another.
        public var formIndex: Int?

        public init(place: Place, partPaths: [String] = [], filenames: [String] = [], forwardedFrom: MailAddress? = nil,
                    forwardedDate: String? = nil, forwardedSubject: String? = nil, forwardStyle: String? = nil,
                    formIndex: Int? = nil) {
            self.place = place
            self.partPaths = partPaths
            self.filenames = filenames
            self.forwardedFrom = forwardedFrom
            self.forwardedDate = forwardedDate
            self.forwardedSubject = forwardedSubject
            self.forwardStyle = forwardStyle
            self.formIndex = formIndex
        }
    }

    /// Every applicant of the letter, one reading each, in the order found. A letter of one
    /// applicant gives exactly `read`'s reading (with its origin), so nothing changes for it.
    public static func readApplicants(_ message: Message, currentYear: Int, automatic known: AutoSubmission? = nil,
                                      settings: ReadingSettings = ReadingSettings()) -> [Result] {
        readLetter(message, currentYear: currentYear, automatic: known, settings: settings).applicants
    }

    /// `letter`: the whole letter read as one application, as `read` gives it (the first
    /// applicant's fields, the others as companions or conflicts); `applicants`: one reading each.
    public static func readLetter(_ message: Message, currentYear: Int, automatic known: AutoSubmission? = nil,
                                  settings: ReadingSettings = ReadingSettings()) -> (letter: Result, applicants: [Result]) {
        let whole = read(message, currentYear: currentYear, automatic: known, settings: settings)
        let automatic = known ?? message.autoSubmission
        if automatic.isAutomatic { return (whole, [whole]) }
        // Most letters are one applicant's own: nothing forwarded, one form (or one questionnaire
        // beside other papers). Taking them apart again would read every part twice.
        if whole.application.companions.isEmpty, whole.application.conflicts.isEmpty, whole.questionnaireSources < 2,
           !mayHoldForwards(message) {
            var single = whole
            let paths = whole.sources.map(\.partPath)
            let attached = message.attachments.filter { paths.contains($0.path) }
            single.origin = Origin(place: !attached.isEmpty && attached.count == paths.count ? .attachment : .body,
                                   partPaths: paths, filenames: attached.compactMap(\.filename))
            return (whole, [single])
        }
        let units = ApplicantUnits(message)
        let clusters = units.clusters()
        guard clusters.count > 1 else {
            var single = whole
            single.origin = clusters.first.map { units.origin(of: $0) } ?? units.letterOrigin
            return (whole, [single])
        }
        return (whole, clusters.map { cluster in
            var result = units.reading(of: cluster, year: currentYear, subject: message.subject ?? "", policy: settings.completeness)
            result.origin = units.origin(of: cluster)
            return result
        })
    }
}

extension ApplicationReader {
    /// A forwarded message inside, or text that may hold an inline forward.
    static func mayHoldForwards(_ message: Message) -> Bool {
        if message.parts.contains(where: { $0.message != nil }) { return true }
        for part in message.textParts {
            guard let text = part.text(legacyCharset: message.header.legacyCharset)?.text else { continue }
            if part.contentType.subtype == "html" {
                if ["From:", "От:", "От кого:", "Кімнен:", "Forwarded", "Пересылаемое", "forwarded message"].contains(where: { text.contains($0) }) {
                    return true
                }
            } else if !InlineForward.find(in: text).isEmpty {
                return true
            }
        }
        return false
    }
}

/// A letter taken apart into what each form says and where it stands.
struct ApplicantUnits {
    /// One forwarded letter inside the message: attached as `message/rfc822`, or inline in a text part.
    struct Forward {
        let key: String
        let from: MailAddress?
        let date: String?
        let subject: String?
        let style: String
    }

    /// One applicant's form from one source (a source with several forms gives several units).
    struct Unit {
        let sourceID: String
        let part: Part
        let form: ExtractedForm
        let forward: Forward?
        let formIndex: Int?
        var marks: ApplicantMarks {
            func value(_ f: FormField) -> String? { form.values[f] ?? form.proseValues[f] }
            return ApplicantMarks(iin: value(.iin), bin: value(.bin), fullName: value(.fullName),
                                  organizationName: value(.organizationName))
        }
    }

    struct Cluster {
        var units: [Unit] = []
        var unreadable: [(source: ApplicationReader.Source, forward: Forward?)] = []
        var forwardKey: String? { units.first?.forward?.key ?? unreadable.first?.forward?.key }
    }

    var units: [Unit] = []
    var sources: [ApplicationReader.Source] = []
    var unreadable: [(source: ApplicationReader.Source, forward: Forward?)] = []
    var letterOrigin = ApplicationReader.Origin(place: .body)

    init(_ message: Message) {
        var attached: [String: Forward] = [:]
        for part in message.parts {
            guard let nested = part.message else { continue }
            attached[part.path] = Forward(key: part.path, from: nested.from.first, date: nested.header["Date"],
                                          subject: nested.subject, style: "message/rfc822")
        }
        // The innermost forwarded message a part sits in, by its IMAP path.
        func enclosing(_ part: Part) -> Forward? {
            var best: Forward?
            for (path, forward) in attached where part.path.hasPrefix(path + ".") {
                if best == nil || path.count > best!.key.count { best = forward }
            }
            return best
        }
        let parts = ApplicationReader.candidateParts(message)
        for part in parts {
            let (bytes, _) = part.decodedBody()
            let kind = SourceKind.detect(filename: part.filename, mimeType: part.contentType.mimeType, bytes: bytes)
            let outer = enclosing(part)
            if !part.isAttachment, kind == .text || kind == .html {
                let text = part.text(decodedBody: bytes).text
                let plain = kind == .html ? HTMLText.document(text).plainText : text
                let inline = InlineForward.find(in: plain)
                if !inline.isEmpty {
                    sources.append(ApplicationReader.Source(partPath: part.path, filename: part.filename, kind: kind, unreadable: nil))
                    // The sender's own text before the first forward, then each forwarded letter's text.
                    let own = String(plain[..<inline[0].range.lowerBound])
                    add(part: part, sourceID: part.path, form: FieldExtractor.extract(PlainText.document(own)), forward: outer)
                    for (n, forward) in inline.enumerated() {
                        let inner = Forward(key: part.path + "#" + String(n + 1), from: forward.from, date: forward.date,
                                            subject: forward.subject, style: forward.style.rawValue)
                        add(part: part, sourceID: part.path,
                            form: FieldExtractor.extract(PlainText.document(String(plain[forward.textRange]))), forward: inner)
                    }
                    continue
                }
            }
            switch ApplicationReader.document(of: part, bytes: bytes, kind: kind) {
            case .success(let document)?:
                sources.append(ApplicationReader.Source(partPath: part.path, filename: part.filename, kind: kind, unreadable: nil,
                                                        recognition: document.recognition))
                add(part: part, sourceID: part.path, form: FieldExtractor.extract(document), forward: outer)
            case .failure(let reason)?:
                let source = ApplicationReader.Source(partPath: part.path, filename: part.filename, kind: kind, unreadable: reason)
                sources.append(source)
                unreadable.append((source, outer))
            case nil:
                continue
            }
        }
        let attachments = parts.filter { $0.isAttachment }
        letterOrigin = ApplicationReader.Origin(place: attachments.isEmpty ? .body : .attachment,
                                                partPaths: parts.map(\.path), filenames: attachments.compactMap(\.filename))
    }

    /// A source's first applicant and each further one it holds, as units of their own.
    mutating func add(part: Part, sourceID: String, form: ExtractedForm, forward: Forward?) {
        var first = form
        first.companions = []
        let several = !form.companions.isEmpty
        units.append(Unit(sourceID: sourceID, part: part, form: first, forward: forward, formIndex: several ? 1 : nil))
        for (n, companion) in form.companions.enumerated() {
            var next = companion
            next.companions = []
            units.append(Unit(sourceID: sourceID, part: part, form: next, forward: forward, formIndex: n + 2))
        }
    }

    /// Units grouped by applicant, in the order their applicants first appear.
    func clusters() -> [Cluster] {
        var clusters: [Cluster] = []
        var waiting: [Unit] = []   // forms that name nobody, before any that names someone
        for unit in units {
            let marks = unit.marks
            if unit.form.isEmpty && marks.isEmpty { continue }
            if marks.isEmpty {
                // A programme form, a questionnaire without names: it belongs with the applicant
                // of its own letter written before it (or the next one, if none was).
                if let i = clusters.lastIndex(where: { $0.forwardKey == unit.forward?.key }) {
                    // A questionnaire naming nobody beside another one is an applicant of its own all the same.
                    if clusters[i].units.contains(where: { ApplicantUnits.apart($0, unit) }) {
                        clusters.append(Cluster(units: [unit]))
                    } else {
                        clusters[i].units.append(unit)
                    }
                } else {
                    waiting.append(unit)
                }
                continue
            }
            let verdicts = clusters.map { cluster in
                cluster.units.map { $0.marks.compared(with: marks).verdict }
            }
            // The same applicant anywhere in the letter; or, within one forwarded letter (or the
            // letter's own text and files), anyone who cannot be told apart from this one.
            let same = verdicts.firstIndex { $0.contains(.same) && !$0.contains(.different) }
            let alike = clusters.indices.first { i in
                clusters[i].forwardKey == unit.forward?.key && !verdicts[i].contains(.different)
                    && !clusters[i].units.contains { ApplicantUnits.apart($0, unit) }
            }
            if let i = same ?? alike {
                clusters[i].units.append(unit)
            } else {
                var cluster = Cluster()
                let (mine, others) = waiting.partitioned { $0.forward?.key == unit.forward?.key }
                cluster.units = mine + [unit]
                waiting = others
                clusters.append(cluster)
            }
        }
        if !waiting.isEmpty {
            if clusters.isEmpty { clusters.append(Cluster(units: waiting)) } else { clusters[0].units.insert(contentsOf: waiting, at: 0) }
        }
        // A scan or .doc: with the applicant of its forwarded letter; among the letter's own files,
        // with its only applicant, or, when there are several, a reading of its own for staff.
        var loose: [(source: ApplicationReader.Source, forward: Forward?)] = []
        for item in unreadable {
            if let key = item.forward?.key, let i = clusters.firstIndex(where: { $0.forwardKey == key }) {
                clusters[i].unreadable.append(item)
            } else if item.forward == nil, clusters.filter({ $0.forwardKey == nil }).count == 1,
                      let i = clusters.firstIndex(where: { $0.forwardKey == nil }) {
                clusters[i].unreadable.append(item)
            } else if clusters.count <= 1, !clusters.isEmpty {
                clusters[0].unreadable.append(item)
            } else {
                loose.append(item)
            }
        }
        if !loose.isEmpty { clusters.append(Cluster(units: [], unreadable: loose)) }
        return clusters
    }

    /// Forms already told apart before their names are compared: two forms one source holds one
    /// after another (the extractor split them), or two questionnaires, since one applicant fills
    /// in one (an IIN beside a BIN, or a name beside a number, cannot say they are the same).
    static func apart(_ a: Unit, _ b: Unit) -> Bool {
        if a.sourceID == b.sourceID, a.formIndex != b.formIndex { return true }
        return !a.form.titleKinds.isEmpty && !b.form.titleKinds.isEmpty
    }

    /// One applicant's reading, built as `read` builds the whole letter's.
    func reading(of cluster: Cluster, year: Int, subject: String, policy: CompletenessPolicy) -> ApplicationReader.Result {
        let forms = cluster.units.map { (sourceID: $0.sourceID, form: $0.form) }
        var application = Application.build(from: forms, now: year, subject: subject, policy: policy)
        var paths: [String] = []
        for unit in cluster.units where !paths.contains(unit.part.path) { paths.append(unit.part.path) }
        let own = sources.filter { source in source.unreadable == nil && paths.contains(source.partPath) }
        let sources = own + cluster.unreadable.map(\.source)
        if application.purpose != .termination, !cluster.unreadable.isEmpty,
           application.outcome == .notAnApplication || application.outcome == .incomplete {
            application = application.with(outcome: .unreadable)
        }
        // As `read`: a reading of a scan never decides alone; staff check it, fields pre-filled.
        let confidence = FieldConfidence.of(application, sources: sources)
        if application.purpose != .termination, sources.contains(where: { $0.recognition != nil }),
           !confidence.isEmpty || application.outcome == .notAnApplication || application.outcome == .incomplete {
            application = application.with(outcome: .unreadable)
        }
        var reason: String?
        if application.outcome == .notAnApplication {
            reason = application.purpose == .termination ? "termination notice (Rules p.13)"
                : forms.isEmpty ? "empty message" : "no Annex 2 form or field found"
        }
        return ApplicationReader.Result(application: application, sources: sources, notAnApplicationReason: reason,
                                        confidence: reason == nil ? confidence : [:])
    }

    func origin(of cluster: Cluster) -> ApplicationReader.Origin {
        var paths: [String] = []
        var filenames: [String] = []
        for part in cluster.units.map(\.part) + [] where !paths.contains(part.path) {
            paths.append(part.path)
            if let name = part.filename { filenames.append(name) }
        }
        for item in cluster.unreadable where !paths.contains(item.source.partPath) {
            paths.append(item.source.partPath)
            if let name = item.source.filename { filenames.append(name) }
        }
        let indices = Set(cluster.units.compactMap(\.formIndex))
        let formIndex = indices.count == 1 ? indices.first : nil
        let forward = cluster.units.first(where: { $0.forward != nil })?.forward ?? cluster.unreadable.first?.forward
        if let forward {
            return ApplicationReader.Origin(place: .forwarded, partPaths: paths, filenames: filenames, forwardedFrom: forward.from,
                                            forwardedDate: forward.date, forwardedSubject: forward.subject,
                                            forwardStyle: forward.style, formIndex: formIndex)
        }
        let attached = cluster.units.contains { $0.part.isAttachment } || !cluster.unreadable.isEmpty
        let inBody = cluster.units.contains { !$0.part.isAttachment }
        return ApplicationReader.Origin(place: attached && !inBody ? .attachment : .body, partPaths: paths,
                                        filenames: filenames, formIndex: formIndex)
    }
}

extension Array {
    func partitioned(by belongs: (Element) -> Bool) -> (matching: [Element], rest: [Element]) {
        var matching: [Element] = [], rest: [Element] = []
        for element in self { if belongs(element) { matching.append(element) } else { rest.append(element) } }
        return (matching, rest)
    }
}
