import Cases
import Foundation

/// Every notice kind in both languages, ready to render.
///
/// Operators edit text, not code: `builtInFiles` are what `tizilim templates export DIR` writes,
/// and `init(directory:)` reads the edited folder back, file by file over the built-ins, refusing
/// to start on a file that would send a broken legal notice.
public struct NoticeTemplates: Sendable {
    struct Key: Hashable, Sendable {
        var kind: NoticeKind
        var language: NoticeLanguage
    }

    private var templates: [Key: NoticeTemplate]

    public static let builtIn: NoticeTemplates = {
        var templates: [Key: NoticeTemplate] = [:]
        for (name, content) in BuiltInTemplates.files {
            guard let key = NoticeTemplates.key(fileName: name) else { preconditionFailure("built-in template \(name) is misnamed") }
            do {
                templates[key] = try NoticeTemplate(parsing: content, file: name, kind: key.kind)
            } catch {
                preconditionFailure("built-in template: \(error)")
            }
        }
        return NoticeTemplates(templates: templates)
    }()

    private init(templates: [Key: NoticeTemplate]) {
        self.templates = templates
    }

    /// The built-ins with every `KIND.LANG.txt` in `directory` in place of its own (e.g.
    /// `refinement.ru.txt`); other files, such as the exported README.txt, are ignored.
    public init(directory: String) throws(NoticeTemplateError) {
        var templates = NoticeTemplates.builtIn.templates
        let names: [String]
        do {
            names = try FileManager.default.contentsOfDirectory(atPath: directory).sorted()
        } catch {
            throw NoticeTemplateError(file: directory, line: nil, message: "cannot list the template directory: \(error.localizedDescription)")
        }
        for name in names where name.hasSuffix(".kk.txt") || name.hasSuffix(".ru.txt") {
            guard let key = NoticeTemplates.key(fileName: name) else {
                let kinds = NoticeKind.allCases.map(\.rawValue).joined(separator: ", ")
                throw NoticeTemplateError(file: name, line: nil, message: "no notice kind of that name; the kinds are \(kinds)")
            }
            let path = (directory as NSString).appendingPathComponent(name)
            guard let data = FileManager.default.contents(atPath: path) else {
                throw NoticeTemplateError(file: name, line: nil, message: "cannot be read")
            }
            guard let content = String(data: data, encoding: .utf8) else {
                throw NoticeTemplateError(file: name, line: nil, message: "is not UTF-8 text; save it as UTF-8")
            }
            templates[key] = try NoticeTemplate(parsing: content, file: name, kind: key.kind)
        }
        self.templates = templates
    }

    /// The shipped templates and a README on placeholders, as files to write for editing.
    public static var builtInFiles: [(name: String, content: String)] {
        BuiltInTemplates.files + [("README.txt", TemplateReadme.text)]
    }

    /// Subject, plain text and HTML: the applicant's language first, a separator, then the other.
    public func render(_ notice: Notice) -> RenderedNotice {
        let languages = NoticeLanguage.order(for: notice.language)
        let parts = languages.map { language in
            let template = self.template(notice.kind, language)
            return (subject: template.subject, body: NoticeBody(template, values: NoticeValues(notice: notice, language: language)))
        }
        return RenderedNotice(caseID: notice.caseID, subjects: parts.map(\.subject), bodies: parts.map(\.body))
    }

    private func template(_ kind: NoticeKind, _ language: NoticeLanguage) -> NoticeTemplate {
        // Every key exists: the built-ins fill all of them and overrides only replace.
        templates[Key(kind: kind, language: language)]!
    }

    static func key(fileName: String) -> Key? {
        let pieces = fileName.split(separator: ".", omittingEmptySubsequences: false)
        guard pieces.count == 3, pieces[2] == "txt", let kind = NoticeKind(rawValue: String(pieces[0])),
              let language = NoticeLanguage(rawValue: String(pieces[1])) else { return nil }
        return Key(kind: kind, language: language)
    }
}
