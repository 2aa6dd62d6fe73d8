// End-to-end ingestion: messages dropped into a Maildir's new/ → cases committed (durably)
// and notices queued, then the notices delivered into a local Maildir. Prints messages/s.
//
// Then latency: one letter at a time dropped into new/, timed until its notice is delivered
// (over SMTP to SMTP-URL when given, else into a local Maildir); p50/p99.
//
// usage: intake-bench SAMPLES-MAILDIR COUNT [SMTP-URL]
//        PER_SAMPLE=N intake-bench SAMPLES-MAILDIR 1     (each sample's reading CPU, then exit)
import Cases
import Foundation
import Intake
import Mailbox
import Store

let arguments = CommandLine.arguments
guard arguments.count >= 3, let count = Int(arguments[2]) else {
    FileHandle.standardError.write(Data("usage: intake-bench SAMPLES-MAILDIR COUNT [SMTP-URL]\n".utf8))
    exit(64)
}
let samplesRoot = arguments[1]
let smtpURL = arguments.count > 3 ? arguments[3] : nil
let work = NSTemporaryDirectory() + "intake-bench-\(getpid())"
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
/// Sample `i` as a distinct letter from a distinct applicant: a new Message-ID, and a Reply-To
/// of its own so the per-address notice limit never applies.
@MainActor func letter(_ i: Int) -> [UInt8] {
    var text = templates[i % templates.count]
    text = text.replacingOccurrences(of: "Message-ID: <", with: "Message-ID: <b\(i).", options: [.caseInsensitive])
    return Array(("Reply-To: <applicant\(i)@bench.kz>\r\n" + text).utf8)
}
for i in 0..<count { _ = try maildir.deliver(letter(i)) }

/// CPU time of this thread, so the figure holds on a machine busy with other work.
func threadCPUSeconds() -> Double {
    var t = timespec()
    clock_gettime(CLOCK_THREAD_CPUTIME_ID, &t)
    return Double(t.tv_sec) + Double(t.tv_nsec) / 1e9
}
// Reading alone (MIME, forms, validation) on one core: what each core can read per second.
let readSample = (0..<min(count, 500)).map { letter($0) }
let readStart = threadCPUSeconds()
for bytes in readSample { _ = Intake.prepare(bytes, year: 2026, legacyCharset: IntakeSettings().legacyCharset) }
let readCPU = threadCPUSeconds() - readStart
print(String(format: "read (MIME + forms), one core: %.2f ms CPU per message, %.0f messages/s per core",
             readCPU * 1000 / Double(readSample.count), Double(readSample.count) / readCPU))
