// End-to-end ingestion: messages dropped into a Maildir's new/ → cases committed (durably)
// and notices queued, then the notices delivered into a local Maildir. Prints messages/s.
//
// usage: intake-bench SAMPLES-MAILDIR COUNT [WORKDIR]
import Cases
import Foundation
import Intake
import Mailbox
import Store

let arguments = CommandLine.arguments
guard arguments.count >= 3, let count = Int(arguments[2]) else {
    FileHandle.standardError.write(Data("usage: intake-bench SAMPLES-MAILDIR COUNT [WORKDIR]\n".utf8))
    exit(64)
}
let samplesRoot = arguments[1]
let work = arguments.count > 3 ? arguments[3] : NSTemporaryDirectory() + "intake-bench-\(getpid())"
try? FileManager.default.removeItem(atPath: work)
try FileManager.default.createDirectory(atPath: work, withIntermediateDirectories: true)

// The samples, each made a distinct letter from a distinct sender, so every one opens a case.
var templates: [String] = []
for folder in ["new", "cur"] {
    let path = samplesRoot + "/" + folder
    for name in (try FileManager.default.contentsOfDirectory(atPath: path)).sorted() where !name.hasPrefix(".") {
        templates.append(String(decoding: FileManager.default.contents(atPath: path + "/" + name)!, as: UTF8.self))
    }
}
let maildir = Maildir(path: work + "/maildir")
try maildir.create()
let sent = Maildir(path: work + "/sent")
try sent.create()
for i in 0..<count {
    var text = templates[i % templates.count]
    text = text.replacingOccurrences(of: "Message-ID: <", with: "Message-ID: <b\(i).", options: [.caseInsensitive], range: nil)
    text = text.replacingOccurrences(of: "From: ", with: "X-Bench: \(i)\r\nFrom: ", options: [], range: text.range(of: "From: "))
    text = text.replacingOccurrences(of: "@", with: "+b\(i)@", options: [], range: text.range(of: "@", range: text.range(of: "From: ").map { $0.upperBound..<text.endIndex }))
    _ = try maildir.deliver(Array(text.utf8))
}

let database = try Database(path: work + "/tizilim.sqlite")
let intake = Intake(database: database, settings: IntakeSettings())
let now = LocalDateTime(utcSeconds: Int64(Date().timeIntervalSince1970) + 3600)
let start = Date()
let lines = try Sweep(maildir: maildir, intake: intake).run(now: now)
let ingested = Date().timeIntervalSince(start)
let deliverStart = Date()
let deliveries = try NoticeCourier(intake: intake, transport: .maildir(sent), envelopeFrom: "volunteer@mki.gov.kz")
    .deliverDue(now: now)
let delivered = Date().timeIntervalSince(deliverStart)
let cases = try database.query("SELECT count(*) FROM cases").first?.int(0) ?? 0
print("messages \(lines.count), cases \(cases), notices \(deliveries.count)")
print(String(format: "ingest: %.2f s, %.0f messages/s (one durable transaction per message)", ingested, Double(lines.count) / ingested))
print(String(format: "deliver to local Maildir: %.2f s, %.0f notices/s", delivered, Double(deliveries.count) / delivered))
try? FileManager.default.removeItem(atPath: work)
