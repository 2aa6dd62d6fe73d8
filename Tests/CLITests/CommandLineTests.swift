import Glibc
import Testing
@testable import CLI

func run(_ arguments: String...) -> (status: Int32, out: String, err: String) {
    let console = Console.capturing()
    let status = Tizilim.run(arguments, console: console)
    return (status, console.out, console.err)
}

/// A folder of message files for one test, removed afterwards by the caller.
func temporaryFolder(_ files: [String: String]) -> String {
    var template = Array("/tmp/tizilim-test-XXXXXX".utf8CString)
    let path = template.withUnsafeMutableBufferPointer { String(cString: mkdtemp($0.baseAddress!)) }
    for (name, content) in files {
        let file = fopen(path + "/" + name, "wb")!
        let bytes = Array(content.utf8)
        fwrite(bytes, 1, bytes.count, file)
        fclose(file)
    }
    return path
}

func removeFolder(_ path: String) {
    if let dir = opendir(path) {
        while let entry = readdir(dir) {
            let name = withUnsafeBytes(of: entry.pointee.d_name) { String(cString: $0.bindMemory(to: CChar.self).baseAddress!) }
            if name != "." && name != ".." { unlink(path + "/" + name) }
        }
        closedir(dir)
    }
    rmdir(path)
}

@Suite struct Help {
    @Test func overviewListsEveryCommandWithItsPurpose() {
        let (status, out, _) = run("--help")
        #expect(status == 0)
        for command in Tizilim.commands {
            #expect(out.contains(command.name))
            #expect(out.contains(command.summary))
        }
    }

    @Test func helpForACommandShowsItsOptions() {
        let (status, out, _) = run("help", "parse")
        #expect(status == 0)
        #expect(out.contains("usage: tizilim parse"))
        #expect(out.contains("--json"))
    }

    @Test func unknownFlagIsAUsageError() {
        let (status, _, err) = run("parse", "--jsn", "x.eml")
        #expect(status == 64)
        #expect(err.contains("unknown option '--jsn'"))
    }

    @Test func unknownCommandIsAUsageError() {
        let (status, _, err) = run("frobnicate")
        #expect(status == 64)
        #expect(err.contains("no such command 'frobnicate'"))
    }

    @Test func unknownTopLevelFlagIsAUsageError() {
        #expect(run("--verbose").status == 64)
    }

    @Test func helpForAnUnknownCommandIsAUsageError() {
        #expect(run("help", "nothing").status == 64)
    }

    @Test func versionNamesTheLibraries() {
        let (status, out, _) = run("version")
        #expect(status == 0)
        #expect(out.contains("SQLite"))
        #expect(out.contains("libcurl"))
        #expect(out.contains("zlib"))
    }
}

@Suite struct ParseCommandOutput {
    static let application = """
    From: =?UTF-8?B?0JDQudCz0q/QuyDQodC10LnRgtKb0LDQu9C4?= <aigul@example.kz>\r
    To: volunteer@mki.gov.kz\r
    Subject: =?UTF-8?B?0JLQvtC70L7QvdGC0LXRgCDTqdGC0ZbQvdGW0YjRlg==?=\r
    Date: Thu, 21 Mar 2024 10:05:00 +0500\r
    Message-ID: <app-1@example.kz>\r
    MIME-Version: 1.0\r
    Content-Type: multipart/mixed; boundary=b\r
    \r
    --b\r
    Content-Type: text/plain; charset=utf-8\r
    \r
    Сәлеметсіз бе!\r
    --b\r
    Content-Type: application/pdf; name="form.pdf"\r
    Content-Disposition: attachment; filename="form.pdf"\r
    Content-Transfer-Encoding: base64\r
    \r
    JVBERi0xLjQ=\r
    --b--\r

    """

    @Test func jsonHasTheDocumentedKeys() {
        let folder = temporaryFolder(["a.eml": Self.application])
        defer { removeFolder(folder) }
        let (status, out, _) = run("parse", "--json", folder + "/a.eml")
        #expect(status == 0)
        let lines = out.split(separator: "\n")
        #expect(lines.count == 1)
        let line = String(lines[0])
        #expect(line.contains(#""messageId":"app-1@example.kz""#))
        #expect(line.contains(#""from":{"name":"Айгүл Сейтқали","address":"aigul@example.kz"}"#))
        #expect(line.contains(#""to":[{"name":null,"address":"volunteer@mki.gov.kz"}]"#))
        #expect(line.contains(#""subject":"Волонтер өтініші""#))
        #expect(line.contains(#""date":"2024-03-21T10:05:00+05:00""#))
        #expect(line.contains(#""autoSubmitted":false"#))
        #expect(line.contains(#"{"path":"0","contentType":"multipart/mixed","charset":null,"filename":null,"#))
        #expect(line.contains(#"{"path":"2","contentType":"application/pdf","charset":null,"filename":"form.pdf","size":8,"disposition":"attachment"}"#))
        #expect(line.contains(#""defects":[]"#))
    }

    @Test func textSummaryShowsEnvelopeAndTree() {
        let folder = temporaryFolder(["a.eml": Self.application])
        defer { removeFolder(folder) }
        let (status, out, _) = run("parse", folder)
        #expect(status == 0)
        #expect(out.contains("Subject:    Волонтер өтініші"))
        #expect(out.contains("From:       Айгүл Сейтқали <aigul@example.kz>"))
        #expect(out.contains("application/pdf"))
        #expect(out.contains("1 message(s) parsed: 0 automatic, 0 with defects"))
    }

    @Test func unreadableFileIsReportedAndTheOthersStillParsed() {
        let folder = temporaryFolder(["a.eml": Self.application])
        defer { removeFolder(folder) }
        let (status, out, err) = run("parse", "--json", folder + "/missing.eml", folder + "/a.eml")
        #expect(status == 66)
        #expect(err.contains("missing.eml"))
        #expect(out.contains("app-1@example.kz"))
    }

    @Test func maildirFoldersAreReadFromNewAndCur() {
        let folder = temporaryFolder([:])
        defer { removeFolder(folder) }
        mkdir(folder + "/new", 0o700); mkdir(folder + "/cur", 0o700); mkdir(folder + "/tmp", 0o700)
        let sub = temporaryFolder(["x": "Subject: in new\r\n\r\nhi"])
        rename(sub + "/x", folder + "/new/1.M1P1.host")
        removeFolder(sub)
        let (status, out, _) = run("parse", "--json", folder)
        #expect(status == 0)
        #expect(out.contains(#""subject":"in new""#))
        unlink(folder + "/new/1.M1P1.host")
        rmdir(folder + "/new"); rmdir(folder + "/cur"); rmdir(folder + "/tmp")
    }

    @Test func noOperandsIsAUsageError() {
        #expect(run("parse").status == 64)
    }
}