// PER_SAMPLE=N: each sample's reading CPU (N readings each), to find the costly kinds of letter.
if let repetitions = ProcessInfo.processInfo.environment["PER_SAMPLE"].flatMap(Int.init), repetitions > 0 {
    var total = 0.0
    for t in templates.indices {
        let bytes = letter(t)
        let start = threadCPUSeconds()
        for _ in 0..<repetitions { _ = Intake.prepare(bytes, year: 2026, legacyCharset: IntakeSettings().legacyCharset) }
        let milliseconds = (threadCPUSeconds() - start) * 1000 / Double(repetitions)
        total += milliseconds
        print(String(format: "sample %2d, %6d bytes: %.3f ms CPU", t, bytes.count, milliseconds))
    }
    print(String(format: "mean: %.3f ms CPU per letter", total / Double(templates.count)))
    exit(0)
}
let database = try Database(path: work + "/tizilim.sqlite")
let intake = Intake(database: database, settings: IntakeSettings())
let now = LocalDateTime(utcSeconds: Int64(Date().timeIntervalSince1970) + 3600)
/// CPU time of the whole process (every thread), and of the PDF readers: pdftotext runs this
/// process has waited for, and the tizilim-pdftext servers still running with the children
/// they have waited for (getrusage cannot see those).
func processCPUSeconds() -> (own: Double, children: Double) {
    func seconds(_ who: Int32) -> Double {
        var usage = rusage()
        getrusage(who, &usage)
        return Double(usage.ru_utime.tv_sec + usage.ru_stime.tv_sec) + Double(usage.ru_utime.tv_usec + usage.ru_stime.tv_usec) / 1e6
    }
    var servers = 0.0
    let me = getpid()
    for entry in (try? FileManager.default.contentsOfDirectory(atPath: "/proc")) ?? [] where Int32(entry) != nil {
        guard let stat = try? String(contentsOfFile: "/proc/\(entry)/stat", encoding: .utf8),
              stat.contains("(tizilim-pdftext)"), let close = stat.lastIndex(of: ")") else { continue }
        // After the name: state, ppid, …; utime, stime, cutime, cstime are fields 14-17.
        let fields = stat[stat.index(after: close)...].split(separator: " ")
        guard fields.count > 14, Int32(fields[1]) == me else { continue }
        servers += fields[11...14].compactMap { Double($0) }.reduce(0, +) / Double(sysconf(Int32(_SC_CLK_TCK)))
    }
    return (seconds(RUSAGE_SELF.rawValue), seconds(RUSAGE_CHILDREN.rawValue) + servers)
}
let processStart = processCPUSeconds()
let start = Date()
// The sweep reads on the global queue; this thread lists the Maildir and commits, so its CPU
// is the serial part's, however busy the other cores are.
let commitStart = threadCPUSeconds()
let lines = try IntakePass(maildir: maildir, intake: intake).run(now: now)
let commitCPU = threadCPUSeconds() - commitStart
let ingested = Date().timeIntervalSince(start)
let processEnd = processCPUSeconds()
let deliverStart = Date()
let localCourier = NoticeCourier(intake: intake, transport: .maildir(sent), envelopeFrom: "volunteer@mki.gov.kz")
var deliveries: [NoticeCourier.Delivery] = []
while true {
    let round = try localCourier.deliverDue(now: now)
    if round.isEmpty { break }
    deliveries += round
}
let delivered = Date().timeIntervalSince(deliverStart)
let cases = try database.query("SELECT count(*) FROM cases").first?.int(0) ?? 0
print("messages \(lines.count), cases \(cases), notices \(deliveries.count)")
print(String(format: "ingest: %.2f s, %.0f messages/s (batches of %d per durable commit, reading on every core)",
             ingested, Double(lines.count) / ingested, IntakePass(maildir: maildir, intake: intake).batchSize))
print(String(format: "CPU per letter: %.3f ms in this process, %.3f ms reading PDFs in other processes",
             (processEnd.own - processStart.own) * 1000 / Double(max(lines.count, 1)),
             (processEnd.children - processStart.children) * 1000 / Double(max(lines.count, 1))))
print(String(format: "commit: %.3f ms CPU per letter on the committing thread", commitCPU * 1000 / Double(max(lines.count, 1))))
print(String(format: "deliver to local Maildir: %.2f s, %.0f notices/s", delivered, Double(deliveries.count) / delivered))

// Latency: arrival to delivered notice, one letter at a time, as the daemon's loop does it.
let transport: NoticeCourier.Transport
if let smtpURL {
    transport = .smtp(try SMTPSender(server: SMTPServer(url: smtpURL)))
} else {
    transport = .maildir(sent)
}
let courier = NoticeCourier(intake: intake, transport: transport, envelopeFrom: "volunteer@mki.gov.kz")
var latencies: [Double] = []
for i in 0..<min(200, count) {
    let t0 = Date()
    _ = try maildir.deliver(letter(count + i))
    let at = LocalDateTime(utcSeconds: Int64(Date().timeIntervalSince1970) + 3600)
    _ = try IntakePass(maildir: maildir, intake: intake).run(now: at)
    _ = try courier.deliverDue(now: at)
    latencies.append(Date().timeIntervalSince(t0) * 1000)
}
latencies.sort()
@MainActor func percentile(_ p: Double) -> Double { latencies[min(latencies.count - 1, Int(Double(latencies.count) * p))] }
print(String(format: "latency arrival → notice %@: p50 %.1f ms, p99 %.1f ms (%d letters)",
             smtpURL == nil ? "in local Maildir" : "accepted by SMTP server", percentile(0.5), percentile(0.99), latencies.count))
try? FileManager.default.removeItem(atPath: work)
